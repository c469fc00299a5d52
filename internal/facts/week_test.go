package facts

import (
	"encoding/csv"
	"math"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/briefhq/brief/internal/dataset"
	"github.com/briefhq/brief/internal/period"
)

// row is a generated figure: its period as written, value, release date
// ("" for none) and status ("" for actual).
type row struct {
	p      string
	v      float64
	rel    string
	status dataset.Status
}

// build makes a one-indicator dataset of entity A from rows, with the
// indicator's summary; lines are 2, 3, ... in row order.
func build(summary dataset.Summary, unit string, rows []row) *dataset.Dataset {
	ds := &dataset.Dataset{
		Indicators: []dataset.Indicator{{ID: "x", Name: "X", Topic: "t", Unit: unit, Summary: summary}},
		Entities:   []dataset.Entity{{ID: "A"}},
		Topics:     []dataset.Topic{{ID: "t", Name: "T"}},
	}
	for i, r := range rows {
		o := dataset.Observation{Indicator: "x", Entity: "A", Period: period.MustParse(r.p), Value: r.v, Unit: unit,
			Source: "src", Status: dataset.Actual, Pos: dataset.Pos{File: "obs.csv", Line: i + 2}}
		if r.status != "" {
			o.Status = r.status
		}
		if r.rel != "" {
			o.Released = day(r.rel)
		}
		ds.Observations = append(ds.Observations, o)
	}
	return ds
}

// days generates a daily series from start for n days, skipping the days
// skip says, with value f(i) on the i-th day from start.
func days(start string, n int, skip func(time.Time) bool, f func(i int) float64) []row {
	var out []row
	d := day(start)
	for i := 0; i < n; i++ {
		t := d.AddDate(0, 0, i)
		if skip != nil && skip(t) {
			continue
		}
		out = append(out, row{p: t.Format("2006-01-02"), v: f(i)})
	}
	return out
}

func weekend(t time.Time) bool { return t.Weekday() == time.Saturday || t.Weekday() == time.Sunday }

// expectWeek is what a plain reading of the rows says of the week from
// ws (a Monday) to asOf: the rows of the week and of the week before.
func expectWeek(rows []row, ws, asOf time.Time) (this, prev, before []row) {
	for _, r := range rows {
		t := period.MustParse(r.p).Start
		switch {
		case !t.Before(ws) && !t.After(asOf):
			this = append(this, r)
		case !t.Before(ws.AddDate(0, 0, -7)) && t.Before(ws):
			prev = append(prev, r)
		case !t.Before(ws.AddDate(0, 0, -14)) && t.Before(ws.AddDate(0, 0, -7)):
			before = append(before, r)
		}
	}
	return
}

func lineOf(rows []row, r row) int {
	for i := range rows {
		if rows[i].p == r.p {
			return i + 2
		}
	}
	return -1
}

func lines(srcs []Source) []int {
	var out []int
	for _, s := range srcs {
		out = append(out, s.Line)
	}
	return out
}

func sameInts(a []int, b ...int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// TestWeekFacts: on daily (with gaps), business-daily and weekly series,
// a level reads as the week's close against last week's close and the
// week's high and low; a flow as the week's sum against last week's; a
// cumulative count as the week's increase against last week's. Every
// expected value is computed here from the rows with plain loops.
func TestWeekFacts(t *testing.T) {
	ws := day("2025-02-03") // Monday of 2025-W06
	gaps := func(t time.Time) bool { return t.Day()%5 == 0 || t.Weekday() == time.Wednesday }
	wave := func(i int) float64 { return 100 + float64((i*37)%23) - float64(i%4) }
	total := func(i int) float64 { return float64(1000 + i*i*3) }
	weekly := []row{{"2025-W04", 10, "", ""}, {"2025-W05", 12.5, "", ""}, {"2025-W06", 11, "", ""}}
	for _, tc := range []struct {
		name    string
		summary dataset.Summary
		rows    []row
		asOf    string
	}{
		{"daily level with gaps", dataset.SummaryLevel, days("2025-01-13", 28, gaps, wave), "2025-02-09"},
		{"business-daily level", dataset.SummaryLevel, days("2025-01-13", 28, weekend, wave), "2025-02-09"},
		{"business-daily, as of Wednesday", dataset.SummaryLevel, days("2025-01-13", 28, weekend, wave), "2025-02-05"},
		{"daily flow", dataset.SummaryFlow, days("2025-01-13", 28, gaps, wave), "2025-02-09"},
		{"daily cumulative", dataset.SummaryCumulative, days("2025-01-13", 28, nil, total), "2025-02-09"},
		{"business-daily cumulative", dataset.SummaryCumulative, days("2025-01-13", 28, weekend, total), "2025-02-09"},
		{"weekly level", dataset.SummaryLevel, weekly, "2025-02-09"},
		{"weekly flow", dataset.SummaryFlow, weekly, "2025-02-09"},
		{"weekly cumulative", dataset.SummaryCumulative, weekly, "2025-02-09"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			asOf := day(tc.asOf)
			s := Derive(build(tc.summary, "USD", tc.rows), Options{AsOf: asOf, WeekStart: ws})
			this, prev, before := expectWeek(tc.rows, ws, asOf)
			if len(this) == 0 {
				t.Fatal("generator: no rows in the week")
			}
			byKind := map[Kind]Fact{}
			for _, f := range s.Facts {
				byKind[f.Kind] = f
			}
			daily := period.MustParse(tc.rows[0].p).Kind == period.Day
			if _, has := byKind[ChangePrev]; has == daily {
				t.Errorf("change_prev present %v on a daily=%v series: a daily series is told by its week", has, daily)
			}
			last := this[len(this)-1]
			switch tc.summary {
			case dataset.SummaryLevel:
				f, ok := byKind[WeekClose]
				if !ok {
					t.Fatal("no week_close")
				}
				pc := prev[len(prev)-1]
				if f.Value != last.v || f.PeriodID != last.p || f.Against == nil || f.Against.Value != pc.v ||
					f.Against.Label != period.MustParse(pc.p).Label() || f.Against.Abs != last.v-pc.v {
					t.Errorf("close %g on %s against %+v; want %g on %s against %g on %s", f.Value, f.PeriodID, f.Against, last.v, last.p, pc.v, pc.p)
				}
				if !sameInts(lines(f.Sources), lineOf(tc.rows, last), lineOf(tc.rows, pc)) {
					t.Errorf("close cites %v", lines(f.Sources))
				}
				r, ok := byKind[WeekRange]
				if len(this) < 2 {
					if ok {
						t.Errorf("a range of one figure: %+v", r.Week)
					}
					return
				}
				hi, lo := this[0], this[0]
				for _, x := range this {
					if x.v > hi.v {
						hi = x
					}
					if x.v < lo.v {
						lo = x
					}
				}
				if !ok || r.Week.High.Value != hi.v || r.Week.High.PeriodID != hi.p || r.Week.Low.Value != lo.v || r.Week.Low.PeriodID != lo.p || r.Week.N != len(this) {
					t.Errorf("range %+v; want high %g on %s, low %g on %s, %d figures", r.Week, hi.v, hi.p, lo.v, lo.p, len(this))
				}
				if len(r.Sources) != len(this) {
					t.Errorf("range cites %d rows, want the week's %d", len(r.Sources), len(this))
				}
			case dataset.SummaryFlow:
				f, ok := byKind[WeekSum]
				sumThis, sumPrev := 0.0, 0.0
				for _, x := range this {
					sumThis += x.v
				}
				for _, x := range prev {
					sumPrev += x.v
				}
				if !ok || f.Value != sumThis || f.Against == nil || f.Against.Value != sumPrev || f.Week.N != len(this) || f.Week.PrevN != len(prev) {
					t.Fatalf("sum %+v against %+v; want %g against %g", f, f.Against, sumThis, sumPrev)
				}
				if f.Against.Label != "week 5 of 2025" || len(f.Sources) != len(this)+len(prev) {
					t.Errorf("against %q, %d sources", f.Against.Label, len(f.Sources))
				}
			case dataset.SummaryCumulative:
				f, ok := byKind[WeekIncrease]
				pc, bc := prev[len(prev)-1], before[len(before)-1]
				if !ok || f.Value != last.v-pc.v {
					t.Fatalf("increase %+v; want %g", f.Value, last.v-pc.v)
				}
				if last.v < pc.v {
					// The total fell (a revision): the week is not
					// compared, and the fall is said.
					if f.Against != nil || f.Week.Drop == nil || f.Week.Drop.From.Value != pc.v || f.Week.Drop.To.Value != last.v {
						t.Errorf("a falling total: against %+v, drop %+v", f.Against, f.Week.Drop)
					}
					return
				}
				if f.Against == nil || f.Against.Value != pc.v-bc.v {
					t.Fatalf("increase %+v against %+v; want %g against %g", f.Value, f.Against, last.v-pc.v, pc.v-bc.v)
				}
				if !sameInts(lines(f.Sources), lineOf(tc.rows, last), lineOf(tc.rows, pc), lineOf(tc.rows, bc)) {
					t.Errorf("increase cites %v", lines(f.Sources))
				}
			}
		})
	}
}

// TestSlowerSeries: monthly (dated on the 1st, read through the loader),
// quarterly and annual series keep the change on the previous period and
// on a year earlier, and get no week facts.
func TestSlowerSeries(t *testing.T) {
	for _, tc := range []struct {
		name       string
		rows       []row
		asOf       string
		prev, year string // labels of the periods compared with
	}{
		{"monthly", []row{{"2025-04", 1, "", ""}, {"2026-03", 2, "", ""}, {"2026-04", 3, "", ""}}, "2026-05-06", "March 2026", "April 2025"},
		{"quarterly", []row{{"2024-Q4", 1, "", ""}, {"2025-Q3", 2, "", ""}, {"2025-Q4", 4, "", ""}}, "2026-01-07", "Q3 2025", "Q4 2024"},
		{"annual", []row{{"2023", 5, "", ""}, {"2024", 4, "", ""}}, "2025-01-01", "2023", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			asOf := day(tc.asOf)
			s := Derive(build(dataset.SummaryLevel, "USD", tc.rows), Options{AsOf: asOf, WeekStart: asOf.AddDate(0, 0, -int(asOf.Weekday()+6)%7)})
			kinds := map[Kind]Fact{}
			for _, f := range s.Facts {
				kinds[f.Kind] = f
			}
			if f := kinds[ChangePrev]; f.Against == nil || f.Against.Label != tc.prev {
				t.Errorf("change_prev %+v, want against %s", f.Against, tc.prev)
			}
			if f, ok := kinds[ChangeYear]; tc.year != "" && (!ok || f.Against.Label != tc.year) || tc.year == "" && ok {
				t.Errorf("change_year %+v, want against %q", f.Against, tc.year)
			}
			for _, k := range []Kind{WeekClose, WeekRange, WeekSum, WeekIncrease} {
				if _, ok := kinds[k]; ok {
					t.Errorf("a %s series has %s", tc.name, k)
				}
			}
		})
	}
}

// TestMonthsOnTheFirst: a monthly series dated on the first business day
// (read as months by the loader) compares May with April, not 4 May with
// 1 April, and its May figure is this week's in the week May ends.
func TestMonthsOnTheFirst(t *testing.T) {
	csv := "indicator,entity,period,value,unit,source,source_url\n" +
		"r,EA,2026-02-02,2.0,%,S,https://s.example\nr,EA,2026-03-02,2.1,%,S,https://s.example\n" +
		"r,EA,2026-04-01,2.075,%,S,https://s.example\nr,EA,2026-05-04,2.2,%,S,https://s.example\n"
	path := t.TempDir() + "/o.csv"
	if err := os.WriteFile(path, []byte(csv), 0o644); err != nil {
		t.Fatal(err)
	}
	ds, _, err := dataset.Load(path, dataset.Options{})
	if err != nil {
		t.Fatal(err)
	}
	s := Derive(ds, Options{AsOf: day("2026-05-31"), WeekStart: day("2026-05-25")})
	f := find(t, s, "change_prev/r/EA")
	if f.PeriodLabel != "May 2026" || f.Against.Label != "April 2026" || !f.New || math.Abs(f.Against.Abs-0.125) > 1e-12 {
		t.Errorf("change %s against %s (%+v), new %v; want May 2026 against April 2026, new", f.PeriodLabel, f.Against.Label, f.Against, f.New)
	}
	mid := Derive(ds, Options{AsOf: day("2026-05-17"), WeekStart: day("2026-05-11")})
	if l := find(t, mid, "latest/r/EA"); l.PeriodLabel != "April 2026" || l.New {
		t.Errorf("mid-May the latest is %s (new %v): May's figure is known once May ends", l.PeriodLabel, l.New)
	}
}

// TestNewAndRevisions: with release dates, New follows them; without,
// a figure whose period ends in the week is new; a plan without a
// release date never is; of two rows for one day, the actual one wins
// over an estimate (a revision), in the latest value and the week close.
func TestNewAndRevisions(t *testing.T) {
	ws, asOf := day("2025-02-03"), day("2025-02-09")
	for _, tc := range []struct {
		name string
		rows []row
		new  bool
		val  float64
	}{
		{"released in the week", []row{{"2024", 1, "2025-02-04", ""}}, true, 1},
		{"released before the week", []row{{"2024", 1, "2025-01-31", ""}}, false, 1},
		{"no release, year ended before", []row{{"2024", 1, "", ""}}, false, 1},
		{"no release, month ends in week", []row{{"2025-01", 1, "", ""}, {"2025-02-05", 2, "", ""}}, true, 2},
		{"no release, day in week", []row{{"2025-02-05", 7, "", ""}}, true, 7},
		{"revised day", []row{{"2025-02-05", 7, "", dataset.Estimate}, {"2025-02-05", 8, "", dataset.Actual}}, true, 8},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := Derive(build(dataset.SummaryLevel, "USD", tc.rows), Options{AsOf: asOf, WeekStart: ws})
			l := find(t, s, "latest/x/A")
			if l.New != tc.new || l.Value != tc.val {
				t.Errorf("latest %g new %v, want %g new %v", l.Value, l.New, tc.val, tc.new)
			}
		})
	}
	plan := build(dataset.SummaryLevel, "USD", []row{{"2025-02-05", 1, "", ""}, {"2025-02-07", 2, "", dataset.Plan}})
	s := Derive(plan, Options{AsOf: asOf, WeekStart: ws})
	if o := find(t, s, "outlook/x/A"); o.New {
		t.Errorf("a plan without a release date is news: %+v", o)
	}
}

// TestStale: a series' latest figure is old, by granularity, after 14
// days (daily), 3 weeks (weekly), 3 months (monthly), 6 months
// (quarterly), 18 months (annual) from the end of its period; an
// indicator (a topic) whose every series is stale says so with its
// latest period.
func TestStale(t *testing.T) {
	for _, tc := range []struct {
		p            string
		fresh, stale string // the last as-of day it is current, the first it is stale
	}{
		{"2025-02-03", "2025-02-17", "2025-02-18"},
		{"2025-W05", "2025-02-23", "2025-02-24"},
		{"2024-11", "2025-02-28", "2025-03-01"},
		{"2024-Q4", "2025-06-30", "2025-07-01"},
		{"2020", "2022-06-30", "2022-07-01"},
	} {
		for _, c := range []struct {
			asOf  string
			stale bool
		}{{tc.fresh, false}, {tc.stale, true}} {
			ds := build(dataset.SummaryLevel, "USD", []row{{tc.p, 1, "", ""}})
			s := Derive(ds, Options{AsOf: day(c.asOf), WeekStart: day(c.asOf).AddDate(0, 0, -6)})
			l := find(t, s, "latest/x/A")
			if l.Stale != c.stale {
				t.Errorf("%s as of %s: stale %v, want %v", tc.p, c.asOf, l.Stale, c.stale)
			}
			var ind, top *Fact
			for i := range s.Facts {
				switch s.Facts[i].Kind {
				case IndicatorStale:
					ind = &s.Facts[i]
				case TopicStale:
					top = &s.Facts[i]
				}
			}
			if (ind != nil) != c.stale || (top != nil) != c.stale {
				t.Errorf("%s as of %s: indicator_stale %v topic_stale %v", tc.p, c.asOf, ind != nil, top != nil)
			}
			if ind != nil && (ind.PeriodID != tc.p || ind.ID != "indicator_stale/x" || top.ID != "topic_stale/t" || len(ind.Sources) != 1) {
				t.Errorf("stale facts %+v %+v", ind, top)
			}
		}
	}
	// One current series keeps the indicator current.
	ds := build(dataset.SummaryLevel, "USD", []row{{"2020", 1, "", ""}})
	o := ds.Observations[0]
	o.Entity, o.Period, o.Pos.Line = "B", period.MustParse("2024"), 3
	ds.Observations = append(ds.Observations, o)
	ds.Entities = append(ds.Entities, dataset.Entity{ID: "B"})
	for _, f := range Derive(ds, Options{AsOf: day("2025-03-01"), WeekStart: day("2025-02-24")}).Facts {
		if f.Kind == IndicatorStale || f.Kind == TopicStale {
			t.Errorf("%s although B has 2024", f.ID)
		}
	}
}

// TestStaleLatestPeriodEndsLast: of series of several granularities, the
// latest available period of a stale indicator or topic is the one that
// ends last, not the one that starts last (seed 168 of the oracle, week
// 2019-W09): week 4 of 2019 runs to Sunday 27 January, after the day 26
// January, which starts later; a period that ends on the same day as
// another and starts later (December against the year) is the latest.
func TestStaleLatestPeriodEndsLast(t *testing.T) {
	for _, tc := range []struct {
		name       string
		a, b, c    string // the latest periods of three series: one indicator (a, b), another of the topic (c)
		ind, topic string
	}{
		{"a week ends after a day that starts later", "2019-W04", "2019-01-26", "2019-01-25", "2019-W04", "2019-W04"},
		{"the day is given after the week", "2019-01-26", "2019-W04", "2019-01-25", "2019-W04", "2019-W04"},
		{"the later end wins across indicators", "2019-01-24", "2019-01-20", "2019-W04", "2019-01-24", "2019-W04"},
		{"same end: the later start", "2018", "2018-12", "2018-Q4", "2018-12", "2018-12"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			mk := func(ind, ent, p string, line int) dataset.Observation {
				return dataset.Observation{Indicator: ind, Entity: ent, Period: period.MustParse(p), Value: 1, Unit: "USD",
					Source: "src", Status: dataset.Actual, Pos: dataset.Pos{File: "obs.csv", Line: line}}
			}
			ds := &dataset.Dataset{
				Indicators: []dataset.Indicator{{ID: "x", Name: "X", Topic: "t", Unit: "USD"}, {ID: "y", Name: "Y", Topic: "t", Unit: "USD"}},
				Entities:   []dataset.Entity{{ID: "A"}, {ID: "B"}},
				Topics:     []dataset.Topic{{ID: "t", Name: "T"}},
				Observations: []dataset.Observation{
					mk("x", "A", tc.a, 2), mk("x", "B", tc.b, 3), mk("y", "A", tc.c, 4),
				},
			}
			s := Derive(ds, Options{AsOf: day("2021-03-03"), WeekStart: day("2021-02-25")})
			ind, top := find(t, s, "indicator_stale/x"), find(t, s, "topic_stale/t")
			if ind.PeriodID != tc.ind || top.PeriodID != tc.topic {
				t.Errorf("latest available: indicator %s, topic %s; want %s, %s", ind.PeriodID, top.PeriodID, tc.ind, tc.topic)
			}
			want := map[string]int{tc.a: 2, tc.b: 3, tc.c: 4} // the line of each period
			if len(ind.Sources) != 1 || ind.Sources[0].Line != want[tc.ind] || len(top.Sources) != 1 || top.Sources[0].Line != want[tc.topic] {
				t.Errorf("sources: indicator %+v, topic %+v", ind.Sources, top.Sources)
			}
		})
	}
}

// TestAsOfHidesTheFuture: the set's dataset is the one known as of the
// day: no row released, no event dated, after it.
func TestAsOfHidesTheFuture(t *testing.T) {
	ds := sample()
	ds.Events = []dataset.Event{{Date: period.MustParse("2025-07-20"), Title: "on the day"}, {Date: period.MustParse("2025-07-21"), Title: "after"}}
	s := Derive(ds, Options{AsOf: day("2025-07-20"), WeekStart: day("2025-07-14")})
	v := s.Dataset()
	if len(v.Events) != 1 || v.Events[0].Title != "on the day" {
		t.Errorf("events as of 20 July: %+v", v.Events)
	}
	for _, o := range v.Observations {
		if o.Value == 999 {
			t.Errorf("the row released on 20 October is in the view")
		}
	}
	if len(ds.Events) != 2 || len(ds.Observations) != 8 {
		t.Errorf("Derive changed the dataset")
	}
}

// readCSV reads a file of ../shared/data for the real-data tests,
// skipping the test when ../shared is absent.
func readCSV(t *testing.T, path string) [][]string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Skip("../shared/data is not beside the repository (a plain clone): the real files are read in place from there")
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	return recs
}

func loadMapping(t *testing.T, dir string) *dataset.Dataset {
	t.Helper()
	ds, diags, err := dataset.Load(dir, dataset.Options{})
	if err != nil {
		var msgs []string
		for _, d := range diags {
			msgs = append(msgs, d.String())
		}
		t.Fatalf("%v\n%s", err, strings.Join(msgs, "\n"))
	}
	return ds
}

// TestRealCovid: the pivoted covid file read through
// testdata/mapping/covid (a column per country, melted): for several
// weeks, each country's week increase and the week before's, computed
// here from the raw columns.
func TestRealCovid(t *testing.T) {
	t.Chdir("../..")
	recs := readCSV(t, "../shared/data/covid/key-countries-pivoted.csv")
	ds := loadMapping(t, "testdata/mapping/covid")
	ids := map[string]string{"China": "CHN", "US": "USA", "United_Kingdom": "GBR", "Italy": "ITA", "France": "FRA", "Germany": "DEU", "Spain": "ESP", "Iran": "IRN"}
	if len(ds.Observations) != (len(recs)-1)*8 {
		t.Fatalf("%d rows, want %d", len(ds.Observations), (len(recs)-1)*8)
	}
	// totalAt is the running total of column c on the last date before
	// or on d, from the raw file.
	totalAt := func(c int, d time.Time) (float64, bool) {
		v, ok := 0.0, false
		for _, r := range recs[1:] {
			if day(r[0]).After(d) {
				break
			}
			v, _ = strconv.ParseFloat(r[c], 64)
			ok = true
		}
		return v, ok
	}
	// fell reports whether column c ever falls from day a to day b (a
	// revision); flat whether it never moves.
	moves := func(c int, a, b time.Time) (fell, flat bool) {
		flat = true
		prev, _ := totalAt(c, a)
		for d := a.AddDate(0, 0, 1); !d.After(b); d = d.AddDate(0, 0, 1) {
			v, _ := totalAt(c, d)
			fell = fell || v < prev
			flat = flat && v == prev
			prev = v
		}
		return fell, flat
	}
	lastDay := day(recs[len(recs)-1][0])
	for _, w := range []string{"2020-W10", "2020-W14", "2020-W15", "2020-W40", "2021-W10", "2021-W26", "2022-W15"} {
		wk := period.MustParse(w)
		s := Derive(ds, Options{AsOf: wk.End, WeekStart: wk.Start})
		// The data end on Saturday 16 April 2022: that week is compared
		// over its days (Monday to Saturday) with the same days before.
		end := wk.End
		if lastDay.Before(end) {
			end = lastDay
		}
		prevEnd := wk.Start.AddDate(0, 0, -1)
		cut := end.AddDate(0, 0, -7)
		for c, name := range recs[0][1:] {
			c++
			last, _ := totalAt(c, end)
			prev, _ := totalAt(c, prevEnd)
			atCut, _ := totalAt(c, cut)
			before, _ := totalAt(c, wk.Start.AddDate(0, 0, -8))
			f := find(t, s, "week_increase/confirmed/"+ids[name])
			if f.Value != last-prev || !f.New || f.Week.Partial != end.Before(wk.End) {
				t.Errorf("%s %s: increase %g (partial %v); want %g", w, name, f.Value, f.Week.Partial, last-prev)
			}
			fell, flat := moves(c, prevEnd, end)
			pfell, pflat := moves(c, wk.Start.AddDate(0, 0, -8), cut)
			switch {
			case fell || flat || pfell || pflat:
				if f.Against != nil || (f.Week.Drop != nil) != fell || f.Week.Flat != flat ||
					!fell && !flat && ((f.Week.PrevDrop != nil) != pfell || f.Week.PrevFlat != (pflat && !pfell)) {
					t.Errorf("%s %s: fell %v flat %v, the week before fell %v flat %v; got against %+v, week %+v", w, name, fell, flat, pfell, pflat, f.Against, f.Week)
				}
			case f.Against == nil || f.Against.Value != atCut-before:
				t.Errorf("%s %s: increase %g against %+v; want against %g", w, name, f.Value, f.Against, atCut-before)
			}
		}
	}
}

// TestRealEuribor: the Euribor files through testdata/mapping/euribor:
// dates on the first business day are months (inferred for 1w and 3m,
// declared for 12m); May 2026 is compared with April 2026 and May 2025,
// the values taken here from the raw files.
func TestRealEuribor(t *testing.T) {
	t.Chdir("../..")
	raw := map[string][][]string{}
	for id, f := range map[string]string{"euribor_1w": "euribor-1w-weekly.csv", "euribor_3m": "euribor-3m-monthly.csv", "euribor_12m": "euribor-12m-monthly.csv"} {
		raw[id] = readCSV(t, "../shared/data/euribor/"+f)
	}
	ds := loadMapping(t, "testdata/mapping/euribor")
	s := Derive(ds, Options{AsOf: day("2026-05-31"), WeekStart: day("2026-05-25")})
	for id, recs := range raw {
		byMonth := map[string]float64{}
		for _, r := range recs[1:] {
			if r[1] == "" {
				continue
			}
			v, _ := strconv.ParseFloat(r[1], 64)
			byMonth[r[0][:7]] = v
		}
		f := find(t, s, "change_prev/"+id+"/EA")
		y := find(t, s, "change_year/"+id+"/EA")
		if f.PeriodLabel != "May 2026" || f.Value != byMonth["2026-05"] || f.Against.Label != "April 2026" || f.Against.Value != byMonth["2026-04"] ||
			y.Against.Label != "May 2025" || y.Against.Value != byMonth["2025-05"] {
			t.Errorf("%s: %s %g against %s %g and %s %g; raw May %g, April %g, May 2025 %g", id, f.PeriodLabel, f.Value, f.Against.Label, f.Against.Value,
				y.Against.Label, y.Against.Value, byMonth["2026-05"], byMonth["2026-04"], byMonth["2025-05"])
		}
		if !f.New {
			t.Errorf("%s: May's figure is this week's (May ends in the week)", id)
		}
	}
}

// TestRealGold: the monthly gold price (YYYY-MM) through
// testdata/mapping/gold: the latest month against the month before and
// the year before, and a record when the raw file has one, for several
// months.
func TestRealGold(t *testing.T) {
	t.Chdir("../..")
	recs := readCSV(t, "../shared/data/gold/monthly.csv")
	ds := loadMapping(t, "testdata/mapping/gold")
	price := map[string]float64{}
	for _, r := range recs[1:] {
		price[r[0]], _ = strconv.ParseFloat(r[1], 64)
	}
	for _, m := range []string{"2008-10", "2020-08", "2026-06"} {
		p := period.MustParse(m)
		s := Derive(ds, Options{AsOf: p.End, WeekStart: p.End.AddDate(0, 0, -6)})
		f := find(t, s, "change_prev/gold_price/XAU")
		pm, ym := p.Prev().String(), p.YearAgo().String()
		if f.Value != price[m] || f.Against.Value != price[pm] || find(t, s, "change_year/gold_price/XAU").Against.Value != price[ym] {
			t.Errorf("%s: %g against %g; raw %g, %g (%s), %g (%s)", m, f.Value, f.Against.Value, price[m], price[pm], pm, price[ym], ym)
		}
		high := true
		for k, v := range price {
			if k < m && v >= price[m] {
				high = false
			}
		}
		_, has := func() (Fact, bool) {
			for _, f := range s.Facts {
				if f.Kind == RecordHigh {
					return f, true
				}
			}
			return Fact{}, false
		}()
		if has != high {
			t.Errorf("%s: record high %v, raw says %v", m, has, high)
		}
	}
}

// TestPlansAloneMakeNoWeekChangeOrRecord: a series known only by plans
// and targets has its latest plan as its latest value and nothing else:
// no week (oracle seed 1 as of Tuesday 2022-02-22: "closed the week at
// $404.76 on Sunday 27 February" from a plan for that Sunday), no change
// on the previous plan and no record among plans.
func TestPlansAloneMakeNoWeekChangeOrRecord(t *testing.T) {
	for _, tc := range []struct {
		name    string
		summary dataset.Summary
		rows    []row
		asOf    string
		latest  string
	}{
		{"daily plans in the week", dataset.SummaryLevel, []row{
			{"2022-02-20", 400, "2022-02-01", dataset.Plan}, {"2022-02-25", 402, "2022-02-01", dataset.Plan},
			{"2022-02-27", 404.76, "2022-02-01", dataset.Plan},
		}, "2022-02-22", "2022-02-27"},
		{"daily targets of a flow", dataset.SummaryFlow, []row{
			{"2022-02-14", 1, "", dataset.Target}, {"2022-02-21", 2, "", dataset.Target}, {"2022-02-22", 3, "", dataset.Target},
		}, "2022-02-22", "2022-02-22"},
		{"rising annual plans", dataset.SummaryLevel, []row{
			{"2023", 1, "", dataset.Plan}, {"2024", 2, "", dataset.Plan}, {"2025", 3, "", dataset.Plan}, {"2026", 4, "", dataset.Target},
		}, "2022-02-22", "2026"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ds := build(tc.summary, "USD", tc.rows)
			s := Derive(ds, Options{AsOf: day(tc.asOf), WeekStart: day("2022-02-21")})
			var kinds []string
			for _, f := range s.Facts {
				kinds = append(kinds, string(f.Kind)+" "+f.PeriodID)
			}
			if want := "latest " + tc.latest + " status_count "; strings.Join(kinds, " ") != want {
				t.Errorf("facts %q, want %q", strings.Join(kinds, " "), want)
			}
		})
	}
}
