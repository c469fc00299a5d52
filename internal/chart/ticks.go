package chart

import "math"

// Ticks are the axis ticks for a range of values: Lo and Hi bound the axis,
// Step is the distance between ticks and Values lists them from Lo to Hi.
type Ticks struct {
	Lo, Hi, Step float64
	Values       []float64
	Decimals     int // decimals a tick label needs to show Step exactly
}

// NiceTicks covers [min, max] with about n ticks at 1, 2, 2.5 or 5 times a
// power of ten, the way a person would number an axis. An empty range
// (min == max) is widened so that the value sits inside the axis.
func NiceTicks(min, max float64, n int) Ticks {
	if n < 2 {
		n = 2
	}
	if math.IsNaN(min) || math.IsNaN(max) || math.IsInf(min, 0) || math.IsInf(max, 0) {
		min, max = 0, 1
	}
	if min > max {
		min, max = max, min
	}
	if min == max {
		switch {
		case min == 0:
			max = 1
		case min > 0:
			min = 0
		default:
			max = 0
		}
	}
	raw := (max - min) / float64(n-1)
	exp := math.Floor(math.Log10(raw))
	pow := math.Pow(10, exp)
	var m float64
	for _, c := range []float64{1, 2, 2.5, 5, 10} {
		m = c
		if c*pow >= raw*(1-1e-9) {
			break
		}
	}
	step := m * pow
	lo := math.Floor(min/step+1e-9) * step
	hi := math.Ceil(max/step-1e-9) * step
	// The decimals that show every tick exactly: 0.25 needs two, 25 none.
	dec := 0
	for dec < 12 && math.Abs(step*math.Pow(10, float64(dec))-math.Round(step*math.Pow(10, float64(dec)))) > 1e-6 {
		dec++
	}
	t := Ticks{Lo: lo, Hi: hi, Step: step, Decimals: dec}
	count := int(math.Round((hi-lo)/step)) + 1
	for i := range count {
		v := lo + float64(i)*step
		if math.Abs(v) < step*1e-9 {
			v = 0 // no "-0"
		}
		t.Values = append(t.Values, v)
	}
	return t
}

// Scaled returns v divided by the chart's Scale (1 when unset).
func (c Chart) Scaled(v float64) float64 {
	if c.Scale == 0 || c.Scale == 1 {
		return v
	}
	return v / c.Scale
}

// Linear maps a value of the domain [d0, d1] onto the range [r0, r1].
func Linear(v, d0, d1, r0, r1 float64) float64 {
	if d1 == d0 {
		return (r0 + r1) / 2
	}
	return r0 + (v-d0)/(d1-d0)*(r1-r0)
}
