package narrative

import (
	"bytes"
	"fmt"
	"hash/fnv"
	"sort"
	"strconv"
	"strings"
	"text/template"

	"github.com/briefhq/brief/internal/chart"
	"github.com/briefhq/brief/internal/facts"
	"github.com/briefhq/brief/internal/format"
)

// SourceRef is one entry of the Sources list: a footnote number and the
// source it stands for. A footnote stands for a source (its publisher as
// the data name it), with every web address the brief cites it by, so
// that the list is grouped by publisher.
type SourceRef struct {
	N    int    `json:"footnote"` // its footnote number, [^N]
	Text string `json:"text"`     // escaped for Markdown
	Raw  string `json:"source"`
	// URL is the first web address the source is cited by; Links are all
	// of them, each with what it was cited for.
	URL   string       `json:"url,omitempty"`
	Links []SourceLink `json:"links,omitempty"`
	// Rows are the dataset rows cited with this marker ("file:line").
	Rows []string `json:"rows"`
}

// SourceLink is one web address of a source and what the brief cites it
// for: the indicator or event of its first citation, escaped.
type SourceLink struct {
	URL   string `json:"url"`
	Label string `json:"label"`
}

// Figure is one cited figure: its text on the page, the fact it states and
// the footnotes that source it.
type Figure struct {
	Text    string   `json:"text"`
	Fact    string   `json:"fact,omitempty"`
	Event   string   `json:"event,omitempty"`
	Markers []int    `json:"footnotes"`
	Rows    []string `json:"rows"`
}

// state is what one Render accumulates: citations in order of first use,
// charts, and the figures of the current section.
type state struct {
	brief   *Brief
	sources []SourceRef
	byKey   map[string]int
	rowSeen map[string]map[string]bool
	charts  []chart.Chart
	chartAt map[string]bool
	section string
	topic   *Topic
	figures []Figure
	// nFigures and nRows count what the whole brief has cited.
	nFigures, nRows int
	varyN           int
	varied          map[string]bool // the wordings vary chose in the section
	varyUse         map[string]int  // how often vary chose each wording in the brief
	nFigure, nTable int             // figures and tables numbered so far
	tmpl            *template.Template
	m               *meter   // the render's budget; nil outside a render
	data            []string // dataset text cited in the current section
	dataAt          map[string]bool
	indNames        map[string]string // indicatorName's cache
}

// indicatorName is the catalog name of an indicator of the brief, the
// label of its source's link when a figure of it is cited first by its
// change or its week (a link is never left without what it is for).
func (s *state) indicatorName(id string) string {
	if s.indNames == nil {
		s.indNames = map[string]string{}
		for _, t := range s.brief.Topics {
			for _, iv := range t.Indicators {
				s.indNames[iv.ID] = iv.Name
			}
		}
	}
	return s.indNames[id]
}

func newState(b *Brief) *state {
	return &state{brief: b, byKey: map[string]int{}, rowSeen: map[string]map[string]bool{}, chartAt: map[string]bool{}}
}

func (s *state) begin(section string, t *Topic) {
	s.section, s.topic, s.figures, s.varyN, s.varied = section, t, nil, 0, nil
	s.data, s.dataAt = nil, map[string]bool{}
	if t != nil {
		s.section += ":" + t.ID
	}
}

// marker returns the footnote number of a source, assigning the next one
// on first use; a web address of the source not met before is added to
// its links, labelled with what it is cited for.
func (s *state) marker(src facts.Source, label string) int {
	n, ok := s.byKey[src.Source]
	if !ok {
		n = len(s.sources) + 1
		s.byKey[src.Source] = n
		name := s.brief.sourceName(src.Source)
		s.sources = append(s.sources, SourceRef{N: n, Text: format.EscapeMarkdown(name), Raw: name})
	}
	if u := webURL(src.SourceURL); u != "" {
		ref := &s.sources[n-1]
		known := false
		for i := range ref.Links {
			if l := &ref.Links[i]; l.URL == u {
				known = true
				if l.Label == "" {
					l.Label = label
				}
			}
		}
		if !known {
			ref.Links = append(ref.Links, SourceLink{URL: u, Label: label})
			if ref.URL == "" {
				ref.URL = u
			}
		}
	}
	row := fmt.Sprintf("%s:%d", src.File, src.Line)
	key := strconv.Itoa(n)
	if s.rowSeen[key] == nil {
		s.rowSeen[key] = map[string]bool{}
	}
	if !s.rowSeen[key][row] {
		s.rowSeen[key][row] = true
		s.sources[n-1].Rows = append(s.sources[n-1].Rows, row)
	}
	return n
}

// MaxFigures and MaxCitedRows bound what one brief cites (the sample
// cites about 30 figures and 60 rows; a ranking's share cites every row
// of its total).
const (
	MaxFigures   = 20_000
	MaxCitedRows = 2_000_000
)

// cite returns the footnote markers for the figures or events in v and
// records them as figures of the current section.
func (s *state) cite(vs ...any) (string, error) {
	set := map[int]bool{}
	var over error
	add := func(text, fact, event, label string, srcs []facts.Source) {
		// A brief cites some tens of figures; a template that cites in a
		// loop would fill brief.json without end.
		s.nFigures++
		s.nRows += len(srcs)
		if s.nFigures > MaxFigures || s.nRows > MaxCitedRows {
			over = fmt.Errorf("cite: more than %d cited figures or %d cited rows in one brief exceed the template budget: cite each figure once", MaxFigures, MaxCitedRows)
			return
		}
		f := Figure{Text: text, Fact: fact, Event: event, Markers: []int{}, Rows: []string{}}
		for _, src := range srcs {
			n := s.marker(src, label)
			set[n] = true
			f.Markers = appendUnique(f.Markers, n)
			f.Rows = append(f.Rows, fmt.Sprintf("%s:%d", src.File, src.Line))
		}
		s.figures = append(s.figures, f)
	}
	var walk func(v any) error
	walk = func(v any) error {
		switch x := v.(type) {
		case *Row:
			if x == nil || x.Fact == nil {
				return fmt.Errorf("cite: this row has no figure to cite")
			}
			s.quote(x.Entity.Name, x.Indicator.Name, x.Note)
			if x.Counterpart != nil {
				s.quote(x.Counterpart.Name)
			}
			add(x.Text, x.Fact.ID, "", x.Indicator.Name, x.Fact.Sources)
		case *Share:
			if x != nil { // optional: a row without a share cites nothing more
				srcs := x.Fact.Sources
				if x.Fact.Ranking != nil && len(x.Fact.Ranking.Inputs) > 0 {
					srcs = x.Fact.Ranking.Inputs // every row of the total
				}
				add(x.Text, x.Fact.ID, "", s.indicatorName(x.Fact.Indicator), srcs)
			}
		case *Change:
			if x == nil {
				return fmt.Errorf("cite: no change to cite")
			}
			add(x.Text+" ("+x.From+")", x.Fact.ID, "", s.indicatorName(x.Fact.Indicator), x.Fact.Sources)
		case *WeekFig:
			if x == nil {
				return fmt.Errorf("cite: no week to cite (test .Week first)")
			}
			text := x.Text
			if x.Total != "" {
				text += en("span.to") + x.Total // a running total's increase, and the total
			}
			if x.Change != "" {
				text += ", " + x.Change + " (" + x.From + ")"
			}
			for _, d := range []*WeekDrop{x.Drop, x.PrevDrop} {
				if d != nil { // a revision of a running total: its size and both totals
					text += en("cite.revised_down", "by", d.Text, "from", d.From, "to", d.To)
				}
			}
			add(text, x.Fact.ID, "", s.indicatorName(x.Fact.Indicator), x.Fact.Sources)
		case *WeekRange:
			if x != nil { // optional: a week of one figure has no range
				add(x.Low+en("span.to")+x.High, x.Fact.ID, "", s.indicatorName(x.Fact.Indicator), x.Fact.Sources)
			}
		case *Outlook:
			if x == nil {
				return fmt.Errorf("cite: no plan or target to cite")
			}
			add(x.Text, x.Fact.ID, "", s.indicatorName(x.Fact.Indicator), x.Fact.Sources[:1])
		case *Revision:
			if x == nil {
				return fmt.Errorf("cite: no revision to cite")
			}
			o := x.obs
			add(en("cite.was", "to", x.To, "from", x.From), "", "", x.Indicator.Name, []facts.Source{{File: o.Pos.File, Line: o.Pos.Line, Source: o.Source, SourceURL: o.SourceURL}})
		case []*Revision:
			for _, r := range x {
				if err := walk(r); err != nil {
					return err
				}
			}
		case *Event:
			if x == nil {
				return fmt.Errorf("cite: no event to cite")
			}
			e := x.ev
			s.quote(x.Title, x.Summary)
			add(x.Title, "", e.Date.String()+" "+e.Title, x.Title,
				[]facts.Source{{File: e.Pos.File, Line: e.Pos.Line, Source: e.Source, SourceURL: e.SourceURL}})
		case *Highlight:
			return walk(x.Row)
		case []*Row:
			for _, r := range x {
				if err := walk(r); err != nil {
					return err
				}
			}
		case []*Event:
			for _, e := range x {
				if err := walk(e); err != nil {
					return err
				}
			}
		default:
			return fmt.Errorf("cite: cannot cite a %T; pass a row, change, week, range, outlook, event or a list of rows", v)
		}
		return nil
	}
	for _, v := range vs {
		if err := walk(v); err != nil {
			return "", err
		}
		if over != nil {
			return "", over
		}
	}
	ns := make([]int, 0, len(set))
	for n := range set {
		ns = append(ns, n)
	}
	sort.Ints(ns)
	var b strings.Builder
	for _, n := range ns {
		b.WriteString("[^" + strconv.Itoa(n) + "]")
	}
	return b.String(), nil
}

func appendUnique(xs []int, n int) []int {
	for _, x := range xs {
		if x == n {
			return xs
		}
	}
	return append(xs, n)
}

// vary picks one of the wordings, the same one for the same week, section
// and position, so a brief reads less mechanically and stays reproducible.
func (s *state) vary(options ...string) string {
	if len(options) == 0 {
		return ""
	}
	h := fnv.New32a()
	week := ""
	if s.brief != nil {
		week = s.brief.Week.ID
	}
	fmt.Fprintf(h, "%s|%s|%d", week, s.section, s.varyN)
	s.varyN++
	// The same wording twice in a section reads mechanically: of the
	// wordings not yet chosen in it, the one the brief has used least is
	// taken, the seeded one first among equals.
	start := int(h.Sum32() % uint32(len(options)))
	if s.varied == nil {
		s.varied = map[string]bool{}
	}
	if s.varyUse == nil {
		s.varyUse = map[string]int{}
	}
	pick := ""
	for i := range options {
		o := options[(start+i)%len(options)]
		if s.varied[o] {
			continue
		}
		if pick == "" || s.varyUse[o] < s.varyUse[pick] {
			pick = o
		}
	}
	if pick == "" {
		pick = options[start]
	}
	s.varied[pick] = true
	s.varyUse[pick]++
	return pick
}

// nextFigure numbers the next figure of the brief: "Figure 2".
func (s *state) nextFigure() int { s.nFigure++; return s.nFigure }

// nextTable numbers the next table of the brief: "Table 2".
func (s *state) nextTable() int { s.nTable++; return s.nTable }

// include runs a named template into a string, so its output can be put
// into a list or passed to a function.
func (s *state) include(name string, data any) (string, error) {
	if s.tmpl == nil {
		return "", fmt.Errorf("include %q: no templates", name)
	}
	if m := s.m; m != nil {
		if m.depth >= m.MaxDepth {
			return "", m.exceeded("include", "%q nests deeper than the template budget of %d includes: does a block include itself without end?", name, m.MaxDepth)
		}
		m.depth++
		defer func() { m.depth-- }()
	}
	var b bytes.Buffer
	if err := s.tmpl.ExecuteTemplate(&b, name, data); err != nil {
		return "", err
	}
	return b.String(), nil
}

// webURL returns u if it is an http(s) address, made safe to write as a
// Markdown autolink (<...>); any other scheme (javascript:, file:, data:)
// gives "", so it never becomes a link. The dataset warns about those.
func webURL(u string) string {
	u = strings.TrimSpace(u)
	lower := strings.ToLower(u)
	if !strings.HasPrefix(lower, "https://") && !strings.HasPrefix(lower, "http://") {
		return ""
	}
	var b strings.Builder
	for _, r := range u {
		switch {
		case r == '<' || r == '>' || r == '"' || r == '`' || r == '\\' || r <= ' ' || r == 0x7f:
			fmt.Fprintf(&b, "%%%02X", r)
		case r >= 0x80 && r < 0xa0, r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069:
			// control and bidi characters: dropped
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// quote records dataset text shown in the current section.
func (s *state) quote(texts ...string) {
	for _, t := range texts {
		if t != "" && !s.dataAt[t] {
			if s.dataAt == nil {
				s.dataAt = map[string]bool{}
			}
			s.dataAt[t] = true
			s.data = append(s.data, t)
		}
	}
}
