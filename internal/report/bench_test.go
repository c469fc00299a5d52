package report

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/briefhq/brief/internal/dataset"
	"github.com/briefhq/brief/internal/facts"
	"github.com/briefhq/brief/internal/narrative"
	"github.com/briefhq/brief/internal/period"
	"github.com/briefhq/brief/templates"
)

// benchData generates a synthetic dataset of n rows once per run (with
// scripts/gendata) and returns its folder.
func benchData(b *testing.B, n int) string {
	b.Helper()
	dir := filepath.Join(os.TempDir(), "brief-bench-"+strconv.Itoa(n))
	if _, err := os.Stat(filepath.Join(dir, "observations.csv")); err == nil {
		return dir
	}
	cmd := exec.Command("go", "run", "../../scripts/gendata", "-rows", strconv.Itoa(n), "-out", dir)
	if out, err := cmd.CombinedOutput(); err != nil {
		b.Fatalf("gendata: %v\n%s", err, out)
	}
	return dir
}

func loadBench(b *testing.B, dir string) *dataset.Dataset {
	ds, _, err := dataset.Load(dir, dataset.Options{Now: generated})
	if err != nil {
		b.Fatal(err)
	}
	return ds
}

// The stages of a weekly brief, each on its own, at several sizes:
// go test ./internal/report -run '^$' -bench . -benchmem
func BenchmarkStages(b *testing.B) {
	for _, n := range []int{10000, 100000} {
		dir := benchData(b, n)
		b.Run("load/"+strconv.Itoa(n), func(b *testing.B) {
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				loadBench(b, dir)
			}
		})
		ds := loadBench(b, dir)
		week := period.WeekOf(LatestDay(ds, generated))
		b.Run("facts/"+strconv.Itoa(n), func(b *testing.B) {
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				facts.Derive(ds, facts.Options{AsOf: week.End, WeekStart: week.Start})
			}
		})
		set := facts.Derive(ds, facts.Options{AsOf: week.End, WeekStart: week.Start})
		kind, err := narrative.LoadKind(templates.FS, "weekly", "templates/weekly")
		if err != nil {
			b.Fatal(err)
		}
		b.Run("markdown/"+strconv.Itoa(n), func(b *testing.B) {
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				view := narrative.Build(ds, set, narrative.BuildOptions{Week: week, Generated: generated})
				if _, err := kind.Render(view); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run("weekly-md-pdf-json/"+strconv.Itoa(n), func(b *testing.B) {
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				if _, err := Weekly(context.Background(), ds, kind, Options{Week: week, Generated: generated, Formats: Formats{MD: true, PDF: true, JSON: true}}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkSampleWeekly is the bundled sample's weekly brief, Markdown,
// PDF and JSON, in memory.
func BenchmarkSampleWeekly(b *testing.B) {
	ds := loadBench(b, "../../data")
	kind, err := narrative.LoadKind(templates.FS, "weekly", "templates/weekly")
	if err != nil {
		b.Fatal(err)
	}
	week := period.WeekOf(LatestDay(ds, generated))
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := Weekly(context.Background(), ds, kind, Options{Week: week, Generated: generated, Formats: Formats{MD: true, PDF: true, JSON: true}}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkEntityBrief is one brief of a --per entity batch: a dozen
// monthly series of ten indicators, Markdown, PDF and JSON.
func BenchmarkEntityBrief(b *testing.B) {
	ds := loadBench(b, benchData(b, 10000))
	sub := dataset.NewIndex(ds).Subset([]string{ds.Entities[0].ID})
	kind, err := narrative.LoadKind(templates.FS, "weekly", "templates/weekly")
	if err != nil {
		b.Fatal(err)
	}
	week := period.WeekOf(LatestDay(ds, generated))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := Weekly(context.Background(), sub, kind, Options{Week: week, Generated: generated, Formats: Formats{MD: true, PDF: true, JSON: true}}); err != nil {
			b.Fatal(err)
		}
	}
}
