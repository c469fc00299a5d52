package oracle

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"
)

// realMappings lists the dataset folders under testdata/ whose
// dataset.yaml reads files of ../shared/data.
func realMappings(t *testing.T) []string {
	var dirs []string
	filepath.WalkDir(filepath.Join("..", "testdata"), func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		if d.IsDir() && d.Name() == "bad" {
			return filepath.SkipDir
		}
		if d.Name() != "dataset.yaml" {
			return nil
		}
		b, err := os.ReadFile(p)
		if err == nil && strings.Contains(string(b), "shared/data/") {
			dirs = append(dirs, filepath.Dir(p))
		}
		return nil
	})
	sort.Strings(dirs)
	return dirs
}

// TestOracleRealData compares every claim on the real files of
// ../shared/data, read in place through the mappings under testdata/,
// for the latest week of each and three earlier ones, and as of the
// Wednesday of the latest week.
func TestOracleRealData(t *testing.T) {
	if _, err := os.Stat(filepath.Join("..", "..", "shared", "data")); err != nil {
		t.Skip("../shared/data is absent (a plain clone has no ../shared): the real datasets cannot be read")
	}
	dirs := realMappings(t)
	if len(dirs) == 0 {
		t.Fatal("no dataset.yaml under testdata/ reads ../shared/data")
	}
	tl := newTally()
	for _, dir := range dirs {
		ds, err := loadMapped(dir)
		if errors.Is(err, fs.ErrNotExist) {
			// A ../shared without this file (an older or partial copy).
			t.Logf("%s: skipped, a file it reads is absent: %v", dir, err)
			continue
		}
		if err != nil {
			t.Errorf("%s: the oracle cannot read it: %v", dir, err)
			continue
		}
		tl.datasets++
		var last time.Time
		for _, r := range ds.Rows {
			if r.isPlan() {
				continue
			}
			d := r.P.End
			if r.Released != "" {
				d, _ = parseDate(r.Released)
			}
			if d.After(last) {
				last = d
			}
		}
		lw := weekOf(last)
		rel, _ := filepath.Rel("..", dir)
		for _, back := range []int{0, 1, 52, 156} {
			w := weekOf(lw.Start.AddDate(0, 0, -7*back))
			f, err := runFacts("..", rel, w.ID)
			if err != nil {
				tl.errors = append(tl.errors, err.Error())
				continue
			}
			tl.add(compare(rel, w.ID, derive(ds, w), f.Facts, false, ds, w.End))
		}
		// read mid-week: a part week
		asOf := lw.Start.AddDate(0, 0, 2)
		f, err := runFactsAsOf("..", rel, asOf)
		if err != nil {
			tl.errors = append(tl.errors, err.Error())
			continue
		}
		tl.add(compare(rel+" as of "+asOf.Format("2006-01-02"), lw.ID, deriveAt(ds, asOf), f.Facts, false, ds, asOf))
	}
	if tl.datasets == 0 {
		t.Skip("none of the files the mappings read is in ../shared/data")
	}
	tl.report(t)
}
