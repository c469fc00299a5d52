package dataset

import "time"

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
