package format

import (
	"math"
	"testing"
)

// TestFaithful: the fact guard's rule for figures one sentence compares:
// the order kept (equal only when equal), the difference at most doubled.
func TestFaithful(t *testing.T) {
	for _, c := range []struct {
		name string
		unit string
		figs []Fig
		want bool
	}{
		{"a rise printed as none", "cases", []Fig{{23416663, PressDecimals(0)}, {22677986, PressDecimals(0)}}, false},
		{"two digits that keep the rise", "cases", []Fig{{1760211, PressDecimals(0)}, {1605905, PressDecimals(0)}}, true},
		{"a point for a fifth of one", "%", []Fig{{13.6, 0}, {13.4, 0}}, false},
		{"the rate's own places", "%", []Fig{{13.6, 1}, {13.4, 1}}, true},
		{"a hedge beside an exact base", "USD", []Fig{{27.8e9, PressDecimals(1)}, {27.3e9, 1}}, true},
		{"a fall printed as a rise", "kt", []Fig{{1349.6, 0}, {1351.2, 0}}, true},
		{"a fall printed as a rise, rounded to hundreds", "kt", []Fig{{1349.6, PressDecimals(0)}, {1351.2, PressDecimals(0)}}, false},
		{"equal stays equal", "cases", []Fig{{5e6, PressDecimals(0)}, {5e6, PressDecimals(0)}}, true},
		{"exactly doubled is kept", "doses", []Fig{{217000, PressDecimals(0)}, {212000, PressDecimals(0)}}, true},
		{"three figures, one pair wrong", "cases", []Fig{{1760211, PressDecimals(0)}, {1605905, PressDecimals(0)}, {1759128, PressDecimals(0)}}, false},
	} {
		if got := Faithful(c.unit, "", c.figs...); got != c.want {
			t.Errorf("%s: Faithful(%v) = %v, want %v", c.name, c.figs, got, c.want)
		}
	}
}

// TestKeepsComparison: the guard's form of the rule, on one pair of
// figures as a polish printed them.
func TestKeepsComparison(t *testing.T) {
	for _, c := range []struct {
		name                           string
		truthA, shownA, truthB, shownB float64
		want                           bool
	}{
		{"about 14%, up from about 13% for 13.6% and 13.4%", 13.6, 14, 13.4, 13, false},
		{"about $28 billion against an exact $27.3 billion", 27.8e9, 28e9, 27.3e9, 27.3e9, true},
		{"two rounded figures printed alike", 17.8, 18, 17.9, 18, false},
		{"the range end rounded below itself", 341, 340, 341, 341, false},
		{"equal stays equal", 5e6, 5e6, 5e6, 5e6, true},
		{"exactly doubled is kept", 217000, 220000, 212000, 210000, true},
		{"an order swapped", 1349.6, 1300, 1351.2, 1400, false},
		{"not a number", math.NaN(), 1, 2, 2, false},
	} {
		if got := KeepsComparison(c.truthA, c.shownA, c.truthB, c.shownB); got != c.want {
			t.Errorf("%s: KeepsComparison = %v, want %v", c.name, got, c.want)
		}
	}
}

// TestTogether: the least precision that keeps the figures of a sentence
// faithful, from the press's two significant digits or the brief's
// decimals up; unrounded when none does.
func TestTogether(t *testing.T) {
	for _, c := range []struct {
		name     string
		values   []float64
		unit     string
		decimals int
		want     []string
	}{
		// The sentence (the real COVID file's Germany, 16 April
		// 2022): the close, last week's close, the week's low and high.
		{"the close, its base and the range", []float64{23416663, 22677986, 22878428, 23416663}, "cases", PressDecimals(0),
			[]string{"about 23.4 million cases", "about 22.7 million cases", "about 22.9 million cases", "about 23.4 million cases"}},
		{"22.6 and 23.4 million are not both 23 million", []float64{22.6e6, 23.4e6}, "cases", PressDecimals(-1),
			[]string{"22.6 million cases", "23.4 million cases"}},
		{"two digits when they do", []float64{1760211, 1605905}, "cases", PressDecimals(0),
			[]string{"about 1.8 million cases", "about 1.6 million cases"}},
		{"four digits", []float64{23416663, 23396000}, "cases", PressDecimals(0),
			[]string{"about 23.42 million cases", "about 23.4 million cases"}},
		{"none does: unrounded", []float64{23416663, 23416600}, "cases", PressDecimals(0),
			[]string{"23,416,663 cases", "23,416,600 cases"}},
		{"a price", []float64{2412.3, 2383.1, 2375, 2420.5}, "USD", PressDecimals(2),
			[]string{"about $2,412", "about $2,383", "$2,375", "about $2,421"}},
		{"the brief's decimals, one more place", []float64{80625120, 80406370}, "cases", 0,
			[]string{"80.6 million cases", "80.4 million cases"}},
		{"the brief's faithful figures stay", []float64{80625120, 70406370}, "cases", 0,
			[]string{"81 million cases", "70 million cases"}},
		{"a rate, one more place", []float64{13.6, 13.4}, "%", 0, []string{"13.6%", "13.4%"}},
		{"a fall, not a rise", []float64{1349.6, 1351.2}, "kt", PressDecimals(1), []string{"about 1,350 kt", "about 1,351 kt"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			d := Together(c.values, c.unit, "", c.decimals)
			for i, v := range c.values {
				if got := ValueLabel(v, c.unit, "", d); got != c.want[i] {
					t.Errorf("ValueLabel(%v, Together) = %q, want %q", v, got, c.want[i])
				}
			}
			figs := make([]Fig, len(c.values))
			for i, v := range c.values {
				figs[i] = Fig{v, d}
			}
			if !Faithful(c.unit, "", figs...) {
				t.Errorf("Together's figures are not faithful")
			}
		})
	}
}

// TestBeside: a press figure beside one printed as the brief prints it
// (a plan's "23.0 million") takes the digits that keep the two apart.
func TestBeside(t *testing.T) {
	d := Beside(22612345, []float64{23e6}, "cases", "", PressDecimals(1), 1)
	if got := ValueLabel(22612345, "cases", "", d); got != "about 22.6 million cases" {
		t.Errorf("beside 23.0 million: %q", got)
	}
	d = Beside(18.2e6, []float64{23e6}, "cases", "", PressDecimals(1), 1)
	if got := ValueLabel(18.2e6, "cases", "", d); got != "about 18 million cases" {
		t.Errorf("far from the plan: %q", got)
	}
	if d := Beside(22612345, []float64{23e6}, "cases", "", 1, 1); d != 1 {
		t.Errorf("not press decimals: %d", d)
	}
}

// TestPressDigitsForLocales: the digits a locale writes round as the
// English figure does.
func TestPressDigitsForLocales(t *testing.T) {
	d := Together([]float64{23416663, 22677986}, "cases", "", PressDecimals(0))
	g := ScaledDigits(23416663, d)
	if g.Int != "23" || g.Frac != "4" || !g.About {
		t.Errorf("ScaledDigits = %+v, want about 23.4 million", g)
	}
	m := MoneyDigits(2.0215e12, Together([]float64{2.0215e12, 2.0712e12}, "USD", "", PressDecimals(-1)))
	if m.Int != "2" || m.Frac != "02" || !m.About {
		t.Errorf("MoneyDigits = %+v, want about 2.02 trillion", m)
	}
}
