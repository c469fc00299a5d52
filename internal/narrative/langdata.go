package narrative

import (
	"fmt"

	"github.com/briefhq/brief/internal/dataset"
	"github.com/briefhq/brief/internal/facts"
	"github.com/briefhq/brief/internal/format"
	"github.com/briefhq/brief/internal/locale"
)

// The catalog's words in a brief's language other than English
// (dataset.EntityForms, TopicName, IndicatorWording, Event.Text,
// Observation.NoteIn): Build takes them where the catalog gives them;
// where it does not, the dataset's own text stays (the leak tests log
// it), and a template that asks for a form the catalog lacks gets an
// error naming the catalog's file and line, never a guessed form.

// langWording takes the indicator's name and phrase in l from the
// catalog.
func (iv *Indicator) langWording(ds *dataset.Dataset, l *locale.Locale) {
	iv.loc = l
	w, err := ds.IndicatorWording(iv.ID, l)
	if err != nil {
		var ok bool
		if w, ok = signless(ds, iv.ID, l); !ok {
			return
		}
	}
	iv.lang = &w
	iv.enRaw, iv.enPhrase = iv.raw, iv.Phrase
	if name := w.Name.Nominative(); name != "" {
		iv.raw = name
		iv.Name = format.EscapeMarkdown(name)
	}
	if p := w.Phrase.Nominative(); p != "" {
		iv.Phrase = format.EscapeMarkdown(p)
	}
}

// signless is the indicator's wording in l when the catalog lacks only
// its sign words there (negative:, positive: given in English, not in
// l): the rest of the words are said in l, and a figure below zero keeps
// its minus sign («−3,3 %») instead of the word, as the English does
// without one; Brief.SignWarnings names the line where the word goes.
// Any other missing word keeps the indicator in its English words (and
// the brief's warning of them).
func signless(ds *dataset.Dataset, id string, l *locale.Locale) (dataset.LangWording, bool) {
	for i := range ds.Indicators {
		in := ds.Indicators[i]
		if in.ID != id || (in.Wording.Negative == "" && in.Wording.Positive == "") {
			continue
		}
		lw := in.Langs[l.ID()]
		if lw == nil {
			return dataset.LangWording{}, false
		}
		if lw.Negative == nil {
			in.Wording.Negative = ""
		}
		if lw.Positive == nil {
			in.Wording.Positive = ""
		}
		w, err := (&dataset.Dataset{Dir: ds.Dir, Indicators: []dataset.Indicator{in}}).IndicatorWording(id, l)
		return w, err == nil
	}
	return dataset.LangWording{}, false
}

// langGroup takes the name of the indicator's ranking group in its
// language, with its forms, from the catalog (dataset.GroupForms): the
// tables, charts and sentences say "Орталық Азия", never "Central Asia".
// Without forms the group keeps its name as the data give it.
func (iv *Indicator) langGroup(ds *dataset.Dataset, group string) {
	if iv.loc == nil || iv.loc.ID() == "en" {
		return
	}
	n, err := ds.GroupForms(group, iv.loc)
	if err != nil {
		return
	}
	iv.groupForms = &n
	if nom := n.Nominative(); nom != "" {
		iv.groupRaw = nom
	}
}

// GroupCase is the ranking group's name in a case of the brief's
// language ("gen": "Центральной Азии"), from the catalog; an error
// naming the group when the catalog lacks its forms (GroupHasForms).
func (iv *Indicator) GroupCase(c string) (string, error) {
	if iv.groupForms == nil || iv.loc == nil {
		return "", langFault(fmt.Sprintf("group %q", iv.groupRaw), iv.locOrEnglish())
	}
	s, err := iv.loc.Form(*iv.groupForms, locale.Case(c))
	return format.EscapeMarkdown(s), err
}

// GroupHasForms says whether the catalog gives the ranking group's
// forms in the brief's language (a template quotes the name as the data
// give it otherwise: «Central Asia» тобында).
func (iv *Indicator) GroupHasForms() bool { return iv.groupForms != nil }

// langFault is the error of a form a template asks for and the catalog
// lacks: validate --lang lists every one.
func langFault(what string, l *locale.Locale) error {
	return fmt.Errorf("%s has no %s forms in the catalog: run brief validate --lang %s, which lists what to add and where", what, l.ID(), l.ID())
}

// Case is the entity's name in a grammatical case of the brief's
// language ("ins": "Россией", "prep": "Казахстане"), from the catalog.
func (e Entity) Case(c string) (string, error) {
	if e.forms == nil || e.loc == nil {
		return "", langFault(fmt.Sprintf("entity %q", e.raw), e.locOrEnglish())
	}
	s, err := e.loc.Form(*e.forms, locale.Case(c))
	return format.EscapeMarkdown(s), err
}

// HasForms says whether the catalog gives the entity's forms in the
// brief's language (a template says the name in the nominative
// otherwise, where its grammar allows).
func (e Entity) HasForms() bool { return e.forms != nil }

// Gender is the entity name's gender ("m", "f", "n") or "pl" for a
// plural name, for agreement; "" without forms.
func (e Entity) Gender() string {
	if e.forms == nil {
		return ""
	}
	if e.forms.Plural {
		return "pl"
	}
	return string(e.forms.Gender)
}

func (e Entity) locOrEnglish() *locale.Locale {
	if e.loc != nil {
		return e.loc
	}
	return English()
}

// PhraseCase is the indicator's phrase in a case of the brief's language
// ("gen": "товарооборота"), from the catalog.
func (iv *Indicator) PhraseCase(c string) (string, error) {
	if iv.lang == nil || iv.loc == nil {
		return "", langFault(fmt.Sprintf("indicator %q", iv.ID), iv.locOrEnglish())
	}
	s, err := iv.loc.Form(iv.lang.Phrase, locale.Case(c))
	return format.EscapeMarkdown(s), err
}

// Place says whether the catalog counts the figure in the entity as a
// place (the language block's place: true): «число новых ТЭЦ в
// Казахстане с участием России», not «… Казахстана с Россией».
func (iv *Indicator) Place() bool { return iv.lang != nil && iv.lang.Place }

// HasWording says whether the catalog says the indicator in the brief's
// language.
func (iv *Indicator) HasWording() bool { return iv.lang != nil }

// PhraseGender is the gender of the indicator's phrase, for agreement
// ("m", "f", "n", "pl"); "" without wording.
func (iv *Indicator) PhraseGender() string {
	if iv.lang == nil {
		return ""
	}
	if iv.lang.Phrase.Plural {
		return "pl"
	}
	return string(iv.lang.Phrase.Gender)
}

func (iv *Indicator) locOrEnglish() *locale.Locale {
	if iv.loc != nil {
		return iv.loc
	}
	return English()
}

// countNoun is the noun a count of the indicator is written with in a
// language other than English: the catalog's unit in words ("проект"),
// nil without one.
func (iv *Indicator) countNoun() *locale.Noun {
	if iv == nil || iv.lang == nil {
		return nil
	}
	return iv.lang.Unit
}

// noteIndex maps each observation with a note to its place, for noteIn;
// nil in English, which takes the fact's note as it is.
func noteIndex(ds *dataset.Dataset, lang string) map[rowPos]*dataset.Observation {
	if lang == "en" || lang == "" {
		return nil
	}
	m := map[rowPos]*dataset.Observation{}
	for i := range ds.Observations {
		if o := &ds.Observations[i]; o.Note != "" {
			m[rowPos{o.Pos.File, o.Pos.Line}] = o
		}
	}
	return m
}

// noteIn is a fact's note in lang: the note_<lang> of its observation,
// else the note as the data give it.
func noteIn(notes map[rowPos]*dataset.Observation, f *facts.Fact, lang string) string {
	if notes == nil || f.Note == "" || len(f.Sources) == 0 {
		return f.Note
	}
	if o := notes[rowPos{f.Sources[0].File, f.Sources[0].Line}]; o != nil {
		if n, err := o.NoteIn(lang); err == nil && n != "" {
			return n
		}
	}
	return f.Note
}

// sourceNames are the sources of ds as lang names them: an observation's
// or event's source_<lang> by its source as written ("City environment
// office" -> "Городское управление экологии"), the first translation
// in file order when rows differ; nil for English. A source without a
// translation keeps its name (a citation names its document as
// published).
func sourceNames(ds *dataset.Dataset, lang string) map[string]string {
	if lang == "en" || lang == "" {
		return nil
	}
	m := map[string]string{}
	add := func(src string, texts map[string]dataset.Translation) {
		if t, ok := texts[lang]; ok && t.Source != "" && src != "" {
			if _, seen := m[src]; !seen {
				m[src] = t.Source
			}
		}
	}
	for i := range ds.Observations {
		add(ds.Observations[i].Source, ds.Observations[i].Texts)
	}
	for i := range ds.Events {
		add(ds.Events[i].Source, ds.Events[i].Texts)
	}
	return m
}

// sourceName is a source as the brief's language names it.
func (b *Brief) sourceName(src string) string {
	if b != nil {
		if n, ok := b.sourceNames[src]; ok {
			return n
		}
	}
	return src
}
