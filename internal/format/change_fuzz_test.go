package format

import (
	"math"
	"strings"
	"testing"
)

// TestChangeNearTheLargestFloat is the red team's U2: Change(1e308,
// -1e308, ...) panicked with "index out of range [4] with length 4" (the
// difference overflowed to +Inf and reached the decimal conversion).
func TestChangeNearTheLargestFloat(t *testing.T) {
	tests := []struct {
		cur, prev float64
		unit      string
		want      string
	}{
		{1e308, -1e308, "USD", "up more than $179,769,313,486,231,570,000,000"},
		{-1e308, 1e308, "USD", "down more than $179,769,313,486,231,570,000,000"},
		{math.MaxFloat64, -math.MaxFloat64, "%", "up more than 179,769,313,486,231,570,000,000"},
		{-math.MaxFloat64, math.MaxFloat64, "count", "down more than 179,769,313,486,231,570,000,000"},
	}
	for _, tc := range tests {
		got := Change(tc.cur, tc.prev, tc.unit, 1, "x")
		if !strings.HasPrefix(got, tc.want) || !strings.HasSuffix(got, " on x") {
			t.Errorf("Change(%g, %g, %q) = %q, want %s...", tc.cur, tc.prev, tc.unit, got, tc.want)
		}
		if got := ChangeLabel(tc.cur, tc.prev, tc.unit, "", 1, 1, "x"); !strings.Contains(got, "more than ") {
			t.Errorf("ChangeLabel(%g, %g, %q) = %q", tc.cur, tc.prev, tc.unit, got)
		}
	}
}

// FuzzChange: Change, ChangeRounded and ChangeLabel never panic, for any
// two numbers (±1e308, subnormals, NaN, ±Inf), unit and decimals, and a
// finite change reads "up", "down", "unchanged" or "little changed".
func FuzzChange(f *testing.F) {
	for _, v := range [][2]float64{
		{1e308, -1e308}, {-1e308, 1e308}, {math.MaxFloat64, -math.MaxFloat64}, {5e-324, -5e-324},
		{104.2, 100}, {4.2e9, 0}, {1250, 100}, {1.889, 1.904}, {math.Inf(1), 1}, {1, math.Inf(-1)},
		{math.NaN(), 1}, {0, 0}, {-1e18, 1e18}, {1e-308, 1e308},
	} {
		for _, u := range []string{"USD", "%", "count", "GWh", "kt_carbon"} {
			f.Add(v[0], v[1], u, 1)
			f.Add(v[0], v[1], u, -1)
		}
	}
	f.Fuzz(func(t *testing.T, cur, prev float64, unit string, d int) {
		d = fuzzDecimals(d)
		for _, s := range []string{
			Change(cur, prev, unit, d, "x"),
			ChangeRounded(cur, prev, unit, d, 0, "x"),
			ChangeLabel(cur, prev, unit, "", d, 1, "x"),
		} {
			if math.IsNaN(cur) || math.IsNaN(prev) || math.IsInf(cur, 0) || math.IsInf(prev, 0) {
				continue
			}
			ok := false
			for _, p := range []string{"up ", "down ", "unchanged", "little changed"} {
				ok = ok || strings.HasPrefix(s, p)
			}
			if !ok || strings.Contains(s, "NaN") || strings.Contains(s, "Inf") {
				t.Fatalf("Change(%v, %v, %q, %d) = %q", cur, prev, unit, d, s)
			}
		}
	})
}
