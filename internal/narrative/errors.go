package narrative

import (
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"text/template"
)

// TemplateError is every failure of a template or manifest: it names the
// file as the user knows it (templates/weekly/topic.tmpl) and the line.
type TemplateError struct {
	File string
	Line int
	Col  int
	Msg  string
	// Err is the cause when there is one to test with errors.Is:
	// ErrBudget, context.Canceled, context.DeadlineExceeded.
	Err error
}

func (e *TemplateError) Unwrap() error { return e.Err }

func (e *TemplateError) Error() string {
	var b strings.Builder
	b.WriteString(e.File)
	if e.Line > 0 {
		b.WriteString(":" + strconv.Itoa(e.Line))
		if e.Col > 0 {
			b.WriteString(":" + strconv.Itoa(e.Col))
		}
	}
	return b.String() + ": " + e.Msg
}

// text/template says "template: topic.tmpl:12:5: executing \"topic.tmpl\"
// at <.Foo>: can't evaluate field Foo in type *narrative.Topic"; parse
// errors have no column and no "executing" part.
var tmplErrRE = regexp.MustCompile(`^template: ([^:]+):(\d+)(?::(\d+))?: (?:executing "[^"]*" at (<.*?>): )?(.*)$`)

// rewrite turns a text/template error into a *TemplateError located in
// dir (the folder the user knows). Other errors are wrapped as they are.
func rewrite(err error, dir string) error {
	if err == nil {
		return nil
	}
	if te, ok := err.(*TemplateError); ok {
		return te
	}
	if be := (*BudgetError)(nil); errors.As(err, &be) {
		return budgetLocated(err, be, dir)
	}
	msg := err.Error()
	// An error inside an include is located at the include's action and
	// again inside the block: the innermost place is the one to fix.
	for e := err; e != nil; e = errors.Unwrap(e) {
		if ee, ok := e.(template.ExecError); ok {
			msg = ee.Err.Error()
		}
	}
	// Errors of nested template calls keep only their first line.
	if i := strings.IndexByte(msg, '\n'); i >= 0 {
		msg = msg[:i]
	}
	m := tmplErrRE.FindStringSubmatch(msg)
	if m == nil {
		return &TemplateError{File: dir, Msg: msg}
	}
	line, _ := strconv.Atoi(m[2])
	col, _ := strconv.Atoi(m[3])
	text := m[5]
	switch {
	case strings.HasPrefix(m[4], "<"+printCheck+" "):
		// printed's own message names the action.
		text = strings.TrimPrefix(text, "error calling "+printCheck+": ")
	case m[4] != "":
		text = at(m[4]) + text
	}
	text = strings.ReplaceAll(text, "map has no entry for key", "no such key")
	return &TemplateError{File: dir + "/" + m[1], Line: line, Col: col, Msg: text}
}

// budgetLocated locates an exceeded budget at the innermost template
// call (inside include's blocks, where the loop is), with the budget's
// own message.
func budgetLocated(err error, be *BudgetError, dir string) error {
	te := &TemplateError{File: dir, Msg: be.Error(), Err: be}
	for e := err; e != nil; e = errors.Unwrap(e) {
		ee, ok := e.(template.ExecError)
		if !ok {
			continue
		}
		msg := ee.Err.Error()
		if i := strings.IndexByte(msg, '\n'); i >= 0 {
			msg = msg[:i]
		}
		if m := tmplErrRE.FindStringSubmatch(msg); m != nil {
			te.File = dir + "/" + m[1]
			te.Line, _ = strconv.Atoi(m[2])
			te.Col, _ = strconv.Atoi(m[3])
			te.Msg = at(m[4]) + be.Error()
		}
	}
	return te
}

// at is how an error names the action it stopped at: text/template's
// context, or for the checks instrument adds, the range or block.
func at(context string) string {
	switch context {
	case "":
		return ""
	case "<" + tickRange + ">":
		return "in this range: "
	case "<" + tickBlock + ">":
		return "entering this block: "
	}
	return "at " + context + ": "
}

func errorf(file string, format string, a ...any) error {
	return &TemplateError{File: file, Msg: fmt.Sprintf(format, a...)}
}

var yamlLineRE = regexp.MustCompile(`line (\d+): (.*)$`)

// yamlError locates a YAML decoding error in file.
func yamlError(err error, file, hint string) error {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	msg = strings.TrimPrefix(msg, "unmarshal errors:\n")
	msg = strings.TrimSpace(strings.SplitN(msg, "\n", 2)[0])
	te := &TemplateError{File: file, Msg: msg + hint}
	if m := yamlLineRE.FindStringSubmatch(msg); m != nil {
		te.Line, _ = strconv.Atoi(m[1])
		te.Msg = m[2] + hint
	}
	return te
}
