package dataset

import (
	"slices"
	"testing"
)

// TestTexts: the sample's quotable texts hold an event's summary in
// English and in Russian, a row's note and an entity's name, each once
// and sorted, and no empty string.
func TestTexts(t *testing.T) {
	ds, _, err := Load("../../data", Options{})
	if err != nil {
		t.Fatal(err)
	}
	got := ds.Texts("ru")
	for _, want := range []string{
		"Казахстан",
		"Projects being implemented.",
		"Проекты в стадии реализации.",
		"A Russia–Kazakhstan media forum on cooperation between the two countries' media took place.",
	} {
		if !slices.Contains(got, want) {
			t.Errorf("Texts(ru) lacks %q", want)
		}
	}
	if !slices.IsSorted(got) || len(slices.Compact(slices.Clone(got))) != len(got) || slices.Contains(got, "") {
		t.Errorf("Texts(ru) is not sorted, unique and without empty strings: %q", got)
	}
}
