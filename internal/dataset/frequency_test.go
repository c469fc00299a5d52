package dataset

import (
	"strings"
	"testing"
	"testing/fstest"
)

// TestMixedFrequencyWarns: a daily row in a weekly series would hide the
// week's figure; validation says so at that row, naming both lines.
func TestMixedFrequencyWarns(t *testing.T) {
	csv := "indicator,entity,period,value,unit,source,source_url\n" +
		"arrivals,KZ,2025-W04,15000,visitors,Border service,https://example.org\n" +
		"arrivals,KZ,2025-W05,12000,visitors,Border service,https://example.org\n" +
		"arrivals,KZ,2025-02-03,1700,visitors,Border service,https://example.org\n" +
		"arrivals,UZ,2025-W05,9000,visitors,Border service,https://example.org\n"
	_, diags, err := Load("o.csv", Options{FS: fstest.MapFS{"o.csv": {Data: []byte(csv)}}})
	if err != nil {
		t.Fatal(err)
	}
	want := "o.csv:4: warning: series arrivals for KZ mixes weekly figures (line 2) with daily ones: a series is compared period with period; give these figures an indicator of their own"
	got := strings.Join(diagStrings(diags), "\n")
	if !strings.Contains(got, want) {
		t.Errorf("findings:\n%s\nwant one like %q", got, want)
	}
}
