package config

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

func TestParse(t *testing.T) {
	c, err := Parse([]byte("title: Central Asia weekly\norganisation: Example Analytics\ndata: mydata\npaper: Letter\nmax: 8\n"), "proj/brief.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if c.Title != "Central Asia weekly" || c.Data != filepath.Join("proj", "mydata") || c.Max != 8 {
		t.Errorf("config = %+v", c)
	}
	if v := c.Values(); v["paper"] != "letter" || v["max"] != "8" || v["data"] != "proj/mydata" {
		t.Errorf("values = %v", v)
	}
	if c.Lines["data"] != 3 {
		t.Errorf("line of data = %d", c.Lines["data"])
	}
}

func TestErrorsNameKeyAndLine(t *testing.T) {
	tests := []struct{ src, want string }{
		{"title: x\ntitel: y\n", `brief.yaml:2: unknown key "titel" (known keys: title, organisation, language, data, out, templates, prompts, format, paper, audience, max, model, base_url, api_key_file, template_time, polish_timeout)`},
		{"paper: a3\n", `brief.yaml:1: paper: "a3": use a4 or letter`},
		{"title: a\naudience: everyone\n", `brief.yaml:2: audience: "everyone": use press or internal`},
		{"format: md,gif\n", `brief.yaml:1: format: "md,gif": use a list of md, pdf, json, png, docx, html`},
		{"max: many\n", `brief.yaml:1: expected a number, got ` + "`many`" + ` into int`},
		{"title: a\ntitle: b\n", `brief.yaml:2: key "title" is given twice (first on line 1)`},
		{"data: [a, b]\n", `brief.yaml:1: data: expected a single value, not a list`},
		{"- a\n- b\n", `brief.yaml:1: expected keys such as title: and data:, not a list`},
		{"title: \"open\n", `brief.yaml:2: found unexpected end of stream`},
		{"base_url: localhost:11434\n", `brief.yaml:1: base_url: "localhost:11434": use an http(s) address such as http://localhost:11434/v1`},
	}
	for _, tc := range tests {
		_, err := Parse([]byte(tc.src), "brief.yaml")
		if err == nil || err.Error() != tc.want {
			t.Errorf("%q:\n got  %v\n want %s", tc.src, err, tc.want)
		}
	}
}

func TestLoadOptionalMissing(t *testing.T) {
	dir := t.TempDir()
	c, err := Load(filepath.Join(dir, "brief.yaml"), true)
	if c != nil || err != nil {
		t.Errorf("optional missing file: %v, %v", c, err)
	}
	_, err = Load(filepath.Join(dir, "brief.yaml"), false)
	if err == nil {
		t.Error("a named config file that is missing must be an error")
	}
	if err := os.WriteFile(filepath.Join(dir, "brief.yaml"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if c, err := Load(filepath.Join(dir, "brief.yaml"), false); err != nil || c == nil {
		t.Errorf("empty file: %v, %v", c, err)
	}
}

// TestLoadSpecialFiles: brief.yaml as a FIFO, a folder or a dangling link
// is an error naming it, even when the file is optional; a FIFO never
// blocks the run.
func TestLoadSpecialFiles(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "fifo.yaml")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skip(err)
	}
	folder := filepath.Join(dir, "folder.yaml")
	os.Mkdir(folder, 0o755)
	link := filepath.Join(dir, "link.yaml")
	os.Symlink(filepath.Join(dir, "gone.yaml"), link)
	for path, want := range map[string]string{
		fifo:   fifo + " is a named pipe (FIFO), not a regular file",
		folder: folder + " is a folder, not a regular file",
		link:   link + " is a symbolic link to " + filepath.Join(dir, "gone.yaml") + ", which does not exist",
	} {
		done := make(chan error, 1)
		go func() { _, err := Load(path, true); done <- err }()
		select {
		case err := <-done:
			if err == nil || !strings.Contains(err.Error(), want) {
				t.Errorf("%s: %v\nwant %s", path, err, want)
			}
		case <-time.After(5 * time.Second):
			t.Fatalf("%s: Load blocked", path)
		}
	}
}

func TestLoadDevNull(t *testing.T) {
	if c, err := Load(os.DevNull, false); err != nil || c == nil {
		t.Errorf("--config %s: %v, %v", os.DevNull, c, err)
	}
}

// TestYAMLShapes: a tab in the indentation and a second document are
// errors at their line, not silently ignored or unlocated.
func TestYAMLShapes(t *testing.T) {
	for src, want := range map[string]string{
		"title: x\nparse:\n\tdata: d\n": "brief.yaml:3: a tab in the indentation: indent YAML with spaces, never tabs",
		"title: x\n---\ntitle: y\n":     "brief.yaml:3: a second YAML document (after ---) is not read: keep one document",
		"\ttitle: x\n":                  "brief.yaml:1: a tab in the indentation: indent YAML with spaces, never tabs",
	} {
		_, err := Parse([]byte(src), "brief.yaml")
		if err == nil || err.Error() != want {
			t.Errorf("%q: %v\nwant %s", src, err, want)
		}
	}
	if c, err := Parse([]byte("---\ntitle: x\n"), "brief.yaml"); err != nil || c.Title != "x" {
		t.Errorf("one document after ---: %+v %v", c, err)
	}
	if c, err := Parse([]byte("title: \"a\tb\"\n"), "brief.yaml"); err != nil || c.Title != "a\tb" {
		t.Errorf("a tab inside a value: %+v %v", c, err)
	}
}

// TestTitleFor: title: as a map gives each language its title (a tag's
// language: ru-RU is ru); a plain title is the project's language's
// (language:, English by default); any other language gets "" (its
// templates' title), never the English one.
func TestTitleFor(t *testing.T) {
	for _, c := range []struct {
		src  string
		want map[string]string
	}{
		{"title: Weekly\n", map[string]string{"en": "Weekly", "en-GB": "Weekly", "ru": "", "kk": ""}},
		{"title: Сводка\nlanguage: ru-RU\n", map[string]string{"ru": "Сводка", "en": ""}},
		{"title: {en: Weekly, ru-RU: Сводка}\n", map[string]string{"en": "Weekly", "ru": "Сводка", "kk": ""}},
		{"", map[string]string{"en": "", "ru": ""}},
	} {
		cfg, err := Parse([]byte(c.src), "brief.yaml")
		if err != nil {
			t.Fatalf("%q: %v", c.src, err)
		}
		for lang, want := range c.want {
			if got := cfg.TitleFor(lang); got != want {
				t.Errorf("%q: TitleFor(%s) = %q, want %q", c.src, lang, got, want)
			}
		}
		if _, ok := cfg.Values()["title"]; ok {
			t.Errorf("%q: Values sets the title flag, which would print one title in every language", c.src)
		}
	}
	for src, want := range map[string]string{
		"title: {en: A, EN: B}\n": `brief.yaml:1: title: the en title is given twice`,
		"title: {en: \"\"}\n":     `brief.yaml:1: title: en: expected the title as one text`,
	} {
		if _, err := Parse([]byte(src), "brief.yaml"); err == nil || err.Error() != want {
			t.Errorf("%q:\n got  %v\n want %s", src, err, want)
		}
	}
}
