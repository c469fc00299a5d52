// Package html prints a parsed brief (package doc) as one self-contained
// HTML file: CSS inline in the head, charts as inline SVG, no scripts and
// nothing fetched from anywhere, so it opens offline, prints (A4 or
// letter), and pastes into an e-mail. Every text is escaped: the data
// behind a brief is untrusted.
package html

import (
	"bytes"
	"fmt"
	"path"
	"strconv"
	"strings"
	"unicode"

	"github.com/briefhq/brief/internal/chart"
	"github.com/briefhq/brief/internal/format"
	"github.com/briefhq/brief/internal/render/doc"
)

// Options describe the page around the brief.
type Options struct {
	// Title is the page's <title> (plain text); "" takes the brief's own.
	Title string
	// Lang is the language tag of the text ("en" when empty or not a
	// well-formed tag).
	Lang string
	// Paper is "a4" (default) or "letter": the printed page size.
	Paper string
	// Author, Description and Generator go into <meta> tags (plain text).
	Author, Description, Generator string
	// Charts by the file name of the Markdown image that stands for them
	// (chart.Chart.File); those images are drawn as inline SVG.
	Charts map[string]chart.Chart
}

// Result is the HTML file and what could not be shown.
type Result struct {
	HTML     []byte
	Warnings []string
}

// Render prints d as HTML. d is not changed.
func Render(d *doc.Document, o Options) (*Result, error) {
	paper := strings.ToLower(strings.TrimSpace(o.Paper))
	switch paper {
	case "":
		paper = "a4"
	case "a4", "letter":
	default:
		return nil, fmt.Errorf("html: unknown paper %q: use a4 or letter", o.Paper)
	}
	p := &printer{opts: o, ids: map[string]int{}, refs: map[int]int{}, warned: map[string]bool{}}
	for _, w := range d.Warnings {
		p.warn(w)
	}
	title := format.PlainText(o.Title)
	if title == "" {
		title = doc.TitleOf(d.Blocks)
	}
	p.b.Grow(32 << 10)
	p.s(`<!DOCTYPE html>` + "\n")
	p.s(`<html lang="`)
	p.esc(langTag(o.Lang))
	p.s(`">` + "\n<head>\n" + `<meta charset="utf-8">` + "\n")
	p.s(`<meta name="viewport" content="width=device-width, initial-scale=1">` + "\n")
	p.s("<title>")
	p.esc(title)
	p.s("</title>\n")
	for _, m := range [][2]string{{"author", o.Author}, {"description", o.Description}, {"generator", o.Generator}} {
		if v := format.PlainText(m[1]); v != "" {
			p.s(`<meta name="` + m[0] + `" content="`)
			p.esc(v)
			p.s("\">\n")
		}
	}
	p.s("<style>\n")
	p.s(strings.Replace(css, "@page { size: A4;", "@page { size: "+map[string]string{"a4": "A4", "letter": "letter"}[paper]+";", 1))
	p.s("</style>\n</head>\n<body>\n<main>\n")
	p.blocks(d.Blocks)
	p.s("</main>\n</body>\n</html>\n")
	return &Result{HTML: p.b.Bytes(), Warnings: p.warnings}, nil
}

// css is the page's style: dark text on white (contrast above 7:1 for
// text, 4.5:1 for muted text and links), tables that scroll on a narrow
// screen, and for print: the paper size, black links, a table's header
// row on every page, no chart or row cut across pages.
const css = `:root { color-scheme: light; }
body { margin: 0; background: #ffffff; color: #222222; font: 16px/1.5 "DejaVu Sans", Verdana, Arial, Helvetica, sans-serif; }
main { max-width: 46em; margin: 0 auto; padding: 1.5em 1em 3em; }
header { border-bottom: 2px solid #2f6db5; margin-bottom: 1.5em; padding-bottom: .5em; }
h1, h2, h3, h4, h5, h6 { color: #1f2a44; line-height: 1.25; margin: 1.6em 0 .5em; }
header h1 { margin-top: 0; font-size: 1.8em; }
.subtitle { color: #4b5563; margin: .3em 0 0; }
h2 { font-size: 1.35em; border-bottom: 1px solid #c9d0d9; padding-bottom: .2em; }
h3 { font-size: 1.1em; }
h4, h5, h6 { font-size: 1em; }
p, ul, ol, blockquote, pre, figure { margin: 0 0 1em; }
li { margin: .25em 0; }
a { color: #1a5fb4; }
sup { line-height: 0; font-size: .75em; }
sup a { text-decoration: none; padding: 0 .1em; }
code, pre { font-family: "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: .9em; background: #f2f3f5; }
pre { padding: .6em .8em; overflow-x: auto; white-space: pre-wrap; }
blockquote { border-left: 3px solid #c9d0d9; margin-left: 0; padding-left: 1em; color: #4b5563; }
hr { border: 0; border-top: 1px solid #c9d0d9; margin: 1.5em 0; }
.table { overflow-x: auto; margin: 0 0 1.2em; }
table { border-collapse: collapse; width: 100%; font-size: .9em; }
th, td { border-bottom: 1px solid #c9d0d9; padding: .35em .6em; text-align: left; vertical-align: top; }
thead th { background: #e3e9f1; color: #1f2a44; border-bottom: 2px solid #9aa3af; }
tbody th { font-weight: normal; }
tbody tr:nth-child(even) { background: #f5f7fa; }
.r { text-align: right; font-variant-numeric: tabular-nums; }
.c { text-align: center; }
figure.chart { margin: 1em 0 1.2em; }
figure.chart svg { display: block; width: 100%; max-width: 46em; height: auto; }
.missing { color: #4b5563; font-style: italic; }
figcaption, caption { color: #4b5563; font-size: .9em; text-align: left; padding: .3em 0; }
.key-messages { background: #eef3fa; border-left: 4px solid #2f6db5; padding: .8em 1em .2em; margin: 0 0 1.5em; }
.key-messages .label { font-weight: bold; color: #1f2a44; margin-bottom: .4em; }
.notes { border-top: 1px solid #c9d0d9; margin-top: 2em; padding-top: .5em; font-size: .9em; }
.notes li p { margin: 0; }
h2 + .notes, h3 + .notes { border-top: 0; margin-top: 0; padding-top: 0; }
.back { text-decoration: none; }
@page { size: A4; margin: 20mm; }
@media print {
  body { font-size: 10.5pt; }
  main { max-width: none; padding: 0; }
  a { color: inherit; }
  h1, h2, h3, h4 { break-after: avoid; }
  figure, tr, .notes li, .key-messages { break-inside: avoid; }
  .key-messages { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  thead { display: table-header-group; }
  .table { overflow: visible; }
  .back { display: none; }
}
`

type printer struct {
	b        bytes.Buffer
	opts     Options
	ids      map[string]int // heading ids used, for unique ones
	refs     map[int]int    // citations of each note so far
	warnings []string
	warned   map[string]bool
}

func (p *printer) warn(s string) {
	if !p.warned[s] {
		p.warned[s] = true
		p.warnings = append(p.warnings, s)
	}
}

func (p *printer) s(s string) { p.b.WriteString(s) }

// esc writes s escaped for an element or a quoted attribute; characters
// HTML cannot hold (controls other than tab and newline, noncharacters)
// are left out.
func (p *printer) esc(s string) { p.b.WriteString(escape(s)) }

func escape(s string) string {
	clean := true
	for _, r := range s {
		if strings.ContainsRune(`&<>"'`, r) || badRune(r) {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 16)
	for _, r := range s {
		switch {
		case r == '&':
			b.WriteString("&amp;")
		case r == '<':
			b.WriteString("&lt;")
		case r == '>':
			b.WriteString("&gt;")
		case r == '"':
			b.WriteString("&quot;")
		case r == '\'':
			b.WriteString("&#39;")
		case badRune(r):
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

func badRune(r rune) bool {
	return r < 0x20 && r != '\t' && r != '\n' || r >= 0x7F && r <= 0x9F || r >= 0xFDD0 && r <= 0xFDEF || r&0xFFFE == 0xFFFE
}

// langTag is l when it is a well-formed language tag, else "en".
func langTag(l string) string {
	l = strings.TrimSpace(l)
	if l == "" || len(l) > 35 {
		return "en"
	}
	for i, part := range strings.Split(l, "-") {
		if part == "" || len(part) > 8 || i == 0 && len(part) > 3 {
			return "en"
		}
		for _, r := range part {
			if r > unicode.MaxASCII || !unicode.IsLetter(r) && !unicode.IsDigit(r) {
				return "en"
			}
		}
	}
	return l
}

// blocks writes blocks; a figure's caption (after its image) goes into
// the figure, a table's (before its table) into the table.
func (p *printer) blocks(bs []doc.Block) {
	for i := 0; i < len(bs); i++ {
		b := bs[i]
		if im, ok := b.(doc.Image); ok && i+1 < len(bs) && doc.CaptionOf(bs[i+1]) == doc.FigureCaption {
			p.image(im, bs[i+1].(doc.Paragraph).Spans)
			i++
			continue
		}
		if i+1 < len(bs) && doc.CaptionOf(b) == doc.TableCaption {
			if t, ok := bs[i+1].(doc.Table); ok {
				p.table(t, b.(doc.Paragraph).Spans)
				i++
				continue
			}
		}
		p.block(b)
	}
}

func (p *printer) block(b doc.Block) {
	switch b := b.(type) {
	case doc.Title:
		p.s("<header>\n<h1")
		p.id(doc.Plain(b.Title))
		p.s(">")
		p.spans(b.Title, true)
		p.s("</h1>\n")
		if len(b.Subtitle) > 0 {
			p.s(`<p class="subtitle">`)
			p.spans(b.Subtitle, false)
			p.s("</p>\n")
		}
		p.s("</header>\n")
	case doc.Heading:
		lv := min(max(b.Level, 1), 6)
		tag := "h" + strconv.Itoa(lv)
		p.s("<" + tag)
		p.id(doc.Plain(b.Spans))
		p.s(">")
		p.spans(b.Spans, true)
		p.s("</" + tag + ">\n")
	case doc.Paragraph:
		p.s("<p>")
		p.spans(b.Spans, false)
		p.s("</p>\n")
	case doc.List:
		p.list(b)
	case doc.Table:
		p.table(b, nil)
	case doc.Image:
		p.image(b, nil)
	case doc.Quote:
		if doc.IsKeyMessages(b) {
			// The key messages: a box the reader sees first, its label
			// a heading of the box.
			p.s(`<aside class="key-messages" aria-labelledby="key-messages">` + "\n" + `<p class="label" id="key-messages">`)
			p.spans(b.Blocks[0].(doc.Paragraph).Spans, true)
			p.s("</p>\n")
			p.blocks(b.Blocks[1:])
			p.s("</aside>\n")
			return
		}
		p.s("<blockquote>\n")
		p.blocks(b.Blocks)
		p.s("</blockquote>\n")
	case doc.Code:
		p.s("<pre><code>")
		p.esc(strings.Join(b.Lines, "\n"))
		p.s("</code></pre>\n")
	case doc.Rule:
		p.s("<hr>\n")
	case doc.Notes:
		p.notes(b)
	}
}

// id writes a heading's id attribute: its words in lower case joined by
// hyphens, numbered from the second heading of the same words on.
func (p *printer) id(text string) {
	var b strings.Builder
	for _, f := range strings.FieldsFunc(strings.ToLower(text), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		if b.Len() > 0 {
			b.WriteByte('-')
		}
		b.WriteString(f)
		if b.Len() > 60 {
			break
		}
	}
	id := b.String()
	if id == "" {
		id = "section"
	}
	p.ids[id]++
	if n := p.ids[id]; n > 1 {
		id += "-" + strconv.Itoa(n)
	}
	p.s(` id="`)
	p.esc(id)
	p.s(`"`)
}

func (p *printer) list(l doc.List) {
	tag := "ul"
	if l.Ordered {
		tag = "ol"
	}
	p.s("<" + tag)
	if l.Ordered && l.Start != 1 {
		p.s(` start="` + strconv.Itoa(l.Start) + `"`)
	}
	p.s(">\n")
	for _, it := range l.Items {
		p.s("<li>")
		if par, ok := onlyParagraph(it); ok && l.Tight {
			p.spans(par.Spans, false)
		} else {
			p.s("\n")
			p.blocks(it)
		}
		p.s("</li>\n")
	}
	p.s("</" + tag + ">\n")
}

func onlyParagraph(bs []doc.Block) (doc.Paragraph, bool) {
	if len(bs) != 1 {
		return doc.Paragraph{}, false
	}
	par, ok := bs[0].(doc.Paragraph)
	return par, ok
}

func alignClass(a []doc.Align, c int) string {
	if c < len(a) {
		switch a[c] {
		case doc.AlignRight:
			return ` class="r"`
		case doc.AlignCenter:
			return ` class="c"`
		}
	}
	return ""
}

// table writes a table with its header cells as column headers and the
// first cell of each row as that row's header, for screen readers.
func (p *printer) table(t doc.Table, caption []doc.Span) {
	p.s("<div class=\"table\">\n<table>\n")
	if caption != nil {
		p.s("<caption>")
		p.spans(caption, false)
		p.s("</caption>\n")
	}
	if len(t.Header) > 0 {
		p.s("<thead>\n<tr>")
		for c, cell := range t.Header {
			p.s(`<th scope="col"` + alignClass(t.Align, c) + ">")
			p.spans(cell, false)
			p.s("</th>")
		}
		p.s("</tr>\n</thead>\n")
	}
	p.s("<tbody>\n")
	for _, row := range t.Rows {
		p.s("<tr>")
		for c, cell := range row {
			tag := "td"
			attr := alignClass(t.Align, c)
			if c == 0 {
				tag, attr = "th", ` scope="row"`+attr
			}
			p.s("<" + tag + attr + ">")
			p.spans(cell, false)
			p.s("</" + tag + ">")
		}
		p.s("</tr>\n")
	}
	p.s("</tbody>\n</table>\n</div>\n")
}

// image draws a chart of the brief as inline SVG; any other image is
// shown as its alt text: the page fetches nothing.
func (p *printer) image(im doc.Image, caption []doc.Span) {
	c, ok := p.opts.Charts[im.Dest]
	if !ok {
		c, ok = p.opts.Charts[path.Base(im.Dest)]
	}
	if !ok {
		p.warn("image " + strconv.Quote(im.Dest) + " is not a chart of this brief: shown as its alt text")
		p.s(`<p class="missing">[`)
		p.esc(format.PlainText(im.Alt))
		p.s("]</p>\n")
		if caption != nil {
			p.s("<p>")
			p.spans(caption, false)
			p.s("</p>\n")
		}
		return
	}
	if c.Title == "" {
		c.Title = im.Alt
	}
	p.s(`<figure class="chart"`)
	if alt := format.PlainText(im.Alt); alt != "" {
		p.s(` aria-label="`)
		p.esc(alt)
		p.s(`"`)
	}
	p.s(">\n")
	svg := c.SVG()
	// The chart's own SVG document, less its XML-free prologue: inline SVG
	// in HTML takes the same element, and chart.SVG escapes its texts.
	p.b.Write(bytes.TrimSpace(svg))
	if caption != nil {
		p.s("\n<figcaption>")
		p.spans(caption, false)
		p.s("</figcaption>")
	}
	p.s("\n</figure>\n")
}

// notes writes the footnotes as a numbered list, each with a link back to
// its first citation in the text.
func (p *printer) notes(ns doc.Notes) {
	p.s(`<section class="notes" aria-label="Notes">` + "\n<ol>\n")
	for _, n := range ns.Items {
		num := strconv.Itoa(n.N)
		p.s(`<li id="note-` + num + `" value="` + num + `">`)
		if par, ok := onlyParagraph(n.Blocks); ok {
			p.spans(par.Spans, false)
		} else {
			p.s("\n")
			p.blocks(n.Blocks)
		}
		if p.refs[n.N] > 0 {
			p.s(` <a class="back" href="#cite-` + num + `-1" aria-label="Back to the first citation of note ` + num + `">↩</a>`)
		}
		p.s("</li>\n")
	}
	p.s("</ol>\n</section>\n")
}

// spans writes inline text. In a heading (bold) bold is the heading's
// own weight and not marked again.
func (p *printer) spans(sp []doc.Span, heading bool) {
	for _, s := range sp {
		if s.Note != 0 {
			p.refs[s.Note]++
			num := strconv.Itoa(s.Note)
			p.s(`<sup><a href="#note-` + num + `" id="cite-` + num + "-" + strconv.Itoa(p.refs[s.Note]) + `" aria-label="note ` + num + `">` + num + "</a></sup>")
			continue
		}
		text := s.Text
		if s.Style != doc.Mono {
			text = format.Minus(text)
		}
		var open, close string
		switch st := s.Style; {
		case st == doc.Mono:
			open, close = "<code>", "</code>"
		case st == doc.BoldItalic && heading, st == doc.Italic:
			open, close = "<em>", "</em>"
		case st == doc.BoldItalic:
			open, close = "<strong><em>", "</em></strong>"
		case st == doc.Bold && !heading:
			open, close = "<strong>", "</strong>"
		}
		if s.Link != "" {
			p.s(`<a href="`)
			p.esc(s.Link)
			p.s(`">`)
		}
		p.s(open)
		lines := strings.Split(text, "\n")
		for i, l := range lines {
			if i > 0 {
				p.s("<br>\n")
			}
			p.esc(l)
		}
		p.s(close)
		if s.Link != "" {
			p.s("</a>")
		}
	}
}
