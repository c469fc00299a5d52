package oracle

import (
	"fmt"
	"math"
	"sort"
	"strings"
	"time"
)

// row is one observation of the tidy format, where it came from
// (file and line as the engine reports them) and its parsed period.
type row struct {
	File        string
	Line        int
	Indicator   string
	Entity      string
	Counterpart string
	P           period
	Value       float64
	Unit        string
	Released    string // YYYY-MM-DD or ""
	Status      string // actual, estimate, plan, target
	declared    bool   // its file declares what its dates stand for (period:): no inference
}

func (r *row) String() string {
	return fmt.Sprintf("%s:%d %s,%s,%s,%s,%v,%s,released=%s,%s", r.File, r.Line, r.Indicator, r.Entity,
		r.Counterpart, r.P.ID, r.Value, r.Unit, r.Released, r.Status)
}

func (r *row) isPlan() bool { return r.Status == "plan" || r.Status == "target" }

// indicatorDef is an entry of indicators.yaml; nil pointers mean the
// catalog says nothing.
type indicatorDef struct {
	ID, Name, Topic, Unit string
	Additive, Comparable  *bool
	Summary               string
}

type entityDef struct {
	ID     string
	Groups []string
}

type dataset struct {
	Rows        []*row
	Indicators  map[string]*indicatorDef // nil: no catalog
	Entities    []entityDef              // nil: no entities.yaml
	HasReleased bool                     // the observations carry a released column
}

func (d *dataset) indicator(id string) *indicatorDef {
	if d.Indicators != nil {
		if def, ok := d.Indicators[id]; ok {
			return def
		}
	}
	return &indicatorDef{ID: id, Name: id}
}

func (d *dataset) topic(id string) string {
	if t := d.indicator(id).Topic; t != "" {
		return t
	}
	return "indicators"
}

// unitOf is the indicator's unit: the catalog's, else its rows'.
func (d *dataset) unitOf(id string) string {
	if u := d.indicator(id).Unit; u != "" {
		return u
	}
	for _, r := range d.Rows {
		if r.Indicator == id {
			return r.Unit
		}
	}
	return ""
}

// --- The README's indicator semantics, as read from its table ---

func isPercentUnit(u string) bool {
	switch strings.ToLower(strings.TrimSpace(u)) {
	case "%", "percent", "pct":
		return true
	}
	return false
}

func (d *dataset) comparable(id string) bool {
	def := d.indicator(id)
	if def.Comparable != nil {
		return *def.Comparable
	}
	u := strings.ToLower(d.unitOf(id))
	name := strings.ToLower(def.Name)
	switch {
	case strings.Contains(u, "national currency"), strings.Contains(u, "local currency"), strings.Contains(u, "lcu"):
		return false
	case strings.Contains(name, "exchange rate"):
		return false
	case strings.Contains(u, "index") && (strings.Contains(u, "=100") || strings.Contains(u, "base")):
		return false
	}
	return true
}

func (d *dataset) additive(id string) bool {
	def := d.indicator(id)
	if def.Additive != nil {
		return *def.Additive
	}
	if !d.comparable(id) {
		return false
	}
	u := strings.TrimSpace(d.unitOf(id))
	lu := strings.ToLower(u)
	words := strings.ToLower(def.ID + " " + def.Name)
	if isPercentUnit(u) || strings.Contains(lu, "/") || strings.Contains(lu, "per ") || strings.Contains(lu, "_per_") || strings.HasPrefix(lu, "per") {
		return false
	}
	for _, w := range []string{"rate", "ratio", "index", "price", "yield", "average", "score", "per capita"} {
		if strings.Contains(words, w) || strings.Contains(lu, w) {
			return false
		}
	}
	if len(u) == 3 && strings.ToUpper(u) == u && strings.Trim(u, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") == "" {
		return true // an ISO currency code
	}
	switch lu {
	case "", "count", "people", "us$", "dollars", "t", "kt", "tonnes", "mw", "gwh", "barrels":
		return true
	}
	// any plural noun counts: "projects", "visitors"
	return !strings.Contains(lu, " ") && strings.HasSuffix(lu, "s") && !strings.HasSuffix(lu, "ss")
}

// --- What the engine should derive, recomputed from the rows ---

// against is the figure a change is measured from.
type against struct {
	Row    *row
	Value  float64
	Abs    float64
	Pct    float64
	HasPct bool
}

type later struct {
	Entity, PeriodID string
	Value            float64
}

// ofact is one claim the oracle expects.
type ofact struct {
	ID, Kind                              string
	Topic, Indicator, Entity, Counterpart string
	Group                                 string
	PeriodID                              string
	Value                                 float64
	Status                                string
	New, Stale                            bool
	Rank, Of, Since                       int
	Total                                 float64
	Against                               *against
	Counts                                map[string]int
	Later                                 []later
	LaterPlans                            []later // Later, counting plans and targets as figures
	Week                                  *weekSummary
	Gaps                                  *ogaps
	Rows                                  []*row // the rows it is computed from
	Context                               []*row // rows to print on a disagreement
	checkStale                            bool
}

type seriesKey struct{ Ind, Ent, Cp string }

func (k seriesKey) suffix() string {
	s := k.Ind + "/" + k.Ent
	if k.Cp != "" {
		s += "/vs/" + k.Cp
	}
	return s
}

type series struct {
	Key     seriesKey
	Figures []*row // actual and estimate, by period
	Plans   []*row // plan and target, by period
	All     []*row
}

// visible says whether a row is known at the end of the day asOf: a
// released row once released; a row without a release date once its
// period has ended (a plan or target at once).
func visible(r *row, asOf time.Time) bool {
	if r.Released != "" {
		t, err := parseDate(r.Released)
		return err == nil && !t.After(asOf)
	}
	if r.isPlan() {
		return true
	}
	return !r.P.End.After(asOf)
}

// stale: no newer figure although the next period began long ago: the
// day the brief describes is on or after the start of the next period
// plus a grace of 14 days (daily), 21 days (weekly), 3 months (monthly),
// 6 months (quarterly) or 18 months (annual). The README does not give
// these numbers: they were found by running the binary (see doc.go).
func stale(p period, asOf time.Time) bool {
	next := p.End.AddDate(0, 0, 1)
	var due time.Time
	switch p.Kind {
	case 'D':
		due = next.AddDate(0, 0, 14)
	case 'W':
		due = next.AddDate(0, 0, 21)
	case 'M':
		due = next.AddDate(0, 3, 0)
	case 'Q':
		due = next.AddDate(0, 6, 0)
	default:
		due = next.AddDate(0, 18, 0)
	}
	return !asOf.Before(due)
}

func pctChange(v, base float64, unit string) (float64, bool) {
	if isPercentUnit(unit) || base == 0 {
		return 0, false
	}
	return (v - base) / math.Abs(base) * 100, true
}

func (d *dataset) seriesAt(asOf time.Time) map[seriesKey]*series {
	out := map[seriesKey]*series{}
	for _, r := range d.Rows {
		k := seriesKey{r.Indicator, r.Entity, r.Counterpart}
		s := out[k]
		if s == nil {
			s = &series{Key: k}
			out[k] = s
		}
		s.All = append(s.All, r)
		if !visible(r, asOf) {
			continue
		}
		if r.isPlan() {
			s.Plans = append(s.Plans, r)
		} else {
			s.Figures = append(s.Figures, r)
		}
	}
	for _, s := range out {
		for _, l := range [][]*row{s.Figures, s.Plans, s.All} {
			sort.SliceStable(l, func(i, j int) bool { return l[i].P.Start.Before(l[j].P.Start) })
		}
		if d.indicator(s.Key.Ind).Summary == "cumulative" {
			s.Figures, s.All = dropEndedTotal(s.Figures, s.All)
		}
	}
	return out
}

// derive recomputes every claim for the brief of week w.
func derive(d *dataset, w isoWeek) map[string]*ofact { return deriveAt(d, w.End) }

// deriveAt recomputes every claim of the data as known at the end of the
// day asOf (--as-of), for the brief of the week that holds it.
func deriveAt(d *dataset, asOf time.Time) map[string]*ofact {
	w := weekOf(asOf)
	facts := map[string]*ofact{}
	add := func(f *ofact) { facts[f.ID] = f }
	all := d.seriesAt(asOf)
	keys := make([]seriesKey, 0, len(all))
	for k := range all {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i].suffix() < keys[j].suffix() })
	counts := map[string]map[string]int{}
	for _, k := range keys {
		s := all[k]
		n := len(s.Figures)
		if n == 0 {
			// a series with only plans or targets: its latest is the latest of them
			if len(s.Plans) > 0 {
				p := s.Plans[len(s.Plans)-1]
				f := &ofact{ID: "latest/" + k.suffix(), Kind: "latest", Topic: d.topic(k.Ind), Indicator: k.Ind, Entity: k.Ent,
					Counterpart: k.Cp, PeriodID: p.P.ID, Value: p.Value, Status: p.Status, Rows: []*row{p}, Context: s.All, checkStale: true}
				if p.Released != "" { // a plan or target without a release date is never new
					t, _ := parseDate(p.Released)
					f.New = w.contains(t)
				}
				// never stale: staleness is of figures ("Newer figures are
				// overdue"), and a plan or target is none (see doc.go)
				f.Stale = false
				add(f)
				if counts[f.Topic] == nil {
					counts[f.Topic] = map[string]int{}
				}
				counts[f.Topic][p.Status]++
			}
			continue
		}
		last := s.Figures[n-1]
		unit := last.Unit
		if unit == "" {
			unit = d.unitOf(k.Ind) // the catalog's, when the rows give none (round 11's data-gold11)
		}
		base := ofact{Topic: d.topic(k.Ind), Indicator: k.Ind, Entity: k.Ent, Counterpart: k.Cp,
			PeriodID: last.P.ID, Value: last.Value, Status: last.Status, Context: s.All}
		if last.Released != "" {
			t, _ := parseDate(last.Released)
			base.New = w.contains(t)
		} else {
			base.New = w.contains(last.P.End)
		}
		base.Stale = stale(last.P, asOf)
		f := base
		f.ID, f.Kind, f.Rows, f.checkStale = "latest/"+k.suffix(), "latest", []*row{last}, true
		add(&f)
		if counts[base.Topic] == nil {
			counts[base.Topic] = map[string]int{}
		}
		counts[base.Topic][last.Status]++
		mk := func(kind string, prev *row) {
			c := base
			c.ID, c.Kind, c.Rows = kind+"/"+k.suffix(), kind, []*row{last, prev}
			pct, has := pctChange(last.Value, prev.Value, unit)
			c.Against = &against{Row: prev, Value: prev.Value, Abs: last.Value - prev.Value, Pct: pct, HasPct: has}
			add(&c)
		}
		daily := last.P.Kind == 'D' // daily series read week on week instead
		if n >= 2 && !daily {
			mk("change_prev", s.Figures[n-2])
		}
		if ye, ok := last.P.yearEarlier(); ok && !daily {
			for _, r := range s.Figures[:n-1] {
				if r.P.ID == ye {
					mk("change_year", r)
				}
			}
		}
		// records: above (below) every earlier figure, with at least two of
		// them; a running total has none (README, "Frequency")
		// and, for figures of less than a year, a year of them (from the
		// first figure's start to the last's end)
		long := last.P.Kind == 'A' || !last.P.End.Before(s.Figures[0].P.Start.AddDate(1, 0, -1))
		if n >= 3 && long && d.indicator(k.Ind).Summary != "cumulative" {
			hi, lo := true, true
			for _, r := range s.Figures[:n-1] {
				if r.Value >= last.Value {
					hi = false
				}
				if r.Value <= last.Value {
					lo = false
				}
			}
			for kind, ok := range map[string]bool{"record_high": hi, "record_low": lo} {
				if ok {
					c := base
					c.ID, c.Kind, c.Rows, c.Since = kind+"/"+k.suffix(), kind, []*row{last}, n-1
					c.Gaps = gapsOf(s.Figures)
					add(&c)
				}
			}
		}
		for _, p := range s.Plans {
			if p.P.Start.After(last.P.Start) {
				c := base
				c.ID, c.Kind, c.Rows = "outlook/"+k.suffix(), "outlook", []*row{p, last}
				c.PeriodID, c.Value, c.Status = p.P.ID, p.Value, p.Status
				pct, has := pctChange(p.Value, last.Value, unit)
				c.Against = &against{Row: last, Value: last.Value, Abs: p.Value - last.Value, Pct: pct, HasPct: has}
				add(&c)
				break
			}
		}
	}
	deriveWeek(d, all, keys, w, asOf, add)
	deriveStale(d, all, keys, asOf, add)
	for topic, c := range counts {
		total := 0
		for _, v := range c {
			total += v
		}
		add(&ofact{ID: "status_count/" + topic, Kind: "status_count", Topic: topic, Value: float64(total), Counts: c})
	}
	deriveRankings(d, all, asOf, add)
	return facts
}

// groups maps each group to its members; without entities.yaml, or
// with one that names no group, every entity of the data is one unnamed
// group (README, "What they change").
func (d *dataset) groups() map[string][]string {
	g := map[string][]string{}
	named := false
	for _, e := range d.Entities {
		named = named || len(e.Groups) > 0
	}
	if d.Entities == nil || !named {
		seen := map[string]bool{}
		for _, r := range d.Rows {
			if !seen[r.Entity] {
				seen[r.Entity] = true
				g[""] = append(g[""], r.Entity)
			}
		}
		return g
	}
	for _, e := range d.Entities {
		for _, gr := range e.Groups {
			g[gr] = append(g[gr], e.ID)
		}
	}
	return g
}

// deriveRankings: per indicator, counterpart and group, the ranking over
// the latest period the members share (see doc.go for the reading of the
// README's rule), and shares and the total when the indicator adds up
// and the group is complete.
func deriveRankings(d *dataset, all map[seriesKey]*series, asOf time.Time, add func(*ofact)) {
	type ic struct{ Ind, Cp string }
	pairs := map[ic]bool{}
	for k := range all {
		pairs[ic{k.Ind, k.Cp}] = true
	}
	groups := d.groups()
	for pair := range pairs {
		if !d.comparable(pair.Ind) {
			continue
		}
		for g, members := range groups {
			byMember := map[string]map[string]*row{}
			var withData, fresh []string
			var context []*row
			for _, m := range members {
				s := all[seriesKey{pair.Ind, m, pair.Cp}]
				if s == nil {
					continue
				}
				context = append(context, s.All...)
				if len(s.Figures) == 0 {
					continue
				}
				byMember[m] = map[string]*row{}
				for _, r := range s.Figures {
					byMember[m][r.P.ID] = r
				}
				withData = append(withData, m)
				if !stale(s.Figures[len(s.Figures)-1].P, asOf) {
					fresh = append(fresh, m)
				}
			}
			if len(withData) < 2 {
				continue
			}
			// README, Indicator semantics, "Precisely:": the candidates are
			// the latest periods of the members that are not stale (of all
			// members, if those alone cannot rank two) and the latest
			// period all of them share (among the last 8 figures of the
			// member furthest behind); each counts the members with a
			// figure for it; the period is the latest candidate whose count
			// is the largest, or more than two thirds of the largest.
			chosen := chooseRankingPeriod(byMember, withData, fresh)
			if chosen == "" {
				continue
			}
			var chosenP period
			for _, m := range withData {
				if r := byMember[m][chosen]; r != nil {
					chosenP = r.P
				}
			}
			var ranked []*row
			var laters, laterPlans []later
			for _, m := range withData {
				if r := byMember[m][chosen]; r != nil {
					ranked = append(ranked, r)
				}
				s := all[seriesKey{pair.Ind, m, pair.Cp}]
				if l := s.Figures[len(s.Figures)-1]; later1(l.P, chosenP) {
					laters = append(laters, later{Entity: m, PeriodID: l.P.ID, Value: l.Value})
				}
				lp := s.Figures[len(s.Figures)-1]
				for _, p := range s.Plans {
					if later1(p.P, lp.P) {
						lp = p
					}
				}
				if later1(lp.P, chosenP) {
					laterPlans = append(laterPlans, later{Entity: m, PeriodID: lp.P.ID, Value: lp.Value})
				}
			}
			complete := len(ranked) == len(members)
			sum, negative := 0.0, false
			for _, r := range ranked {
				sum += r.Value
				if r.Value < 0 {
					negative = true
				}
			}
			withShare := g != "" && d.additive(pair.Ind) && complete && !negative && sum > 0
			in := ""
			if g != "" {
				in = "/in/" + g
			}
			for _, r := range ranked {
				rank := 1
				for _, o := range ranked {
					if o.Value > r.Value {
						rank++
					}
				}
				k := seriesKey{pair.Ind, r.Entity, pair.Cp}
				f := &ofact{ID: "rank/" + k.suffix() + in, Kind: "rank", Topic: d.topic(pair.Ind), Indicator: pair.Ind,
					Entity: r.Entity, Counterpart: pair.Cp, Group: g, PeriodID: chosen, Value: r.Value, Status: r.Status,
					Rank: rank, Of: len(ranked), Rows: []*row{r}, Context: context, Later: laters, LaterPlans: laterPlans}
				add(f)
				if withShare {
					s := *f
					s.ID, s.Kind, s.Value, s.Total, s.Later = "share/"+k.suffix()+in, "share", r.Value/sum*100, sum, nil
					s.checkStale = false
					add(&s)
				}
			}
			if withShare {
				id := "total/" + pair.Ind
				if pair.Cp != "" {
					id += "/vs/" + pair.Cp
				}
				add(&ofact{ID: id + in, Kind: "total", Topic: d.topic(pair.Ind), Indicator: pair.Ind, Counterpart: pair.Cp,
					Group: g, PeriodID: chosen, Value: sum, Of: len(ranked), Rows: ranked, Context: context})
			}
		}
	}
}

// later1 orders periods: the one that ends later, or on the same day
// starts later (a day after the week that ends on it).
func later1(a, b period) bool {
	if !a.End.Equal(b.End) {
		return a.End.After(b.End)
	}
	return a.Start.After(b.Start)
}

// chooseRankingPeriod is the README's rule for a ranking's period ("" when
// no period has figures of two members). byMember holds each member's
// actual and estimate figures by period; fresh are the members whose
// latest figure is not stale.
func chooseRankingPeriod(byMember map[string]map[string]*row, withData, fresh []string) string {
	count := func(id string) int {
		n := 0
		for _, m := range withData {
			if byMember[m][id] != nil {
				n++
			}
		}
		return n
	}
	byPeriod := func(m string) []*row { // latest first
		var rs []*row
		for _, r := range byMember[m] {
			rs = append(rs, r)
		}
		sort.Slice(rs, func(i, j int) bool { return later1(rs[i].P, rs[j].P) })
		return rs
	}
	pick := func(members []string) (string, int) {
		if len(members) == 0 {
			return "", 0
		}
		var cands []period
		seen := map[string]bool{}
		cand := func(p period) {
			if !seen[p.ID] {
				seen[p.ID] = true
				cands = append(cands, p)
			}
		}
		// the latest period of each member, and which is furthest behind
		behind := ""
		for _, m := range members {
			latest := byPeriod(m)[0]
			cand(latest.P)
			if behind == "" || later1(byPeriod(behind)[0].P, latest.P) {
				behind = m
			}
		}
		// the latest period all of them share, among the last 8 figures
		// of the member furthest behind
		for i, r := range byPeriod(behind) {
			if i == 8 {
				break
			}
			all := true
			for _, m := range members {
				if byMember[m][r.P.ID] == nil {
					all = false
					break
				}
			}
			if all {
				cand(r.P)
				break
			}
		}
		sort.Slice(cands, func(i, j int) bool { return later1(cands[i], cands[j]) })
		best := 0
		for _, c := range cands {
			if n := count(c.ID); n > best {
				best = n
			}
		}
		for _, c := range cands {
			if n := count(c.ID); n == best || 3*n > 2*best {
				return c.ID, best
			}
		}
		return "", 0
	}
	id, best := pick(fresh)
	if best < 2 { // the members that are not stale cannot rank two
		id, best = pick(withData)
	}
	if best < 2 {
		return ""
	}
	return id
}

// dropEndedTotal: a running total that falls from a positive figure to
// exactly 0 and stays at 0 to the end of the data, two rows or more, is a
// series the source stopped counting (README, "Frequency, releases and
// staleness"): those rows are not figures.
func dropEndedTotal(figs, all []*row) ([]*row, []*row) {
	var actual []*row
	for _, r := range all {
		if !r.isPlan() {
			actual = append(actual, r)
		}
	}
	j := len(actual)
	for j > 0 && actual[j-1].Value == 0 {
		j--
	}
	if j == 0 || len(actual)-j < 2 || actual[j-1].Value <= 0 {
		return figs, all
	}
	gone := map[*row]bool{}
	for _, r := range actual[j:] {
		gone[r] = true
	}
	keep := func(l []*row) []*row {
		var out []*row
		for _, r := range l {
			if !gone[r] {
				out = append(out, r)
			}
		}
		return out
	}
	return keep(figs), keep(all)
}

// ogaps is what a record says of the periods its span has no figure for
// (docs/brief.schema.json, "gaps"): the sizes of the first three runs of
// missing periods, how many runs and periods in all, the span from the
// first figure to the record (both included), and whether a third or more
// of it is missing. Runs are compared by size; their labels are the
// engine's period labels.
type ogaps struct {
	Runs []struct {
		N int `json:"count"`
	} `json:"runs"`
	NRuns int  `json:"run_count"`
	N     int  `json:"count"`
	Span  int  `json:"span"`
	Large bool `json:"large"`
}

func (g *ogaps) String() string {
	if g == nil {
		return "none"
	}
	runs := make([]int, len(g.Runs))
	for i, r := range g.Runs {
		runs[i] = r.N
	}
	return fmt.Sprintf("runs %v of %d, %d of %d periods missing, large %v", runs, g.NRuns, g.N, g.Span, g.Large)
}

// gapsOf is the gaps of a record over figs (one figure per period, oldest
// first, the record last): for monthly, quarterly and annual figures
// only, nil when every period from the first to the last has a figure.
func gapsOf(figs []*row) *ogaps {
	index := func(p period) int {
		y, m := p.Start.Year(), int(p.Start.Month())-1
		switch p.Kind {
		case 'A':
			return y
		case 'Q':
			return 4*y + m/3
		}
		return 12*y + m
	}
	if k := figs[len(figs)-1].P.Kind; k != 'A' && k != 'Q' && k != 'M' {
		return nil
	}
	g := &ogaps{}
	for i := 1; i < len(figs); i++ {
		if d := index(figs[i].P) - index(figs[i-1].P) - 1; d > 0 {
			g.NRuns++
			g.N += d
			if len(g.Runs) < 3 {
				g.Runs = append(g.Runs, struct {
					N int `json:"count"`
				}{d})
			}
		}
	}
	if g.N == 0 {
		return nil
	}
	g.Span = index(figs[len(figs)-1].P) - index(figs[0].P) + 1
	g.Large = 3*g.N >= g.Span
	return g
}
