package narrative

import (
	"bytes"
	"fmt"

	"go.yaml.in/yaml/v3"
)

// Manifest is a brief kind's manifest.yaml: its title and ordered sections.
type Manifest struct {
	Title    string        `yaml:"title"`
	Sections []SectionSpec `yaml:"sections"`
}

// SectionSpec is one section of a kind. A section with Each: topic is
// repeated for every topic of the catalog, in catalog order, except the
// topics that another section names in Topics: that is how a user adds a
// topic-specific section without losing the generic ones.
type SectionSpec struct {
	ID       string   `yaml:"id"`
	Template string   `yaml:"template"`
	Each     string   `yaml:"each"`
	Topics   []string `yaml:"topics"`
	line     int
}

func parseManifest(src []byte, file string) (*Manifest, error) {
	var m Manifest
	if empty(src) {
		return nil, &TemplateError{File: file, Msg: "the manifest is empty: it needs title: and sections: (see templates/weekly/manifest.yaml)"}
	}
	dec := yaml.NewDecoder(bytes.NewReader(src))
	dec.KnownFields(true)
	if err := dec.Decode(&m); err != nil {
		return nil, yamlError(err, file, " (keys: title, sections: [id, template, each, topics])")
	}
	var root yaml.Node
	_ = yaml.Unmarshal(src, &root)
	lines := sectionLines(&root)
	seen := map[string]bool{}
	for i := range m.Sections {
		s := &m.Sections[i]
		if i < len(lines) {
			s.line = lines[i]
		}
		at := func(msg string, a ...any) error {
			return &TemplateError{File: file, Line: s.line, Msg: fmt.Sprintf(msg, a...)}
		}
		switch {
		case s.ID == "":
			return nil, at("section %d has no id", i+1)
		case s.Template == "":
			return nil, at("section %q has no template: name a .tmpl file of this folder", s.ID)
		case seen[s.ID]:
			return nil, at("section id %q is used twice", s.ID)
		case s.Each != "" && s.Each != "topic":
			return nil, at("section %q: each: %q is not supported; use each: topic", s.ID, s.Each)
		case s.Each != "" && len(s.Topics) > 0:
			return nil, at("section %q: use either each: topic or topics: [...], not both", s.ID)
		}
		seen[s.ID] = true
	}
	if len(m.Sections) == 0 {
		return nil, &TemplateError{File: file, Msg: "no sections: list at least one under sections:"}
	}
	return &m, nil
}

// sectionLines finds the line of each item of the sections list.
func sectionLines(root *yaml.Node) []int {
	if len(root.Content) == 0 {
		return nil
	}
	doc := root.Content[0]
	for i := 0; i+1 < len(doc.Content); i += 2 {
		if doc.Content[i].Value == "sections" {
			var out []int
			for _, n := range doc.Content[i+1].Content {
				out = append(out, n.Line)
			}
			return out
		}
	}
	return nil
}

// empty reports whether a YAML file has nothing but blank lines, comments
// and a byte order mark.
func empty(src []byte) bool {
	src = bytes.TrimPrefix(src, []byte("\xef\xbb\xbf"))
	for _, l := range bytes.Split(src, []byte("\n")) {
		l = bytes.TrimSpace(l)
		if len(l) > 0 && l[0] != '#' && !bytes.Equal(l, []byte("---")) {
			return false
		}
	}
	return true
}
