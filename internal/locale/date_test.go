package locale

import (
	"testing"
	"time"

	"github.com/briefhq/brief/internal/period"
)

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

func TestPeriods(t *testing.T) {
	tests := []struct {
		lang, p     string
		label, in   string
		extra, want string // another form and its text
	}{
		{"en", "2025", "2025", "in 2025", "", ""},
		{"en", "2025-Q1", "Q1 2025", "in Q1 2025", "", ""},
		{"en", "2025-02", "February 2025", "in February 2025", "", ""},
		{"en", "2025-W06", "week 6 of 2025", "in week 6 of 2025", "", ""},
		{"en", "2025-02-03", "3 February 2025", "on 3 February 2025", "", ""},
		{"ru", "2025", "2025" + nb + "г.", "в 2025" + nb + "г.", "gen", "2025" + nb + "г."},
		{"ru", "2025-Q1", "I квартал 2025" + nb + "г.", "в I квартале 2025" + nb + "г.", "gen", "I квартала 2025" + nb + "г."},
		{"ru", "2024-Q3", "III квартал 2024" + nb + "г.", "в III квартале 2024" + nb + "г.", "", ""},
		{"ru", "2025-02", "февраль 2025" + nb + "г.", "в феврале 2025" + nb + "г.", "gen", "февраля 2025" + nb + "г."},
		{"ru", "2025-05", "май 2025" + nb + "г.", "в мае 2025" + nb + "г.", "gen", "мая 2025" + nb + "г."},
		{"ru", "2025-W06", "6-я неделя 2025" + nb + "г.", "на 6-й неделе 2025" + nb + "г.", "gen", "6-й недели 2025" + nb + "г."},
		{"ru", "2025-02-03", "3 февраля 2025" + nb + "г.", "3 февраля 2025" + nb + "г.", "", ""},
		{"kk", "2025", "2025 жыл", "2025 жылы", "gen", "2025 жылдың"},
		{"kk", "2025-Q1", "2025 жылғы I тоқсан", "2025 жылғы I тоқсанда", "", ""},
		{"kk", "2025-02", "2025 жылғы ақпан", "2025 жылғы ақпанда", "", ""},
		{"kk", "2025-07", "2025 жылғы шілде", "2025 жылғы шілдеде", "", ""},
		{"kk", "2025-W06", "2025 жылғы 6-апта", "2025 жылғы 6-аптада", "", ""},
		{"kk", "2025-02-03", "2025 жылғы 3 ақпан", "2025 жылғы 3 ақпанда", "", ""},
		// An ISO week is of its ISO year: 2026-W01 starts on 29 December 2025.
		{"ru", "2026-W01", "1-я неделя 2026" + nb + "г.", "на 1-й неделе 2026" + nb + "г.", "", ""},
	}
	for _, tt := range tests {
		l := loc(t, tt.lang)
		p := period.MustParse(tt.p)
		if got := must(t)(l.Period(p, Label)); got != tt.label {
			t.Errorf("%s Period(%s, Label) = %q, want %q", tt.lang, tt.p, show(got), show(tt.label))
		}
		if got := must(t)(l.Period(p, In)); got != tt.in {
			t.Errorf("%s Period(%s, In) = %q, want %q", tt.lang, tt.p, show(got), show(tt.in))
		}
		if tt.extra != "" {
			if got := must(t)(l.Period(p, PeriodForm(tt.extra))); got != tt.want {
				t.Errorf("%s Period(%s, %s) = %q, want %q", tt.lang, tt.p, tt.extra, show(got), show(tt.want))
			}
		}
	}
	if _, err := loc(t, "kk").Period(period.MustParse("2025-02"), "prep"); err == nil || err.Error() != `data/kk.yaml: periods.month has no form "prep"; add it` {
		t.Errorf("a missing form must be an error naming the file, got %v", err)
	}
}

func TestDateRanges(t *testing.T) {
	tests := []struct {
		lang string
		a, b time.Time
		want string
	}{
		{"ru", day(2025, 2, 3), day(2025, 2, 9), "3–9 февраля 2025" + nb + "г."},
		{"ru", day(2025, 1, 27), day(2025, 2, 2), "27 января – 2 февраля 2025" + nb + "г."},
		{"ru", day(2025, 12, 29), day(2026, 1, 4), "29 декабря 2025" + nb + "г. – 4 января 2026" + nb + "г."},
		{"ru", day(2025, 2, 9), day(2025, 2, 3), "3–9 февраля 2025" + nb + "г."},
		{"ru", day(2025, 2, 3), day(2025, 2, 3), "3 февраля 2025" + nb + "г."},
		{"kk", day(2025, 2, 3), day(2025, 2, 9), "2025 жылғы 3–9 ақпан"},
		{"kk", day(2025, 1, 27), day(2025, 2, 2), "2025 жылғы 27 қаңтар – 2 ақпан"},
		{"kk", day(2025, 12, 29), day(2026, 1, 4), "2025 жылғы 29 желтоқсан – 2026 жылғы 4 қаңтар"},
		{"kk", day(2025, 2, 3), day(2025, 2, 3), "2025 жылғы 3 ақпан"},
		{"en", day(2025, 2, 3), day(2025, 2, 9), "3–9 February 2025"},
	}
	for _, tt := range tests {
		if got := loc(t, tt.lang).DateRange(tt.a, tt.b); got != tt.want {
			t.Errorf("%s DateRange(%s, %s) = %q, want %q", tt.lang, tt.a.Format(time.DateOnly), tt.b.Format(time.DateOnly), show(got), show(tt.want))
		}
	}
	// A date is of its own location: 23:30 in Almaty on 3 February is
	// still 3 February.
	almaty := time.FixedZone("ALMT", 5*3600)
	if got := loc(t, "kk").Date(time.Date(2025, 2, 3, 23, 30, 0, 0, almaty)); got != "2025 жылғы 3 ақпан" {
		t.Errorf("kk Date = %q", got)
	}
}

func TestMonthsAndWeekdays(t *testing.T) {
	ru, kk, en := loc(t, "ru"), loc(t, "kk"), loc(t, "en")
	if got := must(t)(ru.Month(time.February, Gen)); got != "февраля" {
		t.Errorf("ru Month(Feb, gen) = %q", got)
	}
	if got := must(t)(ru.Month(time.May, Prep)); got != "мае" {
		t.Errorf("ru Month(May, prep) = %q", got)
	}
	if got := must(t)(kk.Month(time.September, Loc)); got != "қыркүйекте" {
		t.Errorf("kk Month(Sep, loc) = %q", got)
	}
	if _, err := en.Month(time.May, Gen); err == nil {
		t.Error("en has no genitive months: want an error")
	}
	for _, tt := range []struct {
		l        *Locale
		m        time.Month
		afterDay bool
		want     string
	}{
		{en, time.February, false, "Feb"}, {en, time.February, true, "Feb"},
		{ru, time.May, false, "май"}, {ru, time.May, true, "мая"}, {ru, time.September, true, "сент."},
		{kk, time.February, true, "ақп."},
	} {
		if got := tt.l.ShortMonth(tt.m, tt.afterDay); got != tt.want {
			t.Errorf("%s ShortMonth(%v, %v) = %q, want %q", tt.l, tt.m, tt.afterDay, got, tt.want)
		}
	}
	if got := ru.Weekday(time.Monday) + " " + ru.Weekday(time.Sunday); got != "понедельник воскресенье" {
		t.Errorf("ru weekdays: %q", got)
	}
	if got := kk.Weekday(time.Friday); got != "жұма" {
		t.Errorf("kk Friday: %q", got)
	}
	if got := en.Weekday(time.Saturday); got != "Saturday" {
		t.Errorf("en Saturday: %q", got)
	}
}

// A figure's time with its caveat, as the English says it: a flow's
// total up to a day, so far, as of.
func TestWhen(t *testing.T) {
	day := time.Date(2025, 2, 3, 0, 0, 0, 0, time.UTC)
	for _, c := range []struct{ lang, key, p, want string }{
		{"ru", "when.up_to", "2025", "с начала 2025\u00a0г. по 3\u00a0февраля"},
		{"ru", "when.as_of", "2025-02", "по состоянию на февраль 2025\u00a0г."},
		{"kk", "when.up_to", "2025", "2025 жылдың басынан 3\u00a0ақпанға дейін"},
		{"kk", "when.as_of", "2025-04", "2025 жылғы сәуірдегі жағдай бойынша"},
		{"kk", "when.so_far", "2025-02", "2025 жылғы ақпанның басынан бері"},
		{"en", "when.up_to", "2025", "2025 up to 3 February"},
	} {
		got, err := loc(t, c.lang).When(c.key, period.MustParse(c.p), day)
		if err != nil || got != c.want {
			t.Errorf("%s When(%s, %s) = %q, %v; want %q", c.lang, c.key, c.p, got, err, c.want)
		}
	}
}
