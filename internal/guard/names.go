package guard

import (
	"fmt"
	"regexp"
	"strings"
	"unicode"
)

// linkDestRE is the target of a Markdown link or image: not prose.
var linkDestRE = regexp.MustCompile(`\]\([^)\s]*\)`)

// word is a word of a text with whether it opens a sentence.
type word struct {
	text    string
	initial bool
}

// words splits s into words (letters and digits; apostrophes inside a word
// kept, a possessive "'s" dropped, hyphens and dashes separating), noting
// which open a sentence, a line, a list item, a table cell or the text
// after a colon. Footnote markers, URLs and link targets are skipped.
func words(s string) []word {
	s = markerRE.ReplaceAllString(s, " ")
	s = urlRE.ReplaceAllString(s, " ")
	s = linkDestRE.ReplaceAllString(s, "]")
	var out []word
	for _, line := range strings.Split(s, "\n") {
		initial := true
		rs := []rune(line)
		for i := 0; i < len(rs); {
			r := rs[i]
			if !isWordRune(r) {
				switch r {
				case '.', '!', '?', ':', ';', '|', '(', '"', '“', '«', '•':
					initial = true
				}
				i++
				continue
			}
			j := i
			for j < len(rs) && (isWordRune(rs[j]) || (rs[j] == '\'' || rs[j] == '’') && j+1 < len(rs) && unicode.IsLetter(rs[j+1])) {
				j++
			}
			w := string(rs[i:j])
			for _, suf := range []string{"'s", "’s"} {
				w = strings.TrimSuffix(w, suf)
			}
			out = append(out, word{text: w, initial: initial})
			initial = false
			i = j
		}
	}
	return out
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

func isCapitalised(w string) bool {
	for _, r := range w {
		return unicode.IsUpper(r)
	}
	return false
}

// unitWords are capitalised unit and currency signs a model may write for
// a symbol of the draft ("US$" for "$", "USD" for "$"); the number rule
// checks that the unit agrees.
var unitWords = map[string]bool{
	"US": true, "USD": true, "EUR": true, "GBP": true, "RUB": true, "KZT": true, "UZS": true, "KGS": true,
	"TJS": true, "CNY": true, "I": true,
}

// checkNames rejects capitalised words that neither the draft nor the
// vocabulary has.
func checkNames(draft, polished string, v *Vocabulary) []string {
	known := map[string]bool{}
	lower := map[string]bool{}
	addAll := func(s string) {
		for _, w := range words(s) {
			known[w.text] = true
			lower[strings.ToLower(w.text)] = true
		}
	}
	addAll(draft)
	if v != nil {
		for _, n := range v.Names {
			addAll(n)
		}
	}
	var out []string
	seen := map[string]bool{}
	ws := words(polished)
	for _, w := range ws {
		if !isCapitalised(w.text) || known[w.text] || unitWords[w.text] {
			continue
		}
		l := strings.ToLower(w.text)
		if w.initial && (common[l] || lower[l]) {
			continue
		}
		name := w.text
		if seen[name] {
			continue
		}
		seen[name] = true
		out = append(out, fmt.Sprintf("name %q is not in the draft or the data", name))
	}
	return out
}
