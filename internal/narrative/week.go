package narrative

import (
	"strings"

	"github.com/briefhq/brief/internal/facts"
	"github.com/briefhq/brief/internal/format"
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
	// TotalBare, FromBare and AgainstBare are Total, From and Against
	// without their unit word, for a sentence that says the unit once
	// ("rose by 738,677 cases …, to 23.42 million, against a rise of
	// 978,520 …").
	TotalBare, FromBare, AgainstBare string
	// TextBare is Text without its unit word; Counts is set when the
	// indicator's name says what it counts ("confirmed cases"), so that
	// a sentence about it needs no unit word at all ("Northland's
	// confirmed cases rose by 140,000").
	TextBare string
	Counts   bool
	// N is the number of figures in the week.
	N     int
	Range *WeekRange
	// Period is the week's label ("week 33 of 2026"), for a table row of
	// a sum; TableChange is the table's change column: "up 1.2% on the
	// previous week", "up 4,900 doses in the week", or "".
	Period      string
	TableChange string
	// TableShort and TableSpan split TableChange into the change ("up
	// 4,900 doses") and what it is over (" in the week", " on the
	// previous week"), so that a table whose rows share the span says it
	// once, in its header.
	TableShort, TableSpan string
	// Partial is set when the week's figures stop on an earlier weekday
	// than the previous week's (the facts' Week.Partial): Span then names
	// the days ("in the 3 days to Wednesday 30 June", "on Monday 28
	// June") where a full week reads "over the week", and AgainstSpan
	// says the comparison is over the same days ("in the same days of
	// the week before"; "the week before" for a full week).
	Partial     bool
	Span        string
	AgainstSpan string
	// Against is a running total's increase of the week before, said as
	// such: "a rise of 108,600 cases", "a fall of 12 cases" ("" without
	// a comparison).
	Against string
	// Flat is set when a running total did not move in the week (a
	// repeated figure: no new one); Since names the day it has stood at
	// Total since ("Friday 8 April").
	Flat  bool
	Since string
	// Drop is the largest fall of a running total in the week (a
	// revision), Drops the number of falls; PrevDrop a fall in the week
	// before, which is then not compared, as is a week before without a
	// new figure (PrevFlat).
	Drop     *WeekDrop
	Drops    int
	PrevDrop *WeekDrop
	PrevFlat bool
}

// WeekDrop is a fall of a running total from one figure to the next: by
// Text ("17,076 cases"), On its day ("on Saturday 4 April"), From and To
// the totals.
type WeekDrop struct {
	Text, On, From, To string
	// FromBare and ToBare are From and To without their unit word.
	FromBare, ToBare string
}

// WeekRange is the week's low and high of a level (two figures or more).
type WeekRange struct {
	Fact      *facts.Fact
	Low, High string
	// LowBare is Low without its unit word; HighBare is High without it
	// ("312" and "341" of "312 to 341 cm"), for a sentence that has
	// said the unit.
	LowBare, HighBare string
	// Same is set when every figure of the week was the same (the low
	// is the high): a sentence says the one value, never "341 to 341".
	Same bool
	// decimals are those Low and High are printed with (the sentence's,
	// see weekFig), for the brief's other languages (Row.RangeL).
	decimals int
}

// weekFig turns a week fact of row r into its view, with rng, the
// week's range of a level (nil without one).
//
// The figures one sentence compares are printed so that they compare as
// the data do (format.Faithful): a close, last week's close and the
// week's low and high; the week's sum or increase and the week before's;
// a running total and the totals a revision took it from and to. When
// the row's decimals (the press's two significant digits, or the brief's)
// would print two of them alike or misstate their difference ("about 23
// million cases, up 3.3% from about 23 million"), they all take the
// least precision that does not (format.Together: "about 23.4 million
// cases, up 3.3% from about 22.7 million").
func weekFig(f, rng *facts.Fact, r *Row, weekYear int) *WeekFig {
	unit, d := f.Unit, r.decimals
	// The week's figure and the week before's, compared in one sentence,
	// are on one scale: "1.04 million cases …, against a rise of 0.81
	// million cases", never "of 808,717 cases".
	pd := d
	if a := f.Against; a != nil {
		pd = oneScale(f.Value, a.Value, unit, r.label, d)
	}
	var rd int
	if rng != nil && (f.Kind != facts.WeekClose || rng.Week == nil || rng.Week.Low == nil || rng.Week.High == nil) {
		rng = nil
	}
	if rng != nil {
		lo, hi := rng.Week.Low.Value, rng.Week.High.Value
		rd = oneScale(lo, hi, unit, r.label, d)
		figs := []format.Fig{{Value: f.Value, Decimals: pd}, {Value: lo, Decimals: rd}, {Value: hi, Decimals: rd}}
		values := []float64{f.Value, lo, hi}
		if a := f.Against; a != nil {
			figs = append(figs, format.Fig{Value: a.Value, Decimals: pd})
			values = append(values, a.Value)
		}
		if !faithful(unit, r.label, figs...) {
			pd = together(values, unit, r.label, pd)
			rd = pd
		}
	} else if a := f.Against; a != nil {
		pd = together([]float64{f.Value, a.Value}, unit, r.label, pd)
	}
	w := &WeekFig{Fact: f, Daily: f.Period.Kind == period.Day, Text: valueMD(f.Value, unit, r.label, pd)}
	if rng != nil {
		w.Range = newWeekRange(rng, r, rd)
	}
	w.Span, w.AgainstSpan = en("week.over"), en("week.before")
	if fw := f.Week; fw != nil {
		w.N = fw.N
		w.On = when(fw.Last.Period, weekYear)
		w.Period = fw.Label
		if fw.Partial && w.Daily {
			w.Partial = true
			w.AgainstSpan = en("week.same_days_before")
			w.Span = en("week.days_to", "n", itoa(fw.Days), "day", strings.TrimPrefix(w.On, en("at.on")))
			if fw.Days == 1 {
				w.Span, w.AgainstSpan = w.On, en("week.same_day_before")
			}
			w.Period += en("week.to_day", "day", enDay(fw.Last.Period.Start))
		}
		drop := func(x *facts.Drop) *WeekDrop {
			if x == nil {
				return nil
			}
			// The totals the revision took the running total from and
			// to, beside the total the sentence gives ("rose by a net
			// 1,000 … to 215,000 …, (the running total fell from 217,000
			// to 212,000)", never "to about 220,000 … from about 220,000
			// to about 210,000"); a fall too small for the scale in full.
			td := totalDecimals(f, r)
			if f.Kind != facts.WeekIncrease || x != fw.Drop {
				td = togetherOrFull([]float64{x.From.Value, x.To.Value}, unit, r.label, d)
			}
			from, to := valueMD(x.From.Value, unit, r.label, td), valueMD(x.To.Value, unit, r.label, td)
			return &WeekDrop{Text: valueMD(x.From.Value-x.To.Value, unit, r.label, d), On: when(x.To.Period, weekYear),
				From: from, To: to, FromBare: r.trimUnit(from, unit), ToBare: r.trimUnit(to, unit)}
		}
		w.Flat, w.Drop, w.Drops, w.PrevDrop, w.PrevFlat = fw.Flat, drop(fw.Drop), fw.Drops, drop(fw.PrevDrop), fw.PrevFlat
		if fw.Since != nil {
			w.Since = strings.TrimPrefix(when(fw.Since.Period, weekYear), en("at.on"))
		}
	}
	switch f.Kind {
	case facts.WeekSum:
		w.Kind = "sum"
	case facts.WeekIncrease:
		w.Kind = "increase"
		w.Total = valueMD(r.Value, unit, r.label, totalDecimals(f, r))
		switch {
		case f.Value > 0:
			w.Verb = en("week.rose_by")
		case f.Value < 0:
			w.Verb, w.Text = en("week.fell_by"), valueMD(-f.Value, unit, r.label, pd)
		default:
			w.Verb = en("week.no_net_change_verb") // a revision took back the week's rise (Drop), or Flat
		}
	default:
		w.Kind = "close"
	}
	if a := f.Against; a != nil {
		// The change is said of the figures as printed: a rate's
		// points are their difference ("up 0.2 percentage points from
		// 13.4%", never "from 13%").
		w.From = valueMD(a.Value, unit, r.label, pd)
		cd := d
		if format.IsPercent(unit) {
			cd = pd
		}
		w.Change = changeText(f.Value, a.Value, unit, r.label, cd, -1, "")
		if w.Kind == "close" {
			w.FromOn = when(a.Period, weekYear)
		}
		if w.Change != "" && w.Kind != "increase" {
			w.TableShort, w.TableSpan = w.Change, en("week.on_previous")
			if w.Partial && w.Kind == "sum" {
				w.TableSpan = en("week.on_same_days_previous")
			}
			w.TableChange = w.TableShort + w.TableSpan
		}
	}
	w.TotalBare, w.FromBare = r.trimUnit(w.Total, unit), r.trimUnit(w.From, unit)
	w.TextBare, w.Counts = r.trimUnit(w.Text, unit), r.Indicator != nil && r.Indicator.Counts
	if w.Kind == "increase" {
		if a := f.Against; a != nil {
			switch {
			case a.Value > 0:
				w.Against = en("week.rise_of") + w.From
			case a.Value < 0:
				w.Against = en("week.fall_of") + valueMD(-a.Value, unit, r.label, pd)
			default:
				w.Against = en("week.no_change")
			}
			w.AgainstBare = strings.TrimSuffix(w.Against, w.From) + w.FromBare
			if a.Value < 0 {
				w.AgainstBare = en("week.fall_of") + r.trimUnit(valueMD(-a.Value, unit, r.label, pd), unit)
			} else if a.Value == 0 {
				w.AgainstBare = w.Against
			}
		}
		span := en("week.in_week")
		if w.Partial {
			span = " " + w.Span
		}
		net := ""
		if w.Drop != nil {
			net = en("week.net")
		}
		switch {
		case w.Flat:
			w.TableShort = en("week.no_new_figure")
		case w.Verb == en("week.rose_by"):
			w.TableShort = en("change.up") + net + w.Text
		case w.Verb == en("week.fell_by"):
			w.TableShort = en("change.down") + net + w.Text
		default:
			w.TableShort = en("week.no_net_change")
		}
		w.TableSpan = span
		w.TableChange = w.TableShort + span
		if w.Drop != nil {
			w.TableChange += en("week.downward_revision")
			w.TableShort += en("week.downward_revision")
		}
	}
	return w
}

// newWeekRange is the week's low and high printed with decimals d (see
// weekFig), the unit said once when both figures share it ("$2,375.00 to
// $2,420.50 per troy ounce", "312 to 341 cm", "about 22.9 to about 23.4
// million"); Same when the two are one value.
func newWeekRange(f *facts.Fact, r *Row, d int) *WeekRange {
	lo := valueMD(f.Week.Low.Value, f.Unit, r.label, d)
	hi := valueMD(f.Week.High.Value, f.Unit, r.label, d)
	// The number ends at the first space after the press's "about".
	number := func(s string) int {
		a := 0
		if strings.HasPrefix(s, en("about")) {
			a = len(en("about"))
		}
		if i := strings.IndexByte(s[a:], ' '); i > 0 {
			return a + i
		}
		return -1
	}
	if i, j := number(lo), number(hi); i > 0 && j > 0 && lo[i:] == hi[j:] {
		lo = lo[:i]
	}
	return &WeekRange{Fact: f, Low: lo, High: hi, LowBare: r.trimUnit(lo, f.Unit), HighBare: r.trimUnit(hi, f.Unit),
		Same: f.Week.Low.Value == f.Week.High.Value, decimals: d}
}

// totalDecimals are the decimals of a running total's week (an
// increase): the total at the week's last figure and the totals of its
// revision (Drop), one sentence's figures (format.Together).
func totalDecimals(f *facts.Fact, r *Row) int {
	if f.Week == nil || f.Week.Drop == nil {
		return r.decimals
	}
	x := f.Week.Drop
	return togetherOrFull([]float64{r.Value, x.From.Value, x.To.Value}, f.Unit, r.label, r.decimals)
}

// when names a day ("on Friday 14 August", the year only when it is not
// the brief's) or another period ("in week 33 of 2026").
func when(p period.Period, weekYear int) string {
	if p.Kind != period.Day {
		return inPeriod(p.Label())
	}
	return en("at.on") + enWeekday(p.Start, p.Start.Year() != weekYear)
}
