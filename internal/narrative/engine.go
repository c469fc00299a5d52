// Package narrative renders a brief's Markdown from its facts through the
// templates of a brief kind (manifest plus one template per section).
package narrative

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"
	"text/template"

	"github.com/briefhq/brief/internal/chart"
	"github.com/briefhq/brief/templates"
)

// MaxOutput bounds the Markdown of one section; a template that loops
// without end fails with a clear error instead of filling the disk.
const MaxOutput = 8 << 20

// Kind is a loaded brief kind, ready to render any number of briefs
// (concurrently too: each Render works on a clone).
type Kind struct {
	Name     string
	Dir      string // as shown in errors: "templates/weekly" or the user's folder
	Manifest *Manifest
	// Files maps each template file to the sha256 of its content, for the
	// audit record.
	Files map[string]string
	root  *template.Template
}

// LoadKind reads manifest.yaml and every *.tmpl of dir in fsys. Files
// whose name starts with "_" hold shared {{define}} blocks.
func LoadKind(fsys fs.FS, dir, display string) (*Kind, error) {
	mfile := display + "/manifest.yaml"
	src, err := fs.ReadFile(fsys, path.Join(dir, "manifest.yaml"))
	if err != nil {
		return nil, errorf(mfile, "cannot read the manifest: %v", unwrapPath(err))
	}
	m, err := parseManifest(src, mfile)
	if err != nil {
		return nil, err
	}
	names, err := fs.Glob(fsys, path.Join(dir, "*.tmpl"))
	if err != nil || len(names) == 0 {
		return nil, errorf(display, "no .tmpl files in the templates folder")
	}
	sort.Strings(names)
	// Blocks shared by every kind live in _shared/ beside the kinds; a
	// kind's own files come after them and may redefine a block.
	shared, _ := fs.Glob(fsys, path.Join(path.Dir(dir), "_shared", "*.tmpl"))
	sharedFS, sharedShown := fsys, path.Dir(display)
	if len(shared) == 0 {
		// A user's folder without _shared/ uses the built-in blocks.
		sharedFS, sharedShown = templates.FS, "templates"
		shared, _ = fs.Glob(sharedFS, "_shared/*.tmpl")
	}
	sort.Strings(shared)
	k := &Kind{Name: path.Base(dir), Dir: display, Manifest: m, Files: map[string]string{}}
	k.root = template.New("").Option("missingkey=error").Funcs(placeholderFuncs())
	type file struct {
		fsys        fs.FS
		path, name  string
		shownFolder string
	}
	var files []file
	for _, n := range shared {
		files = append(files, file{sharedFS, n, "_shared/" + path.Base(n), sharedShown})
	}
	for _, n := range names {
		files = append(files, file{fsys, n, path.Base(n), display})
	}
	for _, f := range files {
		n, name, shown := f.path, f.name, f.shownFolder
		b, err := fs.ReadFile(f.fsys, n)
		if err != nil {
			return nil, errorf(path.Join(shown, name), "cannot read: %v", unwrapPath(err))
		}
		sum := sha256.Sum256(b)
		k.Files[name] = hex.EncodeToString(sum[:])
		if _, err := k.root.New(name).Parse(string(b)); err != nil {
			return nil, rewrite(err, shown)
		}
	}
	for _, s := range m.Sections {
		if k.root.Lookup(s.Template) == nil {
			return nil, &TemplateError{File: mfile, Line: s.line, Msg: fmt.Sprintf("section %q: template %q not found in %s", s.ID, s.Template, display)}
		}
	}
	return k, nil
}

func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// Section is the data a section template executes with.
type Section struct {
	ID    string
	Brief *Brief
	// Topic is set for a section repeated per topic or naming one topic;
	// Topics lists every topic a section covers.
	Topic  *Topic
	Topics []*Topic
	// Points are the talking points, for a points kind; nil otherwise.
	Points *Points
}

// RenderedSection is one section of the finished Markdown.
type RenderedSection struct {
	ID       string   `json:"id"`
	Template string   `json:"template"`
	Topic    string   `json:"topic,omitempty"`
	Markdown string   `json:"-"`
	Figures  []Figure `json:"figures"`
	// Data is the dataset text the section shows (names, notes, event
	// titles and summaries): what a polish prompt quotes as data, never
	// as instructions.
	Data []string `json:"-"`
}

// Document is a rendered brief: its Markdown (the single document model
// every exporter works from), its parts and what they cite.
type Document struct {
	Markdown []byte
	Sections []RenderedSection
	Sources  []SourceRef
	Charts   []chart.Chart
}

// Render executes every section of the manifest for b.
func (k *Kind) Render(b *Brief) (doc *Document, err error) { return k.render(b, nil) }

func (k *Kind) render(b *Brief, pts *Points) (doc *Document, err error) {
	st := newState(b)
	t, err := k.root.Clone()
	if err != nil {
		return nil, err
	}
	st.tmpl = t
	t.Funcs(st.funcs())
	defer func() {
		if r := recover(); r != nil {
			doc, err = nil, &TemplateError{File: k.Dir, Msg: fmt.Sprintf("template function panicked: %v", r)}
		}
	}()

	claimed := map[string]bool{}
	for _, s := range k.Manifest.Sections {
		for _, id := range s.Topics {
			claimed[id] = true
		}
	}
	byID := map[string]*Topic{}
	for _, tp := range b.Topics {
		byID[tp.ID] = tp
	}
	doc = &Document{}
	var out bytes.Buffer
	run := func(spec SectionSpec, sec Section) error {
		st.begin(spec.ID, sec.Topic)
		var buf bytes.Buffer
		lw := &limitWriter{w: &buf, n: MaxOutput}
		if err := t.ExecuteTemplate(lw, spec.Template, sec); err != nil {
			if lw.exceeded {
				return &TemplateError{File: k.Dir + "/" + spec.Template, Msg: fmt.Sprintf("output is larger than %d MB: does a loop never end?", MaxOutput>>20)}
			}
			return rewrite(err, k.Dir)
		}
		md := tidy(buf.String())
		if strings.Contains(md, "<no value>") {
			return &TemplateError{File: k.Dir + "/" + spec.Template, Msg: "output contains <no value>: a value the template asked for is missing"}
		}
		if strings.TrimSpace(md) == "" {
			return nil
		}
		rs := RenderedSection{ID: spec.ID, Template: spec.Template, Markdown: md, Figures: st.figures, Data: st.data}
		if sec.Topic != nil {
			rs.ID = spec.ID + ":" + sec.Topic.ID
			rs.Topic = sec.Topic.ID
		}
		doc.Sections = append(doc.Sections, rs)
		if out.Len() > 0 {
			out.WriteString("\n")
		}
		out.WriteString(md)
		return nil
	}
	for _, spec := range k.Manifest.Sections {
		sec := Section{ID: spec.ID, Brief: b, Points: pts}
		switch {
		case spec.Each == "topic":
			for _, tp := range b.Topics {
				if claimed[tp.ID] {
					continue
				}
				sec.Topic, sec.Topics = tp, []*Topic{tp}
				if err := run(spec, sec); err != nil {
					return nil, err
				}
			}
			continue
		case len(spec.Topics) > 0:
			for _, id := range spec.Topics {
				tp := byID[id]
				if tp == nil {
					return nil, &TemplateError{File: k.Dir + "/manifest.yaml", Line: spec.line, Msg: fmt.Sprintf("section %q names topic %q, which the dataset does not have", spec.ID, id)}
				}
				sec.Topics = append(sec.Topics, tp)
			}
			sec.Topic = sec.Topics[0]
		default:
			sec.Topics = b.Topics
		}
		if err := run(spec, sec); err != nil {
			return nil, err
		}
	}
	doc.Markdown = out.Bytes()
	doc.Sources = st.sources
	doc.Charts = st.charts
	return doc, nil
}

type limitWriter struct {
	w        *bytes.Buffer
	n        int
	exceeded bool
}

func (l *limitWriter) Write(p []byte) (int, error) {
	if l.w.Len()+len(p) > l.n {
		l.exceeded = true
		return 0, errors.New("output too large")
	}
	return l.w.Write(p)
}

// tidy normalises template whitespace: no trailing spaces, no runs of
// blank lines, one final newline. Fenced code blocks are left as written.
func tidy(s string) string {
	lines := strings.Split(s, "\n")
	out := make([]string, 0, len(lines))
	fence := false
	for _, l := range lines {
		if strings.HasPrefix(strings.TrimSpace(l), "```") {
			fence = !fence
		}
		if !fence {
			l = strings.TrimRight(l, " \t")
			if l == "" && (len(out) == 0 || out[len(out)-1] == "") {
				continue
			}
		}
		out = append(out, l)
	}
	for len(out) > 0 && out[len(out)-1] == "" {
		out = out[:len(out)-1]
	}
	if len(out) == 0 {
		return ""
	}
	return strings.Join(out, "\n") + "\n"
}
