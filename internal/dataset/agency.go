package dataset

import (
	"math"
	"sort"
	"strconv"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/briefhq/brief/internal/period"
)

// The keys of a mapping for files as statistical agencies publish them:
// a preamble above the header (header_row, skip_rows), one column per
// period (wide_periods), rows of several series mixed (filter), values
// in thousands or millions (scale, scale_column), observation flags
// (flag_column, flag_status), a decimal comma (decimal, thousands) and
// dates written the local way (date_format). The sheet of a workbook is
// here too.

// defaultFlags is what the flags of SDMX files (Eurostat's OBS_FLAG, the
// OBS_STATUS of the ECB, the IMF and the OECD) mean when flag_status
// does not say: provisional and estimated figures are estimates.
var defaultFlags = map[string]Status{"p": Estimate, "e": Estimate}

// powerWords are the names of the powers of ten that scale and a scale
// column may give instead of a number.
var powerWords = map[string]int{
	"unit": 0, "units": 0, "one": 0, "ones": 0,
	"thousand": 3, "thousands": 3,
	"million": 6, "millions": 6,
	"billion": 9, "billions": 9,
	"trillion": 12, "trillions": 12,
}

// readAgencyKeys reads the agency keys of one observations entry into m.
// claim takes a column of the file for one role.
func (l *loader) readAgencyKeys(path string, keys map[string]*yaml.Node, m *fileMapping, claim func(string, role, Pos) bool) bool {
	ok := true
	bad := func(n *yaml.Node, msg string) {
		l.errorAt(yamlPos(path, n), msg)
		ok = false
	}
	if n := keys["sheet"]; n != nil {
		s, good := l.text(path, n, "sheet")
		switch {
		case !good:
			ok = false
		case s == "":
			bad(n, "sheet is empty: name the sheet of the workbook to read, or leave the key out for the first one")
		default:
			m.sheet, m.sheetPos = s, yamlPos(path, n)
		}
	}
	line := func(key string, min int) (int, *yaml.Node) {
		n := keys[key]
		if n == nil {
			return 0, nil
		}
		s, good := l.text(path, n, key)
		v, err := strconv.Atoi(s)
		if good && (err != nil || v < min || v > 1<<20) {
			bad(n, key+" "+strconv.Quote(s)+" must be a whole number of lines from "+strconv.Itoa(min))
			return 0, nil
		}
		if !good {
			ok = false
		}
		return v, n
	}
	hr, hn := line("header_row", 1)
	sr, sn := line("skip_rows", 0)
	switch {
	case hn != nil && sn != nil:
		bad(sn, "header_row and skip_rows say the same thing: keep one (header_row: 5 is skip_rows: 4)")
	case hn != nil:
		m.headerLine, m.headerKey = hr, "header_row: "+strconv.Itoa(hr)
	case sn != nil && sr > 0:
		m.headerLine, m.headerKey = sr+1, "skip_rows: "+strconv.Itoa(sr)
	}

	if n := keys["wide_periods"]; n != nil {
		s, _ := l.text(path, n, "wide_periods")
		switch {
		case !strings.EqualFold(s, "all"):
			bad(n, "wide_periods takes all: every column whose name is a period (1960, 2024-Q3, 2024-11) holds the values of that period")
		case len(m.wide) > 0 || m.wideAll || len(m.wideEnt) > 0:
			bad(n, "a file has one column per period (wide_periods), per indicator (wide) or per entity (wide_entities), not two of them")
		case m.columns[fPeriod] != "" || m.columns[fValue] != "" || m.hasConst[fPeriod]:
			bad(n, "a file with one column per period takes period and value from those columns: remove them from columns and constants")
		default:
			m.widePeriods = true
		}
	}

	if n := keys["filter"]; n != nil {
		if n.Kind != yaml.MappingNode || len(n.Content) == 0 {
			bad(n, "filter must be a mapping from column to the value to keep, e.g. {FREQ: A, UNIT: CP_MEUR}")
		} else {
			seen := map[string]bool{}
			for i := 0; i+1 < len(n.Content); i += 2 {
				k, v := n.Content[i], n.Content[i+1]
				col := strings.TrimSpace(k.Value)
				key := strings.ToLower(col)
				if col == "" || seen[key] {
					bad(k, "filter names the column "+strconv.Quote(col)+" twice or not at all: give each column once")
					continue
				}
				seen[key] = true
				var vals []string
				items := []*yaml.Node{v}
				if v.Kind == yaml.SequenceNode {
					items = v.Content
				}
				for _, it := range items {
					if s, good := l.text(path, it, "filter"); good && s != "" {
						vals = append(vals, s)
					} else if good {
						bad(it, "filter on "+strconv.Quote(col)+" has an empty value: give the value to keep (the rows with another are skipped)")
					} else {
						ok = false
					}
				}
				if len(vals) > 0 {
					m.filters = append(m.filters, filterSpec{column: key, raw: col, values: vals, pos: yamlPos(path, k)})
				}
			}
		}
	}

	if n := keys["scale"]; n != nil {
		s, good := l.text(path, n, "scale")
		if e, found := scaleOf(s); good && found {
			m.scaleExp = e
		} else if good {
			bad(n, scaleAdvice(s))
		} else {
			ok = false
		}
	}
	column := func(key string, ro role) (string, string) {
		n := keys[key]
		if n == nil {
			return "", ""
		}
		s, good := l.text(path, n, key)
		if !good || s == "" {
			if good {
				bad(n, key+" is empty: name the column")
			}
			ok = false
			return "", ""
		}
		if !claim(s, ro, yamlPos(path, n)) {
			ok = false
			return "", ""
		}
		return strings.ToLower(s), s
	}
	m.scaleCol, m.scaleColRaw = column("scale_column", role{kind: roleScale})
	if m.scaleCol != "" && keys["scale"] != nil {
		bad(keys["scale_column"], "scale and scale_column together: keep one (a scale for the whole file, or a column giving it row by row)")
	}
	m.flagCol, m.flagColRaw = column("flag_column", role{kind: roleFlag})
	if n := keys["flag_column"]; n != nil {
		m.flagPos = yamlPos(path, n)
		if m.columns[fStatus] != "" || m.hasConst[fStatus] {
			bad(n, "flag_column gives the status: remove status from columns and constants")
		}
	}
	if n := keys["flag_status"]; n != nil {
		switch {
		case keys["flag_column"] == nil:
			bad(n, "flag_status needs flag_column: name the column of the flags")
		case n.Kind != yaml.MappingNode || len(n.Content) == 0:
			bad(n, "flag_status must be a mapping from flag to status, e.g. {p: estimate, e: estimate, f: plan}")
		default:
			m.flagStatus = map[string]Status{}
			for i := 0; i+1 < len(n.Content); i += 2 {
				k, v := n.Content[i], n.Content[i+1]
				s, good := l.text(path, v, k.Value)
				st := Status(strings.ToLower(s))
				switch st {
				case Actual, Estimate, Plan, Target:
					m.flagStatus[strings.ToLower(strings.TrimSpace(k.Value))] = st
				default:
					if good {
						bad(v, "status "+strconv.Quote(s)+" for flag "+strconv.Quote(k.Value)+": use actual, estimate, plan or target")
					} else {
						ok = false
					}
				}
			}
		}
	} else if m.flagCol != "" {
		m.flagStatus = defaultFlags
	}

	sep := func(key string, allowed string) (string, *yaml.Node) {
		n := keys[key]
		if n == nil {
			return "", nil
		}
		s := n.Value // a space is a separator: not trimmed
		if n.Kind != yaml.ScalarNode {
			bad(n, key+" must be a single character")
			return "", nil
		}
		if strings.EqualFold(s, "none") || s == "" && n.ShortTag() == "!!null" {
			return "", n
		}
		if s == "space" {
			s = " "
		}
		if len(s) != 1 || !strings.Contains(allowed, s) {
			bad(n, key+" "+strconv.Quote(s)+" must be one of "+allowedList(allowed))
			return "", nil
		}
		return s, n
	}
	dec, dn := sep("decimal", ".,")
	th, tn := sep("thousands", ".,' ")
	if dec == "," {
		m.decimal = ','
	}
	m.thousands = th
	switch {
	case th != "" && (th == dec || dec == "" && th == "."):
		bad(tn, "thousands "+strconv.Quote(th)+" is the decimal separator too: set decimal to the other one")
	case dn != nil && dec == "":
		bad(dn, "decimal must be \".\" or \",\"")
	}

	if n := keys["date_format"]; n != nil {
		s, good := l.text(path, n, "date_format")
		layout, kind, err := dateLayout(s)
		if good && err != "" {
			bad(n, "date_format "+strconv.Quote(s)+": "+err)
		} else if good {
			m.dateLayout, m.dateFormat, m.dateKind = layout, s, kind
		} else {
			ok = false
		}
	}
	return ok
}

func allowedList(chars string) string {
	var out []string
	for _, c := range chars {
		if c == ' ' {
			out = append(out, "space")
			continue
		}
		out = append(out, strconv.Quote(string(c)))
	}
	return strings.Join(out, ", ") + " or none"
}

// scaleOf reads a power of ten: 1000, 1e6, 0.001, million.
func scaleOf(s string) (int, bool) {
	t := strings.ToLower(strings.TrimSpace(s))
	if e, ok := powerWords[t]; ok {
		return e, true
	}
	v, err := strconv.ParseFloat(t, 64)
	if err != nil || v <= 0 {
		return 0, false
	}
	e := int(math.Round(math.Log10(v)))
	if e < -12 || e > 18 || math.Pow10(e) != v {
		return 0, false
	}
	return e, true
}

// scaleAdvice says what to write for a scale that is no power of ten;
// a small whole number is taken for the exponent it most likely is.
func scaleAdvice(s string) string {
	q := "scale " + strconv.Quote(s) + ": "
	if e, err := strconv.Atoi(strings.TrimSpace(s)); err == nil && e >= 2 && e <= 18 {
		what, word := "10^"+strconv.Itoa(e), ""
		for w, pe := range powerWords {
			if pe == e && strings.HasSuffix(w, "s") {
				what, word = "values in "+w, ", or "+strings.TrimSuffix(w, "s")
			}
		}
		return q + "scale is the number the values are multiplied by, not its power of ten: for " + what +
			" write scale: 1" + strings.Repeat("0", e) + " (or 1e" + strconv.Itoa(e) + word + ")"
	}
	return q + "give the number the values are multiplied by: a power of ten (1000, 1e6, 0.01) or a word (thousand, million, billion)"
}

// rowScale reads a scale column's cell: an SDMX UNIT_MULT (the power of
// ten: 6 is millions), or a word (Millions). Empty is units.
func rowScale(s string) (int, bool) {
	t := strings.TrimSpace(s)
	if t == "" {
		return 0, true
	}
	if e, err := strconv.Atoi(t); err == nil {
		return e, e >= -12 && e <= 18
	}
	e, ok := powerWords[strings.ToLower(t)]
	return e, ok
}

// dateLayout turns a date_format (DD.MM.YYYY, MM/YYYY) into a time
// layout and the granularity its dates have; err says what is wrong.
func dateLayout(format string) (layout string, kind period.Kind, err string) {
	var b strings.Builder
	var hasY, hasM, hasD bool
	for i := 0; i < len(format); {
		rest := format[i:]
		switch {
		case strings.HasPrefix(rest, "YYYY"):
			b.WriteString("2006")
			hasY = true
			i += 4
		case strings.HasPrefix(rest, "YY"):
			return "", 0, "two-digit years are ambiguous: write YYYY"
		case strings.HasPrefix(rest, "MM"):
			b.WriteString("01")
			hasM = true
			i += 2
		case strings.HasPrefix(rest, "DD"):
			b.WriteString("02")
			hasD = true
			i += 2
		case rest[0] == 'M':
			b.WriteString("1")
			hasM = true
			i++
		case rest[0] == 'D':
			b.WriteString("2")
			hasD = true
			i++
		case strings.ContainsRune("./- ", rune(rest[0])):
			b.WriteByte(rest[0])
			i++
		default:
			return "", 0, "use YYYY, MM (or M), DD (or D) and the separators . / - or space, e.g. DD.MM.YYYY"
		}
	}
	switch {
	case !hasY:
		return "", 0, "give the year as YYYY, e.g. DD.MM.YYYY"
	case hasD && !hasM:
		return "", 0, "a day needs its month: e.g. DD.MM.YYYY"
	case hasD:
		kind = period.Day
	case hasM:
		kind = period.Month
	default:
		kind = period.Year
	}
	return b.String(), kind, ""
}

// isoDate rewrites a date in the mapping's date_format as 2025-01-31
// (or 2025-01, or 2025, by the format's granularity).
func (m *fileMapping) isoDate(s string) (string, bool) {
	t, err := time.Parse(m.dateLayout, strings.TrimSpace(s))
	if err != nil {
		return "", false
	}
	switch m.dateKind {
	case period.Year:
		return t.Format("2006"), true
	case period.Month:
		return t.Format("2006-01"), true
	}
	return t.Format("2006-01-02"), true
}

// number reads a value through the mapping's number format (a decimal
// comma, a thousands separator) and scale: exp is the power of ten the
// value is in. num says the value was a number cell of a workbook, to
// which the text format does not apply. The plain case, a tidy file, is
// ParseNumber.
func (m *fileMapping) number(s string, num bool, exp int) (float64, error) {
	if exp == 0 && (num || m.decimal == 0 && m.thousands == "") {
		return ParseNumber(s)
	}
	t := strings.TrimSpace(s)
	if !num && (m.decimal != 0 || m.thousands != "") && t != "" {
		var advice string
		plain := t
		if t, advice = m.plainNumber(t); advice != "" {
			if _, err := ParseNumber(plain); err == nil && !strings.ContainsAny(plain, "eE") {
				advice = strings.Replace(advice, "1.234,5", m.localize(plain), 1)
				advice = strings.Replace(advice, "1234,5", m.localize(plain), 1)
			}
			return 0, &NumberError{Input: s, Advice: advice}
		}
	}
	if exp != 0 && t != "" {
		t = shiftExp(t, exp)
	}
	v, err := ParseNumber(t)
	if ne, ok := err.(*NumberError); ok {
		if exp != 0 {
			if _, plain := ParseNumber(strings.TrimSpace(s)); plain == nil || num {
				// In range before the scale, out of range after it.
				return 0, &NumberError{Input: s, Advice: ne.Advice + " (the value times the scale, 1e" + strconv.Itoa(exp) + ")"}
			}
		}
		ne.Input = s
	}
	return v, err
}

// plainNumber rewrites a number written with the mapping's separators
// (1.234,5 with decimal "," and thousands ".") as a plain one (1234.5),
// or says why it cannot.
func (m *fileMapping) plainNumber(t string) (string, string) {
	dec := byte('.')
	if m.decimal != 0 {
		dec = m.decimal
	}
	sign := ""
	if t[0] == '-' || t[0] == '+' {
		sign, t = t[:1], t[1:]
	}
	intPart, frac, hasFrac := strings.Cut(t, string(dec))
	if m.thousands != "" {
		isSep := func(r rune) bool {
			return string(r) == m.thousands || m.thousands == " " && (r == '\u00a0' || r == '\u202f')
		}
		if strings.IndexFunc(frac, isSep) >= 0 {
			return "", m.formatAdvice()
		}
		if strings.IndexFunc(intPart, isSep) >= 0 {
			var groups []string
			start := 0
			for i, r := range intPart {
				if isSep(r) {
					groups = append(groups, intPart[start:i])
					start = i + len(string(r))
				}
			}
			groups = append(groups, intPart[start:])
			for i, g := range groups {
				if !onlyChars(g, "0123456789") || i == 0 && (len(g) == 0 || len(g) > 3) || i > 0 && len(g) != 3 {
					return "", m.formatAdvice()
				}
			}
			intPart = strings.Join(groups, "")
		}
	}
	other := byte(',')
	if dec == ',' {
		other = '.'
	}
	if m.thousands != string(other) && (strings.IndexByte(intPart, other) >= 0 || strings.IndexByte(frac, other) >= 0) {
		return "", m.formatAdvice()
	}
	if !hasFrac {
		return sign + intPart, ""
	}
	return sign + intPart + "." + frac, ""
}

// formatAdvice says how the mapping reads numbers, for a value that is
// not written so.
func (m *fileMapping) formatAdvice() string {
	dec := "."
	if m.decimal != 0 {
		dec = string(m.decimal)
	}
	example := "1234" + dec + "5"
	if m.thousands != "" {
		example = "1" + m.thousands + "234" + dec + "5"
	}
	th := "no thousands separator"
	if m.thousands != "" {
		th = "thousands " + strconv.Quote(m.thousands) + " between groups of three digits"
	}
	return "dataset.yaml reads numbers with decimal " + strconv.Quote(dec) + " and " + th + ": write it as " + example + ", or correct decimal and thousands"
}

// localize writes a plain number (2023.00) with the mapping's separators
// (2.023,00), for advice.
func (m *fileMapping) localize(plain string) string {
	sign := ""
	if plain[0] == '-' || plain[0] == '+' {
		sign, plain = plain[:1], plain[1:]
	}
	intPart, frac, hasFrac := strings.Cut(plain, ".")
	if m.thousands != "" {
		var g []string
		for len(intPart) > 3 {
			g = append([]string{intPart[len(intPart)-3:]}, g...)
			intPart = intPart[:len(intPart)-3]
		}
		intPart = strings.Join(append([]string{intPart}, g...), m.thousands)
	}
	if !hasFrac {
		return sign + intPart
	}
	dec := "."
	if m.decimal != 0 {
		dec = string(m.decimal)
	}
	return sign + intPart + dec + frac
}

// shiftExp multiplies a number written in decimal by 10^exp by moving
// its exponent, so that "1234.5" in millions is exactly 1234500000, not
// the nearest product of two binary fractions.
func shiftExp(t string, exp int) string {
	if i := strings.IndexAny(t, "eE"); i >= 0 {
		if e, err := strconv.Atoi(strings.TrimPrefix(t[i+1:], "+")); err == nil {
			return t[:i] + "e" + strconv.Itoa(e+exp)
		}
		return t // not a number: ParseNumber says so
	}
	return t + "e" + strconv.Itoa(exp)
}

// flagStatusOf is the status a row's flag gives: the flag as a whole,
// else its letters (Eurostat combines them: "bp" is a break in series and
// provisional), the least final one winning. known is false for a flag
// flag_status does not list.
func (m *fileMapping) flagStatusOf(flag string) (Status, bool) {
	f := strings.ToLower(strings.TrimSpace(flag))
	if f == "" {
		return Actual, true
	}
	if st, ok := m.flagStatus[f]; ok {
		return st, true
	}
	rank := map[Status]int{Actual: 0, Estimate: 1, Target: 2, Plan: 3}
	best, known := Actual, true
	for _, r := range f {
		if r == ' ' || r == ',' {
			continue
		}
		st, ok := m.flagStatus[string(r)]
		if !ok {
			known = false
			continue
		}
		if rank[st] > rank[best] {
			best = st
		}
	}
	return best, known
}

// flagTally counts the rows of flags that flag_status does not list,
// for one warning per flag.
type flagTally struct {
	pos   Pos
	n     int
	flag  string
	where Pos // the flag_column key in dataset.yaml
}

func (l *loader) countFlag(flag string, p, where Pos) {
	if l.flags == nil {
		l.flags = map[string]*flagTally{}
	}
	key := where.String() + "\x00" + flag
	t := l.flags[key]
	if t == nil {
		t = &flagTally{pos: p, flag: flag, where: where}
		l.flags[key] = t
	}
	t.n++
}

func (l *loader) flushFlags() {
	keys := make([]string, 0, len(l.flags))
	for k := range l.flags {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		t := l.flags[k]
		l.warnAt(t.pos, "flag "+strconv.Quote(t.flag)+" is not listed under flag_status in dataset.yaml"+times(t.n)+": the figure is read as actual; map the flag to a status (e.g. "+strings.ToLower(t.flag)+": actual) to say so")
	}
}

// filterTally is what a file's filters saw: rows read and kept, and the
// values found in each filtered column (a few, for the message when no
// row is kept).
type filterTally struct {
	rows, kept int
	seen       []map[string]bool
}

// passes reports whether a record passes the mapping's filters;
// idx[i] is the field of filter i, -1 when its column is missing.
func (m *fileMapping) passes(rec []string, idx []int, t *filterTally) bool {
	t.rows++
	ok := true
	for i, f := range m.filters {
		j := idx[i]
		if j < 0 {
			return false
		}
		v := strings.TrimSpace(rec[j])
		if t.seen[i] == nil {
			t.seen[i] = map[string]bool{}
		}
		if len(t.seen[i]) < 12 {
			t.seen[i][strings.Clone(v)] = true
		}
		if ok && !contains(f.values, v) {
			ok = false
		}
	}
	if ok {
		t.kept++
	}
	return ok
}

// reportFilters says so when a file's filters leave no row of it.
func (l *loader) reportFilters(file string, m *fileMapping, idx []int, t *filterTally) {
	if len(m.filters) == 0 || t.rows == 0 || t.kept > 0 {
		return
	}
	for _, j := range idx {
		if j < 0 {
			return // a missing column is reported already
		}
	}
	var parts []string
	for i, f := range m.filters {
		vals := make([]string, 0, len(t.seen[i]))
		for v := range t.seen[i] {
			vals = append(vals, strconv.Quote(v))
		}
		sort.Strings(vals)
		more := ""
		if len(vals) >= 12 {
			more = ", ..."
		}
		parts = append(parts, f.raw+" has "+strings.Join(vals, ", ")+more)
	}
	l.errorAt(m.filters[0].pos, "no row of "+file+" passes the filter ("+strings.Join(parts, "; ")+"): correct the values to keep")
}

// named are the file's columns the mapping names, as written.
func (m *fileMapping) named() []string {
	var out []string
	for f := field(0); f < nFields; f++ {
		if m.columnNames[f] != "" {
			out = append(out, m.columnNames[f])
		}
	}
	for _, w := range m.wide {
		out = append(out, w.column)
	}
	for _, w := range m.wideEnt {
		out = append(out, w.column)
	}
	for _, f := range m.filters {
		out = append(out, f.raw)
	}
	for _, s := range []string{m.entityNameRaw, m.scaleColRaw, m.flagColRaw} {
		if s != "" {
			out = append(out, s)
		}
	}
	return out
}

// hasAll reports whether rec names every column of want.
func hasAll(rec []string, want []string) bool {
	have := make(map[string]bool, len(rec))
	for _, s := range rec {
		have[strings.ToLower(strings.TrimSpace(s))] = true
	}
	for _, w := range want {
		if !have[strings.ToLower(strings.TrimSpace(w))] {
			return false
		}
	}
	return true
}

// headerLinesScanned is how far down a file the header is looked for
// when it is not where the mapping says.
const headerLinesScanned = 100

// headerElsewhere reports, and returns true, when the header read lacks
// columns the mapping names and another of the file's first lines has
// them all: a preamble above the header (a World Bank download has four
// lines of it), or a header_row that is off.
func (l *loader) headerElsewhere(rec []string, at cells, m *fileMapping, scan func(func(line int, rec []string) bool)) bool {
	want := m.named()
	if len(want) == 0 || scan == nil || hasAll(rec, want) {
		return false
	}
	here := at.line()
	found := 0
	scan(func(line int, r []string) bool {
		if line != here.Line && hasAll(r, want) {
			found = line
			return false
		}
		return line < headerLinesScanned
	})
	if found == 0 {
		return false
	}
	word := "line"
	if here.Sheet != "" {
		word = "row"
	}
	now := word + " " + strconv.Itoa(here.Line)
	if m.headerKey != "" {
		now += " (" + m.headerKey + ")"
	}
	fix := "header_row: " + strconv.Itoa(found)
	if found > 1 {
		fix += " (or skip_rows: " + strconv.Itoa(found-1) + ")"
	}
	l.errorAt(here, "the columns dataset.yaml names ("+strings.Join(quoteAll(want), ", ")+") are on "+word+" "+strconv.Itoa(found)+", not on "+now+": set "+fix+" in dataset.yaml")
	return true
}

func quoteAll(list []string) []string {
	out := make([]string, len(list))
	for i, s := range list {
		out[i] = strconv.Quote(s)
	}
	return out
}

// headerPeriod reads a column name as a period, for wide_periods: 1960,
// 2024-Q3, a date in the mapping's date_format, a date cell.
func (m *fileMapping) headerPeriod(raw string, kind cellKind) (string, bool) {
	t := strings.TrimSpace(raw)
	if m.dateLayout != "" && kind == kText {
		if iso, ok := m.isoDate(t); ok {
			t = iso
		}
	}
	if _, err := period.Parse(t); err != nil {
		return "", false
	}
	return t, true
}
