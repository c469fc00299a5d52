package dataset

import (
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"github.com/briefhq/brief/internal/period"
)

// ConfigFile is the optional mapping config of a dataset folder (also
// read as dataset.yml). It says where its files are
// and how to read CSV files that are not in the tidy shape, without
// editing them. Every key is optional:
//
//	indicators: indicators.yaml   # catalog paths, relative to dataset.yaml
//	entities: ../shared/entities.yaml
//	events: events.csv
//	observations:                 # replaces observations.csv & co.
//	  - file: ../../shared/data/gdp/gdp.csv   # relative to dataset.yaml
//	    delimiter: ","            # one character; default ","
//	    columns:                  # our field: their column (case-insensitive)
//	      entity: Country Code
//	      period: Year
//	    constants:                # our field: the value for every row
//	      indicator: gdp
//	      unit: USD
//	      source: World Bank
//	      source_url: https://data.worldbank.org/indicator/NY.GDP.MKTP.CD
//	    entity_name: Country Name # entity names, when there is no entities.yaml
//	    ignore: [Notes]           # their columns to skip without a warning
//	    skip_empty: false         # true: a row with an empty value is no figure
//	    only_entities: [KAZ, UZB] # read only these entities (drops aggregates)
//	    # exclude_entities: [WLD, HIC] # or skip these (a file's aggregates)
//	  - file: prices.csv
//	    wide:                     # one column per indicator: their column: indicator id
//	      CPI: cpi
//	      PPI: ppi
//	  - file: covid.csv           # Date,China,US,United_Kingdom
//	    wide_entities: {China: CHN, US: USA}  # one column per entity: their column: entity id
//	    # wide_entities: all      # or every column not mapped otherwise, named by its header
//	    period: month             # what a date stands for: day, week, month, quarter, year
//	  - file: API_NY.GDP.MKTP.CD_DS2_en_csv_v2.csv  # agency files (agency.go):
//	    header_row: 5             # or skip_rows: 4: a preamble above the header
//	    wide_periods: all         # one column per period ("1960".."2023")
//	    filter: {Indicator Code: NY.GDP.MKTP.CD}  # keep rows by column values
//	    # scale: million, scale_column: UNIT_MULT, flag_column: OBS_FLAG,
//	    # flag_status: {p: estimate}, decimal: ",", thousands: ".",
//	    # date_format: DD.MM.YYYY
//	  - file: book.xlsx
//	    sheet: GDP                # a workbook's sheet (sheet.go)
//
// Columns not named under columns are read by their tidy names (a column
// "Value" is the value). A wide file makes one observation per wide
// column and row, with the indicator from wide; it must not map
// indicator or value otherwise. Constants can be given for every field
// but value. docs/mapping.md has the full description and an example.
const ConfigFile = "dataset.yaml"

// config is a parsed dataset.yaml.
type config struct {
	indicators, entities, events *pathRef
	observations                 []*fileMapping
	// observationsRejected: dataset.yaml lists observations, and
	// some entry of the list (or the list itself) was rejected.
	observationsRejected bool
}

type pathRef struct {
	path string
	pos  Pos
}

// fileMapping says how to read one observations file.
type fileMapping struct {
	file    string
	pos     Pos // the entry in dataset.yaml
	filePos Pos // its file: value
	comma   rune

	columns     [nFields]string // their column, lower case; "" when not renamed
	columnNames [nFields]string // as written, for messages
	consts      [nFields]string
	hasConst    [nFields]bool
	constPos    [nFields]Pos

	wide          []wideSpec
	entityName    string // lower case
	entityNameRaw string
	skipEmpty     bool
	onlyEntities  map[string]bool // nil: every entity
	// excludeEntities are entity ids whose rows are skipped (a file's
	// aggregates: World, High income, ...).
	excludeEntities map[string]bool
	// listed are the ids of only_entities or exclude_entities (listKey)
	// as written, with where; seen are the entity ids of the file's rows
	// (those its filter keeps), so that an id matching none is reported
	// (checkEntityList).
	listed  []listedID
	listKey string
	seen    map[string]bool
	// constantsPos is where constants: is, if it is; noUnit the
	// indicators already told to have no unit (reportNoUnit).
	constantsPos Pos
	noUnit       map[string]bool

	// wideEnt are the columns of a file with one column per entity
	// (wide_entities); wideAll reads every column not otherwise mapped
	// as one (wide_entities: all).
	wideEnt []wideSpec
	wideAll bool
	// period is what a date of the file stands for (period: month); 0
	// when the mapping does not say.
	period period.Kind

	// What agency downloads need (docs/mapping.md, "Agency files").
	sheet       string // the sheet of a workbook; "" is the first
	sheetPos    Pos
	headerLine  int    // header_row (skip_rows + 1); 0 is the first line
	headerKey   string // which of the two the mapping gave, for messages
	widePeriods bool   // wide_periods: all: one column per period
	filters     []filterSpec
	scaleExp    int    // scale: values are multiplied by 10^scaleExp
	scaleCol    string // scale_column, lower case: a power of ten per row
	scaleColRaw string
	flagCol     string // flag_column, lower case: observation flags
	flagColRaw  string
	flagStatus  map[string]Status // lower-case flag -> status
	flagPos     Pos
	decimal     byte   // ',' for a decimal comma; 0 is '.'
	thousands   string // the thousands separator; "" is none
	dateLayout  string // date_format as a time layout; "" is ISO 8601
	dateFormat  string // as written
	dateKind    period.Kind

	byName map[string]role // nil for a tidy file
}

// filterSpec keeps the rows whose column holds one of values.
type filterSpec struct {
	column string // lower case
	raw    string
	values []string
	pos    Pos
}

// listedID is an id of only_entities or exclude_entities, with where it
// is written.
type listedID struct {
	id  string
	pos Pos
}

type wideSpec struct {
	column    string // as written
	indicator string
	pos       Pos
}

type roleKind uint8

const (
	roleUnknown    roleKind = iota
	roleField               // a field of the tidy table
	roleWide                // one indicator of a wide file
	roleName                // the entity's display name
	roleIgnore              // listed under ignore
	roleConstant            // a tidy column whose field is a constant
	roleWideEntity          // one entity of a file with a column per entity
	roleScale               // the scale column: a power of ten per row
	roleFlag                // the observation flag column
)

type role struct {
	kind roleKind
	f    field
	wide int
	// released: the period's column also gives the release date
	// (columns: {period: date, released: date}), a date that is both
	// what the figure stands for and the day it became known.
	released bool
}

// roleOf says what the column (or JSON key) named name, lower case, is.
func (m *fileMapping) roleOf(name string) role {
	if m.byName == nil {
		if f, ok := fieldByName(name); ok {
			return role{kind: roleField, f: f}
		}
		return role{}
	}
	return m.byName[name]
}

var (
	configKeys  = []string{"indicators", "entities", "events", "observations"}
	mappingKeys = []string{"file", "delimiter", "columns", "constants", "wide", "entity_name", "ignore", "skip_empty", "only_entities", "exclude_entities", "wide_entities", "period",
		"sheet", "header_row", "skip_rows", "wide_periods", "filter", "scale", "scale_column", "flag_column", "flag_status", "decimal", "thousands", "date_format"}
)

func (l *loader) readConfig(path string) *config {
	root := l.readYAMLFile(path)
	if root == nil {
		return nil
	}
	top, ok := l.keyed(path, root, "dataset.yaml", configKeys)
	if !ok {
		return nil
	}
	dir := filepath.Dir(path)
	cfg := &config{}
	ref := func(key string) *pathRef {
		n := top[key]
		if n == nil {
			return nil
		}
		var sheet *yaml.Node
		if n.Kind == yaml.MappingNode {
			// {file: book.xlsx, sheet: Indicators}
			keys, good := l.keyed(path, n, key, []string{"file", "sheet"})
			if !good || keys["file"] == nil {
				if good {
					l.errorAt(yamlPos(path, n), key+" must name a file: {file: book.xlsx, sheet: "+titleCase(key)+"}")
				}
				return nil
			}
			n, sheet = keys["file"], keys["sheet"]
		}
		s, ok := l.text(path, n, key)
		if !ok || s == "" {
			if ok {
				l.errorAt(yamlPos(path, n), key+" must name a file")
			}
			return nil
		}
		ref := &pathRef{path: relTo(dir, s), pos: yamlPos(path, n)}
		if sheet != nil {
			name, good := l.text(path, sheet, "sheet")
			switch {
			case !good:
			case !isWorkbook(ref.path):
				l.errorAt(yamlPos(path, sheet), "sheet applies to workbooks (.xlsx); "+filepath.Base(ref.path)+" is not one: remove sheet, or give the workbook")
			default:
				l.sheetOf[key+"\x00"+ref.path] = sheetRef{name: name, pos: yamlPos(path, sheet)}
			}
		}
		return ref
	}
	cfg.indicators, cfg.entities, cfg.events = ref("indicators"), ref("entities"), ref("events")
	if n := top["observations"]; n != nil {
		if n.Kind != yaml.SequenceNode {
			cfg.observationsRejected = true
			l.errorAt(yamlPos(path, n), "observations must be a list of files, each with file: and its mapping")
			return cfg
		}
		for _, item := range n.Content {
			if m := l.readMapping(path, dir, item); m != nil {
				cfg.observations = append(cfg.observations, m)
			} else {
				cfg.observationsRejected = true
			}
		}
	}
	return cfg
}

func relTo(dir, p string) string {
	if filepath.IsAbs(p) {
		return filepath.Clean(p)
	}
	return filepath.Join(dir, filepath.FromSlash(p))
}

func (l *loader) readMapping(path, dir string, item *yaml.Node) *fileMapping {
	keys, ok := l.keyed(path, item, "each observations entry", mappingKeys)
	if keys == nil {
		return nil
	}
	m := &fileMapping{pos: yamlPos(path, item), byName: map[string]role{}}
	name, _ := l.text(path, keys["file"], "file")
	if name == "" {
		l.errorAt(m.pos, "missing file: name the observations file, relative to dataset.yaml")
		return nil
	}
	m.file = relTo(dir, name)
	m.filePos = yamlPos(path, keys["file"])

	if n := keys["delimiter"]; n != nil {
		s, _ := l.text(path, n, "delimiter")
		if s == "" && n.Kind == yaml.ScalarNode {
			s = n.Value // a tab or space, trimmed by text
		}
		if strings.EqualFold(s, "tab") {
			s = "\t"
		}
		r, size := utf8.DecodeRuneInString(s)
		if size == 0 || size != len(s) || r == '"' || r == '\r' || r == '\n' || r == utf8.RuneError {
			l.errorAt(yamlPos(path, n), "delimiter "+strconv.Quote(s)+" must be one character such as \",\", \";\" or tab")
			ok = false
		} else {
			m.comma = r
		}
	}

	claim := func(column string, ro role, p Pos) bool {
		key := strings.ToLower(strings.TrimSpace(column))
		if key == "" {
			l.errorAt(p, "column name is empty")
			return false
		}
		if _, dup := m.byName[key]; dup {
			l.errorAt(p, "column "+strconv.Quote(column)+" is mapped twice")
			return false
		}
		m.byName[key] = ro
		return true
	}
	pairs := func(key string, fn func(k, v *yaml.Node, val string)) {
		n := keys[key]
		if n == nil {
			return
		}
		if n.Kind != yaml.MappingNode {
			l.errorAt(yamlPos(path, n), key+" must be a mapping")
			ok = false
			return
		}
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			s, good := l.text(path, v, k.Value)
			if !good {
				ok = false
				continue
			}
			fn(k, v, s)
		}
	}
	fieldKey := func(k *yaml.Node, where string) (field, bool) {
		f, found := fieldByName(strings.ToLower(strings.TrimSpace(k.Value)))
		if !found {
			l.errorAt(yamlPos(path, k), "unknown field "+strconv.Quote(k.Value)+" under "+where+" (fields: "+knownColumns+")")
			ok = false
		}
		return f, found
	}

	pairs("columns", func(k, v *yaml.Node, s string) {
		f, found := fieldKey(k, "columns")
		if !found {
			return
		}
		if m.columns[f] != "" {
			l.errorAt(yamlPos(path, k), fieldNames[f]+" is mapped twice")
			ok = false
			return
		}
		if m.sharesPeriodAndReleased(s, f) {
			// One date is both the period and the release day: the only
			// column two fields may share.
			m.byName[strings.ToLower(strings.TrimSpace(s))] = role{kind: roleField, f: fPeriod, released: true}
			m.columns[f], m.columnNames[f] = strings.ToLower(s), s
			return
		}
		if !claim(s, role{kind: roleField, f: f}, yamlPos(path, v)) {
			ok = false
			return
		}
		m.columns[f], m.columnNames[f] = strings.ToLower(s), s
	})
	if n := keys["constants"]; n != nil {
		m.constantsPos = yamlPos(path, n)
	}
	pairs("constants", func(k, v *yaml.Node, s string) {
		f, found := fieldKey(k, "constants")
		if !found {
			return
		}
		switch {
		case f == fValue:
			l.errorAt(yamlPos(path, k), "value cannot be a constant: it must come from the file")
			ok = false
		case m.columns[f] != "":
			l.errorAt(yamlPos(path, k), fieldNames[f]+" is both a column and a constant: keep one")
			ok = false
		case m.hasConst[f]:
			l.errorAt(yamlPos(path, k), fieldNames[f]+" is given twice")
			ok = false
		default:
			m.consts[f], m.hasConst[f], m.constPos[f] = s, true, yamlPos(path, v)
		}
	})
	pairs("wide", func(k, v *yaml.Node, s string) {
		if s == "" {
			l.errorAt(yamlPos(path, v), "give the indicator id the column "+strconv.Quote(k.Value)+" holds")
			ok = false
			return
		}
		if claim(k.Value, role{kind: roleWide, wide: len(m.wide)}, yamlPos(path, k)) {
			m.wide = append(m.wide, wideSpec{column: k.Value, indicator: s, pos: yamlPos(path, v)})
		} else {
			ok = false
		}
	})
	if n := keys["wide_entities"]; n != nil && n.Kind == yaml.ScalarNode && strings.EqualFold(strings.TrimSpace(n.Value), "all") {
		m.wideAll = true
	} else {
		pairs("wide_entities", func(k, v *yaml.Node, s string) {
			if s == "" {
				l.errorAt(yamlPos(path, v), "give the entity id the column "+strconv.Quote(k.Value)+" holds")
				ok = false
				return
			}
			if claim(k.Value, role{kind: roleWideEntity, wide: len(m.wideEnt)}, yamlPos(path, k)) {
				m.wideEnt = append(m.wideEnt, wideSpec{column: k.Value, indicator: s, pos: yamlPos(path, v)})
			} else {
				ok = false
			}
		})
	}
	if n := keys["period"]; n != nil {
		if m.period = l.periodKind(path, n); m.period == 0 {
			ok = false
		}
	}
	if len(m.wide) > 0 && (m.columns[fIndicator] != "" || m.columns[fValue] != "" || m.hasConst[fIndicator]) {
		l.errorAt(yamlPos(path, keys["wide"]), "a wide file takes indicator and value from its wide columns: remove them from columns and constants")
		ok = false
	}
	if n := keys["entity_name"]; n != nil {
		s, good := l.text(path, n, "entity_name")
		if good && s != "" && claim(s, role{kind: roleName}, yamlPos(path, n)) {
			m.entityName, m.entityNameRaw = strings.ToLower(s), s
		} else {
			ok = false
		}
	}
	if n := keys["ignore"]; n != nil {
		list := []*yaml.Node{n}
		if n.Kind == yaml.SequenceNode {
			list = n.Content
		}
		for _, c := range list {
			if s, good := l.text(path, c, "ignore"); good && s != "" {
				claim(s, role{kind: roleIgnore}, yamlPos(path, c))
			}
		}
	}
	// idSet reads a list of entity ids; nil and an error when it is not one.
	idSet := func(key, example string) map[string]bool {
		n := keys[key]
		if n.Kind != yaml.SequenceNode || len(n.Content) == 0 {
			l.errorAt(yamlPos(path, n), key+" must be a list of entity ids, e.g. "+example)
			ok = false
			return nil
		}
		set := map[string]bool{}
		m.listKey = key
		for _, c := range n.Content {
			if s, good := l.text(path, c, key); good && s != "" {
				if !set[s] {
					m.listed = append(m.listed, listedID{s, yamlPos(path, c)})
				}
				set[s] = true
			}
		}
		return set
	}
	if keys["only_entities"] != nil {
		m.onlyEntities = idSet("only_entities", "[KAZ, UZB]")
	}
	if n := keys["exclude_entities"]; n != nil {
		if m.onlyEntities != nil {
			l.errorAt(yamlPos(path, n), "exclude_entities and only_entities together: keep one (only_entities already leaves out what it does not list)")
			ok = false
		} else {
			m.excludeEntities = idSet("exclude_entities", "[WLD, HIC]")
		}
	}
	if n := keys["skip_empty"]; n != nil {
		switch s, _ := l.text(path, n, "skip_empty"); s {
		case "true":
			m.skipEmpty = true
		case "false":
		default:
			l.errorAt(yamlPos(path, n), "skip_empty must be true or false")
			ok = false
		}
	}
	if m.wideAll || len(m.wideEnt) > 0 {
		switch {
		case len(m.wide) > 0:
			l.errorAt(yamlPos(path, keys["wide_entities"]), "a file has one column per indicator (wide) or one per entity (wide_entities), not both")
			ok = false
		case m.columns[fEntity] != "" || m.columns[fValue] != "" || m.hasConst[fEntity]:
			l.errorAt(yamlPos(path, keys["wide_entities"]), "a file with one column per entity takes entity and value from those columns: remove them from columns and constants")
			ok = false
		case m.entityName != "":
			l.errorAt(yamlPos(path, keys["wide_entities"]), "entity_name does not apply to a file with one column per entity: its headers name the entities")
			ok = false
		}
	}
	if !l.readAgencyKeys(path, keys, m, claim) {
		ok = false
	}
	if m.periodGivesReleased() && m.dateLayout != "" && m.dateKind != period.Day {
		l.errorAt(yamlPos(path, keys["date_format"]), "date_format "+m.dateFormat+" writes no day, so column "+strconv.Quote(m.columnNames[fReleased])+" cannot give the release date (released): map released to a column of days, or leave it out")
		ok = false
	}
	// Tidy names stay readable unless renamed away or made constant.
	for f := field(0); f < nFields; f++ {
		name := fieldNames[f]
		if _, taken := m.byName[name]; taken {
			continue
		}
		if (m.wideAll || len(m.wideEnt) > 0) && (f == fEntity || f == fValue) {
			continue // the columns are the entities and hold the values
		}
		if m.widePeriods && (f == fPeriod || f == fValue) {
			continue // the columns are the periods and hold the values
		}
		if m.flagCol != "" && f == fStatus {
			continue // the flags give the status
		}
		switch {
		case m.hasConst[f]:
			m.byName[name] = role{kind: roleConstant, f: f}
		case m.columns[f] == "":
			m.byName[name] = role{kind: roleField, f: f}
		}
	}
	if !ok {
		return nil
	}
	return m
}

// sharesPeriodAndReleased reports whether mapping field f to column
// names the column that already gives the other of period and released.
func (m *fileMapping) sharesPeriodAndReleased(column string, f field) bool {
	other := fReleased
	switch f {
	case fReleased:
		other = fPeriod
	case fPeriod:
	default:
		return false
	}
	key := strings.ToLower(strings.TrimSpace(column))
	ro, taken := m.byName[key]
	return taken && ro.kind == roleField && ro.f == other && strings.TrimSpace(m.columns[other]) == key
}

// periodGivesReleased reports whether the period's column also gives the
// release date (columns: {period: date, released: date}).
func (m *fileMapping) periodGivesReleased() bool {
	return m.columns[fPeriod] != "" && m.columns[fPeriod] == m.columns[fReleased]
}

// checkMapping validates a mapping's constants and wide indicators
// against the catalogs once, rather than on every row. A file whose
// mapping is wrong is not read.
func (l *loader) checkMapping(m *fileMapping) bool {
	ok := true
	bad := func(f field, msg string) {
		l.errorAt(m.constPos[f], msg)
		ok = false
	}
	for f := field(0); f < nFields; f++ {
		if !m.hasConst[f] {
			continue
		}
		s := m.consts[f]
		switch f {
		case fIndicator:
			if l.checkInd && s != "" {
				if _, found := l.indByID[s]; !found {
					bad(f, l.unknownIndicator(s))
				}
			}
		case fEntity, fCounterpart:
			if l.checkEnt && s != "" {
				if _, found := l.entByID[s]; !found {
					bad(f, l.unknownEntity(fieldNames[f], s))
				}
			}
		case fPeriod:
			if _, err := period.Parse(s); err != nil {
				bad(f, err.Error())
			}
		case fReleased:
			if _, err := time.Parse("2006-01-02", s); err != nil && s != "" {
				bad(f, "released "+strconv.Quote(s)+" is not a date: write it as YYYY-MM-DD")
			}
		case fStatus:
			switch Status(strings.ToLower(s)) {
			case Actual, Estimate, Plan, Target, "":
			default:
				bad(f, "status "+strconv.Quote(s)+": use actual, estimate, plan or target")
			}
		}
	}
	for _, w := range m.wideEnt {
		if l.checkEnt {
			if _, found := l.entByID[w.indicator]; !found {
				l.errorAt(w.pos, l.unknownEntity("entity", w.indicator))
				ok = false
			}
		}
	}
	for _, w := range m.wide {
		if l.checkInd {
			if _, found := l.indByID[w.indicator]; !found {
				l.errorAt(w.pos, l.unknownIndicator(w.indicator))
				ok = false
			}
		}
	}
	return ok
}

// pick is the catalog file to read: the one dataset.yaml names (which
// must exist), else the first default present in dir, else none.
func (c *config) pick(l *loader, ref *pathRef, dir string, defaults []string) string {
	if ref != nil {
		f, err := l.open(ref.path)
		if err != nil {
			l.errorAt(ref.pos, "cannot read "+ref.path+": "+l.reason(ref.path, err))
			return ""
		}
		f.Close()
		return ref.path
	}
	return l.firstExisting(dir, defaults)
}

// keeps reports whether a row passes the mapping's entity filter.
func (m *fileMapping) keeps(r *row) bool {
	if m == nil {
		return true
	}
	id := strings.TrimSpace(r.c[fEntity].s)
	if m.listed != nil && id != "" && !m.seen[id] {
		if m.seen == nil {
			m.seen = map[string]bool{}
		}
		m.seen[strings.Clone(id)] = true
	}
	return (m.onlyEntities == nil || m.onlyEntities[id]) && !m.excludeEntities[id]
}

// checkEntityList reports each id of only_entities or exclude_entities
// that matches no entity of the file's rows, at its place in
// dataset.yaml: a typo ("KAZZ") would otherwise leave out an entity the
// brief was meant to give, or keep one (an aggregate) it was meant to
// leave out, and say nothing. It is an error, as an unknown id of a
// catalog is: every id of the list is there to change what the brief
// says, and one that changes nothing is a mistake to correct. A file
// none of whose rows was read (an error already said why) is not judged.
func (l *loader) checkEntityList(path string, m *fileMapping) {
	if len(m.listed) == 0 || len(m.seen) == 0 {
		return
	}
	var ids []string
	for _, li := range m.listed {
		if m.seen[li.id] {
			continue
		}
		if ids == nil {
			ids = make([]string, 0, len(m.seen))
			for id := range m.seen {
				ids = append(ids, id)
			}
			sort.Strings(ids)
		}
		of := "no entity of " + filepath.Base(path)
		if len(m.filters) > 0 {
			of = "no entity of the rows of " + filepath.Base(path) + " that filter keeps"
		}
		effect := "so it leaves nothing out"
		if m.listKey == "only_entities" {
			effect = "so the brief has no figure for it"
		}
		advice := "correct the id or remove it"
		if s := suggest(li.id, ids); s != "" {
			advice = "correct the id (did you mean " + strconv.Quote(s) + "?) or remove it"
		}
		msg := m.listKey + ": " + strconv.Quote(li.id) + " matches " + of + ", " + effect + ": " + advice
		l.errorAt(li.pos, msg)
	}
}

// reportNoUnit says, once per indicator of a file read through
// dataset.yaml, that no unit is given for it: the file has no unit
// column, the mapping no constant unit, and the catalog none for the
// indicator (cat; nil when there is no catalog). The fix is in
// dataset.yaml, so the error is there, at constants: (or the entry).
func (l *loader) reportNoUnit(m *fileMapping, file, ind string, cat *Indicator) {
	if m.noUnit[ind] {
		return
	}
	if m.noUnit == nil {
		m.noUnit = map[string]bool{}
	}
	m.noUnit[ind] = true
	at := m.constantsPos
	add := "add one to this entry's constants (constants: {unit: USD}; or %, tonnes, cases ...)"
	if at.Line == 0 {
		at = m.pos
		add = "add one to this entry as constants: {unit: USD} (or %, tonnes, cases ...)"
	}
	msg := filepath.Base(file) + " gives no unit"
	if cat != nil {
		msg += " for " + ind + ": the file has no unit column, dataset.yaml gives no constant unit and " +
			filepath.Base(l.indFile) + " gives " + ind + " none (line " + strconv.Itoa(cat.Pos.Line) + "): " + add +
			", or give " + ind + " a unit in " + filepath.Base(l.indFile)
	} else {
		msg += ": the file has no unit column and dataset.yaml gives no constant unit: " + add + ", or map a column of units (columns: {unit: ...})"
	}
	l.errorAt(at, msg)
}
