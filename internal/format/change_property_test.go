package format

import (
	"fmt"
	"math/big"
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"
)

// randomFigure is a value as a dataset writes it: up to 4 decimals, within
// ±span.
func randomFigure(r *rand.Rand, span int) float64 {
	places := r.IntN(5)
	s := strconv.Itoa(r.IntN(2*span+1)-span) + "." + fmt.Sprintf("%04d", r.IntN(10000))[:places]
	v, err := strconv.ParseFloat(strings.TrimSuffix(s, "."), 64)
	if err != nil {
		panic(err)
	}
	return v
}

// figure parses a printed figure ("-1,234.50 t", "−$3.00", "1.889%") into
// an exact rational.
func figure(t *testing.T, s string) *big.Rat {
	t.Helper()
	s = strings.NewReplacer(",", "", "$", "", "%", "", " t", "", " percentage points", "", " percentage point", "").Replace(s)
	r, ok := new(big.Rat).SetString(s)
	if !ok {
		t.Fatalf("cannot read %q as a number", s)
	}
	return r
}

// TestChangeIsTheDifferenceOfThePrintedFigures: for random pairs of values
// and decimals, a change in percentage points or in the unit equals
// printed(cur) - printed(prev), both printed with the same decimals, and
// has those decimals; figures that print alike are "little changed".
// Binary floats made 1.889 - 1.904 "0.01" and 1.880 - 1.895 "0.02".
func TestChangeIsTheDifferenceOfThePrintedFigures(t *testing.T) {
	r := rand.New(rand.NewPCG(11, 8))
	cases := []struct {
		unit            string
		span            int
		nonPositivePrev bool // so that the change is absolute, not a percent
	}{
		{"%", 30, false},
		{"t", 99999, true},
		{"USD", 99999, true},
	}
	n := 0
	for _, c := range cases {
		for i := 0; i < 4000; i++ {
			cur, prev := randomFigure(r, c.span), randomFigure(r, c.span)
			if c.nonPositivePrev && prev > 0 {
				prev = -prev
			}
			decimals := r.IntN(5)
			if i%4 == 0 {
				// a common choice for an indicator's figures
				decimals = CommonPlaces([]float64{cur, prev}, c.unit, "")
			}
			pc, pp := Value(cur, c.unit, decimals), Value(prev, c.unit, decimals)
			got := Change(cur, prev, c.unit, decimals, "")
			want := new(big.Rat).Sub(figure(t, pc), figure(t, pp))
			n++
			switch {
			case cur == prev:
				if got != "unchanged" {
					t.Fatalf("%s against %s (decimals %d): %q, want unchanged", pc, pp, decimals, got)
				}
			case want.Sign() == 0:
				if got != "little changed" {
					t.Fatalf("%s against %s (decimals %d): %q, want little changed", pc, pp, decimals, got)
				}
			default:
				word, body, ok := strings.Cut(got, " ")
				if !ok || (word != "up" && word != "down") {
					t.Fatalf("%s against %s (decimals %d): %q is not a change", pc, pp, decimals, got)
				}
				d := figure(t, body)
				if word == "down" {
					d.Neg(d)
				}
				if d.Cmp(want) != 0 {
					t.Fatalf("%s against %s (decimals %d): %q, but the figures differ by %s", pc, pp, decimals, got, want.FloatString(6))
				}
				// The change has the figures' decimals.
				num := strings.Fields(strings.NewReplacer("$", "").Replace(body))[0]
				num = strings.TrimSuffix(num, "%")
				_, frac, _ := strings.Cut(num, ".")
				_, fc, _ := strings.Cut(strings.Fields(strings.NewReplacer("-", "", "$", "").Replace(pc))[0], ".")
				if len(frac) != len(strings.TrimSuffix(fc, "%")) {
					t.Fatalf("%s against %s (decimals %d): %q has %d decimals, the figures %d", pc, pp, decimals, got, len(frac), len(strings.TrimSuffix(fc, "%")))
				}
			}
		}
	}
	if n < 10000 {
		t.Fatalf("only %d pairs checked", n)
	}
}
