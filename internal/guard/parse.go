package guard

import (
	"strings"
	"unicode/utf8"
)

// occurrence is one slot token of a text, where it stands.
type occurrence struct {
	slot    int    // index in Locked.Slots
	round   bool   // "⟦F3~⟧": the figure rounded, after a hedge
	surface string // the text a reader sees there
	pos     int    // byte offset in the tokenised text
	block   int
	sent    int // index over the whole text
	clause  int // index over the whole text
	extra   bool
}

// sentence is one sentence of a prose block.
type sentence struct {
	block   int
	text    string // tokenised
	surface string // as a reader sees it
	occ     []int  // indexes into parsedText.occ
}

// parsedText is a tokenised text read into blocks, sentences and
// clauses.
type parsedText struct {
	blocks []block
	sents  []sentence
	occ    []occurrence
	bad    []string // tokens that are no slot of the draft
	units  [][2][]int
}

// parse reads tokenised text. surfaces, if given, are the texts the
// tokens stand for in order (a relocked reply's own wording); otherwise
// a token reads as its slot's text.
func (lk *Locked) parse(text string, surfaces []string) *parsedText {
	p := &parsedText{blocks: splitBlocks(text), occ: make([]occurrence, 0, strings.Count(text, tokenOpen))}
	tokenN := 0
	offset := 0
	for bi, bl := range p.blocks {
		// Offsets are approximate for kept blocks; they only order tokens.
		offset += len(bl.prefix)
		for _, st := range lk.sentences(bl.text) {
			si := len(p.sents)
			sen := sentence{block: bi, text: st}
			var surf strings.Builder
			clause := 0
			last := 0
			clauseAt := clauseBounds(st, lk.lex.order["clause-joiner"])
			for _, m := range findTokens(st) {
				surf.WriteString(st[last:m[0]])
				last = m[1]
				id := st[m[2]:m[3]] + st[m[4]:m[5]]
				k, ok := lk.byID[id]
				round := m[6] < m[7]
				if !ok || lk.Slots[k].kind != st[m[2]] || round && lk.Slots[k].kind != kindFigure {
					p.bad = append(p.bad, st[m[0]:m[1]])
					tokenN++
					continue
				}
				for clause < len(clauseAt) && clauseAt[clause] <= m[0] {
					clause++
				}
				o := occurrence{slot: k, round: round, pos: offset + m[0], block: bi, sent: si, clause: si*1000 + clause}
				switch {
				case surfaces != nil && tokenN < len(surfaces) && surfaces[tokenN] != "":
					o.surface = surfaces[tokenN]
				case round:
					o.surface, _ = lk.rounded(lk.Slots[k].Text)
				default:
					o.surface = lk.Slots[k].Text
				}
				tokenN++
				surf.WriteString(o.surface)
				sen.occ = append(sen.occ, len(p.occ))
				p.occ = append(p.occ, o)
			}
			surf.WriteString(st[last:])
			sen.surface = surf.String()
			p.sents = append(p.sents, sen)
			offset += len(st)
		}
	}
	return p
}

// splitSentences cuts prose at ". ", "! ", "? " (footnote tokens after
// the stop stay with its sentence) and at line ends.
func splitSentences(s string) []string {
	var out []string
	start := 0
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == '\n' {
			if t := strings.TrimSpace(s[start:i]); t != "" {
				out = append(out, t)
			}
			start = i + 1
			i++
			continue
		}
		if r == '.' || r == '!' || r == '?' {
			j := i + n
			// closing quotes and brackets, then footnote tokens
			for j < len(s) && strings.ContainsRune(`"”’)»'`, rune(s[j])) {
				j++
			}
			for strings.HasPrefix(s[j:], tokenOpen+"S") {
				// a footnote token: scanned, not searched for (a search
				// from every stop would read the rest of the block each time)
				k := strings.Index(s[j:], tokenClose)
				if k < 0 {
					break
				}
				j += k + len(tokenClose)
			}
			if j == len(s) || s[j] == ' ' || s[j] == '\n' {
				if t := strings.TrimSpace(s[start:j]); t != "" {
					out = append(out, t)
				}
				start = j
				i = j
				continue
			}
		}
		i += n
	}
	if t := strings.TrimSpace(s[start:]); t != "" {
		out = append(out, t)
	}
	return out
}

// clauseBounds are the byte offsets where a new clause starts: after a
// comma, semicolon, colon or dash, and at a joining conjunction.
func clauseBounds(s string, joiners []string) []int {
	var out []int
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch r {
		case ',', ';', ':', '–', '—':
			out = append(out, i+n)
		case ' ':
			ls := s[i:min(len(s), i+24)]
			for _, w := range joiners {
				// " " + w + " ", compared in place
				if len(ls) >= len(w)+2 && ls[len(w)+1] == ' ' && strings.EqualFold(ls[1:len(w)+1], w) {
					out = append(out, i+1)
					break
				}
			}
		}
		i += n
	}
	return out
}
