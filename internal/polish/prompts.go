package polish

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"strings"
	"text/template"
	"time"
)

// The prompt templates' budget. A prompt folder is the user's: its files
// are read only if regular and small, and polish-user.tmpl runs within a
// time and a size, its text-building builtins (print, printf, println,
// html, js, urlquery) metered.
const (
	MaxPromptFile = 256 << 10       // bytes of a prompt file
	MaxPromptText = 1 << 20         // bytes of one rendered user message
	PromptTime    = 2 * time.Second // to render one user message
)

// promptTime is PromptTime; tests shorten it.
var promptTime = PromptTime

// readPrompt reads a regular prompt file of at most MaxPromptFile bytes:
// a FIFO, device or folder is an error before it is opened (for any FS
// that can stat: os.DirFS, inputfile.DirFS, embed.FS).
func readPrompt(fsys fs.FS, name string) ([]byte, error) {
	fi, err := fs.Stat(fsys, name)
	if err != nil {
		return nil, err
	}
	if !fi.Mode().IsRegular() {
		return nil, fmt.Errorf("%s is not a regular file (%s): give a file", name, fi.Mode().Type())
	}
	f, err := fsys.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if fi, err := f.Stat(); err != nil {
		return nil, err
	} else if !fi.Mode().IsRegular() {
		return nil, fmt.Errorf("%s is not a regular file (%s): give a file", name, fi.Mode().Type())
	}
	b, err := io.ReadAll(io.LimitReader(f, MaxPromptFile+1))
	if err != nil {
		return nil, err
	}
	if len(b) > MaxPromptFile {
		return nil, fmt.Errorf("%s is larger than %d KiB: is it the right file?", name, MaxPromptFile>>10)
	}
	return b, nil
}

var errPromptBudget = errors.New("exceeds the prompt budget")

// promptFuncs override the builtins that build text, each checking the
// time and the size of its arguments and result.
func promptFuncs(ctx context.Context) template.FuncMap {
	check := func(name string, args []any, extra int) error {
		if err := ctx.Err(); err != nil {
			return fmt.Errorf("%s: %w of %s: %v", name, errPromptBudget, promptTime, err)
		}
		n := extra
		for _, a := range args {
			if s, ok := a.(string); ok {
				n += len(s)
			}
		}
		if n > MaxPromptText {
			return fmt.Errorf("%s: %w of %d MB", name, errPromptBudget, MaxPromptText>>20)
		}
		return nil
	}
	text := func(name string, f func(...any) string) func(...any) (string, error) {
		return func(a ...any) (string, error) {
			if err := check(name, a, 0); err != nil {
				return "", err
			}
			out := f(a...)
			if len(out) > MaxPromptText {
				return "", fmt.Errorf("%s: %w of %d MB", name, errPromptBudget, MaxPromptText>>20)
			}
			return out, nil
		}
	}
	return template.FuncMap{
		"print":    text("print", fmt.Sprint),
		"println":  text("println", fmt.Sprintln),
		"html":     text("html", template.HTMLEscaper),
		"js":       text("js", template.JSEscaper),
		"urlquery": text("urlquery", template.URLQueryEscaper),
		"printf": func(format string, a ...any) (string, error) {
			if err := check("printf", append(a, format), widths(format)); err != nil {
				return "", err
			}
			out := fmt.Sprintf(format, a...)
			if len(out) > MaxPromptText {
				return "", fmt.Errorf("printf: %w of %d MB", errPromptBudget, MaxPromptText>>20)
			}
			return out, nil
		},
	}
}

// widths adds up the numbers in a format (fmt caps each at a million)
// and a million for each '*'.
func widths(f string) int {
	total := 0
	for i := 0; i < len(f); i++ {
		switch c := f[i]; {
		case c == '*':
			total += 1_000_000
		case c >= '0' && c <= '9':
			n := 0
			for ; i < len(f) && f[i] >= '0' && f[i] <= '9'; i++ {
				n = min(n*10+int(f[i]-'0'), 1_000_000)
			}
			total += n
		}
		if total > MaxPromptText {
			return total
		}
	}
	return total
}

// promptWriter caps a rendered prompt and stops it when ctx is done.
type promptWriter struct {
	b   strings.Builder
	ctx context.Context
}

func (w *promptWriter) Write(p []byte) (int, error) {
	if err := w.ctx.Err(); err != nil {
		return 0, fmt.Errorf("%w of %s", errPromptBudget, promptTime)
	}
	if w.b.Len()+len(p) > MaxPromptText {
		return 0, fmt.Errorf("%w of %d MB", errPromptBudget, MaxPromptText>>20)
	}
	return w.b.Write(p)
}

// execPrompt runs t within PromptTime and MaxPromptText. It runs on its
// own goroutine: a loop that calls no function and writes nothing is left
// behind when the time is up (it can change nothing).
func execPrompt(parent context.Context, t *template.Template, data any) (string, error) {
	ctx, cancel := context.WithTimeout(parent, promptTime)
	defer cancel()
	t, err := t.Clone()
	if err != nil {
		return "", err
	}
	t.Funcs(promptFuncs(ctx))
	w := &promptWriter{ctx: ctx}
	done := make(chan error, 1)
	go func() {
		defer func() {
			if p := recover(); p != nil {
				done <- fmt.Errorf("panic: %v", p)
			}
		}()
		done <- t.Execute(w, data)
	}()
	select {
	case err := <-done:
		if err != nil {
			return "", err
		}
		return w.b.String(), nil
	case <-ctx.Done():
		select {
		case err := <-done:
			if err != nil {
				return "", err
			}
			return w.b.String(), nil
		case <-time.After(250 * time.Millisecond):
		}
		if err := parent.Err(); err != nil {
			// The run was cancelled (a signal, the polish deadline), not
			// out of its own budget: say so, whatever the template was doing.
			return "", fmt.Errorf("template: %s: %w", t.Name(), err)
		}
		return "", fmt.Errorf("template: %s: %w of %s: a loop runs too long", t.Name(), errPromptBudget, promptTime)
	}
}
