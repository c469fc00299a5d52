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
		if (w == "up" || w == "down") && (i == 0 || !l.in("phrasal-up", lower[i-1])) {
			if i+1 < len(ws) {
				nxt := lower[i+1]
				// "down about 11%": the hedge of a rounded figure.
				if l.hedge[nxt] && i+2 < len(ws) {
					nxt = lower[i+2]
				}
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
			case clOpinion, clModal, clFreq:
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
	out = append(out, lk.checkRanks(d, p)...)
	out = append(out, lk.checkOrder(d, p)...)
	out = append(out, lk.checkToBy(d, p)...)
	out = append(out, lk.checkRespectively(d, p)...)
	out = append(out, lk.checkShareOf(d, p)...)
	sort.SliceStable(out, func(i, j int) bool { return out[i].String() < out[j].String() })
	return out
}

// checkDirections: a figure's clause may not give it another direction
// than the draft's clause gives it ("exports rose while imports fell"
// turned round).
func (lk *Locked) checkDirections(d, p *parsedText) []Issue {
	type ck struct {
		pt     *parsedText
		clause int
	}
	cache := map[ck]map[string]map[string]int{}
	words := func(pt *parsedText, o occurrence) map[string]map[string]int {
		k := ck{pt, o.clause}
		if w, ok := cache[k]; ok {
			return w
		}
		var w map[string]map[string]int
		for _, cl := range clauseTexts(pt.sents[o.sent].text) {
			if cl.index == o.clause%1000 {
				w = lk.lex.claimWords(cl.text)
			}
		}
		cache[k] = w
		return w
	}
	dir := func(pt *parsedText, o occurrence) string {
		w := words(pt, o)
		var ds []string
		for _, c := range []string{clUp, clDown, clFlat} {
			if len(w[c]) > 0 {
				ds = append(ds, c)
			}
		}
		return strings.Join(ds, "+")
	}
	before := func(pt *parsedText, o occurrence) bool {
		return len(words(pt, o)[clPrevious]) > 0
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
		if before(d, draftOcc[o.slot]) != before(p, o) {
			out = append(out, Issue{Slot: s.ID, Text: s.Text, Why: "said of the period before here but not in the draft, or the reverse (figures of two periods swapped?)"})
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
	case clFreq:
		return "a frequency"
	case clRecord:
		return "a record"
	case clEarlier:
		return "an earlier date"
	case clLater:
		return "a later date"
	case clNew:
		return "something new"
	case clCumul:
		return "a running total"
	}
	return c
}

// figureNext: the text goes on with a figure ("$27.8", "12", "about 3").
func figureNext(s string) bool {
	s = strings.TrimLeft(s, " ")
	for h := range english().hedge {
		s = strings.TrimPrefix(s, h+" ")
	}
	for _, r := range s {
		return unicode.IsDigit(r) || strings.ContainsRune("$€£₽₸¥+-−", r)
	}
	return false
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

var hyphens = strings.NewReplacer("-", " ", "‑", " ")

// contentWords are the words of s that carry content: four letters or
// more, not in the lexicon's lists (function words, connectives, claim
// words), by stem.
func (l *lexicon) contentWords(s string) map[string]string {
	out := map[string]string{}
	for _, w := range wordsOf(hyphens.Replace(s)) {
		lw := strings.ToLower(strings.ReplaceAll(w.text, "’", "'"))
		if utf8Len(lw) < 4 || strings.IndexFunc(lw, unicode.IsDigit) >= 0 {
			continue
		}
		st := stem(lw)
		if l.all[lw] || l.common[lw] || l.all[st] || l.common[st] {
			continue
		}
		out[st] = w.text
	}
	return out
}

// checkContent: the reply's free text uses no content word the draft
// does not use (a new word is a new claim: "weapons" for "chemicals",
// "as the war disrupted supply"), and each block keeps the content words
// of its draft (a sentence dropped, a list member left out).
func (lk *Locked) checkContent(d, p *parsedText) []Issue {
	draftAll := map[string]bool{}
	for st := range lk.lex.contentWords(lk.Draft) {
		draftAll[st] = true
	}
	var out []Issue
	seen := map[string]bool{}
	for _, s := range p.sents {
		free := tokenRE.re().ReplaceAllString(s.text, " ")
		for st, w := range lk.lex.contentWords(free) {
			if !draftAll[st] && !seen[st] {
				seen[st] = true
				out = append(out, Issue{Text: w, Why: "a word the draft does not use (a new claim?)"})
			}
		}
	}
	if len(d.blocks) != len(p.blocks) {
		return out
	}
	dfree, rfree := map[int]*strings.Builder{}, map[int]*strings.Builder{}
	add := func(m map[int]*strings.Builder, b int, t string) {
		if m[b] == nil {
			m[b] = &strings.Builder{}
		}
		m[b].WriteString(" ")
		m[b].WriteString(t)
	}
	for _, s := range d.sents {
		add(dfree, s.block, tokenRE.re().ReplaceAllString(s.text, " "))
	}
	for _, s := range p.sents {
		add(rfree, s.block, s.surface)
	}
	for b, t := range dfree {
		r := ""
		if rfree[b] != nil {
			r = rfree[b].String()
		}
		kept := lk.lex.contentWords(r)
		var lost []string
		for st, w := range lk.lex.contentWords(t.String()) {
			if _, ok := kept[st]; !ok {
				lost = append(lost, fmt.Sprintf("%q", w))
			}
		}
		sort.Strings(lost)
		// One word may go in a rewording ("gives"); a sentence or a list
		// member dropped loses more.
		if len(lost) > 1 {
			out = append(out, Issue{Text: clip(r, 60), Why: "drops the draft's words " + strings.Join(lost, ", ")})
		}
	}
	return out
}

// checkRanks: an ordinal of the draft is kept ("first nuclear power
// plant" never "second"), and an ordinal the reply adds beside an entity
// is that entity's place in the draft's ranking: the first entity of
// each clause of the block's sentences that rank ("the highest", "Next
// came A, B and C").
func (lk *Locked) checkRanks(d, p *parsedText) []Issue {
	var out []Issue
	ords := func(t string) map[string]int {
		m := map[string]int{}
		for _, w := range wordsOf(t) {
			if lk.lex.place[strings.ToLower(w.text)] > 0 {
				m[strings.ToLower(w.text)]++
			}
		}
		return m
	}
	for _, u := range lk.units(d, p) {
		var dt, rt []string
		for _, i := range u[0] {
			dt = append(dt, d.sents[i].surface)
		}
		for _, i := range u[1] {
			rt = append(rt, p.sents[i].surface)
		}
		do, ro := ords(strings.Join(dt, " ")), ords(strings.Join(rt, " "))
		for w := range do {
			if ro[w] == 0 {
				out = append(out, Issue{Text: clip(strings.Join(rt, " "), 80), Why: fmt.Sprintf("drops the draft's %q", w)})
			}
		}
	}
	// The draft's ranking, per block.
	rank := map[int][]string{} // block -> entity keys in order
	for si, s := range d.sents {
		w := lk.lex.claimWords(s.surface)
		if len(w[clHigh]) == 0 && len(w[clLow]) == 0 && len(w[clRank]) == 0 {
			continue
		}
		firstOf := map[int]bool{}
		for _, oi := range s.occ {
			o := d.occ[oi]
			if !lk.isEntity(o.slot) || firstOf[o.clause] {
				continue
			}
			firstOf[o.clause] = true
			k := lk.key(o.slot)
			dup := false
			for _, x := range rank[s.block] {
				dup = dup || x == k
			}
			if !dup {
				rank[s.block] = append(rank[s.block], k)
			}
		}
		_ = si
	}
	for _, s := range p.sents {
		for _, cl := range clauseTexts(s.text) {
			n := 0
			for _, w := range wordsOf(cl.text) {
				if k := lk.lex.place[strings.ToLower(w.text)]; k > 0 {
					n = k
				}
			}
			if n == 0 {
				continue
			}
			for _, oi := range s.occ {
				o := p.occ[oi]
				if o.clause%1000 != cl.index || !lk.isEntity(o.slot) {
					continue
				}
				r := rank[s.block]
				if len(r) == 0 {
					break
				}
				if n > len(r) || r[n-1] != lk.key(o.slot) {
					out = append(out, Issue{Slot: lk.Slots[o.slot].ID, Text: lk.Slots[o.slot].Text, Why: fmt.Sprintf("placed %d here; the draft's ranking is %s", n, strings.Join(r, ", "))})
				}
				break
			}
		}
	}
	return out
}

type clauseText struct {
	index int
	text  string
}

// clauseTexts cuts a tokenised sentence into its clauses.
func clauseTexts(st string) []clauseText {
	b := clauseBounds(st)
	var out []clauseText
	a := 0
	for i := 0; i <= len(b); i++ {
		e := len(st)
		if i < len(b) {
			e = b[i]
		}
		out = append(out, clauseText{index: i, text: st[a:e]})
		a = e
	}
	return out
}

// checkOrder: two entities that one clause of the draft names, in one
// clause of the reply, stand in the draft's order: "Russia exports more
// to Kazakhstan" may not become "Kazakhstan exports more to Russia".
func (lk *Locked) checkOrder(d, p *parsedText) []Issue {
	type pair struct{ a, b string }
	draftPairs := map[pair]bool{}
	byClause := func(pt *parsedText) map[int][]string {
		m := map[int][]string{}
		for _, o := range pt.occ {
			if lk.isEntity(o.slot) {
				m[o.clause] = append(m[o.clause], lk.key(o.slot))
			}
		}
		return m
	}
	clausePairs := map[int]map[pair]bool{}
	for c, ks := range byClause(d) {
		clausePairs[c] = map[pair]bool{}
		for i := range ks {
			for j := i + 1; j < len(ks); j++ {
				if ks[i] != ks[j] {
					draftPairs[pair{ks[i], ks[j]}] = true
					clausePairs[c][pair{ks[i], ks[j]}] = true
				}
			}
		}
	}
	var out []Issue
	seen := map[pair]bool{}
	for _, s := range p.sents {
		for _, cl := range clauseTexts(s.text) {
			type at struct {
				key string
				pos int
			}
			var es []at
			for _, m := range tokenRE.re().FindAllStringSubmatchIndex(cl.text, -1) {
				if k, ok := lk.byID[cl.text[m[2]:m[3]]+cl.text[m[4]:m[5]]]; ok && lk.isEntity(k) {
					es = append(es, at{lk.key(k), m[0]})
				}
			}
			for i := range es {
				for j := i + 1; j < len(es); j++ {
					x := pair{es[i].key, es[j].key}
					dp := map[pair]bool{}
					for _, oi := range s.occ {
						o := p.occ[oi]
						if o.clause%1000 == cl.index && !o.extra {
							for q := range clausePairs[lk.Slots[o.slot].clause] {
								dp[q] = true
							}
						}
					}
					if !dp[pair{x.b, x.a}] || dp[x] || seen[x] || !relation(cl.text[es[i].pos:es[j].pos]) {
						continue
					}
					seen[x] = true
					out = append(out, Issue{Text: x.a[1:] + " … " + x.b[1:], Why: "two names of one clause of the draft stand in the reverse order (who did what to whom may have turned round)"})
				}
			}
		}
	}
	return out
}

// relation: words between two names that say who acts on whom.
func relation(between string) bool {
	// "(Kazakhstan with Russia)": a counterpart, said next to its entity.
	if i := strings.Index(between, tokenClose); i >= 0 && between[i+len(tokenClose):] == " with " {
		return true
	}
	for _, w := range wordsOf(strings.ToLower(between)) {
		if english().in("relation", w.text) {
			return true
		}
	}
	return false
}

// checkToBy: "rose to 90" (a level) is not "rose by 90" (a change).
func (lk *Locked) checkToBy(d, p *parsedText) []Issue {
	prev := func(pt *parsedText, o occurrence) string {
		st := pt.sents[o.sent].text
		i := strings.Index(st, tokenOpen+lk.Slots[o.slot].ID)
		if i < 0 {
			return ""
		}
		ws := strings.Fields(strings.ToLower(st[:i]))
		if len(ws) == 0 {
			return ""
		}
		return ws[len(ws)-1]
	}
	draftPrev := map[int]string{}
	for _, o := range d.occ {
		draftPrev[o.slot] = prev(d, o)
	}
	var out []Issue
	for _, o := range p.occ {
		s := lk.Slots[o.slot]
		if o.extra || s.kind != kindFigure {
			continue
		}
		a, b := draftPrev[o.slot], prev(p, o)
		if a != b && (a == "to" && b == "by" || a == "by" && b == "to") {
			out = append(out, Issue{Slot: s.ID, Text: s.Text, Why: fmt.Sprintf("%q before it where the draft has %q (a change is not a level)", b, a)})
		}
	}
	return out
}

// checkRespectively: "A and B had X and Y respectively" pairs by order:
// the names and the figures keep the draft's order.
func (lk *Locked) checkRespectively(d, p *parsedText) []Issue {
	order := func(pt *parsedText, si int, kind byte) []string {
		var ks []string
		for _, oi := range pt.sents[si].occ {
			o := pt.occ[oi]
			if lk.Slots[o.slot].kind == kind && (kind != kindName || lk.isEntity(o.slot)) {
				ks = append(ks, lk.key(o.slot))
			}
		}
		return ks
	}
	var out []Issue
	for ri, s := range p.sents {
		if !strings.Contains(strings.ToLower(s.text), "respectively") {
			continue
		}
		for _, oi := range s.occ {
			ds := lk.Slots[p.occ[oi].slot].sent
			if !strings.Contains(strings.ToLower(d.sents[ds].text), "respectively") {
				continue
			}
			for _, k := range []byte{kindName, kindFigure} {
				if a, b := strings.Join(order(d, ds, k), "|"), strings.Join(order(p, ri, k), "|"); a != b {
					out = append(out, Issue{Text: clip(s.surface, 80), Why: "a \"respectively\" list whose names or figures are in another order than the draft's"})
				}
			}
			break
		}
	}
	return out
}

// checkShareOf: a percentage keeps what it is a share of ("64.7% of the
// total" never "64.7% of Russia's trade").
func (lk *Locked) checkShareOf(d, p *parsedText) []Issue {
	of := func(pt *parsedText, o occurrence) string {
		st := pt.sents[o.sent].text
		tok := tokenOpen + lk.Slots[o.slot].ID
		i := strings.Index(st, tok)
		if i < 0 {
			return ""
		}
		rest := st[i+len(tok):]
		rest = rest[strings.Index(rest, tokenClose)+len(tokenClose):]
		if !strings.HasPrefix(rest, " of ") {
			return ""
		}
		rest = rest[4:]
		if j := strings.IndexAny(rest, ".,;:()⟦"); j >= 0 {
			rest = rest[:j]
		}
		ws := strings.Fields(rest)
		if len(ws) > 3 {
			ws = ws[:3]
		}
		return strings.Join(ws, " ")
	}
	draft := map[int]string{}
	for _, o := range d.occ {
		if f := lk.Slots[o.slot].fig; f != nil && f.kind == "%" {
			draft[o.slot] = of(d, o)
		}
	}
	var out []Issue
	for _, o := range p.occ {
		a := draft[o.slot]
		if a == "" || o.extra {
			continue
		}
		if b := of(p, o); b != a {
			s := lk.Slots[o.slot]
			out = append(out, Issue{Slot: s.ID, Text: s.Text, Why: fmt.Sprintf("a share of %q here, of %q in the draft", b, a)})
		}
	}
	return out
}
