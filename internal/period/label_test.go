package period_test

import (
	"testing"

	"github.com/briefhq/brief/internal/locale"
	"github.com/briefhq/brief/internal/period"
)

// TestEnglishLabels: with the locale linked (as in every program that
// writes a brief), a period's Label is the English locale's label form,
// the words of internal/locale/data/en.yaml, not of Go.
func TestEnglishLabels(t *testing.T) {
	_ = locale.English() // links the locale, whose init registers the labeler
	for in, want := range map[string]string{
		"2024": "2024", "2024-Q3": "Q3 2024", "2024-11": "November 2024", "2025-W05": "week 5 of 2025",
		"2020-W53": "week 53 of 2020", "2025-01-15": "15 January 2025", "2024-02-29": "29 February 2024",
	} {
		if got := period.MustParse(in).Label(); got != want {
			t.Errorf("%s: Label %q, want %q", in, got, want)
		}
	}
}
