package report

import (
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"

	"github.com/briefhq/brief/internal/chart"
	"github.com/briefhq/brief/internal/render/pdf"
)

// TestHostileTextDisplaysAsText: Markdown and HTML in names, notes,
// titles and sources display as the text they are, in the Markdown (as
// goldmark renders it) and in the PDF; control and bidi characters are
// gone; only http(s) addresses become links.
func TestHostileTextDisplaysAsText(t *testing.T) {
	out := weekly(t, "../../testdata/hostile", "")
	md := file(t, out, "brief.md")
	var html strings.Builder
	if err := goldmark.New(goldmark.WithExtensions(extension.GFM, extension.Footnote)).Convert(md, &html); err != nil {
		t.Fatal(err)
	}
	h := html.String()
	for _, bad := range []string{"<script", "<iframe", "<img src=x", "<b>", `href="javascript`, `href="file`, `href="http://evil.example"`, "\u202e", `<strong>Exports</strong>`, `<h1>Topic`} {
		if strings.Contains(h, bad) {
			t.Errorf("rendered Markdown contains %q", bad)
		}
	}
	for _, want := range []string{
		"&lt;script&gt;alert(1)&lt;/script&gt;", // the entity's name, shown as written
		"**Exports** [click](javascript:alert(1))",
		"# Topic &lt;b&gt;bold&lt;/b&gt;",
		"Beta | land [^9]",
		`href="https://ok.example/a%20b"`,
	} {
		if !strings.Contains(h, want) {
			t.Errorf("rendered Markdown lacks %q", want)
		}
	}

	charts := map[string]chart.Chart{}
	for _, c := range out.Doc.Charts {
		charts[c.File] = c
	}
	res, err := pdf.Render(md, pdf.Options{Charts: charts})
	if err != nil {
		t.Fatal(err)
	}
	var text strings.Builder
	for _, p := range res.Layout.Pages {
		text.WriteString(strings.Join(p.Lines, "\n"))
	}
	for _, want := range []string{"<script>alert(1)</script>", "**Exports** [click](javascript:alert(1))"} {
		if !strings.Contains(text.String(), want) {
			t.Errorf("PDF text lacks %q", want)
		}
	}
	for _, l := range res.Layout.Links {
		if !strings.HasPrefix(l.URL, "https://") && !strings.HasPrefix(l.URL, "#") {
			t.Errorf("PDF links to %q", l.URL)
		}
	}
}
