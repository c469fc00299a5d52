package chart

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"image"
	"image/png"
	"io"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/go-fonts/dejavu/dejavusans"
	"github.com/go-fonts/dejavu/dejavusansbold"
	"github.com/go-fonts/dejavu/dejavusansboldoblique"
	"github.com/go-fonts/dejavu/dejavusansoblique"
	"golang.org/x/image/font"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

// fontAdvance reads r's advance in em from a DejaVu face, or false when
// the face lacks it.
func fontAdvance(t *testing.T, ttf []byte, r rune) (float64, bool) {
	t.Helper()
	f, ok := parsed[&ttf[0]]
	if !ok {
		var err error
		if f, err = sfnt.Parse(ttf); err != nil {
			t.Fatal(err)
		}
		parsed[&ttf[0]] = f
	}
	var buf sfnt.Buffer
	idx, err := f.GlyphIndex(&buf, r)
	if err != nil || idx == 0 {
		return 0, false
	}
	upem := f.UnitsPerEm()
	adv, err := f.GlyphAdvance(&buf, idx, fixed.Int26_6(upem)*64, font.HintingNone)
	if err != nil {
		t.Fatal(err)
	}
	return float64(adv) / 64 / float64(upem), true
}

var parsed = map[*byte]*sfnt.Font{}

// TestWidthTableMatchesTheFont: the SVG's width of every Latin, Greek and
// Cyrillic character, and of a few beyond, is DejaVu Sans's advance (the
// wider of upright and oblique, regular or bold); CJK, Hangul and
// fullwidth characters are 1 em wide, characters the font lacks 1 em
// (1.3 em above U+FFFF).
func TestWidthTableMatchesTheFont(t *testing.T) {
	faces := map[bool][2][]byte{
		false: {dejavusans.TTF, dejavusansoblique.TTF},
		true:  {dejavusansbold.TTF, dejavusansboldoblique.TTF},
	}
	var runes []rune
	for r := rune(0x20); r < denseRunes; r++ {
		runes = append(runes, r)
	}
	runes = append(runes, '–', '—', '‘', '’', '“', '”', '…', '€', '−', '→', '≤', '№', 'ᙱ' /* 2 em */)
	for _, bold := range []bool{false, true} {
		for _, r := range runes {
			a, ok1 := fontAdvance(t, faces[bold][0], r)
			b, ok2 := fontAdvance(t, faces[bold][1], r)
			if !ok1 || !ok2 {
				continue
			}
			want := max(a, b)
			if got := ApproxWidth(string(r), 1, bold); math.Abs(got-want) > 1e-9 {
				t.Errorf("%U %q bold=%v: width %.4f em, the font's advance %.4f em", r, r, bold, got, want)
			}
		}
	}
	// The faults of the old estimate: bold W is 1.10 em, M 0.86 em.
	if w := ApproxWidth(strings.Repeat("W", 74), 9.5, true); w < 770 {
		t.Errorf("74 bold W at 9.5 pt measure %.1f pt; DejaVu Sans Bold draws them 775 pt wide", w)
	}
	if w := ApproxWidth(strings.Repeat("M", 30), 8, false); w < 205 {
		t.Errorf("30 M at 8 pt measure %.1f pt; DejaVu Sans draws them 207 pt wide", w)
	}
	for _, r := range []rune{'中', '国', 'あ', 'カ', '한', '글', 'Ａ', '０', '。', '𠀀'} {
		for _, bold := range []bool{false, true} {
			if got := ApproxWidth(string(r), 1, bold); got < 1 {
				t.Errorf("%U %q bold=%v: %.3f em, want at least 1", r, r, bold, got)
			}
		}
	}
	// Characters DejaVu Sans lacks (checked here) measure 1 em, 1.3 above U+FFFF.
	for r, want := range map[rune]float64{'\uE000': 1, 'ก': 1, 'ሀ': 1, '😀': 1.3, '𝒜': 1.3} {
		if _, ok := fontAdvance(t, dejavusans.TTF, r); ok {
			continue
		}
		if got := ApproxWidth(string(r), 1, false); got != want {
			t.Errorf("%U %q (not in the font): %.3f em, want %v", r, r, got, want)
		}
	}
}

// TestWideSVGInParallel: charts measured in parallel, each with runes
// beyond Cyrillic no chart measured before (the cache fills as they
// come), give the same bytes as when drawn again one after another.
func TestWideSVGInParallel(t *testing.T) {
	type job struct {
		c   Chart
		got []byte
	}
	var jobs []*job
	for i := range 16 {
		for _, c := range wideCharts() {
			var b strings.Builder
			for r := rune(0x0E00 + 24*i); r < rune(0x0E00+24*i+24); r++ {
				b.WriteRune(r)
			}
			c.Title += " " + b.String()
			jobs = append(jobs, &job{c: c})
		}
	}
	var wg sync.WaitGroup
	for _, j := range jobs {
		wg.Go(func() { j.got = j.c.SVG() })
	}
	wg.Wait()
	for _, j := range jobs {
		if !bytes.Equal(j.got, j.c.SVG()) {
			t.Errorf("%q: the SVG drawn in parallel differs", j.c.Title)
		}
	}
}

// wideCharts have titles, names, units and sources in wide glyphs:
// runs of bold W, of M, 27 CJK characters, Hangul, fullwidth forms and a
// mix; the texts the red team found running off the 560 pt chart.
func wideCharts() map[string]Chart {
	w74 := strings.Repeat("W", 74)
	m30 := strings.Repeat("M", 30)
	cjk := strings.Repeat("中华人民共和国", 4)[:27*3] // 27 characters
	hangul := strings.Repeat("대한민국", 7)
	full := strings.Repeat("ＷＭ", 14)
	mix := "WМ中Ｗ한" + strings.Repeat("WМ中Ｗ한…", 8)
	return map[string]Chart{
		"bar": {
			Kind: Bar, Title: w74, Unit: "USD " + w74, Source: "Source: " + cjk + " " + w74 + " " + full,
			Points: []Point{
				{Label: "Word" + strings.Repeat("W", 60), Value: 100, Text: "$100"},
				{Label: m30, Value: 200, Text: "$200 " + w74},
				{Label: cjk, Value: 300, Text: "$300"},
				{Label: hangul, Value: -50, Text: "−$50 " + cjk},
				{Label: full, Value: 10},
				{Label: mix, Value: 20, Text: mix},
				{Label: "Short", Value: 30},
			},
		},
		"bar-title-mix": {
			Kind: Bar, Title: "Word" + strings.Repeat("W", 200) + ", December 2024 " + cjk + cjk + " " + mix,
			Points: []Point{{Label: m30, Value: 1}, {Label: cjk, Value: 2}},
		},
		"line": {
			Kind: Line, Title: cjk + cjk + cjk + " " + w74, Unit: m30 + m30, Timed: true,
			Series: []Series{
				{Name: w74, Points: []Point{{Value: 7, At: 19738}, {Value: 8, Text: "$8 " + w74, At: 19768}}},
				{Name: cjk, Points: []Point{{Value: 3, At: 19738}, {Value: 4, Text: cjk, At: 19768}}},
				{Name: m30, Points: []Point{{Value: 5, At: 19738}, {Value: 6, At: 19768}}},
				{Name: mix, Points: []Point{{Value: 1, At: 19738}, {Value: 2, Text: mix, At: 19768}}},
			},
		},
		"line-labels": {
			Kind: Line, Title: full + full + full,
			Points: []Point{
				{Label: m30, Value: 1}, {Label: cjk, Value: 2}, {Label: "WWWWWWWWWWWW", Value: 3, Text: w74},
			},
		},
	}
}

// placedText is a <text> of an SVG as a viewer places it.
type placedText struct {
	text         string
	x, size      float64
	anchor       string
	bold, italic bool
}

// placedTexts parses an SVG and returns its width and its texts.
func placedTexts(t *testing.T, b []byte) (float64, []placedText) {
	t.Helper()
	d := xml.NewDecoder(bytes.NewReader(b))
	var width float64
	var out []placedText
	var cur *placedText
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return width, out
		}
		if err != nil {
			t.Fatalf("SVG is not well-formed: %v", err)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			attr := map[string]string{}
			for _, a := range tok.Attr {
				attr[a.Name.Local] = a.Value
			}
			switch tok.Name.Local {
			case "svg":
				width, _ = strconv.ParseFloat(attr["width"], 64)
			case "text":
				cur = &placedText{anchor: attr["text-anchor"], bold: attr["font-weight"] == "bold", italic: attr["font-style"] == "italic"}
				cur.x, _ = strconv.ParseFloat(attr["x"], 64)
				cur.size, _ = strconv.ParseFloat(attr["font-size"], 64)
			}
		case xml.CharData:
			if cur != nil {
				cur.text += string(tok)
			}
		case xml.EndElement:
			if tok.Name.Local == "text" && cur != nil {
				out = append(out, *cur)
				cur = nil
			}
		}
	}
}

// TestWideGlyphsFitTheSVG: in the SVG of each wide chart every <text>,
// measured with DejaVu Sans's advances, lies within the chart's width:
// titles wrap and labels, names, units and values are cut with "…" by
// their measured width, not their number of characters.
func TestWideGlyphsFitTheSVG(t *testing.T) {
	for name, c := range wideCharts() {
		w, texts := placedTexts(t, c.SVG())
		if w != SVGWidth {
			t.Fatalf("%s: width %v", name, w)
		}
		cut := 0
		for _, tx := range texts {
			wd := ApproxWidth(tx.text, tx.size, tx.bold)
			x0 := tx.x
			switch tx.anchor {
			case "middle":
				x0 -= wd / 2
			case "end":
				x0 -= wd
			}
			if x0 < -0.01 || x0+wd > w+0.01 {
				t.Errorf("%s: %q (%.1f pt wide) spans %.1f to %.1f, outside 0 to %v", name, tx.text, wd, x0, x0+wd, w)
			}
			if strings.HasSuffix(tx.text, "…") {
				cut++
			}
		}
		if cut == 0 {
			t.Errorf("%s: no text cut with an ellipsis", name)
		}
	}
	// The bar labels the red team saw: 30 M and a 27-character CJK name are
	// cut by width, 74 bold W wrap to more than one title line.
	_, texts := placedTexts(t, wideCharts()["bar"].SVG())
	found := map[string]bool{}
	title := 0
	for _, tx := range texts {
		switch {
		case tx.bold && tx.size == titleSize:
			title++
		case tx.anchor == "end" && strings.HasPrefix(tx.text, "MMMM"):
			found["M"] = strings.HasSuffix(tx.text, "…")
		case tx.anchor == "end" && strings.HasPrefix(tx.text, "中华"):
			found["CJK"] = strings.HasSuffix(tx.text, "…")
		}
	}
	if !found["M"] || !found["CJK"] {
		t.Errorf("30 M and 27 CJK characters not cut with an ellipsis: %v", found)
	}
	if title < 2 {
		t.Errorf("74 bold W on %d title line; they need two", title)
	}
}

// TestWideGlyphsRenderInside draws each wide chart with rsvg-convert on
// a canvas 100 pt wider on each side and checks that no ink falls outside
// the chart's own 560 pt: what a viewer shows is not cut at the edges.
func TestWideGlyphsRenderInside(t *testing.T) {
	bin, err := exec.LookPath("rsvg-convert")
	if err != nil {
		t.Skip("rsvg-convert not installed (apt-get install librsvg2-bin)")
	}
	if out, _ := exec.Command("fc-list", ":family=DejaVu Sans").Output(); len(out) == 0 {
		t.Skip("DejaVu Sans is not installed for rsvg-convert (fc-list)")
	}
	const pad, scale = 100.0, 2.0
	root := regexp.MustCompile(`<svg [^>]*>`)
	dir := t.TempDir()
	for name, c := range wideCharts() {
		svg := c.SVG()
		m := root.Find(svg)
		wide := regexp.MustCompile(`width="[0-9.]+"`).ReplaceAll(m, fmt.Appendf(nil, `width="%v"`, SVGWidth+2*pad))
		wide = regexp.MustCompile(`viewBox="0 `).ReplaceAll(wide, fmt.Appendf(nil, `viewBox="%v `, -pad))
		wide = regexp.MustCompile(`viewBox="(\S+) 0 [0-9.]+ `).ReplaceAll(wide, fmt.Appendf(nil, `viewBox="$1 0 %v `, SVGWidth+2*pad))
		src := filepath.Join(dir, name+".svg")
		if err := os.WriteFile(src, bytes.Replace(svg, m, wide, 1), 0o644); err != nil {
			t.Fatal(err)
		}
		dst := filepath.Join(dir, name+".png")
		if out, err := exec.Command(bin, "-z", fmt.Sprint(scale), "-o", dst, src).CombinedOutput(); err != nil {
			t.Fatalf("%s: rsvg-convert: %v\n%s", name, err, out)
		}
		f, err := os.Open(dst)
		if err != nil {
			t.Fatal(err)
		}
		img, err := png.Decode(f)
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		lo, hi := inkColumns(img)
		// Ink may overhang a glyph's advance by a hair (the oblique
		// source line): allow 1 pt.
		x0, x1 := float64(lo)/scale-pad, float64(hi+1)/scale-pad
		if x0 < -1 || x1 > SVGWidth+1 {
			t.Errorf("%s: ink from %.1f to %.1f pt, outside 0 to %v", name, x0, x1, SVGWidth)
		}
		if os.Getenv("CHART_PNG_DIR") != "" { // keep the pictures to look at
			b, _ := os.ReadFile(dst)
			_ = os.WriteFile(filepath.Join(os.Getenv("CHART_PNG_DIR"), name+".png"), b, 0o644)
		}
	}
}

// inkColumns returns the first and last pixel columns with any ink
// (an opaque, non-white pixel); the canvas outside the chart is
// transparent.
func inkColumns(img image.Image) (int, int) {
	b := img.Bounds()
	lo, hi := b.Max.X, b.Min.X-1
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			r, g, bl, a := img.At(x, y).RGBA()
			if a > 0x2000 && (r < 0xF000 || g < 0xF000 || bl < 0xF000) {
				lo, hi = min(lo, x), max(hi, x)
			}
		}
	}
	return lo, hi
}
