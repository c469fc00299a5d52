package narrative

import (
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/briefhq/brief/internal/dataset"
	"github.com/briefhq/brief/internal/facts"
	"github.com/briefhq/brief/internal/format"
	"github.com/briefhq/brief/internal/period"
)

// The view types are what templates see. They are typed structs, not maps,
// so a misspelled field is an error at execution, and every string from
// the dataset in them is already escaped for Markdown.

// Brief is the data of one brief.
type Brief struct {
	Title string
	// KindTitle is the manifest's title ("Talking points").
	KindTitle    string
	Organisation string
	Lang         string
	Week         Week
	Generated    string // the generated date as printed, "26 November 2026"
	Topics       []*Topic
	// Highlights are the most salient statements, at most one per indicator.
	Highlights []*Highlight
	// New are the figures released during the week, in catalog order.
	New []*Row
	// WeekEvents are the events dated within the week.
	WeekEvents []*Event
	// Events are all the events the brief reports, newest first.
	Events []*Event
	// Changes is what moved since the previous brief.
	Changes *Changes
	Stats   Stats
}

// Stats counts what the brief covers.
type Stats struct {
	Series     int // series with a figure known at the end of the week
	Indicators int
	Entities   int
	NewFigures int // figures released during the week
	Events     int // events shown in the brief
}

// Week is the brief's week.
type Week struct {
	ID    string // "2025-W06"
	Label string // "Week 6 of 2025"
	Range string // "3–9 February 2025"
	Start time.Time
	End   time.Time
}

// Topic is one section's subject: its indicators and events.
type Topic struct {
	ID         string
	Name       string
	Indicators []*Indicator
	Events     []*Event
}

// Indicator is one indicator of a topic with its latest figures.
type Indicator struct {
	ID     string
	Name   string // as in the catalog, "Trade turnover"
	Phrase string // for mid-sentence use, "trade turnover"
	// Superlative is how the top of a ranking is said: "highest" for an
	// amount ("the highest trade turnover"), "most" for a count ("the most
	// jobs created").
	Superlative string
	Unit        string
	Description string
	HigherIs    string
	// Rows are the latest figure of each series: the Ranking first, then
	// the rest in catalog order.
	Rows []*Row
	// Ranked is set when two or more rows share one period, counterpart and
	// unit, so they can be compared and charted; Ranking holds them,
	// largest first.
	Ranked  bool
	Ranking []*Row
	// Shown are the rows a list or table shows (at most MaxShown); Hidden
	// counts the others, which brief.json keeps.
	Shown  []*Row
	Hidden int
	// Group names the group the Ranked rows are ranked in ("" for all).
	Group string
	// InGroup says it mid-sentence: "in the Central Asia group", or, when
	// members have no figure, "among the 2 of 3 members of the Central
	// Asia group with figures"; "" without a group.
	InGroup string
	// Period is the Ranking's period label, or the rows' common period,
	// or "".
	Period string
	// Counterpart is the Ranking's (or all rows') counterpart, or nil.
	Counterpart *Entity
	// History is the longest series of the indicator (oldest first), for a
	// line chart; it has at most one point per period.
	History []*Row

	raw           string // unescaped name, for chart titles
	unit          string
	historyEntity *Entity
}

// Entity is an entity's names, escaped.
type Entity struct {
	ID    string
	Name  string
	Short string
	raw   string // unescaped short name, for charts
}

// Row is the latest figure of one series and what is known about it.
type Row struct {
	Fact        *facts.Fact
	Indicator   *Indicator
	Entity      Entity
	Counterpart *Entity
	Period      string // "2024", "February 2025"
	Value       float64
	Text        string // formatted value with unit, "$27.8 billion"
	Status      string // actual | estimate | plan | target
	Note        string // escaped, may be ""
	New         bool   // released during the week
	Change      *Change
	YearAgo     *Change
	Outlook     *Outlook // the nearest plan or target beyond the figure
	Rank        int      // 1-based rank in Indicator.Group, 0 if not ranked
	Of          int
	Share       *Share // share of the group total, or nil
	Record      string // "highest", "lowest" or ""
	RecordSince int    // number of earlier periods the record beats
	// Periods names the row\'s periods in the plural: "years", "quarters",
	// "months", "weeks" or "days".
	Periods  string
	decimals int
	sources  []string // unescaped source names, for charts
	// rankIn and shareIn hold the row's rank and share in each group it
	// was ranked in; the indicator picks one group for its ranking.
	rankIn  map[string]*facts.Fact
	shareIn map[string]*facts.Fact
	at      time.Time // a history row's period middle, for a timed chart
}

// Change is a row's change against an earlier period.
type Change struct {
	Fact  *facts.Fact
	Text  string // "up 4.2% on 2023"
	From  string // the earlier value, "$26.7 billion"
	Label string // the earlier period, "2023"
	Dir   int    // -1, 0, +1
	// Assessment reads the change through the indicator's higher_is:
	// "an improvement", "a deterioration", or "" when neutral.
	Assessment string
}

// Share is a row's share of its group's total; citing it cites every
// figure of the total.
type Share struct {
	Fact *facts.Fact
	Text string // "64.7%"
}

// Outlook is a plan or target for a period after a row's latest figure.
type Outlook struct {
	Fact   *facts.Fact
	Text   string // "15%"
	Period string // "2030"
	Status string // plan | target
}

// Event is a dated qualitative item, escaped.
type Event struct {
	Date     string // "3 February 2025", "2024"
	Title    string
	Summary  string
	Topic    string
	Entities []Entity
	InWeek   bool
	Upcoming bool // starts after the week
	ev       *dataset.Event
}

// Highlight is one statement of the summary.
type Highlight struct {
	Kind      string // "leader", "change", "record", "latest"
	Topic     *Topic
	Indicator *Indicator
	Row       *Row
	salience  float64
}

// BuildOptions say which brief to build.
type BuildOptions struct {
	Title        string
	KindTitle    string
	Organisation string
	Lang         string
	Week         period.Period
	Generated    time.Time
	// MaxHighlights bounds the summary (default 5).
	MaxHighlights int
	// EventWindow is how far before the week events are still reported
	// (default 92 days).
	EventWindow time.Duration
	// Previous is the brief before this one, for "What changed"; nil for
	// the first brief.
	Previous *PreviousBrief
	// Group is the group a --per group brief is about: its rankings are
	// made within it.
	Group string
}

// Build turns a fact set into the view of one brief.
func Build(ds *dataset.Dataset, set *facts.Set, o BuildOptions) *Brief {
	if o.MaxHighlights == 0 {
		o.MaxHighlights = 5
	}
	if o.EventWindow == 0 {
		o.EventWindow = 92 * 24 * time.Hour
	}
	b := &Brief{
		Title: format.EscapeMarkdown(o.Title), KindTitle: format.EscapeMarkdown(o.KindTitle), Organisation: format.EscapeMarkdown(o.Organisation), Lang: o.Lang,
		Week: Week{
			ID: o.Week.String(), Label: "Week " + strings.TrimPrefix(o.Week.Label(), "week "),
			Range: format.DateRange(o.Week.Start, o.Week.End), Start: o.Week.Start, End: o.Week.End,
		},
		Generated: format.Date(o.Generated),
	}
	ents := map[string]Entity{}
	for _, e := range ds.Entities {
		short := e.Short
		if n := e.Names[o.Lang]; short == "" || (n != "" && o.Lang != "en" && o.Lang != "") {
			// A short name is written in the catalog's own language: a
			// brief in another language uses the name in that language.
			short = e.Name(o.Lang)
		}
		ents[e.ID] = Entity{ID: e.ID, Name: format.EscapeMarkdown(e.Name(o.Lang)), Short: format.EscapeMarkdown(short), raw: short}
	}
	entity := func(id string) Entity {
		if e, ok := ents[id]; ok {
			return e
		}
		esc := format.EscapeMarkdown(id)
		return Entity{ID: id, Name: esc, Short: esc, raw: id}
	}
	topics := map[string]*Topic{}
	for _, t := range ds.Topics {
		tv := &Topic{ID: t.ID, Name: format.EscapeMarkdown(t.Name)}
		topics[t.ID] = tv
		b.Topics = append(b.Topics, tv)
	}
	indicators := map[string]*Indicator{}
	for _, in := range ds.Indicators {
		iv := &Indicator{
			ID: in.ID, Name: format.EscapeMarkdown(in.Name), Phrase: format.EscapeMarkdown(lowerFirst(in.Name)),
			Unit: in.Unit, Description: format.EscapeMarkdown(in.Description), HigherIs: string(in.HigherIs),
			raw: in.Name, unit: in.Unit, Superlative: "highest",
		}
		if format.IsCountNoun(in.Unit) {
			iv.Superlative = "most"
		}
		indicators[in.ID] = iv
		if t := topics[in.Topic]; t != nil {
			t.Indicators = append(t.Indicators, iv)
		}
	}
	decimals := map[string]int{}
	for _, in := range ds.Indicators {
		decimals[in.ID] = in.Decimals
	}

	// Rows from the fact set, in its (catalog) order.
	rows := map[facts.SeriesKey]*Row{}
	for i := range set.Facts {
		f := &set.Facts[i]
		k := facts.SeriesKey{Indicator: f.Indicator, Entity: f.Entity, Counterpart: f.Counterpart}
		switch f.Kind {
		case facts.Latest:
			iv := indicators[f.Indicator]
			if iv == nil {
				continue
			}
			r := &Row{
				Fact: f, Indicator: iv, Entity: entity(f.Entity), Period: f.PeriodLabel, Value: f.Value,
				Periods: f.Period.Kind.String() + "s", decimals: decimals[f.Indicator],
				Text: valueMD(f.Value, f.Unit, decimals[f.Indicator]), Status: string(f.Status), New: f.New,
			}
			if f.Counterpart != "" {
				c := entity(f.Counterpart)
				r.Counterpart = &c
			}
			r.Note = format.EscapeMarkdown(f.Note)
			for _, src := range f.Sources {
				r.sources = append(r.sources, src.Source)
			}
			rows[k] = r
			iv.Rows = append(iv.Rows, r)
		case facts.ChangePrev, facts.ChangeYear:
			r := rows[k]
			if r == nil {
				continue
			}
			from := valueMD(f.Against.Value, f.Unit, decimals[f.Indicator])
			if from == r.Text && f.Against.Value != f.Value {
				// "12.5% ... down 0.05 percentage points (12.5%)": both
				// figures get the digits that tell them apart.
				var now string
				now, from = distinctValues(f.Value, f.Against.Value, f.Unit, f.Unit, decimals[f.Indicator])
				if now != from {
					r.Text = now
				}
			}
			c := &Change{
				Fact: f, From: from, Label: f.Against.Label,
				Text:       format.Change(f.Value, f.Against.Value, f.Unit, decimals[f.Indicator], "on "+f.Against.Label),
				Dir:        sign(f.Value - f.Against.Value),
				Assessment: format.Assessment(f.Value, f.Against.Value, r.Indicator.HigherIs),
			}
			if f.Kind == facts.ChangePrev {
				r.Change = c
			} else {
				r.YearAgo = c
			}
		case facts.Outlook:
			if r := rows[k]; r != nil {
				r.Outlook = &Outlook{Fact: f, Text: valueMD(f.Value, f.Unit, decimals[f.Indicator]), Period: f.PeriodLabel, Status: string(f.Status)}
			}
		case facts.RecordHigh, facts.RecordLow:
			if r := rows[k]; r != nil {
				r.Record, r.RecordSince = "highest", f.Since
				if f.Kind == facts.RecordLow {
					r.Record = "lowest"
				}
			}
		case facts.Rank:
			if r := rows[k]; r != nil {
				if r.rankIn == nil {
					r.rankIn = map[string]*facts.Fact{}
				}
				r.rankIn[f.Group] = f
			}
		case facts.Share:
			if r := rows[k]; r != nil {
				if r.shareIn == nil {
					r.shareIn = map[string]*facts.Fact{}
				}
				r.shareIn[f.Group] = f
			}
		}
	}
	groupSize := ds.GroupSizes() // once: the entity catalog may hold thousands
	for _, in := range ds.Indicators {
		finishIndicator(ds, indicators[in.ID], set, decimals[in.ID], entity, o.Group, groupSize)
	}
	b.Stats.Indicators = len(ds.Indicators)
	b.Stats.Entities = len(ds.Entities)
	b.Stats.Series = len(rows)

	// Events: those of the week, recent ones, and upcoming ones.
	from := o.Week.Start.Add(-o.EventWindow)
	evs := make([]*dataset.Event, 0, len(ds.Events))
	for i := range ds.Events {
		e := &ds.Events[i]
		if e.Date.End.Before(from) {
			continue
		}
		evs = append(evs, e)
	}
	sort.SliceStable(evs, func(i, j int) bool { return period.Compare(evs[i].Date, evs[j].Date) > 0 })
	for _, e := range evs {
		ev := &Event{
			Date: e.Date.Label(), Title: format.EscapeMarkdown(e.Title), Summary: format.EscapeMarkdown(e.Summary),
			Topic:  e.Topic,
			InWeek: !e.Date.Start.Before(o.Week.Start) && !e.Date.Start.After(o.Week.End),
			// An event that begins after the week, or a coarse one (a year,
			// a month) that ends after it, is still to come or under way.
			Upcoming: e.Date.Start.After(o.Week.End), ev: e,
		}
		for _, id := range e.Entities {
			ev.Entities = append(ev.Entities, entity(id))
		}
		if t := topics[e.Topic]; t != nil {
			t.Events = append(t.Events, ev)
		} else if len(b.Topics) > 0 {
			b.Topics[0].Events = append(b.Topics[0].Events, ev)
		}
		if ev.InWeek {
			b.WeekEvents = append(b.WeekEvents, ev)
		}
		b.Events = append(b.Events, ev)
		b.Stats.Events++
	}
	for _, t := range b.Topics {
		for _, iv := range t.Indicators {
			for _, r := range iv.Rows {
				if r.New {
					b.New = append(b.New, r)
					b.Stats.NewFigures++
				}
			}
		}
	}
	b.Highlights = highlights(b, o.MaxHighlights)
	b.Changes = changes(b, set, o.Previous, rows, decimals, entity)
	return b
}

// MaxShown is how many figures of one indicator a list, table or chart
// shows; the audit record keeps them all.
const MaxShown = 10

func finishIndicator(ds *dataset.Dataset, iv *Indicator, set *facts.Set, decimals int, entity func(string) Entity, preferred string, groupSize map[string]int) {
	if len(iv.Rows) == 0 {
		return
	}
	// The ranking holds the rows that can be compared: same period, unit
	// and counterpart. When rows differ (series that end in different
	// years), the most common period wins, then the latest.
	type cmpKey struct{ period, unit, counterpart string }
	keyOf := func(r *Row) cmpKey {
		k := cmpKey{period: r.Fact.Period.String(), unit: r.Fact.Unit}
		if r.Counterpart != nil {
			k.counterpart = r.Counterpart.ID
		}
		return k
	}
	count := map[cmpKey]int{}
	latest := map[cmpKey]*Row{}
	var top cmpKey
	for _, r := range iv.Rows {
		k := keyOf(r)
		count[k]++
		latest[k] = r
	}
	bestN := 0
	for _, r := range iv.Rows {
		k := keyOf(r)
		if n := count[k]; n > bestN || (n == bestN && r.Fact.Period.End.After(latest[top].Fact.Period.End)) {
			top, bestN = k, n
		}
	}
	ref := latest[top]
	iv.Period = ref.Period
	iv.Counterpart = ref.Counterpart
	// A ranking is made within one group, so that "the highest in the
	// Central Asia group" is said only of its members: the brief's own
	// group (a --per group brief), else a group whose every member
	// reports, else the one that ranks most rows (ties: the id first in
	// order).
	perGroup := map[string]int{}
	for _, r := range iv.Rows {
		if keyOf(r) != top {
			continue
		}
		for g := range r.rankIn {
			perGroup[g]++
		}
	}
	members := func(g string) int {
		if g == "" {
			return perGroup[g] // no catalog: everyone with a figure
		}
		return groupSize[g]
	}
	better := func(g string, n int, h string, m int) bool { // is g (n rows) better than h (m rows)?
		if (g == preferred) != (h == preferred) {
			return g == preferred
		}
		if gc, hc := n == members(g), m == members(h); gc != hc {
			return gc
		}
		if n != m {
			return n > m
		}
		return g < h
	}
	group, inGroup, chosen := "", 0, false
	for g, n := range perGroup {
		if !chosen || better(g, n, group, inGroup) {
			group, inGroup, chosen = g, n, true
		}
	}
	for _, r := range iv.Rows {
		if f := r.rankIn[group]; f != nil && keyOf(r) == top {
			r.Rank, r.Of = f.Rank, f.Of
			if sh := r.shareIn[group]; sh != nil {
				r.Share = &Share{Fact: sh, Text: format.Percent(sh.Value, 1)}
			}
		}
	}
	if inGroup >= 2 {
		iv.Ranked = true
		if group != "" {
			iv.Group = format.EscapeMarkdown(GroupName(ds, group))
			iv.InGroup = "in the " + iv.Group + " group"
			if m := members(group); inGroup < m {
				iv.InGroup = fmt.Sprintf("among the %d of %d members of the %s group with figures", inGroup, m, iv.Group)
			}
		}
		var others []*Row
		for _, r := range iv.Rows {
			if r.Rank > 0 {
				iv.Ranking = append(iv.Ranking, r)
			} else {
				others = append(others, r)
			}
		}
		sort.SliceStable(iv.Ranking, func(i, j int) bool { return iv.Ranking[i].Value > iv.Ranking[j].Value })
		iv.Rows = append(append([]*Row(nil), iv.Ranking...), others...)
	}
	if bestN != len(iv.Rows) || iv.Ranked && inGroup != len(iv.Rows) {
		iv.Period, iv.Counterpart = "", nil
		if iv.Ranked {
			iv.Period, iv.Counterpart = ref.Period, ref.Counterpart
		}
	}
	iv.Shown = iv.Rows
	if len(iv.Shown) > MaxShown {
		iv.Shown = iv.Shown[:MaxShown]
		iv.Hidden = len(iv.Rows) - MaxShown
	}
	// History: the leader's series when there is a ranking, else the
	// longest series of the indicator.
	var best *facts.Series
	for _, s := range set.Series {
		if s.Key.Indicator != iv.ID {
			continue
		}
		if l := iv.Leader(); l != nil && len(s.Obs) >= 4 && s.Key.Entity == l.Entity.ID && (l.Counterpart == nil || s.Key.Counterpart == l.Counterpart.ID) {
			best = s
			break
		}
		if best == nil || len(s.Obs) > len(best.Obs) {
			best = s
		}
	}
	if best != nil && len(best.Obs) >= 2 {
		e := entity(best.Key.Entity)
		iv.historyEntity = &e
		for _, o := range best.Obs {
			if o.Period.Kind != best.Last().Period.Kind {
				continue
			}
			if o.Status == dataset.Plan || o.Status == dataset.Target {
				continue // a plan is not a point of the series' history
			}
			mid := o.Period.Start.Add(o.Period.End.Sub(o.Period.Start) / 2)
			iv.History = append(iv.History, &Row{
				Indicator: iv, Period: o.Period.Label(), Value: o.Value,
				Text: valueMD(o.Value, o.Unit, decimals), Status: string(o.Status), sources: []string{o.Source}, at: mid,
			})
		}
	}
}

func sign(v float64) int {
	switch {
	case v > 0:
		return 1
	case v < 0:
		return -1
	}
	return 0
}

// lowerFirst lowers the first letter of a name for use mid-sentence,
// unless the name starts with an acronym or proper noun written in
// capitals ("VTB outlets" stays as it is).
func lowerFirst(s string) string {
	r := []rune(s)
	if len(r) < 2 || strings.ToUpper(string(r[1])) == string(r[1]) {
		return s
	}
	return strings.ToLower(string(r[0])) + string(r[1:])
}

// GroupName is a group's display name: the one entities.yaml gives it
// under groups:, else its id in words ("central-asia" -> "Central Asia").
func GroupName(ds *dataset.Dataset, id string) string {
	if n := ds.GroupNames[id]; n != "" {
		return n
	}
	return groupName(id)
}

func groupName(id string) string {
	words := strings.FieldsFunc(id, func(r rune) bool { return r == '-' || r == '_' || r == ' ' })
	for i, w := range words {
		r := []rune(w)
		words[i] = strings.ToUpper(string(r[0])) + string(r[1:])
	}
	return strings.Join(words, " ")
}

// HasFigures reports whether any indicator of the topic has a figure.
func (t *Topic) HasFigures() bool {
	for _, iv := range t.Indicators {
		if len(iv.Rows) > 0 {
			return true
		}
	}
	return false
}

// Leader is the first of the ranking, or nil.
func (iv *Indicator) Leader() *Row {
	if len(iv.Ranking) == 0 {
		return nil
	}
	return iv.Ranking[0]
}

// Tied are the rows that share the top of the ranking: the leader alone,
// or every row with its value ("EE and LV shared the highest ...").
func (iv *Indicator) Tied() []*Row {
	if len(iv.Ranking) == 0 {
		return nil
	}
	n := 1
	for n < len(iv.Ranking) && iv.Ranking[n].Value == iv.Ranking[0].Value {
		n++
	}
	return iv.Ranking[:n]
}

// RestRecords are the runners-up whose figure is a record: kind
// "highest" or "lowest".
func (iv *Indicator) RestRecords(kind string) []*Row {
	var out []*Row
	for _, r := range iv.Rest() {
		if r.Record == kind {
			out = append(out, r)
		}
	}
	return out
}

// TiedNames are the names of the Tied rows.
func (iv *Indicator) TiedNames() []string {
	var out []string
	for _, r := range iv.Tied() {
		out = append(out, r.Entity.Name)
	}
	return out
}

// Rest is the runners-up of a ranking a sentence names (after those tied
// at the top): at most four.
func (iv *Indicator) Rest() []*Row {
	from := len(iv.Tied())
	to := min(len(iv.Ranking), max(iv.named(), from))
	if from >= to {
		return nil
	}
	return iv.Ranking[from:to]
}

// named is how many of the ranking a sentence names: five, or all six
// rather than "1 more follows".
func (iv *Indicator) named() int {
	if len(iv.Ranking) == 6 {
		return 6
	}
	return 5
}

// Top is the leader and the runners-up a sentence names.
func (iv *Indicator) Top() []*Row { return iv.Ranking[:min(len(iv.Ranking), iv.named())] }

// RestNames are the runners-up's names, for "A and B followed with X and
// Y respectively".
func (iv *Indicator) RestNames() []string {
	var out []string
	for _, r := range iv.Rest() {
		out = append(out, r.Entity.Name)
	}
	return out
}

// RestValues are the runners-up's figures, in the order of RestNames.
func (iv *Indicator) RestValues() []string {
	var out []string
	for _, r := range iv.Rest() {
		out = append(out, r.Text)
	}
	return out
}

// RestAllActual reports whether every runner-up is an actual figure, so a
// "respectively" sentence needs no caveat per figure.
func (iv *Indicator) RestAllActual() bool {
	for _, r := range iv.Rest() {
		if r.Status != "actual" {
			return false
		}
	}
	return true
}

// RestMore counts the ranked rows a sentence leaves out.
func (iv *Indicator) RestMore() int { return max(0, len(iv.Ranking)-iv.named()) }

// Unranked are the shown rows outside the ranking.
func (iv *Indicator) Unranked() []*Row {
	var out []*Row
	for _, r := range iv.Shown {
		if !inRows(iv.Ranking, r) {
			out = append(out, r)
		}
	}
	return out
}

func inRows(rows []*Row, r *Row) bool {
	for _, x := range rows {
		if x == r {
			return true
		}
	}
	return false
}

// Chartable reports whether a bar chart of the latest values says more
// than the sentence: three or more comparable figures.
func (iv *Indicator) Chartable() bool { return iv.Ranked && len(iv.Ranking) >= 3 }

// HasHistory reports whether the indicator has a series long enough for a
// line chart (four periods or more).
func (iv *Indicator) HasHistory() bool { return len(iv.History) >= 4 }

// HasChanges reports whether any figure of the topic has a change on an
// earlier period, so a table shows its Change column only when it says
// something.
func (t *Topic) HasChanges() bool {
	for _, iv := range t.Indicators {
		for _, r := range iv.Rows {
			if r.Change != nil {
				return true
			}
		}
	}
	return false
}

// Key identifies the event across briefs (see EventKey).
func (e *Event) Key() string { return EventKey(e.ev.Date.String(), e.ev.Title) }

// valueMD formats a figure for the Markdown page: the number as format
// writes it, and a unit from the data escaped, since units the formatter
// does not know are printed as given ("kt CO2e", or a hostile "*x*").
func valueMD(v float64, unit string, decimals int) string {
	if strings.ContainsAny(unit, "\\`*_[]<>#|~&!") {
		unit = format.EscapeMarkdown(unit)
	}
	return format.Value(v, unit, decimals)
}
