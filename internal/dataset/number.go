package dataset

import (
	"math"
	"strconv"
	"strings"
)

// NumberError is a value that is not a plain number; its message says
// what to write instead.
type NumberError struct {
	Input  string // the text as given
	Advice string // what is wrong and what to write
}

func (e *NumberError) Error() string {
	if strings.TrimSpace(e.Input) == "" {
		return "value is empty: " + e.Advice
	}
	return "value " + strconv.Quote(e.Input) + ": " + e.Advice
}

// ParseNumber reads a value as the dataset writes it: a plain decimal
// number with a dot as decimal separator and an optional exponent
// (-12.5, 1e9, 27800000000). Surrounding spaces are ignored. Anything
// else, including NaN, infinities, a decimal comma, thousands separators,
// currency or percent signs, is a *NumberError whose message carries the
// advice ("value \"27,8\": use a dot as decimal separator").
func ParseNumber(s string) (float64, error) {
	t := strings.TrimSpace(s)
	if t == "" {
		return 0, &NumberError{Input: s, Advice: "write the figure, or leave the row out if there is none"}
	}
	plain := true
	for i := 0; i < len(t); i++ {
		c := t[i]
		if !(c >= '0' && c <= '9' || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E') {
			plain = false
			break
		}
	}
	if plain {
		v, err := strconv.ParseFloat(t, 64)
		if err == nil {
			return v, nil
		}
		if ne, ok := err.(*strconv.NumError); ok && ne.Err == strconv.ErrRange && (math.IsInf(v, 0) || v == 0) {
			if math.IsInf(v, 0) {
				return 0, &NumberError{Input: s, Advice: "too large for a number: write it in a smaller unit"}
			}
			return 0, &NumberError{Input: s, Advice: "too small for a number: write it in a larger unit"}
		}
		return 0, &NumberError{Input: s, Advice: "not a number: write a plain number such as -12.5 or 27800000000"}
	}
	return 0, &NumberError{Input: s, Advice: numberAdvice(t)}
}

// numberAdvice explains why t (trimmed, not a plain number) is rejected.
// It runs only on the error path.
func numberAdvice(t string) string {
	if len(t) > 64 {
		return "not a number: write a plain number such as -12.5 or 27800000000"
	}
	lower := strings.ToLower(t)
	switch strings.TrimLeft(lower, "+-.") {
	case "nan":
		return "NaN is not a figure: leave the row out if there is none"
	case "inf", "infinity", "∞":
		return "infinite values are not allowed: write a finite number"
	case "n/a", "na", "null", "none", "-", "—", "–", "..", "", "?":
		return "not a number: leave the row out if there is no figure"
	}
	if strings.HasPrefix(t, "(") && strings.HasSuffix(t, ")") {
		if _, err := ParseNumber(t[1 : len(t)-1]); err == nil {
			return "write negative numbers with a minus sign: -" + t[1:len(t)-1]
		}
	}
	if isThousands(t, ',', '.') {
		return "remove the thousands separators: write " + strings.ReplaceAll(t, ",", "")
	}
	if strings.Count(t, ",") == 1 && !strings.Contains(t, ".") && onlyChars(t, "0123456789,-+eE") {
		return "use a dot as decimal separator"
	}
	if isThousands(t, '.', ',') || isThousands(t, '.', 0) && strings.Count(t, ".") > 1 {
		// 1.234,5 or 1.234.567: continental thousands dots.
		return "use a dot as decimal separator and no thousands separators: write " +
			strings.ReplaceAll(strings.ReplaceAll(t, ".", ""), ",", ".")
	}
	stripped := strings.Map(func(r rune) rune {
		switch r {
		case ' ', '\u00a0', '\u202f', '\u2009', '\'', '_':
			return -1
		}
		return r
	}, t)
	if stripped != t {
		if _, err := ParseNumber(stripped); err == nil {
			return "remove the separators between digits: write " + stripped
		}
	}
	if strings.ContainsAny(t, "%$€£₸₽¥") {
		return "write the plain number without % or currency signs; the unit column says what it counts"
	}
	if strings.HasPrefix(lower, "0x") {
		return "write the number in decimal"
	}
	return "not a number: write a plain number such as -12.5 or 27800000000"
}

// isThousands reports whether t is digits grouped by sep in threes
// (1,000 or 12,345,678.9 when dec is '.'), optionally signed.
func isThousands(t string, sep, dec byte) bool {
	if t != "" && (t[0] == '-' || t[0] == '+') {
		t = t[1:]
	}
	if dec != 0 {
		if i := strings.IndexByte(t, dec); i >= 0 {
			if !onlyChars(t[i+1:], "0123456789") || i+1 == len(t) {
				return false
			}
			t = t[:i]
		}
	}
	groups := strings.Split(t, string(sep))
	if len(groups) < 2 || len(groups[0]) == 0 || len(groups[0]) > 3 || !onlyChars(groups[0], "0123456789") {
		return false
	}
	for _, g := range groups[1:] {
		if len(g) != 3 || !onlyChars(g, "0123456789") {
			return false
		}
	}
	return true
}

func onlyChars(s, set string) bool {
	for _, r := range s {
		if !strings.ContainsRune(set, r) {
			return false
		}
	}
	return true
}
