package format

import "math"

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
	x := newDecimal(v)
	places, auto := placesOf(decimals, false)
	if auto {
		places = x.autoPlaces(2)
	}
	x.round(places)
	var buf [64]byte
	b := x.appendSign(buf[:0])
	return string(x.appendAbs(b, places, !auto))
}

// scale is a power of ten named in words; thousand is not one, as "45
// thousand" reads worse than "45,000".
type scale struct {
	exp  int // 0, 6, 9 or 12
	word string
}

var scales = [...]scale{{0, ""}, {6, "million"}, {9, "billion"}, {12, "trillion"}}

// scaleIndex picks the scale of |x| before rounding.
func scaleIndex(x *decimal) int {
	if x.zero() {
		return 0
	}
	mag := x.exp - 1 // floor(log10 |x|)
	for i := len(scales) - 1; i > 0; i-- {
		if mag >= scales[i].exp {
			return i
		}
	}
	return 0
}

// scaled rounds v in its scale, moving up a scale when rounding reaches the
// next one (999.96 million is "1 billion", not "1,000 million"). It returns
// the rounded, scaled digits, the scale index and the places they have.
func scaled(v float64, decimals int) (decimal, int, int) {
	orig := newDecimal(v)
	i := scaleIndex(&orig)
	if at, d, ok := scaleCode(decimals); ok {
		// A figure beside another, on its scale (OneScale): "0.81
		// million" beside "1.04 million", "1,043,276" beside "80,871".
		x := orig
		x.exp -= scales[at].exp
		places, auto := placesOf(d, at > 0)
		if auto {
			places = x.autoPlaces(2)
			if at > 0 {
				places = max(1, 3-x.exp)
			}
		}
		x.round(places)
		return x, at, places
	}
	for {
		x := orig
		x.exp -= scales[i].exp
		places, auto := placesOf(decimals, i > 0)
		if auto {
			if i == 0 {
				places = x.autoPlaces(2)
			} else {
				// At least three significant digits, at least one
				// decimal: "1.76 million", "27.8 billion", "113.7
				// million". One decimal would make 1,760,211 "1.8
				// million" and 0 decimals "2 million", 14% off.
				places = max(1, 3-x.exp)
			}
		}
		x.round(places)
		if i+1 < len(scales) && !x.zero() && x.exp-1 >= scales[i+1].exp-scales[i].exp {
			i++
			continue
		}
		return x, i, places
	}
}

// appendScaled appends |v| scaled, with its scale word; pad fills the
// fraction with zeros to places.
func appendScaled(b []byte, x *decimal, i, places int, pad bool) []byte {
	b = x.appendAbs(b, places, pad)
	if w := scales[i].word; w != "" {
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
	if d, ok := pressOf(decimals); ok {
		return pressed(v, false, d, func(x float64, d int) string { return Scaled(x, d) })
	}
	if s, bad := nonFinite(v); bad {
		return s
	}
	x, i, places := scaled(v, decimals)
	var buf [64]byte
	b := x.appendSign(buf[:0])
	return string(appendScaled(b, &x, i, places, padded(decimals)))
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
	return math.Pow10(scales[i].exp), scales[i].word
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
		most = max(most, x.n-x.exp)
	}
	return most
}
