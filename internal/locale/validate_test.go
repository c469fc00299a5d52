package locale

import (
	"os"
	"strings"
	"testing"
)

// Broken locale files fail to load with the file, the line where known,
// the key and what to write.
func TestValidateErrors(t *testing.T) {
	src, err := os.ReadFile("data/ru.yaml")
	if err != nil {
		t.Fatal(err)
	}
	ru := string(src)
	edit := func(old, new string) string {
		t.Helper()
		if !strings.Contains(ru, old) {
			t.Fatalf("ru.yaml has no %q", old)
		}
		return strings.Replace(ru, old, new, 1)
	}
	tests := []struct {
		name, file, src, want string
	}{
		{"unknown key", "ru.yaml", edit("quotes:", "qoutes:"), "ru.yaml: line "},
		{"unknown key names it", "ru.yaml", edit("quotes:", "qoutes:"), "field qoutes not found"},
		{"file name", "russian.yaml", ru, `russian.yaml:6: tag: "ru" does not match the file name: name the file ru.yaml`},
		{"bad tag", "xx-.yaml", edit("tag: ru", "tag: xx-"), `tag: "xx-" is not a BCP 47 language tag`},
		{"category missing", "ru.yaml", edit(`few: "{n}\u00a0сома", `, ""), `ru.yaml:53: currencies.KGS.text: no form for the plural category "few"`},
		{"not a category", "ru.yaml", edit("other: миллиона}", "other: миллиона, dual: миллиона}"), `"dual" is not a plural category of ru`},
		{"placeholder typo", "ru.yaml", edit(`month:   {label: "{month} {y}`, `month:   {label: "{mnth} {y}`), `periods.month.label: "{mnth} {y}\u00a0г.": unknown placeholder {mnth}`},
		{"month case missing", "ru.yaml", edit(`{month:prep}`, `{month:loc}`), `{month:loc}: the locale has no such form`},
		{"unclosed brace", "ru.yaml", edit(`percent: "{n}\u00a0%"`, `percent: "{n\u00a0%"`), `has a { without its }`},
		{"eleven months", "ru.yaml", edit("декабре]", "]"), "months.prep: has 11 names, not 12"},
		{"period form missing", "ru.yaml", edit(`in: "на {w}-й неделе {y}\u00a0г.", `, ""), "periods.week.in: missing"},
		{"ordinal form missing", "ru.yaml", edit("    pl.ins: \"{n}-ми\"\n", ""), "ordinal.forms: no form pl.ins"},
		{"agreeing form missing", "ru.yaml", edit("n: выросло, ", ""), "agreeing.rose: no n form"},
		{"noun slot", "ru.yaml", edit("many: pl.gen, other: gen}", "many: pl.loc, other: gen}"), `grammar.after_numeral.many: "loc": want a case of grammar.cases`},
		{"scale style", "ru.yaml", edit("scale_style: abbr", "scale_style: short"), `number.scale_style: "short": use full or abbr`},
		{"group equals decimal", "ru.yaml", edit(`group: "\u00a0"`, `group: ","`), `number.group: the same as the decimal separator ","`},
		{"currency code", "ru.yaml", edit("  EUR: {", "  Euro: {"), "currencies.Euro: not an ISO 4217 code"},
		{"auto without harmony", "ru.yaml", edit("  numeral_noun:", "  auto_declension: true\n  numeral_noun:"), "grammar.auto_declension: needs a harmony: section"},
		{"not yaml", "ru.yaml", "tag: [", "ru.yaml: "},
	}
	for _, tt := range tests {
		_, err := Parse(tt.file, []byte(tt.src))
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: got %v, want %q", tt.name, err, tt.want)
		}
	}
}

// Any bytes either load as a locale or fail with an error; none panics.
func FuzzParse(f *testing.F) {
	for _, name := range []string{"data/en.yaml", "data/ru.yaml", "data/kk.yaml", "testdata/de/de.yaml"} {
		src, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(src)
	}
	f.Add([]byte("tag: ru\nperiods: {year: {label: \"{\"}}"))
	f.Fuzz(func(t *testing.T, src []byte) {
		l, err := Parse("ru.yaml", src)
		if err != nil {
			return
		}
		// A locale that loads writes without panicking.
		_, _ = l.Money(27.8e9, "USD", 1)
		_, _ = l.Count(21, 0, NewNoun("nom", "x"))
		_ = l.DateRange(day(2025, 1, 27), day(2025, 2, 2))
		_ = l.Ordinal(6)
		_ = l.Join([]string{"a", "b, c", "d"})
	})
}

// Any tag or list either matches or is refused with an error.
func FuzzMatch(f *testing.F) {
	for _, s := range []string{"ru", "kk-KZ", "en-GB", "ru,kk,en", "x-private", "und", "zh-Hant-TW", "ru,,"} {
		f.Add(s)
	}
	r, err := Default()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if l, err := r.Match(s); err == nil && l == nil {
			t.Fatal("nil locale without error")
		}
		if ls, err := r.ParseList(s); err == nil && len(ls) == 0 {
			t.Fatal("no locales without error")
		}
	})
}
