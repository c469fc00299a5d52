// Package batch splits a dataset into one brief per entity or group, picks
// a deterministic shard of them, names their folders safely and runs them
// in parallel.
package batch

import (
	"fmt"
	"hash/fnv"
	"strconv"
	"strings"
	"unicode"

	"github.com/briefhq/brief/internal/dataset"
	"github.com/briefhq/brief/internal/narrative"
)

// Unit is one brief of a batch: an entity, or a group of entities.
type Unit struct {
	ID       string   // entity or group id, as in the data
	Name     string   // for the title
	Slug     string   // folder name, safe on every file system
	Entities []string // the entities whose rows the brief covers
}

// Units lists the briefs of a batch: per "entity" (catalog order) or per
// "group" (order of first use in the entity catalog).
func Units(ds *dataset.Dataset, per, lang string) ([]Unit, error) {
	var units []Unit
	switch per {
	case "entity":
		for _, e := range ds.Entities {
			units = append(units, Unit{ID: e.ID, Name: e.Name(lang), Entities: []string{e.ID}})
		}
	case "group":
		byGroup := map[string]*Unit{}
		var order []string
		for _, e := range ds.Entities {
			for _, g := range e.Groups {
				u := byGroup[g]
				if u == nil {
					u = &Unit{ID: g, Name: narrative.GroupName(ds, g)}
					byGroup[g] = u
					order = append(order, g)
				}
				u.Entities = append(u.Entities, e.ID)
			}
		}
		if len(order) == 0 {
			return nil, fmt.Errorf("--per group: no entity has groups; list them in entities.yaml (groups: [...])")
		}
		for _, g := range order {
			units = append(units, *byGroup[g])
		}
	default:
		return nil, fmt.Errorf("--per %q: use entity or group", per)
	}
	assignSlugs(units)
	return units, nil
}

// Shard parses "i/n" (0 <= i < n) as given by --shard.
func Shard(s string) (i, n int, err error) {
	a, b, ok := strings.Cut(s, "/")
	i, err1 := strconv.Atoi(strings.TrimSpace(a))
	n, err2 := strconv.Atoi(strings.TrimSpace(b))
	if !ok || err1 != nil || err2 != nil || n < 1 || i < 0 || i >= n {
		return 0, 0, fmt.Errorf("--shard %q: use i/n with 0 <= i < n, e.g. 0/4 (Kubernetes: $JOB_COMPLETION_INDEX/4)", s)
	}
	return i, n, nil
}

// InShard reports whether a unit belongs to shard i of n. It hashes the
// id, so a unit stays in its shard when others are added or removed, and
// every unit is in exactly one shard.
func InShard(id string, i, n int) bool {
	if n <= 1 {
		return true
	}
	h := fnv.New32a()
	h.Write([]byte(id))
	return int(h.Sum32()%uint32(n)) == i
}

// Slug makes a folder name from an id: lower-case letters and digits of
// any script, with - for anything else, no leading dots, no names that
// Windows reserves, at most 64 bytes. An empty result becomes "unnamed".
// Slug never contains a path separator, so no id can leave the folder.
func Slug(id string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(id) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_' {
			if b.Len()+len(string(r)) > 64 {
				break
			}
			b.WriteRune(r)
			dash = false
		} else if !dash && b.Len() > 0 {
			b.WriteByte('-')
			dash = true
		}
	}
	s := strings.Trim(b.String(), "-_")
	if s == "" {
		return "unnamed"
	}
	if reserved(s) {
		s += "_"
	}
	return s
}

// reserved are names Windows will not create, with or without extension.
func reserved(s string) bool {
	base, _, _ := strings.Cut(strings.ToUpper(s), ".")
	switch base {
	case "CON", "PRN", "AUX", "NUL":
		return true
	}
	if len(base) == 4 && (strings.HasPrefix(base, "COM") || strings.HasPrefix(base, "LPT")) && base[3] >= '0' && base[3] <= '9' {
		return true
	}
	return false
}

// assignSlugs gives each unit a unique slug: when two ids make the same
// slug ("a/b" and "a-b", "KZ" and "kz"), each gets a short hash of its id.
func assignSlugs(units []Unit) {
	count := map[string]int{}
	for i := range units {
		units[i].Slug = Slug(units[i].ID)
		count[units[i].Slug]++
	}
	for i := range units {
		if count[units[i].Slug] > 1 {
			h := fnv.New32a()
			h.Write([]byte(units[i].ID))
			units[i].Slug = fmt.Sprintf("%s-%08x", units[i].Slug, h.Sum32())
		}
	}
}
