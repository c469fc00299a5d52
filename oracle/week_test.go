package oracle

import (
	"sort"
	"time"
)

// weekSummary is what a week fact says about the figures of the week.
type weekSummary struct {
	N, PrevN    int
	First, Last *row
	HighV, LowV float64
	AgainstNil  bool
}

// deriveWeek: daily and weekly series read week on week (issue 11, item
// 2; README "summary"): a level by the week's close against last week's
// close and the week's range, a flow by the week's sum against last
// week's, a cumulative count by the week's increase against last week's.
func deriveWeek(d *dataset, all map[seriesKey]*series, keys []seriesKey, w isoWeek, add func(*ofact)) {
	prevW := weekOf(w.Start.AddDate(0, 0, -7))
	for _, k := range keys {
		s := all[k]
		n := len(s.Figures)
		if n == 0 || (s.Figures[n-1].P.Kind != 'D' && s.Figures[n-1].P.Kind != 'W') {
			continue
		}
		var in, inPrev []*row
		var beforePrev *row // the last figure before last week
		for _, r := range s.Figures {
			switch {
			case w.contains(r.P.End):
				in = append(in, r)
			case r.P.End.Before(w.Start):
				if prevW.contains(r.P.End) {
					inPrev = append(inPrev, r)
				} else if r.P.End.Before(prevW.Start) {
					beforePrev = r
				}
			}
		}
		if len(in) == 0 {
			continue
		}
		sort.SliceStable(inPrev, func(i, j int) bool { return inPrev[i].P.Start.Before(inPrev[j].P.Start) })
		sort.SliceStable(in, func(i, j int) bool { return in[i].P.Start.Before(in[j].P.Start) })
		last := in[len(in)-1]
		unit := last.Unit
		base := ofact{Topic: d.topic(k.Ind), Indicator: k.Ind, Entity: k.Ent, Counterpart: k.Cp,
			PeriodID: last.P.ID, Value: last.Value, Status: last.Status, Context: s.All,
			Week: &weekSummary{N: len(in), First: in[0], Last: last}}
		ag := func(v, from float64, r *row) *against {
			pct, has := pctChange(v, from, unit)
			return &against{Row: r, Value: from, Abs: v - from, Pct: pct, HasPct: has}
		}
		switch d.indicator(k.Ind).Summary {
		case "flow":
			f := base
			f.ID, f.Kind = "week_sum/"+k.suffix(), "week_sum"
			sum, prev := 0.0, 0.0
			for _, r := range in {
				sum += r.Value
			}
			for _, r := range inPrev {
				prev += r.Value
			}
			f.Value = sum
			f.Rows = append(append([]*row{}, in...), inPrev...)
			f.Week.PrevN = len(inPrev)
			if len(inPrev) > 0 {
				f.Against = ag(sum, prev, nil)
			}
			add(&f)
		case "cumulative":
			// the increase needs the running total at the end of last week
			// (its last figure in that week), and last week's increase the
			// total of the week before
			if len(inPrev) == 0 {
				continue
			}
			before := inPrev[len(inPrev)-1]
			f := base
			f.ID, f.Kind = "week_increase/"+k.suffix(), "week_increase"
			f.Value = last.Value - before.Value
			f.Rows = []*row{last, before}
			if beforePrev != nil && weekOf(prevW.Start.AddDate(0, 0, -7)).contains(beforePrev.P.End) {
				f.Against = ag(f.Value, before.Value-beforePrev.Value, nil)
				f.Rows = append(f.Rows, beforePrev)
			}
			add(&f)
		default:
			f := base
			f.ID, f.Kind = "week_close/"+k.suffix(), "week_close"
			f.Rows = []*row{last}
			if len(inPrev) > 0 { // last week's close
				pc := inPrev[len(inPrev)-1]
				f.Against = ag(last.Value, pc.Value, pc)
				f.Rows = append(f.Rows, pc)
			}
			add(&f)
			if len(in) >= 2 {
				r := base
				r.ID, r.Kind, r.PeriodID = "week_range/"+k.suffix(), "week_range", w.ID
				hi, lo := in[0].Value, in[0].Value
				for _, x := range in {
					if x.Value > hi {
						hi = x.Value
					}
					if x.Value < lo {
						lo = x.Value
					}
				}
				ws := *base.Week
				ws.HighV, ws.LowV = hi, lo
				r.Week = &ws
				r.Value = hi
				r.Rows = nil // the rows of the high and the low: checked by value
				add(&r)
			}
		}
	}
}

// deriveStale: an indicator all of whose series are stale, and a topic
// all of whose indicators are, is said to be so, with its latest period
// (the latest figure of any of its series) and the rows of that period.
func deriveStale(d *dataset, all map[seriesKey]*series, keys []seriesKey, asOf time.Time, add func(*ofact)) {
	type agg struct {
		n, staleN int
		latest    []*row
	}
	byInd, byTopic := map[string]*agg{}, map[string]*agg{}
	var inds []string
	note := func(a *agg, r *row, st bool) {
		a.n++
		if st {
			a.staleN++
		}
		switch {
		case len(a.latest) == 0 || r.P.End.After(a.latest[0].P.End):
			a.latest = []*row{r}
		case r.P.End.Equal(a.latest[0].P.End):
			a.latest = append(a.latest, r)
		}
	}
	for _, k := range keys {
		s := all[k]
		var last *row // the row of the series' latest claim
		switch {
		case len(s.Figures) > 0:
			last = s.Figures[len(s.Figures)-1]
		case len(s.Plans) > 0:
			last = s.Plans[len(s.Plans)-1]
		default:
			continue
		}
		st := stale(last.P, asOf)
		if byInd[k.Ind] == nil {
			byInd[k.Ind] = &agg{}
			inds = append(inds, k.Ind)
		}
		t := d.topic(k.Ind)
		if byTopic[t] == nil {
			byTopic[t] = &agg{}
		}
		note(byInd[k.Ind], last, st)
		note(byTopic[t], last, st)
	}
	for _, ind := range inds {
		a := byInd[ind]
		if a.staleN == a.n {
			add(&ofact{ID: "indicator_stale/" + ind, Kind: "indicator_stale", Topic: d.topic(ind), Indicator: ind,
				PeriodID: a.latest[0].P.ID, Value: float64(a.n), Stale: true, Rows: a.latest, Context: a.latest, checkStale: true})
		}
	}
	for t, a := range byTopic {
		if a.staleN == a.n {
			add(&ofact{ID: "topic_stale/" + t, Kind: "topic_stale", Topic: t,
				PeriodID: a.latest[0].P.ID, Value: float64(a.n), Stale: true, Rows: a.latest, Context: a.latest, checkStale: true})
		}
	}
}
