package format

import (
	"math"
	"strings"

	"github.com/briefhq/brief/internal/locale"
)

// Delta is the change from a previous value to a current one.
type Delta struct {
	Abs    float64 // cur - prev
	Pct    float64 // percent change against prev; valid only if HasPct
	HasPct bool    // false when a percent change would mislead: prev <= 0 or cur < 0
	Dir    int     // -1 fell, 0 unchanged, +1 rose
}

// sameTolerance is the relative difference below which two values are the
// same: float noise from summing, not a change to report.
const sameTolerance = 1e-12

// ChangeOf computes the change from prev to cur. A percent change is given
// only against a positive base and a non-negative result: from -2 to -1, or
// from 2 to -1, a percentage says nothing a reader can use.
//
//	ChangeOf(104.2, 100)  // Delta{Abs: 4.2, Pct: 4.2, HasPct: true, Dir: 1} (to float precision)
func ChangeOf(cur, prev float64) Delta {
	if math.IsNaN(cur) || math.IsNaN(prev) {
		return Delta{Abs: math.NaN(), Pct: math.NaN()}
	}
	abs := cur - prev
	if math.Abs(abs) <= sameTolerance*math.Max(math.Abs(cur), math.Abs(prev)) {
		return Delta{HasPct: prev > 0 && cur >= 0}
	}
	d := Delta{Abs: abs, Dir: 1}
	if abs < 0 {
		d.Dir = -1
	}
	if prev > 0 && cur >= 0 && !math.IsInf(prev, 0) {
		d.HasPct = true
		d.Pct = abs / prev * 100
	}
	return d
}

// foldFrom is the percent rise from which Change says "up 12-fold" rather
// than "up 1,100%": readers grasp multiples, not four-digit percentages.
const foldFrom = 1000

// maxFold is the largest multiple Change prints as a number.
const maxFold = 1000

// prepositions that may open Change's against phrase; without one, "on"
// is added.
var prepositions = [...]string{
	"on ", "from ", "against ", "since ", "compared ", "versus ", "vs ", "over ", "in ",
}

// Change describes the change from prev to cur in words: a percent change
// where one means something, percentage points for percent units, the
// absolute change in the unit when prev is not positive, and "N-fold" for
// rises above 1,000%. against names the base ("a year earlier"); "on" is
// put before it unless it starts with a preposition ("from", "since", ...),
// and it is left out when empty. A change that rounds to zero at decimals
// is "little changed". A percent change always gets exactly one decimal,
// so changes side by side read alike ("up 2.0%" beside "up 1.3%").
// Percentage points and absolute changes take the value's decimals (as
// for Value) and are the difference of the two figures as printed, worked
// out on their decimal digits: "1.889%" against "1.904%" is "down 0.015
// percentage points" at three decimals, and two values that print alike
// are "little changed", never a change the figures beside it contradict.
//
//	Change(104.2, 100, "USD", 1, "a year earlier")        // "up 4.2% on a year earlier"
//	Change(102, 100, "USD", 0, "a year earlier")          // "up 2.0% on a year earlier"
//	Change(100, 100, "USD", 1, "a year earlier")          // "unchanged on a year earlier"
//	Change(4.2e9, 0, "USD", 1, "a year earlier")          // "up $4.2 billion on a year earlier"
//	Change(5.5, 7, "%", 1, "the previous quarter")        // "down 1.5 percentage points on the previous quarter"
//	Change(1.889, 1.904, "%", 3, "February 2026")         // "down 0.015 percentage points on February 2026"
//	Change(1250, 100, "count", 1, "from a year earlier")  // "up 12.5-fold from a year earlier"
func Change(cur, prev float64, unit string, decimals int, against string) string {
	return ChangeRounded(cur, prev, unit, decimals, 1, against)
}

// ChangeRounded is Change with the places of a percent change given: 0
// for the press's "up 23%", the talking points' rounding; the brief itself
// uses Change.
func ChangeRounded(cur, prev float64, unit string, decimals, pctPlaces int, against string) string {
	return change(cur, prev, unit, "", false, decimals, pctPlaces, against)
}

// ChangeLabel is ChangeRounded with an absolute change written as
// ValueLabel writes it, naming the unit by label ("up 120 kt of carbon",
// never the unit id "kt_carbon"); label "" is UnitLabel(unit).
//
//	ChangeLabel(120, 0, "kt_carbon", "", 0, 1, "2023")  // "up 120 kt of carbon on 2023"
func ChangeLabel(cur, prev float64, unit, label string, decimals, pctPlaces int, against string) string {
	return change(cur, prev, unit, label, true, decimals, pctPlaces, against)
}

func change(cur, prev float64, unit, label string, useLabel bool, decimals, pctPlaces int, against string) string {
	tail := againstPhrase(against)
	d := ChangeOf(cur, prev)
	if d.Dir == 0 {
		if math.IsNaN(d.Abs) {
			return "NaN" + tail
		}
		return wordUnchanged + tail
	}
	pr := scaledPrinter
	if useLabel {
		pr = printerOf(strings.TrimSpace(unit), labelOr(unit, label))
	} else if IsCurrency(unit) {
		pr = moneyPrinter
	} else if IsPercent(unit) {
		pr = percentPrinter
	}
	var body string
	dir := d.Dir
	switch {
	case IsPercent(unit):
		// Percentage points as the values: "1.889%" and "1.904%" differ
		// by 0.015, whatever a float makes of 1.889 - 1.904.
		diff, places := printedDiff(cur, prev, percentPrinter, decimals)
		if diff == 0 {
			return wordLittleChanged + tail
		}
		if math.IsInf(diff, 0) {
			return beyondFloat(diff) + Points(math.MaxFloat64, 0) + tail
		}
		dir = sign(diff)
		if padded(decimals) {
			places, _ = placesOf(decimals, false)
		}
		body = pointsText(appendProse(nil, math.Abs(diff), places, 1, padded(decimals)))
	case d.HasPct && cur/prev > maxFold:
		// From a negligible base a multiple is a meaningless 31-digit
		// number: say how big it is at least.
		return wordUpMoreThan + Number(maxFold, 0) + wordFold + tail
	case d.HasPct && d.Pct > foldFrom:
		return wordUp + string(appendProse(nil, cur/prev, pctPlaces, 1, false)) + wordFold + tail
	case d.HasPct && cur == 0:
		// "down 100%" is a fall to nothing: say so.
		return wordDownToZero + tail
	case d.HasPct:
		if roundsToZero(d.Pct, pctPlaces, 1) {
			return wordLittleChanged + tail
		}
		body = Percent(math.Abs(d.Pct), pctPlaces)
	default:
		diff, _ := printedDiff(cur, prev, pr, decimals)
		if math.IsInf(diff, 0) {
			if useLabel {
				return beyondFloat(diff) + ValueLabel(math.MaxFloat64, unit, label, 0) + tail
			}
			return beyondFloat(diff) + Value(math.MaxFloat64, unit, 0) + tail
		}
		if x, _, _ := scaled(diff, decimals); x.Zero() {
			return wordLittleChanged + tail
		}
		dir = sign(diff)
		if useLabel {
			body = ValueLabel(math.Abs(diff), unit, label, decimals)
		} else {
			body = Value(math.Abs(diff), unit, decimals)
		}
	}
	if dir > 0 {
		return wordUp + body + tail
	}
	return wordDown + body + tail
}

// beyondFloat opens a change of two finite figures whose difference is
// beyond the largest float64 (±1e308 of opposite signs): it is said as
// more than that largest number, never computed.
func beyondFloat(diff float64) string {
	if diff > 0 {
		return wordUpMoreThan
	}
	return wordDownMoreThan
}

func labelOr(unit, label string) string {
	if l := strings.TrimSpace(label); l != "" {
		return l
	}
	return UnitLabel(unit)
}

func sign(v float64) int {
	switch {
	case v > 0:
		return 1
	case v < 0:
		return -1
	}
	return 0
}

func againstPhrase(against string) string {
	a := strings.TrimSpace(against)
	if a == "" {
		return ""
	}
	for _, p := range prepositions {
		if len(a) > len(p) && strings.EqualFold(a[:len(p)], p) {
			return " " + a
		}
	}
	return wordOn + a
}

// roundsToZero reports whether v prints as 0 with decimals (auto places for
// decimals < 0).
func roundsToZero(v float64, decimals, auto int) bool {
	x := locale.NewDecimal(v)
	places, isAuto := placesOf(decimals, false)
	if isAuto {
		places = x.AutoPlaces(auto)
	}
	x.Round(places)
	return x.Zero()
}

// Trend is the verb for the change from prev to cur: "rose", "fell" or
// "held steady". It agrees with singular and plural subjects alike.
//
//	Trend(104.2, 100)  // "rose"
func Trend(cur, prev float64) string {
	switch ChangeOf(cur, prev).Dir {
	case 1:
		return wordRose
	case -1:
		return wordFell
	}
	return wordHeldSteady
}

// Assessment judges the change from prev to cur by the indicator's
// higher_is ("good" or "bad"): "an improvement", "a deterioration", or ""
// when the indicator is neutral (or higherIs is anything else) or the
// value is unchanged.
//
//	Assessment(90, 100, "bad")  // "an improvement" (emissions fell)
func Assessment(cur, prev float64, higherIs string) string {
	dir := ChangeOf(cur, prev).Dir
	switch strings.ToLower(strings.TrimSpace(higherIs)) {
	case "good":
	case "bad":
		dir = -dir
	default:
		return ""
	}
	switch dir {
	case 1:
		return wordImprovement
	case -1:
		return wordDeterioration
	}
	return ""
}
