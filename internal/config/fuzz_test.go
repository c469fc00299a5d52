package config

import (
	"errors"
	"os"
	"testing"
)

// FuzzParse: any config either parses or fails with a located *Error.
func FuzzParse(f *testing.F) {
	for _, s := range []string{"title: T\n", "paper: a3\n", "max: x\n", "- a\n", "title: \"open\n", "a: &a [*a]\n"} {
		f.Add([]byte(s))
	}
	if b, err := os.ReadFile("../../brief.yaml"); err == nil {
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		c, err := Parse(data, "brief.yaml")
		if err != nil {
			var ce *Error
			if !errors.As(err, &ce) || ce.File != "brief.yaml" || ce.Msg == "" {
				t.Fatalf("error %T %v is not a located *Error", err, err)
			}
			return
		}
		if c == nil {
			t.Fatal("nil config without error")
		}
	})
}
