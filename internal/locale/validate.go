package locale

import (
	"fmt"
	"path"
	"strings"

	"golang.org/x/text/language"
)

// cldrCategories are the names CLDR gives plural categories.
var cldrCategories = []string{"zero", "one", "two", "few", "many", "other"}

var periodKinds = []string{"year", "quarter", "month", "week", "day"}

// validate checks a decoded file whole, so that no lookup later meets a
// hole: every error names the file, the line where one is known, and
// what to write.
func (l *Locale) validate() error {
	d, file := l.d, l.file
	at := func(key string, line int) string {
		if line <= 0 {
			line = d.line[strings.SplitN(key, ".", 2)[0]]
		}
		if line > 0 {
			return fmt.Sprintf("%s:%d: %s", file, line, key)
		}
		return fmt.Sprintf("%s: %s", file, key)
	}
	bad := func(key string, line int, format string, args ...any) error {
		return fmt.Errorf("%s: %s", at(key, line), fmt.Sprintf(format, args...))
	}

	if d.Tag == "" {
		return bad("tag", 0, "missing: give the language's BCP 47 tag, e.g. tag: ru")
	}
	t, err := language.Parse(d.Tag)
	if err != nil {
		return bad("tag", 0, "%q is not a BCP 47 language tag", d.Tag)
	}
	l.tag = t
	if base := strings.TrimSuffix(path.Base(file), ".yaml"); base != d.Tag {
		return bad("tag", 0, "%q does not match the file name: name the file %s.yaml", d.Tag, d.Tag)
	}
	if d.Name == "" || d.Native == "" {
		return bad("name", 0, "name: (in English) and native: (in the language) are both required")
	}

	// Plural categories, cardinal and ordinal.
	if err := checkCategories(d.Plural.Categories); err != nil {
		return bad("plural.categories", 0, "%v", err)
	}
	if err := checkCategories(d.Plural.OrdinalCategories); err != nil {
		return bad("plural.ordinal_categories", 0, "%v", err)
	}
	l.categories = d.Plural.Categories
	if !contains(l.categories, d.Plural.AfterScale) {
		return bad("plural.after_scale", 0, "%q is not one of the categories %v", d.Plural.AfterScale, l.categories)
	}
	counted := func(key string, v variants, need ...string) error {
		if !v.set() {
			return bad(key, 0, "missing")
		}
		if !v.one {
			for _, c := range l.categories {
				if _, ok := v.by[c]; !ok {
					return bad(key, v.line, "no form for the plural category %q: give one text, or one for each of %v", c, l.categories)
				}
			}
			for _, k := range v.keys() {
				if !contains(l.categories, k) {
					return bad(key, v.line, "%q is not a plural category of %s (%v)", k, d.Tag, l.categories)
				}
			}
		}
		texts := []string{v.all}
		if !v.one {
			texts = texts[:0]
			for _, k := range v.keys() {
				texts = append(texts, v.by[k])
			}
		}
		allowed := map[string][]string{}
		for _, n := range need {
			allowed[n] = nil
		}
		for _, s := range texts {
			if err := checkPattern(s, allowed, need...); err != nil {
				return bad(key, v.line, "%v", err)
			}
		}
		return nil
	}

	// Numbers.
	n := d.Number
	switch {
	case n.Decimal == "":
		return bad("number.decimal", 0, "missing")
	case n.Decimal == n.Group:
		return bad("number.group", 0, "the same as the decimal separator %q", n.Decimal)
	case n.Minus == "":
		return bad("number.minus", 0, "missing")
	case n.MinGrouping < 1:
		return bad("number.min_grouping", 0, "must be 1 or more (1: group from four digits, 2: from five)")
	}
	if err := checkPattern(n.Scaled.s, map[string][]string{"n": nil, "scale": nil}, "n", "scale"); err != nil {
		return bad("number.scaled", n.Scaled.line, "%v", err)
	}
	for _, p := range []struct {
		key string
		t   text
	}{{"number.percent", n.Percent}, {"number.per_mille", n.PerMille}} {
		if err := checkPattern(p.t.s, map[string][]string{"n": nil}, "n"); err != nil {
			return bad(p.key, p.t.line, "%v", err)
		}
	}
	if !validStyle(n.ScaleStyle) {
		return bad("number.scale_style", 0, "%q: use full or abbr", n.ScaleStyle)
	}
	if !validStyle(n.PointsStyle) {
		return bad("number.points_style", 0, "%q: use full or abbr", n.PointsStyle)
	}
	if _, ok := n.Points[n.PointsStyle]; !ok {
		return bad("number.points", 0, "no %s form, which points_style asks for", n.PointsStyle)
	}
	for style, v := range n.Points {
		if !validStyle(style) {
			return bad("number.points."+style, v.line, "use full or abbr")
		}
		if err := counted("number.points."+style, v, "n"); err != nil {
			return err
		}
	}
	for _, k := range []string{"nan", "inf", "neg_inf"} {
		if n.Special[k] == "" {
			return bad("number.special."+k, 0, "missing (how a value that is not a number prints)")
		}
	}
	for i := Million; i <= Trillion; i++ {
		key := "scales." + i.String()
		forms, ok := d.Scales[i.String()]
		if !ok {
			return bad(key, 0, "missing")
		}
		if _, ok := forms[n.ScaleStyle]; !ok {
			return bad(key, 0, "no %s form, which number.scale_style asks for", n.ScaleStyle)
		}
		for style, v := range forms {
			if !validStyle(style) {
				return bad(key+"."+style, v.line, "use full or abbr")
			}
			if err := counted(key+"."+style, v); err != nil {
				return err
			}
		}
	}
	if len(d.Scales) != 3 {
		return bad("scales", 0, "give exactly million, billion and trillion")
	}

	// Currencies.
	def, ok := d.Currencies["default"]
	if !ok || !def.Text.one || def.Short.set() {
		return bad("currencies.default", 0, "give one pattern for codes without an entry, e.g. \"{n} {code}\"")
	}
	if err := checkPattern(def.Text.all, map[string][]string{"n": nil, "code": nil}, "n", "code"); err != nil {
		return bad("currencies.default", def.Text.line, "%v", err)
	}
	for code, c := range d.Currencies {
		if code == "default" {
			continue
		}
		if len(code) != 3 || strings.ToUpper(code) != code {
			return bad("currencies."+code, c.Text.line, "not an ISO 4217 code (three capital letters)")
		}
		if err := counted("currencies."+code+".text", c.Text, "n"); err != nil {
			return err
		}
		if c.Short.set() {
			if err := counted("currencies."+code+".short", c.Short, "n"); err != nil {
				return err
			}
		}
	}

	// Grammar.
	g := d.Grammar
	if len(g.Cases) == 0 || g.Cases[0] != "nom" {
		return bad("grammar.cases", 0, "list the cases nouns are given in, nom first")
	}
	l.cases = g.Cases
	seenCase := map[string]bool{}
	for _, c := range g.Cases {
		if !isName(c) || seenCase[c] || c == "pl" {
			return bad("grammar.cases", 0, "%q: each case once, a short name such as gen", c)
		}
		seenCase[c] = true
	}
	for _, gd := range g.Genders {
		if gd == "pl" || !isName(gd) || seenCase[gd] {
			return bad("grammar.genders", 0, "%q is not usable as a gender name", gd)
		}
	}
	for _, c := range l.categories {
		if _, ok := g.AfterNumeral[c]; !ok {
			return bad("grammar.after_numeral", 0, "no form for the plural category %q", c)
		}
	}
	for c, f := range g.AfterNumeral {
		if !contains(l.categories, c) {
			return bad("grammar.after_numeral", 0, "%q is not a plural category of %s (%v)", c, d.Tag, l.categories)
		}
		if _, _, err := l.slot(f); err != nil {
			return bad("grammar.after_numeral."+c, 0, "%v", err)
		}
	}
	if _, _, err := l.slot(g.AfterScale); err != nil {
		return bad("grammar.after_scale", 0, "%v", err)
	}
	if err := checkPattern(g.NumeralNoun.s, map[string][]string{"n": nil, "noun": nil}, "n", "noun"); err != nil {
		return bad("grammar.numeral_noun", g.NumeralNoun.line, "%v", err)
	}
	if g.AutoDeclension && d.Harmony == nil {
		return bad("grammar.auto_declension", 0, "needs a harmony: section that gives the endings")
	}
	if h := d.Harmony; h != nil {
		if err := l.validateHarmony(h, bad); err != nil {
			return err
		}
	}

	// Dates.
	monthForms := []string{}
	for k, ms := range d.Months {
		if len(ms) != 12 {
			return bad("months."+k, 0, "has %d names, not 12", len(ms))
		}
		// attr: the attributive form of a language that has one (kk
		// "ақпандағы": "2025 жылғы ақпандағы жағдай бойынша").
		if k != "short" && k != "short_gen" && k != "attr" && !seenCase[k] {
			return bad("months."+k, 0, "%q is neither a case of grammar.cases nor short, short_gen or attr", k)
		}
		if seenCase[k] || k == "attr" {
			monthForms = append(monthForms, k)
		}
	}
	if _, ok := d.Months["nom"]; !ok {
		return bad("months.nom", 0, "missing: the twelve month names")
	}
	if _, ok := d.Months["short"]; !ok {
		return bad("months.short", 0, "missing: the twelve abbreviations for chart axes")
	}
	if len(d.Weekdays) != 7 {
		return bad("weekdays", 0, "has %d names, not 7 (Monday first)", len(d.Weekdays))
	}
	dateArgs := map[string][]string{"y": nil, "q": nil, "Q": nil, "w": nil, "d": nil, "month": monthForms}
	for _, k := range periodKinds {
		forms, ok := d.Periods[k]
		if !ok {
			return bad("periods."+k, 0, "missing")
		}
		for _, f := range []string{"label", "in"} {
			if _, ok := forms[f]; !ok {
				return bad("periods."+k+"."+f, 0, "missing")
			}
		}
		for f, p := range forms {
			if err := checkPattern(p.s, dateArgs, "y"); err != nil {
				return bad("periods."+k+"."+f, p.line, "%v", err)
			}
		}
	}
	if len(d.Periods) != len(periodKinds) {
		return bad("periods", 0, "give exactly %v", periodKinds)
	}
	rangeArgs := map[string][]string{"d1": nil, "d2": nil, "y1": nil, "y2": nil, "month1": monthForms, "month2": monthForms}
	for _, r := range []struct {
		key  string
		t    text
		need []string
	}{
		{"ranges.days", d.Ranges.Days, []string{"d1", "d2", "month2", "y2"}},
		{"ranges.months", d.Ranges.Months, []string{"d1", "d2", "month1", "month2", "y2"}},
		{"ranges.years", d.Ranges.Years, []string{"d1", "d2", "month1", "month2", "y1", "y2"}},
	} {
		if err := checkPattern(r.t.s, rangeArgs, r.need...); err != nil {
			return bad(r.key, r.t.line, "%v", err)
		}
	}

	// Text.
	q := d.Quotes
	if q.Open == "" || q.Close == "" || q.InnerOpen == "" || q.InnerClose == "" {
		return bad("quotes", 0, "give open, close, inner_open and inner_close")
	}
	li := d.List
	if li.Sep == "" || li.Last == "" || li.SepComma == "" || li.LastComma == "" {
		return bad("list", 0, "give sep, last, sep_comma and last_comma")
	}
	if err := l.validateOrdinal(bad); err != nil {
		return err
	}
	for key, v := range d.Agreeing {
		if v.one {
			continue
		}
		for _, k := range append(append([]string(nil), g.Genders...), "pl") {
			if _, ok := v.by[k]; !ok {
				return bad("agreeing."+key, v.line, "no %s form: give one text, or one for each of %v and pl", k, g.Genders)
			}
		}
		for _, k := range v.keys() {
			if k != "pl" && !contains(g.Genders, k) {
				return bad("agreeing."+key, v.line, "%q is not a gender of grammar.genders, nor pl", k)
			}
		}
	}
	for key, p := range d.Phrases {
		if _, err := placeholders(p); err != nil {
			return bad("phrases."+key, 0, "%v", err)
		}
	}
	for _, key := range RequiredPhrases {
		p, ok := d.Phrases[key.Key]
		if !ok {
			return bad("phrases", 0, "no %s: every language needs it (%s)", key.Key, key.Why)
		}
		if err := checkPattern(p, key.Args, key.Need...); err != nil {
			return bad("phrases."+key.Key, 0, "%v", err)
		}
	}
	return nil
}

// A RequiredPhrase is a phrase every locale must give, because code
// that cannot return an error (a chart being drawn) writes it: its key,
// what it is for, the placeholders it may use and those it must.
type RequiredPhrase struct {
	Key  string
	Why  string
	Args map[string][]string
	Need []string
}

// RequiredPhrases are checked at load, so that drawing a chart never
// meets a missing word.
var RequiredPhrases = []RequiredPhrase{
	{Key: "chart.no_data", Why: "a chart without figures"},
	{Key: "chart.source", Why: "the source line under a chart"},
	{Key: "chart.with", Why: "a chart's title naming the partner", Args: map[string][]string{"indicator": nil, "partner": nil, "partner_ins": nil}, Need: []string{"indicator"}},
	{Key: "chart.top", Why: "a chart's title when it shows the first n", Args: map[string][]string{"n": nil}, Need: []string{"n"}},
	{Key: "chart.tick.quarter", Why: "a quarter on a time axis", Args: map[string][]string{"q": nil, "Q": nil}},
	{Key: "chart.tick.year", Why: "a tick with its year", Args: map[string][]string{"tick": nil, "y": nil}, Need: []string{"tick", "y"}},
	{Key: "chart.alt.points", Why: "a long chart's text for screen readers", Args: map[string][]string{"n": nil, "k": nil}, Need: []string{"n", "k"}},
	{Key: "axis.title", Why: "a chart's value axis", Args: map[string][]string{"scale": nil, "unit": nil}, Need: []string{"scale", "unit"}},
}

func validStyle(s string) bool { return s == "full" || s == "abbr" }

func checkCategories(cs []string) error {
	if !contains(cs, "other") {
		return fmt.Errorf("must include other (CLDR: %v)", cldrCategories)
	}
	for _, c := range cs {
		if !contains(cldrCategories, c) {
			return fmt.Errorf("%q is not a CLDR plural category (%v)", c, cldrCategories)
		}
	}
	return nil
}

// slot reads a noun slot of grammar: "gen" (singular) or "pl.gen".
func (l *Locale) slot(s string) (plural bool, c Case, err error) {
	if rest, ok := strings.CutPrefix(s, "pl."); ok {
		plural, s = true, rest
	}
	if !contains(l.cases, s) {
		return false, "", fmt.Errorf("%q: want a case of grammar.cases (%v), or pl.<case>", s, l.cases)
	}
	return plural, Case(s), nil
}

func (l *Locale) validateOrdinal(bad func(string, int, string, ...any) error) error {
	o := l.d.Ordinal
	ordArgs := map[string][]string{"n": nil}
	switch o.Rule {
	case "ordinal":
		for _, c := range l.d.Plural.OrdinalCategories {
			if _, ok := o.Forms[c]; !ok {
				return bad("ordinal.forms", 0, "no form for the ordinal category %q", c)
			}
		}
		for c, p := range o.Forms {
			if !contains(l.d.Plural.OrdinalCategories, c) {
				return bad("ordinal.forms."+c, 0, "not an ordinal category of plural.ordinal_categories")
			}
			if err := checkPattern(p, ordArgs, "n"); err != nil {
				return bad("ordinal.forms."+c, 0, "%v", err)
			}
		}
	case "agree":
		if _, ok := o.Forms[o.Standalone]; !ok {
			return bad("ordinal.standalone", 0, "%q has no form in ordinal.forms", o.Standalone)
		}
		for _, gd := range append(append([]string(nil), l.d.Grammar.Genders...), "pl") {
			for _, c := range l.cases {
				p, ok := o.Forms[gd+"."+c]
				if !ok {
					return bad("ordinal.forms", 0, "no form %s.%s", gd, c)
				}
				if err := checkPattern(p, ordArgs, "n"); err != nil {
					return bad("ordinal.forms."+gd+"."+c, 0, "%v", err)
				}
			}
		}
	case "harmony":
		if l.d.Harmony == nil || l.d.Harmony.Suffixes["ord"] == nil {
			return bad("ordinal.rule", 0, "harmony needs harmony.suffixes.ord")
		}
	default:
		return bad("ordinal.rule", 0, "%q: use ordinal (CLDR ordinal categories), agree (gender and case of the noun) or harmony", o.Rule)
	}
	if err := checkPattern(o.WithNoun.s, map[string][]string{"n": nil, "ord": nil, "noun": nil}, "noun"); err != nil {
		return bad("ordinal.with_noun", o.WithNoun.line, "%v", err)
	}
	return nil
}

var harmonyClasses = []string{"vowel", "nasal", "sonorant", "voiced", "voiceless"}

func (l *Locale) validateHarmony(h *harmonyData, bad func(string, int, string, ...any) error) error {
	if h.Back == "" || h.Front == "" {
		return bad("harmony", 0, "give back: and front: vowels")
	}
	for _, c := range harmonyClasses {
		if h.Classes[c] == "" {
			return bad("harmony.classes."+c, 0, "missing")
		}
	}
	for c, table := range h.Suffixes {
		if c != "ord" && !contains(l.cases, c) {
			return bad("harmony.suffixes."+c, 0, "not a case of grammar.cases, nor ord")
		}
		for _, cl := range harmonyClasses {
			if len(table[cl]) != 2 {
				return bad("harmony.suffixes."+c+"."+cl, 0, "give [back, front]")
			}
		}
	}
	for _, c := range l.cases[1:] {
		if _, ok := h.Suffixes[c]; !ok {
			return bad("harmony.suffixes."+c, 0, "missing")
		}
	}
	if len(h.Numerals.Units) != 10 || len(h.Numerals.Tens) != 10 {
		return bad("harmony.numerals", 0, "give 10 units (0-9) and 10 tens (\"\", 10, 20 ... 90)")
	}
	nm := h.Numerals
	if nm.Hundred == "" || nm.Thousand == "" || nm.Million == "" || nm.Billion == "" || nm.Trillion == "" {
		return bad("harmony.numerals", 0, "give hundred, thousand, million, billion and trillion")
	}
	for w, forms := range h.Lexicon {
		for c := range forms {
			if !contains(l.cases, c) {
				return bad("harmony.lexicon."+w+"."+c, 0, "not a case of grammar.cases")
			}
		}
	}
	return nil
}
