// Package chart describes the brief's charts as data and draws them as SVG;
// the PDF renderer draws the same Chart with vector primitives.
package chart

import "github.com/briefhq/brief/internal/locale"

// Kind of chart.
type Kind string

// Bar shows the latest value by entity; Line shows series over time.
const (
	Bar  Kind = "bar"
	Line Kind = "line"
)

// MaxSeries is the most series a line chart draws; more would be a tangle
// no reader follows. Series beyond it are left out.
const MaxSeries = 6

// Point is one bar, or one point of a line.
type Point struct {
	Label string  // entity name (bar) or period label (line)
	Value float64 // in Unit, unscaled
	Text  string  // the value as the brief prints it, e.g. "$27.8 billion"
	// At places a line chart's point on a time axis (days since 1970 of
	// its period's middle) when the chart is Timed.
	At float64
}

// Series is one line of a line chart: an entity's values over time.
type Series struct {
	Name   string  // the entity, written beside the line's end; "" for a chart of one series
	Points []Point // in time order, each with At when the chart is Timed
}

// Chart is everything needed to draw a chart; it holds no styling.
type Chart struct {
	Kind   Kind
	Title  string  // e.g. "Trade turnover with Russia, 2024"
	Unit   string  // axis title, e.g. "billion USD" (see format.AxisTitle); shown as given
	Scale  float64 // divide values by Scale for axis ticks (1e9 for "billion"); 0 or 1 = none
	Source string  // source line printed under the chart, e.g. "Source: ..."
	// Points are the bars of a bar chart, or the one series of a line
	// chart that has no Series.
	Points []Point
	// Series are the lines of a line chart, up to MaxSeries, in the order
	// they are coloured and listed (the leader first).
	Series []Series
	// File is the SVG's file name beside brief.md; the Markdown links it as
	// an image, and the PDF renderer finds the chart by this name.
	File string
	// Timed places a line chart's points on a time axis by their At: the
	// axis counts whole periods of the Frequency, ticked on whole years,
	// quarters, months, weeks or days. Else points are evenly spaced and
	// labelled by their Label.
	Timed bool
	// Frequency of a timed line chart's periods; "" infers it from the
	// gaps between points.
	Frequency Frequency
	// Window is how many periods, up to the latest of any series, a timed
	// line chart shows: 0 is DefaultWindow of the frequency, AllPeriods
	// the full history.
	Window int
	// Locale writes the chart's own words and figures: tick numbers,
	// months and quarters of a time axis, "No data". nil is English. The
	// texts above (title, unit, source, values) come written in it.
	Locale *locale.Locale
}
