package guard_test

import (
	"strings"
	"testing"

	"github.com/briefhq/brief/internal/guard"
)

// TestRound32: what red team round 32 printed, each beside the faithful
// reply that must still print. The dataset's own words inside the
// templates' sentences (a source's title, an indicator's phrase, a
// unit's words: Vocabulary.Data) take no swap or recast; "recorded" for
// "had" is not said of a level on a day nor of a running total
// but where the sentence says "to date" (since round 35 never); "the
// largest" for "the highest" not where a figure is negative; Kazakh
// «құрады» not after a noun; no split before a sentence that ranks the
// next one.
func TestRound32(t *testing.T) {
	const (
		court   = "## Law\n\nEvery figure in this brief comes from one source: Decision of the highest Court of Aland.\n"
		quint   = "## Income\n\nCimmeria had the highest income share of the lowest Quintile in the Region group in 2024: 8.9%.[^1] Table 1 gives the full ranking.\n"
		level   = "## Income\n\nCimmeria's low-income share stood at 8.9% in 2024.[^1]\n"
		defl    = "## Prices\n\nRussia had the highest GDP deflator of the five in 2021: 19.41%.[^1] Table 1 gives the full ranking.\n"
		mark    = "## Water\n\nAland's river level stood at 312 cm above the lowest Water Mark in January 2025.[^1]\n"
		covid   = "## Health\n\nThe US had the most confirmed COVID-19 cases of the eight on 29 March 2020: 143,544 cases.[^1]\n"
		todate  = "## Health\n\nThe US had the most confirmed COVID-19 cases to date of the eight: 349,016 cases by 5 April 2020.[^1]\n"
		letters = "## Post\n\nKazakhstan had the most letters in the Central Asia group in 2024: 1,200 letters.[^1]\n"
		trade   = "## Trade\n\nKazakhstan had the highest trade turnover with Russia in the Central Asia group in 2024: $27.8 billion.[^1]\n"
		deficit = "## Trade\n\nDorne had the highest trade balance in the Region group in 2024: −$150.0 million.[^1]\n"
		ranked  = "## Trade\n\nDorne had the highest trade balance in the Region group in 2024: $150.0 million, up $150.0 million on 2023 ($0.0 million).[^1] Borland came second with $120.0 million.[^1]\n"
	)
	v := &guard.Vocabulary{
		Names:      []string{"Aland", "Cimmeria", "Region", "Russia", "GDP", "Kazakhstan", "Central Asia", "Trade turnover", "Dorne", "Borland", "US", "confirmed COVID-19 cases"},
		Quantities: []string{"Trade turnover", "confirmed COVID-19 cases"},
		Data:       []string{"Decision of the highest Court of Aland", "income share of the lowest Quintile", "GDP deflator", "above the lowest Water Mark", "trade turnover", "low-income share"},
	}
	checkSwaps(t, v, []swap{
		{"a source's title, a swap inside it", court, "the highest Court", "the largest Court", false},
		{"a source's title, the line recast around it", court, "comes from one source:", "is drawn from a single source:", true},
		{"an indicator's phrase, a swap inside it", quint, "the lowest Quintile", "the smallest Quintile", false},
		{"an indicator's phrase moved whole by a fronted date", level, "Cimmeria's low-income share stood at 8.9% in 2024.", "In 2024, Cimmeria's low-income share stood at 8.9%.", true},
		{"an indicator's phrase, the date fronted and a word inside dropped", level, "Cimmeria's low-income share stood at 8.9% in 2024.", "In 2024, Cimmeria's income share stood at 8.9%.", false},
		{"a phrase that opens with a name, its extreme's other word", defl, "the highest GDP deflator", "the largest GDP deflator", true},
		{"a unit's words, a swap inside them", mark, "the lowest Water Mark", "the smallest Water Mark", false},
		{"recorded, of a level on a day", covid, "had the most", "recorded the most", false},
		{"posted, of a level on a day", covid, "had the most", "posted the most", false},
		{"recorded, of a total to date", todate, "had the most", "recorded the most", false}, // not vetted since round 35
		{"posted, of a count of letters", letters, "had the most", "posted the most", false},
		{"had kept, of a flow over a year", trade, "had the highest", "had the highest", true},
		{"the biggest, of a negative balance", deficit, "the highest trade balance", "the biggest trade balance", false},
		{"a change split off before the next one's rank", ranked, "$150.0 million, up $150.0 million on 2023 ($0.0 million).[^1]", "$150.0 million. That is up $150.0 million on 2023 ($0.0 million).[^1]", false},
	})
}

// TestKazakhAmountedToAfterNoun: «құрады» takes its figure as an
// object, so after a figure that ends in a noun («АҚШ доллары») the
// swap is no Kazakh and is refused; after a bare number it prints.
func TestKazakhAmountedToAfterNoun(t *testing.T) {
	v := &guard.Vocabulary{Names: []string{"Лондон", "Лондонның"}, Lang: "kk", Units: []string{"USD"}}
	for _, c := range []struct {
		name, draft string
		accept      bool
	}{
		{"after a currency noun", "## Металдар\n\n2019 жылғы шілдеде Лондонның алтын бағасы 1 413,00 АҚШ доллары болды.[^1]\n", false},
		{"after a percentage", "## Металдар\n\n2019 жылғы шілдеде Лондонның инфляциясы 5,2% болды.[^1]\n", true},
	} {
		reply := strings.Replace(c.draft, "болды", "құрады", 1)
		if r := guard.Check(c.draft, reply, v); r.Accepted != c.accept {
			t.Errorf("%s: accepted %v, want %v: %v", c.name, r.Accepted, c.accept, r.Reasons)
		}
	}
}

// TestNamesThatAreWords: a name holding a number word is locked whole
// ("Group of Seven", not "Group of ⟦F1⟧"), and a name that is a common
// word ("Next") is not taken for a name where the draft writes it as the
// word opening a sentence: the draft sent back as it is prints.
func TestNamesThatAreWords(t *testing.T) {
	v := &guard.Vocabulary{Names: []string{"Group of Seven", "Next", "Most", "Dorne"}}
	for _, draft := range []string{
		"## Trade\n\nDorne had the highest trade balance in 2024: $2.5 billion.[^1] Group of Seven came second with $2.2 billion.[^1]\n",
		"## Ports\n\nDorne had the most ship calls (no figures for Most and Next) in 2024: 455 calls.[^1]\n\n- **5 February 2025**: Next came the second berth, which had the highest number of ship calls.[^1]\n",
	} {
		lk := guard.Lock(draft, v)
		if strings.Contains(lk.Text, "of ⟦F") {
			t.Errorf("a name's number word locked as a figure: %s", lk.Text)
		}
		if r := lk.Verify(lk.Text); !r.Accepted {
			t.Errorf("the draft's own locked text refused: %v\n%s", r.Reasons, lk.Text)
		}
	}
}

// TestRound33: the source's words keep their capitals wherever they
// stand: an entity named by a common word ("Next") or an event's first
// word ("Reading council") lower-cased at a sentence's start names no
// one (red team round 33); the same words moved whole by a vetted
// fronting keep theirs and print.
func TestRound33(t *testing.T) {
	const (
		second = "## Staff\n\nDorne had the most embassy staff in 2024: 40 people.[^1] Next came second with 37 people.[^1]\n"
		event  = "## Events\n\n- **5 February 2025**: Reading council approved a trade office.[^1]\n"
		asof   = "## Points\n\n- Next has 37 staff members with Centre as of February 2025.[^1]\n"
	)
	v := &guard.Vocabulary{
		Names: []string{"Dorne", "Next", "Centre"},
		Data:  []string{"Next", "Reading council approved a trade office.", "Dorne", "Centre"},
	}
	checkSwaps(t, v, []swap{
		{"a name that is a common word, lower-cased", second, "Next came second", "next came second", false},
		{"an event's first word, lower-cased after its date", event, "Reading council", "reading council", false},
		{"the name moved by a fronted date, its capital kept", asof, "Next has 37 staff members with Centre as of February 2025.", "As of February 2025, Next has 37 staff members with Centre.", true},
	})
}

// TestRound35: "had" is "recorded" only for the extreme of a measure,
// never for "the most" of a count ("recorded the most songs": made
// them) and never "posted" ("posted the highest bail": paid it); "the
// biggest" for "the highest" only beside money or a percentage ("the
// biggest tower … 4,200 m" is another extreme).
func TestRound35(t *testing.T) {
	const (
		songs = "## Culture\n\nKazakhstan had the most songs in the Central Asia group in 2024: 1,200 songs.[^1]\n"
		bail  = "## Courts\n\nKazakhstan had the highest bail in the Central Asia group in 2024: $2.5 million.[^1]\n"
		gdp   = "## Economy\n\nKazakhstan had the highest GDP in the Central Asia group in 2024: $262.6 billion.[^1]\n"
		tower = "## Building\n\nKazakhstan had the highest tower in the Central Asia group in 2024: 4,200 m.[^1]\n"
	)
	v := &guard.Vocabulary{Names: []string{"Kazakhstan", "Central Asia", "GDP", "Tower"}, Units: []string{"m", "songs"}}
	checkSwaps(t, v, []swap{
		{"recorded the most of a count", songs, "had the most", "recorded the most", false},
		{"posted the highest of money", bail, "had the highest", "posted the highest", false},
		{"recorded the highest of money", gdp, "had the highest", "recorded the highest", true},
		{"the biggest of money", gdp, "the highest GDP", "the biggest GDP", true},
		{"the biggest of a height", tower, "the highest tower", "the biggest tower", false},
	})
}

// TestRound35Russian: «выше» for «больше» only where the figures
// compared are money or a percentage; of a place in a ranking (a
// count) a higher place reads as a better one.
func TestRound35Russian(t *testing.T) {
	v := &guard.Vocabulary{Names: []string{"Казахстана", "ФИФА", "EA"}, Lang: "ru", Units: []string{"мест", "место", "места"}}
	for _, c := range []struct {
		name, draft string
		accept      bool
	}{
		{"a place in a ranking", "## Рейтинги\n\nВ январе 2025\u00a0г. место в рейтинге ФИФА Казахстана составило 110 мест. Это на 11,1\u00a0% больше, чем в декабре 2024\u00a0г. (99 мест).[^1]\n", false},
		{"a rate in percent", "## Ставки\n\nСтавка EA в марте 2016\u00a0г. составила 2,5\u00a0%. Это на 0,2\u00a0п.\u00a0п. больше, чем в феврале 2016\u00a0г. (2,3\u00a0%).[^1]\n", true},
	} {
		reply := strings.Replace(c.draft, "больше", "выше", 1)
		if r := guard.Check(c.draft, reply, v); r.Accepted != c.accept {
			t.Errorf("%s: accepted %v, want %v: %v", c.name, r.Accepted, c.accept, r.Reasons)
		}
	}
}

// TestRound36: no date moved over a name that says a schedule ("to
// start", "due for completion", "maturing": the date may be the
// schedule's); "comprises" is "consists of" only of a count, not of a
// share; "came second" is not "was the runner-up".
func TestRound36(t *testing.T) {
	const (
		start  = "## Projects\n\nKazakhstan had the most Projects to start in the Central Asia group in 2024: 12 projects.[^1]\n"
		plain  = "## Projects\n\nKazakhstan had the most Projects in the Central Asia group in 2024: 12 projects.[^1]\n"
		share  = "## Economy\n\nThe state sector comprises 60% as of February 2025.[^1]\n"
		count  = "## Industry\n\nThe portfolio comprises 171 projects as of February 2025.[^1]\n"
		per100 = "## Parliament\n\nThe caucus comprises 30 per 100 members as of February 2025.[^1]\n"
		second = "## Prices\n\nTurkiye had the highest inflation in the group in 2023: 68.2%.[^1] Argentina came second with 50.2%.[^1]\n"
	)
	v := &guard.Vocabulary{Names: []string{"Kazakhstan", "Central Asia", "Projects to start", "Projects", "Turkiye", "Argentina"}, Units: []string{"projects"}}
	checkSwaps(t, v, []swap{
		{"a date fronted over a schedule's name", start, "Kazakhstan had the most Projects to start in the Central Asia group in 2024:", "In 2024, Kazakhstan had the most Projects to start in the Central Asia group:", false},
		{"a date fronted over a plain name", plain, "Kazakhstan had the most Projects in the Central Asia group in 2024:", "In 2024, Kazakhstan had the most Projects in the Central Asia group:", true},
		{"comprises a share", share, "comprises 60%", "is made up of 60%", false},
		{"comprises a count", count, "comprises 171 projects", "consists of 171 projects", true},
		{"comprises a share in words", per100, "comprises 30 per 100", "is made up of 30 per 100", false}, // round 37
		{"came second as the runner-up", second, "came second", "was the runner-up", false},
	})
}

// swap is one reply made by replacing from with to in draft, and
// whether the guard must print it.
type swap struct {
	name, draft, from, to string
	accept                bool
}

// checkSwaps checks each swap against the guard with v.
func checkSwaps(t *testing.T, v *guard.Vocabulary, cs []swap) {
	t.Helper()
	for _, c := range cs {
		if !strings.Contains(c.draft, c.from) {
			t.Fatalf("%s: %q not in the draft", c.name, c.from)
		}
		r := guard.Check(c.draft, strings.Replace(c.draft, c.from, c.to, 1), v)
		if r.Accepted != c.accept {
			t.Errorf("%s: accepted %v, want %v: %v", c.name, r.Accepted, c.accept, r.Reasons)
		}
	}
}
