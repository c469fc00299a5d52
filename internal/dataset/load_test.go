package dataset

import (
	"errors"
	"fmt"
	"math"
	"os"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/briefhq/brief/internal/period"
)

func diagStrings(ds Diagnostics) []string {
	out := make([]string, len(ds))
	for i, d := range ds {
		out[i] = d.String()
	}
	return out
}

func checkDiags(t *testing.T, got Diagnostics, want ...string) {
	t.Helper()
	g := strings.Join(diagStrings(got), "\n")
	if w := strings.Join(want, "\n"); g != w {
		t.Errorf("findings:\n%s\nwant:\n%s", g, w)
	}
}

// TestFormatsAgree loads one dataset written three ways: CSV as a
// spreadsheet exports it (BOM, CRLF, quoted commas and newlines, shuffled
// and oddly cased columns), JSON and YAML.
func TestFormatsAgree(t *testing.T) {
	t.Chdir("../..")
	var first []Observation
	for _, name := range []string{"observations.csv", "observations.json", "observations.yaml"} {
		ds, diags, err := Load("testdata/formats/"+name, Options{})
		if err != nil || len(diags) > 0 {
			t.Fatalf("%s: %v %v", name, err, diagStrings(diags))
		}
		obs := append([]Observation(nil), ds.Observations...)
		for i := range obs {
			if obs[i].Pos.File != "testdata/formats/"+name || obs[i].Pos.Line == 0 {
				t.Errorf("%s: row %d at %+v", name, i, obs[i].Pos)
			}
			obs[i].Pos = Pos{}
		}
		if first == nil {
			first = obs
			if len(obs) != 5 {
				t.Fatalf("%s: %d observations, want 5", name, len(obs))
			}
			o := obs[0]
			if o.Source != "Bureau of National Statistics, Kazakhstan" || o.Note != "Exports plus imports,\nof goods only" ||
				o.Value != 27.8e9 || o.Counterpart != "RU" || o.Released != time.Date(2025, 2, 14, 0, 0, 0, 0, time.UTC) {
				t.Errorf("%s: first row %+v", name, o)
			}
			continue
		}
		if !reflect.DeepEqual(obs, first) {
			t.Errorf("%s differs from observations.csv:\n%+v\n%+v", name, obs, first)
		}
	}
}

// TestWorldBank reads two real World Bank files in place through
// testdata/mapping/worldbank/dataset.yaml.
func TestWorldBank(t *testing.T) {
	t.Chdir("../..")
	if _, err := os.Stat("../shared/data/gdp/gdp.csv"); err != nil {
		t.Skip("../shared/data is not beside the repository (a plain clone): the World Bank files are read in place from there")
	}
	ds, diags, err := Load("testdata/mapping/worldbank", Options{})
	if err != nil || diags.HasErrors() {
		t.Fatalf("%v\n%s", err, strings.Join(diagStrings(diags), "\n"))
	}
	// gdp.csv has 13,979 rows (its last line has no newline),
	// inflation-consumer.csv 13,778; the mapping's exclude_entities leaves
	// out the 48 aggregates' rows (counted apart with a script): 11,146
	// and 10,955 rows of countries remain.
	if n := len(ds.Observations); n != 11146+10955 {
		t.Errorf("%d observations", n)
	}
	for _, o := range ds.Observations {
		if o.Entity == "WLD" || o.Entity == "HIC" || o.Entity == "OED" {
			t.Fatalf("an aggregate was read: %+v", o)
		}
	}
	find := func(ind, ent, per string) *Observation {
		for i := range ds.Observations {
			o := &ds.Observations[i]
			if o.Indicator == ind && o.Entity == ent && o.Period.String() == per {
				return o
			}
		}
		t.Fatalf("no %s %s %s", ind, ent, per)
		return nil
	}
	if o := find("gdp", "KAZ", "2021"); o.Value != 197112255360.61234 || o.Unit != "USD" || o.Source != "World Bank, World Development Indicators" ||
		o.Pos != (Pos{File: "../shared/data/gdp/gdp.csv", Line: 6556}) {
		t.Errorf("Kazakhstan GDP 2021: %+v", *o)
	}
	if o := find("gdp_deflator", "KAZ", "2021"); o.Value != 13.9300750551614 || o.Unit != "%" {
		t.Errorf("Kazakhstan GDP deflator 2021: %+v", *o)
	}
	names := map[string]string{}
	for _, e := range ds.Entities {
		names[e.ID] = e.Name("en")
	}
	for id, want := range map[string]string{"KAZ": "Kazakhstan", "KGZ": "Kyrgyz Republic", "BHS": "Bahamas, The", "ABW": "Aruba"} {
		if names[id] != want {
			t.Errorf("entity %s named %q, want %q", id, names[id], want)
		}
	}
	if ds.HasEntityCatalog || !ds.HasIndicatorCatalog || len(ds.Indicators) != 2 || ds.Indicators[1].Name != "Inflation, GDP deflator" {
		t.Errorf("catalogs: %+v", ds.Indicators)
	}
	if len(ds.Topics) != 1 || ds.Topics[0].ID != "economy" || ds.Topics[0].Name != "Economy" {
		t.Errorf("topics: %+v", ds.Topics)
	}
}

// catalogFS is a small dataset with every file, read through Options.FS.
func catalogFS() fstest.MapFS {
	return fstest.MapFS{
		"d/indicators.yaml": {Data: []byte(`indicators:
  - id: turnover
    name: Trade turnover
    topic: foreign-trade
    unit: USD
    decimals: 1
    higher_is: good
  - id: wheat
    name: Wheat exports
    topic: agri_food
    unit: tonnes
  - id: cpi
    name: Consumer prices
    topic: foreign-trade
    unit: "%"
    higher_is: bad
`)},
		"d/entities.yaml": {Data: []byte(`entities:
  - id: KZ
    name: {en: Kazakhstan, ru: Казахстан}
    short: Kazakhstan
    groups: [central-asia]
  - id: RU
    name: Russia
    groups: europe
`)},
		"d/observations.csv": {Data: []byte(`indicator,entity,counterpart,period,value,unit,source,source_url,status
turnover,KZ,RU,2024,27800000000,USD,Stat,https://stat.gov.kz/,
turnover,KZ,RU,2023,26000000000,,Stat,https://stat.gov.kz/,
wheat,KZ,,2020,5,tonnes,Ministry,,
wheat,KZ,,2021,6,tonnes,Ministry,,
cpi,KZ,,2026-05,0.5,%,Stat,https://stat.gov.kz/,estimate
cpi,KZ,,2026-06,0.4,%,Stat,https://stat.gov.kz/,plan
`)},
		"d/events.csv": {Data: []byte("date,topic,entities,title,summary,source,source_url\r\n" +
			"2024,foreign-trade,KZ;RU,Media forum,\"Held in Astana, twice\",Gov,https://gov.kz/\r\n" +
			"2026-02-03,,KZ,Wheat deal,,Gov,\r\n")},
	}
}

func TestCatalogsAndClock(t *testing.T) {
	now := time.Date(2026, 3, 10, 15, 0, 0, 0, time.UTC)
	ds, diags, err := Load("d", Options{FS: catalogFS(), Now: now})
	if err != nil {
		t.Fatal(err)
	}
	checkDiags(t, diags,
		`d/events.csv:3: warning: source "Gov" has no source_url: add a link so readers can check it`,
		`d/observations.csv:4: warning: source "Ministry" has no source_url (on 2 rows): add a link so readers can check it`,
		"d/observations.csv:5: warning: stale series: the latest figure of wheat for KZ is for 2021, over 2 years overdue: add newer figures or drop the series",
	)
	var topics []string
	for _, tp := range ds.Topics {
		topics = append(topics, tp.ID+"="+tp.Name)
	}
	if got := strings.Join(topics, ","); got != "foreign-trade=Foreign Trade,agri_food=Agri Food" {
		t.Errorf("topics %s", got)
	}
	if o := ds.Observations[1]; o.Unit != "USD" {
		t.Errorf("empty unit not taken from the catalog: %+v", o)
	}
	if in := ds.Indicators[0]; in.Decimals != 1 || in.HigherIs != Good || ds.Indicators[1].Decimals != -1 || ds.Indicators[1].HigherIs != Neutral {
		t.Errorf("indicators %+v", ds.Indicators)
	}
	kz := ds.Entities[0]
	if kz.Name("ru") != "Казахстан" || kz.Name("de") != "Kazakhstan" || kz.Short != "Kazakhstan" || ds.Entities[1].Groups[0] != "europe" {
		t.Errorf("entities %+v", ds.Entities)
	}
	if len(ds.Events) != 2 || ds.Events[0].Date != period.MustParse("2024") || ds.Events[0].Summary != "Held in Astana, twice" ||
		!reflect.DeepEqual(ds.Events[0].Entities, []string{"KZ", "RU"}) {
		t.Errorf("events %+v", ds.Events)
	}
	if ds.Observations[5].Status != Plan {
		t.Errorf("status %q", ds.Observations[5].Status)
	}

	// Without the clock, no stale or future findings.
	_, diags, _ = Load("d", Options{FS: catalogFS()})
	for _, d := range diags {
		if strings.Contains(d.Message, "stale") || strings.Contains(d.Message, "begun") {
			t.Errorf("clock check without a clock: %s", d)
		}
	}
	// StaleAfter < 0 turns the stale check off.
	_, diags, _ = Load("d", Options{FS: catalogFS(), Now: now, StaleAfter: -1})
	for _, d := range diags {
		if strings.Contains(d.Message, "stale") {
			t.Errorf("stale check with StaleAfter < 0: %s", d)
		}
	}
}

func TestWithoutCatalogs(t *testing.T) {
	fsys := fstest.MapFS{"obs.csv": {Data: []byte(`indicator,entity,counterpart,period,value,unit,source,source_url
b_ind,KZ,RU,2024,1,USD,S,https://s/
a_ind,UZ,,2024,2,%,S,https://s/
b_ind,KZ,RU,2023,1,USD,S,https://s/
`)}}
	ds, diags, err := Load("obs.csv", Options{FS: fsys})
	if err != nil {
		t.Fatal(err)
	}
	checkDiags(t, diags)
	want := []Indicator{
		{ID: "b_ind", Name: "b_ind", Topic: "indicators", Unit: "USD", Decimals: -1, HigherIs: Neutral, Pos: Pos{File: "obs.csv", Line: 2}},
		{ID: "a_ind", Name: "a_ind", Topic: "indicators", Unit: "%", Decimals: -1, HigherIs: Neutral, Pos: Pos{File: "obs.csv", Line: 3}},
	}
	if !reflect.DeepEqual(ds.Indicators, want) {
		t.Errorf("indicators %+v", ds.Indicators)
	}
	if !reflect.DeepEqual(ds.Topics, []Topic{DefaultTopic}) {
		t.Errorf("topics %+v", ds.Topics)
	}
	var ids []string
	for _, e := range ds.Entities {
		ids = append(ids, e.ID+"="+e.Name(""))
	}
	if strings.Join(ids, ",") != "KZ=KZ,UZ=UZ,RU=RU" {
		t.Errorf("entities %v", ids)
	}
	if ds.HasIndicatorCatalog || ds.HasEntityCatalog {
		t.Error("catalog flags set")
	}
}

// TestMixedUnitsAreAnError: a series whose rows give two units cannot
// be compared or ranked as one (a blind review: gold with one row "USD
// per gram" printed "rose 3.5% to $1,984 per gram" from $1,916 per troy
// ounce), so the load fails at the first such row, naming both units,
// with or without a catalog.
func TestMixedUnitsAreAnError(t *testing.T) {
	fsys := fstest.MapFS{"obs.csv": {Data: []byte(`indicator,entity,counterpart,period,value,unit,source,source_url
b_ind,KZ,RU,2024,1,USD,S,https://s/
a_ind,UZ,,2024,2,%,S,https://s/
b_ind,KZ,RU,2023,1,EUR,S,https://s/
`)}}
	_, diags, err := Load("obs.csv", Options{FS: fsys})
	if err == nil {
		t.Fatal("no error")
	}
	checkDiags(t, diags, `obs.csv:4:6: unit "EUR" of b_ind differs from the unit "USD" of its first row: figures in two units cannot be compared or ranked as one series: convert the values to "USD" or correct the unit`)

	cat := catalogFS()
	cat["d/observations.csv"].Data = []byte(strings.Replace(string(cat["d/observations.csv"].Data), "wheat,KZ,,2021,6,tonnes", "wheat,KZ,,2021,6,thousand tonnes", 1))
	_, diags, err = Load("d", Options{FS: cat})
	if err == nil || !strings.Contains(err.Error(), `unit "thousand tonnes" of wheat differs from the unit "tonnes" in indicators.yaml: figures in two units cannot be compared or ranked as one series: convert the values to "tonnes" or correct the unit`) {
		t.Errorf("err %v, diags %v", err, diagStrings(diags))
	}
}

// TestRepeatsSummed: a mistake repeated on many rows is listed a few
// times, then summed up, so it cannot bury the other findings.
func TestRepeatsSummed(t *testing.T) {
	var b strings.Builder
	b.WriteString("indicator,entity,period,value,unit,source,source_url\n")
	for i := 0; i < 25; i++ {
		fmt.Fprintf(&b, "gdp,KZ,%d,1,USD,,https://s/\n", 1990+i)
	}
	_, diags, err := Load("o.csv", Options{FS: fstest.MapFS{"o.csv": {Data: []byte(b.String())}}})
	if err == nil || len(diags) != maxRepeats+1 {
		t.Fatalf("%d findings: %v", len(diags), diagStrings(diags))
	}
	if got := diags[maxRepeats].String(); got != "o.csv:12:6: missing source: say where the figure comes from (and 15 more places from here on, not listed)" {
		t.Errorf("summary: %s", got)
	}
}

func TestYAMLBombAndLimits(t *testing.T) {
	var bomb strings.Builder
	bomb.WriteString("a: &a [x, x, x, x, x, x, x, x, x]\n")
	for c := 'b'; c <= 'z'; c++ {
		fmt.Fprintf(&bomb, "%c: &%c [*%c, *%c, *%c, *%c, *%c, *%c, *%c, *%c, *%c]\n", c, c, c-1, c-1, c-1, c-1, c-1, c-1, c-1, c-1, c-1)
	}
	bomb.WriteString("indicators: *z\n")
	obs := []byte("indicator,entity,period,value,unit,source\n")
	tests := []struct {
		name, yaml, want string
	}{
		{"bomb", bomb.String(), "d/indicators.yaml:2:8: YAML aliases (*a) are not supported: write the value out"},
		{"deep", strings.Repeat("[", 20000) + strings.Repeat("]", 20000), "d/indicators.yaml: not valid YAML: exceeded max depth of 10000"},
		{"nested", "indicators:\n" + strings.Repeat("  ", 0) + "- " + strings.Repeat("[", 40) + strings.Repeat("]", 40) + "\n", "d/indicators.yaml:2:34: nested more than 32 levels deep"},
		{"large", "indicators: []\n" + strings.Repeat("# padding\n", MaxYAMLSize/10+1), "d/indicators.yaml: file is larger than 10 MB: split it or use CSV"},
		{"not utf8", "indicators:\n  - id: gdp\n    name: Soci\xe9t\xe9\n", "d/indicators.yaml:3:15: text is not valid UTF-8: re-save the file as UTF-8"},
		{"syntax", "indicators:\n  - id: gdp\n - id: x\n", "d/indicators.yaml:2: not valid YAML: did not find expected key"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := fstest.MapFS{"d/indicators.yaml": {Data: []byte(tt.yaml)}, "d/observations.csv": {Data: obs}}
			_, diags, err := Load("d", Options{FS: fsys})
			if err == nil || len(diags) == 0 || diags[0].String() != tt.want {
				t.Errorf("got %v, want %s", diagStrings(diags), tt.want)
			}
		})
	}
}

func TestLoadMissing(t *testing.T) {
	_, diags, err := Load("nowhere", Options{FS: fstest.MapFS{}})
	var lerr *Error
	if !errors.As(err, &lerr) {
		t.Fatalf("err = %v", err)
	}
	checkDiags(t, diags, "nowhere: cannot read: no such file or folder")
	if lerr.Error() != "nowhere: cannot read: no such file or folder\ndataset has 1 error" {
		t.Errorf("Error() = %q", lerr.Error())
	}
	_, diags, _ = Load("d", Options{FS: fstest.MapFS{"d/indicators.yaml": {Data: []byte("indicators: []\n")}}})
	checkDiags(t, diags, "d: no observations: add observations.csv (or .json, .yaml, .xlsx), or list the files in dataset.yaml")
}

func TestParseNumber(t *testing.T) {
	good := map[string]float64{
		"-12.5": -12.5, "1e9": 1e9, "27800000000": 27800000000, " 3.25 ": 3.25, "+4": 4, ".5": 0.5,
		"1E-3": 0.001, "0": 0, "27.8e9": 27.8e9,
	}
	for in, want := range good {
		if got, err := ParseNumber(in); err != nil || got != want {
			t.Errorf("ParseNumber(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
	bad := map[string]string{
		"27,8":      `value "27,8": use a dot as decimal separator`,
		"1,000":     `value "1,000": remove the thousands separators: write 1000`,
		"12,345.67": `value "12,345.67": remove the thousands separators: write 12345.67`,
		"1.234,5":   `value "1.234,5": use a dot as decimal separator and no thousands separators: write 1234.5`,
		"1 000":     `value "1 000": remove the separators between digits: write 1000`,
		"":          `value is empty: write the figure, or leave the row out if there is none`,
		"  ":        `value is empty: write the figure, or leave the row out if there is none`,
		"NaN":       `value "NaN": NaN is not a figure: leave the row out if there is none`,
		"Inf":       `value "Inf": infinite values are not allowed: write a finite number`,
		"-inf":      `value "-inf": infinite values are not allowed: write a finite number`,
		"1e999":     `value "1e999": too large: values may be up to 1e18 (a million trillion) in size; give it in a larger unit, such as billion USD for USD`,
		"(12)":      `value "(12)": write negative numbers with a minus sign: -12`,
		"12%":       `value "12%": write the plain number without % or currency signs; the unit column says what it counts`,
		"$5":        `value "$5": write the plain number without % or currency signs; the unit column says what it counts`,
		"n/a":       `value "n/a": not a number: leave the row out if there is no figure`,
		"0x10":      `value "0x10": write the number in decimal`,
		"1.2.3e":    `value "1.2.3e": not a number: write a plain number such as -12.5 or 27800000000`,
		"twelve":    `value "twelve": not a number: write a plain number such as -12.5 or 27800000000`,
	}
	for in, want := range bad {
		v, err := ParseNumber(in)
		var ne *NumberError
		if !errors.As(err, &ne) || err.Error() != want {
			t.Errorf("ParseNumber(%q) = %v, %v; want %s", in, v, err, want)
		}
	}
	if _, err := ParseNumber("1_000"); err == nil {
		t.Error("1_000 accepted")
	}
	if v, _ := ParseNumber("-0"); !math.Signbit(v) && v != 0 {
		t.Error("-0")
	}
}
