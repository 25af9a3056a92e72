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
			for _, m := range ms[c.n] {
				t.Logf("  mention %q %v", m.Text, m.Actors)
			}
			t.Errorf("%q in %q: got %s, want %s", c.text, sentences[c.n], got, c.want)
		}
	}
}

// ruleDoc is a one-paragraph document written for a rule, with the
// codes the rule gives its mentions.
type ruleDoc struct {
	rule      string
	date      string
	sentences []string
	cases     []sentenceCase
}

// ruleDocs are one-paragraph documents of sentences written for the rules
// of docs/lexicon.md settled with the wire mention set, each with the
// codes the rule gives its mentions ("-": no mention has that text).
var ruleDocs = []ruleDoc{
	// A name the dictionary lacks, set off
	// by a comma before a description the dictionary codes, is the described
	// actor, here and later in the document; a list or a plural description
	// is no apposition.
	{
		rule: "AppositiveNames 1",
		date: "2015-07-20",
		sentences: []string{
			"Tehran released Jason Rezaian, an American journalist, on Saturday.",
			"Rezaian flew to Germany with his family.",
		},
		cases: []sentenceCase{
			{0, "Jason Rezaian", "USAMED"},
			{0, "American journalist", "USAMED"},
			{1, "Rezaian", "USAMED"},
		},
	},
	{
		rule: "AppositiveNames 2",
		date: "2012-03-01",
		sentences: []string{
			"The talks were led by Pavel Sorokin, head of Russia's Gazprom, and a Chinese delegation.",
		},
		cases: []sentenceCase{
			{0, "Pavel Sorokin", "RUSBUS"},
		},
	},
	{
		rule: "AppositiveNames 3",
		date: "2012-03-01",
		sentences: []string{
			"The talks were led by Hans Mueller, deputy chief of the German general staff.",
		},
		cases: []sentenceCase{
			{0, "Hans Mueller", "DEUMIL"},
		},
	},
	{
		rule: "AppositiveNames 4",
		date: "2012-03-01",
		sentences: []string{
			"Pavel Sorokin, Russian officials and Chinese diplomats met in Beijing.",
			"After Pavel Sorokin, Russian officials said nothing.",
		},
		cases: []sentenceCase{
			{0, "Pavel Sorokin", "-"},
			{1, "Pavel Sorokin", "-"},
		},
	},
	// Agent words settled with the wire mention set:
	// peacekeepers and air strikes are forces, coded by the state or body
	// that owns them but never placed by the text around them; women are
	// civilians; a ruler governs; a border committee guards the border; a
	// commissioner's title before a name is part of the mention.
	{
		rule: "SectorWords",
		date: "2013-05-01",
		sentences: []string{
			"Kenyan peacekeepers left Mogadishu.",
			"MONUSCO said two of its peacekeepers were wounded.",
			"Peacekeepers were wounded on Monday.",
			"Israeli air strikes hit Gaza, and Israel said air strikes would go on.",
			"A French woman was abducted in Kenya.",
			"Qatar's ruler met Belarus's border committee.",
		},
		cases: []sentenceCase{
			{0, "Kenyan peacekeepers", "KENMIL"},
			{1, "its peacekeepers", "IGOUNO"},
			{2, "Peacekeepers", "-"},
			{3, "Israeli air strikes", "ISRMIL"},
			{3, "air strikes", "-"},
			{4, "French woman", "FRACVL"},
			{5, "Qatar's ruler", "QATGOV"},
			{5, "Belarus's border committee", "BLRCOP"},
		},
	},
	// Capitalised words the dictionary lacks
	// before a capitalised title and a known name are part of the mention,
	// while days, months and known names are not.
	{
		rule: "TitleWordsBefore",
		date: "2020-03-01",
		sentences: []string{
			"Budget Commissioner Johannes Hahn spoke in Vienna.",
			"On Tuesday President Vladimir Putin spoke in Moscow.",
			"Veteran Senator Marco Rubio spoke in Miami.",
		},
		cases: []sentenceCase{
			{0, "Budget Commissioner Johannes Hahn", "IGOEUREEC"},
			{1, "President Vladimir Putin", "RUSGOV"},
			{2, "Veteran Senator Marco Rubio", "USALEG"},
		},
	},
	// A mention holding a title
	// begins at "the" before up to three modifiers, while a phrase with no
	// title, or one opening with a capitalised title, may follow a noun it
	// does not belong to and keeps its start.
	{
		rule: "ArticleBeforeModifiers",
		date: "2016-03-01",
		sentences: []string{
			"The talks were attended by the hardline Iranian foreign minister.",
			"Under the deal Russia signed, gas flows resumed.",
			"Kiev rejected the plan President Vladimir Putin proposed.",
		},
		cases: []sentenceCase{
			{0, "the hardline Iranian foreign minister", "IRNGOV"},
			{1, "Russia", "RUS"},
			{2, "President Vladimir Putin", "RUSGOV"},
		},
	},
	// Refugees, migrants and civilians take the state the text puts them
	// in, at or takes them to; refugees keep it in later sentences ("the
	// migrants"); else they take the state the sentence is about; nothing
	// else, the dateline included, places them.
	{
		rule: "DisplacedPlaced 1",
		date: "2020-03-01",
		sentences: []string{
			"Ankara has sent migrants to Greece, officials say.",
			"Greek police fired tear gas at the migrants on Monday.",
			"Iraq said it would fly home citizens who were stranded.",
		},
		cases: []sentenceCase{
			{0, "migrants", "GRCREF"},
			{1, "the migrants", "GRCREF"},
			{2, "citizens", "IRQCVL"},
		},
	},
	{
		rule: "DisplacedPlaced 2",
		date: "2020-03-01",
		sentences: []string{
			"Refugees were seen near the border on Monday.",
		},
		cases: []sentenceCase{
			{0, "Refugees", "-"},
		},
	},
	{
		rule: "DisplacedPlaced 3",
		date: "2019-06-08",
		sentences: []string{
			"Mexico will take in more asylum seekers.",
		},
		cases: []sentenceCase{
			{0, "asylum seekers", "MEXREF"},
		},
	},
	// A craft's model name between a state and a
	// title is part of the mention, and makes a fighter a warplane.
	{
		rule: "ModelNames",
		date: "2019-02-27",
		sentences: []string{
			"Syrian MiG-29 fighters took off from Hama.",
			"A Chinese J-20 stealth fighter flew over the strait.",
			"Two Indian Mi-17 helicopters crashed.",
			"Pro-government Syrian fighters entered the town.",
		},
		cases: []sentenceCase{
			{0, "Syrian MiG-29 fighters", "SYRMIL"},
			{1, "Chinese J-20 stealth fighter", "CHNMIL"},
			{2, "Indian Mi-17 helicopters", "INDMIL"},
			{3, "Syrian fighters", "SYRREB"},
		},
	},
	// "officers" after the police of their
	// sentence are police officers, while officers with no police named
	// stay military.
	{
		rule: "PoliceOfficers",
		date: "2019-10-20",
		sentences: []string{
			"In Tbilisi, police said six officers were injured.",
			"Georgian police arrested protesters who had attacked an officer.",
			"Armenian officers crossed the border.",
		},
		cases: []sentenceCase{
			{0, "officers", "GEOCOP"},
			{1, "officer", "GEOCOP"},
			{2, "Armenian officers", "ARMMIL"},
		},
	},
	// A part of a state named by its direction
	// is a mention of the state, from the direction word on.
	{
		rule: "CompassPart",
		date: "2015-02-01",
		sentences: []string{
			"Fighting resumed in eastern Ukraine on Monday.",
			"Israel struck targets in southern Lebanon.",
			"Western Cambodia was flooded.",
		},
		cases: []sentenceCase{
			{0, "eastern Ukraine", "UKR"},
			{1, "southern Lebanon", "LBN"},
			{2, "Western Cambodia", "KHM"},
		},
	},
	// A description of a body and its name
	// set off by commas are one mention; a region's adjective and a
	// few words before an organisation's name belong to it.
	{
		rule: "BodyAppositions",
		date: "2013-05-01",
		sentences: []string{
			"The UN refugee agency, UNHCR, said camps were full.",
			"Leaders met at a summit of the Southeast Asian grouping ASEAN on Friday.",
			"Russia, China and Iran objected.",
		},
		cases: []sentenceCase{
			{0, "The UN refugee agency, UNHCR", "IGOUNOREFHCR"},
			{1, "the Southeast Asian grouping ASEAN", "IGOSEAASN"},
			{2, "Russia, China and Iran", "RUS+CHN+IRN"},
		},
	},
	// Words ranking a state's own officials are
	// part of a bare mention; militant groups are rebels placed in
	// the state they are in.
	{
		rule: "OwnRanks",
		date: "2012-11-20",
		sentences: []string{
			"Congo's army said rebels seized Sake, and local officials fled.",
			"Goma fell on Tuesday, the Congolese army said, and senior officials fled.",
			"Kenya wants militant groups in Somalia to disarm.",
		},
		cases: []sentenceCase{
			{0, "local officials", "CODGOV"},
			{1, "senior officials", "CODGOV"},
			{2, "militant groups in Somalia", "SOMREB"},
		},
	},
	// The members of a body act as the body and
	// that a capitalised description ("the Commission") refers back to an
	// organisation whose name holds it, and to nothing else.
	{
		rule: "BodyMembers 1",
		date: "2021-06-01",
		sentences: []string{
			"The UN Security Council met on Monday.",
			"Council members said they would vote on Friday, and several council members objected.",
			"European Commission President Ursula von der Leyen spoke in Lisbon.",
			"She said the Commission would act.",
		},
		cases: []sentenceCase{
			{1, "Council members", "IGOUNO"},
			{1, "council members", "IGOUNO"},
			{3, "the Commission", "IGOEUREEC"},
		},
	},
	{
		rule: "BodyMembers 2",
		date: "2021-06-01",
		sentences: []string{
			"NATO met in Brussels.",
			"The Commission said it would act, and council members agreed.",
			"Kiev invited the Organization for Security and Co-operation in Europe.",
		},
		cases: []sentenceCase{
			{1, "The Commission", "-"},
			{1, "council members", "-"},
			{2, "the Organization for Security and Co-operation in Europe", "IGOEURSCE"},
		},
	},
	// A state's opposition named without
	// its state is placed as a state body is, while opposition to something
	// is no actor.
	{
		rule: "OppositionPlaced",
		date: "2019-05-01",
		sentences: []string{
			"Venezuelan President Nicolas Maduro said the opposition had tried a coup.",
			"In Caracas, opposition parties called a strike.",
			"Russia voiced its opposition to the plan.",
			"Turkey said the opposition to the plan was growing.",
		},
		cases: []sentenceCase{
			{0, "the opposition", "VENOPP"},
			{1, "opposition parties", "VENOPP"},
			{2, "its opposition", "-"},
			{3, "the opposition", "-"},
		},
	},
	// In a text naming both halves of a
	// divided pair, "the North", "the South" and "southern" or "northern"
	// before a title name the halves; they name nothing elsewhere.
	{
		rule: "DividedPairHalves 1",
		date: "2013-04-01",
		sentences: []string{
			"North Korea threatened South Korea on Monday.",
			"The North said the South had provoked it, and southern troops were put on alert.",
		},
		cases: []sentenceCase{
			{1, "The North", "PRK"},
			{1, "the South", "KOR"},
			{1, "southern troops", "KORMIL"},
		},
	},
	{
		rule: "DividedPairHalves 2",
		date: "2012-04-20",
		sentences: []string{
			"Sudan and South Sudan traded blame over Heglig.",
			"The North said northern troops had withdrawn, and the South denied it.",
		},
		cases: []sentenceCase{
			{1, "The North", "SDN"},
			{1, "northern troops", "SDNMIL"},
			{1, "the South", "SSD"},
		},
	},
	{
		rule: "DividedPairHalves 3",
		date: "2012-04-20",
		sentences: []string{
			"South Africa hosted the talks.",
			"The South was represented, and southern troops paraded in the South China Sea.",
		},
		cases: []sentenceCase{
			{1, "The South", "-"},
			{1, "southern troops", "-"},
		},
	},
	// A people within a state is coded
	// as the state's civilians (a people of several states by the text), that a displaced people are refugees of their
	// state, that a code-less people word before a title leaves the title its
	// code; military ranks are MIL.
	{
		rule: "PeoplesRanksDisplaced",
		date: "2017-09-01",
		sentences: []string{
			"Syrian Kurds held a vote on Monday.",
			"Aid reached thousands of displaced Syrians in Idlib.",
			"Pashtun refugees in Pakistan marched.",
			"Turkish Colonel Mehmet Yilmazoglu was wounded.",
			"Rohingya refugees in Bangladesh marched.",
		},
		cases: []sentenceCase{
			{0, "Syrian Kurds", "SYRCVL"},
			{1, "displaced Syrians", "SYRREF"},
			{2, "Pashtun refugees", "PAKREF"},
			{3, "Turkish Colonel Mehmet Yilmazoglu", "TURMIL"},
			// A people of one state is its state's adjective.
			{4, "Rohingya refugees", "MMRREF"},
		},
	},
	// When the sentence's subject is a
	// person, a body's "its" refers to the subject of its own clause rather
	// than to an owner inside the clause's object.
	{
		rule: "ClauseSubjectPronoun",
		date: "2014-03-04",
		sentences: []string{
			"Chancellor Angela Merkel urged that Russia respect Ukraine's borders and withdraw its troops.",
			"China criticised Japan's decision to send its troops.",
		},
		cases: []sentenceCase{
			{0, "its troops", "RUSMIL"},
			{1, "its troops", "CHNMIL"},
		},
	},
	// A state owning a capitalised body is
	// one mention with it; a title a placed body owns with "'s" is
	// the body's state's, the body part of the mention.
	{
		rule: "PossessiveOwners",
		date: "2011-10-20",
		sentences: []string{
			"Kenya consulted Mali's Transitional Government on Monday.",
			"Sudan's president said the government's envoys would return.",
		},
		cases: []sentenceCase{
			{0, "Mali's Transitional Government", "MLIGOV"},
			{0, "Mali", "-"},
			{1, "the government's envoys", "SDNGOV"},
		},
	},
	// Rebels and militants named without their
	// state take the state the sentence puts them in, and nothing else.
	{
		rule: "ArmedPlaced",
		date: "2014-05-20",
		sentences: []string{
			"On Monday militants attacked a village in the Cameroonian border region.",
			"Rebels attacked a base in Mali and withdrew.",
			"Nigeria said militants had attacked a village.",
		},
		cases: []sentenceCase{
			{0, "militants", "CMRREB"},
			{1, "Rebels", "MLIREB"},
			{2, "militants", "-"},
		},
	},
	// A state's forces named generically are
	// the police or border force of that state the document named last, and
	// stay military when its military was named last or nothing was.
	{
		rule: "GenericForces",
		date: "2021-11-16",
		sentences: []string{
			"Greek police fired tear gas at the crowd.",
			"Turkey accused Greek forces of violence, and Turkish forces were put on alert.",
			"Greek troops were sent, and Greek forces held the line.",
		},
		cases: []sentenceCase{
			{1, "Greek forces", "GRCCOP"},
			{1, "Turkish forces", "TURMIL"},
			{2, "Greek forces", "GRCMIL"},
		},
	},
	// Civilians a state's forces
	// act on do not take that state, that the place they are in still
	// places them; a lone attacker is not placed by the place of
	// the attack.
	{
		rule: "VictimsNotPlacedByAttackers",
		date: "2022-04-04",
		sentences: []string{
			"Russian troops killed civilians in the Ukrainian town of Irpin.",
			"Syrian troops shelled villages, killing civilians.",
			"A suicide bomber killed six policemen at a checkpoint in Kandahar.",
		},
		cases: []sentenceCase{
			{0, "civilians", "UKRCVL"},
			{1, "civilians", "-"},
			{2, "suicide bomber", "-"},
		},
	},
	// A person's title with its
	// complement and then a name the dictionary lacks, set off by commas, is
	// one mention; the name alone codes the person later.
	{
		rule: "TitleComplementName",
		date: "2020-02-01",
		sentences: []string{
			"Egypt's Minister of Irrigation and Water Resources, Hany Sewilam, met Sudan's envoy to the African Union, Ismail Kabashi, on Monday.",
			"Sewilam said talks would go on, and Kabashi agreed.",
		},
		cases: []sentenceCase{
			{0, "Egypt's Minister of Irrigation and Water Resources, Hany Sewilam", "EGYGOV"},
			{0, "Sudan's envoy to the African Union, Ismail Kabashi", "SDNGOV"},
			{1, "Sewilam", "EGYGOV"},
			{1, "Kabashi", "SDNGOV"},
		},
	},
	// Two words sharing a title after "and"
	// belong to one phrase with their owner ("Kenya's trade and finance
	// ministers"); other words joined by "and" do not.
	{
		rule: "SharedTitleHead",
		date: "2012-03-01",
		sentences: []string{
			"Kenya's trade and finance ministers met in Nairobi.",
			"Russia's economy and military suffered.",
		},
		cases: []sentenceCase{
			{0, "Kenya's trade and finance ministers", "KENGOV"},
			{1, "Russia's economy and military", "-"},
		},
	},
	// A person's "of" phrase naming the
	// person's own state is part of the person's mention, so that a plural
	// title over two such names is one compound.
	{
		rule: "NamesOfStates",
		date: "2014-05-17",
		sentences: []string{
			"Hollande hosted Presidents Goodluck Jonathan of Nigeria and Paul Biya of Cameroon.",
			"Hollande spoke of Nigeria and Cameroon.",
		},
		cases: []sentenceCase{
			{0, "Presidents Goodluck Jonathan of Nigeria and Paul Biya of Cameroon", "NGAGOV+CMRGOV"},
			{1, "Nigeria and Cameroon", "NGA+CMR"},
		},
	},
	// "the crowd" is the crowd or people named
	// before it in the paragraph.
	{
		rule: "DefiniteCrowd",
		date: "2013-04-22",
		sentences: []string{
			"Thousands of Bosnian Croats rallied in a border town on Monday.",
			"Police said the crowd was peaceful.",
		},
		cases: []sentenceCase{
			{0, "Bosnian Croats", "BIH"},
			{1, "the crowd", "BIHCVL"},
		},
	},
}

// TestWireRules codes each of ruleDocs and checks its cases.
func TestWireRules(t *testing.T) { checkRuleDocs(t, ruleDocs) }

// checkRuleDocs codes each document in a subtest named for its rule and
// checks its cases.
func checkRuleDocs(t *testing.T, docs []ruleDoc) {
	for _, d := range docs {
		t.Run(d.rule, func(t *testing.T) { checkDoc(t, d.date, d.sentences, d.cases...) })
	}
}
