package report

import "testing"

// A year-ago change after the month's change says "also" only when both
// go the same way (a blind review: "down from 4.968% in August 2008. It
// is also up 0.220 percentage points on September 2007").
func TestYearAgoAlsoOnlyTheSameWay(t *testing.T) {
	md := plainMD(file(t, weekly(t, "../../testdata/truth/also", "2008-W42"), "brief.md"))
	contains(t, "2008-W42", md, "NL's interbank rate, 3 months stood at 4.961% in September 2008, down from 4.968% in August 2008. Year on year, it is up 0.220 percentage points on September 2007 (4.741%).")
	lacks(t, "2008-W42", md, "also up")
	md = plainMD(file(t, weekly(t, "../../testdata/truth/also", "2008-W37"), "brief.md"))
	contains(t, "2008-W37", md, "up 0.428 percentage points on August 2007 (4.540%).")
}

// A line chart's end label in Russian and Kazakh keeps the indicator's
// decimals, as the English chart and the text beside it do (a blind
// review: the 1-week Euribor's −0.071% drawn as «0 %», 13.4% and 12.7%
// as «13 %» and «13 %»: the history's rows had no decimals of their own).
func TestLineChartLabelsKeepTheirDecimals(t *testing.T) {
	for lang, want := range map[string]string{"en": ">4.961%<", "ru": ">4,961\u00a0%<", "kk": ">4,961%<"} {
		out := langOut(t, "../../testdata/truth/also", "weekly", "2008-W42", "", lang, nil, "")
		svg := string(file(t, out, "chart-rate_3m-line.svg"))
		contains(t, lang+" chart", svg, want)
	}
}

// A key message keeps its figure's status, as the body does: an
// estimate is said to be one (a blind review: "was the highest of the
// four in 2023, at 4.1%" where the body says "4.1% (estimate)").
func TestKeyMessagesKeepTheEstimate(t *testing.T) {
	md := plainMD(file(t, weekly(t, "../../testdata/mapping/eurostat-sdmx", "2023-W52"), "brief.md"))
	contains(t, "key messages", md,
		"Borduria's inflation, GDP deflator was the highest of the four in 2023, at 4.1% (estimate), up from 2.9% in 2022.",
		"Ruritania's inflation, GDP deflator rose to 3.4% (estimate) in 2023 from 2.1% in 2022.")
}
