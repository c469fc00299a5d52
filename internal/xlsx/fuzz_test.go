package xlsx

import (
	"testing"
)

// FuzzSheet feeds any bytes to the sheet reader as a sheet's XML: it
// returns rows or an error, never panics, never loops.
func FuzzSheet(f *testing.F) {
	f.Add([]byte(`<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1"><v>1.5</v></c></row></sheetData><mergeCells><mergeCell ref="A1:B2"/></mergeCells></worksheet>`))
	f.Add([]byte(`<x:sheetData><x:row><x:c t='inlineStr'><x:is><x:t>a &amp; b</x:t></x:is></x:c></x:row>`))
	f.Add([]byte(`<sheetData><row r="2"><c r="XFD2" s="1"><v>45688</v></c><c r="A2"><f>1+</f></c></row><row r="1"/>`))
	f.Add([]byte(`<sheetData><row><c><v><![CDATA[<x>]]></v></c><c t="e"><v>#N/A</v></c><c t="b"><v>1</v></c><c t="d"><v>2025-01-31T00:00:00</v></c></row>`))
	f.Fuzz(func(t *testing.T, sheet []byte) {
		w := &Workbook{sst: []string{"a"}, sstRead: true, styles: []format{plain, day, percent, month}}
		r := &Rows{w: w, s: bytesScanner(sheet)}
		if merges, err := readMerges(bytesScanner(sheet)); err == nil {
			r.merges = merges
		}
		n := 0
		for r.Next() {
			if len(r.Cells()) > maxColumns {
				t.Fatalf("row %d has %d cells", r.Row(), len(r.Cells()))
			}
			n++
			if n > len(sheet) {
				t.Fatal("more rows than bytes")
			}
		}
	})
}
