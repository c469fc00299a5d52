package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/briefhq/brief/internal/audit"
	"github.com/briefhq/brief/internal/narrative"
	"github.com/briefhq/brief/internal/period"
)

// previousBrief finds the brief a new one compares itself with: the file
// given by --since, else the latest brief.json of an earlier week in the
// output folder. A brief.json that cannot be read is skipped with a
// warning, so one damaged file does not stop the weekly run.
func previousBrief(since, out string, week period.Period, io IO) (*narrative.PreviousBrief, error) {
	return previousIn(since, out, "", week, io)
}

// previousIn is previousBrief for the briefs in a sub-folder of each week
// (a batch's "entity/kz"), so each brief of a batch compares itself with
// its own predecessor.
func previousIn(since, out, sub string, week period.Period, io IO) (*narrative.PreviousBrief, error) {
	if since != "" {
		b, err := os.ReadFile(since)
		if err != nil {
			return nil, fmt.Errorf("--since: %w", err)
		}
		p, err := audit.Previous(b)
		if err != nil {
			return nil, fmt.Errorf("--since %s: %v", since, err)
		}
		return p, nil
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
		b, err := os.ReadFile(f)
		if err == nil {
			var p *narrative.PreviousBrief
			if p, err = audit.Previous(b); err == nil {
				best, bestWeek = p, w
				continue
			}
		}
		fmt.Fprintf(io.Err, "warning: %s: %v; not compared with\n", f, err)
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
		fmt.Fprintf(io.Err, "warning: %s has no brief.json (written without json in --format): What changed has nothing to compare with; keep json in --format\n",
			filepath.Join(out, "weekly", bare.String(), sub))
		return &narrative.PreviousBrief{Period: bare.String(), NoState: true}, nil
	}
	return best, nil
}
