package report

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/briefhq/brief/internal/dataset"
	"github.com/briefhq/brief/internal/period"
)

// unfinishedWarnings say, once per file and indicator, which rows the
// brief leaves out because their period is not over on its as-of day and
// they give no release date (dataset.Known), or, for rows that repeat
// their year's annual figure, their year is not over (one warning per
// year): the analyst learns that the
// brief is silent on them on purpose, and how to say that a figure was
// known earlier. Rows of periods that begin after the day are not named.
func unfinishedWarnings(ds *dataset.Dataset, asOf time.Time) []string {
	var out []string
	for _, u := range ds.Unfinished(asOf) {
		name := u.Indicator
		for i := range ds.Indicators {
			if in := &ds.Indicators[i]; in.ID == u.Indicator && in.Name != "" {
				name = in.Name
			}
		}
		rows := "1 row"
		if u.Rows != 1 {
			rows = strconv.Itoa(u.Rows) + " rows"
		}
		labels := make([]string, len(u.Periods))
		for i, p := range u.Periods {
			labels[i] = p.Label()
		}
		over := "the " + u.Periods[0].Kind.String() + " is"
		if len(u.Periods) > 1 {
			over = "their periods are"
		}
		if u.Year != 0 {
			// The rows repeat their year's annual figure: known at its end.
			y := strconv.Itoa(u.Year)
			they := "they repeat"
			if u.Rows == 1 {
				they = "it repeats"
			}
			out = append(out, fmt.Sprintf("%s: %s of %s (%s) left out: %s the one figure the data give for the whole of %s (an annual figure repeated each %s), known once %s is over, not on %s (the brief's as-of day); if it was published earlier, give that day in a released column (YYYY-MM-DD)",
				u.Pos, rows, strings.Join(labels, ", "), name, they, y, u.Periods[0].Kind.String(), y, period.OfDay(asOf).Label()))
			continue
		}
		advice := "if a figure was published before its period ended, give that day in the released column (YYYY-MM-DD)"
		if u.Column != "" {
			advice = "if each figure is known on the date written in the file, map that column as released too (released: " + u.Column + ") — docs/mapping.md"
		}
		out = append(out, fmt.Sprintf("%s: %s of %s (%s) left out: %s not over on %s (the brief's as-of day); %s",
			u.Pos, rows, strings.Join(labels, ", "), name, over, period.OfDay(asOf).Label(), advice))
	}
	return out
}

// loadWarnings are the dataset's load warnings for a brief's audit
// record (brief.json "warnings", beside the brief's own): a reader of
// the record alone sees what the tool doubted in the data (aggregates
// ranked with countries, rows dropped, a running total undeclared, stale
// series), as stderr showed. They are of the whole data, so a brief that
// sees it as of an earlier day (rows or events after it left out) keeps
// one line that says how many there are and where to read them: a
// warning may name a later row, a source or a period the brief must not
// show.
func loadWarnings(ds *dataset.Dataset, asOf time.Time) []string {
	if len(ds.Warnings) == 0 {
		return nil
	}
	if !ds.Hides(asOf) {
		return append([]string(nil), ds.Warnings...)
	}
	n := "1 warning"
	if len(ds.Warnings) > 1 {
		n = strconv.Itoa(len(ds.Warnings)) + " warnings"
	}
	return []string{fmt.Sprintf("%s %s (stderr; brief validate prints them) not repeated here: this brief sees the data as of %s, and they may name later rows", n, loadSummary, asOf.Format("2 January 2006"))}
}

// loadSummary marks the line loadWarnings writes in place of the load's
// warnings (IsLoadSummary).
const loadSummary = "about the data as loaded"

// IsLoadSummary: w is the record's line in place of the load's warnings,
// which stderr showed already.
func IsLoadSummary(w string) bool { return strings.Contains(w, loadSummary) }
