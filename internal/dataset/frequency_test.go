package dataset

import (
	"strings"
	"testing"
	"testing/fstest"
)

// TestMixedFrequencyWarns: a daily row in a weekly series would hide the
// week's figure; validation says so at that row, naming both lines.
func TestMixedFrequencyWarns(t *testing.T) {
	csv := "indicator,entity,period,value,unit,source,source_url\n" +
		"arrivals,KZ,2025-W04,15000,visitors,Border service,https://example.org\n" +
		"arrivals,KZ,2025-W05,12000,visitors,Border service,https://example.org\n" +
		"arrivals,KZ,2025-02-03,1700,visitors,Border service,https://example.org\n" +
		"arrivals,UZ,2025-W05,9000,visitors,Border service,https://example.org\n"
	_, diags, err := Load("o.csv", Options{FS: fstest.MapFS{"o.csv": {Data: []byte(csv)}}})
	if err != nil {
		t.Fatal(err)
	}
	want := "o.csv:4: warning: series arrivals for KZ mixes weekly figures (line 2) with daily ones: a series is compared period with period; give these figures an indicator of their own"
	got := strings.Join(diagStrings(diags), "\n")
	if !strings.Contains(got, want) {
		t.Errorf("findings:\n%s\nwant one like %q", got, want)
	}
}

// TestGroupNames: entities.yaml may name its group ids; a named group
// needs its name.
func TestGroupNames(t *testing.T) {
	fs := fstest.MapFS{
		"d/observations.csv": {Data: []byte("indicator,entity,period,value,unit,source,source_url\ngdp,KZ,2024,1,USD,WB,https://example.org\n")},
		"d/entities.yaml":    {Data: []byte("groups:\n  - {id: eaeu, name: EAEU}\n  - {id: cis}\nentities:\n  - {id: KZ, name: Kazakhstan, groups: [eaeu, cis]}\n")},
	}
	ds, diags, err := Load("d", Options{FS: fs})
	got := strings.Join(diagStrings(diags), "\n")
	if err == nil || !strings.Contains(got, `d/entities.yaml:3:5: group "cis" has no name: give the name briefs print`) {
		t.Errorf("err %v, findings:\n%s", err, got)
	}
	fs["d/entities.yaml"] = &fstest.MapFile{Data: []byte("groups:\n  - {id: eaeu, name: EAEU}\nentities:\n  - {id: KZ, name: Kazakhstan, groups: [eaeu]}\n")}
	if ds, _, err = Load("d", Options{FS: fs}); err != nil || ds.GroupNames["eaeu"] != "EAEU" {
		t.Errorf("err %v, group names %v", err, ds.GroupNames)
	}
}

// TestEventsAlone: a dataset with events and no figures yet is briefed
// (a warning), while one with neither is an error.
func TestEventsAlone(t *testing.T) {
	fs := fstest.MapFS{
		"d/observations.csv": {Data: []byte("indicator,entity,period,value,unit,source\n")},
		"d/events.csv":       {Data: []byte("date,topic,entities,title,summary,source,source_url\n2025-03-04,energy,KZ,Pipeline opens,The new pipeline opened.,Ministry,https://example.org\n")},
	}
	ds, diags, err := Load("d", Options{FS: fs})
	if err != nil || len(ds.Events) != 1 || !strings.Contains(strings.Join(diagStrings(diags), "\n"), "d/observations.csv:1: warning: no observations: the file has a header but no rows; the brief reports the events alone") {
		t.Errorf("events alone: err %v, findings %v", err, diagStrings(diags))
	}
	delete(fs, "d/events.csv")
	if _, _, err := Load("d", Options{FS: fs}); err == nil {
		t.Error("neither figures nor events: loaded without error")
	}
}
