package actors

import (
	"strings"

	"github.com/dyad-events/dyad/internal/doc"
)

// A bare mention is a state body, an official by title or a crowd named
// without its state: "the Defence Ministry", "parliament voted", "Government
// spokesman Patrick Muyaya", "riot police", "several hundred protesters".
// Its phrase is kept and coded once the state is known, from what the
// text says around it. The rules, first that gives a state wins:
//
//  1. Its own phrase: a state inside it or owning it ("Kosovo's
//     parliament", "the Russian Defence Ministry") or an "of" phrase ("the
//     parliament of Kosovo") — then it is no bare mention at all.
//  2. A possessive pronoun right before it: "his government", "its
//     troops", "their ambassadors" take the state of what the pronoun
//     refers to, resolved as any pronoun. Any title a pronoun owns is
//     placed this way ("its ambassador", "their sailors"), not only
//     those of bodies, officials and crowds, and only this way.
//  3. The place it is in, for bodies and crowds, which stay in their own
//     state (officials and forces travel, so a place does not tell whose
//     they are): a state or capital right after it ("police in Skopje"),
//     or opening the sentence ("In Moscow, several hundred protesters
//     ..."); for crowds, also a state or capital named after "in"
//     anywhere in the sentence, when all such places agree ("protesters
//     stormed the Saudi embassy in Tehran").
//  4. For crowds, the state of the dateline's place ("MOSCOW, November
//     25, 2015 —"): a crowd is where the news is reported from. Refugees
//     and migrants, placed also by "at" and "to" in rule 3, instead stay
//     where the text last put them ("the migrants").
//  5. The state the text is talking about: the nearest earlier actor of
//     the same sentence that is not the object of a preposition and names
//     one state ("Kiir told parliament"), else the subject of the nearest
//     earlier sentence of the paragraph, or of the sentence just before
//     it, that names one state ("Putin warned of consequences. The
//     Defence Ministry summoned ..."). Actors named after it in its own
//     sentence never count: in "The Defence Ministry summoned Turkey's
//     military attache" Turkey is the other party.
//  6. For bodies, officials and crowds, the dateline's state; never for
//     refugees and civilians.
//
// Sentence, which sees one sentence, applies rules 3 and 5 within it.
// A bare mention no rule places is dropped: it names no actor.
type bare struct {
	ph    phrase
	class bareClass
	// owner is the last token of what owns a capitalised title through a
	// possessive ("Somalia" in "Somalia's Transitional Federal
	// Government"), or -1.
	owner int
}

type bareClass int

const (
	bareBody      bareClass = iota + 1 // ministries, parliaments, courts, police: placed by rule 3
	bareOfficial                       // titles of office and armed forces: not placed by rule 3
	bareCrowd                          // protesters, demonstrators, rioters, crowds
	bareOwned                          // any other title after a possessive pronoun: "its ambassador", "their sailors"
	bareDisplaced                      // refugees, migrants, civilians, citizens: where the text puts them
	bareArmed                          // rebels, militants, fighters: only where the sentence puts them
)

// officialTitles are the agent titles of officials and forces that a bare
// mention may name; bodyTitles those of state bodies. Ambassadors, envoys,
// diplomats and delegations are left out (they serve abroad: "the
// ambassador was summoned" does not say whose), and so are rebels,
// parties, firms, media and the like, which belong to no state by
// default. Refugees, migrants and civilians are placed where the text
// puts them (bareDisplaced).
var officialTitles = map[string]bool{
	"president": true, "prime minister": true, "premier": true, "chancellor": true,
	"foreign minister": true, "defence minister": true, "commerce minister": true,
	"finance minister": true, "energy minister": true, "interior minister": true,
	"minister": true, "official": true, "spokesperson": true, "king": true, "emir": true,
	"crown prince": true, "governor": true,
	"military": true, "army": true, "navy": true, "air force": true, "troops": true,
	"general": true, "admiral": true, "officer": true, "commander": true,
}

var bodyTitles = map[string]bool{
	"government": true, "ministry": true, "parliament": true, "judiciary": true,
	"police": true, "intelligence": true,
}

// crowdWords are the words of a crowd: people gathered in a place.
var crowdWords = map[string]bool{
	"protester": true, "protesters": true, "protestor": true, "protestors": true,
	"demonstrator": true, "demonstrators": true, "rioter": true, "rioters": true,
	"crowd": true, "crowds": true, "mob": true, "mobs": true,
}

// movementWords are people of a movement or a school, placed as a crowd
// is when named alone ("police detained activists", "students marched"):
// they act where they are. A qualified kind ("human rights activists"
// HRI) is no crowd and is left to its own phrase.
var movementWords = map[string]bool{
	"activist": true, "activists": true, "student": true, "students": true,
}

// loneAttacker are the rebels' words for attackers whose side the
// place of the attack does not tell: "a suicide bomber killed six
// policemen in Kabul".
var loneAttacker = map[string]bool{
	"gunman": true, "gunmen": true, "suicide bomber": true, "suicide bombers": true,
}

// civilWords are the words of civilians that the text places as it
// places refugees: people where they are, not a body of their state.
var civilWords = map[string]bool{"civilian": true, "civilians": true, "citizen": true, "citizens": true, "people": true, "residents": true, "villagers": true, "inhabitants": true}

// bareWordStop are words that, right before a bare title, say it is not
// the state's own: "foreign troops", "coalition forces", "market forces".
var bareWordStop = map[string]bool{
	"foreign": true, "other": true, "coalition": true, "international": true, "allied": true,
	"multinational": true, "peacekeeping": true, "regional": true, "neighbouring": true,
	"neighboring": true, "rebel": true, "enemy": true, "market": true, "world": true,
	"global": true, "western": true, "opposition": true, "former": true, "ex": true,
	"exiled": true, "interim": true, "transitional": true, "puppet": true, "parallel": true,
	"rival": true, "both": true, "each": true, "either": true, "neither": true,
}

// ownRank are lower-case words before a title that leave it the
// state's own: "local officials", "senior officials".
var ownRank = map[string]bool{
	"local": true, "senior": true, "top": true, "provincial": true, "municipal": true, "federal": true,
}

// asAdjective lists the agent words that, singular and with no article,
// are mostly adjectives: "military operations", "parliamentary elections".
var asAdjective = map[string]bool{
	"military": true, "parliamentary": true, "paramilitary": true, "naval": true,
}

// bareOf returns the bare mention a phrase of titles only names, or false
// when the phrase is not one: a title that names no state body, official
// or crowd, a title that modifies the noun after it ("government
// plane", "military operations"), one that belongs to a name the
// dictionary lacks ("Wagner troops", "Azov fighters"), or a singular
// title with no article after a preposition, which is a place or an
// idiom ("take Russia to court", "a bill before parliament"). A
// capitalised title takes the capitalised words before it into its
// phrase ("Internal Security Minister George Saitoti"); the phrase is
// returned as the mention will cover it.
func (r *Resolver) bareOf(toks []doc.Token, ph phrase) (bare, phrase, bool) {
	for _, p := range ph.parts {
		if p.kind != partAgent {
			return bare{}, ph, false
		}
	}
	head := ph.parts[len(ph.parts)-1]
	word := strings.Join(head.toks, " ")
	last := head.toks[len(head.toks)-1]
	var class bareClass
	// "the opposition", "opposition parties": a state's opposition, but
	// not "opposition to the deal".
	opposition := head.agent.Title == "opposition" && (word != "opposition" ||
		toks[ph.first].Lower() == "the" && (ph.last+1 >= len(toks) || toks[ph.last+1].Lower() != "to"))
	switch {
	case notBare[last]:
		return bare{}, ph, false
	case crowdWords[last] || movementWords[word]:
		class = bareCrowd
	case head.agent.Code == "REF" || civilWords[last]:
		class = bareDisplaced
	case head.agent.Code == "REB" && !loneAttacker[word]:
		class = bareArmed
	case strings.Contains(word, "ministry") || strings.Contains(word, "ministries"):
		class = bareBody
	case bodyTitles[head.agent.Title] || opposition:
		class = bareBody
	case officialTitles[head.agent.Title]:
		class = bareOfficial
	case possessivePronoun(toks[max(modifiersBefore(toks, ph.first)-1, 0)].Text):
		class = bareOwned
	case ph.first >= 2 && isPossessive(toks[ph.first-1]) && r.known(toks, ph.first-2) && !toks[ph.first-2].IsCapitalized():
		class = bareOwned // "the government's negotiators": a body owns it
	default:
		return bare{}, ph, false
	}
	if head.agent.Code == "" || (len(ph.parts) == 1 && abstract[word] && !opposition) {
		return bare{}, ph, false
	}
	b := bare{class: class, owner: -1}
	first := ph.parts[0].first
	// "Internal Security Minister", "Somalia's Transitional Federal
	// Government": capitalised words before a capitalised title are part
	// of it.
	if first == ph.first && toks[first].IsCapitalized() {
		j := r.titleWordsBefore(toks, first)
		for k := j; k < first; k++ {
			if bareWordStop[toks[k].Lower()] {
				b.owner = -2 // "Transitional Federal Government": not the state's own, unless owned
			}
		}
		if j >= 2 && isPossessive(toks[j-1]) {
			b.owner = j - 2
		} else if j < first && r.stateAdjectiveEnds(toks, j-1) {
			// "Kenyan Science Minister Jose Fakename": a state's
			// adjective before the title's words owns the title.
			b.owner = j - 1
		}
		if b.owner == -2 {
			return bare{}, ph, false
		}
		if j < first {
			ph.first, first = j, j
		}
		if j > 0 && toks[j-1].Lower() == "the" {
			ph.first = j - 1
		}
	}
	if first > 0 && b.owner < 0 {
		prev := toks[first-1]
		if bareWordStop[prev.Lower()] || (isDash(prev) && first > 1 && bareWordStop[toks[first-2].Lower()]) {
			return bare{}, ph, false
		}
		// "Wagner troops", "Azov fighters": a capitalised word the
		// dictionary lacks owns a lower-case title.
		if prev.IsCapitalized() && prev.IsWord() && first-1 > 0 && !toks[first].IsCapitalized() && !nameStop[prev.Lower()] { // not "On Monday militants"
			return bare{}, ph, false
		}
		// "airlines, travel agents and officials involved in ...": a title
		// listed with nouns that name no actor is as generic as they are.
		if p := prev.Lower(); (p == "and" || p == "or") && first > 1 && !toks[first].IsCapitalized() && isLowerWord(toks[first-2].Text) &&
			!r.known(toks, first-2) && !r.hasAgent(toks[first-2].Lower()+" "+last) { // not "foreign and defence ministers"
			return bare{}, ph, false
		}
		// "take Russia and Ukraine to court", "in parliament", "an act of
		// Congress".
		if p := prev.Lower(); ph.first == first && Prepositions[p] && p != "by" && !pluralWord(last) && !ph.unnamed {
			return bare{}, ph, false
		}
		// "the four governments", "several ministries": bodies of several
		// states; but "6,000 guardsmen", "12 police officers" count people.
		if class == bareBody && head.agent.Title != "police" && pluralWord(last) && (countWords[prev.Lower()] || isNumber(prev.Text)) {
			return bare{}, ph, false
		}
	}
	if !ph.unnamed && modifiesNext(toks, ph, head) {
		return bare{}, ph, false
	}
	// "local officials", "the senior officials": words that rank a
	// state's own officials are part of the mention.
	if f := ph.first; f == first && f > 0 && ownRank[toks[f-1].Text] {
		ph.first = f - 1
		if f > 1 && toks[f-2].Lower() == "the" {
			ph.first = f - 2
		}
	}
	b.ph = ph
	return b, ph, true
}

// nearestState returns the state of the single-state mention nearest
// ms[k] in its sentence, or "".
func (r *Resolver) nearestState(toks []doc.Token, ms []Mention, k int) string {
	state, best := "", len(toks)
	for j := range ms {
		n := ms[j]
		if j == k || n.bare != nil || n.Kind != Named || len(n.Actors) != 1 || !r.countries[n.Actors[0].Country] {
			continue
		}
		d := n.First - ms[k].Last
		if n.First < ms[k].First {
			d = ms[k].First - n.Last
		}
		if d < best {
			state, best = n.Actors[0].Country, d
		}
	}
	return state
}

// stateAdjectiveEnds reports whether a state's adjective of the
// dictionary ends at token i ("Kenyan", "South African").
func (r *Resolver) stateAdjectiveEnds(toks []doc.Token, i int) bool {
	for s := max(0, i-2); s <= i && i >= 0; s++ {
		if p, next, ok := r.match(toks, s); ok && next == i+1 && p.kind == partAdjective && r.countries[p.actor.Code] {
			return true
		}
	}
	return false
}

// titleWordsBefore returns where the capitalised words the dictionary
// lacks right before the capitalised title at token first begin, or
// first: "Internal Security Minister", "Enlargement Commissioner",
// "Florida Republican Senator". They are part of the title.
func (r *Resolver) titleWordsBefore(toks []doc.Token, first int) int {
	j := first
	for j > 0 && toks[j-1].IsCapitalized() && toks[j-1].IsWord() && !nameStop[toks[j-1].Lower()] &&
		!Prepositions[toks[j-1].Lower()] && toks[j-1].Lower() != "the" {
		if _, _, ok := r.match(toks, j-1); ok || r.known(toks, j-1) {
			break // a name or title starts or ends there: "Costa Rican"
		}
		j--
		// "Science and Technology Minister": "and" between two of them.
		if j >= 2 && j < first && toks[j-1].Lower() == "and" && toks[j-2].IsCapitalized() && toks[j-2].IsWord() {
			if _, _, ok := r.match(toks, j-2); !ok && !nameStop[toks[j-2].Lower()] {
				j--
			}
		}
	}
	return j
}

// known reports whether the dictionary knows a word ending at token i as
// a title, a name or part of one (a lower-case word only: "police" in
// "police and courts").
func (r *Resolver) known(toks []doc.Token, i int) bool {
	for j := max(0, i-3); j <= i; j++ {
		if _, next, ok := r.match(toks, j); ok && next-1 == i {
			return true
		}
	}
	return false
}

var countWords = map[string]bool{
	"two": true, "three": true, "four": true, "five": true, "six": true, "seven": true,
	"eight": true, "nine": true, "ten": true, "several": true, "many": true, "various": true,
	"some": true, "all": true, "both": true, "numerous": true, "dozens": true,
}

// notBare are agent words too often something else to be placed from
// context: "sanctions regime", "visa regime"; "his counterpart" is not
// his.
var notBare = map[string]bool{"regime": true, "regimes": true, "counterpart": true, "counterparts": true}

// modifiesNext reports whether a singular title is used as a modifier of
// the noun after it: "government plane", "military operations", "police
// station". A title followed by a verb, a function word, punctuation or
// a possessive names the body: "police used", "parliament voted",
// "the ministry's spokesman".
func modifiesNext(toks []doc.Token, ph phrase, head part) bool {
	w := head.toks[len(head.toks)-1]
	j := ph.last + 1
	if j >= len(toks) {
		return false
	}
	if asAdjective[w] && len(ph.parts) == 1 && (ph.first == head.first || toks[ph.first].Lower() != "the") {
		return true // "military operations", "a halt to military action"
	}
	next := toks[j]
	if !next.IsWord() || isPossessive(next) || next.IsCapitalized() {
		return false
	}
	n := next.Lower()
	if pluralWord(w) {
		return false // "protesters gathered", "troops advance"
	}
	switch {
	case modifierStop[n] || Prepositions[n] || clauseWords[n]:
		return false
	case strings.HasSuffix(n, "ed") || strings.HasSuffix(n, "ly"):
		return false // "summoned", "promptly"
	case pastVerbs[n] || presentVerbs[n]:
		return false // "the ministry says", "parliament approves"
	}
	return true
}

// presentVerbs are the present tenses that follow a body as its verb in
// news; other words ending in -s after a title are mostly nouns it
// modifies ("navy ships", "army units").
var presentVerbs = map[string]bool{
	"says": true, "denies": true, "accuses": true, "warns": true, "claims": true,
	"insists": true, "announces": true, "rejects": true, "urges": true, "calls": true,
	"wants": true, "plans": true, "approves": true, "votes": true, "orders": true,
	"agrees": true, "confirms": true, "condemns": true, "demands": true, "threatens": true,
	"vows": true, "tells": true, "adds": true, "reports": true, "believes": true,
	"expects": true, "fears": true, "hopes": true, "intends": true, "refuses": true,
	"considers": true, "supports": true, "opposes": true, "backs": true, "welcomes": true,
	"holds": true, "leads": true, "remains": true, "seeks": true, "faces": true, "controls": true,
}

// clauseWords may follow a body named as a subject or an object.
var clauseWords = map[string]bool{
	"who": true, "whom": true, "while": true, "when": true, "because": true, "if": true,
	"unless": true, "where": true, "so": true, "yet": true, "nor": true, "then": true,
	"again": true, "still": true, "already": true, "never": true, "now": true, "later": true,
	"home": true, "back": true, "too": true, "once": true, "first": true,
}

// pastVerbs are common irregular past tenses of news verbs.
var pastVerbs = map[string]bool{
	"told": true, "met": true, "sent": true, "held": true, "fought": true, "shot": true,
	"took": true, "gave": true, "made": true, "began": true, "left": true, "kept": true,
	"put": true, "set": true, "struck": true, "threw": true, "brought": true, "ran": true,
	"went": true, "came": true, "saw": true, "won": true, "lost": true, "led": true,
	"fled": true, "hit": true, "cut": true, "sought": true, "drew": true, "broke": true,
	"wrote": true, "spoke": true, "rose": true, "fell": true, "stood": true, "paid": true,
	"sold": true, "beat": true, "bought": true, "chose": true, "forbade": true, "froze": true,
	"withdrew": true, "overtook": true, "seized": true, "stormed": true, "tore": true,
	"burnt": true, "burned": true, "blew": true, "found": true, "heard": true, "let": true,
	"meant": true, "read": true, "said": true, "thought": true, "understood": true,
	"upheld": true, "will": true, "would": true, "should": true, "must": true,
}

// context is what a document tells about the states around a sentence.
type context struct {
	history   []seen
	sentence  int
	paragraph int
	// dateline is the state of the dateline's place, or "".
	dateline string
	// displaced is the state the text last placed refugees or migrants
	// in, or "".
	displaced string
}

// placeBare codes the bare mention ms[k] of a sentence, the earlier
// mentions of the sentence already resolved, by the rules of bare; ctx is
// nil when the sentence is read alone. It reports whether a state was
// found.
func (r *Resolver) placeBare(text string, toks []doc.Token, ms []Mention, k int, date string, ctx *context) bool {
	b := ms[k].bare
	// 2. "his government", "its troops": the pronoun's referent.
	if k > 0 && ownedBy(toks, ms[k-1], b.ph.first) && len(ms[k-1].Actors) > 0 {
		if m, ok := r.owned(text, toks, ms[k-1], b, date); ok {
			ms[k] = m
			return true
		}
	}
	if b.class == bareOwned {
		return false // only its owner says whose it is
	}
	if m, ok := policeOfficers(text, toks, ms, k); ok {
		ms[k] = m
		return true
	}
	state, from := r.phraseState(toks, ms, k), "phrase"
	// "the emir" after "Qatar's Emir Sheikh Tamim": the holder of the
	// same title named before.
	if state == "" {
		state, from = sameTitle(toks, ms, k, ctx), "title"
	}
	// 3. The place it is in.
	if state == "" && b.class != bareOfficial {
		if unknownPlace(toks, ms, k) {
			return false // "a court in Russian-annexed Crimea": a place dyad cannot name
		}
		state, from = placeOf(toks, ms, k, b.class), "place"
		if state != "" && b.class == bareDisplaced && b.ph.parts[0].agent.Code == "REF" && ctx != nil {
			ctx.displaced = state
		}
	}
	// "The Mozambique government accepted demands from Shona rebels": a
	// people of several states, with a role, lives in the state the
	// sentence names nearest it, as an ethnic group does (placeEthnic).
	if state == "" && b.ph.parts[0].agent.Title == "people" && len(b.ph.parts) > 1 {
		state, from = r.nearestState(toks, ms, k), "people"
	}
	// Rebels fight where they are, and nothing but their place says
	// whose rebels they are.
	if b.class == bareArmed && (state == "" || from != "place" && from != "phrase" && from != "people") {
		return false
	}
	// "Thousands of Kosovo Serbs rallied. Organisers put the crowd at
	// 20,000": a definite crowd is the crowd or people named before it.
	if state == "" && b.class == bareCrowd && ctx != nil && toks[b.ph.first].Lower() == "the" {
		state, from = ctx.earlierCrowd(), "paragraph"
	}
	// 4. A crowd is where the news comes from; refugees stay where the
	// text last put them ("the migrants").
	if state == "" && b.class == bareCrowd && ctx != nil {
		state, from = ctx.dateline, "dateline"
	}
	if state == "" && b.class == bareDisplaced && b.ph.parts[0].agent.Code == "REF" && ctx != nil {
		state, from = ctx.displaced, "place"
	}
	// 5. The state the text is talking about.
	if state == "" {
		var j int
		state, j = r.about(toks, ms, k)
		from = "sentence"
		// "Russian troops killed civilians": people a state's forces
		// act on are not that state's.
		if state != "" && b.class == bareDisplaced && isForce(ms[j]) {
			return false
		}
		// "Russia massed troops on Ukraine's border": forces that are the
		// object of their own state's verb are its instrument, not a
		// party; the event is between the state and the other party.
		if state != "" && b.ph.parts[0].agent.Code == "MIL" && ms[k].Prep == "" && !opensClause(toks, ms[k].First, r.frontedClause(toks)) {
			return false
		}
	}
	if state == "" {
		state, from = sameHeadBody(toks, ms, k, ctx), "title"
	}
	if state == "" && ctx != nil {
		state, from = ctx.previousSubject(), "paragraph"
	}
	// 6. The dateline; not for refugees and civilians, who are as often
	// on the other side.
	if state == "" && ctx != nil && b.class != bareDisplaced {
		state, from = ctx.dateline, "dateline"
	}
	if state == "" {
		return false
	}
	m, ok := r.compose(text, toks, b.ph, date, state)
	if !ok {
		return false
	}
	// "Somalia's Transitional Federal Government": the owning state is
	// part of the mention.
	if from == "phrase" && b.owner >= 0 && k > 0 && ms[k-1].Last == b.owner && ms[k-1].Kind == Named && oneState(ms[k-1].Actors) == state {
		m.Start, m.First = ms[k-1].Start, ms[k-1].First
		m.Text = text[m.Start:m.End]
		for i := range m.Actors {
			m.Actors[i].Text = m.Text
		}
	}
	takeWhose(text, toks, &m)
	if f := m.First; f > 0 && Prepositions[toks[f-1].Lower()] {
		m.Prep = toks[f-1].Lower()
	}
	m.Context = from
	ms[k] = m
	return true
}

// policeOfficers codes bare "officer" or "officers" after the police of
// their sentence as police officers of the same state: "Police said
// seven officers were hurt", "police used tear gas on demonstrators who
// had attacked officers".
func policeOfficers(text string, toks []doc.Token, ms []Mention, k int) (Mention, bool) {
	b := ms[k].bare
	head := b.ph.parts[len(b.ph.parts)-1]
	if w := strings.Join(head.toks, " "); len(b.ph.parts) != 1 || (w != "officer" && w != "officers") {
		return Mention{}, false
	}
	for j := k - 1; j >= 0; j-- {
		n := ms[j]
		if n.bare != nil || len(n.Actors) != 1 || n.Actors[0].Country == "" || !strings.HasSuffix(n.Actors[0].Code, "COP") {
			continue
		}
		m := Mention{Start: toks[b.ph.first].Start, End: toks[b.ph.last].End, First: b.ph.first, Last: b.ph.last, Kind: Named}
		m.Text = text[m.Start:m.End]
		m.Actors = []doc.Actor{n.Actors[0]}
		m.Actors[0].Text, m.Actors[0].Role = m.Text, head.agent.Title
		m.Plural = pluralWord(head.toks[len(head.toks)-1])
		if f := m.First; f > 0 && Prepositions[toks[f-1].Lower()] {
			m.Prep = toks[f-1].Lower()
		}
		m.Context = "sentence"
		return m, true
	}
	return Mention{}, false
}

// owned codes a title owned by a possessive pronoun, the pronoun's
// mention owner: a state's or its government's title is the state's
// ("his troops" of a president SSDMIL); anyone else's stays theirs ("its
// spokesman" of al-Shabaab, "its troops" of the UN).
func (r *Resolver) owned(text string, toks []doc.Token, owner Mention, b *bare, date string) (Mention, bool) {
	var out Mention
	for _, a := range owner.Actors {
		state := a.Country != "" && (a.Code == a.Country || strings.HasPrefix(a.Code[len(a.Country):], "GOV"))
		home := a.Code
		if state {
			home = a.Country
		}
		m, ok := r.compose(text, toks, b.ph, date, home)
		if !ok {
			return Mention{}, false
		}
		if !state {
			m.Actors = []doc.Actor{a}
		}
		if out.Actors == nil {
			out = m
			out.Actors = nil
		}
		for _, x := range m.Actors {
			if !containsCode(out.Actors, x.Code) {
				out.Actors = append(out.Actors, x)
			}
		}
	}
	out.Start, out.First = owner.Start, owner.First
	out.Text = text[out.Start:out.End]
	for i := range out.Actors {
		out.Actors[i].Text = out.Text
	}
	out.Plural = out.Plural || len(out.Actors) > 1
	out.Prep = owner.Prep
	out.Context = "owner"
	out.dated = nil
	return out, len(out.Actors) > 0
}

// phraseState returns the state the words around a bare mention give it
// as its own, or "": a possessive before its capitalised name ("Somalia's
// Transitional Federal Government"), an "of" after its name ("Presidents
// Goodluck Jonathan of Nigeria"), a relative possessive ("Czech Prime
// Minister Mirek Topolanek, whose government"), or a title of a state it
// is joined to by "and" ("Somalia's President Sheikh Sharif and Prime
// Minister Abdiweli Mohamed Ali").
func (r *Resolver) phraseState(toks []doc.Token, ms []Mention, k int) string {
	m, b := ms[k], ms[k].bare
	ending := func(last int) string {
		for _, n := range ms {
			if n.Last == last && n.bare == nil && n.Kind == Named {
				return oneState(n.Actors)
			}
		}
		return ""
	}
	if b.owner >= 0 {
		if s := ending(b.owner); s != "" {
			return s
		}
	}
	// "Indian Air Force pilot Wing Commander Abhinandan Varthaman": a
	// titled name in apposition to a state's noun.
	if f := m.First; b.ph.unnamed && f >= 2 && isLowerWord(toks[f-1].Text) && !modifierStop[toks[f-1].Lower()] &&
		!Prepositions[toks[f-1].Lower()] && !strings.HasSuffix(toks[f-1].Lower(), "ed") && !pastVerbs[toks[f-1].Lower()] && !presentVerbs[toks[f-1].Lower()] {
		if s := ending(f - 2); s != "" {
			return s
		}
	}
	if m.Last+2 < len(toks) && toks[m.Last+1].Lower() == "of" {
		for _, n := range ms {
			if n.First == m.Last+2 && n.bare == nil && !n.Adjective && len(n.Actors) == 1 && n.Actors[0].Code == n.Actors[0].Country {
				return n.Actors[0].Country
			}
		}
	}
	f := m.First
	if f >= 2 && toks[f-1].Lower() == "whose" {
		last := f - 2
		if toks[last].Text == "," && last > 0 {
			last--
		}
		if s := ending(last); s != "" {
			return s
		}
	}
	if f >= 2 && toks[f-1].Lower() == "and" {
		// The name of the title before may stand between: "Somalia's
		// President Sheikh Sharif Sheikh Ahmed and Prime Minister ...".
		end := f - 2
		for n := 0; n < 4 && end > 0 && toks[end].IsCapitalized() && toks[end].IsWord(); n++ {
			if covered(ms, end) {
				break
			}
			end--
		}
		for _, n := range ms {
			// Not "Russia and the military", two parties, but a title or
			// a body of a state and another.
			if n.Last == end && n.bare == nil && n.Kind == Named && len(n.Actors) == 1 && len(n.Actors[0].Code) > 3 && n.Actors[0].Country != "" {
				return n.Actors[0].Country
			}
		}
	}
	return ""
}

func covered(ms []Mention, i int) bool {
	for _, m := range ms {
		if m.First <= i && i <= m.Last {
			return true
		}
	}
	return false
}

// sameTitle returns the state of the nearest earlier mention, in the
// sentence or the paragraph, whose role is the title of a bare mention
// that names one holder of it with "the" and no name: "Qatar's Emir
// Sheikh Tamim ... on the emir's first visit", "President Xi ... The
// president said".
func sameTitle(toks []doc.Token, ms []Mention, k int, ctx *context) string {
	m, b := ms[k], ms[k].bare
	head := b.ph.parts[len(b.ph.parts)-1]
	if b.class != bareOfficial || b.ph.unnamed || m.Plural || toks[m.First].Lower() != "the" || !personTitle[head.agent.Title] {
		return ""
	}
	return sameHead(toks, ms, k, ctx, true)
}

// sameHeadBody returns the state of the body named before with the word of a
// bare "the" and one noun of a body ("the junta" after "Niger's military
// junta"), anywhere earlier in the story: a body is named once and then
// referred to by its noun. Where the sentence itself names a state before
// it, that state is the one talked about (rule 5), so this comes after.
func sameHeadBody(toks []doc.Token, ms []Mention, k int, ctx *context) string {
	m, b := ms[k], ms[k].bare
	head := b.ph.parts[len(b.ph.parts)-1]
	if b.class != bareOfficial && b.class != bareBody || b.ph.unnamed || m.Plural || len(b.ph.parts) != 1 ||
		toks[m.First].Lower() != "the" || personTitle[head.agent.Title] {
		return ""
	}
	return sameHead(toks, ms, k, ctx, false)
}

// sameHead returns the state of the nearest earlier mention, a person or
// not as person says, whose words hold the head word of the bare mention
// ms[k]: in its sentence, then in the paragraph or the sentence just
// before it for a person, in the whole story before for a body.
func sameHead(toks []doc.Token, ms []Mention, k int, ctx *context, person bool) string {
	b := ms[k].bare
	head := b.ph.parts[len(b.ph.parts)-1]
	// The title is read in the words of the earlier mention, not in its
	// role, which depends on the date.
	word := strings.Join(head.toks, " ")
	match := func(n Mention) string {
		if n.bare != nil || n.Kind != Named || len(n.Actors) != 1 || n.Person != person ||
			!strings.Contains(" "+strings.ToLower(n.Text)+" ", " "+word+" ") {
			return ""
		}
		return n.Actors[0].Country
	}
	for j := k - 1; j >= 0; j-- {
		if s := match(ms[j]); s != "" {
			return s
		}
	}
	if ctx == nil {
		return ""
	}
	for j := len(ctx.history) - 1; j >= 0; j-- {
		h := ctx.history[j]
		if h.sentence == ctx.sentence {
			continue
		}
		if person && h.paragraph != ctx.paragraph && h.sentence != ctx.sentence-1 {
			break
		}
		if s := match(h.Mention); s != "" {
			return s
		}
	}
	return ""
}

// unknownPlace reports whether a bare mention is placed by "in" or "at"
// in a place dyad does not know: "a court in Russian-annexed Crimea",
// "protesters in Istanbul". The place says whose it is; neither the
// context nor the dateline should say otherwise.
func unknownPlace(toks []doc.Token, ms []Mention, k int) bool {
	j := ms[k].Last + 1
	if j+1 >= len(toks) || (toks[j].Lower() != "in" && toks[j].Lower() != "at") {
		return false
	}
	j++
	if toks[j].Lower() == "the" && j+1 < len(toks) {
		j++
	}
	if !toks[j].IsCapitalized() || !toks[j].IsWord() {
		return false
	}
	for _, n := range ms {
		if n.First <= j && j <= n.Last {
			return false
		}
	}
	return true
}

func containsCode(as []doc.Actor, code string) bool {
	for _, a := range as {
		if a.Code == code {
			return true
		}
	}
	return false
}

// ownedBy reports whether the reference m owns the phrase that begins at
// token first: a possessive pronoun right before it ("his government"),
// or a reference with a possessive "'s" ("the country's junta chief").
func ownedBy(toks []doc.Token, m Mention, first int) bool {
	if m.Kind == Named {
		// "the government's negotiators": a title a body owns.
		return len(m.Actors) == 1 && m.Context != "" && m.Last+2 == first && isPossessive(toks[m.Last+1])
	}
	first = modifiersBefore(toks, first)
	if m.Last+1 == first {
		return possessivePronoun(m.Text)
	}
	return m.Last+2 == first && isPossessive(toks[m.Last+1])
}

// modifiersBefore returns where up to two lower-case modifiers before the
// title at token first begin, or first: "its new National Guard", "their
// frontline troops".
func modifiersBefore(toks []doc.Token, first int) int {
	j := first
	// Not a verb or a noun of its own: "their country supports militant
	// groups".
	for j > 0 && first-j < 2 && isLowerWord(toks[j-1].Text) && !modifierStop[toks[j-1].Lower()] &&
		!presentVerbs[toks[j-1].Lower()] && !pastVerbs[toks[j-1].Lower()] && descriptions[toks[j-1].Lower()].kind == "" {
		j--
	}
	if j < first && j > 0 && possessivePronoun(toks[j-1].Text) {
		return j
	}
	return first
}

func possessivePronoun(w string) bool {
	switch strings.ToLower(w) {
	case "his", "her", "its", "their":
		return true
	}
	return false
}

// isForce reports whether a mention names an armed force, police,
// rebels or spies.
func isForce(n Mention) bool {
	for _, a := range n.Actors {
		if c := a.Code; len(c) >= 6 && a.Country != "" {
			switch c[3:6] {
			case "MIL", "COP", "REB", "INS", "UAF", "SPY":
				return true
			}
		}
	}
	return false
}

// placeOf returns the state a bare mention ms[k] is placed in: named
// right after it ("police in Skopje"), or opening the sentence ("In
// Moscow, ..."), or, for a crowd, named after "in" anywhere in the
// sentence when all such places are one state; refugees and civilians
// are placed as crowds, also by the state they are at or taken to
// ("migrants at the Belarus border", "luring migrants to Belarus").
func placeOf(toks []doc.Token, ms []Mention, k int, class bareClass) string {
	m := ms[k]
	crowd := class == bareCrowd || class == bareDisplaced || class == bareArmed
	isPlace := func(n Mention) bool {
		in := n.Prep == "in" || class == bareDisplaced && (n.Prep == "at" || n.Prep == "to")
		// "militants killed dozens in the Nigerian border town": a
		// state's adjective before a place of it.
		adjective := n.Adjective && !((class == bareArmed || class == bareDisplaced) && toks[n.First].Lower() == "the")
		return n.Kind == Named && n.bare == nil && len(n.Actors) == 1 && !adjective &&
			n.Actors[0].Country != "" && n.Actors[0].Code == n.Actors[0].Country && in
	}
	for _, n := range ms {
		if !isPlace(n) {
			continue
		}
		// "police in Skopje".
		if n.First == m.Last+2 && toks[m.Last+1].Lower() == "in" {
			return n.Actors[0].Country
		}
		// "In Moscow, several hundred protesters".
		if n.First == 1 && n.Last+1 < len(toks) && toks[n.Last+1].Text == "," && n.Last < m.First {
			return n.Actors[0].Country
		}
	}
	if !crowd {
		return ""
	}
	state := ""
	for _, n := range ms {
		if !isPlace(n) {
			continue
		}
		if state != "" && state != n.Actors[0].Country {
			return ""
		}
		state = n.Actors[0].Country
	}
	return state
}

// about returns the state of the subject of the clause before a bare
// mention in its sentence, and the index of that subject's mention (or
// "" and -1): the nearest earlier mention that opens a
// clause (it starts the sentence or follows a comma, a conjunction or a
// verb of saying), is not the object of a preposition, not an adjective
// and not the dateline's place, when it names one state. Objects of
// verbs do not count: in "The Defence Ministry summoned Turkey's
// military attache, and the General Staff said ..." the General Staff is
// the ministry's. A bare mention inside a fronted participle clause
// ("Addressing parliament, Erdogan said") takes the subject of the main
// clause.
func (r *Resolver) about(toks []doc.Token, ms []Mention, k int) (string, int) {
	fronted := r.frontedClause(toks)
	if ms[k].Last < fronted {
		for j, n := range ms {
			if n.First > fronted && n.bare == nil && n.Prep == "" && !n.Adjective && len(n.Actors) > 0 {
				return oneState(n.Actors), j
			}
		}
		return "", -1
	}
	candidate := func(n Mention) bool {
		if n.Last < fronted || n.Prep != "" || n.Adjective || (len(n.Actors) == 0 && n.bare == nil) {
			return false
		}
		// Not the dateline's place: "ALGIERS, August 25 —".
		return !(n.First == 0 && n.Text == strings.ToUpper(n.Text) && n.Last+1 < len(toks) && toks[n.Last+1].Text == ",")
	}
	// The sentence's subject is its first candidate, even a bare mention
	// not placed yet, which then gives no state.
	subject := -1
	for j := 0; j < k && subject < 0; j++ {
		if candidate(ms[j]) {
			subject = j
		}
	}
	for j := k - 1; j >= 0; j-- {
		n := ms[j]
		if !candidate(n) || n.bare != nil || (j != subject && !opensClause(toks, n.First, fronted)) {
			continue
		}
		if s := oneState(n.Actors); s != "" {
			return s, j
		}
	}
	return "", -1
}

var quantifiers = map[string]bool{
	"some": true, "several": true, "many": true, "most": true, "all": true, "few": true,
	"a": true, "an": true, "the": true, "hundreds": true, "thousands": true, "dozens": true,
}

func isNumber(w string) bool {
	digits := 0
	for _, c := range w {
		switch {
		case c >= '0' && c <= '9':
			digits++
		case c != ',' && c != '.':
			return false
		}
	}
	return digits > 0
}

// opensClause reports whether a mention starting at token i opens a
// clause: it starts the sentence (or follows a fronted clause, or a
// fronted place: "In Moscow, ..."), or follows a comma, a dash, a
// conjunction or a verb of saying.
func opensClause(toks []doc.Token, i, fronted int) bool {
	// "Some U.S. lawmakers said", "several hundred protesters".
	for i > 0 && (quantifiers[toks[i-1].Lower()] || isNumber(toks[i-1].Text)) {
		i--
	}
	if i == 0 || i-1 == fronted {
		return true
	}
	switch toks[i-1].Lower() {
	case ",", ";", ":", "—", "–", "-", "(", "\"", "“", "and", "but", "while", "whereas", "when",
		"that", "said", "says", "because", "although", "though", "if", "unless", "so", "where", "then":
		return true
	}
	return false
}

// frontedClause returns the position of the comma that ends a participle
// clause opening the sentence ("Addressing parliament, Erdogan said",
// "Speaking to reporters, ..."), or -1. Its mentions are not the
// sentence's subject.
func (r *Resolver) frontedClause(toks []doc.Token) int {
	if len(toks) < 3 {
		return -1
	}
	w := toks[0].Lower()
	if !strings.HasSuffix(w, "ing") || len(w) < 6 || Prepositions[w] || !toks[0].IsWord() || toks[1].IsCapitalized() || !toks[1].IsWord() {
		return -1
	}
	if _, _, ok := r.match(toks, 0); ok {
		return -1 // "Beijing said"
	}
	for j := 1; j < len(toks); j++ {
		if toks[j].Text == "," {
			return j
		}
	}
	return -1
}

// oneState returns the state all the actors belong to, or "" when they
// belong to none or to several.
func oneState(as []doc.Actor) string {
	c := ""
	for _, a := range as {
		if a.Country == "" || (c != "" && a.Country != c) {
			return ""
		}
		c = a.Country
	}
	return c
}

// earlierCrowd returns the state of the nearest crowd or people named in
// an earlier sentence of the paragraph, or of the sentence just before
// it: a plural mention of a people ("Kosovo Serbs") or of protesters,
// rioters or civilians.
func (c *context) earlierCrowd() string {
	return c.earlier(func(h seen) string {
		if h.Kind != Named || !h.Plural || len(h.Actors) != 1 || h.Actors[0].Country == "" {
			return ""
		}
		switch a := h.Actors[0]; a.Code[len(a.Country):] {
		case "", "OPP", "CVL":
			return a.Country
		}
		return ""
	})
}

// earlier returns the first non-empty state f gives for the mentions of
// earlier sentences, nearest first, in the paragraph or just before it.
func (c *context) earlier(f func(seen) string) string {
	for k := len(c.history) - 1; k >= 0; k-- {
		h := c.history[k]
		if h.sentence == c.sentence {
			continue
		}
		if h.paragraph != c.paragraph && h.sentence != c.sentence-1 {
			break
		}
		if s := f(h); s != "" {
			return s
		}
	}
	return ""
}

// previousSubject returns the state of the subject of the nearest earlier
// sentence, in the paragraph or just before it, whose subject names one
// state.
func (c *context) previousSubject() string {
	return c.earlier(func(h seen) string {
		if !h.subject {
			return ""
		}
		return oneState(h.Actors)
	})
}
