package chart

import (
	"math"
	"sort"
	"time"
)

// Frequency is how often a line chart's series have a value; it sets the
// default window and the periods the time axis is ticked on.
type Frequency string

// The frequencies of a time axis. Business-daily series are Daily.
const (
	Annual    Frequency = "annual"
	Quarterly Frequency = "quarterly"
	Monthly   Frequency = "monthly"
	Weekly    Frequency = "weekly"
	Daily     Frequency = "daily"
)

// AllPeriods as a Chart's Window shows the full history.
const AllPeriods = -1

// DefaultWindow is the number of periods up to the latest that a line
// chart shows when its Window is 0: about ten years of an annual series,
// three years of a quarterly one, 24 months, 26 weeks or 90 days, so that
// an old spike does not flatten the years a reader cares about.
func DefaultWindow(f Frequency) int {
	switch f {
	case Quarterly:
		return 12
	case Monthly:
		return 24
	case Weekly:
		return 26
	case Daily:
		return 90
	}
	return 10
}

// epochMonday is 5 January 1970, the first Monday after the Unix epoch, in
// days since 1970: weeks are counted from it, as ISO weeks start on Monday.
const epochMonday = 4

// day is the calendar day of days since 1970 (a point's At).
func day(at float64) time.Time {
	return time.Unix(int64(math.Floor(at))*86400, 0).UTC()
}

// periodIndex numbers the period of frequency f that the day at falls in,
// consecutive periods by consecutive integers: years, quarters and months
// since year 0, weeks (Monday to Sunday) and days since 1970.
func periodIndex(f Frequency, at float64) int {
	d := day(at)
	switch f {
	case Quarterly:
		return d.Year()*4 + (int(d.Month())-1)/3
	case Monthly:
		return d.Year()*12 + int(d.Month()) - 1
	case Weekly:
		return floorDiv(int(math.Floor(at))-epochMonday, 7)
	case Daily:
		return int(math.Floor(at))
	}
	return d.Year()
}

func floorDiv(a, b int) int {
	q := a / b
	if a%b != 0 && (a < 0) != (b < 0) {
		q--
	}
	return q
}

// periodStart is the first day of the period numbered i.
func periodStart(f Frequency, i int) time.Time {
	switch f {
	case Quarterly:
		return time.Date(floorDiv(i, 4), time.Month(i-floorDiv(i, 4)*4)*3+1, 1, 0, 0, 0, 0, time.UTC)
	case Monthly:
		return time.Date(floorDiv(i, 12), time.Month(i-floorDiv(i, 12)*12)+1, 1, 0, 0, 0, 0, time.UTC)
	case Weekly:
		return time.Unix(int64(i*7+epochMonday)*86400, 0).UTC()
	case Daily:
		return time.Unix(int64(i)*86400, 0).UTC()
	}
	return time.Date(i, 1, 1, 0, 0, 0, 0, time.UTC)
}

// tickSteps are the distances, in periods, between ticks a time axis may
// use, finest first: whole years, quarters, months, weeks and days, in
// steps a reader counts in.
func tickSteps(f Frequency) []int {
	switch f {
	case Quarterly:
		return []int{1, 2, 4, 8, 20, 40, 80, 200}
	case Monthly:
		return []int{1, 2, 3, 6, 12, 24, 60, 120, 240, 600}
	case Weekly:
		return []int{1, 2, 4, 8, 13, 26, 52, 104, 260, 520}
	case Daily:
		return []int{1, 2, 7, 14, 28, 91, 182, 364, 728, 1820, 3640}
	}
	return []int{1, 2, 5, 10, 20, 50, 100, 200, 500, 1000}
}

// onTick reports whether period i carries a tick at the given step: years
// divisible by the step, quarters and months from January, weeks and days
// from a Monday, so that ticks fall on the same periods whatever the data.
func onTick(f Frequency, i, step int) bool {
	if f == Daily && step >= 7 {
		i -= epochMonday
	}
	return (i%step+step)%step == 0
}

// inferFrequency guesses the frequency of series from the short gaps
// between consecutive points (the lower quartile: a series with gaps is
// still as frequent as its closest points), for a chart that does not
// declare it.
func inferFrequency(ss []Series) Frequency {
	var gaps []float64
	for _, s := range ss {
		for i := 1; i < len(s.Points); i++ {
			if g := s.Points[i].At - s.Points[i-1].At; g > 0 {
				gaps = append(gaps, g)
			}
		}
	}
	if len(gaps) == 0 {
		return Annual
	}
	sort.Float64s(gaps)
	g := gaps[len(gaps)/4]
	switch {
	case g >= 200:
		return Annual
	case g >= 60:
		return Quarterly
	case g >= 20:
		return Monthly
	case g >= 5:
		return Weekly
	}
	return Daily
}
