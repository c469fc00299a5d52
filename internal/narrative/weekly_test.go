package narrative

import (
	"testing"

	golden_ "github.com/briefhq/brief/internal/golden"
	"github.com/briefhq/brief/internal/readability"
	"github.com/briefhq/brief/templates"
)

// golden compares got with testdata/name, rewriting it under -update.
func golden(t *testing.T, name string, got []byte) { golden_.Check(t, name, got) }

// lint reads a rendered brief as an editor would (internal/readability).
func lint(t *testing.T, doc *Document, points bool) {
	t.Helper()
	var data []string
	for _, sec := range doc.Sections {
		data = append(data, sec.Data...)
	}
	for _, f := range readability.Check(string(doc.Markdown), readability.Options{Points: points, Data: data}) {
		t.Errorf("readability: %s", f)
	}
}

func TestDefaultWeeklyTemplatesOnTinyDataset(t *testing.T) {
	k, err := LoadKind(templates.FS, "weekly", "templates/weekly")
	if err != nil {
		t.Fatal(err)
	}
	doc, err := k.Render(tinyBrief(t))
	if err != nil {
		t.Fatal(err)
	}
	golden(t, "tiny-weekly.md", doc.Markdown)
	lint(t, doc, false)
}
