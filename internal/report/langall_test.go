package report

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/briefhq/brief/internal/dataset"
	"github.com/briefhq/brief/internal/locale"
	"github.com/briefhq/brief/internal/narrative"
	"github.com/briefhq/brief/internal/period"
)

// langDatasets are the datasets every language must write: the sample,
// each fixture folder under testdata that holds a dataset (not the
// deliberately broken ones of testdata/bad, nor folders of other files),
// and each mapping of testdata/mapping (several read ../shared/data in
// place: those skip, with the reason, when it is absent).
func langDatasets(t *testing.T) []string {
	t.Helper()
	dirs := []string{"../../data"}
	err := filepath.WalkDir("../../testdata", func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() {
			return nil
		}
		switch filepath.Base(p) {
		case "bad", "guard", "pdf":
			return filepath.SkipDir
		}
		for _, f := range []string{"dataset.yaml", "indicators.yaml"} {
			if _, err := os.Stat(filepath.Join(p, f)); err == nil {
				dirs = append(dirs, p)
				return filepath.SkipDir
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return dirs
}

// readsShared reports whether a dataset folder's dataset.yaml reads a
// file of ../shared/data.
func readsShared(dir string) bool {
	b, err := os.ReadFile(filepath.Join(dir, "dataset.yaml"))
	return err == nil && regexp.MustCompile(`(?m)^\s*-?\s*file:\s*\S*shared/data/`).Match(b)
}

func langOutput(t *testing.T, ds *dataset.Dataset, data, kind, lang, audience string) *Output {
	t.Helper()
	l, k := kindIn(t, kind, lang)
	opts := Options{
		Week: period.WeekOf(LatestDay(ds, generated)), Generated: generated, Locale: l,
		DataPath: data, Version: "test", Formats: Formats{MD: true},
	}
	var out *Output
	var err error
	if kind == "points" {
		out, err = Points(context.Background(), ds, k, PointsOptions{Options: opts, PointOptions: narrative.PointOptions{Audience: audience, Max: 10}})
	} else {
		out, err = Weekly(context.Background(), ds, k, opts)
	}
	if err != nil {
		t.Fatalf("%s %s of %s: %v", lang, kind, data, err)
	}
	return out
}

// A sourced figure: a digit, then a footnote in the same line.
var sourcedFigure = regexp.MustCompile(`\d[^\n]*\[\^\d+\]`)

// A figure with an English scale word ("1.76 million"): one the locale
// did not write, unless the dataset's own text says it (a source note).
var englishFigure = regexp.MustCompile(`\d(\.\d+)?\s(million|billion|trillion)\b`)

// TestEveryDatasetInRussianAndKazakh: users bring their own data, most of
// it without Russian or Kazakh words and many indicators without
// decimals (internal/format's common, press and one-scale rounding):
// the Russian and Kazakh weekly brief and the press and internal points
// of every dataset the repository holds are written, with no error, no
// "<no value>", sourced figures on the page, and every figure written by
// the locale (a decimal comma, "млн"), never in English digits.
func TestEveryDatasetInRussianAndKazakh(t *testing.T) {
	sharedThere := true
	if _, err := os.Stat("../../../shared/data"); err != nil {
		sharedThere = false
	}
	for _, dir := range langDatasets(t) {
		name, _ := filepath.Rel("../..", dir)
		t.Run(name, func(t *testing.T) {
			if !sharedThere && readsShared(dir) {
				t.Skip("reads ../shared/data, which is not beside the repository")
			}
			ds, _, err := dataset.Load(dir, dataset.Options{Now: generated})
			if err != nil {
				t.Fatalf("%s does not load: %v", dir, err)
			}
			src := datasetLines(t, dir)
			for _, lang := range []string{"ru", "kk"} {
				for _, c := range []struct{ kind, audience, file string }{
					{"weekly", "", "brief.md"}, {"points", "press", "points.md"}, {"points", "internal", "points.md"},
				} {
					md := string(file(t, langOutput(t, ds, dir, c.kind, lang, c.audience), c.file))
					what := lang + " " + c.kind + " " + c.audience
					if strings.Contains(md, "<no value>") {
						t.Errorf("the %s says <no value>:\n%s", what, md)
					}
					if !sourcedFigure.MatchString(md) {
						t.Errorf("the %s has no sourced figure:\n%s", what, md)
					}
					for _, m := range englishFigure.FindAllString(md, -1) {
						if _, ok := src.find(m); !ok {
							t.Errorf("the %s writes a figure in English (%q):\n%s", what, m, md)
						}
					}
				}
			}
		})
	}
}

// TestNoFormsFallback: a dataset with no Russian or Kazakh word at all
// (testdata/semantics/defaults) is still written in both languages, by
// the documented fallback: names as the data give them, in the
// nominative, beside the indicator's name ("One entity only (Alpha)")
// or in constructions that need no case; and validate --lang lists what
// the catalog lacks, each at its file and line.
func TestNoFormsFallback(t *testing.T) {
	const dir = "../../testdata/semantics/defaults"
	ds, _, err := dataset.Load(dir, dataset.Options{Now: generated})
	if err != nil {
		t.Fatal(err)
	}
	reg, err := locale.Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		lang       string
		brief      []string
		validation []string
	}{
		{"ru", []string{"| One entity only | Alpha | 10\u00a0USD per barrel |", "наибольшее значение\u00a0— Beta, 11\u00a0wdg.[^1]", "## Показатели"},
			[]string{`entities.yaml:2:5: entity "A" has no ru name`, `indicators.yaml:27:5: indicator "lonely" has no ru wording`}},
		{"kk", []string{"| One entity only | Alpha | 10\u00a0USD per barrel |", "«CO₂ emissions per person» көрсеткіші бойынша «G» тобында ең жоғары мән\u00a0— Beta: 11\u00a0t of carbon per person.[^1]"},
			[]string{`entities.yaml:2:5: entity "A" has no kk name`, `indicators.yaml:27:5: indicator "lonely" has no kk wording`}},
	} {
		t.Run(c.lang, func(t *testing.T) {
			md := string(file(t, langOutput(t, ds, dir, "weekly", c.lang, ""), "brief.md"))
			for _, w := range c.brief {
				if !strings.Contains(md, w) {
					t.Errorf("the %s brief lacks %q:\n%s", c.lang, w, md)
				}
			}
			l, err := reg.Match(c.lang)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, d := range ds.CheckLanguage(l) {
				got = append(got, d.String())
			}
			all := strings.Join(got, "\n")
			for _, w := range c.validation {
				if !strings.Contains(all, w) {
					t.Errorf("validate --lang %s lacks %q; it says:\n%s", c.lang, w, all)
				}
			}
		})
	}
}

// TestPlaceSaysVo: an indicator counted in a place (place: true) says
// the place after «в», and after «во» where Russian asks for it (a name
// that begins with в or ф and a consonant: «во Франции»). The sample
// with Kazakhstan's Russian forms replaced by France's.
func TestPlaceSaysVo(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"entities.yaml", "indicators.yaml", "observations.csv", "events.csv"} {
		b, err := os.ReadFile(filepath.Join("../../data", name))
		if err != nil {
			t.Fatal(err)
		}
		if name == "entities.yaml" {
			const kz = "ru: {nom: Казахстан, gen: Казахстана, dat: Казахстану, acc: Казахстан, ins: Казахстаном, prep: Казахстане, gender: m}"
			if !strings.Contains(string(b), kz) {
				t.Fatalf("data/entities.yaml has no %q", kz)
			}
			b = []byte(strings.Replace(string(b), kz, "ru: {nom: Франция, gen: Франции, dat: Франции, acc: Францию, ins: Францией, prep: Франции, gender: f}", 1))
		}
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	ds, _, err := dataset.Load(dir, dataset.Options{Now: generated})
	if err != nil {
		t.Fatal(err)
	}
	md := string(file(t, langOutput(t, ds, dir, "weekly", "ru", ""), "brief.md"))
	for _, want := range []string{"во Франции карты «Мир» принимали 183\u00a0точки ВТБ", "Франция совместно с Россией планирует построить 3\u00a0ТЭЦ"} {
		if !strings.Contains(md, want) {
			t.Errorf("the brief lacks %q", want)
		}
	}
}
