package period

import (
	"errors"
	"testing"
	"time"
)

func d(y int, m time.Month, dd int) time.Time { return time.Date(y, m, dd, 0, 0, 0, 0, time.UTC) }

func TestParse(t *testing.T) {
	tests := []struct {
		in         string
		kind       Kind
		start, end time.Time
		str, label string
	}{
		{"2024", Year, d(2024, 1, 1), d(2024, 12, 31), "2024", "2024"},
		{" 2024 ", Year, d(2024, 1, 1), d(2024, 12, 31), "2024", "2024"},
		{"2024-Q3", Quarter, d(2024, 7, 1), d(2024, 9, 30), "2024-Q3", "Q3 2024"},
		{"2024-q1", Quarter, d(2024, 1, 1), d(2024, 3, 31), "2024-Q1", "Q1 2024"},
		{"2024-11", Month, d(2024, 11, 1), d(2024, 11, 30), "2024-11", "November 2024"},
		{"2024-02", Month, d(2024, 2, 1), d(2024, 2, 29), "2024-02", "February 2024"},
		{"2025-W05", Week, d(2025, 1, 27), d(2025, 2, 2), "2025-W05", "week 5 of 2025"},
		{"2025-W01", Week, d(2024, 12, 30), d(2025, 1, 5), "2025-W01", "week 1 of 2025"},
		{"2020-W53", Week, d(2020, 12, 28), d(2021, 1, 3), "2020-W53", "week 53 of 2020"},
		{"2025-01-15", Day, d(2025, 1, 15), d(2025, 1, 15), "2025-01-15", "15 January 2025"},
		{"2024-02-29", Day, d(2024, 2, 29), d(2024, 2, 29), "2024-02-29", "29 February 2024"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			p, err := Parse(tt.in)
			if err != nil {
				t.Fatal(err)
			}
			if p.Kind != tt.kind || !p.Start.Equal(tt.start) || !p.End.Equal(tt.end) {
				t.Errorf("Parse(%q) = %v %v..%v", tt.in, p.Kind, p.Start, p.End)
			}
			// The English label: the locale's words (label_test.go links
			// the locale into this test binary, as every program does).
			if p.String() != tt.str || p.Label() != tt.label {
				t.Errorf("String %q Label %q", p.String(), p.Label())
			}
		})
	}
}

func TestParseErrors(t *testing.T) {
	tests := map[string]string{
		"":           `period "": empty (use 2024, 2024-Q3, 2024-11, 2025-W05 or 2025-01-15)`,
		"24":         `period "24": must start with a four-digit year (use 2024, 2024-Q3, 2024-11, 2025-W05 or 2025-01-15)`,
		"2024-13":    `period "2024-13": month must be 01 to 12 (use 2024, 2024-Q3, 2024-11, 2025-W05 or 2025-01-15)`,
		"2024-Q5":    `period "2024-Q5": unrecognised form (use 2024, 2024-Q3, 2024-11, 2025-W05 or 2025-01-15)`,
		"2021-W53":   `period "2021-W53": year 2021 has weeks 01 to 52 (use 2024, 2024-Q3, 2024-11, 2025-W05 or 2025-01-15)`,
		"2025-02-30": `period "2025-02-30": not a calendar date (use 2024, 2024-Q3, 2024-11, 2025-W05 or 2025-01-15)`,
		"0999":       `period "0999": year out of range (use 2024, 2024-Q3, 2024-11, 2025-W05 or 2025-01-15)`,
		"15.01.2025": `period "15.01.2025": must start with a four-digit year (use 2024, 2024-Q3, 2024-11, 2025-W05 or 2025-01-15)`,
	}
	for in, want := range tests {
		_, err := Parse(in)
		var pe *Error
		if !errors.As(err, &pe) || err.Error() != want {
			t.Errorf("Parse(%q) = %v, want %s", in, err, want)
		}
	}
}

func TestPrevYearAgo(t *testing.T) {
	tests := []struct{ in, prev, next, yearAgo string }{
		{"2024", "2023", "2025", "2023"},
		{"2024-Q1", "2023-Q4", "2024-Q2", "2023-Q1"},
		{"2024-01", "2023-12", "2024-02", "2023-01"},
		{"2024-03", "2024-02", "2024-04", "2023-03"},
		{"2025-W05", "2025-W04", "2025-W06", "2024-W05"},
		{"2021-W01", "2020-W53", "2021-W02", "2020-W01"},
		{"2020-W53", "2020-W52", "2021-W01", "2019-W52"}, // 2019 has no week 53
		{"2026-W53", "2026-W52", "2027-W01", "2025-W52"},
		{"2025-01-01", "2024-12-31", "2025-01-02", "2024-01-01"},
		{"2024-03-01", "2024-02-29", "2024-03-02", "2023-03-01"},
	}
	for _, tt := range tests {
		p := MustParse(tt.in)
		if got := p.Prev().String(); got != tt.prev {
			t.Errorf("%s.Prev() = %s, want %s", tt.in, got, tt.prev)
		}
		if got := p.Next().String(); got != tt.next {
			t.Errorf("%s.Next() = %s, want %s", tt.in, got, tt.next)
		}
		if got := p.YearAgo().String(); got != tt.yearAgo {
			t.Errorf("%s.YearAgo() = %s, want %s", tt.in, got, tt.yearAgo)
		}
	}
}

func TestWeekOf(t *testing.T) {
	tests := map[time.Time]string{
		d(2025, 1, 1):   "2025-W01", // a Wednesday: week 1 began on 30 December
		d(2024, 12, 30): "2025-W01",
		d(2021, 1, 3):   "2020-W53", // a Sunday, still in 2020's last week
		d(2025, 2, 2):   "2025-W05",
		d(2025, 2, 3):   "2025-W06",
		time.Date(2025, 2, 2, 23, 30, 0, 0, time.UTC): "2025-W05",
	}
	for in, want := range tests {
		w := WeekOf(in)
		if w.String() != want || w.Kind != Week || w.Start.Weekday() != time.Monday || !w.Contains(in) {
			t.Errorf("WeekOf(%v) = %s starting %v", in, w, w.Start)
		}
	}
	if WeeksIn(2020) != 53 || WeeksIn(2021) != 52 || WeeksIn(2026) != 53 {
		t.Error("WeeksIn")
	}
}

func TestCompare(t *testing.T) {
	order := []string{"2024", "2024-Q1", "2024-01", "2024-W01", "2024-01-01", "2024-01-02", "2024-02", "2024-Q2", "2025"}
	for i := range order {
		for j := range order {
			a, b := MustParse(order[i]), MustParse(order[j])
			want := 0
			if i < j {
				want = -1
			} else if i > j {
				want = 1
			}
			if got := Compare(a, b); got != want {
				t.Errorf("Compare(%s, %s) = %d, want %d", order[i], order[j], got, want)
			}
		}
	}
}
