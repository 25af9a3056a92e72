package actors_test

import (
	"strings"
	"testing"
)

// sentenceCase is one expectation on a one-paragraph document: the
// mention whose text is exactly text, in sentence n, has the codes want
// ("-" when no mention has that text).
type sentenceCase struct {
	n          int
	text, want string
}

// checkDoc codes the sentences as one paragraph published on date and
// checks the cases.
func checkDoc(t *testing.T, date string, sentences []string, cases ...sentenceCase) {
	t.Helper()
	ms := resolver(t).Document(paragraphDoc(date, sentences...))
	for _, c := range cases {
		got := "-"
		for _, m := range ms[c.n] {
			if m.Text == c.text {
				var cs []string
				for _, a := range m.Actors {
					cs = append(cs, a.Code)
				}
				got = sortCodes(strings.Join(cs, "+"))
			}
		}
		if got != sortCodes(c.want) {
			t.Errorf("%q in %q: got %s, want %s", c.text, sentences[c.n], got, c.want)
		}
	}
}

// TestAppositiveNames checks that a name the dictionary lacks, set off
// by a comma before a description the dictionary codes, is the described
// actor, here and later in the document; a list or a plural description
// is no apposition.
func TestAppositiveNames(t *testing.T) {
	checkDoc(t, "2015-07-20", []string{
		"Tehran released Jason Rezaian, an American journalist, on Saturday.",
		"Rezaian flew to Germany with his family.",
	}, sentenceCase{0, "Jason Rezaian", "USAMED"}, sentenceCase{0, "American journalist", "USAMED"}, sentenceCase{1, "Rezaian", "USAMED"})
	checkDoc(t, "2012-03-01", []string{
		"The talks were led by Pavel Sorokin, head of Russia's Gazprom, and a Chinese delegation.",
	}, sentenceCase{0, "Pavel Sorokin", "RUSBUS"})
	checkDoc(t, "2012-03-01", []string{
		"The talks were led by Hans Mueller, deputy chief of the German general staff.",
	}, sentenceCase{0, "Hans Mueller", "DEUMIL"})
	checkDoc(t, "2012-03-01", []string{
		"Pavel Sorokin, Russian officials and Chinese diplomats met in Beijing.",
		"After Pavel Sorokin, Russian officials said nothing.",
	}, sentenceCase{0, "Pavel Sorokin", "-"}, sentenceCase{1, "Pavel Sorokin", "-"})
}

// TestSectorWords checks agent words settled with the wire mention set:
// peacekeepers and air strikes are forces, coded by the state or body
// that owns them but never placed by the text around them; women are
// civilians; a ruler governs; a border committee guards the border; a
// commissioner's title before a name is part of the mention.
func TestSectorWords(t *testing.T) {
	checkDoc(t, "2013-05-01", []string{
		"Kenyan peacekeepers left Mogadishu.",
		"MONUSCO said two of its peacekeepers were wounded.",
		"Peacekeepers were wounded on Monday.",
		"Israeli air strikes hit Gaza, and Israel said air strikes would go on.",
		"A French woman was abducted in Kenya.",
		"Qatar's ruler met Belarus's border committee.",
	},
		sentenceCase{0, "Kenyan peacekeepers", "KENMIL"},
		sentenceCase{1, "its peacekeepers", "IGOUNO"},
		sentenceCase{2, "Peacekeepers", "-"},
		sentenceCase{3, "Israeli air strikes", "ISRMIL"},
		sentenceCase{3, "air strikes", "-"},
		sentenceCase{4, "French woman", "FRACVL"},
		sentenceCase{5, "Qatar's ruler", "QATGOV"},
		sentenceCase{5, "Belarus's border committee", "BLRCOP"},
	)
}

// TestTitleWordsBefore checks that capitalised words the dictionary lacks
// before a capitalised title and a known name are part of the mention,
// while days, months and known names are not.
func TestTitleWordsBefore(t *testing.T) {
	checkDoc(t, "2020-03-01", []string{
		"Budget Commissioner Johannes Hahn spoke in Vienna.",
		"On Tuesday President Vladimir Putin spoke in Moscow.",
		"Veteran Senator Marco Rubio spoke in Miami.",
	},
		sentenceCase{0, "Budget Commissioner Johannes Hahn", "IGOEUREEC"},
		sentenceCase{1, "President Vladimir Putin", "RUSGOV"},
		sentenceCase{2, "Veteran Senator Marco Rubio", "USALEG"},
	)
}

// TestArticleBeforeModifiers checks that a mention holding a title
// begins at "the" before up to three modifiers, while a phrase with no
// title, or one opening with a capitalised title, may follow a noun it
// does not belong to and keeps its start.
func TestArticleBeforeModifiers(t *testing.T) {
	checkDoc(t, "2016-03-01", []string{
		"The talks were attended by the hardline Iranian foreign minister.",
		"Under the deal Russia signed, gas flows resumed.",
		"Kiev rejected the plan President Vladimir Putin proposed.",
	},
		sentenceCase{0, "the hardline Iranian foreign minister", "IRNGOV"},
		sentenceCase{1, "Russia", "RUS"},
		sentenceCase{2, "President Vladimir Putin", "RUSGOV"},
	)
}

// TestDisplacedPlaced checks that refugees, migrants and civilians take
// the state the text puts them in, at or takes them to; that refugees
// keep it in later sentences ("the migrants"); that else they take the
// state the sentence is about; and that nothing else, the dateline
// included, places them.
func TestDisplacedPlaced(t *testing.T) {
	checkDoc(t, "2020-03-01", []string{
		"Ankara has sent migrants to Greece, officials say.",
		"Greek police fired tear gas at the migrants on Monday.",
		"Iraq said it would fly home citizens who were stranded.",
	},
		sentenceCase{0, "migrants", "GRCREF"},
		sentenceCase{1, "the migrants", "GRCREF"},
		sentenceCase{2, "citizens", "IRQCVL"},
	)
	checkDoc(t, "2020-03-01", []string{"Refugees were seen near the border on Monday."}, sentenceCase{0, "Refugees", "-"})
	checkDoc(t, "2019-06-08", []string{"Mexico will take in more asylum seekers."}, sentenceCase{0, "asylum seekers", "MEXREF"})
}

// TestModelNames checks that a craft's model name between a state and a
// title is part of the mention, and makes a fighter a warplane.
func TestModelNames(t *testing.T) {
	checkDoc(t, "2019-02-27", []string{
		"Syrian MiG-29 fighters took off from Hama.",
		"A Chinese J-20 stealth fighter flew over the strait.",
		"Two Indian Mi-17 helicopters crashed.",
		"Pro-government Syrian fighters entered the town.",
	},
		sentenceCase{0, "Syrian MiG-29 fighters", "SYRMIL"},
		sentenceCase{1, "Chinese J-20 stealth fighter", "CHNMIL"},
		sentenceCase{2, "Indian Mi-17 helicopters", "INDMIL"},
		sentenceCase{3, "Syrian fighters", "SYRREB"},
	)
}

// TestPoliceOfficers checks that "officers" after the police of their
// sentence are police officers, while officers with no police named
// stay military.
func TestPoliceOfficers(t *testing.T) {
	checkDoc(t, "2019-10-20", []string{
		"In Tbilisi, police said six officers were injured.",
		"Georgian police arrested protesters who had attacked an officer.",
		"Armenian officers crossed the border.",
	},
		sentenceCase{0, "officers", "GEOCOP"},
		sentenceCase{1, "officer", "GEOCOP"},
		sentenceCase{2, "Armenian officers", "ARMMIL"},
	)
}

// TestCompassPart checks that a part of a state named by its direction
// is a mention of the state, from the direction word on.
func TestCompassPart(t *testing.T) {
	checkDoc(t, "2015-02-01", []string{
		"Fighting resumed in eastern Ukraine on Monday.",
		"Israel struck targets in southern Lebanon.",
		"Western Cambodia was flooded.",
	},
		sentenceCase{0, "eastern Ukraine", "UKR"},
		sentenceCase{1, "southern Lebanon", "LBN"},
		sentenceCase{2, "Western Cambodia", "KHM"},
	)
}

// TestBodyAppositions checks that a description of a body and its name
// set off by commas are one mention, and that a region's adjective and a
// few words before an organisation's name belong to it.
func TestBodyAppositions(t *testing.T) {
	checkDoc(t, "2013-05-01", []string{
		"The UN refugee agency, UNHCR, said camps were full.",
		"Leaders met at a summit of the Southeast Asian grouping ASEAN on Friday.",
		"Russia, China and Iran objected.",
	},
		sentenceCase{0, "The UN refugee agency, UNHCR", "IGOUNOREFHCR"},
		sentenceCase{1, "the Southeast Asian grouping ASEAN", "IGOSEAASN"},
		sentenceCase{2, "Russia, China and Iran", "RUS+CHN+IRN"},
	)
}

// TestOwnRanks checks that words ranking a state's own officials are
// part of a bare mention, and that militant groups are rebels placed in
// the state they are in.
func TestOwnRanks(t *testing.T) {
	checkDoc(t, "2012-11-20", []string{
		"Congo's army said rebels seized Sake, and local officials fled.",
		"Goma fell on Tuesday, the Congolese army said, and senior officials fled.",
		"Kenya wants militant groups in Somalia to disarm.",
	},
		sentenceCase{0, "local officials", "CODGOV"},
		sentenceCase{1, "senior officials", "CODGOV"},
		sentenceCase{2, "militant groups in Somalia", "SOMREB"},
	)
}

// TestBodyMembers checks that the members of a body act as the body and
// that a capitalised description ("the Commission") refers back to an
// organisation whose name holds it, and to nothing else.
func TestBodyMembers(t *testing.T) {
	checkDoc(t, "2021-06-01", []string{
		"The UN Security Council met on Monday.",
		"Council members said they would vote on Friday, and several council members objected.",
		"European Commission President Ursula von der Leyen spoke in Lisbon.",
		"She said the Commission would act.",
	},
		sentenceCase{1, "Council members", "IGOUNO"},
		sentenceCase{1, "council members", "IGOUNO"},
		sentenceCase{3, "the Commission", "IGOEUREEC"},
	)
	checkDoc(t, "2021-06-01", []string{
		"NATO met in Brussels.",
		"The Commission said it would act, and council members agreed.",
		"Kiev invited the Organization for Security and Co-operation in Europe.",
	},
		sentenceCase{1, "The Commission", "-"},
		sentenceCase{1, "council members", "-"},
		sentenceCase{2, "the Organization for Security and Co-operation in Europe", "IGOEURSCE"},
	)
}

// TestOppositionPlaced checks that a state's opposition named without
// its state is placed as a state body is, while opposition to something
// is no actor.
func TestOppositionPlaced(t *testing.T) {
	checkDoc(t, "2019-05-01", []string{
		"Venezuelan President Nicolas Maduro said the opposition had tried a coup.",
		"In Caracas, opposition parties called a strike.",
		"Russia voiced its opposition to the plan.",
		"Turkey said the opposition to the plan was growing.",
	},
		sentenceCase{0, "the opposition", "VENOPP"},
		sentenceCase{1, "opposition parties", "VENOPP"},
		sentenceCase{2, "its opposition", "-"},
		sentenceCase{3, "the opposition", "-"},
	)
}

// TestDividedPairHalves checks that in a text naming both halves of a
// divided pair, "the North", "the South" and "southern" or "northern"
// before a title name the halves, and that they name nothing elsewhere.
func TestDividedPairHalves(t *testing.T) {
	checkDoc(t, "2013-04-01", []string{
		"North Korea threatened South Korea on Monday.",
		"The North said the South had provoked it, and southern troops were put on alert.",
	},
		sentenceCase{1, "The North", "PRK"},
		sentenceCase{1, "the South", "KOR"},
		sentenceCase{1, "southern troops", "KORMIL"},
	)
	checkDoc(t, "2012-04-20", []string{
		"Sudan and South Sudan traded blame over Heglig.",
		"The North said northern troops had withdrawn, and the South denied it.",
	},
		sentenceCase{1, "The North", "SDN"},
		sentenceCase{1, "northern troops", "SDNMIL"},
		sentenceCase{1, "the South", "SSD"},
	)
	checkDoc(t, "2012-04-20", []string{
		"South Africa hosted the talks.",
		"The South was represented, and southern troops paraded in the South China Sea.",
	},
		sentenceCase{1, "The South", "-"},
		sentenceCase{1, "southern troops", "-"},
	)
}

// TestPeoplesRanksDisplaced checks that a people within a state is coded
// by the state alone, that a displaced people are refugees of their
// state, that a code-less people word before a title leaves the title its
// code, and that military ranks are MIL.
func TestPeoplesRanksDisplaced(t *testing.T) {
	checkDoc(t, "2017-09-01", []string{
		"Syrian Kurds held a vote on Monday.",
		"Aid reached thousands of displaced Syrians in Idlib.",
		"Rohingya refugees in Bangladesh marched.",
		"Turkish Colonel Mehmet Yilmazoglu was wounded.",
	},
		sentenceCase{0, "Syrian Kurds", "SYR"},
		sentenceCase{1, "displaced Syrians", "SYRREF"},
		sentenceCase{2, "Rohingya refugees", "BGDREF"},
		sentenceCase{3, "Turkish Colonel Mehmet Yilmazoglu", "TURMIL"},
	)
}

// TestClauseSubjectPronoun checks that, when the sentence's subject is a
// person, a body's "its" refers to the subject of its own clause rather
// than to an owner inside the clause's object.
func TestClauseSubjectPronoun(t *testing.T) {
	checkDoc(t, "2014-03-04", []string{
		"Chancellor Angela Merkel urged that Russia respect Ukraine's borders and withdraw its troops.",
		"China criticised Japan's decision to send its troops.",
	},
		sentenceCase{0, "its troops", "RUSMIL"},
		sentenceCase{1, "its troops", "CHNMIL"},
	)
}

// TestPossessiveOwners checks that a state owning a capitalised body is
// one mention with it, and that a title a placed body owns with "'s" is
// the body's state's, the body part of the mention.
func TestPossessiveOwners(t *testing.T) {
	checkDoc(t, "2011-10-20", []string{
		"Kenya consulted Mali's Transitional Government on Monday.",
		"Sudan's president said the government's envoys would return.",
	},
		sentenceCase{0, "Mali's Transitional Government", "MLIGOV"},
		sentenceCase{0, "Mali", "-"},
		sentenceCase{1, "the government's envoys", "SDNGOV"},
	)
}

// TestArmedPlaced checks that rebels and militants named without their
// state take the state the sentence puts them in, and nothing else.
func TestArmedPlaced(t *testing.T) {
	checkDoc(t, "2014-05-20", []string{
		"On Monday militants attacked a village in the Cameroonian border region.",
		"Rebels attacked a base in Mali and withdrew.",
		"Nigeria said militants had attacked a village.",
	},
		sentenceCase{0, "militants", "CMRREB"},
		sentenceCase{1, "Rebels", "MLIREB"},
		sentenceCase{2, "militants", "-"},
	)
}

// TestGenericForces checks that a state's forces named generically are
// the police or border force of that state the document named last, and
// stay military when its military was named last or nothing was.
func TestGenericForces(t *testing.T) {
	checkDoc(t, "2021-11-16", []string{
		"Greek police fired tear gas at the crowd.",
		"Turkey accused Greek forces of violence, and Turkish forces were put on alert.",
		"Greek troops were sent, and Greek forces held the line.",
	},
		sentenceCase{1, "Greek forces", "GRCCOP"},
		sentenceCase{1, "Turkish forces", "TURMIL"},
		sentenceCase{2, "Greek forces", "GRCMIL"},
	)
}

// TestVictimsNotPlacedByAttackers checks that civilians a state's forces
// act on do not take that state, that the place they are in still
// places them, and that a lone attacker is not placed by the place of
// the attack.
func TestVictimsNotPlacedByAttackers(t *testing.T) {
	checkDoc(t, "2022-04-04", []string{
		"Russian troops killed civilians in the Ukrainian town of Irpin.",
		"Syrian troops shelled villages, killing civilians.",
		"A suicide bomber killed six policemen at a checkpoint in Kandahar.",
	},
		sentenceCase{0, "civilians", "UKRCVL"},
		sentenceCase{1, "civilians", "-"},
		sentenceCase{2, "suicide bomber", "-"},
	)
}

// TestTitleComplementName checks that a person's title with its
// complement and then a name the dictionary lacks, set off by commas, is
// one mention, and that the name alone codes the person later.
func TestTitleComplementName(t *testing.T) {
	checkDoc(t, "2020-02-01", []string{
		"Egypt's Minister of Irrigation and Water Resources, Hany Sewilam, met Sudan's envoy to the African Union, Ismail Kabashi, on Monday.",
		"Sewilam said talks would go on, and Kabashi agreed.",
	},
		sentenceCase{0, "Egypt's Minister of Irrigation and Water Resources, Hany Sewilam", "EGYGOV"},
		sentenceCase{0, "Sudan's envoy to the African Union, Ismail Kabashi", "SDNGOV"},
		sentenceCase{1, "Sewilam", "EGYGOV"},
		sentenceCase{1, "Kabashi", "SDNGOV"},
	)
}

// TestSharedTitleHead checks that two words sharing a title after "and"
// belong to one phrase with their owner ("Kenya's trade and finance
// ministers"), and that other words joined by "and" do not.
func TestSharedTitleHead(t *testing.T) {
	checkDoc(t, "2012-03-01", []string{
		"Kenya's trade and finance ministers met in Nairobi.",
		"Russia's economy and military suffered.",
	},
		sentenceCase{0, "Kenya's trade and finance ministers", "KENGOV"},
		sentenceCase{1, "Russia's economy and military", "-"},
	)
}

// TestNamesOfStates checks that a person's "of" phrase naming the
// person's own state is part of the person's mention, so that a plural
// title over two such names is one compound.
func TestNamesOfStates(t *testing.T) {
	checkDoc(t, "2014-05-17", []string{
		"Hollande hosted Presidents Goodluck Jonathan of Nigeria and Paul Biya of Cameroon.",
		"Hollande spoke of Nigeria and Cameroon.",
	},
		sentenceCase{0, "Presidents Goodluck Jonathan of Nigeria and Paul Biya of Cameroon", "NGAGOV+CMRGOV"},
		sentenceCase{1, "Nigeria and Cameroon", "NGA+CMR"},
	)
}

// TestDefiniteCrowd checks that "the crowd" is the crowd or people named
// before it in the paragraph.
func TestDefiniteCrowd(t *testing.T) {
	checkDoc(t, "2013-04-22", []string{
		"Thousands of Bosnian Croats rallied in a border town on Monday.",
		"Police said the crowd was peaceful.",
	},
		sentenceCase{0, "Bosnian Croats", "BIH"},
		sentenceCase{1, "the crowd", "BIHCVL"},
	)
}
