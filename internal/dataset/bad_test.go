package dataset

import (
	"errors"
	"os"
	"strings"
	"testing"
	"time"
)

// TestBadInputs pins the full text of every finding for each broken input
// in testdata/bad: the messages are the user interface of `brief validate`.
func TestBadInputs(t *testing.T) {
	t.Chdir("../..")
	tests := []struct {
		dir  string
		want []string
	}{
		{"binary-file", []string{
			`testdata/bad/binary-file/observations.csv:1:1: text is not valid UTF-8: re-save the file as UTF-8`,
		}},
		{"bom-crlf-error", []string{
			`testdata/bad/bom-crlf-error/observations.csv:3:3: period "2024-13": month must be 01 to 12 (use 2024, 2024-Q3, 2024-11, 2025-W05 or 2025-01-15)`,
		}},
		{"deep-yaml", []string{
			`testdata/bad/deep-yaml/indicators.yaml:3:36: nested more than 32 levels deep`,
		}},
		{"empty-file", []string{
			`testdata/bad/empty-file/observations.csv:1: file is empty: the first line must name the columns`,
		}},
		{"future-period", []string{
			`testdata/bad/future-period/observations.csv:2:3: period 2030 has not begun yet, so the figure cannot be actual: correct the period, or set status to estimate, plan or target`,
		}},
		{"header-only", []string{
			`testdata/bad/header-only/observations.csv:1: no observations: the file has a header but no rows; add figures below it`,
		}},
		{"long-line", []string{
			`testdata/bad/long-line/observations.csv:2: line is longer than 1024 KB: is this a CSV export? Check the quotes of the line before`,
		}},
		{"mapping-no-unit", []string{
			`testdata/bad/mapping-no-unit/dataset.yaml:2:5: data.csv gives no unit for visitors: the file has no unit column, dataset.yaml gives no constant unit and indicators.yaml gives visitors none (line 4): add one to this entry as constants: {unit: USD} (or %, tonnes, cases ...), or give visitors a unit in indicators.yaml`,
		}},
		{"mapping-no-unit-nocatalog", []string{
			`testdata/bad/mapping-no-unit-nocatalog/dataset.yaml:7:7: data.csv gives no unit: the file has no unit column and dataset.yaml gives no constant unit: add one to this entry's constants (constants: {unit: USD}; or %, tonnes, cases ...), or map a column of units (columns: {unit: ...})`,
		}},
		{"missing-group", []string{
			`testdata/bad/missing-group/entities.yaml:4:55: empty group name: give the group an id, or leave it out`,
		}},
		{"negative-count", []string{
			`testdata/bad/negative-count/observations.csv:2:4: value -3 is negative, but "count" counts things: check the sign (a net flow or a balance, such as net migration, may be negative: say so in its name or give it negative: in the catalog)`,
		}},
		{"yaml-bomb", []string{
			`testdata/bad/yaml-bomb/indicators.yaml:2:8: YAML aliases (*a) are not supported: write the value out`,
		}},
		{"bad-event", []string{
			`testdata/bad/bad-event/events.csv:3:1: date "2024-02-30": not a calendar date (use 2024, 2024-Q3, 2024-11, 2025-W05 or 2025-01-15)`,
			`testdata/bad/bad-event/events.csv:4:2: unknown topic "econmy": not in indicators.yaml; did you mean "economy"?`,
			`testdata/bad/bad-event/events.csv:4:3: unknown entity "KG": not in entities.yaml; did you mean "KZ"?`,
			`testdata/bad/bad-event/events.csv:4:4: missing title: say in a few words what happened`,
		}},
		{"bad-json", []string{
			`testdata/bad/bad-json/observations.json:4:3: not valid JSON: invalid character '{' after array element (is a comma missing before it?)`,
		}},
		{"bad-mapping", []string{
			`testdata/bad/bad-mapping/dataset.yaml:13:15: status "final": use actual, estimate, plan or target`,
			`testdata/bad/bad-mapping/dataset.yaml:14:11: cannot read testdata/bad/bad-mapping/missing.csv: no such file or folder`,
			`testdata/bad/bad-mapping/dataset.yaml:19:17: skip_empty must be true or false`,
			`testdata/bad/bad-mapping/dataset.yaml:20:5: unknown key "colums"; did you mean "columns"? (known keys: file, delimiter, columns, constants, wide, entity_name, ignore, skip_empty, only_entities, exclude_entities, wide_entities, period, sheet, header_row, skip_rows, wide_periods, filter, scale, scale_column, flag_column, flag_status, decimal, thousands, date_format)`,
		}},
		{"agency-no-header-row", []string{
			`testdata/bad/agency-no-header-row/API_NY.GDP.MKTP.CD_DS2_en_csv_v2.csv:1: the columns dataset.yaml names ("Country Code", "Indicator Code", "Country Name") are on line 5, not on line 1: set header_row: 5 (or skip_rows: 4) in dataset.yaml`,
		}},
		{"agency-filter-column", []string{
			`testdata/bad/agency-filter-column/estat_nama_10_gdp.csv:1: no column "FRQ" (dataset.yaml keeps the rows where it is "A": filter); did you mean "freq"?`,
			`testdata/bad/agency-filter-column/estat_nama_10_gdp.csv:1:3: warning: unknown column "freq" is ignored: map it in dataset.yaml, or list it under ignore`,
		}},
		{"entity-list-typo", []string{
			`testdata/bad/entity-list-typo/dataset.yaml:6:24: exclude_entities: "XWLD" matches no entity of data.csv, so it leaves nothing out: correct the id (did you mean "XWL"?) or remove it`,
			`testdata/bad/entity-list-typo/dataset.yaml:11:26: only_entities: "XSYL" matches no entity of data.csv, so the brief has no figure for it: correct the id (did you mean "XSY"?) or remove it`,
			`testdata/bad/entity-list-typo/dataset.yaml:11:32: only_entities: "XQQ" matches no entity of data.csv, so the brief has no figure for it: correct the id or remove it`,
		}},
		{"excel-cell", []string{
			`testdata/bad/excel-cell/observations.xlsx:Observations!D3: value "n/a": not a number: leave the row out if there is no figure`,
		}},
		{"european-number", []string{
			`testdata/bad/european-number/prices.csv:3:2: value "4023.00": dataset.yaml reads numbers with decimal "," and thousands "." between groups of three digits: write it as 4.023,00, or correct decimal and thousands`,
		}},
		{"bad-released", []string{
			`testdata/bad/bad-released/observations.csv:3:8: released "01/02/2024" is not a date: write it as YYYY-MM-DD`,
		}},
		{"bad-status", []string{
			`testdata/bad/bad-status/observations.csv:3:8: status "planned": use actual, estimate, plan or target`,
		}},
		{"conflicting-duplicate", []string{
			`testdata/bad/conflicting-duplicate/observations.csv:4: conflicting duplicate of line 2: gdp for KZ in 2024 is $100 there and $101 here; keep one`,
		}},
		{"decimal-comma", []string{
			`testdata/bad/decimal-comma/observations.csv:3:4: value "27,8": use a dot as decimal separator`,
		}},
		{"duplicate-catalog-id", []string{
			`testdata/bad/duplicate-catalog-id/indicators.yaml:8:5: duplicate indicator id "gdp" (first defined on line 2)`,
		}},
		{"empty-value", []string{
			`testdata/bad/empty-value/observations.csv:3:4: value is empty: write the figure, or leave the row out if there is none`,
		}},
		{"exact-duplicate", []string{
			`testdata/bad/exact-duplicate/observations.csv:4: warning: duplicate of line 2: gdp for KZ in 2024 is given twice; remove one`,
		}},
		{"field-count", []string{
			`testdata/bad/field-count/observations.csv:3: row has 8 fields, header has 7: quote fields that contain the separator`,
		}},
		{"inf", []string{
			`testdata/bad/inf/observations.csv:3:4: value "-Inf": infinite values are not allowed: write a finite number`,
		}},
		{"json-values", []string{
			`testdata/bad/json-values/observations.json:3:67: value "27,8": use a dot as decimal separator`,
			`testdata/bad/json-values/observations.json:4:3: missing source: say where the figure comes from`,
			`testdata/bad/json-values/observations.json:4:67: value is empty: write the figure, or leave the row out if there is none`,
		}},
		{"malformed-period", []string{
			`testdata/bad/malformed-period/observations.csv:3:3: period "2024-13": month must be 01 to 12 (use 2024, 2024-Q3, 2024-11, 2025-W05 or 2025-01-15)`,
		}},
		{"missing-column", []string{
			`testdata/bad/missing-column/observations.csv:1: missing required column "source"`,
		}},
		{"missing-source", []string{
			`testdata/bad/missing-source/observations.csv:3:6: missing source: say where the figure comes from`,
		}},
		{"nan", []string{
			`testdata/bad/nan/observations.csv:3:4: value "NaN": NaN is not a figure: leave the row out if there is none`,
		}},
		{"not-utf8", []string{
			`testdata/bad/not-utf8/observations.csv:3:6: text is not valid UTF-8: re-save the file as UTF-8`,
		}},
		{"thousands-separator", []string{
			`testdata/bad/thousands-separator/observations.csv:3:4: value "1,000": remove the thousands separators: write 1000`,
		}},
		{"topic-not-listed", []string{
			`testdata/bad/topic-not-listed/indicators.yaml:6:12: topic "econmy" is not in the topics list; did you mean "economy"?`,
			`testdata/bad/topic-not-listed/indicators.yaml:8:16: higher_is "up": use good, bad or neutral`,
			`testdata/bad/topic-not-listed/indicators.yaml:9:15: additive "sometimes": use true (values add up to a total, like exports) or false (like an average wage)`,
		}},
		{"unknown-catalog-key", []string{
			`testdata/bad/unknown-catalog-key/indicators.yaml:5:5: unknown key "unti"; did you mean "unit"? (known keys: id, name, topic, unit, decimals, higher_is, additive, comparable, prices, unit_label, summary, period, description, phrase, noun, verb, negative, positive, family)`,
		}},
		{"unknown-entity", []string{
			`testdata/bad/unknown-entity/observations.csv:3:2: unknown entity "KX": not in entities.yaml; did you mean "KZ"?`,
		}},
		{"unknown-indicator", []string{
			`testdata/bad/unknown-indicator/observations.csv:3:1: unknown indicator "gpd": not in indicators.yaml; did you mean "gdp"?`,
		}},
		{"wide-mapping", []string{
			`testdata/bad/wide-mapping/wide.csv:1: no column "Yr" (dataset.yaml reads period from it)`,
			`testdata/bad/wide-mapping/wide.csv:1:2: warning: unknown column "Year" is ignored: map it in dataset.yaml, or list it under ignore`,
		}},
		{"yaml-alias", []string{
			`testdata/bad/yaml-alias/indicators.yaml:3:13: YAML aliases (*b) are not supported: write the value out`,
		}},
	}
	covered := map[string]bool{}
	for _, tt := range tests {
		covered[tt.dir] = true
		t.Run(tt.dir, func(t *testing.T) {
			_, diags, err := Load("testdata/bad/"+tt.dir, Options{Now: time.Date(2026, 11, 26, 0, 0, 0, 0, time.UTC)})
			var got []string
			for _, d := range diags {
				got = append(got, d.String())
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("findings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
			var lerr *Error
			if diags.HasErrors() != errors.As(err, &lerr) {
				t.Errorf("HasErrors = %v but err = %v", diags.HasErrors(), err)
			}
			if lerr != nil && len(lerr.Diagnostics) != len(diags) {
				t.Errorf("Error carries %d findings, want %d", len(lerr.Diagnostics), len(diags))
			}
		})
	}
	entries, err := os.ReadDir("testdata/bad")
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if !covered[e.Name()] {
			t.Errorf("testdata/bad/%s has no case in TestBadInputs", e.Name())
		}
	}
}
