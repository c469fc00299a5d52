package narrative

import (
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
