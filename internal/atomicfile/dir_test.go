package atomicfile

import (
	"context"
	"errors"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"
	"time"
)

// snapshot is a folder tree: relative path to content, "<dir>" for a
// folder, "-> target" for a link.
func snapshot(t *testing.T, root string) map[string]string {
	t.Helper()
	out := map[string]string{}
	if _, err := os.Lstat(root); errors.Is(err, os.ErrNotExist) {
		return out
	}
	err := filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		switch {
		case d.Type()&os.ModeSymlink != 0:
			l, _ := os.Readlink(p)
			out[rel] = "-> " + l
		case d.IsDir():
			out[rel] = "<dir>"
		default:
			b, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			out[rel] = string(b)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func put(t *testing.T, root string, files map[string]string) {
	t.Helper()
	for name, data := range files {
		p := filepath.Join(root, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

var newBrief = []File{
	{Path: "brief.md", Data: []byte("# this week\n")},
	{Path: "brief.json", Data: []byte("{\"week\":6}\n")},
	{Path: "chart-new.svg", Data: []byte("<svg>new</svg>")},
}

func TestWriteDirReplacesTheFolderAsAWhole(t *testing.T) {
	out := t.TempDir()
	put(t, out, map[string]string{
		"weekly/2025-W06/brief.md":           "# last run\n",
		"weekly/2025-W06/brief.pdf":          "%PDF old",
		"weekly/2025-W06/chart-old.svg":      "<svg>old</svg>",
		"weekly/2025-W06/notes.txt":          "mine",
		"weekly/2025-W06/entity/kz/brief.md": "# kz\n",
		"weekly/2025-W05/brief.md":           "# week 5\n",
	})
	tr := &Tree{Root: out}
	if err := tr.WriteDir(context.Background(), "weekly/2025-W06", newBrief, []string{"entity", "group"}); err != nil {
		t.Fatal(err)
	}
	tr.Close()
	want := map[string]string{
		".":                                  "<dir>",
		"weekly":                             "<dir>",
		"weekly/2025-W05":                    "<dir>",
		"weekly/2025-W05/brief.md":           "# week 5\n",
		"weekly/2025-W06":                    "<dir>",
		"weekly/2025-W06/brief.md":           "# this week\n",
		"weekly/2025-W06/brief.json":         "{\"week\":6}\n",
		"weekly/2025-W06/chart-new.svg":      "<svg>new</svg>",
		"weekly/2025-W06/entity":             "<dir>",
		"weekly/2025-W06/entity/kz":          "<dir>",
		"weekly/2025-W06/entity/kz/brief.md": "# kz\n",
	}
	if got := snapshot(t, out); !maps.Equal(got, want) {
		t.Errorf("after the write:\n got %v\nwant %v", got, want)
	}
	fi, err := os.Stat(filepath.Join(out, "weekly/2025-W06/brief.md"))
	if err != nil || fi.Mode().Perm() != 0o644 {
		t.Errorf("brief.md mode %v, %v; want 0644", fi.Mode(), err)
	}
}

// TestWriteDirFullDiskAtEveryStep fails the 1st, 2nd, ... file-system
// operation of a write with ENOSPC, until one write passes without a
// FaultHook: each failed write must leave the tree exactly as it was (the old
// brief, no temporary folder, no lock file, no empty folder), and the
// first that passes must leave exactly the new brief.
func TestWriteDirFullDiskAtEveryStep(t *testing.T) {
	for _, tc := range []struct {
		name     string
		exchange bool
		old      map[string]string
	}{
		{"first run", true, nil},
		{"replace, exchange", true, map[string]string{"weekly/2025-W06/brief.md": "# old\n", "weekly/2025-W06/chart-old.svg": "old", "weekly/2025-W06/group/ca/brief.md": "# ca\n"}},
		{"replace, two renames", false, map[string]string{"weekly/2025-W06/brief.md": "# old\n", "weekly/2025-W06/chart-old.svg": "old", "weekly/2025-W06/group/ca/brief.md": "# ca\n"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			useExchange = tc.exchange
			t.Cleanup(func() { FaultHook, useExchange = nil, true })
			base := t.TempDir()
			out := filepath.Join(base, "out")
			put(t, out, tc.old)
			before := snapshot(t, out)
			faults := 0
			for k := int64(1); ; k++ {
				var n atomic.Int64
				fired := false
				FaultHook = func(op, path string) error {
					if n.Add(1) == k {
						fired = true
						return &os.PathError{Op: op, Path: path, Err: syscall.ENOSPC}
					}
					return nil
				}
				tr := &Tree{Root: out}
				err := tr.WriteDir(context.Background(), "weekly/2025-W06", newBrief, []string{"entity", "group"})
				tr.Close()
				if !fired {
					if err != nil {
						t.Fatalf("write without a FaultHook: %v", err)
					}
					break
				}
				faults++
				if !errors.Is(err, syscall.ENOSPC) {
					t.Fatalf("FaultHook %d: error %v, want ENOSPC", k, err)
				}
				if !strings.Contains(err.Error(), out) {
					t.Errorf("FaultHook %d: error does not name the folder: %v", k, err)
				}
				if got := snapshot(t, out); !maps.Equal(got, before) {
					t.Fatalf("FaultHook %d (%v) changed the tree:\n got %v\nwant %v", k, err, got, before)
				}
			}
			if faults < 8 {
				t.Errorf("only %d operations could fail; the FaultHook hook is not on the write path", faults)
			}
			got := snapshot(t, out)
			if got["weekly/2025-W06/brief.md"] != "# this week\n" || got["weekly/2025-W06/chart-old.svg"] != "" {
				t.Errorf("after the faults, the write did not replace the folder: %v", got)
			}
			if tc.old != nil && got["weekly/2025-W06/group/ca/brief.md"] != "# ca\n" {
				t.Errorf("the kept batch folder was lost: %v", got)
			}
			for p := range got {
				if p != "." && strings.HasPrefix(filepath.Base(p), ".") {
					t.Errorf("left behind: %s", p)
				}
			}
		})
	}
}

func TestWriteDirRefusesSymbolicLinks(t *testing.T) {
	for _, link := range []string{"weekly", "weekly/2025-W06", "weekly/2025-W06/entity", "weekly/2025-W06/entity/kz"} {
		t.Run(link, func(t *testing.T) {
			base := t.TempDir()
			elsewhere := filepath.Join(base, "elsewhere")
			put(t, elsewhere, map[string]string{"precious.txt": "keep me", "chart-x.svg": "keep me too", "2025-W06/kz/brief.md": "x", "kz/brief.md": "x", "brief.md": "x"})
			before := snapshot(t, elsewhere)
			out := filepath.Join(base, "out")
			if err := os.MkdirAll(filepath.Dir(filepath.Join(out, link)), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.Symlink(elsewhere, filepath.Join(out, link)); err != nil {
				t.Fatal(err)
			}
			tr := &Tree{Root: out}
			err := tr.WriteDir(context.Background(), "weekly/2025-W06/entity/kz", newBrief, nil)
			tr.Close()
			if err == nil || !strings.Contains(err.Error(), filepath.Join(out, link)+" is a symbolic link") || !strings.Contains(err.Error(), "replace the link") {
				t.Fatalf("error %v, want one naming %s as a link and what to do", err, link)
			}
			if got := snapshot(t, elsewhere); !maps.Equal(got, before) {
				t.Errorf("the link's target changed:\n got %v\nwant %v", got, before)
			}
		})
	}
	// --out itself may be a link.
	base := t.TempDir()
	if err := os.Mkdir(filepath.Join(base, "real"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("real", filepath.Join(base, "out")); err != nil {
		t.Fatal(err)
	}
	tr := &Tree{Root: filepath.Join(base, "out")}
	if err := tr.WriteDir(context.Background(), "weekly/2025-W06", newBrief, nil); err != nil {
		t.Fatalf("--out as a link: %v", err)
	}
	if _, err := os.Stat(filepath.Join(base, "real/weekly/2025-W06/brief.md")); err != nil {
		t.Error(err)
	}
}

// TestLockFileAsALink: a lock file that is a symbolic link is refused with
// a message that says so and what to do; its target is untouched.
func TestLockFileAsALink(t *testing.T) {
	for _, target := range []string{"precious.txt", "missing.txt"} {
		out := t.TempDir()
		put(t, out, map[string]string{"weekly/x": "", "precious.txt": "keep me"})
		lock := filepath.Join(out, "weekly", ".2025-W06.lock")
		if err := os.Symlink(filepath.Join(out, target), lock); err != nil {
			t.Fatal(err)
		}
		tr := &Tree{Root: out}
		err := tr.WriteDir(context.Background(), "weekly/2025-W06", newBrief, nil)
		tr.Close()
		want := "lock file " + lock + " is a symbolic link: brief never writes through one; remove it"
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("link to %s: %v\nwant %s", target, err, want)
		}
		if b, _ := os.ReadFile(filepath.Join(out, "precious.txt")); string(b) != "keep me" {
			t.Errorf("the link's target changed: %q", b)
		}
		if _, err := os.Lstat(filepath.Join(out, "missing.txt")); err == nil {
			t.Error("a file was created through the link")
		}
	}
}

func TestWriteDirRemovesWhatKilledRunsLeft(t *testing.T) {
	out := t.TempDir()
	put(t, out, map[string]string{
		"weekly/2025-W06/brief.md":                    "# old\n",
		"weekly/.2025-W06.tmp-111/brief.md":           "# half\n",
		"weekly/.2025-W06.tmp-222/entity/kz/brief.md": "# kz\n", // died after moving the batch folder over
		"weekly/.2025-W06.old-333/brief.md":           "# older\n",
		"weekly/.2025-W06.lock":                       "",
		"weekly/.2025-W05.tmp-444/brief.md":           "# another week's, not ours to judge\n",
	})
	tr := &Tree{Root: out}
	if err := tr.WriteDir(context.Background(), "weekly/2025-W06", newBrief, []string{"entity"}); err != nil {
		t.Fatal(err)
	}
	tr.Close()
	got := snapshot(t, filepath.Join(out, "weekly"))
	want := []string{".", ".2025-W05.tmp-444", ".2025-W05.tmp-444/brief.md", "2025-W06", "2025-W06/brief.json", "2025-W06/brief.md", "2025-W06/chart-new.svg", "2025-W06/entity", "2025-W06/entity/kz", "2025-W06/entity/kz/brief.md"}
	if names := slices.Sorted(maps.Keys(got)); !slices.Equal(names, want) {
		t.Errorf("weekly holds\n %q\nwant\n %q", names, want)
	}
}

func TestWriteDirRestoresTheOldFolderOfAnInterruptedSwap(t *testing.T) {
	// The two-rename swap died after moving the old folder aside: the next
	// run finds no target, puts the old one back, and then replaces it,
	// keeping its batch folder.
	out := t.TempDir()
	put(t, out, map[string]string{
		".2025-W06.old-1/brief.md":           "# old\n",
		".2025-W06.old-1/entity/kz/brief.md": "# kz\n",
		".2025-W06.tmp-1/brief.md":           "# new, complete\n",
	})
	tr := &Tree{Root: out}
	if err := tr.WriteDir(context.Background(), "2025-W06", newBrief, []string{"entity"}); err != nil {
		t.Fatal(err)
	}
	tr.Close()
	got := snapshot(t, out)
	if got["2025-W06/entity/kz/brief.md"] != "# kz\n" || got["2025-W06/brief.md"] != "# this week\n" || len(got) != 8 {
		t.Errorf("got %v", got)
	}
}

func TestWriteDirWaitsForTheLockThenFailsClearly(t *testing.T) {
	out := t.TempDir()
	holder := &Tree{Root: out}
	l, err := holder.lock(context.Background(), "weekly/2025-W06", false)
	if err != nil {
		t.Fatal(err)
	}
	var told []string
	tr := &Tree{Root: out, Wait: 300 * time.Millisecond, Notify: func(m string) { told = append(told, m) }}
	start := time.Now()
	err = tr.WriteDir(context.Background(), "weekly/2025-W06", newBrief, nil)
	if err == nil || !strings.Contains(err.Error(), filepath.Join(out, "weekly/2025-W06")+" is being written by another brief run") {
		t.Fatalf("error %v, want the folder named as being written", err)
	}
	// A timer fires no earlier than its duration, so this bound is exact;
	// no upper bound is asserted (the machine's load decides it).
	if d := time.Since(start); d < 300*time.Millisecond {
		t.Errorf("gave up after %v, before the 300ms wait", d)
	}
	if len(told) != 1 || !strings.Contains(told[0], "waiting for another brief run") {
		t.Errorf("told %q", told)
	}
	if _, err := os.Stat(filepath.Join(out, "weekly/2025-W06")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the waiting run wrote: %v", err)
	}

	// Released while the next run waits: it goes on.
	go func() { time.Sleep(100 * time.Millisecond); l.release() }()
	tr = &Tree{Root: out, Wait: 10 * time.Second}
	if err := tr.WriteDir(context.Background(), "weekly/2025-W06", newBrief, nil); err != nil {
		t.Fatal(err)
	}
	tr.Close()
	if _, err := os.Stat(filepath.Join(out, "weekly/.2025-W06.lock")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("lock file left: %v", err)
	}

	// Cancelled while waiting: returns at once with the context's error.
	l, err = holder.lock(context.Background(), "weekly/2025-W06", false)
	if err != nil {
		t.Fatal(err)
	}
	defer l.release()
	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	tr = &Tree{Root: out, Wait: time.Minute}
	if err := tr.WriteDir(ctx, "weekly/2025-W06", newBrief, nil); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("cancelled wait: %v", err)
	}
}

func TestBatchHoldsItsWeekShared(t *testing.T) {
	out := t.TempDir()
	a := &Tree{Root: out, Shared: "weekly/2025-W06"}
	b := &Tree{Root: out, Shared: "weekly/2025-W06"}
	for _, tr := range []*Tree{a, b} { // two batches (shards) at once
		if err := tr.WriteDir(context.Background(), "weekly/2025-W06/entity/kz", newBrief, nil); err != nil {
			t.Fatal(err)
		}
	}
	single := &Tree{Root: out, Wait: 150 * time.Millisecond}
	if err := single.WriteDir(context.Background(), "weekly/2025-W06", newBrief, []string{"entity"}); err == nil || !strings.Contains(err.Error(), "being written by another brief run") {
		t.Fatalf("a single brief swapped the week while batches wrote in it: %v", err)
	}
	a.Close()
	if err := single.WriteDir(context.Background(), "weekly/2025-W06", newBrief, []string{"entity"}); err == nil {
		t.Fatal("a single brief swapped the week while a batch still wrote in it")
	}
	b.Close()
	if err := single.WriteDir(context.Background(), "weekly/2025-W06", newBrief, []string{"entity"}); err != nil {
		t.Fatal(err)
	}
	single.Close()
	got := snapshot(t, filepath.Join(out, "weekly"))
	if got["2025-W06/entity/kz/brief.md"] != "# this week\n" || got["2025-W06/brief.md"] != "# this week\n" {
		t.Errorf("got %v", got)
	}
	for p := range got {
		if p != "." && strings.HasPrefix(filepath.Base(p), ".") {
			t.Errorf("left behind: %s", p)
		}
	}
}

func TestAbortRemovesTheRunsTracesAndStopsIt(t *testing.T) {
	t.Cleanup(func() {
		FaultHook = nil
		reg.Lock()
		reg.aborted = false
		reg.Unlock()
	})
	base := t.TempDir()
	out := filepath.Join(base, "out")
	FaultHook = func(op, path string) error {
		if op == "write" {
			go Abort()
			time.Sleep(50 * time.Millisecond) // Abort runs while the write is under way
		}
		return nil
	}
	tr := &Tree{Root: out}
	err := tr.WriteDir(context.Background(), "weekly/2025-W06", newBrief, nil)
	if !errors.Is(err, ErrAborted) && !errors.Is(err, os.ErrNotExist) {
		t.Errorf("write went on after Abort: %v", err)
	}
	tr.Close()
	if got := snapshot(t, base); len(got) != 1 {
		t.Errorf("left after Abort: %v", got)
	}
}
