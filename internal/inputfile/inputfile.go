// Package inputfile opens the files brief reads (observations, catalogs,
// events, templates, prompts, earlier briefs) so that only regular files
// are read: a FIFO, device, socket or folder in a file's place is an error
// naming the path, and opening never blocks. DirFS reads a folder the same
// way and never leaves it, even through a symbolic link.
package inputfile

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
)

// ErrNotRegular is wrapped by every error about a path that is not a
// regular file.
var ErrNotRegular = errors.New("not a regular file")

// NotRegularError says what stands in a file's place.
type NotRegularError struct {
	Path string
	Kind string // "folder", "named pipe (FIFO)", "device", "socket", ...
}

func (e *NotRegularError) Error() string {
	return fmt.Sprintf("%s is a %s, not a regular file: give the path of a file", e.Path, e.Kind)
}

func (e *NotRegularError) Unwrap() error { return ErrNotRegular }

// TooLargeError is a file larger than the reader accepts.
type TooLargeError struct {
	Path string
	Max  int64
}

func (e *TooLargeError) Error() string {
	return fmt.Sprintf("%s is larger than %s: is it the right file?", e.Path, size(e.Max))
}

func size(n int64) string {
	switch {
	case n >= 1<<30 && n%(1<<30) == 0:
		return fmt.Sprintf("%d GiB", n>>30)
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MiB", n>>20)
	case n >= 1<<10 && n%(1<<10) == 0:
		return fmt.Sprintf("%d KiB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}

// Kind names a file mode that is not a regular file ("folder", "named
// pipe (FIFO)", "socket", ...), for messages about files read through
// another fs.FS.
func Kind(m fs.FileMode) string { return kind(m) }

// kind names a file mode that is not a regular file.
func kind(m fs.FileMode) string {
	switch {
	case m.IsDir():
		return "folder"
	case m&fs.ModeNamedPipe != 0:
		return "named pipe (FIFO)"
	case m&fs.ModeSocket != 0:
		return "socket"
	case m&fs.ModeCharDevice != 0:
		return "character device"
	case m&fs.ModeDevice != 0:
		return "device"
	case m&fs.ModeSymlink != 0:
		return "symbolic link"
	}
	return "special file"
}

// Open opens path for reading if it is a regular file (a symbolic link to
// one is followed). It never blocks: a FIFO is reported, not waited on.
// A missing file, or a link to a missing file, is an error wrapping
// fs.ErrNotExist that says which.
func Open(path string) (*os.File, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return nil, describe(path, err)
	}
	if !fi.Mode().IsRegular() {
		return nil, &NotRegularError{Path: path, Kind: kind(fi.Mode())}
	}
	f, err := os.OpenFile(path, os.O_RDONLY|nonblock, 0)
	if err != nil {
		return nil, describe(path, err)
	}
	// Checked again on the open file: the path may have changed between.
	if fi, err = f.Stat(); err != nil || !fi.Mode().IsRegular() {
		f.Close()
		if err != nil {
			return nil, err
		}
		return nil, &NotRegularError{Path: path, Kind: kind(fi.Mode())}
	}
	return f, nil
}

// ReadFile reads a regular file of at most max bytes (max <= 0: no cap).
func ReadFile(path string, max int64) ([]byte, error) {
	f, err := Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return readAll(f, path, max)
}

func readAll(r io.Reader, path string, max int64) ([]byte, error) {
	if max <= 0 {
		return io.ReadAll(r)
	}
	b, err := io.ReadAll(io.LimitReader(r, max+1))
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	if int64(len(b)) > max {
		return nil, &TooLargeError{Path: path, Max: max}
	}
	return b, nil
}

// Check reports whether path is a readable regular file, with the same
// errors as Open, without reading it.
func Check(path string) error {
	f, err := Open(path)
	if err != nil {
		return err
	}
	return f.Close()
}

// describe turns an open or stat error into one that says what to do:
// a dangling link names its target, a loop says it is one.
func describe(path string, err error) error {
	if errors.Is(err, fs.ErrNotExist) {
		if target, lerr := os.Readlink(path); lerr == nil {
			return &linkError{path: path, msg: fmt.Sprintf("%s is a symbolic link to %s, which does not exist", path, target), err: err}
		}
		return err
	}
	var pe *fs.PathError
	if errors.As(err, &pe) && isLoop(pe.Err) {
		return &linkError{path: path, msg: fmt.Sprintf("%s is a loop of symbolic links: point it at a file", path), err: err}
	}
	return err
}

type linkError struct {
	path, msg string
	err       error
}

func (e *linkError) Error() string { return e.msg }
func (e *linkError) Unwrap() error { return e.err }

// DirFS is an fs.FS of the regular files and folders inside dir. A name
// that leads outside dir (through "..", an absolute name or a symbolic
// link) is an error, and so is a FIFO, device or socket.
func DirFS(dir string) fs.FS { return dirFS(dir) }

type dirFS string

func (d dirFS) Open(name string) (fs.File, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrInvalid}
	}
	if err := CheckDir(string(d)); err != nil {
		return nil, err
	}
	root, err := os.OpenRoot(string(d))
	if err != nil {
		return nil, describe(string(d), err)
	}
	defer root.Close()
	shown := filepath.Join(string(d), filepath.FromSlash(name))
	fi, err := root.Stat(name)
	if err != nil {
		return nil, rootError(string(d), shown, err)
	}
	if fi.IsDir() {
		f, err := root.Open(name)
		if err != nil {
			return nil, rootError(string(d), shown, err)
		}
		return f, nil
	}
	if !fi.Mode().IsRegular() {
		return nil, &NotRegularError{Path: shown, Kind: kind(fi.Mode())}
	}
	f, err := root.OpenFile(name, os.O_RDONLY|nonblock, 0)
	if err != nil {
		return nil, rootError(string(d), shown, err)
	}
	if fi, err = f.Stat(); err != nil || !fi.Mode().IsRegular() {
		f.Close()
		if err != nil {
			return nil, err
		}
		return nil, &NotRegularError{Path: shown, Kind: kind(fi.Mode())}
	}
	return f, nil
}

// rootError explains an error of os.Root: a link out of the folder.
func rootError(dir, shown string, err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) && pe.Err != nil && pe.Err.Error() == "path escapes from parent" {
		return &linkError{path: shown, msg: fmt.Sprintf("%s leads outside %s (a symbolic link or ..): only files inside the folder are read; copy the file in", shown, dir), err: fs.ErrPermission}
	}
	return describe(shown, err)
}

// CheckDir reports whether path is a folder (a link to one is followed),
// without opening it: a FIFO in a folder's place is reported, never
// waited on.
func CheckDir(path string) error {
	fi, err := os.Stat(path)
	if err != nil {
		return describe(path, err)
	}
	if !fi.IsDir() {
		k := kind(fi.Mode())
		if fi.Mode().IsRegular() {
			k = "file"
		}
		return &NotDirError{Path: path, Kind: k}
	}
	return nil
}

// NotDirError is a path that should be a folder and is not.
type NotDirError struct {
	Path string
	Kind string
}

func (e *NotDirError) Error() string {
	return fmt.Sprintf("%s is a %s, not a folder: give the path of a folder", e.Path, e.Kind)
}

// Absent reports whether err means that nothing is at the path: an
// optional file may then be skipped. A dangling or looping link, a folder
// or a FIFO in the file's place is not absence, and must be reported.
func Absent(err error) bool {
	var le *linkError
	return errors.Is(err, fs.ErrNotExist) && !errors.As(err, &le)
}

// Reason is err without the path when err names it already in an
// *fs.PathError, for messages that put the path first themselves.
func Reason(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) && pe.Err != nil {
		return pe.Err.Error()
	}
	return err.Error()
}
