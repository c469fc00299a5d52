package format

import "strings"

// UnitLabel is how a unit reads on the page when the catalog gives no
// label. A unit written as a machine id, with underscores, is turned into
// words: "t_carbon_per_person" -> "t of carbon per person", "kt_carbon" ->
// "kt of carbon", "usd_per_barrel" -> "USD per barrel", "people_million" ->
// "million people". Percent units read "%". Any other unit is returned as
// given (trimmed): underscores never reach a page.
//
//	UnitLabel("t_carbon_per_person")  // "t of carbon per person"
//	UnitLabel("kt_carbon")            // "kt of carbon"
//	UnitLabel("USD per barrel")       // "USD per barrel"
//	UnitLabel("pct")                  // "%"
func UnitLabel(unit string) string {
	u := strings.TrimSpace(unit)
	if IsPercent(u) {
		return "%"
	}
	if strings.EqualFold(u, "index") || strings.EqualFold(u, "index points") {
		return "" // an index level is a bare number: "235.0", not "235.0 index"
	}
	if !strings.Contains(u, "_") {
		return u
	}
	words := strings.Fields(strings.ReplaceAll(u, "_", " "))
	if len(words) == 0 {
		return ""
	}
	for i, w := range words {
		if up := strings.ToUpper(w); up != w && IsCurrency(up) {
			words[i] = up // "usd" in an id is the dollar, not a word
		}
	}
	// "people million" -> "million people": a multiplier comes first.
	if n := len(words); n >= 2 && multipliers[strings.ToLower(words[n-1])] && !multipliers[strings.ToLower(words[0])] {
		words = append([]string{strings.ToLower(words[n-1])}, words[:n-1]...)
	}
	// "t carbon" -> "t of carbon": a measure followed by what it measures.
	if len(words) >= 2 && measureSymbols[words[0]] && isLowerWord(words[1]) && words[1] != "of" && words[1] != "per" {
		words = append([]string{words[0], wordOf}, words[1:]...)
	}
	return strings.Join(words, " ")
}

// multipliers are words of scale that a unit id may carry at its end.
var multipliers = map[string]bool{"thousand": true, "thousands": true, "million": true, "millions": true, "billion": true, "billions": true, "trillion": true}

// measureSymbols are symbols of measure that read "<symbol> of <thing>".
var measureSymbols = map[string]bool{
	"g": true, "kg": true, "t": true, "kt": true, "Mt": true, "Gt": true, "tonnes": true, "tons": true,
	"l": true, "m3": true, "bbl": true, "barrels": true, "toe": true, "ktoe": true, "Mtoe": true,
	"kWh": true, "MWh": true, "GWh": true, "TWh": true, "TJ": true, "PJ": true, "ha": true,
}

func isLowerWord(w string) bool {
	for _, r := range w {
		if r < 'a' || r > 'z' {
			return false
		}
	}
	return w != ""
}

// ValueLabel formats v as Value does for its unit (money for a currency
// code, percent for a percent unit, scaled numbers otherwise), but names
// the unit by label, the catalog's unit_label or, when label is "",
// UnitLabel(unit). A label that starts with the unit's currency code or
// percent sign keeps the symbol and adds the rest.
//
//	ValueLabel(56644, "kt_carbon", "", 0)                      // "56,644 kt of carbon"
//	ValueLabel(78.5, "USD per barrel", "", -1)                 // "$78.50 per barrel"
//	ValueLabel(4.25, "%", "% a year", 2)                       // "4.25% a year"
//	ValueLabel(27.8e9, "USD", "", 1)                           // "$27.8 billion"
func ValueLabel(v float64, unit, label string, decimals int) string {
	if d, k, ok := pressCode(decimals); ok {
		return pressed(v, IsPercent(unit), d, k, func(x float64, d int) string { return ValueLabel(x, unit, label, d) })
	}
	u := strings.TrimSpace(unit)
	if label = strings.TrimSpace(label); label == "" {
		label = UnitLabel(u)
	}
	switch {
	case IsPercent(u) && strings.HasPrefix(label, "%"):
		return Percent(v, decimals) + label[1:]
	case IsPercent(u):
		return Scaled(v, decimals) + " " + label
	case IsCurrency(u) && label == u:
		return Money(v, u, decimals)
	}
	// "USD per barrel": money, then what it is per.
	if len(label) > 4 && label[3] == ' ' && IsCurrency(label[:3]) && strings.HasPrefix(label[4:], "per ") {
		return Money(v, label[:3], decimals) + label[3:]
	}
	if IsCurrency(u) && strings.HasPrefix(label, u+" ") {
		return Money(v, u, decimals) + label[3:]
	}
	return Value(v, label, decimals)
}

// AxisTitle names a chart's value axis from the unit's label and the
// scale word its ticks are divided by (from ScaleOf): the scale word
// first, as one says it: "million people", "billion USD", "million t of
// carbon". Either may be empty.
//
//	AxisTitle("people", "million")  // "million people"
//	AxisTitle("USD", "billion")     // "billion USD"
//	AxisTitle("%", "")              // "%"
func AxisTitle(label, word string) string {
	label, word = strings.TrimSpace(label), strings.TrimSpace(word)
	switch {
	case word == "":
		return label
	case label == "":
		return word
	}
	return word + " " + label
}
