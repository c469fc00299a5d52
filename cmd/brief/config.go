package main

import (
	"github.com/spf13/cobra"

	"github.com/briefhq/brief/internal/config"
)

// flagOfKey maps brief.yaml keys to the flags they set.
var flagOfKey = map[string]string{
	"organisation": "org", "language": "lang", "data": "data", "out": "out",
	"templates": "templates", "format": "format", "paper": "paper", "audience": "audience",
	"max": "max", "model": "model", "prompts": "prompts", "template_time": "template-time",
	"polish_timeout": "polish-timeout",
}

// applyConfig reads brief.yaml (or --config FILE) and sets every flag of c
// the user did not give: flags win over the file. The config's other keys
// stay in cfg for the commands that read them.
func applyConfig(c *cobra.Command, path string, explicit bool) (*config.Config, error) {
	cfg, err := config.Load(path, !explicit)
	if err != nil || cfg == nil {
		return nil, err
	}
	vals := cfg.Values()
	for _, key := range config.SortedKeys(vals) {
		name, ok := flagOfKey[key]
		if !ok {
			continue
		}
		f := c.Flags().Lookup(name)
		if f == nil || f.Changed {
			continue
		}
		if err := c.Flags().Set(name, vals[key]); err != nil {
			return nil, &config.Error{File: cfg.File, Line: cfg.Lines[key], Msg: key + ": " + err.Error()}
		}
	}
	return cfg, nil
}
