package format

import (
	"math"
	"math/big"

	"github.com/briefhq/brief/internal/locale"
)

// Figures one sentence compares ("stood at 23.4 million, up 3.3% from
// 22.7 million; the week's range was 22.9 to 23.4 million") must compare
// as printed as they do in the data: a rounding that makes two of them
// print alike ("about 23 million, up 3.3% from about 23 million"), swaps
// their order, or prints a difference more than twice the true one says
// something false. Faithful tells such figures; Together and Beside give
// decimals that keep them faithful.

// Fig is a figure and the decimals it is printed with (as Value and
// ValueLabel take them).
type Fig struct {
	Value    float64
	Decimals int
}

// Faithful reports whether the figures, each printed with its decimals in
// unit (named by label, as for ValueLabel), compare as their values do:
// for every two of them the printed values are equal only when the
// values are, and otherwise differ the same way by no more than twice the
// true difference (and by something). This is the fact guard's rule for a
// rounding ("order kept, difference at most doubled"): "about $28
// billion" against $27.3 billion (0.7 for 0.5) keeps it, "about 14%, up
// from about 13%" for 13.6% and 13.4% (1 point for 0.2) does not.
// Non-finite values are left out.
func Faithful(unit, label string, figs ...Fig) bool {
	pr, pct := printerOf(unit, labelOr(unit, label)), IsPercent(unit)
	type pair struct{ truth, shown *big.Rat }
	var vs []pair
	for _, f := range figs {
		if _, bad := nonFinite(f.Value); bad {
			continue
		}
		t, ok1 := ratOf(locale.NewDecimal(f.Value))
		s, ok2 := ratOf(shown(f.Value, pr, pct, f.Decimals))
		if !ok1 || !ok2 {
			continue
		}
		vs = append(vs, pair{t, s})
	}
	dt, ds, slack := new(big.Rat), new(big.Rat), new(big.Rat)
	for i := range vs {
		for j := i + 1; j < len(vs); j++ {
			dt.Sub(vs[i].truth, vs[j].truth)
			ds.Sub(vs[i].shown, vs[j].shown)
			if !keepsComparison(dt, ds, slack) {
				return false
			}
		}
	}
	return true
}

// KeepsComparison reports whether two figures printed as shownA and
// shownB (rounded) compare as their values truthA and truthB do: the
// order is kept (equal only when equal) and the printed difference is at
// most twice the true one. It is the rule of Faithful and of the fact
// guard's check of a polish's rounding; the floats are compared exactly.
func KeepsComparison(truthA, shownA, truthB, shownB float64) bool {
	for _, v := range []float64{truthA, shownA, truthB, shownB} {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return false
		}
	}
	rat := func(v float64) *big.Rat { return new(big.Rat).SetFloat64(v) }
	dt := new(big.Rat).Sub(rat(truthA), rat(truthB))
	ds := new(big.Rat).Sub(rat(shownA), rat(shownB))
	return keepsComparison(dt, ds, new(big.Rat))
}

// keepsComparison: the printed difference ds has the true difference
// dt's sign and |ds - dt| <= |dt| (ds lies between 0 and twice dt);
// slack is scratch space.
func keepsComparison(dt, ds, slack *big.Rat) bool {
	if dt.Sign() != ds.Sign() {
		return false
	}
	slack.Sub(ds, dt)
	return slack.Abs(slack).Cmp(new(big.Rat).Abs(dt)) <= 0
}

// Together is the decimals for values that one sentence compares, all
// printed with them (Faithful): decimals themselves when they keep the
// values faithful; else, for press decimals (PressDecimals), the press
// rule with three significant digits, then four (PressMaxSignificant:
// "about 23.4 million, up 3.3% from about 22.7 million" where two digits
// print "about 23 million" twice); else, for other decimals, one or two
// more places on the largest value's scale ("80.63 million, up 0.3% from
// 80.41 million" where none print "81 million … from 80 million", four
// times the rise); and when none of that does, the values unrounded, in
// full ("23,416,663 cases" beside "23,416,660 cases"). unit and label
// are as for ValueLabel.
//
//	d := Together([]float64{23416663, 22677986}, "cases", "", PressDecimals(0))
//	ValueLabel(23416663, "cases", "", d)  // "about 23.4 million cases"
//	ValueLabel(22677986, "cases", "", d)  // "about 22.7 million cases"
func Together(values []float64, unit, label string, decimals int) int {
	return together(values, nil, 0, unit, label, decimals)
}

// Beside is the decimals for v, printed for the press (decimals from
// PressDecimals) beside others printed with their own decimals
// (othersDecimals: the brief's, a plan's "15.0 million" that a press
// point gives as it is): the fewest significant digits, from the press
// rule's two up to PressMaxSignificant, that keep them all faithful
// (Faithful); else othersDecimals, the brief's own sentence; else v
// unrounded. Other decimals are returned as they are.
func Beside(v float64, others []float64, unit, label string, decimals, othersDecimals int) int {
	if _, _, press := pressCode(decimals); !press {
		return decimals
	}
	return together([]float64{v}, others, othersDecimals, unit, label, decimals)
}

// together is the first decimals of the candidates (see Together) that
// print values faithfully among themselves and beside fixed, printed with
// fixedDecimals.
func together(values, fixed []float64, fixedDecimals int, unit, label string, decimals int) int {
	var finite []float64
	for _, v := range values {
		if _, bad := nonFinite(v); !bad {
			finite = append(finite, v)
		}
	}
	if len(finite)+len(fixed) < 2 {
		return decimals
	}
	ok := func(d int) bool {
		figs := make([]Fig, 0, len(finite)+len(fixed))
		for _, v := range finite {
			figs = append(figs, Fig{v, d})
		}
		for _, v := range fixed {
			figs = append(figs, Fig{v, fixedDecimals})
		}
		return Faithful(unit, label, figs...)
	}
	if ok(decimals) {
		return decimals
	}
	pr := printerOf(unit, labelOr(unit, label))
	var try []int
	if w, k, press := pressCode(decimals); press {
		for n := k + 1; n <= PressMaxSignificant; n++ {
			try = append(try, pressDigits(w, n))
		}
		if fixed != nil {
			try = append(try, fixedDecimals)
		}
	} else {
		try = append(try, wider(finite, pr, decimals)...)
	}
	for _, d := range try {
		if ok(d) {
			return d
		}
	}
	return inFull(finite, pr)
}

// wider is decimals with one and two more places, on the scale the
// largest of values is written on.
func wider(values []float64, pr printer, decimals int) []int {
	top := 0.0
	for _, v := range values {
		if math.Abs(v) > math.Abs(top) {
			top = v
		}
	}
	var places int
	var s locale.Scale
	switch pr {
	case percentPrinter:
		x := locale.NewDecimal(top)
		var auto bool
		if places, auto = placesOf(decimals, false); auto {
			places = x.AutoPlaces(1)
		}
	case moneyPrinter:
		_, s, places = moneyScaled(top, decimals)
	default:
		_, s, places = scaled(top, decimals)
	}
	var out []int
	for n := 1; n <= 2 && places+n <= maxPlaces; n++ {
		p := places + n
		if pr == moneyPrinter && s == locale.NoScale && p == 1 {
			p = 2 // a price keeps its cents: "$2,412.30"
		}
		out = append(out, atScale(p, int(s)))
	}
	return out
}

// inFull is the decimals that write every one of values unrounded,
// without a scale word.
func inFull(values []float64, pr printer) int {
	places := 0
	for _, v := range values {
		x := locale.NewDecimal(v)
		places = max(places, x.Fraction())
	}
	places = min(places, maxPlaces)
	if pr == moneyPrinter && places == 1 {
		places = 2
	}
	return Unscaled(places)
}

// shown is v as printed with decimals: by the press rule where it
// rounds (pressed writes every digit of the rounded figure), else as
// printed says.
func shown(v float64, pr printer, percent bool, decimals int) locale.Decimal {
	if d, k, press := pressCode(decimals); press {
		if percent || math.Abs(v) < PressMin {
			return printed(v, pr, d)
		}
		return locale.NewDecimal(RoundSignificant(v, k))
	}
	return printed(v, pr, decimals)
}

// ratOf is x exactly.
func ratOf(x locale.Decimal) (*big.Rat, bool) {
	return new(big.Rat).SetString(x.Plain())
}

// IsPress reports whether decimals are press decimals (PressDecimals,
// or a press rule with more digits from Together).
func IsPress(decimals int) bool {
	_, _, ok := pressCode(decimals)
	return ok
}

// InFull is the decimals that write every one of values unrounded and
// without a scale word ("21,357,095 cases", "$2,412.30"): the last resort
// of Together. unit and label are as for ValueLabel.
func InFull(values []float64, unit, label string) int {
	return inFull(values, printerOf(unit, labelOr(unit, label)))
}

// PressRounded is v as press decimals round it (PressDecimals, or
// Together's press rule with more digits) and the decimals that write
// the rounded value with every digit it has, for a writer of another
// language that says "about" itself. A figure the press rule leaves as
// it is (under PressMin) and other decimals give v and decimals.
func PressRounded(v float64, decimals int) (float64, int) {
	_, k, press := pressCode(decimals)
	if _, bad := nonFinite(v); bad || !press || math.Abs(v) < PressMin {
		return v, decimals
	}
	r := RoundSignificant(v, k)
	return r, exactly(r, k)
}
