//go:build unix

package narrative

import (
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

func TestLoadKindDirRefusesAFIFO(t *testing.T) {
	dir := writeKind(t, "weekly", "x")
	if err := syscall.Mkfifo(filepath.Join(dir, "weekly", "fifo.tmpl"), 0o644); err != nil {
		t.Skip(err)
	}
	done := make(chan error, 1)
	go func() {
		_, err := LoadKindDir(dir, "weekly")
		done <- err
	}()
	select {
	case err := <-done:
		if err == nil || !strings.Contains(err.Error(), "fifo.tmpl: cannot read: ") || !strings.Contains(err.Error(), "named pipe (FIFO)") {
			t.Fatalf("got %v", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("blocked on the FIFO")
	}
}
