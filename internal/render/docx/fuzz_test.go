package docx

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/briefhq/brief/internal/render/doc"
)

// FuzzRender: any Markdown gives a Word file whose every XML part is
// well-formed, and two renders give the same bytes; nothing panics.
func FuzzRender(f *testing.F) {
	if b, err := os.ReadFile(filepath.Join("..", "..", "..", "testdata", "pdf", "cyrillic.md")); err == nil {
		f.Add(string(b))
	}
	for _, s := range []string{
		"", "#", "# 🚀\n", "[^1]\n\n[^1]: x", "a[^1] b[^1] c[^2]\n\n[^1]: one [^2]\n[^2]: two\n",
		"| a |\n|--|\n| " + string(make([]byte, 300)) + " |", "| a | b |\n|--|--|\n| 1 |\n| 1 | 2 | 3 |\n",
		"- a\n  - b\n    - c\n      - d\n", "3. x\n4. y\n\n1) z\n", "> **Key messages**\n>\n> - a\n",
		"> q\n> > qq\n", "```\ncode\twith tab\n```\n", "![x](chart-a.svg) ![y](https://example.org/y.png)",
		"*Figure 1. x*\n\n*Table 2: y*\n\n| a |\n|-|\n| b |\n", "<b>html</b>\n\n<div>x</div>\n",
		"[l](https://e.org/a&b<c>) [j](javascript:x)", "a\\\nb  \nc", "\xff\xfe invalid", "\u202e bidi \u0000 nul \x01 \uFFFE",
		"######## deep\n# one\n## two\n### three\n#### four\n", "]]> &amp; &#0; &#xD800;",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, md string) {
		o := Options{CreatedAt: created, Title: md, Author: md, Keywords: []string{md}, Lang: md, Charts: sampleCharts}
		a, parts := render(t, []byte(md), o)
		if parts["word/document.xml"] == nil {
			t.Fatalf("Render(%q): no document", md)
		}
		b, err := Render(doc.Parse([]byte(md)), o)
		if err != nil || string(a.DOCX) != string(b.DOCX) {
			t.Fatalf("Render(%q): two renders differ (%v)", md, err)
		}
	})
}
