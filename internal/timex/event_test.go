package timex

import (
	"strings"
	"testing"

	"github.com/dyad-events/dyad/internal/doc"
	"github.com/dyad-events/dyad/internal/nlp"
)

// eventCase is one EventDate check: trigger is a substring of sentence (its
// first occurrence, or the one after at, when at is set); want is the
// expected date, "" for none (the caller falls back to the doc date).
type eventCase struct {
	ref, sentence, trigger, at, want string
}

// tokenAt returns the index of the token of toks that holds byte offset
// at, or else the first one after it.
func tokenAt(toks []doc.Token, at int) int {
	for i, t := range toks {
		if t.End > at {
			return i
		}
	}
	return len(toks) - 1
}

func triggerOffset(tb testing.TB, c eventCase) int {
	tb.Helper()
	from := 0
	if c.at != "" {
		from = strings.Index(c.sentence, c.at)
	}
	i := strings.Index(c.sentence[max(from, 0):], c.trigger)
	if from < 0 || i < 0 {
		tb.Fatalf("trigger %q not in %q", c.trigger, c.sentence)
	}
	return from + i
}

var eventCases = []eventCase{
	// Seed 001, published 2012-06-07 (gold: arrived → 2012-06-05, memorandum → 2012-06-05).
	{"2012-06-07", "Russian President Vladimir Putin arrived in Beijing on June 5 for a three-day visit to China, during which he met with Chinese President Hu Jintao and attended the Shanghai Cooperation Organization (SCO) summit meeting.", "arrived", "", "2012-06-05"},
	{"2012-06-07", "Russian President Vladimir Putin arrived in Beijing on June 5 for a three-day visit to China, during which he met with Chinese President Hu Jintao and attended the Shanghai Cooperation Organization (SCO) summit meeting.", "met", "", ""},
	{"2012-06-07", "On June 5, China’s sovereign wealth fund China Investment Corporation and its counterpart the Russian Direct Investment Fund signed a memorandum launching a China-Russia Investment Fund with a capital target of $2 to $4 billion USD to raise bilateral direct investment.", "signed", "", "2012-06-05"},
	{"2012-06-07", "During their meeting, Presidents Putin and Hu pledged to further boost economic ties and set a goal to increase bilateral trade to $100 billion in 2015, from $83.5 billion in 2011.", "pledged", "", ""},
	{"2012-06-07", "During their meeting, Presidents Putin and Hu pledged to further boost economic ties and set a goal to increase bilateral trade to $100 billion in 2015, from $83.5 billion in 2011.", "increase", "", ""},
	{"2012-06-07", "The proposed deal between the China National Petroleum Corporation and Russia’s Gazprom has been stalled since 2006 in a dispute over pricing, and the two sides were yet to come to an agreement ahead of Putin’s visit.", "stalled", "", ""},
	{"2012-06-07", "They also discussed the future of Afghanistan, whose President Hamid Karzai was allowed to attend the summit this week as an observer.", "attend", "", "2012-06"},
	// Seed 004, published 2017-05-10.
	{"2017-05-10", "Putin and Xi’s relationship seems strong. In November 2016, they held a meeting on the sidelines of the Asia- Pacific Economic Cooperation (APEC) summit in Peru’s capital Lima, during which they discussed the development of bilateral ties.", "held", "", "2016-11"},
	{"2017-05-10", "Chief among those developments was the announcement on May 8, 2015 in Moscow, on the occasion of the annual parade commemorating the end of World War II, of the planned integration of the Chinese-led BRI with Russia’s Eurasian Economic Union (EEU).", "announcement", "", "2015-05-08"},
	{"2017-05-10", "Russian Ambassador to China Andrey Denisov said that Russia’s President Vladimir Putin will take an active part in the international One Belt, One Road forum which will be held in Beijing on May 14-15.", "take", "", "2017-05-14"},
	{"2017-05-10", "For his part, Chinese President Xi Jinping plans to pay an official visit to Russia in early July, according to media reports.", "visit", "", "2017-07"},
	{"2017-05-10", "“In April, the trade turnover between the two countries increased by 15 percent, according to statistical data.", "increased", "", "2017-04"},
	{"2017-05-10", "In March 2017, new Chinese Commerce Minister Zhong Shan heaped praise on “a very successful cooperation” between China and Russia which he said will continue to develop in a similar manner in the future.", "heaped", "", "2017-03"},
	{"2017-05-10", "Also in 2014, the People’s Bank of China (PBOC) and the Central Bank of Russia signed an arrangement for a currency swap worth 150 billion yuan and 815 billion rubles ($24 billion at the time).", "signed", "", "2014"},
	{"2017-05-10", "Some of the much-publicized and high-profile deals emerging from the 2014 Strategic Partnership included a 40-year gas supply agreement between Gazprom and China National Petroleum Corporation (CNPC).", "included", "", ""},
	{"2017-05-10", "Since 2014, and particularly in 2015, Russia has become one of the five largest recipients of Chinese outbound direct investment.", "become", "", "2015"},
	{"2017-05-10", "The co-arrangers were China’s ICBC and state-owned Gazprombank — Russia’s third-largest bank, which has been under U.S. sanctions since July 2014.", "sanctions", "", ""},
	{"2017-05-10", "Both Putin and Xi reiterated the significance of their growing bilateral political relations at the BRICS development summit in Goa, India, in October 2015, where they noted that China and Russia should strengthen coordination.", "reiterated", "", "2015-10"},
	{"2017-05-10", "The most prominent recent affirmation of this position came in the form of China’s and Russia’s stated opposition to the deployment of the U.S. Terminal High Altitude Air Defense (THAAD) missile defense system in South Korea, a decision made in mid-2016.", "made", "", "2016"},
	{"2017-05-10", "In this vein, China and Russia have been accelerating their joint military drills including holding their first joint naval drills conducted in the South China Sea this year.", "holding", "", "2017"},
	{"2017-05-10", "In the coming days, another meeting will be held,” Sanakoyev said.", "held", "", ""},
	{"2017-05-10", "In this context, it was significant that Russia’s exports of mechanical and technical products to China rose by about 45 percent over the course of 2015 possibly signifying an important trend.", "rose", "", "2015"},
	{"2017-05-10", "Meanwhile, China was Russia’s largest bilateral trade partner, in 2015; in spite of declining overall bilateral trade in U.S. dollar terms, relative to 2014, trade flows continued to expand in terms of volume.", "expand", "", ""},
	{"2017-05-10", "Meanwhile, China was Russia’s largest bilateral trade partner, in 2015; in spite of declining overall bilateral trade in U.S. dollar terms, relative to 2014, trade flows continued to expand in terms of volume.", "partner", "", "2015"},
	// Seed 003, published 2014-04 (gold: tour → 2013-09, exercises → 2013, Yanukovych → 2013-12).
	{"2014-04", "Moscow has become nervous about the rapid development of China’s ties with key central Asian states, such as Kazakhstan, Uzbekistan, and Turkmenistan, especially following Xi Jinping’s four-nation tour of Central Asia in September 2013.", "tour", "", "2013-09"},
	{"2014-04", "More significantly, in July 2013 the Ministry of Defense initiated the largest exercise in post-Soviet history, involving 160,000 soldiers, 1,000 tanks, 130 aircraft, and 70 vessels.", "initiated", "", "2013-07"},
	{"2014-04", "There have been important joint exercises over the past 18 months, such as Joint Sea 2013 and Peace Mission 2013.", "exercises", "", "2013"},
	{"2014-04", "Its forces have been engaged in exercises where the Chinese have been effectively excluded, namely, RIMPAC 2012.", "engaged", "", "2012"},
	{"2014-04", "Rosoboronexport has suggested that the agreement could be concluded some time in 2014, although it is unclear whether this will happen.", "concluded", "", "2014"},
	{"2014-04", "Xi and Putin have met frequently and cordially, most recently in the margins of the Sochi Olympics, and there are several more meetings planned over the next few months – at the G-20, BRICS, and APEC summits, as well as Putin’s official visit to China in May.", "visit", "", "2014-05"},
	{"2014-04", "Xi and Putin have met frequently and cordially, most recently in the margins of the Sochi Olympics, and there are several more meetings planned over the next few months – at the G-20, BRICS, and APEC summits, as well as Putin’s official visit to China in May.", "met", "", ""},
	{"2014-04", "China now comprises about 10 percent (USD 87 billion in 2012) of Russia’s total overseas trade.", "comprises", "", ""},
	{"2014-04", "This 25-year agreement envisages doubling the volume of Russian oil exports to China, reaching 31 million tonnes a year by 2018.", "envisages", "", ""},
	{"2014-04", "Since Xi Jinping succeeded Hu Jintao at the 18th Party Congress, the tempo of relations has picked up.", "succeeded", "", ""},
	{"2014-04", "implement the 30 USD billion worth of agreements signed with Yanukovych during his December 2013 visit to Beijing.", "signed", "", "2013-12"},
	{"2014-04", "finalization of the Su-35 and Lada-class submarine arms sales sometime in 2014-15;", "finalization", "", "2014"},
	{"2014-04", "Iraq (8 percent, following a 50 percent increase last year);", "increase", "", "2013"},
	{"2014-04", "If fully implemented, it will increase Russia’s share of Chinese oil imports (9 percent in 2013).", "increase", "", ""},
	// Seed 002, published 2011-10-17: "last week" is ref − 7 days, at day precision.
	{"2011-10-17", "China-Russia relations took another step forward during Prime Minister Vladimir Putin's visit to Beijing last week.", "visit", "", "2011-10-10"},
	{"2011-10-17", "That was hardly a certainty when the Russian delegation arrived in China for the two-day visit.", "arrived", "", ""},
	// Seed 000, published 2012-06 (gold: said → 2012-02).
	{"2012-06", "In an article in the Russian daily newspaper Moskovskiye Novosti, dated February 2012, Putin said China was not to be taken as a threat but a challenge.", "said", "", "2012-02"},
	{"2012-06", "The Russian President, Vladimir Putin visited Beijing for the first time since his reelection in June 2012.", "visited", "", ""},
	{"2012-06", "Since Putin’s election as President of Russia in 2000, bilateral relations between China-Russia have improved immeasurably.", "improved", "", ""},
	{"2012-06", "A US $3.5 billion two way trade and infrastructure agreement was signed although the countries had hoped to sign deals worth US $5 billion.", "signed", "", ""},
	{"2012-06", "Putin said last week that ties were strong.", "said", "", "2012-06"},
	// Year inference for dates without a year.
	{"2012-06-07", "Putin will visit Tokyo on December 3.", "visit", "", "2011-12-03"},
	{"2012-06-07", "The two leaders will meet on September 1.", "meet", "", "2012-09-01"},
	{"2013-01-10", "Officials signed the accord on December 28.", "signed", "", "2012-12-28"},
	{"2017-05-10", "The deal was announced on Jan 3.", "announced", "", "2017-01-03"},
	{"2014-04", "Talks were held in September.", "held", "", "2013-09"},
	{"", "The talks were held on June 5.", "held", "", ""},
	{"", "The talks were held in May 2011.", "held", "", "2011-05"},
	// Explicit dates in other shapes.
	{"2012-06-07", "The ministers met in Moscow on 5 June 2012.", "met", "", "2012-06-05"},
	{"2017-05-10", "Leaders met on May 14–15, 2017 in Beijing.", "met", "", "2017-05-14"},
	{"2012-06-07", "The talks were held 2012-06-05 in Beijing.", "held", "", "2012-06-05"},
	{"2017-05-10", "The deal was announced on Sept. 3, 2015.", "announced", "", "2015-09-03"},
	{"2017-05-10", "Xi met Putin on the 14th of May in Beijing.", "met", "", "2017-05-14"},
	{"2011-10-17", "Putin arrived in Beijing on October 11, 2011, for a two-day visit.", "arrived", "", "2011-10-11"},
	{"2012-06-07", "Officials said on Wednesday, June 6, that talks had ended.", "said", "", "2012-06-06"},
	{"2012-06-07", "The SCO summit in Beijing was held June 6-7.", "held", "", "2012-06-06"},
	{"2012-06-07", "The summit ran from June 6 to June 7.", "ran", "", "2012-06-06"},
	// Weekdays and deictic expressions (2012-06-07 is a Thursday, 2011-10-17 a Monday).
	{"2012-06-07", "Lavrov met Yang Jiechi on Monday in Beijing.", "met", "", "2012-06-04"},
	{"2012-06-07", "Lavrov met Yang Jiechi on Thursday.", "met", "", "2012-06-07"},
	{"2012-06-07", "The talks ended last Thursday.", "ended", "", "2012-05-31"},
	{"2012-06", "Lavrov met Yang on Monday.", "met", "", ""},
	{"2011-10-17", "Putin arrived in Beijing on Tuesday last week.", "arrived", "", "2011-10-11"},
	{"2012-06-07", "Hu said yesterday that ties were strong.", "said", "", "2012-06-06"},
	{"2012-06-07", "China protested today against the sanctions.", "protested", "", "2012-06-07"},
	{"2012-06-07", "Russia signed the gas deal last month.", "signed", "", "2012-05"},
	{"2012-01-15", "Russia signed the gas deal last month.", "signed", "", "2011-12"},
	{"2012-06-07", "The summit will be held next month.", "held", "", "2012-07"},
	{"2012-06-07", "Trade grew sharply last year.", "grew", "", "2011"},
	{"2012-06-07", "The envoys will meet again next year.", "meet", "", "2013"},
	{"2012-06-07", "Moscow and Beijing held drills this month.", "held", "", "2012-06"},
	{"2012-06-07", "Two years ago, the sides signed a border deal.", "signed", "", "2010"},
	{"2012-06-07", "Beijing hosted the talks three days ago.", "hosted", "", "2012-06-04"},
	{"2012-06-07", "Trade has grown over the last year.", "grown", "", ""},
	// Fuzzy qualifiers.
	{"2014-04", "The exercise took place in late 2013.", "took", "", "2013"},
	{"2014-04", "Rosneft agreed in mid-2013 to double supplies.", "agreed", "", "2013"},
	{"2017-05-10", "Putin visited China in the summer of 2016.", "visited", "", "2016"},
	{"2017-05-10", "Putin visited China in the first half of 2016.", "visited", "", "2016"},
	{"2014-04", "The pipeline deal is expected to be signed by the end of 2014.", "signed", "", ""},
	// Limits, starting points and amounts date something else.
	{"2014-04", "The sides aim to lift trade to 200 billion dollars by 2020.", "aim", "", ""},
	{"2012-06-07", "Russia will chair the group from January.", "chair", "", ""},
	{"2017-05-10", "Trade fell 30 percent in 2015 from a year earlier.", "fell", "", ""},
	{"2014-04", "Gazprom and CNPC have negotiated since 2004 and signed a deal in May.", "signed", "", "2014-05"},
	{"2014-04", "Gazprom and CNPC have negotiated since 2004 and signed a deal in May.", "negotiated", "", ""},
	{"2014-04", "Relations have warmed since the 1990s.", "warmed", "", ""},
	// Nearest in the clause, after the trigger first.
	{"2014-04", "The treaty was signed in 2001 and renewed in 2011.", "renewed", "", "2011"},
	{"2014-04", "The treaty was signed in 2001 and renewed in 2011.", "signed", "", "2001"},
	{"2014-04", "The deal, signed in 2001, was renewed in 2011.", "renewed", "", "2011"},
	{"2014-04", "Xi visited Moscow in March 2013; Putin came to Beijing in May.", "came", "", "2014-05"},
	{"2014-04", "Xi visited Moscow in March 2013; Putin came to Beijing in May.", "visited", "", "2013-03"},
	{"2012-06-07", "The pact expires in 2015, officials said, and talks began in April.", "began", "", "2012-04"},
	{"2012-06-07", "The leaders, meeting in Beijing on June 5, signed 17 documents.", "signed", "", "2012-06-05"},
	{"2012-06-07", "Putin, who turned 59 in October, met Hu in Beijing.", "met", "", ""},
	{"2012-06-07", "Putin, 59, met Hu in Beijing on June 5.", "met", "", "2012-06-05"},
	// A count of days from another date of the sentence (2015-11-25 is a Wednesday).
	{"2015-08-28", "Maduro shut the main crossings on August 19 after three soldiers were wounded, and two days later declared a state of emergency.", "declared", "", "2015-08-21"},
	{"2015-08-28", "Maduro shut the main crossings on August 19 after three soldiers were wounded, and two days later declared a state of emergency.", "shut", "", "2015-08-19"},
	{"2015-11-25", "Russia will station missiles in Syria, Shoigu said on Wednesday, a day after Turkish F-16 fighters shot down a Russian bomber.", "shot", "", "2015-11-24"},
	{"2015-11-25", "Russia will station missiles in Syria, Shoigu said on Wednesday, a day after Turkish F-16 fighters shot down a Russian bomber.", "said", "", "2015-11-25"},
	{"2011-10-19", "Kenyan troops pushed deeper into Somalia on Wednesday, three days after crossing the border.", "crossing", "", "2011-10-16"},
	{"2011-10-19", "Kenyan troops pushed deeper into Somalia on Wednesday, three days after crossing the border.", "pushed", "", "2011-10-19"},
	{"2014-05-17", "The talks ended on May 2, and two weeks later the sides signed a deal.", "signed", "", "2014-05-16"},
	{"2014-04", "The talks ended in May 2013, and two weeks later the sides signed a deal.", "signed", "", ""},
	{"2016-01-04", "The attack came hours after Riyadh executed the cleric on Saturday.", "executed", "", "2016-01-02"},
	// A clause opened by ", when" has the date it follows.
	{"2022-10-30", "Relations have deteriorated steadily since May, when Kinshasa suspended RwandAir flights and summoned Karega.", "summoned", "", "2022-05"},
	{"2022-10-30", "Relations have deteriorated steadily since May, when Kinshasa suspended RwandAir flights and summoned Karega.", "deteriorated", "", ""},
	{"2008-08-13", "The fighting erupted last Thursday night, when Georgian troops launched an offensive.", "launched", "", "2008-08-07"},
	{"2014-04", "Ties soured in 2008, when Russia sent troops into Georgia.", "sent", "", "2008"},
	{"2014-04", "Ties soured after the war, when Russia sent troops into Georgia.", "sent", "", ""},
	// Names and numbers that are not dates.
	{"2012-06-07", "Peace Mission 2012 will begin on June 8 in Tajikistan.", "begin", "", "2012-06-08"},
	{"2014-04", "Russia and China held the Vostok-2014 drills.", "held", "", "2014"},
	{"2014-04", "The G-20 summit was held in St Petersburg.", "held", "", ""},
	{"2014-04", "The meeting lasted until 2:30 in the afternoon.", "lasted", "", ""},
	{"2014-04", "Moscow deployed 2000 soldiers to the border.", "deployed", "", ""},
	{"2014-04", "Russia sold arms worth $2013 million to China.", "sold", "", ""},
	{"2017-05-10", "The 18th Party Congress elected Xi.", "elected", "", ""},
	{"2017-05-10", "He said Beijing may sign the deal.", "sign", "", ""},
	{"2017-05-10", "May saw a rise in trade.", "rise", "", ""},
	{"2012-06-07", "Around 2,000 troops took part in the drills.", "took", "", ""},
}

func TestEventDate(t *testing.T) {
	if len(eventCases) < 60 {
		t.Fatalf("only %d cases", len(eventCases))
	}
	for _, c := range eventCases {
		ref := mustISO(t, c.ref)
		toks := nlp.Tokenize(c.sentence)
		got, ok := EventDate(c.sentence, toks, tokenAt(toks, triggerOffset(t, c)), ref)
		if ok != (c.want != "") || got.String() != c.want {
			t.Errorf("EventDate(%q at %q, ref %s) = %q, %v; want %q", c.sentence, c.trigger, c.ref, got, ok, c.want)
		}
	}
}

// parsedEventCases need the sentence's parse.
var parsedEventCases = []eventCase{
	// A clause on a party dates that party, not the event.
	{"2014-12-17", "Washington freed three Cuban intelligence officers convicted of espionage in Miami in 2001.", "freed", "", ""},
	{"2014-12-17", "Washington freed three Cuban intelligence officers convicted of espionage in Miami in 2001.", "convicted", "", "2001"},
	{"2022-03-10", "Sanctions imposed by the United States on Russia in 2014 remain in force.", "imposed", "", "2014"},
	{"2014-05-17", "In a video released on May 5, Shekau threatened to sell the girls.", "threatened", "", "2014-05-05"},
	{"2021-01-15", "The United States broke off diplomatic relations with Cuba in January 1961.", "broke", "", "1961-01"},
	// A clause opened by "since" dates its own verb, not the main one (2015-07-20 is a Monday).
	{"2015-07-20", "The United States and Cuba formally restored diplomatic relations on Monday, reopening embassies in each other's capitals for the first time since Washington broke off ties with Havana in January 1961.", "broke", "", "1961-01"},
	{"2015-07-20", "The United States and Cuba formally restored diplomatic relations on Monday, reopening embassies in each other's capitals for the first time since Washington broke off ties with Havana in January 1961.", "restored", "", "2015-07-20"},
	{"2015-07-20", "The United States and Cuba formally restored diplomatic relations on Monday, reopening embassies in each other's capitals for the first time since Washington broke off ties with Havana in January 1961.", "reopening", "", "2015-07-20"},
	{"2015-07-20", "Relations have been frozen since Washington broke off ties in 1961.", "frozen", "", ""},
	// ", and" in a list of nouns does not end the clause (2018-11-27 is a Tuesday).
	{"2018-11-27", "Russian border guards seized two Ukrainian navy gunboats, the Berdyansk and the Nikopol, and the tug Yany Kapu on Sunday as they tried to sail to the Sea of Azov.", "seized", "", "2018-11-25"},
	{"2018-11-27", "Russian border guards seized two gunboats on Sunday, and Kiev protested.", "protested", "", ""},
	// A year that modifies a noun dates that noun, not the verb.
	{"2020-05-04", "Russia and Belarus held joint exercises under a 1997 friendship treaty.", "held", "", ""},
	{"2020-05-04", "Moscow accused Washington of violating the 1987 arms treaty.", "accused", "", ""},
	{"2014-04-01", "They signed the agreements with Yanukovych during his December 2013 visit to Beijing.", "signed", "", "2013-12"},
	{"2011-10-19", "On Monday its spokesman, Sheikh Ali Mohamud Rage, threatened to strike inside Kenya.", "threatened", "", "2011-10-17"},
	// A clause on a noun of a phrase of the event dates that noun.
	{"2021-11-10", "The EU accuses Lukashenko of luring migrants, in retaliation for sanctions imposed after his disputed re-election last year.", "accuses", "", ""},
	// A second clause of "that" dates itself (2019-06-08 is a Saturday).
	{"2019-06-08", "Trump announced late on Friday on Twitter that a signed agreement had been reached and that the duties, due to take effect on Monday, were \"hereby indefinitely suspended.\"", "agreement", "", "2019-06-07"},
	// A clause the event reports dates what is reported (2012-04-12 is a Thursday).
	{"2012-04-12", "Kiir told parliament that Ban Ki-moon had telephoned him on Wednesday and ordered him to pull out.", "told", "", ""},
	{"2012-04-12", "Kiir told parliament that Ban Ki-moon had telephoned him on Wednesday and ordered him to pull out.", "telephoned", "", "2012-04-11"},
	{"2012-04-12", "Kiir told parliament on Thursday that Ban Ki-moon had telephoned him.", "told", "", "2012-04-12"},
}

func TestEventDateParsed(t *testing.T) {
	for _, c := range parsedEventCases {
		ref := mustISO(t, c.ref)
		toks := parse(t, c.sentence)
		got, ok := EventDate(c.sentence, toks, tokenAt(toks, triggerOffset(t, c)), ref)
		if ok != (c.want != "") || got.String() != c.want {
			t.Errorf("EventDate(%q at %q, ref %s) = %q, %v; want %q", c.sentence, c.trigger, c.ref, got, ok, c.want)
		}
	}
}

func BenchmarkEventDate(b *testing.B) {
	c := eventCases[0]
	toks := nlp.Tokenize(c.sentence)
	trig := tokenAt(toks, triggerOffset(b, c))
	ref := mustISO(b, c.ref)
	for b.Loop() {
		EventDate(c.sentence, toks, trig, ref)
	}
}
