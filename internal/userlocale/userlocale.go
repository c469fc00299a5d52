// Package userlocale finds the languages a user adds in a templates
// folder: TEMPLATES/locales/<tag>.yaml, loaded beside the shipped locales
// (en, kk, ru), so that with TEMPLATES/<tag>/<kind>/ templates --lang
// <tag> writes a brief with no Go of its own.
package userlocale

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/briefhq/brief/internal/inputfile"
	"github.com/briefhq/brief/internal/locale"
)

// Dir is the folder of a templates folder that holds its locale files.
const Dir = "locales"

// Registry is the shipped locales plus those of templates/locales/ when
// templates names a folder that has one; with no templates folder, or
// none of its own locales, it is locale.Default(). A file for a shipped
// language is an error: a templates folder adds languages, it never
// replaces one. Every error names the file (and line) to fix.
func Registry(templates string) (*locale.Registry, error) {
	base, err := locale.Default()
	if err != nil || templates == "" {
		return base, err
	}
	fsys := inputfile.DirFS(templates)
	shown := filepath.ToSlash(filepath.Clean(templates))
	fi, err := fs.Stat(fsys, Dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return base, nil
	case err != nil:
		return nil, fmt.Errorf("%s: cannot read: %v", path.Join(shown, Dir), err)
	case !fi.IsDir():
		return nil, fmt.Errorf("%s: is a file: a templates folder's locales/ is a folder of <tag>.yaml files", path.Join(shown, Dir))
	}
	names, err := fs.Glob(fsys, path.Join(Dir, "*.yaml"))
	if err != nil {
		return nil, err
	}
	for _, name := range names {
		tag := strings.TrimSuffix(path.Base(name), ".yaml")
		if _, ok := base.Get(tag); ok {
			return nil, fmt.Errorf("%s: %s is a shipped language (%s), which a file cannot replace: remove the file (templates under %s/ still override its wording), or add a language of another tag",
				path.Join(shown, name), tag, strings.Join(base.Supported(), ", "), path.Join(shown, tag))
		}
	}
	r, err := base.Extend(fsys, Dir)
	if err != nil {
		// The locale package names files as fsys sees them
		// (locales/de.yaml): name them as the user gave the folder.
		msg := err.Error()
		if shown != "." {
			msg = shown + "/" + msg
		}
		return nil, errors.New(located(msg))
	}
	return r, nil
}

// yamlLine is a YAML decoder's "FILE: line N: " as the parser words it.
var yamlLine = regexp.MustCompile(`^([^\n]*?\.yaml): line (\d+): `)

// located writes "FILE: line N: msg" as FILE:N: msg, like every other
// error of the brief.
func located(msg string) string {
	return yamlLine.ReplaceAllString(msg, "$1:$2: ")
}
