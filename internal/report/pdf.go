package report

import (
	"fmt"

	"github.com/briefhq/brief/internal/chart"
	"github.com/briefhq/brief/internal/format"
	"github.com/briefhq/brief/internal/narrative"
	"github.com/briefhq/brief/internal/render/pdf"
)

// renderPDF lays out the brief's Markdown, drawing its charts as vectors.
func renderPDF(doc *narrative.Document, view *narrative.Brief, o Options) ([]byte, []string, error) {
	b, warns, _, err := renderPDFPages(doc, view, o)
	return b, warns, err
}

// renderPDFPages is renderPDF that also tells the number of pages.
func renderPDFPages(doc *narrative.Document, view *narrative.Brief, o Options) ([]byte, []string, int, error) {
	charts := make(map[string]chart.Chart, len(doc.Charts))
	for _, c := range doc.Charts {
		charts[c.File] = c
	}
	author := o.Organisation
	if author == "" {
		author = "brief"
	}
	// The PDF's metadata is plain text: the view's names are escaped for
	// Markdown, so their escapes are undone ("snake\_case" is
	// "snake_case"); pdf.Render makes every field one clean line.
	var keywords []string
	for _, t := range view.Topics {
		if t.HasFigures() || len(t.Events) > 0 {
			keywords = append(keywords, format.UnescapeMarkdown(t.Name))
		}
	}
	res, err := pdf.Render(doc.Markdown, pdf.Options{
		Title:     o.Title,
		Subject:   fmt.Sprintf("%s, %s", view.Week.Label, view.Week.Range),
		Author:    author,
		Creator:   "brief " + o.Version,
		Keywords:  keywords,
		Paper:     o.Paper,
		CreatedAt: o.Generated,
		Charts:    charts,
	})
	if err != nil {
		return nil, nil, 0, fmt.Errorf("PDF: %w", err)
	}
	return res.PDF, res.Warnings, len(res.Layout.Pages), nil
}
