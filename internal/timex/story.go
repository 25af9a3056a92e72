package timex

import (
	"strings"

	"github.com/dyad-events/dyad/internal/doc"
)

// Story follows the time a news story is told at, sentence by sentence, so
// that an event its own clause does not date takes the time of the
// sentences around it rather than the publication date:
//
//	Medvedev on Tuesday ordered a halt to military operations.   Tuesday
//	Medvedev announced the decision shortly before receiving Sarkozy.   Tuesday
//
// A sentence's time is that of its main clause (the root of its parse),
// when EventDate dates that clause with a date not after the publication;
// otherwise the story stays at the time it had. Within a paragraph the story
// follows the text, back in time too ("The attack came hours after Riyadh
// executed the cleric on Saturday. Crowds set fire to the embassy":
// Saturday). A new paragraph goes back to the latest time the story has
// reached, so that a paragraph of background ("Trump first threatened the
// tariffs on May 30") does not date the news told after it.
//
// Sentences must carry their parse (doc.Token Head, Rel, XPOS); without it
// a Story dates events as EventDate does.
type Story struct {
	ref          Date
	time, latest Date // the time the story is at, and the latest it reached
	para         int
	buf          []token // the tokens of the sentence told, as read reads them
}

// NewStory starts the story of a document published on ref.
func NewStory(ref Date) *Story { return &Story{ref: ref, para: -1} }

// Told is one sentence of a story, as Story.Sentence reads it.
type Told struct {
	sentence string
	toks     []doc.Token
	ref      Date
	time     Date // the time the sentence is told at; zero when unknown
	story    *Story
	scanned  bool    // sc and ms are set
	sc       scanner // the sentence scanned, once, by date
	ms       []match // the expressions sc found
}

// Sentence moves the story on to sentence, of paragraph para, whose
// tokens (parsed) are toks, and returns it for dating its events. The
// Told is valid until the next call of Sentence, which reuses its memory.
func (st *Story) Sentence(para int, sentence string, toks []doc.Token) *Told {
	if para != st.para {
		st.para = para
		if earlier(st.time, st.latest) {
			st.time = st.latest
		}
	}
	t := &Told{sentence: sentence, toks: toks, ref: st.ref, story: st}
	if root := mainVerb(toks); root >= 0 {
		if d, ok := t.date(root); ok && !d.after(st.ref) {
			st.time = d
			if earlier(st.latest, d) {
				st.latest = d
			}
		}
	}
	t.time = st.time
	return t
}

// date is EventDate(t.sentence, t.toks, trigger, t.ref), the sentence
// scanned for date expressions on the first call only, into the story's
// array of tokens.
func (t *Told) date(trigger int) (Date, bool) {
	if !t.scanned {
		t.story.buf = readInto(t.story.buf[:0], t.toks)
		t.sc = scanner{s: t.sentence, toks: t.story.buf, ref: t.ref, doc: t.toks}
		t.ms = t.sc.scan()
		t.scanned = true
	}
	return t.sc.eventDate(t.ms, trigger)
}

// EventDate dates the event whose trigger word is toks[trigger]: by the
// expression of its clause that dates it (the function EventDate), unless
// that is after the publication date; else, when the event is told in the
// simple past or the sentence says it is of the same time ("the same day",
// "hours later"), by the time of the sentence (see Story). ok is false
// when neither applies; the caller then uses the publication date.
//
// A date after the publication is the time of what is planned or
// scheduled ("will lead a delegation to Havana in January"): the event
// coded, the plan or its announcement, is of the day it is told.
func (t *Told) EventDate(trigger int) (Date, bool) {
	switch tense(t.toks, trigger) {
	case future:
		// What will be is dated when it is said: "Bush said Rice would
		// travel to France" on the day Bush said it.
		if !t.time.IsZero() && toldInPast(t.toks) {
			return t.time, true
		}
		return Date{}, false
	case past:
		if d, ok := t.date(trigger); ok && !d.after(t.ref) {
			return d, true
		}
		if !t.time.IsZero() {
			return t.time, true
		}
		return Date{}, false
	}
	if d, ok := t.date(trigger); ok && !d.after(t.ref) {
		return d, true
	}
	if !t.time.IsZero() && sameTime(t.toks) {
		return t.time, true
	}
	return Date{}, false
}

// sameTime reports words that tell a sentence happens at the time the
// story is at: "the same day", "that day", "hours later", "later that
// day". "Hours later, Rodriguez said Maduro had ordered the ambassador
// back" dates the order too, though told in the past perfect.
func sameTime(toks []doc.Token) bool {
	for i := 1; i < len(toks); i++ {
		w, p := toks[i].Lower(), toks[i-1].Lower()
		switch {
		case (w == "day" || w == "evening" || w == "night") && (p == "same" || p == "that"),
			w == "later" && (p == "hours" || p == "minutes"):
			return true
		}
	}
	return false
}

// toldInPast reports whether the sentence's main clause is in the past,
// or a clause of saying in the past hangs on it: "Bush said Rice would
// travel", "Russia will station missiles in Syria, Shoigu said on
// Wednesday".
func toldInPast(toks []doc.Token) bool {
	v := mainVerb(toks)
	if v < 0 {
		return false
	}
	if tense(toks, v) == past {
		return true
	}
	for _, t := range toks {
		if t.Head != v || t.XPOS != "VBD" || t.Rel != "parataxis" && t.Rel != "advcl" {
			continue
		}
		switch strings.ToLower(t.Lemma) {
		case "say", "tell", "announce", "add", "report", "state", "claim", "confirm", "warn", "write":
			return true
		}
	}
	return false
}

// earlier reports whether a starts before b, a zero a being before any b
// that is not zero.
func earlier(a, b Date) bool {
	switch {
	case b.IsZero():
		return false
	case a.IsZero():
		return true
	}
	return a.time().Before(b.time())
}

// after reports whether d starts after ref ends ("2014-05" is after
// "2014-04-30", "2014-04-30" is not after "2014-04"). Nothing is after a
// zero ref.
func (d Date) after(ref Date) bool {
	if ref.IsZero() || d.IsZero() {
		return false
	}
	end := ref.time()
	switch {
	case ref.Month == 0:
		end = end.AddDate(1, 0, 0)
	case ref.Day == 0:
		end = end.AddDate(0, 1, 0)
	default:
		end = end.AddDate(0, 0, 1)
	}
	return !d.time().Before(end)
}

// mainVerb is the index of the verb of the sentence's main clause: the
// root of its parse, or, when the root is a name ("GAZA CITY, August 27,
// 2014 — Israel and Hamas agreed on Tuesday ...", a dateline the parser
// took for the head), the first verb in the past or present tense; -1
// without a parse or without a verb.
func mainVerb(toks []doc.Token) int {
	root := -1
	for i, t := range toks {
		if t.Head < 0 && t.Rel == "root" {
			root = i
			break
		}
	}
	if root < 0 || toks[root].UPOS != "PROPN" && toks[root].UPOS != "NUM" {
		return root
	}
	for i, t := range toks {
		switch t.XPOS {
		case "VBD", "VBZ", "VBP":
			return i
		}
	}
	return -1 // a dateline alone ("TBILISI, August 13, 2008 —") tells nothing
}

// Tenses an event is told in, as tense reads them.
const (
	present = iota // or present perfect, past perfect, non-finite: no time of its own
	past           // simple past: "ordered", "was announced", "did not reply"
	future         // with a modal of the future: "will lead", "would travel", "shall"
)

// tense is the tense the event at toks[i] is told in, that of the finite
// verb that governs it: "flew in to stand beside him" and "shortly before
// receiving" are in the past, as "flew" and "announced" are; "has severed"
// (present perfect: of the day of the telling) and "had agreed" (past
// perfect: before the time told) are neither past nor future.
func tense(toks []doc.Token, i int) int {
	inf := false // the step before was an infinitive its verb governs: "is scheduled to deliver"
	for steps := 0; i >= 0 && i < len(toks) && steps < 6; steps++ {
		t := toks[i]
		if t.XPOS == "MD" && t.Rel == "aux" {
			i = t.Head // "would" of "would move"
			continue
		}
		verb := t.UPOS == "VERB" || t.UPOS == "AUX"
		aux := -1
		simple := false // a present auxiliary of no perfect: "is", "are"
		for _, a := range toks {
			if a.Head != i {
				continue
			}
			switch a.Rel {
			case "aux", "aux:pass", "cop":
			default:
				continue
			}
			verb = true
			switch w := strings.ToLower(a.Text); w {
			case "will", "would", "shall", "'ll", "’ll", "wo":
				return future
			case "was", "were", "did":
				aux = max(aux, past)
			default:
				aux = present
				simple = simple || w == "is" || w == "are" || w == "am" || w == "'s" || w == "'re"
			}
		}
		// "Obama is scheduled to deliver a speech on Tuesday", "plans to
		// visit": what a verb in the simple present governs as its
		// infinitive is ahead, as the future is.
		if inf && aux == present && simple || inf && aux < 0 && (t.XPOS == "VBZ" || t.XPOS == "VBP") {
			return future
		}
		// A base form is an infinitive, or a conjunct of one the parse
		// may have hung on its governor ("is scheduled to deliver a
		// speech, meet dissidents and attend a game").
		inf = t.XPOS == "VB" && (t.Rel == "xcomp" || t.Rel == "conj" || t.Rel == "parataxis")
		switch {
		case aux >= 0:
			return aux
		case !verb:
			i = t.Head // a noun: the verb it is a party to
			continue
		case t.XPOS == "VBD":
			return past
		case t.XPOS == "VBG" || t.XPOS == "VB" || t.XPOS == "VBN":
			i = t.Head // not finite: the verb it depends on
			continue
		}
		return present
	}
	return present
}

// Time is the time the story is at after this sentence: the date of its
// main clause or of the sentences before it; zero when none has one.
func (t *Told) Time() Date { return t.time }

// News reports an event told as the news of a lead: in the simple past or
// the present perfect ("has suspended the tariffs", "reached an
// agreement"), not in the past perfect ("had threatened": before the
// news), the present or the future.
func (t *Told) News(trigger int) bool {
	switch tense(t.toks, trigger) {
	case past:
		return true
	case future:
		return false
	}
	i := trigger
	for steps := 0; i >= 0 && i < len(t.toks) && steps < 6; steps++ {
		if t.toks[i].UPOS != "VERB" {
			i = t.toks[i].Head
			continue
		}
		for _, a := range t.toks {
			if a.Head == i && a.Rel == "aux" {
				switch strings.ToLower(a.Text) {
				case "has", "have", "'ve", "’ve":
					return true
				}
			}
		}
		return false
	}
	return false
}

// LeadDate is the date a story's lead takes from the first date of the
// paragraph after it (next): the day of the news a wire story tells in its
// lead without a date ("Colombia and Venezuela have recalled their
// ambassadors", published the next day; "Santos summoned the envoy on
// Thursday"). ok is false unless next is a day at most a week before the
// publication.
func (st *Story) LeadDate(next Date) (Date, bool) {
	if next.Precision() != "day" || next.after(st.ref) || st.ref.Precision() != "day" {
		return Date{}, false
	}
	if next.addDays(7).time().Before(st.ref.time()) {
		return Date{}, false
	}
	return next, true
}
