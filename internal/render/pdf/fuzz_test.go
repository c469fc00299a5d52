package pdf

import (
	"os"
	"path/filepath"
	"testing"
)

// FuzzRender: any Markdown renders to a PDF; nothing panics or fails, and
// no text is drawn below the bottom margin.
func FuzzRender(f *testing.F) {
	for _, name := range []string{"sample.md", "cyrillic.md"} {
		if b, err := os.ReadFile(filepath.Join("..", "..", "..", "testdata", "pdf", name)); err == nil {
			f.Add(string(b))
		}
	}
	for _, s := range []string{
		"", "#", "# 🚀\n", "[^1]\n\n[^1]: x", "| a |\n|--|\n| " + string(make([]byte, 300)) + " |",
		"- a\n  - b\n    - c\n      - d\n", "> q\n> > qq\n", "```\ncode\twith tab\n```\n",
		"![x](chart-a.svg) ![y](https://example.org/y.png)", "<b>html</b>\n\n<div>x</div>\n",
		"https://" + string(make([]rune, 200)), "a\\\nb  \nc",
		"[a](<https://x.org/a(b)c>) [b](https://x.org/>>\\\\)) <https://x.org/<<>>>", "\xff\xfe invalid", "\u202e bidi \u0000 nul",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, md string) {
		res, err := Render([]byte(md), Options{CreatedAt: created, Author: md, Keywords: []string{md}})
		if err != nil {
			t.Fatalf("Render(%q): %v", md, err)
		}
		if len(res.PDF) == 0 || len(res.Layout.Pages) == 0 {
			t.Fatalf("Render(%q): empty PDF", md)
		}
		if res.Layout.Overflow != 0 {
			t.Fatalf("Render(%q): %d lines drawn below the bottom margin", md, res.Layout.Overflow)
		}
	})
}
