package guard

import (
	"sort"
	"strings"
	"testing"
)

// TestLexiconsRead: every language's lexicon parses and has the lists a
// brief in it needs (a hedge, chatter, spelled numbers, scale words,
// units, months, year words, vetted synonyms).
func TestLexiconsRead(t *testing.T) {
	for _, lang := range Languages() {
		l, err := readLexicon("lexicon/" + lang + ".txt")
		if err != nil {
			t.Fatalf("%s: %v", lang, err)
		}
		if len(l.hedge) == 0 || len(l.chatter) == 0 || len(l.cardinal) == 0 || len(l.vetted) == 0 || len(l.month) == 0 {
			t.Errorf("%s: a list is empty: hedge %d, chatter %d, cardinal %d, synonym %d, month %d", lang, len(l.hedge), len(l.chatter), len(l.cardinal), len(l.vetted), len(l.month))
		}
		if lang == "en" {
			continue
		}
		if len(l.scales) == 0 || len(l.unitKind) == 0 || len(l.order["year-word"]) == 0 {
			t.Errorf("%s: no scale words, units or year words", lang)
		}
		if !lexiconFor(lang).isNative() {
			t.Errorf("%s: not read as its own language", lang)
		}
	}
	if lexiconFor("ru-RU") != lexiconFor("ru") || lexiconFor("de") != english() || lexiconFor("") != english() {
		t.Error("a tag is not matched to its language's lexicon")
	}
}

// TestVettedSynonymsKeepTheirClass: the phrases of a vetted synonym group
// carry the same claim classes (negation, cancel, plan, done, up, down,
// better, worse …), so no vetted swap crosses a negation, a status or a
// direction; and a Russian group keeps one gender and number (the same
// ending).
func TestVettedSynonymsKeepTheirClass(t *testing.T) {
	for _, lang := range Languages() {
		if lang == "en" {
			continue // English groups are vetted in en.txt, each with its reason
		}
		l := lexiconFor(lang)
		for _, g := range VettedSynonymsIn(lang) {
			var want string
			for i, ph := range g {
				cs := append([]string(nil), l.classes[ph]...)
				sort.Strings(cs)
				got := strings.Join(cs, ",")
				if i == 0 {
					want = got
					continue
				}
				if got != want {
					t.Errorf("%s: %q is %q, %q is %q: a vetted swap would change a claim", lang, g[0], want, ph, got)
				}
			}
			if lang == "ru" {
				// вырос=увеличился (masculine), выросла=увеличилась (feminine):
				// the ending before -ся/-сь says gender and number.
				if genderEnd(g[0]) != genderEnd(g[1]) {
					t.Errorf("ru: %q and %q differ in gender or number", g[0], g[1])
				}
			}
		}
	}
}

// genderEnd is a Russian past verb's agreement ending: "а" (feminine),
// "о" (neuter), "и" (plural), "" (masculine).
func genderEnd(w string) string {
	w = strings.TrimSuffix(strings.TrimSuffix(w, "ся"), "сь")
	for _, e := range []string{"а", "о", "и"} {
		if strings.HasSuffix(w, e) {
			return e
		}
	}
	return ""
}
