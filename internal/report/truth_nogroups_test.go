package report

import (
	"fmt"
	"os"
	"sort"
	"strings"
	"testing"
)

// An entity catalog without groups ranks every entity and charts the
// leaders, as a dataset without a catalog does (blind review: the COVID
// file with an entity catalog drew one chart of China, the first and
// smallest, and ranked no one). The ranking is recomputed from the CSV.
func TestCatalogWithoutGroupsRanksAll(t *testing.T) {
	const dir = "../../testdata/truth/nogroups"
	out := weekly(t, dir, "2024-W12")
	md := plainMD(file(t, out, "brief.md"))
	names := map[string]string{"SM": "Smallia", "BG": "Bigland", "MD": "Midland", "LO": "Lowland"}
	var latest []obsRow
	for _, r := range readObs(t, dir) {
		if r.period == "2023" {
			latest = append(latest, r)
		}
	}
	sort.Slice(latest, func(i, j int) bool { return latest[i].value > latest[j].value })
	contains(t, "the ranking", md,
		fmt.Sprintf("%s had the highest exports of the four in 2023: $%.1f billion", names[latest[0].entity], latest[0].value/1e9),
		fmt.Sprintf("%s came second with $%.1f billion.", names[latest[1].entity], latest[1].value/1e9),
		"*Figure 1. Exports, 2023.*")
	lacks(t, "the charts", md, "Exports, Smallia,")
	var order []string
	for _, m := range tableRowRE.FindAllStringSubmatch(md, -1) {
		if m[1] != "Entity" && !strings.HasPrefix(m[1], ":--") {
			order = append(order, m[1])
		}
	}
	for i, r := range latest {
		if i >= len(order) || order[i] != names[r.entity] {
			t.Errorf("table row %d is %v, the CSV ranks %s", i+1, order, names[r.entity])
			break
		}
	}
	checkBrief(t, out)
}

// The real COVID file with an entity catalog of its eight countries.
func TestCovidWithEntityCatalogRanks(t *testing.T) {
	needShared(t, "covid/key-countries-pivoted.csv")
	dir := t.TempDir()
	ds, err := readFile("../../testdata/mapping/covid/dataset.yaml")
	if err != nil {
		t.Fatal(err)
	}
	shared := sharedDir(t)
	writeFile(t, dir+"/dataset.yaml", strings.ReplaceAll(ds, "../../../../shared", shared))
	cat, err := readFile("../../testdata/mapping/covid/indicators.yaml")
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, dir+"/indicators.yaml", cat)
	writeFile(t, dir+"/entities.yaml", "entities:\n  - {id: CHN, name: China}\n  - {id: USA, name: United States}\n  - {id: GBR, name: United Kingdom}\n  - {id: ITA, name: Italy}\n  - {id: FRA, name: France}\n  - {id: DEU, name: Germany}\n  - {id: ESP, name: Spain}\n  - {id: IRN, name: Iran}\n")
	md := plainMD(file(t, weekly(t, dir, "2021-W30"), "brief.md"))
	contains(t, "2021-W30", md, "The United States had the most confirmed COVID-19 cases to date of the eight")
	lacks(t, "2021-W30", md, "Confirmed COVID-19 cases, China,")
}

func readFile(name string) (string, error) {
	b, err := os.ReadFile(name)
	return string(b), err
}

func writeFile(t *testing.T, name, text string) {
	t.Helper()
	if err := os.WriteFile(name, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

// sharedDir is ../shared beside the repository, as an absolute path.
func sharedDir(t *testing.T) string {
	t.Helper()
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	return strings.TrimSuffix(wd, "/internal/report") + "/../shared"
}
