package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"time"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"

	"github.com/briefhq/brief/internal/batch"
	"github.com/briefhq/brief/internal/dataset"
	"github.com/briefhq/brief/internal/previous"
	"github.com/briefhq/brief/internal/report"
)

// BatchOptions are the flags of a batch of weekly briefs.
type BatchOptions struct {
	Per   string
	Jobs  int
	Shard string
}

// runBatch writes one weekly brief per entity or group into
// OUT/weekly/<week>/<per>/<slug>/, in parallel. A brief that fails does
// not stop the others; the run then exits 1 naming each failure.
func runBatch(ctx context.Context, o *OutputOptions, b *BatchOptions, p *prepared, io IO) error {
	start := time.Now()
	units, err := batch.Units(p.ds, b.Per, o.Lang)
	if err != nil {
		return err
	}
	total := len(units)
	if b.Shard != "" {
		i, n, _ := batch.Shard(b.Shard) // checked with the flags
		kept := units[:0]
		for _, u := range units {
			if batch.InShard(u.ID, i, n) {
				kept = append(kept, u)
			}
		}
		units = kept
	}
	jobs := b.Jobs
	if jobs <= 0 {
		jobs = runtime.NumCPU()
	}
	title := o.titleFor(p.langs[0].loc)
	if title == "" {
		title = p.kind.Manifest.Title
	}
	weekRel := filepath.Join("weekly", p.week.String())
	base := filepath.Join(o.Out, weekRel, b.Per)
	// Each brief's folder is replaced as a whole under its own lock; the
	// week's folder is held shared so no single brief swaps it meanwhile.
	tree := newTree(o.Out, weekRel, io)
	defer tree.Close()
	ix := dataset.NewIndex(p.ds)
	bar := progress(io, len(units))
	fails := batch.Run(ctx, units, jobs, func(ctx context.Context, u batch.Unit) error {
		opts := o.reportOptions(p, p.langs[0])
		opts.Title = title + ": " + u.Name
		prev, err := previous.Find("", o.Out, filepath.Join(b.Per, u.Slug), p.week, discardIfBar(io, bar))
		if err != nil {
			return err
		}
		opts.Previous = prev
		if b.Per == "group" {
			opts.Group = u.ID
		}
		out, err := report.Weekly(ctx, ix.Subset(u.Entities), p.kind, opts)
		if err != nil {
			return err
		}
		return writeDir(ctx, tree, filepath.Join(weekRel, b.Per, u.Slug), "weekly", p.formats, out, nil, IO{Err: discardIfBar(io, bar)})
	}, func() {
		if bar != nil {
			bar.Add(1)
		}
	})
	if bar != nil {
		bar.Finish()
		fmt.Fprintln(io.Err)
	}
	shard := ""
	if b.Shard != "" {
		shard = fmt.Sprintf(" (shard %s: %d of %d)", b.Shard, len(units), total)
	}
	fmt.Fprintf(io.Out, "wrote %d of %d %s briefs into %s%s in %.1f s with %d jobs\n",
		len(units)-len(fails), len(units), b.Per, base, shard, time.Since(start).Seconds(), jobs)
	if len(fails) > 0 {
		var lines []string
		for _, f := range fails {
			lines = append(lines, fmt.Sprintf("  %s: %v", f.Unit.ID, f.Err))
		}
		return &exitError{code: 1, msg: fmt.Sprintf("%d of %d briefs failed (the others are written):\n%s", len(fails), len(units), strings.Join(lines, "\n"))}
	}
	return nil
}

// progress shows a bar on a terminal only; in pipes and CI it is silent.
func progress(io IO, n int) *progressbar.ProgressBar {
	f, ok := io.Err.(*os.File)
	if !ok || !term.IsTerminal(int(f.Fd())) || n < 2 {
		return nil
	}
	return progressbar.NewOptions(n,
		progressbar.OptionSetWriter(f),
		progressbar.OptionSetDescription("briefs"),
		progressbar.OptionShowCount(),
		progressbar.OptionSetWidth(30),
		progressbar.OptionThrottle(100*time.Millisecond),
		progressbar.OptionClearOnFinish(),
	)
}

// discardIfBar keeps per-brief warnings from tearing the progress bar.
func discardIfBar(w IO, bar *progressbar.ProgressBar) io.Writer {
	if bar != nil {
		return io.Discard
	}
	return w.Err
}
