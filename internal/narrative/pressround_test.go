package narrative

import (
	"testing"
	"time"

	"github.com/briefhq/brief/internal/dataset"
	"github.com/briefhq/brief/internal/facts"
	"github.com/briefhq/brief/internal/locale"
	"github.com/briefhq/brief/internal/period"
)

// planBrief is a brief of week 33 of 2026 with one figure, 10,450,000
// tourist arrivals in 2025, and a target of 10,800,000 for 2027, in the
// locale l (nil: English).
func planBrief(t *testing.T, l *locale.Locale) (*Brief, *Row) {
	t.Helper()
	ds := &dataset.Dataset{
		Indicators:          []dataset.Indicator{{ID: "arrivals", Name: "Tourist arrivals", Topic: "t", Unit: "arrivals", Decimals: -1, HigherIs: "good"}},
		Topics:              []dataset.Topic{{ID: "t", Name: "Tourism"}},
		Entities:            []dataset.Entity{{ID: "KZ", Names: map[string]string{"": "Kazakhstan", "ru": "Казахстан", "kk": "Қазақстан"}}},
		HasIndicatorCatalog: true,
		HasEntityCatalog:    true,
	}
	for i, o := range []struct {
		p      string
		v      float64
		status dataset.Status
	}{{"2025", 10450000, dataset.Actual}, {"2027", 10800000, dataset.Target}} {
		ds.Observations = append(ds.Observations, dataset.Observation{
			Indicator: "arrivals", Entity: "KZ", Period: period.MustParse(o.p), Value: o.v, Unit: "arrivals",
			Source: "Tourism committee", SourceURL: "https://tourism.example/", Status: o.status,
			Pos: dataset.Pos{File: "data/observations.csv", Line: i + 2},
		})
	}
	w := period.MustParse("2026-W33")
	set := facts.Derive(ds, facts.Options{AsOf: w.End, WeekStart: w.Start})
	b := Build(ds, set, BuildOptions{Title: "Test brief", Week: w, Generated: time.Date(2026, 8, 17, 0, 0, 0, 0, time.UTC), Locale: l})
	for _, tp := range b.Topics {
		for _, iv := range tp.Indicators {
			for _, r := range iv.Rows {
				if r.Outlook != nil {
					return b, r
				}
			}
		}
	}
	t.Fatal("no row with an outlook")
	return nil, nil
}

// TestPressFigureBesideAPlan: a press figure beside a plan printed as the
// brief prints it ("10.8 million") takes the digits that keep the gap
// (10,450,000 is "about 10 million" alone: beside 10.8 million that
// doubles the gap), in the point's sentence, in every language.
func TestPressFigureBesideAPlan(t *testing.T) {
	b, r := planBrief(t, nil)
	if got, want := r.PressFig(), "about 10 million arrivals"; got != want {
		t.Errorf("PressFig = %q, want %q (alone, two digits)", got, want)
	}
	if got, want := r.PressFigBeside(r.Outlook.Fact.Value), "about 10.5 million arrivals"; got != want {
		t.Errorf("PressFigBeside(the target) = %q, want %q", got, want)
	}
	k, err := LoadKindLang("", "points", "en")
	if err != nil {
		t.Fatal(err)
	}
	pts := &Points{Audience: "press", Count: 1, Groups: []*PointGroup{{Topic: b.Topics[0], Points: []*Point{
		{Kind: "outlook", Topic: b.Topics[0], Indicator: r.Indicator, Row: r, Press: true},
	}}}}
	doc, err := k.RenderWith(b, pts)
	if err != nil {
		t.Fatal(err)
	}
	wantIn(t, "the outlook point", string(doc.Markdown),
		"The target for Kazakhstan's tourist arrivals is 10.8 million arrivals by 2027, against about 10.5 million arrivals in 2025.[^")
	shunIn(t, "the outlook point", string(doc.Markdown), "against about 10 million")

	reg, err := locale.Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ lang, alone, beside string }{
		{"ru", "около 10\u00a0млн", "около 10,5\u00a0млн"},
		{"kk", "шамамен 10\u00a0млн", "шамамен 10,5\u00a0млн"},
	} {
		l, ok := reg.Get(c.lang)
		if !ok {
			t.Fatalf("no locale %s", c.lang)
		}
		_, r := planBrief(t, l)
		alone, err := r.PressNum()
		if err != nil {
			t.Fatal(err)
		}
		beside, err := r.PressNumBeside(r.Outlook.Fact.Value)
		if err != nil {
			t.Fatal(err)
		}
		wantIn(t, c.lang+" PressNum", alone, c.alone)
		wantIn(t, c.lang+" PressNumBeside", beside, c.beside)
	}
}
