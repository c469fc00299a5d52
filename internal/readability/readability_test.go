package readability

import (
	"strings"
	"testing"
)

func rules(fs []Finding) string {
	var out []string
	for _, f := range fs {
		out = append(out, f.Rule)
	}
	return strings.Join(out, ",")
}

func TestCheck(t *testing.T) {
	for _, c := range []struct {
		name, md string
		o        Options
		want     string
	}{
		{"clean", "## Trade\n\nKazakhstan had the highest trade turnover with Russia in 2024: $27.8 billion.[^1] Uzbekistan came second with $10.0 billion.[^1]\n", Options{}, ""},
		{"stock sentence twice", "- Eritrea's GDP stood at $2.1 billion in 2011.[^1] It is the latest figure available.\n- Chad's GDP stood at $12.5 billion in 2015.[^1] It is the latest figure available.\n", Options{Points: true}, "repeated"},
		{"same shape three times", "- It is also down 0.7 percentage points on March 2025.\n- It is also down 0.4 percentage points on March 2025.\n- It is also down 0.1 percentage points on March 2025.\n", Options{}, "stock"},
		{"long sentence", "- " + strings.Repeat("word ", 46) + "end.\n", Options{}, "long"},
		{"long point", "- " + strings.Repeat("word ", 36) + "end.\n", Options{Points: true}, "long"},
		{"data text may be long", "- " + strings.Repeat("word ", 46) + "end.\n", Options{Data: []string{strings.Repeat("word ", 46) + "end."}}, ""},
		{"unit twice", "Almaty's CO2 emissions stood at 1,210.5 kt CO2e, down 6.9% on December 2024 (1,300.0 kt CO2e).\n", Options{}, "unit"},
		{"unit once", "Almaty's CO2 emissions stood at 1,210.5 kt CO2e, down 6.9% on December 2024 (1,300.0).\n", Options{}, ""},
		{"dates are no units", "The figure of 13 February 2025 is the highest since the series began on 10 February 2025.\n", Options{}, ""},
		{"dataset count", "The Russian Federation had the highest GDP among the 6 in the data in 2023: $2.0 trillion.\n", Options{}, "jargon"},
		{"file name", "Figure 1 and Table 1 show the top 10; brief.json lists all 185.\n", Options{}, "jargon"},
		{"the other N", "The other 4 are in Figure 1 and Table 1.\n", Options{}, "jargon"},
		{"show the other N", "Figure 1 and Table 1 show the other 7.\n", Options{}, "jargon"},
		{"the other N of a source", "The article gives 99 of the 171 projects as completed and 45 as under way; it does not describe the other 27.\n", Options{}, ""},
		{"the other in words", "Table 2 gives the other industry figures.\n", Options{}, ""},
		{"source note label", "Kazakhstan plans 3 plants.[^1] Source note: To be built by Inter RAO.\n", Options{}, "jargon"},
		{"how the brief was made", "12 figures in the data are for periods that ended during the week (the data give no release dates).\n", Options{}, "jargon"},
		{"negative rate as a level", "Turkmenistan's inflation stood at -3.3% in 2023.\n", Options{}, "negative"},
		{"negative rate in words", "Turkmenistan's inflation showed a deflation of 3.3% in 2023.\n", Options{}, ""},
		{"raw id", "The kt_carbon figure is 5.\n", Options{}, "id"},
		{"escaped raw id", "The kt\\_carbon figure is 5.\n", Options{}, "id"},
		{"a link is no id", "[^1]: Source <https://example.org/a_b>\n\n![Chart](chart-trade_turnover-bar.svg)\n", Options{}, ""},
		{"bold label point", "- **Foreign visitors** (Kazakhstan): 12 million visitors in 2025.[^1]\n", Options{Points: true}, "label"},
		{"long respectively", "A, B, C and D followed with 1, 2, 3 and 4 respectively.\n", Options{}, "respectively"},
		{"tables and headings are not prose", "| Entity | Value |\n| :-- | --: |\n| A | 1 kt |\n\n## It is the latest figure available\n", Options{}, ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := rules(Check(c.md, c.o)); got != c.want {
				t.Errorf("findings %q, want %q: %v", got, c.want, Check(c.md, c.o))
			}
		})
	}
}
