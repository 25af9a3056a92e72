package coder

import (
	"strings"
	"sync"
	"testing"

	"github.com/dyad-events/dyad/internal/doc"
	"github.com/dyad-events/dyad/internal/geo"
)

var (
	placesOnce  sync.Once
	placesCoder *Coder
	placesErr   error
)

// gazetteerCoder is the coder with the embedded lexicon and the installed
// gazetteer, or a skip when its data is not installed.
func gazetteerCoder(t *testing.T) *Coder {
	t.Helper()
	testCoder(t) // the actor resolver
	placesOnce.Do(func() {
		var g *geo.Gazetteer
		g, placesErr = geo.Default()
		if placesErr == nil {
			placesCoder = New(DefaultLexicon(), g)
		}
	})
	if placesErr != nil {
		t.Skipf("no gazetteer (%s): %v", geo.InstallHint, placesErr)
	}
	return placesCoder
}

// datelined builds a document of a dateline line, when given, and one
// paragraph of sentences.
func datelined(dateline string, sentences ...string) *doc.Document {
	d := &doc.Document{ID: "test", Published: "2015-05-01"}
	var parts []string
	off := 0
	if dateline != "" {
		d.Paragraphs = append(d.Paragraphs, doc.Paragraph{Start: 0, End: len(dateline), Kind: doc.Dateline})
		d.Sentences = append(d.Sentences, doc.Sentence{Start: 0, End: len(dateline), Text: dateline})
		parts = append(parts, dateline)
		off = len(dateline) + 2
	}
	body := len(d.Paragraphs)
	d.Paragraphs = append(d.Paragraphs, doc.Paragraph{Start: off, Kind: doc.Body})
	for _, s := range sentences {
		d.Sentences = append(d.Sentences, doc.Sentence{Index: len(d.Sentences), Start: off, End: off + len(s), Text: s, Paragraph: body, Codable: true})
		off += len(s) + 1
		parts = append(parts, s)
	}
	d.Paragraphs[body].End = off - 1
	d.Text = strings.Join(parts, " ")
	return d
}

// TestPlaces checks where events are placed: from the parse of their
// sentence first, then from the paragraph, the parties and the dateline.
// Each row names the trigger word of the event it checks, in its last
// sentence, and the country and origin of its location ("-" for a place of
// no country).
func TestPlaces(t *testing.T) {
	c := gazetteerCoder(t)
	tests := []struct {
		dateline  string
		sentences []string
		trigger   string
		country   string
		from      string
	}{
		// The trigger's own place phrases, and those of the words it
		// hangs on.
		{"", []string{"Putin held talks with Chinese President Xi Jinping in Moscow on Friday."}, "talks", "RUS", doc.FromClause},
		{"", []string{"China and Russia signed an agreement in the Kazakh capital Astana."}, "signed", "KAZ", doc.FromClause},
		// An event noun's own place phrase, and a place that owns it.
		{"", []string{"Russian and Chinese leaders held a summit in Astana on Friday."}, "summit", "KAZ", doc.FromClause},
		{"", []string{"Pakistani militants launched an attack on Indian troops in Kashmir's Srinagar on Monday."}, "attack", "IND", doc.FromClause},
		// Words are where they are said, not where what they are about
		// happened.
		{"", []string{"The United States condemned the attack in Kabul on Monday."}, "condemned", "USA", doc.FromParty},
		// An actor is no place: "Moscow accused" names no place.
		{"", []string{"Moscow accused Kiev of a provocation on Monday."}, "accused", "RUS", doc.FromParty},
		// A place phrase that opens the sentence sets its scene.
		{"", []string{"In Washington, President George W. Bush demanded that Russia respect Georgia's sovereignty."}, "demanded", "USA", doc.FromClause},
		// A visit's destination.
		{"", []string{"French President Nicolas Sarkozy flew to Tbilisi on Tuesday."}, "flew", "GEO", doc.FromClause},
		// A material act is where what it acts on is.
		{"", []string{"Russian aircraft bombed the town of Gori on Tuesday."}, "bombed", "GEO", doc.FromClause},
		{"", []string{"Kenyan troops pushed into southern Somalia on Wednesday to fight al-Shabaab."}, "pushed", "SOM", doc.FromClause},
		// Control of a place is taken where the place is.
		{"", []string{"Russian forces seized control of the port of Berdyansk."}, "seized", "UKR", doc.FromClause},
		{"", []string{"Tuareg rebels seized control of Timbuktu on Sunday."}, "seized", "MLI", doc.FromClause},
		// A place of no country.
		{"", []string{"Israeli naval commandos stormed the Turkish ferry in international waters on Monday."}, "stormed", "-", doc.FromClause},
		// A place named earlier in the paragraph.
		{"", []string{"In Skopje, Macedonian police fired tear gas at Greek protesters on Sunday.", "Macedonian police also arrested 25 Greek protesters."}, "arrested", "MKD", doc.FromParagraph},
		// No place named: the source's country, not the dateline of a
		// story filed from the other side.
		{"MOSCOW, May 1, 2015 —", []string{"Russia accused Ukraine of shelling civilians.", "Ukraine accused Russia of aggression."}, "accused", "UKR", doc.FromParty},
		{"MOSCOW, May 1, 2015 —", []string{"Ukraine accused Russia of aggression.", "Russia accused Ukraine of shelling civilians."}, "accused", "RUS", doc.FromDateline},
		// A venue: the dateline of neither side.
		{"GENEVA, May 1, 2015 —", []string{"Iran and the United States held talks on Friday.", "Iran signed an agreement with the United States."}, "signed", "CHE", doc.FromDateline},
		// An international body speaks at its seat.
		{"KIEV, May 1, 2015 —", []string{"Russia seized three Ukrainian ships.", "NATO urged Russia to release the Ukrainian sailors."}, "urged", "BEL", doc.FromParty},
	}
	for _, tt := range tests {
		d := datelined(tt.dateline, tt.sentences...)
		evs := code(c, d)
		last := d.Sentences[len(d.Sentences)-1].Text
		var got *doc.Event
		for i := range evs {
			if evs[i].Sentence == last && strings.Contains(evs[i].Trigger, tt.trigger) {
				got = &evs[i]
				break
			}
		}
		if got == nil {
			t.Errorf("%q: no event triggered by %q; got %s", last, tt.trigger, describe(evs))
			continue
		}
		loc := got.Location
		country := "none"
		if loc != nil {
			country = loc.Country
			if country == "" {
				country = "-"
			}
		}
		if loc == nil || country != tt.country || loc.From != tt.from {
			t.Errorf("%q: %s placed %+v; want %s from %s", last, got.Trigger, loc, tt.country, tt.from)
		}
	}
}

// TestPlaceTargets checks the target a place gives an act that names no
// party as its target: the place's country, and its state where an armed
// group outside the state takes or strikes a place of its own country; a
// state's own forces in their own country have no target from the place.
func TestPlaceTargets(t *testing.T) {
	c := gazetteerCoder(t)
	tests := []struct {
		sentence string
		want     string // SRC>TGT:CAMEO of the one event, or "-"
	}{
		{"Russian forces seized control of the port of Berdyansk.", "RUSMIL>UKR:192"},
		{"Tuareg rebels seized control of Timbuktu on Sunday.", "MLIREB>MLIGOV:192"},
		{"Syrian rebels took control of Aleppo.", "SYRREB>SYRGOV:192"},
		{"Syrian troops recaptured Aleppo.", "-"},
	}
	for _, tt := range tests {
		evs := code(c, datelined("", tt.sentence))
		got := "-"
		if len(evs) > 0 && evs[0].Target != nil {
			got = evs[0].Source.Code + ">" + evs[0].Target.Code + ":" + evs[0].CAMEO
		}
		if len(evs) > 1 || got != tt.want {
			t.Errorf("%q: got %s; want %s", tt.sentence, describe(evs), tt.want)
		}
	}
}

// TestPlaceAdmin1 checks that a city named in the clause carries its
// coordinates and first-level region.
func TestPlaceAdmin1(t *testing.T) {
	c := gazetteerCoder(t)
	evs := code(c, datelined("", "Russian aircraft bombed the town of Gori on Tuesday."))
	if len(evs) == 0 || evs[0].Location == nil {
		t.Fatalf("no located event: %s", describe(evs))
	}
	loc := evs[0].Location
	if loc.Text != "Gori" || loc.Admin1 != "Shida Kartli" || loc.Lat < 41.9 || loc.Lat > 42.1 || loc.Lon < 44 || loc.Lon > 44.2 {
		t.Errorf("Gori placed %+v; want Gori, Shida Kartli, near 41.98,44.12", loc)
	}
}

func TestSeat(t *testing.T) {
	for code, want := range map[string]string{
		"IGOWSTNAT": "BEL", "IGOUNO": "USA", "IGOUNOHRIHCH": "CHE", "IGOAFRAFU": "ETH",
		"IGO": "", "RUSGOV": "", "": "",
	} {
		if got := seat(code); got != want {
			t.Errorf("seat(%q) = %q, want %q", code, got, want)
		}
	}
}

// TestVenueOwner checks that a city compound of an event noun is where
// the event was held, not who held it ("the Moscow summit"), while a
// possessive city still stands for its state ("Beijing's offer"). The
// gazetteer tells a city from a country, so the rule needs it.
func TestVenueOwner(t *testing.T) {
	checkCoded(t, gazetteerCoder(t), []codedCase{
		{"During the Moscow summit, Chinese officials called for the removal of American air bases in Kyrgyzstan.", "CHNGOV>USA:1041"},
		{"Beijing's offer angered Japan.", "CHN>JPN:030"},
	})
}

// TestUnidentifiedAttackers: violence no one is named for is done by the
// unidentified armed forces (UAF) of the country where the clause places
// it, and the bomb that did it names its kind (needs the gazetteer).
func TestUnidentifiedAttackers(t *testing.T) {
	checkCoded(t, gazetteerCoder(t), []codedCase{
		{"A Russian journalist was killed in a car bomb explosion in Kiev.", "UKRUAF>RUSMED:1832"},
		{"Two American soldiers were killed by a roadside bomb near Kandahar.", "AFGUAF>USAMIL:1833"},
		// the weapon that is the subject is where the violence happens,
		// and names its kind: a car bombing, as CAMEO's codebook codes
		// "killed in a car bomb explosion" (1832), not a kill by weapons
		// unnamed (190)
		{"A car bomb outside Mogadishu killed three Kenyan soldiers.", "SOMUAF>KENMIL:1832"},
	})
}

// TestVisitedPlace: the object of a verb of going somewhere is where it
// goes, and a place there that is no actor gives the visit its country;
// a place of the visitor's own country is no target.
func TestVisitedPlace(t *testing.T) {
	checkCoded(t, gazetteerCoder(t), []codedCase{
		{"Putin visited Shanghai last month.", "RUSGOV>CHN:042"},
		{"The Japanese foreign minister visited Busan on Tuesday.", "JPNGOV>KOR:042"},
		{"The Turkish president toured Aleppo on Friday.", "TURGOV>SYR:042"},
		{"The Turkish president visited a hospital in Ankara.", ""},
	})
}

// codedCase is a sentence and its events as SRC>TGT:CAMEO, in order,
// joined by " ; ".
type codedCase struct{ sentence, want string }

// checkCoded codes each sentence alone and compares its events.
func checkCoded(t *testing.T, c *Coder, cases []codedCase) {
	t.Helper()
	for _, tt := range cases {
		if g := codedAs(c, tt.sentence); g != tt.want {
			t.Errorf("%q: got %s; want %s", tt.sentence, g, tt.want)
		}
	}
}

// codedAs codes one sentence and gives its events as SRC>TGT:CAMEO, in
// order, joined by " ; ".
func codedAs(c *Coder, sentence string) string {
	var got []string
	for _, e := range code(c, datelined("", sentence)) {
		tgt := "-"
		if e.Target != nil {
			tgt = e.Target.Code
		}
		got = append(got, e.Source.Code+">"+tgt+":"+e.CAMEO)
	}
	return strings.Join(got, " ; ")
}
