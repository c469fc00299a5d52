package format

import (
	"strings"

	"github.com/briefhq/brief/internal/locale"
)

// isoCodes lists ISO 4217 currency codes, current ones and those recently
// withdrawn that historical series still carry (HRK, SLL, ...). The test
// and no-currency codes XTS and XXX are left out.
const isoCodes = "" +
	"AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BOV " +
	"BRL BSD BTN BWP BYN BYR BZD CAD CDF CHE CHF CHW CLF CLP CNY COP COU CRC CUC CUP " +
	"CVE CZK DJF DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL GHS GIP GMD GNF GTQ GYD " +
	"HKD HNL HRK HTG HUF IDR ILS INR IQD IRR ISK JMD JOD JPY KES KGS KHR KMF KPW KRW " +
	"KWD KYD KZT LAK LBP LKR LRD LSL LTL LVL LYD MAD MDL MGA MKD MMK MNT MOP MRO MRU " +
	"MUR MVR MWK MXN MXV MYR MZN NAD NGN NIO NOK NPR NZD OMR PAB PEN PGK PHP PKR PLN " +
	"PYG QAR RON RSD RUB RWF SAR SBD SCR SDG SEK SGD SHP SLE SLL SOS SRD SSP STD STN " +
	"SVC SYP SZL THB TJS TMT TND TOP TRY TTD TWD TZS UAH UGX USD USN UYI UYU UYW UZS " +
	"VED VEF VES VND VUV WST XAF XAG XAU XBA XBB XBC XBD XCD XCG XDR XOF XPD XPF XPT " +
	"XSU XUA YER ZAR ZMW ZWG ZWL"

// IsCurrency reports whether unit is an ISO 4217 currency code. Only the
// upper-case code counts: "cup" or "all" in a unit column are words, not
// the Cuban peso or the Albanian lek.
//
//	IsCurrency("KZT")  // true
//	IsCurrency("GWh")  // false
func IsCurrency(unit string) bool {
	if len(unit) != 3 {
		return false
	}
	for i := 0; i < 3; i++ {
		if unit[i] < 'A' || unit[i] > 'Z' {
			return false
		}
	}
	for i := 0; i+3 <= len(isoCodes); i += 4 {
		if isoCodes[i:i+3] == unit {
			return true
		}
	}
	return false
}

// IsPercent reports whether unit means percent: "%", "percent", "per cent"
// or "pct", in any case, alone or of a base ("% of population", "percent
// of GDP": a share changes in percentage points all the same).
//
//	IsPercent("%")               // true
//	IsPercent("pct")             // true
//	IsPercent("% of population") // true
func IsPercent(unit string) bool {
	u := strings.ToLower(strings.TrimSpace(unit))
	for _, p := range []string{"%", "percent", "per cent", "pct"} {
		if u == p || strings.HasPrefix(u, p+" of ") {
			return true
		}
	}
	return false
}

// isCount reports whether unit means a bare number.
func isCount(unit string) bool {
	u := strings.TrimSpace(unit)
	return u == "" || strings.EqualFold(u, "count") || strings.EqualFold(u, "number")
}

// currencySymbol is the prefix symbol of the currencies a reader knows by
// symbol alone; others keep their code, since "¥" or "$" alone would be
// ambiguous between CNY and JPY or among the dollars.
func currencySymbol(code string) string {
	switch code {
	case "USD":
		return "$"
	case "EUR":
		return "€"
	case "GBP":
		return "£"
	}
	return ""
}

// Money formats an amount of a currency like Scaled: USD, EUR and GBP with
// their symbol before the number, other codes after it. A minus sign
// precedes the symbol. An amount below a million is a price and keeps its
// cents: with decimals < 0, whole cents when it has a fraction ("$4.20",
// "$4"); asked for one decimal, two ("$0.80", never "$0.8", which reads as
// a misprint); asked for more, exactly those.
//
//	Money(27.8e9, "USD", 1)   // "$27.8 billion"
//	Money(-2e9, "EUR", -1)    // "-€2 billion"
//	Money(27.8e9, "KZT", 1)   // "27.8 billion KZT"
//	Money(4.2, "GBP", -1)     // "£4.20"
//	Money(0.8, "USD", 1)      // "$0.80"
//	Money(2412.3, "USD", 2)   // "$2,412.30"
func Money(v float64, currency string, decimals int) string {
	if d, k, ok := pressCode(decimals); ok {
		return pressed(v, false, d, k, func(x float64, d int) string { return Money(x, currency, d) })
	}
	sym := currencySymbol(currency)
	if s, bad := nonFinite(v); bad {
		return s + " " + currency
	}
	f := moneyFigure(v, decimals)
	var buf [64]byte
	b := buf[:0]
	if f.Neg {
		b = append(b, '-')
	}
	b = append(b, sym...)
	f.Neg = false
	b = appendScaled(b, f)
	if sym == "" {
		b = append(b, ' ')
		b = append(b, currency...)
	}
	return string(b)
}

// moneyScaled is scaled for Money: a price asked for one decimal gets
// two ("$0.80").
func moneyScaled(v float64, decimals int) (locale.Decimal, locale.Scale, int) {
	if decimals <= commonBase {
		return scaled(v, decimals) // codes: common, press, one-scale
	}
	return locale.NewDecimal(v).AsMoney(placesFor(decimals))
}

// moneyFigure is the finite v as Money writes it, without its currency:
// with automatic decimals a price keeps its cents ("4.20").
func moneyFigure(v float64, decimals int) locale.Figure {
	x, i, places := moneyScaled(v, decimals)
	f := x.Figure(places, paddedAt(decimals, i), i)
	if !padded(decimals) {
		f = f.WithCents()
	}
	return f
}

// Percent formats v, already in percent, with a percent sign and exactly
// decimals places. With decimals < 0 it shows up to one decimal, or two
// significant digits below 1, trailing zeros dropped.
//
//	Percent(4.2, 1)     // "4.2%"
//	Percent(4, 1)       // "4.0%"
//	Percent(4, -1)      // "4%"
//	Percent(0.042, -1)  // "0.042%"
func Percent(v float64, decimals int) string {
	return string(append(appendProse(nil, v, decimals, 1, padded(decimals)), '%'))
}

// Points formats a difference of two percentages in percentage points,
// singular for exactly "1". Decimals as for Percent.
//
//	Points(1.5, 1)   // "1.5 percentage points"
//	Points(1.04, 1)  // "1.0 percentage points"
//	Points(1.04, 0)  // "1 percentage point"
func Points(v float64, decimals int) string {
	return pointsText(appendProse(nil, v, decimals, 1, padded(decimals)))
}

// pointsText adds "percentage point(s)" to a number.
func pointsText(b []byte) string {
	if n := len(b); (n == 1 && b[0] == '1') || (n == 2 && b[0] == '-' && b[1] == '1') {
		return string(b) + wordPointOne
	}
	return string(b) + wordPointsOther
}

// appendProse appends v with decimals places, padded with zeros when pad
// is set and trailing zeros dropped otherwise; auto is the number of places
// for automatic precision.
func appendProse(b []byte, v float64, decimals, auto int, pad bool) []byte {
	if s, bad := nonFinite(v); bad {
		return append(b, s...)
	}
	x := locale.NewDecimal(v)
	places, isAuto := placesOf(decimals, false)
	if isAuto {
		places = x.AutoPlaces(auto)
	}
	x.Round(places)
	return appendFigure(b, x.Figure(places, pad, locale.NoScale))
}

// Value formats v in its unit, the way a brief quotes a figure: currency
// codes as Money, percent units as Percent, no unit ("", "count",
// "number") as Scaled, and any other unit printed as given after the scaled
// number, so a unit is never dropped. The unit is not escaped for Markdown.
//
//	Value(27.8e9, "USD", 1)         // "$27.8 billion"
//	Value(4.2, "%", 1)              // "4.2%"
//	Value(3200, "GWh", -1)          // "3,200 GWh"
//	Value(12e6, "visitors", -1)     // "12 million visitors"
//	Value(5.1, "t CO2", 1)          // "5.1 t CO2"
func Value(v float64, unit string, decimals int) string {
	if d, k, ok := pressCode(decimals); ok {
		return pressed(v, IsPercent(unit), d, k, func(x float64, d int) string { return Value(x, unit, d) })
	}
	switch {
	case IsCurrency(unit):
		return Money(v, unit, decimals)
	case IsPercent(unit):
		return Percent(v, decimals)
	case isCount(unit):
		return Scaled(v, decimals)
	}
	n := Scaled(v, decimals)
	u := strings.TrimSpace(unit)
	if n == "1" || n == "-1" {
		u = singularOf(u) // "1 project", not "1 projects"
	}
	return n + " " + u
}

// IsCountNoun reports whether a unit counts things: no unit, "count",
// "number", or a plural English word ("projects", "jobs", "visitors").
// Of such figures one says "the most", of amounts "the highest".
func IsCountNoun(unit string) bool {
	u := strings.ToLower(strings.TrimSpace(unit))
	if u == "" || measures[u] {
		return false
	}
	return isCount(u) || singularOf(u) != u
}

// measures are plural units of measure, not of things counted: "the
// highest level in metres", never "the most".
var measures = map[string]bool{
	"metres": true, "meters": true, "kilometres": true, "kilometers": true, "centimetres": true, "millimetres": true,
	"tonnes": true, "tons": true, "kilograms": true, "grams": true, "litres": true, "liters": true, "barrels": true,
	"hectares": true, "acres": true, "hours": true, "days": true, "weeks": true, "months": true, "years": true,
	"minutes": true, "seconds": true, "degrees": true, "points": true, "kilowatts": true, "megawatts": true,
	"gigawatts": true, "watts": true, "joules": true, "calories": true, "miles": true, "feet": true, "inches": true,
}

// singularOf turns a plural unit written as one lower-case English word
// back to the singular ("projects" -> "project", "facilities" ->
// "facility", "boxes" -> "box"). Anything else (symbols, abbreviations,
// several words, "people") is left as given: units are never guessed at.
func singularOf(u string) string {
	if len(u) < 3 || strings.ToLower(u) != u {
		return u
	}
	for _, r := range u {
		if r < 'a' || r > 'z' {
			return u
		}
	}
	switch {
	case strings.HasSuffix(u, "ss"), strings.HasSuffix(u, "us"), strings.HasSuffix(u, "is"):
		return u // class, census, basis
	case strings.HasSuffix(u, "ies") && len(u) > 4:
		return u[:len(u)-3] + "y"
	case strings.HasSuffix(u, "ches"), strings.HasSuffix(u, "shes"), strings.HasSuffix(u, "xes"), strings.HasSuffix(u, "sses"):
		return u[:len(u)-2]
	case strings.HasSuffix(u, "s"):
		return u[:len(u)-1]
	}
	return u
}
