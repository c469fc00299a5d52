package dataset

import (
	"errors"
	"math"
	"os"
	"path/filepath"
	"testing"
	"testing/fstest"
)

// fuzzFolder loads a folder whose file name is fixed and content fuzzed,
// beside a small valid observations file, and checks the invariants of
// every load: findings and error agree, every finding is located in a
// file of the folder, no loaded figure is NaN or without source.
func fuzzFolder(t *testing.T, files fstest.MapFS) {
	ds, diags, err := Load("d", Options{FS: files})
	var lerr *Error
	if diags.HasErrors() != (err != nil) || (err != nil && !errors.As(err, &lerr)) {
		t.Fatalf("err %v with findings %v", err, diagStrings(diags))
	}
	for _, d := range diags {
		if d.Message == "" || d.Pos.File == "" {
			t.Fatalf("finding without message or file: %+v", d)
		}
	}
	if ds == nil {
		t.Fatal("nil dataset")
	}
	for _, o := range ds.Observations {
		if math.IsNaN(o.Value) || math.IsInf(o.Value, 0) || o.Source == "" {
			t.Fatalf("bad observation loaded: %+v", o)
		}
	}
}

const okCSV = "indicator,entity,period,value,unit,source\ngdp,KZ,2024,1,USD,S\n"

func seedFiles(f *testing.F, pattern string) {
	paths, _ := filepath.Glob(pattern)
	for _, p := range paths {
		if b, err := os.ReadFile(p); err == nil && len(b) < 1<<16 {
			f.Add(b)
		}
	}
}

// FuzzLoadJSON: observations as JSON.
func FuzzLoadJSON(f *testing.F) {
	seedFiles(f, "../../testdata/*/*/*.json")
	seedFiles(f, "../../testdata/formats/*.json")
	f.Fuzz(func(t *testing.T, data []byte) {
		fuzzFolder(t, fstest.MapFS{"d/observations.json": {Data: data}})
	})
}

// FuzzLoadYAML: observations as YAML.
func FuzzLoadYAML(f *testing.F) {
	seedFiles(f, "../../testdata/formats/*.yaml")
	f.Add([]byte("observations:\n  - {indicator: gdp, entity: KZ, period: 2024, value: 1, unit: USD, source: S}\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		fuzzFolder(t, fstest.MapFS{"d/observations.yaml": {Data: data}})
	})
}

// FuzzCatalogs: indicators.yaml and entities.yaml.
func FuzzCatalogs(f *testing.F) {
	seedFiles(f, "../../testdata/*/*/indicators.yaml")
	seedFiles(f, "../../testdata/*/*/entities.yaml")
	seedFiles(f, "../../data/*.yaml")
	f.Fuzz(func(t *testing.T, data []byte) {
		fuzzFolder(t, fstest.MapFS{"d/observations.csv": {Data: []byte(okCSV)}, "d/indicators.yaml": {Data: data}})
		fuzzFolder(t, fstest.MapFS{"d/observations.csv": {Data: []byte(okCSV)}, "d/entities.yaml": {Data: data}})
	})
}

// FuzzMapping: dataset.yaml over a small CSV of another shape.
func FuzzMapping(f *testing.F) {
	seedFiles(f, "../../testdata/bad/*/dataset.yaml")
	f.Add([]byte("observations:\n  - file: w.csv\n    columns: {entity: Code, period: Year}\n    wide: {GDP: gdp}\n    constants: {unit: USD, source: S}\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		fuzzFolder(t, fstest.MapFS{
			"d/dataset.yaml": {Data: data},
			"d/w.csv":        {Data: []byte("Code,Year,GDP\nKZ,2024,1\n")},
		})
	})
}

// FuzzEvents: events.csv.
func FuzzEvents(f *testing.F) {
	seedFiles(f, "../../testdata/*/*/events.csv")
	seedFiles(f, "../../data/events.csv")
	f.Fuzz(func(t *testing.T, data []byte) {
		fuzzFolder(t, fstest.MapFS{"d/observations.csv": {Data: []byte(okCSV)}, "d/events.csv": {Data: data}})
	})
}
