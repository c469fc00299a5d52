// Package docx prints a parsed brief (package doc) as a Word document
// (Office Open XML, .docx) an editor can work in: Word's own heading
// styles (the navigation pane and a table of contents use them), tables
// whose header row repeats on each page, real bulleted and numbered
// lists, each source once as an endnote that every later citation refers
// to (a NOTEREF field, as Word's cross-reference to a note writes it),
// charts as pictures with alt text, page numbers in the footer, document
// properties, A4 or letter.
//
// No maintained, permissively licensed Go library writes footnotes or
// endnotes (see the README's dependency notes), so this is a small writer
// of its own on encoding/xml and archive/zip. Same input, same bytes: the
// zip's entries are sorted, dated 1980-01-01, and nothing depends on the
// clock but the document's dates, which come from Options.CreatedAt.
package docx

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"path"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/briefhq/brief/internal/chart"
	"github.com/briefhq/brief/internal/format"
	"github.com/briefhq/brief/internal/render/doc"
)

// Options describe the document around the brief.
type Options struct {
	// Title, Subject, Author, Creator and Keywords are the document's
	// properties (plain text); Title "" takes the brief's own title.
	Title, Subject, Author, Creator string
	Keywords                        []string
	Lang                            string    // language of the text, e.g. "en" or "en-GB" ("en" when empty)
	Paper                           string    // "a4" (default) or "letter"
	CreatedAt                       time.Time // created and modified dates: inject the clock
	// Charts by the file name of the Markdown image that stands for them
	// (chart.Chart.File); those images become pictures of the charts.
	Charts map[string]chart.Chart
}

// Result is the document and what could not be shown.
type Result struct {
	DOCX     []byte
	Warnings []string
}

// Page geometry in twentieths of a point (twips), as the PDF has it:
// 22 mm margins.
const (
	margin      = 1247
	footerSpace = 624 // footer's distance from the page's edge (11 mm)
	emuPerTwip  = 635
)

type paperSize struct{ w, h int }

var papers = map[string]paperSize{"a4": {11906, 16838}, "letter": {12240, 15840}}

// Render prints d as a Word document. d is not changed.
func Render(d *doc.Document, o Options) (res *Result, err error) {
	paper := strings.ToLower(strings.TrimSpace(o.Paper))
	if paper == "" {
		paper = "a4"
	}
	size, ok := papers[paper]
	if !ok {
		return nil, fmt.Errorf("docx: unknown paper %q: use a4 or letter", o.Paper)
	}
	w := &writer{
		opts:      o,
		textWidth: size.w - 2*margin,
		docRels:   newRels(),
		noteRels:  newRels(),
		noteIDs:   map[int]int{},
		noteBody:  map[int][]doc.Block{},
		warned:    map[string]bool{},
	}
	for _, s := range d.Warnings {
		w.warn(s)
	}
	w.collect(d.Blocks)
	w.shift = headingShift(d.Blocks)
	title := format.PlainText(o.Title)
	if title == "" {
		title = doc.TitleOf(d.Blocks)
	}

	body := &w.body
	w.out = body
	w.blocks(d.Blocks, 0)
	if err := w.err; err != nil {
		return nil, err
	}

	files := map[string][]byte{}
	files["word/document.xml"] = w.document(size)
	files["word/styles.xml"] = w.styles()
	files["word/numbering.xml"] = w.numbering()
	files["word/settings.xml"] = []byte(settingsXML)
	files["word/endnotes.xml"] = w.endnotes()
	files["word/footer1.xml"] = []byte(footerXML)
	files["word/fontTable.xml"] = []byte(fontTableXML)
	if w.err != nil {
		return nil, w.err
	}
	for _, m := range w.media {
		files["word/media/"+m.name] = m.data
	}
	files["word/_rels/document.xml.rels"] = w.docRels.xml([]rel{
		{id: "rIdStyles", typ: relStyles, target: "styles.xml"},
		{id: "rIdNumbering", typ: relNumbering, target: "numbering.xml"},
		{id: "rIdSettings", typ: relSettings, target: "settings.xml"},
		{id: "rIdEndnotes", typ: relEndnotes, target: "endnotes.xml"},
		{id: "rIdFooter", typ: relFooter, target: "footer1.xml"},
		{id: "rIdFonts", typ: relFontTable, target: "fontTable.xml"},
	})
	if len(w.noteRels.list) > 0 {
		files["word/_rels/endnotes.xml.rels"] = w.noteRels.xml(nil)
	}
	files["_rels/.rels"] = []byte(packageRels)
	files["docProps/core.xml"] = coreXML(title, o, w.lang())
	files["docProps/app.xml"] = appXML(o)
	files["[Content_Types].xml"] = contentTypes(files)
	out, err := pack(files)
	if err != nil {
		return nil, err
	}
	return &Result{DOCX: out, Warnings: w.warnings}, nil
}

// pack zips the parts in name order, each dated 1980-01-01.
func pack(files map[string][]byte) ([]byte, error) {
	names := make([]string, 0, len(files))
	for n := range files {
		names = append(names, n)
	}
	sort.Strings(names)
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	epoch := time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC)
	for _, n := range names {
		method := zip.Deflate
		if strings.HasSuffix(n, ".png") {
			method = zip.Store // compressed already
		}
		f, err := zw.CreateHeader(&zip.FileHeader{Name: n, Method: method, Modified: epoch})
		if err != nil {
			return nil, fmt.Errorf("docx: %w", err)
		}
		if _, err := f.Write(files[n]); err != nil {
			return nil, fmt.Errorf("docx: %w", err)
		}
	}
	if err := zw.Close(); err != nil {
		return nil, fmt.Errorf("docx: %w", err)
	}
	return buf.Bytes(), nil
}

type media struct {
	name string
	data []byte
}

type writer struct {
	opts      Options
	textWidth int // twips
	body      bytes.Buffer
	notesXML  bytes.Buffer
	out       *bytes.Buffer // the part being written
	inNote    bool
	box       bool // in the key-messages box
	docRels   *rels
	noteRels  *rels
	shift     int                 // Markdown heading level less Word's
	noteBody  map[int][]doc.Block // footnote N's text
	noteIDs   map[int]int         // footnote N's endnote id, from its first citation
	noteOrder []int               // footnote numbers by endnote id - 1
	nums      []numDef            // numbering instances, by numId - 1
	bulletNum int                 // numId of the bullets, 0 until a bulleted list
	media     []media
	bookmarks int
	pictures  int
	err       error
	warnings  []string
	warned    map[string]bool
}

type numDef struct {
	abstract int // 0 bullets, 1 decimal
	level    int
	start    int // 0: no override
}

func (w *writer) warn(s string) {
	if !w.warned[s] {
		w.warned[s] = true
		w.warnings = append(w.warnings, s)
	}
}

func (w *writer) s(s string) { w.out.WriteString(s) }

// esc writes s escaped as XML text (encoding/xml: characters XML cannot
// hold become U+FFFD).
func (w *writer) esc(s string) { escapeTo(w.out, s) }

func escapeTo(b *bytes.Buffer, s string) {
	if isPlainXML(s) {
		b.WriteString(s)
		return
	}
	_ = xml.EscapeText(b, []byte(s)) // a bytes.Buffer does not fail
}

func isPlainXML(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < 0x20 || c >= 0x7F || c == '&' || c == '<' || c == '>' || c == '"' || c == '\'' {
			return false
		}
	}
	return true
}

// lang is the document's language tag.
func (w *writer) lang() string {
	l := strings.TrimSpace(w.opts.Lang)
	if l == "" || len(l) > 35 {
		return "en"
	}
	for _, r := range l {
		if r > unicode.MaxASCII || !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '-' {
			return "en"
		}
	}
	return l
}

// collect finds the footnotes' texts before the body is written: a note
// becomes an endnote at its first citation.
func (w *writer) collect(bs []doc.Block) {
	for _, b := range bs {
		switch b := b.(type) {
		case doc.Notes:
			for _, n := range b.Items {
				w.noteBody[n.N] = n.Blocks
			}
		case doc.List:
			for _, it := range b.Items {
				w.collect(it)
			}
		case doc.Quote:
			w.collect(b.Blocks)
		}
	}
}

// headingShift is how many levels the Markdown's headings go up in Word:
// the title has Word's Title style, so the highest heading after it is
// Heading 1 (a brief's "## Summary" is Heading 1, "### Developments"
// Heading 2).
func headingShift(bs []doc.Block) int {
	top := 0
	for _, b := range bs {
		if h, ok := b.(doc.Heading); ok && (top == 0 || h.Level < top) {
			top = h.Level
		}
	}
	if top <= 1 {
		return 0
	}
	return top - 1
}

// blocks writes blocks at list depth depth (0 outside lists). A caption
// (doc.CaptionOf) is in Word's Caption style, kept on the page of the
// table it precedes or of the figure it follows.
func (w *writer) blocks(bs []doc.Block, depth int) {
	for i, b := range bs {
		if k := doc.CaptionOf(b); k != doc.NoCaption {
			ppr := ""
			if _, table := next(bs, i).(doc.Table); k == doc.TableCaption && table {
				ppr = "<w:keepNext/>"
			}
			w.para("Caption", ppr, func() { w.spans(b.(doc.Paragraph).Spans, 0) })
			continue
		}
		w.block(b, depth)
	}
}

func next(bs []doc.Block, i int) doc.Block {
	if i+1 < len(bs) {
		return bs[i+1]
	}
	return nil
}

func (w *writer) block(b doc.Block, depth int) {
	switch b := b.(type) {
	case doc.Title:
		w.para("Title", "", func() { w.spans(b.Title, runHeading) })
		if len(b.Subtitle) > 0 {
			w.para("Subtitle", "", func() { w.spans(b.Subtitle, 0) })
		}
	case doc.Heading:
		lv := min(max(b.Level-w.shift, 1), 9)
		w.para("Heading"+strconv.Itoa(lv), "", func() { w.spans(b.Spans, runHeading) })
	case doc.Paragraph:
		style, ppr := "", ""
		if depth > 0 {
			style, ppr = "ListParagraph", indent(depth)
		}
		w.para(style, ppr, func() { w.spans(b.Spans, 0) })
	case doc.List:
		w.list(b, depth)
	case doc.Table:
		w.table(b)
	case doc.Image:
		w.image(b)
	case doc.Quote:
		if doc.IsKeyMessages(b) {
			// The key messages: paragraphs on a tinted ground with a rule
			// on the left, which Word joins into one box; the label bold.
			w.box = true
			w.para("", "", func() { w.spans(b.Blocks[0].(doc.Paragraph).Spans, 0) })
			w.blocks(b.Blocks[1:], depth)
			w.box = false
			return
		}
		for _, q := range b.Blocks {
			if p, ok := q.(doc.Paragraph); ok {
				w.para("Quote", "", func() { w.spans(p.Spans, 0) })
			} else {
				w.block(q, depth)
			}
		}
	case doc.Code:
		for _, l := range b.Lines {
			w.para("Code", "", func() { w.run(l, runMono, "") })
		}
	case doc.Rule:
		w.para("", `<w:pBdr><w:bottom w:val="single" w:sz="6" w:space="1" w:color="C9D0D9"/></w:pBdr>`, nil)
	case doc.Notes:
		// Cited notes are endnotes (endnotes.xml); one never cited has no
		// place to hang from and is printed here, with its number.
		for _, n := range b.Items {
			if _, cited := w.noteIDs[n.N]; cited {
				continue
			}
			for i, nb := range n.Blocks {
				if p, ok := nb.(doc.Paragraph); ok && i == 0 {
					w.para("EndnoteText", "", func() {
						w.run(strconv.Itoa(n.N)+". ", 0, "")
						w.spans(p.Spans, 0)
					})
				} else {
					w.block(nb, depth)
				}
			}
		}
	}
}

func indent(depth int) string {
	return `<w:ind w:left="` + strconv.Itoa(listIndent*depth) + `"/>`
}

// para writes a paragraph of style style (Normal when "") with more
// paragraph properties ppr, its runs written by runs.
func (w *writer) para(style, ppr string, runs func()) {
	if w.box {
		// The box's border and shading go after the numbering and before
		// spacing and indentation, in the schema's order.
		const box = `<w:pBdr><w:left w:val="single" w:sz="24" w:space="8" w:color="2F6DB5"/></w:pBdr><w:shd w:val="clear" w:color="auto" w:fill="EEF3FA"/>`
		if strings.HasPrefix(ppr, "<w:numPr>") {
			end := strings.Index(ppr, "</w:numPr>") + len("</w:numPr>")
			ppr = ppr[:end] + box + ppr[end:]
		} else if strings.HasPrefix(ppr, "<w:keepNext/>") {
			ppr = "<w:keepNext/>" + box + ppr[len("<w:keepNext/>"):]
		} else {
			// Word joins the borders of paragraphs that start at one
			// place: a list item's starts at its marker, listIndent less
			// listHanging in, so the box's other paragraphs start there.
			ppr = box + ppr
			if !strings.Contains(ppr, "<w:ind ") {
				ind := `<w:ind w:left="` + strconv.Itoa(listIndent-listHanging) + `"/>`
				if j := strings.Index(ppr, "<w:jc "); j >= 0 {
					ppr = ppr[:j] + ind + ppr[j:]
				} else {
					ppr += ind
				}
			}
		}
	}
	w.s("<w:p>")
	if style != "" || ppr != "" {
		w.s("<w:pPr>")
		if style != "" {
			w.s(`<w:pStyle w:val="` + style + `"/>`)
		}
		w.s(ppr)
		w.s("</w:pPr>")
	}
	if runs != nil {
		runs()
	}
	w.s("</w:p>\n")
}

// Run looks beyond a span's own style.
const (
	runHeading = 1 << iota // bold is the paragraph style's own
	runBold                // bold whatever the span (a table's header row)
	runItalic
	runMono
)

// spans writes inline text: styles as direct bold and italic, code in
// the Code character style, links as hyperlinks, note citations as
// endnote references.
func (w *writer) spans(sp []doc.Span, look int) {
	for i := 0; i < len(sp); i++ {
		s := sp[i]
		if s.Note != 0 {
			w.cite(s)
			continue
		}
		if s.Link != "" {
			// One hyperlink for the spans of one link in a row.
			j := i
			for j+1 < len(sp) && sp[j+1].Link == s.Link && sp[j+1].Note == 0 {
				j++
			}
			rels := w.docRels
			if w.inNote {
				rels = w.noteRels
			}
			w.s(`<w:hyperlink r:id="` + rels.link(s.Link) + `" w:history="1">`)
			for _, t := range sp[i : j+1] {
				w.spanRun(t, look, "Hyperlink")
			}
			w.s("</w:hyperlink>")
			i = j
			continue
		}
		w.spanRun(s, look, "")
	}
}

func (w *writer) spanRun(s doc.Span, look int, rstyle string) {
	l := look
	switch s.Style {
	case doc.Bold:
		l |= runBold
	case doc.Italic:
		l |= runItalic
	case doc.BoldItalic:
		l |= runBold | runItalic
	case doc.Mono:
		l |= runMono
	}
	text := s.Text
	if s.Style != doc.Mono {
		text = format.Minus(text)
	}
	w.run(text, l, rstyle)
}

// run writes text as one run: newlines as line breaks, tabs as tabs.
func (w *writer) run(text string, look int, rstyle string) {
	if text == "" {
		return
	}
	w.s("<w:r>")
	w.rPr(look, rstyle)
	start := 0
	flush := func(end int) {
		if end > start {
			w.s(`<w:t xml:space="preserve">`)
			w.esc(text[start:end])
			w.s("</w:t>")
		}
	}
	for i := 0; i < len(text); i++ {
		switch text[i] {
		case '\n':
			flush(i)
			w.s("<w:br/>")
			start = i + 1
		case '\t':
			flush(i)
			w.s("<w:tab/>")
			start = i + 1
		}
	}
	flush(len(text))
	w.s("</w:r>")
}

// rPr writes run properties in the schema's order.
func (w *writer) rPr(look int, rstyle string) {
	if look&runMono != 0 && rstyle == "" {
		rstyle = "CodeChar"
	}
	bold := look&runBold != 0 && look&runHeading == 0
	italic := look&runItalic != 0
	if rstyle == "" && !bold && !italic {
		return
	}
	w.s("<w:rPr>")
	if rstyle != "" {
		w.s(`<w:rStyle w:val="` + rstyle + `"/>`)
	}
	if bold {
		w.s("<w:b/><w:bCs/>")
	}
	if italic {
		w.s("<w:i/><w:iCs/>")
	}
	w.s("</w:rPr>")
}

// cite writes a note citation: the note's first citation is its endnote
// (bookmarked); a later one is a NOTEREF field to that bookmark, which
// shows the same number in the note reference style and links to the
// note, so each source is one note however often it is cited.
func (w *writer) cite(s doc.Span) {
	body, ok := w.noteBody[s.Note]
	if !ok || w.inNote {
		// No text to point to, or a note citing a note (an endnote cannot
		// hold another): the number as superscript text.
		w.s(`<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:t>`)
		w.esc(strconv.Itoa(s.Note))
		w.s("</w:t></w:r>")
		return
	}
	id, cited := w.noteIDs[s.Note]
	if !cited {
		id = len(w.noteOrder) + 1
		w.noteIDs[s.Note] = id
		w.noteOrder = append(w.noteOrder, s.Note)
		w.bookmarks++
		bm := strconv.Itoa(w.bookmarks)
		w.s(`<w:bookmarkStart w:id="` + bm + `" w:name="` + noteBookmark(id) + `"/>`)
		w.s(`<w:r><w:rPr><w:rStyle w:val="EndnoteReference"/></w:rPr><w:endnoteReference w:id="` + strconv.Itoa(id) + `"/></w:r>`)
		w.s(`<w:bookmarkEnd w:id="` + bm + `"/>`)
		w.writeNote(id, body)
		return
	}
	n := strconv.Itoa(id)
	w.s(`<w:r><w:fldChar w:fldCharType="begin"/></w:r>`)
	w.s(`<w:r><w:instrText xml:space="preserve"> NOTEREF ` + noteBookmark(id) + ` \f \h </w:instrText></w:r>`)
	w.s(`<w:r><w:fldChar w:fldCharType="separate"/></w:r>`)
	w.s(`<w:r><w:rPr><w:rStyle w:val="EndnoteReference"/></w:rPr><w:t>` + n + `</w:t></w:r>`)
	w.s(`<w:r><w:fldChar w:fldCharType="end"/></w:r>`)
}

func noteBookmark(id int) string { return "_RefNote" + strconv.Itoa(id) }

// writeNote writes endnote id's text into endnotes.xml.
func (w *writer) writeNote(id int, body []doc.Block) {
	saved, savedNote := w.out, w.inNote
	w.out, w.inNote = &w.notesXML, true
	defer func() { w.out, w.inNote = saved, savedNote }()
	w.s(`<w:endnote w:id="` + strconv.Itoa(id) + `">`)
	first := true
	mark := func() {
		if first {
			w.s(`<w:r><w:rPr><w:rStyle w:val="EndnoteReference"/></w:rPr><w:endnoteRef/></w:r><w:r><w:t xml:space="preserve"> </w:t></w:r>`)
			first = false
		}
	}
	for _, b := range body {
		if p, ok := b.(doc.Paragraph); ok {
			w.para("EndnoteText", "", func() {
				mark()
				w.spans(p.Spans, 0)
			})
			continue
		}
		if first {
			w.para("EndnoteText", "", mark)
		}
		w.block(b, 0)
	}
	if first {
		w.para("EndnoteText", "", mark)
	}
	w.s("</w:endnote>\n")
}

// List indentation in twips: each level 0.75 cm further in, the marker
// hanging 0.5 cm.
const (
	listIndent  = 425
	listHanging = 283
)

func (w *writer) list(l doc.List, depth int) {
	var numID int
	if l.Ordered {
		w.nums = append(w.nums, numDef{abstract: 1, level: depth, start: max(l.Start, 0)})
		numID = len(w.nums)
	} else {
		if w.bulletNum == 0 {
			w.nums = append(w.nums, numDef{abstract: 0})
			w.bulletNum = len(w.nums)
		}
		numID = w.bulletNum
	}
	lvl := min(depth, 8)
	numPr := `<w:numPr><w:ilvl w:val="` + strconv.Itoa(lvl) + `"/><w:numId w:val="` + strconv.Itoa(numID) + `"/></w:numPr>`
	if !l.Tight {
		numPr += `<w:spacing w:after="120"/>`
	}
	for _, it := range l.Items {
		rest := it
		if len(it) > 0 {
			if p, ok := it[0].(doc.Paragraph); ok {
				w.para("ListParagraph", numPr, func() { w.spans(p.Spans, 0) })
				rest = it[1:]
			} else {
				w.para("ListParagraph", numPr, nil)
			}
		} else {
			w.para("ListParagraph", numPr, nil)
		}
		w.blocks(rest, depth+1)
	}
}

// table writes a table across the text width: the header row repeats at
// the top of each page and is bold on a tinted ground, no row breaks
// across pages, columns as wide as their longest text allows.
func (w *writer) table(t doc.Table) {
	cols := len(t.Header)
	for _, r := range t.Rows {
		cols = max(cols, len(r))
	}
	if cols == 0 {
		return
	}
	widths := columnWidths(t, cols, w.textWidth)
	w.s(`<w:tbl><w:tblPr><w:tblStyle w:val="BriefTable"/><w:tblW w:w="` + strconv.Itoa(w.textWidth) + `" w:type="dxa"/><w:tblLayout w:type="fixed"/><w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="1" w:noVBand="1"/></w:tblPr>`)
	w.s("<w:tblGrid>")
	for _, cw := range widths {
		w.s(`<w:gridCol w:w="` + strconv.Itoa(cw) + `"/>`)
	}
	w.s("</w:tblGrid>\n")
	row := func(cells [][]doc.Span, header bool) {
		w.s("<w:tr><w:trPr><w:cantSplit/>")
		if header {
			w.s("<w:tblHeader/>")
		}
		w.s("</w:trPr>")
		for c := range cols {
			w.s(`<w:tc><w:tcPr><w:tcW w:w="` + strconv.Itoa(widths[c]) + `" w:type="dxa"/>`)
			if header {
				w.s(`<w:shd w:val="clear" w:color="auto" w:fill="E3E9F1"/>`)
			}
			w.s("</w:tcPr>")
			ppr := ""
			if c < len(t.Align) {
				switch t.Align[c] {
				case doc.AlignRight:
					ppr = `<w:jc w:val="right"/>`
				case doc.AlignCenter:
					ppr = `<w:jc w:val="center"/>`
				}
			}
			var sp []doc.Span
			if c < len(cells) {
				sp = cells[c]
			}
			look := 0
			if header {
				look = runBold
			}
			w.para("TableText", ppr, func() { w.spans(sp, look) })
			w.s("</w:tc>")
		}
		w.s("</w:tr>\n")
	}
	if len(t.Header) > 0 {
		row(t.Header, true)
	}
	for _, r := range t.Rows {
		row(r, false)
	}
	w.s("</w:tbl>\n")
	// Word needs a paragraph between two tables, and one after a table
	// keeps the next heading's space.
	w.para("", `<w:spacing w:after="0"/>`, nil)
}

// columnWidths shares the text width among the columns: each gets at
// least its longest word (so that no word breaks), and what is left goes
// to the columns in proportion to the text they would need beyond that,
// as long as their longest cell on one line (at most 40 characters).
func columnWidths(t doc.Table, cols, total int) []int {
	const charW, pad = 125, 220 // twips: a wide character of the table text (DejaVu or Calibri, bold), a cell's margins
	word := make([]int, cols)
	line := make([]int, cols)
	measure := func(cells [][]doc.Span) {
		for c, cell := range cells {
			if c >= cols {
				break
			}
			text := doc.Plain(cell)
			for _, f := range strings.Fields(text) {
				word[c] = max(word[c], min(utf8.RuneCountInString(f), 30))
			}
			line[c] = max(line[c], min(utf8.RuneCountInString(text), 40))
		}
	}
	measure(t.Header)
	for _, r := range t.Rows {
		measure(r)
	}
	out := make([]int, cols)
	least, extra := 0, 0
	for c := range out {
		out[c] = max(word[c], 3)*charW + pad
		least += out[c]
		extra += max(line[c]-word[c], 0)
	}
	if least >= total || extra == 0 {
		// Too narrow for the words (they break) or nothing to share: the
		// least widths scaled to the text width.
		used := 0
		for c := range out {
			out[c] = out[c] * total / least
			used += out[c]
		}
		out[cols-1] += total - used
		return out
	}
	left, used := total-least, 0
	for c := range out {
		out[c] += left * max(line[c]-word[c], 0) / extra
		used += out[c]
	}
	out[cols-1] += total - used
	return out
}

// image writes a chart of the brief as a picture across the text width,
// its alt text the Markdown's; any other image is shown as its alt text:
// the document fetches nothing.
func (w *writer) image(im doc.Image) {
	c, ok := w.opts.Charts[im.Dest]
	if !ok {
		c, ok = w.opts.Charts[path.Base(im.Dest)]
	}
	alt := format.PlainText(im.Alt)
	if !ok {
		w.warn("image " + strconv.Quote(im.Dest) + " is not a chart of this brief: shown as its alt text")
		w.para("", "", func() { w.run("["+alt+"]", runItalic, "") })
		return
	}
	if c.Title == "" {
		c.Title = im.Alt
	}
	if alt == "" {
		alt = format.PlainText(c.Title)
	}
	widthPt := float64(w.textWidth) / 20
	png, heightPt, err := chartPNG(c, widthPt)
	if err != nil {
		if w.err == nil {
			w.err = err
		}
		return
	}
	w.pictures++
	n := strconv.Itoa(w.pictures)
	name := "chart" + n + ".png"
	w.media = append(w.media, media{name: name, data: png})
	rid := w.docRels.add(relImage, "media/"+name)
	cx := strconv.Itoa(w.textWidth * emuPerTwip)
	cy := strconv.Itoa(int(heightPt * 12700))
	w.s(`<w:p><w:pPr><w:pStyle w:val="Figure"/></w:pPr><w:r><w:drawing>`)
	w.s(`<wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="` + cx + `" cy="` + cy + `"/><wp:effectExtent l="0" t="0" r="0" b="0"/>`)
	w.s(`<wp:docPr id="` + n + `" name="Chart ` + n + `" descr="`)
	w.esc(alt)
	w.s(`"/><wp:cNvGraphicFramePr><a:graphicFrameLocks noChangeAspect="1"/></wp:cNvGraphicFramePr>`)
	w.s(`<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic>`)
	w.s(`<pic:nvPicPr><pic:cNvPr id="` + n + `" name="` + name + `" descr="`)
	w.esc(alt)
	w.s(`"/><pic:cNvPicPr/></pic:nvPicPr>`)
	w.s(`<pic:blipFill><a:blip r:embed="` + rid + `"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>`)
	w.s(`<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="` + cx + `" cy="` + cy + `"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr>`)
	w.s(`</pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>` + "\n")
}
