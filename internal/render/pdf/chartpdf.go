package pdf

import (
	"fmt"
	"path"
	"strconv"
	"strings"

	"github.com/briefhq/brief/internal/chart"
)

var axisColor = rgb{0x9A, 0xA3, 0xAF}

func (r *renderer) chartFor(im image) (chart.Chart, bool) {
	c, ok := r.opts.Charts[im.Dest]
	if !ok {
		c, ok = r.opts.Charts[path.Base(im.Dest)]
	}
	if !ok {
		return c, false
	}
	if c.Title == "" {
		c.Title = im.Alt
	}
	return r.cleanChart(c), true
}

func (r *renderer) measure(s string, size float64, b bool) float64 {
	st := regular
	if b {
		st = bold
	}
	return r.textWidth(s, st, size) / ptmm
}

func (r *renderer) chartHeight(c chart.Chart) float64 {
	return c.Draw(r.width/ptmm, r.measure).H*ptmm + 5
}

// drawChart draws the chart's Scene (the same one the SVG is made of)
// with fpdf's vector primitives and the embedded font, kept on one page.
func (r *renderer) drawChart(c chart.Chart, im image, keep float64) {
	s := c.Draw(r.width/ptmm, r.measure)
	h := s.H * ptmm
	// The chart takes 1 mm above it, its height and 4 mm below; the
	// caption (keep) starts below that gap, on the same page.
	need := h + 2
	if keep > 0 {
		need = 1 + h + 4 + keep
	}
	r.room(need)
	r.y += 1
	x0, y0 := r.left, r.y
	fig := r.begin("Figure")
	fig.alt = chartAlt(c, im)
	k := 72 / 25.4
	fig.attr = fmt.Sprintf("<</O /Layout /BBox [%.2f %.2f %.2f %.2f]>>", x0*k, (r.pageH-y0-h)*k, (x0+s.W*ptmm)*k, (r.pageH-y0)*k)
	r.mark()
	X := func(v float64) float64 { return x0 + v*ptmm }
	Y := func(v float64) float64 { return y0 + v*ptmm }
	var texts []string
	for _, it := range s.Items {
		switch it.Shape {
		case chart.RectShape:
			r.fill(rgbOf(it.Fill))
			r.f.Rect(X(it.X), Y(it.Y), it.W*ptmm, it.H*ptmm, "F")
		case chart.LineShape:
			r.draw(rgbOf(it.Stroke))
			r.f.SetLineWidth(it.StrokeWidth * ptmm)
			r.f.Line(X(it.X), Y(it.Y), X(it.X2), Y(it.Y2))
		case chart.PolylineShape:
			r.draw(rgbOf(it.Stroke))
			r.f.SetLineWidth(it.StrokeWidth * ptmm)
			r.f.SetLineJoinStyle("round")
			for i, p := range it.Points {
				if i == 0 {
					r.f.MoveTo(X(p[0]), Y(p[1]))
				} else {
					r.f.LineTo(X(p[0]), Y(p[1]))
				}
			}
			r.f.DrawPath("D")
			r.f.SetLineJoinStyle("miter")
		case chart.CircleShape:
			r.fill(rgbOf(it.Fill))
			r.f.Circle(X(it.X), Y(it.Y), it.R*ptmm, "F")
		case chart.TextShape:
			st := regular
			switch {
			case it.Bold && it.Italic:
				st = boldItalic
			case it.Bold:
				st = bold
			case it.Italic:
				st = italic
			}
			tw := r.textWidth(it.Text, st, it.Size)
			x := X(it.X)
			switch it.Anchor {
			case chart.Middle:
				x -= tw / 2
			case chart.End:
				x -= tw
			}
			r.font(st, it.Size)
			r.textColor(rgbOf(it.Fill))
			r.f.Text(x, Y(it.Y), it.Text)
			texts = append(texts, it.Text)
		}
	}
	r.end(fig)
	r.record("chart: " + strings.Join(texts, " | "))
	r.lay.Charts = append(r.lay.Charts, Chart{Page: r.page(), File: path.Base(im.Dest), Kind: string(c.Kind), Title: c.Title})
	r.y += h + 4
}

// chartAlt is the text a screen reader says for a chart: its title, or
// the image's alt text, and the figures it shows ("Kazakhstan $27.8
// billion; Uzbekistan $11.2 billion"; the last point of each series of a
// line chart; the last few of a long series).
// maxAltPoints is the most points a chart's alt text names one by one.
const maxAltPoints = 12

func chartAlt(c chart.Chart, im image) string {
	alt := strings.TrimSpace(im.Alt)
	if alt == "" {
		alt = c.Title
	}
	var parts []string
	say := func(label, text string) {
		if label != "" && text != "" {
			parts = append(parts, label+" "+text)
		}
	}
	if len(c.Series) > 0 {
		for _, s := range c.Series {
			if n := len(s.Points); n > 0 {
				say(s.Name, s.Points[n-1].Text+" ("+s.Points[n-1].Label+")")
			}
		}
	} else {
		ps := c.Points
		if len(ps) > maxAltPoints { // a long series: its latest points
			parts = append(parts, c.Phrase("chart.alt.points", "n", strconv.Itoa(len(ps)), "k", strconv.Itoa(maxAltPoints/2)))
			ps = ps[len(ps)-maxAltPoints/2:]
		}
		for _, p := range ps {
			say(p.Label, p.Text)
		}
	}
	if len(parts) > 0 {
		alt += ": " + strings.Join(parts, "; ")
	}
	return strings.Join(strings.Fields(alt), " ")
}

func rgbOf(c chart.Color) rgb { return rgb{int(c.R), int(c.G), int(c.B)} }
