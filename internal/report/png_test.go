package report

import (
	"bytes"
	"context"
	stdpng "image/png"
	"math"
	"strings"
	"testing"

	"github.com/briefhq/brief/internal/chart"
	"github.com/briefhq/brief/internal/dataset"
	"github.com/briefhq/brief/internal/narrative"
	"github.com/briefhq/brief/internal/period"
	"github.com/briefhq/brief/internal/render/png"
	"github.com/briefhq/brief/templates"
)

// TestPNGChartsBesideSVGs: with png in the formats, each chart the brief
// links as chart-NAME.svg is also chart-NAME.png, drawn from the same
// chart: 1600 pixels wide and as tall as the SVG at that scale.
func TestPNGChartsBesideSVGs(t *testing.T) {
	ds, _, err := dataset.Load("../../data", dataset.Options{Now: generated})
	if err != nil {
		t.Fatal(err)
	}
	kind, err := narrative.LoadKind(templates.FS, "weekly", "templates/weekly")
	if err != nil {
		t.Fatal(err)
	}
	out, err := Weekly(context.Background(), ds, kind, Options{
		Week: period.WeekOf(LatestDay(ds, generated)), Generated: generated, Lang: "en", Version: "test",
		Formats: Formats{MD: true, PNG: true},
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(out.Doc.Charts) == 0 {
		t.Fatal("the sample brief has no chart")
	}
	for _, c := range out.Doc.Charts {
		file(t, out, c.File)
		b := file(t, out, strings.TrimSuffix(c.File, ".svg")+".png")
		img, err := stdpng.Decode(bytes.NewReader(b))
		if err != nil {
			t.Fatalf("%s: %v", c.File, err)
		}
		h := c.Plain().Draw(chart.SVGWidth, nil).H
		if got := img.Bounds().Size(); got.X != png.Width || got.Y != int(math.Ceil(h*png.Scale)) {
			t.Errorf("%s: PNG of %v pixels for a chart %.1f points high", c.File, got, h)
		}
	}
}
