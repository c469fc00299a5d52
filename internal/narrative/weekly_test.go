package narrative

import (
	golden_ "github.com/briefhq/brief/internal/golden"
	"testing"

	"github.com/briefhq/brief/templates"
)

// golden compares got with testdata/name, rewriting it under -update.
func golden(t *testing.T, name string, got []byte) { golden_.Check(t, name, got) }

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
}
