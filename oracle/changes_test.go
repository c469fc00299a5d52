package oracle

import (
	"fmt"
	"sort"
	"strings"
)

// compareChanges checks brief.json's "What changed" of the brief of
// week cw (dataset cur) against the previous brief (week pw, dataset
// prev), as the README defines it: figures revised (same series and
// period, new value: the latest figure and the earlier ones the previous
// brief compared it with), series with a newly released latest figure,
// new records and series that became overdue.
//
// It returns the disagreements and the cases of agreement worth counting
// in the log (features, as compare's): running totals left out of "new"
// because they repeat the previous brief's total.
func compareChanges(label string, prev *dataset, pw isoWeek, cur *dataset, cw isoWeek, eng *briefJSON) ([]disagreement, map[string]int) {
	var out []disagreement
	features := map[string]int{}
	bad := func(field string, e, o []string) {
		out = append(out, disagreement{Dataset: label, Week: cw.ID, Claim: "changes." + field, Kind: "changes", Field: field,
			Engine: "[" + strings.Join(e, " ") + "]", Oracle: "[" + strings.Join(o, " ") + "]"})
	}
	pf, cf := derive(prev, pw), derive(cur, cw)
	curSeries := cur.seriesAt(cw.End)
	sorted := func(s []string) []string { sort.Strings(s); return s }

	if eng.Changes.First {
		bad("first", []string{"first brief"}, []string{"previous brief of " + pw.ID})
		return out, features
	}
	// new: a series whose latest figure (an actual figure or estimate) is
	// for a period the previous brief did not have, or which the previous
	// brief knew only by a plan or target ("newly released figures"); a
	// running total only when it has moved since the previous brief: one
	// whose latest figure repeats the total the previous brief gave as
	// its latest "is no new figure" (README, Frequency, releases and
	// staleness)
	var wantNew []string
	repeated := 0
	for id, f := range cf {
		if f.Kind != "latest" || f.Status == "plan" || f.Status == "target" {
			continue
		}
		p := pf[id]
		if p != nil && p.PeriodID == f.PeriodID && p.Status != "plan" && p.Status != "target" {
			continue
		}
		if p != nil && p.Status != "plan" && p.Status != "target" &&
			cur.indicator(f.Indicator).Summary == "cumulative" && near(p.Value, f.Value) {
			repeated++
			continue
		}
		wantNew = append(wantNew, id)
	}
	if e, o := changeIDs(eng.Changes.New), sorted(wantNew); strings.Join(e, " ") != strings.Join(o, " ") {
		bad("new", e, o)
	} else if repeated > 0 {
		features["changes.new.repeated total not new"] += repeated
	}
	// revised
	var wantRev, gotRev []string
	for id, f := range pf {
		if f.Kind != "latest" {
			continue
		}
		compared := []*row{f.Rows[0]}
		// the figures it was compared with: the previous period, a year
		// earlier, last week's close (a week_close names it by date)
		for _, k := range []string{"change_prev", "change_year", "week_close"} {
			if c := pf[k+strings.TrimPrefix(id, "latest")]; c != nil && c.Against != nil && c.Against.Row != nil {
				compared = append(compared, c.Against.Row)
			}
		}
		s := curSeries[seriesKey{f.Indicator, f.Entity, f.Counterpart}]
		if s == nil {
			continue
		}
		seen := map[string]bool{}
		for _, old := range compared {
			if seen[old.P.ID] {
				continue
			}
			seen[old.P.ID] = true
			for _, r := range s.Figures {
				if r.P.ID == old.P.ID && !near(r.Value, old.Value) {
					wantRev = append(wantRev, fmt.Sprintf("%s|%s|%s->%s|%s", id, r.P.ID, fnum(old.Value), fnum(r.Value), locKey(r.File, r.Line)))
				}
			}
		}
	}
	for _, r := range eng.Changes.Revised {
		loc := r.Row
		if i := strings.LastIndex(loc, ":"); i >= 0 {
			var line int
			fmt.Sscan(loc[i+1:], &line)
			loc = locKey(loc[:i], line)
		}
		gotRev = append(gotRev, fmt.Sprintf("%s|%s|%s->%s|%s", r.Series, r.Period, fnum(r.From), fnum(r.To), loc))
	}
	if e, o := sorted(gotRev), sorted(wantRev); strings.Join(e, " ") != strings.Join(o, " ") {
		bad("revised", e, o)
	}
	// records: a record claim that is new or for a new period
	var wantRec []string
	for id, f := range cf {
		if f.Kind != "record_high" && f.Kind != "record_low" {
			continue
		}
		if p := pf[id]; p == nil || p.PeriodID != f.PeriodID {
			wantRec = append(wantRec, id)
		}
	}
	if e, o := changeIDs(eng.Changes.Records), sorted(wantRec); strings.Join(e, " ") != strings.Join(o, " ") {
		bad("records", e, o)
	}
	// stale: a series of the previous brief, current there, overdue now (a
	// series new since then and already overdue is not listed: the README
	// says "series whose next figure became overdue"; see doc.go)
	var wantStale []string
	for id, f := range cf {
		if f.Kind == "latest" && f.Stale {
			if p := pf[id]; p != nil && !p.Stale {
				wantStale = append(wantStale, id)
			}
		}
	}
	if e, o := changeIDs(eng.Changes.Stale), sorted(wantStale); strings.Join(e, " ") != strings.Join(o, " ") {
		bad("stale", e, o)
	}
	return out, features
}
