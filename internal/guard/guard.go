// Package guard decides whether an LLM's rewording of a brief section may
// replace the template's draft: it accepts only text that keeps every fact
// of the draft and adds none.
//
// Check is pure (no I/O, no clock) and applies these rules; any failure
// rejects the polished text, and every failure found is reported:
//
//   - Numbers. Every number of the polished text must match a number of
//     the draft by value, each draft number used once, and no number of
//     the draft may go missing (a figure dropped from the prose loses a
//     fact; tables are checked separately). Format is free: "27.8 billion" = "$27.8bn"
//     = "27,8 млрд" = "US$27.8 billion"; "12 million" = "12,000,000";
//     "three" = "3"; "80th" = "80". Rounding is tolerated when the draft's
//     value rounds to the polished one at the polished precision and moves
//     by at most 5% ("$27.8 billion" may become "$28 billion", never
//     "$28.7 billion"). A unit written in the polished text must be the
//     draft's unit: a percent may not become percentage points or the
//     reverse, "$" may not become "€", cm may not become m; a bare number
//     ("27.8 billion") may stand for the draft's "$27.8 billion"; a short
//     unit the guard does not know, read after the number ("kt", "cm",
//     "MW"), must be the draft's ("1,210.5 kt" may not become "1,210.5 t";
//     it may be spelled out, "kilotonnes"). Years ("2030", never rounded) and
//     days are numbers. Digits inside footnote markers ([^1]), URLs and
//     words ("CO2", "Q3") are not figures. "one" is not read as a number
//     unless a scale follows ("one billion"): it is too often a pronoun.
//   - Directions. A figure keeps the direction the draft gives it: its
//     explicit sign and the direction words of its clause ("rose", "fell",
//     "up 4.2%", "down from", "unchanged"). "down 6.9%" may become "a 6.9%
//     fall" but not "up 6.9%"; "-3.3%" may not become a bare "3.3%"; and
//     the polished text may not report a rise or a fall where the draft
//     reports none.
//   - Names. Every capitalised word (Latin or Cyrillic, in a multiword or
//     hyphenated name too: "Inter RAO", "Ust-Kamenogorsk") must be a word
//     of the draft or of the vocabulary (the dataset's catalogs). The first
//     word of a sentence, list item, table cell or of text after a colon is
//     also accepted when it is a common English word or a word of the draft
//     in any case ("Meanwhile", "Exports").
//   - Footnotes. The multiset of citation markers [^n] is the draft's: none
//     dropped, none added.
//   - Length. The prose (the text outside tables and image lines) is
//     between 60% and 150% of the draft's prose in characters, with 20
//     characters of slack below and 40 above for short drafts.
//   - Markdown structure, parsed with goldmark (GFM and footnotes): the same
//     headings (level and text), the same tables with byte-identical rows,
//     the same images, as many list items, code blocks and block quotes.
//   - Safety. No <draft> tags, no text that reads like instructions or a
//     chat assistant ("ignore previous", "as an AI") beyond what the draft
//     itself contains, no link or URL absent from the draft, no HTML.
package guard

import (
	"fmt"
	"strings"
)

// Vocabulary lists the names the dataset knows beyond those of the draft:
// every entity name (all languages, short names), indicator, topic and
// group name of the catalogs. Names are split into words.
type Vocabulary struct {
	Names []string
}

// Result is the guard's verdict. Reasons are human-readable, one per
// problem found, in a stable order; empty when Accepted.
type Result struct {
	Accepted bool     `json:"accepted"`
	Reasons  []string `json:"reasons,omitempty"`
}

// Length bounds of the polished prose, relative to the draft's prose.
const (
	MinRatio = 0.6
	MaxRatio = 1.5
	// Slack in characters so that a one-line draft may still be reworded.
	slackBelow = 20
	slackAbove = 40
	// MaxInput bounds what Check reads; a larger text is rejected.
	MaxInput = 64 << 10
)

// Check compares the polished text with its draft. v may be nil. It never
// panics (fuzzed) and costs under a millisecond for a section of a few KB
// (BenchmarkCheck), a fraction of a second at the 64 KB limit.
func Check(draft, polished string, v *Vocabulary) Result {
	draft = normalise(draft)
	polished = normalise(polished)
	var reasons []string
	add := func(rs ...string) { reasons = append(reasons, rs...) }

	if strings.TrimSpace(polished) == "" {
		return Result{Reasons: []string{"the polished text is empty"}}
	}
	if len(draft) > MaxInput || len(polished) > MaxInput {
		// Number pairing is quadratic; a section is a few KB.
		return Result{Reasons: []string{fmt.Sprintf("the section is larger than %d KB: not checked", MaxInput>>10)}}
	}
	add(checkSafety(draft, polished)...)
	add(checkStructure(draft, polished)...)
	add(checkMarkers(draft, polished)...)
	add(checkLength(draft, polished)...)
	nums := pairUp(draft, polished)
	add(compareNumbers(nums)...)
	add(checkDirections(nums)...)
	add(checkNames(draft, polished, v)...)
	reasons = dedupe(reasons)
	return Result{Accepted: len(reasons) == 0, Reasons: reasons}
}

// normalise makes line ends and a few look-alike characters uniform so
// that rules compare what a reader sees.
func normalise(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	return s
}

func dedupe(rs []string) []string {
	seen := map[string]bool{}
	out := rs[:0]
	for _, r := range rs {
		if !seen[r] {
			seen[r] = true
			out = append(out, r)
		}
	}
	if len(out) == 0 {
		return nil
	}
	return out
}
