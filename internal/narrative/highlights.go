package narrative

import (
	"sort"
	"strings"

	"github.com/briefhq/brief/internal/format"

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
		if r.Record != "" {
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

// KeyMessages are the lines of the key-messages box: the summary's
// highlights, this week's first, and, when they are fewer than
// MinKeyMessages, the week's events (attributed statements first), up
// to MaxKeyMessages.
func (b *Brief) KeyMessages() []*Highlight {
	var out []*Highlight
	out = append(out, b.FreshHighlights()...)
	out = append(out, b.ContextHighlights()...)
	if len(out) > MaxKeyMessages {
		out = out[:MaxKeyMessages]
	}
	out = append(out, b.rowHighlights(out, MinKeyMessages-len(out))...)
	if len(out) >= MinKeyMessages {
		return out
	}
	evs := append([]*Event(nil), b.WeekEvents...)
	sort.SliceStable(evs, func(i, j int) bool { return evs[i].Quote && !evs[j].Quote })
	for _, e := range evs {
		if len(out) >= MinKeyMessages {
			break
		}
		out = append(out, &Highlight{Kind: "event", Event: e, ThisWeek: true})
	}
	return out
}

// chosenRow reports whether a highlight already says row r: as its
// figure, or as one of those tied at the top of its ranking.
func chosenRow(hs []*Highlight, r *Row) bool {
	for _, h := range hs {
		if h.Row == r || h.Kind == "leader" && inRows(h.Indicator.Tied(), r) {
			return true
		}
	}
	return false
}

// rowHighlights are the n best statements of rows that the highlights hs
// do not say, one per row, most salient first: key messages take them
// when the indicators give too few lines (one indicator, several
// series). Made only when asked for.
func (b *Brief) rowHighlights(hs []*Highlight, n int) []*Highlight {
	if n <= 0 {
		return nil
	}
	best := map[*Row]*Highlight{}
	var rows []*Row
	for _, t := range b.Topics {
		for _, iv := range t.Indicators {
			statements(t, iv, func(h *Highlight) {
				if chosenRow(hs, h.Row) {
					return
				}
				if cur := best[h.Row]; cur == nil {
					rows = append(rows, h.Row)
					best[h.Row] = h
				} else if h.salience > cur.salience {
					best[h.Row] = h
				}
			})
		}
	}
	var more []*Highlight
	for _, r := range rows {
		h := best[r]
		h.ThisWeek = r.ThisWeek
		if r.Overdue() {
			h.salience -= staleDemotion
		}
		more = append(more, h)
	}
	sort.SliceStable(more, func(i, j int) bool { return more[i].salience > more[j].salience })
	return more[:min(n, len(more))]
}

// OneSource is the name of the one source that every figure and event of
// the brief comes from, as the brief's language names it, or "" when
// there are several (or none): a brief
// resting on a single source says so once, up front, rather than in every
// footnote only.
func (b *Brief) OneSource() string {
	one := ""
	add := func(name string) bool {
		name = strings.TrimSpace(name)
		if one == "" {
			one = name
		}
		return name == one
	}
	for _, t := range b.Topics {
		for _, iv := range t.Indicators {
			for _, r := range iv.Rows {
				if r == nil || r.Fact == nil {
					continue
				}
				for _, s := range r.Fact.Sources {
					if !add(s.Source) {
						return ""
					}
				}
			}
		}
	}
	for _, e := range b.Events {
		if e.ev != nil && !add(e.ev.Source) {
			return ""
		}
	}
	return format.EscapeMarkdown(b.sourceName(one))
}
