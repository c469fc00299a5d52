package guard_test

import (
	"strings"
	"testing"

	"github.com/briefhq/brief/internal/guard"
)

// TestRound38: a change of a figure its sentence says by a sign word
// ("a deficit of $2 billion …, up $1.5 billion on 2024": the balance
// rose, the deficit shrank) takes no noun or comparative recast, which
// would read as said of the deficit; the same recasts of a figure with
// no sign word still print; "rose from … to …" moves the earlier value
// first only where nothing after it could be said of it.
func TestRound38(t *testing.T) {
	const (
		deficit = "## Budget\n\n- Kazakhstan's budget balance showed a deficit of $2 billion in 2025, up $1.5 billion on 2024.[^1]\n"
		widened = "## Trade\n\nKazakhstan's current account balance showed a deficit of $3.5 billion in 2025, down $1.5 billion on 2024 (a deficit of $2.0 billion), a deterioration.[^1]\n"
		ranked  = "## Trade\n\nTajikistan had the highest trade balance in the Central Asia group in 2025: a deficit of $1.2 billion.[^1]\n"
		plain   = "## Roads\n\nKazakhstan's road spending stood at $2 billion in 2025, up $1.5 billion on 2024.[^1]\n"
		gap     = "## Labour\n\nKazakhstan's unemployment rate stood at 5.0% in 2025, up from 3.0% in 2022, the latest earlier figure (none for 2023 to 2024), a deterioration.[^1]\n"
		ends    = "## Labour\n\nKazakhstan's unemployment rate stood at 5.0% in 2025, up from 3.0% in 2022.[^1]\n"
		judged  = "## Labour\n\nKazakhstan's unemployment rate stood at 5.0% in 2025, up from 3.0% in 2022, a deterioration.[^1]\n"
	)
	v := &guard.Vocabulary{
		Names:      []string{"Kazakhstan", "Tajikistan", "Central Asia", "Budget balance", "Current account balance", "Trade balance", "Road spending", "Unemployment rate"},
		Quantities: []string{"Budget balance", "Current account balance", "Trade balance", "Road spending", "Unemployment rate"},
		Data:       []string{"budget balance", "current account balance", "trade balance", "road spending", "unemployment rate"},
		Signs:      []string{"deficit", "surplus"},
	}
	checkSwaps(t, v, []swap{
		{"a rise of a balance said of a deficit, as a comparative", deficit, "up $1.5 billion on 2024", "$1.5 billion more than in 2024", false},
		{"the same as a noun", deficit, "up $1.5 billion on 2024", "an increase of $1.5 billion from 2024", false},
		{"the same, higher than", deficit, "up $1.5 billion on 2024", "$1.5 billion higher than in 2024", false},
		{"up by, the direction word kept", deficit, "up $1.5 billion on 2024", "up by $1.5 billion from 2024", true},
		{"a fall of a balance as less than, beside its base", widened, "down $1.5 billion on 2024", "$1.5 billion less than in 2024", false},
		{"the same as a decline", widened, "down $1.5 billion on 2024", "a decline of $1.5 billion from 2024", false},
		{"the largest of a balance given by its sign word", ranked, "the highest trade balance", "the largest trade balance", false},
		{"the same comparative without a sign word", plain, "up $1.5 billion on 2024", "$1.5 billion more than in 2024", true},
		{"the same noun without a sign word", plain, "up $1.5 billion on 2024", "an increase of $1.5 billion from 2024", true},
		{"the earlier value moved before words said of it", gap, "stood at 5.0% in 2025, up from 3.0% in 2022", "rose from 3.0% in 2022 to 5.0% in 2025", false},
		{"the earlier value kept last before them", gap, "stood at 5.0% in 2025, up from 3.0% in 2022", "rose to 5.0% in 2025 from 3.0% in 2022", true},
		{"the earlier value moved where the sentence ends", ends, "stood at 5.0% in 2025, up from 3.0% in 2022", "rose from 3.0% in 2022 to 5.0% in 2025", true},
		{"the earlier value moved before the change's evaluation", judged, "stood at 5.0% in 2025, up from 3.0% in 2022", "rose from 3.0% in 2022 to 5.0% in 2025", true},
		{"the evaluation flipped after the move", judged, "stood at 5.0% in 2025, up from 3.0% in 2022, a deterioration", "rose from 3.0% in 2022 to 5.0% in 2025, an improvement", false},
	})
}

// TestRound39KazakhHedge: «шамасы» also reads "apparently", so it is no
// hedge of a rounded figure; «шамамен» is.
func TestRound39KazakhHedge(t *testing.T) {
	v := &guard.Vocabulary{Names: []string{"Өзбекстан", "Өзбекстанның"}, Lang: "kk", Units: []string{"USD"}}
	draft := "## Қаржы\n\n2024 жылы Өзбекстанның ақша аударымдары 14,8 млрд АҚШ долларын құрады, бұл 2023 жылмен салыстырғанда 29,7%-ға көп.[^1]\n"
	for _, c := range []struct {
		hedge  string
		accept bool
	}{{"шамамен", true}, {"шамасы", false}} {
		reply := "## Қаржы\n\n2024 жылы Өзбекстанның ақша аударымдары 14,8 млрд АҚШ долларын құрады, бұл 2023 жылмен салыстырғанда " + c.hedge + " 30%-ға көп.[^1]\n"
		if r := guard.Check(draft, reply, v); r.Accepted != c.accept {
			t.Errorf("%s: accepted %v, want %v: %v", c.hedge, r.Accepted, c.accept, r.Reasons)
		}
	}
}

// TestRound40RecordedACount: "recorded the highest" only of the claim's
// own money or percentage: never of a count ("number of artists: 340",
// though a percentage change follows), nor beside a sign word.
func TestRound40RecordedACount(t *testing.T) {
	const (
		artists = "## Music\n\nIndependent had the highest number of artists in the Record Labels group in October 2026: 340, up 13.3% on September 2026 (300).[^1]\n"
		trade   = "## Trade\n\nKazakhstan had the highest trade turnover with Russia in the Central Asia group in 2024: $27.8 billion.[^1]\n"
	)
	v := &guard.Vocabulary{
		Names:      []string{"Independent", "Record Labels", "number of artists", "Kazakhstan", "Russia", "Central Asia", "Trade turnover"},
		Quantities: []string{"number of artists", "Trade turnover"},
		Data:       []string{"number of artists", "trade turnover"},
	}
	checkSwaps(t, v, []swap{
		{"recorded, of a count with a percentage change after it", artists, "had the highest", "recorded the highest", false},
		{"recorded, of money", trade, "had the highest", "recorded the highest", true},
	})
}

// TestRound41Spaces: a space separator with a glyph (U+1680 OGHAM SPACE
// MARK, a dash in DejaVu Sans) is never printed: the guard reads it as
// a space, so the text prints a plain one.
func TestRound41Spaces(t *testing.T) {
	draft := "## Rates\n\nEA's Euribor, 3 months stood at 0.25% as of August 2022, up from −0.18% in July 2022.[^1]\n"
	for _, sp := range []string{"\u1680", "\u2003", "\u3000", "\u205f"} {
		r := guard.Check(draft, strings.Replace(draft, "at 0.25%", "at"+sp+"0.25%", 1), &guard.Vocabulary{Names: []string{"EA", "Euribor, 3 months"}})
		if strings.Contains(r.Text, sp) {
			t.Errorf("%U printed: %q", []rune(sp)[0], r.Text)
		}
		if r.Accepted && !strings.Contains(r.Text, "stood at 0.25% as of") {
			t.Errorf("%U: printed %q", []rune(sp)[0], r.Text)
		}
	}
}

// TestRound41RussianPartOfWhole: neither a part nor the whole it is
// counted of may be rounded («1 524 месяца из 2 251»: the share moves),
// though the prompt lets a count be («около 1 500»).
func TestRound41RussianPartOfWhole(t *testing.T) {
	v := &guard.Vocabulary{Names: []string{"LBMA"}, Lang: "ru"}
	draft := "## Рынки\n\nЭто наибольшее значение с начала ряда в январе 1833\u00a0г. (1\u00a0524 месяца из 2\u00a0251 — повторённые годовые значения 1833–1959\u00a0гг.).[^1]\n"
	lk := guard.Lock(draft, v)
	for _, c := range []struct{ from, to string }{
		{"из ⟦F2⟧", "примерно из ⟦F2~⟧"},
		{"(⟦F1⟧ месяца", "(около ⟦F1~⟧ месяца"},
	} {
		if !strings.Contains(lk.Text, c.from) {
			t.Fatalf("%q not in the locked draft %q", c.from, lk.Text)
		}
		if r := lk.Verify(strings.Replace(lk.Text, c.from, c.to, 1)); r.Accepted {
			t.Errorf("%q for %q printed: %q", c.to, c.from, r.Text)
		}
	}
	// the control: a count of no whole rounded as the prompt offers
	count := "## Здоровье\n\nВ 2020\u00a0г. число случаев — 81\u00a0435.[^1]\n"
	lk = guard.Lock(count, v)
	if r := lk.Verify(strings.Replace(lk.Text, "— ⟦F1⟧", "— около ⟦F1~⟧", 1)); !r.Accepted {
		t.Errorf("a count rounded: %v", r.Reasons)
	}
}
