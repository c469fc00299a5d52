package guard

import (
	"fmt"
	"math"
	"sort"
	"strings"
)

// statedChange is a change the draft states between two of its figures:
// "stood at ⟦F1⟧ in July 2020, up ⟦F2⟧ on June 2020 (⟦F3⟧)", "Year on
// year, it is up ⟦F3⟧ percentage points on October 2007 (⟦F4⟧)", «Это на
// ⟦F2⟧ больше, чем в июне 2020 г. (⟦F3⟧)». It is found by arithmetic, not
// by wording, so it holds in every language and word order: a
// percentage (or percentage points) stated in a sentence, a base in the
// same sentence and a level in the same paragraph whose change, at the
// draft's own precision, is that percentage.
//
// A rounding of the level or the base beside it keeps the change's
// wording and moves its arithmetic: "stood at about $1,800 in July 2020,
// up 6.6% on June 2020 ($1,732.00)" ($1,800 is 3.9% above $1,732; the
// draft's $1,846.51 is 6.6% above it), "about 4.8%" as the base of "up
// 0.50 percentage points" from 5.29% (red team round 23, in English,
// Russian and Kazakh). Such a rounding is refused unless the change the
// printed figures give is still the stated one at its printed precision,
// and the prompt does not offer it (Roundable).
type statedChange struct {
	level, base, change int    // slots; change is -1 for a table's cell
	cell                string // the table's cell that states the change
	pp                  bool
	value, tol          float64 // |change| and the precision the draft's own figures allow
	lt, bt              float64 // the level's and the base's values as the draft prints them
}

// figStep is a figure text's value, kind|unit and step of its last digit.
func (lk *Locked) figStep(text string) (v float64, kind string, step float64, ok bool) {
	fs := lk.lex.figures(text)
	if len(fs) == 0 || fs[0].ordinal {
		return 0, "", 0, false
	}
	return fs[0].value, fs[0].kind + "|" + fs[0].unit, fs[0].step, true
}

// statedFig is a figure of the draft's prose as statedChanges reads it.
type statedFig struct {
	slot, block, sent int
	v, step           float64
	kind              string
}

// statedChanges finds the draft's stated changes (statedChange).
func (lk *Locked) statedChanges() []statedChange {
	var figs []statedFig
	seen := map[int]bool{}
	for _, o := range lk.parsed.occ {
		sl := lk.Slots[o.slot]
		if o.extra || sl.kind != kindFigure || seen[o.slot] {
			continue
		}
		seen[o.slot] = true
		var v, step float64
		var kind string
		ok := false
		if f := sl.fig; f != nil && !f.ordinal {
			v, kind, step, ok = f.value, f.kind+"|"+f.unit, f.step, true // read at the lock
		} else {
			v, kind, step, ok = lk.figStep(sl.Text)
		}
		if !ok || math.IsNaN(v) {
			continue
		}
		if rt, rk, ok := lk.rangeValue(o.slot); ok {
			v, kind = rt, rk
		}
		figs = append(figs, statedFig{o.slot, o.block, o.sent, v, step, kind})
	}
	// A change's base is in its sentence or the next, its level at most
	// six sentences before it ("stood at ⟦F1⟧ … That is the highest since
	// … Year on year, it is up ⟦F7⟧ on ⟦D5⟧ (⟦F8⟧)"; a Russian date's «г.»
	// ends a sentence for the parser). figs are in the text's order, so
	// the figures of a run of sentences are a slice of it and the search
	// stays linear in the section's length.
	near := func(from, to int) []statedFig {
		i := sort.Search(len(figs), func(k int) bool { return figs[k].sent >= from })
		j := sort.Search(len(figs), func(k int) bool { return figs[k].sent > to })
		return figs[i:j]
	}
	var out []statedChange
	for _, c := range figs {
		pct, pp := strings.HasPrefix(c.kind, "%|"), strings.HasPrefix(c.kind, "pp|")
		if !pct && !pp || c.v == 0 {
			continue
		}
		p := math.Abs(c.v)
		for _, b := range near(c.sent, c.sent+1) {
			// the base in the change's sentence, or the next one: a
			// Russian date's «г.» ends a sentence for the parser («в июне
			// 2020 г. (1 732,00 долл. США)»)
			if b.slot == c.slot || b.block != c.block || b.sent != c.sent && b.sent != c.sent+1 || b.v == 0 {
				continue
			}
			if pp && !strings.HasPrefix(b.kind, "%|") {
				continue // points are a change of a rate
			}
			for _, l := range near(c.sent-6, b.sent) {
				if l.slot == c.slot || l.slot == b.slot || l.block != c.block || l.sent > b.sent || l.v == b.v {
					continue
				}
				implied, match := changeOf(l.v, b.v, pp), c.step/2
				if pp {
					match += (l.step + b.step) / 2
				} else {
					match += (l.step + b.step) / 2 / math.Abs(b.v) * 100 * (1 + p/100)
				}
				if math.Abs(implied-p) > match+1e-9 || !sameMeasure(l.kind, b.kind) {
					continue // the arithmetic first: it rules out nearly every pair
				}
				// Printed figures may give the stated change at its
				// printed precision, or within one part in a hundred
				// ("up 0.789 percentage points" from about 0.25% to
				// -0.543%), or as nearly as the draft's own figures do.
				tol := math.Max(math.Max(c.step/2, p/100), math.Abs(implied-p))
				out = append(out, statedChange{level: l.slot, base: b.slot, change: c.slot, pp: pp, value: p, tol: tol, lt: l.v, bt: b.v})
			}
		}
	}
	return append(out, lk.tableChanges(figs)...)
}

// tableChanges are the changes a table of the draft states for a row
// whose level the prose gives beside a base ("Uzbekistan had the
// highest inflation …: 25.9%, down from 33.7% in 2017", its row
// "| Uzbekistan | 25.9% | down 7.8 percentage points |"): a rounding of
// the prose's base to "about 34%" gives 8.1 points against the table's
// 7.8 (red team round 26). The row ties the cell to the level: a prose
// figure equal to one of the row's cells, its base in the same sentence
// or the next.
func (lk *Locked) tableChanges(figs []statedFig) []statedChange {
	var out []statedChange
	type cellFig struct {
		text       string
		v, step    float64
		kind       string
		pct, point bool
	}
	for _, cells := range lk.tableRows() {
		var row []cellFig
		for _, c := range cells {
			v, kind, step, ok := lk.figStep(c)
			if !ok || math.IsNaN(v) {
				continue
			}
			row = append(row, cellFig{c, v, step, kind, strings.HasPrefix(kind, "%|"), strings.HasPrefix(kind, "pp|")})
		}
		for _, ch := range row {
			lower := strings.ToLower(ch.text)
			if !(ch.pct || ch.point) || ch.v == 0 || !strings.Contains(lower, "up") && !strings.Contains(lower, "down") {
				continue // a change cell says its direction: "down 7.8 percentage points"
			}
			p := math.Abs(ch.v)
			for _, lv := range row {
				if lv.text == ch.text {
					continue
				}
				for _, l := range figs {
					if l.v != lv.v || !sameMeasure(l.kind, lv.kind) {
						continue
					}
					for _, b := range figs {
						if b.slot == l.slot || b.block != l.block || b.sent < l.sent || b.sent > l.sent+1 || b.v == 0 || b.v == l.v || !sameMeasure(l.kind, b.kind) {
							continue
						}
						if ch.point && !strings.HasPrefix(b.kind, "%|") {
							continue
						}
						implied := changeOf(l.v, b.v, ch.point)
						match := ch.step/2 + (l.step+b.step)/2
						if !ch.point {
							match = ch.step/2 + (l.step+b.step)/2/math.Abs(b.v)*100*(1+p/100)
						}
						if math.Abs(implied-p) > match+1e-9 {
							continue
						}
						tol := math.Max(math.Max(ch.step/2, p/100), math.Abs(implied-p))
						out = append(out, statedChange{level: l.slot, base: b.slot, change: -1, cell: ch.text + " (a table's)", pp: ch.point, value: p, tol: tol, lt: l.v, bt: b.v})
					}
				}
			}
		}
	}
	return out
}

// sameMeasure: two figures a change may be stated between: comparable,
// or one of them a bare number beside money or a measure ("1,846.51
// USD/oz t …, up 6.6% on June 2020 (1,732.00)": the unit outside the
// level's token, the base bare; red team round 24). The arithmetic
// match makes a chance pairing unlikely.
func sameMeasure(a, b string) bool {
	if comparable(a, b) {
		return true
	}
	ak, _, _ := strings.Cut(a, "|")
	bk, _, _ := strings.Cut(b, "|")
	ratio := func(k string) bool { return k == "%" || k == "pp" || k == "‰" || k == "x" }
	return ak == "" && !ratio(bk) || bk == "" && !ratio(ak)
}

// changeOf is the change from b to l, as a percentage of b or in points.
func changeOf(l, b float64, pp bool) float64 {
	if pp {
		return math.Abs(l - b)
	}
	return math.Abs(l-b) / math.Abs(b) * 100
}

// breaksStated: the figures shown (a slot's printed value, its truth if
// not in shown) no longer give a change the draft states beside them,
// and which.
func (lk *Locked) breaksStated(shown map[int]float64) (statedChange, float64, bool) {
	for _, sc := range lk.changes {
		l, lok := shown[sc.level]
		b, bok := shown[sc.base]
		if !lok && !bok {
			continue
		}
		lt, bt := sc.lt, sc.bt
		if !lok {
			l = lt
		}
		if !bok {
			b = bt
		}
		if b == 0 || (l-b > 0) != (lt-bt > 0) {
			return sc, math.NaN(), true
		}
		if implied := changeOf(l, b, sc.pp); math.Abs(implied-sc.value) > sc.tol+1e-9 {
			return sc, implied, true
		}
	}
	return statedChange{}, 0, false
}

// checkStated: the reply's roundings keep every stated change.
func (lk *Locked) checkStated(vs []figureVal) []Issue {
	shown := map[int]float64{}
	for _, a := range vs {
		if a.rounded && !a.table {
			shown[a.slot] = a.shown
		}
	}
	if len(shown) == 0 || len(lk.changes) == 0 {
		return nil
	}
	sc, implied, bad := lk.breaksStated(shown)
	if !bad {
		return nil
	}
	c := Slot{ID: "", Text: sc.cell}
	if sc.change >= 0 {
		c = lk.Slots[sc.change]
	}
	printed := trimFloat(math.Round(implied*1000)/1000) + " printed"
	if math.IsNaN(implied) {
		printed = "as printed they are equal or in the other order" // "about 2,700 …, down 1.4% on October 2024 (2,690.00)"
	}
	return []Issue{{Slot: c.ID, Text: c.Text, Why: fmt.Sprintf("rounded, %q and %q no longer give the change stated beside them (%s): a rounding may not change a stated change", lk.Slots[sc.level].Text, lk.Slots[sc.base].Text, printed)}}
}
