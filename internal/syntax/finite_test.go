package syntax_test

import (
	"testing"

	"github.com/dyad-events/dyad/internal/nlp"
	"github.com/dyad-events/dyad/internal/syntax"
)

// TestFinite checks the statements of finite.go on whole sentences: the
// Penn tag each gives a word, where the tagger alone gives another, and
// the words they must leave alone.
func TestFinite(t *testing.T) {
	m, err := syntax.Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ sentence, word, xpos string }{
		// A sentence with no finite verb takes the first word that can
		// be a past tense, in a verb's place, as its past tense.
		{"Iran shot down an American surveillance drone over the Strait of Hormuz.", "shot", "VBD"},
		{"Iran shot down an American surveillance drone over the Strait of Hormuz.", "down", "RP"},
		{"Washington shut down the Chinese consulate in Houston.", "shut", "VBD"},
		{"It cut diplomatic ties with Doha on Monday.", "cut", "VBD"},
		{"Turkish F-16s shot down a Syrian army helicopter near the border.", "shot", "VBD"},
		{"Rwandan Hutu militias massacred hundreds of thousands of Rwandan Tutsis.", "massacred", "VBD"},
		{"US prosecutors investigated Huawei for stealing trade secrets.", "investigated", "VBD"},
		{"Russian forces attacked Georgian troops.", "attacked", "VBD"},
		// A verb before "and" and a past tense is itself past.
		{"PKK militants shot and killed two Turkish police officers.", "shot", "VBD"},
		{"Iran supplied drones to Russia and trained Russian operators in Crimea.", "supplied", "VBD"},
		// A subordinate clause's verb is not the main clause's.
		{"Saudi Arabia cut diplomatic ties with Iran after protesters stormed its embassy in Tehran.", "cut", "VBD"},
		// The main clause ends before a subordinator, a relative pronoun
		// or a closing ", X said"; a word spelled as a past tense there,
		// after its subject and before a noun phrase, is its verb.
		{"A Russian official offered concessions last November that U.S. negotiator John Smith believed could end the dispute.", "offered", "VBD"},
		{"Farmers Union (FU) officials demanded support from the ministry for workers who lost their jobs.", "demanded", "VBD"},
		{"The United Nations on Tuesday reduced food supplies to the camp because rice was being diverted, relief officials said.", "reduced", "VBD"},
		{"Egyptian police opened fire to disperse Moslem demonstrators on Monday night, killing one person and arresting 12, security sources said.", "opened", "VBD"},
		{"The troops sent to the border returned after the talks failed.", "sent", "VBN"},
		// A present takes no bare participle after it unless it is an
		// auxiliary or a linking verb, or the participle modifies a noun
		// after it.
		{"Relief supplies flown in by Australia reached Tonga on Monday.", "supplies", "NNS"},
		{"Hamas remains targeted by Israel, and the occupation needs no excuses.", "remains", "VBZ"},
		{"The treaty has signed copies that both leaders keep.", "has", "VBZ"},
		{"Stuart sets defined objectives that his staff must meet.", "sets", "VBZ"},
		// "by" after a participle's particle marks its agent: the
		// participle modifies the noun and the verb is a later one.
		{"A Syrian drone shot down by Turkish fighters crashed near Idlib.", "shot", "VBN"},
		{"A Syrian drone shot down by Turkish fighters crashed near Idlib.", "crashed", "VBD"},
		// A new word after a determiner's plural noun in a verb's object
		// heads the noun phrase.
		{"The UN Security Council ended the arms embargo on Somalia's government.", "embargo", "NN"},
		{"The Trump administration says the duties punish China for unfair practices.", "punish", "VBP"},
		// An acronym ends a subject as a name does.
		{"Saudi Arabia, Egypt and the UAE cut ties with Qatar.", "cut", "VBD"},
		// A past tense is never the present of the third person.
		{"Bolivia cut ties with Israel, and Chile recalled its ambassador.", "cut", "VBD"},
		// A participle after a hyphen is half of an adjective; the verb
		// is a later one, before its object.
		{"The Pakistan-based militant group claimed responsibility.", "based", "VBN"},
		{"The Pakistan-based militant group claimed responsibility.", "claimed", "VBD"},
		// Left alone: a noun after a noun or a determiner, a name, a
		// participle after an auxiliary or after no subject.
		{"Tax cut for the rich.", "cut", "NN"},
		{"A shot in the dark.", "shot", "NN"},
		{"Trump pulls United States out of Iran nuclear deal", "United", "NNP"},
		{"See attached file.", "attached", "VBN"},
		{"U.N. sanctions on North Korea", "sanctions", "NNS"},
		// An irregular participle after "be" is a participle.
		{"The hymn was sung at my first inaugural church service as governor.", "sung", "VBN"},
		{"The border was set on fire.", "set", "VBN"},
		{"The first bridge was hit and the second was shut.", "shut", "VBN"},
		{"All you have to do is become a member.", "become", "VB"},
		// A capitalised word the treebank never saw is a name, not an
		// adverb, unless it has the adverb's ending.
		{"Azerbaijan massed troops near the Armenian border.", "Azerbaijan", "NNP"},
		{"Luckily the talks resumed.", "Luckily", "RB"},
		{"However, the talks resumed.", "However", "RB"},
		// A participle heading a sentence with no subject is a fragment's:
		// no past tense there.
		{"Highly recommended.", "recommended", "VBN"},
		{"Posted by the editor on Monday.", "Posted", "VBN"},
		{"Zambia extradited the suspect, officials said.", "extradited", "VBD"},
		{"The embassy was attacked by protesters.", "attacked", "VBN"},
	} {
		toks := nlp.Tokenize(c.sentence)
		m.Analyze(toks)
		found := false
		for _, tok := range toks {
			if tok.Text == c.word {
				found = true
				if tok.XPOS != c.xpos {
					t.Errorf("%q: %q is %s, want %s", c.sentence, c.word, tok.XPOS, c.xpos)
				}
				break
			}
		}
		if !found {
			t.Errorf("%q has no token %q", c.sentence, c.word)
		}
	}
}
