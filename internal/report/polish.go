package report

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"strings"
	"unicode"

	"github.com/briefhq/brief/internal/dataset"
	"github.com/briefhq/brief/internal/guard"
	"github.com/briefhq/brief/internal/locale"
	"github.com/briefhq/brief/internal/narrative"
	"github.com/briefhq/brief/internal/polish"
)

// Polisher rewords the narrative sections of a document through an LLM,
// keeping only what the fact guard accepts.
type Polisher struct {
	Config polish.Config
	Strict bool // a rejected or failed section fails the run
}

// polishable says which sections a model may reword: the narrative ones.
// The title block, What changed and the Sources list are facts in lists
// and stay as the templates wrote them.
func polishable(id string) bool {
	base, _, _ := strings.Cut(id, ":")
	switch base {
	case "header", "sources", "changes":
		return false
	}
	return true
}

// Vocabulary is every name the data knows (what a polished text may name)
// and every unit and count noun of its catalog and rows (what a figure may
// be said in: a number followed by another word is a bare number, which the
// guard never lets a model round).
func Vocabulary(ds *dataset.Dataset) *guard.Vocabulary {
	v := &guard.Vocabulary{}
	for _, e := range ds.Entities {
		for _, n := range e.Names {
			v.Names = append(v.Names, n)
		}
		if e.Short != "" {
			v.Names = append(v.Names, e.Short)
		}
		v.Names = append(v.Names, e.ID)
		for _, g := range e.Groups {
			v.Names = append(v.Names, g, narrative.GroupName(ds, g))
		}
	}
	units := map[string]bool{}
	for _, in := range ds.Indicators {
		v.Names = append(v.Names, in.Name)
		v.Quantities = append(v.Quantities, in.Name)
		for _, u := range []string{in.Unit, in.UnitLabel, in.Wording.Noun, in.Wording.NounOne} {
			units[u] = true
		}
		for _, w := range []string{in.Wording.Negative, in.Wording.Positive} {
			if strings.TrimSpace(w) != "" {
				v.Signs = append(v.Signs, w)
			}
		}
	}
	for _, o := range ds.Observations {
		units[o.Unit] = true
	}
	delete(units, "")
	for u := range units {
		v.Units = append(v.Units, u)
	}
	sort.Strings(v.Units) // deterministic: the guard's reasons name them
	for _, t := range ds.Topics {
		v.Names = append(v.Names, t.Name)
	}
	v.Data = fixedTexts(ds)
	slices.Sort(v.Signs)
	v.Signs = slices.Compact(v.Signs)
	return v
}

// unitWords is a unit's words after its first, which a figure's token
// takes with its number ("312 cm" of "cm above the lowest Water Mark"):
// "above the lowest Water Mark"; "" for a unit of one word or of no
// letters after it ("USD/oz t" keeps "t" with its figure).
func unitWords(u string) string {
	f := strings.Fields(u)
	if len(f) < 2 {
		return ""
	}
	rest := strings.Join(f[1:], " ")
	if len([]rune(rest)) < 3 || !strings.ContainsFunc(rest, unicode.IsLetter) {
		return ""
	}
	return rest
}

// fixedTexts are the dataset's own words a template prints inside its
// sentences that no section's cite quotes: the sources' titles ("…
// comes from one source: Decision of the highest Court of Aland"), the
// indicators' names and phrases ("income share of the lowest Quintile")
// and units in words ("cm above the lowest Water Mark"). The guard
// holds them to the draft's words as it holds an event's summary: a
// vetted swap or recast is the templates', never inside the data's
// words (red team round 32: "the highest Court" printed as "the largest
// Court", "the lowest Quintile" as "the smallest Quintile"). Sorted,
// each once.
func fixedTexts(ds *dataset.Dataset) []string {
	var out []string
	for _, in := range ds.Indicators {
		out = append(out, in.Name, in.Wording.Phrase, in.Wording.Noun, in.Wording.NounOne, unitWords(in.Unit), unitWords(in.UnitLabel))
	}
	for _, o := range ds.Observations {
		out = append(out, o.Source)
		for _, t := range o.Texts {
			out = append(out, t.Source)
		}
	}
	for _, e := range ds.Events {
		out = append(out, e.Source)
		for _, t := range e.Texts {
			out = append(out, t.Source)
		}
	}
	out = slices.DeleteFunc(out, func(s string) bool { return strings.TrimSpace(s) == "" })
	slices.Sort(out)
	return slices.Compact(out)
}

// VocabularyIn is Vocabulary for a brief in lc's language (nil:
// English): the guard reads the brief with that language's lists, and
// knows every case form the catalog gives an entity or group in
// it (Казахстан, Казахстана, Казахстану, Казахстаном, Казахстане;
// Ресей, Ресейдің, Ресеймен …), so a name in any case is locked and a
// model cannot decline it into another role.
func VocabularyIn(ds *dataset.Dataset, lc *locale.Locale) *guard.Vocabulary {
	v := Vocabulary(ds)
	if lc == nil || lc.ID() == "en" {
		return v
	}
	v.Lang = lc.ID()
	add := func(n locale.Noun) {
		for _, c := range lc.Cases() {
			if f, err := lc.Form(n, c); err == nil && f != "" {
				v.Names = append(v.Names, f)
			}
			if f, err := lc.PluralForm(n, c); err == nil && f != "" {
				v.Names = append(v.Names, f)
			}
		}
	}
	seenGroup := map[string]bool{}
	for _, e := range ds.Entities {
		if n, err := ds.EntityForms(e.ID, lc); err == nil {
			add(n)
		}
		for _, g := range e.Groups {
			if seenGroup[g] {
				continue
			}
			seenGroup[g] = true
			if n, err := ds.GroupForms(g, lc); err == nil {
				add(n)
			}
		}
	}
	// The indicators' words in the language, in every case form (as
	// fixedTexts in English): the data's words, held to the draft's.
	for _, in := range ds.Indicators {
		w, err := ds.IndicatorWording(in.ID, lc)
		if err != nil {
			continue // an indicator without words in lc is printed in English: its English words are in v.Data
		}
		for _, n := range []*locale.Noun{w.Negative, w.Positive} {
			if n == nil {
				continue
			}
			for _, c := range lc.Cases() {
				for _, form := range []func(locale.Noun, locale.Case) (string, error){lc.Form, lc.PluralForm} {
					if f, err := form(*n, c); err == nil && f != "" {
						v.Signs = append(v.Signs, f)
					}
				}
			}
		}
		for _, n := range []*locale.Noun{&w.Name, &w.Phrase, w.Unit, w.Noun} {
			if n == nil {
				continue
			}
			for _, c := range lc.Cases() {
				for _, form := range []func(locale.Noun, locale.Case) (string, error){lc.Form, lc.PluralForm} {
					if f, err := form(*n, c); err == nil && f != "" {
						v.Data = append(v.Data, f)
					}
				}
			}
		}
	}
	slices.Sort(v.Data)
	v.Data = slices.Compact(v.Data)
	slices.Sort(v.Signs)
	v.Signs = slices.Compact(v.Signs)
	// Topic names are common nouns in these languages («торговля»,
	// «сауда»): headings lock them whole.
	return v
}

// polish runs the Polisher of o, if any, over doc and records its
// decisions in out. With Strict, any section that kept its draft fails
// the run.
func (o Options) polish(ctx context.Context, ds *dataset.Dataset, doc *narrative.Document, out *Output) error {
	if o.Polisher == nil {
		return nil
	}
	ds2, err := applyPolish(ctx, o.Polisher, ds, o.Locale, doc)
	if err != nil {
		return err
	}
	out.Polish = ds2
	if o.Polisher.Strict {
		for _, d := range ds2 {
			if !d.Accepted {
				why := d.Error
				if why == "" {
					why = strings.Join(d.Reasons, "; ")
				}
				return fmt.Errorf("--strict-polish: section %s kept its draft: %s", d.Section, why)
			}
		}
	}
	return nil
}

// applyPolish polishes doc's narrative sections in place and returns the
// decisions for the audit.
func applyPolish(ctx context.Context, p *Polisher, ds *dataset.Dataset, lc *locale.Locale, doc *narrative.Document) ([]polish.Decision, error) {
	var idx []int
	var secs []polish.Section
	for i, s := range doc.Sections {
		if polishable(s.ID) {
			idx = append(idx, i)
			secs = append(secs, polish.Section{ID: s.ID, Markdown: s.Markdown, Data: s.Data})
		}
	}
	out, decisions, err := polish.Polish(ctx, p.Config, secs, VocabularyIn(ds, lc))
	if err != nil {
		return nil, err
	}
	for j, i := range idx {
		doc.Sections[i].Markdown = out[j]
		printedFigures(&doc.Sections[i], decisions[j])
	}
	var b strings.Builder
	for i, s := range doc.Sections {
		if i > 0 {
			b.WriteString("\n")
		}
		b.WriteString(s.Markdown)
	}
	doc.Markdown = []byte(b.String())
	return decisions, nil
}

// printedFigures makes the section's figures in the audit say what the
// polished text prints: a figure the guard let the model round ("about
// $28 billion" for $27.8 billion) is recorded as printed, the first of
// the section's figures with the draft's text (the prose's; the table's
// come after and keep the data's).
func printedFigures(s *narrative.RenderedSection, d polish.Decision) {
	for _, p := range d.Figures {
		if p.Printed == p.Draft {
			continue
		}
		for k := range s.Figures {
			f := &s.Figures[k]
			if f.Text != "" && strings.Contains(p.Draft, f.Text) {
				if r, ok := roundedText(f.Text, p); ok {
					f.Text = r
				}
				break
			}
		}
	}
}

// roundedText is the figure's own text rounded as the slot's was.
func roundedText(text string, p guard.Printed) (string, bool) {
	i := strings.Index(p.Draft, text)
	if i < 0 {
		return text, false
	}
	// The slot's text and the printed one differ only in the digits.
	pre, post := p.Draft[:i], p.Draft[i+len(text):]
	if strings.HasPrefix(p.Printed, pre) && strings.HasSuffix(p.Printed, post) {
		return p.Printed[len(pre) : len(p.Printed)-len(post)], true
	}
	return text, false
}
