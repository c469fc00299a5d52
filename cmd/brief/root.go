package main

import (
	"strings"

	"github.com/spf13/cobra"
)

func newRootCmd(io IO) *cobra.Command {
	root := &cobra.Command{
		Use:   "brief",
		Short: "Turn an indicator dataset into a sourced weekly brief and talking points",
		Long: `brief turns an indicator dataset (observations, catalogs, events) into a
weekly brief in Markdown, PDF and a JSON audit record, offline from templates.
Every figure is footnoted to its source.`,
		Version:       version,
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.SetOut(io.Out)
	root.SetErr(io.Err)
	root.SetFlagErrorFunc(func(c *cobra.Command, err error) error {
		return &usageError{cmd: c.Name(), err: err}
	})
	root.PersistentFlags().String("config", "brief.yaml", "project settings file; flags win over it")
	shared := &settings{}
	// Every command first fills the flags the user left out from brief.yaml.
	root.PersistentPreRunE = func(c *cobra.Command, _ []string) error {
		f := c.Flags().Lookup("config")
		if f == nil {
			return nil
		}
		cfg, err := applyConfig(c, f.Value.String(), f.Changed)
		shared.cfg = cfg
		return err
	}
	root.AddCommand(newWeeklyCmd(io, shared), newValidateCmd(io), newFactsCmd(io), newInitCmd(io), newTemplatesCmd(io), newPointsCmd(io, shared))
	return root
}

// isCobraUsage recognises cobra's own argument errors.
func isCobraUsage(err error) bool {
	msg := err.Error()
	for _, p := range []string{"unknown command", "unknown flag", "unknown shorthand", "accepts ", "requires ", "invalid argument"} {
		if strings.Contains(msg, p) {
			return true
		}
	}
	return false
}
