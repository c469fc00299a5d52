package main

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/briefhq/brief/internal/dataset"
	"github.com/briefhq/brief/internal/locale"
	"github.com/briefhq/brief/internal/narrative"
	"github.com/briefhq/brief/internal/period"
	"github.com/briefhq/brief/internal/report"
	"github.com/briefhq/brief/internal/userlocale"
)

// DataOptions are the flags every command that reads data shares.
type DataOptions struct {
	Data string
	Week string
	AsOf string
	Lang string
}

func (o *DataOptions) bind(c *cobra.Command, withWeek bool) {
	c.Flags().StringVar(&o.Data, "data", "data", "dataset folder or observations file")
	c.Flags().StringVar(&o.Lang, "lang", "en", "language(s) to write in, BCP 47 tags, comma-separated (en, ru-RU, kk; ru,kk,en writes all three)")
	if withWeek {
		c.Flags().StringVar(&o.Week, "week", "", "ISO week to report, e.g. 2025-W05 (default: the latest week in the data)")
		c.Flags().StringVar(&o.AsOf, "as-of", "", "report the data as known on this day, YYYY-MM-DD (its week is the brief's week)")
		c.MarkFlagsMutuallyExclusive("week", "as-of")
	}
}

// langs reads --lang: one locale per tag, in the order given, from the
// shipped locales and those of the templates folder's locales/; an
// unsupported tag is a usage error listing the supported languages.
func (o *DataOptions) langs(cmd, templates string) ([]*locale.Locale, error) {
	reg, err := userlocale.Registry(templates)
	if err != nil {
		return nil, err
	}
	s := o.Lang
	if strings.TrimSpace(s) == "" {
		s = "en"
	}
	ls, err := reg.ParseList(s)
	if err != nil {
		return nil, usagef(cmd, "--lang: %v", err)
	}
	return ls, nil
}

// load reads and validates the dataset, printing warnings to io.Err.
func load(o *DataOptions, now time.Time, io IO) (*dataset.Dataset, error) {
	ds, diags, err := dataset.Load(o.Data, dataset.Options{Now: now})
	if err != nil {
		return nil, err
	}
	for _, d := range diags {
		fmt.Fprintln(io.Err, d.String())
	}
	for _, l := range strings.Split(o.Lang, ",") {
		l = strings.TrimSpace(l)
		if base, _, ok := strings.Cut(l, "-"); ok {
			l = base
		}
		l = strings.ToLower(l)
		if l == "" || l == "en" || !ds.HasEntityCatalog {
			continue
		}
		named := false
		for _, e := range ds.Entities {
			if e.Names[l] != "" {
				named = true
				break
			}
		}
		if !named {
			fmt.Fprintf(io.Err, "warning: --lang %s: no entity of entities.yaml has a name in %q; names are printed as written (give names as {en: ..., %s: ...})\n", l, l, l)
		}
	}
	return ds, nil
}

// week resolves --week / --as-of, else the latest week in the data.
func (o *DataOptions) week(cmd string, ds *dataset.Dataset, now time.Time) (period.Period, time.Time, error) {
	switch {
	case o.Week != "":
		p, err := period.Parse(o.Week)
		if err != nil || p.Kind != period.Week {
			return period.Period{}, time.Time{}, usagef(cmd, "--week %q: use an ISO week such as 2025-W05", o.Week)
		}
		return p, p.End, nil
	case o.AsOf != "":
		t, err := time.Parse("2006-01-02", o.AsOf)
		if err != nil {
			return period.Period{}, time.Time{}, usagef(cmd, "--as-of %q: use a date such as 2025-02-07", o.AsOf)
		}
		return period.WeekOf(t), t, nil
	}
	d := report.LatestDay(ds, now)
	w := period.WeekOf(d)
	return w, w.End, nil
}

// The run's clock is a time of the years 1 to 9999, as RFC 3339 (and so
// brief.json and the PDF's dates) can write it.
const (
	minEpoch = -62135596800 // 0001-01-01T00:00:00Z
	maxEpoch = 253402300799 // 9999-12-31T23:59:59Z
)

// clock is the generated-at time: --generated-at, else SOURCE_DATE_EPOCH,
// else now. Fixing either gives byte-identical output.
func clock(cmd, flag string, io IO) (time.Time, error) {
	if flag != "" {
		for _, layout := range []string{time.RFC3339, "2006-01-02"} {
			if t, err := time.Parse(layout, flag); err == nil {
				return t.UTC(), nil
			}
		}
		return time.Time{}, usagef(cmd, "--generated-at %q: use RFC 3339 (2025-02-10T09:00:00Z) or a date", flag)
	}
	if s := io.Getenv("SOURCE_DATE_EPOCH"); s != "" {
		n, err := strconv.ParseInt(strings.TrimSpace(s), 10, 64)
		if err != nil || n < minEpoch || n > maxEpoch {
			return time.Time{}, fmt.Errorf("SOURCE_DATE_EPOCH=%q: must be whole seconds since 1970-01-01 UTC, for a time in the years 1 to 9999 (%d to %d)", s, int64(minEpoch), int64(maxEpoch))
		}
		return time.Unix(n, 0).UTC(), nil
	}
	return io.Now().UTC(), nil
}

// loadKind finds a brief kind: DIR/manifest.yaml, or DIR/<kind>/, or the
// embedded default.
func loadKind(dir, kind string) (*narrative.Kind, error) {
	return narrative.LoadKindDir(dir, kind)
}

// formats parses --format md,pdf,json,png,docx,html.
func formats(cmd, s string) (report.Formats, error) {
	f, err := report.ParseFormats(s)
	if err != nil {
		return f, usagef(cmd, "--format %q: %v", s, err)
	}
	return f, nil
}
