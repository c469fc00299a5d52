// Package xlsx reads the cells of Excel workbooks (.xlsx, Office Open XML
// spreadsheets) row by row as text: numbers as Excel stores them, dates
// (serial numbers in a date format) as ISO dates, percentages as the
// figure shown, merged cells filled from their first cell. It streams a
// sheet with a byte scanner rather than encoding/xml, so that a sheet of
// 100,000 rows reads in about the time of the same rows as CSV, and
// bounds what it unpacks (Limits) so that a zip bomb is an error.
package xlsx

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"path"
	"strconv"
	"strings"
)

// Limits bound what a workbook may unpack. A part is checked against its
// size in the zip's directory before it is read and counted while it is,
// so a part that lies about its size is cut off too.
type Limits struct {
	// Part bounds each part held in memory: the workbook, its styles
	// and relationships, and the shared strings of all sheets.
	Part int64
	// Sheet bounds the XML of one sheet, which is streamed.
	Sheet int64
}

// DefaultLimits: shared strings of a few million cells; a sheet of the
// million rows Excel allows, at a kilobyte a row.
var DefaultLimits = Limits{Part: 256 << 20, Sheet: 1 << 30}

// Error is a workbook that cannot be read; Msg says why and what to do.
type Error struct{ Msg string }

func (e *Error) Error() string { return e.Msg }

// TooLargeError is a part that unpacks to more than its limit.
type TooLargeError struct {
	Part string // "the sheet Data", "the shared strings"
	Max  int64
}

func (e *TooLargeError) Error() string {
	return fmt.Sprintf("%s unpacks to more than %d MiB: is it the right file? (a workbook this large may be a zip bomb)", e.Part, e.Max>>20)
}

// Workbook is an open .xlsx file.
type Workbook struct {
	zr       *zip.Reader
	files    map[string]*zip.File
	lim      Limits
	sheets   []sheetRef
	date1904 bool
	styles   []format // by cell style (xf) index
	sst      []string
	sstRead  bool
	sstErr   error
}

type sheetRef struct {
	name, part string
	hidden     bool
	chart      bool // a chart sheet: no cells
}

var (
	oleMagic = []byte{0xD0, 0xCF, 0x11, 0xE0}
	zipMagic = []byte("PK\x03\x04")
)

// Open reads a workbook's structure: its sheets, styles and date system.
// Cells are read by Rows.
func Open(r io.ReaderAt, size int64, lim Limits) (*Workbook, error) {
	head := make([]byte, 4)
	if _, err := r.ReadAt(head, 0); err != nil || !bytes.Equal(head, zipMagic) {
		if bytes.Equal(head, oleMagic) {
			return nil, &Error{"this is an Excel 97-2003 workbook (.xls) or a password-protected one, not an .xlsx file: save it in Excel as \"Excel Workbook (.xlsx)\" without a password"}
		}
		return nil, &Error{"not an Excel workbook (.xlsx): the file is not a zip archive; save it in Excel as \"Excel Workbook (.xlsx)\", or give it the extension of what it is (.csv)"}
	}
	zr, err := zip.NewReader(r, size)
	if err != nil {
		return nil, &Error{"the workbook is damaged (" + err.Error() + "): open it in Excel or LibreOffice and save it again"}
	}
	if len(zr.File) > 100_000 {
		return nil, &Error{fmt.Sprintf("the workbook holds %d parts: is it the right file?", len(zr.File))}
	}
	w := &Workbook{zr: zr, files: make(map[string]*zip.File, len(zr.File)), lim: lim}
	for _, f := range zr.File {
		w.files[strings.TrimPrefix(f.Name, "/")] = f
	}
	wbPart := "xl/workbook.xml"
	if rels, err := w.rels("_rels/.rels", ""); err == nil {
		for _, rel := range rels {
			if strings.HasSuffix(rel.typ, "/officeDocument") {
				wbPart = rel.target
			}
		}
	}
	wb, err := w.part(wbPart, "the workbook")
	if err != nil {
		return nil, err
	}
	rels, err := w.rels(path.Join(path.Dir(wbPart), "_rels", path.Base(wbPart)+".rels"), path.Dir(wbPart))
	if err != nil {
		return nil, err
	}
	byID := map[string]rel{}
	for _, rel := range rels {
		byID[rel.id] = rel
		if strings.HasSuffix(rel.typ, "/styles") {
			if err := w.readStyles(rel.target); err != nil {
				return nil, err
			}
		}
		if strings.HasSuffix(rel.typ, "/sharedStrings") {
			w.files["\x00sst"] = w.files[rel.target]
		}
	}
	s := bytesScanner(wb)
	var t tag
	for s.next(&t) {
		switch {
		case t.end:
		case string(t.name) == "workbookPr":
			v := attrString(t.attrs, "date1904")
			w.date1904 = v == "1" || v == "true"
		case string(t.name) == "sheet":
			rel := byID[attrString(t.attrs, "id")]
			w.sheets = append(w.sheets, sheetRef{
				name:   attrString(t.attrs, "name"),
				part:   rel.target,
				hidden: attrString(t.attrs, "state") != "" && attrString(t.attrs, "state") != "visible",
				chart:  !strings.HasSuffix(rel.typ, "/worksheet"),
			})
		}
	}
	if s.err != nil {
		return nil, damaged("the workbook", s.err)
	}
	if len(w.sheets) == 0 {
		return nil, &Error{"the workbook has no sheets"}
	}
	return w, nil
}

func damaged(what string, err error) error {
	var tl *TooLargeError
	if errors.As(err, &tl) {
		return err
	}
	return &Error{what + " is damaged (" + err.Error() + "): open the workbook in Excel or LibreOffice and save it again"}
}

// Sheets are the names of the workbook's sheets in its order.
func (w *Workbook) Sheets() []string {
	out := make([]string, len(w.sheets))
	for i, s := range w.sheets {
		out[i] = s.name
	}
	return out
}

// First is the name of the first visible worksheet: the tab a reader
// sees first.
func (w *Workbook) First() string {
	for _, s := range w.sheets {
		if !s.hidden && !s.chart {
			return s.name
		}
	}
	for _, s := range w.sheets {
		if !s.chart {
			return s.name
		}
	}
	return w.sheets[0].name
}

// Sheet finds a sheet by its name, ignoring case as Excel does.
func (w *Workbook) Sheet(name string) (string, bool) {
	for _, s := range w.sheets {
		if strings.EqualFold(s.name, name) {
			return s.name, true
		}
	}
	return "", false
}

// Date1904 reports whether the workbook counts dates from 1904 (Excel
// for Mac before 2011).
func (w *Workbook) Date1904() bool { return w.date1904 }

type rel struct{ id, typ, target string }

// rels reads a relationships part; targets are resolved against dir.
func (w *Workbook) rels(name, dir string) ([]rel, error) {
	b, err := w.part(name, "the workbook's relationships")
	if err != nil {
		return nil, err
	}
	var out []rel
	s := bytesScanner(b)
	var t tag
	for s.next(&t) {
		if t.end || string(t.name) != "Relationship" {
			continue
		}
		target := attrString(t.attrs, "Target")
		if strings.HasPrefix(target, "/") {
			target = strings.TrimPrefix(target, "/")
		} else {
			target = path.Join(dir, target)
		}
		out = append(out, rel{id: attrString(t.attrs, "Id"), typ: attrString(t.attrs, "Type"), target: target})
	}
	return out, nil
}

// part reads a part of the workbook into memory, within the limit.
func (w *Workbook) part(name, what string) ([]byte, error) {
	f := w.files[name]
	if f == nil {
		return nil, &Error{"the workbook lacks " + name + ": is it an .xlsx file? Open it in Excel or LibreOffice and save it again"}
	}
	rc, err := w.open(f, w.lim.Part, what)
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	b, err := io.ReadAll(rc)
	if err != nil {
		return nil, damaged(what, err)
	}
	return b, nil
}

// open opens a part, refusing one whose stated size is over max, and
// reading at most max bytes of it whatever it states.
func (w *Workbook) open(f *zip.File, max int64, what string) (io.ReadCloser, error) {
	if f.UncompressedSize64 > uint64(max) {
		return nil, &TooLargeError{Part: what, Max: max}
	}
	rc, err := f.Open()
	if err != nil {
		return nil, damaged(what, err)
	}
	return &limited{rc: rc, left: max, what: what, max: max}, nil
}

type limited struct {
	rc   io.ReadCloser
	left int64
	what string
	max  int64
}

func (l *limited) Read(p []byte) (int, error) {
	if l.left <= 0 {
		var one [1]byte
		if n, _ := l.rc.Read(one[:]); n > 0 {
			return 0, &TooLargeError{Part: l.what, Max: l.max}
		}
		return 0, io.EOF
	}
	if int64(len(p)) > l.left {
		p = p[:l.left]
	}
	n, err := l.rc.Read(p)
	l.left -= int64(n)
	return n, err
}

func (l *limited) Close() error { return l.rc.Close() }

// sharedStrings reads the workbook's table of strings once.
func (w *Workbook) sharedStrings() ([]string, error) {
	if w.sstRead {
		return w.sst, w.sstErr
	}
	w.sstRead = true
	f := w.files["\x00sst"]
	if f == nil {
		return nil, nil
	}
	rc, err := w.open(f, w.lim.Part, "the shared strings")
	if err != nil {
		w.sstErr = err
		return nil, err
	}
	defer rc.Close()
	s := newScanner(rc)
	var t tag
	var cur []byte
	in, phonetic := false, 0
	for s.next(&t) {
		switch string(t.name) {
		case "sst":
			if n, ok := attrInt(t.attrs, "uniqueCount"); ok && !t.end && n > 0 && n < 1<<22 {
				w.sst = make([]string, 0, n)
			}
		case "si":
			switch {
			case t.empty:
				w.sst = append(w.sst, "")
			case t.end:
				w.sst = append(w.sst, unescapeX(string(cur)))
				in = false
			default:
				in, cur = true, cur[:0]
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
			if in && phonetic == 0 && !t.end && !t.empty {
				cur = s.text(cur)
			}
		}
	}
	if s.err != nil {
		w.sst, w.sstErr = nil, damaged("the shared strings", s.err)
	}
	return w.sst, w.sstErr
}

func (w *Workbook) sheetRef(name string) (sheetRef, error) {
	for _, s := range w.sheets {
		if s.name == name {
			if s.chart {
				return s, &Error{"the sheet " + strconv.Quote(name) + " is a chart, not a table of cells: give the sheet of its data"}
			}
			if w.files[s.part] == nil {
				return s, &Error{"the workbook lacks the sheet " + strconv.Quote(name) + " it lists: open it in Excel or LibreOffice and save it again"}
			}
			return s, nil
		}
	}
	return sheetRef{}, &Error{"no sheet " + strconv.Quote(name)}
}
