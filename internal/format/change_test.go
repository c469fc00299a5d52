package format

import (
	"math"
	"testing"
)

func TestChangeOf(t *testing.T) {
	tests := []struct {
		name      string
		cur, prev float64
		want      Delta
	}{
		{"rise", 110, 100, Delta{Abs: 10, Pct: 10, HasPct: true, Dir: 1}},
		{"fall", 75, 100, Delta{Abs: -25, Pct: -25, HasPct: true, Dir: -1}},
		{"unchanged", 100, 100, Delta{HasPct: true}},
		{"float noise is unchanged", 0.1 + 0.2, 0.3, Delta{HasPct: true}},
		{"from zero", 5, 0, Delta{Abs: 5, Dir: 1}},
		{"negative base", -1, -2, Delta{Abs: 1, Dir: 1}},
		{"to negative", -1, 2, Delta{Abs: -3, Dir: -1}},
		{"to zero", 0, 4, Delta{Abs: -4, Pct: -100, HasPct: true, Dir: -1}},
		{"both zero", 0, 0, Delta{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := ChangeOf(tt.cur, tt.prev); got != tt.want {
				t.Errorf("ChangeOf(%v, %v) = %+v, want %+v", tt.cur, tt.prev, got, tt.want)
			}
		})
	}
	if d := ChangeOf(math.NaN(), 1); d.Dir != 0 || d.HasPct || !math.IsNaN(d.Abs) {
		t.Errorf("ChangeOf(NaN, 1) = %+v, want NaN, no direction", d)
	}
}

func TestChange(t *testing.T) {
	tests := []struct {
		name      string
		cur, prev float64
		unit      string
		decimals  int
		against   string
		want      string
	}{
		{"up percent", 104.2, 100, "USD", 1, "a year earlier", "up 4.2% on a year earlier"},
		{"down percent", 95.8, 100, "USD", 1, "the previous week", "down 4.2% on the previous week"},
		{"unchanged", 100, 100, "USD", 1, "a year earlier", "unchanged on a year earlier"},
		{"little changed", 100.001, 100, "USD", 1, "a year earlier", "little changed on a year earlier"},
		{"no against", 104.2, 100, "USD", 1, "", "up 4.2%"},
		{"against with preposition", 104.2, 100, "USD", 1, "on the previous month", "up 4.2% on the previous month"},
		{"against with from", 104.2, 100, "USD", 1, "from 2024", "up 4.2% from 2024"},
		{"against with since", 104.2, 100, "USD", 1, "since January", "up 4.2% since January"},
		{"prev zero absolute", 4.2e9, 0, "USD", 1, "a year earlier", "up $4.2 billion on a year earlier"},
		{"negative base absolute", -1e9, -3e9, "USD", -1, "a year earlier", "up $2 billion on a year earlier"},
		{"to negative absolute", -1e9, 2e9, "EUR", -1, "a year earlier", "down €3 billion on a year earlier"},
		{"absolute other unit", 350, 0, "outlets", 0, "a year earlier", "up 350 outlets on a year earlier"},
		{"absolute little changed", 0.01, 0, "GWh", 0, "", "little changed"},
		{"percent unit in points", 5.5, 4, "%", 1, "the previous quarter", "up 1.5 percentage points on the previous quarter"},
		{"percent unit down", 5.5, 7, "percent", 1, "the previous quarter", "down 1.5 percentage points on the previous quarter"},
		{"percent unit, points padded", 5, 4, "%", 1, "", "up 1.0 percentage points"},
		{"percent unit singular without decimals", 5, 4, "%", 0, "", "up 1 percentage point"},
		{"precise value, change to a tenth", 0.012, 0.031, "t", 6, "November 2024", "down 61.3% on November 2024"},
		{"precise percent, points as the values", 3.051234, 3.451234, "%", 6, "", "down 0.400000 percentage points"},
		{"euribor, three decimals", 1.889, 1.904, "%", 3, "February 2026", "down 0.015 percentage points on February 2026"},
		{"euribor again, same change", 1.88, 1.895, "%", 3, "", "down 0.015 percentage points"},
		{"euribor, an eighth", 2.2, 2.075, "%", 3, "", "up 0.125 percentage points"},
		{"points from the printed values", 12.45, 12.36, "%", 1, "", "up 0.1 percentage points"},
		{"values that print alike are little changed", 12.46, 12.54, "%", 1, "", "little changed"},
		{"points, automatic", 5.5, 4, "%", -1, "", "up 1.5 percentage points"},
		{"absolute from the printed values", -1.04e9, 2.04e9, "USD", 1, "", "down $3.0 billion"},
		{"absolute, automatic", -1.234e9, 2.5e9, "USD", -1, "", "down $3.73 billion"},
		{"percent unit little changed", 5.01, 5, "%", 1, "", "little changed"},
		{"fold", 1250, 100, "count", 1, "a year earlier", "up 12.5-fold on a year earlier"},
		{"just below fold", 1100, 100, "count", 1, "", "up 1,000.0%"},
		{"a thousandfold", 100000, 100, "count", 1, "", "up 1,000-fold"},
		{"from a negligible base", 1e18, 1e-12, "count", 1, "a year earlier", "up more than 1,000-fold on a year earlier"},
		{"to zero", 0, 4, "USD", 1, "", "down to zero"},
		{"auto decimals", 104.25, 100, "USD", -1, "", "up 4.3%"},
		{"zero decimals: a change keeps a tenth", 104.25, 100, "USD", 0, "", "up 4.3%"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Change(tt.cur, tt.prev, tt.unit, tt.decimals, tt.against)
			if got != tt.want {
				t.Errorf("Change(%v, %v, %q, %d, %q) = %q, want %q",
					tt.cur, tt.prev, tt.unit, tt.decimals, tt.against, got, tt.want)
			}
		})
	}
}

func TestTrendAndAssessment(t *testing.T) {
	tests := []struct {
		name       string
		cur, prev  float64
		higherIs   string
		trend      string
		assessment string
	}{
		{"rise good", 110, 100, "good", "rose", "an improvement"},
		{"fall good", 90, 100, "good", "fell", "a deterioration"},
		{"rise bad", 110, 100, "bad", "rose", "a deterioration"},
		{"fall bad", 90, 100, "bad", "fell", "an improvement"},
		{"neutral", 110, 100, "neutral", "rose", ""},
		{"unset", 90, 100, "", "fell", ""},
		{"unknown", 90, 100, "better", "fell", ""},
		{"case", 90, 100, "Bad", "fell", "an improvement"},
		{"unchanged", 100, 100, "good", "held steady", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Trend(tt.cur, tt.prev); got != tt.trend {
				t.Errorf("Trend(%v, %v) = %q, want %q", tt.cur, tt.prev, got, tt.trend)
			}
			if got := Assessment(tt.cur, tt.prev, tt.higherIs); got != tt.assessment {
				t.Errorf("Assessment(%v, %v, %q) = %q, want %q", tt.cur, tt.prev, tt.higherIs, got, tt.assessment)
			}
		})
	}
}
