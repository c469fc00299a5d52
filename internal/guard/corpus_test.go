package guard

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/txtar"
)

// vocab is what the sample data's catalogs know.
var vocab = &Vocabulary{Names: []string{
	"Kazakhstan", "Казахстан", "Uzbekistan", "Kyrgyzstan", "Tajikistan", "Russia", "Россия",
	"Trade turnover", "Central Asia", "Trade", "Industrial cooperation", "Energy", "Tourism and payments",
	"Astana", "Almaty", "Shymkent", "Semey", "Öskemen", "Cities",
}}

type corpusCase struct {
	name, expect, why, draft, polished string
}

func loadCorpus(t testing.TB) []corpusCase {
	paths, err := filepath.Glob("../../testdata/guard/*.txtar")
	if err != nil || len(paths) < 40 {
		t.Fatalf("guard corpus: %d cases, want at least 40 (%v)", len(paths), err)
	}
	var out []corpusCase
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		a := txtar.Parse(b)
		c := corpusCase{name: strings.TrimSuffix(filepath.Base(p), ".txtar")}
		for _, line := range strings.Split(string(a.Comment), "\n") {
			k, v, _ := strings.Cut(line, ": ")
			switch k {
			case "expect":
				c.expect = v
			case "why":
				c.why = v
			}
		}
		for _, f := range a.Files {
			switch f.Name {
			case "draft.md":
				c.draft = string(f.Data)
			case "polished.md":
				c.polished = string(f.Data)
			}
		}
		if c.expect != "accept" && c.expect != "reject" || c.draft == "" || c.polished == "" {
			t.Fatalf("%s: malformed case", p)
		}
		out = append(out, c)
	}
	return out
}

// TestCorpus runs the guard on real drafts of the sample and a dataset it
// has never seen, each with faithful rewordings (must pass, at least 90%)
// and subtle corruptions (must all fail), and reports both rates:
//
//	go test ./internal/guard -run TestCorpus -v
func TestCorpus(t *testing.T) {
	var faithful, accepted, corrupt, rejected int
	for _, c := range loadCorpus(t) {
		r := Check(c.draft, c.polished, vocab)
		switch c.expect {
		case "accept":
			faithful++
			if r.Accepted {
				accepted++
			} else {
				t.Logf("faithful %s (%s) rejected: %v", c.name, c.why, r.Reasons)
			}
		case "reject":
			corrupt++
			if !r.Accepted {
				rejected++
			} else {
				t.Errorf("corruption %s (%s) accepted", c.name, c.why)
			}
		}
	}
	t.Logf("faithful rewordings accepted: %d of %d (%.0f%%)", accepted, faithful, 100*float64(accepted)/float64(faithful))
	t.Logf("corruptions rejected: %d of %d (%.0f%%)", rejected, corrupt, 100*float64(rejected)/float64(corrupt))
	if faithful < 20 || corrupt < 20 {
		t.Errorf("corpus has %d faithful and %d corrupt cases, want 20 of each", faithful, corrupt)
	}
	if float64(accepted) < 0.9*float64(faithful) {
		t.Errorf("only %d of %d faithful rewordings accepted (want at least 90%%)", accepted, faithful)
	}
}
