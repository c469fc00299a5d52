package narrative

import (
	"fmt"
	"math"
	"strings"

	"github.com/briefhq/brief/internal/format"
	"github.com/briefhq/brief/internal/locale"
)

// A figure below zero of an indicator whose catalog names its negative
// side (negative: deflation, deficit) is said in a language other than
// English by the catalog's word in that language, as the English brief
// says "deflation of 3.3%" (Row.SignWord): «дефляция 3,3 %», «3,3%
// дефляция». Where the catalog gives the English word but none in the
// language, the sentence keeps the signed figure («−3,3 %») and the brief
// warns (SignWarnings), naming the catalog line where the word goes.

// signNoun is the catalog's word in the row's language for its figure's
// sign ("negative" below zero, "positive" above), nil when the English
// entry has none for it, or the language block gives none.
func (r *Row) signNoun() *locale.Noun {
	if r.Indicator == nil || r.Indicator.lang == nil || r.SignWord() == "" {
		return nil
	}
	switch {
	case r.Value < 0:
		return r.Indicator.lang.Negative
	case r.Value > 0:
		return r.Indicator.lang.Positive
	}
	return nil
}

// HasSignL says whether the row's figure is said by the catalog's sign
// word in the brief's language (SignL).
func (r *Row) HasSignL() bool { return r.locale() != English() && r.signNoun() != nil }

// SignNamesL says whether that word names what it measures on its own,
// as English decides it (SignNames: "deflation", not "a deficit"), so a
// sentence says it of the entity: «в Туркмении зафиксирована дефляция
// 3,3 %», «Түрікменстанда 3,3% дефляция тіркелді».
func (r *Row) SignNamesL() bool { return r.HasSignL() && r.SignNames() }

// SignL is the sign word in a case of the brief's language ("gen":
// «дефляции»; kk "dat": «дефляцияға»).
func (r *Row) SignL(c string) (string, error) {
	n := r.signNoun()
	if n == nil {
		return "", fmt.Errorf("indicator %q: no %s sign word for this figure (test HasSignL first)", r.Indicator.ID, r.locale().ID())
	}
	s, err := r.locale().Form(*n, locale.Case(c))
	return format.EscapeMarkdown(s), err
}

// FromSignL is the catalog's sign word in the brief's language for the
// earlier figure of a change, in case c («после дефицита 4,0 %»,
// «после профицита 2,0 млрд»), "" when that figure is zero, the row is
// not said by its sign word in the language (HasSignL), or the catalog
// gives no word for that side. A change of a figure said by its sign
// word is told by what each figure was: «дефицит 5,5 %, на 1,5 п. п.
// меньше, чем в 2023 г. (−4,0 %)» reads as a smaller deficit where it
// grew (red team round 39).
func (c *Change) FromSignL(cs string) (string, error) {
	if c == nil || c.row == nil || !c.row.HasSignL() || c.Fact == nil || c.Fact.Against == nil {
		return "", nil
	}
	var n *locale.Noun
	switch v := c.Fact.Against.Value; {
	case v < 0:
		n = c.row.Indicator.lang.Negative
	case v > 0:
		n = c.row.Indicator.lang.Positive
	}
	if n == nil {
		return "", nil
	}
	s, err := c.row.locale().Form(*n, locale.Case(cs))
	return format.EscapeMarkdown(s), err
}

// SignGender is the gender of the sign word, for agreement (ru
// «зафиксирована дефляция»); "" in a language without genders.
func (r *Row) SignGender() string {
	n := r.signNoun()
	if n == nil {
		return ""
	}
	if n.Plural {
		return "pl"
	}
	return string(n.Gender)
}

// AbsNumL is Num of the figure's size, without its sign, for a sentence
// that says the sign by its word: «3,3 %».
func (r *Row) AbsNumL() (string, error) {
	c := *r
	c.Value = math.Abs(r.Value)
	return c.Num()
}

// SignWarnings are the warnings of a brief in a language other than
// English whose rows include a figure the English brief says by its sign
// word ("deflation of 3.3%") and the catalog gives no word for in the
// language: the brief prints the signed figure («−3,3 %») and names the
// catalog line where the word goes. One warning per indicator.
func (b *Brief) SignWarnings() []string {
	if b == nil || b.Locale() == English() {
		return nil
	}
	var out []string
	seen := map[string]bool{}
	for _, t := range b.Topics {
		for _, iv := range t.Indicators {
			if iv == nil || iv.lang == nil || seen[iv.ID] {
				continue
			}
			for _, r := range iv.Rows {
				if r == nil || r.SignWord() == "" || r.signNoun() != nil {
					continue
				}
				key := "negative"
				if r.Value > 0 {
					key = "positive"
				}
				seen[iv.ID] = true
				out = append(out, fmt.Sprintf("--lang %[1]s: indicator %[2]q says a figure by its %[3]s word in English (%[4]q) and the catalog gives no %[1]s word for it, so the brief prints the signed figure; add %[3]s: {nom: …, …} to the indicator's %[1]s block (%[5]s:%[6]d)",
					b.Locale().ID(), iv.ID, key, r.SignWord(), iv.lang.Pos.File, iv.lang.Pos.Line))
				break
			}
		}
	}
	return out
}

// percentLabelL is the label of a percentage in the brief's language
// when the catalog's English label says more than "%" ("% a year": a
// rate per year) and the language block gives no unit: the locale's
// percent.a_year («1,880 % годовых», «жылдық 1,880%»); s otherwise.
func (r *Row) percentLabelL(s string) string {
	if r.Fact == nil || !format.IsPercent(r.Fact.Unit) || r.locale() == English() || !yearly(r.label) {
		return s
	}
	if r.Indicator != nil && r.Indicator.lang != nil && r.Indicator.lang.Unit != nil {
		return s
	}
	t, err := r.locale().Phrase("percent.a_year", "n", s)
	if err != nil {
		return s
	}
	return t
}

// yearly says whether a percentage's label says it is a rate a year.
func yearly(label string) bool {
	switch strings.ToLower(strings.TrimSpace(label)) {
	case "% a year", "% per year", "% per annum", "% p.a.", "% pa", "% annual", "% annually":
		return true
	}
	return false
}

// PressBareL is NumBare for the press, by the rule of PressNum: a figure
// of 1,000 or more rounded to two significant digits, after the locale's
// "about" when that changed it (a count said without repeating its noun,
// «число случаев … составило около 85 000»).
func (r *Row) PressBareL() (string, error) { return r.pressBare(format.PressDecimals(r.decimals)) }

// PressBareBesideL is PressBareL beside v (PressNumBeside).
func (r *Row) PressBareBesideL(v float64) (string, error) { return r.pressBare(r.pressBeside(v)) }

func (r *Row) pressBare(d int) (string, error) {
	v := r.Value
	if !format.IsPress(d) {
		s, err := localBare(r.locale(), v, d)
		if err != nil {
			return "", err
		}
		return r.approx(s)
	}
	if r.Fact == nil || format.IsPercent(r.Fact.Unit) || math.Abs(v) < format.PressMin || math.IsInf(v, 0) || math.IsNaN(v) {
		return r.NumBare()
	}
	x, xd := format.PressRounded(v, d)
	s, err := localBare(r.locale(), x, xd)
	if err != nil {
		return "", err
	}
	if x == v {
		return r.approx(s)
	}
	a, err := r.locale().Phrase("about")
	if err != nil {
		return "", err
	}
	if strings.HasPrefix(s, a) {
		return s, nil
	}
	return a + s, nil
}

// PressCountedL is CountedL for the press: the count rounded by the rule
// of PressNum, after the locale's "about" when that changed it («около 12
// млн иностранцев», as the English "about 12 million foreign visitors").
func (r *Row) PressCountedL() (string, error) {
	x, xd, ok := r.pressCount()
	if !ok {
		return r.CountedL()
	}
	c := *r
	c.Value, c.decimals = x, xd
	s, err := c.CountedL()
	if err != nil || x == r.Value {
		return s, err
	}
	return r.aboutL(s)
}

// PressCountedIn is CountedIn for the press (PressCountedL).
func (r *Row) PressCountedIn(cs string) (string, error) {
	x, xd, ok := r.pressCount()
	if !ok {
		return r.CountedIn(cs)
	}
	c := *r
	c.Value, c.decimals = x, xd
	s, err := c.CountedIn(cs)
	if err != nil || x == r.Value {
		return s, err
	}
	return r.aboutL(s)
}

// pressCount is the row's count rounded for the press and its decimals;
// false when the press leaves it as it is (under 1,000).
func (r *Row) pressCount() (float64, int, bool) {
	v := r.Value
	if math.Abs(v) < format.PressMin || math.IsInf(v, 0) || math.IsNaN(v) {
		return 0, 0, false
	}
	x, xd := format.PressRounded(v, format.PressDecimals(r.decimals))
	return x, xd, true
}

// aboutL is s after the locale's "about", unless it has it.
func (r *Row) aboutL(s string) (string, error) {
	a, err := r.locale().Phrase("about")
	if err != nil || strings.HasPrefix(s, a) {
		return s, err
	}
	return a + s, nil
}
