package dataset

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestDefaultAdditive(t *testing.T) {
	tests := []struct {
		name, unit string
		want       bool
	}{
		{"Trade turnover", "USD", true},
		{"Value of the portfolio", "EUR", true},
		{"GDP", "current US$", true},
		{"Exports", "million USD", true},
		{"Population", "people", true},
		{"Population", "people_million", true},
		{"Joint projects", "projects", true},
		{"Plants", "plants", true},
		{"Visitors", "visitors", true},
		{"CO2 emissions", "kt_carbon", true},
		{"CO2 emissions", "tonnes", true},
		{"Capacity", "MW", true},
		{"Output", "GWh", true},
		{"Cases", "", true},
		{"Cases", "count", true},
		{"CO2 emissions per person", "t_carbon_per_person", false},
		{"Oil", "USD per barrel", false},
		{"Oil", "USD/bbl", false},
		{"Births", "per 1,000 people", false},
		{"Inflation", "%", false},
		{"Unemployment", "percent", false},
		{"Gold price", "USD", false},
		{"Brent", "USD per troy ounce", false},
		{"Consumer prices", "index", false},
		{"Exchange rate", "KZT", false},
		{"Exchange rate", "national currency per USD", false},
		{"Policy rate", "% a year", false},
		{"Average wage", "USD", false},
		{"GDP per capita", "USD", false},
		{"Euribor", "pct", false},
		{"GDP", "LCU", false},
		{"Height", "m", false},
		{"Widgets", "wdg", false}, // not recognised: conservative
		{"Exports at current prices", "USD", true},
		{"Foreign exchange reserves", "USD", true},
	}
	for _, tc := range tests {
		t.Run(tc.name+"/"+tc.unit, func(t *testing.T) {
			got, why := DefaultAdditive(tc.name, tc.unit)
			if got != tc.want || why == "" {
				t.Errorf("DefaultAdditive(%q, %q) = %v (%s), want %v", tc.name, tc.unit, got, why, tc.want)
			}
		})
	}
}

func TestDefaultComparable(t *testing.T) {
	tests := []struct {
		name, unit string
		want       bool
	}{
		{"GDP", "USD", true},
		{"Brent", "USD per barrel", true},
		{"Inflation", "%", true},
		{"Exchange rate", "national currency per USD", false},
		{"Exchange rate", "per USD", false},
		{"fx", "LCU per US$", false},
		{"GDP", "local currency", false},
		{"Consumer prices", "index, 2015=100", false},
		{"Production", "index (base year of each country)", false},
		{"Human development", "index", true},
		{"Consumer price index", "index", false},
		{"Industrial production", "index", false},
		{"Level of the Irtysh at Semey", "cm", false},
		{"Water level", "m", false},
		{"Snow depth", "cm", true},
		{"Rainfall", "mm", true},
	}
	for _, tc := range tests {
		got, why := DefaultComparable(tc.name, tc.unit)
		if got != tc.want || (!got && why == "") {
			t.Errorf("DefaultComparable(%q, %q) = %v (%s), want %v", tc.name, tc.unit, got, why, tc.want)
		}
	}
}

// TestCatalogSemantics reads the semantic keys of indicators.yaml and
// what an indicator that leaves them out falls back on.
func TestCatalogSemantics(t *testing.T) {
	ds, diags, err := Load("../../testdata/semantics/defaults", Options{})
	if err != nil || diags.HasErrors() {
		t.Fatalf("%v %v", err, diagStrings(diags))
	}
	byID := map[string]*Indicator{}
	for i := range ds.Indicators {
		byID[ds.Indicators[i].ID] = &ds.Indicators[i]
	}
	tests := []struct {
		id                   string
		additive, comparable bool
		label                string
		summary              Summary
	}{
		{"co2_per_person", false, true, "t of carbon per person", SummaryLevel},
		{"co2", true, true, "kt of carbon", SummaryLevel},
		{"fx", false, false, "national currency per USD", SummaryLevel},
		{"cases", true, true, "cases", SummaryLevel},
		{"inflation", false, true, "%", SummaryLevel},
		{"gdp_per_capita", false, true, "USD per person", SummaryLevel},
		{"oil_price", false, true, "USD", SummaryLevel},
		{"rain", false, true, "millimetres of rain", SummaryFlow},
	}
	for _, tc := range tests {
		in := byID[tc.id]
		if in == nil {
			t.Fatalf("no indicator %s", tc.id)
		}
		if got := in.IsAdditive(""); got != tc.additive {
			t.Errorf("%s: additive %v, want %v", tc.id, got, tc.additive)
		}
		if got := in.IsComparable(""); got != tc.comparable {
			t.Errorf("%s: comparable %v, want %v", tc.id, got, tc.comparable)
		}
		if got := in.Label(""); got != tc.label {
			t.Errorf("%s: label %q, want %q", tc.id, got, tc.label)
		}
		if got := in.WeeklySummary(); got != tc.summary {
			t.Errorf("%s: summary %q, want %q", tc.id, got, tc.summary)
		}
	}
	if got := ds.UnitLabel("rain", "cm"); got != "cm" {
		t.Errorf("a row's unit other than the catalog's keeps its own label: %q", got)
	}
	if got := ds.UnitLabel("nope", "kt_carbon"); got != "kt of carbon" {
		t.Errorf("unknown indicator: label %q", got)
	}
	// Declared values win over the defaults, either way.
	yes, no := true, false
	in := Indicator{Unit: "index", Additive: &yes, Comparable: &yes}
	if !in.IsAdditive("") || !in.IsComparable("") {
		t.Errorf("declared additive and comparable ignored")
	}
	in = Indicator{Unit: "USD", Additive: &no, Comparable: &no}
	if in.IsAdditive("USD") || in.IsComparable("USD") {
		t.Errorf("declared not additive, not comparable ignored")
	}
	var none *Indicator
	if !none.IsAdditive("USD") || none.IsAdditive("%") || none.WeeklySummary() != SummaryLevel || none.Label("kt_carbon") != "kt of carbon" {
		t.Errorf("an indicator without catalog entry goes by its unit")
	}
}

// TestDefaultNominal: money is read as at current prices only when the
// words say so ("current US$", "at current prices", "nominal"); a
// percentage, a constant-price series, a current account and plain money
// are not.
func TestDefaultNominal(t *testing.T) {
	tests := []struct {
		words, unit string
		want        bool
	}{
		{"gdp Gross domestic product GDP in current dollars", "USD", true},
		{"GDP", "current US$", true},
		{"Exports at current prices", "million USD", true},
		{"GDP (current LCU)", "LCU", true},
		{"Nominal wage", "KZT", true},
		{"gdp Gross domestic product", "USD", false},               // says nothing of prices
		{"GDP at constant 2015 prices", "USD", false},              // real
		{"GDP, current and constant prices", "USD", false},         // ambiguous: no
		{"Current account balance", "USD", false},                  // not current prices
		{"GDP growth at current prices", "%", false},               // not money
		{"Population, current estimate", "people", false},          // not money
		{"Trade turnover in current dollars", "US$ billion", true}, // a currency word
	}
	for _, tc := range tests {
		got, why := DefaultNominal(tc.words, tc.unit)
		if got != tc.want || why == "" {
			t.Errorf("DefaultNominal(%q, %q) = %v (%s), want %v", tc.words, tc.unit, got, why, tc.want)
		}
	}
}

// TestPricesKey: prices: current makes a money indicator nominal whatever
// its words; prices: constant makes it real even when the words say
// current; a percentage is never nominal money.
func TestPricesKey(t *testing.T) {
	dir := t.TempDir()
	cat := `indicators:
  - id: gdp
    name: Gross domestic product
    unit: USD
    prices: current
  - id: gdp_real
    name: GDP in current-year terms
    description: at current prices, rebased
    unit: USD
    prices: Constant
  - id: exports
    name: Exports
    description: Exports of goods at current prices.
    unit: million USD
  - id: growth
    name: Growth
    unit: "%"
    prices: current
`
	must(t, os.WriteFile(filepath.Join(dir, "indicators.yaml"), []byte(cat), 0o644))
	must(t, os.WriteFile(filepath.Join(dir, "observations.csv"), []byte("indicator,entity,period,value,unit,source,source_url\ngdp,A,2024,1,USD,S,https://e.org\n"), 0o644))
	ds, diags, err := Load(dir, Options{})
	if err != nil || diags.HasErrors() {
		t.Fatalf("%v %v", err, diagStrings(diags))
	}
	want := map[string]bool{"gdp": true, "gdp_real": false, "exports": true, "growth": false}
	for i := range ds.Indicators {
		in := &ds.Indicators[i]
		if got := in.IsNominal(""); got != want[in.ID] {
			t.Errorf("%s: nominal %v, want %v", in.ID, got, want[in.ID])
		}
	}
	var none *Indicator
	if none.IsNominal("current US$") {
		t.Errorf("no catalog entry: nominal said without a catalog")
	}
}

// TestNotes: brief validate notes the defaults a reader might misjudge,
// once per indicator, only for indicators with figures for two entities
// of one group, never for a declared key or an obvious percent.
func TestNotes(t *testing.T) {
	ds, diags, err := Load("../../testdata/semantics/defaults", Options{})
	if err != nil || diags.HasErrors() {
		t.Fatalf("%v %v", err, diagStrings(diags))
	}
	var got []string
	for _, d := range Notes(ds) {
		got = append(got, d.String())
	}
	file := filepath.Join("../../testdata/semantics/defaults", "indicators.yaml")
	want := []string{
		file + ":5:5: note: co2_per_person: unit \"t_carbon_per_person\" is read as not additive (a rate per something): no share of a total is given; declare additive: false to silence this, or true if it adds up",
		file + ":11:5: note: fx: unit \"national currency per USD\" is read as not comparable (amounts in each entity's own currency): no ranking or share is made; declare comparable: false to silence this, or true if values of different entities can be ranked",
		file + ":14:5: note: cases: the name or unit suggests a running total: declare summary: cumulative (a week reads as its increase), or summary: level to silence this",
		file + ":24:5: note: oil_price: unit \"USD\" is read as not additive (the name says \"price\"): no share of a total is given; declare additive: false to silence this, or true if it adds up",
		file + ":30:5: note: widgets: unit \"wdg\" is read as not additive (the unit \"wdg\" is not one the tool knows to add up): no share of a total is given; declare additive: false to silence this, or true if it adds up",
		file + ":33:5: note: rain: unit \"mm\" is read as not additive (a level, not an amount): no share of a total is given; declare additive: false to silence this, or true if it adds up",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("notes:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	for _, d := range Notes(ds) {
		if d.Severity != SevNote {
			t.Errorf("%s: severity %d, want a note", d, d.Severity)
		}
	}
}

// TestSemanticKeyErrors: a bad value of a semantic key is an error at its
// line and column, with what to write instead; unknown keys stay errors.
func TestSemanticKeyErrors(t *testing.T) {
	tests := []struct {
		name, entry, want string
	}{
		{"additive", "    additive: maybe\n", "indicators.yaml:5:15: additive \"maybe\": use true"},
		{"comparable", "    comparable: sometimes\n", "indicators.yaml:5:17: comparable \"sometimes\": use true"},
		{"summary", "    summary: average\n", "indicators.yaml:5:14: summary \"average\": use level"},
		{"prices", "    prices: nominal\n", "indicators.yaml:5:13: prices \"nominal\": use current (money at each period's prices and exchange rates: nominal) or constant"},
		{"label underscore", "    unit_label: kt_carbon\n", "indicators.yaml:5:17: unit_label \"kt_carbon\" has an underscore: write it as readers should see it (\"kt of carbon\")"},
		{"label empty", "    unit_label: \"\"\n", "indicators.yaml:5:17: unit_label is empty"},
		{"contradiction", "    additive: true\n    comparable: false\n", "indicators.yaml:5:15: additive: true with comparable: false"},
		{"unknown key", "    sumary: flow\n", "indicators.yaml:5:5: unknown key \"sumary\""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			cat := "indicators:\n  - id: x\n    name: X\n    unit: USD\n" + tc.entry
			must(t, os.WriteFile(filepath.Join(dir, "indicators.yaml"), []byte(cat), 0o644))
			must(t, os.WriteFile(filepath.Join(dir, "observations.csv"), []byte("indicator,entity,period,value,unit,source,source_url\nx,A,2024,1,USD,S,https://e.org\n"), 0o644))
			_, diags, _ := Load(dir, Options{})
			all := strings.Join(diagStrings(diags), "\n")
			if !diags.HasErrors() || !strings.Contains(all, tc.want) {
				t.Errorf("findings:\n%s\nwant an error containing %q", all, tc.want)
			}
		})
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}
