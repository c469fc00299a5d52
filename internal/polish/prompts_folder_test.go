package polish

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/briefhq/brief/internal/inputfile"
)

// TestPromptFolderErrors is the red team's U5: an empty prompts folder
// said "statat polish-system.tmpl: no such file or directory".
func TestPromptFolderErrors(t *testing.T) {
	dir := t.TempDir()
	empty := filepath.Join(dir, "empty")
	if err := os.Mkdir(empty, 0o755); err != nil {
		t.Fatal(err)
	}
	half := filepath.Join(dir, "half")
	if err := os.Mkdir(half, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(half, "polish-system.tmpl"), []byte("Be brief."), 0o644); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(dir, "g.json")
	if err := os.WriteFile(file, []byte("{}"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		fsys fs.FS
		want string
	}{
		{"empty folder", inputfile.DirFS(empty), "polish: the prompts folder " + empty + " has no polish-system.tmpl: a prompts folder needs both polish-system.tmpl and polish-user.tmpl (copy them from prompts/ in brief's source and edit them), or leave out --prompts (prompts: in brief.yaml) to use the built-in ones"},
		{"one file missing", inputfile.DirFS(half), "polish: the prompts folder " + half + " has no polish-user.tmpl: "},
		{"a file, not a folder", inputfile.DirFS(file), "polish: --prompts " + file + " is a file, not a folder"},
		{"no such folder", inputfile.DirFS(filepath.Join(dir, "nope")), "polish: --prompts " + filepath.Join(dir, "nope") + ": no such folder"},
		{"not a named folder", fstest.MapFS{}, "polish: the prompts folder has no polish-system.tmpl: "},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := loadPrompts(tc.fsys, ".")
			if err == nil || !strings.HasPrefix(err.Error(), tc.want) {
				t.Fatalf("got  %v\nwant %s", err, tc.want)
			}
			if strings.Contains(err.Error(), "statat") {
				t.Errorf("raw system error: %v", err)
			}
		})
	}
}
