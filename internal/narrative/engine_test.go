package narrative

import (
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/briefhq/brief/internal/dataset"
	"github.com/briefhq/brief/internal/facts"
	"github.com/briefhq/brief/internal/period"
)

// tiny is a dataset built in code: two entities, one indicator with two
// years, one event.
func tiny() *dataset.Dataset {
	rel := time.Date(2025, 2, 3, 0, 0, 0, 0, time.UTC)
	obs := func(ent string, p string, v float64, line int) dataset.Observation {
		return dataset.Observation{
			Indicator: "exports", Entity: ent, Period: period.MustParse(p), Value: v, Unit: "USD",
			Released: rel, Source: "Stats Office", SourceURL: "https://stats.example/exports",
			Status: dataset.Actual, Pos: dataset.Pos{File: "data/observations.csv", Line: line},
		}
	}
	return &dataset.Dataset{
		Observations: []dataset.Observation{
			obs("A", "2023", 2e9, 2), obs("A", "2024", 2.5e9, 3), obs("B", "2024", 1e9, 4),
		},
		Indicators: []dataset.Indicator{{ID: "exports", Name: "Exports", Topic: "trade", Unit: "USD", Decimals: 1}},
		Entities: []dataset.Entity{
			{ID: "A", Names: map[string]string{"": "Alphaland"}, Groups: []string{"region"}},
			{ID: "B", Names: map[string]string{"": "Betaland"}, Groups: []string{"region"}},
		},
		Topics: []dataset.Topic{{ID: "trade", Name: "Trade"}},
		Events: []dataset.Event{{
			Date: period.MustParse("2025-02-04"), Topic: "trade", Entities: []string{"A"}, Title: "Fair opens",
			Summary: "A trade fair opened", Source: "Fair office", Pos: dataset.Pos{File: "data/events.csv", Line: 2},
		}},
		HasIndicatorCatalog: true, HasEntityCatalog: true,
	}
}

func tinyBrief(t testing.TB) *Brief {
	t.Helper()
	ds := tiny()
	w := period.MustParse("2025-W06")
	set := facts.Derive(ds, facts.Options{AsOf: w.End, WeekStart: w.Start})
	return Build(ds, set, BuildOptions{Title: "Test brief", Week: w, Generated: time.Date(2025, 2, 10, 0, 0, 0, 0, time.UTC)})
}

func kindFrom(t testing.TB, files map[string]string) (*Kind, error) {
	t.Helper()
	fsys := fstest.MapFS{}
	for name, src := range files {
		fsys["k/"+name] = &fstest.MapFile{Data: []byte(src)}
	}
	return LoadKind(fsys, "k", "templates/k")
}

const oneSection = "title: T\nsections:\n  - id: main\n    template: main.tmpl\n"

func TestParseErrorsNameFileAndLine(t *testing.T) {
	tests := []struct {
		name, manifest, tmpl, want string
	}{
		{"unknown function", oneSection, "line one\n{{ nosuch 1 }}\n", `templates/k/main.tmpl:2: function "nosuch" not defined`},
		{"unclosed action", oneSection, "{{ if .Brief }}\nopen\n", `templates/k/main.tmpl:3: unexpected EOF`},
		{"env removed", oneSection, "{{ env \"HOME\" }}", `templates/k/main.tmpl:1: function "env" not defined`},
		{"empty manifest", "# nothing yet\n", "x", `templates/k/manifest.yaml: the manifest is empty: it needs title: and sections: (see templates/weekly/manifest.yaml)`},
		{"manifest unknown key", "title: T\nsectoins: []\n", "x", `templates/k/manifest.yaml:2: field sectoins not found in type narrative.Manifest (keys: title, sections: [id, template, each, topics])`},
		{"missing template", "title: T\nsections:\n  - id: main\n    template: nope.tmpl\n", "x", `templates/k/manifest.yaml:3: section "main": template "nope.tmpl" not found in templates/k`},
		{"bad each", "title: T\nsections:\n  - id: main\n    template: main.tmpl\n    each: entity\n", "x", `templates/k/manifest.yaml:3: section "main": each: "entity" is not supported; use each: topic`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := kindFrom(t, map[string]string{"manifest.yaml": tc.manifest, "main.tmpl": tc.tmpl})
			if err == nil || err.Error() != tc.want {
				t.Fatalf("got  %v\nwant %s", err, tc.want)
			}
			if _, ok := err.(*TemplateError); !ok {
				t.Errorf("error type %T, want *TemplateError", err)
			}
		})
	}
}

func TestExecErrorsNameFileLineAndColumn(t *testing.T) {
	tests := []struct {
		name, tmpl, want string
	}{
		{"misspelled field", "ok\n  {{ .Brief.Titel }}", `templates/k/main.tmpl:2:11: at <.Brief.Titel>: can't evaluate field Titel in type *narrative.Brief`},
		{"index past end", "{{ index .Brief.Topics 5 }}", `templates/k/main.tmpl:1:3: at <index .Brief.Topics 5>: error calling index: index out of range: 5`},
		{"map missing key", "{{ $m := dict \"a\" 1 }}{{ $m.b }}", `templates/k/main.tmpl:1:27: at <$m.b>: no such key "b"`},
		{"cite wrong type", "{{ cite .Brief.Title }}", `templates/k/main.tmpl:1:3: at <cite .Brief.Title>: error calling cite: cite: cannot cite a string; pass a row, change, week, range, outlook, event or a list of rows`},
		{"chart unknown kind", "{{ range .Brief.Topics }}{{ range .Indicators }}{{ chart \"pie\" . }}{{ end }}{{ end }}", `templates/k/main.tmpl:1:51: at <chart "pie" .>: error calling chart: chart: unknown kind "pie"; use "bar" or "line"`},
		{"until bounded", "{{ until 100000 }}", `templates/k/main.tmpl:1:3: at <until 100000>: error calling until: until 100000: at most 10000 items`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			k, err := kindFrom(t, map[string]string{"manifest.yaml": oneSection, "main.tmpl": tc.tmpl})
			if err != nil {
				t.Fatal(err)
			}
			_, err = k.Render(tinyBrief(t))
			if err == nil || err.Error() != tc.want {
				t.Fatalf("got  %v\nwant %s", err, tc.want)
			}
		})
	}
}

// TestNoValueNeverReachesThePage: what text/template would print as
// <no value> or <nil> is an error at the action's line; text from the
// dataset that says "<nil>" (escaped) is not.
func TestNoValueNeverReachesThePage(t *testing.T) {
	tests := []struct{ name, tmpl, want string }{
		{"missing dict key", "line\n{{ index (dict \"a\" 1) \"b\" }}",
			`templates/k/main.tmpl:2:3: at <index (dict "a" 1) "b">: prints <no value>: a value the template asked for is missing (a dict key or list element that is not there, or nil)`},
		{"print nil", "{{ print nil }}",
			`templates/k/main.tmpl:1:3: at <print nil>: prints <nil>: a value the template asked for is missing (a dict key or list element that is not there, or nil)`},
		{"a nil in a list", "a\nb\n  {{ list 1 nil }}",
			`templates/k/main.tmpl:3:5: at <list 1 nil>: prints <nil>:`},
		{"first of an empty list", "{{ first (list) }}", `templates/k/main.tmpl:1:3: at <first (list)>: prints <no value>:`},
		{"inside a block", "{{ define \"b\" }}\n\n{{ get (dict) \"x\" | default nil }}{{ end }}{{ include \"b\" . }}",
			`templates/k/main.tmpl:3:3: at <get (dict) "x" | default nil>: prints <no value>:`},
		{"literal text", "it says <nil>", `templates/k/main.tmpl: output contains <nil>: a value the template asked for is missing`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			k, err := kindFrom(t, map[string]string{"manifest.yaml": oneSection, "main.tmpl": tc.tmpl})
			if err != nil {
				t.Fatal(err)
			}
			_, err = k.Render(tinyBrief(t))
			if err == nil || !strings.HasPrefix(err.Error(), tc.want) {
				t.Fatalf("got  %v\nwant %s", err, tc.want)
			}
		})
	}
	// Escaped, as text from the data is, it prints.
	k, err := kindFrom(t, map[string]string{"manifest.yaml": oneSection, "main.tmpl": `{{ md "a <nil> and <no value>" }} \<nil>`})
	if err != nil {
		t.Fatal(err)
	}
	doc, err := k.Render(tinyBrief(t))
	if err != nil {
		t.Fatal(err)
	}
	if got, want := string(doc.Markdown), `a \<nil> and \<no value> \<nil>`+"\n"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestRunawayOutputIsStopped(t *testing.T) {
	k, err := kindFrom(t, map[string]string{"manifest.yaml": oneSection, "main.tmpl": `{{ range until 10000 }}{{ repeat 1000 "x" }}{{ end }}`})
	if err != nil {
		t.Fatal(err)
	}
	_, err = k.Render(tinyBrief(t))
	if err == nil || !strings.Contains(err.Error(), "output is larger than 8 MB") {
		t.Fatalf("got %v, want the output limit error", err)
	}
}

func TestDeniedFunctionsAreAbsent(t *testing.T) {
	f := newState(nil).funcs()
	for _, name := range Denied() {
		if _, ok := f[name]; ok {
			t.Errorf("template function %q must not be available", name)
		}
	}
	// Anything that reads the environment, files, network or clock, by
	// name pattern, in case a sprig upgrade adds one.
	for name := range f {
		lower := strings.ToLower(name)
		for _, bad := range []string{"env", "file", "host", "now", "rand", "uuid", "http", "exec", "ago"} {
			if strings.Contains(lower, bad) {
				t.Errorf("template function %q looks like it reaches outside the data (%q)", name, bad)
			}
		}
	}
}

func TestCitationsNumberSourcesInOrderOfFirstUse(t *testing.T) {
	k, err := kindFrom(t, map[string]string{"manifest.yaml": oneSection, "main.tmpl": `{{ $t := index .Brief.Topics 0 -}}
{{ range $t.Events }}{{ .Title }}{{ cite . }}{{ end }}
{{ range (index $t.Indicators 0).Rows }}{{ .Entity.Name }} {{ .Text }}{{ cite . }}
{{ end }}{{ range sources }}[^{{ .N }}]: {{ .Text }}{{ with .URL }} <{{ . }}>{{ end }}
{{ end }}`})
	if err != nil {
		t.Fatal(err)
	}
	doc, err := k.Render(tinyBrief(t))
	if err != nil {
		t.Fatal(err)
	}
	want := "Fair opens[^1]\nAlphaland $2.5 billion[^2]\nBetaland $1.0 billion[^2]\n[^1]: Fair office\n[^2]: Stats Office <https://stats.example/exports>\n"
	if got := string(doc.Markdown); got != want {
		t.Fatalf("got\n%s\nwant\n%s", got, want)
	}
	if rows := doc.Sources[1].Rows; strings.Join(rows, ",") != "data/observations.csv:3,data/observations.csv:4" {
		t.Errorf("source 2 rows = %v", rows)
	}
}

func TestVaryIsDeterministicPerWeek(t *testing.T) {
	b := tinyBrief(t)
	pick := func(week string) string {
		s := newState(&Brief{Week: Week{ID: week}})
		s.begin("summary", nil)
		var out []string
		for i := 0; i < 8; i++ {
			out = append(out, s.vary("a", "b", "c"))
		}
		return strings.Join(out, "")
	}
	// The same week gives the same wording in a section, whatever the
	// brief chose before it in other sections.
	s := newState(&Brief{Week: Week{ID: b.Week.ID}})
	s.begin("header", nil)
	s.vary("x", "y", "z")
	s.vary("x", "y")
	s.begin("summary", nil)
	var again []string
	for i := 0; i < 8; i++ {
		again = append(again, s.vary("a", "b", "c"))
	}
	if want := pick(b.Week.ID); strings.Join(again, "") != want {
		t.Fatalf("same week, different wording: %s, then %s", want, strings.Join(again, ""))
	}
	differs := false
	for _, w := range []string{"2025-W01", "2025-W02", "2025-W03", "2025-W04"} {
		differs = differs || pick(w) != pick(b.Week.ID)
	}
	if !differs {
		t.Error("wording never varies between weeks")
	}
}

func TestSourceLinksAreWebOnlyAndSafe(t *testing.T) {
	tests := map[string]string{
		"https://stats.example/x":          "https://stats.example/x",
		"HTTP://x.example/a b":             "HTTP://x.example/a%20b",
		"https://x.example/<script>":       "https://x.example/%3Cscript%3E",
		"javascript:alert(1)":              "",
		"file:///etc/passwd":               "",
		"data:text/html,<b>x</b>":          "",
		"  https://x.example/\u202eevil  ": "https://x.example/evil",
		"":                                 "",
	}
	for in, want := range tests {
		if got := webURL(in); got != want {
			t.Errorf("webURL(%q) = %q, want %q", in, got, want)
		}
	}
}

// tinyBriefForFuzz is tinyBrief without a *testing.T.
func tinyBriefForFuzz() *Brief {
	ds := tiny()
	w := period.MustParse("2025-W06")
	set := facts.Derive(ds, facts.Options{AsOf: w.End, WeekStart: w.Start})
	return Build(ds, set, BuildOptions{Title: "Test brief", Week: w, Generated: time.Date(2025, 2, 10, 0, 0, 0, 0, time.UTC)})
}

func containsNoValue(b []byte) bool { return strings.Contains(string(b), "<no value>") }

func TestRecursionAndPanicsAreLocatedErrors(t *testing.T) {
	tests := []struct{ name, tmpl, want string }{
		{"endless recursion", "{{ define \"x\" }}{{ template \"x\" . }}{{ end }}\n{{ template \"x\" . }}", `templates/k/main.tmpl:1:28: at <{{template "x" .}}>: exceeded maximum template depth (100000)`},
		{"panic in a function", "line\n{{ first 1 }}", `templates/k/main.tmpl:2:3: at <first 1>: error calling first: Cannot find first on type int`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			k, err := kindFrom(t, map[string]string{"manifest.yaml": oneSection, "main.tmpl": tc.tmpl})
			if err != nil {
				t.Fatal(err)
			}
			_, err = k.Render(tinyBrief(t))
			if err == nil || err.Error() != tc.want {
				t.Fatalf("got  %v\nwant %s", err, tc.want)
			}
		})
	}
}

// A sentence that ends in an abbreviation has one full stop: "тыс. т
// CO2-экв.[^1]", never "CO2-экв..[^1]"; an ellipsis and code keep theirs.
func TestTidyDoubleStop(t *testing.T) {
	for in, want := range map[string]string{
		"Алматы: 1 210,5 тыс. т CO2-экв..[^1] Далее.": "Алматы: 1 210,5 тыс. т CO2-экв.[^1] Далее.\n",
		"*Таблица 1. Выбросы, 2025 г..*":              "*Таблица 1. Выбросы, 2025 г.*\n",
		"итого 5 руб..":                               "итого 5 руб.\n",
		"And so...":                                   "And so...\n",
		"```\na..\n```":                               "```\na..\n```\n",
	} {
		if got := tidy(in); got != want {
			t.Errorf("tidy(%q) = %q, want %q", in, got, want)
		}
	}
}
