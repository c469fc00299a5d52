package guard

import (
	"regexp"
	"strings"
	"testing"
)

func TestNumbersToleranceOfFormatNotValue(t *testing.T) {
	draft := "Trade turnover was $27.8 billion in 2024, up 4.2% on 2023, and the share rose 1.5 percentage points.[^1]"
	tests := []struct {
		polished string
		ok       bool
	}{
		{"Trade turnover was $27.8bn in 2024, up 4.2% on 2023, and the share rose 1.5 percentage points.[^1]", true},
		{"Trade turnover was 27,8 млрд USD in 2024, up 4,2% on 2023, and the share rose 1.5 pp.[^1]", true},
		{"Trade turnover was 27.8 bn dollars in 2024, up 4.2 per cent on 2023, and the share rose 1.5 points.[^1]", true},
		{"Trade turnover was US$27.8 billion in 2024, up 4.2% on 2023, and the share rose 1.5 percentage points.[^1]", true},
		{"Trade turnover was $27.9 billion in 2024, up 4.2% on 2023, and the share rose 1.5 percentage points.[^1]", false},
		{"Trade turnover was $27.8 trillion in 2024, up 4.2% on 2023, and the share rose 1.5 percentage points.[^1]", false},
		{"Trade turnover was €27.8 billion in 2024, up 4.2% on 2023, and the share rose 1.5 percentage points.[^1]", false},
		{"Trade turnover was $27.8 billion in 2024, up 4.2 percentage points on 2023, and the share rose 1.5 percentage points.[^1]", false},
		{"Trade turnover was $27.8 billion in 2024, up 4.2% on 2023, and the share rose 1.5%.[^1]", false},
		{"Trade turnover was $27.8 billion in 2025, up 4.2% on 2023, and the share rose 1.5 percentage points.[^1]", false},
	}
	for _, tc := range tests {
		r := Check(draft, tc.polished, nil)
		if r.Accepted != tc.ok {
			t.Errorf("%q: accepted %v, want %v (%v)", tc.polished, r.Accepted, tc.ok, r.Reasons)
		}
	}
}

func TestReasonsAreSpecific(t *testing.T) {
	r := Check("Exports were $5 billion.[^1]", "Exports were $6 billion, said Minister Ivanov.", nil)
	got := strings.Join(r.Reasons, "\n")
	for _, want := range []string{`number "$6 billion" (USD) is not in the draft`, `name "Minister" is not in the draft or the data`, `name "Ivanov" is not in the draft or the data`, `footnote [^1] dropped (0 of 1 kept)`} {
		if !strings.Contains(got, want) {
			t.Errorf("reasons lack %q:\n%s", want, got)
		}
	}
}

var digitRE = regexp.MustCompile(`\d`)

// FuzzChangedNumberIsCaught: Check never panics, and changing one digit
// of a figure in a faithful text is always caught.
func FuzzChangedNumberIsCaught(f *testing.F) {
	for _, c := range loadCorpus(f) {
		if c.expect == "accept" {
			f.Add(c.draft, c.polished, uint16(0), uint8(1))
		}
	}
	f.Fuzz(func(t *testing.T, draft, polished string, at uint16, delta uint8) {
		r := Check(draft, polished, vocab)
		if !r.Accepted || delta%10 == 0 {
			return
		}
		// Change one digit outside footnote markers, tables and images.
		text := polished
		var spots []int
		for _, loc := range digitRE.FindAllStringIndex(text, -1) {
			line := text[strings.LastIndexByte(text[:loc[0]], '\n')+1:]
			if strings.HasPrefix(line, "|") || strings.HasPrefix(line, "![") || insideMarker(text, loc[0]) {
				continue
			}
			spots = append(spots, loc[0])
		}
		if len(spots) == 0 {
			return
		}
		i := spots[int(at)%len(spots)]
		d := text[i] - '0'
		changed := text[:i] + string(rune('0'+(d+delta)%10)) + text[i+1:]
		if Check(draft, changed, vocab).Accepted {
			t.Fatalf("digit %d of %q changed and still accepted:\n%s", i, text[max(0, i-20):min(len(text), i+20)], changed[max(0, i-20):min(len(changed), i+20)])
		}
	})
}

func insideMarker(s string, i int) bool {
	open := strings.LastIndex(s[:i], "[^")
	return open >= 0 && !strings.Contains(s[open:i], "]")
}
