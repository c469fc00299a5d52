package format

import "testing"

func TestUnitLabel(t *testing.T) {
	tests := map[string]string{
		"t_carbon_per_person": "t of carbon per person",
		"kt_carbon":           "kt of carbon",
		"usd_per_barrel":      "USD per barrel",
		"people_million":      "million people",
		"USD per barrel":      "USD per barrel",
		"t CO2":               "t CO2",
		"pct":                 "%",
		"projects":            "projects",
		" GWh ":               "GWh",
		"__":                  "",
	}
	for in, want := range tests {
		if got := UnitLabel(in); got != want {
			t.Errorf("UnitLabel(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestValueLabel(t *testing.T) {
	tests := []struct {
		v           float64
		unit, label string
		decimals    int
		want        string
	}{
		{56644, "kt_carbon", "", 0, "56,644 kt of carbon"},
		{3, "t_carbon_per_person", "", -1, "3 t of carbon per person"},
		{78.5, "USD per barrel", "", -1, "$78.50 per barrel"},
		{4.25, "%", "% a year", 2, "4.25% a year"},
		{27.8e9, "USD", "", 1, "$27.8 billion"},
		{27.8e9, "USD", "USD", 1, "$27.8 billion"},
		{1500, "kt_carbon", "kt of carbon", 0, "1,500 kt of carbon"},
		{1, "projects", "", 0, "1 project"},
		{12, "people_million", "", -1, "12 million people"},
	}
	for _, tc := range tests {
		if got := ValueLabel(tc.v, tc.unit, tc.label, tc.decimals); got != tc.want {
			t.Errorf("ValueLabel(%v, %q, %q, %d) = %q, want %q", tc.v, tc.unit, tc.label, tc.decimals, got, tc.want)
		}
	}
}
