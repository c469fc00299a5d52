package userlocale

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func write(t *testing.T, file, text string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(file, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestRegistry(t *testing.T) {
	de, err := os.ReadFile("../locale/testdata/de/de.yaml")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	for _, c := range []struct{ name, templates string }{
		{"no templates folder", ""},
		{"a templates folder without locales/", dir},
	} {
		r, err := Registry(c.templates)
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		if got := r.Supported(); !reflect.DeepEqual(got, []string{"en", "kk", "ru"}) {
			t.Errorf("%s: Supported() = %v", c.name, got)
		}
	}

	write(t, filepath.Join(dir, "locales", "de.yaml"), string(de))
	r, err := Registry(dir)
	if err != nil {
		t.Fatal(err)
	}
	if got := r.Supported(); !reflect.DeepEqual(got, []string{"de", "en", "kk", "ru"}) {
		t.Errorf("Supported() = %v", got)
	}
	l, err := r.Match("de-CH")
	if err != nil {
		t.Fatal(err)
	}
	if got, _ := l.Money(27.8e9, "USD", 1); got != "27,8\u00a0Mrd.\u00a0US-Dollar" {
		t.Errorf("de money = %q", got)
	}
}

func TestRegistryErrors(t *testing.T) {
	dir := t.TempDir()
	shown := filepath.ToSlash(dir)
	for _, c := range []struct {
		name, file, text, want string
	}{
		{"a YAML error", "locales/de.yaml", "tag: de\nnumber:\n  decimal: [\",\"]\n",
			shown + "/locales/de.yaml:3: cannot unmarshal !!seq into string"},
		{"a tag not its file's", "locales/de.yaml", "tag: fr\n",
			shown + `/locales/de.yaml:1: tag: "fr" does not match the file name: name the file fr.yaml`},
		{"a shipped language", "locales/ru.yaml", "tag: ru\n",
			shown + "/locales/ru.yaml: ru is a shipped language (en, kk, ru), which a file cannot replace"},
		{"locales/ a file", "locales", "x",
			shown + "/locales: is a file"},
	} {
		t.Run(c.name, func(t *testing.T) {
			os.RemoveAll(filepath.Join(dir, "locales"))
			write(t, filepath.Join(dir, filepath.FromSlash(c.file)), c.text)
			_, err := Registry(dir)
			if err == nil || !strings.HasPrefix(err.Error(), c.want) {
				t.Errorf("error = %v\nwant it to start %q", err, c.want)
			}
		})
	}
}

func TestLocated(t *testing.T) {
	for in, want := range map[string]string{
		"t/locales/de.yaml: line 8: cannot unmarshal": "t/locales/de.yaml:8: cannot unmarshal",
		"t/locales/de.yaml:8: number.decimal: empty":  "t/locales/de.yaml:8: number.decimal: empty",
		"t/locales: no locale files (*.yaml)":         "t/locales: no locale files (*.yaml)",
	} {
		if got := located(in); got != want {
			t.Errorf("located(%q) = %q, want %q", in, got, want)
		}
	}
}
