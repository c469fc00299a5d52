package report

import (
	"fmt"
	"strings"
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

// notUsed are the figures the brief left out as doubtful for their
// period (narrative.Brief.NotUsed), as the record lists them.
func notUsed(view *narrative.Brief) []audit.NotUsed {
	var out []audit.NotUsed
	for _, r := range view.NotUsed {
		n := audit.NotUsed{Indicator: r.Fact.Indicator, Entity: r.Fact.Entity, Period: r.Fact.PeriodLabel,
			Value: r.Fact.Value, Unit: r.Fact.Unit, Reason: strings.TrimPrefix(r.Doubt(), "that ")}
		if len(r.Fact.Sources) > 0 {
			n.File, n.Line = r.Fact.Sources[0].File, r.Fact.Sources[0].Line
		}
		out = append(out, n)
	}
	return out
}

// notUsedWarnings say, for the run's warnings, each figure the brief
// left out, where it is in the data and why: the analyst learns that the
// brief is silent on it on purpose.
func notUsedWarnings(view *narrative.Brief) []string {
	var out []string
	for i, n := range notUsed(view) {
		r := view.NotUsed[i]
		out = append(out, fmt.Sprintf("%s:%d: %s (%s, %s: %s) left out of the brief: the figure %s; the internal talking points give it, not for public use",
			n.File, n.Line, r.Indicator.Name, r.Entity.Name, n.Period, r.Text, n.Reason))
	}
	return out
}
