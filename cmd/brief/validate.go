package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/briefhq/brief/internal/dataset"
)

// ValidateOptions are the flags of `brief validate`.
type ValidateOptions struct {
	DataOptions
	JSON      bool
	Templates string
}

func newValidateCmd(io IO) *cobra.Command {
	o := &ValidateOptions{}
	c := &cobra.Command{
		Use:   "validate",
		Short: "Check a dataset and report every problem as file:line:col",
		Args:  cobra.NoArgs,
		RunE:  func(c *cobra.Command, _ []string) error { return runValidate(c.Context(), o, io) },
	}
	o.bind(c, false)
	c.Flags().Lookup("lang").Usage = "also list every name form, wording and translation these languages lack (BCP 47 tags, comma-separated: ru,kk)"
	c.Flags().BoolVar(&o.JSON, "json", false, "print the findings as JSON")
	c.Flags().StringVar(&o.Templates, "templates", "", "templates folder whose locales/<tag>.yaml add languages to --lang")
	return c
}

type finding struct {
	File     string `json:"file"`
	Sheet    string `json:"sheet,omitempty"` // a workbook's: line and col are the cell's row and column
	Line     int    `json:"line"`
	Col      int    `json:"col,omitempty"`
	Severity string `json:"severity"`
	Message  string `json:"message"`
}

func runValidate(_ context.Context, o *ValidateOptions, io IO) error {
	langs, err := o.langs("validate", o.Templates)
	if err != nil {
		return err
	}
	// Staleness is judged against the same clock as a brief's date, so a
	// check with SOURCE_DATE_EPOCH set gives the same findings any day.
	now, err := clock("validate", "", io)
	if err != nil {
		return err
	}
	ds, diags, err := dataset.Load(o.Data, dataset.Options{Now: now, Languages: langs})
	var de *dataset.Error
	if err != nil && !errors.As(err, &de) {
		return err
	}
	if ds != nil && !diags.HasErrors() {
		// Where a default of the indicator catalog was assumed and a
		// reader might judge it otherwise (a share of a rate, a ranking
		// of national currencies): one note per indicator.
		diags = append(diags, dataset.Notes(ds)...)
	}
	nerr, nwarn, nnote := 0, 0, 0
	list := make([]finding, 0, len(diags))
	for _, d := range diags {
		var sev string
		switch d.Severity {
		case dataset.SevWarning:
			sev = "warning"
			nwarn++
		case dataset.SevNote:
			sev = "note"
			nnote++
		default:
			sev = "error"
			nerr++
		}
		list = append(list, finding{d.Pos.File, d.Pos.Sheet, d.Pos.Line, d.Pos.Col, sev, d.Message})
	}
	if o.JSON {
		b, _ := json.MarshalIndent(map[string]any{"data": o.Data, "errors": nerr, "warnings": nwarn, "notes": nnote, "findings": list}, "", "  ")
		fmt.Fprintln(io.Out, string(b))
	} else {
		for _, d := range diags {
			fmt.Fprintln(io.Err, d.String())
		}
	}
	if nerr > 0 {
		return &exitError{code: 1, msg: fmt.Sprintf("%s: %s, %s", o.Data, plural(nerr, "error"), plural(nwarn, "warning"))}
	}
	if !o.JSON {
		notes := ""
		if nnote > 0 {
			notes = ", " + plural(nnote, "note")
		}
		fmt.Fprintf(io.Out, "%s: ok: %s, %s, %s, %s; %s%s\n", o.Data, plural(len(ds.Observations), "observation"),
			plural(len(ds.Indicators), "indicator"), plural(len(ds.Entities), "entity"), plural(len(ds.Events), "event"), plural(nwarn, "warning"), notes)
	}
	return nil
}

// exitError ends a command with a code and a one-line message, after it
// has printed its own findings.
type exitError struct {
	code int
	msg  string
}

func (e *exitError) Error() string { return e.msg }

// plural is "1 error", "2 errors", "1 entity", "3 entities".
func plural(n int, one string) string {
	if n == 1 {
		return "1 " + one
	}
	if strings.HasSuffix(one, "y") {
		return strconv.Itoa(n) + " " + strings.TrimSuffix(one, "y") + "ies"
	}
	return strconv.Itoa(n) + " " + one + "s"
}
