package report

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode"

	"github.com/briefhq/brief/internal/chart"
)

// Tests of the seventh editorial review (issue 13): each asserts what a
// reader sees.

// boxLines are the lines of a key-messages box (box's block quote) that
// are messages, in any language.
func boxLines(b string) []string {
	var out []string
	for _, l := range strings.Split(b, "\n") {
		if strings.HasPrefix(l, "> - ") {
			out = append(out, l)
		}
	}
	return out
}

// TestKeyMessagesSayNews (round 7, item 1): a key message says news; a
// bare level is never one for a member of a ranking below the top
// ("Kazakhstan's GDP stood at $261.42 billion"), and the top's bare level
// only fills a box that would otherwise have fewer than three lines; the
// box prefers fewer lines to padding. In every language.
func TestKeyMessagesSayNews(t *testing.T) {
	// The sample has four items of news, one per section: the bare
	// leader of trade turnover and a second event of a section stay out.
	md := sampleBrief(t)
	km := keyMessages(t, md)
	if n := len(boxLines(box(t, md))); n != 4 {
		t.Errorf("sample: %d key messages, want the four items of news:\n%s", n, km)
	}
	lacks(t, "sample key messages", km, "trade turnover", "Gazprom", "Saran")
	contains(t, "sample key messages", km, "does not join the sanctions", "is worth $52.9 billion", "Rosatom", "VTB Bank plans")
	contains(t, "sample body", section(t, md, "Trade"), "Kazakhstan had the highest trade turnover with Russia")
	for _, lang := range []string{"ru", "kk"} {
		b := box(t, nbsp(file(t, weeklyIn(t, "../../data", lang), "brief.md")))
		if n := len(boxLines(b)); n != 4 {
			t.Errorf("sample %s: %d key messages, want 4:\n%s", lang, n, b)
		}
		lacks(t, "sample "+lang+" key messages", b, "27,8", "Газпром")
	}

	// Real data: one item of news (inflation fell in all six), so the
	// top of the GDP ranking fills the box by its level; Kazakhstan's
	// bare level (second) never does.
	needShared(t, "gdp/gdp.csv")
	data := "../../testdata/mapping/central-asia"
	md = plainMD(file(t, weekly(t, data, "2023-W52"), "brief.md"))
	b := box(t, md)
	if got := boxLines(b); len(got) != 2 {
		t.Errorf("central-asia: %d key messages, want 2:\n%s", len(got), b)
	}
	contains(t, "central-asia key messages", b,
		"> - GDP-deflator inflation fell in all six in 2023, most in Turkmenistan, from 11.0% to deflation of 3.3%.",
		"> - The Russian Federation led the six in GDP in current dollars in 2023, with $2.02 trillion.")
	lacks(t, "central-asia key messages", b, "Kazakhstan's GDP", "261.42")
	contains(t, "central-asia body", md, "Kazakhstan came second with $261.42 billion.")
	for _, lang := range []string{"ru", "kk"} {
		b := box(t, nbsp(file(t, weeklyIn(t, data, lang), "brief.md")))
		if n := len(boxLines(b)); n != 2 {
			t.Errorf("central-asia %s: %d key messages, want 2:\n%s", lang, n, b)
		}
		contains(t, "central-asia "+lang+" key messages", b, "2,02")
		lacks(t, "central-asia "+lang+" key messages", b, "261,42")
	}
}

// TestDoubtfulFigureLeftOutOfTheBrief (round 7, item 3): a figure the
// program doubts for its period (the sample's "12 million visitors in
// 2025" given on 3 February) is not in the brief, not even as a "Not
// used: …" working note, in any language; the internal sheet keeps it
// "Not for public use" with its reason; the run warns of it, naming the
// data file and line; brief.json lists it as not used.
func TestDoubtfulFigureLeftOutOfTheBrief(t *testing.T) {
	out := weekly(t, "../../data", "2025-W06")
	md := plainMD(file(t, out, "brief.md"))
	lacks(t, "brief", md, "Not used", "12 million", "foreign visitors", "first five weeks")
	contains(t, "brief", section(t, md, "Tourism and payments"), "Kazakhstan has 183 outlets serviced by VTB that accept Mir cards as of February 2025.")
	for _, lang := range []string{"ru", "kk"} {
		b := nbsp(file(t, weeklyIn(t, "../../data", lang), "brief.md"))
		lacks(t, lang+" brief", b, "12 млн", "не используется", "пайдаланылмайды", "иностранных", "шетелдік")
	}
	internal := plainMD([]byte(pointsOf(t, "../../data", "2025-W06", "internal")))
	contains(t, "internal points", internal, "- Not for public use: Kazakhstan received about 12 million foreign visitors in 2025 up to 3 February, according to the source. That covers only about the first five weeks of 2025, so it is probably not a figure for 2025.")
	for _, lang := range []string{"ru", "kk"} {
		pts := nbsp(file(t, pointsIn(t, "../../data", lang, "internal"), "points.md"))
		contains(t, lang+" internal points", pts, map[string]string{"ru": "Не для публичного использования.", "kk": "Жария қолдануға арналмаған."}[lang], "12 млн")
	}
	const warn = "../../data/observations.csv:11: Foreign visitors (Kazakhstan, 2025: about 12 million visitors) left out of the brief: the figure covers only about the first five weeks of 2025, so it is probably not a figure for 2025; the internal talking points give it, not for public use"
	if w := ownWarnings(out); len(w) != 1 || w[0] != warn {
		t.Errorf("warnings = %q, want [%q]", w, warn)
	}
	js := string(file(t, out, "brief.json"))
	contains(t, "brief.json", js, `"not_used": [`, `"file": "../../data/observations.csv"`, `"line": 11`, `"indicator": "foreign_visitors"`, `"value": 12000000`,
		`"reason": "covers only about the first five weeks of 2025, so it is probably not a figure for 2025"`)
	if !strings.Contains(js, strings.ReplaceAll(warn, `"`, `\"`)) {
		t.Errorf("brief.json's warnings lack %q:\n%s", warn, js)
	}
}

// bodySentence splits a brief's body into its sentences, roughly.
var bodySentence = regexp.MustCompile(`[.!?:;]\s+|\n+`)

// words are the distinct words of s in lower case, in any script.
func words(s string) map[string]bool {
	out := map[string]bool{}
	for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		out[w] = true
	}
	return out
}

// nearCopy reports whether sentence b says a's words, up to their order
// and a moved date phrase: at least 80% of the words of the two are
// shared (Jaccard), the two being of some length.
func nearCopy(a, b string) bool {
	wa, wb := words(a), words(b)
	if len(wa) < 6 || len(wb) < 6 {
		return false
	}
	both := 0
	for w := range wa {
		if wb[w] {
			both++
		}
	}
	return float64(both) >= 0.8*float64(len(wa)+len(wb)-both)
}

// TestNearCopyCatchesAMovedDate (round 7, item 2): the no-repeat test
// (TestKeyMessageIsNotTheBodysSentence) catches the round-7 copy, the
// key message with its date phrase moved to the end, and lets pass a
// sentence that says more of the same subject.
func TestNearCopyCatchesAMovedDate(t *testing.T) {
	box := "As of February 2025, Kazakhstan's joint industrial project portfolio with Russia is worth $52.9 billion."
	if !nearCopy(box, "Kazakhstan's joint industrial project portfolio with Russia is worth $52.9 billion as of February 2025") {
		t.Error("the moved date is not caught")
	}
	if !nearCopy("В феврале 2025 г. стоимость портфеля составила 52,9 млрд долл. США", "Стоимость портфеля — 52,9 млрд долл. США (в феврале 2025 г.)") {
		t.Error("the ru copy is not caught")
	}
	if nearCopy(box, "Kazakhstan's joint industrial project portfolio with Russia comprises 171 projects as of February 2025") {
		t.Error("a sentence that says more is taken for a copy")
	}
}

// TestBodySaysMoreThanTheBox (round 7, item 2): the sample's box gives
// the portfolio's value; the body does not say it again in nearly the
// same words but gives the portfolio's count with its note (the 99
// completed, 45 under way and the 27 the article does not describe),
// in every language; the table keeps the value.
func TestBodySaysMoreThanTheBox(t *testing.T) {
	for lang, want := range map[string][]string{
		"en": {"Kazakhstan's joint industrial project portfolio with Russia comprises 171 projects as of February 2025. The portfolio spans construction", "The article gives 99 of the 171 projects as completed and 45 as under way; it does not describe the other 27. Table 2 gives", "| Value of the joint industrial project portfolio | $52.9 billion |"},
		"ru": {"В феврале 2025 г. портфель проектов промышленной кооперации Казахстана с Россией составил 171 проект.", "об остальных 27 статья не сообщает. Остальные показатели — в таблице 2."},
		"kk": {"2025 жылғы ақпанда Қазақстанның Ресеймен өнеркәсіптік кооперация жобаларының портфелі 171 жоба болды.", "қалған 27 жоба туралы мақалада айтылмайды. Басқа көрсеткіштер 2-кестеде берілген."},
	} {
		md := nbsp(file(t, weeklyIn(t, "../../data", lang), "brief.md"))
		b := box(t, md)
		contains(t, lang+" key messages", b, map[bool]string{true: "52.9", false: "52,9"}[lang == "en"])
		body := md[strings.Index(md, b)+len(b):]
		contains(t, lang+" body", body, want...)
		for _, s := range bodySentence.Split(body, -1) {
			if strings.Contains(s, "52,9") || strings.Contains(s, "52.9") {
				if !strings.HasPrefix(strings.TrimSpace(s), "|") {
					t.Errorf("%s body says the box's figure again: %q", lang, s)
				}
			}
		}
	}
}

// TestInternalPointCarriesItsNote (round 7, item 4): the internal sheet
// ("exact figures and caveats") carries a figure's note, the data's own,
// with it: the portfolio's value gives the 171 projects and the caveat
// the press officer needs when a journalist subtracts 99 and 45 from
// 171 (the article does not describe the other 27); the counts the note
// gives have no point of their own; the press sheet carries no note. In
// every language.
func TestInternalPointCarriesItsNote(t *testing.T) {
	for lang, want := range map[string]string{
		"en": "- Kazakhstan's joint industrial project portfolio with Russia is worth $52.9 billion as of February 2025. The article gives 99 of the 171 projects as completed and 45 as under way; it does not describe the other 27.\n",
		"ru": "- В феврале 2025 г. стоимость портфеля проектов промышленной кооперации Казахстана с Россией составила 52,9 млрд долл. США. Из 171 проекта 99, по данным статьи, реализованы и 45 реализуются; об остальных 27 статья не сообщает.\n",
		"kk": "- 2025 жылғы ақпанда Қазақстанның Ресеймен өнеркәсіптік кооперация жобалары портфелінің құны 52,9 млрд АҚШ доллары болды. Мақалада 171 жобаның 99-ы іске асырылған, 45-і іске асырылып жатқан деп көрсетілген; қалған 27 жоба туралы мақалада айтылмайды.\n",
	} {
		var internal, press string
		if lang == "en" {
			internal = plainMD([]byte(pointsOf(t, "../../data", "2025-W06", "internal")))
			press = plainMD([]byte(pointsOf(t, "../../data", "2025-W06", "press")))
		} else {
			internal = nbsp(file(t, pointsIn(t, "../../data", lang, "internal"), "points.md"))
			press = nbsp(file(t, pointsIn(t, "../../data", lang, "press"), "points.md"))
		}
		contains(t, lang+" internal points", internal, want)
		if n := strings.Count(internal, "99"); n != 1 {
			t.Errorf("%s internal points give the 99 %d times, want once (in the note):\n%s", lang, n, internal)
		}
		lacks(t, lang+" press points", press, "27")
	}
}

// TestDwarfedLinesGetTheirOwnChart (round 7, item 5): when one line of a
// line chart dwarfs the others (Russia's GDP against five Central Asian
// economies, all under an eighth of it), the small ones are drawn in a
// chart of their own with its own scale, and each caption names exactly
// the lines its chart draws, in every language; a chart of one scale
// (the World Bank's six largest economies) stays whole.
func TestDwarfedLinesGetTheirOwnChart(t *testing.T) {
	needShared(t, "gdp/gdp.csv")
	five := []string{"Kazakhstan", "Uzbekistan", "Turkmenistan", "Kyrgyz Republic", "Tajikistan"}
	for _, lang := range []string{"en", "ru", "kk"} {
		out := weeklyIn(t, "../../testdata/mapping/central-asia", lang)
		md := nbsp(file(t, out, "brief.md"))
		var big, small *chart.Chart
		for i, c := range out.Doc.Charts {
			switch c.File {
			case "chart-gdp-line.svg":
				big = &out.Doc.Charts[i]
			case "chart-gdp-small-line.svg":
				small = &out.Doc.Charts[i]
			}
		}
		if big == nil || small == nil {
			t.Fatalf("%s: GDP line charts %v, %v", lang, big, small)
		}
		if len(big.Series) != 0 || !strings.Contains(big.Title, "Russian Federation") {
			t.Errorf("%s: the large chart draws %d lines, title %q: want Russia's alone", lang, len(big.Series), big.Title)
		}
		var names []string
		for _, s := range small.Series {
			names = append(names, s.Name)
		}
		if strings.Join(names, ",") != strings.Join(five, ",") {
			t.Errorf("%s: the small chart draws %v, want %v", lang, names, five)
		}
		// The captions say what each chart draws.
		caps := regexp.MustCompile(`(?m)^\*[^*\n]*Gross domestic product[^*\n]*2014[^*\n]*\*$`).FindAllString(md, -1)
		if len(caps) != 2 || !strings.Contains(caps[0], "Russian Federation") || strings.Contains(caps[0], "Kazakhstan") {
			t.Fatalf("%s: GDP line captions %q", lang, caps)
		}
		for _, n := range five {
			contains(t, lang+" small chart's caption", caps[1], n)
		}
		lacks(t, lang+" small chart's caption", caps[1], "Russian")
	}
	out := weekly(t, "../../testdata/mapping/worldbank", "2023-W52")
	for _, c := range out.Doc.Charts {
		if c.File == "chart-gdp-small-line.svg" {
			t.Errorf("worldbank: the six largest economies split: %v", c.Series)
		}
		if c.File == "chart-gdp-line.svg" && len(c.Series) != 6 {
			t.Errorf("worldbank: GDP line chart draws %d lines, want 6", len(c.Series))
		}
	}
}

// TestDoubtfulRankingMemberIsSaidWithItsCaveat: a ranking's member the
// program doubts for its period is not withheld (the ranking, its chart
// and table give it), so the brief never says of it "Not used: the
// source's figure …", which the ranking would contradict: the line under
// the table gives the figure with its caveat, in every language.
func TestDoubtfulRankingMemberIsSaidWithItsCaveat(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "data")
	if err := os.CopyFS(dir, os.DirFS("../../data")); err != nil {
		t.Fatal(err)
	}
	obs := filepath.Join(dir, "observations.csv")
	b, err := os.ReadFile(obs)
	if err != nil {
		t.Fatal(err)
	}
	src := `"“‘Central Asia is drifting away from Russia’ – fake” (opinion article, English translation, early 2025)"`
	// Uzbekistan's figure is far above its pace of 2024 (a doubt);
	// Kyrgyzstan's is not (no caveat).
	for _, row := range []string{"UZ,,2024,500000,visitors,2024-12-31", "UZ,,2025,3000000,visitors,2025-02-03", "KG,,2024,8000000,visitors,2024-12-31", "KG,,2025,2000000,visitors,2025-02-03"} {
		b = append(b, "foreign_visitors,"+row+","+src+",,,actual,,,,\n"...)
	}
	if err := os.WriteFile(obs, b, 0o644); err != nil {
		t.Fatal(err)
	}
	md := plainMD(file(t, weekly(t, dir, "2025-W06"), "brief.md"))
	contains(t, "brief", md, "Uzbekistan came second with 3 million visitors.",
		"*Uzbekistan received 3 million foreign visitors in 2025 up to 3 February, up 500.0% on 2024 (500,000). At that pace the period's total would be far above the previous period's, so the figure is to be treated with caution.*")
	lacks(t, "brief", md, "Not used", "probably not a figure")
	for lang, want := range map[string]string{
		"ru": "*С начала 2025 г. по 3 февраля Узбекистан принял 3 млн иностранцев. При таком темпе итог за период намного превысил бы итог предыдущего, поэтому к цифре следует относиться с осторожностью.*",
		"kk": "*2025 жылдың басынан 3 ақпанға дейін Өзбекстан 3 млн шетелдікті қабылдады. Мұндай қарқынмен кезеңнің жиынтығы алдыңғы кезеңдікінен әлдеқайда асып кетер еді, сондықтан көрсеткішке сақтықпен қарау керек.*",
	} {
		out := nbsp(file(t, weeklyIn(t, dir, lang), "brief.md"))
		contains(t, lang+" brief", out, want)
		lacks(t, lang+" brief", out, "не используется", "пайдаланылмайды")
	}
}
