// Package report assembles a finished brief in memory: facts, Markdown,
// charts, PDF and the audit record, ready to be written in one go.
package report

import (
	"context"
	"fmt"
	"time"

	"github.com/briefhq/brief/internal/atomicfile"
	"github.com/briefhq/brief/internal/dataset"
	"github.com/briefhq/brief/internal/facts"
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
	Lang         string
	Formats      Formats
	DataPath     string // as the user named it, for the audit
	Version      string // the tool's version, for the audit
	Paper        string // "a4" or "letter"
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

// Formats says which files to produce.
type Formats struct {
	MD, PDF, JSON bool
	// PNG writes each chart as an image for slides and word processors
	// (render/png): chart-NAME.png, named as its SVG.
	PNG bool
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
	set := facts.Derive(ds, facts.Options{AsOf: o.AsOf, WeekStart: o.Week.Start})
	view := narrative.Build(ds, set, narrative.BuildOptions{
		Title: o.Title, KindTitle: kind.Manifest.Title, Organisation: o.Organisation, Lang: o.Lang, Week: o.Week,
		Generated: o.Generated, Previous: o.Previous, Group: o.Group, AsOf: o.AsOf,
	})
	doc, err := kind.RenderContext(ctx, view)
	if err != nil {
		return nil, err
	}
	out := &Output{Doc: doc, Facts: set}
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
	if o.Formats.PDF {
		pdf, warns, err := renderPDF(doc, view, o)
		if err != nil {
			return nil, err
		}
		out.Warnings = append(out.Warnings, warns...)
		out.Files = append(out.Files, atomicfile.File{Path: "brief.pdf", Data: pdf})
	}
	if o.Formats.JSON {
		rec := record(kind, o.Title, ds, set, view, doc, out.Files, o, out.Warnings)
		rec.Polish = out.Polish
		b, err := rec.Marshal()
		if err != nil {
			return nil, err
		}
		out.Files = append(out.Files, atomicfile.File{Path: "brief.json", Data: b})
	}
	return out, nil
}

func day(t time.Time) string { return t.Format("2006-01-02") }
