package html

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/briefhq/brief/internal/chart"
	"github.com/briefhq/brief/internal/render/doc"
)

var sampleCharts = map[string]chart.Chart{
	"chart-trade_turnover-bar.svg": {
		Kind: chart.Bar, Title: "Trade turnover with Russia, 2024", Unit: "USD billion", Scale: 1e9,
		Source: "Source: Bureau of National Statistics of Kazakhstan", File: "chart-trade_turnover-bar.svg",
		Points: []chart.Point{
			{Label: "Kazakhstan", Value: 27.8e9, Text: "$27.8 billion"},
			{Label: "Uzbekistan", Value: 11.2e9, Text: "$11.2 billion"},
		},
	},
	"chart-industrial_output-line.svg": {
		Kind: chart.Line, Title: "Industrial output growth, Kazakhstan", Unit: "% year on year",
		File: "chart-industrial_output-line.svg",
		Points: []chart.Point{
			{Label: "2024-01", Value: 3.1, Text: "3.1%"}, {Label: "2024-02", Value: -0.8, Text: "−0.8%"},
		},
	},
}

func sample(t testing.TB) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "..", "..", "testdata", "pdf", "sample.md"))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func render(t testing.TB, md []byte, o Options) (*Result, string) {
	t.Helper()
	res, err := Render(doc.Parse(md), o)
	if err != nil {
		t.Fatal(err)
	}
	return res, string(res.HTML)
}

// fetches are the ways a page loads or runs something: none may be in a
// brief's tags or style sheet (text is escaped, so "<" in it is no tag).
var fetches = regexp.MustCompile(`(?i)<script|<link|<img|<iframe|<object|<embed|<video|<audio|<source|\bsrc=|srcset=|url\(|@import|\bon[a-z]+=|xlink:href|<base|http-equiv`)

func loads(h string) []string {
	var code strings.Builder
	quoted := regexp.MustCompile(`"[^"]*"`) // attribute values: text, escaped
	for _, tag := range regexp.MustCompile(`<[^>]*>`).FindAllString(h, -1) {
		code.WriteString(quoted.ReplaceAllString(tag, `""`))
	}
	if i, j := strings.Index(h, "<style>"), strings.Index(h, "</style>"); i >= 0 && j > i {
		code.WriteString(h[i:j])
	}
	return fetches.FindAllString(code.String(), -1)
}

func TestSampleHTML(t *testing.T) {
	res, h := render(t, sample(t), Options{Lang: "en-GB", Author: "Example Analytics", Generator: "brief test", Charts: sampleCharts})
	if len(res.Warnings) != 0 {
		t.Errorf("warnings: %q", res.Warnings)
	}
	if m := loads(h); m != nil {
		t.Errorf("the page loads or runs something: %q", m)
	}
	// Every link is in the page or a link the reader may follow; none loads.
	for _, m := range regexp.MustCompile(`href="([^"]*)"`).FindAllStringSubmatch(h, -1) {
		if !strings.HasPrefix(m[1], "#") && !strings.HasPrefix(m[1], "https://") && !strings.HasPrefix(m[1], "http://") {
			t.Errorf("link %q", m[1])
		}
	}
	for _, want := range []string{
		`<html lang="en-GB">`, `<meta charset="utf-8">`, "<title>Weekly brief: Russia and Central Asia</title>",
		`<h1 id="weekly-brief-russia-and-central-asia">Weekly brief: Russia and Central Asia</h1>`,
		`<h2 id="summary">Summary</h2>`, `<h3 id="output-by-sector">Output by sector</h3>`,
		`<th scope="col">Country</th>`, `<th scope="col" class="r">Share of output</th>`, `<th scope="row">Mining and quarrying</th>`,
		`<td class="r">−1.2%</td>`, // the minus sign
		"<strong>+12.6%</strong>", "<em>latest</em>", `<a href="https://example.org/customs">customs statistics</a>`,
		`@media print`, `thead { display: table-header-group; }`, `@page { size: A4;`,
		`<meta name="author" content="Example Analytics">`,
	} {
		if !strings.Contains(h, want) {
			t.Errorf("no %s", want)
		}
	}
	// Charts are inline SVG with their alt text.
	if n := strings.Count(h, "<svg "); n != 2 {
		t.Errorf("%d inline charts, want 2", n)
	}
	if !strings.Contains(h, `<figure class="chart" aria-label="Trade turnover with Russia by country, 2024">`) {
		t.Error("the bar chart has no accessible name")
	}
	// Footnotes: each citation links to its note, each note back to its
	// first citation; the notes are listed once.
	cites := regexp.MustCompile(`<sup><a href="#note-(\d)" id="cite-(\d)-(\d+)"`).FindAllStringSubmatch(h, -1)
	if len(cites) < 10 {
		t.Fatalf("%d citations", len(cites))
	}
	for _, c := range cites {
		if c[1] != c[2] {
			t.Errorf("citation %q", c[0])
		}
	}
	for _, n := range []string{"1", "2", "3", "4"} {
		if strings.Count(h, `<li id="note-`+n+`"`) != 1 || !strings.Contains(h, `href="#cite-`+n+`-1"`) {
			t.Errorf("note %s is not listed once with a link back", n)
		}
	}
	// Headings' ids are unique.
	seen := map[string]bool{}
	for _, m := range regexp.MustCompile(` id="([^"]+)"`).FindAllStringSubmatch(h, -1) {
		if seen[m[1]] {
			t.Errorf("id %q twice", m[1])
		}
		seen[m[1]] = true
	}
	if err := nests(h); err != nil {
		t.Error(err)
	}
}

// nests reports whether the page is well-formed enough for an XML parser
// (every element closed but the void ones), a proxy for clean nesting.
func nests(h string) error {
	x := strings.NewReplacer("<!DOCTYPE html>", "", `<meta charset="utf-8">`, "", "<br>", "<br/>", "<hr>", "<hr/>").Replace(h)
	x = regexp.MustCompile(`<meta [^>]*>`).ReplaceAllString(x, "")
	d := xml.NewDecoder(strings.NewReader(x))
	d.Strict = true
	for {
		if _, err := d.Token(); err == io.EOF {
			return nil
		} else if err != nil {
			return fmt.Errorf("badly nested: %v", err)
		}
	}
}

// Data text is untrusted: markup in it is shown as text, scripts and
// javascript: links never reach the page, nor outside images.
func TestHostileText(t *testing.T) {
	md := "# Brief &lt;script&gt;alert(1)&lt;/script&gt;\n\n## A\n\n" +
		"Name &lt;img src=x onerror=alert(1)&gt; &amp; \"q\" 's' \x01 \uFFFE.[^1] <script>alert(2)</script>\n\n" +
		"<div onclick=\"x()\">raw</div>\n\n" +
		"[click](javascript:alert(3)) [ok](https://example.org/?a=1&b=\"2\")\n\n" +
		"| A&lt;b | B |\n|--|--|\n| x&lt;/td&gt; | y |\n\n" +
		"![tracker](https://example.org/t.png)\n\n" +
		"[^1]: A source &lt;b&gt;.\n"
	chartMD := "\n![c](c.svg)\n"
	charts := map[string]chart.Chart{"c.svg": {Kind: chart.Bar, Title: "</svg><script>alert(4)</script>", File: "c.svg",
		Points: []chart.Point{{Label: "<b>x</b>", Value: 1, Text: "1"}}}}
	res, h := render(t, []byte(md+chartMD), Options{Title: "T </title><script>", Lang: `en"><script>`, Charts: charts})
	if m := loads(h); m != nil {
		t.Errorf("the page loads or runs something: %q", m)
	}
	if strings.Contains(h, "javascript") || strings.Contains(h, "onclick") || strings.Contains(h, "t.png") {
		t.Error("a script, a javascript: link or an outside image reached the page")
	}
	for _, want := range []string{
		"Name &lt;img src=x onerror=alert(1)&gt; &amp; &quot;q&quot; &#39;s&#39;",
		"<title>T &lt;/title&gt;&lt;script&gt;</title>", `<html lang="en">`,
		`<th scope="col">A&lt;b</th>`, `x&lt;/td&gt;`, "A source &lt;b&gt;.",
		`<a href="https://example.org/?a=1&amp;b=&quot;2&quot;">ok</a>`,
		"&lt;/svg&gt;&lt;script&gt;alert(4)&lt;/script&gt;", "&lt;b&gt;x&lt;/b&gt;",
		`<p class="missing">[tracker]</p>`,
	} {
		if !strings.Contains(h, want) {
			t.Errorf("no %s", want)
		}
	}
	if strings.ContainsAny(h, "\x01\uFFFE") {
		t.Error("a character HTML cannot hold reached the page")
	}
	w := strings.Join(res.Warnings, "\n")
	if !strings.Contains(w, "raw HTML") || !strings.Contains(w, `"https://example.org/t.png"`) {
		t.Errorf("warnings %q", res.Warnings)
	}
}

func TestPaper(t *testing.T) {
	_, h := render(t, []byte("# T\n"), Options{Paper: "letter"})
	if !strings.Contains(h, "@page { size: letter;") {
		t.Error("no letter page size")
	}
	if _, err := Render(doc.Parse(nil), Options{Paper: "a3"}); err == nil {
		t.Error("paper a3 accepted")
	}
	a, _ := render(t, sample(t), Options{Charts: sampleCharts})
	b, _ := render(t, sample(t), Options{Charts: sampleCharts})
	if !bytes.Equal(a.HTML, b.HTML) {
		t.Error("two renders differ")
	}
}

// The key messages are a box, captions belong to their figure or table.
func TestKeyMessagesAndCaptions(t *testing.T) {
	md := "# T\n\n> **Key messages**\n>\n> - first point[^1]\n> - second point\n\n## A\n\n" +
		"![Trade turnover with Russia, 2024](chart-trade_turnover-bar.svg)\n\n*Figure 1. Trade turnover, 2024.*\n\n" +
		"*Table 1. The figures.*\n\n| A | B |\n|--|--|\n| x | 1 |\n\n> An ordinary quote.\n\n[^1]: Source.\n"
	_, h := render(t, []byte(md), Options{Charts: sampleCharts})
	for _, want := range []string{
		"<aside class=\"key-messages\" aria-labelledby=\"key-messages\">\n<p class=\"label\" id=\"key-messages\">Key messages</p>\n<ul>\n<li>first point",
		"</svg>\n<figcaption><em>Figure 1. Trade turnover, 2024.</em></figcaption>\n</figure>",
		"<table>\n<caption><em>Table 1. The figures.</em></caption>",
		"<blockquote>\n<p>An ordinary quote.</p>",
	} {
		if !strings.Contains(h, want) {
			t.Errorf("no %q in\n%s", want, h)
		}
	}
}
