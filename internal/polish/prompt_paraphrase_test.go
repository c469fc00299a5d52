package polish_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/briefhq/brief/internal/guard"
	"github.com/briefhq/brief/prompts"
)

// TestPromptListsTheVettedParaphrases: the system prompt names every
// paraphrase pattern the guard accepts, each with its variants as the
// lexicon writes them ("the figure for {N}" / "{N}'s figure" / ...), so
// the model is told exactly which recasting passes.
func TestPromptListsTheVettedParaphrases(t *testing.T) {
	b, err := prompts.FS.ReadFile("polish-system.tmpl")
	if err != nil {
		t.Fatal(err)
	}
	ps := guard.Paraphrases()
	if len(ps) == 0 {
		t.Fatal("the lexicon has no vetted paraphrase")
	}
	for _, p := range ps {
		if p[1] == "" {
			t.Errorf("paraphrase %q has no reason", p[0])
		}
		var quoted []string
		for _, v := range strings.Split(p[0], " = ") {
			quoted = append(quoted, fmt.Sprintf("%q", strings.TrimSpace(v)))
		}
		if want := strings.Join(quoted, " / "); !strings.Contains(string(b), want) {
			t.Errorf("polish-system.tmpl lacks the vetted paraphrase %s", want)
		}
	}
}
