package pdf

import (
	"regexp"
	"strings"

	east "github.com/yuin/goldmark/extension/ast"
)

// Table look, in points and millimetres.
const (
	cellSize = 8.5
	cellPadX = 1.8
	cellPadY = 1.3
)

var cellLH = cellSize * 1.3 * ptmm

// numeric matches a cell that starts like a figure: 27.8, −3.2%, $1.2
// billion, +4, ₸350; a dash stands for a missing figure.
var numeric = regexp.MustCompile(`^[+\-−–]?\s?[$€£₽₸¥]?\s?[+\-−–]?[0-9]`)

func isPlaceholder(s string) bool {
	switch s {
	case "", "–", "—", "-", "n/a", "N/A", "…":
		return true
	}
	return false
}

// columns decides each column's alignment: the Markdown's own, or right
// for a column whose every cell looks like a figure.
func columns(t table) []align {
	n := len(t.Header)
	al := make([]align, n)
	for c := range n {
		var a east.Alignment
		if c < len(t.Align) {
			a = t.Align[c]
		}
		switch a {
		case east.AlignRight:
			al[c] = alignRight
			continue
		case east.AlignCenter:
			al[c] = alignCenter
			continue
		case east.AlignLeft:
			continue
		}
		num, any := true, false
		for _, row := range t.Rows {
			if c >= len(row) {
				continue
			}
			s := strings.TrimSpace(plain(row[c]))
			if isPlaceholder(s) {
				continue
			}
			any = true
			if !numeric.MatchString(s) {
				num = false
				break
			}
		}
		if num && any {
			al[c] = alignRight
		}
	}
	return al
}

// widths gives each column its natural width when the table fits the
// column, else at least its longest word and the rest in proportion to
// how much more it would like; the table always spans the text column.
func (r *renderer) widths(t table) []float64 {
	n := len(t.Header)
	nat := make([]float64, n)
	min := make([]float64, n)
	measure := func(c int, sp []span, st style) {
		if c >= n {
			return
		}
		for _, l := range r.breakLines(boldIf(sp, st), cellSize, 1e9) {
			nat[c] = max(nat[c], l.w+2*cellPadX)
		}
		for _, a := range r.atoms(boldIf(sp, st), cellSize) {
			min[c] = max(min[c], a.w+2*cellPadX)
		}
	}
	for c, sp := range t.Header {
		measure(c, sp, bold)
	}
	for _, row := range t.Rows {
		for c, sp := range row {
			measure(c, sp, regular)
		}
	}
	for c := range min {
		min[c] = minf(min[c], r.width*0.4)
	}
	w := make([]float64, n)
	sumNat, sumMin := 0.0, 0.0
	for c := range n {
		sumNat += nat[c]
		sumMin += min[c]
	}
	switch {
	case sumNat <= r.width:
		for c := range n {
			w[c] = nat[c] + (r.width-sumNat)*nat[c]/sumNat
		}
	case sumMin >= r.width:
		for c := range n {
			w[c] = min[c] * r.width / sumMin
		}
	default:
		// Columns narrower than a fair share of what is left keep their
		// natural width; the others share the rest beyond their minimum.
		fixed := make([]bool, n)
		for changed := true; changed; {
			changed = false
			left, open := r.width, 0
			for c := range n {
				if fixed[c] {
					left -= nat[c]
				} else {
					open++
				}
			}
			for c := range n {
				if !fixed[c] && open > 0 && nat[c] <= left/float64(open) {
					fixed[c], changed = true, true
				}
			}
		}
		left, sMin, sWant := r.width, 0.0, 0.0
		for c := range n {
			if fixed[c] {
				w[c] = nat[c]
				left -= nat[c]
			} else {
				sMin += min[c]
				sWant += nat[c] - min[c]
			}
		}
		for c := range n {
			if fixed[c] {
				continue
			}
			if left < sMin || sWant == 0 {
				w[c] = min[c] * left / sMin
			} else {
				w[c] = min[c] + (left-sMin)*(nat[c]-min[c])/sWant
			}
		}
	}
	return w
}

func minf(a, b float64) float64 {
	if a < b {
		return a
	}
	return b
}

// boldIf returns the spans in bold for a header cell.
func boldIf(sp []span, st style) []span {
	if st != bold {
		return sp
	}
	out := make([]span, len(sp))
	for i, s := range sp {
		s.Style = withBold(s.Style)
		out[i] = s
	}
	return out
}

type tableRow struct {
	cells [][]span
	lines [][]line
	h     float64
}

func (r *renderer) layoutRow(cells [][]span, w []float64, st style) tableRow {
	tr := tableRow{cells: make([][]span, len(w)), lines: make([][]line, len(w))}
	maxLines := 1
	for c := range w {
		var sp []span
		if c < len(cells) {
			sp = boldIf(cells[c], st)
		}
		tr.cells[c] = sp
		tr.lines[c] = r.breakLines(sp, cellSize, w[c]-2*cellPadX)
		maxLines = max(maxLines, len(tr.lines[c]))
	}
	tr.h = float64(maxLines)*cellLH + 2*cellPadY
	return tr
}

// keepWholeRows is the most rows of a table that is never split over
// two pages when it fits on one: a ranking of four countries read as two
// and two, under a repeated header, is harder to compare than one moved
// whole to the next page.
const keepWholeRows = 6

// tableLead is the height of a table's start: the space above it, its
// header and first two rows (a table never leaves one row alone at a
// page foot), or all the rows of a short table (keepWholeRows: tablePages
// moves it whole).
func (r *renderer) tableLead(t table) float64 {
	w := r.widths(t)
	h := r.layoutRow(t.Header, w, bold).h + 0.5
	n := 2
	if len(t.Rows) <= keepWholeRows {
		n = len(t.Rows)
	}
	for _, row := range t.Rows[:min(n, len(t.Rows))] {
		h += r.layoutRow(row, w, regular).h
	}
	return h
}

// tablePages plans where a table's rows go over pages so that no page
// holds a single row of a table of two or more, and a short table
// (keepWholeRows) that fits on one page is not split: it reports whether the
// table should start on a new page, and before which rows a page breaks.
// It fills pages greedily as drawing does; then a first page with one row
// gives way to a new page, and a last page with one row takes the row
// before it from a page that keeps two or more. A table with a row taller
// than a page, split between lines as it is drawn, is left as it falls.
func (r *renderer) tablePages(head tableRow, rows []tableRow) (newPage bool, breaks map[int]bool) {
	top := r.pageTop // a page's top: marginTop unless in a box
	capacity := r.bottom - top - head.h - 0.5
	for _, row := range rows {
		if row.h > capacity {
			return false, nil
		}
	}
	greedy := func(y float64) []int { // the first row of each page
		starts := []int{0}
		y += 0.5 + head.h
		for i, row := range rows {
			if y+row.h <= r.bottom+0.01 {
				y += row.h
				continue
			}
			starts = append(starts, i)
			y = top + head.h + row.h
		}
		return starts
	}
	if len(rows) < 2 {
		return false, nil
	}
	starts := greedy(r.y)
	if r.y > top+0.01 && len(starts) > 1 && (starts[1] <= 1 || len(rows) <= keepWholeRows && len(greedy(top)) == 1) {
		// One row at the page foot, or a short table that fits whole on
		// the next page: it starts there.
		newPage = true
		starts = greedy(top)
	}
	// widow moves the row before a last row alone to the last page; it
	// reports false when the page before would be left with one row.
	widow := func(starts []int) bool {
		k := len(starts) - 1
		if k < 1 || starts[k] != len(rows)-1 {
			return true
		}
		if starts[k]-starts[k-1] < 3 {
			return false
		}
		if top+0.5+head.h+rows[len(rows)-2].h+rows[len(rows)-1].h <= r.bottom+0.01 {
			starts[k]--
		}
		return true
	}
	if !widow(starts) && len(starts) == 2 && !newPage && r.y > top+0.01 {
		// Two rows here and the last alone on the next page: the whole
		// table goes to the next page.
		newPage = true
		starts = greedy(top)
		widow(starts)
	}
	breaks = map[int]bool{}
	for _, i := range starts[1:] {
		if i > 0 {
			breaks[i] = true
		}
	}
	return newPage, breaks
}

// minRowLines is the fewest lines of a row split across pages that a page
// ends or starts with.
const minRowLines = 2

// splitRow cuts a row after its first n lines: top holds them, rest the
// lines that follow (a cell with fewer lines is empty in rest).
func splitRow(row tableRow, n int) (top, rest tableRow) {
	top = tableRow{cells: row.cells, lines: make([][]line, len(row.lines))}
	rest = tableRow{cells: row.cells, lines: make([][]line, len(row.lines))}
	topMax, restMax := 1, 1
	for c, ls := range row.lines {
		k := min(n, len(ls))
		top.lines[c], rest.lines[c] = ls[:k], ls[k:]
		topMax, restMax = max(topMax, k), max(restMax, len(ls)-k)
	}
	top.h = float64(topMax)*cellLH + 2*cellPadY
	rest.h = float64(restMax)*cellLH + 2*cellPadY
	return top, rest
}

// table draws a shaded header, zebra rows and rules. A row that does not
// fit goes on on a new page under a repeated header; a row taller than a
// whole page (a very long name) is split between lines, never cut off.
func (r *renderer) table(t table) {
	if len(t.Header) == 0 {
		return
	}
	w := r.widths(t)
	al := columns(t)
	head := r.layoutRow(t.Header, w, bold)
	rows := make([]tableRow, len(t.Rows))
	for i, row := range t.Rows {
		rows[i] = r.layoutRow(row, w, regular)
	}
	// A page holds a header and this much of a row.
	capacity := r.bottom - r.pageTop - head.h - 0.5
	first := head.h
	if len(rows) > 0 {
		first += minf(rows[0].h, float64(minRowLines)*cellLH+2*cellPadY)
	}
	startNew, breaks := r.tablePages(head, rows)
	if startNew {
		r.newPage()
	} else {
		r.room(first)
	}
	r.y += 0.5
	tt := r.begin("Table")
	defer r.end(tt)
	tr := r.child(tt, "TR")
	cells := make([]*tag, len(w))
	for c := range cells {
		cells[c] = r.child(tr, "TH")
		cells[c].attr = "<</O /Table /Scope /Column>>"
	}
	r.drawRow(head, w, al, headFill, true, cells)
	for i, row := range rows {
		fill := rgb{-1, 0, 0}
		if i%2 == 1 {
			fill = zebraFill
		}
		tr := r.child(tt, "TR")
		cells := make([]*tag, len(w))
		for c := range cells {
			cells[c] = r.child(tr, "TD")
		}
		fresh := false // just under a header at the top of a page
		if breaks[i] && r.y > r.pageTop+head.h+0.6 {
			r.newPage()
			r.drawRow(head, w, al, headFill, true, nil)
			fresh = true
		}
		for {
			if r.y+row.h <= r.bottom+0.01 {
				r.drawRow(row, w, al, fill, false, cells)
				break
			}
			if row.h <= capacity && !fresh {
				r.newPage()
				r.drawRow(head, w, al, headFill, true, nil)
				fresh = true
				continue
			}
			n := int((r.bottom - r.y - 2*cellPadY + 0.01) / cellLH)
			if n < minRowLines && !fresh {
				r.newPage()
				r.drawRow(head, w, al, headFill, true, nil)
				fresh = true
				continue
			}
			top, rest := splitRow(row, max(n, 1))
			r.drawRow(top, w, al, fill, false, cells)
			row = rest
			r.newPage()
			r.drawRow(head, w, al, headFill, true, nil)
			fresh = true
		}
	}
	r.decorate()
	r.draw(ruleColor)
	r.f.SetLineWidth(0.3)
	r.f.Line(r.left, r.y, r.left+r.width, r.y)
	r.y += paraGap + 1.5
}

// drawRow draws a row whose cells are the elements cells, or (cells nil)
// a header repeated on a new page, which is an artifact.
func (r *renderer) drawRow(row tableRow, w []float64, al []align, fill rgb, header bool, cells []*tag) {
	if cells == nil {
		r.tags.decor++
		defer func() { r.tags.decor-- }()
	}
	cur := r.tags.cur
	defer func() { r.tags.cur = cur }()
	if fill.r >= 0 {
		r.decorate()
		r.fill(fill)
		r.f.Rect(r.left, r.y, r.width, row.h, "F")
	}
	x := r.left
	col := textColor
	if header {
		col = inkColor
	}
	var rec [][]string // by line, by cell
	for c := range w {
		if cells != nil {
			r.tags.cur = cells[c]
		}
		y := r.y + cellPadY
		for i, l := range row.lines[c] {
			s := r.drawLine(l, row.cells[c], x+cellPadX, y+baseline(cellSize, cellLH), w[c]-2*cellPadX, cellSize, al[c], col)
			for len(rec) <= i {
				rec = append(rec, make([]string, len(w)))
			}
			rec[i][c] = s
			y += cellLH
		}
		x += w[c]
	}
	for _, cells := range rec {
		r.record(strings.TrimRight(strings.Join(cells, " | "), " |"))
	}
	r.y += row.h
	if header {
		r.decorate()
		r.draw(axisColor)
		r.f.SetLineWidth(0.35)
		r.f.Line(r.left, r.y, r.left+r.width, r.y)
	}
}
