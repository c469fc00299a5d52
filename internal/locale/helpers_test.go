package locale

import (
	"strings"
	"testing"
)

// nb is the no-break space U+00A0; tests write it out so that what a
// reader sees is what the test asserts.
const nb = "\u00a0"

func loc(t testing.TB, id string) *Locale {
	t.Helper()
	r, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	l, ok := r.Get(id)
	if !ok {
		t.Fatalf("no locale %s", id)
	}
	return l
}

// show makes no-break spaces visible in a failure message.
func show(s string) string { return strings.ReplaceAll(s, nb, "⍽") }

// must(t)(f()) is f's text, failing the test on f's error.
func must(t testing.TB) func(string, error) string {
	return func(s string, err error) string {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
}
