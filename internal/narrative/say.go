package narrative

import (
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/briefhq/brief/internal/format"
)

// How a row's figure is said in a sentence. The templates hold the
// words; these methods give the figure in the shapes a sentence needs:
//
//   - Fig: the figure as the sentence's one figure ("$27.8 billion",
//     "about 12 million visitors", "a deficit of €80 million" for an
//     indicator with sign words);
//   - Counted: a count with the indicator's noun ("99 joint industrial
//     projects");
//   - Bare: the figure without its unit word, for a second figure of the
//     same unit in one sentence ("930.1" after "1,210.5 kt CO2e"), so
//     that a sentence says its unit once;
//
// each also for the press (PressFig, PressCounted, PressBare: rounded by
// the press rule, see PressText), and When, the time the figure is for
// ("in 2024", "as of February 2025" for a total to date).

// figShape is the shape of a figure: with its unit, without it, or with the noun.
type figShape int

const (
	withUnit figShape = iota
	bare
	counted
)

// say writes the row's value (v, or its own) with decimals d in figShape,
// with the qualifier its source gives ("about", "an estimated") and, when
// suffix, the caveat after it ("so far", "to date").
func (r *Row) say(v float64, d int, sh figShape, suffix bool) string {
	unit := ""
	if r.Fact != nil {
		unit = r.Fact.Unit
	}
	s := valueMD(v, unit, r.label, d)
	switch sh {
	case bare:
		s = r.trimUnit(s, unit)
	case counted:
		if r.Indicator != nil && r.Indicator.Counts {
			n := r.trimUnit(s, unit)
			noun := r.Indicator.Noun
			if strings.TrimPrefix(n, en("about")) == "1" && r.Indicator.NounOne != "" {
				noun = r.Indicator.NounOne
			}
			s = n + " " + noun
		}
	}
	switch q := r.qual; {
	case q == "", q == en("qualifier.about") && strings.HasPrefix(s, en("about")):
	case q == en("qualifier.about"):
		s = q + " " + s
	default:
		s = q + " " + strings.TrimPrefix(s, en("about")) // "an estimated $28 billion"
	}
	if suffix {
		s += r.suffix
	}
	return s
}

// trimUnit drops the unit's word from a figure as valueMD writes it:
// "930.1 kt CO2e" -> "930.1", "$78.50 per barrel" -> "$78.50"; a
// currency or percent sign stays ("$27.8 billion", "4.2%").
func (r *Row) trimUnit(s, unit string) string {
	label := r.label
	if label == "" {
		label = format.UnitLabel(unit)
	}
	if strings.ContainsAny(label, "\\`*_[]<>#|~&!") {
		label = format.EscapeMarkdown(label)
	}
	switch {
	case label == "":
		return s
	case format.IsPercent(unit) && strings.HasPrefix(label, "%"):
		return strings.TrimSuffix(s, label[1:]) // "1.904% a year" -> "1.904%"
	case len(label) > 4 && label[3] == ' ' && format.IsCurrency(label[:3]):
		return strings.TrimSuffix(s, label[3:]) // "$78.50 per barrel"
	case strings.HasSuffix(s, " "+label):
		return strings.TrimSuffix(s, " "+label)
	}
	// "1 project" for the unit "projects".
	if i := strings.LastIndexByte(s, ' '); i > 0 && !strings.Contains(label, " ") && strings.HasPrefix(label, s[i+1:]) {
		return s[:i]
	}
	return s
}

// signed says a figure of an indicator with sign words by its word:
// "a deficit of €80 million", "a surplus of $3.1 billion".
func (r *Row) signed(d int, sh figShape, suffix bool) string {
	if w := r.SignWord(); w != "" {
		if r.SignNames() {
			return en("sign.of_uncountable", "word", w, "figure", r.say(abs(r.Value), d, sh, suffix))
		}
		return en("sign.of", "word", w, "figure", r.say(abs(r.Value), d, sh, suffix))
	}
	return r.say(r.Value, d, sh, suffix)
}

// SignWord is the indicator's word for the figure's sign ("deficit" below
// zero, "surplus" above), or "".
func (r *Row) SignWord() string {
	if r.Indicator == nil {
		return ""
	}
	switch {
	case r.Value < 0:
		return r.Indicator.Negative
	case r.Value > 0:
		return r.Indicator.Positive
	}
	return ""
}

// SignNames reports whether the figure's sign word names what it
// measures on its own ("deflation of 3.3%" needs no "inflation"), so a
// sentence says it of the entity: "Turkmenistan recorded deflation of
// 3.3%", not "Turkmenistan's inflation showed a deflation".
func (r *Row) SignNames() bool {
	w := r.SignWord()
	return w != "" && r.Indicator.words != nil && r.Indicator.words.uncountable[strings.ToLower(w)]
}

func abs(v float64) float64 {
	if v < 0 {
		return -v
	}
	return v
}

// Fig is the figure as a sentence's one figure, beside When.
func (r *Row) Fig() string { return r.signed(r.decimals, withUnit, !r.ToDate) }

// PressFig is Fig rounded for the press (see PressText).
func (r *Row) PressFig() string {
	return r.signed(format.PressDecimals(r.decimals), withUnit, !r.ToDate)
}

// PressFigBeside is PressFig for a sentence that compares the figure
// with v, printed as the brief prints it (a plan's "23.0 million"): with
// the fewest significant digits, two or more, that keep the two as they
// compare (format.Beside): "against about 22.6 million", never "about 23
// million" beside a plan of 23.0 million.
func (r *Row) PressFigBeside(v float64) string {
	return r.signed(r.pressBeside(v), withUnit, !r.ToDate)
}

// AbsFig is the figure's size without its sign, for a sentence that
// says the sign in words ("the smallest deficit: €80 million").
func (r *Row) AbsFig() string { return r.say(abs(r.Value), r.decimals, withUnit, !r.ToDate) }

// PressAbsFig is AbsFig for the press.
func (r *Row) PressAbsFig() string {
	return r.say(abs(r.Value), format.PressDecimals(r.decimals), withUnit, !r.ToDate)
}

// Counted is a count with the indicator's noun: "99 joint industrial
// projects" (Fig when the indicator has no noun).
func (r *Row) Counted() string { return r.say(r.Value, r.decimals, counted, !r.ToDate) }

// PressCounted is Counted for the press.
func (r *Row) PressCounted() string {
	s := r.say(r.Value, format.PressDecimals(r.decimals), counted, !r.ToDate)
	// A count under ten is said in words, as a speaker says it: "three
	// thermal power plants", not "3".
	if n := int(r.Value); r.Indicator != nil && r.Indicator.Counts && n >= 1 && n < 10 && float64(n) == r.Value {
		if d := strconv.Itoa(n) + " "; strings.HasPrefix(s, d) {
			s = format.SmallNumber(n) + " " + strings.TrimPrefix(s, d)
		}
	}
	return s
}

// Bare is the figure without its unit word: a second figure of the
// same unit in a sentence ("ahead of Astana with 930.1").
func (r *Row) Bare() string { return r.signed(r.decimals, bare, true) }

// PressBare is Bare for the press.
func (r *Row) PressBare() string { return r.signed(format.PressDecimals(r.decimals), bare, true) }

// When is the time a sentence puts the figure in: "in 2024", "on 3
// February 2025", "in total by 26 January 2020" (a running total), "as
// of February 2025" (a figure its source calls a total to date).
func (r *Row) When() string {
	if r.ToDate || r.Current {
		return en("when.as_of", "period", r.Period)
	}
	return r.At()
}

// IsPlan reports whether the row is a plan or a target.
func (r *Row) IsPlan() bool { return isForward(r) }

// RecordSpan is how many figures a record is counted over, its own
// included.
func (r *Row) RecordSpan() int { return r.RecordSince + 1 }

// NoteAdds reports whether the row's note says something the sentence
// does not. Its words are weighed against what the sentence says (the
// indicator's name, phrase, noun, verb and unit, the figure's qualifier)
// and the language's filler words; numbers are left aside. A note adds
// something when two or more of its words are new, or most of them:
// "Projects implemented to date." beside "Kazakhstan has completed 99
// joint industrial projects … as of February 2025" adds nothing;
// "Kokshetau, Semey and Ust-Kamenogorsk; to be built by Inter RAO.",
// "Per cubic metre." and "Preliminary." do.
func (r *Row) NoteAdds() bool {
	if r.Note == "" || r.Fact == nil {
		return false
	}
	// A note that says what the figure is per ("Per cubic metre.") is
	// said by the figure itself where the language's catalog gives its
	// per («112 тенге за 1 м³»).
	if r.perUnit() != "" && strings.HasPrefix(strings.ToLower(strings.TrimSpace(r.Fact.Note)), "per ") {
		return false
	}
	var w *Words
	known := map[string]bool{}
	if iv := r.Indicator; iv != nil {
		w = iv.words
		// The note is weighed in English, against the English words,
		// in every language: a brief in another language shows the
		// notes the English one shows (its note_<lang> translates it).
		raw, phrase := iv.raw, iv.Phrase
		if iv.lang != nil {
			raw, phrase = iv.enRaw, iv.enPhrase
		}
		for _, s := range []string{raw, phrase, iv.Noun, iv.NounOne, iv.Verb, iv.label, r.qual, r.suffix} {
			for _, t := range tokens(s) {
				known[stem(t)] = true
			}
		}
	}
	content, unknown := 0, 0
	for _, t := range tokens(r.Fact.Note) {
		if t[0] >= '0' && t[0] <= '9' || w != nil && w.filler[t] {
			continue
		}
		content++
		if !known[stem(t)] {
			unknown++
		}
	}
	return unknown >= 2 || unknown*2 > content
}

// tokens are the words and numbers of s, in lower case.
func tokens(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
}

// stem is a word without a plural or past ending, so that "projects"
// meets "project" and "implemented" meets "implementing".
func stem(w string) string {
	for _, sfx := range []string{"ing", "ed", "es", "s"} {
		if len(w) > len(sfx)+2 && strings.HasSuffix(w, sfx) {
			return w[:len(w)-len(sfx)]
		}
	}
	return w
}

// setDue says when a plan or target row is due (Row.Due): its period,
// when that begins after the day the plan was stated (its release, else
// the brief's as-of day).
func setDue(r *Row, released, asOf time.Time) {
	if r.Fact == nil || !isForward(r) {
		return
	}
	stated := released
	if stated.IsZero() {
		stated = asOf
	}
	if r.Fact.Period.Start.After(stated) {
		r.Due = en("total.by") + r.Period
	}
}

// Tense is a catalog verb as the row's sentence says it: in the present
// for a Current figure when the language's words give the present
// ("had" -> "has"), else as given.
func (r *Row) Tense(verb string) string {
	if r.Current && r.Indicator != nil && r.Indicator.words != nil {
		if now := r.Indicator.words.Present[verb]; now != "" {
			return now
		}
	}
	return verb
}
