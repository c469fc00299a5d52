package oracle

import (
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"
)

// A generated dataset: the tidy files of two successive vintages (v1 for
// the brief of week W1, v2, with revised values and later releases, for
// the brief of week W2) and the rows the oracle reads.
type generated struct {
	Seed   uint64
	W1, W2 isoWeek
	V1, V2 *dataset
	files  map[string]string // catalog files, shared by both vintages
	csv1   string
	csv2   string
	// an agency's shape (docs/mapping.md, "Agency files"), in half the
	// datasets: the folder's dataset.yaml and observation file of each
	// vintage, instead of observations.csv
	lay          *layout
	agen1, agen2 map[string]string
}

type profile struct {
	unit, name string
	additive   *bool
	comparable *bool
	summary    string
	negative   bool // values may be negative
	cumulative bool
}

func bptr(b bool) *bool { return &b }

// profiles covers the catalog semantics of the README: explicit and
// default additivity and comparability, flows and cumulative counts.
var profiles = []profile{
	{unit: "USD", name: "Exports"}, // money: additive by default
	{unit: "USD", name: "Net balance", additive: bptr(true), negative: true},
	{unit: "projects", name: "Projects"},                                // a count: additive by default
	{unit: "%", name: "Growth", negative: true},                         // percent: not additive, changes in points
	{unit: "USD per barrel", name: "Oil"},                               // per something: not additive
	{unit: "national currency per USD", name: "Exchange rate"},          // not comparable: never ranked
	{unit: "kt", name: "Output", additive: bptr(true), summary: "flow"}, // a flow
	{unit: "cases", name: "Cases", summary: "cumulative", cumulative: true},
	{unit: "points", name: "Score card", additive: bptr(false), comparable: bptr(true), negative: true},
	{unit: "USD", name: "Reserves", comparable: bptr(false)},
}

var freqs = []byte{'D', 'B', 'W', 'M', 'Q', 'A'}

// periodAt returns the period of frequency f that is n steps after the
// one containing t (n may be negative).
func periodAt(f byte, t time.Time, n int) period {
	var id string
	switch f {
	case 'D':
		id = t.AddDate(0, 0, n).Format("2006-01-02")
	case 'B':
		d := t
		for d.Weekday() == time.Saturday || d.Weekday() == time.Sunday {
			d = d.AddDate(0, 0, -1)
		}
		step := 1
		if n < 0 {
			step, n = -1, -n
		}
		for i := 0; i < n; {
			d = d.AddDate(0, 0, step)
			if d.Weekday() != time.Saturday && d.Weekday() != time.Sunday {
				i++
			}
		}
		id = d.Format("2006-01-02")
	case 'W':
		y, w := t.AddDate(0, 0, 7*n).ISOWeek()
		id = fmt.Sprintf("%04d-W%02d", y, w)
	case 'M':
		id = time.Date(t.Year(), t.Month()+time.Month(n), 1, 0, 0, 0, 0, time.UTC).Format("2006-01")
	case 'Q':
		q := (int(t.Month())-1)/3 + n
		y := t.Year() + int(math.Floor(float64(q)/4))
		q = ((q % 4) + 4) % 4
		id = fmt.Sprintf("%04d-Q%d", y, q+1)
	default:
		id = strconv.Itoa(t.Year() + n)
	}
	p, err := parsePeriod(id)
	if err != nil {
		panic(err)
	}
	return p
}

func lagDays(r *rand.Rand, f byte) int {
	switch f {
	case 'D', 'B':
		return r.IntN(3)
	case 'W':
		return r.IntN(6)
	case 'M':
		return 3 + r.IntN(40)
	case 'Q':
		return 15 + r.IntN(60)
	}
	return 30 + r.IntN(200)
}

func roundTo(v float64, dec int) float64 {
	p := math.Pow(10, float64(dec))
	return math.Round(v*p) / p
}

// generate makes the dataset of one seed.
func generate(seed uint64) *generated {
	r := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	// a second stream for what running totals do in real reporting (stall,
	// fall): drawn apart, so that the datasets without a running total are
	// the same as before it was added
	rc := rand.New(rand.NewPCG(seed^0x5851f42d4c957f2d, seed))
	g := &generated{Seed: seed, files: map[string]string{}}
	anchor := time.Date(2019, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, r.IntN(6*365))
	g.W1 = weekOf(anchor.AddDate(0, 0, r.IntN(40)-30))
	g.W2 = weekOf(g.W1.Start.AddDate(0, 0, 7*(1+r.IntN(3))))
	hasReleased := r.IntN(5) > 0

	// entities and groups
	nEnt := 3 + r.IntN(5)
	var ents []entityDef
	for i := 1; i <= nEnt; i++ {
		ents = append(ents, entityDef{ID: fmt.Sprintf("E%d", i)})
	}
	withEntities := r.IntN(10) > 0
	var groupIDs []string
	if withEntities {
		nGroups := 1 + r.IntN(3)
		for gi := 1; gi <= nGroups; gi++ {
			id := fmt.Sprintf("g%d", gi)
			groupIDs = append(groupIDs, id)
			p := 0.3 + 0.6*r.Float64()
			for i := range ents {
				if r.Float64() < p {
					ents[i].Groups = append(ents[i].Groups, id)
				}
			}
		}
	}
	var b strings.Builder
	if withEntities {
		b.WriteString("groups:\n")
		for _, id := range groupIDs {
			fmt.Fprintf(&b, "  - {id: %s, name: Group %s}\n", id, strings.ToUpper(id))
		}
		b.WriteString("entities:\n")
		for _, e := range ents {
			fmt.Fprintf(&b, "  - {id: %s, name: Entity %s, groups: [%s]}\n", e.ID, e.ID, strings.Join(e.Groups, ", "))
		}
		b.WriteString("  - {id: CP, name: Counterpart}\n")
		g.files["entities.yaml"] = b.String()
	}

	// indicators
	nInd := 2 + r.IntN(4)
	inds := map[string]*indicatorDef{}
	type spec struct {
		def  *indicatorDef
		prof profile
		freq byte
		cp   string
	}
	var specs []spec
	b.Reset()
	b.WriteString("topics:\n  - {id: t1, name: First}\n  - {id: t2, name: Second}\nindicators:\n")
	for i := 1; i <= nInd; i++ {
		pr := profiles[r.IntN(len(profiles))]
		def := &indicatorDef{ID: fmt.Sprintf("i%d", i), Name: fmt.Sprintf("%s %d", pr.name, i),
			Topic: fmt.Sprintf("t%d", 1+r.IntN(2)), Unit: pr.unit, Additive: pr.additive, Comparable: pr.comparable, Summary: pr.summary}
		inds[def.ID] = def
		fmt.Fprintf(&b, "  - id: %s\n    name: %s\n    topic: %s\n    unit: %q\n    decimals: 2\n    higher_is: neutral\n", def.ID, def.Name, def.Topic, def.Unit)
		if pr.additive != nil {
			fmt.Fprintf(&b, "    additive: %v\n", *pr.additive)
		}
		if pr.comparable != nil {
			fmt.Fprintf(&b, "    comparable: %v\n", *pr.comparable)
		}
		if pr.summary != "" {
			fmt.Fprintf(&b, "    summary: %s\n", pr.summary)
		}
		sp := spec{def: def, prof: pr, freq: freqs[r.IntN(len(freqs))]}
		if withEntities && r.IntN(5) == 0 {
			sp.cp = "CP"
		}
		specs = append(specs, sp)
	}
	g.files["indicators.yaml"] = b.String()

	// rows of v1, and what v2 changes
	type genRow struct {
		r       row
		revised float64 // v2's value when revised
		isRev   bool
	}
	var rows []*genRow
	maxPeriods := map[byte]int{'D': 60, 'B': 60, 'W': 40, 'M': 30, 'Q': 14, 'A': 10}
	for _, sp := range specs {
		tieMode := r.IntN(3) == 0
		level := math.Pow(10, float64(r.IntN(7)))
		gaps := r.IntN(3) == 0
		nper := 3 + r.IntN(maxPeriods[sp.freq])
		for _, e := range ents {
			if r.IntN(5) == 0 {
				continue
			}
			shift := 0
			switch x := r.IntN(10); {
			case x == 0:
				shift = 1 + r.IntN(2) // a member with newer periods
			case x <= 2:
				shift = -1 - r.IntN(3) // a lagging member
			case x == 3:
				shift = -2 * nper / 3 // long overdue
			}
			end := anchor
			cum := level * r.Float64()
			n := 1 + r.IntN(nper)
			// a running total may stall (no new figure for a while) and
			// fall (a downward revision in the data)
			stallFrom, stallLen, dropAt := -1, 0, -1
			if sp.prof.cumulative {
				if rc.IntN(3) == 0 {
					stallFrom, stallLen = rc.IntN(n), 3+rc.IntN(12)
				}
				if rc.IntN(3) == 0 {
					dropAt = rc.IntN(n)
				}
			}
			for k := n - 1; k >= 0; k-- {
				j := n - 1 - k // 0 for the first period
				p := periodAt(sp.freq, end, shift-k)
				if gaps && k > 0 && r.IntN(6) == 0 {
					continue
				}
				var v float64
				switch {
				case sp.prof.cumulative:
					if r.IntN(4) > 0 && (j < stallFrom || j >= stallFrom+stallLen) {
						cum += level * r.Float64()
					}
					if j == dropAt {
						cum = math.Max(0, cum-level*rc.Float64())
					}
					v = cum
				case tieMode:
					v = level * float64(1+r.IntN(3))
				default:
					v = level * r.Float64() * 10
				}
				if sp.prof.negative && r.IntN(4) == 0 {
					v = -v
				}
				v = roundTo(v, 2)
				gr := &genRow{r: row{Indicator: sp.def.ID, Entity: e.ID, Counterpart: sp.cp, P: p, Value: v, Unit: sp.def.Unit, Status: "actual"}}
				if r.IntN(10) == 0 {
					gr.r.Status = "estimate"
				}
				if hasReleased && r.IntN(20) > 0 {
					gr.r.Released = p.End.AddDate(0, 0, lagDays(r, sp.freq)).Format("2006-01-02")
				}
				if r.IntN(10) == 0 {
					gr.isRev = true
					gr.revised = roundTo(v+level*(r.Float64()-0.5), 2)
					if sp.prof.cumulative && gr.revised < 0 {
						gr.revised = 0
					}
				}
				rows = append(rows, gr)
			}
			if r.IntN(5) == 0 { // a plan or target beyond the data
				p := periodAt(sp.freq, end, shift+1+r.IntN(3))
				st := "plan"
				if r.IntN(2) == 0 {
					st = "target"
				}
				gr := &genRow{r: row{Indicator: sp.def.ID, Entity: e.ID, Counterpart: sp.cp, P: p, Value: roundTo(level*r.Float64()*10, 2), Unit: sp.def.Unit, Status: st}}
				if hasReleased && r.IntN(3) > 0 {
					gr.r.Released = g.W1.Start.AddDate(0, 0, -r.IntN(60)).Format("2006-01-02")
				}
				rows = append(rows, gr)
			}
		}
	}
	// a future period must not be an actual figure (validate refuses it)
	today, _ := parseDate(generatedAt)
	for _, gr := range rows {
		if gr.r.P.Start.After(today) && !gr.r.isPlan() {
			gr.r.Status = "estimate"
		}
	}
	r.Shuffle(len(rows), func(i, j int) { rows[i], rows[j] = rows[j], rows[i] })

	write := func(v2 bool) (string, *dataset) {
		var sb strings.Builder
		sb.WriteString("indicator,entity,counterpart,period,value,unit,")
		if hasReleased {
			sb.WriteString("released,")
		}
		sb.WriteString("source,source_url,status\n")
		ds := &dataset{Indicators: inds, HasReleased: hasReleased}
		if withEntities {
			ds.Entities = append(ents, entityDef{ID: "CP"})
		}
		for i, gr := range rows {
			rw := gr.r
			rw.File, rw.Line = "observations.csv", i+2
			if v2 && gr.isRev && visible(&gr.r, g.W1.End) {
				rw.Value = gr.revised
				if hasReleased {
					rw.Released = g.W2.Start.AddDate(0, 0, r.IntN(7)).Format("2006-01-02")
				}
			}
			fmt.Fprintf(&sb, "%s,%s,%s,%s,%s,%s,", rw.Indicator, rw.Entity, rw.Counterpart, rw.P.ID,
				strconv.FormatFloat(rw.Value, 'f', -1, 64), rw.Unit)
			if hasReleased {
				sb.WriteString(rw.Released + ",")
			}
			fmt.Fprintf(&sb, "Source %s,https://example.org/%s,%s\n", rw.Indicator, rw.Indicator, rw.Status)
			ds.Rows = append(ds.Rows, &rw)
		}
		return sb.String(), ds
	}
	g.csv1, g.V1 = write(false)
	g.csv2, g.V2 = write(true)
	// the shape of the observation file, drawn from a stream of its own
	ra := rand.New(rand.NewPCG(seed^0x2545f4914f6cdd1d, seed+1))
	plans, days, months := false, false, false
	kinds := map[byte]bool{}
	for _, gr := range rows {
		plans = plans || gr.r.isPlan()
		days = days || gr.r.P.Kind == 'D'
		months = months || gr.r.P.Kind == 'M'
		kinds[gr.r.P.Kind] = true
	}
	g.lay = drawLayout(ra, plans, days, months, nInd, kinds)
	if g.lay.PerInd && !g.lay.Wide && g.lay.Declared == "" { // each entry may say what its dates stand for
		g.lay.DeclaredInd = map[string]string{}
		for _, sp := range specs {
			if d := map[byte]string{'W': "week", 'M': "month", 'Q': "quarter", 'A': "year"}[sp.freq]; d != "" && ra.IntN(2) == 0 {
				g.lay.DeclaredInd[sp.def.ID] = d
			}
		}
	}
	if g.lay.Agency {
		g.agen1 = g.lay.render(ra, g.V1.Rows, inds, hasReleased)
		g.agen2 = g.lay.render(ra, g.V2.Rows, inds, hasReleased)
	} else if ra.IntN(4) == 0 { // a workbook alone: observations.xlsx with its catalogs as sheets
		g.lay.TidyXLSX = true
		var ec []entityDef
		if withEntities {
			ec = append(ents, entityDef{ID: "CP"})
		}
		g.agen1 = map[string]string{"observations.xlsx": tidyWorkbook(ra, g.csv1, inds, ec)}
		g.agen2 = map[string]string{"observations.xlsx": tidyWorkbook(ra, g.csv2, inds, ec)}
		for _, ds := range []*dataset{g.V1, g.V2} {
			for _, r := range ds.Rows {
				r.File = "observations.xlsx"
			}
		}
	}
	return g
}

// writeTo writes vintage v (1 or 2) into dir.
func (g *generated) writeTo(dir string, v int) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	names := make([]string, 0, len(g.files))
	for n := range g.files {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		if g.lay != nil && g.lay.TidyXLSX {
			break // the catalogs are sheets of the workbook
		}
		if err := os.WriteFile(filepath.Join(dir, n), []byte(g.files[n]), 0o644); err != nil {
			return err
		}
	}
	if g.lay != nil && (g.lay.Agency || g.lay.TidyXLSX) {
		files := g.agen1
		if v == 2 {
			files = g.agen2
		}
		for n, s := range files {
			if err := os.WriteFile(filepath.Join(dir, n), []byte(s), 0o644); err != nil {
				return err
			}
		}
		return nil
	}
	csv := g.csv1
	if v == 2 {
		csv = g.csv2
	}
	return os.WriteFile(filepath.Join(dir, "observations.csv"), []byte(csv), 0o644)
}
