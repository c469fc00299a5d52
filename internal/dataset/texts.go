package dataset

import "slices"

// Texts is every text of the dataset a brief in lang may quote as the
// data's own words: entity names in lang, indicator names, and the rows'
// notes and the events' titles and summaries in English and in lang; sorted, each
// once, without empty strings. It is a superset of any section's quoted
// data (the polish request's <data> list), for checking a reply against
// the whole dataset when the section's own list is not at hand.
func (ds *Dataset) Texts(lang string) []string {
	var out []string
	for _, e := range ds.Entities {
		out = append(out, e.Name(lang))
	}
	for _, in := range ds.Indicators {
		out = append(out, in.Name)
	}
	for _, o := range ds.Observations {
		out = append(out, o.Note, o.Texts[lang].Note)
	}
	for _, e := range ds.Events {
		out = append(out, e.Title, e.Summary, e.Texts[lang].Title, e.Texts[lang].Summary)
	}
	out = slices.DeleteFunc(out, func(s string) bool { return s == "" })
	slices.Sort(out)
	return slices.Compact(out)
}
