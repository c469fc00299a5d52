package narrative

// FuncDoc documents one template function with an example that a test
// renders, so the README's reference cannot drift from the code.
type FuncDoc struct {
	Name    string
	Usage   string // what it does
	Example string // template source
	Output  string // what the example renders
}

// FuncDocs lists the brief's own template functions, in README order.
var FuncDocs = []FuncDoc{
	{"value", "a figure in its unit: money, percent, or any unit as given", `{{ value 27800000000 "USD" 1 }}`, "$27.8 billion"},
	{"value", "units the formatter does not know are kept", `{{ value 3200 "GWh" 0 }}`, "3,200 GWh"},
	{"money", "an amount of a currency (ISO code)", `{{ money 52900000000 "USD" 1 }}`, "$52.9 billion"},
	{"money", "other currencies keep their code", `{{ money 1500000 "KZT" 1 }}`, "1.5 million KZT"},
	{"scaled", "a number with a scale word", `{{ scaled 12000000 0 }}`, "12 million"},
	{"number", "a number with thousands separators", `{{ number 1234.5 1 }}`, "1,234.5"},
	{"percent", "a percentage", `{{ percent 4.25 1 }}`, "4.3%"},
	{"points", "a difference of percentages", `{{ points 1.5 1 }}`, "1.5 percentage points"},
	{"change", "a change, in percent or (for percent units) in points", `{{ change 104.2 100 "USD" 1 "on a year earlier" }}`, "up 4.2% on a year earlier"},
	{"trend", "the verb of a change", `{{ trend 90 100 }}`, "fell"},
	{"assessment", "a change judged by higher_is", `{{ assessment 90 100 "bad" }}`, "an improvement"},
	{"ordinal", "an ordinal number", `{{ ordinal 2 }}`, "2nd"},
	{"ordinalWord", "an ordinal in words", `{{ ordinalWord 3 }}`, "third"},
	{"join", "a list as a reader writes it", `{{ join (list "Kyrgyzstan" "Tajikistan") }}`, "Kyrgyzstan and Tajikistan"},
	{"plural", "a count with the right noun", `{{ plural 45 "project" "" }}`, "45 projects"},
	{"plural", "one is singular", `{{ plural 1 "project" "" }}`, "1 project"},
	{"inPeriod", "a period label after its preposition", `{{ inPeriod "February 2025" }}`, "in February 2025"},
	{"sentence", "ends a text with a full stop", `{{ sentence "Projects implemented to date" }}`, "Projects implemented to date."},
	{"capital", "capitalises the first letter, for a table cell", `{{ capital "week 5 of 2025" }}`, "Week 5 of 2025"},
	{"lowerFirst", "a name for mid-sentence use (acronyms kept)", `{{ lowerFirst "Trade turnover" }}`, "trade turnover"},
	{"upperFirst", "capitalises the first letter", `{{ upperFirst "no new figures" }}`, "No new figures"},
	{"md", "escapes text so Markdown shows it as written", `{{ md "*not* bold" }}`, `\*not\* bold`},
}
