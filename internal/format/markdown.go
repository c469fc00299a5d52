package format

import "strings"

// EscapeMarkdown makes text from the dataset display as that text in
// CommonMark with the GFM extensions (tables, strikethrough, autolinks,
// task lists) and footnotes, wherever a template puts it: inline, at the
// start of a line or in a table cell.
//
// It first cleans the text: invalid UTF-8 becomes U+FFFD, control
// characters and the bidi embedding, override and isolate characters
// (U+202A–U+202E, U+2066–U+2069) are removed, and each run of whitespace,
// newlines included, becomes one space, trimmed at both ends. It then puts
// a backslash before \ ` * _ [ ] < # | ~ wherever they occur; before a
// leading > = + - or list number ("1." "2)"); before the first character
// of text made only of - and : (a table delimiter row); before & when it
// would start an entity reference; before @ in what could be an e-mail
// address; and in "http://", "https://", "ftp://" and "www." so that GFM
// does not turn them into links. Other characters (! ( ) > . and so on) are left alone: they
// mean nothing once [ and < are escaped, and a brief's raw Markdown should
// stay readable.
//
//	EscapeMarkdown("**bold** [link](http://x) <script>")
//	// `\*\*bold\*\* \[link\](http\://x) \<script>`
func EscapeMarkdown(s string) string {
	t := cleanText(s)
	if t == "" {
		return ""
	}
	var b strings.Builder
	b.Grow(len(t) + len(t)/8 + 2)
	i := leadingMarker(t)
	if i > 0 {
		b.WriteString(t[:i-1])
		b.WriteByte('\\')
		b.WriteByte(t[i-1])
	}
	for ; i < len(t); i++ {
		c := t[i]
		switch c {
		case '\\', '`', '*', '_', '[', ']', '<', '#', '|', '~':
			b.WriteByte('\\')
		case '&':
			if entityAt(t, i) {
				b.WriteByte('\\')
			}
		case '@':
			if i > 0 && t[i-1] != ' ' {
				b.WriteByte('\\')
			}
		case ':':
			if strings.HasPrefix(t[i:], "://") && (hasSuffixFold(t[:i], "http") ||
				hasSuffixFold(t[:i], "https") || hasSuffixFold(t[:i], "ftp")) {
				b.WriteByte('\\')
			}
		case '.':
			if hasSuffixFold(t[:i], "www") {
				b.WriteByte('\\')
			}
		}
		b.WriteByte(c)
	}
	return b.String()
}

// leadingMarker returns the end of a block marker that opens t (a list
// bullet or number, a block quote, a thematic break, a setext underline or
// a table delimiter row),
// whose last byte must be escaped, or 0.
func leadingMarker(t string) int {
	if strings.Trim(t, "-: ") == "" {
		return 1 // a table delimiter row such as "-:" or ":---"
	}
	switch t[0] {
	case '>', '=':
		return 1
	case '-', '+':
		if len(t) == 1 || t[1] == ' ' || t[1] == t[0] {
			return 1
		}
		return 0
	}
	n := 0
	for n < len(t) && t[n] >= '0' && t[n] <= '9' {
		n++
	}
	if n > 0 && n < len(t) && (t[n] == '.' || t[n] == ')') && (n+1 == len(t) || t[n+1] == ' ') {
		return n + 1
	}
	return 0
}

// entityAt reports whether the & at t[i] starts something CommonMark could
// read as an entity or numeric character reference: &name; &#123; &#x1F;.
func entityAt(t string, i int) bool {
	j := i + 1
	if j < len(t) && t[j] == '#' {
		j++
		if j < len(t) && (t[j] == 'x' || t[j] == 'X') {
			j++
		}
	}
	start := j
	for j < len(t) && isAlnum(t[j]) {
		j++
	}
	return j > start && j < len(t) && t[j] == ';'
}

func isAlnum(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

func hasSuffixFold(s, suffix string) bool {
	return len(s) >= len(suffix) && strings.EqualFold(s[len(s)-len(suffix):], suffix)
}

// cleanText makes s one line of printable, valid UTF-8 without control,
// bidi or zero-width characters (the characters PlainText drops), with
// single spaces between words and none at the ends.
func cleanText(s string) string {
	clean := true
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < 0x20 || c == 0x7f || c >= 0x80 || (c == ' ' && (i == 0 || i == len(s)-1 || s[i+1] == ' ')) {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s { // invalid UTF-8 arrives here as U+FFFD
		switch {
		case isSpace(r):
			space = b.Len() > 0
			continue
		case dropped(r): // controls, bidi and zero-width characters: see PlainText
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

// isSpace reports the characters that separate words or lines: ASCII
// whitespace, NEL and the Unicode line and paragraph separators.
func isSpace(r rune) bool {
	switch r {
	case ' ', '\t', '\n', '\v', '\f', '\r', 0x85, 0x2028, 0x2029:
		return true
	}
	return false
}
