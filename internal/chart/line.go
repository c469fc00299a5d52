package chart

import (
	"math"
	"sort"

	"github.com/briefhq/brief/internal/locale"
)

// Palette colours the series of a line chart in order, the first (the
// leader of a ranking) in the brief's accent. The six are told apart by
// readers with the common colour-vision deficiencies and stay legible as
// text on white.
var Palette = [MaxSeries]Color{
	Accent,
	{0xD5, 0x5E, 0x00}, // vermillion
	{0x00, 0x9E, 0x73}, // bluish green
	{0x7B, 0x4E, 0xA3}, // purple
	{0xB8, 0x86, 0x0B}, // dark yellow
	{0x8C, 0x56, 0x4B}, // brown
}

// lines returns the series a line chart draws: its Series, or its Points
// as one unnamed series; points that cannot be placed (NaN, Inf) and
// empty series are left out, and series beyond MaxSeries.
func (c Chart) lines() []Series {
	src := c.Series
	if len(src) == 0 {
		src = []Series{{Points: c.Points}}
	}
	var out []Series
	for _, s := range src {
		var pts []Point
		for _, p := range s.Points {
			if !math.IsNaN(p.Value) && !math.IsInf(p.Value, 0) && !math.IsNaN(p.At) && !math.IsInf(p.At, 0) {
				pts = append(pts, p)
			}
		}
		if len(pts) > 0 && len(out) < MaxSeries {
			out = append(out, Series{Name: s.Name, Points: pts})
		}
	}
	return out
}

// timed reports whether the chart is drawn on a time axis: it is Timed
// and its points span some time.
func timed(c Chart, ss []Series) bool {
	if !c.Timed {
		return false
	}
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, s := range ss {
		for _, p := range s.Points {
			lo, hi = math.Min(lo, p.At), math.Max(hi, p.At)
		}
	}
	return hi > lo || (hi == lo && lo != 0)
}

// frequency is the chart's declared frequency or the one its gaps suggest.
func (c Chart) frequency(ss []Series) Frequency {
	switch c.Frequency {
	case Annual, Quarterly, Monthly, Weekly, Daily:
		return c.Frequency
	}
	return inferFrequency(ss)
}

// Windowed returns c with a timed line chart cut to its window: the
// Window periods (DefaultWindow of the frequency when 0) up to the latest
// period of any series, and its Frequency set. Other charts, and a
// Window of AllPeriods, come back as they are. Draw shows the windowed
// chart; a caller that records or scales a chart's values should window
// it first, so that it records what is shown.
func (c Chart) Windowed() Chart {
	if c.Kind != Line || !c.Timed {
		return c
	}
	ss := c.lines()
	if !timed(c, ss) {
		return c
	}
	f := c.frequency(ss)
	c.Frequency = f
	w := c.Window
	if w == AllPeriods {
		return c
	}
	if w <= 0 {
		w = DefaultWindow(f)
	}
	latest := math.MinInt
	for _, s := range ss {
		for _, p := range s.Points {
			latest = max(latest, periodIndex(f, p.At))
		}
	}
	cut := func(pts []Point) []Point {
		var out []Point
		for _, p := range pts {
			if periodIndex(f, p.At) > latest-w {
				out = append(out, p)
			}
		}
		return out
	}
	c.Points = cut(c.Points)
	if len(c.Series) > 0 {
		ss := make([]Series, 0, len(c.Series))
		for _, s := range c.Series {
			s.Points = cut(s.Points)
			ss = append(ss, s)
		}
		c.Series = ss
	}
	return c
}

// Values are the values a chart shows: its bars, or the points of its
// line series after the window, for picking a common scale (see
// format.ScaleOf).
func (c Chart) Values() []float64 {
	var out []float64
	if c.Kind != Line {
		for _, p := range c.finite() {
			out = append(out, p.Value)
		}
		return out
	}
	for _, s := range c.Windowed().lines() {
		for _, p := range s.Points {
			out = append(out, p.Value)
		}
	}
	return out
}

// xTick is a labelled position on the time axis, in domain units.
type xTick struct {
	at    float64
	label string
}

// line draws up to MaxSeries series over time: the unit above the value
// axis, horizontal grid lines at the value ticks, the time axis ticked on
// whole periods at even spacing, each line in its colour, and beside the
// right end of the plot each series' name and latest value in its colour
// (the value alone for a chart of one unnamed series), moved apart so that
// no two overlap and none sits on the axis.
func (d *drawer) line(ss []Series) {
	const plotH = 130.0
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, s := range ss {
		for _, p := range s.Points {
			v := d.c.Scaled(p.Value)
			lo, hi = math.Min(lo, v), math.Max(hi, v)
		}
	}
	if lo > 0 && lo < hi*0.25 {
		lo = 0 // near zero anyway: start the axis at zero
	}
	t := NiceTicks(lo, hi, 5)
	tickW := 0.0
	for _, v := range t.Values {
		tickW = math.Max(tickW, d.m(FormatTickIn(d.l, v, t.Decimals), labelSize, false))
	}

	// The domain of the x axis: period numbers on a time axis, else the
	// order of the period labels.
	isTimed := timed(d.c, ss)
	f := d.c.frequency(ss)
	coord := make([][]float64, len(ss))
	var order []string
	if isTimed {
		for i, s := range ss {
			for _, p := range s.Points {
				coord[i] = append(coord[i], float64(periodIndex(f, p.At)))
			}
		}
	} else {
		index := map[string]int{}
		for i, s := range ss {
			for _, p := range s.Points {
				k, ok := index[p.Label]
				if !ok {
					k = len(order)
					index[p.Label] = k
					order = append(order, p.Label)
				}
				coord[i] = append(coord[i], float64(k))
			}
		}
	}
	dlo, dhi := math.Inf(1), math.Inf(-1)
	for _, cs := range coord {
		for _, v := range cs {
			dlo, dhi = math.Min(dlo, v), math.Max(dhi, v)
		}
	}

	// Labels at the lines' ends, in the series' colours: the name, then
	// the latest value in bold.
	names := make([]string, len(ss))
	values := make([]string, len(ss))
	endW := 0.0
	for i, s := range ss {
		values[i] = d.valueText(s.Points[len(s.Points)-1], t.Decimals)
		names[i] = fit(s.Name, d.s.W*0.2, valueSize, false, d.m)
		endW = math.Max(endW, d.endWidth(names[i], values[i]))
	}

	// The widest label the time axis may carry, for the margins.
	var ticks []xTick
	maxW := 0.0
	if isTimed {
		for p := int(dlo); p <= int(dhi); p++ {
			maxW = math.Max(maxW, d.m(tickLabel(d.l, f, p, 1, true), labelSize, false))
		}
	} else {
		for _, l := range order {
			maxW = math.Max(maxW, d.m(l, labelSize, false))
		}
	}
	x0 := math.Max(tickW+6, maxW/2-4)
	x1 := d.s.W - math.Max(endW+10, maxW/2+2)
	if x1-x0 < d.s.W*0.4 {
		x1 = x0 + d.s.W*0.4
	}
	for i := range names {
		if room := d.s.W - x1 - 8; d.endWidth(names[i], values[i]) > room {
			values[i] = fit(values[i], room/2, valueSize, true, d.m)
			names[i] = fit(names[i], room-d.m(values[i], valueSize, true)-endGap, valueSize, false, d.m)
		}
	}
	xOf := func(v float64) float64 {
		if dhi == dlo {
			return (x0 + 4 + x1) / 2
		}
		return Linear(v, dlo, dhi, x0+4, x1)
	}
	perPeriod := 0.0
	if dhi > dlo {
		perPeriod = (x1 - x0 - 4) / (dhi - dlo)
	}
	if isTimed {
		ticks = timeTicks(d.l, f, int(dlo), int(dhi), perPeriod, func(s string) float64 { return d.m(s, labelSize, false) })
	} else {
		ticks = orderTicks(order, perPeriod, maxW)
	}

	if d.c.Unit != "" {
		d.y += labelSize + 2
		d.text(0, d.y, fit(d.c.Unit, d.s.W, labelSize, false, d.m), labelSize, Start, Muted, false, false)
	}
	top := d.y + 10
	bottom := top + plotH
	yOf := func(v float64) float64 { return Linear(v, t.Lo, t.Hi, bottom, top) }
	for _, v := range t.Values {
		y := yOf(v)
		col, wid := Grid, 0.5
		if v == 0 || v == t.Lo {
			col, wid = Axis, 0.8
		}
		d.hline(x0, x1, y, col, wid)
		d.text(x0-4, y+labelSize*0.35, FormatTickIn(d.l, v, t.Decimals), labelSize, End, Muted, false, false)
	}
	ly := bottom + labelSize + 3
	for _, tk := range ticks {
		x := xOf(tk.at)
		d.vline(x, bottom, bottom+2.5, Axis, 0.6)
		d.text(x, ly, tk.label, labelSize, Middle, Muted, false, false)
	}

	// The lines, the leader drawn last so that it lies on top.
	last := make([][2]float64, len(ss))
	for i := len(ss) - 1; i >= 0; i-- {
		s, col := ss[i], Palette[i%len(Palette)]
		width, r := 1.4, 1.6
		if len(ss) == 1 {
			width, r = 1.6, 2
		}
		poly := make([][2]float64, len(s.Points))
		for j, p := range s.Points {
			poly[j] = [2]float64{xOf(coord[i][j]), yOf(d.c.Scaled(p.Value))}
		}
		if len(poly) > 1 {
			d.add(Item{Shape: PolylineShape, Points: poly, Stroke: col, StrokeWidth: width})
		}
		for j, p := range poly {
			if len(poly) <= 36 || j == len(poly)-1 {
				d.add(Item{Shape: CircleShape, X: p[0], Y: p[1], R: r, Fill: col})
			}
		}
		last[i] = poly[len(poly)-1]
	}

	// End labels: at the height of their line's end, moved apart by a
	// line's height and kept inside the plot, clear of the axis.
	lh := valueSize + 2.5
	ys := spread(last, lh, top+lh/2-4, bottom-lh/2-1)
	lx := x1 + 8
	for i := range ss {
		col := Palette[i%len(Palette)]
		if p := last[i]; math.Abs(ys[i]-p[1]) > 1.5 || p[0] < x1-1 {
			d.add(Item{Shape: LineShape, X: p[0] + 3, Y: p[1], X2: lx - 2, Y2: ys[i], Stroke: col, StrokeWidth: 0.6})
		}
		x, y := lx, ys[i]+valueSize*0.35
		if names[i] != "" {
			d.text(x, y, names[i], valueSize, Start, col, false, false)
			x += d.m(names[i], valueSize, false) + endGap
		}
		d.text(x, y, values[i], valueSize, Start, col, true, false)
	}
	d.y = ly
}

// spread places one label per point at its point's height, then moves
// them apart so that centres are at least gap apart and within [lo, hi].
// It returns the centres in the points' order.
func spread(pts [][2]float64, gap, lo, hi float64) []float64 {
	idx := make([]int, len(pts))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool { return pts[idx[a]][1] < pts[idx[b]][1] })
	y := make([]float64, len(pts))
	for k, i := range idx {
		y[i] = math.Min(math.Max(pts[i][1], lo), hi)
		if k > 0 {
			y[i] = math.Max(y[i], y[idx[k-1]]+gap)
		}
	}
	for k := len(idx) - 1; k >= 0; k-- {
		i := idx[k]
		if k == len(idx)-1 {
			y[i] = math.Min(y[i], hi)
		} else {
			y[i] = math.Min(y[i], y[idx[k+1]]-gap)
		}
	}
	return y
}

// timeTicks picks the finest step of whole periods whose labels keep a gap
// between them, and labels the periods on that step from first to last.
func timeTicks(l *locale.Locale, f Frequency, first, last int, perPeriod float64, width func(string) float64) []xTick {
	steps := tickSteps(f)
	for n, step := range steps {
		var ticks []xTick
		prevYear := math.MinInt
		widest := 0.0
		for p := first; p <= last; p++ {
			if !onTick(f, p, step) {
				continue
			}
			y := periodStart(f, p).Year()
			lb := tickLabel(l, f, p, step, y != prevYear)
			prevYear = y
			ticks = append(ticks, xTick{at: float64(p), label: lb})
			widest = math.Max(widest, width(lb))
		}
		if n == len(steps)-1 || perPeriod == 0 || perPeriod*float64(step) >= widest+8 {
			return ticks
		}
	}
	return nil
}

// orderTicks labels every k-th of evenly spaced periods, counted back from
// the last so that the latest is always labelled.
func orderTicks(order []string, perPeriod, maxW float64) []xTick {
	k := 1
	for perPeriod > 0 && perPeriod*float64(k) < maxW+6 {
		k++
	}
	var ticks []xTick
	for i, l := range order {
		if (len(order)-1-i)%k == 0 {
			ticks = append(ticks, xTick{at: float64(i), label: l})
		}
	}
	return ticks
}

// endGap separates a series' name from its value at the line's end.
const endGap = 4.0

// endWidth is the width of a line's end label.
func (d *drawer) endWidth(name, value string) float64 {
	w := d.m(value, valueSize, true)
	if name != "" {
		w += d.m(name, valueSize, false) + endGap
	}
	return w
}
