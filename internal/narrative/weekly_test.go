package narrative

import (
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/briefhq/brief/templates"
)

var update = flag.Bool("update", false, "rewrite golden files")

// golden compares got with testdata/name, rewriting it under -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if string(got) != string(want) {
		t.Errorf("%s differs from the golden file; review and run go test ./internal/narrative -update\n--- got:\n%s", name, got)
	}
}

func TestDefaultWeeklyTemplatesOnTinyDataset(t *testing.T) {
	k, err := LoadKind(templates.FS, "weekly", "templates/weekly")
	if err != nil {
		t.Fatal(err)
	}
	doc, err := k.Render(tinyBrief(t))
	if err != nil {
		t.Fatal(err)
	}
	golden(t, "tiny-weekly.md", doc.Markdown)
}
