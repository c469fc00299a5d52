package report

import (
	"fmt"
	"sync"

	"github.com/briefhq/brief/internal/atomicfile"
	"github.com/briefhq/brief/internal/chart"
	"github.com/briefhq/brief/internal/format"
	"github.com/briefhq/brief/internal/narrative"
	"github.com/briefhq/brief/internal/render/doc"
	"github.com/briefhq/brief/internal/render/docx"
	"github.com/briefhq/brief/internal/render/html"
	"github.com/briefhq/brief/internal/render/pdf"
)

// meta is what the printed files say about themselves: the PDF's
// document information, the Word file's properties, the HTML's <meta>.
type meta struct {
	subject, author, creator string
	keywords                 []string
	charts                   map[string]chart.Chart
}

func metaOf(doc *narrative.Document, view *narrative.Brief, o Options) meta {
	charts := make(map[string]chart.Chart, len(doc.Charts))
	for _, c := range doc.Charts {
		charts[c.File] = c
	}
	author := o.Organisation
	if author == "" {
		author = "brief"
	}
	// The metadata are plain text: the view's names are escaped for
	// Markdown, so their escapes are undone ("snake\_case" is
	// "snake_case"); the printers make every field one clean line.
	var keywords []string
	for _, t := range view.Topics {
		if t.HasFigures() || len(t.Events) > 0 {
			keywords = append(keywords, format.UnescapeMarkdown(t.Name))
		}
	}
	return meta{
		subject: fmt.Sprintf("%s, %s", view.Week.Label, view.Week.Range),
		author:  author, creator: "brief " + o.Version, keywords: keywords, charts: charts,
	}
}

// renderPDF lays out the brief's Markdown, drawing its charts as vectors.
func renderPDF(parsed *doc.Document, m meta, o Options) ([]byte, []string, error) {
	b, warns, _, err := renderPDFPages(parsed, m, o)
	return b, warns, err
}

// pdfPages parses the Markdown and lays it out, telling the number of
// pages (talking points are cut until they fit on one).
func pdfPages(md *narrative.Document, view *narrative.Brief, o Options) ([]byte, []string, int, error) {
	return renderPDFPages(doc.Parse(md.Markdown), metaOf(md, view, o), o)
}

// renderPDFPages is renderPDF that also tells the number of pages.
func renderPDFPages(parsed *doc.Document, m meta, o Options) ([]byte, []string, int, error) {
	res, err := pdf.RenderDoc(parsed, pdf.Options{
		Title:     o.Title,
		Subject:   m.subject,
		Author:    m.author,
		Creator:   m.creator,
		Keywords:  m.keywords,
		Paper:     o.Paper,
		CreatedAt: o.Generated,
		Charts:    m.charts,
		Lang:      o.Lang,
	})
	if err != nil {
		return nil, nil, 0, fmt.Errorf("PDF: %w", err)
	}
	return res.PDF, res.Warnings, len(res.Layout.Pages), nil
}

// renderHTML prints the brief as one self-contained HTML file.
func renderHTML(parsed *doc.Document, m meta, o Options) ([]byte, []string, error) {
	res, err := html.Render(parsed, html.Options{
		Title: o.Title, Lang: o.Lang, Paper: o.Paper,
		Author: m.author, Description: m.subject, Generator: m.creator,
		Charts: m.charts,
	})
	if err != nil {
		return nil, nil, fmt.Errorf("HTML: %w", err)
	}
	return res.HTML, res.Warnings, nil
}

// renderDOCX prints the brief as a Word document.
func renderDOCX(parsed *doc.Document, m meta, o Options) ([]byte, []string, error) {
	res, err := docx.Render(parsed, docx.Options{
		Title: o.Title, Subject: m.subject, Author: m.author, Creator: m.creator,
		Keywords: m.keywords, Lang: o.Lang, Paper: o.Paper, CreatedAt: o.Generated,
		Charts: m.charts,
	})
	if err != nil {
		return nil, nil, fmt.Errorf("the Word file: %w", err)
	}
	return res.DOCX, res.Warnings, nil
}

// printed renders the formats asked for besides Markdown and JSON (PDF,
// Word, HTML) from one parse of the Markdown, as NAME.pdf, NAME.docx and
// NAME.html. The printers run at once (they only read the parse); their
// files and warnings are taken in that order, a warning two printers give
// once.
func (o Options) printed(name string, md *narrative.Document, view *narrative.Brief, out *Output) error {
	type printer struct {
		ext    string
		render func(*doc.Document, meta, Options) ([]byte, []string, error)
		data   []byte
		warns  []string
		err    error
	}
	var ps []*printer
	if o.Formats.PDF {
		ps = append(ps, &printer{ext: ".pdf", render: renderPDF})
	}
	if o.Formats.DOCX {
		ps = append(ps, &printer{ext: ".docx", render: renderDOCX})
	}
	if o.Formats.HTML {
		ps = append(ps, &printer{ext: ".html", render: renderHTML})
	}
	if len(ps) == 0 {
		return nil
	}
	parsed := doc.Parse(md.Markdown)
	m := metaOf(md, view, o)
	var wg sync.WaitGroup
	for _, p := range ps {
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer func() {
				// A printer's bug is this brief's error, not the end of a
				// batch of them.
				if r := recover(); r != nil {
					p.err = fmt.Errorf("writing %s%s failed: %v", name, p.ext, r)
				}
			}()
			p.data, p.warns, p.err = p.render(parsed, m, o)
		}()
	}
	wg.Wait()
	seen := map[string]bool{}
	for _, w := range out.Warnings {
		seen[w] = true
	}
	for _, p := range ps {
		if p.err != nil {
			return p.err
		}
		for _, w := range p.warns {
			if !seen[w] {
				seen[w] = true
				out.Warnings = append(out.Warnings, w)
			}
		}
		out.Files = append(out.Files, atomicfile.File{Path: name + p.ext, Data: p.data})
	}
	return nil
}
