package format

import (
	"strings"
	"testing"
)

func TestMinus(t *testing.T) {
	for _, c := range []struct{ name, in, want string }{
		{"number", "-3.2%", "\u22123.2%"},
		{"money", "-$1.50", "\u2212$1.50"},
		{"euro", "(-€2 billion)", "(\u2212€2 billion)"},
		{"after space", "fell to -0.5 points", "fell to \u22120.5 points"},
		{"decimal point", "-.5", "\u2212.5"},
		{"range kept", "2020-2024", "2020-2024"},
		{"compound kept", "COVID-19 and year-on-year", "COVID-19 and year-on-year"},
		{"iso week kept", "2025-W06", "2025-W06"},
		{"word hyphen kept", "a - b", "a - b"},
		{"lone hyphen", "-", "-"},
		{"tick from format", Number(-2.5, 1), "\u22122.5"},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := Minus(c.in); got != c.want {
				t.Errorf("Minus(%q) = %q, want %q", c.in, got, c.want)
			}
		})
	}
}

func TestCommonDecimals(t *testing.T) {
	for _, c := range []struct {
		name   string
		values []float64
		want   int
		texts  []string // Value of each with the result, unit "t"
	}{
		{"a ranking of rates", []float64{3, 2.844, 0.89}, 2, []string{"3.00 t", "2.84 t", "0.89 t"}},
		{"scaled", []float64{21.019e6, 4.818e6}, 2, []string{"21.02 million t", "4.82 million t"}},
		{"integers", []float64{12, 1250}, 0, []string{"12 t", "1,250 t"}},
		{"none", nil, 0, nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			got := CommonDecimals(c.values)
			if got != c.want {
				t.Fatalf("CommonDecimals(%v) = %d, want %d", c.values, got, c.want)
			}
			for i, v := range c.values {
				if s := Value(v, "t", got); s != c.texts[i] {
					t.Errorf("Value(%v, t, %d) = %q, want %q", v, got, s, c.texts[i])
				}
			}
		})
	}
}

func TestAxisTitle(t *testing.T) {
	for _, c := range []struct{ label, word, want string }{
		{"people", "million", "million people"},
		{UnitLabel("people_million"), "", "million people"},
		{"USD", "billion", "billion USD"},
		{UnitLabel("kt_carbon"), "million", "million kt of carbon"},
		{"%", "", "%"},
		{"", "billion", "billion"},
	} {
		if got := AxisTitle(c.label, c.word); got != c.want {
			t.Errorf("AxisTitle(%q, %q) = %q, want %q", c.label, c.word, got, c.want)
		}
	}
}

// TestDeclaredDecimals is the case: an indicator with decimals: 2
// prints every value, price and change alike.
func TestDeclaredDecimals(t *testing.T) {
	for _, c := range []struct{ got, want string }{
		{Value(3, "t of carbon per person", 2), "3.00 t of carbon per person"},
		{Value(2.844, "t of carbon per person", 2), "2.84 t of carbon per person"},
		{Value(0.89, "t of carbon per person", 2), "0.89 t of carbon per person"},
		{ValueLabel(0.8, "USD", "", 2), "$0.80"},
		{ValueLabel(78.5, "USD per barrel", "", 1), "$78.50 per barrel"},
		{Value(2412.3, "USD", 2), "$2,412.30"},
		{Change(102, 100, "USD", 2, "2019"), "up 2.0% on 2019"},
		{Change(101.3, 100, "USD", 2, "2019"), "up 1.3% on 2019"},
		{ChangeRounded(123.4, 100, "USD", 2, 0, "2019"), "up 23% on 2019"},
		{Change(4, 5, "%", 1, "2019"), "down 1.0 percentage points on 2019"},
	} {
		if c.got != c.want {
			t.Errorf("got %q, want %q", c.got, c.want)
		}
	}
}

// FuzzMinus: Minus changes nothing but hyphens into minus signs, and only
// a hyphen before a digit, or before a currency symbol or point and digit.
func FuzzMinus(f *testing.F) {
	for _, s := range []string{"-3.2%", "-$1.50", "2020-2024", "a -b", "(-.5)", "-€", "x -£2"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := Minus(s)
		if back := strings.ReplaceAll(got, MinusSign, "-"); back != strings.ReplaceAll(s, MinusSign, "-") {
			t.Fatalf("Minus(%q) = %q changes more than signs", s, got)
		}
		if Minus(got) != got {
			t.Fatalf("Minus(Minus(%q)) != Minus(%q)", s, s)
		}
	})
}
