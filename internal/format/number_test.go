package format

import (
	"math"
	"strconv"
	"strings"
	"testing"

	"github.com/briefhq/brief/internal/locale"
)

func TestNumber(t *testing.T) {
	tests := []struct {
		name     string
		v        float64
		decimals int
		want     string
	}{
		{"thousands", 12000, 0, "12,000"},
		{"one decimal", 1234.5, 1, "1,234.5"},
		{"fixed pads", 1234.5, 2, "1,234.50"},
		{"fixed pads integer", 3, 1, "3.0"},
		{"millions", 1234567, 0, "1,234,567"},
		{"small", 999, 0, "999"},
		{"zero", 0, 0, "0"},
		{"zero fixed", 0, 2, "0.00"},
		{"negative", -1234.56, 1, "-1,234.6"},
		{"no negative zero", -0.04, 1, "0.0"},
		{"no negative zero auto", -0.0001, 0, "0"},
		{"negative zero input", math.Copysign(0, -1), -1, "0"},
		{"half away from zero", 1.25, 1, "1.3"},
		{"half away from zero negative", -1.25, 1, "-1.3"},
		{"as written, not as stored", 2.675, 2, "2.68"},
		{"round to integer", 0.5, 0, "1"},
		{"carry", 999.96, 1, "1,000.0"},
		{"auto integer", 12000, -1, "12,000"},
		{"auto two decimals", 1234.567, -1, "1,234.57"},
		{"auto trims", 1234.5, -1, "1,234.5"},
		{"auto trims to integer", 7.001, -1, "7"},
		{"auto small", 0.00345, -1, "0.0035"},
		{"auto small 0.5", 0.5, -1, "0.5"},
		{"auto small rounds up", 0.996, -1, "1"},
		{"auto tiny", 1e-15, -1, "0"},
		{"huge", 1e21, 0, "1,000,000,000,000,000,000,000"},
		{"decimals clamped", 1, 99, "1.00000000000000000000"},
		{"NaN", math.NaN(), 1, "NaN"},
		{"Inf", math.Inf(-1), 1, "-Inf"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Number(tt.v, tt.decimals); got != tt.want {
				t.Errorf("Number(%v, %d) = %q, want %q", tt.v, tt.decimals, got, tt.want)
			}
		})
	}
}

func TestScaled(t *testing.T) {
	tests := []struct {
		name     string
		v        float64
		decimals int
		want     string
	}{
		{"billion", 27800000000, 1, "27.8 billion"},
		{"billion auto", 27800000000, -1, "27.8 billion"},
		{"million integer keeps its decimal", 12000000, 1, "12.0 million"},
		{"million auto", 12000000, -1, "12 million"},
		{"billion 52.9", 52900000000, -1, "52.9 billion"},
		{"trillion", 1.23e12, -1, "1.23 trillion"},
		{"three significant digits", 1760211, -1, "1.76 million"},
		{"three significant digits, tens", 33831278, -1, "33.8 million"},
		{"hundreds keep a decimal", 113735000, -1, "113.7 million"},
		{"three significant digits, trailing zero dropped", 3.8e6, -1, "3.8 million"},
		{"rounds up to ten", 9996000, -1, "10 million"},
		{"small", 183, -1, "183"},
		{"thousand is no scale", 45000, -1, "45,000"},
		{"below a million", 999999, 0, "999,999"},
		{"rounds up into million", 999999.6, 0, "1 million"},
		{"rounds up into billion", 999.96e6, 1, "1.0 billion"},
		{"rounds up into billion auto", 999.96e6, -1, "1 billion"},
		{"rounds up into trillion", 999.95e9, 1, "1.0 trillion"},
		{"stays below boundary", 999.94e6, 1, "999.9 million"},
		{"declared decimals padded", 10e9, 2, "10.00 billion"},
		{"trailing zeros dropped when auto", 10e9, -1, "10 billion"},
		{"declared decimals below a million", 3, 2, "3.00"},
		{"declared decimals beside more", 2.844, 2, "2.84"},
		{"two decimals", 1234567, 2, "1.23 million"},
		{"zero decimals", 27.8e9, 0, "28 billion"},
		{"half up", 1.25e9, 1, "1.3 billion"},
		{"beyond trillion", 1234e12, -1, "1,234 trillion"},
		{"negative", -2e9, -1, "-2 billion"},
		{"negative rounds to zero", -0.004, 2, "0.00"},
		{"negative rounds to zero auto", -0.004, 0, "0"},
		{"unscaled decimals", 183.456, 1, "183.5"},
		{"unscaled auto", 183.456, -1, "183.46"},
		{"unscaled small", 0.0034, -1, "0.0034"},
		{"exactly a million", 1e6, -1, "1 million"},
		{"zero", 0, -1, "0"},
		{"NaN", math.NaN(), -1, "NaN"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Scaled(tt.v, tt.decimals); got != tt.want {
				t.Errorf("Scaled(%v, %d) = %q, want %q", tt.v, tt.decimals, got, tt.want)
			}
		})
	}
}

func TestScaleOf(t *testing.T) {
	tests := []struct {
		name   string
		values []float64
		factor float64
		word   string
	}{
		{"none", nil, 1, ""},
		{"small", []float64{183, 45000}, 1, ""},
		{"million", []float64{12e6, 3e5}, 1e6, "million"},
		{"billion by largest magnitude", []float64{27.8e9, -52.9e9, 450e6}, 1e9, "billion"},
		{"trillion", []float64{1.23e12}, 1e12, "trillion"},
		{"rounding crosses", []float64{999.97e6}, 1e9, "billion"},
		{"ignores non-finite", []float64{math.Inf(1), math.NaN(), 5e6}, 1e6, "million"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, w := ScaleOf(tt.values)
			if f != tt.factor || w != tt.word {
				t.Errorf("ScaleOf(%v) = %v, %q, want %v, %q", tt.values, f, w, tt.factor, tt.word)
			}
		})
	}
}

// parseNumber reads back what Number and Scaled print.
func parseNumber(t *testing.T, s string) float64 {
	t.Helper()
	mult := 1.0
	for sc := locale.Million; sc <= locale.Trillion; sc++ {
		if num, ok := strings.CutSuffix(s, " "+scaleWords[sc]); ok {
			s, mult = num, math.Pow10(sc.Exp())
			break
		}
	}
	v, err := strconv.ParseFloat(strings.ReplaceAll(s, ",", ""), 64)
	if err != nil {
		t.Fatalf("output %q does not parse: %v", s, err)
	}
	return v * mult
}

// tolerance is how far a value printed with places decimals may be from v.
func tolerance(v float64, places int, auto bool) float64 {
	tol := 0.5 * math.Pow10(-places)
	if auto {
		tol = max(0.005, 0.05*math.Abs(v)) + 0.5e-12
	}
	return tol*(1+1e-9) + 1e-15*math.Abs(v)
}

func fuzzDecimals(d int) int { return d%10 - 1 } // -1..8, and below for negative d

func FuzzNumber(f *testing.F) {
	for _, v := range []float64{0, 12000, 1234.5, -0.04, 999.96, 2.675, 1e21, 5e-324, math.MaxFloat64} {
		f.Add(v, 1)
		f.Add(v, 0)
	}
	f.Fuzz(func(t *testing.T, v float64, d int) {
		d = fuzzDecimals(d)
		s := Number(v, d)
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return
		}
		if s == "-0" || strings.HasPrefix(s, "-0") && strings.Trim(s, "-0.,") == "" {
			t.Fatalf("Number(%v, %d) = %q: negative zero", v, d, s)
		}
		got := parseNumber(t, s)
		auto := d < 0
		if diff := math.Abs(got - v); diff > tolerance(v, d, auto) {
			t.Fatalf("Number(%v, %d) = %q, off by %v", v, d, s, diff)
		}
		if !auto {
			if i := strings.IndexByte(s, '.'); (d == 0) != (i < 0) || d > 0 && len(s)-i-1 != d {
				t.Fatalf("Number(%v, %d) = %q: want exactly %d decimals", v, d, s, d)
			}
		}
	})
}

func FuzzScaled(f *testing.F) {
	for _, v := range []float64{0, 183, 45000, 999999.6, 27.8e9, 999.96e6, 1.23e12, -2e9, 1e300, 5e-324, 12e6, 3} {
		f.Add(v, -1)
		f.Add(v, 1)
		f.Add(v, 3) // two decimals
	}
	f.Fuzz(func(t *testing.T, v float64, d int) {
		d = fuzzDecimals(d)
		s := Scaled(v, d)
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return
		}
		got := parseNumber(t, s)
		x, i, places := scaled(v, d)
		_ = x
		unit := math.Pow10(i.Exp())
		auto := d < 0 && i == 0
		tol := tolerance(v/unit, places, auto) * unit
		if diff := math.Abs(got - v); diff > tol+1e-15*math.Abs(v) {
			t.Fatalf("Scaled(%v, %d) = %q, off by %v (tolerance %v)", v, d, s, diff, tol)
		}
		num, _, hasWord := strings.Cut(s, " ")
		n := math.Abs(parseNumber(t, num))
		switch {
		case hasWord && (n < 1 || n >= 1000 && i < locale.Trillion):
			t.Fatalf("Scaled(%v, %d) = %q: number out of its scale", v, d, s)
		case !hasWord && n >= 1e6:
			t.Fatalf("Scaled(%v, %d) = %q: needs a scale word", v, d, s)
		case d < 0 && strings.Contains(num, ".") && strings.HasSuffix(num, "0"):
			t.Fatalf("Scaled(%v, %d) = %q: trailing zero", v, d, s)
		}
		if d >= 0 {
			want := min(d, maxPlaces)
			if j := strings.IndexByte(num, '.'); (want == 0) != (j < 0) || want > 0 && len(num)-j-1 != want {
				t.Fatalf("Scaled(%v, %d) = %q: want exactly %d decimals", v, d, s, want)
			}
		}
	})
}

func BenchmarkScaled(b *testing.B) {
	for b.Loop() {
		Scaled(27812345678, -1)
	}
}

func BenchmarkChange(b *testing.B) {
	for b.Loop() {
		Change(27.8e9, 26.1e9, "USD", 1, "a year earlier")
	}
}

func TestIsCountNoun(t *testing.T) {
	for u, want := range map[string]bool{
		"jobs": true, "projects": true, "visitors": true, "count": true, "number": true,
		"": false, "USD": false, "%": false, "cm": false, "kt CO2e": false, "metres": false, "tonnes": false, "index": false,
	} {
		if got := IsCountNoun(u); got != want {
			t.Errorf("IsCountNoun(%q) = %v, want %v", u, got, want)
		}
	}
}
