package report

import (
	"context"
	"os"
	"strings"
	"testing"

	"github.com/briefhq/brief/internal/dataset"
	"github.com/briefhq/brief/internal/narrative"
	"github.com/briefhq/brief/internal/period"
	"github.com/briefhq/brief/internal/polish/polishtest"
	"github.com/briefhq/brief/templates"
)

// identityRun is a dataset and the weeks of it to brief ("" the latest).
type identityRun struct {
	data  string
	weeks []string
}

// TestPolishIdentityIsAccepted: a model that sends the tool's own
// tokenised draft back unchanged must see every section accepted, for
// the sample's briefs. A refusal here is a guard that refuses the draft
// itself.
func TestPolishIdentityIsAccepted(t *testing.T) {
	polishIdentity(t, []identityRun{{"../../data", []string{"", "2025-W06", "2025-W10"}}, {"../../testdata/unseen", []string{""}}})
}

// TestPolishIdentityIsAcceptedOnRealData: the same for the briefs of the
// real files of ../shared/data (gold, Euribor, COVID-19) read through
// the mappings of testdata/mapping; a plain clone has none, and skips.
func TestPolishIdentityIsAcceptedOnRealData(t *testing.T) {
	if _, err := os.Stat("../../../shared/data/gold/monthly.csv"); err != nil {
		t.Skip("../shared/data is not beside the repository (a plain clone): no real data to brief")
	}
	polishIdentity(t, []identityRun{
		{"../../testdata/mapping/gold", []string{"1980-W05", ""}},
		{"../../testdata/mapping/euribor", []string{"2001-W09", "2020-W10", ""}},
		{"../../testdata/mapping/covid", []string{"2020-W14", "2021-W26"}},
	})
}

// polishIdentity polishes the weekly brief of each run's weeks with
// the echo model (polishtest.Echo) and fails on every section it refuses.
func polishIdentity(t *testing.T, runs []identityRun) {
	cfg := polishtest.Echo(t, "identity")
	kind, err := narrative.LoadKind(templates.FS, "weekly", "templates/weekly")
	if err != nil {
		t.Fatal(err)
	}
	sections := 0
	for _, r := range runs {
		ds, _, err := dataset.Load(r.data, dataset.Options{Now: generated})
		if err != nil {
			t.Fatalf("%s: %v", r.data, err)
		}
		for _, week := range r.weeks {
			w := period.WeekOf(LatestDay(ds, generated))
			if week != "" {
				w = period.MustParse(week)
			}
			out, err := Weekly(context.Background(), ds, kind, Options{Week: w, Generated: generated, Lang: "en",
				Formats: Formats{MD: true}, Polisher: &Polisher{Config: cfg}})
			if err != nil {
				t.Fatalf("%s %s: %v", r.data, w, err)
			}
			t.Logf("%s %s: %d sections", r.data, w, len(out.Polish))
			for _, d := range out.Polish {
				sections++
				if !d.Accepted {
					t.Errorf("%s %s, section %s: the draft sent back unchanged is refused: %s %s", r.data, w, d.Section, strings.Join(d.Reasons, "; "), d.Error)
				}
			}
		}
	}
	if sections == 0 {
		t.Fatal("no section was polished")
	}
	t.Logf("%d sections: the identity reply accepted", sections)
}
