package oracle

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"
)

// The oracle's own reader of the tables a dataset.yaml names: a CSV file
// (any delimiter, a byte order mark, CRLF or CR line ends, a preamble
// above the header) or a sheet of an Excel workbook (.xlsx), as
// docs/mapping.md ("Agency files") describes them. It knows nothing of
// our fields: loadMapped turns its cells into rows.

// cell is one cell of a table. A CSV cell is text; a workbook cell may be
// a number, shown as a date or a percentage by its number format.
type cell struct {
	Text    string    // the text of a text cell (CSV: every cell)
	IsNum   bool      // a number cell of a workbook
	Num     float64   // its value
	Percent bool      // formatted as a percentage ("0.000%"): shown ×100
	IsDate  bool      // a number cell formatted as a date
	Date    time.Time // its day
	DateGr  byte      // what its format shows: 'D' a day, 'M' a month, 'A' a year
}

// name is the cell read as a column name, or as a key to compare (filter).
func (c cell) name() string {
	switch {
	case c.IsDate:
		switch c.DateGr {
		case 'A':
			return c.Date.Format("2006")
		case 'M':
			return c.Date.Format("2006-01")
		}
		return c.Date.Format("2006-01-02")
	case c.IsNum:
		return strconv.FormatFloat(c.Num, 'f', -1, 64)
	}
	return strings.TrimSpace(c.Text)
}

func (c cell) empty() bool { return !c.IsNum && strings.TrimSpace(c.Text) == "" }

// tableRow is one line (a workbook's row) after the header.
type tableRow struct {
	Line  int // the file's line (CSV) or the sheet's row number, from 1
	Cells []cell
}

func (r tableRow) at(i int) cell {
	if i < 0 || i >= len(r.Cells) {
		return cell{}
	}
	return r.Cells[i]
}

type table struct {
	Header     []string // trimmed column names
	HeaderLine int
	Rows       []tableRow
}

// isWorkbook says whether a file is an Excel workbook (.xlsx or .xlsm).
func isWorkbook(path string) bool {
	e := strings.ToLower(filepath.Ext(path))
	return e == ".xlsx" || e == ".xlsm"
}

// readTable reads the file of an observations entry (or a catalog) with
// its header on line headerRow (1 without header_row or skip_rows). A
// workbook without sheet: is read from its sheet named defSheet
// ("observations", "indicators", "entities"), else its first visible
// sheet (docs/mapping.md, "Excel workbooks").
func readTable(path, sheet, defSheet, delimiter string, headerRow int) (*table, error) {
	if isWorkbook(path) {
		return readSheet(path, sheet, defSheet, headerRow)
	}
	if sheet != "" {
		return nil, fmt.Errorf("%s: sheet %q given for a file that is no workbook", path, sheet)
	}
	return readCSVTable(path, delimiter, headerRow)
}

func delimiterRune(d string) (rune, error) {
	switch d {
	case "":
		return ',', nil
	case "tab", "\t", `\t`:
		return '\t', nil
	}
	rs := []rune(d)
	if len(rs) != 1 {
		return 0, fmt.Errorf("delimiter %q: one character", d)
	}
	return rs[0], nil
}

func readCSVTable(path, delimiter string, headerRow int) (*table, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	b = bytes.TrimPrefix(b, []byte("\ufeff"))
	if !bytes.Contains(b, []byte("\n")) && bytes.Contains(b, []byte("\r")) { // old Mac line ends
		b = bytes.ReplaceAll(b, []byte("\r"), []byte("\n"))
	}
	// the preamble: the lines above the header are not read at all (they
	// need not be CSV)
	off := 0
	for i := 1; i < headerRow; i++ {
		j := bytes.IndexByte(b[off:], '\n')
		if j < 0 {
			return nil, fmt.Errorf("%s: header_row %d is past the end of the file", path, headerRow)
		}
		off += j + 1
	}
	first := b[off:]
	if j := bytes.IndexByte(first, '\n'); j >= 0 {
		first = first[:j]
	}
	if len(bytes.TrimSpace(first)) == 0 {
		return nil, fmt.Errorf("%s:%d: the header line is blank", path, headerRow)
	}
	comma, err := delimiterRune(delimiter)
	if err != nil {
		return nil, err
	}
	cr := csv.NewReader(bytes.NewReader(b[off:]))
	cr.Comma = comma
	cr.FieldsPerRecord = -1
	header, err := cr.Read()
	if err != nil {
		return nil, fmt.Errorf("%s:%d: %v", path, headerRow, err)
	}
	t := &table{HeaderLine: headerRow}
	for _, h := range header {
		t.Header = append(t.Header, strings.TrimSpace(h))
	}
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %v (line numbers from the header line)", path, err)
		}
		line, _ := cr.FieldPos(0)
		r := tableRow{Line: line + headerRow - 1}
		for _, f := range rec {
			r.Cells = append(r.Cells, cell{Text: f})
		}
		t.Rows = append(t.Rows, r)
	}
	return t, nil
}

// builtInFormats: the number formats Excel knows by id that show a date
// (and what they show) or a percentage.
var builtInDates = map[int]byte{14: 'D', 15: 'D', 16: 'D', 17: 'M', 22: 'D',
	27: 'D', 28: 'D', 29: 'D', 30: 'D', 31: 'D', 34: 'D', 35: 'D', 36: 'D',
	50: 'D', 51: 'D', 52: 'D', 53: 'D', 54: 'D', 55: 'D', 56: 'D', 57: 'D', 58: 'D'}

// formatKind reads a custom number format: a date format (its
// granularity) or a percentage. Quoted text, escaped characters and
// bracketed parts ([Red], [$-409]) are not format codes.
func formatKind(code string) (date byte, percent bool) {
	if i := strings.IndexByte(code, ';'); i >= 0 {
		code = code[:i] // the format of positive numbers
	}
	var b strings.Builder
	for i := 0; i < len(code); i++ {
		switch c := code[i]; c {
		case '"':
			j := strings.IndexByte(code[i+1:], '"')
			if j < 0 {
				i = len(code)
			} else {
				i += j + 1
			}
		case '\\':
			i++
		case '[':
			j := strings.IndexByte(code[i:], ']')
			if j < 0 {
				i = len(code)
			} else {
				i += j
			}
		default:
			b.WriteByte(c)
		}
	}
	s := strings.ToLower(b.String())
	percent = strings.Contains(s, "%")
	hasY, hasD, hasM := strings.Contains(s, "y"), strings.Contains(s, "d"), strings.Contains(s, "m")
	switch {
	case hasD && (hasY || hasM):
		date = 'D'
	case hasY && hasM:
		date = 'M'
	case hasY:
		date = 'A'
	}
	return date, percent
}

// sheetNamed is the workbook's sheet named name (ignoring case), or "".
func sheetNamed(f *excelize.File, name string) string {
	for _, s := range f.GetSheetList() {
		if strings.EqualFold(s, name) {
			return s
		}
	}
	return ""
}

func readSheet(path, sheet, defSheet string, headerRow int) (*table, error) {
	f, err := excelize.OpenFile(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if sheet == "" && defSheet != "" {
		sheet = sheetNamed(f, defSheet)
	}
	if sheet == "" {
		for _, s := range f.GetSheetList() {
			if v, err := f.GetSheetVisible(s); err == nil && v {
				sheet = s
				break
			}
		}
		if sheet == "" {
			return nil, fmt.Errorf("%s: no visible sheet", path)
		}
	}
	if i, err := f.GetSheetIndex(sheet); err != nil || i < 0 {
		return nil, fmt.Errorf("%s: no sheet %q (it has %v)", path, sheet, f.GetSheetList())
	}
	date1904 := false
	if p, err := f.GetWorkbookProps(); err == nil && p.Date1904 != nil {
		date1904 = *p.Date1904
	}
	raw, err := f.GetRows(sheet, excelize.Options{RawCellValue: true})
	if err != nil {
		return nil, err
	}
	styles := map[int]struct {
		date    byte
		percent bool
	}{}
	grid := make([][]cell, len(raw))
	for ri, rr := range raw {
		grid[ri] = make([]cell, len(rr))
		for ci, v := range rr {
			if v == "" {
				continue
			}
			ref, _ := excelize.CoordinatesToCellName(ci+1, ri+1)
			typ, err := f.GetCellType(sheet, ref)
			if err != nil {
				return nil, err
			}
			switch typ {
			case excelize.CellTypeUnset, excelize.CellTypeNumber:
				n, err := strconv.ParseFloat(v, 64)
				if err != nil {
					grid[ri][ci] = cell{Text: v}
					continue
				}
				// "15 significant digits, as Excel keeps"
				n, _ = strconv.ParseFloat(strconv.FormatFloat(n, 'g', 15, 64), 64)
				c := cell{IsNum: true, Num: n}
				sid, err := f.GetCellStyle(sheet, ref)
				if err != nil {
					return nil, err
				}
				st, ok := styles[sid]
				if !ok {
					if s, err := f.GetStyle(sid); err == nil {
						if g, ok := builtInDates[s.NumFmt]; ok {
							st.date = g
						}
						st.percent = s.NumFmt == 9 || s.NumFmt == 10
						if s.CustomNumFmt != nil {
							st.date, st.percent = formatKind(*s.CustomNumFmt)
						}
					}
					styles[sid] = st
				}
				if st.date != 0 {
					t, err := excelize.ExcelDateToTime(n, date1904)
					if err != nil {
						return nil, fmt.Errorf("%s: %s!%s: %v", path, sheet, ref, err)
					}
					c.IsDate, c.Date, c.DateGr = true, time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC), st.date
				}
				c.Percent = st.percent
				grid[ri][ci] = c
			default: // text, a formula's text, a boolean, an error (#N/A)
				grid[ri][ci] = cell{Text: v}
			}
		}
	}
	// a merged range shows its first cell's value in each of its cells
	merges, err := f.GetMergeCells(sheet, true)
	if err != nil {
		return nil, err
	}
	for _, m := range merges {
		c1, r1, err1 := excelize.CellNameToCoordinates(m.GetStartAxis())
		c2, r2, err2 := excelize.CellNameToCoordinates(m.GetEndAxis())
		if err1 != nil || err2 != nil || r1 > len(grid) || c1 > len(grid[r1-1]) {
			continue
		}
		v := grid[r1-1][c1-1]
		for r := r1; r <= r2 && r <= len(grid); r++ {
			for c := c1; c <= c2; c++ {
				for len(grid[r-1]) < c {
					grid[r-1] = append(grid[r-1], cell{})
				}
				grid[r-1][c-1] = v
			}
		}
	}
	if headerRow > len(grid) {
		return nil, fmt.Errorf("%s: %s: header_row %d is past the sheet's last row %d", path, sheet, headerRow, len(grid))
	}
	t := &table{HeaderLine: headerRow}
	blank := true
	for _, c := range grid[headerRow-1] {
		t.Header = append(t.Header, c.name())
		if !c.empty() {
			blank = false
		}
	}
	if blank {
		return nil, fmt.Errorf("%s: %s: row %d (header_row) is blank", path, sheet, headerRow)
	}
	for i := headerRow; i < len(grid); i++ {
		t.Rows = append(t.Rows, tableRow{Line: i + 1, Cells: grid[i]})
	}
	return t, nil
}
