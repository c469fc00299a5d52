// Package polishtest holds what tests of the polish pipeline share: a
// local OpenAI-compatible endpoint standing in for the model.
package polishtest

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/briefhq/brief/internal/polish"
)

// Echo starts a local OpenAI-compatible endpoint that answers every
// request with the tokenised draft it was sent (between the user
// message's <draft> lines), unchanged: a model that rewords nothing. It
// stops when the test ends; the Config reaches it with the given model
// name, one attempt per section.
func Echo(t testing.TB, model string) polish.Config {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		var body struct {
			Messages []struct{ Content string } `json:"messages"`
		}
		if err := json.Unmarshal(b, &body); err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		draft := ""
		if n := len(body.Messages); n > 0 {
			u := body.Messages[n-1].Content
			if i, j := strings.Index(u, "<draft>\n"), strings.LastIndex(u, "\n</draft>"); i >= 0 && j > i {
				draft = u[i+len("<draft>\n") : j]
			}
		}
		out, _ := json.Marshal(map[string]any{"id": "c", "object": "chat.completion", "model": model,
			"choices": []any{map[string]any{"index": 0, "message": map[string]any{"role": "assistant", "content": draft}, "finish_reason": "stop"}},
			"usage":   map[string]any{"prompt_tokens": 1, "completion_tokens": 1}})
		w.Header().Set("Content-Type", "application/json")
		w.Write(out)
	}))
	t.Cleanup(srv.Close)
	return polish.Config{BaseURL: srv.URL + "/v1", Model: model, HTTPClient: srv.Client(), CallTimeout: 10 * time.Second, MaxRetries: -1}
}
