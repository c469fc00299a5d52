package report

import (
	"context"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/briefhq/brief/internal/audit"
	"github.com/briefhq/brief/internal/narrative"
	"github.com/briefhq/brief/internal/period"
)

// The Russian and Kazakh briefs state what the English brief states, with
// the same figures, caveats and truth: a running total's week, an annual
// figure repeated in every month, a record "since the series began" (not
// of all time), a change that prints as zero, ties, a ranking's top N of
// how many, the words left in English (warned, never silent). Each test
// asserts the sentences a reader sees, on small invented datasets under
// testdata/truth/lang-*; the tests on the real files (../shared) skip
// without them.

// langOut is the brief (weekly) or points of week in lang, the data read
// as known at the end of asOf when given, with the previous brief prev.
func langOut(t *testing.T, data, kindName, week, asOf, lang string, prev *narrative.PreviousBrief, audience string) *Output {
	t.Helper()
	ds, l, kind := loadIn(t, data, lang, kindName)
	o := Options{Week: period.MustParse(week), Generated: generated, Locale: l, Lang: l.ID(), DataPath: data, Version: "test",
		Formats: Formats{MD: true, JSON: true}, Previous: prev}
	if asOf != "" {
		d, err := time.Parse("2006-01-02", asOf)
		if err != nil {
			t.Fatal(err)
		}
		o.AsOf = d
	}
	var out *Output
	var err error
	if kindName == "points" {
		out, err = Points(context.Background(), ds, kind, PointsOptions{Options: o, PointOptions: narrative.PointOptions{Audience: audience, Max: 10}})
	} else {
		out, err = Weekly(context.Background(), ds, kind, o)
	}
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// langMD is the brief.md of week in lang, its no-break spaces as spaces
// (the assertions are about words and figures, typography has its own
// tests).
func langMD(t *testing.T, data, week, lang string) string {
	t.Helper()
	return spaced(string(file(t, langOut(t, data, "weekly", week, "", lang, nil, ""), "brief.md")))
}

// langPointsMD is the points.md of week in lang for audience.
func langPointsMD(t *testing.T, data, week, lang, audience string) string {
	t.Helper()
	return spaced(string(file(t, langOut(t, data, "points", week, "", lang, nil, audience), "points.md")))
}

func spaced(s string) string { return strings.ReplaceAll(s, "\u00a0", " ") }

// says fails for each of want the page lacks, and each of not it has.
func says(t *testing.T, what, page string, want, not []string) {
	t.Helper()
	for _, w := range want {
		if !strings.Contains(page, w) {
			t.Errorf("%s lacks %q:\n%s", what, w, page)
		}
	}
	for _, n := range not {
		if strings.Contains(page, n) {
			t.Errorf("%s says %q:\n%s", what, n, page)
		}
	}
}

// A running total's week (summary: cumulative) is its increase, the total
// it reached and the week before's increase, in every language; a
// revision and a week without a new figure are said; the table's change
// column gives the increase (it printed "—" and the sentences only the
// totals).
func TestLangCumulativeWeek(t *testing.T) {
	const data = "../../testdata/truth/lang-cumulative"
	en := langMD(t, data, "2020-W14", "en")
	says(t, "the English brief", en, []string{
		"AA's confirmed cases rose by 700 over the week to 2,050 on Sunday 5 April, against a rise of 350 the week before.",
		"BB's confirmed cases rose by a net 140 over the week to 780 on Sunday 5 April, including a downward revision of 40 cases on Thursday 2 April (the running total fell from 730 to 690).",
		"the running total has stayed at 200 cases since Tuesday 24 March",
	}, nil)
	ru := langMD(t, data, "2020-W14", "ru")
	says(t, "the Russian brief", ru, []string{
		"Confirmed cases (AA): за неделю рост на 700 cases, до 2 050 по состоянию на 5 апреля 2020 г.; неделей ранее — рост на 350.",
		"Confirmed cases (BB): за неделю чистый рост на 140 cases, до 780 по состоянию на 5 апреля 2020 г., с учётом пересмотра в сторону уменьшения на 40 cases (2 апреля 2020 г.: накопленный итог снизился с 730 до 690).",
		"Confirmed cases (CC): за неделю новых данных нет: накопленный итог остаётся на уровне 200 cases с 24 марта 2020 г.",
		"| AA | 2 050 cases | рост на 700 за неделю |",
		"| BB | 780 cases | чистый рост на 140 за неделю (с учётом пересмотра в сторону уменьшения) |",
		"| CC | 200 cases | нет новых данных |",
		"Confirmed cases, по состоянию на 5 апреля 2020 г.: наибольшее значение — AA, 2 050 cases.",
		"Участники рейтингов обзора (3): AA, BB и CC.",
	}, []string{" | — |"})
	kk := langMD(t, data, "2020-W14", "kk")
	says(t, "the Kazakh brief", kk, []string{
		"Confirmed cases (AA): апта ішіндегі өсім — 700 cases, 2020 жылғы 5 сәуірдегі жағдай бойынша жиынтық мән — 2 050; алдыңғы аптада өсім — 350.",
		"Confirmed cases (BB): апта ішіндегі таза өсім — 140 cases, 2020 жылғы 5 сәуірдегі жағдай бойынша жиынтық мән — 780 (оның ішінде 2020 жылғы 2 сәуірде деректер 40 cases төмен қарай қайта қаралды: жиынтық мән 730-дан 690-ға дейін төмендеді).",
		"Confirmed cases (CC): апта ішінде жаңа деректер болған жоқ: жиынтық мән 2020 жылғы 24 наурыздан бері 200 cases деңгейінде.",
		"| AA | 2 050 cases | апта ішіндегі өсім: 700 |",
		"| CC | 200 cases | жаңа деректер жоқ |",
	}, []string{" | — |"})
	for _, lang := range []string{"ru", "kk"} {
		p := langPointsMD(t, data, "2020-W14", lang, "press")
		// The leader's point is the ranking; BB's, its week, as in English.
		want := map[string]string{"ru": "Confirmed cases (BB): за неделю чистый рост на 140 cases, до 780", "kk": "Confirmed cases (BB): апта ішіндегі таза өсім — 140 cases"}[lang]
		says(t, lang+" points", p, []string{want}, nil)
	}
}

// Figures of 1,000 or more in a week's point for the press are rounded as
// the English rounds them, and Russian says "примерно на", never "на
// около".
func TestLangPressWeekRounded(t *testing.T) {
	needShared(t, "covid/key-countries-pivoted.csv")
	const data = "../../testdata/mapping/covid"
	en := langPointsMD(t, data, "2020-W14", "en", "press")
	says(t, "the English points", en, []string{"Spain's confirmed COVID-19 cases rose by about 51,500 over the week to about 130,000 on Sunday 5 April, against a rise of about 51,300 the week before."}, nil)
	ru := langPointsMD(t, data, "2020-W14", "ru", "press")
	says(t, "the Russian points", ru, []string{"Confirmed COVID-19 cases (Spain): за неделю рост примерно на 51 500 cases, примерно до 130 000 по состоянию на 5 апреля 2020 г.; неделей ранее — рост примерно на 51 300."}, []string{"на около", "до около"})
	kk := langPointsMD(t, data, "2020-W14", "kk", "press")
	says(t, "the Kazakh points", kk, []string{"Confirmed COVID-19 cases (Spain): апта ішіндегі өсім — шамамен 51 500 cases, 2020 жылғы 5 сәуірдегі жағдай бойынша жиынтық мән — шамамен 130 000; алдыңғы аптада өсім — шамамен 51 300."}, nil)
}

// The real COVID file: the week of 5 April 2020 as in English, the US's
// increase and France's net rise with its revision in the table.
func TestLangCumulativeCovid(t *testing.T) {
	needShared(t, "covid/key-countries-pivoted.csv")
	const data = "../../testdata/mapping/covid"
	says(t, "the English brief", langMD(t, data, "2020-W14", "en"), []string{"The US's confirmed COVID-19 cases rose by 205,472 over the week to 349,016 on Sunday 5 April, against a rise of 108,600 the week before."}, nil)
	says(t, "the Russian brief", langMD(t, data, "2020-W14", "ru"), []string{
		"Confirmed COVID-19 cases (US): за неделю рост на 205 472 cases, до 349 016 по состоянию на 5 апреля 2020 г.; неделей ранее — рост на 108 600.",
		"| France | 48 225 cases | чистый рост на 7 929 за неделю (с учётом пересмотра в сторону уменьшения) |",
	}, []string{" | — |"})
	says(t, "the Kazakh brief", langMD(t, data, "2020-W14", "kk"), []string{
		"Confirmed COVID-19 cases (US): апта ішіндегі өсім — 205 472 cases, 2020 жылғы 5 сәуірдегі жағдай бойынша жиынтық мән — 349 016; алдыңғы аптада өсім — 108 600.",
		"| France | 48 225 cases | апта ішіндегі таза өсім: 7 929 (төмен қарай қайта қаралуын қоса) |",
	}, []string{" | — |"})
}

// An annual figure repeated in each month is said to be one, and is
// compared with the year before as the English compares it ("unchanged
// on 1958"): never «снижение на 0,0 %», never December against a
// repeated December.
func TestLangRepeatedAnnualFigures(t *testing.T) {
	const data = "../../testdata/truth/lang-repeated"
	says(t, "the English brief", langMD(t, data, "1960-W01", "en"), []string{"(the data give one figure for the whole of 1959, repeated each month)", "unchanged on 1958 ($35.10)"}, nil)
	says(t, "the Russian brief", langMD(t, data, "1960-W01", "ru"), []string{
		"Gold price (XAU) в декабре 1959 г.: 35,10 USD per troy ounce (в данных одно значение за весь 1959 г., повторённое в каждом месяце).",
		"Годом ранее — 35,10 USD per troy ounce (1958 г.; без изменений).",
	}, []string{"0,0", "снижение", "рост"})
	says(t, "the Kazakh brief", langMD(t, data, "1960-W01", "kk"), []string{
		"1959 жылғы желтоқсанда Gold price (XAU) 35,10 USD per troy ounce болды (деректерде 1959 жылға бір ғана мән берілген, ол әр айда қайталанады).",
		"1958 жылмен салыстырғанда өзгерген жоқ (35,10 USD per troy ounce болған)",
	}, []string{"0,0", "төмендеді", "өсті"})
}

// January 1960 is compared with the year 1959 (its months repeat one
// figure) and is the highest since the series began, in January 1955,
// with the count of repeated months, as in English; never "of all time"
// («за весь период наблюдений», «деректердегі ең жоғары мән»): March
// 1960 is higher still in the file.
func TestLangRecordSinceTheSeriesBegan(t *testing.T) {
	const data = "../../testdata/truth/lang-repeated"
	says(t, "the English brief", langMD(t, data, "1960-W06", "en"), []string{
		"up 0.5% on 1959 ($35.10)", "the highest since the series began in January 1955 (60 of the 61 months repeat the annual figures of 1955 to 1959)",
	}, nil)
	says(t, "the Russian brief", langMD(t, data, "1960-W06", "ru"), []string{
		"Это на 0,5 % больше, чем в 1959 г. (35,10 USD per troy ounce).",
		"Это наибольшее значение с начала ряда в январе 1955 г. (60 месяцев из 61 — повторённые годовые значения 1955–1959 гг.).",
	}, []string{"за весь период", "с начала наблюдений", "в декабре 1959"})
	says(t, "the Kazakh brief", langMD(t, data, "1960-W06", "kk"), []string{
		"1959 жылмен салыстырғанда 0,5%-ға өсті (35,10 USD per troy ounce болған)",
		"Бұл — 1955 жылғы қаңтарда басталған қатардағы ең жоғары мән (61 айдың 60 айы 1955–1959 жылдардың жылдық мәндерін қайталайды).",
	}, []string{"деректердегі ең жоғары", "желтоқсанмен"})
}

// The real gold file before 1960 and in its first month.
func TestLangGoldBefore1960(t *testing.T) {
	needShared(t, "gold/monthly.csv")
	const data = "../../testdata/mapping/gold"
	says(t, "the Russian brief", langMD(t, data, "1960-W01", "ru"), []string{"(в данных одно значение за весь 1959 г., повторённое в каждом месяце)"}, []string{"0,0 %"})
	says(t, "the Russian brief", langMD(t, data, "1960-W06", "ru"), []string{
		"Это на 0,5 % больше, чем в 1959 г. (35,10 USD per troy ounce).",
		"Это наибольшее значение с начала ряда в январе 1833 г. (1 524 месяца из 1 525 — повторённые годовые значения 1833–1959 гг.).",
	}, []string{"за весь период"})
	says(t, "the Kazakh brief", langMD(t, data, "1960-W06", "kk"), []string{
		"Бұл — 1833 жылғы қаңтарда басталған қатардағы ең жоғары мән (1 525 айдың 1 524 айы 1833–1959 жылдардың жылдық мәндерін қайталайды).",
	}, []string{"деректердегі ең жоғары"})
}

// A change of a rate in points has the indicator's decimals and is the
// difference of the printed figures, as in English ("up 0.004 percentage
// points", "little changed"); a change that prints as zero is never a
// rise or fall by zero; a negative figure takes U+2212 like the change
// signs.
func TestLangRateChanges(t *testing.T) {
	const data = "../../testdata/truth/lang-rate"
	says(t, "the English brief", langMD(t, data, "2026-W19", "en"), []string{"up from 4.394% in March 2026", "the largest rise was in AA, from 2.026% to 2.075%", "| BB | 1.895% | little changed |", "| AA | 2.075% | up 0.049 percentage points |"}, nil)
	says(t, "the Russian brief", langMD(t, data, "2026-W19", "ru"), []string{
		"на 0,004 п. п. больше, чем в марте 2026 г. (4,394 %)",
		"| AA | 2,075 % | +0,049 п. п. относительно марта 2026 г. |",
		"| BB | 1,895 % | почти без изменений относительно марта 2026 г. |",
		"| CC | −0,498 % | +0,014 п. п. относительно марта 2026 г. |",
		"Рост — у всех участников рейтинга (4); наибольший — AA: с 2,026 % до 2,075 %.", // English: "from 2.026% to 2.075%"
	}, []string{"0,0 п. п.", "-0,498", "+0,000"})
	says(t, "the Kazakh brief", langMD(t, data, "2026-W19", "kk"), []string{
		"2026 жылғы наурызбен салыстырғанда 0,004 пайыздық тармаққа көп; 4,394% болған",
		"| BB | 1,895% | 2026 жылғы наурызбен салыстырғанда іс жүзінде өзгеріссіз |",
		"| CC | −0,498% |",
		"ең үлкені — AA: 2,026%-дан 2,075%-ға дейін.",
	}, []string{"0,0 пайыздық", "-0,498"})
}

// The real Euribor: 3-month up 0.049 points in April 2026, said so, never
// «0,0 п. п.» nor "about the same".
func TestLangEuriborPoints(t *testing.T) {
	needShared(t, "euribor/euribor-3m-monthly.csv")
	const data = "../../testdata/mapping/euribor"
	says(t, "the Russian brief", langMD(t, data, "2026-W19", "ru"), []string{
		"3-month Euribor (Euro area) в апреле 2026 г.: 2,075 % годовых. Это на 0,049 п. п. больше, чем в марте 2026 г. (2,026 %).",
		"Это на 0,006 п. п. больше, чем в марте 2026 г. (1,889 %).",
	}, []string{"0,0 п. п.", "почти столько же"})
}

// Ties are said as ties, in one order in every language and kind: GB and
// FR share the top, DE and IT the next place, GB and DE first as in the
// data.
func TestLangTies(t *testing.T) {
	const data = "../../testdata/truth/lang-tie"
	want := map[string][]string{
		"en": {"GB and FR shared the most foreign visitors of the five in 2025: 120 visitors each.", "DE and IT shared the next place with 80 visitors each."},
		"ru": {"наибольшее значение — у GB и FR, по 120 visitors.", "Далее — DE и IT, по 80 visitors."},
		"kk": {"ең жоғары мән — GB және FR: әрқайсысында 120 visitors.", "Келесі — DE және IT: әрқайсысында 80 visitors."},
	}
	for _, lang := range []string{"en", "ru", "kk"} {
		md := langMD(t, data, "2026-W06", lang)
		says(t, lang+" brief", md, want[lang], nil)
		for _, audience := range []string{"press", "internal"} {
			p := langPointsMD(t, data, "2026-W06", lang, audience)
			says(t, lang+" "+audience+" points", p, want[lang][:1], nil)
			if g, f := strings.Index(p, "GB"), strings.Index(p, "FR"); g < 0 || f < 0 || g > f {
				t.Errorf("%s %s points order the tie otherwise than the data (GB, FR):\n%s", lang, audience, p)
			}
		}
		if g, f := strings.Index(md, "| GB |"), strings.Index(md, "| FR |"); g < 0 || g > f {
			t.Errorf("%s table orders the tie otherwise than the data:\n%s", lang, md)
		}
	}
}

// Catalog words a language lacks are printed as the data give them, in
// English, with a warning on stderr and in brief.json naming them and
// where to add them; English has none of it.
func TestLangWarnsWordsLeftInEnglish(t *testing.T) {
	const data = "../../testdata/truth/lang-cumulative"
	for _, lang := range []string{"ru", "kk"} {
		out := langOut(t, data, "weekly", "2020-W14", "", lang, nil, "")
		joined := strings.Join(out.Warnings, "\n")
		says(t, lang+" warnings", joined, []string{
			"--lang " + lang + ": 3 entities have no " + lang + " words in the catalog, so the brief prints them as the data give them (in English): entity \"AA\" (../../testdata/truth/lang-cumulative/observations.csv:2)",
			"--lang " + lang + ": 1 indicator has no " + lang + " words in the catalog",
			"indicator \"cases\" (../../testdata/truth/lang-cumulative/indicators.yaml:",
			"brief validate --lang " + lang,
		}, nil)
		var rec struct{ Warnings []string }
		if err := json.Unmarshal(file(t, out, "brief.json"), &rec); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(strings.Join(rec.Warnings, "\n"), "--lang "+lang+": 3 entities") {
			t.Errorf("%s brief.json keeps no warning of the English names: %q", lang, rec.Warnings)
		}
		pts := langOut(t, data, "points", "2020-W14", "", lang, nil, "press")
		if !strings.Contains(strings.Join(pts.Warnings, "\n"), "--lang "+lang+": 3 entities") {
			t.Errorf("%s points warn nothing of the English names: %q", lang, pts.Warnings)
		}
	}
	for _, w := range langOut(t, data, "weekly", "2020-W14", "", "en", nil, "").Warnings {
		if strings.Contains(w, "--lang") {
			t.Errorf("an English brief warns of languages: %s", w)
		}
	}
	// The sample's catalog gives every word: no warning.
	for _, lang := range []string{"ru", "kk"} {
		for _, w := range weeklyIn(t, "../../data", lang).Warnings {
			if strings.Contains(w, "--lang") {
				t.Errorf("the sample's %s brief warns of words it has: %s", lang, w)
			}
		}
	}
}

// "What changed" names the previous brief grammatically (it printed the
// English "Week 1 of 1960" inside a Russian sentence), and a new record
// says which record.
func TestLangWhatChangedSince(t *testing.T) {
	const data = "../../testdata/truth/lang-repeated"
	for _, lang := range []string{"ru", "kk"} {
		first := langOut(t, data, "weekly", "1960-W01", "", lang, nil, "")
		prev, err := audit.Previous(file(t, first, "brief.json"))
		if err != nil {
			t.Fatal(err)
		}
		md := spaced(string(file(t, langOut(t, data, "weekly", "1960-W06", "", lang, prev, ""), "brief.md")))
		want := map[string][]string{
			"ru": {"Со времени предыдущего обзора (1-я неделя 1960 г.):", "- **Рекорд:** Gold price (XAU) в январе 1960 г.: 35,27 USD per troy ounce. Это наибольшее значение с начала ряда в январе 1955 г."},
			"kk": {"1960 жылғы 1-апта шолуынан бері:", "- **Рекорд:** 1960 жылғы қаңтарда Gold price (XAU) 35,27 USD per troy ounce болды. Бұл — 1955 жылғы қаңтарда басталған қатардағы ең жоғары мән"},
		}[lang]
		says(t, lang+" brief", md, want, []string{"Week 1", "обзора за "})
	}
}

// A ranking whose chart and table show the top 10 says of how many, in
// the sentence, the caption and the table's cut alike: the World Bank's
// 185 economies of 2023 (the cut counted the 214 latest figures, and the
// caption said only «первые 10»); the other members at record highs are
// said, as in English.
func TestLangTopOfHowMany(t *testing.T) {
	needShared(t, "gdp/gdp.csv")
	const data = "../../testdata/mapping/worldbank"
	says(t, "the English brief", langMD(t, data, "2023-W52", "en"), []string{"Figure 1 and Table 1 show the top 10.", "Germany, India, the United Kingdom, France and 110 others are also at record highs"}, nil)
	says(t, "the Russian brief", langMD(t, data, "2023-W52", "ru"), []string{
		"Первые 10 из 185 — на рисунке 1 и в таблице 1.", "*Рисунок 1. Gross domestic product, 2023 г., первые 10 из 185.*",
		"Gross domestic product: первые 10 из 185", "Также на рекордно высоком уровне — Germany, India, United Kingdom, France и ещё 110.",
	}, []string{"из 214"})
	says(t, "the Kazakh brief", langMD(t, data, "2023-W52", "kk"), []string{
		"185 мәннің алғашқы 10 мәні 1-суретте және 1-кестеде берілген.", "Сондай-ақ рекордтық ең жоғары деңгейде: Germany, India, United Kingdom, France және тағы 110 қатысушы.",
	}, []string{"214 мәннің"})
}
