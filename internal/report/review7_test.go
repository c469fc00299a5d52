package report

import (
	"strings"
	"testing"
)

// Tests of the seventh editorial review (issue 13): each asserts what a
// reader sees.

// boxLines are the lines of a key-messages box (box's block quote) that
// are messages, in any language.
func boxLines(b string) []string {
	var out []string
	for _, l := range strings.Split(b, "\n") {
		if strings.HasPrefix(l, "> - ") {
			out = append(out, l)
		}
	}
	return out
}

// TestKeyMessagesSayNews (round 7, item 1): a key message says news; a
// bare level is never one for a member of a ranking below the top
// ("Kazakhstan's GDP stood at $261.42 billion"), and the top's bare level
// only fills a box that would otherwise have fewer than three lines; the
// box prefers fewer lines to padding. In every language.
func TestKeyMessagesSayNews(t *testing.T) {
	// The sample has four items of news, one per section: the bare
	// leader of trade turnover and a second event of a section stay out.
	md := sampleBrief(t)
	km := keyMessages(t, md)
	if n := len(boxLines(box(t, md))); n != 4 {
		t.Errorf("sample: %d key messages, want the four items of news:\n%s", n, km)
	}
	lacks(t, "sample key messages", km, "trade turnover", "Gazprom", "Saran")
	contains(t, "sample key messages", km, "does not join the sanctions", "is worth $52.9 billion", "Rosatom", "VTB Bank plans")
	contains(t, "sample body", section(t, md, "Trade"), "Kazakhstan had the highest trade turnover with Russia")
	for _, lang := range []string{"ru", "kk"} {
		b := box(t, nbsp(file(t, weeklyIn(t, "../../data", lang), "brief.md")))
		if n := len(boxLines(b)); n != 4 {
			t.Errorf("sample %s: %d key messages, want 4:\n%s", lang, n, b)
		}
		lacks(t, "sample "+lang+" key messages", b, "27,8", "Газпром")
	}

	// Real data: one item of news (inflation fell in all six), so the
	// top of the GDP ranking fills the box by its level; Kazakhstan's
	// bare level (second) never does.
	needShared(t, "gdp/gdp.csv")
	data := "../../testdata/mapping/central-asia"
	md = plainMD(file(t, weekly(t, data, "2023-W52"), "brief.md"))
	b := box(t, md)
	if got := boxLines(b); len(got) != 2 {
		t.Errorf("central-asia: %d key messages, want 2:\n%s", len(got), b)
	}
	contains(t, "central-asia key messages", b,
		"> - GDP-deflator inflation fell in all six in 2023, most in Turkmenistan, from 11.0% to deflation of 3.3%.",
		"> - The Russian Federation led the six in GDP in current dollars in 2023, with $2.02 trillion.")
	lacks(t, "central-asia key messages", b, "Kazakhstan's GDP", "261.42")
	contains(t, "central-asia body", md, "Kazakhstan came second with $261.42 billion.")
	for _, lang := range []string{"ru", "kk"} {
		b := box(t, nbsp(file(t, weeklyIn(t, data, lang), "brief.md")))
		if n := len(boxLines(b)); n != 2 {
			t.Errorf("central-asia %s: %d key messages, want 2:\n%s", lang, n, b)
		}
		contains(t, "central-asia "+lang+" key messages", b, "2,02")
		lacks(t, "central-asia "+lang+" key messages", b, "261,42")
	}
}
