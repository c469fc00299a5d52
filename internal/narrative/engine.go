// Package narrative renders a brief's Markdown from its facts through the
// templates of a brief kind (manifest plus one template per section).
package narrative

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"text/template"
	"time"

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
	// Budget bounds the templates' run time, the memory their functions
	// produce and the nesting of include, per Render; zero fields take
	// the defaults (5 s, 8 MB per result, 1,000,000 elements per list,
	// 64 MB per brief, 32 includes).
	Budget Budget
	// Words are the language's words the engine takes from data
	// (_shared/words.yaml): articles, acronyms, verbs of speech.
	Words *Words
	root  *template.Template
	pool  sync.Pool // of *renderer: clones of root with metered functions
}

// LoadKind reads manifest.yaml and every *.tmpl of dir in fsys. Files
// whose name starts with "_" hold shared {{define}} blocks.
func LoadKind(fsys fs.FS, dir, display string) (*Kind, error) {
	mfile := display + "/manifest.yaml"
	src, err := readTemplate(fsys, path.Join(dir, "manifest.yaml"))
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
	words, wname, wsrc, err := readWords(fsys, dir, display, templates.FS)
	if err != nil {
		return nil, err
	}
	k.Words = words
	wsum := sha256.Sum256(wsrc)
	k.Files[wname] = hex.EncodeToString(wsum[:])
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
		b, err := readTemplate(f.fsys, n)
		if err != nil {
			return nil, errorf(path.Join(shown, name), "cannot read: %v", unwrapPath(err))
		}
		sum := sha256.Sum256(b)
		k.Files[name] = hex.EncodeToString(sum[:])
		if _, err := k.root.New(name).Parse(string(b)); err != nil {
			return nil, rewrite(err, shown)
		}
	}
	instrument(k.root)
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

// Render executes every section of the manifest for b, within k.Budget.
func (k *Kind) Render(b *Brief) (doc *Document, err error) {
	return k.RenderContext(context.Background(), b)
}

// RenderContext is Render that stops when ctx is cancelled: the error
// then wraps ctx.Err(). Exceeding k.Budget is an error wrapping ErrBudget.
// Either is a *TemplateError naming the template file and, when the
// template was stopped at a function call, the line.
func (k *Kind) RenderContext(ctx context.Context, b *Brief) (*Document, error) {
	m := newMeter(ctx, k.Budget)
	defer m.close()
	return k.render(m, b, nil)
}

func (k *Kind) render(m *meter, b *Brief, pts *Points) (doc *Document, err error) {
	st := newState(b)
	r, err := k.renderer(st, m)
	if err != nil {
		return nil, err
	}
	defer k.release(r)

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
		// A full output is reported by the next check (a function call,
		// a range's next turn), which text/template locates.
		lw := &limitWriter{w: &buf, n: MaxOutput, m: m, soft: true}
		m.full = false
		r.current.Store(spec.Template)
		if err := r.t.ExecuteTemplate(lw, spec.Template, sec); err != nil {
			return k.locate(err, spec.Template)
		}
		if lw.exceeded {
			return &TemplateError{File: k.Dir + "/" + spec.Template, Msg: fmt.Sprintf("output is larger than %d MB: does a loop never end?", MaxOutput>>20), Err: ErrBudget}
		}
		md := tidy(b.Locale().Typeset(buf.String()))
		if mark := missingMark(md); mark != "" {
			return &TemplateError{File: k.Dir + "/" + spec.Template, Msg: "output contains " + mark + ": a value the template asked for is missing"}
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
	// The sections run on one goroutine (see run), so its stack grows
	// once per brief.
	err = r.run(func() error {
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
						return err
					}
				}
				continue
			case len(spec.Topics) > 0:
				for _, id := range spec.Topics {
					tp := byID[id]
					if tp == nil {
						return &TemplateError{File: k.Dir + "/manifest.yaml", Line: spec.line, Msg: fmt.Sprintf("section %q names topic %q, which the dataset does not have", spec.ID, id)}
					}
					sec.Topics = append(sec.Topics, tp)
				}
				sec.Topic = sec.Topics[0]
			default:
				sec.Topics = b.Topics
			}
			if err := run(spec, sec); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		var te *TemplateError
		if errors.As(err, &te) {
			return nil, te
		}
		file, _ := r.current.Load().(string)
		return nil, k.locate(err, file)
	}
	if len(doc.Sections) == 0 {
		return nil, &TemplateError{File: k.Dir, Msg: fmt.Sprintf("the templates produced no text: all %d sections of manifest.yaml rendered empty; a brief needs at least one section with text (does every section test something the data does not have?)", len(k.Manifest.Sections))}
	}
	doc.Markdown = out.Bytes()
	doc.Sources = st.sources
	doc.Charts = st.charts
	return doc, nil
}

// renderer is a clone of a kind's templates whose functions are metered
// by m and work on st; Kinds keep them in a pool, so a render does not
// clone and wrap two hundred functions again.
type renderer struct {
	t         *template.Template
	st        *state
	m         *meter
	abandoned bool
	current   atomic.Value // the template file executing, for an error without a line
}

func (k *Kind) renderer(st *state, m *meter) (*renderer, error) {
	r, _ := k.pool.Get().(*renderer)
	if r == nil {
		t, err := k.root.Clone()
		if err != nil {
			return nil, err
		}
		r = &renderer{t: t}
		t.Funcs(r.funcMap())
	}
	r.st, r.m = st, m
	st.tmpl, st.m = r.t, m
	return r, nil
}

func (k *Kind) release(r *renderer) {
	if r.abandoned {
		return // its execution may still be running
	}
	r.st, r.m = nil, nil
	k.pool.Put(r)
}

// funcMap is every template function, metered. It has the names of
// state.funcs plus printFuncs.
func (r *renderer) funcMap() template.FuncMap {
	f := template.FuncMap{}
	for _, src := range []template.FuncMap{baseFuncs(), domainFuncs(), printFuncs()} {
		for n, fn := range src {
			f[n] = r.wrap(n, fn)
		}
	}
	f["cite"] = r.wrap("cite", func(vs ...any) (string, error) { return r.st.cite(vs...) })
	f["chart"] = r.wrap("chart", func(kind string, iv *Indicator) (string, error) { return r.st.chart(kind, iv) })
	f["vary"] = r.wrap("vary", func(options ...string) string { return r.st.vary(options...) })
	f["nextFigure"] = r.wrap("nextFigure", func() int { return r.st.nextFigure() })
	f["nextTable"] = r.wrap("nextTable", func() int { return r.st.nextTable() })
	f["sources"] = r.wrap("sources", func() []SourceRef { return r.st.sources })
	f["include"] = r.wrap("include", r.include)
	for n, fn := range listFuncs(func() *meter { return r.m }) {
		f[n] = r.wrap(n, fn)
	}
	for n, fn := range langFuncs(func() *state { return r.st }) {
		f[n] = r.wrap(n, fn)
	}
	// The checks instrument adds (not callable from a template's text).
	f[tickRange] = func() (string, error) { return r.m.tick(false) }
	f[tickBlock] = func() (string, error) { return r.m.tick(true) }
	f[printCheck] = printed
	return f
}

// include runs a {{define}} block into a string, its text bounded like
// a function's result.
func (r *renderer) include(name string, data any) (string, error) {
	s, m := r.st, r.m
	if s.tmpl == nil || m == nil {
		return s.include(name, data)
	}
	if m.depth >= m.MaxDepth {
		return "", m.exceeded("include", "%q nests deeper than the template budget of %d includes: does a block include itself without end?", name, m.MaxDepth)
	}
	m.depth++
	defer func() { m.depth-- }()
	var b bytes.Buffer
	lw := &limitWriter{w: &b, n: int(min(m.MaxResult, int64(MaxOutput))), m: m}
	if err := s.tmpl.ExecuteTemplate(lw, name, data); err != nil {
		if lw.exceeded {
			return "", m.exceeded("include", "the text of %q is larger than the template budget of %s per function result: does a loop in it never end?", name, mb(int64(lw.n)))
		}
		return "", err
	}
	return b.String(), nil
}

// panicked is a panic of a template's execution outside a function call.
type panicked struct{ v any }

func (p panicked) Error() string { return fmt.Sprintf("template function panicked: %v", p.v) }

// run runs fn, which executes templates, on its own goroutine, so that
// a template that outlives the budget by RenderGrace without calling a
// function or writing (a loop over the data that does nothing) is left
// behind rather than waited for: it can change nothing any more, since
// every function and write it reaches fails, and its renderer is not
// reused.
func (r *renderer) run(fn func() error) error {
	m := r.m
	done := make(chan error, 1)
	go func() {
		defer func() {
			if p := recover(); p != nil {
				done <- panicked{p}
			}
		}()
		done <- fn()
	}()
	select {
	case err := <-done:
		return err
	case <-m.ctx.Done():
	}
	t := time.NewTimer(RenderGrace)
	defer t.Stop()
	select {
	case err := <-done:
		return err
	case <-t.C:
	}
	// A function still running (one that cannot check the time itself)
	// ends soon, each being bounded: wait for it, then for the template
	// to reach its next check, which names the line.
	running := ""
	if m.inFlight.Load() != 0 {
		if p := m.calling.Load(); p != nil {
			running = *p
		}
		for m.inFlight.Load() != 0 {
			time.Sleep(time.Millisecond)
		}
		t.Reset(RenderGrace)
		select {
		case err := <-done:
			return err
		case <-t.C:
		}
	}
	r.abandoned = true
	for m.inFlight.Load() != 0 {
		time.Sleep(time.Millisecond)
	}
	err := m.stopped("")
	if running != "" {
		err = m.stoppedIn(running)
	}
	if be, ok := err.(*BudgetError); ok && errors.Is(be, ErrBudget) && running == "" {
		be.Msg += " (it stopped where no check of the budget is: in a builtin such as len, index or eq?)"
	}
	return err
}

// locate turns an error of executing template file into a *TemplateError.
func (k *Kind) locate(err error, file string) error {
	var p panicked
	if errors.As(err, &p) {
		return &TemplateError{File: k.Dir, Msg: p.Error()}
	}
	if be, ok := err.(*BudgetError); ok {
		// Stopped at a write or between calls: no line is known.
		if file != "" {
			file = "/" + file
		}
		return &TemplateError{File: k.Dir + file, Msg: be.Error(), Err: be}
	}
	return rewrite(err, k.Dir)
}

// limitWriter bounds a template's output to n bytes. Past n it fails
// the write, or, soft, discards it and marks the meter full, so that the
// next check (a function call, a range's next turn) fails at its line.
type limitWriter struct {
	w        *bytes.Buffer
	n        int
	m        *meter
	soft     bool
	exceeded bool
}

func (l *limitWriter) Write(p []byte) (int, error) {
	if l.m != nil && !l.soft && l.m.abort.Load() {
		return 0, l.m.stopped("")
	}
	if l.exceeded || l.w.Len()+len(p) > l.n {
		l.exceeded = true
		if l.soft && l.m != nil {
			l.m.full = true
			return len(p), nil
		}
		return 0, errors.New("output too large")
	}
	return l.w.Write(p)
}

// doubleStop is a sentence's full stop after an abbreviation's ("CO2-экв..",
// "руб..", "г.."): a word's letter, two stops, then a footnote, a space,
// emphasis or the line's end; an ellipsis ("...") is not one.
var doubleStop = regexp.MustCompile(`(\pL)\.\.(\[\^|\s|\*|$)`)

// tidy normalises template whitespace: no trailing spaces, no runs of
// blank lines, one final newline; one full stop ends a sentence whose
// last word is an abbreviation (doubleStop). Fenced code blocks are left
// as written.
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
			if strings.Contains(l, "..") {
				l = doubleStop.ReplaceAllString(l, "$1.$2")
			}
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
