package briefschema

import (
	"encoding/json"
	"reflect"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/briefhq/brief/docs"
	"github.com/briefhq/brief/internal/audit"
)

// TestSchemaDescribesTheGoTypes walks audit.Record, the type brief.json
// is written from, beside the schema: every struct's JSON fields are the
// properties of its schema object, no more and no fewer, and the fields
// without omitempty are the required ones. A field added to any type of
// the record (an omitempty one that no test writes too) fails here until
// the schema has it.
func TestSchemaDescribesTheGoTypes(t *testing.T) {
	var root map[string]any
	if err := json.Unmarshal(docs.BriefSchema, &root); err != nil {
		t.Fatal(err)
	}
	defs, _ := root["$defs"].(map[string]any)
	resolve := func(node map[string]any) map[string]any {
		for {
			r, ok := node["$ref"].(string)
			if !ok {
				return node
			}
			name, found := strings.CutPrefix(r, "#/$defs/")
			def, ok := defs[name].(map[string]any)
			if !found || !ok {
				t.Fatalf("$ref %s: no such definition", r)
			}
			node = def
		}
	}
	seen := map[reflect.Type]bool{}
	var walk func(path string, typ reflect.Type, node map[string]any)
	walk = func(path string, typ reflect.Type, node map[string]any) {
		node = resolve(node)
		for typ.Kind() == reflect.Pointer {
			typ = typ.Elem()
		}
		switch typ.Kind() {
		case reflect.Slice, reflect.Array:
			if node["type"] != "array" {
				t.Errorf("%s: a Go list, the schema says %v", path, node["type"])
				return
			}
			items, _ := node["items"].(map[string]any)
			walk(path+"[]", typ.Elem(), items)
		case reflect.Map:
			if node["type"] != "object" {
				t.Errorf("%s: a Go map, the schema says %v", path, node["type"])
				return
			}
			if v, ok := node["additionalProperties"].(map[string]any); ok {
				walk(path+"{}", typ.Elem(), v)
			} else {
				t.Errorf("%s: a Go map, the schema gives no additionalProperties schema", path)
			}
		case reflect.Struct:
			if seen[typ] {
				return
			}
			seen[typ] = true
			if node["type"] != "object" || node["additionalProperties"] != false {
				t.Errorf("%s (%s): want an object with additionalProperties false", path, typ)
				return
			}
			props, _ := node["properties"].(map[string]any)
			var fields, required []string
			for i := range typ.NumField() {
				f := typ.Field(i)
				tag := f.Tag.Get("json")
				if !f.IsExported() || tag == "-" {
					continue
				}
				name, opts, _ := strings.Cut(tag, ",")
				if name == "" {
					name = f.Name
				}
				fields = append(fields, name)
				if !strings.Contains(opts, "omitempty") {
					required = append(required, name)
				}
				p, ok := props[name].(map[string]any)
				if !ok {
					t.Errorf("%s.%s (%s.%s): not in the schema", path, name, typ, f.Name)
					continue
				}
				walk(path+"."+name, f.Type, p)
			}
			var names []string
			for k := range props {
				names = append(names, k)
			}
			sort.Strings(names)
			for _, k := range names {
				if !slices.Contains(fields, k) {
					t.Errorf("%s.%s: in the schema, not in %s", path, k, typ)
				}
			}
			var req []string
			for _, r := range node["required"].([]any) {
				req = append(req, r.(string))
			}
			sort.Strings(req)
			sort.Strings(required)
			if !slices.Equal(req, required) {
				t.Errorf("%s (%s): the schema requires %v, the Go type always writes %v", path, typ, req, required)
			}
		case reflect.String:
			if node["type"] != "string" {
				t.Errorf("%s: a Go string, the schema says %v", path, node["type"])
			}
		case reflect.Bool:
			if node["type"] != "boolean" {
				t.Errorf("%s: a Go bool, the schema says %v", path, node["type"])
			}
		case reflect.Int, reflect.Int64, reflect.Int32:
			if node["type"] != "integer" {
				t.Errorf("%s: a Go integer, the schema says %v", path, node["type"])
			}
		case reflect.Float64:
			if node["type"] != "number" {
				t.Errorf("%s: a Go float, the schema says %v", path, node["type"])
			}
		default:
			t.Errorf("%s: a Go %s, which this test does not compare", path, typ.Kind())
		}
	}
	walk("brief.json", reflect.TypeFor[audit.Record](), root)
	if len(seen) < 20 {
		t.Errorf("walked %d struct types", len(seen))
	}
}

// TestValidateRefuses: what the schema is for: a null list, a key the
// schema does not know (a field added without the schema), a one-letter
// key of version 1, a missing field.
func TestValidateRefuses(t *testing.T) {
	good := `{"version": 2, "kind": "weekly", "lang": "en", "period": "2025-W06", "start": "2025-02-03", "end": "2025-02-09", "as_of": "2025-02-09",
		"generated_at": "2025-11-26T10:00:00Z", "title": "T", "tool": {"name": "brief", "version": "dev"},
		"data": {"path": "data", "observations": 1, "indicators": 1, "entities": 1, "events": 0},
		"templates": {"dir": "weekly", "files": {}}, "outputs": [], "sections": [], "sources": [], "charts": [], "facts": [],
		"series": [{"indicator": "gdp", "entity": "KZ", "period": "2024", "value": 1}], "events": [],
		"changes": {"first": true, "new": [], "revised": [], "records": [], "stale": [], "events": []}, "polish": [], "warnings": []}`
	if err := Validate([]byte(good)); err != nil {
		t.Fatalf("a good record: %v", err)
	}
	for _, tt := range []struct{ name, from, to, want string }{
		{"a null list", `"polish": []`, `"polish": null`, "/polish"},
		{"a field the schema lacks", `"title": "T",`, `"title": "T", "audit": {},`, "additional properties 'audit' not allowed"},
		{"a one-letter key", `{"indicator": "gdp", "entity": "KZ", "period": "2024", "value": 1}`, `{"i": "gdp", "e": "KZ", "p": "2024", "v": 1}`, "/series/0"},
		{"a missing field", `"warnings": []`, `"warnings_": []`, "missing property 'warnings'"},
		{"a date that is no date", `"as_of": "2025-02-09"`, `"as_of": "2025-02-30"`, "/as_of"},
	} {
		bad := strings.Replace(good, tt.from, tt.to, 1)
		if bad == good {
			t.Fatalf("%s: %q not in the record", tt.name, tt.from)
		}
		err := Validate([]byte(bad))
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: %v, want an error with %q", tt.name, err, tt.want)
		}
	}
}
