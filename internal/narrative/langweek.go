package narrative

import (
	"strings"
	"time"

	"github.com/briefhq/brief/internal/facts"
	"github.com/briefhq/brief/internal/format"
	"github.com/briefhq/brief/internal/locale"
)

// WeekL is how the brief's week went (Row.Week) with its figures and days
// in the brief's language, for the templates of a language other than
// English, which say the same as the English "week" sentence: a running
// total's increase over the week, the total it reached and the increase
// of the week before ("rose by 205,472 over the week to 349,016 on Sunday
// 5 April, against a rise of 108,600 the week before"), a revision, a
// week without a new figure. The figures are printed with the decimals
// the English sentence prints them with, so that both say the same
// numbers.
type WeekL struct {
	// Kind is the English WeekFig's: "increase", "sum" or "close".
	Kind string
	// Dir is the way the week's increase (or sum) went: +1, -1, 0.
	Dir int
	// Text is the increase (its size, without a sign) or the sum, with
	// its unit; Bare without it.
	Text, Bare string
	// Total is a running total at the week's last figure, with its unit;
	// TotalBare without it.
	Total, TotalBare string
	// Day is the day (or week) of the week's last figure as a label («5
	// апреля 2020 г.»), AsOf the same after the locale's "as of" («по
	// состоянию на 5 апреля 2020 г.», «2020 жылғы 5 сәуірдегі жағдай
	// бойынша»).
	Day, AsOf string
	// Partial and Days: the week's figures stop early, Days days are said.
	Partial bool
	Days    int
	// Against is the week before's increase, its size without a sign and
	// unit, AgainstDir its way (+1, -1, 0); HasAgainst says whether the
	// week is compared with the week before at all.
	HasAgainst bool
	Against    string
	AgainstDir int
	// Flat: a running total that did not move (no new figure) since the
	// day Since (a label); SinceAbl is it in the ablative where the
	// language declines it (kk «2020 жылғы 5 сәуірден»), else Since.
	Flat            bool
	Since, SinceAbl string
	// Drop is the week's largest fall of a running total (a revision),
	// Drops their number; PrevDrop the week before's; PrevFlat: the week
	// before had no new figure.
	Drop     *WeekDropL
	Drops    int
	PrevDrop *WeekDropL
	PrevFlat bool
}

// WeekDropL is a revision of a running total in the brief's language: by
// Text, on day On, from From to To (bare figures).
type WeekDropL struct {
	Text, On, From, To string
}

// WeekL is the row's week in its brief's language; nil when the row has
// no week.
func (r *Row) WeekL() (*WeekL, error) {
	if r.Week == nil || r.Week.Fact == nil {
		return nil, nil
	}
	w, f, l := r.Week, r.Week.Fact, r.locale()
	unit, d := f.Unit, r.decimals
	pd := d
	if a := f.Against; a != nil {
		pd = oneScale(f.Value, a.Value, unit, r.label, d)
		pd = together([]float64{f.Value, a.Value}, unit, r.label, pd)
	}
	noun := r.Indicator.countNoun()
	fig := func(v float64, dec int) (string, error) {
		x, xd, about := pressed(v, dec)
		s, err := localCount(l, x, f, r.label, xd, noun)
		return withAbout(l, s, about, err)
	}
	bare := func(v float64, dec int) (string, error) {
		x, xd, about := pressed(v, dec)
		s, err := localBare(l, x, xd)
		return withAbout(l, s, about, err)
	}
	out := &WeekL{Kind: w.Kind, Partial: w.Partial, Flat: w.Flat, Drops: w.Drops, PrevFlat: w.PrevFlat}
	if fw := f.Week; fw != nil {
		out.Days = fw.Days
	}
	var v float64
	out.Dir, v = dirOf(f.Value)
	var err error
	if out.Text, err = fig(v, pd); err != nil {
		return nil, err
	}
	if out.Bare, err = bare(v, pd); err != nil {
		return nil, err
	}
	if fw := f.Week; fw != nil {
		if out.Day, err = l.Period(fw.Last.Period, locale.Label); err != nil {
			return nil, err
		}
		if out.AsOf, err = l.When("when.as_of", fw.Last.Period, time.Time{}); err != nil {
			return nil, err
		}
		if fw.Since != nil {
			if out.Since, err = l.Period(fw.Since.Period, locale.Label); err != nil {
				return nil, err
			}
			out.SinceAbl = out.Since
			if a, err := l.Suffix(out.Since, locale.Case("abl")); err == nil {
				out.SinceAbl = a
			}
		}
	}
	if w.Kind == "increase" {
		td := totalDecimals(f, r)
		if out.Total, err = fig(r.Value, td); err != nil {
			return nil, err
		}
		if out.TotalBare, err = bare(r.Value, td); err != nil {
			return nil, err
		}
		drop := func(x *facts.Drop, last bool) (*WeekDropL, error) {
			if x == nil {
				return nil, nil
			}
			dd := td
			if !last {
				dd = togetherOrFull([]float64{x.From.Value, x.To.Value}, unit, r.label, d)
			}
			var o WeekDropL
			var err error
			if o.Text, err = fig(x.From.Value-x.To.Value, d); err != nil {
				return nil, err
			}
			if o.On, err = l.Period(x.To.Period, locale.Label); err != nil {
				return nil, err
			}
			if o.From, err = bare(x.From.Value, dd); err != nil {
				return nil, err
			}
			o.To, err = bare(x.To.Value, dd)
			return &o, err
		}
		if fw := f.Week; fw != nil {
			if out.Drop, err = drop(fw.Drop, true); err != nil {
				return nil, err
			}
			if out.PrevDrop, err = drop(fw.PrevDrop, false); err != nil {
				return nil, err
			}
		}
	}
	if a := f.Against; a != nil {
		out.HasAgainst = true
		var av float64
		out.AgainstDir, av = dirOf(a.Value)
		if out.Against, err = bare(av, pd); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// PressWeekL is WeekL with the figures for the press, as the English
// PressWeek rounds them ("rose by about 51,500 over the week to about
// 130,000"): «около 51 500», «шамамен 130 000».
func (r *Row) PressWeekL() (*WeekL, error) {
	if r.Week == nil || r.Week.Fact == nil {
		return nil, nil
	}
	press := *r
	press.decimals = format.PressDecimals(r.decimals)
	press.Week = r.PressWeek()
	return press.WeekL()
}

// pressed is v as press decimals d round it (format.PressRounded), with
// the decimals to write it with and whether the rounding changed it (the
// figure is then said with the locale's "about"); any other decimals
// leave v as it is.
func pressed(v float64, d int) (float64, int, bool) {
	if !format.IsPress(d) {
		return v, d, false
	}
	x, xd := format.PressRounded(v, d)
	return x, xd, x != v
}

// withAbout is s after the locale's "about" when about is set and s does
// not start with it already.
func withAbout(l *locale.Locale, s string, about bool, err error) (string, error) {
	if err != nil || !about {
		return s, err
	}
	a, err := l.Phrase("about")
	if err != nil || strings.HasPrefix(s, a) {
		return s, err
	}
	return a + s, nil
}

// dirOf is a change's direction (1 up, -1 down, 0 none) and its size.
func dirOf(v float64) (int, float64) {
	switch {
	case v > 0:
		return 1, v
	case v < 0:
		return -1, -v
	}
	return 0, v
}
