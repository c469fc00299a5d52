package narrative

import (
	"context"
	"errors"
	"math"
	"reflect"
	"strings"
	"testing"
	"time"
)

// renderBudget renders tmpl as the one section of a kind with budget b
// and returns the render's error.
func renderBudget(t testing.TB, ctx context.Context, b Budget, tmpl string) error {
	t.Helper()
	k, err := kindFrom(t, map[string]string{"manifest.yaml": oneSection, "main.tmpl": tmpl})
	if err != nil {
		t.Fatal(err)
	}
	k.Budget = b
	_, err = k.RenderContext(ctx, tinyBrief(t))
	return err
}

// wantBudgetError checks that err is a *TemplateError located at
// prefix (file and line) wrapping ErrBudget, with the message part want.
func wantBudgetError(t *testing.T, err error, prefix, want string) {
	t.Helper()
	if err == nil {
		t.Fatal("rendered without error")
	}
	var te *TemplateError
	if !errors.As(err, &te) {
		t.Fatalf("error %T %v, want a *TemplateError", err, err)
	}
	if !errors.Is(err, ErrBudget) {
		t.Errorf("%v does not wrap ErrBudget", err)
	}
	if !strings.HasPrefix(err.Error(), prefix) || !strings.Contains(err.Error(), want) {
		t.Fatalf("got  %v\nwant %s...%s", err, prefix, want)
	}
}

func TestBudgetTime(t *testing.T) {
	// Three nested loops of 10,000 (10^12 steps): stopped at a call.
	// Without the budget this runs for hours: go test's -timeout fails it.
	// How soon it stops is measured by BenchmarkBudgetStop, not asserted.
	err := renderBudget(t, context.Background(), Budget{Time: 100 * time.Millisecond}, budgetLoop)
	wantBudgetError(t, err, "templates/k/main.tmpl:2:", "exceeds the template budget of 100ms of run time")
}

const budgetLoop = "x\n{{ range until 10000 }}{{ range until 10000 }}{{ range until 10000 }}{{ $x := add1 1 }}{{ end }}{{ end }}{{ end }}"

// BenchmarkBudgetStop: how long a render that runs out of its 100 ms
// budget takes to return (go test ./internal/narrative -run '^$' -bench BudgetStop).
func BenchmarkBudgetStop(b *testing.B) {
	for i := 0; i < b.N; i++ {
		if err := renderBudget(b, context.Background(), Budget{Time: 100 * time.Millisecond}, budgetLoop); !errors.Is(err, ErrBudget) {
			b.Fatalf("got %v, want the budget error", err)
		}
	}
}

func TestBudgetTimeInLoopWithoutCalls(t *testing.T) {
	// range over an integer calls no function and writes nothing: Render
	// returns anyway, RenderGrace after the budget. (10^8 empty steps take
	// seconds, so the execution left behind ends soon after the test.)
	err := renderBudget(t, context.Background(), Budget{Time: 100 * time.Millisecond},
		"{{ range 10000 }}{{ range 10000 }}{{ end }}{{ end }}")
	wantBudgetError(t, err, "templates/k/main.tmpl:1:", "in this range: exceeds the template budget of 100ms of run time: a loop runs too long")
}

func TestBudgetCancel(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(50*time.Millisecond, cancel)
	err := renderBudget(t, ctx, Budget{},
		"{{ range until 10000 }}{{ range until 10000 }}{{ $x := add1 1 }}{{ end }}{{ end }}")
	if err == nil || !errors.Is(err, context.Canceled) || errors.Is(err, ErrBudget) {
		t.Fatalf("got %v, want an error wrapping context.Canceled", err)
	}
	if !strings.HasPrefix(err.Error(), "templates/k/main.tmpl:1:") || !strings.Contains(err.Error(), "interrupted") {
		t.Errorf("got %v", err)
	}
}

func TestBudgetStringResult(t *testing.T) {
	// Doubling a string 40 times would be a terabyte.
	err := renderBudget(t, context.Background(), Budget{},
		"{{ $s := \"x\" }}\n{{ range until 40 }}{{ $s = print $s $s }}{{ end }}")
	wantBudgetError(t, err, "templates/k/main.tmpl:2:", "at <print $s $s>: print: ")
	if !strings.Contains(err.Error(), "the template budget of 8 MB per function result") {
		t.Errorf("got %v", err)
	}
}

func TestBudgetListResult(t *testing.T) {
	err := renderBudget(t, context.Background(), Budget{MaxElements: 1000},
		"{{ $l := list 1 }}{{ range until 40 }}{{ $l = concat $l $l }}{{ end }}")
	wantBudgetError(t, err, "templates/k/main.tmpl:1:", "concat: ")
	if !strings.Contains(err.Error(), "the template budget of 1000 elements per list or dict") {
		t.Errorf("got %v", err)
	}
}

func TestBudgetTotal(t *testing.T) {
	t.Run("append", func(t *testing.T) {
		// Each append copies the list: quadratic memory.
		err := renderBudget(t, context.Background(), Budget{MaxTotal: 8 << 20},
			"{{ $l := list }}{{ range until 10000 }}{{ $l = append $l 1 }}{{ end }}")
		wantBudgetError(t, err, "templates/k/main.tmpl:1:", "append: the template functions of this brief produced more than the template budget of 8 MB")
	})
	t.Run("strings", func(t *testing.T) {
		err := renderBudget(t, context.Background(), Budget{MaxTotal: 4 << 20},
			"{{ range until 10000 }}{{ $x := repeat 1000000 \"x\" }}{{ end }}")
		wantBudgetError(t, err, "templates/k/main.tmpl:1:", "repeat: the template functions of this brief produced more than the template budget of 4 MB")
	})
	t.Run("a part of an argument costs nothing", func(t *testing.T) {
		err := renderBudget(t, context.Background(), Budget{MaxTotal: 4 << 20},
			"{{ $s := repeat 1000000 \"x\" }}{{ range until 1000 }}{{ $x := trim $s }}{{ $y := substr 0 10 $s }}{{ end }}ok")
		if err != nil {
			t.Fatal(err)
		}
	})
}

func TestBudgetIncludeDepth(t *testing.T) {
	err := renderBudget(t, context.Background(), Budget{},
		"{{ define \"r\" }}{{ include \"r\" . }}{{ end }}\n{{ include \"r\" . }}")
	wantBudgetError(t, err, "templates/k/main.tmpl:1:", `include: "r" nests deeper than the template budget of 32 includes`)
	// Nested includes within the depth work.
	err = renderBudget(t, context.Background(), Budget{},
		"{{ define \"a\" }}a{{ end }}{{ define \"b\" }}{{ include \"a\" . }}b{{ end }}{{ include \"b\" . }}")
	if err != nil {
		t.Fatal(err)
	}
}

func TestUntilStepAtTheExtremes(t *testing.T) {
	err := renderBudget(t, context.Background(), Budget{},
		"{{ untilStep -9223372036854775808 9223372036854775807 1 }}")
	if err == nil || err.Error() != "templates/k/main.tmpl:1:3: at <untilStep -9223372036854775808 9223372036854775807 1>: error calling untilStep: untilStep -9223372036854775808 9223372036854775807 1: at most 10000 items and a non-zero step" {
		t.Fatalf("got %v", err)
	}
	tests := []struct {
		start, stop, step int64
		n                 uint64
		ok                bool
	}{
		{math.MinInt64, math.MaxInt64, 1, math.MaxUint64, true},
		{math.MaxInt64, math.MinInt64, -1, math.MaxUint64, true},
		{math.MinInt64, math.MaxInt64, math.MaxInt64, 3, true},
		{math.MaxInt64, math.MinInt64, math.MinInt64, 2, true},
		{math.MaxInt64 - 7, math.MaxInt64, 3, 3, true},
		{0, 10, 3, 4, true},
		{10, 0, -3, 4, true},
		{0, 10, -1, 0, true},
		{10, 0, 1, 0, true},
		{0, 10, 0, 0, false},
	}
	for _, tc := range tests {
		if n, ok := steps(tc.start, tc.stop, tc.step); n != tc.n || ok != tc.ok {
			t.Errorf("steps(%d, %d, %d) = %d, %v; want %d, %v", tc.start, tc.stop, tc.step, n, ok, tc.n, tc.ok)
		}
	}
	// Near the maximum the values do not wrap around.
	k, err := kindFrom(t, map[string]string{"manifest.yaml": oneSection, "main.tmpl": "{{ untilStep 9223372036854775800 9223372036854775807 3 }}"})
	if err != nil {
		t.Fatal(err)
	}
	doc, err := k.Render(tinyBrief(t))
	if err != nil {
		t.Fatal(err)
	}
	if got := string(doc.Markdown); got != "[9223372036854775800 9223372036854775803 9223372036854775806]\n" {
		t.Errorf("got %q", got)
	}
}

func TestBudgetHugeArguments(t *testing.T) {
	tests := []struct{ name, tmpl, want string }{
		{"replace with 8 MB arguments", "{{ $b := repeat 8000000 \"a\" }}\n{{ replace \"a\" $b $b }}",
			"templates/k/main.tmpl:2:3: at <replace \"a\" $b $b>: replace: arguments of 15 MB exceed the template budget of 8 MB per function result"},
		{"replace that would grow", "{{ $b := repeat 1000000 \"a\" }}\n{{ replace \"a\" \"0123456789\" $b }}",
			"templates/k/main.tmpl:2:3: at <replace \"a\" \"0123456789\" $b>: replace: the result would be 9 MB, beyond the template budget of 8 MB per function result"},
		{"repeat", "{{ repeat 9000000 \"ab\" }}", "templates/k/main.tmpl:1:3: at <repeat 9000000 \"ab\">: repeat: the result would be 17 MB"},
		{"indent", "{{ $b := repeat 100000 \"\\n\" }}{{ indent 100 $b }}", "indent: the result would be 9 MB"},
		{"regexReplaceAll", "{{ $b := repeat 100000 \"a\" }}{{ regexReplaceAll \"\" $b \"$0$0\" }}", "regexReplaceAll: the result would be"},
		{"printf widths", "{{ printf \"%1000000d%1000000d%1000000d%1000000d%1000000d%1000000d%1000000d%1000000d%1000000d\" 1 2 3 4 5 6 7 8 9 }}", "printf: the result would be 8 MB"},
		{"split", "{{ $b := repeat 2000000 \",\" }}{{ splitList \",\" $b }}", "splitList: the result would be larger than memory"},
		{"a dict that contains itself", "{{ $d := dict }}{{ $_ := set $d \"d\" $d }}{{ $d }}", "set: the result nests lists or dicts deeper than 100 levels"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			err := renderBudget(t, context.Background(), Budget{}, tc.tmpl)
			wantBudgetError(t, err, "templates/k/main.tmpl:", tc.want)
		})
	}
}

// TestEveryFunctionIsMetered: the render's function map has every name
// templates parse with, each wrapped (returning an error), and overrides
// the builtins that build text.
func TestEveryFunctionIsMetered(t *testing.T) {
	r := &renderer{}
	f := r.funcMap()
	for name := range placeholderFuncs() {
		if f[name] == nil {
			t.Errorf("%s is not in the metered map", name)
		}
	}
	for name := range printFuncs() {
		if f[name] == nil {
			t.Errorf("builtin %s is not overridden", name)
		}
	}
	for name, fn := range f {
		if !returnsError(fn) {
			t.Errorf("%s is not wrapped", name)
		}
	}
}

func TestLegitimateTemplatesFitTheBudget(t *testing.T) {
	err := renderBudget(t, context.Background(), Budget{},
		`{{ $l := list }}{{ range until 100 }}{{ $l = append $l (print "item " .) }}{{ end }}{{ join $l }}
{{ printf "%-20s|%8.2f" "name" 3.14159 }} {{ indent 4 "a\nb" }} {{ replace "a" "bb" "banana" }} {{ repeat 3 "ab" }}
{{ $d := dict "a" 1 }}{{ $_ := set $d "b" (list 1 2) }}{{ toJson $d }} {{ splitList "," "a,b,c" }} {{ untilStep 0 10 3 }}`)
	if err != nil {
		t.Fatal(err)
	}
}

func returnsError(fn any) bool {
	t := reflect.TypeOf(fn)
	return t.NumOut() == 2 && t.Out(1) == errorType
}
