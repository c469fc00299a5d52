package locale_test

// The English locale against internal/format, which rounds with this
// package (Decimal, Places): a test outside the package, as format
// imports locale.

import (
	"math"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"github.com/briefhq/brief/internal/format"
	"github.com/briefhq/brief/internal/locale"
	"github.com/briefhq/brief/internal/period"
)

func loc(t testing.TB, id string) *locale.Locale {
	t.Helper()
	r, err := locale.Default()
	if err != nil {
		t.Fatal(err)
	}
	l, ok := r.Get(id)
	if !ok {
		t.Fatalf("no locale %s", id)
	}
	return l
}

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

// values that exercise rounding, scales and their edges.
func sampleValues() []float64 {
	vs := []float64{
		0, 1, -1, 0.5, 1.25, 2.5, 4.2, 4, 0.8, 0.04, -0.04, 0.00345, 0.042, 3, 2.844, 0.89, 12, 45,
		999, 1000, 1250, 1234.5, 1234.567, 2412.3, 45000, 99999.995, 113735, 999999.996,
		1e6, 1.5e6, 1760211, 2900332, 12e6, 21.019e6, 113.7e6, 999.96e6, 999960000, 1e9, 27.8e9, 52.9e9,
		1.23e12, 999.96e12, 1e15, 3.4e18, -2e9, -27.8e9, -1234.5, 1.0000001, 0.0000001234, 5e-13,
		math.NaN(), math.Inf(1), math.Inf(-1), math.MaxFloat64, math.SmallestNonzeroFloat64,
	}
	r := rand.New(rand.NewPCG(14, 2025))
	for range 400 {
		e := r.IntN(30) - 8
		v := r.Float64() * math.Pow10(e)
		if r.IntN(4) == 0 {
			v = -v
		}
		if r.IntN(3) == 0 {
			v = math.Round(v*100) / 100
		}
		vs = append(vs, v)
	}
	return vs
}

// The English locale prints what internal/format prints, byte for byte,
// for every value and decimals a template passes: switching format to the
// locale must not change an English brief.
func TestEnglishMatchesFormat(t *testing.T) {
	en := loc(t, "en")
	noun := locale.Noun{Sg: map[locale.Case]string{locale.Nom: "project"}, Pl: map[locale.Case]string{locale.Nom: "projects"}}
	for _, v := range sampleValues() {
		for _, d := range []int{-1, 0, 1, 2, 3, 25} {
			check := func(name, got, want string, err error) {
				t.Helper()
				if err != nil {
					t.Fatalf("%s(%v, %d): %v", name, v, d, err)
				}
				if got != want {
					t.Errorf("%s(%v, %d) = %q, format gives %q", name, v, d, got, want)
				}
			}
			s, err := en.Number(v, d)
			check("Number", s, format.Number(v, d), err)
			s, err = en.Scaled(v, d)
			check("Scaled", s, format.Scaled(v, d), err)
			for _, cur := range []string{"USD", "EUR", "GBP", "KZT", "RUB"} {
				s, err = en.Money(v, cur, d)
				check("Money "+cur, s, format.Money(v, cur, d), err)
			}
			s, err = en.Percent(v, d)
			check("Percent", s, format.Percent(v, d), err)
			s, err = en.Points(v, d)
			check("Points", s, format.Points(v, d), err)
		}
		if !math.IsNaN(v) && !math.IsInf(v, 0) {
			s, err := en.Count(v, -1, noun)
			if err != nil {
				t.Fatal(err)
			}
			if want := format.Plural(v, "project", "projects"); s != want {
				t.Errorf("Count(%v) = %q, format.Plural gives %q", v, s, want)
			}
		}
	}
}

// English labels and dates are what period.Label, format.Date and
// format.DateRange print, over two years of days.
func TestEnglishDatesMatch(t *testing.T) {
	en := loc(t, "en")
	for d := day(2024, 12, 1); d.Before(day(2027, 1, 10)); d = d.AddDate(0, 0, 1) {
		for _, k := range []period.Kind{period.Year, period.Quarter, period.Month, period.Week, period.Day} {
			p := period.OfDay(d).In(k)
			got, err := en.Period(p, locale.Label)
			if err != nil {
				t.Fatal(err)
			}
			if got != p.Label() {
				t.Fatalf("Period(%s) = %q, period.Label gives %q", p, got, p.Label())
			}
		}
		if got := en.Date(d); got != format.Date(d) {
			t.Fatalf("Date(%s) = %q, format gives %q", d, got, format.Date(d))
		}
		for _, n := range []int{0, 6, 20, 40, 400} {
			e := d.AddDate(0, 0, n)
			if got, want := en.DateRange(d, e), format.DateRange(d, e); got != want {
				t.Fatalf("DateRange(%s, %s) = %q, format gives %q", d, e, got, want)
			}
			if got, want := en.DateRange(e, d), format.DateRange(e, d); got != want {
				t.Fatalf("DateRange(%s, %s) = %q, format gives %q", e, d, got, want)
			}
		}
	}
}

// English lists and ordinals are format.Join's, format.Ordinal's and
// format.OrdinalWord's.
func TestEnglishWordsMatchFormat(t *testing.T) {
	// English is format.Join's, on lists with and without commas.
	lists := [][]string{{}, {"A"}, {"A", "B"}, {"A", "B", "C"}, {"Uganda", "Nauru", "Congo, Dem. Rep.", "Eritrea"},
		{"1,250 cases", "3 cases"}, {"Astana (930.1 kt, an estimate)", "Almaty"}, {"a,", "b"}}
	en := loc(t, "en")
	for _, items := range lists {
		if got, want := en.Join(items), format.Join(items); got != want {
			t.Errorf("en Join(%q) = %q, format gives %q", items, got, want)
		}
	}
	for n := -120; n <= 1200; n++ {
		if got, want := en.Ordinal(n), format.Ordinal(n); got != want {
			t.Fatalf("en Ordinal(%d) = %q, format gives %q", n, got, want)
		}
		if got, want := en.OrdinalWord(n), format.OrdinalWord(n); got != want {
			t.Fatalf("en OrdinalWord(%d) = %q, format gives %q", n, got, want)
		}
	}
}

func TestCodesAreRefused(t *testing.T) {
	ru := loc(t, "ru")
	_, err := ru.Scaled(27.8e9, format.CommonPlaces([]float64{27.8e9, 1e6}, "USD", ""))
	if err == nil || !strings.Contains(err.Error(), "let format round the figure") {
		t.Fatalf("a format code must be refused with advice, got %v", err)
	}
	_, err = ru.Money(27.8e9, "USD", format.PressDecimals(-1))
	if err == nil {
		t.Fatal("a press code must be refused")
	}
}
