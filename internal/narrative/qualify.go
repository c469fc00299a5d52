package narrative

import (
	"strings"
	"time"
	"unicode"

	"github.com/briefhq/brief/internal/dataset"
	"github.com/briefhq/brief/internal/facts"
)

// A figure travels with what its source says of it, wherever the brief
// states it (summary, topic text, tables, What changed, talking points):
//
//   - a note that opens with "About", "Approximately", "Around", "Roughly",
//     "Some", "Nearly", "Almost" or "Circa" and a number ("About 12
//     million; ...") says the figure is approximate: "about 12 million
//     visitors" ("Some figures are revised" says nothing of the figure);
//   - a note that opens with "Estimate(d)" makes it "an estimated …";
//   - a figure with status estimate says so itself ("(estimate)", ", an
//     estimate" in the templates) and takes no qualifier from its note;
//   - a note that opens with "Preliminary" or "Provisional" makes it "a
//     preliminary …";
//   - an actual figure of a flow (summary: flow, an amount per period) for
//     a period not over on the brief's day (the as-of day, or the week's
//     end) is the period's total so far: "12 million visitors so far in
//     2025". A level (a stock on a day of the period, "99 projects in
//     February 2025") says nothing more.

// approxWords open a note that calls its figure approximate.
var approxWords = []string{"about", "approximately", "approx", "around", "roughly", "some", "nearly", "almost", "circa", "ca"}

// qualifier is the word a row's figure is said with: "about", "an
// estimated", "a preliminary" or "".
func qualifier(f *facts.Fact) string {
	if f == nil {
		return ""
	}
	w := firstWord(f.Note)
	switch {
	case w == "", f.Status == dataset.Estimate:
		// An estimate says so itself ("930.1 kt CO2e (estimate)"): "a
		// preliminary 930.1 kt CO2e (estimate)" says it twice.
		return ""
	case contains(approxWords, w) && opensWithNumber(afterFirstWord(f.Note)):
		return "about"
	case w == "estimate" || w == "estimated":
		return "an estimated"
	case w == "preliminary" || w == "provisional":
		return "a preliminary"
	}
	return ""
}

// firstWord is a note's first word in lower case, without punctuation.
func firstWord(note string) string {
	note = strings.TrimSpace(note)
	end := strings.IndexFunc(note, func(r rune) bool { return !unicode.IsLetter(r) })
	if end < 0 {
		end = len(note)
	}
	return strings.ToLower(note[:end])
}

// afterFirstWord is the note after its first word and the spaces or
// punctuation that follow it.
func afterFirstWord(note string) string {
	note = strings.TrimSpace(note)
	i := strings.IndexFunc(note, func(r rune) bool { return !unicode.IsLetter(r) })
	if i < 0 {
		return ""
	}
	return strings.TrimLeft(note[i:], " .\t")
}

// opensWithNumber reports whether s starts with a figure: a digit, or a
// currency sign before one ("$3 billion").
func opensWithNumber(s string) bool {
	s = strings.TrimLeft(s, "$€£¥₸₽~")
	return s != "" && s[0] >= '0' && s[0] <= '9'
}

func contains(list []string, w string) bool {
	for _, x := range list {
		if x == w {
			return true
		}
	}
	return false
}

// partial reports whether f is an actual figure of a flow for a period
// that is not over on day asOf: a total so far.
func partial(f *facts.Fact, flow bool, asOf time.Time) bool {
	if f == nil || !flow || asOf.IsZero() || (f.Status != dataset.Actual && f.Status != "") {
		return false
	}
	return f.Period.End.After(asOf)
}

// soFar follows a figure that is a period's total so far.
const soFar = " so far"

// flowIndicators are the indicators the catalog declares flows.
func flowIndicators(ds *dataset.Dataset) map[string]bool {
	out := map[string]bool{}
	for _, in := range ds.Indicators {
		if in.Summary == dataset.SummaryFlow {
			out[in.ID] = true
		}
	}
	return out
}

// qualify makes row r say what its source says of its figure, in its
// Text: "about 12 million visitors", "an estimated $3 billion", "12
// million visitors so far" (of a flow whose period is not over).
func qualify(r *Row, f *facts.Fact, flow bool, asOf time.Time) {
	if q := qualifier(f); q != "" {
		r.Text = q + " " + r.Text
	}
	if partial(f, flow, asOf) {
		r.Text += soFar
	}
}
