package main

import (
	"context"
	"fmt"
	"io/fs"
	"sort"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/briefhq/brief/templates"
)

func newTemplatesCmd(io IO) *cobra.Command {
	c := &cobra.Command{
		Use:   "templates",
		Short: "Show the brief kinds and their sections",
		Args:  cobra.NoArgs,
	}
	var dir string
	list := &cobra.Command{
		Use:   "list",
		Short: "List the brief kinds and the sections of each, in order",
		Args:  cobra.NoArgs,
		RunE:  func(c *cobra.Command, _ []string) error { return runTemplatesList(c.Context(), dir, io) },
	}
	list.Flags().StringVar(&dir, "templates", "", "folder of templates (default: the built-in ones)")
	c.AddCommand(list)
	return c
}

func runTemplatesList(_ context.Context, dir string, io IO) error {
	kinds := []string{}
	if dir == "" {
		entries, err := fs.ReadDir(templates.FS, ".")
		if err != nil {
			return err
		}
		for _, e := range entries {
			if e.IsDir() && !strings.HasPrefix(e.Name(), "_") {
				kinds = append(kinds, e.Name())
			}
		}
	} else {
		kinds = append(kinds, "weekly")
	}
	sort.Strings(kinds)
	for _, name := range kinds {
		k, err := loadKind(dir, name)
		if err != nil {
			return err
		}
		fmt.Fprintf(io.Out, "%s (%s): %s\n", name, k.Dir, k.Manifest.Title)
		tw := tabwriter.NewWriter(io.Out, 0, 4, 2, ' ', 0)
		for i, s := range k.Manifest.Sections {
			what := ""
			switch {
			case s.Each == "topic":
				what = "once per topic of the catalog"
			case len(s.Topics) > 0:
				what = fmt.Sprintf("topics %v", s.Topics)
			}
			fmt.Fprintf(tw, "  %d.\t%s\t%s\t%s\n", i+1, s.ID, s.Template, what)
		}
		tw.Flush()
	}
	return nil
}
