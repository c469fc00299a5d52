// Package doc is the document model the printers of a brief share (PDF,
// HTML, Word): the brief's Markdown (CommonMark, GFM tables, footnotes),
// parsed once by goldmark and reduced to blocks of styled spans. It knows
// nothing of pages or markup; each printer lays the same blocks out in its
// own way.
//
// A Document is read-only once parsed: printers may run in parallel over
// one Document, and a printer that changes texts as it goes works on a
// Clone.
package doc

import (
	"bytes"
	"fmt"
	"html"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"

	"github.com/briefhq/brief/internal/locale"
)

// Style is the look of a span's text.
type Style uint8

// The styles, in this order (printers index arrays by them).
const (
	Regular Style = iota
	Bold
	Italic
	BoldItalic
	Mono // code
)

// NumStyles is the number of styles.
const NumStyles = Mono + 1

// Span is a piece of inline text of one style.
type Span struct {
	Text  string
	Style Style
	Link  string // external URL (SafeURL), or ""
	Note  int    // footnote number of a superscript reference (Text is the number), or 0
}

// Block is one of the vertical elements: Title, Heading, Paragraph, List,
// Table, Image, Quote, Code, Rule or Notes.
type Block interface{}

// Align is the alignment of a table column.
type Align = east.Alignment

// The alignments of a table column.
const (
	AlignNone   = east.AlignNone
	AlignLeft   = east.AlignLeft
	AlignRight  = east.AlignRight
	AlignCenter = east.AlignCenter
)

type (
	// Title is the brief's first H1 and the paragraph right after it.
	Title struct{ Title, Subtitle []Span }
	// Heading is a heading of level 1 to 6 (a level-1 heading after the
	// title stays a Heading).
	Heading struct {
		Level int
		Spans []Span
	}
	// Paragraph is running text.
	Paragraph struct{ Spans []Span }
	// List is a bullet (Ordered false) or numbered list; each item holds
	// blocks of its own. Tight lists have no space between items.
	List struct {
		Ordered bool
		Start   int
		Tight   bool
		Items   [][]Block
	}
	// Table is a GFM table: Align has one entry per column.
	Table struct {
		Align  []Align
		Header [][]Span
		Rows   [][][]Span
	}
	// Image stands alone in its paragraph: that is how a chart stands in
	// the Markdown (Dest is the chart's file name).
	Image struct{ Dest, Alt string }
	// Quote is a block quote.
	Quote struct{ Blocks []Block }
	// Code is a code block, one string per line.
	Code struct{ Lines []string }
	// Rule is a thematic break.
	Rule struct{}
	// Notes are the footnotes, in the order of their numbers.
	Notes struct{ Items []Note }
	// Note is footnote N.
	Note struct {
		N      int
		Blocks []Block
	}
)

// Document is a parsed brief.
type Document struct {
	Blocks []Block
	// Warnings name what the printers cannot show (raw HTML, an image
	// inside text, a link too long to keep, bytes that are not UTF-8),
	// each once, in the order met.
	Warnings []string
}

var markdown = goldmark.New(goldmark.WithExtensions(extension.GFM, extension.Footnote))

// Parse reads the Markdown once and returns its blocks; the first H1 and
// the paragraph right after it become the Title block. Bytes that are not
// UTF-8 become U+FFFD, with a warning. It never fetches anything.
func Parse(src []byte) *Document {
	d := &Document{}
	warned := map[string]bool{}
	warn := func(s string) {
		if !warned[s] {
			warned[s] = true
			d.Warnings = append(d.Warnings, s)
		}
	}
	if !utf8.Valid(src) {
		warn("the Markdown is not valid UTF-8: bad bytes shown as \uFFFD")
		src = bytes.ToValidUTF8(src, []byte("\uFFFD"))
	}
	root := markdown.Parser().Parse(text.NewReader(src))
	b := builder{src: src, warn: warn}
	d.Blocks = titled(b.blocks(root))
	return d
}

// titled makes the first H1 and the paragraph right after it a Title.
func titled(blocks []Block) []Block {
	for i, bl := range blocks {
		h, ok := bl.(Heading)
		if !ok || h.Level != 1 {
			continue
		}
		t := Title{Title: h.Spans}
		rest := blocks[i+1:]
		if len(rest) > 0 {
			if p, ok := rest[0].(Paragraph); ok {
				t.Subtitle = p.Spans
				rest = rest[1:]
			}
		}
		return append(append(append([]Block{}, blocks[:i]...), t), rest...)
	}
	return blocks
}

type builder struct {
	src  []byte
	warn func(string)
}

func (b *builder) blocks(parent ast.Node) []Block {
	var out []Block
	for n := parent.FirstChild(); n != nil; n = n.NextSibling() {
		out = append(out, b.block(n)...)
	}
	return out
}

func (b *builder) block(n ast.Node) []Block {
	switch n := n.(type) {
	case *ast.Heading:
		return []Block{Heading{Level: n.Level, Spans: b.inlines(n, Bold, "")}}
	case *ast.Paragraph, *ast.TextBlock:
		if imgs := b.onlyImages(n); imgs != nil {
			return imgs
		}
		sp := b.inlines(n, Regular, "")
		if len(sp) == 0 {
			return nil
		}
		return []Block{Paragraph{Spans: sp}}
	case *ast.List:
		l := List{Ordered: n.IsOrdered(), Start: n.Start, Tight: n.IsTight}
		for it := n.FirstChild(); it != nil; it = it.NextSibling() {
			l.Items = append(l.Items, b.blocks(it))
		}
		return []Block{l}
	case *ast.Blockquote:
		return []Block{Quote{Blocks: b.blocks(n)}}
	case *ast.FencedCodeBlock, *ast.CodeBlock:
		var c Code
		lines := n.Lines()
		for i := 0; i < lines.Len(); i++ {
			seg := lines.At(i)
			c.Lines = append(c.Lines, strings.TrimRight(string(seg.Value(b.src)), "\r\n"))
		}
		return []Block{c}
	case *ast.ThematicBreak:
		return []Block{Rule{}}
	case *ast.HTMLBlock:
		b.warn("raw HTML block left out: a brief's PDF, HTML and Word files show no raw HTML")
		return nil
	case *east.Table:
		return []Block{b.table(n)}
	case *east.FootnoteList:
		var ns Notes
		for f := n.FirstChild(); f != nil; f = f.NextSibling() {
			if fn, ok := f.(*east.Footnote); ok {
				ns.Items = append(ns.Items, Note{N: fn.Index, Blocks: b.blocks(fn)})
			}
		}
		return []Block{ns}
	}
	if n.Type() == ast.TypeBlock {
		return b.blocks(n)
	}
	return nil
}

// onlyImages returns image blocks when a paragraph holds nothing but
// images (and spaces): that is how a chart stands in the Markdown.
func (b *builder) onlyImages(p ast.Node) []Block {
	var out []Block
	for c := p.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.Image:
			out = append(out, Image{Dest: string(c.Destination), Alt: Plain(b.inlines(c, Regular, ""))})
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

func (b *builder) table(t *east.Table) Table {
	tb := Table{Align: t.Alignments}
	for r := t.FirstChild(); r != nil; r = r.NextSibling() {
		var cells [][]Span
		for c := r.FirstChild(); c != nil; c = c.NextSibling() {
			cells = append(cells, b.inlines(c, Regular, ""))
		}
		if _, ok := r.(*east.TableHeader); ok {
			tb.Header = cells
		} else {
			tb.Rows = append(tb.Rows, cells)
		}
	}
	return tb
}

// inlines flattens the inline children of n into spans. Text of one
// style joins the span before it in a builder (a paragraph of many lines
// or of many characters the parser splits text at is joined once);
// done writes it into the span.
func (b *builder) inlines(n ast.Node, st Style, link string) []Span {
	var out []Span
	var last strings.Builder // text of out's last span, while more may join it
	done := func() {
		if last.Len() > 0 {
			out[len(out)-1].Text = last.String()
			last.Reset()
		}
	}
	add := func(s Span) {
		if s.Text == "" {
			return
		}
		if k := len(out) - 1; k >= 0 && out[k].Style == s.Style && out[k].Link == s.Link && out[k].Note == 0 && s.Note == 0 {
			if last.Len() == 0 {
				last.WriteString(out[k].Text)
			}
			last.WriteString(s.Text)
			return
		}
		done()
		out = append(out, s)
	}
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.Text:
			add(Span{Text: unescape(c.Segment.Value(b.src)), Style: st, Link: link})
			if c.HardLineBreak() {
				add(Span{Text: "\n", Style: st, Link: link})
			} else if c.SoftLineBreak() {
				add(Span{Text: " ", Style: st, Link: link})
			}
		case *ast.String:
			add(Span{Text: string(c.Value), Style: st, Link: link})
		case *ast.CodeSpan:
			var sb strings.Builder
			for t := c.FirstChild(); t != nil; t = t.NextSibling() {
				if tx, ok := t.(*ast.Text); ok {
					sb.Write(tx.Segment.Value(b.src))
				}
			}
			add(Span{Text: sb.String(), Style: Mono, Link: link})
		case *ast.Emphasis:
			inner := st
			if c.Level >= 2 {
				inner = WithBold(inner)
			} else {
				inner = WithItalic(inner)
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
			add(Span{Text: string(c.Label(b.src)), Style: st, Link: b.linkURL(u)})
		case *ast.Image:
			alt := Plain(b.inlines(c, st, ""))
			add(Span{Text: alt, Style: WithItalic(st), Link: link})
			b.warn("image " + strconv.Quote(string(c.Destination)) + " inside text: shown as its alt text")
		case *east.FootnoteLink:
			done()
			out = append(out, Span{Text: strconv.Itoa(c.Index), Style: st, Note: c.Index})
		case *east.FootnoteBacklink:
		case *east.Strikethrough:
			for _, s := range b.inlines(c, st, link) {
				add(s)
			}
		case *east.TaskCheckBox:
			if c.IsChecked {
				add(Span{Text: "☑ ", Style: st})
			} else {
				add(Span{Text: "☐ ", Style: st})
			}
		case *ast.RawHTML:
			b.warn("raw HTML left out: a brief's PDF, HTML and Word files show no raw HTML")
		default:
			for _, s := range b.inlines(c, st, link) {
				add(s)
			}
		}
	}
	done()
	return out
}

// WithBold is s made bold (code stays code).
func WithBold(s Style) Style {
	switch s {
	case Regular:
		return Bold
	case Italic:
		return BoldItalic
	}
	return s
}

// WithItalic is s made italic (code stays code).
func WithItalic(s Style) Style {
	switch s {
	case Regular:
		return Italic
	case Bold:
		return BoldItalic
	}
	return s
}

// MaxLinkURL is the longest URL a printed brief links, in bytes. Each
// line a link is drawn on in a PDF holds its URL once more (an annotation
// of its own), so a URL of 100 KB over a thousand lines would be 100 MB of
// PDF; browsers and servers do not take URLs much longer than 2,000
// characters anyway.
const MaxLinkURL = 2048

// linkURL is the URL a link's text points to (SafeURL), or "" with a
// warning for a URL longer than MaxLinkURL: its text is shown, not linked.
func (b *builder) linkURL(u string) string {
	u = SafeURL(u)
	if len(u) > MaxLinkURL {
		b.warn(fmt.Sprintf("a link to a URL of %d characters is shown as text, not linked: links are kept for URLs of up to %d", utf8.RuneCountInString(u), MaxLinkURL))
		return ""
	}
	return u
}

// SafeURL keeps the links a reader can follow from a printed brief:
// http, https and mailto; anything else (javascript:, file:, relative
// paths) is "", so its text is shown as plain text.
func SafeURL(u string) string {
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

// Plain is the text of spans without styles or note references, its
// spaces collapsed.
func Plain(sp []Span) string {
	var b strings.Builder
	for _, s := range sp {
		if s.Note != 0 {
			continue
		}
		b.WriteString(s.Text)
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

// Clone is a deep copy of d: a printer that rewrites texts in place (the
// PDF's font cleaning) works on one, so that printers can share d.
func (d *Document) Clone() *Document {
	return &Document{Blocks: cloneBlocks(d.Blocks), Warnings: append([]string(nil), d.Warnings...)}
}

func cloneSpans(sp []Span) []Span {
	if sp == nil {
		return nil
	}
	return append([]Span(nil), sp...)
}

func cloneCells(cs [][]Span) [][]Span {
	if cs == nil {
		return nil
	}
	out := make([][]Span, len(cs))
	for i, c := range cs {
		out[i] = cloneSpans(c)
	}
	return out
}

func cloneBlocks(bs []Block) []Block {
	if bs == nil {
		return nil
	}
	out := make([]Block, len(bs))
	for i, b := range bs {
		switch b := b.(type) {
		case Title:
			b.Title, b.Subtitle = cloneSpans(b.Title), cloneSpans(b.Subtitle)
			out[i] = b
		case Heading:
			b.Spans = cloneSpans(b.Spans)
			out[i] = b
		case Paragraph:
			b.Spans = cloneSpans(b.Spans)
			out[i] = b
		case List:
			items := make([][]Block, len(b.Items))
			for j, it := range b.Items {
				items[j] = cloneBlocks(it)
			}
			b.Items = items
			out[i] = b
		case Table:
			b.Align = append([]Align(nil), b.Align...)
			b.Header = cloneCells(b.Header)
			rows := make([][][]Span, len(b.Rows))
			for j, r := range b.Rows {
				rows[j] = cloneCells(r)
			}
			b.Rows = rows
			out[i] = b
		case Quote:
			b.Blocks = cloneBlocks(b.Blocks)
			out[i] = b
		case Code:
			b.Lines = append([]string(nil), b.Lines...)
			out[i] = b
		case Notes:
			items := make([]Note, len(b.Items))
			for j, n := range b.Items {
				items[j] = Note{N: n.N, Blocks: cloneBlocks(n.Blocks)}
			}
			b.Items = items
			out[i] = b
		default:
			out[i] = b
		}
	}
	return out
}

// KeyMessagesLabel is the first paragraph, in bold, of the block quote
// that opens an English brief with its key messages; a brief in another
// language uses its locale's doc.key_messages ("Основные выводы").
const KeyMessagesLabel = "Key messages"

// labels are the words the recognisers below know, in every language of
// the locales (phrases doc.key_messages, doc.figure, doc.table): a
// Russian brief's "**Основные выводы**" box and "*Рисунок 1.*" caption
// are drawn as the English ones are.
var labels = sync.OnceValue(func() (l struct {
	key      []string
	captions []captionWord
}) {
	l.key = []string{KeyMessagesLabel}
	l.captions = []captionWord{{"Figure ", "", FigureCaption}, {"Table ", "", TableCaption}}
	reg, err := locale.Default()
	if err != nil {
		return l // locale's own tests fail on this; English still works
	}
	for _, lc := range reg.Locales() {
		addLabels(&l.key, &l.captions, lc)
	}
	return l
})

// captionWord is a caption's label around its number: "Figure " and ""
// ("Figure 1."), "" and "-сурет" (kk "1-сурет."), from a locale's
// doc.figure or doc.table ("{n}-сурет"; a phrase without {n} is the word
// before the number).
type captionWord struct {
	before, after string
	kind          CaptionKind
}

// addLabels adds a locale's key-messages label and caption words to the
// lists, once each.
func addLabels(key *[]string, captions *[]captionWord, lc *locale.Locale) {
	if s, err := lc.Phrase("doc.key_messages"); err == nil && !slices.Contains(*key, s) {
		*key = append(*key, s)
	}
	for _, c := range []struct {
		phrase string
		kind   CaptionKind
	}{{"doc.figure", FigureCaption}, {"doc.table", TableCaption}} {
		s, err := lc.Phrase(c.phrase)
		if err != nil {
			continue
		}
		w := captionWord{s + " ", "", c.kind}
		if before, after, ok := strings.Cut(s, "{n}"); ok {
			w = captionWord{before, after, c.kind}
		}
		if !slices.Contains(*captions, w) {
			*captions = append(*captions, w)
		}
	}
}

// IsKeyMessages reports whether q is the key-messages box: a block quote
// whose first paragraph is "Key messages" (KeyMessagesLabel) in bold and
// nothing else. Printers draw it as a shaded box.
func IsKeyMessages(q Quote) bool {
	if len(q.Blocks) == 0 {
		return false
	}
	p, ok := q.Blocks[0].(Paragraph)
	if !ok || len(p.Spans) == 0 {
		return false
	}
	for _, s := range p.Spans {
		if s.Note != 0 || s.Style != Bold && s.Style != BoldItalic && strings.TrimSpace(s.Text) != "" {
			return false
		}
	}
	text := strings.TrimRight(Plain(p.Spans), ":")
	for _, k := range labels().key {
		if strings.EqualFold(text, k) {
			return true
		}
	}
	return false
}

// CaptionKind says what a caption paragraph names.
type CaptionKind uint8

// The kinds of caption.
const (
	NoCaption CaptionKind = iota
	FigureCaption
	TableCaption
)

// CaptionOf tells whether b is a caption: a paragraph wholly in italics
// (footnote markers aside) that starts "Figure N." or "Table N." (a colon
// may stand for the full stop), as in "*Figure 2. Trade turnover, 2024.*".
// A figure's caption follows its image; a table's precedes its table.
func CaptionOf(b Block) CaptionKind {
	p, ok := b.(Paragraph)
	if !ok || len(p.Spans) == 0 {
		return NoCaption
	}
	for _, s := range p.Spans {
		if s.Note == 0 && s.Style != Italic && s.Style != BoldItalic && strings.TrimSpace(s.Text) != "" {
			return NoCaption
		}
	}
	text := Plain(p.Spans)
	for _, c := range labels().captions {
		rest, ok := strings.CutPrefix(text, c.before)
		if !ok {
			continue
		}
		n := 0
		for n < len(rest) && rest[n] >= '0' && rest[n] <= '9' {
			n++
		}
		if n == 0 {
			continue
		}
		rest, ok = strings.CutPrefix(rest[n:], c.after)
		if ok && rest != "" && (rest[0] == '.' || rest[0] == ':') {
			return c.kind
		}
	}
	return NoCaption
}

// TitleOf is the plain text of the document's title, or of its first
// heading when it has none, as a title for the file ("Brief" when it has
// neither).
func TitleOf(bs []Block) string {
	for _, b := range bs {
		switch b := b.(type) {
		case Title:
			return Plain(b.Title)
		case Heading:
			return Plain(b.Spans)
		}
	}
	return "Brief"
}
