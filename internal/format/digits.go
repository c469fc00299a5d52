package format

import (
	"math"

	"github.com/briefhq/brief/internal/locale"
)

// Digits is a figure as this package rounds it, before it is written:
// the locale.Figure (sign, integer and fraction digits, the fraction as
// it is to be printed, padded where the decimals ask for it, and scale)
// and About, set when the press rule (PressDecimals) rounded the figure,
// for the writer to say so ("about"). A writer of another language
// (internal/locale) takes the places from here, for every kind of
// decimals this package takes (declared, automatic, CommonPlaces,
// PressDecimals, OneScale, Unscaled), so that its figures round as the
// English ones do, and writes the digits with its own separators and
// scale words.
type Digits struct {
	locale.Figure
	About bool
}

func specialDigits(v float64) (Digits, bool) {
	f, bad := locale.SpecialFigure(v)
	return Digits{Figure: f}, bad
}

// pressedDigits is pressed for Digits.
func pressedDigits(v float64, d, digits int, f func(float64, int) Digits) Digits {
	if _, bad := nonFinite(v); bad || math.Abs(v) < PressMin {
		return f(v, d)
	}
	r := RoundSignificant(v, digits)
	g := f(r, exactly(r, digits))
	g.About = r != v
	return g
}

// ScaledDigits is the figure Scaled writes, as Digits.
func ScaledDigits(v float64, decimals int) Digits {
	if d, k, ok := pressCode(decimals); ok {
		return pressedDigits(v, d, k, ScaledDigits)
	}
	if s, bad := specialDigits(v); bad {
		return s
	}
	x, i, places := scaled(v, decimals)
	return Digits{Figure: x.Figure(places, paddedAt(decimals, i), i)}
}

// MoneyDigits is the figure Money writes (without its currency), as
// Digits.
func MoneyDigits(v float64, decimals int) Digits {
	if d, k, ok := pressCode(decimals); ok {
		return pressedDigits(v, d, k, MoneyDigits)
	}
	if s, bad := specialDigits(v); bad {
		return s
	}
	return Digits{Figure: moneyFigure(v, decimals)}
}

// PercentDigits is the figure Percent (and Points) writes, as Digits:
// never scaled, never "about".
func PercentDigits(v float64, decimals int) Digits {
	if s, bad := specialDigits(v); bad {
		return s
	}
	return Digits{Figure: locale.NewDecimal(v).Unscaled(placesFor(decimals), 1)}
}

// NumberDigits is the figure Number writes, as Digits.
func NumberDigits(v float64, decimals int) Digits {
	if s, bad := specialDigits(v); bad {
		return s
	}
	return Digits{Figure: locale.NewDecimal(v).Unscaled(placesFor(decimals), 2)}
}
