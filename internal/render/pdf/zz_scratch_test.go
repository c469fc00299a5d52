package pdf

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

func TestScratchCorpus(t *testing.T) {
	dir := os.Getenv("CORPUS")
	fs, _ := os.ReadDir(dir)
	for _, f := range fs {
		b, _ := os.ReadFile(filepath.Join(dir, f.Name()))
		lines := strings.SplitN(string(b), "\n", 2)
		s, err := strconv.Unquote(strings.TrimSuffix(strings.TrimPrefix(strings.TrimSpace(lines[1]), "string("), ")"))
		if err != nil {
			t.Log(f.Name(), err)
			continue
		}
		st := time.Now()
		done := make(chan bool)
		go func() { Render([]byte(s), Options{CreatedAt: created, Author: s}); close(done) }()
		select {
		case <-done:
		case <-time.After(5 * time.Second):
			t.Errorf("%s hangs: %q", f.Name(), s[:min(len(s), 300)])
			continue
		}
		if d := time.Since(st); d > 200*time.Millisecond {
			t.Logf("%s slow %v len %d", f.Name(), d, len(s))
		}
	}
}
