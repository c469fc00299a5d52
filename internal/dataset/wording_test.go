package dataset

import (
	"testing"
	"testing/fstest"
)

// TestWordingKeys: the optional keys that say how an indicator reads in
// a sentence are read as given; a noun may give its singular; a key
// left empty, with an underscore or with an unknown form is an error at
// its line naming what to write.
func TestWordingKeys(t *testing.T) {
	const head = "indicators:\n  - id: exports\n    name: Exports\n"
	good := head + "    phrase: exports of goods\n    noun: {one: shipment, other: shipments}\n    verb: sent\n" +
		"    negative: deficit\n    positive: surplus\n    family: trade_flows\n"
	fsys := fstest.MapFS{"d/observations.csv": {Data: []byte(goodCSV)}, "d/indicators.yaml": {Data: []byte(good)}}
	ds, diags, err := Load("d", Options{FS: fsys})
	if err != nil || diags.HasErrors() {
		t.Fatalf("good wording: %v %v", err, diagStrings(diags))
	}
	want := Wording{Phrase: "exports of goods", Noun: "shipments", NounOne: "shipment", Verb: "sent", Negative: "deficit", Positive: "surplus", Family: "trade_flows"}
	if got := ds.Indicators[0].Wording; got != want {
		t.Errorf("wording = %+v, want %+v", got, want)
	}
	for _, c := range []struct{ yaml, want string }{
		{head + "    noun: shipments\n", ""},
		{head + "    phrase: \"\"\n", `d/indicators.yaml:4:13: phrase is empty: give it in words (phrase: trade turnover), or leave the key out`},
		{head + "    verb: has_sent\n", `d/indicators.yaml:4:11: verb "has_sent" has an underscore: write it as readers should see it (verb: has completed)`},
		{head + "    noun: {one: shipment, few: shipments}\n", "d/indicators.yaml:4:11: noun: give the plural too (other: joint industrial projects)\nd/indicators.yaml:4:27: noun: unknown form \"few\" (use one and other: {one: joint industrial project, other: joint industrial projects})"},
		{head + "    verb: [sent]\n", `d/indicators.yaml:4:11: verb must be a single value, not a list`},
	} {
		fsys := fstest.MapFS{"d/observations.csv": {Data: []byte(goodCSV)}, "d/indicators.yaml": {Data: []byte(c.yaml)}}
		_, diags, _ := Load("d", Options{FS: fsys})
		if c.want == "" {
			checkDiags(t, diags)
			continue
		}
		checkDiags(t, diags, c.want)
	}
}
