package locale_test

import (
	"fmt"
	"strings"
	"time"

	"github.com/briefhq/brief/internal/locale"
	"github.com/briefhq/brief/internal/period"
	"go.yaml.in/yaml/v3"
)

// Three sentences of the sample brief as a Russian and a Kazakh template
// would build them from the locale: names in the case the sentence needs,
// words that agree with them, money, counts and dates. (Output shows
// no-break spaces as ⍽.)
func Example_sentences() {
	var c map[string]locale.Noun
	_ = yaml.Unmarshal([]byte(`
russia_ru: {nom: Россия, gen: России, ins: Россией, prep: России, gender: f}
kazakhstan_ru: {nom: Казахстан, gen: Казахстана, prep: Казахстане, gender: m}
turnover_ru: {nom: товарооборот, gen: товарооборота, gender: m}
project_ru: {nom: проект, gen: проекта, gender: m, pl: {nom: проекты, gen: проектов}}
russia_kk: {nom: Ресей, decline: auto}
kazakhstan_kk: {nom: Қазақстан, decline: auto}
turnover_kk: тауар айналымы
project_kk: жоба
`), &c)
	r, _ := locale.Default()
	ru, _ := r.Match("ru-RU")
	kk, _ := r.Match("kk-KZ")
	y2024 := period.MustParse("2024")
	feb := period.MustParse("2025-02")
	day := time.Date(2025, 2, 3, 0, 0, 0, 0, time.UTC)
	show := func(s string) { fmt.Println(strings.ReplaceAll(s, "\u00a0", "⍽")) }
	must := func(s string, err error) string {
		if err != nil {
			panic(err)
		}
		return s
	}
	// As narrative's sentence does: an abbreviation's full stop ends the
	// sentence ("в 2024 г."), never "г..".
	sentence := func(s string) string {
		if strings.HasSuffix(s, ".") {
			return s
		}
		return s + "."
	}
	upper := func(s string) string { r := []rune(s); return strings.ToUpper(string(r[0])) + string(r[1:]) }

	// "Kazakhstan recorded the highest trade turnover with Russia: $27.8 billion in 2024."
	show(upper(must(ru.Agree("highest", c["turnover_ru"]))) + " " + must(ru.Form(c["turnover_ru"], locale.Nom)) +
		" с " + must(ru.Form(c["russia_ru"], locale.Ins)) + " " + must(ru.Agree("recorded", c["turnover_ru"])) +
		" у " + must(ru.Form(c["kazakhstan_ru"], locale.Gen)) + ": " + must(ru.Money(27.8e9, "USD", 1)) +
		" " + sentence(must(ru.Period(y2024, locale.In))))
	show(upper(must(kk.Period(y2024, locale.In))) + " " + must(kk.Form(c["russia_kk"], locale.Ins)) + " " +
		must(kk.Agree("highest", c["turnover_kk"])) + " " + must(kk.Form(c["turnover_kk"], locale.Nom)) + " " +
		must(kk.Form(c["kazakhstan_kk"], locale.Loc)) + " " + must(kk.Agree("recorded", c["turnover_kk"])) + ": " +
		must(kk.Money(27.8e9, "USD", 1)) + ".")

	// "In February 2025 Kazakhstan implemented 99 projects."
	for _, n := range []float64{99, 21, 22} {
		show(upper(must(ru.Period(feb, locale.In))) + " " + must(ru.Form(c["kazakhstan_ru"], locale.Nom)) + " " +
			must(ru.Agree("implemented", c["kazakhstan_ru"])) + " " + must(ru.Count(n, 0, c["project_ru"])) + ".")
	}
	show(must(kk.Period(feb, locale.In)) + " " + must(kk.Form(c["kazakhstan_kk"], locale.Nom)) + " " +
		must(kk.Count(99, 0, c["project_kk"])) + " " + must(kk.Agree("implemented", c["kazakhstan_kk"])) + ".")

	// "The figures were published on 3 February 2025, in week 6 of 2025 (3–9 February 2025)."
	week := period.WeekOf(day)
	show("Данные опубликованы " + must(ru.Period(period.OfDay(day), locale.In)) + ", " +
		must(ru.Period(week, locale.In)) + " (" + ru.DateRange(week.Start, week.End) + ").")
	show("Деректер " + must(kk.Period(period.OfDay(day), locale.In)) + " жарияланды (" +
		must(kk.Period(week, locale.Label)) + ", " + kk.DateRange(week.Start, week.End) + ").")

	// Output:
	// Наибольший товарооборот с Россией зафиксирован у Казахстана: 27,8⍽млрд⍽долл.⍽США в 2024⍽г.
	// 2024 жылы Ресеймен ең жоғары тауар айналымы Қазақстанда тіркелді: 27,8⍽млрд⍽АҚШ доллары.
	// В феврале 2025⍽г. Казахстан реализовал 99 проектов.
	// В феврале 2025⍽г. Казахстан реализовал 21 проект.
	// В феврале 2025⍽г. Казахстан реализовал 22 проекта.
	// 2025 жылғы ақпанда Қазақстан 99 жоба іске асырды.
	// Данные опубликованы 3 февраля 2025⍽г., на 6-й неделе 2025⍽г. (3–9 февраля 2025⍽г.).
	// Деректер 2025 жылғы 3 ақпанда жарияланды (2025 жылғы 6-апта, 2025 жылғы 3–9 ақпан).
}
