// Package config reads brief.yaml, a project's settings; command-line
// flags win over it.
package config

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/briefhq/brief/internal/inputfile"
)

// FileName is the config file looked for in the current folder.
const FileName = "brief.yaml"

// Config is brief.yaml. Paths are relative to the file's folder.
type Config struct {
	// Title is a plain title: (the title in the project's language,
	// English unless language: says another); Titles is title: given as
	// a map by language, {en: …, ru: …, kk: …}. TitleFor picks one.
	Title        string            `yaml:"title"`
	Titles       map[string]string `yaml:"-"`
	Organisation string            `yaml:"organisation"`
	Language     string            `yaml:"language"`
	Data         string            `yaml:"data"`
	Out          string            `yaml:"out"`
	Templates    string            `yaml:"templates"`
	Prompts      string            `yaml:"prompts"`
	Format       string            `yaml:"format"`
	Paper        string            `yaml:"paper"`
	Audience     string            `yaml:"audience"`
	Max          int               `yaml:"max"`
	Model        string            `yaml:"model"`
	BaseURL      string            `yaml:"base_url"`
	// TemplateTime is the templates' run-time budget per brief, as a
	// duration ("5s").
	TemplateTime string `yaml:"template_time"`
	// PolishTimeout bounds the whole LLM polish of one brief, as a
	// duration ("60s"): past it, every unfinished section keeps its draft.
	PolishTimeout string `yaml:"polish_timeout"`
	// APIKeyFile names a file holding the API key, so the key itself
	// never sits in the config.
	APIKeyFile string `yaml:"api_key_file"`

	// File is the config's path as given; Lines maps each key to its line.
	File  string         `yaml:"-"`
	Lines map[string]int `yaml:"-"`
}

// Keys lists the keys of brief.yaml, for messages and docs.
func Keys() []string {
	return []string{"title", "organisation", "language", "data", "out", "templates", "prompts", "format", "paper", "audience", "max", "model", "base_url", "api_key_file", "template_time", "polish_timeout"}
}

// Error is a problem in the config file, located at a key.
type Error struct {
	File string
	Line int
	Msg  string
}

func (e *Error) Error() string {
	if e.Line > 0 {
		return e.File + ":" + strconv.Itoa(e.Line) + ": " + e.Msg
	}
	return e.File + ": " + e.Msg
}

// MaxSize bounds the config file.
const MaxSize = 1 << 20

// Load reads path. A missing file gives (nil, nil) when optional is set,
// so a project without brief.yaml just uses the defaults.
func Load(path string, optional bool) (*Config, error) {
	if path == os.DevNull {
		// --config /dev/null: the usual way to say "no config file".
		return Parse(nil, path)
	}
	b, err := inputfile.ReadFile(path, MaxSize)
	if err != nil {
		if optional && inputfile.Absent(err) {
			return nil, nil
		}
		var big *inputfile.TooLargeError
		if errors.As(err, &big) {
			return nil, &Error{File: path, Msg: fmt.Sprintf("larger than %d KB: is this the right file?", MaxSize>>10)}
		}
		if pe, ok := err.(*fs.PathError); ok {
			return nil, &Error{File: path, Msg: "cannot read: " + pe.Err.Error()}
		}
		return nil, err // names the file and says what stands there
	}
	return Parse(b, path)
}

// Parse reads the content of a config file named file.
func Parse(b []byte, file string) (*Config, error) {
	if len(b) > MaxSize {
		return nil, &Error{File: file, Msg: fmt.Sprintf("larger than %d KB: is this the right file?", MaxSize>>10)}
	}
	c := &Config{File: file, Lines: map[string]int{}}
	for i, line := range strings.Split(string(b), "\n") {
		if indent := len(line) - len(strings.TrimLeft(line, " \t")); strings.Contains(line[:indent], "\t") {
			return nil, &Error{File: file, Line: i + 1, Msg: "a tab in the indentation: indent YAML with spaces, never tabs"}
		}
	}
	var root yaml.Node
	dec := yaml.NewDecoder(bytes.NewReader(b))
	if err := dec.Decode(&root); err != nil && err != io.EOF {
		return nil, yamlErr(err, file)
	}
	var next yaml.Node
	if err := dec.Decode(&next); err == nil {
		line := next.Line
		if len(next.Content) > 0 {
			line = next.Content[0].Line
		}
		return nil, &Error{File: file, Line: line, Msg: "a second YAML document (after ---) is not read: keep one document"}
	}
	if len(root.Content) == 0 {
		return c, nil // an empty file is a valid, empty config
	}
	doc := root.Content[0]
	if doc.Kind != yaml.MappingNode {
		return nil, &Error{File: file, Line: doc.Line, Msg: "expected keys such as title: and data:, not a " + kindName(doc)}
	}
	known := map[string]bool{}
	for _, k := range Keys() {
		known[k] = true
	}
	for i := 0; i+1 < len(doc.Content); i += 2 {
		k, v := doc.Content[i], doc.Content[i+1]
		if !known[k.Value] {
			return nil, &Error{File: file, Line: k.Line, Msg: fmt.Sprintf("unknown key %q (known keys: %s)", k.Value, strings.Join(Keys(), ", "))}
		}
		if _, dup := c.Lines[k.Value]; dup {
			return nil, &Error{File: file, Line: k.Line, Msg: fmt.Sprintf("key %q is given twice (first on line %d)", k.Value, c.Lines[k.Value])}
		}
		c.Lines[k.Value] = k.Line
		if k.Value == "title" && v.Kind == yaml.MappingNode {
			titles, err := titlesOf(v, file)
			if err != nil {
				return nil, err
			}
			c.Titles = titles
			// The map is read; the rest of the file decodes as before.
			*v = yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Line: v.Line, Column: v.Column}
			continue
		}
		if v.Kind != yaml.ScalarNode {
			return nil, &Error{File: file, Line: v.Line, Msg: fmt.Sprintf("%s: expected a single value, not a %s", k.Value, kindName(v))}
		}
	}
	if err := doc.Decode(c); err != nil {
		return nil, yamlErr(err, file)
	}
	if err := c.check(); err != nil {
		return nil, err
	}
	c.resolvePaths()
	return c, nil
}

// langKey is a language tag as a key of title: (en, ru, kk, de, ru-RU).
var langKey = regexp.MustCompile(`^[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8})*$`)

// titlesOf reads title: {en: …, ru: …}: each key a language tag, each
// value one non-empty text; keyed by the tag's language (ru-RU is ru).
func titlesOf(n *yaml.Node, file string) (map[string]string, error) {
	m := map[string]string{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if !langKey.MatchString(k.Value) {
			return nil, &Error{File: file, Line: k.Line, Msg: fmt.Sprintf("title: %q is no language tag: give the title per language, as title: {en: Weekly brief, ru: Еженедельный обзор}", k.Value)}
		}
		lang := baseLang(k.Value)
		if _, dup := m[lang]; dup {
			return nil, &Error{File: file, Line: k.Line, Msg: fmt.Sprintf("title: the %s title is given twice", lang)}
		}
		if v.Kind != yaml.ScalarNode || strings.TrimSpace(v.Value) == "" {
			return nil, &Error{File: file, Line: v.Line, Msg: fmt.Sprintf("title: %s: expected the title as one text", k.Value)}
		}
		m[lang] = v.Value
	}
	return m, nil
}

// baseLang is a tag's language: "ru-RU" and "RU" are "ru".
func baseLang(tag string) string {
	tag = strings.ToLower(strings.TrimSpace(tag))
	if i := strings.IndexAny(tag, "-_"); i >= 0 {
		tag = tag[:i]
	}
	return tag
}

// TitleFor is the brief's title in a language (a tag: "ru", "ru-RU"):
// its entry of title: {en: …, ru: …}, or a plain title: when the
// language is the project's (the first of language:, English when it is
// not set); "" when brief.yaml gives no title in that language, so that
// the language's templates give theirs ("Еженедельный обзор"), never
// the English one.
func (c *Config) TitleFor(lang string) string {
	if c == nil {
		return ""
	}
	lang = baseLang(lang)
	if c.Titles != nil {
		return c.Titles[lang]
	}
	project := "en"
	if first, _, _ := strings.Cut(c.Language, ","); strings.TrimSpace(first) != "" {
		project = baseLang(first)
	}
	if lang == project {
		return c.Title
	}
	return ""
}

func (c *Config) at(key, msg string) error {
	return &Error{File: c.File, Line: c.Lines[key], Msg: key + ": " + msg}
}

func (c *Config) check() error {
	switch strings.ToLower(c.Paper) {
	case "", "a4", "letter":
	default:
		return c.at("paper", fmt.Sprintf("%q: use a4 or letter", c.Paper))
	}
	switch c.Audience {
	case "", "press", "internal":
	default:
		return c.at("audience", fmt.Sprintf("%q: use press or internal", c.Audience))
	}
	for _, f := range strings.Split(c.Format, ",") {
		switch strings.TrimSpace(strings.ToLower(f)) {
		case "", "md", "markdown", "pdf", "json", "png", "docx", "word", "html": // as report.ParseFormats
		default:
			return c.at("format", fmt.Sprintf("%q: use a list of md, pdf, json, png, docx, html", c.Format))
		}
	}
	if c.Max < 0 {
		return c.at("max", "must be a positive number")
	}
	if c.BaseURL != "" && !strings.HasPrefix(c.BaseURL, "http://") && !strings.HasPrefix(c.BaseURL, "https://") {
		return c.at("base_url", fmt.Sprintf("%q: use an http(s) address such as http://localhost:11434/v1", c.BaseURL))
	}
	return nil
}

// resolvePaths makes relative paths relative to the config's folder, so a
// project works from wherever it is run with --config.
func (c *Config) resolvePaths() {
	dir := filepath.Dir(c.File)
	for _, p := range []*string{&c.Data, &c.Out, &c.Templates, &c.Prompts, &c.APIKeyFile} {
		if *p != "" && !filepath.IsAbs(*p) && dir != "." {
			*p = filepath.Join(dir, *p)
		}
	}
}

// Values maps each set key to its value as a flag would take it; the
// title, which may differ by language, is TitleFor's.
func (c *Config) Values() map[string]string {
	m := map[string]string{}
	set := func(k, v string) {
		if v != "" {
			m[k] = v
		}
	}
	set("organisation", c.Organisation)
	set("language", c.Language)
	set("data", c.Data)
	set("out", c.Out)
	set("templates", c.Templates)
	set("prompts", c.Prompts)
	set("format", c.Format)
	set("paper", strings.ToLower(c.Paper))
	set("audience", c.Audience)
	if c.Max > 0 {
		m["max"] = strconv.Itoa(c.Max)
	}
	set("model", c.Model)
	set("base_url", c.BaseURL)
	set("api_key_file", c.APIKeyFile)
	set("template_time", c.TemplateTime)
	set("polish_timeout", c.PolishTimeout)
	return m
}

// SortedKeys returns the keys of m in order, for stable messages.
func SortedKeys(m map[string]string) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}

func kindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.SequenceNode:
		return "list"
	case yaml.MappingNode:
		return "map"
	}
	return "value"
}

func yamlErr(err error, file string) error {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	msg = strings.TrimPrefix(msg, "unmarshal errors:\n")
	msg = strings.TrimSpace(strings.SplitN(msg, "\n", 2)[0])
	e := &Error{File: file, Msg: msg}
	if strings.HasPrefix(msg, "line ") {
		if i := strings.Index(msg, ":"); i > 5 {
			if n, err := strconv.Atoi(msg[5:i]); err == nil {
				e.Line, e.Msg = n, strings.TrimSpace(msg[i+1:])
			}
		}
	}
	e.Msg = strings.ReplaceAll(e.Msg, "cannot unmarshal !!str", "expected a number, got")
	return e
}
