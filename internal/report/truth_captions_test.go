package report

import (
	"regexp"
	"strings"
	"testing"
)

var (
	captionRE = regexp.MustCompile(`(?m)^\*(Figure|Table) \d+\. (.*)\*`)
	altRE     = regexp.MustCompile(`(?m)^!\[(.*)\]\(`)
)

// distinctCaptions fails for two figures (or two tables) of one brief
// whose captions, or images' texts, read alike.
func distinctCaptions(t *testing.T, what, md string) {
	t.Helper()
	for _, re := range []*regexp.Regexp{captionRE, altRE} {
		seen := map[string]bool{}
		for _, m := range re.FindAllStringSubmatch(md, -1) {
			c := footnote.ReplaceAllString(strings.Join(m[1:], " "), "") // a figure and the table of one ranking may share words
			if seen[c] {
				t.Errorf("%s: two captions read %q:\n%s", what, c, md)
			}
			seen[c] = true
		}
	}
}

// A line chart split in two (the largest lines dwarf the others) names
// the lines of each in its caption: "Output, Inland, 2018 to 2023" twice
// told a reader nothing (blind review on a per-group World Bank brief).
func TestSplitChartsHaveTheirOwnCaptions(t *testing.T) {
	md := string(file(t, weekly(t, "../../testdata/truth/dwarfed", "2024-W12"), "brief.md"))
	contains(t, "the captions", md,
		"*Figure 2. Output, Inland, 2018 to 2023: Aland and Borduria.*",
		"*Figure 3. Output, Inland, 2018 to 2023: Carpania and Dorland.*",
		"![Output, Inland (Carpania, Dorland), 2018 to 2023]")
	distinctCaptions(t, "dwarfed", md)
}

// No two captions alike on the real files either.
func TestRealBriefsHaveDistinctCaptions(t *testing.T) {
	onRealBriefs(t, []realBrief{
		{"../../testdata/mapping/worldbank", "2015-W30", "gdp/gdp.csv"},
		{"../../testdata/mapping/worldbank", "2024-W10", "gdp/gdp.csv"},
		{"../../testdata/mapping/central-asia", "2023-W52", "gdp/gdp.csv"},
		{"../../testdata/mapping/covid", "2022-W15", "covid/key-countries-pivoted.csv"},
	}, distinctCaptions)
}

// realBrief is a mapping of the real files (../shared), a week and the
// file it needs.
type realBrief struct{ data, week, shared string }

// onRealBriefs runs check on the English brief of each, skipped without
// ../shared.
func onRealBriefs(t *testing.T, briefs []realBrief, check func(t *testing.T, week, md string)) {
	for _, c := range briefs {
		t.Run(strings.TrimPrefix(c.data, "../../testdata/mapping/")+"-"+c.week, func(t *testing.T) {
			needShared(t, c.shared)
			check(t, c.week, string(file(t, weekly(t, c.data, c.week), "brief.md")))
		})
	}
}
