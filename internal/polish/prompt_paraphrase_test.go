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

// TestPromptSaysDataTextIsVerbatim: the system prompt tells the model
// what the guard holds since round 8: the dataset's own text (the
// <data> list) and a quotation, to its closing mark, come back as they
// stand; the recastings are the templates' sentences' only.
func TestPromptSaysDataTextIsVerbatim(t *testing.T) {
	b, err := prompts.FS.ReadFile("polish-system.tmpl")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"only in the templates' own sentences around the figures",
		"wherever the draft shows one of the texts listed between <data> and </data>",
		"copy them exactly as they stand",
		"to the closing mark, over as many sentences as the quotation runs",
		"nor over any adverb between the figure and the date",
	} {
		if !strings.Contains(string(b), want) {
			t.Errorf("polish-system.tmpl does not say %q", want)
		}
	}
}
