package narrative

import (
	"math"

	"github.com/briefhq/brief/internal/facts"
	"github.com/briefhq/brief/internal/format"
)

// A figure can be right and still be a figure a reader should check
// before repeating it: a level that doubled or halved in one period
// (Sudan's dollar GDP in the first year of a war), or a flow whose total
// for the first days of its period is far above its usual rate. The brief
// says so once, neutrally, beside the figure, and neither key messages
// nor press points repeat it. The thresholds are deliberately wide: they
// catch data and exchange-rate artefacts, not ordinary news.
const (
	// UnusualRise and UnusualFall bound a level's change on its previous
	// figure (a factor): at or beyond them the change is unusual. Rates
	// and shares (percent units) and running totals are not judged: a
	// rate's move is said in points, and a running total only grows.
	UnusualRise = 2.0
	UnusualFall = 0.5
	// UnusualPace is how many times its previous period's total a flow's
	// figure for part of a period, scaled to the whole period, may reach
	// before it is unusual.
	UnusualPace = 3.0
	// ShortSpan is the share of its period below which a flow's figure
	// for part of the period, with no earlier figure to compare, is
	// flagged: a year's total "up to 3 February" rests on 34 days.
	ShortSpan = 1.0 / 6
)

// Unusual is the caveat a figure needs before anyone repeats it, as a
// sentence, or "" when it needs none (see UnusualRise, UnusualPace,
// ShortSpan).
func (r *Row) Unusual() string {
	switch key, days := r.unusual(); key {
	case "":
		return ""
	case "unusual.short":
		return en(key, "span", span(days), "period", r.Fact.PeriodLabel)
	default:
		return en(key)
	}
}

// unusual is which caveat the figure needs (a phrase key of the locale:
// unusual.change, unusual.pace, unusual.short) and, for a part of a
// period, how many of its days the figure covers; "" when none.
func (r *Row) unusual() (string, int) {
	if r == nil || r.Fact == nil || r.Indicator == nil || r.Indicator.Cumulative {
		return "", 0
	}
	f := r.Fact
	if !r.upTo.IsZero() {
		whole := f.Period.End.Sub(f.Period.Start)
		part := r.upTo.Sub(f.Period.Start)
		if whole <= 0 || part <= 0 {
			return "", 0
		}
		share := float64(part) / float64(whole)
		if c := r.Change; c != nil && c.Fact != nil && c.Fact.Against != nil && c.Fact.Against.Value > 0 {
			if f.Value/share > UnusualPace*c.Fact.Against.Value {
				return "unusual.pace", 0
			}
			return "", 0
		}
		if share < ShortSpan {
			return "unusual.short", int(math.Round(part.Hours()/24)) + 1
		}
		return "", 0
	}
	if format.IsPercent(f.Unit) {
		return "", 0
	}
	c := r.Change
	if c == nil || c.Fact == nil || c.Fact.Against == nil || c.ToZero {
		return "", 0
	}
	prev, cur := c.Fact.Against.Value, f.Value
	if prev <= 0 || cur <= 0 {
		return "", 0 // a change of sign is said in words, not as a factor
	}
	if cur/prev >= UnusualRise || cur/prev <= UnusualFall {
		return "unusual.change", 0
	}
	return "", 0
}

// Checks are the figures of the topic's table that need the caveat of
// Unusual and are said in no sentence (a ranking's top and the Leads say
// it with their figure): the lines under the table say them.
func (t *Topic) Checks() []*Row {
	leads := t.Leads()
	var out []*Row
	for _, iv := range t.Indicators {
		for _, r := range iv.Shown {
			if r.Unusual() != "" && !inRows(leads, r) && r != iv.Leader() {
				out = append(out, r)
			}
		}
	}
	return out
}

// span says the first days of a period in words, as a reader holds
// them: "the first five days", "about the first five weeks", "about the
// first three months" (never a figure the data do not give).
func span(days int) string {
	switch {
	case days < 14:
		return en("unusual.days", "n", format.SmallNumber(days))
	case days < 70:
		return en("unusual.weeks", "n", format.SmallNumber(int(math.Round(float64(days)/7))))
	}
	return en("unusual.months", "n", format.SmallNumber(int(math.Round(float64(days)/30.4))))
}

// Doubt is, for a figure whose period makes it implausible (a flow's
// total for the first weeks of its period far above a whole period's
// pace, or resting on a sliver of it: unusual.short, unusual.pace), why
// it is not used, as a clause: "that covers only about the first five
// weeks of 2025, so it is probably not a figure for 2025". The brief
// leaves such a figure out (Brief.withhold; a ranking's member stays,
// said with its caveat, Row.Unusual, under the table: Topic.Checks), and
// the internal points mark it "Not for public use"; "" for any other
// figure (an unusually large change is said with unusual.change).
func (r *Row) Doubt() string {
	key, days := r.unusual()
	switch key {
	case "unusual.short":
		return en("unusual.doubt_short", "span", span(days), "period", r.Fact.PeriodLabel, "whole", r.Fact.PeriodLabel, "whole_gen", r.Fact.PeriodLabel)
	case "unusual.pace":
		return en("unusual.doubt_pace", "whole", r.Fact.PeriodLabel, "whole_gen", r.Fact.PeriodLabel)
	}
	return ""
}

// withhold leaves the topic's doubtful figures (Row.Doubt) out of what
// the brief shows (Indicator.Shown: its lists, tables and the lines under
// them) and keeps them in Brief.NotUsed. A "Not used: the source's
// figure …" line would be a working note in a minister's brief; the
// figure stays in Indicator.Rows for the internal talking points.
//
// A ranking's member is not withheld: the ranking says its members (its
// sentences, chart and table), and a doubt of one member is a doubt of
// the ranking, not a figure to drop from it.
func (b *Brief) withhold(t *Topic) {
	doubted := func(iv *Indicator, r *Row) bool {
		return r.Fact.Kind == facts.Latest && !inRows(iv.Ranking, r) && r.Doubt() != ""
	}
	for _, iv := range t.Indicators {
		for _, r := range iv.Rows {
			if doubted(iv, r) {
				b.NotUsed = append(b.NotUsed, r)
			}
		}
		keep := iv.Shown[:0:0]
		for _, r := range iv.Shown {
			if !doubted(iv, r) {
				keep = append(keep, r)
			}
		}
		iv.Shown = keep
	}
}
