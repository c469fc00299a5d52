package guard

import (
	"strings"
	"testing"
)

const energy = `## Energy

- **Thermal power plants to be built by Inter RAO** (Kazakhstan with Russia): 3 plants (planned) in February 2025.[^1] Kokshetau, Semey and Ust-Kamenogorsk; to be built by Inter RAO.

| Indicator | Entity | Period | Value |
|:--|:--|:--|--:|
| Thermal power plants to be built by Inter RAO | Kazakhstan with Russia | February 2025 | 3 plants (plan)[^1] |

**Developments**

- **3 February 2025**: Rosatom on the shortlist. The article reports that Rosatom is on the shortlist of suppliers for Kazakhstan's first nuclear power plant.[^1]
- **December 2024**: A delegation led by Energy Minister Almasadam Satkaliyev visited nuclear projects in Семей.[^2]
`

func TestRules(t *testing.T) {
	tests := []ruleCase{
		{"unchanged", "", "", ""},
		{"reworded", "The article reports that Rosatom is", "According to the article, Rosatom is", ""},
		{"three spelled out", "3 plants (planned)", "three plants (planned)", ""},
		{"sentence opener", "Kokshetau, Semey", "Meanwhile, Kokshetau, Semey", ""},
		{"invented place", "Kokshetau, Semey", "Kokshetau, Pavlodar, Semey", `name "Pavlodar" is not in the draft or the data`},
		{"invented multiword org", "by Inter RAO.", "by Inter RAO and Samruk Energy.", `name "Samruk" is not in the draft or the data`},
		{"invented Cyrillic", "projects in Семей", "projects in Семей и Павлодар", `name "Павлодар" is not in the draft or the data`},
		{"invented name opening a sentence", "The article reports", "Tokayev reports", `name "Tokayev" is not in the draft or the data`},
		{"acronym", "Rosatom is on", "Rosatom (OPEC) is on", `name "OPEC" is not in the draft or the data`},
		{"word number", "first nuclear", "second nuclear", `number "second" is not in the draft`},
		{"dropped footnote", "Satkaliyev visited nuclear projects in Семей.[^2]", "Satkaliyev visited nuclear projects in Семей.", "footnote [^2] dropped (0 of 1 kept)"},
		{"added footnote", "power plant.[^1]", "power plant.[^1][^3]", "footnote [^3] added: the draft does not cite it"},
		{"changed heading", "## Energy", "## Power", `headings changed: "## Energy" became "## Power"`},
		{"heading level", "## Energy", "### Energy", `headings changed`},
		{"table cell", "| February 2025 | 3 plants (plan)[^1] |", "| February 2025 | 3 plants (planned)[^1] |", "table 1 changed: row 3"},
		{"list item merged", ".[^1]\n- **December", ".[^1] **December", "2 list items instead of 3"},
		{"html", "Rosatom on", "<b>Rosatom</b> on", `contains HTML "<b>"`},
		{"link", "The article reports", "The [article](https://evil.example) reports", `link "https://evil.example" is not in the draft`},
		{"bare url", "The article reports", "The article (www.evil.example) reports", `link "www.evil.example" is not in the draft`},
		{"draft tags", "## Energy", "<draft>\n## Energy", "contains the <draft> tags of the prompt"},
		{"assistant talk", "**Developments**", "As an AI, I kept the facts.\n\n**Developments**", `contains instruction-like text "as an ai"`},
		{"code fence", "## Energy", "```markdown\n## Energy", "1 code blocks instead of 0"},
		{"too long", "Inter RAO.", "Inter RAO." + strings.Repeat(" The plants are planned.", 30), "length"},
	}
	runCases(t, energy, tests)
}

// ruleCase edits a draft (from -> to) and says why the guard must reject
// the result ("" = accept it).
type ruleCase struct {
	name, from, to, reason string
}

func runCases(t *testing.T, draft string, tests []ruleCase) {
	t.Helper()
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			polished := strings.Replace(draft, tc.from, tc.to, 1)
			if tc.from != "" && polished == draft {
				t.Fatalf("%q not found in the draft", tc.from)
			}
			r := Check(draft, polished, vocab)
			if tc.reason == "" {
				if !r.Accepted {
					t.Errorf("rejected: %v", r.Reasons)
				}
				return
			}
			if r.Accepted || !strings.Contains(strings.Join(r.Reasons, "\n"), tc.reason) {
				t.Errorf("accepted %v, reasons %q lack %q", r.Accepted, r.Reasons, tc.reason)
			}
		})
	}
}

func TestLengthBounds(t *testing.T) {
	d := strings.Repeat("word ", 40) // 200 characters of prose
	if r := Check(d, strings.Repeat("word ", 20), nil); !r.Accepted {
		t.Errorf("half length minus slack must pass: %v", r.Reasons)
	}
	if r := Check(d, strings.Repeat("word ", 15), nil); r.Accepted {
		t.Error("too short accepted")
	}
	if r := Check(d, "", nil); r.Accepted {
		t.Error("empty accepted")
	}
}

func TestNilVocabularyAndEmptyDraft(t *testing.T) {
	if r := Check("", "Hello.", nil); r.Accepted {
		t.Error("text from nothing accepted")
	}
}

func BenchmarkCheck(b *testing.B) {
	p := strings.Replace(energy, "The article reports that", "According to the article,", 1)
	for i := 0; i < b.N; i++ {
		Check(energy, p, vocab)
	}
}

const changes = `## Trade

Exports (Kazakhstan) rose to $5.9 billion in January 2025, up 4.2% on a year earlier.[^1] Imports fell to $3.1 billion, down 2.5% on December 2024.[^1] The balance was -1.2% of GDP.[^1] The tariff was unchanged at 5%.[^1] The customs terminal was set up in 2024.[^2]
`

func TestDirections(t *testing.T) {
	tests := []ruleCase{
		{"unchanged", "", "", ""},
		{"verb moved", "Exports (Kazakhstan) rose to $5.9 billion in January 2025, up 4.2% on a year earlier.", "Exports (Kazakhstan) grew 4.2% on a year earlier to $5.9 billion in January 2025.", ""},
		{"noun for down", "Imports fell to $3.1 billion, down 2.5% on December 2024.", "Imports fell to $3.1 billion, a 2.5% drop on December 2024.", ""},
		{"minus kept as a word", "The balance was -1.2% of GDP.", "The balance fell to -1.2% of GDP.", ""},
		{"up to is no rise", "The customs terminal was set up in 2024.", "The customs terminal was set up in 2024, up to plan.", ""},
		{"flipped in a mixed text", "up 4.2% on a year earlier", "down 4.2% on a year earlier", `number "4.2%" goes down in the polished text but up in the draft`},
		{"verbs swapped", "Exports (Kazakhstan) rose to $5.9 billion in January 2025, up 4.2% on a year earlier.[^1] Imports fell to $3.1 billion, down 2.5%", "Exports (Kazakhstan) fell to $5.9 billion in January 2025, down 4.2% on a year earlier.[^1] Imports rose to $3.1 billion, up 2.5%", `number "2.5%" goes up in the polished text but down in the draft`},
		{"minus dropped", "The balance was -1.2% of GDP.", "The balance was 1.2% of GDP.", `number "1.2%" has lost the draft's minus sign`},
		{"unit changed", "The customs terminal was set up in 2024.", "The customs terminal, 40 km long, was set up in 2024.", `number "40 km" is not in the draft`},
		{"flat became a rise", "The tariff was unchanged at 5%.", "The tariff rose to 5%.", `number "5%" goes up in the polished text but unchanged in the draft`},
	}
	runCases(t, changes, tests)
	// A rise in a draft that reports none.
	r := Check(energy, strings.Replace(energy, "Rosatom is on the shortlist", "Rosatom climbed onto the shortlist", 1), vocab)
	if r.Accepted || !strings.Contains(strings.Join(r.Reasons, "\n"), `reports a rise ("climbed") that the draft does not`) {
		t.Errorf("invented rise: accepted %v, %q", r.Accepted, r.Reasons)
	}
}

func TestSignBefore(t *testing.T) {
	for _, tc := range []struct {
		text string
		want polarity
	}{
		{"-3.3%", dirDown}, {"(−2)", dirDown}, {"+4%", dirUp}, {"2020-2024", 0}, {"COVID-19", 0}, {"5 - 3", 0}, {"3", 0}, {"-$3 billion", dirDown}, {"$-3 billion", dirDown},
	} {
		q := quantities(tc.text)
		if len(q) == 0 {
			t.Fatalf("%q: no number", tc.text)
		}
		if got := q[len(q)-1].sign; got != tc.want {
			t.Errorf("%q: sign %v, want %v", tc.text, got, tc.want)
		}
	}
}

func TestUnknownUnits(t *testing.T) {
	d := "The Irtysh at Semey stood at 341 cm on 12 February 2025.[^1] Capacity is 2 MW.[^2]\n"
	for _, tc := range []struct{ to, reason string }{
		{"The Irtysh at Semey stood at 341 cm on 12 February 2025.[^1] Capacity is 2 MW.[^2]\n", ""},
		{"On 12 February 2025, the Irtysh at Semey stood at 341 centimetres.[^1] Capacity is 2 MW.[^2]\n", ""},
		{"The Irtysh at Semey stood at 341 mm on 12 February 2025.[^1] Capacity is 2 MW.[^2]\n", `number "341" is in mm here but in cm in the draft`},
		{"The Irtysh at Semey stood at 341 cm on 12 February 2025.[^1] Capacity is 2 kW.[^2]\n", `number "2" is in kW here but in MW in the draft`},
	} {
		r := Check(d, tc.to, nil)
		if tc.reason == "" {
			if !r.Accepted {
				t.Errorf("%q rejected: %v", tc.to, r.Reasons)
			}
			continue
		}
		if r.Accepted || !strings.Contains(strings.Join(r.Reasons, "\n"), tc.reason) {
			t.Errorf("%q: accepted %v, reasons %q lack %q", tc.to, r.Accepted, r.Reasons, tc.reason)
		}
	}
}

// BenchmarkCheckLargest checks a section at the size limit with 4,800
// figures: the guard must stay linear in reading clauses (a clause scan
// per figure once took 46 s here; now a fraction of a second).
func BenchmarkCheckLargest(b *testing.B) {
	d := strings.Repeat("Exports rose 3.5% to 12 kt, while imports fell 2%. ", 1200)
	for i := 0; i < b.N; i++ {
		Check(d, d, nil)
	}
}
