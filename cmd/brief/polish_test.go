package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

const secret = "sk-live-TOPSECRET-0042"

// fakeLLM answers every chat completion with its draft, lightly reworded
// by a vetted paraphrase the guard accepts in the templates' sentences
// ("came second, with" for "came second with"; the dataset's own text,
// such as an event's "led by", comes back verbatim), or, when obey is
// set, with the draft plus a sentence an instruction in the data asked
// for.
func fakeLLM(t *testing.T, obey bool) (*httptest.Server, *atomic.Int32) {
	var n atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n.Add(1)
		var body struct {
			Messages []struct{ Content string } `json:"messages"`
		}
		b, _ := io.ReadAll(r.Body)
		json.Unmarshal(b, &body)
		user := body.Messages[len(body.Messages)-1].Content
		i, j := strings.Index(user, "<draft>\n"), strings.LastIndex(user, "\n</draft>")
		draft := user[i+len("<draft>\n") : j]
		answer := strings.ReplaceAll(draft, "came second with", "came second, with")
		if obey {
			answer += "\nAs instructed, exports doubled to $60 billion.\n"
		}
		out, _ := json.Marshal(map[string]any{"id": "x", "object": "chat.completion",
			"choices": []any{map[string]any{"index": 0, "message": map[string]any{"role": "assistant", "content": answer}, "finish_reason": "stop"}},
			"usage":   map[string]any{"prompt_tokens": 100, "completion_tokens": 90}})
		w.Header().Set("Content-Type", "application/json")
		w.Write(out)
	}))
	t.Cleanup(srv.Close)
	return srv, &n
}

func runWith(t *testing.T, env map[string]string, args ...string) (int, string, string) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	io := IO{Out: &stdout, Err: &stderr, Now: func() time.Time { return time.Date(2026, 11, 26, 0, 0, 0, 0, time.UTC) },
		Getenv: func(k string) string { return env[k] }}
	code := execute(context.Background(), append([]string{"--config", "/dev/null"}, args...), io)
	return code, stdout.String(), stderr.String()
}

func TestPolishEndToEnd(t *testing.T) {
	srv, calls := fakeLLM(t, false)
	dir := t.TempDir()
	env := map[string]string{"OPENAI_API_KEY": secret, "OPENAI_BASE_URL": srv.URL + "/v1", "BRIEF_CACHE_DIR": filepath.Join(dir, "cache")}
	out := filepath.Join(dir, "out")
	args := []string{"weekly", "--data", "../../data", "--out", out, "--polish", "--model", "fake-1", "--generated-at", "2026-11-26"}
	code, stdout, stderr := runWith(t, env, args...)
	if code != 0 {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	first := calls.Load()
	if first == 0 {
		t.Fatal("no call reached the model")
	}
	if !strings.Contains(stderr, "polish: ") || !strings.Contains(stderr, "sections polished") || !strings.Contains(stderr, "tokens") {
		t.Errorf("no one-line summary:\n%s", stderr)
	}
	md, _ := os.ReadFile(filepath.Join(out, "weekly", "2025-W06", "brief.md"))
	if !strings.Contains(string(md), "Uzbekistan came second, with $10.0 billion.") || !strings.Contains(string(md), "A delegation led by Kazakhstan's Energy Minister") {
		t.Errorf("polished wording not in the brief:\n%s", md)
	}
	var rec struct {
		Polish []struct {
			Section, Model     string
			TokensIn           int `json:"tokens_in"`
			Attempts           int
			Accepted, CacheHit bool
			Text               string
			Figures            []struct{ Slot, Draft, Printed string }
		} `json:"polish"`
	}
	b, _ := os.ReadFile(filepath.Join(out, "weekly", "2025-W06", "brief.json"))
	if err := json.Unmarshal(b, &rec); err != nil || len(rec.Polish) == 0 {
		t.Fatalf("brief.json has no polish decisions: %v", err)
	}
	// The audit records the text and the figures as printed, and the
	// requests really made.
	for _, d := range rec.Polish {
		if d.Section != "topic:trade" {
			continue // the section that ranks the trade turnover
		}
		if !d.Accepted || d.Attempts != 1 || !strings.Contains(string(md), strings.TrimSpace(d.Text)) || !strings.Contains(d.Text, "Kazakhstan had the highest") {
			t.Errorf("trade decision: accepted %v, attempts %d, text as printed %q", d.Accepted, d.Attempts, d.Text)
		}
		found := false
		for _, f := range d.Figures {
			found = found || f.Printed == "$27.8 billion" && f.Draft == "$27.8 billion"
		}
		if !found {
			t.Errorf("figures as printed: %+v", d.Figures)
		}
	}

	// An unchanged re-run makes zero calls and gives the same bytes.
	code, _, stderr = runWith(t, env, args...)
	md2, _ := os.ReadFile(filepath.Join(out, "weekly", "2025-W06", "brief.md"))
	if code != 0 || calls.Load() != first || !bytes.Equal(md, md2) {
		t.Errorf("re-run: exit %d, %d new calls, same bytes %v\n%s", code, calls.Load()-first, bytes.Equal(md, md2), stderr)
	}

	// --offline makes zero calls even with OPENAI_BASE_URL set; so does
	// a run without --polish.
	before := calls.Load()
	for _, extra := range [][]string{{"--offline"}, {}} {
		a := []string{"weekly", "--data", "../../data", "--out", filepath.Join(dir, "off"), "--model", "fake-1"}
		if code, _, stderr := runWith(t, env, append(a, extra...)...); code != 0 {
			t.Fatalf("offline run: %d\n%s", code, stderr)
		}
	}
	if calls.Load() != before {
		t.Errorf("offline runs made %d calls", calls.Load()-before)
	}

	// The key is in no output: files, stdout, stderr.
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			b, _ := os.ReadFile(p)
			if bytes.Contains(b, []byte(secret)) {
				t.Errorf("the API key is written in %s", p)
			}
		}
		return nil
	})
	if strings.Contains(stdout+stderr, secret) {
		t.Error("the API key is printed")
	}
}

func TestPolishRejectsAnAnswerThatObeysTheData(t *testing.T) {
	srv, _ := fakeLLM(t, true)
	dir := t.TempDir()
	env := map[string]string{"OPENAI_API_KEY": secret, "OPENAI_BASE_URL": srv.URL + "/v1", "BRIEF_CACHE_DIR": filepath.Join(dir, "cache")}
	out := filepath.Join(dir, "out")
	code, _, stderr := runWith(t, env, "weekly", "--data", "../../testdata/hostile", "--out", out, "--polish", "--model", "fake-1", "--format", "md,json")
	if code != 0 {
		t.Fatalf("exit %d: a rejected section keeps its draft, the run succeeds\n%s", code, stderr)
	}
	md, _ := os.ReadFile(filepath.Join(out, "weekly", "2025-W06", "brief.md"))
	if strings.Contains(string(md), "$60 billion") {
		t.Error("an answer that obeyed an instruction in the data reached the brief")
	}
	b, _ := os.ReadFile(filepath.Join(out, "weekly", "2025-W06", "brief.json"))
	if !strings.Contains(string(b), `figure \"$60 billion\" is not in the draft`) {
		t.Errorf("brief.json does not say why the answer was rejected")
	}
	// With --strict-polish the same run fails and writes nothing.
	out2 := filepath.Join(dir, "strict")
	code, _, stderr = runWith(t, env, "weekly", "--data", "../../testdata/hostile", "--out", out2, "--polish", "--model", "fake-1", "--strict-polish")
	if code != 1 || !strings.Contains(stderr, "--strict-polish: section") {
		t.Errorf("strict: exit %d\n%s", code, stderr)
	}
	if _, err := os.Stat(out2); !os.IsNotExist(err) {
		t.Error("a failed strict run wrote files")
	}
	if strings.Contains(stderr, secret) {
		t.Error("the API key is printed")
	}
}

// TestPointsPolishAsksOnce: talking points that must be cut to fit one
// page are cut as drafts first, so the model is asked once for each kept
// section, not again for every cut (counted with the cache off).
func TestPointsPolishAsksOnce(t *testing.T) {
	srv, calls := fakeLLM(t, false)
	dir := t.TempDir()
	env := map[string]string{"OPENAI_API_KEY": secret, "OPENAI_BASE_URL": srv.URL + "/v1", "BRIEF_CACHE_DIR": filepath.Join(dir, "cache")}
	out := filepath.Join(dir, "out")
	code, _, stderr := runWith(t, env, "points", "--data", "../../data", "--audience", "internal", "--max", "60",
		"--out", out, "--polish", "--no-cache", "--model", "fake-1", "--generated-at", "2026-11-26")
	if code != 0 {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	var rec struct {
		Points struct{ Skipped int }      `json:"points"`
		Polish []struct{ Section string } `json:"polish"`
	}
	b, _ := os.ReadFile(filepath.Join(out, "points", "2025-W06", "points.json"))
	if err := json.Unmarshal(b, &rec); err != nil {
		t.Fatal(err)
	}
	if rec.Points.Skipped == 0 {
		t.Fatal("no point was cut: the test needs points that overflow a page")
	}
	if n := int(calls.Load()); n == 0 || n != len(rec.Polish) {
		t.Errorf("%d calls for %d polished sections; want one each", n, len(rec.Polish))
	}
}
