package report

import (
	"strings"
	"testing"
)

// TestWordingVariesByWeekOnly pins the deterministic variation: the same
// week always reads the same, other weeks may read otherwise, and both
// forms of a ranking state the same figures.
func TestWordingVariesByWeekOnly(t *testing.T) {
	tests := []struct{ week, want string }{
		{"2025-W06", "Kazakhstan posted the highest trade turnover with Russia in the Central Asia group in 2024: $27.8 billion, 64.7% of the total.[^1] Next came Uzbekistan ($10.0 billion), Kyrgyzstan ($3.2 billion) and Tajikistan ($2.0 billion).[^1]"},
		{"2025-W07", "Kazakhstan recorded the highest trade turnover with Russia in the Central Asia group in 2024: $27.8 billion, 64.7% of the total.[^1] Uzbekistan, Kyrgyzstan and Tajikistan followed with $10.0 billion, $3.2 billion and $2.0 billion respectively.[^1]"},
	}
	for _, tc := range tests {
		t.Run(tc.week, func(t *testing.T) {
			for i := 0; i < 2; i++ {
				md := string(file(t, weekly(t, "../../data", tc.week), "brief.md"))
				if !strings.Contains(md, tc.want) {
					t.Fatalf("brief of %s lacks\n%s", tc.week, tc.want)
				}
			}
		})
	}
}
