package main

import (
	"log"
	"strconv"
	"time"

	"github.com/xuri/excelize/v2"
)

// workbooks writes the Excel fixtures: testdata/mapping/excel/book.xlsx,
// a workbook as an analyst keeps it, and
// testdata/bad/excel-cell/observations.xlsx, a tidy sheet with one value
// that is no number.
func workbooks() {
	gdp, names := worldBank("gdp/gdp.csv")
	rate := map[string]float64{}
	for _, r := range readCSV("euribor/euribor-3m-monthly.csv") {
		if r[1] == "" {
			continue // a month without a rate
		}
		v, err := strconv.ParseFloat(r[1], 64)
		if err != nil {
			log.Fatal(err)
		}
		rate[r[0][:7]] = v
	}

	f := excelize.NewFile()
	check := func(err error) {
		if err != nil {
			log.Fatal(err)
		}
	}
	style := func(s *excelize.Style) int {
		id, err := f.NewStyle(s)
		check(err)
		return id
	}
	bold := style(&excelize.Style{Font: &excelize.Font{Bold: true}})
	money := style(&excelize.Style{NumFmt: 3}) // #,##0
	monthFmt := "mmm yyyy"
	month := style(&excelize.Style{CustomNumFmt: &monthFmt})
	pctFmt := "0.000%"
	pct := style(&excelize.Style{CustomNumFmt: &pctFmt})
	fill := style(&excelize.Style{Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"FFF2CC"}}})

	// GDP: a title merged across the table, a header over two rows (the
	// names merged down, "GDP, current US$" merged across the years),
	// figures with thousands separators, Turkmenistan's typed in as text
	// (Excel's "number stored as text"), and formatted but empty rows
	// and columns after the table.
	s := "GDP"
	check(f.SetSheetName("Sheet1", s))
	check(f.SetCellValue(s, "A1", "GDP of Central Asia and Russia, current US$ (World Bank, World Development Indicators)"))
	check(f.MergeCell(s, "A1", "G1"))
	check(f.SetCellValue(s, "A3", "Country"))
	check(f.MergeCell(s, "A3", "A4"))
	check(f.SetCellValue(s, "B3", "Code"))
	check(f.MergeCell(s, "B3", "B4"))
	check(f.SetCellValue(s, "C3", "GDP, current US$"))
	check(f.MergeCell(s, "C3", "G3"))
	for i, y := range []int{2019, 2020, 2021, 2022, 2023} {
		cell, _ := excelize.CoordinatesToCellName(3+i, 4)
		check(f.SetCellValue(s, cell, y))
	}
	check(f.SetCellStyle(s, "A3", "G4", bold))
	for r, code := range []string{"KAZ", "KGZ", "RUS", "TJK", "TKM", "UZB"} {
		row := 5 + r
		check(f.SetCellValue(s, cell(1, row), names[code]))
		check(f.SetCellValue(s, cell(2, row), code))
		for i, y := range []int{2019, 2020, 2021, 2022, 2023} {
			v := gdp[code][y]
			if code == "TKM" {
				check(f.SetCellStr(s, cell(3+i, row), v))
				continue
			}
			n, err := strconv.ParseFloat(v, 64)
			check(err)
			check(f.SetCellValue(s, cell(3+i, row), n))
			check(f.SetCellStyle(s, cell(3+i, row), cell(3+i, row), money))
		}
	}
	check(f.SetCellStyle(s, "A12", "J14", fill)) // formatted, empty
	check(f.SetColWidth(s, "A", "A", 22))

	// Rates: dates as Excel stores them (serial numbers, shown as "Jan
	// 2024"), the rate as a percentage (0.03905 shown as 3.905%).
	s = "Rates"
	_, err := f.NewSheet(s)
	check(err)
	check(f.SetSheetRow(s, "A1", &[]any{"Month", "3-month Euribor"}))
	row := 2
	for m := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC); m.Year() < 2026; m = m.AddDate(0, 1, 0) {
		v, ok := rate[m.Format("2006-01")]
		if !ok {
			log.Fatalf("no Euribor for %s", m.Format("2006-01"))
		}
		check(f.SetCellValue(s, cell(1, row), m))
		check(f.SetCellStyle(s, cell(1, row), cell(1, row), month))
		check(f.SetCellFloat(s, cell(2, row), v/100, -1, 64))
		check(f.SetCellStyle(s, cell(2, row), cell(2, row), pct))
		row++
	}

	// Indicators: the catalog as a table, one row per indicator.
	s = "Indicators"
	_, err = f.NewSheet(s)
	check(err)
	for r, rec := range [][]any{
		{"id", "name", "topic", "unit", "unit_label", "decimals", "higher_is", "summary", "description"},
		{"gdp", "Gross domestic product", "economy", "USD", "", 1, "good", "", "GDP at current prices in US dollars (World Bank, NY.GDP.MKTP.CD)."},
		{"euribor_3m", "3-month Euribor", "rates", "%", "% a year", 3, "neutral", "level", "Euro interbank offered rate for three months (European Money Markets Institute)."},
	} {
		check(f.SetSheetRow(s, cell(1, r+1), &rec))
	}
	// Entities: the entity catalog, with groups.
	s = "Entities"
	_, err = f.NewSheet(s)
	check(err)
	check(f.SetSheetRow(s, "A1", &[]any{"id", "name", "short", "groups"}))
	for r, code := range []string{"KAZ", "KGZ", "RUS", "TJK", "TKM", "UZB"} {
		group := "central-asia"
		if code == "RUS" {
			group = ""
		}
		check(f.SetSheetRow(s, cell(1, r+2), &[]any{code, names[code], "", group}))
	}
	check(f.SetSheetRow(s, "A8", &[]any{"EA", "Euro area", "", ""}))
	check(f.SaveAs("testdata/mapping/excel/book.xlsx"))
	log.Println("wrote testdata/mapping/excel/book.xlsx")

	// A tidy sheet with a value typed as "n/a".
	b := excelize.NewFile()
	s = "Observations"
	check(b.SetSheetName("Sheet1", s))
	for r, rec := range [][]any{
		{"indicator", "entity", "period", "value", "unit", "source", "source_url"},
		{"gdp", "KAZ", 2023, number(gdp["KAZ"][2023]), "USD", "World Bank", "https://data.worldbank.org/indicator/NY.GDP.MKTP.CD"},
		{"gdp", "KGZ", 2023, "n/a", "USD", "World Bank", "https://data.worldbank.org/indicator/NY.GDP.MKTP.CD"},
	} {
		check(b.SetSheetRow(s, cell(1, r+1), &rec))
	}
	check(b.SaveAs("testdata/bad/excel-cell/observations.xlsx"))
	log.Println("wrote testdata/bad/excel-cell/observations.xlsx")
}

func number(s string) float64 {
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		log.Fatal(err)
	}
	return v
}

func cell(col, row int) string {
	c, err := excelize.CoordinatesToCellName(col, row)
	if err != nil {
		log.Fatal(err)
	}
	return c
}
