package locale

import (
	"reflect"
	"testing"

	"go.yaml.in/yaml/v3"
)

func verb(t *testing.T, src string) Verb {
	t.Helper()
	var v Verb
	if err := yaml.Unmarshal([]byte(src), &v); err != nil {
		t.Fatal(err)
	}
	return v
}

// A catalog verb agrees with its subject in Russian (gender, or pl for a
// plural name) and is one text in Kazakh.
func TestVerbFor(t *testing.T) {
	ru, kk := loc(t, "ru"), loc(t, "kk")
	v := verb(t, "{m: реализовал, f: реализовала, n: реализовало, pl: реализовали}")
	for _, c := range []struct {
		subject Noun
		want    string
	}{
		{Noun{Sg: map[Case]string{Nom: "Казахстан"}, Gender: "m"}, "реализовал"},
		{Noun{Sg: map[Case]string{Nom: "Россия"}, Gender: "f"}, "реализовала"},
		{Noun{Sg: map[Case]string{Nom: "число"}, Gender: "n"}, "реализовало"},
		{Noun{Sg: map[Case]string{Nom: "США"}, Plural: true, Indeclinable: true}, "реализовали"},
	} {
		if got := must(t)(ru.VerbFor(v, c.subject)); got != c.want {
			t.Errorf("%s: %q, want %q", c.subject.Nominative(), got, c.want)
		}
	}
	if _, err := ru.VerbFor(v, NewNoun("nom", "Алматы")); err == nil || err.Error() != `ru: "Алматы" has no gender, which the verb "реализовал" agrees with: give gender: (m, f, n) or number: pl` {
		t.Errorf("no gender: %v", err)
	}
	k := verb(t, "{all: жүзеге асырды, object: acc}")
	if got := must(t)(kk.VerbFor(k, NewNoun("nom", "Қазақстан"))); got != "жүзеге асырды" || k.Object != Acc {
		t.Errorf("kk: %q, object %q", got, k.Object)
	}
	if got := verb(t, "қабылдады"); got.All != "қабылдады" || got.Line != 1 {
		t.Errorf("plain verb: %+v", got)
	}
}

func TestCheckVerb(t *testing.T) {
	ru, kk := loc(t, "ru"), loc(t, "kk")
	for _, c := range []struct {
		l    *Locale
		src  string
		want string
	}{
		{ru, "{m: вырос, f: выросла}", `ru: "вырос" (line 1) has no form for n, pl (a ru verb agrees with its subject: give m, f, n, pl)`},
		{ru, "{m: a, f: b, n: c, pl: d, x: e}", `ru: "a" (line 1) gives a form for "x", which ru does not have (m, f, n, pl)`},
		{ru, "{all: a, m: b}", `ru: "a" (line 1) gives all: and forms by gender: give one or the other`},
		{kk, "{m: асырды, pl: асырды}", `kk: "асырды" (line 1) gives forms by gender, which kk verbs do not have: give one text`},
		{kk, "{all: болды, subject: prep}", `kk: "болды" (line 1) subject: "prep" is not a kk case (nom, gen, dat, acc, loc, abl, ins)`},
		{ru, "вырос", `ru: "вырос" (line 1) is one text, but a ru verb agrees with its subject: give {m: …, f: …, n: …, pl: …}, or {all: …} for one that does not change`},
		{ru, "{all: составляет}", ``},
		{kk, "қабылдады", ``},
	} {
		err := c.l.CheckVerb(verb(t, c.src))
		got := ""
		if err != nil {
			got = err.Error()
		}
		if got != c.want {
			t.Errorf("%s %s:\n got %s\nwant %s", c.l.ID(), c.src, got, c.want)
		}
	}
	if err := (&Verb{}).UnmarshalYAML(&yaml.Node{Kind: yaml.SequenceNode, Line: 3}); err == nil {
		t.Error("a list read as a verb")
	}
}

func TestCountCases(t *testing.T) {
	for id, want := range map[string][]Case{"ru": {Nom, Gen, "pl.gen"}, "kk": {Nom}, "en": {Nom, "pl.nom"}} {
		if got := loc(t, id).CountCases(); !reflect.DeepEqual(got, want) {
			t.Errorf("%s: %v, want %v", id, got, want)
		}
	}
	if !loc(t, "ru").HasCurrency("RUB") || loc(t, "ru").HasCurrency("XYZ") {
		t.Error("HasCurrency")
	}
}
