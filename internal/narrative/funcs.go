package narrative

import (
	"fmt"
	"math"
	"strings"
	"text/template"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/Masterminds/sprig/v3"

	"github.com/briefhq/brief/internal/format"
)

// denied are sprig functions a brief template must not reach: anything
// that reads the environment, files, the network or the clock, is random,
// or is cryptography a brief never needs. HermeticTxtFuncMap already
// leaves out env, expandenv, now, the random and network functions; the
// rest are removed here, and a test fails if any comes back. (sprig's
// "date" is replaced by the brief's own, which formats a given day.)
var denied = []string{
	"env", "expandenv", "getHostByName", "now", "dateInZone", "date_in_zone", "dateModify", "date_modify",
	"mustDateModify", "must_date_modify", "ago", "duration", "durationRound", "htmlDate", "htmlDateInZone",
	"toDate", "mustToDate", "unixEpoch", "randInt", "randAlpha", "randAlphaNum", "randAscii", "randNumeric",
	"randBytes", "shuffle", "uuidv4", "bcrypt", "htpasswd", "derivePassword", "encryptAES", "decryptAES",
	"genPrivateKey", "genCA", "genCAWithKey", "genSelfSignedCert", "genSelfSignedCertWithKey",
	"genSignedCert", "genSignedCertWithKey", "buildCustomCert",
}

// maxSeq bounds the sequence functions so a template cannot allocate
// without end.
const maxSeq = 10000

// Denied lists the functions removed from sprig, for tests and docs.
func Denied() []string { return append([]string(nil), denied...) }

func baseFuncs() template.FuncMap {
	f := sprig.HermeticTxtFuncMap()
	for _, n := range denied {
		delete(f, n)
	}
	for n, fn := range listFuncs(func() *meter { return nil }) {
		f[n] = fn
	}
	f["until"] = func(n int) ([]int, error) {
		if n > maxSeq || n < -maxSeq {
			return nil, fmt.Errorf("until %d: at most %d items", n, maxSeq)
		}
		return sprig.TxtFuncMap()["until"].(func(int) []int)(n), nil
	}
	f["untilStep"] = func(start, stop, step int) ([]int, error) {
		n, ok := steps(int64(start), int64(stop), int64(step))
		if !ok || n > maxSeq {
			return nil, fmt.Errorf("untilStep %d %d %d: at most %d items and a non-zero step", start, stop, step, maxSeq)
		}
		out := make([]int, n)
		for i := range out {
			out[i] = start + i*step // within [start, stop): cannot overflow
		}
		return out, nil
	}
	f["seq"] = func(params ...int) (string, error) {
		for _, p := range params {
			if p > maxSeq || p < -maxSeq {
				return "", fmt.Errorf("seq: bounds beyond ±%d", maxSeq)
			}
		}
		return sprig.TxtFuncMap()["seq"].(func(...int) string)(params...), nil
	}
	f["repeat"] = func(n int, s string) (string, error) {
		if n < 0 || n*len(s) > MaxOutput {
			return "", fmt.Errorf("repeat: result larger than %d MB", MaxOutput>>20)
		}
		return strings.Repeat(s, n), nil
	}
	return f
}

// steps is the number of items of untilStep START STOP STEP, computed
// without overflow at the extremes of int64; ok is false for a zero step.
func steps(start, stop, step int64) (n uint64, ok bool) {
	switch {
	case step == 0:
		return 0, false
	case step > 0 && stop > start:
		d, s := uint64(stop)-uint64(start), uint64(step)
		return d/s + min(d%s, 1), true
	case step < 0 && stop < start:
		d, s := uint64(start)-uint64(stop), uint64(0)-uint64(step)
		return d/s + min(d%s, 1), true
	}
	return 0, true
}

// placeholderFuncs has every name a template may call, for parsing.
func placeholderFuncs() template.FuncMap { return newState(nil).funcs() }

// funcs is the complete function map of one render.
func (s *state) funcs() template.FuncMap {
	f := baseFuncs()
	for k, v := range domainFuncs() {
		f[k] = v
	}
	f["cite"] = s.cite
	f["chart"] = s.chart
	f["vary"] = s.vary
	f["nextFigure"] = s.nextFigure
	f["nextTable"] = s.nextTable
	f["sources"] = func() []SourceRef { return s.sources }
	f["include"] = s.include
	for k, v := range langFuncs(func() *state { return s }) {
		f[k] = v
	}
	return f
}

// domainFuncs are the brief's own formatting functions; README lists
// each with an example, and funcs_test renders every example.
func domainFuncs() template.FuncMap {
	return template.FuncMap{
		"number": func(v any, decimals int) (string, error) { x, err := num(v); return format.Number(x, decimals), err },
		"scaled": func(v any, decimals int) (string, error) { x, err := num(v); return format.Scaled(x, decimals), err },
		"money": func(v any, cur string, decimals int) (string, error) {
			x, err := num(v)
			return format.Money(x, cur, decimals), err
		},
		"value": func(v any, unit string, decimals int) (string, error) {
			x, err := num(v)
			return format.Value(x, unit, decimals), err
		},
		"percent":     func(v any, decimals int) (string, error) { x, err := num(v); return format.Percent(x, decimals), err },
		"points":      func(v any, decimals int) (string, error) { x, err := num(v); return format.Points(x, decimals), err },
		"change":      changeFunc,
		"trend":       trendFunc,
		"assessment":  assessmentFunc,
		"ordinal":     format.Ordinal,
		"ordinalWord": format.OrdinalWord,
		"join":        joinFunc,
		"plural":      pluralFunc,
		"date":        func(t time.Time) string { return format.Date(t) },
		"dateRange":   func(a, b time.Time) string { return format.DateRange(a, b) },
		"md":          format.EscapeMarkdown,
		"lowerFirst":  lowerFirst,
		"upperFirst":  upperFirst,
		"sentence":    sentence,
		"capital":     capital,
		"inPeriod":    inPeriod,
	}
}

// num is a number argument of the brief's own functions: NaN and ±Inf
// are refused, as the dataset refuses them, so a brief never says "NaN".
func num(v any) (float64, error) {
	x, err := anyNum(v)
	if err == nil && (math.IsNaN(x) || math.IsInf(x, 0)) {
		return 0, fmt.Errorf("%v is not a number the brief can print", x)
	}
	return x, err
}

func anyNum(v any) (float64, error) {
	switch x := v.(type) {
	case float64:
		return x, nil
	case float32:
		return float64(x), nil
	case int:
		return float64(x), nil
	case int64:
		return float64(x), nil
	case int32:
		return float64(x), nil
	case uint:
		return float64(x), nil
	case uint64:
		return float64(x), nil
	}
	return 0, fmt.Errorf("expected a number, got %T", v)
}

// changeFunc: change CURRENT PREVIOUS UNIT DECIMALS "on 2023".
func changeFunc(cur, prev any, unit string, decimals int, against string) (string, error) {
	c, err := num(cur)
	if err != nil {
		return "", err
	}
	p, err := num(prev)
	if err != nil {
		return "", err
	}
	if math.IsInf(c-p, 0) {
		// format.Change works on the difference.
		return "", fmt.Errorf("the change from %g to %g is larger than a number the brief can compute", p, c)
	}
	return format.Change(c, p, unit, decimals, against), nil
}

// trendFunc: trend CURRENT PREVIOUS -> "rose", "fell", "was unchanged".
func trendFunc(cur, prev any) (string, error) {
	c, err := num(cur)
	if err != nil {
		return "", err
	}
	p, err := num(prev)
	if err != nil {
		return "", err
	}
	return format.Trend(c, p), nil
}

// assessmentFunc: assessment CURRENT PREVIOUS HIGHER_IS -> "an improvement",
// "a deterioration" or "" (neutral indicators are not judged).
func assessmentFunc(cur, prev any, higherIs string) (string, error) {
	c, err := num(cur)
	if err != nil {
		return "", err
	}
	p, err := num(prev)
	if err != nil {
		return "", err
	}
	return format.Assessment(c, p, higherIs), nil
}

// joinFunc joins a list of strings as a reader would: "A, B and C".
func joinFunc(v any) (string, error) {
	switch x := v.(type) {
	case []string:
		return format.Join(x), nil
	case []any:
		ss := make([]string, len(x))
		for i, e := range x {
			ss[i] = fmt.Sprint(e)
		}
		return format.Join(ss), nil
	}
	return "", fmt.Errorf("join: expected a list, got %T", v)
}

// pluralFunc: plural N "project" "" -> "45 projects".
func pluralFunc(n any, singular, plural string) (string, error) {
	x, err := num(n)
	if err != nil {
		return "", err
	}
	return format.Plural(x, singular, plural), nil
}

// sentence ends text with a full stop unless it already ends a sentence.
func sentence(s string) string {
	s = strings.TrimSpace(s)
	if s == "" || strings.HasSuffix(s, ".") || strings.HasSuffix(s, "!") || strings.HasSuffix(s, "?") {
		return s
	}
	return s + "."
}

// capital upper-cases the first letter: "week 5 of 2025" -> "Week 5 of
// 2025". Markdown escapes are skipped over.
func capital(s string) string {
	for i, r := range s {
		if r == '\\' {
			continue
		}
		if unicode.IsLetter(r) {
			return s[:i] + string(unicode.ToUpper(r)) + s[i+utf8.RuneLen(r):]
		}
		return s
	}
	return s
}

// inPeriod puts a period label after a preposition: "in 2024",
// "in February 2025", "on 3 February 2025".
func inPeriod(label string) string {
	if label == "" {
		return ""
	}
	if c := label[0]; c >= '0' && c <= '9' && strings.Count(label, " ") == 2 {
		return en("at.on") + label
	}
	return en("at.in") + label
}

// upperFirst capitalises the first letter: "3 figures" stays, "no" -> "No".
func upperFirst(s string) string {
	for i, r := range s {
		return strings.ToUpper(string(r)) + s[i+len(string(r)):]
	}
	return s
}
