package report

import (
	"fmt"
	"os"
	"strings"
	"testing"
)

// A series that ended long before the brief's week is said to have
// ended, with its last figure and day, never as overdue or as a part
// week (blind review: the Johns Hopkins recoveries, which stop on 4
// August 2021, read as "overdue" in briefs of 2022). The last figure is
// found in the CSV (the last row before the zeros).
func TestEndedSeriesSaidToHaveEnded(t *testing.T) {
	const dir = "../../testdata/truth/ended"
	out := weekly(t, dir, "2021-W40")
	md := plainMD(file(t, out, "brief.md"))
	last, day := 0.0, ""
	for _, r := range readObs(t, dir) {
		if r.indicator == "recovered" && r.value != 0 {
			last, day = r.value, r.period
		}
	}
	if day != "2021-08-04" {
		t.Fatalf("the fixture's recoveries end on %s", day)
	}
	contains(t, "the section", md,
		"The recoveries series ended on 4 August 2021: the figure below is its last, not a current one.",
		fmt.Sprintf("Worldland's recoveries stood at %s people in total by 4 August 2021.", commas(last)))
	for _, line := range strings.Split(md, "\n") {
		if strings.Contains(line, "recoveries") && (strings.Contains(line, "overdue") || strings.Contains(line, "so far") || strings.Contains(line, "days to")) {
			t.Errorf("an ended series said as late or current: %s", line)
		}
	}
	// Two weeks after its last figure it is only overdue, not ended.
	md = plainMD(file(t, weekly(t, dir, "2021-W33"), "brief.md"))
	contains(t, "2021-W33", md, "Newer figures are overdue for recoveries (the latest are for 4 August 2021).")
	lacks(t, "2021-W33", md, "series ended")
	checkBrief(t, out)
}

// commas writes a whole number with thousands separators.
func commas(v float64) string {
	s := fmt.Sprintf("%.0f", v)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// The real worldwide file: recoveries end on 4 August 2021.
func TestJohnsHopkinsRecoveriesEnded(t *testing.T) {
	needShared(t, "covid/worldwide-aggregate.csv")
	dir := t.TempDir()
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	file_ := strings.TrimSuffix(wd, "/internal/report") + "/../shared/data/covid/worldwide-aggregate.csv"
	for name, text := range map[string]string{
		"dataset.yaml": "observations:\n  - file: " + file_ + "\n    columns: {period: Date}\n    ignore: [Increase rate]\n    wide: {Confirmed: confirmed, Recovered: recovered, Deaths: deaths}\n    constants: {entity: WLD, unit: people, source: Johns Hopkins CSSE, source_url: https://github.com/datasets/covid-19}\n",
		"indicators.yaml": "topics: [{id: covid, name: COVID-19}]\nindicators:\n" +
			"  - {id: confirmed, name: Confirmed cases, phrase: confirmed cases, topic: covid, unit: people, summary: cumulative, higher_is: bad}\n" +
			"  - {id: recovered, name: Recoveries, phrase: recoveries, topic: covid, unit: people, summary: cumulative, higher_is: good}\n" +
			"  - {id: deaths, name: Deaths, phrase: deaths, topic: covid, unit: people, summary: cumulative, higher_is: bad}\n",
		"entities.yaml": "entities:\n  - {id: WLD, name: the world}\n",
	} {
		if err := os.WriteFile(dir+"/"+name, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	md := plainMD(file(t, weekly(t, dir, "2022-W15"), "brief.md"))
	contains(t, "2022-W15", md, "The recoveries series ended on 4 August 2021")
	lacks(t, "2022-W15", md, "overdue for recoveries")
}
