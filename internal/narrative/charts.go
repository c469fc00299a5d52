package narrative

import (
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"

	"github.com/briefhq/brief/internal/chart"
	"github.com/briefhq/brief/internal/format"
	"github.com/briefhq/brief/internal/locale"
)

// chart records a chart of an indicator and returns the Markdown image
// that stands for it: "bar" shows the latest value by entity, "line" the
// indicator's longest series over time. The image's file is written beside
// brief.md as SVG; the PDF draws the same chart as vectors.
func (s *state) chart(kind string, iv *Indicator) (string, error) {
	if iv == nil {
		return "", fmt.Errorf("chart: no indicator")
	}
	l := s.brief.Locale()
	c := chart.Chart{Kind: chart.Kind(kind), Unit: iv.label, Title: iv.raw, Locale: l}
	if iv.Counterpart != nil {
		t, err := iv.titleWith(l)
		if err != nil {
			return "", err
		}
		c.Title = t
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
			top, err := l.Phrase("chart.top", "n", l.Digits(locale.Figure{Int: strconv.Itoa(MaxShown)}))
			if err != nil {
				return "", err
			}
			c.Title += top
		}
		if p, err := iv.periodIn(l); err != nil {
			return "", err
		} else if p != "" {
			c.Title += ", " + p
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
				c.Title = iv.titleByGroup(l, c.Title)
				if iv.split {
					// Two charts of one group's lines: each says whose.
					var names []string
					for _, ln := range iv.lines {
						names = append(names, ln.entity.raw)
					}
					c.Title += " (" + strings.Join(names, ", ") + ")"
				}
			}
		} else if e := iv.historyEntity; e != nil && (l == English() || !iv.namesEntity(e)) {
			c.Title += ", " + e.raw
		}
	default:
		return "", fmt.Errorf("chart: unknown kind %q; use \"bar\" or \"line\"", kind)
	}
	values := make([]float64, len(rows))
	for i, r := range rows {
		values[i] = r.Value
	}
	factor, _ := format.ScaleOf(values)
	c.Scale = factor
	axis, err := l.AxisTitle(iv.axisUnit(l, factor != 1), scaleOf(factor))
	if err != nil {
		return "", err
	}
	c.Unit = axis
	var srcs []string
	seen := map[string]bool{}
	for _, r := range rows {
		label := r.Entity.raw
		if c.Kind == chart.Line {
			if label, err = r.periodLabel(l); err != nil {
				return "", err
			}
		}
		text, err := r.chartText(l)
		if err != nil {
			return "", err
		}
		pt := chart.Point{Label: label, Value: r.Value, Text: text}
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
	// The sources by their names in the brief's language (source_ru,
	// source_kk), as the footnotes give them.
	for i, src := range srcs {
		srcs[i] = s.brief.sourceName(src)
	}
	c.Source = chart.SourceLine(l, srcs)
	c.File = "chart-" + slug(iv.ID) + "-" + kind + ".svg"
	if !s.chartAt[c.File] {
		s.chartAt[c.File] = true
		s.charts = append(s.charts, c)
	}
	// The image's text says what the chart draws, as its caption does:
	// a line chart's members (of no named group) and the span drawn.
	alt := c.Title
	if c.Kind == chart.Line {
		if names := iv.ChartNamesL(); names != nil && (iv.groupRaw == "" || !iv.split) { // a split group's title names them
			alt += " (" + strings.Join(names, ", ") + ")"
		}
		if drawn := iv.plotted(); len(drawn) > 0 {
			from, err := drawn[0].PeriodL()
			if err != nil {
				return "", err
			}
			to, err := drawn[len(drawn)-1].PeriodL()
			if err != nil {
				return "", err
			}
			if alt, err = l.Phrase("chart.alt.span", "title", alt, "from", from, "to", to); err != nil {
				return "", err
			}
		}
	}
	return fmt.Sprintf("![%s](%s)", format.EscapeMarkdown(alt), c.File), nil
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

// scaleOf is the locale's scale of a chart's tick factor (format.ScaleOf).
func scaleOf(factor float64) locale.Scale {
	switch factor {
	case 1e6:
		return locale.Million
	case 1e9:
		return locale.Billion
	case 1e12:
		return locale.Trillion
	}
	return locale.NoScale
}

// periodIn is the indicator's period as a chart title says it, in l:
// its Ranking's period ("2024", "2024 г."), "" when it has none.
func (iv *Indicator) periodIn(l *locale.Locale) (string, error) {
	if iv.Period == "" {
		return "", nil
	}
	if ld := iv.Leader(); ld != nil && ld.Fact != nil && ld.Fact.PeriodLabel == iv.Period {
		return l.Period(ld.Fact.Period, locale.Label)
	}
	return iv.Period, nil
}

// axisUnit is the unit a chart's value axis names, in l: a currency by
// the locale's name for it ("USD", "долл. США"), else the unit's label.
func (iv *Indicator) axisUnit(l *locale.Locale, scaled bool) string {
	if format.IsCurrency(iv.unit) && iv.label == iv.unit {
		return l.CurrencyUnit(iv.unit, scaled)
	}
	// Another language names the unit by the catalog's word for it
	// («тыс. т CO₂-экв.», «проекты»), never the English label.
	if n := iv.countNoun(); n != nil && l != English() {
		if pl := n.Pl[locale.Nom]; pl != "" {
			return pl
		}
		if nom := n.Nominative(); nom != "" {
			return nom
		}
	}
	return iv.label
}

// periodLabel is the row's period as a label in l: "February 2025",
// "февраль 2025 г.".
func (r *Row) periodLabel(l *locale.Locale) (string, error) {
	switch {
	case r.Fact != nil:
		return l.Period(r.Fact.Period, locale.Label)
	case r.per.Kind != 0 || !r.per.Start.IsZero():
		return l.Period(r.per, locale.Label)
	}
	return r.Period, nil
}

// chartText is the row's value as a chart labels it: in English the
// brief's own figure ("$27.8 billion"); in another language the locale's
// short form, money with its sign ("27,8 млрд $"), a percentage ("64,7
// %"), else the number and the unit's label.
func (r *Row) chartText(l *locale.Locale) (string, error) {
	if l == English() {
		return r.plain, nil
	}
	unit := r.unit
	if r.Fact != nil {
		unit = r.Fact.Unit
	}
	switch {
	case format.IsCurrency(unit) && (r.label == "" || r.label == unit):
		return localMoney(l, r.Value, unit, r.decimals, true)
	case format.IsPercent(unit):
		return localPercent(l, r.Value, r.decimals), nil
	}
	if n := r.Indicator.countNoun(); n != nil {
		return countText(l, r.Value, r.decimals, *n)
	}
	s, err := localBare(l, r.Value, r.decimals)
	if err != nil || r.label == "" {
		return s, err
	}
	return s + "\u00a0" + r.label, nil
}

// titleWith is a chart's title naming the indicator's partner: by the
// locale's chart.with_forms where the catalog gives the partner's forms
// and the indicator's phrase (ru «Товарооборот с Россией», kk «Ресеймен
// сауда айналымы»), else chart.with ("Trade turnover with Russia",
// «Товарооборот (партнёр — Россия)»).
func (iv *Indicator) titleWith(l *locale.Locale) (string, error) {
	cp := iv.Counterpart
	if cp.forms != nil && iv.lang != nil && l != English() {
		phrase, err1 := l.Form(iv.lang.Phrase, locale.Nom)
		ins, err2 := l.Form(*cp.forms, locale.Ins)
		if err1 == nil && err2 == nil {
			if t, err := l.Phrase("chart.with_forms", "indicator", iv.raw, "phrase", phrase, "partner_ins", ins); err == nil {
				return t, nil
			}
		}
	}
	return l.Phrase("chart.with", "indicator", iv.raw, "partner", cp.raw)
}

// titleByGroup is a line chart's title of a group's members: by the
// locale's chart.by_group where the catalog gives the group's forms (ru
// «Выбросы CO₂ от электростанций по городам», kk «… (қалалар бойынша)»),
// else the title and the group's name.
func (iv *Indicator) titleByGroup(l *locale.Locale, title string) string {
	if iv.groupForms != nil && l != English() {
		nom, err1 := l.Form(*iv.groupForms, locale.Nom)
		dat, err2 := l.Form(*iv.groupForms, locale.Dat)
		if err1 == nil && err2 == nil {
			if t, err := l.Phrase("chart.by_group", "title", title, "group", nom, "group_dat", dat); err == nil {
				return t
			}
		}
	}
	return title + ", " + iv.groupRaw
}

// Lines a line chart draws: when the largest dwarfs the others (its peak
// over the span drawn more than DwarfFactor times the middle one's of
// those below the widest gap between peaks, that gap at least DwarfGap),
// those below the gap lie flat in the chart's bottom band, unreadable;
// they are drawn in a chart of their own, with its own scale, and each
// chart's caption names the lines it draws (Dwarfed).
const (
	DwarfFactor = 10.0
	DwarfGap    = 4.0
)

// Dwarfed is the indicator's lines the largest dwarfs, as an indicator
// drawn in a line chart of its own (its own file, scale and caption);
// nil when the lines are of one scale.
func (iv *Indicator) Dwarfed() *Indicator { return iv.dwarfed }

// splitDwarfed moves the lines the largest dwarfs to iv.dwarfed (see
// DwarfFactor); the lines above the gap stay (one alone is then the
// chart's one series).
func (iv *Indicator) splitDwarfed() {
	if len(iv.lines) < 3 {
		return
	}
	// Peaks over the span the chart draws (chart.Windowed).
	c := chart.Chart{Kind: chart.Line, Timed: true}
	for _, l := range iv.lines {
		var pts []chart.Point
		for _, r := range l.rows {
			pts = append(pts, chart.Point{At: float64(r.at.Unix()) / 86400, Value: r.Value})
		}
		c.Series = append(c.Series, chart.Series{Points: pts})
	}
	w := c.Windowed()
	if len(w.Series) != len(iv.lines) {
		return
	}
	type peaked struct {
		l    line
		peak float64
	}
	ps := make([]peaked, len(iv.lines))
	for i, l := range iv.lines {
		ps[i].l = l
		for _, p := range w.Series[i].Points {
			ps[i].peak = math.Max(ps[i].peak, math.Abs(p.Value))
		}
	}
	sort.SliceStable(ps, func(i, j int) bool { return ps[i].peak > ps[j].peak })
	cut, gap := 0, 0.0
	for i := 1; i < len(ps); i++ {
		if ps[i].peak <= 0 {
			return
		}
		if g := ps[i-1].peak / ps[i].peak; g > gap {
			cut, gap = i, g
		}
	}
	below := ps[cut:]
	if len(below) < 2 || gap < DwarfGap || ps[0].peak < DwarfFactor*below[len(below)/2].peak {
		return
	}
	small := map[string]bool{}
	for _, p := range below {
		small[p.l.entity.ID] = true
	}
	var big, rest []line
	for _, l := range iv.lines { // in the ranking's order
		if small[l.entity.ID] {
			rest = append(rest, l)
		} else {
			big = append(big, l)
		}
	}
	d := *iv
	d.ID, d.lines, d.dwarfed, d.split = iv.ID+"-small", rest, nil, true
	iv.dwarfed, iv.split = &d, true
	iv.lines = big
	if len(big) == 1 {
		// One line left: the chart's one series, named by its entity.
		e := big[0].entity
		iv.lines, iv.History, iv.historyEntity = nil, big[0].rows, &e
	}
}

// LineCharts are the indicator's line charts: its own, then the one of
// the lines it dwarfs (Dwarfed), when there is one.
func (iv *Indicator) LineCharts() []*Indicator {
	if iv.dwarfed != nil {
		return []*Indicator{iv, iv.dwarfed}
	}
	return []*Indicator{iv}
}
