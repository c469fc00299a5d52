// Package report assembles a finished brief in memory: facts, Markdown,
// charts, PDF and the audit record, ready to be written in one go.
package report

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/briefhq/brief/internal/atomicfile"
	"github.com/briefhq/brief/internal/dataset"
	"github.com/briefhq/brief/internal/facts"
	"github.com/briefhq/brief/internal/locale"
	"github.com/briefhq/brief/internal/narrative"
	"github.com/briefhq/brief/internal/period"
	"github.com/briefhq/brief/internal/polish"
)

// Options choose the brief.
type Options struct {
	Week         period.Period // an ISO week
	AsOf         time.Time     // last day known; defaults to the week's end
	Generated    time.Time     // the injected clock
	Title        string        // defaults to the manifest's title
	Organisation string
	// Locale is the language the brief is written in (nil: English);
	// Lang is its tag, for the names of the catalog and the printed
	// files' language ("" takes the locale's).
	Locale   *locale.Locale
	Lang     string
	Formats  Formats
	DataPath string // as the user named it, for the audit
	Version  string // the tool's version, for the audit
	Paper    string // "a4" or "letter"
	// Previous is the brief before this one (for "What changed"), nil if
	// there is none.
	Previous *narrative.PreviousBrief
	// Group is the group a --per group brief is about; its rankings are
	// made within it.
	Group string
	// Polisher rewords the narrative through an LLM under the fact guard;
	// nil keeps the brief offline.
	Polisher *Polisher
}

// Formats says which files to produce: Markdown (with the charts as
// SVG), PDF, the JSON audit, the charts as PNG, Word, HTML.
type Formats struct {
	MD, PDF, JSON bool
	// PNG writes each chart as an image for slides and word processors
	// (render/png): chart-NAME.png, named as its SVG.
	PNG        bool
	DOCX, HTML bool
}

// FormatNames are the names ParseFormats takes, in the order they are
// listed to users.
var FormatNames = []string{"md", "pdf", "json", "png", "docx", "html"}

// ParseFormats reads a list of format names such as "md,pdf,json"
// (case and spaces ignored, "markdown" for md, "word" for docx); the
// error says what is wrong, for the caller to prefix with the flag or key.
func ParseFormats(s string) (Formats, error) {
	var f Formats
	for _, p := range strings.Split(s, ",") {
		switch strings.TrimSpace(strings.ToLower(p)) {
		case "md", "markdown":
			f.MD = true
		case "pdf":
			f.PDF = true
		case "json":
			f.JSON = true
		case "png":
			f.PNG = true
		case "docx", "word":
			f.DOCX = true
		case "html":
			f.HTML = true
		case "":
		default:
			return f, fmt.Errorf("use a list of %s", strings.Join(FormatNames, ", "))
		}
	}
	if f == (Formats{}) {
		return f, fmt.Errorf("names no format: use %s", strings.Join(FormatNames, ", "))
	}
	return f, nil
}

// Output is a brief ready to write: file names are relative to the
// brief's folder.
type Output struct {
	Files    []atomicfile.File
	Doc      *narrative.Document
	Facts    *facts.Set
	Warnings []string
	// Points are the talking points made, for a points document.
	Points *narrative.Points
	// Polish is the LLM's decision for each section; nil when offline.
	Polish []polish.Decision
}

// Weekly builds the weekly brief of o.Week.
func Weekly(ctx context.Context, ds *dataset.Dataset, kind *narrative.Kind, o Options) (*Output, error) {
	if o.Week.Kind != period.Week {
		return nil, fmt.Errorf("report: %s is not a week", o.Week)
	}
	if o.AsOf.IsZero() || o.AsOf.After(o.Week.End) {
		o.AsOf = o.Week.End
	}
	if o.Title == "" {
		o.Title = kind.Manifest.Title
	}
	o.setLocale()
	set := facts.Derive(ds, facts.Options{AsOf: o.AsOf, WeekStart: o.Week.Start})
	view := narrative.Build(ds, set, narrative.BuildOptions{
		Title: o.Title, KindTitle: kind.Manifest.Title, Organisation: o.Organisation, Lang: o.Lang, Week: o.Week,
		Generated: o.Generated, Previous: o.Previous, Group: o.Group, AsOf: o.AsOf, Words: kind.Words, Locale: o.Locale,
	})
	doc, err := kind.RenderContext(ctx, view)
	if err != nil {
		return nil, err
	}
	out := &Output{Doc: doc, Facts: set, Warnings: append(append(append(loadWarnings(ds, o.AsOf), unfinishedWarnings(ds, o.AsOf)...), notUsedWarnings(view)...), append(langWarnings(ds, o.Locale), view.SignWarnings()...)...)}
	if err := o.polish(ctx, ds, doc, out); err != nil {
		return nil, err
	}
	if o.Formats.MD {
		out.Files = append(out.Files, atomicfile.File{Path: "brief.md", Data: doc.Markdown})
		for _, c := range doc.Charts {
			out.Files = append(out.Files, atomicfile.File{Path: c.File, Data: c.SVG()})
		}
	}
	if o.Formats.PNG {
		files, err := chartPNGs(doc)
		if err != nil {
			return nil, err
		}
		out.Files = append(out.Files, files...)
	}
	if err := o.printed("brief", doc, view, out); err != nil {
		return nil, err
	}
	if o.Formats.JSON {
		rec := record(kind, o.Title, ds, set, view, doc, out.Files, o, out.Warnings)
		rec.Polish = out.Polish
		rec.NotUsed = notUsed(view)
		b, err := rec.Marshal()
		if err != nil {
			return nil, err
		}
		out.Files = append(out.Files, atomicfile.File{Path: "brief.json", Data: b})
	}
	return out, nil
}

func day(t time.Time) string { return t.Format("2006-01-02") }

// setLocale fills the locale (English when none is given) and its tag.
func (o *Options) setLocale() {
	if o.Locale == nil {
		o.Locale = narrative.English()
	}
	if o.Lang == "" {
		o.Lang = o.Locale.ID()
	}
}
