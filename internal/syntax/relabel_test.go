package syntax

import (
	"strconv"
	"strings"
	"testing"

	"github.com/dyad-events/dyad/internal/doc"
)

// hand builds a parsed sentence from one line a token: its text (with
// "=lemma" when the lemma is not the lower-cased text), universal and Penn
// tags, head (-1 for the root) and relation.
func hand(t *testing.T, lines ...string) []doc.Token {
	t.Helper()
	toks := make([]doc.Token, len(lines))
	for i, l := range lines {
		f := strings.Fields(l)
		if len(f) != 5 {
			t.Fatalf("token %q: want text, upos, xpos, head and relation", l)
		}
		head, err := strconv.Atoi(f[3])
		if err != nil {
			t.Fatalf("token %q: head %v", l, err)
		}
		text, lemma, ok := strings.Cut(f[0], "=")
		if !ok {
			lemma = strings.ToLower(text)
		}
		toks[i] = doc.Token{Text: text, Lemma: lemma, UPOS: f[1], XPOS: f[2], Head: head, Rel: f[4]}
	}
	return toks
}

// A relabelWant is what token at must be after a statement of
// relabel.go: its head, relation and, when set, Penn tag.
type relabelWant struct {
	at, head  int
	rel, xpos string
}

// TestRelabel checks each statement of relabel.go on hand-built parses:
// the parse it mends, and parses it must leave alone.
func TestRelabel(t *testing.T) {
	for _, c := range []struct {
		name string
		fix  func([]doc.Token)
		toks []string
		want []relabelWant
	}{
		// A complement clause has a subject: the object right before
		// its finite verb or auxiliary.
		{"noticed their wells were running dry", complementSubjects, []string{
			"noticed VERB VBD -1 root", "their PRON PRP$ 2 nmod:poss", "wells NOUN NNS 0 obj",
			"were AUX VBD 4 aux", "running VERB VBG 0 ccomp", "dry ADJ JJ 4 xcomp",
		}, []relabelWant{{at: 2, head: 4, rel: "nsubj"}, {at: 4, head: 0, rel: "ccomp"}}},
		{"Seoul noticed Pyongyang had deployed missiles", complementSubjects, []string{
			"Seoul PROPN NNP 1 nsubj", "noticed VERB VBD -1 root", "Pyongyang PROPN NNP 1 obj",
			"had AUX VBD 4 aux", "deployed VERB VBN 1 parataxis", "missiles NOUN NNS 4 obj",
		}, []relabelWant{{at: 2, head: 4, rel: "nsubj"}, {at: 4, head: 1, rel: "ccomp"}}},
		{"implement agreements signed with Yanukovych (a past spelled as a participle)", complementSubjects, []string{
			"implement VERB VB -1 root", "agreements NOUN NNS 0 obj", "signed VERB VBD 0 parataxis",
			"with ADP IN 4 case", "Yanukovych PROPN NNP 2 obl",
		}, []relabelWant{{at: 1, head: 0, rel: "obj"}, {at: 2, head: 0, rel: "parataxis"}}},
		// A phrase "whose" opens before the verb's subject is its object.
		{"the SCO, whose summit Putin attended", whoseObjects, []string{
			"the DET DT 1 det", "SCO PROPN NNP -1 root", ", PUNCT , 6 punct", "whose PRON WP$ 4 nmod:poss",
			"summit NOUN NN 5 compound", "Putin PROPN NNP 6 nsubj", "attended VERB VBD 1 acl:relcl",
		}, []relabelWant{{at: 4, head: 6, rel: "obj"}}},
		{"Iran, whose diplomats Minsk expelled", whoseObjects, []string{
			"Iran PROPN NNP -1 root", ", PUNCT , 5 punct", "whose PRON WP$ 3 nmod:poss",
			"diplomats NOUN NNS 5 nsubj", "Minsk PROPN NNP 5 nsubj", "expelled VERB VBD 0 acl:relcl",
		}, []relabelWant{{at: 3, head: 5, rel: "obj"}}},
		{"the man whose car broke down (one subject)", whoseObjects, []string{
			"the DET DT 1 det", "man NOUN NN -1 root", "whose PRON WP$ 3 nmod:poss",
			"car NOUN NN 4 nsubj", "broke VERB VBD 1 acl:relcl", "down ADP RP 4 compound:prt",
		}, []relabelWant{{at: 3, head: 4, rel: "nsubj"}}},
		// An adjectival modifier joined by a hyphen has no subject.
		{"a South Korean-led team", modifierSubjects, []string{
			"a DET DT 5 det", "South PROPN NNP 4 nsubj", "Korean PROPN NNP 1 flat", "- PUNCT HYPH 1 punct",
			"led VERB VBN 5 amod", "team NOUN NN -1 root",
		}, []relabelWant{{at: 1, head: 4, rel: "compound"}}},
		{"US-based firms", modifierSubjects, []string{
			"US PROPN NNP 2 nsubj", "- PUNCT HYPH 0 punct", "based VERB VBN 3 amod", "firms NOUN NNS -1 root",
		}, []relabelWant{{at: 0, head: 2, rel: "compound"}}},
		{"troops they trained (no hyphen)", modifierSubjects, []string{
			"troops NOUN NNS -1 root", "they PRON PRP 2 nsubj", "trained VERB VBD 0 amod",
		}, []relabelWant{{at: 1, head: 2, rel: "nsubj"}}},
		{"Kim - met Xi (no modifier)", modifierSubjects, []string{
			"Kim PROPN NNP 2 nsubj", "- PUNCT HYPH 0 punct", "met VERB VBD -1 root", "Xi PROPN NNP 2 obj",
		}, []relabelWant{{at: 0, head: 2, rel: "nsubj"}}},

		// "be" takes no object.
		{"there have been tensions", beObjects, []string{
			"there PRON EX 2 expl", "have AUX VBP 2 aux", "been=be AUX VBN -1 root", "tensions NOUN NNS 2 obj",
		}, []relabelWant{{at: 3, head: 2, rel: "nsubj"}}},
		{"troops seized the base", beObjects, []string{
			"troops NOUN NNS 1 nsubj", "seized=seize VERB VBD -1 root", "the DET DT 3 det", "base NOUN NN 1 obj",
		}, []relabelWant{{at: 3, head: 1, rel: "obj"}}},

		// An object is a noun phrase: a stranded "to" is an xcomp.
		{"whatever you need to", nominalObjects, []string{
			"whatever PRON WDT 2 obj", "you PRON PRP 2 nsubj", "need VERB VBP -1 root", "to PART TO 2 obj",
		}, []relabelWant{{at: 3, head: 2, rel: "xcomp"}, {at: 0, head: 2, rel: "obj"}}},

		// A verb has one subject: a second one continuing a list of
		// names joins the list; one that heads no list is left alone.
		{"experts from the United States, Britain, Australia and Sweden concluded", listSubjects, []string{
			"experts NOUN NNS 11 nsubj", "from ADP IN 4 case", "the DET DT 4 det", "United PROPN NNP 4 compound",
			"States PROPN NNPS 0 nmod", ", PUNCT , 6 punct", "Britain PROPN NNP 11 nsubj", ", PUNCT , 8 punct",
			"Australia PROPN NNP 6 conj", "and CCONJ CC 10 cc", "Sweden PROPN NNP 6 conj", "concluded VERB VBD -1 root",
		}, []relabelWant{{at: 0, head: 11, rel: "nsubj"}, {at: 6, head: 4, rel: "conj"}, {at: 8, head: 4, rel: "conj"}, {at: 10, head: 4, rel: "conj"}}},
		{"Lavrov, Putin then spoke", listSubjects, []string{
			"Lavrov PROPN NNP 4 nsubj", ", PUNCT , 2 punct", "Putin PROPN NNP 4 nsubj", "then ADV RB 4 advmod", "spoke VERB VBD -1 root",
		}, []relabelWant{{at: 2, head: 4, rel: "nsubj"}}},

		// A second subject inside the first's phrase belongs to it.
		{"The shelling of Kharkiv by Russian forces continued", subjectPhrases, []string{
			"The DET DT 1 det", "shelling NOUN NN 7 nsubj", "of ADP IN 3 case", "Kharkiv PROPN NNP 1 nmod",
			"by ADP IN 6 case", "Russian ADJ JJ 6 amod", "forces NOUN NNS 7 nsubj", "continued VERB VBD -1 root",
		}, []relabelWant{{at: 6, head: 1, rel: "nmod"}}},
		{"Russia's expulsion of 23 British diplomats drew", subjectPhrases, []string{
			"Russia PROPN NNP 2 nmod:poss", "'s PART POS 0 case", "expulsion NOUN NN 7 nsubj", "of ADP IN 4 case",
			"23 NUM CD 2 nmod", "British ADJ JJ 6 amod", "diplomats NOUN NNS 7 nsubj", "drew VERB VBD -1 root",
		}, []relabelWant{{at: 6, head: 2, rel: "nmod"}, {at: 4, head: 6, rel: "nummod"}, {at: 3, head: 6, rel: "case"}}},
		{"The decision before the Authority goes (no sure head)", subjectPhrases, []string{
			"The DET DT 1 det", "decision NOUN NN 5 nsubj", "before ADP IN 4 case", "the DET DT 4 det",
			"Authority PROPN NNP 5 nsubj", "goes VERB VBZ -1 root",
		}, []relabelWant{{at: 4, head: 5, rel: "nsubj"}}},
		{"Officials, the ministers said (a word between them not theirs)", subjectPhrases, []string{
			"Officials NOUN NNS 4 nsubj", ", PUNCT , 4 punct", "the DET DT 3 det", "ministers NOUN NNS 4 nsubj", "said VERB VBD -1 root",
		}, []relabelWant{{at: 3, head: 4, rel: "nsubj"}}},

		// A bare noun adverbial is a determiner or adjective and a noun.
		{"Putin visited Shanghai last month", bareAdverbials, []string{
			"Putin PROPN NNP 1 nsubj", "visited VERB VBD -1 root", "Shanghai PROPN NNP 4 compound",
			"last ADJ JJ 4 amod", "month NOUN NN 1 obl:unmarked",
		}, []relabelWant{{at: 2, head: 1, rel: "obj"}}},
		{"We go over about 5 times a year (a rate)", bareAdverbials, []string{
			"We PRON PRP 1 nsubj", "go VERB VBP -1 root", "5 NUM CD 3 nummod",
			"times NOUN NNS 5 compound", "a DET DT 5 det", "year NOUN NN 1 obl:unmarked",
		}, []relabelWant{{at: 3, head: 5, rel: "compound"}}},
		{"The minister met his counterpart Paris this week (an object already)", bareAdverbials, []string{
			"minister NOUN NN 1 nsubj", "met VERB VBD -1 root", "counterpart NOUN NN 1 obj",
			"Paris PROPN NNP 5 compound", "this DET DT 5 det", "week NOUN NN 1 obl:unmarked",
		}, []relabelWant{{at: 3, head: 5, rel: "compound"}}},

		// A relative clause ends before the main verb; a clause with no
		// relative word is no relative clause.
		{"The ceasefire that the sides agreed in May collapsed.", relativeMain, []string{
			"The DET DT 1 det", "ceasefire NOUN NN -1 root", "that PRON WDT 5 obj", "the DET DT 4 det",
			"sides NOUN NNS 5 nsubj", "agreed VERB VBD 1 acl:relcl", "in ADP IN 7 case", "May PROPN NNP 5 obl",
			"collapsed VERB VBN 5 xcomp", ". PUNCT . 1 punct",
		}, []relabelWant{{8, -1, "root", "VBD"}, {1, 8, "nsubj", "NN"}, {9, 8, "punct", "."}, {5, 1, "acl:relcl", "VBD"}}},
		{"Duterte, who met Xi, is due", relativeMain, []string{
			"Duterte PROPN NNP -1 root", ", PUNCT , 0 punct", "who PRON WP 3 nsubj", "met VERB VBD 0 acl:relcl",
			"Xi PROPN NNP 3 obj", ", PUNCT , 7 punct", "is AUX VBZ 7 cop", "due ADJ JJ 3 parataxis", ". PUNCT . 0 punct",
		}, []relabelWant{{at: 7, head: -1, rel: "root"}, {at: 0, head: 7, rel: "nsubj"}, {at: 3, head: 0, rel: "acl:relcl"}, {at: 8, head: 7, rel: "punct"}}},
		{"Gazprom, whose chief signed the deal, expects deliveries", relativeMain, []string{
			"Gazprom PROPN NNP 4 vocative", ", PUNCT , 0 punct", "whose PRON WP$ 3 nmod:poss", "chief NOUN NN 4 nsubj",
			"signed VERB VBD -1 root", "the DET DT 6 det", "deal NOUN NN 4 obj", ", PUNCT , 8 punct",
			"expects VERB VBZ 4 conj", "deliveries NOUN NNS 8 obj", ". PUNCT . 4 punct",
		}, []relabelWant{{at: 8, head: -1, rel: "root"}, {at: 0, head: 8, rel: "nsubj"}, {at: 4, head: 0, rel: "acl:relcl"}, {at: 10, head: 8, rel: "punct"}}},
		{"Iran, which denies it, said more (a verb with a subject)", relativeMain, []string{
			"Iran PROPN NNP -1 root", ", PUNCT , 0 punct", "which PRON WDT 3 nsubj", "denies VERB VBZ 0 acl:relcl",
			"it PRON PRP 3 obj", ", PUNCT , 7 punct", "officials NOUN NNS 7 nsubj", "said VERB VBD 3 parataxis",
		}, []relabelWant{{at: 7, head: 3, rel: "parataxis"}, {at: 0, head: -1, rel: "root"}}},
		{"WAGAH Pakistan returned the pilot captured", relativeMain, []string{
			"WAGAH PROPN NNP -1 root", "Pakistan PROPN NNP 2 nsubj", "returned VERB VBD 0 acl:relcl",
			"the DET DT 4 det", "pilot NOUN NN 2 obj", "captured VERB VBN 2 xcomp",
		}, []relabelWant{{at: 5, head: 2, rel: "xcomp"}, {at: 0, head: -1, rel: "root"}}},

		// A name of several words after its title heads the phrase; a
		// name after another name and "and" is no title's.
		{"Secretary of State Mike Pompeo said", titleNames, []string{
			"Secretary PROPN NNP 5 nsubj", "of ADP IN 2 case", "State PROPN NNP 0 nmod",
			"Mike PROPN NNP 0 appos", "Pompeo PROPN NNP 3 flat", "said VERB VBD -1 root",
		}, []relabelWant{{at: 3, head: 5, rel: "nsubj"}, {at: 0, head: 3, rel: "nmod:desc"}}},
		{"President Barack Obama and President Raul Castro announced", titleNames, []string{
			"President PROPN NNP 1 nmod:desc", "Barack PROPN NNP 7 nsubj", "Obama PROPN NNP 1 flat", "and CCONJ CC 5 cc",
			"President PROPN NNP 5 nmod:desc", "Raul PROPN NNP 1 appos", "Castro PROPN NNP 5 flat", "announced VERB VBD -1 root",
		}, []relabelWant{{at: 5, head: 1, rel: "appos"}, {at: 1, head: 7, rel: "nsubj"}}},

		// An adjective right before a noun modifies it, and what it
		// wrongly headed takes its place; one whose head is a noun, or
		// that stands before no noun, is left alone.
		{"Chinese President Xi met Putin.", adjectiveHeads, []string{
			"Chinese ADJ JJ -1 root", "President PROPN NNP 2 nmod:desc", "Xi PROPN NNP 3 nsubj",
			"met VERB VBD 0 parataxis", "Putin PROPN NNP 3 obj", ". PUNCT . 0 punct",
		}, []relabelWant{{at: 0, head: 1, rel: "amod"}, {at: 3, head: -1, rel: "root"}, {at: 5, head: 3, rel: "punct"}}},
		{"Modi received Japanese Prime Minister Fumio", adjectiveHeads, []string{
			"Modi PROPN NNP 1 nsubj", "received VERB VBD -1 root", "Japanese ADJ JJ 1 xcomp",
			"Prime ADJ NNP 4 amod", "Minister PROPN NNP 5 nmod:desc", "Fumio PROPN NNP 2 obl",
		}, []relabelWant{{at: 2, head: 4, rel: "amod"}, {at: 5, head: 1, rel: "obj"}}},
		{"the useful talks", adjectiveHeads, []string{
			"the DET DT 2 det", "useful ADJ JJ 2 amod", "talks NOUN NNS -1 root",
		}, []relabelWant{{at: 1, head: 2, rel: "amod"}}},
		{"found it useful.", adjectiveHeads, []string{
			"found VERB VBD -1 root", "it PRON PRP 0 obj", "useful ADJ JJ 0 xcomp", ". PUNCT . 0 punct",
		}, []relabelWant{{at: 2, head: 0, rel: "xcomp"}}},

		// A participle with no auxiliary and no comma before the verb
		// after it has no subject: the noun is that verb's.
		{"Relief supplies flown in by Australia reached Tonga", participleSubjects, []string{
			"Relief NOUN NN 1 compound", "supplies NOUN NNS 2 nsubj", "flown VERB VBN 6 advcl", "in ADV RB 2 advmod",
			"by ADP IN 5 case", "Australia PROPN NNP 2 obl:agent", "reached VERB VBD -1 root", "Tonga PROPN NNP 6 obj",
		}, []relabelWant{{at: 1, head: 6, rel: "nsubj"}, {at: 2, head: 1, rel: "acl"}}},
		{"All things considered, we won (a comma)", participleSubjects, []string{
			"All DET DT 1 det", "things NOUN NNS 2 nsubj:pass", "considered VERB VBN 5 advcl", ", PUNCT , 2 punct",
			"we PRON PRP 5 nsubj", "won VERB VBD -1 root",
		}, []relabelWant{{at: 1, head: 2, rel: "nsubj:pass"}, {at: 2, head: 5, rel: "advcl"}}},
		{"Weapons were flown in and reached Kyiv (an auxiliary)", participleSubjects, []string{
			"Weapons NOUN NNS 2 nsubj:pass", "were AUX VBD 2 aux:pass", "flown VERB VBN 5 advcl", "in ADV RB 2 advmod",
			"and CCONJ CC 5 cc", "reached VERB VBD -1 root", "Kyiv PROPN NNP 5 obj",
		}, []relabelWant{{at: 0, head: 2, rel: "nsubj:pass"}, {at: 2, head: 5, rel: "advcl"}}},

		// A subject takes no preposition: "by" after a participle or its
		// particle marks the participle's agent; "by" after a noun stays.
		{"A drone shot down by Turkish fighters crashed", agentSubjects, []string{
			"A DET DT 1 det", "drone NOUN NN 2 nsubj", "shot VERB VBN 7 advcl", "down ADP RP 2 compound:prt",
			"by ADP IN 6 case", "Turkish PROPN NNP 6 compound", "fighters NOUN NNS 7 nsubj", "crashed VERB VBD -1 root",
		}, []relabelWant{{at: 6, head: 2, rel: "obl:agent"}}},
		{"the attack by Turkish fighters killed two", agentSubjects, []string{
			"the DET DT 1 det", "attack NOUN NN 5 nsubj", "by ADP IN 4 case", "Turkish PROPN NNP 4 compound",
			"fighters NOUN NNS 5 nsubj", "killed VERB VBD -1 root", "two NUM CD 5 obj",
		}, []relabelWant{{at: 4, head: 5, rel: "nsubj"}}},
		// A day named with no preposition or determiner says when.
		{"prices rose Wednesday", dayObjects, []string{
			"prices NOUN NNS 1 nsubj", "rose VERB VBD -1 root", "Wednesday PROPN NNP 1 obj",
		}, []relabelWant{{at: 2, head: 1, rel: "obl:unmarked"}}},
		{"we spent the Sunday at home", dayObjects, []string{
			"we PRON PRP 1 nsubj", "spent VERB VBD -1 root", "the DET DT 3 det", "Sunday PROPN NNP 1 obj",
			"at ADP IN 5 case", "home NOUN NN 1 obl",
		}, []relabelWant{{at: 3, head: 1, rel: "obj"}}},
		// A subject takes no preposition: a participle after a noun a
		// preposition marks modifies it; a subordinating preposition
		// marks the clause; a title's preposition is left alone.
		{"opened its borders to West Africans ordered out", prepositionSubjects, []string{
			"Benin PROPN NNP 1 nsubj", "opened VERB VBD -1 root", "its PRON PRP$ 3 nmod:poss", "borders NOUN NNS 1 obj",
			"to ADP IN 6 case", "West PROPN NNP 6 compound", "Africans PROPN NNPS 7 nsubj", "ordered VERB VBD 1 conj",
			"out ADV RB 7 advmod",
		}, []relabelWant{{6, 1, "obl", ""}, {7, 6, "acl", "VBN"}}},
		{"postponed as family members fled the war", prepositionSubjects, []string{
			"it PRON PRP 1 nsubj:pass", "postponed VERB VBN -1 root", "as ADP IN 4 case", "family NOUN NN 4 compound",
			"members NOUN NNS 5 nsubj", "fled VERB VBD 1 advcl", "the DET DT 7 det", "war NOUN NN 5 obj",
		}, []relabelWant{{2, 5, "mark", ""}, {4, 5, "nsubj", ""}, {5, 1, "advcl", "VBD"}}},
		{"In the Hearts of Green Birds refers to (a title)", prepositionSubjects, []string{
			"In ADP IN 2 case", "the DET DT 2 det", "Hearts PROPN NNPS 6 nsubj", "of ADP IN 5 case",
			"Green PROPN NNP 5 compound", "Birds PROPN NNPS 2 nmod", "refers VERB VBZ -1 root",
		}, []relabelWant{{2, 6, "nsubj", ""}, {0, 2, "case", ""}}},
		// A dateline is a parataxis of the sentence's verb, and the noun
		// after its dash the verb's subject; a place not in capitals is
		// no dateline.
		{"MOSCOW, March 22 — Xi met Putin", datelines, []string{
			"MOSCOW PROPN NNP 6 nsubj", ", PUNCT , 3 punct", "March PROPN NNP 3 nmod:unmarked", "22 NUM CD 0 appos",
			"— PUNCT , 0 punct", "Xi PROPN NNP 0 list", "met VERB VBD -1 root", "Putin PROPN NNP 6 obj",
		}, []relabelWant{{0, 6, "parataxis", ""}, {5, 6, "nsubj", ""}}},
		{"BEIJING, Feb. 4 — Putin met Xi (the dateline the root)", datelines, []string{
			"BEIJING PROPN NNP -1 root", ", PUNCT , 3 punct", "Feb. PROPN NNP 3 nmod:unmarked", "4 NUM CD 0 appos",
			"— PUNCT , 0 punct", "Putin PROPN NNP 6 nsubj", "met VERB VBD 0 parataxis", "Xi PROPN NNP 6 obj",
		}, []relabelWant{{6, -1, "root", ""}, {0, 6, "parataxis", ""}, {5, 6, "nsubj", ""}}},
		{"SINGAPORE, June 12 — Trump and Kim met", datelines, []string{
			"SINGAPORE PROPN NNP 8 nsubj", ", PUNCT , 3 punct", "June PROPN NNP 3 nmod:unmarked", "12 NUM CD 0 appos",
			"— PUNCT , 0 punct", "Trump PROPN NNP 0 list", "and CCONJ CC 3 cc", "Kim PROPN NNP 8 nsubj", "met VERB VBD -1 root",
		}, []relabelWant{{0, 8, "parataxis", ""}, {5, 8, "nsubj", ""}, {7, 5, "conj", ""}, {6, 7, "cc", ""}}},
		{"Moscow, March 22 — Xi met Putin (no capitals)", datelines, []string{
			"Moscow PROPN NNP 6 nsubj", ", PUNCT , 3 punct", "March PROPN NNP 3 nmod:unmarked", "22 NUM CD 0 appos",
			"— PUNCT , 0 punct", "Xi PROPN NNP 0 list", "met VERB VBD -1 root", "Putin PROPN NNP 6 obj",
		}, []relabelWant{{0, 6, "nsubj", ""}, {5, 0, "list", ""}}},
		// A verb joined after ", and" and nouns hung as conjuncts of an
		// earlier noun has the first of them for subject; a verb with a
		// subject of its own is left alone.
		{"cut ties with Israel, and Chile and Colombia recalled envoys", clauseSubjects, []string{
			"Bolivia PROPN NNP 1 nsubj", "cut VERB VBD -1 root", "ties NOUN NNS 1 obj", "with ADP IN 4 case",
			"Israel PROPN NNP 2 nmod", ", PUNCT , 7 punct", "and CCONJ CC 7 cc", "Chile PROPN NNP 4 conj",
			"and CCONJ CC 9 cc", "Colombia PROPN NNP 7 conj", "recalled VERB VBD 1 conj", "envoys NOUN NNS 10 obj",
		}, []relabelWant{{7, 10, "nsubj", ""}, {6, 10, "cc", ""}, {5, 10, "punct", ""}, {9, 7, "conj", ""}}},
		{"cut ties with Israel, and Chile said it recalled envoys (a subject)", clauseSubjects, []string{
			"Bolivia PROPN NNP 1 nsubj", "cut VERB VBD -1 root", "ties NOUN NNS 1 obj", "with ADP IN 4 case",
			"Israel PROPN NNP 2 nmod", ", PUNCT , 7 punct", "and CCONJ CC 7 cc", "Chile PROPN NNP 4 conj",
			"it PRON PRP 9 nsubj", "recalled VERB VBD 1 conj", "envoys NOUN NNS 9 obj",
		}, []relabelWant{{7, 4, "conj", ""}}},
		// A relative pronoun with no preposition is its verb's object,
		// not an oblique; one a preposition marks stays one.
		{"the ambassador, whom Lithuania expelled, returned", relativeObjects, []string{
			"the DET DT 1 det", "ambassador NOUN NN 6 nsubj", ", PUNCT , 5 punct", "whom PRON WP 5 obl",
			"Lithuania PROPN NNP 5 nsubj", "expelled VERB VBD 1 acl:relcl", "returned VERB VBD -1 root",
		}, []relabelWant{{at: 3, head: 5, rel: "obj"}}},
		{"a partner with whom you can develop trust", relativeObjects, []string{
			"a DET DT 1 det", "partner NOUN NN -1 root", "with ADP IN 3 case", "whom PRON WP 6 obl",
			"you PRON PRP 6 nsubj", "can AUX MD 6 aux", "develop VERB VB 1 acl:relcl", "trust NOUN NN 6 obj",
		}, []relabelWant{{at: 3, head: 6, rel: "obl"}}},

		// A finite verb joined with no conjunction and no subject after
		// a noun that a subordinating preposition marks has that noun
		// for subject; other prepositions, or a conjunction, leave it.
		{"cut ties with Iran after protesters stormed its embassy", subordinateClauses, []string{
			"Riyadh PROPN NNP 1 nsubj", "cut VERB VBD -1 root", "ties NOUN NNS 1 obj", "with ADP IN 4 case",
			"Iran PROPN NNP 2 nmod", "after ADP IN 6 case", "protesters NOUN NNS 2 nmod", "stormed VERB VBD 1 conj",
			"its PRON PRP$ 9 nmod:poss", "embassy NOUN NN 7 obj",
		}, []relabelWant{{at: 6, head: 7, rel: "nsubj"}, {at: 5, head: 7, rel: "mark"}, {at: 7, head: 1, rel: "advcl"}}},
		{"struck a camp after a bombing in Kashmir killed 40 (not 'in')", subordinateClauses, []string{
			"India PROPN NNP 1 nsubj", "struck VERB VBD -1 root", "a DET DT 3 det", "camp NOUN NN 1 obj",
			"after ADP IN 6 case", "a DET DT 6 det", "bombing NOUN NN 3 nmod", "in ADP IN 8 case",
			"Kashmir PROPN NNP 6 nmod", "killed VERB VBD 1 conj", "40 NUM CD 9 obj",
		}, []relabelWant{{at: 8, head: 6, rel: "nmod"}, {at: 9, head: 1, rel: "conj"}}},
		{"cut ties with Iran and stormed its embassy (a conjunction)", subordinateClauses, []string{
			"Riyadh PROPN NNP 1 nsubj", "cut VERB VBD -1 root", "ties NOUN NNS 1 obj", "with ADP IN 4 case",
			"Iran PROPN NNP 2 nmod", "and CCONJ CC 6 cc", "stormed VERB VBD 1 conj",
		}, []relabelWant{{at: 4, head: 2, rel: "nmod"}, {at: 6, head: 1, rel: "conj"}}},
	} {
		toks := hand(t, c.toks...)
		c.fix(toks)
		for _, w := range c.want {
			got := toks[w.at]
			if got.Head != w.head || got.Rel != w.rel || w.xpos != "" && got.XPOS != w.xpos {
				t.Errorf("%s: %q is %s %s of %d, want %s %s of %d", c.name, got.Text, got.XPOS, got.Rel, got.Head, w.xpos, w.rel, w.head)
			}
		}
	}
}
