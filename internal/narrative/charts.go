package narrative

import (
	"fmt"
	"strings"

	"github.com/briefhq/brief/internal/chart"
	"github.com/briefhq/brief/internal/format"
)

// chart records a chart of an indicator and returns the Markdown image
// that stands for it: "bar" shows the latest value by entity, "line" the
// indicator's longest series over time. The image's file is written beside
// brief.md as SVG; the PDF draws the same chart as vectors.
func (s *state) chart(kind string, iv *Indicator) (string, error) {
	if iv == nil {
		return "", fmt.Errorf("chart: no indicator")
	}
	c := chart.Chart{Kind: chart.Kind(kind), Unit: iv.label, Title: iv.raw}
	if iv.Counterpart != nil {
		c.Title += " with " + iv.Counterpart.raw
	}
	var rows []*Row
	switch c.Kind {
	case chart.Bar:
		if len(iv.Ranking) < 2 {
			return "", fmt.Errorf("chart bar %s: needs at least two comparable figures, has %d (test .Chartable first)", iv.ID, len(iv.Ranking))
		}
		rows = iv.Ranking
		if len(rows) > MaxShown {
			rows = rows[:MaxShown]
			c.Title += fmt.Sprintf(", top %d", MaxShown)
		}
		if iv.Period != "" {
			c.Title += ", " + iv.Period
		}
	case chart.Line:
		if len(iv.History) < 2 {
			return "", fmt.Errorf("chart line %s: needs a series of at least two periods, has %d (test len .History first)", iv.ID, len(iv.History))
		}
		rows = iv.History
		c.Timed = true
		if len(iv.lines) >= 2 {
			rows = nil
			for _, l := range iv.lines {
				rows = append(rows, l.rows...)
			}
			if iv.groupRaw != "" {
				c.Title += ", " + iv.groupRaw
			}
		} else if e := iv.historyEntity; e != nil {
			c.Title += ", " + e.raw
		}
	default:
		return "", fmt.Errorf("chart: unknown kind %q; use \"bar\" or \"line\"", kind)
	}
	values := make([]float64, len(rows))
	for i, r := range rows {
		values[i] = r.Value
	}
	factor, word := format.ScaleOf(values)
	c.Scale = factor
	c.Unit = format.AxisTitle(iv.label, word)
	var srcs []string
	seen := map[string]bool{}
	for _, r := range rows {
		label := r.Period
		if c.Kind == chart.Bar {
			label = r.Entity.raw
		}
		pt := chart.Point{Label: label, Value: r.Value, Text: r.plain}
		if c.Kind == chart.Line && !r.at.IsZero() {
			pt.At = float64(r.at.Unix()) / 86400
		}
		c.Points = append(c.Points, pt)
		for _, src := range r.sources {
			if !seen[src] {
				seen[src] = true
				srcs = append(srcs, src)
			}
		}
	}
	if c.Kind == chart.Line && len(iv.lines) >= 2 {
		// Several lines: the points go to their series, named by entity.
		at := 0
		for _, l := range iv.lines {
			c.Series = append(c.Series, chart.Series{Name: l.entity.raw, Points: c.Points[at : at+len(l.rows)]})
			at += len(l.rows)
		}
		c.Points = nil
	}
	c.Source = "Source: " + strings.Join(srcs, "; ")
	c.File = "chart-" + slug(iv.ID) + "-" + kind + ".svg"
	if !s.chartAt[c.File] {
		s.chartAt[c.File] = true
		s.charts = append(s.charts, c)
	}
	return fmt.Sprintf("![%s](%s)", format.EscapeMarkdown(c.Title), c.File), nil
}

// slug keeps ASCII letters, digits, - and _ of an id, so a chart's file
// name can never leave the brief's folder.
func slug(id string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(id) {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9', r == '-', r == '_':
			b.WriteRune(r)
		default:
			b.WriteByte('-')
		}
	}
	if b.Len() == 0 {
		return "chart"
	}
	return b.String()
}
