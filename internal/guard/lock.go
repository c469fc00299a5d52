package guard

import (
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Slot kinds. A slot is a claim of the draft that the model never sees
// as text: it gets a token and must give it back; the exact draft text is
// put back in its place.
const (
	kindFigure = 'F' // a figure with its sign, currency, scale, unit, count noun and status ("3 plants (planned)")
	kindDate   = 'D' // a date or period ("3 February 2025", "2024", "Q1 2025")
	kindName   = 'N' // an entity, catalog or proper name, a bold label, a word in another script
	kindSource = 'S' // a footnote marker ("[^1]")
	kindLocked = 'X' // text kept byte for byte: links, URLs, escaped markup, a literal token sign
	kindBlock  = 'B' // a whole line or block kept: heading, table, image, bold line, code, HTML
)

// tokenOpen and tokenClose delimit a slot token: ⟦F3⟧. They are
// mathematical brackets that prose does not use; a draft that has them
// gets them locked (kind X), so a token in the data cannot pose as one.
const (
	tokenOpen  = "⟦"
	tokenClose = "⟧"
)

var tokenRE = lazy(`⟦([A-Z])(\d+)(~?)⟧`)

// findTokens is tokenRE's FindAllStringSubmatchIndex, scanned by hand
// (the pattern ran over every byte of a 64 KB section several times a
// check): each match's start and end, then its kind letter's, its
// number's and its "~"'s (empty where there is none).
func findTokens(s string) [][]int {
	var out [][]int
	for i := 0; ; {
		k := strings.Index(s[i:], tokenOpen)
		if k < 0 {
			return out
		}
		st := i + k
		j := st + len(tokenOpen)
		i = j
		if j >= len(s) || s[j] < 'A' || s[j] > 'Z' {
			continue
		}
		n := j + 1
		for n < len(s) && isDigitByte(s[n]) {
			n++
		}
		if n == j+1 {
			continue
		}
		t := n
		if t < len(s) && s[t] == '~' {
			t++
		}
		if !strings.HasPrefix(s[t:], tokenClose) {
			continue
		}
		end := t + len(tokenClose)
		out = append(out, []int{st, end, j, j + 1, j + 1, n, n, t})
		i = end
	}
}

// Slot is one locked claim of the draft.
type Slot struct {
	ID   string `json:"id"`   // "F3"
	Text string `json:"text"` // the draft's exact text
	kind byte
	fig  *figure // a figure's reading
	noun string  // a figure's count noun ("plants"), lower case
	// quoted: it stands inside «…» (a quotation of the source: never
	// rounded).
	quoted bool
	// Where it stands in the draft: block, sentence and clause (indexes
	// over the whole section).
	block, sent, clause int
	// capName: a name written with a capital, not a bold label; lastWord:
	// its text's last word, lower case, if it has more than one
	// (align.go reads both for every token of every sentence).
	capName  bool
	lastWord string
	// measure: a figure that is a measured quantity (a percentage or
	// points, money, a multiple, or a number with a unit of the
	// lexicon's [unit]: "341 cm", "1,200 kt"), not a count of things
	// ("2 bids", "3 violations") nor a bare number: the figures a
	// template's change or level sentence with "it" / "this" as its
	// subject states (red team, round 9).
	measure bool
	// quantity: a name token that names one of the catalog's indicators
	// (Vocabulary.Quantities): a quantity, as "the level" is.
	quantity bool
	// negative: a figure whose value is below zero; amount: one of money
	// or a percentage (no physical measure, no count); points: one in
	// percentage points (the change of a percentage).
	negative, amount, points bool
	// plan: a name whose words say a plan, a schedule or a completion
	// ("projects to start", "flats due for completion", "bonds
	// maturing"): a date beside it may be its schedule's.
	plan bool
	// key is what the slot matches as (Locked.key), and tokKey the same
	// after tokenOpen: made once at the lock, read for every token of
	// every sentence.
	key, tokKey string
}

// Kind is the slot's kind letter.
func (s Slot) Kind() byte { return s.kind }

// Locked is a draft with its claims replaced by tokens.
type Locked struct {
	Draft string // the draft as given (line ends normalised)
	Text  string // what the model is sent
	Slots []Slot
	byID  map[string]int
	vocab []string // names the data knows, for finding names in replies
	// catUnits are the catalog's units and count nouns (Vocabulary.Units),
	// lower case, whole and by their first word ("kt co2e", "kt").
	catUnits map[string]bool
	// signs are the words of the catalog's sign words (Vocabulary.Signs),
	// lower case: a sentence that holds one takes no "# scope:
	// unsigned" pattern.
	signs map[string]bool
	seen  []string // names the draft shows by their capitals (lang.go)
	// nameCache is nameKeys, for nameCacheN names seen.
	nameCache  []string
	nameCacheN int
	lex        *lexicon
	gaps       []int // blank lines before each block of the draft
	// exactIdx and ofKind index the slots once, one of each text.
	exactIdx  []int
	dateKeys  map[int][2]string // a date slot's normalised text and day (dateKey)
	entityKey map[string]bool
	words     map[string]bool // the draft's words, lower case
	free      map[string]bool // the words of the tokenised draft, as written
	ofKind    map[byte][]int
	// digitNameRE finds the vocabulary's names that hold a digit.
	digitNameRE *regexp.Regexp
	// parsed is the draft read as a reply of itself: its blocks,
	// sentences and clauses, and every slot in place.
	parsed *parsedText
	// verbatim lists, per block of the locked text, the spans a reply
	// writes back verbatim, as the locked text writes them: the
	// dataset's own text (Vocabulary.Data) and every quotation, which
	// may run over several sentences (verbatim.go).
	verbatim [][]string
	// rangeHigh maps a range's low end to its high end ("the week's
	// range was ⟦F1⟧ to ⟦F2⟧", "в пределах ⟦F1⟧–⟦F2⟧"); both ends are
	// bounds, never rounded, and a bare low end is read in its high
	// end's scale and unit ("22.79 to 24.12 million": 22.79 million) when
	// a rounding elsewhere is compared with it (ranges.go).
	rangeHigh map[int]int
	// tables are the figures of the draft's tables (tableVals), read once.
	tables []figureVal
	// changes are the changes the draft states between two of its
	// figures (stated.go).
	changes []statedChange
	// keep are the runes of the draft that NFKC would change (″, ﬁ):
	// a reply may write them as the draft does (Sanitize folds the
	// others).
	keep map[rune]bool
}

// block is a paragraph, a list item or a kept block.
type block struct {
	kind   byte   // 'P' paragraph, 'L' list item, 'B' kept
	gap    int    // blank lines before it
	prefix string // a list item's marker ("- ", "1. ")
	text   string // the content (a kept block: its lines)
}

var (
	listRE   = lazy(`^(\s*(?:[-*+]|\d+[.)])\s+)`)
	boldRE   = lazy(`\*\*[^*\n]+?\*\*`)
	boldLine = lazy(`^\s*\*\*[^*]+\*\*\s*$`)
	markerRE = lazy(`\[\^[^\]\s]+\]`)
	linkRE   = lazy(`!?\[[^\]\n]*\]\([^)\n]*\)|<[a-zA-Z][a-zA-Z0-9+.-]*:[^>\s]*>`)
	urlRE    = lazy(`(?i)\b(?:https?|ftp)://[^\s<>()\[\]]+|\bwww\.[^\s<>()\[\]]+`)
	domainRE = lazy(`(?i)\b[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.(?:[a-z]{2,24})\b(?:/[^\s]*)?`)
)

// splitBlocks cuts a section into blocks. Headings, tables, images,
// code, HTML, footnote definitions, rules and bold-only lines are kept
// blocks; list items and paragraphs are prose.
func splitBlocks(md string) []block {
	lines := strings.Split(md, "\n")
	var out []block
	var cur *block
	gap := 0
	flush := func() {
		if cur != nil {
			cur.text = strings.TrimRight(cur.text, " \t")
			cur.gap = gap
			gap = 0
			out = append(out, *cur)
			cur = nil
		}
	}
	add := func(b block) {
		b.gap = gap
		gap = 0
		out = append(out, b)
	}
	for i := 0; i < len(lines); i++ {
		l := lines[i]
		t := strings.TrimSpace(l)
		switch {
		case t == "":
			flush()
			if len(out) > 0 {
				gap++
			}
			continue
		case strings.HasPrefix(t, "```") || strings.HasPrefix(t, "~~~"):
			flush()
			fence := t[:3]
			j := i + 1
			for j < len(lines) && !strings.HasPrefix(strings.TrimSpace(lines[j]), fence) {
				j++
			}
			if j >= len(lines) {
				j = len(lines) - 1
			}
			add(block{kind: 'B', text: strings.Join(lines[i:j+1], "\n")})
			i = j
			continue
		case strings.HasPrefix(t, "|"):
			flush()
			j := i
			for j+1 < len(lines) && strings.HasPrefix(strings.TrimSpace(lines[j+1]), "|") {
				j++
			}
			add(block{kind: 'B', text: trimLines(lines[i : j+1])})
			i = j
			continue
		case strings.HasPrefix(t, "#") || strings.HasPrefix(t, "![") || strings.HasPrefix(t, "<") ||
			strings.HasPrefix(t, ">") || markerDef(t) || boldLine.re().MatchString(l) || t == "---" || t == "***" || t == "___":
			flush()
			add(block{kind: 'B', text: strings.TrimRight(l, " \t")})
			continue
		}
		if m := listRE.re().FindString(l); m != "" {
			flush()
			cur = &block{kind: 'L', prefix: m, text: l[len(m):]}
			continue
		}
		if cur == nil {
			cur = &block{kind: 'P', text: strings.TrimSpace(l)}
			continue
		}
		cur.text += "\n" + strings.TrimSpace(l)
	}
	flush()
	return out
}

func markerDef(t string) bool {
	m := markerRE.re().FindStringIndex(t)
	return m != nil && m[0] == 0 && strings.HasPrefix(t[m[1]:], ":")
}

func trimLines(ls []string) string {
	out := make([]string, len(ls))
	for i, l := range ls {
		out[i] = strings.TrimRight(l, " \t")
	}
	return strings.Join(out, "\n")
}

// span is a piece of a block's text that becomes a slot.
type span struct {
	start, end int
	kind       byte
	fig        *figure
	noun       string
}

// Lock replaces every claim of a draft by a slot token. v may be nil.
func Lock(draft string, v *Vocabulary) *Locked {
	draft = normaliseLines(draft)
	lk := &Locked{Draft: draft, byID: map[string]int{}, lex: english()}
	var data []string
	quantities := map[string]bool{}
	if v != nil {
		lk.vocab = v.Names
		for _, q := range v.Quantities {
			quantities[strings.ToLower(strings.TrimSpace(q))] = true
		}
		for _, u := range v.Units {
			u = strings.ToLower(strings.TrimSpace(u))
			if u == "" {
				continue
			}
			if lk.catUnits == nil {
				lk.catUnits = map[string]bool{}
			}
			lk.catUnits[u] = true
			lk.catUnits[strings.Fields(u)[0]] = true
		}
		lk.lex = lexiconFor(v.Lang)
		data = v.Data
		for _, sg := range v.Signs {
			for _, w := range strings.FieldsFunc(sg, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
				if utf8.RuneCountInString(w) < 3 {
					continue // "of", "a": no sign on their own
				}
				if lk.signs == nil {
					lk.signs = map[string]bool{}
				}
				lk.signs[foldYo(strings.ToLower(w))] = true
			}
		}
	}
	lk.keep = foldedRunes(draft)
	dix := newDataIndex(data)
	counts := map[byte]int{}
	newSlot := func(kind byte, text string, sp span) string {
		counts[kind]++
		id := fmt.Sprintf("%c%d", kind, counts[kind])
		lk.byID[id] = len(lk.Slots)
		sl := Slot{ID: id, Text: text, kind: kind, fig: sp.fig, noun: sp.noun}
		sl.quantity = kind == kindName && quantities[strings.ToLower(text)]
		sl.negative = kind == kindFigure && negativeFigure(text)
		sl.amount = kind == kindFigure && sp.fig != nil && amountKind(sp.fig.kind)
		sl.points = kind == kindFigure && sp.fig != nil && sp.fig.kind == "pp"
		sl.plan = kind == kindName && lk.lex.scheduleIn(text)
		sl.capName = kind == kindName && !strings.HasPrefix(text, "**") && unicode.IsUpper(firstRune(text)) && !sl.quantity
		if f := strings.Fields(text); len(f) > 1 {
			sl.lastWord = strings.ToLower(f[len(f)-1])
		}
		sl.measure = kind == kindFigure && sp.fig != nil && (sp.fig.kind != "" || lk.lex.isUnit(sp.fig.unit) || lk.lex.isUnit(sp.noun))
		sl.key = slotKey(kind, text)
		sl.tokKey = tokenOpen + sl.key
		lk.Slots = append(lk.Slots, sl)
		return tokenOpen + id + tokenClose
	}
	lk.seen = lk.namesSeen(draft)
	var b strings.Builder
	for i, bl := range splitBlocks(draft) {
		lk.gaps = append(lk.gaps, bl.gap)
		if i > 0 {
			b.WriteString("\n\n")
		}
		if bl.kind == 'B' {
			b.WriteString(newSlot(kindBlock, bl.text, span{}))
			lk.verbatim = append(lk.verbatim, nil)
			continue
		}
		b.WriteString(bl.prefix)
		spans := lk.findSpans(bl.text)
		lk.Slots = slices.Grow(lk.Slots, len(spans))
		quoted := quotedRegions(bl.text)
		// the source's words: quotations and the dataset's own text
		// (no rounding of a figure inside them either)
		verb := mergeRegions(append(append([][2]int(nil), quoted...), dix.regions(bl.text)...))
		var lb strings.Builder // the block as locked
		last, q := 0, 0
		starts := make([]int, len(spans)) // each span's offset in lb
		for i, sp := range spans {
			lb.WriteString(bl.text[last:sp.start])
			starts[i] = lb.Len()
			lb.WriteString(newSlot(sp.kind, bl.text[sp.start:sp.end], sp))
			for q < len(verb) && verb[q][1] <= sp.start {
				q++
			}
			if q < len(verb) && verb[q][0] <= sp.start {
				lk.Slots[len(lk.Slots)-1].quoted = true
			}
			last = sp.end
		}
		lb.WriteString(bl.text[last:])
		b.WriteString(lb.String())
		lk.verbatim = append(lk.verbatim, lockedRegions(lb.String(), bl.text, spans, starts, verb))
	}
	lk.Text = b.String()
	lk.rangeHigh = lk.findRanges(lk.Text)
	lk.tables = lk.tableVals()
	lk.parsed = lk.parse(lk.Text, nil)
	for _, o := range lk.parsed.occ {
		s := &lk.Slots[o.slot]
		s.block, s.sent, s.clause = o.block, o.sent, o.clause
	}
	lk.changes = lk.statedChanges()
	return lk
}

// findSpans finds the claims of a prose block, in order, without
// overlap: footnote markers, links and markup, bold labels, dates,
// figures, names.
// digitNames finds, in s, the vocabulary's names that hold a digit, in
// any case, whole words, longest first.
func (lk *Locked) digitNames(s string) [][2]int {
	if lk.digitNameRE == nil {
		var names []string
		for _, n := range lk.vocab {
			if n = strings.TrimSpace(n); len(n) > 2 && (strings.ContainsAny(n, "0123456789") || lk.numberWordIn(n)) && strings.ContainsFunc(n, unicode.IsLetter) {
				names = append(names, regexp.QuoteMeta(n))
			}
		}
		if len(names) == 0 {
			lk.digitNameRE = noMatchRE
		} else {
			sort.Slice(names, func(i, j int) bool {
				return len(names[i]) > len(names[j]) || len(names[i]) == len(names[j]) && names[i] < names[j]
			})
			lk.digitNameRE = regexp.MustCompile(`(?i)(?:^|[^\p{L}\p{N}])(` + strings.Join(names, "|") + `)(?:$|[^\p{L}\p{N}])`)
		}
	}
	var out [][2]int
	for i := 0; i < len(s); {
		m := lk.digitNameRE.FindStringSubmatchIndex(s[i:])
		if m == nil {
			break
		}
		out = append(out, [2]int{i + m[2], i + m[3]})
		i += m[3]
	}
	return out
}

// numberWordIn: a name of more than one word holds a number written as a
// word ("Group of Seven", "Pool of the biggest ten lenders"), which the
// figure scan would take for a figure of the sentence: the name is
// locked whole first, as a name with a digit is (red team round 32: the
// draft's own text was refused, "Group of ⟦F7⟧").
func (lk *Locked) numberWordIn(n string) bool {
	f := strings.Fields(n)
	if len(f) < 2 {
		return false
	}
	for _, w := range f {
		w = strings.ToLower(strings.Trim(w, ".,;:()"))
		if _, ok := lk.lex.cardinal[w]; ok {
			return true
		}
		if _, ok := lk.lex.ordinal[w]; ok {
			return true
		}
	}
	return false
}

var noMatchRE = regexp.MustCompile(`$.^`)

var referenceRE = lazy(`\b(?:Figure|Table|Chart|Map)s? \d{1,3}\b`)

func (lk *Locked) findSpans(s string) []span {
	used := make([]bool, len(s)+1)
	var out []span
	take := func(st, en int, kind byte) *span {
		if st >= en {
			return nil
		}
		for i := st; i < en; i++ {
			if used[i] {
				return nil
			}
		}
		for i := st; i < en; i++ {
			used[i] = true
		}
		out = append(out, span{start: st, end: en, kind: kind})
		return &out[len(out)-1]
	}
	for _, m := range markerRE.findAll(s, "[^") {
		take(m[0], m[1], kindSource)
	}
	for _, m := range linkRE.findAllAt(s, 0, linkStart) { // neither of its forms crosses a line
		take(m[0], m[1], kindLocked)
	}
	for _, m := range urlRE.findAllFold(s, "://", "www.") {
		take(m[0], m[1], kindLocked)
	}
	for _, m := range boldRE.findAll(s, "**") {
		k := byte(kindName)
		if inner := s[m[0]+2 : m[1]-2]; lk.lex.isWholeDate(inner) {
			k = kindDate
		}
		take(m[0], m[1], k)
	}
	// "Figure 1", "Table 2": a reference to the brief's own figure or
	// table is one name ("Table" is no place, "1 show" no count of
	// shows: the model simulator, ms1, met "⟦N3⟧ ⟦F4⟧ the full ranking"
	// for "Table 1 show the full ranking")
	if !lk.lex.isNative() {
		for _, m := range referenceRE.findAllAt(s, 16, referenceStart) {
			take(m[0], m[1], kindName)
		}
	}
	blanked := []byte(s)
	for i := range blanked {
		if used[i] {
			blanked[i] = ' '
		}
	}
	for _, m := range specialSpans(string(blanked)) {
		// Up to what is already taken (a footnote marker after it);
		// trailing sentence punctuation stays prose.
		en := m[1]
		for i := m[0]; i < en; i++ {
			if used[i] {
				en = i
			}
		}
		for en > m[0] && strings.ContainsRune(".,;:!?)", rune(s[en-1])) && !strings.ContainsRune("\\", rune(s[en-2])) {
			en--
		}
		take(m[0], en, kindLocked)
	}
	for _, m := range domains(s) {
		take(m[0], m[1], kindLocked)
	}
	dateText := s
	if lk.lex.isNative() {
		// A date that runs into a span already taken ("январь 2025 г.*",
		// the caption's emphasis) is read up to it, as the relock of a
		// reply reads it ("январь", "2025").
		b := []byte(s)
		for i := range b {
			if used[i] {
				b[i] = ' '
			}
		}
		dateText = string(b)
	}
	for _, m := range lk.lex.dates(dateText) {
		take(m[0], m[1], kindDate)
	}
	// A catalog name with a digit in it ("Euribor, 3 months", "COVID-19
	// cases") is one name, before its digits are read as a figure (red
	// team, round 12: "Euribor, 3 months" was locked as a word, a figure
	// "3 months" and a comma, which no pattern reads across)
	for _, m := range lk.digitNames(s) {
		take(m[0], m[1], kindName)
	}
	for _, f := range lk.lex.figures(s) {
		f := f
		st, en, noun := lk.extendFigure(s, f)
		sp := take(st, en, kindFigure)
		if sp == nil && en > f.end && noun != "" {
			// its count noun is part of a name already taken ("about 3
			// million confirmed COVID-19 cases": a catalog name with a
			// digit): the figure without it, or it would stay a word
			// the lock cannot read (red team round 25: the talking
			// point's own draft was refused)
			st, _, _ = lk.extendFigure(s[:f.end], f)
			noun = ""
			sp = take(st, f.end, kindFigure)
		}
		if sp != nil {
			sp.fig, sp.noun = &f, noun
		}
	}
	for _, n := range lk.findNames(s, used) {
		take(n[0], n[1], kindName)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].start < out[j].start })
	return out
}

// extendFigure widens a figure over its hedge ("about"), count noun
// ("plants"), status ("(planned)") and "to date": they are part of what
// the figure claims.
func (lk *Locked) extendFigure(s string, f figure) (int, int, string) {
	st, en := f.start, f.end
	// hedge before
	p0 := max(0, st-64)
	for p0 > 0 && !utf8.RuneStart(s[p0]) {
		p0--
	}
	pre := s[p0:st]
	lpre := strings.ToLower(pre)
	if strings.HasSuffix(lpre, " ") {
		for _, h := range lk.lex.order["figure-before"] {
			// lpre ends with h and a space
			n := len(h) + 1
			if strings.HasSuffix(lpre[:len(lpre)-1], h) && (len(pre) == n || !isLetterAt(pre, len(pre)-n-1)) {
				st -= n
				break
			}
		}
	}
	if lk.lex.isNative() {
		// A Russian or Kazakh count noun agrees with its number ("171
		// проект", "45 проектов"): a word of the sentence, kept in place.
		return st, en, ""
	}
	noun := ""
	rest := ahead(s, en)
	if m := nounRE.re().FindStringSubmatchIndex(rest); m != nil {
		w := rest[m[2]:m[3]]
		// "three thermal power plants": an adjective, not what is counted.
		next := nounRE.re().FindStringSubmatch(rest[m[1]:])
		adjective := next != nil && !lk.lex.in("stop-after-number", next[1]) && rest[0] != '-'
		if !adjective && !lk.lex.in("stop-after-number", strings.ToLower(w)) && lk.lex.classes[strings.ToLower(w)] == nil && w == strings.ToLower(w) {
			noun = w
			en += m[1]
			rest = ahead(s, en)
		}
	}
	if m := perRE.re().FindStringIndex(rest); m != nil && noun == "" {
		en += m[1]
		rest = ahead(s, en)
	}
	// A unit written as a capitalised code with digits: "kt CO2e".
	if m := chemRE.re().FindStringIndex(rest); m != nil {
		en += m[1]
		rest = ahead(s, en)
	}
	if m := statusRE.re().FindStringSubmatchIndex(rest); m != nil && lk.lex.in("status", rest[m[2]:m[3]]) {
		en += m[1]
		rest = ahead(s, en)
	}
	if strings.HasPrefix(rest, " to date") {
		en += len(" to date")
	}
	return st, en, noun
}

var (
	nounRE   = lazy(`^[ -](\p{Ll}[\p{Ll}-]*)`)
	perRE    = lazy(`^ per \p{Ll}+(?: \p{Ll}+)?`)
	chemRE   = lazy(`^ [A-Z][A-Za-z]*\d[A-Za-z0-9.]*\b`)
	statusRE = lazy(`^ \((\pL+)\)`)
)

var months = `January|February|March|April|May|June|July|August|September|October|November|December`

// monthAbbr: a month written short, read as a date only before a year or
// after a day ("Feb 2025", "3 Feb 2025"), where no other word stands.
var monthAbbr = `(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?`

// dateRE finds dates and periods as the templates write them.
var dateRE = lazy(`\b(?:` +
	`\d{1,2} ` + monthAbbr + ` \d{4}|` + monthAbbr + ` \d{4}` +
	`|(?:\d{1,2}[–-])?\d{1,2} (?:` + months + `)(?: \d{4})?` +
	`|(?:` + months + `)(?:[–-](?:` + months + `))?(?: \d{1,2},)? \d{4}` +
	`|(?:` + months + `) \d{1,2}(?:, \d{4})?` +
	`|(?:` + months + `)` +
	`|Q[1-4] \d{4}|H[12] \d{4}|\d{4}-W\d{2}|Week \d{1,2} of \d{4}|\d{4}-\d{2}-\d{2}` +
	`|(?:19|20)\d{2}(?:[–-](?:19|20)?\d{2})?` +
	`)\b`)

func isWholeDate(s string) bool {
	m := dateRE.re().FindStringIndex(s)
	return m != nil && m[0] == 0 && m[1] == len(s)
}

func isDomain(s string) bool {
	l := strings.ToLower(s)
	if strings.Count(l, ".") == 0 {
		return false
	}
	switch l {
	case "e.g", "i.e", "u.s", "u.k", "a.m", "p.m", "etc":
		return false
	}
	// A decimal number or an abbreviation with one-letter parts is no
	// domain.
	parts := strings.Split(strings.SplitN(l, "/", 2)[0], ".")
	tld := parts[len(parts)-1]
	if len(tld) < 2 {
		return false
	}
	for _, r := range tld {
		if r < 'a' || r > 'z' {
			return false
		}
	}
	return len(parts[0]) >= 1 && !(len(parts) == 2 && len(parts[0]) == 1)
}

// findNames finds names: the vocabulary's (any case), runs of
// capitalised words that do not open a sentence as a common word, and
// words in a non-Latin script. used marks spans already taken.
func (lk *Locked) findNames(s string, used []bool) [][2]int {
	var out [][2]int
	free := func(a, b int) bool {
		for i := a; i < b; i++ {
			if used[i] {
				return false
			}
		}
		return true
	}
	taken := make([]bool, len(s)+1)
	mark := func(a, b int) {
		for i := a; i < b; i++ {
			taken[i] = true
		}
		out = append(out, [2]int{a, b})
	}
	// Vocabulary names, longest first, case-insensitive, whole words.
	ls := strings.ToLower(s)
	for _, ln := range lk.nameKeys() {
		for from := 0; ; {
			i := strings.Index(ls[from:], ln)
			if i < 0 {
				break
			}
			a := from + i
			b := a + len(ln)
			from = a + 1
			if len(ls) != len(s) {
				break // lower-casing changed the length: leave it to the word rules
			}
			if (a > 0 && isLetterAt(s, a-lastRuneLen(s[:a]))) || (b < len(s) && isLetterAt(s, b)) || !free(a, b) || taken[a] {
				continue
			}
			mark(a, b)
		}
	}
	for _, w := range wordsOf(s) {
		if taken[w.start] || !free(w.start, w.end) {
			continue
		}
		if lk.isNameWord(w) {
			// A run of names: "Energy Minister Almasadam Satkaliyev".
			mark(w.start, w.end)
		}
	}
	// A capitalised word just before a name is part of it ("Inter RAO"
	// opening a sentence).
	for k := range out {
		for {
			a := out[k][0]
			if a < 2 || s[a-1] != ' ' {
				break
			}
			ws := wordsOf(s[:a-1])
			if len(ws) == 0 {
				break
			}
			p := ws[len(ws)-1]
			if p.end != a-1 || !hasUpper(p.text[:1]) || lk.lex.common[strings.ToLower(p.text)] || !free(p.start, p.end) || taken[p.start] {
				break
			}
			out[k][0] = p.start
			mark(p.start, p.end)
			out = out[:len(out)-1]
		}
	}
	// Merge adjacent name words separated by one space.
	sort.Slice(out, func(i, j int) bool { return out[i][0] < out[j][0] })
	var merged [][2]int
	for _, n := range out {
		if k := len(merged) - 1; k >= 0 && (n[0] == merged[k][1]+1 && s[merged[k][1]] == ' ') {
			merged[k][1] = n[1]
			continue
		}
		merged = append(merged, n)
	}
	return merged
}

// nameKeys are the vocabulary's and the draft's names, lower case,
// longest first, each once, computed once per draft (findNames runs for
// every block: a 64 KB section has hundreds).
func (lk *Locked) nameKeys() []string {
	if lk.nameCache != nil && lk.nameCacheN == len(lk.seen) {
		return lk.nameCache
	}
	names := append(append([]string(nil), lk.vocab...), lk.seen...)
	sort.Slice(names, func(i, j int) bool { return len(names[i]) > len(names[j]) })
	out := []string{}
	seen := map[string]bool{}
	for _, n := range names {
		ln := strings.ToLower(strings.TrimSpace(n))
		if utf8.RuneCountInString(ln) < 2 || lk.lex.common[ln] || seen[ln] {
			continue
		}
		seen[ln] = true
		out = append(out, ln)
	}
	lk.nameCache, lk.nameCacheN = out, len(lk.seen)
	return out
}

// textWord is a word of prose with its place and whether it opens a
// sentence.
type textWord struct {
	start, end int
	text       string
	initial    bool
}

// wordsOf splits prose into words (letters, digits, inner apostrophes
// and hyphens), noting which open a sentence, a block or follow a colon
// or bracket.
func wordsOf(s string) []textWord {
	out := make([]textWord, 0, len(s)/6+1) // a word every six bytes or so
	initial := true
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			switch r {
			case '.', '!', '?', ':', ';', '(', '"', '“', '«', '\n', '•':
				initial = true
			}
			if strings.HasPrefix(s[i:], tokenOpen) {
				// A token is a word of its own; a footnote token leaves the
				// next word opening its sentence.
				j := strings.Index(s[i:], tokenClose)
				if j > 0 {
					if !strings.HasPrefix(s[i+len(tokenOpen):], "S") {
						initial = false
					}
					i += j + len(tokenClose)
					continue
				}
			}
			if r == '[' && strings.HasPrefix(s[i:], "[^") {
				if j := strings.IndexByte(s[i:], ']'); j > 0 {
					i += j + 1
					continue
				}
			}
			i += n
			continue
		}
		j := i
		for j < len(s) {
			r, m := utf8.DecodeRuneInString(s[j:])
			if unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) || unicode.Is(unicode.No, r) { // "CO₂": a subscript digit is part of its word
				j += m
				continue
			}
			if (r == '\'' || r == '’' || r == '-' || r == '‑') && j+m < len(s) && isLetterAt(s, j+m) && (r != '-' || unicode.IsLetter(lastRune(s[:j])) || !unicode.IsDigit(firstRune(s[j+m:]))) {
				j += m
				continue
			}
			break
		}
		out = append(out, textWord{start: i, end: j, text: s[i:j], initial: initial})
		initial = false
		i = j
	}
	return out
}

// isNameWord: a capitalised word not opening a sentence, a word in a
// non-Latin script, or a capitalised first word that is no English word.
func (lk *Locked) isNameWord(w textWord) bool {
	if lk.lex.isNative() {
		return nativeNameWord(w)
	}
	t := strings.TrimSuffix(strings.TrimSuffix(w.text, "'s"), "’s")
	r, _ := utf8.DecodeRuneInString(t)
	if unicode.IsDigit(r) {
		return false
	}
	if !latin(t) {
		return true
	}
	if !hasUpper(t) {
		return false
	}
	if !w.initial {
		return true
	}
	l := strings.ToLower(t)
	if lk.lex.regions[l] {
		return true
	}
	if t == strings.ToUpper(t) && utf8.RuneCountInString(t) > 1 {
		return true // an acronym: "VTB", "ATMs" is not all upper
	}
	return !lk.lex.known(l)
}

func hasUpper(s string) bool {
	for _, r := range s {
		if unicode.IsUpper(r) {
			return true
		}
	}
	return false
}

// latin reports letters of the Latin script only.
func latin(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) && !unicode.In(r, unicode.Latin) {
			return false
		}
	}
	return true
}

func lastRune(s string) rune {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

// specialChars are markup signs: a word holding one is locked whole.
const specialChars = "\\<>&`[]|*_~#{}"

// specialSpans are the whitespace-delimited words of s that hold a
// markup sign or a token bracket (a plain scan: a section is large).
func specialSpans(s string) [][2]int {
	var out [][2]int
	for i := 0; i < len(s); {
		j := strings.IndexAny(s[i:], specialChars+"⟦⟧")
		if j < 0 {
			break
		}
		j += i
		a := j
		for a > 0 && !spaceBefore(s, a) {
			a--
		}
		e := j
		for e < len(s) && !spaceAt(s, e) {
			e++
		}
		out = append(out, [2]int{a, e})
		i = e
	}
	return out
}

// spaceAt: a space rune starts at s[i] (never a byte of another
// letter: "Р" is D0 A0, and A0 alone reads as a no-break space).
func spaceAt(s string, i int) bool {
	if !utf8.RuneStart(s[i]) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return unicode.IsSpace(r)
}

// spaceBefore: a space rune ends just before s[i].
func spaceBefore(s string, i int) bool {
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	return unicode.IsSpace(r)
}

// domains finds domain names ("evil.example") in s.
func domains(s string) [][2]int {
	var out [][2]int
	for i := 0; i < len(s); {
		j := strings.IndexByte(s[i:], '.')
		if j < 0 {
			break
		}
		j += i
		if j+1 < len(s) && (s[j+1] >= 'a' && s[j+1] <= 'z' || s[j+1] >= 'A' && s[j+1] <= 'Z') && j > 0 && s[j-1] != ' ' {
			a := j
			for a > 0 && !spaceBefore(s, a) && s[a-1] != '(' {
				a--
			}
			if m := domainRE.re().FindStringIndex(s[a:min(len(s), j+80)]); m != nil && isDomain(s[a+m[0]:a+m[1]]) {
				out = append(out, [2]int{a + m[0], a + m[1]})
				i = a + m[1]
				continue
			}
		}
		i = j + 1
	}
	return out
}

// negativeFigure: a figure written below zero ("−$150.0 million",
// "-0.5%", "минус 3"): its sign stands before its first digit.
func negativeFigure(text string) bool {
	if strings.HasPrefix(strings.ToLower(strings.TrimSpace(text)), "минус") {
		return true
	}
	for _, r := range text {
		switch {
		case r == '-' || r == '−' || r == '–':
			return true
		case unicode.IsDigit(r):
			return false
		}
	}
	return false
}

// amountKind: a figure's kind is money (a currency's code) or a
// percentage.
func amountKind(k string) bool {
	if k == "%" {
		return true
	}
	if len(k) != 3 {
		return false
	}
	for _, r := range k {
		if r < 'A' || r > 'Z' {
			return false
		}
	}
	return true
}

// scheduleIn: a text holds a word of a plan, a schedule or a completion
// (the lexicon's [plan], [done] and [cancel] words, or a word of
// scheduleWords).
func (l *lexicon) scheduleIn(text string) bool {
	for _, w := range strings.FieldsFunc(strings.ToLower(text), func(r rune) bool { return !unicode.IsLetter(r) && r != '-' }) {
		if scheduleWords[w] {
			return true
		}
		for _, c := range l.classes[w] {
			if c == "plan" || c == "done" || c == "cancel" {
				return true
			}
		}
	}
	return false
}

// scheduleWords say when a thing is due: "due", "maturing", "to start".
var scheduleWords = map[string]bool{"due": true, "maturing": true, "matures": true, "mature": true, "matured": true, "maturity": true,
	"start": true, "starts": true, "starting": true, "begin": true, "begins": true, "beginning": true, "open": true, "opening": true,
	"launch": true, "launching": true, "expire": true, "expiring": true, "expires": true, "deadline": true, "overdue": true, "outstanding": true}
