package format

import (
	"math"
	"strconv"
)

const (
	// maxPlaces bounds explicit decimals: a float64 has at most 17
	// significant digits, so more places only pad zeros.
	maxPlaces = 20
	// maxAutoPlaces bounds automatic decimals of tiny magnitudes; anything
	// smaller prints as 0.
	maxAutoPlaces = 12
)

// decimal is the shortest decimal representation of a float64, the value
// 0.d[0]d[1]...d[n-1] × 10^exp. Rounding these digits, rather than the binary
// value, rounds the number as it is written in the data.
type decimal struct {
	neg bool
	n   int // significant digits in d, without trailing zeros; 0 means zero
	exp int
	d   [24]byte
}

// newDecimal converts a finite v.
func newDecimal(v float64) decimal {
	var x decimal
	var buf [32]byte
	b := strconv.AppendFloat(buf[:0], v, 'e', -1, 64) // -d.ddde±dd
	if b[0] == '-' {
		x.neg = true
		b = b[1:]
	}
	i := 0
	for ; b[i] != 'e'; i++ {
		if b[i] != '.' {
			x.d[x.n] = b[i]
			x.n++
		}
	}
	e, sign := 0, 1
	for _, c := range b[i+1:] {
		switch c {
		case '-':
			sign = -1
		case '+':
		default:
			e = e*10 + int(c-'0')
		}
	}
	x.exp = sign*e + 1
	x.trim()
	return x
}

// trim drops trailing zero digits and normalises zero.
func (x *decimal) trim() {
	for x.n > 0 && x.d[x.n-1] == '0' {
		x.n--
	}
	if x.n == 0 {
		x.neg, x.exp = false, 0
	}
}

func (x *decimal) zero() bool { return x.n == 0 }

// round rounds to places decimals, half away from zero.
func (x *decimal) round(places int) {
	keep := x.exp + places
	switch {
	case keep >= x.n:
		return
	case keep < 0:
		x.n = 0
		x.trim()
		return
	}
	up := x.d[keep] >= '5'
	x.n = keep
	if up {
		i := x.n - 1
		for i >= 0 && x.d[i] == '9' {
			i--
		}
		if i < 0 {
			x.d[0], x.n = '1', 1
			x.exp++
		} else {
			x.d[i]++
			x.n = i + 1
		}
	}
	x.trim()
}

// autoPlaces is the automatic number of decimals: max for magnitudes of at
// least 1, otherwise two significant digits (0.0034 stays 0.0034).
func (x *decimal) autoPlaces(max int) int {
	if x.n == 0 || x.exp >= 1 {
		return max
	}
	return min(2-x.exp, maxAutoPlaces)
}

// appendAbs appends |x| with thousands separators, padding the fraction
// with zeros to places when pad is set. x must already be rounded to places.
func (x *decimal) appendAbs(b []byte, places int, pad bool) []byte {
	if x.exp <= 0 {
		b = append(b, '0')
	} else {
		for i := 0; i < x.exp; i++ {
			if i > 0 && (x.exp-i)%3 == 0 {
				b = append(b, ',')
			}
			if i < x.n {
				b = append(b, x.d[i])
			} else {
				b = append(b, '0')
			}
		}
	}
	frac := 0
	for p := x.exp; p < x.n; p++ {
		if frac == 0 {
			b = append(b, '.')
		}
		if p < 0 {
			b = append(b, '0')
		} else {
			b = append(b, x.d[p])
		}
		frac++
	}
	if pad && frac < places {
		if frac == 0 {
			b = append(b, '.')
		}
		for ; frac < places; frac++ {
			b = append(b, '0')
		}
	}
	return b
}

// appendSign appends "-" for a negative non-zero x.
func (x *decimal) appendSign(b []byte) []byte {
	if x.neg && x.n > 0 {
		b = append(b, '-')
	}
	return b
}

// nonFinite spells NaN and infinities; validation keeps them out of a
// dataset, so they only show a bug, and should show it plainly.
func nonFinite(v float64) (string, bool) {
	switch {
	case math.IsNaN(v):
		return "NaN", true
	case math.IsInf(v, 1):
		return "Inf", true
	case math.IsInf(v, -1):
		return "-Inf", true
	}
	return "", false
}

// padded reports whether decimals ask for exact places, padded with
// zeros (declared or common), rather than automatic ones.
func padded(decimals int) bool {
	_, auto := placesOf(decimals, false)
	return !auto
}
