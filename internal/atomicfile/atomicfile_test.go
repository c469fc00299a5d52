package atomicfile

import (
	"os"
	"path/filepath"
	"testing"
)

func TestWriteAllWritesEveryFile(t *testing.T) {
	dir := t.TempDir()
	files := []File{
		{Path: filepath.Join(dir, "a", "brief.md"), Data: []byte("# new\n")},
		{Path: filepath.Join(dir, "a", "brief.json"), Data: []byte("{}\n")},
	}
	if err := WriteAll(files); err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		got, err := os.ReadFile(f.Path)
		if err != nil || string(got) != string(f.Data) {
			t.Fatalf("%s = %q, %v; want %q", f.Path, got, err, f.Data)
		}
	}
	entries, _ := os.ReadDir(filepath.Join(dir, "a"))
	if len(entries) != 2 {
		t.Fatalf("folder holds %d entries, want 2 (no temp files left)", len(entries))
	}
}

func TestWriteAllFailureLeavesOldFilesAndNoTemps(t *testing.T) {
	dir := t.TempDir()
	old := filepath.Join(dir, "brief.md")
	if err := os.WriteFile(old, []byte("last week\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	// A folder where a file should go makes the second write fail.
	blocker := filepath.Join(dir, "blocked")
	if err := os.WriteFile(blocker, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	err := WriteAll([]File{
		{Path: old, Data: []byte("this week\n")},
		{Path: filepath.Join(blocker, "brief.pdf"), Data: []byte("%PDF")},
	})
	if err == nil {
		t.Fatal("want an error when a folder cannot be created")
	}
	got, _ := os.ReadFile(old)
	if string(got) != "last week\n" {
		t.Fatalf("old brief changed to %q", got)
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if e.Name() != "brief.md" && e.Name() != "blocked" {
			t.Errorf("left behind: %s", e.Name())
		}
	}
}
