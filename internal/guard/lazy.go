package guard

import (
	"regexp"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// lazyRegexp compiles on first use: an offline run of brief, which never
// polishes, pays nothing for the guard's patterns.
type lazyRegexp struct {
	once   sync.Once
	src    string
	rx     *regexp.Regexp
	atOnce sync.Once
	atRx   *regexp.Regexp
}

func lazy(src string) *lazyRegexp { return &lazyRegexp{src: src} }

func (l *lazyRegexp) re() *regexp.Regexp {
	l.once.Do(func() { l.rx = regexp.MustCompile(l.src) })
	return l.rx
}

// at is the pattern anchored at the start of its input, compiled on first
// use.
func (l *lazyRegexp) at() *regexp.Regexp {
	l.atOnce.Do(func() { l.atRx = regexp.MustCompile(`^(?:` + l.src + `)`) })
	return l.atRx
}

// findAllAt is FindAllStringIndex for a pattern whose matches can only
// start where cand says: it tries the anchored pattern there, on at most
// window bytes, instead of running the pattern over the whole text (a
// 64 KB section is scanned once, not searched from every byte). cand is
// given the end of the last match, where a match may also start. A
// window of 0 is the rest of the line, for a pattern that never matches
// a newline.
func (l *lazyRegexp) findAllAt(s string, window int, cand func(s string, i, lastEnd int) bool) [][]int {
	var out [][]int
	last := -1
	for i := 0; i < len(s); {
		if !cand(s, i, last) {
			i++
			continue
		}
		end := len(s)
		if window > 0 {
			end = min(end, i+window)
		} else if k := strings.IndexByte(s[i:], '\n'); k >= 0 {
			end = i + k // a pattern that never crosses a line's end
		}
		if m := l.at().FindStringIndex(s[i:end]); m != nil && m[1] > 0 {
			out = append(out, []int{i, i + m[1]})
			i += m[1]
			last = i
			continue
		}
		i++
	}
	return out
}

// isWordByte: an ASCII word character, as \b reads it.
func isWordByte(b byte) bool {
	return b == '_' || b >= '0' && b <= '9' || b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z'
}

// digitStart: a digit that opens a run of digits, or follows a match.
func digitStart(s string, i, last int) bool {
	return isDigitByte(s[i]) && (i == 0 || i == last || !isDigitByte(s[i-1]))
}

// dateStart: where dateRE can match: a word boundary before a digit or
// the first letter of a month, quarter, half or week.
func dateStart(s string, i, _ int) bool {
	if i > 0 && isWordByte(s[i-1]) {
		return false
	}
	if !isDigitByte(s[i]) {
		return strings.IndexByte("JFMASONDQHW", s[i]) >= 0
	}
	// Every date of dateRE that opens with a digit opens with a day of
	// one or two digits before a space or a dash ("3 May", "3-5 May"), or
	// with a year of four ("2024", "2025-02-03", "2025-W10"): "3.5%",
	// "12.4" and "[^1]" are not tried.
	j := i
	for j < len(s) && isDigitByte(s[j]) {
		j++
	}
	switch n := j - i; {
	case n == 4:
		return true
	case n <= 2 && j < len(s):
		return s[j] == ' ' || s[j] == '-' || strings.HasPrefix(s[j:], "–")
	}
	return false
}

// findAll is FindAllStringIndex, skipped when s holds none of the
// strings every match contains.
func (l *lazyRegexp) findAll(s string, needs ...string) [][]int {
	for _, n := range needs {
		if strings.Contains(s, n) {
			return l.re().FindAllStringIndex(s, -1)
		}
	}
	return nil
}

// findAllFold is findAll with the needles in any case.
func (l *lazyRegexp) findAllFold(s string, needs ...string) [][]int {
	ls := strings.ToLower(s)
	for _, n := range needs {
		if strings.Contains(ls, n) {
			return l.re().FindAllStringIndex(s, -1)
		}
	}
	return nil
}

// linkStart: where linkRE can match: "!", "[" or "<".
func linkStart(s string, i, _ int) bool {
	return s[i] == '[' || s[i] == '<' || s[i] == '!' && i+1 < len(s) && s[i+1] == '['
}

// referenceStart: where referenceRE can match: a word boundary before
// the F, T, C or M of "Figure", "Table", "Chart" or "Map".
func referenceStart(s string, i, _ int) bool {
	return strings.IndexByte("FTCM", s[i]) >= 0 && (i == 0 || !isWordByte(s[i-1]))
}

// ahead is s from i on, cut a little after 256 bytes: past them, to the
// next space, and one rune more. The patterns read after a figure (its
// scale, unit, count noun, status) match a few words at most, so they
// read the same here as on the rest of a 64 KB section, which an
// anchored pattern that fails would otherwise set up for in full.
func ahead(s string, i int) string {
	end := i + 256
	if end >= len(s) {
		return s[i:]
	}
	for end < len(s) {
		r, n := utf8.DecodeRuneInString(s[end:])
		end += n
		if unicode.IsSpace(r) {
			break
		}
	}
	if end < len(s) {
		_, n := utf8.DecodeRuneInString(s[end:])
		end += n
	}
	return s[i:end]
}
