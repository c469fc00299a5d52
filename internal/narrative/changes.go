package narrative

import (
	"slices"
	"strconv"
	"strings"

	"github.com/briefhq/brief/internal/dataset"
	"github.com/briefhq/brief/internal/facts"
	"github.com/briefhq/brief/internal/locale"
	"github.com/briefhq/brief/internal/period"
)

// PreviousBrief is what a brief needs of the one before it, read from that
// brief's brief.json.
type PreviousBrief struct {
	Period string        // its week, "2025-W05"
	Lang   string        // its language, "en"
	Series []SeriesState // the latest figure of every series it knew
	Events []string      // EventKey of each event it reported
	// NoState is set when the previous brief was written without its
	// brief.json (--format md): it exists, but there is nothing to
	// compare with.
	NoState bool
}

// SeriesState is the latest figure of one series as a brief knew it: what
// the next brief compares with. brief.json keeps one per series.
// (Records of version 1 used one-letter keys; audit.Previous reads them.)
type SeriesState struct {
	Indicator   string  `json:"indicator"`
	Entity      string  `json:"entity"`
	Counterpart string  `json:"counterpart,omitempty"`
	Period      string  `json:"period"`
	Value       float64 `json:"value"`
	Unit        string  `json:"unit,omitempty"`
	Stale       bool    `json:"stale,omitempty"`
	// Status is "plan" or "target" when the series had nothing else (its
	// latest claim was no measured figure); empty for an actual figure or
	// an estimate.
	Status string `json:"status,omitempty"`
	// Record is "high" or "low" when the figure was a record then.
	Record string `json:"record,omitempty"`
	// Earlier holds the earlier figures the brief compared the latest
	// with (the previous period, a year earlier, last week's close of a
	// daily level), once each, so that a revision of them is reported
	// too.
	Earlier []PeriodValue `json:"earlier,omitempty"`
}

// PeriodValue is one earlier figure of a series.
type PeriodValue struct {
	Period string  `json:"period"`
	Value  float64 `json:"value"`
}

// States lists the latest figure of every series of a fact set.
func States(set *facts.Set) []SeriesState {
	out := make([]SeriesState, 0, len(set.Series))
	at := map[facts.SeriesKey]int{}
	for i := range set.Facts {
		f := &set.Facts[i]
		k := facts.SeriesKey{Indicator: f.Indicator, Entity: f.Entity, Counterpart: f.Counterpart}
		switch f.Kind {
		case facts.Latest:
			at[k] = len(out)
			st := SeriesState{Indicator: f.Indicator, Entity: f.Entity, Counterpart: f.Counterpart,
				Period: f.PeriodID, Value: f.Value, Unit: f.Unit, Stale: f.Stale}
			if forward(f.Status) {
				st.Status = string(f.Status)
			}
			out = append(out, st)
		case facts.RecordHigh, facts.RecordLow:
			if j, ok := at[k]; ok {
				out[j].Record = strings.TrimPrefix(string(f.Kind), "record_")
			}
		case facts.ChangePrev, facts.ChangeYear, facts.WeekClose:
			// The figures the latest was compared with: the previous
			// period, a year earlier, last week's close (a sum or an
			// increase of a week is no figure of the data).
			if j, ok := at[k]; ok && f.Against != nil {
				pv := PeriodValue{Period: f.Against.Period.String(), Value: f.Against.Value}
				if pv.Period != out[j].Period && !slices.Contains(out[j].Earlier, pv) {
					out[j].Earlier = append(out[j].Earlier, pv)
				}
			}
		}
	}
	return out
}

// EventKey identifies an event across briefs.
func EventKey(date, title string) string { return date + "|" + title }

// Changes is what moved since the previous brief.
type Changes struct {
	First bool   // there is no previous brief to compare with
	Since string // the previous brief's week, "Week 5 of 2025"
	// NoState: the previous brief (of Since) has no brief.json to compare
	// with.
	NoState bool
	// New are figures the previous brief did not have: a new series, or a
	// newer period of a known one.
	New     []*Row
	Revised []*Revision
	Records []*Row
	// Stale are series whose next figure became overdue since then.
	Stale  []*Row
	Events []*Event
	// More counts the items left out of each list above (at most MaxShown
	// of each are listed; brief.json has them all).
	More  int
	all   ChangeRecord
	since string         // the previous brief's week, "2025-W05"
	loc   *locale.Locale // the brief's, for SinceL
}

// ChangeRecord is every change, uncapped, for brief.json.
type ChangeRecord struct {
	First   bool             `json:"first"`
	NoState bool             `json:"no_state,omitempty"`
	Since   string           `json:"since,omitempty"`
	New     []string         `json:"new"`     // fact ids
	Revised []RevisionRecord `json:"revised"` // series, period, old and new value
	Records []string         `json:"records"`
	Stale   []string         `json:"stale"`
	Events  []string         `json:"events"` // event keys
}

// RevisionRecord is one revision in brief.json.
type RevisionRecord struct {
	Series string  `json:"series"`
	Period string  `json:"period"`
	From   float64 `json:"from"`
	To     float64 `json:"to"`
	Row    string  `json:"row"`
}

// Record returns every change for the audit.
func (c *Changes) Record() ChangeRecord { return c.all }

// Empty reports whether nothing changed.
func (c *Changes) Empty() bool {
	return len(c.New)+len(c.Revised)+len(c.Records)+len(c.Stale)+len(c.Events)+c.More == 0
}

// Revision is a figure whose value changed for the same series and period.
type Revision struct {
	Indicator   *Indicator
	Entity      Entity
	Counterpart *Entity
	Period      string // "2024"
	From        string // the previous brief's value, "$27.8 billion"
	To          string // the value now, "$28.1 billion"
	Dir         int
	obs         *dataset.Observation
	// For a brief in another language (langrow.go): the values, their
	// unit and decimals, the period, and the brief's locale.
	from, to float64
	unit     string
	label    string
	decimals int
	loc      *locale.Locale
}

func weekLabel(id string) string {
	p, err := period.Parse(id)
	if err != nil {
		return id
	}
	return upperFirst(p.Label())
}

// changes compares the brief being built with the previous one.
func changes(b *Brief, set *facts.Set, prev *PreviousBrief, rows map[facts.SeriesKey]*Row, decimals map[string]int, lb *labels) *Changes {
	if prev == nil {
		return &Changes{First: true, all: ChangeRecord{First: true, New: []string{}, Revised: []RevisionRecord{}, Records: []string{}, Stale: []string{}, Events: []string{}}}
	}
	c := &Changes{Since: weekLabel(prev.Period), NoState: prev.NoState, since: prev.Period, loc: b.loc}
	c.all = ChangeRecord{Since: prev.Period, NoState: prev.NoState, New: []string{}, Revised: []RevisionRecord{}, Records: []string{}, Stale: []string{}, Events: []string{}}
	if prev.NoState {
		return c
	}
	prevLatest := make(map[facts.SeriesKey]*SeriesState, len(prev.Series))
	for i := range prev.Series {
		st := &prev.Series[i]
		prevLatest[facts.SeriesKey{Indicator: st.Indicator, Entity: st.Entity, Counterpart: st.Counterpart}] = st
	}
	capped := func(n int) bool {
		if n >= MaxShown {
			c.More++
			return true
		}
		return false
	}
	for _, s := range set.Series {
		r := rows[s.Key]
		if r == nil {
			continue
		}
		p := prevLatest[s.Key]
		// A series the previous brief knew only by a plan or target has a
		// figure now if its latest is an actual figure or an estimate,
		// whatever its period: that figure is new, and the plan it
		// replaces was never a figure to revise.
		planned := p != nil && forward(dataset.Status(p.Status))
		// A running total that has not moved since the previous brief
		// (the data repeat it day after day) has no new figure.
		repeated := p != nil && !planned && r.Indicator != nil && r.Indicator.Cumulative && r.Fact.Value == p.Value
		switch {
		case repeated:
		case p == nil || newer(r.Fact.PeriodID, p.Period) || planned && !forward(r.Fact.Status):
			c.all.New = append(c.all.New, r.Fact.ID)
			if !capped(len(c.New)) {
				c.New = append(c.New, r)
			}
		}
		if p != nil && r.Fact.Stale && !p.Stale {
			c.all.Stale = append(c.all.Stale, r.Fact.ID)
			if !capped(len(c.Stale)) {
				c.Stale = append(c.Stale, r)
			}
		}
		if p == nil || planned {
			continue
		}
		known := append([]PeriodValue{{Period: p.Period, Value: p.Value}}, p.Earlier...)
		for _, o := range s.Obs {
			for _, k := range known {
				if o.Period.String() != k.Period || o.Value == k.Value {
					continue
				}
				c.all.Revised = append(c.all.Revised, RevisionRecord{
					Series: r.Fact.ID, Period: k.Period, From: k.Value, To: o.Value,
					Row: o.Pos.File + ":" + itoa(o.Pos.Line),
				})
				if capped(len(c.Revised)) {
					break
				}
				ind := s.Key.Indicator
				from, to := distinctValues(k.Value, o.Value, p.Unit, o.Unit, lb.of(ind, p.Unit), lb.of(ind, o.Unit), decimals[ind])
				if from == to {
					// Too small to print (3,700,000,000 to 3,700,000,001):
					// brief.json records it; the text does not say it.
					continue
				}
				c.Revised = append(c.Revised, &Revision{
					Indicator: r.Indicator, Entity: r.Entity, Counterpart: r.Counterpart, Period: o.Period.Label(),
					From: from, To: to, Dir: sign(o.Value - k.Value), obs: o,
					from: k.Value, to: o.Value, unit: o.Unit, label: lb.of(ind, o.Unit), decimals: decimals[ind], loc: b.loc,
				})
			}
		}
	}
	for i := range set.Facts {
		f := &set.Facts[i]
		if f.Kind != facts.RecordHigh && f.Kind != facts.RecordLow {
			continue
		}
		p := prevLatest[facts.SeriesKey{Indicator: f.Indicator, Entity: f.Entity, Counterpart: f.Counterpart}]
		if p == nil || p.Period != f.PeriodID || p.Record == "" {
			c.all.Records = append(c.all.Records, f.ID)
			if r := rows[facts.SeriesKey{Indicator: f.Indicator, Entity: f.Entity, Counterpart: f.Counterpart}]; r != nil && !capped(len(c.Records)) {
				c.Records = append(c.Records, r)
			}
		}
	}
	seen := map[string]bool{}
	for _, k := range prev.Events {
		seen[k] = true
	}
	for _, e := range b.Events {
		if k := EventKey(e.ev.Date.String(), e.ev.Title); !seen[k] {
			c.all.Events = append(c.all.Events, k)
			if !capped(len(c.Events)) {
				c.Events = append(c.Events, e)
			}
		}
	}
	return c
}

// forward reports whether s is a plan or a target, not a measured figure.
func forward(s dataset.Status) bool { return s == dataset.Plan || s == dataset.Target }

// newer reports whether period id a is later than b.
func newer(a, b string) bool {
	pa, err1 := period.Parse(a)
	pb, err2 := period.Parse(b)
	if err1 != nil || err2 != nil {
		return a != b
	}
	return period.Compare(pa, pb) > 0
}

func itoa(n int) string { return strconv.Itoa(n) }

// distinctValues formats a revision's old and new value with the
// indicator's decimals, or with more when they would print alike: "€3.65
// billion, down from €3.7 billion", never "€3.7 billion, down from €3.7
// billion".
func distinctValues(from, to float64, fromUnit, toUnit, fromLabel, toLabel string, decimals int) (string, string) {
	f, t := valueMD(from, fromUnit, fromLabel, decimals), valueMD(to, toUnit, toLabel, decimals)
	for d := max(decimals, 0) + 1; f == t && d <= 6; d++ {
		f, t = valueMD(from, fromUnit, fromLabel, d), valueMD(to, toUnit, toLabel, d)
	}
	return f, t
}
