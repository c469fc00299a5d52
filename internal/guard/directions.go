package guard

import (
	"fmt"
	"regexp"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// polarity is the direction a text gives a figure: up, down or flat, as a
// set (a clause that says both "rose" and "fell" is up|down: mixed).
type polarity uint8

const (
	dirUp polarity = 1 << iota
	dirDown
	dirFlat
)

func (p polarity) single() bool { return p == dirUp || p == dirDown || p == dirFlat }

func (p polarity) String() string {
	switch p {
	case dirUp:
		return "up"
	case dirDown:
		return "down"
	case dirFlat:
		return "unchanged"
	}
	return "mixed"
}

// Direction words of English prose. "up" and "down" count only before a
// figure or "from/on/by" ("up 4.2%", "down from $5 billion"), not in "set
// up" or "up to 12 million". "more" and "less" are left out: "2.4 pp more
// than" states a comparison the number already carries.
var directionWords = map[string]polarity{}

func init() {
	for _, w := range strings.Fields(`rise rises rose risen rising increase increases increased increasing
		grew grow grows grown growing growth gain gains gained gaining higher climb climbs climbed climbing
		jump jumps jumped surge surges surged soar soared rebound rebounded`) {
		directionWords[w] = dirUp
	}
	for _, w := range strings.Fields(`fall falls fell fallen falling decrease decreases decreased decreasing
		decline declines declined declining drop drops dropped dropping lower shrank shrink shrinks shrunk
		contract contracted contraction slump slumped plunge plunged slid slide slipped dip dipped`) {
		directionWords[w] = dirDown
	}
	for _, w := range strings.Fields(`unchanged flat`) {
		directionWords[w] = dirFlat
	}
}

var (
	tokenRE = regexp.MustCompile(`\pL+|\d+`)
	// Clause ends: sentence punctuation, a comma or semicolon, a new line,
	// and conjunctions that join two statements ("while imports fell").
	clauseEndRE = regexp.MustCompile(`(?i)[.!?](?:\s|$)|[,;:()\n]|\s(?:while|whereas|but|and)\s`)
)

// signBefore reads an explicit sign written just before a number: "-3.3%",
// "(−2)", "+4%". A hyphen after a digit or letter is a range or a compound
// ("2020-2024", "COVID-19"), not a sign.
func signBefore(s string, i int) polarity {
	r, n := utf8.DecodeLastRuneInString(s[:i])
	var p polarity
	switch r {
	case '-', '−':
		p = dirDown
	case '+':
		p = dirUp
	default:
		return 0
	}
	if prev, _ := utf8.DecodeLastRuneInString(s[:i-n]); unicode.IsLetter(prev) || unicode.IsDigit(prev) {
		return 0
	}
	return p
}

// wordPolarity is the set of directions the words of t state, and the
// first direction word found of each kind.
func wordPolarity(t string) (polarity, map[polarity]string) {
	var pol polarity
	first := map[polarity]string{}
	toks := tokenRE.FindAllString(t, -1)
	for i, tok := range toks {
		w := strings.ToLower(tok)
		d := directionWords[w]
		if w == "up" || w == "down" {
			if i+1 < len(toks) {
				next := strings.ToLower(toks[i+1])
				if next[0] >= '0' && next[0] <= '9' || next == "from" || next == "on" || next == "by" {
					d = map[string]polarity{"up": dirUp, "down": dirDown}[w]
				}
			}
		}
		if d != 0 {
			pol |= d
			if _, ok := first[d]; !ok {
				first[d] = tok
			}
		}
	}
	return pol, first
}

// clauses holds the clause ends of a text, found once: a text of a few
// thousand figures must not be scanned once per figure.
type clauses struct {
	s      string
	bounds [][2]int // [start, end) of each clause end, in order
}

func clausesOf(s string) clauses {
	c := clauses{s: s}
	for _, loc := range clauseEndRE.FindAllStringIndex(s, -1) {
		// A decimal point is no clause end: "27.8".
		if s[loc[0]] == '.' && loc[0] > 0 && loc[0]+1 < len(s) && s[loc[0]+1] >= '0' && s[loc[0]+1] <= '9' {
			continue
		}
		c.bounds = append(c.bounds, [2]int{loc[0], loc[1]})
	}
	return c
}

// at is the clause around byte offset i.
func (c clauses) at(i int) string {
	// The first clause end that finishes after i.
	k := sort.Search(len(c.bounds), func(k int) bool { return c.bounds[k][1] > i })
	start, end := 0, len(c.s)
	if k > 0 {
		start = c.bounds[k-1][1]
	}
	if k < len(c.bounds) && c.bounds[k][0] < i {
		k++ // an end that spans i does not end its clause
	}
	if k < len(c.bounds) {
		end = c.bounds[k][0]
	}
	return c.s[start:end]
}

// numberPolarity is the direction the text gives quantity q: its sign and
// the direction words of its clause.
func numberPolarity(c clauses, q quantity) polarity {
	pol, _ := wordPolarity(c.at(q.pos))
	return pol | q.sign
}

// checkDirections compares the direction of every figure with the
// draft's. A rewording may move a direction word around but not turn a
// fall into a rise, drop a minus sign, or report a rise or fall the draft
// does not report: "down 6.9%" may become "a 6.9% fall", never "up 6.9%"
// or a bare "6.9%" for a draft's "-6.9%".
func checkDirections(n numbers) []string {
	d, p, dq, pq, pairOf := n.d, n.p, n.dq, n.pq, n.pairOf
	var out []string
	dPol, _ := wordPolarity(d)
	pPol, pFirst := wordPolarity(p)
	for _, x := range dq {
		dPol |= x.sign
	}
	for _, q := range pq {
		if q.sign != 0 {
			if _, ok := pFirst[q.sign]; !ok {
				pFirst[q.sign] = q.text
			}
		}
		pPol |= q.sign
	}
	// A rise or fall the draft never reports is a new fact.
	for _, k := range []struct {
		dir  polarity
		verb string
	}{{dirUp, "rise"}, {dirDown, "fall"}} {
		if pPol&k.dir != 0 && dPol&k.dir == 0 {
			out = append(out, fmt.Sprintf("the polished text reports a %s (%q) that the draft does not", k.verb, pFirst[k.dir]))
		}
	}
	dc, pc := clausesOf(d), clausesOf(p)
	for i, q := range pq {
		j := pairOf[i]
		if j < 0 {
			continue
		}
		x := dq[j]
		if isYear(x) {
			continue // "2024" in "up 3.3% on December 2024" is a date, not the figure
		}
		pd, dd := numberPolarity(pc, q), numberPolarity(dc, x)
		switch {
		case pd.single() && dd.single() && pd != dd:
			out = append(out, fmt.Sprintf("number %q goes %s in the polished text but %s in the draft", q.text, pd, dd))
		case x.sign == dirDown && pd&dirDown == 0:
			out = append(out, fmt.Sprintf("number %q has lost the draft's minus sign: it now reads as a positive figure", q.text))
		}
	}
	return out
}

// isYear reports a plain four-digit number that reads as a year.
func isYear(q quantity) bool {
	return q.kind == "" && q.sign == 0 && q.unit == 1 && q.value >= 1900 && q.value <= 2100 && q.value == float64(int(q.value))
}
