package pdf

import (
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"codeberg.org/go-pdf/fpdf"

	"github.com/briefhq/brief/internal/chart"
	"github.com/briefhq/brief/internal/format"
)

// ptmm converts points (font sizes) to millimetres (the page unit).
const ptmm = 25.4 / 72

// Page geometry in millimetres.
const (
	marginX      = 22.0
	marginTop    = 22.0
	marginBottom = 22.0
	furnitureGap = 11.0 // header and footer baselines from the page edge
)

// Colours of the text, as RGB.
type rgb struct{ r, g, b int }

var (
	inkColor    = rgb{0x1F, 0x2A, 0x44}
	textColor   = rgb{0x22, 0x22, 0x22}
	mutedColor  = rgb{0x5B, 0x64, 0x72}
	linkColor   = rgb{0x1A, 0x5F, 0xB4}
	ruleColor   = rgb{0xC9, 0xD0, 0xD9}
	headFill    = rgb{0xE3, 0xE9, 0xF1}
	zebraFill   = rgb{0xF5, 0xF7, 0xFA}
	codeFill    = rgb{0xF2, 0xF3, 0xF5}
	accentColor = rgb{0x2F, 0x6D, 0xB5}
)

type renderer struct {
	f    *fpdf.Fpdf
	fs   *fontState
	opts Options

	pageW, pageH float64
	left, width  float64 // current text column
	y            float64 // top of the next thing to draw
	bottom       float64 // lowest y content may reach

	installed [numStyles]bool
	curStyle  style
	curSize   float64
	size, lh  float64 // body font size (pt) and line height (mm) of the current context
	color     rgb

	title     string
	warnings  []string
	warned    map[string]bool
	noteLinks map[int]int
	marker    *marker // list marker waiting for the first line of its item
	boxes     []*box  // block quotes open, outermost first
	pageTop   float64 // where content starts on this page: below the padding of open boxes
	aliases   int     // placeholders registered (box)
	lastOut   int     // outline level of the last bookmark, -1 before the first
	tags      *tagger
	open      openLink
	lay       Layout
}

type marker struct {
	text  string
	right float64 // the marker ends here
	tag   *tag    // its Lbl element
}

func newRenderer(fs *fontState, opts Options, size fpdf.SizeType) *renderer {
	f := fpdf.NewCustom(&fpdf.InitType{OrientationStr: "P", UnitStr: "mm", Size: size})
	f.SetAutoPageBreak(false, 0)
	f.SetMargins(marginX, marginTop, marginX)
	f.SetCatalogSort(true)
	f.SetCompression(!opts.uncompressed)
	created := opts.CreatedAt
	if created.IsZero() {
		created = time.Unix(0, 0)
	}
	f.SetCreationDate(created.UTC())
	f.SetModificationDate(created.UTC())
	f.SetLang(opts.Lang) // a BCP 47 tag (RenderDoc checks it): nothing to escape
	f.AddOutputIntent(fpdf.OutputIntentType{
		SubtypeIdent:              fpdf.OutputIntent_GTS_PDFA1,
		OutputConditionIdentifier: "sRGB IEC61966-2.1",
		Info:                      "sRGB IEC61966-2.1",
		ICCProfile:                srgbProfile(),
	})
	r := &renderer{
		f: f, fs: fs, opts: opts,
		pageW: size.Wd, pageH: size.Ht,
		left: marginX, width: size.Wd - 2*marginX,
		bottom:    size.Ht - marginBottom,
		warned:    map[string]bool{},
		noteLinks: map[int]int{},
		curSize:   -1,
		lastOut:   -1,
		tags:      newTagger(),
	}
	r.setBody(10, 1.42, textColor)
	r.newPage()
	return r
}

// setBody sets the font size and line spacing of running text.
func (r *renderer) setBody(size, spacing float64, c rgb) {
	r.size, r.lh, r.color = size, size*spacing*ptmm, c
}

func (r *renderer) warn(s string) {
	if r.warned[s] {
		return
	}
	r.warned[s] = true
	r.warnings = append(r.warnings, s)
}

func (r *renderer) newPage() {
	for _, b := range r.boxes {
		r.closeBox(b, min(r.y, r.bottom)+boxPadY)
	}
	r.closeMarked()
	r.f.AddPage()
	r.curSize = -1
	r.y = marginTop
	for _, b := range r.boxes {
		r.openBox(b)
		r.y += boxPadY
	}
	r.pageTop = r.y
	r.lay.line(r.page(), "") // make sure the page exists in the layout
	p := &r.lay.Pages[r.page()-1]
	p.Lines = p.Lines[:len(p.Lines)-1]
}

func (r *renderer) page() int { return r.f.PageNo() }

// room makes sure h millimetres fit below y, starting a page if not.
// It reports whether a page was started.
func (r *renderer) room(h float64) bool {
	if r.y+h <= r.bottom+0.01 || r.y <= r.pageTop+0.01 {
		return false
	}
	r.newPage()
	return true
}

func (r *renderer) font(st style, size float64) {
	if !r.installed[st] {
		r.fs.installFont(r.f, st)
		r.installed[st] = true
	}
	if st == r.curStyle && size == r.curSize {
		return
	}
	fc := faces[st]
	r.f.SetFont(fc.family, fc.fstyle, size)
	r.curStyle, r.curSize = st, size
}

func (r *renderer) textColor(c rgb) { r.f.SetTextColor(c.r, c.g, c.b) }
func (r *renderer) fill(c rgb)      { r.f.SetFillColor(c.r, c.g, c.b) }
func (r *renderer) draw(c rgb)      { r.f.SetDrawColor(c.r, c.g, c.b) }

// width of s in millimetres, from the same width table fpdf uses.
func (r *renderer) textWidth(s string, st style, size float64) float64 {
	return scaled(r.textUnits(s, st), size)
}

// textUnits is the width of s in thousandths of an em: a whole number, so
// the width of a piece of text is that of the whole less the rest.
func (r *renderer) textUnits(s string, st style) int {
	var w int
	for _, c := range s {
		w += int(r.fs.glyph(st, c).cw)
	}
	return w
}

// scaled turns a width in thousandths of an em into millimetres at size.
func scaled(units int, size float64) float64 {
	return float64(units) * size / 1000 * ptmm
}

// clean returns s with every character the font of style st can show;
// others are replaced (or dropped when they are emoji or invisible) with
// one warning per character. Characters above U+FFFF would make fpdf's
// Output fail and missing glyphs would vanish silently: neither may reach
// fpdf. Control and format characters (the bidi controls, zero-width
// characters, soft hyphen ...) are dropped without a warning: fpdf lays
// text out left to right and shows nothing for them.
func (r *renderer) clean(s string, st style) string {
	ok := utf8.ValidString(s)
	for _, c := range s {
		if c == '\n' || !r.fs.glyph(st, c).ok || c >= 0xAD && unicode.Is(unicode.Cf, c) {
			ok = false
			break
		}
	}
	if ok {
		return s
	}
	var b strings.Builder
	for _, c := range s {
		switch {
		case c == '\n':
			b.WriteRune(c)
			continue
		case c == '\t':
			b.WriteByte(' ')
			continue
		case c >= '\uFE00' && c <= '\uFE0F', unicode.IsControl(c), unicode.Is(unicode.Cf, c):
			continue // invisible: variation selectors, controls, format characters (soft hyphen, joiners, bidi controls)
		}
		if r.fs.glyph(st, c).ok {
			b.WriteRune(c)
			continue
		}
		name := fmt.Sprintf("U+%04X", c)
		if unicode.IsGraphic(c) {
			name += " " + strconv.QuoteRune(c)
		}
		if c > 0xFFFF || unicode.Is(unicode.So, c) {
			r.warn(fmt.Sprintf("character %s is not in the PDF font: left out", name))
			continue
		}
		rep := "?"
		if r.fs.glyph(st, '\uFFFD').ok {
			rep = "\uFFFD"
		}
		r.warn(fmt.Sprintf("character %s is not in the PDF font: shown as %s", name, rep))
		b.WriteString(rep)
	}
	return b.String()
}

// cleanSpans cleans the text of spans and gives a negative number the
// minus sign U+2212 (format.Minus) the Markdown writes as a hyphen; code
// keeps its hyphens.
func (r *renderer) cleanSpans(sp []span) {
	for i := range sp {
		if sp[i].Style != mono {
			sp[i].Text = format.Minus(sp[i].Text)
		}
		sp[i].Text = r.clean(sp[i].Text, sp[i].Style)
	}
}

// cleanBlocks runs clean over every text of the document before layout.
func (r *renderer) cleanBlocks(bs []block) {
	for i, b := range bs {
		switch b := b.(type) {
		case titleBlock:
			r.cleanSpans(b.Title)
			r.cleanSpans(b.Subtitle)
			if r.title == "" {
				r.title = plain(b.Title)
			}
		case heading:
			r.cleanSpans(b.Spans)
		case paragraph:
			r.cleanSpans(b.Spans)
		case list:
			for _, it := range b.Items {
				r.cleanBlocks(it)
			}
		case quote:
			r.cleanBlocks(b.Blocks)
		case notes:
			for _, n := range b.Items {
				r.cleanBlocks(n.Blocks)
			}
		case table:
			for _, c := range b.Header {
				r.cleanSpans(c)
			}
			for _, row := range b.Rows {
				for _, c := range row {
					r.cleanSpans(c)
				}
			}
		case image:
			b.Alt = r.clean(b.Alt, italic)
			bs[i] = b
		case code:
			for j, l := range b.Lines {
				b.Lines[j] = r.clean(l, mono)
			}
		}
	}
}

// cleanChart returns a copy of c whose texts are plain (chart.Chart.Plain,
// which also gives negative values the minus sign U+2212) and the fonts
// can show.
func (r *renderer) cleanChart(c chart.Chart) chart.Chart {
	c = c.Plain()
	c.Title = r.clean(c.Title, bold)
	c.Unit = r.clean(c.Unit, regular)
	c.Source = r.clean(c.Source, italic)
	c.Points = r.cleanPoints(c.Points)
	for i, s := range c.Series {
		c.Series[i] = chart.Series{Name: r.clean(s.Name, regular), Points: r.cleanPoints(s.Points)}
	}
	return c
}

func (r *renderer) cleanPoints(ps []chart.Point) []chart.Point {
	if ps == nil {
		return nil
	}
	out := make([]chart.Point, len(ps))
	for i, p := range ps {
		p.Label = r.clean(p.Label, regular)
		p.Text = r.clean(p.Text, bold)
		out[i] = p
	}
	return out
}

// finish draws the running header and the "N / M" footer on every page,
// now that the page count is known, and sets the metadata.
func (r *renderer) finish() {
	n := r.f.PageNo()
	title := r.opts.Title
	if title == "" {
		title = r.title
	}
	title = r.clean(format.PlainText(title), regular)
	if title != "" {
		title = r.fit(title, regular, 8, r.pageW-2*marginX) // the same on every page: fitted once
	}
	r.closeMarked()
	for p := 1; p <= n; p++ {
		r.f.SetPage(p)
		r.f.RawWriteStr("/Artifact <</Type /Pagination>> BDC")
		r.curSize = -1
		r.font(regular, 8)
		r.textColor(mutedColor)
		num := fmt.Sprintf("%d / %d", p, n)
		r.f.Text((r.pageW-r.textWidth(num, regular, 8))/2, r.pageH-furnitureGap, num)
		if p > 1 && title != "" {
			r.f.Text(marginX, furnitureGap+2, title)
			r.draw(ruleColor)
			r.f.SetLineWidth(0.2)
			r.f.Line(marginX, furnitureGap+4, r.pageW-marginX, furnitureGap+4)
		}
		r.f.RawWriteStr("EMC")
	}
	r.f.SetPage(n)
	o := r.opts
	if o.Title == "" {
		o.Title = r.title
	}
	creator := o.Creator
	if creator == "" {
		creator = "brief"
	}
	m := meta{
		title: metaText(o.Title), subject: metaText(o.Subject), author: metaText(o.Author),
		keywords: metaText(strings.Join(o.Keywords, ", ")), creator: metaText(creator),
		producer: "brief (codeberg.org/go-pdf/fpdf)", lang: o.Lang,
		created: r.f.GetCreationDate(),
	}
	r.f.SetTitle(m.title, true)
	if m.subject != "" {
		r.f.SetSubject(m.subject, true)
	}
	if m.author != "" {
		r.f.SetAuthor(m.author, true)
	}
	if m.keywords != "" {
		r.f.SetKeywords(m.keywords, true)
	}
	r.f.SetCreator(m.creator, true)
	r.f.SetProducer(m.producer, true)
	r.f.SetXmpMetadata(xmpPacket(m))
}

// metaText makes s plain text (format.PlainText: no control, bidi or
// zero-width characters, no newlines, single spaces) that fpdf can write
// in the document information and the outline: no characters above U+FFFF
// either, which make Output fail. The font does not matter there.
func metaText(s string) string {
	return format.PlainText(strings.Map(func(c rune) rune {
		if c > 0xFFFF {
			return -1
		}
		return c
	}, s))
}

// fit shortens s with an ellipsis until it is at most w wide: the longest
// prefix of s, trimmed of spaces, that fits with "…" after it. The width
// of a trimmed prefix only grows with the prefix, so one pass over the
// runes, each measured once, finds it.
func (r *renderer) fit(s string, st style, size, w float64) string {
	if r.textWidth(s, st, size) <= w {
		return s
	}
	ell := r.textUnits("…", st)
	rs := []rune(s)
	lead := 0 // the leading spaces TrimSpace drops
	for lead < len(rs) && unicode.IsSpace(rs[lead]) {
		lead++
	}
	// The prefixes tried are rs[:k+1] for k < len(rs)-1: shorter than s.
	best := lead
	u, end, endU := 0, lead, 0 // width of rs[lead:k+1]; rs[lead:end] is it trimmed, endU its width
	for k := lead; k < len(rs)-1; k++ {
		u += int(r.fs.glyph(st, rs[k]).cw)
		if !unicode.IsSpace(rs[k]) {
			end, endU = k+1, u
		}
		if scaled(endU+ell, size) > w {
			break
		}
		best = end
	}
	return string(rs[lead:best]) + "…"
}
