package dataset

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestScaledDecimalsWarn: declared decimals count after the scale word,
// so "decimals: 0" writes 7,415,084 cases as "7 million"; brief validate
// says so at the indicator and says what to write instead (the model
// simulator, ms2, read "7 million cases" beside "789,932 cases"). Two
// significant digits or more ("27.8 billion", "12 million") is fine.
func TestScaledDecimalsWarn(t *testing.T) {
	write := func(decimals, value string) string {
		dir := t.TempDir()
		cat := "indicators:\n  - id: cases\n    name: Cases\n    unit: cases\n    decimals: " + decimals + "\n"
		obs := "indicator,entity,period,value,unit,source,source_url\ncases,US,2020-10-04,1000,cases,S,https://s.example/\ncases,US,2020-10-05," + value + ",cases,S,https://s.example/\n"
		for name, body := range map[string]string{"indicators.yaml": cat, "observations.csv": obs} {
			if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		return dir
	}
	for _, c := range []struct {
		decimals, value, want string
	}{
		{"0", "7415084", `indicators.yaml:2:5: warning: cases: decimals: 0 counts after the scale word, so 7.42 million is written "7 million" (5.6% off): leave decimals out for figures that reach millions (they keep three significant digits) or declare more`},
		{"1", "7415084", ""},
		{"0", "17415084", ""},
		{"0", "7000000", ""},
	} {
		_, diags, err := Load(write(c.decimals, c.value), Options{})
		if err != nil {
			t.Fatal(err)
		}
		got := strings.Join(diagStrings(diags), "\n")
		if c.want != "" && !strings.Contains(got, c.want) {
			t.Errorf("decimals %s, %s: diagnostics lack %q:\n%s", c.decimals, c.value, c.want, got)
		}
		if c.want == "" && strings.Contains(got, "counts after the scale word") {
			t.Errorf("decimals %s, %s: warned:\n%s", c.decimals, c.value, got)
		}
	}
}
