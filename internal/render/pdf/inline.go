package pdf

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// Superscript footnote markers: size and lift relative to the text.
const (
	supScale = 0.62
	supLift  = 0.36
)

// atom is an unbreakable piece of a span: a word part or a space.
type atom struct {
	text  string
	sp    int // index of its span
	u     int // width in thousandths of an em (textUnits)
	w     float64
	space bool
	hard  bool // a hard line break
}

// frag is a run of one span on one line, drawn with one Text call.
type frag struct {
	text string
	sp   int
	x, w float64
}

type line struct {
	frags []frag
	w     float64
}

// spanSize is the font size a span is drawn at in text of size size.
func spanSize(s span, size float64) float64 {
	if s.Note != 0 {
		return size * supScale
	}
	return size
}

// atoms splits spans into words and spaces; whitespace collapses.
func (r *renderer) atoms(sp []span, size float64) []atom {
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
					u := r.textUnits(" ", s.Style)
					out = append(out, atom{text: " ", sp: i, space: true, u: u, w: scaled(u, sz)})
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
			u := r.textUnits(w, s.Style)
			out = append(out, atom{text: w, sp: i, u: u, w: scaled(u, sz)})
			lastSpace = false
			t = t[j:]
		}
	}
	return out
}

// breakLines fills lines of at most width millimetres greedily, breaking
// at spaces; a word longer than a line (a long URL) is cut where a URL
// reads well: after / ? & = - _ . or, failing that, anywhere.
//
// It is linear in the text: each word is measured once (atoms), a word
// is summed only until it no longer fits (and what was summed goes on the
// line), a cut measures only the line it makes, and a line's text is
// joined once (makeLine). A note of one 900 KB word or a 100k-character
// title lays out in well under a second.
func (r *renderer) breakLines(sp []span, size, width float64) []line {
	atoms := r.atoms(sp, size)
	var lines []line
	var cur []atom
	curW := 0.0
	flush := func() {
		for len(cur) > 0 && cur[len(cur)-1].space {
			curW -= cur[len(cur)-1].w
			cur = cur[:len(cur)-1]
		}
		lines = append(lines, makeLine(cur))
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
		// The word: this atom and those glued to it without a space. Its
		// width is summed left to right until it no longer fits: the sum
		// only grows, so stopping there decides as the whole sum would.
		j := i
		ww := 0.0
		fits := true
		for j < len(atoms) && !atoms[j].space && !atoms[j].hard {
			ww += atoms[j].w
			if curW+ww > width+1e-6 {
				fits = false
				break
			}
			j++
		}
		if fits {
			cur = append(cur, atoms[i:j]...)
			curW += ww
			i = j
			continue
		}
		if len(cur) > 0 {
			flush()
			continue
		}
		// A word wider than the line: the atoms of it that fit whole (a
		// bracket before a long link, a word of several styles), then the
		// next one cut to fit what is left. The sums are those of the scan
		// above, so this stops at the atom that stopped it, in the word.
		for curW+atoms[i].w <= width+1e-6 {
			cur = append(cur, atoms[i])
			curW += atoms[i].w
			i++
		}
		head, tail := r.cut(atoms[i], sp, size, width-curW)
		if len(cur) > 0 && curW+head.w > width+1e-6 {
			flush() // not a letter more fits: the rest starts the next line
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

// cut splits a at the last good break point that fits width. It reads
// only the runes of the line it makes: the tail's width is the atom's
// less the head's, in whole units, so it is exactly what measuring the
// tail would give.
func (r *renderer) cut(a atom, sp []span, size, width float64) (atom, atom) {
	s := sp[a.sp]
	sz := spanSize(s, size)
	best, bestGood := 0, 0
	bestU, goodU := 0, 0
	w := 0.0
	u := 0
	for i, c := range a.text {
		cw := r.fs.glyph(s.Style, c).cw
		w += float64(cw) * sz / 1000 * ptmm
		end := i + utf8.RuneLen(c)
		if w > width && best > 0 {
			break
		}
		u += int(cw)
		best, bestU = end, u
		if strings.ContainsRune("/?&=-_.", c) {
			bestGood, goodU = end, u
		}
	}
	if bestGood > len(a.text)/4 && bestGood < best {
		best, bestU = bestGood, goodU
	}
	if best >= len(a.text) {
		return a, atom{sp: a.sp}
	}
	head := atom{text: a.text[:best], sp: a.sp, u: bestU, w: scaled(bestU, sz)}
	tail := atom{text: a.text[best:], sp: a.sp, u: a.u - bestU, w: scaled(a.u-bestU, sz)}
	return head, tail
}

// makeLine joins the atoms of a line into fragments, one per run of atoms
// of one span, each fragment's text built once.
func makeLine(as []atom) line {
	var l line
	x := 0.0
	for i := 0; i < len(as); {
		j, n := i+1, len(as[i].text)
		for j < len(as) && as[j].sp == as[i].sp {
			n += len(as[j].text)
			j++
		}
		fr := frag{text: as[i].text, sp: as[i].sp, x: x}
		if j > i+1 {
			var b strings.Builder
			b.Grow(n)
			for _, a := range as[i:j] {
				b.WriteString(a.text)
			}
			fr.text = b.String()
		}
		for _, a := range as[i:j] {
			fr.w += a.w
			x += a.w
		}
		l.frags = append(l.frags, fr)
		i = j
	}
	l.w = x
	return l
}

// align of a line in its box.
type align uint8

const (
	alignLeft align = iota
	alignRight
	alignCenter
)

// drawLine draws l with its baseline at y, in a box from x, w wide; base
// is the style and colour of unlinked text. It returns the line's text
// for the layout, a list marker and footnote markers (^N) included.
func (r *renderer) drawLine(l line, sp []span, x, y, w, size float64, al align, base rgb) string {
	if y > r.bottom+0.5 {
		r.lay.Overflow++
	}
	switch al {
	case alignRight:
		x += w - l.w
	case alignCenter:
		x += (w - l.w) / 2
	}
	var rec strings.Builder
	if m := r.marker; m != nil {
		r.marker = nil
		if m.tag != nil {
			r.markAs(m.tag)
		}
		r.font(regular, size)
		r.textColor(base)
		r.f.Text(m.right-r.textWidth(m.text, regular, size), y, m.text)
		rec.WriteString(m.text + " ")
	}
	for _, fr := range l.frags {
		s := sp[fr.sp]
		sz := spanSize(s, size)
		fy := y
		col := base
		if s.Link != "" || s.Note != 0 {
			col = linkColor
		}
		if s.Note != 0 {
			fy -= size * supLift * ptmm
			rec.WriteString("^")
		}
		r.font(s.Style, sz)
		r.textColor(col)
		// A link is a Link element with its text and its annotation. A
		// footnote marker is one whose text is " [N]": it copies and
		// reads apart from the figure before it ("$27.8 billion [1]",
		// not "$27.8 billion1").
		// (The marker's text is a Span in the Link: readers such as
		// poppler honour ActualText on Span marked content only.)
		var lt, mc *tag
		switch {
		case s.Link != "":
			lt = r.child(r.tags.cur, "Link")
			lt.contents = "Link to " + s.Link
			mc = lt
		case s.Note != 0:
			lt = r.child(r.tags.cur, "Link")
			lt.contents = "Source " + fr.text
			mc = r.child(lt, "Span")
			mc.actual = " [" + fr.text + "]"
		}
		if mc != nil && r.tags.decor == 0 {
			r.markAs(mc)
		} else {
			r.mark()
		}
		r.f.Text(x+fr.x, fy, fr.text)
		rec.WriteString(fr.text)
		top := y - size*0.95*ptmm
		h := size * 1.2 * ptmm
		switch {
		case s.Link != "":
			r.f.LinkString(x+fr.x, top, fr.w, h, s.Link)
			r.annot(lt)
			r.link(s.Link, strings.TrimSpace(fr.text))
		case s.Note != 0:
			r.f.Link(x+fr.x, top, fr.w, h, r.noteLink(s.Note))
			r.annot(lt)
			r.link("#source-"+strconv.Itoa(s.Note), fr.text)
		}
	}
	return rec.String()
}

// link records a link, joining the parts of one link broken over lines:
// a part follows the text so far directly when the URL holds them joined
// (a long URL cut over lines), else after a space. The joined text is
// kept in r.open until the next link starts (endLink), and where it first
// occurs in the URL, so a link over thousands of lines costs each line
// only its own part.
func (r *renderer) link(url, text string) {
	ls := r.lay.Links
	if k := len(ls) - 1; k >= 0 && r.open.on && ls[k].URL == url && ls[k].Page == r.page() {
		// Text so far not in the URL cannot be in it with more after it;
		// text that is, at o.at, most often goes on there.
		o := &r.open
		prev := o.at
		if prev >= 0 && !strings.HasPrefix(url[prev+len(o.text):], text) {
			o.at = indexFrom(url, string(o.text)+text, prev+1)
		}
		if o.at < 0 {
			o.text = append(o.text, ' ')
		}
		o.text = append(o.text, text...)
		if o.at < 0 && prev >= 0 && strings.Contains(url, " ") {
			o.at = indexFrom(url, string(o.text), prev) // a URL written <with spaces>
		}
		return
	}
	r.endLink()
	r.lay.Links = append(ls, Link{Page: r.page(), URL: url, Text: text})
	if !strings.HasPrefix(url, "#") {
		r.open = openLink{on: true, text: append(r.open.text[:0], text...), at: strings.Index(url, text)}
	}
}

// openLink is the last link of the layout while parts may join it.
type openLink struct {
	on   bool
	text []byte // its text so far
	at   int    // where text first occurs in the URL, or -1
}

// endLink writes the open link's joined text into the layout.
func (r *renderer) endLink() {
	if r.open.on {
		r.lay.Links[len(r.lay.Links)-1].Text = string(r.open.text)
		r.open.on = false
	}
}

// indexFrom is the first index of sub in s at or after from, or -1.
func indexFrom(s, sub string, from int) int {
	if from > len(s) {
		return -1
	}
	if i := strings.Index(s[from:], sub); i >= 0 {
		return from + i
	}
	return -1
}

func (r *renderer) noteLink(n int) int {
	id, ok := r.noteLinks[n]
	if !ok {
		id = r.f.AddLink()
		r.noteLinks[n] = id
	}
	return id
}

// text lays out spans in the current column as a paragraph of lines,
// starting pages as needed, and moves y below it.
func (r *renderer) text(sp []span, size, lh float64, col rgb) {
	lines := r.breakLines(sp, size, r.width)
	for i, l := range lines {
		need := lh
		if i == 0 && len(lines) > 1 {
			need = 2 * lh // no single first line at the foot of a page
		}
		if i > 0 && i == len(lines)-2 {
			need = 2 * lh // nor a single last line at the top of the next
		}
		r.room(need)
		r.record(r.drawLine(l, sp, r.left, r.y+baseline(size, lh), r.width, size, alignLeft, col))
		r.y += lh
	}
}

// baseline is the distance from a line's top to its baseline.
func baseline(size, lh float64) float64 {
	return (lh-size*ptmm)/2 + size*0.8*ptmm
}

func (r *renderer) record(s string) { r.lay.line(r.page(), s) }
