package main

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/briefhq/brief/internal/dataset"
	"github.com/briefhq/brief/internal/facts"
)

// FactsOptions are the flags of `brief facts`.
type FactsOptions struct {
	DataOptions
	JSON bool
}

func newFactsCmd(io IO) *cobra.Command {
	o := &FactsOptions{}
	c := &cobra.Command{
		Use:   "facts",
		Short: "Show what the engine derived from the data, for debugging",
		Args:  cobra.NoArgs,
		RunE:  func(c *cobra.Command, _ []string) error { return runFacts(c.Context(), o, io) },
	}
	o.bind(c, true)
	c.Flags().BoolVar(&o.JSON, "json", false, "print the facts as JSON")
	return c
}

func runFacts(_ context.Context, o *FactsOptions, io IO) error {
	now := io.Now()
	ds, err := load(&o.DataOptions, now, io)
	if err != nil {
		return err
	}
	week, asOf, err := o.week("facts", ds, now)
	if err != nil {
		return err
	}
	set := facts.Derive(ds, facts.Options{AsOf: asOf, WeekStart: week.Start})
	if o.JSON {
		b, err := json.MarshalIndent(map[string]any{"week": week.String(), "as_of": asOf.Format("2006-01-02"), "facts": set.Facts}, "", "  ")
		if err != nil {
			return err
		}
		fmt.Fprintln(io.Out, string(b))
		return nil
	}
	fmt.Fprintf(io.Out, "%d facts as of %s (week %s)\n\n", len(set.Facts), asOf.Format("2006-01-02"), week)
	tw := tabwriter.NewWriter(io.Out, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tPERIOD\tVALUE\tDETAIL\tSALIENCE\tSOURCE")
	for _, f := range set.Facts {
		var detail []string
		if f.Against != nil {
			d := fmt.Sprintf("vs %s: %+g", f.Against.Label, f.Against.Abs)
			if f.Against.HasPct {
				d += fmt.Sprintf(" (%+.1f%%)", f.Against.Pct)
			}
			detail = append(detail, d)
		}
		if f.Rank > 0 {
			detail = append(detail, fmt.Sprintf("rank %d of %d", f.Rank, f.Of))
		}
		if f.Since > 0 {
			detail = append(detail, fmt.Sprintf("beats %d earlier", f.Since))
		}
		for _, s := range []string{"actual", "estimate", "plan", "target"} {
			if n := f.Counts[statusOf(s)]; n > 0 {
				detail = append(detail, fmt.Sprintf("%s %d", s, n))
			}
		}
		if f.New {
			detail = append(detail, "new this week")
		}
		src := ""
		if len(f.Sources) > 0 {
			src = fmt.Sprintf("%s:%d", f.Sources[0].File, f.Sources[0].Line)
		}
		fmt.Fprintf(tw, "%s\t%s\t%g %s\t%s\t%.2f\t%s\n", f.ID, f.PeriodLabel, f.Value, f.Unit, strings.Join(detail, "; "), f.Salience, src)
	}
	return tw.Flush()
}

func statusOf(s string) dataset.Status { return dataset.Status(s) }
