package server

import (
	"fmt"
	"math"
	"net/url"
	"sort"
	"strings"

	"github.com/dyad-events/dyad/internal/aggregate"
)

// Charts are drawn on the server as SVG: these types hold the shapes'
// coordinates, and the templates write them as elements, so every label
// goes through html/template's escaping.

// quadColours are the fills of the quad classes 1-4.
var quadColours = [4]string{"#4e79a7", "#59a14f", "#f28e2b", "#e15759"}

// rect is one bar or bar part, linking to its events.
type rect struct {
	X, Y, W, H float64
	Fill       string
	Href       string
	Title      string
}

// label is text placed on a chart.
type label struct {
	X, Y   float64
	Text   string
	Anchor string
}

// barChart is a horizontal bar chart.
type barChart struct {
	W, H   float64
	Bars   []rect
	Labels []label
}

// topChart draws the busiest dyads as bars linking to their explorer.
func topChart(rows []aggregate.Count) barChart {
	const rowH, left, width = 22.0, 90.0, 360.0
	c := barChart{W: left + width + 50, H: rowH*float64(len(rows)) + 10}
	most := 1
	for _, r := range rows {
		most = max(most, r.Events)
	}
	for i, r := range rows {
		y := 5 + rowH*float64(i)
		w := width * float64(r.Events) / float64(most)
		a, b, _ := strings.Cut(r.Key, "-")
		c.Bars = append(c.Bars, rect{X: left, Y: y, W: w, H: rowH - 6, Fill: goldsteinColour(r.Goldstein),
			Href: "/dyads/" + url.PathEscape(a) + "/" + url.PathEscape(b), Title: fmt.Sprintf("%s: %d events, mean Goldstein %.2f", r.Key, r.Events, r.Goldstein)})
		c.Labels = append(c.Labels, label{X: left - 6, Y: y + rowH/2, Text: r.Key, Anchor: "end"},
			label{X: left + w + 4, Y: y + rowH/2, Text: fmt.Sprint(r.Events), Anchor: "start"})
	}
	return c
}

// seriesChart is a dyad's periods as stacked quad-class bars, each part
// linking to its events, with the mean Goldstein as a line.
type seriesChart struct {
	W, H     float64
	Bars     []rect
	Line     string // polyline points
	Dots     []label
	Labels   []label
	Axis     []label
	Legend   []rect
	ZeroY    float64
	Plot     rect
	HasLine  bool
	Empty    bool
	MaxCount int
}

func newSeriesChart(res seriesResult, filterQ url.Values) seriesChart {
	const w, h, left, right, top, bottom = 760.0, 300.0, 40.0, 40.0, 20.0, 50.0
	c := seriesChart{W: w, H: h, Plot: rect{X: left, Y: top, W: w - left - right, H: h - top - bottom}}
	if len(res.Periods) == 0 {
		c.Empty = true
		return c
	}
	most := 1
	for _, p := range res.Periods {
		most = max(most, p.Events)
	}
	c.MaxCount = most
	slot := c.Plot.W / float64(len(res.Periods))
	barW := math.Max(1, slot*0.8)
	gy := func(g float64) float64 { return top + c.Plot.H*(10-g)/20 } // Goldstein -10..10
	c.ZeroY = gy(0)
	var pts []string
	step := max(1, len(res.Periods)/12)
	for i, p := range res.Periods {
		x := left + slot*float64(i) + (slot-barW)/2
		base := top + c.Plot.H
		counts := [4]int{p.VerbalCooperation, p.MaterialCooperation, p.VerbalConflict, p.MaterialConflict}
		for q, n := range counts {
			if n == 0 {
				continue
			}
			bh := c.Plot.H * float64(n) / float64(most)
			base -= bh
			link := url.Values{}
			for k, v := range filterQ {
				link[k] = v
			}
			link.Set("since", p.Period)
			link.Set("until", p.Period)
			link.Set("quad", fmt.Sprint(q+1))
			if strings.Contains(p.Period, "Q") {
				// A quarter is three months.
				y, qn := p.Period[:4], int(p.Period[6]-'0')
				link.Set("since", fmt.Sprintf("%s-%02d", y, qn*3-2))
				link.Set("until", fmt.Sprintf("%s-%02d", y, qn*3))
			}
			c.Bars = append(c.Bars, rect{X: x, Y: base, W: barW, H: bh, Fill: quadColours[q],
				Href: "/events?" + link.Encode(), Title: fmt.Sprintf("%s: %d %s", p.Period, n, quadName(q+1))})
		}
		if p.Events > 0 {
			y := gy(p.Goldstein)
			pts = append(pts, fmt.Sprintf("%.1f,%.1f", x+barW/2, y))
			c.Dots = append(c.Dots, label{X: x + barW/2, Y: y, Text: fmt.Sprintf("%s: mean Goldstein %.2f over %d events", p.Period, p.Goldstein, p.Events)})
		}
		if i%step == 0 {
			c.Labels = append(c.Labels, label{X: x + barW/2, Y: h - bottom + 16, Text: p.Period, Anchor: "middle"})
		}
	}
	c.Line = strings.Join(pts, " ")
	c.HasLine = len(pts) > 1
	c.Axis = []label{
		{X: left - 4, Y: top + 4, Text: fmt.Sprint(most), Anchor: "end"},
		{X: left - 4, Y: top + c.Plot.H, Text: "0", Anchor: "end"},
		{X: w - right + 4, Y: top + 4, Text: "+10", Anchor: "start"},
		{X: w - right + 4, Y: gy(0) + 4, Text: "0", Anchor: "start"},
		{X: w - right + 4, Y: top + c.Plot.H, Text: "−10", Anchor: "start"},
	}
	for q := range 4 {
		c.Legend = append(c.Legend, rect{X: left + float64(q)*160, Y: h - 18, W: 12, H: 12, Fill: quadColours[q], Title: quadName(q + 1)})
	}
	return c
}

// goldsteinColour maps a mean Goldstein score to a colour: red for
// conflict, grey for neutral, blue for cooperation.
func goldsteinColour(g float64) string {
	t := math.Max(-1, math.Min(1, g/10))
	if t >= 0 {
		return fmt.Sprintf("rgb(%d,%d,%d)", int(160-120*t), int(160-40*t), int(160+80*t))
	}
	return fmt.Sprintf("rgb(%d,%d,%d)", int(160-80*t), int(160+120*t), int(160+120*t))
}

// networkChart is actors (country or group keys) as nodes on a circle and
// the dyads between them as edges, sized by events and coloured by mean
// Goldstein.
type networkChart struct {
	W, H  float64
	Nodes []node
	Edges []edge
}

type node struct {
	X, Y, R float64
	Key     string
	Href    string
	Events  int
	LX, LY  float64
	Anchor  string
}

type edge struct {
	X1, Y1, X2, Y2 float64
	Width          float64
	Colour         string
	Href           string
	Title          string
}

// newNetwork lays the actors of rows out on a circle, busiest first.
func newNetwork(rows []aggregate.Count) networkChart {
	const w, h = 640.0, 560.0
	c := networkChart{W: w, H: h}
	events := map[string]int{}
	for _, r := range rows {
		a, b, _ := strings.Cut(r.Key, "-")
		events[a] += r.Events
		events[b] += r.Events
	}
	keys := make([]string, 0, len(events))
	for k := range events {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if events[keys[i]] != events[keys[j]] {
			return events[keys[i]] > events[keys[j]]
		}
		return keys[i] < keys[j]
	})
	if len(keys) > 40 {
		keys = keys[:40]
	}
	most, mostEdge := 1, 1
	for _, k := range keys {
		most = max(most, events[k])
	}
	for _, r := range rows {
		mostEdge = max(mostEdge, r.Events)
	}
	at := map[string]node{}
	cx, cy, rad := w/2, h/2, math.Min(w, h)/2-70
	// Step round the circle by a stride prime to the number of nodes, so
	// the busiest actors spread out instead of sitting side by side.
	stride := max(1, len(keys)*2/5)
	for gcd(stride, len(keys)) != 1 {
		stride++
	}
	for i, k := range keys {
		a := 2*math.Pi*float64(i*stride%len(keys))/float64(len(keys)) - math.Pi/2
		n := node{X: cx + rad*math.Cos(a), Y: cy + rad*math.Sin(a), R: 5 + 15*math.Sqrt(float64(events[k])/float64(most)),
			Key: k, Href: "/events?" + url.Values{"source": {k}}.Encode(), Events: events[k]}
		n.LX, n.LY = cx+(rad+n.R+10)*math.Cos(a), cy+(rad+n.R+10)*math.Sin(a)+4
		n.Anchor = "middle"
		if math.Cos(a) > 0.3 {
			n.Anchor = "start"
		} else if math.Cos(a) < -0.3 {
			n.Anchor = "end"
		}
		at[k] = n
		c.Nodes = append(c.Nodes, n)
	}
	for _, r := range rows {
		a, b, _ := strings.Cut(r.Key, "-")
		na, okA := at[a]
		nb, okB := at[b]
		if !okA || !okB || a == b {
			continue
		}
		c.Edges = append(c.Edges, edge{X1: na.X, Y1: na.Y, X2: nb.X, Y2: nb.Y,
			Width: 1 + 9*float64(r.Events)/float64(mostEdge), Colour: goldsteinColour(r.Goldstein),
			Href:  "/events?" + url.Values{"dyad": {r.Key}}.Encode(),
			Title: fmt.Sprintf("%s: %d events, mean Goldstein %.2f", r.Key, r.Events, r.Goldstein)})
	}
	// Thin edges first, so the busiest are drawn on top.
	sort.SliceStable(c.Edges, func(i, j int) bool { return c.Edges[i].Width < c.Edges[j].Width })
	return c
}

func gcd(a, b int) int {
	for b != 0 {
		a, b = b, a%b
	}
	return a
}
