package narrative

import (
	"context"
	"errors"
	"math/rand"
	"reflect"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/Masterminds/sprig/v3"
)

// renderText renders tmpl as the one section of a kind with budget b.
func renderText(t *testing.T, b Budget, tmpl string) (string, time.Duration, error) {
	t.Helper()
	k, err := kindFrom(t, map[string]string{"manifest.yaml": oneSection, "main.tmpl": tmpl})
	if err != nil {
		t.Fatal(err)
	}
	k.Budget = b
	start := time.Now()
	doc, err := k.RenderContext(context.Background(), tinyBrief(t))
	if err != nil {
		return "", time.Since(start), err
	}
	return string(doc.Markdown), time.Since(start), nil
}

// TestListFunctionsMatchSprig: uniq, without and has give what sprig's
// give, on random lists mixing numbers of several types, text, nil,
// lists, dicts and NaN.
func TestListFunctionsMatchSprig(t *testing.T) {
	sp := sprig.TxtFuncMap()
	spUniq := sp["uniq"].(func(any) []any)
	spWithout := sp["without"].(func(any, ...any) []any)
	spHas := sp["has"].(func(any, any) bool)
	pool := []any{nil, 1, int64(1), 1.0, "1", "a", "", true, false, 2, []any{1}, []any{1}, []int{1}, map[string]any{"a": 1}, map[string]any{"a": 1}, map[string]any{"a": 2}, []any{}}
	rng := rand.New(rand.NewSource(1))
	for i := 0; i < 2000; i++ {
		l := make([]any, rng.Intn(12))
		for j := range l {
			l[j] = pool[rng.Intn(len(pool))]
		}
		omit := []any{pool[rng.Intn(len(pool))], pool[rng.Intn(len(pool))]}
		got, err := uniqList(nil, "uniq", l)
		if want := spUniq(l); err != nil || !reflect.DeepEqual(got, want) {
			t.Fatalf("uniq %#v = %#v, %v; sprig %#v", l, got, err, want)
		}
		got, err = withoutList(nil, "without", l, omit)
		if want := spWithout(l, omit...); err != nil || !reflect.DeepEqual(got, want) {
			t.Fatalf("without %#v %#v = %#v, %v; sprig %#v", l, omit, got, err, want)
		}
		has, err := hasIn(nil, "has", omit[0], l)
		if want := spHas(omit[0], l); err != nil || has != want {
			t.Fatalf("has %#v %#v = %v, %v; sprig %v", omit[0], l, has, err, want)
		}
	}
	// NaN is never equal to itself, in sprig as here.
	nan := []any{0.0, 0.0}
	nan[0] = nanValue()
	nan[1] = nan[0]
	if got, _ := uniqList(nil, "uniq", nan); len(got) != len(spUniq(nan)) {
		t.Errorf("uniq of two NaN = %v, sprig %v", got, spUniq(nan))
	}
	if _, err := uniqList(nil, "uniq", 5); err == nil || err.Error() != "cannot find uniq on type int" {
		t.Errorf("uniq 5: %v", err)
	}
}

func nanValue() float64 {
	var z float64
	return z / z
}

// TestUniqIsLinear is the red team's F3: uniq of 640,000 numbers ran
// for a minute past a 5 s budget.
func TestUniqIsLinear(t *testing.T) {
	out, took, err := renderText(t, Budget{Time: time.Minute},
		`{{ $l := until 10000 }}{{ range until 6 }}{{ $l = concat $l $l }}{{ end }}{{ len (uniq $l) }} {{ len (mustUniq $l) }} {{ len (without $l 0 1) }} {{ has 9999 $l }} {{ has -1 $l }}`)
	if err != nil {
		t.Fatal(err)
	}
	if out != "10000 10000 639872 true false\n" {
		t.Errorf("got %q", out)
	}
	_ = took // speed is BenchmarkUniq's; the budget above bounds the run
}

// TestDictBuiltInALoop: set charges what it adds, not the whole dict at
// each call, so a loop building a dict of 10,000 keys fits the budget
// (it ran out of 5 s when each call measured the dict), and the element
// cap still holds.
func TestDictBuiltInALoop(t *testing.T) {
	out, _, err := renderText(t, Budget{Time: time.Minute},
		`{{ $d := dict }}{{ range $i := until 10000 }}{{ $_ := set $d (print "k" $i) $i }}{{ end }}{{ len $d }} {{ get $d "k9999" }} {{ hasKey $d "k5" }}`)
	if err != nil {
		t.Fatal(err)
	}
	if out != "10000 9999 true\n" {
		t.Errorf("got %q", out)
	}
	_, _, err = renderText(t, Budget{MaxElements: 100},
		`{{ $d := dict }}{{ range $i := until 1000 }}{{ $_ := set $d (print "k" $i) $i }}{{ end }}{{ len $d }}`)
	if err == nil || !strings.Contains(err.Error(), "more than 100 elements") {
		t.Errorf("element cap: %v", err)
	}
}

func BenchmarkDictBuiltInALoop(b *testing.B) {
	fsys := fstest.MapFS{
		"k/manifest.yaml": {Data: []byte(oneSection)},
		"k/main.tmpl":     {Data: []byte(`{{ $d := dict }}{{ range $i := until 10000 }}{{ $_ := set $d (print "k" $i) $i }}{{ end }}{{ len $d }}`)},
	}
	k, err := LoadKind(fsys, "k", "templates/k")
	if err != nil {
		b.Fatal(err)
	}
	br := tinyBriefForFuzz()
	for b.Loop() {
		if _, err := k.RenderContext(context.Background(), br); err != nil {
			b.Fatal(err)
		}
	}
}

// TestListFunctionStoppedInside: a call that is still running when the
// time is up stops there, and the error names it and its line.
func TestListFunctionStoppedInside(t *testing.T) {
	_, _, err := renderText(t, Budget{Time: 200 * time.Millisecond},
		"{{ $c := chunk 1 (until 10000) }}\n{{ range until 100 }}{{ $x := uniq $c }}{{ end }}")
	wantBudgetError(t, err, "templates/k/main.tmpl:2:", "at <uniq $c>: uniq: exceeds the template budget of 200ms of run time while this call ran")
	if strings.Contains(err.Error(), "calls no function") {
		t.Errorf("blames a loop: %v", err)
	}
}

func TestListFunctionsCompareFewLists(t *testing.T) {
	_, _, err := renderText(t, Budget{},
		"{{ $c := chunk 1 (until 10000) }}{{ $c = concat $c $c }}\n{{ without $c 1 }}")
	wantBudgetError(t, err, "templates/k/main.tmpl:2:3: at <without $c 1>: without: ", "the list has 20000 elements that are lists, dicts or the brief's values, more than the 10000")
}

func TestRegexWorkIsBounded(t *testing.T) {
	// The work bounds are counted in steps and bytes, not time: a run
	// time budget no machine reaches keeps a loaded -race run from
	// tripping the 5 s default instead.
	roomy := Budget{Time: time.Hour}
	_, _, err := renderText(t, roomy, "{{ $s := repeat 1000000 \"ab c\" }}\n{{ regexFindAll \"[^x]{1000}x\" $s -1 }}")
	wantBudgetError(t, err, "templates/k/main.tmpl:2:3: ", `regexFindAll: a pattern of 1003 steps over 3 MB of text is more than the template budget of 20000000 steps × bytes`)
	_, _, err = renderText(t, roomy, "{{ regexMatch (repeat 70000 \"a\") \"a\" }}")
	wantBudgetError(t, err, "templates/k/main.tmpl:1:3: ", "regexMatch: a pattern of 70000 bytes is beyond the template budget of 64 KB per pattern")
	// Ordinary use fits.
	out, _, err := renderText(t, roomy, `{{ regexReplaceAll "\\s+" (repeat 100000 "a  b ") " " | len }} {{ regexFind "[0-9]+" "ab 123 c" }} {{ mustRegexMatch "(" "x" }}`)
	if err == nil || !strings.Contains(err.Error(), "error parsing regexp") {
		t.Errorf("an invalid pattern: %v, %q", err, out)
	}
	out, _, err = renderText(t, roomy, `{{ regexReplaceAll "\\s+" (repeat 100000 "a  b ") " " | len }} {{ regexFind "[0-9]+" "ab 123 c" }}`)
	if err != nil || out != "400000 123\n" {
		t.Errorf("got %q, %v", out, err)
	}
}

// TestJSONFunctionsReturnTheirErrors is the red team's U4: sprig's
// toJson of the brief returned "" without a word.
func TestJSONFunctionsReturnTheirErrors(t *testing.T) {
	for _, fn := range []string{"toJson", "toPrettyJson", "toRawJson", "mustToJson"} {
		_, _, err := renderText(t, Budget{}, "x\n{{ "+fn+" .Brief }}")
		want := "templates/k/main.tmpl:2:3: at <" + fn + " .Brief>: error calling " + fn + ": it encodes only lists, dicts, text and numbers, not the brief's own values (*narrative.Brief)"
		if err == nil || !strings.HasPrefix(err.Error(), want) {
			t.Errorf("got  %v\nwant %s", err, want)
		}
	}
	_, _, err := renderText(t, Budget{}, "{{ toJson (list (float64 \"NaN\")) }}")
	if err == nil || !strings.Contains(err.Error(), "error calling toJson: cannot encode as JSON: json: unsupported value: NaN") {
		t.Errorf("NaN: %v", err)
	}
	out, _, err := renderText(t, Budget{}, `{{ toJson (dict "a" (list 1 "<b>")) }} {{ toRawJson (list "<b>") }} {{ toPrettyJson (list 1) }}`)
	if err != nil || out != "{\"a\":[1,\"\\u003cb\\u003e\"]} [\"<b>\"] [\n  1\n]\n" {
		t.Errorf("got %q, %v", out, err)
	}
	_, _, err = renderText(t, Budget{}, "{{ deepCopy .Brief }}")
	if err == nil || !strings.Contains(err.Error(), "deepCopy: it copies only lists, dicts, text and numbers") {
		t.Errorf("deepCopy .Brief: %v", err)
	}
}

// TestChecksWithoutFunctionCalls: instrument's checks stop loops and
// recursions that call no function, at their line (the red team's U1).
func TestChecksWithoutFunctionCalls(t *testing.T) {
	tests := []struct{ name, tmpl, want string }{
		{"range over a huge number", "a\n{{ range 1000000000000 }}{{ end }}", "templates/k/main.tmpl:2:9: in this range: exceeds the template budget of 100ms of run time"},
		{"nested ranges over a list", "a\n{{ $l := until 10000 }}{{ range $l }}{{ range $l }}{{ range $l }}{{ end }}{{ end }}{{ end }}", "templates/k/main.tmpl:2:"},
		{"nested ranges that write", "a\n{{ $l := until 10000 }}{{ range $l }}{{ range $l }}y{{ end }}{{ end }}", "templates/k/main.tmpl:2:"},
		{"a block that calls itself twice", "{{ define \"x\" }}{{ if . }}{{ template \"x\" (index . 0) }}{{ template \"x\" (index . 0) }}{{ end }}{{ end }}\n{{ template \"x\" " + strings.Repeat("(list ", 60) + "(list)" + strings.Repeat(")", 60) + " }}", "templates/k/main.tmpl:1:16: entering this block: exceeds the template budget of 100ms of run time: the templates run too long (a block that calls itself, or a loop?)"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, _, err := renderText(t, Budget{Time: 100 * time.Millisecond}, tc.tmpl)
			wantBudgetError(t, err, tc.want, "exceeds the template budget of 100ms of run time")
			if strings.Contains(err.Error(), "calls no function") || strings.Contains(err.Error(), "builtin") {
				t.Errorf("not located: %v", err)
			}
		})
	}
	// The checks print nothing and pass every printed value on unchanged.
	out, _, err := renderText(t, Budget{},
		`{{ range $i, $x := list 1 "a" 2.5 }}{{ $i }}={{ $x }} {{ else }}none{{ end }}{{ range list }}x{{ else }}empty{{ end }}
{{ define "b" }}[{{ . }}]{{ end }}{{ template "b" 3 }}{{ include "b" "c" }} {{ list 1 2 }} {{ dict "k" 1 }} {{ .Brief.Week.Label }} {{ $y := 5 }}{{ $y }}{{ range 2 }}{{ if eq . 1 }}{{ break }}{{ end }}{{ . }}{{ end }}`)
	if err != nil {
		t.Fatal(err)
	}
	if want := "0=1 1=a 2=2.5 empty\n[3][c] [1 2] map[k:1] Week 6 of 2025 50\n"; out != want {
		t.Errorf("got  %q\nwant %q", out, want)
	}
}

func TestOutputCapIsLocated(t *testing.T) {
	_, _, err := renderText(t, Budget{}, "a\n\n{{ range until 10000 }}{{ repeat 1000 \"x\" }}{{ end }}")
	wantBudgetError(t, err, "templates/k/main.tmpl:3:9: in this range: ", "output is larger than 8 MB: does a loop never end?")
	// include's text is bounded like a function's result.
	_, _, err = renderText(t, Budget{}, "{{ define \"b\" }}{{ range until 10000 }}{{ repeat 1000 \"x\" }}{{ end }}{{ end }}\n{{ $x := include \"b\" . }}")
	wantBudgetError(t, err, "templates/k/main.tmpl:2:", `at <include "b" .>: include: the text of "b" is larger than the template budget of 8 MB per function result`)
}

func TestEmptyBriefIsAnError(t *testing.T) {
	k, err := kindFrom(t, map[string]string{
		"manifest.yaml": "title: T\nsections:\n  - {id: a, template: a.tmpl}\n  - {id: b, template: b.tmpl}\n",
		"a.tmpl":        "{{ if false }}x{{ end }}\n", "b.tmpl": "  \n",
	})
	if err != nil {
		t.Fatal(err)
	}
	_, err = k.Render(tinyBrief(t))
	want := "templates/k: the templates produced no text: all 2 sections of manifest.yaml rendered empty"
	if err == nil || !strings.HasPrefix(err.Error(), want) {
		t.Fatalf("got  %v\nwant %s", err, want)
	}
	var te *TemplateError
	if !errors.As(err, &te) {
		t.Errorf("%T", err)
	}
	// One section with text is a brief; the empty one is left out.
	k, err = kindFrom(t, map[string]string{
		"manifest.yaml": "title: T\nsections:\n  - {id: a, template: a.tmpl}\n  - {id: b, template: b.tmpl}\n",
		"a.tmpl":        "{{ if false }}x{{ end }}\n", "b.tmpl": "text\n",
	})
	if err != nil {
		t.Fatal(err)
	}
	doc, err := k.Render(tinyBrief(t))
	if err != nil || len(doc.Sections) != 1 || doc.Sections[0].ID != "b" {
		t.Fatalf("%v %+v", err, doc)
	}
}

// TestNumberFunctionsRefuseNaN is the red team's U3.
func TestNumberFunctionsRefuseNaN(t *testing.T) {
	for _, call := range []string{
		`number (float64 "NaN") 1`, `scaled (float64 "+Inf") 1`, `money (float64 "-Inf") "USD" 1`, `value (float64 "NaN") "USD" 1`,
		`percent (float64 "NaN") 1`, `points (float64 "NaN") 1`, `change (float64 "NaN") 1 "USD" 1 "x"`, `trend (float64 "NaN") 1`,
		`trend 1 (float64 "NaN")`, `assessment (float64 "NaN") 1 "good"`, `plural (float64 "NaN") "a" ""`,
	} {
		_, _, err := renderText(t, Budget{}, "{{ "+call+" }}")
		fn := strings.Fields(call)[0]
		if err == nil || !regexpMatch(`^templates/k/main.tmpl:1:3: at <`+regexpQuote(call)+`>: error calling `+fn+`: (NaN|\+Inf|-Inf) is not a number the brief can print$`, err.Error()) {
			t.Errorf("%s: %v", call, err)
		}
	}
	for _, tc := range []struct{ call, want string }{
		{`change 1e308 -1e308 "USD" 1 "x"`, "error calling change: the change from -1e+308 to 1e+308 is larger than a number the brief can compute"},
		{`change -1.7976931348623157e308 1.7976931348623157e308 "%" 1 "x"`, "is larger than a number the brief can compute"},
	} {
		_, _, err := renderText(t, Budget{}, "{{ "+tc.call+" }}")
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: %v", tc.call, err)
		}
	}
	out, _, err := renderText(t, Budget{}, `{{ change 1e18 -1e18 "USD" 1 "x" }}; {{ trend 1e308 -1e308 }}`)
	if err != nil || !strings.HasPrefix(out, "up $2,000,000") || !strings.HasSuffix(out, " on x; rose\n") {
		t.Errorf("got %q, %v", out, err)
	}
}

func regexpQuote(s string) string {
	return strings.NewReplacer("(", `\(`, ")", `\)`, "+", `\+`).Replace(s)
}

func regexpMatch(re, s string) bool {
	ok, err := regexp.MatchString(re, s)
	return err == nil && ok
}

// TestGoValuesAreNotPrinted: printing a struct, a pointer or a list of
// them (fmt's raw fields or memory addresses, which differ from run to
// run) is an error at its line; values that print as text still print.
func TestGoValuesAreNotPrinted(t *testing.T) {
	for _, tmpl := range []string{"{{ .Brief.Topics }}", "line\n{{ print .Brief.Topics }}", "{{ .Brief }}", "{{ list .Brief }}", "{{ dict \"a\" .Brief }}"} {
		_, _, err := renderText(t, Budget{}, tmpl)
		if err == nil || !strings.Contains(err.Error(), "a Go value") || !strings.Contains(err.Error(), "main.tmpl:") {
			t.Errorf("%s: %v", tmpl, err)
		}
	}
	out, _, err := renderText(t, Budget{}, "{{ .Brief.Title }} {{ len .Brief.Topics }} {{ list 1 \"a\" }}")
	if err != nil || out != "Test brief 1 [1 a]\n" {
		t.Errorf("text values: %q %v", out, err)
	}
}

// TestCiteIsBounded: a template that cites in a loop stops at the cap
// with a located error, instead of filling brief.json.
func TestCiteIsBounded(t *testing.T) {
	_, _, err := renderText(t, Budget{},
		`{{ range $t := .Brief.Topics }}{{ range $iv := $t.Indicators }}{{ range $r := $iv.Shown }}{{ range until 10000 }}{{ range until 3 }}{{ cite $r }}{{ end }}{{ end }}{{ end }}{{ end }}{{ end }}`)
	if err == nil || !strings.Contains(err.Error(), "cited figures") || !strings.Contains(err.Error(), "main.tmpl:1:") {
		t.Errorf("got %v", err)
	}
	out, _, err := renderText(t, Budget{}, `{{ range $t := .Brief.Topics }}{{ range $iv := $t.Indicators }}{{ range $r := $iv.Shown }}{{ cite $r }}{{ end }}{{ end }}{{ end }}`)
	if err != nil || !strings.Contains(out, "[^1]") {
		t.Errorf("a normal cite: %q %v", out, err)
	}
}

// TestMapOrderIsDeterministic: keys and values of a dict come in the
// order of the sorted keys, so the same template gives the same bytes.
func TestMapOrderIsDeterministic(t *testing.T) {
	tmpl := `{{ $d := dict "f" 1 "g" 2 "h" 3 "a" 4 "b" 5 "c" 6 "d" 7 "e" 8 }}{{ keys $d }} {{ values $d }} {{ keys $d (dict "z" 0 "a" 9) }}`
	for i := 0; i < 20; i++ {
		out, _, err := renderText(t, Budget{}, tmpl)
		if err != nil || out != "[a b c d e f g h] [4 5 6 7 8 1 2 3] [a a b c d e f g h z]\n" {
			t.Fatalf("run %d: %q %v", i, out, err)
		}
	}
}

// TestPrintfMarksAreErrors: fmt's error marks never reach the page.
func TestPrintfMarksAreErrors(t *testing.T) {
	for _, tmpl := range []string{`{{ printf "%*d" 100000000 1 }}`, `{{ printf "%.*f" 100000000 1.0 }}`, `{{ printf "%d" "x" }}`, `{{ printf "%s" }}`, `{{ printf "a" 1 }}`} {
		_, _, err := renderText(t, Budget{}, tmpl)
		if err == nil || !strings.Contains(err.Error(), "the format does not fit its arguments") {
			t.Errorf("%s: %v", tmpl, err)
		}
	}
	out, _, err := renderText(t, Budget{}, `{{ printf "%05.1f%%" 3.14159 }}`)
	if err != nil || out != "003.1%\n" {
		t.Errorf("a good format: %q %v", out, err)
	}
}
