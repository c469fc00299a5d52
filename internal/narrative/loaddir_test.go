package narrative

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// writeKind writes a one-section kind into dir/sub and returns dir.
func writeKind(t *testing.T, sub, tmpl string) string {
	t.Helper()
	dir := t.TempDir()
	k := filepath.Join(dir, sub)
	if err := os.MkdirAll(k, 0o755); err != nil {
		t.Fatal(err)
	}
	for name, src := range map[string]string{"manifest.yaml": oneSection, "main.tmpl": tmpl} {
		if err := os.WriteFile(filepath.Join(k, name), []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestLoadKindDirFindsTheManifest(t *testing.T) {
	for _, sub := range []string{".", "weekly"} {
		dir := writeKind(t, sub, "# {{ .Brief.Title }}\n")
		k, err := LoadKindDir(dir, "weekly")
		if err != nil {
			t.Fatalf("%s: %v", sub, err)
		}
		if want := filepath.ToSlash(filepath.Join(dir, sub)); k.Dir != want {
			t.Errorf("Dir = %s, want %s", k.Dir, want)
		}
		doc, err := k.Render(tinyBrief(t))
		if err != nil || string(doc.Markdown) != "# Test brief\n" {
			t.Errorf("%s: %q %v", sub, doc.Markdown, err)
		}
	}
	_, err := LoadKindDir(t.TempDir(), "weekly")
	if err == nil || !strings.Contains(err.Error(), "no manifest.yaml there nor in") {
		t.Errorf("empty folder: %v", err)
	}
	if k, err := LoadKindDir("", "weekly"); err != nil || k.Dir != "templates/weekly" {
		t.Errorf("default: %v", err)
	}
}

func TestLoadKindDirReadsOnlyRegularFilesInside(t *testing.T) {
	outside := filepath.Join(t.TempDir(), "secret.txt")
	if err := os.WriteFile(outside, []byte("root:x:0:0\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Run("symlink out of the folder", func(t *testing.T) {
		dir := writeKind(t, "weekly", "x")
		if err := os.Symlink(outside, filepath.Join(dir, "weekly", "evil.tmpl")); err != nil {
			t.Skip(err)
		}
		_, err := LoadKindDir(dir, "weekly")
		want := filepath.ToSlash(dir) + "/weekly/evil.tmpl: cannot read: "
		if err == nil || !strings.HasPrefix(err.Error(), want) || !strings.Contains(err.Error(), "leads outside") {
			t.Fatalf("got %v, want %s... leads outside", err, want)
		}
	})
	t.Run("symlink inside the folder", func(t *testing.T) {
		dir := writeKind(t, "weekly", "x")
		if err := os.WriteFile(filepath.Join(dir, "weekly", "real.txt"), []byte("{{ define \"b\" }}b{{ end }}"), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.Symlink("real.txt", filepath.Join(dir, "weekly", "ok.tmpl")); err != nil {
			t.Skip(err)
		}
		if _, err := LoadKindDir(dir, "weekly"); err != nil {
			t.Fatal(err)
		}
	})
	t.Run("too large", func(t *testing.T) {
		dir := writeKind(t, "weekly", strings.Repeat("x", MaxTemplateFile+1))
		_, err := LoadKindDir(dir, "weekly")
		if err == nil || !strings.Contains(err.Error(), "main.tmpl: cannot read: ") || !strings.Contains(err.Error(), "is larger than 1 MiB") {
			t.Fatalf("got %v", err)
		}
	})
	t.Run("manifest is a folder", func(t *testing.T) {
		dir := t.TempDir()
		if err := os.MkdirAll(filepath.Join(dir, "manifest.yaml"), 0o755); err != nil {
			t.Fatal(err)
		}
		_, err := LoadKindDir(dir, "weekly")
		if err == nil || !strings.Contains(err.Error(), "manifest.yaml: cannot read the manifest: ") || !strings.Contains(err.Error(), "is a folder, not a regular file") {
			t.Fatalf("got %v", err)
		}
	})
}
