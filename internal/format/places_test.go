package format

import "testing"

// TestCommonPlaces: one number of decimals for the scaled figures of an
// indicator and one for its plain ones, so that a ranking's rows compare
// ("80.96 million" beside "1.76 million") and a count stays whole.
func TestCommonPlaces(t *testing.T) {
	for _, c := range []struct {
		name   string
		values []float64
		unit   string
		texts  []string
	}{
		{"covid totals", []float64{80961231, 1760211, 113735, 218750}, "cases",
			[]string{"80.96 million cases", "1.76 million cases", "113,735 cases", "218,750 cases"}},
		{"spain and germany apart", []float64{3833868, 3730912}, "cases", []string{"3.83 million cases", "3.73 million cases"}},
		{"rates", []float64{3, 2.844, 0.89}, "t", []string{"3.00 t", "2.84 t", "0.89 t"}},
		{"prices keep cents", []float64{4.2, 4}, "GBP", []string{"£4.20", "£4.00"}},
		{"whole prices", []float64{4, 12}, "USD", []string{"$4", "$12"}},
		{"money scaled", []float64{27.8e9, 10e9, 3.21e9}, "USD", []string{"$27.80 billion", "$10.00 billion", "$3.21 billion"}},
		{"percent", []float64{4.25, 12.5}, "%", []string{"4.3%", "12.5%"}},
		{"percent small", []float64{4.2, 0.042}, "%", []string{"4.200%", "0.042%"}},
		// N10: a zero that is a digit is kept, three significant digits.
		{"zero a digit", []float64{2900332}, "cases", []string{"2.90 million cases"}},
		{"zero a digit beside others", []float64{2900332, 286928, 1.5e6}, "cases", []string{"2.90 million cases", "286,928 cases", "1.50 million cases"}},
		{"round figure", []float64{12e6}, "visitors", []string{"12 million visitors"}},
		{"rounds up to ten", []float64{9996000}, "cases", []string{"10.0 million cases"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			d := CommonPlaces(c.values, c.unit, "")
			for i, v := range c.values {
				if s := ValueLabel(v, c.unit, "", d); s != c.texts[i] {
					t.Errorf("ValueLabel(%v, %q, common) = %q, want %q", v, c.unit, s, c.texts[i])
				}
			}
		})
	}
}

// TestOneScale (N10): two figures one sentence compares are on one scale,
// so that neither reads more precise than the other.
func TestOneScale(t *testing.T) {
	for _, c := range []struct {
		name     string
		a, b     float64
		unit     string
		decimals int
		want     [2]string
	}{
		{"the smaller on the larger's scale", 1043276, 808717, "cases", -1, [2]string{"1.04 million cases", "0.81 million cases"}},
		{"either order", 808717, 1043276, "cases", -1, [2]string{"0.81 million cases", "1.04 million cases"}},
		{"with the indicator's common places", 1043276, 808717, "cases", CommonPlaces([]float64{11.09e6, 1043276, 808717}, "cases", ""), [2]string{"1.04 million cases", "0.81 million cases"}},
		{"far smaller: both in full", 1043276, 80871, "cases", -1, [2]string{"1,043,276 cases", "80,871 cases"}},
		{"one scale already", 346364, 276805, "cases", -1, [2]string{"346,364 cases", "276,805 cases"}},
		{"both scaled alike", 2.1e6, 1.5e6, "cases", -1, [2]string{"2.1 million cases", "1.5 million cases"}},
		{"money", 1.2e9, 950e6, "USD", -1, [2]string{"$1.20 billion", "$0.95 billion"}},
		{"declared decimals keep their digits", 1.2e9, 950e6, "USD", 1, [2]string{"$1.2 billion", "$950.0 million"}},
		{"declared decimals that keep two digits", 1.2e9, 950e6, "USD", 2, [2]string{"$1.20 billion", "$0.95 billion"}},
		{"billions far apart stay as they are", 4.2e9, 3.1e6, "USD", -1, [2]string{"$4.2 billion", "$3.1 million"}},
		{"percent", 1250, 12, "%", -1, [2]string{"1,250%", "12%"}},
		{"press rounds both", 1043276, 808717, "cases", PressDecimals(-1), [2]string{"about 1 million cases", "about 810,000 cases"}},
		{"a fall", -1043276, -808717, "cases", -1, [2]string{"-1.04 million cases", "-0.81 million cases"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			d := OneScale(c.a, c.b, c.unit, "", c.decimals)
			got := [2]string{ValueLabel(c.a, c.unit, "", d), ValueLabel(c.b, c.unit, "", d)}
			if got != c.want {
				t.Errorf("OneScale(%v, %v): %q, want %q", c.a, c.b, got, c.want)
			}
		})
	}
	if got := ValueLabel(808717, "USD per troy ounce", "USD per troy ounce", OneScale(1043276, 808717, "USD per troy ounce", "USD per troy ounce", -1)); got != "$0.81 million per troy ounce" {
		t.Errorf("with a label: %q", got)
	}
}

// TestPressDecimals: the press rule, the same for every figure: two
// significant digits from 1,000 up, said with "about" when rounded; smaller
// figures and percentages as in the brief.
func TestPressDecimals(t *testing.T) {
	for _, c := range []struct {
		v        float64
		unit     string
		decimals int
		want     string
	}{
		{7205064, "cases", -1, "about 7.2 million cases"},
		{11627487, "cases", 0, "about 12 million cases"},
		{13421, "cases", 0, "about 13,000 cases"},
		{200781, "cases", -1, "about 200,000 cases"},
		{75913, "cases", -1, "about 76,000 cases"},
		{12000000, "visitors", 0, "12 million visitors"},
		{1200, "cases", 0, "1,200 cases"},
		{99, "projects", 0, "99 projects"},
		{999, "projects", 0, "999 projects"},
		{27.8e9, "USD", 1, "about $28 billion"},
		{52.9e9, "USD", 1, "about $53 billion"},
		{4309, "USD", 2, "about $4,300"},
		{35.03, "USD", 2, "$35.03"},
		{1.889, "%", 3, "1.889%"},
		{2450, "t", 0, "about 2,500 t"},
		{-2.46e9, "EUR", 1, "about -€2.5 billion"},
	} {
		got := Value(c.v, c.unit, PressDecimals(c.decimals))
		if got != c.want {
			t.Errorf("Value(%v, %q, PressDecimals(%d)) = %q, want %q", c.v, c.unit, c.decimals, got, c.want)
		}
		if again := Value(c.v, c.unit, PressDecimals(PressDecimals(c.decimals))); again != got {
			t.Errorf("PressDecimals twice: %q, once %q", again, got)
		}
	}
	if got := ValueLabel(4309, "USD per troy ounce", "USD per troy ounce", PressDecimals(2)); got != "about $4,300 per troy ounce" {
		t.Errorf("ValueLabel press = %q", got)
	}
	if got := Change(1.889, 1.904, "%", PressDecimals(3), ""); got != "down 0.015 percentage points" {
		t.Errorf("press points of change = %q", got)
	}
}

func TestRoundSignificant(t *testing.T) {
	for _, c := range []struct{ v, want float64 }{
		{7205064, 7.2e6}, {27.8e9, 28e9}, {2450, 2500}, {-2450, -2500}, {0.01234, 0.012}, {0, 0}, {95, 95}, {999.5, 1000},
	} {
		if got := RoundSignificant(c.v, 2); got != c.want {
			t.Errorf("RoundSignificant(%v, 2) = %v, want %v", c.v, got, c.want)
		}
	}
}

// TestProseDecimals: in the brief's text every scaled figure has three
// significant digits, whatever places the table's common choice gives
// its indicator ("$261 billion" beside "$2.02 trillion", not "$261.42
// billion"); zeros of a rounding are kept, an exact round figure is not
// padded, rounding moves up a scale; plain figures, declared decimals and
// the press rule are unchanged.
func TestProseDecimals(t *testing.T) {
	gdp := []float64{2.0215e12, 261.42e9, 90.89e9, 59.89e9, 13.99e9, 12.06e9}
	common := CommonPlaces(gdp, "USD", "")
	prose := ProseDecimals(common)
	tests := []struct {
		v           float64
		table, text string
	}{
		{2.0215e12, "$2.02 trillion", "$2.02 trillion"},
		{261.42e9, "$261.42 billion", "$261 billion"},
		{90.89e9, "$90.89 billion", "$90.9 billion"},
		{13.99e9, "$13.99 billion", "$14.0 billion"},
		{12.06e9, "$12.06 billion", "$12.1 billion"},
		{12e9, "$12.00 billion", "$12 billion"},
		{999.96e9, "$999.96 billion", "$1.00 trillion"},
		{99.96e9, "$99.96 billion", "$100 billion"},
	}
	for _, tc := range tests {
		if got := Money(tc.v, "USD", common); got != tc.table {
			t.Errorf("table: Money(%v) = %q, want %q", tc.v, got, tc.table)
		}
		if got := Money(tc.v, "USD", prose); got != tc.text {
			t.Errorf("text: Money(%v) = %q, want %q", tc.v, got, tc.text)
		}
	}
	auto := ProseDecimals(-1)
	for v, want := range map[float64]string{80.96e6: "81.0 million cases", 1760211: "1.76 million cases", 113735: "113,735 cases", 12e6: "12 million cases"} {
		if got := Value(v, "cases", auto); got != want {
			t.Errorf("Value(%v, automatic prose) = %q, want %q", v, got, want)
		}
	}
	if got := Money(4.2, "USD", auto); got != "$4.20" {
		t.Errorf("a price in prose: %q, want its cents", got)
	}
	if got := Value(27.84e9, "USD", ProseDecimals(1)); got != "$27.8 billion" {
		t.Errorf("declared decimals: %q, want them honoured", got)
	}
	if got := Money(261.42e9, "USD", PressDecimals(prose)); got != "about $260 billion" {
		t.Errorf("press of prose: %q, want the press rule", got)
	}
	if ProseDecimals(prose) != prose || PressDecimals(PressDecimals(prose)) != PressDecimals(prose) {
		t.Errorf("ProseDecimals or PressDecimals not idempotent")
	}
	if got := Percent(12.345, ProseDecimals(-1)); got != "12.3%" {
		t.Errorf("percent in prose: %q", got)
	}
	if got := Change(261.42e9, 225e9, "USD", prose, "2022"); got != "up 16.2% on 2022" {
		t.Errorf("change in prose: %q", got)
	}
}
