package format

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// PlainText makes s one line of plain text for the places that are not
// Markdown: chart titles and labels, SVG text, the PDF's metadata (Title,
// Subject, Keywords, Author, Creator) and its bookmarks. The rule, the
// same everywhere:
//
//   - invalid UTF-8 becomes U+FFFD;
//   - control characters (Unicode category Cc: C0, DEL, C1) are removed;
//   - format characters (category Cf) are removed. They are invisible or
//     steer how text around them is shown: the bidi embeddings, overrides
//     and isolates (U+202A–U+202E, U+2066–U+2069), the bidi marks (U+200E,
//     U+200F, U+061C), the zero-width space, non-joiner and joiner
//     (U+200B–U+200D), the word joiner (U+2060), the byte order mark
//     (U+FEFF), the soft hyphen, tag characters and the like. A zero-width
//     joiner inside an emoji sequence goes too: the sequence then shows as
//     its separate emoji, which neither the PDF font nor a chart label
//     needs more than that;
//   - the noncharacters U+FFFE, U+FFFF and U+FDD0–U+FDEF, which XML cannot
//     hold, are removed;
//   - each run of white space (unicode.IsSpace: tabs, newlines, CR, NEL,
//     the line and paragraph separators, the Unicode spaces) becomes one
//     space, and spaces at both ends are trimmed. The no-break spaces
//     U+00A0, U+2007 and U+202F are kept as they are, since they hold a
//     figure to its unit.
//
// A character removed between two words does not join them: "a\u200B b"
// is "a b", and "a\u200Bb" is "ab". PlainText does not undo Markdown
// escapes; see UnescapeMarkdown. PlainText(PlainText(s)) == PlainText(s).
func PlainText(s string) string {
	if isPlainASCII(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s { // invalid UTF-8 arrives here as U+FFFD
		switch {
		case r == 0x00A0 || r == 0x2007 || r == 0x202F:
			// a no-break space is a character of the text
		case unicode.IsSpace(r):
			space = b.Len() > 0
			continue
		case dropped(r):
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	return b.String()
}

// dropped reports the characters PlainText removes.
func dropped(r rune) bool {
	switch {
	case r < 0x20 || r == 0x7F:
		return true
	case r < 0xA0:
		return r >= 0x80 // C1 controls
	case r == 0xFFFE || r == 0xFFFF, r >= 0xFDD0 && r <= 0xFDEF:
		return true
	}
	return unicode.In(r, unicode.Cc, unicode.Cf)
}

// isPlainASCII reports whether s is printable ASCII with single spaces
// between words and none at the ends, which PlainText keeps as it is.
func isPlainASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < 0x20 || c >= 0x7F || (c == ' ' && (i == 0 || i == len(s)-1 || s[i+1] == ' ')) {
			return false
		}
	}
	return true
}

// UnescapeMarkdown undoes a Markdown backslash escape: each "\X" where X is
// ASCII punctuation becomes X, as CommonMark reads it, so
// UnescapeMarkdown(EscapeMarkdown(s)) is the cleaned s (EscapeMarkdown
// escapes every backslash it keeps). A backslash before anything else
// stays. It strips no other markup: text from the dataset reaches Markdown
// only through EscapeMarkdown, which leaves no emphasis, link or code of
// its own to strip.
//
//	UnescapeMarkdown(`snake\_case \*star\* C:\\dir`) // `snake_case *star* C:\dir`
func UnescapeMarkdown(s string) string {
	i := strings.IndexByte(s, '\\')
	if i < 0 {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	b.WriteString(s[:i])
	for ; i < len(s); i++ {
		c := s[i]
		if c == '\\' && i+1 < len(s) && isASCIIPunct(s[i+1]) {
			i++
			c = s[i]
		}
		b.WriteByte(c)
	}
	return b.String()
}

// isASCIIPunct reports CommonMark's ASCII punctuation characters, the ones
// a backslash escapes.
func isASCIIPunct(c byte) bool {
	return c < utf8.RuneSelf && strings.IndexByte("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~", c) >= 0
}
