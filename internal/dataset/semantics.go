package dataset

import (
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/briefhq/brief/internal/format"
	"github.com/briefhq/brief/internal/period"
)

// Summary says how a series is summarised over a week.
type Summary string

// The values of indicators.yaml's summary key.
const (
	// SummaryLevel: a level or a price; the week's last value and its range.
	SummaryLevel Summary = "level"
	// SummaryFlow: an amount per period; the week's sum.
	SummaryFlow Summary = "flow"
	// SummaryCumulative: a running total; the week's increase.
	SummaryCumulative Summary = "cumulative"
)

// Prices says at what prices money values are: indicators.yaml's prices.
type Prices string

// The values of indicators.yaml's prices key.
const (
	// PricesCurrent: nominal values, at the prices (and exchange rates)
	// of each period; a change mixes volume, price and exchange-rate
	// movements.
	PricesCurrent Prices = "current"
	// PricesConstant: real values, at the prices of one base period.
	PricesConstant Prices = "constant"
)

// SevNote is a finding about a default the tool assumed: neither an error
// nor a warning. `brief validate` prints notes; Load never returns them
// (see Notes).
const SevNote Severity = SevWarning + 1

// WeeklySummary is how the indicator's series are summarised over a week:
// the catalog's summary, else SummaryLevel.
func (in *Indicator) WeeklySummary() Summary {
	if in == nil || in.Summary == "" {
		return SummaryLevel
	}
	return in.Summary
}

// IsAdditive reports whether values of the indicator in unit (a row's
// unit, or "" for the catalog's) add up across entities to a meaningful
// total: the catalog's additive, else DefaultAdditive. in may be nil (no
// catalog entry): the unit alone decides.
func (in *Indicator) IsAdditive(unit string) bool {
	if in != nil && in.Additive != nil {
		return *in.Additive
	}
	a, _ := DefaultAdditive(in.words(), in.unitOr(unit))
	return a
}

// IsComparable reports whether values of different entities can be ranked
// against each other: the catalog's comparable, else DefaultComparable.
func (in *Indicator) IsComparable(unit string) bool {
	if in != nil && in.Comparable != nil {
		return *in.Comparable
	}
	c, _ := DefaultComparable(in.words(), in.unitOr(unit))
	return c
}

// IsNominal reports whether the indicator's values in unit (a row's
// unit, or "" for the catalog's) are money at current prices, so that a
// change or a record moves with prices and exchange rates as well as
// with volumes: the catalog's prices (current: true, for a money unit;
// constant: false), else DefaultNominal. in may be nil: without a
// catalog entry nothing is said of current prices, and the answer is no.
func (in *Indicator) IsNominal(unit string) bool {
	if in == nil {
		return false
	}
	u := in.unitOr(unit)
	switch in.Prices {
	case PricesCurrent:
		return isMoney(u)
	case PricesConstant:
		return false
	}
	n, _ := DefaultNominal(in.ID+" "+in.Name+" "+in.Wording.Phrase+" "+in.Description, u)
	return n
}

// DefaultNominal judges from an indicator's words (id, name, phrase,
// description) and unit whether its values are money at current prices,
// when the catalog does not say. It is conservative: the unit must be
// money (an ISO currency code or a currency word, not a percentage), and
// the words (or the unit: "current US$") must say "nominal" or "current" before prices, dollars or a
// currency ("at current prices", "current US$", "in current dollars",
// "current LCU"); "current account" is not current prices, and words that
// also say "constant" or "real" leave the question open (no). why says
// what the judgement rests on.
func DefaultNominal(words, unit string) (nominal bool, why string) {
	if !isMoney(unit) {
		return false, "not a money unit"
	}
	ws := tokens(words + " " + unit)
	for _, w := range ws {
		if w == "constant" || w == "real" || w == "chained" {
			return false, "the words say " + strconv.Quote(w)
		}
	}
	for i, w := range ws {
		if w == "nominal" {
			return true, "the words say \"nominal\""
		}
		if w != "current" || i+1 == len(ws) {
			continue
		}
		next := ws[i+1]
		if next == "prices" || next == "price" || next == "lcu" || next == "us" || moneyWords[next] || format.IsCurrency(strings.ToUpper(next)) {
			return true, "the words say \"current " + next + "\""
		}
	}
	return false, "the words do not say current prices"
}

// isMoney reports whether unit is an amount of money: a currency code or
// word in it ("USD", "million KZT", "US$ bn", "dollars"), not a
// percentage ("% of GDP").
func isMoney(unit string) bool {
	u := strings.TrimSpace(unit)
	if u == "" || format.IsPercent(u) || strings.Contains(u, "%") {
		return false
	}
	for _, f := range strings.FieldsFunc(u, func(r rune) bool { return r == ' ' || r == '_' || r == '/' || r == ',' }) {
		if format.IsCurrency(f) {
			return true
		}
	}
	return hasAny(tokens(u), moneyWords) != "" || hasAny(tokens(u), set("lcu", "currency")) != ""
}

// Label is how unit (a row's unit, or "" for the catalog's) reads on the
// page: the catalog's unit_label when unit is the catalog's unit, else a
// readable form of the unit (format.UnitLabel: "t_carbon_per_person" ->
// "t of carbon per person"). The raw unit id is never the answer when it
// holds an underscore.
func (in *Indicator) Label(unit string) string {
	if in != nil && in.UnitLabel != "" && (unit == "" || strings.TrimSpace(unit) == strings.TrimSpace(in.Unit)) {
		return in.UnitLabel
	}
	return format.UnitLabel(in.unitOr(unit))
}

// UnitLabel is the display label of a unit of an indicator of ds (see
// Indicator.Label); an indicator not in ds gets the readable fallback.
func (ds *Dataset) UnitLabel(indicator, unit string) string {
	for i := range ds.Indicators {
		if ds.Indicators[i].ID == indicator {
			return ds.Indicators[i].Label(unit)
		}
	}
	return format.UnitLabel(unit)
}

func (in *Indicator) unitOr(unit string) string {
	if strings.TrimSpace(unit) == "" && in != nil {
		return in.Unit
	}
	return unit
}

// words is what the defaults read of an indicator besides its unit: its
// id and name ("Gold price", "exchange_rate").
func (in *Indicator) words() string {
	if in == nil {
		return ""
	}
	return in.ID + " " + in.Name
}

// tokens splits text into lower-case words at anything that is not a
// letter, digit, '%' or '$' ("t_carbon_per_person" -> t carbon per person).
func tokens(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '%' || r == '$' || r > 127)
	})
}

func hasAny(words []string, set map[string]bool) string {
	for _, w := range words {
		if set[w] {
			return w
		}
	}
	return ""
}

func set(ws ...string) map[string]bool {
	m := make(map[string]bool, len(ws))
	for _, w := range ws {
		m[w] = true
	}
	return m
}

var (
	// Words of a unit that mark a value which does not add up.
	unitRateWords = set("rate", "rates", "ratio", "ratios", "index", "indices", "price", "prices", "yield", "yields",
		"average", "mean", "median", "score", "rank", "points", "pp", "bps", "percentage", "capita")
	// Words of an indicator's id or name that do ("Gold price", "GDP per
	// capita", "Exchange rate"); "prices" is left out: "exports at current
	// prices" adds up.
	nameRateWords = set("rate", "rates", "ratio", "ratios", "index", "indices", "price", "yield", "yields",
		"average", "mean", "median", "score", "inflation", "deflator", "growth", "density", "intensity",
		"temperature", "capita", "per", "percentage")
	// Units of length, temperature and time: levels, not amounts.
	levelUnits = set("cm", "mm", "m", "km", "°c", "c", "degrees", "years", "days", "hours")
	// Money words besides ISO codes.
	moneyWords = set("$", "us$", "dollars", "dollar", "euro", "euros", "rubles", "roubles", "pounds", "yen", "yuan", "tenge", "som", "somoni", "manat")
	// Physical quantities that add up.
	quantityWords = set("t", "kt", "mt", "gt", "tonnes", "tons", "tonne", "kg", "g", "mw", "gw", "kw", "mwh", "gwh", "twh", "kwh",
		"tj", "pj", "toe", "ktoe", "mtoe", "bbl", "barrels", "m3", "bcm", "litres", "liters", "l", "ha", "hectares", "teu")
	// Things counted, in the singular or where the plural is irregular.
	countWords = set("people", "persons", "population", "inhabitants", "staff", "units", "cases", "deaths", "births",
		"visitors", "tourists", "passengers", "jobs", "projects", "vehicles", "households", "firms", "companies", "enterprises")
	// Scale words that may lead or follow a unit ("million USD", "people million").
	scaleWords = set("thousand", "thousands", "million", "millions", "mn", "mln", "billion", "billions", "bn", "trillion", "000")
)

// DefaultAdditive judges from an indicator's words (id and name) and unit
// whether values of different entities add up, when the catalog does not
// say. It is conservative: percentages, rates and ratios, anything per
// something ("t_carbon_per_person", "USD per barrel", "per 1,000"),
// prices, indices, averages, exchange and interest rates and values that
// are not comparable never add up; money (a currency code), counts
// (people, projects, visitors, a plural noun) and physical quantities
// (t, kt, MW, GWh, barrels) do; a unit it does not recognise does not.
// why says what the judgement rests on, for a note.
func DefaultAdditive(words, unit string) (additive bool, why string) {
	u := strings.TrimSpace(unit)
	ut := tokens(u)
	if c, cwhy := DefaultComparable(words, u); !c {
		return false, cwhy
	}
	switch {
	case format.IsPercent(u) || strings.Contains(u, "%") || hasAny(ut, set("percent", "pct")) != "":
		return false, "a percentage"
	case strings.Contains(u, "/") || hasAny(ut, set("per")) != "":
		return false, "a rate per something"
	case levelUnits[strings.ToLower(u)]:
		return false, "a level, not an amount"
	}
	if w := hasAny(ut, unitRateWords); w != "" {
		return false, "the unit says " + strconv.Quote(w)
	}
	if w := hasAny(tokens(words), nameRateWords); w != "" {
		return false, "the name says " + strconv.Quote(w)
	}
	for _, f := range strings.Fields(strings.ReplaceAll(u, "_", " ")) {
		if format.IsCurrency(f) {
			return true, "money"
		}
	}
	if hasAny(ut, moneyWords) != "" {
		return true, "money"
	}
	rest := make([]string, 0, len(ut))
	for _, w := range ut {
		if !scaleWords[w] {
			rest = append(rest, w)
		}
	}
	switch {
	case len(rest) == 0 || len(rest) == 1 && (rest[0] == "count" || rest[0] == "number"):
		return true, "a count"
	case hasAny(rest, quantityWords) != "" && quantityWords[rest[0]]:
		return true, "a quantity"
	case hasAny(rest, countWords) != "":
		return true, "a count"
	case len(rest) == 1 && format.IsCountNoun(rest[0]):
		return true, "a count"
	}
	return false, "the unit " + strconv.Quote(u) + " is not one the tool knows to add up"
}

// DefaultComparable judges whether values of different entities can be
// ranked against each other, when the catalog does not say: they can,
// except amounts in each entity's own currency ("national currency",
// "LCU", "local currency"), exchange rates against a currency, and
// indices on each entity's own base ("2015=100").
func DefaultComparable(words, unit string) (comparable bool, why string) {
	u := strings.ToLower(unit)
	for _, s := range []string{"national currency", "national currencies", "local currency", "domestic currency"} {
		if strings.Contains(u, s) {
			return false, "amounts in each entity's own currency"
		}
	}
	if hasAny(tokens(u), set("lcu")) != "" {
		return false, "amounts in each entity's own currency"
	}
	if strings.Contains(u, "index") && (strings.Contains(u, "=100") || strings.Contains(u, "= 100") || strings.Contains(u, "base")) {
		return false, "an index on each entity's own base"
	}
	w := " " + strings.Join(tokens(words), " ") + " "
	if strings.Contains(w, " exchange rate ") || strings.Contains(w, " exchange rates ") {
		return false, "exchange rates of different currencies"
	}
	ut := tokens(u)
	// A price or volume index is on each entity's own base even when the
	// unit says only "index" (a CPI of 320 is not higher prices than one
	// of 235); a composite score such as a development index is not.
	if hasAny(ut, set("index", "idx")) != "" && hasAny(tokens(words), set("price", "prices", "cpi", "ppi", "hicp", "production", "volume", "output", "deflator")) != "" {
		return false, "an index on each entity's own base"
	}
	// A water level or stage is read on each gauge's own zero: two
	// gauges' levels in cm are not higher or lower than each other.
	if hasAny(ut, set("cm", "mm", "m", "metres", "meters", "centimetres", "centimeters")) != "" && hasAny(tokens(words), set("level", "stage", "gauge", "water")) != "" {
		return false, "levels on each gauge's own zero"
	}
	return true, ""
}

// cumulativeHint reports whether an indicator's words or unit suggest a
// running total, which a catalog should declare as summary: cumulative.
func cumulativeHint(words, unit string) bool {
	s := " " + strings.Join(tokens(words+" "+unit), " ") + " "
	for _, h := range []string{" cumulative ", " total to date ", " to date ", " running total ", " since inception "} {
		if strings.Contains(s, h) {
			return true
		}
	}
	return false
}

// readSemantics reads the semantic keys of one indicator of
// indicators.yaml into in: additive, comparable, prices, unit_label,
// summary, period.
func (l *loader) readSemantics(path string, keys map[string]*yaml.Node, in *Indicator) {
	boolKey := func(key, advice string) *bool {
		n := keys[key]
		if n == nil {
			return nil
		}
		s, good := l.text(path, n, key)
		switch strings.ToLower(s) {
		case "true", "yes":
			t := true
			return &t
		case "false", "no":
			f := false
			return &f
		}
		if good {
			l.errorAt(yamlPos(path, n), key+" "+strconv.Quote(s)+": "+advice)
		}
		return nil
	}
	in.Additive = boolKey("additive", "use true (values add up to a total, like exports) or false (like an average wage)")
	in.Comparable = boolKey("comparable", "use true (values of different entities can be ranked, like prices in one currency) or false (like exchange rates in national currency)")
	if in.Additive != nil && *in.Additive && in.Comparable != nil && !*in.Comparable {
		l.errorAt(yamlPos(path, keys["additive"]), "additive: true with comparable: false: values that cannot be compared cannot add up; drop one")
	}
	if n := keys["prices"]; n != nil {
		s, good := l.text(path, n, "prices")
		switch v := Prices(strings.ToLower(strings.TrimSpace(s))); v {
		case PricesCurrent, PricesConstant:
			in.Prices = v
		default:
			if good {
				l.errorAt(yamlPos(path, n), "prices "+strconv.Quote(s)+": use current (money at each period's prices and exchange rates: nominal) or constant (at the prices of one base year: real)")
			}
		}
	}
	if n := keys["unit_label"]; n != nil {
		s, good := l.text(path, n, "unit_label")
		switch {
		case !good:
		case s == "":
			l.errorAt(yamlPos(path, n), "unit_label is empty: give the unit as readers should see it (\"kt of carbon\"), or leave the key out")
		case strings.Contains(s, "_"):
			l.errorAt(yamlPos(path, n), "unit_label "+strconv.Quote(s)+" has an underscore: write it as readers should see it ("+strconv.Quote(format.UnitLabel(s))+")")
		default:
			in.UnitLabel = s
		}
	}
	if n := keys["summary"]; n != nil {
		s, good := l.text(path, n, "summary")
		switch v := Summary(strings.ToLower(s)); v {
		case SummaryLevel, SummaryFlow, SummaryCumulative:
			in.Summary = v
		default:
			if good {
				l.errorAt(yamlPos(path, n), "summary "+strconv.Quote(s)+": use level (a level or price: the week's last value and range), flow (an amount per period: the week's sum) or cumulative (a running total: the week's increase)")
			}
		}
	}
	if n := keys["period"]; n != nil {
		in.Period = l.periodKind(path, n)
	}
}

// periodKind reads a declared granularity (period: month), reporting
// anything else; 0 when it is not one.
func (l *loader) periodKind(path string, n *yaml.Node) period.Kind {
	s, good := l.text(path, n, "period")
	k, ok := period.ParseKind(s)
	if !ok && good {
		l.errorAt(yamlPos(path, n), "period "+strconv.Quote(s)+": use day, week, month, quarter or year (what a date of its rows stands for: period: month reads 2026-05-04 as May 2026)")
	}
	return k
}

// Notes are the defaults ds relies on that a reader might misjudge: for
// each indicator with figures for two or more entities of one group (all
// entities, without an entity catalog), one note when its catalog entry
// leaves additive or comparable to the default and the default is "no"
// for a reason less obvious than a percent unit, or when its name or unit
// hints at a running total and summary is not declared. `brief validate`
// prints them; they are neither errors nor warnings.
func Notes(ds *Dataset) Diagnostics {
	inGroup := groupedIndicators(ds)
	var out Diagnostics
	for i := range ds.Indicators {
		in := &ds.Indicators[i]
		if !inGroup[in.ID] {
			continue
		}
		var parts []string
		declare := "declare it in indicators.yaml"
		if ds.HasIndicatorCatalog {
			declare = "declare"
		}
		unit := strconv.Quote(in.Unit)
		if in.Comparable == nil {
			if c, why := DefaultComparable(in.words(), in.Unit); !c {
				parts = append(parts, "unit "+unit+" is read as not comparable ("+why+"): no ranking or share is made; "+declare+" comparable: false to silence this, or true if values of different entities can be ranked")
			}
		}
		if in.Additive == nil && in.IsComparable("") {
			if a, why := DefaultAdditive(in.words(), in.Unit); !a && why != "a percentage" {
				parts = append(parts, "unit "+unit+" is read as not additive ("+why+"): no share of a total is given; "+declare+" additive: false to silence this, or true if it adds up")
			}
		}
		if in.Summary == "" && cumulativeHint(in.words(), in.Unit) {
			parts = append(parts, "the name or unit suggests a running total: "+declare+" summary: cumulative (a week reads as its increase), or summary: level to silence this")
		}
		if len(parts) > 0 {
			out = append(out, Diagnostic{Pos: in.Pos, Severity: SevNote, Message: in.ID + ": " + strings.Join(parts, "; ")})
		}
	}
	out.Sort()
	return out
}

// groupedIndicators lists the indicators with figures for two or more
// entities of one group (of any two entities, without an entity catalog).
func groupedIndicators(ds *Dataset) map[string]bool {
	groupsOf := make(map[string][]string, len(ds.Entities))
	for _, e := range ds.Entities {
		groupsOf[e.ID] = e.Groups
	}
	type key struct{ indicator, group string }
	first := map[key]string{}
	out := map[string]bool{}
	for i := range ds.Observations {
		o := &ds.Observations[i]
		if out[o.Indicator] {
			continue
		}
		groups := groupsOf[o.Entity]
		if !ds.HasEntityCatalog {
			groups = []string{""}
		}
		for _, g := range groups {
			k := key{o.Indicator, g}
			if e, seen := first[k]; !seen {
				first[k] = o.Entity
			} else if e != o.Entity {
				out[o.Indicator] = true
			}
		}
	}
	return out
}
