package polish_test

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/briefhq/brief/internal/guard"
	"github.com/briefhq/brief/internal/polish"
)

// TestUserMessageNamesRoundableFigures: the model sees tokens, not the
// figures behind them, so the user message names the figure tokens the
// guard lets it round (the model simulator, ms3: a model asked to round
// "only a figure that this changes" has to guess), and says so when there
// is none.
func TestUserMessageNamesRoundableFigures(t *testing.T) {
	var (
		mu  sync.Mutex
		got []string
	)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		var body struct {
			Messages []struct{ Content string } `json:"messages"`
		}
		_ = json.Unmarshal(b, &body)
		mu.Lock()
		got = append(got, body.Messages[len(body.Messages)-1].Content)
		mu.Unlock()
		http.Error(w, "no", http.StatusBadRequest)
	}))
	defer srv.Close()
	cfg := polish.Config{BaseURL: srv.URL + "/v1", Model: "m", HTTPClient: srv.Client(), CallTimeout: 5 * time.Second, MaxRetries: -1}
	v := &guard.Vocabulary{Names: []string{"Kazakhstan", "Russia"}, Units: []string{"projects"}}
	sections := []polish.Section{
		{ID: "trade", Markdown: "## Trade\n\nKazakhstan's trade turnover with Russia stood at $27.8 billion in 2024.[^1] Kazakhstan completed 99 projects in 2024.[^1]\n"},
		{ID: "plain", Markdown: "## Projects\n\nKazakhstan completed 99 projects in 2024.[^1]\n"},
	}
	if _, _, err := polish.Polish(context.Background(), cfg, sections, v); err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 {
		t.Fatalf("%d requests, want 2", len(got))
	}
	var trade, plain string
	for _, m := range got {
		if strings.Contains(m, `"trade"`) {
			trade = m
		} else {
			plain = m
		}
	}
	lk := guard.Lock(sections[0].Markdown, v)
	if r := lk.Roundable(); len(r) != 1 || !strings.Contains(lk.Text, "⟦"+r[0]+"⟧ in") {
		t.Fatalf("roundable %v in %q, want the $27.8 billion's token only", r, lk.Text)
	}
	if want := "You may round only these figures, each as about ⟦F…~⟧: ⟦" + lk.Roundable()[0] + "⟧."; !strings.Contains(trade, want) {
		t.Errorf("the trade section's message lacks %q:\n%s", want, trade)
	}
	if want := "Round no figure in this section"; !strings.Contains(plain, want) {
		t.Errorf("the projects section's message lacks %q:\n%s", want, plain)
	}
}
