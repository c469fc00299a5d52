package narrative

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
	"testing/fstest"
	"time"
)

// FuzzTemplate: any template source either renders or fails with a
// *TemplateError naming the file; never a panic, never <no value>.
func FuzzTemplate(f *testing.F) {
	paths, _ := filepath.Glob("../../templates/*/*.tmpl")
	for _, p := range paths {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(string(b))
		}
	}
	for _, s := range []string{"{{ .Brief.Titel }}", "{{ index .Brief.Topics 9 }}", "{{ define \"x\" }}{{ template \"x\" . }}{{ end }}{{ template \"x\" . }}",
		"{{ until 5 }}", "{{ cite 1 }}", "{{ chart \"bar\" nil }}", "{{ fail \"no\" }}", "{{ range $i := until 10000 }}{{ repeat 10000 \"x\" }}{{ end }}"} {
		f.Add(s)
	}
	b := tinyBriefForFuzz()
	f.Fuzz(func(t *testing.T, src string) {
		fsys := fstest.MapFS{
			"k/manifest.yaml": {Data: []byte(oneSection)},
			"k/main.tmpl":     {Data: []byte(src)},
		}
		k, err := LoadKind(fsys, "k", "templates/k")
		if err != nil {
			var te *TemplateError
			if !errors.As(err, &te) || te.File == "" {
				t.Fatalf("parse error %T %v", err, err)
			}
			return
		}
		k.Budget = Budget{Time: 250 * time.Millisecond} // a runaway input stops soon
		doc, err := k.Render(b)
		if err != nil {
			var te *TemplateError
			if !errors.As(err, &te) || te.File == "" {
				t.Fatalf("render error %T %v", err, err)
			}
			return
		}
		if containsNoValue(doc.Markdown) {
			t.Fatal("<no value> reached the page")
		}
	})
}
