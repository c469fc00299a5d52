package polish_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/briefhq/brief/internal/guard"
	"github.com/briefhq/brief/prompts"
)

// TestPromptListsTheVettedSynonyms: the system prompt names every
// phrase the guard lets a polish swap, and names it as one group's
// ("rose" / "increased"), so the model is told exactly what the guard
// accepts.
func TestPromptListsTheVettedSynonyms(t *testing.T) {
	b, err := prompts.FS.ReadFile("polish-system.tmpl")
	if err != nil {
		t.Fatal(err)
	}
	groups := guard.VettedSynonyms()
	if len(groups) == 0 {
		t.Fatal("the lexicon has no vetted synonym")
	}
	// Every language's groups: a Russian or Kazakh section is polished
	// with the same prompt.
	for _, lang := range guard.Languages() {
		if lang != "en" {
			groups = append(groups, guard.VettedSynonymsIn(lang)...)
		}
	}
	for _, g := range groups {
		quoted := make([]string, len(g))
		for i, ph := range g {
			quoted[i] = fmt.Sprintf("%q", ph)
		}
		if want := strings.Join(quoted, " / "); !strings.Contains(string(b), want) {
			t.Errorf("polish-system.tmpl lacks the vetted group %s", want)
		}
	}
}
