package report

import (
	"encoding/csv"
	"fmt"
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// Faults a blind review found on the World Bank, COVID and Euribor files,
// each asserted on a small invented dataset under testdata/truth (a plain
// clone runs them) and, where it shows, on the real file (skipped without
// ../shared). Where practical the test recomputes what the page says from
// the CSV, so that a wrong figure and a wrong word both fail.

// readCSV is a truth fixture's CSV file, header first.
func readCSV(t *testing.T, path string) [][]string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	return recs
}

// obsRow is a row of a truth fixture's observations.csv.
type obsRow struct {
	indicator, entity, period string
	value                     float64
}

func readObs(t *testing.T, dir string) []obsRow {
	t.Helper()
	recs := readCSV(t, dir+"/observations.csv")
	col := map[string]int{}
	for i, h := range recs[0] {
		col[h] = i
	}
	var out []obsRow
	for _, r := range recs[1:] {
		v, err := strconv.ParseFloat(r[col["value"]], 64)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, obsRow{r[col["indicator"]], r[col["entity"]], r[col["period"]], v})
	}
	return out
}

// saidAs is how a figure of a rate that names its negative side must be
// said: "deflation of 26.7%" below zero, "GDP-deflator inflation of 36.5%"
// (or the bare "17.7%" of the sentence's own subject) above.
func saidAs(v float64) string {
	if v < 0 {
		return fmt.Sprintf("deflation of %.1f%%", -v)
	}
	return fmt.Sprintf("%.1f%%", v)
}

// A figure that crosses zero is said by what each side is: "deflation of
// 26.7% in 2014, after GDP-deflator inflation of 36.5% in 2013", never
// "deflation of 26.7%, after 36.5%" (which reads as deflation too) nor
// "rose to 17.7% from -26.7%" (a bare negative rate, a hyphen for a
// minus). Each entity's sentence is rebuilt from the CSV.
func TestChangesAcrossZeroSayEachSide(t *testing.T) {
	const dir = "../../testdata/truth/crossed"
	out := weekly(t, dir, "2015-W11")
	md := plainMD(file(t, out, "brief.md"))
	pts := plainMD([]byte(pointsOf(t, dir, "2015-W11", "internal")))
	byEntity := map[string]map[string]float64{}
	for _, r := range readObs(t, dir) {
		if byEntity[r.entity] == nil {
			byEntity[r.entity] = map[string]float64{}
		}
		byEntity[r.entity][r.period] = r.value
	}
	for e, vs := range byEntity {
		cur, prev := vs["2014"], vs["2013"]
		earlier := saidAs(prev)
		if prev > 0 && cur < 0 {
			earlier = "GDP-deflator inflation of " + earlier
		}
		now, want := saidAs(cur), fmt.Sprintf(", after %s in 2013", earlier)
		for what, text := range map[string]string{"brief": md, "points": pts} {
			found, said := false, false
			for _, line := range strings.Split(strings.ReplaceAll(text, ". ", "\n"), "\n") {
				if strings.Contains(line, e+" ") || strings.Contains(line, e+"'s") {
					said = said || strings.Contains(line, "2013")
					if strings.Contains(line, now) && strings.Contains(line, want) {
						found = true
					}
				}
			}
			// The points may leave a member's change unsaid; the brief
			// says every one.
			if !found && (what == "brief" || said) {
				t.Errorf("%s: no sentence on %s says %q and %q:\n%s", what, e, now, want, text)
			}
		}
	}
	for _, text := range []string{md, pts} {
		lacks(t, "a change across zero", text, "from -", "after 36.5%", "(-", "down from deflation", "up from deflation")
		if regexp.MustCompile(`(^|[ (])-\d`).MatchString(text) {
			t.Errorf("a negative rate printed with a hyphen in the text:\n%s", text)
		}
	}
	checkBrief(t, out)
}

// The real GDP deflator: Turkmenistan's deflation of 3.3% in 2023 came
// after inflation of 11.0% in 2022 (the central-asia mapping of the World
// Bank file); South Sudan's 17.7% in 2015 came after deflation of 26.7%,
// never "from -26.7%".
func TestWorldBankDeflatorAcrossZero(t *testing.T) {
	needShared(t, "inflation/inflation-consumer.csv")
	pts := plainMD([]byte(pointsOf(t, "../../testdata/mapping/central-asia", "2023-W52", "internal")))
	contains(t, "central-asia points", pts, "Turkmenistan recorded deflation of 3.3% in 2023, after GDP-deflator inflation of 11.0% in 2022.")
	for _, week := range []string{"2015-W30", "2016-W10"} {
		md := plainMD(file(t, weekly(t, "../../testdata/mapping/worldbank", week), "brief.md"))
		lacks(t, week, md, "from -26.7%", "from −26.7%", "after 36.5%")
	}
}
