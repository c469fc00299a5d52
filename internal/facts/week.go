package facts

import (
	"math"
	"time"

	"github.com/briefhq/brief/internal/dataset"
	"github.com/briefhq/brief/internal/period"
)

// weekFacts appends the facts of the brief's week of a daily or weekly
// series, by how the indicator is summarised over a week:
//
//   - level (a price, a rate): WeekClose, the week's last value against
//     the last value of the previous ISO week, each named by its date;
//     WeekRange, the week's high and low with their dates, when the week
//     has two figures or more;
//   - flow (an amount per day or week): WeekSum, the sum of the week's
//     figures against the previous week's sum;
//   - cumulative (a running total): WeekIncrease, the total at the week's
//     last figure less the total at the previous week's last figure,
//     against the same increase a week earlier.
//
// The week runs from opts.WeekStart for seven days, up to opts.AsOf
// (hist holds only rows known then). A series without a figure in the
// week gets none of them; a comparison needs figures in the previous
// week. Like is compared with like: when the week's figures stop on an
// earlier weekday than the previous week's (Week.Partial), a sum or an
// increase is compared with the previous week's over the same days
// (unless the week is over and the series goes on after it, goesOn: then
// the missing days are a gap, such as a market holiday); a
// running total that fell (a revision) or did not move (no new figure)
// in either week is not compared. Each fact cites every row it was
// computed from.
func weekFacts(out []Fact, base *Fact, hist []*dataset.Observation, summary dataset.Summary, pct, goesOn bool,
	opts Options, inWeek func(*dataset.Observation) bool, sources func(...*dataset.Observation) []Source) []Fact {
	start := opts.WeekStart
	this := inRange(hist, start, start.AddDate(0, 0, 6))
	if len(this) == 0 {
		return out
	}
	prev := inRange(hist, start.AddDate(0, 0, -7), start.AddDate(0, 0, -1))
	week := period.WeekOf(start)
	first, last := this[0], this[len(this)-1]
	// The previous week's figures over the same days as this week's:
	// all of them, unless this week stops on an earlier weekday.
	same, partial, days := prev, false, 0
	if last.Period.Kind == period.Day {
		end := start.AddDate(0, 0, 6)
		cut := last.Period.Start.AddDate(0, 0, -7)
		// A week that is over, of a series that goes on after it, is
		// whole: its missing last days are a gap (Good Friday), and its
		// last figure is its close.
		over := goesOn && !opts.AsOf.Before(end)
		// Without figures the week before, a week read before its end is
		// partial, and so is one whose figures (the data's last) stop
		// before Friday: nothing says the week was whole.
		wd := last.Period.Start.Weekday()
		early := !goesOn && wd >= time.Monday && wd <= time.Thursday
		if !over && (len(prev) > 0 && prev[len(prev)-1].Period.Start.After(cut) ||
			len(prev) == 0 && (opts.AsOf.Before(end) || early) && last.Period.Start.Before(end)) {
			partial = true
			same = inRange(prev, start.AddDate(0, 0, -7), cut)
			days = int(last.Period.Start.Sub(start).Hours()/24+0.5) + 1
		}
	}
	info := func() *Week {
		w := &Week{Period: week, Label: week.Label(), N: len(this), First: pointOf(first), Last: pointOf(last), Partial: partial, Days: days}
		if partial && len(same) > 0 {
			p := pointOf(same[len(same)-1])
			w.PrevCut = &p
		}
		return w
	}
	isNew := false
	for _, o := range this {
		isNew = isNew || inWeek(o)
	}
	f := *base
	f.Period, f.PeriodLabel, f.PeriodID = last.Period, last.Period.Label(), last.Period.String()
	f.Value, f.Status, f.Note, f.New = last.Value, statusOf(last), last.Note, isNew
	f.Week = info()
	switch summary {
	case dataset.SummaryFlow:
		f.Kind = WeekSum
		f.Value = sum(this)
		if len(same) > 0 {
			pw := period.WeekOf(start.AddDate(0, 0, -7))
			f.Against = against(f.Value, sum(same), pw, pw.Label(), pct)
			f.Week.PrevN = len(same)
		}
		f.Sources = sources(append(append(make([]*dataset.Observation, 0, len(this)+len(same)), this...), same...)...)
		f.Salience = 1.5 + boolf(f.Against != nil, changeSalience0(f.Against, pct)) + boolf(f.New, 1)
		out = append(out, f)
	case dataset.SummaryCumulative:
		if len(prev) == 0 {
			return out // no running total at the end of last week
		}
		pc := prev[len(prev)-1]
		f.Kind = WeekIncrease
		f.Value = last.Value - pc.Value
		rows := []*dataset.Observation{last, pc}
		flat, drop, drops := moves(pc, this)
		if flat {
			f.Week.Flat = true
			run := pc
			for i := len(hist) - 1; i >= 0; i-- {
				if o := hist[i]; !o.Period.Start.After(pc.Period.Start) {
					if o.Value != pc.Value {
						break
					}
					run = o
				}
			}
			p := pointOf(run)
			f.Week.Since = &p
			if run != pc {
				rows = append(rows, run)
			}
		}
		if drop != nil {
			f.Week.Drop, f.Week.Drops = dropOf(drop), drops
			rows = appendNew(rows, drop[0], drop[1])
		}
		before := inRange(hist, start.AddDate(0, 0, -14), start.AddDate(0, 0, -8))
		if len(before) > 0 && len(same) > 0 && !flat && drop == nil {
			bc := before[len(before)-1]
			pcut := same[len(same)-1]
			pflat, pdrop, _ := moves(bc, same)
			switch {
			case pdrop != nil:
				f.Week.PrevDrop = dropOf(pdrop)
				rows = appendNew(rows, pdrop[0], pdrop[1])
			case pflat:
				f.Week.PrevFlat = true
				rows = appendNew(rows, bc)
			default:
				pw := period.WeekOf(start.AddDate(0, 0, -7))
				f.Against = against(f.Value, pcut.Value-bc.Value, pw, pw.Label(), pct)
				rows = appendNew(rows, bc, pcut)
			}
		}
		f.Sources = sources(rows...)
		// Salience: set by weighIncreases, once every series' increase
		// is known (the largest increases lead).
		out = append(out, f)
	default:
		f.Kind = WeekClose
		if len(prev) > 0 {
			pc := prev[len(prev)-1]
			f.Against = compare(last, pc, pct)
			f.Sources = sources(last, pc)
		} else {
			f.Sources = sources(last)
		}
		f.Salience = 1.5 + boolf(f.Against != nil, changeSalience0(f.Against, pct)) + boolf(f.New, 1)
		out = append(out, f)
		if len(this) >= 2 {
			r := *base
			r.Kind, r.Period, r.PeriodLabel, r.PeriodID = WeekRange, week, week.Label(), week.String()
			r.Status, r.Note, r.New = statusOf(last), "", isNew
			r.Week = info()
			hi, lo := this[0], this[0]
			for _, o := range this[1:] {
				if o.Value > hi.Value {
					hi = o
				}
				if o.Value < lo.Value {
					lo = o
				}
			}
			h, l := pointOf(hi), pointOf(lo)
			r.Week.High, r.Week.Low = &h, &l
			r.Value = hi.Value
			r.Sources = sources(this...)
			r.Salience = 0.6 + boolf(r.New, 0.5)
			out = append(out, r)
		}
	}
	return out
}

// moves reads a running total from its figure from, through the figures
// after it: flat when none differs from it, and its largest fall from
// one figure to the next (nil if it never fell) with the number of falls.
func moves(from *dataset.Observation, after []*dataset.Observation) (flat bool, drop *[2]*dataset.Observation, n int) {
	flat = true
	prev := from
	for _, o := range after {
		flat = flat && o.Value == from.Value
		if o.Value < prev.Value {
			n++
			if drop == nil || prev.Value-o.Value > drop[0].Value-drop[1].Value {
				drop = &[2]*dataset.Observation{prev, o}
			}
		}
		prev = o
	}
	return flat, drop, n
}

func dropOf(d *[2]*dataset.Observation) *Drop { return &Drop{From: pointOf(d[0]), To: pointOf(d[1])} }

// appendNew appends the rows not yet in rows.
func appendNew(rows []*dataset.Observation, os ...*dataset.Observation) []*dataset.Observation {
	for _, o := range os {
		dup := false
		for _, r := range rows {
			dup = dup || r == o
		}
		if !dup {
			rows = append(rows, o)
		}
	}
	return rows
}

// weighIncreases sets the salience of the week's increases of running
// totals: 2.5 for the largest increase of an indicator (and unit), 1 more
// if new, the others' scaled by the square root of their size against
// the largest, so that the series that added the most leads, whether or
// not its increase can be compared with the week before (a country adding 205,472 cases outranks one
// adding 2,409, whatever their percent changes on the week before). A
// total that did not move (no new figure) is hardly news.
func weighIncreases(out []Fact) {
	type key struct{ indicator, unit string }
	largest := map[key]float64{}
	for i := range out {
		if f := &out[i]; f.Kind == WeekIncrease && !f.Week.Flat {
			k := key{f.Indicator, f.Unit}
			largest[k] = math.Max(largest[k], math.Abs(f.Value))
		}
	}
	for i := range out {
		f := &out[i]
		if f.Kind != WeekIncrease {
			continue
		}
		if f.Week.Flat {
			f.Salience = 0.3
			continue
		}
		size := 0.0
		if m := largest[key{f.Indicator, f.Unit}]; m > 0 {
			size = math.Abs(f.Value) / m
		}
		// By size alone: whether an increase can be compared with the
		// week before (not after a revision) says nothing of its size.
		f.Salience = 2.5*math.Sqrt(size) + boolf(f.New, 1)
	}
}

// inRange is the rows of hist (sorted by period) whose period starts
// from day a to day b, both included.
func inRange(hist []*dataset.Observation, a, b time.Time) []*dataset.Observation {
	i := len(hist)
	for i > 0 && !hist[i-1].Period.Start.Before(a) {
		i--
	}
	j := i
	for j < len(hist) && !hist[j].Period.Start.After(b) {
		j++
	}
	return hist[i:j]
}

func pointOf(o *dataset.Observation) Point {
	return Point{Period: o.Period, Label: o.Period.Label(), PeriodID: o.Period.String(), Value: o.Value}
}

func sum(os []*dataset.Observation) float64 {
	t := 0.0
	for _, o := range os {
		t += o.Value
	}
	return t
}

// against compares a derived value (a sum, an increase) with the same
// figure of an earlier period p.
func against(cur, prev float64, p period.Period, label string, percentUnit bool) *Comparison {
	return compare(&dataset.Observation{Value: cur}, &dataset.Observation{Period: p, Value: prev}, percentUnit).labelled(label)
}

func (c *Comparison) labelled(l string) *Comparison { c.Label = l; return c }

func changeSalience0(c *Comparison, pct bool) float64 {
	if c == nil {
		return 0
	}
	return changeSalience(c, pct)
}

// endsLater orders periods by the day they end, then as period.Compare
// does (the later start first): the latest available figure of series of
// several granularities is the one that runs latest, so week 4 of 2019
// (to 27 January) is later than 26 January 2019, which starts after it.
func endsLater(a, b period.Period) int {
	switch {
	case a.End.After(b.End):
		return 1
	case a.End.Before(b.End):
		return -1
	}
	return period.Compare(a, b)
}

// staleFacts gives an IndicatorStale fact for each indicator whose every
// series is stale, and a TopicStale fact for each topic whose every
// indicator with figures is: the latest period the indicator (topic) has
// a figure for, so that a section can say "latest available: 2020" and a
// summary can read it as context, not news: of series of several
// granularities, the period that ends last (endsLater). Value is the
// number of series; Sources are the rows of that latest period.
func staleFacts(latest []*Fact, hists [][]*dataset.Observation, sources func(...*dataset.Observation) []Source) []Fact {
	type acc struct {
		topic   string
		n       int
		stale   bool
		newest  period.Period
		rows    []*dataset.Observation
		example *Fact
	}
	var inds []string
	by := map[string]*acc{}
	for i, f := range latest {
		a := by[f.Indicator]
		if a == nil {
			a = &acc{topic: f.Topic, stale: true, example: f}
			by[f.Indicator] = a
			inds = append(inds, f.Indicator)
		}
		a.n++
		a.stale = a.stale && f.Stale
		last := hists[i][len(hists[i])-1]
		switch c := endsLater(last.Period, a.newest); {
		case a.newest.IsZero() || c > 0:
			a.newest, a.rows = last.Period, []*dataset.Observation{last}
		case c == 0:
			a.rows = append(a.rows, last)
		}
	}
	var out []Fact
	type tacc struct {
		stale  bool
		n      int
		newest period.Period
		rows   []*dataset.Observation
	}
	var topics []string
	tby := map[string]*tacc{}
	for _, id := range inds {
		a := by[id]
		t := tby[a.topic]
		if t == nil {
			t = &tacc{stale: true}
			tby[a.topic] = t
			topics = append(topics, a.topic)
		}
		t.n += a.n
		t.stale = t.stale && a.stale
		switch c := endsLater(a.newest, t.newest); {
		case t.newest.IsZero() || c > 0:
			t.newest, t.rows = a.newest, append([]*dataset.Observation(nil), a.rows...)
		case c == 0:
			t.rows = append(t.rows, a.rows...)
		}
		if !a.stale {
			continue
		}
		out = append(out, Fact{
			Kind: IndicatorStale, Topic: a.topic, Indicator: id, Period: a.newest, PeriodLabel: a.newest.Label(),
			PeriodID: a.newest.String(), Value: float64(a.n), Unit: a.example.Unit, Stale: true,
			Sources: sources(a.rows...), Salience: 0.05,
		})
	}
	for _, id := range topics {
		t := tby[id]
		if !t.stale {
			continue
		}
		out = append(out, Fact{
			Kind: TopicStale, Topic: id, Period: t.newest, PeriodLabel: t.newest.Label(), PeriodID: t.newest.String(),
			Value: float64(t.n), Stale: true, Sources: sources(t.rows...), Salience: 0.05,
		})
	}

	return out
}
