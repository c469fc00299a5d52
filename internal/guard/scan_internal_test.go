package guard

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// scanTexts: every draft and reply of the red-team corpus, and some
// edge cases written here, as lines: the texts the guard reads.
func scanTexts(t *testing.T) []string {
	t.Helper()
	if testing.Short() {
		// exactness, not concurrency: the plain run compares them all
		t.Skip("the scans are compared with their patterns without -short")
	}
	texts := []string{
		"3 May 2024, 3-5 May 2024, 12–14 June, 2024-W10, 2025-02-03, 2023–24, 1999-2000",
		"3.5% to 12 kt in 2024.[^1] 12345 and 123 May, 20245 and 1 June",
		"Figure 1, Tables 12, Figure 1234, Map 3a, xTable 2, [Figure 3](a.svg)",
		"![Chart](c.svg) [a](b) <https://x.org> < b> [^2] ! [x](y)",
		"Q1 2025, H2 2024, Week 3 of 2025, May, Sept 2024, 3 Sept. 2024",
	}
	seen := map[string]bool{}
	files, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "guard", "redteam", "*.txtar"))
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, l := range strings.Split(string(b), "\n") {
			if !seen[l] {
				seen[l] = true
				texts = append(texts, l)
			}
		}
	}
	return texts
}

// TestScannersFindWhatTheirPatternsFind: the scans that try a pattern
// only where a match can start (a date, a link, a reference to a figure
// or table) find exactly what the pattern finds over the whole text.
func TestScannersFindWhatTheirPatternsFind(t *testing.T) {
	texts := scanTexts(t)
	if len(texts) < 100 {
		t.Fatalf("only %d texts to compare", len(texts))
	}
	whole := strings.Join(texts[:min(len(texts), 400)], "\n") // across lines
	for _, c := range []struct {
		name   string
		re     *lazyRegexp
		window int
		start  func(string, int, int) bool
	}{
		{"dates", dateRE, 64, dateStart},
		{"links", linkRE, 0, linkStart},
		{"references", referenceRE, 16, referenceStart},
	} {
		for _, s := range append(texts, whole) {
			want := c.re.re().FindAllStringIndex(s, -1)
			got := c.re.findAllAt(s, c.window, c.start)
			if len(want) == 0 && len(got) == 0 {
				continue
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("%s in %.80q: scanned %v, the pattern finds %v", c.name, s, got, want)
			}
		}
	}
}

// TestTokenIndex: a slot's token, not one whose id it opens.
func TestTokenIndex(t *testing.T) {
	s := "up ⟦F12⟧ from ⟦F1~⟧ and ⟦F1⟧"
	if got, want := tokenIndex(s, "F1"), strings.Index(s, "⟦F1~"); got != want {
		t.Errorf("tokenIndex(F1) = %d, want %d", got, want)
	}
	if got := tokenIndex(s, "F2"); got != -1 {
		t.Errorf("tokenIndex(F2) = %d, want -1", got)
	}
	if got, want := lastFields("  rose by  about ", 2), []string{"by", "about"}; !reflect.DeepEqual(got, want) {
		t.Errorf("lastFields = %q, want %q", got, want)
	}
	if got := lastFields("   ", 2); len(got) != 0 {
		t.Errorf("lastFields of spaces = %q", got)
	}
}

// TestTokenPairsFindWhatTheirPatternsFind: the ranges' scans from each
// figure token find what their patterns find over the whole text.
func TestTokenPairsFindWhatTheirPatternsFind(t *testing.T) {
	texts := append(scanTexts(t), "⟦F1⟧–⟦F2⟧ and ⟦F3⟧ to ⟦F4⟧, ⟦F12⟧\u00a0— ⟦F13⟧; ⟦F5⟧ and ⟦F6⟧ to ⟦F7⟧")
	n := 0
	for _, re := range []*lazyRegexp{rangeDash, rangeTo} {
		for _, s := range texts {
			want := re.re().FindAllStringSubmatchIndex(s, -1)
			got := tokenPairs(s, re.at())
			n += len(want)
			if len(want) == 0 && len(got) == 0 {
				continue
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("%s in %.80q: scanned %v, the pattern finds %v", re.src, s, got, want)
			}
		}
	}
	if n < 10 {
		t.Errorf("only %d ranges in the texts: the test compares too little", n)
	}
}

// TestFindTokensIsTheTokenPattern: the hand scan of tokens finds what
// tokenRE finds, with the same groups.
func TestFindTokensIsTheTokenPattern(t *testing.T) {
	texts := append(scanTexts(t), "⟦F1⟧⟦F2~⟧ ⟦f3⟧ ⟦F⟧ ⟦FF1⟧ ⟦F1~~⟧ ⟦F12 ⟧ ⟦⟦N3⟧⟧ ⟦B10⟧", "⟦", "⟦F", "⟦F1", "⟦F1~")
	n := 0
	for _, s := range texts {
		want := tokenRE.re().FindAllStringSubmatchIndex(s, -1)
		got := findTokens(s)
		n += len(want)
		if len(want) == 0 && len(got) == 0 {
			continue
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("in %.80q: scanned %v, the pattern finds %v", s, got, want)
		}
	}
	if n < 1000 {
		t.Errorf("only %d tokens in the texts: the test compares too little", n)
	}
}

// TestAheadReadsAsTheRest: the patterns read after a figure find on
// ahead(s, i) what they find on the rest of the text, wherever a figure
// can end, in a text longer than ahead's cut (the corpus's lines joined,
// and a long one-line paragraph as the 64 KB benchmark has).
func TestAheadReadsAsTheRest(t *testing.T) {
	texts := scanTexts(t)
	long := strings.Join(texts[:min(len(texts), 600)], "\n")
	para := strings.Repeat("Exports rose 3.5% to 12 kt CO2e, per troy ounce, 3 plants (planned), 4 US dollars, 5 ‰, 6 bps and 7 percentage points in 2024.[^1] ", 40) + "8 " + strings.Repeat("x", 300) + " and 9 per " + strings.Repeat("y", 300) + " z"
	n := 0
	for _, s := range []string{long, para} {
		for i := 1; i < len(s); i++ {
			if !isDigitByte(s[i-1]) || isDigitByte(s[i]) {
				continue
			}
			n++
			for _, re := range []*lazyRegexp{scaleRE, unitRE, nounRE, perRE, chemRE, statusRE} {
				want := re.re().FindStringSubmatchIndex(s[i:])
				got := re.re().FindStringSubmatchIndex(ahead(s, i))
				if !reflect.DeepEqual(got, want) {
					t.Errorf("%s after %.40q: %v on ahead, %v on the rest", re.src, s[i:], got, want)
				}
			}
		}
	}
	if n < 1000 {
		t.Errorf("only %d figure ends compared", n)
	}
}
