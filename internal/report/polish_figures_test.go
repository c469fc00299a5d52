package report

import (
	"slices"
	"strings"
	"testing"

	"github.com/briefhq/brief/internal/dataset"

	"github.com/briefhq/brief/internal/guard"
	"github.com/briefhq/brief/internal/locale"
	"github.com/briefhq/brief/internal/narrative"
	"github.com/briefhq/brief/internal/polish"
)

// TestPrintedFiguresFollowTheRounding: a figure the polish printed
// rounded ("about $28 billion") is recorded so in the section's figures;
// the table's repeat of it keeps the data's text.
func TestPrintedFiguresFollowTheRounding(t *testing.T) {
	s := narrative.RenderedSection{Figures: []narrative.Figure{{Text: "$27.8 billion"}, {Text: "64.7%"}, {Text: "$27.8 billion"}}}
	printedFigures(&s, polish.Decision{Figures: []guard.Printed{
		{Slot: "F1", Draft: "$27.8 billion", Printed: "$28 billion"},
		{Slot: "F2", Draft: "64.7%", Printed: "64.7%"},
	}})
	if s.Figures[0].Text != "$28 billion" || s.Figures[1].Text != "64.7%" || s.Figures[2].Text != "$27.8 billion" {
		t.Errorf("figures as recorded: %+v", s.Figures)
	}
	s = narrative.RenderedSection{Figures: []narrative.Figure{{Text: "183 outlets"}}}
	printedFigures(&s, polish.Decision{Figures: []guard.Printed{{Slot: "F1", Draft: "about 183 outlets", Printed: "about 180 outlets"}}})
	if s.Figures[0].Text != "180 outlets" {
		t.Errorf("a figure inside a wider slot: %+v", s.Figures)
	}
}

// TestVocabularyGivesTheCatalogsUnits: the guard is told the data's units
// and count nouns, so a model may round a count in the data's own noun
// ("about 12,000 visitors" for 12,345: the sample's visitors are counted
// in "visitors") while a number followed by any other word stays a bare
// number it may not round.
func TestVocabularyGivesTheCatalogsUnits(t *testing.T) {
	ds, _, err := dataset.Load("../../data", dataset.Options{})
	if err != nil {
		t.Fatal(err)
	}
	v := Vocabulary(ds)
	draft := "## Industrial cooperation\n\nKazakhstan received 12,345 visitors in January 2025.[^1] Work began on pier 1,450 blue.\n"
	lk := guard.Lock(draft, v)
	for _, c := range []struct {
		what, from, to string
		accept         bool
	}{
		{"a count of the catalog rounded", "received ⟦F", "received about ⟦F", true},
		{"an identifier followed by another word rounded", "pier ⟦F", "pier about ⟦F", false},
	} {
		i := strings.Index(lk.Text, c.from)
		if i < 0 {
			t.Fatalf("%s: %q not in the locked draft %q", c.what, c.from, lk.Text)
		}
		j := i + len(c.from) + strings.Index(lk.Text[i+len(c.from):], "⟧")
		reply := lk.Text[:i] + c.to + lk.Text[i+len(c.from):j] + "~" + lk.Text[j:]
		r := lk.Verify(reply)
		if r.Accepted != c.accept {
			t.Errorf("%s: accepted %v, want %v: %v\n%s", c.what, r.Accepted, c.accept, r.Reasons, reply)
		}
		if c.accept && !strings.Contains(r.Text, "received about 12,000 visitors") {
			t.Errorf("%s: printed %q", c.what, r.Text)
		}
	}
}

// TestVocabularyGivesTheCatalogsSignWords: the guard is told the words
// an indicator's figures are said by (negative: deficit, positive:
// surplus), in English and in every case form of the brief's language,
// so a sentence that holds one takes no comparative or noun recast of
// its change (red team round 38).
func TestVocabularyGivesTheCatalogsSignWords(t *testing.T) {
	ds, _, err := dataset.Load("../../testdata/guard/redteam/data-r39bal", dataset.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got := Vocabulary(ds).Signs; !slices.Equal(got, []string{"deficit", "surplus"}) {
		t.Errorf("English sign words: %q", got)
	}
	reg, err := locale.Default()
	if err != nil {
		t.Fatal(err)
	}
	for lang, want := range map[string][]string{"ru": {"дефицит", "дефицита", "профицитом"}, "kk": {"тапшылық", "тапшылыққа", "профициттен"}} {
		lc, ok := reg.Get(lang)
		if !ok {
			t.Fatalf("no locale %s", lang)
		}
		got := VocabularyIn(ds, lc).Signs
		for _, w := range want {
			if !slices.Contains(got, w) {
				t.Errorf("%s: sign words %q lack %q", lang, got, w)
			}
		}
	}
}
