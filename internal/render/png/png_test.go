package png

import (
	"bytes"
	"encoding/binary"
	"encoding/xml"
	"image"
	"image/color"
	stdpng "image/png"
	"math"
	"strconv"
	"strings"
	"sync"
	"testing"

	"golang.org/x/image/font"
	"golang.org/x/image/font/opentype"

	"github.com/briefhq/brief/internal/chart"
)

// svgShape is one element of a chart's SVG, as the SVG writes it.
type svgShape struct {
	name                   string
	x, y, w, h, r          float64
	x1, y1, x2, y2, stroke float64
	points                 [][2]float64
	fill, strokeCol        color.RGBA
	text, anchor           string
	size                   float64
	bold, italic           bool
}

// parseSVG reads the shapes of an SVG the chart package wrote: the
// geometry every viewer of brief.md sees.
func parseSVG(t *testing.T, b []byte) (w, h float64, shapes []svgShape) {
	t.Helper()
	d := xml.NewDecoder(bytes.NewReader(b))
	var cur *svgShape
	for {
		tok, err := d.Token()
		if err != nil {
			break
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			a := map[string]string{}
			for _, at := range tok.Attr {
				a[at.Name.Local] = at.Value
			}
			f := func(k string) float64 {
				v, _ := strconv.ParseFloat(a[k], 64)
				return v
			}
			s := svgShape{name: tok.Name.Local, x: f("x"), y: f("y"), w: f("width"), h: f("height"), r: f("r"),
				x1: f("x1"), y1: f("y1"), x2: f("x2"), y2: f("y2"), stroke: f("stroke-width"),
				fill: hexColor(t, a["fill"]), strokeCol: hexColor(t, a["stroke"]), anchor: a["text-anchor"],
				size: f("font-size"), bold: a["font-weight"] == "bold", italic: a["font-style"] == "italic"}
			switch s.name {
			case "svg":
				w, h = s.w, s.h
				continue
			case "circle":
				s.x, s.y = f("cx"), f("cy")
			case "polyline":
				for _, p := range strings.Fields(a["points"]) {
					xy := strings.Split(p, ",")
					px, _ := strconv.ParseFloat(xy[0], 64)
					py, _ := strconv.ParseFloat(xy[1], 64)
					s.points = append(s.points, [2]float64{px, py})
				}
			case "title":
				continue
			}
			shapes = append(shapes, s)
			cur = &shapes[len(shapes)-1]
		case xml.CharData:
			if cur != nil && cur.name == "text" {
				cur.text += string(tok)
			}
		case xml.EndElement:
			cur = nil
		}
	}
	if w == 0 || len(shapes) == 0 {
		t.Fatalf("no shapes in the SVG:\n%s", b)
	}
	return w, h, shapes
}

func hexColor(t *testing.T, s string) color.RGBA {
	if s == "" || s == "none" {
		return color.RGBA{}
	}
	v, err := strconv.ParseUint(strings.TrimPrefix(s, "#"), 16, 32)
	if err != nil {
		t.Fatalf("colour %q: %v", s, err)
	}
	return color.RGBA{uint8(v >> 16), uint8(v >> 8), uint8(v), 0xFF}
}

func decode(t *testing.T, b []byte) image.Image {
	t.Helper()
	img, err := stdpng.Decode(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("the PNG does not decode: %v", err)
	}
	return img
}

// at is the pixel at (x, y) in points; white outside the image.
func at(img image.Image, x, y float64) color.RGBA {
	p := image.Pt(int(math.Floor(x*Scale)), int(math.Floor(y*Scale)))
	if !p.In(img.Bounds()) {
		return color.RGBA{0xFF, 0xFF, 0xFF, 0xFF}
	}
	r, g, b, _ := img.At(p.X, p.Y).RGBA()
	return color.RGBA{uint8(r >> 8), uint8(g >> 8), uint8(b >> 8), 0xFF}
}

func dist(a, b color.RGBA) float64 {
	dr, dg, db := float64(a.R)-float64(b.R), float64(a.G)-float64(b.G), float64(a.B)-float64(b.B)
	return math.Sqrt(dr*dr + dg*dg + db*db)
}

// nearest is the colour closest to want among the pixels within rad
// points of (x, y).
func nearest(img image.Image, x, y, rad float64, want color.RGBA) color.RGBA {
	best, bd := color.RGBA{}, math.Inf(1)
	for dy := -rad; dy <= rad; dy += 0.25 {
		for dx := -rad; dx <= rad; dx += 0.25 {
			c := at(img, x+dx, y+dy)
			if d := dist(c, want); d < bd {
				best, bd = c, d
			}
		}
	}
	return best
}

// TestSamePictureAsSVG draws each chart as SVG and as PNG and finds every
// shape of the SVG at the same place in the PNG: the picture is the same
// size, bars fill exactly the SVG's rectangles, lines and dots lie where
// the SVG draws them, and each text's ink spans the box the SVG anchors
// it in.
func TestSamePictureAsSVG(t *testing.T) {
	for name, c := range testCharts() {
		t.Run(name, func(t *testing.T) {
			svg := c.SVG()
			b, err := Chart(c)
			if err != nil {
				t.Fatal(err)
			}
			img := decode(t, b)
			w, h, shapes := parseSVG(t, svg)
			if got, want := img.Bounds().Size(), image.Pt(Width, int(math.Ceil(h*Scale))); got != want || w != chart.SVGWidth {
				t.Fatalf("PNG of %v pixels for an SVG of %v x %v points; want %v", got, w, h, want)
			}
			white := color.RGBA{0xFF, 0xFF, 0xFF, 0xFF}
			var checked int
			for i, s := range shapes {
				switch s.name {
				case "rect":
					if s.x == 0 && s.y == 0 && s.w == w {
						continue // the background
					}
					// The middle is the bar's colour, and just outside each
					// end the bar is not there.
					if got := at(img, s.x+s.w/2, s.y+s.h/2); got != s.fill {
						t.Errorf("bar %+v: middle is %v, want %v", s, got, s.fill)
					}
					for _, x := range []float64{s.x - 1.5, s.x + s.w + 1.5} {
						if got := at(img, x, s.y+s.h/2); dist(got, s.fill) < 60 {
							t.Errorf("bar %+v: %v at x=%.1f, 1.5 points outside the bar", s, got, x)
						}
					}
					if got := at(img, s.x+s.w/2, s.y-1.5); dist(got, s.fill) < 60 {
						t.Errorf("bar %+v: %v 1.5 points above the bar", s, got)
					}
					checked++
				case "circle":
					if got := at(img, s.x, s.y); dist(got, s.fill) > 8 {
						t.Errorf("dot %+v: centre is %v, want %v", s, got, s.fill)
					}
					checked++
				case "polyline":
					for i := 1; i < len(s.points); i++ {
						mx, my := (s.points[i-1][0]+s.points[i][0])/2, (s.points[i-1][1]+s.points[i][1])/2
						if got := nearest(img, mx, my, 0.5, s.strokeCol); dist(got, s.strokeCol) > 40 {
							t.Errorf("line %v: segment %d's middle (%.1f, %.1f) is %v, want %v", s.strokeCol, i, mx, my, got, s.strokeCol)
						}
					}
					checked++
				case "line":
					// A grid line, the axis, a tick or a leader: its stroke
					// shows at every point along it that no later shape
					// covers.
					seen := 0
					for k := 0.0; k <= 1; k += 0.1 {
						x, y := s.x1+(s.x2-s.x1)*k, s.y1+(s.y2-s.y1)*k
						if covered(shapes[i+1:], x, y) {
							continue
						}
						got := nearest(img, x, y, 0.5, s.strokeCol)
						if dist(got, s.strokeCol) > dist(s.strokeCol, white)/2 {
							t.Errorf("line %+v: nearest colour at (%.1f, %.1f) is %v, want about %v", s, x, y, got, s.strokeCol)
						}
						seen++
					}
					if seen > 0 {
						checked++
					}
				case "text":
					checkText(t, img, s)
					checked++
				}
			}
			if checked < 2 {
				t.Fatalf("only %d shapes compared", checked)
			}
		})
	}
}

// covered tells whether one of the shapes, drawn later, lies over the
// point (x, y), within a point.
func covered(later []svgShape, x, y float64) bool {
	for _, s := range later {
		switch s.name {
		case "rect":
			if x >= s.x-1 && x <= s.x+s.w+1 && y >= s.y-1 && y <= s.y+s.h+1 {
				return true
			}
		case "circle":
			if math.Hypot(x-s.x, y-s.y) <= s.r+1 {
				return true
			}
		case "line":
			if segDist(x, y, s.x1, s.y1, s.x2, s.y2) <= s.stroke/2+1 {
				return true
			}
		case "polyline":
			for i := 1; i < len(s.points); i++ {
				if segDist(x, y, s.points[i-1][0], s.points[i-1][1], s.points[i][0], s.points[i][1]) <= s.stroke/2+1 {
					return true
				}
			}
		case "text":
			x0, x1 := textBox(s)
			if x >= x0-1 && x <= x1+1 && y >= s.y-s.size-1 && y <= s.y+s.size*0.3+1 {
				return true
			}
		}
	}
	return false
}

func segDist(px, py, x1, y1, x2, y2 float64) float64 {
	dx, dy := x2-x1, y2-y1
	k := 0.0
	if l := dx*dx + dy*dy; l > 0 {
		k = math.Max(0, math.Min(1, ((px-x1)*dx+(py-y1)*dy)/l))
	}
	return math.Hypot(px-x1-k*dx, py-y1-k*dy)
}

// textBox is where the SVG places a text: anchored at x, as wide as
// chart.ApproxWidth measures it (the measure its scene is laid out by).
func textBox(s svgShape) (x0, x1 float64) {
	tw := chart.ApproxWidth(s.text, s.size, s.bold)
	x0 = s.x
	switch s.anchor {
	case "middle":
		x0 -= tw / 2
	case "end":
		x0 -= tw
	}
	return x0, x0 + tw
}

// checkText finds the ink of a text, the pixels of its colour near its
// line, and compares its extent with where DejaVu Sans puts ink when the
// text starts where the SVG's box does (textBox): the glyphs' own bounds,
// side bearings included, read from the font here.
func checkText(t *testing.T, img image.Image, s svgShape) {
	t.Helper()
	x0, x1 := textBox(s)
	white := color.RGBA{0xFF, 0xFF, 0xFF, 0xFF}
	st := 0
	if s.bold {
		st |= 1
	}
	if s.italic {
		st |= 2
	}
	fonts, err := dejavu()
	if err != nil {
		t.Fatal(err)
	}
	face, err := opentype.NewFace(fonts[st], &opentype.FaceOptions{Size: s.size, DPI: 72})
	if err != nil {
		t.Fatal(err)
	}
	ink, _ := font.BoundString(unkerned{face}, s.text)
	want0, want1 := x0+float64(ink.Min.X)/64, x0+float64(ink.Max.X)/64
	lo, hi := math.Inf(1), math.Inf(-1)
	step := 1 / Scale
	// Ink is looked for up to 1.5 points beyond where it should be: a
	// text set off its place shows as ink missing on the other side.
	for y := s.y - s.size; y <= s.y+s.size*0.3; y += step {
		for x := want0 - 1.5; x <= want1+1.5; x += step {
			if c := at(img, x, y); dist(c, s.fill) < dist(c, white) {
				lo, hi = math.Min(lo, x), math.Max(hi, x)
			}
		}
	}
	if math.IsInf(lo, 0) {
		t.Errorf("text %q: no ink of %v in its box [%.1f, %.1f] at baseline %.1f", s.text, s.fill, x0, x1, s.y)
		return
	}
	if math.Abs(lo-want0) > 0.75 || math.Abs(hi-want1) > 0.75 {
		t.Errorf("text %q (%s): ink from %.1f to %.1f, want %.1f to %.1f (the SVG's box from %.1f to %.1f)", s.text, s.anchor, lo, hi, want0, want1, x0, x1)
	}
}

// TestPlotMatchesScene checks the bar chart against its Scene directly:
// the plot's bars start at the zero axis and their ends are where the
// values put them, so relative lengths read as in the SVG and the PDF.
func TestPlotMatchesScene(t *testing.T) {
	c := testCharts()["bar"]
	s := c.Plain().Draw(chart.SVGWidth, nil)
	b, err := Chart(c)
	if err != nil {
		t.Fatal(err)
	}
	img := decode(t, b)
	accent := rgba(chart.Accent)
	var bars []chart.Item
	for _, it := range s.Items {
		if it.Shape == chart.RectShape {
			bars = append(bars, it)
		}
	}
	if len(bars) != len(c.Points) {
		t.Fatalf("%d bars in the scene for %d points", len(bars), len(c.Points))
	}
	// Scan each bar's row for its coloured run: it starts and ends within
	// a pixel of the Scene's rectangle, and the lengths keep the values'
	// ratios (27.8 to 1.6 billion).
	var runs []float64
	for _, bar := range bars {
		yc := (bar.Y + bar.H/2) * Scale
		first, last := -1, -1
		for x := 0; x < img.Bounds().Dx(); x++ {
			r, g, bl, _ := img.At(x, int(yc)).RGBA()
			if (color.RGBA{uint8(r >> 8), uint8(g >> 8), uint8(bl >> 8), 0xFF}) == accent {
				if first < 0 {
					first = x
				}
				last = x
			}
		}
		// The zero axis (0.8 points wide) is drawn over the bar's start.
		start, end := bar.X*Scale, (bar.X+bar.W)*Scale
		if float64(first) < start-1 || float64(first) > start+0.4*Scale+1 || math.Abs(float64(last+1)-end) > 1 {
			t.Errorf("bar at y=%.1f: pixels %d to %d, scene %.1f to %.1f", bar.Y, first, last+1, start, end)
		}
		runs = append(runs, float64(last+1)-start)
	}
	if got, want := runs[0]/runs[3], 27.8/1.6; math.Abs(got-want)/want > 0.02 {
		t.Errorf("longest to shortest bar %.2f, values %.2f", got, want)
	}
}

// TestDeterministic: the same chart gives the same bytes, also when many
// are drawn at once (a --per batch draws charts in parallel).
func TestDeterministic(t *testing.T) {
	for name, c := range testCharts() {
		want, err := Chart(c)
		if err != nil {
			t.Fatal(err)
		}
		var wg sync.WaitGroup
		got := make([][]byte, 4)
		for i := range got {
			wg.Go(func() { got[i], _ = Chart(c) })
		}
		wg.Wait()
		for i := range got {
			if !bytes.Equal(got[i], want) {
				t.Errorf("%s: drawing %d differs from the first", name, i)
			}
		}
	}
}

// TestResolution: the PNG says it is Scale x 72 pixels per inch, so a
// word processor places it at the SVG's size in points (560 points, 7.8
// inches, wide).
func TestResolution(t *testing.T) {
	b, err := Chart(testCharts()["bar"])
	if err != nil {
		t.Fatal(err)
	}
	i := bytes.Index(b, []byte("pHYs"))
	if i < 0 || i > bytes.Index(b, []byte("IDAT")) {
		t.Fatal("no pHYs chunk before the image data")
	}
	ppm := binary.BigEndian.Uint32(b[i+4:])
	widthIn := float64(Width) / (float64(ppm) * 0.0254)
	if math.Abs(widthIn*72-chart.SVGWidth) > 0.5 || b[i+12] != 1 {
		t.Errorf("pHYs says %d pixels a metre (unit %d): %.1f points wide, want %d", ppm, b[i+12], widthIn*72, chart.SVGWidth)
	}
	if _, err := stdpng.Decode(bytes.NewReader(b)); err != nil {
		t.Errorf("the PNG with its pHYs chunk does not decode: %v", err)
	}
}

func TestRasterRefusesWhatItCannotDraw(t *testing.T) {
	for _, tt := range []struct {
		s     chart.Scene
		scale float64
		want  string
	}{
		{chart.Scene{W: 560, H: 100}, 0, "scale 0: must be a positive number"},
		{chart.Scene{W: 560, H: 100}, math.NaN(), "must be a positive number"},
		{chart.Scene{W: 560, H: 0}, 2, "each side must be 1 to 65536 pixels"},
		{chart.Scene{W: 560, H: 1e6}, Scale, "each side must be 1 to 65536 pixels"},
	} {
		_, err := Scene(tt.s, tt.scale)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("Scene(%v, %v) = %v, want an error with %q", tt.s, tt.scale, err, tt.want)
		}
	}
}

// BenchmarkChart draws the timed line chart of three series, the most
// detailed of the test charts.
func BenchmarkChart(b *testing.B) {
	c := testCharts()["timed-lines"]
	for b.Loop() {
		if _, err := Chart(c); err != nil {
			b.Fatal(err)
		}
	}
}

// TestEdgeCharts: charts at the edges of what the layout takes (no data,
// one point, zeros only, negatives only, a label the font lacks, a
// hundred bars) are drawn, as tall as their scene.
func TestEdgeCharts(t *testing.T) {
	var many []chart.Point
	for i := range 100 {
		many = append(many, chart.Point{Label: strings.Repeat("x", i%30+1), Value: float64(i*i) - 2000})
	}
	for name, c := range map[string]chart.Chart{
		"empty":     {Kind: chart.Bar},
		"one point": {Kind: chart.Line, Points: []chart.Point{{Label: "2024", Value: 1}}},
		"zeros":     {Kind: chart.Bar, Points: []chart.Point{{Label: "x", Value: 0}, {Label: "y", Value: 0}}},
		"negatives": {Kind: chart.Line, Title: "Negative", Points: []chart.Point{{Label: "a", Value: -1}, {Label: "b", Value: -3}}},
		"no glyph":  {Kind: chart.Bar, Title: "中文 📈", Points: []chart.Point{{Label: "東京", Value: 2}, {Label: "대한민국", Value: 1}}},
		"100 bars":  {Kind: chart.Bar, Title: "Many", Points: many},
	} {
		b, err := Chart(c)
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		img := decode(t, b)
		h := c.Plain().Draw(chart.SVGWidth, nil).H
		if got := img.Bounds().Size(); got.X != Width || got.Y != int(math.Ceil(h*Scale)) {
			t.Errorf("%s: %v pixels for a scene %.1f points high", name, got, h)
		}
	}
}
