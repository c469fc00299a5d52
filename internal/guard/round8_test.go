package guard_test

import (
	"strings"
	"testing"

	"github.com/briefhq/brief/internal/guard"
)

// TestRound8 holds red team round 8's classes (testdata/guard/redteam/
// r8-*, README-round8.md), each at the rule that now decides it.
func TestRound8(t *testing.T) {
	// the catalog's names (the speaker and the outlet of the interview
	// are not in it: their capitals lock them)
	names := []string{"Kazakhstan", "Astana", "Almaty", "Shymkent", "Semey", "Khan Tengri", "Tokayev", "Uzbekistan", "Urubko"}
	plain := &guard.Vocabulary{Names: names}
	wheat := "- Kazakhstan grew 17.1 million tonnes of wheat in 2024.[^3]\n"
	withData := &guard.Vocabulary{Names: names, Data: []string{"Harvest", "Kazakhstan grew 17.1 million tonnes of wheat in 2024."}}
	for _, c := range []struct {
		name, draft, polished string
		v                     *guard.Vocabulary
		want                  bool
	}{
		// 1. the dataset's own text comes back verbatim
		{"data text kept", wheat, wheat, withData, true},
		{"data text: a vetted synonym", wheat, strings.Replace(wheat, "grew", "rose", 1), withData, false},
		{"data text: its date fronted", wheat, "- In 2024, Kazakhstan grew 17.1 million tonnes of wheat.[^3]\n", withData, false},
		{"data text: a figure rounded", wheat, strings.Replace(wheat, "17.1 million", "about 17 million", 1), withData, false},
		// 2. without the data list, a direction verb swaps only in a
		// figure's change as the templates frame it
		{"a figure's object", wheat, strings.Replace(wheat, "grew", "increased", 1), plain, false},
		{"a name acting", "- Khan Tengri rises 7,010 m above sea level.[^3]\n", "- Khan Tengri increases 7,010 m above sea level.[^3]\n", plain, false},
		{"a name acting, no figure after", "- Urubko climbed 14 peaks.[^3]\n", "- Urubko increased 14 peaks.[^3]\n", plain, false},
		{"an idiom: fell short", "- Emissions fell short of the 2024 target.[^3]\n", "- Emissions dropped short of the 2024 target.[^3]\n", plain, false},
		{"an idiom: grew unpopular", "- The tariff grew unpopular with residents.[^3]\n", "- The tariff increased unpopular with residents.[^3]\n", plain, false},
		{"held at a level", "- The tariff was held at 112 KZT until March.[^3]\n", "- The tariff took place at 112 KZT until March.[^3]\n", plain, false},
		{"a polysemous synonym, no figure frame", "- The flood totalled 40 cars in Semey.[^3]\n", "- The flood amounted to 40 cars in Semey.[^3]\n", plain, false},
		{"the templates' change", "- Astana's exports rose 5% in 2024.[^1]\n", "- Astana's exports increased 5% in 2024.[^1]\n", plain, true},
		{"the templates' change, no figure", "Trade with Russia rose.[^1]\n", "Trade with Russia went up.[^1]\n", plain, true},
		// 3. the level pattern only of a quantity
		{"level: a name", "- Tokayev stood at 2 memorials in silence.[^3]\n", "- Tokayev was 2 memorials in silence.[^3]\n", plain, false},
		{"level: a thing", "- The audit showed 3 violations at the plant.[^3]\n", "- The audit stood at 3 violations at the plant.[^3]\n", plain, false},
		{"level: a quantity", "- Astana's tariff stood at 112 KZT in 2025.[^1]\n", "- Astana's tariff was 112 KZT in 2025.[^1]\n", plain, true},
		// 4. "behind it" only in a ranking (a name after it)
		{"behind it: a cause", "Heavy rain hit Semey. Next came 3 floods.[^3]\n", "Heavy rain hit Semey. Behind it were 3 floods.[^3]\n", plain, false},
		{"behind it: a ranking", "Kazakhstan posted the highest trade turnover in 2024: $27.8 billion.[^1] Next came Uzbekistan ($10.0 billion).[^1]\n",
			"Kazakhstan posted the highest trade turnover in 2024: $27.8 billion.[^1] Behind it was Uzbekistan ($10.0 billion).[^1]\n", plain, true},
		// 5. no date fronted over an adverb
		{"fronting over last", "- Shymkent recorded 3 smog alerts last in 2019.[^3]\n", "- In 2019, Shymkent recorded 3 smog alerts last.[^3]\n", plain, false},
		{"fronting over mostly", "- Astana planted 2,000 trees mostly in 2020.[^3]\n", "- In 2020, Astana planted 2,000 trees mostly.[^3]\n", plain, false},
		{"fronting a level's period", "- Astana's exports stood at $6.5 billion in 2025.[^2]\n", "- In 2025, Astana's exports stood at $6.5 billion.[^2]\n", plain, true},
		// 6. a quotation runs to its closing mark, over sentences
		{"quotation's second sentence", "- The akim said: “Tariffs will stay. Prices rose sharply.”[^3]\n", "- The akim said: “Tariffs will stay. Prices increased sharply.”[^3]\n", plain, false},
		{"quotation kept", "- The akim said: “Tariffs will stay. Prices rose sharply.”[^3]\n", "- The akim said: “Tariffs will stay. Prices rose sharply.”[^3]\n", plain, true},
		// 7. the interview recast of a draft that says "said that"
		{"interview: speaking to", "- In an interview with Kazinform, Abayev said that Almaty would close 2 plants.[^2]\n", "- Speaking to Kazinform, Abayev said that Almaty would close 2 plants.[^2]\n", plain, true},
		{"interview: told", "- In an interview with Kazinform, Abayev said that Almaty would close 2 plants.[^2]\n", "- Abayev told Kazinform in an interview that Almaty would close 2 plants.[^2]\n", plain, true},
		{"interview: roles swapped", "- In an interview with Kazinform, Abayev said that Almaty would close 2 plants.[^2]\n", "- Speaking to Abayev, Kazinform said that Almaty would close 2 plants.[^2]\n", plain, false},
	} {
		r := guard.Check(c.draft, c.polished, c.v)
		if r.Accepted != c.want {
			t.Errorf("%s: accepted %v, want %v\n  draft: %s  polish: %s  reasons: %s", c.name, r.Accepted, c.want, c.draft, c.polished, strings.Join(r.Reasons, "; "))
		}
	}
}

// TestRound8RespectivelyAfterLabel: a "respectively" list after a dated
// item's label pairs its names and figures in order, in the draft too
// (round 8: the draft was read clause by clause, "12%" said of
// Shymkent).
func TestRound8RespectivelyAfterLabel(t *testing.T) {
	v := &guard.Vocabulary{Names: []string{"Almaty", "Astana", "Shymkent"}}
	draft := "- **10 February 2025**: Almaty, Astana and Shymkent followed with 12%, 9% and 7% respectively.[^3]\n"
	ok := guard.Check(draft, "- **10 February 2025**: Almaty followed with 12%, Astana with 9% and Shymkent with 7%.[^3]\n", v)
	if !ok.Accepted {
		t.Errorf("written out pair by pair: refused: %s", strings.Join(ok.Reasons, "; "))
	}
	bad := guard.Check(draft, "- **10 February 2025**: Almaty followed with 9%, Astana with 12% and Shymkent with 7%.[^3]\n", v)
	if bad.Accepted {
		t.Error("pairs crossed: accepted")
	}
}

// TestRound8DoublePrimeIdentity: a draft quoting with ″…″ (which NFKC
// folds to ′′) is accepted as its own reply, and a reply may write the
// draft's sign; another sign stays refused.
func TestRound8DoublePrimeIdentity(t *testing.T) {
	draft := "- The akim said that prices ″rose sharply″ after the talks.[^3]\n"
	lk := guard.Lock(draft, &guard.Vocabulary{Names: []string{"Astana"}})
	if r := lk.Verify(lk.Text); !r.Accepted {
		t.Errorf("identity refused: %s", strings.Join(r.Reasons, "; "))
	}
	if r := lk.Verify(strings.ReplaceAll(lk.Text, "″", "′′")); r.Accepted {
		t.Error("the quotation's marks changed: accepted")
	}
}

// TestNoOpRoundingExact: a figure its rounding leaves as it is may not
// be hedged, whatever its digits' binary form (red team, round 9:
// 41 × 0.1 is not 4.1 in floating point, so "up from about 4.1%" was
// printed while "about 6.5%" was refused).
func TestNoOpRoundingExact(t *testing.T) {
	for _, fig := range []string{"4.1%", "6.5%", "0.7%", "1.3%", "2.9%", "$8.2 billion", "33%"} {
		draft := "## Climate\n\nThe share stood at 9.87% in 2025, up from " + fig + " in 2024.[^2]\n"
		lk := guard.Lock(draft, nil)
		reply := strings.Replace(lk.Text, "up from ⟦F2⟧", "up from about ⟦F2~⟧", 1)
		if r := lk.Verify(reply); r.Accepted {
			t.Errorf("%s: 'up from about %s' accepted, though its rounding leaves it as it is", fig, fig)
		}
	}
	draft := "## Climate\n\nThe share stood at 9.87% in 2025, up from 4.14% in 2024.[^2]\n"
	lk := guard.Lock(draft, nil)
	if r := lk.Verify(strings.Replace(lk.Text, "up from ⟦F2⟧", "up from about ⟦F2~⟧", 1)); !r.Accepted {
		t.Errorf("'up from about 4.1%%' for 4.14%% refused: %v", r.Reasons)
	}
}
