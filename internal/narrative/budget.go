package narrative

import (
	"context"
	"errors"
	"fmt"
	"math"
	"reflect"
	"strings"
	"sync/atomic"
	"text/template"
	"time"
	"unicode/utf8"
	"unsafe"
)

// Budget bounds what the templates of one brief may spend. text/template
// cannot be interrupted, so every template function (sprig's, the brief's
// own, and print, printf, println, html, js, urlquery, which override
// text/template's builtins) goes through a wrapper that checks the time
// and the context before the call, refuses arguments whose result would
// exceed the budget, and measures what the function returned. The
// functions whose own work can grow with a list (uniq, without, has) check
// the time inside too, and the regex functions are refused beforehand
// when pattern times text is too much work. LoadKind adds a check of the
// time at the start of every range body and every block (instrument), so
// a loop or a recursion that calls no function stops at its line as well.
// A zero field takes its default.
//
// What no check sees: one call of a builtin that is not overridden (len,
// index, slice, eq ...), each bounded by its arguments. Should a template
// still outlive the time budget by RenderGrace, Render returns the budget
// error anyway and leaves that execution to end with the process (it can
// touch nothing: every function it reaches fails).
type Budget struct {
	// Time is the run time of all the templates of one brief (default 5 s).
	Time time.Duration
	// MaxResult is the size in bytes of the text in one function's result,
	// a string or the strings of a list or dict (default 8 MB).
	MaxResult int64
	// MaxElements is the number of elements of one list or dict a function
	// returns (default 1,000,000).
	MaxElements int64
	// MaxTotal is the bytes all function results of one brief may add up
	// to, a list or dict element counting 16 bytes (default 64 MB). A
	// result that is a part of an argument (trim, first, get) costs nothing.
	MaxTotal int64
	// MaxDepth is the nesting of include (default 32).
	MaxDepth int
}

// The default budget.
const (
	DefaultTime        = 5 * time.Second
	DefaultMaxResult   = 8 << 20
	DefaultMaxElements = 1_000_000
	DefaultMaxTotal    = 64 << 20
	DefaultMaxDepth    = 32
	// RenderGrace is how long a render that ran out of time waits for the
	// template to reach a function call or a write and stop there.
	RenderGrace = 250 * time.Millisecond
	// maxNesting bounds how deep lists and dicts nest in a function's
	// arguments or result: deeper is a dict that contains itself.
	maxNesting = 100
	// elementCost is what one element of a list or dict counts in MaxTotal.
	elementCost = 16
)

func (b Budget) withDefaults() Budget {
	if b.Time <= 0 {
		b.Time = DefaultTime
	}
	if b.MaxResult <= 0 {
		b.MaxResult = DefaultMaxResult
	}
	if b.MaxElements <= 0 {
		b.MaxElements = DefaultMaxElements
	}
	if b.MaxTotal <= 0 {
		b.MaxTotal = DefaultMaxTotal
	}
	if b.MaxDepth <= 0 {
		b.MaxDepth = DefaultMaxDepth
	}
	return b
}

// ErrBudget is wrapped by every error of a template that exceeded its
// budget: errors.Is(err, narrative.ErrBudget).
var ErrBudget = errors.New("template budget exceeded")

// BudgetError is one exceeded budget, as a template function reports it.
type BudgetError struct {
	Func string // the template function, "" for the output
	Msg  string
	err  error // ErrBudget, or the context's error when cancelled
}

func (e *BudgetError) Error() string {
	if e.Func == "" {
		return e.Msg
	}
	return e.Func + ": " + e.Msg
}

func (e *BudgetError) Unwrap() error { return e.err }

// meter is one render's account against its Budget.
type meter struct {
	Budget
	parent   context.Context
	ctx      context.Context
	stop     func() bool
	cancel   context.CancelFunc
	abort    atomic.Bool            // the time is up or the context cancelled
	inFlight atomic.Int64           // function calls running now
	calling  atomic.Pointer[string] // the name of the last function called
	full     bool                   // the section's output passed MaxOutput; the executing goroutine only
	total    int64                  // bytes charged; only the executing goroutine touches it
	depth    int                    // include nesting; idem
}

func newMeter(ctx context.Context, b Budget) *meter {
	m := &meter{Budget: b.withDefaults(), parent: ctx}
	m.ctx, m.cancel = context.WithTimeout(ctx, m.Time)
	m.stop = context.AfterFunc(m.ctx, func() { m.abort.Store(true) })
	return m
}

func (m *meter) close() {
	m.stop()
	m.cancel()
}

// stopped is the error of a render that must stop: the context's
// cancellation or the time budget.
func (m *meter) stopped(fn string) error {
	if err := m.parent.Err(); err != nil {
		return &BudgetError{Func: fn, Msg: "interrupted (" + err.Error() + ")", err: err}
	}
	return &BudgetError{Func: fn, Msg: fmt.Sprintf("exceeds the template budget of %s of run time: a loop runs too long (a range inside a range over until?); make it shorter, or raise the budget (--template-time, template_time in brief.yaml)", seconds(m.Time)), err: ErrBudget}
}

// stoppedIn is the error of a function that was running when the time
// ran out: it names the function, and text/template the call's line.
func (m *meter) stoppedIn(fn string) error {
	if err := m.parent.Err(); err != nil {
		return &BudgetError{Func: fn, Msg: "interrupted (" + err.Error() + ")", err: err}
	}
	return &BudgetError{Func: fn, Msg: fmt.Sprintf("exceeds the template budget of %s of run time while this call ran: give it a shorter list or text, or raise the budget (--template-time, template_time in brief.yaml)", seconds(m.Time)), err: ErrBudget}
}

// check is what a function polls while it works: the budget error once
// the time is up. A nil meter (outside a render) never stops.
func (m *meter) check(fn string) error {
	if m != nil && m.abort.Load() {
		return m.stoppedIn(fn)
	}
	return nil
}

// outputFull is the error of a section whose output passed MaxOutput.
func (m *meter) outputFull() error {
	return m.exceeded("", "output is larger than %d MB: does a loop never end?", MaxOutput>>20)
}

// tick is the check instrument puts at the start of every range body and
// every block: the time, the context and the section's output.
func (m *meter) tick(block bool) (string, error) {
	if m.abort.Load() {
		err := m.stopped("")
		if be := err.(*BudgetError); block && errors.Is(be, ErrBudget) {
			be.Msg = strings.Replace(be.Msg, "a loop runs too long (a range inside a range over until?)", "the templates run too long (a block that calls itself, or a loop?)", 1)
		}
		return "", err
	}
	if m.full {
		return "", m.outputFull()
	}
	return "", nil
}

func (m *meter) exceeded(fn, format string, a ...any) error {
	return &BudgetError{Func: fn, Msg: fmt.Sprintf(format, a...), err: ErrBudget}
}

func seconds(d time.Duration) string {
	if d%time.Second == 0 {
		return fmt.Sprintf("%d s", d/time.Second)
	}
	return d.String()
}

func mb(n int64) string {
	if n >= 1<<20 && n%(1<<20) == 0 {
		return fmt.Sprintf("%d MB", n>>20)
	}
	return fmt.Sprintf("%d bytes", n)
}

// shape is what a walk of a value found: the bytes of its strings, its
// list and dict elements, and whether it nests too deep.
type shape struct {
	bytes, elems int64
	deep         bool
}

// walk measures v. Pointers and structs (the brief's own view) are not
// followed: they are the data, not something a function built.
func walk(v reflect.Value, depth int, s *shape, limit int64) {
	if s.deep || s.elems > limit {
		return
	}
	switch v.Kind() {
	case reflect.Interface:
		if !v.IsNil() {
			walk(v.Elem(), depth, s, limit)
		}
	case reflect.String:
		s.bytes += int64(v.Len())
	case reflect.Slice, reflect.Array:
		if v.Type().Elem().Kind() == reflect.Uint8 {
			s.bytes += int64(v.Len())
			return
		}
		n := v.Len()
		s.elems += int64(n)
		if !walkable(v.Type().Elem().Kind()) {
			return
		}
		if depth >= maxNesting {
			s.deep = true
			return
		}
		for i := 0; i < n && !s.deep && s.elems <= limit; i++ {
			walk(v.Index(i), depth+1, s, limit)
		}
	case reflect.Map:
		s.elems += int64(v.Len())
		kk, ek := v.Type().Key().Kind(), v.Type().Elem().Kind()
		if !walkable(kk) && !walkable(ek) {
			return
		}
		if depth >= maxNesting {
			s.deep = true
			return
		}
		it := v.MapRange()
		for it.Next() && !s.deep && s.elems <= limit {
			walk(it.Key(), depth+1, s, limit)
			walk(it.Value(), depth+1, s, limit)
		}
	}
}

func walkable(k reflect.Kind) bool {
	switch k {
	case reflect.String, reflect.Interface, reflect.Slice, reflect.Array, reflect.Map:
		return true
	}
	return false
}

// satMul and satAdd saturate at MaxInt64 (all operands >= 0).
func satMul(a, b int64) int64 {
	if a == 0 || b == 0 {
		return 0
	}
	if a > math.MaxInt64/b {
		return math.MaxInt64
	}
	return a * b
}

func satAdd(a, b int64) int64 {
	if a > math.MaxInt64-b {
		return math.MaxInt64
	}
	return a + b
}

// before checks the time and the arguments of a call to fn.
func (m *meter) before(fn string, args []reflect.Value) error {
	if m.abort.Load() {
		return m.stopped(fn)
	}
	if m.full {
		return m.outputFull()
	}
	if g := guards[fn]; g != nil {
		if err := g(m, fn, args); err != nil {
			return err
		}
	}
	var s shape
	for i, a := range args {
		if i == 0 && (fn == "set" || fn == "unset" || fn == "hasKey" || fn == "get") {
			// The dict these look into or change: not walked at each
			// call (a loop building a dict would be quadratic); set
			// counts what it adds (after).
			continue
		}
		walk(a, 0, &s, m.MaxElements)
	}
	switch {
	case s.deep:
		return m.exceeded(fn, "an argument nests lists or dicts deeper than %d levels: a dict that contains itself?", maxNesting)
	case s.bytes > m.MaxResult:
		return m.exceeded(fn, "arguments of %s exceed the template budget of %s per function result: build smaller strings", size(s.bytes), mb(m.MaxResult))
	case s.elems > m.MaxElements:
		return m.exceeded(fn, "arguments of more than %d elements exceed the template budget of %d elements per list or dict", m.MaxElements, m.MaxElements)
	}
	if pre := prechecks[fn]; pre != nil {
		if n := pre(m, args); n > m.MaxResult {
			return m.exceeded(fn, "the result would be %s, beyond the template budget of %s per function result: build smaller strings", size(n), mb(m.MaxResult))
		}
	}
	return nil
}

func size(n int64) string {
	if n == math.MaxInt64 {
		return "larger than memory"
	}
	if n >= 1<<20 {
		return fmt.Sprintf("%d MB", n>>20)
	}
	return fmt.Sprintf("%d bytes", n)
}

// after measures the result of fn and charges it to the render.
func (m *meter) after(fn string, args []reflect.Value, out reflect.Value) error {
	if (fn == "set" || fn == "unset") && len(args) >= 2 {
		// set and unset change the dict they are given and return it:
		// measuring the whole dict at each call would make a loop that
		// builds one quadratic. Charge what is added, and count keys.
		if d := reflect.Indirect(out); d.Kind() == reflect.Map && int64(d.Len()) > m.MaxElements {
			return m.exceeded(fn, "a list or dict of more than %d elements exceeds the template budget of %d elements per list or dict", m.MaxElements, m.MaxElements)
		}
		var s shape
		for _, a := range args[1:] {
			walk(a, 0, &s, m.MaxElements)
		}
		if s.deep {
			return m.exceeded(fn, "the result nests lists or dicts deeper than %d levels: a dict that contains itself?", maxNesting)
		}
		return m.charge(fn, satAdd(s.bytes, elementCost))
	}
	var s shape
	walk(out, 0, &s, m.MaxElements)
	switch {
	case s.deep:
		return m.exceeded(fn, "the result nests lists or dicts deeper than %d levels: a dict that contains itself?", maxNesting)
	case s.bytes > m.MaxResult:
		return m.exceeded(fn, "a result of %s exceeds the template budget of %s per function result: build smaller strings (a loop doubling a string?)", size(s.bytes), mb(m.MaxResult))
	case s.elems > m.MaxElements:
		return m.exceeded(fn, "a list or dict of more than %d elements exceeds the template budget of %d elements per list or dict", m.MaxElements, m.MaxElements)
	}
	if partOfArgument(out, args) {
		return nil
	}
	return m.charge(fn, satAdd(s.bytes, satMul(s.elems, elementCost)))
}

// charge adds n bytes to what the functions of this brief produced.
func (m *meter) charge(fn string, n int64) error {
	m.total = satAdd(m.total, n)
	if m.total > m.MaxTotal {
		return m.exceeded(fn, "the template functions of this brief produced more than the template budget of %s: a loop builds too much text or too long a list", mb(m.MaxTotal))
	}
	return nil
}

// partOfArgument reports whether out is (a part of) one of the arguments:
// trim, substr, first, get, set and default allocate nothing new.
func partOfArgument(out reflect.Value, args []reflect.Value) bool {
	for out.Kind() == reflect.Interface && !out.IsNil() {
		out = out.Elem()
	}
	var p, n uintptr
	switch out.Kind() {
	case reflect.String:
		if out.Len() == 0 {
			return true
		}
		s := out.String()
		p, n = uintptr(unsafe.Pointer(unsafe.StringData(s))), uintptr(len(s))
	case reflect.Slice, reflect.Map:
		if out.Len() == 0 {
			return true
		}
		p = out.Pointer()
	default:
		return true // a number, a bool, a pointer into the data: nothing to charge
	}
	for _, a := range args {
		if within(p, n, a) {
			return true
		}
	}
	return false
}

func within(p, n uintptr, a reflect.Value) bool {
	for a.Kind() == reflect.Interface && !a.IsNil() {
		a = a.Elem()
	}
	switch a.Kind() {
	case reflect.String:
		s := a.String()
		if len(s) == 0 {
			return false
		}
		q := uintptr(unsafe.Pointer(unsafe.StringData(s)))
		return p >= q && p+n <= q+uintptr(len(s))
	case reflect.Slice:
		if a.Len() > 0 && a.Pointer() == p {
			return true
		}
		if a.Type().Elem().Kind() == reflect.Interface && a.Len() <= 64 {
			for i := 0; i < a.Len(); i++ {
				if within(p, n, a.Index(i)) {
					return true
				}
			}
		}
	case reflect.Map:
		return a.Pointer() == p
	}
	return false
}

// prechecks bound the result of functions whose result can be far larger
// than their arguments, before they run.
var prechecks = map[string]func(m *meter, a []reflect.Value) int64{
	"repeat": func(_ *meter, a []reflect.Value) int64 {
		n := a[0].Int()
		if n < 0 {
			return 0
		}
		return satMul(n, int64(a[1].Len()))
	},
	"replace": func(_ *meter, a []reflect.Value) int64 {
		return replaced(a[2].String(), a[0].String(), int64(a[1].Len()))
	},
	"indent": indented, "nindent": indented,
	"wrapWith": func(_ *meter, a []reflect.Value) int64 {
		s := int64(a[2].Len())
		return satAdd(s, satMul(s+1, int64(a[1].Len())))
	},
	"regexReplaceAll": regexReplaced, "mustRegexReplaceAll": regexReplaced,
	"regexReplaceAllLiteral": regexReplaced, "mustRegexReplaceAllLiteral": regexReplaced,
	"printf": func(_ *meter, a []reflect.Value) int64 {
		var args shape
		if len(a) > 1 {
			walk(a[1], 0, &args, math.MaxInt64)
		}
		return satAdd(printfWidths(a[0].String()), satMul(10, args.bytes))
	},
	"split": splitCount, "splitList": splitCount,
	"regexSplit": clampN, "regexFindAll": clampN, "mustRegexSplit": clampN, "mustRegexFindAll": clampN,
	"splitn": func(m *meter, a []reflect.Value) int64 {
		if n := a[1].Int(); n < 0 || n > m.MaxElements {
			a[1] = reflect.ValueOf(int(m.MaxElements + 1))
		}
		return 0
	},
}

// replaced is the length of strings.ReplaceAll(s, old, new) (repl bytes).
func replaced(s, old string, repl int64) int64 {
	var n int64
	if old == "" {
		n = int64(utf8.RuneCountInString(s)) + 1
	} else {
		n = int64(strings.Count(s, old))
	}
	grow := repl - int64(len(old))
	if grow <= 0 {
		return int64(len(s))
	}
	return satAdd(int64(len(s)), satMul(n, grow))
}

func indented(_ *meter, a []reflect.Value) int64 {
	spaces := a[0].Int()
	if spaces < 0 {
		spaces = 0
	}
	s := a[1].String()
	return satAdd(int64(len(s))+1, satMul(spaces, int64(strings.Count(s, "\n"))+1))
}

// regexReplaced bounds regexReplaceAll REGEX S REPL: at most len(S)+1
// matches, each replaced by REPL with every $ reference expanded to at
// most len(S).
func regexReplaced(_ *meter, a []reflect.Value) int64 {
	s, repl := int64(a[1].Len()), a[2].String()
	each := satAdd(int64(len(repl)), satMul(int64(strings.Count(repl, "$")), s))
	return satAdd(s, satMul(s+1, each))
}

// printfWidths adds up the numbers in a format (widths and precisions,
// which fmt caps at a million each) and a million for each '*'.
func printfWidths(f string) int64 {
	total := int64(len(f))
	for i := 0; i < len(f); i++ {
		switch c := f[i]; {
		case c == '*':
			total = satAdd(total, 1_000_000)
		case c >= '0' && c <= '9':
			n := int64(0)
			for ; i < len(f) && f[i] >= '0' && f[i] <= '9'; i++ {
				n = min(n*10+int64(f[i]-'0'), 1_000_000)
			}
			total = satAdd(total, n)
		}
	}
	return total
}

// splitCount refuses a split into more elements than the budget, before
// the elements are made: it is a size in bytes for before's comparison.
func splitCount(m *meter, a []reflect.Value) int64 {
	sep, s := a[0].String(), a[1].String()
	var n int64
	if sep == "" {
		n = int64(utf8.RuneCountInString(s))
	} else {
		n = int64(strings.Count(s, sep)) + 1
	}
	if n > m.MaxElements {
		return math.MaxInt64
	}
	return 0
}

// clampN caps the N of the regex functions so that at most one element
// beyond the budget is made; after refuses the result then.
func clampN(m *meter, a []reflect.Value) int64 {
	if n := a[2].Int(); n < 0 || n > m.MaxElements {
		a[2] = reflect.ValueOf(int(m.MaxElements + 1))
	}
	return 0
}

var errorType = reflect.TypeFor[error]()

// wrap returns fn with the same parameters, returning (result, error),
// metered by the meter of r at the time of each call.
func (r *renderer) wrap(name string, fn any) any {
	np := &name
	if f := r.fast(name, np, fn); f != nil {
		return f
	}
	v := reflect.ValueOf(fn)
	t := v.Type()
	if t.Kind() != reflect.Func || t.NumOut() == 0 || t.NumOut() > 2 {
		panic("narrative: cannot meter template function " + name)
	}
	ins := make([]reflect.Type, t.NumIn())
	for i := range ins {
		ins[i] = t.In(i)
	}
	outT := t.Out(0)
	wt := reflect.FuncOf(ins, []reflect.Type{outT, errorType}, t.IsVariadic())
	zero := reflect.Zero(outT)
	noErr := reflect.Zero(errorType)
	// include runs templates: the calls inside it are counted, not it.
	counted := name != "include"
	fail := func(err error) []reflect.Value {
		return []reflect.Value{zero, reflect.ValueOf(&err).Elem()}
	}
	return reflect.MakeFunc(wt, func(args []reflect.Value) []reflect.Value {
		m := r.m
		if counted {
			m.inFlight.Add(1)
			defer m.inFlight.Add(-1)
			m.calling.Store(np)
		}
		if err := m.before(name, args); err != nil {
			return fail(err)
		}
		var out []reflect.Value
		if t.IsVariadic() {
			out = v.CallSlice(args)
		} else {
			out = v.Call(args)
		}
		if len(out) == 2 && !out[1].IsNil() {
			return []reflect.Value{zero, out[1]}
		}
		if err := m.after(name, args, out[0]); err != nil {
			return fail(err)
		}
		return []reflect.Value{out[0], noErr}
	}).Interface()
}

// printFuncs override text/template's builtins that build text, so that
// they are metered too.
// noGoValues refuses arguments fmt would print as raw fields or memory
// addresses (see goValue).
func noGoValues(fn string, a []any) error {
	for _, x := range a {
		if t := goValue(reflect.ValueOf(x), 0); t != "" {
			return fmt.Errorf("%s: a Go value (%s), not text: print one of its fields instead (such as .Name or .Text)", fn, t)
		}
	}
	return nil
}

func printFuncs() template.FuncMap {
	return template.FuncMap{
		"print": func(a ...any) (string, error) {
			if err := noGoValues("print", a); err != nil {
				return "", err
			}
			return fmt.Sprint(a...), nil
		},
		"printf": func(f string, a ...any) (string, error) {
			if err := noGoValues("printf", a); err != nil {
				return "", err
			}
			out := fmt.Sprintf(f, a...)
			if i := strings.Index(out, "%!"); i >= 0 && !strings.Contains(f, "%!") {
				// fmt's error marks (%!d(string=x), %!(BADWIDTH),
				// %!(EXTRA ...)) are not text for a reader.
				mark := out[i:]
				if j := strings.IndexByte(mark, ')'); j >= 0 {
					mark = mark[:j+1]
				}
				return "", fmt.Errorf("printf %q: the format does not fit its arguments (%s)", f, mark)
			}
			return out, nil
		},
		"println": func(a ...any) (string, error) {
			if err := noGoValues("println", a); err != nil {
				return "", err
			}
			return fmt.Sprintln(a...), nil
		},
		"html":     template.HTMLEscaper,
		"js":       template.JSEscaper,
		"urlquery": template.URLQueryEscaper,
	}
}

// fast wraps the most called signatures without a second reflect call;
// nil for the others (and for functions with a precheck).
func (r *renderer) fast(name string, np *string, fn any) any {
	if prechecks[name] != nil || guards[name] != nil || name == "include" {
		return nil
	}
	switch f := fn.(type) {
	case func(string) string:
		return func(a string) (string, error) {
			m := r.m
			m.inFlight.Add(1)
			defer m.inFlight.Add(-1)
			m.calling.Store(np)
			if err := m.beforeFast(name, int64(len(a))); err != nil {
				return "", err
			}
			out := f(a)
			return out, m.afterString(name, out, a)
		}
	case func(...any) (string, error):
		return func(a ...any) (string, error) {
			m := r.m
			m.inFlight.Add(1)
			defer m.inFlight.Add(-1)
			m.calling.Store(np)
			if err := m.beforeFast(name, anyBytes(a...)); err != nil {
				return "", err
			}
			out, err := f(a...)
			if err != nil {
				return "", err
			}
			return out, m.afterString(name, out, stringsIn(a)...)
		}
	case func(...any) string:
		return func(a ...any) (string, error) {
			m := r.m
			m.inFlight.Add(1)
			defer m.inFlight.Add(-1)
			m.calling.Store(np)
			if err := m.beforeFast(name, anyBytes(a...)); err != nil {
				return "", err
			}
			out := f(a...)
			return out, m.afterString(name, out, stringsIn(a)...)
		}
	case func(any, int) (string, error):
		return func(a any, n int) (string, error) {
			m := r.m
			m.inFlight.Add(1)
			defer m.inFlight.Add(-1)
			m.calling.Store(np)
			if err := m.beforeFast(name, anyBytes(a)); err != nil {
				return "", err
			}
			out, err := f(a, n)
			if err != nil {
				return "", err
			}
			return out, m.afterString(name, out, stringsIn([]any{a})...)
		}
	case func(any, string, int) (string, error):
		return func(a any, u string, n int) (string, error) {
			m := r.m
			m.inFlight.Add(1)
			defer m.inFlight.Add(-1)
			m.calling.Store(np)
			if err := m.beforeFast(name, anyBytes(a)+int64(len(u))); err != nil {
				return "", err
			}
			out, err := f(a, u, n)
			if err != nil {
				return "", err
			}
			return out, m.afterString(name, out, u)
		}
	}
	return nil
}

// anyBytes is the size of arguments for beforeFast; -1 when one nests
// too deep.
func anyBytes(a ...any) int64 {
	var s shape
	for _, x := range a {
		switch v := x.(type) {
		case nil, bool, int, int64, float64:
		case string:
			s.bytes += int64(len(v))
		default:
			walk(reflect.ValueOf(x), 0, &s, DefaultMaxElements*4)
		}
	}
	if s.deep || s.elems > DefaultMaxElements*4 {
		return -1
	}
	return s.bytes
}

func stringsIn(a []any) []string {
	var out []string
	for _, x := range a {
		if s, ok := x.(string); ok && s != "" {
			out = append(out, s)
		}
	}
	return out
}

func (m *meter) beforeFast(fn string, argBytes int64) error {
	if m.abort.Load() {
		return m.stopped(fn)
	}
	if m.full {
		return m.outputFull()
	}
	switch {
	case argBytes < 0:
		return m.exceeded(fn, "an argument nests lists or dicts deeper than %d levels or has too many elements: a dict that contains itself?", maxNesting)
	case argBytes > m.MaxResult:
		return m.exceeded(fn, "arguments of %s exceed the template budget of %s per function result: build smaller strings", size(argBytes), mb(m.MaxResult))
	}
	return nil
}

// afterString measures a string result; ins are the string arguments it
// may be a part of.
func (m *meter) afterString(fn, out string, ins ...string) error {
	n := int64(len(out))
	if n > m.MaxResult {
		return m.exceeded(fn, "a result of %s exceeds the template budget of %s per function result: build smaller strings (a loop doubling a string?)", size(n), mb(m.MaxResult))
	}
	if n == 0 {
		return nil
	}
	p := uintptr(unsafe.Pointer(unsafe.StringData(out)))
	for _, in := range ins {
		q := uintptr(unsafe.Pointer(unsafe.StringData(in)))
		if p >= q && p+uintptr(n) <= q+uintptr(len(in)) {
			return nil
		}
	}
	return m.charge(fn, n)
}
