package guard

import (
	"regexp"
	"strings"
	"unicode"
)

// A range's two ends are bounds of what the week (or the period) saw:
// "the week's range was 22.79 to 24.12 million", «колебалось в
// пределах 22,79 млн–24,12 млн». Red team round 19 (blind, the
// helper's r11) found two ways a rounding moved them: the Russian list
// of roundable figures offered the low end, so "about 23 million" moved
// the week's minimum; and in English the low end, written without its
// scale word ("22.79"), read as a bare 22.79, so rounding the week's
// base "22.59 million" to "about 23 million" put it above the week's
// low (a running total that fell) and no comparison saw it.

// rangeDash: two figure tokens joined by a dash are a range
// ("⟦F1⟧–⟦F2⟧", "⟦F1⟧ — ⟦F2⟧").
var rangeDash = lazy(`⟦F(\d+)⟧\x{00a0}?\s?[–—-]\s?⟦F(\d+)⟧`)

// rangeTo: "⟦F1⟧ to ⟦F2⟧" is a range when its sentence says so (range,
// ranged, between): "rose from ⟦F1⟧ to ⟦F2⟧" is a change, rounded by
// the other rules.
var rangeTo = lazy(`⟦F(\d+)⟧ (?:to|and) ⟦F(\d+)⟧`)

// tokenPairs is FindAllStringSubmatchIndex of at, a pattern anchored
// at its start whose matches open with a figure token and are short: it
// is tried only where one opens (a 64 KB section is not searched from
// every byte).
func tokenPairs(text string, at *regexp.Regexp) [][]int {
	var out [][]int
	for i := 0; i < len(text); {
		k := strings.Index(text[i:], "⟦F")
		if k < 0 {
			break
		}
		i += k
		m := at.FindStringSubmatchIndex(text[i:min(len(text), i+64)])
		if m == nil {
			i += len("⟦F")
			continue
		}
		for j := range m {
			if m[j] >= 0 {
				m[j] += i
			}
		}
		out = append(out, m)
		i = m[1]
	}
	return out
}

// rangeWords are the words that make "X to Y" (or "X and Y") a range.
var rangeWords = []string{"range", "ranged", "ranging", "between"}

// findRanges maps each range's low end slot to its high end's.
func (lk *Locked) findRanges(text string) map[int]int {
	out := map[int]int{}
	add := func(a, b string) {
		i, ok1 := lk.byID["F"+a]
		j, ok2 := lk.byID["F"+b]
		if ok1 && ok2 {
			out[i] = j
		}
	}
	for _, loc := range tokenPairs(text, rangeDash.at()) {
		add(text[loc[2]:loc[3]], text[loc[4]:loc[5]])
	}
	for _, loc := range tokenPairs(text, rangeTo.at()) {
		start := strings.LastIndexAny(text[:loc[0]], ".!?\n") + 1
		before := strings.ToLower(text[start:loc[0]])
		for _, w := range rangeWords {
			if wordIn(before, w) {
				add(text[loc[2]:loc[3]], text[loc[4]:loc[5]])
				break
			}
		}
	}
	return out
}

// wordIn: w stands in s as a whole word.
func wordIn(s, w string) bool {
	for i := 0; ; {
		k := strings.Index(s[i:], w)
		if k < 0 {
			return false
		}
		k += i
		before := k == 0 || !unicode.IsLetter(rune(s[k-1]))
		after := k+len(w) == len(s) || !unicode.IsLetter(rune(s[k+len(w)]))
		if before && after {
			return true
		}
		i = k + len(w)
	}
}

// rangeEnd: slot i is one end of a range.
func (lk *Locked) rangeEnd(i int) bool {
	if _, ok := lk.rangeHigh[i]; ok {
		return true
	}
	for _, j := range lk.rangeHigh {
		if j == i {
			return true
		}
	}
	return false
}

// rangeValue is a range's low end read in its high end's scale and unit
// when it is written bare ("22.79" of "22.79 to 24.12 million"): the
// high end's text with its number replaced by the low end's.
func (lk *Locked) rangeValue(i int) (float64, string, bool) {
	j, ok := lk.rangeHigh[i]
	if !ok {
		return 0, "", false
	}
	low, high := lk.Slots[i].Text, lk.Slots[j].Text
	if strings.ContainsFunc(low, unicode.IsLetter) || strings.ContainsAny(low, "$€£¥₽₸%") {
		return 0, "", false // the low end says its own scale or unit
	}
	a := strings.IndexFunc(high, unicode.IsDigit)
	if a < 0 {
		return 0, "", false
	}
	e := a
	for e < len(high) && (high[e] >= '0' && high[e] <= '9' || high[e] == '.' || high[e] == ',') {
		e++
	}
	return lk.figureValue(high[:a] + low + high[e:])
}
