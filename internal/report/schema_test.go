package report

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/briefhq/brief/internal/audit"
	"github.com/briefhq/brief/internal/briefschema"
	"github.com/briefhq/brief/internal/dataset"
	"github.com/briefhq/brief/internal/narrative"
	"github.com/briefhq/brief/internal/period"
	"github.com/briefhq/brief/templates"
)

// TestMain holds every brief.json and points.json this package's tests
// write to docs/brief.schema.json (audit.Validate): a record that does not
// match is an error of the test that wrote it.
func TestMain(m *testing.M) {
	audit.Validate = briefschema.Validate
	os.Exit(m.Run())
}

// TestEveryFixtureRecordMatchesSchema writes the weekly brief, the brief
// of the week after (which compares itself with the first: What changed)
// and the talking points of every dataset among the fixtures (testdata/*,
// testdata/*/*, the real data of testdata/mapping/* with ../shared beside
// the repository, data/), and
// checks each record against docs/brief.schema.json.
func TestEveryFixtureRecordMatchesSchema(t *testing.T) {
	dirs := []string{"../../data"}
	for _, pattern := range []string{"../../testdata/*", "../../testdata/*/*"} {
		m, err := filepath.Glob(pattern)
		if err != nil {
			t.Fatal(err)
		}
		dirs = append(dirs, m...)
	}
	weekly, err := narrative.LoadKind(templates.FS, "weekly", "templates/weekly")
	if err != nil {
		t.Fatal(err)
	}
	points, err := narrative.LoadKind(templates.FS, "points", "templates/points")
	if err != nil {
		t.Fatal(err)
	}
	_, err = os.Stat("../../../shared/data/gdp/gdp.csv")
	haveShared := err == nil
	checked := 0
	for _, dir := range dirs {
		ds, _, err := dataset.Load(dir, dataset.Options{Now: generated})
		if err != nil && !haveShared && readsShared(dir) {
			// A mapping that reads the real files in place: none here.
			t.Run(strings.TrimPrefix(dir, "../../"), func(t *testing.T) {
				t.Skip("../shared/data is not beside the repository (a plain clone): " + err.Error())
			})
			continue
		}
		if err != nil {
			continue // not a dataset (pdf/, guard/) or a bad one (bad/)
		}
		t.Run(strings.TrimPrefix(dir, "../../"), func(t *testing.T) {
			w := period.WeekOf(LatestDay(ds, generated))
			o := Options{Week: w, Generated: generated, Lang: "en", DataPath: dir, Version: "test", Formats: Formats{MD: true, JSON: true}}
			first, err := Weekly(context.Background(), ds, weekly, o)
			if err != nil {
				t.Fatal(err)
			}
			prev, err := audit.Previous(file(t, first, "brief.json"))
			if err != nil {
				t.Fatal(err)
			}
			o.Week, o.AsOf, o.Previous = period.WeekOf(w.End.AddDate(0, 0, 7)), w.End.AddDate(0, 0, 7), prev
			next, err := Weekly(context.Background(), ds, weekly, o)
			if err != nil {
				t.Fatal(err)
			}
			o.Week, o.AsOf, o.Previous = w, w.End, nil
			pts, err := Points(context.Background(), ds, points, PointsOptions{Options: o})
			if err != nil {
				t.Fatal(err)
			}
			for name, b := range map[string][]byte{"brief.json": file(t, first, "brief.json"), "the next brief.json": file(t, next, "brief.json"), "points.json": file(t, pts, "points.json")} {
				if err := briefschema.Validate(b); err != nil {
					t.Errorf("%s of %s: %v", name, dir, err)
				}
			}
		})
		checked++
	}
	if checked < 10 {
		t.Errorf("only %d fixture datasets checked", checked)
	}
}
