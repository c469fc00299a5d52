package guard_test

import (
	"strings"
	"testing"

	"github.com/briefhq/brief/internal/guard"
)

// TestNeutralHedgeSwap: a figure the draft hedges ("about 12 million")
// may take another neutral hedge ("some", "around", "roughly"), and the
// draft's figure is printed; a hedge that says a side ("nearly", "just
// over", "more than") or a second hedge is refused.
func TestNeutralHedgeSwap(t *testing.T) {
	draft := "## Tourism\n\n- **Foreign visitors** (Kazakhstan): about 12 million visitors in 2025.[^1]\n"
	v := &guard.Vocabulary{Names: []string{"Kazakhstan"}, Units: []string{"visitors"}}
	for _, c := range []struct {
		hedge  string
		accept bool
	}{
		{"some", true}, {"around", true}, {"roughly", true}, {"approximately", true},
		{"nearly", false}, {"just over", false}, {"more than", false}, {"almost", false}, {"some about", false},
	} {
		r := guard.Check(draft, strings.Replace(draft, "about 12", c.hedge+" 12", 1), v)
		if r.Accepted != c.accept {
			t.Errorf("%q: accepted %v, want %v: %v", c.hedge, r.Accepted, c.accept, r.Reasons)
			continue
		}
		if c.accept && !strings.Contains(r.Text, "(Kazakhstan): about 12 million visitors in 2025") {
			t.Errorf("%q: printed %q, want the draft's figure", c.hedge, r.Text)
		}
	}
}

// TestNeutralHedgeBeforeHedgedToken: on the wire the draft's hedge is
// inside the figure's token (⟦F1⟧ = "about 12 million visitors"), so a
// model following the prompt's hedge swap writes "some ⟦F1⟧"; its hedge
// stands for the token's and the draft's prints (red team round 19:
// "some about $4,600" was refused). A side ("nearly ⟦F1⟧") is still a
// claim, and a rounded token keeps its own rules.
func TestNeutralHedgeBeforeHedgedToken(t *testing.T) {
	draft := "## Tourism\n\n- **Foreign visitors** (Kazakhstan): about 12 million visitors in 2025.[^1]\n"
	v := &guard.Vocabulary{Names: []string{"Kazakhstan"}, Units: []string{"visitors"}}
	lk := guard.Lock(draft, v)
	var fig string
	for _, s := range lk.Slots {
		if strings.HasPrefix(s.Text, "about 12") {
			fig = "⟦" + s.ID + "⟧"
		}
	}
	if fig == "" || !strings.Contains(lk.Text, fig) {
		t.Fatalf("no token for the hedged figure in %q", lk.Text)
	}
	for _, c := range []struct {
		hedge  string
		accept bool
	}{
		{"some ", true}, {"around ", true}, {"roughly ", true}, {"approximately ", true},
		{"nearly ", false}, {"more than ", false}, {"almost ", false},
	} {
		r := lk.Verify(strings.Replace(lk.Text, fig, c.hedge+fig, 1))
		if r.Accepted != c.accept {
			t.Errorf("%q: accepted %v, want %v: %v", c.hedge, r.Accepted, c.accept, r.Reasons)
			continue
		}
		if c.accept && !strings.Contains(r.Text, "(Kazakhstan): about 12 million visitors in 2025") {
			t.Errorf("%q: printed %q, want the draft's figure", c.hedge, r.Text)
		}
	}
}
