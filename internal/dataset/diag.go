package dataset

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"unicode"
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
	b.WriteString(d.Pos.String())
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

// String is the position as messages print it: file:line:col in a text
// file, file:Sheet!B12 in a workbook (file:Sheet!12:12 for a whole row).
func (p Pos) String() string {
	var b strings.Builder
	b.WriteString(p.File)
	if p.Sheet != "" {
		b.WriteString(":" + SheetRef(p.Sheet) + "!")
		switch {
		case p.Line > 0 && p.Col > 0:
			b.WriteString(ColumnName(p.Col) + strconv.Itoa(p.Line))
		case p.Line > 0:
			fmt.Fprintf(&b, "%d:%d", p.Line, p.Line)
		}
		return b.String()
	}
	if p.Line > 0 {
		fmt.Fprintf(&b, ":%d", p.Line)
		if p.Col > 0 {
			fmt.Fprintf(&b, ":%d", p.Col)
		}
	}
	return b.String()
}

// SheetRef is a sheet's name as a formula writes it: quoted when it has
// anything but letters, digits and underscores ('GDP 2024'!B2).
func SheetRef(name string) string {
	for _, r := range name {
		if !(r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r)) {
			return "'" + strings.ReplaceAll(name, "'", "''") + "'"
		}
	}
	return name
}

// ColumnName is a 1-based column number as a spreadsheet's letters: 1 is
// A, 27 is AA.
func ColumnName(col int) string {
	var b []byte
	for col > 0 {
		col--
		b = append([]byte{byte('A' + col%26)}, b...)
		col /= 26
	}
	return string(b)
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
