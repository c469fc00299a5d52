package narrative

import (
	"encoding/json"
	"fmt"
	"reflect"
	"regexp/syntax"
	"sort"
	"strings"
	"text/template"
)

// Sprig's uniq, without and has compare every element with every other
// (reflect.DeepEqual): uniq of 640,000 numbers ran for a minute, and no
// check of the budget can stop a function from outside. These do the same
// in one pass: a set for text, numbers and bools (for which DeepEqual is
// ==), one-by-one comparison only for lists, dicts and the brief's values,
// at most maxCompared of them, and a check of the time every checkEvery
// steps.
const (
	maxCompared = 10_000
	checkEvery  = 1 << 12
	// maxRegexWork bounds a regex function's work: the instructions of the
	// compiled pattern times the bytes of the text (RE2 matches in time
	// proportional to both; 10^8 took two seconds).
	maxRegexWork = 20_000_000
	// maxRegexPattern bounds the pattern itself (its compilation).
	maxRegexPattern = 64 << 10
)

// listFuncs are the replacements of sprig's list functions and of its
// JSON encoders (which return "" on an error), with m the render's meter
// (nil outside a render).
func listFuncs(m func() *meter) template.FuncMap {
	return template.FuncMap{
		"uniq":        func(l any) ([]any, error) { return uniqList(m(), "uniq", l) },
		"mustUniq":    func(l any) ([]any, error) { return uniqList(m(), "mustUniq", l) },
		"without":     func(l any, omit ...any) ([]any, error) { return withoutList(m(), "without", l, omit) },
		"mustWithout": func(l any, omit ...any) ([]any, error) { return withoutList(m(), "mustWithout", l, omit) },
		"has":         func(needle, haystack any) (bool, error) { return hasIn(m(), "has", needle, haystack) },
		"mustHas":     func(needle, haystack any) (bool, error) { return hasIn(m(), "mustHas", needle, haystack) },
		"toJson":      func(v any) (string, error) { return toJSON("toJson", v, "") },
		"mustToJson":  func(v any) (string, error) { return toJSON("mustToJson", v, "") },
		"toPrettyJson": func(v any) (string, error) {
			return toJSON("toPrettyJson", v, "  ")
		},
		"mustToPrettyJson": func(v any) (string, error) { return toJSON("mustToPrettyJson", v, "  ") },
		"toRawJson":        func(v any) (string, error) { return toRawJSON("toRawJson", v) },
		"mustToRawJson":    func(v any) (string, error) { return toRawJSON("mustToRawJson", v) },
		// sprig's keys and values follow Go's random map order, so the
		// same template would give other bytes on each run: here keys
		// are sorted, and values follow their keys.
		"keys":   sortedKeys,
		"values": func(d map[string]any) []any { return valuesByKey(d) },
	}
}

// sortedKeys are the keys of the dicts, sorted (a key in several dicts
// appears once for each, as sprig's keys does).
func sortedKeys(dicts ...map[string]any) []string {
	var ks []string
	for _, d := range dicts {
		for k := range d {
			ks = append(ks, k)
		}
	}
	sort.Strings(ks)
	return ks
}

// valuesByKey are the dict's values in the order of its sorted keys.
func valuesByKey(d map[string]any) []any {
	ks := sortedKeys(d)
	out := make([]any, len(ks))
	for i, k := range ks {
		out[i] = d[k]
	}
	return out
}

// simple reports whether reflect.DeepEqual on x is == on the interface,
// so that x can be a key of a set: nil, text, numbers, bools.
func simple(x any) bool {
	switch x.(type) {
	case nil, string, bool, int, int64, float64:
		return true
	}
	switch reflect.TypeOf(x).Kind() {
	case reflect.String, reflect.Bool, reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr,
		reflect.Float32, reflect.Float64, reflect.Complex64, reflect.Complex128:
		return true
	}
	return false
}

// listOf is the list value of a list function's argument.
func listOf(fn string, l any) (reflect.Value, error) {
	v := reflect.ValueOf(l)
	if k := v.Kind(); k != reflect.Slice && k != reflect.Array {
		return v, fmt.Errorf("cannot find %s on type %s", strings.TrimPrefix(strings.ToLower(fn[:1])+fn[1:], "must"), kindName(v))
	}
	return v, nil
}

func kindName(v reflect.Value) string {
	if !v.IsValid() {
		return "nil"
	}
	return v.Kind().String()
}

// compared refuses a list with more than maxCompared elements that are
// not simple: those are compared one by one.
func compared(m *meter, fn string, v reflect.Value) error {
	n := 0
	for i := 0; i < v.Len(); i++ {
		if !simple(v.Index(i).Interface()) {
			n++
		}
	}
	if n > maxCompared {
		if m == nil {
			m = &meter{}
		}
		return m.exceeded(fn, "the list has %d elements that are lists, dicts or the brief's values, more than the %d the template budget compares one by one: make them text first (toString, join)", n, maxCompared)
	}
	return nil
}

func uniqList(m *meter, fn string, l any) ([]any, error) {
	v, err := listOf(fn, l)
	if err != nil {
		return nil, err
	}
	if err := compared(m, fn, v); err != nil {
		return nil, err
	}
	out := []any{}
	seen := map[any]bool{}
	var others []any
	steps := 0
	for i := 0; i < v.Len(); i++ {
		x := v.Index(i).Interface()
		if steps++; steps%checkEvery == 0 {
			if err := m.check(fn); err != nil {
				return nil, err
			}
		}
		if simple(x) {
			if !seen[x] {
				seen[x] = true
				out = append(out, x)
			}
			continue
		}
		dup := false
		for _, o := range others {
			if steps++; steps%checkEvery == 0 {
				if err := m.check(fn); err != nil {
					return nil, err
				}
			}
			if reflect.DeepEqual(o, x) {
				dup = true
				break
			}
		}
		if !dup {
			others = append(others, x)
			out = append(out, x)
		}
	}
	return out, nil
}

func withoutList(m *meter, fn string, l any, omit []any) ([]any, error) {
	v, err := listOf(fn, l)
	if err != nil {
		return nil, err
	}
	if err := compared(m, fn, v); err != nil {
		return nil, err
	}
	drop := map[any]bool{}
	var others []any
	for _, o := range omit {
		if simple(o) {
			drop[o] = true
		} else {
			others = append(others, o)
		}
	}
	out := []any{}
	steps := 0
	for i := 0; i < v.Len(); i++ {
		x := v.Index(i).Interface()
		if steps++; steps%checkEvery == 0 {
			if err := m.check(fn); err != nil {
				return nil, err
			}
		}
		if simple(x) {
			if !drop[x] {
				out = append(out, x)
			}
			continue
		}
		keep := true
		for _, o := range others {
			if steps++; steps%checkEvery == 0 {
				if err := m.check(fn); err != nil {
					return nil, err
				}
			}
			if reflect.DeepEqual(o, x) {
				keep = false
				break
			}
		}
		if keep {
			out = append(out, x)
		}
	}
	return out, nil
}

func hasIn(m *meter, fn string, needle, haystack any) (bool, error) {
	if haystack == nil {
		return false, nil
	}
	v, err := listOf(fn, haystack)
	if err != nil {
		return false, err
	}
	quick := simple(needle)
	for i := 0; i < v.Len(); i++ {
		if (i+1)%checkEvery == 0 {
			if err := m.check(fn); err != nil {
				return false, err
			}
		}
		x := v.Index(i).Interface()
		if quick {
			if simple(x) && x == needle {
				return true, nil
			}
			continue
		}
		if reflect.DeepEqual(needle, x) {
			return true, nil
		}
	}
	return false, nil
}

// toJSON is sprig's toJson, toPrettyJson (indent "  ") and their must
// forms, which all return an encoding error instead of "".
func toJSON(fn string, v any, indent string) (string, error) {
	if err := plainData(fn, "encodes", v); err != nil {
		return "", err
	}
	var b []byte
	var err error
	if indent == "" {
		b, err = json.Marshal(v)
	} else {
		b, err = json.MarshalIndent(v, "", indent)
	}
	if err != nil {
		return "", fmt.Errorf("cannot encode as JSON: %v", err)
	}
	return string(b), nil
}

// toRawJSON is sprig's toRawJson: JSON without HTML escaping.
func toRawJSON(fn string, v any) (string, error) {
	if err := plainData(fn, "encodes", v); err != nil {
		return "", err
	}
	var b strings.Builder
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return "", fmt.Errorf("cannot encode as JSON: %v", err)
	}
	return strings.TrimSuffix(b.String(), "\n"), nil
}

// plainData refuses the brief's own values (.Brief, .Topic, a row...):
// their JSON would be the whole dataset, not meant for a reader, and
// walk does not measure them. Lists, dicts, text and numbers pass.
func plainData(fn, verb string, v any) error {
	var bad reflect.Type
	var look func(v reflect.Value, depth int)
	look = func(v reflect.Value, depth int) {
		if bad != nil || !v.IsValid() || depth > maxNesting {
			return
		}
		switch v.Kind() {
		case reflect.Interface:
			look(v.Elem(), depth)
		case reflect.Slice, reflect.Array:
			if walkable(v.Type().Elem().Kind()) || v.Type().Elem().Kind() == reflect.Pointer || v.Type().Elem().Kind() == reflect.Struct {
				for i := 0; i < v.Len() && bad == nil; i++ {
					look(v.Index(i), depth+1)
				}
			}
		case reflect.Map:
			it := v.MapRange()
			for it.Next() && bad == nil {
				look(it.Value(), depth+1)
			}
		case reflect.Pointer, reflect.Struct, reflect.Func, reflect.Chan, reflect.UnsafePointer:
			bad = v.Type()
		}
	}
	look(reflect.ValueOf(v), 0)
	if bad != nil {
		return fmt.Errorf("it %s only lists, dicts, text and numbers, not the brief's own values (%s): use the fields you need", verb, bad)
	}
	return nil
}

// guards refuse a call before it runs when its work, rather than its
// result, would not fit the budget.
var guards = map[string]func(m *meter, fn string, a []reflect.Value) error{
	"regexMatch": regexGuard, "mustRegexMatch": regexGuard,
	"regexFind": regexGuard, "mustRegexFind": regexGuard,
	"regexFindAll": regexGuard, "mustRegexFindAll": regexGuard,
	"regexReplaceAll": regexGuard, "mustRegexReplaceAll": regexGuard,
	"regexReplaceAllLiteral": regexGuard, "mustRegexReplaceAllLiteral": regexGuard,
	"regexSplit": regexGuard, "mustRegexSplit": regexGuard,
	"deepCopy": deepCopyGuard, "mustDeepCopy": deepCopyGuard,
}

// regexGuard bounds REGEX TEXT ...: the compiled pattern's instructions
// times the text's bytes. An invalid pattern passes: the function says
// what is wrong with it.
func regexGuard(m *meter, fn string, a []reflect.Value) error {
	pat, text := a[0].String(), a[1].String()
	if len(pat) > maxRegexPattern {
		return m.exceeded(fn, "a pattern of %s is beyond the template budget of %d KB per pattern", size(int64(len(pat))), maxRegexPattern>>10)
	}
	re, err := syntax.Parse(pat, syntax.Perl)
	if err != nil {
		return nil
	}
	prog, err := syntax.Compile(re.Simplify())
	if err != nil {
		return nil
	}
	if work := satMul(int64(len(prog.Inst)), int64(len(text))+1); work > maxRegexWork {
		return m.exceeded(fn, "a pattern of %d steps over %s of text is more than the template budget of %d steps × bytes for one regex call: use a simpler pattern or a shorter text", len(prog.Inst), size(int64(len(text))), maxRegexWork)
	}
	return nil
}

// deepCopyGuard refuses to copy the brief's own values: deepCopy would
// copy the whole dataset behind them, which walk does not measure.
func deepCopyGuard(_ *meter, fn string, a []reflect.Value) error {
	return plainData(fn, "copies", a[0].Interface())
}
