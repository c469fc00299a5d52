package dataset

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"io/fs"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/briefhq/brief/internal/format"
	"github.com/briefhq/brief/internal/period"
)

// field is a column of the tidy observations table.
type field uint8

const (
	fIndicator field = iota
	fEntity
	fCounterpart
	fPeriod
	fValue
	fUnit
	fReleased
	fSource
	fSourceURL
	fNote
	fStatus
	nFields
)

var fieldNames = [nFields]string{"indicator", "entity", "counterpart", "period", "value", "unit", "released", "source", "source_url", "note", "status"}

var knownColumns = strings.Join(fieldNames[:], ", ")

func fieldByName(name string) (field, bool) {
	for f, n := range fieldNames {
		if n == name {
			return field(f), true
		}
	}
	return 0, false
}

// cell is one field of a row as read, with where it was.
type cell struct {
	s    string
	pos  Pos
	set  bool     // the row has this field (a CSV column, a JSON key, a constant)
	kind cellKind // a workbook's number or date cell, else text
}

// row is one observation before validation.
type row struct {
	c     [nFields]cell
	pos   Pos    // the row (CSV: line only) or the JSON/YAML object
	name  string // entity display name, from a mapping's entity_name column
	scale cell   // the mapping's scale column, if any
	flag  cell   // the mapping's flag column, if any
	texts map[string]Translation
}

func (r *row) at(f field) Pos {
	if r.c[f].set && r.c[f].pos.Line > 0 {
		return r.c[f].pos
	}
	return r.pos
}

type obsKey struct {
	ind, ent, cp string
	kind         period.Kind
	start        int64
	status       Status
}

// loadObservationFile reads one observations file by its extension; m is
// its mapping from dataset.yaml, nil for a tidy file.
func (l *loader) loadObservationFile(path string, m *fileMapping) {
	if l.obsFile == "" {
		l.obsFile = path
	}
	if m == nil {
		m = &fileMapping{}
	} else if !l.checkMapping(m) {
		return
	}
	defer l.checkEntityList(path, m)
	if m.pos.Line > 0 && l.mappingOf[path] == nil {
		if l.mappingOf == nil {
			l.mappingOf = map[string]*fileMapping{}
		}
		l.mappingOf[path] = m
	}
	f, err := l.open(path)
	if err != nil {
		p := Pos{File: path}
		if m.pos.Line > 0 {
			p = m.filePos
		}
		l.errorAt(p, "cannot read "+path+": "+l.reason(path, err))
		return
	}
	defer f.Close()
	if m.byName != nil && m.columns[fPeriod] != "" && m.columns[fReleased] == "" && !m.hasConst[fReleased] {
		if l.ds.periodColumns == nil {
			l.ds.periodColumns = map[string]string{}
		}
		l.ds.periodColumns[path] = m.columnNames[fPeriod]
	}
	if m.period != 0 {
		// Rows of a file whose dates are declared are not inferred.
		start := len(l.ds.Observations)
		defer func() { l.declared = append(l.declared, [2]int{start, len(l.ds.Observations)}) }()
	}
	ext := strings.ToLower(filepath.Ext(path))
	if (m.wideAll || len(m.wideEnt) > 0 || m.widePeriods) && (ext == ".json" || ext == ".yaml" || ext == ".yml") {
		l.errorAt(m.pos, "wide_entities and wide_periods read tables (CSV, a workbook's sheet) only: give the file as CSV, or in the tidy shape")
		return
	}
	if isWorkbook(path) {
		f.Close()
		l.readObservationSheet(path, m)
		return
	}
	switch ext {
	case ".json":
		if root := l.readTree(f, path, true, MaxObservationTree); root != nil {
			l.readObservationTree(root, path, m)
		}
	case ".yaml", ".yml":
		if root := l.readTree(f, path, false, MaxObservationTree); root != nil {
			l.readObservationTree(root, path, m)
		}
	default:
		if m.sheet != "" {
			l.errorAt(m.sheetPos, "sheet applies to workbooks (.xlsx); "+filepath.Base(path)+" is read as CSV: remove sheet, or give the workbook")
			return
		}
		br := bufio.NewReaderSize(f, 64<<10)
		l.reserve(f, br)
		var head func(func(int, []string) bool)
		if m.byName != nil {
			head = csvHead(br, m.comma)
		}
		l.readObservationCSV(br, path, m, head)
	}
}

// csvHead reads the first lines of a CSV file again, from the first 64
// KB of br, for a mapping that looks for the file's header.
func csvHead(br *bufio.Reader, comma rune) func(func(line int, rec []string) bool) {
	peek, _ := br.Peek(64 << 10)
	data := bytes.Clone(peek)
	return func(fn func(line int, rec []string) bool) {
		cr := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(data, bom)))
		if comma != 0 {
			cr.Comma = comma
		}
		cr.FieldsPerRecord, cr.LazyQuotes = -1, true
		for {
			rec, err := cr.Read()
			if err == io.EOF || err != nil && !errors.Is(err, csv.ErrFieldCount) {
				var pe *csv.ParseError
				if !errors.As(err, &pe) || pe.Line >= headerLinesScanned {
					return
				}
				continue
			}
			line, _ := cr.FieldPos(0)
			if !fn(line, rec) {
				return
			}
		}
	}
}

// reserve sizes the observations and the duplicate index for the file,
// estimating its rows from the line length of its first 64 KB, so a large
// file is not copied again and again as it grows.
func (l *loader) reserve(f fs.File, br *bufio.Reader) {
	st, err := f.Stat()
	if err != nil || st.Size() <= 0 {
		return
	}
	head, _ := br.Peek(64 << 10)
	lines := bytes.Count(head, []byte{'\n'})
	if len(head) == 0 || lines == 0 {
		return
	}
	l.reserveRows(int(st.Size()*int64(lines)/int64(len(head))) + 16)
}

// reserveRows sizes the observations and the duplicate index for n more
// rows.
func (l *loader) reserveRows(n int) {
	if n > 1<<25 {
		n = 1 << 25
	}
	if have := len(l.ds.Observations); cap(l.ds.Observations)-have < n {
		grown := make([]Observation, have, have+n)
		copy(grown, l.ds.Observations)
		l.ds.Observations = grown
	}
	if len(l.dups) == 0 {
		l.dups = make(map[obsKey]int32, n)
	}
}

// required is whether the observations must give field f.
func (l *loader) required(f field) bool {
	switch f {
	case fIndicator, fEntity, fPeriod, fValue, fSource:
		return true
	case fUnit:
		return !l.ds.HasIndicatorCatalog
	}
	return false
}

// csvShape is how the columns of one CSV file map to fields.
type csvShape struct {
	col     [nFields]int
	missing [nFields]bool // reported once for the file, not per row
	wide    []wideColumn
	wideEnt []wideColumn // indicator holds the entity id
	periods []wideColumn // wide_periods: indicator holds the period
	nameCol int
	// filter holds the field of each of the mapping's filters (-1:
	// missing); scale and flag the scale and flag columns (-1: none).
	filter      []int
	scale, flag int
	// stop: the header is not where the mapping says; nothing is read.
	stop bool
	// tr are the columns of notes and sources in other languages
	// (note_ru, source_kk).
	tr []trColumn
}

type wideColumn struct {
	idx       int
	indicator string
	name      string // a wide entity's display name: its header, underscores as spaces
}

func (l *loader) readObservationCSV(rd io.Reader, file string, m *fileMapping, head func(func(line int, rec []string) bool)) {
	header, onRow, done := l.observationRows(file, m, head)
	l.readCSV(rd, file, table{comma: m.comma, headerLine: m.headerLine}, header, onRow)
	done()
}

// observationRows makes the header and row handlers of an observations
// table, CSV or sheet, and done, to call at its end. head reads the
// table's first lines again, to find its header when it is not where the
// mapping says.
func (l *loader) observationRows(file string, m *fileMapping, head func(func(line int, rec []string) bool)) (func([]string, cells) bool, func([]string, cells), func()) {
	var sh csvShape
	var tally filterTally
	header := func(rec []string, at cells) bool {
		sh = l.resolveHeader(rec, at, file, m, head)
		tally.seen = make([]map[string]bool, len(m.filters))
		return !sh.stop
	}
	var r row
	onRow := func(rec []string, at cells) {
		if len(m.filters) > 0 && !m.passes(rec, sh.filter, &tally) {
			return
		}
		r = row{pos: at.line()}
		for f := field(0); f < nFields; f++ {
			if i := sh.col[f]; i >= 0 {
				r.c[f] = cell{s: rec[i], pos: at.at(i), set: true, kind: at.kind(i)}
			} else if m.hasConst[f] {
				r.c[f] = cell{s: m.consts[f], set: true}
			}
		}
		if sh.nameCol >= 0 {
			r.name = rec[sh.nameCol]
		}
		r.texts = readTranslations(rec, sh.tr, nil)
		if sh.scale >= 0 {
			r.scale = cell{s: rec[sh.scale], pos: at.at(sh.scale), set: true, kind: at.kind(sh.scale)}
		}
		if sh.flag >= 0 {
			r.flag = cell{s: rec[sh.flag], pos: at.at(sh.flag), set: true}
		}
		if len(sh.wideEnt) > 0 {
			for _, w := range sh.wideEnt {
				wr := r
				p := at.at(w.idx)
				wr.c[fEntity] = cell{s: w.indicator, pos: p, set: true}
				wr.c[fValue] = cell{s: rec[w.idx], pos: p, set: true, kind: at.kind(w.idx)}
				wr.name = w.name
				if m.keeps(&wr) {
					l.addRow(&wr, &sh.missing, m)
				}
			}
			return
		}
		if !m.keeps(&r) {
			return
		}
		if len(sh.periods) > 0 {
			for _, w := range sh.periods {
				if blank(rec[w.idx : w.idx+1]) {
					continue // no figure for this period
				}
				wr := r
				p := at.at(w.idx)
				wr.c[fPeriod] = cell{s: w.indicator, pos: p, set: true}
				wr.c[fValue] = cell{s: rec[w.idx], pos: p, set: true, kind: at.kind(w.idx)}
				l.addRow(&wr, &sh.missing, m)
			}
			return
		}
		if len(sh.wide) == 0 {
			l.addRow(&r, &sh.missing, m)
			return
		}
		for _, w := range sh.wide {
			wr := r
			p := at.at(w.idx)
			wr.c[fIndicator] = cell{s: w.indicator, pos: p, set: true}
			wr.c[fValue] = cell{s: rec[w.idx], pos: p, set: true, kind: at.kind(w.idx)}
			l.addRow(&wr, &sh.missing, m)
		}
	}
	done := func() { l.reportFilters(file, m, sh.filter, &tally) }
	return header, onRow, done
}

// resolveHeader maps the header's columns to fields, reporting unknown,
// repeated and missing columns.
func (l *loader) resolveHeader(rec []string, at cells, file string, m *fileMapping, scanHead func(func(line int, rec []string) bool)) csvShape {
	var sh csvShape
	for f := range sh.col {
		sh.col[f] = -1
	}
	sh.nameCol, sh.scale, sh.flag = -1, -1, -1
	sh.filter = make([]int, len(m.filters))
	for i := range sh.filter {
		sh.filter[i] = -1
	}
	if l.headerElsewhere(rec, at, m, scanHead) {
		sh.stop = true
		return sh
	}
	firstAt := map[string]int{}
	wideSeen := make([]bool, len(m.wide))
	wideEntSeen := make([]bool, len(m.wideEnt))
	for i, raw := range rec {
		name := strings.ToLower(strings.TrimSpace(raw))
		pos := at.at(i)
		filtered := false
		for j, f := range m.filters {
			if f.column == name {
				sh.filter[j], filtered = i, true
			}
		}
		if j, dup := firstAt[name]; dup && name != "" {
			l.errorAt(pos, "column "+strconv.Quote(strings.TrimSpace(raw))+" appears twice (first as column "+strconv.Itoa(j+1)+"): keep one")
			continue
		}
		firstAt[name] = i
		ro := m.roleOf(name)
		switch ro.kind {
		case roleField:
			sh.col[ro.f] = i
			if ro.released {
				sh.col[fReleased] = i
			}
		case roleWide:
			sh.wide = append(sh.wide, wideColumn{idx: i, indicator: m.wide[ro.wide].indicator})
			wideSeen[ro.wide] = true
		case roleName:
			sh.nameCol = i
		case roleWideEntity:
			sh.wideEnt = append(sh.wideEnt, wideColumn{idx: i, indicator: m.wideEnt[ro.wide].indicator, name: headerName(raw)})
			wideEntSeen[ro.wide] = true
		case roleScale:
			sh.scale = i
		case roleFlag:
			sh.flag = i
		case roleIgnore:
		case roleConstant:
			if filtered {
				continue // read for the filter
			}
			l.warnAt(pos, "column "+strconv.Quote(strings.TrimSpace(raw))+" is ignored: dataset.yaml gives "+fieldNames[ro.f]+" as a constant")
		default:
			if tc, ok := translationColumn(name, i, "note", "source"); ok && !filtered {
				if !l.dupTranslation(sh.tr, tc, raw, pos) {
					sh.tr = append(sh.tr, tc)
				}
				continue
			}
			if name == "" || filtered {
				// A nameless column is ignored: spreadsheets and the World
				// Bank's files end every line with an empty one.
				continue
			}
			if m.widePeriods {
				if p, ok := m.headerPeriod(raw, at.kind(i)); ok {
					sh.periods = append(sh.periods, wideColumn{idx: i, indicator: p})
					continue
				}
			}
			if m.wideAll {
				id := strings.TrimSpace(raw)
				sh.wideEnt = append(sh.wideEnt, wideColumn{idx: i, indicator: id, name: headerName(raw)})
				if l.checkEnt {
					if _, found := l.entByID[id]; !found {
						l.errorAt(pos, l.unknownEntity("entity", id)+" (wide_entities: all reads every column not mapped otherwise as an entity; list the others under ignore)")
					}
				}
				continue
			}
			msg := "unknown column " + strconv.Quote(strings.TrimSpace(raw)) + " is ignored"
			switch s := suggest(name, fieldNames[:]); {
			case m.byName != nil:
				msg += ": map it in dataset.yaml, or list it under ignore"
			case s != "":
				msg += "; did you mean " + strconv.Quote(s) + "?"
			default:
				msg += " (known columns: " + knownColumns + ")"
			}
			l.warnAt(pos, msg)
		}
	}
	head := at.line()
	for j, f := range m.filters {
		if sh.filter[j] < 0 {
			msg := "no column " + strconv.Quote(f.raw) + " (dataset.yaml keeps the rows where it is " + strings.Join(quoteAll(f.values), " or ") + ": filter)"
			if s := suggest(f.raw, trimmed(rec)); s != "" {
				msg += "; did you mean " + strconv.Quote(s) + "?"
			}
			l.errorAt(head, msg)
		}
	}
	for _, c := range []struct {
		idx       int
		raw, what string
	}{{sh.scale, m.scaleColRaw, "the scale of each value from it: scale_column"}, {sh.flag, m.flagColRaw, "the status of each value from its flags: flag_column"}} {
		if c.raw != "" && c.idx < 0 {
			msg := "no column " + strconv.Quote(c.raw) + " (dataset.yaml reads " + c.what + ")"
			if s := suggest(c.raw, trimmed(rec)); s != "" {
				msg += "; did you mean " + strconv.Quote(s) + "?"
			}
			l.errorAt(head, msg)
		}
	}
	if m.widePeriods && len(sh.periods) == 0 {
		l.errorAt(head, "no column is named as a period (1960, 2024-Q3, 2024-11): wide_periods reads one column per period; is the header on another line (header_row)?")
	}
	for f := field(0); f < nFields; f++ {
		if f == fReleased && m.periodGivesReleased() {
			sh.missing[f] = sh.missing[fPeriod] // one column, reported once
			continue
		}
		if c := m.columns[f]; c != "" && sh.col[f] < 0 {
			msg := "no column " + strconv.Quote(m.columnNames[f]) + " (dataset.yaml reads " + fieldNames[f] + " from it)"
			if s := suggest(strings.TrimSpace(m.columnNames[f]), trimmed(rec)); s != "" {
				msg += "; did you mean " + strconv.Quote(s) + "?"
			}
			l.errorAt(head, msg)
			sh.missing[f] = true
		}
	}
	for i, w := range m.wide {
		if !wideSeen[i] {
			l.errorAt(head, "no column "+strconv.Quote(w.column)+" (dataset.yaml reads indicator "+w.indicator+" from it)")
		}
	}
	for i, w := range m.wideEnt {
		if !wideEntSeen[i] {
			l.errorAt(head, "no column "+strconv.Quote(w.column)+" (dataset.yaml reads entity "+w.indicator+" from it)")
		}
	}
	if m.wideAll && len(sh.wideEnt) == 0 {
		l.errorAt(head, "no entity columns: wide_entities: all reads every column not mapped otherwise as an entity, and this file has none")
	}
	if m.entityName != "" && sh.nameCol < 0 {
		l.errorAt(head, "no column "+strconv.Quote(m.entityNameRaw)+" (dataset.yaml reads entity names from it)")
	}
	for f := field(0); f < nFields; f++ {
		if sh.col[f] >= 0 || m.hasConst[f] || sh.missing[f] || !l.required(f) {
			continue
		}
		if len(m.wide) > 0 && (f == fIndicator || f == fValue) {
			continue
		}
		if (len(m.wideEnt) > 0 || m.wideAll) && (f == fEntity || f == fValue) {
			continue
		}
		if m.widePeriods && (f == fPeriod || f == fValue) {
			continue
		}
		if f == fUnit && m.byName != nil {
			l.reportNoUnit(m, file, "", nil)
		} else {
			l.errorAt(head, "missing required column "+strconv.Quote(fieldNames[f]))
		}
		sh.missing[f] = true
	}
	return sh
}

// addRow validates one row and, if it is sound, appends its observation.
// missing marks fields whose absence was reported for the whole file.
func (l *loader) addRow(r *row, missing *[nFields]bool, m *fileMapping) {
	val := func(f field) string { return strings.TrimSpace(r.c[f].s) }
	if m.skipEmpty && val(fValue) == "" {
		return
	}
	ok := true
	need := func(f field, msg string) string {
		s := val(f)
		if s == "" {
			if !missing[f] {
				l.errorAt(r.at(f), msg)
			}
			ok = false
		}
		return s
	}

	ind := need(fIndicator, "missing indicator: give the indicator id")
	var cat *Indicator
	if ind != "" {
		if l.checkInd {
			if i, found := l.indByID[ind]; found {
				cat = &l.ds.Indicators[i]
			} else {
				l.errorAt(r.at(fIndicator), l.unknownIndicator(ind))
				ok = false
			}
		}
		ind = l.intern(ind)
	}
	ent := need(fEntity, "missing entity: give the entity id")
	if ent != "" {
		if l.checkEnt {
			if _, found := l.entByID[ent]; !found {
				l.errorAt(r.at(fEntity), l.unknownEntity("entity", ent))
				ok = false
			}
		}
		ent = l.intern(ent)
	}
	cp := val(fCounterpart)
	if cp != "" {
		if l.checkEnt {
			if _, found := l.entByID[cp]; !found {
				l.errorAt(r.at(fCounterpart), l.unknownEntity("counterpart", cp))
				ok = false
			}
		}
		cp = l.intern(cp)
	}

	var p period.Period
	if s := need(fPeriod, "missing period: give it as 2024, 2024-Q3, 2024-11, 2025-W05 or 2025-01-15"); s != "" {
		var err error
		if m.dateLayout != "" && r.c[fPeriod].kind == kText {
			if iso, good := m.isoDate(s); good {
				p, err = l.period(iso)
			} else if p, err = l.period(s); err != nil {
				err = errors.New("period " + strconv.Quote(s) + " is not a date in dataset.yaml's date_format " + m.dateFormat + " (" + time.Date(2025, 1, 31, 0, 0, 0, 0, time.UTC).Format(m.dateLayout) + ") nor a period (2024, 2024-Q3, 2024-11, 2025-W05, 2025-01-15): write it so")
			}
		} else {
			p, err = l.period(s)
		}
		if err != nil {
			l.errorAt(r.at(fPeriod), err.Error())
			ok = false
		} else if k := l.declaredPeriod(m, cat); k != 0 && k != p.Kind {
			if k > p.Kind {
				l.errorAt(r.at(fPeriod), "period "+strconv.Quote(strings.TrimSpace(s))+" is a "+p.Kind.String()+", but "+l.declaredWhere(m, cat)+" says a date stands for a "+k.String()+": give a date or a "+k.String())
				ok = false
			} else {
				p = p.In(k)
			}
		}
	}

	exp := m.scaleExp
	if r.scale.set {
		e, good := rowScale(r.scale.s)
		if !good {
			l.errorAt(r.scale.pos, "scale "+strconv.Quote(strings.TrimSpace(r.scale.s))+": give the power of ten the value is in (6 for millions, as SDMX's UNIT_MULT) or a word (thousands, millions)")
			ok = false
		}
		exp += e
	}
	var v float64
	if s := r.c[fValue].s; !missing[fValue] || s != "" {
		var err error
		if v, err = m.number(s, r.c[fValue].kind == kNumber, exp); err != nil {
			msg := err.Error()
			if strings.TrimSpace(s) == "" && m.pos.File != "" && !m.skipEmpty {
				// a mapped file (a wide one above all) leaves a cell empty
				// where it has no figure: "leave the row out" would drop
				// the row's other columns too (a blind review)
				msg += "; or, if an empty cell means no figure, set skip_empty: true in this file's entry of " + filepath.Base(m.pos.File) + " (line " + strconv.Itoa(m.pos.Line) + ")"
			}
			l.errorAt(r.at(fValue), msg)
			ok = false
		}
	} else {
		ok = false
	}

	unit := val(fUnit)
	switch {
	case unit == "" && cat != nil && cat.Unit != "":
		unit = cat.Unit
	case unit == "":
		switch {
		case missing[fUnit] || cat == nil && l.ds.HasIndicatorCatalog:
		case !r.c[fUnit].set && m.byName != nil:
			l.reportNoUnit(m, r.pos.File, ind, cat)
		default:
			l.errorAt(r.at(fUnit), "missing unit: give the unit the value is in (USD, %, tonnes, ...)")
		}
		ok = false
	default:
		unit = l.intern(unit)
		if cat != nil && cat.Unit != "" && unit != cat.Unit {
			l.countUnit(ind, unit, cat.Unit, r.at(fUnit))
		} else if cat == nil && ind != "" && !l.ds.HasIndicatorCatalog {
			if first, seen := l.firstUnit[ind]; !seen {
				l.firstUnit[ind] = unit
			} else if first != unit {
				l.countUnit(ind, unit, first, r.at(fUnit))
			}
		}
	}

	var released time.Time
	if s := val(fReleased); s != "" {
		raw := s
		if m.dateLayout != "" && r.c[fReleased].kind == kText {
			// The file writes its dates one way: the release date as
			// the period's.
			if iso, good := m.isoDate(s); good {
				s = iso
			}
		}
		t, seen := l.dates[s]
		if !seen {
			var err error
			if t, err = time.Parse("2006-01-02", s); err == nil {
				l.dates[l.intern(s)] = t
			} else {
				l.errorAt(r.at(fReleased), l.notADay(m, raw))
				ok = false
			}
		}
		released = t
	}

	src := need(fSource, "missing source: say where the figure comes from")
	if src != "" {
		src = l.intern(src)
	}
	url := val(fSourceURL)
	if url != "" {
		url = l.intern(url)
		if !strings.HasPrefix(url, "https://") && !strings.HasPrefix(url, "http://") {
			l.warnAt(r.at(fSourceURL), "source_url "+strconv.Quote(url)+" is not a web link: start it with https://")
		}
	}

	status := Actual
	if r.flag.set {
		st, known := m.flagStatusOf(r.flag.s)
		if !known {
			l.countFlag(strings.TrimSpace(r.flag.s), r.flag.pos, m.flagPos)
		}
		status = st
	} else if s := val(fStatus); s != "" {
		switch Status(strings.ToLower(s)) {
		case Actual:
		case Estimate:
			status = Estimate
		case Plan:
			status = Plan
		case Target:
			status = Target
		default:
			l.errorAt(r.at(fStatus), "status "+strconv.Quote(s)+": use actual, estimate, plan or target")
			ok = false
		}
	}
	if !ok {
		return
	}

	if url == "" {
		l.countNoURL(src, r.pos)
	}
	if r.name != "" && !l.ds.HasEntityCatalog {
		if _, seen := l.entNames[ent]; !seen {
			l.entNames[ent] = l.intern(strings.TrimSpace(r.name))
		}
	}
	if !l.today.IsZero() && status == Actual && p.Start.After(l.today) {
		// An actual figure for a period that has not begun is a typo in
		// the year or a plan marked as fact: either way not to publish.
		l.errorAt(r.at(fPeriod), "period "+p.String()+" has not begun yet, so the figure cannot be actual: correct the period, or set status to estimate, plan or target")
	}
	if status == Actual && !released.IsZero() && released.Before(p.Start) {
		l.earlyRelease.note(r.at(fReleased))
	}
	if cp != "" && cp == ent {
		l.selfPair.note(r.at(fCounterpart))
	}
	if v < 0 && isCountUnit(unit) && !l.mayBeNegative(ind) {
		l.errorAt(r.at(fValue), "value "+format.Scaled(v, -1)+" is negative, but "+strconv.Quote(unit)+" counts things: check the sign (a net flow or a balance, such as net migration, may be negative: say so in its name or give it negative: in the catalog)")
	}

	o := Observation{
		Indicator:   ind,
		Entity:      ent,
		Counterpart: cp,
		Period:      p,
		Value:       v,
		Unit:        unit,
		Released:    released,
		Source:      src,
		SourceURL:   url,
		Status:      status,
		Texts:       r.texts,
		Pos:         r.pos,
	}
	if n := val(fNote); n != "" {
		o.Note = strings.Clone(n)
	}
	key := obsKey{ind: ind, ent: ent, cp: cp, kind: p.Kind, start: p.Start.Unix(), status: status}
	if i, dup := l.dups[key]; dup {
		first := &l.ds.Observations[i]
		where := "line " + strconv.Itoa(first.Pos.Line)
		if first.Pos.File != o.Pos.File {
			where = first.Pos.File + ":" + strconv.Itoa(first.Pos.Line)
		}
		if first.Value == o.Value && first.Unit == o.Unit {
			l.warnAt(r.pos, "duplicate of "+where+": "+describe(&o)+" is given twice; remove one")
		} else {
			there, here := amounts(first.Value, first.Unit, o.Value, o.Unit)
			l.errorAt(r.pos, "conflicting duplicate of "+where+": "+describe(&o)+" is "+there+" there and "+here+" here; keep one")
		}
		return
	}
	l.dups[key] = int32(len(l.ds.Observations))
	l.ds.Observations = append(l.ds.Observations, o)
}

// declaredPeriod is what a date of a row stands for: the mapping's
// period, else the indicator's in the catalog, else 0.
func (l *loader) declaredPeriod(m *fileMapping, cat *Indicator) period.Kind {
	if m.period != 0 {
		return m.period
	}
	if cat != nil {
		return cat.Period
	}
	return 0
}

// notADay is the error of a release date s that is not a day.
func (l *loader) notADay(m *fileMapping, s string) string {
	msg := "released " + strconv.Quote(s) + " is not a date"
	if m.periodGivesReleased() {
		// The period's column: a month or a year is a period, not a day.
		return msg + ": dataset.yaml reads the release date from the period's column " + strconv.Quote(m.columnNames[fPeriod]) + " too (released: " + m.columnNames[fReleased] + "), so each row must give the day its figure became known: write the day, or map released to another column"
	}
	if m.dateLayout != "" {
		return msg + ": write it as YYYY-MM-DD or as dataset.yaml's date_format " + m.dateFormat
	}
	return msg + ": write it as YYYY-MM-DD"
}

func (l *loader) declaredWhere(m *fileMapping, cat *Indicator) string {
	if m.period != 0 {
		return "dataset.yaml (period: " + m.period.String() + ")"
	}
	return l.indFile + " (" + cat.ID + ": period: " + cat.Period.String() + ")"
}

// headerName is a column header as an entity's name: "United_Kingdom"
// reads "United Kingdom".
func headerName(raw string) string {
	return strings.Join(strings.Fields(strings.ReplaceAll(raw, "_", " ")), " ")
}

// period parses s, caching the periods of a file, which repeat.
func (l *loader) period(s string) (period.Period, error) {
	if p, ok := l.periods[s]; ok {
		return p, nil
	}
	p, err := period.Parse(s)
	if err == nil {
		l.periods[l.intern(s)] = p
	}
	return p, err
}

// describe names an observation's series and period for messages.
func describe(o *Observation) string {
	s := o.Indicator + " for " + o.Entity
	if o.Counterpart != "" {
		s += " with " + o.Counterpart
	}
	s += " in " + o.Period.String()
	if o.Status != Actual {
		s += " (" + string(o.Status) + ")"
	}
	return s
}

// amounts prints two values in their units as the brief would
// ("$18.7 million", "18,651,931 people"), with the digits that tell them
// apart when they differ ("18.651931 million people" and "18.651932
// million people", never the same text twice).
func amounts(a float64, ua string, b float64, ub string) (string, string) {
	sa, sb := format.Value(a, ua, -1), format.Value(b, ub, -1)
	for d := 1; sa == sb && a != b && d <= 20; d++ {
		sa, sb = format.Value(a, ua, d), format.Value(b, ub, d)
	}
	return sa, sb
}

// note counts one more row, keeping the first one's position.
func (t *tally) note(p Pos) {
	if t.n == 0 {
		t.pos = p
	}
	t.n++
}

func (l *loader) countNoURL(src string, p Pos) {
	t := l.noURL[src]
	if t == nil {
		t = &tally{pos: p}
		l.noURL[src] = t
		l.noURLKeys = append(l.noURLKeys, src)
	}
	t.n++
}

func (l *loader) countUnit(ind, unit, ref string, p Pos) {
	k := [2]string{ind, unit}
	t := l.units[k]
	if t == nil {
		t = &tally{pos: p, ref: ref}
		l.units[k] = t
		l.unitKeys = append(l.unitKeys, k)
	}
	t.n++
}

// unknownIndicator and unknownEntity build the message for an id missing
// from a catalog, with the closest id as a suggestion; messages are
// cached, as a misspelt id tends to repeat.
func (l *loader) unknownIndicator(id string) string {
	return l.unknown("indicator", id, l.indFile, func() []string {
		ids := make([]string, len(l.ds.Indicators))
		for i, in := range l.ds.Indicators {
			ids[i] = in.ID
		}
		return ids
	})
}

func (l *loader) unknownEntity(what, id string) string {
	return l.unknown(what, id, l.entFile, func() []string {
		ids := make([]string, len(l.ds.Entities))
		for i, e := range l.ds.Entities {
			ids[i] = e.ID
		}
		return ids
	})
}

func (l *loader) unknown(what, id, catalog string, ids func() []string) string {
	key := what + "\x00" + id
	if msg, ok := l.unknownMsgs[key]; ok {
		return msg
	}
	msg := "unknown " + what + " " + strconv.Quote(id) + ": not in " + catalog
	if s := suggest(id, ids()); s != "" {
		msg += "; did you mean " + strconv.Quote(s) + "?"
	}
	l.unknownMsgs[key] = msg
	return msg
}

func trimmed(rec []string) []string {
	out := make([]string, len(rec))
	for i, s := range rec {
		out[i] = strings.TrimSpace(s)
	}
	return out
}

// mayBeNegative reports whether an indicator of counted things may go
// below zero: a net flow, a balance or a change ("net migration",
// "natural increase", "population change"), by its id or catalog name, or
// one whose catalog names its negative side (negative: net outflow).
func (l *loader) mayBeNegative(ind string) bool {
	words := ind
	if i, ok := l.indByID[ind]; ok {
		in := &l.ds.Indicators[i]
		if in.Wording.Negative != "" {
			return true
		}
		words += " " + in.Name
	}
	return hasAny(tokens(words), set("net", "balance", "change", "changes", "increase", "growth", "difference", "surplus", "deficit", "saldo")) != ""
}

// isCountUnit reports whether a unit counts things, so that a negative
// value is a mistake: "count", "number", "people", or "number of ...".
func isCountUnit(unit string) bool {
	u := strings.ToLower(strings.TrimSpace(unit))
	switch u {
	case "count", "number", "people", "persons", "items", "units":
		return true
	}
	return strings.HasPrefix(u, "number of ")
}
