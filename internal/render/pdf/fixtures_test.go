package pdf

import (
	"flag"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/briefhq/brief/internal/chart"
)

var (
	update = flag.Bool("update", false, "rewrite the golden layouts in testdata/pdf/")
	pdfDir = flag.String("pdfdir", "", "also write the rendered fixtures as PDF files into this folder, to look at")
)

var created = time.Date(2026, 11, 26, 9, 30, 0, 0, time.UTC)

// fixture is a Markdown file of testdata/pdf with the charts its images name.
type fixture struct {
	name   string
	charts map[string]chart.Chart
}

var fixtures = []fixture{
	{name: "sample", charts: map[string]chart.Chart{
		"chart-trade_turnover-bar.svg": {
			Kind: chart.Bar, Title: "Trade turnover with Russia, 2024", Unit: "USD billion", Scale: 1e9,
			Source: "Source: Bureau of National Statistics of Kazakhstan; State Customs Committee of Uzbekistan",
			File:   "chart-trade_turnover-bar.svg",
			Points: []chart.Point{
				{Label: "Kazakhstan", Value: 27.8e9, Text: "$27.8 billion"},
				{Label: "Uzbekistan", Value: 11.2e9, Text: "$11.2 billion"},
				{Label: "Kyrgyzstan", Value: 3.1e9, Text: "$3.1 billion"},
				{Label: "Tajikistan", Value: 1.6e9, Text: "$1.6 billion"},
			},
		},
		"chart-industrial_output-line.svg": {
			Kind: chart.Line, Title: "Industrial output growth, Kazakhstan", Unit: "% year on year",
			Source: "Source: Bureau of National Statistics of Kazakhstan",
			File:   "chart-industrial_output-line.svg",
			Points: []chart.Point{
				{Label: "2024-01", Value: 3.1, Text: "3.1%"}, {Label: "2024-02", Value: 2.4, Text: "2.4%"},
				{Label: "2024-03", Value: -0.8, Text: "−0.8%"}, {Label: "2024-04", Value: 1.9, Text: "1.9%"},
				{Label: "2024-05", Value: 4.2, Text: "4.2%"}, {Label: "2024-06", Value: 5.0, Text: "5.0%"},
			},
		},
	}},
	{name: "cyrillic", charts: map[string]chart.Chart{
		"chart-trade-bar.svg": {
			Kind: chart.Bar, Title: "Товарооборот с Россией, 2024", Unit: "млрд долларов США", Scale: 1e9,
			Source: "Источник: Бюро национальной статистики",
			File:   "chart-trade-bar.svg",
			Points: []chart.Point{
				{Label: "Қазақстан", Value: 27.8e9, Text: "$27,8 млрд"},
				{Label: "Өзбекстан", Value: 11.2e9, Text: "$11,2 млрд"},
				{Label: "Қырғызстан", Value: 3.1e9, Text: "$3,1 млрд"},
			},
		},
	}},
}

func (fx fixture) md(t testing.TB) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "..", "..", "testdata", "pdf", fx.name+".md"))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func (fx fixture) opts() Options {
	return Options{
		Title: "", Subject: "Weekly brief, week 6 of 2025", Author: "Example Analytics",
		Creator: "brief test", Keywords: []string{"trade", "Central Asia"},
		CreatedAt: created, Charts: fx.charts,
	}
}

func (fx fixture) render(t testing.TB) *Result {
	t.Helper()
	res, err := Render(fx.md(t), fx.opts())
	if err != nil {
		t.Fatal(err)
	}
	if *pdfDir != "" {
		if err := os.WriteFile(filepath.Join(*pdfDir, fx.name+".pdf"), res.PDF, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return res
}

func TestFixturesRender(t *testing.T) {
	for _, fx := range fixtures {
		t.Run(fx.name, func(t *testing.T) {
			res := fx.render(t)
			t.Logf("%d bytes, %d pages, warnings %q", len(res.PDF), len(res.Layout.Pages), res.Warnings)
		})
	}
}
