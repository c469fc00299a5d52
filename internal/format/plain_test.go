package format

import (
	"strings"
	"testing"
	"unicode"
)

func TestPlainText(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"Trade turnover", "Trade turnover"},
		{"", ""},
		{"  a \t\n b  ", "a b"},
		{"Alpha\u202E land", "Alpha land"},
		{"Ce\u202eevil\u202c land", "Ceevil land"},
		{"\u2066iso\u2069 \u200Elrm\u200F \u061Calm", "iso lrm alm"},
		{"Be\u200Bta\nland", "Beta land"},
		{"a\u200B b", "a b"},
		{"zw\u200C\u200D\u2060\uFEFFj", "zwj"},
		{"soft\u00ADhyphen", "softhyphen"},
		{"bell\a del\x7f c1\u0085x nul\x00", "bell del c1 x nul"},
		{"line\u2028para\u2029end\r\n", "line para end"},
		{"27.8\u00A0billion, 1\u202F000", "27.8\u00A0billion, 1\u202F000"},
		{"bad \xff byte", "bad \uFFFD byte"},
		{"non\uFFFEchar\uFDD0s", "nonchars"},
		{"👩\u200D💻", "👩💻"},
		{`snake\_case`, `snake\_case`}, // escapes are UnescapeMarkdown's
		{"Қазақстан", "Қазақстан"},
	} {
		got := PlainText(tt.in)
		if got != tt.want {
			t.Errorf("PlainText(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if again := PlainText(got); again != got {
			t.Errorf("PlainText not idempotent on %q: %q", got, again)
		}
	}
}

// TestPlainTextLeavesNoInvisible checks the rule on every code point of
// the Basic Multilingual Plane and the tag block: what PlainText returns
// holds no control, format or noncharacter, and no space but single ASCII
// spaces and the no-break spaces.
func TestPlainTextLeavesNoInvisible(t *testing.T) {
	var b strings.Builder
	for r := rune(0); r <= 0xFFFF; r++ {
		if r >= 0xD800 && r <= 0xDFFF {
			continue
		}
		b.WriteString("x")
		b.WriteRune(r)
	}
	for r := rune(0xE0000); r <= 0xE007F; r++ {
		b.WriteRune(r)
	}
	got := PlainText(b.String())
	for i, r := range got {
		switch {
		case unicode.In(r, unicode.Cc, unicode.Cf):
			t.Errorf("U+%04X (control or format) kept at byte %d", r, i)
		case r == 0xFFFE || r == 0xFFFF || r >= 0xFDD0 && r <= 0xFDEF:
			t.Errorf("noncharacter U+%04X kept", r)
		case unicode.IsSpace(r) && r != ' ' && r != 0xA0 && r != 0x2007 && r != 0x202F:
			t.Errorf("space U+%04X kept", r)
		}
	}
	if strings.Contains(got, "  ") {
		t.Error("a run of spaces is kept")
	}
}

func TestUnescapeMarkdown(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{`snake\_case\_name`, "snake_case_name"},
		{`\*star\* \# \[x\] \<b> a\|b \~ \\ back`, `*star* # [x] <b> a|b ~ \ back`},
		{`http\://x www\.y a\@b \&amp;`, "http://x www.y a@b &amp;"},
		{`C:\path \n \é`, `C:\path \n \é`}, // not before punctuation: kept
		{`trailing\`, `trailing\`},
		{"plain", "plain"},
	} {
		if got := UnescapeMarkdown(tt.in); got != tt.want {
			t.Errorf("UnescapeMarkdown(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestUnescapeMarkdownInvertsEscape: the text a brief escapes comes back
// as the cleaned text, whatever Markdown punctuation it holds.
func TestUnescapeMarkdownInvertsEscape(t *testing.T) {
	for _, s := range []string{
		`snake_case_topic *star*`,
		`**Exports** [click](javascript:alert(1))`,
		`# Topic <b>bold</b>`,
		`- 1. a \ back \\ double`,
		`-:`,
		`https://x.example/a_b www.example.com me@mail &amp; &#x41; a|b ~~s~~`,
		`C:\_dir\*`,
	} {
		if got := UnescapeMarkdown(EscapeMarkdown(s)); got != cleanText(s) {
			t.Errorf("UnescapeMarkdown(EscapeMarkdown(%q)) = %q", s, got)
		}
	}
}
