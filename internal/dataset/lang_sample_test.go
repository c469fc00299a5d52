package dataset

import (
	"testing"

	"github.com/briefhq/brief/internal/locale"
)

func locales(t *testing.T, ids ...string) []*locale.Locale {
	t.Helper()
	r, err := locale.Default()
	if err != nil {
		t.Fatal(err)
	}
	var out []*locale.Locale
	for _, id := range ids {
		l, ok := r.Get(id)
		if !ok {
			t.Fatalf("no locale %s", id)
		}
		out = append(out, l)
	}
	return out
}

// The sample and testdata/unseen carry every Russian and Kazakh form and
// translation a brief needs.
func TestSampleLanguages(t *testing.T) {
	for _, dir := range []string{"../../data", "../../testdata/unseen"} {
		ds, diags, err := Load(dir, Options{})
		if err != nil {
			t.Fatalf("%s: %v", dir, err)
		}
		for _, d := range diags {
			if d.Severity == SevError {
				t.Errorf("%s: %s", dir, d)
			}
		}
		for _, lc := range locales(t, "en", "ru", "kk") {
			for _, d := range ds.CheckLanguage(lc) {
				t.Errorf("%s --lang %s: %s", dir, lc.ID(), d)
			}
		}
	}
}
