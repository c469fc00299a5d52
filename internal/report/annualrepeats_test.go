package report

import "testing"

// Annual figures repeated in each month (gold prices before 1960) are
// known once their year is over: a brief of March 1900 gives 1899's
// figure, never 1900's annual average, and says on stderr and in
// brief.json which rows it left out and why.
func TestAnnualRepeatsKnownAtYearEnd(t *testing.T) {
	t.Run("tidy", func(t *testing.T) {
		out := weekly(t, "../../testdata/unfinished/annual-repeats", "1900-W11")
		md := plainMD(file(t, out, "brief.md"))
		contains(t, "1900-W11", md, "The gold price stood at $18.94 per troy ounce in December 1899 (the data give one figure for the whole of 1899, repeated each month).")
		lacks(t, "1900-W11", md, "18.96", "1900 (the data")
		warnedOnce(t, out, "../../testdata/unfinished/annual-repeats/observations.csv:26: 3 rows of January 1900, February 1900, March 1900 (Gold price) left out: "+
			"they repeat the one figure the data give for the whole of 1900 (an annual figure repeated each month), known once 1900 is over, not on 18 March 1900 (the brief's as-of day); if it was published earlier, give that day in a released column (YYYY-MM-DD)")
		// The year over, its figure is known, in its last month.
		md = plainMD(file(t, weekly(t, "../../testdata/unfinished/annual-repeats", "1901-W01"), "brief.md"))
		contains(t, "1901-W01", md, "The gold price stood at $18.96 per troy ounce in December 1900 (the data give one figure for the whole of 1900, repeated each month).")
	})
	t.Run("real gold", func(t *testing.T) {
		needShared(t, "gold/monthly.csv")
		out := weekly(t, "../../testdata/mapping/gold", "1900-W11")
		contains(t, "gold 1900-W11", plainMD(file(t, out, "brief.md")), "The gold price stood at $18.94 per troy ounce in December 1899 (the data give one figure for the whole of 1899, repeated each month).")
		warnedOnce(t, out, "../../../shared/data/gold/monthly.csv:806: 3 rows of January 1900, February 1900, March 1900 (Gold price) left out: "+
			"they repeat the one figure the data give for the whole of 1900 (an annual figure repeated each month), known once 1900 is over, not on 18 March 1900 (the brief's as-of day); if it was published earlier, give that day in a released column (YYYY-MM-DD)")
	})
}
