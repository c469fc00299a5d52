// Package pdf renders a brief's Markdown (CommonMark, GFM tables,
// footnotes) as a PDF with embedded DejaVu fonts, vector charts, an
// outline and reproducible bytes.
package pdf

import (
	"bytes"
	"fmt"
	"strings"
	"time"

	"codeberg.org/go-pdf/fpdf"
	"golang.org/x/text/language"

	"github.com/briefhq/brief/internal/chart"
	"github.com/briefhq/brief/internal/render/doc"
)

// Options describe the document around the Markdown. The zero value gives
// an A4 PDF dated 1970-01-01, so callers should set CreatedAt.
type Options struct {
	// Title, Subject, Author, Creator and Keywords are plain text, not
	// Markdown: callers unescape Markdown first (format.UnescapeMarkdown).
	// Render makes them one line by format.PlainText (no control, bidi or
	// zero-width characters, no newlines) before it writes them.
	Title, Subject, Author, Creator string
	Keywords                        []string
	Paper                           string    // "a4" (default) or "letter"
	CreatedAt                       time.Time // CreationDate and ModDate: inject the clock
	// Lang is the language of the document's text, a BCP 47 tag ("en",
	// "ru", "kk"): the catalog's /Lang and the XMP dc:language, which
	// screen readers use to choose a voice. Empty means "en".
	Lang string
	// Charts by the file name of the Markdown image that stands for them
	// (chart.Chart.File); those images are drawn as vector charts.
	Charts map[string]chart.Chart

	uncompressed bool // tests read the content streams
}

// Result is the PDF and what was laid out where.
type Result struct {
	PDF      []byte
	Warnings []string // text the fonts cannot show, images left out, ...
	Layout   Layout
}

// Render lays out the Markdown and returns the PDF. It never fetches an
// image or a URL. Calls may run in parallel.
func Render(md []byte, opts Options) (*Result, error) {
	return RenderDoc(doc.Parse(md), opts)
}

// RenderDoc lays out a parsed brief (doc.Parse) and returns the PDF; d is
// not changed, so other printers may read it at the same time.
func RenderDoc(d *doc.Document, opts Options) (res *Result, err error) {
	fs := loadFonts()
	if fs.err != nil {
		return nil, fs.err
	}
	paper := strings.ToLower(strings.TrimSpace(opts.Paper))
	var size fpdf.SizeType
	switch paper {
	case "", "a4":
		paper, size = "a4", fpdf.SizeType{Wd: 210, Ht: 297}
	case "letter":
		size = fpdf.SizeType{Wd: 215.9, Ht: 279.4}
	default:
		return nil, fmt.Errorf("pdf: unknown paper %q: use a4 or letter", opts.Paper)
	}
	lang := "en"
	if l := strings.TrimSpace(opts.Lang); l != "" {
		tag, err := language.Parse(l)
		if err != nil {
			return nil, fmt.Errorf("pdf: language %q is not a BCP 47 tag such as en, ru or kk: %v", opts.Lang, err)
		}
		lang = tag.String()
	}
	opts.Lang = lang
	defer func() {
		if p := recover(); p != nil {
			res, err = nil, fmt.Errorf("pdf: rendering failed: %v", p)
		}
	}()
	r := newRenderer(fs, opts, size)
	r.lay.Paper = paper
	for _, w := range d.Warnings {
		r.warn(w)
	}
	blocks := d.Clone().Blocks // cleanBlocks rewrites texts in place
	r.cleanBlocks(blocks)
	r.blocks(blocks)
	r.endLink()
	r.finish()

	if r.f.Err() {
		return nil, fmt.Errorf("pdf: %w", r.f.Error())
	}
	var buf bytes.Buffer
	buf.Grow(64 << 10)
	if err := r.f.Output(&buf); err != nil {
		return nil, fmt.Errorf("pdf: %w", err)
	}
	out, err := finalize(buf.Bytes(), r.tags, fs.psNames)
	if err != nil {
		return nil, fmt.Errorf("pdf: finishing the file: %w", err)
	}
	return &Result{PDF: out, Warnings: r.warnings, Layout: r.lay}, nil
}
