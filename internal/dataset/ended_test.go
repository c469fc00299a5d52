package dataset

import (
	"strings"
	"testing"
	"testing/fstest"
	"time"
)

// A running total that drops to zero and stays there is a series the
// source stopped counting (recoveries in the Johns Hopkins worldwide
// file from 5 August 2021): its zero rows are left out with a warning,
// so no brief says "0 people recovered" or reports a revision of the
// whole total. A single zero at the end, or zeros of a level, stay.
func TestRunningTotalThatStopsAtZeroIsEnded(t *testing.T) {
	ind := `topics: [{id: t, name: T}]
indicators:
  - {id: recovered, name: Recovered, topic: t, unit: people, summary: cumulative}
  - {id: cases, name: Cases, topic: t, unit: people, summary: cumulative}
  - {id: stock, name: Stock, topic: t, unit: people}
`
	obs := "indicator,entity,period,value,source\n" +
		"recovered,W,2021-08-03,130000000,S\n" +
		"recovered,W,2021-08-04,130899061,S\n" +
		"recovered,W,2021-08-05,0,S\n" +
		"recovered,W,2021-08-06,0,S\n" +
		"recovered,W,2021-08-07,0,S\n" +
		"cases,W,2021-08-05,10,S\n" +
		"cases,W,2021-08-06,0,S\n" +
		"stock,W,2021-08-05,10,S\n" +
		"stock,W,2021-08-06,0,S\n" +
		"stock,W,2021-08-07,0,S\n"
	fsys := fstest.MapFS{"d/indicators.yaml": {Data: []byte(ind)}, "d/observations.csv": {Data: []byte(obs)}}
	ds, diags, err := Load("d", Options{FS: fsys, Now: time.Date(2021, 8, 8, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	n := map[string]int{}
	for _, o := range ds.Observations {
		n[o.Indicator]++
		if o.Indicator == "recovered" && o.Value == 0 {
			t.Errorf("kept the zero of %s", o.Period)
		}
	}
	if n["recovered"] != 2 || n["cases"] != 2 || n["stock"] != 3 {
		t.Errorf("rows kept: %v, want recovered 2, cases 2 (one zero may be real), stock 3 (a level)", n)
	}
	want := "d/observations.csv:4: warning: recovered: the running total for W falls from 130899061 (2021-08-04) to 0 and stays at 0 to the end of the data: read as the source no longer counting, the 3 zero rows are left out: leave those values empty, or remove the rows"
	found := false
	for _, d := range diagStrings(diags) {
		found = found || d == want
		if strings.Contains(d, "cases:") && strings.Contains(d, "running total") {
			t.Errorf("warned about a single zero: %s", d)
		}
	}
	if !found {
		t.Errorf("diagnostics %q lack\n%s", diagStrings(diags), want)
	}
}

// Net migration in people may be negative; a population may not.
func TestNetFlowsOfPeopleMayBeNegative(t *testing.T) {
	obs := "indicator,entity,period,value,unit,source\n" +
		"net_migration,W,2024,-20000,people,S\n" +
		"emigration_balance,W,2024,-5,people,S\n" +
		"population,W,2024,-3,people,S\n"
	fsys := fstest.MapFS{"d/observations.csv": {Data: []byte(obs)}}
	_, diags, _ := Load("d", Options{FS: fsys})
	var errs []string
	for _, d := range diags {
		if d.Severity == SevError {
			errs = append(errs, d.String())
		}
	}
	if len(errs) != 1 || !strings.Contains(errs[0], "d/observations.csv:4:4: value -3 is negative") {
		t.Errorf("errors %q, want only the negative population", errs)
	}
}
