package dataset

import (
	"errors"
	"math"
	"os"
	"path/filepath"
	"testing"
	"testing/fstest"
)

// FuzzLoadCSV: any bytes either load or come back as findings, never a
// panic, and the error agrees with the findings.
func FuzzLoadCSV(f *testing.F) {
	seeds, _ := filepath.Glob("../../testdata/*/*/*.csv")
	more, _ := filepath.Glob("../../testdata/formats/*.csv")
	for _, p := range append(seeds, more...) {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(b)
		}
	}
	f.Add([]byte("indicator,entity,period,value,unit,source\n\"gdp,KZ,2024,1,USD,S\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		ds, diags, err := Load("o.csv", Options{FS: fstest.MapFS{"o.csv": {Data: data}}})
		var lerr *Error
		if diags.HasErrors() != (err != nil) || (err != nil && !errors.As(err, &lerr)) {
			t.Fatalf("err %v with findings %v", err, diagStrings(diags))
		}
		for _, o := range ds.Observations {
			if math.IsNaN(o.Value) || math.IsInf(o.Value, 0) || o.Indicator == "" || o.Entity == "" || o.Source == "" || o.Period.IsZero() {
				t.Fatalf("bad observation loaded: %+v", o)
			}
		}
		for _, d := range diags {
			if d.Pos.File != "o.csv" || d.Message == "" {
				t.Fatalf("finding %+v", d)
			}
		}
	})
}

// FuzzParseNumber: a number is accepted only if finite, and every error
// is a *NumberError with advice.
func FuzzParseNumber(f *testing.F) {
	for _, s := range []string{"27,8", "1,000", "-12.5", "1e9", "NaN", "Inf", "", " 3 ", "(12)", "1.234,5", "0x1p3", "1_000", "12%"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, err := ParseNumber(s)
		if err != nil {
			var ne *NumberError
			if !errors.As(err, &ne) || ne.Advice == "" {
				t.Fatalf("ParseNumber(%q): %v", s, err)
			}
			return
		}
		if math.IsNaN(v) || math.IsInf(v, 0) {
			t.Fatalf("ParseNumber(%q) = %v", s, v)
		}
	})
}
