package guard_test

import (
	"strings"
	"testing"

	"github.com/briefhq/brief/internal/guard"
)

// TestRankWords: a ranking's "Next came" list may be said with rank
// words ("came second", "was second, followed by", "Runner-up was …,
// ahead of"), the issue's own false rejects, but only in the draft's
// order, after a single leader, with no shared place, and "last" only
// when nothing follows.
func TestRankWords(t *testing.T) {
	names := []string{"Kazakhstan", "Uzbekistan", "Kyrgyzstan", "Tajikistan", "Russia", "Central Asia", "Turkmenistan"}
	draft := func(lead, list, after string) string {
		return "## Trade\n\n" + lead + " posted the highest trade turnover with Russia in the Central Asia group in 2024: $27.8 billion, 64.7% of the total.[^1] Next came " + list + ".[^1]" + after + "\n"
	}
	std := "Uzbekistan ($10.0 billion), Kyrgyzstan ($3.2 billion) and Tajikistan ($2.0 billion)"
	for _, c := range []struct {
		name, draft, from, to string
		accept                bool
	}{
		{"came second, third, fourth", draft("Kazakhstan", std, ""), "Next came " + std, "Uzbekistan came second ($10.0 billion), Kyrgyzstan third ($3.2 billion) and Tajikistan fourth ($2.0 billion)", true},
		{"came second, third, last", draft("Kazakhstan", std, ""), "Next came " + std, "Uzbekistan came second ($10.0 billion), Kyrgyzstan third ($3.2 billion) and Tajikistan last ($2.0 billion)", true},
		{"was second, followed by", draft("Kazakhstan", std, ""), "Next came " + std, "Uzbekistan was second ($10.0 billion), followed by Kyrgyzstan ($3.2 billion) and Tajikistan ($2.0 billion)", true},
		{"runner-up, ahead of", draft("Kazakhstan", std, ""), "Next came " + std, "Runner-up was Uzbekistan ($10.0 billion), ahead of Kyrgyzstan ($3.2 billion) and Tajikistan ($2.0 billion)", true},
		{"ordinals out of order", draft("Kazakhstan", std, ""), "Next came " + std, "Uzbekistan came second ($10.0 billion), Kyrgyzstan fourth ($3.2 billion) and Tajikistan third ($2.0 billion)", false},
		{"a name out of its place", draft("Kazakhstan", std, ""), "Next came " + std, "Kyrgyzstan came second ($3.2 billion), Uzbekistan third ($10.0 billion) and Tajikistan fourth ($2.0 billion)", false},
		{"figures swapped", draft("Kazakhstan", std, ""), "Next came " + std, "Uzbekistan came second ($3.2 billion), Kyrgyzstan third ($10.0 billion) and Tajikistan fourth ($2.0 billion)", false},
		{"first for second", draft("Kazakhstan", std, ""), "Next came " + std, "Uzbekistan came first ($10.0 billion), Kyrgyzstan second ($3.2 billion) and Tajikistan third ($2.0 billion)", false},
		{"last when more follow", draft("Kazakhstan", std, " 2 more follow in the ranking."), "Next came " + std, "Uzbekistan came second ($10.0 billion), Kyrgyzstan third ($3.2 billion) and Tajikistan last ($2.0 billion)", false},
		{"last when a member has no figure", strings.Replace(draft("Kazakhstan", std, ""), "group in", "group (no figures for Turkmenistan) in", 1), "Next came " + std, "Uzbekistan came second ($10.0 billion), Kyrgyzstan third ($3.2 billion) and Tajikistan last ($2.0 billion)", false},
		{"a shared first place", draft("Kazakhstan", "Uzbekistan ($27.8 billion), Kyrgyzstan ($3.2 billion) and Tajikistan ($2.0 billion)", ""), "Next came Uzbekistan ($27.8 billion)", "Uzbekistan came second ($27.8 billion)", false},
		{"two leaders", draft("Kazakhstan and Turkmenistan", std, ""), "Next came " + std, "Uzbekistan came second ($10.0 billion), Kyrgyzstan third ($3.2 billion) and Tajikistan fourth ($2.0 billion)", false},
		{"ahead of the leader", draft("Kazakhstan", std, ""), "Next came " + std, "Uzbekistan came second ($10.0 billion), ahead of Kazakhstan ($3.2 billion) and Tajikistan ($2.0 billion)", false},
	} {
		got := guard.Check(c.draft, strings.Replace(c.draft, c.from, c.to, 1), &guard.Vocabulary{Names: names})
		if !strings.Contains(c.draft, c.from) {
			t.Fatalf("%s: %q not in the draft", c.name, c.from)
		}
		if got.Accepted != c.accept {
			t.Errorf("%s: accepted %v, want %v: %v", c.name, got.Accepted, c.accept, got.Reasons)
		}
		if c.accept && !strings.Contains(got.Text, c.to) {
			t.Errorf("%s: printed %q, want the reply's wording", c.name, got.Text)
		}
	}
}
