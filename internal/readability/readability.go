// Package readability checks generated briefs and talking points the way
// an editor reads them: no stock sentence said again and again, no
// sentence too long to say, a unit said once a sentence, no raw id, no
// label in bold standing in for a point's subject.
package readability

import (
	_ "embed"
	"fmt"
	"regexp"
	"strings"
	"unicode"
)

// Options say what is checked.
type Options struct {
	// Points is set for a talking-points file: its list items are points,
	// each a sentence or two a person says, never opening with a bold
	// label.
	Points bool
	// MaxWords bounds a sentence the templates write (the dataset's own
	// text is not theirs to shorten); 0 takes MaxSentenceWords, or
	// MaxPointWords for points.
	MaxWords int
	// Data are the dataset's texts shown in the file (notes, event titles
	// and summaries): a sentence of them is the source's, not checked for
	// length or repetition.
	Data []string
}

// MaxSentenceWords and MaxPointWords are the default bounds: a brief's
// sentence stays readable at 45 words; a talking point is said in one
// breath, about 30 words (its source's date and footnote aside).
const (
	MaxSentenceWords = 45
	MaxPointWords    = 35
)

//go:embed jargon.txt
var jargonFile string

// jargon are the phrases of jargon.txt, lower case, each as a pattern:
// "#" stands for a number ("the other # are" matches "the other 4 are").
var jargon = func() []jargonPhrase {
	var out []jargonPhrase
	for _, l := range strings.Split(jargonFile, "\n") {
		if l = strings.TrimSpace(l); l != "" && !strings.HasPrefix(l, "# ") {
			l = strings.ToLower(l)
			j := jargonPhrase{text: l}
			if strings.Contains(l, "#") {
				j.re = regexp.MustCompile(strings.ReplaceAll(regexp.QuoteMeta(l), "#", `[0-9]+\b`))
			}
			out = append(out, j)
		}
	}
	return out
}()

// jargonPhrase is a line of jargon.txt: its text, and a pattern when it
// has a number ("#").
type jargonPhrase struct {
	text string
	re   *regexp.Regexp
}

// jargonIn is the first phrase of jargon.txt in a sentence, as found, or
// "".
func jargonIn(s string) string {
	low := strings.ToLower(s)
	for _, j := range jargon {
		if j.re != nil {
			if m := j.re.FindString(low); m != "" {
				return m
			}
			continue
		}
		if strings.Contains(low, j.text) {
			return j.text
		}
	}
	return ""
}

// negativeLevelRE is a rate below zero said as a level ("stood at -3.3%"):
// below zero a rate means something else (deflation, a fall), which the
// catalog's negative word says.
var negativeLevelRE = regexp.MustCompile(`(stood at|was|at) [-−]\d[\d.,]*%`)

// Finding is one thing an editor would mark.
type Finding struct {
	Line int
	Rule string // "repeated", "stock", "long", "unit", "id", "label", "respectively", "jargon", "negative"
	Text string
}

func (f Finding) String() string { return fmt.Sprintf("line %d: %s: %s", f.Line, f.Rule, f.Text) }

var (
	footnoteRE = regexp.MustCompile(`\[\^\d+\]`)
	numberRE   = regexp.MustCompile(`[-+]?[$€£]?\d[\d,]*(?:\.\d+)?%?`)
	idRE       = regexp.MustCompile(`\b[A-Za-z0-9]+(?:_|\\_)[A-Za-z0-9_\\]+\b`)
	linkRE     = regexp.MustCompile(`<https?://[^>]*>|\]\([^)]*\)`)
)

// Check returns every finding in md, in line order.
func Check(md string, o Options) []Finding {
	max := o.MaxWords
	if max == 0 {
		max = MaxSentenceWords
		if o.Points {
			max = MaxPointWords
		}
	}
	var out []Finding
	type seen struct {
		line, n int
	}
	// The key-messages box (a block quote) restates the brief's main
	// sentences by design: its lines are checked against each other,
	// the body's against the body's.
	type memory struct{ exact, shape map[string]*seen }
	box := memory{map[string]*seen{}, map[string]*seen{}}
	body := memory{map[string]*seen{}, map[string]*seen{}}
	for i, raw := range strings.Split(md, "\n") {
		line := i + 1
		text, ok := prose(raw)
		if !ok || strings.Contains(raw, " · ") && i < 4 {
			continue // the title block's line of week, dates and generation
		}
		mem := body
		if strings.HasPrefix(strings.TrimSpace(raw), ">") {
			mem = box
		}
		exact, shape := mem.exact, mem.shape
		if o.Points && strings.HasPrefix(strings.TrimSpace(raw), "- **") {
			out = append(out, Finding{line, "label", "a point opens with a label in bold: " + clip(raw)})
		}
		if m := idRE.FindString(linkRE.ReplaceAllString(text, "")); m != "" {
			out = append(out, Finding{line, "id", fmt.Sprintf("raw id %q", m)})
		}
		if t := strings.TrimSpace(raw); strings.HasPrefix(t, "*Figure ") || strings.HasPrefix(t, "*Table ") {
			continue // a caption labels its figure or table: no sentence
		}
		for _, s := range sentences(text) {
			if fromData(s, o.Data) {
				continue
			}
			if j := jargonIn(s); j != "" {
				out = append(out, Finding{line, "jargon", fmt.Sprintf("%q is the data's or the tool's word, not the reader's: %s", j, clip(s))})
			}
			if m := negativeLevelRE.FindString(s); m != "" {
				out = append(out, Finding{line, "negative", fmt.Sprintf("a rate below zero said as a level (%q): say what it means (the catalog's negative word): %s", m, clip(s))})
			}
			w := len(strings.Fields(s))
			if w > max {
				out = append(out, Finding{line, "long", fmt.Sprintf("%d words (at most %d): %s", w, max, clip(s))})
			}
			if u := repeatedUnit(s); u != "" {
				out = append(out, Finding{line, "unit", fmt.Sprintf("unit %q said twice: %s", u, clip(s))})
			}
			if strings.Contains(s, "respectively") && len(numberRE.FindAllString(s, -1)) > 3 {
				out = append(out, Finding{line, "respectively", "more than three figures matched by \"respectively\": " + clip(s)})
			}
			if w < 4 {
				continue
			}
			if e := exact[s]; e != nil {
				e.n++
				if e.n == 2 {
					out = append(out, Finding{line, "repeated", fmt.Sprintf("said before on line %d: %s", e.line, clip(s))})
				}
			} else {
				exact[s] = &seen{line, 1}
			}
			k := numberRE.ReplaceAllString(s, "#")
			if e := shape[k]; e != nil {
				e.n++
				if e.n == 3 {
					out = append(out, Finding{line, "stock", fmt.Sprintf("the same sentence, figures apart, a third time (first on line %d): %s", e.line, clip(s))})
				}
			} else {
				shape[k] = &seen{line, 1}
			}
		}
	}
	return out
}

// prose is the running text of a Markdown line, without its list,
// quote and emphasis marks and footnote markers; ok is false for
// headings, tables, images, footnote definitions and blank lines, which
// are not sentences.
func prose(line string) (string, bool) {
	t := strings.TrimSpace(line)
	for strings.HasPrefix(t, ">") {
		t = strings.TrimSpace(strings.TrimPrefix(t, ">"))
	}
	switch {
	case t == "", strings.HasPrefix(t, "#"), strings.HasPrefix(t, "|"), strings.HasPrefix(t, "!["),
		strings.HasPrefix(t, "[^"), t == "**Key messages**":
		return "", false
	}
	t = strings.TrimPrefix(t, "- ")
	t = footnoteRE.ReplaceAllString(t, "")
	t = strings.NewReplacer("**", "", "*", "", "\\", "").Replace(t)
	return t, true
}

// sentences splits text at a full stop, question or exclamation mark
// followed by a space and a capital letter or digit.
func sentences(text string) []string {
	var out []string
	start := 0
	rs := []rune(text)
	for i := 0; i < len(rs); i++ {
		if r := rs[i]; r != '.' && r != '?' && r != '!' {
			continue
		}
		if i+2 < len(rs) && rs[i+1] == ' ' && (unicode.IsUpper(rs[i+2]) || unicode.IsDigit(rs[i+2])) {
			if s := strings.TrimSpace(string(rs[start : i+1])); s != "" {
				out = append(out, s)
			}
			start = i + 2
		}
	}
	if s := strings.TrimSpace(string(rs[start:])); s != "" {
		out = append(out, s)
	}
	return out
}

// fromData reports whether a sentence is the dataset's own text (or
// holds it whole: "… (3 February 2025).").
func fromData(s string, data []string) bool {
	plain := strings.NewReplacer("\\", "", "*", "").Replace(s)
	for _, d := range data {
		d = strings.TrimSpace(strings.NewReplacer("\\", "", "*", "").Replace(d))
		if d == "" {
			continue
		}
		if strings.Contains(d, strings.TrimSuffix(plain, ".")) || len(d) > 20 && strings.Contains(plain, strings.TrimSuffix(d, ".")) {
			return true
		}
		for _, part := range sentences(d) {
			if len(part) > 20 && strings.Contains(plain, strings.TrimSuffix(part, ".")) {
				return true
			}
		}
	}
	return false
}

// notUnits are words that follow a figure without being its unit.
var notUnits = map[string]bool{
	"to": true, "and": true, "or": true, "in": true, "on": true, "of": true, "the": true, "a": true, "an": true,
	"by": true, "from": true, "with": true, "each": true, "up": true, "down": true, "at": true, "for": true,
	"million": true, "billion": true, "trillion": true, "thousand": true, "than": true, "against": true,
	"percentage": true, "points": true, "per": true, "is": true, "was": true, "were": true, "are": true,
	"as": true, "more": true, "days": true, "months": true, "years": true, "weeks": true, "quarters": true,
	"that": true, "this": true, "it": true, "but": true, "after": true, "before": true, "since": true,
	"january": true, "february": true, "march": true, "april": true, "may": true, "june": true, "july": true,
	"august": true, "september": true, "october": true, "november": true, "december": true,
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true, "saturday": true, "sunday": true,
}

// repeatedUnit is a unit word said after two figures of one sentence
// ("1,210.5 kt CO2e … (1,300.0 kt CO2e)"), or "".
func repeatedUnit(s string) string {
	count := map[string]int{}
	words := strings.Fields(s)
	for i, w := range words {
		w = strings.Trim(w, "(),.;:")
		if numberRE.FindString(w) != w || i+1 >= len(words) || strings.ContainsAny(w, "$€£%") {
			continue
		}
		if !startsWithDigit(strings.TrimLeft(w, "-+")) {
			continue
		}
		j := i + 1
		for j < len(words) && notUnits[strings.ToLower(strings.Trim(words[j], ".,;:()"))] && isScale(words[j]) {
			j++
		}
		if j >= len(words) {
			continue
		}
		u := strings.ToLower(strings.Trim(words[j], ".,;:()"))
		if u == "" || notUnits[u] || startsWithDigit(u) {
			continue
		}
		count[u]++
		if count[u] == 2 {
			return u
		}
	}
	return ""
}

func isScale(w string) bool {
	switch strings.ToLower(strings.Trim(w, ".,;:()")) {
	case "million", "billion", "trillion", "thousand":
		return true
	}
	return false
}

func startsWithDigit(s string) bool { return s != "" && s[0] >= '0' && s[0] <= '9' }

func clip(s string) string {
	if r := []rune(s); len(r) > 160 {
		return string(r[:160]) + "…"
	}
	return s
}
