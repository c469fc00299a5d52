package dataset

import (
	"math"
	"path/filepath"
	"sort"
	"strconv"

	"github.com/briefhq/brief/internal/period"
)

// runningMinRows is the fewest figures of a series read for the shape of
// a running total: a month of days, thirty weeks.
const runningMinRows = 30

// runningShape says whether a series (its figures, oldest first) moves as
// a running total does: whole, non-negative numbers that rise in at least
// one step of three and fall in at most one of fifty, or once (a source revises
// its totals now and then: France's COVID-19 count falls on 10 of 815
// days), and end above where they began.
func runningShape(obs []*Observation) (ok bool, falls int) {
	rises := 0
	for i, o := range obs {
		if o.Value < 0 || o.Value != math.Trunc(o.Value) {
			return false, 0
		}
		if i == 0 {
			continue
		}
		switch prev := obs[i-1].Value; {
		case o.Value > prev:
			rises++
		case o.Value < prev:
			falls++
		}
	}
	steps := len(obs) - 1
	return 3*rises >= steps && 50*falls <= steps+49 && obs[len(obs)-1].Value > obs[0].Value, falls
}

// warnRunningTotals warns about an indicator whose catalog says nothing
// of its summary and whose daily or weekly series look like
// running totals (runningShape: COVID-19 cases confirmed to date): read
// as levels, every week of such a series is "the highest since the
// series began" and the week's increase, its news, is never said. At
// the first row of the first such series, with where to declare it.
func (l *loader) warnRunningTotals() {
	type skey struct{ ind, ent, cp string }
	undeclared := map[string]*Indicator{}
	for i := range l.ds.Indicators {
		in := &l.ds.Indicators[i]
		if in.Summary == "" && in.IsAdditive("") {
			undeclared[in.ID] = in
		}
	}
	if len(undeclared) == 0 {
		return
	}
	series := map[skey][]*Observation{}
	var order []skey
	for i := range l.ds.Observations {
		o := &l.ds.Observations[i]
		if undeclared[o.Indicator] == nil || o.Status != Actual && o.Status != Estimate {
			continue
		}
		switch o.Period.Kind {
		case period.Day, period.Week:
			// Running totals are counted day by day or week by week; a
			// monthly or annual count that only rises is more often a
			// level that grows (a population, the firms registered).
		default:
			continue
		}
		k := skey{o.Indicator, o.Entity, o.Counterpart}
		if series[k] == nil {
			order = append(order, k)
		}
		series[k] = append(series[k], o)
	}
	type found struct {
		long, running, falls, steps int
		first                       []*Observation // the first running series
	}
	byInd := map[string]*found{}
	var inds []string
	for _, k := range order {
		obs := series[k]
		if len(obs) < runningMinRows {
			continue
		}
		sort.SliceStable(obs, func(i, j int) bool { return period.Compare(obs[i].Period, obs[j].Period) < 0 })
		f := byInd[k.ind]
		if f == nil {
			f = &found{}
			byInd[k.ind] = f
			inds = append(inds, k.ind)
		}
		f.long++
		if ok, falls := runningShape(obs); ok && obs[0].Period.Kind == obs[len(obs)-1].Period.Kind {
			f.running++
			f.falls += falls
			f.steps += len(obs) - 1
			if f.first == nil {
				f.first = obs
			}
		}
	}
	for _, ind := range inds {
		f := byInd[ind]
		if f.running == 0 || 5*f.running < 4*f.long {
			continue
		}
		in := undeclared[ind]
		obs := f.first
		a, b := obs[0], obs[len(obs)-1]
		unit := a.Period.Kind.String() + "s"
		who := a.Entity
		if a.Counterpart != "" {
			who += " with " + a.Counterpart
		}
		subj := "the " + adjective(a.Period.Kind) + " figures of " + who
		eg := ""
		if f.long > 1 {
			subj = "the " + adjective(a.Period.Kind) + " figures of " + strconv.Itoa(f.running) + " of its " + strconv.Itoa(f.long) + " series"
			eg = "e.g. " + who + ": "
		}
		on := " in "
		if a.Period.Kind == period.Day {
			on = " on "
		}
		msg := ind + ": " + subj + " never fall"
		if f.falls > 0 {
			// "never fall (but 20 times …)" contradicted itself (a blind
			// review): say how rarely
			n := strconv.Itoa(f.falls) + " times"
			if f.falls == 1 {
				n = "once"
			}
			msg = ind + ": " + subj + " fall only " + n + " in " + plain(float64(f.steps)) + " " + unit + " (revisions?)"
		}
		msg += ", as running totals do (" + eg + plain(a.Value) + on + a.Period.String() + ", " + plain(b.Value) + on + b.Period.String() + ")"
		where := "in indicators.yaml (a catalog that lists every indicator: - {id: " + ind + ", unit: " + a.Unit + ", summary: cumulative})"
		if l.ds.HasIndicatorCatalog && in.Pos.File != "" {
			where = "in " + filepath.Base(in.Pos.File) + " (line " + strconv.Itoa(in.Pos.Line) + ")"
		}
		msg += ": if they are totals to date, declare summary: cumulative for " + ind + " " + where +
			", so that a week reads as its increase, not as a record each week; if they are levels, declare summary: level to say so"
		l.warnAt(a.Pos, msg)
	}
}

// plain writes a whole number with thousands separators: 1,447,012.
func plain(v float64) string {
	s := strconv.FormatFloat(math.Abs(v), 'f', 0, 64)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	if v < 0 {
		s = "-" + s
	}
	return s
}
