package report

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/json"
	"io"
	"strings"
	"testing"

	"github.com/briefhq/brief/internal/dataset"
	"github.com/briefhq/brief/internal/narrative"
	"github.com/briefhq/brief/internal/period"
	"github.com/briefhq/brief/templates"
)

func sampleWith(t testing.TB, f Formats) *Output {
	t.Helper()
	ds, _, err := dataset.Load("../../data", dataset.Options{Now: generated})
	if err != nil {
		t.Fatal(err)
	}
	kind, err := narrative.LoadKind(templates.FS, "weekly", "templates/weekly")
	if err != nil {
		t.Fatal(err)
	}
	out, err := Weekly(context.Background(), ds, kind, Options{
		Week: period.WeekOf(LatestDay(ds, generated)), Generated: generated, Lang: "en", Version: "test", Formats: f,
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func zipPart(t *testing.T, docx []byte, name string) string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(docx), int64(len(docx)))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range zr.File {
		if f.Name == name {
			rc, _ := f.Open()
			b, _ := io.ReadAll(rc)
			rc.Close()
			return string(b)
		}
	}
	t.Fatalf("no %s in the Word file", name)
	return ""
}

// The sample's Word and HTML files sit beside the Markdown, PDF and JSON,
// each source once, the audit lists them, and they change nothing of the
// PDF.
func TestWordAndHTMLBesideThePDF(t *testing.T) {
	all := sampleWith(t, Formats{MD: true, PDF: true, JSON: true, DOCX: true, HTML: true})
	pdfOnly := sampleWith(t, Formats{PDF: true})
	if !bytes.Equal(file(t, all, "brief.pdf"), file(t, pdfOnly, "brief.pdf")) {
		t.Error("the PDF differs when Word and HTML are made too")
	}
	sources := all.Doc.Sources
	if len(sources) != 2 {
		t.Fatalf("the sample has %d sources, want 2", len(sources))
	}
	docx := file(t, all, "brief.docx")
	notes := zipPart(t, docx, "word/endnotes.xml")
	if n := strings.Count(notes, `<w:endnote w:id="`); n != len(sources) {
		t.Errorf("%d endnotes for %d sources", n, len(sources))
	}
	md := string(file(t, all, "brief.md"))
	body := zipPart(t, docx, "word/document.xml")
	if c, refs := strings.Count(md, "[^")-len(sources), strings.Count(body, " NOTEREF "); refs != c-len(sources) {
		t.Errorf("%d citations in the Markdown, %d cross-references to a note in Word; want %d", c, refs, c-len(sources))
	}
	if !strings.Contains(body, `<w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t xml:space="preserve">Trade</w:t>`) {
		t.Error("Trade is not a Heading 1 in Word")
	}
	if !strings.Contains(zipPart(t, docx, "docProps/core.xml"), "<dc:title>Weekly brief</dc:title>") {
		t.Error("the Word file's title property")
	}
	h := string(file(t, all, "brief.html"))
	for _, want := range []string{"<h2 id=\"trade\">Trade</h2>", `<figure class="chart"`, "<svg ", `<li id="note-1"`, `<li id="note-2"`} {
		if !strings.Contains(h, want) {
			t.Errorf("brief.html lacks %s", want)
		}
	}
	var rec struct {
		Outputs []struct {
			File string `json:"file"`
		} `json:"outputs"`
	}
	if err := json.Unmarshal(file(t, all, "brief.json"), &rec); err != nil {
		t.Fatal(err)
	}
	var listed []string
	for _, o := range rec.Outputs {
		listed = append(listed, o.File)
	}
	if got := strings.Join(listed, " "); !strings.Contains(got, "brief.docx") || !strings.Contains(got, "brief.html") {
		t.Errorf("the audit lists %s", got)
	}
}

func TestPointsInWordAndHTML(t *testing.T) {
	out := points(t, "../../data", "press", 10, Formats{PDF: true, DOCX: true, HTML: true})
	for _, name := range []string{"points.pdf", "points.docx", "points.html"} {
		if len(file(t, out, name)) == 0 {
			t.Errorf("%s is empty", name)
		}
	}
	if !strings.Contains(string(file(t, out, "points.html")), "<ol") && !strings.Contains(string(file(t, out, "points.html")), "<ul") {
		t.Error("the points are not a list in HTML")
	}
}

func TestParseFormats(t *testing.T) {
	f, err := ParseFormats(" MD, pdf ,docx,HTML,,")
	if err != nil || f != (Formats{MD: true, PDF: true, DOCX: true, HTML: true}) {
		t.Errorf("got %+v, %v", f, err)
	}
	if _, err := ParseFormats("md,gif"); err == nil || err.Error() != "use a list of md, pdf, json, png, docx, html" {
		t.Errorf("gif: %v", err)
	}
	if _, err := ParseFormats(" , "); err == nil || !strings.Contains(err.Error(), "names no format") {
		t.Errorf("empty: %v", err)
	}
}

// BenchmarkSamplePrinters is the sample's weekly brief in memory, with
// and without Word and HTML: the difference is what they cost.
// go test ./internal/report -run '^$' -bench SamplePrinters -benchmem -count 5
func BenchmarkSamplePrinters(b *testing.B) {
	ds := loadBench(b, "../../data")
	kind, err := narrative.LoadKind(templates.FS, "weekly", "templates/weekly")
	if err != nil {
		b.Fatal(err)
	}
	week := period.WeekOf(LatestDay(ds, generated))
	for _, c := range []struct {
		name string
		f    Formats
	}{
		{"md-pdf-json", Formats{MD: true, PDF: true, JSON: true}},
		{"md-pdf-json-docx-html", Formats{MD: true, PDF: true, JSON: true, DOCX: true, HTML: true}},
		{"docx", Formats{DOCX: true}},
		{"html", Formats{HTML: true}},
	} {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				if _, err := Weekly(context.Background(), ds, kind, Options{Week: week, Generated: generated, Formats: c.f}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
