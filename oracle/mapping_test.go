package oracle

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/xuri/excelize/v2"
	"go.yaml.in/yaml/v3"
)

// The oracle's own reading of dataset.yaml (docs/mapping.md, with its
// "Agency files") and of the catalogs, for the mappings and agency
// fixtures under testdata/mapping. This file reads only the paths a
// mapping names; TestOracleRealData (real_test.go) decides which real
// files are there and skips what a plain clone lacks.

// fileRef is a catalog's place: a path, or {file, sheet} for a sheet of
// a workbook.
type fileRef struct {
	File, Sheet string
}

func (f *fileRef) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind == yaml.ScalarNode {
		f.File = n.Value
		return nil
	}
	var v struct {
		File  string `yaml:"file"`
		Sheet string `yaml:"sheet"`
	}
	if err := n.Decode(&v); err != nil {
		return err
	}
	f.File, f.Sheet = v.File, v.Sheet
	return nil
}

// strList is a YAML scalar or a list of scalars, as text.
type strList []string

func (s *strList) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind == yaml.ScalarNode {
		*s = strList{n.Value}
		return nil
	}
	var l []string
	if err := n.Decode(&l); err != nil {
		return err
	}
	*s = l
	return nil
}

// wideEntities is a map from column to entity id, or "all".
type wideEntities struct {
	All bool
	Map map[string]string
}

func (w *wideEntities) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind == yaml.ScalarNode && n.Value == "all" {
		w.All = true
		return nil
	}
	return n.Decode(&w.Map)
}

// obsEntry is one entry of observations: in dataset.yaml.
type obsEntry struct {
	File         string            `yaml:"file"`
	Sheet        string            `yaml:"sheet"`
	Delimiter    string            `yaml:"delimiter"`
	Columns      map[string]string `yaml:"columns"`
	Constants    map[string]string `yaml:"constants"`
	EntityName   string            `yaml:"entity_name"`
	Ignore       []string          `yaml:"ignore"`
	SkipEmpty    bool              `yaml:"skip_empty"`
	OnlyEntities []string          `yaml:"only_entities"`
	Exclude      []string          `yaml:"exclude_entities"`
	Wide         map[string]string `yaml:"wide"`
	WideEntities *wideEntities     `yaml:"wide_entities"`
	Period       string            `yaml:"period"`
	// Agency files
	HeaderRow   int                `yaml:"header_row"`
	SkipRows    int                `yaml:"skip_rows"`
	WidePeriods string             `yaml:"wide_periods"`
	Filter      map[string]strList `yaml:"filter"`
	Scale       string             `yaml:"scale"`
	ScaleColumn string             `yaml:"scale_column"`
	FlagColumn  string             `yaml:"flag_column"`
	FlagStatus  map[string]string  `yaml:"flag_status"`
	Decimal     string             `yaml:"decimal"`
	Thousands   string             `yaml:"thousands"`
	DateFormat  string             `yaml:"date_format"`
}

type mappingFile struct {
	Indicators   *fileRef   `yaml:"indicators"`
	Entities     *fileRef   `yaml:"entities"`
	Observations []obsEntry `yaml:"observations"`
}

type catalogFile struct {
	Indicators []indicatorEntry `yaml:"indicators"`
	Entities   []entityEntry    `yaml:"entities"`
}

type indicatorEntry struct {
	ID         string `yaml:"id"`
	Name       string `yaml:"name"`
	Topic      string `yaml:"topic"`
	Unit       string `yaml:"unit"`
	Additive   *bool  `yaml:"additive"`
	Comparable *bool  `yaml:"comparable"`
	Summary    string `yaml:"summary"`
}

type entityEntry struct {
	ID     string   `yaml:"id"`
	Groups []string `yaml:"groups"`
}

func readYAML(path string, v any) (bool, error) {
	b, err := os.ReadFile(path)
	if os.IsNotExist(err) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	return true, yaml.Unmarshal(b, v)
}

var fields = []string{"indicator", "entity", "counterpart", "period", "value", "unit", "released", "source", "source_url", "note", "status"}

// readCatalog reads a catalog: a YAML file, or a sheet of a workbook
// whose header names the catalog's keys (id, name, topic, unit, ...;
// groups separated by ";" or ","). ok is false when the file is absent.
func readCatalog(dir string, ref *fileRef, def string, c *catalogFile, what string) (bool, error) {
	path := filepath.Join(dir, def)
	if ref != nil {
		path = filepath.Join(dir, ref.File)
	}
	if !isWorkbook(path) {
		if ref != nil && ref.Sheet != "" {
			return false, fmt.Errorf("%s: a sheet of a file that is no workbook", path)
		}
		return readYAML(path, c)
	}
	sheet := ""
	if ref != nil {
		sheet = ref.Sheet
	}
	t, err := readTable(path, sheet, what, "", 1)
	if err != nil {
		return false, err
	}
	col := map[string]int{}
	for i, h := range t.Header {
		col[strings.ToLower(h)] = i
	}
	for _, r := range t.Rows {
		get := func(k string) string {
			if i, ok := col[k]; ok {
				return r.at(i).name()
			}
			return ""
		}
		boolp := func(k string) *bool {
			switch strings.ToLower(get(k)) {
			case "true", "yes", "1":
				return bptr(true)
			case "false", "no", "0":
				return bptr(false)
			}
			return nil
		}
		if get("id") == "" {
			continue
		}
		if what == "indicators" {
			c.Indicators = append(c.Indicators, indicatorEntry{ID: get("id"), Name: get("name"), Topic: get("topic"), Unit: get("unit"),
				Additive: boolp("additive"), Comparable: boolp("comparable"), Summary: get("summary")})
			continue
		}
		e := entityEntry{ID: get("id")}
		for _, g := range strings.FieldsFunc(get("groups"), func(r rune) bool { return r == ';' || r == ',' }) {
			if g = strings.TrimSpace(g); g != "" {
				e.Groups = append(e.Groups, g)
			}
		}
		c.Entities = append(c.Entities, e)
	}
	return true, nil
}

// loadMapped reads a dataset folder with a dataset.yaml (or a tidy
// folder's observations.csv).
func loadMapped(dir string) (*dataset, error) {
	var m mappingFile
	if ok, err := readYAML(filepath.Join(dir, "dataset.yaml"), &m); err != nil {
		return nil, fmt.Errorf("dataset.yaml: %v", err)
	} else if !ok || len(m.Observations) == 0 { // a tidy folder
		obs := "observations.csv"
		if _, err := os.Stat(filepath.Join(dir, obs)); os.IsNotExist(err) {
			// a workbook alone: its catalogs are its sheets indicators and
			// entities when it has them (and no YAML catalog is there)
			for _, x := range []string{"observations.xlsx", "observations.xlsm"} {
				if _, err := os.Stat(filepath.Join(dir, x)); err == nil {
					obs = x
					for _, c := range []struct {
						ref  **fileRef
						name string
					}{{&m.Indicators, "indicators"}, {&m.Entities, "entities"}} {
						if _, err := os.Stat(filepath.Join(dir, c.name+".yaml")); err == nil || *c.ref != nil {
							continue
						}
						if f, err := excelize.OpenFile(filepath.Join(dir, x)); err == nil {
							if s := sheetNamed(f, c.name); s != "" {
								*c.ref = &fileRef{File: x, Sheet: s}
							}
							f.Close()
						}
					}
					break
				}
			}
		}
		m.Observations = append(m.Observations, obsEntry{File: obs})
	}
	ds := &dataset{}
	var ic catalogFile
	if ok, err := readCatalog(dir, m.Indicators, "indicators.yaml", &ic, "indicators"); err != nil {
		return nil, err
	} else if ok {
		ds.Indicators = map[string]*indicatorDef{}
		for _, i := range ic.Indicators {
			ds.Indicators[i.ID] = &indicatorDef{ID: i.ID, Name: i.Name, Topic: i.Topic, Unit: i.Unit, Additive: i.Additive, Comparable: i.Comparable, Summary: i.Summary}
		}
	}
	var ec catalogFile
	if ok, err := readCatalog(dir, m.Entities, "entities.yaml", &ec, "entities"); err != nil {
		return nil, err
	} else if ok {
		ds.Entities = []entityDef{}
		for _, e := range ec.Entities {
			ds.Entities = append(ds.Entities, entityDef(e))
		}
	}
	for _, o := range m.Observations {
		if err := readEntry(ds, dir, o); err != nil {
			return nil, err
		}
	}
	inferMonths(ds)
	return ds, nil
}

// readEntry reads the rows of one observations entry into ds.
func readEntry(ds *dataset, dir string, o obsEntry) error {
	path := filepath.Join(dir, o.File)
	headerRow := 1
	switch {
	case o.HeaderRow > 0 && o.SkipRows > 0 && o.HeaderRow != o.SkipRows+1:
		return fmt.Errorf("%s: header_row %d and skip_rows %d disagree", path, o.HeaderRow, o.SkipRows)
	case o.HeaderRow > 0:
		headerRow = o.HeaderRow
	case o.SkipRows > 0:
		headerRow = o.SkipRows + 1
	}
	t, err := readTable(path, o.Sheet, "observations", o.Delimiter, headerRow)
	if err != nil {
		return err
	}
	col := map[string]int{}
	for i, h := range t.Header {
		k := strings.ToLower(h)
		if _, dup := col[k]; !dup {
			col[k] = i
		}
	}
	find := func(name, why string) (int, error) {
		i, ok := col[strings.ToLower(strings.TrimSpace(name))]
		if !ok {
			return 0, fmt.Errorf("%s:%d: no column %q (%s); the header has %q", path, t.HeaderLine, name, why, t.Header)
		}
		return i, nil
	}
	used := map[int]bool{}    // columns with a meaning: not a period of wide_periods
	where := map[string]int{} // our field -> column index
	for _, fld := range fields {
		if c, ok := o.Columns[fld]; ok {
			i, err := find(c, "columns: "+fld)
			if err != nil {
				return err
			}
			where[fld], used[i] = i, true
		} else if _, isConst := o.Constants[fld]; !isConst {
			if fld == "status" && o.FlagColumn != "" {
				continue
			}
			if i, ok := col[fld]; ok {
				where[fld], used[i] = i, true
			}
		}
	}
	type filt struct {
		i    int
		vals map[string]bool
	}
	var filters []filt
	for c, vals := range o.Filter {
		i, err := find(c, "filter")
		if err != nil {
			return err
		}
		used[i] = true
		f := filt{i: i, vals: map[string]bool{}}
		for _, v := range vals {
			f.vals[strings.TrimSpace(v)] = true
		}
		filters = append(filters, f)
	}
	scaleCol, flagCol := -1, -1
	if o.ScaleColumn != "" {
		if scaleCol, err = find(o.ScaleColumn, "scale_column"); err != nil {
			return err
		}
		used[scaleCol] = true
	}
	if o.FlagColumn != "" {
		if flagCol, err = find(o.FlagColumn, "flag_column"); err != nil {
			return err
		}
		used[flagCol] = true
	}
	scale, err := parseScaleKey(o.Scale)
	if err != nil {
		return err
	}
	df, err := compileDateFormat(o.DateFormat)
	if err != nil {
		return err
	}
	for _, c := range append(append([]string{o.EntityName}, o.Ignore...), keys(o.Wide)...) {
		if i, ok := col[strings.ToLower(c)]; ok && c != "" {
			used[i] = true
		}
	}
	if o.WideEntities != nil {
		for c := range o.WideEntities.Map {
			if i, ok := col[strings.ToLower(c)]; ok {
				used[i] = true
			}
		}
	}
	// the cells that make observations: one (value), one per wide column,
	// entity column or period column
	type source struct {
		i        int
		ind, ent string
		p        *period
	}
	var srcs []source
	switch {
	case len(o.Wide) > 0:
		for c, ind := range o.Wide {
			if i, ok := col[strings.ToLower(c)]; ok {
				srcs = append(srcs, source{i: i, ind: ind})
			}
		}
	case o.WideEntities != nil:
		for c, ent := range o.WideEntities.Map {
			if i, ok := col[strings.ToLower(c)]; ok {
				srcs = append(srcs, source{i: i, ent: ent})
			}
		}
		if o.WideEntities.All {
			for i, h := range t.Header {
				if !used[i] && h != "" {
					srcs = append(srcs, source{i: i, ent: h})
				}
			}
		}
	case o.WidePeriods == "all":
		for i, h := range t.Header {
			if used[i] || h == "" {
				continue
			}
			p, err := periodText(h, df)
			if err != nil {
				continue // not a period: another column
			}
			if p, err = declarePeriod(p, o.Period); err != nil {
				return fmt.Errorf("%s:%d: column %q: %v", path, t.HeaderLine, h, err)
			}
			srcs = append(srcs, source{i: i, p: &p})
		}
	default:
		i, ok := where["value"]
		if !ok {
			return fmt.Errorf("%s:%d: no value column", path, t.HeaderLine)
		}
		srcs = append(srcs, source{i: i})
	}
	only := map[string]bool{}
	for _, e := range o.OnlyEntities {
		only[e] = true
	}
	exclude := map[string]bool{}
	for _, e := range o.Exclude {
		exclude[e] = true
	}
rows:
	for _, rec := range t.Rows {
		blank := true
		for _, c := range rec.Cells {
			if !c.empty() {
				blank = false
				break
			}
		}
		if blank {
			continue
		}
		for _, f := range filters {
			if !f.vals[rec.at(f.i).name()] {
				continue rows
			}
		}
		line := rec.Line
		get := func(fld string) string {
			if v, ok := o.Constants[fld]; ok {
				return v
			}
			if i, ok := where[fld]; ok {
				return rec.at(i).name()
			}
			return ""
		}
		var p period
		if o.WidePeriods != "all" {
			var c cell
			if v, ok := o.Constants["period"]; ok {
				c = cell{Text: v}
			} else if i, ok := where["period"]; ok {
				c = rec.at(i)
			}
			if p, err = cellPeriod(c, df); err == nil {
				p, err = declarePeriod(p, o.Period)
			}
			if err != nil {
				return fmt.Errorf("%s:%d: %v", path, line, err)
			}
		}
		rowScale := scale
		if scaleCol >= 0 {
			c := rec.at(scaleCol)
			if rowScale, err = parseScale(c.name()); err != nil {
				return fmt.Errorf("%s:%d: %v", path, line, err)
			}
		}
		st := get("status")
		if flagCol >= 0 {
			st = flagStatus(rec.at(flagCol).name(), o.FlagStatus)
		}
		if st == "" {
			st = "actual"
		}
		rel := get("released")
		for _, s := range srcs {
			ind, ent, pp := get("indicator"), get("entity"), p
			if s.ind != "" {
				ind = s.ind
			}
			if s.ent != "" {
				ent = s.ent
			}
			if s.p != nil {
				pp = *s.p
			}
			if (len(only) > 0 && !only[ent]) || exclude[ent] {
				continue
			}
			c := rec.at(s.i)
			if c.empty() {
				if o.SkipEmpty || len(srcs) > 1 || len(o.Wide) > 0 || o.WideEntities != nil || o.WidePeriods == "all" {
					continue
				}
				return fmt.Errorf("%s:%d: empty value", path, line)
			}
			v, err := cellValue(c, o.Decimal, o.Thousands, rowScale)
			if err != nil {
				return fmt.Errorf("%s:%d: %v", path, line, err)
			}
			if rel != "" {
				ds.HasReleased = true
			}
			ds.Rows = append(ds.Rows, &row{File: path, Line: line, Indicator: ind, Entity: ent, Counterpart: get("counterpart"),
				P: pp, Value: v, Unit: get("unit"), Released: rel, Status: st, declared: o.Period != ""})
		}
	}
	return nil
}

func keys(m map[string]string) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

// inferMonths: a series whose every date is one of the first days of
// its month, one date a month (gaps allowed, as the engine allows them), (an export dated on each month's first business
// day) stands for months (issue 11, item 2; README "Frequency").
func inferMonths(ds *dataset) {
	type key struct{ file, ind, ent, cp string }
	by := map[key][]*row{}
	for _, r := range ds.Rows {
		by[key{r.File, r.Indicator, r.Entity, r.Counterpart}] = append(by[key{r.File, r.Indicator, r.Entity, r.Counterpart}], r)
	}
	for _, rows := range by {
		if len(rows) < 2 {
			continue
		}
		ok := true
		for i, r := range rows {
			if r.declared || r.P.Kind != 'D' || r.P.Start.Day() > 4 {
				ok = false
				break
			}
			if i > 0 && rows[i-1].P.Start.Format("2006-01") == r.P.Start.Format("2006-01") {
				ok = false // two dates in one month
				break
			}
		}
		if !ok {
			continue
		}
		for _, r := range rows {
			r.P, _ = parsePeriod(r.P.Start.Format("2006-01"))
		}
	}
}
