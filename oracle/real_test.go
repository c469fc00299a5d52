package oracle

import (
	"errors"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"testing"
	"time"
)

// realMappings lists the dataset folders under testdata/ (but bad/) that
// have a dataset.yaml: those that read the files of ../shared/data in
// place, and the synthetic agency fixtures of testdata/mapping (a World
// Bank API download, Eurostat's SDMX-CSV, a German Excel's CSV, a
// workbook; invented figures), which hold their files.
func realMappings(t *testing.T) []string {
	return mappingsUnder(filepath.Join("..", "testdata"))
}

// mappingsUnder lists the folders under root (but bad/) that have a
// dataset.yaml.
func mappingsUnder(root string) []string {
	var dirs []string
	filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		if d.IsDir() && d.Name() == "bad" {
			return filepath.SkipDir
		}
		if d.Name() != "dataset.yaml" {
			return nil
		}
		dirs = append(dirs, filepath.Dir(p))
		return nil
	})
	sort.Strings(dirs)
	return dirs
}

// generatedMappings makes the same agency and Excel layouts from the real
// files of ../shared/data, which the project does not copy, into a
// temporary folder with the project's generator, run as a command (go run
// ./internal/fixtures/makefixtures -real), so that the oracle imports no
// package of the engine, and lists their folders (absolute paths). None
// when ../shared is absent.
func generatedMappings(t *testing.T) []string {
	if _, err := os.Stat(filepath.Join("..", "..", "shared", "data", "gdp", "gdp.csv")); err != nil {
		t.Logf("the real-shaped agency fixtures are not made (no ../shared/data): %v", err)
		return nil
	}
	out := t.TempDir()
	cmd := exec.Command("go", "run", "./internal/fixtures/makefixtures", "-real", "../shared/data", "-out", out)
	cmd.Dir = ".."
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go run ./internal/fixtures/makefixtures -real ../shared/data: %v\n%s", err, b)
	}
	dirs := mappingsUnder(out)
	if len(dirs) == 0 {
		t.Fatalf("makefixtures wrote no dataset.yaml into %s", out)
	}
	return dirs
}

// TestOracleRealData compares every claim on the real files of
// ../shared/data, read in place through the mappings under testdata/, on
// the synthetic agency fixtures of testdata/mapping, and on the same
// agency layouts made from ../shared/data at test time
// (generatedMappings), for the latest week of each and three earlier
// ones, and as of the Wednesday of the latest week. A mapping whose files
// are absent (no ../shared beside the repository) is skipped.
func TestOracleRealData(t *testing.T) {
	dirs := append(realMappings(t), generatedMappings(t)...)
	if len(dirs) == 0 {
		t.Fatal("no dataset.yaml under testdata/")
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
		rel := dir // a generated folder, absolute
		if !filepath.IsAbs(dir) {
			rel, _ = filepath.Rel("..", dir)
		}
		claims, agree := 0, 0
		add := func(r result) {
			claims += r.Claims
			agree += r.Agree
			tl.add(r)
		}
		for _, back := range []int{0, 1, 52, 156} {
			w := weekOf(lw.Start.AddDate(0, 0, -7*back))
			f, err := runFacts("..", rel, w.ID)
			if err != nil {
				tl.errors = append(tl.errors, err.Error())
				continue
			}
			add(compare(rel, w.ID, derive(ds, w), f.Facts, false, ds, w.End))
		}
		// read mid-week: a part week
		asOf := lw.Start.AddDate(0, 0, 2)
		f, err := runFactsAsOf("..", rel, asOf)
		if err != nil {
			tl.errors = append(tl.errors, err.Error())
			continue
		}
		add(compare(rel+" as of "+asOf.Format("2006-01-02"), lw.ID, deriveAt(ds, asOf), f.Facts, false, ds, asOf))
		t.Logf("%s: %d rows read by the oracle, %d claims checked in 5 runs, %d agree", rel, len(ds.Rows), claims, agree)
	}
	if tl.datasets == 0 {
		t.Skip("none of the files the mappings read is there (no ../shared/data)")
	}
	tl.report(t)
}
