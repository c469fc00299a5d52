package format_test

import (
	"fmt"
	"time"

	"github.com/briefhq/brief/internal/format"
)

func ExampleNumber() {
	fmt.Println(format.Number(12000, 0))
	fmt.Println(format.Number(1234.5, 1))
	fmt.Println(format.Number(1234.5, 2))
	fmt.Println(format.Number(1234.567, -1))
	fmt.Println(format.Number(0.00345, -1))
	fmt.Println(format.Number(-0.04, 1))
	// Output:
	// 12,000
	// 1,234.5
	// 1,234.50
	// 1,234.57
	// 0.0035
	// 0.0
}

func ExampleScaled() {
	fmt.Println(format.Scaled(27800000000, -1))
	fmt.Println(format.Scaled(12000000, 1))
	fmt.Println(format.Scaled(1.23e12, -1))
	fmt.Println(format.Scaled(999960000, 1))
	fmt.Println(format.Scaled(45000, -1))
	fmt.Println(format.Scaled(183, 0))
	// Output:
	// 27.8 billion
	// 12.0 million
	// 1.23 trillion
	// 1.0 billion
	// 45,000
	// 183
}

func ExampleScaleOf() {
	factor, word := format.ScaleOf([]float64{27.8e9, 3.1e9, 450e6})
	fmt.Println(factor, word)
	// Output: 1e+09 billion
}

func ExampleMoney() {
	fmt.Println(format.Money(27.8e9, "USD", 1))
	fmt.Println(format.Money(-2e9, "EUR", -1))
	fmt.Println(format.Money(27.8e9, "KZT", 1))
	fmt.Println(format.Money(4.2, "GBP", -1))
	// Output:
	// $27.8 billion
	// -€2 billion
	// 27.8 billion KZT
	// £4.20
}

func ExampleValue() {
	fmt.Println(format.Value(27.8e9, "USD", 1))
	fmt.Println(format.Value(4.2, "%", 1))
	fmt.Println(format.Value(3200, "GWh", -1))
	fmt.Println(format.Value(12e6, "visitors", -1))
	fmt.Println(format.Value(5.1, "t CO2", 1))
	// Output:
	// $27.8 billion
	// 4.2%
	// 3,200 GWh
	// 12 million visitors
	// 5.1 t CO2
}

func ExampleIsCurrency() {
	fmt.Println(format.IsCurrency("KZT"), format.IsCurrency("GWh"), format.IsCurrency("cup"))
	// Output: true false false
}

func ExampleIsPercent() {
	fmt.Println(format.IsPercent("%"), format.IsPercent("pct"), format.IsPercent("pp"))
	// Output: true true false
}

func ExamplePercent() {
	fmt.Println(format.Percent(4.2, 1))
	fmt.Println(format.Percent(4, 1))
	fmt.Println(format.Percent(4, -1))
	fmt.Println(format.Percent(0.042, -1))
	// Output:
	// 4.2%
	// 4.0%
	// 4%
	// 0.042%
}

func ExamplePoints() {
	fmt.Println(format.Points(1.5, 1))
	fmt.Println(format.Points(1.04, 1))
	fmt.Println(format.Points(1.04, 0))
	// Output:
	// 1.5 percentage points
	// 1.0 percentage points
	// 1 percentage point
}

func ExampleChange() {
	fmt.Println(format.Change(104.2, 100, "USD", 1, "a year earlier"))
	fmt.Println(format.Change(100, 100, "USD", 1, "a year earlier"))
	fmt.Println(format.Change(4.2e9, 0, "USD", 1, "a year earlier"))
	fmt.Println(format.Change(5.5, 7, "%", 1, "the previous quarter"))
	fmt.Println(format.Change(1250, 100, "count", 1, "from a year earlier"))
	// Output:
	// up 4.2% on a year earlier
	// unchanged on a year earlier
	// up $4.2 billion on a year earlier
	// down 1.5 percentage points on the previous quarter
	// up 12.5-fold from a year earlier
}

func ExampleChangeOf() {
	d := format.ChangeOf(110, 100)
	fmt.Println(d.Abs, d.Pct, d.HasPct, d.Dir)
	d = format.ChangeOf(-1, -2)
	fmt.Println(d.Abs, d.HasPct, d.Dir)
	// Output:
	// 10 10 true 1
	// 1 false 1
}

func ExampleTrend() {
	fmt.Println(format.Trend(104.2, 100), format.Trend(90, 100), format.Trend(100, 100))
	// Output: rose fell held steady
}

func ExampleAssessment() {
	// Emissions (higher is bad) fell.
	fmt.Println(format.Assessment(90, 100, "bad"))
	fmt.Println(format.Assessment(90, 100, "good"))
	fmt.Printf("%q\n", format.Assessment(90, 100, "neutral"))
	// Output:
	// an improvement
	// a deterioration
	// ""
}

func ExampleOrdinal() {
	fmt.Println(format.Ordinal(1), format.Ordinal(12), format.Ordinal(23), format.Ordinal(111))
	// Output: 1st 12th 23rd 111th
}

func ExampleOrdinalWord() {
	fmt.Println(format.OrdinalWord(2), format.OrdinalWord(10), format.OrdinalWord(11))
	// Output: second tenth 11th
}

func ExampleJoin() {
	fmt.Println(format.Join([]string{"Kazakhstan"}))
	fmt.Println(format.Join([]string{"Kazakhstan", "Uzbekistan"}))
	fmt.Println(format.Join([]string{"Kazakhstan", "Uzbekistan", "Kyrgyzstan"}))
	fmt.Println(format.Join([]string{"Uganda", "Congo, Dem. Rep.", "Eritrea"}))
	// Output:
	// Kazakhstan
	// Kazakhstan and Uzbekistan
	// Kazakhstan, Uzbekistan and Kyrgyzstan
	// Uganda; Congo, Dem. Rep.; and Eritrea
}

func ExamplePlural() {
	fmt.Println(format.Plural(1, "project", ""))
	fmt.Println(format.Plural(1000, "project", ""))
	fmt.Println(format.Plural(3, "country", ""))
	fmt.Println(format.Plural(2, "person", "people"))
	// Output:
	// 1 project
	// 1,000 projects
	// 3 countries
	// 2 people
}

func ExamplePluralOf() {
	fmt.Println(format.PluralOf("city"), format.PluralOf("tax"), format.PluralOf("branch"))
	// Output: cities taxes branches
}

func ExampleDate() {
	fmt.Println(format.Date(time.Date(2025, 2, 3, 0, 0, 0, 0, time.UTC)))
	// Output: 3 February 2025
}

func ExampleDateRange() {
	d := func(y int, m time.Month, day int) time.Time { return time.Date(y, m, day, 0, 0, 0, 0, time.UTC) }
	fmt.Println(format.DateRange(d(2025, 2, 3), d(2025, 2, 9)))
	fmt.Println(format.DateRange(d(2025, 1, 27), d(2025, 2, 2)))
	fmt.Println(format.DateRange(d(2025, 12, 29), d(2026, 1, 4)))
	// Output:
	// 3–9 February 2025
	// 27 January – 2 February 2025
	// 29 December 2025 – 4 January 2026
}

func ExampleEscapeMarkdown() {
	fmt.Println(format.EscapeMarkdown("**bold** [link](http://x) <script>"))
	fmt.Println(format.EscapeMarkdown("1. item"))
	fmt.Println(format.EscapeMarkdown("Trade & Industry: up 5%!"))
	// Output:
	// \*\*bold\*\* \[link\](http\://x) \<script>
	// 1\. item
	// Trade & Industry: up 5%!
}
