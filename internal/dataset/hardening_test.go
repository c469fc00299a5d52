package dataset

import (
	"fmt"
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

// TestAggregates: entities that look like aggregates of the others and
// are ranked with them are named in one warning per file, with how to
// leave them out; declared apart by the groups of entities.yaml, or
// asked for by only_entities, they are not.
func TestAggregates(t *testing.T) {
	t.Chdir("../..")
	got := findings(t, "testdata/aggregates/total-row")
	want := []string{`observations.csv:5: warning: 1 entity of observations.csv looks like an aggregate of others, not an entity of its own: Total (its value is the sum of the others' in 2 periods); rankings and shares would count it beside the others: leave its rows out of observations.csv, or give an entities.yaml whose groups hold the entities to rank, and not it`}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("total-row:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	got = findings(t, "testdata/aggregates/worldbank-codes")
	want = []string{`gdp.csv:4: warning: 2 entities of gdp.csv look like aggregates of others, not entities of their own: WLD (World), HIC (High income) (World Bank aggregate codes); rankings and shares would count them beside the others (World first): leave them out with exclude_entities: [WLD, HIC] in its entry in dataset.yaml (line 5), or list the entities to keep with only_entities, or give an entities.yaml whose groups hold the entities to rank, and not them`}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("worldbank-codes:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}

	gdp, err := os.ReadFile("testdata/aggregates/worldbank-codes/gdp.csv")
	if err != nil {
		t.Fatal(err)
	}
	mapping := "observations:\n  - file: gdp.csv\n    columns: {entity: Country Code, period: Year, value: Value}\n    ignore: [Country Name]\n%s    constants: {indicator: gdp, unit: USD, source: S, source_url: https://example.org/gdp}\n"
	for _, c := range []struct{ name, extra, entities, want string }{
		{"already excluded in part", "    exclude_entities: [HIC]\n", "",
			`gdp.csv:8: warning: 1 entity of gdp.csv looks like an aggregate of others, not an entity of its own: WLD (World) (World Bank aggregate codes); rankings and shares would count it beside the others (World first): add it to the exclude_entities of its entry in dataset.yaml (line 2): WLD, or give an entities.yaml whose groups hold the entities to rank, and not it`},
		{"asked for", "    only_entities: [XBO, XSY, WLD]\n", "", ""},
		{"excluded", "    exclude_entities: [WLD, HIC]\n", "", ""},
		{"grouped apart", "", "entities:\n  - {id: XBO, name: Borduria, groups: [countries]}\n  - {id: XSY, name: Syldavia, groups: [countries]}\n  - {id: WLD, name: World}\n  - {id: HIC, name: High income, groups: [income]}\n", ""},
		{"grouped together", "", "entities:\n  - {id: XBO, name: Borduria, groups: [all]}\n  - {id: XSY, name: Syldavia, groups: [all]}\n  - {id: WLD, name: World, groups: [all]}\n  - {id: HIC, name: High income}\n",
			`gdp.csv:8: warning: 1 entity of gdp.csv looks like an aggregate of others, not an entity of its own: WLD (World) (World Bank aggregate codes); rankings and shares would count it beside the others (World first): leave it out with exclude_entities: [WLD] in its entry in dataset.yaml (line 2), or list the entities to keep with only_entities, or give it no group the other entities have in entities.yaml (groups are what a brief ranks)`},
	} {
		files := map[string]string{"gdp.csv": string(gdp), "dataset.yaml": fmt.Sprintf(mapping, c.extra)}
		if c.entities != "" {
			files["entities.yaml"] = c.entities
		}
		got := findings(t, writeDataset(t, files))
		var aggr []string
		for _, g := range got {
			if strings.Contains(g, "aggregate") {
				aggr = append(aggr, g)
			}
		}
		if strings.Join(aggr, "\n") != c.want {
			t.Errorf("%s:\n%s\nwant\n%s", c.name, strings.Join(got, "\n"), c.want)
		}
	}
}

// TestAggregatesRealWorldBank: the real gdp.csv read without
// exclude_entities names its 48 aggregates, World first; the project's
// mapping, which excludes them, is not warned.
func TestAggregatesRealWorldBank(t *testing.T) {
	gdp := filepath.Join(sharedData(t), "gdp", "gdp.csv")
	dir := writeDataset(t, map[string]string{"dataset.yaml": `observations:
  - file: ` + gdp + `
    columns: {entity: Country Code, period: Year, value: Value}
    entity_name: Country Name
    constants: {indicator: gdp, unit: USD, source: World Bank, source_url: https://data.worldbank.org/indicator/NY.GDP.MKTP.CD}
`})
	got := findings(t, dir)
	hasFinding(t, got, gdp+`:25: warning: 48 entities of gdp.csv look like aggregates of others, not entities of their own: WLD (World), AFE (Africa Eastern and Southern), AFW (Africa Western and Central) and 45 more (World Bank aggregate codes); rankings and shares would count them beside the others (World first): leave them out with exclude_entities: [WLD, AFE, AFW, ARB, CSS, CEB, EAR, EAS, TEA, EAP, EMU, ECS, TEC, ECA, EUU, FCS, HPC, HIC, IBD, IBT, IDB, IDX, IDA, LTE, LCN, LAC, TLA, LDC, LMY, LIC, LMC, MEA, TMN, MNA, MIC, NAC, OED, OSS, PSS, PST, PRE, SST, SAS, TSA, SSF, TSS, SSA, UMC] in its entry in dataset.yaml (line 2), or list the entities to keep with only_entities, or give an entities.yaml whose groups hold the entities to rank, and not them`)

	t.Chdir("../..")
	for _, d := range findings(t, "testdata/mapping/worldbank") {
		if strings.Contains(d, "aggregate") {
			t.Errorf("testdata/mapping/worldbank: %s", d)
		}
	}
}

// TestRunningTotalUndeclared: daily figures that never fall (but for a
// revision), of an indicator whose summary is not declared, get a
// warning at their first row naming the catalog's line; declared, either
// way, they do not; a price that moves both ways does not.
func TestRunningTotalUndeclared(t *testing.T) {
	t.Chdir("../..")
	want := `observations.csv:2: warning: doses: the daily figures of 2 of its 2 series fall only once in 68 days (revisions?), as running totals do (e.g. Astana: 1,010 on 2026-03-02, 2,935 on 2026-04-05): if they are totals to date, declare summary: cumulative for doses in indicators.yaml (line 6), so that a week reads as its increase, not as a record each week; if they are levels, declare summary: level to say so`
	got := findings(t, "testdata/running-total")
	if strings.Join(got, "\n") != want {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), want)
	}
	obs, err := os.ReadFile("testdata/running-total/observations.csv")
	if err != nil {
		t.Fatal(err)
	}
	cat := "topics:\n  - {id: health, name: Health}\nindicators:\n  - {id: doses, name: Vaccine doses given, topic: health, unit: doses%s}\n"
	for _, summary := range []string{", summary: cumulative", ", summary: level", ", summary: flow"} {
		got := findings(t, writeDataset(t, map[string]string{"observations.csv": string(obs), "indicators.yaml": fmt.Sprintf(cat, summary)}))
		if len(got) != 0 {
			t.Errorf("%s: %s", summary, strings.Join(got, "\n"))
		}
	}
	// Without a catalog: where to declare it.
	got = findings(t, writeDataset(t, map[string]string{"observations.csv": string(obs)}))
	hasFinding(t, got, `observations.csv:2: warning: doses: the daily figures of 2 of its 2 series fall only once in 68 days (revisions?), as running totals do (e.g. Astana: 1,010 on 2026-03-02, 2,935 on 2026-04-05): if they are totals to date, declare summary: cumulative for doses in indicators.yaml (a catalog that lists every indicator: - {id: doses, unit: doses, summary: cumulative}), so that a week reads as its increase, not as a record each week; if they are levels, declare summary: level to say so`)
	// A price rises and falls: no running total.
	var b strings.Builder
	b.WriteString("indicator,entity,period,value,unit,source,source_url\n")
	for i := range 40 {
		fmt.Fprintf(&b, "gold,XAU,2026-%02d-%02d,%d,USD,S,https://example.org/\n", 3+i/28, 1+i%28, 2000+(i*37)%50)
	}
	got = findings(t, writeDataset(t, map[string]string{"observations.csv": b.String()}))
	for _, g := range got {
		if strings.Contains(g, "running totals") {
			t.Errorf("a price read as a running total: %s", g)
		}
	}
}

// TestRunningTotalRealCovid: the real COVID-19 counts mapped without
// summary: cumulative are said to look like running totals, despite the
// 20 days on which a country's count falls.
func TestRunningTotalRealCovid(t *testing.T) {
	covid := filepath.Join(sharedData(t), "covid", "key-countries-pivoted.csv")
	dir := writeDataset(t, map[string]string{
		"dataset.yaml":    "observations:\n  - file: " + covid + "\n    columns: {period: Date}\n    wide_entities: {China: CHN, US: USA, United_Kingdom: GBR, Italy: ITA, France: FRA, Germany: DEU, Spain: ESP, Iran: IRN}\n    constants: {indicator: confirmed, source: Johns Hopkins CSSE, source_url: https://github.com/datasets/covid-19}\n",
		"indicators.yaml": "indicators:\n  - {id: confirmed, name: Confirmed COVID-19 cases, unit: cases}\n",
	})
	hasFinding(t, findings(t, dir), covid+`:2: warning: confirmed: the daily figures of 8 of its 8 series fall only 20 times in 6,520 days (revisions?), as running totals do (e.g. CHN: 548 on 2020-01-22, 1,760,211 on 2022-04-16): if they are totals to date, declare summary: cumulative for confirmed in indicators.yaml (line 2), so that a week reads as its increase, not as a record each week; if they are levels, declare summary: level to say so`)
	t.Chdir("../..")
	for _, d := range findings(t, "testdata/mapping/covid") {
		if strings.Contains(d, "running totals") {
			t.Errorf("testdata/mapping/covid declares summary: cumulative: %s", d)
		}
	}
}

// TestNoUnitRealCovid: the real COVID file mapped with no unit anywhere
// is one error at dataset.yaml's constants, not one per row.
func TestNoUnitRealCovid(t *testing.T) {
	covid := filepath.Join(sharedData(t), "covid", "key-countries-pivoted.csv")
	mapping := "observations:\n  - file: " + covid + "\n    columns: {period: Date}\n    wide_entities: {China: CHN, US: USA}\n    ignore: [United_Kingdom, Italy, France, Germany, Spain, Iran]\n    constants: {indicator: confirmed, source: Johns Hopkins CSSE, source_url: https://github.com/datasets/covid-19}\n"
	got := findings(t, writeDataset(t, map[string]string{"dataset.yaml": mapping}))
	want := `dataset.yaml:6:16: key-countries-pivoted.csv gives no unit: the file has no unit column and dataset.yaml gives no constant unit: add one to this entry's constants (constants: {unit: USD}; or %, tonnes, cases ...), or map a column of units (columns: {unit: ...})`
	if strings.Join(got, "\n") != want {
		t.Errorf("no catalog:\n%s\nwant\n%s", strings.Join(got, "\n"), want)
	}
	got = findings(t, writeDataset(t, map[string]string{"dataset.yaml": mapping,
		"indicators.yaml": "indicators:\n  - id: confirmed\n    name: Confirmed COVID-19 cases\n    summary: cumulative\n"}))
	want = `dataset.yaml:6:16: key-countries-pivoted.csv gives no unit for confirmed: the file has no unit column, dataset.yaml gives no constant unit and indicators.yaml gives confirmed none (line 2): add one to this entry's constants (constants: {unit: USD}; or %, tonnes, cases ...), or give confirmed a unit in indicators.yaml`
	if strings.Join(got, "\n") != want {
		t.Errorf("catalog without the unit:\n%s\nwant\n%s", strings.Join(got, "\n"), want)
	}
}

// TestAnnualRepeatsKnownAtYearEnd: monthly rows that repeat their
// year's annual figure (RepeatedYears) are known once the year is over,
// not their month: as of 15 March 1900 the latest known figure is
// December 1899's, and January to March 1900 are left out as one year's
// rows. 1901's monthly figures are known month by month.
func TestAnnualRepeatsKnownAtYearEnd(t *testing.T) {
	t.Chdir("../..")
	ds, diags, err := Load("testdata/unfinished/annual-repeats", Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := `testdata/unfinished/annual-repeats/observations.csv:2: warning: gold: from 1898 to 1900 every month of a year has the same value: annual figures repeated monthly? give those years as years (period 1898) or leave them out; as they are, a brief takes each such row as known once its year is over, as an annual figure is`
	if got := strings.Join(diagStrings(diags), "\n"); got != want {
		t.Errorf("findings:\n%s\nwant\n%s", got, want)
	}
	latest := func(day string) string {
		asOf, _ := time.Parse("2006-01-02", day)
		var last *Observation
		for i := range ds.Observations {
			if o := &ds.Observations[i]; Known(o, asOf) && (last == nil || o.Period.Start.After(last.Period.Start)) {
				last = o
			}
		}
		if last == nil {
			return "none"
		}
		return last.Period.String()
	}
	for day, want := range map[string]string{
		"1900-01-31": "1899-12", "1900-03-15": "1899-12", "1900-12-30": "1899-12", "1900-12-31": "1900-12",
		"1901-01-31": "1901-01", "1901-02-27": "1901-01", "1899-06-30": "1898-12",
	} {
		if got := latest(day); got != want {
			t.Errorf("as of %s the latest known row is %s, want %s", day, got, want)
		}
	}
	asOf := time.Date(1900, 3, 15, 0, 0, 0, 0, time.UTC)
	if n := len(ds.AsOf(asOf).Observations); n != 24 {
		t.Errorf("as of 1900-03-15 the view has %d rows, want 24 (1898 and 1899)", n)
	}
	us := ds.Unfinished(asOf)
	if len(us) != 1 || us[0].Year != 1900 || us[0].Rows != 3 || us[0].Pos.Line != 26 || len(us[0].Periods) != 3 {
		t.Errorf("Unfinished(1900-03-15) = %+v, want one of year 1900: 3 rows from line 26", us)
	}
	if us := ds.Unfinished(time.Date(1901, 3, 15, 0, 0, 0, 0, time.UTC)); len(us) != 1 || us[0].Year != 0 || us[0].Rows != 1 {
		t.Errorf("Unfinished(1901-03-15) = %+v, want March 1901's row alone, as a month's", us)
	}
}

// TestEmptyCellOfAMappedFile: an empty cell of a mapped file (a wide
// one: a country with no report that day) is an error whose advice
// names skip_empty at the entry's line, since "leave the row out" would
// drop the row's other columns too (a blind review).
func TestEmptyCellOfAMappedFile(t *testing.T) {
	dir := writeDataset(t, map[string]string{
		"p.csv":        "Date,A,B\n2026-01-01,1,2\n2026-01-02,,3\n",
		"dataset.yaml": "observations:\n  - file: p.csv\n    columns: {period: Date}\n    wide_entities: {A: AA, B: BB}\n    constants: {indicator: x, unit: cases, source: S, source_url: https://s/}\n",
	})
	hasFinding(t, findings(t, dir), "p.csv:3:2: value is empty: write the figure, or leave the row out if there is none; or, if an empty cell means no figure, set skip_empty: true in this file's entry of dataset.yaml (line 2)")
}
