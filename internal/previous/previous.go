// Package previous finds the brief a new weekly brief compares itself with
// for "What changed": a brief.json named by the user, else the latest
// brief.json of an earlier week in the output folder.
package previous

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/briefhq/brief/internal/audit"
	"github.com/briefhq/brief/internal/inputfile"
	"github.com/briefhq/brief/internal/narrative"
	"github.com/briefhq/brief/internal/period"
)

// Since reads the brief.json given by --since. A file that is not one (a
// brief.md, a PDF, a folder, a FIFO) is an error naming it and saying what
// to pass.
func Since(path string, week period.Period) (*narrative.PreviousBrief, error) {
	b, err := inputfile.ReadFile(path, maxBrief)
	if err != nil {
		if inputfile.Absent(err) {
			return nil, fmt.Errorf("--since %s: no such file: %s", path, what)
		}
		return nil, fmt.Errorf("--since: %v: %s", err, what)
	}
	p, err := audit.Previous(b)
	if err != nil {
		var syn *json.SyntaxError
		var typ *json.UnmarshalTypeError
		if errors.As(err, &syn) || errors.As(err, &typ) {
			return nil, fmt.Errorf("--since %s: %s, not a brief.json: pass the brief.json written beside the brief (%s)", path, looksLike(path, b), filepath.Join(filepath.Dir(path), "brief.json"))
		}
		return nil, fmt.Errorf("--since %s: %v: %s", path, err, what)
	}
	if w, err := period.Parse(p.Period); err == nil && period.Compare(w, week) >= 0 {
		return nil, fmt.Errorf("--since %s: it is the brief of %s, not of a week before %s: %s", path, w, week, what)
	}
	return p, nil
}

// what says what --since wants.
const what = "pass the brief.json of an earlier brief (OUT/weekly/<week>/brief.json)"

// maxBrief bounds a brief.json read: a brief of a million rows writes
// one of 25 MB, and reading one costs about four times its size.
var maxBrief int64 = 128 << 20

// looksLike names what a file that is not JSON seems to be.
func looksLike(path string, b []byte) string {
	switch {
	case strings.EqualFold(filepath.Ext(path), ".md"), strings.HasPrefix(string(b), "# "):
		return "a Markdown file"
	case strings.EqualFold(filepath.Ext(path), ".pdf"), strings.HasPrefix(string(b), "%PDF"):
		return "a PDF"
	}
	return "not JSON"
}

// Find is the brief to compare the brief of week with: the file since
// (if given), else the latest brief.json of an earlier week in
// out/weekly/<week>/sub/ (sub is "" for the weekly brief, "entity/kz" for
// a batch's, so each compares itself with its own predecessor). A
// brief.json that cannot be read is skipped with a warning to warn, so one
// damaged file does not stop the weekly run. If the latest earlier brief
// was written without brief.json, the result says so (NoState).
func Find(since, out, sub string, week period.Period, warn io.Writer) (*narrative.PreviousBrief, error) {
	if since != "" {
		return Since(since, week)
	}
	files, _ := filepath.Glob(filepath.Join(out, "weekly", "*", sub, "brief.json"))
	weekDir := func(f string) string {
		rel, err := filepath.Rel(filepath.Join(out, "weekly"), f)
		if err != nil {
			return ""
		}
		first, _, _ := strings.Cut(filepath.ToSlash(rel), "/")
		return first
	}
	var best *narrative.PreviousBrief
	var bestWeek period.Period
	for _, f := range files {
		w, err := period.Parse(weekDir(f))
		if err != nil || w.Kind != period.Week || period.Compare(w, week) >= 0 {
			continue
		}
		if best != nil && period.Compare(w, bestWeek) <= 0 {
			continue
		}
		b, err := inputfile.ReadFile(f, maxBrief)
		if err == nil {
			var p *narrative.PreviousBrief
			if p, err = audit.Previous(b); err == nil {
				best, bestWeek = p, w
				continue
			}
		}
		fmt.Fprintf(warn, "warning: %s: %v; not compared with\n", f, err)
	}
	// A later earlier brief written without brief.json (--format md)
	// leaves nothing to compare with: say so rather than call this brief
	// the first.
	mds, _ := filepath.Glob(filepath.Join(out, "weekly", "*", sub, "brief.md"))
	var bare period.Period
	found := false
	for _, f := range mds {
		w, err := period.Parse(weekDir(f))
		if err != nil || w.Kind != period.Week || period.Compare(w, week) >= 0 || (best != nil && period.Compare(w, bestWeek) <= 0) {
			continue
		}
		if _, err := os.Stat(filepath.Join(filepath.Dir(f), "brief.json")); err == nil {
			continue
		}
		if !found || period.Compare(w, bare) > 0 {
			bare, found = w, true
		}
	}
	if found {
		fmt.Fprintf(warn, "warning: %s has no brief.json (written without json in --format): What changed has nothing to compare with; keep json in --format\n",
			filepath.Join(out, "weekly", bare.String(), sub))
		return &narrative.PreviousBrief{Period: bare.String(), NoState: true}, nil
	}
	return best, nil
}
