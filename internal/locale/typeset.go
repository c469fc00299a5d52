package locale

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Typeset applies the language's typography (the file's typography:
// section) to a finished text: each formula as the language writes it
// ("CO2" -> "CO₂", only as a whole word: "CO2-экв." but not "CO20" or a
// lower-case "co2" in a file name), a no-break space between a number and
// the word after it ("2024 г.", "99 проектов", "2025 жылғы") and before a
// dash ("партнёр — Россия"). Web addresses in angle brackets and Markdown
// link targets are left as written. A locale without the section (en)
// returns s unchanged.
func (l *Locale) Typeset(s string) string {
	t := &l.d.Typography
	if len(t.Formulas) == 0 && !t.NbspAfterNumber && !t.NbspBeforeDash && len(t.NbspAfter) == 0 {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + len(s)/16)
	keep := byte(0)  // the closing byte of a span left as written
	formula := false // the last text written is a formula ("CO₂ от" has no number before its space)
	for i := 0; i < len(s); {
		after := formula
		formula = false
		c := s[i]
		if keep != 0 {
			b.WriteByte(c)
			if c == keep || c == '\n' {
				keep = 0
			}
			i++
			continue
		}
		switch {
		case c == '<' && strings.HasPrefix(s[i+1:], "http"):
			keep = '>'
		case c == '(' && i > 0 && s[i-1] == ']':
			keep = ')'
		case c == ' ':
			if t.NbspAfterNumber && !after && i > 0 && isDigit(s[i-1]) && i+1 < len(s) {
				if r, _ := utf8.DecodeRuneInString(s[i+1:]); unicode.IsLetter(r) {
					b.WriteString("\u00a0")
					i++
					continue
				}
			}
			if l.nbspAfterWord(s, i) {
				b.WriteString("\u00a0")
				i++
				continue
			}
			if t.NbspBeforeDash && (strings.HasPrefix(s[i+1:], "— ") || strings.HasPrefix(s[i+1:], "– ")) && i > 0 && s[i-1] != '\n' {
				b.WriteString("\u00a0")
				i++
				continue
			}
		default:
			if f, to := l.formulaAt(s, i); f != "" {
				b.WriteString(to)
				i += len(f)
				formula = true
				continue
			}
		}
		b.WriteByte(c)
		i++
	}
	return b.String()
}

// formulaAt is the formula that starts at s[i] as a whole word, and how
// the language writes it.
func (l *Locale) formulaAt(s string, i int) (string, string) {
	if c := s[i]; c < 'A' || c > 'Z' {
		return "", ""
	}
	if i > 0 {
		if r, _ := utf8.DecodeLastRuneInString(s[:i]); unicode.IsLetter(r) || unicode.IsDigit(r) {
			return "", ""
		}
	}
	for f, to := range l.d.Typography.Formulas {
		if !strings.HasPrefix(s[i:], f) {
			continue
		}
		if j := i + len(f); j < len(s) {
			if r, _ := utf8.DecodeRuneInString(s[j:]); unicode.IsLetter(r) || unicode.IsDigit(r) {
				continue
			}
		}
		return f, to
	}
	return "", ""
}

// nbspAfterWord says whether the space at s[i] follows one of the words
// the locale keeps with the next (typography.nbsp_after), as a whole word.
func (l *Locale) nbspAfterWord(s string, i int) bool {
	for _, w := range l.d.Typography.NbspAfter {
		if i < len(w) || s[i-len(w):i] != w {
			continue
		}
		j := i - len(w)
		if j == 0 {
			return true
		}
		if r, _ := utf8.DecodeLastRuneInString(s[:j]); !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			return true
		}
	}
	return false
}
