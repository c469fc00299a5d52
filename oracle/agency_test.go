package oracle

import (
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// The keys of docs/mapping.md, "Agency files", as the oracle reads them:
// numbers with other decimal and thousands separators, values in a power
// of ten, observation flags, dates in another format.

// numberText reads the text of a value with the decimal separator dec
// ("." or ",") and the thousands separator th ("", ".", ",", "'" or
// "space"), and returns it as sign, digits and a power of ten
// (-1234,5 -> "-", "12345", -1), so that a scale moves the decimal point
// exactly. A thousands separator must stand between groups of three
// digits ("1.5" with thousands "." is an error, never fifteen).
func numberText(s, dec, th string) (sign, digits string, exp int, err error) {
	if dec == "" {
		dec = "."
	}
	orig := s
	s = strings.TrimSpace(s)
	bad := func(why string) (string, string, int, error) {
		return "", "", 0, fmt.Errorf("value %q: %s", orig, why)
	}
	if s == "" {
		return bad("empty")
	}
	if s[0] == '-' || s[0] == '+' {
		if s[0] == '-' {
			sign = "-"
		}
		s = s[1:]
	}
	// an exponent (1e-12, 2.5E9)
	if i := strings.IndexAny(s, "eE"); i >= 0 {
		e, err := strconv.Atoi(s[i+1:])
		if err != nil {
			return bad("not a number")
		}
		exp, s = e, s[:i]
	}
	intPart, frac := s, ""
	if i := strings.LastIndex(s, dec); i >= 0 {
		intPart, frac = s[:i], s[i+len(dec):]
	}
	for _, c := range frac {
		if c < '0' || c > '9' {
			return bad("not a number")
		}
	}
	var seps []string
	switch th {
	case "", "none":
	case "space":
		seps = []string{" ", "\u00a0", "\u202f"}
	default:
		seps = []string{th}
	}
	groups := []string{intPart}
	for _, sep := range seps {
		if strings.Contains(intPart, sep) {
			groups = strings.Split(intPart, sep)
			break
		}
	}
	for i, g := range groups {
		if len(groups) > 1 && ((i == 0 && (len(g) < 1 || len(g) > 3)) || (i > 0 && len(g) != 3)) {
			return bad("a thousands separator must stand between groups of three digits")
		}
		for _, c := range g {
			if c < '0' || c > '9' {
				return bad("not a number")
			}
		}
	}
	digits = strings.Join(groups, "") + frac
	if digits == "" {
		return bad("not a number")
	}
	return sign, digits, exp - len(frac), nil
}

// scaledValue is the value of the text s in the power of ten scale.
func scaledValue(s, dec, th string, scale int) (float64, error) {
	sign, digits, exp, err := numberText(s, dec, th)
	if err != nil {
		return 0, err
	}
	return strconv.ParseFloat(sign+digits+"e"+strconv.Itoa(exp+scale), 64)
}

// cellValue is the value of a cell: a workbook's number as it is (a
// percentage as shown: 0.03905 formatted 0.000% is 3.905), text read with
// the separators; both moved by the scale.
func cellValue(c cell, dec, th string, scale int) (float64, error) {
	if c.IsDate {
		return 0, fmt.Errorf("value: a date cell (%s)", c.name())
	}
	if c.IsNum {
		s := strconv.FormatFloat(c.Num, 'g', -1, 64)
		if c.Percent {
			scale += 2
		}
		return scaledValue(s, ".", "", scale)
	}
	return scaledValue(c.Text, dec, th, scale)
}

var scaleWords = map[string]int{"unit": 0, "units": 0, "thousand": 3, "thousands": 3, "million": 6, "millions": 6,
	"billion": 9, "billions": 9, "trillion": 12, "trillions": 12}

// parseScaleKey reads the scale: key, "the power of ten the values are
// in: a number or a word": the number is read as the power of ten itself
// (1000, 1e6, 0.01), not as its exponent (see doc.go: the docs' other
// use of the phrase, scale_column's "6 is millions", is an exponent).
func parseScaleKey(s string) (int, error) {
	s = strings.TrimSpace(s)
	if n, ok := scaleWords[strings.ToLower(s)]; ok {
		return n, nil
	}
	if s == "" {
		return 0, nil
	}
	f, err := strconv.ParseFloat(s, 64)
	if err == nil && f > 0 {
		k := int(math.Round(math.Log10(f)))
		if p, _ := strconv.ParseFloat("1e"+strconv.Itoa(k), 64); p == f {
			return k, nil
		}
	}
	return 0, fmt.Errorf("scale %q: a power of ten (1000, 1e6) or thousand, million, billion, trillion", s)
}

// parseScale reads a scale_column cell: the exponent of the power of ten
// (SDMX's UNIT_MULT: 6 is millions) or a word (million, Millions); empty
// is units.
func parseScale(s string) (int, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, nil
	}
	if n, err := strconv.Atoi(s); err == nil {
		return n, nil
	}
	if f, err := strconv.ParseFloat(s, 64); err == nil && f == float64(int(f)) {
		return int(f), nil
	}
	if n, ok := scaleWords[strings.ToLower(s)]; ok {
		return n, nil
	}
	return 0, fmt.Errorf("scale %q: a power of ten or thousand, million, billion, trillion", s)
}

// statusRank orders the statuses from the least final.
var statusRank = map[string]int{"plan": 0, "target": 1, "estimate": 2, "actual": 3}

// flagStatus reads an observation flag into a status: without flag_status
// p and e are estimates; a flag is matched ignoring case and read letter
// by letter, the least final status winning; a letter not listed is
// actual; no flag is actual.
func flagStatus(flag string, table map[string]string) string {
	flag = strings.ToLower(strings.TrimSpace(flag))
	if flag == "" {
		return "actual"
	}
	m := map[string]string{"p": "estimate", "e": "estimate"}
	if table != nil {
		m = map[string]string{}
		for k, v := range table {
			m[strings.ToLower(strings.TrimSpace(k))] = v
		}
	}
	if st, ok := m[flag]; ok { // a flag listed whole
		return st
	}
	best := "actual"
	for _, c := range flag {
		if st, ok := m[string(c)]; ok && statusRank[st] < statusRank[best] {
			best = st
		}
	}
	return best
}

// dateFormat is a date_format compiled: YYYY, MM (or M), DD (or D) and
// the separators . / - and space.
type dateFormat struct {
	re      *regexp.Regexp
	y, m, d int // submatch indexes, 0 when absent
	gran    byte
}

func compileDateFormat(f string) (*dateFormat, error) {
	if f == "" {
		return nil, nil
	}
	df := &dateFormat{}
	var b strings.Builder
	b.WriteString("^")
	n := 0
	for i := 0; i < len(f); {
		switch {
		case strings.HasPrefix(f[i:], "YYYY"):
			n++
			df.y = n
			b.WriteString(`(\d{4})`)
			i += 4
		case strings.HasPrefix(f[i:], "MM"):
			n++
			df.m = n
			b.WriteString(`(\d{2})`)
			i += 2
		case f[i] == 'M':
			n++
			df.m = n
			b.WriteString(`(\d{1,2})`)
			i++
		case strings.HasPrefix(f[i:], "DD"):
			n++
			df.d = n
			b.WriteString(`(\d{2})`)
			i += 2
		case f[i] == 'D':
			n++
			df.d = n
			b.WriteString(`(\d{1,2})`)
			i++
		case strings.ContainsRune("./- ", rune(f[i])):
			b.WriteString(regexp.QuoteMeta(f[i : i+1]))
			i++
		default:
			return nil, fmt.Errorf("date_format %q: %q is none of YYYY, MM, M, DD, D, . / - or space", f, f[i:i+1])
		}
	}
	b.WriteString("$")
	if df.y == 0 || (df.d != 0 && df.m == 0) {
		return nil, fmt.Errorf("date_format %q: no year, or a day without a month", f)
	}
	df.re = regexp.MustCompile(b.String())
	switch {
	case df.d != 0:
		df.gran = 'D'
	case df.m != 0:
		df.gran = 'M'
	default:
		df.gran = 'A'
	}
	return df, nil
}

// parse reads s in the format; ok is false when s is not in it.
func (df *dateFormat) parse(s string) (period, bool, error) {
	m := df.re.FindStringSubmatch(s)
	if m == nil {
		return period{}, false, nil
	}
	y, _ := strconv.Atoi(m[df.y])
	mo, d := 1, 1
	if df.m != 0 {
		mo, _ = strconv.Atoi(m[df.m])
	}
	if df.d != 0 {
		d, _ = strconv.Atoi(m[df.d])
	}
	t := time.Date(y, time.Month(mo), d, 0, 0, 0, 0, time.UTC)
	if t.Year() != y || int(t.Month()) != mo || t.Day() != d {
		return period{}, true, fmt.Errorf("date %q: no such day", s)
	}
	var id string
	switch df.gran {
	case 'D':
		id = t.Format("2006-01-02")
	case 'M':
		id = t.Format("2006-01")
	default:
		id = t.Format("2006")
	}
	p, err := parsePeriod(id)
	return p, true, err
}

// periodText reads a period: in date_format if the mapping gives one,
// else (and also then) in the tidy forms.
func periodText(s string, df *dateFormat) (period, error) {
	s = strings.TrimSpace(s)
	if df != nil {
		if p, ok, err := df.parse(s); ok {
			return p, err
		}
	}
	return parsePeriod(s)
}

// cellPeriod reads a cell of the period column (or a column name of
// wide_periods): a workbook's date as its format shows it, a number as
// its digits (a year typed as 2019), text as periodText.
func cellPeriod(c cell, df *dateFormat) (period, error) {
	if c.IsDate || c.IsNum {
		return parsePeriod(c.name())
	}
	return periodText(c.Text, df)
}

// declarePeriod applies `period: day|week|month|quarter|year`: a date
// stands for the declared period that holds it; a row whose period is
// coarser than the declared one is an error.
func declarePeriod(p period, decl string) (period, error) {
	if decl == "" {
		return p, nil
	}
	kinds := map[string]byte{"day": 'D', "week": 'W', "month": 'M', "quarter": 'Q', "year": 'A'}
	order := map[byte]int{'D': 0, 'W': 1, 'M': 2, 'Q': 3, 'A': 4}
	k, ok := kinds[decl]
	if !ok {
		return p, fmt.Errorf("period %q: day, week, month, quarter or year", decl)
	}
	if p.Kind == k {
		return p, nil
	}
	if order[p.Kind] > order[k] {
		return p, fmt.Errorf("period %s is coarser than the declared %s", p.ID, decl)
	}
	t := p.Start
	var id string
	switch k {
	case 'W':
		y, w := t.ISOWeek()
		id = fmt.Sprintf("%04d-W%02d", y, w)
	case 'M':
		id = t.Format("2006-01")
	case 'Q':
		id = fmt.Sprintf("%04d-Q%d", t.Year(), (int(t.Month())+2)/3)
	case 'A':
		id = t.Format("2006")
	}
	if p.Kind != 'D' {
		return p, fmt.Errorf("period %s is no date: period: %s reads dates", p.ID, decl)
	}
	return parsePeriod(id)
}
