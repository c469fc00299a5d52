package locale

import (
	"errors"
	"os"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/briefhq/brief/internal/period"
)

func TestDefault(t *testing.T) {
	r, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	if got := r.Supported(); !reflect.DeepEqual(got, []string{"en", "kk", "ru"}) {
		t.Errorf("Supported() = %v", got)
	}
	if _, ok := r.Get("de"); ok {
		t.Error("German is a test stub, not shipped")
	}
}

func TestMatch(t *testing.T) {
	r, _ := Default()
	ok := map[string]string{
		"ru": "ru", "ru-RU": "ru", "ru_RU": "ru", "RU": "ru", "ru-KZ": "ru", "ru-Cyrl-RU": "ru",
		"kk": "kk", "kk-KZ": "kk", "kk-Cyrl-KZ": "kk",
		"en": "en", "en-GB": "en", "en-US": "en", " en ": "en",
	}
	for tag, want := range ok {
		l, err := r.Match(tag)
		if err != nil {
			t.Errorf("Match(%q): %v", tag, err)
			continue
		}
		if l.ID() != want {
			t.Errorf("Match(%q) = %s, want %s", tag, l.ID(), want)
		}
	}
	bad := map[string]string{
		"de":      `language "de" is not supported; supported: en, kk, ru`,
		"be":      `language "be" is not supported; supported: en, kk, ru`, // never Russian in its place
		"ky":      `language "ky" is not supported; supported: en, kk, ru`,
		"kk-Latn": `language "kk-Latn" is not supported (the kk locale is written in Cyrl script); supported: en, kk, ru`,
		"":        `language "" is not supported (not a BCP 47 language tag such as ru, kk-KZ or en-GB); supported: en, kk, ru`,
		"russian": `language "russian" is not supported (not a BCP 47 language tag such as ru, kk-KZ or en-GB); supported: en, kk, ru`,
	}
	for tag, want := range bad {
		_, err := r.Match(tag)
		var ue *UnsupportedError
		if !errors.As(err, &ue) || err.Error() != want {
			t.Errorf("Match(%q) error = %v, want %q", tag, err, want)
		}
	}
}

func TestParseList(t *testing.T) {
	r, _ := Default()
	ls, err := r.ParseList("ru,kk,en")
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, l := range ls {
		ids = append(ids, l.ID())
	}
	if !reflect.DeepEqual(ids, []string{"ru", "kk", "en"}) {
		t.Errorf("ParseList order = %v", ids)
	}
	if ls, err := r.ParseList(" ru-RU , kk-KZ "); err != nil || len(ls) != 2 || ls[1].ID() != "kk" {
		t.Errorf("ParseList with spaces and regions: %v %v", ls, err)
	}
	for list, want := range map[string]string{
		"ru,,en":   `language list "ru,,en" has an empty item; write tags separated by commas, e.g. ru,kk,en`,
		"ru,ru-RU": `language list "ru,ru-RU" names ru twice (ru and ru-RU)`,
		"ru,de":    `language "de" is not supported; supported: en, kk, ru`,
		"":         `language list "" has an empty item`,
	} {
		if _, err := r.ParseList(list); err == nil || !strings.HasPrefix(err.Error(), want) {
			t.Errorf("ParseList(%q) error = %v, want %q", list, err, want)
		}
	}
}

// A language is added by a file alone: the German stub in testdata,
// loaded beside the shipped locales, matches its tags and writes its
// numbers, money, plurals and dates with no Go of its own.
func TestAddLanguageByData(t *testing.T) {
	base, _ := Default()
	r, err := base.Extend(os.DirFS("testdata/de"), ".")
	if err != nil {
		t.Fatal(err)
	}
	if got := r.Supported(); !reflect.DeepEqual(got, []string{"de", "en", "kk", "ru"}) {
		t.Errorf("Supported() = %v", got)
	}
	de, err := r.Match("de-AT")
	if err != nil {
		t.Fatal(err)
	}
	noun := Noun{Sg: map[Case]string{Nom: "Projekt"}, Pl: map[Case]string{Nom: "Projekte"}, Gender: "n"}
	checks := []struct{ got, want string }{
		{must(t)(de.Money(27.8e9, "USD", 1)), "27,8" + nb + "Mrd." + nb + "US-Dollar"},
		{must(t)(de.Number(1234567.5, 1)), "1.234.567,5"},
		{must(t)(de.Percent(4.2, 1)), "4,2" + nb + "%"},
		{must(t)(de.Points(1, 0)), "1 Prozentpunkt"},
		{must(t)(de.ScaledAs(2e9, -1, Full)), "2" + nb + "Milliarden"},
		{must(t)(de.Count(1, 0, noun)), "1 Projekt"},
		{must(t)(de.Count(5, 0, noun)), "5 Projekte"},
		{de.Date(day(2025, 2, 3)), "3. Februar 2025"},
		{de.DateRange(day(2025, 2, 3), day(2025, 2, 9)), "3.–9. Februar 2025"},
		{must(t)(de.Period(period.MustParse("2025-W06"), Label)), "KW 6/2025"},
		{must(t)(de.Period(period.MustParse("2025-Q1"), In)), "im 1. Quartal 2025"},
		{de.Join([]string{"A", "B", "C"}), "A, B und C"},
		{de.Quote("x"), "„x“"},
		{must(t)(de.OrdinalOf(2, Noun{Sg: map[Case]string{Nom: "Platz"}, Gender: "m"}, Nom)), "2. Platz"},
		{de.ShortMonth(time.March, true), "März"},
	}
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("de: got %q, want %q", show(c.got), show(c.want))
		}
	}
	// A file never replaces a shipped language.
	ru, _ := os.ReadFile("data/ru.yaml")
	_, err = base.Extend(fstest.MapFS{"ru.yaml": {Data: ru}}, ".")
	if err == nil || err.Error() != "ru.yaml: language ru is already given by data/ru.yaml" {
		t.Errorf("Extend with a second ru: %v", err)
	}
}
