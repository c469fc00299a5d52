package format

import (
	"testing"
	"time"
)

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

func TestDate(t *testing.T) {
	almaty := time.FixedZone("ALMT", 5*3600)
	tests := []struct {
		name string
		t    time.Time
		want string
	}{
		{"plain", day(2025, time.February, 3), "3 February 2025"},
		{"two-digit day", day(2024, time.December, 31), "31 December 2024"},
		{"own location", time.Date(2025, 1, 1, 2, 0, 0, 0, almaty), "1 January 2025"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Date(tt.t); got != tt.want {
				t.Errorf("Date(%v) = %q, want %q", tt.t, got, tt.want)
			}
		})
	}
}

func TestDateRange(t *testing.T) {
	tests := []struct {
		name string
		a, b time.Time
		want string
	}{
		{"same month", day(2025, 2, 3), day(2025, 2, 9), "3–9 February 2025"},
		{"across months", day(2025, 1, 27), day(2025, 2, 2), "27 January – 2 February 2025"},
		{"across years", day(2025, 12, 29), day(2026, 1, 4), "29 December 2025 – 4 January 2026"},
		{"one day", day(2025, 2, 3), day(2025, 2, 3), "3 February 2025"},
		{"one day, different times", day(2025, 2, 3), day(2025, 2, 3).Add(23 * time.Hour), "3 February 2025"},
		{"reversed", day(2025, 2, 9), day(2025, 2, 3), "3–9 February 2025"},
		{"reversed across years", day(2026, 1, 4), day(2025, 12, 29), "29 December 2025 – 4 January 2026"},
		{"same day other year", day(2024, 2, 3), day(2025, 2, 3), "3 February 2024 – 3 February 2025"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := DateRange(tt.a, tt.b); got != tt.want {
				t.Errorf("DateRange(%v, %v) = %q, want %q", tt.a, tt.b, got, tt.want)
			}
		})
	}
}
