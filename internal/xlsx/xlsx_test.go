package xlsx

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// save writes f to a temporary file and opens it with Open.
func save(t *testing.T, f *excelize.File) *Workbook {
	t.Helper()
	path := filepath.Join(t.TempDir(), "book.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	return open(t, path)
}

func open(t *testing.T, path string) *Workbook {
	t.Helper()
	fh, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { fh.Close() })
	st, _ := fh.Stat()
	w, err := Open(fh, st.Size(), DefaultLimits)
	if err != nil {
		t.Fatal(err)
	}
	return w
}

// rows reads every row of a sheet as "row: cells" lines, each cell as
// kind:value.
func rows(t *testing.T, w *Workbook, sheet string) []string {
	t.Helper()
	rs, err := w.Rows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	defer rs.Close()
	var out []string
	for rs.Next() {
		var cells []string
		for _, c := range rs.Cells() {
			s := fmt.Sprintf("%d:%s", c.Kind, c.Value)
			if c.Problem != "" {
				s += " (" + c.Problem + ")"
			}
			cells = append(cells, s)
		}
		out = append(out, fmt.Sprintf("%d: %s", rs.Row(), strings.Join(cells, " | ")))
	}
	if err := rs.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func style(t *testing.T, f *excelize.File, s *excelize.Style) int {
	t.Helper()
	id, err := f.NewStyle(s)
	must(t, err)
	return id
}

// TestCellKinds reads what Excel stores: shared and inline strings,
// numbers, numbers stored as text, dates as serials in their formats,
// percentages, booleans, formulas with and without a saved result, and
// the errors of formulas.
func TestCellKinds(t *testing.T) {
	f := excelize.NewFile()
	s := "Sheet1"
	must(t, f.SetSheetRow(s, "A1", &[]any{"text", 1234.5, "1234.5", true}))
	ymd := "yyyy-mm-dd"
	my := "mmm yyyy"
	yy := "yyyy"
	pct := style(t, f, &excelize.Style{NumFmt: 10})
	dayStyle := style(t, f, &excelize.Style{NumFmt: 14})
	monthStyle := style(t, f, &excelize.Style{CustomNumFmt: &my})
	yearStyle := style(t, f, &excelize.Style{CustomNumFmt: &yy})
	isoStyle := style(t, f, &excelize.Style{CustomNumFmt: &ymd})
	sci := "0.00E+00"
	sciStyle := style(t, f, &excelize.Style{CustomNumFmt: &sci})
	for i, c := range []struct {
		v     any
		style int
	}{{45688, dayStyle}, {45688, monthStyle}, {45688, yearStyle}, {45688.75, isoStyle}, {0.052, pct}, {1.5e10, sciStyle}} {
		cell, _ := excelize.CoordinatesToCellName(i+1, 2)
		must(t, f.SetCellValue(s, cell, c.v))
		must(t, f.SetCellStyle(s, cell, cell, c.style))
	}
	must(t, f.SetCellFormula(s, "A3", "B1*2")) // no saved result
	must(t, f.SetCellFormula(s, "B3", "NA()")) // a saved error
	must(t, f.SetCellValue(s, "B3", "#N/A"))   // excelize writes it as a string
	must(t, f.SetCellRichText(s, "C3", []excelize.RichTextRun{{Text: "GDP, "}, {Text: "current US$"}}))
	must(t, f.SetCellValue(s, "E3", "line one\nline two & more"))
	w := save(t, f)
	got := rows(t, w, "Sheet1")
	want := []string{
		"1: 1:text | 2:1234.5 | 1:1234.5 | 4:TRUE",
		"2: 3:2025-01-31 | 3:2025-01 | 3:2025 | 3:2025-01-31 | 2:5.2 | 2:15000000000",
		"3: 7: | 1:#N/A | 1:GDP, current US$ | 0: | 1:line one\nline two & more",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("rows:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestDateSystems: the 1900 system with Lotus's leap-year bug (serial 60
// is 29 February 1900, which did not exist; 59 is 28 February, 61 is 1
// March), and the 1904 system of old Mac workbooks.
func TestDateSystems(t *testing.T) {
	for _, c := range []struct {
		serial int
		d1904  bool
		want   string
	}{
		{1, false, "3:1900-01-01"},
		{59, false, "3:1900-02-28"},
		{60, false, "6:60 (the date is 29 February 1900, a day that did not exist (Excel keeps a bug of Lotus 1-2-3 that counts 1900 as a leap year): enter the date again)"},
		{61, false, "3:1900-03-01"},
		{45688, false, "3:2025-01-31"},
		{0, true, "3:1904-01-01"},
		{44226, true, "3:2025-01-31"},
		{2958466, false, "6:2958466 (the number 2958466 is formatted as a date but is no day Excel can show (1900 to 9999): enter the date again, or format the cell as a number)"},
	} {
		f := excelize.NewFile()
		if c.d1904 {
			yes := true
			must(t, f.SetWorkbookProps(&excelize.WorkbookPropsOptions{Date1904: &yes}))
		}
		must(t, f.SetCellValue("Sheet1", "A1", c.serial))
		must(t, f.SetCellStyle("Sheet1", "A1", "A1", style(t, f, &excelize.Style{NumFmt: 14})))
		w := save(t, f)
		if w.Date1904() != c.d1904 {
			t.Fatalf("Date1904 = %v", w.Date1904())
		}
		if got := rows(t, w, "Sheet1"); len(got) != 1 || got[0] != "1: "+c.want {
			t.Errorf("serial %d (1904: %v) = %q, want %q", c.serial, c.d1904, got, c.want)
		}
	}
}

// TestMergedCells fills a merged range from its first cell: a header
// merged across two rows, a title across columns, a name down rows.
func TestMergedCells(t *testing.T) {
	f := excelize.NewFile()
	s := "Sheet1"
	must(t, f.SetCellValue(s, "A1", "GDP of Central Asia"))
	must(t, f.MergeCell(s, "A1", "D1"))
	must(t, f.SetCellValue(s, "A3", "Country"))
	must(t, f.MergeCell(s, "A3", "A4"))
	must(t, f.SetCellValue(s, "B3", "GDP, current US$"))
	must(t, f.MergeCell(s, "B3", "C3"))
	must(t, f.SetSheetRow(s, "B4", &[]any{2022, 2023}))
	must(t, f.SetSheetRow(s, "A5", &[]any{"Kazakhstan", 1, 2}))
	must(t, f.MergeCell(s, "A5", "A6"))
	must(t, f.SetSheetRow(s, "B6", &[]any{3, 4}))
	w := save(t, f)
	want := []string{
		"1: 1:GDP of Central Asia | 1:GDP of Central Asia | 1:GDP of Central Asia | 1:GDP of Central Asia",
		"3: 1:Country | 1:GDP, current US$ | 1:GDP, current US$",
		"4: 1:Country | 2:2022 | 2:2023",
		"5: 1:Kazakhstan | 2:1 | 2:2",
		"6: 1:Kazakhstan | 2:3 | 2:4",
	}
	if got := rows(t, w, s); !reflect.DeepEqual(got, want) {
		t.Errorf("rows:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestAgreesWithExcelize reads a sheet of every kind of text and number
// and compares each cell with what excelize reads raw.
func TestAgreesWithExcelize(t *testing.T) {
	f := excelize.NewFile()
	s := "Data"
	must(t, f.SetSheetName("Sheet1", s))
	texts := []string{"", "plain", "  spaces  ", "a<b>&\"c'", "Қазақстан", "Кыргызстан", "tab\there", "_x000D_ kept", "emoji 📈", "=not a formula"}
	for r := 1; r <= 200; r++ {
		row := []any{texts[r%len(texts)], float64(r) * 1.1, -float64(r) / 7, fmt.Sprint(r), int64(r) * 1e12}
		cell, _ := excelize.CoordinatesToCellName(1, r)
		must(t, f.SetSheetRow(s, cell, &row))
	}
	path := filepath.Join(t.TempDir(), "book.xlsx")
	must(t, f.SaveAs(path))
	ef, err := excelize.OpenFile(path)
	must(t, err)
	want, err := ef.GetRows(s, excelize.Options{RawCellValue: true})
	must(t, err)
	w := open(t, path)
	rs, err := w.Rows(s)
	must(t, err)
	i := 0
	for rs.Next() {
		for i < len(want) && len(want[i]) == 0 {
			i++
		}
		var got []string
		for _, c := range rs.Cells() {
			got = append(got, c.Value)
		}
		if !reflect.DeepEqual(got, want[i]) {
			t.Errorf("row %d: %q, excelize %q", rs.Row(), got, want[i])
		}
		i++
	}
	must(t, rs.Err())
	if i != len(want) {
		t.Errorf("%d rows, excelize %d", i, len(want))
	}
}

func TestSheets(t *testing.T) {
	f := excelize.NewFile()
	_, err := f.NewSheet("Second")
	must(t, err)
	_, err = f.NewSheet("Third sheet")
	must(t, err)
	f.SetActiveSheet(1)
	must(t, f.SetSheetVisible("Sheet1", false))
	w := save(t, f)
	if got := w.Sheets(); !reflect.DeepEqual(got, []string{"Sheet1", "Second", "Third sheet"}) {
		t.Errorf("sheets %q", got)
	}
	if w.First() != "Second" {
		t.Errorf("first visible sheet %q", w.First())
	}
	if name, ok := w.Sheet("third SHEET"); !ok || name != "Third sheet" {
		t.Errorf("Sheet ignoring case: %q %v", name, ok)
	}
	if _, err := w.Rows("Fourth"); err == nil || err.Error() != `no sheet "Fourth"` {
		t.Errorf("missing sheet: %v", err)
	}
}

// TestNotAWorkbook: an .xls, a CSV renamed, a damaged zip.
func TestNotAWorkbook(t *testing.T) {
	for name, c := range map[string]struct {
		data []byte
		want string
	}{
		"xls":     {append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, make([]byte, 512)...), "Excel 97-2003 workbook (.xls)"},
		"csv":     {[]byte("indicator,entity\n"), "not an Excel workbook (.xlsx): the file is not a zip archive"},
		"damaged": {[]byte("PK\x03\x04garbage"), "the workbook is damaged"},
	} {
		_, err := Open(bytes.NewReader(c.data), int64(len(c.data)), DefaultLimits)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: %v, want %q", name, err, c.want)
		}
	}
}

// TestZipBomb: a sheet that unpacks to more than the limit is refused,
// by the size the zip states and by the bytes it really gives.
func TestZipBomb(t *testing.T) {
	f := excelize.NewFile()
	path := filepath.Join(t.TempDir(), "book.xlsx")
	must(t, f.SaveAs(path))
	// Rewrite the sheet as a megabyte of repeated rows: it compresses to
	// a few kilobytes.
	var sheet bytes.Buffer
	sheet.WriteString(`<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`)
	for r := 1; r <= 20000; r++ {
		fmt.Fprintf(&sheet, `<row r="%d"><c r="A%d"><v>1</v></c></row>`, r, r)
	}
	sheet.WriteString(`</sheetData></worksheet>`)
	bomb := rezip(t, path, map[string][]byte{"xl/worksheets/sheet1.xml": sheet.Bytes()})
	fh, err := os.Open(bomb)
	must(t, err)
	defer fh.Close()
	st, _ := fh.Stat()
	w, err := Open(fh, st.Size(), Limits{Part: 1 << 20, Sheet: 512 << 10})
	must(t, err)
	_, err = w.Rows("Sheet1")
	var tl *TooLargeError
	if !errors.As(err, &tl) || err.Error() != `the sheet "Sheet1" unpacks to more than 0 MiB: is it the right file? (a workbook this large may be a zip bomb)` {
		t.Errorf("bomb: %v", err)
	}
	// The stated size lies: the limit still holds while reading.
	lr := &limited{rc: nopCloser{bytes.NewReader(sheet.Bytes())}, left: 1000, what: "the sheet", max: 1000}
	if _, err := lr.Read(make([]byte, 2000)); err != nil {
		t.Fatal(err)
	}
	if _, err := lr.Read(make([]byte, 10)); !errors.As(err, &tl) {
		t.Errorf("read past the limit: %v", err)
	}
}

type nopCloser struct{ *bytes.Reader }

func (nopCloser) Close() error { return nil }

// rezip copies the workbook at path with some parts replaced.
func rezip(t *testing.T, path string, parts map[string][]byte) string {
	t.Helper()
	zr, err := zip.OpenReader(path)
	must(t, err)
	defer zr.Close()
	out := filepath.Join(t.TempDir(), "out.xlsx")
	fh, err := os.Create(out)
	must(t, err)
	zw := zip.NewWriter(fh)
	for _, f := range zr.File {
		w, err := zw.Create(f.Name)
		must(t, err)
		if b, ok := parts[f.Name]; ok {
			_, err = w.Write(b)
			must(t, err)
			continue
		}
		rc, err := f.Open()
		must(t, err)
		var buf bytes.Buffer
		_, err = buf.ReadFrom(rc)
		must(t, err)
		rc.Close()
		_, err = w.Write(buf.Bytes())
		must(t, err)
	}
	must(t, zw.Close())
	must(t, fh.Close())
	return out
}

// TestPrefixedAndHandWritten reads a sheet written with namespace
// prefixes, single quotes, no cell references, CDATA, comments and
// character references, as other tools than Excel write them.
func TestPrefixedAndHandWritten(t *testing.T) {
	f := excelize.NewFile()
	path := filepath.Join(t.TempDir(), "book.xlsx")
	must(t, f.SaveAs(path))
	sheet := `<?xml version="1.0" encoding="UTF-8"?>
<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><!-- made by hand --><x:sheetData>
<x:row><x:c t='inlineStr'><x:is><x:t>a &amp; b &#8364; &#x20AC;</x:t></x:is></x:c><x:c><x:v>1.5</x:v></x:c></x:row>
<x:row r='3'><x:c r='B3' t="inlineStr"><x:is><x:r><x:t>rich </x:t></x:r><x:r><x:t><![CDATA[<text>]]></x:t></x:r><x:rPh><x:t>phonetic</x:t></x:rPh></x:is></x:c></x:row>
</x:sheetData></x:worksheet>`
	w := open(t, rezip(t, path, map[string][]byte{"xl/worksheets/sheet1.xml": []byte(sheet)}))
	want := []string{"1: 1:a & b € € | 2:1.5", "3: 0: | 1:rich <text>"}
	if got := rows(t, w, "Sheet1"); !reflect.DeepEqual(got, want) {
		t.Errorf("rows:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestClassify(t *testing.T) {
	for code, want := range map[string]format{
		"yyyy-mm-dd": day, "dd.mm.yyyy": day, "mmm yyyy": month, "mmm-yy": month, "yyyy": year,
		"[$-409]mmmm d, yyyy;@": day, "0.0%": percent, "#,##0": plain, "0.00E+00": plain, "General": plain,
		`"Q"0`: plain, "h:mm AM/PM": clock, "[h]:mm:ss": clock, `#,##0" days"`: plain, `0.0" %"`: plain,
	} {
		if got := classify(code); got != want {
			t.Errorf("%s = %d, want %d", code, got, want)
		}
	}
}

// TestFindMerges: the merged ranges of a streamed sheet are found past
// the first chunks, also when their tag straddles two of them.
func TestFindMerges(t *testing.T) {
	for _, pad := range []int{0, 1, window - 30, window - 3, 3*window - 7} {
		var b bytes.Buffer
		b.WriteString(`<worksheet><sheetData>`)
		b.WriteString(strings.Repeat(" ", pad))
		b.WriteString(`<row r="1"><c r="A1"><v>1</v></c></row></sheetData><mergeCells count="2"><mergeCell ref="A1:B2"/><mergeCell ref="C3:C9"/></mergeCells></worksheet>`)
		got, err := findMerges(bytes.NewReader(b.Bytes()))
		if err != nil || !reflect.DeepEqual(got, []merge{{1, 1, 2, 2}, {3, 3, 9, 3}}) {
			t.Errorf("pad %d: %v %v", pad, got, err)
		}
	}
	if got, err := findMerges(strings.NewReader(`<worksheet><sheetData></sheetData></worksheet>`)); err != nil || got != nil {
		t.Errorf("no merges: %v %v", got, err)
	}
}

// TestFifteenDigits: a number cell is its stored value rounded to the 15
// significant digits Excel shows and keeps: 0.1+0.2 stored as
// 0.30000000000000004 (as a program writing a workbook may store it) is
// 0.3, and a percentage is rounded before it is shown as one. A value of
// 15 digits or fewer keeps its text.
func TestFifteenDigits(t *testing.T) {
	f := excelize.NewFile()
	pct := style(t, f, &excelize.Style{NumFmt: 10})
	path := filepath.Join(t.TempDir(), "book.xlsx")
	must(t, f.SaveAs(path))
	cells := ""
	for i, v := range []string{"0.30000000000000004", "123456789.12345679", "1.00000000000000", "1234567.8901234567", "-2.5000000000000001E-7", "1.2345678901234567e21", "17511793154.9652"} {
		cells += fmt.Sprintf(`<c r="%c1"><v>%s</v></c>`, 'A'+i, v)
	}
	sheet := `<?xml version="1.0" encoding="UTF-8"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
<row r="1">` + cells + `</row>
<row r="2"><c r="A2" s="` + fmt.Sprint(pct) + `"><v>0.30000000000000004</v></c><c r="B2" s="` + fmt.Sprint(pct) + `"><v>0.052</v></c></row>
</sheetData></worksheet>`
	w := open(t, rezip(t, path, map[string][]byte{"xl/worksheets/sheet1.xml": []byte(sheet)}))
	want := []string{
		"1: 2:0.3 | 2:123456789.123457 | 2:1.00000000000000 | 2:1234567.89012346 | 2:-2.5000000000000001E-7 | 2:1.23456789012346e+21 | 2:17511793154.9652",
		"2: 2:30 | 2:5.2",
	}
	if got := rows(t, w, "Sheet1"); !reflect.DeepEqual(got, want) {
		t.Errorf("rows:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
