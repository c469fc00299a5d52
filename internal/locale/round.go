package locale

import (
	"fmt"
	"math"
	"strconv"
)

// The rounding here mirrors internal/format (decimal.go, number.go,
// unit.go) rule for rule, so that the English locale prints the bytes
// format prints; TestEnglishMatchesFormat holds the two together. Only
// the rules that belong to every language live here: which digits a
// figure keeps and on which scale. How the digits are written (separators,
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
// scale codes) and hands the result to a locale as a Figure.
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

// decimal is the shortest decimal representation of a float64,
// 0.d[0]d[1]...d[n-1] × 10^exp, as in internal/format.
type decimal struct {
	neg bool
	n   int
	exp int
	d   [24]byte
}

func newDecimal(v float64) decimal {
	var x decimal
	var buf [32]byte
	b := strconv.AppendFloat(buf[:0], v, 'e', -1, 64)
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

func (x *decimal) trim() {
	for x.n > 0 && x.d[x.n-1] == '0' {
		x.n--
	}
	if x.n == 0 {
		x.neg, x.exp = false, 0
	}
}

func (x *decimal) zero() bool { return x.n == 0 }

// round rounds to places decimals, half away from zero.
func (x *decimal) round(places int) {
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

func (x *decimal) autoPlaces(most int) int {
	if x.n == 0 || x.exp >= 1 {
		return most
	}
	return min(2-x.exp, maxAutoPlaces)
}

// figure is x as digits, the fraction padded with zeros to places when
// pad is set.
func (x *decimal) figure(places int, pad bool, s Scale) Figure {
	f := Figure{Neg: x.neg && x.n > 0, Scale: s}
	if x.exp <= 0 {
		f.Int = "0"
	} else {
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

// places maps decimals to places and whether they are automatic.
func places(decimals int) (int, bool, error) {
	switch {
	case decimals >= 0:
		return min(decimals, maxPlaces), false, nil
	case decimals >= firstCode:
		return 0, true, nil
	}
	return 0, false, fmt.Errorf("locale: decimals %d is one of internal/format's codes (common, press or one-scale decimals): let format round the figure and pass it to the locale as a Figure", decimals)
}

func special(v float64) (Figure, bool) {
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

// RoundNumber rounds v as a table column shows it (format.Number):
// exactly decimals places, or with decimals < 0 integers as integers,
// other values with up to two decimals and magnitudes below 1 with two
// significant digits. Never a scale.
func RoundNumber(v float64, decimals int) (Figure, error) {
	p, auto, err := places(decimals)
	if err != nil {
		return Figure{}, err
	}
	if f, bad := special(v); bad {
		return f, nil
	}
	x := newDecimal(v)
	if auto {
		p = x.autoPlaces(2)
	}
	x.round(p)
	return x.figure(p, !auto, NoScale), nil
}

// RoundScaled rounds v for prose (format.Scaled): with a scale from a
// million up, decimals counted after scaling; automatic decimals keep at
// least three significant digits and one decimal on a scale ("1.76
// million", "27.8 billion") and follow RoundNumber below it. Rounding
// that reaches the next scale moves up ("1.0 billion", not "1,000.0
// million").
func RoundScaled(v float64, decimals int) (Figure, error) {
	p, auto, err := places(decimals)
	if err != nil {
		return Figure{}, err
	}
	if f, bad := special(v); bad {
		return f, nil
	}
	x, s, p := scaled(newDecimal(v), p, auto)
	return x.figure(p, !auto, s), nil
}

func scaleIndex(x *decimal) Scale {
	if x.zero() {
		return NoScale
	}
	mag := x.exp - 1
	for i := Trillion; i > NoScale; i-- {
		if mag >= scaleExp[i] {
			return i
		}
	}
	return NoScale
}

func scaled(orig decimal, declared int, auto bool) (decimal, Scale, int) {
	i := scaleIndex(&orig)
	for {
		x := orig
		x.exp -= scaleExp[i]
		p := declared
		if auto {
			if i == NoScale {
				p = x.autoPlaces(2)
			} else {
				p = max(1, 3-x.exp)
			}
		}
		x.round(p)
		if i < Trillion && !x.zero() && x.exp-1 >= scaleExp[i+1]-scaleExp[i] {
			i++
			continue
		}
		return x, i, p
	}
}

// RoundMoney rounds an amount as RoundScaled does, except that an amount
// below a million is a price and keeps its cents (format.Money): with
// automatic decimals whole cents when it has a fraction ("4.20"), asked
// for one decimal, two ("0.80").
func RoundMoney(v float64, decimals int) (Figure, error) {
	p, auto, err := places(decimals)
	if err != nil {
		return Figure{}, err
	}
	if f, bad := special(v); bad {
		return f, nil
	}
	orig := newDecimal(v)
	x, s, q := scaled(orig, p, auto)
	if s == NoScale && !auto && decimals == 1 {
		x, s, q = scaled(orig, 2, false)
	}
	f := x.figure(q, !auto, s)
	if s == NoScale && auto && len(f.Frac) == 1 {
		f.Frac += "0"
	}
	return f, nil
}

// RoundPercent rounds a value already in percent (format.Percent):
// exactly decimals places, or with decimals < 0 up to one decimal, two
// significant digits below 1, trailing zeros dropped. Points and
// per-mille round alike.
func RoundPercent(v float64, decimals int) (Figure, error) {
	p, auto, err := places(decimals)
	if err != nil {
		return Figure{}, err
	}
	if f, bad := special(v); bad {
		return f, nil
	}
	x := newDecimal(v)
	if auto {
		p = x.autoPlaces(1)
	}
	x.round(p)
	return x.figure(p, !auto, NoScale), nil
}
