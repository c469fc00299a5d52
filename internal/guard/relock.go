package guard

import (
	"fmt"
	"sort"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// relock turns a reply into tokenised text: its kept blocks and every
// claim written out in its free text (a figure, date, name, marker or
// locked text of the draft, in any format a reader takes for the same)
// become the draft's tokens, as a model that kept them would have
// written. What reads as a claim but is none of the draft's is a
// problem. It returns the text, the surface of each token in order and
// the problems.
func (lk *Locked) relock(reply string) (string, []string, []Issue) {
	var issues []Issue
	var b strings.Builder
	var surfaces []string
	for i, bl := range splitBlocks(reply) {
		if i > 0 {
			b.WriteString("\n\n")
		}
		if bl.kind == 'B' {
			id := ""
			for _, s := range lk.Slots {
				if s.kind == kindBlock && s.Text == bl.text {
					id = s.ID
					break
				}
			}
			if id == "" {
				issues = append(issues, Issue{Text: clip(bl.text, 80), Why: "a heading, table, image or other kept block that the draft does not have (changed or added)"})
				b.WriteString(bl.text)
				continue
			}
			b.WriteString(tokenOpen + id + tokenClose)
			surfaces = append(surfaces, "")
			continue
		}
		b.WriteString(bl.prefix)
		t, sf, is := lk.relockProse(bl.text, i)
		b.WriteString(t)
		surfaces = append(surfaces, sf...)
		issues = append(issues, is...)
	}
	return b.String(), surfaces, issues
}

// piece is a part of a prose block: a token (with its surface) or free
// text.
type piece struct {
	text    string
	token   bool
	surface string
}

func (lk *Locked) relockProse(s string, block int) (string, []string, []Issue) {
	var ps []piece
	last := 0
	for _, m := range findTokens(s) {
		if m[0] > last {
			ps = append(ps, piece{text: s[last:m[0]]})
		}
		ps = append(ps, piece{text: s[m[0]:m[1]], token: true})
		last = m[1]
	}
	if last < len(s) {
		ps = append(ps, piece{text: s[last:]})
	}
	var issues []Issue
	// Each pass finds spans in the free pieces and turns them into
	// tokens.
	pass := func(find func(free string) []found) {
		out := make([]piece, 0, len(ps)+len(ps)/2+4)
		for _, p := range ps {
			if p.token {
				out = append(out, p)
				continue
			}
			fs := find(p.text)
			sort.Slice(fs, func(i, j int) bool { return fs[i].start < fs[j].start })
			at := 0
			for _, f := range fs {
				if f.start < at {
					continue
				}
				if f.start > at {
					out = append(out, piece{text: p.text[at:f.start]})
				}
				if f.issue != "" {
					issues = append(issues, Issue{Text: p.text[f.start:f.end], Why: f.issue})
					out = append(out, piece{text: p.text[f.start:f.end], token: true, surface: p.text[f.start:f.end]})
				} else {
					if f.lead != "" {
						out = append(out, piece{text: f.lead})
					}
					out = append(out, piece{text: tokenOpen + f.id + tokenClose, token: true, surface: p.text[f.start:f.end]})
				}
				at = f.end
			}
			if at < len(p.text) {
				out = append(out, piece{text: p.text[at:]})
			}
		}
		ps = out
	}
	pass(lk.findMarkers)
	pass(lk.findBold)
	pass(lk.findExact)
	pass(func(t string) []found { return lk.findYearOnYear(t, block) })
	pass(lk.findDates)
	bare := map[int]bool{} // figure slots written without their count noun
	pass(func(t string) []found { return lk.findFigures(t, bare) })
	for k := range bare {
		if !lk.nounSaidBeside(k, bare, ps) {
			sl := lk.Slots[k]
			issues = append(issues, Issue{Slot: sl.ID, Text: sl.Text, Why: fmt.Sprintf("written without %q, and no other figure of its sentence says %q", sl.noun, sl.noun)})
		}
	}
	pass(lk.findNamesIn)
	var b strings.Builder
	var surfaces []string
	for i, p := range ps {
		b.WriteString(p.text)
		if p.token && strings.HasPrefix(p.text, tokenOpen) {
			surfaces = append(surfaces, p.surface)
			continue
		}
		if !p.token {
			issues = append(issues, lk.freeTextIssues(p.text, i == 0)...)
		}
	}
	return b.String(), surfaces, issues
}

// found is a span of free text: a slot's id, or an issue.
type found struct {
	start, end int
	id         string
	issue      string
	lead       string // free text the span stands for before its token ("on " of "year on year")
}

// slotsOf lists the slots of a kind, one of each text.
func (lk *Locked) slotsOf(kind byte) []int {
	if lk.ofKind == nil {
		lk.ofKind = map[byte][]int{}
		seen := map[string]bool{}
		for i, s := range lk.Slots {
			if k := string(s.kind) + s.Text; !seen[k] {
				seen[k] = true
				lk.ofKind[s.kind] = append(lk.ofKind[s.kind], i)
			}
		}
	}
	return lk.ofKind[kind]
}

func (lk *Locked) findMarkers(s string) []found {
	var out []found
	for _, m := range markerRE.findAll(s, "[^") {
		f := found{start: m[0], end: m[1], issue: fmt.Sprintf("footnote %s is not one of the draft's", s[m[0]:m[1]])}
		for _, k := range lk.slotsOf(kindSource) {
			if lk.Slots[k].Text == s[m[0]:m[1]] {
				f.id, f.issue = lk.Slots[k].ID, ""
				break
			}
		}
		out = append(out, f)
	}
	return out
}

// findExact finds the draft's slot texts written as they are (names in
// any case), longest first, as whole words.
func (lk *Locked) findExact(s string) []found {
	if lk.exactIdx == nil {
		seenText := map[string]bool{}
		for i, sl := range lk.Slots {
			k := string(sl.kind) + sl.Text
			if sl.kind != kindBlock && sl.kind != kindSource && !seenText[k] {
				seenText[k] = true
				lk.exactIdx = append(lk.exactIdx, i)
			}
		}
		sort.SliceStable(lk.exactIdx, func(a, b int) bool { return len(lk.Slots[lk.exactIdx[a]].Text) > len(lk.Slots[lk.exactIdx[b]].Text) })
	}
	idx := lk.exactIdx
	used := make([]bool, len(s)+1)
	ls := strings.ToLower(s)
	var out []found
	for _, k := range idx {
		sl := lk.Slots[k]
		hay, needle := s, sl.Text
		if sl.kind == kindName && len(ls) == len(s) && !lk.allKnown(sl.Text) {
			hay, needle = ls, strings.ToLower(sl.Text)
		}
		for from := 0; from < len(hay); {
			i := strings.Index(hay[from:], needle)
			if i < 0 {
				break
			}
			a, e := from+i, from+i+len(needle)
			from = a + 1
			if a > 0 && isLetterAt(s, a-lastRuneLen(s[:a])) && isLetterAt(s, a) || e < len(s) && isLetterAt(s, e) && isLetterAt(s, e-lastRuneLen(s[:e])) {
				continue
			}
			if sl.kind == kindName && lk.freeWord(s[a:e]) && (s[a:e] != sl.Text || opensSentence(s, a) && lk.lex.known(strings.ToLower(sl.Text))) {
				// the draft's own word, so cased, outside the name; or a
				// name that is a common word, which the draft also writes
				// as the word opening a sentence (an entity "Next", the
				// data's "Next came the second berth": red team round 32,
				// the draft itself was refused)
				continue
			}
			if sl.kind == kindDate && shortMonthBefore(s[:a]) {
				continue // "Feb 2025": the year of a longer date (findDates)
			}
			if sl.kind == kindFigure && (a > 0 && (isDigitByte(s[a-1]) || isLetterAt(s, a-lastRuneLen(s[:a])) || signBefore(s[:a])) || e < len(s) && isDigitByte(s[e])) {
				continue
			}
			clash := false
			for j := a; j < e; j++ {
				clash = clash || used[j]
			}
			if clash {
				continue
			}
			for j := a; j < e; j++ {
				used[j] = true
			}
			out = append(out, found{start: a, end: e, id: sl.ID})
		}
	}
	return out
}

func (lk *Locked) findDates(s string) []found {
	var out []found
	for _, m := range lk.lex.dates(s) {
		t := s[m[0]:m[1]]
		f := found{start: m[0], end: m[1], issue: fmt.Sprintf("date %q is not in the draft", t)}
		// A bold date is a bold label's, a plain one a sentence's: the
		// slot of the same weight first ("2024 году" is "2024 г.", not
		// the label "**2024 г.**").
		bold := strings.Contains(t, "**")
		tk := dateKey(t)
		for _, sameWeight := range []bool{true, false} {
			for _, k := range lk.slotsOf(kindDate) {
				if (strings.Contains(lk.Slots[k].Text, "**") == bold) == sameWeight && sameDateKey(lk.dateKeyOf(k), tk) {
					f.id, f.issue = lk.Slots[k].ID, ""
					break
				}
			}
			if f.id != "" {
				break
			}
		}
		out = append(out, f)
	}
	return out
}

func sameDate(a, b string) bool {
	return sameDateKey(dateKey(a), dateKey(b))
}

// findYearOnYear reads "year on year" as the draft's "on {D}" where
// {D} is exactly a year before the period of the draft's list item or
// paragraph (block): "up 26.1% year on year" in an item of June 2026
// is "up 26.1% on June 2025". Only when one date of the block is so
// compared, and never when the draft says "year on year" itself; the
// printed text is then the draft's.
func (lk *Locked) findYearOnYear(s string, block int) []found {
	var out []found
	low := strings.ToLower(s)
	if !strings.Contains(low, "year") {
		return nil
	}
	if dl := strings.ToLower(lk.Text); strings.Contains(dl, "year on year") || strings.Contains(dl, "year-on-year") {
		return nil // the draft's own words: kept as they are
	}
	for _, phrase := range []string{"year on year", "year-on-year"} {
		for from := 0; ; {
			i := strings.Index(low[from:], phrase)
			if i < 0 {
				break
			}
			a, e := from+i, from+i+len(phrase)
			from = e
			if a > 0 && isLetterAt(s, a-lastRuneLen(s[:a])) || e < len(s) && isLetterAt(s, e) {
				continue
			}
			if s[a] == 'Y' && e < len(s) && s[e] == ',' {
				continue // "Year on year, it is up … on ⟦D⟧": a sentence's lead-in, its date said after it
			}
			if id := lk.yearBeforeSlot(block); id != "" {
				out = append(out, found{start: a, end: e, id: id, lead: "on "})
			}
		}
	}
	return out
}

// yearBeforeSlot: the one date slot of the block the draft writes after
// "on " that is a month or year exactly one year before another date
// of the block, or "".
func (lk *Locked) yearBeforeSlot(block int) string {
	var dates []int
	for _, k := range lk.slotsOf(kindDate) {
		if lk.Slots[k].block == block {
			dates = append(dates, k)
		}
	}
	id := ""
	for _, k := range dates {
		sl := lk.Slots[k]
		if !lk.onBefore(k) {
			continue
		}
		for _, j := range dates {
			if j != k && yearApart(lk.Slots[j].Text, sl.Text) {
				if id != "" && id != sl.ID {
					return "" // two candidates: not one reading
				}
				id = sl.ID
			}
		}
	}
	return id
}

// onBefore: the draft writes "on " just before slot k.
func (lk *Locked) onBefore(k int) bool {
	tok := tokenOpen + lk.Slots[k].ID + tokenClose
	i := strings.Index(lk.Text, tok)
	return i >= 3 && lk.Text[i-3:i] == "on "
}

// yearApart: later is a month or a year exactly one year after earlier.
func yearApart(later, earlier string) bool {
	for _, l := range []string{"January 2006", "2006"} {
		a, err1 := time.Parse(l, strings.TrimSpace(later))
		b, err2 := time.Parse(l, strings.TrimSpace(earlier))
		if err1 == nil && err2 == nil {
			return a.Equal(b.AddDate(1, 0, 0))
		}
	}
	return false
}

// dateKey is a date's text as sameDate compares it (no bold, dashes or
// commas, one space, months in full, a Russian year's word dropped) and
// its day ("2025-02-03"), if it names one.
func dateKey(s string) [2]string {
	s = yearWord(fullMonth(strings.Join(strings.Fields(dateNoise.Replace(s)), " ")))
	return [2]string{s, dayOf(s)}
}

func sameDateKey(a, b [2]string) bool {
	return strings.EqualFold(a[0], b[0]) || a[1] != "" && a[1] == b[1]
}

// dateKeyOf is date slot k's dateKey, computed once.
func (lk *Locked) dateKeyOf(k int) [2]string {
	if lk.dateKeys == nil {
		lk.dateKeys = map[int][2]string{}
	}
	key, ok := lk.dateKeys[k]
	if !ok {
		key = dateKey(lk.Slots[k].Text)
		lk.dateKeys[k] = key
	}
	return key
}

// yearWord: a Russian year's word after its digits, short or in full
// ("2024 г.", "2024 году", "2024 года"), is the year itself; the
// preposition before it stays the draft's (the alignment).
func yearWord(s string) string {
	for _, w := range []string{" г.", " г", " году", " года", " год"} {
		if t, ok := strings.CutSuffix(s, w); ok && len(t) >= 4 && isDigitByte(t[len(t)-1]) {
			return t
		}
	}
	return s
}

// shortMonthBefore: s ends with a short month and a space ("in Feb "),
// so a year after it belongs to that date.
func shortMonthBefore(s string) bool {
	t := strings.TrimSuffix(strings.TrimSuffix(s, " "), ".")
	if len(t) == len(s) {
		return false
	}
	i := strings.LastIndexAny(t, " (\n") + 1
	_, ok := monthShort[t[i:]]
	return ok
}

// fullMonth writes a short month in full ("Feb 2025", "3 Sept. 2025"):
// the same month, so the same date.
func fullMonth(s string) string {
	f := strings.Fields(s)
	for i, w := range f {
		if m, ok := monthShort[strings.TrimSuffix(w, ".")]; ok && i+1 < len(f) && len(f[i+1]) == 4 && isDigitByte(f[i+1][0]) {
			f[i] = m
		}
	}
	return strings.Join(f, " ")
}

var monthShort = map[string]string{"Jan": "January", "Feb": "February", "Mar": "March", "Apr": "April", "Jun": "June",
	"Jul": "July", "Aug": "August", "Sep": "September", "Sept": "September", "Oct": "October", "Nov": "November", "Dec": "December"}

// dayOf reads a full date in any of the usual layouts ("3 February
// 2025", "February 3 2025", "2025-02-03") as YYYY-MM-DD.
func dayOf(s string) string {
	for _, l := range []string{"2 January 2006", "January 2 2006", "2006-01-02", "Monday 2 January 2006"} {
		if t, err := time.Parse(l, s); err == nil {
			return t.Format("2006-01-02")
		}
	}
	return ""
}

// findFigures reads every figure of free text and pairs it with a figure
// of the draft: the same value and kind, or a hedged rounding of it; a
// count noun of the draft must follow it.
func (lk *Locked) findFigures(s string, bare map[int]bool) []found {
	var out []found
	for _, f := range lk.lex.figures(s) {
		text := s[f.start:f.end]

		fd := found{start: f.start, end: f.end}
		var kindOnly string
		for _, k := range lk.slotsOf(kindFigure) {
			sl := lk.Slots[k]
			if sl.fig == nil {
				continue
			}
			d := *sl.fig
			if sameFigure(f, d) {
				if lk.lex.isNative() && decimalPoint(text) && !decimalPoint(sl.Text) {
					// "27.8" for "27,8": a Russian or Kazakh reader may read a date.
					fd.id, fd.issue = "", fmt.Sprintf("figure %q writes a decimal point where the draft writes %q", text, sl.Text)
					break
				}
				if !lk.lex.isNative() && decimalComma(text) && !decimalComma(sl.Text) {
					// "$675,31" for "$675.31": an English reader may read 67,531.
					fd.id, fd.issue = "", fmt.Sprintf("figure %q writes a decimal comma where the draft writes %q", text, sl.Text)
					break
				}
				if sl.noun != "" && lk.nounEnd(s[f.end:], sl.noun) == 0 && !lk.nounStatedOnce(k) {
					kindOnly = fmt.Sprintf("figure %q: the draft's figure of this value counts %s (%q)", text, sl.noun, sl.Text)
					continue
				}
				fd.id = sl.ID
				if sl.noun != "" && lk.nounEnd(s[f.end:], sl.noun) == 0 {
					bare[k] = true
				}
				// "minus 3.3%", "a deficit of $8.6 billion" said of the
				// draft's "-3.3%", "-$8.6 billion": the sign's words are
				// the figure's (the token prints the sign).
				if d.value < 0 && !strings.ContainsAny(text[:1], "-–—‐‑−") {
					lb := strings.ToLower(s[max(0, f.start-16):f.start])
					for _, w := range lk.lex.order["sign-word"] {
						if strings.HasSuffix(lb, w+" ") {
							fd.start -= len(w) + 1
							break
						}
					}
				}
				if f.value != d.value {
					fd.id += "~"
				}
				if sl.noun != "" {
					fd.end = f.end + lk.nounEnd(s[f.end:], sl.noun)
				}
				if tail := sl.tail(); tail != "" {
					key := strings.Trim(tail, "()")
					rest := unitSpelling.Replace(s[fd.end:min(len(s), fd.end+64)]) // replacements only lengthen: 64 bytes give the first 48
					if len(rest) > 48 {
						rest = rest[:48]
					}
					if strings.HasPrefix(strings.TrimLeft(s[fd.end:], " "), tail) {
						fd.end += strings.Index(s[fd.end:], tail) + len(tail)
					} else if n := tailSpelling(s[fd.end:], tail); n > 0 {
						fd.end += n
					} else if !strings.Contains(strings.ToLower(rest), strings.ToLower(key)) {
						fd.id, fd.issue = "", fmt.Sprintf("figure %q drops the draft's %q (%q)", text, tail, sl.Text)
						break
					}
				}
				if lk.hedgedSlot(sl.Text) && !f.hedged {
					fd.id, fd.issue = "", fmt.Sprintf("figure %q drops the draft's hedge (%q)", text, sl.Text)
				} else if n := lk.neutralHedgeFor(s[:fd.start], sl.Text); n > 0 && f.value == d.value {
					// "some 12 million" for the draft's "about 12 million":
					// one neutral hedge for another says the same; the token
					// takes the reply's hedge and prints the draft's.
					fd.start -= n
				}
				if m := chemRE.re().FindStringIndex(s[fd.end:]); m != nil && strings.Contains(sl.Text, strings.TrimSpace(s[fd.end:fd.end+m[1]])) {
					fd.end += m[1]
				}
				break
			}
			if f.value == d.value && f.kind != d.kind {
				kindOnly = fmt.Sprintf("figure %q is in %s, the draft's %q in %s", text, kindName_(f.kind), sl.Text, kindName_(d.kind))
			}
		}
		if fd.id == "" && fd.issue == "" {
			fd.issue = kindOnly
			if fd.issue == "" {
				fd.issue = fmt.Sprintf("figure %q is not in the draft", text)
				if !f.hedged {
					for _, k := range lk.slotsOf(kindFigure) {
						if d := lk.Slots[k].fig; d != nil && d.kind == f.kind && d.value != 0 && abs(f.value-d.value) <= 0.05*abs(d.value) && abs(f.value-d.value) <= f.step/2+1e-9*abs(d.value) {
							fd.issue = fmt.Sprintf("figure %q rounds the draft's %q without a word such as \"about\"", text, lk.Slots[k].Text)
							break
						}
					}
				}
			}
		}
		out = append(out, fd)
	}
	return out
}

func abs(x float64) float64 {
	if x < 0 {
		return -x
	}
	return x
}

func kindName_(k string) string {
	switch k {
	case "":
		return "a plain number"
	case "%":
		return "per cent"
	case "pp":
		return "percentage points"
	case "‰":
		return "per mille"
	case "x":
		return "times"
	}
	return k
}

// nounEnd: where the draft's count noun (its singular or plural, a unit
// in full) ends among the next three words; 0 if it is not there.
func (lk *Locked) nounEnd(rest, noun string) int {
	ws := wordsOf(rest)
	for i, w := range ws {
		if i >= 3 {
			break
		}
		l := strings.ToLower(w.text)
		if l == noun || l+"s" == noun || l == noun+"s" || strings.TrimSuffix(l, "es") == strings.TrimSuffix(noun, "es") || lk.lex.sameUnit(noun, l) {
			return w.end
		}
	}
	return 0
}

// findNamesIn finds names in free text: the data's names in any case and
// script, capitalised words, words of another script, country names.
// Those the draft has become its tokens (a repeat is allowed); others are
// new names.
func (lk *Locked) findNamesIn(s string) []found {
	var out []found
	used := make([]bool, len(s)+1)
	for _, n := range lk.findNames(s, used) {
		t := s[n[0]:n[1]]
		if lk.freeWord(t) && (!lk.exactName(t) || opensSentence(s, n[0]) && lk.lex.known(strings.ToLower(t))) {
			// The draft writes this word, so cased, as a word of its own
			// ("a flood watch" beside the name "Flood watch"): a word.
			// Also where a name is a common word the draft writes both
			// ways: at a sentence's start the lock reads it as the word
			// (an entity "Next" and the data's "Next came the second
			// berth": red team round 32, the draft itself was refused).
			continue
		}
		if id := lk.nameSlot(t); id != "" {
			if !strings.HasSuffix(id, "+") {
				out = append(out, found{start: n[0], end: n[1], id: id})
			}
			continue
		}
		// Each word of a run the draft has (a shortened name) is a repeat.
		ok := true
		for _, w := range wordsOf(t) {
			if lk.nameSlot(w.text) == "" && !lk.draftWord(w.text) {
				ok = false
			}
		}
		if ok {
			continue
		}
		out = append(out, found{start: n[0], end: n[1], issue: fmt.Sprintf("name %q is not in the draft", t)})
	}
	// Country names in lower case ("exports to china").
	for _, w := range wordsOf(s) {
		l := strings.ToLower(w.text)
		if lk.lex.regions[l] && !lk.draftWord(w.text) && lk.nameSlot(w.text) == "" {
			out = append(out, found{start: w.start, end: w.end, issue: fmt.Sprintf("name %q (a country) is not in the draft", w.text)})
		}
	}
	return out
}

// nameSlot is the id of a name slot whose text is t (any case), or of
// which t is a word.
func (lk *Locked) nameSlot(t string) string {
	lt := strings.ToLower(strings.TrimSuffix(strings.TrimSuffix(t, "'s"), "’s"))
	for _, k := range lk.slotsOf(kindName) {
		if strings.ToLower(lk.Slots[k].Text) == lt {
			return lk.Slots[k].ID
		}
	}
	for _, k := range lk.slotsOf(kindName) {
		for _, w := range wordsOf(lk.Slots[k].Text) {
			if strings.ToLower(w.text) == lt && utf8Len(lt) > 2 {
				return lk.Slots[k].ID + "+"
			}
		}
	}
	return ""
}

func utf8Len(s string) int { return len([]rune(s)) }

// draftWord: w is a word of the draft's free text (any case).
func (lk *Locked) draftWord(w string) bool {
	if lk.words == nil {
		lk.words = map[string]bool{}
		for _, x := range wordsOf(lk.Draft) {
			lk.words[strings.ToLower(x.text)] = true
		}
	}
	return lk.words[strings.ToLower(w)]
}

// freeTextIssues are what free text may not hold once every claim of
// the draft is a token: a figure, date, markup, link, or chatter.
func (lk *Locked) freeTextIssues(s string, first bool) []Issue {
	var out []Issue
	for _, w := range wordsOf(s) {
		if strings.IndexFunc(w.text, unicode.IsDigit) >= 0 && !lk.draftWord(w.text) {
			out = append(out, Issue{Text: clip(strings.TrimSpace(s), 60), Why: "a digit that is no figure of the draft"})
			break
		}
	}
	if strings.ContainsAny(s, "⟦⟧") {
		out = append(out, Issue{Text: clip(strings.TrimSpace(s), 60), Why: "a broken slot token"})
	}
	if i := strings.IndexAny(strings.ReplaceAll(s, "**", "  "), "\\<>[]`*_|#~{}&$€£¥₹₽₸"); i >= 0 {
		out = append(out, Issue{Text: clip(strings.TrimSpace(s[i:]), 40), Why: fmt.Sprintf("markup or a sign %q that the draft does not have there", s[i:i+1])})
	}
	for _, u := range urlRE.findAllFold(s, "://", "www.") {
		m := s[u[0]:u[1]]
		out = append(out, Issue{Text: m, Why: "a link the draft does not have"})
	}
	for _, m := range domainRE.re().FindAllString(s, -1) {
		if isDomain(m) && !strings.Contains(lk.Draft, m) {
			out = append(out, Issue{Text: m, Why: "a domain the draft does not have"})
		}
	}
	// Unknown lower-case words where a name would stand ("in pavlodar").
	ws := wordsOf(s)
	for i := 1; i < len(ws); i++ {
		prev := strings.ToLower(ws[i-1].text)
		w := ws[i].text
		if !lk.lex.in("name-before", prev) || hasUpper(w) || !latin(w) {
			continue
		}
		l := strings.ToLower(w)
		if !lk.lex.known(l) && !lk.draftWord(w) && utf8Len(l) > 3 && !lk.lex.all[l] {
			out = append(out, Issue{Text: ws[i-1].text + " " + w, Why: fmt.Sprintf("%q is no English word the guard knows and not in the draft: a name?", w)})
		}
	}
	return out
}

// allKnown: every word of t is an English word the lexicon knows (such a
// name is matched in its own case only).
func (lk *Locked) allKnown(t string) bool {
	for _, w := range wordsOf(t) {
		if !lk.lex.known(strings.ToLower(w.text)) {
			return false
		}
	}
	return true
}

// signBefore: a minus or plus sign (any dash) stands just before i.
func signBefore(s string) bool {
	r, n := utf8.DecodeLastRuneInString(s)
	if !strings.ContainsRune("-–—‐‑−+", r) {
		return false
	}
	p, _ := utf8.DecodeLastRuneInString(s[:len(s)-n])
	return !unicode.IsLetter(p) && !unicode.IsDigit(p)
}

// nounStatedOnce: a figure written without its count noun ("Italy
// (59,138), US (34,944 cases)") is the draft's slot k when the noun is
// said once for the list: k is the only figure slot of its value, its
// draft sentence counts that noun with another figure and no other noun.
// The reply's sentence still names the noun: the alignment keeps those
// other figures, noun and all, in the same sentence. The printed text is
// the draft's ("59,138 cases").
func (lk *Locked) nounStatedOnce(k int) bool {
	sl := lk.Slots[k]
	same := 0
	for _, j := range lk.slotsOf(kindFigure) {
		o := lk.Slots[j]
		if o.fig == nil {
			continue
		}
		if o.fig.value == sl.fig.value && o.fig.kind == sl.fig.kind {
			if same++; same > 1 {
				return false
			}
		}
		if j != k && o.sent == sl.sent && o.noun != "" {
			if o.noun != sl.noun {
				return false
			}
		}
	}
	others := 0
	for _, j := range lk.slotsOf(kindFigure) {
		if o := lk.Slots[j]; j != k && o.sent == sl.sent && o.noun == sl.noun {
			others++
		}
	}
	return others > 0
}

// nounSaidBeside: some other figure of bare slot k's draft sentence
// that counts the same noun stands in the reply with its noun (a token
// of the reply, not written bare): the list still says what it counts.
func (lk *Locked) nounSaidBeside(k int, bare map[int]bool, ps []piece) bool {
	sl := lk.Slots[k]
	present := map[string]bool{}
	for _, p := range ps {
		if p.token {
			present[strings.Trim(p.text, tokenOpen+tokenClose+"~")] = true
		}
	}
	for _, j := range lk.slotsOf(kindFigure) {
		if o := lk.Slots[j]; j != k && o.sent == sl.sent && o.noun == sl.noun && !bare[j] && present[o.ID] {
			return true
		}
	}
	return false
}

// tailSpelling: the length of the draft's unit tail ("per troy ounce")
// written another exact way at the start of s ("per troy oz", "/oz t",
// "a troy ounce"), or 0. Only the same unit: never "an ounce" or "/oz"
// for a troy ounce (another ounce), never "per" dropped.
func tailSpelling(s, tail string) int {
	unit, ok := strings.CutPrefix(tail, "per ")
	if !ok {
		return 0
	}
	units := append([]string{unit}, unitShort[unit]...)
	for _, u := range units {
		forms := []string{" per " + u, "/" + u, " / " + u}
		if a := "a "; !strings.ContainsAny(u[:1], "aeiou") {
			forms = append(forms, " "+a+u)
		}
		for _, f := range forms {
			if strings.HasPrefix(s, f) && (len(s) == len(f) || !isLetterAt(s, len(f))) {
				return len(f)
			}
		}
	}
	return 0
}

// unitShort: exact short spellings of a unit the templates write in
// full after "per".
var unitShort = map[string][]string{
	"troy ounce": {"troy oz", "oz t", "ozt", "troy oz."},
	"tonne":      {"t"},
	"kilogram":   {"kg"},
	"barrel":     {"bbl"},
}

// tail is what a figure's slot says after its count noun: "to date",
// "(planned)", "per troy ounce".
func (s Slot) tail() string {
	if s.fig == nil {
		return ""
	}
	if strings.Contains(s.Text, " to date") {
		return "to date"
	}
	for _, st := range english().order["status"] {
		if t := " (" + st + ")"; strings.Contains(s.Text, t) {
			return strings.TrimSpace(t)
		}
	}
	if i := strings.Index(s.Text, " per "); i >= 0 {
		return strings.TrimSpace(s.Text[i:])
	}
	return ""
}

func (lk *Locked) hedgedSlot(t string) bool {
	l := strings.ToLower(t)
	for h := range lk.lex.hedge {
		if strings.HasPrefix(l, h+" ") {
			return true
		}
	}
	return false
}

// findBold: a bold span of the reply that is a bold slot of the draft
// written another way ("**February 3, 2025**" for "**3 February 2025**").
func (lk *Locked) findBold(s string) []found {
	var out []found
	for _, m := range boldRE.re().FindAllStringIndex(s, -1) {
		inner := s[m[0]+2 : m[1]-2]
		for _, sl := range lk.Slots {
			if !strings.HasPrefix(sl.Text, "**") {
				continue
			}
			if sl.kind == kindDate && sameDate(sl.Text, inner) || sl.kind == kindName && strings.EqualFold(sl.Text[2:len(sl.Text)-2], inner) {
				out = append(out, found{start: m[0], end: m[1], id: sl.ID})
				break
			}
		}
	}
	return out
}

// decimalComma: a comma between digits that is no thousands separator
// (not followed by exactly three digits).
func decimalComma(s string) bool {
	for i := 1; i < len(s); i++ {
		if s[i] != ',' || !isDigitByte(s[i-1]) {
			continue
		}
		n := 0
		for j := i + 1; j < len(s) && isDigitByte(s[j]); j++ {
			n++
		}
		if n > 0 && n != 3 {
			return true
		}
	}
	return false
}

// freeWord: t, in this case, is a word of the draft's text outside its
// slots.
func (lk *Locked) freeWord(t string) bool {
	if lk.free == nil {
		lk.free = map[string]bool{}
		for _, x := range wordsOf(lk.Text) {
			lk.free[x.text] = true
		}
	}
	return lk.free[t]
}

// exactName: t is, byte for byte, the text of one of the draft's name
// slots.
func (lk *Locked) exactName(t string) bool {
	for _, k := range lk.slotsOf(kindName) {
		if lk.Slots[k].Text == t {
			return true
		}
	}
	return false
}

var (
	unitSpelling = strings.NewReplacer(" oz", " ounce", " t ", " tonne ")
	dateNoise    = strings.NewReplacer("**", "", "–", "-", "—", "-", ",", "")
)

// neutralHedgeFor: the length of the neutral hedge ([add_hedge]: "some",
// "around", "roughly") that ends before (a space after it) when the
// draft's figure text t opens with a neutral hedge too ("about 12
// million"), else 0. "nearly", "just over" say a side, so neither side
// of such a swap is taken.
func (lk *Locked) neutralHedgeFor(before, t string) int {
	lt := strings.ToLower(t)
	ok := false
	for h := range lk.lex.hedge {
		if strings.HasPrefix(lt, h+" ") && lk.lex.mayAddHedge(h) {
			ok = true
			break
		}
	}
	if !ok || !strings.HasSuffix(before, " ") {
		return 0
	}
	// the word before the figure ([add_hedge] has single words only)
	w := strings.TrimRight(before, " ")
	k := strings.LastIndexAny(w, " \t\n") + 1
	if lk.lex.mayAddHedge(strings.ToLower(w[k:])) {
		return len(before) - k
	}
	return 0
}

// opensSentence: s[i:] opens a sentence or follows a colon: nothing but
// spaces between it and a stop, a colon or the start of a line.
func opensSentence(s string, i int) bool {
	j := strings.TrimRight(s[:i], " \u00a0")
	if j == "" {
		// the piece starts after a token (a footnote's: "….⟦S1⟧ Next
		// came second"): read as a word, as the lock may have; where
		// the draft locked it, its token is then missing, and refused
		return true
	}
	switch j[len(j)-1] {
	case '.', ':', '!', '?', '\n':
		return true
	}
	return false
}
