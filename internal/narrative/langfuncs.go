package narrative

import (
	"fmt"
	"text/template"
	"time"

	"github.com/briefhq/brief/internal/format"
	"github.com/briefhq/brief/internal/locale"
	"github.com/briefhq/brief/internal/period"
)

// langFuncs are the template functions that write in the brief's locale
// (README, "Functions in a language"); st is the render's state, read at
// each call (renderers are pooled). Like every function they are
// metered by the template budget (engine.go wraps them).
func langFuncs(st func() *state) template.FuncMap {
	l := func() *locale.Locale {
		if s := st(); s != nil {
			return s.brief.Locale()
		}
		return English()
	}
	return template.FuncMap{
		// phrase KEY [NAME VALUE]...: a phrase of the locale's file.
		"phrase": func(key string, kv ...string) (string, error) { return l().Phrase(key, kv...) },
		// lang: the brief's language tag, "ru".
		"lang": func() string { return l().ID() },
		// count N FORM...: N and the noun form its number asks for, by
		// the locale's CLDR categories in its order (ru one few many
		// other: count 21 "проект" "проекта" "проектов" "проекта" is
		// "21 проект"; kk one other).
		"count": func(n any, forms ...string) (string, error) {
			x, err := num(n)
			if err != nil {
				return "", err
			}
			fig, err := locale.RoundNumber(x, -1)
			if err != nil {
				return "", err
			}
			cat := l().Category(fig)
			cats := l().PluralCategories()
			for i, c := range cats {
				if c == cat && i < len(forms) {
					return l().Digits(fig) + " " + forms[i], nil
				}
			}
			return "", fmt.Errorf("count %v: no form for the category %q (give one form per category: %v)", x, cat, cats)
		},
		// numL N DECIMALS: a number as the locale writes it, "1 234,5".
		"numL": func(v any, decimals int) (string, error) {
			x, err := num(v)
			if err != nil {
				return "", err
			}
			return l().Digits(figureOf(format.NumberDigits(x, decimals))), nil
		},
		"percentL": func(v any, decimals int) (string, error) {
			x, err := num(v)
			if err != nil {
				return "", err
			}
			return localPercent(l(), x, decimals), nil
		},
		// periodLabel P / periodIn P: "2024 г." / "в 2024 г.".
		"periodLabel": func(p period.Period) (string, error) { return l().Period(p, locale.Label) },
		"periodIn":    func(p period.Period) (string, error) { return l().Period(p, locale.In) },
		// periodForm P FORM: a period in a form of the locale's periods
		// (label, in, gen; kk attr): ru "gen" «декабря 2024 г.».
		"periodForm": func(p period.Period, form string) (string, error) { return l().Period(p, locale.PeriodForm(form)) },
		// labelL LABEL: a period the view gives as an English label
		// ("2020", "April 2022", "16 April 2022": Topic.LatestPeriod,
		// Indicator.LatestPeriod) as a label of the locale ("16 апреля
		// 2022 г."); "" when the label is of no such form, so that a
		// template leaves it out rather than print English.
		"labelL": func(label string) (string, error) {
			p, ok := parseLabel(label)
			if !ok {
				return "", nil
			}
			return l().Period(p, locale.Label)
		},
		"dateL": func(t time.Time) string { return l().Date(t) },
		"joinL": func(v any) (string, error) {
			switch x := v.(type) {
			case []string:
				return l().Join(x), nil
			case []any:
				ss := make([]string, len(x))
				for i, e := range x {
					ss[i] = fmt.Sprint(e)
				}
				return l().Join(ss), nil
			}
			return "", fmt.Errorf("joinL: expected a list, got %T", v)
		},
		// caseL TEXT CASE: TEXT with the ending of CASE (nom gen dat acc
		// loc abl ins, or ord) by the locale's vowel harmony (kk): a word
		// is declined ("Ресей" ins "Ресеймен"), a figure takes it after a
		// hyphen as it is read ("4,2%" dat "4,2%-ға", "5" loc "5-те").
		// A locale without harmony, or a text harmony cannot read (an
		// abbreviation, a name in Latin letters), is an error: give the
		// form in the catalog, or test it first with declinable.
		"caseL": func(text, c string) (string, error) { return l().Suffix(text, locale.Case(c)) },
		// declinable TEXT: whether caseL can decline TEXT (a word of the
		// locale's letters or a figure), so that a template can say a
		// name printed as written (a catalog name in no form of the
		// language) in a construction that needs no ending.
		"declinable": func(text string) bool {
			_, err := l().Suffix(text, locale.Case("gen"))
			return err == nil
		},
		"quote":    func(s string) string { return l().Quote(s) },
		"ordinalL": func(n int) string { return l().Ordinal(n) },
		// changeL, prevL, prevPeriodL: a row's change in the locale.
		"changeL": func(c *Change) (string, error) { return c.ChangeL(l()) },
		"prevL": func(r *Row, c *Change) (string, error) {
			if c == nil || c.Fact == nil {
				return "", nil
			}
			return localCount(l(), c.Fact.Against.Value, c.Fact, c.label, r.decimals, r.Indicator.countNoun())
		},
		"prevPeriodL": func(c *Change) (string, error) { return c.PrevPeriodL(l()) },
		// agree KEY NOUN-GENDER: a word of the locale's agreeing table in
		// the gender given ("m", "f", "n", "pl").
		"agree": func(key, gender string) (string, error) {
			n := locale.Noun{Gender: locale.Gender(gender)}
			if gender == "pl" {
				n = locale.Noun{Plural: true}
			}
			return l().Agree(key, n)
		},
	}
}
