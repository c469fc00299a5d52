package period

import (
	"errors"
	"testing"
)

// FuzzParse: Parse either fails with *Error or gives a period whose
// String parses back to the same period.
func FuzzParse(f *testing.F) {
	for _, s := range []string{"2024", "2024-Q3", "2024-11", "2025-W05", "2025-01-15", "2020-W53", "2024-02-29", "", "2024-13", " 2024-q1 ", "9999-12-31"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		p, err := Parse(s)
		if err != nil {
			var pe *Error
			if !errors.As(err, &pe) {
				t.Fatalf("Parse(%q): %T %v", s, err, err)
			}
			return
		}
		q, err := Parse(p.String())
		if err != nil {
			t.Fatalf("Parse(%q) = %s, which does not parse: %v", s, p, err)
		}
		if q != p || p.End.Before(p.Start) || p.Label() == "" {
			t.Fatalf("Parse(%q) = %+v; round trip %+v", s, p, q)
		}
	})
}
