package guard

import (
	"strings"
)

// Rank words for a ranking's "Next came" list. The templates write a
// ranking as a leader's sentence ("⟦N1⟧ posted the highest … : ⟦F1⟧")
// and a list of the places after it ("Next came ⟦N5⟧ (⟦F3⟧), ⟦N6⟧
// (⟦F4⟧) and ⟦N7⟧ (⟦F5⟧)."). A reader says the same with rank words:
// "⟦N5⟧ came second (⟦F3⟧), ⟦N6⟧ third (⟦F4⟧) and ⟦N7⟧ fourth
// (⟦F5⟧)", "⟦N5⟧ was second (⟦F3⟧), followed by ⟦N6⟧ (⟦F4⟧) and
// ⟦N7⟧ (⟦F5⟧)", "Runner-up was ⟦N5⟧ (⟦F3⟧), ahead of …" (the issue's
// own false rejects: "came second", "was second"). The lexicon refuses
// "Next came {N}" = "{N} came second" as a free swap, because after a
// shared first place the next one is third. Here the place is known:
// the previous sentence names one leader and every figure of the
// ranking differs, so the list's first name is second, the next third,
// in the draft's order; and the last is "last" only when nothing
// follows it (no "more follow", no "the other …", no member without a
// figure). The reply is read as the draft's sentence only if it is
// exactly one of these forms, names and figures in the draft's order.

var (
	nextCameRE   = lazy(`^(\s*)Next came ((?:⟦N\d+⟧ \(⟦F\d+⟧\)(?:, | and ))*⟦N\d+⟧ \(⟦F\d+⟧\))(.*)$`)
	rankPairRE   = lazy(`⟦(N\d+)⟧ \(⟦(F\d+)⟧\)`)
	rankLeaderRE = lazy(`^\s*⟦N\d+⟧ (?:posted|had|recorded|reported) the (?:highest|lowest|largest|smallest|most) [^:]*: ⟦(F\d+)⟧`)
)

var rankOrdinals = []string{"", "", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"}

// rankAsNext returns the draft's sentence ds[i] when reply says its
// "Next came" list with rank words (see above), else reply unchanged.
func (lk *Locked) rankAsNext(d *parsedText, ds []int, i int, reply string) string {
	if i == 0 {
		return reply
	}
	draft := d.sents[ds[i]].text
	m := nextCameRE.re().FindStringSubmatch(draft)
	if m == nil || !strings.Contains(reply, "second") && !strings.Contains(reply, "unner-up") {
		return reply
	}
	lead := rankLeaderRE.re().FindStringSubmatch(d.sents[ds[i-1]].text)
	if lead == nil {
		return reply
	}
	pairs := rankPairRE.re().FindAllStringSubmatch(m[2], -1)
	if len(pairs)+1 >= len(rankOrdinals) {
		return reply
	}
	// Every figure of the ranking differs: no shared place.
	ids := []string{lead[1]}
	for _, p := range pairs {
		ids = append(ids, p[2])
	}
	vals := map[float64]bool{}
	for _, id := range ids {
		si, ok := lk.byID[id]
		if !ok {
			return reply
		}
		v := firstNumber(lk.Slots[si].Text)
		if vals[v] {
			return reply
		}
		vals[v] = true
	}
	// "last" only if the list ends the ranking.
	last := true
	for _, s := range ds {
		t := d.sents[s].text
		if strings.Contains(t, "more follow") || strings.Contains(t, "The other") || strings.Contains(t, "the other") {
			last = false
		}
	}
	for _, s := range ds[:i+1] {
		if strings.Contains(d.sents[s].surface, "no figures") {
			last = false
		}
	}
	pi := lk.exactItems(reply)
	for _, v := range rankVariants(m[1], pairs, m[3], last) {
		if alignDiff(lk, lk.exactItems(v), pi) == "" {
			return draft
		}
	}
	return reply
}

// rankVariants writes the list with rank words, every way rankAsNext
// accepts.
func rankVariants(lead string, pairs [][]string, tail string, last bool) []string {
	tok := func(k int) (string, string) { return "⟦" + pairs[k][1] + "⟧", "(⟦" + pairs[k][2] + "⟧)" }
	list := func(from int, ord, oxford, useLast bool) string {
		var b strings.Builder
		for k := from; k < len(pairs); k++ {
			switch {
			case k == from:
			case k == len(pairs)-1 && oxford:
				b.WriteString(", and ")
			case k == len(pairs)-1:
				b.WriteString(" and ")
			default:
				b.WriteString(", ")
			}
			n, f := tok(k)
			b.WriteString(n + " ")
			if ord {
				w := rankOrdinals[k+2]
				if k == len(pairs)-1 && useLast {
					w = "last"
				}
				b.WriteString(w + " ")
			}
			b.WriteString(f)
		}
		return b.String()
	}
	n0, f0 := tok(0)
	var out []string
	add := func(s string) { out = append(out, lead+s+tail) }
	for _, verb := range []string{"came", "was", "ranked", "placed"} {
		first := n0 + " " + verb + " second " + f0
		if len(pairs) == 1 {
			add(first)
			continue
		}
		for _, ox := range []bool{false, true} {
			// "⟦N5⟧ came second (⟦F3⟧), ⟦N6⟧ third (⟦F4⟧) and ⟦N7⟧ fourth (⟦F5⟧)"
			if len(pairs) == 2 {
				sep := " and "
				if ox {
					sep = ", and "
				}
				n1, f1 := tok(1)
				w := "third"
				if last {
					add(first + sep + n1 + " last " + f1)
				}
				add(first + sep + n1 + " " + w + " " + f1)
			} else {
				add(first + ", " + list(1, true, ox, false))
				if last {
					add(first + ", " + list(1, true, ox, true))
				}
			}
			for _, join := range []string{"followed by", "ahead of"} {
				add(first + ", " + join + " " + list(1, false, ox, false))
			}
		}
	}
	for _, open := range []string{"Runner-up was ", "The runner-up was ", "Second was ", "Second came "} {
		first := open + n0 + " " + f0
		if len(pairs) == 1 {
			add(first)
			continue
		}
		for _, ox := range []bool{false, true} {
			for _, join := range []string{"followed by", "ahead of"} {
				add(first + ", " + join + " " + list(1, false, ox, false))
			}
		}
	}
	return out
}
