package pdf

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"codeberg.org/go-pdf/fpdf"

	"github.com/briefhq/brief/internal/chart"
)

// sixSeriesChart is a ranking's group over 30 years, one member negative.
func sixSeriesChart() chart.Chart {
	names := []string{"Kazakhstan", "Uzbekistan", "Kyrgyz Republic", "Tajikistan", "Turkmenistan", "Russian Federation"}
	c := chart.Chart{Kind: chart.Line, Timed: true, File: "chart-gdp-line.svg", Title: "GDP growth", Unit: "%", Source: "Source: World Bank"}
	for k, n := range names {
		s := chart.Series{Name: n}
		for y := 1994; y <= 2023; y++ {
			v := float64(6-k) - 0.5*float64(k)
			if k == 5 {
				v = -1.5
			}
			at := float64(time.Date(y, 7, 2, 0, 0, 0, 0, time.UTC).Unix()) / 86400
			s.Points = append(s.Points, chart.Point{Label: fmt.Sprint(y), Value: v, Text: fmt.Sprintf("%.1f%%", v), At: at})
		}
		c.Series = append(c.Series, s)
	}
	return c
}

// TestSixSeriesChartInPDF: the PDF draws a line chart of six series with
// every name and latest value, the window's years only, and minus signs.
func TestSixSeriesChartInPDF(t *testing.T) {
	c := sixSeriesChart()
	res := mustRender(t, "# T\n\n![GDP growth](chart-gdp-line.svg)\n", Options{Charts: map[string]chart.Chart{c.File: c}, uncompressed: true})
	var rec string
	for _, p := range res.Layout.Pages {
		for _, l := range p.Lines {
			if strings.HasPrefix(l, "chart: ") {
				rec = l
			}
		}
	}
	for _, s := range c.Series {
		if !strings.Contains(rec, s.Name) {
			t.Errorf("chart lacks %q: %s", s.Name, rec)
		}
	}
	for _, want := range []string{"| \u22121.5% |", "| 2023 |", "| 2014 |"} {
		if !strings.Contains(rec, want) {
			t.Errorf("chart lacks %q: %s", want, rec)
		}
	}
	if strings.Contains(rec, "| 2013 |") || strings.Contains(rec, "-1.5") {
		t.Errorf("chart shows a year outside the window or a hyphen for a minus: %s", rec)
	}
	if len(res.Warnings) > 0 {
		t.Errorf("warnings: %q", res.Warnings)
	}
}

// TestSixSeriesChartFitsWithTheFont: measured with the embedded fonts, no
// text of a six-series chart leaves the column and no two texts overlap.
func TestSixSeriesChartFitsWithTheFont(t *testing.T) {
	fs := loadFonts()
	if fs.err != nil {
		t.Fatal(fs.err)
	}
	r := newRenderer(fs, Options{}, fpdf.SizeType{Wd: 210, Ht: 297})
	w := r.width / ptmm
	s := r.cleanChart(sixSeriesChart()).Draw(w, r.measure)
	type box struct {
		text           string
		x0, x1, y0, y1 float64
	}
	var boxes []box
	for _, it := range s.Items {
		if it.Shape != chart.TextShape {
			continue
		}
		tw := r.measure(it.Text, it.Size, it.Bold)
		x0 := it.X
		switch it.Anchor {
		case chart.Middle:
			x0 -= tw / 2
		case chart.End:
			x0 -= tw
		}
		if x0 < -0.01 || x0+tw > w+0.01 {
			t.Errorf("text %q spans %.1f to %.1f, outside 0 to %.1f", it.Text, x0, x0+tw, w)
		}
		boxes = append(boxes, box{it.Text, x0, x0 + tw, it.Y - it.Size*0.72, it.Y + it.Size*0.2})
	}
	for i, a := range boxes {
		for _, b := range boxes[i+1:] {
			if a.x0 < b.x1-0.01 && b.x0 < a.x1-0.01 && a.y0 < b.y1-0.01 && b.y0 < a.y1-0.01 {
				t.Errorf("texts %q and %q overlap", a.text, b.text)
			}
		}
	}
}

// TestMinusSignInPDFText: a negative number of the Markdown reads with
// U+2212 in the PDF; ranges, compounds and code keep their hyphens.
func TestMinusSignInPDFText(t *testing.T) {
	res := mustRender(t, "# T\n\nThe balance fell to -$1.50, or -3.2% in 2020-2024 (COVID-19).\n\n| A | B |\n|--|--:|\n| x | -0.5 |\n\n```\nx = -1\n```\n", Options{})
	var all []string
	for _, p := range res.Layout.Pages {
		all = append(all, p.Lines...)
	}
	text := strings.Join(all, "\n")
	for _, want := range []string{"\u2212$1.50", "\u22123.2%", "2020-2024", "COVID-19", "\u22120.5", "x = -1"} {
		if !strings.Contains(text, want) {
			t.Errorf("PDF text lacks %q:\n%s", want, text)
		}
	}
}
