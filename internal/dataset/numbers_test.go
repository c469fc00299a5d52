package dataset

import (
	"encoding/json"
	"math"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/briefhq/brief/internal/format"
)

const (
	wantTooLarge = "too large: values may be up to 1e18 (a million trillion) in size; give it in a larger unit, such as billion USD for USD"
	wantTooSmall = "too small: values other than 0 must be at least 1e-12 in size, or the brief would print 0; give it in a smaller unit, such as grams for tonnes"
)

// TestValueBounds: a value the engine cannot sum, print or write to JSON,
// or one that would read as 0, is refused with its position; values at
// the bounds are read as written.
func TestValueBounds(t *testing.T) {
	bad := map[string]string{
		"1e308":                   wantTooLarge,
		"-1.7976931348623157e308": wantTooLarge,
		"1e309":                   wantTooLarge, // beyond float64: strconv says so
		"1.0000001e18":            wantTooLarge,
		"-2e18":                   wantTooLarge,
		"1e-400":                  wantTooSmall, // strconv reads it as 0 without an error
		"-1e-400":                 wantTooSmall,
		"1e-320":                  wantTooSmall, // subnormal
		"9.9e-13":                 wantTooSmall,
		"-5e-324":                 wantTooSmall,
	}
	var csv strings.Builder
	csv.WriteString("indicator,entity,period,value,unit,source,source_url\n")
	var want []string
	line := 2
	for _, in := range []string{"1e308", "-1.7976931348623157e308", "1e309", "1.0000001e18", "-2e18", "1e-400", "-1e-400", "1e-320", "9.9e-13", "-5e-324"} {
		csv.WriteString("x,A" + string(rune('a'+line)) + ",2024," + in + ",USD,S,https://s.example\n")
		want = append(want, "o.csv:"+strconv.Itoa(line)+":4: value \""+in+"\": "+bad[in])
		line++
	}
	good := []struct {
		in   string
		want float64
	}{
		{"1e18", 1e18}, {"-1e18", -1e18}, {"1000000000000000000", 1e18}, {"1e-12", 1e-12}, {"-0.000000000001", -1e-12},
		{"0", 0}, {"-0", 0}, {"0.000e-999", 0}, {"0e400", 0}, {"70000000000000000", 7e16}, {"-1.5", -1.5},
	}
	for i, g := range good {
		csv.WriteString("y,B" + strconv.Itoa(i) + ",2024," + g.in + ",USD,S,https://s.example\n")
	}
	ds, diags, err := Load("o.csv", Options{FS: fstest.MapFS{"o.csv": {Data: []byte(csv.String())}}})
	checkDiags(t, diags, want...)
	if err == nil {
		t.Error("no error")
	}
	if len(ds.Observations) != len(good) {
		t.Fatalf("%d observations read, want %d", len(ds.Observations), len(good))
	}
	for i, g := range good {
		v := ds.Observations[i].Value
		if v != g.want || math.Signbit(v) != math.Signbit(g.want) {
			t.Errorf("%s read as %v, want %v", g.in, v, g.want)
		}
	}
	// What the bound promises: the largest values, summed a billion
	// times over and divided by the smallest, stay finite, are written
	// to JSON and print as a figure.
	huge := MaxMagnitude * 1e9 / MinMagnitude * 100
	if math.IsInf(huge, 0) {
		t.Error("the bounds let a sum or a percent change overflow")
	}
	if _, err := json.Marshal([]float64{MaxMagnitude, -MaxMagnitude, MinMagnitude, huge}); err != nil {
		t.Error(err)
	}
	if s := format.Value(-MaxMagnitude, "USD", -1); s != "-$1,000,000 trillion" {
		t.Errorf("the largest value prints as %q", s)
	}
	if s := format.Number(MinMagnitude, -1); s != "0.000000000001" {
		t.Errorf("the smallest value prints as %q", s)
	}
}

// TestValueBoundsInJSON: a JSON number out of range is reported at its
// place in the file, like a CSV cell.
func TestValueBoundsInJSON(t *testing.T) {
	data := `[
  {"indicator": "x", "entity": "A", "period": "2024", "value": 1e308, "unit": "USD", "source": "S"},
  {"indicator": "x", "entity": "B", "period": "2024", "value": 1e-400, "unit": "USD", "source": "S"}
]`
	_, diags, _ := Load("o.json", Options{FS: fstest.MapFS{"o.json": {Data: []byte(data)}}})
	checkDiags(t, diags,
		`o.json:2:64: value "1e308": `+wantTooLarge,
		`o.json:3:64: value "1e-400": `+wantTooSmall,
	)
}

// TestMessagesPrintNumbersAsTheBrief: values in messages read as in the
// brief, with the digits that tell two of them apart.
func TestMessagesPrintNumbersAsTheBrief(t *testing.T) {
	csv := "indicator,entity,period,value,unit,source,source_url\n" +
		"pop,KZ,2024,18651931,people,S,https://s.example\n" +
		"pop,KZ,2024,18651932,people,S,https://s.example\n" +
		"pop,UZ,2024,36800000,people,S,https://s.example\n" +
		"pop,UZ,2024,37000000,people,S,https://s.example\n" +
		"gdp,KZ,2024,262600000000,USD,S,https://s.example\n" +
		"gdp,KZ,2024,262640000000,USD,S,https://s.example\n" +
		"pop,TJ,2024,-10331513,people,S,https://s.example\n"
	_, diags, _ := Load("o.csv", Options{FS: fstest.MapFS{"o.csv": {Data: []byte(csv)}}})
	checkDiags(t, diags,
		"o.csv:3: conflicting duplicate of line 2: pop for KZ in 2024 is 18.651931 million people there and 18.651932 million people here; keep one",
		"o.csv:5: conflicting duplicate of line 4: pop for UZ in 2024 is 36.8 million people there and 37 million people here; keep one",
		"o.csv:7: conflicting duplicate of line 6: gdp for KZ in 2024 is $262.60 billion there and $262.64 billion here; keep one",
		`o.csv:8:4: value -10.3 million is negative, but "people" counts things: check the sign (a net flow or a balance, such as net migration, may be negative: say so in its name or give it negative: in the catalog)`,
	)
}
