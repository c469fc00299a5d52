package oracle

import (
	"time"
)

// weekSummary is what a week fact says about the figures of the week.
type weekSummary struct {
	N, PrevN    int
	First, Last *row
	HighV, LowV float64
	// a part week (README, "Frequency"): the days it covers (Monday to
	// its last figure's weekday) and the previous week's last figure on
	// one of those days
	Partial bool
	Days    int
	PrevCut *row
	// running totals: a week that did not move (Flat, with the first
	// figure of the unchanged total), one that fell (Drops, the largest
	// fall DropFrom -> DropTo), and a previous week that did either
	Flat             bool
	Since            *row
	Drops            int
	DropFrom, DropTo *row
	PrevFlat         bool
	PrevDrop         bool
	PrevFrom, PrevTo *row
}

// weekday is 0 for Monday to 6 for Sunday.
func weekday(t time.Time) int { return (int(t.Weekday()) + 6) % 7 }

// falls reads a running total from base through seq: how many times it
// fell and its largest fall (the earliest of equal falls).
func falls(base *row, seq []*row) (n int, from, to *row) {
	prev := base
	worst := 0.0
	for _, r := range seq {
		if prev != nil && r.Value < prev.Value {
			n++
			if d := prev.Value - r.Value; d > worst {
				worst, from, to = d, prev, r
			}
		}
		prev = r
	}
	return n, from, to
}

// flat says whether a running total stayed at base's value through seq.
func flat(base *row, seq []*row) bool {
	for _, r := range seq {
		if r.Value != base.Value {
			return false
		}
	}
	return true
}

// deriveWeek: daily and weekly series read week on week (issue 11, item
// 2; README "Frequency, releases and staleness"): a level by the week's
// close against last week's close and the week's range, a flow by the
// week's sum against last week's, a running total by the week's increase
// against last week's. A daily week whose last figure falls on an earlier
// weekday than last week's last figure is a part week, compared with the
// same days of last week. A running total that did not move all week has
// no new figure and is not compared; one that fell (a revision) is not
// compared, nor is a week compared with one that fell or did not move.
func deriveWeek(d *dataset, all map[seriesKey]*series, keys []seriesKey, w isoWeek, asOf time.Time, add func(*ofact)) {
	prevW := weekOf(w.Start.AddDate(0, 0, -7))
	prev2W := weekOf(prevW.Start.AddDate(0, 0, -7))
	for _, k := range keys {
		s := all[k]
		n := len(s.Figures)
		if n == 0 || (s.Figures[n-1].P.Kind != 'D' && s.Figures[n-1].P.Kind != 'W') {
			continue
		}
		var in, inPrev, inPrev2 []*row
		for _, r := range s.Figures { // by period already
			switch {
			case w.contains(r.P.End):
				in = append(in, r)
			case prevW.contains(r.P.End):
				inPrev = append(inPrev, r)
			case prev2W.contains(r.P.End):
				inPrev2 = append(inPrev2, r)
			}
		}
		if len(in) == 0 {
			continue
		}
		last := in[len(in)-1]
		unit := last.Unit
		if unit == "" {
			unit = d.unitOf(last.Indicator) // the catalog's, when the rows give none
		}
		ws := &weekSummary{N: len(in), First: in[0], Last: last}
		// the same days of last week: all of it, or up to the part week's last weekday
		same := inPrev
		part := false
		if last.P.Kind == 'D' {
			// the series goes on after the week (figures, not plans)
			goesOn := false
			for _, r := range s.All {
				goesOn = goesOn || !r.isPlan() && r.P.Start.After(w.End)
			}
			if len(inPrev) > 0 {
				part = weekday(last.P.End) < weekday(inPrev[len(inPrev)-1].P.End)
			} else {
				// read mid-week (--as-of), or the data's last figures stop
				// before Friday: nothing to compare with, nothing says the
				// week was whole
				part = asOf.Before(w.End) || !goesOn && weekday(last.P.End) <= 3
			}
			// a week that is over, of a series that goes on after it, is
			// whole: its missing days are a gap (a market holiday)
			if goesOn && !asOf.Before(w.End) {
				part = false
			}
		}
		if part {
			ws.Partial, ws.Days = true, weekday(last.P.End)+1
			same = nil
			for _, r := range inPrev {
				if weekday(r.P.End) <= weekday(last.P.End) {
					same = append(same, r)
				}
			}
			if len(same) > 0 {
				ws.PrevCut = same[len(same)-1]
			}
		}
		base := ofact{Topic: d.topic(k.Ind), Indicator: k.Ind, Entity: k.Ent, Counterpart: k.Cp,
			PeriodID: last.P.ID, Value: last.Value, Status: last.Status, Context: s.All, Week: ws}
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
			for _, r := range same {
				prev += r.Value
			}
			f.Value = sum
			f.Rows = append(append([]*row{}, in...), same...)
			ws.PrevN = len(same)
			if len(same) > 0 {
				f.Against = ag(sum, prev, nil)
			}
			add(&f)
		case "cumulative":
			// the increase needs the running total at the end of last week
			// (its last figure in that week); last week's increase (on the
			// same days) the total at the end of the week before
			if len(inPrev) == 0 {
				continue
			}
			before := inPrev[len(inPrev)-1]
			f := base
			f.ID, f.Kind = "week_increase/"+k.suffix(), "week_increase"
			f.Value = last.Value - before.Value
			f.Rows = []*row{last, before}
			ws.Drops, ws.DropFrom, ws.DropTo = falls(before, in)
			switch {
			case flat(before, in):
				ws.Flat = true
				// the first figure of the unchanged total
				i := n - 1
				for i > 0 && s.Figures[i-1].Value == last.Value {
					i--
				}
				ws.Since = s.Figures[i]
				f.Rows = append(f.Rows, ws.Since)
			case ws.Drops > 0:
				f.Rows = append(f.Rows, ws.DropFrom, ws.DropTo)
			case len(inPrev2) > 0 && len(same) > 0:
				pb := inPrev2[len(inPrev2)-1]
				pn, pfrom, pto := falls(pb, same)
				switch {
				case flat(pb, same):
					ws.PrevFlat = true
					f.Rows = append(f.Rows, pb)
				case pn > 0:
					ws.PrevDrop, ws.PrevFrom, ws.PrevTo = true, pfrom, pto
					f.Rows = append(f.Rows, pfrom, pto)
				default:
					pe := same[len(same)-1]
					f.Against = ag(f.Value, pe.Value-pb.Value, nil)
					f.Rows = append(f.Rows, pb, pe)
				}
			}
			add(&f)
		default:
			f := base
			f.ID, f.Kind = "week_close/"+k.suffix(), "week_close"
			f.Rows = []*row{last}
			// last week's close, also in a part week (see doc.go)
			if len(inPrev) > 0 {
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
				ws2 := *ws
				ws2.HighV, ws2.LowV = hi, lo
				r.Week = &ws2
				r.Value = hi
				r.Rows = nil // the rows of the high and the low: checked by value
				add(&r)
			}
		}
	}
}

// deriveStale: an indicator all of whose series are stale, and a topic
// all of whose indicators are, is said to be so, with its latest period
// (the latest figure of any of its series: the period that ends last)
// and the rows of that period.
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
		// the period that ends last; of two that end on the same day (week
		// 1 of 2024 and Sunday 7 January 2024), the one that starts later
		switch {
		case len(a.latest) == 0 || later1(r.P, a.latest[0].P):
			a.latest = []*row{r}
		case r.P.ID == a.latest[0].P.ID:
			a.latest = append(a.latest, r)
		}
	}
	for _, k := range keys {
		s := all[k]
		var last *row // the row of the series' latest claim
		st := false   // a series of plans or targets alone is never stale
		switch {
		case len(s.Figures) > 0:
			last = s.Figures[len(s.Figures)-1]
			st = stale(last.P, asOf)
		case len(s.Plans) > 0:
			last = s.Plans[len(s.Plans)-1]
		default:
			continue
		}
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
