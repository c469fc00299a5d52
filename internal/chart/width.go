package chart

import (
	"sync"

	"github.com/go-fonts/dejavu/dejavusans"
	"github.com/go-fonts/dejavu/dejavusansbold"
	"github.com/go-fonts/dejavu/dejavusansboldoblique"
	"github.com/go-fonts/dejavu/dejavusansoblique"
	"golang.org/x/image/font"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

// The SVG names DejaVu Sans first (fontFamily), the font the PDF embeds;
// its texts are measured with that font's advance widths, read from the
// same TrueType files (github.com/go-fonts/dejavu) once per process. The
// measure is meant to never fall short of what a viewer draws:
//
//   - a rune the font has takes its advance, the larger of the upright
//     and the oblique face (the source line is italic, and a few oblique
//     glyphs are wider);
//   - an East Asian wide or fullwidth rune (CJK, kana, Hangul, fullwidth
//     forms, emoji) takes at least 1 em: a viewer draws it from a CJK or
//     emoji font, where it is 1 em wide;
//   - any other rune the font lacks takes 1 em, or 1.3 em above U+FFFF
//     (emoji fonts draw pictographs about 1.25 em wide).
//
// Kerning and ligatures only ever make DejaVu text narrower.

// denseRunes runes (Latin, Latin-1, Latin Extended, IPA, Greek, Cyrillic)
// are held in an array; the others are looked up once and cached.
const denseRunes = 0x530

// advanceTable holds the advances in em of one weight.
type advanceTable struct {
	faces [2]*sfnt.Font // upright and oblique
	dense [denseRunes]float64
	more  sync.Map // rune -> float64
}

var (
	advOnce sync.Once
	advs    [2]*advanceTable // regular, bold
)

func tables() *[2]*advanceTable {
	advOnce.Do(func() {
		for i, ttfs := range [2][2][]byte{
			{dejavusans.TTF, dejavusansoblique.TTF},
			{dejavusansbold.TTF, dejavusansboldoblique.TTF},
		} {
			t := &advanceTable{}
			for j, ttf := range ttfs {
				f, err := sfnt.Parse(ttf)
				if err != nil {
					continue // a face that does not parse measures its runes at 1 em (see lookup)
				}
				t.faces[j] = f
			}
			var buf sfnt.Buffer
			for r := range rune(denseRunes) {
				t.dense[r] = t.lookup(r, &buf)
			}
			advs[i] = t
		}
	})
	return &advs
}

// advance is the width of r in em.
func (t *advanceTable) advance(r rune) float64 {
	if r >= 0 && r < denseRunes {
		return t.dense[r]
	}
	if v, ok := t.more.Load(r); ok {
		return v.(float64)
	}
	var buf sfnt.Buffer
	v := t.lookup(r, &buf)
	t.more.Store(r, v)
	return v
}

// lookup reads the advance of r from the faces, by the rules above.
func (t *advanceTable) lookup(r rune, buf *sfnt.Buffer) float64 {
	em, missing := 0.0, false
	for _, f := range t.faces {
		if f == nil {
			missing = true
			continue
		}
		idx, err := f.GlyphIndex(buf, r)
		if err != nil || idx == 0 {
			missing = true
			continue
		}
		upem := f.UnitsPerEm()
		adv, err := f.GlyphAdvance(buf, idx, fixed.Int26_6(upem)*64, font.HintingNone)
		if err != nil {
			missing = true
			continue
		}
		em = max(em, float64(adv)/64/float64(upem))
	}
	switch {
	case missing && r > 0xFFFF:
		em = max(em, 1.3)
	case missing, wide(r):
		em = max(em, 1)
	}
	return em
}

// wide reports whether r is East Asian wide or fullwidth (Unicode
// EastAsianWidth W or F), by the blocks that hold such characters.
func wide(r rune) bool {
	switch {
	case r < 0x1100:
		return false
	case r <= 0x115F, // Hangul Jamo leading consonants
		r >= 0x231A && r <= 0x231B, r >= 0x2329 && r <= 0x232A, r >= 0x23E9 && r <= 0x23EC,
		r >= 0x2E80 && r <= 0x303E, // CJK radicals, Kangxi, CJK symbols and punctuation
		r >= 0x3041 && r <= 0x33FF, // kana, Bopomofo, Hangul compatibility Jamo, CJK compatibility
		r >= 0x3400 && r <= 0x4DBF, // CJK extension A
		r >= 0x4E00 && r <= 0x9FFF, // CJK unified ideographs
		r >= 0xA000 && r <= 0xA4CF, // Yi
		r >= 0xA960 && r <= 0xA97F, // Hangul Jamo extended A
		r >= 0xAC00 && r <= 0xD7A3, // Hangul syllables
		r >= 0xF900 && r <= 0xFAFF, // CJK compatibility ideographs
		r >= 0xFE10 && r <= 0xFE19, // vertical forms
		r >= 0xFE30 && r <= 0xFE6F, // CJK compatibility and small forms
		r >= 0xFF00 && r <= 0xFF60, // fullwidth forms
		r >= 0xFFE0 && r <= 0xFFE6,
		r >= 0x16FE0 && r <= 0x18CFF, // Tangut, Khitan
		r >= 0x1B000 && r <= 0x1B2FF, // kana supplement, Nushu
		r >= 0x1F000 && r <= 0x1FAFF, // emoji and pictographs
		r >= 0x20000 && r <= 0x3FFFD: // CJK extensions B and later
		return true
	}
	return false
}

// ApproxWidth is the width in points of s set at size points in DejaVu
// Sans, bold or regular (upright or oblique), by the rules above: what
// the SVG measures its texts with (Draw with a nil Measure), never less
// than a viewer draws with that font.
func ApproxWidth(s string, size float64, bold bool) float64 {
	t := tables()[0]
	if bold {
		t = tables()[1]
	}
	var em float64
	for _, r := range s {
		em += t.advance(r)
	}
	return em * size
}
