package dataset

import (
	"fmt"
	"sort"
	"strings"
)

// Severity of a Diagnostic.
type Severity uint8

// Errors stop a run; warnings are printed and the run goes on.
const (
	SevError Severity = iota + 1
	SevWarning
)

// Diagnostic is one validation finding, printed as file:line:col: message.
type Diagnostic struct {
	Pos      Pos
	Severity Severity
	Message  string // what is wrong and what to do about it
}

func (d Diagnostic) String() string {
	var b strings.Builder
	b.WriteString(d.Pos.File)
	if d.Pos.Line > 0 {
		fmt.Fprintf(&b, ":%d", d.Pos.Line)
		if d.Pos.Col > 0 {
			fmt.Fprintf(&b, ":%d", d.Pos.Col)
		}
	}
	b.WriteString(": ")
	switch d.Severity {
	case SevWarning:
		b.WriteString("warning: ")
	case SevNote:
		b.WriteString("note: ")
	}
	b.WriteString(d.Message)
	return b.String()
}

// Diagnostics is every finding of a load, sorted by file, line, column.
type Diagnostics []Diagnostic

// HasErrors reports whether any finding is an error.
func (ds Diagnostics) HasErrors() bool {
	for _, d := range ds {
		if d.Severity == SevError {
			return true
		}
	}
	return false
}

// Sort orders findings by file, line and column, keeping insertion order
// for equal positions.
func (ds Diagnostics) Sort() {
	sort.SliceStable(ds, func(i, j int) bool {
		a, b := ds[i].Pos, ds[j].Pos
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Col < b.Col
	})
}

// Error is returned by Load when the dataset has errors; it carries all
// findings (warnings too) so the CLI can print every one.
type Error struct{ Diagnostics Diagnostics }

func (e *Error) Error() string {
	n := 0
	for _, d := range e.Diagnostics {
		if d.Severity == SevError {
			n++
		}
	}
	lines := make([]string, 0, len(e.Diagnostics)+1)
	for _, d := range e.Diagnostics {
		lines = append(lines, d.String())
	}
	noun := "errors"
	if n == 1 {
		noun = "error"
	}
	lines = append(lines, fmt.Sprintf("dataset has %d %s", n, noun))
	return strings.Join(lines, "\n")
}
