package report

import (
	"strings"
	"testing"
)

// Tests of the sixth editorial review (issue 13): each asserts what a
// reader sees.

// nbsp is the brief's text with its no-break spaces as plain ones.
func nbsp(b []byte) string { return strings.ReplaceAll(plainMD(b), "\u00a0", " ") }

// box is the key-messages box of a brief in any language: its first
// block quote.
func box(t *testing.T, md string) string {
	t.Helper()
	i := strings.Index(md, "\n> **")
	if i < 0 {
		t.Fatalf("no key messages in\n%s", md)
	}
	var out []string
	for _, l := range strings.Split(md[i+1:], "\n") {
		if !strings.HasPrefix(l, ">") {
			break
		}
		out = append(out, l)
	}
	return strings.Join(out, "\n")
}

// TestNominalChangesAreNoPointsNorKeyMessages (round 6, item 1): a
// change of money at current prices, read out alone, is heard as growth
// ("Kazakhstan's economy grew 16%"): no key message and no press point
// says one, in any language; the leader of such a ranking may still be
// one by its level; the body and the table keep the change.
func TestNominalChangesAreNoPointsNorKeyMessages(t *testing.T) {
	dir := nominalSample(t) // trade turnover at current prices: Kazakhstan $25.0 bn in 2023, $27.8 bn in 2024 (+11.2%)
	md := plainMD(file(t, weekly(t, dir, "2025-W06"), "brief.md"))
	contains(t, "key messages", keyMessages(t, md), "- **Trade:** Kazakhstan led the Central Asia group in trade turnover with Russia in 2024, with $27.8 billion")
	lacks(t, "key messages", keyMessages(t, md), "11.2%", "rose")
	contains(t, "body", section(t, md, "Trade"), "11.2%")
	press := plainMD([]byte(pointsOf(t, dir, "2025-W06", "press")))
	contains(t, "press points", press, "- Kazakhstan had the highest trade turnover with Russia in the Central Asia group in 2024: about $28 billion.\n")
	lacks(t, "press points", press, "11.2%", "11%")
	for _, lang := range []string{"ru", "kk"} {
		b := nbsp(file(t, weeklyIn(t, dir, lang), "brief.md"))
		lacks(t, lang+" key messages", box(t, b), "11,2")
		contains(t, lang+" body", b, "11,2")
		lacks(t, lang+" press points", nbsp(file(t, pointsIn(t, dir, lang, "press"), "points.md")), "11,2")
	}

	// Real data: the World Bank's GDP in current dollars.
	needShared(t, "gdp/gdp.csv")
	for _, d := range []struct{ data, leader, box string }{
		{"central-asia", "- The Russian Federation had the highest GDP in current dollars of the six in 2023: about $2 trillion.\n", ""},
		{"worldbank", "- The United States had the highest GDP in current dollars in 2023: about $27 trillion.\n",
			"- Argentina's GDP-deflator inflation rose to 135.4% in 2023 from 69.9% in 2022."},
	} {
		data := "../../testdata/mapping/" + d.data
		md := plainMD(file(t, weekly(t, data, "2023-W52"), "brief.md"))
		km := keyMessages(t, md)
		lacks(t, d.data+" key messages", km, "GDP in current dollars rose", "GDP in current dollars fell", "up 15.9%", "fell 10.8%", "rose 6.3%")
		contains(t, d.data+" key messages", km, d.box)
		contains(t, d.data+" body", md, "on 2022")
		for _, lang := range []string{"en", "ru", "kk"} {
			var pts string
			if lang == "en" {
				pts = plainMD([]byte(pointsOf(t, data, "2023-W52", "press")))
				contains(t, d.data+" press points", pts, d.leader)
			} else {
				pts = nbsp(file(t, pointsIn(t, data, lang, "press"), "points.md"))
			}
			// Every GDP point is a level: no percent after a dollar figure.
			for _, line := range strings.Split(pts, "\n") {
				if strings.HasPrefix(line, "- ") && strings.Contains(strings.ToLower(line), "gross domestic product") || strings.Contains(line, "GDP in current") {
					if strings.Contains(line, "%") {
						t.Errorf("%s %s: a press point says a change of GDP in current dollars: %s", d.data, lang, line)
					}
				}
			}
		}
	}
}

// TestRankSaidWithItsYear (round 6, item 2): the top of a ranking of
// rates that moved says the rank with its own year, before the earlier
// figure, never "… from 19.7% in 2022, the highest of the six", which a
// listener hears as the earlier year's rank.
func TestRankSaidWithItsYear(t *testing.T) {
	needShared(t, "gdp/gdp.csv")
	data := "../../testdata/mapping/central-asia"
	press := plainMD([]byte(pointsOf(t, data, "2023-W52", "press")))
	contains(t, "press points", press, "- The Kyrgyz Republic's GDP-deflator inflation was the highest of the six in 2023, at 13.4%, down from 19.7% in 2022.\n")
	wb := plainMD(file(t, weekly(t, "../../testdata/mapping/worldbank", "2023-W52"), "brief.md"))
	contains(t, "key messages", keyMessages(t, wb), "- Zimbabwe's GDP-deflator inflation was still the highest in 2023, at 921.5%, up from 267.0% in 2022.")
	for lang, want := range map[string]string{
		"ru": "- Inflation, GDP deflator, 2023 г.: наибольшее значение — Kyrgyz Republic, 13,4 %.",
		"kk": "- 2023 жылы «Inflation, GDP deflator» көрсеткіші бойынша ең жоғары мән — Kyrgyz Republic: 13,4%.",
	} {
		pts := nbsp(file(t, pointsIn(t, data, lang, "press"), "points.md"))
		contains(t, lang+" press points", pts, want)
		lacks(t, lang+" press points", pts, "19,7")
	}
	for _, md := range []string{press, wb} {
		for _, line := range strings.Split(md, "\n") {
			if i, j := strings.Index(line, " in 2022"), strings.Index(line, "highest"); i >= 0 && j > i {
				t.Errorf("a rank said after the earlier year: %s", line)
			}
		}
	}
}
