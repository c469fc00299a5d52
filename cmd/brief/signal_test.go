package main

import (
	"bytes"
	"errors"
	"io/fs"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"
)

// buildBrief builds the real binary into a temporary folder.
func buildBrief(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("builds and runs the binary")
	}
	bin := filepath.Join(t.TempDir(), "brief")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	return bin
}

// emptyConfig is a brief.yaml that sets nothing, so the repository's own
// brief.yaml does not apply.
func emptyConfig(t *testing.T) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "brief.yaml")
	if err := os.WriteFile(p, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// started is a running brief process.
type started struct {
	cmd    *exec.Cmd
	stderr *syncBuffer
	done   chan struct{} // closed when the process has exited
	err    error         // its exit, once done is closed
}

// syncBuffer is a buffer the process writes while the test reads it.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

func start(t *testing.T, bin string, args ...string) *started {
	t.Helper()
	return startEnv(t, nil, bin, args...)
}

// startEnv starts bin with env added to the environment.
func startEnv(t *testing.T, env []string, bin string, args ...string) *started {
	t.Helper()
	cmd := exec.Command(bin, args...)
	cmd.Env = append(append(os.Environ(), "SOURCE_DATE_EPOCH=1764151200"), env...)
	s := &started{cmd: cmd, stderr: &syncBuffer{}, done: make(chan struct{})}
	cmd.Stderr = s.stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() { s.err = cmd.Wait(); close(s.done) }()
	t.Cleanup(func() {
		cmd.Process.Kill()
		select {
		case <-s.done:
		case <-time.After(10 * time.Second):
			t.Errorf("brief (pid %d) still not reaped 10 s after SIGKILL", cmd.Process.Pid)
		}
	})
	return s
}

// interrupt sends sig after delay and requires the process to exit 1
// within limit saying it was interrupted.
func (s *started) interrupt(t *testing.T, sig syscall.Signal, delay, limit time.Duration) {
	t.Helper()
	select {
	case <-s.done:
		t.Fatalf("exited before the signal (%v):\n%s", s.err, s.stderr)
	case <-time.After(delay):
	}
	sent := time.Now()
	if err := s.cmd.Process.Signal(sig); err != nil {
		t.Fatal(err)
	}
	select {
	case <-s.done:
	case <-time.After(limit):
		t.Fatalf("still running %v after %v", limit, sig)
	}
	t.Logf("%v: exited %v after %v", sig, s.err, time.Since(sent).Round(time.Millisecond))
	var ee *exec.ExitError
	if !errors.As(s.err, &ee) || ee.ExitCode() != 1 {
		t.Errorf("exit %v, want exit status 1", s.err)
	}
	if !strings.Contains(s.stderr.String(), "brief: interrupted") {
		t.Errorf("stderr does not say interrupted:\n%s", s.stderr)
	}
}

// files lists what is under dir.
func files(t *testing.T, dir string) []string {
	t.Helper()
	var out []string
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && p != dir {
			rel, _ := filepath.Rel(dir, p)
			out = append(out, rel)
		}
		return nil
	})
	return out
}

// TestSignalStopsATemplateThatLoops: a section template that loops for a
// long time cannot check the run's context; SIGINT or SIGTERM must still
// end the run within a second or so, exit 1 "interrupted", nothing
// written.
func TestSignalStopsATemplateThatLoops(t *testing.T) {
	bin := buildBrief(t)
	tmpl := t.TempDir()
	for name, text := range map[string]string{
		"manifest.yaml": "title: Loop\nsections:\n  - id: main\n    template: main.tmpl\n",
		"main.tmpl":     "# {{ .Brief.Title }}\n{{ $l := until 10000 }}{{ range $l }}{{ range $l }}{{ range $l }}{{ end }}{{ end }}{{ end }}\n",
	} {
		if err := os.WriteFile(filepath.Join(tmpl, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, sig := range []syscall.Signal{syscall.SIGINT, syscall.SIGTERM} {
		t.Run(sig.String(), func(t *testing.T) {
			work := t.TempDir()
			out := filepath.Join(work, "out")
			s := start(t, bin, "weekly", "--config", emptyConfig(t), "--data", "../../data", "--templates", tmpl, "--out", out)
			s.interrupt(t, sig, 700*time.Millisecond, 3*time.Second)
			if left := files(t, work); len(left) != 0 {
				t.Errorf("left in the work folder: %v", left)
			}
		})
	}
}

// TestSignalWhileOpeningAFIFO gives a FIFO as --data: opening it for
// reading blocks until a writer comes. Either the loader refuses it at
// once (it is not a regular file), or SIGINT ends the blocked run within
// a second or so; in both cases exit 1 and nothing written.
func TestSignalWhileOpeningAFIFO(t *testing.T) {
	bin := buildBrief(t)
	work := t.TempDir()
	fifo := filepath.Join(work, "observations.csv")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(work, "out")
	s := start(t, bin, "weekly", "--config", emptyConfig(t), "--data", fifo, "--out", out)
	select {
	case <-s.done:
		var ee *exec.ExitError
		if !errors.As(s.err, &ee) || ee.ExitCode() != 1 || !strings.Contains(s.stderr.String(), fifo) {
			t.Fatalf("exit %v; want 1 and an error naming %s:\n%s", s.err, fifo, s.stderr)
		}
		t.Logf("refused without blocking: %s", strings.TrimSpace(s.stderr.String()))
	case <-time.After(500 * time.Millisecond):
		s.interrupt(t, syscall.SIGINT, 0, 3*time.Second)
	}
	if left := files(t, work); len(left) != 1 {
		t.Errorf("left in the work folder: %v", left)
	}
}

// TestSignalWhileAWriteHangs runs brief with its first file write hung
// (this test binary as brief, with atomicfile.FaultHook blocking): the
// run cannot see its context, so after the grace second the signal
// handler removes the run's temporary folder, lock and the folders it
// made, and exits 1. An earlier brief in the folder is left as it was.
func TestSignalWhileAWriteHangs(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the binary")
	}
	for _, earlier := range []bool{false, true} {
		t.Run(map[bool]string{false: "first run", true: "over an earlier brief"}[earlier], func(t *testing.T) {
			work := t.TempDir()
			out := filepath.Join(work, "out")
			old := filepath.Join(out, "weekly", "2025-W06", "brief.md")
			if earlier {
				if err := os.MkdirAll(filepath.Dir(old), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(old, []byte("# last run\n"), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			before := files(t, work)
			s := startEnv(t, []string{"BRIEF_TEST_HANG=write"}, os.Args[0], "weekly", "--config", emptyConfig(t), "--data", "../../data", "--out", out, "--format", "md")
			deadline := time.Now().Add(10 * time.Second)
			for {
				temps, _ := filepath.Glob(filepath.Join(out, "weekly", ".2025-W06.tmp-*", "brief.md"))
				if len(temps) > 0 {
					break
				}
				if time.Now().After(deadline) {
					t.Fatalf("no write under way:\n%s", s.stderr)
				}
				time.Sleep(10 * time.Millisecond)
			}
			s.interrupt(t, syscall.SIGINT, 0, 3*time.Second)
			if got := files(t, work); !slices.Equal(got, before) {
				t.Errorf("after the interrupt the work folder holds %v, want %v", got, before)
			}
			if earlier {
				if b, _ := os.ReadFile(old); string(b) != "# last run\n" {
					t.Errorf("earlier brief is now %q", b)
				}
			}
		})
	}
}

// TestSignalWhileWaitingForTheLock: a run that waits for another run's
// lock on its brief folder stops at once on SIGTERM, leaving the other's
// lock alone and nothing of its own.
func TestSignalWhileWaitingForTheLock(t *testing.T) {
	bin := buildBrief(t)
	out := t.TempDir()
	if err := os.Mkdir(filepath.Join(out, "weekly"), 0o755); err != nil {
		t.Fatal(err)
	}
	lockPath := filepath.Join(out, "weekly", ".2025-W06.lock")
	f, err := os.Create(lockPath)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX); err != nil {
		t.Fatal(err)
	}
	s := start(t, bin, "weekly", "--config", emptyConfig(t), "--data", "../../data", "--out", out, "--format", "md")
	deadline := time.Now().Add(10 * time.Second)
	for !strings.Contains(s.stderr.String(), "waiting for another brief run writing "+filepath.Join(out, "weekly", "2025-W06")) {
		if time.Now().After(deadline) {
			t.Fatalf("the run does not say it waits:\n%s", s.stderr)
		}
		time.Sleep(20 * time.Millisecond)
	}
	s.interrupt(t, syscall.SIGTERM, 0, 2*time.Second)
	if left := files(t, out); len(left) != 2 || left[0] != "weekly" || left[1] != "weekly/.2025-W06.lock" {
		t.Errorf("left in --out: %v (want only the other run's lock)", left)
	}
}

// TestConcurrentRunsNeverMix runs two real processes with different
// titles into one --out, 40 times. After each pair the brief folder must
// be exactly one run's brief (every file byte-identical to that run's
// reference, no other file); and a reader that opens the folder once and
// reads every file through it, over and over while the runs go on, must
// only ever see one run's complete brief.
func TestConcurrentRunsNeverMix(t *testing.T) {
	bin := buildBrief(t)
	cfg := emptyConfig(t)
	base := t.TempDir()
	args := func(out, title string) []string {
		return []string{"weekly", "--config", cfg, "--data", "../../data", "--out", out, "--title", title}
	}
	refs := map[string]map[string]string{}
	for _, title := range []string{"Run A", "Run B"} {
		ref := filepath.Join(base, "ref-"+title[4:])
		cmd := exec.Command(bin, args(ref, title)...)
		cmd.Env = append(os.Environ(), "SOURCE_DATE_EPOCH=1764151200")
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("reference %s: %v\n%s", title, err, out)
		}
		refs[title] = readBrief(t, filepath.Join(ref, "weekly", "2025-W06"))
		if len(refs[title]) < 4 {
			t.Fatalf("reference %s has %d files", title, len(refs[title]))
		}
	}
	which := func(got map[string]string) string {
		for title, ref := range refs {
			if maps.Equal(got, ref) {
				return title
			}
		}
		return ""
	}
	out := filepath.Join(base, "out")
	week := filepath.Join(out, "weekly", "2025-W06")

	var stop atomic.Bool
	var reads, mixed atomic.Int64
	var wg sync.WaitGroup
	wg.Add(1)
	go func() { // the reader
		defer wg.Done()
		for !stop.Load() {
			got, ok := readBriefOnce(week)
			if !ok {
				time.Sleep(time.Millisecond)
				continue
			}
			reads.Add(1)
			if which(got) == "" {
				mixed.Add(1)
			}
		}
	}()
	seen := map[string]int{}
	for i := 0; i < 40; i++ {
		a := start(t, bin, args(out, "Run A")...)
		b := start(t, bin, args(out, "Run B")...)
		for _, s := range []*started{a, b} {
			if <-s.done; s.err != nil {
				t.Fatalf("pair %d: %v\n%s", i, s.err, s.stderr)
			}
		}
		got := readBrief(t, week)
		w := which(got)
		if w == "" {
			t.Fatalf("pair %d: the brief folder is no one run's brief: %d files", i, len(got))
		}
		seen[w]++
		for _, name := range files(t, filepath.Join(out, "weekly")) {
			if strings.HasPrefix(filepath.Base(name), ".") {
				t.Errorf("pair %d: left in weekly/: %s", i, name)
			}
		}
	}
	stop.Store(true)
	wg.Wait()
	t.Logf("final brief by run: %v; reader saw %d complete briefs", seen, reads.Load())
	if mixed.Load() > 0 {
		t.Errorf("a reader saw a brief mixed from two runs %d times of %d", mixed.Load(), reads.Load())
	}
}

// readBrief reads every file of a brief folder.
func readBrief(t *testing.T, dir string) map[string]string {
	t.Helper()
	got := map[string]string{}
	for _, name := range files(t, dir) {
		b, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		got[name] = string(b)
	}
	return got
}

// readBriefOnce reads a brief folder as a careful reader would: it opens
// the folder once and reads each file through that handle, so it reads
// one folder even if another takes its name meanwhile. ok is false if
// the folder it read is no longer the one at dir when it is done (it was
// swapped out, and is being removed, under the reader).
func readBriefOnce(dir string) (map[string]string, bool) {
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, false
	}
	defer root.Close()
	opened, err := root.Stat(".")
	if err != nil {
		return nil, false
	}
	entries, err := fs.ReadDir(root.FS(), ".")
	if err != nil || len(entries) == 0 {
		return nil, false
	}
	got := map[string]string{}
	for _, e := range entries {
		b, err := root.ReadFile(e.Name())
		if err != nil {
			return nil, false
		}
		got[e.Name()] = string(b)
	}
	if now, err := os.Lstat(dir); err != nil || !os.SameFile(now, opened) {
		return nil, false
	}
	return got, true
}
