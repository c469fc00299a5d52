package narrative

import (
	"sort"
	"strings"

	"github.com/briefhq/brief/internal/format"
	"github.com/briefhq/brief/internal/period"

	"github.com/briefhq/brief/internal/facts"
)

// highlights picks the summary's statements: the most salient fact of each
// indicator, one topic at a time first so that a busy topic does not fill
// the summary, then the next most salient. Ties keep catalog order.
func highlights(b *Brief, limit int) []*Highlight {
	var cands []*Highlight
	for _, t := range b.Topics {
		for _, iv := range t.Indicators {
			var best *Highlight
			consider := func(h *Highlight) {
				if h.Row != nil && h.Row.Doubt() != "" {
					return // left out of the brief (Brief.NotUsed)
				}
				if best == nil || h.salience > best.salience {
					best = h
				}
			}
			statements(t, iv, consider)
			if best != nil {
				best.ThisWeek = best.Row.ThisWeek
				if best.Row.Overdue() {
					best.salience -= staleDemotion // old news comes after every current figure
				}
				cands = append(cands, best)
			}
		}
	}
	return pickHighlights(cands, limit)
}

// statements offers consider every statement the summary could make of
// an indicator's rows.
func statements(t *Topic, iv *Indicator, consider func(*Highlight)) {
	for i, r := range iv.Rows {
		if iv.Ranked && i == 0 {
			lead := r.Fact.Salience + 1
			if iv.Cumulative {
				// The largest total to date changes little from
				// week to week: the week's increases come first.
				lead = r.Fact.Salience
			}
			consider(&Highlight{Kind: "leader", Topic: t, Indicator: iv, Row: r, salience: lead})
		}
		if r.Fact.Kind != facts.Latest {
			continue // a ranking's earlier figure: the series' latest is said on its own
		}
		if !inRows(iv.Shown, r) {
			// A figure the body does not show (beyond a table's
			// MaxShown, the 11th of a ranking of 200 or outside the
			// one group a multi-group brief ranks): a key message
			// sums up the body, and would cite a row no sentence or
			// table of it prints.
			continue
		}
		if r.Week != nil && r.Week.Kind == "increase" {
			// A running total is told by the week's increase, its
			// salience weighed by size (facts.weighIncreases); its
			// level alone, or an unmoved total (no new figure),
			// is no headline.
			consider(&Highlight{Kind: "week", Topic: t, Indicator: iv, Row: r, salience: r.Week.Fact.Salience})
			continue
		}
		consider(&Highlight{Kind: "latest", Topic: t, Indicator: iv, Row: r, salience: r.Fact.Salience})
		// A change or record says more than the figure alone: it
		// wins over the same row's plain figure, so the summary
		// keeps what made the figure salient.
		for _, c := range []*Change{r.Change, r.YearAgo} {
			if c != nil {
				consider(&Highlight{Kind: "change", Topic: t, Indicator: iv, Row: r, salience: max(c.Fact.Salience+boost(r), r.Fact.Salience+0.01)})
			}
		}
		if r.Week != nil {
			// How the week went says more of a daily series than
			// its last day.
			consider(&Highlight{Kind: "week", Topic: t, Indicator: iv, Row: r, salience: max(r.Week.Fact.Salience, r.Fact.Salience+0.03)})
		}
		if r.Record != "" && !iv.RoutineRecords() {
			consider(&Highlight{Kind: "record", Topic: t, Indicator: iv, Row: r, salience: max(2+boost(r), r.Fact.Salience+0.02)})
		}
	}
}

// pickHighlights chooses at most limit of the indicators' best
// statements, most salient first.
func pickHighlights(cands []*Highlight, limit int) []*Highlight {
	sort.SliceStable(cands, func(i, j int) bool { return cands[i].salience > cands[j].salience })
	var out []*Highlight
	taken := map[*Highlight]bool{}
	seenTopic := map[*Topic]bool{}
	for _, h := range cands {
		if len(out) < limit && !seenTopic[h.Topic] {
			out, taken[h], seenTopic[h.Topic] = append(out, h), true, true
		}
	}
	// Then one per family of related indicators (four counts of one
	// project portfolio are one story), then the rest.
	family := map[string]bool{}
	for _, h := range out {
		family[h.Indicator.Family] = true
	}
	for _, h := range cands {
		if len(out) < limit && !taken[h] && !family[h.Indicator.Family] {
			out, taken[h], family[h.Indicator.Family] = append(out, h), true, true
		}
	}
	for _, h := range cands {
		if len(out) < limit && !taken[h] {
			out = append(out, h)
		}
	}
	// This week's figures lead; the rest is context.
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].ThisWeek != out[j].ThisWeek {
			return out[i].ThisWeek
		}
		return out[i].salience > out[j].salience
	})
	return out
}

// FreshHighlights are the highlights about this week's figures.
func (b *Brief) FreshHighlights() []*Highlight {
	var out []*Highlight
	for _, h := range b.Highlights {
		if h.ThisWeek {
			out = append(out, h)
		}
	}
	return out
}

// ContextHighlights are the highlights about earlier figures: context,
// not news of the week.
func (b *Brief) ContextHighlights() []*Highlight {
	var out []*Highlight
	for _, h := range b.Highlights {
		if !h.ThisWeek {
			out = append(out, h)
		}
	}
	return out
}

// boost favours figures released during the week.
func boost(r *Row) float64 {
	if r.New {
		return 1
	}
	return 0
}

// MinKeyMessages and MaxKeyMessages bound the key messages at the top of
// a brief.
const (
	MinKeyMessages = 3
	MaxKeyMessages = 5
)

// OneSource is the name of the one source that every figure and event of
// the brief comes from, as the brief's language names it, or "" when
// there are several (or none): a brief
// resting on a single source says so once, up front, rather than in every
// footnote only. A statement quoted from it ("Dauren Abayev, …, as quoted
// in X") comes from X (Words.QuotedIn).
//
// Every item the brief can cite counts: a topic's background events
// (Topic.Context, which b.Events leaves out) and a ranking's members and
// later figures as much as its rows; a background event from a news
// agency under figures of a statistics office is two sources.
func (b *Brief) OneSource() string {
	var rows []*Row
	evs := append([]*Event(nil), b.Events...)
	for _, t := range b.Topics {
		for _, iv := range t.Indicators {
			rows = append(rows, iv.Rows...)
			rows = append(rows, iv.Ranking...)
			rows = append(rows, iv.Later...)
		}
		evs = append(evs, t.Events...)
		evs = append(evs, t.Context...)
	}
	return b.oneSource(rows, evs)
}

// TopicSource is the one source of every figure and event of a topic
// that has both, or "" (see OneSource): figures and events told by one
// source are one publication's account (an article, a report), which a
// reader should know before the footnotes; a statistics office's figures
// alone need no such line, their footnote says it.
func (b *Brief) TopicSource(t *Topic) string {
	var rows []*Row
	for _, iv := range t.Indicators {
		rows = append(rows, iv.Rows...)
	}
	if len(rows) == 0 || len(t.Events)+len(t.Context) == 0 {
		return ""
	}
	evs := append(append([]*Event(nil), t.Events...), t.Context...)
	return b.oneSource(rows, evs)
}

func (b *Brief) words() *Words {
	for _, t := range b.Topics {
		for _, iv := range t.Indicators {
			if iv.words != nil {
				return iv.words
			}
		}
	}
	return nil
}

func (b *Brief) oneSource(rows []*Row, evs []*Event) string {
	w := b.words()
	one := ""
	add := func(name string) bool {
		name = strings.TrimSpace(w.publication(name))
		if one == "" {
			one = name
		}
		return name == one
	}
	for _, r := range rows {
		if r == nil || r.Fact == nil {
			continue
		}
		for _, s := range r.Fact.Sources {
			if !add(s.Source) {
				return ""
			}
		}
	}
	for _, e := range evs {
		if e.ev != nil && !add(e.ev.Source) {
			return ""
		}
	}
	return format.EscapeMarkdown(b.sourceName(one))
}

// HasQuotes reports whether the brief quotes what a person said.
func (b *Brief) HasQuotes() bool {
	for _, e := range b.Events {
		if e.Quote {
			return true
		}
	}
	return false
}

// CommonYear is the year every figure of the brief is for, when they are
// all annual figures of one year ("2023"), else "": a brief of annual
// figures under a week's header says what they are.
func (b *Brief) CommonYear() string {
	year := ""
	for _, t := range b.Topics {
		for _, iv := range t.Indicators {
			for _, r := range iv.Rows {
				if r == nil || r.Fact == nil {
					continue
				}
				if r.Fact.Period.Kind != period.Year || year != "" && r.Fact.PeriodID != year {
					return ""
				}
				year = r.Fact.PeriodID
			}
		}
	}
	return year
}

// AllAnnual reports whether every figure of the brief is an annual one
// (of one year or several): the header then says "Annual figures" before
// the week the brief was made for.
func (b *Brief) AllAnnual() bool {
	any := false
	for _, t := range b.Topics {
		for _, iv := range t.Indicators {
			for _, r := range iv.Rows {
				if r == nil || r.Fact == nil {
					continue
				}
				if r.Fact.Period.Kind != period.Year {
					return false
				}
				any = true
			}
		}
	}
	return any
}
