package dataset

import (
	"errors"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/briefhq/brief/internal/locale"
)

func langFS(entities, indicators string) fstest.MapFS {
	fs := fstest.MapFS{
		"d/observations.csv": {Data: []byte("indicator,entity,counterpart,period,value,unit,source,source_url,note,note_ru,source_ru\n" +
			"projects,KZ,RU,2025,99,projects,Office,https://x.example,To date.,На сегодняшний день.,Ведомство\n" +
			"turnover,KZ,RU,2024,27800000000,USD,Office,https://x.example,,,\n")},
		"d/events.csv": {Data: []byte("date,topic,entities,title,summary,source,source_url,title_ru,summary_ru,title_kk\n" +
			"2025-02-03,trade,KZ;RU,Forum held,A forum was held.,Office,https://x.example,Прошёл форум,Форум состоялся.,Форум өтті\n")},
	}
	fs["d/entities.yaml"] = &fstest.MapFile{Data: []byte(entities)}
	fs["d/indicators.yaml"] = &fstest.MapFile{Data: []byte(indicators)}
	return fs
}

const langEntities = `groups:
  - id: ca
    name: Central Asia
entities:
  - id: KZ
    name:
      en: Kazakhstan
      ru: {nom: Казахстан, gen: Казахстана, dat: Казахстану, acc: Казахстан, ins: Казахстаном, prep: Казахстане, gender: m}
      kk: {nom: Қазақстан, decline: auto}
    groups: [ca]
  - id: RU
    name: Russia
  - id: US
    name:
      en: United States
      ru: {nom: США, indeclinable: true, number: pl}
`

const langIndicators = `topics:
  - id: trade
    name: {en: Trade, ru: Торговля}
indicators:
  - id: turnover
    name: Trade turnover
    topic: trade
    unit: USD
    phrase: trade turnover
    ru:
      name: Товарооборот
      phrase: {nom: товарооборот, gen: товарооборота, dat: товарообороту, acc: товарооборот, ins: товарооборотом, prep: товарообороте, gender: m}
  - id: projects
    name: Projects completed
    topic: trade
    unit: projects
    noun: {one: project, other: projects}
    verb: has completed
    ru:
      name: Реализованные проекты
      phrase: {nom: число проектов, gen: числа проектов, dat: числу проектов, acc: число проектов, ins: числом проектов, prep: числе проектов, gender: n}
      noun: {nom: проект, gen: проекта, dat: проекту, acc: проект, ins: проектом, prep: проекте, gender: m, pl: {nom: проекты, gen: проектов}}
      unit: {nom: проект, gen: проекта, dat: проекту, acc: проект, ins: проектом, prep: проекте, gender: m, pl: {nom: проекты, gen: проектов}}
      verb: {m: реализовал, f: реализовала, n: реализовало, pl: реализовали}
    kk:
      verb: {all: жүзеге асырды, object: acc}
`

func loadLang(t *testing.T, entities, indicators string) *Dataset {
	t.Helper()
	ds, diags, err := Load("d", Options{FS: langFS(entities, indicators)})
	if err != nil {
		t.Fatalf("%v", err)
	}
	for _, d := range diags {
		t.Logf("%s", d)
	}
	return ds
}

// Every shape a name takes: a plain text, a map by language of plain
// texts and of forms, indeclinable, decline: auto, number: pl.
func TestCatalogNameShapes(t *testing.T) {
	ds := loadLang(t, langEntities, langIndicators)
	ls := locales(t, "en", "ru", "kk")
	en, ru, kk := ls[0], ls[1], ls[2]

	kz, err := ds.EntityForms("KZ", ru)
	if err != nil {
		t.Fatal(err)
	}
	if got, _ := ru.Form(kz, locale.Ins); got != "Казахстаном" || kz.Gender != "m" || kz.Line != 8 {
		t.Errorf("KZ ru: ins %q gender %q line %d", got, kz.Gender, kz.Line)
	}
	kzk, err := ds.EntityForms("KZ", kk)
	if err != nil {
		t.Fatal(err)
	}
	if got, _ := kk.Form(kzk, locale.Abl); got != "Қазақстаннан" {
		t.Errorf("KZ kk abl (decline: auto) = %q", got)
	}
	us, err := ds.EntityForms("US", ru)
	if err != nil {
		t.Fatal(err)
	}
	if got, _ := ru.Form(us, locale.Prep); got != "США" {
		t.Errorf("US ru prep (indeclinable) = %q", got)
	}
	if v, _ := ru.VerbFor(locale.Verb{By: map[string]string{"m": "вырос", "f": "выросла", "n": "выросло", "pl": "выросли"}}, us); v != "выросли" {
		t.Errorf("US (number: pl) agrees as %q", v)
	}
	// A plain name is English, the nominative alone; the old map of
	// texts still fills Names.
	rus, err := ds.EntityForms("RU", en)
	if err != nil || rus.Nominative() != "Russia" {
		t.Errorf("RU en = %v, %v", rus, err)
	}
	if ds.Entities[0].Names["ru"] != "Казахстан" || ds.Entities[0].Name("ru") != "Казахстан" || ds.Entities[1].Name("ru") != "Russia" {
		t.Errorf("Names: %v %v", ds.Entities[0].Names, ds.Entities[1].Names)
	}

	// A name without forms in a language is an error naming its place,
	// not the English name in disguise.
	_, err = ds.EntityForms("RU", ru)
	var me *MissingError
	if !errors.As(err, &me) || me.Pos.Line != 11 || !strings.Contains(err.Error(), `d/entities.yaml:11:5: entity "RU" has no ru name`) {
		t.Errorf("RU ru: %v", err)
	}
	// A group listed with an English name only.
	if g, err := ds.GroupForms("ca", en); err != nil || g.Nominative() != "Central Asia" {
		t.Errorf("group ca en: %v %v", g, err)
	}
	if _, err := ds.GroupForms("ca", ru); err == nil || !strings.Contains(err.Error(), `d/entities.yaml:2:5: group "ca" has no ru name`) {
		t.Errorf("group ca ru: %v", err)
	}
	if tn, err := ds.TopicName("trade", ru); err != nil || tn.Nominative() != "Торговля" {
		t.Errorf("topic ru: %v %v", tn, err)
	}
	if ds.Topics[0].Name != "Trade" {
		t.Errorf("topic English name %q", ds.Topics[0].Name)
	}
}

func TestIndicatorWording(t *testing.T) {
	ds := loadLang(t, langEntities, langIndicators)
	ls := locales(t, "en", "ru", "kk")
	en, ru, kk := ls[0], ls[1], ls[2]

	w, err := ds.IndicatorWording("projects", ru)
	if err != nil {
		t.Fatal(err)
	}
	kz, _ := ds.EntityForms("KZ", ru)
	verb, _ := ru.VerbFor(*w.Verb, kz)
	count, _ := ru.Count(99, 0, *w.Noun)
	if got := kz.Nominative() + " " + verb + " " + count; got != "Казахстан реализовал 99 проектов" {
		t.Errorf("sentence: %q", got)
	}
	if c, _ := ru.Count(2, 0, *w.Unit); c != "2 проекта" {
		t.Errorf("unit count: %q", c)
	}
	ph, _ := ru.Form(w.Phrase, locale.Gen)
	if w.Name.Nominative() != "Реализованные проекты" || ph != "числа проектов" {
		t.Errorf("name %q, phrase gen %q", w.Name.Nominative(), ph)
	}

	// English is the base entry.
	e, err := ds.IndicatorWording("projects", en)
	if err != nil || e.Name.Nominative() != "Projects completed" || e.Noun.Pl[locale.Nom] != "projects" || e.Noun.Nominative() != "project" || e.Verb.All != "has completed" {
		t.Errorf("en wording %+v, %v", e, err)
	}

	// A language block that lacks what the English entry has: one error
	// with every fault, at the block.
	_, err = ds.IndicatorWording("projects", kk)
	want := `d/indicators.yaml:26:7: indicator "projects" has no kk name (tables and charts print it): give it under kk:; ` +
		`indicator "projects" has no kk phrase (sentences name the indicator by it, in any case): give it under kk:; ` +
		`indicator "projects" has no kk noun (the English entry counts "projects"): give it under kk:; ` +
		`indicator "projects" has no kk unit (figures are printed with "projects" in words): give it under kk:`
	if err == nil || err.Error() != want {
		t.Errorf("kk wording:\n%v\nwant:\n%s", err, want)
	}
	if _, err := ds.IndicatorWording("turnover", kk); err == nil || !strings.Contains(err.Error(), `d/indicators.yaml:5:5: indicator "turnover" has no kk wording`) {
		t.Errorf("turnover kk: %v", err)
	}
}

func TestTranslatedTexts(t *testing.T) {
	ds := loadLang(t, langEntities, langIndicators)
	title, summary, source, err := ds.EventText(0, "ru")
	if err != nil || title != "Прошёл форум" || summary != "Форум состоялся." || source != "Office" {
		t.Errorf("event ru: %q %q %q %v", title, summary, source, err)
	}
	if title, _, _, err := ds.EventText(0, "en"); err != nil || title != "Forum held" {
		t.Errorf("event en: %q %v", title, err)
	}
	if _, _, _, err := ds.EventText(0, "kk"); err == nil || err.Error() != `d/events.csv:2: event "Forum held" has no kk translation: give it in the column summary_kk` {
		t.Errorf("event kk: %v", err)
	}
	o := ds.Observations[0]
	if n, err := o.NoteIn("ru"); err != nil || n != "На сегодняшний день." || o.SourceIn("ru") != "Ведомство" || o.SourceIn("kk") != "Office" {
		t.Errorf("note ru %q %v, sources %q %q", n, err, o.SourceIn("ru"), o.SourceIn("kk"))
	}
	if _, err := o.NoteIn("kk"); err == nil || !strings.HasPrefix(err.Error(), `d/observations.csv:2: the note "To date." of projects, KZ, 2025 has no kk translation`) {
		t.Errorf("note kk: %v", err)
	}
	if n, err := ds.Observations[1].NoteIn("kk"); err != nil || n != "" {
		t.Errorf("no note: %q %v", n, err)
	}
}

// Faults of the catalogs' language fields are errors of every load, at
// their line: a case, gender or option the language does not have, a
// key that is not a language, a block that is not a mapping, an unknown
// key in a block, a verb form for a gender the language lacks.
func TestLanguageFieldErrors(t *testing.T) {
	ents := `entities:
  - id: KZ
    name:
      en: Kazakhstan
      ru: {nom: Казахстан, loc: Казахстане}
      kk: {nom: Қазақстан, gender: m}
      Ru: Казахстан
      de: [Kasachstan]
  - id: RU
    name:
      ru: {gen: России, gender: f}
      kk: {nom: Ресей, decline: sometimes}
      en: ""
  - id: UZ
    name:
      ru: {nom: Узбекистан, gender: x}
      ru: Узбекистан
`
	inds := `indicators:
  - id: turnover
    name: Trade turnover
    ru: Товарооборот
    kk:
      name: Тауар айналымы
      phrse: {nom: тауар айналымы}
  - id: projects
    name: Projects
    ru:
      verb: {m: реализовал, x: реализовало}
      noun: {nom: проект, decline: auto}
    kk:
      verb: {m: асырды, pl: асырды}
  - id: other
    name: Other
    uni: USD
`
	_, diags, err := Load("d", Options{FS: langFS(ents, inds)})
	if err == nil {
		t.Fatal("no error")
	}
	checkDiags(t, diags,
		`d/entities.yaml:5: entity "KZ": ru name "Казахстан" gives a loc form, a case ru does not have (nom, gen, dat, acc, ins, prep)`,
		`d/entities.yaml:6: entity "KZ": kk name "Қазақстан" has a gender, which kk nouns do not have`,
		`d/entities.yaml:7:7: name: "Ru" is not a language code: key each name by its language in lower case ({en: Kazakhstan, ru: {nom: Казахстан, …}})`,
		`d/entities.yaml:8:11: entity "KZ": de name: a noun is a text or a mapping of its forms, not a list`,
		`d/entities.yaml:11:11: entity "RU": ru name has no nominative: give nom: first ({nom: Казахстан, gen: Казахстана, …})`,
		`d/entities.yaml:12:11: entity "RU": kk name: decline: "sometimes": the only value is auto`,
		`d/entities.yaml:13:11: entity "RU": en name is empty: give it in words, or leave the key out`,
		`d/entities.yaml:16: entity "UZ": ru name "Узбекистан" has gender "x"; ru has m, f, n`,
		`d/entities.yaml:17:7: name: language ru appears twice (first on line 16)`,
		`d/events.csv:2:2: unknown topic "trade": not in indicators.yaml`,
		`d/indicators.yaml:4:5: key "ru" must be a mapping of the indicator's words in that language (ru: {name: …, phrase: {nom: …}})`,
		`d/indicators.yaml:7:7: unknown key "phrse"; did you mean "phrase"? (known keys: name, phrase, noun, unit, verb, negative, positive, place, per)`,
		`d/indicators.yaml:11:13: indicator "projects": ru verb: gives a form for "x", which ru does not have (m, f, n, pl)`,
		`d/indicators.yaml:12: indicator "projects": ru noun "проект" asks for decline: auto, which ru does not do: give the forms`,
		`d/indicators.yaml:14:13: indicator "projects": kk verb: gives forms by gender, which kk verbs do not have: give one text`,
		`d/indicators.yaml:17:5: unknown key "uni"; did you mean "unit"? (a language block is a mapping: uni: {name: …, phrase: …})`,
	)
}

// CheckLanguage lists every fault of every entry, sorted by place; a
// complete dataset has none.
func TestCheckLanguageListsAll(t *testing.T) {
	ds := loadLang(t, langEntities, langIndicators)
	ls := locales(t, "en", "ru", "kk")
	if d := ds.CheckLanguage(ls[0]); len(d) != 0 {
		t.Errorf("en: %v", diagStrings(d))
	}
	checkDiags(t, ds.CheckLanguage(ls[1]),
		`d/entities.yaml:2:5: group "ca" has no ru name: give name: {en: Central Asia, ru: {nom: …, gen: …, dat: …, acc: …, ins: …, prep: …, gender: m|f|n}}`,
		`d/entities.yaml:11:5: entity "RU" has no ru name: give name: {en: Russia, ru: {nom: …, gen: …, dat: …, acc: …, ins: …, prep: …, gender: m|f|n}}`,
	)
	checkDiags(t, ds.CheckLanguage(ls[2]),
		`d/entities.yaml:2:5: group "ca" has no kk name: give name: {en: Central Asia, kk: {nom: …, gen: …, dat: …, acc: …, loc: …, abl: …, ins: …}}`,
		`d/entities.yaml:11:5: entity "RU" has no kk name: give name: {en: Russia, kk: {nom: …, gen: …, dat: …, acc: …, loc: …, abl: …, ins: …}}`,
		`d/entities.yaml:13:5: entity "US" has no kk name: give name: {en: United States, kk: {nom: …, gen: …, dat: …, acc: …, loc: …, abl: …, ins: …}}`,
		`d/events.csv:2: event "Forum held" has no kk translation: give it in the column summary_kk`,
		`d/indicators.yaml:2:5: topic "trade" has no kk name: give name: {en: Trade, kk: …} (under topics:)`,
		`d/indicators.yaml:5:5: indicator "turnover" has no kk wording: give kk: {name: …, phrase: {nom: …, gen: …}}`,
		`d/indicators.yaml:26:7: indicator "projects" has no kk name (tables and charts print it): give it under kk:`,
		`d/indicators.yaml:26:7: indicator "projects" has no kk phrase (sentences name the indicator by it, in any case): give it under kk:`,
		`d/indicators.yaml:26:7: indicator "projects" has no kk noun (the English entry counts "projects"): give it under kk:`,
		`d/indicators.yaml:26:7: indicator "projects" has no kk unit (figures are printed with "projects" in words): give it under kk:`,
		`d/observations.csv:2: the note "To date." of projects, KZ, 2025 has no kk translation: give it in the column note_kk`,
	)
}

// Observations in YAML (and JSON) carry translated notes as keys.
func TestTranslatedNoteKeys(t *testing.T) {
	fs := fstest.MapFS{"d/observations.yaml": {Data: []byte(`- {indicator: x, entity: KZ, period: 2024, value: 1, unit: USD, source: Office, source_url: "https://x.example", note: Preliminary., note_kk: Алдын ала деректер., source_kk: Кеңсе}
`)}}
	ds, diags, err := Load("d", Options{FS: fs})
	if err != nil || len(diags) != 0 {
		t.Fatalf("%v %v", err, diagStrings(diags))
	}
	o := ds.Observations[0]
	if n, err := o.NoteIn("kk"); err != nil || n != "Алдын ала деректер." || o.SourceIn("kk") != "Кеңсе" {
		t.Errorf("kk: %q %v %q", n, err, o.SourceIn("kk"))
	}
	if _, err := o.NoteIn("ru"); err == nil || !strings.Contains(err.Error(), "d/observations.yaml:1:3: the note \"Preliminary.\"") {
		t.Errorf("ru: %v", err)
	}
}
