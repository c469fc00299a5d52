package report

import (
	"context"
	"regexp"
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
