package batch

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/briefhq/brief/internal/dataset"
)

func TestSlugIsSafe(t *testing.T) {
	tests := map[string]string{
		"KZ":                     "kz",
		"../x":                   "x",
		"a/b":                    "a-b",
		`a\b`:                    "a-b",
		"..":                     "unnamed",
		"":                       "unnamed",
		"CON":                    "con_",
		"com1":                   "com1_",
		"nul.txt":                "nul-txt",
		"Алматы":                 "алматы",
		"Өскемен":                "өскемен",
		".hidden":                "hidden",
		"C:/Windows":             "c-windows",
		"a\x00b":                 "a-b",
		"central-asia":           "central-asia",
		strings.Repeat("x", 100): strings.Repeat("x", 64),
	}
	for id, want := range tests {
		got := Slug(id)
		if got != want {
			t.Errorf("Slug(%q) = %q, want %q", id, got, want)
		}
		if strings.ContainsAny(got, `/\:`) || got == "." || got == ".." || strings.HasPrefix(got, ".") {
			t.Errorf("Slug(%q) = %q is not a plain folder name", id, got)
		}
		if filepath.Dir(filepath.Join("out", got)) != "out" {
			t.Errorf("Slug(%q) = %q leaves the output folder", id, got)
		}
	}
}

func TestSlugsAreUnique(t *testing.T) {
	units := []Unit{{ID: "a/b"}, {ID: "a-b"}, {ID: "KZ"}, {ID: "kz"}, {ID: "UZ"}}
	assignSlugs(units)
	seen := map[string]string{}
	for _, u := range units {
		if other, dup := seen[u.Slug]; dup {
			t.Errorf("%q and %q share the slug %q", u.ID, other, u.Slug)
		}
		seen[u.Slug] = u.ID
	}
	if units[4].Slug != "uz" {
		t.Errorf("a slug without collision keeps its plain form: %q", units[4].Slug)
	}
}

func TestEveryUnitInExactlyOneShardStably(t *testing.T) {
	for _, n := range []int{1, 2, 3, 7, 16} {
		counts := make([]int, n)
		for e := 0; e < 5000; e++ {
			id := fmt.Sprintf("E%05d", e)
			in := 0
			for i := 0; i < n; i++ {
				if InShard(id, i, n) {
					in++
					counts[i]++
					if !InShard(id, i, n) {
						t.Fatalf("%s: shard changed between calls", id)
					}
				}
			}
			if in != 1 {
				t.Fatalf("%s is in %d of %d shards", id, in, n)
			}
		}
		for i, c := range counts {
			if n > 1 && (c < 5000/n*7/10 || c > 5000/n*13/10) {
				t.Errorf("shard %d/%d holds %d of 5000: unbalanced", i, n, c)
			}
		}
	}
	// Stable across runs: pinned values.
	for id, want := range map[string]int{"KZ": 0, "UZ": 2, "E00042": 2} {
		for i := 0; i < 4; i++ {
			if InShard(id, i, 4) && i != want {
				t.Errorf("%s is in shard %d of 4, was %d", id, i, want)
			}
		}
	}
}

func TestShardParse(t *testing.T) {
	for _, ok := range []string{"0/1", "3/4", " 1 / 2 "} {
		if _, _, err := Shard(ok); err != nil {
			t.Errorf("Shard(%q): %v", ok, err)
		}
	}
	for _, bad := range []string{"4/4", "-1/4", "1", "a/b", "0/0", ""} {
		if _, _, err := Shard(bad); err == nil {
			t.Errorf("Shard(%q) accepted", bad)
		}
	}
}

func TestUnitsPerGroup(t *testing.T) {
	ds := &dataset.Dataset{Entities: []dataset.Entity{
		{ID: "KZ", Groups: []string{"central-asia", "eaeu"}}, {ID: "UZ", Groups: []string{"central-asia"}}, {ID: "RU", Groups: []string{"eaeu"}},
	}}
	us, err := Units(ds, "group", "en")
	if err != nil {
		t.Fatal(err)
	}
	if len(us) != 2 || us[0].Name != "Central Asia" || strings.Join(us[0].Entities, ",") != "KZ,UZ" || strings.Join(us[1].Entities, ",") != "KZ,RU" {
		t.Errorf("units = %+v", us)
	}
	if _, err := Units(&dataset.Dataset{Entities: []dataset.Entity{{ID: "A"}}}, "group", "en"); err == nil {
		t.Error("per group without groups must fail")
	}
}

func TestRunKeepsGoingAndReportsFailuresInOrder(t *testing.T) {
	var units []Unit
	for i := 0; i < 50; i++ {
		units = append(units, Unit{ID: fmt.Sprint(i)})
	}
	var mu sync.Mutex
	ran, done := 0, 0
	fails := Run(context.Background(), units, 4, func(_ context.Context, u Unit) error {
		mu.Lock()
		ran++
		mu.Unlock()
		if u.ID == "7" || u.ID == "31" {
			return errors.New("boom " + u.ID)
		}
		return nil
	}, func() { mu.Lock(); done++; mu.Unlock() })
	if ran != 50 || done != 50 {
		t.Errorf("ran %d, done %d; want 50", ran, done)
	}
	if len(fails) != 2 || fails[0].Unit.ID != "7" || fails[1].Unit.ID != "31" {
		t.Errorf("failures = %+v", fails)
	}
}

func TestRunStopsOnCancel(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	units := make([]Unit, 100)
	n := 0
	fails := Run(ctx, units, 1, func(context.Context, Unit) error {
		n++
		if n == 10 {
			cancel()
		}
		return nil
	}, nil)
	if n >= 100 || len(fails) == 0 {
		t.Errorf("ran %d after cancel, %d failures", n, len(fails))
	}
}
