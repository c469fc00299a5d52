package chart

import (
	"fmt"
	"math"
	"regexp"
	"strings"
	"testing"
	"time"
)

func atDay(t time.Time) float64 { return float64(t.Unix()) / 86400 }

var countries = []string{"Kazakhstan", "Uzbekistan", "Kyrgyz Republic", "Tajikistan", "Turkmenistan", "Russian Federation", "Mongolia"}

// series makes n series of the given frequency, each of count periods up
// to end, with values that differ by series.
func series(f Frequency, n, count int, end time.Time) []Series {
	var ss []Series
	for k := 0; k < n; k++ {
		s := Series{Name: countries[k]}
		for i := count - 1; i >= 0; i-- {
			var d time.Time
			switch f {
			case Annual:
				d = time.Date(end.Year()-i, 7, 2, 0, 0, 0, 0, time.UTC)
			case Quarterly:
				d = time.Date(end.Year(), end.Month()-time.Month(3*i), 15, 0, 0, 0, 0, time.UTC)
			case Monthly:
				d = time.Date(end.Year(), end.Month()-time.Month(i), 15, 0, 0, 0, 0, time.UTC)
			case Weekly:
				d = end.AddDate(0, 0, -7*i)
			default:
				d = end.AddDate(0, 0, -i)
			}
			v := float64(10*(n-k)) + 3*math.Sin(float64(i+k))
			s.Points = append(s.Points, Point{Label: d.Format("2006-01-02"), Value: v, Text: fmt.Sprintf("%.1f", v), At: atDay(d)})
		}
		ss = append(ss, s)
	}
	return ss
}

// texts of a scene with the given colour, or of any colour for nil.
func textsOf(s Scene, col *Color) []Item {
	var out []Item
	for _, it := range s.Items {
		if it.Shape == TextShape && (col == nil || it.Fill == *col) {
			out = append(out, it)
		}
	}
	return out
}

// axisOf returns the plot's bottom (the lowest grid line) and the x-axis
// tick labels: the muted texts below it.
func axisOf(t *testing.T, s Scene) (bottom float64, ticks []Item) {
	t.Helper()
	for _, it := range s.Items {
		if it.Shape == LineShape && it.Y == it.Y2 {
			bottom = math.Max(bottom, it.Y)
		}
	}
	muted := Muted
	for _, it := range textsOf(s, &muted) {
		if it.Y > bottom && it.Anchor == Middle {
			ticks = append(ticks, it)
		}
	}
	if len(ticks) == 0 {
		t.Fatal("no tick labels under the axis")
	}
	return bottom, ticks
}

// box is a text's extent as ApproxWidth measures it.
type box struct{ x0, x1, y0, y1 float64 }

func boxOf(it Item) box {
	w := ApproxWidth(it.Text, it.Size, it.Bold)
	x := it.X
	switch it.Anchor {
	case Middle:
		x -= w / 2
	case End:
		x -= w
	}
	return box{x, x + w, it.Y - it.Size*0.75, it.Y + it.Size*0.25}
}

func (a box) overlaps(b box) bool {
	return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1
}

var (
	yearRE  = regexp.MustCompile(`^\d{4}$`)
	monthRE = regexp.MustCompile(`^(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)( \d{4})?$|^\d{4}$`)
	dayRE   = regexp.MustCompile(`^(\d{1,2}) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)( \d{4})?$`)
	qRE     = regexp.MustCompile(`^Q[1-4]( \d{4})?$|^\d{4}$`)
)

// TestTimeAxisWholePeriods: for every frequency the time axis is ticked on
// whole periods (years, quarters, months, Mondays), evenly spaced, with
// labels that neither overlap one another nor leave the canvas, and the
// default window applied.
func TestTimeAxisWholePeriods(t *testing.T) {
	end := time.Date(2025, 2, 7, 12, 0, 0, 0, time.UTC) // a Friday
	for _, tc := range []struct {
		f      Frequency
		count  int
		re     *regexp.Regexp
		window int
	}{
		{Annual, 34, yearRE, 10},
		{Quarterly, 30, qRE, 12},
		{Monthly, 61, monthRE, 24},
		{Weekly, 80, dayRE, 26},
		{Daily, 400, dayRE, 90},
	} {
		for _, w := range []float64{560, 400} {
			t.Run(fmt.Sprintf("%s/%v", tc.f, w), func(t *testing.T) {
				c := Chart{Kind: Line, Timed: true, Title: "T", Series: series(tc.f, 3, tc.count, end)}
				s := c.Draw(w, nil)
				_, ticks := axisOf(t, s)
				if len(ticks) < 3 {
					t.Fatalf("only %d ticks", len(ticks))
				}
				for i, tk := range ticks {
					if !tc.re.MatchString(tk.Text) {
						t.Errorf("tick %q is not a whole %s period", tk.Text, tc.f)
					}
					if m := dayRE.FindStringSubmatch(tk.Text); m != nil && tc.f == Weekly {
						if !mondayIn(m[1], m[2], end) {
							t.Errorf("weekly tick %q is not a Monday", tk.Text)
						}
					}
					b := boxOf(tk)
					if b.x0 < 0 || b.x1 > w {
						t.Errorf("tick %q spans %.1f to %.1f, outside the canvas", tk.Text, b.x0, b.x1)
					}
					if i > 0 {
						if boxOf(ticks[i-1]).overlaps(b) {
							t.Errorf("ticks %q and %q overlap", ticks[i-1].Text, tk.Text)
						}
						if i > 1 {
							d0, d1 := ticks[i-1].X-ticks[i-2].X, tk.X-ticks[i-1].X
							if math.Abs(d0-d1) > 0.02 {
								t.Errorf("ticks unevenly spaced: %.2f then %.2f (%q, %q, %q)", d0, d1, ticks[i-2].Text, ticks[i-1].Text, tk.Text)
							}
						}
					}
				}
				// The window: each series is cut to the last periods.
				wc := c.Windowed()
				for _, sr := range wc.Series {
					n := len(sr.Points)
					if tc.f == Daily {
						span := sr.Points[n-1].At - sr.Points[0].At
						if span >= float64(tc.window) {
							t.Errorf("daily window spans %.0f days, want under %d", span, tc.window)
						}
					} else if n != tc.window {
						t.Errorf("window keeps %d periods, want %d", n, tc.window)
					}
				}
				var polys int
				for _, it := range s.Items {
					if it.Shape == PolylineShape {
						polys++
						if want := len(wc.Series[0].Points); len(it.Points) != want {
							t.Errorf("a line of %d points drawn, want the window's %d", len(it.Points), want)
						}
					}
				}
				if polys != 3 {
					t.Errorf("%d lines drawn, want 3", polys)
				}
			})
		}
	}
}

// mondayIn reports whether day mon is a Monday in the year before end or
// in end's year.
func mondayIn(day, mon string, end time.Time) bool {
	for _, y := range []int{end.Year(), end.Year() - 1} {
		d, err := time.Parse("2 Jan 2006", day+" "+mon+" "+fmt.Sprint(y))
		if err == nil && d.Weekday() == time.Monday && !d.After(end) {
			return true
		}
	}
	return false
}

// TestWindowLeavesOldSpike: an annual chart of 1990–2023 shows 2014–2023
// by default, so a 1992 spike neither appears nor sets the value axis;
// AllPeriods shows it.
func TestWindowLeavesOldSpike(t *testing.T) {
	ss := series(Annual, 2, 34, time.Date(2023, 7, 2, 0, 0, 0, 0, time.UTC))
	ss[0].Points[2].Value = 1000 // 1992
	c := Chart{Kind: Line, Timed: true, Series: ss}
	ticks := func(c Chart) []string {
		var out []string
		for _, it := range textsOf(c.Draw(560, nil), nil) {
			if it.Anchor == End {
				out = append(out, it.Text)
			}
		}
		return out
	}
	if got := strings.Join(ticks(c), " "); strings.Contains(got, "1,000") {
		t.Errorf("value axis %q reaches the 1992 spike", got)
	}
	_, xt := axisOf(t, c.Draw(560, nil))
	if xt[0].Text < "2014" || xt[len(xt)-1].Text != "2023" {
		t.Errorf("time axis from %s to %s, want within 2014–2023 ending 2023", xt[0].Text, xt[len(xt)-1].Text)
	}
	c.Window = AllPeriods
	if got := strings.Join(ticks(c), " "); !strings.Contains(got, "1,000") {
		t.Errorf("full history: value axis %q does not reach the spike", got)
	}
	c.Window = 5
	if n := len(c.Windowed().Series[0].Points); n != 5 {
		t.Errorf("Window 5 keeps %d points", n)
	}
	if v := (Chart{Kind: Line, Timed: true, Series: ss}).Values(); len(v) != 20 {
		t.Errorf("Values gives %d values, want the window's 2×10", len(v))
	}
}

// TestSixSeries: six series are drawn in six colours, each named with its
// latest value beside the plot in its colour; a seventh is left out; no
// two end labels overlap, none sits on the axis or on the plot.
func TestSixSeries(t *testing.T) {
	ss := series(Annual, 7, 12, time.Date(2024, 7, 2, 0, 0, 0, 0, time.UTC))
	// Ends that crowd together: the labels must be moved apart.
	for k := range ss {
		last := &ss[k].Points[len(ss[k].Points)-1]
		last.Value = 30 + float64(k)*0.1
		last.Text = fmt.Sprintf("%.1f million", last.Value)
	}
	ss[5].Points[len(ss[5].Points)-1].Value = 0 // on the axis
	ss[5].Points[len(ss[5].Points)-1].Text = "0.0 million"
	c := Chart{Kind: Line, Timed: true, Title: "Population", Unit: "million people", Series: ss}
	for _, w := range []float64{560, 400} {
		s := c.Draw(w, nil)
		bottom, _ := axisOf(t, s)
		colours := map[Color]bool{}
		right := 0.0
		for _, it := range s.Items {
			if it.Shape == PolylineShape {
				colours[it.Stroke] = true
				for _, p := range it.Points {
					right = math.Max(right, p[0])
				}
			}
		}
		if len(colours) != MaxSeries {
			t.Fatalf("%d line colours, want %d", len(colours), MaxSeries)
		}
		var labels []box
		for k := 0; k < MaxSeries; k++ {
			col := Palette[k]
			var name, value *Item
			for _, it := range textsOf(s, &col) {
				switch {
				case it.Text == countries[k]:
					name = &it
				case it.Bold && it.Text == ss[k].Points[len(ss[k].Points)-1].Text:
					value = &it
				}
			}
			if name == nil || value == nil {
				t.Fatalf("no label %q with its latest value in the series' colour", countries[k])
			}
			if value.Y != name.Y || value.X <= boxOf(*name).x1 {
				t.Errorf("value %q is not after the name %q", value.Text, name.Text)
			}
			b := boxOf(*name)
			b.x1 = boxOf(*value).x1
			labels = append(labels, b)
		}
		for _, it := range textsOf(s, nil) {
			if strings.Contains(it.Text, countries[6]) {
				t.Errorf("a seventh series is labelled: %q", it.Text)
			}
		}
		for i, b := range labels {
			if b.y1 > bottom-0.5 {
				t.Errorf("label %d reaches y %.1f, the axis is at %.1f", i, b.y1, bottom)
			}
			if b.x0 < right+4 {
				t.Errorf("label %d starts at x %.1f, on the plot that ends at %.1f", i, b.x0, right)
			}
			if b.x1 > w+0.5 {
				t.Errorf("label %d ends at %.1f, outside the canvas of %v", i, b.x1, w)
			}
			for j, o := range labels[i+1:] {
				if b.overlaps(o) {
					t.Errorf("labels %d and %d overlap", i, i+1+j)
				}
			}
		}
	}
}

// TestSingleSeriesLastLabel: the latest value of a lone line is written
// after its end, never on the axis, even when it is the axis' minimum.
func TestSingleSeriesLastLabel(t *testing.T) {
	for _, vals := range [][]float64{{1, 2, 3}, {3, 2, 0}, {3, 1, 2}} {
		var pts []Point
		for i, v := range vals {
			pts = append(pts, Point{Label: fmt.Sprint(2020 + i), Value: v, Text: fmt.Sprintf("$%v", v), At: atDay(time.Date(2020+i, 7, 2, 0, 0, 0, 0, time.UTC))})
		}
		c := Chart{Kind: Line, Timed: true, Points: pts}
		s := c.Draw(400, nil)
		bottom, ticks := axisOf(t, s)
		var end [2]float64
		for _, it := range s.Items {
			if it.Shape == PolylineShape {
				end = it.Points[len(it.Points)-1]
			}
		}
		var label *Item
		for _, it := range textsOf(s, nil) {
			if it.Text == fmt.Sprintf("$%v", vals[2]) {
				label = &it
			}
		}
		if label == nil {
			t.Fatalf("%v: no label of the latest value", vals)
		}
		b := boxOf(*label)
		if b.x0 <= end[0]+2 || b.y1 > bottom-0.5 || b.x1 > 400.5 {
			t.Errorf("%v: label %+v of the end at %v over the line, the axis (%.1f) or the edge", vals, b, end, bottom)
		}
		for _, tk := range ticks {
			if b.overlaps(boxOf(tk)) {
				t.Errorf("%v: label overlaps tick %q", vals, tk.Text)
			}
		}
	}
}

// TestChartMinusSign: negative ticks and values read with U+2212 in the
// SVG, never with a hyphen.
func TestChartMinusSign(t *testing.T) {
	c := Chart{Kind: Line, Timed: true, Unit: "%", Series: []Series{{Name: "A", Points: []Point{
		{Value: -2.5, Text: "-2.5%", At: atDay(time.Date(2023, 7, 2, 0, 0, 0, 0, time.UTC))},
		{Value: 1, Text: "1.0%", At: atDay(time.Date(2024, 7, 2, 0, 0, 0, 0, time.UTC))},
		{Value: -1.5, Text: "-1.5%", At: atDay(time.Date(2025, 7, 2, 0, 0, 0, 0, time.UTC))},
	}}}}
	texts := svgTexts(t, c.SVG())
	all := strings.Join(texts, " | ")
	if !strings.Contains(all, "A | \u22121.5%") || !strings.Contains(all, "\u22122") {
		t.Errorf("no minus sign in %s", all)
	}
	for _, s := range texts {
		if regexp.MustCompile(`(^|\s)-\d`).MatchString(s) {
			t.Errorf("text %q has a hyphen for a minus", s)
		}
	}
	bar := Chart{Kind: Bar, Points: []Point{{Label: "x", Value: -3, Text: "-$3.00"}, {Label: "y", Value: 2, Text: "$2.00"}}}
	if all := strings.Join(svgTexts(t, bar.SVG()), " | "); !strings.Contains(all, "\u2212$3.00") {
		t.Errorf("bar value without minus sign: %s", all)
	}
}

// TestInferFrequency: without a declared frequency, the axis follows the
// spacing of the points, gaps notwithstanding.
func TestInferFrequency(t *testing.T) {
	end := time.Date(2025, 2, 7, 0, 0, 0, 0, time.UTC)
	for _, f := range []Frequency{Annual, Quarterly, Monthly, Weekly, Daily} {
		ss := series(f, 1, 20, end)
		ss[0].Points = append(ss[0].Points[:5], ss[0].Points[9:]...) // a gap
		if got := inferFrequency(ss); got != f {
			t.Errorf("inferred %s, want %s", got, f)
		}
	}
}

// TestUntimedLine: a line without times is spaced by its labels' order
// and labelled back from the latest, which is always shown.
func TestUntimedLine(t *testing.T) {
	var pts []Point
	for i := 0; i < 40; i++ {
		pts = append(pts, Point{Label: fmt.Sprintf("P%02d", i), Value: float64(i)})
	}
	s := Chart{Kind: Line, Points: pts}.Draw(300, nil)
	_, ticks := axisOf(t, s)
	if ticks[len(ticks)-1].Text != "P39" {
		t.Errorf("last tick %q, want P39", ticks[len(ticks)-1].Text)
	}
	for i := 1; i < len(ticks); i++ {
		if boxOf(ticks[i-1]).overlaps(boxOf(ticks[i])) {
			t.Errorf("ticks %q and %q overlap", ticks[i-1].Text, ticks[i].Text)
		}
	}
}
