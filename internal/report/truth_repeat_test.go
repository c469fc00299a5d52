package report

import (
	"regexp"
	"strings"
	"testing"
)

var sentenceEndRE = regexp.MustCompile(`([.!?])\s+`)

// repeatedSentences fails for a sentence printed twice, word for word, in
// one section of md (captions, tables and images aside).
func repeatedSentences(t *testing.T, what, md string) {
	t.Helper()
	for _, sec := range strings.Split(plainMD([]byte(md)), "\n## ") {
		name, _, _ := strings.Cut(sec, "\n")
		seen := map[string]bool{}
		for _, line := range strings.Split(sec, "\n") {
			if strings.HasPrefix(line, "|") || strings.HasPrefix(line, "![") || strings.HasPrefix(line, "*Figure") || strings.HasPrefix(line, "*Table") {
				continue
			}
			line = strings.TrimLeft(line, "->* ")
			for _, s := range strings.Split(sentenceEndRE.ReplaceAllString(line, "$1\n"), "\n") {
				if s = strings.TrimSpace(s); len(s) < 20 {
					continue
				}
				if seen[s] {
					t.Errorf("%s, section %q: %q said twice", what, name, s)
				}
				seen[s] = true
			}
		}
	}
}

// Two rankings whose leaders are both at a four-year high: each record
// names its indicator, and no sentence is said twice in the section
// (blind review: "That level is a three-year high." twice in one section
// of a 14-country World Bank brief).
func TestNoSentenceTwiceInASection(t *testing.T) {
	md := string(file(t, weekly(t, "../../testdata/truth/repeat", "2024-W12"), "brief.md"))
	contains(t, "the records", plainMD([]byte(md)), "That level of output is a four-year high.", "That level of price growth is a four-year high.")
	repeatedSentences(t, "repeat", md)
}

// The same on the real files.
func TestRealBriefsSayNoSentenceTwice(t *testing.T) {
	onRealBriefs(t, []realBrief{
		{"../../testdata/mapping/worldbank", "1995-W10", "gdp/gdp.csv"},
		{"../../testdata/mapping/worldbank", "2015-W30", "gdp/gdp.csv"},
		{"../../testdata/mapping/central-asia", "2023-W52", "gdp/gdp.csv"},
		{"../../testdata/mapping/covid", "2021-W30", "covid/key-countries-pivoted.csv"},
		{"../../testdata/mapping/euribor", "2008-W41", "euribor/euribor-3m-monthly.csv"},
	}, repeatedSentences)
}
