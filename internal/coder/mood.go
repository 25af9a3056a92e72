package coder

import (
	"slices"
	"strings"

	"github.com/dyad-events/dyad/internal/doc"
)

// mood reads from the parse whether the event headed at i is asserted,
// reported or planned, or not asserted at all (ok false): negated ("did
// not sign", "no country recognised"), doubted ("could sign", "if it
// attacks"), or below a governor that denies or doubts it ("failed to
// agree", "denied that it had attacked", "urged China to back"). Walking
// up from the event, each governor says what it does to what is below
// it: an intent ("pledged to lift") makes it planned, a verb of saying
// ("said that") reported, a light verb or a conjunct passes it on.
func (t *tree) mood(i int) (string, bool) {
	mod := doc.Asserted
	t.intended = ""
	t.attempted = false
	noun := t.toks[i].UPOS == "NOUN"
	if noun {
		if s := t.site(i); s != i {
			if _, ok := t.own(i); !ok {
				return "", false
			}
			i = s
		}
		// "clearing the way for the resumption of gas deliveries", "the
		// signing of the accord was postponed": the event a light noun
		// (grammar.txt lightnoun) is of is asserted as the light noun is.
		if g := t.head(i); g >= 0 && t.toks[i].Rel == "nmod" && t.marker(i) == "of" && is("lightnoun", t.lemma(g)) && t.toks[g].UPOS == "NOUN" {
			if _, ok := t.own(i); !ok {
				return "", false
			}
			i = g
		}
	}
	k := i
	for steps := 0; k >= 0 && steps < 8; steps++ {
		m, ok := t.own(k)
		if !ok {
			return "", false
		}
		if m == doc.Planned {
			mod = doc.Planned
		}
		if t.trailer(k) >= 0 && mod == doc.Asserted {
			// "Croatia is failing to uphold their rights, a rights group
			// protested": what a trailing verb of saying tells is reported.
			mod = doc.Reported
		}
		g := t.head(k)
		if g < 0 {
			// "Greece plans to impose restrictions", parsed with "plans"
			// a noun subject of the infinitive: an infinitive heads no
			// sentence, so a noun of intent for its subject is the
			// intent it depends on.
			if s := t.child(k, "nsubj"); s >= 0 && t.marker(k) == "to" && t.toks[s].XPOS == "NNS" && is("intent", t.lemma(s)) {
				mod = doc.Planned
				t.intended = t.lemma(s)
			}
			break
		}
		gl := t.lemma(g)
		switch rel := t.toks[k].Rel; t.rel(k) {
		case "xcomp":
			switch {
			case is("deny", gl), is("allege", gl):
				return "", false
			case t.purpose(g):
				// "signed an accord, aiming to end the dispute"
				return "", false
			case is("intent", gl) && t.raised(g):
				// "Analysts expect China to blockade Taiwan", "the EU
				// wants Russia to withdraw": what one expects or wants
				// another to do is no plan of the other's.
				return "", false
			case is("intent", gl):
				mod = doc.Planned
				t.intended = gl
			case is("done", gl), is("cause", gl):
			case t.takesSteps(g):
				// "will take steps to withdraw", the infinitive hung on
				// the light verb: read on from the light verb.
			case is("attempt", gl):
				// "tried to hack into the computers": the attempt is
				// read on, and the caller keeps it only for an act of
				// material conflict.
				t.attempted = true
			case t.toks[g].UPOS == "VERB" || t.toks[g].UPOS == "ADJ" || t.toks[g].UPOS == "AUX":
				// "urged China to back", "pressure to support": what
				// another is asked to do is not done.
				if t.marker(k) == "to" || is("doubt", gl) {
					return "", false
				}
			}
		case "ccomp", "csubj":
			switch {
			case is("deny", gl):
				return "", false
			case is("report", gl):
				// "told reporters that Russia had expelled": a verb of
				// saying reports, even one that also asks ("told X to").
				if mod == doc.Asserted {
					mod = doc.Reported
				}
			case is("doubt", gl):
				return "", false
			case is("intent", gl):
				mod = doc.Planned
				t.intended = gl
			case t.toks[g].UPOS == "VERB":
				if mod == doc.Asserted {
					mod = doc.Reported
				}
			}
		case "advcl":
			mk := t.marker(k)
			switch {
			case t.fronted(k):
				// "Serbia is violating their rights, Albania complained"
				if mod == doc.Asserted {
					mod = doc.Reported
				}
			case is("condition", mk) || mk == "without":
				return "", false
			case is("light", gl) && t.negatedObject(g, k):
				// "gave no timetable for withdrawing its troops"
				return "", false
			case is("allege", gl) || is("deny", gl):
				// "accused Kigali of backing the rebels"
				return "", false
			case mk == "for" && t.toks[k].XPOS == "VBG" && is("punish", gl):
				// "opened a criminal case against the sailors for
				// illegally crossing the border": the charge is alleged.
				return "", false
			case (mk == "to" || mk == "at") && t.purpose(g):
				// "the talks were aimed at strengthening relations"
				return "", false
			case mk == "to" && t.takesSteps(g):
				// "took measures on Monday to curb the protests"
			case mk == "to" && is("attempt", gl):
				t.attempted = true // "attempted to storm the parliament"
			case mk == "to" && t.intentComplement(g, k):
				// "agreed on Monday to widen their sanctions", the
				// infinitive parsed as adverbial after the date.
				mod = doc.Planned
				t.intended = gl
			case mk == "to" && is("doubt", gl):
				// "called on Germany to send tanks": what is asked is not
				// done.
				return "", false
			case mk == "to" && is("grant", gl) && t.raised(g):
				// "gave Niger's junta one week to reinstate the
				// president": what one gives another time or means to do
				// is theirs to do, not done.
				return "", false
			case mk == "to":
				// The purpose of an act is what the act does: "sent ships
				// to evacuate its citizens".
			}
		case "acl":
			// "gave no timetable for withdrawing its troops": what a
			// negated noun is about does not happen.
			if _, ok := t.own(g); !ok && t.toks[g].UPOS == "NOUN" {
				return "", false
			}
			// "accusing Kigali of backing the rebels", wherever the parse
			// hung the act: on the accused, it is still alleged.
			if t.marker(k) == "of" && t.toks[g].Rel == "obj" {
				if v := t.head(g); v >= 0 && (is("allege", t.lemma(v)) || is("deny", t.lemma(v))) {
					return "", false
				}
			}
			if rel == "acl:relcl" && is("claim", gl) && t.complementizer(k) {
				// "denied Philippine charges that its coast guard had fired
				// water cannon", parsed as a relative clause: a "that"
				// whose place in the clause another word fills is no
				// relative pronoun, and the clause says what is claimed.
				return "", false
			}
			if rel == "acl:relcl" {
				// A relative clause asserts on its own, whatever its noun's
				// verb does: "the rebels, who attacked the base, denied".
				return mod, true
			}
			// "Kofi Annan's Special Envoy for brokering peace", "a plan
			// for ending the war": what a noun is for is its purpose, not
			// an act, as "a request for a meeting" is none.
			if t.marker(k) == "for" && t.toks[k].XPOS == "VBG" {
				return "", false
			}
			// "claims that its warplanes had bombed": what a claim says is
			// alleged; but "a claim denied by X" is a denial.
			if mk := t.marker(k); (mk == "that" || mk == "") && is("claim", gl) && t.finite(k) {
				return "", false
			}
			// "vetoed a resolution condemning the attack": what a rejected
			// thing would have done is not an event; "a letter urging
			// dialogue" is its author's appeal.
			if t.toks[k].XPOS == "VBG" && t.mentionOf(g) == nil && !is("people", gl) {
				if v := t.head(g); v >= 0 && is("deny", t.lemma(v)) {
					return "", false
				}
			}
			if v := t.head(g); t.marker(k) == "to" && is("step", gl) && t.toks[g].Rel == "obj" && v >= 0 && is("light", t.lemma(v)) {
				// "took steps to enhance political freedoms", "adopted
				// measures to curb the protests": steps taken to do
				// something are the doing, as the light verb tells it
				// ("will take steps to" plans it, "took no steps" denies
				// it; "took no steps" is caught above).
				k = v
				continue
			}
			if t.marker(k) == "to" {
				switch {
				case is("intent", gl):
					mod = doc.Planned
					t.intended = gl
				case is("deny", gl), is("doubt", gl):
					return "", false
				case t.mentionOf(g) == nil && len(t.arg(g)) == 0:
					// "pressure to support", "efforts to resolve": an
					// aim, not an act.
					return "", false
				}
			}
			return mod, true
		case "conj":
			// Conjuncts share their auxiliaries and governor: "will meet
			// and sign", "failed to agree or sign"; but a verb of saying
			// that trails what it reports is told on its own ("X is
			// failing, a rights group protested").
			if t.trailing(k) {
				return mod, true
			}
			// "saying he did not want confrontation and urging dialogue":
			// a participle in -ing shares no auxiliary or negation with a
			// verb of another form; it is the conjunct of the nearest
			// -ing verb above, wherever the parse hung it.
			if t.toks[k].XPOS == "VBG" && t.toks[g].XPOS != "VBG" {
				if a := t.ingAbove(g); a >= 0 {
					k = a
					continue
				}
			}
		case "obj", "obl", "nmod", "nsubj", "iobj":
			if k != i || !noun {
				return mod, true
			}
			// An event noun is asserted as the verb it depends on says: a
			// light verb passes its mood on ("did not hold talks", "plans
			// to impose sanctions"), a verb of saying reports it, and any
			// other verb is about the event without asserting it ("called
			// off a meeting", "recommended negotiations").
			mk := t.marker(k)
			switch r := t.rel(k); {
			case r == "nsubj" && is("measure", gl) && t.child(g, "xcomp") < 0 && t.child(g, "obj") < 0:
				// "exports to Africa fell by a third"; but "complaints have
				// grown louder" says how they are, not how many.
				return "", false
			case r == "nsubj" && is("intent", gl) && t.child(g, "xcomp") >= 0:
				// "The talks were due to resume on Monday", "the summit
				// is expected to open": what an event noun is due or
				// expected to do is planned, and so is the event.
				if _, ok := t.own(g); !ok {
					return "", false
				}
				mod = doc.Planned
			case r == "nsubj" && t.occurs(g):
				// "Talks between Serbia and Kosovo will resume next week",
				// "the summit took place in Minsk": an event noun the
				// subject of a verb of taking place is told as that verb is,
				// planned in the future.
				m, ok := t.own(g)
				if !ok {
					return "", false
				}
				if m == doc.Planned {
					mod = doc.Planned
				}
			case r == "nsubj":
				if t.toks[k].Rel != "nsubj:pass" || !is("light", gl) {
					// "the attack killed five"; but "the agreements may
					// lapse", "exports will grow" assert no event. The
					// verb's governors say how it is told: "officials said
					// American cruise missiles had struck the base"
					// reports the strike.
					if m, ok := t.own(g); !ok || m == doc.Planned {
						return "", false
					}
				}
			case t.manner(k, nil):
				// "had entered Gori in breach of the truce": a phrase of
				// manner the pattern writes says what the verb's act is,
				// asserted as the verb is, wherever the parse hung it.
				g = t.verbOf(k)
			case r == "nmod" && is("occasion", gl):
				return "", false // "on the sidelines of the summit": a setting
			case r == "nmod":
				if mk == "of" || mk == "" {
					// "no reports of Israeli strikes on Iran", "allegations
					// of torture": what a negated noun, or a claim, is of
					// is not asserted.
					if _, ok := t.own(g); !ok || mk == "of" && is("claim", gl) {
						return "", false
					}
					return mod, true // "the anniversary of the invasion"
				}
				return "", false // "a request for a meeting"
			case t.toks[k].Rel == "obl:agent", r == "obl" && is("during", mk), r == "obl" && mk == "in" && t.toks[g].UPOS == "VERB":
				// "hampered by Russian complaints", "signed during his
				// visit", "was rescued in a joint operation": an agent, an
				// occasion or the act a deed was done in is an event that
				// took place, as the verb it depends on says.
				if m, ok := t.own(g); !ok || m == doc.Planned && mk != "during" {
					return "", false
				}
				return mod, true
			case r == "obl" && mk != "in" && mk != "into" && mk != "to" && mk != "on":
				return "", false // "recalled its envoy for consultations"
			case is("light", gl), is("done", gl), is("elicit", gl) && r == "obj":
				if t.negatedObject(g, k) {
					return "", false
				}
				// "using the embassy attack as a pretext", "took the
				// visit as a sign": what the verb counts as something
				// else is a given it refers to, not its subject's act.
				if t.markedChild(k, "as") || t.markedChild(g, "as") {
					return "", false
				}
			case is("report", gl):
				if mod == doc.Asserted {
					mod = doc.Reported
				}
			default:
				return "", false
			}
		case "parataxis", "root", "list", "appos", "dep":
			return mod, true
		default:
			return mod, true
		}
		k = g
	}
	return mod, true
}

// markedChild reports whether a nominal dependent of k has the marker mk.
func (t *tree) markedChild(k int, mk string) bool {
	for _, c := range t.kids[k] {
		if r := t.rel(c); (r == "nmod" || r == "obl") && t.marker(c) == mk {
			return true
		}
	}
	return false
}

// own reads the words attached to token k itself: negation, modal and
// future auxiliaries, hedges, a negative subject, and for a noun the
// modifiers of a plan ("the planned visit") or of its absence ("no
// talks").
func (t *tree) own(k int) (string, bool) {
	mod := doc.Asserted
	for _, c := range t.kids[k] {
		w := t.lemma(c)
		switch r := t.rel(c); {
		case t.words[c] && (r == "advmod" || r == "aux" || r == "mark" || r == "det"):
			continue // the trigger's own "not", "would", "no longer"
		}
		switch t.rel(c) {
		case "advmod":
			if is("negation", w) || is("hedge", w) {
				return "", false
			}
			if is("pending", w) && t.marker(k) == "to" {
				return "", false // "are yet to agree"
			}
		case "aux":
			switch x := t.toks[k].XPOS; {
			case x == "VBD" || x == "VBZ":
				// "May also announced that ...": a modal or future
				// auxiliary takes a bare verb, never a tensed one; the
				// word is a name the tagger took for one.
			case is("future", w) || is("future", t.toks[c].Lower()):
				mod = doc.Planned
			case (w == "would" || t.toks[c].Lower() == "'d") && t.reportedClause(k):
				// "said it would halt flights": the future of reported
				// speech, not a doubt.
				mod = doc.Planned
			case (is("possible", w) || is("possible", t.toks[c].Lower())) && t.conditional(k):
				// "may halt mediation if cooperation founders", "could
				// resume talks if": what one may do on a condition is
				// offered or threatened, as what one would do.
				mod = doc.Planned
			case is("modal", w) || is("modal", t.toks[c].Lower()):
				return "", false
			}
		case "det":
			if is("negation", w) && t.toks[k].UPOS == "NOUN" {
				return "", false
			}
		case "nsubj":
			if is("negsubject", w) || (t.child(c, "det") >= 0 && is("negsubject", t.lemma(t.child(c, "det")))) {
				return "", false
			}
			// "Neither Armenia nor Azerbaijan respected the ceasefire":
			// a subject opened by a negative correlative is negative,
			// whether the parse made it a preconjunct or a conjunction,
			// and so is one after "nor" the parse left as the subject
			// ("Neither the army nor the police fired").
			for _, p := range t.kids[c] {
				if r := t.toks[p].Rel; p < c && (r == "cc:preconj" || r == "cc") && (is("negsubject", t.lemma(p)) || is("negcorrelative", t.lemma(p))) {
					return "", false
				}
			}
		case "amod":
			if is("planned", w) {
				mod = doc.Planned
			}
		case "mark":
			if is("condition", w) {
				return "", false
			}
		}
	}
	// "Although Moscow and Beijing will continue to cooperate, theirs is a
	// selective partnership": what a clause of concession foresees is
	// granted for the argument, not announced.
	if mod == doc.Planned && t.conceded(k) {
		return "", false
	}
	// "would impose sanctions if North Korea tested a missile", "would
	// meet him if he gave them a veto": what will happen on a condition is
	// offered or threatened, an intent (coded as such, see events).
	if mod == doc.Planned && t.conditional(k) {
		t.intended = "if"
	}
	return mod, true
}

// occurs reports whether the verb at g says that its subject takes place
// (grammar.txt occur, or "take place").
func (t *tree) occurs(g int) bool {
	return is("occur", t.lemma(g)) || t.lemma(g) == "take" && t.someChild(g, "obj", func(o int) bool { return t.lemma(o) == "place" })
}

// conceded reports whether the clause headed at k opens with a
// subordinator of concession (grammar.txt concession).
func (t *tree) conceded(k int) bool {
	return t.someChild(k, "mark", func(c int) bool { return is("concession", t.lemma(c)) })
}

// intentComplement reports whether the infinitive k, which the parse hung
// on g as adverbial, is the complement of g, a verb of intent with no
// other complement or object: "agreed on Monday to widen", "pledged on
// Tuesday to lift". A verb of intent takes its infinitive as complement;
// one with an object may have a purpose of its own ("pledged $5 million to
// help refugees").
func (t *tree) intentComplement(g, k int) bool {
	return t.toks[g].UPOS == "VERB" && is("intent", t.lemma(g)) && t.marker(k) == "to" && t.rel(k) == "advcl" &&
		t.child(g, "xcomp") < 0 && t.child(g, "obj") < 0 && t.child(g, "ccomp") < 0
}

// purpose reports whether g, a verb of motive (grammar.txt motive), states
// the purpose of another act rather than an actor's intent: a participle
// with no subject of its own beside another clause ("signed an accord,
// aiming to end the dispute"), or a passive ("were aimed at strengthening
// relations", "sanctions designed to punish").
func (t *tree) purpose(g int) bool {
	if !is("motive", t.lemma(g)) || t.toks[g].UPOS != "VERB" {
		return false
	}
	if t.passive(g) {
		return true
	}
	switch t.toks[g].Rel {
	case "advcl", "acl":
		return t.toks[g].XPOS == "VBG" && t.child(g, "nsubj") < 0
	}
	return false
}

// conditional reports whether the clause headed at k has a condition:
// a clause opened by "if" or "unless".
func (t *tree) conditional(k int) bool {
	return len(t.conditions(k)) > 0
}

// conditions returns the conditions of the clause headed at k: its
// dependents opened by "if" or "unless" (grammar.txt, condition). Such a
// word is no preposition, so what it opens is a clause whatever relation
// the parse gave it ("may suspend aid if Belgrade refuses", with
// "refuses" read as a plural noun and an oblique of "suspend"), and a
// clause of the verb wherever the parse hung it: on the verb's object
// ("will impose sanctions on North Korea if Pyongyang refuses", hung on
// "sanctions").
func (t *tree) conditions(k int) []int {
	var out []int
	// A saying is not conditional: a condition the parse hung on a verb
	// of saying belongs to what it reports ("may halt mediation efforts
	// if cooperation founders, the minister said", "if" hung on "said",
	// even as a second complement: it reports k, so its "if" is no
	// "whether").
	if g := t.head(k); g >= 0 && t.rel(k) == "ccomp" && is("report", t.lemma(g)) {
		for _, c := range t.kids[g] {
			if r := t.rel(c); (r == "advcl" || r == "ccomp" && c != k) && is("condition", t.marker(c)) {
				out = append(out, c)
			}
		}
	}
	for _, c := range t.kids[k] {
		switch t.rel(c) {
		case "advcl", "obl", "nmod", "dep":
			if is("condition", t.marker(c)) {
				out = append(out, c)
			}
		}
		if r := t.rel(c); (r == "obj" || r == "obl") && t.toks[c].UPOS == "NOUN" {
			for _, d := range t.kids[c] {
				if r := t.rel(d); (r == "acl" || r == "nmod" || r == "advcl" || r == "dep") && is("condition", t.marker(d)) {
					out = append(out, d)
				}
			}
		}
	}
	return out
}

// negatedObject reports whether the light verb at g has a negated object
// other than k: "made no public reply to the offer", "gave no timetable
// for withdrawing". Such a verb asserts nothing that hangs on it.
func (t *tree) negatedObject(g, k int) bool {
	for _, o := range t.children(g, "obj") {
		if _, ok := t.own(o); !ok && o != k {
			return true
		}
	}
	return false
}

// reportedClause reports whether the clause headed at k is what a verb of
// saying reports ("said it would", "announced that they would"), or a
// conjunct of it.
func (t *tree) reportedClause(k int) bool {
	for steps := 0; k >= 0 && steps < 4; steps++ {
		g := t.head(k)
		if g < 0 {
			return false
		}
		switch t.rel(k) {
		case "ccomp", "parataxis":
			return is("report", t.lemma(g)) && !t.relativeSubject(k)
		case "conj":
			k = g
			continue
		}
		return false
	}
	return false
}

// ingAbove returns the nearest verb in -ing that governs g, within three
// steps, or -1.
func (t *tree) ingAbove(g int) int {
	for k, steps := t.head(g), 0; k >= 0 && steps < 3; k, steps = t.head(k), steps+1 {
		if t.toks[k].XPOS == "VBG" && t.toks[k].UPOS == "VERB" {
			return k
		}
	}
	return -1
}

// relativeSubject reports whether the subject of the clause at k is a
// relative pronoun ("who", "which", or "that" right after a comma): the
// clause is a relative one, whatever relation the parse gave it, and
// tells nothing a verb of saying reports ("urged members to adopt a
// draft resolution, circulated by Tunisia, that would give ...").
func (t *tree) relativeSubject(k int) bool {
	s := t.child(k, "nsubj")
	if s < 0 {
		return false
	}
	switch {
	case t.toks[s].XPOS == "WP" || t.toks[s].XPOS == "WDT":
		return true
	case t.lemma(s) == "that" && s > 0 && t.toks[s-1].Text == ",":
		return true
	}
	return false
}

// demands reports whether a verb of saying at i reports that someone must
// or should act: "declared that China must drop barriers".
func (t *tree) demands(i int) bool {
	for _, k := range t.kids[i] {
		if t.toks[k].Rel != "ccomp" {
			continue
		}
		for _, a := range t.kids[k] {
			if t.toks[a].Rel == "aux" && is("obligation", t.lemma(a)) {
				return true
			}
		}
	}
	return false
}

// condemns returns the code of condemnation when the verb of saying at i
// reports that something is what the lexicon condemns by calling it so
// ("v 111 call massacre"): "said the raid was a massacre", "told members
// that the raid amounted to murder" (grammar.txt, equate). It returns ""
// for any other clause.
func (c *Coder) condemns(t *tree, i int) string {
	for _, k := range t.children(i, "ccomp") {
		if _, ok := t.own(k); !ok {
			continue // "said it was not a violation"
		}
		if t.child(k, "cop") >= 0 {
			if code := c.lex.called(t.lem[k], t.phraseWords(k)); code != "" {
				return code
			}
		}
		// "said that Riyadh was using the embassy attack as a pretext to
		// fuel tensions": to say another acts in bad faith (grammar.txt
		// badfaith) is to accuse it.
		if t.badFaith(k) {
			return "112"
		}
		if is("equate", t.lem[k]) {
			for _, o := range t.kids[k] {
				if r := t.rel(o); r == "obj" || (r == "obl" || r == "xcomp") && t.marker(o) == "to" {
					if code := c.lex.called(t.lem[o], t.phraseWords(o)); code != "" {
						return code
					}
				}
			}
		}
	}
	return ""
}

// badFaith reports whether the clause headed at k, but for clauses inside
// it, names bad faith (grammar.txt badfaith): a pretext, a provocation.
func (t *tree) badFaith(k int) bool {
	found := false
	var walk func(i int)
	walk = func(i int) {
		found = found || is("badfaith", t.lem[i])
		for _, c := range t.kids[i] {
			switch t.rel(c) {
			case "ccomp", "parataxis", "advcl", "acl:relcl":
				continue
			}
			walk(c)
		}
	}
	walk(k)
	return found
}

// phraseWords returns the lemmas and forms of the words of the phrase
// headed at k, but for clauses inside it: "an attack on international
// law" gives "on", "international" and "law".
func (t *tree) phraseWords(k int) map[string]bool {
	out := map[string]bool{}
	var walk func(i int)
	walk = func(i int) {
		out[t.lem[i]], out[t.low[i]] = true, true
		for _, c := range t.kids[i] {
			switch t.rel(c) {
			case "acl", "advcl", "ccomp", "parataxis", "nsubj", "cop":
				continue
			}
			walk(c)
		}
	}
	for _, c := range t.kids[k] {
		switch t.rel(c) {
		case "nmod", "amod", "compound", "case", "flat":
			walk(c)
		}
	}
	return out
}

// raised reports whether the verb at g has for object (or indirect
// object) an actor or people, who are then the subject of its infinitive:
// "expects Russia to withdraw", "gave Ukraine weapons to defend itself",
// not "pledged $1 billion to help".
func (t *tree) raised(g int) bool {
	for _, o := range append(t.children(g, "obj"), t.children(g, "iobj")...) {
		if t.mentionOf(o) != nil || is("people", t.lemma(o)) {
			return true
		}
	}
	return false
}

// reporter returns the verb of saying whose clause k is (or is a conjunct
// of), or -1.
func (t *tree) reporter(k int) int {
	for steps := 0; k >= 0 && steps < 4; steps++ {
		if v := t.trailer(k); v >= 0 {
			return v
		}
		g := t.head(k)
		if g < 0 {
			return -1
		}
		switch t.rel(k) {
		case "ccomp", "parataxis":
			if is("report", t.lemma(g)) {
				return g
			}
			return -1
		case "advcl":
			if t.fronted(k) {
				return g
			}
			return -1
		case "conj":
			k = g
			continue
		}
		return -1
	}
	return -1
}

// finite reports whether the verb at k heads a finite clause: a tensed
// verb or one with a tensed auxiliary. A participle with a subject of its
// own and no auxiliary is a simple past the tagger took for a participle
// ("a human rights group protested here"): a participle heads a clause
// of its own subject only with an auxiliary ("has protested", "was
// protested").
func (t *tree) finite(k int) bool {
	switch t.toks[k].XPOS {
	case "VBD", "VBZ", "VBP", "MD":
		return true
	case "VBN":
		if t.child(k, "nsubj") >= 0 && t.child(k, "aux") < 0 && t.child(k, "aux:pass") < 0 {
			return true
		}
	}
	for _, c := range t.kids[k] {
		if r := t.toks[c].Rel; r == "aux" || r == "aux:pass" || r == "cop" {
			switch t.toks[c].XPOS {
			case "VBD", "VBZ", "VBP", "MD":
				return true
			}
		}
	}
	return false
}

// background reports an event noun at i that is the subject of a verb of
// consequence (grammar.txt consequence) told in the present or the present
// perfect: "Russia's invasion of Ukraine has pushed up food prices", "the
// war has displaced millions". The consequences are the news; violence so
// named is their background, going on, not a new act.
func (t *tree) background(i int) bool {
	if t.toks[i].UPOS != "NOUN" || t.rel(i) != "nsubj" {
		return false
	}
	g := t.head(i)
	return g >= 0 && is("consequence", t.lemma(g)) && t.present(g)
}

// describes reports a participle in -ing at i that describes the subject
// of another verb ("The Saudi-led coalition fighting in Yemen said it was
// expelling Qatar"): it tells who the subject is, what it is doing all
// along, no new act.
func (t *tree) describes(i int) bool {
	if t.toks[i].XPOS != "VBG" || t.rel(i) != "acl" {
		return false
	}
	n := t.head(i)
	return n >= 0 && strings.HasPrefix(t.rel(n), "nsubj")
}

// present reports whether the verb at k is told in the present or the
// present perfect: "pushes", "is pushing", "has pushed".
func (t *tree) present(k int) bool {
	if x := t.toks[k].XPOS; x == "VBZ" || x == "VBP" {
		return true
	}
	for _, c := range t.kids[k] {
		if r := t.toks[c].Rel; r == "aux" || r == "aux:pass" {
			if x := t.toks[c].XPOS; x == "VBZ" || x == "VBP" {
				return true
			}
		}
	}
	return false
}

// refusal reports whether the verb at k is declared not to happen by the
// one who would do it: negated with a future or volitional auxiliary
// ("will not sign", "would not reopen", "won't withdraw").
func (t *tree) refusal(k int) bool {
	neg, future := false, false
	for _, c := range t.kids[k] {
		w := t.lemma(c)
		switch t.rel(c) {
		case "advmod":
			neg = neg || w == "not" || w == "n't" || w == "never"
		case "aux":
			future = future || is("future", w) || is("future", t.toks[c].Lower()) || w == "would" || t.toks[c].Lower() == "wo"
		}
	}
	return neg && future
}

// renounced reports whether the infinitive at k is negated ("not to",
// "never to") and the complement of a verb of intent whose own clause is
// asserted: "agreed not to use force", "pledged never to attack".
func (t *tree) renounced(k int) bool {
	g := t.head(k)
	if g < 0 || t.marker(k) != "to" || t.rel(k) != "xcomp" || !is("intent", t.lemma(g)) || t.toks[g].UPOS != "VERB" {
		return false
	}
	neg := -1
	for _, c := range append(t.children(k, "advmod"), t.children(g, "advmod")...) {
		// "pledged never to attack", "never" hung on the verb of intent
		// but written between it and the infinitive.
		if (t.lemma(c) == "not" || t.lemma(c) == "never") && (t.head(c) == k || g < c && c < k) {
			neg = c
		}
	}
	if neg < 0 {
		return false
	}
	words := t.words
	t.words = map[int]bool{neg: true} // the infinitive's own "never"
	_, ok := t.mood(g)
	t.words = words
	return ok
}

// complementizer reports whether the clause headed at k opens with a
// "that" the parse made an argument (a relative pronoun) though another
// word of the clause holds that argument's place: "charges that its coast
// guard had fired water cannon", where "cannon" is the object. Such a
// "that" only introduces the clause.
func (t *tree) complementizer(k int) bool {
	for _, c := range t.kids[k] {
		if t.lemma(c) != "that" || t.toks[c].UPOS != "PRON" {
			continue
		}
		r := t.toks[c].Rel
		for _, o := range t.kids[k] {
			if o != c && t.toks[o].Rel == r {
				return true
			}
		}
	}
	return false
}

// manner reports whether the event noun at k stands in a phrase of manner
// whose preposition its own pattern writes (the trigger's words, or
// words): "had entered Gori in breach of the truce", "in protest at". The
// phrase says what the act of the verb it hangs on is: asserted as that
// verb is, and done by its subject. The parse may hang it on the verb's
// object ("crossed the border in violation of the truce"): a phrase of
// manner modifies no noun.
func (t *tree) manner(k int, words []int) bool {
	mk := t.markerAt(k)
	if mk < 0 || t.verbOf(k) < 0 {
		return false
	}
	return t.words[mk] || slices.Contains(words, mk)
}

// verbOf returns the verb a phrase at k hangs on: its head for an
// oblique, its head's head for a modifier of the verb's object; or -1.
func (t *tree) verbOf(k int) int {
	g := t.head(k)
	switch {
	case g < 0:
		return -1
	case t.rel(k) == "obl":
		return g
	case t.rel(k) == "nmod" && t.rel(g) == "obj":
		return t.head(g)
	}
	return -1
}

// takesSteps reports whether the verb at v is a light verb whose object is
// a noun of steps taken (grammar.txt step): "took steps", "adopted measures".
func (t *tree) takesSteps(v int) bool {
	if !is("light", t.lemma(v)) {
		return false
	}
	for _, o := range t.children(v, "obj") {
		if _, ok := t.own(o); ok && is("step", t.lemma(o)) {
			return true
		}
	}
	return false
}
