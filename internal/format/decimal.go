package format

import (
	"math"

	"github.com/briefhq/brief/internal/locale"
)

// Figures round on their shortest decimal representation
// (locale.Decimal), the one rounding every language shares; this package
// chooses the places (declared, automatic, common, press, one-scale) and
// writes the digits in English.

// maxPlaces bounds explicit decimals: a float64 has at most 17
// significant digits, so more places only pad zeros.
const maxPlaces = 20

// appendFigure appends the digits of f in English: a minus for a
// negative figure, comma thousands separators, a decimal point before a
// fraction.
func appendFigure(b []byte, f locale.Figure) []byte {
	if f.Neg {
		b = append(b, '-')
	}
	for i := 0; i < len(f.Int); i++ {
		if i > 0 && (len(f.Int)-i)%3 == 0 {
			b = append(b, ',')
		}
		b = append(b, f.Int[i])
	}
	if f.Frac != "" {
		b = append(b, '.')
		b = append(b, f.Frac...)
	}
	return b
}

// nonFinite spells NaN and infinities; validation keeps them out of a
// dataset, so they only show a bug, and should show it plainly.
func nonFinite(v float64) (string, bool) {
	switch {
	case math.IsNaN(v):
		return "NaN", true
	case math.IsInf(v, 1):
		return "Inf", true
	case math.IsInf(v, -1):
		return "-Inf", true
	}
	return "", false
}

// padded reports whether decimals ask for exact places, padded with
// zeros (declared or common), rather than automatic ones.
func padded(decimals int) bool {
	return !placesFor(decimals).Auto
}
