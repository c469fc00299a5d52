package guard

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Sanitize makes a reply what a reader would see: Unicode NFKC (full-
// width digits and letters, ligatures, compatibility signs folded), line
// ends "\n", no bidirectional or zero-width controls (a bidi override
// can show a figure other than the one stored), and every space
// separator but the no-break ones a plain space.
func Sanitize(s string) string { return sanitizeKeep(s, nil) }

// sanitizeKeep is Sanitize that keeps the runes of keep as written: the
// runes of the draft NFKC would change ("″" would become "′′", and the
// draft's own text would no longer match itself: red team, round 8).
func sanitizeKeep(s string, keep map[rune]bool) string {
	s = normaliseLines(s)
	s = strings.Map(func(r rune) rune {
		switch {
		case r == '\n' || r == '\t':
			return r
		case r == '\u00a0' || r == '\u202f' || r == '\u2007':
			return r // NFKC turns these into spaces; kept as written
		case unicode.Is(unicode.Cf, r) || unicode.Is(unicode.Cc, r) || r == '\u2028' || r == '\u2029':
			return -1
		case r != ' ' && unicode.Is(unicode.Zs, r) && !keep[r]:
			// every other space separator is printed as a plain space: the
			// guard reads it as one, and some have a glyph (U+1680 OGHAM
			// SPACE MARK is a dash in DejaVu Sans: "stood at‒0.25%" read
			// as a negative rate; red team round 41)
			return ' '
		}
		return r
	}, s)
	// NFKC turns the no-break spaces into plain ones: fold the text
	// between them, and keep them as written (a Russian or Kazakh figure
	// holds them: "27,8\u00a0млрд").
	kept := func(r rune) bool { return r == '\u00a0' || r == '\u202f' || r == '\u2007' || keep[r] }
	if strings.IndexFunc(s, kept) < 0 {
		return norm.NFKC.String(s)
	}
	var b strings.Builder
	for {
		i := strings.IndexFunc(s, kept)
		if i < 0 {
			b.WriteString(norm.NFKC.String(s))
			return b.String()
		}
		b.WriteString(norm.NFKC.String(s[:i]))
		_, n := utf8.DecodeRuneInString(s[i:])
		b.WriteString(s[i : i+n])
		s = s[i+n:]
	}
}

func normaliseLines(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	return strings.ReplaceAll(s, "\r", "\n")
}

// units pairs the draft's sentences with the reply's: sentences linked
// by a claim form one unit; sentences with no claim form one unit per
// block.
func (lk *Locked) units(d, p *parsedText) [][2][]int {
	if p.units == nil {
		p.units = lk.makeUnits(d, p)
	}
	return p.units
}

func (lk *Locked) makeUnits(d, p *parsedText) [][2][]int {
	parent := map[string]string{}
	var find func(string) string
	find = func(x string) string {
		if parent[x] == "" || parent[x] == x {
			parent[x] = x
			return x
		}
		r := find(parent[x])
		parent[x] = r
		return r
	}
	for _, o := range p.occ {
		if !o.extra {
			parent[find(fmt.Sprintf("r%d", o.sent))] = find(fmt.Sprintf("d%d", lk.Slots[o.slot].sent))
		}
	}
	groups := map[string]*[2][]int{}
	var order []string
	get := func(k string) *[2][]int {
		if groups[k] == nil {
			groups[k] = &[2][]int{}
			order = append(order, k)
		}
		return groups[k]
	}
	linkedD, linkedR := map[int]bool{}, map[int]bool{}
	for _, o := range p.occ {
		if !o.extra {
			linkedD[lk.Slots[o.slot].sent] = true
			linkedR[o.sent] = true
		}
	}
	for i, s := range d.sents {
		k := find(fmt.Sprintf("d%d", i))
		if !linkedD[i] {
			k = fmt.Sprintf("b%d", s.block)
		}
		g := get(k)
		g[0] = append(g[0], i)
	}
	for i, s := range p.sents {
		k := find(fmt.Sprintf("r%d", i))
		if !linkedR[i] {
			k = fmt.Sprintf("b%d", s.block)
		}
		g := get(k)
		g[1] = append(g[1], i)
	}
	out := make([][2][]int, 0, len(order))
	for _, k := range order {
		out = append(out, *groups[k])
	}
	return out
}

// stem strips a plural, past, gerund, adverb or possessive ending, so
// that "stated" and "states" are one word.
func stem(w string) string {
	w = strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "’s")
	for _, s := range []string{"ments", "ment", "ing", "ed", "es", "s", "ly"} {
		if len(w) > len(s)+3 && strings.HasSuffix(w, s) {
			return w[:len(w)-len(s)]
		}
	}
	return w
}
