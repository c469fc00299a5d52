package locale

import (
	"fmt"
	"strconv"
	"time"

	"github.com/briefhq/brief/internal/period"
)

// PeriodForm is how a period is said: as a label or after its
// preposition, or in a case a locale adds (ru gen: "к концу февраля
// 2025 г.").
type PeriodForm string

// Period forms every locale has.
const (
	Label PeriodForm = "label" // en "February 2025", ru "февраль 2025 г.", kk "2025 жылғы ақпан"
	In    PeriodForm = "in"    // en "in February 2025", ru "в феврале 2025 г.", kk "2025 жылғы ақпанда"
)

var roman = [...]string{"", "I", "II", "III", "IV"}

// Period writes a period in a form (periods: of the locale file). en
// Label: "2024", "Q3 2024", "November 2024", "week 5 of 2025", "15
// January 2025" (what period.Label prints); ru: "2024 г.", "III квартал
// 2024 г.", "ноябрь 2024 г.", "5-я неделя 2025 г.", "15 января 2025
// г."; kk: "2024 жыл", "2024 жылғы III тоқсан", "2024 жылғы қараша",
// "2025 жылғы 5-апта", "2025 жылғы 15 қаңтар". A week is its ISO week
// and ISO year. A form the locale lacks is an error.
func (l *Locale) Period(p period.Period, form PeriodForm) (string, error) {
	kind := p.Kind.String()
	forms, ok := l.d.Periods[kind]
	if !ok {
		return "", fmt.Errorf("locale %s: cannot write a period of kind %s", l.id, kind)
	}
	pat, ok := forms[string(form)]
	if !ok {
		return "", fmt.Errorf("%s: periods.%s has no form %q; add it", l.file, kind, form)
	}
	t := p.Start
	y := t.Year()
	var w int
	if p.Kind == period.Week {
		y, w = t.ISOWeek()
	}
	q := (int(t.Month())-1)/3 + 1
	return expand(pat.s, func(name, arg string) string {
		switch name {
		case "y":
			return strconv.Itoa(y)
		case "q":
			return strconv.Itoa(q)
		case "Q":
			return roman[q]
		case "w":
			return strconv.Itoa(w)
		case "d":
			return strconv.Itoa(t.Day())
		case "month":
			return l.month(t.Month(), arg)
		}
		return ""
	}), nil
}

func (l *Locale) month(m time.Month, form string) string {
	if form == "" {
		form = "nom"
	}
	return l.d.Months[form][m-1]
}

// Date writes a calendar date in its own location, as a label: en "3
// February 2025", ru "3 февраля 2025 г.", kk "2025 жылғы 3 ақпан".
func (l *Locale) Date(t time.Time) string {
	y, m, d := t.Date()
	s, _ := l.Period(period.OfDay(time.Date(y, m, d, 0, 0, 0, 0, time.UTC)), Label)
	return s
}

// DateRange writes the days from a to b with an en dash, as compactly
// as is unambiguous (ranges: of the locale file): en "3–9 February
// 2025", "27 January – 2 February 2025", "29 December 2025 – 4 January
// 2026"; ru "3–9 февраля 2025 г."; kk "2025 жылғы 3–9 ақпан". Reversed
// bounds are put in order; one day is Date.
func (l *Locale) DateRange(a, b time.Time) string {
	ay, am, ad := a.Date()
	by, bm, bd := b.Date()
	if by < ay || by == ay && (bm < am || bm == am && bd < ad) {
		ay, am, ad, by, bm, bd = by, bm, bd, ay, am, ad
	}
	var pat string
	switch {
	case ay != by:
		pat = l.d.Ranges.Years.s
	case am != bm:
		pat = l.d.Ranges.Months.s
	case ad != bd:
		pat = l.d.Ranges.Days.s
	default:
		return l.Date(time.Date(ay, am, ad, 0, 0, 0, 0, time.UTC))
	}
	return expand(pat, func(name, arg string) string {
		switch name {
		case "d1":
			return strconv.Itoa(ad)
		case "d2":
			return strconv.Itoa(bd)
		case "y1":
			return strconv.Itoa(ay)
		case "y2":
			return strconv.Itoa(by)
		case "month1":
			return l.month(am, arg)
		case "month2":
			return l.month(bm, arg)
		}
		return ""
	})
}

// Month is a month's name in a case the locale gives months in (months:
// nom, and ru gen, prep; kk loc): ru Month(February, Gen) "февраля".
func (l *Locale) Month(m time.Month, c Case) (string, error) {
	names, ok := l.d.Months[string(c)]
	if !ok || m < time.January || m > time.December {
		return "", fmt.Errorf("%s: months has no %s form of month %d", l.file, c, int(m))
	}
	return names[m-1], nil
}

// ShortMonth is a month's abbreviation for a chart axis: standing alone
// ("Feb 2025", "февр. 2025"), or after a day number ("3 Feb", "3 мая"),
// which Russian writes in the genitive (months.short_gen).
func (l *Locale) ShortMonth(m time.Month, afterDay bool) string {
	if m < time.January || m > time.December {
		return ""
	}
	if afterDay {
		if g, ok := l.d.Months["short_gen"]; ok {
			return g[m-1]
		}
	}
	return l.d.Months["short"][m-1]
}

// Weekday is the name of a day of the week: en "Monday", ru
// "понедельник", kk "дүйсенбі".
func (l *Locale) Weekday(d time.Weekday) string {
	return l.d.Weekdays[(int(d)+6)%7]
}

// When writes a figure's time with its caveat by the phrase key
// (when.up_to, when.so_far, when.as_of): {period:FORM} is p in a form of
// the locale's periods ("с начала {period:gen}"), {d} and {month:FORM}
// the day ("по {d} {month:gen}"). A form the locale lacks is an error
// naming it.
func (l *Locale) When(key string, p period.Period, day time.Time) (string, error) {
	pat, err := l.Phrase(key)
	if err != nil {
		return "", err
	}
	ps, err := placeholders(pat)
	if err != nil {
		return "", fmt.Errorf("%s: phrase %q: %v", l.file, key, err)
	}
	vals := map[string]string{}
	for _, ph := range ps {
		k := ph.name + ":" + ph.arg
		switch ph.name {
		case "period":
			f := ph.arg
			if f == "" {
				f = string(Label)
			}
			s, err := l.Period(p, PeriodForm(f))
			if err != nil {
				return "", fmt.Errorf("phrase %q: %w", key, err)
			}
			vals[k] = s
		case "d":
			vals[k] = strconv.Itoa(day.Day())
		case "month":
			f := ph.arg
			if f == "" {
				f = "nom"
			}
			ms, ok := l.d.Months[f]
			if !ok {
				return "", fmt.Errorf("%s: phrase %q: months has no form %q; add it", l.file, key, f)
			}
			vals[k] = ms[day.Month()-1]
		default:
			return "", fmt.Errorf("%s: phrase %q: unknown placeholder {%s} (here: period, d, month)", l.file, key, ph.name)
		}
	}
	return expand(pat, func(name, arg string) string { return vals[name+":"+arg] }), nil
}

// English writes period.Period.Label: the label form of its periods
// (en.yaml periods.*.label), so that no period word stays in Go.
func init() {
	period.SetLabeler(func(p period.Period) string {
		s, err := English().Period(p, Label)
		if err != nil {
			return p.String()
		}
		return s
	})
}
