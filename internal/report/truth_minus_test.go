package report

import (
	"encoding/json"
	"regexp"
	"strings"
	"testing"

	"github.com/briefhq/brief/internal/audit"
)

var hyphenFigureRE = regexp.MustCompile(`(^|[ (|])-[$€£]?\d`)

// Negative figures print one way: with the minus sign U+2212, in the
// sentences as in the table (blind review: "from -20.9%" beside a
// table's "−20.9%"), and brief.json records each figure's text as the
// page prints it. The negatives are recomputed from the CSV.
func TestNegativeFiguresPrintWithOneMinus(t *testing.T) {
	const dir = "../../testdata/truth/minus"
	out := weekly(t, dir, "2021-W09")
	md := plainMD(file(t, out, "brief.md"))
	if m := hyphenFigureRE.FindString(md); m != "" {
		t.Errorf("a negative figure with a hyphen (%q):\n%s", m, md)
	}
	for _, r := range readObs(t, dir) {
		if r.value < 0 && r.period == "2021-02" {
			fig := "−" + threePlaces(-r.value) + "%"
			if !strings.Contains(md, fig) {
				t.Errorf("%s's %s is not printed as %q:\n%s", r.entity, r.period, fig, md)
			}
		}
	}
	var rec audit.Record
	if err := json.Unmarshal(file(t, out, "brief.json"), &rec); err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, sec := range rec.Sections {
		for _, f := range sec.Figures {
			if strings.Contains(f.Text, "-") && hyphenFigureRE.MatchString(" "+f.Text) {
				t.Errorf("brief.json records %q, the page prints the minus sign", f.Text)
			}
			// A value (a change's record keeps its whole clause, which
			// the page may say otherwise: a known limit).
			if strings.Contains(f.Text, "−") && !strings.Contains(f.Text, " on ") {
				n++
				if !strings.Contains(string(file(t, out, "brief.md")), f.Text) {
					t.Errorf("brief.json records %q, which the page does not print", f.Text)
				}
			}
		}
	}
	if n == 0 {
		t.Error("brief.json records no negative figure")
	}
	checkBrief(t, out)
}

func jsonNumber(v float64) string { b, _ := json.Marshal(v); return string(b) }

// threePlaces is v with three decimals, as the catalog declares.
func threePlaces(v float64) string {
	s := jsonNumber(float64(int(v*1000+0.5)) / 1000)
	if i := strings.IndexByte(s, '.'); i < 0 {
		s += ".000"
	} else {
		s += strings.Repeat("0", 3-(len(s)-i-1))
	}
	return s
}
