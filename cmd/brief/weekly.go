package main

import (
	"context"
	"fmt"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/briefhq/brief/internal/atomicfile"
	"github.com/briefhq/brief/internal/report"
)

// WeeklyOptions are the flags of `brief weekly`.
type WeeklyOptions struct {
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
}

func newWeeklyCmd(io IO) *cobra.Command {
	o := &WeeklyOptions{}
	c := &cobra.Command{
		Use:   "weekly",
		Short: "Write the weekly brief (Markdown, PDF, JSON audit)",
		Example: `  brief weekly                         # sample data, latest week, into reports/
  brief weekly --data mydata --week 2025-W05 --out out
  brief weekly --format md --templates mytemplates`,
		Args: cobra.NoArgs,
		RunE: func(c *cobra.Command, _ []string) error { return runWeekly(c.Context(), o, io) },
	}
	o.bind(c, true)
	f := c.Flags()
	f.StringVar(&o.Out, "out", "reports", "output folder; the brief goes to OUT/weekly/<week>/")
	f.StringVar(&o.Format, "format", "md,pdf,json", "files to write: md, pdf, json")
	f.StringVar(&o.Templates, "templates", "", "folder of templates overriding the built-in ones")
	f.BoolVar(&o.Polish, "polish", false, "polish the wording with an LLM under the fact guard")
	f.BoolVar(&o.Offline, "offline", false, "never touch the network (the default until polish is used)")
	f.StringVar(&o.Model, "model", "", "LLM model for --polish")
	f.StringVar(&o.Title, "title", "", "title of the brief (default: the template's title)")
	f.StringVar(&o.Organisation, "org", "", "organisation named in the title block")
	f.StringVar(&o.GeneratedAt, "generated-at", "", "generated date/time for reproducible output (default: SOURCE_DATE_EPOCH, else now)")
	f.StringVar(&o.Paper, "paper", "a4", "PDF paper size: a4 or letter")
	f.StringVar(&o.Since, "since", "", "brief.json to compare with for \"What changed\" (default: the latest earlier brief in --out)")
	c.MarkFlagsMutuallyExclusive("polish", "offline")
	return c
}

func runWeekly(ctx context.Context, o *WeeklyOptions, io IO) error {
	const cmd = "weekly"
	if o.Polish {
		return usagef(cmd, "--polish is not available in this version yet; the brief is written offline from templates")
	}
	if o.Paper != "a4" && o.Paper != "letter" {
		return usagef(cmd, "--paper %q: use a4 or letter", o.Paper)
	}
	fmts, err := formats(cmd, o.Format)
	if err != nil {
		return err
	}
	now, err := clock(cmd, o.GeneratedAt, io)
	if err != nil {
		return err
	}
	kind, err := loadKind(o.Templates, "weekly")
	if err != nil {
		return err
	}
	ds, err := load(&o.DataOptions, now, io)
	if err != nil {
		return err
	}
	week, asOf, err := o.week(cmd, ds, now)
	if err != nil {
		return err
	}
	prev, err := previousBrief(o.Since, o.Out, week, io)
	if err != nil {
		return err
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	out, err := report.Weekly(ds, kind, report.Options{
		Week: week, AsOf: asOf, Generated: now, Title: o.Title, Organisation: o.Organisation, Lang: o.Lang,
		Formats: fmts, DataPath: o.Data, Version: version, Paper: o.Paper, Previous: prev,
	})
	if err != nil {
		return err
	}
	for _, w := range out.Warnings {
		fmt.Fprintln(io.Err, "warning: "+w)
	}
	dir := filepath.Join(o.Out, "weekly", week.String())
	files := make([]atomicfile.File, len(out.Files))
	for i, f := range out.Files {
		files[i] = atomicfile.File{Path: filepath.Join(dir, f.Path), Data: f.Data}
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	if err := atomicfile.WriteAll(files); err != nil {
		return err
	}
	fmt.Fprintf(io.Out, "wrote %s (%s, %d sections, %d sources, %d files)\n", dir, week, len(out.Doc.Sections), len(out.Doc.Sources), len(files))
	return nil
}
