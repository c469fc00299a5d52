package png

import (
	"fmt"
	"math"
	"time"

	"github.com/briefhq/brief/internal/chart"
)

// testCharts are charts of each kind and shape the brief draws: bars
// (positive, negative, non-Latin names), a line of one series, a timed
// line of several series, and a chart with no data.
func testCharts() map[string]chart.Chart {
	var series []chart.Series
	names := []string{"Kazakhstan", "Uzbekistan", "Kyrgyz Republic"}
	end := time.Date(2025, 1, 15, 0, 0, 0, 0, time.UTC)
	for k, n := range names {
		s := chart.Series{Name: n}
		for i := 23; i >= 0; i-- {
			d := time.Date(end.Year(), end.Month()-time.Month(i), 15, 0, 0, 0, 0, time.UTC)
			v := float64(10*(3-k)) + 3*math.Sin(float64(i+k))
			s.Points = append(s.Points, chart.Point{Label: d.Format("2006-01"), Value: v, Text: fmt.Sprintf("%.1f", v), At: float64(d.Unix()) / 86400})
		}
		series = append(series, s)
	}
	return map[string]chart.Chart{
		"bar": {
			Kind: chart.Bar, Title: "Trade turnover with Russia, 2024", Unit: "USD billion", Scale: 1e9,
			Source: "Source: National statistics offices <stat.gov.kz> & customs",
			Points: []chart.Point{
				{Label: "Kazakhstan", Value: 27.8e9, Text: "$27.8 billion"},
				{Label: "Uzbekistan", Value: 11.2e9, Text: "$11.2 billion"},
				{Label: "Kyrgyzstan", Value: 3.1e9, Text: "$3.1 billion"},
				{Label: "Tajikistan", Value: 1.6e9, Text: "$1.6 billion"},
			},
		},
		"negative-bar": {
			Kind: chart.Bar, Title: "Change in exports, 2024", Unit: "%",
			Points: []chart.Point{{Label: "Қазақстан", Value: 4.5, Text: "+4.5%"}, {Label: "Кыргызстан", Value: -12.25, Text: "−12.3%"}},
		},
		"line": {
			Kind: chart.Line, Title: "Industrial output growth, Kazakhstan", Unit: "%",
			Source: "Source: Bureau of National Statistics",
			Points: []chart.Point{
				{Label: "2024-01", Value: 3.1}, {Label: "2024-02", Value: 2.4}, {Label: "2024-03", Value: -0.8},
				{Label: "2024-04", Value: 1.9}, {Label: "2024-05", Value: 4.2}, {Label: "2024-06", Value: 5.0, Text: "+5.0%"},
			},
		},
		"timed-lines": {
			Kind: chart.Line, Title: "Industrial production index, three economies", Unit: "index, 2015 = 100",
			Source: "Source: national statistics offices", Timed: true, Frequency: chart.Monthly, Series: series,
		},
		"no-data": {Kind: chart.Bar, Title: "Nothing to show yet"},
	}
}
