package report

import (
	"time"

	"github.com/briefhq/brief/internal/dataset"
	"github.com/briefhq/brief/internal/period"
)

// LatestDay is the most recent day the data speaks of, not after now: the
// latest release date, else the latest day-dated event, else the end of
// the latest actual period. A brief run without --week covers its week.
func LatestDay(ds *dataset.Dataset, now time.Time) time.Time {
	var latest time.Time
	later := func(t time.Time) {
		if t.After(latest) && (now.IsZero() || !t.After(now)) {
			latest = t
		}
	}
	released := false
	for i := range ds.Observations {
		if r := ds.Observations[i].Released; !r.IsZero() {
			released = true
			later(r)
		}
	}
	for _, e := range ds.Events {
		if e.Date.Kind == period.Day {
			later(e.Date.Start)
		}
	}
	if !released {
		for i := range ds.Observations {
			o := &ds.Observations[i]
			if o.Status == dataset.Actual || o.Status == dataset.Estimate || o.Status == "" {
				later(o.Period.End)
			}
		}
	}
	if latest.IsZero() {
		latest = now
	}
	return latest
}
