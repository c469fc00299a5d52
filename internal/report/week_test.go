package report

import (
	"os"
	"strings"
	"testing"
)

// TestDailySeriesReadAsTheirWeek: a daily price is told by its close
// against last week's close, named by their days, with the week's range;
// never by Friday against Thursday ("little changed on 13 August"). A
// flow is told by the week's sum, a running total by its increase, and
// the table says which.
func TestDailySeriesReadAsTheirWeek(t *testing.T) {
	out := weekly(t, "../../testdata/week-daily", "2026-W33")
	md := string(file(t, out, "brief.md"))
	for _, want := range []string{
		"London's gold price closed the week at $2,412.30 per troy ounce on Friday 14 August, up 1.2% from $2,383.10 on Friday 7 August; the week's range was $2,375.00 to $2,420.50.[^",
		"Astana's museum visitors totalled 12,750 over the week (7 daily figures), up 6.7% on the previous week's 11,950.[^",
		"Astana's vaccine doses given to date rose by 4,900 over the week to 108,820 on Sunday 16 August.[^",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("brief lacks %q", want)
		}
	}
	for _, bad := range []string{"on 13 August", "little changed", "released"} {
		if strings.Contains(md, bad) {
			t.Errorf("brief says %q:\n%s", bad, md)
		}
	}
	checkBrief(t, out)
}

// TestCovidWeekOnRealFiles: the cumulative case counts of ../shared/data
// read as the week's increase, against the week before, each checked
// against the file (US: 143,544 on 29 March, 349,016 on 5 April, 567,022
// on 12 April 2020; France: 48,225 on 5 April and 108,792 on 12 April,
// with a fall from 50,884 to 47,395 on 7 April, a revision).
func TestCovidWeekOnRealFiles(t *testing.T) {
	if _, err := os.Stat("../../../shared/data/covid/key-countries-pivoted.csv"); err != nil {
		t.Skip("../shared/data is not beside the repository")
	}
	out := weekly(t, "../../testdata/mapping/covid", "2020-W15")
	md := string(file(t, out, "brief.md"))
	for _, want := range []string{
		"The US's confirmed COVID-19 cases rose by 218,006 over the week to 567,022 on Sunday 12 April, against a rise of 205,472 the week before.",
		"| Entity | Value (cases) | Change in the week |",
		"| France | 108,792 | up a net 60,567 cases, including a downward revision |",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("brief lacks %q:\n%s", want, md)
		}
	}
	if strings.Contains(md, "released") {
		t.Error("a release claim on data without release dates")
	}
	checkBrief(t, out)
}
