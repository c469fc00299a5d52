package guard

import (
	"regexp"
	"strings"
	"testing"

	"github.com/briefhq/brief/internal/guard/internal/regions"
)

var vocab = &Vocabulary{Names: []string{
	"Kazakhstan", "Казахстан", "Uzbekistan", "Kyrgyzstan", "Tajikistan", "Russia", "Россия",
	"Trade turnover", "Central Asia", "Industrial cooperation", "Energy", "Astana", "Almaty", "Semey",
}}

const trade = `## Trade

Kazakhstan posted the highest trade turnover with Russia in the Central Asia group in 2024: $27.8 billion, 64.7% of the total.[^1] Next came Uzbekistan ($10.0 billion), Kyrgyzstan ($3.2 billion) and Tajikistan ($2.0 billion).[^1] The article calls Kazakhstan the leader among Central Asian states.

| Indicator | Entity | Period | Value |
|:--|:--|:--|--:|
| Trade turnover | Kazakhstan with Russia | 2024 | $27.8 billion[^1] |

### Developments

- **3 February 2025**: Ambassador Abayev on sanctions. In an interview with RIA Novosti, Ambassador Dauren Abayev said Kazakhstan had repeatedly stated its non-alignment with anti-Russian sanctions \<script>alert(1)\</script>.[^2]
- **December 2024**: A delegation visited nuclear projects in Russia.[^1]
`

const energy = `## Energy

- **Thermal power plants to be built by Inter RAO** (Kazakhstan with Russia): 3 plants (planned) in February 2025.[^1] The plants were not financed.
- **Joint industrial projects** (Kazakhstan with Russia): 99 projects to date in February 2025.[^1] The figure is an improvement on 2024.
`

// TestClaims: each edit of the draft (from -> to) is faithful (reason
// "") or changes a claim (the reason names it).
func TestClaims(t *testing.T) {
	tests := []struct {
		name, draft, from, to, reason string
	}{
		{"unchanged", trade, "", "", ""},
		{"connective", trade, "Next came", "Next, there came", `", there came Uzbekistan" where the draft's sentence has "came Uzbekistan`}, // a word added: refused since round 4
		{"vetted synonym", strings.Replace(energy, "The plants were not financed.", "The plants were not financed, compared with 2 in 2024.", 1), "compared with", "compared to", ""},
		{"synonym not vetted", strings.Replace(energy, "The plants were not financed.", "Talks took place in 2024.", 1), "took place", "happened", `"happened in 2024." where the draft's sentence has "took place in 2024"`},
		// No longer vetted: the templates never write "took place", so it
		// stood only in the dataset's text, which comes back verbatim (ms5).
		{"took place is no longer was held", strings.Replace(energy, "The plants were not financed.", "Talks took place in 2024.", 1), "took place", "was held", `"was held in 2024" where the draft's sentence has "took place in 2024"`},
		{"article changed", trade, "The article calls", "An article calls", `"An article calls Kazakhstan" where the draft's sentence has "The article calls Kazakhstan"`},
		{"comma dropped", trade, "Uzbekistan ($10.0 billion), Kyrgyzstan", "Uzbekistan ($10.0 billion) Kyrgyzstan", "where the draft's sentence has"},
		{"tense changed", trade, "A delegation visited", "A delegation visits", `"visits nuclear projects in" where the draft's sentence has "visited nuclear projects in"`},
		{"followed by", trade, "Next came", "It was followed by", ""},                                                              // a vetted paraphrase ([paraphrase] of the lexicon)
		{"came second", trade, "Next came Uzbekistan ($10.0 billion),", "Uzbekistan came second ($10.0 billion), followed by", ""}, // rank words in the draft's order after one leader (rank.go)
		{"hedged rounding", trade, "2024: $27.8 billion,", "2024: about $28 billion,", ""},
		{"voice and order", trade, "Kazakhstan posted the highest trade turnover with Russia in the Central Asia group in 2024: $27.8 billion, 64.7% of the total.",
			"In 2024 Kazakhstan's trade turnover with Russia, $27.8 billion or 64.7% of the total, was the highest in the Central Asia group.", "word for word"}, // reordered: refused (a known false reject)
		{"sentence-initial adjective", trade, "The article calls", "Prominent in the article, it calls", "word for word"}, // "Prominent" is a judgement the draft does not make
		{"figures swapped between entities", trade, "Uzbekistan ($10.0 billion), Kyrgyzstan ($3.2 billion)", "Uzbekistan ($3.2 billion), Kyrgyzstan ($10.0 billion)", "said of"},
		{"leader and runner-up swapped", trade, "Kazakhstan posted the highest trade turnover with Russia in the Central Asia group in 2024: $27.8 billion, 64.7% of the total.[^1] Next came Uzbekistan",
			"Uzbekistan posted the highest trade turnover with Russia in the Central Asia group in 2024: $27.8 billion, 64.7% of the total.[^1] Next came Kazakhstan", "said of"},
		{"years swapped between events", trade, "**3 February 2025**: Ambassador", "**December 2024**: Ambassador", "stands 2 times"},
		{"footnotes swapped", trade, "anti-Russian sanctions \\<script>alert(1)\\</script>.[^2]\n- **December 2024**: A delegation visited nuclear projects in Russia.[^1]",
			"anti-Russian sanctions \\<script>alert(1)\\</script>.[^1]\n- **December 2024**: A delegation visited nuclear projects in Russia.[^2]", "moved to another paragraph"},
		{"trillions", trade, "2024: $27.8 billion,", "2024: $0.03 trillion,", "not in the draft"},
		{"unhedged rounding", trade, "2024: $27.8 billion,", "2024: $28 billion,", `without a word such as "about"`},
		{"yuan", trade, "2024: $27.8 billion,", "2024: 27.8 billion yuan,", "CNY"},
		{"per mille", trade, "64.7% of the total", "64.7 per mille of the total", "per mille"},
		{"invented multiple", trade, "Next came", "Thirty times smaller, next came", "not in the draft"},
		{"full-width other digits", energy, "99 projects", "９８ projects", "not in the draft"},
		{"bidi override", trade, "$27.8 billion,", "\u202e$8.72 billion\u202c,", "not in the draft"},
		{"negation added", energy, "The figure is an improvement", "The figure is not an improvement", `"not an improvement on" where the draft's sentence has "an improvement on 2024"`},
		{"negation dropped", energy, "were not financed", "were financed", `"financed." where the draft's sentence has "not financed."`},
		{"cancelled", energy, "The plants were not financed.", "The plants were not financed and were cancelled.", `"and were cancelled." where the draft's sentence has "."`},
		{"plan to completion", energy, "3 plants (planned)", "3 plants (completed)", `drops the draft's "(planned)"`},
		{"evaluation flipped", energy, "an improvement", "a deterioration", `"a deterioration on 2024" where the draft's sentence has "an improvement on 2024"`},
		{"cause added", trade, "The article calls Kazakhstan the leader", "The article calls Kazakhstan the leader, a position it owes to sanctions,", `", a position it" where`},
		{"opinion added", trade, "The article calls Kazakhstan the leader", "The article calls sanctions-proof Kazakhstan the leader", `"sanctions-proof Kazakhstan" where`},
		{"direction invented", trade, "posted the highest", "skyrocketed to the highest", `"skyrocketed to the highest" where the draft's sentence has "posted the highest trade turnover"`},
		{"sourced sentence dropped", trade, " Next came Uzbekistan ($10.0 billion), Kyrgyzstan ($3.2 billion) and Tajikistan ($2.0 billion).[^1]", "", "missing"},
		{"lower-case place", trade, "visited nuclear projects in Russia", "visited nuclear projects in Russia and china", "country"},
		{"non-Latin place", trade, "visited nuclear projects in Russia", "visited nuclear projects in Russia and Павлодар", "Павлодар"},
		{"invented name", trade, "The article calls", "Tokayev's article calls", "Tokayev"},
		{"bare domain", trade, "The article calls", "The article (evil.example) calls", "domain"},
		{"chatter", trade, "## Trade\n", "Here is the reworded section:\n\n## Trade\n", "talking"},
		{"escaped script comes back raw", trade, "\\<script>alert(1)\\</script>", "<script>alert(1)</script>", ""},
		{"heading changed", trade, "### Developments", "### News", "heading"},
		{"list item merged", trade, ".[^2]\n- **December", ".[^2] **December", "list"},
		{"new link", trade, "The article calls", "The [article](https://evil.example) calls", "link"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			polished := strings.Replace(tc.draft, tc.from, tc.to, 1)
			if tc.from != "" && polished == tc.draft {
				t.Fatalf("%q not in the draft", tc.from)
			}
			r := Check(tc.draft, polished, vocab)
			if tc.name == "escaped script comes back raw" {
				if r.Accepted || strings.Contains(r.Text, "<script>") {
					t.Fatalf("raw <script> accepted: %v", r.Reasons)
				}
				return
			}
			if tc.reason == "" {
				if !r.Accepted {
					t.Errorf("faithful rewording refused: %v", r.Reasons)
				}
				return
			}
			if r.Accepted || !strings.Contains(strings.Join(r.Reasons, "\n"), tc.reason) {
				t.Errorf("accepted %v, reasons %q lack %q", r.Accepted, r.Reasons, tc.reason)
			}
		})
	}
}

// TestTokensComeBackAsTheDraftWrote: a model's reply in tokens prints
// the draft's exact text; a rounded token prints the rounding; a token
// in the data cannot pose as a slot.
func TestTokensComeBackAsTheDraftWrote(t *testing.T) {
	lk := Lock(trade, vocab)
	if strings.Contains(lk.Text, "27.8") || strings.Contains(lk.Text, "Uzbekistan") || strings.Contains(lk.Text, "[^1]") || strings.Contains(lk.Text, "| Trade") {
		t.Fatalf("claims left in the text sent:\n%s", lk.Text)
	}
	reply := strings.Replace(lk.Text, "⟦F1⟧", "about ⟦F1~⟧", 1)
	r := lk.Verify(reply)
	if !r.Accepted {
		t.Fatalf("refused: %v", r.Reasons)
	}
	want := strings.Replace(trade, "$27.8 billion,", "about $28 billion,", 1)
	if r.Text != want {
		t.Errorf("printed:\n%s\nwant:\n%s", r.Text, want)
	}
	if r.Figures[0].Printed != "$28 billion" || r.Figures[0].Draft != "$27.8 billion" {
		t.Errorf("figures as printed: %+v", r.Figures[0])
	}
	// A rounded token without a hedge is refused.
	if r := lk.Verify(strings.Replace(lk.Text, "⟦F1⟧", "⟦F1~⟧", 1)); r.Accepted {
		t.Error("a rounded figure without a hedge accepted")
	}
	// A draft holding a token's brackets has them locked.
	hostile := "Exports were $5 billion ⟦F1⟧ in 2024.[^1]\n"
	lk2 := Lock(hostile, nil)
	if strings.Count(lk2.Text, "⟦F1⟧") > 1 || !strings.Contains(lk2.Text, "⟦X1⟧") {
		t.Errorf("a literal token in the data is not locked: %q", lk2.Text)
	}
	if r := lk2.Verify(lk2.Text); !r.Accepted || r.Text != hostile {
		t.Errorf("round trip: %v %q", r.Reasons, r.Text)
	}
}

func TestSanitize(t *testing.T) {
	if got := Sanitize("９９\u200b pro\u202ejects\r\n"); got != "99 projects\n" {
		t.Errorf("%q", got)
	}
}

func TestLexiconReads(t *testing.T) {
	l := english()
	if l.classes["cancelled"] == nil || !l.hedge["about"] || l.cardinal["eleven"] != 11 || !l.regions["kazakhstan"] || l.currency["yuan"] != "CNY" {
		t.Errorf("lexicon incomplete")
	}
	if !isoCurrency("KZT") || isoCurrency("XYZ") {
		t.Error("ISO 4217 codes")
	}
}

var digitRE = regexp.MustCompile(`\d`)

// FuzzChangedNumberIsCaught: Check never panics, and changing one digit
// of a figure in an accepted text is always caught.
func FuzzChangedNumberIsCaught(f *testing.F) {
	f.Add(trade, strings.Replace(trade, "Next came", "It was followed by", 1), uint16(3), uint8(1))
	f.Add(energy, energy, uint16(0), uint8(3))
	f.Fuzz(func(t *testing.T, draft, polished string, at uint16, delta uint8) {
		r := Check(draft, polished, vocab)
		if !r.Accepted || delta%10 == 0 {
			return
		}
		var spots []int
		for _, loc := range digitRE.FindAllStringIndex(polished, -1) {
			line := polished[strings.LastIndexByte(polished[:loc[0]], '\n')+1:]
			if strings.HasPrefix(strings.TrimSpace(line), "|") || strings.HasPrefix(strings.TrimSpace(line), "!") || strings.HasPrefix(strings.TrimSpace(line), "#") || insideMarker(polished, loc[0]) {
				continue
			}
			spots = append(spots, loc[0])
		}
		if len(spots) == 0 {
			return
		}
		i := spots[int(at)%len(spots)]
		d := polished[i] - '0'
		changed := polished[:i] + string(rune('0'+(d+delta)%10)) + polished[i+1:]
		if Check(draft, changed, vocab).Accepted {
			t.Fatalf("digit %d changed and still accepted:\n%s", i, changed)
		}
	})
}

func insideMarker(s string, i int) bool {
	open := strings.LastIndex(s[:i], "[^")
	return open >= 0 && !strings.Contains(s[open:i], "]")
}

// BenchmarkCheck64KB checks a section at the size limit (64 KB of
// prose with 4,800 figures): the target is under 0.2 s.
func BenchmarkCheck64KB(b *testing.B) {
	unit := "Exports rose 3.5% to 12 kt, while imports fell 2% in 2024.[^1] "
	d := "## Trade\n\n" + strings.Repeat(unit, (MaxInput-100)/(len(unit)+5)) + "\n" // room for the longer synonym
	p := strings.ReplaceAll(d, "Exports rose", "Exports increased")                 // a vetted swap in every sentence
	b.SetBytes(int64(len(d)))
	for i := 0; i < b.N; i++ {
		if r := Check(d, p, vocab); !r.Accepted {
			b.Fatalf("refused: %v", r.Reasons[:1])
		}
	}
}

// BenchmarkCheck64KBData: the same size, where every other sentence is
// the dataset's own text (Vocabulary.Data), which must come back
// verbatim: the regions found once per block, cut at the sentences.
func BenchmarkCheck64KBData(b *testing.B) {
	unit := "Exports rose 3.5% to 12 kt, while imports fell 2% in 2024.[^1] Work began on filters at the plant.[^2] "
	d := "## Trade\n\n" + strings.Repeat(unit, (MaxInput-100)/(len(unit)+5)) + "\n"
	p := strings.ReplaceAll(d, "Exports rose", "Exports increased")
	v := *vocab
	v.Data = []string{"Work began on filters at the plant.", "Heavy snow fell in Astana.", "Exports"}
	b.SetBytes(int64(len(d)))
	for i := 0; i < b.N; i++ {
		if r := Check(d, p, &v); !r.Accepted {
			b.Fatalf("refused: %v", r.Reasons[:1])
		}
	}
}

func BenchmarkCheckSection(b *testing.B) {
	p := strings.Replace(trade, "2024: $27.8 billion,", "2024: about $28 billion,", 1) // a hedged rounding
	for i := 0; i < b.N; i++ {
		if r := Check(trade, p, vocab); !r.Accepted {
			b.Fatalf("refused: %v", r.Reasons[:1])
		}
	}
}

// TestRegionsAreGenerated: lexicon/regions.txt is what internal/regions makes
// from golang.org/x/text (run go generate ./internal/guard when x/text
// moves).
func TestRegionsAreGenerated(t *testing.T) {
	b, err := lexiconFS.ReadFile("lexicon/regions.txt")
	if err != nil {
		t.Fatal(err)
	}
	if string(b) != regions.Text() {
		t.Error("lexicon/regions.txt is stale: run go generate ./internal/guard")
	}
}

// TestHedgesSayTheirSide: a neutral hedge may stand before any rounding;
// "nearly" only where the rounding is above the figure, "just over" only
// where it is below; "an estimated" never (it makes a reported figure an
// estimate). Red team, Russian round: the English slot took them all.
func TestHedgesSayTheirSide(t *testing.T) {
	draft := "Exports were $27.8 billion in 2024, against $10.0 billion and $27.3 billion.[^1]\n"
	lk := Lock(draft, nil)
	slot := func(text string) string {
		for _, s := range lk.Slots {
			if s.Text == text {
				return s.ID
			}
		}
		t.Fatalf("no slot for %q in %q", text, lk.Text)
		return ""
	}
	for _, tc := range []struct {
		fig, hedge string
		ok         bool
	}{
		{"$27.8 billion", "about", true},
		{"$27.8 billion", "nearly", true},     // $28 billion is above 27.8
		{"$27.8 billion", "just over", false}, // 27.8 is not over 28
		{"$27.3 billion", "just over", true},  // $27 billion is below 27.3
		{"$27.3 billion", "nearly", false},
		{"$27.8 billion", "an estimated", false},
		{"$10.0 billion", "nearly", false}, // nothing to round: exactly ten
	} {
		id := slot(tc.fig)
		reply := strings.Replace(lk.Text, "⟦"+id+"⟧", tc.hedge+" ⟦"+id+"~⟧", 1)
		if r := lk.Verify(reply); r.Accepted != tc.ok {
			t.Errorf("%q before the rounding of %s: accepted %v, want %v (%v)", tc.hedge, tc.fig, r.Accepted, tc.ok, r.Reasons)
		}
	}
}

// TestNoHedgeOnAnExactFigure: a figure its rounding leaves as it is
// ("$10.0 billion", "6.5%") takes no hedge in English either, not even a
// neutral one: "about 6.5%" would only blur an exact figure, as Russian
// and Kazakh already refused («около 6,5 %», TestNativeHedges). Red team,
// round 6: English took the hedge, Russian refused it.
func TestNoHedgeOnAnExactFigure(t *testing.T) {
	draft := "Exports were $27.8 billion in 2024, against $10.0 billion; the share stood at 6.5%.[^1]\n"
	lk := Lock(draft, nil)
	for _, tc := range []struct {
		fig string
		ok  bool
	}{
		{"$27.8 billion", true},
		{"$10.0 billion", false},
		{"6.5%", false},
	} {
		id := ""
		for _, s := range lk.Slots {
			if s.Text == tc.fig {
				id = s.ID
			}
		}
		if id == "" {
			t.Fatalf("no slot for %q in %q", tc.fig, lk.Text)
		}
		for _, hedge := range []string{"about", "around", "roughly"} {
			r := lk.Verify(strings.Replace(lk.Text, "⟦"+id+"⟧", hedge+" ⟦"+id+"~⟧", 1))
			if r.Accepted != tc.ok {
				t.Errorf("%q before the rounding of %s: accepted %v, want %v (%v)", hedge, tc.fig, r.Accepted, tc.ok, r.Reasons)
			}
			if !tc.ok && !strings.Contains(strings.Join(r.Reasons, "\n"), "one its rounding leaves as it is") {
				t.Errorf("%q before %s: the reason does not say why: %v", hedge, tc.fig, r.Reasons)
			}
		}
	}
}

// TestRoundingKeepsSeparators: a rounded English figure writes its
// thousands separator as the draft does ("1,210.5 kt CO2e" -> "about
// 1,200 kt CO2e", as the press template prints it; red team, round 6,
// saw "about 1200 kt CO2e"); a figure written without one keeps none
// below five digits.
func TestRoundingKeepsSeparators(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"1,210.5 kt CO2e", "1,200 kt CO2e"},
		{"$1,458 million", "$1,500 million"},
		{"1210.5 kt", "1200 kt"},
		{"12345 outlets", "12,000 outlets"},
		{"$27.8 billion", "$28 billion"},
	} {
		if got, ok := rounded(tc.in); !ok || got != tc.want {
			t.Errorf("rounded(%q) = %q, %v; want %q", tc.in, got, ok, tc.want)
		}
	}
	draft := "Almaty's emissions stood at 1,210.5 kt CO2e in January 2025.[^1]\n"
	lk := Lock(draft, &Vocabulary{Names: []string{"Almaty"}})
	id := ""
	for _, s := range lk.Slots {
		if s.Text == "1,210.5 kt CO2e" {
			id = s.ID
		}
	}
	if id == "" {
		t.Fatalf("no slot for the emissions in %q", lk.Text)
	}
	r := lk.Verify(strings.Replace(lk.Text, "⟦"+id+"⟧", "about ⟦"+id+"~⟧", 1))
	if !r.Accepted {
		t.Fatalf("refused: %v", r.Reasons)
	}
	if want := "Almaty's emissions stood at about 1,200 kt CO2e in January 2025.[^1]\n"; r.Text != want {
		t.Errorf("printed %q, want %q", r.Text, want)
	}
}

// BenchmarkRoundable64KB: the list of figures the prompt says a reply
// may round, for the largest section (each candidate is compared with
// every figure once: quadratic in the figures, never cubic).
func BenchmarkRoundable64KB(b *testing.B) {
	var sb strings.Builder
	sb.WriteString("## T\n\n")
	for sb.Len() < 60<<10 {
		sb.WriteString("- Kazakhstan's trade stood at $27.8 billion in 2024, up from $25.1 billion in 2023.[^1]\n")
	}
	lk := Lock(sb.String(), &Vocabulary{Names: []string{"Kazakhstan"}})
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		lk.Roundable()
	}
}
