package polish_test

import (
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/briefhq/brief/internal/guard"
)

// The Russian and Kazakh red team wrote its replies against the guard as
// it locked those languages then: every Cyrillic word a name token. Each
// case keeps what the old binary sent (sent.md, its slots in
// sent-slots.txt: id, text, rounded text) and the reply to it
// (reply.txt), with draft.md the section as the templates write it.
// fromOldTokens turns the reply into one to today's lock of draft.md: an
// old token that covers the same text as a new one becomes the new
// token; any other becomes the text it stood for (its rounded text for
// "⟦F3~⟧"), which the guard re-locks as it re-locks any model's words.

var oldTokenRE = regexp.MustCompile(`⟦([A-Z])(\d+)(~?)⟧`)

type oldSlot struct{ text, rounded string }

func parseSlots(t *testing.T, s string) map[string]oldSlot {
	out := map[string]oldSlot{}
	for _, l := range strings.Split(strings.TrimSpace(s), "\n") {
		f := strings.SplitN(l, "\t", 3)
		if len(f) != 3 {
			t.Fatalf("sent-slots.txt: %q: want id, text, rounded", l)
		}
		a, err1 := strconv.Unquote(f[1])
		b, err2 := strconv.Unquote(f[2])
		if err1 != nil || err2 != nil {
			t.Fatalf("sent-slots.txt: %q: %v %v", l, err1, err2)
		}
		out[f[0]] = oldSlot{a, b}
	}
	return out
}

// tokenSpans walks a locked text against its draft: the byte span each
// token covers in the draft (blank lines between blocks may differ).
func tokenSpans(t *testing.T, locked, draft string, text func(id string) (string, bool)) map[string][2]int {
	out := map[string][2]int{}
	isSp := func(b byte) bool { return b == ' ' || b == '\n' || b == '\t' }
	i, j := 0, 0
	for i < len(locked) {
		if m := oldTokenRE.FindStringSubmatchIndex(locked[i:]); m != nil && m[0] == 0 {
			id := locked[i+m[2]:i+m[3]] + locked[i+m[4]:i+m[5]]
			tx, ok := text(id)
			if !ok || !strings.HasPrefix(draft[j:], tx) {
				t.Fatalf("token %s (%q) does not stand at %q of the draft", id, tx, draft[j:min(len(draft), j+40)])
			}
			out[id] = [2]int{j, j + len(tx)}
			i += m[1]
			j += len(tx)
			continue
		}
		if isSp(locked[i]) {
			for i < len(locked) && isSp(locked[i]) {
				i++
			}
			for j < len(draft) && isSp(draft[j]) {
				j++
			}
			continue
		}
		if j >= len(draft) || locked[i] != draft[j] {
			t.Fatalf("the locked text parts from the draft at %q / %q", locked[i:min(len(locked), i+30)], draft[j:min(len(draft), j+30)])
		}
		i++
		j++
	}
	return out
}

func fromOldTokens(t *testing.T, draft, sent, slotsFile, reply string, v *guard.Vocabulary) string {
	old := parseSlots(t, slotsFile)
	oldSpans := tokenSpans(t, strings.TrimSpace(sent), draft, func(id string) (string, bool) { s, ok := old[id]; return s.text, ok })
	lk := guard.Lock(draft, v)
	texts := map[string]string{}
	for _, s := range lk.Slots {
		texts[s.ID] = s.Text
	}
	newAt := map[[2]int]string{}
	for id, sp := range tokenSpans(t, lk.Text, draft, func(id string) (string, bool) { s, ok := texts[id]; return s, ok }) {
		newAt[sp] = id
	}
	return oldTokenRE.ReplaceAllStringFunc(reply, func(tok string) string {
		m := oldTokenRE.FindStringSubmatch(tok)
		id, round := m[1]+m[2], m[3] != ""
		s, ok := old[id]
		if !ok {
			return tok // no slot of the old draft: as the red team wrote it
		}
		if nid, ok := newAt[oldSpans[id]]; ok && (!round || nid[0] == 'F') {
			return "⟦" + nid + m[3] + "⟧"
		}
		if round {
			return s.rounded
		}
		return s.text
	})
}

// TestFromOldTokens: the old tokens of a reply become today's where they
// cover the same text, else the text itself.
func TestFromOldTokens(t *testing.T) {
	draft := "## Т\n\nВ 2024 г. Казахстан: 27,8 млрд.[^1]\n"
	sent := "⟦B1⟧\n\n⟦N1⟧ ⟦D1⟧ ⟦N2⟧. ⟦N3⟧: ⟦F1⟧.⟦S1⟧"
	slots := "B1\t\"## Т\"\t\"## Т\"\nN1\t\"В\"\t\"В\"\nD1\t\"2024\"\t\"2024\"\nN2\t\"г\"\t\"г\"\nN3\t\"Казахстан\"\t\"Казахстан\"\nF1\t\"27,8 млрд\"\t\"28 млрд\"\nS1\t\"[^1]\"\t\"[^1]\"\n"
	v := &guard.Vocabulary{Names: []string{"Казахстан"}, Lang: "ru"}
	got := fromOldTokens(t, draft, sent, slots, "⟦B1⟧\n\n⟦N1⟧ ⟦D1⟧ ⟦N2⟧. ⟦N3⟧: около ⟦F1~⟧.⟦S1⟧", v)
	if want := "⟦B1⟧\n\nВ 2024 г. ⟦N1⟧: около ⟦F1~⟧.⟦S1⟧"; got != want {
		t.Errorf("got\n%s\nwant\n%s\n(locked: %s)", got, want, guard.Lock(draft, v).Text)
	}
}
