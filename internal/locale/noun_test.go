package locale

import (
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// The shape a catalog gives names in, read as a catalog would read it.
const catalog = `
russia:
  name_ru: {nom: Россия, gen: России, dat: России, acc: Россию, ins: Россией, prep: России, gender: f}
  name_kk: {nom: Ресей, decline: auto}
usa:
  name_ru: {nom: США, number: pl, indeclinable: true}
  name_kk: {nom: АҚШ, gen: АҚШ-тың, dat: АҚШ-қа, acc: АҚШ-ты, loc: АҚШ-та, abl: АҚШ-тан, ins: АҚШ-пен}
kazakhstan:
  name_ru: {nom: Казахстан, gen: Казахстана, prep: Казахстане, gender: m}
  name_kk: {nom: Қазақстан, decline: auto}
turnover:
  name_ru: {nom: товарооборот, gen: товарооборота, gender: m}
project:
  unit_ru: {nom: проект, gen: проекта, gender: m, pl: {nom: проекты, gen: проектов}}
  unit_en: {nom: project, pl: {nom: projects}}
place:
  name_ru: {nom: место, gen: места, prep: месте, gender: n}
  name_kk: орын
week:
  name_ru: {nom: неделя, gen: недели, prep: неделе, gender: f}
plain:
  name_ru: Бразилия
`

func readCatalog(t *testing.T) map[string]map[string]Noun {
	t.Helper()
	var c map[string]map[string]Noun
	if err := yaml.Unmarshal([]byte(catalog), &c); err != nil {
		t.Fatal(err)
	}
	return c
}

func TestNounForms(t *testing.T) {
	c := readCatalog(t)
	ru, kk := loc(t, "ru"), loc(t, "kk")
	tests := []struct {
		l    *Locale
		n    Noun
		c    Case
		want string
	}{
		{ru, c["russia"]["name_ru"], Ins, "Россией"},
		{ru, c["russia"]["name_ru"], Prep, "России"},
		{ru, c["kazakhstan"]["name_ru"], Gen, "Казахстана"},
		{ru, c["usa"]["name_ru"], Ins, "США"}, // indeclinable: allowed explicitly
		{kk, c["russia"]["name_kk"], Ins, "Ресеймен"},
		{kk, c["russia"]["name_kk"], Loc, "Ресейде"},
		{kk, c["kazakhstan"]["name_kk"], Gen, "Қазақстанның"},
		{kk, c["kazakhstan"]["name_kk"], Dat, "Қазақстанға"},
		{kk, c["usa"]["name_kk"], Ins, "АҚШ-пен"},
		{kk, c["place"]["name_kk"], Nom, "орын"},
	}
	for _, tt := range tests {
		if got := must(t)(tt.l.Form(tt.n, tt.c)); got != tt.want {
			t.Errorf("%s Form(%s, %s) = %q, want %q", tt.l, tt.n.Nominative(), tt.c, got, tt.want)
		}
	}
	if got := must(t)(ru.PluralForm(c["project"]["unit_ru"], Gen)); got != "проектов" {
		t.Errorf("PluralForm = %q", got)
	}
	if got := must(t)(ru.PluralForm(c["usa"]["name_ru"], Gen)); got != "США" {
		t.Errorf("a plural name's plural is its own form: %q", got)
	}
}

func TestMissingFormsAreErrors(t *testing.T) {
	c := readCatalog(t)
	ru, kk, en := loc(t, "ru"), loc(t, "kk"), loc(t, "en")
	tests := []struct {
		name string
		err  error
		want string
	}{
		{"no instrumental, never the nominative instead",
			func() error { _, err := ru.Form(c["kazakhstan"]["name_ru"], Ins); return err }(),
			`ru: "Казахстан" (line 9) has no ins form; give it in the catalog's ru forms (or indeclinable: true for a name that does not change)`},
		{"a plain text is the nominative alone",
			func() error { _, err := ru.Form(c["plain"]["name_ru"], Gen); return err }(),
			`ru: "Бразилия" (line 22) has no gen form`},
		{"Require lists every missing case at once",
			ru.Require(c["kazakhstan"]["name_ru"], Nom, Gen, Dat, Ins, Prep, "pl.gen"),
			`ru: "Казахстан" (line 9) has no dat, ins, pl.gen forms; give them`},
		{"a case the language does not have",
			func() error { _, err := ru.Form(c["russia"]["name_ru"], Loc); return err }(),
			`ru has no case "loc"`},
		{"a catalog case the language does not have",
			ru.CheckNoun(NewNoun("nom", "Россия", "loc", "Россияда")),
			`ru: "Россия" gives a loc form, a case ru does not have (nom, gen, dat, acc, ins, prep)`},
		{"a gender in Kazakh",
			kk.CheckNoun(Noun{Sg: map[Case]string{Nom: "Ресей"}, Gender: "f"}),
			`kk: "Ресей" has a gender, which kk nouns do not have`},
		{"decline: auto in Russian",
			ru.CheckNoun(Noun{Sg: map[Case]string{Nom: "Россия"}, Auto: true}),
			`ru: "Россия" asks for decline: auto, which ru does not do: give the forms`},
		{"an abbreviation cannot be declined by harmony",
			func() error { _, err := kk.Form(Noun{Sg: map[Case]string{Nom: "АҚШ"}, Auto: true}, Gen); return err }(),
			`kk: cannot decline the abbreviation "АҚШ" by its letters`},
		{"no nominative",
			ru.CheckNoun(Noun{Sg: map[Case]string{Gen: "России"}}),
			`ru: "" has no nominative (nom)`},
		{"an English plural not given",
			func() error { _, err := en.Count(2, 0, NewNoun("nom", "person")); return err }(),
			`en: "person" has no pl.nom form`},
	}
	for _, tt := range tests {
		if tt.err == nil || !strings.HasPrefix(tt.err.Error(), tt.want) {
			t.Errorf("%s: got %v, want %q", tt.name, tt.err, tt.want)
		}
	}
}

func TestNounYAMLErrors(t *testing.T) {
	tests := []struct{ src, want string }{
		{"x: [Россия]", "line 1: a noun is a text or a mapping of its forms, not a list"},
		{"x: {nom: Россия, number: dual}", `line 1: number: "dual": use sg or pl`},
		{"x: {nom: Россия, decline: yes}", `line 1: decline: "yes": the only value is auto`},
		{"x: {nom: Россия, pl: проекты}", "line 1: pl: give the plural forms by case"},
		{"x: {nom: Россия, gen: [России]}", "line 1: gen: want a text, not a list"},
		{"x:\n  nom: Россия\n  indeclinable: maybe", `line 3: indeclinable: "maybe": use true or false`},
	}
	for _, tt := range tests {
		var m map[string]Noun
		err := yaml.Unmarshal([]byte(tt.src), &m)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%q: got %v, want %q", tt.src, err, tt.want)
		}
	}
}

func TestAgree(t *testing.T) {
	c := readCatalog(t)
	ru, kk, en := loc(t, "ru"), loc(t, "kk"), loc(t, "en")
	tests := []struct {
		l        *Locale
		key      string
		subject  Noun
		want     string
		wantFail string
	}{
		{ru, "rose", c["russia"]["name_ru"], "выросла", ""},
		{ru, "rose", c["turnover"]["name_ru"], "вырос", ""},
		{ru, "rose", c["usa"]["name_ru"], "выросли", ""},
		{ru, "fell", c["place"]["name_ru"], "снизилось", ""},
		{ru, "recorded", c["turnover"]["name_ru"], "зафиксирован", ""},
		{ru, "highest", c["turnover"]["name_ru"], "наибольший", ""},
		{kk, "rose", c["russia"]["name_kk"], "өсті", ""},
		{en, "held_steady", c["project"]["unit_en"], "held steady", ""},
		{ru, "rose", c["plain"]["name_ru"], "", `ru: "Бразилия" (line 22) has no gender, which "rose" agrees with`},
		{ru, "soared", c["russia"]["name_ru"], "", `data/ru.yaml: no agreeing word "soared"`},
	}
	for _, tt := range tests {
		got, err := tt.l.Agree(tt.key, tt.subject)
		switch {
		case tt.wantFail != "":
			if err == nil || !strings.HasPrefix(err.Error(), tt.wantFail) {
				t.Errorf("%s Agree(%s, %s): got %q, %v; want error %q", tt.l, tt.key, tt.subject.Nominative(), got, err, tt.wantFail)
			}
		case err != nil || got != tt.want:
			t.Errorf("%s Agree(%s, %s) = %q, %v; want %q", tt.l, tt.key, tt.subject.Nominative(), got, err, tt.want)
		}
	}
}
