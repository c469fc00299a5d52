package report

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	golden_ "github.com/briefhq/brief/internal/golden"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"

	"github.com/briefhq/brief/internal/audit"
	"github.com/briefhq/brief/internal/dataset"
	"github.com/briefhq/brief/internal/narrative"
	"github.com/briefhq/brief/internal/period"
	"github.com/briefhq/brief/internal/readability"
	"github.com/briefhq/brief/templates"
)

var generated = time.Date(2026, 11, 26, 9, 0, 0, 0, time.UTC)

func weekly(t *testing.T, data string, week string) *Output {
	t.Helper()
	return weeklyWith(t, data, week, nil)
}

func weeklyWith(t *testing.T, data string, week string, prev *narrative.PreviousBrief) *Output {
	t.Helper()
	ds, _, err := dataset.Load(data, dataset.Options{Now: generated})
	if err != nil {
		t.Fatal(err)
	}
	kind, err := narrative.LoadKind(templates.FS, "weekly", "templates/weekly")
	if err != nil {
		t.Fatal(err)
	}
	var w period.Period
	if week == "" {
		w = period.WeekOf(LatestDay(ds, generated))
	} else {
		w = period.MustParse(week)
	}
	out, err := Weekly(context.Background(), ds, kind, Options{
		Week: w, Generated: generated, Lang: "en", DataPath: data, Version: "test",
		Formats: Formats{MD: true, JSON: true}, Previous: prev,
	})
	if err != nil {
		t.Fatal(err)
	}
	lint(t, out, false)
	return out
}

// lint runs the readability check (internal/readability) over the brief
// or points file of out: every brief and points file the tests make is
// read as an editor would.
func lint(t *testing.T, out *Output, points bool) {
	t.Helper()
	var data []string
	for _, sec := range out.Doc.Sections {
		data = append(data, sec.Data...)
	}
	for _, f := range readability.Check(string(out.Doc.Markdown), readability.Options{Points: points, Data: data}) {
		t.Errorf("readability: %s", f)
	}
}

func file(t *testing.T, out *Output, name string) []byte {
	t.Helper()
	for _, f := range out.Files {
		if f.Path == name {
			return f.Data
		}
	}
	t.Fatalf("no %s among the outputs", name)
	return nil
}

func golden(t *testing.T, name string, got []byte) { golden_.Check(t, name, got) }

func TestSampleWeeklyBrief(t *testing.T) {
	out := weekly(t, "../../data", "")
	md := file(t, out, "brief.md")
	golden(t, "sample-weekly.md", md)
	for _, want := range []string{
		"$27.8 billion", "$10.0 billion", "$3.2 billion", "$2.0 billion", // trade turnover 2024, one decimal as declared
		"99 projects to date", "45 projects", "171 projects", "$52.9 billion", // industrial cooperation
		"3 thermal power plants", "183 outlets serviced by VTB that accept Mir cards",
		"Rosatom", "Inter RAO", "Kokshetau, Semey and Ust-Kamenogorsk", "media forum", "Astana",
		"Dauren Abayev", "## Sources", "[^1]:",
	} {
		if !strings.Contains(string(md), want) {
			t.Errorf("sample brief lacks %q", want)
		}
	}
	checkBrief(t, out)
}

func TestUnseenDatasetBrief(t *testing.T) {
	out := weekly(t, "../../testdata/unseen", "")
	md := file(t, out, "brief.md")
	golden(t, "unseen-weekly.md", md)
	for _, want := range []string{
		"## Climate", "## Water and rivers", // topics from the catalog, in its order
		"1,210.5 kt CO2e", "341 cm", "112 KZT", // units the formatter does not know, kept
		"1,210.5 kt CO2e, down 6.9% on December 2024 (1,300.0).", // the leader's sentence gives no verdict (a formula an editor strikes)
		"down 2.6% on December 2024",
		"up from 4.1% in 2024",         // a rate says where it came from
		"The target is 15.0% by 2030.", // a target is an outlook, not the latest value
		`\[phase 1\]`, `\*not\*`,       // data text escaped
	} {
		if !strings.Contains(string(md), want) {
			t.Errorf("brief lacks %q", want)
		}
	}
	if strings.Contains(string(md), "62.5% of the total") {
		t.Error("a share of a total of river levels makes no sense")
	}
	checkBrief(t, out)
}

func TestWorldBankBriefFromMappedCSV(t *testing.T) {
	if _, err := os.Stat("../../../shared/data/gdp/gdp.csv"); err != nil {
		t.Skip("../shared/data is not beside the repository")
	}
	out := weekly(t, "../../testdata/mapping/worldbank", "")
	md := string(file(t, out, "brief.md"))
	if !strings.Contains(md, "trillion") || !strings.Contains(md, "World Bank") {
		t.Errorf("World Bank brief lacks scaled money or its source:\n%s", md)
	}
	checkBrief(t, out)
}

var numberRE = regexp.MustCompile(`\d[\d,]*(?:\.\d+)?`)

// checkBrief asserts what every brief must satisfy: no <no value>, every
// footnote defined, the Markdown parses, and every number on the page is
// a cited figure, a count or date the brief derives, or part of data text.
func checkBrief(t *testing.T, out *Output) {
	t.Helper()
	md := string(file(t, out, "brief.md"))
	if strings.Contains(md, "<no value>") {
		t.Error("brief contains <no value>")
	}
	var rec audit.Record
	if err := json.Unmarshal(file(t, out, "brief.json"), &rec); err != nil {
		t.Fatalf("brief.json: %v", err)
	}
	for _, s := range rec.Sources {
		ref := "[^" + itoa(s.N) + "]"
		if !strings.Contains(md, ref+":") {
			t.Errorf("footnote %s is used but not defined", ref)
		}
		if len(s.Rows) == 0 {
			t.Errorf("footnote %s traces to no dataset row", ref)
		}
	}
	var html strings.Builder
	if err := goldmark.New(goldmark.WithExtensions(extension.GFM, extension.Footnote)).Convert([]byte(md), &html); err != nil {
		t.Fatal(err)
	}
	if strings.Count(html.String(), "<table>") != len(regexp.MustCompile(`(?m)^\| ?:--`).FindAllString(md, -1)) {
		t.Errorf("a table did not parse as a table")
	}

	// What may contain numbers: cited figures, the data's own text, the
	// labels of periods, the brief's counts and dates.
	var allowed strings.Builder
	for _, sec := range rec.Sections {
		for _, f := range sec.Figures {
			allowed.WriteString(f.Text + "\n")
		}
	}
	for _, f := range rec.Facts {
		allowed.WriteString(f.PeriodLabel + "\n" + f.Note + "\n")
		if f.Against != nil {
			allowed.WriteString(f.Against.Label + "\n")
		}
	}
	for _, s := range rec.Sources {
		allowed.WriteString(s.Raw + "\n")
	}
	for _, c := range rec.Charts {
		allowed.WriteString(c.Title + "\n")
	}
	for _, sec := range out.Doc.Sections {
		if sec.ID == "header" {
			allowed.WriteString(sec.Markdown)
		}
		for _, d := range sec.Data {
			allowed.WriteString(d + "\n") // the data's own text: event summaries, notes
		}
	}
	ok := allowed.String()
	for _, line := range strings.Split(md, "\n") {
		if strings.HasPrefix(line, "- **") && strings.Contains(line, "**: ") && !strings.Contains(line, "** (") {
			continue // an event: date and text are the data's
		}
		line = regexp.MustCompile(`\[\^\d+\]:?`).ReplaceAllString(line, "")
		caption := strings.HasPrefix(line, "*Figure ") || strings.HasPrefix(line, "*Table ") || strings.HasPrefix(line, "![") // an image says its chart like a caption
		for _, n := range numberRE.FindAllString(line, -1) {
			n = strings.TrimRight(n, ",")
			if caption && captionNumber(line, n) {
				continue
			}
			if !strings.Contains(ok, n) && !derivedCount(line, n) {
				t.Errorf("number %s is not a figure of the data: %q", n, line)
			}
		}
	}
}

// derivedCount accepts the counts the brief states about itself.
func derivedCount(line, n string) bool {
	for _, w := range []string{" figures", " figure", " events", " event", " years on record", " quarters on record", " months on record",
		" weeks on record", " days on record", " more follow", " of ", " members", " entities with figures", " more members", " others are at record",
		" in the data", " others are also at record", " months repeat", " quarters repeat", " years repeat"} {
		if strings.Contains(line, n+w) {
			return true
		}
	}
	// The numbers of figures and tables, the rest of a ranking, the start
	// of the data a record is counted over.
	for _, w := range []string{"Figure ", "Table ", "the other ", "The other ", "the top ", "lists all ", "data going back to ", "the series began in ", "of the "} {
		if strings.Contains(line, w+n) {
			return true
		}
	}
	return false
}

// yearRE is a year as captions name the span of a chart.
var yearRE = regexp.MustCompile(`^(1[5-9]|20)\d\d$`)

// captionNumber accepts the numbers of a caption: its own number, the
// periods of the chart or table, and how many figures it cuts to.
func captionNumber(line, n string) bool {
	return yearRE.MatchString(n) || strings.Contains(line, n+" to ") || strings.Contains(line, " to "+n) ||
		strings.Contains(line, "first "+n+" of") || strings.Contains(line, " of "+n+" ") || strings.Contains(line, "top "+n) || derivedCount(line, n) ||
		regexp.MustCompile(`\b`+regexp.QuoteMeta(n)+` (January|February|March|April|May|June|July|August|September|October|November|December)\b`).MatchString(line)
}

func itoa(n int) string { b, _ := json.Marshal(n); return string(b) }

func TestSameInputsSameBytes(t *testing.T) {
	a := weekly(t, "../../data", "")
	b := weekly(t, "../../data", "")
	if len(a.Files) != len(b.Files) {
		t.Fatal("different file sets")
	}
	for i := range a.Files {
		if string(a.Files[i].Data) != string(b.Files[i].Data) {
			t.Errorf("%s differs between two runs", a.Files[i].Path)
		}
	}
}

func TestWeekBeforeAnyReleaseSaysSo(t *testing.T) {
	out := weekly(t, "../../data", "2025-W01")
	md := string(file(t, out, "brief.md"))
	if !strings.Contains(md, "No new figures were released during the week") {
		t.Errorf("brief of a week without releases:\n%s", md)
	}
	if strings.Contains(md, "27.8") {
		t.Error("a figure released on 3 February 2025 appears in a brief of week 1")
	}
	checkBrief(t, out)
}

func TestCentralAsiaFromWorldBankFiles(t *testing.T) {
	if _, err := os.Stat("../../../shared/data/gdp/gdp.csv"); err != nil {
		t.Skip("../shared/data is not beside the repository")
	}
	out := weekly(t, "../../testdata/mapping/central-asia", "")
	md := file(t, out, "brief.md")
	golden(t, "central-asia-weekly.md", md)
	for _, want := range []string{
		// The leader with its own change, in one sentence.
		"The Russian Federation had the highest GDP in current dollars of the six in 2023: $2.02 trillion, down 10.8% on 2022 ($2.27 trillion).[^1]",
		"| Indicator | Entity | Value | Change on 2022 |",
		"| Gross domestic product | Kazakhstan | $261.42 billion | up 15.9% |",
		"13.4%, down from 19.7% in 2022.[^1]", // no formula verdict in the leader's sentence
		// below zero, prices fell: deflation, and no verdict on a change across zero
		"GDP-deflator inflation fell in all six; the largest fall was in Turkmenistan, from 11.0% to deflation of 3.3%.[^1]",
		"GDP-deflator inflation fell in all six in 2023, most in Turkmenistan, from 11.0% to deflation of 3.3%.[^1]",
		// GDP in current dollars: higher_is neutral, no verdict
		"$2.02 trillion, down 10.8% on 2022 ($2.27 trillion).[^1]",
	} {
		if !strings.Contains(string(md), want) {
			t.Errorf("brief lacks %q", want)
		}
	}
	if strings.Contains(string(md), "World") && strings.Contains(string(md), "Europe & Central Asia") {
		t.Error("only_entities did not drop the aggregates")
	}
	checkBrief(t, out)
}

func TestWhatChangedAcrossTwoWeeks(t *testing.T) {
	first := weekly(t, "../../testdata/changes/week1", "2025-W08")
	md1 := string(file(t, first, "brief.md"))
	if strings.Contains(md1, "## What changed") { // nothing to say in a first issue
		t.Errorf("first brief's What changed:\n%s", md1)
	}
	prev, err := audit.Previous(file(t, first, "brief.json"))
	if err != nil {
		t.Fatal(err)
	}
	second := weeklyWith(t, "../../testdata/changes/week2", "2025-W09", prev)
	md2 := file(t, second, "brief.md")
	golden(t, "changes-week2.md", md2)
	for _, want := range []string{
		"Since the brief of Week 8 of 2025:",
		"- **Revised:** the figure of January 2025 for Kazakhstan's exports is now $5.9 billion, up from $5.8 billion.[^1]",
		"- **New:** Uzbekistan's imports stood at $3.3 billion in January 2025.[^",
		"- **Event:** 26 February 2025: New customs terminal opens.",
		// An earlier figure the first brief compared with, revised by less
		// than its decimals show: printed with enough digits to differ.
		"- **Revised:** the figure of December 2024 for Kazakhstan's exports is now $6.14 billion, up from $6.10 billion.[^1]",
	} {
		if !strings.Contains(string(md2), want) {
			t.Errorf("second brief lacks %q", want)
		}
	}
	var rec audit.Record
	if err := json.Unmarshal(file(t, second, "brief.json"), &rec); err != nil {
		t.Fatal(err)
	}
	if len(rec.Changes.Revised) != 2 || rec.Changes.Revised[1].From != 5.8e9 || rec.Changes.Revised[1].To != 5.9e9 ||
		rec.Changes.Revised[0].From != 6.1e9 || rec.Changes.Revised[0].To != 6.14e9 {
		t.Errorf("audit revisions = %+v", rec.Changes.Revised)
	}
	checkBrief(t, second)
}

// TestRankingStaysInItsGroup: with Russia in another group than the five
// Central Asian states, "the highest in the Central Asian group" is said
// of Kazakhstan, never of Russia, and the shares are of that group's
// total; the group is named as entities.yaml names it.
func TestRankingStaysInItsGroup(t *testing.T) {
	md := string(file(t, weekly(t, "../../testdata/groups", ""), "brief.md"))
	for _, want := range []string{
		"Kazakhstan had the highest gross domestic product in the Central Asian group in 2023: $250.0 billion, 58.7% of the total for all five, up 25.0% on 2022", // 250 of 250+90+60+14+12
		"Russia's gross domestic product stood at $2.0 trillion in 2023, down 13.0% on 2022 ($2.3 trillion)",                                                      // 2000 against 2300
	} {
		if !strings.Contains(md, want) {
			t.Errorf("brief lacks %q", want)
		}
	}
	if strings.Contains(md, "Russia had the highest") || strings.Contains(md, "Russia came second") || strings.Contains(md, "Next came Russia") {
		t.Errorf("Russia is ranked in a group it is not in:\n%s", md)
	}
}

// TestCountsAreTheMost: the top of a ranking of counted things is "the
// most" ("the most jobs created"), of amounts "the highest".
func TestCountsAreTheMost(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("observations.csv", "indicator,entity,period,value,unit,released,source,source_url\n"+
		"jobs,EE,2025-01,1200,jobs,2025-02-20,Stat,https://example.org\n"+
		"jobs,LV,2025-01,900,jobs,2025-02-20,Stat,https://example.org\n"+
		"rainfall,EE,2025-01,35,mm,2025-02-20,Stat,https://example.org\n"+
		"rainfall,LV,2025-01,25,mm,2025-02-20,Stat,https://example.org\n")
	md := string(file(t, weekly(t, dir, "2025-W08"), "brief.md"))
	for _, want := range []string{"the most jobs", "the highest rainfall"} {
		if !strings.Contains(md, want) {
			t.Errorf("brief lacks %q:\n%s", want, md)
		}
	}
}

// TestRankingPrefersCompleteGroups: a group whose every member reports is
// ranked before a larger one with a member missing; a brief about a group
// (--per group) ranks within it, and says how many of its members report.
func TestRankingPrefersCompleteGroups(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("observations.csv", "indicator,entity,period,value,unit,released,source,source_url\n"+
		"exports,KZ,2024-Q4,500,USD,2025-02-10,Stat,https://example.org\n"+
		"exports,KG,2024-Q4,300,USD,2025-02-10,Stat,https://example.org\n"+
		"exports,RU,2024-Q4,800,USD,2025-02-10,Stat,https://example.org\n"+
		"exports,UZ,2024-Q4,900,USD,2025-02-10,Stat,https://example.org\n")
	write("entities.yaml", "groups:\n  - {id: eaeu, name: EAEU}\n  - {id: ca, name: Central Asia}\nentities:\n"+
		"  - {id: KZ, name: Kazakhstan, groups: [ca, eaeu]}\n  - {id: KG, name: Kyrgyzstan, groups: [ca, eaeu]}\n"+
		"  - {id: UZ, name: Uzbekistan, groups: [ca]}\n  - {id: TJ, name: Tajikistan, groups: [ca]}\n  - {id: RU, name: Russia, groups: [eaeu]}\n")
	md := string(file(t, weekly(t, dir, "2025-W07"), "brief.md"))
	if !strings.Contains(md, "Russia had the highest exports in the EAEU group in Q4 2024: $800, 50.0% of the total for all three.") {
		t.Errorf("the complete EAEU group is not the ranking:\n%s", md)
	}

	ds, _, err := dataset.Load(dir, dataset.Options{Now: generated})
	if err != nil {
		t.Fatal(err)
	}
	kind, err := narrative.LoadKind(templates.FS, "weekly", "templates/weekly")
	if err != nil {
		t.Fatal(err)
	}
	out, err := Weekly(context.Background(), dataset.NewIndex(ds).Subset([]string{"KZ", "KG", "UZ", "TJ"}), kind, Options{
		Week: period.MustParse("2025-W07"), Generated: generated, Lang: "en", Formats: Formats{MD: true}, Group: "ca",
	})
	if err != nil {
		t.Fatal(err)
	}
	md = string(out.Doc.Markdown)
	if !strings.Contains(md, "the highest exports in the Central Asia group (no figures for Tajikistan) in Q4 2024: $900.") {
		t.Errorf("the Central Asia brief does not rank within its group, or hides the missing member:\n%s", md)
	}
	if strings.Contains(md, "of the total") {
		t.Errorf("a share of an incomplete group's total:\n%s", md)
	}
}

// TestChangeShowsDistinctFigures: a change never compares a figure with
// one printed the same ("12.5% ... down 0.05 percentage points (12.5%)").
func TestChangeShowsDistinctFigures(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "observations.csv"), []byte("indicator,entity,period,value,unit,released,source,source_url\n"+
		"rate,EE,2024-11,12.5,%,2024-12-20,S,https://example.org\nrate,EE,2024-12,12.45,%,2025-01-20,S,https://example.org\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	md := string(file(t, weekly(t, dir, "2025-W04"), "brief.md"))
	if !strings.Contains(md, "12.45% in December 2024, down from 12.50% in November 2024.") {
		t.Errorf("brief:\n%s", md)
	}
}

// TestTieAtTheTop: two entities with the same top figure share it.
func TestTieAtTheTop(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "observations.csv"), []byte("indicator,entity,period,value,unit,released,source,source_url\n"+
		"exp,EE,2024-12,5,EUR,2025-01-20,S,https://example.org\nexp,LV,2024-12,5,EUR,2025-01-20,S,https://example.org\n"+
		"exp,LT,2024-12,3,EUR,2025-01-20,S,https://example.org\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	md := string(file(t, weekly(t, dir, "2025-W04"), "brief.md"))
	if !strings.Contains(md, "EE and LV shared the highest exp of the three in December 2024: €5 each.[^1] LT came next with €3.") {
		t.Errorf("brief:\n%s", md)
	}
}

// TestSummaryKeepsWhatMadeAFigureSalient: a record or a change is said in
// the summary, not the bare figure.
func TestSummaryKeepsWhatMadeAFigureSalient(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "observations.csv"), []byte("indicator,entity,period,value,unit,released,source,source_url\n"+
		"unemp,LV,2024-08,5.9,%,2024-09-20,S,https://example.org\nunemp,LV,2024-09,6.0,%,2024-10-20,S,https://example.org\n"+
		"unemp,LV,2024-10,6.1,%,2024-11-20,S,https://example.org\nunemp,LV,2024-11,6.3,%,2024-12-18,S,https://example.org\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	md := string(file(t, weekly(t, dir, "2024-W51"), "brief.md"))
	summary := keyMessages(t, md)
	// Four months are too short a history for a record: the change is
	// said, by the move first ("rose to 6.3% … from 6.1%").
	if !strings.Contains(summary, "rose to 6.3% in November 2024 from 6.1% in October 2024") {
		t.Errorf("the key messages give the bare figure:\n%s", summary)
	}
}

// TestRevisionTooSmallToPrint: a revision from 3,700,000,000 to
// 3,700,000,001 is recorded in brief.json but not said in the brief.
func TestRevisionTooSmallToPrint(t *testing.T) {
	mk := func(v string) string {
		dir := t.TempDir()
		if err := os.WriteFile(filepath.Join(dir, "observations.csv"), []byte("indicator,entity,period,value,unit,released,source,source_url\n"+
			"exports,EE,2024-12,"+v+",EUR,2025-01-20,S,https://example.org\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		return dir
	}
	first := weekly(t, mk("3700000000"), "2025-W04")
	prev, err := audit.Previous(file(t, first, "brief.json"))
	if err != nil {
		t.Fatal(err)
	}
	second := weeklyWith(t, mk("3700000001"), "2025-W05", prev)
	if md := string(file(t, second, "brief.md")); strings.Contains(md, "Revised") {
		t.Errorf("a revision too small to print is said:\n%s", md)
	}
	var rec audit.Record
	if err := json.Unmarshal(file(t, second, "brief.json"), &rec); err != nil {
		t.Fatal(err)
	}
	if len(rec.Changes.Revised) != 1 || rec.Changes.Revised[0].To != 3700000001 {
		t.Errorf("brief.json revisions = %+v", rec.Changes.Revised)
	}
}
