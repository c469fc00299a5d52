package audit

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/briefhq/brief/internal/chart"
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
