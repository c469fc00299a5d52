package format

import (
	"strconv"
	"time"
)

// Date writes a calendar date day first, in the date's own location.
//
//	Date(time.Date(2025, 2, 3, 0, 0, 0, 0, time.UTC))  // "3 February 2025"
func Date(t time.Time) string {
	y, m, d := t.Date()
	return strconv.Itoa(d) + " " + m.String() + " " + strconv.Itoa(y)
}

// DateRange writes the calendar days from a to b as compactly as is
// unambiguous, with an en dash: closed up between days of one month,
// spaced between fuller dates. Reversed bounds are put in order; one day
// is a single date.
//
//	DateRange(3 Feb 2025, 9 Feb 2025)   // "3–9 February 2025"
//	DateRange(27 Jan 2025, 2 Feb 2025)  // "27 January – 2 February 2025"
//	DateRange(29 Dec 2025, 4 Jan 2026)  // "29 December 2025 – 4 January 2026"
func DateRange(a, b time.Time) string {
	ay, am, ad := a.Date()
	by, bm, bd := b.Date()
	if by < ay || by == ay && (bm < am || bm == am && bd < ad) {
		ay, am, ad, by, bm, bd = by, bm, bd, ay, am, ad
	}
	day := func(d int) string { return strconv.Itoa(d) }
	switch {
	case ay != by:
		return day(ad) + " " + am.String() + " " + strconv.Itoa(ay) + " – " +
			day(bd) + " " + bm.String() + " " + strconv.Itoa(by)
	case am != bm:
		return day(ad) + " " + am.String() + " – " + day(bd) + " " + bm.String() + " " + strconv.Itoa(by)
	case ad != bd:
		return day(ad) + "–" + day(bd) + " " + bm.String() + " " + strconv.Itoa(by)
	}
	return day(ad) + " " + am.String() + " " + strconv.Itoa(ay)
}
