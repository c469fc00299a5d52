package narrative

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"path/filepath"

	"github.com/briefhq/brief/internal/inputfile"
	"github.com/briefhq/brief/templates"
)

// MaxTemplateFile bounds a template or manifest file.
const MaxTemplateFile = 1 << 20

// LoadKindDir loads the brief kind named kind from a templates folder:
// DIR/manifest.yaml if there is one, else DIR/KIND/manifest.yaml; dir ""
// is the embedded default templates. A user's folder is read through
// inputfile.DirFS: only regular files inside it, never through a link
// that leads out of it, never blocking on a FIFO.
func LoadKindDir(dir, kind string) (*Kind, error) {
	if dir == "" {
		return LoadKind(templates.FS, kind, "templates/"+kind)
	}
	fsys := inputfile.DirFS(dir)
	shown := filepath.ToSlash(filepath.Clean(dir))
	_, err := fs.Stat(fsys, "manifest.yaml")
	if err == nil {
		return LoadKind(fsys, ".", shown)
	}
	if !errors.Is(err, fs.ErrNotExist) {
		return nil, errorf(shown+"/manifest.yaml", "cannot read: %v", unwrapPath(err))
	}
	if _, err := fs.Stat(fsys, path.Join(kind, "manifest.yaml")); err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, fmt.Errorf("--templates %s: no manifest.yaml there nor in %s: copy templates/%s from the repository as a start", dir, filepath.Join(dir, kind), kind)
		}
		return nil, errorf(path.Join(shown, kind, "manifest.yaml"), "cannot read: %v", unwrapPath(err))
	}
	return LoadKind(fsys, kind, path.Join(shown, kind))
}

// readTemplate reads a regular file of at most MaxTemplateFile bytes from
// fsys: a FIFO, device or folder in its place is an error before it is
// opened (when fsys can say so: os.DirFS, inputfile.DirFS, embed.FS).
func readTemplate(fsys fs.FS, name string) ([]byte, error) {
	if fi, err := fs.Stat(fsys, name); err != nil {
		return nil, err
	} else if !fi.Mode().IsRegular() {
		return nil, &inputfile.NotRegularError{Path: name, Kind: inputfile.Kind(fi.Mode())}
	}
	f, err := fsys.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if fi, err := f.Stat(); err != nil {
		return nil, err
	} else if !fi.Mode().IsRegular() {
		return nil, &inputfile.NotRegularError{Path: name, Kind: inputfile.Kind(fi.Mode())}
	}
	b, err := io.ReadAll(io.LimitReader(f, MaxTemplateFile+1))
	if err != nil {
		return nil, err
	}
	if len(b) > MaxTemplateFile {
		return nil, &inputfile.TooLargeError{Path: name, Max: MaxTemplateFile}
	}
	return b, nil
}

// LoadKindLang loads the brief kind in a language: English from
// DIR/KIND (LoadKindDir), another language from DIR/LANG/KIND, with the
// blocks and words of DIR/LANG/_shared (dir "" is the embedded
// templates). A language without its templates is an error naming the
// folder to add: a brief is never quietly written in English.
func LoadKindLang(dir, kind, lang string) (*Kind, error) {
	if lang == "" || lang == "en" {
		return LoadKindDir(dir, kind)
	}
	sub := path.Join(lang, kind)
	if dir == "" {
		if _, err := fs.Stat(templates.FS, path.Join(sub, "manifest.yaml")); err != nil {
			return nil, fmt.Errorf("no built-in %s templates in %s: give a folder holding %s/manifest.yaml with --templates", kind, lang, sub)
		}
		return LoadKind(templates.FS, sub, "templates/"+sub)
	}
	fsys := inputfile.DirFS(dir)
	shown := filepath.ToSlash(filepath.Clean(dir))
	if _, err := fs.Stat(fsys, path.Join(sub, "manifest.yaml")); err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, fmt.Errorf("--templates %s: no %s/manifest.yaml: a brief in %s needs its own templates (templates/ru/%s of the repository is a start)", dir, sub, lang, kind)
		}
		return nil, errorf(path.Join(shown, sub, "manifest.yaml"), "cannot read: %v", unwrapPath(err))
	}
	return LoadKind(fsys, sub, path.Join(shown, sub))
}
