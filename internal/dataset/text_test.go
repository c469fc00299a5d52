package dataset

import (
	"strings"
	"testing"
	"testing/fstest"
)

// TestYAMLTabPosition: a tab in a YAML file's indentation is reported on
// its own line and column (the parser names the line where the block it
// was reading began, one line or more too early).
func TestYAMLTabPosition(t *testing.T) {
	const msg = "not valid YAML: a tab in the indentation: indent YAML with spaces, never tabs"
	cases := []struct{ yaml, want string }{
		{"entities:\n  - id: KZ\n\tname: Kazakhstan\n", "d/entities.yaml:3:1: " + msg},
		{"entities:\n  - id: KZ\n    name: Kazakhstan\n    short:\tKZ\n  - id: UZ\n\n  \t\n", "d/entities.yaml:7:3: " + msg},
		{"entities:\n\t- id: KZ\n", "d/entities.yaml:2:1: " + msg},
		// Not about a tab: the parser's own words and line, even with a
		// tab further on.
		{"entities:\n  - id: KZ\n    name: x: y\n\t\n", "d/entities.yaml:3: not valid YAML: mapping values are not allowed in this context"},
	}
	for _, c := range cases {
		fsys := fstest.MapFS{
			"d/observations.csv": {Data: []byte(goodCSV)},
			"d/entities.yaml":    {Data: []byte(c.yaml)},
		}
		_, diags, _ := Load("d", Options{FS: fsys})
		checkDiags(t, diags, c.want)
	}
}

// TestCROnlyLines: a file whose lines end with a bare CR (old Mac
// exports) is read line by line, with the right positions.
func TestCROnlyLines(t *testing.T) {
	fsys := fstest.MapFS{
		"d/observations.csv": {Data: []byte(strings.ReplaceAll(goodCSV+"exports,KZ,2023,\"6,5\",USD,Stat,https://stat.example\nexports,KZ,2022,4,USD,Stat,https://stat.example\n", "\n", "\r"))},
		"d/events.csv":       {Data: []byte("date,title,source,source_url\r2024-03,Forum,Gov,https://gov.example\r2024-13,Bad date,Gov,https://gov.example\r")},
		"d/entities.yaml":    {Data: []byte("entities:\r  - id: KZ\r    name: Kazakhstan\r  - id: KZ\r")},
	}
	ds, diags, _ := Load("d", Options{FS: fsys})
	checkDiags(t, diags,
		`d/entities.yaml:4:5: duplicate entity id "KZ" (first defined on line 2)`,
		`d/events.csv:3:1: date "2024-13": month must be 01 to 12 (use 2024, 2024-Q3, 2024-11, 2025-W05 or 2025-01-15)`,
		`d/observations.csv:3:4: value "6,5": use a dot as decimal separator`,
	)
	if len(ds.Observations) != 2 || ds.Observations[1].Pos.Line != 4 || len(ds.Events) != 1 || ds.Events[0].Title != "Forum" || ds.Entities[0].Name("en") != "Kazakhstan" {
		t.Errorf("read %+v\n%+v\n%+v", ds.Observations, ds.Events, ds.Entities)
	}
}

// TestDoubleBOM: a BOM repeated at the start of a file is skipped with a
// warning, not read as part of the first column's or key's name.
func TestDoubleBOM(t *testing.T) {
	const b = "\uFEFF"
	const warn = ": warning: the file starts with 2 byte order marks (BOM) where one at most belongs; the extra ones are skipped: re-save the file as UTF-8"
	fsys := fstest.MapFS{
		"d/observations.csv": {Data: []byte(b + b + goodCSV)},
		"d/events.csv":       {Data: []byte(b + b + b + "date,title,source,source_url\n2024-03,Forum,Gov,https://gov.example\n")},
		"d/entities.yaml":    {Data: []byte(b + b + "entities:\n  - {id: KZ, name: Kazakhstan}\n")},
	}
	ds, diags, err := Load("d", Options{FS: fsys})
	checkDiags(t, diags,
		"d/entities.yaml:1:1"+warn,
		"d/events.csv:1:1"+strings.Replace(warn, "with 2", "with 3", 1),
		"d/observations.csv:1:1"+warn,
	)
	if err != nil || len(ds.Observations) != 1 || ds.Observations[0].Indicator != "exports" || len(ds.Events) != 1 || ds.Entities[0].Name("en") != "Kazakhstan" {
		t.Errorf("%v %+v %+v", err, ds.Observations, ds.Events)
	}
	// One BOM is what spreadsheets write: no warning.
	fsys["d/observations.csv"] = &fstest.MapFile{Data: []byte(b + goodCSV)}
	delete(fsys, "d/events.csv")
	delete(fsys, "d/entities.yaml")
	if _, diags, err := Load("d", Options{FS: fsys}); err != nil || len(diags) != 0 {
		t.Errorf("one BOM: %v %v", err, diagStrings(diags))
	}
}
