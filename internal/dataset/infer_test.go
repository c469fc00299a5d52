package dataset

import (
	"fmt"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/briefhq/brief/internal/period"
)

// tidy writes a tidy CSV of one series (indicator x, entity A) with the
// given periods as written, values 1, 2, 3 ...
func tidy(periods ...string) string {
	var b strings.Builder
	b.WriteString("indicator,entity,period,value,unit,source,source_url\n")
	for i, p := range periods {
		fmt.Fprintf(&b, "x,A,%s,%d,USD,S,https://s.example\n", p, i+1)
	}
	return b.String()
}

// firstBusinessDays are the first weekday of n consecutive months from
// y-m, skipping the 1st when it is a Saturday or Sunday, and skipping 1
// May (a holiday) as Euribor does: computed here with plain loops.
func firstBusinessDays(y int, m time.Month, n int) []string {
	var out []string
	for i := 0; i < n; i++ {
		d := time.Date(y, m+time.Month(i), 1, 0, 0, 0, 0, time.UTC)
		for d.Weekday() == time.Saturday || d.Weekday() == time.Sunday || d.Month() == time.May && d.Day() == 1 {
			d = d.AddDate(0, 0, 1)
		}
		out = append(out, d.Format("2006-01-02"))
	}
	return out
}

// TestInferPeriods: a series dated on the first (business) day of
// consecutive months is read as months, with a warning naming the date
// and what to declare; quarters and years likewise; daily data, short
// series and declared ones stay days.
func TestInferPeriods(t *testing.T) {
	monthsOn1st := []string{"2025-11-01", "2025-12-01", "2026-01-01", "2026-02-01", "2026-03-01", "2026-04-01", "2026-05-01"}
	euribor := firstBusinessDays(2025, time.November, 7) // ends 2026-05-04
	withGap := []string{"2000-10-02", "2000-11-01", "2000-12-01", "2001-02-01", "2001-03-01"}
	quarters := []string{"2024-01-02", "2024-04-01", "2024-07-01", "2024-10-01", "2025-01-02"}
	years := []string{"2021-01-04", "2022-01-03", "2023-01-02", "2024-01-02"}
	daily := []string{"2026-05-01", "2026-05-04", "2026-05-05", "2026-05-06"}
	for _, tc := range []struct {
		name    string
		periods []string
		catalog string // indicators.yaml, "" for none
		kind    period.Kind
		last    string // label of the last row
		warn    string // part of the warning, "" for none
	}{
		{"months on the 1st", monthsOn1st, "", period.Month, "May 2026", "dates of x read as months: its dates are each the first business day of one of consecutive months, so the figure dated 2026-05-01 is read as May 2026; declare period: month for x"},
		{"first business days", euribor, "", period.Month, "May 2026", "so the figure dated 2026-05-04 is read as May 2026"},
		{"a month missing", withGap, "", period.Month, "March 2001", "read as months"},
		{"quarters", quarters, "", period.Quarter, "Q1 2025", "dates of x read as quarters"},
		{"years", years, "", period.Year, "2024", "dates of x read as years"},
		{"daily", daily, "", period.Day, "6 May 2026", ""},
		{"two rows only", monthsOn1st[:2], "", period.Day, "1 December 2025", ""},
		{"declared days", monthsOn1st, "indicators:\n  - {id: x, unit: USD, period: day}\n", period.Day, "1 May 2026", ""},
		{"declared months", euribor, "indicators:\n  - {id: x, unit: USD, period: month}\n", period.Month, "May 2026", ""},
		{"mid-month dates", []string{"2026-01-15", "2026-02-15", "2026-03-16"}, "", period.Day, "16 March 2026", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fs := fstest.MapFS{"d/observations.csv": {Data: []byte(tidy(tc.periods...))}}
			if tc.catalog != "" {
				fs["d/indicators.yaml"] = &fstest.MapFile{Data: []byte(tc.catalog)}
			}
			ds, diags, err := Load("d", Options{FS: fs})
			if err != nil {
				t.Fatal(err, diagStrings(diags))
			}
			if len(ds.Observations) != len(tc.periods) {
				t.Fatalf("%d rows, want %d", len(ds.Observations), len(tc.periods))
			}
			for _, o := range ds.Observations {
				if o.Period.Kind != tc.kind {
					t.Errorf("row %d: %s is a %s, want a %s", o.Pos.Line, o.Period, o.Period.Kind, tc.kind)
				}
			}
			if got := ds.Observations[len(ds.Observations)-1].Period.Label(); got != tc.last {
				t.Errorf("last period reads %q, want %q", got, tc.last)
			}
			got := strings.Join(diagStrings(diags), "\n")
			if tc.warn == "" && got != "" || tc.warn != "" && !strings.Contains(got, tc.warn) {
				t.Errorf("findings:\n%s\nwant one with %q", got, tc.warn)
			}
		})
	}
}

// TestDeclaredPeriod: period: in indicators.yaml or in a mapping makes a
// date stand for its month, quarter or week; a coarser period than the
// declared one is an error; an unknown word is an error with the choices.
func TestDeclaredPeriod(t *testing.T) {
	fs := fstest.MapFS{
		"d/dataset.yaml": {Data: []byte("observations:\n  - file: q.csv\n    period: quarter\n  - file: m.csv\n")},
		"d/q.csv":        {Data: []byte(tidy("2025-05-20", "2025-08-02"))},
		"d/m.csv":        {Data: []byte(strings.ReplaceAll(tidy("2025-05-20", "2025", "2025-W10"), "x,A", "y,A"))},
		"d/indicators.yaml": {Data: []byte("indicators:\n  - {id: x, unit: USD}\n  - {id: y, unit: USD, period: monthly}\n" +
			"  - {id: z, unit: USD, period: fortnight}\n")},
	}
	ds, diags, _ := Load("d", Options{FS: fs})
	var got []string
	for _, o := range ds.Observations {
		got = append(got, o.Indicator+" "+o.Period.Label())
	}
	if w := "x Q2 2025, x Q3 2025, y May 2025, y March 2025"; strings.Join(got, ", ") != w {
		t.Errorf("periods %v, want %s", got, w)
	}
	checkDiags(t, diags,
		`d/indicators.yaml:4:32: period "fortnight": use day, week, month, quarter or year (what a date of its rows stands for: period: month reads 2026-05-04 as May 2026)`,
		`d/m.csv:3:3: period "2025" is a year, but indicators.yaml (y: period: month) says a date stands for a month: give a date or a month`,
	)
}

// TestWideEntities: a file with one column per entity is melted into one
// row per entity and date, from a map of columns or from every column
// not mapped otherwise; names come from the headers.
func TestWideEntities(t *testing.T) {
	file := "Date,China,United_Kingdom,Notes\n2020-01-22,548,0,a\n2020-01-23,643,2,b\n"
	for _, tc := range []struct {
		name, mapping string
		want          string
		err           string
	}{
		{"map", "    wide_entities: {China: CHN, United_Kingdom: GBR}\n    ignore: [Notes]\n",
			"CHN China 2020-01-22 548|GBR United Kingdom 2020-01-22 0|CHN China 2020-01-23 643|GBR United Kingdom 2020-01-23 2", ""},
		{"all", "    wide_entities: all\n    ignore: [Notes]\n",
			"China China 2020-01-22 548|United_Kingdom United Kingdom 2020-01-22 0|China China 2020-01-23 643|United_Kingdom United Kingdom 2020-01-23 2", ""},
		{"only some", "    wide_entities: all\n    ignore: [Notes]\n    only_entities: [China]\n",
			"China China 2020-01-22 548|China China 2020-01-23 643", ""},
		{"exclude some", "    wide_entities: all\n    ignore: [Notes]\n    exclude_entities: [United_Kingdom]\n",
			"China China 2020-01-22 548|China China 2020-01-23 643", ""},
		{"exclude and only", "    wide_entities: all\n    ignore: [Notes]\n    only_entities: [China]\n    exclude_entities: [United_Kingdom]\n", "",
			`d/dataset.yaml:7:23: exclude_entities and only_entities together: keep one`},
		{"exclude not a list", "    wide_entities: all\n    ignore: [Notes]\n    exclude_entities: WLD\n", "",
			`exclude_entities must be a list of entity ids, e.g. [WLD, HIC]`},
		{"missing column", "    wide_entities: {China: CHN, Italy: ITA}\n    ignore: [Notes, United_Kingdom]\n", "",
			`d/c.csv:1: no column "Italy" (dataset.yaml reads entity ITA from it)`},
		{"with entity column", "    wide_entities: all\n    entity_name: Notes\n", "",
			`d/dataset.yaml:4:20: entity_name does not apply to a file with one column per entity: its headers name the entities`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			yaml := "observations:\n  - file: c.csv\n    columns: {period: Date}\n" + tc.mapping +
				"    constants: {indicator: cases, unit: cases, source: JHU, source_url: https://jhu.example}\n"
			fs := fstest.MapFS{"d/dataset.yaml": {Data: []byte(yaml)}, "d/c.csv": {Data: []byte(file)}}
			ds, diags, err := Load("d", Options{FS: fs})
			if tc.err != "" {
				if g := strings.Join(diagStrings(diags), "\n"); err == nil || !strings.Contains(g, tc.err) {
					t.Errorf("err %v, findings:\n%s\nwant %s", err, g, tc.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			names := map[string]string{}
			for _, e := range ds.Entities {
				names[e.ID] = e.Name("en")
			}
			var got []string
			for _, o := range ds.Observations {
				got = append(got, fmt.Sprintf("%s %s %s %g", o.Entity, names[o.Entity], o.Period, o.Value))
			}
			if strings.Join(got, "|") != tc.want {
				t.Errorf("rows\n%s\nwant\n%s", strings.Join(got, "|"), tc.want)
			}
		})
	}
}

// TestAsOfView: the dataset as known on a day hides every row released
// (or, without a release date, whose period ends) after it and every
// event dated after it (an event known by its month is told once the
// month has begun); plans stay; nothing hidden means no copy.
func TestAsOfView(t *testing.T) {
	obs := "indicator,entity,period,value,unit,released,source,source_url,status\n" +
		"x,A,2025-01,1,USD,2025-02-03,S,https://s.example,\n" +
		"x,A,2025-02,2,USD,2025-03-03,S,https://s.example,\n" +
		"x,B,2025-01-31,3,USD,,S,https://s.example,\n" +
		"x,B,2025-02-03,4,USD,,S,https://s.example,\n" +
		"x,B,2026,9,USD,,S,https://s.example,plan\n"
	events := "date,topic,entities,title,summary,source,source_url\n" +
		"2025-02-02,indicators,A,Before,b,S,https://s.example\n" +
		"2025-02-03,indicators,A,On the 3rd,c,S,https://s.example\n" +
		"2025-02,indicators,A,In February,d,S,https://s.example\n"
	fs := fstest.MapFS{"d/observations.csv": {Data: []byte(obs)}, "d/events.csv": {Data: []byte(events)}}
	ds, diags, err := Load("d", Options{FS: fs})
	if err != nil {
		t.Fatal(err, diagStrings(diags))
	}
	if !ds.HasReleased() || ds.AllReleased() {
		t.Errorf("HasReleased %v AllReleased %v, want true false", ds.HasReleased(), ds.AllReleased())
	}
	for _, tc := range []struct {
		day          string
		rows, events string
	}{
		{"2025-02-02", "3 9", "Before In February"}, // February has begun
		{"2025-02-03", "1 3 4 9", "Before On the 3rd In February"},
		{"2025-03-03", "1 2 3 4 9", "Before On the 3rd In February"},
		{"2025-01-30", "9", ""},
	} {
		day, _ := time.Parse("2006-01-02", tc.day)
		v := ds.AsOf(day)
		var rows, evs []string
		for _, o := range v.Observations {
			rows = append(rows, fmt.Sprint(o.Value))
		}
		for _, e := range v.Events {
			evs = append(evs, e.Title)
		}
		if strings.Join(rows, " ") != tc.rows || strings.Join(evs, " ") != tc.events {
			t.Errorf("as of %s: rows %v events %v, want %s / %s", tc.day, rows, evs, tc.rows, tc.events)
		}
		if v.AsOfDay() != day || v.AsOf(day) != v {
			t.Errorf("as of %s: the view is not idempotent", tc.day)
		}
		if len(ds.Observations) != 5 || len(ds.Events) != 3 {
			t.Fatalf("the view changed the dataset")
		}
	}
	all := ds.AsOf(time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC))
	if &all.Observations[0] != &ds.Observations[0] {
		t.Errorf("nothing hidden, yet the rows were copied")
	}
	noRel := &Dataset{Observations: []Observation{{Value: 1}}}
	if noRel.HasReleased() {
		t.Errorf("HasReleased without release dates")
	}
}
