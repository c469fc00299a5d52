package dataset

import (
	"testing"
	"testing/fstest"
)

// TestOddRowsWarn: an actual figure released before its period began (a
// forecast marked as fact), and a counterpart that is the entity itself,
// are warnings at the first such row, with the count.
func TestOddRowsWarn(t *testing.T) {
	csv := "indicator,entity,counterpart,period,value,unit,released,source,source_url\n" +
		"trade,KZ,KZ,2024,1,USD,2025-01-10,S,https://s.example\n" +
		"trade,KZ,RU,2025,2,USD,2024-12-01,S,https://s.example\n" +
		"trade,UZ,UZ,2024,3,USD,2025-01-10,S,https://s.example\n" +
		"trade,UZ,RU,2024,4,USD,2025-01-10,S,https://s.example\n"
	fsys := fstest.MapFS{"d/observations.csv": {Data: []byte(csv)}}
	_, diags, err := Load("d", Options{FS: fsys})
	if err != nil {
		t.Fatal(err)
	}
	checkDiags(t, diags,
		"d/observations.csv:2:3: warning: the counterpart is the entity itself (on 2 rows): correct the counterpart or leave it empty",
		"d/observations.csv:3:7: warning: an actual figure released before its period began: a forecast? set status to estimate or plan, or correct the released date")
}
