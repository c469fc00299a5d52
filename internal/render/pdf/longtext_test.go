package pdf

import (
	"math"
	"slices"
	"strings"
	"testing"
)

// Long unbroken text (review 2, N2 and N3): a note of one 900 KB word, a
// title of 100k characters, a table cell of one long word. Layout is
// linear in the text: these cases are benchmarks (BenchmarkLongText), and
// TestLongTextLaysOut checks what the reader sees: every character drawn,
// in order, nothing below the bottom margin, and about the pages the text
// needs.

type longCase struct {
	name string
	md   string
	opts Options
}

// longCases are the inputs of review 2, N2 and N3, at the given sizes: a
// word of word letters in a paragraph; a title (and running header) of
// title letters; a title of words characters of "Tt "; a word of cell
// letters in a table cell. Four more: a link whose text is url
// characters, a link to a URL of url characters, a word of word/3 letters
// in two styles by turns (a line each, before), a heading of one word.
func longCases(word, title, words, cell, url int) []longCase {
	tt := strings.TrimSpace(strings.Repeat("Tt ", words/3))
	return []longCase{
		{name: "word-in-paragraph", md: "# Brief\n\nIssue 6.\n\nThe note: " + strings.Repeat("W", word) + " ends here.\n"},
		{name: "long-title", md: "# " + strings.Repeat("T", title) + "\n\nIssue 6.\n\n## Next\n\nMore words.\n",
			opts: Options{Title: strings.Repeat("T", title)}},
		{name: "title-of-short-words", md: "# " + tt + "\n\nIssue 6.\n\n## Next\n\nMore words.\n",
			opts: Options{Title: tt}},
		{name: "word-in-table-cell", md: "# Brief\n\nIssue 6.\n\n| Indicator | Note | Value |\n|:--|:--|--:|\n| Exports | " +
			strings.Repeat("W", cell) + " | 3 |\n| Imports | short | 4 |\n"},
		{name: "long-link-text", md: "# Brief\n\nIssue 6.\n\nSee [" + strings.Repeat("a/", url/2) + "](https://example.org/) for more.\n"},
		{name: "long-url", md: "# Brief\n\nIssue 6.\n\nSee <https://example.org/" + strings.Repeat("a/", url/2) + "> for more.\n"},
		{name: "word-of-many-styles", md: "# Brief\n\nIssue 6.\n\nThe note: " + strings.Repeat("W*W*", word/6) + " ends here.\n"},
		{name: "word-in-heading", md: "# Brief\n\nIssue 6.\n\n## " + strings.Repeat("W", title) + "\n\nMore words.\n"},
	}
}

// The sizes of the benchmarks and of TestLongTextLaysOut.
func benchCases() []longCase { return longCases(300_000, 20_000, 20_000, 200_000, 100_000) }

func BenchmarkLongText(b *testing.B) {
	for _, c := range benchCases() {
		b.Run(c.name, func(b *testing.B) {
			md := []byte(c.md)
			o := c.opts
			o.CreatedAt = created
			for b.Loop() {
				if _, err := Render(md, o); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// TestLongTextLaysOut: each long text of BenchmarkLongText, at the same
// sizes, is drawn whole and in order, nothing below the bottom margin, on
// about the pages it needs: a word cut into lines as full as the column
// allows (not one letter a line, not left out), a title and a heading
// going on over pages from the page they start on, a table cell under a
// header repeated on each page, a link's text over many pages recorded as
// one link a page, and a URL too long to link shown as text.
func TestLongTextLaysOut(t *testing.T) {
	fs := loadFonts()
	if fs.err != nil {
		t.Fatal(fs.err)
	}
	width := func(s string, st style, size float64) float64 {
		u := 0
		for _, c := range s {
			u += int(fs.glyph(st, c).cw)
		}
		return float64(u) * size / 1000 * ptmm
	}
	const column = 210 - 2*marginX
	const body = 297 - marginTop - marginBottom
	// pages n pieces of width w fill, as many a line as fit in a column
	// col wide (with a space of sp after each), lines lh apart.
	pages := func(n int, w, sp, col, lh float64) float64 {
		perLine := math.Floor((col + sp) / (w + sp))
		return math.Ceil(float64(n)/perLine) * lh / body
	}
	bodyLH := 10 * 1.42 * ptmm
	titleLH := 20 * 1.2 * ptmm
	type want struct {
		piece          string  // what the long text is made of
		n              int     // how many times the layout holds it
		first, last    string  // the text around it, in order, lines joined with spaces
		pagesLo, pages float64 // the pages expected: at least pagesLo, about pages
	}
	wants := map[string]want{
		"word-in-paragraph": {piece: "W", n: 300_000, first: "The note: WWW", last: "WWW ends here.",
			pages: pages(300_000, width("W", regular, 10), 0, column, bodyLH)},
		"long-title": {piece: "T", n: 20_000, first: "TTTT", last: "More words.",
			pages: pages(20_000, width("T", bold, 20), 0, column, titleLH)},
		"title-of-short-words": {piece: "Tt", n: 6666, first: "Tt Tt", last: "More words.",
			pages: pages(6666, width("Tt", bold, 20), width(" ", bold, 20), column, titleLH)},
		// The note's column is between 40% of the table and all of it.
		"word-in-table-cell": {piece: "W", n: 200_000, first: "Exports | WWW", last: "Imports | short | 4",
			pagesLo: pages(200_000, width("W", regular, cellSize), 0, column, cellLH),
			pages:   pages(200_000, width("W", regular, cellSize), 0, 0.4*column, cellLH)},
		"long-link-text": {piece: "a/", n: 50_000, first: "See a/a/", last: "a/a/ for more.",
			pages: pages(100_000, width("a/", regular, 10)/2, 0, column, bodyLH)},
		"long-url": {piece: "a/", n: 50_000, first: "See https://example.org/a/a/", last: "a/a/ for more.",
			pages: pages(100_020, width("a/", regular, 10)/2, 0, column, bodyLH)},
		"word-of-many-styles": {piece: "W", n: 100_000, first: "The note: WWW", last: "WWW ends here.",
			pages: pages(100_000, width("W", regular, 10), 0, column, bodyLH)},
		"word-in-heading": {piece: "W", n: 20_000, first: "WWW", last: "More words.",
			pages: pages(20_000, width("W", bold, 13.5), 0, column, 13.5*1.25*ptmm)},
	}
	for _, c := range benchCases() {
		t.Run(c.name, func(t *testing.T) {
			w, ok := wants[c.name]
			if !ok {
				t.Fatalf("no expectation for %s", c.name)
			}
			o := c.opts
			o.CreatedAt = created
			res, err := Render([]byte(c.md), o)
			if err != nil {
				t.Fatal(err)
			}
			l := res.Layout
			if l.Overflow != 0 {
				t.Errorf("%d lines drawn below the bottom margin", l.Overflow)
			}
			var all []string
			for _, p := range l.Pages {
				all = append(all, p.Lines...)
			}
			text := strings.Join(all, " ") // a reader reads on over the end of a line
			if got := strings.Count(strings.Join(all, ""), w.piece); got != w.n {
				t.Errorf("the layout holds %q %d times, want %d", w.piece, got, w.n)
			}
			i, j := strings.Index(text, w.first), strings.LastIndex(text, w.last)
			if i < 0 || j < 0 || i > j {
				t.Errorf("%q does not come before %q in the layout", w.first, w.last)
			}
			got := float64(len(l.Pages))
			lo, hi := w.pages*0.85, w.pages*1.15+1
			if w.pagesLo > 0 {
				lo = w.pagesLo * 0.85
			}
			if got < lo || got > hi {
				t.Errorf("%d pages, want %.0f to %.0f", len(l.Pages), lo, hi)
			}
			switch c.name {
			case "long-title", "title-of-short-words":
				if h := l.Headings[0]; h.Page != 1 || h.Text != c.opts.Title {
					t.Errorf("the title's heading is on page %d (want 1), %d characters (want %d)", h.Page, len(h.Text), len(c.opts.Title))
				}
			case "word-in-table-cell":
				for _, p := range l.Pages[1:] {
					if len(p.Lines) == 0 || p.Lines[0] != "Indicator | Note | Value" {
						t.Errorf("page %d does not start with the table's header", p.N)
						break
					}
				}
			case "long-link-text":
				// One link a page, its parts there joined with spaces.
				var parts []string
				for k, lk := range l.Links {
					if lk.URL != "https://example.org/" || lk.Page != k+1 {
						t.Fatalf("link %d: page %d, URL %.40q; want one a page to https://example.org/", k, lk.Page, lk.URL)
					}
					parts = append(parts, lk.Text)
				}
				if got := strings.ReplaceAll(strings.Join(parts, ""), " ", ""); got != strings.Repeat("a/", 50_000) || len(l.Links) != len(l.Pages) {
					t.Errorf("the link's parts on %d of %d pages do not join into its text", len(l.Links), len(l.Pages))
				}
			case "long-url":
				// Too long to link: each line would hold the URL again.
				if len(l.Links) != 0 || len(res.PDF) > 2<<20 {
					t.Errorf("%d links, a PDF of %d bytes; want the URL shown as text, not linked", len(l.Links), len(res.PDF))
				}
				if len(res.Warnings) != 1 || !strings.Contains(res.Warnings[0], "URL of 100020 characters is shown as text, not linked") {
					t.Errorf("warnings %q; want one that the URL is not linked", res.Warnings)
				}
			}
		})
	}
}

// TestGluedWordFillsLines: a word made of several pieces (a bracket before
// a long link, letters in two styles by turns) wider than a line fills the
// line and is cut there, as a word of one style is: no bracket or letter
// alone on a line.
func TestGluedWordFillsLines(t *testing.T) {
	url := "https://example.org/" + strings.Repeat("abc/", 40)
	res := mustRender(t, "# Brief\n\nIssue 6.\n\nSee (<"+url+">) there.\n", Options{CreatedAt: created})
	want := []string{"Brief", "Issue 6.", "See", "(https://example.org/" + strings.Repeat("abc/", 17),
		strings.Repeat("abc/", 22), "abc/) there."}
	if got := res.Layout.Pages[0].Lines; !slices.Equal(got, want) {
		t.Errorf("lines\n%q\nwant the bracket on the line of the link's start\n%q", got, want)
	}
	if l := res.Layout.Links; len(l) != 1 || l[0].Text != url {
		t.Errorf("links %+v; want one, its text the URL", l)
	}
	for _, c := range benchCases() {
		if c.name != "word-of-many-styles" {
			continue
		}
		res := mustRender(t, c.md, Options{CreatedAt: created})
		short := 0
		for _, p := range res.Layout.Pages {
			for _, l := range p.Lines {
				if len(l) < 10 {
					short++
				}
			}
		}
		if short > 3 { // Brief, Issue 6., the end of the word
			t.Errorf("%d lines of under 10 letters, over %d pages", short, len(res.Layout.Pages))
		}
	}
}
