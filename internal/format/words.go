package format

import (
	"strconv"
	"strings"
)

// Ordinal writes n as a numeral ordinal.
//
//	Ordinal(1)    // "1st"
//	Ordinal(12)   // "12th"
//	Ordinal(23)   // "23rd"
//	Ordinal(111)  // "111th"
func Ordinal(n int) string {
	return en.Ordinal(n)
}

// OrdinalWord spells the ordinals first to tenth, as style guides ask, and
// falls back to Ordinal beyond.
//
//	OrdinalWord(2)   // "second"
//	OrdinalWord(11)  // "11th"
func OrdinalWord(n int) string {
	return en.OrdinalWord(n)
}

// Join lists items in prose: "A", "A and B", "A, B and C", with no Oxford
// comma; no items give "". When an item has a comma of its own (a name such
// as "Congo, Dem. Rep." or "Korea, Rep."; a figure with a caveat, "40.3%, an
// estimate"), commas cannot separate the items and semicolons do, with one
// before the "and": "Uganda; Nauru; Congo, Dem. Rep.; and Eritrea" (never
// "Uganda, Nauru, Congo, Dem. Rep. and Eritrea", which reads as five). The
// thousands separator of a figure ("1,250 cases") and a comma in brackets
// ("Astana (930.1 kt, an estimate)") are not such commas.
//
//	Join([]string{"Kazakhstan", "Uzbekistan", "Kyrgyzstan"})  // "Kazakhstan, Uzbekistan and Kyrgyzstan"
//	Join([]string{"Korea, Rep.", "Japan"})                     // "Korea, Rep.; and Japan"
func Join(items []string) string {
	return en.Join(items)
}

// Plural writes a count with its noun: the number as Scaled gives it, then
// singular when the number prints as 1, else plural. With plural "" the
// plural is derived by the simple English rules (consonant+y -> ies; s, x,
// z, ch, sh -> es; else s); pass irregular plurals explicitly.
//
//	Plural(1, "project", "")        // "1 project"
//	Plural(1000, "project", "")     // "1,000 projects"
//	Plural(3, "country", "")        // "3 countries"
//	Plural(2, "person", "people")   // "2 people"
func Plural(n float64, singular, plural string) string {
	num := Scaled(n, -1)
	word := singular
	if num != "1" && num != "-1" {
		word = plural
		if word == "" {
			word = PluralOf(singular)
		}
	}
	if word == "" {
		return num
	}
	return num + " " + word
}

// PluralOf derives the plural of an English noun by the simple rules, in
// the case of its last letter.
//
//	PluralOf("city")  // "cities"
//	PluralOf("tax")   // "taxes"
func PluralOf(singular string) string {
	s := singular
	n := len(s)
	if n == 0 {
		return s
	}
	last := s[n-1]
	upper := last >= 'A' && last <= 'Z'
	lower := last | 0x20
	suffix := func(low string) string {
		if upper {
			return strings.ToUpper(low)
		}
		return low
	}
	prev := byte(0)
	if n >= 2 {
		prev = s[n-2] | 0x20
	}
	switch {
	case lower == 'y' && n >= 2 && isConsonant(prev):
		return s[:n-1] + suffix("ies")
	case lower == 's' || lower == 'x' || lower == 'z' ||
		(lower == 'h' && (prev == 'c' || prev == 's')):
		return s + suffix("es")
	}
	return s + suffix("s")
}

func isConsonant(c byte) bool {
	if c < 'a' || c > 'z' {
		return false
	}
	switch c {
	case 'a', 'e', 'i', 'o', 'u':
		return false
	}
	return true
}

// SmallNumber says a count of twelve or less in words, the way an editor
// writes it in running text ("six", "twelve"); a larger count stays in
// figures ("13").
func SmallNumber(n int) string {
	if w, ok := en.SmallNumber(n); ok {
		return w
	}
	return strconv.Itoa(n)
}
