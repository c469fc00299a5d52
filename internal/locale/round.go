package locale

import (
	"fmt"
	"math"
	"strconv"
)

// The rounding of figures lives here, once, for every language: which
// digits a figure keeps (places, significant digits) and on which scale.
// internal/format rounds its English figures with Decimal and Places, so
// the English locale prints the bytes format prints
// (TestEnglishMatchesFormat). How the digits are written (separators,
// minus, scale words, currency) is the locale's data.

const (
	maxPlaces     = 20 // a float64 has at most 17 significant digits
	maxAutoPlaces = 12 // tinier magnitudes print as 0
	// firstCode is where format's encoded decimals begin (common,
	// press and scale choices): they are format's to interpret.
	firstCode = -999
)

// Scale is the power of ten a figure is written in: none, million,
// billion or trillion. Thousand is not one ("45,000", never "45
// thousand").
type Scale int

// Scales, smallest first.
const (
	NoScale Scale = iota
	Million
	Billion
	Trillion
)

var scaleExp = [...]int{0, 6, 9, 12}
var scaleKey = [...]string{"", "million", "billion", "trillion"}

func (s Scale) String() string {
	if s <= NoScale || int(s) >= len(scaleKey) {
		return "none"
	}
	return scaleKey[s]
}

// Exp is the power of ten of the scale: 0, 6, 9 or 12.
func (s Scale) Exp() int {
	if s < 0 || int(s) >= len(scaleExp) {
		return 0
	}
	return scaleExp[s]
}

// Figure is a number rounded for print, in any language: its sign, the
// integer and fraction digits it shows (ASCII, the fraction padded as it
// is to be printed) and its scale. Special is "nan", "inf" or "neg_inf"
// for a value that is not finite (a bug to show plainly), else "".
//
// internal/format keeps its own choice of decimals (common, press and
// scale codes), rounds with Decimal and hands the result to a locale as
// a Figure.
type Figure struct {
	Neg     bool
	Int     string // "27", "0", "1250"
	Frac    string // "8", "", "50"
	Scale   Scale
	Special string
}

// IsOne reports whether the figure prints as 1 or -1 exactly, without
// scale or fraction.
func (f Figure) IsOne() bool {
	return f.Int == "1" && f.Frac == "" && f.Scale == NoScale && f.Special == ""
}

// Decimal is the shortest decimal representation of a float64, the value
// 0.d[0]d[1]...d[n-1] × 10^exp. Rounding these digits, rather than the
// binary value, rounds the number as it is written in the data (1.25 to
// one decimal is 1.3). It is the one rounding of figures for every
// language: internal/format rounds its English figures with it too.
type Decimal struct {
	neg bool
	n   int // significant digits in d, without trailing zeros; 0 means zero
	exp int
	d   [24]byte
}

// NewDecimal converts a finite v.
func NewDecimal(v float64) Decimal {
	var x Decimal
	var buf [32]byte
	b := strconv.AppendFloat(buf[:0], v, 'e', -1, 64) // -d.ddde±dd
	if b[0] == '-' {
		x.neg = true
		b = b[1:]
	}
	i := 0
	for ; b[i] != 'e'; i++ {
		if b[i] != '.' {
			x.d[x.n] = b[i]
			x.n++
		}
	}
	e, sign := 0, 1
	for _, c := range b[i+1:] {
		switch c {
		case '-':
			sign = -1
		case '+':
		default:
			e = e*10 + int(c-'0')
		}
	}
	x.exp = sign*e + 1
	x.trim()
	return x
}

// trim drops trailing zero digits and normalises zero.
func (x *Decimal) trim() {
	for x.n > 0 && x.d[x.n-1] == '0' {
		x.n--
	}
	if x.n == 0 {
		x.neg, x.exp = false, 0
	}
}

// Zero reports whether x is zero.
func (x *Decimal) Zero() bool { return x.n == 0 }

// Exp is the power of ten of x as 0.ddd × 10^Exp: the number of integer
// digits of a magnitude of at least 1, floor(log10 |x|) + 1.
func (x *Decimal) Exp() int { return x.exp }

// Shift divides x by 10^e (multiplies for a negative e).
func (x *Decimal) Shift(e int) { x.exp -= e }

// Fraction is the number of decimals x has, without trailing zeros.
func (x *Decimal) Fraction() int { return max(0, x.n-x.exp) }

// Round rounds x to places decimals, half away from zero.
func (x *Decimal) Round(places int) {
	keep := x.exp + places
	switch {
	case keep >= x.n:
		return
	case keep < 0:
		x.n = 0
		x.trim()
		return
	}
	up := x.d[keep] >= '5'
	x.n = keep
	if up {
		i := x.n - 1
		for i >= 0 && x.d[i] == '9' {
			i--
		}
		if i < 0 {
			x.d[0], x.n = '1', 1
			x.exp++
		} else {
			x.d[i]++
			x.n = i + 1
		}
	}
	x.trim()
}

// AutoPlaces is the automatic number of decimals: most for magnitudes of
// at least 1, otherwise two significant digits (0.0034 stays 0.0034), at
// most maxAutoPlaces.
func (x *Decimal) AutoPlaces(most int) int {
	if x.n == 0 || x.exp >= 1 {
		return most
	}
	return min(2-x.exp, maxAutoPlaces)
}

// Plain writes x as a plain decimal, "-0.015" or "1889000".
func (x *Decimal) Plain() string {
	if x.Zero() {
		return "0"
	}
	var b []byte
	if x.neg {
		b = append(b, '-')
	}
	if x.exp <= 0 {
		b = append(b, '0', '.')
		for i := x.exp; i < 0; i++ {
			b = append(b, '0')
		}
		return string(append(b, x.d[:x.n]...))
	}
	for i := 0; i < max(x.exp, x.n); i++ {
		if i == x.exp {
			b = append(b, '.')
		}
		if i < x.n {
			b = append(b, x.d[i])
		} else {
			b = append(b, '0')
		}
	}
	return string(b)
}

// Figure is x (rounded to places) as digits on scale s, the fraction
// padded with zeros to places when pad is set.
func (x *Decimal) Figure(places int, pad bool, s Scale) Figure {
	f := Figure{Neg: x.neg && x.n > 0, Scale: s, Int: "0"}
	if x.exp > 0 {
		b := make([]byte, x.exp)
		for i := range b {
			b[i] = '0'
			if i < x.n {
				b[i] = x.d[i]
			}
		}
		f.Int = string(b)
	}
	var frac []byte
	for p := x.exp; p < x.n; p++ {
		if p < 0 {
			frac = append(frac, '0')
		} else {
			frac = append(frac, x.d[p])
		}
	}
	for pad && len(frac) < places {
		frac = append(frac, '0')
	}
	f.Frac = string(frac)
	return f
}

// WithCents is f as a price writes it: an unscaled figure with one
// decimal gets a second ("4.20", never "4.2").
func (f Figure) WithCents() Figure {
	if f.Scale == NoScale && f.Special == "" && len(f.Frac) == 1 {
		f.Frac += "0"
	}
	return f
}

// Places is how many decimals a figure keeps: Plain without a scale word,
// OnScale with one ("million"), or, when Auto, the automatic rule (up to
// two decimals and two significant digits below 1 without a scale; at
// least three significant digits and one decimal with one). Declared
// decimals give the same places for both, padded with zeros; internal/format's
// common choices give each its own.
type Places struct {
	Plain, OnScale int
	Auto           bool
}

// Same is Places of p places for every figure, or automatic for p < 0.
func Same(p int) Places {
	if p < 0 {
		return Places{Auto: true}
	}
	return Places{Plain: p, OnScale: p}
}

// At is x written on scale s (divided by its power of ten), rounded by
// p, with the places it has.
func (x Decimal) At(s Scale, p Places) (Decimal, int) {
	x.exp -= s.Exp()
	places := p.Plain
	switch {
	case p.Auto && s == NoScale:
		places = x.AutoPlaces(2)
	case p.Auto:
		// At least three significant digits, at least one decimal:
		// "1.76 million", "27.8 billion", "113.7 million". One decimal
		// would make 1,760,211 "1.8 million" and 0 decimals "2
		// million", 14% off.
		places = max(1, 3-x.exp)
	case s != NoScale:
		places = p.OnScale
	}
	x.Round(places)
	return x, places
}

// ScaleOf is the scale of |x| before rounding.
func (x *Decimal) ScaleOf() Scale {
	if x.Zero() {
		return NoScale
	}
	mag := x.exp - 1 // floor(log10 |x|)
	for i := Trillion; i > NoScale; i-- {
		if mag >= scaleExp[i] {
			return i
		}
	}
	return NoScale
}

// OnScales is x rounded by p in its scale, moving up a scale when
// rounding reaches the next one (999.96 million is "1 billion", not
// "1,000 million"): the rounded, scaled digits, the scale and the places
// they have.
func (x Decimal) OnScales(p Places) (Decimal, Scale, int) {
	orig := x
	s := orig.ScaleOf()
	for {
		x, places := orig.At(s, p)
		if s < Trillion && !x.Zero() && x.exp-1 >= scaleExp[s+1]-scaleExp[s] {
			s++
			continue
		}
		return x, s, places
	}
}

// AsMoney is OnScales for an amount of money: an amount below a million
// is a price, and asked for one decimal gets two ("0.80").
func (x Decimal) AsMoney(p Places) (Decimal, Scale, int) {
	y, s, places := x.OnScales(p)
	if s == NoScale && !p.Auto && p.Plain == 1 {
		y, s, places = x.OnScales(Same(2))
	}
	return y, s, places
}

// places maps decimals (declared, or automatic below 0) to Places.
func places(decimals int) (Places, error) {
	switch {
	case decimals >= 0:
		return Same(min(decimals, maxPlaces)), nil
	case decimals >= firstCode:
		return Same(-1), nil
	}
	return Places{}, fmt.Errorf("locale: decimals %d is one of internal/format's codes (common, press or one-scale decimals): let format round the figure and pass it to the locale as a Figure", decimals)
}

// SpecialFigure is the Figure of a value that is not finite ("nan",
// "inf", "neg_inf"), and whether v is one.
func SpecialFigure(v float64) (Figure, bool) {
	switch {
	case math.IsNaN(v):
		return Figure{Special: "nan"}, true
	case math.IsInf(v, 1):
		return Figure{Special: "inf"}, true
	case math.IsInf(v, -1):
		return Figure{Special: "neg_inf"}, true
	}
	return Figure{}, false
}

// Unscaled rounds x by p without a scale, automatic places up to most
// decimals (2 for a number, 1 for a percentage), as a Figure.
func (x Decimal) Unscaled(p Places, most int) Figure {
	places := p.Plain
	if p.Auto {
		places = x.AutoPlaces(most)
	}
	x.Round(places)
	return x.Figure(places, !p.Auto, NoScale)
}

// round is v rounded by decimals with f, or its special Figure.
func round(v float64, decimals int, f func(Decimal, Places) Figure) (Figure, error) {
	p, err := places(decimals)
	if err != nil {
		return Figure{}, err
	}
	if g, bad := SpecialFigure(v); bad {
		return g, nil
	}
	return f(NewDecimal(v), p), nil
}

// RoundNumber rounds v as a table column shows it (format.Number):
// exactly decimals places, or with decimals < 0 integers as integers,
// other values with up to two decimals and magnitudes below 1 with two
// significant digits. Never a scale.
func RoundNumber(v float64, decimals int) (Figure, error) {
	return round(v, decimals, func(x Decimal, p Places) Figure { return x.Unscaled(p, 2) })
}

// RoundScaled rounds v for prose (format.Scaled): with a scale from a
// million up, decimals counted after scaling; automatic decimals keep at
// least three significant digits and one decimal on a scale ("1.76
// million", "27.8 billion") and follow RoundNumber below it. Rounding
// that reaches the next scale moves up ("1.0 billion", not "1,000.0
// million").
func RoundScaled(v float64, decimals int) (Figure, error) {
	return round(v, decimals, func(x Decimal, p Places) Figure {
		y, s, q := x.OnScales(p)
		return y.Figure(q, !p.Auto, s)
	})
}

// RoundMoney rounds an amount as RoundScaled does, except that an amount
// below a million is a price and keeps its cents (format.Money): with
// automatic decimals whole cents when it has a fraction ("4.20"), asked
// for one decimal, two ("0.80").
func RoundMoney(v float64, decimals int) (Figure, error) {
	return round(v, decimals, func(x Decimal, p Places) Figure {
		y, s, q := x.AsMoney(p)
		f := y.Figure(q, !p.Auto, s)
		if p.Auto {
			f = f.WithCents()
		}
		return f
	})
}

// RoundPercent rounds a value already in percent (format.Percent):
// exactly decimals places, or with decimals < 0 up to one decimal, two
// significant digits below 1, trailing zeros dropped. Points and
// per-mille round alike.
func RoundPercent(v float64, decimals int) (Figure, error) {
	return round(v, decimals, func(x Decimal, p Places) Figure { return x.Unscaled(p, 1) })
}
