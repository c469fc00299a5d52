package locale

import (
	"fmt"
	"strings"
	"unicode"

	"golang.org/x/text/feature/plural"
)

// Style chooses between a word in full and its abbreviation: "27,8
// миллиарда" or "27,8 млрд", "1,5 процентного пункта" or "1,5 п. п.".
type Style int

const (
	// DefaultStyle is the locale's own choice for prose (number.scale_style,
	// number.points_style): full words in English, abbreviations in
	// Russian and Kazakh.
	DefaultStyle Style = iota
	Full
	Abbr
)

func (s Style) key(def string) string {
	switch s {
	case Full:
		return "full"
	case Abbr:
		return "abbr"
	}
	return def
}

// Digits writes a figure's number without scale word: group separators
// from min_grouping+3 integer digits, the decimal separator, the minus
// sign. en "1,234.5", ru "1 234,5" (no-break space), "-3,5".
func (l *Locale) Digits(f Figure) string {
	if f.Special != "" {
		return l.d.Number.Special[f.Special]
	}
	n := l.d.Number
	var b strings.Builder
	b.Grow(len(f.Int) + len(f.Frac) + 8)
	if f.Neg {
		b.WriteString(n.Minus)
	}
	group := len(f.Int) >= 3+n.MinGrouping
	for i := 0; i < len(f.Int); i++ {
		if group && i > 0 && (len(f.Int)-i)%3 == 0 {
			b.WriteString(n.Group)
		}
		b.WriteByte(f.Int[i])
	}
	if f.Frac != "" {
		b.WriteString(n.Decimal)
		b.WriteString(f.Frac)
	}
	return b.String()
}

// Category is the CLDR plural category of a figure as printed ("one",
// "few", "many", "other"; operands from its digits, so "1,5" is other
// and "1,0" is not one in English); a figure with a scale word takes
// the locale's plural.after_scale ("27,8 млрд рублей": many).
func (l *Locale) Category(f Figure) string {
	if f.Special != "" {
		return "other"
	}
	if f.Scale != NoScale {
		return l.d.Plural.AfterScale
	}
	return formName(plural.Cardinal.MatchDigits(l.tag, digitValues(f), len(f.Int), len(f.Frac)))
}

func digitValues(f Figure) []byte {
	b := make([]byte, 0, len(f.Int)+len(f.Frac))
	for _, s := range []string{f.Int, f.Frac} {
		for i := 0; i < len(s); i++ {
			b = append(b, s[i]-'0')
		}
	}
	return b
}

func formName(f plural.Form) string {
	switch f {
	case plural.Zero:
		return "zero"
	case plural.One:
		return "one"
	case plural.Two:
		return "two"
	case plural.Few:
		return "few"
	case plural.Many:
		return "many"
	}
	return "other"
}

// category is Category limited to the categories the file declares (a
// language x/text does not know counts every number as other).
func (l *Locale) category(f Figure) string {
	c := l.Category(f)
	if !contains(l.categories, c) {
		return "other"
	}
	return c
}

// variant picks a counted variant for a figure.
func (l *Locale) variant(v variants, f Figure) string {
	s, ok := v.get(l.category(f))
	if !ok {
		s, _ = v.get("other") // validate guarantees other
	}
	return s
}

// ScaleWord is the word of a scale in a style, in the form that follows
// the figure f ("миллиарда" after 27,8, "млрд" always); NoScale is "".
func (l *Locale) ScaleWord(s Scale, style Style, f Figure) string {
	if s == NoScale {
		return ""
	}
	forms := l.d.Scales[s.String()]
	v, ok := forms[style.key(l.d.Number.ScaleStyle)]
	if !ok {
		v = forms[l.d.Number.ScaleStyle] // the language has no such form: its own style
	}
	g := f
	g.Scale = NoScale
	return l.variant(v, g)
}

// Figure writes a figure with its scale word in the locale's style:
// en "27.8 billion", ru "27,8 млрд", kk "27,8 млрд".
func (l *Locale) Figure(f Figure) string { return l.FigureAs(f, DefaultStyle) }

// FigureAs is Figure in a style: ru Full gives "27,8 миллиарда",
// "5 миллиардов", "1 миллиард".
func (l *Locale) FigureAs(f Figure, style Style) string {
	num := l.Digits(f)
	if f.Scale == NoScale || f.Special != "" {
		return num
	}
	return fill(l.d.Number.Scaled.s, "n", num, "scale", l.ScaleWord(f.Scale, style, f))
}

// Number formats v as a table column shows it (RoundNumber): en
// "1,234.5", ru "1 234,5".
func (l *Locale) Number(v float64, decimals int) (string, error) {
	f, err := RoundNumber(v, decimals)
	if err != nil {
		return "", err
	}
	return l.Digits(f), nil
}

// Scaled formats v for prose with its scale word (RoundScaled): en
// "27.8 billion", ru "27,8 млрд", kk "27,8 млрд".
func (l *Locale) Scaled(v float64, decimals int) (string, error) {
	return l.ScaledAs(v, decimals, DefaultStyle)
}

// ScaledAs is Scaled in a style.
func (l *Locale) ScaledAs(v float64, decimals int, style Style) (string, error) {
	f, err := RoundScaled(v, decimals)
	if err != nil {
		return "", err
	}
	return l.FigureAs(f, style), nil
}

// Money formats an amount of a currency (ISO 4217 code) for prose
// (RoundMoney): en "$27.8 billion", "27.8 billion KZT"; ru "27,8 млрд
// долл. США", "1,5 млн сомов"; kk "27,8 млрд АҚШ доллары". The minus
// sign comes first ("-$2 billion").
func (l *Locale) Money(v float64, code string, decimals int) (string, error) {
	f, err := RoundMoney(v, decimals)
	if err != nil {
		return "", err
	}
	return l.MoneyFigure(f, code, false), nil
}

// MoneyShort is Money as tables and chart labels write it, with the
// currency's sign where the locale has one: ru "27,8 млрд ₽", "1 500 ₸".
func (l *Locale) MoneyShort(v float64, code string, decimals int) (string, error) {
	f, err := RoundMoney(v, decimals)
	if err != nil {
		return "", err
	}
	return l.MoneyFigure(f, code, true), nil
}

// MoneyFigure writes a rounded amount (RoundMoney) of a currency, short
// for a table or chart.
func (l *Locale) MoneyFigure(f Figure, code string, short bool) string {
	if f.Special != "" {
		return l.Digits(f) + " " + code
	}
	neg := f.Neg
	f.Neg = false
	num := l.Figure(f)
	c, ok := l.d.Currencies[code]
	var s string
	switch {
	case !ok:
		s = fill(l.d.Currencies["default"].Text.all, "n", num, "code", code)
	case short && c.Short.set():
		s = fill(l.variant(c.Short, f), "n", num)
	default:
		s = fill(l.variant(c.Text, f), "n", num)
	}
	if neg {
		s = l.d.Number.Minus + s
	}
	return s
}

// Percent formats v, already in percent (RoundPercent): en "4.2%", ru
// "4,2 %" (no-break space), kk "4,2%".
func (l *Locale) Percent(v float64, decimals int) (string, error) {
	f, err := RoundPercent(v, decimals)
	if err != nil {
		return "", err
	}
	return l.PercentFigure(f), nil
}

// PercentFigure writes a rounded percentage (RoundPercent, or
// internal/format's PercentDigits): en "4.2%", ru "4,2 %".
func (l *Locale) PercentFigure(f Figure) string {
	return fill(l.d.Number.Percent.s, "n", l.Digits(f))
}

// PerMille formats v, already in per mille: en "4.2‰", ru "4,2 ‰".
func (l *Locale) PerMille(v float64, decimals int) (string, error) {
	f, err := RoundPercent(v, decimals)
	if err != nil {
		return "", err
	}
	return fill(l.d.Number.PerMille.s, "n", l.Digits(f)), nil
}

// Points formats a difference of percentages in percentage points, in
// the locale's style: en "1.5 percentage points", "1 percentage point";
// ru "1,5 п. п."; kk "1,5 пайыздық тармақ".
func (l *Locale) Points(v float64, decimals int) (string, error) {
	return l.PointsAs(v, decimals, DefaultStyle)
}

// PointsAs is Points in a style: ru Full gives "1,5 процентного пункта",
// "5 процентных пунктов". A style the language lacks is its own.
func (l *Locale) PointsAs(v float64, decimals int, style Style) (string, error) {
	f, err := RoundPercent(v, decimals)
	if err != nil {
		return "", err
	}
	return l.PointsFigure(f, style), nil
}

// PointsFigure writes a rounded difference (RoundPercent) in points.
func (l *Locale) PointsFigure(f Figure, style Style) string {
	pts := l.d.Number.Points
	v, ok := pts[style.key(l.d.Number.PointsStyle)]
	if !ok {
		v = pts[l.d.Number.PointsStyle]
	}
	return fill(l.variant(v, f), "n", l.Digits(f))
}

// AxisTitle names a chart's value axis from a unit's label and the scale
// its ticks are divided by: en "billion USD", ru "млрд долл. США".
func (l *Locale) AxisTitle(unit string, s Scale) (string, error) {
	word := ""
	if s != NoScale {
		word = l.scaleAfterNoun(s)
	}
	unit, word = strings.TrimSpace(unit), strings.TrimSpace(word)
	switch {
	case word == "":
		return unit, nil
	case unit == "":
		return word, nil
	}
	return l.Phrase("axis.title", "scale", word, "unit", unit)
}

// scaleAfterNoun is a scale word standing for the figures of an axis:
// the form after a scaled figure (after_scale).
func (l *Locale) scaleAfterNoun(s Scale) string {
	forms := l.d.Scales[s.String()]
	v := forms[l.d.Number.ScaleStyle]
	w, ok := v.get(l.d.Plural.AfterScale)
	if !ok {
		w, _ = v.get("other")
	}
	return w
}

// Count writes a count with its noun in the form the number asks for
// (grammar.after_numeral, by the CLDR category of the number as
// printed; grammar.after_scale after a scale word): en "1 project", "2
// projects"; ru "1 проект", "2 проекта", "5 проектов", "21 проект",
// "1,5 проекта", "1,5 млн проектов"; kk "5 жоба". decimals as for
// Scaled. A form the noun lacks is an error.
func (l *Locale) Count(v float64, decimals int, noun Noun) (string, error) {
	f, err := RoundScaled(v, decimals)
	if err != nil {
		return "", err
	}
	return l.CountFigure(f, noun)
}

// CountFigure is Count of a rounded figure.
func (l *Locale) CountFigure(f Figure, noun Noun) (string, error) {
	w, err := l.CountNoun(f, noun)
	if err != nil {
		return "", err
	}
	return fill(l.d.Grammar.NumeralNoun.s, "n", l.Figure(f), "noun", w), nil
}

// CountNoun is the form of noun that follows the figure f.
func (l *Locale) CountNoun(f Figure, noun Noun) (string, error) {
	slot := l.d.Grammar.AfterScale
	if f.Scale == NoScale || f.Special != "" {
		slot = l.d.Grammar.AfterNumeral[l.category(f)]
	}
	pl, c, err := l.slot(slot)
	if err != nil {
		return "", fmt.Errorf("%s: %v", l.file, err)
	}
	if pl {
		return l.PluralForm(noun, c)
	}
	return l.Form(noun, c)
}

// CurrencyUnit names a currency standing for the figures of a chart's
// axis or a table's column, after a scale word when scaled: the
// currency's text with its number taken out, in the form a scale word
// asks for (ru "долл. США", "млрд сомов"; kk "АҚШ доллары"), or its code
// where the text is a bare sign or the locale does not know it (en
// "USD", "billion KZT").
func (l *Locale) CurrencyUnit(code string, scaled bool) string {
	c, ok := l.d.Currencies[code]
	if !ok {
		return code
	}
	cat := "one"
	if scaled {
		cat = l.d.Plural.AfterScale
	}
	p, ok := c.Text.get(cat)
	if !ok {
		p, _ = c.Text.get("other")
	}
	name := strings.TrimSpace(strings.ReplaceAll(strings.ReplaceAll(p, "{n}", ""), "\u00a0", " "))
	name = strings.ReplaceAll(name, " ", "\u00a0")
	for _, r := range name {
		if unicode.IsLetter(r) {
			return name
		}
	}
	return code
}
