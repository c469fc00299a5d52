package report

import (
	"fmt"
	"math"
	"os"
	"regexp"
	"sort"
	"strings"
	"testing"
)

var percentRE = regexp.MustCompile(`\d+(?:\.(\d+))?%`)

// Rates the file carries with 15-17 digits, without declared decimals,
// print with one decimal when most need one: a rate near zero among them
// does not give every row four ("95.4087%"), nor does a pair that prints
// alike among twelve give every row two more. The leader's figure is
// recomputed from the CSV.
func TestRatesKeepTheirPrecision(t *testing.T) {
	const dir = "../../testdata/truth/precision"
	out := weekly(t, dir, "2024-W11")
	md := plainMD(file(t, out, "brief.md"))
	for _, m := range percentRE.FindAllStringSubmatch(md, -1) {
		if len(m[1]) > 1 {
			t.Errorf("%s printed with %d decimals", m[0], len(m[1]))
		}
	}
	top, best := "", math.Inf(-1)
	for _, r := range readObs(t, dir) {
		if r.period == "2023" && r.value > best {
			top, best = r.entity, r.value
		}
	}
	contains(t, "the leader", md, fmt.Sprintf("%s had the highest GDP-deflator inflation of the twelve in 2023: %.1f%%", top, best))
	checkBrief(t, out)
}

// The real deflator without declared decimals: one decimal, as the file's
// digits never are (World Bank rows carry 15-17).
func TestWorldBankDeflatorUndeclaredDecimals(t *testing.T) {
	needShared(t, "inflation/inflation-consumer.csv")
	dir := t.TempDir()
	ds, err := os.ReadFile("../../testdata/mapping/worldbank/dataset.yaml")
	if err != nil {
		t.Fatal(err)
	}
	shared := sharedDir(t)
	if err := os.WriteFile(dir+"/dataset.yaml", []byte(strings.ReplaceAll(string(ds), "../../../../shared", shared)), 0o644); err != nil {
		t.Fatal(err)
	}
	cat, err := os.ReadFile("../../testdata/mapping/worldbank/indicators.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(dir+"/indicators.yaml", regexp.MustCompile(`(?m)^\s*decimals: 1\n`).ReplaceAll(cat, nil), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, week := range []string{"2010-W10", "2024-W10"} {
		md := plainMD(file(t, weekly(t, dir, week), "brief.md"))
		var long []string
		for _, m := range percentRE.FindAllStringSubmatch(md, -1) {
			if len(m[1]) > 1 {
				long = append(long, m[0])
			}
		}
		sort.Strings(long)
		if len(long) > 0 {
			t.Errorf("%s: rates with more than one decimal: %v", week, long)
		}
	}
}
