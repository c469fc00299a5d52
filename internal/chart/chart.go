// Package chart describes the brief's charts as data and draws them as SVG;
// the PDF renderer draws the same Chart with vector primitives.
package chart

// Kind of chart.
type Kind string

// Bar shows the latest value by entity; Line shows one series over time.
const (
	Bar  Kind = "bar"
	Line Kind = "line"
)

// Point is one bar, or one point of a line.
type Point struct {
	Label string  // entity name (bar) or period label (line)
	Value float64 // in Unit, unscaled
	Text  string  // the value as the brief prints it, e.g. "$27.8 billion"
	// At places a line chart's point on a time axis (days since 1970 of
	// its period's middle) when the chart is Timed.
	At float64
}

// Chart is everything needed to draw a chart; it holds no styling.
type Chart struct {
	Kind   Kind
	Title  string  // e.g. "Trade turnover with Russia, 2024"
	Unit   string  // axis label, e.g. "USD billion"; shown as given
	Scale  float64 // divide values by Scale for axis ticks (1e9 for "billion"); 0 or 1 = none
	Source string  // source line printed under the chart, e.g. "Source: ..."
	Points []Point
	// File is the SVG's file name beside brief.md; the Markdown links it as
	// an image, and the PDF renderer finds the chart by this name.
	File string
	// Timed spaces a line chart's points by their At, so that a gap of a
	// year looks longer than a gap of a quarter; else they are even.
	Timed bool
}
