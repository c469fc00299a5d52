package narrative

import (
	"fmt"
	"text/template"
	"time"

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
			return l().Number(x, decimals)
		},
		"percentL": func(v any, decimals int) (string, error) {
			x, err := num(v)
			if err != nil {
				return "", err
			}
			return l().Percent(x, decimals)
		},
		// periodLabel P / periodIn P: "2024 г." / "в 2024 г.".
		"periodLabel": func(p period.Period) (string, error) { return l().Period(p, locale.Label) },
		"periodIn":    func(p period.Period) (string, error) { return l().Period(p, locale.In) },
		"dateL":       func(t time.Time) string { return l().Date(t) },
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
		"quote":    func(s string) string { return l().Quote(s) },
		"ordinalL": func(n int) string { return l().Ordinal(n) },
		// changeL, prevL, prevPeriodL: a row's change in the locale.
		"changeL":     func(c *Change) (string, error) { return c.ChangeL(l()) },
		"prevL":       func(r *Row, c *Change) (string, error) { return c.PrevL(l(), r.decimals) },
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
