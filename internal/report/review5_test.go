package report

import (
	"testing"
)

// Tests of the fifth editorial review (issue 13): each asserts the
// sentence a reader sees.

// sampleBrief is the sample's brief of its week, footnote marks removed.
func sampleBrief(t *testing.T) string {
	t.Helper()
	return plainMD(file(t, weekly(t, "../../data", "2025-W06"), "brief.md"))
}

// TestSampleSourceTitleReadsAsOne (round 5): the article's title is
// “‘Central Asia is drifting away from Russia’ – fake”, quoted whole, so
// that "– fake" does not read as a tag; the reverse flow made Russia a
// key exporter "by 2024", as the article says, not "began" in 2024; the
// ambassador is the "Ambassador to Russia" wherever he is named.
func TestSampleSourceTitleReadsAsOne(t *testing.T) {
	md := sampleBrief(t)
	contains(t, "summary", md, "comes from one source: “‘Central Asia is drifting away from Russia’ – fake” (opinion article")
	lacks(t, "brief", md, "Russia” – fake", "began pumping gas", "ambassador in Moscow")
	contains(t, "background", md, "According to the article, by 2024 this had made Russia a key exporter of natural gas to Uzbekistan")
	for _, lang := range []string{"ru", "kk"} {
		out := plainMD(file(t, weeklyIn(t, "../../data", lang), "brief.md"))
		// The Cyrillic typesetting binds the dash to the word before.
		contains(t, lang, out, "“‘Central Asia is drifting away from Russia’", "fake”")
		lacks(t, lang, out, "Russia” – fake")
	}
}
