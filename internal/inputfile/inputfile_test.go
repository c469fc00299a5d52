package inputfile

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

func TestOpenRefusesSpecialFilesWithoutBlocking(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "observations.csv")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skip("mkfifo:", err)
	}
	done := make(chan error, 1)
	go func() { _, err := ReadFile(fifo, 0); done <- err }()
	select {
	case err := <-done:
		if !errors.Is(err, ErrNotRegular) || !strings.Contains(err.Error(), fifo+" is a named pipe (FIFO), not a regular file") {
			t.Errorf("FIFO: %v", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("opening a FIFO blocked")
	}
	if _, err := Open(dir); !errors.Is(err, ErrNotRegular) || !strings.Contains(err.Error(), "is a folder") {
		t.Errorf("folder: %v", err)
	}
	if _, err := Open("/dev/null"); !errors.Is(err, ErrNotRegular) || !strings.Contains(err.Error(), "character device") {
		t.Errorf("/dev/null: %v", err)
	}
}

func TestOpenExplainsLinks(t *testing.T) {
	dir := t.TempDir()
	dangling := filepath.Join(dir, "entities.yaml")
	os.Symlink(filepath.Join(dir, "gone.yaml"), dangling)
	_, err := Open(dangling)
	if !errors.Is(err, fs.ErrNotExist) || !strings.Contains(err.Error(), "is a symbolic link to "+filepath.Join(dir, "gone.yaml")+", which does not exist") {
		t.Errorf("dangling: %v", err)
	}
	a, b := filepath.Join(dir, "a"), filepath.Join(dir, "b")
	os.Symlink(b, a)
	os.Symlink(a, b)
	if _, err := Open(a); err == nil || !strings.Contains(err.Error(), "loop of symbolic links") {
		t.Errorf("loop: %v", err)
	}
	good := filepath.Join(dir, "good.csv")
	os.WriteFile(good, []byte("x"), 0o644)
	link := filepath.Join(dir, "link.csv")
	os.Symlink(good, link)
	if b, err := ReadFile(link, 0); err != nil || string(b) != "x" {
		t.Errorf("link to a regular file: %q %v", b, err)
	}
	if _, err := ReadFile(good, 0); err != nil {
		t.Error(err)
	}
}

func TestReadFileCap(t *testing.T) {
	p := filepath.Join(t.TempDir(), "f")
	os.WriteFile(p, make([]byte, 2048), 0o644)
	if _, err := ReadFile(p, 1024); err == nil || err.Error() != p+" is larger than 1 KiB: is it the right file?" {
		t.Errorf("cap: %v", err)
	}
	if b, err := ReadFile(p, 2048); err != nil || len(b) != 2048 {
		t.Errorf("at the cap: %d %v", len(b), err)
	}
}

func TestDirFSStaysInside(t *testing.T) {
	outside := t.TempDir()
	secret := filepath.Join(outside, "passwd")
	os.WriteFile(secret, []byte("root:x:0:0"), 0o644)
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "a.tmpl"), []byte("hello"), 0o644)
	os.Mkdir(filepath.Join(dir, "sub"), 0o755)
	os.WriteFile(filepath.Join(dir, "sub", "b.tmpl"), []byte("b"), 0o644)
	os.Symlink(secret, filepath.Join(dir, "evil.tmpl"))
	os.Symlink("a.tmpl", filepath.Join(dir, "alias.tmpl"))
	syscall.Mkfifo(filepath.Join(dir, "pipe.tmpl"), 0o644)
	fsys := DirFS(dir)

	if b, err := fs.ReadFile(fsys, "a.tmpl"); err != nil || string(b) != "hello" {
		t.Errorf("a.tmpl: %q %v", b, err)
	}
	if b, err := fs.ReadFile(fsys, "alias.tmpl"); err != nil || string(b) != "hello" {
		t.Errorf("a link inside the folder: %q %v", b, err)
	}
	if b, err := fs.ReadFile(fsys, "sub/b.tmpl"); err != nil || string(b) != "b" {
		t.Errorf("sub/b.tmpl: %q %v", b, err)
	}
	b, err := fs.ReadFile(fsys, "evil.tmpl")
	if err == nil || strings.Contains(string(b), "root") || !strings.Contains(err.Error(), "leads outside "+dir) {
		t.Errorf("a link out of the folder was read: %q %v", b, err)
	}
	if _, err := fs.ReadFile(fsys, "../x"); err == nil {
		t.Error(".. was accepted")
	}
	done := make(chan error, 1)
	go func() { _, err := fs.ReadFile(fsys, "pipe.tmpl"); done <- err }()
	select {
	case err := <-done:
		if !errors.Is(err, ErrNotRegular) {
			t.Errorf("FIFO in the folder: %v", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("a FIFO in the folder blocked")
	}
	names, err := fs.Glob(fsys, "*.tmpl")
	if err != nil || len(names) != 4 {
		t.Errorf("glob: %v %v", names, err)
	}
}

func TestAbsent(t *testing.T) {
	dir := t.TempDir()
	_, missing := Open(filepath.Join(dir, "brief.yaml"))
	os.Symlink(filepath.Join(dir, "nowhere"), filepath.Join(dir, "link.yaml"))
	_, dangling := Open(filepath.Join(dir, "link.yaml"))
	_, folder := Open(dir)
	if !Absent(missing) || Absent(dangling) || Absent(folder) || Absent(nil) {
		t.Errorf("Absent: missing %v, dangling %v, folder %v", Absent(missing), Absent(dangling), Absent(folder))
	}
}

// TestDirFSOnAFIFO: a FIFO (or a file) given as the folder is reported at
// once, never opened.
func TestDirFSOnAFIFO(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "templates")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skip(err)
	}
	file := filepath.Join(dir, "prompts.txt")
	os.WriteFile(file, []byte("x"), 0o644)
	for path, want := range map[string]string{
		fifo: fifo + " is a named pipe (FIFO), not a folder: give the path of a folder",
		file: file + " is a file, not a folder: give the path of a folder",
	} {
		done := make(chan error, 1)
		go func() { _, err := fs.ReadFile(DirFS(path), "manifest.yaml"); done <- err }()
		select {
		case err := <-done:
			if err == nil || err.Error() != want {
				t.Errorf("%s: %v\nwant %s", path, err, want)
			}
		case <-time.After(5 * time.Second):
			t.Fatalf("%s: blocked", path)
		}
	}
}
