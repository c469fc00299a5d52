package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

func TestExitCodes(t *testing.T) {
	bad := t.TempDir()
	if err := os.WriteFile(filepath.Join(bad, "observations.csv"), []byte("indicator,entity,period,value,unit,source\nx,A,2024,NaN,USD,S\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out := t.TempDir()
	tests := []struct {
		name string
		args []string
		code int
		err  string
	}{
		{"ok", []string{"weekly", "--data", "../../data", "--out", out, "--format", "md"}, 0, ""},
		{"bad data", []string{"weekly", "--data", bad, "--out", out}, 1, `observations.csv:2:4: value "NaN"`},
		{"missing data", []string{"validate", "--data", filepath.Join(bad, "nope")}, 1, "nope"},
		{"bad flag value", []string{"weekly", "--paper", "a3"}, 2, `--paper "a3": use a4 or letter`},
		{"unknown flag", []string{"weekly", "--colour"}, 2, "unknown flag: --colour"},
		{"extra argument", []string{"weekly", "now"}, 2, `unknown command "now" for "brief weekly"`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			io := IO{Out: &stdout, Err: &stderr, Now: func() time.Time { return time.Date(2026, 11, 26, 0, 0, 0, 0, time.UTC) }, Getenv: func(string) string { return "" }}
			code := execute(context.Background(), tc.args, io)
			if code != tc.code {
				t.Errorf("exit %d, want %d; stderr:\n%s", code, tc.code, stderr.String())
			}
			if !strings.Contains(stderr.String(), tc.err) {
				t.Errorf("stderr lacks %q:\n%s", tc.err, stderr.String())
			}
		})
	}
}

// TestBadInputWritesNothing runs weekly on every broken dataset of the
// corpus: each must exit 1, print its located errors and write no file.
func TestBadInputWritesNothing(t *testing.T) {
	dirs, err := filepath.Glob("../../testdata/bad/*")
	if err != nil || len(dirs) < 15 {
		t.Fatalf("bad-input corpus not found: %v (%d entries)", err, len(dirs))
	}
	for _, dir := range dirs {
		t.Run(filepath.Base(dir), func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "out")
			var stdout, stderr bytes.Buffer
			io := IO{Out: &stdout, Err: &stderr, Now: func() time.Time { return time.Date(2026, 11, 26, 0, 0, 0, 0, time.UTC) }, Getenv: func(string) string { return "" }}
			code := execute(context.Background(), []string{"weekly", "--data", dir, "--out", out}, io)
			if code == 0 {
				// Fixtures of warnings only (an exact duplicate, an unknown
				// column) are allowed to produce a brief.
				if !strings.Contains(stderr.String(), "warning:") {
					t.Fatalf("exit 0 and no warning for a bad fixture")
				}
				return
			}
			if code != 1 {
				t.Errorf("exit %d, want 1", code)
			}
			if !strings.Contains(stderr.String(), filepath.Base(dir)+"/") || !regexpLoc.MatchString(stderr.String()) {
				t.Errorf("stderr does not locate the problem (file:line):\n%s", stderr.String())
			}
			if _, err := os.Stat(out); !os.IsNotExist(err) {
				t.Errorf("%s was created by a failed run", out)
			}
		})
	}
}

var regexpLoc = regexp.MustCompile(`\.(csv|json|yaml|yml):\d+(:\d+)?: |\.xlsx:[^!]+![A-Z]+\d+: `)
