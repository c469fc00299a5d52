package dataset

import (
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/briefhq/brief/internal/format"
	"github.com/briefhq/brief/internal/period"
)

// finish fills in what the catalogs did not give, runs the checks that
// need every row, and sorts the findings.
func (l *loader) finish() {
	if len(l.ds.Observations) == 0 && l.obsFile != "" && !l.diags.HasErrors() {
		if len(l.ds.Events) == 0 {
			l.errorAt(Pos{File: l.obsFile, Line: 1}, "no observations: the file has a header but no rows; add figures below it")
		} else {
			// A week of developments alone can still be briefed.
			l.warnAt(Pos{File: l.obsFile, Line: 1}, "no observations: the file has a header but no rows; the brief reports the events alone")
		}
	}
	if !l.ds.HasIndicatorCatalog {
		l.ds.Topics = []Topic{DefaultTopic}
		seen := map[string]bool{}
		for i := range l.ds.Observations {
			o := &l.ds.Observations[i]
			if !seen[o.Indicator] {
				seen[o.Indicator] = true
				l.ds.Indicators = append(l.ds.Indicators, Indicator{
					ID: o.Indicator, Name: o.Indicator, Topic: DefaultTopic.ID,
					Unit: o.Unit, Decimals: -1, HigherIs: Neutral, Pos: o.Pos,
				})
			}
		}
	}
	if !l.ds.HasEntityCatalog {
		seen := map[string]bool{}
		addEnt := func(id string, p Pos) {
			if id == "" || seen[id] {
				return
			}
			seen[id] = true
			name := l.entNames[id]
			if name == "" {
				name = id
			}
			l.ds.Entities = append(l.ds.Entities, Entity{ID: id, Names: map[string]string{"": name}, Pos: p})
		}
		for i := range l.ds.Observations {
			addEnt(l.ds.Observations[i].Entity, l.ds.Observations[i].Pos)
		}
		for i := range l.ds.Observations {
			addEnt(l.ds.Observations[i].Counterpart, l.ds.Observations[i].Pos)
		}
		for _, ev := range l.ds.Events {
			for _, id := range ev.Entities {
				addEnt(id, ev.Pos)
			}
		}
	}

	if t := l.earlyRelease; t.n > 0 {
		l.warnAt(t.pos, "an actual figure released before its period began"+times(t.n)+": a forecast? set status to estimate or plan, or correct the released date")
	}
	if t := l.selfPair; t.n > 0 {
		l.warnAt(t.pos, "the counterpart is the entity itself"+times(t.n)+": correct the counterpart or leave it empty")
	}
	for _, src := range l.noURLKeys {
		t := l.noURL[src]
		l.warnAt(t.pos, "source "+strconv.Quote(src)+" has no source_url"+times(t.n)+": add a link so readers can check it")
	}
	for _, k := range l.unitKeys {
		t := l.units[k]
		what := "the unit " + strconv.Quote(t.ref) + " in " + l.indFile
		if !l.ds.HasIndicatorCatalog {
			what = "the unit " + strconv.Quote(t.ref) + " of its first row"
		}
		// An error, not a warning: the brief would compare the figures
		// as one series ("rose 3.5% to $1,984 per gram" from $1,916 per
		// troy ounce: a blind review's real-data variant).
		l.errorAt(t.pos, "unit "+strconv.Quote(k[1])+" of "+k[0]+" differs from "+what+times(t.n)+": figures in two units cannot be compared or ranked as one series: convert the values to "+strconv.Quote(t.ref)+" or correct the unit")
	}
	l.flushFlags()
	l.inferPeriods()
	l.dropEndedTotals()
	l.checkSeries()
	l.warnAggregates()
	l.warnRunningTotals()
	l.checkScaledDecimals()
	l.flushRepeats()
	l.diags.Sort()
}

// checkScaledDecimals warns when an indicator's declared decimals, which
// count after the scale word, leave a figure one significant digit and
// write it far from its value:
// "decimals: 0" writes 7,415,084 cases as "7 million", 5.6% off, beside a
// runner-up's exact "789,932" (the model simulator, ms2, read the COVID
// brief so). The brief honours the catalog, as documented; the warning
// says what it costs and what to write instead.
func (l *loader) checkScaledDecimals() {
	type worst struct{ value, off float64 }
	decimals := map[string]int{}
	for _, in := range l.ds.Indicators {
		if in.Decimals >= 0 {
			decimals[in.ID] = in.Decimals
		}
	}
	if len(decimals) == 0 {
		return
	}
	found := map[string]worst{}
	for i := range l.ds.Observations { // one pass over the rows
		o := &l.ds.Observations[i]
		d, ok := decimals[o.Indicator]
		if !ok || math.Abs(o.Value) < 1e6 {
			continue
		}
		factor, _ := format.ScaleOf([]float64{o.Value})
		if m := math.Abs(o.Value) / factor; int(math.Floor(math.Log10(m)))+1+d >= 2 {
			continue // two significant digits or more: "27.8 billion", "12 million"
		}
		p := math.Pow(10, float64(d))
		shown := math.Round(o.Value/factor*p) / p * factor
		if e := math.Abs(shown-o.Value) / math.Abs(o.Value); e > found[o.Indicator].off {
			found[o.Indicator] = worst{o.Value, e}
		}
	}
	for _, in := range l.ds.Indicators {
		if w, ok := found[in.ID]; ok && w.off > 0.005 {
			l.warnAt(in.Pos, fmt.Sprintf("%s: decimals: %d counts after the scale word, so %s is written %q (%.1f%% off): leave decimals out for figures that reach millions (they keep three significant digits) or declare more", in.ID, in.Decimals, format.Scaled(w.value, -1), format.Scaled(w.value, in.Decimals), w.off*100))
		}
	}
}

// times is " (on N rows)" for a finding summed up over rows.
func times(n int) string {
	if n == 1 {
		return ""
	}
	return " (on " + strconv.Itoa(n) + " rows)"
}

// checkStale warns about series whose latest actual or estimated figure
// is old: its period ended more than one period length plus StaleAfter
// before the clock (a year's figure is expected a year after it ends,
// a month's a month after; StaleAfter is the slack on top of that).
// Plans and targets do not count, as they do not report what happened.
func (l *loader) checkSeries() {
	type series struct{ ind, ent, cp string }
	type state struct {
		first, latest int // row indexes; latest -1 until an actual or estimate
		mixed         bool
	}
	states := map[series]*state{}
	var order []series
	var mixed []int // the first row of another granularity, per series
	// The monthly and quarterly rows of each series, for
	// warnRepeatedYears.
	periodic := map[series][]*Observation{}
	for i := range l.ds.Observations {
		o := &l.ds.Observations[i]
		k := series{o.Indicator, o.Entity, o.Counterpart}
		st := states[k]
		if st == nil {
			st = &state{first: i, latest: -1}
			states[k] = st
			order = append(order, k)
		} else if !st.mixed && o.Period.Kind != l.ds.Observations[st.first].Period.Kind {
			st.mixed = true
			mixed = append(mixed, i)
		}
		if o.Status != Actual && o.Status != Estimate {
			continue
		}
		if o.Period.Kind == period.Month || o.Period.Kind == period.Quarter {
			periodic[k] = append(periodic[k], o)
		}
		if st.latest < 0 || period.Compare(o.Period, l.ds.Observations[st.latest].Period) > 0 {
			st.latest = i
		}
	}
	l.warnMixed(mixed, func(i int) *Observation {
		o := &l.ds.Observations[i]
		return &l.ds.Observations[states[series{o.Indicator, o.Entity, o.Counterpart}].first]
	})
	var yearly [][]*Observation
	for _, k := range order {
		if obs := periodic[k]; len(obs) >= 24 {
			yearly = append(yearly, obs)
		}
	}
	l.warnRepeatedYears(yearly)
	if l.today.IsZero() || l.opts.StaleAfter < 0 {
		return
	}
	latest := map[series]int{}
	for _, k := range order {
		if st := states[k]; st.latest >= 0 {
			latest[k] = st.latest
		}
	}
	// One warning per indicator: a file with hundreds of old series
	// should say so once, with examples, not hundreds of times.
	type staleSet struct {
		first *Observation
		n     int
		ex    []string
	}
	byInd := map[string]*staleSet{}
	var inds []string
	for _, k := range order {
		j, ok := latest[k]
		if !ok {
			continue
		}
		o := &l.ds.Observations[j]
		length := o.Period.End.Sub(o.Period.Start) + 24*time.Hour
		if !o.Period.End.Add(length + l.opts.StaleAfter).Before(l.today) {
			continue
		}
		st := byInd[o.Indicator]
		if st == nil {
			st = &staleSet{first: o}
			byInd[o.Indicator] = st
			inds = append(inds, o.Indicator)
		}
		st.n++
		if len(st.ex) < 3 {
			s := o.Entity
			if o.Counterpart != "" {
				s += " with " + o.Counterpart
			}
			st.ex = append(st.ex, s+" ("+o.Period.String()+")")
		}
	}
	for _, ind := range inds {
		st := byInd[ind]
		o := st.first
		who := o.Entity
		if o.Counterpart != "" {
			who += " with " + o.Counterpart
		}
		msg := "stale series: the latest figure of " + ind + " for " + who + " is for " + o.Period.String() + ", over " + span(l.opts.StaleAfter) + " overdue"
		if st.n > 1 {
			msg = "stale series: " + strconv.Itoa(st.n) + " series of " + ind + " are over " + span(l.opts.StaleAfter) + " overdue, e.g. " + strings.Join(st.ex, ", ")
		}
		l.warnAt(st.first.Pos, msg+": add newer figures or drop the series")
	}
}

// span writes a duration in years, months or days.
func span(d time.Duration) string {
	days := int(d / (24 * time.Hour))
	plural := func(n int, unit string) string {
		if n == 1 {
			return "1 " + unit
		}
		return strconv.Itoa(n) + " " + unit + "s"
	}
	switch {
	case days >= 365 && days%365 == 0:
		return plural(days/365, "year")
	case days >= 30 && days%30 == 0:
		return plural(days/30, "month")
	case days >= 1:
		return plural(days, "day")
	}
	return d.String()
}

// warnMixed warns when one series mixes granularities (weekly and daily
// rows of one indicator for one entity): its figures are compared period
// with period, so a daily row would hide the week's figure. One warning
// per indicator, at the first row of another granularity; rows are the
// first such row of each series, firstOf gives the series' first row.
func (l *loader) warnMixed(rows []int, firstOf func(int) *Observation) {
	type mixedSet struct {
		at, ref *Observation
		n       int
	}
	byInd := map[string]*mixedSet{}
	var inds []string
	for _, i := range rows {
		o := &l.ds.Observations[i]
		m := byInd[o.Indicator]
		if m == nil {
			m = &mixedSet{at: o, ref: firstOf(i)}
			byInd[o.Indicator] = m
			inds = append(inds, o.Indicator)
		}
		m.n++
	}
	for _, ind := range inds {
		m := byInd[ind]
		who := m.at.Entity
		if m.at.Counterpart != "" {
			who += " with " + m.at.Counterpart
		}
		msg := "series " + ind + " for " + who + " mixes " + adjective(m.ref.Period.Kind) + " figures (line " + strconv.Itoa(m.ref.Pos.Line) + ") with " + adjective(m.at.Period.Kind) + " ones"
		if m.n > 1 {
			msg += " (" + strconv.Itoa(m.n) + " series of " + ind + " do)"
		}
		l.warnAt(m.at.Pos, msg+": a series is compared period with period; give these figures an indicator of their own")
	}
}

// adjective is a granularity as an adjective: "weekly", "daily".
func adjective(k period.Kind) string {
	if k == period.Day {
		return "daily"
	}
	if k == period.Year {
		return "annual"
	}
	return k.String() + "ly"
}

// dropEndedTotals leaves out the tail of a running total (summary:
// cumulative) that falls from a positive figure to exactly zero and stays
// at zero to the end of the data: the source stopped counting (the
// Johns Hopkins file's recoveries from 5 August 2021), it did not revise
// the total away. Kept, the zeros would read as "0 people recovered" and
// as a downward revision of the whole total. One warning per indicator
// names the first such row and what to do.
func (l *loader) dropEndedTotals() {
	cumulative := map[string]bool{}
	for i := range l.ds.Indicators {
		if l.ds.Indicators[i].Summary == SummaryCumulative {
			cumulative[l.ds.Indicators[i].ID] = true
		}
	}
	if len(cumulative) == 0 {
		return
	}
	type series struct{ ind, ent, cp string }
	rows := map[series][]int{}
	var order []series
	for i := range l.ds.Observations {
		o := &l.ds.Observations[i]
		if !cumulative[o.Indicator] || (o.Status != Actual && o.Status != Estimate) {
			continue
		}
		k := series{o.Indicator, o.Entity, o.Counterpart}
		if rows[k] == nil {
			order = append(order, k)
		}
		rows[k] = append(rows[k], i)
	}
	drop := map[int]bool{}
	type ended struct {
		first          *Observation
		last           *Observation // the last figure before the zeros
		n, seriesCount int
	}
	byInd := map[string]*ended{}
	var inds []string
	for _, k := range order {
		idx := rows[k]
		sort.SliceStable(idx, func(a, b int) bool {
			return period.Compare(l.ds.Observations[idx[a]].Period, l.ds.Observations[idx[b]].Period) < 0
		})
		j := len(idx)
		for j > 0 && l.ds.Observations[idx[j-1]].Value == 0 {
			j--
		}
		// A tail of zeros after a positive figure, of two rows or more
		// (one zero may be a genuine first report of none).
		if j == 0 || j == len(idx) || len(idx)-j < 2 || l.ds.Observations[idx[j-1]].Value <= 0 {
			continue
		}
		e := byInd[k.ind]
		if e == nil {
			e = &ended{first: &l.ds.Observations[idx[j]], last: &l.ds.Observations[idx[j-1]]}
			byInd[k.ind] = e
			inds = append(inds, k.ind)
		}
		e.seriesCount++
		for _, i := range idx[j:] {
			drop[i] = true
			e.n++
		}
	}
	if len(drop) == 0 {
		return
	}
	for _, ind := range inds {
		e := byInd[ind]
		who := e.first.Entity
		if e.first.Counterpart != "" {
			who += " with " + e.first.Counterpart
		}
		msg := ind + ": the running total for " + who + " falls from " + strconv.FormatFloat(e.last.Value, 'f', -1, 64) +
			" (" + e.last.Period.String() + ") to 0 and stays at 0 to the end of the data: read as the source no longer counting, the " +
			strconv.Itoa(e.n) + " zero rows are left out"
		if e.seriesCount > 1 {
			msg += " (" + strconv.Itoa(e.seriesCount) + " series end so)"
		}
		l.warnAt(e.first.Pos, msg+": leave those values empty, or remove the rows")
	}
	kept := l.ds.Observations[:0]
	for i := range l.ds.Observations {
		if !drop[i] {
			kept = append(kept, l.ds.Observations[i])
		}
	}
	l.ds.Observations = kept
}
