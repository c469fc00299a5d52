package locale

import (
	"fmt"
	"sort"
	"strings"

	"go.yaml.in/yaml/v3"
)

// Verb is a catalog's verb (or predicate) in one language, in the forms
// its subject agrees with. In YAML a plain text serves every subject
// (kk, en); a mapping gives a form per gender and pl for a plural
// subject (ru), and optionally the case of its object and its subject:
//
//	verb: {m: реализовал, f: реализовала, n: реализовало, pl: реализовали}
//	verb: қабылдады
//	verb: {all: бағаланды, object: dat}      # "…52,9 млрд АҚШ долларына бағаланды"
//	verb: {all: болды, subject: loc}          # "Қазақстанда 183 нүкте болды"
//
// object is the case the counted noun or figure after the verb takes
// (kk "99 жобаны жүзеге асырды": acc); subject the case of the entity
// that does it, when it is not the nominative (kk existential "бар",
// "болды": loc). Both are empty when the sentence needs nothing but the
// nominative.
type Verb struct {
	All     string            // one form for every subject; "" when By is given
	By      map[string]string // by gender, and "pl" for a plural subject
	Object  Case
	Subject Case
	Plain   bool // written as a plain text, not {all: …}
	Line    int
}

// UnmarshalYAML reads a verb as a text or a mapping (see Verb).
func (v *Verb) UnmarshalYAML(node *yaml.Node) error {
	*v = Verb{Line: node.Line}
	switch node.Kind {
	case yaml.ScalarNode:
		v.All, v.Plain = strings.TrimSpace(node.Value), true
		return nil
	case yaml.MappingNode:
	default:
		return fmt.Errorf("line %d: a verb is a text or a mapping of its forms ({m: …, f: …, n: …, pl: …}), not a %s", node.Line, kindName(node))
	}
	for i := 0; i+1 < len(node.Content); i += 2 {
		k, val := node.Content[i], node.Content[i+1]
		if val.Kind != yaml.ScalarNode {
			return fmt.Errorf("line %d: verb %s: want a text, not a %s", val.Line, k.Value, kindName(val))
		}
		s := strings.TrimSpace(val.Value)
		switch k.Value {
		case "all":
			v.All = s
		case "object":
			v.Object = Case(s)
		case "subject":
			v.Subject = Case(s)
		default:
			if !isName(k.Value) {
				return fmt.Errorf("line %d: verb: %q is not a gender or pl", k.Line, k.Value)
			}
			if v.By == nil {
				v.By = map[string]string{}
			}
			v.By[k.Value] = s
		}
	}
	return nil
}

// Text is the verb's first form, for a message.
func (v Verb) Text() string {
	if v.All != "" {
		return v.All
	}
	if s := v.By["m"]; s != "" {
		return s // the dictionary form of a Russian past tense
	}
	ks := sortedKeys(v.By)
	if len(ks) == 0 {
		return ""
	}
	return v.By[ks[0]]
}

// CheckVerb reports a verb that does not give a form for every subject
// the locale's agreement needs (each gender and pl in ru, or all: for a
// verb that does not change; one text where the locale has no genders), a form key the locale does not have, or an
// object or subject case it does not have. Every fault is in one error.
func (l *Locale) CheckVerb(v Verb) error {
	var faults []string
	genders := l.d.Grammar.Genders
	keys := append(append([]string(nil), genders...), "pl")
	switch {
	case v.All != "" && len(v.By) > 0:
		faults = append(faults, "gives all: and forms by gender: give one or the other")
	case v.All == "" && len(v.By) == 0:
		faults = append(faults, "has no form")
	case v.Plain && len(genders) > 0:
		// As indeclinable: true for a noun: one form for every subject
		// is said, not assumed.
		faults = append(faults, fmt.Sprintf("is one text, but a %s verb agrees with its subject: give %s, or {all: …} for one that does not change", l.id, "{"+strings.Join(keys, ": …, ")+": …}"))
	case v.All == "" && len(genders) == 0:
		faults = append(faults, fmt.Sprintf("gives forms by gender, which %s verbs do not have: give one text", l.id))
	case v.All == "":
		var miss []string
		for _, k := range keys {
			if strings.TrimSpace(v.By[k]) == "" {
				miss = append(miss, k)
			}
		}
		for _, k := range sortedKeys(v.By) {
			if !contains(keys, k) {
				faults = append(faults, fmt.Sprintf("gives a form for %q, which %s does not have (%s)", k, l.id, strings.Join(keys, ", ")))
			}
		}
		if len(miss) > 0 {
			faults = append(faults, fmt.Sprintf("has no form for %s (a %s verb agrees with its subject: give %s)", strings.Join(miss, ", "), l.id, strings.Join(keys, ", ")))
		}
	}
	for _, c := range []struct {
		name string
		c    Case
	}{{"object", v.Object}, {"subject", v.Subject}} {
		if c.c != "" && !contains(l.cases, string(c.c)) {
			faults = append(faults, fmt.Sprintf("%s: %q is not a %s case (%s)", c.name, c.c, l.id, strings.Join(l.cases, ", ")))
		}
	}
	if len(faults) == 0 {
		return nil
	}
	return &MissingFormError{Lang: l.id, Word: v.Text(), Line: v.Line, Reason: strings.Join(faults, "; ")}
}

// VerbFor is the verb's form that agrees with subject: its gender, or pl
// for a plural name (number: pl). A subject without the gender the verb
// needs is an error, never a guess.
func (l *Locale) VerbFor(v Verb, subject Noun) (string, error) {
	if err := l.CheckVerb(v); err != nil {
		return "", err
	}
	if v.All != "" {
		return v.All, nil
	}
	k := string(subject.Gender)
	if subject.Plural {
		k = "pl"
	}
	if k == "" {
		return "", &MissingFormError{Lang: l.id, Word: subject.Sg[Nom], Line: subject.Line,
			Reason: fmt.Sprintf("has no gender, which the verb %q agrees with: give gender: (%s) or number: pl", v.Text(), strings.Join(l.d.Grammar.Genders, ", "))}
	}
	return v.By[k], nil
}

// Genders are the locale's grammatical genders (ru m, f, n; none in kk
// and en).
func (l *Locale) Genders() []Gender {
	out := make([]Gender, len(l.d.Grammar.Genders))
	for i, g := range l.d.Grammar.Genders {
		out[i] = Gender(g)
	}
	return out
}

// CountCases are the forms a noun needs to be counted ("1 проект, 2
// проекта, 5 проектов", "1,5 млн проектов"): the nominative and every
// form grammar.after_numeral and after_scale name, plural ones as
// "pl.gen". ru nom, gen, pl.gen; kk nom; en nom, pl.nom.
func (l *Locale) CountCases() []Case {
	seen := map[string]bool{"nom": true}
	out := []Case{Nom}
	add := func(s string) {
		if s != "" && !seen[s] {
			seen[s] = true
			out = append(out, Case(s))
		}
	}
	for _, cat := range l.categories {
		add(l.d.Grammar.AfterNumeral[cat])
	}
	add(l.d.Grammar.AfterScale)
	return out
}

// HasCurrency says whether the locale writes the currency code itself
// (it has words for it), so a catalog need not give the unit in words.
func (l *Locale) HasCurrency(code string) bool {
	_, ok := l.d.Currencies[code]
	return ok
}

func sortedKeys(m map[string]string) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}
