package report

import (
	"context"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/briefhq/brief/internal/dataset"
	"github.com/briefhq/brief/internal/narrative"
	"github.com/briefhq/brief/internal/period"
	"github.com/briefhq/brief/templates"
)

// groupBrief is the brief of one group of data's catalog, as --per group
// writes it: the group's members only, ranked within the group.
func groupBrief(t *testing.T, data, week, group string) string {
	t.Helper()
	ds, _, err := dataset.Load(data, dataset.Options{Now: generated})
	if err != nil {
		t.Fatal(err)
	}
	var members []string
	for _, e := range ds.Entities {
		for _, g := range e.Groups {
			if g == group {
				members = append(members, e.ID)
			}
		}
	}
	if len(members) == 0 {
		t.Fatalf("no members in group %s", group)
	}
	kind, err := narrative.LoadKind(templates.FS, "weekly", "templates/weekly")
	if err != nil {
		t.Fatal(err)
	}
	out, err := Weekly(context.Background(), dataset.NewIndex(ds).Subset(members), kind, Options{
		Week: period.MustParse(week), Generated: generated, Lang: "en", Formats: Formats{MD: true, JSON: true}, Group: group,
	})
	if err != nil {
		t.Fatal(err)
	}
	lint(t, out, false)
	checkBrief(t, out)
	return string(out.Doc.Markdown)
}

var footnoteDefRE = regexp.MustCompile(`(?m)^\[\^\d+\]: ([^<:]+?)(?::| <|$)`)

// The summary says "one source" only when the Sources list has one: a
// background event from a news agency under a statistics office's figures
// is a second source (blind review: a --per group brief said "one
// source" above a section citing two). The sources are read back from the
// page's own footnotes.
func TestOneSourceOnlyWhenTheFootnotesHaveOne(t *testing.T) {
	const dir = "../../testdata/truth/onesource"
	briefs := map[string]string{"whole": string(file(t, weekly(t, dir, "2025-W06"), "brief.md"))}
	for _, g := range []string{"north", "south"} {
		briefs[g] = groupBrief(t, dir, "2025-W06", g)
	}
	for name, md := range briefs {
		names := map[string]bool{}
		for _, m := range footnoteDefRE.FindAllStringSubmatch(md, -1) {
			names[strings.TrimSpace(m[1])] = true
		}
		lacks(t, name, md, "for all two", "all 2 ")
		says := strings.Contains(md, "comes from one source") || strings.Contains(md, "come from one source")
		if says != (len(names) == 1) {
			t.Errorf("%s: says one source %v, footnotes name %d (%v):\n%s", name, says, len(names), names, md)
		}
	}
}

var tableRowRE = regexp.MustCompile(`(?m)^\| ([^|]+?) \| `)

// A brief that ranks one group among several says of its table what the
// table shows: the ranked group's members and the others that fill it,
// never "the top 10" (blind review: a multi-group brief captioned "the
// top 10" a table of one group's members, the other groups cut). The
// group's ranking is recomputed from the CSV; no key message is about a
// member the page does not show.
func TestGroupTableCaptionIsTrue(t *testing.T) {
	const dir = "../../testdata/truth/groups"
	out := weekly(t, dir, "2025-W06")
	md := plainMD(file(t, out, "brief.md"))
	contains(t, "the caption", md, "*Table 1. Exports, 2024; the East group's 9 and 1 other (2 more not shown).*")
	lacks(t, "the caption", md, "top 10")
	var east []obsRow
	for _, r := range readObs(t, dir) {
		if r.period == "2024" && strings.HasPrefix(r.entity, "E") {
			east = append(east, r)
		}
	}
	sort.Slice(east, func(i, j int) bool { return east[i].value > east[j].value })
	var shown []string
	for _, m := range tableRowRE.FindAllStringSubmatch(md, -1) {
		if m[1] != "Entity" && !strings.HasPrefix(m[1], ":--") {
			shown = append(shown, m[1])
		}
	}
	names := map[string]string{"E1": "Easta", "E2": "Eastb", "E3": "Eastc", "E4": "Eastd", "E5": "Easte", "E6": "Eastf", "E7": "Eastg", "E8": "Easth", "E9": "Easti"}
	if len(shown) != 10 {
		t.Fatalf("the table shows %d rows, want 10:\n%s", len(shown), md)
	}
	for i, r := range east {
		if shown[i] != names[r.entity] {
			t.Errorf("row %d of the table is %s, the East ranking from the CSV has %s", i+1, shown[i], names[r.entity])
		}
	}
	body := md[strings.Index(md, "## Trade"):]
	for _, line := range strings.Split(keyMessages(t, md), "\n") {
		if m := regexp.MustCompile(`^- (\w+)'s`).FindStringSubmatch(line); m != nil && !strings.Contains(body, m[1]) {
			t.Errorf("a key message on %s, whom the body does not show: %s", m[1], line)
		}
	}
	checkBrief(t, out)
}

var keyFigureRE = regexp.MustCompile(`−?\$?\d[\d,]*(?:\.\d+)?(?:%| (?:trillion|billion|million))`)

// On the real World Bank file (200 countries, ten shown), every key
// message's figure is printed in the body too (blind review: South
// Sudan's deflation, the 60th of the ranking, led the key messages of a
// brief whose table and sentences never showed it).
func TestWorldBankKeyMessagesAreInTheBody(t *testing.T) {
	needShared(t, "gdp/gdp.csv")
	for _, week := range []string{"2015-W30", "2024-W10"} {
		md := plainMD(file(t, weekly(t, "../../testdata/mapping/worldbank", week), "brief.md"))
		body := md[strings.Index(md, "## Economy"):]
		for _, line := range strings.Split(keyMessages(t, md), "\n") {
			// The figure itself (its earlier one is in the table's change).
			if fig := keyFigureRE.FindString(line); fig != "" {
				if !strings.Contains(body, fig) {
					t.Errorf("%s: the key message's %s is nowhere in the body: %s", week, fig, line)
				}
			}
		}
	}
}
