// Command gendata writes a synthetic dataset of a given size for the
// benchmarks: monthly series of ten indicators for many entities in a few
// groups, with catalogs and events, deterministic for a given size.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
)

func main() {
	rows := flag.Int("rows", 100000, "number of observations")
	entities := flag.Int("entities", 0, "number of entities (default: rows/120, at least 10)")
	out := flag.String("out", "", "folder to write (created)")
	flag.Parse()
	if *out == "" {
		fmt.Fprintln(os.Stderr, "gendata: --out is required")
		os.Exit(2)
	}
	if err := run(*rows, *entities, *out); err != nil {
		fmt.Fprintln(os.Stderr, "gendata:", err)
		os.Exit(1)
	}
}

const indicators = 10

var units = [indicators]string{"USD", "USD", "%", "t", "GWh", "people", "USD", "%", "index", "projects"}

func run(rows, nEnt int, out string) error {
	if nEnt == 0 {
		nEnt = max(10, rows/(indicators*12))
	}
	months := max(1, (rows+nEnt*indicators-1)/(nEnt*indicators))
	if err := os.MkdirAll(out, 0o755); err != nil {
		return err
	}
	var ind, ent bufio.Writer
	fi, err := os.Create(filepath.Join(out, "indicators.yaml"))
	if err != nil {
		return err
	}
	defer fi.Close()
	ind.Reset(fi)
	ind.WriteString("topics:\n")
	for t := 0; t < 5; t++ {
		fmt.Fprintf(&ind, "  - {id: topic%d, name: Topic %d}\n", t, t)
	}
	ind.WriteString("indicators:\n")
	for i := 0; i < indicators; i++ {
		fmt.Fprintf(&ind, "  - {id: ind%d, name: Indicator %d, topic: topic%d, unit: %q, decimals: 1, higher_is: good}\n", i, i, i%5, units[i])
	}
	ind.Flush()
	fe, err := os.Create(filepath.Join(out, "entities.yaml"))
	if err != nil {
		return err
	}
	defer fe.Close()
	ent.Reset(fe)
	ent.WriteString("entities:\n")
	for e := 0; e < nEnt; e++ {
		fmt.Fprintf(&ent, "  - {id: E%05d, name: Entity %d, groups: [g%d]}\n", e, e, e%20)
	}
	ent.Flush()

	fo, err := os.Create(filepath.Join(out, "observations.csv"))
	if err != nil {
		return err
	}
	defer fo.Close()
	w := bufio.NewWriterSize(fo, 1<<20)
	w.WriteString("indicator,entity,period,value,unit,released,source,source_url,status\n")
	r := rand.New(rand.NewPCG(uint64(rows), 7))
	n := 0
	for e := 0; e < nEnt && n < rows; e++ {
		for i := 0; i < indicators && n < rows; i++ {
			base := 100 + r.Float64()*1000
			for m := 0; m < months && n < rows; m++ {
				y, mo := 2015+m/12, m%12+1
				v := base * (1 + 0.1*math.Sin(float64(m)/5+float64(e))) * (1 + 0.002*float64(m))
				if units[i] == "USD" {
					v *= 1e6
				}
				rel := fmt.Sprintf("%04d-%02d-15", y+(mo)/12, mo%12+1)
				w.WriteString("ind" + strconv.Itoa(i) + ",E" + fmt.Sprintf("%05d", e) + "," + fmt.Sprintf("%04d-%02d", y, mo) + "," +
					strconv.FormatFloat(v, 'f', 2, 64) + "," + units[i] + "," + rel + ",Synthetic statistics office,https://stats.example/" + strconv.Itoa(i) + ",actual\n")
				n++
			}
		}
	}
	if err := w.Flush(); err != nil {
		return err
	}
	return nil
}
