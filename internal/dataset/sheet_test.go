package dataset

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/briefhq/brief/internal/period"
)

// TestExcelWorkbook reads testdata/mapping/excel/book.xlsx (invented
// figures): a human layout (title, merged two-row header, years across,
// numbers stored as text, formatted empty rows), dates as
// serials shown as months, a rate as a percentage, and both catalogs as
// sheets.
func TestExcelWorkbook(t *testing.T) {
	t.Chdir("../..")
	ds := loadClean(t, "testdata/mapping/excel")
	bo := find(t, ds, "gdp", "XBO", "2023")
	// A number cell keeps 15 significant digits: 17511793154.965286 is
	// stored as 17511793154.9652.
	if bo.Value != 17511793154.9652 || bo.Unit != "USD" {
		t.Errorf("Borduria 2023 = %v %s", bo.Value, bo.Unit)
	}
	if got := bo.Pos.String(); got != "testdata/mapping/excel/book.xlsx:GDP!5:5" {
		t.Errorf("position %s", got)
	}
	// Syldavia's figures are typed in as text: all their digits.
	if o := find(t, ds, "gdp", "XSY", "2023"); o.Value != 15706136560.464571 {
		t.Errorf("Syldavia 2023 (a number stored as text) = %v", o.Value)
	}
	// "Jan 2024" (serial 45292) shown as 3.250% (0.0325).
	e := find(t, ds, "policy_rate", "XSY", "2024-01")
	if e.Value != 3.25 || e.Period.Kind != period.Month || e.Unit != "%" {
		t.Errorf("policy rate January 2024 = %v %s (%v)", e.Value, e.Unit, e.Period)
	}
	if len(ds.Observations) != 44 {
		t.Errorf("%d observations, want 44 (4 countries x 5 years, 24 months)", len(ds.Observations))
	}
	var ind *Indicator
	for i := range ds.Indicators {
		if ds.Indicators[i].ID == "policy_rate" {
			ind = &ds.Indicators[i]
		}
	}
	if ind == nil || ind.Decimals != 3 || ind.UnitLabel != "% a year" || ind.Pos.String() != "testdata/mapping/excel/book.xlsx:Indicators!A3" {
		t.Errorf("policy_rate from the Indicators sheet: %+v", ind)
	}
	groups := map[string][]string{}
	for _, en := range ds.Entities {
		groups[en.ID] = en.Groups
	}
	if strings.Join(groups["XBO"], ",") != "storybook" || len(groups["XFR"]) != 0 {
		t.Errorf("groups from the Entities sheet: %v", groups)
	}
}

// book writes a workbook of sheets (name: rows) into dir and returns its
// path; cells are excelize values.
func book(t *testing.T, dir, name string, sheets []sheetRows, edit func(*excelize.File)) string {
	t.Helper()
	f := excelize.NewFile()
	for i, s := range sheets {
		if i == 0 {
			if err := f.SetSheetName("Sheet1", s.name); err != nil {
				t.Fatal(err)
			}
		} else if _, err := f.NewSheet(s.name); err != nil {
			t.Fatal(err)
		}
		for r, rec := range s.rows {
			cell, _ := excelize.CoordinatesToCellName(1, r+1)
			if err := f.SetSheetRow(s.name, cell, &rec); err != nil {
				t.Fatal(err)
			}
		}
	}
	if edit != nil {
		edit(f)
	}
	path := filepath.Join(dir, name)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	return path
}

type sheetRows struct {
	name string
	rows [][]any
}

func dateStyle(t *testing.T, f *excelize.File) int {
	id, err := f.NewStyle(&excelize.Style{NumFmt: 14})
	if err != nil {
		t.Fatal(err)
	}
	return id
}

// TestWorkbookAlone reads a workbook given alone as the dataset: the
// observations sheet, and the catalogs and events from sheets named for
// them, in a 1904 workbook.
func TestWorkbookAlone(t *testing.T) {
	dir := t.TempDir()
	path := book(t, dir, "data.xlsx", []sheetRows{
		{"Notes", [][]any{{"Read me: figures of the Ministry"}}},
		{"Observations", [][]any{
			{"Indicator", "Entity", "Period", "Value", "Unit", "Source", "Source_URL", "Status"},
			{"exports", "KZ", 44927, 1500.5, "USD", "Ministry", "https://stat.example/", ""},
			{"exports", "KZ", 44958, "1600", "USD", "Ministry", "https://stat.example/", "estimate"},
		}},
		{"Indicators", [][]any{{"id", "name", "topic", "unit", "additive"}, {"exports", "Exports", "trade", "USD", true}}},
		{"Entities", [][]any{{"id", "name", "groups"}, {"KZ", "Kazakhstan", "central-asia; eaeu"}}},
		{"Events", [][]any{{"date", "topic", "entities", "title", "source", "source_url"}, {44930, "trade", "KZ", "Trade fair opens", "Ministry", "https://stat.example/fair"}}},
	}, func(f *excelize.File) {
		yes := true
		if err := f.SetWorkbookProps(&excelize.WorkbookPropsOptions{Date1904: &yes}); err != nil {
			t.Fatal(err)
		}
		st := dateStyle(t, f)
		for _, c := range [][2]string{{"Observations", "C2"}, {"Observations", "C3"}, {"Events", "A2"}} {
			if err := f.SetCellStyle(c[0], c[1], c[1], st); err != nil {
				t.Fatal(err)
			}
		}
	})
	ds, diags, err := Load(path, Options{StaleAfter: -1})
	if err != nil || len(diags) > 0 {
		t.Fatalf("%v\n%s", err, strings.Join(diagStrings(diags), "\n"))
	}
	// 44927 days after 1 January 1904 is 2027-01-02; 44958, 2027-02-02.
	if o := find(t, ds, "exports", "KZ", "2027-02-02"); o.Value != 1600 || o.Status != Estimate {
		t.Errorf("second row: %+v", o)
	}
	if len(ds.Events) != 1 || ds.Events[0].Date.String() != "2027-01-05" || ds.Events[0].Title != "Trade fair opens" {
		t.Errorf("events: %+v", ds.Events)
	}
	if len(ds.Entities) != 1 || strings.Join(ds.Entities[0].Groups, ",") != "central-asia,eaeu" {
		t.Errorf("entities: %+v", ds.Entities)
	}
	if len(ds.Indicators) != 1 || ds.Indicators[0].Additive == nil || !*ds.Indicators[0].Additive {
		t.Errorf("indicators: %+v", ds.Indicators)
	}
}

// TestWorkbookInFolder: observations.xlsx alone in a folder is the
// same dataset as the workbook given alone: its sheets indicators,
// entities and events are read where the folder has no file for them.
// A catalog file beside it is read in place of its sheet.
func TestWorkbookInFolder(t *testing.T) {
	dir := t.TempDir()
	path := book(t, dir, "observations.xlsx", []sheetRows{
		{"observations", [][]any{
			{"indicator", "entity", "period", "value", "unit", "source", "source_url"},
			{"gdp", "KAZ", 2023, 260, "USD", "WB", "https://x.org"},
			{"gdp", "UZB", 2023, 100, "USD", "WB", "https://x.org"},
		}},
		{"indicators", [][]any{{"id", "name", "topic", "unit", "additive"}, {"gdp", "GDP", "economy", "USD", true}}},
		{"entities", [][]any{{"id", "name", "groups"}, {"KAZ", "Kazakhstan", "ca"}, {"UZB", "Uzbekistan", "ca"}}},
		{"events", [][]any{{"date", "topic", "entities", "title", "source", "source_url"}, {"2024-01-05", "economy", "KAZ", "Budget passed", "WB", "https://x.org/b"}}},
	}, nil)
	summary := func(ds *Dataset) string {
		var b strings.Builder
		for _, in := range ds.Indicators {
			fmt.Fprintf(&b, "indicator %s %q topic %s; ", in.ID, in.Name, in.Topic)
		}
		for _, en := range ds.Entities {
			fmt.Fprintf(&b, "entity %s %q groups %v; ", en.ID, en.Name("en"), en.Groups)
		}
		for _, ev := range ds.Events {
			fmt.Fprintf(&b, "event %s %q; ", ev.Date, ev.Title)
		}
		return b.String()
	}
	var got []string
	for _, p := range []string{path, dir} {
		ds, diags, err := Load(p, Options{StaleAfter: -1})
		if err != nil || len(diags) > 0 {
			t.Fatalf("%s: %v\n%s", p, err, strings.Join(diagStrings(diags), "\n"))
		}
		got = append(got, summary(ds))
	}
	want := `indicator gdp "GDP" topic economy; entity KAZ "Kazakhstan" groups [ca]; entity UZB "Uzbekistan" groups [ca]; event 2024-01-05 "Budget passed"; `
	if got[0] != want || got[1] != want {
		t.Errorf("the workbook alone:\n%s\nthe folder:\n%s\nwant:\n%s", got[0], got[1], want)
	}

	// entities.yaml beside it is the entity catalog; the sheet is not read.
	writeFiles(t, dir, map[string]string{"entities.yaml": "entities:\n  - id: KAZ\n    name: Qazaqstan\n  - id: UZB\n    name: Uzbekistan\n"})
	ds, diags, err := Load(dir, Options{StaleAfter: -1})
	if err != nil || len(diags) > 0 {
		t.Fatalf("%v\n%s", err, strings.Join(diagStrings(diags), "\n"))
	}
	if s := summary(ds); !strings.Contains(s, `entity KAZ "Qazaqstan" groups []`) || !strings.Contains(s, "topic economy") {
		t.Errorf("with entities.yaml: %s", s)
	}
}

// TestWorkbookErrors pins the findings of broken workbooks: each names
// the file, the sheet and the cell (or row), and says what to do.
func TestWorkbookErrors(t *testing.T) {
	obs := []any{"indicator", "entity", "period", "value", "unit", "source", "source_url"}
	for _, c := range []struct {
		name   string
		sheets []sheetRows
		edit   func(*excelize.File)
		yaml   string
		want   []string
	}{
		{"cells", []sheetRows{{"Data", [][]any{
			obs,
			{"gdp", "KZ", "2024", "#N/A", "USD", "Stat", "https://stat.example/"},
			{"gdp", "KZ", 60, 1, "USD", "Stat", "https://stat.example/", nil, "note to the right"},
			{"gdp", "KZ", "2023", "1,234", "USD", "Stat", "https://stat.example/"},
		}}}, func(f *excelize.File) {
			if err := f.SetCellStyle("Data", "C3", "C3", dateStyle(t, f)); err != nil {
				t.Fatal(err)
			}
		}, "", []string{
			`d/obs.xlsx:Data!D2: value "#N/A": an error of an Excel formula: correct the formula, or leave the cell empty if there is no figure`,
			`d/obs.xlsx:Data!C3: the date is 29 February 1900, a day that did not exist (Excel keeps a bug of Lotus 1-2-3 that counts 1900 as a leap year): enter the date again`,
			`d/obs.xlsx:Data!I3: warning: the cell is right of the table (its column has no name in the header, row 1) and is ignored: name the column in the header, or clear the cell`,
			`d/obs.xlsx:Data!D4: value "1,234": remove the thousands separators: write 1234`,
		}},
		{"no such sheet", []sheetRows{{"Data", [][]any{obs}}, {"Rates", [][]any{obs}}}, nil, `observations:
  - file: obs.xlsx
    sheet: Rate
`, []string{
			`d/dataset.yaml:3:12: no sheet "Rate" in obs.xlsx (its sheets: Data, Rates); did you mean "Rates"?`,
		}},
		{"header elsewhere", []sheetRows{{"Data", [][]any{{"GDP by country"}, {}, {"Country", "Year", "GDP"}, {"KZ", 2024, 1}}}}, nil, `observations:
  - file: obs.xlsx
    columns: {entity: Country, period: Year, value: GDP}
    constants: {indicator: gdp, unit: USD, source: Stat, source_url: https://stat.example/}
`, []string{
			`d/obs.xlsx:Data!1:1: the columns dataset.yaml names ("Country", "Year", "GDP") are on row 3, not on row 1: set header_row: 3 (or skip_rows: 2) in dataset.yaml`,
		}},
		{"catalog cell", []sheetRows{
			{"Data", [][]any{obs, {"gdp", "KZ", "2024", 1, "USD", "Stat", "https://stat.example/"}}},
			{"Indicators", [][]any{{"id", "name", "decimals", "colour"}, {"gdp", "GDP", "two", "blue"}}},
		}, nil, `indicators: {file: obs.xlsx, sheet: Indicators}
observations:
  - file: obs.xlsx
    sheet: Data
`, []string{
			`d/obs.xlsx:Indicators!D1: warning: unknown column "colour" is ignored (known columns: id, name, topic, unit, decimals, higher_is, additive, comparable, prices, unit_label, summary, period, description, phrase, noun, verb, negative, positive, family)`,
			`d/obs.xlsx:Indicators!C2: decimals "two" must be a whole number from 0 to 12`,
		}},
		{"empty sheet", []sheetRows{{"Data", nil}}, nil, "", []string{
			`d/obs.xlsx:Data!1:1: the sheet is empty: its first row must name the columns`,
		}},
	} {
		t.Run(c.name, func(t *testing.T) {
			t.Chdir(t.TempDir())
			files := map[string]string{}
			if c.yaml != "" {
				files["dataset.yaml"] = c.yaml
			}
			writeFiles(t, "d", files)
			book(t, "d", "obs.xlsx", c.sheets, c.edit)
			path := "d"
			if c.yaml == "" {
				path = "d/obs.xlsx"
			}
			_, diags, _ := Load(path, Options{StaleAfter: -1})
			checkDiags(t, diags, c.want...)
		})
	}
}

// TestNotAWorkbook: a CSV or an old .xls named .xlsx.
func TestNotAWorkbook(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"a.xlsx": "indicator,entity\n",
		"b.xlsx": "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1",
	})
	for name, want := range map[string]string{
		"a.xlsx": `a.xlsx: not an Excel workbook (.xlsx): the file is not a zip archive; save it in Excel as "Excel Workbook (.xlsx)", or give it the extension of what it is (.csv)`,
		"b.xlsx": `b.xlsx: this is an Excel 97-2003 workbook (.xls) or a password-protected one, not an .xlsx file: save it in Excel as "Excel Workbook (.xlsx)" without a password`,
	} {
		_, diags, _ := Load(filepath.Join(dir, name), Options{})
		if got := strings.Join(diagStrings(diags), "\n"); got != filepath.Join(dir, want) {
			t.Errorf("%s:\n%s\nwant\n%s", name, got, filepath.Join(dir, want))
		}
	}
}
