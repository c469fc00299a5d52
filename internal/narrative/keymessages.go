package narrative

import (
	"math"
	"sort"
	"strings"

	"github.com/briefhq/brief/internal/facts"
	"github.com/briefhq/brief/internal/format"
	"github.com/briefhq/brief/internal/period"
)

// Key messages weigh what a reader would call the week's stories, not
// which figure comes first: the size of a change, a record, a move shared
// by every member of a ranking, the top of a ranking (with its own change
// when it has one), and the week's dated events. A bare level without a
// change, record or rank says little and comes after an event; a figure
// flagged as unusual (Row.Unusual) is never a key message.

// Weights of the key messages' candidates (see kmScore).
const (
	kmBreadth = 3.2 // every member moved the same way: a regional story
	kmLeader  = 2.0 // the top of a ranking, before its change
	kmEvent   = 2.5 // a dated event of the week (kmWeek included)
	kmQuote   = 2.6 // an attributed statement of the week
	kmWeek    = 1.0 // a figure of this week: news before context
	kmLevel   = 1.0 // a bare level
	kmPlan    = 0.8 // a plan or target
	// kmHeadline lifts the largest amount of money of a topic's
	// unranked figures above an unquantified event (see keyCandidates).
	kmHeadline = 0.1
	// MinBreadth is the fewest series that must move the same way for a
	// "fell in all six" message: two alike is no pattern.
	MinBreadth = 3
	// maxKeyPerIndicator keeps one indicator from filling the box, and
	// maxKeyEvents the events from crowding out the figures.
	maxKeyPerIndicator = 2
	maxKeyEvents       = 4
	// minRecordSpan is the fewest earlier figures a record must beat to
	// be a key message: the highest of three days is no news.
	minRecordSpan = 4
)

// KeyMessages are the lines of the key-messages box, three to five: the
// best candidate of each topic first (so a busy topic does not fill the
// box), then the next best, at most two per indicator and one per family
// of related indicators until every family has had its turn; this week's
// figures lead.
func (b *Brief) KeyMessages() []*Highlight {
	if b.keysDone {
		return b.keys
	}
	return b.keyMessages()
}

// unrepeatKeyEvents marks an event the key messages give (Event.Keyed)
// when the body would say no more than the box (its summary is the key
// message's sentence): Topic.Developments then leaves it out, so that a
// reader is not told the same thing twice. An event whose summary says
// more (a second sentence, or a summary too long for the box, which gives
// its title) stays, and so does the only item of a topic, so that the
// box's label points to a section. Topic.Events keeps every event.
func (b *Brief) unrepeatKeyEvents() {
	for _, h := range b.keys {
		if h.Kind == "latest" && h.Row != nil {
			h.Row.boxed = true
		}
		e := h.Event
		if h.Kind != "event" || e == nil || e.topic == nil || e.Line != sentence(e.Summary) {
			continue
		}
		if t := e.topic; len(t.Events)+len(t.Context) < 2 && !t.HasFigures() {
			continue
		}
		e.Keyed = true
	}
}

// Developments are the topic's events the body lists: Events but those
// the key messages give in full (Event.Keyed).
func (t *Topic) Developments() []*Event {
	var out []*Event
	for _, e := range t.Events {
		if !e.Keyed {
			out = append(out, e)
		}
	}
	return out
}

func (b *Brief) keyMessages() []*Highlight {
	cands := b.keyCandidates()
	// Equal weights go by the catalog's order of topics, the order of
	// the brief's sections; of one speaker's statements only the first
	// stands (the box is not one person's, and the first section's
	// statement is not crowded out by a later section's).
	rank := map[*Topic]int{}
	for i, t := range b.Topics {
		rank[t] = i
	}
	sort.SliceStable(cands, func(i, j int) bool {
		if cands[i].salience != cands[j].salience {
			return cands[i].salience > cands[j].salience
		}
		return rank[cands[i].Topic] < rank[cands[j].Topic]
	})
	first := map[string]*Highlight{}
	for _, h := range cands {
		if who := speaker(h); who != "" && (first[who] == nil || rank[h.Topic] < rank[first[who].Topic]) {
			first[who] = h
		}
	}
	one := cands[:0:0]
	for _, h := range cands {
		if who := speaker(h); who == "" || first[who] == h {
			one = append(one, h)
		}
	}
	cands = one
	// A key message says news: a change, a record, a move shared by
	// all, an event, a figure first published this week. A bare level
	// says none: a non-leader's never ("Kazakhstan's GDP stood at
	// $261 billion"), the top of a ranking only when the box would
	// otherwise have fewer than three lines (bareLeaders, last).
	var bareLeaders []*Highlight
	news := cands[:0:0]
	for _, h := range cands {
		switch bareLevel(h) {
		case bareLeader:
			bareLeaders = append(bareLeaders, h)
		case newsItem:
			news = append(news, h)
		}
	}
	cands = news
	var out []*Highlight
	taken := map[*Highlight]bool{}
	rowTaken := map[*Row]bool{}
	perIndicator := map[*Indicator]int{}
	family := map[string]bool{}
	events := 0
	speakers := map[string]bool{}
	// A move shared by every member says each member's move of that
	// direction: no second key message repeats one of them ("inflation
	// fell in all six" and then "Kazakhstan's inflation fell to 9.9%").
	shared := map[*Indicator]int{}
	for _, h := range cands {
		if h.Kind == "breadth" {
			shared[h.Indicator] = h.Dir
		}
	}
	ok := func(h *Highlight) bool {
		if taken[h] || len(out) >= MaxKeyMessages {
			return false
		}
		if d, has := shared[h.Indicator]; has && h.Kind != "breadth" && h.Kind != "leader" && h.Row != nil && h.Row.Change != nil && h.Row.Change.Dir == d {
			return false
		}
		if h.Kind == "event" && events >= maxKeyEvents {
			return false
		}
		if who := speaker(h); who != "" && speakers[who] {
			return false // one statement per speaker: the box is not one person's
		}
		if h.Row != nil && rowTaken[h.Row] {
			return false
		}
		return h.Indicator == nil || perIndicator[h.Indicator] < maxKeyPerIndicator
	}
	take := func(h *Highlight) {
		out, taken[h] = append(out, h), true
		if h.Kind == "event" {
			events++
		}
		if who := speaker(h); who != "" {
			speakers[who] = true
		}
		if h.Row != nil {
			rowTaken[h.Row] = true
		}
		if h.Indicator != nil {
			perIndicator[h.Indicator]++
			family[h.Indicator.Family] = true
		}
	}
	seenTopic := map[*Topic]bool{}
	for _, h := range cands {
		if h.Topic != nil && !seenTopic[h.Topic] && ok(h) {
			seenTopic[h.Topic] = true
			take(h)
		}
	}
	// A level of money at current prices says little (the largest
	// economy is the largest every year): it earns no line for its
	// family, and fills the box only after what says more, even a third
	// line of one indicator.
	level := func(h *Highlight) bool {
		return h.Indicator != nil && h.Indicator.Nominal() && (h.Kind == "leader" || h.Kind == "latest")
	}
	// A second event of a section only fills a box that would have
	// fewer than three lines: the box prefers fewer lines to a list of
	// one section's developments.
	eventOf := map[*Topic]bool{}
	for _, h := range out {
		if h.Kind == "event" {
			eventOf[h.Topic] = true
		}
	}
	for _, h := range cands {
		if h.salience >= kmEvent && !level(h) && (h.Kind != "event" || !eventOf[h.Topic]) && ok(h) && (h.Indicator == nil || !family[h.Indicator.Family]) {
			eventOf[h.Topic] = eventOf[h.Topic] || h.Kind == "event"
			take(h)
		}
	}
	for _, h := range cands {
		if len(out) < MinKeyMessages && !level(h) && ok(h) {
			take(h)
		}
	}
	for _, h := range cands {
		if len(out) < MinKeyMessages && !level(h) && h.Indicator != nil && perIndicator[h.Indicator] == maxKeyPerIndicator {
			perIndicator[h.Indicator]--
			if ok(h) {
				take(h)
			} else {
				perIndicator[h.Indicator]++
			}
		}
	}
	for _, h := range cands {
		if len(out) < MinKeyMessages && ok(h) {
			take(h)
		}
	}
	for _, h := range bareLeaders {
		if len(out) < MinKeyMessages && ok(h) {
			take(h)
		}
	}
	// This week's news first, then in the order of the brief's sections,
	// so that the box reads as a map of what follows.
	order := map[*Topic]int{}
	for i, t := range b.Topics {
		order[t] = i
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].ThisWeek != out[j].ThisWeek {
			return out[i].ThisWeek
		}
		if oi, oj := order[out[i].Topic], order[out[j].Topic]; oi != oj {
			return oi < oj
		}
		return out[i].salience > out[j].salience
	})
	return out
}

// keyCandidates are every statement a key message could make, each
// weighed by kmScore.
func (b *Brief) keyCandidates() []*Highlight {
	var out []*Highlight
	for _, t := range b.Topics {
		for _, iv := range t.Indicators {
			// Money at current prices moves with prices and exchange
			// rates: its change read out alone is heard as growth
			// ("Russia's economy shrank 11%"), so no key message says
			// one; its level may ("the largest GDP in current dollars").
			nominal := iv.Nominal()
			wide := breadth(t, iv)
			if wide != nil && !nominal {
				out = append(out, wide)
			}
			statements(t, iv, func(h *Highlight) {
				if h.Row == nil || h.Row.Unusual() != "" {
					return
				}
				if nominal && h.Kind == "change" {
					return
				}
				if wide != nil && (h.Kind == "leader" || h.Row == wide.Row) {
					return // the move shared by all says it: "still the highest" would repeat it
				}
				h.ThisWeek = h.Row.ThisWeek
				h.salience = kmScore(h) + boolf(h.ThisWeek, kmWeek)
				if h.Row.Overdue() {
					h.salience -= staleDemotion
				}
				out = append(out, h)
			})
		}
	}
	// The largest amount of money among a topic's unranked figures, in
	// millions or more (a stock or a flow, not a price), is its headline
	// figure ("a portfolio worth $52.9 billion"): it goes
	// before an event of the topic known only by the day it was reported
	// that gives no figure and is no named person's statement (a plant
	// opened: no date, no size), which says less.
	biggest := map[*Topic]*Highlight{}
	for _, h := range out {
		r := h.Row
		if h.Kind != "latest" || r == nil || h.Topic == nil || r.Indicator.Ranked || r.IsPlan() || !format.IsCurrency(r.Fact.Unit) || !format.IsScaled(r.Fact.Value) {
			continue
		}
		if c := biggest[h.Topic]; c == nil || r.Fact.Value > c.Row.Fact.Value {
			biggest[h.Topic] = h
		}
	}
	lifted := map[*Highlight]bool{}
	for _, e := range b.WeekEvents {
		if e.ev == nil || e.ev.Date.Kind != period.Day || e.Upcoming {
			continue // a month's or year's item is background, not the week's news
		}
		s := kmEvent
		if e.Quote && e.KeyLine == e.Line {
			// What a named person said; a claim a sentence attributes
			// to its source ("According to the article, …") is an
			// event like any other.
			s = kmQuote
		} else if h := biggest[b.topicOf(e)]; h != nil && e.Reported && !strings.ContainsAny(e.KeyLine, "0123456789") {
			if !lifted[h] {
				lifted[h] = true
				h.salience = max(h.salience, kmEvent+kmHeadline)
			}
			// The headline says the topic's news: the event without a
			// figure only fills a box that would have fewer than
			// three lines, not a free slot.
			s = kmEvent - kmHeadline
		}
		out = append(out, &Highlight{Kind: "event", Event: e, Topic: b.topicOf(e), ThisWeek: true, salience: s})
	}
	return out
}

// Kinds of bare level (bareLevel).
const (
	newsItem   = iota // not a bare level: news
	bareLeader        // the top of a ranking without its change
	bareOther         // any other level
)

// bareLevel tells a candidate that states a level and nothing else:
// bareLeader for the top of a ranking without its change, bareOther for
// any other level (a ranked member's, or an unranked figure that is
// neither this week's nor the topic's headline), newsItem for news.
func bareLevel(h *Highlight) int {
	switch h.Kind {
	case "leader":
		if !h.WithChange {
			return bareLeader
		}
	case "latest":
		if h.Indicator != nil && h.Indicator.Ranked {
			return bareOther
		}
		if !h.ThisWeek && h.salience < kmEvent {
			return bareOther
		}
	}
	return newsItem
}

// topicOf is the topic an event is reported under.
func (b *Brief) topicOf(e *Event) *Topic {
	if e.topic != nil {
		return e.topic
	}
	for _, t := range b.Topics {
		for _, x := range t.Events {
			if x == e {
				return t
			}
		}
	}
	return nil
}

// kmScore weighs a statement for the key messages by what it says, not by
// when it was released (ThisWeek orders the box instead).
func kmScore(h *Highlight) float64 {
	r := h.Row
	switch h.Kind {
	case "leader":
		s := kmLeader
		if c := r.Change; c != nil && c.Fact != nil && !c.ToZero && !h.Indicator.Nominal() {
			// The top of a ranking that moved: "Russia's GDP fell
			// 10.8% to $2.0 trillion, still the highest of the six".
			h.WithChange = true
			s += c.Fact.Salience - boolf(c.Fact.New, 1)
		}
		return s
	case "change":
		for _, c := range []*Change{r.Change, r.YearAgo} {
			if c != nil && c.Fact != nil {
				return c.Fact.Salience - boolf(c.Fact.New, 1) + 0.3
			}
		}
	case "record":
		if r.RecordSince >= minRecordSpan {
			return 1.8 + 0.5*math.Log10(float64(r.RecordSince))
		}
	case "week":
		if r.Week != nil && r.Week.Fact != nil {
			return r.Week.Fact.Salience - boolf(r.Week.Fact.New, 1)
		}
	}
	if r.IsPlan() {
		return kmPlan
	}
	return kmLevel
}

func boolf(b bool, v float64) float64 {
	if b {
		return v
	}
	return 0
}

// breadth is the statement that every ranked series of an indicator moved
// the same way on its previous figure ("inflation fell in all six
// covered"), told by the largest move; nil when fewer than MinBreadth
// series moved, or they did not all move alike.
func breadth(t *Topic, iv *Indicator) *Highlight {
	if !iv.Ranked || len(iv.Ranking) < MinBreadth {
		return nil
	}
	dir := 0
	var big *Row
	for _, r := range iv.Ranking {
		c := r.Change
		if c == nil || c.Fact == nil || c.Dir == 0 || c.ToZero || r.Fact.Kind != facts.Latest || r.Unusual() != "" {
			return nil
		}
		if dir == 0 {
			dir = c.Dir
		}
		if c.Dir != dir {
			return nil
		}
		if big == nil || math.Abs(c.Fact.Against.Pct*boolf(!c.Points, 1)+c.Fact.Against.Abs*boolf(c.Points, 1)) >
			math.Abs(big.Change.Fact.Against.Pct*boolf(!big.Change.Points, 1)+big.Change.Fact.Against.Abs*boolf(big.Change.Points, 1)) {
			big = r
		}
	}
	return &Highlight{Kind: "breadth", Topic: t, Indicator: iv, Row: big, Rows: iv.Ranking, Dir: dir,
		ThisWeek: big.ThisWeek, salience: kmBreadth + boolf(big.ThisWeek, kmWeek)}
}

// All is how the breadth statement counts its members: "all six", "both".
func (h *Highlight) All() string {
	return en("key.all", "n", format.SmallNumber(len(h.Rows)))
}

// Moved is the change as a key message's verb: "rose 10.8%", "fell
// 10.8%", "rose 2.1-fold"; "" when the figures print alike (a key
// message then keeps the fact's order).
func (c *Change) Moved() string {
	up, down := en("change.up"), en("change.down")
	switch {
	case strings.HasPrefix(c.Short, up):
		return en("key.rose", "size", strings.TrimPrefix(c.Short, up))
	case strings.HasPrefix(c.Short, down):
		return en("key.fell", "size", strings.TrimPrefix(c.Short, down))
	}
	return ""
}

// Size is the change without its direction: "10.8%", "2.1-fold".
func (c *Change) Size() string {
	return strings.TrimPrefix(strings.TrimPrefix(c.Short, en("change.up")), en("change.down"))
}

// Crossed reports whether the figure is said by a sign word that names
// it ("deflation of 3.3%") and the earlier figure lay on the other side
// of zero: "after 11.0% in 2022", never "down from 11.0%", which would
// compare a fall in prices with a rise as if they were one thing.
func (c *Change) Crossed() bool {
	if c.row == nil || c.Fact == nil || c.Fact.Against == nil || !c.row.SignNames() {
		return false
	}
	return (c.Fact.Value < 0) != (c.Fact.Against.Value < 0)
}

// fromWord is the indicator's sign word for the earlier figure
// ("deflation" below zero, "surplus" above), or "".
func (c *Change) fromWord() string {
	if c.row == nil || c.row.Indicator == nil || c.Fact == nil || c.Fact.Against == nil {
		return ""
	}
	switch v := c.Fact.Against.Value; {
	case v < 0:
		return c.row.Indicator.Negative
	case v > 0:
		return c.row.Indicator.Positive
	}
	return ""
}

// Signed reports whether the figure or the earlier one is said by a sign
// word: the change is then told by what each figure was ("after deflation
// of 0.1% in 2019"), never as "up from -5.7%" or "down from -0.1%", which
// print a bare negative and read a deepening deflation as a fall.
func (c *Change) Signed() bool {
	return c.row != nil && (c.row.SignWord() != "" || c.fromWord() != "")
}

// FromSigned is the earlier figure with its sign word when it has one
// ("deflation of 0.1%", "a deficit of $1.0 billion"), else FromBare.
func (c *Change) FromSigned() string {
	w := c.fromWord()
	if w == "" {
		return c.FromBare()
	}
	fig := strings.TrimPrefix(strings.TrimPrefix(c.From, "-"), format.MinusSign)
	if c.row.Indicator.words != nil && c.row.Indicator.words.uncountable[strings.ToLower(w)] {
		return en("sign.of_uncountable", "word", w, "figure", fig)
	}
	return en("sign.of", "word", w, "figure", fig)
}

// FromSaid is the earlier figure as a sentence about this one says it:
// FromSigned, and an earlier figure on the other side of zero without a
// word of its own by the indicator's phrase, so that the two are told
// apart: "deflation of 26.7% in 2014, after GDP-deflator inflation of
// 36.5% in 2013", never "after 36.5%" (which reads as deflation too).
func (c *Change) FromSaid() string {
	if c.fromWord() == "" && c.Crossed() && c.row.Indicator.Phrase != "" {
		return en("sign.of_uncountable", "word", c.row.Indicator.Phrase, "figure", c.From)
	}
	return c.FromSigned()
}

// RankedCount is how many figures the ranking has, in words when small:
// "64.7% of the total for all four".
func (iv *Indicator) RankedCount() string { return format.SmallNumber(len(iv.Ranking)) }

// Breadth is the statement that every ranked series moved the same way
// (see breadth), for the ranking's own paragraph; nil when they did not.
func (iv *Indicator) Breadth() *Highlight { return breadth(nil, iv) }

// speaker is who an attributed statement is by, as its source names it
// ("Dauren Abayev, Kazakhstan's Ambassador to Russia, as quoted in …"):
// two statements with one source are one person's; "" for anything but a
// named person's statement (a claim a sentence attributes to its source,
// "According to the article, …", is reattributed: KeyLine differs).
func speaker(h *Highlight) string {
	if h.Kind != "event" || h.Event == nil || !h.Event.Quote || h.Event.KeyLine != h.Event.Line || h.Event.ev == nil {
		return ""
	}
	return strings.TrimSpace(h.Event.ev.Source)
}

// KeyLabels reports whether the key messages open with the name of their
// section: not when every one would carry the same label ("Economy:"
// three times says nothing a reader needs).
func (b *Brief) KeyLabels() bool {
	var first *Topic
	for i, h := range b.KeyMessages() {
		if i == 0 {
			first = h.Topic
		} else if h.Topic != first {
			return true
		}
	}
	return false
}

// Nominal reports whether the indicator's figures are money at current
// prices (the facts' Nominal: the catalog's prices, or a money unit with
// words saying current prices): its changes and records move with prices
// and exchange rates, not with volumes alone.
func (iv *Indicator) Nominal() bool {
	for _, r := range iv.Rows {
		if r.Fact != nil && r.Fact.Nominal {
			return true
		}
	}
	return false
}

// RoutineRecords reports whether the indicator's records say little:
// money at current prices (Nominal) with most of its ranked members at a
// record of the same side at once (115 economies at a dollar high is
// inflation and exchange rates, not 115 stories). Such a record is then
// no key message and no press point; the body still says it.
func (iv *Indicator) RoutineRecords() bool {
	if !iv.Nominal() || len(iv.Ranking) < MinBreadth {
		return false
	}
	n := map[string]int{}
	for _, r := range iv.Ranking {
		if r.Record != "" {
			n[r.Record]++
		}
	}
	most := 0
	for _, c := range n {
		most = max(most, c)
	}
	return 2*most > len(iv.Ranking)
}

// NominalChanged are the indicators of money at current prices whose
// change or record the brief's body says (among the rows it shows,
// Indicator.Shown: not a withheld doubtful figure, not one beyond a top
// 10): the summary says once that those move with prices and exchange
// rates. The points sheet says it of its own points (Points.Nominal).
func (b *Brief) NominalChanged() []*Indicator {
	var out []*Indicator
	for _, t := range b.Topics {
		for _, iv := range t.Indicators {
			if !iv.Nominal() {
				continue
			}
			for _, r := range iv.Shown {
				if r.Change != nil || r.YearAgo != nil || r.Record != "" {
					out = append(out, iv)
					break
				}
			}
		}
	}
	return out
}

// nameCoveredSet names, once in the summary (Brief.Covered), the set
// every ranking of the brief is of when it is one set of the entities
// the data cover (no named group): "of the six covered" said four times
// becomes "of the six" after the summary has said which six.
func (b *Brief) nameCoveredSet() {
	var set []*Row
	var ivs []*Indicator
	same := func(a, c []*Row) bool {
		if len(a) != len(c) {
			return false
		}
		in := map[string]bool{}
		for _, r := range a {
			in[r.Fact.Entity] = true
		}
		for _, r := range c {
			if !in[r.Fact.Entity] {
				return false
			}
		}
		return true
	}
	for _, t := range b.Topics {
		for _, iv := range t.Indicators {
			if !iv.Ranked {
				continue
			}
			if !iv.covered {
				return // a ranking of another set: each says its own
			}
			if set != nil && !same(set, iv.Ranking) {
				return
			}
			if set == nil {
				set = iv.Ranking
			}
			ivs = append(ivs, iv)
		}
	}
	if len(ivs) == 0 {
		return
	}
	names := make([]string, 0, len(set))
	// The set in the order of its first ranking.
	for _, r := range set {
		names = append(names, r.Entity.Ref)
	}
	b.Covered = names
	for _, iv := range ivs {
		iv.SetNamed = true
		iv.InGroup = en("group.of_set", "n", format.SmallNumber(len(iv.Ranking)))
	}
}

// CoveredCount is how many entities Covered names, in words when small:
// "six".
func (b *Brief) CoveredCount() string { return format.SmallNumber(len(b.Covered)) }

// Who names the event's entities, as a sentence names them ("Aland",
// "Aland and Borduria"), when its text names none of them: a
// development printed without saying whom it concerns ("A trade fair
// opened.") leaves the reader to guess. "" when the text names one of
// them, or the event gives none.
func (e *Event) Who() string {
	if e == nil || e.ev == nil || len(e.Entities) == 0 {
		return ""
	}
	text := e.ev.Title + " " + e.ev.Summary + " " + e.Line + " " + e.KeyLine
	var names []string
	for _, en := range e.Entities {
		for _, n := range []string{en.raw, en.Name, en.Short, en.Ref} {
			if n != "" && strings.Contains(text, n) {
				return ""
			}
		}
		if en.Name != "" {
			names = append(names, en.Name)
		}
	}
	if len(names) == 0 {
		return ""
	}
	return English().Join(names)
}
