package report

import (
	"fmt"
	"testing"
)

// The summary of a brief of running totals says what the week did: how
// many members' totals rose and the largest rise (blind review: the COVID
// brief's summary listed without saying what happened). The increases
// are recomputed from the CSV: the total on the week's Sunday less the
// week before's.
func TestSummarySaysTheWeeksMovement(t *testing.T) {
	const dir = "../../testdata/truth/weekmove"
	out := weekly(t, dir, "2021-W11")
	md := plainMD(file(t, out, "brief.md"))
	at := map[string]map[string]float64{}
	for _, r := range readObs(t, dir) {
		if at[r.entity] == nil {
			at[r.entity] = map[string]float64{}
		}
		at[r.entity][r.period] = r.value
	}
	names := map[string]string{"AA": "Aland", "BB": "Borduria", "CC": "Carpania"}
	words := []string{"none", "one", "two", "three"}
	rose, top, best := 0, "", 0.0
	for e, vs := range at {
		inc := vs["2021-03-21"] - vs["2021-03-14"]
		if inc > 0 {
			rose++
		}
		if inc > best {
			top, best = e, inc
		}
	}
	summary := section(t, md, "Summary")
	contains(t, "the summary", summary,
		fmt.Sprintf("Over the week, confirmed cases rose in %s of the three covered", words[rose]),
		fmt.Sprintf("the largest rise, %s, came in %s.", commas(best), names[top]))
	// (checkBrief's number rule takes the "Sunday 14 March" of a week
	// without a new figure for a figure; the summary's 6,300 is cited.)
}
