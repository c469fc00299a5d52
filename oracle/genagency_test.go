package oracle

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"math/rand/v2"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"
)

// Generated datasets in the shapes of docs/mapping.md's "Agency files":
// the canonical rows of a generated dataset written as an agency would
// write them, with the dataset.yaml that reads them. The oracle computes
// its claims from the canonical rows; the engine reads the files. Each
// seed draws its shape from a stream of its own, so that the data of a
// seed are the same whatever its shape.

// layout is the shape of a generated dataset's observation file.
type layout struct {
	Agency     bool
	TidyXLSX   bool // not an agency's shape: the tidy columns in observations.xlsx, catalogs as its sheets
	Delim      rune
	Dec, Th    string // decimal and thousands separators as dataset.yaml names them
	ThChar     string // the thousands separator written ("space": a space or a no-break space)
	Group      int    // percent of the numbers written with thousands separators
	Preamble   []string
	SkipRows   bool // skip_rows: N instead of header_row: N+1
	CRLF, BOM  bool
	Wide       bool   // wide_periods: all
	DateFormat string // for day (or month) periods
	DateGran   byte   // 'D' or 'M': which periods DateFormat writes
	Scale      int    // the power of ten of every value (scale:)
	ScaleWord  string // scale: as dataset.yaml writes it
	ScaleCol   bool   // scale_column: UNIT_MULT, a power of ten per row
	Freq       bool   // filter {freq: A}, decoys with Q
	Series     bool   // filter {series: [S1, S2]}, decoys with S3
	IndFilter  bool   // filter on the mapped indicator column, decoys of an unknown indicator
	PerInd     bool   // one entry per indicator: filter on a unit code column (SDMX's unit), constants indicator and unit
	Flags      int    // 0: a status column; 1: flag_column with the default flags; 2: with flag_status
	FlagKeysUp bool   // flag_status keys in capitals (A, P as OBS_STATUS writes them)
	Notes      bool   // an ignored column
	HeadCase   bool   // the header writes freq, SERIES, UNIT_MULT, OBS_FLAG in another case than dataset.yaml
	Spaces     bool   // filter cells with spaces around them (" A")
	CR         bool   // old Mac line ends (CR alone)
	Declared   string // period: month (quarter, year, week): the file writes a day of each period
	// DeclaredInd: the same per indicator, one entry each (PerInd)
	DeclaredInd map[string]string
	XLSX        bool   // an Excel workbook (export.xlsx) instead of a CSV file
	Sheet       string // its sheet (sheet:), "" for the default
	DefSheet    string // without sheet: the sheet's name: observations (picked by its name) or Sheet1 (the first visible)
	DateCells   int    // percent of the released dates written as date cells
	MergeDown   bool   // an entity's cell merged down the rows of its lines
	Outside     bool   // values right of the table, formatted empty rows after it
	Pct         int    // percent of the values of a "%" unit written as percentages (0.035 shown 3.50%)
	SayComma    bool   // delimiter: "," said although it is the default
	TabWord     bool   // delimiter: tab rather than "\t"
	Names       map[string]string
	AutoMap     map[string]bool // a column named like our field, left unmapped
}

// fieldNames are the column names an agency might use for our fields.
var fieldNames = map[string][]string{
	"indicator":   {"indicator", "Indicator Code", "INDICATOR", "series_code"},
	"entity":      {"entity", "geo", "Country Code", "REF_AREA"},
	"counterpart": {"counterpart", "partner", "COUNTERPART_AREA"},
	"period":      {"period", "TIME_PERIOD", "Date", "Zeitraum"},
	"value":       {"value", "OBS_VALUE", "Wert", "Value"},
	"unit":        {"unit", "Unit of measure", "UNIT_MEASURE"},
	"released":    {"released", "Release date", "RELEASED"},
	"source":      {"source", "Quelle", "SOURCE"},
	"source_url":  {"source_url", "Link"},
	"status":      {"status", "Status", "OBS_CONF"},
}

// drawLayout draws the shape of one dataset. plans says whether the data
// have plans or targets (the default flags cannot say them), days and
// months whether they have day or month periods.
func drawLayout(ra *rand.Rand, plans, days, months bool, nInd int, kinds map[byte]bool) *layout {
	l := &layout{Delim: ',', Dec: ".", Names: map[string]string{}, AutoMap: map[string]bool{}}
	if ra.IntN(2) == 0 {
		return l // the tidy observations.csv
	}
	l.Agency = true
	if ra.IntN(4) == 0 {
		l.XLSX = true
		l.Sheet = []string{"", "Data", "Daten 2024"}[ra.IntN(3)]
		l.DefSheet = []string{"Sheet1", "observations", "Observations"}[ra.IntN(3)]
		l.DateCells = []int{0, 50, 100}[ra.IntN(3)]
		l.MergeDown, l.Outside = ra.IntN(3) == 0, ra.IntN(3) == 0
		l.Pct = []int{0, 50, 100}[ra.IntN(3)]
	}
	l.Delim = []rune{',', ';', '\t'}[ra.IntN(3)]
	seps := [][2]string{{".", ""}, {".", ","}, {".", "'"}, {".", "space"}, {",", ""}, {",", "."}, {",", "space"}, {",", "'"}, {",", "none"}, {".", "none"}}
	s := seps[ra.IntN(len(seps))]
	l.Dec, l.Th = s[0], s[1]
	l.ThChar = l.Th
	if l.Th == "space" {
		l.ThChar = []string{" ", "\u00a0", "\u202f"}[ra.IntN(3)]
	}
	l.Group = []int{100, 80, 50}[ra.IntN(3)]
	if ra.IntN(2) == 0 {
		lines := []string{`"Data Source","Generated by the oracle",`, ``, `"Last Updated Date","2024-06-28",`,
			`Title: a "quoted" word, a bare " quote; and the delimiters , ;`, `,,,`, `Notes:	tab	separated`}
		for n := 1 + ra.IntN(5); n > 0; n-- {
			l.Preamble = append(l.Preamble, lines[ra.IntN(len(lines))])
		}
		if l.Preamble[0] == "" && len(l.Preamble) == 1 {
			l.Preamble[0] = lines[0]
		}
		l.SkipRows = ra.IntN(2) == 0
	}
	l.SayComma, l.TabWord = ra.IntN(2) == 0, ra.IntN(2) == 0
	l.CRLF, l.BOM = ra.IntN(2) == 0, ra.IntN(2) == 0
	l.CR = !l.CRLF && ra.IntN(4) == 0
	l.HeadCase, l.Spaces = ra.IntN(3) == 0, ra.IntN(3) == 0
	l.Wide = ra.IntN(3) == 0
	if days && ra.IntN(2) == 0 {
		l.DateFormat = []string{"DD.MM.YYYY", "D.M.YYYY", "MM/DD/YYYY", "YYYY/MM/DD", "DD-MM-YYYY", "D M YYYY"}[ra.IntN(6)]
		l.DateGran = 'D'
	} else if !days && months && ra.IntN(2) == 0 {
		l.DateFormat = []string{"MM/YYYY", "M.YYYY", "YYYY/MM"}[ra.IntN(3)]
		l.DateGran = 'M'
	}
	if len(kinds) == 1 && !kinds['D'] && ra.IntN(2) == 0 {
		for k := range kinds {
			l.Declared = map[byte]string{'W': "week", 'M': "month", 'Q': "quarter", 'A': "year"}[k]
		}
		l.DateFormat, l.DateGran = "", 0
		if ra.IntN(2) == 0 {
			l.DateFormat = []string{"DD.MM.YYYY", "D/M/YYYY", "YYYY-MM-DD"}[ra.IntN(3)]
		}
		l.DateGran = 'D'
	}
	switch ra.IntN(4) {
	case 1:
		l.Scale = []int{3, 6, 9, 2, -2}[ra.IntN(5)]
		words := map[int][]string{3: {"1000", "thousand", "Thousands", "1e3"}, 6: {"1000000", "million", "1e6", "Millions"},
			9: {"billion", "1e9"}, 2: {"100"}, -2: {"0.01"}}[l.Scale]
		l.ScaleWord = words[ra.IntN(len(words))]
	case 2:
		l.ScaleCol = true
	}
	l.Freq = ra.IntN(3) == 0
	l.Series = ra.IntN(3) == 0
	l.PerInd = nInd > 1 && ra.IntN(3) == 0
	l.IndFilter = !l.PerInd && ra.IntN(3) == 0
	switch ra.IntN(3) {
	case 1:
		if !plans {
			l.Flags = 1
		} else {
			l.Flags = 2
		}
	case 2:
		l.Flags = 2
	}
	l.FlagKeysUp = ra.IntN(2) == 0
	l.Notes = ra.IntN(2) == 0
	for _, f := range fields { // in order: a map's would change the draws
		names, ok := fieldNames[f]
		if !ok {
			continue
		}
		l.Names[f] = names[ra.IntN(len(names))]
		if strings.EqualFold(l.Names[f], f) && ra.IntN(2) == 0 {
			l.AutoMap[f] = true
		}
	}
	if l.PerInd {
		l.Names["unit"] = "unit" // SDMX's unit: the filter's column, the unit a constant
	}
	return l
}

// number writes v (a value of the canonical rows, at most a few decimals)
// in the power of ten scale with the layout's separators.
func (l *layout) number(ra *rand.Rand, v float64, scale int) string {
	s := strconv.FormatFloat(v, 'f', -1, 64)
	sign := ""
	if strings.HasPrefix(s, "-") {
		sign, s = "-", s[1:]
	}
	ip, fp, _ := strings.Cut(s, ".")
	digits := ip + fp
	point := len(ip) - scale // the decimal point moves left by scale
	for point <= 0 {
		digits, point = "0"+digits, point+1
	}
	for point > len(digits) {
		digits += "0"
	}
	ip, fp = strings.TrimLeft(digits[:point], "0"), digits[point:]
	if ip == "" {
		ip = "0"
	}
	if l.Th != "" && l.Th != "none" && len(ip) > 3 && ra.IntN(100) < l.Group {
		var b strings.Builder
		for i, c := range ip {
			if i > 0 && (len(ip)-i)%3 == 0 {
				b.WriteString(l.ThChar)
			}
			b.WriteRune(c)
		}
		ip = b.String()
	}
	if fp == "" {
		return sign + ip
	}
	return sign + ip + l.Dec + fp
}

// periodText writes a period as the layout's date_format writes it; with
// a declared period, as a day of it (the same day for the same period).
func (l *layout) periodText(p period, ind string) string {
	if l.Declared != "" || l.DeclaredInd[ind] != "" {
		n := int(p.End.Sub(p.Start).Hours()/24) + 1
		h := 0
		for _, c := range p.ID {
			h = h*31 + int(c)
		}
		d := p.Start.AddDate(0, 0, h%n)
		p = period{ID: d.Format("2006-01-02"), Kind: 'D', Start: d, End: d}
		if l.DateFormat == "" {
			return p.ID
		}
	}
	if l.DateFormat == "" || p.Kind != l.DateGran {
		return p.ID
	}
	f := l.DateFormat
	r := strings.NewReplacer("YYYY", fmt.Sprintf("%04d", p.Start.Year()), "MM", fmt.Sprintf("%02d", int(p.Start.Month())),
		"DD", fmt.Sprintf("%02d", p.Start.Day()), "M", strconv.Itoa(int(p.Start.Month())), "D", strconv.Itoa(p.Start.Day()))
	return r.Replace(f)
}

var flagsFor = map[int]map[string][]string{
	1: {"actual": {"", "", "b", "B"}, "estimate": {"p", "e", "P", "E", "bp", "pb"}},
	2: {"actual": {"", "a", "A", "b", "ab"}, "estimate": {"p", "E", "bp", "pa"}, "plan": {"f", "F", "fp", "bf", "tf"},
		"target": {"t", "T", "te", "bt"}},
}

// render writes rows (the canonical rows of one vintage) in the layout:
// the files of the folder (dataset.yaml and the observation file), and
// each row's file and line as the engine should cite them. ra draws the
// choices made cell by cell (separators, flags, decoys).
func (l *layout) render(ra *rand.Rand, rows []*row, inds map[string]*indicatorDef, hasReleased bool) map[string]string {
	files := map[string]string{}
	indIDs := make([]string, 0, len(inds))
	for id := range inds {
		indIDs = append(indIDs, id)
	}
	sort.Strings(indIDs)
	present := map[string]bool{}
	for _, r := range rows {
		present[r.Indicator] = true
	}
	hasCp := false
	for _, r := range rows {
		if r.Counterpart != "" {
			hasCp = true
		}
	}
	// the columns, in order
	var cols []string
	addCol := func(c string) { cols = append(cols, c) }
	if !l.PerInd {
		addCol("indicator")
	}
	addCol("entity")
	if hasCp {
		addCol("counterpart")
	}
	if l.Freq {
		addCol("@freq")
	}
	if l.Series {
		addCol("@series")
	}
	if l.PerInd {
		addCol("@unitcode")
	} else {
		addCol("unit")
	}
	if hasReleased {
		addCol("released")
	}
	if l.ScaleCol {
		addCol("@mult")
	}
	if l.Flags > 0 {
		addCol("@flag")
	} else {
		addCol("status")
	}
	if !l.PerInd {
		addCol("source")
		addCol("source_url")
	}
	if l.Notes {
		addCol("@notes")
	}
	// the periods, as columns (wide) or a column
	type key struct{ ind, ent, cp, rel, status, flag string }
	type line struct {
		k        key
		decoy    string            // the filter it breaks
		mult     int               // its power of ten (scale_column)
		multText string            // as written
		cells    map[string]string // period column -> value text (wide)
		value    string            // the value (long)
		per      string
		p        period
		rows     []*row
	}
	var periodCols []string
	var widePs []period
	var lines []*line
	byKey := map[key]*line{}
	flags := map[key]string{} // a line's flag, drawn once for its status
	flagOf := func(k key) string {
		if f, ok := flags[k]; ok && l.Wide {
			return f
		}
		fs := flagsFor[l.Flags][k.status]
		f := fs[ra.IntN(len(fs))]
		flags[k] = f
		return f
	}
	newLine := func(k key) *line {
		ln := &line{k: k, cells: map[string]string{}}
		if l.ScaleCol {
			switch ra.IntN(6) {
			case 0:
				ln.mult, ln.multText = 0, ""
			case 1:
				ln.mult, ln.multText = 0, "0"
			case 2:
				ln.mult, ln.multText = 3, "3"
			case 3:
				ln.mult, ln.multText = 6, "6"
			case 4:
				ln.mult, ln.multText = 6, []string{"Millions", "million"}[ra.IntN(2)]
			default:
				ln.mult, ln.multText = 3, []string{"Thousands", "thousand"}[ra.IntN(2)]
			}
		}
		return ln
	}
	if l.Wide {
		seen := map[string]bool{}
		var ps []period
		for _, r := range rows {
			if !seen[r.P.ID] {
				seen[r.P.ID] = true
				ps = append(ps, r.P)
			}
		}
		sort.Slice(ps, func(i, j int) bool { return later1(ps[j], ps[i]) })
		for _, p := range ps {
			periodCols = append(periodCols, l.periodText(p, ""))
		}
		widePs = ps
	}
	for _, r := range rows {
		k := key{ind: r.Indicator, ent: r.Entity, cp: r.Counterpart, rel: r.Released, status: r.Status}
		if l.Flags > 0 {
			k.flag = flagOf(k)
		}
		if !l.Wide {
			ln := newLine(k)
			ln.value, ln.per, ln.p, ln.rows = l.number(ra, r.Value, l.Scale+ln.mult), l.periodText(r.P, r.Indicator), r.P, []*row{r}
			lines = append(lines, ln)
			continue
		}
		ln := byKey[k]
		if ln == nil || ln.cells[l.periodText(r.P, "")] != "" {
			ln = newLine(k)
			byKey[k] = ln
			lines = append(lines, ln)
		}
		ln.cells[l.periodText(r.P, "")] = l.number(ra, r.Value, l.Scale+ln.mult)
		ln.rows = append(ln.rows, r)
	}
	// decoys: a copy of a line that breaks one filter, with other values;
	// were it read, it would conflict with the line it copies
	var breakers []string
	if l.Freq {
		breakers = append(breakers, "freq")
	}
	if l.Series {
		breakers = append(breakers, "series")
	}
	if l.IndFilter {
		breakers = append(breakers, "indicator")
	}
	if l.PerInd {
		breakers = append(breakers, "unitcode")
	}
	var all []*line
	for _, ln := range lines {
		all = append(all, ln)
		if len(breakers) > 0 && ra.IntN(4) == 0 {
			d := &line{k: ln.k, per: ln.per, p: ln.p, mult: ln.mult, multText: ln.multText, cells: map[string]string{}}
			d.decoy = breakers[ra.IntN(len(breakers))]
			v := ln.rows[0].Value + 1
			d.value = l.number(ra, v, l.Scale+ln.mult)
			for _, c := range periodCols {
				if ln.cells[c] != "" {
					d.cells[c] = l.number(ra, v, l.Scale+ln.mult)
				}
			}
			all = append(all, d)
		}
	}
	series := map[*line]string{} // S1 or S2, drawn per line
	// the header and the records
	header := []string{}
	for _, c := range cols {
		header = append(header, l.colName(c))
	}
	if !l.Wide {
		header = append(header, l.Names["period"], l.Names["value"])
	}
	header = append(header, periodCols...)
	recs := [][]string{header}
	// for a workbook: the cells that hold a value or a period, and the
	// lines of a percent unit
	valueCol := map[int]bool{}
	periodAt := map[[2]int]period{}
	if l.Wide {
		for j := range periodCols {
			valueCol[len(cols)+j] = true
			periodAt[[2]int{0, len(cols) + j}] = widePs[j]
		}
	} else {
		valueCol[len(cols)+1] = true
	}
	pct := []bool{false}
	relCol := -1
	for j, c := range cols {
		if c == "released" {
			relCol = j
		}
	}
	first := len(l.Preamble) + 2 // the line of the first record
	for i, ln := range all {
		var rec []string
		for _, c := range cols {
			var v string
			switch c {
			case "indicator":
				v = ln.k.ind
				if ln.decoy == "indicator" {
					v = "zz9"
				}
			case "entity":
				v = ln.k.ent
			case "counterpart":
				v = ln.k.cp
			case "@freq":
				v = "A"
				if ln.decoy == "freq" {
					v = []string{"Q", "a", "AA"}[ra.IntN(3)] // compared as written
				}
				if l.Spaces && ra.IntN(3) == 0 {
					v = []string{" ", "  "}[ra.IntN(2)] + v + []string{"", " "}[ra.IntN(2)]
				}
			case "@series":
				s, ok := series[ln]
				if !ok {
					s = []string{"S1", "S2"}[ra.IntN(2)]
					series[ln] = s
				}
				v = s
				if ln.decoy == "series" {
					v = []string{"S3", "s1", "S"}[ra.IntN(3)]
				}
				if l.Spaces && ra.IntN(3) == 0 {
					v += " "
				}
			case "@unitcode":
				v = "U_" + strings.ToUpper(ln.k.ind)
				if ln.decoy == "unitcode" {
					v = "U_ZZ"
				}
			case "unit":
				v = inds[ln.k.ind].Unit
			case "released":
				v = ln.k.rel
			case "@mult":
				v = ln.multText
			case "@flag":
				v = ln.k.flag
			case "status":
				v = ln.k.status
			case "source":
				v = "Source " + ln.k.ind
			case "source_url":
				v = "https://example.org/" + ln.k.ind
			case "@notes":
				v = []string{"", "see note", "a; b, c", `said "so"`}[ra.IntN(4)]
			}
			rec = append(rec, v)
		}
		if !l.Wide {
			periodAt[[2]int{i + 1, len(rec)}] = ln.p
			rec = append(rec, ln.per, ln.value)
		}
		for _, p := range periodCols {
			rec = append(rec, ln.cells[p])
		}
		recs = append(recs, rec)
		pct = append(pct, isPercentUnit(inds[ln.k.ind].Unit))
		for _, r := range ln.rows {
			r.File, r.Line = l.file(), first+i
		}
	}
	if l.XLSX {
		entCol := -1
		for j, c := range cols {
			if c == "entity" {
				entCol = j
			}
		}
		files[l.file()] = l.workbook(ra, recs, valueCol, periodAt, pct, relCol, entCol)
	} else {
		var body bytes.Buffer
		if l.BOM {
			body.WriteString("\ufeff")
		}
		nl := "\n"
		if l.CRLF {
			nl = "\r\n"
		}
		for _, p := range l.Preamble {
			body.WriteString(p + nl)
		}
		w := csv.NewWriter(&body)
		w.Comma, w.UseCRLF = l.Delim, l.CRLF
		if err := w.WriteAll(recs); err != nil {
			panic(err)
		}
		files[l.file()] = body.String()
		if l.CR { // no field holds a line end
			files[l.file()] = strings.ReplaceAll(body.String(), "\n", "\r")
		}
	}
	files["dataset.yaml"] = l.mapping(l.file(), indIDs, present, inds, hasCp, hasReleased)
	return files
}

// colName is the header of a column of render.
func (l *layout) colName(c string) string {
	switch c {
	case "@freq":
		if l.HeadCase {
			return "Freq"
		}
		return "freq"
	case "@series":
		if l.HeadCase {
			return "Series"
		}
		return "SERIES"
	case "@unitcode":
		return "unit"
	case "@mult":
		if l.HeadCase {
			return "unit_mult"
		}
		return "UNIT_MULT"
	case "@flag":
		if l.HeadCase {
			return "Obs_Flag"
		}
		return "OBS_FLAG"
	case "@notes":
		return "Notes"
	}
	return l.Names[c]
}

func yq(s string) string { return strconv.Quote(s) }

// mapping writes the dataset.yaml that reads the file.
func (l *layout) mapping(file string, indIDs []string, present map[string]bool, inds map[string]*indicatorDef, hasCp, hasReleased bool) string {
	var b strings.Builder
	b.WriteString("# generated by the oracle (oracle/genagency_test.go)\nobservations:\n")
	entry := func(ind string) {
		fmt.Fprintf(&b, "  - file: %s\n", file)
		if l.Sheet != "" {
			fmt.Fprintf(&b, "    sheet: %s\n", yq(l.Sheet))
		}
		if !l.XLSX && (l.Delim != ',' || l.SayComma) {
			d := string(l.Delim)
			if l.Delim == '\t' && l.TabWord {
				d = "tab"
			}
			fmt.Fprintf(&b, "    delimiter: %s\n", yq(d))
		}
		if l.Dec != "." {
			fmt.Fprintf(&b, "    decimal: %s\n", yq(l.Dec))
		}
		if l.Th != "" {
			fmt.Fprintf(&b, "    thousands: %s\n", yq(l.Th))
		}
		if n := len(l.Preamble); n > 0 {
			if l.SkipRows {
				fmt.Fprintf(&b, "    skip_rows: %d\n", n)
			} else {
				fmt.Fprintf(&b, "    header_row: %d\n", n+1)
			}
		}
		if l.Wide {
			b.WriteString("    wide_periods: all\n")
		}
		if l.DateFormat != "" {
			fmt.Fprintf(&b, "    date_format: %s\n", yq(l.DateFormat))
		}
		if l.Declared != "" {
			fmt.Fprintf(&b, "    period: %s\n", l.Declared)
		}
		if d := l.DeclaredInd[ind]; d != "" {
			fmt.Fprintf(&b, "    period: %s\n", d)
		}
		if l.ScaleWord != "" {
			fmt.Fprintf(&b, "    scale: %s\n", l.ScaleWord)
		}
		if l.ScaleCol {
			b.WriteString("    scale_column: UNIT_MULT\n")
		}
		var mapped []string
		fs := []string{"indicator", "entity", "counterpart", "period", "value", "unit", "released", "source", "source_url", "status"}
		for _, f := range fs {
			switch {
			case l.AutoMap[f],
				f == "counterpart" && !hasCp,
				f == "released" && !hasReleased,
				f == "status" && l.Flags > 0,
				(f == "period" || f == "value") && l.Wide,
				l.PerInd && (f == "indicator" || f == "unit" || f == "source" || f == "source_url"):
				continue
			}
			mapped = append(mapped, fmt.Sprintf("      %s: %s\n", f, yq(l.Names[f])))
		}
		if len(mapped) > 0 {
			b.WriteString("    columns:\n" + strings.Join(mapped, ""))
		}
		var filters []string
		if l.Freq {
			filters = append(filters, "freq: A")
		}
		if l.Series {
			filters = append(filters, "SERIES: [S1, S2]")
		}
		if l.IndFilter {
			var ids []string
			for _, id := range indIDs {
				if present[id] {
					ids = append(ids, id)
				}
			}
			filters = append(filters, fmt.Sprintf("%s: [%s]", yq(l.Names["indicator"]), strings.Join(ids, ", ")))
		}
		if l.PerInd {
			filters = append(filters, "unit: U_"+strings.ToUpper(ind))
		}
		if len(filters) > 0 {
			fmt.Fprintf(&b, "    filter: {%s}\n", strings.Join(filters, ", "))
		}
		if l.Flags > 0 {
			b.WriteString("    flag_column: OBS_FLAG\n")
		}
		if l.Flags == 2 {
			st := map[string]string{"a": "actual", "b": "actual", "p": "estimate", "e": "estimate", "f": "plan", "t": "target"}
			var kv []string
			for _, k := range []string{"a", "b", "p", "e", "f", "t"} {
				kk := k
				if l.FlagKeysUp {
					kk = strings.ToUpper(k)
				}
				kv = append(kv, kk+": "+st[k])
			}
			fmt.Fprintf(&b, "    flag_status: {%s}\n", strings.Join(kv, ", "))
		}
		if l.Notes {
			b.WriteString("    ignore: [Notes]\n")
		}
		if l.PerInd {
			fmt.Fprintf(&b, "    constants: {indicator: %s, unit: %s, source: %s, source_url: %s}\n", ind, yq(inds[ind].Unit),
				yq("Source "+ind), yq("https://example.org/"+ind))
		}
	}
	if l.PerInd {
		for _, id := range indIDs {
			if present[id] {
				entry(id)
			}
		}
	} else {
		entry("")
	}
	return b.String()
}

// features names the agency keys a layout exercises, for the log.
func (l *layout) features() []string {
	if l != nil && l.TidyXLSX {
		return []string{"shape: tidy observations.xlsx with its catalogs as sheets"}
	}
	if l == nil || !l.Agency {
		return []string{"shape: tidy observations.csv"}
	}
	out := []string{"shape: agency file"}
	add := func(ok bool, s string) {
		if ok {
			out = append(out, "shape: "+s)
		}
	}
	add(l.XLSX, "Excel workbook")
	add(l.XLSX && l.Sheet != "", "Excel workbook, sheet:")
	add(l.XLSX && l.Sheet == "" && l.DefSheet != "Sheet1", "Excel workbook, sheet named observations")
	add(l.XLSX && l.DateCells > 0, "Excel workbook, released as date cells")
	add(l.XLSX && l.MergeDown, "Excel workbook, entities merged down")
	add(l.XLSX && l.Outside, "Excel workbook, values outside the table")
	add(l.XLSX && l.Pct > 0, "Excel workbook, percentages")
	add(!l.XLSX && l.Delim == ';', "delimiter ;")
	add(!l.XLSX && l.Delim == '\t', "delimiter tab")
	add(l.Dec == ",", "decimal ,")
	add(l.Th != "", "thousands "+l.Th)
	add(len(l.Preamble) > 0 && l.SkipRows, "preamble, skip_rows")
	add(len(l.Preamble) > 0 && !l.SkipRows, "preamble, header_row")
	add(l.CRLF, "CRLF")
	add(l.BOM, "BOM")
	add(l.Wide, "wide_periods")
	add(l.DateFormat != "", "date_format")
	add(l.ScaleWord != "", "scale")
	add(l.ScaleCol, "scale_column")
	add(l.Freq || l.Series || l.IndFilter || l.PerInd, "filter")
	add(l.Freq && l.Series, "filter on two columns")
	add(l.Series, "filter with a list")
	add(l.IndFilter, "filter on a mapped column")
	add(l.PerInd, "one entry per indicator (filter on unit, unit a constant)")
	add(l.Flags == 1, "flag_column, default flags")
	add(l.Flags == 2, "flag_column with flag_status")
	add(l.HeadCase, "filter, scale and flag columns named in another case")
	add(l.Spaces, "filter cells with spaces")
	add(l.CR, "CR line ends")
	add(l.Declared != "", "period: "+l.Declared+" (days in the file)")
	add(len(l.DeclaredInd) > 0, "period: per entry (days in the file)")
	return out
}

func (l *layout) file() string {
	if l.XLSX {
		return "export.xlsx"
	}
	return "export.csv"
}

// workbook writes the records as a sheet of a workbook below the
// preamble: values as number cells (a few as text, read with the
// separators; a percent unit's as percentages), periods as dates, years
// as numbers or text.
func (l *layout) workbook(ra *rand.Rand, recs [][]string, valueCol map[int]bool, periodAt map[[2]int]period, pct []bool, relCol, entCol int) string {
	f := excelize.NewFile()
	defer f.Close()
	sheet := l.Sheet
	if sheet == "" {
		sheet = l.DefSheet
	}
	sheetsAround(f, ra, sheet, l.Sheet != "" || sheet != "Sheet1", l.Sheet == "" && sheet == "Sheet1")
	style := func(code string) int {
		id, err := f.NewStyle(&excelize.Style{CustomNumFmt: &code})
		if err != nil {
			panic(err)
		}
		return id
	}
	dayFmt := []int{style("dd.mm.yyyy"), style("yyyy-mm-dd"), style("d mmm yyyy")}
	monthFmt := []int{style("mmm yyyy"), style("mm/yyyy")}
	pctFmt := style("0.00%")
	must := func(err error) {
		if err != nil {
			panic(err)
		}
	}
	for i, p := range l.Preamble {
		if p != "" {
			must(f.SetCellStr(sheet, cellRef(1, i+1), p))
			if ra.IntN(2) == 0 {
				must(f.MergeCell(sheet, cellRef(1, i+1), cellRef(4, i+1)))
			}
		}
	}
	top := len(l.Preamble) + 1
	for i, rec := range recs {
		for j, s := range rec {
			if s == "" {
				continue
			}
			ref := cellRef(j+1, top+i)
			if j == relCol && i > 0 && ra.IntN(100) < l.DateCells {
				t, err := time.Parse("2006-01-02", s)
				if err != nil {
					panic(err)
				}
				must(f.SetCellValue(sheet, ref, t))
				must(f.SetCellStyle(sheet, ref, ref, dayFmt[ra.IntN(len(dayFmt))]))
				continue
			}
			p, ok := periodAt[[2]int{i, j}]
			if t, day := l.dayOf(s); ok && day && ra.IntN(2) == 0 {
				must(f.SetCellValue(sheet, ref, t))
				must(f.SetCellStyle(sheet, ref, ref, dayFmt[ra.IntN(len(dayFmt))]))
				continue
			} else if ok && !day && ra.IntN(2) == 0 {
				switch p.Kind {
				case 'M':
					must(f.SetCellValue(sheet, ref, p.Start))
					must(f.SetCellStyle(sheet, ref, ref, monthFmt[ra.IntN(len(monthFmt))]))
					continue
				case 'A':
					must(f.SetCellInt(sheet, ref, int64(p.Start.Year())))
					continue
				}
			}
			if i > 0 && valueCol[j] && ra.IntN(5) > 0 {
				sign, digits, exp, err := numberText(s, l.Dec, l.Th)
				if err != nil {
					panic(err)
				}
				if pct[i] && ra.IntN(100) < l.Pct {
					v, _ := strconv.ParseFloat(sign+digits+"e"+strconv.Itoa(exp-2), 64)
					must(f.SetCellFloat(sheet, ref, v, -1, 64))
					must(f.SetCellStyle(sheet, ref, ref, pctFmt))
					continue
				}
				v, _ := strconv.ParseFloat(sign+digits+"e"+strconv.Itoa(exp), 64)
				must(f.SetCellFloat(sheet, ref, v, -1, 64))
				continue
			}
			if n, err := strconv.Atoi(s); err == nil && i > 0 && ra.IntN(2) == 0 {
				must(f.SetCellInt(sheet, ref, int64(n))) // UNIT_MULT as a number
				continue
			}
			must(f.SetCellStr(sheet, ref, s))
		}
	}
	// an entity merged down the rows of its lines: "a country merged down
	// the rows of its years names each row"
	if l.MergeDown {
		for i := 1; i < len(recs); {
			j := i
			for j+1 < len(recs) && recs[j+1][entCol] == recs[i][entCol] {
				j++
			}
			if j > i {
				for r := i + 1; r <= j; r++ {
					must(f.SetCellValue(sheet, cellRef(entCol+1, top+r), nil))
				}
				must(f.MergeCell(sheet, cellRef(entCol+1, top+i), cellRef(entCol+1, top+j)))
			}
			i = j + 1
		}
	}
	// outside the table: a value right of the header's last column (ignored
	// with a warning), formatted empty rows and columns after it
	if l.Outside {
		w := len(recs[0])
		for i := 1; i < len(recs); i += 1 + ra.IntN(7) {
			if ra.IntN(2) == 0 {
				must(f.SetCellStr(sheet, cellRef(w+2, top+i), "checked"))
			} else {
				must(f.SetCellInt(sheet, cellRef(w+2, top+i), int64(ra.IntN(100))))
			}
		}
		fill, err := f.NewStyle(&excelize.Style{Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"FFF2CC"}}})
		must(err)
		must(f.SetCellStyle(sheet, cellRef(1, top+len(recs)+1), cellRef(w+4, top+len(recs)+4), fill))
	}
	var b bytes.Buffer
	if err := f.Write(&b); err != nil {
		panic(err)
	}
	return b.String()
}

// sheetsAround names the workbook's only sheet, and may put another
// before it (when sheet: or its name picks it: visible) or a hidden one
// (when it must be the first visible sheet).
func sheetsAround(f *excelize.File, ra *rand.Rand, sheet string, visibleBefore, hiddenBefore bool) {
	must := func(err error) {
		if err != nil {
			panic(err)
		}
	}
	if sheet != "Sheet1" {
		must(f.SetSheetName("Sheet1", sheet))
	}
	switch {
	case visibleBefore && ra.IntN(2) == 0:
		_, err := f.NewSheet("Notes")
		must(err)
		must(f.SetCellStr("Notes", "A1", "This sheet is no data: the data are on the next one."))
		must(f.MoveSheet("Notes", sheet))
	case hiddenBefore && ra.IntN(2) == 0:
		_, err := f.NewSheet("Hidden")
		must(err)
		must(f.SetCellStr("Hidden", "A1", "lookup"))
		must(f.MoveSheet("Hidden", sheet))
		i, err := f.GetSheetIndex(sheet)
		must(err)
		f.SetActiveSheet(i)
		must(f.SetSheetVisible("Hidden", false))
	}
}

func cellRef(col, row int) string {
	s, err := excelize.CoordinatesToCellName(col, row)
	if err != nil {
		panic(err)
	}
	return s
}

func mustFormat(f string) *dateFormat {
	df, err := compileDateFormat(f)
	if err != nil {
		panic(err)
	}
	return df
}

// dayOf reads the text written for a period as a day, if it is one.
func (l *layout) dayOf(s string) (time.Time, bool) {
	if t, err := time.Parse("2006-01-02", s); err == nil {
		return t, true
	}
	if l.DateFormat != "" && l.DateGran == 'D' {
		if p, ok, err := mustFormat(l.DateFormat).parse(s); ok && err == nil && p.Kind == 'D' {
			return p.Start, true
		}
	}
	return time.Time{}, false
}

// tidyWorkbook writes a tidy dataset as a workbook alone
// (observations.xlsx, docs/mapping.md "Excel workbooks"): the
// observations on a sheet named observations (not always the first), the
// catalogs on sheets named indicators and entities. Values are number
// cells (some text), periods and release dates date cells (some text).
func tidyWorkbook(ra *rand.Rand, csvText string, inds map[string]*indicatorDef, ents []entityDef) string {
	recs, err := csv.NewReader(strings.NewReader(csvText)).ReadAll()
	if err != nil {
		panic(err)
	}
	f := excelize.NewFile()
	defer f.Close()
	must := func(err error) {
		if err != nil {
			panic(err)
		}
	}
	sheet := []string{"observations", "Observations"}[ra.IntN(2)]
	sheetsAround(f, ra, sheet, true, false)
	style := func(code string) int {
		id, err := f.NewStyle(&excelize.Style{CustomNumFmt: &code})
		must(err)
		return id
	}
	dayFmt := []int{style("dd/mm/yyyy"), style("yyyy-mm-dd")}
	monthFmt := style("mmm yyyy")
	col := map[string]int{"value": -1, "period": -1, "released": -1}
	for j, h := range recs[0] {
		col[h] = j
	}
	for i, rec := range recs {
		for j, s := range rec {
			if s == "" {
				continue
			}
			ref := cellRef(j+1, i+1)
			switch {
			case i == 0:
			case j == col["value"] && ra.IntN(5) > 0:
				v, err := strconv.ParseFloat(s, 64)
				must(err)
				must(f.SetCellFloat(sheet, ref, v, -1, 64))
				continue
			case (j == col["period"] || j == col["released"]) && ra.IntN(2) == 0:
				p, err := parsePeriod(s)
				must(err)
				switch p.Kind {
				case 'D':
					must(f.SetCellValue(sheet, ref, p.Start))
					must(f.SetCellStyle(sheet, ref, ref, dayFmt[ra.IntN(2)]))
					continue
				case 'M':
					must(f.SetCellValue(sheet, ref, p.Start))
					must(f.SetCellStyle(sheet, ref, ref, monthFmt))
					continue
				case 'A':
					must(f.SetCellInt(sheet, ref, int64(p.Start.Year())))
					continue
				}
			}
			must(f.SetCellStr(sheet, ref, s))
		}
	}
	// the catalogs
	_, err = f.NewSheet("indicators")
	must(err)
	must(f.SetSheetRow("indicators", "A1", &[]any{"id", "name", "topic", "unit", "decimals", "higher_is", "additive", "comparable", "summary"}))
	ids := keysOf(inds)
	for i, id := range ids {
		d := inds[id]
		row := []any{d.ID, d.Name, d.Topic, d.Unit, 2, "neutral", "", "", d.Summary}
		if d.Additive != nil {
			row[6] = *d.Additive
		}
		if d.Comparable != nil {
			row[7] = *d.Comparable
		}
		must(f.SetSheetRow("indicators", cellRef(1, i+2), &row))
	}
	if ents != nil {
		_, err = f.NewSheet("Entities")
		must(err)
		must(f.SetSheetRow("Entities", "A1", &[]any{"id", "name", "groups"}))
		for i, e := range ents {
			sep := []string{";", ", ", ","}[ra.IntN(3)]
			must(f.SetSheetRow("Entities", cellRef(1, i+2), &[]any{e.ID, "Entity " + e.ID, strings.Join(e.Groups, sep)}))
		}
	}
	var b bytes.Buffer
	must(f.Write(&b))
	return b.String()
}

func keysOf[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
