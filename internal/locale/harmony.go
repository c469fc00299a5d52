package locale

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Vowel harmony (Kazakh): an ending has a back and a front variant,
// chosen by the last vowel of the word, and its first sound follows the
// word's last sound (harmony.classes). The tables are the locale's data;
// this file only reads a word from its end.

// Decline adds the ending of case c to a word by vowel harmony: kk
// Decline("Қазақстан", Dat) "Қазақстанға", ("Ресей", Ins) "Ресеймен",
// ("Еуропалық Одақ", Gen) "Еуропалық Одақтың" (the last word takes
// it). An abbreviation ("АҚШ") cannot be read from its letters and is an
// error, as is a locale without harmony: give such forms in the catalog.
func (l *Locale) Decline(word string, c Case) (string, error) {
	h := l.d.Harmony
	if h == nil {
		return "", fmt.Errorf("%s has no vowel harmony to decline %q: give its %s form in the catalog", l.id, word, c)
	}
	if c == Nom {
		return word, nil
	}
	table, ok := h.Suffixes[string(c)]
	if !ok {
		return "", fmt.Errorf("%s has no case %q (it has %s)", l.id, c, strings.Join(l.cases, ", "))
	}
	head, last := splitLastWord(word)
	if last == "" {
		return "", fmt.Errorf("%s: cannot decline %q: it does not end in a word", l.id, word)
	}
	if forms, ok := h.Lexicon[strings.ToLower(last)]; ok {
		if f := forms[string(c)]; f != "" {
			return head + matchCase(last, f), nil
		}
	}
	if isAbbreviation(last) {
		return "", fmt.Errorf("%s: cannot decline the abbreviation %q by its letters: give its %s form in the catalog (e.g. АҚШ-тың)", l.id, word, c)
	}
	back, class, err := l.sound(last)
	if err != nil {
		return "", err
	}
	return word + pick(table, class, back), nil
}

// Suffix adds the ending of case c (or "ord") to a text that ends in a
// figure, a sign or an abbreviation, which take it after a hyphen as
// they are read aloud: kk "5" -> "5-ке" (бес), "10" -> "10-ға" (он),
// "4,2%" -> "4,2%-ға" (пайыз), "27,8 млрд" -> "27,8 млрд-қа"
// (миллиард); a text ending in a word is declined as Decline does
// ("27,8 млрд теңге" -> "27,8 млрд теңгеге").
func (l *Locale) Suffix(text string, c Case) (string, error) {
	h := l.d.Harmony
	if h == nil {
		return "", fmt.Errorf("%s has no vowel harmony to add endings to %q", l.id, text)
	}
	if c == Nom {
		return text, nil
	}
	table, ok := h.Suffixes[string(c)]
	if !ok {
		return "", fmt.Errorf("%s has no case %q for endings (it has %s, ord)", l.id, c, strings.Join(l.cases, ", "))
	}
	spoken, err := l.spokenEnd(text)
	if err != nil {
		return "", err
	}
	if spoken == "" {
		return l.Decline(text, c)
	}
	back, class, err := l.sound(spoken)
	if err != nil {
		return "", err
	}
	return text + h.Joiner + pick(table, class, back), nil
}

// spokenEnd is the word a text that ends in a figure or sign is read
// with at its end, or "" when the text ends in an ordinary word.
func (l *Locale) spokenEnd(text string) (string, error) {
	h := l.d.Harmony
	t := strings.TrimRightFunc(text, unicode.IsSpace)
	if t == "" {
		return "", fmt.Errorf("%s: no figure to add an ending to", l.id)
	}
	r, _ := utf8.DecodeLastRuneInString(t)
	if r >= '0' && r <= '9' {
		return l.numeralEnd(t), nil
	}
	_, last := splitLastWord(t)
	if w, ok := h.Spoken[last]; ok {
		return w, nil
	}
	if w, ok := h.Spoken[string(r)]; ok {
		return w, nil
	}
	if unicode.IsLetter(r) {
		return "", nil
	}
	return "", fmt.Errorf("%s: cannot tell how %q is read to add an ending; harmony.spoken has no %q", l.id, text, string(r))
}

// numeralEnd is the last word a figure at the end of t is read with:
// the fraction's when it has one ("4,25" ends "жиырма бес"), else the
// integer's.
func (l *Locale) numeralEnd(t string) string {
	n := l.d.Number
	end := len(t)
	i := end
	for i > 0 && t[i-1] >= '0' && t[i-1] <= '9' {
		i--
	}
	digits := t[i:end]
	if !strings.HasSuffix(t[:i], n.Decimal) || i == len(n.Decimal) || !isDigitBefore(t[:i-len(n.Decimal)]) {
		// An integer: gather its groups back over the group separator.
		var all []string
		all = append(all, digits)
		rest := t[:i]
		for n.Group != "" && strings.HasSuffix(rest, n.Group) {
			j := len(rest) - len(n.Group)
			k := j
			for k > 0 && rest[k-1] >= '0' && rest[k-1] <= '9' {
				k--
			}
			if k == j {
				break
			}
			all = append([]string{rest[k:j]}, all...)
			rest = rest[:k]
		}
		digits = strings.Join(all, "")
	}
	return l.lastNumeral(digits)
}

func isDigitBefore(s string) bool { return s != "" && s[len(s)-1] >= '0' && s[len(s)-1] <= '9' }

// lastNumeral is the last word of a whole number (ASCII digits) read
// aloud: 5 бес, 10 он, 25 бес, 100 жүз, 3000 мың, 0 нөл.
func (l *Locale) lastNumeral(digits string) string {
	nm := l.d.Harmony.Numerals
	digits = strings.TrimLeft(digits, "0")
	if digits == "" {
		return nm.Units[0]
	}
	pos := 0
	for i := len(digits) - 1; i >= 0 && digits[i] == '0'; i-- {
		pos++
	}
	d := digits[len(digits)-1-pos] - '0'
	switch {
	case pos == 0:
		return nm.Units[d]
	case pos == 1:
		return nm.Tens[d]
	case pos == 2:
		return nm.Hundred
	case pos < 6:
		return nm.Thousand
	case pos < 9:
		return nm.Million
	case pos < 12:
		return nm.Billion
	}
	return nm.Trillion
}

// sound is the harmony (back or front) and the class of the last sound
// of a word.
func (l *Locale) sound(word string) (back bool, class string, err error) {
	h := l.d.Harmony
	w := []rune(strings.ToLower(word))
	front := false
	for len(w) > 0 && (strings.ContainsRune(h.FrontMarkers, w[len(w)-1]) || w[len(w)-1] == 'ъ') {
		front = front || strings.ContainsRune(h.FrontMarkers, w[len(w)-1])
		w = w[:len(w)-1]
	}
	if len(w) == 0 {
		return false, "", fmt.Errorf("%s: %q has no letter to read its ending from", l.id, word)
	}
	for _, cl := range harmonyClasses {
		if strings.ContainsRune(h.Classes[cl], w[len(w)-1]) {
			class = cl
			break
		}
	}
	if class == "" {
		return false, "", fmt.Errorf("%s: cannot decline %q: its last letter %q is in no harmony class", l.id, word, string(w[len(w)-1]))
	}
	if front {
		return false, class, nil
	}
	for i := len(w) - 1; i >= 0; i-- {
		switch {
		case strings.ContainsRune(h.Back, w[i]):
			return true, class, nil
		case strings.ContainsRune(h.Front, w[i]):
			return false, class, nil
		}
	}
	return false, "", fmt.Errorf("%s: cannot tell the vowel harmony of %q (no back or front vowel): give its forms in the catalog", l.id, word)
}

func pick(table map[string][]string, class string, back bool) string {
	v := table[class]
	if back {
		return v[0]
	}
	return v[1]
}

func splitLastWord(s string) (head, last string) {
	s = strings.TrimRightFunc(s, unicode.IsSpace)
	i := strings.LastIndexFunc(s, func(r rune) bool { return unicode.IsSpace(r) })
	if i < 0 {
		return "", s
	}
	_, size := utf8.DecodeRuneInString(s[i:])
	return s[:i+size], s[i+size:]
}

// isAbbreviation reports a word of two or more capital letters (АҚШ, ЕО).
func isAbbreviation(w string) bool {
	n := 0
	for _, r := range w {
		if !unicode.IsUpper(r) {
			return false
		}
		n++
	}
	return n >= 2
}

// matchCase gives a lexicon form the capital of the word it replaces.
func matchCase(word, form string) string {
	r, _ := utf8.DecodeRuneInString(word)
	if !unicode.IsUpper(r) {
		return form
	}
	f, size := utf8.DecodeRuneInString(form)
	return string(unicode.ToUpper(f)) + form[size:]
}
