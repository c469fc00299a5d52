// Package guard decides whether an LLM's rewording of a brief section may
// replace the template's draft. Claims are locked, not compared: Lock
// replaces every figure (with its unit, currency, scale, count noun and
// status), date or period, name and footnote marker of the draft by an
// opaque token (⟦F3⟧, ⟦D1⟧, ⟦N2⟧, ⟦S1⟧), and every heading, table,
// image or other kept block by a block token (⟦B1⟧); the model sees only
// the tokens and words between them. Verify reads the reply: a polish
// may only swap vetted synonyms in place. Each token must come back
// exactly once, in its paragraph or list item; each draft sentence stays
// one sentence in its place, written as the draft writes it, word for
// word and sign for sign (same inflections, articles, possessives,
// punctuation; only a sentence's first letter may change case), but for
// a phrase of a vetted [synonym] group and a hedge before a rounded
// figure (align.go;
// lexicon/*.txt). Free text holds no figure, date, name, markup, link or
// chatter of its own. The exact draft text is put
// back for every token, so what is printed states the draft's claims in
// the draft's words. Check judges a polished text written out in full the
// same way, after re-locking it (see Check).
package guard

// Vocabulary lists the names the dataset knows beyond those of the draft:
// every entity name (all languages, short names), indicator, topic and
// group name of the catalogs. It finds names in any case.
//
// Lang is the language of the brief ("en", "ru", "kk"; a BCP 47 tag; ""
// is English): its lexicon reads the draft's figures, dates, sentences
// and words (lang.go). For a language with case forms Names holds every
// form the catalog gives (report.VocabularyIn), so that a name in any
// case is locked.
//
// Data is the dataset's own text the section shows (event titles and
// summaries, notes, names: the <data> list of the polish request,
// narrative's RenderedSection.Data). Where the draft writes it, it is
// the source's wording, not the templates': a reply writes it back
// verbatim (tokens, words and signs as the draft has them; no vetted
// synonym, hedge, rounding, paraphrase pattern or fronting inside it).
//
// Units are the catalog's units and count nouns (an indicator's unit:
// "kt CO2e", "cm", "projects", "visitors"). A word after a number is the
// figure's unit or what it counts only if Units or the lexicon's [unit]
// list name it: "pier 1,450 blue" is no measure of 1,450 "blue" but a
// bare number, and a bare number is never rounded (it may name a thing).
//
// Quantities are the names of the catalog's indicators (each also in
// Names): a name token that is one of them is a quantity, as "the
// level" is, so "Inflation, GDP deflator fell in all eight" states a
// figure's change (a direction verb after it may take a vetted
// synonym), where a name that acts ("Tokayev rose") does not.
//
// Signs are the catalog's words for a figure's sign (an indicator's
// negative: and positive:, "deficit", "surplus", in every form the
// brief's language gives them). A sentence that says a figure by one of
// them ("showed a deficit of $2 billion in 2025, up $1.5 billion on
// 2024") states its change of the signed value, which a comparative or
// a noun recast would say of the deficit's size ("$1.5 billion more
// than in 2024": red team round 38): no such pattern applies there.
type Vocabulary struct {
	Names      []string
	Lang       string
	Data       []string
	Units      []string
	Quantities []string
	Signs      []string
}
