package chart

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"
)

// SVGWidth is the width in points of the SVG a chart is written as.
const SVGWidth = 560

// fontFamily names the PDF's font first, then common sans-serif fonts.
const fontFamily = "DejaVu Sans, Verdana, Arial, Helvetica, sans-serif"

// SVG draws the chart as a standalone SVG document: the same Scene as the
// PDF, text plain (see Chart.Plain) and escaped, numbers with at most two
// decimals, no ids or dates, so the same chart always gives the same bytes.
func (c Chart) SVG() []byte {
	c = c.Plain()
	s := c.Draw(SVGWidth, nil)
	var b bytes.Buffer
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" width="%s" height="%s" viewBox="0 0 %s %s" font-family="%s" role="img">`+"\n",
		num(s.W), num(s.H), num(s.W), num(s.H), fontFamily)
	if c.Title != "" {
		fmt.Fprintf(&b, "<title>%s</title>\n", escape(c.Title))
	}
	fmt.Fprintf(&b, `<rect x="0" y="0" width="%s" height="%s" fill="#ffffff"/>`+"\n", num(s.W), num(s.H))
	for _, it := range s.Items {
		switch it.Shape {
		case RectShape:
			fmt.Fprintf(&b, `<rect x="%s" y="%s" width="%s" height="%s" fill="%s"/>`+"\n",
				num(it.X), num(it.Y), num(it.W), num(it.H), hex(it.Fill))
		case LineShape:
			fmt.Fprintf(&b, `<line x1="%s" y1="%s" x2="%s" y2="%s" stroke="%s" stroke-width="%s"/>`+"\n",
				num(it.X), num(it.Y), num(it.X2), num(it.Y2), hex(it.Stroke), num(it.StrokeWidth))
		case PolylineShape:
			pts := make([]string, len(it.Points))
			for i, p := range it.Points {
				pts[i] = num(p[0]) + "," + num(p[1])
			}
			fmt.Fprintf(&b, `<polyline points="%s" fill="none" stroke="%s" stroke-width="%s" stroke-linejoin="round"/>`+"\n",
				strings.Join(pts, " "), hex(it.Stroke), num(it.StrokeWidth))
		case CircleShape:
			fmt.Fprintf(&b, `<circle cx="%s" cy="%s" r="%s" fill="%s"/>`+"\n",
				num(it.X), num(it.Y), num(it.R), hex(it.Fill))
		case TextShape:
			attrs := ""
			switch it.Anchor {
			case Middle:
				attrs += ` text-anchor="middle"`
			case End:
				attrs += ` text-anchor="end"`
			}
			if it.Bold {
				attrs += ` font-weight="bold"`
			}
			if it.Italic {
				attrs += ` font-style="italic"`
			}
			fmt.Fprintf(&b, `<text x="%s" y="%s" font-size="%s" fill="%s"%s>%s</text>`+"\n",
				num(it.X), num(it.Y), num(it.Size), hex(it.Fill), attrs, escape(it.Text))
		}
	}
	b.WriteString("</svg>\n")
	return b.Bytes()
}

func num(v float64) string {
	s := strconv.FormatFloat(v, 'f', 2, 64)
	s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	if s == "-0" {
		return "0"
	}
	return s
}

func hex(c Color) string { return fmt.Sprintf("#%02x%02x%02x", c.R, c.G, c.B) }

// escape makes text safe inside an SVG element or attribute, dropping
// what XML cannot hold (control characters other than tab and newline).
func escape(s string) string {
	var b strings.Builder
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
		case r < 0x20 && r != '\t' && r != '\n', r == 0xFFFE, r == 0xFFFF:
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}
