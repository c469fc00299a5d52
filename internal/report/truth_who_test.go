package report

import (
	"strings"
	"testing"
)

// A development is never printed without saying whom it concerns
// (blind review: event sentences with no entity). Each event's entities
// are read from events.csv: the line that gives its text names one of
// them, in the brief's key messages or list and in the press points.
func TestEventsSayWhom(t *testing.T) {
	const dir = "../../testdata/truth/who"
	names := map[string]string{"AA": "Aland", "BB": "Borduria", "CC": "Carpania"}
	recs := readCSV(t, dir+"/events.csv")
	out := weekly(t, dir, "2025-W06")
	md := plainMD(file(t, out, "brief.md"))
	pts := plainMD([]byte(pointsOf(t, dir, "2025-W06", "press")))
	for _, rec := range recs[1:] {
		summary := strings.TrimSuffix(rec[4], ".")
		for what, text := range map[string]string{"brief": md, "points": pts} {
			found := false
			for _, line := range strings.Split(text, "\n") {
				if !strings.Contains(line, summary[1:]) {
					continue
				}
				found = true
				named := false
				for _, id := range strings.Split(rec[2], ";") {
					named = named || strings.Contains(line, names[id])
				}
				if !named {
					t.Errorf("%s: the event of %s does not say whom it concerns (%s): %s", what, rec[0], rec[2], line)
				}
			}
			if !found {
				t.Errorf("%s: the event of %s is not printed:\n%s", what, rec[0], text)
			}
		}
	}
	contains(t, "the key messages", md, "Dock workers went on strike for two days (Borduria, 6 February 2025).", "A rail link between the two capitals was agreed (Borduria and Carpania, 7 February 2025).")
	lacks(t, "the key messages", md, "(Aland, 5 February")
	// (checkBrief's number rule does not know events' days in the key
	// messages: "7 February 2025" is no figure.)
}
