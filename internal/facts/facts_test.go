package facts

import (
	"fmt"
	"math"
	"testing"
	"time"

	"github.com/briefhq/brief/internal/dataset"
	"github.com/briefhq/brief/internal/period"
)

func day(s string) time.Time { t, _ := time.Parse("2006-01-02", s); return t }

func ob(ind, ent, p string, v float64, rel string, line int) dataset.Observation {
	o := dataset.Observation{
		Indicator: ind, Entity: ent, Period: period.MustParse(p), Value: v, Unit: "USD",
		Source: "src", Status: dataset.Actual, Pos: dataset.Pos{File: "obs.csv", Line: line},
	}
	if rel != "" {
		o.Released = day(rel)
	}
	return o
}

func sample() *dataset.Dataset {
	return &dataset.Dataset{
		Observations: []dataset.Observation{
			ob("x", "A", "2024-Q1", 100, "2024-04-20", 2),
			ob("x", "A", "2024-Q2", 90, "2024-07-20", 3),
			ob("x", "A", "2024-Q3", 120, "2024-10-20", 4),
			ob("x", "A", "2025-Q1", 130, "2025-04-20", 5),
			ob("x", "A", "2025-Q2", 140, "2025-07-20", 6),
			ob("x", "B", "2025-Q2", 60, "2025-07-15", 7),
			ob("x", "C", "2025-Q2", 60, "2025-07-16", 8),
			ob("x", "A", "2025-Q3", 999, "2025-10-20", 9), // released after as-of
		},
		Indicators: []dataset.Indicator{{ID: "x", Name: "X", Topic: "t", Unit: "USD"}},
		Entities: []dataset.Entity{
			{ID: "A", Groups: []string{"g"}}, {ID: "B", Groups: []string{"g"}}, {ID: "C", Groups: []string{"g"}},
		},
		Topics:           []dataset.Topic{{ID: "t", Name: "T"}},
		HasEntityCatalog: true, HasIndicatorCatalog: true,
	}
}

func find(t *testing.T, s *Set, id string) Fact {
	t.Helper()
	for _, f := range s.Facts {
		if f.ID == id {
			return f
		}
	}
	var ids []string
	for _, f := range s.Facts {
		ids = append(ids, f.ID)
	}
	t.Fatalf("no fact %s; have %v", id, ids)
	return Fact{}
}

func TestDerive(t *testing.T) {
	s := Derive(sample(), Options{AsOf: day("2025-07-20"), WeekStart: day("2025-07-14")})

	latest := find(t, s, "latest/x/A")
	if latest.Value != 140 || latest.PeriodLabel != "Q2 2025" || !latest.New {
		t.Errorf("latest = %+v; want 140 in Q2 2025, new (the Q3 row is not released yet)", latest)
	}
	if latest.Sources[0].Line != 6 {
		t.Errorf("latest source line %d, want 6", latest.Sources[0].Line)
	}
	prev := find(t, s, "change_prev/x/A")
	if prev.Against.Label != "Q1 2025" || prev.Against.Abs != 10 || math.Abs(prev.Against.Pct-7.6923) > 1e-3 {
		t.Errorf("change on previous = %+v", prev.Against)
	}
	yoy := find(t, s, "change_year/x/A")
	if yoy.Against.Label != "Q2 2024" || yoy.Against.Abs != 50 || math.Abs(yoy.Against.Pct-55.5556) > 1e-3 {
		t.Errorf("change on a year earlier = %+v", yoy.Against)
	}
	if len(yoy.Sources) != 2 || yoy.Sources[1].Line != 3 {
		t.Errorf("a change cites both rows: %+v", yoy.Sources)
	}
	rec := find(t, s, "record_high/x/A")
	if rec.Since != 4 {
		t.Errorf("record beats %d earlier points, want 4", rec.Since)
	}
	for id, want := range map[string]int{"rank/x/A/in/g": 1, "rank/x/B/in/g": 2, "rank/x/C/in/g": 2} {
		if f := find(t, s, id); f.Rank != want || f.Of != 3 {
			t.Errorf("%s: rank %d of %d, want %d of 3 (ties share a rank)", id, f.Rank, f.Of, want)
		}
	}
	share := find(t, s, "share/x/A/in/g")
	if math.Abs(share.Value-53.846) > 1e-3 || share.Total != 260 {
		t.Errorf("share = %v of %v, want 53.846%% of 260", share.Value, share.Total)
	}
	counts := find(t, s, "status_count/t")
	if counts.Counts[dataset.Actual] != 3 {
		t.Errorf("status counts = %v", counts.Counts)
	}
}

func TestKnown(t *testing.T) {
	asOf := day("2025-02-09")
	tests := []struct {
		name string
		o    dataset.Observation
		want bool
	}{
		{"released before", dataset.Observation{Released: day("2025-02-03"), Period: period.MustParse("2024")}, true},
		{"released after", dataset.Observation{Released: day("2025-02-10"), Period: period.MustParse("2024")}, false},
		{"no release, period over", dataset.Observation{Period: period.MustParse("2024"), Status: dataset.Actual}, true},
		{"no release, period running", dataset.Observation{Period: period.MustParse("2025-02"), Status: dataset.Actual}, false},
		{"plan for the future", dataset.Observation{Period: period.MustParse("2030"), Status: dataset.Plan}, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := Known(&tc.o, asOf); got != tc.want {
				t.Errorf("Known = %v, want %v", got, tc.want)
			}
		})
	}
}

func TestPercentUnitsChangeInPoints(t *testing.T) {
	ds := sample()
	for i := range ds.Observations {
		ds.Observations[i].Unit = "%"
	}
	s := Derive(ds, Options{AsOf: day("2025-07-20"), WeekStart: day("2025-07-14")})
	c := find(t, s, "change_prev/x/A")
	if c.Against.HasPct {
		t.Errorf("a percent of a percent was computed: %+v", c.Against)
	}
	for _, f := range s.Facts {
		if f.Kind == Share {
			t.Errorf("shares of a percent indicator make no sense: %s", f.ID)
		}
	}
}

func TestDuplicatePeriodKeepsMostDefinitiveStatus(t *testing.T) {
	ds := sample()
	plan := ob("x", "A", "2025-Q2", 150, "2025-01-01", 20)
	plan.Status = dataset.Plan
	ds.Observations = append([]dataset.Observation{plan}, ds.Observations...)
	s := Derive(ds, Options{AsOf: day("2025-07-20"), WeekStart: day("2025-07-14")})
	if f := find(t, s, "latest/x/A"); f.Value != 140 || f.Status != dataset.Actual {
		t.Errorf("latest = %v (%s), want the actual 140 over the plan", f.Value, f.Status)
	}
}

func TestDeriveIsDeterministic(t *testing.T) {
	a := Derive(sample(), Options{AsOf: day("2025-07-20")})
	for i := 0; i < 20; i++ {
		b := Derive(sample(), Options{AsOf: day("2025-07-20")})
		for j := range a.Facts {
			if a.Facts[j].ID != b.Facts[j].ID {
				t.Fatalf("run %d: fact %d is %s, was %s", i, j, b.Facts[j].ID, a.Facts[j].ID)
			}
		}
	}
}

// TestSharesOnlyOfCompleteAdditiveGroups: a share of the group total is
// given only when every member of the group reports and the values add up
// (the catalog's additive wins over the unit).
func TestSharesOnlyOfCompleteAdditiveGroups(t *testing.T) {
	shares := func(ds *dataset.Dataset) int {
		n := 0
		for _, f := range Derive(ds, Options{AsOf: day("2025-07-20"), WeekStart: day("2025-07-14")}).Facts {
			if f.Kind == Share {
				n++
			}
		}
		return n
	}
	if n := shares(sample()); n != 3 {
		t.Errorf("complete group in USD: %d shares, want 3", n)
	}
	ds := sample()
	ds.Entities = append(ds.Entities, dataset.Entity{ID: "D", Groups: []string{"g"}})
	if n := shares(ds); n != 0 {
		t.Errorf("D reports nothing, yet %d shares of the group total were given", n)
	}
	ds = sample()
	no := false
	ds.Indicators[0].Additive = &no // an average wage in USD
	if n := shares(ds); n != 0 {
		t.Errorf("additive: false, yet %d shares were given", n)
	}
	ds = sample()
	for i := range ds.Observations {
		ds.Observations[i].Unit = "index"
	}
	yes := true
	ds.Indicators[0].Additive = &yes
	if n := shares(ds); n != 3 {
		t.Errorf("additive: true on an index unit: %d shares, want 3", n)
	}
}

// TestRecordGaps: a record over a series with years missing inside its
// span carries them (the first runs, all counted), so the sentence can say
// "which has no figures for 2007 to 2008"; when a third or more of the
// span is missing the record is marked Large; a series without gaps has
// none.
func TestRecordGaps(t *testing.T) {
	series := func(years ...int) *dataset.Dataset {
		ds := sample()
		ds.Observations = nil
		for i, y := range years {
			ds.Observations = append(ds.Observations, ob("x", "A", fmt.Sprint(y), float64(10+i), "", i+2))
		}
		return ds
	}
	opts := Options{AsOf: day("2025-07-20"), WeekStart: day("2025-07-14")}
	years := func(from, to int, skip ...int) []int {
		var out []int
	next:
		for y := from; y <= to; y++ {
			for _, s := range skip {
				if y == s {
					continue next
				}
			}
			out = append(out, y)
		}
		return out
	}

	rec := find(t, Derive(series(years(1961, 2023, 2007, 2008)...), opts), "record_high/x/A")
	g := rec.Gaps
	if g == nil || len(g.Runs) != 1 || g.Runs[0].FromLabel != "2007" || g.Runs[0].ToLabel != "2008" || g.Runs[0].N != 2 {
		t.Fatalf("gaps = %+v, want one run, 2007 to 2008", g)
	}
	if g.N != 2 || g.NRuns != 1 || g.Span != 63 || g.Large || rec.Since != 60 {
		t.Errorf("gaps = %+v (since %d), want 2 of 63 years missing, not large, 60 earlier figures", g, rec.Since)
	}

	// Four runs: three listed, all counted.
	rec = find(t, Derive(series(years(1990, 2023, 1992, 1995, 1996, 2001, 2010)...), opts), "record_high/x/A")
	if g := rec.Gaps; g == nil || len(g.Runs) != MaxGapRuns || g.NRuns != 4 || g.N != 5 || g.Runs[1].FromLabel != "1995" || g.Runs[1].ToLabel != "1996" {
		t.Errorf("gaps = %+v, want 4 runs (3 listed), 5 years", g)
	}

	// Most of the span missing: Large.
	rec = find(t, Derive(series(1960, 1970, 1980, 2022, 2023), opts), "record_high/x/A")
	if g := rec.Gaps; g == nil || !g.Large || g.N != 59 || g.Span != 64 {
		t.Errorf("gaps = %+v, want large: 59 of 64 years missing", g)
	}

	// No gap: nothing to say.
	rec = find(t, Derive(series(years(2000, 2023)...), opts), "record_high/x/A")
	if rec.Gaps != nil {
		t.Errorf("gaps on a complete series: %+v", rec.Gaps)
	}

	// Quarterly: the sample misses Q4 2024.
	rec = find(t, Derive(sample(), opts), "record_high/x/A")
	if g := rec.Gaps; g == nil || g.N != 1 || g.Runs[0].FromLabel != "Q4 2024" || g.Span != 6 {
		t.Errorf("quarterly gaps = %+v, want Q4 2024 of 6 quarters", g)
	}
}

// TestNominal: every fact of a money series at current prices says so
// (latest, change, record, rank, total), from the catalog's prices key or
// from words saying current prices; a series that says neither does not.
func TestNominal(t *testing.T) {
	opts := Options{AsOf: day("2025-07-20"), WeekStart: day("2025-07-14")}
	kinds := func(s *Set) map[Kind]bool {
		out := map[Kind]bool{}
		for _, f := range s.Facts {
			if f.Indicator == "x" {
				out[f.Kind] = out[f.Kind] || f.Nominal
				if !f.Nominal {
					out[f.Kind+"/not"] = true
				}
			}
		}
		return out
	}
	ds := sample()
	ds.Indicators[0].Prices = dataset.PricesCurrent
	k := kinds(Derive(ds, opts))
	for _, want := range []Kind{Latest, ChangePrev, ChangeYear, RecordHigh, Rank, Share, Total} {
		if !k[want] || k[want+"/not"] {
			t.Errorf("prices: current: %s facts not all nominal (%v)", want, k)
		}
	}
	ds = sample()
	ds.Indicators[0].Name = "GDP in current US dollars"
	if k := kinds(Derive(ds, opts)); !k[Latest] || k[Latest+"/not"] {
		t.Errorf("words saying current dollars: latest not nominal")
	}
	if k := kinds(Derive(sample(), opts)); k[Latest] {
		t.Errorf("plain USD said to be nominal")
	}
}
