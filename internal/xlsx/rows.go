package xlsx

import (
	"bytes"
	"io"
	"sort"
	"strconv"
	"strings"
)

// Kind says what a cell holds.
type Kind uint8

// The kinds of cell.
const (
	Empty        Kind = iota
	Text              // a string
	Number            // a number as stored; a percentage as shown (5.2 for 5.2%)
	Date              // a date: Value is ISO (2025-01-31; 2025-01 or 2025 when the format shows no day, or no month)
	Bool              // TRUE or FALSE
	FormulaError      // a formula's error: #N/A, #DIV/0!, #VALUE!
	Invalid           // a value its format cannot show (a date before 1900); Problem says why
	NoResult          // a formula whose result the file does not hold
)

// Cell is one cell as read.
type Cell struct {
	Value   string
	Kind    Kind
	Problem string // for Invalid: what is wrong and what to do
}

// Rows reads the rows of a sheet in order. Rows without cells are not
// returned; a row's cells are indexed by column (0 is A), empty ones
// included up to the last that holds something.
type Rows struct {
	w     *Workbook
	s     *scanner
	rc    io.Closer
	row   int
	cells []Cell
	err   error
	text  []byte

	dim int // the last row of the sheet's used range, 0 if unknown
	est int // the rows estimated from the first ones' length

	merges []merge // by first row
	next   int     // merges[next] is the first not yet begun
	active []span  // merges begun, covering rows up to their last
}

// merge is a range of merged cells, 1-based and inclusive.
type merge struct{ r1, c1, r2, c2 int }

// span is a merge being filled with the value of its first cell.
type span struct {
	merge
	cell Cell
}

// inMemory is the size below which a sheet is unpacked whole: its merged
// cells, listed after its rows, are then found without a second pass.
const inMemory = 128 << 20

// Rows starts reading the sheet named name.
func (w *Workbook) Rows(name string) (*Rows, error) {
	ref, err := w.sheetRef(name)
	if err != nil {
		return nil, err
	}
	f := w.files[ref.part]
	what := "the sheet " + strconv.Quote(name)
	r := &Rows{w: w}
	if f.UncompressedSize64 <= inMemory {
		rc, err := w.open(f, w.lim.Sheet, what)
		if err != nil {
			return nil, err
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			return nil, damaged(what, err)
		}
		// The merged cells follow the rows: after the last "sheetData>".
		tail := b
		if i := bytes.LastIndex(b, []byte("sheetData>")); i >= 0 {
			tail = b[i:]
		}
		if bytes.Contains(tail, []byte("mergeCell")) {
			if r.merges, err = readMerges(bytesScanner(tail)); err != nil {
				return nil, damaged(what, err)
			}
		}
		r.s = bytesScanner(b)
		// Writers other than Excel may leave <dimension> unset ("A1"):
		// estimate the rows from the length of the first ones.
		head := b[:min(len(b), 64<<10)]
		if n := bytes.Count(head, []byte("row>")); n > 0 {
			r.est = int(int64(len(b)) * int64(n) / int64(len(head)))
		}
	} else {
		// A large sheet is streamed: once for its merged cells, once for
		// its rows.
		rc, err := w.open(f, w.lim.Sheet, what)
		if err != nil {
			return nil, err
		}
		r.merges, err = findMerges(rc)
		rc.Close()
		if err != nil {
			return nil, damaged(what, err)
		}
		if rc, err = w.open(f, w.lim.Sheet, what); err != nil {
			return nil, err
		}
		r.rc, r.s = rc, newScanner(rc)
		r.s.fill()
		if n := bytes.Count(r.s.buf, []byte("row>")); n > 0 {
			r.est = int(int64(f.UncompressedSize64) * int64(n) / int64(len(r.s.buf)))
		}
	}
	sort.SliceStable(r.merges, func(i, j int) bool { return r.merges[i].r1 < r.merges[j].r1 })
	// The rows start after the sheet's <dimension> (its used range),
	// which tells how many there are.
	var t tag
	for r.s.next(&t) {
		if string(t.name) == "dimension" {
			if _, b, ok := strings.Cut(attrString(t.attrs, "ref"), ":"); ok {
				_, r.dim = cellRef(b)
			}
		}
		if string(t.name) == "sheetData" {
			break
		}
	}
	if _, err := w.sharedStrings(); err != nil {
		return nil, err
	}
	return r, nil
}

// findMerges reads the merged ranges of a streamed sheet: it looks for
// them with a plain search, which is fast, and reads tags only from there.
func findMerges(rd io.Reader) ([]merge, error) {
	buf := make([]byte, window)
	keep := 0 // bytes kept from the chunk before, for a word across chunks
	for {
		n, err := io.ReadFull(rd, buf[keep:])
		chunk := buf[:keep+n]
		if i := bytes.Index(chunk, []byte("mergeCells")); i >= 0 {
			start := bytes.LastIndexByte(chunk[:i], '<')
			if start < 0 {
				start = 0
			}
			return readMerges(newScanner(io.MultiReader(bytes.NewReader(bytes.Clone(chunk[start:])), rd)))
		}
		if err == io.EOF || err == io.ErrUnexpectedEOF {
			return nil, nil
		}
		if err != nil {
			return nil, err
		}
		keep = copy(buf, chunk[len(chunk)-16:])
	}
}

// readMerges reads the mergeCell elements of a sheet.
func readMerges(s *scanner) ([]merge, error) {
	var out []merge
	var t tag
	for s.next(&t) {
		if t.end || string(t.name) != "mergeCell" {
			continue
		}
		a, b, ok := strings.Cut(attrString(t.attrs, "ref"), ":")
		if !ok {
			continue
		}
		c1, r1 := cellRef(a)
		c2, r2 := cellRef(b)
		if c1 > 0 && r1 > 0 && c2 >= c1 && r2 >= r1 {
			out = append(out, merge{r1, c1, r2, c2})
		}
		if len(out) > 1<<20 {
			return nil, &Error{"the sheet has more than a million merged ranges"}
		}
	}
	return out, s.err
}

// cellRef reads "AB12" as column 28, row 12; zeros when it is not a
// cell reference.
func cellRef(ref string) (col, row int) {
	i := 0
	for i < len(ref) && ref[i] >= 'A' && ref[i] <= 'Z' {
		col = col*26 + int(ref[i]-'A'+1)
		i++
		if col > maxColumns {
			return 0, 0
		}
	}
	for ; i < len(ref) && ref[i] == '$'; i++ {
	}
	n, err := strconv.Atoi(ref[i:])
	if err != nil || n < 1 || n > maxRows {
		return col, 0
	}
	return col, n
}

// refColumn is the column of a cell reference (28 for AB12), 0 when it
// has none.
func refColumn(ref []byte) int {
	col := 0
	for _, c := range ref {
		if c < 'A' || c > 'Z' {
			break
		}
		col = col*26 + int(c-'A'+1)
		if col > maxColumns {
			return 0
		}
	}
	return col
}

// atoi reads a small non-negative number; -1 when it is not one.
func atoi(b []byte) int {
	if len(b) == 0 || len(b) > 9 {
		return -1
	}
	n := 0
	for _, c := range b {
		if c < '0' || c > '9' {
			return -1
		}
		n = n*10 + int(c-'0')
	}
	return n
}

// The size of a sheet in Excel: a cell beyond it is a damaged file.
const (
	maxColumns = 16384
	maxRows    = 1048576
)

// Size is the number of rows the sheet says it uses (from its first row
// to its last, empty ones included), or an estimate when it does not say
// (0: none). It is a hint, for sizing what the rows are read into.
func (r *Rows) Size() int {
	if r.dim > 1 {
		return r.dim
	}
	return r.est
}

// Row is the 1-based number of the current row.
func (r *Rows) Row() int { return r.row }

// Cells are the current row's cells, by column; valid until Next.
func (r *Rows) Cells() []Cell { return r.cells }

// Err is the error that ended the rows, if any.
func (r *Rows) Err() error { return r.err }

// Close releases the sheet.
func (r *Rows) Close() error {
	if r.rc != nil {
		return r.rc.Close()
	}
	return nil
}

// Next reads the next row that has cells; false at the end of the sheet
// or on an error (Err).
func (r *Rows) Next() bool {
	if r.err != nil {
		return false
	}
	var t tag
	for r.s.next(&t) {
		switch {
		case string(t.name) == "sheetData" && t.end:
			return false
		case string(t.name) != "row" || t.end:
			continue
		}
		n, ok := attrInt(t.attrs, "r")
		if !ok {
			n = r.row + 1
		}
		if n <= r.row || n > maxRows {
			r.err = damaged("the sheet", errorf("row "+strconv.Itoa(n)+" is out of order"))
			return false
		}
		r.row = n
		r.cells = r.cells[:0]
		if !t.empty && !r.readRow() {
			return false
		}
		r.fill()
		if len(r.cells) > 0 {
			return true
		}
	}
	if r.s.err != nil {
		r.err = damaged("the sheet", r.s.err)
	}
	return false
}

type errorf string

func (e errorf) Error() string { return string(e) }

// readRow reads the cells of the row whose start tag was just read.
func (r *Rows) readRow() bool {
	var t tag
	col := 0
	for {
		if ref, typ, style, empty, ok := r.s.cellStart(); ok {
			if !r.addCell(&col, ref, typ, style, empty) {
				return false
			}
			continue
		}
		if !r.s.next(&t) {
			break
		}
		name := string(t.name)
		if name == "row" && t.end {
			return true
		}
		if name != "c" || t.end {
			continue
		}
		var ref, typ []byte
		style := 0
		eachAttr(t.attrs, func(key, val []byte) bool {
			switch string(key) {
			case "r":
				ref = val
			case "t":
				typ = val
			case "s":
				style = atoi(val)
			}
			return true
		})
		if !r.addCell(&col, ref, typ, style, t.empty) {
			return false
		}
	}
	if r.s.err != nil {
		r.err = damaged("the sheet", r.s.err)
	}
	return false
}

// addCell reads the cell whose start tag was just read, the one after
// column *col unless ref names its column.
func (r *Rows) addCell(col *int, ref, typ []byte, style int, empty bool) bool {
	if ref != nil {
		c := refColumn(ref)
		if c <= *col {
			r.err = damaged("the sheet", errorf("cell "+string(ref)+" is out of order"))
			return false
		}
		*col = c
	} else {
		*col++
	}
	if *col > maxColumns {
		r.err = damaged("the sheet", errorf("a cell lies beyond column XFD"))
		return false
	}
	if empty {
		return true // a cell with a style and nothing in it
	}
	c, ok := r.readCell(string(typ), style)
	if !ok {
		return false
	}
	if c.Kind == Empty {
		return true
	}
	for len(r.cells) < *col-1 {
		r.cells = append(r.cells, Cell{})
	}
	r.cells = append(r.cells, c)
	return true
}

// readCell reads the content of a <c> element up to its end tag.
func (r *Rows) readCell(typ string, style int) (Cell, bool) {
	// Most cells are <v>text</v></c>: read them without the tag scanner.
	if v, ok := r.s.simpleValue(); ok {
		r.text = appendDecoded(r.text[:0], v)
		return r.cell(typ, style, false, true), true
	}
	var t tag
	formula, hasV := false, false
	r.text = r.text[:0]
	for r.s.next(&t) {
		switch string(t.name) {
		case "c":
			if t.end {
				return r.cell(typ, style, formula, hasV), true
			}
		case "v":
			if !t.end && !t.empty {
				r.text = r.s.text(r.text)
				hasV = true
			}
		case "f":
			formula = true
			if !t.end && !t.empty {
				r.s.skip(t.name)
			}
		case "is":
			if !t.end && !t.empty {
				r.inline()
				hasV = true
			}
		}
	}
	if r.s.err != nil {
		r.err = damaged("the sheet", r.s.err)
	}
	return Cell{}, false
}

// inline reads the text of an inline string (<is>), leaving out phonetic
// runs.
func (r *Rows) inline() {
	var t tag
	phonetic := 0
	for r.s.next(&t) {
		switch string(t.name) {
		case "is":
			if t.end {
				return
			}
		case "rPh":
			if !t.empty {
				if t.end {
					phonetic--
				} else {
					phonetic++
				}
			}
		case "t":
			if !t.end && !t.empty && phonetic == 0 {
				r.text = r.s.text(r.text)
			}
		}
	}
}

// cell makes the cell of a value read.
func (r *Rows) cell(typ string, style int, formula, hasV bool) Cell {
	if !hasV {
		if formula {
			return Cell{Kind: NoResult}
		}
		return Cell{}
	}
	if typ == "s" {
		// The index of a shared string: no string made for it.
		i := atoi(r.text)
		if i < 0 || i >= len(r.w.sst) {
			return Cell{Value: string(r.text), Kind: Invalid, Problem: "the cell points at shared string " + string(r.text) + ", which the workbook lacks: open it in Excel or LibreOffice and save it again"}
		}
		return Cell{Value: r.w.sst[i], Kind: Text}
	}
	v := string(r.text)
	switch typ {
	case "str", "inlineStr":
		return Cell{Value: unescapeX(v), Kind: Text}
	case "b":
		if v == "1" || v == "true" {
			return Cell{Value: "TRUE", Kind: Bool}
		}
		return Cell{Value: "FALSE", Kind: Bool}
	case "e":
		return Cell{Value: v, Kind: FormulaError}
	case "d":
		d, _, _ := strings.Cut(v, "T")
		switch r.format(style) {
		case month:
			d = d[:min(7, len(d))]
		case year:
			d = d[:min(4, len(d))]
		}
		return Cell{Value: d, Kind: Date}
	}
	if v == "" {
		return Cell{}
	}
	switch f := r.format(style); f {
	case day, month, year:
		text, problem := dateText(v, f, r.w.date1904)
		if problem != "" {
			return Cell{Value: v, Kind: Invalid, Problem: problem}
		}
		return Cell{Value: text, Kind: Date}
	case percent:
		return Cell{Value: percentText(v), Kind: Number}
	}
	return Cell{Value: numberText(v), Kind: Number}
}

func (r *Rows) format(style int) format {
	if style < 0 || style >= len(r.w.styles) {
		return plain
	}
	return r.w.styles[style]
}

// fill copies the first cell of each merged range into the range's other
// cells in the current row: a header merged across two rows, a country
// merged down the rows of its years.
func (r *Rows) fill() {
	for r.next < len(r.merges) && r.merges[r.next].r1 <= r.row {
		m := r.merges[r.next]
		r.next++
		if m.r1 < r.row {
			continue // its first row had no cells
		}
		var c Cell
		if m.c1-1 < len(r.cells) {
			c = r.cells[m.c1-1]
		}
		if c.Kind != Empty {
			r.active = append(r.active, span{m, c})
		}
	}
	kept := r.active[:0]
	for _, s := range r.active {
		if s.r2 < r.row {
			continue
		}
		kept = append(kept, s)
		for col := s.c1; col <= s.c2; col++ {
			if col == s.c1 && r.row == s.r1 {
				continue
			}
			for len(r.cells) < col {
				r.cells = append(r.cells, Cell{})
			}
			if r.cells[col-1].Kind == Empty {
				r.cells[col-1] = s.cell
			}
		}
	}
	r.active = kept
}
