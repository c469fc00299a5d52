package format

import (
	"bytes"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
)

// markdown is the dialect briefs are written in.
var markdown = goldmark.New(goldmark.WithExtensions(extension.GFM, extension.Footnote))

func render(t testing.TB, src string) string {
	t.Helper()
	var buf bytes.Buffer
	if err := markdown.Convert([]byte(src), &buf); err != nil {
		t.Fatalf("goldmark: %v", err)
	}
	return buf.String()
}

// htmlText escapes text as goldmark's HTML renderer does.
var htmlText = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;")

// contexts are the places a template puts escaped text, each with the HTML
// that must come out when the text displays as itself.
var contexts = []struct {
	name      string
	src, html func(string) string
}{
	{"paragraph", func(e string) string { return e },
		func(h string) string { return "<p>" + h + "</p>\n" }},
	{"inline", func(e string) string { return "Before " + e + " after." },
		func(h string) string { return "<p>Before " + h + " after.</p>\n" }},
	{"after a paragraph line", func(e string) string { return "Intro\n" + e },
		func(h string) string { return "<p>Intro\n" + h + "</p>\n" }},
	{"list item", func(e string) string { return "- " + e },
		func(h string) string { return "<ul>\n<li>" + h + "</li>\n</ul>\n" }},
	{"heading", func(e string) string { return "## " + e },
		func(h string) string { return "<h2>" + h + "</h2>\n" }},
	{"link text", func(e string) string { return "[" + e + "](https://example.org/)" },
		func(h string) string { return `<p><a href="https://example.org/">` + h + "</a></p>\n" }},
	{"table cell", func(e string) string { return "| A | B |\n| - | - |\n| " + e + " | x |\n" },
		func(h string) string {
			return "<table>\n<thead>\n<tr>\n<th>A</th>\n<th>B</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>" +
				h + "</td>\n<td>x</td>\n</tr>\n</tbody>\n</table>\n"
		}},
}

// checkDisplays asserts that EscapeMarkdown(in) displays as want in every
// context.
func checkDisplays(t *testing.T, in, want string) {
	t.Helper()
	esc := EscapeMarkdown(in)
	if want == "" {
		if esc != "" {
			t.Fatalf("EscapeMarkdown(%q) = %q, want empty", in, esc)
		}
		return
	}
	h := htmlText.Replace(want)
	for _, c := range contexts {
		if got, want := render(t, c.src(esc)), c.html(h); got != want {
			t.Fatalf("%s: EscapeMarkdown(%q) = %q\nrenders %q\nwant    %q", c.name, in, esc, got, want)
		}
	}
}

func TestEscapeMarkdownDisplaysText(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want string // displayed text; "" means the input itself
	}{
		{"emphasis link html", "**bold** [link](http://x) <script>", ""},
		{"heading", "# heading", ""},
		{"closing hashes", "Top #", ""},
		{"ordered list", "1. item", ""},
		{"ordered list paren", "2) item", ""},
		{"list number alone", "10.", ""},
		{"decimal at start", "1.5 million tonnes", ""},
		{"bullet", "- item", ""},
		{"plus", "+ item", ""},
		{"star", "* item", ""},
		{"thematic break", "---", ""},
		{"underscores break", "___", ""},
		{"setext", "===", ""},
		{"negative number", "-5% on the year", ""},
		{"blockquote", "> quoted", ""},
		{"pipe", "a | b", ""},
		{"footnote", "[^1]", ""},
		{"footnote definition", "[^1]: note", ""},
		{"link reference", "[x]: http://example.org", ""},
		{"image", "![alt](x.png)", ""},
		{"code", "`code` and ```fence```", ""},
		{"fence", "~~~", ""},
		{"strikethrough", "~~gone~~ ~one~", ""},
		{"backslash", `C:\path\*`, ""},
		{"entity", "&amp; &copy; &#169; &#xA9; AT&T R&D;", ""},
		{"bare ampersand", "Trade & Industry", ""},
		{"autolink", "<http://example.org>", ""},
		{"raw html", "<b>bold</b> <!-- c -->", ""},
		{"url", "see https://example.org/a_b and http://x.io", ""},
		{"www", "see www.example.org now", ""},
		{"www upper", "WWW.EXAMPLE.ORG", ""},
		{"email", "write to press@example.org.", ""},
		{"handle", "@ministry and a @ b", ""},
		{"task", "[ ] todo [x] done", ""},
		{"table row", "| a | b |", ""},
		{"delimiter row", "| --- | --- |", ""},
		{"brackets", "[x] and a]b", ""},
		{"quotes", `"quoted" 'single'`, ""},
		{"newlines collapse", "line one\nline two\r\n\r\n  line three", "line one line two line three"},
		{"hard break", "a  \nb\\\nc", `a b\ c`},
		{"indent", "    code block", "code block"},
		{"tab", "\tcode", "code"},
		{"controls", "a\x00b\x07c\x1bd\x7fe\u0085f\u009fg", "abcde fg"},
		{"bidi", "abc\u202edcba\u2066x\u2069\u202a", "abcdcbax"},
		{"invalid utf8", "a\xffb", "a\ufffdb"},
		{"cyrillic", "Қазақстан ₸ Әлем", ""},
		{"empty", "", ""},
		{"only space", " \n\t ", ""},
		{"punctuation soup", `!"#$%&'()*+,-./:;<=>?@[\]^_{|}~` + "`", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			want := tt.want
			if want == "" && strings.TrimSpace(tt.in) != "" {
				want = tt.in
			}
			checkDisplays(t, tt.in, want)
		})
	}
}

func TestEscapeMarkdownStaysReadable(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Kazakhstan's exports rose!", "Kazakhstan's exports rose!"},
		{"Trade & Industry (2024)", "Trade & Industry (2024)"},
		{"1.5 million tonnes", "1.5 million tonnes"},
		{"-5% on the year", "-5% on the year"},
		{"**bold** [link](http://x) <script>", `\*\*bold\*\* \[link\](http\://x) \<script>`},
		{"1. item", `1\. item`},
		{"- item", `\- item`},
		{"AT&amp;T", `AT\&amp;T`},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := EscapeMarkdown(tt.in); got != tt.want {
				t.Errorf("EscapeMarkdown(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func FuzzEscapeMarkdown(f *testing.F) {
	for _, s := range []string{
		"**bold** [link](http://x) <script>", "# heading", "1. item", "a | b", "[^1]", "&amp;",
		"x@y.com", "www.a.io", "- a\n- b", "a\u202eb", "~~x~~", "`a`", "a\\", "http://a.b/c_d",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkDisplays(t, s, cleanText(s))
	})
}

func BenchmarkEscapeMarkdown(b *testing.B) {
	s := "Kazakhstan and Uzbekistan signed 12 agreements worth $1.2 billion (see www.example.org) — AT&T"
	for b.Loop() {
		EscapeMarkdown(s)
	}
}

// TestEscapeMarkdownDropsInvisible: zero-width and bidi characters in the
// data never reach brief.md.
func TestEscapeMarkdownDropsInvisible(t *testing.T) {
	for in, want := range map[string]string{
		"Kaz\u200bakh\u200dstan":     "Kazakhstan",
		"\u202eevil\u202c name":      "evil name",
		"\ufeffBOM\u2060 and \u200e": "BOM and",
		"soft\u00adhyphen":           "softhyphen",
	} {
		if got := EscapeMarkdown(in); got != want {
			t.Errorf("EscapeMarkdown(%q) = %q, want %q", in, got, want)
		}
	}
}
