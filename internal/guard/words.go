package guard

import (
	"fmt"
	"sort"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Sanitize makes a reply what a reader would see: Unicode NFKC (full-
// width digits and letters, ligatures, compatibility signs folded), line
// ends "\n", and no bidirectional or zero-width controls (a bidi override
// can show a figure other than the one stored).
func Sanitize(s string) string {
	s = normaliseLines(s)
	s = strings.Map(func(r rune) rune {
		switch {
		case r == '\n' || r == '\t':
			return r
		case r == '\u00a0' || r == '\u202f' || r == '\u2007':
			return r // NFKC turns these into spaces; kept as written
		case unicode.Is(unicode.Cf, r) || unicode.Is(unicode.Cc, r) || r == '\u2028' || r == '\u2029':
			return -1
		}
		return r
	}, s)
	return norm.NFKC.String(s)
}

func normaliseLines(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	return strings.ReplaceAll(s, "\r", "\n")
}

// claimWords counts the words of each claim class in text: words and
// phrases of the lexicon, hyphenated words and their parts; "up" and
// "down" only before a figure or "from", "on", "by".
func (l *lexicon) claimWords(text string) map[string]map[string]int {
	out := map[string]map[string]int{}
	add := func(class, w string) {
		if out[class] == nil {
			out[class] = map[string]int{}
		}
		out[class][w]++
	}
	ws := wordsOf(text)
	lower := make([]string, len(ws))
	for i, w := range ws {
		lower[i] = strings.ToLower(strings.ReplaceAll(w.text, "’", "'"))
	}
	for i, w := range lower {
		for _, c := range l.classes[w] {
			// "reached $27.8 billion", "hit 12 million": an amount, not
			// a completion.
			if c == clDone && i+1 < len(ws) && figureNext(text[ws[i].end:]) {
				continue
			}
			// "to be built", "will be completed": a plan, said as such.
			if c == clDone && i > 0 && (lower[i-1] == "be" || lower[i-1] == "to" || lower[i-1] == "being") {
				continue
			}
			add(c, w)
		}
		if strings.ContainsAny(w, "-‑") && l.classes[w] == nil {
			for _, part := range strings.FieldsFunc(w, func(r rune) bool { return r == '-' || r == '‑' }) {
				for _, c := range l.classes[part] {
					add(c, part)
				}
			}
		}
		if w == "up" || w == "down" {
			if i+1 < len(ws) {
				nxt := lower[i+1]
				r := []rune(text[ws[i].end:ws[i+1].start])
				if unicode.IsDigit([]rune(nxt)[0]) || nxt == "from" || nxt == "on" || nxt == "by" || strings.ContainsAny(string(r), "$€£₽₸+-−") {
					if w == "up" {
						add(clUp, w)
					} else {
						add(clDown, w)
					}
				}
			}
		}
		for n := 2; n <= l.maxPhrase && i+n <= len(lower); n++ {
			ph := strings.Join(lower[i:i+n], " ")
			for _, c := range l.classes[ph] {
				add(c, ph)
			}
		}
	}
	// "cannot" and "n't" are negations however spelled.
	return out
}

// units pairs the draft's sentences with the reply's: sentences linked
// by a claim form one unit; sentences with no claim form one unit per
// block.
func (lk *Locked) units(d, p *parsedText) [][2][]int {
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

// checkWords compares the claim words of each unit: negation (as many),
// opinion and modality (the same words), every other class (present in
// both or neither); and the direction each figure's clause gives it.
func (lk *Locked) checkWords(d, p *parsedText) []Issue {
	var out []Issue
	for _, u := range lk.units(d, p) {
		var dt, rt []string
		for _, i := range u[0] {
			dt = append(dt, d.sents[i].surface)
		}
		for _, i := range u[1] {
			rt = append(rt, p.sents[i].surface)
		}
		draft, reply := strings.Join(dt, " "), strings.Join(rt, " ")
		dw, rw := lk.lex.claimWords(draft), lk.lex.claimWords(reply)
		where := clip(reply, 80)
		if reply == "" {
			where = clip(draft, 80)
		}
		for _, c := range claimClasses {
			switch c {
			case clNegation:
				if sum(dw[c]) != sum(rw[c]) {
					out = append(out, Issue{Text: where, Why: fmt.Sprintf("%d negations (%s) where the draft has %d (%s)", sum(rw[c]), wordList(rw[c]), sum(dw[c]), wordList(dw[c]))})
				}
			case clOpinion, clModal:
				for w := range rw[c] {
					if dw[c][w] == 0 {
						out = append(out, Issue{Text: where, Why: fmt.Sprintf("adds %q (%s) that the draft does not say", w, classNoun(c))})
					}
				}
				for w := range dw[c] {
					if rw[c][w] == 0 {
						out = append(out, Issue{Text: where, Why: fmt.Sprintf("drops the draft's %q (%s)", w, classNoun(c))})
					}
				}
			default:
				switch {
				case len(rw[c]) > 0 && len(dw[c]) == 0:
					out = append(out, Issue{Text: where, Why: fmt.Sprintf("adds %s (%s) that the draft's sentence does not say", classNoun(c), wordList(rw[c]))})
				case len(dw[c]) > 0 && len(rw[c]) == 0:
					out = append(out, Issue{Text: where, Why: fmt.Sprintf("drops the draft's %s (%s)", classNoun(c), wordList(dw[c]))})
				}
			}
		}
	}
	out = append(out, lk.checkDirections(d, p)...)
	sort.SliceStable(out, func(i, j int) bool { return out[i].String() < out[j].String() })
	return out
}

// checkDirections: a figure's clause may not give it another direction
// than the draft's clause gives it ("exports rose while imports fell"
// turned round).
func (lk *Locked) checkDirections(d, p *parsedText) []Issue {
	dir := func(pt *parsedText, o occurrence) string {
		st := pt.sents[o.sent].text
		b := clauseBounds(st)
		j := o.clause % 1000
		a, e := 0, len(st)
		if j > 0 && j-1 < len(b) {
			a = b[j-1]
		}
		if j < len(b) {
			e = b[j]
		}
		w := lk.lex.claimWords(st[a:e])
		var ds []string
		for _, c := range []string{clUp, clDown, clFlat} {
			if len(w[c]) > 0 {
				ds = append(ds, c)
			}
		}
		return strings.Join(ds, "+")
	}
	draftOcc := map[int]occurrence{}
	for _, o := range d.occ {
		draftOcc[o.slot] = o
	}
	var out []Issue
	for _, o := range p.occ {
		s := lk.Slots[o.slot]
		if o.extra || s.kind != kindFigure {
			continue
		}
		a, b := dir(d, draftOcc[o.slot]), dir(p, o)
		if a != "" && b != "" && !strings.Contains(a, "+") && !strings.Contains(b, "+") && a != b {
			out = append(out, Issue{Slot: s.ID, Text: s.Text, Why: fmt.Sprintf("goes %s here but %s in the draft", b, a)})
		}
	}
	return out
}

func sum(m map[string]int) int {
	n := 0
	for _, v := range m {
		n += v
	}
	return n
}

func wordList(m map[string]int) string {
	if len(m) == 0 {
		return "none"
	}
	ws := make([]string, 0, len(m))
	for w := range m {
		ws = append(ws, fmt.Sprintf("%q", w))
	}
	sort.Strings(ws)
	return strings.Join(ws, ", ")
}

func classNoun(c string) string {
	switch c {
	case clNegation:
		return "a negation"
	case clCancel:
		return "a cancellation"
	case clPlan:
		return "a plan or target"
	case clDone:
		return "a completion"
	case clUp:
		return "a rise"
	case clDown:
		return "a fall"
	case clFlat:
		return "no change"
	case clBetter:
		return "an improvement"
	case clWorse:
		return "a deterioration"
	case clCause:
		return "a cause"
	case clOpinion:
		return "an opinion or speculation"
	case clModal:
		return "a modality"
	case clRank:
		return "a rank"
	case clHigh:
		return "a high or maximum"
	case clLow:
		return "a low or minimum"
	case clFaster:
		return "an acceleration"
	case clSlower:
		return "a slowdown"
	case clRevised:
		return "a revision"
	case clAttrib:
		return "an attribution"
	case clPeriod:
		return "a part of a period"
	}
	return c
}

// figureNext: the text goes on with a figure ("$27.8", "12", "about 3").
func figureNext(s string) bool {
	s = strings.TrimLeft(s, " ")
	for _, h := range []string{"about ", "around ", "some ", "nearly ", "almost ", "roughly "} {
		s = strings.TrimPrefix(s, h)
	}
	for _, r := range s {
		return unicode.IsDigit(r) || strings.ContainsRune("$€£₽₸¥+-−", r)
	}
	return false
}
