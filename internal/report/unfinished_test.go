package report

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A row without a release date is known once its period is over
// (dataset.Known): the brief of 2008-W41 (6-12 October 2008) leaves out
// a monthly rate of October 2008. It says so, once per file and
// indicator, on stderr and in brief.json, with the file and line of one
// such row and what to do; a date that is also the day the figure became
// known is mapped as released too, and the brief then gives October.

// warnedOnce checks that out warns exactly want, in its warnings and in
// brief.json's.
func warnedOnce(t *testing.T, out *Output, want string) {
	t.Helper()
	if w := ownWarnings(out); len(w) != 1 || w[0] != want {
		t.Errorf("warnings = %q, want [%q]", w, want)
	}
	js := string(file(t, out, "brief.json"))
	if !strings.Contains(js, strings.ReplaceAll(want, `"`, `\"`)) {
		t.Errorf("brief.json's warnings lack %q:\n%s", want, js)
	}
}

// ownWarnings are the brief's warnings without the dataset's load
// warnings (loadWarnings: "file:line: warning: …", or the line that
// says they are not repeated), which other tests check.
func ownWarnings(out *Output) []string {
	var w []string
	for _, s := range out.Warnings {
		if strings.Contains(s, ": warning: ") || strings.Contains(s, "about the data as loaded") {
			continue
		}
		w = append(w, s)
	}
	return w
}

func TestUnfinishedPeriodLeftOutWithAWarning(t *testing.T) {
	t.Run("tidy", func(t *testing.T) {
		out := weekly(t, "../../testdata/unfinished/tidy", "2008-W41")
		md := plainMD(file(t, out, "brief.md"))
		ind := section(t, md, "Indicators")
		// The catalog names no group: its two entities are ranked.
		contains(t, "2008-W41", ind,
			"Southland had the highest interbank rate, 3 months of the two in September 2008: 4.16%, up from 4.11% in August 2008.",
			"Northland came second with 3.50%, up from 3.46% in August 2008.")
		lacks(t, "2008-W41", ind, "October 2008")
		lacks(t, "2008-W41", md, "3.87", "4.53")
		warnedOnce(t, out, "../../testdata/unfinished/tidy/observations.csv:5: 2 rows of October 2008 (Interbank rate, 3 months) left out: "+
			"the month is not over on 12 October 2008 (the brief's as-of day); if a figure was published before its period ended, give that day in the released column (YYYY-MM-DD)")
	})
	t.Run("mapped", func(t *testing.T) {
		out := weekly(t, "../../testdata/unfinished/mapped", "2008-W41")
		contains(t, "2008-W41", plainMD(file(t, out, "brief.md")), "Northland's interbank rate, 3 months stood at 3.50% in September 2008, up from 3.46% in August 2008.")
		warnedOnce(t, out, "../../testdata/unfinished/mapped/rates.csv:5: 1 row of October 2008 (Interbank rate, 3 months) left out: "+
			"the month is not over on 12 October 2008 (the brief's as-of day); if each figure is known on the date written in the file, map that column as released too (released: date) — docs/mapping.md")
	})
	// A brief whose as-of day ends a month (Sunday 31 August 2008): the
	// rows of September on begin after it, and are no news to warn of.
	t.Run("later periods", func(t *testing.T) {
		for dir, want := range map[string]string{"tidy": "Northland came second with 3.46%, up from 3.41% in July 2008", "mapped": "Northland's interbank rate, 3 months stood at 3.46% in August 2008"} {
			out := weekly(t, "../../testdata/unfinished/"+dir, "2008-W35")
			contains(t, dir+" 2008-W35", plainMD(file(t, out, "brief.md")), want)
			if w := ownWarnings(out); len(w) != 0 {
				t.Errorf("%s 2008-W35: warnings %q, want none", dir, w)
			}
		}
	})
}

// releasedToo writes a dataset.yaml that reads the file csv (absolute)
// as the Euribor example of docs/mapping.md does, with the date column
// mapped as released too, and an indicators.yaml, and returns the folder.
func releasedToo(t *testing.T, csv, indicator, name string) string {
	t.Helper()
	return euriborShaped(t, csv, indicator, name, "{period: date, released: date, value: rate}")
}

// euriborShaped is releasedToo with the columns given.
func euriborShaped(t *testing.T, csv, indicator, name, columns string) string {
	t.Helper()
	abs, err := filepath.Abs(csv)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	yaml := "indicators: indicators.yaml\nobservations:\n  - file: " + filepath.ToSlash(abs) + "\n    period: month\n" +
		"    columns: " + columns + "\n    skip_empty: true\n    ignore: [maturity_level, granularity]\n" +
		"    constants: {indicator: " + indicator + ", entity: EA, unit: \"%\", source: EMMI, source_url: https://www.emmi-benchmarks.eu}\n"
	cat := "indicators:\n  - {id: " + indicator + ", name: \"" + name + "\", unit: \"%\", decimals: 2, additive: false}\n"
	for f, s := range map[string]string{"dataset.yaml": yaml, "indicators.yaml": cat} {
		if err := os.WriteFile(filepath.Join(dir, f), []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestDateMappedAsReleasedToo(t *testing.T) {
	out := weekly(t, releasedToo(t, "../../testdata/unfinished/mapped/rates.csv", "rate_3m", "Interbank rate, 3 months"), "2008-W41")
	contains(t, "2008-W41", section(t, plainMD(file(t, out, "brief.md")), "Indicators"),
		"EA's interbank rate, 3 months stood at 3.87% as of October 2008, up from 3.50% in September 2008.")
	if w := ownWarnings(out); len(w) != 0 {
		t.Errorf("warnings %q, want none: every row gives its release date", w)
	}
}

// TestRealEuriborOctober2008: the real 3-month Euribor (../shared), the
// truth check's case: 5.291 of October 2008, the file's highest, was
// missing from the brief of 2008-W41.
func TestRealEuriborOctober2008(t *testing.T) {
	needShared(t, "euribor/euribor-3m-monthly.csv")
	out := weekly(t, releasedToo(t, "../../../shared/data/euribor/euribor-3m-monthly.csv", "euribor_3m", "Euribor, 3 months"), "2008-W41")
	contains(t, "2008-W41", section(t, plainMD(file(t, out, "brief.md")), "Indicators"),
		"EA's Euribor, 3 months stood at 5.29% as of October 2008, up from 4.96% in September 2008.")
	if len(out.Warnings) != 0 {
		t.Errorf("warnings %q, want none", out.Warnings)
	}
	// Mapped as before, without released: September is the latest, and
	// the run says why October is not there.
	csv := "../../../shared/data/euribor/euribor-3m-monthly.csv"
	out = weekly(t, euriborShaped(t, csv, "euribor_3m", "Euribor, 3 months", "{period: date, value: rate}"), "2008-W41")
	md := section(t, plainMD(file(t, out, "brief.md")), "Indicators")
	contains(t, "2008-W41 without released", md, "EA's Euribor, 3 months stood at 4.96% in September 2008, down from 4.97% in August 2008.")
	lacks(t, "2008-W41 without released", md, "5.29", "October 2008")
	abs, _ := filepath.Abs(csv)
	warnedOnce(t, out, filepath.ToSlash(abs)+":119: 1 row of October 2008 (Euribor, 3 months) left out: "+
		"the month is not over on 12 October 2008 (the brief's as-of day); if each figure is known on the date written in the file, map that column as released too (released: date) — docs/mapping.md")
}

// TestLoadWarningsInTheRecord: the dataset's load warnings reach
// brief.json's warnings, as they reach stderr, so that the audit record
// alone says what the tool doubted (a blind review: aggregates ranked
// as countries, and brief.json's warnings empty); a brief of an earlier
// day keeps one line instead, since a warning of the whole data may name
// a later row (the sample's sources of later events).
func TestLoadWarningsInTheRecord(t *testing.T) {
	out := weekly(t, "../../testdata/aggregates/worldbank-codes", "2024-W02")
	want := `../../testdata/aggregates/worldbank-codes/gdp.csv:4: warning: 2 entities of gdp.csv look like aggregates of others, not entities of their own: WLD (World), HIC (High income)`
	js := string(file(t, out, "brief.json"))
	if len(out.Warnings) == 0 || !strings.HasPrefix(out.Warnings[0], want) || !strings.Contains(js, want) {
		t.Errorf("warnings %q, brief.json:\n%s", out.Warnings, js)
	}
	early := weekly(t, "../../data", "2025-W05")
	js = string(file(t, early, "brief.json"))
	contains(t, "brief.json of 2025-W05", js, "warnings about the data as loaded (stderr; brief validate prints them) not repeated here: this brief sees the data as of 2 February 2025, and they may name later rows")
	lacks(t, "brief.json of 2025-W05", js, ": warning: ")
}
