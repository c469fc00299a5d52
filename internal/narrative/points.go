package narrative

import (
	"bytes"
	"context"
	"fmt"
	"math"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/briefhq/brief/internal/facts"
	"github.com/briefhq/brief/internal/format"
)

// Talking points: short, quotable statements chosen by salience, one
// figure each where possible, grouped by topic. The wording is the
// templates' ("point" block of the points kind); the choice is made here.

// MaxPointWords bounds a point: longer ones are left out.
const MaxPointWords = 40

// MaxSayWords is how long a sentence a person can say in one breath may
// be: a talking point aims at it, and an event's summary longer than it
// is said by its title.
const MaxSayWords = 30

// MaxPointsPerIndicator keeps one busy indicator from crowding out the
// rest: a press office wants the range of the week.
const MaxPointsPerIndicator = 3

// MaxPointsPerFamily bounds the points of a family of related indicators
// (the catalog's family: four counts of one project portfolio are one
// story).
const MaxPointsPerFamily = 2

// Point is one candidate talking point.
type Point struct {
	Kind      string // leader, change, record, week, latest, outlook, revision, event
	Topic     *Topic
	Indicator *Indicator
	Row       *Row
	Event     *Event
	Revision  *Revision
	Press     bool // written for the press: plain words, rounded figures
	salience  float64
	words     int
	// Also is a second count said in the same press point: one family,
	// one subject, counterpart and period ("Kazakhstan has completed 99
	// joint industrial projects with Russia and has 45 under way").
	Also *Row
	// must: on the internal sheet whatever the caps (a topic's largest
	// amount, a figure not for public use); Trim keeps it too.
	must bool
}

// PointGroup is the points of one topic.
type PointGroup struct {
	Topic  *Topic
	Points []*Point
}

// Points is what the points templates see besides the brief.
type Points struct {
	Audience string // press | internal
	Groups   []*PointGroup
	Count    int
	// Skipped counts candidates left out for length or by --max.
	Skipped int
}

// PointOptions choose the points.
type PointOptions struct {
	Audience string // press (default) or internal
	Max      int    // default 10
}

// candidates lists every statement worth making, most salient first; at
// most one per series and one per event.
func candidates(b *Brief, press bool) []*Point {
	var out []*Point
	for _, t := range b.Topics {
		for _, iv := range t.Indicators {
			// A change of money at current prices is no point: read out
			// alone it is heard as growth (see keyCandidates); the
			// leader's point says its level.
			nominal := iv.Nominal()
			if l := iv.Leader(); l != nil {
				// The leader's point stands for its row's other stories
				// too (its change, its record), which make no point of
				// their own: it is at least as salient as they are, so a
				// ranking's runners-up never crowd out its leader (the
				// brief leads with Zimbabwe's 921.5%: so do the points).
				sal := l.Fact.Salience
				if l.Record != "" {
					sal = math.Max(sal, 2.5+boost(l))
				}
				for _, c := range []*Change{l.Change, l.YearAgo} {
					if c != nil && !nominal {
						sal = math.Max(sal, c.Fact.Salience+boost(l))
					}
				}
				if l.Week != nil {
					sal = math.Max(sal, l.Week.Fact.Salience+boost(l))
				}
				out = append(out, &Point{Kind: "leader", Topic: t, Indicator: iv, Row: l, salience: sal + 1.2})
			}
			for _, r := range iv.Rows {
				if iv.Leader() == r || r.Fact.Kind != facts.Latest {
					continue // a ranking's earlier figure: the series' latest makes its own point
				}
				p := &Point{Kind: "latest", Topic: t, Indicator: iv, Row: r, salience: r.Fact.Salience}
				switch {
				case r.Week != nil && r.Week.Fact.Salience+boost(r) > p.salience:
					p.Kind, p.salience = "week", r.Week.Fact.Salience+boost(r)
				case r.Record != "" && !iv.RoutineRecords():
					p.Kind, p.salience = "record", 2.5+boost(r)
				case nominal:
				case r.Change != nil && r.Change.Fact.Salience+boost(r) > p.salience:
					p.Kind, p.salience = "change", r.Change.Fact.Salience+boost(r)
				case r.YearAgo != nil && r.YearAgo.Fact.Salience+boost(r) > p.salience:
					p.Kind, p.salience = "change", r.YearAgo.Fact.Salience+boost(r)
				}
				if r.Rank > 1 && r.Of > 1 {
					p.salience -= 0.5 // a runner-up is said in the leader's point
				}
				out = append(out, p)
				if r.Outlook != nil {
					out = append(out, &Point{Kind: "outlook", Topic: t, Indicator: iv, Row: r, salience: r.Outlook.Fact.Salience})
				}
			}
		}
	}
	topicOf := map[string]*Topic{}
	for _, t := range b.Topics {
		topicOf[t.ID] = t
	}
	for _, e := range b.WeekEvents {
		t := topicOf[e.Topic]
		if t == nil && len(b.Topics) > 0 {
			t = b.Topics[0]
		}
		sal := 2.8
		if e.Quote {
			sal += 1 // what a named person said is the week's news in their words
		}
		out = append(out, &Point{Kind: "event", Topic: t, Event: e, salience: sal})
	}
	if b.Changes != nil {
		for _, rv := range b.Changes.Revised {
			out = append(out, &Point{Kind: "revision", Topic: topicOfIndicator(b, rv.Indicator), Indicator: rv.Indicator, Revision: rv, salience: 3.5})
		}
	}
	// A figure to check before repeating it (Row.Unusual) is no press
	// point; the internal sheet keeps it with its caveat. A press point is one the brief supports: a figure
	// the brief leaves out of its lists and tables (beyond a top 10) is
	// none, so a journalist's follow-up can be answered from the brief.
	kept := out[:0]
	for _, p := range out {
		if press && p.Row != nil && p.Row.Unusual() != "" {
			continue
		}
		if press && p.Row != nil && p.Indicator != nil && p.Indicator.Hidden > 0 && !inRows(p.Indicator.Shown, p.Row) && p.Indicator.Leader() != p.Row {
			continue
		}
		kept = append(kept, p)
	}
	out = kept
	for _, p := range out {
		p.Press = press
		if p.Row != nil && p.Row.Overdue() {
			// A series whose next figure is overdue (Eritrea's GDP of
			// 2011) is old news: it comes after every current one.
			p.salience -= staleDemotion
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].salience > out[j].salience })
	return out
}

// isHeadline reports whether a point gives a topic's amount of money of
// millions or more among its unranked figures, a stock or flow, not a
// price (as keyCandidates lifts it): a candidate for the topic's largest.
func isHeadline(p *Point) bool {
	r := p.Row
	return r != nil && p.Kind == "latest" && r.Fact.Kind == facts.Latest && !r.Indicator.Ranked && !r.IsPlan() &&
		format.IsCurrency(r.Fact.Unit) && format.IsScaled(r.Fact.Value) && r.Unusual() == ""
}

// pairWith is the chosen press point a count joins (Point.Also): both
// plain figures (no change, record or plan) of counts of one family of
// indicators, one entity, counterpart and period; nil when none.
func pairWith(p *Point, chosen []*Point) *Point {
	plain := func(x *Point) bool {
		r := x.Row
		return x.Press && x.Kind == "latest" && r != nil && x.Indicator != nil && x.Indicator.Counts && x.Indicator.Family != "" &&
			r.Entity.ID != "" && !r.IsPlan() && r.Unusual() == "" && r.Outlook == nil && x.Indicator.Verb != ""
	}
	if !plain(p) {
		return nil
	}
	for _, q := range chosen {
		if q.Also == nil && plain(q) && q.Indicator != p.Indicator && q.Indicator.Family == p.Indicator.Family &&
			q.Row.Entity.ID == p.Row.Entity.ID && sameEntity(q.Row.Counterpart, p.Row.Counterpart) && q.Row.Period == p.Row.Period {
			return q
		}
	}
	return nil
}

// CountedAfter is the row's count said after another count of the same
// things in one sentence: the noun they share is not repeated ("45 under
// way" after "99 joint industrial projects"). Press asks for the press's
// figure.
func (r *Row) CountedAfter(prev *Row, press bool) string {
	s := r.Counted()
	if press {
		s = r.PressCounted()
	}
	n, rest, ok := strings.Cut(s, " ")
	if noun := prev.Indicator.Noun; ok && noun != "" && strings.HasPrefix(rest, noun+" ") {
		return n + " " + strings.TrimPrefix(rest, noun+" ")
	}
	return s
}

// staleDemotion puts points on overdue series below every current one.
const staleDemotion = 10

func topicOfIndicator(b *Brief, iv *Indicator) *Topic {
	for _, t := range b.Topics {
		for _, x := range t.Indicators {
			if x == iv {
				return t
			}
		}
	}
	return nil
}

// byTopicFirst orders candidates (most salient first) so that each
// topic's best comes first, in order of salience, then the rest as they
// were.
func byTopicFirst(cands []*Point) []*Point {
	out := make([]*Point, 0, len(cands))
	first := map[*Topic]bool{}
	var rest []*Point
	for _, p := range cands {
		if !first[p.Topic] {
			first[p.Topic] = true
			out = append(out, p)
			continue
		}
		rest = append(rest, p)
	}
	return append(out, rest...)
}

// sameStory reports whether an event tells what a chosen figure of its
// topic already tells: its title shares two words of substance with the
// figure's indicator ("Inter RAO to build three thermal power plants"
// beside the plants planned).
func sameStory(e *Event, chosen []*Point) bool {
	for _, p := range chosen {
		if p.Indicator == nil || p.Topic == nil || p.Topic.ID != e.Topic {
			continue
		}
		have := map[string]bool{}
		for _, t := range tokens(p.Indicator.raw + " " + p.Indicator.Noun) {
			if len(t) > 3 {
				have[stem(t)] = true
			}
		}
		n := 0
		for _, t := range tokens(e.Title) {
			if len(t) > 3 && have[stem(t)] {
				n++
			}
		}
		if n >= 2 {
			return true
		}
	}
	return false
}

// words counts the words of rendered Markdown, not its footnote markers.
func words(s string) int {
	n := 0
	for _, w := range strings.Fields(s) {
		if strings.HasPrefix(w, "[^") {
			continue
		}
		n++
	}
	return n
}

// choosePoints renders each candidate's text with a scratch state (so
// left-out points cite nothing), keeps those short enough, at most max,
// then groups them by topic in catalog order.
func (k *Kind) choosePoints(m *meter, b *Brief, o PointOptions) (*Points, error) {
	press := o.Audience != "internal"
	pts := &Points{Audience: "press"}
	if !press {
		pts.Audience = "internal"
	}
	if o.Max <= 0 {
		o.Max = 10
	}
	r, err := k.renderer(newState(b), m)
	if err != nil {
		return nil, err
	}
	defer k.release(r)
	if r.t.Lookup("point") == nil {
		return nil, &TemplateError{File: k.Dir, Msg: `no {{define "point"}} block: a points kind must define how a point reads`}
	}
	var chosen []*Point
	seenText := map[string]bool{}
	perIndicator := map[*Indicator]int{}
	perFamily := map[string]int{}
	series := map[facts.SeriesKey]bool{} // the series with a point
	key := func(r *Row) facts.SeriesKey {
		return facts.SeriesKey{Indicator: r.Fact.Indicator, Entity: r.Fact.Entity, Counterpart: r.Fact.Counterpart}
	}
	familySize := map[string]int{}
	for _, t := range b.Topics {
		for _, iv := range t.Indicators {
			familySize[iv.Family]++
		}
	}
	// Every topic first, then the most salient of the rest: the points
	// cover the week, not one busy indicator.
	cands := byTopicFirst(candidates(b, press))
	// The internal sheet carries each topic's largest amount (a
	// portfolio's value), whatever the caps: the spokesperson is asked
	// "out of how many?" and "worth how much?"; and every figure not for
	// public use (Row.Doubt), which the spokesperson must know of.
	headline := map[*Point]bool{}
	musts := 0
	if !press {
		best := map[*Topic]*Point{}
		for _, p := range cands {
			if isHeadline(p) && (best[p.Topic] == nil || p.Row.Fact.Value > best[p.Topic].Row.Fact.Value) {
				best[p.Topic] = p
			}
		}
		var front, rest []*Point
		for _, p := range cands {
			if best[p.Topic] == p || p.Row != nil && p.Row.Doubt() != "" {
				headline[p] = true
				front = append(front, p)
			} else {
				rest = append(rest, p)
			}
		}
		cands = append(front, rest...)
	}
	err = r.run(func() error {
		for _, p := range cands {
			iv := p.Indicator
			if iv != nil && !headline[p] && (perIndicator[iv] >= MaxPointsPerIndicator || familySize[iv.Family] > 1 && perFamily[iv.Family] >= MaxPointsPerFamily) {
				pts.Skipped++
				continue
			}
			if p.Row != nil && series[key(p.Row)] {
				pts.Skipped++ // one point per series
				continue
			}
			if q := pairWith(p, chosen); q != nil {
				q.Also = p.Row // said in q's point: no point of its own
				series[key(p.Row)] = true
				perIndicator[iv]++
				continue
			}
			if p.Event != nil && sameStory(p.Event, chosen) {
				pts.Skipped++ // an event a figure of its topic has told
				continue
			}
			var buf bytes.Buffer
			// As for a section: a full output or a run out of time is
			// reported by the next check, which text/template locates.
			lw := &limitWriter{w: &buf, n: MaxOutput, m: m, soft: true}
			m.full = false
			if err := r.t.ExecuteTemplate(lw, "point", p); err != nil {
				return k.locate(err, "")
			}
			if lw.exceeded {
				return &TemplateError{File: k.Dir, Msg: fmt.Sprintf("a point is larger than %d MB: does a loop never end?", MaxOutput>>20), Err: ErrBudget}
			}
			text := strings.TrimSpace(buf.String())
			p.words = words(text)
			for _, n := range p.Notes() {
				p.words -= words(n) // the data's notes are context, not the sentence said
			}
			if text == "" || p.words > MaxPointWords || seenText[text] || len(chosen) >= o.Max {
				// --max is a cap on every point, headlines included (a
				// blind review: the internal points wrote 12 under the
				// default 10, 7 under --max 5); headlines come first
				pts.Skipped++
				continue
			}
			seenText[text] = true
			chosen = append(chosen, p)
			if headline[p] {
				p.must = true
				musts++
			}
			if iv != nil {
				perIndicator[iv]++
				if !headline[p] {
					perFamily[iv.Family]++ // the amount is context, not one of the family's stories
				}
			}
			if p.Row != nil {
				series[key(p.Row)] = true
			}
			if !press && isHeadline(p) {
				// The counts its notes give ("99 of the 171 projects as
				// completed") have no point of their own.
				for _, m := range saidIn(p.Notes(), familyMates(p.Topic, p.Row)) {
					series[key(m)] = true
				}
			}
			if !press && p.Kind == "leader" {
				// The internal leader point names its runner-up: no
				// point of its own.
				if g := p.Indicator.Runner(); g != nil {
					for _, r := range g.Rows {
						series[key(r)] = true
					}
				}
			}
		}
		return nil
	})
	if err != nil {
		return nil, k.locate(err, "")
	}
	byTopic := map[*Topic]*PointGroup{}
	for _, t := range b.Topics {
		byTopic[t] = &PointGroup{Topic: t}
	}
	for _, p := range chosen {
		if g := byTopic[p.Topic]; g != nil {
			g.Points = append(g.Points, p)
		}
	}
	for _, t := range b.Topics {
		if g := byTopic[t]; len(g.Points) > 0 {
			pts.Groups = append(pts.Groups, g)
			pts.Count += len(g.Points)
		}
	}
	return pts, nil
}

// RenderPoints renders a points kind: the sections of its manifest with
// the chosen points in .Points.
func (k *Kind) RenderPoints(b *Brief, o PointOptions) (*Document, *Points, error) {
	return k.RenderPointsContext(context.Background(), b, o)
}

// RenderPointsContext is RenderPoints within k.Budget (choosing and
// rendering the points share it) that stops when ctx is cancelled.
func (k *Kind) RenderPointsContext(ctx context.Context, b *Brief, o PointOptions) (*Document, *Points, error) {
	m := newMeter(ctx, k.Budget)
	defer m.close()
	pts, err := k.choosePoints(m, b, o)
	if err != nil {
		return nil, nil, err
	}
	doc, err := k.render(m, b, pts)
	return doc, pts, err
}

// Trim keeps the n most salient points (for a one-page PDF).
func (p *Points) Trim(n int) *Points {
	var all []*Point
	for _, g := range p.Groups {
		all = append(all, g.Points...)
	}
	if n >= len(all) {
		return p
	}
	sort.SliceStable(all, func(i, j int) bool { return all[i].salience > all[j].salience })
	// What the sheet must carry first, then the best of each topic (a
	// page that drops a topic no longer covers the week), then the most
	// salient of the rest.
	keep := map[*Point]bool{}
	covered := map[*Topic]bool{}
	add := func(x *Point) {
		if len(keep) < n && !keep[x] {
			keep[x], covered[x.Topic] = true, true
		}
	}
	for _, x := range all {
		if x.must {
			add(x)
		}
	}
	for _, x := range all {
		if !covered[x.Topic] {
			add(x)
		}
	}
	for _, x := range all {
		add(x)
	}
	out := &Points{Audience: p.Audience, Skipped: p.Skipped + len(all) - n}
	for _, g := range p.Groups {
		ng := &PointGroup{Topic: g.Topic}
		for _, x := range g.Points {
			if keep[x] {
				ng.Points = append(ng.Points, x)
			}
		}
		if len(ng.Points) > 0 {
			out.Groups = append(out.Groups, ng)
			out.Count += len(ng.Points)
		}
	}
	return out
}

// RenderWith renders the kind with given points (after Trim).
func (k *Kind) RenderWith(b *Brief, pts *Points) (*Document, error) {
	return k.RenderWithContext(context.Background(), b, pts)
}

// RenderWithContext is RenderWith within k.Budget that stops when ctx is
// cancelled.
func (k *Kind) RenderWithContext(ctx context.Context, b *Brief, pts *Points) (*Document, error) {
	m := newMeter(ctx, k.Budget)
	defer m.close()
	return k.render(m, b, pts)
}

// PressText is a row's figure for the press (format.PressDecimals): two
// significant digits from 1,000 up, with "about" when rounding changed
// it, and what the source says of it ("about" for an approximate figure,
// "an estimated ..."), never both "about"s.
func (r *Row) PressText() string {
	s := valueMD(r.Value, r.Fact.Unit, r.label, format.PressDecimals(r.decimals))
	switch q := qualifier(r.Fact); {
	case q == "", q == en("qualifier.about") && strings.HasPrefix(s, en("about")):
	case q == en("qualifier.about"):
		s = q + " " + s
	default:
		s = q + " " + strings.TrimPrefix(s, en("about")) // "an estimated $28 billion"
	}
	for _, sfx := range suffixes {
		if strings.HasSuffix(r.Text, sfx) {
			s += sfx // "so far", "to date": what the figure is a total of
			break
		}
	}
	return s
}

// PressWeek is the row's week (Week) with its figures for the press, by
// the rule of PressText: "rose by about 13,000 cases over the week to
// about 7.2 million cases". Cite Week, which keeps the exact figures.
func (r *Row) PressWeek() *WeekFig {
	if r.Week == nil || r.Week.Fact == nil {
		return r.Week
	}
	press := *r
	press.decimals = format.PressDecimals(r.decimals)
	year := r.Week.Fact.Period.End.Year()
	if w := r.Week.Fact.Week; w != nil {
		year = w.Period.End.Year()
	}
	var rng *facts.Fact
	if r.Week.Range != nil {
		rng = r.Week.Range.Fact
	}
	return weekFig(r.Week.Fact, rng, &press, year)
}

// PressText is a change for the press: a percent change to one decimal,
// as in the brief ("up 4.2%", "up 23.0%"); a change in percentage points
// as exact as the figures ("down 0.5 percentage points"), since rounding
// it to a whole point would change it.
func (c *Change) PressText() string {
	if c.Fact == nil || c.Fact.Against == nil {
		return c.Text
	}
	cur, prev := c.Fact.Value, c.Fact.Against.Value
	if format.IsPercent(c.Fact.Unit) {
		return c.Text
	}
	// One precision for every percent change, as in the brief: "up 2.0%"
	// beside "up 1.3%", never "up 2%".
	places := 1
	// An absolute change (from a base of zero or below) is a figure like
	// any other: "up about $4.2 billion".
	return changeText(cur, prev, c.Fact.Unit, c.label, format.PressDecimals(-1), places, en("at.on")+c.Label) + c.Caveat
}

// Nominal are the indicators of money at current prices of which a chosen
// point says a change or a record (a change, record or week point): the
// sheet says once that those move with prices and exchange rates, and
// only then. A leader's or a plain figure's point of such money says its
// level, which needs no caveat.
func (p *Points) Nominal() []*Indicator {
	var out []*Indicator
	seen := map[*Indicator]bool{}
	for _, g := range p.Groups {
		for _, x := range g.Points {
			if x.Row == nil || x.Indicator == nil || seen[x.Indicator] || !x.Indicator.Nominal() {
				continue
			}
			switch x.Kind {
			case "change", "record", "week":
				seen[x.Indicator] = true
				out = append(out, x.Indicator)
			}
		}
	}
	return out
}

// Overdue are the chosen points whose figure is the latest of a series
// whose next figure is overdue: the page says so once for them all,
// not once a point.
func (p *Points) Overdue() []*Point {
	var out []*Point
	for _, g := range p.Groups {
		for _, x := range g.Points {
			if x.Row != nil && x.Kind != "outlook" && x.Row.Overdue() {
				out = append(out, x)
			}
		}
	}
	return out
}

// OverdueCount is how many chosen points are of overdue series, in words
// when small: "four".
func (p *Points) OverdueCount() string { return format.SmallNumber(len(p.Overdue())) }

// Notes are the data's own notes an internal point carries with its
// figure (a press point carries none): the row's note when it adds
// something (NoteAdds) or gives a figure the point does not ("Total value
// of the 171 projects."), and, on a topic's headline amount (a
// portfolio's value), the notes of the counts of its family, subject and
// period ("… it does not describe the other 27"), which the
// spokesperson needs when asked what the amount is of. A count whose
// note its headline carries does not repeat it.
func (p *Point) Notes() []string {
	r := p.Row
	if p.Press || r == nil || r.Unusual() != "" {
		return nil
	}
	var mates []string
	if isHeadline(p) {
		// Of a count's note, the sentences with a figure: the counts the
		// amount is of, not the count's description (the sheet fits a
		// page).
		for _, m := range familyMates(p.Topic, r) {
			if m.Unusual() != "" || !m.noteSays() {
				continue
			}
			for _, s := range noteSentences(m.Note) {
				if strings.ContainsAny(s, "0123456789") {
					mates = append(mates, s)
				}
			}
		}
	}
	var out []string
	if r.noteSays() && (isHeadline(p) || headlineOf(p.Topic, r) == nil) && !numbersIn(r.Note, mates) {
		out = append(out, r.Note)
	}
	return append(out, mates...)
}

// noteSentence ends a sentence of a note: its stop and the space after.
var noteSentence = regexp.MustCompile(`[.!?]\s+`)

// noteSentences are the sentences of a note, each with its stop.
func noteSentences(note string) []string {
	var out []string
	last := 0
	for _, m := range noteSentence.FindAllStringIndex(note, -1) {
		out = append(out, strings.TrimSpace(note[last:m[1]]))
		last = m[1]
	}
	if rest := strings.TrimSpace(note[last:]); rest != "" {
		out = append(out, rest)
	}
	return out
}

// numbersIn reports whether every number of note is in one of others
// (and note has one): "Total value of the 171 projects." says nothing
// "The article gives 99 of the 171 projects …" does not.
func numbersIn(note string, others []string) bool {
	n := 0
	for _, t := range tokens(note) {
		if t[0] < '0' || t[0] > '9' {
			continue
		}
		n++
		found := false
		for _, o := range others {
			for _, u := range tokens(o) {
				found = found || u == t
			}
		}
		if !found {
			return false
		}
	}
	return n > 0
}

// noteSays reports whether the row's note says something its figure does
// not: NoteAdds, or a number the figure's text lacks.
func (r *Row) noteSays() bool {
	if r.Note == "" || r.Fact == nil {
		return false
	}
	if r.NoteAdds() {
		return true
	}
	own := map[string]bool{}
	for _, t := range tokens(r.Text + " " + r.Period) {
		own[t] = true
	}
	for _, t := range tokens(r.Fact.Note) {
		if t[0] >= '0' && t[0] <= '9' && !own[t] {
			return true
		}
	}
	return false
}

// familyMates are the latest figures of the topic of r's family (not
// empty), entity, counterpart and period, r excepted, in catalog order.
func familyMates(t *Topic, r *Row) []*Row {
	if t == nil || r.Indicator == nil || r.Indicator.Family == "" {
		return nil
	}
	var out []*Row
	for _, iv := range t.Indicators {
		if iv == r.Indicator || iv.Family != r.Indicator.Family {
			continue
		}
		for _, m := range iv.Rows {
			if m.Fact.Kind == facts.Latest && m.Entity.ID == r.Entity.ID && sameEntity(m.Counterpart, r.Counterpart) && m.Period == r.Period {
				out = append(out, m)
			}
		}
	}
	return out
}

// headlineOf is the headline amount among r's family mates (see
// isHeadline), whose internal point carries r's note; nil when none.
func headlineOf(t *Topic, r *Row) *Row {
	for _, m := range familyMates(t, r) {
		if isHeadline(&Point{Kind: "latest", Row: m}) {
			return m
		}
	}
	return nil
}

// saidIn are the rows whose figure (a whole number, as the data give it)
// is a number of the notes.
func saidIn(notes []string, rows []*Row) []*Row {
	nums := map[string]bool{}
	for _, n := range notes {
		for _, t := range tokens(n) {
			nums[t] = true
		}
	}
	var out []*Row
	for _, r := range rows {
		if v := r.Fact.Value; v == math.Trunc(v) && math.Abs(v) < 1e15 && nums[strconv.FormatFloat(math.Abs(v), 'f', 0, 64)] {
			out = append(out, r)
		}
	}
	return out
}
