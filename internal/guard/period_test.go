package guard

import "testing"

// A period names no day: "on" before it compares ("down 3% on 2023"),
// "on" before a day dates ("fell 3% on 12 May 2026").
func TestIsPeriod(t *testing.T) {
	for d, want := range map[string]bool{
		"2023": true, "May 2026": true, "Q1 2025": true, "H2 2024": true, "December 1979": true, "2025-02": false, "2024/25": false,
		"12 May 2026": false, "May 12, 2026": false, "2025-02-03": false, "Sunday 22 March 2020": false, "Sunday": false,
		"3 February": false, "week 6 2025": false,
	} {
		if got := isPeriod(d); got != want {
			t.Errorf("isPeriod(%q) = %v, want %v", d, got, want)
		}
	}
}
