package dataset

import "sort"

// Index finds the rows and events of each entity without scanning the
// whole dataset per entity: a batch of a thousand briefs reads a million
// rows once.
type Index struct {
	ds     *Dataset
	rows   map[string][]int
	events map[string][]int
}

// NewIndex indexes ds by entity (rows by their entity, events by each
// entity they name).
func NewIndex(ds *Dataset) *Index {
	ix := &Index{ds: ds, rows: map[string][]int{}, events: map[string][]int{}}
	for i := range ds.Observations {
		e := ds.Observations[i].Entity
		ix.rows[e] = append(ix.rows[e], i)
	}
	for i, ev := range ds.Events {
		for _, e := range ev.Entities {
			ix.events[e] = append(ix.events[e], i)
		}
	}
	return ix
}

// Subset is the dataset of the given entities only: their rows, the events
// that name one of them, and the full catalogs (so counterparts keep their
// names). Rows keep their file positions, so sources still trace back.
func (ix *Index) Subset(entities []string) *Dataset {
	sub := *ix.ds
	n := 0
	for _, e := range entities {
		n += len(ix.rows[e])
	}
	sub.Observations = make([]Observation, 0, n)
	var evIdx []int
	seen := map[int]bool{}
	for _, e := range entities {
		for _, i := range ix.rows[e] {
			sub.Observations = append(sub.Observations, ix.ds.Observations[i])
		}
		for _, i := range ix.events[e] {
			if !seen[i] {
				seen[i] = true
				evIdx = append(evIdx, i)
			}
		}
	}
	sort.Ints(evIdx)
	sub.Events = make([]Event, 0, len(evIdx))
	for _, i := range evIdx {
		sub.Events = append(sub.Events, ix.ds.Events[i])
	}
	return &sub
}
