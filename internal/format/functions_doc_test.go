package format

import (
	"os"
	"strings"
	"testing"
	"text/template"
	"time"
)

// templateFuncs registers the package under the names the brief's templates
// use; the narrative package owns the real func map.
var templateFuncs = template.FuncMap{
	"number": Number, "scaled": Scaled, "money": Money, "value": Value,
	"percent": Percent, "points": Points, "change": Change, "trend": Trend,
	"assessment": Assessment, "ordinal": Ordinal, "ordinalWord": OrdinalWord,
	"join": Join, "plural": Plural, "date": Date, "dateRange": DateRange,
	"escape": EscapeMarkdown,
}

// TestFunctionsDoc runs every example of FUNCTIONS.md so the reference
// cannot rot.
func TestFunctionsDoc(t *testing.T) {
	doc, err := os.ReadFile("FUNCTIONS.md")
	if err != nil {
		t.Fatal(err)
	}
	data := map[string]any{
		"Start": time.Date(2025, 2, 3, 0, 0, 0, 0, time.UTC),
		"End":   time.Date(2025, 2, 9, 0, 0, 0, 0, time.UTC),
		"Names": []string{"Kazakhstan", "Uzbekistan", "Kyrgyzstan"},
	}
	seen := map[string]bool{}
	for _, line := range strings.Split(string(doc), "\n") {
		if !strings.HasPrefix(line, "| `") {
			continue
		}
		cols := strings.Split(strings.Trim(line, "| "), " | ")
		if len(cols) != 4 {
			t.Fatalf("malformed row %q", line)
		}
		name, example, want := strings.Trim(cols[0], "`"), strings.Trim(cols[2], "`"), strings.Trim(cols[3], "`")
		seen[name] = true
		t.Run(name, func(t *testing.T) {
			if _, ok := templateFuncs[name]; !ok {
				t.Fatalf("FUNCTIONS.md documents %q, which is not registered", name)
			}
			tmpl, err := template.New(name).Funcs(templateFuncs).Option("missingkey=error").Parse(example)
			if err != nil {
				t.Fatal(err)
			}
			var b strings.Builder
			if err := tmpl.Execute(&b, data); err != nil {
				t.Fatal(err)
			}
			if b.String() != want {
				t.Errorf("%s = %q, FUNCTIONS.md says %q", example, b.String(), want)
			}
		})
	}
	for name := range templateFuncs {
		if !seen[name] {
			t.Errorf("template function %q has no example in FUNCTIONS.md", name)
		}
	}
}
