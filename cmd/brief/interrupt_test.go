package main

import (
	"bytes"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
)

// TestInterruptLeavesOnlyCompleteFiles sends SIGINT to a real brief
// process at random moments, 50 times, into one output folder. Every file
// there must afterwards be complete: byte-identical to an uninterrupted
// run (same inputs, same SOURCE_DATE_EPOCH) or absent; the PDFs pass
// qpdf --check, the Markdown parses, and no temporary file is left.
func TestInterruptLeavesOnlyCompleteFiles(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the binary 50 times")
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "brief")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	env := append(os.Environ(), "SOURCE_DATE_EPOCH=1764151200")
	cfg := emptyConfig(t)
	args := func(out string) []string {
		return []string{"weekly", "--config", cfg, "--data", "../../data", "--out", out}
	}
	ref := filepath.Join(dir, "ref")
	cmd := exec.Command(bin, args(ref)...)
	cmd.Env = env
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("reference run: %v\n%s", err, out)
	}
	want := map[string][]byte{}
	filepath.WalkDir(ref, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			rel, _ := filepath.Rel(ref, p)
			want[rel], _ = os.ReadFile(p)
		}
		return nil
	})
	if len(want) < 4 {
		t.Fatalf("reference run wrote %d files", len(want))
	}

	out := filepath.Join(dir, "out")
	rng := rand.New(rand.NewPCG(1, 2))
	interrupted := 0
	for i := 0; i < 50; i++ {
		cmd := exec.Command(bin, args(out)...)
		cmd.Env = env
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(time.Duration(rng.IntN(40000)) * time.Microsecond)
		cmd.Process.Signal(syscall.SIGINT)
		if err := cmd.Wait(); err != nil {
			interrupted++
			if !strings.Contains(stderr.String(), "interrupted") && !strings.Contains(err.Error(), "signal: interrupt") {
				t.Errorf("run %d failed without saying it was interrupted: %v\n%s", i, err, stderr.String())
			}
		}
		checkComplete(t, out, want)
	}
	t.Logf("%d of 50 runs were interrupted before they finished", interrupted)
}

func checkComplete(t *testing.T, out string, want map[string][]byte) {
	t.Helper()
	filepath.WalkDir(out, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return nil
		}
		rel, _ := filepath.Rel(out, p)
		if strings.Contains(d.Name(), ".tmp-") {
			t.Errorf("temporary file left: %s", rel)
			return nil
		}
		got, _ := os.ReadFile(p)
		if w, ok := want[rel]; !ok || !bytes.Equal(got, w) {
			t.Errorf("%s is not a complete brief file (%d bytes)", rel, len(got))
		}
		switch filepath.Ext(p) {
		case ".pdf":
			if _, err := exec.LookPath("qpdf"); err == nil {
				if out, err := exec.Command("qpdf", "--check", p).CombinedOutput(); err != nil {
					t.Errorf("qpdf --check %s: %v\n%s", rel, err, out)
				}
			}
		case ".md":
			var html bytes.Buffer
			if err := goldmark.New(goldmark.WithExtensions(extension.GFM, extension.Footnote)).Convert(got, &html); err != nil || !strings.Contains(html.String(), "<h1>") {
				t.Errorf("%s does not parse as a brief: %v", rel, err)
			}
		}
		return nil
	})
}
