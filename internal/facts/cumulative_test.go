package facts

import (
	"testing"
	"time"

	"github.com/briefhq/brief/internal/dataset"
	"github.com/briefhq/brief/internal/period"
)

// TestRunningTotalHasNoRecords: a running total rising every day is at
// its highest every day; that is no record. The same figures as a level
// do give one (with a year of them: a record needs a history).
func TestRunningTotalHasNoRecords(t *testing.T) {
	rows := days("2024-01-13", 390, nil, func(i int) float64 { return float64(1000 + 10*i) })
	ws, asOf := day("2025-02-03"), day("2025-02-09")
	for _, tc := range []struct {
		summary dataset.Summary
		want    bool
	}{{dataset.SummaryCumulative, false}, {dataset.SummaryLevel, true}} {
		s := Derive(build(tc.summary, "cases", rows), Options{AsOf: asOf, WeekStart: ws})
		has := false
		for _, f := range s.Facts {
			has = has || f.Kind == RecordHigh || f.Kind == RecordLow
		}
		if has != tc.want {
			t.Errorf("%s: record %v, want %v", tc.summary, has, tc.want)
		}
	}
}

// TestPartialWeekComparesTheSameDays: read on a Wednesday, a running
// total's increase over Monday to Wednesday is set against the increase
// over Monday to Wednesday of the week before, never against the whole
// week; a flow's sum likewise. The values are computed here from the
// rows.
func TestPartialWeekComparesTheSameDays(t *testing.T) {
	total := func(i int) float64 { return float64(1000 + i*i) }
	flow := func(i int) float64 { return float64(100 + i%5) }
	ws, asOf := day("2025-02-03"), day("2025-02-05") // Monday, Wednesday
	rows := days("2025-01-13", 28, nil, total)
	at := func(d string) float64 {
		for _, r := range rows {
			if r.p == d {
				return r.v
			}
		}
		t.Fatalf("no row %s", d)
		return 0
	}
	s := Derive(build(dataset.SummaryCumulative, "cases", rows), Options{AsOf: asOf, WeekStart: ws})
	f := find(t, s, "week_increase/x/A")
	// Sunday 2 February to Wednesday 5 February, against Sunday 26
	// January to Wednesday 29 January.
	want, against := at("2025-02-05")-at("2025-02-02"), at("2025-01-29")-at("2025-01-26")
	if f.Value != want || f.Against == nil || f.Against.Value != against || !f.Week.Partial || f.Week.Days != 3 ||
		f.Week.PrevCut == nil || f.Week.PrevCut.PeriodID != "2025-01-29" {
		t.Errorf("increase %g against %+v, week %+v; want %g against %g over 3 days", f.Value, f.Against, f.Week, want, against)
	}
	frows := days("2025-01-13", 28, nil, flow)
	s = Derive(build(dataset.SummaryFlow, "visitors", frows), Options{AsOf: asOf, WeekStart: ws})
	f = find(t, s, "week_sum/x/A")
	sumOf := func(from, to string) float64 {
		v := 0.0
		for _, r := range frows {
			if r.p >= from && r.p <= to {
				v += r.v
			}
		}
		return v
	}
	if want, against := sumOf("2025-02-03", "2025-02-05"), sumOf("2025-01-27", "2025-01-29"); f.Value != want || f.Against == nil ||
		f.Against.Value != against || f.Week.PrevN != 3 || !f.Week.Partial {
		t.Errorf("sum %g against %+v (prev n %d); want %g against %g", f.Value, f.Against, f.Week.PrevN, want, against)
	}
	// Read on Sunday, the week is whole and compared with the whole week.
	s = Derive(build(dataset.SummaryCumulative, "cases", rows), Options{AsOf: day("2025-02-09"), WeekStart: ws})
	f = find(t, s, "week_increase/x/A")
	if f.Week.Partial || f.Against == nil || f.Against.Value != at("2025-02-02")-at("2025-01-26") {
		t.Errorf("a whole week: partial %v against %+v", f.Week.Partial, f.Against)
	}
	// A business-daily series read on Saturday is whole: its weeks end
	// on Fridays.
	brows := days("2025-01-13", 28, weekend, total)
	s = Derive(build(dataset.SummaryCumulative, "cases", brows), Options{AsOf: day("2025-02-08"), WeekStart: ws})
	if f = find(t, s, "week_increase/x/A"); f.Week.Partial {
		t.Errorf("a business-daily week read on Saturday is partial: %+v", f.Week)
	}
}

// TestRunningTotalArtefacts: a total that does not move in the week has
// no new figure (the run it stands in is named) and the least salience;
// one that falls was revised and is not compared; neither is a week
// after a fall. The largest increase leads, whatever the percent.
func TestRunningTotalArtefacts(t *testing.T) {
	ws, asOf := day("2025-02-03"), day("2025-02-09")
	ds := &dataset.Dataset{
		Indicators: []dataset.Indicator{{ID: "x", Name: "X", Topic: "t", Unit: "cases", Summary: dataset.SummaryCumulative}},
		Entities:   []dataset.Entity{{ID: "BIG"}, {ID: "SMALL"}, {ID: "FLAT"}, {ID: "FELL"}, {ID: "AFTER"}},
		Topics:     []dataset.Topic{{ID: "t", Name: "T"}},
	}
	line := 2
	add := func(e string, f func(d time.Time, i int) float64) {
		for i := 0; i < 28; i++ {
			d := day("2025-01-13").AddDate(0, 0, i)
			ds.Observations = append(ds.Observations, dataset.Observation{Indicator: "x", Entity: e, Period: period.MustParse(d.Format("2006-01-02")),
				Value: f(d, i), Unit: "cases", Source: "src", Status: dataset.Actual, Pos: dataset.Pos{File: "obs.csv", Line: line}})
			line++
		}
	}
	add("BIG", func(_ time.Time, i int) float64 { return float64(100000 + 10000*i) })
	add("SMALL", func(_ time.Time, i int) float64 { return float64(10 + i*i) })
	add("FLAT", func(_ time.Time, i int) float64 { return float64(500 + 5*min(i, 18)) }) // stops on Friday 31 January
	add("FELL", func(d time.Time, i int) float64 {                                       // revised down on Thursday 6 February
		if d.Before(day("2025-02-06")) {
			return float64(5000 + 100*i)
		}
		return float64(3000 + 100*i)
	})
	add("AFTER", func(d time.Time, i int) float64 { // revised down on Tuesday 28 January
		if d.Before(day("2025-01-28")) {
			return float64(5000 + 100*i)
		}
		return float64(3000 + 100*i)
	})
	s := Derive(ds, Options{AsOf: asOf, WeekStart: ws})
	flat := find(t, s, "week_increase/x/FLAT")
	if !flat.Week.Flat || flat.Value != 0 || flat.Against != nil || flat.Week.Since == nil || flat.Week.Since.PeriodID != "2025-01-31" {
		t.Errorf("flat: %+v against %+v", flat.Week, flat.Against)
	}
	fell := find(t, s, "week_increase/x/FELL")
	if d := fell.Week.Drop; d == nil || d.From.PeriodID != "2025-02-05" || d.To.PeriodID != "2025-02-06" || d.From.Value-d.To.Value != 1900 ||
		fell.Against != nil || fell.Value != -1300 {
		t.Errorf("fell: %g, %+v against %+v", fell.Value, fell.Week, fell.Against)
	}
	after := find(t, s, "week_increase/x/AFTER")
	if d := after.Week.PrevDrop; d == nil || d.To.PeriodID != "2025-01-28" || after.Against != nil || after.Value != 700 {
		t.Errorf("after a fall: %g, %+v against %+v", after.Value, after.Week, after.Against)
	}
	big, small := find(t, s, "week_increase/x/BIG"), find(t, s, "week_increase/x/SMALL")
	if !(big.Against.Pct < small.Against.Pct) {
		t.Fatalf("generator: the small series should grow faster (%g%% against %g%%)", small.Against.Pct, big.Against.Pct)
	}
	if !(big.Salience > small.Salience && small.Salience > flat.Salience) {
		t.Errorf("salience: big %g, small %g, flat %g", big.Salience, small.Salience, flat.Salience)
	}
	if flat.Salience >= find(t, s, "latest/x/FLAT").Salience {
		t.Errorf("an unmoved total (%g) is more salient than its latest figure", flat.Salience)
	}
}

// TestNoRecordOverAShortHistory: a level at its highest after four days,
// or a monthly rate at its lowest after four months, is no record; after
// a year of figures it is.
func TestNoRecordOverAShortHistory(t *testing.T) {
	ws, asOf := day("2025-02-10"), day("2025-02-16")
	for _, tc := range []struct {
		start string
		n     int
		want  bool
	}{{"2025-02-10", 4, false}, {"2024-12-01", 75, false}, {"2024-02-01", 378, true}} {
		rows := days(tc.start, tc.n, nil, func(i int) float64 { return float64(100 + i) })
		s := Derive(build(dataset.SummaryLevel, "level", rows), Options{AsOf: asOf, WeekStart: ws})
		has := false
		for _, f := range s.Facts {
			has = has || f.Kind == RecordHigh
		}
		if has != tc.want {
			t.Errorf("%d days from %s: record %v, want %v", tc.n, tc.start, has, tc.want)
		}
	}
}
