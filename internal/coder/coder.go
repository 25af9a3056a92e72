// Package coder turns analysed documents into CAMEO event records. It reads
// each sentence's tokens and the actor mentions the actor stage found,
// finds event triggers from its lexicon, takes the source and target from
// the actors around each trigger (subject, object, "between X and Y", "X's
// visit to Y"), drops negated and speculative events, codes plans as
// intents, and dates each event from the text.
package coder

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/dyad-events/dyad/internal/actors"
	"github.com/dyad-events/dyad/internal/cameo"
	"github.com/dyad-events/dyad/internal/doc"
	"github.com/dyad-events/dyad/internal/quant"
	"github.com/dyad-events/dyad/internal/timex"
)

// Coder codes documents. It is safe for concurrent use.
type Coder struct {
	lex    *Lexicon
	places Places
	// OneSided keeps events with no target, which belong to no dyad; by
	// default they are left out.
	OneSided bool
}

// New returns a coder over an event lexicon. places may be nil: events
// then carry no location.
func New(lex *Lexicon, places Places) *Coder {
	return &Coder{lex: lex, places: places}
}

// hit is a trigger found in a parsed sentence.
type hit struct {
	t           *Trigger
	head        int        // the token that heads the match
	words       []int      // the tokens matched, the head first
	nominal     bool       // the head is an event noun ("the visit", "talks")
	first, last int        // token range of the trigger's words
	lo, hi      int        // token range of its clause
	date        timex.Date // the event's date in the text, when dated
	dated       bool
	news        bool // in the lead, undated, told as news (simple past, present perfect): leadDates
}

// sentence is the working state for one sentence.
type sentence struct {
	s        doc.Sentence
	toks     []doc.Token
	tree     *tree
	hits     []hit
	mentions []actors.Mention
	amounts  []quant.Amount
	counts   []count
	time     timex.Date // the time the story is at after it (timex.Told.Time)
}

// Code returns the events of d. Its sentences must carry their tokens and,
// to be coded, their parse (Parsed), and mentions[i] must hold the actor
// mentions of sentence i, as actors.Resolver.Document finds them; the
// coder re-codes them on the date of the sentence's events.
func (c *Coder) Code(d *doc.Document, mentions [][]actors.Mention) []doc.Event {
	ref, _ := timex.ParseISO(d.Published)
	sents := make([]sentence, len(d.Sentences))
	defer func() {
		for i := range sents {
			if t := sents[i].tree; t != nil {
				t.release()
			}
		}
	}()
	story := timex.NewStory(ref)
	lead := -1 // the paragraph of the first coded sentence, whose news leadDates dates
	for i, s := range d.Sentences {
		st := &sents[i]
		st.s = s
		if !s.Codable || !s.Parsed {
			continue
		}
		st.toks = s.Tokens
		if i < len(mentions) {
			st.mentions = mentions[i]
		}
		st.tree = newTree(st.toks, st.mentions)
		if lead < 0 {
			lead = s.Paragraph
		}
		st.hits = c.match(st.tree)
		told := story.Sentence(s.Paragraph, s.Text, st.toks)
		for k := range st.hits {
			h := &st.hits[k]
			h.date, h.dated = told.EventDate(h.first)
			h.news = !h.dated && s.Paragraph == lead && told.News(h.first)
		}
		st.time = told.Time()
		if len(st.hits) > 0 {
			st.amounts = quant.Find(s.Text, st.toks)
			st.counts = st.tree.counts(s.Text)
		}
	}
	leadDates(sents, story, lead)
	var events []doc.Event
	dc := discourse{doc: protagonists(d, mentions), authors: map[string]doc.Actor{}}
	dc.year, _ = strconv.Atoi(d.Published[:min(4, len(d.Published))])
	dc.dateline = c.dateline(d, dc.doc)
	para := -1
	for i := range sents {
		st := &sents[i]
		if st.s.Paragraph != para {
			// The paragraph's mentions go into the array of the last
			// paragraph's: nothing keeps them once the paragraph is coded.
			para, dc.para, dc.place, dc.topic = st.s.Paragraph, dc.para[:0], nil, nil
		}
		if st.tree != nil {
			st.mentions = atDate(st.mentions, d.Published, st.hits)
			st.tree.mentions = st.mentions
			evs := c.codeSentence(d, st, dc)
			dc.topic = nil
			if len(evs) > 0 {
				src := evs[0].Source
				dc.topic = &actors.Mention{Text: src.Text, Actors: []doc.Actor{src}}
			}
			for _, e := range evs {
				if e.Location != nil && e.Location.From == doc.FromClause {
					dc.place = e.Location
				}
				if e.Target != nil {
					dc.authors[e.Root] = e.Source
					if cameo.ClassOf(e.CAMEO).Force == "violent" {
						dc.authors[violentAct] = e.Source
					}
				}
			}
			events = append(events, evs...)
		}
		if i < len(mentions) {
			for _, m := range mentions[i] {
				if len(m.Actors) > 0 && !dateline(m, st.s.Text) {
					dc.para = append(dc.para, m)
				}
			}
		}
	}
	return events
}

// Mutual reports whether a sentence that names no actor may still hold an
// event to code: a mutual trigger, which takes the paragraph's two states
// ("A $3.5 billion agreement was signed"). The pipeline parses such
// sentences too. It reads the words only, before any parse.
func (c *Coder) Mutual(toks []doc.Token) bool {
	for _, t := range toks {
		for _, tr := range c.lex.byHead[t.Lower()] {
			if tr.Recip && !tr.Weak {
				return true
			}
		}
		for _, tr := range c.lex.phrases[t.Lower()] {
			if tr.Recip && !tr.Weak {
				return true
			}
		}
	}
	return false
}

// atDate codes the mentions of a sentence, found on the publication date
// pub, on the date of the sentence's first event: "Putin" is prime
// minister in a sentence about 2008.
func atDate(ms []actors.Mention, pub string, hits []hit) []actors.Mention {
	if len(hits) == 0 || !hits[0].dated || hits[0].date.String() == pub {
		return ms
	}
	date := hits[0].date.String()
	out := make([]actors.Mention, len(ms))
	for k, m := range ms {
		out[k] = m.At(date)
	}
	return out
}

// reading is one trigger of a sentence with its mood and parties.
type reading struct {
	h   hit
	mod string
	r   result
	// intended is the governor of intent above the trigger, "" for none.
	intended string
}

func (c *Coder) codeSentence(d *doc.Document, st *sentence, dc discourse) []doc.Event {
	// A question asserts nothing: "What does this meeting signify?"
	if strings.HasSuffix(strings.TrimRight(st.s.Text, "\"'”’ "), "?") {
		return nil
	}
	t := st.tree
	// A fragment with no verb ("partial implementation of agreements
	// with Ukraine; and") asserts nothing.
	verb := false
	for _, tok := range st.toks {
		verb = verb || tok.UPOS == "VERB" || tok.UPOS == "AUX"
	}
	if !verb {
		return nil
	}
	attributed := attributed(st.toks)
	var rs []reading
	for _, h := range st.hits {
		t.words = map[int]bool{}
		for _, w := range h.words {
			t.words[w] = true
		}
		mod, ok := t.mood(h.head)
		intended := t.intended
		t.words = nil
		if ok && !h.nominal && (cooperative(h.t.Code) && cameo.Root(h.t.Code) != "02" || cameo.Root(h.t.Code) == "01" && !h.t.Report) && t.habitual(h.head) {
			continue
		}
		// "tried to seize a ship", "attempted to storm the parliament":
		// an attempt at material conflict is itself an act of it, seized
		// or not; an attempt at anything else ("tried to persuade", "tried
		// to meet") says nothing of whether it happened.
		if ok && t.attempted && cameo.Quad(h.t.Code) != 4 {
			continue
		}
		if ok && cameo.ClassOf(h.t.Code).Force == "violent" && (h.nominal && t.background(h.head) || t.describes(h.head)) {
			continue
		}
		if !ok {
			// "said it would not meet the demands", "will not sign the
			// agreement": a declared refusal to cooperate is a rejection.
			if t.refusal(h.head) && cooperative(h.t.Code) {
				r := c.roles(st, h)
				hh := h
				hh.t = &Trigger{Code: "120", Kind: h.t.Kind, Phrase: h.t.Phrase, Head: h.t.Head, Weak: h.t.Weak}
				rs = append(rs, reading{h: hh, mod: doc.Asserted, r: r})
			}
			// "agreed not to use force against each other", "pledged
			// never to attack": a promise not to use force is an intent
			// to de-escalate (0356), planned.
			if cameo.ClassOf(h.t.Code).Force == "violent" && t.renounced(h.head) {
				r := c.roles(st, h)
				hh := h
				hh.t = &Trigger{Code: "0356", Kind: h.t.Kind, Phrase: h.t.Phrase, Head: h.t.Head, Weak: h.t.Weak, Recip: h.t.Recip}
				rs = append(rs, reading{h: hh, mod: doc.Planned, r: r, intended: t.lemma(t.head(h.head))})
			}
			continue
		}
		if attributed && mod == doc.Asserted && !h.t.Report {
			mod = doc.Reported
		}
		// "said the raid was a massacre", "told members that the raid
		// amounted to murder": to say an act is what one condemns by
		// calling it so is to condemn it, an event of its own, aimed at
		// the act's author, not at the audience told.
		if h.t.Report {
			if code := c.condemns(t, h.head); code != "" {
				h.t = &Trigger{Code: code, Kind: h.t.Kind, Phrase: h.t.Phrase, Head: h.t.Head, Clause: true, Topic: true}
			}
		}
		r := c.roles(st, h)
		if len(r.src) == 0 && dc.topic != nil && t.itSubject(h) {
			r.src = mentions{dc.topic}
		}
		rs = append(rs, reading{h: h, mod: mod, r: r, intended: intended})
	}
	rs = c.governed(t, rs)
	rs = oneAct(t, rs)
	rs = append(rs, accusations(t, rs)...)
	// The targets the sentence's own clauses name come first when another
	// event takes its target from the sentence: "Bahrain and Sudan cut
	// their ties with Tehran, while the UAE recalled its ambassador".
	dc.targets, dc.doers, dc.aims = nil, map[int]mentions{}, map[int]mentions{}
	for _, rd := range rs {
		dc.targets = dc.targets.add(rd.r.tgt...)
		if len(rd.r.tgt) > 0 {
			dc.aims[t.governing(rd.h.head)] = rd.r.tgt
		}
		// Who reports a clause is no doer: "Syrian officials said
		// American cruise missiles had struck the air base".
		if !rd.h.t.Report && !is("report", t.lemma(rd.h.head)) {
			dc.doers[rd.h.head] = dc.doers[rd.h.head].add(rd.r.src...)
		}
	}
	var out []doc.Event
	seen := map[string]bool{}
	for pass := 0; pass < 2; pass++ {
		for _, rd := range rs {
			// A verb of saying is coded only when nothing it reports is;
			// but to say that another must act is a demand, an event of
			// its own ("reiterated that Libya must hand over the suspects
			// as he embarked on a trip to seek support").
			saying := rd.h.t.Report && !t.demands(rd.h.head)
			if saying != (pass == 1) {
				continue
			}
			if pass == 1 && len(out) > 0 {
				break
			}
			evs := c.events(d, st, rd, dc, seen)
			for _, e := range evs {
				if e.Target != nil {
					dc.authors[wordAct+t.lemma(rd.h.head)] = e.Source
				}
			}
			out = append(out, evs...)
		}
	}
	return out
}

// oneAct drops what names another event's act: an event verb whose "by"
// and gerund is an event (byDoing), and an event noun that is the subject
// of an event verb with both parties and of its kind (both violent, or of
// one root: sameKind), which names the same act: "A U.S. drone strike
// near Baghdad killed Qasem Soleimani" is one killing, whose victim the
// verb names (the noun alone would aim at the place), not a strike
// besides.
func oneAct(t *tree, rs []reading) []reading {
	heads := map[int]bool{}
	for _, rd := range rs {
		heads[rd.h.head] = true
	}
	acts := map[int]string{} // the subject of each verb event with a target: the verb's code
	for _, rd := range rs {
		if rd.h.nominal || len(rd.r.src) == 0 || len(rd.r.tgt) == 0 {
			continue
		}
		for _, s := range t.children(rd.h.head, "nsubj") {
			acts[s] = rd.h.t.Code
		}
	}
	var out []reading
	for _, rd := range rs {
		if code, ok := acts[rd.h.head]; ok && rd.h.nominal && sameKind(code, rd.h.t.Code) {
			continue
		}
		if t.byDoing(rd.h, heads) {
			continue
		}
		out = append(out, rd)
	}
	return out
}

// byDoing reports whether the verb event h says how it was done with a
// "by" and a gerund that is itself an event (among heads): "Ankara
// retaliated by expelling ten ambassadors" is the expulsion, no other act.
func (t *tree) byDoing(h hit, heads map[int]bool) bool {
	if h.nominal {
		return false
	}
	for _, c := range t.children(h.head, "advcl") {
		if heads[c] && t.marker(c) == "by" && t.toks[c].XPOS == "VBG" {
			return true
		}
	}
	return false
}

// sameKind reports whether two codes may name one act: of one root, or
// both violent (a strike that killed is one killing, 195 and 186).
func sameKind(a, b string) bool {
	violent := func(c string) bool { return cameo.ClassOf(c).Force == "violent" }
	return cameo.Root(a) == cameo.Root(b) || violent(a) && violent(b)
}

// accusations reads the accusations in what verbs of saying report:
// "Ankara said the plane had violated Turkish airspace". To report that
// another broke a norm, law or truce (classes.tsv breach: 128 violated
// airspace, 196 breached a truce) to one's own side is to accuse its
// author (112), whom the clause
// or else discourse names; the violation itself stays reported. An act
// that is no wrong in itself ("said Britain had expelled 23 Russian
// diplomats", "said Turkey had shot down a Russian bomber") is only
// reported. The accusation is the verb of saying's, dated and placed as
// that verb.
func accusations(t *tree, rs []reading) []reading {
	var out []reading
	done := map[int]bool{}
	for _, rd := range rs {
		if rd.mod != doc.Reported || rd.h.t.Report || !cameo.ClassOf(rd.h.t.Code).Breach {
			continue
		}
		k := t.governing(t.site(rd.h.head))
		if t.manner(t.site(rd.h.head), rd.h.words) {
			k = t.verbOf(t.site(rd.h.head)) // "had entered Gori in breach of the truce"
		}
		g := t.reporter(k)
		if g < 0 || done[g] {
			continue
		}
		for _, say := range rs {
			if say.h.head != g || !say.h.t.Report || len(say.r.src) == 0 {
				continue
			}
			// A breach that names no victim ("had violated the
			// ceasefire") is of the reporter's side too.
			if len(rd.r.tgt) > 0 && !ownSide(rd.r.tgt, say.r.src) || ownSide(rd.r.src, say.r.src) {
				continue
			}
			done[g] = true
			h := say.h
			h.t = &Trigger{Code: "112", Kind: say.h.t.Kind, Phrase: say.h.t.Phrase, Head: say.h.t.Head, Topic: true}
			out = append(out, reading{h: h, mod: doc.Asserted, r: result{src: say.r.src, tgt: rd.r.src}})
			break
		}
	}
	return out
}

// governed drops a trigger of intent whose infinitive is itself coded:
// "pledged to provide aid" is the intent to provide aid (033), not also a
// bare pledge (030).
func (c *Coder) governed(t *tree, rs []reading) []reading {
	coded := map[int]bool{}
	for _, rd := range rs {
		coded[rd.h.head] = true
	}
	var out []reading
	for _, rd := range rs {
		keep := true
		if strings.HasPrefix(rd.h.t.Code, "03") {
			for _, k := range t.kids[rd.h.head] {
				if t.toks[k].Rel != "xcomp" && !t.intentComplement(rd.h.head, k) {
					continue
				}
				// "vowed not to allow it": an intent not to act is no
				// intent to cooperate.
				if _, ok := t.own(k); coded[k] || !ok {
					keep = false
				}
			}
		}
		// "ordered the sailors held in custody": the order is the
		// detention it makes, coded on the participle, no demand besides.
		if keep && len(rd.h.words) == 1 && is("cause", t.lemma(rd.h.head)) {
			for _, o := range t.children(rd.h.head, "obj") {
				for _, p := range append(t.children(o, "acl"), t.children(rd.h.head, "acl")...) {
					keep = keep && !(coded[p] && t.toks[p].XPOS == "VBN")
				}
			}
		}
		if keep {
			out = append(out, rd)
		}
	}
	return out
}

// events turns one reading into event records, one per (source, target).
func (c *Coder) events(d *doc.Document, st *sentence, rd reading, dc discourse, seen map[string]bool) []doc.Event {
	h, mod := rd.h, rd.mod
	code := h.t.Code
	// Peacekeepers who arrive somewhere (a trigger of place: "arrive in",
	// "fly to") are deployed there to keep the peace: they provide
	// peacekeeping (074), they pay no visit ("Kenyan peacekeepers arrived
	// in Somalia").
	peace := cameo.Root(code) == "04" && h.t.Place && st.tree.peacekeeping(rd.r.src)
	if peace || cameo.Root(code) == "15" && st.tree.mandated(h, rd.r.src) {
		code = "074"
	}
	// "India, Japan and the United States held the Malabar naval
	// exercise": an exercise that several states hold together, aimed at
	// no one, is joint, military cooperation among them (062, mutual).
	if code == "150" && len(rd.r.tgt) == 0 && len(rd.r.pair) == 0 && countries(rd.r.src.actors()) >= 2 {
		code = "062"
		joint := *h.t
		joint.Recip = true
		h.t = &joint
	}
	// A violent verb takes the code of the means its subject names ("a
	// suicide bomber killed" is 1831).
	if m := c.means(st.tree, h, code); m != "" {
		code = m
	}
	// A plan is coded as the intent to act ("will visit" is 036,
	// "pledged to give aid" 033, "threatened to impose sanctions" 130);
	// but a conflictual act announced in the future tense alone, or
	// decided, is the act ("said contacts would be suspended", "agreed to
	// widen sanctions" are 16), unless it is violence, whose announcement
	// is a threat ("said its army would strike" is 13).
	// A decision taken to act is the act, whatever its code ("the court
	// decided to allow the candidate to run" is 0812, as CAMEO's codebook
	// codes it), but violence decided on is still a threat.
	violent := cameo.ClassOf(code).Force == "violent"
	if mod == doc.Planned && !(is("decision", rd.intended) && !violent) && (rd.intended != "" && !is("decide", rd.intended) || !strings.HasPrefix(intent(code), "13") || violent) {
		code = intent(code)
	}
	// "Russia said that Sudan must return the helicopter": a statement
	// that another must act is a demand.
	if h.t.Report && st.tree.demands(h.head) {
		code = "100"
	}
	if _, ok := cameo.Lookup(code); !ok {
		return nil
	}
	if code[:2] == "03" {
		mod = doc.Planned // an intent is a plan, whatever the tense
	}
	r := rd.r
	// "Haley called the seizure an outrageous violation": disapproval
	// or rejection of an act the story told before aims at its author,
	// not at the forum or a party named around it.
	if root := cameo.Root(code); (root == "11" || root == "12") && len(r.pair) == 0 {
		if a := c.author(st.tree, h, dc); a != nil && len(cross(r.src.actors(), a.Actors)) > 0 {
			r.tgt = mentions{a}
		}
	}
	loc := c.place(st, h, code, inPlay(r, dc))
	// "visited Shanghai", "bombed the town of Gori", "stationed missiles
	// in Syria": where the clause names no target, a place it names
	// gives the target its country, before any party from discourse. A
	// meeting's place does so only in the country of the story's other
	// protagonist ("led talks in Washington"); elsewhere it is a third
	// location, no party ("talks in New York", "a meeting in Brussels").
	if loc != nil && loc.Country != "" && len(r.tgt) == 0 && len(r.pair) == 0 && (h.t.Place || code == "042" || forceful(code) || code[:2] == "04" && dc.protagonist(loc.Country)) {
		if p := placeParty(*loc, r.src); p != nil {
			r.tgt = mentions{p}
		}
	}
	// "A journalist was killed in a car bomb explosion in Beirut", "a
	// roadside bomb near Samarra killed two youths": violence no one is
	// named for is done by unidentified armed forces (CAMEO's UAF) of the
	// country where it happens, as the clause names it.
	if cameo.ClassOf(code).Force == "violent" && len(r.src) == 0 && len(r.pair) == 0 && !h.nominal && loc != nil && loc.From == doc.FromClause && loc.Country != "" {
		r.src = mentions{{Text: loc.Text, Actors: []doc.Actor{{Text: loc.Text, Code: loc.Country + "UAF", Country: loc.Country}}}}
	}
	armed := st.tree.units(r.src)
	pairs, roles := c.pairs(st, h, r, code, dc)
	if !material(code) {
		// A state and an armed group of its own are two sides in deeds
		// only: "Hamas leaders declared victory as thousands of Gazans
		// poured into the streets" is no statement to Palestine.
		for k, p := range pairs {
			if p.tgt.Code != "" && (sameSide(p.src, p.tgt) || related(p.src, p.tgt)) {
				pairs[k] = pair{src: p.src}
			}
		}
	}
	if cameo.Root(h.t.Code) == "04" && !peace {
		// Troops, warships and aircraft that arrive somewhere are deployed
		// there; a body of armed forces pays no visit and holds no talks
		// ("Rwandan troops had been arriving", "a C-17 of the U.S. Air
		// Force landed in Tbilisi"). Its officers do ("the army chief
		// arrived in Islamabad").
		var kept []pair
		for _, p := range pairs {
			if !armed && !unit(p.src.Text) {
				kept = append(kept, p)
			}
		}
		pairs = kept
	}
	if !c.OneSided {
		var two []pair
		for _, p := range pairs {
			if p.tgt.Code != "" {
				two = append(two, p)
			}
		}
		pairs = two
	}
	date, prec := d.Published, doc.PrecisionDoc
	if h.dated {
		date, prec = h.date.String(), h.date.Precision()
	}
	amounts := quantities(st, h, code, date)
	counted := magnitudes(st, h, code)
	var out []doc.Event
	for _, p := range pairs {
		key := p.src.Code + "|" + p.tgt.Code + "|" + code
		if seen[key] {
			continue
		}
		seen[key] = true
		var tgt *doc.Actor
		if p.tgt.Code != "" {
			t := p.tgt
			tgt = &t
		}
		info, _ := cameo.Lookup(forceCode(code, p.src, tgt, armed))
		where := loc
		if where == nil {
			where = c.unnamed(code, p.src, tgt, dc)
		}
		e := doc.Event{
			Doc:           d.ID,
			DocDate:       d.Published,
			DocDateFrom:   d.DateFrom,
			Sentence:      st.s.Text,
			SentenceIndex: st.s.Index,
			Span:          [2]int{st.s.Start, st.s.End},
			Source:        p.src,
			Target:        tgt,
			CAMEO:         info.Code,
			Root:          info.Root,
			PLOVER:        info.PLOVER,
			Goldstein:     info.Goldstein,
			Quad:          info.Quad,
			Trigger:       triggerText(st, h),
			Date:          date,
			DatePrecision: prec,
			Location:      where,
			Quantities:    amounts,
			Magnitudes:    counted,
			Modality:      mod,
			Tables:        cameo.Version,
			Confidence:    confidence(h, roles, mod),
		}
		e.ID = eventID(d, e, st.toks[h.head].Start)
		out = append(out, e)
	}
	return out
}

// triggerText is the text of the trigger's words: the head and the words
// its pattern matched, from the first to the last.
func triggerText(st *sentence, h hit) string {
	return st.s.Text[st.toks[h.first].Start:st.toks[h.last].End]
}

// pairs turns the parties the parse gave an event into (source, target)
// pairs. "Between X and Y" and mutual events name both sides at once;
// when the clause names no target, an event that takes two parties takes
// the other party of its sentence or paragraph.
func (c *Coder) pairs(st *sentence, h hit, r result, code string, dc discourse) ([]pair, float64) {
	context := dc.para
	// The year the event is of: a member of a body (members.tsv) is on
	// its side.
	year := dc.year
	if h.dated {
		year = h.date.Year
	}
	src, tgt := distinct(r.src.actors()), distinct(r.tgt.actors())
	// No party is on both sides of one event: "the United States, Britain
	// and France helped Nigeria" does not aim at the United States.
	if len(src) > 1 && len(tgt) > 1 {
		var keep []doc.Actor
		for _, a := range tgt {
			own := false
			for _, b := range src {
				own = own || a.Country != "" && a.Country == b.Country
			}
			if !own {
				keep = append(keep, a)
			}
		}
		if len(keep) > 0 {
			tgt = keep
		}
	}
	// The target a clause conjoined to the event's names, if any.
	joined := st.tree.parallel(h, dc.aims)
	if len(r.pair) > 0 {
		both := r.pair.actors()
		switch {
		case r.theirs && len(joined) > 0:
			// "Bolivia cut ties with Israel, and Chile and Colombia
			// recalled their ambassadors": the target the conjoined clause
			// names, not each other.
			return cross(both, joined.actors()), 0.8
		case len(src) > 0 && !(h.t.Recip && (h.nominal || st.tree.gerund(h.head))) && !overlaps(r.src, r.pair):
			// "Russia offered to mediate between Armenia and Azerbaijan",
			// "Qatar launched a mediation effort between Israel and
			// Hamas": what one does between two others it does to each;
			// a mutual noun ("held talks between X and Y") or gerund
			// with no subject of its own ("closed the border because of
			// fighting between X and Y") is the pair's own.
			return cross(src, both), 1
		case len(both) >= 2 && r.each && !h.t.Recip:
			// "Ukraine and Russia blamed each other": each blames the
			// other, one event each way.
			var out []pair
			for _, p := range pairsOf(both) {
				out = append(out, p, pair{src: p.tgt, tgt: p.src})
			}
			return out, 1
		case len(both) >= 2:
			return pairsOf(both), 1
		case len(src) > 0:
			return cross(src, both), 1
		}
	}
	switch {
	case len(src) > 0 && len(tgt) > 0 && sameActors(src, tgt):
		// "Britain, France and Germany said they regretted": the target
		// refers back to the source; a mutual event pairs its members.
		if h.t.Recip {
			return pairsOf(src), 1
		}
		return nil, 0
	case len(src) > 0 && len(tgt) > 0 && r.own:
		// "Ukraine shelled its own troops": force on one's own side.
		return allPairs(src, tgt), 1
	case len(src) > 0 && len(tgt) > 0:
		return cross(src, tgt), 1
	case len(src) == 2 && len(tgt) == 0 && len(r.src) == 1 && r.src[0].Kind == actors.Group && countries(src) == 2 && cameo.ClassOf(code).Force == "violent":
		// "Both sides kept up attacks": the two parties of a conflict
		// that fight with no other target fight each other, each way.
		return []pair{{src: src[0], tgt: src[1]}, {src: src[1], tgt: src[0]}}, 1
	case len(src) >= 2 && !h.t.Recip && len(joined) > 0:
		// "Bolivia cut ties with Israel, and Chile and Colombia recalled
		// their ambassadors": a clause conjoined to one that names its
		// target shares it, and each of its subjects acts on it.
		return cross(src, joined.actors()), 0.8
	case len(src) >= 2 && (h.t.Recip || twoParty(code) && countries(src) == 2) && !is("join", st.tree.lemma(h.head)):
		// "China and Russia met", "India and Pakistan signed an
		// agreement": parties of a mutual event act on each other.
		return pairsOf(src), 1
	case len(src) == 0 && len(tgt) >= 2 && h.t.Recip:
		return pairsOf(tgt), 1
	case len(src) == 0 && r.agentless && cameo.Root(code) == "17" && homeState(tgt) != "":
		// "17 people were detained in Tehran", "about 40 people had
		// been arrested": people of a country held or coerced by an
		// agent no one names are held by its state.
		c := homeState(tgt)
		return cross([]doc.Actor{{Code: c + "GOV", Country: c}}, tgt), 0.8
	case len(src) == 0 && len(tgt) > 0 && (h.t.Recip || twoParty(code) || r.agentless && !forceful(h.t.Code)) && !h.t.Weak && !r.srcNamed:
		// "agreements signed with Yanukovych": the other party of a
		// two-party event is the sentence's or the paragraph's; so is
		// the unnamed agent of a passive done to a party ("the
		// ambassador was summoned").
		if other, near := otherParty(st.tree, r.tgt, nil, nil, context, code, year); other != nil {
			return cross([]doc.Actor{*other}, tgt), trust(near)
		}
	case len(src) == 0 && len(tgt) == 0 && h.t.Recip && !h.t.Weak && !h.nominal:
		// "A $3.5 billion agreement was signed": a mutual event that
		// names nobody is between the two states the paragraph is about.
		if p := implicitPair(context); p != nil {
			return pairsOf(p), 0.5
		}
		// "Ashton said negotiators would meet again": with no two states
		// in the paragraph, the document's two protagonists meet.
		if len(dc.doc) == 2 && dc.doc[0].Country != dc.doc[1].Country && st.tree.peopleSubject(h.head) {
			return pairsOf(dc.doc), 0.5
		}
	case len(src) > 0 && (!h.t.Weak || cameo.Root(code) == "14" && crowds(r.src) || h.t.Clause && st.tree.anyone(h.head)):
		// A weak word is no event without both parties in its clause,
		// but a crowd that protests ("demonstrators protested election
		// results") is a protest whatever its object.
		// People the clause names as its object but no dictionary knows
		// ("urged members to adopt") are not replaced by another party; the
		// paragraph's parties stand in only for events that take two.
		// An act done at home ("declared a state of emergency", "imposed
		// a curfew") aims at the people of where its clause says it is
		// done ("restored political freedoms in Hong Kong"), else at the
		// source's own country, and at no party from discourse.
		if !r.named && cameo.ClassOf(code).Home {
			if in := st.tree.placeIn(h, r.src); in != nil {
				if p := cross(src, []doc.Actor{*in}); len(p) > 0 {
					return p, 0.8
				}
			}
			var out []pair
			for _, a := range src {
				if a.Country != "" {
					out = append(out, pair{src: a, tgt: doc.Actor{Text: a.Text, Code: a.Country, Country: a.Country}})
				}
			}
			if len(out) > 0 {
				return out, 0.8
			}
		}
		// "urged all three countries to return to negotiations", "the two
		// sides": a counted group of states is the paragraph's last that
		// many states not on the source's side.
		if r.named && len(tgt) == 0 {
			if n := st.tree.counted(h); n >= 2 {
				if states := lastStates(context, src, n); len(states) == n {
					return cross(src, states), 0.6
				}
			}
		}
		if !r.named && !cameo.ClassOf(code).Home {
			// "M23 rebels captured two towns in the east": an armed group
			// outside the state that uses force on no one the clause
			// names (no object but things) fights its state, whoever else
			// the sentence names; "the pilot was shot dead by rebels" is
			// done to someone.
			if c := insurgency(src); c != "" && cameo.ClassOf(code).Force == "violent" && !st.tree.hasObject(h) {
				return cross(src, []doc.Actor{{Code: c + "GOV", Country: c}}), 0.8
			}
			if !(h.t.Recip || twoParty(code)) {
				context = nil
			}
			// The doers of acts told after it: an act told later may
			// answer one told before ("Georgian troops launched an
			// offensive and Moscow sent in armoured columns" aims the
			// columns at Georgia, not the offensive at Russia).
			var doers mentions
			if !st.tree.argued(h) {
				now := st.tree.order(h.head)
				for at, ms := range dc.doers {
					if st.tree.order(at) > now {
						doers = doers.add(ms...)
					}
				}
			}
			// "said the American sanctions were a violation of
			// international law": an act a copula's predicate describes
			// is talked about, and only its own phrases give it a target
			// ("Xi's visit to Moscow was his first trip abroad").
			talked := h.nominal && st.tree.described(h.head)
			if other, near := otherParty(st.tree, r.src, dc.targets, doers, context, code, year); other != nil && !talked {
				return cross(src, []doc.Actor{*other}), trust(near)
			}
			// Else the document's other protagonist: "Warsaw deployed
			// 15,000 soldiers along the border" in an article about Poland
			// and Belarus. Statements and aid are not aimed by default:
			// one needs its addressee named, the other its recipients
			// ("set up shelters for deportees" is no aid to the rival).
			if other := dc.other(src); other != nil && !talked && cameo.Root(code) != "01" && cameo.Root(code) != "07" && !(material(code) && doerCountry(other.Country, doers)) {
				return cross(src, []doc.Actor{*other}), 0.5
			}
		}
		var out []pair
		for _, a := range src {
			out = append(out, pair{src: a})
		}
		return out, 0.5
	}
	return nil, 0
}

// cooperative reports whether a code is of cooperation (quad classes 1
// and 2: roots 02 to 08).
func cooperative(code string) bool {
	r := cameo.Root(code)
	return r >= "02" && r <= "08"
}

// discourse is what the coder knows around a sentence: the actors of its
// paragraph so far and the two countries the document is about.
type discourse struct {
	para []actors.Mention
	doc  []doc.Actor
	// dateline is the city of the story's dateline, or nil; place is the
	// place the paragraph's last sentence with a place named, or nil.
	dateline, place *doc.Location
	// targets are the targets the parse gave the sentence's triggers.
	targets mentions
	// doers are the sources the parse gave the sentence's triggers, by
	// the trigger's head.
	doers map[int]mentions
	// year is the year of the document's publication.
	year int
	// aims holds the targets the parse gave the sentence's triggers, by
	// the head of the trigger's clause.
	aims map[int]mentions
	// topic is who did the first event of the paragraph's last sentence,
	// if it coded one: the party a following "it" most likely is.
	topic *actors.Mention
	// authors holds, by CAMEO root, the source of the document's last
	// event of that root so far: who did "the seizure" a later sentence
	// names; under violentAct, the source of its last violent event;
	// under wordAct and a lemma, the source of the last event with a
	// target whose trigger's head is that word ("attacked" for "the
	// attack"), set as soon as the event is coded.
	authors map[string]doc.Actor
}

// wordAct prefixes the keys of discourse.authors for the last act told
// with a word, by the lemma of its trigger's head ("=attack").
const wordAct = "="

// violentAct is the key of discourse.authors for the document's last
// violent act, the one a generic noun of deed ("the acts", "the
// incident") refers back to.
const violentAct = "violent"

// author returns the party that did the act an event's object names
// with a definite event noun and no party of its own ("called the
// seizure a violation", "condemned the attack"): "the" refers back to
// the act the story told before, so its author is the source of the
// document's last event of the noun's kind. It returns nil when the
// object names no such act or no such event came before.
func (c *Coder) author(t *tree, h hit, dc discourse) *actors.Mention {
	for _, k := range t.children(h.head, "obj") {
		if t.mentionOf(k) != nil || t.toks[k].UPOS != "NOUN" {
			continue
		}
		det := t.child(k, "det")
		if det < 0 || t.low[det] != "the" {
			continue
		}
		owned := false
		for _, kid := range t.kids[k] {
			owned = owned || t.rel(kid) == "nmod" || t.toks[kid].Rel == "nmod:poss" || t.mentionOf(kid) != nil
		}
		if owned {
			continue
		}
		// "condemned the acts that led to the loss of life", "deplored
		// the incident": a generic noun of deed (grammar.txt deed) names
		// no kind of act; what a statement of disapproval refers back to
		// with it is the last violent act the story told.
		if is("deed", t.lemma(k)) {
			if a, ok := dc.authors[violentAct]; ok {
				return &actors.Mention{Text: a.Text, Actors: []doc.Actor{a}}
			}
			continue
		}
		// "Al-Shabaab militants attacked a base ... Somalia condemned the
		// attack": the last act told with the noun's own word, verb or
		// noun, before the last of its root.
		if a, ok := dc.authors[wordAct+t.lemma(k)]; ok {
			return &actors.Mention{Text: a.Text, Actors: []doc.Actor{a}}
		}
		for _, tr := range c.lex.byHead[t.lemma(k)] {
			if tr.Kind != 'n' || len(tr.Mods) > 0 || len(tr.Deps) > 0 {
				continue
			}
			if a, ok := dc.authors[cameo.Root(tr.Code)]; ok {
				return &actors.Mention{Text: a.Text, Actors: []doc.Actor{a}}
			}
		}
	}
	return nil
}

// protagonist reports whether country is one of the document's two
// protagonists.
func (dc discourse) protagonist(country string) bool {
	for _, a := range dc.doc {
		if a.Country == country {
			return true
		}
	}
	return false
}

// other returns the protagonist of the document on no side of src's, or
// nil.
func (dc discourse) other(src []doc.Actor) *doc.Actor {
	for i, a := range dc.doc {
		own := false
		for _, s := range src {
			own = own || s.Country == a.Country
		}
		if !own {
			return &dc.doc[i]
		}
	}
	return nil
}

// protagonists returns the two countries the document names most often,
// or none when one country dominates alone.
func protagonists(d *doc.Document, ms [][]actors.Mention) []doc.Actor {
	n := map[string]int{}
	var order []string
	for i, sm := range ms {
		for _, m := range sm {
			// A dateline is a venue, no party: "VIENNA, July 14 —" makes
			// Austria no protagonist of the Iran deal.
			if i < len(d.Sentences) && dateline(m, d.Sentences[i].Text) {
				continue
			}
			for _, a := range m.Actors {
				if a.Country == "" {
					continue
				}
				if n[a.Country] == 0 {
					order = append(order, a.Country)
				}
				n[a.Country]++
			}
		}
	}
	sort.SliceStable(order, func(i, j int) bool { return n[order[i]] > n[order[j]] })
	if len(order) < 2 {
		return nil
	}
	return []doc.Actor{{Code: order[0], Country: order[0]}, {Code: order[1], Country: order[1]}}
}

// dateline reports whether m, a mention of the sentence text, is the
// place of a wire dateline: a name in capitals that opens the sentence,
// followed by a comma and a month or day (grammar.txt dateword:
// "VIENNA, July 14, 2015 —"; not "NATO said", nor a headline's "US, EU
// impose sanctions").
func dateline(m actors.Mention, text string) bool {
	if m.First != 0 || m.End >= len(text) || text[m.End] != ',' || m.Text != strings.ToUpper(m.Text) || m.Text == strings.ToLower(m.Text) {
		return false
	}
	word, _, _ := strings.Cut(strings.TrimSpace(text[m.End+1:]), " ")
	return is("dateword", strings.ToLower(strings.TrimSuffix(word, ".")))
}

// trust is how much a party from discourse is trusted: one the sentence
// names more than one the paragraph named before.
func trust(inSentence bool) float64 {
	if inSentence {
		return 0.8
	}
	return 0.6
}

// confidence is how sure the coder is of an event: the pattern's
// specificity (a verb with the object or particle it names is surer than
// a bare verb or a noun; an ambiguous "weak" word less sure), times how
// its parties were found (roles), times its modality.
func confidence(h hit, roles float64, mod string) float64 {
	c := 0.75
	switch {
	case len(h.words) > 1:
		c = 0.9
	case h.nominal:
		c = 0.7
	}
	if h.t.Weak {
		c *= 0.85
	}
	switch mod {
	case doc.Reported:
		c *= 0.9
	case doc.Planned:
		c *= 0.85
	}
	return math.Round(c*roles*100) / 100
}

// implicitPair returns the last two distinct countries of the paragraph.
func implicitPair(context []actors.Mention) []doc.Actor {
	var out []doc.Actor
	seen := map[string]bool{}
	for k := len(context) - 1; k >= 0 && len(out) < 2; k-- {
		for _, a := range context[k].Actors {
			if a.Country == "" || seen[a.Country] {
				continue
			}
			seen[a.Country] = true
			out = append(out, a)
		}
	}
	if len(out) < 2 {
		return nil
	}
	return []doc.Actor{out[1], out[0]}
}

// peopleSubject reports whether the subject of the verb at i is people
// no dictionary names ("negotiators", "the two delegations": grammar.txt,
// people), who stand for the parties in play.
func (t *tree) peopleSubject(i int) bool {
	for _, c := range t.children(i, "nsubj") {
		if t.mentionOf(c) == nil && is("people", t.lemma(c)) {
			return true
		}
	}
	return false
}

// overlaps reports whether two mention sets share a mention.
func overlaps(a, b mentions) bool {
	for _, m := range a {
		if b.has(m) {
			return true
		}
	}
	return false
}

// otherParty is the party an event that takes two parties has when its
// clause names only one: another actor the sentence names, or else the
// last actor of the paragraph so far, that is not on the source's side.
// The targets of the sentence's other events (first) come first; who does
// another of them (doers) is none, but for protesters, whose protest is
// against the state bodies of their country whatever those do.
//
// A party of the source's own country is on its side, except for a
// protest (root 14) by people who are no state body: protesters and rioters
// act against the state bodies of their own country ("Greek riot police
// fired tear gas at protesters who tried to break through a cordon").
func otherParty(t *tree, src, first, doers mentions, context []actors.Mention, code string, year int) (a *doc.Actor, inSentence bool) {
	side := src.actors()
	domestic := cameo.Root(code) == "14"
	// A body's members are on its side in conflict ("the NATO strike"),
	// not in its meetings ("NATO ambassadors held an emergency meeting at
	// Turkey's request").
	hostile := cameo.Quad(code) >= 3
	// Words aim at whoever the sentence names, the doer of its other
	// acts too ("Iran said the killing by Israel was an act of
	// terrorism"); a deed (quad classes 2 and 4) is not aimed at who
	// does another of its acts.
	if !material(code) {
		doers = nil
	}
	for _, s := range side {
		domestic = domestic && !stateRole(s.Code)
	}
	// onSide reports whether a is on the side of the source s: one side
	// with it, of its country (but for the state bodies a protest is
	// against), or in conflict a member of its body or a body it is in.
	onSide := func(a, s doc.Actor) bool {
		compatriot := a.Country != "" && a.Country == s.Country && !(domestic && stateRole(a.Code) && len(a.Code) > 3)
		return sameSide(a, s) || compatriot || hostile && (member(s.Code, a.Country, year) || member(a.Code, s.Country, year))
	}
	other := func(m *actors.Mention) *doc.Actor {
		if src.has(m) {
			return nil
		}
		for _, a := range m.Actors {
			if a.Country != "" && !slices.ContainsFunc(side, func(s doc.Actor) bool { return onSide(a, s) }) {
				return &a
			}
		}
		return nil
	}
	for _, m := range first {
		if a := other(m); a != nil {
			return a, true
		}
	}
	for k := range t.mentions {
		m := &t.mentions[k]
		if len(m.Actors) == 0 || !t.party(m) || !domestic && busy(m, doers) {
			continue
		}
		if a := other(m); a != nil {
			return a, true
		}
	}
	for k := len(context) - 1; k >= 0; k-- {
		if !domestic && busy(&context[k], doers) {
			continue
		}
		if a := other(&context[k]); a != nil {
			return a, false
		}
	}
	return nil, false
}

// parallel returns the target of a clause conjoined to the clause of h
// (aims, by clause head), where that clause names one and h's names none:
// the target the two clauses share.
func (t *tree) parallel(h hit, aims map[int]mentions) mentions {
	v := t.governing(h.head)
	if t.rel(v) == "conj" {
		if m := aims[t.head(v)]; len(m) > 0 {
			return m
		}
	}
	for _, c := range t.children(v, "conj") {
		if m := aims[c]; len(m) > 0 {
			return m
		}
	}
	return nil
}

// order is where the event headed at i falls in the sentence's time: its
// place in the text, but an event in a phrase or clause of "after" or
// "following" (grammar.txt earlier) came before all the others, one of
// "before" or "until" (later) after them ("Pakistani students staged a
// demonstration after the NATO strike": the strike came first).
func (t *tree) order(i int) int {
	for k, steps := i, 0; k >= 0 && steps < 3; k, steps = t.head(k), steps+1 {
		switch mk := t.marker(k); {
		case is("earlier", mk):
			return -1
		case is("later", mk):
			return len(t.toks)
		}
		if t.rel(k) != "nmod" && t.rel(k) != "compound" {
			break
		}
	}
	return i
}

// counted returns how many a group of people the trigger's object names
// counts ("the two countries", "both sides", "all three countries"), or 0.
func (t *tree) counted(h hit) int {
	for _, k := range t.kids[h.head] {
		if r := t.toks[k].Rel; (r != "obj" && r != "iobj") || !is("people", t.lemma(k)) || t.mentionOf(k) != nil {
			continue
		}
		for _, d := range t.kids[k] {
			switch t.toks[d].Rel {
			case "nummod":
				if n, ok := groupSizes[t.low[d]]; ok {
					return n
				}
			case "det":
				if t.low[d] == "both" {
					return 2
				}
			}
		}
	}
	return 0
}

// groupSizes are the numbers that count a group of people (counted).
var groupSizes = map[string]int{"two": 2, "three": 3, "four": 4, "five": 5, "2": 2, "3": 3, "4": 4, "5": 5}

// lastStates returns the last n states of the mentions ms, each once and
// none of src's countries, the latest first; fewer when ms name fewer.
func lastStates(ms []actors.Mention, src []doc.Actor, n int) []doc.Actor {
	seen := map[string]bool{}
	for _, a := range src {
		seen[a.Country] = true
	}
	var out []doc.Actor
	for k := len(ms) - 1; k >= 0 && len(out) < n; k-- {
		for _, a := range ms[k].Actors {
			if a.Country == "" || seen[a.Country] || len(out) >= n {
				continue
			}
			seen[a.Country] = true
			out = append(out, doc.Actor{Text: a.Text, Code: a.Country, Country: a.Country})
		}
	}
	return out
}

// hasObject reports whether the trigger h has a passive subject, or an
// object of people or names, that is no word of its pattern: someone it is
// done to, though no dictionary knows them ("the pilot was shot dead");
// "captured two towns" names no one.
func (t *tree) hasObject(h hit) bool {
	for _, k := range t.kids[h.head] {
		if slices.Contains(h.words, k) {
			continue
		}
		switch t.toks[k].Rel {
		case "nsubj:pass":
			return true // "the pilot was shot dead": done to its subject
		case "obj", "iobj":
			if t.toks[k].UPOS == "PROPN" || t.toks[k].UPOS == "PRON" || is("people", t.lemma(k)) || t.mentionOf(k) != nil {
				return true
			}
		}
	}
	return false
}

// argued reports whether the trigger h has an object or a target phrase
// of people (grammar.txt people) that is not a word of its pattern
// ("notified its downstream neighbours"): it is aimed at someone the parse
// shows, whom any party of the sentence may stand for, the doer of another
// of its acts too; a thing ("the strike on border posts") is no one.
func (t *tree) argued(h hit) bool {
	for _, k := range t.kids[h.head] {
		if slices.Contains(h.words, k) {
			continue
		}
		if !is("people", t.lemma(k)) {
			continue
		}
		switch t.rel(k) {
		case "obj", "iobj":
			return true
		case "nmod", "obl":
			if is("target", t.marker(k)) {
				return true
			}
		}
	}
	return false
}

// busy reports whether m does another event of the sentence (doers) or
// names a doer's country, in the sentence or the paragraph before it: no
// stand-in target of an event that names none. "The Azerbaijani offensive
// was condemned by France" is no offensive on France, "India tested
// nuclear weapons, prompting the United States to impose sanctions" no
// test aimed at the United States.
func busy(m *actors.Mention, doers mentions) bool {
	if doers.has(m) {
		return true
	}
	for _, a := range m.Actors {
		if a.Country != "" && doerCountry(a.Country, doers) {
			return true
		}
	}
	return false
}

// doerCountry reports whether a mention of doers is of country c.
func doerCountry(c string, doers mentions) bool {
	for _, d := range doers {
		for _, a := range d.Actors {
			if a.Country == c {
				return true
			}
		}
	}
	return false
}

// placeParty is the country of a place as a party of an event, or nil
// when it is the source's own. An armed group outside the state that
// strikes or takes a place of its own country acts against that
// country's state ("M23 fighters took control of Kiwanja" is CODREB
// against CODGOV).
func placeParty(loc doc.Location, src mentions) *actors.Mention {
	code := loc.Country
	for _, a := range src.actors() {
		if a.Country != loc.Country {
			continue
		}
		if !nonState(a.Code) {
			return nil
		}
		code = loc.Country + "GOV"
	}
	return &actors.Mention{Text: loc.Text, Actors: []doc.Actor{{Text: loc.Text, Code: code, Country: loc.Country}}}
}

// unarmed reports whether an actor code names civilians or other people
// who bear no arms: CVL, REF, EDU, HLH, MED, LAB, REL, AGR.
func unarmed(code string) bool {
	if len(code) < 6 {
		return false
	}
	switch code[len(code)-3:] {
	case "CVL", "REF", "EDU", "HLH", "MED", "LAB", "REL", "AGR":
		return true
	}
	return false
}

// military reports whether an actor code names a state's armed forces.
func military(code string) bool {
	return len(code) >= 6 && strings.Contains(code[3:], "MIL")
}

// forceCode refines a code of force by who uses it on whom. CAMEO 19 is
// conventional force by organised armed forces, 18 the unconventional
// violence of others: militiamen who attack a refugee camp assault it
// (180), and so do insurgents who attack civilians (180); an army that
// kills fights (190); bombs set by rebels and
// militants are bombings (183), not aerial weapons (195).
func forceCode(code string, src doc.Actor, tgt *doc.Actor, armed bool) string {
	switch {
	case (code[:2] == "18" || code[:2] == "19") && crowd(src.Text):
		// Violence by a crowd of protesters is a riot: "demonstrators
		// who had attacked officers".
		return "145"
	case (code[:2] == "18" || code[:2] == "19") && tgt != nil && crowd(tgt.Text) && len(src.Code) >= 6 && stateRole(src.Code) && tgt.Country == src.Country && !stateRole(tgt.Code):
		// Force a state's own bodies use on a crowd of their country is
		// violent repression, as CAMEO's codebook codes it: "Egyptian
		// police opened fire to disperse demonstrators".
		return "175"
	case code[:2] == "19" && tgt != nil && unarmed(tgt.Code) && !military(src.Code) && !armed:
		// "Russian aircraft bombed the town, killing civilians": a state's
		// armed forces, named by their units, still fight (19).
		return "180"
	case code == "140" && stateRole(src.Code):
		// A state that protests complains: a protest is collective action
		// by people, a state's is an official complaint ("the foreign
		// ministry summoned the ambassador to protest the detention").
		return "114"
	case code == "174" && tgt != nil && (strings.HasPrefix(tgt.Code, "IGO") || strings.HasPrefix(tgt.Code, "NGO")):
		// Expelling an organisation is no deportation of people (174) but
		// an expulsion (166): "Jakarta forced the UN refugee agency out".
		return "166"
	case code == "051" && armed:
		// Troops, ships or aircraft that support someone give military
		// aid; they do not endorse ("Rwandan troops had been arriving
		// to support the rebels").
		return "072"
	case code == "186" && (military(src.Code) || armed):
		return "190"
	case code == "195" && nonState(src.Code):
		return "183"
	case code[:2] == "19" && nonState(src.Code) && tgt != nil && unarmed(tgt.Code):
		// Insurgents who kill unarmed people (civilians, journalists,
		// aid workers) commit unconventional violence, not a battle;
		// police are no civilians ("Taliban gunmen shot dead three Afghan
		// police officers" is 19).
		return "180"
	}
	return code
}

// means returns the code a violent verb's subject gives it by naming the
// means of the violence, or "": "a Taliban suicide bomber killed nine
// policemen" is a suicide bombing (1831), "a car bomber killed" a car
// bombing (1832), as the lexicon codes those nouns (root 18); the verb
// says only that it killed (190, with no weapon named). A more specific
// verb keeps its code ("shot dead" is no bombing).
func (c *Coder) means(t *tree, h hit, code string) string {
	if h.nominal || cameo.ClassOf(code).Force != "violent" || !strings.HasSuffix(code, "0") {
		return ""
	}
	k := t.child(h.head, "nsubj")
	if k < 0 {
		return ""
	}
	m, ok := c.headMatch(t, k)
	if !ok || m.t.Kind != 'n' || cameo.Root(m.t.Code) != "18" || len(m.t.Code) < 4 {
		return ""
	}
	return m.t.Code
}

// unit reports whether an actor's words end in a noun of a body of armed
// forces ("Rwandan troops", "the U.S. Air Force": grammar.txt, unit).
func unit(text string) bool {
	f := strings.Fields(strings.ToLower(text))
	return len(f) > 0 && is("unit", f[len(f)-1])
}

// units reports whether mentions name bodies of armed forces, men or
// machines, rather than persons: by their own last word ("Rwandan troops",
// "the U.S. Air Force") or by the noun they qualify ("Russian aircraft",
// "Russia's warships": grammar.txt, unit).
func (t *tree) units(ms mentions) bool {
	if len(ms) == 0 {
		return false
	}
	for _, m := range ms {
		if unit(m.Text) {
			continue
		}
		if k := t.top(m); k >= 0 {
			switch t.rel(k) {
			case "amod", "compound", "nmod":
				if h := t.head(k); h >= 0 && t.at[h] < 0 && is("unit", t.low[h]) {
					continue
				}
			}
		}
		return false
	}
	return true
}

// peacekeeping reports whether mentions name peacekeepers: by a word of
// their own ("Kenyan peacekeepers", "NATO peacekeeping troops") or by a
// modifier of the noun of armed forces they qualify ("Kenyan peacekeeping
// troops": grammar.txt, peacekeeping).
func (t *tree) peacekeeping(ms mentions) bool {
	for _, m := range ms {
		for _, w := range strings.Fields(strings.ToLower(m.Text)) {
			if is("peacekeeping", w) {
				return true
			}
		}
		k := t.top(m)
		if k < 0 {
			continue
		}
		h := t.head(k)
		if h < 0 || t.at[h] >= 0 || !is("unit", t.low[h]) {
			continue
		}
		for _, c := range t.kids[h] {
			if is("peacekeeping", t.low[c]) {
				return true
			}
		}
	}
	return false
}

// mandated reports whether the force moved by the trigger h is sent with
// a mandate: "at the request of" (or invitation, grammar.txt consent) a
// party not on the source's side, or "as part of" an international
// body's force (contribution). Such troops protect or keep the peace.
func (t *tree) mandated(h hit, src mentions) bool {
	kids := append([]int{}, t.kids[h.head]...)
	for _, w := range h.words[1:] {
		kids = append(kids, t.kids[w]...)
	}
	for _, k := range kids {
		if r := t.rel(k); r != "obl" && r != "nmod" {
			continue
		}
		mk, w := t.marker(k), t.lemma(k)
		consent := mk == "at" && is("consent", w)
		part := mk == "as" && is("contribution", w)
		if !consent && !part {
			continue
		}
		for _, of := range t.children(k, "nmod") {
			if t.marker(of) != "of" {
				continue
			}
			for _, m := range t.arg(of) {
				if part && igo(m) || consent && !ownSide(mentions{m}, src) {
					return true
				}
			}
		}
	}
	return false
}

// crowd reports whether an actor's words name a crowd of protesters
// ("demonstrators", "the protesters": grammar.txt, crowd).
func crowd(text string) bool {
	f := strings.Fields(strings.ToLower(text))
	if len(f) == 0 {
		return false
	}
	w := f[len(f)-1]
	return is("crowd", w) || is("crowd", strings.TrimSuffix(w, "s"))
}

// crowds reports whether every mention of ms names a crowd.
func crowds(ms mentions) bool {
	for _, m := range ms {
		if !crowd(m.Text) {
			return false
		}
	}
	return len(ms) > 0
}

// nonState reports whether an actor code names an armed group outside a
// state: rebels, insurgents, separatists, militants.
func nonState(code string) bool {
	for _, r := range []string{"REB", "INS", "SEP", "UAF", "IMG", "RAD"} {
		if strings.Contains(code[min(3, len(code)):], r) {
			return true
		}
	}
	return false
}

// attributed reports whether a sentence names its source: "according to
// TASS", "citing officials".
func attributed(toks []doc.Token) bool {
	for k, t := range toks {
		w := t.Lower()
		if w == "citing" || (w == "according" && k+1 < len(toks) && toks[k+1].Lower() == "to") {
			return true
		}
	}
	return false
}

// quantities returns the amounts stated in the clause of the event at h
// when the event is one that amounts belong to: intents, agreements,
// material cooperation, aid, concessions and sanctions ("a US $3.5
// billion agreement was signed"). Money the text gives no dollar value
// for is converted at the average rate of the event's year (date).
func quantities(st *sentence, h hit, code, date string) []doc.Quantity {
	if !cameo.ClassOf(code).Amounts {
		return nil
	}
	year, _ := strconv.Atoi(date[:min(4, len(date))])
	from, to := st.toks[h.lo].Start, st.toks[h.hi-1].End
	c := st.tree.governing(h.head)
	var out []doc.Quantity
	for _, a := range st.amounts {
		if a.Start >= from && a.End <= to && !st.tree.apart(tokenAt(st.toks, a.Start), c) {
			out = append(out, quant.InUSD(a.Q, year))
		}
	}
	return out
}

// tokenAt returns the index of the token that starts at the byte offset
// i, or of the first after it.
func tokenAt(toks []doc.Token, i int) int {
	k, _ := slices.BinarySearchFunc(toks, i, func(t doc.Token, i int) int { return t.Start - i })
	return k
}

// eventID is stable: the same input and dictionaries give the same id.
// The content hash keeps ids apart when an edited file keeps its name.
func eventID(d *doc.Document, e doc.Event, triggerAt int) string {
	target := ""
	if e.Target != nil {
		target = e.Target.Code
	}
	h := sha256.Sum256(fmt.Appendf(nil, "%s|%s|%d|%d|%s|%s|%s", d.Hash, e.Doc, e.SentenceIndex, triggerAt, e.Source.Code, target, e.CAMEO))
	return hex.EncodeToString(h[:10])
}

// intent maps an event code to the CAMEO code for the intent to do it,
// as the class table gives it ("will visit" is 036).
func intent(code string) string { return cameo.ClassOf(code).Intent }

// habitual reports whether the verb at i states what is usually so rather
// than an event: a main clause in the simple present with no time named
// ("The two countries coordinate closely on international issues"). News
// tells the events of cooperation in the past or the perfect.
func (t *tree) habitual(i int) bool {
	if x := t.toks[i].XPOS; x != "VBZ" && x != "VBP" {
		return false
	}
	if r := t.rel(i); r != "root" && !(r == "conj" && t.rel(t.head(i)) == "root") {
		return false
	}
	for _, k := range t.kids[i] {
		if r := t.rel(k); r == "aux" || r == "cop" || t.isTime(k) || t.isTime(t.site(k)) {
			return false
		}
	}
	return true
}

// itSubject reports whether the subject of the event at h, or of the light
// verb of its noun, is "it", no dictionary resolved it and it opens the
// main clause: "Saudi Arabia
// accused Qatar of supporting terrorism. It cut diplomatic ties with Doha"
// continues with the last sentence's actor, as a subject pronoun most
// often does.
func (t *tree) itSubject(h hit) bool {
	v := h.head
	if h.nominal {
		v = t.head(t.site(h.head))
	}
	if v < 0 || t.rel(v) != "root" {
		return false // the main clause's subject continues the topic
	}
	for _, c := range t.children(v, "nsubj") {
		if t.low[c] == "it" && t.toks[c].XPOS == "PRP" && t.mentionOf(c) == nil {
			return true
		}
	}
	return false
}

// leadDates dates the undated news of a story's lead, its first paragraph
// of coded text (lead), by the time the story is at after the first
// sentence of the next paragraph that has one (timex.Told.Time: that
// sentence's own date, or one a sentence before it told, the lead's
// included), when that is a day of the week before the publication
// (timex.Story.LeadDate):
// a wire lead tells the news without its date, the paragraph after dates it
// ("Colombia and Venezuela have recalled their ambassadors. // Santos
// summoned the envoy home on Thursday").
func leadDates(sents []sentence, story *timex.Story, lead int) {
	next := -1
	var date timex.Date
	for i := range sents {
		st := &sents[i]
		if st.tree == nil || st.s.Paragraph == lead {
			continue
		}
		if next >= 0 && st.s.Paragraph != next {
			break
		}
		next = st.s.Paragraph
		if date = st.time; !date.IsZero() {
			break
		}
	}
	d, ok := story.LeadDate(date)
	if !ok {
		return
	}
	for i := range sents {
		st := &sents[i]
		if st.tree == nil || st.s.Paragraph != lead {
			continue
		}
		for k := range st.hits {
			if h := &st.hits[k]; h.news {
				h.date, h.dated = d, true
			}
		}
	}
}
