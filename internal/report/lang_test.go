package report

import (
	"context"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/briefhq/brief/internal/dataset"
	"github.com/briefhq/brief/internal/locale"
	"github.com/briefhq/brief/internal/narrative"
	"github.com/briefhq/brief/internal/period"
)

func weeklyIn(t *testing.T, data, lang string) *Output {
	t.Helper()
	ds, _, err := dataset.Load(data, dataset.Options{Now: generated})
	if err != nil {
		t.Fatal(err)
	}
	reg, err := locale.Default()
	if err != nil {
		t.Fatal(err)
	}
	l, err := reg.Match(lang)
	if err != nil {
		t.Fatal(err)
	}
	kind, err := narrative.LoadKindLang("", "weekly", l.ID())
	if err != nil {
		t.Fatal(err)
	}
	out, err := Weekly(context.Background(), ds, kind, Options{
		Week: period.WeekOf(LatestDay(ds, generated)), Generated: generated, Locale: l, DataPath: data, Version: "test",
		Formats: Formats{MD: true, JSON: true},
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// The Russian brief of the sample: numbers, dates and the page's words
// in Russian; brief.json says so.
func TestSampleWeeklyRussian(t *testing.T) {
	out := weeklyIn(t, "../../data", "ru-RU")
	md := string(file(t, out, "brief.md"))
	golden(t, "sample-weekly.ru.md", []byte(md))
	for _, want := range []string{
		"**6-я неделя 2025\u00a0г.** · 3–9 февраля 2025\u00a0г.", "> **Основные выводы**",
		"27,8\u00a0млрд\u00a0долл.\u00a0США", "64,7\u00a0%", "*Рисунок 1.", "*Таблица 1.", "## Источники",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("the Russian brief lacks %q", want)
		}
	}
	if !strings.Contains(string(file(t, out, "brief.json")), `"lang": "ru"`) {
		t.Error(`brief.json does not record "lang": "ru"`)
	}
	// Leak report: English words in the brief must come from the
	// dataset's own text (its names, titles, summaries, notes, units,
	// sources), never from the templates or the code.
	data := dataText(t, "../../data")
	word := regexp.MustCompile(`[A-Za-z]{3,}`)
	var fromData []string
	seen := map[string]bool{}
	for _, w := range word.FindAllString(md, -1) {
		if seen[w] {
			continue
		}
		seen[w] = true
		if w == "json" || w == "brief" || w == "svg" || w == "chart" || w == "bar" || strings.Contains(data, w) {
			fromData = append(fromData, w)
			continue
		}
		t.Errorf("English word %q in the Russian brief is not the dataset's text: a template or the code leaks it", w)
	}
	t.Logf("untranslated dataset text in the Russian brief (%d words): %s", len(fromData), strings.Join(fromData, " "))
}

// dataText is every text of a dataset folder, where a word of a brief
// that is not the templates' may come from.
func dataText(t *testing.T, dir string) string {
	t.Helper()
	var b strings.Builder
	for _, f := range []string{"entities.yaml", "indicators.yaml", "events.csv", "observations.csv", "dataset.yaml"} {
		src, err := os.ReadFile(dir + "/" + f)
		if err == nil {
			b.Write(src)
		}
	}
	return b.String()
}
