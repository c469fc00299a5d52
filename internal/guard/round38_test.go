package guard_test

import (
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
