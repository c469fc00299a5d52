package narrative

import (
	"bytes"
	"os"
	"strings"
	"testing"
	"text/template"
	"time"
)

// TestFuncDocExamples renders every documented example.
func TestFuncDocExamples(t *testing.T) {
	for _, d := range FuncDocs {
		t.Run(d.Name+" "+d.Example, func(t *testing.T) {
			tmpl, err := template.New("x").Option("missingkey=error").Funcs(newState(nil).funcs()).Parse(d.Example)
			if err != nil {
				t.Fatal(err)
			}
			var b bytes.Buffer
			if err := tmpl.Execute(&b, nil); err != nil {
				t.Fatal(err)
			}
			if b.String() != d.Output {
				t.Errorf("%s renders %q, documented as %q", d.Example, b.String(), d.Output)
			}
		})
	}
}

// TestReadmeListsEveryFunction keeps the README's reference in step with
// FuncDocs: every documented example appears there with its output.
func TestReadmeListsEveryFunction(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range FuncDocs {
		row := "| `" + d.Name + "` | `" + strings.ReplaceAll(d.Example, "|", `\|`) + "` | " + d.Output + " |"
		if !bytes.Contains(readme, []byte(row)) {
			t.Errorf("README.md lacks the row\n%s", row)
		}
	}
	for name := range domainFuncs() {
		if !bytes.Contains(readme, []byte("`"+name+"`")) {
			t.Errorf("README.md does not document the template function %q", name)
		}
	}
}

func TestDateFunctions(t *testing.T) {
	f := domainFuncs()
	a := time.Date(2025, 2, 3, 0, 0, 0, 0, time.UTC)
	b := time.Date(2025, 2, 9, 0, 0, 0, 0, time.UTC)
	if got := f["date"].(func(time.Time) string)(a); got != "3 February 2025" {
		t.Errorf("date = %q", got)
	}
	if got := f["dateRange"].(func(time.Time, time.Time) string)(a, b); got != "3–9 February 2025" {
		t.Errorf("dateRange = %q", got)
	}
}
