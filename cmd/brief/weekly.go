package main

import (
	"context"
	"fmt"
	"github.com/briefhq/brief/internal/config"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/spf13/cobra"

	"github.com/briefhq/brief/internal/atomicfile"
	"github.com/briefhq/brief/internal/batch"
	"github.com/briefhq/brief/internal/dataset"
	"github.com/briefhq/brief/internal/locale"
	"github.com/briefhq/brief/internal/narrative"
	"github.com/briefhq/brief/internal/period"
	"github.com/briefhq/brief/internal/polish"
	"github.com/briefhq/brief/internal/previous"
	"github.com/briefhq/brief/internal/render/pdf"
	"github.com/briefhq/brief/internal/report"
)

// OutputOptions are the flags of the commands that write a document:
// weekly and points.
type OutputOptions struct {
	DataOptions
	Out          string
	Format       string
	Templates    string
	Polish       bool
	Offline      bool
	Model        string
	Title        string
	Organisation string
	GeneratedAt  string
	Paper        string
	Since        string
	// The polish, off unless --polish.
	LLMConcurrency int
	StrictPolish   bool
	NoCache        bool
	Prompts        string
	TemplateTime   time.Duration
	PolishTimeout  time.Duration
	settings       *settings
	// dataConfig is the dataset folder's own brief.yaml (its title), nil
	// when it has none (datasetConfig).
	dataConfig *config.Config
}

func (o *OutputOptions) bind(c *cobra.Command) {
	o.DataOptions.bind(c, true)
	f := c.Flags()
	f.StringVar(&o.Out, "out", "reports", "output folder; files go to OUT/<kind>/<week>/")
	f.StringVar(&o.Format, "format", "md,pdf,json", "files to write: md, pdf, json, png (the charts as images), docx, html")
	f.StringVar(&o.Templates, "templates", "", "folder of templates overriding the built-in ones")
	f.BoolVar(&o.Polish, "polish", false, "polish the wording with an LLM under the fact guard")
	f.BoolVar(&o.Offline, "offline", false, "never touch the network (the default unless --polish)")
	f.StringVar(&o.Model, "model", "", "LLM model for --polish")
	f.StringVar(&o.Title, "title", "", "title of the brief, in every language of --lang (default: brief.yaml's title in the language, else the language's template title)")
	f.StringVar(&o.Organisation, "org", "", "organisation named in the title block")
	f.StringVar(&o.GeneratedAt, "generated-at", "", "generated date/time for reproducible output (default: SOURCE_DATE_EPOCH, else now)")
	f.StringVar(&o.Paper, "paper", "a4", "PDF paper size: a4 or letter")
	f.StringVar(&o.Since, "since", "", "brief.json to compare with for \"What changed\" (default: the latest earlier brief in --out)")
	f.IntVar(&o.LLMConcurrency, "llm-concurrency", 4, "sections polished at once")
	f.BoolVar(&o.StrictPolish, "strict-polish", false, "fail (and write nothing) if any section keeps its draft")
	f.BoolVar(&o.NoCache, "no-cache", false, "ask the model again even for a draft it has answered before")
	f.StringVar(&o.Prompts, "prompts", "", "folder of prompt templates overriding the built-in ones")
	f.DurationVar(&o.TemplateTime, "template-time", narrative.DefaultTime, "run-time budget of the templates of one brief (e.g. 5s, 30s)")
	f.DurationVar(&o.PolishTimeout, "polish-timeout", polish.DefaultTimeout, "deadline of the whole polish of one brief: sections not done by then keep their draft")
	c.MarkFlagsMutuallyExclusive("polish", "offline")
}

// prepared is what every writing command needs before it builds.
type prepared struct {
	kind    *narrative.Kind // of the first language
	ds      *dataset.Dataset
	week    period.Period
	asOf    time.Time
	now     time.Time
	formats report.Formats
	prev    *narrative.PreviousBrief
	// polisher is nil unless --polish (and never with --offline).
	polisher *report.Polisher
	// langs are the briefs to write, one per language of --lang, in its
	// order; the data are read once for all of them.
	langs []*langRun
	// warned are the warnings printed on stderr so far: a warning of the
	// data is said once, not once per language (a blind review saw each
	// "left out" warning three times with --lang en,ru,kk).
	warnMu sync.Mutex
	warned map[string]bool
}

// langRun is one language's brief: its locale, templates and the
// previous brief in that language.
type langRun struct {
	loc  *locale.Locale
	kind *narrative.Kind
	prev *narrative.PreviousBrief
}

// langDir is the folder of a language's brief inside the week's folder:
// "" for English (OUT/weekly/<week>/brief.md, as always), the tag for
// another (OUT/weekly/<week>/ru/brief.md), so languages never overwrite
// each other and each compares itself with its own predecessor.
func langDir(l *locale.Locale) string {
	if l.ID() == "en" {
		return ""
	}
	return l.ID()
}

func (o *OutputOptions) prepare(ctx context.Context, cmd, kindName string, io IO) (*prepared, error) {
	if strings.TrimSpace(o.Out) == "" {
		return nil, usagef(cmd, "--out is empty: give the folder to write into (default reports)")
	}
	if o.StrictPolish && !o.Polish {
		return nil, usagef(cmd, "--strict-polish goes with --polish")
	}
	if o.LLMConcurrency < 1 {
		return nil, usagef(cmd, "--llm-concurrency %d: give 1 or more", o.LLMConcurrency)
	}
	if o.PolishTimeout <= 0 {
		return nil, usagef(cmd, "--polish-timeout %s: give a positive duration such as 60s", o.PolishTimeout)
	}
	if o.Paper != "a4" && o.Paper != "letter" {
		return nil, usagef(cmd, "--paper %q: use a4 or letter", o.Paper)
	}
	p := &prepared{}
	var err error
	if o.Polish && !o.Offline {
		if p.polisher, err = o.newPolisher(cmd, io); err != nil {
			return nil, err
		}
	}
	if p.formats, err = formats(cmd, o.Format); err != nil {
		return nil, err
	}
	if p.formats.PDF {
		go pdf.Preload() // fonts parse while the data loads
	}
	if p.now, err = clock(cmd, o.GeneratedAt, io); err != nil {
		return nil, err
	}
	if o.TemplateTime <= 0 {
		return nil, usagef(cmd, "--template-time %s: give a positive duration such as 5s", o.TemplateTime)
	}
	locs, err := o.langs(cmd, o.Templates)
	if err != nil {
		return nil, err
	}
	for _, l := range locs {
		k, err := narrative.LoadKindLang(o.Templates, kindName, l.ID())
		if err != nil {
			return nil, err
		}
		k.Budget.Time = o.TemplateTime
		p.langs = append(p.langs, &langRun{loc: l, kind: k})
	}
	p.kind = p.langs[0].kind
	if p.ds, err = load(&o.DataOptions, p.now, io); err != nil {
		return nil, err
	}
	var project *config.Config
	if o.settings != nil {
		project = o.settings.cfg
	}
	if o.dataConfig, err = datasetConfig(o.Data, project); err != nil {
		return nil, err
	}
	if p.week, p.asOf, err = o.week(cmd, p.ds, p.now); err != nil {
		return nil, err
	}
	for _, lr := range p.langs {
		if lr.prev, err = previous.Find(o.Since, o.Out, langDir(lr.loc), p.week, io.Err); err != nil {
			return nil, err
		}
		if lr.prev != nil && lr.prev.Lang != "" && lr.prev.Lang != lr.loc.ID() {
			return nil, usagef(cmd, "--since %s: it is a brief in %s, not in %s: pass the brief.json of the %s brief (OUT/weekly/<week>/%s)", o.Since, lr.prev.Lang, lr.loc.ID(), lr.loc.ID(), filepath.Join(langDir(lr.loc), "brief.json"))
		}
	}
	p.prev = p.langs[0].prev
	return p, ctx.Err()
}

func (o *OutputOptions) reportOptions(p *prepared, lr *langRun) report.Options {
	return report.Options{
		Week: p.week, AsOf: p.asOf, Generated: p.now, Title: o.titleFor(lr.loc), Organisation: o.Organisation,
		Locale: lr.loc, Lang: lr.loc.ID(),
		Formats: p.formats, DataPath: o.Data, Version: version, Paper: o.Paper, Previous: lr.prev,
		Polisher: p.polisher,
	}
}

// titleFor is the brief's title in a language: --title in every
// language, else the dataset folder's brief.yaml title (datasetConfig),
// else brief.yaml's in that language (title: {en: …, ru: …}, or
// a plain title in the project's language), else "": the language's
// templates give theirs.
func (o *OutputOptions) titleFor(l *locale.Locale) string {
	if o.Title != "" {
		return o.Title
	}
	if hasTitle(o.dataConfig) {
		// The dataset's title wins in every language: one it does not
		// give falls to the templates' title, never the project's.
		return o.dataConfig.TitleFor(l.ID())
	}
	if o.settings != nil {
		return o.settings.cfg.TitleFor(l.ID())
	}
	return ""
}

// write puts the files of one document into OUT/<kind>/<week>/ (in
// English; OUT/<kind>/<week>/<lang>/ in another language) at once.
func write(ctx context.Context, o *OutputOptions, kind string, p *prepared, lr *langRun, out *report.Output, io IO) error {
	p.warnMu.Lock()
	for _, w := range out.Warnings {
		if p.warned[w] || slices.Contains(p.ds.Warnings, w) || report.IsLoadSummary(w) {
			continue // load printed the data's own warnings already
		}
		if p.warned == nil {
			p.warned = map[string]bool{}
		}
		p.warned[w] = true
		fmt.Fprintln(io.Err, "warning: "+w)
	}
	p.warnMu.Unlock()
	if out.Polish != nil {
		for _, d := range out.Polish {
			if d.Error != "" {
				fmt.Fprintf(io.Err, "warning: polish: section %s kept its draft: %s\n", d.Section, d.Error)
			}
		}
		fmt.Fprintln(io.Err, polish.Summary(out.Polish))
	}
	tree := newTree(o.Out, "", io)
	defer tree.Close()
	rel := filepath.Join(kind, p.week.String(), langDir(lr.loc))
	// A weekly brief's folder also holds the batch briefs of its week
	// (entity/, group/) and the briefs in other languages (ru/, kk/):
	// they are kept when the English brief is replaced.
	var keep []string
	if langDir(lr.loc) == "" {
		if kind == "weekly" {
			keep = []string{"entity", "group"}
		}
		if reg, err := locale.Default(); err == nil {
			for _, id := range reg.Supported() {
				if id != "en" {
					keep = append(keep, id)
				}
			}
		}
	}
	if err := writeDir(ctx, tree, rel, kind, p.formats, out, keep, io); err != nil {
		return err
	}
	fmt.Fprintf(io.Out, "wrote %s (%s, %d sections, %d sources, %d files)\n", filepath.Join(o.Out, rel), p.week, len(out.Doc.Sections), len(out.Doc.Sources), len(out.Files))
	return nil
}

// newTree is the output folder as brief writes it: each brief's folder
// replaced as a whole, under a lock, never through a link (see
// atomicfile.Tree). shared is the folder a batch holds for its duration.
func newTree(out, shared string, io IO) *atomicfile.Tree {
	return &atomicfile.Tree{Root: out, Shared: shared, Notify: func(msg string) { fmt.Fprintln(io.Err, "brief: "+msg) }}
}

// writeDir replaces the folder OUT/rel with one holding exactly the
// document's files (and the kept sub-folders of the old one). A run
// without json says so when it drops an earlier run's audit: it would
// have described other files and fed next week's What changed.
func writeDir(ctx context.Context, tree *atomicfile.Tree, rel, kind string, formats report.Formats, out *report.Output, keep []string, io IO) error {
	files := make([]atomicfile.File, len(out.Files))
	for i, f := range out.Files {
		files[i] = atomicfile.File{Path: f.Path, Data: f.Data}
	}
	auditFile := filepath.Join(tree.Root, rel, kind2audit(kind))
	hadAudit := false
	if !formats.JSON {
		_, err := os.Lstat(auditFile)
		hadAudit = err == nil
	}
	if err := tree.WriteDir(ctx, rel, files, keep); err != nil {
		return err
	}
	if hadAudit {
		fmt.Fprintf(io.Err, "warning: removed %s of an earlier run: it described files this run replaced (keep json in --format to keep the audit)\n", auditFile)
	}
	return nil
}

func kind2audit(kind string) string {
	if kind == "points" {
		return "points.json"
	}
	return "brief.json"
}

func newWeeklyCmd(io IO, shared *settings) *cobra.Command {
	o := &OutputOptions{settings: shared}
	b := &BatchOptions{}
	c := &cobra.Command{
		Use:   "weekly",
		Short: "Write the weekly brief (Markdown, PDF, JSON audit)",
		Example: `  brief weekly                         # sample data, latest week, into reports/
  brief weekly --data mydata --week 2025-W05 --out out
  brief weekly --format md --templates mytemplates
  brief weekly --per entity --jobs 4    # one brief per entity, in parallel
  brief weekly --per entity --shard 0/4 # the first of four slices`,
		Args: cobra.NoArgs,
		RunE: func(c *cobra.Command, _ []string) error { return runWeekly(c.Context(), o, b, io) },
	}
	o.bind(c)
	c.Flags().StringVar(&b.Per, "per", "", "write one brief per entity or per group, into OUT/weekly/<week>/<per>/<id>/")
	c.Flags().IntVar(&b.Jobs, "jobs", 0, "briefs made at once with --per (default: the number of CPUs)")
	c.Flags().StringVar(&b.Shard, "shard", "", "with --per, only the slice i/n of the entities (0 <= i < n), for batch engines")
	return c
}

func runWeekly(ctx context.Context, o *OutputOptions, b *BatchOptions, io IO) error {
	if b.Per != "" && b.Per != "entity" && b.Per != "group" {
		return usagef("weekly", "--per %q: use entity or group", b.Per)
	}
	if b.Per == "" && (b.Shard != "" || b.Jobs != 0) {
		return usagef("weekly", "--shard and --jobs go with --per entity or --per group")
	}
	if b.Shard != "" {
		if _, _, err := batch.Shard(b.Shard); err != nil {
			return usagef("weekly", "%v", err)
		}
	}
	if b.Per != "" && o.Since != "" {
		return usagef("weekly", "--since names one brief; with --per each brief is compared with its own predecessor in --out")
	}
	p, err := o.prepare(ctx, "weekly", "weekly", io)
	if err != nil {
		return err
	}
	if b.Per != "" {
		if len(p.langs) != 1 || p.langs[0].loc.ID() != "en" {
			return usagef("weekly", "--per writes English briefs only (--lang %s): run the briefs in other languages without --per", o.Lang)
		}
		return runBatch(ctx, o, b, p, io)
	}
	for _, lr := range p.langs {
		out, err := report.Weekly(ctx, p.ds, lr.kind, o.reportOptions(p, lr))
		if err != nil {
			return err
		}
		if err := write(ctx, o, "weekly", p, lr, out, io); err != nil {
			return err
		}
	}
	return nil
}
