package facts

import (
	"sort"
	"strings"
	"time"

	"github.com/briefhq/brief/internal/dataset"
	"github.com/briefhq/brief/internal/period"
)

// member is a series taking part in a group ranking: its latest-value fact
// and the observations that fact was chosen from (actual figures and
// estimates), oldest first. A series with nothing but plans and targets
// is no member: they are never ranked, shared or reported as a later
// figure.
type member struct {
	f    *Fact
	hist []*dataset.Observation
}

// groupFacts ranks each indicator among the entities of a group, over the
// latest period the group's members share (see rankingPeriod), with every
// member that has a figure for it; members that already have a later
// figure are listed beside the ranking (Fact.Ranking.Later, on its leader). It
// gives each entity's share of the group total, with the total as a fact
// of its own, when the values add up (the catalog's additive, else the
// unit and name) and every member of the group has a figure for the
// period. Only comparable indicators are ranked (the catalog's
// comparable, else the unit and name). Values of the same counterpart and
// unit are compared. Without an entity catalog, or with one that names
// no group, every entity is in one unnamed group.
func groupFacts(ds *dataset.Dataset, ms []member, asOf, weekStart time.Time) []Fact {
	groupsOf := map[string][]string{}
	grouped := false
	for _, e := range ds.Entities {
		groupsOf[e.ID] = e.Groups
		grouped = grouped || len(e.Groups) > 0
	}
	groupSize := ds.GroupSizes()
	ind := make(map[string]*dataset.Indicator, len(ds.Indicators))
	for i := range ds.Indicators {
		ind[ds.Indicators[i].ID] = &ds.Indicators[i]
	}
	type key struct {
		indicator, counterpart, group, unit string
	}
	buckets := map[key][]member{}
	var keys []key
	for _, m := range ms {
		groups := groupsOf[m.f.Entity]
		if !ds.HasEntityCatalog || !grouped {
			// A catalog that names entities but no groups ranks them
			// all, as no catalog does: it gave names, not a reason to
			// rank none (the COVID file with an entity catalog drew
			// China alone and ranked no one).
			groups = []string{""}
		}
		for _, g := range groups {
			k := key{m.f.Indicator, m.f.Counterpart, g, m.f.Unit}
			if buckets[k] == nil {
				keys = append(keys, k)
			}
			buckets[k] = append(buckets[k], m)
		}
	}
	inWeek := func(o *dataset.Observation) bool { return IsNew(o, weekStart, asOf) }
	type entry struct {
		m member
		o *dataset.Observation
	}
	out := make([]Fact, 0, 2*len(ms))
	var ranked []entry // reused for every bucket
	for _, k := range keys {
		bucket := buckets[k]
		if len(bucket) < 2 {
			continue
		}
		in := ind[k.indicator]
		if !in.IsComparable(k.unit) {
			continue
		}
		p, n := rankingPeriod(bucket, k.unit)
		if n < 2 {
			continue
		}
		ranked = ranked[:0]
		var later []Later
		for _, m := range bucket {
			if o := at(m.hist, p, k.unit); o != nil {
				ranked = append(ranked, entry{m, o})
			}
			if period.Compare(m.f.Period, p) > 0 {
				later = append(later, Later{
					Entity: m.f.Entity, Period: m.f.Period, PeriodLabel: m.f.PeriodLabel, PeriodID: m.f.PeriodID,
					Value: m.f.Value, Unit: m.f.Unit, Status: m.f.Status, Source: m.f.Sources[0],
				})
			}
		}
		sort.SliceStable(ranked, func(i, j int) bool { return ranked[i].o.Value > ranked[j].o.Value })
		rows := make([]Source, len(ranked))
		total, nonNegative := 0.0, true
		for i, e := range ranked {
			rows[i] = sourceOf(e.o)
			total += e.o.Value
			nonNegative = nonNegative && e.o.Value >= 0
		}
		// A share needs a real, complete group: without an entity catalog
		// the "total" would add up whatever the file holds, and with a
		// member missing it would not be the group's.
		shares := k.group != "" && len(ranked) == groupSize[k.group] && nonNegative && total > 0 && in.IsAdditive(k.unit)
		var shareInfo *Ranking
		if shares {
			t := Fact{
				Kind: Total, Topic: ranked[0].m.f.Topic, Indicator: k.indicator, Counterpart: k.counterpart, Group: k.group,
				Period: p, PeriodLabel: p.Label(), PeriodID: p.String(), Value: total, Unit: k.unit, Of: len(ranked),
				Sources: rows, Salience: 0.1, Nominal: in.IsNominal(k.unit),
			}
			t.ID = factID(&t)
			shareInfo = &Ranking{TotalOf: t.ID, Inputs: rows}
			out = append(out, t)
		}
		for i, e := range ranked {
			r := *e.m.f
			o := e.o
			r.Kind, r.Group, r.Rank, r.Of = Rank, k.group, rankOf(ranked, i, func(e entry) float64 { return e.o.Value }), len(ranked)
			if o != e.m.hist[len(e.m.hist)-1] { // an earlier figure than the latest: a newer one is out
				r.Period, r.PeriodLabel, r.PeriodID = o.Period, o.Period.Label(), o.Period.String()
				r.Value, r.Status, r.Note, r.New, r.Stale = o.Value, statusOf(o), o.Note, inWeek(o), false
			}
			r.Against, r.Since, r.Counts = nil, 0, nil
			r.Sources = rows[i : i+1 : i+1]
			r.Ranking = nil
			if i == 0 && (len(later) > 0 || len(ranked) < len(bucket)) {
				r.Ranking = &Ranking{Later: later}
				if len(ranked) < len(bucket) {
					r.Ranking.Members = len(bucket)
				}
			}
			r.Salience = 0.5 + 1.5/float64(r.Rank) + boolf(r.New, 0.5)
			out = append(out, r)
			if shares {
				s := r
				s.Kind, s.Rank, s.Total, s.Ranking = Share, 0, total, shareInfo
				s.Value = 100 * o.Value / total
				s.Unit = "%"
				s.Salience = 0.3 + 2*o.Value/total
				out = append(out, s)
			}
		}
	}
	return out
}

// rankingPeriod picks the period a group's ranking is made over: the
// latest period the members share. The candidates are the members' latest
// periods; the latest one for which more than two thirds as many members
// have a figure as for the best-covered candidate wins. So one member
// ahead of the others does not move the ranking to its year (1 of 5), and
// a few members behind do not hold it back (240 of 250 have 2023, all
// 250 have 2022: the ranking is of 2023). Members whose series is stale (its next figure
// overdue) are left out of the candidates as long as the current members
// alone can make a ranking of two, so that a member that stopped
// reporting long ago does not pull the ranking back to its last year.
// Members with a figure for a later period are reported beside the
// ranking. It returns the period and how many members have a figure for
// it.
func rankingPeriod(bucket []member, unit string) (period.Period, int) {
	best, n := bestPeriod(bucket, unit, true)
	if n < 2 {
		best, n = bestPeriod(bucket, unit, false)
	}
	return best, n
}

func bestPeriod(bucket []member, unit string, currentOnly bool) (period.Period, int) {
	type candidate struct {
		p period.Period
		n int
	}
	cands := make([]candidate, 0, 2)
	most := 0
	for _, c := range bucket {
		if currentOnly && c.f.Stale {
			continue
		}
		p := c.f.Period
		dup := false
		for _, q := range cands {
			dup = dup || period.Compare(p, q.p) == 0
		}
		if dup {
			continue
		}
		n := 0
		for _, m := range bucket {
			if at(m.hist, p, unit) != nil {
				n++
			}
		}
		cands = append(cands, candidate{p, n})
		most = max(most, n)
	}
	// The latest period all the (current) members share is a candidate
	// too: when their latest periods are staggered (May, May, March), the
	// ranking is of the period they all have, with every member, and the
	// later figures are reported beside it.
	if p, ok := sharedPeriod(bucket, unit, currentOnly); ok {
		dup := false
		for _, q := range cands {
			dup = dup || period.Compare(p, q.p) == 0
		}
		if !dup {
			n := 0
			for _, m := range bucket {
				if figureAt(m.hist, p, unit) {
					n++
				}
			}
			cands = append(cands, candidate{p, n})
			most = max(most, n)
		}
	}
	var best period.Period
	bestN := 0
	for _, c := range cands {
		if (3*c.n > 2*most || c.n == most) && (bestN == 0 || period.Compare(c.p, best) > 0) {
			best, bestN = c.p, c.n
		}
	}
	return best, bestN
}

// maxSharedSearch bounds how far back sharedPeriod looks: a group whose
// members share no period among the last few of the earliest member's
// figures has no shared period worth ranking.
const maxSharedSearch = 8

// sharedPeriod is the latest period for which every member (every current
// member, with currentOnly) has an actual figure or estimate.
func sharedPeriod(bucket []member, unit string, currentOnly bool) (period.Period, bool) {
	var ref *member
	for i := range bucket {
		c := &bucket[i]
		if currentOnly && c.f.Stale {
			continue
		}
		if ref == nil || period.Compare(c.f.Period, ref.f.Period) < 0 {
			ref = c
		}
	}
	if ref == nil {
		return period.Period{}, false
	}
	steps := 0
	for j := len(ref.hist) - 1; j >= 0 && steps < maxSharedSearch; j-- {
		o := ref.hist[j]
		if o.Unit != unit || period.Compare(o.Period, ref.f.Period) > 0 || !realFigure(o) {
			continue
		}
		steps++
		all := true
		for _, m := range bucket {
			if currentOnly && m.f.Stale {
				continue
			}
			if !figureAt(m.hist, o.Period, unit) {
				all = false
				break
			}
		}
		if all {
			return o.Period, true
		}
	}
	return period.Period{}, false
}

// figureAt reports whether hist has an actual figure or estimate for p.
func figureAt(hist []*dataset.Observation, p period.Period, unit string) bool {
	o := at(hist, p, unit)
	return o != nil && realFigure(o)
}

// realFigure: an actual figure or an estimate, not a plan or target.
func realFigure(o *dataset.Observation) bool {
	return o.Status != dataset.Plan && o.Status != dataset.Target
}

// at finds the observation of hist (sorted by period) for period p in
// unit, or nil.
func at(hist []*dataset.Observation, p period.Period, unit string) *dataset.Observation {
	// The usual case first: p is the series' latest period.
	if n := len(hist); n > 0 && period.Compare(hist[n-1].Period, p) == 0 {
		if hist[n-1].Unit == unit {
			return hist[n-1]
		}
		return nil
	}
	i := sort.Search(len(hist), func(i int) bool { return period.Compare(hist[i].Period, p) >= 0 })
	if i < len(hist) && period.Compare(hist[i].Period, p) == 0 && hist[i].Unit == unit {
		return hist[i]
	}
	return nil
}

// rankOf gives equal values the same (best) rank.
func rankOf[T any](sorted []T, i int, value func(T) float64) int {
	for i > 0 && value(sorted[i-1]) == value(sorted[i]) {
		i--
	}
	return i + 1
}

// statusCounts counts, per topic, the series whose latest figure has each
// status: how many figures are actual, estimates, plans or targets.
func statusCounts(ds *dataset.Dataset, latest []*Fact) []Fact {
	counts := map[string]map[dataset.Status]int{}
	var topics []string
	for _, f := range latest {
		c := counts[f.Topic]
		if c == nil {
			c = map[dataset.Status]int{}
			counts[f.Topic] = c
			topics = append(topics, f.Topic)
		}
		c[f.Status]++
	}
	var out []Fact
	for _, t := range topics {
		total := 0
		for _, n := range counts[t] {
			total += n
		}
		out = append(out, Fact{Kind: StatusCount, Topic: t, Value: float64(total), Counts: counts[t], Salience: 0.1})
	}
	return out
}

// Additive reports whether values in unit can be summed across entities
// when nothing else is known of the indicator: money, counts and physical
// quantities can; percentages, rates, anything per something, levels and
// indices cannot, and neither can a unit the tool does not recognise
// (dataset.DefaultAdditive).
func Additive(unit string) bool {
	a, _ := dataset.DefaultAdditive("", strings.TrimSpace(unit))
	return a
}
