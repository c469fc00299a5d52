package narrative

import (
	"testing"
	"time"

	"github.com/briefhq/brief/internal/dataset"
	"github.com/briefhq/brief/internal/facts"
	"github.com/briefhq/brief/internal/period"
	"github.com/briefhq/brief/templates"
)

// BenchmarkRenderSample renders the bundled sample's weekly brief and
// talking points through the embedded templates (the view is built once):
// the cost of template execution and its function calls.
// go test ./internal/narrative -run '^$' -bench . -benchmem
func BenchmarkRenderSample(b *testing.B) {
	gen := time.Date(2025, 11, 26, 10, 0, 0, 0, time.UTC)
	ds, _, err := dataset.Load("../../data", dataset.Options{Now: gen})
	if err != nil {
		b.Fatal(err)
	}
	w := period.MustParse("2025-W06")
	set := facts.Derive(ds, facts.Options{AsOf: w.End, WeekStart: w.Start})
	view := Build(ds, set, BuildOptions{Title: "Sample", Week: w, Generated: gen})
	weekly, err := LoadKind(templates.FS, "weekly", "templates/weekly")
	if err != nil {
		b.Fatal(err)
	}
	points, err := LoadKind(templates.FS, "points", "templates/points")
	if err != nil {
		b.Fatal(err)
	}
	b.Run("weekly", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := weekly.Render(view); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("points", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, _, err := points.RenderPoints(view, PointOptions{}); err != nil {
				b.Fatal(err)
			}
		}
	})
}
