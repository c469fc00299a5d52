package facts

import (
	"os"
	"testing"

	"github.com/briefhq/brief/internal/dataset"
)

// BenchmarkDerive derives the facts of a generated dataset: set
// BRIEF_BENCH_DATA to a folder made by scripts/gendata (go run
// ./scripts/gendata -rows 1000000 -out /tmp/ds1m). Without it, it skips.
func BenchmarkDerive(b *testing.B) {
	dir := os.Getenv("BRIEF_BENCH_DATA")
	if dir == "" {
		b.Skip("BRIEF_BENCH_DATA is not set: generate a dataset with scripts/gendata and name its folder")
	}
	ds, _, err := dataset.Load(dir, dataset.Options{})
	if err != nil {
		b.Fatal(err)
	}
	var asOf = day("2100-01-01")
	for _, o := range ds.Observations {
		if o.Released.After(asOf) || asOf.Year() == 2100 {
			asOf = o.Released
		}
	}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		Derive(ds, Options{AsOf: asOf, WeekStart: asOf.AddDate(0, 0, -6)})
	}
}
