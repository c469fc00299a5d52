package narrative

import (
	"bytes"
	"fmt"
	"io/fs"
	"path"
	"strings"
	"unicode"

	"go.yaml.in/yaml/v3"

	"github.com/briefhq/brief/internal/dataset"
)

// Words are the words of a language that the engine needs as data rather
// than in a template: which names take an article, which words are
// acronyms, which verbs report what a person said and which words carry
// no meaning of their own. They live beside the shared templates
// (_shared/words.yaml), so that a language is a folder of templates and
// words, not Go code.
type Words struct {
	// Article is put before a name that takes one ("the").
	Article string `yaml:"article"`
	// The lists names that take the article ("Russian Federation");
	// TheFirst and TheLast the first and last words that make a name take
	// it ("United ...", "... Republic", "... Islands").
	The      []string `yaml:"the"`
	TheFirst []string `yaml:"the_first"`
	TheLast  []string `yaml:"the_last"`
	// PluralLast are the last words that make a name take a plural verb
	// ("the Cayman Islands are").
	PluralLast []string `yaml:"plural_last"`
	// Acronyms stay in capitals in a sentence ("GDP", never "gdp").
	Acronyms []string `yaml:"acronyms"`
	// Speech are the verbs that report what a person said: an event
	// whose summary uses one is an attributed statement, quoted as
	// written.
	Speech []string `yaml:"speech"`
	// Filler are words that say nothing of a figure on their own (a
	// note made of them and of the indicator's own words adds nothing).
	Filler []string `yaml:"filler"`
	// Uncountable are sign words said without an article: "deflation of
	// 3.3%", where a countable one takes it ("a deficit of €80 million").
	Uncountable []string `yaml:"uncountable"`
	// QuotedIn are the words that name, in a source, the publication a
	// statement is quoted from ("Dauren Abayev, …, as quoted in X"):
	// what follows the last of them is the publication.
	QuotedIn []string `yaml:"quoted_in"`
	// Attribution are the words that open a sentence by its source
	// ("According to the article, …"): a key message says the claim
	// first and its source after it (Event.KeyLine).
	Attribution []string `yaml:"attribution"`
	// PressAttribution replaces, in a press point, an attribution to a
	// document the audience does not have ("according to the article"):
	// "according to reports".
	PressAttribution string `yaml:"press_attribution"`
	// Present maps a catalog verb in the past to the present, for a
	// figure as it stands in its current month (Row.Tense): "had" ->
	// "has".
	Present map[string]string `yaml:"present"`

	the, first, last, speech, filler, plurals, uncountable map[string]bool
	acronyms                                               map[string]string // lower case -> as written
}

// WordsFile is where a templates folder keeps its words.
const WordsFile = "_shared/words.yaml"

// loadWords reads the words of a templates folder: _shared/words.yaml
// beside the kind's folder, else the built-in one. Unknown keys are an
// error, as in every file the user may write.
func loadWords(fsys fs.FS, name, shown string) (*Words, []byte, error) {
	b, err := readTemplate(fsys, name)
	if err != nil {
		return nil, nil, errorf(shown, "cannot read: %v", unwrapPath(err))
	}
	w := &Words{}
	dec := yaml.NewDecoder(bytes.NewReader(b))
	dec.KnownFields(true)
	if err := dec.Decode(w); err != nil {
		return nil, nil, errorf(shown, "%s", strings.TrimPrefix(err.Error(), "yaml: "))
	}
	w.index()
	return w, b, nil
}

func (w *Words) index() {
	set := func(list []string, fold bool) map[string]bool {
		m := make(map[string]bool, len(list))
		for _, s := range list {
			if fold {
				s = strings.ToLower(s)
			}
			m[s] = true
		}
		return m
	}
	w.the, w.first, w.last = set(w.The, false), set(w.TheFirst, false), set(w.TheLast, false)
	w.speech, w.filler = set(w.Speech, true), set(w.Filler, true)
	w.plurals = set(w.PluralLast, false)
	w.uncountable = set(w.Uncountable, true)
	w.acronyms = make(map[string]string, len(w.Acronyms))
	for _, a := range w.Acronyms {
		w.acronyms[strings.ToLower(a)] = a
	}
}

// noWords is the empty word list: names as given, no article.
var noWords = func() *Words { w := &Words{}; w.index(); return w }()

// ref is how a name is said in a sentence: with the article when the
// name takes one ("the Russian Federation"), else as given.
func (w *Words) ref(name string) string {
	if w == nil || w.Article == "" || name == "" {
		return name
	}
	words := strings.Fields(name)
	if len(words) == 0 || strings.EqualFold(words[0], w.Article) || strings.Contains(name, ",") {
		return name // "Korea, Rep." is said as written
	}
	if w.the[name] || w.first[words[0]] || (len(words) > 1 && w.last[strings.TrimRight(words[len(words)-1], ".,")]) {
		return w.Article + " " + name
	}
	return name
}

// plural reports whether a name takes a plural verb: its last word is
// one of plural_last ("Cayman Islands"); a name written back to front
// with a comma is left singular.
func (w *Words) plural(name string) bool {
	words := strings.Fields(name)
	if w == nil || len(words) < 2 || strings.Contains(name, ",") {
		return false
	}
	return w.plurals[strings.TrimRight(words[len(words)-1], ".")]
}

// phrase is a name said mid-sentence: its first letter lowered unless it
// opens with an acronym or a proper name in capitals, and every acronym
// of the word list in capitals ("gdp per capita" -> "GDP per capita").
func (w *Words) phrase(name string) string {
	return w.acronymsUp(lowerFirst(name))
}

// acronymsUp writes the word list's acronyms in capitals.
func (w *Words) acronymsUp(s string) string {
	if w == nil || len(w.acronyms) == 0 {
		return s
	}
	var b strings.Builder
	start := -1
	flush := func(end int) {
		if start < 0 {
			return
		}
		word := s[start:end]
		if a, ok := w.acronyms[strings.ToLower(word)]; ok {
			word = a
		}
		b.WriteString(word)
		start = -1
	}
	for i, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if start < 0 {
				start = i
			}
			continue
		}
		flush(i)
		b.WriteRune(r)
	}
	flush(len(s))
	return b.String()
}

// quotes reports whether an event's summary reports what someone said.
func (w *Words) quotes(summary string) bool {
	if w == nil {
		return false
	}
	for _, f := range strings.FieldsFunc(strings.ToLower(summary), func(r rune) bool { return !unicode.IsLetter(r) }) {
		if w.speech[f] {
			return true
		}
	}
	return false
}

// readWords is LoadKind's reading of the words file: the folder's own,
// else the built-in one.
func readWords(fsys fs.FS, dir, display string, builtin fs.FS) (*Words, string, []byte, error) {
	name := path.Join(path.Dir(dir), WordsFile)
	if _, err := fs.Stat(fsys, name); err == nil {
		w, b, err := loadWords(fsys, name, path.Join(path.Dir(display), WordsFile))
		return w, WordsFile, b, err
	}
	w, b, err := loadWords(builtin, WordsFile, "templates/"+WordsFile)
	if err != nil {
		return nil, "", nil, fmt.Errorf("built-in words: %w", err)
	}
	return w, WordsFile, b, nil
}

// displayName is an indicator's name on the page: the catalog's, or,
// when the data name it only by its id ("trade_turnover", "gdp"), the id
// in words with its acronyms in capitals ("Trade turnover", "GDP").
func displayName(in dataset.Indicator, w *Words) string {
	if in.Name != in.ID || in.Name == "" {
		return in.Name
	}
	return w.acronymsUp(upperFirst(strings.Join(strings.FieldsFunc(in.ID, func(r rune) bool { return r == '_' || r == '-' }), " ")))
}

// nounOne is the singular of a catalog noun given only in the plural:
// its last word made singular when English makes it so regularly
// ("confirmed COVID-19 cases" -> "confirmed COVID-19 case", "people" ->
// "person"); "" when it cannot tell ("series", "data"), so that "1" is
// then said with the plural as before rather than with a wrong singular.
func nounOne(plural, one string) string {
	if one != "" || plural == "" {
		return one
	}
	i := strings.LastIndexByte(plural, ' ') + 1
	head, w := plural[:i], plural[i:]
	lw := strings.ToLower(w)
	switch {
	case lw == "people":
		return head + w[:len(w)-len("people")] + en("noun.person")
	case lw == "series" || lw == "species" || lw == "news" || lw == "data":
		return ""
	case lw == "buses" || lw == "gases":
		return head + w[:len(w)-2]
	case strings.HasSuffix(lw, "ies") && len(lw) > 4:
		return head + w[:len(w)-3] + "y"
	case strings.HasSuffix(lw, "sses") || strings.HasSuffix(lw, "ches") || strings.HasSuffix(lw, "shes") || strings.HasSuffix(lw, "xes"):
		return head + w[:len(w)-2]
	case strings.HasSuffix(lw, "s") && !strings.HasSuffix(lw, "ss") && !strings.HasSuffix(lw, "us") && !strings.HasSuffix(lw, "is") && len(lw) > 2:
		return head + w[:len(w)-1]
	}
	return ""
}

// publication is the work a source names: a statement's speaker "as
// quoted in X" comes from X; another source is itself.
func (w *Words) publication(source string) string {
	if w == nil {
		return source
	}
	best := -1
	var marker string
	for _, q := range w.QuotedIn {
		if i := strings.LastIndex(source, q); i > best {
			best, marker = i, q
		}
	}
	if best < 0 {
		return source
	}
	return strings.TrimSpace(strings.TrimLeft(source[best+len(marker):], ":"))
}

// reattribute turns a sentence that opens with its source ("According to
// the article, Rosatom is on the shortlist …") into one that says the
// claim first and the source after it ("Rosatom is on the shortlist …,
// according to the article."), for a key message that sums up what the
// list below tells; any other sentence is returned as it is. With press
// set, a source named by a definite reference the audience does not
// have ("the article") is said as PressAttribution ("according to
// reports").
func (w *Words) reattribute(line string, press bool) string {
	if w == nil {
		return line
	}
	for _, a := range w.Attribution {
		if len(line) <= len(a) || !strings.EqualFold(line[:len(a)], a) {
			continue
		}
		comma := strings.Index(line, ", ")
		if comma < 0 {
			return line
		}
		claim := strings.TrimSuffix(strings.TrimSpace(line[comma+2:]), ".")
		if len(strings.Fields(claim)) < 4 {
			return line
		}
		source := lowerFirst(line[:comma])
		if press && w.PressAttribution != "" && w.Article != "" && strings.HasPrefix(strings.TrimSpace(line[len(a):comma]), w.Article+" ") {
			source = w.PressAttribution
		}
		return upperFirst(claim) + ", " + source + "."
	}
	return line
}
