package dataset

import (
	"testing"
	"testing/fstest"
)

// TestYAMLOneDocumentNoControls: a second YAML document after "---" is
// an error at its line (it would be ignored silently), and a control
// character such as NUL is an error at its line and column.
func TestYAMLOneDocumentNoControls(t *testing.T) {
	for _, c := range []struct{ yaml, want string }{
		{"entities:\n  - id: KZ\n    name: Kazakhstan\n---\nentities: []\n", "d/entities.yaml:5: a second YAML document (after ---) is not read: keep one document per file"},
		{"entities:\n  - id: KZ\n    name: \"Kaz\x00akhstan\"\n", "d/entities.yaml:3:15: not valid YAML: a control character (U+0000): remove it"},
		{"entities:\n  - id: KZ\n    name: Kaz\x1bakhstan\n", "d/entities.yaml:3:14: not valid YAML: a control character (U+001B): remove it"},
	} {
		fsys := fstest.MapFS{
			"d/observations.csv": {Data: []byte(goodCSV)},
			"d/entities.yaml":    {Data: []byte(c.yaml)},
		}
		_, diags, _ := Load("d", Options{FS: fsys})
		checkDiags(t, diags, c.want)
	}
	// A document marker before the only document is fine.
	fsys := fstest.MapFS{
		"d/observations.csv": {Data: []byte(goodCSV)},
		"d/entities.yaml":    {Data: []byte("---\nentities:\n  - id: KZ\n    name: Kazakhstan\n")},
	}
	if _, diags, err := Load("d", Options{FS: fsys}); err != nil || diags.HasErrors() {
		t.Errorf("one document after ---: %v %v", err, diagStrings(diags))
	}
}
