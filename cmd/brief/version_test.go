package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"runtime/debug"
	"strings"
	"testing"
)

func TestBuildVersion(t *testing.T) {
	info := func(v string, settings ...string) func() (*debug.BuildInfo, bool) {
		return func() (*debug.BuildInfo, bool) {
			bi := &debug.BuildInfo{Main: debug.Module{Path: "github.com/briefhq/brief", Version: v}}
			for i := 0; i+1 < len(settings); i += 2 {
				bi.Settings = append(bi.Settings, debug.BuildSetting{Key: settings[i], Value: settings[i+1]})
			}
			return bi, true
		}
	}
	const rev = "0154142abcdef0123456789abcdef0123456789a"
	for _, tt := range []struct {
		name string
		set  string
		read func() (*debug.BuildInfo, bool)
		want string
	}{
		{"go install @v1.2.3", "", info("v1.2.3"), "v1.2.3"},
		{"go build in a clean clone", "", info("v0.0.0-20251130103000-0154142abcde", "vcs", "git", "vcs.revision", rev, "vcs.modified", "false"),
			"v0.0.0-20251130103000-0154142abcde (0154142abcde)"},
		{"go build in a modified clone", "", info("v0.0.0-20251130103000-0154142abcde+dirty", "vcs.revision", rev, "vcs.modified", "true"),
			"v0.0.0-20251130103000-0154142abcde+dirty (0154142abcde, modified)"},
		{"a revision and no module version", "", info("(devel)", "vcs.revision", rev, "vcs.modified", "true"), "devel (0154142abcde, modified)"},
		{"neither", "", info("(devel)"), "dev"},
		{"no build info", "", func() (*debug.BuildInfo, bool) { return nil, false }, "dev"},
		{"set by -ldflags", "v1.3.0", info("(devel)", "vcs.revision", rev), "v1.3.0"},
	} {
		if got := buildVersion(tt.set, tt.read); got != tt.want {
			t.Errorf("%s: %q, want %q", tt.name, got, tt.want)
		}
	}
}

// TestVersionOfABuiltBinary builds brief as a user's `go build` in a
// clone does, and runs --version: it names the commit, not "dev". The
// clone is this tree's files committed in a new repository (a git
// worktree, whose .git is a file, gives the go command no VCS
// information; and the test must build the code under test, committed
// or not).
func TestVersionOfABuiltBinary(t *testing.T) {
	if testing.Short() {
		t.Skip("copies the repository and builds the binary")
	}
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("no git: a build has no VCS revision to report")
	}
	top, err := exec.Command("git", "rev-parse", "--show-toplevel").Output()
	if err != nil {
		t.Skip("not a git checkout: ", err)
	}
	src := strings.TrimSpace(string(top))
	files, err := exec.Command("git", "-C", src, "ls-files", "-z", "--cached", "--others", "--exclude-standard").Output()
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	clone := filepath.Join(dir, "brief")
	for _, f := range strings.Split(strings.TrimRight(string(files), "\x00"), "\x00") {
		b, err := os.ReadFile(filepath.Join(src, f))
		if os.IsNotExist(err) {
			continue // deleted, not yet committed
		}
		if err != nil {
			t.Fatal(err)
		}
		if err := os.MkdirAll(filepath.Join(clone, filepath.Dir(f)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(clone, f), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	git := func(args ...string) string {
		t.Helper()
		out, err := exec.Command("git", append([]string{"-C", clone, "-c", "user.name=test", "-c", "user.email=test@example.org"}, args...)...).CombinedOutput()
		if err != nil {
			t.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, out)
		}
		return strings.TrimSpace(string(out))
	}
	git("init", "-q")
	git("add", "-A")
	git("commit", "-q", "-m", "test")
	head := git("rev-parse", "HEAD")
	bin := filepath.Join(dir, "brief-bin")
	build := func() {
		t.Helper()
		cmd := exec.Command("go", "build", "-o", bin, "./cmd/brief")
		cmd.Dir = clone
		// GOFLAGS replaces a -buildvcs=false of the machine's go env file.
		cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod")
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("go build: %v\n%s", err, out)
		}
	}
	build()
	version := func() string {
		t.Helper()
		out, err := exec.Command(bin, "--version").Output()
		if err != nil {
			t.Fatal(err)
		}
		return strings.TrimSpace(string(out))
	}
	if got, want := version(), "("+head[:12]+")"; !strings.HasPrefix(got, "brief version v0.0.0-") || !strings.HasSuffix(got, want) {
		t.Errorf("--version says %q, want a pseudo-version and the commit %s", got, want)
	}
	// A change not committed: the build says so.
	if err := os.WriteFile(filepath.Join(clone, "README.md"), []byte("changed\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	build()
	if got, want := version(), "("+head[:12]+", modified)"; !strings.HasSuffix(got, want) {
		t.Errorf("--version of a modified tree says %q, want it to end in %q", got, want)
	}
}
