package report

import (
	"strings"
	"testing"
)

// Findings of a blind audit on real data, each as a small invented
// dataset under testdata/truth: the sentence a reader would be misled by
// must not be printed.

// A deeper deflation is no improvement, an easing one no deterioration;
// a deficit that deepens is still a deterioration.
func TestNoVerdictOnChangesBelowZeroOfABadRate(t *testing.T) {
	out := weekly(t, "../../testdata/truth/deflation", "2021-W09")
	md := string(file(t, out, "brief.md"))
	for _, line := range strings.Split(md, "\n") {
		if strings.Contains(line, "Inflation") || strings.Contains(line, "inflation") || strings.Contains(line, "deflation") {
			if strings.Contains(line, "improvement") || strings.Contains(line, "deterioration") {
				t.Errorf("a change below zero of a bad rate is judged: %s", line)
			}
		}
	}
	if !strings.Contains(md, "a deterioration") {
		t.Errorf("the deepening deficit is not judged a deterioration:\n%s", md)
	}
	checkBrief(t, out)
}

// The press points lead with what the brief leads with: the leader of a
// ranking whose runners-up have large changes of their own is not
// crowded out by them (Zimbabwe's 921.5% in the World Bank file).
func TestPointsKeepTheRankingLeader(t *testing.T) {
	for _, audience := range []string{"press", "internal"} {
		md := pointsOf(t, "../../testdata/truth/leader", "2024-W08", audience)
		// The leader, said with its own change when it has one.
		if !strings.Contains(md, "AA had the highest inflation") && !strings.Contains(md, "AA's inflation was the highest of the four in 2023, at 921.5%, up from 267.0% in 2022.") {
			t.Errorf("%s points drop the leader:\n%s", audience, md)
		}
	}
}

// "an eight-year high", never "a eight-year high"; one case of a noun
// the catalog gives only in the plural is "1 confirmed case".
func TestArticleAndSingular(t *testing.T) {
	md := string(file(t, weekly(t, "../../testdata/truth/eight", "2024-W09"), "brief.md"))
	if !strings.Contains(md, "an eight-year high") || strings.Contains(md, "a eight") {
		t.Errorf("the eight-year high:\n%s", md)
	}
	if strings.Contains(md, "1 confirmed cases") {
		t.Errorf("a plural after 1:\n%s", md)
	}
}

// A share of a population falls 3.5 percentage points, not "10.5%"; a
// price index is not ranked across countries and is not "235.0 index".
func TestPercentOfABaseAndIndices(t *testing.T) {
	md := string(file(t, weekly(t, "../../testdata/truth/units", "2024-W08"), "brief.md"))
	for _, want := range []string{"down from 33.3% in 2022", "down 3.5 percentage points"} {
		if !strings.Contains(md, want) {
			t.Errorf("brief lacks %q:\n%s", want, md)
		}
	}
	for _, shun := range []string{"down 10.5%", "highest consumer price index", "came second with 235", "235.0 index", "% of population"} {
		if strings.Contains(md, shun) {
			t.Errorf("brief says %q:\n%s", shun, md)
		}
	}
}

// A series that ended years ago is not at a record in this week's brief.
func TestNoRecordForAnOverdueSeries(t *testing.T) {
	md := string(file(t, weekly(t, "../../testdata/truth/stale", "2024-W12"), "brief.md"))
	for _, line := range strings.Split(md, "\n") {
		if strings.Contains(line, "AA") && (strings.Contains(line, "high") || strings.Contains(line, "since the series began")) {
			t.Errorf("an overdue series at a record: %s", line)
		}
	}
	// Said at all, it is said as context, not as this week's news.
	if km := keyMessages(t, md); strings.Contains(km, "AA") && !strings.Contains(md, "for context") {
		t.Errorf("an overdue figure among the key messages, not labelled as context:\n%s", md)
	}
	if !strings.Contains(md, "since the series began in 2019") && !strings.Contains(md, "five-year high") {
		t.Errorf("BB's current record is lost:\n%s", md)
	}
}

// A week's sum that falls to zero: "down from 238 the previous week",
// never "down to zero on the previous week's 238".
func TestWeekSumFallsToZero(t *testing.T) {
	md := string(file(t, weekly(t, "../../testdata/truth/weekzero", "2020-W20"), "brief.md"))
	if strings.Contains(md, "down to zero on") || !strings.Contains(md, "down from 238") {
		t.Errorf("a week's fall to zero:\n%s", md)
	}
}

// "still the highest" only for a leader that led the period before too
// (blind editor, round 5: the Kyrgyz Republic's inflation was "still the
// highest" though Kazakhstan's 19.8% led its 19.7% in 2022).
func TestStillTheHighestOnlyIfItLedBefore(t *testing.T) {
	md := string(file(t, weekly(t, "../../testdata/truth/still", "2024-W08"), "brief.md"))
	pts := pointsOf(t, "../../testdata/truth/still", "2024-W08", "press")
	for _, text := range []string{md, pts} {
		for _, line := range strings.Split(text, "\n") {
			if strings.Contains(line, "inflation") && strings.Contains(line, "still the highest") {
				t.Errorf("AA did not lead in 2022: %s", line)
			}
		}
	}
	if !strings.Contains(md+pts, "GDP fell 11.0% to $2.0 trillion in 2023, still the highest") {
		t.Errorf("AA's GDP led in both years and may be 'still the highest':\n%s\n%s", md, pts)
	}
}

// A record low below zero is no "record low for inflation" (blind audit:
// Norway's -10.6% is its deepest deflation); one above zero is.
func TestRecordLowBelowZeroIsNotALowForTheRate(t *testing.T) {
	md := string(file(t, weekly(t, "../../testdata/truth/recordlow", "2024-W08"), "brief.md"))
	for _, line := range strings.Split(md, "\n") {
		if strings.Contains(line, "record low") && strings.Contains(line, "BB") {
			t.Errorf("a deflation called a record low for inflation: %s", line)
		}
	}
	if !strings.Contains(md, "CC is at a record low for inflation") {
		t.Errorf("CC's record low is lost:\n%s", md)
	}
}
