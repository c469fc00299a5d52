package guard

import (
	"strings"
	"unicode"
)

// Round 9 of the red team: the templates do not always print the
// dataset's text as the data writes it. The talking points turn
// "According to the article, X." into "X, according to reports."; the
// Russian points drop the full stop and append "(date)"; the Russian
// weekly puts a no-break space after a number. A byte-exact lookup
// misses those, and the template-altered text then had only the frame
// rules, which let "It dropped 2 bids" become "It decreased 2 bids".
// So the dataset's text is also found by its words: a draft's run of
// words (letters and digits, compared in lower case, whatever spaces,
// punctuation or Markdown escapes stand between them) that is a run of
// one data string's words, at least minDataRun of them, or the whole
// string when it has fewer, is the source's text and comes back
// verbatim. An attribution moved by a template ("X, according to
// reports") keeps X's words in a run, and so does a date appended.
// Runs are taken of the dataset's sentences only (a summary, a note: a
// string that ends with a full stop, "!", "?" or "…"); a name (an
// indicator's, an entity's, a title) is found by its words only whole,
// since the templates' own sentences use an indicator's words
// ("Kazakhstan's joint industrial project portfolio is worth …" of the
// indicator "Value of the joint industrial project portfolio").

// minDataRun is the shortest run of a data string's words that marks a
// draft's text as the dataset's: four words ("it climbed 14 peaks").
const minDataRun = 4

// dataWord is a word of a text: its lower-case letters and digits and
// its byte range.
type dataWord struct {
	w          string
	start, end int
}

// dataWords splits s into words: runs of letters, digits and marks.
func dataWords(s string) []dataWord {
	var out []dataWord
	st := -1
	for i, r := range s {
		in := unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
		switch {
		case in && st < 0:
			st = i
		case !in && st >= 0:
			out = append(out, dataWord{strings.ToLower(s[st:i]), st, i})
			st = -1
		}
	}
	if st >= 0 {
		out = append(out, dataWord{strings.ToLower(s[st:]), st, len(s)})
	}
	return out
}

// dataIndex finds the dataset's strings in a draft's blocks by their
// words: built once per lock.
type dataIndex struct {
	data  []string
	words [][]string // each data string's words
	sent  []bool     // each data string is a sentence: runs of it count
	// grams: the key of minDataRun consecutive words (or of a whole
	// string of fewer words) to where it starts: data string, word.
	grams map[string][][2]int
	short map[int]bool // the lengths under minDataRun of whole strings indexed
}

func newDataIndex(data []string) *dataIndex {
	ix := &dataIndex{data: data, grams: map[string][][2]int{}, short: map[int]bool{}}
	for di, d := range data {
		if !strings.ContainsFunc(d, unicode.IsLetter) {
			ix.words = append(ix.words, nil)
			ix.sent = append(ix.sent, false)
			continue
		}
		ws := dataWords(d)
		w := make([]string, len(ws))
		for i := range ws {
			w[i] = ws[i].w
		}
		ix.words = append(ix.words, w)
		ix.sent = append(ix.sent, isDataSentence(d))
		if len(w) < minDataRun {
			if len(w) > 0 {
				k := strings.Join(w, " ")
				ix.grams[k] = append(ix.grams[k], [2]int{di, 0})
				ix.short[len(w)] = true
			}
			continue
		}
		for i := 0; i+minDataRun <= len(w); i++ {
			k := strings.Join(w[i:i+minDataRun], " ")
			ix.grams[k] = append(ix.grams[k], [2]int{di, i})
		}
	}
	return ix
}

// regions are the byte ranges of text (a draft block, before locking)
// that write one of the dataset's strings: exactly (dataRegions) or by
// a run of its words.
func (ix *dataIndex) regions(text string) [][2]int {
	if ix == nil || len(ix.data) == 0 {
		return nil
	}
	out := dataRegions(text, ix.data)
	tw := dataWords(text)
	// diag: a run found, by data string and offset (data word - text
	// word), to the text word it ends at: a run is extended once.
	diag := map[[2]int]int{}
	key := func(p, n int) string {
		var b strings.Builder
		for i := p; i < p+n; i++ {
			if i > p {
				b.WriteByte(' ')
			}
			b.WriteString(tw[i].w)
		}
		return b.String()
	}
	for p := range tw {
		for n := 1; n <= minDataRun && p+n <= len(tw); n++ {
			if n < minDataRun && !ix.short[n] {
				continue
			}
			for _, ref := range ix.grams[key(p, n)] {
				di, i := ref[0], ref[1]
				dw := ix.words[di]
				if n < minDataRun && len(dw) != n {
					continue
				}
				if n == minDataRun && len(dw) < minDataRun {
					continue
				}
				dk := [2]int{di, i - p}
				if end, ok := diag[dk]; ok && end > p {
					continue
				}
				e := p + n
				for e < len(tw) && i+(e-p) < len(dw) && tw[e].w == dw[i+(e-p)] {
					e++
				}
				diag[dk] = e
				if !ix.sent[di] && (i != 0 || e-p != len(dw)) {
					continue // a name: whole only
				}
				out = append(out, [2]int{tw[p].start, tw[e-1].end})
			}
		}
	}
	return out
}

// isDataSentence: a data string that ends as a sentence does.
func isDataSentence(d string) bool {
	d = strings.TrimRight(strings.TrimSpace(d), "\"'”»’)")
	return strings.HasSuffix(d, ".") || strings.HasSuffix(d, "!") || strings.HasSuffix(d, "?") || strings.HasSuffix(d, "…")
}
