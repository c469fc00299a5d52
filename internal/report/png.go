package report

import (
	"fmt"
	"strings"

	"github.com/briefhq/brief/internal/atomicfile"
	"github.com/briefhq/brief/internal/narrative"
	"github.com/briefhq/brief/internal/render/png"
)

// chartPNGs draws each chart of the document as a PNG (render/png), named
// as its SVG with .png for .svg: chart-trade_turnover-bar.png.
func chartPNGs(doc *narrative.Document) ([]atomicfile.File, error) {
	files := make([]atomicfile.File, 0, len(doc.Charts))
	for _, c := range doc.Charts {
		b, err := png.Chart(c)
		if err != nil {
			return nil, fmt.Errorf("chart %s: %w", c.File, err)
		}
		files = append(files, atomicfile.File{Path: PNGName(c.File), Data: b})
	}
	return files, nil
}

// PNGName is the file name of the PNG of a chart whose SVG is named svg.
func PNGName(svg string) string { return strings.TrimSuffix(svg, ".svg") + ".png" }
