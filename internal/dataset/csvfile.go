package dataset

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strconv"
	"unicode/utf8"
)

var bom = []byte{0xEF, 0xBB, 0xBF}

// table says how to read the records of a CSV file or a sheet.
type table struct {
	comma rune // CSV only; 0 is ","
	// headerLine is the line (row of a sheet) of the column names, 1-based;
	// the lines before it are a preamble and are not read. 0 means the
	// first line that is not blank.
	headerLine int
}

// cellKind says what a field was in its file: text, or a number or date
// cell of a workbook, which the mapping's number and date formats (meant
// for text) do not apply to.
type cellKind uint8

const (
	kText cellKind = iota
	kNumber
	kDate
)

// cells tells where the fields of the record being read are, and what
// kind of cell each was.
type cells interface {
	at(i int) Pos        // field i
	line() Pos           // the record as a whole
	kind(i int) cellKind // kText for every field of a CSV file
}

// csvCells is where the fields of a CSV record are: the line of each
// field (a quoted field may span lines) and its field number.
type csvCells struct {
	cr   *csv.Reader
	file string
}

func (c *csvCells) at(i int) Pos {
	line, _ := c.cr.FieldPos(i)
	return Pos{File: c.file, Line: line, Col: i + 1}
}

func (c *csvCells) line() Pos {
	line, _ := c.cr.FieldPos(0)
	return Pos{File: c.file, Line: line}
}

func (c *csvCells) kind(int) cellKind { return kText }

// readCSV streams a CSV file with a header line, as spreadsheets export
// it (UTF-8 BOM, CRLF, quoted fields with commas and newlines). It reports
// syntax errors, text that is not UTF-8 and rows with the wrong number of
// fields, and goes on with the next row. Blank rows (all fields empty)
// are skipped. header gets the header record and returns false to stop;
// row gets every other good record, which is reused by the next Read.
// With t.headerLine, the lines before it (an agency's preamble: title,
// source, last update) are skipped unread.
//
// Old Mac files end their lines with a bare CR (Excel for Mac still
// writes "CSV (Macintosh)" so): a file whose first 64 KB hold CRs and no
// LF is read with each CR as a line end. A BOM repeated at the start (a
// file re-saved by tools that each add one) is skipped with a warning,
// rather than read as part of the first column's name.
func (l *loader) readCSV(rd io.Reader, file string, t table, header func(rec []string, at cells) bool, row func(rec []string, at cells)) {
	src, ok := rd.(*bufio.Reader)
	if !ok {
		src = bufio.NewReaderSize(rd, 64<<10)
	}
	head, _ := src.Peek(64 << 10)
	if n := leadingBOMs(head); n > 0 {
		src.Discard(n * len(bom))
		if n > 1 {
			l.warnAt(Pos{File: file, Line: 1, Col: 1}, fmt.Sprintf("the file starts with %d byte order marks (BOM) where one at most belongs; the extra ones are skipped: re-save the file as UTF-8", n))
		}
		head, _ = src.Peek(64 << 10)
	}
	var in io.Reader = src
	if bytes.IndexByte(head, '\n') < 0 && bytes.IndexByte(head, '\r') >= 0 {
		in = crLines{src}
	}
	br := bufio.NewReaderSize(&lineLimit{r: in, max: MaxLine}, 64<<10)
	cr := csv.NewReader(br)
	if t.comma != 0 {
		cr.Comma = t.comma
	}
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = true
	at := &csvCells{cr: cr, file: file}
	first := true
	width := 0
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				if first && pe.Line < t.headerLine {
					continue // the preamble is not read
				}
				l.errorAt(Pos{File: file, Line: pe.Line, Col: pe.Column}, csvSyntax(pe.Err))
				if first {
					return // without a header the rows cannot be read
				}
				continue
			}
			var le *lineTooLong
			if errors.As(err, &le) {
				l.errorAt(Pos{File: file, Line: le.line}, fmt.Sprintf("line is longer than %d KB: is this a CSV export? Check the quotes of the line before", MaxLine>>10))
				return
			}
			l.errorAt(Pos{File: file}, "cannot read: "+ioReason(err))
			return
		}
		if first && t.headerLine > 0 {
			line, _ := cr.FieldPos(0)
			if line < t.headerLine {
				continue
			}
			if line > t.headerLine {
				l.errorAt(Pos{File: file, Line: t.headerLine}, "line "+strconv.Itoa(t.headerLine)+" is blank, but dataset.yaml says the column names are there (header_row: "+strconv.Itoa(t.headerLine)+"): give the line of the column names")
				return
			}
		}
		if i := invalidUTF8(rec); i >= 0 {
			line, _ := cr.FieldPos(i)
			l.errorAt(Pos{File: file, Line: line, Col: i + 1}, "text is not valid UTF-8: re-save the file as UTF-8")
			if first {
				return
			}
			continue
		}
		if first {
			first = false
			width = len(rec)
			if !header(rec, at) {
				return
			}
			continue
		}
		if blank(rec) {
			continue
		}
		if len(rec) != width {
			line, _ := cr.FieldPos(0)
			advice := "fill the missing fields (empty ones too)"
			if len(rec) > width {
				advice = "quote fields that contain the separator"
			}
			l.errorAt(Pos{File: file, Line: line}, fmt.Sprintf("row has %d fields, header has %d: %s", len(rec), width, advice))
			continue
		}
		row(rec, at)
	}
	if first {
		if t.headerLine > 1 {
			l.errorAt(Pos{File: file, Line: 1}, "the file ends before line "+strconv.Itoa(t.headerLine)+", where dataset.yaml says the column names are (header_row): give the line of the column names")
			return
		}
		l.errorAt(Pos{File: file, Line: 1}, "file is empty: the first line must name the columns")
	}
}

func csvSyntax(err error) string {
	switch {
	case errors.Is(err, csv.ErrBareQuote):
		return `bare " in a field that is not quoted: quote the whole field and double the quote inside it ("")`
	case errors.Is(err, csv.ErrQuote):
		return `unclosed or misplaced " in a quoted field: close the quote, and double quotes inside it ("")`
	}
	return err.Error()
}

func invalidUTF8(rec []string) int {
	for i, f := range rec {
		if !utf8.ValidString(f) {
			return i
		}
	}
	return -1
}

func blank(rec []string) bool {
	for _, f := range rec {
		for i := 0; i < len(f); i++ {
			if c := f[i]; c != ' ' && c != '\t' {
				return false
			}
		}
	}
	return true
}

// MaxLine bounds a physical line of a CSV file. A spreadsheet row is a
// few hundred bytes; a line of megabytes is a binary file or an unclosed
// quote, and reading it whole would hold it all in memory.
const MaxLine = 1 << 20

type lineTooLong struct{ line int }

func (e *lineTooLong) Error() string { return fmt.Sprintf("line %d too long", e.line) }

// lineLimit fails the read when a line grows past max bytes.
type lineLimit struct {
	r    io.Reader
	max  int
	cur  int // bytes since the last newline
	line int // 1-based number of the current line
}

func (l *lineLimit) Read(p []byte) (int, error) {
	n, err := l.r.Read(p)
	if l.line == 0 {
		l.line = 1
	}
	for i, b := range p[:n] {
		if b == '\n' {
			l.line++
			l.cur = 0
			continue
		}
		l.cur++
		if l.cur > l.max {
			return i, &lineTooLong{line: l.line}
		}
	}
	return n, err
}

// leadingBOMs counts the UTF-8 byte order marks b starts with.
func leadingBOMs(b []byte) int {
	n := 0
	for bytes.HasPrefix(b, bom) {
		b = b[len(bom):]
		n++
	}
	return n
}

// crLines reads a file whose lines end with a bare CR as one whose lines
// end with LF.
type crLines struct{ r io.Reader }

func (c crLines) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	for i, b := range p[:n] {
		if b == '\r' {
			p[i] = '\n'
		}
	}
	return n, err
}
