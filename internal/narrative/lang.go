package narrative

import (
	"fmt"
	"sync"

	"github.com/briefhq/brief/internal/locale"
	"github.com/briefhq/brief/internal/period"
)

// English is the locale a brief is written in when none is asked for.
var English = sync.OnceValue(func() *locale.Locale {
	r, err := locale.Default()
	if err != nil {
		panic(fmt.Sprintf("the embedded locales do not load: %v", err)) // a build fault: locale's tests catch it
	}
	l, ok := r.Get("en")
	if !ok {
		panic("the embedded locales have no en")
	}
	return l
})

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
