package report

import "github.com/briefhq/brief/internal/narrative"

// renderPDF is filled in by the PDF exporter.
func renderPDF(doc *narrative.Document, o Options) ([]byte, []string, error) {
	return nil, nil, errNoPDF
}
