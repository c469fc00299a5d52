package audit

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/briefhq/brief/internal/chart"
	"github.com/briefhq/brief/internal/facts"
	"github.com/briefhq/brief/internal/narrative"
)

// TestChartsRecordEverySeries: a chart of several lines is recorded with
// each line's name and points, so every drawn figure is traceable.
func TestChartsRecordEverySeries(t *testing.T) {
	c := chart.Chart{Kind: chart.Line, Title: "GDP", File: "chart-1.svg", Series: []chart.Series{
		{Name: "Kazakhstan", Points: []chart.Point{{Label: "2022", Value: 1}, {Label: "2023", Value: 2}}},
		{Name: "Uzbekistan", Points: []chart.Point{{Label: "2023", Value: 3}}},
	}}
	b, err := json.Marshal(Charts([]chart.Chart{c}))
	if err != nil {
		t.Fatal(err)
	}
	var got []struct {
		Series []struct {
			Name   string `json:"name"`
			Points []struct {
				Value float64 `json:"value"`
			} `json:"points"`
		} `json:"series"`
	}
	if err := json.Unmarshal(b, &got); err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || len(got[0].Series) != 2 || got[0].Series[1].Name != "Uzbekistan" || len(got[0].Series[0].Points) != 2 || got[0].Series[1].Points[0].Value != 3 {
		t.Errorf("recorded %s", b)
	}
	one, _ := json.Marshal(Charts([]chart.Chart{{Kind: chart.Bar, Points: []chart.Point{{Label: "a", Value: 1}}}}))
	if strings.Contains(string(one), `"series"`) {
		t.Errorf("a chart without series records an empty series list: %s", one)
	}
}

// TestNoNullLists: a record whose lists and maps are nil, at any depth
// (a section without figures, a figure without rows, a fact without
// sources), is written with [] and {}, never null.
func TestNoNullLists(t *testing.T) {
	r := &Record{
		Version: Version, Kind: "weekly", Period: "2025-W06",
		Sections: []narrative.RenderedSection{{ID: "summary", Figures: []narrative.Figure{{Text: "1"}}}, {ID: "trade"}},
		Facts:    []facts.Fact{{ID: "f1"}},
		Charts:   []Chart{{File: "c.svg"}},
	}
	b, err := r.Marshal()
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(b), "null") {
		t.Errorf("null in the record:\n%s", b)
	}
	for _, want := range []string{`"figures": []`, `"rows": []`, `"footnotes": []`, `"polish": []`, `"files": {}`, `"outputs": []`} {
		if !strings.Contains(string(b), want) {
			t.Errorf("no %s in the record:\n%s", want, b)
		}
	}
}

// TestValidateHook: a record the hook refuses is an error naming the
// schema, not a file.
func TestValidateHook(t *testing.T) {
	defer func(v func([]byte) error) { Validate = v }(Validate)
	Validate = func([]byte) error { return errors.New("/title: want string") }
	_, err := (&Record{Kind: "weekly"}).Marshal()
	if err == nil || !strings.Contains(err.Error(), "the weekly record does not match docs/brief.schema.json: /title: want string") {
		t.Errorf("Marshal with a refusing hook: %v", err)
	}
}

// TestPreviousReadsVersion1: a brief.json of version 1, whose series had
// one-letter keys, still feeds What changed: the same series as the
// version 2 spelling.
func TestPreviousReadsVersion1(t *testing.T) {
	v1 := `{"version": 1, "kind": "weekly", "period": "2025-W05", "events": ["e1"],
		"sources": [{"n": 1, "text": "S", "source": "S", "rows": []}],
		"series": [{"i": "gdp", "e": "KZ", "c": "RU", "p": "2024", "v": 27.8e9, "u": "USD", "s": "plan", "record": "high", "x": [{"p": "2023", "v": 25e9}]}]}`
	v2 := `{"version": 2, "kind": "weekly", "period": "2025-W05", "events": ["e1"],
		"series": [{"indicator": "gdp", "entity": "KZ", "counterpart": "RU", "period": "2024", "value": 27.8e9, "unit": "USD", "status": "plan", "record": "high", "earlier": [{"period": "2023", "value": 25e9}]}]}`
	a, err := Previous([]byte(v1))
	if err != nil {
		t.Fatal(err)
	}
	b, err := Previous([]byte(v2))
	if err != nil {
		t.Fatal(err)
	}
	ja, _ := json.Marshal(a)
	jb, _ := json.Marshal(b)
	if string(ja) != string(jb) || len(a.Series) != 1 || a.Series[0].Earlier[0].Value != 25e9 || a.Series[0].Status != "plan" {
		t.Errorf("version 1 read as %s\nversion 2 as %s", ja, jb)
	}
	if _, err := Previous([]byte(`{"version": 3, "kind": "weekly", "period": "2025-W05"}`)); err == nil || !strings.Contains(err.Error(), "version 3, want 2 or 1") {
		t.Errorf("version 3: %v", err)
	}
}
