package pdf

import (
	"fmt"
	"math"
	"path"
	"strconv"
	"strings"

	"github.com/briefhq/brief/internal/render/doc"
)

// Vertical rhythm, in millimetres.
const (
	paraGap  = 2.6
	itemGap  = 1.0
	indentMM = 6.5
)

type headingStyle struct {
	size, before, after float64
	color               rgb
	rule                bool
}

func headingLook(level int) headingStyle {
	switch level {
	case 1:
		return headingStyle{size: 17, before: 8, after: 3, color: inkColor}
	case 2:
		return headingStyle{size: 13.5, before: 7, after: 2.6, color: inkColor, rule: true}
	case 3:
		return headingStyle{size: 11, before: 4.5, after: 1.6, color: inkColor}
	}
	return headingStyle{size: 10, before: 3.5, after: 1.2, color: textColor}
}

func (r *renderer) blocks(bs []block) {
	leads := r.leads(bs)
	for i, b := range bs {
		r.block(b, leads[i])
	}
}

// block draws b; lead is what it is kept with (see leads).
func (r *renderer) block(b block, lead float64) {
	switch b := b.(type) {
	case titleBlock:
		r.titleBlock(b)
	case heading:
		r.heading(b, lead)
	case paragraph:
		if doc.CaptionOf(b) != doc.NoCaption {
			r.caption(b, lead)
			return
		}
		t := r.begin("P")
		r.text(b.Spans, r.size, r.lh, r.color)
		r.end(t)
		r.y += paraGap
	case list:
		r.list(b, 0)
	case quote:
		r.quote(b)
	case code:
		r.code(b)
	case rule:
		r.room(4)
		r.y += 1.5
		r.decorate()
		r.draw(ruleColor)
		r.f.SetLineWidth(0.3)
		r.f.Line(r.left, r.y, r.left+r.width, r.y)
		r.y += 3.5
	case table:
		r.table(b)
	case image:
		r.image(b, lead)
	case notes:
		r.notes(b)
	}
}

// titleBlock draws the title and the subtitle under it; a title or
// subtitle longer than a page (a title of thousands of words) goes on on
// the next page, never below the bottom margin. The title's heading is on
// the page it starts on.
func (r *renderer) titleBlock(t titleBlock) {
	const size, sub = 20.0, 9.5
	lines := r.breakLines(t.Title, size, r.width)
	lh := size * 1.2 * ptmm
	r.room(lh)
	r.lay.Headings = append(r.lay.Headings, Heading{Level: 1, Text: plain(t.Title), Page: r.page()})
	h1 := r.begin("H1")
	for _, l := range lines {
		r.room(lh)
		r.record(r.drawLine(l, t.Title, r.left, r.y+baseline(size, lh), r.width, size, alignLeft, inkColor))
		r.y += lh
	}
	r.end(h1)
	if len(t.Subtitle) > 0 {
		r.y += 1.2
		lh := sub * 1.4 * ptmm
		p := r.begin("P")
		for _, l := range r.breakLines(t.Subtitle, sub, r.width) {
			r.room(lh)
			r.record(r.drawLine(l, t.Subtitle, r.left, r.y+baseline(sub, lh), r.width, sub, alignLeft, mutedColor))
			r.y += lh
		}
		r.end(p)
	}
	r.y += 2.5
	r.room(0.7)
	r.decorate()
	r.fill(accentColor)
	r.f.Rect(r.left, r.y, r.width, 0.7, "F")
	r.y += 6
}

func (r *renderer) headingHeight(h heading) float64 {
	hs := headingLook(h.Level)
	n := len(r.breakLines(h.Spans, hs.size, r.width))
	return float64(n)*hs.size*1.25*ptmm + hs.after
}

// leads returns, for each block of bs, the height of what must follow it
// on its page. A chart is kept with its caption after it (*Figure N. …*)
// and a table's caption before it (*Table N. …*) with the table's header
// and first rows. A heading never ends a page: it is kept with the start
// of the next block (see lead), or when the next block is a heading, that
// heading's space above, its lines and what it is kept with in turn. A
// run of headings taller than a page cannot be kept together: a heading
// whose run with it is taller than a page gets +Inf, and heading draws it
// where it falls, so the run flows across pages; the end of the run that
// fits a page is kept together with the block after it. One pass from the
// end, each heading measured once: linear in the number of blocks.
func (r *renderer) leads(bs []block) []float64 {
	out := make([]float64, len(bs))
	body := r.bottom - marginTop
	group := 0.0 // what heading bs[i+1] needs with its space above
	for i := len(bs) - 1; i >= 0; i-- {
		h, ok := bs[i].(heading)
		if !ok {
			out[i] = r.keep(bs, i)
			continue
		}
		follow, chain := 0.0, false
		if i+1 < len(bs) {
			if _, chain = bs[i+1].(heading); chain {
				follow = group
			} else {
				follow = r.lead(bs[i+1]) + r.keep(bs, i+1)
			}
		}
		hh := r.headingHeight(h)
		out[i] = follow
		if chain && hh+follow > body {
			out[i] = math.Inf(1)
		}
		group = headingLook(h.Level).before + hh + follow
	}
	return out
}

// keep is the height of what block bs[i] is kept with after it: a
// chart's caption, or the start of the table a caption names.
func (r *renderer) keep(bs []block, i int) float64 {
	if i+1 >= len(bs) {
		return 0
	}
	switch b := bs[i].(type) {
	case image:
		if p, ok := bs[i+1].(paragraph); ok && doc.CaptionOf(p) == doc.FigureCaption {
			if _, chart := r.chartFor(b); chart {
				return r.captionHeight(p)
			}
		}
	case paragraph:
		if t, ok := bs[i+1].(table); ok && doc.CaptionOf(b) == doc.TableCaption {
			return captionGap + paraGap + r.tableLead(t)
		}
	}
	return 0
}

// Captions: small italic text in the muted colour.
const (
	captionSize = 8.5
	captionGap  = 1.2
)

var captionLH = captionSize * 1.38 * ptmm

// captionHeight is the height of a caption's lines.
func (r *renderer) captionHeight(p paragraph) float64 {
	return float64(len(r.breakLines(p.Spans, captionSize, r.width))) * captionLH
}

// caption draws a figure's or table's caption, kept with keep, the
// height of what follows it (see keep).
func (r *renderer) caption(p paragraph, keep float64) {
	r.room(r.captionHeight(p) + keep)
	t := r.begin("Caption")
	r.text(p.Spans, captionSize, captionLH, mutedColor)
	r.end(t)
	r.y += captionGap + paraGap
}

// lead is the height the start of block b needs beside a heading kept
// with it: two lines of text, a table's header and first rows, a whole
// chart.
func (r *renderer) lead(b block) float64 {
	switch b := b.(type) {
	case paragraph:
		if doc.CaptionOf(b) != doc.NoCaption {
			return r.captionHeight(b)
		}
		return 2 * r.lh
	case list:
		return 2 * r.lh
	case table:
		return r.tableLead(b)
	case image:
		if c, ok := r.chartFor(b); ok {
			return r.chartHeight(c)
		}
	}
	return 2 * r.lh
}

// heading draws h at the top of a new page unless it fits here together
// with lead, the height of what it is kept with (see leads); a heading in
// a run taller than a page (lead +Inf) only needs room for itself.
func (r *renderer) heading(h heading, lead float64) {
	hs := headingLook(h.Level)
	if r.y > marginTop+0.01 {
		r.y += hs.before
	}
	need := r.headingHeight(h)
	if !math.IsInf(lead, 1) {
		need += lead
	}
	r.room(need)
	lh := hs.size * 1.25 * ptmm
	// The heading and its bookmark are on the page it starts on; a heading
	// taller than a page goes on on the next.
	text := plain(h.Spans)
	r.lay.Headings = append(r.lay.Headings, Heading{Level: h.Level, Text: text, Page: r.page()})
	r.bookmark(h.Level, text, r.y)
	t := r.begin("H" + strconv.Itoa(min(h.Level, 6)))
	for _, l := range r.breakLines(h.Spans, hs.size, r.width) {
		r.room(lh)
		r.record(r.drawLine(l, h.Spans, r.left, r.y+baseline(hs.size, lh), r.width, hs.size, alignLeft, hs.color))
		r.y += lh
	}
	r.end(t)
	if hs.rule {
		r.decorate()
		r.draw(ruleColor)
		r.f.SetLineWidth(0.25)
		r.f.Line(r.left, r.y+0.4, r.left+r.width, r.y+0.4)
	}
	r.y += hs.after
}

// bookmark adds an outline entry for H2 (level 0) and H3 (level 1), and
// for any H1 after the title; a level never skips one below its parent.
// The entry is the heading's plain text (metaText): its Markdown is
// already read, so it holds no escapes or emphasis markers.
func (r *renderer) bookmark(level int, text string, y float64) {
	text = metaText(text)
	if level > 3 || text == "" {
		return
	}
	lvl := max(level-2, 0)
	if lvl > r.lastOut+1 {
		lvl = r.lastOut + 1
	}
	r.lastOut = lvl
	r.f.Bookmark(text, lvl, y)
	r.lay.Outline = append(r.lay.Outline, Heading{Level: lvl, Text: text, Page: r.page()})
}

// list draws items with their bullets or numbers in a hanging indent;
// nested lists indent further and change the bullet.
func (r *renderer) list(l list, depth int) {
	left, width := r.left, r.width
	r.left += indentMM
	r.width -= indentMM
	defer func() { r.left, r.width = left, width }()
	bullets := []string{"•", "–", "◦"}
	lt := r.begin("L")
	defer r.end(lt)
	for i, item := range l.Items {
		m := bullets[depth%len(bullets)]
		if l.Ordered {
			m = strconv.Itoa(l.Start+i) + "."
		}
		li := r.begin("LI")
		r.marker = &marker{text: m, right: r.left - 2, tag: r.child(li, "Lbl")}
		body := r.begin("LBody")
		leads := r.leads(item)
		for j, b := range item {
			switch b := b.(type) {
			case paragraph:
				p := r.begin("P")
				r.text(b.Spans, r.size, r.lh, r.color)
				r.end(p)
				if !l.Tight || j < len(item)-1 {
					r.y += paraGap * 0.6
				}
			case list:
				r.list(b, depth+1)
			default:
				r.block(b, leads[j])
			}
		}
		r.marker = nil
		r.end(body)
		r.end(li)
		if l.Tight {
			r.y += itemGap
		}
	}
	if depth == 0 {
		r.y += paraGap - itemGap
	}
}

// Block quotes are boxes: a light fill with a bar on the left, padded;
// the key-messages quote (doc.IsKeyMessages) that opens a brief is tinted
// and its text is not muted.
const (
	boxPadX = 4.0
	boxPadY = 3.0
	boxBar  = 1.2
)

var (
	quoteFill = rgb{0xF4, 0xF6, 0xF8}
	keyFill   = rgb{0xE8, 0xF0, 0xFA}
)

// box is a block quote being drawn: its fill goes behind the text, so it
// is drawn first, before its height on the page is known. A placeholder
// (a content-stream comment) marks the place, and once the box's part on
// the page is laid out, fpdf's RegisterAlias puts the fill there.
type box struct {
	key   bool
	x, w  float64 // the box's outer edges
	top   float64 // its top on the current page
	alias string  // the placeholder on the current page
}

func (r *renderer) quote(q quote) {
	key := doc.IsKeyMessages(q)
	r.room(2*boxPadY + 2*r.lh) // a box does not start at the foot of a page
	left, width, col := r.left, r.width, r.color
	b := &box{key: key, x: r.left, w: r.width}
	r.openBox(b)
	r.boxes = append(r.boxes, b)
	r.left += boxBar + boxPadX
	r.width -= boxBar + 2*boxPadX
	r.y += boxPadY
	typ := "BlockQuote"
	if key {
		typ = "Sect" // not a quotation: the brief's own key messages
	} else {
		r.color = mutedColor
	}
	t := r.begin(typ)
	r.blocks(q.Blocks)
	r.end(t)
	bottom := max(r.y-paraGap, b.top) + boxPadY
	r.closeBox(b, bottom)
	r.boxes = r.boxes[:len(r.boxes)-1]
	r.left, r.width, r.color = left, width, col
	r.y = bottom + paraGap + 1
}

// openBox starts b's part on this page at y: a placeholder for its fill.
func (r *renderer) openBox(b *box) {
	r.closeMarked()
	r.aliases++
	b.top = r.y
	b.alias = fmt.Sprintf("%%brief-box-%07d%%", r.aliases)
	r.f.RawWriteStr(b.alias)
}

// closeBox ends b's part on this page at bottom: the placeholder becomes
// the fill and the bar, an artifact.
func (r *renderer) closeBox(b *box, bottom float64) {
	if bottom <= b.top+0.01 {
		r.f.RegisterAlias(b.alias, "")
		return
	}
	fill, bar := quoteFill, ruleColor
	if b.key {
		fill, bar = keyFill, accentColor
	}
	k := 72 / 25.4
	y, h := (r.pageH-bottom)*k, (bottom-b.top)*k
	rect := func(c rgb, x, w float64) string {
		return fmt.Sprintf("q %.3f %.3f %.3f rg %.2f %.2f %.2f %.2f re f Q", float64(c.r)/255, float64(c.g)/255, float64(c.b)/255, x*k, y, w*k, h)
	}
	r.f.RegisterAlias(b.alias, "/Artifact BMC\n"+rect(fill, b.x, b.w)+"\n"+rect(bar, b.x, boxBar)+"\nEMC")
}

// code draws a code block line by line on a light band, cutting lines
// wider than the column.
func (r *renderer) code(c code) {
	const size = 8.5
	lh := size * 1.35 * ptmm
	r.y += 0.5
	t := r.begin("Code")
	defer r.end(t)
	for _, src := range c.Lines {
		sp := []span{{Text: src, Style: mono}}
		var lines []line
		if r.textWidth(src, mono, size) <= r.width-4 {
			lines = []line{{frags: []frag{{text: src, w: r.textWidth(src, mono, size)}}}}
		} else {
			lines = r.breakLines(sp, size, r.width-4)
		}
		for _, l := range lines {
			r.room(lh)
			r.decorate()
			r.fill(codeFill)
			r.f.Rect(r.left, r.y, r.width, lh, "F")
			r.record(r.drawLine(l, sp, r.left+2, r.y+baseline(size, lh), r.width-4, size, alignLeft, textColor))
			r.y += lh
		}
	}
	r.y += paraGap
}

// notes draws the footnotes as the numbered list of sources, each the
// target of its markers' links.
func (r *renderer) notes(ns notes) {
	size, lh, col := r.size, r.lh, r.color
	left, width := r.left, r.width
	r.setBody(8.5, 1.38, textColor)
	r.left += 7
	r.width -= 7
	lt := r.begin("L")
	for _, n := range ns.Items {
		r.room(r.lh)
		r.f.SetLink(r.noteLink(n.N), r.y, r.page())
		li := r.begin("LI")
		r.marker = &marker{text: strconv.Itoa(n.N) + ".", right: r.left - 1.8, tag: r.child(li, "Lbl")}
		body := r.begin("LBody")
		for _, b := range n.Blocks {
			if p, ok := b.(paragraph); ok {
				t := r.begin("P")
				r.text(p.Spans, r.size, r.lh, r.color)
				r.end(t)
				continue
			}
			r.block(b, 0)
		}
		r.marker = nil
		r.end(body)
		r.end(li)
		r.y += 1.2
	}
	r.end(lt)
	r.left, r.width = left, width
	r.size, r.lh, r.color = size, lh, col
}

// image draws a chart known by its file name, kept with keep (its
// caption), or else the alt text.
func (r *renderer) image(im image, keep float64) {
	if c, ok := r.chartFor(im); ok {
		r.drawChart(c, im, keep)
		return
	}
	r.warn("image " + strconv.Quote(im.Dest) + " is not a chart of this brief: shown as its alt text")
	alt := im.Alt
	if alt == "" {
		alt = path.Base(im.Dest)
	}
	t := r.begin("P")
	r.text([]span{{Text: "[" + strings.TrimSpace(alt) + "]", Style: italic}}, r.size, r.lh, mutedColor)
	r.end(t)
	r.y += paraGap
}
