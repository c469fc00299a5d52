package docx

import (
	"bytes"
	"fmt"
	stdpng "image/png"

	"github.com/briefhq/brief/internal/chart"
	"github.com/briefhq/brief/internal/render/png"
)

// pngScale is the pixels a point of a chart's picture: 2 gives about 150
// pixels an inch at the text width, sharp on screen and in print.
const pngScale = 2.0

// chartPNG draws c as the PDF lays it out, w points wide (the text
// width), rasterised by render/png at pngScale, and returns the PNG with
// the picture's height in points. The PNG is encoded for speed: it is
// stored in the Word file as it is.
func chartPNG(c chart.Chart, w float64) ([]byte, float64, error) {
	s := c.Plain().Draw(w, nil)
	img, err := png.Raster(s, pngScale)
	if err != nil {
		return nil, 0, fmt.Errorf("docx: chart %q: %w", c.File, err)
	}
	var buf bytes.Buffer
	enc := stdpng.Encoder{CompressionLevel: stdpng.BestSpeed}
	if err := enc.Encode(&buf, img); err != nil {
		return nil, 0, fmt.Errorf("docx: chart %q: %w", c.File, err)
	}
	return buf.Bytes(), s.H, nil
}
