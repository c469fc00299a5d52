package pdf

// Layout records what the renderer put on which page, for tests and for
// the audit trail: a PDF is checked by its structure, not its bytes.
type Layout struct {
	Paper    string    `json:"paper"`
	Pages    []Page    `json:"pages"`
	Headings []Heading `json:"headings"`
	Outline  []Heading `json:"outline"` // bookmarks; Level 0 is the top
	Links    []Link    `json:"links"`
	Charts   []Chart   `json:"charts,omitempty"`
	// Overflow counts text lines drawn below the bottom margin, into the
	// footer or off the page: always 0 unless the layout has a bug.
	Overflow int `json:"overflow,omitempty"`
}

// Page holds the text lines drawn on one page, top to bottom, without the
// running header and footer. A footnote marker shows as ^N.
type Page struct {
	N     int      `json:"n"`
	Lines []string `json:"lines"`
}

// Heading is a heading (or outline entry) and the page it landed on.
type Heading struct {
	Level int    `json:"level"`
	Text  string `json:"text"`
	Page  int    `json:"page"`
}

// Link is a clickable area: URL is external, or "#source-N" for a
// footnote marker that jumps to its source.
type Link struct {
	Page int    `json:"page"`
	URL  string `json:"url"`
	Text string `json:"text"`
}

// Chart is a chart drawn as vectors.
type Chart struct {
	Page  int    `json:"page"`
	File  string `json:"file"`
	Kind  string `json:"kind"`
	Title string `json:"title"`
}

func (l *Layout) line(page int, s string) {
	for len(l.Pages) < page {
		l.Pages = append(l.Pages, Page{N: len(l.Pages) + 1, Lines: []string{}})
	}
	p := &l.Pages[page-1]
	p.Lines = append(p.Lines, s)
}
