package pdf

import (
	"fmt"
	"strings"
	"testing"
)

// headingRun is Markdown of n consecutive level-2 headings with nothing
// between them, as a template that loops over headings may write.
func headingRun(n int) string {
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, "## H%d\n\n", i)
	}
	return b.String()
}

func BenchmarkHeadingRun2000(b *testing.B) {
	md := []byte(headingRun(2000))
	b.ReportAllocs()
	var pages int
	for b.Loop() {
		res, err := Render(md, Options{CreatedAt: created})
		if err != nil {
			b.Fatal(err)
		}
		pages = len(res.Layout.Pages)
	}
	b.ReportMetric(float64(pages), "pages")
}

// pageOf returns the page of the first layout line that starts with s, or 0.
func pageOf(l Layout, s string) int {
	for _, p := range l.Pages {
		for _, line := range p.Lines {
			if strings.HasPrefix(line, s) {
				return p.N
			}
		}
	}
	return 0
}

// TestHeadingRunFlows: a run of 3,000 headings with no text between them
// (a template's loop) is laid out like text, about as many headings to a
// page as fit, not one heading per page; every heading is drawn once, in
// order, none below the bottom margin, and the end of the run stays with
// the paragraph after it.
func TestHeadingRunFlows(t *testing.T) {
	const n = 3000
	for _, level := range []int{2, 3} {
		md := strings.ReplaceAll(headingRun(n), "## ", strings.Repeat("#", level)+" ") + "The text after the run.\n"
		res := mustRender(t, md, Options{})
		l := res.Layout
		// What the headings need: each its line, its space above and below.
		hs := headingLook(level)
		per := hs.before + hs.size*1.25*ptmm + hs.after
		body := 297 - marginTop - marginBottom
		ideal := float64(n) * per / body
		if got := float64(len(l.Pages)); got > ideal*1.1+1 {
			t.Errorf("level %d: %d headings on %d pages; they need about %.0f", level, n, len(l.Pages), ideal)
		}
		if len(l.Headings) != n {
			t.Fatalf("level %d: %d headings laid out, want %d", level, len(l.Headings), n)
		}
		for i, h := range l.Headings {
			if want := fmt.Sprintf("H%d", i); h.Text != want {
				t.Fatalf("level %d: heading %d is %q, want %q", level, i, h.Text, want)
			}
		}
		if l.Overflow != 0 {
			t.Errorf("level %d: %d lines below the bottom margin", level, l.Overflow)
		}
		last := l.Headings[n-1].Page
		if p := pageOf(l, "The text after the run."); p != last {
			t.Errorf("level %d: the last heading is on page %d, the text after it on page %d", level, last, p)
		}
	}
}

// TestHeadingsKeptWithNext: wherever the page break falls, a heading, a
// short run of headings (## then ###, or five in a row) and a heading
// before a table are on the same page as the first line of what follows
// them: a page never ends with a heading.
func TestHeadingsKeptWithNext(t *testing.T) {
	para := strings.Repeat("Words of the section text. ", 12)
	for _, tc := range []struct {
		name, block, first string
		heads              []string
	}{
		{"one", "## Alpha\n\n" + para + "\n", "Words of", []string{"Alpha"}},
		{"two", "## Alpha\n\n### Beta\n\n" + para + "\n", "Words of", []string{"Alpha", "Beta"}},
		{"five", "## A1\n\n### A2\n\n## A3\n\n#### A4\n\n## A5\n\n" + para + "\n", "Words of", []string{"A1", "A2", "A3", "A4", "A5"}},
		{"table", "## Alpha\n\n| Name | Value |\n|:--|--:|\n| Astana | 1 |\n| Almaty | 2 |\n", "Astana", []string{"Alpha"}},
	} {
		pages := map[int]bool{}
		for k := 18; k <= 40; k++ { // the page break moves through the block

			md := "# Filler\n\n" + strings.Repeat("One line.\n\n", k) + tc.block
			l := mustRender(t, md, Options{}).Layout
			want := pageOf(l, tc.first)
			if want == 0 {
				t.Fatalf("%s, %d filler lines: %q not drawn", tc.name, k, tc.first)
			}
			pages[want] = true
			for _, h := range tc.heads {
				if p := pageOf(l, h); p != want {
					t.Errorf("%s, %d filler lines: heading %q on page %d, %q on page %d", tc.name, k, h, p, tc.first, want)
				}
			}
		}
		if !pages[1] || !pages[2] {
			t.Errorf("%s: the page break never fell inside the block (pages %v)", tc.name, pages)
		}
	}
}
