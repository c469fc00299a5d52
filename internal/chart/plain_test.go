package chart

import (
	"bytes"
	"encoding/xml"
	"io"
	"strings"
	"testing"
	"unicode"
)

// word300 is one 300-character word.
var word300 = strings.Repeat("Supercalifragilistic", 15)

// hostileCharts have names with a bidi override, zero-width characters,
// newlines, tabs and controls, and 300-character words in every text.
func hostileCharts() map[string]Chart {
	src := "Source: Stat\u202E office\n" + word300 + "\u200B office; Other\toffice"
	return map[string]Chart{
		"bar": {
			Kind: Bar, Title: "Exports\u200B of snake_case_goods\nand \u202Eservices\u202C, 2024 " + word300,
			Unit: "USD\u2066 " + word300, Scale: 1, Source: src,
			Points: []Point{
				{Label: "Alpha\u202E land", Value: 100, Text: "$100"},
				{Label: "Be\u200Bta\nland\x85", Value: 50, Text: "$50 " + word300},
				{Label: word300, Value: -20, Text: "\u200E-$20\u200F " + word300},
				{Label: "\x07bell\r\n", Value: 10},
			},
		},
		"line": {
			Kind: Line, Title: word300 + "\u200D\n" + word300, Unit: word300 + "\u2028USD",
			Source: src, Timed: true,
			Points: []Point{
				{Label: "2024-01", Value: 7, At: 19738},
				{Label: "2024-02", Value: 8, At: 19768},
				{Label: "2024-03", Value: 9, At: 19797},
				{Label: "2024-04", Value: 10, Text: "$10 " + word300, At: 19828},
			},
		},
		// Long period labels beside short ticks: the first label needs
		// room on the left.
		"line-long-periods": {
			Kind: Line, Title: "Imports", Timed: true,
			Points: []Point{
				{Label: "December 2023", Value: 7, Text: "$7", At: 19707},
				{Label: "January 2024", Value: 8, Text: "$8", At: 19738},
				{Label: "February 2024", Value: 9, Text: "$9", At: 19768},
				{Label: "March 2024", Value: 10, Text: "$10", At: 19797},
			},
		},
		// Several series with hostile names, one a 300-character word.
		"lines": {
			Kind: Line, Title: "Imports\u200B by country", Timed: true, Unit: "USD",
			Series: []Series{
				{Name: "Alpha\u202E land\n", Points: []Point{{Value: 7, At: 19738}, {Value: 8, Text: "\u200E-$8", At: 19768}}},
				{Name: word300, Points: []Point{{Value: 3, At: 19738}, {Value: 4, Text: "$4 " + word300, At: 19768}}},
			},
		},
		"single-word": {Kind: Bar, Title: word300, Points: []Point{{Label: "a", Value: 1}, {Label: "b", Value: 2}}},
	}
}

// svgTexts returns the character data of every <text> and <title> of an
// SVG, entities decoded.
func svgTexts(t *testing.T, b []byte) []string {
	t.Helper()
	d := xml.NewDecoder(bytes.NewReader(b))
	var out []string
	var cur *strings.Builder
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
			if tok.Name.Local == "text" || tok.Name.Local == "title" {
				cur = &strings.Builder{}
			}
		case xml.CharData:
			if cur != nil {
				cur.Write(tok)
			}
		case xml.EndElement:
			if cur != nil && (tok.Name.Local == "text" || tok.Name.Local == "title") {
				out = append(out, cur.String())
				cur = nil
			}
		}
	}
}

// TestSVGTextIsPlain: no text of an SVG chart holds a bidi, zero-width or
// other control or format character, a newline or a run of spaces, while
// the words around them stay.
func TestSVGTextIsPlain(t *testing.T) {
	for name, c := range hostileCharts() {
		t.Run(name, func(t *testing.T) {
			b := c.SVG()
			if !bytes.Equal(b, c.SVG()) {
				t.Fatal("two SVGs of the same chart differ")
			}
			texts := svgTexts(t, b)
			if len(texts) < 4 {
				t.Fatalf("only %d texts in\n%s", len(texts), b)
			}
			for _, s := range texts {
				for _, r := range s {
					if unicode.In(r, unicode.Cc, unicode.Cf) || (unicode.IsSpace(r) && r != ' ') {
						t.Errorf("text %q holds U+%04X", s, r)
					}
				}
				if strings.Contains(s, "  ") || s != strings.TrimSpace(s) {
					t.Errorf("text %q has extra spaces", s)
				}
			}
			all := strings.Join(texts, "|")
			for _, want := range []string{"Alpha land", "Beta land", "bell", "Stat office"} {
				if c.Kind == Bar && name == "bar" && !strings.Contains(all, want) {
					t.Errorf("SVG lacks %q: %q", want, texts)
				}
			}
		})
	}
	// The raw bytes too: nothing escaped as a character reference.
	for _, c := range hostileCharts() {
		s := string(c.SVG())
		for _, bad := range []string{"\u202E", "\u200B", "\u200D", "&#10;", "&#xA;", "\r"} {
			if strings.Contains(s, bad) {
				t.Errorf("SVG holds %q", bad)
			}
		}
		for _, line := range strings.Split(s, "\n") {
			if strings.HasPrefix(line, "<text") != strings.HasSuffix(line, "</text>") {
				t.Errorf("a <text> spans lines: %q", line)
			}
		}
	}
}

// extent is where a text item starts and ends on the canvas, by the
// measure the chart was drawn with.
func extent(it Item, m Measure) (float64, float64) {
	w := m(it.Text, it.Size, it.Bold)
	switch it.Anchor {
	case Middle:
		return it.X - w/2, it.X + w/2
	case End:
		return it.X - w, it.X
	}
	return it.X, it.X + w
}

// TestTextFitsTheChart: every text of every chart, the samples and the
// hostile ones, lies within the canvas as the chart's own text-width
// estimate measures it; a title too long for three lines is wrapped inside
// its word and cut with an ellipsis, one that fits in three is wrapped
// whole.
func TestTextFitsTheChart(t *testing.T) {
	charts := hostileCharts()
	for name, c := range sampleCharts() {
		charts["sample-"+name] = c
	}
	for name, c := range charts {
		for _, w := range []float64{SVGWidth, 400, 1100} {
			s := c.Draw(w, nil)
			var title []string
			for _, it := range s.Items {
				if it.Shape != TextShape {
					continue
				}
				x0, x1 := extent(it, ApproxWidth)
				if x0 < -0.01 || x1 > w+0.01 {
					t.Errorf("%s at %v: text %q spans %.1f to %.1f, outside 0 to %v", name, w, it.Text, x0, x1, w)
				}
				if it.Size == titleSize && it.Bold {
					title = append(title, it.Text)
				}
			}
			if len(title) == 0 || len(title) > maxTitleLines {
				t.Errorf("%s at %v: %d title lines", name, w, len(title))
			}
			if name != "single-word" {
				continue
			}
			joined := strings.Join(title, "")
			switch {
			case ApproxWidth(word300, titleSize, true) > float64(maxTitleLines)*w:
				if len(title) != maxTitleLines || !strings.HasSuffix(joined, "…") ||
					!strings.HasPrefix(word300, strings.TrimSuffix(joined, "…")) {
					t.Errorf("%s at %v: long word not wrapped and cut: %q", name, w, title)
				}
			default:
				if joined != word300 || len(title) < 2 {
					t.Errorf("%s at %v: long word not wrapped whole: %q", name, w, title)
				}
			}
		}
	}
}

// TestHugeWordStaysBounded: a word of a million characters gives the
// same few lines, quickly.
func TestHugeWordStaysBounded(t *testing.T) {
	huge := strings.Repeat("x", 1<<20)
	c := Chart{Kind: Bar, Title: huge, Source: huge, Unit: huge,
		Points: []Point{{Label: huge, Value: 1, Text: huge}, {Label: "b", Value: 2}}}
	s := c.Draw(SVGWidth, nil)
	n := 0
	for _, it := range s.Items {
		if it.Shape == TextShape {
			n++
			if len(it.Text) > 1000 {
				t.Errorf("a text of %d bytes", len(it.Text))
			}
		}
	}
	if n > maxTitleLines+maxSourceLines+20 {
		t.Errorf("%d texts", n)
	}
}

func TestWrap(t *testing.T) {
	m := func(s string, _ float64, _ bool) float64 { return float64(len([]rune(s))) }
	for _, tt := range []struct {
		in   string
		w    float64
		max  int
		want []string
	}{
		{"aa bb cc", 5, 3, []string{"aa bb", "cc"}},
		{"abcdefghij", 4, 3, []string{"abcd", "efgh", "ij"}},
		{"abcdefghijklm", 4, 3, []string{"abcd", "efgh", "ijk…"}},
		{"aa abcdefgh bb", 4, 5, []string{"aa", "abcd", "efgh", "bb"}},
		{"aa bb cc dd", 5, 1, []string{"aa b…"}},
		{"ééééé", 2, 3, []string{"éé", "éé", "é"}},
		{"", 4, 3, nil},
	} {
		got := wrap(tt.in, tt.w, 1, false, m, tt.max)
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("wrap(%q, %v, %d) = %q, want %q", tt.in, tt.w, tt.max, got, tt.want)
		}
	}
}
