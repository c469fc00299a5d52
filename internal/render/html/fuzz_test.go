package html

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

var href = regexp.MustCompile(`href="([^"]*)"`)

// FuzzRender: any Markdown gives a page that loads and runs nothing, whose
// elements nest (every one closed), with no character HTML cannot hold.
func FuzzRender(f *testing.F) {
	if b, err := os.ReadFile(filepath.Join("..", "..", "..", "testdata", "pdf", "cyrillic.md")); err == nil {
		f.Add(string(b))
	}
	for _, s := range []string{
		"", "#", "# 🚀\n", "[^1]\n\n[^1]: x", "a[^1] b[^1]\n\n[^1]: one [^1]\n",
		"| a |\n|--|\n| " + string(make([]byte, 300)) + " |", "- a\n  - b\n    - c\n", "> **Key messages**\n>\n> - a\n",
		"![x](chart-a.svg) ![y](https://example.org/y.png)", "*Figure 1. x*\n\n*Table 2: y*\n\n| a |\n|-|\n| b |\n",
		"<script>alert(1)</script>\n\n<img src=x onerror=y>", "&lt;script&gt; &amp;lt; \"'`",
		"[l](https://e.org/\"><script>) [j](javascript:x) [d](data:text/html,x) <https://a.b/\">>",
		"\xff\xfe invalid", "\u202e bidi \u0000 nul \x01 \uFFFE \x7f \u0085",
		"######## deep\n# one\n# one\n## two\n",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, md string) {
		_, h := render(t, []byte(md), Options{Title: md, Lang: md, Author: md, Charts: sampleCharts})
		if m := loads(h); m != nil {
			t.Fatalf("Render(%q) loads or runs %q:\n%s", md, m, h)
		}
		if err := nests(h); err != nil {
			t.Fatalf("Render(%q): %v\n%s", md, err, h)
		}
		for _, r := range h {
			if badRune(r) {
				t.Fatalf("Render(%q): character %U in the page", md, r)
			}
		}
		for _, m := range href.FindAllStringSubmatch(h, -1) {
			u := strings.ToLower(m[1])
			if !strings.HasPrefix(u, "#") && !strings.HasPrefix(u, "https://") && !strings.HasPrefix(u, "http://") && !strings.HasPrefix(u, "mailto:") {
				t.Fatalf("Render(%q): a link to %q", md, m[1])
			}
		}
	})
}
