package main

import (
	"os"
	"path/filepath"

	"github.com/briefhq/brief/internal/config"
)

// A dataset folder may carry its own brief.yaml with its title, so that a
// dataset brought to any project is titled for what it is (World Bank
// figures run from the sample's folder are not "Russia and Central
// Asia"). Precedence: --title, then the dataset's title, then the
// project's brief.yaml, then the templates' title. The dataset's file sets
// nothing else: a project's folders, formats and model are the project's.

// datasetConfig reads DATA/brief.yaml (DATA a folder, or the folder of a
// data file) when it is not the project's own config file; nil when there
// is none. A key other than title is an error naming its line.
func datasetConfig(data string, project *config.Config) (*config.Config, error) {
	dir := data
	if fi, err := os.Stat(data); err != nil || !fi.IsDir() {
		dir = filepath.Dir(data)
	}
	path := filepath.Join(dir, config.FileName)
	if project != nil && sameFile(project.File, path) {
		return nil, nil
	}
	cfg, err := config.Load(path, true)
	if err != nil || cfg == nil {
		return nil, err
	}
	for _, key := range config.SortedKeys(cfg.Values()) {
		if key != "title" {
			return nil, &config.Error{File: cfg.File, Line: cfg.Lines[key], Msg: key + ": a dataset's brief.yaml gives only its title; set " + key + " in the project's brief.yaml or by its flag"}
		}
	}
	return cfg, nil
}

// sameFile reports whether two paths name one file.
func sameFile(a, b string) bool {
	fa, err := os.Stat(a)
	if err != nil {
		return false
	}
	fb, err := os.Stat(b)
	return err == nil && os.SameFile(fa, fb)
}

// hasTitle reports whether a config gives a title in any language.
func hasTitle(c *config.Config) bool {
	return c != nil && (c.Title != "" || len(c.Titles) > 0)
}
