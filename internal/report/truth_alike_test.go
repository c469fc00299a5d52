package report

import (
	"strings"
	"testing"
)

// TestRateAlikeIsLittleChanged: a rate whose earlier figure prints as
// the latest does (Euribor 3 months, 0.210% in April and 0.207% in May
// 2013, two declared decimals) is little changed, never "stood at 0.21%
// …, down from 0.21% in April 2013" (red team round 23 saw it in
// passing); a rate that moved still says where it came from.
func TestRateAlikeIsLittleChanged(t *testing.T) {
	needShared(t, "euribor/euribor-3m-monthly.csv")
	const data = "../../testdata/guard/redteam/data-r23eg" // Euribor with decimals: 2
	md := plainMD(file(t, weekly(t, data, "2013-W18"), "brief.md"))
	if strings.Contains(md, "down from 0.21% in April 2013") {
		t.Errorf("a fall from 0.21%% to 0.21%%:\n%s", md)
	}
	contains(t, "the brief", md, "3 months stood at 0.21% as of May 2013, little changed on April 2013 (0.21%)")
	md = plainMD(file(t, weekly(t, data, "2008-W41"), "brief.md"))
	contains(t, "the brief", md, "3 months stood at 5.29% as of October 2008, up from 4.96% in September 2008")
}

// TestLeaderYearAgoNamesItsOwner: in a ranking whose runner-up has a
// sentence of its own, the leader's year-ago change names whose it is:
// "it" after "3m came second …" would be 3m's (red team round 27:
// 4.055% − 1.851% = 2.204 points is 12m's change, not 3m's).
func TestLeaderYearAgoNamesItsOwner(t *testing.T) {
	needShared(t, "euribor/euribor-3m-monthly.csv")
	md := plainMD(file(t, weekly(t, "../../testdata/guard/redteam/data-r27euribor", "2023-W40"), "brief.md"))
	contains(t, "the brief", md, "3m came second with 3.770%, up from 3.723% in August 2023. Year on year, 12m's figure is up 2.204 percentage points on September 2022 (1.851%).")
	lacks(t, "the brief", md, "2023. Year on year, it is up 2.204")
}
