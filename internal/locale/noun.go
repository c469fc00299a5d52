package locale

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// Case is a grammatical case by its short name: nom, gen, dat, acc, ins,
// prep (Russian), loc, abl (Kazakh). A locale lists its own (Cases).
type Case string

// The case names the shipped locales use.
const (
	Nom  Case = "nom"  // nominative: Россия, Ресей
	Gen  Case = "gen"  // genitive: России, Ресейдің
	Dat  Case = "dat"  // dative: России, Ресейге
	Acc  Case = "acc"  // accusative: Россию, Ресейді
	Ins  Case = "ins"  // instrumental: Россией, Ресеймен
	Prep Case = "prep" // prepositional (ru): о России
	Loc  Case = "loc"  // locative (kk): Ресейде
	Abl  Case = "abl"  // ablative (kk): Ресейден
)

// Gender is a grammatical gender by its short name: m, f, n (Russian).
type Gender string

// Noun is a word or name with the forms a sentence needs, as a catalog
// gives them. In YAML, a plain text is the nominative alone; a mapping
// gives the singular by case at its top, the plural under pl:, and
// what agreement needs:
//
//	name_ru: {nom: Россия, gen: России, ins: Россией, prep: России, gender: f}
//	name_ru: {nom: США, gen: США, number: pl, indeclinable: true}
//	unit_ru: {nom: проект, gen: проекта, gender: m, pl: {nom: проекты, gen: проектов}}
//	name_kk: {nom: Қазақстан, decline: auto}
//
// indeclinable: true says every case is the nominative (a foreign name,
// an abbreviation): the only case where one form stands for another.
// decline: auto asks a locale with vowel harmony (Kazakh) for the
// endings. number: pl marks a name that takes plural agreement (США,
// Нидерланды); its forms are then plural ones.
type Noun struct {
	Sg           map[Case]string
	Pl           map[Case]string
	Gender       Gender
	Plural       bool // takes plural agreement (number: pl)
	Indeclinable bool
	Auto         bool // decline: auto
	Line         int  // where the catalog gives it, for errors; 0 unknown
}

// NewNoun is a noun of singular forms given in pairs of case and form:
// NewNoun(Nom, "Россия", Gen, "России").
func NewNoun(pairs ...string) Noun {
	n := Noun{Sg: map[Case]string{}}
	for i := 0; i+1 < len(pairs); i += 2 {
		n.Sg[Case(pairs[i])] = pairs[i+1]
	}
	return n
}

// Nominative is the noun's nominative (singular, or plural for a name
// that is plural), "" when not given.
func (n Noun) Nominative() string { return n.Sg[Nom] }

// UnmarshalYAML reads a noun as a plain text or a mapping (see Noun).
func (n *Noun) UnmarshalYAML(node *yaml.Node) error {
	*n = Noun{Sg: map[Case]string{}, Line: node.Line}
	switch node.Kind {
	case yaml.ScalarNode:
		n.Sg[Nom] = node.Value
		return nil
	case yaml.MappingNode:
	default:
		return fmt.Errorf("line %d: a noun is a text or a mapping of its forms, not a %s", node.Line, kindName(node))
	}
	for i := 0; i+1 < len(node.Content); i += 2 {
		k, v := node.Content[i], node.Content[i+1]
		switch k.Value {
		case "pl":
			if v.Kind != yaml.MappingNode {
				return fmt.Errorf("line %d: pl: give the plural forms by case, e.g. pl: {nom: проекты, gen: проектов}", v.Line)
			}
			n.Pl = map[Case]string{}
			for j := 0; j+1 < len(v.Content); j += 2 {
				ck, cv := v.Content[j], v.Content[j+1]
				if cv.Kind != yaml.ScalarNode || !isName(ck.Value) {
					return fmt.Errorf("line %d: pl.%s: want a case name and a text", ck.Line, ck.Value)
				}
				n.Pl[Case(ck.Value)] = cv.Value
			}
			continue
		}
		if v.Kind != yaml.ScalarNode {
			return fmt.Errorf("line %d: %s: want a text, not a %s", v.Line, k.Value, kindName(v))
		}
		switch k.Value {
		case "gender":
			n.Gender = Gender(v.Value)
		case "number":
			switch v.Value {
			case "pl":
				n.Plural = true
			case "sg":
			default:
				return fmt.Errorf("line %d: number: %q: use sg or pl", v.Line, v.Value)
			}
		case "indeclinable":
			b, err := strconv.ParseBool(v.Value)
			if err != nil {
				return fmt.Errorf("line %d: indeclinable: %q: use true or false", v.Line, v.Value)
			}
			n.Indeclinable = b
		case "decline":
			if v.Value != "auto" {
				return fmt.Errorf("line %d: decline: %q: the only value is auto", v.Line, v.Value)
			}
			n.Auto = true
		default:
			if !isName(k.Value) {
				return fmt.Errorf("line %d: %q is not a case name", k.Line, k.Value)
			}
			n.Sg[Case(k.Value)] = v.Value
		}
	}
	return nil
}

// MissingFormError is a noun that lacks forms a sentence or a locale
// needs.
type MissingFormError struct {
	Lang   string
	Word   string // its nominative
	Line   int
	Cases  []Case
	Plural bool
	Reason string // set instead of Cases for other faults
}

func (e *MissingFormError) Error() string {
	w := strconv.Quote(e.Word)
	if e.Line > 0 {
		w += fmt.Sprintf(" (line %d)", e.Line)
	}
	if e.Reason != "" {
		return fmt.Sprintf("%s: %s %s", e.Lang, w, e.Reason)
	}
	cs := make([]string, len(e.Cases))
	for i, c := range e.Cases {
		cs[i] = string(c)
		if e.Plural {
			cs[i] = "pl." + cs[i]
		}
	}
	form := "form"
	if len(cs) > 1 {
		form = "forms"
	}
	return fmt.Sprintf("%s: %s has no %s %s; give %s in the catalog's %s forms (or indeclinable: true for a name that does not change)",
		e.Lang, w, strings.Join(cs, ", "), form, map[bool]string{true: "them", false: "it"}[len(cs) > 1], e.Lang)
}

// CheckNoun reports a noun whose case names, gender or options the
// locale does not have: "loc" in Russian, gender "f" in Kazakh, decline:
// auto in Russian. It does not ask for forms (Require does).
func (l *Locale) CheckNoun(n Noun) error {
	bad := func(format string, args ...any) error {
		return &MissingFormError{Lang: l.id, Word: n.Sg[Nom], Line: n.Line, Reason: fmt.Sprintf(format, args...)}
	}
	if n.Sg[Nom] == "" {
		return bad("has no nominative (nom)")
	}
	for _, m := range []map[Case]string{n.Sg, n.Pl} {
		for _, c := range sortedCases(m) {
			if !contains(l.cases, string(c)) {
				return bad("gives a %s form, a case %s does not have (%s)", c, l.id, strings.Join(l.cases, ", "))
			}
		}
	}
	if n.Gender != "" && !contains(l.d.Grammar.Genders, string(n.Gender)) {
		if len(l.d.Grammar.Genders) == 0 {
			return bad("has a gender, which %s nouns do not have", l.id)
		}
		return bad("has gender %q; %s has %s", n.Gender, l.id, strings.Join(l.d.Grammar.Genders, ", "))
	}
	if n.Auto && !l.d.Grammar.AutoDeclension {
		return bad("asks for decline: auto, which %s does not do: give the forms", l.id)
	}
	return nil
}

func sortedCases(m map[Case]string) []Case {
	var cs []Case
	for c := range m {
		cs = append(cs, c)
	}
	sort.Slice(cs, func(i, j int) bool { return cs[i] < cs[j] })
	return cs
}

// Form is the noun in case c, singular (or plural for a plural name).
// A form the catalog does not give is an error, unless the noun is
// indeclinable (every case is its nominative) or asks for decline: auto
// in a locale with harmony.
func (l *Locale) Form(n Noun, c Case) (string, error) {
	return l.form(n, n.Sg, c, false)
}

// PluralForm is the noun's plural in case c ("проектов").
func (l *Locale) PluralForm(n Noun, c Case) (string, error) {
	if n.Plural {
		return l.form(n, n.Sg, c, false)
	}
	return l.form(n, n.Pl, c, true)
}

func (l *Locale) form(n Noun, forms map[Case]string, c Case, pl bool) (string, error) {
	if err := l.CheckNoun(n); err != nil {
		return "", err
	}
	if !contains(l.cases, string(c)) {
		return "", fmt.Errorf("%s has no case %q (it has %s)", l.id, c, strings.Join(l.cases, ", "))
	}
	if s := forms[c]; s != "" {
		return s, nil
	}
	switch {
	case n.Indeclinable:
		return n.Sg[Nom], nil
	case n.Auto && !pl:
		return l.Decline(n.Sg[Nom], c)
	}
	return "", &MissingFormError{Lang: l.id, Word: n.Sg[Nom], Line: n.Line, Cases: []Case{c}, Plural: pl}
}

// Require reports, in one error, every case of cases the noun lacks
// (singular; "pl.gen" style names ask for the plural): what `brief
// validate --lang ru` lists for a catalog entry.
func (l *Locale) Require(n Noun, cases ...Case) error {
	if err := l.CheckNoun(n); err != nil {
		return err
	}
	var miss []Case
	var missPl []Case
	for _, c := range cases {
		name, pl := strings.CutPrefix(string(c), "pl.")
		var err error
		if pl {
			_, err = l.PluralForm(n, Case(name))
		} else {
			_, err = l.Form(n, c)
		}
		if err == nil {
			continue
		}
		if _, ok := err.(*MissingFormError); !ok {
			return err
		}
		if pl {
			missPl = append(missPl, Case(name))
		} else {
			miss = append(miss, c)
		}
	}
	switch {
	case len(miss) > 0:
		e := &MissingFormError{Lang: l.id, Word: n.Sg[Nom], Line: n.Line, Cases: miss}
		if len(missPl) > 0 {
			for _, c := range missPl {
				e.Cases = append(e.Cases, "pl."+c)
			}
		}
		return e
	case len(missPl) > 0:
		return &MissingFormError{Lang: l.id, Word: n.Sg[Nom], Line: n.Line, Cases: missPl, Plural: true}
	}
	return nil
}

// Agree is a word of the locale's agreeing: section in the form that
// agrees with subject: ru Agree("rose", Россия) "выросла", (товарооборот)
// "вырос", (США, number: pl) "выросли"; kk and en have one form. A
// subject without the gender the word needs is an error.
func (l *Locale) Agree(key string, subject Noun) (string, error) {
	v, ok := l.d.Agreeing[key]
	if !ok {
		return "", fmt.Errorf("%s: no agreeing word %q; add it to the agreeing section", l.file, key)
	}
	if v.one {
		return v.all, nil
	}
	k := string(subject.Gender)
	if subject.Plural {
		k = "pl"
	}
	if k == "" {
		return "", &MissingFormError{Lang: l.id, Word: subject.Sg[Nom], Line: subject.Line,
			Reason: fmt.Sprintf("has no gender, which %q agrees with: give gender: (%s) or number: pl", key, strings.Join(l.d.Grammar.Genders, ", "))}
	}
	s, ok := v.by[k]
	if !ok {
		return "", &MissingFormError{Lang: l.id, Word: subject.Sg[Nom], Line: subject.Line,
			Reason: fmt.Sprintf("has gender %q, which %q has no form for", k, key)}
	}
	return s, nil
}
