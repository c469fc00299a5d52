package format

import (
	"math"
	"math/big"
	"slices"
	"strconv"

	"github.com/briefhq/brief/internal/locale"
)

// A figure's decimals, as the functions of this package take them:
//
//   - decimals >= 0 is declared (the catalog's decimals): exactly that many
//     places after the scale word, padded with zeros, for every figure;
//   - decimals in -999..-1 is automatic: each figure by itself, integers as
//     integers, up to two decimals for plain numbers, one for percentages,
//     and at least three significant digits after a scale word ("1.76
//     million", "27.8 billion"), trailing zeros dropped;
//   - decimals from CommonPlaces (-1000 and below) is a common choice for
//     figures shown together: exactly one number of places for all scaled
//     figures and one for all plain ones, padded, so that the rows of a
//     table or ranking read alike ("80.96 million", "1.76 million")
//     without padding plain counts ("113,735", never "113,735.00").

// commonBase is the first code of a common choice; codes hold the places
// of scaled and of plain figures, each below commonRadix.
const (
	commonBase  = -1000
	commonRadix = 64
)

// commonCode packs the places of scaled and plain figures.
func commonCode(scaledPlaces, plainPlaces int) int {
	s := min(max(scaledPlaces, 0), maxPlaces)
	p := min(max(plainPlaces, 0), maxPlaces)
	return commonBase - s - p*commonRadix
}

// placesOf maps decimals to the places of a figure and whether they are
// automatic; scaled tells a figure with a scale word from a plain one.
// Non-automatic places are padded with zeros.
func placesOf(decimals int, scaled bool) (places int, auto bool) {
	if _, d, ok := scaleCode(decimals); ok {
		decimals = d
	}
	decimals, _ = pressOf(decimals)
	decimals, _ = proseOf(decimals)
	switch {
	case decimals >= 0:
		return min(decimals, maxPlaces), false
	case decimals > commonBase:
		return 0, true
	}
	c := commonBase - decimals
	if scaled {
		return min(c%commonRadix, maxPlaces), false
	}
	return min(c/commonRadix, maxPlaces), false
}

// placesFor is decimals as locale.Places: the places of plain and of
// scaled figures, or automatic.
func placesFor(decimals int) locale.Places {
	plain, auto := placesOf(decimals, false)
	onScale, _ := placesOf(decimals, true)
	return locale.Places{Plain: plain, OnScale: onScale, Auto: auto}
}

// printer is how ValueLabel prints a unit with a label.
type printer int

const (
	scaledPrinter printer = iota
	moneyPrinter
	percentPrinter
)

// printerOf mirrors ValueLabel's choice of printer.
func printerOf(unit, label string) printer {
	switch {
	case IsPercent(unit) && (label == "" || label[0] == '%'):
		return percentPrinter
	case IsPercent(unit):
		return scaledPrinter
	case IsCurrency(unit):
		return moneyPrinter
	case len(label) > 4 && label[3] == ' ' && IsCurrency(label[:3]):
		return moneyPrinter
	}
	return scaledPrinter
}

// CommonPlaces is the decimals that show figures of one indicator alike
// when the catalog declares none: every scaled figure ("million",
// "billion") with the places the most precise of them needs by the
// automatic rule (at least three significant digits, a zero that is a
// digit kept: 2,900,332 is "2.90 million"), every plain figure
// likewise by its own rule (a price's cents, a rate's decimals), so that a
// table or ranking uses one number of decimals for its rows: "80.96
// million" beside "1.76 million", "3.00" beside "2.84". Pass the result as
// decimals to Value, ValueLabel, Money, Scaled, Percent, Points, Number or
// Change. unit and label are as for ValueLabel. Non-finite values are
// ignored.
//
//	Value(80.96e6, "cases", CommonPlaces([]float64{80.96e6, 1.76e6, 113735}, "cases", ""))  // "80.96 million cases"
//	Value(113735, "cases", CommonPlaces([]float64{80.96e6, 1.76e6, 113735}, "cases", ""))   // "113,735 cases"
func CommonPlaces(values []float64, unit, label string) int {
	pr := printerOf(unit, label)
	s, p := 0, 0
	var pct []int
	for _, v := range values {
		if _, bad := nonFinite(v); bad {
			continue
		}
		if pr == percentPrinter {
			x := locale.NewDecimal(v)
			x.Round(x.AutoPlaces(1))
			pct = append(pct, x.Fraction())
			continue
		}
		x, i, places := scaled(v, -1)
		if i > 0 {
			s = max(s, x.Fraction())
			if rounded(v, i, places) {
				// Three significant digits, zeros included: 2,900,332
				// is "2.90 million", not "2.9 million" (which reads as
				// 2,900,000, or as less precise than "1.76 million").
				s = max(s, 3-x.Exp())
			}
			continue
		}
		f := x.Fraction()
		if pr == moneyPrinter && f == 1 {
			f = 2 // a price keeps its cents: $4.20
		}
		p = max(p, f)
	}
	if len(pct) > 0 {
		// The places most of the rates need: a few figures near zero
		// (0.0012% among rates of 5% to 900%) do not give every row of a
		// ranking four decimals ("95.4087%"); they print as the others.
		slices.Sort(pct)
		p = max(p, pct[len(pct)/2])
	}
	return commonCode(s, p)
}

// rounded reports whether v, written on scale i with places, was rounded:
// its zeros are then digits of it, not of a round number ("12 million"
// is 12,000,000 exactly).
func rounded(v float64, i locale.Scale, places int) bool {
	exact := locale.NewDecimal(v)
	exact.Shift(i.Exp())
	return exact.Fraction() > places
}

// MorePlainPlaces is a common choice (from CommonPlaces) with one more
// place for plain figures; other decimals are returned as they are.
func MorePlainPlaces(decimals int) int {
	if d, ok := proseOf(decimals); ok {
		return ProseDecimals(MorePlainPlaces(d))
	}
	if decimals > commonBase || decimals <= pressBase {
		return decimals
	}
	c := commonBase - decimals
	return commonCode(c%commonRadix, c/commonRadix+1)
}

// IsScaled reports whether v is written with a scale word ("million") by
// automatic decimals.
func IsScaled(v float64) bool {
	if _, bad := nonFinite(v); bad {
		return false
	}
	_, i, _ := scaled(v, -1)
	return i > 0
}

// printed is v as ValueLabel prints it in unit (with a label of the same
// printer): its rounded digits, unscaled.
func printed(v float64, pr printer, decimals int) locale.Decimal {
	if pr == percentPrinter {
		x := locale.NewDecimal(v)
		places, auto := placesOf(decimals, false)
		if auto {
			places = x.AutoPlaces(1)
		}
		x.Round(places)
		return x
	}
	var x locale.Decimal
	var i locale.Scale
	if pr == moneyPrinter {
		x, i, _ = moneyScaled(v, decimals)
	} else {
		x, i, _ = scaled(v, decimals)
	}
	if !x.Zero() {
		x.Shift(-i.Exp())
	}
	return x
}

// printedDiff is printed(cur) - printed(prev), computed on their decimal
// digits, so that a change always equals the difference of the figures a
// reader sees ("1.889%" and "1.904%" differ by 0.015, never by 0.01 or
// 0.02 as binary floats round it). places is the most decimals either
// has.
func printedDiff(cur, prev float64, pr printer, decimals int) (diff float64, places int) {
	a, b := printed(cur, pr, decimals), printed(prev, pr, decimals)
	places = max(a.Fraction(), b.Fraction())
	ra, ok1 := new(big.Rat).SetString(a.Plain())
	rb, ok2 := new(big.Rat).SetString(b.Plain())
	if !ok1 || !ok2 {
		return cur - prev, places
	}
	d, err := strconv.ParseFloat(ra.Sub(ra, rb).FloatString(places), 64)
	if err != nil {
		return cur - prev, places
	}
	return d, places
}

// RoundSignificant rounds v to digits significant digits, half away from
// zero on v as written in the data (2,450 to two digits is 2,500). digits
// below 1 count as 1.
//
//	RoundSignificant(7205064, 2)   // 7200000
//	RoundSignificant(27.8e9, 2)    // 28000000000
//	RoundSignificant(13421, 2)     // 13000
func RoundSignificant(v float64, digits int) float64 {
	if _, bad := nonFinite(v); bad || v == 0 {
		return v
	}
	x := locale.NewDecimal(v)
	x.Round(max(digits, 1) - x.Exp())
	if x.Zero() {
		return 0
	}
	r, err := strconv.ParseFloat(x.Plain(), 64)
	if err != nil || math.IsInf(r, 0) {
		return v
	}
	return r
}

// Press codes: decimals from PressDecimals, below pressBase, wrap the
// decimals a figure would have in the brief.
// A code holds the significant digits too, above PressSignificant, in
// steps of pressRadix.
const (
	pressBase   = -100000
	pressOffset = 10000
	pressRadix  = 100000
)

// PressDecimals turns an indicator's decimals into decimals that make
// Value, ValueLabel, Money and Scaled write a figure for the press, by
// one rule for every figure, scaled or not: a figure of 1,000 or more
// (in size) is rounded to two significant digits, half away from zero,
// and said with "about" when that changed it ("about 7.2 million cases",
// "about 13,000 cases", "about $28 billion"); a smaller one and a
// percentage are written as in the brief, with decimals ("99 projects",
// "$35.03 per troy ounce", "1.889%"). PressDecimals(PressDecimals(d)) is
// PressDecimals(d). Figures one sentence compares take more digits where
// two would print them alike or misstate their difference (Together).
//
//	Value(7205064, "cases", PressDecimals(-1))  // "about 7.2 million cases"
//	Value(13421, "cases", PressDecimals(0))     // "about 13,000 cases"
//	Value(99, "projects", PressDecimals(0))     // "99 projects"
func PressDecimals(decimals int) int {
	if decimals <= pressBase {
		return decimals
	}
	decimals, _ = proseOf(decimals)
	return pressBase - (decimals + pressOffset)
}

// pressOf reports whether decimals are a press code, and the decimals it
// wraps.
func pressOf(decimals int) (int, bool) {
	d, _, ok := pressCode(decimals)
	return d, ok
}

// pressCode reports whether decimals are a press code, with the decimals
// it wraps and the significant digits it rounds to (PressDecimals: 2;
// pressDigits: more).
func pressCode(decimals int) (d, digits int, ok bool) {
	if decimals > pressBase || decimals <= scaleTop {
		return decimals, 0, false
	}
	c := pressBase - decimals
	return c%pressRadix - pressOffset, PressSignificant + c/pressRadix, true
}

// pressDigits is the press code of decimals d (as PressDecimals takes
// them) that rounds to digits significant digits (at least
// PressSignificant, at most PressMaxSignificant).
func pressDigits(d, digits int) int {
	p := PressDecimals(d)
	if w, _, ok := pressCode(p); ok {
		d = w
	}
	digits = min(max(digits, PressSignificant), PressMaxSignificant)
	return pressBase - (d + pressOffset) - (digits-PressSignificant)*pressRadix
}

// PressSignificant is how many significant digits the press rule keeps
// (PressDecimals); PressMaxSignificant is the most a sentence that
// compares figures takes before it gives them unrounded (Together).
const (
	PressSignificant    = 2
	PressMaxSignificant = 4
)

// PressMin is the size from which the press rounds a figure.
const PressMin = 1000

// pressed writes v for the press with f, which formats a value with
// decimals: see PressDecimals.
func pressed(v float64, percent bool, decimals, digits int, f func(float64, int) string) string {
	if _, bad := nonFinite(v); bad || percent || math.Abs(v) < PressMin {
		return f(v, decimals)
	}
	r := RoundSignificant(v, digits)
	s := f(r, exactly(r, digits))
	if r != v {
		s = wordAbout + s
	}
	return s
}

// exactly is the decimals that write r, a figure rounded to digits
// significant digits, with every digit it has and no more: automatic
// for two (which write them all: "about 23 million", "about 1.8
// million"), else the places r has on its scale ("about 23.42
// million").
func exactly(r float64, digits int) int {
	if digits <= PressSignificant {
		return -1
	}
	x := locale.NewDecimal(r)
	s := x.ScaleOf()
	x.Shift(s.Exp())
	return atScale(x.Fraction(), int(s))
}

// Scale codes: decimals from OneScale, at or below scaleTop, wrap the
// decimals of a figure (declared, automatic or common, never press) and
// the scale it is written on (an index of scales).
const (
	scaleTop   = -10_000_000
	scaleRadix = 1_000_000
	scaleShift = 500_000 // wrapped decimals lie in (-scaleShift, scaleRadix-scaleShift)
)

// atScale wraps decimals d with scale index i.
func atScale(d, i int) int { return scaleTop - i*scaleRadix - (d + scaleShift) }

// scaleCode reports whether decimals are a scale code, with the scale
// index and the decimals it wraps.
func scaleCode(decimals int) (i, d int, ok bool) {
	if decimals > scaleTop {
		return 0, decimals, false
	}
	c := scaleTop - decimals
	return c / scaleRadix, c%scaleRadix - scaleShift, true
}

// OneScale is the decimals that write a and b, two figures one sentence
// compares ("rose by 1.04 million cases …, against a rise of 0.81
// million cases the week before"), on one scale, so that neither reads
// more precise than the other: the smaller on the larger's scale when it
// keeps two significant digits there ("0.81 million" beside "1.04
// million"); otherwise both in full when the larger is below a billion
// ("1,043,276 cases" beside "80,871 cases"). Figures on one scale already,
// percentages, press decimals (PressDecimals: every figure is rounded to
// two significant digits anyway), prose decimals (ProseDecimals: three
// significant digits each), and declared decimals that would lose
// the smaller figure's digits, keep decimals as they are. Pass the result
// as decimals to Value, ValueLabel, Money or Scaled for both figures; unit
// and label are as for ValueLabel.
//
//	d := OneScale(1043276, 808717, "cases", "", -1)
//	Value(1043276, "cases", d)  // "1.04 million cases"
//	Value(808717, "cases", d)   // "0.81 million cases"
func OneScale(a, b float64, unit, label string, decimals int) int {
	if _, press := pressOf(decimals); press {
		return decimals
	}
	if _, prose := proseOf(decimals); prose {
		return decimals
	}
	if _, _, ok := scaleCode(decimals); ok {
		return decimals
	}
	if _, bad := nonFinite(a); bad {
		return decimals
	}
	if _, bad := nonFinite(b); bad {
		return decimals
	}
	pr := printerOf(unit, label)
	if pr == percentPrinter {
		return decimals
	}
	index := func(v float64) locale.Scale {
		if pr == moneyPrinter {
			_, i, _ := moneyScaled(v, decimals)
			return i
		}
		_, i, _ := scaled(v, decimals)
		return i
	}
	ia, ib := index(a), index(b)
	if ia == ib {
		return decimals
	}
	top, small := ia, b
	if ib > ia {
		top, small = ib, a
	}
	x := locale.NewDecimal(small)
	x.Shift(top.Exp())
	if x.Zero() {
		return decimals
	}
	if decimals >= 0 {
		// Declared: exactly these places, on one scale only if the
		// smaller keeps two significant digits with them.
		if min(decimals, maxPlaces)+x.Exp() >= 2 {
			return atScale(decimals, int(top))
		}
		return decimals
	}
	// Automatic or common (the engine's choice): one common choice for
	// the two, with the places that keep two significant digits of a
	// smaller figure from a tenth of the scale ("$0.95 billion" beside
	// "$1.20 billion").
	d := decimals
	if _, auto := placesOf(decimals, true); auto {
		d = CommonPlaces([]float64{a, b}, unit, label)
	}
	c := commonBase - d
	sp, pp := c%commonRadix, c/commonRadix
	if need := 2 - x.Exp(); need <= 2 {
		return atScale(commonCode(max(sp, need), pp), int(top))
	}
	if top == locale.Million {
		return atScale(d, 0) // in full: a million-scale figure beside one far smaller
	}
	return decimals
}

// Unscaled is the decimals that write a figure in full, without a scale
// word ("21,357,095 cases", not "21.36 million cases"), with d places
// (d < 0: none). Two figures that one scale would print alike ("fell
// from 21.36 million to 21.36 million") are written so.
func Unscaled(d int) int { return atScale(max(d, 0), 0) }

// Prose codes: decimals from ProseDecimals, from proseBase down, wrap the
// automatic or common decimals of a figure in the brief's text.
const (
	proseBase = -50_000
	proseSpan = 10_000
)

// ProseSignificant is how many significant digits a scaled figure has in
// the brief's text (ProseDecimals).
const ProseSignificant = 3

// ProseDecimals turns an indicator's decimals into decimals for its
// figures in the brief's text, where each figure stands alone: a figure
// with a scale word ("billion") has exactly three significant digits,
// a zero that is a digit of the rounding kept ("$261 billion", "$2.02
// trillion", "$90.9 billion", "$14.0 billion" for 13.99 billion; "12
// million" for exactly 12,000,000), whatever places a table's common
// choice (CommonPlaces) gives the same indicator ("$261.42 billion"
// beside "$2.02 trillion" there); a plain figure and a percentage keep
// decimals as they are. Declared decimals (the catalog's), press and
// one-scale codes, and prose codes are returned as they are.
//
//	d := CommonPlaces([]float64{2.0215e12, 261.42e9}, "USD", "")
//	Money(261.42e9, "USD", d)                 // "$261.42 billion" (a table)
//	Money(261.42e9, "USD", ProseDecimals(d))  // "$261 billion"
//	Money(2.0215e12, "USD", ProseDecimals(d)) // "$2.02 trillion"
func ProseDecimals(decimals int) int {
	switch {
	case decimals >= 0, decimals <= pressBase:
		return decimals
	case decimals > commonBase:
		return proseBase // automatic
	}
	if _, ok := proseOf(decimals); ok {
		return decimals
	}
	return proseBase - 1 - (commonBase - decimals)
}

// proseOf reports whether decimals are a prose code, and the decimals it
// wraps (-1 for automatic).
func proseOf(decimals int) (int, bool) {
	if decimals > proseBase || decimals <= proseBase-proseSpan {
		return decimals, false
	}
	if decimals == proseBase {
		return -1, true
	}
	return commonBase - (proseBase - 1 - decimals), true
}

// significant is orig written for prose (ProseDecimals): plain figures by
// p, a scaled one with ProseSignificant significant digits on its scale,
// fewer when it has fewer ("12 million"), moving up a scale when rounding
// reaches the next one.
func significant(orig locale.Decimal, p locale.Places) (locale.Decimal, locale.Scale, int) {
	x, s, places := orig.OnScales(p)
	if s == locale.NoScale {
		return x, s, places
	}
	for {
		y := orig
		y.Shift(s.Exp())
		q := min(max(0, ProseSignificant-y.Exp()), y.Fraction())
		y.Round(q)
		if r := max(0, ProseSignificant-y.Exp()); r < q {
			// Rounding carried a digit (99.96 to 100.0): three digits.
			q = r
			y.Round(q)
		}
		if s < locale.Trillion && y.Exp() > 3 {
			s++ // 999.6 billion is 1.00 trillion
			continue
		}
		return y, s, q
	}
}

// paddedAt is padded for a figure on scale i: a scaled figure in prose
// keeps its zeros ("$14.0 billion").
func paddedAt(decimals int, i locale.Scale) bool {
	if _, ok := proseOf(decimals); ok && i != locale.NoScale {
		return true
	}
	return padded(decimals)
}
