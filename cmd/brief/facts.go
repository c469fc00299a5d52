package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/briefhq/brief/internal/dataset"
	"github.com/briefhq/brief/internal/facts"
	"github.com/briefhq/brief/internal/format"
)

// FactsOptions are the flags of `brief facts`.
type FactsOptions struct {
	DataOptions
	JSON  bool
	Limit int
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
	c.Flags().BoolVar(&o.JSON, "json", false, "print the facts as JSON (all of them)")
	c.Flags().IntVar(&o.Limit, "limit", 200, "print at most this many facts as text (0: all)")
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
		// Streamed fact by fact: a million rows make hundreds of
		// thousands of facts, and one big MarshalIndent would hold them
		// all twice in memory.
		w := bufio.NewWriterSize(io.Out, 1<<16)
		fmt.Fprintf(w, "{\n  \"week\": %q,\n  \"as_of\": %q,\n  \"facts\": [", week.String(), asOf.Format("2006-01-02"))
		for i := range set.Facts {
			b, err := json.Marshal(&set.Facts[i])
			if err != nil {
				return err
			}
			if i > 0 {
				w.WriteByte(',')
			}
			w.WriteString("\n    ")
			w.Write(b)
		}
		w.WriteString("\n  ]\n}\n")
		return w.Flush()
	}
	fmt.Fprintf(io.Out, "%d facts as of %s (week %s)\n\n", len(set.Facts), asOf.Format("2006-01-02"), week)
	tw := tabwriter.NewWriter(io.Out, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tPERIOD\tVALUE\tDETAIL\tSALIENCE\tSOURCE")
	for i, f := range set.Facts {
		if o.Limit > 0 && i == o.Limit {
			fmt.Fprintf(tw, "... %d more facts: use --limit 0 or --json\n", len(set.Facts)-i)
			break
		}
		var detail []string
		if f.Against != nil {
			d := fmt.Sprintf("vs %s: %s", f.Against.Label, signed(f.Against.Abs))
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
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%.2f\t%s\n", f.ID, f.PeriodLabel, format.Value(f.Value, f.Unit, -1), strings.Join(detail, "; "), f.Salience, src)
	}
	return tw.Flush()
}

// signed prints a change as the brief would, with its sign: "+1,234.5".
func signed(v float64) string {
	if v > 0 {
		return "+" + format.Number(v, -1)
	}
	return format.Number(v, -1)
}

func statusOf(s string) dataset.Status { return dataset.Status(s) }
