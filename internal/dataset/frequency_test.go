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
	// The named group is kept; the unnamed one gets no name.
	if _, named := ds.GroupNames["cis"]; named || ds.GroupNames["eaeu"] != "EAEU" {
		t.Errorf("group names %v", ds.GroupNames)
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

// TestGroupListChecked: with a groups: list, a group listed twice, an
// entity's group missing from it (a typo) and a listed group no entity is
// in are all reported.
func TestGroupListChecked(t *testing.T) {
	fs := fstest.MapFS{
		"d/observations.csv": {Data: []byte("indicator,entity,period,value,unit,source,source_url\ngdp,KZ,2024,1,USD,WB,https://example.org\n")},
		"d/entities.yaml": {Data: []byte("groups:\n  - {id: eaeu, name: EAEU}\n  - {id: eaeu, name: Eurasian Union}\n  - {id: central-asia, name: Central Asia}\n  - {id: cis, name: CIS}\n" +
			"entities:\n  - {id: KZ, name: Kazakhstan, groups: [central-asia, eaeu]}\n  - {id: KG, name: Kyrgyzstan, groups: [central-asai, eaeu]}\n")},
	}
	_, diags, _ := Load("d", Options{FS: fs})
	got := strings.Join(diagStrings(diags), "\n")
	for _, want := range []string{
		`d/entities.yaml:3:5: group "eaeu" is listed twice: keep one`,
		`d/entities.yaml:8:41: group "central-asai" is not in the groups list; did you mean "central-asia"?`,
		`d/entities.yaml:5:5: warning: group "cis" has no entity: give entities this group, or drop it`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("findings lack %q:\n%s", want, got)
		}
	}
}
