package report

import (
	"fmt"
	"strings"

	"github.com/briefhq/brief/internal/dataset"
	"github.com/briefhq/brief/internal/locale"
)

// maxLangNames is how many of the names a language lacks a warning names
// before it counts the others.
const maxLangNames = 3

// langWarnings say, for a brief in a language other than English, which
// words of the catalog it prints as the data give them (in English),
// because the catalog gives none in its language: one warning per kind
// (entity, group, topic, indicator, event, note), naming a few with the
// file and line where each is to be added, how many in all, and the
// command that lists them all (brief validate --lang). An English name in
// a Russian or Kazakh brief is never silent.
func langWarnings(ds *dataset.Dataset, l *locale.Locale) []string {
	if ds == nil || l == nil || l.ID() == "en" {
		return nil
	}
	type kind struct {
		name  string
		items []string
	}
	var kinds []*kind
	byName := map[string]*kind{}
	for _, d := range ds.CheckLanguage(l) {
		if d.Severity != dataset.SevError || signFault(d.Message, l) {
			continue
		}
		k, _, _ := strings.Cut(d.Message, " ")
		if k == "the" { // "the note … of …"
			k = "note"
		}
		if byName[k] == nil {
			byName[k] = &kind{name: k}
			kinds = append(kinds, byName[k])
		}
		what := d.Message
		if i := strings.Index(what, " has no "); i > 0 {
			what = what[:i]
		}
		byName[k].items = append(byName[k].items, fmt.Sprintf("%s (%s)", what, d.Pos))
	}
	var out []string
	for _, k := range kinds {
		shown := k.items
		more := ""
		if len(shown) > maxLangNames {
			more = fmt.Sprintf(" and %d more", len(shown)-maxLangNames)
			shown = shown[:maxLangNames]
		}
		out = append(out, fmt.Sprintf("--lang %s: %d %s %s no %s words in the catalog, so the brief prints them as the data give them (in English): %s%s; add the %s words at the line named (brief validate --lang %s lists each with what to give; docs/catalog-languages.md)",
			l.ID(), len(k.items), langPlural(k.name, len(k.items)), map[bool]string{true: "has", false: "have"}[len(k.items) == 1], l.ID(), strings.Join(shown, "; "), more, l.ID(), l.ID()))
	}
	return out
}

// langPlural is a kind of catalog item counted n times: "entity", "entities".
func langPlural(k string, n int) string {
	if n == 1 {
		return k
	}
	if strings.HasSuffix(k, "y") {
		return strings.TrimSuffix(k, "y") + "ies"
	}
	return k + "s"
}

// signFault says whether a fault of the catalog is only a missing sign
// word (negative:, positive:) of an indicator: the brief says the rest of
// the indicator in the language and keeps the signed figure, and
// narrative's Brief.SignWarnings warns of it with the line to add it at.
func signFault(msg string, l *locale.Locale) bool {
	for _, k := range []string{"negative", "positive"} {
		if strings.HasPrefix(msg, "indicator ") && strings.Contains(msg, " has no "+l.ID()+" "+k+" (the English entry says ") {
			return true
		}
	}
	return false
}
