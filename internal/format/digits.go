package format

import "math"

// Digits is a figure as this package rounds it, before it is written:
// its sign, integer and fraction digits (ASCII, the fraction as it is to
// be printed, padded where the decimals ask for it) and its scale (0
// none, 1 million, 2 billion, 3 trillion). About is set when the press
// rule (PressDecimals) rounded the figure, for the writer to say so
// ("about"); Special is "nan", "inf" or "neg_inf" for a value that is
// not finite. A writer of another language (internal/locale) takes the
// places from here, for every kind of decimals this package takes
// (declared, automatic, CommonPlaces, PressDecimals, OneScale,
// Unscaled), so that its figures round as the English ones do, and
// writes the digits with its own separators and scale words.
type Digits struct {
	Neg     bool
	Int     string
	Frac    string
	Scale   int
	About   bool
	Special string
}

func specialDigits(v float64) (Digits, bool) {
	switch {
	case math.IsNaN(v):
		return Digits{Special: "nan"}, true
	case math.IsInf(v, 1):
		return Digits{Special: "inf"}, true
	case math.IsInf(v, -1):
		return Digits{Special: "neg_inf"}, true
	}
	return Digits{}, false
}

// digits is x (rounded to places) as Digits on scale i.
func (x *decimal) digits(places int, pad bool, i int) Digits {
	d := Digits{Neg: x.neg && x.n > 0, Scale: i, Int: "0"}
	if x.exp > 0 {
		b := make([]byte, x.exp)
		for j := range b {
			b[j] = '0'
			if j < x.n {
				b[j] = x.d[j]
			}
		}
		d.Int = string(b)
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
	d.Frac = string(frac)
	return d
}

// pressedDigits is pressed for Digits.
func pressedDigits(v float64, d int, f func(float64, int) Digits) Digits {
	if _, bad := nonFinite(v); bad || math.Abs(v) < PressMin {
		return f(v, d)
	}
	r := RoundSignificant(v, 2)
	g := f(r, -1)
	g.About = r != v
	return g
}

// ScaledDigits is the figure Scaled writes, as Digits.
func ScaledDigits(v float64, decimals int) Digits {
	if d, ok := pressOf(decimals); ok {
		return pressedDigits(v, d, ScaledDigits)
	}
	if s, bad := specialDigits(v); bad {
		return s
	}
	x, i, places := scaled(v, decimals)
	return x.digits(places, padded(decimals), i)
}

// MoneyDigits is the figure Money writes (without its currency), as
// Digits.
func MoneyDigits(v float64, decimals int) Digits {
	if d, ok := pressOf(decimals); ok {
		return pressedDigits(v, d, MoneyDigits)
	}
	if s, bad := specialDigits(v); bad {
		return s
	}
	x, i, places := moneyScaled(v, decimals)
	g := x.digits(places, padded(decimals), i)
	if i == 0 && !padded(decimals) && len(g.Frac) == 1 {
		g.Frac += "0" // a price keeps its cents
	}
	return g
}

// PercentDigits is the figure Percent (and Points) writes, as Digits:
// never scaled, never "about".
func PercentDigits(v float64, decimals int) Digits {
	if s, bad := specialDigits(v); bad {
		return s
	}
	x := newDecimal(v)
	places, auto := placesOf(decimals, false)
	if auto {
		places = x.autoPlaces(1)
	}
	x.round(places)
	return x.digits(places, padded(decimals), 0)
}

// NumberDigits is the figure Number writes, as Digits.
func NumberDigits(v float64, decimals int) Digits {
	if s, bad := specialDigits(v); bad {
		return s
	}
	x := newDecimal(v)
	places, auto := placesOf(decimals, false)
	if auto {
		places = x.autoPlaces(2)
	}
	x.round(places)
	return x.digits(places, !auto, 0)
}
