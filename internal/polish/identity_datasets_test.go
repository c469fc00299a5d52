package polish_test

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/briefhq/brief/internal/dataset"
	"github.com/briefhq/brief/internal/locale"
	"github.com/briefhq/brief/internal/narrative"
	"github.com/briefhq/brief/internal/period"
	"github.com/briefhq/brief/internal/polish/polishtest"
	"github.com/briefhq/brief/internal/report"
)

// TestUnchangedDraftOfEveryDataset: the tool's own draft sent back
// unchanged is accepted, section by section, for the weekly brief and
// the talking points of every dataset of the repository: the bundled
// data, testdata/unseen and the red team's crafted datasets
// (testdata/guard/redteam/data-custom*, which quote their sources with
// marks such as ″…″ and hold event text shaped like the templates'
// sentences), with each section's data text sent as the pipeline sends
// it (verbatim). Red team, round 8: a draft quoting with ″ was refused
// as its own reply. English for every dataset; Russian and Kazakh too
// for those with texts in them.
func TestUnchangedDraftOfEveryDataset(t *testing.T) {
	dirs, _ := filepath.Glob("../../testdata/guard/redteam/data-custom*")
	dirs = append([]string{"../../data", "../../testdata/unseen"}, dirs...)
	reg, err := locale.Default()
	if err != nil {
		t.Fatal(err)
	}
	generated := time.Date(2026, 11, 27, 12, 0, 0, 0, time.UTC)
	pol := &report.Polisher{Config: polishtest.Echo(t, "echo")}
	sections := 0
	for _, dir := range dirs {
		ds, _, err := dataset.Load(dir, dataset.Options{Now: generated})
		if err != nil {
			t.Fatalf("%s: %v", dir, err)
		}
		langs := []string{"en"}
		if filepath.Base(dir) == "data-custom13" || dir == "../../data" {
			langs = append(langs, "ru", "kk")
		}
		for _, lang := range langs {
			lc, err := reg.Match(lang)
			if err != nil {
				t.Fatal(err)
			}
			o := report.Options{Week: period.WeekOf(report.LatestDay(ds, generated)), Generated: generated, Locale: lc, Formats: report.Formats{MD: true}, Polisher: pol}
			wk, err := narrative.LoadKindLang("", "weekly", lc.ID())
			if err != nil {
				t.Fatal(err)
			}
			out, err := report.Weekly(context.Background(), ds, wk, o)
			if err != nil {
				t.Fatalf("%s %s: %v", dir, lang, err)
			}
			decisions := out.Polish
			pk, err := narrative.LoadKindLang("", "points", lc.ID())
			if err != nil {
				t.Fatal(err)
			}
			for _, audience := range []string{"press", "internal"} {
				pout, err := report.Points(context.Background(), ds, pk, report.PointsOptions{Options: o, PointOptions: narrative.PointOptions{Audience: audience}})
				if err != nil {
					t.Fatalf("%s %s points: %v", dir, lang, err)
				}
				decisions = append(decisions, pout.Polish...)
			}
			for _, d := range decisions {
				sections++
				if !d.Accepted {
					t.Errorf("%s %s, section %s: the draft sent back unchanged is refused: %s %s", dir, lang, d.Section, strings.Join(d.Reasons, "; "), d.Error)
				}
			}
		}
	}
	if sections == 0 {
		t.Fatal("no section was polished")
	}
	t.Logf("%d sections of %d datasets: each draft accepted as its own reply", sections, len(dirs))
}
