package dataset

import (
	"strconv"
	"time"

	"github.com/briefhq/brief/internal/period"
)

// inferPeriods reads the dates of a series as months (or quarters, or
// years) when every one of them is the first business day of its month
// and they follow one another month by month: the common export shape in
// which 2026-05-04 stands for May 2026. The rows' periods become the
// months; one warning per indicator says so, and how to declare it. A
// series whose dates are declared (period: in indicators.yaml or
// dataset.yaml, day included) is left as it is.
//
// A series qualifies when it has at least three rows, all of them days,
// at most one in any month, each on the first day of its month or on a
// weekday with at most two weekdays (holidays) before it in the month,
// and its most frequent step from one row to the next, covering at least
// half of the steps, is one month (months), three months with every date
// in January, April, July or October (quarters), or twelve with every
// date in January (years). Gaps are allowed: real files miss a month.
func (l *loader) inferPeriods() {
	obs := l.ds.Observations
	candidate := false
	for i := range obs {
		if obs[i].Period.Kind == period.Day && obs[i].Period.Start.Day() <= 7 {
			candidate = true
			break
		}
	}
	if !candidate {
		return // the usual case of a large file: no dates, nothing to infer
	}
	declaredRow := func(i int) bool {
		for _, r := range l.declared {
			if i >= r[0] && i < r[1] {
				return true
			}
		}
		return false
	}
	type series struct{ ind, ent, cp string }
	rows := map[series][]int{}
	var order []series
	skip := map[series]bool{}
	for i := range obs {
		o := &obs[i]
		k := series{o.Indicator, o.Entity, o.Counterpart}
		if skip[k] {
			continue
		}
		if o.Period.Kind != period.Day || !firstBusinessDay(o.Period.Start) || declaredRow(i) {
			skip[k] = true
			delete(rows, k)
			continue
		}
		if in, ok := l.indByID[o.Indicator]; ok && l.ds.Indicators[in].Period != 0 {
			skip[k] = true
			continue
		}
		if rows[k] == nil {
			order = append(order, k)
		}
		rows[k] = append(rows[k], i)
	}
	type finding struct {
		kind  period.Kind
		first *Observation
		date  time.Time // the first's date as written
		n     int
	}
	byInd := map[string]*finding{}
	var inds []string
	for _, k := range order {
		idx := rows[k]
		if skip[k] || len(idx) < 3 {
			continue
		}
		kind := monthlyKind(obs, idx)
		if kind == 0 {
			continue
		}
		lastDate := obs[idx[len(idx)-1]].Period.Start
		for _, i := range idx {
			obs[i].Period = obs[i].Period.In(kind)
		}
		f := byInd[k.ind]
		if f == nil {
			f = &finding{kind: kind, first: &obs[idx[len(idx)-1]], date: lastDate}
			byInd[k.ind] = f
			inds = append(inds, k.ind)
		}
		f.n++
	}
	for _, ind := range inds {
		f := byInd[ind]
		step := map[period.Kind]string{period.Month: "months", period.Quarter: "quarters", period.Year: "years"}[f.kind]
		o := f.first
		who := "its dates"
		if f.n > 1 {
			who = "the dates of " + strconv.Itoa(f.n) + " series"
		}
		l.warnAt(o.Pos, "dates of "+ind+" read as "+step+": "+who+" are each the first business day of one of consecutive "+step+
			", so the figure dated "+f.date.Format("2006-01-02")+" is read as "+o.Period.Label()+"; declare period: "+f.kind.String()+
			" for "+ind+" in indicators.yaml (or the file in dataset.yaml) to confirm, or period: day to keep days")
	}
	// Periods changed: the periods of an inferred series are months now.
	l.dups = nil
}

// firstBusinessDay reports whether t is the first day of its month, or a
// weekday with at most two weekdays (public holidays) before it in the
// month: 2026-05-04 (1 May a holiday, then a weekend) is.
func firstBusinessDay(t time.Time) bool {
	if t.Day() == 1 {
		return true
	}
	if t.Weekday() == time.Saturday || t.Weekday() == time.Sunday || t.Day() > 7 {
		return false
	}
	before := 0
	for d := 1; d < t.Day(); d++ {
		wd := time.Date(t.Year(), t.Month(), d, 0, 0, 0, 0, time.UTC).Weekday()
		if wd != time.Saturday && wd != time.Sunday {
			before++
		}
	}
	return before <= 2
}

// monthlyKind is the granularity the dates of rows idx stand for (see
// inferPeriods), or 0.
func monthlyKind(obs []Observation, idx []int) period.Kind {
	months := make([]int, len(idx))
	allJan, allQuarterStart := true, true
	for n, i := range idx {
		s := obs[i].Period.Start
		months[n] = s.Year()*12 + int(s.Month()) - 1
		allJan = allJan && s.Month() == time.January
		allQuarterStart = allQuarterStart && (s.Month()-1)%3 == 0
	}
	steps := map[int]int{}
	for n := 1; n < len(months); n++ {
		d := months[n] - months[n-1]
		if d <= 0 {
			return 0 // two in one month, or out of order: not one a month
		}
		steps[d]++
	}
	best, bestN := 0, 0
	for d, c := range steps {
		if c > bestN || c == bestN && d < best {
			best, bestN = d, c
		}
	}
	if 2*bestN < len(months)-1 {
		return 0
	}
	switch {
	case best == 1:
		return period.Month
	case best == 3 && allQuarterStart:
		return period.Quarter
	case best == 12 && allJan:
		return period.Year
	}
	return 0
}
