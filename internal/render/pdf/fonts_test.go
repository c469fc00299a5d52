package pdf

import (
	"bytes"
	"testing"
)

// TestFontClonesMatchParsedFonts checks the shortcut of installFont: a
// document given copies of the prototype's parsed fonts is byte-identical
// to one where fpdf parses the TrueType files itself. If an fpdf upgrade
// changes its internals, prepareClones falls back and this test says so.
func TestFontClonesMatchParsedFonts(t *testing.T) {
	fs := loadFonts()
	if !fs.fast {
		t.Fatal("fpdf internals changed: fonts are parsed per document (slow path); update installFont")
	}
	for _, fx := range fixtures {
		fast := fx.render(t).PDF
		if fs.styles[regular].proto == nil {
			t.Fatal("no parsed prototype of the regular face: fonts are parsed per document")
		}
		fs.fast = false
		slow := fx.render(t).PDF
		fs.fast = true
		if !bytes.Equal(fast, slow) {
			t.Errorf("%s: PDF with cloned fonts differs from PDF with parsed fonts", fx.name)
		}
	}
}

func TestGlyphCoverage(t *testing.T) {
	fs := loadFonts()
	for st := range numStyles {
		for _, r := range "AzЖжӘәҒғҚқҢңӨөҰұҮүҺһІі₸₽€$%–—«»“”•◦" {
			if !fs.glyph(st, r).ok {
				t.Errorf("style %d lacks %q", st, r)
			}
		}
		for _, r := range []rune{0x1F600, 0x4E2D, 0xE000} {
			if fs.glyph(st, r).ok {
				t.Errorf("style %d claims %U", st, r)
			}
		}
	}
}

// BenchmarkRenderParsingFonts is BenchmarkRender without the parsed-font
// shortcut, to show what it saves.
func BenchmarkRenderParsingFonts(b *testing.B) {
	fs := loadFonts()
	fs.fast = false
	defer func() { fs.fast = true }()
	fx := fixtures[0]
	md, o := fx.md(b), fx.opts()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Render(md, o); err != nil {
			b.Fatal(err)
		}
	}
}
