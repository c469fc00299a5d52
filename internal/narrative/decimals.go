package narrative

import (
	"github.com/briefhq/brief/internal/dataset"
	"github.com/briefhq/brief/internal/facts"
	"github.com/briefhq/brief/internal/format"
)

// indicatorDecimals gives each indicator of the catalog the decimals its
// figures print with, everywhere in a brief (text, tables, charts, What
// changed, points):
//
//   - the catalog's decimals when it declares them, exactly: never more
//     (two figures that print alike are "little changed", not given extra
//     digits), never fewer;
//   - otherwise one common choice for every figure the brief can show of
//     the indicator (format.CommonPlaces): the latest values, the figures of
//     its rankings, the earlier values of its changes, its plans and
//     targets, the week's figures. A scaled figure keeps at least three
//     significant digits, and all scaled figures get the places the most
//     precise of them needs, so that the rows of a table or a ranking read
//     alike: "80.96 million cases" beside "1.76 million cases" (never "2
//     million" for 1,760,211), while a plain count stays whole ("113,735
//     cases"). When a change compares two plain figures that would print
//     alike ("12.5%" against "12.5%" for 12.45 and 12.5), the indicator's
//     plain figures get up to two more places, all of them, so that the
//     change reads from the figures ("12.45%, down 0.05 percentage points
//     on 12.50%"); scaled figures that print alike are "little changed".
func indicatorDecimals(ds *dataset.Dataset, set *facts.Set, lb *labels) map[string]int {
	out := make(map[string]int, len(ds.Indicators))
	values := map[string][]float64{}
	for _, in := range ds.Indicators {
		if in.Decimals >= 0 {
			out[in.ID] = in.Decimals
		} else {
			values[in.ID] = nil
		}
	}
	if len(values) == 0 {
		return out
	}
	for i := range set.Facts {
		f := &set.Facts[i]
		vs, ok := values[f.Indicator]
		if !ok {
			continue
		}
		switch f.Kind {
		case facts.Latest, facts.Rank, facts.ChangePrev, facts.ChangeYear, facts.Outlook,
			facts.WeekClose, facts.WeekSum, facts.WeekIncrease, facts.WeekRange:
		default:
			continue
		}
		vs = append(vs, f.Value)
		if f.Against != nil {
			vs = append(vs, f.Against.Value)
		}
		if w := f.Week; w != nil {
			if w.Low != nil {
				vs = append(vs, w.Low.Value)
			}
			if w.High != nil {
				vs = append(vs, w.High.Value)
			}
		}
		values[f.Indicator] = vs
	}
	for _, in := range ds.Indicators {
		if vs, ok := values[in.ID]; ok {
			out[in.ID] = format.CommonPlaces(vs, in.Unit, lb.of(in.ID, in.Unit))
		}
	}
	// Changes between plain figures that print alike, for an indicator
	// of a few series: among many (the World Bank's 200 countries) some
	// pair always prints alike, and two more places for every row of the
	// ranking ("6.987%" for a GDP deflator) read more precise than the
	// indicator is; those pairs are "little changed", as with declared
	// decimals.
	series := map[string]int{}
	for i := range set.Facts {
		if f := &set.Facts[i]; f.Kind == facts.Latest {
			series[f.Indicator]++
		}
	}
	for i := range set.Facts {
		f := &set.Facts[i]
		if _, ok := values[f.Indicator]; !ok || f.Against == nil || f.Against.Value == f.Value || series[f.Indicator] > maxExtraSeries {
			continue
		}
		switch f.Kind {
		case facts.ChangePrev, facts.ChangeYear, facts.WeekClose:
		default:
			continue
		}
		d := out[f.Indicator]
		label := lb.of(f.Indicator, f.Unit)
		for extra := 0; extra < maxExtraPlaces; extra++ {
			a, b := format.ValueLabel(f.Value, f.Unit, label, d), format.ValueLabel(f.Against.Value, f.Unit, label, d)
			if a != b || format.IsScaled(f.Value) || format.IsScaled(f.Against.Value) {
				break
			}
			d = format.MorePlainPlaces(d)
		}
		out[f.Indicator] = d
	}
	return out
}

// maxExtraPlaces bounds the places added to tell two plain figures apart;
// maxExtraSeries is the most series an indicator may have to get them.
const (
	maxExtraPlaces = 2
	maxExtraSeries = 10
)

// oneScale is the decimals d of an indicator for two of its figures one
// sentence compares (format.OneScale): the week's increase and the week
// before's, a close and last week's, the week's low and high. On one
// scale, so that neither reads more precise than the other: "1.04
// million cases …, against a rise of 0.81 million cases", not "of 808,717
// cases"; both in full when the smaller is under a tenth of a million
// ("1,043,276 cases" beside "80,871 cases"). Declared decimals stay
// exact; the press's rounding stays as it is.
func oneScale(a, b float64, unit, label string, d int) int {
	if label == "" {
		label = format.UnitLabel(unit)
	}
	return format.OneScale(a, b, unit, label, d)
}

// faithful is format.Faithful with the unit's display label (valueMD's).
func faithful(unit, label string, figs ...format.Fig) bool {
	if label == "" {
		label = format.UnitLabel(unit)
	}
	return format.Faithful(unit, label, figs...)
}

// together is the decimals d of an indicator for figures one sentence
// compares (format.Together): d when they print as they compare, else
// the least precision that does (the press's two significant digits
// widened to three or four, the brief's places by one or two), else the
// figures unrounded.
func together(values []float64, unit, label string, d int) int {
	if label == "" {
		label = format.UnitLabel(unit)
	}
	return format.Together(values, unit, label, d)
}

// togetherOrFull is together, but a running total's figures that the
// brief's decimals do not keep apart are given in full, as a revision's
// totals always were ("fell from 21,357,095 to 21,340,019"), not with
// more places; the press's are widened as together does.
func togetherOrFull(values []float64, unit, label string, d int) int {
	if label == "" {
		label = format.UnitLabel(unit)
	}
	if format.IsPress(d) {
		return format.Together(values, unit, label, d)
	}
	figs := make([]format.Fig, len(values))
	for i, v := range values {
		figs[i] = format.Fig{Value: v, Decimals: d}
	}
	if format.Faithful(unit, label, figs...) {
		return d
	}
	return format.InFull(values, unit, label)
}
