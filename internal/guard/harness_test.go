package guard_test

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/briefhq/brief/internal/guard/guardtest"

	"github.com/rogpeppe/go-internal/txtar"

	"github.com/briefhq/brief/internal/dataset"
	"github.com/briefhq/brief/internal/guard"
	"github.com/briefhq/brief/internal/report"
)

// A harness case is one txtar file of testdata/guard (our own corpus) or
// testdata/guard/redteam (written blind to the code): comment lines
// "expect: accept|reject", "why: ...", "class: NAME"; files draft.md,
// polished.md (the text the model wants the section to read), optional
// vocab.txt (catalog names beyond the draft, one a line; absent = the
// sample data's catalogs) and optional reply.txt (a raw model answer,
// run through the whole pipeline by internal/polish's harness).
type harnessCase struct {
	file, name, class, expect, why string
	lang, source                   string
	draft, polished, reply         string
	vocab                          *guard.Vocabulary
}

var (
	sampleOnce  sync.Once
	sampleVocab *guard.Vocabulary
)

// sampleVocabulary is the vocabulary a brief of the bundled sample data
// gives the guard: every name of its catalogs (report.Vocabulary).
func sampleVocabulary(t testing.TB) *guard.Vocabulary {
	sampleOnce.Do(func() {
		ds, _, err := dataset.Load("../../data", dataset.Options{})
		if err != nil {
			t.Fatalf("sample data: %v", err)
		}
		sampleVocab = report.Vocabulary(ds)
	})
	return sampleVocab
}

func loadHarness(t testing.TB, pattern string) []harnessCase {
	paths, err := filepath.Glob(pattern)
	if err != nil {
		t.Fatal(err)
	}
	var out []harnessCase
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		a := txtar.Parse(b)
		c := harnessCase{file: p, name: strings.TrimSuffix(filepath.Base(p), ".txtar")}
		for _, line := range strings.Split(string(a.Comment), "\n") {
			k, v, _ := strings.Cut(strings.TrimSpace(line), ":")
			v = strings.TrimSpace(v)
			switch strings.TrimSpace(k) {
			case "expect":
				c.expect = v
			case "why":
				c.why = v
			case "class":
				c.class = v
			case "lang":
				c.lang = v
			case "source":
				c.source = v
			}
		}
		var vocab []string
		hasVocab := false
		for _, f := range a.Files {
			switch f.Name {
			case "draft.md":
				c.draft = string(f.Data)
			case "polished.md":
				c.polished = string(f.Data)
			case "reply.txt":
				c.reply = string(f.Data)
			case "vocab.txt":
				hasVocab = true
				for _, l := range strings.Split(string(f.Data), "\n") {
					if l = strings.TrimSpace(l); l != "" {
						vocab = append(vocab, l)
					}
				}
			}
		}
		if c.expect != "accept" && c.expect != "reject" || c.draft == "" || c.polished == "" && c.reply == "" {
			t.Fatalf("%s: malformed case: want expect: accept|reject, a draft.md and a polished.md or reply.txt", p)
		}
		if c.class == "" {
			c.class = "own-" + c.expect
		}
		switch {
		case hasVocab:
			// a case of its own names (our corpus): no dataset behind it
			c.vocab = &guard.Vocabulary{Names: vocab, Lang: c.lang}
		case c.lang != "":
			// A case in a language: its data's names in every case
			// form, of the dataset its source names (guardtest.DataDir).
			dir, err := guardtest.DataDir(c.source)
			if errors.Is(err, guardtest.ErrNoShared) {
				t.Logf("skipped %s: %v", filepath.Base(p), err)
				continue
			}
			if err != nil {
				t.Fatalf("%s: %v", p, err)
			}
			c.vocab = vocabData(t, dir, c.lang)
		default:
			c.vocab = sampleVocabulary(t)
		}
		if !hasVocab {
			// the dataset's own text, which a reply writes back
			// verbatim (Vocabulary.Data): every text of the case's
			// dataset a section may show (a superset of the section's)
			v := *c.vocab
			v.Data = guardtest.Texts(t, c.source, c.lang)
			c.vocab = &v
		}
		out = append(out, c)
	}
	return out
}

// tally counts one class's outcomes.
type tally struct {
	faithful, falseRejects, corrupt, falseAccepts int
}

// runHarness judges every plain-level case (polished.md) and reports,
// per class, the false accepts (a corruption accepted) and the false
// rejects (a faithful rewording refused).
func runHarness(t *testing.T, cases []harnessCase) map[string]*tally {
	counts := map[string]*tally{}
	for _, c := range cases {
		if c.polished == "" {
			continue // wire-level only: internal/polish runs it
		}
		k := counts[c.class]
		if k == nil {
			k = &tally{}
			counts[c.class] = k
		}
		r := guard.Check(c.draft, c.polished, c.vocab)
		switch c.expect {
		case "accept":
			k.faithful++
			if !r.Accepted {
				k.falseRejects++
				t.Logf("FALSE REJECT %s [%s] (%s): %s", c.name, c.class, c.why, strings.Join(r.Reasons, "; "))
			}
		case "reject":
			k.corrupt++
			if r.Accepted {
				k.falseAccepts++
				t.Errorf("corruption accepted: %s [%s] (%s)", c.name, c.class, c.why)
			}
		}
	}
	return counts
}

func report_(t *testing.T, title string, counts map[string]*tally) (total tally) {
	classes := make([]string, 0, len(counts))
	for k := range counts {
		classes = append(classes, k)
	}
	sort.Strings(classes)
	var b strings.Builder
	fmt.Fprintf(&b, "%s\n%-36s %8s %13s %8s %13s\n", title, "class", "faithful", "false-rejects", "corrupt", "false-accepts")
	for _, k := range classes {
		c := counts[k]
		fmt.Fprintf(&b, "%-36s %8d %13d %8d %13d\n", k, c.faithful, c.falseRejects, c.corrupt, c.falseAccepts)
		total.faithful += c.faithful
		total.falseRejects += c.falseRejects
		total.corrupt += c.corrupt
		total.falseAccepts += c.falseAccepts
	}
	fmt.Fprintf(&b, "%-36s %8d %13d %8d %13d", "TOTAL", total.faithful, total.falseRejects, total.corrupt, total.falseAccepts)
	t.Log(b.String())
	return total
}

// TestHarness runs both corpora through the guard, printing the counts
// per class:
//
//	go test ./internal/guard -run TestHarness -v
//
// It fails on any corruption accepted, or on more than 5% of faithful
// rewordings refused.
func TestHarness(t *testing.T) {
	for _, set := range []struct{ title, pattern string }{
		{"own corpus (testdata/guard)", "../../testdata/guard/*.txtar"},
		{"red team round 1 (testdata/guard/redteam/[0-9]*)", "../../testdata/guard/redteam/[0-9]*.txtar"},
		{"red team round 2 (testdata/guard/redteam/r2-*)", "../../testdata/guard/redteam/r2-*.txtar"},
		{"red team round 3 (testdata/guard/redteam/r3-*)", "../../testdata/guard/redteam/r3-*.txtar"},
	} {
		cases := loadHarness(t, set.pattern)
		if len(cases) == 0 {
			t.Logf("%s: no cases", set.title)
			continue
		}
		total := report_(t, set.title, runHarness(t, cases))
		if total.faithful > 0 && float64(total.falseRejects) > 0.05*float64(total.faithful) {
			t.Logf("%s: %d of %d faithful rewordings refused: more than the 5%% target (docs/polish.md)", set.title, total.falseRejects, total.faithful)
		}
		if total.falseRejects > maxFalseRejects[set.title] {
			t.Errorf("%s: %d of %d faithful rewordings refused, more than the %d measured when the guard was last tuned", set.title, total.falseRejects, total.faithful, maxFalseRejects[set.title])
		}
	}
}

// maxFalseRejects are the faithful rewordings refused, as measured when
// the vetted paraphrase patterns were added (lexicon [paraphrase];
// before them, with vetted synonyms only: own 17, r1 55, r2 9). The 5% target
// is not met (safety first; docs/polish.md); a change that refuses more
// fails. Rounds 3 and 4 have no plain-level case (wire-level only:
// internal/polish's TestRedTeamReplies). Round 1's 32 → 33: its
// 248-ok-contracted-synonym ("contracted" for "fell", of a GDP) is
// refused by design since red team round 19 (of GDP or output,
// "contracted" reads as real change).
var maxFalseRejects = map[string]int{
	"own corpus (testdata/guard)":                      16,
	"red team round 1 (testdata/guard/redteam/[0-9]*)": 33,
	"red team round 2 (testdata/guard/redteam/r2-*)":   1,
	"red team round 3 (testdata/guard/redteam/r3-*)":   0,
}

// TestIdentityReplyIsAccepted: the tool's own tokenised draft sent back
// unchanged is accepted, for every draft of both corpora (the red
// team's drafts are real briefs' sections). A refusal here is the guard
// refusing the draft itself.
func TestIdentityReplyIsAccepted(t *testing.T) {
	n := 0
	seen := map[string]bool{}
	for _, pattern := range []string{"../../testdata/guard/*.txtar", "../../testdata/guard/redteam/*.txtar"} {
		for _, c := range loadHarness(t, pattern) {
			if seen[c.draft] {
				continue
			}
			seen[c.draft] = true
			n++
			lk := guard.Lock(c.draft, c.vocab)
			if r := lk.Verify(lk.Text); !r.Accepted {
				t.Errorf("%s: the draft's own tokenised text is refused: %s", c.name, strings.Join(r.Reasons, "; "))
			}
		}
	}
	if n == 0 {
		t.Fatal("no draft in the corpora")
	}
	t.Logf("%d distinct drafts: each accepted as its own reply", n)
}
