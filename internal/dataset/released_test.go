package dataset

import (
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/briefhq/brief/internal/period"
)

// euriborCSV is shaped as ../shared/data/euribor's monthly files: one
// rate a month, dated on the month's first business day.
const euriborCSV = "date,rate,maturity_level,granularity\n2008-09-01,4.961,3m,monthly\n2008-10-01,5.291,3m,monthly\n"

func loadEuribor(t *testing.T, mapping, csv string) (*Dataset, Diagnostics, error) {
	t.Helper()
	yaml := "observations:\n  - file: eur.csv\n" + mapping +
		"    ignore: [maturity_level, granularity]\n" +
		"    constants: {indicator: euribor_3m, entity: EA, unit: \"%\", source: EMMI, source_url: https://emmi.example}\n"
	return Load("d", Options{FS: fstest.MapFS{"d/dataset.yaml": {Data: []byte(yaml)}, "d/eur.csv": {Data: []byte(csv)}}})
}

// TestPeriodColumnGivesReleased: a date that is both what the figure
// stands for and the day it became known is mapped to period and
// released at once: 2008-10-01 is October 2008, known from 1 October.
func TestPeriodColumnGivesReleased(t *testing.T) {
	day := func(s string) time.Time { d, _ := time.Parse("2006-01-02", s); return d }
	for _, c := range []struct{ name, mapping, csv string }{
		{"period first", "    period: month\n    columns: {period: date, released: date, value: rate}\n", euriborCSV},
		{"released first", "    period: month\n    columns: {released: Date, value: rate, period: date}\n", euriborCSV},
		{"date_format", "    period: month\n    date_format: DD.MM.YYYY\n    columns: {period: date, released: date, value: rate}\n",
			strings.NewReplacer("2008-09-01", "01.09.2008", "2008-10-01", "01.10.2008").Replace(euriborCSV)},
	} {
		t.Run(c.name, func(t *testing.T) {
			ds, diags, err := loadEuribor(t, c.mapping, c.csv)
			if err != nil || len(diags) > 0 {
				t.Fatalf("%v\n%s", err, strings.Join(diagStrings(diags), "\n"))
			}
			oct := find(t, ds, "euribor_3m", "EA", "2008-10")
			if oct.Value != 5.291 || !oct.Released.Equal(day("2008-10-01")) {
				t.Errorf("October 2008: value %g released %s, want 5.291 released 2008-10-01", oct.Value, oct.Released)
			}
			if sep := find(t, ds, "euribor_3m", "EA", "2008-09"); !sep.Released.Equal(day("2008-09-01")) {
				t.Errorf("September 2008 released %s, want 2008-09-01", sep.Released)
			}
			// The brief of 2008-W41 (6-12 October) knows October's rate.
			if !Known(&oct, day("2008-10-12")) || Known(&oct, day("2008-09-30")) {
				t.Errorf("October 2008 must be known from 1 October on, not before")
			}
			if u := ds.Unfinished(day("2008-10-12")); len(u) != 0 {
				t.Errorf("unfinished %+v, want none: every row gives its release date", u)
			}
		})
	}
}

// TestPeriodColumnWithoutReleased: without released, October's row is
// known once October is over; Unfinished names it, with the column to
// map as released, for the brief to say so.
func TestPeriodColumnWithoutReleased(t *testing.T) {
	ds, diags, err := loadEuribor(t, "    period: month\n    columns: {period: date, value: rate}\n", euriborCSV+"2008-11-03,4.239,3m,monthly\n")
	if err != nil || len(diags) > 0 {
		t.Fatalf("%v\n%s", err, strings.Join(diagStrings(diags), "\n"))
	}
	asOf := time.Date(2008, 10, 12, 0, 0, 0, 0, time.UTC)
	got := ds.Unfinished(asOf)
	// November's row begins after the day: not listed.
	if len(got) != 1 || got[0].Pos.String() != "d/eur.csv:3" || got[0].Rows != 1 || got[0].Column != "date" ||
		len(got[0].Periods) != 1 || got[0].Periods[0] != period.MustParse("2008-10") || got[0].Indicator != "euribor_3m" {
		t.Errorf("unfinished %+v, want d/eur.csv:3, 1 row of 2008-10, column date", got)
	}
	if n := len(ds.AsOf(asOf).Observations); n != 1 {
		t.Errorf("the view of 12 October 2008 has %d rows, want September's alone", n)
	}
}

// TestOtherDoubleMappingsFail: period and released are the only fields
// one column may give; any other pair is still an error at its line,
// and a released date must be a day.
func TestOtherDoubleMappingsFail(t *testing.T) {
	for _, c := range []struct{ name, mapping, csv, want string }{
		{"value and period", "    columns: {period: date, value: date}\n", euriborCSV,
			`d/dataset.yaml:3:36: column "date" is mapped twice`},
		{"released and value", "    columns: {period: date, released: rate, value: rate}\n", euriborCSV,
			`d/dataset.yaml:3:52: column "rate" is mapped twice`},
		{"released twice", "    columns: {period: date, released: date, Released: rate, value: rate}\n", euriborCSV,
			`released is mapped twice`},
		{"ignored too", "    period: month\n    columns: {period: date, released: date, value: rate}\n    ignore: [date]\n", euriborCSV,
			`d/dataset.yaml:5:14: column "date" is mapped twice`},
		{"a month format", "    date_format: MM/YYYY\n    columns: {period: date, released: date, value: rate}\n",
			strings.NewReplacer("2008-09-01", "09/2008", "2008-10-01", "10/2008").Replace(euriborCSV),
			`d/dataset.yaml:3:18: date_format MM/YYYY writes no day, so column "date" cannot give the release date (released): map released to a column of days, or leave it out`},
		{"a month in the column", "    period: month\n    columns: {period: date, released: date, value: rate}\n", strings.Replace(euriborCSV, "2008-10-01", "2008-10", 1),
			`d/eur.csv:3:1: released "2008-10" is not a date: dataset.yaml reads the release date from the period's column "date" too (released: date), so each row must give the day its figure became known: write the day, or map released to another column`},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, diags, err := loadEuribor(t, c.mapping, c.csv)
			if g := strings.Join(diagStrings(diags), "\n"); err == nil || !strings.Contains(g, c.want) {
				t.Errorf("err %v, findings:\n%s\nwant %s", err, g, c.want)
			}
		})
	}
}

// TestPeriodKeyGivesReleased: a JSON file's key is mapped to both as a
// CSV file's column is.
func TestPeriodKeyGivesReleased(t *testing.T) {
	yaml := "observations:\n  - file: eur.json\n    period: month\n    columns: {period: date, released: date, value: rate}\n" +
		"    constants: {indicator: euribor_3m, entity: EA, unit: \"%\", source: EMMI, source_url: https://emmi.example}\n"
	js := `[{"date": "2008-09-01", "rate": 4.961}, {"date": "2008-10-01", "rate": 5.291}]`
	ds, diags, err := Load("d", Options{FS: fstest.MapFS{"d/dataset.yaml": {Data: []byte(yaml)}, "d/eur.json": {Data: []byte(js)}}})
	if err != nil || len(diags) > 0 {
		t.Fatalf("%v\n%s", err, strings.Join(diagStrings(diags), "\n"))
	}
	oct := find(t, ds, "euribor_3m", "EA", "2008-10")
	if want := time.Date(2008, 10, 1, 0, 0, 0, 0, time.UTC); !oct.Released.Equal(want) {
		t.Errorf("October 2008 released %s, want 2008-10-01", oct.Released)
	}
}
