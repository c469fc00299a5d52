package report

import (
	"context"
	"fmt"

	"github.com/briefhq/brief/internal/atomicfile"
	"github.com/briefhq/brief/internal/audit"
	"github.com/briefhq/brief/internal/dataset"
	"github.com/briefhq/brief/internal/facts"
	"github.com/briefhq/brief/internal/narrative"
	"github.com/briefhq/brief/internal/period"
)

// PointsOptions choose the talking points.
type PointsOptions struct {
	Options
	narrative.PointOptions
}

// Points builds the talking points of o.Week: points.md, a one-page
// points.pdf and points.json. When the points do not fit on one page, the
// least salient are cut until they do, in the PDF and the Markdown alike.
func Points(ctx context.Context, ds *dataset.Dataset, kind *narrative.Kind, o PointsOptions) (*Output, error) {
	if o.Week.Kind != period.Week {
		return nil, fmt.Errorf("report: %s is not a week", o.Week)
	}
	if o.AsOf.IsZero() || o.AsOf.After(o.Week.End) {
		o.AsOf = o.Week.End
	}
	o.setLocale()
	set := facts.Derive(ds, facts.Options{AsOf: o.AsOf, WeekStart: o.Week.Start})
	view := narrative.Build(ds, set, narrative.BuildOptions{
		Title: o.Title, KindTitle: kind.Manifest.Title, Organisation: o.Organisation, Lang: o.Lang,
		Week: o.Week, Generated: o.Generated, Previous: o.Previous, Group: o.Group, AsOf: o.AsOf, Words: kind.Words, Locale: o.Locale,
	})
	doc, pts, err := kind.RenderPointsContext(ctx, view, o.PointOptions)
	if err != nil {
		return nil, err
	}
	out := &Output{Doc: doc, Facts: set}
	var pdfBytes []byte
	{
		// The points are fitted to one page whatever the formats, so that
		// points.md says the same with or without the PDF (a blind review:
		// adding pdf to --format cut the Markdown from 12 points to 8).
		title := o.Title
		o.Title = kind.Manifest.Title
		// fit renders doc and cuts the least salient point until the PDF
		// is one page (or one point is left).
		fit := func() error {
			for {
				b, warns, pages, err := pdfPages(doc, view, o.Options)
				if err != nil {
					return err
				}
				if pages <= 1 || pts.Count <= 1 {
					pdfBytes, out.Warnings = b, warns
					return nil
				}
				pts = pts.Trim(pts.Count - 1)
				if doc, err = kind.RenderWithContext(ctx, view, pts); err != nil {
					return err
				}
				if out.Polish != nil {
					// A polished text that no longer fits: the shorter
					// draft is polished again (unchanged sections come
					// from the cache).
					if err := o.polish(ctx, ds, doc, out); err != nil {
						return err
					}
				}
			}
		}
		// The draft is fitted first, offline, so that the model is asked
		// once, for the points that are kept.
		if err := fit(); err != nil {
			return nil, err
		}
		if o.Polisher != nil {
			if err := o.polish(ctx, ds, doc, out); err != nil {
				return nil, err
			}
			if err := fit(); err != nil {
				return nil, err
			}
		}
		o.Title = title
		out.Doc = doc
	}
	out.Warnings = append(append(append(append(loadWarnings(ds, o.AsOf), unfinishedWarnings(ds, o.AsOf)...), out.Warnings...), langWarnings(ds, o.Locale)...), view.SignWarnings()...)
	out.Points = pts
	if o.Formats.MD {
		out.Files = append(out.Files, atomicfile.File{Path: "points.md", Data: doc.Markdown})
	}
	if o.Formats.PNG {
		files, err := chartPNGs(doc)
		if err != nil {
			return nil, err
		}
		out.Files = append(out.Files, files...)
	}
	if pdfBytes != nil && o.Formats.PDF {
		out.Files = append(out.Files, atomicfile.File{Path: "points.pdf", Data: pdfBytes})
	}
	// Word and HTML print the points the PDF kept, under the PDF's title.
	others := o.Options
	others.Formats.PDF = false
	others.Title = kind.Manifest.Title
	if err := others.printed("points", doc, view, out); err != nil {
		return nil, err
	}
	if o.Formats.JSON {
		rec := record(kind, kind.Manifest.Title, ds, set, view, doc, out.Files, o.Options, out.Warnings)
		rec.Points = &audit.Points{Audience: pts.Audience, Count: pts.Count, Skipped: pts.Skipped}
		rec.Polish = out.Polish
		b, err := rec.Marshal()
		if err != nil {
			return nil, err
		}
		out.Files = append(out.Files, atomicfile.File{Path: "points.json", Data: b})
	}
	return out, nil
}
