package main

import (
	"context"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/briefhq/brief/internal/narrative"
	"github.com/briefhq/brief/internal/report"
)

// PointsOptions are the flags of `brief points`.
type PointsOptions struct {
	OutputOptions
	Audience string
	Max      int
}

func newPointsCmd(io IO, shared *settings) *cobra.Command {
	o := &PointsOptions{OutputOptions: OutputOptions{settings: shared}}
	c := &cobra.Command{
		Use:   "points",
		Short: "Write press talking points (Markdown, one-page PDF, JSON)",
		Example: `  brief points                          # for the press, latest week
  brief points --audience internal --max 12`,
		Args: cobra.NoArgs,
		RunE: func(c *cobra.Command, _ []string) error { return runPoints(c.Context(), o, io) },
	}
	o.bind(c)
	c.Flags().StringVar(&o.Audience, "audience", "press", "press (plain words, rounded figures) or internal (exact figures, caveats)")
	c.Flags().IntVar(&o.Max, "max", 10, "at most this many points")
	return c
}

func runPoints(ctx context.Context, o *PointsOptions, io IO) error {
	if o.Audience != "press" && o.Audience != "internal" {
		return usagef("points", "--audience %q: use press or internal", o.Audience)
	}
	if o.Max < 1 {
		return usagef("points", "--max %d: give at least 1", o.Max)
	}
	p, err := o.prepare(ctx, "points", "points", io)
	if err != nil {
		return err
	}
	for _, lr := range p.langs {
		out, err := report.Points(ctx, p.ds, lr.kind, report.PointsOptions{
			Options:      o.reportOptions(p, lr),
			PointOptions: narrative.PointOptions{Audience: o.Audience, Max: o.Max},
		})
		if err != nil {
			return err
		}
		if err := write(ctx, &o.OutputOptions, "points", p, lr, out, io); err != nil {
			return err
		}
		if out.Points != nil && out.Points.Count == 0 {
			fmt.Fprintln(io.Err, "warning: no talking points: the data has nothing for this week")
			break
		}
	}
	return nil
}
