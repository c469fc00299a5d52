package chart

import (
	"bytes"
	"encoding/xml"
	"github.com/briefhq/brief/internal/golden"
	"io"
	"strings"
	"testing"
)

func TestNiceTicks(t *testing.T) {
	tests := []struct {
		min, max float64
		n        int
		want     string
	}{
		{0, 27.8, 5, "0 10 20 30"},
		{0, 100, 5, "0 25 50 75 100"},
		{-3.2, 7.5, 5, "−5 0 5 10"},
		{0, 0.37, 5, "0.0 0.1 0.2 0.3 0.4"},
		{1200, 1900, 5, "1,200 1,400 1,600 1,800 2,000"},
		{5, 5, 5, "0 2 4 6"},
		{0, 0, 5, "0.00 0.25 0.50 0.75 1.00"},
		{0, 1, 5, "0.00 0.25 0.50 0.75 1.00"},
	}
	for _, tt := range tests {
		tk := NiceTicks(tt.min, tt.max, tt.n)
		var got []string
		for _, v := range tk.Values {
			got = append(got, FormatTick(v, tk.Decimals))
		}
		if s := strings.Join(got, " "); s != tt.want {
			t.Errorf("NiceTicks(%v, %v, %d) = %s, want %s", tt.min, tt.max, tt.n, s, tt.want)
		}
		if tk.Lo > tt.min || tk.Hi < tt.max {
			t.Errorf("NiceTicks(%v, %v): axis [%v, %v] does not cover the data", tt.min, tt.max, tk.Lo, tk.Hi)
		}
	}
}

func TestFormatTick(t *testing.T) {
	tests := []struct {
		v    float64
		dec  int
		want string
	}{
		{0, 0, "0"}, {1234567, 0, "1,234,567"}, {-2.5, 1, "−2.5"}, {999.96, 1, "1,000.0"}, {-0.001, 1, "0.0"},
	}
	for _, tt := range tests {
		if got := FormatTick(tt.v, tt.dec); got != tt.want {
			t.Errorf("FormatTick(%v, %d) = %q, want %q", tt.v, tt.dec, got, tt.want)
		}
	}
}

func sampleCharts() map[string]Chart {
	return map[string]Chart{
		"bar.svg": {
			Kind: Bar, Title: "Trade turnover with Russia, 2024", Unit: "USD billion", Scale: 1e9,
			Source: "Source: National statistics offices <stat.gov.kz> & customs",
			Points: []Point{
				{Label: "Kazakhstan", Value: 27.8e9, Text: "$27.8 billion"},
				{Label: "Uzbekistan", Value: 11.2e9, Text: "$11.2 billion"},
				{Label: "Kyrgyzstan", Value: 3.1e9, Text: "$3.1 billion"},
				{Label: "Tajikistan", Value: 1.6e9, Text: "$1.6 billion"},
			},
		},
		"line.svg": {
			Kind: Line, Title: "Industrial output growth, Kazakhstan", Unit: "%",
			Source: "Source: Bureau of National Statistics",
			Points: []Point{
				{Label: "2024-01", Value: 3.1}, {Label: "2024-02", Value: 2.4}, {Label: "2024-03", Value: -0.8},
				{Label: "2024-04", Value: 1.9}, {Label: "2024-05", Value: 4.2}, {Label: "2024-06", Value: 5.0, Text: "+5.0%"},
			},
		},
		"negative-bar.svg": {
			Kind: Bar, Title: "Change in exports, 2024", Unit: "%",
			Points: []Point{{Label: "Қазақстан", Value: 4.5, Text: "+4.5%"}, {Label: "Кыргызстан", Value: -12.25, Text: "−12.3%"}},
		},
	}
}

// TestSVGGolden pins the SVG of each sample chart; review changes to
// testdata/*.svg like code and regenerate with -update.
func TestSVGGolden(t *testing.T) {
	for name, c := range sampleCharts() {
		t.Run(name, func(t *testing.T) {
			got := c.SVG()
			if !bytes.Equal(got, c.SVG()) {
				t.Fatal("two SVGs of the same chart differ")
			}
			checkXML(t, got)
			golden.Check(t, name, got)
		})
	}
}

func checkXML(t *testing.T, b []byte) {
	t.Helper()
	d := xml.NewDecoder(bytes.NewReader(b))
	for {
		_, err := d.Token()
		if err == io.EOF {
			return
		}
		if err != nil {
			t.Fatalf("SVG is not well-formed XML: %v", err)
		}
	}
}

func TestSVGEscapesText(t *testing.T) {
	c := Chart{Kind: Bar, Title: `<script>alert("x")</script> & co`, Points: []Point{{Label: "a<b", Value: 1}, {Label: "c", Value: 2}}}
	s := string(c.SVG())
	checkXML(t, []byte(s))
	if strings.Contains(s, "<script>") || !strings.Contains(s, "&lt;script&gt;") || !strings.Contains(s, "a&lt;b") {
		t.Errorf("text not escaped:\n%s", s)
	}
}

func TestDrawEdgeCases(t *testing.T) {
	for _, c := range []Chart{
		{Kind: Bar},
		{Kind: Line, Points: []Point{{Label: "2024", Value: 1}}},
		{Kind: Bar, Points: []Point{{Label: "x", Value: 0}, {Label: "y", Value: 0}}},
		{Kind: Line, Points: []Point{{Label: "a", Value: -1}, {Label: "b", Value: -1}}},
	} {
		s := c.Draw(400, nil)
		if s.H <= 0 || len(s.Items) == 0 {
			t.Errorf("%+v: empty scene", c)
		}
		for _, it := range s.Items {
			if it.X < -1 || it.X > 401 || it.W < 0 {
				t.Errorf("%+v: item outside the canvas: %+v", c, it)
			}
		}
		checkXML(t, c.SVG())
	}
}
