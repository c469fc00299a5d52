package format

import (
	"math"

	"github.com/briefhq/brief/internal/locale"
)

// Number formats v with comma thousands separators and exactly decimals
// decimal places, as a table column wants them. With decimals < 0 the
// precision is automatic: integers print as integers, other values with up
// to two decimals (trailing zeros dropped), and magnitudes below 1 with two
// significant digits. Decimals above 20 count as 20.
//
//	Number(12000, 0)      // "12,000"
//	Number(1234.5, 1)     // "1,234.5"
//	Number(1234.5, 2)     // "1,234.50"
//	Number(1234.567, -1)  // "1,234.57"
//	Number(0.00345, -1)   // "0.0035"
//	Number(-0.04, 1)      // "0.0", never "-0.0"
func Number(v float64, decimals int) string {
	if s, bad := nonFinite(v); bad {
		return s
	}
	var buf [64]byte
	return string(appendFigure(buf[:0], locale.NewDecimal(v).Unscaled(placesFor(decimals), 2)))
}

// scaled rounds v in its scale (locale.Decimal.OnScales), or on the scale
// a OneScale code names. It returns the rounded, scaled digits, the scale
// and the places they have.
func scaled(v float64, decimals int) (locale.Decimal, locale.Scale, int) {
	orig := locale.NewDecimal(v)
	if at, d, ok := scaleCode(decimals); ok {
		// A figure beside another, on its scale (OneScale): "0.81
		// million" beside "1.04 million", "1,043,276" beside "80,871".
		x, places := orig.At(locale.Scale(at), placesFor(d))
		return x, locale.Scale(at), places
	}
	if d, ok := proseOf(decimals); ok {
		return significant(orig, placesFor(d))
	}
	return orig.OnScales(placesFor(decimals))
}

// appendScaled appends the figure f with its scale word.
func appendScaled(b []byte, f locale.Figure) []byte {
	b = appendFigure(b, f)
	if w := scaleWords[f.Scale]; w != "" {
		b = append(b, ' ')
		b = append(b, w...)
	}
	return b
}

// Scaled formats v for prose, with a scale word from a million upwards.
// Decimals count after scaling, and a value given decimals always shows
// exactly that many, so that figures of one indicator read alike ("12.0
// million" beside "27.8 million", "3.00" beside "2.84"). With automatic
// decimals (-1: the catalog does not say) a scaled value keeps at least
// three significant digits and at least one decimal ("1.76 million",
// never "2 million" for 1,760,211) and smaller ones follow Number's
// automatic rule, trailing zeros dropped; CommonPlaces gives the places
// for figures shown together. Above 999 trillion the number grows in
// trillions.
//
//	Scaled(27800000000, -1)  // "27.8 billion"
//	Scaled(12000000, 1)      // "12.0 million"
//	Scaled(12000000, -1)     // "12 million"
//	Scaled(1.23e12, -1)      // "1.23 trillion"
//	Scaled(1760211, -1)      // "1.76 million"
//	Scaled(999960000, 1)     // "1.0 billion"
//	Scaled(45000, -1)        // "45,000"
//	Scaled(3, 2)             // "3.00"
func Scaled(v float64, decimals int) string {
	if d, k, ok := pressCode(decimals); ok {
		return pressed(v, false, d, k, func(x float64, d int) string { return Scaled(x, d) })
	}
	if s, bad := nonFinite(v); bad {
		return s
	}
	x, i, places := scaled(v, decimals)
	var buf [64]byte
	return string(appendScaled(buf[:0], x.Figure(places, paddedAt(decimals, i), i)))
}

// ScaleOf returns the common scale for showing values together, such as
// on a chart axis: the factor to divide them by and its word ("billion"),
// or 1 and "" when the largest magnitude is below a million. Non-finite
// values are ignored.
//
//	ScaleOf([]float64{27.8e9, 3.1e9, 450e6})  // 1e9, "billion"
func ScaleOf(values []float64) (factor float64, word string) {
	top := 0.0
	for _, v := range values {
		if a := math.Abs(v); a > top && !math.IsInf(a, 0) {
			top = a
		}
	}
	_, i, _ := scaled(top, -1)
	return math.Pow10(i.Exp()), scaleWords[i]
}

// CommonDecimals is the number of decimals that shows values of one
// indicator alike when the catalog does not declare decimals: the most any
// of them needs by the automatic rule (after its scale word, trailing
// zeros dropped), so that "3", "2.84" and "0.89" read "3.00", "2.84" and
// "0.89". Pass the result as decimals to Value, Scaled, Money or Number.
// No values give 0. The places are the same for scaled and plain figures;
// CommonPlaces keeps plain counts beside scaled ones whole.
//
//	CommonDecimals([]float64{3, 2.844, 0.89})     // 2
//	CommonDecimals([]float64{21.019e6, 4.818e6})  // 2 ("21.02 million", "4.82 million")
//	CommonDecimals([]float64{12, 1250})           // 0
func CommonDecimals(values []float64) int {
	most := 0
	for _, v := range values {
		if _, bad := nonFinite(v); bad {
			continue
		}
		x, _, _ := scaled(v, -1)
		most = max(most, x.Fraction())
	}
	return most
}
