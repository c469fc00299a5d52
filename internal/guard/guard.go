// Package guard decides whether a polished section may replace its draft:
// only if it states the same figures, names nothing new, keeps every
// footnote and the Markdown structure, and stays about as long.
package guard

import (
	"fmt"
	"regexp"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/briefhq/brief/internal/format"
)

// Vocabulary is every name the data knows (entities in every language,
// indicators, topics, groups): a polished text may use them even where
// the draft does not.
type Vocabulary struct {
	Names []string
}

// Result is the guard's decision; Reasons say why a text was rejected.
type Result struct {
	Accepted bool     `json:"accepted"`
	Reasons  []string `json:"reasons,omitempty"`
}

// Length bounds: a polished section is between MinRatio and MaxRatio of
// the draft's length in characters. Rewording changes length a little;
// a much shorter text dropped content, a much longer one added some.
const (
	MinRatio = 0.6
	MaxRatio = 1.5
)

// Check compares a polished section with its draft.
func Check(draft, polished string, v *Vocabulary) Result {
	var reasons []string
	add := func(format string, a ...any) { reasons = append(reasons, fmt.Sprintf(format, a...)) }

	p := strings.TrimSpace(polished)
	d := strings.TrimSpace(draft)
	if p == "" {
		return Result{Reasons: []string{"the answer is empty"}}
	}
	for _, r := range injectionSigns(p, d) {
		add("%s", r)
	}
	for _, r := range compareMarkers(d, p) {
		add("%s", r)
	}
	for _, r := range compareStructure(d, p) {
		add("%s", r)
	}
	for _, r := range compareNumbers(d, p) {
		add("%s", r)
	}
	for _, r := range compareNames(d, p, v) {
		add("%s", r)
	}
	dl, pl := utf8.RuneCountInString(d), utf8.RuneCountInString(p)
	if dl > 0 {
		ratio := float64(pl) / float64(dl)
		switch {
		case ratio < MinRatio:
			add("too short: %d characters for a draft of %d (at least %.0f%%)", pl, dl, MinRatio*100)
		case ratio > MaxRatio:
			add("too long: %d characters for a draft of %d (at most %.0f%%)", pl, dl, MaxRatio*100)
		}
	}
	return Result{Accepted: len(reasons) == 0, Reasons: reasons}
}

var markerRE = regexp.MustCompile(`\[\^([^\]\s]+)\]`)

// compareMarkers wants the same footnote markers, as many times each.
func compareMarkers(d, p string) []string {
	count := func(s string) map[string]int {
		m := map[string]int{}
		for _, x := range markerRE.FindAllStringSubmatch(s, -1) {
			m[x[1]]++
		}
		return m
	}
	dm, pm := count(d), count(p)
	var out []string
	for _, k := range sortedKeys(dm) {
		if pm[k] < dm[k] {
			out = append(out, fmt.Sprintf("footnote [^%s] dropped (%d of %d kept)", k, pm[k], dm[k]))
		}
	}
	for _, k := range sortedKeys(pm) {
		if pm[k] > dm[k] {
			out = append(out, fmt.Sprintf("footnote [^%s] added", k))
		}
	}
	return out
}

func sortedKeys(m map[string]int) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}

var (
	urlRE  = regexp.MustCompile(`(?i)\b(?:https?|ftp|file|javascript|data):[^\s)>\]]*`)
	htmlRE = regexp.MustCompile(`(?i)</?[a-z][a-z0-9]*(\s[^>]*)?>`)
)

// injectionSigns catches answers that talk to the user or follow an
// instruction instead of rewording: prompt tags, assistant phrases, new
// links or HTML.
func injectionSigns(p, d string) []string {
	var out []string
	lower := strings.ToLower(p)
	for _, s := range []string{"<draft>", "</draft>", "<data>", "</data>"} {
		if strings.Contains(lower, s) {
			out = append(out, fmt.Sprintf("the answer contains the prompt's %s tag", s))
		}
	}
	for _, s := range []string{"ignore previous", "ignore all previous", "ignore the above", "as an ai", "language model", "i cannot", "i can't", "here is the polished", "here's the polished", "polished version", "system prompt"} {
		if strings.Contains(lower, s) && !strings.Contains(strings.ToLower(d), s) {
			out = append(out, fmt.Sprintf("the answer is not a reworded section (it says %q)", s))
		}
	}
	for _, u := range urlRE.FindAllString(p, -1) {
		if !strings.Contains(d, u) {
			out = append(out, fmt.Sprintf("link %q is not in the draft", u))
		}
	}
	for _, h := range htmlRE.FindAllString(p, -1) {
		if !strings.Contains(d, h) {
			out = append(out, fmt.Sprintf("HTML %q is not in the draft", h))
		}
	}
	return out
}

// structure is what a model must not change: headings, tables, images,
// and how many list items there are.
type structure struct {
	headings []string
	tables   []string
	images   []string
	items    int
}

func structureOf(s string) structure {
	var st structure
	var table []string
	flush := func() {
		if len(table) > 0 {
			st.tables = append(st.tables, strings.Join(table, "\n"))
			table = nil
		}
	}
	for _, line := range strings.Split(s, "\n") {
		t := strings.TrimSpace(line)
		if strings.HasPrefix(t, "|") {
			table = append(table, t)
			continue
		}
		flush()
		switch {
		case strings.HasPrefix(t, "#"):
			st.headings = append(st.headings, t)
		case strings.HasPrefix(t, "!["):
			st.images = append(st.images, t)
		case strings.HasPrefix(t, "- "), strings.HasPrefix(t, "* "), strings.HasPrefix(t, "+ "), numberedItem(t):
			st.items++
		}
	}
	flush()
	return st
}

func numberedItem(t string) bool {
	i := 0
	for i < len(t) && t[i] >= '0' && t[i] <= '9' {
		i++
	}
	return i > 0 && i < len(t)-1 && (t[i] == '.' || t[i] == ')') && t[i+1] == ' '
}

func compareStructure(d, p string) []string {
	a, b := structureOf(d), structureOf(p)
	var out []string
	if strings.Join(a.headings, "\n") != strings.Join(b.headings, "\n") {
		out = append(out, fmt.Sprintf("headings changed: %q became %q", a.headings, b.headings))
	}
	if len(a.tables) != len(b.tables) {
		out = append(out, fmt.Sprintf("%d tables in the draft, %d in the answer", len(a.tables), len(b.tables)))
	} else {
		for i := range a.tables {
			if a.tables[i] != b.tables[i] {
				out = append(out, fmt.Sprintf("table %d changed: tables are kept as they are", i+1))
			}
		}
	}
	if strings.Join(a.images, "\n") != strings.Join(b.images, "\n") {
		out = append(out, "charts (images) changed")
	}
	if a.items != b.items {
		out = append(out, fmt.Sprintf("%d list items in the draft, %d in the answer", a.items, b.items))
	}
	return out
}

// compareNames wants every name of the answer in the draft or the data.
func compareNames(d, p string, v *Vocabulary) []string {
	known := map[string]bool{}
	addWords := func(s string) {
		for _, w := range words(s) {
			known[w] = true
		}
	}
	addWords(d)
	if v != nil {
		for _, n := range v.Names {
			addWords(n)
		}
	}
	lowerDraft := map[string]bool{}
	for _, w := range words(strings.ToLower(d)) {
		lowerDraft[w] = true
	}
	var out []string
	seen := map[string]bool{}
	for _, c := range capitalised(markerRE.ReplaceAllString(p, "")) {
		w := c.word
		if i := strings.IndexAny(w, "'’"); i > 0 {
			w = w[:i] // "Almaty's" is Almaty
		}
		if known[w] || seen[w] || format.IsCurrency(w) {
			continue
		}
		lw := strings.ToLower(w)
		if c.initial && (common[lw] || lowerDraft[lw] || strings.HasSuffix(lw, "ing") || strings.HasSuffix(lw, "ly") || strings.HasSuffix(lw, "ed")) {
			continue // a capitalised first word of a sentence is not a name
		}
		c.word = w
		seen[c.word] = true
		out = append(out, fmt.Sprintf("name %q is not in the draft or the data", c.word))
	}
	return out
}

// words splits text into words of letters, digits, hyphens and
// apostrophes (so "Ust-Kamenogorsk" and "Kazakhstan's" stay whole, and
// "Kazakhstan" is also a word of the latter).
func words(s string) []string {
	var out []string
	for _, w := range strings.FieldsFunc(s, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '-' && r != '\'' && r != '’'
	}) {
		w = strings.Trim(w, "-'’")
		if w == "" {
			continue
		}
		out = append(out, w)
		if i := strings.IndexAny(w, "'’"); i > 0 {
			out = append(out, w[:i])
		}
		if strings.Contains(w, "-") {
			out = append(out, strings.Split(w, "-")...)
		}
	}
	return out
}

type capWord struct {
	word    string
	initial bool // first word of a sentence, list item or heading
}

// capitalised finds the words that start with an upper-case letter, and
// whether each opens a sentence.
func capitalised(s string) []capWord {
	var out []capWord
	initial := true
	for _, line := range strings.Split(s, "\n") {
		initial = true
		for _, f := range strings.Fields(line) {
			core := strings.TrimLeft(f, "-*+#>([\"“‘'_")
			if strings.HasPrefix(core, "US$") {
				core = core[3:] // a currency, not the United States
			}
			if numberedItem(f + " ") {
				initial = true
				continue
			}
			if core == "" {
				continue
			}
			r, _ := utf8.DecodeRuneInString(core)
			if unicode.IsUpper(r) {
				for _, w := range words(core) {
					if r2, _ := utf8.DecodeRuneInString(w); unicode.IsUpper(r2) {
						out = append(out, capWord{word: w, initial: initial})
					}
					break
				}
			}
			last := strings.TrimRight(f, ")]\"”’'*_")
			initial = strings.HasSuffix(last, ".") || strings.HasSuffix(last, ":") || strings.HasSuffix(last, "!") || strings.HasSuffix(last, "?")
		}
	}
	return out
}
