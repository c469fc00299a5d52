package report

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/briefhq/brief/internal/audit"
	"github.com/briefhq/brief/internal/dataset"
	"github.com/briefhq/brief/internal/narrative"
	"github.com/briefhq/brief/internal/period"
	"github.com/briefhq/brief/templates"
)

// weeklyAsOf is the brief of the week of asOf, reading the data as known
// at the end of that day (brief weekly --as-of).
func weeklyAsOf(t *testing.T, data, asOf string) string {
	t.Helper()
	ds, _, err := dataset.Load(data, dataset.Options{Now: generated})
	if err != nil {
		t.Fatal(err)
	}
	kind, err := narrative.LoadKind(templates.FS, "weekly", "templates/weekly")
	if err != nil {
		t.Fatal(err)
	}
	d, _ := time.Parse("2006-01-02", asOf)
	out, err := Weekly(context.Background(), ds, kind, Options{Week: period.WeekOf(d), AsOf: d, Generated: generated, Lang: "en",
		Formats: Formats{MD: true, JSON: true}})
	if err != nil {
		t.Fatal(err)
	}
	checkBrief(t, out)
	lint(t, out, false)
	return string(file(t, out, "brief.md"))
}

func wants(t *testing.T, what, md string, want ...string) {
	t.Helper()
	for _, w := range want {
		if !strings.Contains(md, w) {
			t.Errorf("%s lacks %q:\n%s", what, w, md)
		}
	}
}

func shuns(t *testing.T, what, md string, bad ...string) {
	t.Helper()
	for _, b := range bad {
		if strings.Contains(md, b) {
			t.Errorf("%s says %q:\n%s", what, b, md)
		}
	}
}

// TestRunningTotalsSayWhatTheDataShow (issue 11 review, P1, P4, P5, P6)
// on testdata/cumulative, week 24 of 2026, every figure computed by hand
// from observations.csv (see its indicators.yaml): the largest increase
// leads the summary, not the fastest growth on a tiny base; a total that
// did not move has no new figure; a total that fell was revised and the
// weeks are not compared; data that end on Friday give the increase over
// five days against the same five days; no record of a running total.
func TestRunningTotalsSayWhatTheDataShow(t *testing.T) {
	out := weekly(t, "../../testdata/cumulative", "2026-W24")
	md := string(file(t, out, "brief.md"))
	sum := keyMessages(t, md)
	wants(t, "key messages", sum,
		"- Northland's confirmed cases rose by 140,000 over the week to 780,000 on Sunday 14 June, against a rise of 70,000 the week before.[^1]")
	// A total that did not move is no key message; if one is, it comes
	// after the largest increase.
	if i, j := strings.Index(sum, "confirmed cases rose by 140,000"), strings.Index(sum, "tests performed"); i < 0 || j >= 0 && j < i {
		t.Errorf("the largest increase does not lead, or the unmoved total comes before it:\n%s", sum)
	}
	shuns(t, "key messages", sum, "Southland")
	wants(t, "brief", md,
		"| Confirmed cases | Southland | 14 June 2026 | 184 cases | up 70 cases in the week |",
		// P4: no report is not "unchanged"
		"| Tests performed | Northland | 14 June 2026 | 50,300 tests | no new figure in the week |",
		// P4: a falling total is a revision, said as such, not compared
		"Northland's vaccine doses given rose by a net 1,000 over the week to 215,000 on Sunday 14 June, including a downward revision of 5,000 doses on Thursday 11 June (the running total fell from 217,000 to 212,000).[^1]",
		"| Vaccine doses given | Northland | 14 June 2026 | 215,000 doses | up a net 1,000 doses in the week, including a downward revision |",
		"Northland's deaths rose by 70 over the week to 5,160 on Sunday 14 June; the week before, not compared, included a downward revision of 40 deaths on Wednesday 3 June.[^1]",
		// P1: data that end on a Friday
		"Northland's hospital admissions rose by 300 in the 5 days to Friday 12 June, to 4,000, against a rise of 250 in the same days of the week before.[^1]",
		"| Hospital admissions | Northland | 12 June 2026 | 4,000 admissions | up 300 admissions in the 5 days to Friday 12 June |",
	)
	shuns(t, "brief", md, "unchanged", " was ", "on record", "record high", "Record:", "against 70,000 the week before",
		"hospital admissions rose by 300 over the week")
}

// TestRunningTotalReadMidWeek (P1): --as-of Wednesday 10 June compares
// Monday to Wednesday with Monday to Wednesday of the week before, and
// says so; "over the week" is said of no daily figure.
func TestRunningTotalReadMidWeek(t *testing.T) {
	md := weeklyAsOf(t, "../../testdata/cumulative", "2026-06-10")
	wants(t, "brief as of Wednesday", md,
		"Northland's confirmed cases rose by 60,000 in the 3 days to Wednesday 10 June, to 700,000, against a rise of 30,000 in the same days of the week before.[^1]",
		"| Tests performed | Northland | 50,300 tests | no new figure |",
		// the fall of Wednesday 3 June is within the same days of the week before
		"Northland's deaths rose by 30 in the 3 days to Wednesday 10 June, to 5,120; the week before, not compared, included a downward revision of 40 deaths on Wednesday 3 June.[^1]",
		"| Confirmed cases | Northland | 700,000 cases | up 60,000 cases |",
	)
	shuns(t, "brief as of Wednesday", md, "over the week", "in the week[", "against a rise of 70,000")
}

// TestLevelsAndFlowsReadMidWeek (P1): on testdata/week-daily as of
// Wednesday 12 August, a flow's three days are set against the same
// three days (1,300 + 1,400 + 1,250 against 1,200 + 1,350 + 1,100), and
// a price "stood at" Wednesday's figure: the week has not closed.
func TestLevelsAndFlowsReadMidWeek(t *testing.T) {
	md := weeklyAsOf(t, "../../testdata/week-daily", "2026-08-12")
	wants(t, "brief as of Wednesday", md,
		"Astana's museum visitors totalled 3,950 in the 3 days to Wednesday 12 August (3 daily figures), up 8.2% on the same days of the previous week (3,650).[^",
		"London's gold price stood at $2,401.20 per troy ounce on Wednesday 12 August, up 0.8% from $2,383.10 on Friday 7 August; the week's range so far was $2,375.00 to $2,401.20.[^",
	)
	// Ten days of figures are no history for a record (blind audit: "the
	// highest since the series began on 10 February", four days earlier).
	shuns(t, "brief as of Wednesday", md, "closed the week", "over the week", "11,950 visitors", "since the series began")
}

// TestCovidRunningTotalsOnRealFiles: the review's briefs of
// ../shared/data/covid (running totals), sentence by sentence; every
// figure checked against key-countries-pivoted.csv by hand (US: 33,740,250
// on Sunday 27 June 2021, 33,776,702 on Wednesday 30 June, 33,706,234 on
// 20 June and 33,740,250 on 23 June; Spain 11,627,487 from 8 to 16 April
// 2022; France fell from 64,452 to 47,376 on 4 April 2020).
func TestCovidRunningTotalsOnRealFiles(t *testing.T) {
	if _, err := os.Stat("../../../shared/data/covid/key-countries-pivoted.csv"); err != nil {
		t.Skip("../shared/data is not beside the repository")
	}
	const data = "../../testdata/mapping/covid"
	// P6: a running total is a total to date, ranked as such; P5: no
	// record of it.
	w04 := weekly(t, data, "2020-W04")
	md := string(file(t, w04, "brief.md"))
	wants(t, "2020-W04", md, "China had the most confirmed COVID-19 cases to date of the eight: 2,075 cases by 26 January 2020.[^1]")
	shuns(t, "2020-W04", md, "cases on 26 January", "on record", "record high")

	// P4: the US adding 205,472 leads, not China's 2,409 on a small base;
	// France's week holds a revision.
	prev, err := audit.Previous(file(t, w04, "brief.json"))
	if err != nil {
		t.Fatal(err)
	}
	w14 := weeklyWith(t, data, "2020-W14", prev)
	md = string(file(t, w14, "brief.md"))
	wants(t, "2020-W14 key messages", keyMessages(t, md),
		"- The US's confirmed COVID-19 cases rose by 205,472 over the week to 349,016 on Sunday 5 April, against a rise of 108,600 the week before.[^1]")
	wants(t, "2020-W14", md,
		"| Entity | Value (cases) | Change in the week |",
		"| France | 48,225 | up a net 7,929 cases, including a downward revision |",
		"- **New:** The US had 349,016 confirmed COVID-19 cases in total by 5 April 2020.[^1]")
	shuns(t, "2020-W14", md, "**Record:**", "on record", "record high", "(China) rose by 2,409")

	// W15: France's week follows a revision (and holds another): it is
	// not set against 7,929.
	prev, err = audit.Previous(file(t, w14, "brief.json"))
	if err != nil {
		t.Fatal(err)
	}
	md = string(file(t, weeklyWith(t, data, "2020-W15", prev), "brief.md"))
	wants(t, "2020-W15", md, "The US's confirmed COVID-19 cases rose by 218,006 over the week to 567,022 on Sunday 12 April, against a rise of 205,472 the week before.[^1]")
	shuns(t, "2020-W15", md, "against 7,929", "a rise of 7,929", "**Record:**", "record high")

	// P1: read on Wednesday 30 June 2021.
	md = weeklyAsOf(t, data, "2021-06-30")
	if !regexp.MustCompile(`The US's confirmed COVID-19 cases rose by 36,452 in the 3 days to Wednesday 30 June, to [^,]+, against a rise of 34,016 in the same days of the week before\.`).MatchString(md) {
		t.Errorf("as of 30 June 2021, the US week is not compared over the same days:\n%s", md)
	}
	shuns(t, "as of 30 June 2021", md, "over the week", "87,085", "4,729")

	// P1, P4: the data end on Saturday 16 April 2022; Spain did not
	// report that week.
	md = string(file(t, weekly(t, data, "2022-W15"), "brief.md"))
	wants(t, "2022-W15", md,
		"*Table 1. Confirmed COVID-19 cases, 16 April 2022.*",
		"| Entity | Value (cases) | Change in the 6 days to Saturday 16 April |",
		"| Spain | 11.63 million | no new figure |",
		"| US | 80.63 million | up 218,750 cases |")
	if !regexp.MustCompile(`The US's confirmed COVID-19 cases rose by 218,750 in the 6 days to Saturday 16 April, to [^,]+, against a rise of 241,866 in the same days of the week before\.`).MatchString(md) {
		t.Errorf("2022-W15: the US week is not compared over the same six days:\n%s", md)
	}
	shuns(t, "2022-W15", md, "(Spain) was", "unchanged", "75,913", "251,066", "over the week")
	shuns(t, "2022-W15 key messages", keyMessages(t, md), "Spain")
}

// TestGoldRecordOnRealFiles (P7): the record is said with the figure it is
// about, its count with a thousands separator, in the section and in What
// changed, with how many of its months repeat annual figures; a
// repeated annual value before 1960 is said as its year's figure;
// the price is stale by 26 November 2026 (its last month is June).
func TestGoldRecordOnRealFiles(t *testing.T) {
	if _, err := os.Stat("../../../shared/data/gold/monthly.csv"); err != nil {
		t.Skip("../shared/data is not beside the repository")
	}
	const data = "../../testdata/mapping/gold"
	w01 := weekly(t, data, "2026-W01")
	prev, err := audit.Previous(file(t, w01, "brief.json"))
	if err != nil {
		t.Fatal(err)
	}
	md := string(file(t, weeklyWith(t, data, "2026-W05", prev), "brief.md"))
	wants(t, "2026-W05", md,
		"The gold price stood at $4,753.00 per troy ounce in January 2026, up 10.3% on December 2025 ($4,309.00).[^1] It is the highest since the series began in January 1833 (1,524 of the 2,317 months repeat the annual figures of 1833 to 1959).",
		"- **Record:** The gold price stood at $4,753.00 per troy ounce in January 2026, the highest since the series began in January 1833 (1,524 of the 2,317 months repeat the annual figures of 1833 to 1959).[^1]")
	shuns(t, "2026-W05", md, "2317", "($4,309.00), the highest")
	// What changed says an overdue series without a verb that must agree
	// with the indicator's name ("cases ... has").
	w27 := weekly(t, data, "2026-W27")
	if prev, err = audit.Previous(file(t, w27, "brief.json")); err != nil {
		t.Fatal(err)
	}
	md = string(file(t, weeklyWith(t, data, "2026-W48", prev), "brief.md"))
	wants(t, "2026-W48", md, "- **Overdue:** The gold price has no figure after June 2026; the next is overdue.")
	md = string(file(t, weekly(t, data, "1960-W01"), "brief.md"))
	// Before 1960 the file repeats each year's annual average in its
	// twelve months: December 1959 is the 1959 figure, compared with
	// 1958's, never with November 1959's repeat of itself (review 2, N2).
	wants(t, "1960-W01", md, "The gold price stood at $35.10 per troy ounce in December 1959 (the data give one figure for the whole of 1959, repeated each month).[^1] It is unchanged on 1958 ($35.10).[^1]")
	shuns(t, "1960-W01", md, "on November 1959", "on December 1958")
}

// TestRecordListsAreComplete (P5): "X, Y and Z are at record highs" names
// every member of the ranking at a record, or counts those it does not
// name; a member outside the sentence's top five is not left out.
func TestRecordListsAreComplete(t *testing.T) {
	dir := t.TempDir()
	var b strings.Builder
	b.WriteString("indicator,entity,period,value,unit,source\n")
	ents := []string{"A", "B", "C", "D", "E", "F", "G", "H"}
	for y := 2020; y <= 2023; y++ {
		for i, e := range ents {
			// x: every member rises every year, so all are at records.
			fmt.Fprintf(&b, "x,%s,%d,%d,USD,S\n", e, y, (100-10*i)*1000+y)
			// y: only G (7th) is at a record in 2023; the others fell.
			v := (100-10*i)*1000 - y
			if e == "G" {
				v = (100-10*i)*1000 + y
			}
			fmt.Fprintf(&b, "y,%s,%d,%d,USD,S\n", e, y, v)
		}
	}
	if err := os.WriteFile(filepath.Join(dir, "observations.csv"), []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	out := weekly(t, dir, "2024-W26")
	md := string(file(t, out, "brief.md"))
	wants(t, "brief", md,
		"B, C, D, E and 3 others are also at record highs for X.",
		// the leader of y fell: G's record is not "also" one
		"G is at a record high for Y.")
	lacks(t, "brief", md, "G is also")
	checkBrief(t, out)
}
