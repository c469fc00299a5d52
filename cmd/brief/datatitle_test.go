package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// copyData copies the sample dataset into a new folder, for a test that
// adds a file beside it.
func copyData(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	for _, name := range []string{"observations.csv", "indicators.yaml", "entities.yaml", "events.csv"} {
		b, err := os.ReadFile(filepath.Join("../../data", name))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// TestDatasetTitleWinsOverProject: a dataset folder's brief.yaml titles
// the brief whatever folder brief runs in; --title still wins; a dataset's
// brief.yaml that sets anything else is refused at its line.
func TestDatasetTitleWinsOverProject(t *testing.T) {
	data := copyData(t)
	project := filepath.Join(t.TempDir(), "brief.yaml")
	if err := os.WriteFile(project, []byte("title: Project title\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	heading := func(args ...string) string {
		t.Helper()
		out := t.TempDir()
		var stdout, stderr strings.Builder
		io := IO{Out: &stdout, Err: &stderr, Now: func() time.Time { return time.Date(2026, 11, 26, 0, 0, 0, 0, time.UTC) }, Getenv: func(string) string { return "" }}
		args = append([]string{"--config", project, "weekly", "--data", data, "--out", out, "--format", "md", "--generated-at", "2026-11-26"}, args...)
		if code := execute(t.Context(), args, io); code != 0 {
			t.Fatalf("exit %d: %s", code, stderr.String())
		}
		b, err := os.ReadFile(filepath.Join(out, "weekly", "2025-W06", "brief.md"))
		if err != nil {
			t.Fatal(err)
		}
		first, _, _ := strings.Cut(string(b), "\n")
		return first
	}
	if got := heading(); got != "# Project title" {
		t.Errorf("without a dataset title: %q, want the project's", got)
	}
	if err := os.WriteFile(filepath.Join(data, "brief.yaml"), []byte("title: Dataset title\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if got := heading(); got != "# Dataset title" {
		t.Errorf("with a dataset title: %q, want the dataset's", got)
	}
	if got := heading("--title", "Flag title"); got != "# Flag title" {
		t.Errorf("with --title: %q, want the flag's", got)
	}

	if err := os.WriteFile(filepath.Join(data, "brief.yaml"), []byte("title: Dataset title\nout: elsewhere\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	var stdout, stderr strings.Builder
	io := IO{Out: &stdout, Err: &stderr, Now: func() time.Time { return time.Date(2026, 11, 26, 0, 0, 0, 0, time.UTC) }, Getenv: func(string) string { return "" }}
	code := execute(t.Context(), []string{"--config", project, "weekly", "--data", data, "--out", t.TempDir(), "--format", "md"}, io)
	want := filepath.Join(data, "brief.yaml") + ":2: out: a dataset's brief.yaml gives only its title"
	if code == 0 || !strings.Contains(stderr.String(), want) {
		t.Errorf("exit %d, stderr %q: want an error %q", code, stderr.String(), want)
	}
}
