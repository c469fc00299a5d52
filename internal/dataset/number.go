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

// The magnitudes a value may have. A value is 0, or its magnitude lies
// between MinMagnitude and MaxMagnitude (both included).
//
// MaxMagnitude, a million trillion, is above every figure of an economy
// even in the smallest currency units (Indonesia's GDP is about 2e16
// rupiah, Vietnam's 1e16 dong, Iran's of the order of 1e17 rials; a bound
// of 1e15 would refuse them), and far enough
// below the largest float64 (1.8e308) that nothing the engine computes
// from values can overflow: a sum of a billion of them is at most 1e27, a
// percent change at most 2e18 / 1e-12 × 100 = 2e32, so a brief never
// prints "Inf" and brief.json can always be written. Such a value prints
// as a figure a reader can take in ("1,000,000 trillion" at most, not a
// 309-digit number).
//
// MinMagnitude is the smallest nonzero value the brief can print: it
// prints at most 12 decimals, so a smaller one would read as 0. It also
// keeps values far above the float64 range where they lose precision
// (below 2.2e-308) or become 0 (below 4.9e-324), which strconv returns
// without an error: "1e-400" would otherwise be read as 0.
const (
	MaxMagnitude = 1e18
	MinMagnitude = 1e-12
)

// ParseNumber reads a value as the dataset writes it: a plain decimal
// number with a dot as decimal separator and an optional exponent
// (-12.5, 1e9, 27800000000). Surrounding spaces are ignored. Anything
// else, including NaN, infinities, a decimal comma, thousands separators,
// currency or percent signs, is a *NumberError whose message carries the
// advice ("value \"27,8\": use a dot as decimal separator"), and so is a
// number whose magnitude is above MaxMagnitude or, other than 0, below
// MinMagnitude.
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
			if v == 0 {
				if nonzeroDigits(t) {
					return 0, &NumberError{Input: s, Advice: tooSmall}
				}
				return 0, nil // "-0" is 0
			}
			if a := math.Abs(v); a > MaxMagnitude || a < MinMagnitude {
				if a > MaxMagnitude {
					return 0, &NumberError{Input: s, Advice: tooLarge}
				}
				return 0, &NumberError{Input: s, Advice: tooSmall}
			}
			return v, nil
		}
		if ne, ok := err.(*strconv.NumError); ok && ne.Err == strconv.ErrRange && math.IsInf(v, 0) {
			return 0, &NumberError{Input: s, Advice: tooLarge}
		}
		return 0, &NumberError{Input: s, Advice: "not a number: write a plain number such as -12.5 or 27800000000"}
	}
	return 0, &NumberError{Input: s, Advice: numberAdvice(t)}
}

// The advice on a value out of range says what to do in the dataset's
// terms: the formatter scales a value, so a larger unit ("billion USD")
// is printed as well as a smaller one.
const (
	tooLarge = "too large: values may be up to 1e18 (a million trillion) in size; give it in a larger unit, such as billion USD for USD"
	tooSmall = "too small: values other than 0 must be at least 1e-12 in size, or the brief would print 0; give it in a smaller unit, such as grams for tonnes"
)

// nonzeroDigits reports whether the digits of t before its exponent are
// not all zeros: "1e-400" is not 0, even if it reads as 0.
func nonzeroDigits(t string) bool {
	for i := 0; i < len(t); i++ {
		switch c := t[i]; {
		case c == 'e' || c == 'E':
			return false
		case c >= '1' && c <= '9':
			return true
		}
	}
	return false
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
	switch strings.ToUpper(t) {
	case "#N/A", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#NULL!", "#SPILL!", "#CALC!", "#GETTING_DATA":
		return "an error of an Excel formula: correct the formula, or leave the cell empty if there is no figure"
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
