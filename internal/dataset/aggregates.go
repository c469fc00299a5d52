package dataset

import (
	"math"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
)

// worldBankAggregates are the codes of the World Bank's regional, income
// and lending aggregates, as its files (gdp.csv, the API downloads) mix
// them in with the countries, with their names there.
var worldBankAggregates = map[string]string{
	"AFE": "Africa Eastern and Southern", "AFW": "Africa Western and Central", "ARB": "Arab World",
	"CEB": "Central Europe and the Baltics", "CSS": "Caribbean small states",
	"EAP": "East Asia & Pacific (excluding high income)", "EAR": "Early-demographic dividend",
	"EAS": "East Asia & Pacific", "ECA": "Europe & Central Asia (excluding high income)",
	"ECS": "Europe & Central Asia", "EMU": "Euro area", "EUU": "European Union",
	"FCS": "Fragile and conflict affected situations", "HIC": "High income",
	"HPC": "Heavily indebted poor countries (HIPC)", "IBD": "IBRD only", "IBT": "IDA & IBRD total",
	"IDA": "IDA total", "IDB": "IDA blend", "IDX": "IDA only", "INX": "Not classified",
	"LAC": "Latin America & Caribbean (excluding high income)", "LCN": "Latin America & Caribbean",
	"LDC": "Least developed countries: UN classification", "LIC": "Low income",
	"LMC": "Lower middle income", "LMY": "Low & middle income", "LTE": "Late-demographic dividend",
	"MEA": "Middle East & North Africa", "MIC": "Middle income",
	"MNA": "Middle East & North Africa (excluding high income)", "NAC": "North America",
	"OED": "OECD members", "OSS": "Other small states", "PRE": "Pre-demographic dividend",
	"PSS": "Pacific island small states", "PST": "Post-demographic dividend", "SAS": "South Asia",
	"SSA": "Sub-Saharan Africa (excluding high income)", "SSF": "Sub-Saharan Africa",
	"SST": "Small states", "TEA": "East Asia & Pacific (IDA & IBRD countries)",
	"TEC": "Europe & Central Asia (IDA & IBRD countries)",
	"TLA": "Latin America & the Caribbean (IDA & IBRD countries)",
	"TMN": "Middle East & North Africa (IDA & IBRD countries)", "TSA": "South Asia (IDA & IBRD)",
	"TSS": "Sub-Saharan Africa (IDA & IBRD countries)", "UMC": "Upper middle income", "WLD": "World",
}

// aggregateWords are words of a name that says it covers several
// entities: a code of worldBankAggregates is read as one only with no
// name, its World Bank name, or a name with one of these words (a
// dataset's own "EAS" for something else keeps its meaning).
var aggregateWords = set("world", "income", "countries", "members", "states", "area", "union", "total", "dividend",
	"region", "regions", "ida", "ibrd", "excluding", "africa", "asia", "america", "europe", "caribbean", "pacific", "classified")

// sumTolerance is how close an entity's value must be to the sum of the
// others' to read as their total: published totals are rounded.
const sumTolerance = 0.005

// aggregate is an entity that looks like a total of others.
type aggregate struct {
	id, name string
	first    *Observation // its first row
	byCode   bool         // a World Bank aggregate code
	sums     int          // periods in which it is the sum of the others
}

// warnAggregates warns about entities that look like aggregates of the
// others (the World Bank's "World", "High income", "Europe & Central
// Asia" among its countries; a "Total" row beside the regions) and are
// ranked with them: in one group of entities.yaml with other entities,
// or in the one group of all entities without an entity catalog. Ranked
// among the countries, "World" comes first and takes a share of a total
// it is. One warning per file, at the first row of its first such
// entity, naming them and how to leave them out. An entity that
// only_entities lists is wanted as it is.
func (l *loader) warnAggregates() {
	if len(l.ds.Observations) == 0 {
		return
	}
	groupsOf := make(map[string][]string, len(l.ds.Entities))
	names := make(map[string]string, len(l.ds.Entities))
	for _, e := range l.ds.Entities {
		groupsOf[e.ID] = e.Groups
		names[e.ID] = e.Name("")
	}
	all := []string{""} // without an entity catalog, one group of all
	groups := func(id string) []string {
		if !l.ds.HasEntityCatalog {
			return all
		}
		return groupsOf[id]
	}
	found := map[string]*aggregate{}
	add := func(o *Observation) *aggregate {
		a := found[o.Entity]
		if a == nil {
			a = &aggregate{id: o.Entity, name: names[o.Entity], first: o}
			found[o.Entity] = a
		}
		return a
	}
	for i := range l.ds.Observations {
		o := &l.ds.Observations[i]
		if wb, ok := worldBankAggregates[o.Entity]; ok && found[o.Entity] == nil {
			n := names[o.Entity]
			if n == "" || n == o.Entity || strings.EqualFold(n, wb) || hasAny(tokens(n), aggregateWords) != "" {
				add(o).byCode = true
			}
		}
	}
	l.sumAggregates(groups, add)

	// Those ranked with entities that are not aggregates, and not asked
	// for by only_entities.
	var list []*aggregate
	for id, a := range found {
		if a.byCode || a.sums >= 2 {
			if m := l.mappingOf[a.first.Pos.File]; m != nil && m.onlyEntities[id] {
				continue
			}
			list = append(list, a)
		}
	}
	if len(list) == 0 {
		return
	}
	agg := map[string]bool{}
	for _, a := range list {
		agg[a.id] = true
	}
	sharesGroup := map[string]bool{} // group -> has an entity that is no aggregate
	for _, e := range l.ds.Entities {
		if !agg[e.ID] {
			for _, g := range groups(e.ID) {
				sharesGroup[g] = true
			}
		}
	}
	byFile := map[string][]*aggregate{}
	var files []string
	for _, a := range list {
		var shared []string
		for _, g := range groups(a.id) {
			if sharesGroup[g] {
				shared = append(shared, g)
			}
		}
		if len(shared) == 0 {
			continue // declared apart: never ranked with the others
		}
		f := a.first.Pos.File
		if byFile[f] == nil {
			files = append(files, f)
		}
		byFile[f] = append(byFile[f], a)
	}
	sort.Strings(files)
	for _, f := range files {
		as := byFile[f]
		sort.Slice(as, func(i, j int) bool {
			// The World first: the one a reader knows; then file order.
			if (as[i].id == "WLD") != (as[j].id == "WLD") {
				return as[i].id == "WLD"
			}
			return as[i].first.Pos.Line < as[j].first.Pos.Line
		})
		l.warnAt(firstRow(as), l.aggregateMessage(f, as))
	}
}

// firstRow is the earliest row of the aggregates in their file.
func firstRow(as []*aggregate) Pos {
	p := as[0].first.Pos
	for _, a := range as[1:] {
		if a.first.Pos.Line < p.Line {
			p = a.first.Pos
		}
	}
	return p
}

// sumAggregates finds the entities whose value of an additive indicator
// is the sum of the values of the other entities of a group (two or more
// of them) in two periods or more, and in at least four of every five
// periods in which it is as large as the others together: a "Total" row.
func (l *loader) sumAggregates(groups func(string) []string, add func(*Observation) *aggregate) {
	type key struct {
		ind, cp, unit, group string
		kind                 uint8
		start                int64
	}
	additive := map[string]bool{}
	for i := range l.ds.Indicators {
		in := &l.ds.Indicators[i]
		additive[in.ID] = in.IsAdditive("")
	}
	// Two passes: the total and count of each period's bucket, then each
	// value against the rest of its bucket.
	type bucket struct {
		total float64
		n     int
	}
	buckets := map[key]*bucket{}
	keyOf := func(o *Observation, g string) key {
		return key{o.Indicator, o.Counterpart, o.Unit, g, uint8(o.Period.Kind), o.Period.Start.Unix()}
	}
	counted := func(o *Observation) bool {
		return (o.Status == Actual || o.Status == Estimate) && additive[o.Indicator] && o.Value != 0
	}
	for i := range l.ds.Observations {
		o := &l.ds.Observations[i]
		if !counted(o) {
			continue
		}
		for _, g := range groups(o.Entity) {
			k := keyOf(o, g)
			b := buckets[k]
			if b == nil {
				b = &bucket{}
				buckets[k] = b
			}
			b.total += o.Value
			b.n++
		}
	}
	sums, misses := map[string]int{}, map[string]int{}
	first := map[string]*Observation{}
	for i := range l.ds.Observations {
		o := &l.ds.Observations[i]
		if !counted(o) {
			continue
		}
		for _, g := range groups(o.Entity) {
			b := buckets[keyOf(o, g)]
			if b.n < 3 {
				continue
			}
			switch rest := b.total - o.Value; {
			case math.Abs(o.Value-rest) <= sumTolerance*math.Abs(o.Value):
				sums[o.Entity]++
				if first[o.Entity] == nil {
					first[o.Entity] = o
				}
			case o.Value > 0 && o.Value >= rest:
				misses[o.Entity]++
			}
		}
	}
	for id, n := range sums {
		if n >= 2 && n >= 4*misses[id] {
			add(first[id]).sums = n
		}
	}
}

// aggregateMessage is the warning about the aggregates as of file.
func (l *loader) aggregateMessage(file string, as []*aggregate) string {
	byCode, bySum := 0, 0
	ids := make([]string, len(as))
	for i, a := range as {
		ids[i] = a.id
		if a.byCode {
			byCode++
		} else {
			bySum++
		}
	}
	var ex []string
	for _, a := range as[:min(3, len(as))] {
		name := a.name
		if name == "" || name == a.id {
			name = worldBankAggregates[a.id]
		}
		s := a.id
		if name != "" && name != a.id {
			s += " (" + name + ")"
		}
		ex = append(ex, s)
	}
	what := "1 entity of " + filepath.Base(file) + " looks like an aggregate of others, not an entity of its own: "
	if len(as) > 1 {
		what = strconv.Itoa(len(as)) + " entities of " + filepath.Base(file) + " look like aggregates of others, not entities of their own: "
	}
	what += strings.Join(ex, ", ")
	if len(as) > 3 {
		what += " and " + strconv.Itoa(len(as)-3) + " more"
	}
	switch {
	case bySum == 0:
		what += " (World Bank aggregate codes)"
	case byCode == 0 && len(as) == 1:
		what += " (its value is the sum of the others' in " + strconv.Itoa(as[0].sums) + " periods)"
	case byCode == 0:
		what += " (each one's value is the sum of the others')"
	default:
		what += " (World Bank aggregate codes, or the sum of the other entities' values)"
	}
	them, their := "them", "their"
	if len(as) == 1 {
		them, their = "it", "its"
	}
	what += "; rankings and shares would count " + them + " beside the others"
	if as[0].id == "WLD" {
		what += " (World first)"
	}
	list := "[" + strings.Join(ids, ", ") + "]"
	var advice string
	if m := l.mappingOf[file]; m != nil && m.pos.Line > 0 {
		entry := "its entry in " + filepath.Base(m.pos.File) + " (line " + strconv.Itoa(m.pos.Line) + ")"
		if m.excludeEntities != nil {
			advice = "add " + them + " to the exclude_entities of " + entry + ": " + strings.Join(ids, ", ")
		} else {
			advice = "leave " + them + " out with exclude_entities: " + list + " in " + entry + ", or list the entities to keep with only_entities"
		}
	} else {
		advice = "leave " + their + " rows out of " + filepath.Base(file)
	}
	if l.ds.HasEntityCatalog {
		advice += ", or give " + them + " no group the other entities have in " + filepath.Base(l.entFile) + " (groups are what a brief ranks)"
	} else {
		advice += ", or give an entities.yaml whose groups hold the entities to rank, and not " + them
	}
	return what + ": " + advice
}
