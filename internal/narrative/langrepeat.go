package narrative

import (
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/briefhq/brief/internal/locale"
	"github.com/briefhq/brief/internal/period"
)

// The caveats the English brief gives with a figure, for the templates
// of the brief's other languages, which say them in their own words: an
// annual figure repeated in every month of its year (Row.Repeated), a
// change against such a year (Change.Label "1959", not December 1959), a
// change across periods without data (Change.Caveat), a record counted
// over repeated annual figures (Row.RecordRepeats) and where the series
// a record is counted over began (Row.RecordFrom).

// AgainstPeriod is the period a change compares with as the English
// brief names it: the year whose one figure the earlier period repeats
// (facts.Comparison.YearFigure: "on 1959"), else the earlier period.
func (c *Change) AgainstPeriod() period.Period {
	if c == nil || c.Fact == nil || c.Fact.Against == nil {
		return period.Period{}
	}
	if y := c.Fact.Against.YearFigure; y != 0 {
		if p, err := period.Parse(strconv.Itoa(y)); err == nil {
			return p
		}
	}
	return c.Fact.Against.Period
}

// MissingL names, in the brief's language, the periods without data that
// a change skips (the English "(none for January 2001)"): «январь
// 2001 г.», «январь 2001 г. — март 2001 г.»; "" when it skips none.
func (c *Change) MissingL() (string, error) {
	if c == nil || c.Fact == nil || c.Fact.Against == nil || c.Fact.Against.Missing == nil {
		return "", nil
	}
	l := English()
	if c.row != nil {
		l = c.row.locale()
	}
	m := c.Fact.Against.Missing
	a, err := l.Period(m.From, locale.Label)
	if err != nil || m.N <= 1 {
		return a, err
	}
	b, err := l.Period(m.To, locale.Label)
	return a + " — " + b, err
}

// RepeatedYear is the year whose one figure the row's monthly or
// quarterly figure repeats (Row.Repeated), 0 when it is a figure of its
// own; RepeatedKind is its period's kind then ("month", "quarter").
func (r *Row) RepeatedYear() int {
	if r.Fact == nil {
		return 0
	}
	return r.Fact.YearFigure
}

// RepeatedKind is the kind of the row's period: "month", "quarter", ….
func (r *Row) RepeatedKind() string {
	if r.Fact == nil {
		return ""
	}
	return r.Fact.Period.Kind.String()
}

// RecordRepeatsL says, in figures the brief's language writes, how many
// of the periods a record counts only repeat an annual figure (the
// English RecordRepeats): N of M, the years From to To; nil when none do.
type RecordRepeatsL struct {
	N, M       string
	NInt, MInt int
	Kind       string
	From, To   int
}

// RecordRepeatsL is the row's RecordRepeatsL, read from the English
// RecordRepeats (the record fact's counts are said there only: phrase
// record.repeats of en.yaml, "{n} of the {m} {periods} repeat the annual
// figures of {years}").
func (r *Row) RecordRepeatsL() *RecordRepeatsL {
	if r.RecordRepeats == "" {
		return nil
	}
	m := repeatsRe.FindStringSubmatch(r.RecordRepeats)
	if m == nil {
		return nil
	}
	num := func(s string) string {
		n, err := strconv.Atoi(strings.ReplaceAll(s, ",", ""))
		if err != nil {
			return s
		}
		return r.locale().Digits(locale.Figure{Int: strconv.Itoa(n)})
	}
	out := &RecordRepeatsL{N: num(m[1]), M: num(m[2]), Kind: strings.TrimSuffix(m[3], "s")}
	out.NInt, _ = strconv.Atoi(strings.ReplaceAll(m[1], ",", ""))
	out.MInt, _ = strconv.Atoi(strings.ReplaceAll(m[2], ",", ""))
	out.From, _ = strconv.Atoi(m[4])
	out.To = out.From
	if m[5] != "" {
		out.To, _ = strconv.Atoi(m[5])
	}
	return out
}

var repeatsRe = regexp.MustCompile(`^([0-9,]+) of the ([0-9,]+) ([a-z]+) repeat the annual figures of ([0-9]{4})(?: to ([0-9]{4}))?$`)

// RecordFromL is the first period of the series a record is counted
// over (Row.RecordFrom), after the language's preposition of time: «в
// январе 1833 г.», «1833 жылғы қаңтарда»; "" when the row has none or
// its label cannot be read back.
func (r *Row) RecordFromL() (string, error) {
	p, ok := parseLabel(r.RecordFrom)
	if !ok {
		return "", nil
	}
	return r.locale().Period(p, locale.In)
}

// parseLabel reads back a period label of the English brief: "1960",
// "January 1833", "26 January 2020".
func parseLabel(s string) (period.Period, bool) {
	if s == "" {
		return period.Period{}, false
	}
	if p, err := period.Parse(s); err == nil {
		return p, true
	}
	if t, err := time.Parse("January 2006", s); err == nil {
		p, err := period.Parse(t.Format("2006-01"))
		return p, err == nil
	}
	if t, err := time.Parse("2 January 2006", s); err == nil {
		p, err := period.Parse(t.Format("2006-01-02"))
		return p, err == nil
	}
	return period.Period{}, false
}

// FlatL says whether the change prints as zero in the brief's language
// (ChangeL: «0,0 п. п.» for 0.004 points, «0,0 %»): a sentence then says
// the figure is about the same, never that it rose or fell by zero, as
// the English says "little changed" or "unchanged".
func (c *Change) FlatL() bool {
	if c == nil || c.Fact == nil {
		return false
	}
	if c.Dir == 0 {
		return true
	}
	l := English()
	if c.row != nil {
		l = c.row.locale()
	}
	s, err := c.ChangeL(l)
	return err == nil && zeroDigits(s)
}

// zeroDigits says whether every digit of s is a zero (and it has one).
func zeroDigits(s string) bool {
	seen := false
	for _, r := range s {
		if r >= '1' && r <= '9' {
			return false
		}
		if r == '0' {
			seen = true
		}
	}
	return seen
}
