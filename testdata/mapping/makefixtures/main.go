// Command makefixtures writes the agency-shaped fixtures of
// testdata/mapping from the real files of ../shared/data: small excerpts,
// reshaped the way statistical agencies and spreadsheets publish them.
// Run it from the repository's root after changing it:
//
//	go run ./testdata/mapping/makefixtures
//
// The figures are the ones in ../shared/data (World Bank GDP and GDP
// deflator, gold prices, Euribor; public domain, ODC-PDDL-1.0); the
// layouts are the agencies'. What is not in the source files (SDMX flags,
// the "last update" stamp) is made up, and said so in each dataset.yaml.
package main

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"log"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
)

const shared = "../shared/data"

func main() {
	log.SetFlags(0)
	worldBankAPI()
	eurostatSDMX()
	europeanCSV()
	workbooks()
}

// readCSV reads a file of ../shared/data as records, without its header.
func readCSV(name string) [][]string {
	f, err := os.Open(filepath.Join(shared, name))
	if err != nil {
		log.Fatalf("%v (run from the repository's root, with ../shared beside it)", err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		log.Fatal(err)
	}
	return recs[1:]
}

func write(path string, b []byte) {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		log.Fatal(err)
	}
	if err := os.WriteFile(path, b, 0o644); err != nil {
		log.Fatal(err)
	}
	fmt.Println("wrote", path)
}

// series is one value per (code, year) of a World Bank file.
type series map[string]map[int]string

func worldBank(name string) (series, map[string]string) {
	s, names := series{}, map[string]string{}
	for _, r := range readCSV(name) {
		y, err := strconv.Atoi(r[2])
		if err != nil {
			log.Fatal(err)
		}
		if s[r[1]] == nil {
			s[r[1]] = map[int]string{}
		}
		s[r[1]][y] = r[3]
		names[r[1]] = r[0]
	}
	return s, names
}

// worldBankAPI writes GDP of Central Asia, Russia and two aggregates as
// the World Bank's API download (API_NY.GDP.MKTP.CD_DS2_en_csv_v2_*.csv)
// lays it out: a byte order mark, four lines of preamble, one column per
// year from 1960, every line ending with a comma, empty where there is no
// figure.
func worldBankAPI() {
	gdp, names := worldBank("gdp/gdp.csv")
	var b bytes.Buffer
	b.WriteString("\ufeff\"Data Source\",\"World Development Indicators\",\n\n\"Last Updated Date\",\"2024-06-28\",\n\n")
	head := []string{"Country Name", "Country Code", "Indicator Name", "Indicator Code"}
	for y := 1960; y <= 2023; y++ {
		head = append(head, strconv.Itoa(y))
	}
	b.WriteString(quoted(head) + "\n")
	for _, code := range []string{"ECS", "KAZ", "KGZ", "RUS", "TJK", "TKM", "UZB", "WLD"} {
		row := []string{names[code], code, "GDP (current US$)", "NY.GDP.MKTP.CD"}
		for y := 1960; y <= 2023; y++ {
			row = append(row, gdp[code][y])
		}
		b.WriteString(quoted(row) + "\n")
	}
	write("testdata/mapping/worldbank-api/API_NY.GDP.MKTP.CD_DS2_en_csv_v2.csv", b.Bytes())
}

// quoted is a line of the World Bank's files: every field quoted, and a
// comma at the end.
func quoted(fields []string) string {
	var b strings.Builder
	for _, f := range fields {
		b.WriteString(`"` + strings.ReplaceAll(f, `"`, `""`) + `",`)
	}
	return b.String()
}

// eurostatSDMX writes GDP (million US dollars) and the GDP deflator (%
// change on the year before) of seven EU countries, 2015-2023, in the
// SDMX-CSV layout of Eurostat's downloads: one row per observation with
// the dimensions as columns, Eurostat's country codes (EL for Greece) and
// an OBS_FLAG column. The figures are the World Bank's; the unit code
// CP_MUSD is made in Eurostat's style (its own is CP_MEUR), the flags
// ("p", provisional, on 2023) and the LAST UPDATE stamp are made up.
func eurostatSDMX() {
	gdp, _ := worldBank("gdp/gdp.csv")
	defl, _ := worldBank("inflation/inflation-consumer.csv")
	geos := []struct{ geo, wb string }{{"DE", "DEU"}, {"EL", "GRC"}, {"ES", "ESP"}, {"FR", "FRA"}, {"IT", "ITA"}, {"NL", "NLD"}, {"PL", "POL"}}
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	w.Write([]string{"DATAFLOW", "LAST UPDATE", "freq", "unit", "geo", "TIME_PERIOD", "OBS_VALUE", "OBS_FLAG"})
	for _, u := range []struct {
		code string
		s    series
		div  float64
	}{{"CP_MUSD", gdp, 1e6}, {"PD_PCH_PRE_NAC", defl, 1}} {
		for _, g := range geos {
			for y := 2015; y <= 2023; y++ {
				v, err := strconv.ParseFloat(u.s[g.wb][y], 64)
				if err != nil {
					log.Fatalf("%s %s %d: %v", u.code, g.wb, y, err)
				}
				flag := ""
				if y == 2023 {
					flag = "p"
				}
				w.Write([]string{"ESTAT:NAMA_10_GDP(1.0)", "22/04/24 23:00:00", "A", u.code, g.geo, strconv.Itoa(y),
					strconv.FormatFloat(math.Round(v/u.div*10)/10, 'f', 1, 64), flag})
			}
		}
	}
	w.Flush()
	write("testdata/mapping/eurostat-sdmx/estat_nama_10_gdp.csv", b.Bytes())
}

// europeanCSV writes the monthly gold price and 3-month Euribor of 2024
// and 2025 as a German Excel saves "CSV (Trennzeichen-getrennt)": a byte
// order mark, semicolons, CRLF line ends, dates as 01.01.2024, decimal
// commas and thousands dots (2.034,04).
func europeanCSV() {
	gold := map[string]float64{}
	for _, r := range readCSV("gold/monthly.csv") {
		v, _ := strconv.ParseFloat(r[1], 64)
		gold[r[0]] = v
	}
	rate := map[string]string{}
	for _, r := range readCSV("euribor/euribor-3m-monthly.csv") {
		rate[r[0][:7]] = r[1]
	}
	var months []string
	for m := range gold {
		if m >= "2024-01" && m <= "2025-12" {
			months = append(months, m)
		}
	}
	sort.Strings(months)
	var b bytes.Buffer
	b.WriteString("\ufeffMonat;Gold (USD je Feinunze);Euribor 3 Monate (%)\r\n")
	for _, m := range months {
		r, err := strconv.ParseFloat(rate[m], 64)
		if err != nil {
			log.Fatalf("euribor %s: %v", m, err)
		}
		fmt.Fprintf(&b, "01.%s.%s;%s;%s\r\n", m[5:7], m[:4], german(gold[m], 2), german(r, 3))
	}
	write("testdata/mapping/european-csv/gold-euribor.csv", b.Bytes())
}

// german writes v as German Excel shows it: 2.034,04.
func german(v float64, decimals int) string {
	s := strconv.FormatFloat(v, 'f', decimals, 64)
	intPart, frac, _ := strings.Cut(s, ".")
	var g []string
	for len(intPart) > 3 {
		g = append([]string{intPart[len(intPart)-3:]}, g...)
		intPart = intPart[:len(intPart)-3]
	}
	g = append([]string{intPart}, g...)
	return strings.Join(g, ".") + "," + frac
}
