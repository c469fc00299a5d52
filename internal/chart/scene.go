package chart

import (
	"math"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/briefhq/brief/internal/format"
	"github.com/briefhq/brief/internal/locale"
)

// A Scene is a chart laid out as shapes on a W x H canvas measured in
// points, origin top left, y down. The SVG writer and the PDF renderer both
// draw a Scene, so a chart looks the same in the Markdown and in the PDF.
type Scene struct {
	W, H  float64
	Items []Item
}

// Shape is the kind of an Item.
type Shape uint8

// The shapes a chart is made of.
const (
	RectShape     Shape = iota // X, Y, W, H filled with Fill
	LineShape                  // X, Y to X2, Y2 stroked with Stroke
	PolylineShape              // Points stroked with Stroke
	CircleShape                // centre X, Y, radius R, filled with Fill
	TextShape                  // Text at baseline Y; X is its start, middle or end by Anchor
)

// Anchor tells which point of a text X is.
type Anchor uint8

// Text anchors, as in SVG's text-anchor.
const (
	Start Anchor = iota
	Middle
	End
)

// Color is an opaque RGB colour.
type Color struct{ R, G, B uint8 }

// The chart palette, shared by both outputs.
var (
	Ink      = Color{0x1F, 0x2A, 0x44} // titles, labels
	Muted    = Color{0x5B, 0x64, 0x72} // ticks, units, source line
	Grid     = Color{0xE1, 0xE5, 0xEB}
	Axis     = Color{0x9A, 0xA3, 0xAF}
	Accent   = Color{0x2F, 0x6D, 0xB5} // bars, the line
	Negative = Color{0xC0, 0x50, 0x4D} // bars below zero
)

// Item is one shape of a Scene; only the fields of its Shape are set.
type Item struct {
	Shape        Shape
	X, Y, W, H   float64
	X2, Y2, R    float64
	Points       [][2]float64
	Fill, Stroke Color
	StrokeWidth  float64
	Text         string
	Size         float64 // font size in points
	Anchor       Anchor
	Bold, Italic bool
}

// Measure returns the width in points of s set at size points, bold or
// not. The PDF passes the embedded font's metrics; nil means ApproxWidth,
// DejaVu Sans's advances as the SVG measures them (width.go).
type Measure func(s string, size float64, bold bool) float64

// Font sizes of a chart, in points.
const (
	titleSize  = 9.5
	labelSize  = 8
	valueSize  = 7.5
	sourceSize = 7
)

// The most lines a title and a source line wrap to; more text is cut
// with an ellipsis at the end of the last line.
const (
	maxTitleLines  = 3
	maxSourceLines = 5
)

// Plain returns a copy of c whose texts are plain text by
// format.PlainText: no control, bidi or zero-width characters, no
// newlines, single spaces; and whose values read with the minus sign
// U+2212 (format.Minus), set by the Locale's typography (Typeset: "CO₂",
// no-break spaces). Draw and SVG use it, so no text of a chart carries
// them into the SVG or the PDF.
func (c Chart) Plain() Chart {
	l := c.loc()
	plain := func(s string) string { return l.Typeset(format.PlainText(s)) }
	c.Title = plain(c.Title)
	c.Unit = plain(c.Unit)
	c.Source = plain(c.Source)
	c.Points = plainPoints(c.Points, plain)
	if c.Series != nil {
		ss := make([]Series, len(c.Series))
		for i, s := range c.Series {
			ss[i] = Series{Name: plain(s.Name), Points: plainPoints(s.Points, plain)}
		}
		c.Series = ss
	}
	return c
}

func plainPoints(ps []Point, plain func(string) string) []Point {
	if ps == nil {
		return nil
	}
	out := make([]Point, len(ps))
	for i, p := range ps {
		p.Label = plain(p.Label)
		p.Text = format.Minus(plain(p.Text))
		out[i] = p
	}
	return out
}

// Draw lays the chart out on a canvas w points wide. The height follows
// from the chart: a bar chart grows with its number of bars. A line chart
// is drawn windowed (see Windowed). Every text is
// plain (see Plain) and fits the canvas as m measures it: titles and
// source lines wrap, inside a word too when it is wider than a line, and
// are cut with an ellipsis after a few lines; labels, units and values
// too wide for their room are cut with an ellipsis.
func (c Chart) Draw(w float64, m Measure) Scene {
	if m == nil {
		m = ApproxWidth
	}
	d := drawer{c: c.Windowed().Plain(), m: m, s: Scene{W: w}, l: c.loc()}
	d.title()
	if d.c.Kind == Line {
		if ss := d.c.lines(); len(ss) > 0 {
			d.line(ss)
			d.source()
			d.s.H = math.Ceil(d.y + 2)
			return d.s
		}
	}
	switch pts := d.c.finite(); {
	case len(pts) == 0 || d.c.Kind == Line:
		d.y += 14
		d.text(w/2, d.y, NoData(d.l), labelSize, Middle, Muted, false, true)
		d.y += 8
	default:
		d.bars(pts)
	}
	d.source()
	d.s.H = math.Ceil(d.y + 2)
	return d.s
}

type drawer struct {
	c Chart
	l *locale.Locale
	m Measure
	s Scene
	y float64 // next free baseline area, from the top
}

// finite drops the points a chart cannot place (NaN, Inf).
func (c Chart) finite() []Point {
	var out []Point
	for _, p := range c.Points {
		if !math.IsNaN(p.Value) && !math.IsInf(p.Value, 0) {
			out = append(out, p)
		}
	}
	return out
}

func (d *drawer) add(it Item) { d.s.Items = append(d.s.Items, it) }

func (d *drawer) text(x, y float64, s string, size float64, a Anchor, col Color, bold, italic bool) {
	if s == "" {
		return
	}
	d.add(Item{Shape: TextShape, X: x, Y: y, Text: s, Size: size, Anchor: a, Fill: col, Bold: bold, Italic: italic})
}

func (d *drawer) hline(x1, x2, y float64, col Color, width float64) {
	d.add(Item{Shape: LineShape, X: x1, Y: y, X2: x2, Y2: y, Stroke: col, StrokeWidth: width})
}

func (d *drawer) vline(x, y1, y2 float64, col Color, width float64) {
	d.add(Item{Shape: LineShape, X: x, Y: y1, X2: x, Y2: y2, Stroke: col, StrokeWidth: width})
}

func (d *drawer) title() {
	lines := wrap(d.c.Title, d.s.W, titleSize, true, d.m, maxTitleLines)
	for _, l := range lines {
		d.y += titleSize * 1.25
		d.text(0, d.y, l, titleSize, Start, Ink, true, false)
	}
	d.y += 4
}

func (d *drawer) source() {
	if d.c.Source == "" {
		return
	}
	d.y += 4
	for _, l := range wrap(d.c.Source, d.s.W, sourceSize, false, d.m, maxSourceLines) {
		d.y += sourceSize * 1.3
		d.text(0, d.y, l, sourceSize, Start, Muted, false, true)
	}
}

// valueText is what a point's value reads as on the chart, cut with an
// ellipsis when wider than a third of the chart.
func (d *drawer) valueText(p Point, dec int) string {
	s := p.Text
	if s == "" {
		s = FormatTickIn(d.l, d.c.Scaled(p.Value), dec)
	}
	return fit(s, d.s.W*0.3, valueSize, false, d.m)
}

// bars draws horizontal bars, one row per entity: names on the left,
// bars from zero, the value as the brief prints it at the end of each bar,
// the axis with the unit underneath.
func (d *drawer) bars(pts []Point) {
	const rowH = 17.0
	lo, hi := 0.0, 0.0
	for _, p := range pts {
		v := d.c.Scaled(p.Value)
		lo, hi = math.Min(lo, v), math.Max(hi, v)
	}
	t := NiceTicks(lo, hi, 5)
	labelW := 0.0
	for _, p := range pts {
		labelW = math.Max(labelW, d.m(p.Label, labelSize, false))
	}
	labelW = math.Min(labelW, d.s.W*0.32)
	valW := 0.0
	for _, p := range pts {
		valW = math.Max(valW, d.m(d.valueText(p, t.Decimals), valueSize, false))
	}
	x0 := labelW + 8
	x1 := d.s.W - valW - 6
	if x1-x0 < d.s.W*0.3 {
		x1 = x0 + d.s.W*0.3
	}
	top := d.y + 2
	bottom := top + rowH*float64(len(pts))
	xOf := func(v float64) float64 { return Linear(v, t.Lo, t.Hi, x0, x1) }
	for _, v := range t.Values {
		d.vline(xOf(v), top, bottom, Grid, 0.5)
	}
	zero := xOf(math.Max(t.Lo, math.Min(0, t.Hi)))
	for i, p := range pts {
		yc := top + rowH*(float64(i)+0.5)
		v := d.c.Scaled(p.Value)
		xv := xOf(v)
		col := Accent
		if v < 0 {
			col = Negative
		}
		bx, bw := math.Min(zero, xv), math.Abs(xv-zero)
		d.add(Item{Shape: RectShape, X: bx, Y: yc - rowH*0.31, W: bw, H: rowH * 0.62, Fill: col})
		d.text(x0-6, yc+labelSize*0.35, fit(p.Label, labelW, labelSize, false, d.m), labelSize, End, Ink, false, false)
		vt := d.valueText(p, t.Decimals)
		vx, va := xv+3, Start
		if v < 0 {
			vx, va = xv-3, End
			if vx-d.m(vt, valueSize, false) < x0 {
				vx, va = zero+3, Start
			}
		}
		room := d.s.W - vx
		if va == End {
			room = vx
		}
		d.text(vx, yc+valueSize*0.35, fit(vt, room, valueSize, false, d.m), valueSize, va, Ink, false, false)
	}
	d.vline(zero, top, bottom, Axis, 0.8)
	ty := bottom + labelSize + 3
	for _, v := range t.Values {
		d.text(xOf(v), ty, FormatTickIn(d.l, v, t.Decimals), labelSize, Middle, Muted, false, false)
	}
	d.y = ty
	if d.c.Unit != "" {
		d.y += labelSize + 3
		d.text(x1, d.y, fit(d.c.Unit, x1, labelSize, false, d.m), labelSize, End, Muted, false, false)
	}
}

// wrap breaks s into lines no wider than w at spaces, and inside a word
// that is wider than a line of its own. It returns at most maxLines lines;
// when the text needs more, the last one ends in an ellipsis.
func wrap(s string, w, size float64, bold bool, m Measure, maxLines int) []string {
	var lines []string
	cur := ""
	more := false // text left over after maxLines lines
	// Words end at plain spaces only: a no-break space (ru "2024 г.",
	// "27,8 млрд") holds its words on one line.
	for _, wd := range strings.FieldsFunc(s, func(r rune) bool { return r == ' ' }) {
		if len(lines) == maxLines {
			more = true
			break
		}
		try := wd
		if cur != "" {
			try = cur + " " + wd
		}
		if m(try, size, bold) <= w {
			cur = try
			continue
		}
		if cur != "" {
			lines = append(lines, cur)
			cur = ""
		}
		for len(lines) < maxLines && m(wd, size, bold) > w {
			head := prefixWithin(wd, w, size, bold, m)
			lines = append(lines, head)
			wd = wd[len(head):]
		}
		if len(lines) == maxLines {
			more = true
			break
		}
		cur = wd
	}
	if cur != "" {
		if len(lines) == maxLines {
			more = true
		} else {
			lines = append(lines, cur)
		}
	}
	if more && len(lines) > 0 {
		lines[len(lines)-1] = ellipsize(lines[len(lines)-1], w, size, bold, m)
	}
	return lines
}

// prefixWithin returns the longest prefix of s no wider than w, or its
// first character when even that is wider. Widths grow with the prefix,
// so it searches the prefix's length in characters.
func prefixWithin(s string, w, size float64, bold bool, m Measure) string {
	var ends []int // ends[k] is the byte length of the first k+1 characters
	for i := 0; i < len(s); {
		_, n := utf8.DecodeRuneInString(s[i:])
		i += n
		ends = append(ends, i)
	}
	if len(ends) == 0 {
		return s
	}
	k := sort.Search(len(ends), func(k int) bool { return m(s[:ends[k]], size, bold) > w })
	return s[:ends[max(k-1, 0)]]
}

// ellipsize shortens s until s+"…" is no wider than w and returns that.
func ellipsize(s string, w, size float64, bold bool, m Measure) string {
	s = strings.TrimSpace(s)
	for s != "" {
		if m(s+"…", size, bold) <= w {
			return s + "…"
		}
		_, n := utf8.DecodeLastRuneInString(s)
		s = strings.TrimSpace(s[:len(s)-n])
	}
	return "…"
}

// fit shortens s with an ellipsis until it is no wider than w.
func fit(s string, w, size float64, bold bool, m Measure) string {
	if m(s, size, bold) <= w {
		return s
	}
	return ellipsize(prefixWithin(s, w, size, bold, m), w, size, bold, m)
}
