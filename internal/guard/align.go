package guard

import (
	"fmt"
	"sort"
	"strings"
)

// A polish rewords in place. A rule-based checker cannot tell "A said to
// B" from "B said to A" once words may move, so the reply must keep,
// within each paragraph or list item, the draft's sentences (no split,
// no merge, in the draft's order) and, within each sentence, the order
// of every token and every content word: the reply's sequence of tokens
// and content words equals the draft's, item for item. An item may be
// replaced in place by a phrase of its [synonym] group, a word of its
// [interchangeable] claim class or another form of its stem
// ("reported" for "reports"); the [free-in-place] words of the lexicon
// (articles, "and", "of", "in"...) and punctuation may be added, dropped
// or changed around them. A hedge just before a rounded figure
// ("about ⟦F3~⟧") belongs to the figure, and so does "by" just before a
// figure ("rose by ⟦F1⟧", "rose ⟦F1⟧").

// alignItem is one token or content word of a sentence, in order.
type alignItem struct {
	key  string // what must match: "⟦" + the slot's key, or a word's canonical form
	text string // as written
	caps bool   // written in capitals for emphasis
}

// alignItems reads a tokenised sentence into its ordered items.
func (lk *Locked) alignItems(s string) []alignItem {
	var out []alignItem
	free := lk.lex.lists["free-in-place"]
	words := func(seg string) {
		for _, w := range lk.lex.unitWords(lk.markNegationPauses(seg)) {
			if !strings.HasPrefix(w.key, "syn:") && !strings.HasPrefix(w.key, "cls:") && free[strings.ToLower(w.text)] {
				continue
			}
			key := w.key
			if lk.lex.place[strings.ToLower(w.text)] > 0 {
				key = "place:" + strings.ToLower(w.text) // "first" never "second"
			}
			out = append(out, alignItem{key: key, text: w.text, caps: w.caps})
		}
	}
	last := 0
	for i := 0; i < len(s); {
		j := strings.Index(s[i:], tokenOpen)
		if j < 0 {
			break
		}
		j += i
		k := strings.Index(s[j:], tokenClose)
		if k < 0 {
			break
		}
		end := j + k + len(tokenClose)
		id := s[j+len(tokenOpen) : j+k]
		round := strings.HasSuffix(id, "~")
		id = strings.TrimSuffix(id, "~")
		words(s[last:j])
		key := tokenOpen + id
		if n, ok := lk.byID[id]; ok {
			key = tokenOpen + lk.key(n)
			if lk.Slots[n].kind == kindFigure {
				// A hedge may stand before a rounded figure, and "by"
				// before any figure ("down by about ⟦F2~⟧").
				if round && len(out) > 0 && lk.lex.hedge[strings.ToLower(out[len(out)-1].text)] {
					out = out[:len(out)-1]
				}
				if len(out) > 0 && strings.EqualFold(out[len(out)-1].text, "by") {
					out = out[:len(out)-1]
				}
			}
		}
		out = append(out, alignItem{key: key, text: s[j:end]})
		last, i = end, end
	}
	words(s[last:])
	return out
}

// checkAlignment: the same sentences in each block, and in each sentence
// the draft's tokens and content words in the draft's order.
func (lk *Locked) checkAlignment(d, p *parsedText) []Issue {
	if len(d.blocks) != len(p.blocks) {
		return nil // reported by compare
	}
	dByBlock := make([][]int, len(d.blocks))
	pByBlock := make([][]int, len(p.blocks))
	for i, s := range d.sents {
		dByBlock[s.block] = append(dByBlock[s.block], i)
	}
	for i, s := range p.sents {
		pByBlock[s.block] = append(pByBlock[s.block], i)
	}
	var out []Issue
	for b := range dByBlock {
		ds, ps := dByBlock[b], pByBlock[b]
		if len(ds) != len(ps) {
			text := ""
			if len(ps) > 0 {
				text = clip(p.sents[ps[0]].surface, 60)
			}
			out = append(out, Issue{Text: text, Why: fmt.Sprintf("%d sentences where the draft has %d: a polish may not split, merge or drop sentences", len(ps), len(ds))})
			continue
		}
		for i := range ds {
			di := lk.alignItems(d.sents[ds[i]].text)
			pi := lk.alignItems(p.sents[ps[i]].text)
			where := clip(p.sents[ps[i]].surface, 80)
			if why := alignDiff(lk, di, pi); why != "" {
				out = append(out, Issue{Text: where, Why: why})
				continue
			}
			for k := range pi {
				if pi[k].caps && !di[k].caps {
					out = append(out, Issue{Text: pi[k].text, Why: "a word in capitals (emphasis) that the draft does not write so"})
				}
			}
			dm, rm := markCount(d.sents[ds[i]].text), markCount(p.sents[ps[i]].text)
			var marks []string
			for k, n := range rm {
				if n > dm[k] {
					marks = append(marks, k)
				}
			}
			sort.Strings(marks)
			for _, k := range marks {
				out = append(out, Issue{Text: where, Why: fmt.Sprintf("%d %q signs where the draft's sentence has %d (a question, emphasis or scare quotes change what is said)", rm[k], k, dm[k])})
			}
		}
	}
	return out
}

// alignDiff says where two item sequences part, or "" if they match.
func alignDiff(lk *Locked, d, p []alignItem) string {
	n := min(len(d), len(p))
	for i := 0; i < n; i++ {
		if d[i].key != p[i].key {
			return fmt.Sprintf("%s where the draft's sentence has %s: a polish keeps the order of the draft's claims and words", lk.itemText(p[i]), lk.itemText(d[i]))
		}
	}
	switch {
	case len(p) > n:
		return fmt.Sprintf("adds %s at the end of the sentence", lk.itemText(p[n]))
	case len(d) > n:
		return fmt.Sprintf("drops the draft's %s", lk.itemText(d[n]))
	}
	return ""
}

// itemText quotes an item as a reader sees it (a token as its text).
func (lk *Locked) itemText(it alignItem) string {
	if strings.HasPrefix(it.text, tokenOpen) {
		id := strings.TrimSuffix(strings.Trim(it.text, "⟦⟧"), "~")
		if n, ok := lk.byID[id]; ok {
			return fmt.Sprintf("%q", clip(lk.Slots[n].Text, 40))
		}
	}
	return fmt.Sprintf("%q", it.text)
}

// negationPause stands for a stop just after a negation word: "No,
// a figure" says the opposite of "No figure".
const negationPause = "negationpause"

// markNegationPauses writes negationPause after every negation word that
// a comma, colon, semicolon, dash or full stop follows.
func (lk *Locked) markNegationPauses(seg string) string {
	var b strings.Builder
	last := 0
	for _, w := range wordsOf(seg) {
		neg := false
		for _, c := range lk.lex.classes[strings.ToLower(w.text)] {
			neg = neg || c == clNegation
		}
		if !neg {
			continue
		}
		rest := strings.TrimLeft(seg[w.end:], " ")
		if rest != "" && strings.ContainsAny(rest[:1], ",;:.") || strings.HasPrefix(rest, "—") || strings.HasPrefix(rest, "–") {
			b.WriteString(seg[last:w.end])
			b.WriteString(" " + negationPause + " ")
			last = w.end
		}
	}
	if last == 0 {
		return seg
	}
	b.WriteString(seg[last:])
	return b.String()
}
