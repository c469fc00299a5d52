package locale

import (
	"bytes"
	"fmt"
	"sort"
	"strings"

	"go.yaml.in/yaml/v3"
)

// The shape of a locale file (data/en.yaml is the commented model). It
// is decoded strictly: an unknown key is an error naming its line, so a
// misspelt section never silently leaves words out.
type fileData struct {
	Tag        string                         `yaml:"tag"`
	Name       string                         `yaml:"name"`
	Native     string                         `yaml:"native"`
	Number     numberData                     `yaml:"number"`
	Scales     map[string]map[string]variants `yaml:"scales"`
	Currencies map[string]currencyData        `yaml:"currencies"`
	Plural     pluralData                     `yaml:"plural"`
	Grammar    grammarData                    `yaml:"grammar"`
	Harmony    *harmonyData                   `yaml:"harmony"`
	Months     map[string][]string            `yaml:"months"`
	Weekdays   []string                       `yaml:"weekdays"`
	Periods    map[string]map[string]text     `yaml:"periods"`
	Ranges     rangesData                     `yaml:"ranges"`
	Quotes     quotesData                     `yaml:"quotes"`
	List       listData                       `yaml:"list"`
	Ordinal    ordinalData                    `yaml:"ordinal"`
	Agreeing   map[string]variants            `yaml:"agreeing"`
	Phrases    map[string]string              `yaml:"phrases"`
	Typography typographyData                 `yaml:"typography"`
	// SmallNumbers are the counts 0, 1, 2 … in words, as running text
	// writes the small ones ("six", "twelve"); optional.
	SmallNumbers []string       `yaml:"small_numbers"`
	line         map[string]int // top-level keys' lines
}

// typographyData is what Typeset does to a finished text: formulas
// written as the language's typography writes them ("CO2" -> "CO₂"), and
// where a space may not break a line.
type typographyData struct {
	Formulas map[string]string `yaml:"formulas"`
	// NbspAfterNumber: a number and the word after it stay on one line
	// ("2024 г.", "99 проектов", "2025 жылғы").
	NbspAfterNumber bool `yaml:"nbsp_after_number"`
	// NbspBeforeDash: a dash never opens a line ("партнёр — Россия").
	NbspBeforeDash bool `yaml:"nbsp_before_dash"`
	// NbspAfter are words the next word stays with ("тыс. т", "куб. м",
	// "АҚШ доллары").
	NbspAfter []string `yaml:"nbsp_after"`
}

type numberData struct {
	Decimal     string              `yaml:"decimal"`
	Group       string              `yaml:"group"`
	MinGrouping int                 `yaml:"min_grouping"`
	Minus       string              `yaml:"minus"`
	Scaled      text                `yaml:"scaled"`
	ScaleStyle  string              `yaml:"scale_style"`
	Percent     text                `yaml:"percent"`
	PerMille    text                `yaml:"per_mille"`
	Points      map[string]variants `yaml:"points"`
	PointsStyle string              `yaml:"points_style"`
	Special     map[string]string   `yaml:"special"`
}

type currencyData struct {
	Text  variants `yaml:"text"`
	Short variants `yaml:"short"`
}

// UnmarshalYAML reads a currency as a pattern ("{n} {code}") or as text
// and short patterns.
func (c *currencyData) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind == yaml.ScalarNode {
		return n.Decode(&c.Text)
	}
	if n.Kind != yaml.MappingNode {
		return fmt.Errorf("line %d: a currency is a pattern or a mapping with text: and short:, not a %s", n.Line, kindName(n))
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		switch k.Value {
		case "text":
			if err := v.Decode(&c.Text); err != nil {
				return err
			}
		case "short":
			if err := v.Decode(&c.Short); err != nil {
				return err
			}
		default:
			return fmt.Errorf("line %d: field %s not found in a currency (text, short)", k.Line, k.Value)
		}
	}
	return nil
}

type pluralData struct {
	Categories        []string `yaml:"categories"`
	OrdinalCategories []string `yaml:"ordinal_categories"`
	AfterScale        string   `yaml:"after_scale"`
}

type grammarData struct {
	Cases          []string          `yaml:"cases"`
	Genders        []string          `yaml:"genders"`
	AfterNumeral   map[string]string `yaml:"after_numeral"`
	AfterScale     string            `yaml:"after_scale"`
	NumeralNoun    text              `yaml:"numeral_noun"`
	AutoDeclension bool              `yaml:"auto_declension"`
}

type harmonyData struct {
	Back         string                         `yaml:"back"`
	Front        string                         `yaml:"front"`
	FrontMarkers string                         `yaml:"front_markers"`
	Classes      map[string]string              `yaml:"classes"`
	Suffixes     map[string]map[string][]string `yaml:"suffixes"`
	Numerals     numeralsData                   `yaml:"numerals"`
	Joiner       string                         `yaml:"joiner"`
	Spoken       map[string]string              `yaml:"spoken"`
	Lexicon      map[string]map[string]string   `yaml:"lexicon"`
}

type numeralsData struct {
	Units    []string `yaml:"units"`
	Tens     []string `yaml:"tens"`
	Hundred  string   `yaml:"hundred"`
	Thousand string   `yaml:"thousand"`
	Million  string   `yaml:"million"`
	Billion  string   `yaml:"billion"`
	Trillion string   `yaml:"trillion"`
}

type rangesData struct {
	Days   text `yaml:"days"`
	Months text `yaml:"months"`
	Years  text `yaml:"years"`
}

type quotesData struct {
	Open       string `yaml:"open"`
	Close      string `yaml:"close"`
	InnerOpen  string `yaml:"inner_open"`
	InnerClose string `yaml:"inner_close"`
}

type listData struct {
	Sep       string `yaml:"sep"`
	Last      string `yaml:"last"`
	SepComma  string `yaml:"sep_comma"`
	LastComma string `yaml:"last_comma"`
}

type ordinalData struct {
	Rule       string            `yaml:"rule"`
	Standalone string            `yaml:"standalone"`
	WithNoun   text              `yaml:"with_noun"`
	Forms      map[string]string `yaml:"forms"`
	Words      []string          `yaml:"words"`
}

// text is a string with the line it was written on.
type text struct {
	s    string
	line int
}

func (t *text) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind != yaml.ScalarNode {
		return fmt.Errorf("line %d: want a text, not a %s", n.Line, kindName(n))
	}
	t.s, t.line = n.Value, n.Line
	return nil
}

// variants is a word or pattern that may vary: one text for every case,
// or texts by key (a plural category, a gender, a style).
type variants struct {
	all  string
	by   map[string]string
	one  bool // all is set
	line int
}

func (v *variants) UnmarshalYAML(n *yaml.Node) error {
	v.line = n.Line
	switch n.Kind {
	case yaml.ScalarNode:
		v.all, v.one = n.Value, true
		return nil
	case yaml.MappingNode:
		v.by = map[string]string{}
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, val := n.Content[i], n.Content[i+1]
			if val.Kind != yaml.ScalarNode {
				return fmt.Errorf("line %d: %s: want a text, not a %s", val.Line, k.Value, kindName(val))
			}
			v.by[k.Value] = val.Value
		}
		return nil
	}
	return fmt.Errorf("line %d: want a text or a mapping of texts, not a %s", n.Line, kindName(n))
}

func (v variants) set() bool { return v.one || v.by != nil }

// get is the variant for key; a single text serves every key.
func (v variants) get(key string) (string, bool) {
	if v.one {
		return v.all, true
	}
	s, ok := v.by[key]
	return s, ok
}

func (v variants) keys() []string {
	var ks []string
	for k := range v.by {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}

func kindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "mapping"
	case yaml.SequenceNode:
		return "list"
	case yaml.AliasNode:
		return "alias"
	}
	return "text"
}

// parseFile decodes a locale file strictly.
func parseFile(src []byte) (*fileData, error) {
	src = bytes.TrimPrefix(src, []byte("\xef\xbb\xbf"))
	d := yaml.NewDecoder(bytes.NewReader(src))
	d.KnownFields(true)
	var fd fileData
	if err := d.Decode(&fd); err != nil {
		msg := strings.TrimPrefix(err.Error(), "yaml: ")
		msg = strings.TrimPrefix(msg, "unmarshal errors:\n  ")
		return nil, fmt.Errorf("%s", msg)
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(src, &doc); err == nil && len(doc.Content) == 1 {
		fd.line = map[string]int{}
		m := doc.Content[0]
		for i := 0; i+1 < len(m.Content); i += 2 {
			fd.line[m.Content[i].Value] = m.Content[i].Line
		}
	}
	return &fd, nil
}
