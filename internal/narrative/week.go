package narrative

import (
	"strings"

	"github.com/briefhq/brief/internal/facts"
	"github.com/briefhq/brief/internal/period"
)

// WeekFig is how the brief's week went for a daily or weekly series, from
// the facts' week_close, week_sum or week_increase: a level by its close
// against last week's close, with the week's range; a flow by the week's
// sum; a running total by the week's increase. Days are named ("Friday
// 14 August"), so a reader never takes a Friday-on-Thursday move for the
// week's.
type WeekFig struct {
	Fact *facts.Fact
	// Kind is "close", "sum" or "increase".
	Kind string
	// Daily is set for a daily series (days are named), unset for a
	// weekly one (weeks are).
	Daily bool
	// Text is the close, the week's sum or its increase: "$2,412.30".
	Text string
	// On names the last figure's day or week with its preposition: "on
	// Friday 14 August", "in week 33 of 2026".
	On string
	// Change is the change on last week ("up 1.2%", "down 0.05 percentage
	// points", "unchanged"), "" when last week has no figure; From is last
	// week's close, sum or increase, FromOn its day or week.
	Change string
	From   string
	FromOn string
	// Total is a running total at the week's last figure ("1,234,567
	// cases"), for an increase; Verb says which way it went: "rose by",
	// "fell by", "was unchanged".
	Total string
	Verb  string
	// N is the number of figures in the week.
	N     int
	Range *WeekRange
	// Period is the week's label ("week 33 of 2026"), for a table row of
	// a sum; TableChange is the table's change column: "up 1.2% on the
	// previous week", "up 4,900 doses in the week", or "".
	Period      string
	TableChange string
}

// WeekRange is the week's low and high of a level (two figures or more).
type WeekRange struct {
	Fact      *facts.Fact
	Low, High string
}

// weekFig turns a week fact of row r into its view.
func weekFig(f *facts.Fact, r *Row, weekYear int) *WeekFig {
	unit, d := f.Unit, r.decimals
	w := &WeekFig{Fact: f, Daily: f.Period.Kind == period.Day, Text: valueMD(f.Value, unit, r.label, d)}
	if f.Week != nil {
		w.N = f.Week.N
		w.On = when(f.Week.Last.Period, weekYear)
		w.Period = f.Week.Label
	}
	switch f.Kind {
	case facts.WeekSum:
		w.Kind = "sum"
	case facts.WeekIncrease:
		w.Kind = "increase"
		w.Total = valueMD(r.Value, unit, r.label, d)
		switch {
		case f.Value > 0:
			w.Verb = "rose by"
		case f.Value < 0:
			w.Verb, w.Text = "fell by", valueMD(-f.Value, unit, r.label, d)
		default:
			w.Verb = "was unchanged"
		}
	default:
		w.Kind = "close"
	}
	if a := f.Against; a != nil {
		w.From = valueMD(a.Value, unit, r.label, d)
		if w.From == w.Text && a.Value != f.Value && w.Kind == "close" {
			w.Text, w.From = distinctValues(f.Value, a.Value, unit, unit, r.label, r.label, d)
		}
		w.Change = changeText(f.Value, a.Value, unit, r.label, d, -1, "")
		if w.Kind == "close" {
			w.FromOn = when(a.Period, weekYear)
		}
		if w.Change != "" && w.Kind != "increase" {
			w.TableChange = w.Change + " on the previous week"
		}
	}
	if w.Kind == "increase" {
		switch w.Verb {
		case "rose by":
			w.TableChange = "up " + w.Text + " in the week"
		case "fell by":
			w.TableChange = "down " + w.Text + " in the week"
		default:
			w.TableChange = "unchanged in the week"
		}
	}
	return w
}

// newWeekRange is the week's low and high, the unit said once when both
// figures share it ("$2,375.00 to $2,420.50 per troy ounce", "312 to 341
// cm").
func newWeekRange(f *facts.Fact, r *Row) *WeekRange {
	lo := valueMD(f.Week.Low.Value, f.Unit, r.label, r.decimals)
	hi := valueMD(f.Week.High.Value, f.Unit, r.label, r.decimals)
	if i, j := strings.IndexByte(lo, ' '), strings.IndexByte(hi, ' '); i > 0 && j > 0 && lo[i:] == hi[j:] {
		lo = lo[:i]
	}
	return &WeekRange{Fact: f, Low: lo, High: hi}
}

// when names a day ("on Friday 14 August", the year only when it is not
// the brief's) or another period ("in week 33 of 2026").
func when(p period.Period, weekYear int) string {
	if p.Kind != period.Day {
		return inPeriod(p.Label())
	}
	layout := "Monday 2 January"
	if p.Start.Year() != weekYear {
		layout += " 2006"
	}
	return "on " + p.Start.Format(layout)
}
