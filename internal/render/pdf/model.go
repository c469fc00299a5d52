package pdf

import "github.com/briefhq/brief/internal/render/doc"

// The document model is the printers' shared one (package doc), under the
// names the layout code uses.
type (
	span       = doc.Span
	block      = doc.Block
	titleBlock = doc.Title
	heading    = doc.Heading
	paragraph  = doc.Paragraph
	list       = doc.List
	table      = doc.Table
	image      = doc.Image
	quote      = doc.Quote
	code       = doc.Code
	rule       = doc.Rule
	notes      = doc.Notes
)

var (
	plain    = doc.Plain
	withBold = doc.WithBold
)
