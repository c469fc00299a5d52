package dataset

import (
	"bytes"
	"errors"
	"io"
	"path/filepath"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/briefhq/brief/internal/inputfile"
	"github.com/briefhq/brief/internal/xlsx"
)

// Workbooks: an .xlsx file is read sheet by sheet through the same
// header and row handlers as a CSV file, its positions naming the sheet
// and cell (book.xlsx:Data!B12). Observations come from the sheet the
// mapping names (sheet:), else the sheet named "observations", else the
// first visible one; a catalog or events table from the sheet dataset.yaml
// names, else the one named for it ("indicators", "entities", "events"),
// else the first.

// Size limits of workbooks: the file itself (held open, its parts
// unpacked one at a time), and what it unpacks to (xlsx.Limits). A sheet
// is streamed, so its limit is one of time, not memory.
const MaxWorkbook = 512 << 20

var workbookLimits = xlsx.Limits{Part: 256 << 20, Sheet: 2 << 30}

// isWorkbook reports whether path names an Excel workbook.
func isWorkbook(path string) bool {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".xlsx", ".xlsm":
		return true
	}
	return false
}

// openWorkbook opens the workbook at path, or reports why it cannot (at
// where, the mapping's entry when there is one).
func (l *loader) openWorkbook(path string, where Pos) (*xlsx.Workbook, func()) {
	f, err := l.open(path)
	if err != nil {
		l.errorAt(where, "cannot read "+path+": "+l.reason(path, err))
		return nil, nil
	}
	st, err := f.Stat()
	if err != nil {
		f.Close()
		l.errorAt(Pos{File: path}, "cannot read: "+ioReason(err))
		return nil, nil
	}
	if st.Size() > MaxWorkbook {
		f.Close()
		l.errorAt(Pos{File: path}, (&inputfile.TooLargeError{Path: "the workbook", Max: MaxWorkbook}).Error()+" Save its data as CSV, which is read as a stream of any size")
		return nil, nil
	}
	ra, ok := f.(io.ReaderAt)
	if !ok {
		b, err := io.ReadAll(io.LimitReader(f, MaxWorkbook))
		if err != nil {
			f.Close()
			l.errorAt(Pos{File: path}, "cannot read: "+ioReason(err))
			return nil, nil
		}
		ra = bytes.NewReader(b)
	}
	wb, err := xlsx.Open(ra, st.Size(), workbookLimits)
	if err != nil {
		f.Close()
		l.errorAt(Pos{File: path}, workbookReason(err))
		return nil, nil
	}
	return wb, func() { f.Close() }
}

func workbookReason(err error) string {
	var xe *xlsx.Error
	var tl *xlsx.TooLargeError
	switch {
	case errors.As(err, &xe), errors.As(err, &tl):
		return err.Error()
	}
	return "cannot read the workbook: " + ioReason(err)
}

// pickSheet is the sheet to read: the one asked for (reporting it at
// where when the workbook lacks it), else the one named like role, else
// the first visible one.
func (l *loader) pickSheet(wb *xlsx.Workbook, path, asked string, where Pos, role string) (string, bool) {
	if asked != "" {
		if name, ok := wb.Sheet(asked); ok {
			return name, true
		}
		names := wb.Sheets()
		msg := "no sheet " + strconv.Quote(asked) + " in " + filepath.Base(path) + " (its sheets: " + strings.Join(names, ", ") + ")"
		if s := suggest(asked, names); s != "" {
			msg += "; did you mean " + strconv.Quote(s) + "?"
		}
		if where.File == "" {
			where = Pos{File: path}
		}
		l.errorAt(where, msg)
		return "", false
	}
	if role != "" {
		if name, ok := wb.Sheet(role); ok {
			return name, true
		}
	}
	return wb.First(), true
}

// sheetCells is where the fields of a sheet's row are.
type sheetCells struct {
	file, sheet string
	row         int
	kinds       []cellKind
}

func (c *sheetCells) at(i int) Pos {
	return Pos{File: c.file, Sheet: c.sheet, Line: c.row, Col: i + 1}
}
func (c *sheetCells) line() Pos           { return Pos{File: c.file, Sheet: c.sheet, Line: c.row} }
func (c *sheetCells) kind(i int) cellKind { return c.kinds[i] }

// readSheet reads a sheet as readCSV reads a file: the header row (the
// first with cells, or t.headerLine), then every row with cells, as text
// of the header's width. A cell right of the header's last named column
// is outside the table and ignored with a warning; a cell Excel cannot
// show as its format says, or a formula without a saved result, is an
// error at the cell, and its row is not read.
func (l *loader) readSheet(wb *xlsx.Workbook, file, sheet string, t table, reserve bool, header func(rec []string, at cells) bool, row func(rec []string, at cells)) {
	rs, err := wb.Rows(sheet)
	if err != nil {
		l.errorAt(Pos{File: file, Sheet: sheet}, workbookReason(err))
		return
	}
	defer rs.Close()
	if reserve {
		l.reserveRows(rs.Size())
	}
	at := &sheetCells{file: file, sheet: sheet}
	var rec []string
	width := -1
	outside := map[int]bool{}
	for rs.Next() {
		cs := rs.Cells()
		at.row = rs.Row()
		if width < 0 {
			if rs.Row() < t.headerLine {
				continue
			}
			if t.headerLine > 0 && rs.Row() > t.headerLine {
				l.errorAt(Pos{File: file, Sheet: sheet, Line: t.headerLine}, "row "+strconv.Itoa(t.headerLine)+" is blank, but dataset.yaml says the column names are there (header_row: "+strconv.Itoa(t.headerLine)+"): give the row of the column names")
				return
			}
			width = 0
			for i, c := range cs {
				if strings.TrimSpace(c.Value) != "" {
					width = i + 1
				}
			}
			rec = make([]string, width)
			at.kinds = make([]cellKind, width)
			for i := range rec {
				if i < len(cs) {
					rec[i] = cs[i].Value
				}
			}
			if !header(rec, at) {
				return
			}
			continue
		}
		good, any := true, false
		for i := range rec {
			rec[i], at.kinds[i] = "", kText
			if i >= len(cs) {
				continue
			}
			c := cs[i]
			rec[i] = c.Value
			switch c.Kind {
			case xlsx.Number:
				at.kinds[i] = kNumber
			case xlsx.Date:
				at.kinds[i] = kDate
			case xlsx.Invalid:
				l.errorAt(at.at(i), c.Problem)
				good = false
			case xlsx.NoResult:
				l.errorAt(at.at(i), "the cell holds a formula whose result the workbook does not keep: open the workbook in Excel or LibreOffice and save it, or enter the value")
				good = false
			}
			if strings.TrimSpace(c.Value) != "" {
				any = true
			}
		}
		for i := width; i < len(cs); i++ {
			if strings.TrimSpace(cs[i].Value) != "" && !outside[i] {
				outside[i] = true
				l.warnAt(at.at(i), "the cell is right of the table (its column has no name in the header, row "+strconv.Itoa(headerRow(t))+") and is ignored: name the column in the header, or clear the cell")
			}
		}
		if good && any {
			row(rec, at)
		}
	}
	if err := rs.Err(); err != nil {
		l.errorAt(Pos{File: file, Sheet: sheet, Line: rs.Row()}, workbookReason(err))
		return
	}
	if width < 0 {
		if t.headerLine > 1 {
			l.errorAt(Pos{File: file, Sheet: sheet}, "the sheet ends before row "+strconv.Itoa(t.headerLine)+", where dataset.yaml says the column names are (header_row): give the row of the column names")
			return
		}
		l.errorAt(Pos{File: file, Sheet: sheet, Line: 1}, "the sheet is empty: its first row must name the columns")
	}
}

func headerRow(t table) int {
	if t.headerLine > 0 {
		return t.headerLine
	}
	return 1
}

// sheetHead reads the first rows of a sheet again, for a mapping that
// looks for the sheet's header.
func sheetHead(wb *xlsx.Workbook, sheet string) func(func(line int, rec []string) bool) {
	return func(fn func(line int, rec []string) bool) {
		rs, err := wb.Rows(sheet)
		if err != nil {
			return
		}
		defer rs.Close()
		for rs.Next() {
			var rec []string
			for _, c := range rs.Cells() {
				rec = append(rec, c.Value)
			}
			if !fn(rs.Row(), rec) {
				return
			}
		}
	}
}

// readObservationSheet reads observations from a sheet of a workbook.
func (l *loader) readObservationSheet(path string, m *fileMapping) {
	where := m.filePos
	if where.File == "" {
		where = Pos{File: path}
	}
	wb, done := l.openWorkbook(path, where)
	if wb == nil {
		return
	}
	defer done()
	sheet, ok := l.pickSheet(wb, path, m.sheet, m.sheetPos, "observations")
	if !ok {
		return
	}
	header, onRow, finish := l.observationRows(path, m, sheetHead(wb, sheet))
	l.readSheet(wb, path, sheet, table{headerLine: m.headerLine}, true, header, onRow)
	finish()
}

// sheetTree reads a catalog table (one row per indicator or entity, a
// column per key) from a sheet into the tree its YAML would make:
// {list: [{key: value, ...}, ...]}, each node at its cell. A groups
// column lists ids separated by ";" or ",". Unknown columns are ignored
// with a warning.
func (l *loader) sheetTree(path, list string, keys []string) *yaml.Node {
	wb, done := l.openWorkbook(path, Pos{File: path})
	if wb == nil {
		return nil
	}
	defer done()
	asked := l.sheetOf[list+"\x00"+path]
	sheet, ok := l.pickSheet(wb, path, asked.name, asked.pos, list)
	if !ok {
		return nil
	}
	l.posSheet = [2]string{path, sheet}
	seq := &yaml.Node{Kind: yaml.SequenceNode, Line: 1, Column: 1}
	root := &yaml.Node{Kind: yaml.MappingNode, Line: 1, Column: 1, Content: []*yaml.Node{
		{Kind: yaml.ScalarNode, Tag: "!!str", Value: list, Line: 1, Column: 1}, seq,
	}}
	var cols []string
	header := func(rec []string, at cells) bool {
		cols = make([]string, len(rec))
		for i, raw := range rec {
			name := strings.ToLower(strings.TrimSpace(raw))
			switch {
			case name == "":
			case contains(keys, name):
				cols[i] = name
			default:
				l.warnAt(at.at(i), "unknown column "+strconv.Quote(strings.TrimSpace(raw))+" is ignored (known columns: "+strings.Join(keys, ", ")+")")
			}
		}
		return true
	}
	row := func(rec []string, at cells) {
		item := &yaml.Node{Kind: yaml.MappingNode, Line: at.line().Line, Column: 1}
		for i, s := range rec {
			if cols[i] == "" || strings.TrimSpace(s) == "" {
				continue
			}
			p := at.at(i)
			k := &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: cols[i], Line: p.Line, Column: p.Col}
			v := &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: s, Line: p.Line, Column: p.Col}
			if cols[i] == "groups" {
				v = &yaml.Node{Kind: yaml.SequenceNode, Line: p.Line, Column: p.Col}
				for _, g := range strings.FieldsFunc(s, func(r rune) bool { return r == ';' || r == ',' }) {
					v.Content = append(v.Content, &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: strings.TrimSpace(g), Line: p.Line, Column: p.Col})
				}
			}
			item.Content = append(item.Content, k, v)
		}
		seq.Content = append(seq.Content, item)
	}
	l.readSheet(wb, path, sheet, table{}, false, header, row)
	return root
}

// sheetRef is a sheet asked for in dataset.yaml, and where.
type sheetRef struct {
	name string
	pos  Pos
}

// inSheet runs load, a catalog's loader, giving the positions of its
// findings and items the sheet they are in.
func (l *loader) inSheet(load func()) {
	start := len(l.diags)
	ni, nt, ne := len(l.ds.Indicators), len(l.ds.Topics), len(l.ds.Entities)
	load()
	file, sheet := l.posSheet[0], l.posSheet[1]
	l.posSheet = [2]string{}
	if sheet == "" {
		return
	}
	fix := func(p *Pos) {
		if p.File == file && p.Sheet == "" {
			p.Sheet = sheet
		}
	}
	for i := start; i < len(l.diags); i++ {
		fix(&l.diags[i].Pos)
	}
	for _, r := range l.order {
		fix(&r.first)
	}
	for i := ni; i < len(l.ds.Indicators); i++ {
		fix(&l.ds.Indicators[i].Pos)
	}
	for i := nt; i < len(l.ds.Topics); i++ {
		fix(&l.ds.Topics[i].Pos)
	}
	for i := ne; i < len(l.ds.Entities); i++ {
		fix(&l.ds.Entities[i].Pos)
	}
}

// workbookSheets names the sheets of the workbook at path that a
// workbook-only dataset reads as its catalogs and events, by their names.
func (l *loader) workbookSheets(path string) map[string]bool {
	wb, done := l.openWorkbook(path, Pos{File: path})
	if wb == nil {
		return nil
	}
	defer done()
	out := map[string]bool{}
	for _, role := range []string{"indicators", "entities", "events"} {
		if _, ok := wb.Sheet(role); ok {
			out[role] = true
		}
	}
	return out
}
