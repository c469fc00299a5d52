// Package png draws a brief's charts as PNG images at slide resolution:
// the same Scene the SVG and the PDF are drawn from (chart.Chart.Draw),
// rasterised with golang.org/x/image/vector and set in DejaVu Sans, the
// font the PDF embeds and the SVG names first, so all three show the same
// picture.
package png

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"hash/crc32"
	"image"
	"image/color"
	"image/draw"
	stdpng "image/png"
	"math"
	"sync"

	"github.com/go-fonts/dejavu/dejavusans"
	"github.com/go-fonts/dejavu/dejavusansbold"
	"github.com/go-fonts/dejavu/dejavusansboldoblique"
	"github.com/go-fonts/dejavu/dejavusansoblique"
	"golang.org/x/image/font"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"
	"golang.org/x/image/vector"

	"github.com/briefhq/brief/internal/chart"
)

// Width is the width in pixels of a chart's PNG: wide enough for a
// full-width chart on a 1920 x 1080 slide.
const Width = 1600

// Scale is the number of pixels per point of the chart's Scene, which is
// laid out chart.SVGWidth points wide, as the SVG is.
const Scale = float64(Width) / chart.SVGWidth

// Chart draws c as a PNG image Width pixels wide: the Scene the SVG is
// made of (c.Draw(chart.SVGWidth, nil)), scaled by Scale. The image
// records its resolution (a pHYs chunk of Scale x 72 pixels per inch), so
// a word processor or slide program places it at the SVG's size in
// points. The same chart always gives the same bytes.
func Chart(c chart.Chart) ([]byte, error) {
	return Scene(c.Plain().Draw(chart.SVGWidth, nil), Scale)
}

// Scene rasterises s at scale pixels per point, on white, and encodes it
// as a PNG whose pHYs chunk says scale x 72 pixels per inch.
func Scene(s chart.Scene, scale float64) ([]byte, error) {
	img, err := Raster(s, scale)
	if err != nil {
		return nil, err
	}
	var b bytes.Buffer
	enc := stdpng.Encoder{CompressionLevel: stdpng.DefaultCompression}
	if err := enc.Encode(&b, img); err != nil {
		return nil, fmt.Errorf("png: %w", err)
	}
	return withResolution(b.Bytes(), scale*72)
}

// The largest image Raster makes, in pixels a side: far beyond any chart
// (a bar chart of a thousand entities is about 50,000 pixels high at
// Scale), and small enough that a runaway Scene is an error, not an
// allocation of gigabytes.
const maxSide = 1 << 16

// Raster draws s at scale pixels per point on a white RGBA image of
// ceil(W x scale) by ceil(H x scale) pixels.
func Raster(s chart.Scene, scale float64) (*image.RGBA, error) {
	if !(scale > 0) || math.IsInf(scale, 0) {
		return nil, fmt.Errorf("png: scale %v: must be a positive number", scale)
	}
	w, h := math.Ceil(s.W*scale), math.Ceil(s.H*scale)
	if !(w >= 1 && h >= 1 && w <= maxSide && h <= maxSide) {
		return nil, fmt.Errorf("png: a chart of %.0f x %.0f points is %.0f x %.0f pixels at %.3g pixels a point: each side must be 1 to %d pixels", s.W, s.H, w, h, scale, maxSide)
	}
	img := image.NewRGBA(image.Rect(0, 0, int(w), int(h)))
	draw.Draw(img, img.Bounds(), image.White, image.Point{}, draw.Src)
	p := painter{img: img, k: scale, z: vector.NewRasterizer(int(w), int(h)), faces: map[faceKey]font.Face{}}
	for _, it := range s.Items {
		if err := p.item(it); err != nil {
			return nil, err
		}
	}
	return img, nil
}

type painter struct {
	img   *image.RGBA
	k     float64 // pixels per point
	z     *vector.Rasterizer
	faces map[faceKey]font.Face
	path  [][][2]float64 // the polygons of the shape being painted, in pixels
}

// fill paints the polygons added since the last fill in col. Every
// polygon winds the same way, so overlapping parts (a line's segments
// and round joins) are painted once. The rasteriser covers only the
// polygons' bounding box: a chart is a hundred small shapes on a large
// image.
func (p *painter) fill(col chart.Color) {
	defer func() { p.path = p.path[:0] }()
	lo, hi := [2]float64{math.Inf(1), math.Inf(1)}, [2]float64{math.Inf(-1), math.Inf(-1)}
	for _, poly := range p.path {
		for _, q := range poly {
			lo = [2]float64{math.Min(lo[0], q[0]), math.Min(lo[1], q[1])}
			hi = [2]float64{math.Max(hi[0], q[0]), math.Max(hi[1], q[1])}
		}
	}
	r := image.Rect(int(math.Floor(lo[0])), int(math.Floor(lo[1])), int(math.Ceil(hi[0])), int(math.Ceil(hi[1]))).Intersect(p.img.Bounds())
	if r.Empty() {
		return
	}
	p.z.Reset(r.Dx(), r.Dy())
	p.z.DrawOp = draw.Over
	ox, oy := float64(r.Min.X), float64(r.Min.Y)
	for _, poly := range p.path {
		for i, q := range poly {
			x, y := float32(q[0]-ox), float32(q[1]-oy)
			if i == 0 {
				p.z.MoveTo(x, y)
			} else {
				p.z.LineTo(x, y)
			}
		}
		p.z.ClosePath()
	}
	p.z.Draw(p.img, r, image.NewUniform(rgba(col)), image.Point{})
}

// polygon adds a polygon of points given in points.
func (p *painter) polygon(pts ...[2]float64) {
	poly := make([][2]float64, len(pts))
	for i, q := range pts {
		poly[i] = [2]float64{q[0] * p.k, q[1] * p.k}
	}
	p.path = append(p.path, poly)
}

func (p *painter) item(it chart.Item) error {
	switch it.Shape {
	case chart.RectShape:
		if it.W <= 0 || it.H <= 0 {
			return nil
		}
		p.rect(it.X, it.Y, it.W, it.H)
		p.fill(it.Fill)
	case chart.LineShape:
		p.segment(it.X, it.Y, it.X2, it.Y2, it.StrokeWidth/2)
		p.fill(it.Stroke)
	case chart.PolylineShape:
		// Round joins, as the SVG's stroke-linejoin="round" and the PDF's
		// line join style: a disc at each inner point.
		hw := it.StrokeWidth / 2
		for i := 1; i < len(it.Points); i++ {
			a, b := it.Points[i-1], it.Points[i]
			p.segment(a[0], a[1], b[0], b[1], hw)
		}
		for i := 1; i+1 < len(it.Points); i++ {
			p.disc(it.Points[i][0], it.Points[i][1], hw)
		}
		p.fill(it.Stroke)
	case chart.CircleShape:
		p.disc(it.X, it.Y, it.R)
		p.fill(it.Fill)
	case chart.TextShape:
		return p.text(it)
	}
	return nil
}

// rect adds a rectangle, wound as segment winds its quadrilaterals.
func (p *painter) rect(x, y, w, h float64) {
	p.polygon([2]float64{x, y}, [2]float64{x, y + h}, [2]float64{x + w, y + h}, [2]float64{x + w, y})
}

// segment adds the quadrilateral a butt-capped stroke of half width hw
// covers from (x1, y1) to (x2, y2).
func (p *painter) segment(x1, y1, x2, y2, hw float64) {
	dx, dy := x2-x1, y2-y1
	l := math.Hypot(dx, dy)
	if l == 0 || hw <= 0 {
		return
	}
	nx, ny := -dy/l*hw, dx/l*hw
	p.polygon([2]float64{x1 + nx, y1 + ny}, [2]float64{x2 + nx, y2 + ny}, [2]float64{x2 - nx, y2 - ny}, [2]float64{x1 - nx, y1 - ny})
}

// disc adds a circle of radius r as a polygon fine enough that no vertex
// is a visible corner at the image's scale, wound as segment winds.
func (p *painter) disc(cx, cy, r float64) {
	if r <= 0 {
		return
	}
	n := max(16, int(math.Ceil(2*math.Pi*r*p.k/2)))
	pts := make([][2]float64, n)
	for i := range pts {
		a := -2 * math.Pi * float64(i) / float64(n)
		pts[i] = [2]float64{cx + r*math.Cos(a), cy + r*math.Sin(a)}
	}
	p.polygon(pts...)
}

// text sets it in DejaVu Sans at its size, its baseline at Y and X its
// start, middle or end by its anchor, as the SVG and the PDF place it.
func (p *painter) text(it chart.Item) error {
	if it.Text == "" || !(it.Size > 0) {
		return nil
	}
	face, err := p.face(it.Bold, it.Italic, it.Size*p.k)
	if err != nil {
		return err
	}
	d := font.Drawer{Dst: p.img, Src: image.NewUniform(rgba(it.Fill)), Face: unkerned{face}}
	x := it.X * p.k
	switch it.Anchor {
	case chart.Middle:
		x -= fx(d.MeasureString(it.Text)) / 2
	case chart.End:
		x -= fx(d.MeasureString(it.Text))
	}
	d.Dot = fixed.Point26_6{X: toFixed(x), Y: toFixed(it.Y * p.k)}
	d.DrawString(it.Text)
	return nil
}

// unkerned sets text by the glyphs' advances alone, as the Scene measures
// it (chart.ApproxWidth) and the PDF sets it, so that a text anchored at
// its middle or end lands where the SVG's box and the PDF's text are.
type unkerned struct{ font.Face }

func (unkerned) Kern(rune, rune) fixed.Int26_6 { return 0 }

type faceKey struct {
	style int
	size  float64
}

// face returns DejaVu Sans in the style at size pixels, made once per
// image (a font.Face is not safe for concurrent use; the fonts are).
func (p *painter) face(bold, italic bool, size float64) (font.Face, error) {
	style := 0
	if bold {
		style |= 1
	}
	if italic {
		style |= 2
	}
	k := faceKey{style, size}
	if f, ok := p.faces[k]; ok {
		return f, nil
	}
	fonts, err := dejavu()
	if err != nil {
		return nil, err
	}
	f, err := opentype.NewFace(fonts[style], &opentype.FaceOptions{Size: size, DPI: 72, Hinting: font.HintingNone})
	if err != nil {
		return nil, fmt.Errorf("png: DejaVu Sans at %.1f px: %w", size, err)
	}
	p.faces[k] = f
	return f, nil
}

var dejavu = sync.OnceValues(func() ([4]*opentype.Font, error) {
	var out [4]*opentype.Font
	for i, ttf := range [4][]byte{dejavusans.TTF, dejavusansbold.TTF, dejavusansoblique.TTF, dejavusansboldoblique.TTF} {
		f, err := opentype.Parse(ttf)
		if err != nil {
			return out, fmt.Errorf("png: reading the DejaVu Sans fonts: %w", err)
		}
		out[i] = f
	}
	return out, nil
})

func rgba(c chart.Color) color.RGBA { return color.RGBA{c.R, c.G, c.B, 0xFF} }

func fx(v fixed.Int26_6) float64 { return float64(v) / 64 }

func toFixed(v float64) fixed.Int26_6 { return fixed.Int26_6(math.Round(v * 64)) }

// withResolution inserts a pHYs chunk of ppi pixels per inch after the
// PNG's header chunk (IHDR), which image/png always writes first and
// 13 bytes long.
func withResolution(b []byte, ppi float64) ([]byte, error) {
	const ihdrEnd = 8 + 4 + 4 + 13 + 4 // signature, length, type, data, CRC
	if len(b) < ihdrEnd || string(b[12:16]) != "IHDR" {
		return nil, fmt.Errorf("png: the encoder wrote no header chunk first")
	}
	ppm := uint32(math.Round(ppi / 0.0254))
	chunk := make([]byte, 0, 21)
	chunk = binary.BigEndian.AppendUint32(chunk, 9)
	chunk = append(chunk, "pHYs"...)
	chunk = binary.BigEndian.AppendUint32(chunk, ppm)
	chunk = binary.BigEndian.AppendUint32(chunk, ppm)
	chunk = append(chunk, 1) // unit: the metre
	chunk = binary.BigEndian.AppendUint32(chunk, crc32.ChecksumIEEE(chunk[4:]))
	out := make([]byte, 0, len(b)+len(chunk))
	out = append(out, b[:ihdrEnd]...)
	out = append(out, chunk...)
	return append(out, b[ihdrEnd:]...), nil
}
