package guard

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/briefhq/brief/internal/format"
)

// checkBeforeSlot: a word that bounds or places a figure or date ("over",
// "almost", "until", "since", "by", "after") stands before it in the
// reply only if the draft has that word (or its synonym) there: "over
// ⟦F1⟧", "effective until ⟦D2⟧" are new claims.
func (lk *Locked) checkBeforeSlot(d, p *parsedText) []Issue {
	prev := func(pt *parsedText, o occurrence) string {
		i := tokenIndex(pt.sents[o.sent].text, lk.Slots[o.slot].ID)
		if i < 0 {
			return ""
		}
		ws := lastFields(pt.sents[o.sent].text[:i], 2)
		if len(ws) == 0 {
			return ""
		}
		w := strings.Trim(strings.ToLower(ws[len(ws)-1]), "(),;:\"'")
		if len(ws) > 1 {
			w2 := strings.ToLower(ws[0])
			if lk.lex.lists["before-slot"][w2+" "+w] {
				return w2 + " " + w
			}
		}
		return w
	}
	draftPrev := map[int]string{}
	for _, o := range d.occ {
		draftPrev[o.slot] = prev(d, o)
	}
	var out []Issue
	for _, o := range p.occ {
		s := lk.Slots[o.slot]
		if o.extra || s.kind != kindFigure && s.kind != kindDate {
			continue
		}
		b := prev(p, o)
		if o.round && lk.lex.hedge[b] {
			continue
		}
		if !lk.lex.lists["before-slot"][b] {
			continue
		}
		a := draftPrev[o.slot]
		if a == b || lk.lex.synonym[a] != "" && lk.lex.synonym[a] == lk.lex.synonym[b] {
			continue
		}
		out = append(out, Issue{Slot: s.ID, Text: s.Text, Why: fmt.Sprintf("%q before it where the draft has %q (a bound, a limit or another time)", b, a)})
	}
	return out
}

// roundable: the prompt lets the model round this figure ("about
// ⟦F3~⟧"): money, a share or a scaled or large count; never a year, an
// identifier, an ordinal, a small count, a figure the draft already
// hedges ("about 12 million": "about about"), or one its rounding leaves
// as it is ("6.5%", "$10.0 billion": the hedge would only blur an exact
// figure), in every language alike (Russian and Kazakh refused «около
// 6,5 %» while English took "about 6.5%": red team, round 6).
func (lk *Locked) roundable(i int) bool {
	s := lk.Slots[i]
	f := s.fig
	if s.kind != kindFigure || f == nil || f.ordinal || f.hedged || s.quoted {
		return false // a quotation's figure is the source's words
	}
	if lk.rangeEnd(i) {
		return false // a bound of what the period saw (ranges.go)
	}
	if lk.lex.isNative() && !lk.nativeRoundable(s) {
		return false
	}
	if lk.lex.lang == "ru" && f.kind == "" && lk.ruWholeOfPart(s.ID) {
		// the whole a part is counted of, «1 524 месяца из 2 251»: its
		// rounding («примерно из 2 300») changes the share the two
		// state (red team round 41; English refuses "of the about
		// 2,300" as a bare number)
		return false
	}
	if _, changed := lk.rounded(s.Text); !changed {
		return false
	}
	low := strings.ToLower(s.Text)
	for h := range lk.lex.hedge {
		if strings.HasPrefix(low, h+" ") {
			return false
		}
	}
	if f.kind != "" {
		return true
	}
	if f.unit != "" && lk.knownUnit(f.unit) {
		// a measure with its unit ("930.1 kt CO2e (estimate)", "341
		// cm"): its rounding is the same measure, blurred (red team,
		// round 7, r7-080); a bare number ("312 to 341") stays as it is
		return true
	}
	// A word after the number is its unit or what it counts only if the
	// guard knows it (the catalog's units and count nouns, the lexicon's
	// [unit]): "pier 1,450 blue" is pier No. 1,450 painted blue, no
	// measure of 1,450 "blue" (red team, round 10, r10-022). Without it
	// the figure is a bare number.
	text, noun := s.Text, s.noun
	if noun != "" && !lk.knownUnit(noun) {
		text = strings.TrimSuffix(strings.TrimSuffix(text, " "+noun), "-"+noun)
		noun = ""
	}
	if f.unit != "" && !lk.lex.isNative() {
		if i := strings.LastIndex(strings.ToLower(text), f.unit); i > 0 && i+len(f.unit) == len(text) {
			text = strings.TrimRight(text[:i], " \u00a0-")
		}
	}
	if noun == "" && !lk.lex.isNative() && !strings.ContainsFunc(text, unicode.IsLetter) && !strings.Contains(text, ".") {
		// a bare whole number, neither money, a share, a measure, a
		// scaled figure ("12.4 million"), a decimal (a measure's value,
		// "(1,380.0)" in the indicator's unit) nor a count of something
		// the catalog names: it may name a thing ("Astana signed decree
		// 1,234", "flat 1,450": red team, round 9; "pier 1,450 blue":
		// round 10), never rounded. (Russian and Kazakh keep the count
		// noun out of the token: there the rule is not applied.)
		return false
	}
	v := f.value
	if v < 0 {
		v = -v
	}
	return v >= 1000 && (strings.ContainsAny(s.Text, ",\u00a0\u202f ") || v >= 1e6)
}

// knownUnit: w (a word after a number) is a unit or count noun the
// guard knows: the catalog's (Vocabulary.Units) or the lexicon's [unit].
func (lk *Locked) knownUnit(w string) bool {
	w = strings.ToLower(w)
	return lk.catUnits[w] || lk.lex.isUnit(w)
}

// checkRounding: a rounded token only for a figure that may be rounded.
func (lk *Locked) checkRounding(p *parsedText) []Issue {
	var out []Issue
	for _, o := range p.occ {
		if o.round && !lk.roundable(o.slot) {
			s := lk.Slots[o.slot]
			out = append(out, Issue{Slot: s.ID, Text: s.Text, Why: "rounded, but this figure may not be rounded (a year, a number, a small count, a figure already hedged or one its rounding leaves as it is)"})
		}
	}
	return append(out, lk.checkRoundingPairs(p)...)
}

// checkRoundingPairs: a rounding may not change how a figure compares
// with another of its kind in the same paragraph or list item, or in any
// sentence of the section that names the same indicator (in Russian and
// Kazakh, anywhere in the section). Each
// rounding alone is allowed, but a level and the value it is compared
// with on either side of a rounding boundary print a change several
// times the real one (red team, round 11: "13.6%, up from 13.4%" as
// "about 14%, up from about 13%"; 1,349.6 and 1,351.2 kt as about
// 1,300 and about 1,400, a fall printed as a rise). So for every pair
// of figures of one kind and unit where either is rounded, the printed
// values keep the true order (equal only if equal) and their difference
// is at most twice the true one (units: comparable): "about $28 billion"
// against $27.3 billion (0.7 for 0.5) reads as the hedge says, "about
// 14%, up from about 13%" (1 point for 0.2) does not.
func (lk *Locked) checkRoundingPairs(p *parsedText) []Issue {
	vs := lk.figureVals(p)
	var out []Issue
	for _, a := range vs {
		if !a.rounded {
			continue
		}
		if c, bad := lk.breaksComparison(vs, a); bad {
			s, other := lk.Slots[a.slot], c.text
			if !c.table {
				other = lk.Slots[c.slot].Text
			}
			out = append(out, Issue{Slot: s.ID, Text: s.Text, Why: fmt.Sprintf("rounded, it no longer compares with %q as the draft's figures do (%s printed against %s): a rounding may not change a difference or an order", other, trimFloat(a.shown), trimFloat(c.shown))})
		}
	}
	return append(out, lk.checkStated(vs)...)
}

// figureVal is a figure occurrence as checkRoundingPairs compares it.
type figureVal struct {
	slot, block  int
	kind         string
	truth, shown float64
	rounded      bool
	quantities   map[string]bool // the indicators its sentence names
	table        bool            // a cell of a table of the draft (tableVals)
	text         string          // a table cell's text
}

// figureValue is the value and kind|unit of a figure's text.
func (lk *Locked) figureValue(text string) (float64, string, bool) {
	fs := lk.lex.figures(text)
	if len(fs) == 0 {
		return 0, "", false
	}
	return fs[0].value, fs[0].kind + "|" + fs[0].unit, true // kind|unit
}

// figureVals reads every figure occurrence of p once: its true value,
// the value printed (its rounding, for a rounded token) and the
// indicators its sentence names.
func (lk *Locked) figureVals(p *parsedText) []figureVal {
	named := map[int]map[string]bool{}
	for _, o := range p.occ {
		if sl := lk.Slots[o.slot]; sl.kind == kindName && sl.quantity {
			if named[o.sent] == nil {
				named[o.sent] = map[string]bool{}
			}
			named[o.sent][lk.key(o.slot)] = true
		}
	}
	var vs []figureVal
	for _, o := range p.occ {
		sl := lk.Slots[o.slot]
		if o.extra || sl.kind != kindFigure {
			continue
		}
		t, kind, ok := lk.figureValue(sl.Text)
		if !ok {
			continue
		}
		if rt, rk, ok := lk.rangeValue(o.slot); ok {
			t, kind = rt, rk // "22.79" of "22.79 to 24.12 million"
		}
		v := figureVal{slot: o.slot, block: o.block, kind: kind, truth: t, shown: t, quantities: named[o.sent]}
		if o.round {
			if rv, ok := lk.roundedValue(sl.Text); ok {
				v.shown, v.rounded = rv, true
			}
		}
		vs = append(vs, v)
	}
	return append(vs, lk.tables...)
}

// tableVals are the figures of the draft's tables, each cell once: a
// rounding in the prose is compared with them too, as it is with the
// figures of its paragraph (red team round 20: "Colombia came second
// with about $360 billion" while Table 1, in the same section, shows
// Nigeria third with $362.8 billion; the list of roundable figures
// offered it, in English, Russian and Kazakh). A cell equal to the
// rounded figure is that figure restated, not another one.
func (lk *Locked) tableVals() []figureVal {
	var out []figureVal
	for _, row := range lk.tableRows() {
		for _, c := range row {
			t, kind, ok := lk.figureValue(c)
			if !ok {
				continue
			}
			out = append(out, figureVal{slot: -1 - len(out), block: -1, kind: kind, truth: t, shown: t, table: true, text: c + " (a table's)"})
		}
	}
	return out
}

// tableRows are the rows of the draft's tables, each its cells' texts,
// trimmed, the header's rule and empty cells left out.
func (lk *Locked) tableRows() [][]string {
	var out [][]string
	for _, sl := range lk.Slots {
		if sl.kind != kindBlock || !strings.HasPrefix(sl.Text, "|") {
			continue
		}
		for _, line := range strings.Split(sl.Text, "\n") {
			var row []string
			for _, c := range strings.Split(strings.Trim(strings.TrimSpace(line), "|"), "|") {
				if c = strings.TrimSpace(c); c != "" && strings.Trim(c, ":- ") != "" {
					row = append(row, c)
				}
			}
			out = append(out, row)
		}
	}
	return out
}

// roundedValue is the value a figure's text prints rounded.
func (lk *Locked) roundedValue(text string) (float64, bool) {
	r, _ := lk.rounded(text)
	v, _, ok := lk.figureValue(r)
	return v, ok
}

// breaksComparison: the rounded figure a no longer compares with some
// figure of vs as the draft's do, and which. Two figures are compared if
// they stand in one paragraph or list item, or if their sentences name
// one indicator (red team, round 16: a ranking's leader "at about 14%"
// in one talking point, a member's 14.2% in the next); in Russian and
// Kazakh, whose declined indicator names are not always found as one
// name, everywhere in the section (round 17).
func (lk *Locked) breaksComparison(vs []figureVal, a figureVal) (figureVal, bool) {
	native := lk.lex.isNative()
	related := func(c figureVal) bool {
		if a.block == c.block || native || c.table {
			return true
		}
		for q := range a.quantities {
			if c.quantities[q] {
				return true
			}
		}
		return false
	}
	for _, c := range vs {
		if c.slot == a.slot || !comparable(a.kind, c.kind) || !related(c) || c.table && c.truth == a.truth {
			continue
		}
		if format.KeepsComparison(a.truth, a.shown, c.truth, c.shown) && !narrows(a, c) {
			continue
		}
		return c, true
	}
	return figureVal{}, false
}

// narrows: the printed gap between a and c is less than half the true
// one, so that a change stated beside them no longer matches them (red
// team round 22: the base 1,175.00 printed "about 1,200" beside
// 1,201.00 under "up 2.2%"). KeepsComparison bounds a widening only.
func narrows(a, c figureVal) bool {
	t, s := math.Abs(a.truth-c.truth), math.Abs(a.shown-c.shown)
	return t > 0 && s < t/2
}

// comparable: two figures of one kind (currency or sign) whose units are
// the same or one of them unnamed: a comparison base in brackets is
// often bare ("1,349.6 kt CO2e, down 0.1% on December 2024 (1,351.2)").
func comparable(a, b string) bool {
	ak, au, _ := strings.Cut(a, "|")
	bk, bu, _ := strings.Cut(b, "|")
	return ak == bk && (au == bu || au == "" || bu == "")
}

func trimFloat(v float64) string {
	return strconv.FormatFloat(v, 'f', -1, 64)
}

// checkNameCounts: a name stands in a unit no more often than in the
// draft's sentences (a name repeated says something new of it:
// "Kazakhstan and Uzbekistan the leaders").
func (lk *Locked) checkNameCounts(d, p *parsedText) []Issue {
	var out []Issue
	for _, u := range lk.units(d, p) {
		dn, rn := map[string]int{}, map[string]int{}
		for _, i := range u[0] {
			for _, oi := range d.sents[i].occ {
				if k := lk.key(d.occ[oi].slot); k[0] == kindName {
					dn[k]++
				}
			}
		}
		for _, i := range u[1] {
			for _, oi := range p.sents[i].occ {
				if k := lk.key(p.occ[oi].slot); k[0] == kindName {
					rn[k]++
				}
			}
		}
		for k, n := range rn {
			if n > dn[k] && dn[k] > 0 || n > 1 && dn[k] == 0 {
				out = append(out, Issue{Text: k[1:], Why: fmt.Sprintf("named %d times in this sentence, %d in the draft's", n, dn[k])})
			}
		}
	}
	return out
}

// oddRunes: characters a reader cannot tell from blank or that show a
// glyph of their own (private use, braille, symbols, unassigned, tags,
// variation selectors), unless the draft has them.
func oddRunes(draft, reply string) []Issue {
	var out []Issue
	seen := map[rune]bool{}
	for _, r := range reply {
		if seen[r] || r == '⟦' || r == '⟧' {
			continue
		}
		odd := unicode.Is(unicode.Co, r) || unicode.Is(unicode.Cs, r) || r >= 0x2800 && r <= 0x28ff ||
			unicode.Is(unicode.Variation_Selector, r) || r >= 0xe0000 && r <= 0xe007f ||
			!unicode.IsPrint(r) && !unicode.IsSpace(r) && !unicode.Is(unicode.Cf, r) ||
			unicode.Is(unicode.So, r) || unicode.Is(unicode.Sk, r)
		if odd && !strings.ContainsRune(draft, r) {
			seen[r] = true
			out = append(out, Issue{Text: fmt.Sprintf("U+%04X", r), Why: "a character that is no letter, digit or punctuation of the draft (a hidden mark or a glyph of its own)"})
		}
	}
	return out
}

// Roundable lists the figure tokens of the locked draft that a reply may
// round ("about ⟦F3~⟧"), each once, in order: the prompt names them, so
// a model that cannot see the figures behind the tokens need not guess
// which rounding the guard allows (the model simulator, ms3).
//
// A figure is listed only if rounding it keeps how it compares with the
// draft's other figures, those listed before it taken rounded
// (checkRoundingPairs), so that rounding every listed figure is allowed: the model
// simulator ms4 rounded every listed figure, as told, and lost sections
// whose roundings misstated a change ("about $15 trillion, an increase of
// 2.9% from about $14 trillion"), or a figure that equals the end of its
// week's range.
func (lk *Locked) Roundable() []string {
	vs := lk.figureVals(lk.parsed) // the draft: nothing rounded
	var out []string
	listed := map[int]float64{} // the figures listed, rounded
	for i, s := range lk.Slots {
		if s.kind != kindFigure || !lk.roundable(i) {
			continue
		}
		rv, ok := lk.roundedValue(s.Text)
		if !ok {
			continue
		}
		listed[i] = rv
		if _, _, bad := lk.breaksStated(listed); bad {
			delete(listed, i)
			continue // a level or base of a stated change (stated.go), with the figures listed before it rounded (red team round 25: each of 1.185% and −0.547% alone kept "up 1.732 percentage points", both together did not)
		}
		keep := true
		for _, a := range vs {
			if a.slot != i {
				continue
			}
			a.shown, a.rounded = rv, true
			if _, bad := lk.breaksComparison(vs, a); bad {
				keep = false
				break
			}
		}
		if !keep {
			delete(listed, i)
		}
		if keep {
			out = append(out, s.ID)
			// Listed figures are compared rounded from now on: two that
			// each keep their comparison alone may break it together
			// ("rose from about 0.32% to about 0.32%" for 0.317% and
			// 0.321%, the model simulator ms5), so the later one is left
			// off.
			for k := range vs {
				if vs[k].slot == i {
					vs[k].shown, vs[k].rounded = rv, true
				}
			}
		}
	}
	return out
}

// tokenIndex is where the token of slot id ("F1", rounded or not) stands
// in s, or -1: "⟦F1" opening "⟦F12⟧" is another token.
func tokenIndex(s, id string) int {
	for off := 0; ; {
		k := strings.Index(s[off:], tokenOpen+id)
		if k < 0 {
			return -1
		}
		at := off + k
		rest := s[at+len(tokenOpen)+len(id):]
		if strings.HasPrefix(rest, tokenClose) || strings.HasPrefix(rest, "~") {
			return at
		}
		off = at + len(tokenOpen)
	}
}

// lastFields are the last n fields of s as strings.Fields splits it (up
// to n; fewer if s has fewer), read from the end: a 64 KB section's
// sentence is not split whole for the word before each token.
func lastFields(s string, n int) []string {
	var out []string
	end := len(s)
	for len(out) < n {
		for end > 0 {
			r, size := utf8.DecodeLastRuneInString(s[:end])
			if !unicode.IsSpace(r) {
				break
			}
			end -= size
		}
		if end == 0 {
			break
		}
		start := end
		for start > 0 {
			r, size := utf8.DecodeLastRuneInString(s[:start])
			if unicode.IsSpace(r) {
				break
			}
			start -= size
		}
		out = append(out, s[start:end])
		end = start
	}
	for i, j := 0, len(out)-1; i < j; i, j = i+1, j-1 {
		out[i], out[j] = out[j], out[i]
	}
	return out
}
