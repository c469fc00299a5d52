package guard_test

import (
	"strings"
	"testing"

	"github.com/briefhq/brief/internal/guard"
)

// TestRound9DataAltered: the dataset's text as a template alters it
// (red team, round 9) is the source's text all the same: found by a run
// of its words, it comes back verbatim.
func TestRound9DataAltered(t *testing.T) {
	for _, c := range []struct {
		name, lang, data, draft, from, to string
	}{
		{"points moves the attribution", "", "According to the article, it dropped 2 bids for the plant.",
			"## Points\n\n- It dropped 2 bids for the plant, according to reports.[^2]\n", "It dropped", "It decreased"},
		{"lower-case lead, space before the comma", "", "according to the article , it showed 3 violations at the plant.",
			"## Points\n\n- It showed 3 violations at the plant, according to reports.[^2]\n", "It showed", "It stood at"},
		{"Russian points: no stop, a date appended", "ru", "Он вырос на 3 улицах.",
			"## Тезисы\n\n- Он вырос на 3 улицах (12 февраля 2025 г.).[^3]\n", "вырос", "увеличился"},
		{"Russian weekly: a no-break space after the number", "ru", "Он вырос на 3 улицах.",
			"## Вода\n\n- **12 февраля 2025 г.** — Он вырос на 3\u00a0улицах.[^3]\n", "вырос", "увеличился"},
		{"an identifier's figure in altered data is not rounded", "", "According to the article, Astana signed decree 1,234 on tariffs.",
			"## Points\n\n- Astana signed decree 1,234 on tariffs, according to reports.[^2]\n", "decree ⟦F1⟧", "decree about ⟦F1~⟧"},
	} {
		v := &guard.Vocabulary{Names: []string{"Astana"}, Lang: c.lang}
		lk := guard.Lock(c.draft, v)
		if !strings.Contains(lk.Text, c.from) {
			t.Fatalf("%s: %q not in the locked draft %q", c.name, c.from, lk.Text)
		}
		v.Data = []string{c.data}
		lk = guard.Lock(c.draft, v)
		if r := lk.Verify(strings.Replace(lk.Text, c.from, c.to, 1)); r.Accepted {
			t.Errorf("%s: %q for %q in the dataset's text accepted", c.name, c.to, c.from)
		}
		if r := lk.Verify(lk.Text); !r.Accepted {
			t.Errorf("%s: the draft itself refused: %v", c.name, r.Reasons)
		}
	}
}

// TestRound9NameNotRun: an indicator's name is found only whole; the
// templates' own sentences use its words and keep their freedoms.
func TestRound9NameNotRun(t *testing.T) {
	draft := "## Industry\n\nKazakhstan's joint industrial project portfolio with Russia is worth $52.9 billion as of February 2025.[^1]\n"
	v := &guard.Vocabulary{Names: []string{"Kazakhstan", "Russia"}, Data: []string{"Value of the joint industrial project portfolio"}}
	lk := guard.Lock(draft, v)
	reply := strings.Replace(lk.Text, "⟦N1⟧'s", "As of ⟦D1⟧, ⟦N1⟧'s", 1)
	reply = strings.Replace(reply, " as of ⟦D1⟧.", ".", 1)
	if r := lk.Verify(reply); !r.Accepted {
		t.Errorf("the date fronted over a template sentence with an indicator's words refused: %v\n%s", r.Reasons, reply)
	}
}
