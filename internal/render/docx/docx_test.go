package docx

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"image/png"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/briefhq/brief/internal/chart"
	"github.com/briefhq/brief/internal/render/doc"
)

// sampleCharts are the charts testdata/pdf/sample.md shows.
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
			{Label: "2024-01", Value: 3.1, Text: "3.1%"}, {Label: "2024-02", Value: 2.4, Text: "2.4%"},
			{Label: "2024-03", Value: -0.8, Text: "−0.8%"}, {Label: "2024-04", Value: 1.9, Text: "1.9%"},
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

var created = time.Date(2025, 2, 10, 9, 30, 0, 0, time.UTC)

func render(t testing.TB, md []byte, o Options) (*Result, map[string][]byte) {
	t.Helper()
	res, err := Render(doc.Parse(md), o)
	if err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(res.DOCX), int64(len(res.DOCX)))
	if err != nil {
		t.Fatalf("not a zip: %v", err)
	}
	parts := map[string][]byte{}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		parts[f.Name] = b
		if strings.HasSuffix(f.Name, ".xml") || strings.HasSuffix(f.Name, ".rels") {
			if err := wellFormed(b); err != nil {
				t.Errorf("%s is not well-formed XML: %v", f.Name, err)
			}
		}
	}
	return res, parts
}

func wellFormed(b []byte) error {
	d := xml.NewDecoder(bytes.NewReader(b))
	for {
		if _, err := d.Token(); err == io.EOF {
			return nil
		} else if err != nil {
			return err
		}
	}
}

func count(b []byte, s string) int { return bytes.Count(b, []byte(s)) }

func TestSampleIsAWordDocument(t *testing.T) {
	md := sample(t)
	res, parts := render(t, md, Options{Title: "Weekly brief", Author: "Example Analytics", Creator: "brief test", Keywords: []string{"Trade", "Industry"}, CreatedAt: created, Charts: sampleCharts})
	if len(res.Warnings) != 0 {
		t.Errorf("warnings: %q", res.Warnings)
	}
	for _, p := range []string{"[Content_Types].xml", "_rels/.rels", "docProps/core.xml", "docProps/app.xml", "word/document.xml",
		"word/styles.xml", "word/numbering.xml", "word/settings.xml", "word/endnotes.xml", "word/footer1.xml", "word/_rels/document.xml.rels"} {
		if parts[p] == nil {
			t.Errorf("no part %s", p)
		}
	}
	body := parts["word/document.xml"]
	text := string(body)

	// The title block and Word's heading styles: "## Summary" is
	// Heading 1, "### Output by sector" Heading 2.
	if count(body, `<w:pStyle w:val="Title"/>`) != 1 || count(body, `<w:pStyle w:val="Subtitle"/>`) != 1 {
		t.Error("want one Title and one Subtitle paragraph")
	}
	if !regexp.MustCompile(`<w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t xml:space="preserve">Summary</w:t>`).MatchString(text) {
		t.Error(`"Summary" is not a Heading 1`)
	}
	if !regexp.MustCompile(`<w:pStyle w:val="Heading2"/></w:pPr><w:r><w:t xml:space="preserve">Output by sector</w:t>`).MatchString(text) {
		t.Error(`"Output by sector" is not a Heading 2`)
	}
	styles := string(parts["word/styles.xml"])
	for l, lvl := range []string{"1", "2", "3"} {
		want := `w:styleId="Heading` + lvl + `"><w:name w:val="heading ` + lvl + `"/>`
		if !strings.Contains(styles, want) || !strings.Contains(styles, `<w:outlineLvl w:val="`+string(rune('0'+l))+`"/>`) {
			t.Errorf("styles.xml lacks Word's built-in heading %s with its outline level", lvl)
		}
	}

	// Each source is one endnote, however often it is cited: the first
	// citation is the note, the others refer to it.
	notes := parts["word/endnotes.xml"]
	citations := strings.Count(string(md), "[^") - strings.Count(string(md), "\n[^")
	if n := count(notes, `<w:endnote w:id="`); n != 4 {
		t.Errorf("%d endnotes, want one for each of the 4 sources", n)
	}
	if n := count(body, "<w:endnoteReference "); n != 4 {
		t.Errorf("%d endnote references, want 4", n)
	}
	if n := count(body, " NOTEREF _RefNote"); n != citations-4 {
		t.Errorf("%d NOTEREF fields, want %d (the citations after each note's first)", n, citations-4)
	}
	for i := 1; i <= 4; i++ {
		if count(body, `w:name="_RefNote`+string(rune('0'+i))+`"`) != 1 {
			t.Errorf("note %d is not bookmarked once", i)
		}
	}
	if count(notes, "Bureau of National Statistics of Kazakhstan, ") != 2 || count(notes, "State Customs Committee of Uzbekistan") != 1 {
		t.Error("the sources' texts are not in endnotes.xml once each")
	}
	if !strings.Contains(string(parts["word/settings.xml"]), `<w:numFmt w:val="decimal"/>`) {
		t.Error("endnotes not numbered 1, 2, 3 (Word's default is i, ii, iii)")
	}

	// Tables: a header row that repeats on each page, bold.
	if n, h := count(body, "<w:tbl>"), count(body, "<w:tblHeader/>"); n != 3 || h != 3 {
		t.Errorf("%d tables, %d header rows marked to repeat; want 3 and 3", n, h)
	}
	// Lists are numbered paragraphs with numbering definitions.
	if count(body, "<w:numPr>") < 4 || !strings.Contains(string(parts["word/numbering.xml"]), `<w:numFmt w:val="bullet"/>`) {
		t.Error("lists are not Word lists")
	}
	// Bold labels are bold runs.
	if !strings.Contains(text, `<w:r><w:rPr><w:b/><w:bCs/></w:rPr><w:t xml:space="preserve">+12.6%</w:t></w:r>`) {
		t.Error("**+12.6%** is not a bold run")
	}
	// Charts are PNG pictures with their alt text.
	for _, alt := range []string{"Trade turnover with Russia by country, 2024", "Industrial output growth, Kazakhstan"} {
		if count(body, `descr="`+alt+`"`) != 2 {
			t.Errorf("no picture with alt text %q", alt)
		}
	}
	for _, name := range []string{"word/media/chart1.png", "word/media/chart2.png"} {
		img, err := png.Decode(bytes.NewReader(parts[name]))
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if w := img.Bounds().Dx(); w < 900 {
			t.Errorf("%s is %d pixels wide: too coarse for print", name, w)
		}
	}
	// Page numbers, A4, properties.
	footer := string(parts["word/footer1.xml"])
	if !strings.Contains(footer, " PAGE ") || !strings.Contains(footer, " NUMPAGES ") {
		t.Error("no page numbers in the footer")
	}
	if !strings.Contains(text, `<w:pgSz w:w="11906" w:h="16838"/>`) {
		t.Error("the page is not A4")
	}
	core := string(parts["docProps/core.xml"])
	for _, want := range []string{"<dc:title>Weekly brief</dc:title>", "<dc:creator>Example Analytics</dc:creator>",
		"<cp:keywords>Trade, Industry</cp:keywords>", ">2025-02-10T09:30:00Z</dcterms:created>", "<dc:language>en</dc:language>"} {
		if !strings.Contains(core, want) {
			t.Errorf("core.xml lacks %s", want)
		}
	}
	if !strings.Contains(string(parts["docProps/app.xml"]), "<Application>brief test</Application>") {
		t.Error("app.xml does not name the application")
	}
	// A link is a hyperlink to its URL.
	if !strings.Contains(string(parts["word/_rels/document.xml.rels"]), `Target="https://example.org/customs" TargetMode="External"`) {
		t.Error("the link to https://example.org/customs is not a hyperlink")
	}
}

func TestLetterPaper(t *testing.T) {
	_, parts := render(t, sample(t), Options{Paper: "letter", Charts: sampleCharts})
	if !strings.Contains(string(parts["word/document.xml"]), `<w:pgSz w:w="12240" w:h="15840"/>`) {
		t.Error("the page is not letter")
	}
	if _, err := Render(doc.Parse(nil), Options{Paper: "a5"}); err == nil || !strings.Contains(err.Error(), "use a4 or letter") {
		t.Errorf("paper a5: %v", err)
	}
}

func TestSameBytes(t *testing.T) {
	md := sample(t)
	o := Options{CreatedAt: created, Charts: sampleCharts}
	a, _ := render(t, md, o)
	b, _ := render(t, md, o)
	if !bytes.Equal(a.DOCX, b.DOCX) {
		t.Error("two renders differ")
	}
	zr, _ := zip.NewReader(bytes.NewReader(a.DOCX), int64(len(a.DOCX)))
	var names []string
	for _, f := range zr.File {
		names = append(names, f.Name)
		if !f.Modified.Equal(time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC)) {
			t.Errorf("%s dated %s", f.Name, f.Modified)
		}
	}
	if names[0] != "[Content_Types].xml" || !isSorted(names) {
		t.Errorf("parts not in order: %q", names)
	}
}

func isSorted(s []string) bool {
	for i := 1; i < len(s); i++ {
		if s[i-1] > s[i] {
			return false
		}
	}
	return true
}

// Data text is untrusted: markup in it stays text, characters XML cannot
// hold never break the file, and only http(s) and mailto links are kept.
func TestHostileText(t *testing.T) {
	md := "# Brief &lt;b&gt;\n\n## A\n\n" +
		"Name &lt;/w:t&gt;&lt;w:r&gt; &amp; \"quotes\" 'single' \x01 control and \uFFFE non-character.[^1]\n\n" +
		"[click](javascript:alert(1)) and [ok](https://example.org/?a=1&b=2)\n\n" +
		"| A&lt;b | B |\n|--|--|\n| x&lt;/w:tc&gt; | y |\n\n" +
		"![unknown picture](https://example.org/tracker.png)\n\n" +
		"[^1]: A source &lt;w:p&gt;.\n"
	res, parts := render(t, []byte(md), Options{Title: "T <&>"})
	body := string(parts["word/document.xml"])
	if !strings.Contains(body, "Name &lt;/w:t&gt;&lt;w:r&gt; &amp; &#34;quotes&#34; &#39;single&#39;") {
		t.Errorf("data text not escaped as text: %s", body)
	}
	if strings.Contains(body, "javascript") || strings.Contains(string(parts["word/_rels/document.xml.rels"]), "javascript") {
		t.Error("a javascript: link was kept")
	}
	if !strings.Contains(string(parts["word/_rels/document.xml.rels"]), `Target="https://example.org/?a=1&amp;b=2"`) {
		t.Error("the https link is not kept, escaped")
	}
	if strings.Contains(body, "tracker.png") || len(parts) != len(mediaFree(parts)) {
		t.Error("an outside image was fetched or linked")
	}
	if !strings.Contains(body, "[unknown picture]") || len(res.Warnings) != 1 || !strings.Contains(res.Warnings[0], "tracker.png") {
		t.Errorf("an unknown image should be its alt text, with one warning: %q", res.Warnings)
	}
	if !strings.Contains(string(parts["word/endnotes.xml"]), "A source &lt;w:p&gt;.") {
		t.Error("note text not escaped")
	}
	if !strings.Contains(string(parts["docProps/core.xml"]), "<dc:title>T &lt;&amp;&gt;</dc:title>") {
		t.Error("title not escaped in core.xml")
	}
}

func mediaFree(parts map[string][]byte) map[string][]byte {
	out := map[string][]byte{}
	for k, v := range parts {
		if !strings.HasPrefix(k, "word/media/") {
			out[k] = v
		}
	}
	return out
}

// Numbered lists start at their own first number; nested lists go one
// level in.
func TestLists(t *testing.T) {
	md := "# T\n\n1. one\n2. two\n   - inner\n\n---\n\n3. three\n4. four\n"
	_, parts := render(t, []byte(md), Options{})
	num := string(parts["word/numbering.xml"])
	if !strings.Contains(num, `<w:startOverride w:val="1"/>`) || !strings.Contains(num, `<w:startOverride w:val="3"/>`) {
		t.Errorf("the two numbered lists do not start at 1 and 3: %s", num)
	}
	if !strings.Contains(string(parts["word/document.xml"]), `<w:ilvl w:val="1"/>`) {
		t.Error("the nested item is not one level in")
	}
}

// The key messages are one box of shaded paragraphs, captions are in
// Word's Caption style, a table's kept with its table.
func TestKeyMessagesAndCaptions(t *testing.T) {
	md := "# T\n\n> **Key messages**\n>\n> - first point[^1]\n> - second point\n\n## A\n\n" +
		"![Trade turnover with Russia, 2024](chart-trade_turnover-bar.svg)\n\n*Figure 1. Trade turnover, 2024.*\n\n" +
		"*Table 1. The figures.*\n\n| A | B |\n|--|--|\n| x | 1 |\n\n> An ordinary quote.\n\n[^1]: Source.\n"
	_, parts := render(t, []byte(md), Options{Charts: sampleCharts})
	body := string(parts["word/document.xml"])
	if n := strings.Count(body, `<w:shd w:val="clear" w:color="auto" w:fill="EEF3FA"/>`); n != 3 {
		t.Errorf("%d shaded paragraphs, want 3 (the label and two points)", n)
	}
	if !strings.Contains(body, `<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr><w:pBdr>`) {
		t.Error("a key message is not a list item in the box (numbering, then border, in the schema's order)")
	}
	if !strings.Contains(body, `<w:pStyle w:val="Caption"/><w:keepNext/></w:pPr><w:r><w:rPr><w:i/><w:iCs/></w:rPr><w:t xml:space="preserve">Table 1. The figures.</w:t>`) {
		t.Error("the table's caption is not a Caption kept with its table")
	}
	if !strings.Contains(body, `<w:pStyle w:val="Caption"/></w:pPr><w:r><w:rPr><w:i/><w:iCs/></w:rPr><w:t xml:space="preserve">Figure 1. Trade turnover, 2024.</w:t>`) {
		t.Error("the figure's caption is not a Caption")
	}
	if !strings.Contains(body, `<w:pStyle w:val="Quote"/></w:pPr><w:r><w:t xml:space="preserve">An ordinary quote.</w:t>`) {
		t.Error("an ordinary quote is not in the Quote style")
	}
	if !strings.Contains(string(parts["word/styles.xml"]), `w:styleId="Caption"><w:name w:val="caption"/>`) {
		t.Error("no built-in caption style")
	}
}
