package oracle

import (
	"encoding/csv"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// The oracle's own reading of dataset.yaml (docs/mapping.md) and of the
// catalogs, for the real files of ../shared/data.

type mappingFile struct {
	Indicators   string `yaml:"indicators"`
	Entities     string `yaml:"entities"`
	Observations []struct {
		File         string            `yaml:"file"`
		Delimiter    string            `yaml:"delimiter"`
		Columns      map[string]string `yaml:"columns"`
		Constants    map[string]string `yaml:"constants"`
		EntityName   string            `yaml:"entity_name"`
		SkipEmpty    bool              `yaml:"skip_empty"`
		OnlyEntities []string          `yaml:"only_entities"`
		Wide         map[string]string `yaml:"wide"`
		WideEntities map[string]string `yaml:"wide_entities"`
		Period       string            `yaml:"period"`
		Exclude      []string          `yaml:"exclude_entities"`
	} `yaml:"observations"`
}

type catalogFile struct {
	Indicators []struct {
		ID         string `yaml:"id"`
		Name       string `yaml:"name"`
		Topic      string `yaml:"topic"`
		Unit       string `yaml:"unit"`
		Additive   *bool  `yaml:"additive"`
		Comparable *bool  `yaml:"comparable"`
		Summary    string `yaml:"summary"`
	} `yaml:"indicators"`
	Entities []struct {
		ID     string   `yaml:"id"`
		Groups []string `yaml:"groups"`
	} `yaml:"entities"`
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

// loadMapped reads a dataset folder with a dataset.yaml.
func loadMapped(dir string) (*dataset, error) {
	var m mappingFile
	if ok, err := readYAML(filepath.Join(dir, "dataset.yaml"), &m); err != nil {
		return nil, fmt.Errorf("dataset.yaml: %v", err)
	} else if !ok || len(m.Observations) == 0 { // a tidy folder
		m.Observations = append(m.Observations, struct {
			File         string            `yaml:"file"`
			Delimiter    string            `yaml:"delimiter"`
			Columns      map[string]string `yaml:"columns"`
			Constants    map[string]string `yaml:"constants"`
			EntityName   string            `yaml:"entity_name"`
			SkipEmpty    bool              `yaml:"skip_empty"`
			OnlyEntities []string          `yaml:"only_entities"`
			Wide         map[string]string `yaml:"wide"`
			WideEntities map[string]string `yaml:"wide_entities"`
			Period       string            `yaml:"period"`
			Exclude      []string          `yaml:"exclude_entities"`
		}{File: "observations.csv"})
	}
	ds := &dataset{}
	indPath, entPath := "indicators.yaml", "entities.yaml"
	if m.Indicators != "" {
		indPath = m.Indicators
	}
	if m.Entities != "" {
		entPath = m.Entities
	}
	var ic catalogFile
	if ok, err := readYAML(filepath.Join(dir, indPath), &ic); err != nil {
		return nil, err
	} else if ok {
		ds.Indicators = map[string]*indicatorDef{}
		for _, i := range ic.Indicators {
			ds.Indicators[i.ID] = &indicatorDef{ID: i.ID, Name: i.Name, Topic: i.Topic, Unit: i.Unit, Additive: i.Additive, Comparable: i.Comparable, Summary: i.Summary}
		}
	}
	var ec catalogFile
	if ok, err := readYAML(filepath.Join(dir, entPath), &ec); err != nil {
		return nil, err
	} else if ok {
		ds.Entities = []entityDef{}
		for _, e := range ec.Entities {
			ds.Entities = append(ds.Entities, entityDef{ID: e.ID, Groups: e.Groups})
		}
	}
	for _, o := range m.Observations {
		path := filepath.Join(dir, o.File)
		f, err := os.Open(path)
		if err != nil {
			return nil, err
		}
		cr := csv.NewReader(f)
		cr.FieldsPerRecord = -1
		if o.Delimiter != "" {
			cr.Comma = []rune(o.Delimiter)[0]
		}
		header, err := cr.Read()
		if err != nil {
			f.Close()
			return nil, err
		}
		col := map[string]int{}
		for i, h := range header {
			col[strings.ToLower(strings.TrimSpace(strings.TrimPrefix(h, "\ufeff")))] = i
		}
		where := map[string]int{} // our field -> column index
		for _, fld := range fields {
			if c, ok := o.Columns[fld]; ok {
				where[fld] = col[strings.ToLower(c)]
			} else if _, isConst := o.Constants[fld]; !isConst {
				if i, ok := col[fld]; ok {
					where[fld] = i
				}
			}
		}
		only := map[string]bool{}
		for _, e := range o.OnlyEntities {
			only[e] = true
		}
		exclude := map[string]bool{}
		for _, e := range o.Exclude {
			exclude[e] = true
		}
		for {
			rec, err := cr.Read()
			if err == io.EOF {
				break
			}
			if err != nil {
				f.Close()
				return nil, err
			}
			line, _ := cr.FieldPos(0)
			get := func(fld string) string {
				if v, ok := o.Constants[fld]; ok {
					return v
				}
				if i, ok := where[fld]; ok && i < len(rec) {
					return strings.TrimSpace(rec[i])
				}
				return ""
			}
			ps := get("period")
			if o.Period == "month" && len(ps) == 10 {
				ps = ps[:7]
			}
			p, err := parsePeriod(ps)
			if err != nil {
				return nil, fmt.Errorf("%s:%d: %v", path, line, err)
			}
			type iv struct{ ind, ent, val string }
			var vals []iv
			switch {
			case len(o.Wide) > 0:
				for c, ind := range o.Wide {
					if i, ok := col[strings.ToLower(c)]; ok && i < len(rec) {
						vals = append(vals, iv{ind, get("entity"), strings.TrimSpace(rec[i])})
					}
				}
			case len(o.WideEntities) > 0:
				for c, ent := range o.WideEntities {
					if i, ok := col[strings.ToLower(c)]; ok && i < len(rec) {
						vals = append(vals, iv{get("indicator"), ent, strings.TrimSpace(rec[i])})
					}
				}
			default:
				vals = append(vals, iv{get("indicator"), get("entity"), get("value")})
			}
			for _, x := range vals {
				ent := x.ent
				if (len(only) > 0 && !only[ent]) || exclude[ent] {
					continue
				}
				if x.val == "" {
					if o.SkipEmpty || len(o.Wide) > 0 || len(o.WideEntities) > 0 {
						continue
					}
					return nil, fmt.Errorf("%s:%d: empty value", path, line)
				}
				v, err := strconv.ParseFloat(x.val, 64)
				if err != nil {
					return nil, fmt.Errorf("%s:%d: %v", path, line, err)
				}
				st := get("status")
				if st == "" {
					st = "actual"
				}
				rel := get("released")
				if rel != "" {
					ds.HasReleased = true
				}
				ds.Rows = append(ds.Rows, &row{File: path, Line: line, Indicator: x.ind, Entity: ent, Counterpart: get("counterpart"),
					P: p, Value: v, Unit: get("unit"), Released: rel, Status: st})
			}
		}
		f.Close()
	}
	inferMonths(ds)
	return ds, nil
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
			if r.P.Kind != 'D' || r.P.Start.Day() > 4 {
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
