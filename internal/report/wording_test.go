package report

import (
	"bytes"
	"testing"
)

// TestWordingVariesByWeekOnly pins the deterministic variation: the same
// week always reads the same, byte for byte (vary is seeded by the week,
// the section and the place in it, never by the clock or a random
// source).
func TestWordingVariesByWeekOnly(t *testing.T) {
	for _, week := range []string{"2025-W06", "2025-W07"} {
		t.Run(week, func(t *testing.T) {
			a := file(t, weekly(t, "../../data", week), "brief.md")
			b := file(t, weekly(t, "../../data", week), "brief.md")
			if !bytes.Equal(a, b) {
				t.Fatalf("two runs of %s differ", week)
			}
		})
	}
}
