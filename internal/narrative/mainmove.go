package narrative

import "github.com/briefhq/brief/internal/format"

// Move is the week's main movement of running totals, for the summary:
// how many of a ranking's members rose, how many more slowly than the
// week before, and the largest rise (blind review: the COVID brief's
// summary listed without saying what happened).
type Move struct {
	Indicator *Indicator
	// Rose of Of members' running totals rose in the week (of the
	// ranking's members, some of which may have no new figure); Slower
	// and Faster of them against the week before (of those compared).
	Rose, Of, Slower, Faster, Compared int
	// Top is the member with the largest rise.
	Top *Row
}

// MainMove is the week's movement of the first ranked indicator whose
// members' running totals have a week's increase, or nil: a brief of
// other figures has no such summary line.
func (b *Brief) MainMove() *Move {
	for _, t := range b.Topics {
		for _, iv := range t.Indicators {
			if !iv.Ranked || !iv.Cumulative {
				continue
			}
			m := &Move{Indicator: iv}
			for _, r := range iv.Ranking {
				w := r.Week
				if w == nil || w.Kind != "increase" || w.Fact == nil {
					continue
				}
				m.Of++
				if w.Fact.Value > 0 && !w.Flat {
					m.Rose++
					if m.Top == nil || w.Fact.Value > m.Top.Week.Fact.Value {
						m.Top = r
					}
				}
				// Compared only where the brief compares the two weeks.
				if a := w.Fact.Against; a != nil && !w.Flat && w.Drop == nil && w.AgainstBare != "" && w.PrevDrop == nil && !w.PrevFlat {
					m.Compared++
					switch {
					case w.Fact.Value < a.Value:
						m.Slower++
					case w.Fact.Value > a.Value:
						m.Faster++
					}
				}
			}
			if m.Of >= 2 && m.Top != nil {
				return m
			}
		}
	}
	return nil
}

// RoseWords, OfWords, SlowerWords and FasterWords are the counts in
// words ("eight").
func (m *Move) RoseWords() string   { return format.SmallNumber(m.Rose) }
func (m *Move) OfWords() string     { return format.SmallNumber(len(m.Indicator.Ranking)) }
func (m *Move) SlowerWords() string { return format.SmallNumber(m.Slower) }
func (m *Move) FasterWords() string { return format.SmallNumber(m.Faster) }
