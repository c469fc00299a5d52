package format

import (
	"fmt"
	"strings"
	"testing"
)

// english writes Digits as this package writes figures, so that the
// test can hold Digits to the English strings.
func (d Digits) english() string {
	switch d.Special {
	case "nan":
		return "NaN"
	case "inf":
		return "Inf"
	case "neg_inf":
		return "-Inf"
	}
	var b strings.Builder
	if d.About {
		b.WriteString("about ")
	}
	if d.Neg {
		b.WriteByte('-')
	}
	for i := 0; i < len(d.Int); i++ {
		if i > 0 && (len(d.Int)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteByte(d.Int[i])
	}
	if d.Frac != "" {
		b.WriteString("." + d.Frac)
	}
	if w := scaleWords[d.Scale]; w != "" {
		b.WriteString(" " + w)
	}
	return b.String()
}

// TestDigitsMatchEnglish holds the Digits of every kind of decimals
// (declared, automatic, common, press, one-scale, unscaled) to the
// figures Scaled, Money, Percent and Number print: another language
// rounds as English does.
func TestDigitsMatchEnglish(t *testing.T) {
	values := []float64{0, 1, -1, 0.8, 4.2, 0.00345, 99, 999.5, 1234.567, 13421, 113735, 999960,
		1760211, 2900332, -7205064, 12e6, 27.8e9, 999.96e6, 1.23e12, 45000, 2412.3, -0.04}
	decs := []int{-1, 0, 1, 2, 3,
		CommonPlaces([]float64{80.96e6, 1.76e6, 113735}, "cases", ""),
		CommonPlaces([]float64{3, 2.844, 0.89}, "USD", ""),
		PressDecimals(-1), PressDecimals(0), PressDecimals(1),
		OneScale(1043276, 808717, "cases", "", -1), OneScale(1.2e9, 0.95e9, "USD", "", -1),
		OneScale(27.8e9, 3.1e9, "cases", "", 1), Unscaled(-1), Unscaled(2)}
	for _, v := range values {
		for _, d := range decs {
			name := fmt.Sprintf("%v/%d", v, d)
			if got, want := ScaledDigits(v, d).english(), Scaled(v, d); got != want {
				t.Errorf("%s: ScaledDigits %q, Scaled %q", name, got, want)
			}
			m := MoneyDigits(v, d)
			about, neg := m.About, m.Neg
			m.About, m.Neg = false, false
			got := "$" + m.english()
			if neg {
				got = "-" + got
			}
			if about {
				got = "about " + got
			}
			if want := Money(v, "USD", d); got != want {
				t.Errorf("%s: MoneyDigits %q, Money %q", name, got, want)
			}
			if got, want := PercentDigits(v, d).english()+"%", Percent(v, d); got != want {
				t.Errorf("%s: PercentDigits %q, Percent %q", name, got, want)
			}
			if got, want := NumberDigits(v, d).english(), Number(v, d); got != want {
				t.Errorf("%s: NumberDigits %q, Number %q", name, got, want)
			}
		}
	}
}
