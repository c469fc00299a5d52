package pdf

import (
	"bytes"
	"fmt"
	"html"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"
)

// The document model: the Markdown's tree reduced to what the PDF lays
// out. Spans carry inline text with its style; blocks are the vertical
// elements.

type span struct {
	text string
	st   style
	link string // external URL, or ""
	note int    // footnote number of a superscript reference, or 0
}

type block interface{}

type (
	titleBlock struct{ title, subtitle []span }
	heading    struct {
		level int
		spans []span
	}
	paragraph struct{ spans []span }
	list      struct {
		ordered bool
		start   int
		tight   bool
		items   [][]block
	}
	table struct {
		align  []east.Alignment
		header [][]span
		rows   [][][]span
	}
	image struct{ dest, alt string }
	quote struct{ blocks []block }
	code  struct{ lines []string }
	rule  struct{}
	notes struct{ items []note }
	note  struct {
		n      int
		blocks []block
	}
)

var markdown = goldmark.New(goldmark.WithExtensions(extension.GFM, extension.Footnote))

// parse reads the Markdown once and returns its blocks; the first H1 and
// the paragraph right after it become the title block.
func parse(src []byte, warn func(string)) []block {
	doc := markdown.Parser().Parse(text.NewReader(src))
	b := builder{src: src, warn: warn}
	blocks := b.blocks(doc)
	for i, bl := range blocks {
		h, ok := bl.(heading)
		if !ok || h.level != 1 {
			continue
		}
		t := titleBlock{title: h.spans}
		rest := blocks[i+1:]
		if len(rest) > 0 {
			if p, ok := rest[0].(paragraph); ok {
				t.subtitle = p.spans
				rest = rest[1:]
			}
		}
		out := append(append(append([]block{}, blocks[:i]...), t), rest...)
		return out
	}
	return blocks
}

type builder struct {
	src  []byte
	warn func(string)
}

func (b *builder) blocks(parent ast.Node) []block {
	var out []block
	for n := parent.FirstChild(); n != nil; n = n.NextSibling() {
		out = append(out, b.block(n)...)
	}
	return out
}

func (b *builder) block(n ast.Node) []block {
	switch n := n.(type) {
	case *ast.Heading:
		return []block{heading{level: n.Level, spans: b.inlines(n, bold, "")}}
	case *ast.Paragraph, *ast.TextBlock:
		if imgs := b.onlyImages(n); imgs != nil {
			return imgs
		}
		sp := b.inlines(n, regular, "")
		if len(sp) == 0 {
			return nil
		}
		return []block{paragraph{spans: sp}}
	case *ast.List:
		l := list{ordered: n.IsOrdered(), start: n.Start, tight: n.IsTight}
		for it := n.FirstChild(); it != nil; it = it.NextSibling() {
			l.items = append(l.items, b.blocks(it))
		}
		return []block{l}
	case *ast.Blockquote:
		return []block{quote{blocks: b.blocks(n)}}
	case *ast.FencedCodeBlock, *ast.CodeBlock:
		var c code
		lines := n.Lines()
		for i := 0; i < lines.Len(); i++ {
			seg := lines.At(i)
			c.lines = append(c.lines, strings.TrimRight(string(seg.Value(b.src)), "\r\n"))
		}
		return []block{c}
	case *ast.ThematicBreak:
		return []block{rule{}}
	case *ast.HTMLBlock:
		b.warn("raw HTML block left out of the PDF")
		return nil
	case *east.Table:
		return []block{b.table(n)}
	case *east.FootnoteList:
		var ns notes
		for f := n.FirstChild(); f != nil; f = f.NextSibling() {
			if fn, ok := f.(*east.Footnote); ok {
				ns.items = append(ns.items, note{n: fn.Index, blocks: b.blocks(fn)})
			}
		}
		return []block{ns}
	}
	if n.Type() == ast.TypeBlock {
		return b.blocks(n)
	}
	return nil
}

// onlyImages returns image blocks when a paragraph holds nothing but
// images (and spaces): that is how a chart stands in the Markdown.
func (b *builder) onlyImages(p ast.Node) []block {
	var out []block
	for c := p.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.Image:
			out = append(out, image{dest: string(c.Destination), alt: plain(b.inlines(c, regular, ""))})
		case *ast.Text:
			if len(bytes.TrimSpace(c.Segment.Value(b.src))) != 0 {
				return nil
			}
		default:
			return nil
		}
	}
	return out
}

func (b *builder) table(t *east.Table) table {
	tb := table{align: t.Alignments}
	for r := t.FirstChild(); r != nil; r = r.NextSibling() {
		var cells [][]span
		for c := r.FirstChild(); c != nil; c = c.NextSibling() {
			cells = append(cells, b.inlines(c, regular, ""))
		}
		if _, ok := r.(*east.TableHeader); ok {
			tb.header = cells
		} else {
			tb.rows = append(tb.rows, cells)
		}
	}
	return tb
}

// inlines flattens the inline children of n into spans. Text of one
// style joins the span before it in a builder (a paragraph of many lines
// or of many characters the parser splits text at is joined once);
// done writes it into the span.
func (b *builder) inlines(n ast.Node, st style, link string) []span {
	var out []span
	var last strings.Builder // text of out's last span, while more may join it
	done := func() {
		if last.Len() > 0 {
			out[len(out)-1].text = last.String()
			last.Reset()
		}
	}
	add := func(s span) {
		if s.text == "" {
			return
		}
		if k := len(out) - 1; k >= 0 && out[k].st == s.st && out[k].link == s.link && out[k].note == 0 && s.note == 0 {
			if last.Len() == 0 {
				last.WriteString(out[k].text)
			}
			last.WriteString(s.text)
			return
		}
		done()
		out = append(out, s)
	}
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.Text:
			add(span{text: unescape(c.Segment.Value(b.src)), st: st, link: link})
			if c.HardLineBreak() {
				add(span{text: "\n", st: st, link: link})
			} else if c.SoftLineBreak() {
				add(span{text: " ", st: st, link: link})
			}
		case *ast.String:
			add(span{text: string(c.Value), st: st, link: link})
		case *ast.CodeSpan:
			var sb strings.Builder
			for t := c.FirstChild(); t != nil; t = t.NextSibling() {
				if tx, ok := t.(*ast.Text); ok {
					sb.Write(tx.Segment.Value(b.src))
				}
			}
			add(span{text: sb.String(), st: mono, link: link})
		case *ast.Emphasis:
			inner := st
			if c.Level >= 2 {
				inner = withBold(inner)
			} else {
				inner = withItalic(inner)
			}
			for _, s := range b.inlines(c, inner, link) {
				add(s)
			}
		case *ast.Link:
			for _, s := range b.inlines(c, st, b.linkURL(string(c.Destination))) {
				add(s)
			}
		case *ast.AutoLink:
			u := string(c.URL(b.src))
			add(span{text: string(c.Label(b.src)), st: st, link: b.linkURL(u)})
		case *ast.Image:
			alt := plain(b.inlines(c, st, ""))
			add(span{text: alt, st: withItalic(st), link: link})
			b.warn("image " + strconv.Quote(string(c.Destination)) + " inside text: shown as its alt text")
		case *east.FootnoteLink:
			done()
			out = append(out, span{text: strconv.Itoa(c.Index), st: st, note: c.Index})
		case *east.FootnoteBacklink:
		case *east.Strikethrough:
			for _, s := range b.inlines(c, st, link) {
				add(s)
			}
		case *east.TaskCheckBox:
			if c.IsChecked {
				add(span{text: "☑ ", st: st})
			} else {
				add(span{text: "☐ ", st: st})
			}
		case *ast.RawHTML:
			b.warn("raw HTML left out of the PDF")
		default:
			for _, s := range b.inlines(c, st, link) {
				add(s)
			}
		}
	}
	done()
	return out
}

func withBold(s style) style {
	switch s {
	case regular:
		return bold
	case italic:
		return boldItalic
	}
	return s
}

func withItalic(s style) style {
	switch s {
	case regular:
		return italic
	case bold:
		return boldItalic
	}
	return s
}

// maxLinkURL is the longest URL the PDF links, in bytes. Each line a
// link is drawn on holds its URL once more (an annotation of its own), so
// a URL of 100 KB over a thousand lines would be 100 MB of PDF; browsers
// and servers do not take URLs much longer than 2,000 characters anyway.
const maxLinkURL = 2048

// linkURL is the URL a link's text points to in the PDF (safeURL), or ""
// with a warning for a URL longer than maxLinkURL: its text is shown, not
// linked.
func (b *builder) linkURL(u string) string {
	u = safeURL(u)
	if len(u) > maxLinkURL {
		b.warn(fmt.Sprintf("a link to a URL of %d characters is shown as text, not linked: the PDF links URLs of up to %d", utf8.RuneCountInString(u), maxLinkURL))
		return ""
	}
	return u
}

// safeURL keeps the links a reader can follow from a PDF; anything else
// (javascript:, file:, relative paths) is shown as plain text.
func safeURL(u string) string {
	l := strings.ToLower(u)
	if strings.HasPrefix(l, "https://") || strings.HasPrefix(l, "http://") || strings.HasPrefix(l, "mailto:") {
		return u
	}
	return ""
}

// unescape resolves CommonMark backslash escapes and character references
// in raw text; an escaped "&" stays literal.
func unescape(raw []byte) string {
	if bytes.IndexByte(raw, '\\') < 0 && bytes.IndexByte(raw, '&') < 0 {
		return string(raw)
	}
	var b strings.Builder
	start := 0
	for i := 0; i < len(raw); i++ {
		if raw[i] == '\\' && i+1 < len(raw) && isASCIIPunct(raw[i+1]) {
			b.WriteString(html.UnescapeString(string(raw[start:i])))
			b.WriteByte(raw[i+1])
			i++
			start = i + 1
		}
	}
	b.WriteString(html.UnescapeString(string(raw[start:])))
	return b.String()
}

func isASCIIPunct(c byte) bool {
	return strings.IndexByte("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~", c) >= 0
}

// plain is the text of spans without styles.
func plain(sp []span) string {
	var b strings.Builder
	for _, s := range sp {
		if s.note != 0 {
			continue
		}
		b.WriteString(s.text)
	}
	return strings.Join(strings.Fields(b.String()), " ")
}
