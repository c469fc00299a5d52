// Package period parses and compares the reporting periods of observations:
// years, quarters, months, ISO weeks and days.
package period

import (
	"fmt"
	"strconv"
	"strings"
	"sync/atomic"
	"time"
)

// Kind is the granularity of a period.
type Kind uint8

// Granularities, coarsest first.
const (
	Year Kind = iota + 1
	Quarter
	Month
	Week
	Day
)

func (k Kind) String() string {
	switch k {
	case Year:
		return "year"
	case Quarter:
		return "quarter"
	case Month:
		return "month"
	case Week:
		return "week"
	case Day:
		return "day"
	}
	return "unknown"
}

// Period is a calendar interval [Start, End] (both inclusive, at day
// precision, UTC) with the granularity it was written in.
type Period struct {
	Kind  Kind
	Start time.Time
	End   time.Time
}

// IsZero reports whether p is the zero Period.
func (p Period) IsZero() bool { return p.Kind == 0 }

// Error is a period that could not be parsed; the message says which
// forms are accepted.
type Error struct {
	Input  string
	Reason string
}

func (e *Error) Error() string {
	return fmt.Sprintf("period %q: %s (use 2024, 2024-Q3, 2024-11, 2025-W05 or 2025-01-15)", e.Input, e.Reason)
}

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

// Parse reads one of 2024, 2024-Q3, 2024-11, 2025-W05, 2025-01-15.
// Surrounding spaces are ignored; anything else is an *Error.
func Parse(s string) (Period, error) {
	in := s
	s = strings.TrimSpace(s)
	bad := func(reason string) (Period, error) { return Period{}, &Error{Input: in, Reason: reason} }
	if s == "" {
		return bad("empty")
	}
	if len(s) < 4 || !digits(s[:4]) {
		return bad("must start with a four-digit year")
	}
	y, _ := strconv.Atoi(s[:4])
	if y < 1000 {
		return bad("year out of range")
	}
	rest := s[4:]
	switch {
	case rest == "":
		return OfYear(y), nil
	case len(rest) == 3 && (rest[:2] == "-Q" || rest[:2] == "-q") && rest[2] >= '1' && rest[2] <= '4':
		return OfQuarter(y, int(rest[2]-'0')), nil
	case len(rest) == 4 && (rest[:2] == "-W" || rest[:2] == "-w") && digits(rest[2:]):
		w, _ := strconv.Atoi(rest[2:])
		if w < 1 || w > WeeksIn(y) {
			return bad(fmt.Sprintf("year %d has weeks 01 to %02d", y, WeeksIn(y)))
		}
		return OfWeek(y, w), nil
	case len(rest) == 3 && rest[0] == '-' && digits(rest[1:]):
		m, _ := strconv.Atoi(rest[1:])
		if m < 1 || m > 12 {
			return bad("month must be 01 to 12")
		}
		return OfMonth(y, time.Month(m)), nil
	case len(rest) == 6 && rest[0] == '-' && rest[3] == '-' && digits(rest[1:3]) && digits(rest[4:]):
		t, err := time.Parse("2006-01-02", s)
		if err != nil {
			return bad("not a calendar date")
		}
		return OfDay(t), nil
	}
	return bad("unrecognised form")
}

// MustParse is Parse for literals in tests and code; it panics on error.
func MustParse(s string) Period {
	p, err := Parse(s)
	if err != nil {
		panic(err)
	}
	return p
}

func digits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// OfYear is the calendar year y.
func OfYear(y int) Period {
	return Period{Kind: Year, Start: day(y, 1, 1), End: day(y, 12, 31)}
}

// OfQuarter is quarter q (1-4) of year y.
func OfQuarter(y, q int) Period {
	start := day(y, time.Month(3*(q-1)+1), 1)
	return Period{Kind: Quarter, Start: start, End: start.AddDate(0, 3, -1)}
}

// OfMonth is month m of year y.
func OfMonth(y int, m time.Month) Period {
	start := day(y, m, 1)
	return Period{Kind: Month, Start: start, End: start.AddDate(0, 1, -1)}
}

// OfWeek is ISO week w of ISO year y (Monday to Sunday).
func OfWeek(y, w int) Period {
	// ISO week 1 contains January 4th.
	jan4 := day(y, 1, 4)
	monday := jan4.AddDate(0, 0, -((int(jan4.Weekday()) + 6) % 7))
	start := monday.AddDate(0, 0, 7*(w-1))
	return Period{Kind: Week, Start: start, End: start.AddDate(0, 0, 6)}
}

// WeekOf is the ISO week containing t.
func WeekOf(t time.Time) Period {
	y, w := t.ISOWeek()
	return OfWeek(y, w)
}

// OfDay is the single day of t (in UTC calendar terms).
func OfDay(t time.Time) Period {
	d := day(t.Year(), t.Month(), t.Day())
	return Period{Kind: Day, Start: d, End: d}
}

// WeeksIn is the number of ISO weeks (52 or 53) of ISO year y.
func WeeksIn(y int) int {
	_, w := day(y, 12, 28).ISOWeek()
	return w
}

// String writes the period in the form Parse reads.
func (p Period) String() string {
	switch p.Kind {
	case Year:
		return fmt.Sprintf("%04d", p.Start.Year())
	case Quarter:
		return fmt.Sprintf("%04d-Q%d", p.Start.Year(), (int(p.Start.Month())-1)/3+1)
	case Month:
		return fmt.Sprintf("%04d-%02d", p.Start.Year(), int(p.Start.Month()))
	case Week:
		y, w := p.Start.ISOWeek()
		return fmt.Sprintf("%04d-W%02d", y, w)
	case Day:
		return p.Start.Format("2006-01-02")
	}
	return ""
}

// Label is the period as a reader writes it: "2024", "Q3 2024",
// "November 2024", "week 5 of 2025", "15 January 2025". The words are
// the English locale's (internal/locale/data/en.yaml, periods.*.label),
// which registers itself with SetLabeler when it loads: period sits
// below locale and holds no words of its own. Without a labeler (a
// program that links no locale) the label is the period's id.
func (p Period) Label() string {
	if f := labeler.Load(); f != nil {
		return (*f)(p)
	}
	return p.String()
}

// labeler writes Label; set once by the locale package's init.
var labeler atomic.Pointer[func(Period) string]

// SetLabeler makes f write every period's Label.
func SetLabeler(f func(Period) string) { labeler.Store(&f) }

// Prev is the period of the same kind just before p.
func (p Period) Prev() Period { return p.shift(-1) }

// Next is the period of the same kind just after p.
func (p Period) Next() Period { return p.shift(1) }

func (p Period) shift(n int) Period {
	switch p.Kind {
	case Year:
		return OfYear(p.Start.Year() + n)
	case Quarter:
		s := p.Start.AddDate(0, 3*n, 0)
		return OfQuarter(s.Year(), (int(s.Month())-1)/3+1)
	case Month:
		s := p.Start.AddDate(0, n, 0)
		return OfMonth(s.Year(), s.Month())
	case Week:
		return WeekOf(p.Start.AddDate(0, 0, 7*n))
	case Day:
		return OfDay(p.Start.AddDate(0, 0, n))
	}
	return p
}

// YearAgo is the period of the same kind one year before p: the same
// quarter, month, ISO week number or calendar day of the previous year.
func (p Period) YearAgo() Period {
	switch p.Kind {
	case Year:
		return p.Prev()
	case Quarter, Month:
		return p.shift(map[Kind]int{Quarter: -4, Month: -12}[p.Kind])
	case Week:
		y, w := p.Start.ISOWeek()
		if w > WeeksIn(y-1) {
			w = WeeksIn(y - 1)
		}
		return OfWeek(y-1, w)
	case Day:
		return OfDay(p.Start.AddDate(-1, 0, 0))
	}
	return p
}

// Compare orders periods by start, then by end (a year before its first
// quarter), then by kind. It returns -1, 0 or +1.
func Compare(a, b Period) int {
	switch {
	case a.Start.Before(b.Start):
		return -1
	case a.Start.After(b.Start):
		return 1
	case a.End.Before(b.End):
		return 1
	case a.End.After(b.End):
		return -1
	case a.Kind < b.Kind:
		return -1
	case a.Kind > b.Kind:
		return 1
	}
	return 0
}

// Contains reports whether the day of t lies within p.
func (p Period) Contains(t time.Time) bool {
	d := day(t.Year(), t.Month(), t.Day())
	return !d.Before(p.Start) && !d.After(p.End)
}

// ParseKind reads a granularity as a catalog or mapping names it: day,
// week, month, quarter or year, or their adjectives daily, weekly,
// monthly, quarterly, annual (yearly). Case and surrounding spaces are
// ignored; ok is false for anything else.
func ParseKind(s string) (k Kind, ok bool) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "day", "daily":
		return Day, true
	case "week", "weekly":
		return Week, true
	case "month", "monthly":
		return Month, true
	case "quarter", "quarterly":
		return Quarter, true
	case "year", "yearly", "annual", "annually":
		return Year, true
	}
	return 0, false
}

// In is the period of kind k that contains the first day of p: the
// month of 2026-05-04 is May 2026, its quarter Q2 2026, its ISO week
// 2026-W19. A period already of kind k is returned as it is; In never
// makes a period finer (the day of a month is not known), so for a k
// finer than p's kind it returns p unchanged.
func (p Period) In(k Kind) Period {
	if k >= p.Kind {
		return p
	}
	s := p.Start
	switch k {
	case Year:
		return OfYear(s.Year())
	case Quarter:
		return OfQuarter(s.Year(), (int(s.Month())-1)/3+1)
	case Month:
		return OfMonth(s.Year(), s.Month())
	case Week:
		return WeekOf(s)
	}
	return p
}
