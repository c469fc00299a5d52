package narrative

import (
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/briefhq/brief/internal/dataset"
	"github.com/briefhq/brief/internal/facts"
	"github.com/briefhq/brief/internal/period"
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
//   - an actual figure of a flow (summary: flow, an amount per period)
//     released before the last day of its period is the period's total up
//     to its release, in every brief, however late: "12 million visitors
//     in 2025 to 3 February" (released on 3 February 2025), never "in
//     2025" once the year is over; without a release date, a figure for a
//     period not over on the brief's day (the as-of day, or the week's
//     end) is the period's total so far: "12 million visitors so far in
//     2025";
//   - a note that calls the figure a total to date ("Projects implemented
//     to date.", "so far", "cumulative", "in total since ...") makes it
//     "99 projects to date in February 2025", not February's 99 (an
//     indicator declared summary: cumulative says "in total by ..."
//     itself). A level ("45 projects in February 2025") says nothing more.

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
		return en("qualifier.about")
	case w == "estimate" || w == "estimated":
		return en("qualifier.estimated")
	case w == "preliminary" || w == "provisional":
		return en("qualifier.preliminary")
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
	if f == nil || !flow || asOf.IsZero() || !actual(f) {
		return false
	}
	return f.Period.End.After(asOf)
}

// actual reports whether f is an actual figure (not an estimate, plan or
// target).
func actual(f *facts.Fact) bool { return f.Status == dataset.Actual || f.Status == "" }

// releasedEarly is the release date of an actual figure of a flow released
// before the last day of its period ("12 million visitors" of 2025,
// released on 3 February 2025): the period's total up to that day, never
// the period's total, however late the brief. Zero otherwise.
func releasedEarly(f *facts.Fact, fl *flowSeries) time.Time {
	if f == nil || fl == nil || len(f.Sources) == 0 || !actual(f) {
		return time.Time{}
	}
	src := f.Sources[0]
	rel := fl.released[rowPos{src.File, src.Line}]
	if rel.IsZero() || rel.Before(f.Period.Start) || !rel.Before(f.Period.End) {
		return time.Time{}
	}
	return rel
}

// upTo is a period label said up to a day within it: "2025 up to 3
// February", "the first quarter of 2025 up to 12 March"; the day's year
// is said when the period ends in another ("week 1 of 2026 up to 30
// December 2025").
func upTo(label string, p period.Period, day time.Time) string {
	d := enDay(day)
	if day.Year() != p.End.Year() {
		d += " " + strconv.Itoa(day.Year())
	}
	return en("day.upto", "label", label, "day", d)
}

// soFar follows a figure that is a period's total so far; toDate one its
// source calls a total to date.
var (
	soFar  = en("total.so_far")
	toDate = en("total.to_date")
)

// suffixes are the caveats qualify puts after a figure's text, which the
// press wording keeps (PressText).
var suffixes = []string{soFar, toDate}

// cumulativeWords in a note say that its figure is a total to date, not
// an amount of its period: "Projects implemented to date.", "Cumulative
// since 2015."
var cumulativeWords = []string{"to date", "so far", "cumulative", "cumulatively", "in total since", "running total"}

// saysCumulative reports whether a note calls its figure a total to date
// ("Projects implemented to date."), not when it denies it ("not
// cumulative", "non-cumulative").
func saysCumulative(note string) bool {
	n := strings.ToLower(note)
	for _, w := range cumulativeWords {
		for from := 0; ; {
			i := strings.Index(n[from:], w)
			if i < 0 {
				break
			}
			i += from
			from = i + len(w)
			if !wordAt(n, i, len(w)) {
				continue
			}
			before := strings.TrimRight(n[:i], " ")
			if strings.HasSuffix(before, "not") || strings.HasSuffix(before, "non-") || strings.HasSuffix(before, "non") {
				continue
			}
			return true
		}
	}
	return false
}

// wordAt reports whether s[i:i+n] stands as words: no letter touches it.
func wordAt(s string, i, n int) bool {
	isLetter := func(b byte) bool { return b >= 'a' && b <= 'z' }
	return (i == 0 || !isLetter(s[i-1])) && (i+n >= len(s) || !isLetter(s[i+n]))
}

// rowPos is a dataset row by its position, as a fact cites it.
type rowPos struct {
	file string
	line int
}

// flowSeries is what the brief needs to know of a flow indicator (one the
// catalog declares summary: flow): the release dates of its rows that
// give one, by position.
type flowSeries struct {
	released map[rowPos]time.Time
}

// flowIndicators are the indicators the catalog declares flows, with the
// release dates of their rows; an indicator that is no flow is absent
// (nil).
func flowIndicators(ds *dataset.Dataset) map[string]*flowSeries {
	out := map[string]*flowSeries{}
	for _, in := range ds.Indicators {
		if in.Summary == dataset.SummaryFlow {
			out[in.ID] = &flowSeries{released: map[rowPos]time.Time{}}
		}
	}
	if len(out) == 0 {
		return out
	}
	for i := range ds.Observations {
		o := &ds.Observations[i]
		if fl := out[o.Indicator]; fl != nil && !o.Released.IsZero() {
			fl.released[rowPos{o.Pos.File, o.Pos.Line}] = o.Released
		}
	}
	return out
}

// qualify makes row r say what its source says of its figure: "about 12
// million visitors", "an estimated $3 billion", "99 projects to date" (a
// note that calls it a total to date), and of a flow's figure for part of
// its period, the part: "12 million visitors so far" (no release date, a
// period not over on the brief's day) or, released before its period's
// last day, the period up to that day ("in 2025 up to 3 February", in
// r.Period, which the row's At, the tables and the talking points say).
func qualify(r *Row, f *facts.Fact, fl *flowSeries, asOf time.Time) {
	if f == nil {
		return
	}
	if q := qualifier(f); q != "" {
		r.Text = q + " " + r.Text
		r.qual = q
	}
	part := false
	if rel := releasedEarly(f, fl); !rel.IsZero() {
		r.Period, part = upTo(r.Period, f.Period, rel), true
		r.upTo = rel
	} else if partial(f, fl != nil, asOf) {
		r.Text, part = r.Text+soFar, true
		r.suffix = soFar
	}
	cumulative := r.Indicator != nil && r.Indicator.Cumulative
	if !part && !cumulative && f.Status != dataset.Plan && f.Status != dataset.Target && saysCumulative(f.Note) {
		r.Text += toDate
		r.suffix, r.ToDate = toDate, true
	}
}

// planReleases are the release dates of the plan and target rows that
// give one, by position: a plan is due in its period only when that
// begins after the day it was stated. Build asks for them at its first
// plan, so data without plans make no pass over their rows.
func planReleases(ds *dataset.Dataset) map[rowPos]time.Time {
	out := map[rowPos]time.Time{}
	for i := range ds.Observations {
		o := &ds.Observations[i]
		if (o.Status == dataset.Plan || o.Status == dataset.Target) && !o.Released.IsZero() {
			out[rowPos{o.Pos.File, o.Pos.Line}] = o.Released
		}
	}
	return out
}

// releasesOf are the release dates of the rows that give one, by
// position: a stock released within its own month is the month's
// current figure (Row.Current).
func releasesOf(ds *dataset.Dataset) map[rowPos]time.Time {
	out := map[rowPos]time.Time{}
	for i := range ds.Observations {
		o := &ds.Observations[i]
		if !o.Released.IsZero() {
			out[rowPos{o.Pos.File, o.Pos.Line}] = o.Released
		}
	}
	return out
}
