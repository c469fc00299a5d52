package format

import (
	"strings"
	"unicode/utf8"
)

// MinusSign is the typographic minus, U+2212, which the PDF and the charts
// print before a negative number: a hyphen is shorter than a plus sign and
// breaks a line after it.
const MinusSign = "\u2212"

// Minus replaces each hyphen that is the sign of a number with the minus
// sign U+2212: a hyphen at the start of s or after a space or an opening
// bracket, followed by a digit, a decimal point and digit, or a currency
// symbol ($, €, £) and a digit. Hyphens of ranges and compounds
// ("2020-2024", "COVID-19", "year-on-year", "2025-W06") are left alone.
// The Markdown keeps its hyphens; the PDF and the charts use Minus.
//
//	Minus("-$1.50 and -3.2%, 2020-2024")  // "−$1.50 and −3.2%, 2020-2024"
func Minus(s string) string {
	if !strings.Contains(s, "-") {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 4)
	for i := 0; i < len(s); i++ {
		if s[i] == '-' && signPosition(s, i) {
			b.WriteString(MinusSign)
			continue
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// signPosition reports whether the hyphen at s[i] stands where a sign does.
func signPosition(s string, i int) bool {
	if i > 0 {
		prev, _ := utf8.DecodeLastRuneInString(s[:i])
		switch prev {
		case ' ', '(', '[', '\u00A0', '\u202F', '\t', '\n':
		default:
			return false
		}
	}
	rest := s[i+1:]
	for _, sym := range []string{"$", "€", "£"} {
		rest = strings.TrimPrefix(rest, sym)
	}
	rest = strings.TrimPrefix(rest, ".")
	return rest != "" && rest[0] >= '0' && rest[0] <= '9'
}
