package locale

import (
	"testing"
)

func TestQuote(t *testing.T) {
	tests := []struct{ lang, in, want string }{
		{"ru", "Самрук-Казына", "«Самрук-Казына»"},
		{"ru", "АО «Самрук-Казына»", "«АО „Самрук-Казына“»"},
		{"kk", "«Самұрық-Қазына» АҚ", "«„Самұрық-Қазына“ АҚ»"},
		{"en", "the “Belt and Road” plan", "“the ‘Belt and Road’ plan”"},
	}
	for _, tt := range tests {
		if got := loc(t, tt.lang).Quote(tt.in); got != tt.want {
			t.Errorf("%s Quote(%q) = %q, want %q", tt.lang, tt.in, got, tt.want)
		}
	}
}

func TestJoin(t *testing.T) {
	tests := []struct {
		lang  string
		items []string
		want  string
	}{
		{"ru", []string{"Казахстан", "Узбекистан", "Киргизия"}, "Казахстан, Узбекистан и Киргизия"},
		{"ru", []string{"Казахстан", "Узбекистан"}, "Казахстан и Узбекистан"},
		{"ru", []string{"Казахстан"}, "Казахстан"},
		{"ru", nil, ""},
		{"ru", []string{"Корея, Респ.", "Япония", "Китай"}, "Корея, Респ.; Япония; и Китай"},
		{"ru", []string{"4,2" + nb + "%", "3,1" + nb + "%"}, "4,2" + nb + "% и 3,1" + nb + "%"}, // a decimal comma is no list comma
		{"kk", []string{"Қазақстан", "Өзбекстан", "Қырғызстан"}, "Қазақстан, Өзбекстан және Қырғызстан"},
		{"kk", []string{"Астана (930,1 кт, бағалау)", "Алматы"}, "Астана (930,1 кт, бағалау) және Алматы"},
		{"en", []string{"Korea, Rep.", "Japan"}, "Korea, Rep.; and Japan"},
	}
	for _, tt := range tests {
		if got := loc(t, tt.lang).Join(tt.items); got != tt.want {
			t.Errorf("%s Join(%q) = %q, want %q", tt.lang, tt.items, show(got), show(tt.want))
		}
	}
}

func TestOrdinals(t *testing.T) {
	en, ru, kk := loc(t, "en"), loc(t, "ru"), loc(t, "kk")
	c := readCatalog(t)
	place := c["place"]["name_ru"]
	week := c["week"]["name_ru"]
	tests := []struct {
		l    *Locale
		n    int
		noun Noun
		c    Case
		want string
	}{
		{ru, 2, place, Nom, "2-е место"},
		{ru, 2, place, Gen, "2-го места"},
		{ru, 2, place, Prep, "2-м месте"},
		{ru, 6, week, Nom, "6-я неделя"},
		{ru, 6, week, Prep, "6-й неделе"},
		{ru, 3, c["kazakhstan"]["name_ru"], Gen, "3-го Казахстана"},
		{ru, 1, c["usa"]["name_ru"], Nom, "1-е США"}, // plural agreement
		{kk, 2, c["place"]["name_kk"], Nom, "2-орын"},
		{en, 2, NewNoun("nom", "place"), Nom, "2nd place"},
	}
	for _, tt := range tests {
		if got := must(t)(tt.l.OrdinalOf(tt.n, tt.noun, tt.c)); got != tt.want {
			t.Errorf("%s OrdinalOf(%d, %s, %s) = %q, want %q", tt.l, tt.n, tt.noun.Nominative(), tt.c, got, tt.want)
		}
	}
	if got := ru.Ordinal(2); got != "2-й" {
		t.Errorf("ru Ordinal(2) = %q", got)
	}
	if got := ru.OrdinalWord(2); got != "2-й" {
		t.Errorf("ru OrdinalWord(2) = %q: no words listed, figures", got)
	}
	if _, err := ru.OrdinalOf(2, c["plain"]["name_ru"], Nom); err == nil {
		t.Error("an ordinal with a noun of unknown gender must be an error")
	}
	if got := kk.Ordinal(3); got != "3-ші" {
		t.Errorf("kk Ordinal(3) = %q", got)
	}
}

func TestPhrases(t *testing.T) {
	ru, en := loc(t, "ru"), loc(t, "en")
	if got := must(t)(ru.Phrase("chart.source")); got != "Источник: " {
		t.Errorf("ru chart.source = %q", got)
	}
	if got := must(t)(en.Phrase("group.among_members", "n", "185", "m", "214", "group", "OECD")); got != "among the 185 of 214 members of the OECD group with figures" {
		t.Errorf("en group.among_members = %q", got)
	}
	if _, err := ru.Phrase("week.rose_by"); err == nil || err.Error() != `data/ru.yaml: phrase "week.rose_by": no such phrase; add it to the phrases section` {
		t.Errorf("a phrase the locale lacks is an error, never English: %v", err)
	}
	if _, err := en.Phrase("group.among_members", "n", "185"); err == nil {
		t.Error("a phrase given too few values must be an error")
	}
}
