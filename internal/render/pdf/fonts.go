package pdf

import (
	"fmt"
	"math"
	"reflect"
	"sync"
	"unsafe"

	"codeberg.org/go-pdf/fpdf"
	"github.com/go-fonts/dejavu/dejavusans"
	"github.com/go-fonts/dejavu/dejavusansbold"
	"github.com/go-fonts/dejavu/dejavusansboldoblique"
	"github.com/go-fonts/dejavu/dejavusansmono"
	"github.com/go-fonts/dejavu/dejavusansoblique"
	"golang.org/x/image/font"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

// style selects one of the embedded fonts.
type style uint8

const (
	regular style = iota
	bold
	italic
	boldItalic
	mono
	numStyles
)

// face is one embedded font: how fpdf names it, its bytes, and its
// metrics for coverage and width, read with sfnt.
type face struct {
	family, fstyle string // fpdf family and style
	ttf            []byte
	sf             *sfnt.Font
	upem           float64
}

var faces = [numStyles]*face{
	regular:    {family: "dejavu", ttf: dejavusans.TTF},
	bold:       {family: "dejavu", fstyle: "B", ttf: dejavusansbold.TTF},
	italic:     {family: "dejavu", fstyle: "I", ttf: dejavusansoblique.TTF},
	boldItalic: {family: "dejavu", fstyle: "BI", ttf: dejavusansboldoblique.TTF},
	mono:       {family: "dejavumono", ttf: dejavusansmono.TTF},
}

// glyphInfo is what the layout needs of a rune in a font: whether the
// font has it, and its advance in thousandths of an em, rounded the way
// fpdf rounds its width table so that our line breaks match its output.
type glyphInfo struct {
	ok bool
	cw int32
}

// fontState is parsed once per process (see loadFonts) and then only read,
// so that Render calls may run in parallel.
type fontState struct {
	err    error
	dense  [numStyles][denseRunes]glyphInfo // Latin, Greek, Cyrillic: filled at load
	glyphs [numStyles]sync.Map              // other runes -> glyphInfo, filled lazily
	// proto holds fpdf's parsed copy of every face. Documents receive a
	// shallow copy of those definitions (see installFont) instead of
	// parsing the TrueType files again, which costs ~2.5 ms per face.
	proto    *fpdf.Fpdf
	protoKey [numStyles]string
	fast     bool // the fpdf internals look as expected: clone definitions
}

var (
	fontsOnce sync.Once
	fonts     fontState
)

func loadFonts() *fontState {
	fontsOnce.Do(func() {
		for _, fc := range faces {
			sf, err := sfnt.Parse(fc.ttf)
			if err != nil {
				fonts.err = fmt.Errorf("pdf: font %s%s: %w", fc.family, fc.fstyle, err)
				return
			}
			fc.sf = sf
			fc.upem = float64(sf.UnitsPerEm())
		}
		for st, fc := range faces {
			for r := range rune(denseRunes) {
				fonts.dense[st][r] = lookupGlyph(fc, r)
			}
		}
		fonts.prepareClones()
	})
	return &fonts
}

// denseRunes runes (up to the end of Cyrillic Supplement) are looked up
// in an array: they are nearly all the text of a brief.
const denseRunes = 0x530

// glyph reports coverage and width of r in style st, parsing each rune
// once per process.
func (fs *fontState) glyph(st style, r rune) glyphInfo {
	if r >= 0 && r < denseRunes {
		return fs.dense[st][r]
	}
	if v, ok := fs.glyphs[st].Load(r); ok {
		return v.(glyphInfo)
	}
	gi := lookupGlyph(faces[st], r)
	fs.glyphs[st].Store(r, gi)
	return gi
}

func lookupGlyph(fc *face, r rune) glyphInfo {
	var buf sfnt.Buffer
	gi := glyphInfo{}
	if r <= 0xFFFF {
		if idx, err := fc.sf.GlyphIndex(&buf, r); err == nil && idx != 0 {
			adv, err := fc.sf.GlyphAdvance(&buf, idx, fixed.Int26_6(fc.upem*64), font.HintingNone)
			if err == nil {
				gi = glyphInfo{ok: true, cw: int32(math.Round(float64(adv) / 64 * 1000 / fc.upem))}
			}
		}
	}
	return gi
}

// prepareClones parses every face once into a prototype document and
// checks that fpdf's internals have the shape installFont relies on; if
// they do not (another fpdf version), documents parse the fonts
// themselves: slower, same output.
func (fs *fontState) prepareClones() {
	defer func() {
		if recover() != nil {
			fs.fast = false
		}
	}()
	p := fpdf.New("P", "mm", "A4", "")
	mp, ok := fontMap(p)
	if !ok {
		return
	}
	for st, fc := range faces {
		before := map[string]bool{}
		for _, k := range mp.MapKeys() {
			before[k.String()] = true
		}
		p.AddUTF8FontFromBytes(fc.family, fc.fstyle, fc.ttf)
		if p.Err() {
			return
		}
		for _, k := range mp.MapKeys() {
			if !before[k.String()] {
				fs.protoKey[st] = k.String()
			}
		}
		if fs.protoKey[st] == "" {
			return
		}
	}
	def := mp.MapIndex(reflect.ValueOf(fs.protoKey[regular]))
	uf := def.FieldByName("utf8File")
	ur := def.FieldByName("usedRunes")
	if uf.Kind() != reflect.Pointer || ur.Kind() != reflect.Map {
		return
	}
	fr, ok := uf.Type().Elem().FieldByName("fileReader")
	if !ok || fr.Type.Kind() != reflect.Pointer {
		return
	}
	arr, ok := fr.Type.Elem().FieldByName("array")
	if !ok || arr.Type != reflect.TypeOf([]byte(nil)) {
		return
	}
	fs.proto = p
	fs.fast = true
}

// fontMap returns fpdf's unexported font table of f, made writable.
func fontMap(f *fpdf.Fpdf) (reflect.Value, bool) {
	v := reflect.ValueOf(f).Elem().FieldByName("fonts")
	if !v.IsValid() || v.Kind() != reflect.Map || v.Type().Key().Kind() != reflect.String {
		return reflect.Value{}, false
	}
	return writable(v), true
}

func writable(v reflect.Value) reflect.Value {
	return reflect.NewAt(v.Type(), unsafe.Pointer(v.UnsafeAddr())).Elem()
}

// installFont makes style st available in f. With the fast path it copies
// the prototype's parsed definition and gives it its own TrueType reader
// and used-rune set, the only parts fpdf changes while writing a document
// (GenerateCutFont re-reads the tables from the reader); the width table
// and descriptor are shared read-only. Otherwise fpdf parses the font.
func (fs *fontState) installFont(f *fpdf.Fpdf, st style) {
	fc := faces[st]
	if fs.fast && fs.cloneInto(f, st) {
		return
	}
	f.AddUTF8FontFromBytes(fc.family, fc.fstyle, fc.ttf)
}

func (fs *fontState) cloneInto(f *fpdf.Fpdf, st style) (ok bool) {
	defer func() {
		if recover() != nil {
			ok = false
		}
	}()
	dst, ok := fontMap(f)
	if !ok {
		return false
	}
	src, _ := fontMap(fs.proto)
	key := reflect.ValueOf(fs.protoKey[st])
	proto := src.MapIndex(key)
	def := reflect.New(proto.Type()).Elem()
	def.Set(proto)

	uf := writable(def.FieldByName("utf8File"))
	file := reflect.New(uf.Type().Elem())
	reader := writable(file.Elem().FieldByName("fileReader"))
	r := reflect.New(reader.Type().Elem())
	writable(r.Elem().FieldByName("array")).SetBytes(faces[st].ttf)
	reader.Set(r)
	uf.Set(file)

	ur := writable(def.FieldByName("usedRunes"))
	used := reflect.MakeMapWithSize(ur.Type(), ur.Len())
	iter := ur.MapRange()
	for iter.Next() {
		used.SetMapIndex(iter.Key(), iter.Value())
	}
	ur.Set(used)
	dst.SetMapIndex(key, def)
	return true
}
