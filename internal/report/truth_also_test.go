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
