package locale

import (
	"fmt"
	"strconv"
	"strings"

	"golang.org/x/text/feature/plural"
)

// Quote puts s in the locale's quotation marks; marks of the same kind
// inside it become the inner ones: ru Quote(`ООО «Рога»`) is «ООО
// „Рога“», en Quote(`the “X” file`) is “the ‘X’ file”.
func (l *Locale) Quote(s string) string {
	q := l.d.Quotes
	s = strings.NewReplacer(q.Open, q.InnerOpen, q.Close, q.InnerClose).Replace(s)
	return q.Open + s + q.Close
}

// Join lists items in prose: en "A, B and C" (no Oxford comma), ru "A,
// B и C", kk "A, B және C"; no items give "". When an item has a comma of
// its own ("Korea, Rep."; "40,3 %, оценка"), semicolons separate the
// items, one before the conjunction too: "Korea, Rep.; and Japan". A
// comma between digits (a separator of the figure) or in brackets is not
// such a comma.
func (l *Locale) Join(items []string) string {
	li := l.d.List
	return JoinWith(items, li.Sep, li.Last, li.SepComma, li.LastComma)
}

// JoinWith lists items with sep between them and last before the last
// one, or sepComma and lastComma when an item has a comma of its own (a
// comma outside brackets that is not between two digits): the rule of
// Join in every language, and of format.Join in English.
func JoinWith(items []string, sep, last, sepComma, lastComma string) string {
	switch len(items) {
	case 0:
		return ""
	case 1:
		return items[0]
	}
	for _, s := range items {
		if hasListComma(s) {
			sep, last = sepComma, lastComma
			break
		}
	}
	n := len(last) + len(sep)*(len(items)-2)
	for _, s := range items {
		n += len(s)
	}
	var b strings.Builder
	b.Grow(n)
	for i, s := range items {
		switch {
		case i == len(items)-1:
			b.WriteString(last)
		case i > 0:
			b.WriteString(sep)
		}
		b.WriteString(s)
	}
	return b.String()
}

// hasListComma reports whether s has a comma that a reader would take for
// the end of a list item: a comma outside brackets ("Astana (930.1 kt,
// an estimate)" is one item) that is not a separator of a figure (a
// comma between two digits, "1,250", "40,3").
func hasListComma(s string) bool {
	depth := 0
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '(' || c == '[':
			depth++
		case (c == ')' || c == ']') && depth > 0:
			depth--
		case c == ',' && depth == 0:
			if i > 0 && i+1 < len(s) && isDigit(s[i-1]) && isDigit(s[i+1]) {
				continue
			}
			return true
		}
	}
	return false
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// Ordinal writes n as an ordinal in figures, standing alone: en "1st",
// "12th", "23rd" (CLDR ordinal categories); ru "2-й" (masculine
// nominative: see OrdinalOf for agreement); kk "1-ші", "6-шы", "10-шы"
// (by the harmony of the numeral's last word: бір, алты, он).
func (l *Locale) Ordinal(n int) string {
	o := l.d.Ordinal
	num := strconv.Itoa(n)
	switch o.Rule {
	case "ordinal":
		abs := n
		if abs < 0 {
			abs = -abs
		}
		c := formName(plural.Ordinal.MatchPlural(l.tag, abs, 0, 0, 0, 0))
		p, ok := o.Forms[c]
		if !ok {
			p = o.Forms["other"]
		}
		return fill(p, "n", num)
	case "agree":
		return fill(o.Forms[o.Standalone], "n", num)
	}
	s, err := l.Suffix(num, "ord")
	if err != nil {
		return num // unreachable: validate requires harmony.suffixes.ord, and num ends in a digit
	}
	return s
}

// OrdinalWord spells the ordinals the locale lists in words (en first
// to tenth, as style guides ask) and writes others as Ordinal.
func (l *Locale) OrdinalWord(n int) string {
	if w := l.d.Ordinal.Words; n >= 1 && n <= len(w) {
		return w[n-1]
	}
	return l.Ordinal(n)
}

// OrdinalOf writes an ordinal with its noun in case c, agreeing with it:
// en "2nd place"; ru "2-е место" (neuter), "6-я неделя", "на 6-й
// неделе" (Prep); kk "2-орын", "1-тоқсан" (the hyphen alone marks the
// ordinal before a noun).
func (l *Locale) OrdinalOf(n int, noun Noun, c Case) (string, error) {
	o := l.d.Ordinal
	w, err := l.Form(noun, c)
	if err != nil {
		return "", err
	}
	ord := l.Ordinal(n)
	if o.Rule == "agree" {
		key := string(noun.Gender)
		if noun.Plural {
			key = "pl"
		}
		if key == "" {
			return "", &MissingFormError{Lang: l.id, Word: noun.Sg[Nom], Line: noun.Line,
				Reason: "has no gender, which an ordinal agrees with: give gender: (" + strings.Join(l.d.Grammar.Genders, ", ") + ")"}
		}
		p, ok := o.Forms[key+"."+string(c)]
		if !ok {
			return "", fmt.Errorf("%s: ordinal.forms has no %s.%s", l.file, key, c)
		}
		ord = fill(p, "n", strconv.Itoa(n))
	}
	return fill(o.WithNoun.s, "n", strconv.Itoa(n), "ord", ord, "noun", w), nil
}

// SmallNumber is the count n in words, as running text writes a small
// one ("six", "twelve"; en small_numbers), and false when the file gives
// no word for n: the caller then writes the figure.
func (l *Locale) SmallNumber(n int) (string, bool) {
	if n < 0 || n >= len(l.d.SmallNumbers) {
		return "", false
	}
	return l.d.SmallNumbers[n], true
}
