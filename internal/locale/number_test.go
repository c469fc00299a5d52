package locale

import (
	"math"
	"strconv"
	"strings"
	"testing"
)

func TestMoneyInEachScale(t *testing.T) {
	tests := []struct {
		lang, code string
		v          float64
		d          int
		short      bool
		want       string
	}{
		// The example, and each scale.
		{"ru", "USD", 27.8e9, 1, false, "27,8" + nb + "млрд" + nb + "долл." + nb + "США"},
		{"kk", "USD", 27.8e9, 1, false, "27,8" + nb + "млрд" + nb + "АҚШ доллары"},
		{"en", "USD", 27.8e9, 1, false, "$27.8 billion"},
		{"ru", "USD", 1.5e6, -1, false, "1,5" + nb + "млн" + nb + "долл." + nb + "США"},
		{"ru", "USD", 1.23e12, -1, false, "1,23" + nb + "трлн" + nb + "долл." + nb + "США"},
		{"kk", "KZT", 1.23e12, -1, false, "1,23" + nb + "трлн" + nb + "теңге"},
		{"kk", "KZT", 4.5e9, -1, false, "4,5" + nb + "млрд" + nb + "теңге"},
		{"kk", "KZT", 350e6, -1, false, "350" + nb + "млн" + nb + "теңге"},
		{"ru", "KZT", 12000, -1, false, "12" + nb + "000" + nb + "тенге"},
		// No scale: a price keeps its cents.
		{"ru", "USD", 4.2, -1, false, "4,20" + nb + "долл." + nb + "США"},
		{"kk", "USD", 0.8, 1, false, "0,80" + nb + "АҚШ доллары"},
		{"en", "USD", 2412.3, 2, false, "$2,412.30"},
		{"ru", "RUB", 1234.5, -1, false, "1" + nb + "234,50" + nb + "руб."},
		// Signs where readers expect them, in tables and on charts.
		{"ru", "RUB", 27.8e9, 1, true, "27,8" + nb + "млрд" + nb + "₽"},
		{"ru", "KZT", 1500, 0, true, "1" + nb + "500" + nb + "₸"},
		{"kk", "KZT", 1500, 0, true, "1" + nb + "500" + nb + "₸"},
		{"ru", "USD", 27.8e9, 1, true, "27,8" + nb + "млрд" + nb + "$"},
		{"ru", "TJS", 3e6, 0, true, "3" + nb + "млн" + nb + "сомони"}, // no sign: its text
		// A currency name that agrees with the number.
		{"ru", "KGS", 1, 0, false, "1" + nb + "сом"},
		{"ru", "KGS", 2, 0, false, "2" + nb + "сома"},
		{"ru", "KGS", 5, 0, false, "5" + nb + "сомов"},
		{"ru", "KGS", 21, 0, false, "21" + nb + "сом"},
		{"ru", "KGS", 1.5, 1, false, "1,50" + nb + "сома"},
		{"ru", "KGS", 1.5e6, -1, false, "1,5" + nb + "млн" + nb + "сомов"},
		{"ru", "CNY", 2e9, -1, false, "2" + nb + "млрд" + nb + "юаней"},
		{"kk", "KGS", 5, 0, false, "5" + nb + "сом"},
		// A code without an entry keeps its code.
		{"ru", "CHF", 2e6, -1, false, "2" + nb + "млн" + nb + "CHF"},
		{"en", "KZT", 27.8e9, 1, false, "27.8 billion KZT"},
		// The minus sign first.
		{"ru", "USD", -2e9, -1, false, "−2" + nb + "млрд" + nb + "долл." + nb + "США"},
		{"en", "EUR", -2e9, -1, false, "-€2 billion"},
		{"ru", "USD", math.NaN(), -1, false, "NaN USD"},
	}
	for _, tt := range tests {
		l := loc(t, tt.lang)
		var got string
		var err error
		if tt.short {
			got, err = l.MoneyShort(tt.v, tt.code, tt.d)
		} else {
			got, err = l.Money(tt.v, tt.code, tt.d)
		}
		if err != nil {
			t.Fatal(err)
		}
		if got != tt.want {
			t.Errorf("%s Money(%v, %s, %d, short %v) = %q, want %q", tt.lang, tt.v, tt.code, tt.d, tt.short, show(got), show(tt.want))
		}
	}
}

func TestNumbers(t *testing.T) {
	tests := []struct {
		lang string
		f    func(*Locale) (string, error)
		want string
	}{
		{"ru", func(l *Locale) (string, error) { return l.Number(1234567.5, 1) }, "1" + nb + "234" + nb + "567,5"},
		{"kk", func(l *Locale) (string, error) { return l.Number(1234.5, 2) }, "1" + nb + "234,50"},
		{"ru", func(l *Locale) (string, error) { return l.Number(999, 0) }, "999"},
		{"ru", func(l *Locale) (string, error) { return l.Number(-3.5, -1) }, "−3,5"},
		{"ru", func(l *Locale) (string, error) { return l.Number(-0.04, 1) }, "0,0"}, // never "-0,0"
		{"ru", func(l *Locale) (string, error) { return l.Number(0.00345, -1) }, "0,0035"},
		{"ru", func(l *Locale) (string, error) { return l.Scaled(27.8e9, -1) }, "27,8" + nb + "млрд"},
		{"ru", func(l *Locale) (string, error) { return l.Scaled(1760211, -1) }, "1,76" + nb + "млн"},
		{"ru", func(l *Locale) (string, error) { return l.Scaled(999960000, 1) }, "1,0" + nb + "млрд"},
		{"ru", func(l *Locale) (string, error) { return l.Scaled(45000, -1) }, "45" + nb + "000"},
		{"kk", func(l *Locale) (string, error) { return l.Scaled(1.23e12, -1) }, "1,23" + nb + "трлн"},
		{"ru", func(l *Locale) (string, error) { return l.ScaledAs(27.8e9, -1, Full) }, "27,8" + nb + "миллиарда"},
		{"ru", func(l *Locale) (string, error) { return l.ScaledAs(5e9, -1, Full) }, "5" + nb + "миллиардов"},
		{"ru", func(l *Locale) (string, error) { return l.ScaledAs(1e6, -1, Full) }, "1" + nb + "миллион"},
		{"ru", func(l *Locale) (string, error) { return l.ScaledAs(2e6, -1, Full) }, "2" + nb + "миллиона"},
		{"ru", func(l *Locale) (string, error) { return l.ScaledAs(21e12, -1, Full) }, "21" + nb + "триллион"},
		{"kk", func(l *Locale) (string, error) { return l.ScaledAs(27.8e9, -1, Full) }, "27,8" + nb + "миллиард"},
		{"en", func(l *Locale) (string, error) { return l.ScaledAs(27.8e9, -1, Abbr) }, "27.8 billion"}, // English has no abbreviation: its own style
		{"ru", func(l *Locale) (string, error) { return l.Percent(4.2, 1) }, "4,2" + nb + "%"},
		{"ru", func(l *Locale) (string, error) { return l.Percent(4, -1) }, "4" + nb + "%"},
		{"kk", func(l *Locale) (string, error) { return l.Percent(4.2, 1) }, "4,2%"},
		{"en", func(l *Locale) (string, error) { return l.Percent(0.042, -1) }, "0.042%"},
		{"ru", func(l *Locale) (string, error) { return l.PerMille(4.2, 1) }, "4,2" + nb + "‰"},
		{"kk", func(l *Locale) (string, error) { return l.PerMille(4.2, 1) }, "4,2‰"},
		{"en", func(l *Locale) (string, error) { return l.PerMille(4.2, 1) }, "4.2‰"},
		{"ru", func(l *Locale) (string, error) { return l.Points(1.5, 1) }, "1,5" + nb + "п." + nb + "п."},
		{"ru", func(l *Locale) (string, error) { return l.Points(-0.25, 2) }, "−0,25" + nb + "п." + nb + "п."},
		{"kk", func(l *Locale) (string, error) { return l.Points(1.5, 1) }, "1,5 пайыздық тармақ"},
		{"kk", func(l *Locale) (string, error) { return l.Points(2, 0) }, "2 пайыздық тармақ"},
		{"en", func(l *Locale) (string, error) { return l.Points(1.04, 0) }, "1 percentage point"},
		{"en", func(l *Locale) (string, error) { return l.Points(1.04, 1) }, "1.0 percentage points"},
	}
	for _, tt := range tests {
		got, err := tt.f(loc(t, tt.lang))
		if err != nil {
			t.Fatal(err)
		}
		if got != tt.want {
			t.Errorf("%s: got %q, want %q", tt.lang, show(got), show(tt.want))
		}
	}
}

// The plural examples: 0, 1, 2, 5, 11, 21, 22, 25, 101 and 1.5,
// for a noun, for percentage points in full and for a scale word.
func TestPluralForms(t *testing.T) {
	numbers := []float64{0, 1, 2, 5, 11, 21, 22, 25, 101, 1.5}
	nouns := map[string]Noun{
		"en": {Sg: map[Case]string{Nom: "project"}, Pl: map[Case]string{Nom: "projects"}},
		"ru": {Sg: map[Case]string{Nom: "проект", Gen: "проекта"}, Pl: map[Case]string{Gen: "проектов"}, Gender: "m"},
		"kk": {Sg: map[Case]string{Nom: "жоба"}},
	}
	want := map[string][]string{
		"en": {"0 projects", "1 project", "2 projects", "5 projects", "11 projects", "21 projects", "22 projects", "25 projects", "101 projects", "1.5 projects"},
		"ru": {"0 проектов", "1 проект", "2 проекта", "5 проектов", "11 проектов", "21 проект", "22 проекта", "25 проектов", "101 проект", "1,5 проекта"},
		"kk": {"0 жоба", "1 жоба", "2 жоба", "5 жоба", "11 жоба", "21 жоба", "22 жоба", "25 жоба", "101 жоба", "1,5 жоба"},
	}
	points := []string{ // ru, in full
		"0 процентных пунктов", "1 процентный пункт", "2 процентных пункта", "5 процентных пунктов", "11 процентных пунктов",
		"21 процентный пункт", "22 процентных пункта", "25 процентных пунктов", "101 процентный пункт", "1,5 процентного пункта",
	}
	billions := []string{ // ru, in full
		"0", "1" + nb + "миллиард", "2" + nb + "миллиарда", "5" + nb + "миллиардов", "11" + nb + "миллиардов",
		"21" + nb + "миллиард", "22" + nb + "миллиарда", "25" + nb + "миллиардов", "101" + nb + "миллиард", "1,5" + nb + "миллиарда",
	}
	ru := loc(t, "ru")
	for i, n := range numbers {
		for _, lang := range []string{"en", "ru", "kk"} {
			got := must(t)(loc(t, lang).Count(n, -1, nouns[lang]))
			if got != want[lang][i] {
				t.Errorf("%s Count(%v) = %q, want %q", lang, n, got, want[lang][i])
			}
		}
		if got := must(t)(ru.PointsAs(n, -1, Full)); got != points[i] {
			t.Errorf("ru PointsAs(%v, Full) = %q, want %q", n, got, points[i])
		}
		if got := must(t)(ru.ScaledAs(n*1e9, -1, Full)); got != billions[i] {
			t.Errorf("ru ScaledAs(%v e9, Full) = %q, want %q", n, show(got), show(billions[i]))
		}
	}
	// After a scale word the noun is genitive plural in Russian whatever
	// the number: "1,5 млн проектов", "1 млн проектов".
	for _, v := range []float64{1e6, 1.5e6, 2e6, 21e6} {
		got := must(t)(ru.Count(v, -1, nouns["ru"]))
		if !strings.HasSuffix(got, nb+"млн проектов") {
			t.Errorf("ru Count(%v) = %q, want … млн проектов", v, show(got))
		}
	}
	// A padded fraction is not "one": "1,0 проекта", and in English "1.0
	// projects".
	if got := must(t)(ru.Count(1, 1, nouns["ru"])); got != "1,0 проекта" {
		t.Errorf("ru Count(1, 1) = %q", got)
	}
}

// Every number falls in a category the file declares: a category CLDR
// knows and the file forgot would print "other" forms silently.
func TestDeclaredCategoriesCoverCLDR(t *testing.T) {
	r, _ := Default()
	for _, l := range r.Locales() {
		for i := 0; i <= 2000; i++ {
			for _, frac := range []string{"", "5", "0", "25"} {
				f := Figure{Int: strconv.Itoa(i), Frac: frac}
				if c := l.Category(f); !contains(l.categories, c) {
					t.Fatalf("%s: %s,%s is CLDR %q, which plural.categories %v lacks", l.ID(), f.Int, f.Frac, c, l.categories)
				}
			}
		}
	}
}

func TestAxisTitle(t *testing.T) {
	tests := []struct {
		lang, unit string
		s          Scale
		want       string
	}{
		{"en", "USD", Billion, "billion USD"},
		{"en", "people", Million, "million people"},
		{"en", "%", NoScale, "%"},
		{"ru", "долл.\u00a0США", Billion, "млрд\u00a0долл.\u00a0США"}, // no-break spaces: an axis title wraps as a whole
		{"kk", "АҚШ доллары", Billion, "млрд\u00a0АҚШ доллары"},
		{"ru", "", Million, "млн"},
	}
	// CurrencyUnit: the name for an axis, the code where the locale has
	// only a sign (English), the form after a scale word.
	for _, tt := range []struct {
		lang, code string
		scaled     bool
		want       string
	}{
		{"en", "USD", true, "USD"}, {"en", "KZT", false, "KZT"}, {"ru", "USD", true, "долл.\u00a0США"},
		{"ru", "KGS", true, "сомов"}, {"ru", "KGS", false, "сом"}, {"kk", "KZT", true, "теңге"},
	} {
		if got := loc(t, tt.lang).CurrencyUnit(tt.code, tt.scaled); got != tt.want {
			t.Errorf("%s CurrencyUnit(%s, %v) = %q, want %q", tt.lang, tt.code, tt.scaled, got, tt.want)
		}
	}
	for _, tt := range tests {
		if got := must(t)(loc(t, tt.lang).AxisTitle(tt.unit, tt.s)); got != tt.want {
			t.Errorf("%s AxisTitle(%q, %v) = %q, want %q", tt.lang, tt.unit, tt.s, got, tt.want)
		}
	}
}
