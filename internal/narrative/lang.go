package narrative

import (
	"strconv"
	"time"

	"github.com/briefhq/brief/internal/locale"
	"github.com/briefhq/brief/internal/period"
)

// English is the locale a brief is written in when none is asked for.
var English = locale.English

// periodLabel is a period as a label ("week 6 of 2025", "6-я неделя
// 2025 г."); every locale has the label of every kind (locale checks it
// at load), so an error here is a fault of the locale's file.
func periodLabel(l *locale.Locale, p period.Period) string {
	s, err := l.Period(p, locale.Label)
	if err != nil {
		panic(err)
	}
	return s
}

// en is a phrase of the English locale, filled with kv: the English words
// the engine writes itself (week phrases, caveats, spans) are data of
// internal/locale/data/en.yaml, not Go literals. The file is embedded and
// its keys checked by the tests, so a missing one is a fault of the build.
func en(key string, kv ...string) string {
	s, err := English().Phrase(key, kv...)
	if err != nil {
		panic(err)
	}
	return s
}

// enDay is a day as English writes it without its year, "2 January";
// enWeekday with its weekday, "Monday 2 January" (and the year, "Monday 2
// January 2006", when withYear).
func enDay(t time.Time) string {
	m, _ := English().Month(t.Month(), locale.Nom)
	return strconv.Itoa(t.Day()) + " " + m
}

func enWeekday(t time.Time, withYear bool) string {
	m, _ := English().Month(t.Month(), locale.Nom)
	s := en("day.weekday", "weekday", English().Weekday(t.Weekday()), "d", strconv.Itoa(t.Day()), "month", m)
	if withYear {
		s += " " + strconv.Itoa(t.Year())
	}
	return s
}
