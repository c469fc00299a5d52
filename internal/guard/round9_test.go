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

// TestRound9Frames: the frame rules by themselves (no data list), as
// round 9 tested them through the talking points' altered data text.
func TestRound9Frames(t *testing.T) {
	// The catalog counts flats: since round 10 a word after a number is
	// what it counts only if the catalog or the lexicon knows it.
	v := &guard.Vocabulary{Names: []string{"Astana", "Almaty", "Abayev"}, Units: []string{"flats"}}
	for _, c := range []struct {
		name, draft, from, to string
		accept                bool
	}{
		{"it + a count", "## P\n\n- It dropped 2 bids for the plant, according to reports.[^2]\n", "dropped", "decreased", false},
		{"it + a height, then a place", "## P\n\n- It rises 7,010 m above sea level, according to reports.[^2]\n", "rises", "increases", false},
		{"it led by a bare number", "## P\n\n- It led by 3 goals at half-time, according to reports.[^2]\n", "led by", "headed by", false},
		{"it showed a count: no level", "## P\n\n- It showed 3 violations at the plant, according to reports.[^2]\n", "showed", "stood at", false},
		{"it + a percentage: a change", "## P\n\nAstana's exports fell 5%. It rose 8.1% in 2025.[^2]\n", "It rose", "It increased", true},
		{"it + a measure: a level", "## P\n\nThe level of the river was high. It stood at 341 cm on 13 February.[^2]\n", "stood at", "was", true},
		{"a quantity on a count: an idiom", "## P\n\n- The tariff fell on 3 million households, according to reports.[^2]\n", "fell", "decreased", false},
		{"a quantity to a count of something else", "## P\n\n- The price fell to 2 ministries, according to reports.[^2]\n", "fell", "decreased", false},
		{"a quantity held for a time", "## P\n\n- The rate was held for 2 weeks, according to reports.[^2]\n", "was held", "took place", false},
		{"a quantity held in a year", "## P\n\n- The tariff was held in 2025, according to reports.[^2]\n", "was held", "took place", false},
		{"a quantity to a measure", "## P\n\nAlmaty's CO2 emissions fell 12.3% to 1,210.5 kt CO2e in January 2025.[^1]\n", "fell", "decreased", true},
		{"the leader among, no figure", "## P\n\n- Abayev is the leader among the ministers, according to reports.[^2]\n", "leader among", "leader of", false},
		{"started, no figure", "## P\n\n- The horse started at the shot, according to reports.[^2]\n", "started", "began", false},
		{"during the week, no figure", "## P\n\n- The border post is closed during the week.[^2]\n", "during the week", "over the week", false},
		{"during the week of a figure", "## P\n\nPrices rose 5% during the week.[^2]\n", "during the week", "over the week", true},
		{"a decree's number rounded", "## P\n\n- Astana signed decree 1,234 on tariffs, according to reports.[^2]\n", "decree ⟦F1⟧", "decree about ⟦F1~⟧", false},
		{"a count rounded", "## P\n\n- Astana opened 1,234 flats to tenants, according to reports.[^2]\n", "opened ⟦F1⟧", "opened about ⟦F1~⟧", true},
	} {
		lk := guard.Lock(c.draft, v)
		reply := strings.Replace(lk.Text, c.from, c.to, 1)
		if reply == lk.Text {
			t.Fatalf("%s: %q not in %q", c.name, c.from, lk.Text)
		}
		if r := lk.Verify(reply); r.Accepted != c.accept {
			t.Errorf("%s: accepted %v, want %v: %v\n%s", c.name, r.Accepted, c.accept, r.Reasons, reply)
		}
	}
}

// TestRound9RussianPronoun: in Russian a pronoun is a change's subject
// only before a share, points or money.
func TestRound9RussianPronoun(t *testing.T) {
	v := &guard.Vocabulary{Lang: "ru"}
	for _, c := range []struct {
		draft, from, to string
		accept          bool
	}{
		{"## Т\n\n- Он вырос на 3 улицах (12 февраля 2025 г.).[^3]\n", "вырос", "увеличился", false},
		{"## Т\n\n- Он снизился до 3 000 м (13 февраля 2025 г.).[^3]\n", "снизился", "уменьшился", false},
		{"## Т\n\nЦены были высокими. Они выросли на 5,2 % в 2025 г.[^3]\n", "выросли", "увеличились", true},
	} {
		lk := guard.Lock(c.draft, v)
		reply := strings.Replace(lk.Text, c.from, c.to, 1)
		if reply == lk.Text {
			t.Fatalf("%q not in %q", c.from, lk.Text)
		}
		if r := lk.Verify(reply); r.Accepted != c.accept {
			t.Errorf("%s → %s: accepted %v, want %v: %v\n%s", c.from, c.to, r.Accepted, c.accept, r.Reasons, reply)
		}
	}
}
