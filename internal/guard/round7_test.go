package guard_test

import (
	"strings"
	"testing"

	"github.com/briefhq/brief/internal/guard"
)

// TestRound7Scopes: the vetted swaps, hedges and patterns apply only
// where they were vetted (red team, round 7, README-round7.md). Each
// class has its corruption and a faithful near case that still passes.
func TestRound7Scopes(t *testing.T) {
	en := &guard.Vocabulary{Names: []string{"Astana", "Almaty", "Shymkent", "Semey", "Irtysh", "China", "Navruz",
		"Kazakhstan", "Uzbekistan", "Kyrgyzstan", "Russia", "CO2 emissions from power plants", "trade turnover"}}
	ru := &guard.Vocabulary{Names: []string{"Астана", "Иртыш"}, Lang: "ru"}
	kk := &guard.Vocabulary{Names: []string{"Алматы", "Астана"}, Lang: "kk"}
	const (
		quote   = "- **12 February 2025**: The akim said that prices “rose sharply” after talks began.[^3]\n"
		ruQuote = "- **12 февраля 2025 г.** — Аким заявил, что цены «выросли резко».[^3]\n"
		level   = "- **12 February 2025**: The akim said that “the level stood at 350 cm” on Monday.[^3]\n"
		plain   = "- Semey's level of the Irtysh stood at 341 cm on Monday.[^3]\n"
		hedge   = "- The akim said that “emissions stood at 1,234.5 kt” last year.[^3]\n"
		snow    = "- **13 February 2025**: Heavy snow fell in Astana and the city began clearing roads.[^3]\n"
		river   = "- **10 February 2025**: The Irtysh rises in China and the river was held at a safe level.[^3]\n"
		navruz  = "- **10 February 2025**: Navruz falls on a Friday this year.[^3]\n"
		exports = "Exports rose and imports fell in 2024.\n"
		figure  = "Almaty's CO2 emissions from power plants fell 12.3% to 1,210.5 kt CO2e in 2024.[^1]\n"
		forum   = "- **3 February 2025**: A media forum took place in Astana.[^1]\n"
		ruBuilt = "- **13 февраля 2025 г.** — В Астане вырос новый жилой квартал.[^3]\n"
		ruLevel = "- **10 февраля 2025 г.** — Уровень Иртыша снизился.[^3]\n"
		flood   = "- Almaty compensated the victims of the flood in 1969.[^3]\n"
		first   = "- Shymkent exceeded the limit first in 2019.[^3]\n"
		dated   = "- Almaty's CO2 emissions from power plants stood at 1,210.5 kt CO2e in 2024.[^1]\n"
		dummy   = "- **12 February 2025**: For Astana, it is the first filter programme.[^3]\n"
		owner   = "The figure for Kazakhstan is down 3.3% on 2023 ($28.7 billion).[^2]\n"
		rain    = "- **11 February 2025**: Heavy rain hit Semey. Then came the floods.[^3]\n"
		next    = "Kazakhstan posted the highest trade turnover in 2024: $27.8 billion.[^1] Next came Uzbekistan ($10.0 billion) and Kyrgyzstan ($3.2 billion).[^1]\n"
		list    = "- **3 February 2025**: Rosatom is on the shortlist.[^1]\n- **3 February 2025**: Gazprom is to build a network.[^1]\n"
		colon   = "- **13 February 2025**: Market note: turkey prices were stable in Astana.[^3]\n"
		capital = "Source note: The article calls Kazakhstan the leader.\n"
		second  = "Astana came second with 930.1 kt CO2e (estimate).[^1]\n"
		rangeW  = "Semey's level stood at 341 cm; the week's range so far was 312 to 341.[^4]\n"
		fallTo  = "Almaty's CO2 emissions from power plants fell to 1,210.5 kt CO2e in 2024.[^1]\n"
	)
	for _, c := range []struct {
		name, draft, polished string
		v                     *guard.Vocabulary
		accept                bool
	}{
		// 1. a quotation is the source's words: no synonym, hedge, rounding or pattern inside it
		{"synonym inside a quotation", quote, strings.Replace(quote, "rose sharply", "increased sharply", 1), en, false},
		{"synonym inside a single-quoted quotation", strings.NewReplacer("“", "‘", "”", "’").Replace(quote), strings.NewReplacer("“", "‘", "”", "’", "rose sharply", "increased sharply").Replace(quote), en, false},
		{"synonym beside an apostrophe", "- **12 February 2025**: Astana’s prices rose.[^3]\n", "- **12 February 2025**: Astana’s prices increased.[^3]\n", en, true},
		// round 9: "began" = "started" only in a figure's clause ("The
		// horse started at the shot"); the clause outside the quotation
		// states none
		{"synonym outside the quotation, no figure", quote, strings.Replace(quote, "talks began", "talks started", 1), en, false},
		{"synonym outside the quotation, a figure's clause", strings.Replace(quote, " after talks began", "; exports fell 5%", 1), strings.Replace(quote, " after talks began", "; exports decreased 5%", 1), en, true},
		{"Russian synonym inside «…»", ruQuote, strings.Replace(ruQuote, "выросли", "увеличились", 1), ru, false},
		{"level pattern inside a quotation", level, strings.Replace(level, "stood at", "was", 1), en, false},
		{"level pattern outside one", plain, strings.Replace(plain, "stood at", "was", 1), en, true},
		{"rounding inside a quotation", hedge, strings.Replace(hedge, "1,234.5 kt", "about 1,200 kt", 1), en, false},
		// 2. a direction synonym only in a figure's clause or a quantity's
		{"snow fell is no fall", snow, strings.Replace(snow, "fell", "decreased", 1), en, false},
		{"snow decreased back to fell", strings.Replace(snow, "fell", "decreased", 1), snow, en, false},
		{"a river rises at its source", river, strings.Replace(river, "rises", "increases", 1), en, false},
		{"held at a level is not took place", river, strings.Replace(river, "was held", "took place", 1), en, false},
		{"a holiday falls on a day", navruz, strings.Replace(navruz, "falls", "decreases", 1), en, false},
		{"the same free text kept", snow, snow, en, true},
		{"snow fell by a measure", "- Heavy snow fell 20 cm in Astana.[^3]\n", "- Heavy snow decreased 20 cm in Astana.[^3]\n", en, false},
		{"quantities rise and fall", exports, "Exports increased and imports dropped in 2024.\n", en, true},
		{"a figure's clause", figure, strings.Replace(figure, "fell", "decreased", 1), en, true},
		{"took place for was held (no longer vetted: the templates never write it; ms5)", forum, strings.Replace(forum, "took place", "was held", 1), en, false},
		{"Russian: a district built is no rise", ruBuilt, strings.Replace(ruBuilt, "вырос", "увеличился", 1), ru, false},
		{"Russian: districts built, with a figure", "- **13 февраля 2025 г.** — В Астане выросли 3 новых квартала.[^3]\n", "- **13 февраля 2025 г.** — В Астане увеличились 3 новых квартала.[^3]\n", ru, false},
		{"Russian: a share rose by its amount", "В 2024 г. доля ВИЭ выросла на 2,4 п. п.[^1]\n", "В 2024 г. доля ВИЭ увеличилась на 2,4 п. п.[^1]\n", ru, true},
		{"Kazakh: a fall by its amount", "Ақпанда Алматы шығарындылары желтоқсанмен салыстырғанда 6,9%-ға төмендеді.[^1]\n", "Ақпанда Алматы шығарындылары желтоқсанмен салыстырғанда 6,9%-ға азайды.[^1]\n", kk, true},
		{"Kazakh: districts grew, with a figure", "Астанада 3 жаңа аудан өсті.[^1]\n", "Астанада 3 жаңа аудан артты.[^1]\n", kk, false},
		{"Russian: a level fell", ruLevel, strings.Replace(ruLevel, "снизился", "уменьшился", 1), ru, true},
		// 3. a date fronted only over a figure's clause, never over a focus word
		{"a noun's date fronted", flood, "- In 1969, Almaty compensated the victims of the flood.[^3]\n", en, false},
		{"a focus word's date fronted", first, "- In 2019, Shymkent exceeded the limit first.[^3]\n", en, false},
		{"a noun's date fronted over a figure's sentence", "- Almaty compensated 3 victims of the flood in 1969.[^3]\n", "- In 1969, Almaty compensated 3 victims of the flood.[^3]\n", en, false},
		{"a figure's period fronted", dated, "- In 2024, Almaty's CO2 emissions from power plants stood at 1,210.5 kt CO2e.[^1]\n", en, true},
		// 4. the owner pattern only before a figure
		{"a dummy it read as the figure", dummy, strings.Replace(dummy, "For Astana, it is", "Astana's figure is", 1), en, false},
		{"a deictic that for a dummy it", dummy, strings.Replace(dummy, "For Astana, it is", "For Astana that is", 1), en, false},
		{"the figure's owner", owner, "Kazakhstan's figure is down 3.3% on 2023 ($28.7 billion).[^2]\n", en, true},
		// 5. "behind it were" only in a ranking
		{"behind it were says a cause", rain, strings.Replace(rain, "Then came", "Behind it were", 1), en, false},
		{"it was followed by, in time", rain, strings.Replace(rain, "Then came", "It was followed by", 1), en, true},
		{"behind it were, in a ranking", next, strings.Replace(next, "Next came", "Behind it were", 1), en, true},
		// 6. the nesting of list items is the draft's
		{"an item nested under the one above", list, strings.Replace(list, "\n- **3 February 2025**: Gazprom", "\n  - **3 February 2025**: Gazprom", 1), en, false},
		{"an item's marker spaced", list, strings.Replace(list, "\n- **3 February 2025**: Gazprom", "\n-  **3 February 2025**: Gazprom", 1), en, true},
		// 7. after a colon, lower-cased but never raised
		{"a common noun capitalised after a colon", colon, strings.Replace(colon, "turkey", "Turkey", 1), en, false},
		{"a capital lowered after a colon", capital, strings.Replace(capital, "The article", "the article", 1), en, true},
		// the faithful refusals of round 7: a measure rounded, "by" before a change's amount
		{"a bare range rounded", rangeW, strings.Replace(rangeW, "312 to 341.", "about 310 to about 340.", 1), en, false},
		{"decreased by the amount", figure, strings.Replace(figure, "fell 12.3%", "decreased by 12.3%", 1), en, true},
		{"by before a level", fallTo, strings.Replace(fallTo, "fell to", "decreased by", 1), en, false},
	} {
		r := guard.Check(c.draft, c.polished, c.v)
		if r.Accepted != c.accept {
			t.Errorf("%s: accepted %v, want %v\n  draft: %s  polish: %s  reasons: %s", c.name, r.Accepted, c.accept, c.draft, c.polished, strings.Join(r.Reasons, "; "))
		}
	}
}

// TestNestedDraftKept: a draft's own nested item stays nested.
func TestNestedDraftKept(t *testing.T) {
	draft := "- Kazakhstan leads.[^1]\n  - Uzbekistan follows.[^1]\n"
	v := &guard.Vocabulary{Names: []string{"Kazakhstan", "Uzbekistan"}}
	if r := guard.Check(draft, draft, v); !r.Accepted {
		t.Errorf("the draft's nesting refused: %v", r.Reasons)
	}
	if r := guard.Check(draft, "- Kazakhstan leads.[^1]\n- Uzbekistan follows.[^1]\n", v); r.Accepted {
		t.Error("a nested item lifted out is accepted")
	}
}

// TestRound7MeasureRounded: a measure with its unit may be rounded
// (r7-080: "about 930 kt CO2e (estimate)" for 930.1), as the model
// writes it (a token); a side hedge on the wrong side and a bare number
// below 1,000 stay refused.
func TestRound7MeasureRounded(t *testing.T) {
	v := &guard.Vocabulary{Names: []string{"Astana", "Semey"}}
	lk := guard.Lock("Astana came second with 930.1 kt CO2e (estimate).[^1] The range was 312 to 341.[^1]\n", v)
	if !strings.Contains(lk.Text, "with ⟦F1⟧.") || !strings.Contains(lk.Text, "was ⟦F2⟧ to ⟦F3⟧.") {
		t.Fatalf("locked: %s", lk.Text)
	}
	for _, c := range []struct {
		reply  string
		accept bool
	}{
		{strings.Replace(lk.Text, "⟦F1⟧", "about ⟦F1~⟧", 1), true},
		{strings.Replace(lk.Text, "⟦F1⟧", "nearly ⟦F1~⟧", 1), false},
		{strings.Replace(lk.Text, "⟦F2⟧ to ⟦F3⟧", "about ⟦F2~⟧ to about ⟦F3~⟧", 1), false},
	} {
		r := lk.Verify(c.reply)
		if r.Accepted != c.accept {
			t.Errorf("%s: accepted %v, want %v: %v", c.reply, r.Accepted, c.accept, r.Reasons)
		}
		if r.Accepted && !strings.Contains(r.Text, "about 930 kt CO2e (estimate)") {
			t.Errorf("printed %q", r.Text)
		}
	}
}
