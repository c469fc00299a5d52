package dataset

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"testing/fstest"
	"time"
)

const goodCSV = "indicator,entity,period,value,unit,source,source_url\nexports,KZ,2024,5,USD,Stat,https://stat.example\n"

// writeFiles writes name -> content into dir, making folders as needed.
func writeFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, content := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// loadWithin loads path and fails the test, rather than hang it, if the
// load does not return within a few seconds (a FIFO opened for reading
// waits for a writer forever).
func loadWithin(t *testing.T, path string, opts Options) (*Dataset, Diagnostics, error) {
	t.Helper()
	type result struct {
		ds    *Dataset
		diags Diagnostics
		err   error
	}
	done := make(chan result, 1)
	go func() {
		ds, diags, err := Load(path, opts)
		done <- result{ds, diags, err}
	}()
	select {
	case r := <-done:
		return r.ds, r.diags, r.err
	case <-time.After(5 * time.Second):
		t.Fatalf("Load(%s) blocked for 5 s", path)
		return nil, nil, nil
	}
}

func mkfifo(t *testing.T, path string) {
	t.Helper()
	if runtime.GOOS == "windows" {
		t.Skip("no FIFOs on Windows")
	}
	if err := syscall.Mkfifo(path, 0o644); err != nil {
		t.Skip("mkfifo:", err)
	}
}

// TestSpecialFilesAreErrors: a FIFO in the place of any file of the
// dataset is an error naming the file, at once; nothing waits for a
// writer.
func TestSpecialFilesAreErrors(t *testing.T) {
	const fifo = "it is a named pipe (FIFO), not a regular file: put the file itself in its place"
	cases := []struct {
		name  string // the FIFO
		files map[string]string
		want  string // the finding, after the folder's path
	}{
		{"observations.csv", nil, "/observations.csv: cannot read observations.csv: " + fifo},
		{"entities.yaml", map[string]string{"observations.csv": goodCSV}, "/entities.yaml: cannot read: " + fifo},
		{"indicators.yaml", map[string]string{"observations.csv": goodCSV}, "/indicators.yaml: cannot read: " + fifo},
		{"events.csv", map[string]string{"observations.csv": goodCSV}, "/events.csv: cannot read: " + fifo},
		{"dataset.yaml", map[string]string{"observations.csv": goodCSV}, "/dataset.yaml: cannot read: " + fifo},
		{"wb.csv", map[string]string{"dataset.yaml": "observations:\n  - file: wb.csv\n"}, "/dataset.yaml:2:11: cannot read wb.csv: " + fifo},
		{"ents.yaml", map[string]string{"observations.csv": goodCSV, "dataset.yaml": "entities: ents.yaml\n"}, "/dataset.yaml:1:11: cannot read ents.yaml: " + fifo},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			writeFiles(t, dir, c.files)
			mkfifo(t, filepath.Join(dir, c.name))
			_, diags, err := loadWithin(t, dir, Options{})
			// The path in a message is the folder joined with the name.
			want := strings.ReplaceAll(dir+c.want, " "+c.name+": ", " "+filepath.Join(dir, c.name)+": ")
			checkDiags(t, diags, want)
			if err == nil {
				t.Error("no error")
			}
		})
	}
	t.Run("single file", func(t *testing.T) {
		p := filepath.Join(t.TempDir(), "observations.csv")
		mkfifo(t, p)
		_, diags, _ := loadWithin(t, p, Options{})
		checkDiags(t, diags, p+": cannot read "+p+": "+fifo)
	})
	t.Run("device", func(t *testing.T) {
		if _, err := os.Stat(os.DevNull); err != nil || runtime.GOOS == "windows" {
			t.Skip("no", os.DevNull)
		}
		_, diags, _ := loadWithin(t, os.DevNull, Options{})
		checkDiags(t, diags, os.DevNull+": cannot read "+os.DevNull+": it is a character device, not a regular file: put the file itself in its place")
	})
}

// TestUnreadableCatalogsAreErrors: a catalog or events file that is there
// but cannot be read (a folder, a loop of links, a dangling link) is an
// error, never skipped; an absent one stays optional.
func TestUnreadableCatalogsAreErrors(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("symbolic links need privileges on Windows")
	}
	dirCase := func(name string) func(dir string) {
		return func(dir string) { os.Mkdir(filepath.Join(dir, name), 0o755) }
	}
	loop := func(name string) func(dir string) {
		return func(dir string) {
			os.Symlink("other", filepath.Join(dir, name))
			os.Symlink(name, filepath.Join(dir, "other"))
		}
	}
	dangling := func(name string) func(dir string) {
		return func(dir string) { os.Symlink("gone.yaml", filepath.Join(dir, name)) }
	}
	const folder = "it is a folder, not a regular file: put the file itself in its place"
	cases := []struct {
		test, name string
		make       func(dir string)
		want       string
	}{
		{"entities folder", "entities.yaml", dirCase("entities.yaml"), "cannot read: " + folder},
		{"events folder", "events.csv", dirCase("events.csv"), "cannot read: " + folder},
		{"indicators folder", "indicators.yaml", dirCase("indicators.yaml"), "cannot read: " + folder},
		{"entities loop", "entities.yaml", loop("entities.yaml"), "cannot read: it is a loop of symbolic links: point it at a file"},
		{"events loop", "events.csv", loop("events.csv"), "cannot read: it is a loop of symbolic links: point it at a file"},
		{"entities dangling", "entities.yaml", dangling("entities.yaml"), "cannot read: it is a symbolic link to gone.yaml, which does not exist: point the link at the file, or remove it"},
		{"events dangling", "events.csv", dangling("events.csv"), "cannot read: it is a symbolic link to gone.yaml, which does not exist: point the link at the file, or remove it"},
	}
	for _, c := range cases {
		t.Run(c.test, func(t *testing.T) {
			dir := t.TempDir()
			writeFiles(t, dir, map[string]string{"observations.csv": goodCSV})
			c.make(dir)
			ds, diags, err := loadWithin(t, dir, Options{})
			checkDiags(t, diags, filepath.Join(dir, c.name)+": "+c.want)
			if err == nil {
				t.Error("no error")
			}
			if len(ds.Events) != 0 {
				t.Errorf("events read: %+v", ds.Events)
			}
		})
	}

	t.Run("dangling observations", func(t *testing.T) {
		dir := t.TempDir()
		os.Symlink("../elsewhere/observations.csv", filepath.Join(dir, "observations.csv"))
		_, diags, _ := loadWithin(t, dir, Options{})
		p := filepath.Join(dir, "observations.csv")
		checkDiags(t, diags, p+": cannot read "+p+": it is a symbolic link to ../elsewhere/observations.csv, which does not exist: point the link at the file, or remove it")
		// Named on the command line, the same.
		_, diags, _ = loadWithin(t, p, Options{})
		checkDiags(t, diags, p+": cannot read: it is a symbolic link to ../elsewhere/observations.csv, which does not exist: point the link at the file, or remove it")
	})

	t.Run("permission denied", func(t *testing.T) {
		dir := t.TempDir()
		writeFiles(t, dir, map[string]string{"observations.csv": goodCSV, "events.csv": "date,title,source\n2024,X,Y\n"})
		p := filepath.Join(dir, "events.csv")
		os.Chmod(p, 0)
		if f, err := os.Open(p); err == nil {
			f.Close()
			t.Skip("this user reads files without read permission (root)")
		}
		_, diags, _ := loadWithin(t, dir, Options{})
		checkDiags(t, diags, p+": cannot read: permission denied: make the file readable for the user running brief")
	})

	t.Run("absent catalogs are optional", func(t *testing.T) {
		dir := t.TempDir()
		writeFiles(t, dir, map[string]string{"observations.csv": goodCSV})
		ds, diags, err := loadWithin(t, dir, Options{})
		if err != nil || len(diags) != 0 || len(ds.Observations) != 1 || ds.HasEntityCatalog || ds.HasIndicatorCatalog {
			t.Errorf("%v %v %+v", err, diagStrings(diags), ds)
		}
	})

	t.Run("a link to a catalog is read", func(t *testing.T) {
		dir := t.TempDir()
		writeFiles(t, dir, map[string]string{"observations.csv": goodCSV, "shared/ents.yaml": "entities:\n  - {id: KZ, name: Kazakhstan}\n"})
		os.Symlink("shared/ents.yaml", filepath.Join(dir, "entities.yaml"))
		ds, diags, err := loadWithin(t, dir, Options{})
		if err != nil || len(diags) != 0 || ds.Entities[0].Name("en") != "Kazakhstan" {
			t.Errorf("%v %v %+v", err, diagStrings(diags), ds.Entities)
		}
	})
}

// TestFSFolderInFilesPlace: through Options.FS, a folder in a file's place
// is reported too.
func TestFSFolderInFilesPlace(t *testing.T) {
	fsys := fstest.MapFS{
		"d/observations.csv":       {Data: []byte(goodCSV)},
		"d/entities.yaml/note.txt": {Data: []byte("x")},
	}
	_, diags, err := Load("d", Options{FS: fsys})
	checkDiags(t, diags, "d/entities.yaml: cannot read: it is a folder, not a regular file: put the file itself in its place")
	if err == nil {
		t.Error("no error")
	}
}
