package oracle

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// period is one period of the tidy format: 2024, 2024-Q3, 2024-11,
// 2025-W05 or 2025-01-15, with the first and last day it covers.
type period struct {
	ID    string
	Kind  byte // 'A' annual, 'Q', 'M', 'W', 'D'
	Start time.Time
	End   time.Time // last day, inclusive
}

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

func parseDate(s string) (time.Time, error) { return time.Parse("2006-01-02", s) }

// isoWeekStart is the Monday of ISO week w of year y.
func isoWeekStart(y, w int) time.Time {
	jan4 := day(y, 1, 4)
	wd := (int(jan4.Weekday()) + 6) % 7 // Monday = 0
	return jan4.AddDate(0, 0, -wd+7*(w-1))
}

func parsePeriod(s string) (period, error) {
	s = strings.TrimSpace(s)
	p := period{ID: s}
	switch {
	case len(s) == 4:
		y, err := strconv.Atoi(s)
		if err != nil {
			return p, err
		}
		p.Kind, p.Start, p.End = 'A', day(y, 1, 1), day(y, 12, 31)
	case len(s) == 7 && s[5] == 'Q':
		y, err1 := strconv.Atoi(s[:4])
		q, err2 := strconv.Atoi(s[6:])
		if err1 != nil || err2 != nil || q < 1 || q > 4 {
			return p, fmt.Errorf("bad quarter %q", s)
		}
		p.Kind, p.Start = 'Q', day(y, time.Month(3*q-2), 1)
		p.End = p.Start.AddDate(0, 3, -1)
	case len(s) == 8 && s[5] == 'W':
		y, err1 := strconv.Atoi(s[:4])
		w, err2 := strconv.Atoi(s[6:])
		if err1 != nil || err2 != nil {
			return p, fmt.Errorf("bad week %q", s)
		}
		p.Kind, p.Start = 'W', isoWeekStart(y, w)
		p.End = p.Start.AddDate(0, 0, 6)
	case len(s) == 7:
		t, err := time.Parse("2006-01", s)
		if err != nil {
			return p, err
		}
		p.Kind, p.Start, p.End = 'M', t, t.AddDate(0, 1, -1)
	case len(s) == 10:
		t, err := parseDate(s)
		if err != nil {
			return p, err
		}
		p.Kind, p.Start, p.End = 'D', t, t
	default:
		return p, fmt.Errorf("bad period %q", s)
	}
	return p, nil
}

// yearEarlier is the same period a year before (none for annual periods
// and for 29 February).
func (p period) yearEarlier() (string, bool) {
	switch p.Kind {
	case 'Q':
		return fmt.Sprintf("%04d-Q%d", p.Start.Year()-1, (int(p.Start.Month())+2)/3), true
	case 'M':
		return p.Start.AddDate(-1, 0, 0).Format("2006-01"), true
	case 'W':
		y, w := p.Start.ISOWeek()
		return fmt.Sprintf("%04d-W%02d", y-1, w), true
	case 'D':
		if p.Start.Month() == 2 && p.Start.Day() == 29 {
			return "", false
		}
		return p.Start.AddDate(-1, 0, 0).Format("2006-01-02"), true
	}
	return "", false
}

// isoWeek is an ISO week with its first and last day.
type isoWeek struct {
	ID         string
	Start, End time.Time
}

func weekOf(t time.Time) isoWeek {
	y, w := t.ISOWeek()
	s := isoWeekStart(y, w)
	return isoWeek{ID: fmt.Sprintf("%04d-W%02d", y, w), Start: s, End: s.AddDate(0, 0, 6)}
}

func (w isoWeek) contains(t time.Time) bool { return !t.Before(w.Start) && !t.After(w.End) }
