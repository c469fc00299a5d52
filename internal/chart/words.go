package chart

import (
	"math"
	"strconv"
	"strings"

	"github.com/briefhq/brief/internal/locale"
)

// loc is the chart's locale: its Locale, English when none is set.
func (c Chart) loc() *locale.Locale {
	if c.Locale != nil {
		return c.Locale
	}
	return locale.English()
}

// phrase is a phrase every locale has (locale.RequiredPhrases, checked
// when its file loads), filled with kv.
func phrase(l *locale.Locale, key string, kv ...string) string {
	s, err := l.Phrase(key, kv...)
	if err != nil {
		// locale.validate requires the key with these placeholders: a
		// locale that loaded has it.
		panic(err)
	}
	return s
}

// NoData is the text a chart without figures shows: "No data", "Нет
// данных".
func NoData(l *locale.Locale) string { return phrase(l, "chart.no_data") }

// SourceLine is the line under a chart naming its sources: "Source: A;
// B", "Источник: A; B".
func SourceLine(l *locale.Locale, sources []string) string {
	return phrase(l, "chart.source") + strings.Join(sources, "; ")
}

// FormatTick writes a tick value with the given decimals in English:
// thousands separated by commas and a typographic minus, 1,250 or −2.5.
func FormatTick(v float64, decimals int) string {
	return FormatTickIn(locale.English(), v, decimals)
}

// FormatTickIn writes a tick value with the given decimals and the
// locale's separators, and a typographic minus: en 1,250 or −2.5, ru
// 1 250 or −2,5 (a no-break space).
func FormatTickIn(l *locale.Locale, v float64, decimals int) string {
	s := strconv.FormatFloat(math.Abs(v), 'f', decimals, 64)
	intPart, frac, _ := strings.Cut(s, ".")
	digits := l.Digits(locale.Figure{Int: intPart, Frac: frac})
	if v < 0 && strings.Trim(s, "0.") != "" {
		return "\u2212" + digits
	}
	return digits
}

// tickLabel names period i on the time axis in the locale. Months,
// weeks and days name their year on the first tick and when the year
// changes ("Jan 2024", "Apr", ...; "3 Feb 2025", "17 Feb"; ru "янв.
// 2024", "3 февр. 2025"); a step of whole years names the year alone. A
// week is named by its Monday.
func tickLabel(l *locale.Locale, f Frequency, i, step int, withYear bool) string {
	t := periodStart(f, i)
	y := strconv.Itoa(t.Year())
	var tick string
	switch f {
	case Quarterly:
		if step%4 == 0 {
			return y
		}
		q := (int(t.Month())-1)/3 + 1
		tick = phrase(l, "chart.tick.quarter", "q", strconv.Itoa(q), "Q", roman[q])
	case Monthly:
		if step%12 == 0 {
			return y
		}
		tick = l.ShortMonth(t.Month(), false)
	case Weekly, Daily:
		tick = strconv.Itoa(t.Day()) + " " + l.ShortMonth(t.Month(), true)
	default:
		return y
	}
	if withYear {
		return phrase(l, "chart.tick.year", "tick", tick, "y", y)
	}
	return tick
}

var roman = [...]string{"", "I", "II", "III", "IV"}

// Phrase is one of the chart phrases every locale has
// (locale.RequiredPhrases) in the chart's Locale, filled with kv: a
// renderer's words about the chart ("chart.alt.points").
func (c Chart) Phrase(key string, kv ...string) string { return phrase(c.loc(), key, kv...) }
