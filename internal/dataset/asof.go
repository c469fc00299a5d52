package dataset

import (
	"time"

	"github.com/briefhq/brief/internal/period"
)

// Known reports whether o was public at the end of day asOf. A row with
// a release date is known from that day. A row without one is known once
// its period has ended (a row that repeats its year's annual figure,
// YearFigure, once its year has), except a plan or target, which
// describes the future and is known from the start.
func Known(o *Observation, asOf time.Time) bool {
	if !o.Released.IsZero() {
		return !o.Released.After(asOf)
	}
	if o.Status == Plan || o.Status == Target {
		return true
	}
	return !knownFrom(o).After(asOf)
}

// knownFrom is the last day of the period a row without a release date
// is known at the end of: its own, or its year for a YearFigure.
func knownFrom(o *Observation) time.Time {
	if o.YearFigure {
		return period.OfYear(o.Period.Start.Year()).End
	}
	return o.Period.End
}

// Unfinished are the rows of one file and indicator that a view at a
// day leaves out because their period has begun and is not over then,
// and they give no release date (an actual figure or an estimate: a plan
// or a target is known from the start). Known keeps them out; Unfinished
// lets the brief say so rather than be silent.
type Unfinished struct {
	Indicator string
	Pos       Pos // the first such row
	Rows      int
	Periods   []period.Period
	// Column is the file's period column when dataset.yaml maps one and
	// gives no release dates: if each figure is known on the date written
	// there, mapping that column as released too makes it known from it.
	Column string
	// Year is set when the rows repeat that year's annual figure
	// (YearFigure): they are left out until the year is over, though
	// their months may be.
	Year int
}

// Unfinished lists, by file and indicator in the order of the rows, the
// rows left out at day asOf because their period is not over then, or
// their year for rows that repeat its annual figure (see the type). Rows
// of periods that begin after asOf are not listed.
func (ds *Dataset) Unfinished(asOf time.Time) []Unfinished {
	if asOf.IsZero() {
		return nil
	}
	type key struct {
		file, sheet, ind string
		year             int
	}
	var out []Unfinished
	at := map[key]int{}
	for i := range ds.Observations {
		o := &ds.Observations[i]
		if !o.Released.IsZero() || o.Status != Actual && o.Status != Estimate ||
			o.Period.Start.After(asOf) || !knownFrom(o).After(asOf) {
			continue
		}
		k := key{o.Pos.File, o.Pos.Sheet, o.Indicator, 0}
		if o.YearFigure {
			k.year = o.Period.Start.Year()
		}
		j, seen := at[k]
		if !seen {
			j = len(out)
			at[k] = j
			out = append(out, Unfinished{Indicator: o.Indicator, Pos: o.Pos, Column: ds.periodColumns[o.Pos.File], Year: k.year})
		}
		u := &out[j]
		u.Rows++
		if !hasPeriod(u.Periods, o.Period) {
			u.Periods = append(u.Periods, o.Period)
		}
	}
	return out
}

func hasPeriod(ps []period.Period, p period.Period) bool {
	for _, q := range ps {
		if q.Kind == p.Kind && q.Start.Equal(p.Start) {
			return true
		}
	}
	return false
}

// EventKnown reports whether ev is told at asOf: an event dated after
// that day has not happened, nor been reported, by then. An event known
// by a coarser date (a month, a year) is told from its first day.
func EventKnown(ev *Event, asOf time.Time) bool {
	return !ev.Date.Start.After(asOf)
}

// AsOf is the dataset as known at the end of day asOf: the rows Known
// then and the events dated on or before it, with the same catalogs. It
// is how a brief for a past day (--as-of) sees the data, so that no
// later layer can show a row released, or an event dated, after it. When
// nothing is hidden it shares ds's rows (no copy); applied twice with
// the same day it returns the view itself. The zero time gives ds.
func (ds *Dataset) AsOf(asOf time.Time) *Dataset {
	if asOf.IsZero() || ds.asOf.Equal(asOf) && ds.isView {
		return ds
	}
	view := *ds
	view.asOf, view.isView = asOf, true
	hidden := 0
	for i := range ds.Observations {
		if !Known(&ds.Observations[i], asOf) {
			hidden++
		}
	}
	if hidden > 0 {
		view.Observations = make([]Observation, 0, len(ds.Observations)-hidden)
		for i := range ds.Observations {
			if Known(&ds.Observations[i], asOf) {
				view.Observations = append(view.Observations, ds.Observations[i])
			}
		}
	}
	view.Events = nil
	for i := range ds.Events {
		if EventKnown(&ds.Events[i], asOf) {
			view.Events = append(view.Events, ds.Events[i])
		}
	}
	if len(view.Events) == len(ds.Events) {
		view.Events = ds.Events
	}
	return &view
}

// Hides reports whether the view as of asOf leaves out a row or an event
// of ds (a brief of an earlier week): the load's Warnings, which are of
// the whole data, may then name what the view may not show.
func (ds *Dataset) Hides(asOf time.Time) bool {
	if asOf.IsZero() {
		return false
	}
	for i := range ds.Observations {
		if !Known(&ds.Observations[i], asOf) {
			return true
		}
	}
	for i := range ds.Events {
		if !EventKnown(&ds.Events[i], asOf) {
			return true
		}
	}
	return false
}

// AsOfDay is the day an AsOf view describes; the zero time for a
// dataset as loaded.
func (ds *Dataset) AsOfDay() time.Time { return ds.asOf }

// HasReleased reports whether any row gives a release date. Without
// one, the data cannot say what was released when: a figure whose period
// ends in a week is that week's figure, and a brief must not say that
// nothing was released.
func (ds *Dataset) HasReleased() bool {
	for i := range ds.Observations {
		if !ds.Observations[i].Released.IsZero() {
			return true
		}
	}
	return false
}

// AllReleased reports whether every row gives a release date (and there
// is at least one row): then "released during the week" covers every
// figure.
func (ds *Dataset) AllReleased() bool {
	for i := range ds.Observations {
		if ds.Observations[i].Released.IsZero() {
			return false
		}
	}
	return len(ds.Observations) > 0
}
