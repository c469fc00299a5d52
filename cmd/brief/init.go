package main

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/briefhq/brief/data"
	"github.com/briefhq/brief/internal/atomicfile"
	"github.com/briefhq/brief/templates"
)

// InitOptions are the flags of `brief init`.
type InitOptions struct {
	Dir   string
	Force bool
}

func newInitCmd(io IO) *cobra.Command {
	o := &InitOptions{}
	c := &cobra.Command{
		Use:   "init [DIR]",
		Short: "Scaffold a project: brief.yaml, templates to edit, a sample dataset",
		Long: `init writes a project that 'brief weekly' runs in as it is: brief.yaml,
the default templates (templates/weekly/) to edit, and the sample dataset
(data/) to replace with your own. It never overwrites a file unless --force.`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			o.Dir = "."
			if len(args) == 1 {
				o.Dir = args[0]
			}
			return runInit(c.Context(), o, io)
		},
	}
	c.Flags().BoolVar(&o.Force, "force", false, "overwrite files that exist")
	return c
}

const initConfig = `# Settings of this brief project; command-line flags win over them.
# Keys: title, organisation, language, data, out, templates, prompts,
# format, paper, audience, max, model, base_url, api_key_file.
title: Weekly brief
organisation: ""
data: data
out: reports
templates: templates
format: md,pdf,json
paper: a4
`

func runInit(_ context.Context, o *InitOptions, io IO) error {
	var files []atomicfile.File
	add := func(name string, b []byte) {
		files = append(files, atomicfile.File{Path: filepath.Join(o.Dir, name), Data: b})
	}
	add("brief.yaml", []byte(initConfig))
	copyFS := func(fsys fs.FS, root, to string) error {
		return fs.WalkDir(fsys, root, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			b, err := fs.ReadFile(fsys, p)
			if err != nil {
				return err
			}
			add(filepath.Join(to, filepath.FromSlash(p)), b)
			return nil
		})
	}
	for _, dir := range []string{"_shared", "weekly", "points"} {
		if err := copyFS(templates.FS, dir, "templates"); err != nil {
			return err
		}
	}
	if err := copyFS(data.FS, ".", "data"); err != nil {
		return err
	}
	if !o.Force {
		var exist []string
		for _, f := range files {
			if _, err := os.Stat(f.Path); err == nil {
				exist = append(exist, f.Path)
			} else if !errors.Is(err, fs.ErrNotExist) {
				return err
			}
		}
		if len(exist) > 0 {
			return fmt.Errorf("%s already exists (and %d more files): init never overwrites; use --force, or another folder", exist[0], len(exist)-1)
		}
	}
	for _, f := range files {
		if err := atomicfile.CheckNoLinks(o.Dir, f.Path); err != nil {
			return err
		}
	}
	if err := atomicfile.WriteAll(files); err != nil {
		return err
	}
	fmt.Fprintf(io.Out, "created a brief project in %s (%d files):\n", o.Dir, len(files))
	fmt.Fprintf(io.Out, "  brief.yaml        settings (title, organisation, folders, formats)\n")
	fmt.Fprintf(io.Out, "  data/             a sample dataset: replace it with yours (see data/README.md)\n")
	fmt.Fprintf(io.Out, "  templates/weekly/ the weekly brief's templates, to edit\n")
	fmt.Fprintf(io.Out, "next: cd %s && brief weekly\n", path.Clean(filepath.ToSlash(o.Dir)))
	return nil
}
