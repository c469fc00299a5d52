package locale

import (
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"
	"sync"

	"golang.org/x/text/language"
)

//go:embed data/*.yaml
var embedded embed.FS

// Locale is one language's words and conventions, read from its file.
// Its methods are safe for concurrent use.
type Locale struct {
	id   string // "ru": the tag as written in the file
	tag  language.Tag
	file string
	d    *fileData

	cases      []string
	categories []string
}

// ID is the locale's tag as its file writes it: "en", "ru", "kk".
func (l *Locale) ID() string { return l.id }

// Tag is the locale's BCP 47 tag.
func (l *Locale) Tag() language.Tag { return l.tag }

// Name is the language's English name ("Russian"); Native its own
// ("русский").
func (l *Locale) Name() string   { return l.d.Name }
func (l *Locale) Native() string { return l.d.Native }

func (l *Locale) String() string { return l.id }

// Cases are the grammatical cases the locale's nouns are given in, the
// nominative first: ru nom gen dat acc ins prep; kk nom gen dat acc loc
// abl ins; en nom.
func (l *Locale) Cases() []Case {
	out := make([]Case, len(l.cases))
	for i, c := range l.cases {
		out[i] = Case(c)
	}
	return out
}

// Registry is a set of locales to choose from by language tag.
type Registry struct {
	byID    map[string]*Locale
	ids     []string // sorted
	matcher language.Matcher
	tags    []language.Tag // in ids order
}

var defaultRegistry = sync.OnceValues(func() (*Registry, error) {
	return Load(embedded, "data")
})

// Default is the registry of the locales shipped in data/: en, kk, ru.
func Default() (*Registry, error) { return defaultRegistry() }

// Load reads every *.yaml file of dir in fsys as a locale: a language is
// added by a file alone. Errors name the file and line.
func Load(fsys fs.FS, dir string) (*Registry, error) {
	r := &Registry{byID: map[string]*Locale{}}
	if err := r.add(fsys, dir); err != nil {
		return nil, err
	}
	return r, nil
}

// Extend is r with the locales of dir in fsys added (a user's own
// language). A language r has already is an error: a file never quietly
// replaces a shipped locale.
func (r *Registry) Extend(fsys fs.FS, dir string) (*Registry, error) {
	n := &Registry{byID: map[string]*Locale{}}
	for id, l := range r.byID {
		n.byID[id] = l
	}
	if err := n.add(fsys, dir); err != nil {
		return nil, err
	}
	return n, nil
}

func (r *Registry) add(fsys fs.FS, dir string) error {
	names, err := fs.Glob(fsys, path.Join(dir, "*.yaml"))
	if err != nil {
		return err
	}
	if len(names) == 0 {
		return fmt.Errorf("%s: no locale files (*.yaml)", dir)
	}
	for _, name := range names {
		src, err := fs.ReadFile(fsys, name)
		if err != nil {
			return err
		}
		l, err := Parse(name, src)
		if err != nil {
			return err
		}
		if old := r.byID[l.id]; old != nil {
			return fmt.Errorf("%s: language %s is already given by %s", name, l.id, old.file)
		}
		r.byID[l.id] = l
	}
	r.ids = r.ids[:0]
	for id := range r.byID {
		r.ids = append(r.ids, id)
	}
	sort.Strings(r.ids)
	r.tags = r.tags[:0]
	for _, id := range r.ids {
		r.tags = append(r.tags, r.byID[id].tag)
	}
	r.matcher = language.NewMatcher(r.tags)
	return nil
}

// Parse reads one locale file; file is the name errors give it, and its
// base name must be the file's tag ("ru.yaml" for tag: ru).
func Parse(file string, src []byte) (*Locale, error) {
	fd, err := parseFile(src)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", file, err)
	}
	l := &Locale{id: fd.Tag, file: file, d: fd}
	if err := l.validate(); err != nil {
		return nil, err
	}
	return l, nil
}

// Supported lists the registry's locale ids, sorted: "en", "kk", "ru".
func (r *Registry) Supported() []string { return append([]string(nil), r.ids...) }

// Locales are the registry's locales in the order of Supported.
func (r *Registry) Locales() []*Locale {
	out := make([]*Locale, len(r.ids))
	for i, id := range r.ids {
		out[i] = r.byID[id]
	}
	return out
}

// Get is the locale of exactly id ("ru"), as Supported lists it.
func (r *Registry) Get(id string) (*Locale, bool) {
	l, ok := r.byID[id]
	return l, ok
}

// UnsupportedError is a language tag no locale of the registry serves.
type UnsupportedError struct {
	Tag       string
	Reason    string // why, when the tag is close to one ("written in Cyrillic")
	Supported []string
}

func (e *UnsupportedError) Error() string {
	msg := fmt.Sprintf("language %q is not supported", e.Tag)
	if e.Reason != "" {
		msg += " (" + e.Reason + ")"
	}
	return msg + "; supported: " + strings.Join(e.Supported, ", ")
}

// Match finds the locale for a BCP 47 tag: "ru-RU" and "ru" give ru,
// "kk-KZ" kk, "en-GB" en. Only a locale of the tag's own language
// matches: Belarusian or Kyrgyz readers may read Russian, but a brief
// asked for in "be" is not quietly written in Russian. A tag in another
// script than the locale's ("kk-Latn") does not match either. The error
// (an *UnsupportedError) lists the supported languages.
func (r *Registry) Match(tag string) (*Locale, error) {
	s := strings.TrimSpace(tag)
	t, err := language.Parse(s)
	if err != nil || s == "" {
		return nil, &UnsupportedError{Tag: tag, Reason: "not a BCP 47 language tag such as ru, kk-KZ or en-GB", Supported: r.ids}
	}
	_, i, conf := r.matcher.Match(t)
	base, _ := t.Base()
	if conf != language.No {
		l := r.byID[r.ids[i]]
		if lb, _ := l.tag.Base(); lb == base {
			return l, nil
		}
	}
	for _, id := range r.ids {
		l := r.byID[id]
		if lb, _ := l.tag.Base(); lb == base {
			ls, _ := l.tag.Script()
			return nil, &UnsupportedError{Tag: tag, Reason: fmt.Sprintf("the %s locale is written in %s script", id, ls), Supported: r.ids}
		}
	}
	return nil, &UnsupportedError{Tag: tag, Supported: r.ids}
}

// ParseList reads a comma-separated list of tags ("ru,kk,en", spaces
// allowed) into locales, in its order. An empty item, an unsupported tag
// or two tags of one locale ("ru,ru-RU") are errors.
func (r *Registry) ParseList(list string) ([]*Locale, error) {
	var out []*Locale
	seen := map[string]string{}
	for _, item := range strings.Split(list, ",") {
		item = strings.TrimSpace(item)
		if item == "" {
			return nil, fmt.Errorf("language list %q has an empty item; write tags separated by commas, e.g. ru,kk,en", list)
		}
		l, err := r.Match(item)
		if err != nil {
			return nil, err
		}
		if prev, dup := seen[l.id]; dup {
			return nil, fmt.Errorf("language list %q names %s twice (%s and %s)", list, l.id, prev, item)
		}
		seen[l.id] = item
		out = append(out, l)
	}
	return out, nil
}

// ErrNoSuchPhrase is wrapped by Phrase for a key the locale lacks.
var ErrNoSuchPhrase = errors.New("no such phrase")

// Phrase is a phrase of the locale by key ("chart.source"), with its
// placeholders filled from pairs of name and value. A key the locale
// lacks is an error naming the file, never an English fallback.
func (l *Locale) Phrase(key string, kv ...string) (string, error) {
	p, ok := l.d.Phrases[key]
	if !ok {
		return "", fmt.Errorf("%s: phrase %q: %w; add it to the phrases section", l.file, key, ErrNoSuchPhrase)
	}
	if len(kv) == 0 {
		return p, nil
	}
	ps, err := placeholders(p)
	if err != nil {
		return "", fmt.Errorf("%s: phrase %q: %v", l.file, key, err)
	}
	for _, ph := range ps {
		found := false
		for i := 0; i+1 < len(kv); i += 2 {
			found = found || kv[i] == ph.name
		}
		if !found {
			return "", fmt.Errorf("%s: phrase %q needs a value for {%s}", l.file, key, ph.name)
		}
	}
	return fill(p, kv...), nil
}

// PhraseKeys lists the locale's phrase keys, sorted.
func (l *Locale) PhraseKeys() []string {
	var ks []string
	for k := range l.d.Phrases {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}

func sortStrings(s []string) { sort.Strings(s) }

// PluralCategories are the CLDR plural categories the locale's words
// are given in, in its file's order: ru one few many other; kk and en
// one other.
func (l *Locale) PluralCategories() []string { return append([]string(nil), l.categories...) }

// English is the shipped English locale, the language of a brief or
// chart that names none. The embedded files are checked by this
// package's tests, so a failure to load them is a build fault.
var English = sync.OnceValue(func() *Locale {
	r, err := Default()
	if err != nil {
		panic(fmt.Sprintf("the embedded locales do not load: %v", err))
	}
	l, ok := r.Get("en")
	if !ok {
		panic("the embedded locales have no en")
	}
	return l
})
