package dataset

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// N2 of the second review: a monthly series whose every month of a year
// has the same value, for years in a row, is annual figures repeated
// monthly; brief validate says so at the first such row.
func TestRepeatedAnnualFiguresWarn(t *testing.T) {
	write := func(vals func(y, m int) string) string {
		dir := t.TempDir()
		var b strings.Builder
		b.WriteString("indicator,entity,period,value,unit,source,source_url\n")
		for y := 1898; y <= 1901; y++ {
			for m := 1; m <= 12; m++ {
				fmt.Fprintf(&b, "gold_price,XAU,%d-%02d,%s,USD,S,https://s.example/\n", y, m, vals(y, m))
			}
		}
		if err := os.WriteFile(filepath.Join(dir, "observations.csv"), []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
		return dir
	}
	// 1898 to 1900 repeat one figure a year; 1901 moves every month.
	dir := write(func(y, m int) string {
		if y < 1901 {
			return fmt.Sprintf("%d.5", y-1880)
		}
		return fmt.Sprintf("%d", 30+m)
	})
	_, diags, err := Load(dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := "observations.csv:2: warning: gold_price: from 1898 to 1900 every month of a year has the same value: annual figures repeated monthly? give those years as years (period 1898) or leave them out; as they are, a brief takes each such row as known once its year is over, as an annual figure is"
	if got := strings.Join(diagStrings(diags), "\n"); !strings.Contains(got, want) {
		t.Errorf("diagnostics lack %q:\n%s", want, got)
	}
	// A rate held for years, the same throughout, is no annual figure.
	dir = write(func(y, m int) string { return "4.25" })
	_, diags, err = Load(dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(diagStrings(diags), "\n"); strings.Contains(got, "repeated monthly") {
		t.Errorf("a constant rate is read as annual figures:\n%s", got)
	}
}
