package narrative

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/briefhq/brief/internal/facts"
	"github.com/briefhq/brief/internal/format"
	"github.com/briefhq/brief/internal/locale"
	"github.com/briefhq/brief/internal/period"
)

// The methods below write a row in its brief's locale, for the templates
// of a language other than English (whose view the rest of this package
// writes): the figure with the locale's separators, scale words and
// currency ("27,8 млрд долл. США"), the period as a label, after a
// preposition and in the genitive ("2024 г.", "в 2024 г.", "февраля
// 2025 г."), the change on the period before.

func (r *Row) locale() *locale.Locale {
	if r.loc == nil {
		return English()
	}
	return r.loc
}

// Num is the figure with its unit as the locale writes it: money with
// the currency's name ("27,8 млрд долл. США"), a percentage ("64,7 %"),
// another unit as the number, its scale word and the unit's label.
func (r *Row) Num() (string, error) { return r.numWith(r.decimals) }

// numWith is Num with decimals d.
func (r *Row) numWith(d int) (string, error) {
	s, err := localCount(r.locale(), r.Value, r.Fact, r.label, d, r.Indicator.countNoun())
	if err != nil {
		return "", err
	}
	return r.approx(r.percentLabelL(r.withPer(s)))
}

// perUnit is what a money figure is per, from the catalog's language
// block (per: «за 1 куб. м»); "" when it gives none.
func (r *Row) perUnit() string {
	if r.Indicator == nil || r.Indicator.lang == nil || r.Indicator.lang.Per == "" || r.Fact == nil || !format.IsCurrency(r.Fact.Unit) {
		return ""
	}
	return format.EscapeMarkdown(r.Indicator.lang.Per)
}

// withPer puts a money figure s and what it is per in the language's
// order (the locale's money.per: ru «112 тенге за 1 куб. м», kk «1 текше метр
// үшін 112 теңге»).
func (r *Row) withPer(s string) string {
	p := r.perUnit()
	if p == "" {
		return s
	}
	if t, err := r.locale().Phrase("money.per", "n", s, "per", p); err == nil {
		return t
	}
	return s + " " + p
}

// approx is s after the locale's "about" when the row's source calls its
// figure approximate (qualify: "About 12 million; ..."), as the English
// says "about 12 million": "около 12 млн", "шамамен 12 млн". A figure
// the press rule rounded has it already.
func (r *Row) approx(s string) (string, error) {
	if r.qual != "about" {
		return s, nil
	}
	a, err := r.locale().Phrase("about")
	if err != nil || strings.HasPrefix(s, a) {
		return s, err
	}
	return a + s, nil
}

// WhenL is when the row's figure is said for, after the locale's
// words for its caveat, as the English says it (qualify): a flow's
// figure released before its period ended is the period up to that day
// ("с начала 2025 г. по 3 февраля", "2025 жылдың басынан 3 ақпанға
// дейін"; phrase when.up_to), one for a period not over a total so far
// (when.so_far); a total to date, by its note or its indicator's
// summary: cumulative, is as of its period ("по состоянию на февраль
// 2025 г.", "2025 жылғы ақпандағы жағдай бойынша"; when.as_of); any
// other is InL ("в 2024 г.").
func (r *Row) WhenL() (string, error) {
	if r.Fact == nil {
		return r.InL()
	}
	l, p := r.locale(), r.Fact.Period
	switch {
	case !r.upTo.IsZero():
		return l.When("when.up_to", p, r.upTo)
	case r.suffix == soFar:
		return l.When("when.so_far", p, time.Time{})
	case r.ToDate || (r.Indicator != nil && r.Indicator.Cumulative && actual(r.Fact)):
		return l.When("when.as_of", p, time.Time{})
	}
	return r.InL()
}

// AsOfL is the row's period as the day its figure was reported on or
// stated for: "по состоянию на февраль 2025 г.", "2025 жылғы ақпандағы
// жағдай бойынша" (a plan with no date of its own is said so, never "in
// February" as if due then).
func (r *Row) AsOfL() (string, error) {
	if r.Fact == nil {
		return r.InL()
	}
	return r.locale().When("when.as_of", r.Fact.Period, time.Time{})
}

// NumBare is Num without a currency or unit: a second figure of a
// sentence that has named the unit.
func (r *Row) NumBare() (string, error) {
	s, err := localBare(r.locale(), r.Value, r.decimals)
	if err != nil {
		return "", err
	}
	return r.approx(s)
}

// PeriodL is the row's period as a label: "2024 г.", "февраль 2025 г.".
func (r *Row) PeriodL() (string, error) { return r.periodForm(locale.Label) }

// InL is the row's period after the locale's preposition of time: "в
// 2024 г.", "в феврале 2025 г.", "3 февраля 2025 г.".
func (r *Row) InL() (string, error) { return r.periodForm(locale.In) }

// GenL is the row's period in the genitive: "февраля 2025 г." ("по
// состоянию на конец февраля 2025 г.").
func (r *Row) GenL() (string, error) { return r.periodForm("gen") }

func (r *Row) periodForm(f locale.PeriodForm) (string, error) {
	if r.Fact == nil {
		if r.per.IsZero() {
			return "", nil
		}
		return r.locale().Period(r.per, f)
	}
	return r.locale().Period(r.Fact.Period, f)
}

// Share is the row's share of its ranking's total in the locale
// ("64,7 %"), "" when it has none.
func (r *Row) ShareL() (string, error) {
	if r.Share == nil || r.Share.Fact == nil {
		return "", nil
	}
	return localPercent(r.locale(), r.Share.Fact.Value, 1), nil
}

// ChangeL is the change on the earlier figure, in the locale: its
// percentage (or the difference, for percentages and from zero) with a
// sign, "+4,1 %", "−6,9 %", "0,0 %"; PrevL is the earlier figure and
// PrevPeriodL its period.
func (c *Change) ChangeL(l *locale.Locale) (string, error) {
	if c == nil || c.Fact == nil {
		return "", nil
	}
	cur, prev := c.Fact.Value, c.Fact.Against.Value
	if format.IsPercent(c.Fact.Unit) {
		// A change of a percentage is in points: "+2,4 п. п.", "+2,4
		// пайыздық тармақ" (the locale's number.points).
		dec := 1
		if c.row != nil {
			dec = c.row.decimals
		}
		diff, places := format.PointsDiff(cur, prev, dec)
		d := format.ScaledDigits(math.Abs(diff), places)
		return signed(diff, l.PointsFigure(figureOf(d), locale.DefaultStyle)), nil
	}
	if prev == 0 {
		s, err := localBare(l, math.Abs(cur-prev), 1)
		return signed(cur-prev, s), err
	}
	if prev < 0 || cur < 0 {
		// From or to below zero a percentage says nothing (a deficit
		// of 1 grown to 5 is not "−400 %"): the difference, with its
		// unit, as the English says "down $4.0 billion" (format.ChangeOf).
		dec := 1
		if c.row != nil {
			dec = c.row.decimals
		}
		s, err := localValue(l, math.Abs(cur-prev), c.Fact, c.label, dec)
		return signed(cur-prev, s), err
	}
	pct := (cur - prev) / math.Abs(prev) * 100
	return signed(pct, localPercent(l, math.Abs(pct), 1)), nil
}

// PrevL is the earlier figure of a change, with its unit, in the locale.
func (c *Change) PrevL(l *locale.Locale, decimals int) (string, error) {
	if c == nil || c.Fact == nil {
		return "", nil
	}
	return localValue(l, c.Fact.Against.Value, c.Fact, c.label, decimals)
}

// PrevPeriodL is the earlier figure's period as a label.
func (c *Change) PrevPeriodL(l *locale.Locale) (string, error) {
	if c == nil || c.Fact == nil {
		return "", nil
	}
	return l.Period(c.AgainstPeriod(), locale.Label)
}

func signed(v float64, s string) string {
	if zeroDigits(s) {
		return s // a change that prints as zero has no direction
	}
	switch {
	case v > 0:
		return "+" + s
	case v < 0:
		return "−" + s
	}
	return s
}

// figureOf is a figure as internal/format rounds it, for the locale to
// write: format decides the places for every kind of decimals (declared,
// automatic, common, press, one-scale), so that a figure rounds in every
// language as in English.
func figureOf(d format.Digits) locale.Figure {
	return locale.Figure{Neg: d.Neg, Int: d.Int, Frac: d.Frac, Scale: locale.Scale(d.Scale), Special: d.Special}
}

// about is s after the locale's "about" when the press rule rounded the
// figure (format.Digits.About).
func about(l *locale.Locale, d format.Digits, s string) (string, error) {
	if !d.About {
		return s, nil
	}
	a, err := l.Phrase("about")
	if err != nil {
		return "", err
	}
	return a + s, nil
}

func localBare(l *locale.Locale, v float64, decimals int) (string, error) {
	d := format.ScaledDigits(v, decimals)
	return about(l, d, l.Figure(figureOf(d)))
}

// localCount is localValue, but a count of a unit the catalog names in
// the language takes that noun in the form its number asks for ("99
// проектов", "3 станции", "12 млн посетителей").
func localCount(l *locale.Locale, v float64, f *facts.Fact, label string, decimals int, noun *locale.Noun) (string, error) {
	if noun == nil || f == nil || format.IsCurrency(f.Unit) || format.IsPercent(f.Unit) || l == English() {
		return localValue(l, v, f, label, decimals)
	}
	c, err := countText(l, v, decimals, *noun)
	return format.EscapeMarkdown(c), err
}

// countText is v counted in noun: scaled from a million ("12 млн
// посетителей"), else the number ("99 проектов").
func countText(l *locale.Locale, v float64, decimals int, noun locale.Noun) (string, error) {
	d := format.ScaledDigits(v, decimals)
	s, err := l.CountFigure(figureOf(d), noun)
	if err != nil {
		return "", err
	}
	return about(l, d, s)
}

// localMoney is an amount of a currency in the locale, short (a sign,
// for tables and charts) or in words.
func localMoney(l *locale.Locale, v float64, code string, decimals int, short bool) (string, error) {
	d := format.MoneyDigits(v, decimals)
	return about(l, d, l.MoneyFigure(figureOf(d), code, short))
}

// localPercent is a percentage in the locale.
func localPercent(l *locale.Locale, v float64, decimals int) string {
	return l.PercentFigure(figureOf(format.PercentDigits(v, decimals)))
}

func localValue(l *locale.Locale, v float64, f *facts.Fact, label string, decimals int) (string, error) {
	unit := ""
	if f != nil {
		unit = f.Unit
	}
	switch {
	case format.IsCurrency(unit):
		return localMoney(l, v, unit, decimals, false)
	case format.IsPercent(unit):
		return localPercent(l, v, decimals), nil
	}
	s, err := localBare(l, v, decimals)
	if err != nil || label == "" {
		return s, err
	}
	return s + "\u00a0" + format.EscapeMarkdown(label), nil
}

// When is the event's date as a period (a day, month or year), for a
// template that writes it in its locale (periodLabel).
func (e *Event) When() period.Period { return e.ev.Date }

// SinceL is the previous brief's week as a label in the brief's locale
// ("5-я неделя 2025 г.", "2025 жылғы 5-апта"); "" for a first brief.
func (c *Changes) SinceL() (string, error) {
	if c == nil || c.since == "" {
		return "", nil
	}
	p, err := period.Parse(c.since)
	if err != nil {
		return "", err
	}
	l := c.loc
	if l == nil {
		l = English()
	}
	return l.Period(p, locale.Label)
}

func (v *Revision) locale() *locale.Locale {
	if v.loc == nil {
		return English()
	}
	return v.loc
}

// PeriodL is the revised figure's period as a label in the locale;
// FromL and ToL are the figure before and after, with their unit
// ("27,8 млрд АҚШ доллары").
func (v *Revision) PeriodL() (string, error) {
	if v.obs == nil {
		return "", nil
	}
	return v.locale().Period(v.obs.Period, locale.Label)
}

// FromL is the figure the previous brief printed, in the locale.
func (v *Revision) FromL() (string, error) { return v.value(v.from) }

// ToL is the figure now, in the locale.
func (v *Revision) ToL() (string, error) { return v.value(v.to) }

func (v *Revision) value(x float64) (string, error) {
	f := &facts.Fact{Unit: v.unit}
	a, err := localValue(v.locale(), v.from, f, v.label, v.decimals)
	if err != nil {
		return "", err
	}
	b, err := localValue(v.locale(), v.to, f, v.label, v.decimals)
	// Too close to print apart at the indicator's decimals: one more
	// decimal at a time, as the English figures do (distinctValues).
	for d := max(v.decimals, 0) + 1; err == nil && a == b && d <= 6; d++ {
		a, _ = localValue(v.locale(), v.from, f, v.label, d)
		b, err = localValue(v.locale(), v.to, f, v.label, d)
	}
	if err != nil {
		return "", err
	}
	if x == v.from {
		return a, nil
	}
	return b, nil
}

// OutlookNum is the row's plan or target beyond its figure (Outlook), in
// the locale with its unit; OutlookPeriodL is its period as a label
// ("2030 жыл"). Both "" without an outlook.
func (r *Row) OutlookNum() (string, error) {
	if r.Outlook == nil || r.Outlook.Fact == nil {
		return "", nil
	}
	return localCount(r.locale(), r.Outlook.Fact.Value, r.Outlook.Fact, r.label, r.decimals, r.Indicator.countNoun())
}

// OutlookPeriodL is the period of the row's outlook as a label.
func (r *Row) OutlookPeriodL() (string, error) {
	if r.Outlook == nil || r.Outlook.Fact == nil {
		return "", nil
	}
	return r.locale().Period(r.Outlook.Fact.Period, locale.Label)
}

// PressNum is Num for the press, by the English brief's one rule
// (format.PressDecimals): a figure of 1,000 or more in size is rounded
// to two significant digits and said with the locale's "about" when that
// changed it ("около 28 млрд долл. США", "шамамен 28 млрд АҚШ
// доллары"); a smaller one and a percentage are Num.
func (r *Row) PressNum() (string, error) { return r.pressNum(format.PressDecimals(r.decimals)) }

// PressNumBeside is PressNum for a sentence that compares the figure with
// v, printed as the brief prints it (a change's earlier figure «на 3,3 %
// больше, чем 10 апреля (22 677 986)», a plan): with the fewest
// significant digits, two or more, that keep the two as they compare
// (format.Beside: never «около 23 млн» beside «23,0 млн» for 22.6
// million).
func (r *Row) PressNumBeside(v float64) (string, error) {
	return r.pressNum(r.pressBeside(v))
}

// pressBeside is the decimals of the row's figure for the press beside
// v, printed with the row's decimals (format.Beside).
func (r *Row) pressBeside(v float64) int {
	d := format.PressDecimals(r.decimals)
	if r.Fact == nil {
		return d
	}
	label := r.label
	if label == "" {
		label = format.UnitLabel(r.Fact.Unit)
	}
	return format.Beside(r.Value, []float64{v}, r.Fact.Unit, label, d, r.decimals)
}

// pressNum is PressNum with press decimals d (the press rule with its
// digits); other decimals (format.Beside's last resorts) write the
// figure as Num does with them.
func (r *Row) pressNum(d int) (string, error) {
	v := r.Value
	if !format.IsPress(d) {
		return r.numWith(d)
	}
	if r.Fact == nil || format.IsPercent(r.Fact.Unit) || math.Abs(v) < format.PressMin || math.IsInf(v, 0) || math.IsNaN(v) {
		return r.Num()
	}
	x, xd := format.PressRounded(v, d)
	s, err := localCount(r.locale(), x, r.Fact, r.label, xd, r.Indicator.countNoun())
	if err != nil {
		return "", err
	}
	s = r.withPer(s)
	if x == v {
		return r.approx(s)
	}
	about, err := r.locale().Phrase("about")
	if err != nil {
		return "", err
	}
	return about + s, nil
}

// RangeL is the week's low and high of the row's level in the locale,
// the unit said once: «312–341 см», printed as the English sentence
// prints them (weekFig: two ends that round alike get the digits that
// tell them apart); the one value when the week's figures were all the
// same (WeekRange.Same: «341 см», for "не менялось"); "" when the row
// has no week range.
func (r *Row) RangeL() (string, error) {
	if r.Week == nil || r.Week.Range == nil || r.Week.Range.Fact == nil || r.Week.Range.Fact.Week == nil {
		return "", nil
	}
	wr := r.Week.Range
	wk, d := wr.Fact.Week, wr.decimals
	if wr.Same {
		return localCount(r.locale(), wk.High.Value, r.Fact, r.label, d, r.Indicator.countNoun())
	}
	lo, err := localBare(r.locale(), wk.Low.Value, d)
	if err != nil {
		return "", err
	}
	hi, err := localCount(r.locale(), wk.High.Value, r.Fact, r.label, d, r.Indicator.countNoun())
	if err != nil {
		return "", err
	}
	return lo + "–" + hi, nil
}

// UnusualL is Unusual in the brief's language: the same caveat, by the
// locale's phrases (unusual.change, unusual.pace, unusual.short with
// unusual.days, unusual.weeks or unusual.months and the period, in the
// genitive where the language declines it).
func (r *Row) UnusualL() (string, error) {
	key, days := r.unusual()
	if key == "" {
		return "", nil
	}
	l := r.locale()
	if key != "unusual.short" {
		return l.Phrase(key)
	}
	sp, p, err := r.shortSpanL(days)
	if err != nil {
		return "", err
	}
	return l.Phrase(key, "span", sp, "period", p)
}

// DoubtL is Doubt in the brief's language (unusual.doubt_short,
// unusual.doubt_pace): the span and period as UnusualL says them, and the
// whole period as a label ({whole}, «2025 г.») and in the genitive where
// the language declines it ({whole_gen}, «2025 жылдың»): each locale's
// phrase takes the form its sentence needs.
func (r *Row) DoubtL() (string, error) {
	key, days := r.unusual()
	if key != "unusual.short" && key != "unusual.pace" {
		return "", nil
	}
	l := r.locale()
	whole, err := r.PeriodL()
	if err != nil {
		return "", err
	}
	gen := whole
	if g, err := l.Suffix(whole, locale.Gen); err == nil {
		gen = g
	}
	if key == "unusual.pace" {
		return l.Phrase("unusual.doubt_pace", "whole", whole, "whole_gen", gen)
	}
	sp, p, err := r.shortSpanL(days)
	if err != nil {
		return "", err
	}
	return l.Phrase("unusual.doubt_short", "span", sp, "period", p, "whole", whole, "whole_gen", gen)
}

// shortSpanL is the first days of the period a figure covers and the
// period (genitive where the language declines it), in the brief's
// language: «примерно к первым 5 неделям», «2025 г.».
func (r *Row) shortSpanL(days int) (string, string, error) {
	l := r.locale()
	n, unit := days, "unusual.days"
	switch {
	case days >= 70:
		n, unit = int(math.Round(float64(days)/30.4)), "unusual.months"
	case days >= 14:
		n, unit = int(math.Round(float64(days)/7)), "unusual.weeks"
	}
	sp, err := l.Phrase(unit, "n", l.Digits(locale.Figure{Int: strconv.Itoa(n)}))
	if err != nil {
		return "", "", err
	}
	p, err := r.PeriodL()
	if err != nil {
		return "", "", err
	}
	if g, err := l.Suffix(p, locale.Gen); err == nil {
		p = g // kk: «2025 жылдың»
	}
	return sp, p, nil
}

// HasVerbL says whether the row can be said with the catalog's verb in
// its language, the entity as the subject and the count as the object
// («Казахстан реализовал совместно с Россией 99 проектов промышленной
// кооперации»): the indicator counts, the catalog gives its noun and verb
// in the language, and the entity its forms (the verb agrees with it).
func (r *Row) HasVerbL() bool {
	iv := r.Indicator
	return iv != nil && iv.Counts && iv.lang != nil && iv.lang.Verb != nil && iv.lang.Noun != nil &&
		r.Entity.forms != nil && (r.Counterpart == nil || r.Counterpart.forms != nil) && r.locale() != English()
}

// VerbL is the catalog's verb agreeing with the entity: «реализовал».
func (r *Row) VerbL() (string, error) {
	if !r.HasVerbL() {
		return "", langFault(fmt.Sprintf("indicator %q", r.Indicator.ID), r.locale())
	}
	return r.locale().VerbFor(*r.Indicator.lang.Verb, *r.Entity.forms)
}

// CountedL is the figure counted in the catalog's noun, in the form its
// number asks for: «99 проектов промышленной кооперации».
func (r *Row) CountedL() (string, error) {
	if !r.HasVerbL() {
		return "", langFault(fmt.Sprintf("indicator %q", r.Indicator.ID), r.locale())
	}
	s, err := countText(r.locale(), r.Value, r.decimals, *r.Indicator.lang.Noun)
	if err != nil {
		return "", err
	}
	return r.approx(format.EscapeMarkdown(s))
}

// CountedIn is CountedL with the noun in a case, for a language whose
// noun after a numeral keeps its singular and takes the verb's case (kk
// acc: «99 өнеркәсіптік кооперация жобасын»), from the catalog's forms.
func (r *Row) CountedIn(c string) (string, error) {
	if !r.HasVerbL() {
		return "", langFault(fmt.Sprintf("indicator %q", r.Indicator.ID), r.locale())
	}
	l := r.locale()
	d := format.ScaledDigits(r.Value, r.decimals)
	w, err := l.Form(*r.Indicator.lang.Noun, locale.Case(c))
	if err != nil {
		return "", err
	}
	s, err := about(l, d, l.Figure(figureOf(d))+" "+w)
	if err != nil {
		return "", err
	}
	return r.approx(format.EscapeMarkdown(s))
}

// VerbObjectL is the case the catalog's verb puts its counted object in
// (kk «жүзеге асырды» acc: «99 … жобасын»; «салуды жоспарлап отыр» nom:
// «3 жылу электр орталығы»); "" when the catalog says none.
func (iv *Indicator) VerbObjectL() string {
	if iv == nil || iv.lang == nil || iv.lang.Verb == nil {
		return ""
	}
	return string(iv.lang.Verb.Object)
}

// ChartOfGroup says whether the indicator's line chart draws the members
// of its ranking group (ChartOf is then the group's name).
func (iv *Indicator) ChartOfGroup() bool { return len(iv.lines) >= 2 && iv.groupRaw != "" }

// HistorySpanL is the span of the indicator's line chart in the brief's
// language: days as one range («10–13 февраля 2025 г.», «2025 жылғы
// 10–13 ақпан»), other periods from the first to the last («январь
// 2024 г. — январь 2025 г.»).
func (iv *Indicator) HistorySpanL() (string, error) {
	drawn := iv.plotted()
	if len(drawn) == 0 {
		return "", nil
	}
	first, last := drawn[0], drawn[len(drawn)-1]
	l := first.locale()
	if p, q := first.periodOf(), last.periodOf(); p.Kind == period.Day && q.Kind == period.Day {
		return l.DateRange(p.Start, q.Start), nil
	}
	a, err := first.PeriodL()
	if err != nil {
		return "", err
	}
	b, err := last.PeriodL()
	if err != nil {
		return "", err
	}
	return a + " — " + b, nil
}

// periodOf is the row's period: its fact's, or the point's of a series.
func (r *Row) periodOf() period.Period {
	if r.Fact != nil {
		return r.Fact.Period
	}
	return r.per
}

// ChartOfL is ChartOf unless the indicator's name already names the
// entity, in any case form the catalog gives («Уровень Иртыша у Семея»
// names Семей): a caption then does not repeat it.
func (iv *Indicator) ChartOfL() string {
	of := iv.ChartOf()
	if e := iv.historyEntity; of != "" && e != nil && !iv.ChartOfGroup() && iv.namesEntity(e) {
		return ""
	}
	return of
}

func (iv *Indicator) namesEntity(e *Entity) bool {
	if strings.Contains(iv.raw, e.raw) {
		return true
	}
	if e.forms != nil {
		for _, f := range e.forms.Sg {
			if f != "" && strings.Contains(iv.raw, f) {
				return true
			}
		}
	}
	return false
}
