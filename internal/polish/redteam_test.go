package polish_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/briefhq/brief/internal/guard/guardtest"

	"github.com/rogpeppe/go-internal/txtar"

	"github.com/briefhq/brief/internal/dataset"
	"github.com/briefhq/brief/internal/guard"
	"github.com/briefhq/brief/internal/locale"
	"github.com/briefhq/brief/internal/polish"
	"github.com/briefhq/brief/internal/report"
)

var (
	sampleOnce  sync.Once
	sampleVocab *guard.Vocabulary
)

func sample(t *testing.T) *guard.Vocabulary {
	sampleOnce.Do(func() {
		ds, _, err := dataset.Load("../../data", dataset.Options{})
		if err != nil {
			t.Fatalf("sample data: %v", err)
		}
		sampleVocab = report.Vocabulary(ds)
	})
	return sampleVocab
}

var (
	langVocabMu sync.Mutex
	langVocabs  = map[string]*guard.Vocabulary{}
)

// vocabIn is the vocabulary a brief in lang of a dataset gives the guard
// (report.VocabularyIn): a Russian or Kazakh case ("lang: ru") is judged
// in its language, with every case form of the catalog, of the dataset
// the case's "source:" names (guardtest.DataDir).
func vocabIn(t *testing.T, lang, source string) *guard.Vocabulary {
	dir, err := guardtest.DataDir(source)
	if err != nil {
		t.Fatal(err)
	}
	langVocabMu.Lock()
	defer langVocabMu.Unlock()
	if v := langVocabs[dir+lang]; v != nil {
		return v
	}
	ds, _, err := dataset.Load(dir, dataset.Options{})
	if err != nil {
		t.Fatalf("%s: %v", dir, err)
	}
	reg, err := locale.Default()
	if err != nil {
		t.Fatal(err)
	}
	lc, err := reg.Match(lang)
	if err != nil {
		t.Fatal(err)
	}
	v := report.VocabularyIn(ds, lc)
	langVocabs[dir+lang] = v
	return v
}

// TestRedTeamReplies runs the red team's wire-level cases (a file
// reply.txt: a raw model answer to the real request for the draft)
// through the whole polish: a local fake endpoint answers with
// reply.txt, and the section is polished if the guard accepts it.
// Counts per class; fails on any corruption printed or more than 5% of
// faithful answers refused:
//
//	go test ./internal/polish -run TestRedTeamReplies -v
//
// BRIEF_REDTEAM_RULES_ALONE=1 passes no data list: what the frame rules
// hold without the dataset's text (docs/polish.md).
//
// BRIEF_DUMP_REQUESTS=DIR writes the user message sent for each case's
// draft to DIR/NAME.txt (what a reply answers).
func TestRedTeamReplies(t *testing.T) {
	if testing.Short() {
		// CI's race run (-race -short): the corpus is the same calls
		// over four thousand cases, ten times slower under the race
		// detector; the plain run checks every case
		t.Skip("the red-team corpus runs without -short")
	}
	paths, _ := filepath.Glob("../../testdata/guard/redteam/*.txtar")
	type tally struct{ faithful, falseRejects, corrupt, falseAccepts int }
	counts := map[string]*tally{}
	perRound := map[string]*tally{}
	for _, r := range rounds {
		perRound[r] = &tally{}
	}
	dump := os.Getenv("BRIEF_DUMP_REQUESTS")
	n, skipped := 0, 0
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		a := txtar.Parse(b)
		var draft, reply, expect, class, lang, source, sent, sentSlots string
		var vocab *guard.Vocabulary
		var data []string
		hasData := false
		for _, line := range strings.Split(string(a.Comment), "\n") {
			k, v, _ := strings.Cut(line, ":")
			switch strings.TrimSpace(k) {
			case "expect":
				expect = strings.TrimSpace(v)
			case "class":
				class = strings.TrimSpace(v)
			case "lang":
				lang = strings.TrimSpace(v)
			case "source":
				source = strings.TrimSpace(v)
			}
		}
		for _, f := range a.Files {
			switch f.Name {
			case "draft.md":
				draft = string(f.Data)
			case "reply.txt":
				reply = string(f.Data)
			case "sent.md":
				sent = string(f.Data)
			case "sent-slots.txt":
				sentSlots = string(f.Data)
			case "data.txt":
				hasData = true
				data = parseDataList(t, p, string(f.Data))
			case "vocab.txt":
				vocab = &guard.Vocabulary{}
				for _, l := range strings.Split(string(f.Data), "\n") {
					if l = strings.TrimSpace(l); l != "" {
						vocab.Names = append(vocab.Names, l)
					}
				}
			}
		}
		if vocab == nil && lang != "" {
			if _, err := guardtest.DataDir(source); errors.Is(err, guardtest.ErrNoShared) {
				skipped++
				t.Logf("skipped %s: %v", filepath.Base(p), err)
				continue
			}
			vocab = vocabIn(t, lang, source)
		}
		if vocab == nil {
			vocab = sample(t)
		}
		if !hasData {
			// no <data> list recorded: the dataset's text, every string
			// a section of it may quote (a superset of the section's)
			data = guardtest.Texts(t, source, lang)
		}
		if os.Getenv("BRIEF_REDTEAM_RULES_ALONE") != "" {
			// what the frame rules hold by themselves: no data list
			// (docs/polish.md, "rules alone")
			data = nil
		}
		if os.Getenv("BRIEF_REDTEAM_FREEZE") != "" && reply != "" && sentSlots == "" {
			freezeLock(t, p, a, draft, sent, vocab)
			continue
		}
		switch {
		case sent != "" && sentSlots != "" && reply != "":
			reply = fromOldTokens(t, draft, sent, sentSlots, reply, vocab)
		case sent != "" && reply != "":
			// round 9: sent without its slots, the reply answers today's
			// lock of the draft as it is, while that lock is unchanged
			if got := guard.Lock(draft, vocab).Text; strings.TrimSpace(got) != strings.TrimSpace(sent) {
				t.Fatalf("%s: the lock of draft.md is no longer sent.md, what the reply answers: record sent-slots.txt (the old lock's slots) so the reply can be carried over\ngot\n%s", p, got)
			}
		}
		if show := os.Getenv("BRIEF_REDTEAM_SHOW"); show != "" && strings.Contains(p, show) {
			t.Logf("%s: the locked draft\n%s\nthe reply\n%s", p, guard.Lock(draft, vocab).Text, reply)
		}
		name := strings.TrimSuffix(filepath.Base(p), ".txtar")
		if dump != "" {
			writeRequest(t, dump, name, draft, vocab)
		}
		if reply == "" {
			continue
		}
		n++
		out, d := polishWithData(t, draft, reply, vocab, data)
		k := counts[class]
		if k == nil {
			k = &tally{}
			counts[class] = k
		}
		// A corruption counts as printed when the reader sees it: a reply
		// accepted whose section prints as the draft, byte for byte
		// (r6-048: a soft hyphen, stripped before the check and the
		// print), changed nothing on the page.
		printed := d.Accepted
		if expect == "reject" && printed && out == draft {
			printed = false
			t.Logf("accepted, printed as the draft byte for byte: %s [%s]", name, class)
		}
		switch expect {
		case "accept":
			k.faithful++
			perRound[roundOf(name)].faithful++
			if !printed {
				k.falseRejects++
				perRound[roundOf(name)].falseRejects++
				t.Logf("FALSE REJECT %s [%s]: %s %s", name, class, d.Error, strings.Join(d.Reasons, "; "))
			}
		case "reject":
			k.corrupt++
			perRound[roundOf(name)].corrupt++
			if printed {
				k.falseAccepts++
				perRound[roundOf(name)].falseAccepts++
				t.Errorf("corrupt reply printed: %s [%s]", name, class)
			}
		}
	}
	if n == 0 {
		t.Skip("no wire-level case (reply.txt) in testdata/guard/redteam")
	}
	var classes []string
	for c := range counts {
		classes = append(classes, c)
	}
	sort.Strings(classes)
	var total tally
	var sb strings.Builder
	fmt.Fprintf(&sb, "%-36s %8s %13s %8s %13s\n", "class", "faithful", "false-rejects", "corrupt", "false-accepts")
	for _, c := range classes {
		k := counts[c]
		fmt.Fprintf(&sb, "%-36s %8d %13d %8d %13d\n", c, k.faithful, k.falseRejects, k.corrupt, k.falseAccepts)
		total.faithful += k.faithful
		total.falseRejects += k.falseRejects
		total.corrupt += k.corrupt
		total.falseAccepts += k.falseAccepts
	}
	fmt.Fprintf(&sb, "%-36s %8d %13d %8d %13d", "TOTAL", total.faithful, total.falseRejects, total.corrupt, total.falseAccepts)
	t.Log("wire level (reply.txt through the pipeline)\n" + sb.String())
	if float64(total.falseRejects) > 0.05*float64(total.faithful) {
		t.Logf("%d of %d faithful replies refused: more than the 5%% target (docs/polish.md)", total.falseRejects, total.faithful)
	}
	for _, r := range rounds {
		k := perRound[r]
		t.Logf("round %s (wire): %d of %d corrupt replies printed, %d of %d faithful replies refused", r, k.falseAccepts, k.corrupt, k.falseRejects, k.faithful)
		if k.falseRejects > maxWireFalseRejects[r] {
			t.Errorf("round %s: %d of %d faithful replies refused, more than the %d measured when the guard was last tuned", r, k.falseRejects, k.faithful, maxWireFalseRejects[r])
		}
	}
}

// freezeLock records, in a case whose reply answers today's lock of its
// draft, that lock (sent.md) and its slots (sent-slots.txt: id, text,
// rounded text), so that the reply still answers it when the lock
// changes (fromOldTokens carries it over). BRIEF_REDTEAM_FREEZE=1 runs
// it over every such case, before a change to the lock.
func freezeLock(t *testing.T, path string, a *txtar.Archive, draft, sent string, v *guard.Vocabulary) {
	lk := guard.Lock(draft, v)
	if sent != "" && strings.TrimSpace(sent) != strings.TrimSpace(lk.Text) {
		t.Fatalf("%s: sent.md is not today's lock of draft.md: freeze it with the lock it was sent with", path)
	}
	var slots strings.Builder
	for _, s := range lk.Slots {
		r := s.Text
		if strings.HasPrefix(s.ID, "F") {
			if x, ok := guard.RoundedFigure(v.Lang, s.Text); ok {
				r = x
			}
		}
		fmt.Fprintf(&slots, "%s\t%s\t%s\n", s.ID, strconv.Quote(s.Text), strconv.Quote(r))
	}
	if sent == "" {
		a.Files = append(a.Files, txtar.File{Name: "sent.md", Data: []byte(lk.Text + "\n")})
	}
	a.Files = append(a.Files, txtar.File{Name: "sent-slots.txt", Data: []byte(slots.String())})
	if err := os.WriteFile(path, txtar.Format(a), 0o644); err != nil {
		t.Fatal(err)
	}
}

// rounds are the red-team rounds the harness counts apart.
var rounds = []string{"r1", "r2", "r3", "r4", "r5", "r6", "r7", "r8", "r9", "r10", "r11", "r12", "r13", "r14", "r15", "r16", "r17", "r18", "r19", "r20", "r21", "r22", "r23", "r24", "r25", "r26", "r27", "ms1", "ms2", "ms3", "ms4", "ms5", "ms6", "ms7", "ms8", "ms9", "r28", "ms10", "r29", "ms11", "r30", "r31", "ms12", "r32", "r33", "r34", "r35", "r36", "r37", "r38", "r39", "r40", "r41", "ru"}

// polishWith polishes one section against a fake endpoint answering
// reply verbatim.
func polishWith(t *testing.T, draft, reply string, v *guard.Vocabulary) (string, polish.Decision) {
	return polishWithData(t, draft, reply, v, nil)
}

// polishWithData is polishWith for a section that shows the dataset's
// text data (its <data> list).
func polishWithData(t *testing.T, draft, reply string, v *guard.Vocabulary, data []string) (string, polish.Decision) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		io.Copy(io.Discard, r.Body)
		b, _ := json.Marshal(map[string]any{"id": "c", "object": "chat.completion", "model": "m",
			"choices": []any{map[string]any{"index": 0, "message": map[string]any{"role": "assistant", "content": reply}, "finish_reason": "stop"}},
			"usage":   map[string]any{"prompt_tokens": 1, "completion_tokens": 1}})
		w.Header().Set("Content-Type", "application/json")
		w.Write(b)
	}))
	defer srv.Close()
	cfg := polish.Config{BaseURL: srv.URL + "/v1", Model: "m", HTTPClient: srv.Client(), CallTimeout: 5 * time.Second, MaxRetries: -1}
	out, ds, err := polish.Polish(context.Background(), cfg, []polish.Section{{ID: "s", Markdown: draft, Data: data}}, v)
	if err != nil {
		t.Fatal(err)
	}
	return out[0], ds[0]
}

// writeRequest records the user message the pipeline sends for a draft.
func writeRequest(t *testing.T, dir, name, draft string, v *guard.Vocabulary) {
	var got string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var body struct {
			Messages []struct{ Content string } `json:"messages"`
		}
		json.NewDecoder(r.Body).Decode(&body)
		for _, m := range body.Messages {
			got += m.Content + "\n\n"
		}
		w.WriteHeader(400)
	}))
	defer srv.Close()
	cfg := polish.Config{BaseURL: srv.URL + "/v1", Model: "m", HTTPClient: srv.Client(), MaxRetries: -1}
	if _, _, err := polish.Polish(context.Background(), cfg, []polish.Section{{ID: "s", Markdown: draft}}, v); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, name+".txt"), []byte(got), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestWireLevelHarness: the wire-level path prints a reply that keeps
// the tokens and refuses one that writes a figure of its own.
func TestWireLevelHarness(t *testing.T) {
	draft := "## Trade\n\nKazakhstan posted the highest trade turnover in 2024: $27.8 billion.[^1] Next came Uzbekistan ($10.0 billion).[^1] Trade with Russia rose.\n"
	v := &guard.Vocabulary{Names: []string{"Kazakhstan", "Uzbekistan", "Russia"}}
	locked := guard.Lock(draft, v).Text
	out, d := polishWith(t, draft, strings.Replace(locked, " rose.", " increased.", 1), v)
	if !d.Accepted || !strings.Contains(out, "Trade with Russia increased.") {
		t.Errorf("faithful reply: %+v\n%s", d, out)
	}
	out, d = polishWith(t, draft, strings.Replace(locked, "⟦F2⟧", "$12.0 billion", 1), v)
	if d.Accepted || out != draft {
		t.Errorf("corrupt reply printed: %+v", d)
	}
	dir := t.TempDir()
	writeRequest(t, dir, "x", draft, v)
	b, _ := os.ReadFile(filepath.Join(dir, "x.txt"))
	if !strings.Contains(string(b), locked) {
		t.Errorf("the recorded request lacks the locked draft:\n%s", b)
	}
}

// roundOf is the red-team round of a case: "r2-…" to "r8-…", else
// round 1.
func roundOf(name string) string {
	if strings.HasPrefix(name, "ru-") || strings.HasPrefix(name, "kk-") {
		return "ru" // the Russian and Kazakh round
	}
	if r, _, ok := strings.Cut(name, "-"); ok && slices.Contains(rounds[1:len(rounds)-1], r) {
		return r
	}
	return "r1"
}

// maxWireFalseRejects: faithful replies refused per round. "r5": round 5
// (r5-*, README-round5.md, written blind against the paraphrase patterns
// at e8240ae: 26 of 79 corruptions printed and 7 of 27 faithful replies
// refused before its fixes; 0 and 7 after: the connectives, the change
// dated by "from {F} in {D}" or "on {D}", and the passive with part of
// the thing after the agent were dropped). The others as measured
// when the vetted paraphrase patterns were added (before them: r2 41,
// r3 21, r4 15); first measured when the guard became exact (round 4: a polish writes the draft's
// sentence word for word, sign for sign, swapping only the lexicon's
// vetted synonyms; before: r2 35, r3 15, r4 6 refused, and 35 of round
// 4's 61 corruptions printed). The 5% target is not met: safety first
// (docs/polish.md). A change that refuses more fails.
// "ru": the Russian and Kazakh round (ru-*, kk-*): 5 of 14 faithful
// replies refused, each by design (README-ru.md); 0 of 68 corruptions
// printed (the old binary printed 13).
//
// "r6": round 6 (r6-*, README-round6.md, written blind against main at
// 3cdf234: 15 of 63 corruptions printed, all through the English
// rounding hedge, and 2 of 19 faithful replies refused; 0 and 2 on main
// after 35cf793, the hedge slot narrowed; 0 and 3 after this round's
// fixes). The three refused by design: a hedge before a figure its
// rounding leaves as it is ("about $10 billion" for $10.0 billion,
// «около 6,5 %»: now refused in every language, the safe side of the two
// the languages took), and the ranking's period fronted over a bracket
// with figures (r6-056), the very reply round 5 wrote as a corruption
// (r5-046).
//
// "r9": round 9 (r9-*, README-round9.md, written blind against main at
// aae4900: 37 of 76 corruptions printed, 1 of 17 faithful refused; 0 and
// 1 after its fixes: the dataset's text found by a run of its words, the
// no-op rounding read exactly). The run rule raised r5, r6 and r7 by one
// each (r5-076, r6-052, r7-123: "According to the article, …" recast,
// the attribution being the event summary's own words); the tightened
// frames r4 by one (r4-079: "the leader among" → "the leader of" in a
// sentence without a figure). With no data list (the frame rules alone,
// BRIEF_REDTEAM_RULES_ALONE=1) round 9 prints 1 of 76 (r9-042, Russian
// «Цены снизились до 2 магазинов»: a count noun the Russian lock does
// not read).
//
// "r10": round 10 (r10-*, README-round10.md, written blind against main
// at 4c27296: 1 of 49 corruptions printed, r10-022 "pier 1,450 blue"
// rounded, the word after the number read as its unit; 0 of 14 faithful
// refused; 0 and 0 after its fix: a word after a number is a unit only if
// the catalog or the lexicon knows it). With no data list round 10
// prints 5 of 49, all Russian and Kazakh unterminated or short data text
// the frame rules alone do not read.
//
// "ms5": the model simulator ms5 (ms5-*, README-ms5.md, written blind
// against 5914810 as a modern model would write on first reading the
// prompt, not treating its lists as a checklist): 21 of 39 faithful
// replies refused, 20 of them breaking a rule of the prompt; 0 of 2
// corruptions printed (and 0 of its 4 later probes). After its fixes
// ("ranked second", the roundable list rounded together, "led by" and
// "took place" no longer offered): 20 of 40 refused.
//
// "r2" 22 → 23 and "r4" 7 → 8 (r2-192, r4-043): "took place" / "was
// held" is no longer a vetted pair (the templates never write it, so it
// stood only in the dataset's text; the prompt offered it and the model
// simulator ms5 used it there). Both cases reword an event summary; they
// were kept only because those rounds recorded no data list, which every
// real request has.
// "r19": red team round 19 (r19-*, README-r19.md; the helper named it
// r11), written blind against c1d7f9e: 7 of 87 corruptions printed, in
// three new classes (a rounded base passing a range's low end written
// without its scale, a Russian range end rounded, "grew" for a GDP at
// current prices), 8 of 51 faithful refused. After its fixes (a range's
// ends never rounded and its bare low end read in the high end's scale;
// "grew", "contracted", "shrank" no longer vetted; a neutral hedge before
// a token that holds its own "about" absorbed): 0 printed, 4 refused.
// "grew" costs ms2 0 → 1, ms3 0 → 2 and ms4 3 → 6: six replies those
// simulators wrote as faithful ("China's GDP grew by 12.9%") are the
// corruption round 19 names, refused by design now.
// "r20": red team round 20 (r20-*, README-r20.md), written blind after
// round 19's fixes: 4 of 78 corruptions printed, one new class (a
// rounding compared with its paragraph's figures but not with the
// section's table: "Colombia came second with about $360 billion" over
// Nigeria's $362.8 billion in Table 1, offered by the list in English,
// Russian and Kazakh); 2 of 54 faithful refused. After the fix: 0
// printed, 2 refused (a date fronted over a points item the owner
// pattern first rewrote; "nearly" on a negative rate, refused by design).
// "r21": red team round 21 (r21-*, README-r21.md), written blind after
// round 20's fix: 7 of 96 corruptions printed, one new class (a level's
// change split off as its own sentence, the draft's next sentence a
// pronoun's record, "It is the highest since …", now read as the
// change's); 4 of 71 faithful refused. After the fix: 0 printed, 4
// refused (a day fronted over a week's change with "against …", "the
// largest increase" for "the largest rise", a merge that drops "Year on
// year, it is", a split before the week's range: beyond the prompt).
// "r22": red team round 22 (r22-*, README-r22.md), written blind after
// round 21's fix: 16 of 73 corruptions printed, four classes (a level
// recast as a movement, "fell from … to …", before "That is the lowest
// since …"; a split before a change said of "it", which round 21's fix
// let through; a rounding that closes the gap a stated change reads from,
// "up 2.2%" between $1,201.00 and "about $1,200"; the same with the unit
// outside the figure's token), 6 of 63 faithful refused. After its fixes
// (no movement recast and no merge before a sentence that points back to
// the level; no split before any sentence whose subject is "it", "that"
// or "this"; a rounding may not shrink a gap to under half): 0 printed,
// 11 refused. The fixes cost 14 faithful replies in all: r13 4 → 5, r18
// 0 → 1, r19 2 → 3, r20 1 → 3, r21 4 → 6, ms2 1 → 2, ms4 6 → 7 and 5 of
// round 22's own (splits before "It is also up …", roundings of a
// runner-up close to the next, movements before a record).
// "ms6": model simulator 6 (ms6-*, README-ms6.md), written blind
// after round 23's fixes: 92 replies that follow every rule of the
// prompt and 15 of a "natural" model. When written, 10 of the 92 were
// refused: 2 broke a rule (a nominal recast before "Against a year
// earlier, it is …"), 8 were false refusals ("Over the week," fronted
// read as a clause without a figure, so "During the week" was refused;
// "rose about ⟦F~⟧ from ⟦D⟧" without "by"). After the fixes: the 2 that
// break a rule and 11 of the natural ones (each beyond the prompt).
// "r24", "r25", "ms7": red team rounds 24 and 25 and model simulator
// 7 (README-r24.md, README-r25.md, README-ms7.md), written blind after
// round 23's fix. r24: 27 of 87 corruptions printed when written (round
// 23's class where the level's unit stands outside its token and the
// base is bare), 0 after the fix; r25: 0 of 75 printed when written;
// ms7: no corruption. Faithful replies that follow the prompt, refused
// when written and now: r24 9 of 103 and 3; r25 6 of 63 and 3; ms7 7 of
// 122 (3 break a rule) and 7 (the 4 others front a day over "over the
// week", which rounds 22 and 23 label a corruption: refused, and the
// prompt now says so). One more each of r24 and ms7 is refused since a
// Russian count before its noun is offered for rounding only where the
// noun keeps its form: they printed «около 1 500 месяца» (for
// «месяцев»), which ms7 itself reported as broken Russian.
// "r26", "ms8": red team round 26 and model simulator 8 (README-r26.md,
// README-ms8.md), written blind against 41b3618. r26: 35 of 79
// corruptions printed when written: a level sentence merged with the
// record after it ("… up from 4.961% in September 2008 and the highest
// since …"), "also" added in a merge, "the" added or dropped before a
// name (the lead's own loosening for round 25, "the ⟦N⟧" read as
// "⟦N⟧", opened it), a change a table states for the prose's level; 0
// after the fixes (a level sentence merges only with a change, never
// with a record; no "also" the draft does not say; a name keeps the
// draft's article, the patterns read in two passes instead; table
// changes join the stated changes), one case relabelled at import
// (r26-061, see its header). ms8: 87 replies following the prompt, 0
// refused when written; 3 that break its pointer rule refused, and 2
// more now (roundings of a table-stated change's level or base, no
// longer offered). The fixes cost faithful replies elsewhere: r23 3 ->
// 6 (level and record merges, which round 23 itself noted as wider
// than the docs), r24, r25, ms4, ms6 and ms7 roundings beside a table's
// change.
// "r27": red team round 27 (README-r27.md), written blind against
// 574e808 after round 26's fixes: 0 of 54 corruptions printed; 8 of 33
// faithful replies refused (each beyond the prompt: a dropped
// "Against a year earlier,", "came last" for the second of two, "Next
// came" for "came second", clauses swapped, "Table 1 and Figure 1",
// Russian «почти», a recast before a pronoun's sentence).
// "ms9": model simulator 9 (README-ms9.md), written blind against the
// final binary of the session (92e93fb): 98 replies that follow every
// rule of the prompt, 0 refused.
// "r28": red team round 28 (README-r28.md), written blind against
// 36415ad, after the natural simulators' recasts were vetted: 0 of 72
// corruptions printed; 10 of 44 faithful replies refused when written
// (two combined a vetted ranking recast with "largest" or "biggest",
// read since; the others go beyond the prompt).
// "ms10": model simulator 10 (README-ms10.md), written blind against
// 36415ad: for each of 50 sections a reply that follows every rule of
// the prompt (3 of 50 refused when written: two combined two rules
// each, one broke the rule on a sentence a pronoun points back to) and
// a natural one, a copy editor's free recast keeping every fact (50 of
// 50 refused when written: each has a liberty the prompt does not
// list).
// "r29": red team round 29 (README-r29.md), written blind against
// 4a7aebe, after round 28's and ms10's fixes: 0 of 62 corruptions
// printed; 4 of 39 faithful replies refused, each beyond the prompt (a
// year-ago lead-in added, "the largest cases" for "the most", "still the
// largest" with no indicator after it).
// "ms11": model simulator 11 (README-ms11.md), written blind against
// 4a7aebe: 106 replies that keep every rule of the prompt, 6 refused
// when written (five a change pattern between two years, one two rules
// combined).
// "r30": red team round 30 (README-r30.md), written blind against
// 8e781c0, after ms11's fixes: 0 of 60 corruptions printed; 11 of 47
// faithful replies refused when written, 8 beyond the prompt.
// "r31": red team round 31 (README-r31.md), short, written blind
// against 6c1f4a0 at the two recasts vetted after round 30 ("lists" or
// "shows" the other figures; "consists of" a count): 0 of 40
// corruptions printed, 1 of 12 faithful refused (Kazakh «құрады» with
// a noun between the figure and the verb). Its crafted dataset (the
// sample with an event whose summary holds "gives the other") is
// data-custom33.
// "ms12": model simulator 12 (README-ms12.md), written blind against
// a864336: 162 replies keeping every rule of the prompt over 85
// sections of weeks and years no earlier set used (gold 1987 to 2019,
// Euribor 2000 to 2025, World Bank 2000 to 2021 in four entity sets,
// COVID-19, the sample; en, ru, kk; weekly and points): none refused.
// "r32": red team round 32 (README-r32.md), written blind against
// a864336: 26 of 109 corruptions printed when written, in two new
// classes: the dataset's words inside the templates' sentences that no
// cite quoted (a source's title after "one source:", an indicator's
// phrase, a unit's words: "the highest Court" as "the largest Court")
// took vetted swaps, and "had the most … on ⟦D⟧" of a running total
// became "recorded the most" (counted that day); with two weak ones
// (the largest of a negative balance, a split before "came second").
// Closed the same session: those words are the vocabulary's Data
// (report.fixedTexts) and a pattern moves them only whole; "posted" and
// "recorded" not of a day's level nor a declared running total but
// where the sentence says "to date"; the largest/smallest only where no
// figure of the sentence is negative; no split before a rank; Kazakh
// «құрады» not after a noun. None printed now; r32-160 (a title's first
// letter lower-cased after the colon, as the prompt allows) relabelled
// faithful. The price, raised below: COVID-19 replies of earlier rounds
// that said "recorded the most … of the eight on ⟦D⟧" (no "to date":
// their datasets did not declare the running total), splits before
// "came second" the prompt already forbade, and «доллары құрады» (ms12,
// r30): r13 6 -> 10, r14 6 -> 7, r19 7 -> 8, r21 16 -> 18, r22 19 -> 20,
// ms1 21 -> 22, ms2 9 -> 14, ms3 7 -> 9, r30 10 -> 12, ms12 0 -> 4.
// "r33": red team round 33 (README-r33.md), written blind against
// 246f20e, round 32's fixes: 7 of 78 corruptions printed when written,
// one class: the source's words lower-cased at a sentence's start (an
// entity named "Next", an event's "Reading council"), which then name
// no one. Closed: the source's words keep their capitals wherever they
// stand (guard.sameSourceItem), so the colon's lower-casing of a note's
// first word ("Source note: the article", r5-082, r6-062, r7-092,
// r8-110) is refused now too (r5 9 -> 10, r6 9 -> 10, r7 15 -> 16, r8
// 18 -> 19) and r32-160 keeps its round's label. None printed now; 19
// of 53 faithful refused (2 follow the prompt: r33-078, a split in a
// point whose sentence holds the data's words, and r33-091, fixed).
// "r34": red team round 34 (README-r34.md), written blind against
// b72c674, round 33's fixes: 4 of 51 corruptions printed when written,
// one class: the vetted "Together with ⟦N2⟧, ⟦N1⟧ plans …" for
// "⟦N1⟧ plans … with ⟦N2⟧", where "with" was the planned thing's ("2
// trade disputes with Russia", "football matches with Russia"): the
// other side became a partner. Closed by dropping the pattern, which
// many sets had written as faithful: r12 2 -> 3, r14 7 -> 9, r16 8 -> 9, r19 8 -> 9, r20 16 -> 17, r21 18 -> 20, r22 20 -> 22, r23 6 -> 7, r24 20 -> 21, r25 13 -> 15, r26 1 -> 2, ms1 22 -> 24, ms2 14 -> 16, ms3 9 -> 11, ms4 22 -> 24, ms5 18 -> 19, ms6 11 -> 12, ms7 18 -> 21, ms8 5 -> 6, ms9 0 -> 2, ms10 47 -> 49, r29 4 -> 5, ms11 0 -> 3, ms12 4 -> 9, r34 99 -> 10.
// Its draft-level find, an entity named "Next" opening "Next came
// second" after a footnote, whose own draft was refused, is fixed.
// "r35": red team round 35 (README-r35.md), written blind against
// b5ab8b9, round 34's fix: 15 of 35 corruptions printed when written,
// one class and two weak ones: "had the most" as "posted" or "recorded"
// the most, where the verb says what the name did ("posted the most
// letters", "recorded the most songs", "posted the highest bail"); "the
// biggest tower" of a height; Russian «выше» for «больше» of a ranking's
// place (a higher place reads as a better one). Closed: "posted" is no
// longer vetted, "recorded" only for "the highest" (lowest, largest,
// smallest, biggest) of a measure, not "the most" of a count; "the
// largest" for "the highest" only beside money or a percentage; Russian
// «выше»/«больше» and «ниже»/«меньше» only where the amount before them
// is in percentage points. The price, over every set that wrote them as
// the prompt then allowed, raised here (see docs/polish.md).
// "r36": red team round 36 (README-r36.md), written blind against
// 901adaa, round 35's fixes: 8 of 42 corruptions printed when written,
// none strong: a date fronted over a name that says a schedule ("had
// the most projects to start … in 2024", "flats due for completion",
// "bonds maturing": the date was the schedule's); "comprises 60%" as
// "is made up of 60%" (part and whole turned round); "came second" as
// "was the runner-up" of a ranking where higher is worse. Closed: no
// pattern that moves a date binds a name of a plan or schedule
// (Slot.plan), "comprises" only of a count and not after a name as its
// subject, "was the runner-up" no longer vetted. The price: ms7 27 -> 28, r28 10 -> 16, ms10 53 -> 56, r29 6 -> 9, ms11 12 -> 16, r30 13 -> 15, ms12 27 -> 32, r32 15 -> 20, r34 13 -> 14, r35 9 -> 10, r36 99 -> 12.
// "r37": red team round 37 (README-r37.md), short, written blind
// against b14eb9c, round 36's fixes: 7 of 14 corruptions printed when
// written, one class: "comprises {F}" as "is made up of {F}" where the
// figure is a share written in words ("30 per 100", "30 ‰", "3 out of
// 10"), part and whole turned round. Closed: "comprises" is vetted only
// of a count with its noun ("171 projects", "120 seats").
// "r38": red team round 38 (README-r38.md), written blind against
// 007367a, round 37's fix: 13 of 19 corruptions printed when written,
// one strong class: a change said of a figure its sentence gives by a
// sign word ("showed a deficit of $2 billion in 2025, up $1.5 billion
// on 2024": the balance rose, the deficit shrank) recast as a noun or a
// comparative ("$1.5 billion more than in 2024", "an increase of …"),
// which reads as said of the deficit, the other way; and a weak one:
// "stood at F1 in D1, up from F2 in D2, the latest earlier figure (…)"
// as "rose from F2 in D2 to F1 in D1, the latest earlier figure",
// where the words after the earlier value now follow the later one.
// Closed: the catalog's sign words reach the guard (Vocabulary.Signs)
// and no "# scope: unsigned" pattern (the nouns, the comparatives,
// "fell"/"rose … from") applies to a sentence that holds one, nor a
// "positive" one; "rose from … to …" only where the sentence ends after
// it or with its evaluation. The price: r14 11 -> 12 and r30 15 -> 16
// (a from-to recast merged with the next sentence, r14-086, r30-022).
// "r39": red team round 39 (README-r39.md), Russian and Kazakh, written
// blind against 007367a: 2 of 30 corruptions printed when written, both
// weak: the Kazakh hedge «шамасы», which also reads "apparently" (no
// longer a hedge: «шамамен» only; ms7 28 -> 29, ms8 9 -> 10, ms9 2 ->
// 3, each a reply that wrote it as the prompt never offered), and «Все
// значения» as «Полные данные», relabelled faithful (the same claim of
// completeness: r39-008's relabelled line).
// "r40": red team round 40 (README-r40.md), written blind against
// b155a65, rounds 38 and 39's fixes: 8 of 13 corruptions printed when
// written, one class: "had the highest number of songs" as "recorded
// the highest number of songs" (the label made them), round 35's
// finding through "highest" rather than "most", and of an indicator
// phrase locked as a name ("⟦N2⟧" = "number of artists") beside a
// percentage change. Closed: "recorded" only where the claim's own
// figure (the first after it) is money or a percentage, none negative,
// no sign word, and not before "number" or "count" (scope "measure").
// The price: r12 3 -> 4, ms2 21 -> 25, ms3 13 -> 15, ms4 25 -> 26, ms10
// 56 -> 57, r32 20 -> 21, r33 23 -> 24 ("recorded the highest CO2
// emissions: 1,210.5 kt", a measure, is refused now too). Its 3 refused
// faithful replies: "2 goals less than" (the noun outside the token),
// a date fronted over "a deficit of" (the sign-word scope), "was still
// the largest in" (no name token after "the largest").
// "r41": red team round 41 (README-r41.md), the mechanics, written blind
// against b155a65: 12 of 37 corruptions printed when written, two
// classes: a visible space separator (U+1680 OGHAM SPACE MARK, a dash in
// DejaVu Sans) before a figure, read by the guard as a space and printed
// as sent ("stood at‒0.25%"): every space separator but the no-break
// ones is now printed as a plain space (Sanitize); and, weak, a Russian
// whole of a counted part rounded («1 524 месяца примерно из 2 300»):
// neither the part nor the whole of «⟦F⟧ … из ⟦F⟧» may be rounded now.
// "r23": red team round 23 (r23-*, README-r23.md), written blind after
// round 22's fixes: 39 of 102 corruptions printed, 4 of 54 faithful
// refused. Its first class (a level's change said as a noun or a
// comparison, "a rise of 11.8% from July 2011", before a sentence whose
// subject is "it", "that" or "this") is closed: no movement or nominal
// recast of a level sentence before such a sentence (19 printed -> 0;
// 20 faithful replies more refused over the corpus). Its second class,
// roundings the prompt offers that move a level against the change its
// sentence states (17), and three weak readings of "came second" after
// the leader's change said as a noun, were printed and closed the next
// session: the changes a draft states between two of its figures are
// found by arithmetic at the lock, and a rounding of their level or base
// must still give the stated change (guard/stated.go; the prompt no
// longer offers such a figure); no nominal or movement recast of a
// ranking leader's sentence before "⟦N⟧ came second". 20 printed -> 0;
// faithful replies refused over the corpus 200 -> 284 (130 of the 284
// are refused only for a rounding or a recast the current prompt no
// longer allows: written to an earlier prompt).
var maxWireFalseRejects = map[string]int{"r1": 0, "r2": 23, "r3": 12, "r4": 9, "r5": 11, "r6": 11, "r7": 16, "r8": 19, "r9": 3, "r10": 3, "r11": 4, "r12": 4, "r13": 10, "r14": 12, "r15": 4, "r16": 9, "r17": 9, "r18": 1, "r19": 10, "r20": 17, "r21": 21, "r22": 24, "r23": 9, "r24": 22, "r25": 17, "r26": 2, "r27": 9, "ms1": 24, "ms2": 25, "ms3": 15, "ms4": 26, "ms5": 19, "ms6": 20, "ms7": 29, "ms8": 10, "ms9": 3, "r28": 16, "ms10": 57, "r29": 9, "ms11": 16, "r30": 16, "r31": 1, "ms12": 32, "r32": 21, "r33": 24, "r34": 14, "r35": 10, "r36": 12, "r37": 1, "r38": 1, "r39": 0, "r40": 3, "r41": 0, "ru": 3}

// parseDataList reads a case's data.txt: the section's <data> list as
// the request quoted it, one `- "…"` line per string.
func parseDataList(t *testing.T, file, s string) []string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if strings.TrimSpace(l) == "" {
			continue
		}
		q, ok := strings.CutPrefix(l, "- ")
		if !ok {
			t.Fatalf("%s: data.txt: %q: want `- \"text\"`", file, l)
		}
		v, err := strconv.Unquote(q)
		if err != nil {
			t.Fatalf("%s: data.txt: %q: %v", file, l, err)
		}
		out = append(out, v)
	}
	return out
}
