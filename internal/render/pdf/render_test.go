package pdf

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"unicode/utf16"

	"github.com/briefhq/brief/internal/chart"
)

// TestLayoutGolden pins the structure of each fixture's PDF: pages, the
// text lines on each, headings and their pages, links, outline, charts.
// Review changes to testdata/pdf/*.layout.json like code; regenerate with
// go test ./internal/render/pdf/ -update.
func TestLayoutGolden(t *testing.T) {
	for _, fx := range fixtures {
		t.Run(fx.name, func(t *testing.T) {
			res := fx.render(t)
			got, err := json.MarshalIndent(res.Layout, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, '\n')
			path := filepath.Join("..", "..", "..", "testdata", "pdf", fx.name+".layout.json")
			if *update {
				if err := os.WriteFile(path, got, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test ./internal/render/pdf/ -update)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("layout of %s differs from %s; run with -update if the change is intended\n%s", fx.name, path, firstDiff(string(want), string(got)))
			}
		})
	}
}

func firstDiff(a, b string) string {
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := 0; i < len(al) && i < len(bl); i++ {
		if al[i] != bl[i] {
			return "line " + strconv.Itoa(i+1) + ":\n- " + al[i] + "\n+ " + bl[i]
		}
	}
	return "lengths differ"
}

// mdNumbers lists the numbers a reader sees in the Markdown: not footnote
// labels, image file names or URLs.
func mdNumbers(md string) []string {
	for _, re := range []string{`\[\^[^\]]*\]`, `\]\([^)]*\)`, `<https?://[^>]*>`, `https?://\S+`} {
		md = regexp.MustCompile(re).ReplaceAllString(md, " ")
	}
	return regexp.MustCompile(`[0-9]+(?:[.,][0-9]+)*`).FindAllString(md, -1)
}

func TestLayoutHasEveryNumberHeadingAndLink(t *testing.T) {
	for _, fx := range fixtures {
		t.Run(fx.name, func(t *testing.T) {
			md := string(fx.md(t))
			res := fx.render(t)
			var all strings.Builder
			for _, p := range res.Layout.Pages {
				for _, l := range p.Lines {
					all.WriteString(l + "\n")
				}
			}
			text := all.String()
			nums := mdNumbers(md)
			if len(nums) < 10 {
				t.Fatalf("fixture has only %d numbers", len(nums))
			}
			for _, n := range nums {
				if !strings.Contains(text, n) {
					t.Errorf("number %s of the Markdown is on no page", n)
				}
			}
			var h2 []string
			for _, m := range regexp.MustCompile(`(?m)^## (.+)$`).FindAllStringSubmatch(md, -1) {
				h2 = append(h2, m[1])
			}
			var outline []string
			for _, o := range res.Layout.Outline {
				if o.Level == 0 {
					outline = append(outline, o.Text)
				}
			}
			if strings.Join(outline, "|") != strings.Join(h2, "|") {
				t.Errorf("outline top level = %q, want the H2 sections %q", outline, h2)
			}
			urls := map[string]bool{}
			for _, l := range res.Layout.Links {
				urls[l.URL] = true
			}
			for _, u := range regexp.MustCompile(`https?://[^\s<>)]+`).FindAllString(md, -1) {
				if !urls[u] {
					t.Errorf("link %s is not clickable", u)
				}
			}
			if res.Layout.Headings[0].Level != 1 || res.Layout.Headings[0].Page != 1 {
				t.Errorf("title heading = %+v, want level 1 on page 1", res.Layout.Headings[0])
			}
			if len(res.Warnings) != 0 {
				t.Errorf("warnings: %q", res.Warnings)
			}
		})
	}
}

func TestSampleStructure(t *testing.T) {
	res := fixtures[0].render(t)
	l := res.Layout
	if len(l.Pages) < 2 {
		t.Fatalf("sample brief has %d pages; its long table should run onto a second page", len(l.Pages))
	}
	// The long table's header is repeated on the page it continues on.
	var headerPages []int
	for _, p := range l.Pages {
		for _, line := range p.Lines {
			if strings.HasPrefix(line, "Indicator | For | Period") {
				headerPages = append(headerPages, p.N)
			}
		}
	}
	if len(headerPages) < 2 {
		t.Errorf("the long table's header is on pages %v; want it repeated after the page break", headerPages)
	}
	if len(l.Charts) != 2 {
		t.Errorf("charts = %+v, want a bar and a line chart", l.Charts)
	}
	notes := 0
	for _, lk := range l.Links {
		if strings.HasPrefix(lk.URL, "#source-") {
			notes++
		}
	}
	if notes < 4 {
		t.Errorf("%d footnote markers link to their source, want every marker", notes)
	}
	// No heading ends a page: something follows it on the same page.
	for _, h := range l.Headings {
		p := l.Pages[h.Page-1]
		if last := p.Lines[len(p.Lines)-1]; last == h.Text {
			t.Errorf("heading %q is the last line of page %d", h.Text, h.Page)
		}
	}
}

func TestReproducibleBytes(t *testing.T) {
	for _, fx := range fixtures {
		a, b := fx.render(t), fx.render(t)
		if !bytes.Equal(a.PDF, b.PDF) {
			t.Errorf("%s: two renders of the same input differ", fx.name)
		}
		if !bytes.Contains(a.PDF, []byte("/CreationDate (D:20261126093000")) {
			t.Errorf("%s: CreationDate is not the injected clock", fx.name)
		}
	}
}

// TestParallelRender runs renders concurrently (go test -race catches
// shared state) and checks each equals a sequential render.
func TestParallelRender(t *testing.T) {
	want := map[string][]byte{}
	for _, fx := range fixtures {
		want[fx.name] = fx.render(t).PDF
	}
	var wg sync.WaitGroup
	errs := make(chan string, 16)
	for i := range 8 {
		fx := fixtures[i%len(fixtures)]
		md := fx.md(t)
		wg.Add(1)
		go func() {
			defer wg.Done()
			res, err := Render(md, fx.opts())
			if err != nil {
				errs <- err.Error()
				return
			}
			if !bytes.Equal(res.PDF, want[fx.name]) {
				errs <- fx.name + ": parallel render differs from a sequential one"
			}
		}()
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}

// pageText decodes the text fpdf writes, "(UTF-16BE) Tj", from an
// uncompressed PDF.
func pageText(pdf []byte) string {
	var b strings.Builder
	re := regexp.MustCompile(`(?s)Td \((.*?)\) Tj ET`)
	for _, m := range re.FindAllSubmatch(pdf, -1) {
		raw := m[1]
		var bs []byte
		for i := 0; i < len(raw); i++ {
			if raw[i] == '\\' && i+1 < len(raw) {
				i++
				switch raw[i] {
				case 'r':
					bs = append(bs, '\r')
				default:
					bs = append(bs, raw[i])
				}
				continue
			}
			bs = append(bs, raw[i])
		}
		u := make([]uint16, len(bs)/2)
		for i := range u {
			u[i] = uint16(bs[2*i])<<8 | uint16(bs[2*i+1])
		}
		b.WriteString(string(utf16.Decode(u)))
		b.WriteByte('\n')
	}
	return b.String()
}

const kazakh = "Қазақстан Республикасы: Әлем, Ғылым, Қала, Ңғ, Өнер, Ұлт, Үкімет, Һ, Іле."

func TestCyrillicSurvives(t *testing.T) {
	fx := fixtures[1]
	o := fx.opts()
	o.uncompressed = true
	res, err := Render(fx.md(t), o)
	if err != nil {
		t.Fatal(err)
	}
	text := pageText(res.PDF)
	for _, want := range []string{"Еженедельный обзор", kazakh, "₸497,5", "₽98,2", "Өзбекстан"} {
		if !strings.Contains(text, want) {
			t.Errorf("PDF text lacks %q", want)
		}
	}
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext not installed (apt-get install poppler-utils): outside check skipped")
	}
	path := filepath.Join(t.TempDir(), "c.pdf")
	if err := os.WriteFile(path, fx.render(t).PDF, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdftotext", "-enc", "UTF-8", path, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"Еженедельный обзор", kazakh, "₸497,5", "₽98,2"} {
		if !strings.Contains(string(out), want) {
			t.Errorf("pdftotext output lacks %q:\n%s", want, out)
		}
	}
}

func TestMissingGlyphsWarnNeverFail(t *testing.T) {
	md := "# Brief 🚀\n\nGrowth 📈 of 5% ✓ in 中国 with a\u200d joiner and \U0001F1F0\U0001F1FF flag.\n\n| A | B |\n|--|--|\n| 😀 | 1 |\n"
	res, err := Render([]byte(md), Options{CreatedAt: created, Charts: map[string]chart.Chart{}})
	if err != nil {
		t.Fatal(err)
	}
	ws := strings.Join(res.Warnings, "\n")
	for _, want := range []string{"U+1F680", "U+1F4C8", "U+4E2D", "U+1F600"} {
		if !strings.Contains(ws, want) {
			t.Errorf("no warning for %s in %q", want, res.Warnings)
		}
	}
	if strings.Contains(ws, "U+200D") {
		t.Errorf("an invisible joiner should be dropped silently: %q", res.Warnings)
	}
	text := pageText(mustRender(t, md, Options{uncompressed: true}).PDF)
	if !strings.Contains(text, "Growth of 5% ✓") {
		t.Errorf("text around the emoji lost: %q", text)
	}
}

func mustRender(t *testing.T, md string, o Options) *Result {
	t.Helper()
	o.CreatedAt = created
	res, err := Render([]byte(md), o)
	if err != nil {
		t.Fatal(err)
	}
	return res
}

func TestPaper(t *testing.T) {
	tests := []struct {
		paper    string
		mediaBox string
		err      bool
	}{
		{"", "/MediaBox [0 0 595.28 841.89]", false},
		{"A4", "/MediaBox [0 0 595.28 841.89]", false},
		{"letter", "/MediaBox [0 0 612.00 792.00]", false},
		{"legal", "", true},
	}
	for _, tt := range tests {
		res, err := Render([]byte("# T\n\ntext\n"), Options{Paper: tt.paper, CreatedAt: created, uncompressed: true})
		if tt.err {
			if err == nil || !strings.Contains(err.Error(), "a4 or letter") {
				t.Errorf("paper %q: err = %v, want advice", tt.paper, err)
			}
			continue
		}
		if err != nil {
			t.Fatalf("paper %q: %v", tt.paper, err)
		}
		if !bytes.Contains(res.PDF, []byte(tt.mediaBox)) {
			t.Errorf("paper %q: no %s", tt.paper, tt.mediaBox)
		}
	}
}

func TestImagesAndLinks(t *testing.T) {
	md := "# T\n\n![A photo](photo.png)\n\nSee [x](javascript:alert(1)) and [site](https://example.org/a) and <mailto:a@example.org>.\n"
	res := mustRender(t, md, Options{})
	if len(res.Warnings) != 1 || !strings.Contains(res.Warnings[0], `"photo.png"`) {
		t.Errorf("warnings = %q, want one about photo.png", res.Warnings)
	}
	var urls []string
	for _, l := range res.Layout.Links {
		urls = append(urls, l.URL)
	}
	if got := strings.Join(urls, " "); got != "https://example.org/a mailto:a@example.org" {
		t.Errorf("links = %s", got)
	}
	lines := res.Layout.Pages[0].Lines
	if !strings.Contains(strings.Join(lines, "\n"), "[A photo]") {
		t.Errorf("alt text not shown: %q", lines)
	}
}

func TestMetadata(t *testing.T) {
	fx := fixtures[0]
	res := fx.render(t)
	if _, err := exec.LookPath("pdfinfo"); err != nil {
		t.Skip("pdfinfo not installed")
	}
	path := filepath.Join(t.TempDir(), "s.pdf")
	if err := os.WriteFile(path, res.PDF, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdfinfo", path).Output()
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"Title:           Weekly brief: Russia and Central Asia",
		"Subject:         Weekly brief, week 6 of 2025",
		"Keywords:        trade, Central Asia",
		"Author:          Example Analytics",
		"Creator:         brief test",
	} {
		if !strings.Contains(string(out), want) {
			t.Errorf("pdfinfo lacks %q:\n%s", want, out)
		}
	}
}

func BenchmarkRender(b *testing.B) {
	fx := fixtures[0]
	md, o := fx.md(b), fx.opts()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Render(md, o); err != nil {
			b.Fatal(err)
		}
	}
}

// TestRowTallerThanAPage: a table cell longer than a page (a dataset's
// very long name) is split between lines across pages under a repeated
// header: every word is drawn, in order, and nothing below the bottom
// margin; the fixtures draw nothing there either.
func TestRowTallerThanAPage(t *testing.T) {
	for _, fx := range fixtures {
		if o := fx.render(t).Layout.Overflow; o != 0 {
			t.Errorf("%s: %d lines drawn below the bottom margin", fx.name, o)
		}
	}
	var words []string
	for i := 1; i <= 2500; i++ {
		words = append(words, fmt.Sprintf("w%04d", i))
	}
	md := "# Long\n\nA paragraph before the table.\n\n| Indicator | Entity | Value |\n|:--|:--|--:|\n" +
		"| Short | Astana | 1 |\n| " + strings.Join(words, " ") + " | Semey | 341 |\n| After | Almaty | 3 |\n"
	res, err := Render([]byte(md), Options{CreatedAt: created})
	if err != nil {
		t.Fatal(err)
	}
	l := res.Layout
	if l.Overflow != 0 {
		t.Errorf("%d lines drawn below the bottom margin", l.Overflow)
	}
	var got []string
	headers := 0
	for _, p := range l.Pages {
		for _, line := range p.Lines {
			if strings.HasPrefix(line, "Indicator | Entity | Value") {
				headers++
			}
			for _, f := range strings.Fields(line) {
				if len(f) == 5 && f[0] == 'w' {
					got = append(got, f)
				}
			}
		}
	}
	if strings.Join(got, " ") != strings.Join(words, " ") {
		t.Errorf("the long cell's words are not all drawn in order: %d of %d", len(got), len(words))
	}
	if len(l.Pages) < 3 || headers < len(l.Pages) {
		t.Errorf("%d pages, header drawn %d times; want the row over several pages, a header on each", len(l.Pages), headers)
	}
}

// TestNoWidowsOrOrphans: wherever a page break falls in a paragraph, at
// least two of its lines are on each side: the first line is never alone
// at the foot of a page, nor the last alone at the top of the next.
func TestNoWidowsOrOrphans(t *testing.T) {
	var words []string
	for i := 1; i <= 120; i++ {
		words = append(words, fmt.Sprintf("p%03d", i))
	}
	para := strings.Join(words, " ")
	for k := 0; k < 70; k++ {
		md := "# Filler\n\n" + strings.Repeat("One line.\n\n", k) + para + "\n"
		res, err := Render([]byte(md), Options{CreatedAt: created})
		if err != nil {
			t.Fatal(err)
		}
		perPage := map[int]int{} // page -> lines of the paragraph on it
		for _, p := range res.Layout.Pages {
			for _, line := range p.Lines {
				if strings.HasPrefix(line, "p") && strings.Contains(line, " p") {
					perPage[p.N]++
				}
			}
		}
		if len(perPage) < 2 {
			continue
		}
		for page, n := range perPage {
			if n < 2 {
				t.Errorf("%d filler lines: page %d holds %d line of the paragraph (%v)", k, page, n, perPage)
			}
		}
	}
}
