package dataset

import (
	"sort"
	"strconv"

	"github.com/briefhq/brief/internal/period"
)

// YearRun is a run of consecutive calendar years in which a monthly or
// quarterly series gives one value for every period of each year: annual
// figures repeated in each month (gold prices before 1960 are annual
// averages, repeated in all twelve months).
type YearRun struct {
	From, To int          // the first and last year of the run
	Kind     period.Kind  // Month or Quarter
	First    *Observation // the run's first row
}

// Contains reports whether the run holds year y.
func (r YearRun) Contains(y int) bool { return y >= r.From && y <= r.To }

// RepeatedYears finds the runs of annual figures repeated in each period
// of one series: obs are its rows, sorted by period, one per period (rows
// of another granularity than Month or Quarter are skipped). A year is
// flat when every one of its periods (12 months, 4 quarters) has a figure
// and they are all equal; a run is two or more flat years in a row whose
// value changes at least once from one year to the next. So a rate held
// for years (the same value throughout) is no run: only a series that
// moves at new year and never within a year is read as annual figures.
func RepeatedYears(obs []*Observation) []YearRun {
	var runs []YearRun
	var cur YearRun
	curN, curChanged := 0, false
	var curVal float64
	flush := func() {
		if curN >= 2 && curChanged {
			runs = append(runs, cur)
		}
		curN, curChanged = 0, false
	}
	i := 0
	for i < len(obs) {
		o := obs[i]
		k := o.Period.Kind
		if k != period.Month && k != period.Quarter {
			i++
			continue
		}
		y := o.Period.Start.Year()
		per := 12
		if k == period.Quarter {
			per = 4
		}
		// The rows of year y of kind k.
		j, n, flat := i, 0, true
		for ; j < len(obs) && obs[j].Period.Start.Year() == y; j++ {
			if obs[j].Period.Kind != k {
				continue
			}
			n++
			flat = flat && obs[j].Value == o.Value
		}
		if n != per || !flat {
			flush()
			i = j
			continue
		}
		if curN > 0 && cur.To == y-1 && cur.Kind == k {
			cur.To = y
			curChanged = curChanged || o.Value != curVal
		} else {
			flush()
			cur = YearRun{From: y, To: y, Kind: k, First: o}
		}
		curN++
		curVal = o.Value
		i = j
	}
	flush()
	return runs
}

// warnRepeatedYears warns, once per indicator at the first row of the
// first run, about monthly or quarterly series whose every period of a
// year has the same value, for years in a row (RepeatedYears), and marks
// the rows of those years as YearFigure (known once the year is over).
func (l *loader) warnRepeatedYears(series [][]*Observation) {
	type found struct {
		run YearRun
		n   int
	}
	byInd := map[string]*found{}
	var inds []string
	for _, obs := range series {
		sort.SliceStable(obs, func(i, j int) bool { return period.Compare(obs[i].Period, obs[j].Period) < 0 })
		runs := RepeatedYears(obs)
		if len(runs) == 0 {
			continue
		}
		for _, o := range obs {
			for _, r := range runs {
				if o.Period.Kind == r.Kind && r.Contains(o.Period.Start.Year()) {
					o.YearFigure = true
				}
			}
		}
		ind := obs[0].Indicator
		f := byInd[ind]
		if f == nil {
			f = &found{run: runs[0]}
			byInd[ind] = f
			inds = append(inds, ind)
		}
		f.n++
	}
	for _, ind := range inds {
		f := byInd[ind]
		r := f.run
		word, adv := "month", "monthly"
		if r.Kind == period.Quarter {
			word, adv = "quarter", "quarterly"
		}
		msg := ind + ": from " + strconv.Itoa(r.From) + " to " + strconv.Itoa(r.To) + " every " + word + " of a year has the same value"
		if f.n > 1 {
			msg += " (in " + strconv.Itoa(f.n) + " series of " + ind + ")"
		}
		l.warnAt(r.First.Pos, msg+": annual figures repeated "+adv+"? give those years as years (period "+strconv.Itoa(r.From)+") or leave them out; as they are, a brief takes each such row as known once its year is over, as an annual figure is")
	}
}
