package guard

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Spacing is part of what a sentence says: "по 3 февраля" glued into
// "по3февраля", "карт «Мир» ВТБ" into "карт«Мир»ВТБ", a zero-width space
// standing for a space ("заявил,что"), a compound's dash spaced
// ("Ресей–Қазақстан" is one forum, "Ресей – Қазақстан" two parties). The
// exact comparison (align.go) reads words, tokens and signs; checkSpacing
// reads what stands between them: two neighbours the draft's sentence
// also has side by side keep the draft's space or its absence; new
// neighbours (a vetted swap, a paraphrase) are spaced as prose is: never
// a word glued to a token, no space before a closing sign nor after an
// opening one. The Russian and Kazakh red team found the class; it holds
// in every language. A no-break space is a space.

// gapItem is a word, token or sign of a sentence and whether whitespace
// stands before it.
type gapItem struct {
	key  string
	text string
	gap  bool
}

func (lk *Locked) gapItems(s string) []gapItem {
	out := make([]gapItem, 0, len(s)/5+4) // a word or a sign every five bytes or so
	gap := false
	first := true
	for i := 0; i < len(s); {
		if strings.HasPrefix(s[i:], tokenOpen) {
			if k := strings.Index(s[i:], tokenClose); k >= 0 {
				end := i + k + len(tokenClose)
				id := strings.TrimSuffix(s[i+len(tokenOpen):i+k], "~")
				key := tokenOpen + id
				if n, ok := lk.byID[id]; ok {
					key = lk.tokKey(n)
				}
				out = append(out, gapItem{key: key, text: s[i:end], gap: gap})
				gap, first = false, false
				i = end
				continue
			}
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case unicode.IsSpace(r):
			gap = true
			i += size
		case unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r):
			j := i
			for j < len(s) {
				r2, n := utf8.DecodeRuneInString(s[j:])
				if !unicode.IsLetter(r2) && !unicode.IsDigit(r2) && !unicode.Is(unicode.Mn, r2) {
					break
				}
				j += n
			}
			w := s[i:j]
			if first {
				w = strings.ToLower(w)
			}
			out = append(out, gapItem{key: "w:" + foldYo(w), text: s[i:j], gap: gap})
			gap, first = false, false
			i = j
		default:
			if r == '’' || r == '‘' {
				r = '\''
			}
			out = append(out, gapItem{key: "p:" + string(r), text: s[i : i+size], gap: gap})
			gap = false
			i += size
		}
	}
	return out
}

// closing and opening signs: no space before the one, none after the
// other, in prose of any of the brief's languages.
const (
	closingSigns = ",.;:!?)]»”%…"
	openingSigns = "([«„"
)

// checkSpacing: each sentence of the reply spaced as its draft sentence.
func (lk *Locked) checkSpacing(d, p *parsedText) []Issue {
	if len(d.blocks) != len(p.blocks) {
		return nil
	}
	dBy, pBy := d.sentencesByBlock(), p.sentencesByBlock()
	var out []Issue
	for b := range dBy {
		if len(dBy[b]) != len(pBy[b]) {
			continue // reported by checkAlignment
		}
		for k := range dBy[b] {
			ds, ps := d.sents[dBy[b][k]], p.sents[pBy[b][k]]
			if why := lk.spacingDiff(lk.gapItems(ds.text), lk.gapItems(ps.text)); why != "" {
				out = append(out, Issue{Text: clip(ps.surface, 80), Why: why})
			}
		}
	}
	return out
}

func (lk *Locked) spacingDiff(d, p []gapItem) string {
	type pair struct{ a, b string }
	// gapBit: the bit of a pair's gaps that says "a space" or "none"
	gapBit := func(gap bool) uint8 {
		if gap {
			return 2
		}
		return 1
	}
	draft := make(map[pair]uint8, len(d))
	for i := 1; i < len(d); i++ {
		draft[pair{d[i-1].key, d[i].key}] |= gapBit(d[i].gap)
	}
	for i := 1; i < len(p); i++ {
		a, b := p[i-1], p[i]
		shown := func() string {
			if b.gap {
				return lk.surface(a) + " " + lk.surface(b)
			}
			return lk.surface(a) + lk.surface(b)
		}
		if gaps, ok := draft[pair{a.key, b.key}]; ok {
			if gaps&gapBit(b.gap) == 0 {
				if b.gap {
					return fmt.Sprintf("%q: a space the draft's sentence does not have there (a polish keeps the draft's spacing)", shown())
				}
				return fmt.Sprintf("%q: the draft's sentence has a space there (a polish keeps the draft's spacing)", shown())
			}
			continue
		}
		aSign, bSign := strings.HasPrefix(a.key, "p:"), strings.HasPrefix(b.key, "p:")
		switch {
		case !aSign && !bSign && !b.gap:
			return fmt.Sprintf("%q: two words run together (a polish keeps the draft's spacing)", shown())
		case bSign && b.gap && strings.Contains(closingSigns, b.key[2:]):
			return fmt.Sprintf("%q: a space before a closing sign (a polish keeps the draft's spacing)", shown())
		case aSign && b.gap && strings.Contains(openingSigns, a.key[2:]):
			return fmt.Sprintf("%q: a space after an opening sign (a polish keeps the draft's spacing)", shown())
		}
	}
	return ""
}

// surface is how an item reads: a token as its slot's text.
func (lk *Locked) surface(it gapItem) string {
	if strings.HasPrefix(it.text, tokenOpen) {
		id := strings.TrimSuffix(strings.Trim(it.text, "⟦⟧"), "~")
		if n, ok := lk.byID[id]; ok {
			return clip(lk.Slots[n].Text, 30)
		}
	}
	return it.text
}
