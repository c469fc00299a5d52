package narrative

import (
	"sort"
	"strconv"

	"github.com/briefhq/brief/internal/chart"
	"github.com/briefhq/brief/internal/format"
)

// A topic shows its figures once: as sentences in a list when it has a
// few (MaxListed), or in one table when it has more or a ranking worth a
// chart. A table leaves out the columns that are the same on every row
// and says them in its caption, and carries a unit all rows share in its
// header.

// MaxListed is how many figures a topic says as a list of sentences;
// with more, or with a ranking of three or more, it shows a table.
const MaxListed = 3

// Table is a topic's table of figures.
type Table struct {
	Rows []*TableRow
	// ShowIndicator, ShowEntity and ShowPeriod are set for the columns
	// whose value differs between rows; ShowChange when a row has a
	// change.
	ShowIndicator, ShowEntity, ShowPeriod, ShowChange bool
	// Indicator, Entity, Counterpart and Period are what every row shares
	// (nil or "" when rows differ): the caption says them.
	Indicator   *Indicator
	Entity      *Entity
	Counterpart *Entity
	Period      string
	// Unit is the unit word every row shares ("kt CO2e", "cases"), said
	// in the header, the cells then giving the number alone; "" when the
	// rows differ or their unit is a sign ("$", "%") the figures keep.
	Unit string
	// ChangeOn is the earlier period every change is on ("2022"), said
	// in the header; "" when they differ. ChangeSpan is what every
	// week's change is over (" in the week", " in the 6 days to Saturday
	// 16 April"), said in the header instead, or "".
	ChangeOn   string
	ChangeSpan string
	// Cut are the indicators whose figures the table cuts at MaxShown,
	// with how many it shows.
	Cut []*Indicator
	// ShowRank is set when two rows of one ranking share a rank: a Rank
	// column then shows the tie (the same rank twice), which the order
	// of the rows alone does not (blind review: "−4.1%" twice, ranked
	// third and fourth to the eye).
	ShowRank bool
}

// TableRow is one figure of a Table.
type TableRow struct {
	Row    *Row
	Period string // capitalised: "February 2025", "Week 6 of 2025"
	Value  string // with its unit, or the number alone under Table.Unit
	Cite   any    // what the value cites: a *Row or a *WeekFig
	// Change and ChangeCite are the change column, "" when the row has
	// none.
	Change     string
	ChangeCite any
	// Rank is the row's rank in its indicator's ranking ("3"), "–" for a
	// row outside it; read only under Table.ShowRank.
	Rank string
}

// Ranked are the topic's ranked indicators, in catalog order.
func (t *Topic) Ranked() []*Indicator {
	var out []*Indicator
	for _, iv := range t.Indicators {
		if iv.Ranked {
			out = append(out, iv)
		}
	}
	return out
}

// Unranked are the topic's figures outside its rankings, in catalog
// order.
func (t *Topic) Unranked() []*Row {
	var out []*Row
	for _, iv := range t.Indicators {
		out = append(out, iv.Unranked()...)
	}
	return out
}

// shown counts the topic's figures a list or table shows.
func (t *Topic) shown() int {
	n := 0
	for _, iv := range t.Indicators {
		n += len(iv.Shown)
	}
	return n
}

// UsesTable reports whether the topic shows its figures in a table
// rather than a list: more than MaxListed figures, or a ranking of three
// or more.
func (t *Topic) UsesTable() bool {
	if t.shown() > MaxListed {
		return true
	}
	for _, iv := range t.Indicators {
		if iv.Chartable() {
			return true
		}
	}
	return false
}

// Lead is the figure a topic with a table says in a sentence besides its
// rankings: the most salient of its unranked figures (the first in
// catalog order among equals) that no key message gives as it stands;
// nil when it has none.
func (t *Topic) Lead() *Row {
	var rows []*Row
	for _, r := range t.Unranked() {
		// A figure the key messages give as it stands is not said
		// again in nearly the same words ("… is worth $52.9 billion as
		// of February 2025"): the table gives it, the sentence another.
		if !r.boxed {
			rows = append(rows, r)
		}
	}
	if len(rows) == 0 {
		return nil
	}
	best := rows[0]
	for _, r := range rows[1:] {
		if r.Fact == nil || best.Fact == nil {
			continue
		}
		// Equally salient, an amount of money leads: a portfolio's value
		// says more than one of its counts.
		// Equally salient counts of one family and unit, the largest
		// leads: the whole (171 projects in the portfolio) before its
		// parts (99 completed, 45 under way).
		s, b := salienceOf(r), salienceOf(best)
		whole := s == b && r.Fact.Unit == best.Fact.Unit && r.Indicator.Family != "" && r.Indicator.Family == best.Indicator.Family && r.Fact.Value > best.Fact.Value
		if s > b || s == b && format.IsCurrency(r.Fact.Unit) && !format.IsCurrency(best.Fact.Unit) || whole {
			best = r
		}
	}
	return best
}

// MaxLeads bounds the sentences a topic with a table says of its
// unranked figures.
const MaxLeads = 3

// Leads are the unranked figures a topic with a table says in sentences:
// its Lead, then those at a record or fallen to zero (news a table cell
// does not tell), in catalog order, at most MaxLeads.
func (t *Topic) Leads() []*Row {
	lead := t.Lead()
	if lead == nil {
		return nil
	}
	out := []*Row{lead}
	for _, r := range t.Unranked() {
		if len(out) == MaxLeads {
			break
		}
		if r != lead && (r.Record != "" || r.Change != nil && r.Change.ToZero) {
			out = append(out, r)
		}
	}
	return out
}

// salienceOf is a row's weight for the lead: its own, or what made it
// salient (a change, the week).
func salienceOf(r *Row) float64 {
	s := r.Fact.Salience
	for _, c := range []*Change{r.Change, r.YearAgo} {
		if c != nil && c.Fact.Salience > s {
			s = c.Fact.Salience
		}
	}
	if r.Week != nil && r.Week.Fact.Salience > s {
		s = r.Week.Fact.Salience
	}
	if r.Overdue() {
		s -= staleDemotion
	}
	return s
}

// Notes are the table's figures whose notes add something, for the
// lines under it (the Leads' notes are said with their sentences).
func (t *Topic) Notes() []*Row {
	leads := t.Leads()
	var out []*Row
	for _, iv := range t.Indicators {
		for _, r := range iv.Shown {
			if !inRows(leads, r) && r.NoteAdds() && !inRows(iv.Ranking, r) {
				out = append(out, r)
			}
		}
	}
	return out
}

// Table is the topic's table, nil when the topic lists its figures.
func (t *Topic) Table() *Table {
	if !t.UsesTable() {
		return nil
	}
	tb := &Table{}
	var rows []*Row
	for _, iv := range t.Indicators {
		rows = append(rows, iv.Shown...)
		if iv.Hidden > 0 {
			tb.Cut = append(tb.Cut, iv)
		}
	}
	if len(rows) == 0 {
		return nil
	}
	first := rows[0]
	sameUnit, sameChange := true, true
	for _, r := range rows {
		tb.ShowIndicator = tb.ShowIndicator || r.Indicator != first.Indicator
		tb.ShowEntity = tb.ShowEntity || r.Entity.ID != first.Entity.ID
		tb.ShowPeriod = tb.ShowPeriod || tablePeriod(r) != tablePeriod(first)
		if !sameEntity(r.Counterpart, first.Counterpart) {
			tb.ShowEntity = true
		}
		sameUnit = sameUnit && r.label == first.label && r.Fact != nil && first.Fact != nil && r.Fact.Unit == first.Fact.Unit
		c := r.Change
		sameChange = sameChange && r.Week == nil && c != nil && c.Caveat == "" && first.Change != nil && c.Label == first.Change.Label
	}
	if !tb.ShowIndicator {
		tb.Indicator = first.Indicator
	}
	if !tb.ShowEntity {
		e := first.Entity
		tb.Entity = &e
	}
	if allSameCounterpart(rows) {
		tb.Counterpart = first.Counterpart
	}
	if !tb.ShowPeriod {
		tb.Period = tablePeriod(first)
	}
	unit := ""
	if first.Fact != nil {
		unit = first.Fact.Unit
	}
	if sameUnit && !format.IsCurrency(unit) && !format.IsPercent(unit) && first.label != "" && !(first.Indicator.Counts && len(rows) == 1) {
		tb.Unit = first.Indicator.Unit
		if first.label != first.Indicator.label {
			tb.Unit = format.EscapeMarkdown(first.label)
		}
	}
	if sameChange {
		tb.ChangeOn = first.Change.Label
	}
	if w := first.Week; w != nil && w.TableSpan != "" {
		tb.ChangeSpan = w.TableSpan
		for _, r := range rows {
			if r.Week == nil || r.Week.TableSpan != w.TableSpan || r.Change != nil && r.Week.Kind != "sum" && r.Week.Kind != "increase" {
				tb.ChangeSpan = ""
				break
			}
		}
	}
	for _, r := range rows {
		tr := &TableRow{Row: r, Period: capital(tablePeriod(r)), Value: r.Text, Cite: r}
		if w := r.Week; w != nil && w.Kind == "sum" {
			tr.Value, tr.Cite = w.Text, w
		}
		if tb.Unit != "" {
			tr.Value = r.trimUnit(tr.Value, r.Fact.Unit)
		}
		weekChange := func() {
			if r.Week.TableChange != "" {
				tr.Change, tr.ChangeCite = r.Week.TableChange, r.Week
				if tb.ChangeSpan != "" {
					tr.Change = r.Week.TableShort
				}
			}
		}
		switch {
		case r.Week != nil && r.Week.Kind == "sum":
			weekChange()
		case r.Change != nil:
			tr.Change, tr.ChangeCite = r.Change.Text, r.Change
			if tb.ChangeOn != "" {
				tr.Change = r.Change.Short
			}
		case r.Week != nil:
			weekChange()
		}
		tb.ShowChange = tb.ShowChange || tr.Change != ""
		tr.Rank = "–"
		if inRows(r.Indicator.Ranking, r) && r.Rank > 0 {
			tr.Rank = strconv.Itoa(r.Rank)
		}
		tb.Rows = append(tb.Rows, tr)
	}
	seen := map[*Indicator]map[int]bool{}
	for _, tr := range tb.Rows {
		r := tr.Row
		if tr.Rank == "–" {
			continue
		}
		if seen[r.Indicator] == nil {
			seen[r.Indicator] = map[int]bool{}
		}
		tb.ShowRank = tb.ShowRank || seen[r.Indicator][r.Rank]
		seen[r.Indicator][r.Rank] = true
	}
	return tb
}

// tablePeriod is the period a row's table line is for: a week's sum is
// for the week, any other figure for its period.
func tablePeriod(r *Row) string {
	if w := r.Week; w != nil && w.Kind == "sum" {
		return w.Period
	}
	return r.Period
}

func sameEntity(a, b *Entity) bool {
	if a == nil || b == nil {
		return a == b
	}
	return a.ID == b.ID
}

func allSameCounterpart(rows []*Row) bool {
	for _, r := range rows {
		if !sameEntity(r.Counterpart, rows[0].Counterpart) {
			return false
		}
	}
	return rows[0].Counterpart != nil
}

// ChartOf names what an indicator's line chart shows: the group of its
// ranking when the chart has a line per member, else the entity of its
// one series (escaped); "" without a chart, and for lines of members of
// no named group (ChartNames names them).
func (iv *Indicator) ChartOf() string {
	if len(iv.lines) >= 2 {
		if iv.groupRaw != "" {
			return iv.Group
		}
		return ""
	}
	if e := iv.historyEntity; e != nil && e.Ref != "" {
		return e.Name
	}
	return ""
}

// ChartNames are the entities whose lines the line chart draws, as a
// sentence names them ("the Russian Federation"), when they are of no
// named group (ChartOf is then ""); nil for a chart of one series or of a
// group.
//
// A chart split in two (Dwarfed) names its lines even in a group: both
// captions would otherwise read alike ("Gross domestic product, Central
// Asia, 2014 to 2023" twice).
func (iv *Indicator) ChartNames() []string {
	if len(iv.lines) < 2 || (iv.groupRaw != "" && !iv.split) {
		return nil
	}
	out := make([]string, 0, len(iv.lines))
	for _, l := range iv.lines {
		out = append(out, l.entity.Ref)
	}
	return out
}

// ChartNamesL are ChartNames by the entities' names in the brief's
// language, for a caption that lists them («Gross domestic product
// (Russian Federation, Kazakhstan и Tajikistan)»).
func (iv *Indicator) ChartNamesL() []string {
	if len(iv.lines) < 2 || (iv.groupRaw != "" && !iv.split) {
		return nil
	}
	out := make([]string, 0, len(iv.lines))
	for _, l := range iv.lines {
		out = append(out, l.entity.Name)
	}
	return out
}

// plotted are the rows the line chart draws: its lines' (or its one
// series') rows within the chart's window of periods (chart.Windowed),
// so that a caption says the span drawn, not the series' whole history.
func (iv *Indicator) plotted() []*Row {
	var ls [][]*Row
	if len(iv.lines) >= 2 {
		for _, l := range iv.lines {
			ls = append(ls, l.rows)
		}
	} else if len(iv.History) > 0 {
		ls = [][]*Row{iv.History}
	}
	at := func(r *Row) float64 {
		if r.at.IsZero() {
			return 0
		}
		return float64(r.at.Unix()) / 86400
	}
	c := chart.Chart{Kind: chart.Line, Timed: true}
	for _, rows := range ls {
		var pts []chart.Point
		for _, r := range rows {
			pts = append(pts, chart.Point{At: at(r), Value: r.Value})
		}
		c.Series = append(c.Series, chart.Series{Points: pts})
	}
	w := c.Windowed()
	if len(w.Series) != len(ls) {
		return iv.History // not cut: the chart draws them all
	}
	var out []*Row
	for i, rows := range ls {
		kept := w.Series[i].Points
		for _, r := range rows {
			if len(kept) > 0 && kept[0].At == at(r) {
				out = append(out, r)
				kept = kept[1:]
			}
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].at.Before(out[j].at) })
	return out
}

// HistoryFrom and HistoryTo are the first and last periods the line
// chart draws ("2014", "2023").
func (iv *Indicator) HistoryFrom() string {
	p := iv.plotted()
	if len(p) == 0 {
		return ""
	}
	return p[0].Period
}

// HistoryTo is the last period the line chart draws.
func (iv *Indicator) HistoryTo() string {
	p := iv.plotted()
	if len(p) == 0 {
		return ""
	}
	return p[len(p)-1].Period
}

// ShownRanked is how many of the figures a table of the indicator shows
// are the top of its ranking, in order: all of them (len(Shown)) when the
// table is the ranking's top; fewer when the ranking is of one group and
// other members' figures fill the table (a caption then says so rather
// than "the top 10").
func (iv *Indicator) ShownRanked() int {
	n := 0
	for n < len(iv.Shown) && n < len(iv.Ranking) && iv.Shown[n] == iv.Ranking[n] {
		n++
	}
	return n
}

// BarTop is how many members the bar chart shows when it cannot show
// them all (MaxShown), else 0.
func (iv *Indicator) BarTop() int {
	if len(iv.Ranking) > MaxShown {
		return MaxShown
	}
	return 0
}
