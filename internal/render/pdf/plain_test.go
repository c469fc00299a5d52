package pdf

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
	"unicode"
	"unicode/utf16"

	"codeberg.org/go-pdf/fpdf"

	"github.com/briefhq/brief/internal/chart"
)

// pdfString reads the PDF literal string that opens b (at its "(") and
// decodes it: UTF-16BE after a byte order mark, else bytes as Latin-1. It
// returns the text and the rest of b after the string.
func pdfString(b []byte) (string, []byte, error) {
	if len(b) == 0 || b[0] != '(' {
		return "", b, fmt.Errorf("no literal string at %.20q", b)
	}
	var raw []byte
	depth := 0
	i := 0
loop:
	for ; i < len(b); i++ {
		c := b[i]
		switch c {
		case '\\':
			i++
			if i == len(b) {
				break loop
			}
			switch e := b[i]; e {
			case 'n':
				raw = append(raw, '\n')
			case 'r':
				raw = append(raw, '\r')
			case 't':
				raw = append(raw, '\t')
			case 'b':
				raw = append(raw, '\b')
			case 'f':
				raw = append(raw, '\f')
			case '0', '1', '2', '3', '4', '5', '6', '7':
				v := 0
				for j := 0; j < 3 && i < len(b) && b[i] >= '0' && b[i] <= '7'; j++ {
					v = v*8 + int(b[i]-'0')
					i++
				}
				i--
				raw = append(raw, byte(v))
			default:
				raw = append(raw, e)
			}
			continue
		case '(':
			depth++
			if depth == 1 {
				continue
			}
		case ')':
			depth--
			if depth == 0 {
				break loop
			}
		}
		raw = append(raw, c)
	}
	if depth != 0 {
		return "", nil, fmt.Errorf("unterminated string")
	}
	rest := b[i+1:]
	if len(raw) >= 2 && raw[0] == 0xFE && raw[1] == 0xFF {
		raw = raw[2:]
		if len(raw)%2 != 0 {
			return "", rest, fmt.Errorf("odd UTF-16 length %d", len(raw))
		}
		u := make([]uint16, len(raw)/2)
		for k := range u {
			u[k] = uint16(raw[2*k])<<8 | uint16(raw[2*k+1])
		}
		return string(utf16.Decode(u)), rest, nil
	}
	r := make([]rune, len(raw))
	for k, c := range raw {
		r[k] = rune(c)
	}
	return string(r), rest, nil
}

// pdfStrings returns every string value of key (such as "/Title") in the
// PDF's objects, decoded, in order: the document information's and the
// outline entries'.
func pdfStrings(t *testing.T, pdf []byte, key string) []string {
	t.Helper()
	var out []string
	pat := []byte(key + " (")
	for {
		i := bytes.Index(pdf, pat)
		if i < 0 {
			return out
		}
		s, rest, err := pdfString(pdf[i+len(pat)-1:])
		if err != nil {
			t.Fatalf("%s: %v", key, err)
		}
		out = append(out, s)
		pdf = rest
	}
}

// checkPlain fails when s holds a control or format character (bidi,
// zero-width), a newline or other white space than single spaces, or a
// Markdown backslash escape.
func checkPlain(t *testing.T, what, s string) {
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

const hostileMD = "# Weekly\u202E brief\n\n" +
	"## snake\\_case \\*star\\* *em* \u202Eevil\u202C\n\ntext\n\n" +
	"### Be\u200Bta\u200E land\u2066\n\ntext\n\n" +
	"Two\u00A0lines \u061C\nof a heading\n---\n\ntext\n"

// TestMetadataAndBookmarksArePlain reads the PDF's bytes: the document
// information (Title, Subject, Author, Keywords, Creator) and every outline
// entry hold no control, bidi or zero-width character, newline or Markdown
// escape, and say what was given, words intact.
func TestMetadataAndBookmarksArePlain(t *testing.T) {
	res := mustRender(t, hostileMD, Options{
		Title:    "Weekly\u202E brief:\nAlpha\u200B land\t\x07",
		Subject:  "Week 6\r\nof 2025\u2028",
		Author:   "Example\u200D Analytics\u00AD\uFEFF",
		Creator:  "brief\x1b[31m test",
		Keywords: []string{"snake_case_topic \u202Eevil\u202C", "Long\nwords", "\u200Bzero"},
	})
	want := map[string]string{
		"/Title":    "Weekly brief: Alpha land",
		"/Subject":  "Week 6 of 2025",
		"/Author":   "Example Analytics",
		"/Creator":  "brief[31m test",
		"/Keywords": "snake_case_topic evil, Long words, zero",
	}
	// fpdf writes the outline entries, then the document information,
	// which opens with /Producer.
	info := bytes.Index(res.PDF, []byte("/Producer ("))
	if info < 0 {
		t.Fatal("no document information")
	}
	for key, w := range want {
		got := pdfStrings(t, res.PDF[info:], key)
		if len(got) != 1 {
			t.Errorf("%d %s in the document information", len(got), key)
			continue
		}
		checkPlain(t, key, got[0])
		if got[0] != w {
			t.Errorf("%s = %q, want %q", key, got[0], w)
		}
	}
	marks := pdfStrings(t, res.PDF[:info], "/Title")
	for _, m := range marks {
		checkPlain(t, "bookmark", m)
	}
	wantMarks := []string{"snake_case *star* em evil", "Beta land", "Two lines of a heading"}
	if strings.Join(marks, "|") != strings.Join(wantMarks, "|") {
		t.Errorf("bookmarks in the PDF = %q, want %q", marks, wantMarks)
	}
	var outline []string
	for _, h := range res.Layout.Outline {
		outline = append(outline, h.Text)
	}
	if strings.Join(outline, "|") != strings.Join(wantMarks, "|") {
		t.Errorf("outline = %q, want %q", outline, wantMarks)
	}
}

// TestTitleFromTheDocumentIsPlain: without Options.Title the PDF's title
// is the Markdown's first heading, read as text.
func TestTitleFromTheDocumentIsPlain(t *testing.T) {
	res := mustRender(t, "# Trade\\_turnover \\*brief\\* \u202E\u200Bnow\n\ntext\n", Options{})
	got := pdfStrings(t, res.PDF[bytes.Index(res.PDF, []byte("/Producer (")):], "/Title")
	if len(got) != 1 || got[0] != "Trade_turnover *brief* now" {
		t.Errorf("/Title = %q", got)
	}
}

var word300 = strings.Repeat("Supercalifragilistic", 15)

func hostileChart() chart.Chart {
	return chart.Chart{
		Kind: chart.Bar, File: "chart-x-bar.svg",
		Title:  "Exports\u200B of snake_case_goods\nand \u202Eservices\u202C " + word300,
		Unit:   "USD\u2066",
		Source: "Source: Stat\u202E office; " + word300 + " office",
		Points: []chart.Point{
			{Label: "Alpha\u202E land", Value: 100, Text: "$100"},
			{Label: "Be\u200Bta\nland", Value: 50, Text: "$50"},
			{Label: word300, Value: 10, Text: "$10"},
		},
	}
}

// TestChartTextIsPlainInThePDF: the texts a chart draws in the PDF's
// content stream hold no control, bidi or zero-width character or
// newline, and the renderer warns about none (they are dropped, not
// missing glyphs).
func TestChartTextIsPlainInThePDF(t *testing.T) {
	c := hostileChart()
	res := mustRender(t, "# T\n\n![x](chart-x-bar.svg)\n", Options{
		Charts: map[string]chart.Chart{c.File: c}, uncompressed: true,
	})
	if len(res.Layout.Charts) != 1 {
		t.Fatalf("charts drawn: %+v", res.Layout.Charts)
	}
	text := pageText(res.PDF)
	for _, line := range strings.Split(strings.TrimSuffix(text, "\n"), "\n") {
		checkPlain(t, "PDF text", line)
	}
	for _, want := range []string{"Alpha land", "Beta land", "Stat office", "…"} {
		if !strings.Contains(text, want) {
			t.Errorf("PDF text lacks %q", want)
		}
	}
	if len(res.Warnings) > 0 {
		t.Errorf("warnings: %q", res.Warnings)
	}
}

// TestChartTextFitsWithTheFont: laid out with the embedded font's metrics,
// as the PDF draws it, every text of a chart with 300-character words lies
// within the text column; the title is wrapped and cut with an ellipsis.
func TestChartTextFitsWithTheFont(t *testing.T) {
	fs := loadFonts()
	if fs.err != nil {
		t.Fatal(fs.err)
	}
	for paper, size := range map[string]fpdf.SizeType{"a4": {Wd: 210, Ht: 297}, "letter": {Wd: 215.9, Ht: 279.4}} {
		r := newRenderer(fs, Options{}, size)
		w := r.width / ptmm
		s := r.cleanChart(hostileChart()).Draw(w, r.measure)
		var title []string
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
				t.Errorf("%s: text %q spans %.1f to %.1f, outside 0 to %.1f", paper, it.Text, x0, x0+tw, w)
			}
			if it.Bold && it.Size > 9 {
				title = append(title, it.Text)
			}
		}
		if len(title) < 2 || !strings.HasSuffix(title[len(title)-1], "…") {
			t.Errorf("%s: title not wrapped and cut: %q", paper, title)
		}
	}
}
