package dataset

import (
	"errors"
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/briefhq/brief/internal/locale"
)

// Catalog words in other languages than English.
//
// An entity, group or topic names itself per language under name:, each
// a locale.Noun (a plain text is the nominative alone; a mapping gives
// the cases, gender, number and indeclinable: true):
//
//	name:
//	  en: Kazakhstan
//	  ru: {nom: Казахстан, gen: Казахстана, dat: Казахстану, acc: Казахстан, ins: Казахстаном, prep: Казахстане, gender: m}
//	  kk: {nom: Қазақстан, gen: Қазақстанның, dat: Қазақстанға, acc: Қазақстанды, loc: Қазақстанда, abl: Қазақстаннан, ins: Қазақстанмен}
//
// An indicator carries a block per language beside its English fields:
//
//	ru:
//	  name: Товарооборот                      # tables, charts: the nominative
//	  phrase: {nom: товарооборот, gen: товарооборота, …, gender: m}
//	  noun: {nom: проект, gen: проекта, …, gender: m, pl: {nom: проекты, gen: проектов}}
//	  unit: {nom: проект, …}                 # the unit in words, unless a currency or %
//	  verb: {m: реализовал, f: реализовала, n: реализовало, pl: реализовали}
//	  negative: {nom: дефицит, …}            # where the English entry has one
//	  positive: {nom: профицит, …}
//
// What a language needs is checked by CheckLanguage (brief validate
// --lang) and by the accessors below, with the locale's own rules
// (locale.Locale.Require, CheckNoun, CheckVerb).

// LangWording is how an indicator is said in one language.
type LangWording struct {
	Name   locale.Noun // its name in tables and charts (the nominative)
	Phrase locale.Noun // mid-sentence, in every case
	// Noun is what a count counts, Unit the unit in words; nil when the
	// catalog gives none (then the English entry has none either, or the
	// unit is a currency or percent the locale writes itself).
	Noun, Unit         *locale.Noun
	Verb               *locale.Verb
	Negative, Positive *locale.Noun
	// Place says the entity is where the figure is counted, not whose
	// it is: sentences put it in the place case (ru «в Казахстане», kk
	// «Қазақстанда») and a partner as taking part (ru «с участием
	// России», kk «Ресейдің қатысуымен»), not «ТЭЦ Казахстана с Россией».
	Place bool
	// Per is what a money figure is per, in words of the language, said
	// after it: ru «за 1 куб. м» gives «112 тенге за 1 куб. м», kk «1 текше
	// метр үшін»; "" without one.
	Per string
	Pos Pos
}

// Translation is the text of an event or an observation in another
// language, from the columns title_ru, summary_ru, note_ru, source_ru and
// so on; empty fields were not given.
type Translation struct {
	Title, Summary, Note, Source string
}

var (
	langWordingKeys = []string{"name", "phrase", "noun", "unit", "verb", "negative", "positive", "place", "per"}
	langCode        = regexp.MustCompile(`^[a-z]{2,3}$`)
)

// isLangKey says whether a catalog key names a language (ru, kk, de).
func isLangKey(s string) bool { return langCode.MatchString(s) }

// noun decodes a catalog word in one language, reporting a malformed one
// at its line.
func (l *loader) noun(file string, n *yaml.Node, lang, what string) (locale.Noun, bool) {
	var out locale.Noun
	if n.Kind == yaml.ScalarNode && strings.TrimSpace(n.Value) == "" {
		l.errorAt(yamlPos(file, n), what+" is empty: give it in words, or leave the key out")
		return out, false
	}
	if err := n.Decode(&out); err != nil {
		l.errorAt(yamlPos(file, n), what+": "+stripLine(err))
		return out, false
	}
	for c, s := range out.Sg {
		out.Sg[c] = strings.TrimSpace(s)
	}
	for c, s := range out.Pl {
		out.Pl[c] = strings.TrimSpace(s)
	}
	if out.Sg[locale.Nom] == "" {
		l.errorAt(yamlPos(file, n), what+" has no nominative: give nom: first ({nom: Казахстан, gen: Казахстана, …})")
		return out, false
	}
	l.checkForms(file, out, lang, what)
	return out, true
}

// checkForms reports case names, genders and options a shipped locale
// does not have ("loc" in Russian, gender in Kazakh), whether or not a
// brief in that language is asked for: a typo is a typo.
func (l *loader) checkForms(file string, n locale.Noun, lang, what string) {
	lc := shippedLocale(lang)
	if lc == nil {
		return
	}
	if err := lc.CheckNoun(n); err != nil {
		l.errorAt(Pos{File: file, Line: n.Line}, formsMessage(what, n, err))
	}
}

// shippedLocale is the locale of the languages brief ships (en, kk, ru),
// nil for another.
func shippedLocale(lang string) *locale.Locale {
	r, err := locale.Default()
	if err != nil {
		return nil
	}
	lc, _ := r.Get(lang)
	return lc
}

var lineMark = regexp.MustCompile(`^(yaml: )?line \d+: `)

func stripLine(err error) string { return lineMark.ReplaceAllString(err.Error(), "") }

// names reads name: as a plain text ("" key: the catalog's own language,
// read as English) or a mapping by language of nouns.
func (l *loader) names(file string, n *yaml.Node, what string) map[string]locale.Noun {
	out := map[string]locale.Noun{}
	if n == nil {
		return out
	}
	if n.Kind != yaml.MappingNode {
		if s, good := l.text(file, n, "name"); good && s != "" {
			out[""] = locale.Noun{Sg: map[locale.Case]string{locale.Nom: s}, Line: n.Line}
		}
		return out
	}
	seen := map[string]int{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		lang := strings.TrimSpace(k.Value)
		if !isLangKey(lang) {
			l.errorAt(yamlPos(file, k), "name: "+strconv.Quote(lang)+" is not a language code: key each name by its language in lower case ({en: Kazakhstan, ru: {nom: Казахстан, …}})")
			continue
		}
		if first, dup := seen[lang]; dup {
			l.errorAt(yamlPos(file, k), "name: language "+lang+" appears twice (first on line "+strconv.Itoa(first)+")")
			continue
		}
		seen[lang] = k.Line
		if v.Kind == yaml.ScalarNode && v.ShortTag() == "!!null" {
			continue
		}
		if w, good := l.noun(file, v, lang, what+": "+lang+" name"); good {
			out[lang] = w
		}
	}
	return out
}

// nominatives are the names' nominatives by language, as Entity.Names.
func nominatives(forms map[string]locale.Noun) map[string]string {
	out := make(map[string]string, len(forms))
	for lang, n := range forms {
		out[lang] = n.Nominative()
	}
	return out
}

// readLangWording reads an indicator's block for one language.
func (l *loader) readLangWording(file string, id string, k, n *yaml.Node) *LangWording {
	lang := k.Value
	if n.Kind != yaml.MappingNode {
		msg := "key " + strconv.Quote(lang) + " must be a mapping of the indicator's words in that language (" + lang + ": {name: …, phrase: {nom: …}})"
		if s := suggest(lang, indicatorKeys); s != "" {
			msg = "unknown key " + strconv.Quote(lang) + "; did you mean " + strconv.Quote(s) + "? (a language block is a mapping: " + lang + ": {name: …, phrase: …})"
		}
		l.errorAt(yamlPos(file, k), msg)
		return nil
	}
	keys, _ := l.keyed(file, n, lang+" (the indicator's words in "+lang+")", langWordingKeys)
	if keys == nil {
		return nil
	}
	w := &LangWording{Pos: yamlPos(file, n)}
	what := func(key string) string { return "indicator " + strconv.Quote(id) + ": " + lang + " " + key }
	noun := func(key string) *locale.Noun {
		v := keys[key]
		if v == nil {
			return nil
		}
		x, good := l.noun(file, v, lang, what(key))
		if !good {
			return nil
		}
		return &x
	}
	if p := noun("name"); p != nil {
		w.Name = *p
	}
	if p := noun("phrase"); p != nil {
		w.Phrase = *p
	}
	w.Noun, w.Unit = noun("noun"), noun("unit")
	w.Negative, w.Positive = noun("negative"), noun("positive")
	if v := keys["place"]; v != nil {
		if err := v.Decode(&w.Place); err != nil || v.Kind != yaml.ScalarNode {
			l.errorAt(yamlPos(file, v), what("place")+": want true or false (true: sentences say where, «в Казахстане», not whose)")
		}
	}
	if v := keys["per"]; v != nil {
		if v.Kind != yaml.ScalarNode || strings.TrimSpace(v.Value) == "" {
			l.errorAt(yamlPos(file, v), what("per")+": want a text, what a money figure is per in "+lang+" (ru: за 1 куб. м)")
		} else {
			w.Per = strings.TrimSpace(v.Value)
		}
	}
	if v := keys["verb"]; v != nil {
		var vb locale.Verb
		switch err := v.Decode(&vb); {
		case err != nil:
			l.errorAt(yamlPos(file, v), what("verb")+": "+stripLine(err))
		case vb.Text() == "":
			l.errorAt(yamlPos(file, v), what("verb")+" is empty: give it in words, or leave the key out")
		default:
			if lc := shippedLocale(lang); lc != nil {
				// Forms not given are for --lang to list; forms the
				// language cannot have are errors now.
				probe := vb
				probe.Plain = false
				if probe.All == "" && len(probe.By) > 0 && len(lc.Genders()) > 0 {
					probe.By = map[string]string{"pl": "-"}
					for _, g := range lc.Genders() {
						probe.By[string(g)] = "-"
					}
					for k, s := range vb.By {
						probe.By[k] = s
					}
				}
				if err := lc.CheckVerb(probe); err != nil {
					l.errorAt(yamlPos(file, v), what("verb")+": "+reason(err))
				}
			}
			w.Verb = &vb
		}
	}
	return w
}

func reason(err error) string {
	var m *locale.MissingFormError
	if errors.As(err, &m) && m.Reason != "" {
		return m.Reason
	}
	return err.Error()
}

// formsMessage says what a word lacks in the catalog's terms.
func formsMessage(what string, n locale.Noun, err error) string {
	var m *locale.MissingFormError
	if !errors.As(err, &m) {
		return what + ": " + err.Error()
	}
	w := what + " " + strconv.Quote(n.Nominative())
	if m.Reason != "" {
		return w + " " + m.Reason
	}
	hint := "indeclinable: true for a word that does not change"
	if lc := shippedLocale(m.Lang); lc != nil && lc.CheckNoun(locale.Noun{Sg: map[locale.Case]string{locale.Nom: "x"}, Auto: true}) == nil {
		hint = "decline: auto for a word whose endings follow vowel harmony, indeclinable: true for one that does not change"
	}
	cs := make([]string, len(m.Cases))
	for i, c := range m.Cases {
		cs[i] = string(c)
		if m.Plural {
			cs[i] = "pl." + cs[i]
		}
	}
	form := "form"
	if len(cs) > 1 {
		form = "forms"
	}
	return fmt.Sprintf("%s has no %s %s: give %s (or %s)", w, strings.Join(cs, ", "), form, map[bool]string{true: "them", false: "it"}[len(cs) > 1], hint)
}

// MissingError is a catalog word or text a language lacks, where the
// catalog should give it.
type MissingError struct {
	Pos     Pos
	Message string
}

func (e *MissingError) Error() string { return e.Pos.String() + ": " + e.Message }

// langFault is one thing a language lacks, for CheckLanguage and the
// accessors.
type langFault struct {
	pos Pos
	msg string
}

// requireNoun lists what noun n lacks in lc: the cases (and gender when
// agree) a sentence may put it in.
func requireNoun(lc *locale.Locale, pos Pos, what string, n locale.Noun, cases []locale.Case, agree bool) []langFault {
	if n.Line > 0 {
		pos = Pos{File: pos.File, Sheet: pos.Sheet, Line: n.Line}
	}
	if err := lc.Require(n, cases...); err != nil {
		return []langFault{{pos, formsMessage(what, n, err)}}
	}
	if agree && len(lc.Genders()) > 0 && n.Gender == "" && !n.Plural {
		gs := make([]string, len(lc.Genders()))
		for i, g := range lc.Genders() {
			gs[i] = string(g)
		}
		return []langFault{{pos, fmt.Sprintf("%s %q has no gender, which %s sentences agree with: give gender: (%s), or number: pl", what, n.Nominative(), lc.ID(), strings.Join(gs, ", "))}}
	}
	return nil
}

// caseList is every case of lc, and the counting forms when count.
func caseList(lc *locale.Locale, count bool) []locale.Case {
	cs := lc.Cases()
	if count {
		for _, c := range lc.CountCases() {
			if strings.HasPrefix(string(c), "pl.") {
				cs = append(cs, c)
			}
		}
	}
	return cs
}

// nameIn is a name in lang: its own key, or for English the plain name.
func nameIn(forms map[string]locale.Noun, lang string) (locale.Noun, bool) {
	if n, ok := forms[lang]; ok {
		return n, true
	}
	if lang == "en" {
		n, ok := forms[""]
		return n, ok
	}
	return locale.Noun{}, false
}

func (ds *Dataset) entityFaults(e *Entity, lc *locale.Locale) []langFault {
	n, ok := nameIn(e.Forms, lc.ID())
	what := "entity " + strconv.Quote(e.ID) + ": " + lc.ID() + " name"
	switch {
	case !ok && lc.ID() == "en":
		return nil // the id serves as its name (SPEC)
	case !ok:
		return []langFault{{e.Pos, fmt.Sprintf("entity %q has no %s name: give name: {en: %s, %s: %s}", e.ID, lc.ID(), e.Name("en"), lc.ID(), nounExample(lc))}}
	}
	return requireNoun(lc, e.Pos, what, n, lc.Cases(), true)
}

// nounExample is how a name with its forms is written in lc: every
// case, and the gender where lc has genders.
func nounExample(lc *locale.Locale) string {
	cs := lc.Cases()
	parts := make([]string, 0, len(cs)+1)
	for _, c := range cs {
		parts = append(parts, string(c)+": …")
	}
	if gs := lc.Genders(); len(gs) > 0 {
		names := make([]string, len(gs))
		for i, g := range gs {
			names[i] = string(g)
		}
		parts = append(parts, "gender: "+strings.Join(names, "|"))
	}
	return "{" + strings.Join(parts, ", ") + "}"
}

func (ds *Dataset) groupFaults(id string, lc *locale.Locale) []langFault {
	g := ds.groups[id]
	what := "group " + strconv.Quote(id) + ": " + lc.ID() + " name"
	if g == nil || !g.listed {
		if lc.ID() == "en" {
			return nil // named from its id
		}
		pos := Pos{}
		if g != nil {
			pos = g.used
		}
		return []langFault{{pos, fmt.Sprintf("group %q has no %s name: list it under groups: with name: {en: …, %s: %s}", id, lc.ID(), lc.ID(), nounExample(lc))}}
	}
	n, ok := nameIn(g.forms, lc.ID())
	switch {
	case !ok && lc.ID() == "en":
		return nil
	case !ok:
		return []langFault{{g.pos, fmt.Sprintf("group %q has no %s name: give name: {en: %s, %s: %s}", id, lc.ID(), ds.GroupNames[id], lc.ID(), nounExample(lc))}}
	}
	return requireNoun(lc, g.pos, what, n, lc.Cases(), true)
}

func (ds *Dataset) topicFaults(t *Topic, lc *locale.Locale) []langFault {
	n, ok := nameIn(t.Forms, lc.ID())
	switch {
	case !ok && lc.ID() == "en":
		return nil // named from its id, or the default topic
	case !ok && t.ID == DefaultTopic.ID && !ds.HasIndicatorCatalog:
		return []langFault{{Pos{File: ds.Dir}, fmt.Sprintf("the dataset has no indicators.yaml, so its one topic has no %s name: give indicators.yaml with topics: [{id: %s, name: {en: %s, %s: …}}]", lc.ID(), DefaultTopic.ID, DefaultTopic.Name, lc.ID())}}
	case !ok:
		return []langFault{{t.Pos, fmt.Sprintf("topic %q has no %s name: give name: {en: %s, %s: …} (under topics:)", t.ID, lc.ID(), t.Name, lc.ID())}}
	}
	return requireNoun(lc, t.Pos, "topic "+strconv.Quote(t.ID)+": "+lc.ID()+" name", n, []locale.Case{locale.Nom}, false)
}

// needsUnit says whether an indicator's unit must be given in words in
// lc: every unit but a currency the locale writes itself and percent.
func needsUnit(in *Indicator, lc *locale.Locale) bool {
	u := strings.TrimSpace(in.Unit)
	switch {
	case u == "":
		return false
	case u == "%" || strings.EqualFold(u, "percent") || strings.EqualFold(u, "pct"):
		return false
	case lc.HasCurrency(strings.ToUpper(u)):
		return false
	}
	return true
}

func (ds *Dataset) indicatorFaults(in *Indicator, lc *locale.Locale) []langFault {
	lang := lc.ID()
	if lang == "en" {
		return nil // the English fields are the base entry
	}
	w := in.Langs[lang]
	if w == nil {
		return []langFault{{in.Pos, fmt.Sprintf("indicator %q has no %s wording: give %s: {name: …, phrase: {nom: …, gen: …}}%s", in.ID, lang, lang, ds.wordingHint(in, lc))}}
	}
	what := func(key string) string { return "indicator " + strconv.Quote(in.ID) + ": " + lang + " " + key }
	var out []langFault
	missing := func(key, why string) {
		out = append(out, langFault{w.Pos, fmt.Sprintf("indicator %q has no %s %s (%s): give it under %s:", in.ID, lang, key, why, lang)})
	}
	if w.Name.Nominative() == "" {
		missing("name", "tables and charts print it")
	} else {
		out = append(out, requireNoun(lc, w.Pos, what("name"), w.Name, []locale.Case{locale.Nom}, false)...)
	}
	if w.Phrase.Nominative() == "" {
		missing("phrase", "sentences name the indicator by it, in any case")
	} else {
		out = append(out, requireNoun(lc, w.Pos, what("phrase"), w.Phrase, lc.Cases(), true)...)
	}
	en := in.Wording
	if w.Noun == nil && en.Noun != "" {
		missing("noun", "the English entry counts "+strconv.Quote(en.Noun))
	} else if w.Noun != nil {
		out = append(out, requireNoun(lc, w.Pos, what("noun"), *w.Noun, caseList(lc, true), true)...)
	}
	if w.Unit == nil && needsUnit(in, lc) {
		missing("unit", "figures are printed with "+strconv.Quote(in.Unit)+" in words")
	} else if w.Unit != nil {
		out = append(out, requireNoun(lc, w.Pos, what("unit"), *w.Unit, caseList(lc, true), false)...)
	}
	if w.Verb == nil && en.Verb != "" {
		missing("verb", "the English entry says "+strconv.Quote(en.Verb))
	} else if w.Verb != nil {
		if err := lc.CheckVerb(*w.Verb); err != nil {
			out = append(out, langFault{Pos{File: w.Pos.File, Line: w.Verb.Line}, what("verb") + " " + strconv.Quote(w.Verb.Text()) + " " + reason(err)})
		}
	}
	for _, s := range []struct {
		key string
		en  string
		n   *locale.Noun
	}{{"negative", en.Negative, w.Negative}, {"positive", en.Positive, w.Positive}} {
		if s.n == nil && s.en != "" {
			missing(s.key, "the English entry says "+strconv.Quote(s.en))
		} else if s.n != nil {
			out = append(out, requireNoun(lc, w.Pos, what(s.key), *s.n, lc.Cases(), true)...)
		}
	}
	return out
}

func (ds *Dataset) wordingHint(in *Indicator, lc *locale.Locale) string {
	var more []string
	if in.Wording.Noun != "" {
		more = append(more, "noun")
	}
	if needsUnit(in, lc) {
		more = append(more, "unit")
	}
	if in.Wording.Verb != "" {
		more = append(more, "verb")
	}
	if in.Wording.Negative != "" {
		more = append(more, "negative")
	}
	if in.Wording.Positive != "" {
		more = append(more, "positive")
	}
	if len(more) == 0 {
		return ""
	}
	return ", and " + strings.Join(more, ", ")
}

func firstNonEmpty(s ...string) string {
	for _, x := range s {
		if x != "" {
			return x
		}
	}
	return ""
}

// CheckLanguage lists, as errors, every word or text of the dataset that
// a brief in lc needs and the dataset lacks: each entity's and group's
// name in every case (and its gender where the language has genders),
// each topic's name, each indicator's wording (name, phrase in every
// case, noun, unit, verb and sign words where the English entry has
// them), and each event's and observation note's translation. Only the
// entities, groups, topics and indicators the data use are checked, and
// every listed one. English asks for nothing the base entries lack.
func (ds *Dataset) CheckLanguage(lc *locale.Locale) Diagnostics {
	var faults []langFault
	for i := range ds.Entities {
		faults = append(faults, ds.entityFaults(&ds.Entities[i], lc)...)
	}
	ids := make([]string, 0, len(ds.groups))
	for id := range ds.groups {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		faults = append(faults, ds.groupFaults(id, lc)...)
	}
	for i := range ds.Topics {
		faults = append(faults, ds.topicFaults(&ds.Topics[i], lc)...)
	}
	for i := range ds.Indicators {
		faults = append(faults, ds.indicatorFaults(&ds.Indicators[i], lc)...)
	}
	if lc.ID() != "en" {
		for i := range ds.Events {
			faults = append(faults, eventFaults(&ds.Events[i], lc.ID())...)
		}
		for i := range ds.Observations {
			if o := &ds.Observations[i]; o.Note != "" {
				faults = append(faults, noteFaults(o, lc.ID())...)
			}
		}
	}
	out := make(Diagnostics, len(faults))
	for i, f := range faults {
		out[i] = Diagnostic{Pos: f.pos, Severity: SevError, Message: f.msg}
	}
	out.Sort()
	return out
}

func eventFaults(ev *Event, lang string) []langFault {
	t := ev.Texts[lang]
	var miss []string
	if t.Title == "" {
		miss = append(miss, "title_"+lang)
	}
	if ev.Summary != "" && t.Summary == "" {
		miss = append(miss, "summary_"+lang)
	}
	if len(miss) == 0 {
		return nil
	}
	return []langFault{{ev.Pos, fmt.Sprintf("event %q has no %s translation: give it in the column %s", ev.Title, lang, strings.Join(miss, " and "))}}
}

func noteFaults(o *Observation, lang string) []langFault {
	if o.Texts[lang].Note != "" {
		return nil
	}
	return []langFault{{o.Pos, fmt.Sprintf("the note %q of %s, %s, %s has no %s translation: give it in the column note_%s", o.Note, o.Indicator, o.Entity, o.Period, lang, lang)}}
}

func firstFault(fs []langFault) error {
	if len(fs) == 0 {
		return nil
	}
	msgs := make([]string, len(fs))
	for i, f := range fs {
		msgs[i] = f.msg
	}
	return &MissingError{Pos: fs[0].pos, Message: strings.Join(msgs, "; ")}
}

// EntityForms is the entity's name in lc's language with every form a
// sentence may need (all cases, and the gender where the language has
// genders), checked: a form the catalog lacks is a *MissingError naming
// the catalog's file and line. In English the plain name serves, and an
// entity without a name is named by its id (SPEC).
func (ds *Dataset) EntityForms(id string, lc *locale.Locale) (locale.Noun, error) {
	for i := range ds.Entities {
		e := &ds.Entities[i]
		if e.ID != id {
			continue
		}
		if err := firstFault(ds.entityFaults(e, lc)); err != nil {
			return locale.Noun{}, err
		}
		if n, ok := nameIn(e.Forms, lc.ID()); ok {
			return n, nil
		}
		return locale.Noun{Sg: map[locale.Case]string{locale.Nom: e.ID}}, nil
	}
	if ds.HasEntityCatalog {
		return locale.Noun{}, &MissingError{Pos: Pos{File: ds.Dir}, Message: fmt.Sprintf("no entity %q in the entity catalog", id)}
	}
	if lc.ID() == "en" {
		return locale.Noun{Sg: map[locale.Case]string{locale.Nom: id}}, nil
	}
	return locale.Noun{}, &MissingError{Pos: Pos{File: ds.Dir}, Message: fmt.Sprintf("entity %q has no %s name: the dataset has no entities.yaml; give one with name: {en: …, %s: %s}", id, lc.ID(), lc.ID(), nounExample(lc))}
}

// GroupForms is a group's name in lc's language with its forms, checked
// as EntityForms. In English a group not listed under groups: is named
// from its id ("central-asia": Central Asia).
func (ds *Dataset) GroupForms(id string, lc *locale.Locale) (locale.Noun, error) {
	if err := firstFault(ds.groupFaults(id, lc)); err != nil {
		return locale.Noun{}, err
	}
	if g := ds.groups[id]; g != nil {
		if n, ok := nameIn(g.forms, lc.ID()); ok {
			return n, nil
		}
	}
	if lc.ID() == "en" {
		if s := ds.GroupNames[id]; s != "" {
			return locale.Noun{Sg: map[locale.Case]string{locale.Nom: s}}, nil
		}
		return locale.Noun{Sg: map[locale.Case]string{locale.Nom: titleCase(id)}}, nil
	}
	return locale.Noun{}, &MissingError{Pos: Pos{File: ds.Dir}, Message: fmt.Sprintf("no group %q in the entity catalog", id)}
}

// TopicName is a topic's name in lc's language (a heading: the
// nominative).
func (ds *Dataset) TopicName(id string, lc *locale.Locale) (locale.Noun, error) {
	for i := range ds.Topics {
		t := &ds.Topics[i]
		if t.ID != id {
			continue
		}
		if err := firstFault(ds.topicFaults(t, lc)); err != nil {
			return locale.Noun{}, err
		}
		if n, ok := nameIn(t.Forms, lc.ID()); ok {
			return n, nil
		}
		return locale.Noun{Sg: map[locale.Case]string{locale.Nom: t.Name}}, nil
	}
	return locale.Noun{}, &MissingError{Pos: Pos{File: ds.Dir}, Message: fmt.Sprintf("no topic %q", id)}
}

// IndicatorWording is how an indicator is said in lc's language, checked
// as CheckLanguage checks it: every fault in one *MissingError. English
// is the base entry: Name and Phrase as the catalog gives them (Phrase
// empty when it gives none), Noun with one in the singular and other in
// the plural, Verb as one text.
func (ds *Dataset) IndicatorWording(id string, lc *locale.Locale) (LangWording, error) {
	for i := range ds.Indicators {
		in := &ds.Indicators[i]
		if in.ID != id {
			continue
		}
		if err := firstFault(ds.indicatorFaults(in, lc)); err != nil {
			return LangWording{}, err
		}
		if lc.ID() != "en" {
			return *in.Langs[lc.ID()], nil
		}
		return englishWording(in), nil
	}
	return LangWording{}, &MissingError{Pos: Pos{File: ds.Dir}, Message: fmt.Sprintf("no indicator %q", id)}
}

func englishWording(in *Indicator) LangWording {
	nom := func(s string) *locale.Noun {
		if s == "" {
			return nil
		}
		return &locale.Noun{Sg: map[locale.Case]string{locale.Nom: s}}
	}
	w := LangWording{Name: *nom(in.Name), Pos: in.Pos}
	if p := nom(in.Wording.Phrase); p != nil {
		w.Phrase = *p
	}
	if in.Wording.Noun != "" {
		w.Noun = &locale.Noun{Sg: map[locale.Case]string{locale.Nom: firstNonEmpty(in.Wording.NounOne, in.Wording.Noun)}, Pl: map[locale.Case]string{locale.Nom: in.Wording.Noun}}
	}
	if in.Wording.Verb != "" {
		w.Verb = &locale.Verb{All: in.Wording.Verb}
	}
	w.Negative, w.Positive = nom(in.Wording.Negative), nom(in.Wording.Positive)
	return w
}

// Text is the event's title, summary and source in lang. English is the
// event as the file gives it; another language needs title_<lang> (and
// summary_<lang> where there is a summary), else a *MissingError names
// the row. The source is a citation: without source_<lang> it is the
// source as written, in any language.
func (ev *Event) Text(lang string) (title, summary, source string, err error) {
	if lang == "en" || lang == "" {
		return ev.Title, ev.Summary, ev.Source, nil
	}
	if err := firstFault(eventFaults(ev, lang)); err != nil {
		return "", "", "", err
	}
	t := ev.Texts[lang]
	return t.Title, t.Summary, firstNonEmpty(t.Source, ev.Source), nil
}

// EventText is the text of ds.Events[i] in lang (Event.Text).
func (ds *Dataset) EventText(i int, lang string) (title, summary, source string, err error) {
	if i < 0 || i >= len(ds.Events) {
		return "", "", "", fmt.Errorf("no event %d (the dataset has %d)", i, len(ds.Events))
	}
	return ds.Events[i].Text(lang)
}

// NoteIn is the observation's note in lang ("" when it has none), from
// note_<lang>; a note without its translation is a *MissingError naming
// the row.
func (o *Observation) NoteIn(lang string) (string, error) {
	if lang == "en" || lang == "" || o.Note == "" {
		return o.Note, nil
	}
	if err := firstFault(noteFaults(o, lang)); err != nil {
		return "", err
	}
	return o.Texts[lang].Note, nil
}

// SourceIn is the observation's source in lang: source_<lang> when the
// row gives it, else the source as written (a citation names its
// document in the document's language).
func (o *Observation) SourceIn(lang string) string {
	if t, ok := o.Texts[lang]; ok && t.Source != "" {
		return t.Source
	}
	return o.Source
}
