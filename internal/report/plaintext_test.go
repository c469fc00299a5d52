package report

import (
	"bytes"
	"context"
	"encoding/xml"
	"io"
	"strconv"
	"strings"
	"testing"
	"unicode"
	"unicode/utf16"

	"github.com/briefhq/brief/internal/chart"
	"github.com/briefhq/brief/internal/dataset"
	"github.com/briefhq/brief/internal/narrative"
	"github.com/briefhq/brief/internal/period"
	"github.com/briefhq/brief/internal/render/pdf"
	"github.com/briefhq/brief/templates"
)

// TestPlainTextOutsideMarkdown builds the brief of testdata/plaintext,
// whose names hold a bidi override (U+202E), a zero-width space (U+200B),
// newlines, snake_case words (escaped as snake\_case in Markdown) and a
// 300-character word, and reads what it writes: the SVG charts' texts and
// the PDF's metadata, bookmarks and chart texts are plain text (no
// control, bidi or zero-width character, no newline, no Markdown escape),
// and every SVG text lies within the chart, the long word wrapped or cut
// with an ellipsis.
func TestPlainTextOutsideMarkdown(t *testing.T) {
	const data = "../../testdata/plaintext"
	ds, _, err := dataset.Load(data, dataset.Options{Now: generated})
	if err != nil {
		t.Fatal(err)
	}
	kind, err := narrative.LoadKind(templates.FS, "weekly", "templates/weekly")
	if err != nil {
		t.Fatal(err)
	}
	out, err := Weekly(context.Background(), ds, kind, Options{
		Week: period.WeekOf(LatestDay(ds, generated)), Generated: generated, Lang: "en",
		DataPath: data, Version: "test", Formats: Formats{MD: true, PDF: true},
	})
	if err != nil {
		t.Fatal(err)
	}

	// The SVG charts: one bar chart, one line chart.
	svgs := 0
	ellipsis := false
	for _, f := range out.Files {
		if !strings.HasSuffix(f.Path, ".svg") {
			continue
		}
		svgs++
		texts := svgTextItems(t, f.Data)
		if len(texts) == 0 {
			t.Errorf("%s: no text", f.Path)
		}
		for _, tx := range texts {
			plainCheck(t, f.Path, tx.text)
			if tx.x0 < -0.01 || tx.x1 > chart.SVGWidth+0.01 {
				t.Errorf("%s: %q spans %.1f to %.1f, outside the chart's %d points", f.Path, tx.text, tx.x0, tx.x1, chart.SVGWidth)
			}
			ellipsis = ellipsis || strings.HasSuffix(tx.text, "…")
		}
		for _, bad := range []string{"\u202E", "\u200B", "&#10;", "&#xA;"} {
			if bytes.Contains(f.Data, []byte(bad)) {
				t.Errorf("%s holds %q", f.Path, bad)
			}
		}
	}
	if svgs != 2 {
		t.Errorf("%d SVG charts, want 2", svgs)
	}
	if !ellipsis {
		t.Error("no chart text was cut with an ellipsis: is the 300-character word still in the fixture?")
	}

	// The PDF's document information and outline, as written.
	b := file(t, out, "brief.pdf")
	info := bytes.Index(b, []byte("/Producer ("))
	if info < 0 {
		t.Fatal("no document information in brief.pdf")
	}
	want := map[string]string{
		"/Title":    "Weekly brief",
		"/Keywords": "snake_case_topic evil *star*, Long words",
		"/Subject":  "Week 6 of 2025, 3–9 February 2025",
		"/Author":   "brief",
		"/Creator":  "brief test",
	}
	for key, w := range want {
		got := literals(t, b[info:], key)
		if len(got) != 1 {
			t.Errorf("%d %s in the document information", len(got), key)
			continue
		}
		plainCheck(t, key, got[0])
		if got[0] != w {
			t.Errorf("%s = %q, want %q", key, got[0], w)
		}
	}
	marks := literals(t, b[:info], "/Title")
	for _, m := range marks {
		plainCheck(t, "bookmark", m)
	}
	if !strings.Contains(strings.Join(marks, "|"), "snake_case_topic evil *star*") {
		t.Errorf("bookmarks %q lack the topic as plain text", marks)
	}

	// The PDF's charts, as laid out with the embedded font.
	charts := map[string]chart.Chart{}
	for _, c := range out.Doc.Charts {
		charts[c.File] = c
	}
	res, err := pdf.Render(file(t, out, "brief.md"), pdf.Options{Charts: charts})
	if err != nil {
		t.Fatal(err)
	}
	drawn, bar := 0, false
	for _, p := range res.Layout.Pages {
		for _, l := range p.Lines {
			if !strings.HasPrefix(l, "chart: ") {
				continue
			}
			drawn++
			for _, s := range strings.Split(strings.TrimPrefix(l, "chart: "), " | ") {
				plainCheck(t, "PDF chart text", s)
			}
			if strings.Contains(l, "Alpha land") {
				bar = true
				if !strings.Contains(l, "Beta land") || !strings.Contains(l, "…") {
					t.Errorf("PDF bar chart lacks Beta land or a cut long word: %q", l)
				}
			}
		}
	}
	if drawn != 2 || !bar {
		t.Errorf("%d charts drawn in the PDF, want 2 with the bar chart of Alpha land", drawn)
	}
}

// plainCheck fails when s holds a control or format character, white
// space other than single spaces, or a Markdown backslash escape.
func plainCheck(t *testing.T, what, s string) {
	t.Helper()
	for _, r := range s {
		if unicode.In(r, unicode.Cc, unicode.Cf) || unicode.IsSpace(r) && r != ' ' {
			t.Errorf("%s %q holds U+%04X", what, s, r)
		}
	}
	if strings.Contains(s, "  ") || s != strings.TrimSpace(s) {
		t.Errorf("%s %q has extra spaces", what, s)
	}
	for i := 0; i+1 < len(s); i++ {
		if s[i] == '\\' && strings.IndexByte("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~", s[i+1]) >= 0 {
			t.Errorf("%s %q holds the Markdown escape %q", what, s, s[i:i+2])
		}
	}
}

type svgText struct {
	text   string
	x0, x1 float64
}

// svgTextItems reads each <text> of an SVG with where it starts and ends,
// by the chart's own width estimate.
func svgTextItems(t *testing.T, b []byte) []svgText {
	t.Helper()
	d := xml.NewDecoder(bytes.NewReader(b))
	var out []svgText
	var cur *svgText
	var x, size float64
	var anchor string
	var bold bool
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return out
		}
		if err != nil {
			t.Fatalf("SVG is not well-formed XML: %v", err)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			if tok.Name.Local != "text" {
				continue
			}
			cur, anchor, bold = &svgText{}, "", false
			for _, a := range tok.Attr {
				switch a.Name.Local {
				case "x":
					x, _ = strconv.ParseFloat(a.Value, 64)
				case "font-size":
					size, _ = strconv.ParseFloat(a.Value, 64)
				case "text-anchor":
					anchor = a.Value
				case "font-weight":
					bold = a.Value == "bold"
				}
			}
		case xml.CharData:
			if cur != nil {
				cur.text += string(tok)
			}
		case xml.EndElement:
			if cur == nil || tok.Name.Local != "text" {
				continue
			}
			w := chart.ApproxWidth(cur.text, size, bold)
			switch anchor {
			case "middle":
				cur.x0 = x - w/2
			case "end":
				cur.x0 = x - w
			default:
				cur.x0 = x
			}
			cur.x1 = cur.x0 + w
			out = append(out, *cur)
			cur = nil
		}
	}
}

// literals returns every PDF literal string that follows key in b,
// decoded (UTF-16BE after a byte order mark, else Latin-1).
func literals(t *testing.T, b []byte, key string) []string {
	t.Helper()
	var out []string
	pat := []byte(key + " (")
	for {
		i := bytes.Index(b, pat)
		if i < 0 {
			return out
		}
		b = b[i+len(pat):]
		var raw []byte
		depth := 1
		j := 0
		for ; j < len(b) && depth > 0; j++ {
			c := b[j]
			switch c {
			case '\\':
				j++
				if j == len(b) {
					t.Fatalf("%s: unterminated string", key)
				}
				switch e := b[j]; e {
				case 'r':
					raw = append(raw, '\r')
				case 'n':
					raw = append(raw, '\n')
				case 't':
					raw = append(raw, '\t')
				default:
					if e >= '0' && e <= '7' {
						t.Fatalf("%s: octal escape not decoded by this test", key)
					}
					raw = append(raw, e)
				}
				continue
			case '(':
				depth++
			case ')':
				depth--
				if depth == 0 {
					continue
				}
			}
			raw = append(raw, c)
		}
		if depth != 0 {
			t.Fatalf("%s: unterminated string", key)
		}
		b = b[j:]
		if len(raw) >= 2 && raw[0] == 0xFE && raw[1] == 0xFF {
			u := make([]uint16, (len(raw)-2)/2)
			for k := range u {
				u[k] = uint16(raw[2+2*k])<<8 | uint16(raw[3+2*k])
			}
			out = append(out, string(utf16.Decode(u)))
			continue
		}
		r := make([]rune, len(raw))
		for k, c := range raw {
			r[k] = rune(c)
		}
		out = append(out, string(r))
	}
}
