package narrative

import (
	"encoding/json"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/briefhq/brief/internal/dataset"
	"github.com/briefhq/brief/internal/facts"
	"github.com/briefhq/brief/internal/period"
	"github.com/briefhq/brief/templates"
)

// Regression tests of the oracle's findings (oracle/), on the lines of
// brief.md: plans and targets are never ranked nor "already published"; a
// series known only by a plan or target whose figure comes out is new in
// What changed; a stale section names the period that ends last.

// planned is exports of a group of four in a dataset built in code, with
// rows "entity period value released status" (status "" for actual);
// lines are 2, 3, ... in order.
func planned(rows ...string) *dataset.Dataset {
	ds := &dataset.Dataset{
		Indicators: []dataset.Indicator{{ID: "exports", Name: "Exports", Topic: "trade", Unit: "USD", Decimals: 1}},
		Entities: []dataset.Entity{
			{ID: "A", Names: map[string]string{"": "Alphaland"}, Groups: []string{"region"}},
			{ID: "B", Names: map[string]string{"": "Betaland"}, Groups: []string{"region"}},
			{ID: "C", Names: map[string]string{"": "Gammaland"}, Groups: []string{"region"}},
			{ID: "D", Names: map[string]string{"": "Deltaland"}, Groups: []string{"region"}},
		},
		Topics:              []dataset.Topic{{ID: "trade", Name: "Trade"}},
		HasIndicatorCatalog: true, HasEntityCatalog: true,
	}
	for i, r := range rows {
		f := strings.Fields(r)
		var v float64
		if err := json.Unmarshal([]byte(f[2]), &v); err != nil {
			panic(r)
		}
		rel, _ := time.Parse("2006-01-02", f[3])
		o := dataset.Observation{Indicator: "exports", Entity: f[0], Period: period.MustParse(f[1]), Value: v, Unit: "USD",
			Released: rel, Source: "Stats Office", SourceURL: "https://stats.example/exports", Status: dataset.Actual,
			Pos: dataset.Pos{File: "data/observations.csv", Line: i + 2}}
		if len(f) > 4 {
			o.Status = dataset.Status(f[4])
		}
		ds.Observations = append(ds.Observations, o)
	}
	return ds
}

// briefOf renders the weekly brief of ds for week, after prev (nil for the
// first brief); it returns brief.md and what brief.json keeps for the next
// brief, read back as the next brief reads it.
func briefOf(t *testing.T, ds *dataset.Dataset, week string, prev *PreviousBrief) (string, *PreviousBrief) {
	t.Helper()
	w := period.MustParse(week)
	set := facts.Derive(ds, facts.Options{AsOf: w.End, WeekStart: w.Start})
	b := Build(set.Dataset(), set, BuildOptions{Title: "Test brief", Week: w, Generated: w.End.AddDate(0, 0, 1), Previous: prev})
	k, err := LoadKind(templates.FS, "weekly", "templates/weekly")
	if err != nil {
		t.Fatal(err)
	}
	doc, err := k.Render(b)
	if err != nil {
		t.Fatal(err)
	}
	lint(t, doc, false)
	js, err := json.Marshal(States(set))
	if err != nil {
		t.Fatal(err)
	}
	next := &PreviousBrief{Period: w.String()}
	if err := json.Unmarshal(js, &next.Series); err != nil {
		t.Fatal(err)
	}
	return string(doc.Markdown), next
}

// TestPlansAreNeverRanked (oracle seeds 20 and 4): in a brief of 2019,
// Gammaland's 2021 plan and Deltaland's 2021 target, the only rows of
// their series, made a ranking of 2021 ("Gammaland posted the highest
// exports ... in 2021"), and a plan was said to be "already published".
// The ranking is of the 2018 figures; the plan and the target are said
// as such, on their own lines.
func TestPlansAreNeverRanked(t *testing.T) {
	md, _ := briefOf(t, planned(
		"A 2017 3e9 2018-05-28",
		"A 2018 2e9 2019-03-12",
		"B 2018 1e9 2019-03-13",
		"C 2021 5.96e9 2019-03-07 plan",
		"D 2021 0.11e9 2019-02-15 target",
	), "2019-W11", nil)
	if !regexp.MustCompile(`Alphaland had the highest exports in the Region group \(no figures for Gammaland and Deltaland\) in 2018: \$2\.0 billion, down 33\.3% on 2017 \(\$3\.0 billion\)\.\[\^1\] Betaland came second with \$1\.0 billion\.`).MatchString(md) {
		t.Errorf("no ranking of the 2018 figures:\n%s", md)
	}
	for _, want := range []string{
		"Gammaland plans exports of $6.0 billion by 2021.[^1]",
		"| Gammaland | 2021 | $6.0 billion (planned) | – |",
		"| Deltaland | 2021 | $110.0 million (target) | – |",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("brief lacks %q:\n%s", want, md)
		}
	}
	if bad := regexp.MustCompile(`(Gammaland|Deltaland) (had|came|shared)|Next came|already published|figures in 2021`).FindString(md); bad != "" {
		t.Errorf("a plan or target is ranked or reported as a published figure (%q):\n%s", bad, md)
	}
}

// TestWhatChangedAfterAPlan (oracle seeds 28 and 720): a series the
// previous brief knew only by a plan or target is new when an actual
// figure comes out, for an earlier period (Deltaland: a 2021 target,
// then its 2018 figure) or for the period of the plan (Gammaland: a
// 2019 plan, then its 2019 figure, which revises nothing: a plan is no
// figure).
func TestWhatChangedAfterAPlan(t *testing.T) {
	rows := []string{
		"A 2017 3e9 2018-05-28",
		"A 2018 2e9 2019-03-12",
		"B 2018 1e9 2019-03-13",
		"C 2019 5.96e9 2019-03-07 plan",
		"D 2021 0.11e9 2019-02-15 target",
		"A 2019 2.5e9 2020-03-03",
		"C 2019 5.5e9 2020-03-04",
		"D 2018 0.2e9 2020-03-05",
	}
	_, prev := briefOf(t, planned(rows...), "2019-W11", nil)
	md, _ := briefOf(t, planned(rows...), "2020-W10", prev)
	for _, want := range []string{
		"Since the brief of Week 11 of 2019:",
		"- **New:** Alphaland's exports stood at $2.5 billion in 2019.",
		"- **New:** Gammaland's exports stood at $5.5 billion in 2019.",
		"- **New:** Deltaland's exports stood at $200.0 million in 2018.",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("What changed lacks %q:\n%s", want, md)
		}
	}
	if strings.Contains(md, "Revised") {
		t.Errorf("a plan replaced by a figure is said to be revised:\n%s", md)
	}
}

// TestStaleSectionNamesThePeriodThatEndsLast (oracle seed 168): of a
// weekly figure for week 4 of 2019 (to Sunday 27 January) and a daily one
// for 26 January, the section's latest available figure is the week's,
// which ends last, not the day's, which starts last.
func TestStaleSectionNamesThePeriodThatEndsLast(t *testing.T) {
	for _, rows := range [][]string{
		{"A 2019-W04 2e9 2019-01-28", "B 2019-01-26 1e9 2019-01-27"},
		{"B 2019-01-26 1e9 2019-01-27", "A 2019-W04 2e9 2019-01-28"},
	} {
		md, _ := briefOf(t, planned(rows...), "2019-W09", nil)
		if want := "## Trade\n\n*The latest trade figures are for week 4 of 2019; newer ones are overdue.*\n"; !strings.Contains(md, want) {
			t.Errorf("brief lacks %q:\n%s", want, md)
		}
	}
}

// TestWhatChangedRevisesLastWeeksClose (oracle seeds 8 and 68): a daily
// level's brief compares the week's close with last week's close; when
// the data revise that earlier close, the next brief says so, as it does
// for a previous period or a year earlier.
func TestWhatChangedRevisesLastWeeksClose(t *testing.T) {
	v1 := []string{
		"A 2021-04-08 2.0e9 2021-04-09",
		"A 2021-04-09 2.1e9 2021-04-10",
		"A 2021-04-15 2.2e9 2021-04-16",
		"A 2021-04-16 2.4e9 2021-04-17",
	}
	md1, prev := briefOf(t, planned(v1...), "2021-W15", nil)
	if want := "from $2.1 billion on Friday 9 April"; !strings.Contains(md1, want) {
		t.Fatalf("the first brief does not compare with last week's close (%q):\n%s", want, md1)
	}
	v2 := append(slices.Clone(v1[:1]), "A 2021-04-09 2.3e9 2021-04-20", v1[2], v1[3], "A 2021-04-23 2.5e9 2021-04-24")
	md2, _ := briefOf(t, planned(v2...), "2021-W16", prev)
	if want := "- **Revised:** the figure of 9 April 2021 for Alphaland's exports is now $2.3 billion, up from $2.1 billion."; !strings.Contains(md2, want) {
		t.Errorf("What changed lacks %q:\n%s", want, md2)
	}
	if n := strings.Count(md2, "**Revised:**"); n != 1 {
		t.Errorf("%d revisions, want 1:\n%s", n, md2)
	}
}
