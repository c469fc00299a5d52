package facts

import (
	"sort"
	"strings"

	"github.com/briefhq/brief/internal/dataset"
	"github.com/briefhq/brief/internal/format"
)

// groupFacts ranks the latest values of each indicator among the entities
// of a group, and gives each entity's share of the group total when the
// values add up (the catalog's additive, else the unit) and every member
// of the group reports. Only values of the same period, counterpart and
// unit are compared. Without an entity catalog every entity is in one
// unnamed group.
func groupFacts(ds *dataset.Dataset, latest []*Fact) []Fact {
	groupsOf := map[string][]string{}
	for _, e := range ds.Entities {
		groupsOf[e.ID] = e.Groups
	}
	members := ds.GroupSizes()
	additiveByCatalog := map[string]bool{}
	for _, in := range ds.Indicators {
		if in.Additive != nil {
			additiveByCatalog[in.ID] = *in.Additive
		}
	}
	type key struct {
		indicator, counterpart, group, unit, period string
	}
	buckets := map[key][]*Fact{}
	var keys []key
	for _, f := range latest {
		groups := groupsOf[f.Entity]
		if !ds.HasEntityCatalog {
			groups = []string{""}
		}
		for _, g := range groups {
			k := key{f.Indicator, f.Counterpart, g, f.Unit, f.Period.String()}
			if buckets[k] == nil {
				keys = append(keys, k)
			}
			buckets[k] = append(buckets[k], f)
		}
	}
	out := make([]Fact, 0, 2*len(latest))
	for _, k := range keys {
		fs := buckets[k]
		if len(fs) < 2 {
			continue
		}
		sorted := append([]*Fact(nil), fs...)
		sort.SliceStable(sorted, func(i, j int) bool { return sorted[i].Value > sorted[j].Value })
		total, additive := 0.0, Additive(k.unit)
		if a, ok := additiveByCatalog[k.indicator]; ok {
			additive = a
		}
		for _, f := range sorted {
			total += f.Value
			additive = additive && f.Value >= 0
		}
		var groupSources []Source
		seenSrc := map[[2]string]bool{}
		for _, f := range sorted {
			for _, src := range f.Sources {
				if k := [2]string{src.Source, src.SourceURL}; !seenSrc[k] {
					seenSrc[k] = true
					groupSources = append(groupSources, src)
				}
			}
		}
		for i, f := range sorted {
			r := *f
			r.Kind, r.Group, r.Rank, r.Of = Rank, k.group, rankOf(sorted, i), len(sorted)
			r.Against, r.Since, r.Counts = nil, 0, nil
			r.Salience = 0.5 + 1.5/float64(r.Rank) + boolf(f.New, 0.5)
			out = append(out, r)
			// A share needs a real, complete group: without an entity
			// catalog the "total" would add up whatever the file holds,
			// and with a member missing it would not be the group's.
			if additive && total > 0 && k.group != "" && len(sorted) == members[k.group] {
				s := r
				s.Kind, s.Rank, s.Of, s.Total = Share, 0, len(sorted), total
				// A share rests on every figure of the total: it cites each
				// distinct source of the group once (by its first row), so
				// a group of thousands stays small.
				s.Sources = groupSources

				s.Value = 100 * f.Value / total
				s.Unit = "%"
				s.Salience = 0.3 + 2*f.Value/total
				out = append(out, s)
			}
		}
	}
	return out
}

// rankOf gives equal values the same (best) rank.
func rankOf(sorted []*Fact, i int) int {
	for i > 0 && sorted[i-1].Value == sorted[i].Value {
		i--
	}
	return i + 1
}

// statusCounts counts, per topic, the series whose latest figure has each
// status: how many figures are actual, estimates, plans or targets.
func statusCounts(ds *dataset.Dataset, latest []*Fact) []Fact {
	counts := map[string]map[dataset.Status]int{}
	var topics []string
	for _, f := range latest {
		c := counts[f.Topic]
		if c == nil {
			c = map[dataset.Status]int{}
			counts[f.Topic] = c
			topics = append(topics, f.Topic)
		}
		c[f.Status]++
	}
	var out []Fact
	for _, t := range topics {
		total := 0
		for _, n := range counts[t] {
			total += n
		}
		out = append(out, Fact{Kind: StatusCount, Topic: t, Value: float64(total), Counts: counts[t], Salience: 0.1})
	}
	return out
}

// Additive reports whether values in unit can be summed across entities,
// so that a share of the group total means something: money, counts and
// quantities can; percentages, rates, levels and indices cannot.
func Additive(unit string) bool {
	u := strings.ToLower(strings.TrimSpace(unit))
	if format.IsPercent(u) || strings.Contains(u, "/") || strings.Contains(u, " per ") || strings.HasPrefix(u, "per ") {
		return false
	}
	switch u {
	case "cm", "mm", "m", "km", "°c", "c", "degrees", "index", "points", "ratio", "rate", "score", "rank", "years", "days", "hours", "usd per capita":
		return false
	}
	return !strings.Contains(u, "index") && !strings.Contains(u, "rate")
}
