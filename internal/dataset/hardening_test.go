package dataset

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// sharedData is the absolute path of ../shared/data beside the
// repository; the test is skipped, saying why, on a plain clone.
func sharedData(t *testing.T) string {
	t.Helper()
	dir, err := filepath.Abs("../../../shared/data")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dir, "gdp", "gdp.csv")); err != nil {
		t.Skip("../shared/data is not beside the repository (a plain clone): the real files are read in place from there")
	}
	return dir
}

// writeDataset writes files (name: content) into a new folder and
// returns it.
func writeDataset(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, content := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// findings are a load's findings as printed, with dir cut from the
// positions so that the messages read as a user in the folder sees them.
func findings(t *testing.T, dir string) []string {
	t.Helper()
	_, diags, _ := Load(dir, Options{Now: time.Date(2026, 11, 26, 0, 0, 0, 0, time.UTC)})
	var out []string
	for _, d := range diags {
		out = append(out, strings.ReplaceAll(d.String(), dir+string(filepath.Separator), ""))
	}
	return out
}

// hasFinding fails unless one of got is want.
func hasFinding(t *testing.T, got []string, want string) {
	t.Helper()
	for _, g := range got {
		if g == want {
			return
		}
	}
	t.Errorf("no finding\n%s\nin\n%s", want, strings.Join(got, "\n"))
}

// TestEntityListTypoRealWorldBank: a typo in exclude_entities or
// only_entities of a mapping of the real gdp.csv is an error at its place
// in dataset.yaml, with the id it was likely meant to be.
func TestEntityListTypoRealWorldBank(t *testing.T) {
	gdp := filepath.Join(sharedData(t), "gdp", "gdp.csv")
	dir := writeDataset(t, map[string]string{"dataset.yaml": `observations:
  - file: ` + gdp + `
    columns: {entity: Country Code, period: Year, value: Value}
    entity_name: Country Name
    exclude_entities: [WLD, KAZZ]
    constants: {indicator: gdp, unit: USD, source: World Bank, source_url: https://data.worldbank.org/indicator/NY.GDP.MKTP.CD}
  - file: ` + gdp + `
    columns: {entity: Country Code, period: Year, value: Value}
    only_entities: [KAZ, UZB, TJKK]
    ignore: [Country Name]
    constants: {indicator: gdp2, unit: USD, source: World Bank, source_url: https://data.worldbank.org/indicator/NY.GDP.MKTP.CD}
`})
	got := findings(t, dir)
	hasFinding(t, got, `dataset.yaml:5:29: exclude_entities: "KAZZ" matches no entity of gdp.csv, so it leaves nothing out: correct the id (did you mean "KAZ"?) or remove it`)
	hasFinding(t, got, `dataset.yaml:9:31: only_entities: "TJKK" matches no entity of gdp.csv, so the brief has no figure for it: correct the id (did you mean "TJK"?) or remove it`)
}
