package locale

import "testing"

func TestTypeset(t *testing.T) {
	for _, c := range []struct{ lang, in, want string }{
		// Formulas with subscripts, as whole words only.
		{"ru", "Выбросы CO2 от электростанций", "Выбросы CO₂ от электростанций"},
		{"ru", "1" + nb + "210,5 тыс. т CO2-экв.", "1" + nb + "210,5" + nb + "тыс." + nb + "т" + nb + "CO₂-экв."},
		{"kk", "CO2, CH4 және N2O", "CO₂, CH₄ және N₂O"},
		{"ru", "CO20, XCO2, co2", "CO20, XCO2, co2"},
		// A number and the word after it, and a dash, stay on one line.
		{"ru", "В 2024 г. — 99 проектов", "В 2024" + nb + "г." + nb + "— 99" + nb + "проектов"},
		{"kk", "2025 жылғы 3 ақпан", "2025" + nb + "жылғы 3" + nb + "ақпан"},
		// After a formula's digit the space stays a space: "CO₂ от" is no number.
		{"ru", "CO2 от", "CO₂ от"},
		// Web addresses and link targets are left as written.
		{"ru", "<https://x.kz/co2 CO2> и ![CO2 2024 г.](chart-CO2 2.svg)", "<https://x.kz/co2 CO2> и ![CO₂ 2024" + nb + "г.](chart-CO2 2.svg)"},
		// A line that opens with a dash (a list item) keeps its space.
		{"ru", "a\n— b", "a\n— b"},
		// Words kept with the next: «тыс. т», «куб. м», «АҚШ доллары»; an
		// en dash between names keeps its space before it.
		{"ru", "1,5 тыс. т и 112 тенге за 1 куб. м", "1,5" + nb + "тыс." + nb + "т" + nb + "и 112" + nb + "тенге за 1" + nb + "куб." + nb + "м"},
		{"kk", "27,8 млрд АҚШ доллары; Орта Азия – Орталық", "27,8" + nb + "млрд" + nb + "АҚШ" + nb + "доллары; Орта Азия" + nb + "– Орталық"},
		// English has no typography section: nothing changes.
		{"en", "CO2 emissions in 2024 — 99 projects", "CO2 emissions in 2024 — 99 projects"},
	} {
		if got := loc(t, c.lang).Typeset(c.in); got != c.want {
			t.Errorf("%s Typeset(%q) = %q, want %q", c.lang, show(c.in), show(got), show(c.want))
		}
	}
}
