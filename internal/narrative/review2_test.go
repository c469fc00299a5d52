package narrative

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/briefhq/brief/internal/dataset"
	"github.com/briefhq/brief/internal/period"
)

// Regression tests of the second review's findings (N2, N4, N7, N8, N9),
// on the sentences of brief.md, with datasets built in code.

// series is a dataset of one indicator without an entity catalog (every
// entity in the one implicit group); rows are "entity period value".
func series(in dataset.Indicator, rows ...string) *dataset.Dataset {
	in.Topic = "t"
	ds := &dataset.Dataset{
		Indicators:          []dataset.Indicator{in},
		Topics:              []dataset.Topic{{ID: "t", Name: "Topic"}},
		HasIndicatorCatalog: true,
	}
	for i, r := range rows {
		f := strings.Fields(r)
		var v float64
		if _, err := fmt.Sscan(f[2], &v); err != nil {
			panic(r)
		}
		ds.Observations = append(ds.Observations, dataset.Observation{
			Indicator: in.ID, Entity: f[0], Period: period.MustParse(f[1]), Value: v, Unit: in.Unit,
			Source: "Stats Office", SourceURL: "https://stats.example/", Status: dataset.Actual,
			Pos: dataset.Pos{File: "data/observations.csv", Line: i + 2},
		})
	}
	return ds
}

func wantIn(t *testing.T, what, md string, wants ...string) {
	t.Helper()
	for _, w := range wants {
		if !strings.Contains(md, w) {
			t.Errorf("%s lacks %q:\n%s", what, w, md)
		}
	}
}

func shunIn(t *testing.T, what, md string, shuns ...string) {
	t.Helper()
	for _, s := range shuns {
		if strings.Contains(md, s) {
			t.Errorf("%s says %q:\n%s", what, s, md)
		}
	}
}

// N4: a ranking of part of the entities says how many it covers, for
// the implicit group of all entities too.
func TestPartialRankingSaysItsCoverage(t *testing.T) {
	var rows []string
	for i, e := range []string{"AA", "BB", "CC", "DD", "EE"} {
		rows = append(rows, fmt.Sprintf("%s 2022 %d", e, 100-10*i))
		if e != "EE" { // EE has no 2023 figure yet
			rows = append(rows, fmt.Sprintf("%s 2023 %d", e, 110-10*i))
		}
	}
	ds := series(dataset.Indicator{ID: "gdp", Name: "Gross domestic product", Unit: "USD"}, rows...)
	md, _ := briefOf(t, ds, "2024-W10", nil)
	wantIn(t, "2024-W10", md, "the highest gross domestic product of the four with figures in 2023: $110, up 10.0% on 2022 ($100).")

	// Every entity ranked: no count.
	full := series(dataset.Indicator{ID: "gdp", Name: "Gross domestic product", Unit: "USD"}, "AA 2023 10", "BB 2023 9", "CC 2023 8")
	md, _ = briefOf(t, full, "2024-W10", nil)
	// Every entity ranked: the scope in words (without a named group,
	// "the highest" would read as of the world), never the data's count.
	wantIn(t, "2024-W10, all ranked", md, "the highest gross domestic product of the three in 2023:")
	shunIn(t, "2024-W10, all ranked", md, "in the data")
	shunIn(t, "2024-W10, all ranked", md, "with figures")
}

// N7: a change on a period that is not the one just before says that the
// periods between have no figure.
func TestChangeOverAMissingPeriodSaysSo(t *testing.T) {
	in := dataset.Indicator{ID: "rate", Name: "Interest rate", Unit: "%", Decimals: 3}
	ds := series(in, "EA 2000-11 4.700", "EA 2000-12 4.863", "EA 2001-02 4.782")
	md, _ := briefOf(t, ds, "2001-W09", nil)
	wantIn(t, "2001-W09", md,
		"EA's interest rate stood at 4.782% in February 2001, down from 4.863% in December 2000, the latest earlier figure (none for January 2001).")
	// Two months missing.
	ds = series(in, "EA 2000-10 4.700", "EA 2000-11 4.863", "EA 2001-02 4.782")
	md, _ = briefOf(t, ds, "2001-W09", nil)
	wantIn(t, "2001-W09, two missing", md, "down from 4.863% in November 2000, the latest earlier figure (none for December 2000 to January 2001)")
	// Nothing missing: nothing said.
	ds = series(in, "EA 2001-01 4.863", "EA 2001-02 4.782")
	md, _ = briefOf(t, ds, "2001-W09", nil)
	wantIn(t, "2001-W09, no gap", md, "down from 4.863% in January 2001.")
	shunIn(t, "2001-W09, no gap", md, "latest earlier figure")
}

// N8: runners-up tied on one figure are said together, and a count's
// zeros are not ranked as figures.
func TestTiesAndZerosOfACount(t *testing.T) {
	in := dataset.Indicator{ID: "cases", Name: "Cases", Unit: "cases"}
	ds := series(in, "AA 2024 100", "BB 2024 50", "CC 2024 50", "DD 2024 20", "EE 2024 0", "FF 2024 0", "GG 2024 0")
	md, _ := briefOf(t, ds, "2025-W10", nil)
	wantIn(t, "2025-W10", md,
		"the most cases of the seven in 2024: 100 cases.",
		" BB and CC shared second place with 50 cases each.",
		" EE, FF and GG recorded none.")
	shunIn(t, "2025-W10", md, "0 cases and 0 cases", "more follow")
	// The rest of the ranking is in the figure and the table, said in one
	// of a few wordings (vary).
	if !regexp.MustCompile(`(Figure 1 and Table 1 give the full ranking|The full ranking is in Figure 1 and Table 1|Figure 1 and Table 1 show the full ranking)\.`).MatchString(md) {
		t.Errorf("2025-W10 does not send the reader to the figure and the table:\n%s", md)
	}

	// A running total: "had no cases yet".
	in.Summary = dataset.SummaryCumulative
	ds = series(in, "AA 2020-01-26 2075", "BB 2020-01-26 5", "CC 2020-01-26 3", "DD 2020-01-26 0", "EE 2020-01-26 0")
	md, _ = briefOf(t, ds, "2020-W04", nil)
	wantIn(t, "2020-W04", md, "BB came second with 5 cases.", " DD and EE had no cases yet.", "| CC | 3 |")
	shunIn(t, "2020-W04", md, "(0 cases)", "0 cases and", "more follow")

	// A ranking a reader can hold: the leader and the runner-up in
	// words, the rest in the chart and the table.
	ds = series(dataset.Indicator{ID: "x", Name: "Exports", Unit: "USD"},
		"AA 2024 90", "BB 2024 80", "CC 2024 70", "DD 2024 60", "EE 2024 50", "FF 2024 50", "GG 2024 40", "HH 2024 30", "II 2024 20")
	md, _ = briefOf(t, ds, "2025-W10", nil)
	wantIn(t, "2025-W10, nine ranked", md, "AA had the highest exports of the nine in 2024: $90.[^1] BB came second with $80.[^1]", "| II | $20 |")
	if !regexp.MustCompile(`(Figure 1 and Table 1 give the full ranking|The full ranking is in Figure 1 and Table 1|Figure 1 and Table 1 show the full ranking)\.`).MatchString(md) {
		t.Errorf("2025-W10, nine ranked does not send the reader to the figure and the table:\n%s", md)
	}
	shunIn(t, "2025-W10, nine ranked", md, "respectively", "CC (")
}

// N2: annual figures repeated in each month are said as such: no change
// on the month before, the year-on-year change once, labelled by year,
// and a record says how many of its months repeat annual figures.
func TestAnnualFiguresRepeatedMonthly(t *testing.T) {
	var rows []string
	for y, v := range map[int]string{1898: "18.90", 1899: "18.94", 1900: "18.96"} {
		for m := 1; m <= 12; m++ {
			rows = append(rows, fmt.Sprintf("XAU %d-%02d %s", y, m, v))
		}
	}
	for m := 1; m <= 3; m++ {
		rows = append(rows, fmt.Sprintf("XAU 1901-%02d %d", m, 19+m))
	}
	ds := series(dataset.Indicator{ID: "gold", Name: "Gold price", Unit: "USD per troy ounce", Decimals: 2}, rows...)
	md, _ := briefOf(t, ds, "1900-W05", nil)
	wantIn(t, "1900-W05", md,
		"The gold price stood at $18.96 per troy ounce in January 1900 (the data give one figure for the whole of 1900, repeated each month).[^1] That is a three-year high. It is up 0.1% on 1899 ($18.94).")
	shunIn(t, "1900-W05", md, "on December 1899", "on January 1899")

	md, _ = briefOf(t, ds, "1901-W09", nil) // February 1901 ends: a record
	wantIn(t, "1901-W09", md, "the highest since the series began in January 1898 (36 of the 38 months repeat the annual figures of 1898 to 1900)")
	md, _ = briefOf(t, ds, "1901-W05", nil) // January 1901 against the 1900 figure
	wantIn(t, "1901-W05", md, "up 5.5% on 1900 ($18.96).")
	shunIn(t, "1901-W05", md, "on January 1900", "whole of 1901")
}

// N9: an event known only by its year is a development of the weeks
// after its year begins; later it is context, not a development.
func TestCoarseEventBecomesContext(t *testing.T) {
	ds := series(dataset.Indicator{ID: "x", Name: "Exports", Unit: "USD"}, "AA 2024 1", "AA 2025 2")
	ds.Events = []dataset.Event{{Date: period.MustParse("2025"), Topic: "t", Title: "Meeting scheduled", Summary: "A meeting is scheduled in 2025.", Source: "Article"}}
	md, _ := briefOf(t, ds, "2025-W06", nil)
	// The summary says what happened; the headline is not said too.
	wantIn(t, "2025-W06", md, "### Developments in topic\n\n- **2025**: A meeting is scheduled in 2025.")
	shunIn(t, "2025-W06", md, "Meeting scheduled.")
	shunIn(t, "2025-W06", md, "### Background")
	for _, w := range []string{"2025-W30", "2026-W01"} {
		md, _ = briefOf(t, ds, w, nil)
		wantIn(t, w, md, "### Background on topic\n\n- **2025**: A meeting is scheduled in 2025.")
		shunIn(t, w, md, "### Developments")
	}
}
