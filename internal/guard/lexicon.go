package guard

import (
	"bufio"
	"embed"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"

	"golang.org/x/text/currency"
)

// The word lists of a language live in lexicon/LANG.txt (embedded), so
// that a locale is a data file, not code.
//
//go:embed lexicon/*.txt
var lexiconFS embed.FS

// lexicon is one language's lists.
type lexicon struct {
	// needID numbers the literal keys of the paraphrase patterns
	// (paraphrase.needIDs).
	needID map[string]int
	// classes maps a word or a phrase (words joined by spaces) to its
	// claim classes.
	classes   map[string][]string
	maxPhrase int // words in the longest phrase
	hedge     map[string]bool
	// addHedge are the hedges a polish may put before a figure it rounds
	// ([add_hedge]; the [hedge] list when the language has none): neutral
	// ones only, never "nearly" or "just over", which say which side.
	addHedge map[string]bool
	// addBelow and addAbove may go before a rounded figure only on its
	// side of the rounding: "nearly $28 billion" for $27.8 billion (the
	// rounding is above the figure), never for an exact $28.0 billion or
	// for $28.3 billion; "just over" the other way ([add_hedge_below],
	// [add_hedge_above]).
	addBelow, addAbove map[string]bool
	common             map[string]bool
	chatter            []string
	cardinal           map[string]float64
	ordinal            map[string]float64
	month              map[string]bool
	currency           map[string]string // name or sign -> ISO code
	suffix             []string
	regions            map[string]bool     // country and region names, lower case
	units              map[string][]string // a short unit and its names in full
	all                map[string]bool     // every word of every list
	// lists are the word lists of the rules, by section; order keeps
	// each list in the file's order; place maps "second" to 2.
	lists map[string]map[string]bool
	// synonym maps a phrase to its group: any phrase of a group stands
	// for any other; maxSyn is the longest phrase in words.
	synonym map[string]string
	maxSyn  int
	// vetted maps a phrase of a [synonym] group, exactly as written (no
	// stem), to its group: the only words a polish may swap (align.go).
	vetted      map[string]string
	vettedFirst map[string]bool // the first word of every vetted phrase
	maxVetted   int
	vettedOrder []string
	order       map[string][]string
	place       map[string]int
	// paraphrases are the vetted paraphrase patterns (paraphrase.go),
	// in the file's order.
	paraphrases []*paraphrase
	// lang is the language's tag ("en", "ru", "kk"); scales, unitKind
	// and the word lists of dates are read for languages other than
	// English (lang.go).
	lang     string
	scales   map[string]float64
	unitKind map[string]string
	multiple map[string]bool
	native   *native // patterns of a language other than English (lang.go)
}

var (
	enOnce sync.Once
	enLex  *lexicon
)

// english is the English lexicon, read once.
func english() *lexicon {
	enOnce.Do(func() {
		l, err := readLexicon("lexicon/en.txt")
		if err != nil {
			panic(err) // the file is embedded: a test reads it
		}
		l.lang = "en"
		enLex = l
	})
	return enLex
}

func readLexicon(name string) (*lexicon, error) {
	f, err := lexiconFS.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	l := &lexicon{classes: map[string][]string{}, hedge: map[string]bool{}, common: map[string]bool{},
		cardinal: map[string]float64{}, ordinal: map[string]float64{}, units: map[string][]string{}, month: map[string]bool{}, currency: map[string]string{}, all: map[string]bool{},
		lists: map[string]map[string]bool{}, order: map[string][]string{}, place: map[string]int{}, synonym: map[string]string{}, vetted: map[string]string{},
		scales: map[string]float64{}, unitKind: map[string]string{}, multiple: map[string]bool{}}
	sc := bufio.NewScanner(f)
	section, line, why := "", 0, ""
	type rawPattern struct {
		text, why string
		line      int
		figure    bool
		scope     string
		again     bool
	}
	scope, again := "", false
	var patterns []rawPattern
	for sc.Scan() {
		line++
		t := strings.TrimSpace(sc.Text())
		if r, ok := strings.CutPrefix(t, "# why:"); ok {
			why = strings.TrimSpace(r)
			continue
		}
		if t == "# again" {
			again = true // the second pass reads it too (paraphrase.again)
			continue
		}
		if r, ok := strings.CutPrefix(t, "# scope:"); ok {
			switch scope = strings.TrimSpace(r); scope {
			case "figure", "ranking", "level", "fronting", "positive", "count", "unsigned", "measure":
			default:
				return nil, fmt.Errorf("%s:%d: %q: a scope is \"figure\", \"ranking\", \"level\", \"fronting\", \"positive\", \"count\", \"unsigned\" or \"measure\"", name, line, t)
			}
			continue
		}
		if t == "" || strings.HasPrefix(t, "#") {
			continue
		}
		if strings.HasPrefix(t, "[") && strings.HasSuffix(t, "]") && !strings.Contains(t, " ") {
			section = t[1 : len(t)-1]
			continue
		}
		if section == "paraphrase" {
			// One pattern a line, its reason the "# why:" line above it.
			if why == "" {
				return nil, fmt.Errorf("%s:%d: a paraphrase pattern needs a \"# why:\" line above it (why it cannot change a claim)", name, line)
			}
			// "positive", "measure" and "unsigned" narrow a pattern by
			// what the sentence holds, not to a figure's sentence
			patterns = append(patterns, rawPattern{t, why, line, scope != "" && scope != "positive" && scope != "unsigned" && scope != "measure", scope, again})
			why, scope, again = "", "", false
			continue
		}
		for _, w := range strings.Fields(t) {
			phrase := strings.ReplaceAll(w, "_", " ")
			for _, p := range strings.Fields(phrase) {
				l.all[p] = true
			}
			switch section {
			case "hedge":
				l.hedge[phrase] = true
			case "add_hedge":
				if l.addHedge == nil {
					l.addHedge = map[string]bool{}
				}
				l.addHedge[phrase] = true
			case "add_hedge_below", "add_hedge_above":
				m := &l.addBelow
				if section == "add_hedge_above" {
					m = &l.addAbove
				}
				if *m == nil {
					*m = map[string]bool{}
				}
				(*m)[phrase] = true
			case "common":
				l.common[phrase] = true
			case "chatter":
				l.chatter = append(l.chatter, phrase)
			case "month":
				l.month[phrase] = true
			case "unit":
				k, v, ok := strings.Cut(w, "=")
				if !ok {
					return nil, fmt.Errorf("%s:%d: %q: want unit=name,name", name, line, w)
				}
				l.units[k] = strings.Split(v, ",")
				for _, n := range l.units[k] {
					l.all[n] = true
				}
			case "suffix":
				l.suffix = append(l.suffix, w)
			case "synonym":
				group := strings.ReplaceAll(w, "_", " ")
				l.vettedOrder = append(l.vettedOrder, group)
				for _, ph := range strings.Split(group, "=") {
					if ph == "" {
						return nil, fmt.Errorf("%s:%d: %q: want phrase=phrase", name, line, w)
					}
					l.synonym[ph] = group
					l.synonym[stemPhrase(ph)] = group
					l.vetted[ph] = group
					if l.vettedFirst == nil {
						l.vettedFirst = map[string]bool{}
					}
					l.vettedFirst[strings.Fields(ph)[0]] = true
					l.maxVetted = max(l.maxVetted, len(strings.Fields(ph)))
					l.maxSyn = max(l.maxSyn, len(strings.Fields(ph)))
				}
			case "paraphrase-run-stop", "adverb", "synonym-figure", "synonym-figure-clause", "quantity", "free", "free-past", "free-in-place", "past", "ordered", "interchangeable", "stop-after-number", "clause-joiner", "name-before", "phrasal-up", "relation", "figure-before", "sign-word", "status":
				if l.lists[section] == nil {
					l.lists[section] = map[string]bool{}
				}
				l.lists[section][phrase] = true
				l.order[section] = append(l.order[section], phrase)
			case "year-word", "week-word", "quarter-word":
				if l.lists[section] == nil {
					l.lists[section] = map[string]bool{}
				}
				l.lists[section][phrase] = true
				l.order[section] = append(l.order[section], phrase)
			case "multiple":
				l.multiple[phrase] = true
			case "figure-unit":
				k, v, ok := strings.Cut(w, ":")
				if !ok {
					return nil, fmt.Errorf("%s:%d: %q: want words:kind", name, line, w)
				}
				l.unitKind[strings.ReplaceAll(k, "_", " ")] = v
			case "cardinal", "currency", "ordinal", "place", "scale":
				k, v, ok := strings.Cut(w, ":")
				if !ok {
					return nil, fmt.Errorf("%s:%d: %q: want word:value", name, line, w)
				}
				if section == "currency" {
					l.currency[k] = v
					continue
				}
				k = strings.ReplaceAll(k, "_", " ")
				n, err := strconv.ParseFloat(v, 64)
				if err != nil {
					return nil, fmt.Errorf("%s:%d: %q: %v", name, line, w, err)
				}
				if section == "scale" {
					l.scales[k] = n
					continue
				}
				if section == "place" {
					l.place[k] = int(n)
					continue
				}
				if section == "ordinal" {
					l.ordinal[k] = n
					continue
				}
				l.cardinal[k] = n
			default:
				l.classes[phrase] = append(l.classes[phrase], section)
				if n := len(strings.Fields(phrase)); n > l.maxPhrase {
					l.maxPhrase = n
				}
			}
		}
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	for _, rp := range patterns {
		p, err := l.compileParaphrase(rp.text, rp.why)
		if err != nil {
			return nil, fmt.Errorf("%s:%d: %v", name, rp.line, err)
		}
		p.figure, p.scope, p.again = rp.figure, rp.scope, rp.again
		p.movesDate = datesMoved(p.variants)
		l.paraphrases = append(l.paraphrases, p)
	}
	// The patterns' literal keys, numbered: a sentence's keys are looked
	// up once, as a bit set, not once per pattern (paraphrase.possible).
	l.needID = map[string]int{}
	for _, p := range l.paraphrases {
		p.needIDs = make([][]int, len(p.need))
		for vi, need := range p.need {
			for _, k := range need {
				id, ok := l.needID[k]
				if !ok {
					id = len(l.needID)
					l.needID[k] = id
				}
				p.needIDs[vi] = append(p.needIDs[vi], id)
			}
		}
	}
	l.regions = regionNames()
	return l, nil
}

// regionNames are the English names of every country and region CLDR
// knows, lower case ("kazakhstan", "china", "united states"), from
// lexicon/regions.txt (generated from golang.org/x/text by internal/regions).
//
//go:generate go run ./internal/regions/gen
func regionNames() map[string]bool {
	m := map[string]bool{}
	b, _ := lexiconFS.ReadFile("lexicon/regions.txt")
	for _, l := range strings.Split(string(b), "\n") {
		if l = strings.TrimSpace(l); l != "" && !strings.HasPrefix(l, "#") {
			m[l] = true
		}
	}
	return m
}

// isoCurrency reports whether s is an ISO 4217 code ("USD", "KZT").
func isoCurrency(s string) bool {
	if len(s) != 3 || strings.ToUpper(s) != s {
		return false
	}
	_, err := currency.ParseISO(s)
	return err == nil
}

// hasSuffix reports an English suffix ("Prominent", "Trailing").
func (l *lexicon) hasSuffix(w string) bool {
	for _, s := range l.suffix {
		if len(w) > len(s)+2 && strings.HasSuffix(w, s) {
			return true
		}
	}
	return false
}

// known reports a lower-case word as English: in a list, or suffixed.
// isUnit: w is a unit of [unit], short or in full ("cm", "metres").
func (l *lexicon) isUnit(w string) bool {
	if w == "" {
		return false
	}
	w = strings.ToLower(w)
	if _, ok := l.units[w]; ok {
		return true
	}
	for _, ns := range l.units {
		if slices.Contains(ns, w) {
			return true
		}
	}
	return false
}

func (l *lexicon) known(w string) bool {
	if l.all[w] || l.common[w] || l.hasSuffix(w) {
		return true
	}
	// Plurals and possessives of listed words.
	for _, s := range []string{"s", "es", "'s", "’s"} {
		if b, ok := strings.CutSuffix(w, s); ok && (l.all[b] || l.common[b]) {
			return true
		}
	}
	return false
}

// sameUnit: a and b (lower case) are one unit, short or in full.
func (l *lexicon) sameUnit(a, b string) bool {
	if a == b {
		return true
	}
	for _, x := range [][2]string{{a, b}, {b, a}} {
		for _, n := range l.units[x[0]] {
			if n == x[1] {
				return true
			}
		}
	}
	return false
}

// in reports w (lower case) in a rule's list.
func (l *lexicon) in(list, w string) bool { return l.lists[list][w] }

// stemPhrase is a phrase with every word stemmed ("headed by" and
// "heads by" are one).
func stemPhrase(ph string) string {
	ws := strings.Fields(ph)
	for i, w := range ws {
		ws[i] = stem(w)
	}
	return strings.Join(ws, " ")
}

// VettedSynonyms are the English lexicon's synonym groups, each a list of
// phrases, in the file's order: the only words a polish may swap (the
// prompt lists them; a test holds the two together).
func VettedSynonyms() [][]string {
	l := english()
	var out [][]string
	seen := map[string]bool{}
	for _, g := range l.vettedOrder {
		if !seen[g] {
			seen[g] = true
			out = append(out, strings.Split(g, "="))
		}
	}
	return out
}
