package report

import (
	"encoding/json"
	"sort"
	"strings"
	"testing"
)

// TestShareAuditListsEveryRowOfItsTotal: a share printed in the brief is
// traceable to every row that makes its total, in brief.json: the total's
// fact is recorded beside the share, with one source row per member, and
// the total is their sum.
func TestShareAuditListsEveryRowOfItsTotal(t *testing.T) {
	// The sample's group as the four states with figures: complete, so
	// it has a total (the sample names a fifth, Turkmenistan, without one).
	out := weekly(t, sampleWithoutTurkmenistan(t), "")
	var rec struct {
		Facts []struct {
			ID      string  `json:"id"`
			Value   float64 `json:"value"`
			Ranking *struct {
				TotalOf string `json:"total_of"`
			} `json:"ranking"`
			Sources []struct {
				File string `json:"file"`
				Line int    `json:"line"`
			} `json:"sources"`
		} `json:"facts"`
	}
	if err := json.Unmarshal(file(t, out, "brief.json"), &rec); err != nil {
		t.Fatal(err)
	}
	byID := map[string]int{}
	for i, f := range rec.Facts {
		byID[f.ID] = i
	}
	shares := 0
	for _, f := range rec.Facts {
		if !strings.HasPrefix(f.ID, "share/") {
			continue
		}
		shares++
		want := "total/trade_turnover/vs/RU/in/central-asia"
		if f.Ranking == nil || f.Ranking.TotalOf != want {
			t.Fatalf("%s: total_of %+v, want %s", f.ID, f.Ranking, want)
		}
		i, ok := byID[want]
		if !ok {
			t.Fatalf("%s: its total %s is not in brief.json", f.ID, want)
		}
		var lines []int
		for _, s := range rec.Facts[i].Sources {
			lines = append(lines, s.Line)
		}
		sort.Ints(lines)
		// data/observations.csv rows 2-5: KZ, UZ, KG, TJ trade with Russia.
		if len(lines) != 4 || lines[0] != 2 || lines[3] != 5 {
			t.Errorf("total cites rows %v, want 2, 3, 4, 5", lines)
		}
		if v := rec.Facts[i].Value; v != 27.8e9+10e9+3.2e9+2e9 {
			t.Errorf("total %v", v)
		}
	}
	if shares == 0 {
		t.Fatal("the sample brief records no share")
	}
}
