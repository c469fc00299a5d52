package guard

import (
	"regexp"
	"strings"
	"sync"
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
// given the end of the last match, where a match may also start.
func (l *lazyRegexp) findAllAt(s string, window int, cand func(s string, i, lastEnd int) bool) [][]int {
	var out [][]int
	last := -1
	for i := 0; i < len(s); {
		if !cand(s, i, last) {
			i++
			continue
		}
		if m := l.at().FindStringIndex(s[i:min(len(s), i+window)]); m != nil && m[1] > 0 {
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
	return (isDigitByte(s[i]) || strings.IndexByte("JFMASONDQHW", s[i]) >= 0) && (i == 0 || !isWordByte(s[i-1]))
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
