package report

import (
	"strings"
	"testing"

	"github.com/briefhq/brief/internal/audit"
)

// TestRunningTotalsLeadByTheWeeksIncrease (third review, P1): the
// summary leads with the largest increase of the week, even when it
// cannot be compared with the week before (the week before included a
// revision): Germany's 1,009,309 cases in 2022-W14, not France's 950,319.
func TestRunningTotalsLeadByTheWeeksIncrease(t *testing.T) {
	needShared(t, "covid/key-countries-pivoted.csv")
	md := plainMD(file(t, weekly(t, "../../testdata/mapping/covid", "2022-W14"), "brief.md"))
	summary := keyMessages(t, md)
	first := strings.Index(summary, "\n- ")
	if first < 0 || !strings.HasPrefix(summary[first:], "\n- Germany's confirmed COVID-19 cases rose by 1.01 million") {
		t.Errorf("the key messages do not lead with Germany's increase:\n%s", summary)
	}
}

// TestRepeatedTotalIsNotNew (third review, P2): "What changed" does not
// call a running total new when the data only repeat it (Spain holds
// 11,627,487 cases from 10 to 16 April 2022); the brief's own table says
// it had no new figure.
func TestRepeatedTotalIsNotNew(t *testing.T) {
	needShared(t, "covid/key-countries-pivoted.csv")
	first := weekly(t, "../../testdata/mapping/covid", "2022-W14")
	prev, err := audit.Previous(file(t, first, "brief.json"))
	if err != nil {
		t.Fatal(err)
	}
	md := plainMD(file(t, weeklyWith(t, "../../testdata/mapping/covid", "2022-W15", prev), "brief.md"))
	if strings.Contains(md, "New:** Spain") || strings.Contains(md, "New: Spain") {
		t.Errorf("Spain's repeated total is listed as new:\n%s", md[:min(len(md), 1500)])
	}
	if !strings.Contains(md, "no new figure") {
		t.Errorf("the brief no longer says Spain had no new figure")
	}
}

// TestSmallRevisionIsReadable (fourth review, N1): a fall of a running
// total too small for the scale is written in full, so the sentence shows
// the fall it names (not "from 21.36 million cases to 21.36 million").
func TestSmallRevisionIsReadable(t *testing.T) {
	needShared(t, "covid/key-countries-pivoted.csv")
	md := plainMD(file(t, weekly(t, "../../testdata/mapping/covid", "2022-W13"), "brief.md"))
	if !strings.Contains(md, "the running total fell from 21,357,095 to 21,357,039") {
		t.Errorf("the revision's figures are not in full:\n%s", md[:min(len(md), 2000)])
	}
}

// TestRankingOfUnnamedSetSaysItsScope (fourth review, N2): without a
// named group, a ranking says what it is of, in the brief and the press
// points: "the highest GDP of the six", never a bare "the
// highest" that reads as of the world, nor the dataset's "among the 6 in
// the data" (editorial review, round 2).
func TestRankingOfUnnamedSetSaysItsScope(t *testing.T) {
	needShared(t, "gdp/gdp.csv")
	md := plainMD(file(t, weekly(t, "../../testdata/mapping/central-asia", "2015-W53"), "brief.md"))
	if !strings.Contains(md, "The Russian Federation had the highest GDP in current dollars of the six in 2015") || strings.Contains(md, "in the data") {
		t.Errorf("brief:\n%s", md[:min(len(md), 2000)])
	}
	pts := plainMD([]byte(pointsOf(t, "../../testdata/mapping/central-asia", "2015-W53", "press")))
	// The leader of money at current prices says its level, not its
	// change, which a listener hears as growth (editor, round 6).
	if !strings.Contains(pts, "The Russian Federation had the highest GDP in current dollars of the six in 2015: about $1.4 trillion.") || strings.Contains(pts, "in the data") {
		t.Errorf("points:\n%s", pts)
	}
}
