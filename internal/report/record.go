package report

import (
	"time"

	"github.com/briefhq/brief/internal/atomicfile"
	"github.com/briefhq/brief/internal/audit"
	"github.com/briefhq/brief/internal/dataset"
	"github.com/briefhq/brief/internal/facts"
	"github.com/briefhq/brief/internal/narrative"
)

// record builds the audit record of a document: what it states and where
// each figure comes from, the state of every series for the next brief's
// comparison, and the hashes of the files written with it.
func record(kind *narrative.Kind, title string, ds *dataset.Dataset, set *facts.Set, view *narrative.Brief, doc *narrative.Document, files []atomicfile.File, o Options, warnings []string) *audit.Record {
	rec := &audit.Record{
		Version: audit.Version, Kind: kind.Name, Lang: o.Lang, Period: o.Week.String(),
		Start: day(o.Week.Start), End: day(o.Week.End), AsOf: day(o.AsOf),
		Generated: o.Generated.UTC().Format(time.RFC3339), Title: title,
		Tool: audit.Tool{Name: "brief", Version: o.Version},
		Data: audit.Data{
			Path: o.DataPath, Observations: len(ds.Observations), Indicators: len(ds.Indicators),
			Entities: len(ds.Entities), Events: len(ds.Events),
		},
		Templates: audit.Templates{Dir: kind.Dir, Files: kind.Files},
		Sections:  doc.Sections, Sources: doc.Sources, Charts: audit.Charts(doc.Charts),
		Facts:    audit.UsedFacts(set.Facts, doc.Sections),
		Series:   narrative.States(set),
		Warnings: warnings, Changes: view.Changes.Record(), Events: []string{},
	}
	for _, e := range view.Events {
		rec.Events = append(rec.Events, e.Key())
	}
	for _, f := range files {
		rec.Outputs = append(rec.Outputs, audit.NewOutput(f.Path, f.Data))
	}
	return rec
}
