package dataset

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/briefhq/brief/internal/fixtures"
	"github.com/briefhq/brief/internal/period"
)

// find returns the observation of ind for ent in period p, failing the
// test when there is none.
func find(t *testing.T, ds *Dataset, ind, ent, p string) Observation {
	t.Helper()
	want := period.MustParse(p)
	for _, o := range ds.Observations {
		if o.Indicator == ind && o.Entity == ent && o.Period == want {
			return o
		}
	}
	t.Fatalf("no %s for %s in %s", ind, ent, p)
	return Observation{}
}

func loadClean(t *testing.T, path string) *Dataset {
	t.Helper()
	ds, diags, err := Load(path, Options{})
	if err != nil || len(diags) > 0 {
		t.Fatalf("Load(%s): %v\n%s", path, err, strings.Join(diagStrings(diags), "\n"))
	}
	return ds
}

// realShapes writes the real-shaped fixtures, made from the files of
// ../shared/data by fixtures.Real, into a temporary folder and returns
// it; the working folder must be the repository's root. Without
// ../shared beside the repository (a plain clone) the test is skipped:
// those files are read in tests, never copied into the project.
func realShapes(t *testing.T) string {
	t.Helper()
	if _, err := os.Stat("../shared/data/gdp/gdp.csv"); err != nil {
		t.Skip("../shared/data is not beside the repository (a plain clone): the real-shaped fixtures are made from it at test time")
	}
	out := t.TempDir()
	if _, err := fixtures.Real("../shared/data", out); err != nil {
		t.Fatal(err)
	}
	return out
}

// firstAndLast returns the first and the last period of each entity's
// observations.
func firstAndLast(ds *Dataset) (first, last map[string]string) {
	first, last = map[string]string{}, map[string]string{}
	for _, o := range ds.Observations {
		p := o.Period.String()
		if first[o.Entity] == "" || p < first[o.Entity] {
			first[o.Entity] = p
		}
		if p > last[o.Entity] {
			last[o.Entity] = p
		}
	}
	return first, last
}

// TestWorldBankAPIDownload reads GDP as the World Bank's API download lays
// it out (testdata/mapping/worldbank-api, invented figures): four
// preamble lines, one column per year, empty cells where there is no
// figure, aggregates mixed in, a second indicator the filter leaves out.
func TestWorldBankAPIDownload(t *testing.T) {
	t.Chdir("../..")
	ds := loadClean(t, "testdata/mapping/worldbank-api")
	// Borduria's GDP, not its GDP per capita (14184.562714285714) on the
	// next line: the filter keeps NY.GDP.MKTP.CD.
	bo := find(t, ds, "gdp", "XBO", "2023")
	if bo.Value != 17511793154.965286 || bo.Unit != "USD" || bo.Status != Actual {
		t.Errorf("Borduria 2023 = %v %s %s, want 17511793154.965286 USD actual", bo.Value, bo.Unit, bo.Status)
	}
	// Line 11: after the preamble, the header, Borduria's two lines, an
	// aggregate, Freedonia and Ruritania.
	sy := find(t, ds, "gdp", "XSY", "2023")
	if got := sy.Pos.String(); got != "testdata/mapping/worldbank-api/API_NY.GDP.MKTP.CD_DS2_en_csv_v2.csv:11" || sy.Value != 15706136560.464571 {
		t.Errorf("Syldavia 2023 = %v at %s", sy.Value, got)
	}
	if o := find(t, ds, "gdp", "XFR", "1960"); o.Value != 1000000000.271 {
		t.Errorf("Freedonia 1960 = %v", o.Value)
	}
	for _, o := range ds.Observations {
		if o.Entity == "XFA" || o.Entity == "XWA" {
			t.Fatalf("aggregate %s not excluded", o.Entity)
		}
	}
	// Empty cells are no figures: the series start and end in different
	// years.
	first, last := firstAndLast(ds)
	if first["XFR"] != "1960" || first["XSY"] != "1990" || first["XBO"] != "1994" || first["XRU"] != "2000" || last["XRU"] != "2022" || last["XBO"] != "2023" {
		t.Errorf("first years %v, last years %v", first, last)
	}
	if len(ds.Observations) != 151 {
		t.Errorf("%d observations, want 151 (the non-empty GDP cells of four countries)", len(ds.Observations))
	}
	for _, e := range ds.Entities {
		if e.ID == "XSY" && e.Names[""] != "Syldavia" {
			t.Errorf("XSY is named %q", e.Names[""])
		}
	}
}

// TestWorldBankAPIDownloadReal reads the same layout made from the World
// Bank's real GDP (../shared/data): Central Asia, Russia and two
// aggregates.
func TestWorldBankAPIDownloadReal(t *testing.T) {
	t.Chdir("../..")
	dir := filepath.Join(realShapes(t), "worldbank-api")
	ds := loadClean(t, dir)
	kaz := find(t, ds, "gdp", "KAZ", "2023")
	if kaz.Value != 261421121085.57208 || kaz.Unit != "USD" || kaz.Status != Actual {
		t.Errorf("Kazakhstan 2023 = %v %s %s, want 261421121085.57208 USD actual", kaz.Value, kaz.Unit, kaz.Status)
	}
	// Line 7: after the preamble, the header and Europe & Central Asia.
	if got, want := kaz.Pos.String(), filepath.Join(dir, "API_NY.GDP.MKTP.CD_DS2_en_csv_v2.csv")+":7"; got != want {
		t.Errorf("position %s, want %s", got, want)
	}
	if o := find(t, ds, "gdp", "KAZ", "1990"); o.Value != 26932016269.61069 {
		t.Errorf("Kazakhstan 1990 = %v", o.Value)
	}
	for _, o := range ds.Observations {
		if o.Entity == "WLD" || o.Entity == "ECS" {
			t.Fatalf("aggregate %s not excluded", o.Entity)
		}
	}
	// Empty cells are no figures: Turkmenistan's series starts in 1987,
	// Russia's in 1988, the Kyrgyz Republic's in 1990.
	first, _ := firstAndLast(ds)
	if first["TKM"] != "1987" || first["RUS"] != "1988" || first["KGZ"] != "1990" {
		t.Errorf("first years %v", first)
	}
	if len(ds.Observations) != 212 {
		t.Errorf("%d observations, want 212 (the non-empty cells of six countries)", len(ds.Observations))
	}
	for _, e := range ds.Entities {
		if e.ID == "KGZ" && e.Names[""] != "Kyrgyz Republic" {
			t.Errorf("KGZ is named %q", e.Names[""])
		}
	}
}

// TestEurostatSDMX reads Eurostat's SDMX-CSV layout
// (testdata/mapping/eurostat-sdmx, invented figures): two units and a
// quarterly series in one file told apart by a filter, values in millions
// by UNIT_MULT, OBS_FLAG p and e as estimates, b (break) as actual.
func TestEurostatSDMX(t *testing.T) {
	t.Chdir("../..")
	ds := loadClean(t, "testdata/mapping/eurostat-sdmx")
	// 50436.1 million euros, UNIT_MULT 6, flagged p.
	if o := find(t, ds, "gdp", "XB", "2023"); o.Value != 50436100000 || o.Unit != "EUR" || o.Status != Estimate {
		t.Errorf("Borduria 2023 = %v %s %s, want 50436100000 EUR estimate", o.Value, o.Unit, o.Status)
	}
	for _, c := range []struct {
		geo, year string
		value     float64
		status    Status
	}{
		{"XF", "2018", 200117700000, Actual},   // b: break in series, listed as actual
		{"XR", "2022", 254690300000, Estimate}, // e
		{"XS", "2023", 132918800000, Estimate}, // bp: read letter by letter
		{"XS", "2022", 128052200000, Actual},   // no flag
	} {
		if o := find(t, ds, "gdp", c.geo, c.year); o.Value != c.value || o.Status != c.status {
			t.Errorf("%s %s = %v %s, want %v %s", c.geo, c.year, o.Value, o.Status, c.value, c.status)
		}
	}
	if o := find(t, ds, "gdp_deflator", "XS", "2023"); o.Value != 1.8 || o.Unit != "%" || o.Status != Estimate {
		t.Errorf("Syldavia's deflator 2023 = %v %s %s, want 1.8 %% estimate (p by default)", o.Value, o.Unit, o.Status)
	}
	if o := find(t, ds, "gdp_deflator", "XS", "2022"); o.Value != -0.5 {
		t.Errorf("Syldavia's deflator 2022 = %v, want -0.5", o.Value)
	}
	for _, o := range ds.Observations {
		if o.Period.Kind != period.Year {
			t.Fatalf("%s %s %v: the filter freq: A keeps annual rows only", o.Indicator, o.Entity, o.Period)
		}
	}
	if len(ds.Observations) != 72 {
		t.Errorf("%d observations, want 72 (4 countries, 9 years, 2 units)", len(ds.Observations))
	}
}

// TestEurostatSDMXReal reads the same layout made from the World Bank's
// real GDP and deflator of seven EU countries (../shared/data).
func TestEurostatSDMXReal(t *testing.T) {
	t.Chdir("../..")
	ds := loadClean(t, filepath.Join(realShapes(t), "eurostat-sdmx"))
	de := find(t, ds, "gdp", "DE", "2023")
	// 4456081.0 million US dollars, flagged p.
	if de.Value != 4456081e6 || de.Unit != "USD" || de.Status != Estimate {
		t.Errorf("Germany 2023 = %v %s %s, want 4456081000000 USD estimate", de.Value, de.Unit, de.Status)
	}
	if o := find(t, ds, "gdp", "EL", "2022"); o.Value != 217581.3e6 || o.Status != Actual {
		t.Errorf("Greece 2022 = %v %s, want 217581300000 actual", o.Value, o.Status)
	}
	if o := find(t, ds, "gdp_deflator", "PL", "2023"); o.Value != 9.5 || o.Unit != "%" || o.Status != Estimate {
		t.Errorf("Poland's deflator 2023 = %v %s %s, want 9.5 %% estimate (p by default)", o.Value, o.Unit, o.Status)
	}
	if len(ds.Observations) != 126 {
		t.Errorf("%d observations, want 126 (7 countries, 9 years, 2 units)", len(ds.Observations))
	}
}

// TestEuropeanCSV reads a semicolon file as a German Excel saves it
// (testdata/mapping/european-csv, invented figures): BOM, CRLF,
// 01.01.2024 dates, decimal commas and thousands dots.
func TestEuropeanCSV(t *testing.T) {
	t.Chdir("../..")
	ds := loadClean(t, "testdata/mapping/european-csv")
	if o := find(t, ds, "coffee_price", "XS", "2024-01"); o.Value != 4123.45 || o.Unit != "EUR per tonne" || o.Period.Kind != period.Month {
		t.Errorf("coffee January 2024 = %v %s (%v), want 4123.45 (written 4.123,45) for the month", o.Value, o.Unit, o.Period)
	}
	if o := find(t, ds, "policy_rate", "XS", "2025-12"); o.Value != 2.125 || o.Period.Kind != period.Month {
		t.Errorf("policy rate December 2025 = %v (%v), want 2.125 (written 2,125) for the month", o.Value, o.Period)
	}
	if got := find(t, ds, "coffee_price", "XS", "2024-03").Pos.String(); got != "testdata/mapping/european-csv/kaffee-leitzins.csv:4" {
		t.Errorf("March 2024 at %s, want line 4 (after the header with its byte order mark)", got)
	}
	if len(ds.Observations) != 48 {
		t.Errorf("%d observations, want 48", len(ds.Observations))
	}
}

// TestEuropeanCSVReal reads the same layout made from the real gold
// prices and Euribor (../shared/data).
func TestEuropeanCSVReal(t *testing.T) {
	t.Chdir("../..")
	ds := loadClean(t, filepath.Join(realShapes(t), "european-csv"))
	if o := find(t, ds, "gold_price", "XAU", "2024-01"); o.Value != 2034.04 || o.Unit != "USD per troy ounce" {
		t.Errorf("gold January 2024 = %v %s, want 2034.04 (written 2.034,04)", o.Value, o.Unit)
	}
	if o := find(t, ds, "euribor_3m", "EA", "2025-12"); o.Value != 2.06 || o.Period.Kind != period.Month {
		t.Errorf("Euribor December 2025 = %v (%v), want 2.06 for the month", o.Value, o.Period)
	}
	if len(ds.Observations) != 48 {
		t.Errorf("%d observations, want 48", len(ds.Observations))
	}
}

func TestNumberFormats(t *testing.T) {
	de := &fileMapping{decimal: ',', thousands: "."}
	fr := &fileMapping{decimal: ',', thousands: " "}
	ch := &fileMapping{thousands: "'"}
	for _, c := range []struct {
		m    *fileMapping
		in   string
		exp  int
		want float64
		err  string
	}{
		{de, "2.034,04", 0, 2034.04, ""},
		{de, "-1.234.567,5", 0, -1234567.5, ""},
		{de, "987", 0, 987, ""},
		{de, "1,5", 6, 1.5e6, ""},
		{de, "1.5", 0, 0, `value "1.5": dataset.yaml reads numbers with decimal "," and thousands "." between groups of three digits: write it as 1,5, or correct decimal and thousands`},
		{de, "12.34.567", 0, 0, `value "12.34.567": dataset.yaml reads numbers`},
		{fr, "1\u00a0234,5", 0, 1234.5, ""},
		{fr, "1 234 567", 0, 1234567, ""},
		{ch, "1'234.5", 0, 1234.5, ""},
		{ch, "1,5", 0, 0, `write it as 1'234.5`},
		{&fileMapping{}, "1234.5", 6, 1234500000, ""},
		{&fileMapping{}, "0.1", 3, 100, ""},
		{&fileMapping{}, "1.5e3", 3, 1.5e6, ""},
		{&fileMapping{}, "2e15", 6, 0, "too large"},
	} {
		v, err := c.m.number(c.in, false, c.exp)
		switch {
		case c.err == "" && (err != nil || v != c.want):
			t.Errorf("%q e%d = %v, %v; want %v", c.in, c.exp, v, err, c.want)
		case c.err != "" && (err == nil || !strings.Contains(err.Error(), c.err)):
			t.Errorf("%q: error %v, want %q", c.in, err, c.err)
		}
	}
	// A number cell of a workbook is a number whatever the text format.
	if v, err := de.number("1234.5", true, 0); err != nil || v != 1234.5 {
		t.Errorf("number cell: %v, %v", v, err)
	}
}

func TestScalesAndFlags(t *testing.T) {
	for in, want := range map[string]int{"million": 6, "1e6": 6, "1000": 3, "Thousands": 3, "0.001": -3, "1": 0} {
		if e, ok := scaleOf(in); !ok || e != want {
			t.Errorf("scale %q = %d, %v", in, e, ok)
		}
	}
	for _, bad := range []string{"2.5", "-1000", "lots", "1e30"} {
		if _, ok := scaleOf(bad); ok {
			t.Errorf("scale %q accepted", bad)
		}
	}
	m := &fileMapping{flagStatus: map[string]Status{"p": Estimate, "e": Estimate, "f": Plan, "b": Actual}}
	for in, want := range map[string]Status{"": Actual, "p": Estimate, "P": Estimate, "b": Actual, "bp": Estimate, "fp": Plan} {
		if st, ok := m.flagStatusOf(in); !ok || st != want {
			t.Errorf("flag %q = %s, %v; want %s", in, st, ok, want)
		}
	}
	if _, ok := m.flagStatusOf("c"); ok {
		t.Error("flag c is not listed, but was taken as known")
	}
}

func TestDateFormats(t *testing.T) {
	for _, c := range []struct{ format, in, want string }{
		{"DD.MM.YYYY", "31.01.2025", "2025-01-31"},
		{"D.M.YYYY", "1.2.2025", "2025-02-01"},
		{"MM/DD/YYYY", "01/31/2025", "2025-01-31"},
		{"MM/YYYY", "03/2025", "2025-03"},
		{"YYYY", "2025", "2025"},
	} {
		layout, kind, err := dateLayout(c.format)
		if err != "" {
			t.Fatalf("%s: %s", c.format, err)
		}
		m := &fileMapping{dateLayout: layout, dateKind: kind}
		if got, ok := m.isoDate(c.in); !ok || got != c.want {
			t.Errorf("%s %q = %q, want %q", c.format, c.in, got, c.want)
		}
	}
	for format, want := range map[string]string{"DD.MM.YY": "two-digit years", "MM.DD": "give the year", "DD.YYYY": "a day needs its month", "YYYY%MM": "use YYYY"} {
		if _, _, err := dateLayout(format); !strings.Contains(err, want) {
			t.Errorf("%s: %q, want %q", format, err, want)
		}
	}
}

// TestAgencyMappingErrors pins the findings of agency keys used wrongly,
// each at its place in dataset.yaml or in the file.
func TestAgencyMappingErrors(t *testing.T) {
	sdmx := "KEY,FREQ,REF_AREA,TIME_PERIOD,OBS_VALUE,OBS_STATUS,UNIT_MULT\n" +
		"M.U2.EUR,M,U2,2024-01,3.905,A,0\n" +
		"M.U2.EUR,M,U2,2024-02,3884,A,-3\n" +
		"M.U2.EUR,M,U2,2024-03,0.003923,P,3\n" +
		"M.U2.EUR,M,U2,2024-04,3.9,X,0\n" +
		"M.U2.EUR,M,U2,2024-05,3.8,A,lots\n" +
		"Q.U2.EUR,Q,U2,2024-Q1,3.9,A,0\n"
	for _, c := range []struct {
		name, yaml string
		want       []string
	}{
		{"ECB-style SDMX: UNIT_MULT per row, OBS_STATUS flags", `observations:
  - file: ecb.csv
    columns: {entity: REF_AREA, period: TIME_PERIOD, value: OBS_VALUE}
    filter: {FREQ: M}
    scale_column: UNIT_MULT
    flag_column: OBS_STATUS
    flag_status: {A: actual, P: estimate}
    ignore: [KEY]
    constants: {indicator: euribor_3m, unit: "%", source: ECB, source_url: https://data.ecb.europa.eu/}
`, []string{
			`d/ecb.csv:5:6: warning: flag "X" is not listed under flag_status in dataset.yaml: the figure is read as actual; map the flag to a status (e.g. x: actual) to say so`,
			`d/ecb.csv:6:7: scale "lots": give the power of ten the value is in (6 for millions, as SDMX's UNIT_MULT) or a word (thousands, millions)`,
		}},
		{"filter keeps nothing", `observations:
  - file: ecb.csv
    columns: {entity: REF_AREA, period: TIME_PERIOD, value: OBS_VALUE}
    filter: {FREQ: [A, Y]}
    ignore: [KEY, OBS_STATUS, UNIT_MULT]
    constants: {indicator: euribor_3m, unit: "%", source: ECB, source_url: https://data.ecb.europa.eu/}
`, []string{
			`d/dataset.yaml:4:14: no row of d/ecb.csv passes the filter (FREQ has "M", "Q"): correct the values to keep`,
		}},
		{"header_row on a blank line", `observations:
  - file: ecb.csv
    header_row: 9
    columns: {entity: REF_AREA, period: TIME_PERIOD, value: OBS_VALUE}
    constants: {indicator: euribor_3m, unit: "%", source: ECB}
`, []string{
			`d/ecb.csv:1: the file ends before line 9, where dataset.yaml says the column names are (header_row): give the line of the column names`,
		}},
		{"header_row off by one", `observations:
  - file: ecb.csv
    skip_rows: 1
    columns: {entity: REF_AREA, period: TIME_PERIOD, value: OBS_VALUE}
    constants: {indicator: euribor_3m, unit: "%", source: ECB}
`, []string{
			`d/ecb.csv:2: the columns dataset.yaml names ("REF_AREA", "TIME_PERIOD", "OBS_VALUE") are on line 1, not on line 2 (skip_rows: 1): set header_row: 1 in dataset.yaml`,
		}},
		{"keys that do not go together", `observations:
  - file: ecb.csv
    header_row: 1
    skip_rows: 0
    wide_periods: some
    scale: 2.5
    flag_status: {p: estimate}
    decimal: ","
    thousands: ","
    date_format: DD.MM.YY
    sheet: Data
    constants: {indicator: euribor_3m, unit: "%", source: ECB}
`, []string{
			`d/dataset.yaml:4:16: header_row and skip_rows say the same thing: keep one (header_row: 5 is skip_rows: 4)`,
			`d/dataset.yaml:5:19: wide_periods takes all: every column whose name is a period (1960, 2024-Q3, 2024-11) holds the values of that period`,
			`d/dataset.yaml:6:12: scale "2.5": give the number the values are multiplied by: a power of ten (1000, 1e6, 0.01) or a word (thousand, million, billion)`,
			`d/dataset.yaml:7:18: flag_status needs flag_column: name the column of the flags`,
			`d/dataset.yaml:9:16: thousands "," is the decimal separator too: set decimal to the other one`,
			`d/dataset.yaml:10:18: date_format "DD.MM.YY": two-digit years are ambiguous: write YYYY`,
		}},
		{"scale with scale_column: the one problem, no other", `observations:
  - file: ecb.csv
    columns: {entity: REF_AREA, period: TIME_PERIOD, value: OBS_VALUE}
    scale: 1000
    scale_column: UNIT_MULT
    constants: {indicator: euribor_3m, unit: "%", source: ECB}
`, []string{
			`d/dataset.yaml:5:19: scale and scale_column together: keep one (a scale for the whole file, or a column giving it row by row)`,
		}},
		{"scale as an exponent", `observations:
  - file: ecb.csv
    columns: {entity: REF_AREA, period: TIME_PERIOD, value: OBS_VALUE}
    scale: 6
    constants: {indicator: euribor_3m, unit: "%", source: ECB}
`, []string{
			`d/dataset.yaml:4:12: scale "6": scale is the number the values are multiplied by, not its power of ten: for values in millions write scale: 1000000 (or 1e6, or million)`,
		}},
		{"sheet of a CSV file", `observations:
  - file: ecb.csv
    sheet: Data
    columns: {entity: REF_AREA, period: TIME_PERIOD, value: OBS_VALUE}
    filter: {FREQ: M}
    ignore: [KEY, OBS_STATUS, UNIT_MULT]
    constants: {indicator: euribor_3m, unit: "%", source: ECB, source_url: https://data.ecb.europa.eu/}
`, []string{
			`d/dataset.yaml:3:12: sheet applies to workbooks (.xlsx); ecb.csv is read as CSV: remove sheet, or give the workbook`,
		}},
	} {
		t.Run(c.name, func(t *testing.T) {
			t.Chdir(t.TempDir())
			writeFiles(t, "d", map[string]string{"dataset.yaml": c.yaml, "ecb.csv": sdmx})
			ds, diags, _ := Load("d", Options{StaleAfter: -1})
			checkDiags(t, diags, c.want...)
			if c.name[:3] == "ECB" {
				// 3.905 in units, 3884 thousandths, 0.003923 thousands.
				for p, want := range map[string]float64{"2024-01": 3.905, "2024-02": 3.884, "2024-03": 3.923} {
					if o := find(t, ds, "euribor_3m", "U2", p); o.Value != want {
						t.Errorf("%s = %v, want %v", p, o.Value, want)
					}
				}
				if o := find(t, ds, "euribor_3m", "U2", "2024-03"); o.Status != Estimate {
					t.Errorf("P is %s", o.Status)
				}
			}
		})
	}
}

// TestWidePeriodsWithLocalDates reads periods across whose headers are
// dates in the mapping's date_format.
func TestWidePeriodsWithLocalDates(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"dataset.yaml": `observations:
  - file: wide.csv
    delimiter: ";"
    decimal: ","
    date_format: MM/YYYY
    wide_periods: all
    columns: {entity: Land}
    constants: {indicator: cpi, unit: index, source: Statistik, source_url: https://statistik.example/}
`,
		"wide.csv": "Land;01/2025;02/2025;Anmerkung\nAT;101,5;;x\nDE;100,2;100,9;\n",
	})
	ds, diags, err := Load(dir, Options{StaleAfter: -1})
	if err != nil {
		t.Fatal(err)
	}
	checkDiags(t, diags, filepath.Join(dir, "wide.csv")+`:1:4: warning: unknown column "Anmerkung" is ignored: map it in dataset.yaml, or list it under ignore`)
	if o := find(t, ds, "cpi", "DE", "2025-02"); o.Value != 100.9 {
		t.Errorf("DE February = %v", o.Value)
	}
	if len(ds.Observations) != 3 {
		t.Errorf("%d observations, want 3 (AT February is empty)", len(ds.Observations))
	}
}

// TestExcelWorkbookReal reads the same workbook made from the World
// Bank's real GDP of Central Asia and Russia and the real Euribor
// (../shared/data).
func TestExcelWorkbookReal(t *testing.T) {
	t.Chdir("../..")
	dir := filepath.Join(realShapes(t), "excel")
	ds := loadClean(t, dir)
	kaz := find(t, ds, "gdp", "KAZ", "2023")
	// 261421121085.57208 is stored as 261421121085.572.
	if kaz.Value != 261421121085.572 || kaz.Unit != "USD" {
		t.Errorf("Kazakhstan 2023 = %v %s", kaz.Value, kaz.Unit)
	}
	if got, want := kaz.Pos.String(), filepath.Join(dir, "book.xlsx")+":GDP!5:5"; got != want {
		t.Errorf("position %s, want %s", got, want)
	}
	// Turkmenistan's figures are typed in as text.
	if o := find(t, ds, "gdp", "TKM", "2023"); o.Value != 59887334844.06514 {
		t.Errorf("Turkmenistan 2023 (a number stored as text) = %v", o.Value)
	}
	// "Jan 2024" (serial 45292) shown as 3.905% (0.03905).
	e := find(t, ds, "euribor_3m", "EA", "2024-01")
	if e.Value != 3.905 || e.Period.Kind != period.Month || e.Unit != "%" {
		t.Errorf("Euribor January 2024 = %v %s (%v)", e.Value, e.Unit, e.Period)
	}
	if len(ds.Observations) != 54 {
		t.Errorf("%d observations, want 54 (6 countries x 5 years, 24 months)", len(ds.Observations))
	}
	groups := map[string][]string{}
	for _, en := range ds.Entities {
		groups[en.ID] = en.Groups
	}
	if strings.Join(groups["KAZ"], ",") != "central-asia" || len(groups["RUS"]) != 0 {
		t.Errorf("groups from the Entities sheet: %v", groups)
	}
}
