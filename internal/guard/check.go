package guard

import (
	"fmt"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Issue is one reason to refuse a reply, tied to a claim where there is
// one: the slot, the text concerned and why.
type Issue struct {
	Slot string `json:"slot,omitempty"`
	Text string `json:"text,omitempty"`
	Why  string `json:"why"`
}

func (i Issue) String() string {
	switch {
	case i.Slot != "" && i.Text != "":
		return fmt.Sprintf("%s %q: %s", i.Slot, i.Text, i.Why)
	case i.Text != "":
		return fmt.Sprintf("%q: %s", i.Text, i.Why)
	}
	return i.Why
}

// Printed is a figure as the accepted text prints it.
type Printed struct {
	Slot    string `json:"slot"`
	Draft   string `json:"draft"`
	Printed string `json:"printed"`
}

// Result is the guard's verdict. Text is what to print (accepted only):
// the reply with every claim put back as the draft wrote it.
type Result struct {
	Accepted bool      `json:"accepted"`
	Reasons  []string  `json:"reasons,omitempty"`
	Issues   []Issue   `json:"claims,omitempty"`
	Text     string    `json:"-"`
	Figures  []Printed `json:"-"`
}

// Length bounds of the polished prose, relative to the draft's prose.
const (
	MinRatio   = 0.6
	MaxRatio   = 1.5
	slackBelow = 20
	slackAbove = 40
	// MaxInput bounds what the guard reads; a larger text is refused.
	MaxInput = 64 << 10
)

// Check judges a polished section written out in full (no tokens)
// against its draft, as strictly as the pipeline judges a model's reply:
// the draft is locked, the polished text is re-locked (every claim of the
// draft it states, in any format a reader takes for the same, becomes
// the draft's token, as a model that kept it would have written it) and
// the result is verified. v may be nil.
func Check(draft, polished string, v *Vocabulary) Result {
	if strings.ContainsAny(polished, tokenOpen+tokenClose) && !strings.ContainsAny(draft, tokenOpen+tokenClose) {
		return refuse([]Issue{{Why: "the text contains slot brackets ⟦ ⟧"}})
	}
	return Lock(draft, v).Verify(polished)
}

// Verify judges a reply to the locked draft: tokens and free text.
func (lk *Locked) Verify(reply string) Result {
	var early []Issue
	if n := bidiControls(reply); n > bidiControls(lk.Draft) {
		early = append(early, Issue{Why: fmt.Sprintf("%d bidirectional control characters (they can show a reader another figure than the one stored)", n)})
	}
	for _, l := range strings.Split(normaliseLines(reply), "\n") {
		if strings.HasPrefix(l, "    ") && strings.TrimSpace(l) != "" && !strings.Contains(lk.Draft, l) {
			early = append(early, Issue{Text: clip(strings.TrimSpace(l), 60), Why: "a line indented four spaces (a code block)"})
			break
		}
	}
	early = append(early, oddRunes(lk.Draft, reply)...)
	early = append(early, mixedScripts(lk.Draft, reply)...)
	reply = sanitizeKeep(reply, lk.keep)
	if strings.TrimSpace(reply) == "" {
		return refuse([]Issue{{Why: "the reply is empty"}})
	}
	if len(lk.Draft) > MaxInput || len(reply) > MaxInput {
		return refuse([]Issue{{Why: fmt.Sprintf("the section is larger than %d KB: not checked", MaxInput>>10)}})
	}
	reply = lk.absorbHedges(reply) // a model's "some ⟦F1⟧", not a text's "some about 12 million"
	tok, surfaces, issues := lk.relock(reply)
	issues = append(early, issues...)
	p := lk.parse(tok, surfaces)
	for _, b := range p.bad {
		issues = append(issues, Issue{Text: b, Why: "a token that is no slot of the draft"})
	}
	issues = append(issues, lk.compare(p)...)
	issues = append(issues, lk.unhedgedIn(tok)...)
	text, figs := lk.print(p)
	issues = append(issues, checkShape(lk.Draft, text)...)
	issues = append(issues, checkLength(lk.Draft, text)...)
	issues = append(issues, lk.chatter(reply)...)
	if len(issues) > 0 {
		return refuse(issues)
	}
	return Result{Accepted: true, Text: text, Figures: figs}
}

func refuse(issues []Issue) Result {
	r := Result{Issues: issues}
	seen := map[string]bool{}
	for _, i := range issues {
		s := i.String()
		if !seen[s] {
			seen[s] = true
			r.Reasons = append(r.Reasons, s)
		}
	}
	return r
}

// compare checks the reply's claims against the draft's: blocks, each
// slot once in its block, sentences and clauses with their partners,
// directions and the words that change meaning.
func (lk *Locked) compare(p *parsedText) []Issue {
	d := lk.parsed
	var out []Issue
	// Blocks: the same paragraphs, list items and kept blocks, in order.
	if len(p.blocks) != len(d.blocks) {
		out = append(out, Issue{Why: fmt.Sprintf("%d paragraphs, list items and kept blocks instead of the draft's %d", len(p.blocks), len(d.blocks))})
	} else {
		for i := range d.blocks {
			db, rb := d.blocks[i], p.blocks[i]
			if strings.TrimSpace(db.prefix) != strings.TrimSpace(rb.prefix) || db.kind != rb.kind {
				out = append(out, Issue{Text: clip(rb.text, 60), Why: fmt.Sprintf("block %d is %s in the draft", i+1, blockKind(db))})
			} else if db.kind == 'L' && indent(db.prefix) != indent(rb.prefix) {
				// A list item indented under the one above is its sub-point
				// (red team, round 7): the nesting is the draft's.
				out = append(out, Issue{Text: clip(rb.text, 60), Why: fmt.Sprintf("a list item indented %d where the draft indents it %d: nesting an item under another (or lifting it out) changes what it is a point of", indent(rb.prefix), indent(db.prefix))})
			}
			if tokenRE.re().MatchString(db.text) && strings.HasPrefix(db.text, tokenOpen+"B") && strings.TrimSpace(rb.text) != db.text {
				out = append(out, Issue{Slot: strings.Trim(db.text, "⟦⟧"), Text: clip(lk.Slots[lk.byID[strings.Trim(db.text, "⟦⟧")]].Text, 60), Why: "a heading, table, image or other kept block is changed, moved or missing"})
			}
		}
	}
	// Assign the reply's tokens to the draft's slots: a slot's text may
	// stand several times in the draft ("[^1]"); each of the reply's is
	// given the slot whose sentence shares most of its partners.
	assign(lk, d, p)
	count := map[int]int{}
	for _, o := range p.occ {
		if !o.extra {
			count[o.slot]++
		}
	}
	keyCount := map[string]int{}
	for _, o := range p.occ {
		keyCount[lk.key(o.slot)]++
	}
	draftKey := map[string]int{}
	for _, o := range d.occ {
		draftKey[lk.key(o.slot)]++
	}
	for i, s := range lk.Slots {
		if s.kind == kindBlock {
			continue
		}
		if count[i] == 0 {
			out = append(out, Issue{Slot: s.ID, Text: s.Text, Why: fmt.Sprintf("the draft's %s is missing", slotNoun(s.kind))})
		}
	}
	for k, n := range keyCount {
		if n > draftKey[k] && k[0] != kindName {
			out = append(out, Issue{Text: k[1:], Why: fmt.Sprintf("stands %d times, %d in the draft", n, draftKey[k])})
		}
	}
	for _, o := range p.occ {
		s := lk.Slots[o.slot]
		if o.block != s.block && s.kind != kindBlock && !o.extra {
			out = append(out, Issue{Slot: s.ID, Text: s.Text, Why: "moved to another paragraph or list item"})
		}
		if o.extra && !lk.keyInBlock(o.slot, o.block) {
			out = append(out, Issue{Slot: s.ID, Text: s.Text, Why: "named in a paragraph or list item where the draft does not name it"})
		}
	}
	out = append(out, lk.checkAlignment(d, p)...)
	out = append(out, lk.checkSpacing(d, p)...)
	out = append(out, lk.checkSentences(d, p)...)
	out = append(out, lk.checkClauses(d, p)...)
	out = append(out, lk.checkBeforeSlot(d, p)...)
	out = append(out, lk.checkRounding(p)...)
	out = append(out, lk.checkNameCounts(d, p)...)
	return out
}

// indent is the width of a list marker's indentation (a tab as four
// spaces).
func indent(prefix string) int {
	n := 0
	for _, r := range prefix {
		switch r {
		case ' ':
			n++
		case '\t':
			n += 4 - n%4
		default:
			return n
		}
	}
	return n
}

func blockKind(b block) string {
	switch b.kind {
	case 'L':
		return "a list item " + strings.TrimSpace(b.prefix)
	case 'P':
		return "a paragraph"
	}
	return "a kept block"
}

func slotNoun(k byte) string {
	switch k {
	case kindFigure:
		return "figure"
	case kindDate:
		return "date"
	case kindName:
		return "name"
	case kindSource:
		return "footnote marker"
	case kindBlock:
		return "block"
	}
	return "locked text"
}

// key is what a slot says: two slots of one key are interchangeable.
func (lk *Locked) key(i int) string { return lk.Slots[i].key }

// tokKey is tokenOpen and the slot's key.
func (lk *Locked) tokKey(i int) string { return lk.Slots[i].tokKey }

// slotKey: a name or figure matches in any case, the others as written.
func slotKey(kind byte, text string) string {
	if kind == kindName || kind == kindFigure {
		return string(kind) + strings.ToLower(text)
	}
	return string(kind) + text
}

func (lk *Locked) keyInBlock(slot, blk int) bool {
	k := lk.key(slot)
	for i := range lk.Slots {
		if lk.key(i) == k && lk.Slots[i].block == blk {
			return true
		}
	}
	return false
}

// assign gives each of the reply's occurrences a slot of its key: the
// unused one of the same block whose draft sentence shares most slots
// with the reply's sentence; names beyond the draft's count are repeats.
func assign(lk *Locked, d, p *parsedText) {
	byKey := map[string][]int{}
	for i := range lk.Slots {
		byKey[lk.key(i)] = append(byKey[lk.key(i)], i)
	}
	// Keys of the reply's sentences, to score candidates.
	sentKeys := map[int]map[string]bool{}
	for _, o := range p.occ {
		if sentKeys[o.sent] == nil {
			sentKeys[o.sent] = map[string]bool{}
		}
		sentKeys[o.sent][lk.key(o.slot)] = true
	}
	draftSentKeys := map[int][]string{}
	for _, o := range d.occ {
		draftSentKeys[o.sent] = append(draftSentKeys[o.sent], lk.key(o.slot))
	}
	used := map[int]bool{}
	done := map[int]bool{}
	// A key standing many times ("[^1]" in every sentence): its slots
	// are given in order within each block, so the cost stays linear.
	occByKey := map[string][]int{}
	for oi, o := range p.occ {
		occByKey[lk.key(o.slot)] = append(occByKey[lk.key(o.slot)], oi)
	}
	for k, slots := range byKey {
		if len(slots) <= 8 {
			continue
		}
		perBlock := map[int][]int{}
		for _, si := range slots {
			perBlock[lk.Slots[si].block] = append(perBlock[lk.Slots[si].block], si)
		}
		next := map[int]int{}
		for _, oi := range occByKey[k] {
			b := p.occ[oi].block
			if next[b] < len(perBlock[b]) {
				si := perBlock[b][next[b]]
				next[b]++
				used[si], done[oi] = true, true
				p.occ[oi].slot = si
			}
		}
	}
	type cand struct{ occ, slot, score int }
	var cs []cand
	for oi, o := range p.occ {
		if done[oi] {
			continue
		}
		for _, si := range byKey[lk.key(o.slot)] {
			if used[si] {
				continue
			}
			s := lk.Slots[si]
			score := 0
			if s.block == o.block {
				score += 1000
			}
			for _, k := range draftSentKeys[s.sent] {
				if sentKeys[o.sent][k] {
					score += 10
				}
			}
			if si == o.slot {
				score++
			}
			cs = append(cs, cand{oi, si, score})
		}
	}
	sort.SliceStable(cs, func(i, j int) bool { return cs[i].score > cs[j].score })
	for _, c := range cs {
		if done[c.occ] || used[c.slot] {
			continue
		}
		done[c.occ], used[c.slot] = true, true
		p.occ[c.occ].slot = c.slot
	}
	for oi := range p.occ {
		if !done[oi] {
			p.occ[oi].extra = true
		}
	}
}

// checkSentences: every draft sentence's claims stay together. A draft
// sentence may be split into several (none holding claims of another)
// and several may be merged into one; claims may not cross between
// sentences otherwise (a footnote or a year moved to its neighbour).
func (lk *Locked) checkSentences(d, p *parsedText) []Issue {
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
	union := func(a, b string) { parent[find(a)] = find(b) }
	for _, o := range p.occ {
		if o.extra {
			continue
		}
		union(fmt.Sprintf("r%d", o.sent), fmt.Sprintf("d%d", lk.Slots[o.slot].sent))
	}
	ds, rs := map[string]map[int]bool{}, map[string]map[int]bool{}
	for _, o := range p.occ {
		if o.extra {
			continue
		}
		root := find(fmt.Sprintf("r%d", o.sent))
		if ds[root] == nil {
			ds[root], rs[root] = map[int]bool{}, map[int]bool{}
		}
		ds[root][lk.Slots[o.slot].sent] = true
		rs[root][o.sent] = true
	}
	var out []Issue
	roots := make([]string, 0, len(ds))
	for r := range ds {
		roots = append(roots, r)
	}
	sort.Strings(roots)
	for _, r := range roots {
		if len(ds[r]) > 1 && len(rs[r]) > 1 {
			var texts []string
			for s := range rs[r] {
				texts = append(texts, clip(p.sents[s].surface, 70))
			}
			sort.Strings(texts)
			out = append(out, Issue{Text: strings.Join(texts, " / "), Why: fmt.Sprintf("claims of %d sentences of the draft are mixed across %d sentences (a figure, date, name or footnote moved to another sentence)", len(ds[r]), len(rs[r]))})
		}
	}
	return out
}

// checkClauses: a figure, date or footnote is not said of another name
// or date than in the draft. When the reply puts x beside y in one
// clause, and x's clause in the draft names someone (or a date) but not
// y, the reply has moved x to y: figures swapped between entities,
// leader and runner-up swapped.
func (lk *Locked) checkClauses(d, p *parsedText) []Issue {
	draftClause := map[int]map[string]bool{} // clause -> keys
	draftEntity := map[int]bool{}            // clause names an entity
	for _, o := range d.occ {
		if draftClause[o.clause] == nil {
			draftClause[o.clause] = map[string]bool{}
		}
		draftClause[o.clause][lk.key(o.slot)] = true
		if lk.isEntity(o.slot) {
			draftEntity[o.clause] = true
		}
	}
	// A "respectively" list of the draft says each figure of its name
	// (expandRespectively), wherever the clauses fall.
	for _, st := range d.sents {
		pairs := respectivelyPairs(st.text)
		if pairs == nil {
			continue
		}
		nameOf := map[string]int{}
		for _, o := range d.occ {
			nameOf[lk.Slots[o.slot].ID] = o.slot
		}
		for _, pr := range pairs {
			for _, o := range d.occ {
				if lk.Slots[o.slot].ID == pr[1] {
					if n, ok := nameOf[pr[0]]; ok {
						draftClause[o.clause][lk.key(n)] = true
						draftEntity[o.clause] = draftEntity[o.clause] || lk.isEntity(n)
					}
				}
			}
		}
	}
	byClause := map[int][]occurrence{}
	for _, o := range p.occ {
		byClause[o.clause] = append(byClause[o.clause], o)
	}
	var out []Issue
	seen := map[string]bool{}
	for _, os := range byClause {
		for _, x := range os {
			sx := lk.Slots[x.slot]
			if x.extra || sx.kind != kindFigure && sx.kind != kindDate {
				continue
			}
			dc := draftClause[sx.clause]
			for _, y := range os {
				sy := lk.Slots[y.slot]
				if sy.kind != kindName || !lk.isEntity(y.slot) || dc[lk.key(y.slot)] || !draftEntity[sx.clause] {
					continue
				}
				// The draft's sentence may name y elsewhere; what counts is
				// that x's own clause names another.
				var other []string
				for k := range dc {
					if k[0] == kindName && lk.entityKey[k] {
						other = append(other, k[1:])
					}
				}
				sort.Strings(other)
				msg := fmt.Sprintf("said of %q here; the draft says it of %s", sy.Text, strings.Join(quoteAll(other), ", "))
				if !seen[sx.ID+msg] {
					seen[sx.ID+msg] = true
					out = append(out, Issue{Slot: sx.ID, Text: sx.Text, Why: msg})
				}
			}
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].String() < out[j].String() })
	return out
}

func quoteAll(xs []string) []string {
	out := make([]string, len(xs))
	for i, x := range xs {
		out[i] = fmt.Sprintf("%q", x)
	}
	return out
}

// print puts the draft's text back for every token.
func (lk *Locked) print(p *parsedText) (string, []Printed) {
	var b strings.Builder
	var figs []Printed
	k := 0
	for i, bl := range p.blocks {
		if i > 0 {
			gap := 1
			if i < len(lk.gaps) && len(p.blocks) == len(lk.gaps) {
				gap = lk.gaps[i]
			}
			b.WriteString(strings.Repeat("\n", gap+1))
		}
		b.WriteString(bl.prefix)
		last := 0
		for _, m := range findTokens(bl.text) {
			b.WriteString(bl.text[last:m[0]])
			last = m[1]
			id := bl.text[m[2]:m[3]] + bl.text[m[4]:m[5]]
			si, ok := lk.byID[id]
			if !ok {
				b.WriteString(bl.text[m[0]:m[1]])
				continue
			}
			s := lk.Slots[si]
			t := s.Text
			if m[6] < m[7] && s.kind == kindFigure {
				t, _ = lk.rounded(s.Text)
			}
			if s.kind == kindFigure {
				figs = append(figs, Printed{Slot: s.ID, Draft: s.Text, Printed: t})
			}
			b.WriteString(t)
			k++
			if s.kind == kindName {
				if ap, n := pluralOwner(t, bl.text[last:]); n > 0 {
					b.WriteString(ap)
					last += n
				}
			}
		}
		b.WriteString(bl.text[last:])
	}
	out := b.String()
	if !strings.HasSuffix(out, "\n") {
		out += "\n"
	}
	return out, figs
}

// absorbHedges drops a neutral hedge ("some", "around", "roughly",
// "approximately", "about") written before a figure token whose draft
// text opens with a neutral hedge of its own ("stood at some ⟦F1⟧" for
// "about $4,600"): one neutral hedge for another says the same, and the
// draft's prints, as the plain-text path reads "some $4,600"
// (neutralHedgeFor). Red team round 19: the talking points keep the
// hedge inside the token, and the prompt's hedge swap printed "some
// about $4,600", refused. A rounded token ("some ⟦F1~⟧") and a side
// ("nearly ⟦F1⟧") are left to the other rules.
func (lk *Locked) absorbHedges(tok string) string {
	var b strings.Builder
	last := 0
	for _, m := range findTokens(tok) {
		if m[6] < m[7] || tok[m[2]:m[3]] != string(kindFigure) {
			continue // rounded, or no figure
		}
		si, ok := lk.byID[tok[m[2]:m[3]]+tok[m[4]:m[5]]]
		if !ok || !lk.hedgedSlot(lk.Slots[si].Text) {
			continue
		}
		n := lk.neutralHedgeFor(tok[:m[0]], lk.Slots[si].Text)
		if n == 0 {
			continue
		}
		b.WriteString(tok[last : m[0]-n])
		last = m[0]
	}
	if last == 0 {
		return tok
	}
	b.WriteString(tok[last:])
	return b.String()
}

// pluralOwner gives the apostrophe to print, and how many bytes of rest
// (the text after a name printed as name) it stands for, so that the
// owner is written as the templates write it: a name ending in "s" takes the apostrophe alone ("the United
// States' GDP", not "States's"; a model recasting "GDP of ⟦N1⟧" as
// "⟦N1⟧'s GDP" cannot see the name). Only the "s" is dropped: no claim is
// in it.
func pluralOwner(name, rest string) (string, int) {
	if !strings.HasSuffix(name, "s") {
		return "", 0
	}
	for _, ap := range []string{"'s", "\u2019s"} {
		if strings.HasPrefix(rest, ap) {
			if r, _ := utf8.DecodeRuneInString(rest[len(ap):]); !unicode.IsLetter(r) && !unicode.IsDigit(r) {
				return strings.TrimSuffix(ap, "s"), len(ap)
			}
		}
	}
	return "", 0
}

// checkShape parses both texts as Markdown (goldmark, GFM and
// footnotes) and compares what a reader sees of the structure: headings,
// images, lists, tables, code, quotes; and refuses raw HTML and links
// the draft does not have, whatever the draft's text said escaped.
func checkShape(draft, text string) []Issue {
	d, p := parseShape(draft), parseShape(text)
	var out []Issue
	if !equal(d.headings, p.headings) {
		out = append(out, Issue{Why: fmt.Sprintf("headings changed: %s became %s", quoteList(d.headings), quoteList(p.headings))})
	}
	if !equal(d.images, p.images) {
		out = append(out, Issue{Why: "images changed"})
	}
	for _, c := range []struct {
		what string
		a, b int
	}{{"tables", d.tables, p.tables}, {"list items", d.items, p.items}, {"code blocks", d.codeBlocks, p.codeBlocks}, {"block quotes", d.quotes, p.quotes}} {
		if c.a != c.b {
			out = append(out, Issue{Why: fmt.Sprintf("%d %s instead of %d", c.b, c.what, c.a)})
		}
	}
	dh := map[string]int{}
	for _, h := range d.html {
		dh[h]++
	}
	for _, h := range p.html {
		if dh[h] == 0 {
			out = append(out, Issue{Text: clip(h, 60), Why: "raw HTML that the draft does not have"})
		}
		dh[h]--
	}
	dl := map[string]bool{}
	for _, l := range d.links {
		dl[l] = true
	}
	for _, l := range p.links {
		if !dl[l] {
			out = append(out, Issue{Text: clip(l, 80), Why: "a link the draft does not have"})
		}
	}
	return out
}

// checkLength bounds the polished prose by the draft's.
func checkLength(draft, polished string) []Issue {
	n, m := utf8.RuneCountInString(prose(draft)), utf8.RuneCountInString(prose(polished))
	lo := max(int(MinRatio*float64(n))-slackBelow, 0)
	hi := int(MaxRatio*float64(n)+0.999) + slackAbove
	if m < lo || m > hi {
		return []Issue{{Why: fmt.Sprintf("length %d characters of prose is outside %d–%d (60%%–150%% of the draft's %d)", m, lo, hi, n)}}
	}
	return nil
}

// draftsWordsBefore counts the needle's places in the reply r where its
// first word follows the word the draft writes before it ("point below
// comes from" recast as "point below is drawn from": "below is" there is
// the draft's "point below" and a vetted verb, not "Below is the
// reworded section"; red team round 30). Both are normalised as chatter
// reads them; the sentence itself is held to the draft's by the
// alignment.
func draftsWordsBefore(r, d, needle string) int {
	first, _, _ := strings.Cut(strings.TrimPrefix(needle, " "), " ")
	n := 0
	for i := 0; ; {
		k := strings.Index(r[i:], needle)
		if k < 0 {
			return n
		}
		at := i + k
		if j := strings.LastIndexByte(r[:at], ' '); j >= 0 && at > j+1 {
			if prev := r[j:at]; strings.Contains(d, prev+" "+first+" ") {
				n++
			}
		}
		i = at + 1
	}
}

// chatter finds a model talking to its user, or following an
// instruction, beyond what the draft itself says.
func (lk *Locked) chatter(reply string) []Issue {
	norm := func(s string) string {
		s = strings.ToLower(strings.ReplaceAll(s, "’", "'"))
		return " " + strings.Join(strings.FieldsFunc(s, func(r rune) bool { return unicode.IsSpace(r) || r == '*' || r == '#' }), " ") + " "
	}
	r, d := norm(reply), norm(lk.Draft)
	// The reply's words: a phrase whose first word is none of them is not
	// there (a 64 KB section is not scanned once per phrase).
	words := map[string]bool{}
	for _, w := range strings.Fields(r) {
		words[w] = true
	}
	var out []Issue
	for _, ph := range lk.chatterList() {
		needle := " " + ph
		spaced := !strings.HasSuffix(ph, ":") && !strings.HasSuffix(ph, ",") && !strings.HasSuffix(ph, "!") && !strings.HasSuffix(ph, ".")
		if spaced {
			needle += " "
		}
		if fw, rest, multi := strings.Cut(ph, " "); (spaced || multi && rest != "") && !words[fw] {
			continue
		}
		if strings.Count(r, needle)-draftsWordsBefore(r, d, needle) > strings.Count(d, needle) {
			out = append(out, Issue{Text: ph, Why: "reads as the model talking or following an instruction, not as the brief"})
		}
	}
	return out
}

var (
	roundedTokenRE = lazy(`⟦F\d+~⟧`)
	hedgedTokenRE  = lazy(`(?i)\b(?:about|around|roughly|approximately|circa|nearly|almost|some|close to|just under|just over|an estimated)\s+⟦F\d+~⟧`)
)

// unhedged: a rounded figure must follow a hedge ("about ⟦F3~⟧").
func unhedged(tok string) []Issue {
	if !strings.Contains(tok, "~"+tokenClose) {
		return nil // no rounded figure
	}
	hedged := map[int]bool{}
	for _, m := range hedgedTokenRE.re().FindAllStringIndex(tok, -1) {
		hedged[m[1]] = true
	}
	var out []Issue
	for _, m := range roundedTokenRE.re().FindAllStringIndex(tok, -1) {
		if !hedged[m[1]] {
			out = append(out, Issue{Slot: strings.Trim(tok[m[0]:m[1]], "⟦⟧~"), Why: "a rounded figure without a word such as \"about\" before it"})
		}
	}
	return out
}

// bidiControls counts the characters that reorder text on screen.
func bidiControls(s string) int {
	n := 0
	for _, r := range s {
		if r >= 0x202a && r <= 0x202e || r >= 0x2066 && r <= 0x2069 || r == 0x200e || r == 0x200f || r == 0x061c {
			n++
		}
	}
	return n
}

// isEntity: the slot names one of the data's entities (a name of the
// vocabulary): what a figure or date is said of.
func (lk *Locked) isEntity(i int) bool {
	if lk.entityKey == nil {
		lk.entityKey = map[string]bool{}
		names := map[string]bool{}
		for _, n := range lk.vocab {
			names[strings.ToLower(strings.TrimSpace(n))] = true
		}
		for j, s := range lk.Slots {
			if s.kind == kindName && names[strings.ToLower(s.Text)] {
				lk.entityKey[lk.key(j)] = true
			}
		}
	}
	return lk.entityKey[lk.key(i)]
}
