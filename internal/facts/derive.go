package facts

import (
	"math"
	"sort"
	"strings"
	"time"

	"github.com/briefhq/brief/internal/dataset"
	"github.com/briefhq/brief/internal/format"
	"github.com/briefhq/brief/internal/period"
)

// Options fix the moment a brief describes.
type Options struct {
	// AsOf is the last day the brief covers (inclusive); rows released
	// later are unknown to it.
	AsOf time.Time
	// WeekStart is the first day of the brief's week: figures released from
	// then to AsOf are New.
	WeekStart time.Time
}

// Set is every fact derived for one as-of date, in a stable order: topic,
// indicator and entity in catalog order, then kind.
type Set struct {
	AsOf   time.Time
	Series []*Series
	Facts  []Fact
	ds     *dataset.Dataset
}

// Known reports whether o was public at asOf (dataset.Known). Rows with a
// release date are known from that day. Rows without one are known once
// their period has ended, except plans and targets, which describe the
// future and are known from the start.
func Known(o *dataset.Observation, asOf time.Time) bool { return dataset.Known(o, asOf) }

// Dataset is the dataset as known at the set's as-of day
// (dataset.Dataset.AsOf): the rows and events a brief of that day may
// show. Later layers should read it, not the dataset as loaded.
func (s *Set) Dataset() *dataset.Dataset { return s.ds }

// IsNew reports whether o is a figure of the week [weekStart, asOf]: with
// a release date, released in it; without one, an actual figure or an
// estimate whose period ends in it (a plan or target without a release
// date is not news).
func IsNew(o *dataset.Observation, weekStart, asOf time.Time) bool {
	if weekStart.IsZero() {
		return false
	}
	if !o.Released.IsZero() {
		return !o.Released.Before(weekStart) && !o.Released.After(asOf)
	}
	if o.Status == dataset.Plan || o.Status == dataset.Target {
		return false
	}
	return !o.Period.End.Before(weekStart) && !o.Period.End.After(asOf)
}

// definitiveness ranks statuses when one period has several rows.
func definitiveness(s dataset.Status) int {
	switch s {
	case dataset.Actual, "":
		return 0
	case dataset.Estimate:
		return 1
	}
	return 2
}

type order struct {
	topic, indicator, entity map[string]int
}

func newOrder(ds *dataset.Dataset) order {
	o := order{map[string]int{}, map[string]int{}, map[string]int{}}
	for i, t := range ds.Topics {
		o.topic[t.ID] = i
	}
	for i, in := range ds.Indicators {
		o.indicator[in.ID] = i
	}
	for i, e := range ds.Entities {
		o.entity[e.ID] = i
	}
	return o
}

func (o order) lessKey(a, b SeriesKey) bool {
	if a.Indicator != b.Indicator {
		return lessBy(o.indicator, a.Indicator, b.Indicator)
	}
	if a.Entity != b.Entity {
		return lessBy(o.entity, a.Entity, b.Entity)
	}
	return lessBy(o.entity, a.Counterpart, b.Counterpart)
}

// lessBy orders ids by catalog position, unknown ids last by name.
func lessBy(pos map[string]int, a, b string) bool {
	pa, oka := pos[a]
	pb, okb := pos[b]
	switch {
	case oka && okb:
		return pa < pb
	case oka != okb:
		return oka
	}
	return a < b
}

// Derive computes the facts of ds as known at opts.AsOf: of the view
// ds.AsOf(opts.AsOf), which Set.Dataset returns.
func Derive(ds *dataset.Dataset, opts Options) *Set {
	repeated := repeatedYears(ds)
	full := ds
	ds = ds.AsOf(opts.AsOf)
	// lastStart is the start of each series' last period in the data as
	// loaded, release dates aside, built on first need: a week whose
	// figures stop early while the series goes on after it has a gap (a
	// market holiday), not figures still to come.
	var lastStart map[SeriesKey]time.Time
	continuesAfter := func(k SeriesKey, end time.Time) bool {
		if lastStart == nil {
			lastStart = map[SeriesKey]time.Time{}
			for i := range full.Observations {
				o := &full.Observations[i]
				if o.Status != dataset.Actual && o.Status != dataset.Estimate {
					continue // a plan says nothing of the figures to come
				}
				key := SeriesKey{o.Indicator, o.Entity, o.Counterpart}
				if t, ok := lastStart[key]; !ok || o.Period.Start.After(t) {
					lastStart[key] = o.Period.Start
				}
			}
		}
		return lastStart[k].After(end)
	}
	ord := newOrder(ds)
	ind := make(map[string]*dataset.Indicator, len(ds.Indicators))
	for i := range ds.Indicators {
		ind[ds.Indicators[i].ID] = &ds.Indicators[i]
	}

	// One pass over the rows builds the series.
	byKey := make(map[SeriesKey]*Series, len(ds.Observations)/8+16)
	for i := range ds.Observations {
		o := &ds.Observations[i]
		if !Known(o, opts.AsOf) {
			continue
		}
		k := SeriesKey{o.Indicator, o.Entity, o.Counterpart}
		s := byKey[k]
		if s == nil {
			s = &Series{Key: k}
			byKey[k] = s
		}
		s.Obs = append(s.Obs, o)
	}
	set := &Set{AsOf: opts.AsOf, ds: ds}
	for _, s := range byKey {
		less := func(i, j int) bool {
			if c := period.Compare(s.Obs[i].Period, s.Obs[j].Period); c != 0 {
				return c < 0
			}
			return definitiveness(s.Obs[i].Status) < definitiveness(s.Obs[j].Status)
		}
		// Most files list a series in order: check before sorting.
		if !sort.SliceIsSorted(s.Obs, less) {
			sort.SliceStable(s.Obs, less)
		}
		// Keep the most definitive row of each period.
		kept := s.Obs[:0]
		for _, o := range s.Obs {
			if n := len(kept); n > 0 && period.Compare(kept[n-1].Period, o.Period) == 0 {
				continue
			}
			kept = append(kept, o)
		}
		s.Obs = kept
		set.Series = append(set.Series, s)
	}
	sort.Slice(set.Series, func(i, j int) bool { return ord.lessKey(set.Series[i].Key, set.Series[j].Key) })

	topicOf := func(id string) string {
		if in := ind[id]; in != nil {
			return in.Topic
		}
		return ""
	}
	inWeek := func(o *dataset.Observation) bool { return IsNew(o, opts.WeekStart, opts.AsOf) }

	// Facts are large; sizing the slice once (up to seven per series: the
	// latest value, two changes, a record, a rank, a share, an outlook)
	// avoids copying them as it grows, which dominated the cost on a
	// million rows.
	out := make([]Fact, 0, 7*len(set.Series)+len(ds.Topics)+8)
	var latest []*Fact
	// Sources live in one arena; each fact takes a capped window of it,
	// instead of a small allocation per fact.
	arena := make([]Source, 0, 5*len(set.Series))
	sources := func(os ...*dataset.Observation) []Source {
		for _, o := range os {
			arena = append(arena, sourceOf(o))
		}
		n := len(arena)
		return arena[n-len(os) : n : n]
	}
	var same []*dataset.Observation // reused for every series
	hists := make([][]*dataset.Observation, 0, len(set.Series))
	for _, s := range set.Series {
		// Changes, records and the latest value describe what happened:
		// actual figures and estimates. Plans and targets for later periods
		// are an outlook beside them. A series that has nothing else has a
		// latest value, its latest plan or target, and no other fact: no
		// week, change or record is made of plans.
		hist, ahead := splitForward(s.Obs)
		plansOnly := len(hist) == 0
		if plansOnly {
			hist, ahead = ahead, nil
		}
		last := hist[len(hist)-1]
		hists = append(hists, hist)
		base := Fact{
			Topic: topicOf(s.Key.Indicator), Indicator: s.Key.Indicator, Entity: s.Key.Entity,
			Counterpart: s.Key.Counterpart, Period: last.Period, PeriodLabel: last.Period.Label(), PeriodID: last.Period.String(),
			Value: last.Value, Unit: last.Unit, Status: statusOf(last), Note: last.Note, New: inWeek(last),
			Sources: sources(last),
		}
		base.Stale = IsStale(last, opts.AsOf)
		base.Nominal = ind[s.Key.Indicator].IsNominal(last.Unit)
		// Annual figures repeated in each month (or quarter): such a
		// figure is its year's, its change on the month before is no
		// news (and, at new year, the change on a year earlier said
		// again), and a comparison with one is with its year.
		runs := repeated[s.Key]
		yearOf := func(o *dataset.Observation) int {
			if o.Period.Kind != period.Month && o.Period.Kind != period.Quarter {
				return 0
			}
			y := o.Period.Start.Year()
			for _, r := range runs {
				if r.Contains(y) {
					return y
				}
			}
			return 0
		}
		base.YearFigure = yearOf(last)
		f := base
		f.Kind = Latest
		f.Salience = 1
		if f.New {
			f.Salience += 2
		}
		out = append(out, f)
		if plansOnly {
			continue
		}

		// Earlier points of the same granularity, for changes and records.
		same = same[:0]
		for _, o := range hist[:len(hist)-1] {
			if o.Period.Kind == last.Period.Kind {
				same = append(same, o)
			}
		}
		pct := format.IsPercent(last.Unit)
		// A daily series is told by its week (weekFacts): the change on
		// the day before, or on the same day a year earlier, says little.
		daily := last.Period.Kind == period.Day
		if k := last.Period.Kind; (k == period.Day || k == period.Week) && !opts.WeekStart.IsZero() {
			goesOn := continuesAfter(s.Key, opts.WeekStart.AddDate(0, 0, 6))
			out = weekFacts(out, &base, hist, ind[s.Key.Indicator].WeeklySummary(), pct, goesOn, opts, inWeek, sources)
		}
		prevYear := 0
		if n := len(same); n > 0 && !daily && base.YearFigure == 0 {
			f := base
			f.Kind = ChangePrev
			f.Against = compare(last, same[n-1], pct)
			f.Against.Missing = missing(same[n-1].Period, last.Period)
			if y := yearOf(same[n-1]); y != 0 {
				f.Against.YearFigure, f.Against.Label = y, period.OfYear(y).Label()
				prevYear = y
			}
			f.Sources = sources(last, same[n-1])
			f.Salience = changeSalience(f.Against, pct) + boolf(f.New, 1)
			out = append(out, f)
		}
		if last.Period.Kind != period.Year && !daily {
			ya := last.Period.YearAgo()
			for _, o := range same {
				if period.Compare(o.Period, ya) == 0 {
					y := yearOf(o)
					if y != 0 && y == prevYear {
						break // the same year's figure, already compared with
					}
					f := base
					f.Kind = ChangeYear
					f.Against = compare(last, o, pct)
					if y != 0 && base.YearFigure != 0 {
						// Two years' figures: the change is of the year.
						f.Against.YearFigure, f.Against.Label = y, period.OfYear(y).Label()
					}
					f.Sources = sources(last, o)
					f.Salience = changeSalience(f.Against, pct) + 0.5 + boolf(f.New, 1)
					out = append(out, f)
				}
			}
		}
		for _, o := range ahead {
			if period.Compare(o.Period, last.Period) <= 0 {
				continue
			}
			f := base
			f.Kind, f.Period, f.PeriodLabel, f.PeriodID, f.Value, f.Status, f.Note = Outlook, o.Period, o.Period.Label(), o.Period.String(), o.Value, statusOf(o), o.Note
			f.New = inWeek(o)
			f.Against = compare(o, last, pct)
			f.Sources = sources(o, last)
			f.Salience = 0.8 + boolf(f.New, 1)
			out = append(out, f)
			break // the nearest plan or target says enough
		}
		// A running total is at its highest whenever it rises: a record
		// of it says nothing.
		cumulative := ind[s.Key.Indicator].WeeklySummary() == dataset.SummaryCumulative
		// A record needs a history worth the word: three figures, and for
		// figures of less than a year a year of them ("the highest since
		// the series began on 10 February", four days earlier, is not news).
		long := len(same) >= 2 && (last.Period.Kind == period.Year ||
			!last.Period.End.Before(same[0].Period.Start.AddDate(1, 0, -1)))
		if long && !cumulative {
			hi, lo := true, true
			for _, o := range same {
				hi = hi && last.Value > o.Value
				lo = lo && last.Value < o.Value
			}
			if hi || lo {
				f := base
				f.Kind, f.Since = RecordHigh, len(same)
				if lo {
					f.Kind = RecordLow
				}
				if len(runs) > 0 {
					years, prevY := 0, 0
					for _, o := range append(same, last) {
						if y := yearOf(o); y != 0 {
							f.SinceRepeated++
							if f.RepeatedFrom == 0 {
								f.RepeatedFrom = y
							}
							f.RepeatedTo = y
							if y != prevY {
								years, prevY = years+1, y
							}
						}
					}
					if f.SinceRepeated == len(same)+1 {
						// Nothing but annual figures: a record among years.
						f.Since, f.SinceYears = years-1, true
						f.SinceRepeated, f.RepeatedFrom, f.RepeatedTo = 0, 0, 0
					}
				}
				f.Gaps = recordGaps(same, last)
				f.Salience = 2 + math.Log10(float64(len(same))) + boolf(f.New, 1)
				out = append(out, f)
			}
		}
	}
	weighIncreases(out)
	// Rankings (and shares, totals) are of actual figures and estimates:
	// a series with nothing but plans and targets takes no part, neither
	// ranked nor reported beside a ranking as a later figure.
	ms := make([]member, 0, len(hists))
	for i := range out {
		if out[i].Kind == Latest {
			latest = append(latest, &out[i])
			if !forward(out[i].Status) {
				ms = append(ms, member{&out[i], hists[len(latest)-1]})
			}
		}
	}
	out = append(out, groupFacts(ds, ms, opts.AsOf, opts.WeekStart)...)
	out = append(out, statusCounts(ds, latest)...)
	out = append(out, staleFacts(latest, hists, sources)...)
	for i := range out {
		out[i].ID = factID(&out[i])
	}
	set.Facts = sortFacts(out, set.Series, ord)
	return set
}

var kindOrder = map[Kind]int{Latest: 0, WeekClose: 1, WeekRange: 1, WeekSum: 1, WeekIncrease: 1, ChangePrev: 2, ChangeYear: 3, RecordHigh: 4, RecordLow: 4, Outlook: 5, Rank: 6, Share: 7, Total: 8, IndicatorStale: 9, StatusCount: 10, TopicStale: 11}

// sortFacts orders facts by topic, series (catalog order) and kind, with
// each topic's status counts last. Facts are large, so it sorts small keys
// and moves each fact once.
func sortFacts(out []Fact, series []*Series, ord order) []Fact {
	seriesAt := make(map[SeriesKey]int, len(series))
	lastOf := map[string]int{} // the last series of each indicator, where its totals go
	for i, s := range series {
		seriesAt[s.Key] = i
		lastOf[s.Key.Indicator] = i
	}
	type key struct {
		topic, series, kind int
		group               string
		i                   int
	}
	keys := make([]key, len(out))
	for i := range out {
		f := &out[i]
		t, ok := ord.topic[f.Topic]
		if !ok {
			t = len(ord.topic)
		}
		k := key{topic: t, kind: kindOrder[f.Kind], group: f.Group, i: i}
		switch f.Kind {
		case StatusCount, TopicStale:
			k.series = len(series)
		case Total, IndicatorStale:
			k.series = lastOf[f.Indicator]
		default:
			k.series = seriesAt[SeriesKey{f.Indicator, f.Entity, f.Counterpart}]
		}
		keys[i] = k
	}
	sort.Slice(keys, func(a, b int) bool {
		x, y := &keys[a], &keys[b]
		switch {
		case x.topic != y.topic:
			return x.topic < y.topic
		case x.series != y.series:
			return x.series < y.series
		case x.kind != y.kind:
			return x.kind < y.kind
		case x.group != y.group:
			return x.group < y.group
		}
		return x.i < y.i
	})
	sorted := make([]Fact, len(out))
	for n, k := range keys {
		sorted[n] = out[k.i]
	}
	return sorted
}

func boolf(b bool, v float64) float64 {
	if b {
		return v
	}
	return 0
}

func statusOf(o *dataset.Observation) dataset.Status {
	if o.Status == "" {
		return dataset.Actual
	}
	return o.Status
}

func sourceOf(o *dataset.Observation) Source {
	return Source{File: o.Pos.File, Line: o.Pos.Line, Source: o.Source, SourceURL: o.SourceURL}
}

// repeatedYears finds the annual figures repeated in each month or
// quarter of each series (dataset.RepeatedYears), in the data as loaded:
// that a file gives one figure for a whole year, repeated each month, is
// a matter of its shape (as a date read as its month is), so January
// 1900 is read as the 1900 figure in a brief of January 1900 too,
// before the file's other months of 1900 are known.
func repeatedYears(ds *dataset.Dataset) map[SeriesKey][]dataset.YearRun {
	rows := map[SeriesKey][]*dataset.Observation{}
	for i := range ds.Observations {
		o := &ds.Observations[i]
		if (o.Period.Kind == period.Month || o.Period.Kind == period.Quarter) && realFigure(o) {
			k := SeriesKey{o.Indicator, o.Entity, o.Counterpart}
			rows[k] = append(rows[k], o)
		}
	}
	var out map[SeriesKey][]dataset.YearRun
	for k, obs := range rows {
		if len(obs) < 24 {
			continue
		}
		less := func(i, j int) bool { return period.Compare(obs[i].Period, obs[j].Period) < 0 }
		if !sort.SliceIsSorted(obs, less) {
			sort.SliceStable(obs, less)
		}
		if runs := dataset.RepeatedYears(obs); len(runs) > 0 {
			if out == nil {
				out = map[SeriesKey][]dataset.YearRun{}
			}
			out[k] = runs
		}
	}
	return out
}

// recordGaps is the periods without a figure between the first of same
// (earlier figures of last's kind, oldest first) and last, for monthly,
// quarterly and yearly figures (a daily series skips its weekends and
// holidays, a weekly one has no calendar of its own); nil when there are
// none.
func recordGaps(same []*dataset.Observation, last *dataset.Observation) *Gaps {
	switch last.Period.Kind {
	case period.Month, period.Quarter, period.Year:
	default:
		return nil
	}
	var g *Gaps
	prev := same[0].Period
	for _, o := range append(same[1:len(same):len(same)], last) {
		if m := missing(prev, o.Period); m != nil {
			if g == nil {
				g = &Gaps{}
			}
			g.NRuns++
			g.N += m.N
			if len(g.Runs) < MaxGapRuns {
				g.Runs = append(g.Runs, *m)
			}
		}
		prev = o.Period
	}
	if g != nil {
		g.Span = len(same) + 1 + g.N
		g.Large = 3*g.N >= g.Span
	}
	return g
}

// missing is the periods between prev and cur, of cur's kind, when
// there are any: the data give no figure for them.
func missing(prev, cur period.Period) *Missing {
	if prev.Kind != cur.Kind {
		return nil
	}
	from := prev.Next()
	if period.Compare(from, cur) >= 0 {
		return nil
	}
	m := &Missing{From: from, FromLabel: from.Label(), To: cur.Prev(), N: 1}
	m.ToLabel = m.To.Label()
	for p := from; period.Compare(p, m.To) < 0 && m.N < 1<<20; p = p.Next() {
		m.N++
	}
	return m
}

// compare sets cur against prev. For percent units the percent change of a
// percent is meaningless, so only the difference (in points) is kept.
func compare(cur, prev *dataset.Observation, percentUnit bool) *Comparison {
	c := &Comparison{Period: prev.Period, Label: prev.Period.Label(), Value: prev.Value, Abs: cur.Value - prev.Value}
	if !percentUnit && prev.Value != 0 {
		c.Pct = 100 * c.Abs / math.Abs(prev.Value)
		c.HasPct = true
	}
	return c
}

func changeSalience(c *Comparison, percentUnit bool) float64 {
	mag := math.Abs(c.Pct)
	if percentUnit || !c.HasPct {
		mag = 10 * math.Abs(c.Abs)
	}
	// 1% -> ~0.8, 10% -> ~1.5, 100% -> ~2.3; capped so one wild swing
	// does not crowd out everything else.
	return math.Min(3, 0.5+math.Log10(1+mag)*0.9)
}

func factID(f *Fact) string {
	parts := []string{string(f.Kind)}
	switch f.Kind {
	case StatusCount, TopicStale:
		parts = append(parts, f.Topic)
	case IndicatorStale:
		parts = append(parts, f.Indicator)
	case Total:
		parts = append(parts, f.Indicator)
		if f.Counterpart != "" {
			parts = append(parts, "vs", f.Counterpart)
		}
	default:
		parts = append(parts, f.Indicator, f.Entity)
		if f.Counterpart != "" {
			parts = append(parts, "vs", f.Counterpart)
		}
	}
	if f.Group != "" {
		parts = append(parts, "in", f.Group)
	}
	return strings.Join(parts, "/")
}

// forward reports whether s is a plan or a target: a figure for the
// future, not one that was measured.
func forward(s dataset.Status) bool { return s == dataset.Plan || s == dataset.Target }

// splitForward separates actual figures and estimates from plans and
// targets, keeping order.
func splitForward(obs []*dataset.Observation) (hist, ahead []*dataset.Observation) {
	forward := false
	for _, o := range obs {
		forward = forward || o.Status == dataset.Plan || o.Status == dataset.Target
	}
	if !forward {
		return obs, nil // the usual case: no copy
	}
	for _, o := range obs {
		if o.Status == dataset.Plan || o.Status == dataset.Target {
			ahead = append(ahead, o)
		} else {
			hist = append(hist, o)
		}
	}
	return hist, ahead
}

// IsStale reports whether o, the latest figure of its series, is old at
// asOf: its period ended more than StaleAfter(kind) before asOf, so its
// next figure is overdue by the usual publication delays. Plans and
// targets are never stale.
func IsStale(o *dataset.Observation, asOf time.Time) bool {
	if o.Status == dataset.Plan || o.Status == dataset.Target {
		return false
	}
	return StaleFrom(o.Period).Before(asOf)
}

// StaleFrom is the last day on which a figure for p is still current: a
// figure is stale from the day after. By granularity: a day's figure for
// 14 days after it, a week's for 3 weeks after it ends, a month's for 3
// months, a quarter's for 6 months, a year's for 18 months (a 2023 figure
// is current until 30 June 2025, when the 2024 figure is expected).
func StaleFrom(p period.Period) time.Time {
	switch p.Kind {
	case period.Day:
		return p.End.AddDate(0, 0, 14)
	case period.Week:
		return p.End.AddDate(0, 0, 21)
	case period.Month:
		return endOfMonths(p.End, 3)
	case period.Quarter:
		return endOfMonths(p.End, 6)
	case period.Year:
		return endOfMonths(p.End, 18)
	}
	length := p.End.Sub(p.Start) + 24*time.Hour
	return p.End.Add(2 * length)
}

// endOfMonths is the last day of the month n months after the month of
// t, which is the last day of its month.
func endOfMonths(t time.Time, n int) time.Time {
	first := time.Date(t.Year(), t.Month(), 1, 0, 0, 0, 0, time.UTC)
	return first.AddDate(0, n+1, -1)
}
