package report

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/briefhq/brief/internal/audit"
)

// A tie at the top is named in full, in the key messages as in the body
// (blind review: a key message named one of two tied leaders, "AA's
// growth was the highest … at 11.0%"), and the key message traces the
// rows of every tied member. The tie is found in the CSV.
func TestTiedLeadersNamedInFull(t *testing.T) {
	const dir = "../../testdata/truth/ties"
	out := weekly(t, dir, "2024-W12")
	md := plainMD(file(t, out, "brief.md"))
	best, tied := -1e9, []string(nil)
	for _, r := range readObs(t, dir) {
		if r.indicator != "growth" || r.period != "2023" {
			continue
		}
		switch {
		case r.value > best:
			best, tied = r.value, []string{r.entity}
		case r.value == best:
			tied = append(tied, r.entity)
		}
	}
	if len(tied) < 2 {
		t.Fatalf("the fixture has no tie at the top: %v", tied)
	}
	for _, text := range []string{keyMessages(t, md), section(t, md, "Economy"), pointsOf(t, dir, "2024-W12", "press")} {
		for _, line := range strings.Split(text, "\n") {
			if !strings.Contains(line, "highest growth") && !(strings.Contains(line, "growth") && strings.Contains(line, "the highest")) {
				continue
			}
			for _, e := range tied {
				if !strings.Contains(line, e) {
					t.Errorf("the top is shared by %v; %s is not named: %s", tied, e, line)
				}
			}
		}
	}
	lacks(t, "the key messages", keyMessages(t, md), tied[0]+"'s growth was the highest")
	var rec audit.Record
	if err := json.Unmarshal(file(t, out, "brief.json"), &rec); err != nil {
		t.Fatal(err)
	}
	rows := map[string]bool{}
	for _, sec := range rec.Sections {
		if sec.ID != "keymessages" {
			continue
		}
		for _, f := range sec.Figures {
			for _, r := range f.Rows {
				rows[r] = true
			}
		}
	}
	// observations.csv lines 3 and 5: AA's and BB's 11.0%.
	for _, line := range []string{"observations.csv:3", "observations.csv:5"} {
		if !rows[dir+"/"+line] {
			t.Errorf("the key messages do not trace %s: %v", line, rows)
		}
	}
	checkBrief(t, out)
}

// A ranking table with a tie shows it: tied members share a rank in a
// Rank column (blind review: "−4.1%" twice, third and fourth to the
// eye). Each rank is recomputed from the CSV as one plus the number of
// members with a higher figure.
func TestTableShowsTies(t *testing.T) {
	const dir = "../../testdata/truth/ties"
	md := plainMD(file(t, weekly(t, dir, "2024-W12"), "brief.md"))
	names := map[string]string{"AA": "AA", "BB": "BB", "CC": "CC", "DD": "DD", "EE": "EE"}
	var growth []obsRow
	for _, r := range readObs(t, dir) {
		if r.indicator == "growth" && r.period == "2023" {
			growth = append(growth, r)
		}
	}
	for _, r := range growth {
		rank := 1
		for _, o := range growth {
			if o.value > r.value {
				rank++
			}
		}
		want := "| Growth | " + itoa(rank) + " | " + names[r.entity] + " |"
		if !strings.Contains(md, want) {
			t.Errorf("the table lacks %q:\n%s", want, md)
		}
	}
}
