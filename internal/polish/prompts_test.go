//go:build unix

package polish

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"testing/fstest"

	"github.com/briefhq/brief/internal/guard"
	"time"
)

func promptFS(user string) fstest.MapFS {
	return fstest.MapFS{
		"polish-system.tmpl": {Data: []byte("You edit.")},
		"polish-user.tmpl":   {Data: []byte(user)},
	}
}

func TestPromptTemplatesHaveABudget(t *testing.T) {
	// The size cases run with a time budget no machine reaches, so that
	// they test the size budget alone (a loaded machine under the race
	// detector once hit 100 ms first); the loop case with a short one.
	tests := []struct {
		name, user, want string
		budget           time.Duration
	}{
		{"doubling a string", `{{ $s := "x" }}{{ range 40 }}{{ $s = print $s $s }}{{ end }}{{ $s }}`, "print: exceeds the prompt budget of 1 MB", time.Minute},
		{"printf widths", `{{ printf "%1000000d%1000000d" 1 2 }}`, "printf: exceeds the prompt budget of 1 MB", time.Minute},
		{"endless output", `{{ range 100000000 }}xxxxxxxxxx{{ end }}`, "exceeds the prompt budget of 1 MB", time.Minute},
		{"a loop that does nothing", `{{ range 10000 }}{{ range 10000 }}{{ end }}{{ end }}`, "exceeds the prompt budget of 100ms: a loop runs too long", 100 * time.Millisecond},
	}
	defer func(d time.Duration) { promptTime = d }(promptTime)
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			promptTime = tc.budget
			_, err := loadPrompts(promptFS(tc.user), ".")
			if err == nil || !strings.HasPrefix(err.Error(), "polish: prompt ") || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("got %v, want ...%s", err, tc.want)
			}
		})
	}
	// The default prompts fit.
	if _, err := loadPrompts(promptFS(`{{ printf "%q" .Draft }} {{ range .Data }}{{ print . }}{{ end }}`), "."); err != nil {
		t.Fatal(err)
	}
}

func TestPromptFilesAreRegularAndSmall(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "polish-system.tmpl"), []byte("You edit."), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mkfifo(filepath.Join(dir, "polish-user.tmpl"), 0o644); err != nil {
		t.Skip(err)
	}
	done := make(chan error, 1)
	go func() { _, err := loadPrompts(os.DirFS(dir), "."); done <- err }()
	select {
	case err := <-done:
		if err == nil || !strings.Contains(err.Error(), "polish-user.tmpl is not a regular file") {
			t.Fatalf("got %v", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("blocked on a FIFO")
	}
	big := promptFS("x")
	big["polish-system.tmpl"] = &fstest.MapFile{Data: []byte(strings.Repeat("x", MaxPromptFile+1))}
	if _, err := loadPrompts(big, "."); err == nil || !strings.Contains(err.Error(), "polish-system.tmpl is larger than 256 KiB") {
		t.Fatalf("got %v", err)
	}
}

func TestPromptCancelled(t *testing.T) {
	// The trial run of 100,000 prints may take longer than the budget
	// under the race detector on a loaded machine; this test is about
	// cancellation, so the budget is widened.
	old := promptTime
	promptTime = time.Minute
	defer func() { promptTime = old }()
	ps, err := loadPrompts(promptFS(`{{ range 100000 }}{{ print "x" }}{{ end }}`), ".")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := ps.userMessage(ctx, Section{ID: "s", Markdown: "d"}); err == nil || !strings.Contains(err.Error(), "context canceled") {
		t.Fatalf("got %v", err)
	}
}

// TestShownDataHoldsTheDatasetWords: a section's <data> list holds, after
// what its cites quoted, the vocabulary's dataset words the draft shows
// (a source's title inside the templates' sentence: red team round 32),
// as written or escaped, and none it does not show.
func TestShownDataHoldsTheDatasetWords(t *testing.T) {
	s := Section{ID: "summary", Markdown: "Every figure in this brief comes from one source: Decision of the highest Court of Aland \\<2024\\>.", Data: []string{"Aland"}}
	v := &guard.Vocabulary{Data: []string{"Decision of the highest Court of Aland <2024>", "Survey of the largest banks"}}
	got := shownData(s, v)
	want := []string{"Aland", "Decision of the highest Court of Aland <2024>"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("shownData = %q, want %q", got, want)
	}
}
