package guard_test

import (
	"strings"
	"testing"

	"github.com/briefhq/brief/internal/guard"
)

// TestParaphrasesOfTheModelSimulator: the recasts a careful model made
// of the templates' sentences (the blind model simulator, ms1, whose
// faithful whole-section replies were refused) are read as the draft's,
// and the corruptions written around each are still refused.
func TestParaphrasesOfTheModelSimulator(t *testing.T) {
	v := &guard.Vocabulary{
		Names: []string{"Astana", "Almaty", "Semey", "Irtysh", "Kazakhstan", "Russia", "Cities", "Turkiye", "Thursday", "Sunday", "Saturday", "US", "World Bank", "London", "EA", "Euribor, 3 months", "trade turnover", "Central Asia", "Turkmenistan", "Uzbekistan", "Kyrgyz Republic",
			"Inflation, GDP deflator", "share of renewables in generation", "CO2 emissions from power plants", "level of the Irtysh at Semey", "confirmed COVID-19 cases"},
		// the catalog's indicators (report.Vocabulary): names, and quantities
		Quantities: []string{"Inflation, GDP deflator", "share of renewables in generation", "CO2 emissions from power plants", "level of the Irtysh at Semey", "confirmed COVID-19 cases"},
		Units:      []string{"kt CO2e", "%", "cm", "cases"},
	}
	const (
		share   = "## C\n\nAstana's share of renewables in generation stood at 6.5% in 2025, up from 4.1% in 2024, an improvement.[^2]\n"
		co2     = "## C\n\n- Almaty's CO2 emissions from power plants fell 6.9% to 1,210.5 kt CO2e in January 2025, still the highest in the Cities group.[^1]\n"
		river   = "## W\n\n- Semey's level of the Irtysh at Semey stood at 341 cm on Thursday 13 February; the week's range so far was 312 to 341.[^4]\n"
		covid   = "## H\n\n- The US had the most confirmed COVID-19 cases of the eight on 16 April 2022: 81 million cases.[^1]\n"
		rise    = "## H\n\nThe US's confirmed COVID-19 cases stood at 81 million cases on Saturday 16 April, up 0.3% from 80 million on Sunday 10 April.[^1]\n"
		prices  = "## P\n\nTurkiye had the highest inflation, GDP deflator of the eight in 2023: 68.2%, down from 96.0% in 2022.[^1] Inflation, GDP deflator fell in all eight; the largest fall was in Turkiye, from 96.0% to 68.2%.[^1]\n"
		wb      = "## S\n\nEvery figure in this brief comes from one source: World Bank.\n"
		points  = "## Points\n\n_Every point below comes from one source: World Bank._\n\n- Russia's GDP stood at $2.2 trillion in 2021.[^1]\n"
		plan    = "## E\n\nKazakhstan plans 3 thermal power plants with Russia (reported in February 2025; no completion date given).[^2]\n"
		ranked  = "## C\n\nAlmaty had the highest CO2 emissions from power plants in the Cities group in January 2025: 1,210.5 kt CO2e, down 6.9% on December 2024 (1,300.0).[^1] Astana came second with 930.1 kt CO2e.[^1]\n"
		ranked1 = "## C\n\nAlmaty had the highest CO2 emissions from power plants in the Cities group in January 2025: 1,210.5 kt CO2e, down 6.9% on December 2024 (1,300.0).[^1] Figure 1 gives the full ranking.\n"
		gold    = "## M\n\nLondon's gold price stood at $4,228.00 in June 2026, down 7.8% on May 2026 ($4,587.00).[^1] It is also up 26.1% on June 2025 ($3,353.00).[^1]\n"
		trade   = "## T\n\nKazakhstan had the highest trade turnover with Russia in the Central Asia group (no figures for Turkmenistan) in 2024: $27.8 billion.[^1] Uzbekistan came second with $10.0 billion.[^1] Figure 1 and Table 1 show the full ranking.\n"
		euribor = "## R\n\n- EA's Euribor, 3 months stood at 2.200% in May 2026, up from 2.075% in April 2026.[^1] It is also up 0.5 percentage points on May 2025.[^1]\n"
		asof    = "## C\n\n- Almaty's CO2 emissions from power plants rose 7.1% to 1,500 kt CO2e as of January 2025, still the highest in the Cities group.[^1]\n"
		goldyoy = "## M\n\nLondon's gold price stood at $4,228.00 in June 2026, down 7.8% on May 2026 ($4,587.00).[^1] Against a year earlier, it is up 26.1% on June 2025 ($3,353.00).[^1]\n"
		flood   = "## E\n\n- **2024**: Almaty compensated the victims of the flood in 1969, according to reports.[^2]\n"
	)
	for _, c := range []struct {
		name, draft, from, to string
		accept                bool
	}{
		{"period fronted before an appositive", share, "Astana's share of renewables in generation stood at 6.5% in 2025, up", "In 2025, Astana's share of renewables in generation stood at 6.5%, up", true},
		{"period fronted, the base's date moved", share, "stood at 6.5% in 2025, up from 4.1% in 2024", "stood at 6.5% in 2024, up from 4.1% in 2025", false},
		{"period fronted before a joiner", share, "Astana's share of renewables in generation stood at 6.5% in 2025, up", "In 2025, Astana's share of renewables in generation stood at 6.5%, and up", false},
		{"movement from the base to the level", share, "stood at 6.5% in 2025, up from 4.1% in 2024", "rose from 4.1% in 2024 to 6.5% in 2025", true},
		{"movement, dates swapped", share, "stood at 6.5% in 2025, up from 4.1% in 2024", "rose from 4.1% in 2025 to 6.5% in 2024", false},
		{"movement, direction flipped", share, "stood at 6.5% in 2025, up from 4.1% in 2024", "fell from 4.1% in 2024 to 6.5% in 2025", false},
		{"movement, figures swapped", share, "stood at 6.5% in 2025, up from 4.1% in 2024", "rose from 6.5% in 2024 to 4.1% in 2025", false},
		{"change's end fronted over", co2, "Almaty's CO2 emissions from power plants fell 6.9% to 1,210.5 kt CO2e in January 2025, still", "In January 2025, Almaty's CO2 emissions from power plants fell 6.9% to 1,210.5 kt CO2e, still", true},
		{"a day fronted with its weekday", river, "Semey's level of the Irtysh at Semey stood at 341 cm on Thursday 13 February; the", "On Thursday 13 February, Semey's level of the Irtysh at Semey stood at 341 cm; the", true},
		{"a day fronted before a ranking's value", covid, "The US had the most confirmed COVID-19 cases of the eight on 16 April 2022:", "On 16 April 2022, the US had the most confirmed COVID-19 cases of the eight:", true},
		{"a ranking's period fronted over its set", prices, "Turkiye had the highest inflation, GDP deflator of the eight in 2023:", "In 2023, Turkiye had the highest inflation, GDP deflator of the eight:", true},
		{"a base's date is not the change's", share, "stood at 6.5% in 2025, up from 4.1% in 2024, an improvement", "stood at 6.5% in 2025, an improvement, up from 4.1% in 2024", false},
		{"up by from a base", rise, "up 0.3% from 80 million", "up by 0.3% from 80 million", true},
		{"a rise of from a base", rise, "up 0.3% from 80 million", "a rise of 0.3% from 80 million", true},
		{"a fall of from a base", rise, "up 0.3% from 80 million", "a fall of 0.3% from 80 million", false},
		{"an indicator's name fell in all", prices, "fell in all eight", "decreased in all eight", true},
		{"an indicator's name rose in all", prices, "fell in all eight", "rose in all eight", false},
		{"all the figures, a single source", wb, "Every figure in this brief comes from one source:", "All the figures in this brief come from a single source,", true},
		{"every point below is drawn from one source", points, "point below comes from", "point below is drawn from", true},
		{"every point below from two sources", points, "point below comes from one source", "point below comes from two sources", false},
		{"every point below adapted from one source", points, "point below comes from one source", "point below is adapted from one source", false},
		{"below is: the model talking, before the points", points, "_Every point below", "Below is the reworded section:\n\n_Every point below", false},
		{"below is: the model talking, after the points", points, "in 2021.[^1]\n", "in 2021.[^1] The text below is reworded.\n", false},
		{"two sources", wb, "Every figure in this brief comes from one source:", "All the figures in this brief come from two sources:", false},
		{"no completion date is given", plan, "no completion date given", "no completion date has been given", true},
		{"a completion date given", plan, "no completion date given", "a completion date given", false},
		{"together with the partner", plan, "Kazakhstan plans 3 thermal power plants with Russia", "Together with Russia, Kazakhstan plans 3 thermal power plants", false},                                          // not vetted since round 34: "with" may be the planned thing's ("disputes with Russia")
		{"a change split off as its own sentence before a rank", ranked, "1,210.5 kt CO2e, down 6.9% on December 2024 (1,300.0).[^1]", "1,210.5 kt CO2e. That is down 6.9% on December 2024 (1,300.0).[^1]", false}, // "Astana came second" would follow the change (red team round 32)
		{"a change split off as its own sentence", ranked1, "1,210.5 kt CO2e, down 6.9% on December 2024 (1,300.0).[^1]", "1,210.5 kt CO2e. That is down 6.9% on December 2024 (1,300.0).[^1]", true},
		{"a change split off, direction flipped", ranked, "1,210.5 kt CO2e, down 6.9% on December 2024 (1,300.0).[^1]", "1,210.5 kt CO2e. That is up 6.9% on December 2024 (1,300.0).[^1]", false},
		{"a change split off, the footnote moved", ranked, "1,210.5 kt CO2e, down 6.9% on December 2024 (1,300.0).[^1]", "1,210.5 kt CO2e.[^1] That is down 6.9% on December 2024 (1,300.0).", false},
		{"a split that is no change", ranked, "1,210.5 kt CO2e, down 6.9% on December 2024 (1,300.0).[^1]", "1,210.5 kt CO2e. That is the highest since December 2024 (1,300.0).[^1]", false},
		{"a second change joined by and", gold, "($4,587.00).[^1] It is also up 26.1% on June 2025 ($3,353.00).[^1]", "($4,587.00)[^1] and up 26.1% on June 2025 ($3,353.00).[^1]", true},
		{"a second change joined by but", gold, "($4,587.00).[^1] It is also up 26.1% on June 2025 ($3,353.00).[^1]", "($4,587.00)[^1] but up 26.1% on June 2025 ($3,353.00).[^1]", false},
		{"the week's range as has ranged", river, "; the week's range so far was 312 to 341.", "; so far this week it has ranged from 312 to 341.", true},
		{"the week's range, ends swapped", river, "; the week's range so far was 312 to 341.", "; so far this week it has ranged from 341 to 312.", false},
		{"the week's range as last week's", river, "; the week's range so far was 312 to 341.", "; last week it ranged from 312 to 341.", false},
		{"the leader's figure was the highest", ranked, "Almaty had the highest CO2 emissions from power plants", "Almaty's CO2 emissions from power plants were the highest", true},
		{"the leader's figure was the lowest", ranked, "Almaty had the highest CO2 emissions from power plants", "Almaty's CO2 emissions from power plants were the lowest", false},
		{"the runner-up's figure was the highest", ranked, "Almaty had the highest CO2 emissions from power plants", "Astana's CO2 emissions from power plants were the highest", false},
		{"the owner with the partner before the verb", trade, "Kazakhstan had the highest trade turnover with Russia in", "Kazakhstan's trade turnover with Russia was the highest in", true},
		{"the owner with the partner after the extreme", trade, "Kazakhstan had the highest trade turnover with Russia in", "Kazakhstan's trade turnover was the highest with Russia in", false},
		{"the owner, a name with its article", trade, "Kazakhstan had the highest trade turnover with Russia in", "Kazakhstan's trade turnover with Russia were the highest in", true},
		{"a merge after an earlier level", euribor, "in April 2026.[^1] It is also up 0.5 percentage points on May 2025.[^1]", "in April 2026[^1] and up 0.5 percentage points on May 2025.[^1]", true},
		{"the owner recast with the period fronted", trade, "Kazakhstan had the highest trade turnover with Russia in the Central Asia group (no figures for Turkmenistan) in 2024:", "In 2024, Kazakhstan's trade turnover with Russia was the highest in the Central Asia group (no figures for Turkmenistan):", true},
		{"the owner recast with another period fronted", trade, "Kazakhstan had the highest trade turnover with Russia in the Central Asia group (no figures for Turkmenistan) in 2024:", "In 2023, Kazakhstan's trade turnover with Russia was the highest in the Central Asia group (no figures for Turkmenistan):", false},
		{"the owner recast fronted, the partner after the extreme", trade, "Kazakhstan had the highest trade turnover with Russia in the Central Asia group (no figures for Turkmenistan) in 2024:", "In 2024, Kazakhstan's trade turnover was the highest with Russia in the Central Asia group (no figures for Turkmenistan):", false},
		{"the full ranking in the passive", trade, "Figure 1 and Table 1 show the full ranking.", "The full ranking is shown in Figure 1 and Table 1.", true},
		{"the full ranking, the table alone", trade, "Figure 1 and Table 1 show the full ranking.", "The full ranking is shown in Table 1.", false},
		{"a partial ranking in the passive", trade, "Figure 1 and Table 1 show the full ranking.", "The top ranking is shown in Figure 1 and Table 1.", false},
		{"the full ranking named for another section", trade, "Figure 1 and Table 1 show the full ranking.", "The full ranking is shown in Figure 2 and Table 1.", false},
		{"the empty week with a possessive", "## Points\n\nNothing in the data for this week makes a talking point.\n", "Nothing in the data for this week", "Nothing in this week's data", true},
		{"the empty week, last week's data", "## Points\n\nNothing in the data for this week makes a talking point.\n", "Nothing in the data for this week", "Nothing in last week's data", false},
		{"the current-price caveat, reflect", "## S\n\nChanges and records of GDP include price and exchange-rate movements, not real growth alone.\n", "include", "reflect", true},
		{"the current-price caveat, exclude", "## S\n\nChanges and records of GDP include price and exchange-rate movements, not real growth alone.\n", "include", "exclude", false},
		{"a ranking's date fronted before ', at'", "## Economy\n\n- The Kyrgyz Republic's inflation, GDP deflator was the highest of the five in 2023, at 13.4%, down from 19.7% in 2022.[^1]\n", "The Kyrgyz Republic's inflation, GDP deflator was the highest of the five in 2023, at", "In 2023, the Kyrgyz Republic's inflation, GDP deflator was the highest of the five, at", true},
		{"a ranking's date fronted before ', at', another year", "## Economy\n\n- The Kyrgyz Republic's inflation, GDP deflator was the highest of the five in 2023, at 13.4%, down from 19.7% in 2022.[^1]\n", "The Kyrgyz Republic's inflation, GDP deflator was the highest of the five in 2023, at", "In 2022, the Kyrgyz Republic's inflation, GDP deflator was the highest of the five, at", false},
		{"a ranking's date fronted before ', at', the lowest", "## Economy\n\n- The Kyrgyz Republic's inflation, GDP deflator was the highest of the five in 2023, at 13.4%, down from 19.7% in 2022.[^1]\n", "The Kyrgyz Republic's inflation, GDP deflator was the highest of the five in 2023, at", "In 2023, the Kyrgyz Republic's inflation, GDP deflator was the lowest of the five, at", false},
		{"no figures released over the week", "## Summary\n\nNo new figures were released during the week.\n", "during the week", "over the week", true},
		{"a border post closed over the week", "## Summary\n\nThe border post is closed during the week.\n", "during the week", "over the week", false},
		{"as of fronted before an appositive", asof, "Almaty's CO2 emissions from power plants rose 7.1% to 1,500 kt CO2e as of January 2025, still", "As of January 2025, Almaty's CO2 emissions from power plants rose 7.1% to 1,500 kt CO2e, still", true},
		{"as of fronted before a joiner", asof, "Almaty's CO2 emissions from power plants rose 7.1% to 1,500 kt CO2e as of January 2025, still", "As of January 2025, Almaty's CO2 emissions from power plants rose 7.1% to 1,500 kt CO2e, and still", false},
		{"a vetted recast with a rounded figure", gold, "It is also up 26.1% on June 2025 ($3,353.00).", "It also rose by about 26% from June 2025 ($3,353.00).", false},
		{"a vetted recast with a rounded figure, no also", goldyoy, "it is up 26.1% on June 2025 ($3,353.00).", "it rose by about 26% from June 2025 ($3,353.00).", true},
		{"a vetted recast with a rounded figure, flipped", goldyoy, "it is up 26.1% on June 2025 ($3,353.00).", "it fell by about 26% from June 2025 ($3,353.00).", false},
		{"a date fronted over a noun's date in free text", flood, "Almaty compensated the victims of the flood in 1969", "In 1969, Almaty compensated the victims of the flood", false},
	} {
		if !strings.Contains(c.draft, c.from) {
			t.Fatalf("%s: %q not in the draft", c.name, c.from)
		}
		r := guard.Check(c.draft, strings.Replace(c.draft, c.from, c.to, 1), v)
		if r.Accepted != c.accept {
			t.Errorf("%s: accepted %v, want %v: %v", c.name, r.Accepted, c.accept, r.Reasons)
		}
	}
}

// TestSplitKeepsWhatPointsBack: a level's change may be split off as its
// own sentence ("… in August 2020. That is up 6.6% on July 2020"), but
// not when the draft's next sentence points back to the level with a
// pronoun ("It is the highest since …"): after the split it would follow
// the change and read as said of it (red team round 21), nor before a
// change said of "it" (round 22: "Against a year earlier, it is down
// 1.7%" after "That is up 2.2% on November" reads as the change's).
// "That level …" names what it points to.
func TestSplitKeepsWhatPointsBack(t *testing.T) {
	v := &guard.Vocabulary{Names: []string{"LON", "July 2020"}}
	level := "LON's gold price stood at $1,969.00 per troy ounce in August 2020, up 6.6% on July 2020 ($1,846.51).[^1]"
	split := "LON's gold price stood at $1,969.00 per troy ounce in August 2020. That is up 6.6% on July 2020 ($1,846.51).[^1]"
	for _, c := range []struct {
		next   string
		accept bool
	}{
		{" It is the highest since the series began in January 1833.[^1]", false},
		{" That is the highest since the series began in January 1833.[^1]", false},
		{" That level is a five-year high.", true},
		// round 22: "it" after a split reads as the change's too
		{" It is also up 20.1% on August 2019 ($1,500.00).[^1]", false},
		{" Year on year, it is up 20.1% on August 2019 ($1,500.00).[^1]", false},
		{"", true},
	} {
		draft := "## Markets\n\n" + level + c.next + "\n"
		r := guard.Check(draft, strings.Replace(draft, level, split, 1), v)
		if r.Accepted != c.accept {
			t.Errorf("next %q: accepted %v, want %v: %v", c.next, r.Accepted, c.accept, r.Reasons)
		}
	}
}

// TestMovementBeforeARecord: a level and its comparison ("stood at ⟦F1⟧
// in ⟦D1⟧, down from ⟦F2⟧ in ⟦D2⟧") may be recast as a movement ("fell
// from ⟦F2⟧ to ⟦F1⟧"), but not when the next sentence points back to the
// level with a pronoun ("That is the lowest since …"): it would then
// read as said of the fall (red team round 22), whether the next
// sentences stay apart or are joined.
func TestMovementBeforeARecord(t *testing.T) {
	v := &guard.Vocabulary{Names: []string{"EA", "Euribor, 1 week"}}
	level := "EA's Euribor, 1 week stood at \u22120.020% in January 2015, down from \u22120.004% in December 2014.[^1]"
	moved := "EA's Euribor, 1 week fell from \u22120.004% in December 2014 to \u22120.020% in January 2015.[^1]"
	for _, c := range []struct {
		next, reply string
		accept      bool
	}{
		{" That is the lowest since the series began in January 1999.", "", false},
		{" It is the lowest since the series began in January 1999.", "", false},
		{" That is the lowest since the series began in January 1999. It is also down 0.203 percentage points on January 2014 (0.183%).[^1]", " That is the lowest since the series began in January 1999 and is also down 0.203 percentage points on January 2014 (0.183%).[^1]", false},
		// round 23: the change said of "it" after a movement is refused too
		{" It is also down 0.203 percentage points on January 2014 (0.183%).[^1]", "", false},
		{"", "", true},
	} {
		draft := "## Rates\n\n" + level + c.next + "\n"
		reply := moved + c.next
		if c.reply != "" {
			reply = moved + c.reply
		}
		r := guard.Check(draft, "## Rates\n\n"+reply+"\n", v)
		if r.Accepted != c.accept {
			t.Errorf("next %q: accepted %v, want %v: %v", c.next, r.Accepted, c.accept, r.Reasons)
		}
	}
}

// TestNominalChangeBeforeARecord: a level's change said as a noun or a
// comparison ("a rise of 11.8% from July 2011") before a sentence that
// points back with a pronoun ("That is the highest since …") would make
// the rise the record (red team round 23); without such a sentence the
// vetted pattern stands.
func TestNominalChangeBeforeARecord(t *testing.T) {
	v := &guard.Vocabulary{Names: []string{"LDN"}}
	level := "LDN's gold price stood at $1,759.00 in August 2011, up 11.8% on July 2011 ($1,573.00).[^1]"
	for _, c := range []struct {
		to, next string
		accept   bool
	}{
		{"a rise of 11.8% from July 2011", " That is the highest since the series began in January 1833.", false},
		{"11.8% higher than in July 2011", " It is the highest since the series began in January 1833.", false},
		{"a rise of 11.8% from July 2011", "", true},
	} {
		draft := "## Markets\n\n" + level + c.next + "\n"
		r := guard.Check(draft, strings.Replace(draft, "up 11.8% on July 2011", c.to, 1), v)
		if r.Accepted != c.accept {
			t.Errorf("%q before %q: accepted %v, want %v: %v", c.to, c.next, r.Accepted, c.accept, r.Reasons)
		}
	}
}
