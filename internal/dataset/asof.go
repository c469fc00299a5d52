package dataset

import (
	"time"

	"github.com/briefhq/brief/internal/period"
)

// Known reports whether o was public at the end of day asOf. A row with
// a release date is known from that day. A row without one is known once
// its period has ended, except a plan or target, which describes the
// future and is known from the start.
func Known(o *Observation, asOf time.Time) bool {
	if !o.Released.IsZero() {
		return !o.Released.After(asOf)
	}
	if o.Status == Plan || o.Status == Target {
		return true
	}
	return !o.Period.End.After(asOf)
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
}

// Unfinished lists, by file and indicator in the order of the rows, the
// rows left out at day asOf because their period is not over then (see
// the type). Rows of periods that begin after asOf are not listed.
func (ds *Dataset) Unfinished(asOf time.Time) []Unfinished {
	if asOf.IsZero() {
		return nil
	}
	type key struct{ file, sheet, ind string }
	var out []Unfinished
	at := map[key]int{}
	for i := range ds.Observations {
		o := &ds.Observations[i]
		if !o.Released.IsZero() || o.Status != Actual && o.Status != Estimate ||
			o.Period.Start.After(asOf) || !o.Period.End.After(asOf) {
			continue
		}
		k := key{o.Pos.File, o.Pos.Sheet, o.Indicator}
		j, seen := at[k]
		if !seen {
			j = len(out)
			at[k] = j
			out = append(out, Unfinished{Indicator: o.Indicator, Pos: o.Pos, Column: ds.periodColumns[o.Pos.File]})
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
