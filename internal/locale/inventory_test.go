package locale

import (
	"os"
	"regexp"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// The README's inventory and en.yaml agree: every key of the table
// resolves (a data path or a phrase), and every English phrase is in the
// table, so a later step can move each literal by its key.
func TestInventory(t *testing.T) {
	readme, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	src, err := os.ReadFile("data/en.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(src, &doc); err != nil {
		t.Fatal(err)
	}
	en := loc(t, "en")
	listed := map[string]bool{}
	row := regexp.MustCompile("^\\| `.*` \\| [a-z]+/[a-z_]+\\.go:[0-9]+ \\| (.*) \\|$")
	keyRe := regexp.MustCompile("`([^`]+)`")
	rows := 0
	for _, line := range strings.Split(string(readme), "\n") {
		m := row.FindStringSubmatch(line)
		if m == nil {
			continue
		}
		rows++
		for _, k := range keyRe.FindAllStringSubmatch(m[1], -1) {
			key := k[1]
			listed[key] = true
			if _, err := en.Phrase(key); err == nil {
				continue
			}
			if !hasPath(doc.Content[0], strings.Split(key, ".")) {
				t.Errorf("README inventory key %q is neither a phrase nor a path of en.yaml", key)
			}
		}
	}
	if rows < 60 {
		t.Fatalf("the inventory has %d rows; the README table did not parse", rows)
	}
	for _, k := range en.PhraseKeys() {
		if !listed[k] {
			t.Errorf("en.yaml phrase %q is not in the README inventory", k)
		}
	}
	// ru and kk phrases are English ones translated: no stray keys.
	for _, id := range []string{"ru", "kk"} {
		for _, k := range loc(t, id).PhraseKeys() {
			if _, err := en.Phrase(k); err != nil {
				t.Errorf("%s phrase %q has no English original", id, k)
			}
		}
	}
}

func hasPath(n *yaml.Node, path []string) bool {
	if len(path) == 0 {
		return true
	}
	if n.Kind != yaml.MappingNode {
		return false
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == path[0] {
			return hasPath(n.Content[i+1], path[1:])
		}
	}
	return false
}
