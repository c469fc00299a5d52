package pdf

import (
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"codeberg.org/go-pdf/fpdf"
)

// The line breaking, the title fitting and the joining of links were
// made linear (review 2, N2 and N3). The tests below hold the earlier,
// quadratic versions as references and check that the new ones give the
// same lines, widths and texts to the last bit on many random texts: a
// normal document lays out exactly as before (the layout goldens check the
// same on the fixtures). The one rule that changed, for a word of several
// styles wider than a line, is in the reference too, and
// TestGluedWordFillsLines shows it.

func testRenderer(t testing.TB) *renderer {
	t.Helper()
	fs := loadFonts()
	if fs.err != nil {
		t.Fatal(fs.err)
	}
	return newRenderer(fs, Options{CreatedAt: created}, fpdf.SizeType{Wd: 210, Ht: 297})
}

// refAtoms is atoms as it was: each word measured by textWidth.
func (r *renderer) refAtoms(sp []span, size float64) []atom {
	var out []atom
	lastSpace := true
	for i, s := range sp {
		sz := spanSize(s, size)
		t := s.Text
		for t != "" {
			if t[0] == '\n' {
				out = append(out, atom{sp: i, hard: true})
				t = t[1:]
				lastSpace = true
				continue
			}
			if t[0] == ' ' {
				j := 0
				for j < len(t) && t[j] == ' ' {
					j++
				}
				if !lastSpace {
					out = append(out, atom{text: " ", sp: i, space: true, w: r.textWidth(" ", s.Style, sz)})
				}
				lastSpace = true
				t = t[j:]
				continue
			}
			j := strings.IndexAny(t, " \n")
			if j < 0 {
				j = len(t)
			}
			w := t[:j]
			out = append(out, atom{text: w, sp: i, w: r.textWidth(w, s.Style, sz)})
			lastSpace = false
			t = t[j:]
		}
	}
	return out
}

// refBreakLines is breakLines as it was, each word summed whole, each
// cut's tail measured again, but for one rule: a word of several atoms
// (styles, a bracket before a link) wider than a line now fills the line
// and is cut there; before, its first atom stood alone on a line.
func (r *renderer) refBreakLines(sp []span, size, width float64) []line {
	atoms := r.refAtoms(sp, size)
	var lines []line
	var cur []atom
	curW := 0.0
	flush := func() {
		for len(cur) > 0 && cur[len(cur)-1].space {
			curW -= cur[len(cur)-1].w
			cur = cur[:len(cur)-1]
		}
		lines = append(lines, refMakeLine(cur))
		cur, curW = nil, 0
	}
	for i := 0; i < len(atoms); {
		a := atoms[i]
		if a.hard {
			flush()
			i++
			continue
		}
		if a.space {
			if len(cur) > 0 {
				cur = append(cur, a)
				curW += a.w
			}
			i++
			continue
		}
		j := i
		ww := 0.0
		for j < len(atoms) && !atoms[j].space && !atoms[j].hard {
			ww += atoms[j].w
			j++
		}
		if curW+ww <= width+1e-6 {
			cur = append(cur, atoms[i:j]...)
			curW += ww
			i = j
			continue
		}
		if len(cur) > 0 {
			flush()
			continue
		}
		// The one change of rule: the atoms of the word that fit whole,
		// then the next one cut to what is left (before: the first atom
		// alone on a line).
		for curW+atoms[i].w <= width+1e-6 {
			cur = append(cur, atoms[i])
			curW += atoms[i].w
			i++
		}
		head, tail := r.refCut(atoms[i], sp, size, width-curW)
		if len(cur) > 0 && curW+head.w > width+1e-6 {
			flush()
			continue
		}
		cur = append(cur, head)
		curW += head.w
		flush()
		if tail.text != "" {
			atoms[i] = tail
		} else {
			i++
		}
	}
	if len(cur) > 0 || len(lines) == 0 {
		flush()
	}
	return lines
}

func (r *renderer) refCut(a atom, sp []span, size, width float64) (atom, atom) {
	s := sp[a.sp]
	sz := spanSize(s, size)
	best, bestGood := 0, 0
	w := 0.0
	for i, c := range a.text {
		w += float64(r.fs.glyph(s.Style, c).cw) * sz / 1000 * ptmm
		end := i + utf8.RuneLen(c)
		if w > width && best > 0 {
			break
		}
		best = end
		if strings.ContainsRune("/?&=-_.", c) {
			bestGood = end
		}
	}
	if bestGood > len(a.text)/4 && bestGood < best {
		best = bestGood
	}
	if best >= len(a.text) {
		return a, atom{sp: a.sp}
	}
	head := atom{text: a.text[:best], sp: a.sp}
	tail := atom{text: a.text[best:], sp: a.sp}
	head.w = r.textWidth(head.text, s.Style, sz)
	tail.w = r.textWidth(tail.text, s.Style, sz)
	return head, tail
}

func refMakeLine(as []atom) line {
	var l line
	x := 0.0
	for _, a := range as {
		if k := len(l.frags) - 1; k >= 0 && l.frags[k].sp == a.sp {
			l.frags[k].text += a.text
			l.frags[k].w += a.w
		} else {
			l.frags = append(l.frags, frag{text: a.text, sp: a.sp, x: x, w: a.w})
		}
		x += a.w
	}
	l.w = x
	return l
}

// refFit is fit as it was.
func (r *renderer) refFit(s string, st style, size, w float64) string {
	if r.textWidth(s, st, size) <= w {
		return s
	}
	rs := []rune(s)
	for len(rs) > 0 {
		rs = rs[:len(rs)-1]
		t := strings.TrimSpace(string(rs)) + "…"
		if r.textWidth(t, st, size) <= w {
			return t
		}
	}
	return "…"
}

// refLink is link as it was, on its own list of links.
func refLink(ls []Link, page int, url, text string) []Link {
	if k := len(ls) - 1; k >= 0 && ls[k].URL == url && ls[k].Page == page && !strings.HasPrefix(url, "#") {
		sep := " "
		if strings.Contains(url, ls[k].Text+text) {
			sep = ""
		}
		ls[k].Text += sep + text
		return ls
	}
	return append(ls, Link{Page: page, URL: url, Text: text})
}

// randomText is words of letters, URL punctuation, a wide letter, a
// zero-width mark (U+0301), Cyrillic and no-break spaces, with runs of
// spaces and now and then a hard break.
func randomText(rng *rand.Rand, n int) string {
	alpha := []string{"a", "W", "i", "/", ".", "-", "_", "?", "=", "&", "ж", "\u0301", "\u00a0", "1", "m", "T", "t"}
	var b strings.Builder
	for b.Len() < n {
		switch k := rng.IntN(100); {
		case k < 12:
			b.WriteString(strings.Repeat(" ", 1+rng.IntN(3)))
		case k < 13:
			b.WriteString("\n")
		case k < 15:
			// a long word: a URL or a run of one letter
			if rng.IntN(2) == 0 {
				b.WriteString("https://example.org/" + strings.Repeat("path/seg-", 1+rng.IntN(30)))
			} else {
				b.WriteString(strings.Repeat(alpha[rng.IntN(len(alpha))], 1+rng.IntN(400)))
			}
		default:
			b.WriteString(alpha[rng.IntN(len(alpha))])
		}
	}
	return b.String()
}

func randomSpans(rng *rand.Rand) []span {
	var sp []span
	for range 1 + rng.IntN(6) {
		s := span{Text: randomText(rng, 1+rng.IntN(600)), Style: style(rng.IntN(int(numStyles)))}
		switch rng.IntN(6) {
		case 0:
			s.Note = 1 + rng.IntN(9) // a footnote marker: drawn smaller
		case 1:
			s.Link = "https://example.org/"
		}
		sp = append(sp, s)
	}
	return sp
}

func TestBreakLinesAsBefore(t *testing.T) {
	r := testRenderer(t)
	rng := rand.New(rand.NewPCG(1, 2))
	widths := []float64{166, 60, 17.3, 3, 0.5, 0, -1, 1e9}
	for i := range 800 {
		sp := randomSpans(rng)
		for _, size := range []float64{10, 8.5, 20} {
			width := widths[rng.IntN(len(widths))]
			if rng.IntN(3) == 0 {
				width = rng.Float64() * 200
			}
			if got, want := r.atoms(sp, size), r.refAtoms(sp, size); !sameAtoms(got, want) {
				t.Fatalf("case %d: atoms differ from the reference", i)
			}
			got, want := r.breakLines(sp, size, width), r.refBreakLines(sp, size, width)
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("case %d (size %g, width %g): lines differ from the reference\ngot  %+v\nwant %+v\nspans %+v", i, size, width, got, want, sp)
			}
		}
	}
}

// sameAtoms compares atoms but for the units the reference does not set.
func sameAtoms(a, b []atom) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		x := a[i]
		x.u = 0
		if x != b[i] {
			return false
		}
	}
	return true
}

func TestFitAsBefore(t *testing.T) {
	r := testRenderer(t)
	rng := rand.New(rand.NewPCG(3, 4))
	pieces := []string{"T", "t", "W", " ", "  ", "\u2003", "\u00a0", "ж", "…", "i", "\u0301", "Brief"}
	for i := range 20000 {
		var b strings.Builder
		for range rng.IntN(60) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		s := b.String()
		w := rng.Float64() * 40
		if got, want := r.fit(s, regular, 8, w), r.refFit(s, regular, 8, w); got != want {
			t.Fatalf("case %d: fit(%q, %g) = %q, want %q", i, s, w, got, want)
		}
	}
	// The running header of the fixtures' width, with a long title.
	long := strings.Repeat("Tt ", 400)
	if got, want := r.fit(long, regular, 8, 166), r.refFit(long, regular, 8, 166); got != want {
		t.Errorf("fit of a long title = %q, want %q", got, want)
	}
}

func TestLinkJoinsAsBefore(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	urls := []string{"https://example.org/a/b/c?x=1&y=2", "https://x y/ab ab ab", "#source-1", "https://ab.ab/abab"}
	for i := range 3000 {
		r := testRenderer(t)
		var want []Link
		for range 1 + rng.IntN(40) {
			url := urls[rng.IntN(len(urls))]
			var text string
			switch rng.IntN(4) {
			case 0: // a piece of the URL
				a := rng.IntN(len(url) + 1)
				b := a + rng.IntN(len(url)-a+1)
				text = url[a:b]
			case 1:
				text = []string{"ab", "a", "b", " ", "", "y/ab", "ab ab"}[rng.IntN(7)]
			default:
				text = randomText(rng, 1+rng.IntN(8))
			}
			if rng.IntN(10) == 0 {
				r.newPage()
			}
			r.link(url, text)
			want = refLink(want, r.page(), url, text)
		}
		r.endLink()
		if !reflect.DeepEqual(r.lay.Links, want) {
			t.Fatalf("case %d: links\ngot  %+v\nwant %+v", i, r.lay.Links, want)
		}
	}
}
