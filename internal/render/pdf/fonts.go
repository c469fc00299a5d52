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

	"github.com/briefhq/brief/internal/render/doc"
)

// style selects one of the embedded fonts: one per style of the
// document model.
type style = doc.Style

const (
	regular    = doc.Regular
	bold       = doc.Bold
	italic     = doc.Italic
	boldItalic = doc.BoldItalic
	mono       = doc.Mono
	numStyles  = doc.NumStyles
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

// fontState is loaded once per process, each style when first used, and
// then only read, so that Render calls may run in parallel.
type fontState struct {
	err    error
	styles [numStyles]styleState
	glyphs [numStyles]sync.Map // runes beyond the dense table -> glyphInfo
	fast   bool                // fpdf's internals have the shape cloneInto needs
	// psNames maps fpdf's name of each face ("utf8dejavuB") to its
	// PostScript name ("DejaVuSans-Bold"), for the PDF's font names.
	psNames map[string]string
}

type styleState struct {
	once  sync.Once
	dense [denseRunes]glyphInfo // Latin, Greek, Cyrillic
	// proto holds fpdf's parsed copy of the face. Documents receive a
	// shallow copy of that definition (see installFont) instead of parsing
	// the TrueType file again, which costs ~2.5 ms per face and document.
	proto *fpdf.Fpdf
	key   string // the face's key in fpdf's font table
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
			ps, err := sf.Name(nil, sfnt.NameIDPostScript)
			if err != nil || ps == "" {
				fonts.err = fmt.Errorf("pdf: font %s%s has no PostScript name: %v", fc.family, fc.fstyle, err)
				return
			}
			if fonts.psNames == nil {
				fonts.psNames = map[string]string{}
			}
			fonts.psNames["utf8"+fc.family+fc.fstyle] = ps
		}
		fonts.fast = clonable()
	})
	return &fonts
}

// style loads what style st needs on first use: its dense glyph table and
// fpdf's parse of the face.
func (fs *fontState) style(st style) *styleState {
	ss := &fs.styles[st]
	ss.once.Do(func() {
		fc := faces[st]
		var buf sfnt.Buffer // one buffer for the whole table: no allocation per rune
		for r := range rune(denseRunes) {
			ss.dense[r] = lookupGlyphBuf(fc, r, &buf)
		}
		if !fs.fast {
			return
		}
		p := fpdf.New("P", "mm", "A4", "")
		p.AddUTF8FontFromBytes(fc.family, fc.fstyle, fc.ttf)
		mp, ok := fontMap(p)
		if !ok || p.Err() || mp.Len() != 1 {
			return
		}
		ss.key = mp.MapKeys()[0].String()
		ss.proto = p
	})
	return ss
}

// denseRunes runes (up to the end of Cyrillic Supplement) are looked up
// in an array: they are nearly all the text of a brief.
const denseRunes = 0x530

// glyph reports coverage and width of r in style st, reading each rune
// from the font once per process.
func (fs *fontState) glyph(st style, r rune) glyphInfo {
	if r >= 0 && r < denseRunes {
		return fs.style(st).dense[r]
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
	return lookupGlyphBuf(fc, r, &buf)
}

func lookupGlyphBuf(fc *face, r rune, buf *sfnt.Buffer) glyphInfo {
	gi := glyphInfo{}
	if r <= 0xFFFF {
		if idx, err := fc.sf.GlyphIndex(buf, r); err == nil && idx != 0 {
			adv, err := fc.sf.GlyphAdvance(buf, idx, fixed.Int26_6(fc.upem*64), font.HintingNone)
			if err == nil {
				gi = glyphInfo{ok: true, cw: int32(math.Round(float64(adv) / 64 * 1000 / fc.upem))}
			}
		}
	}
	return gi
}

// clonable checks that fpdf's internals have the shape cloneInto relies
// on; if they do not (another fpdf version), documents parse the fonts
// themselves: slower, same output.
func clonable() bool {
	fonts, ok := reflect.TypeFor[fpdf.Fpdf]().FieldByName("fonts")
	if !ok || fonts.Type.Kind() != reflect.Map || fonts.Type.Key().Kind() != reflect.String {
		return false
	}
	def := fonts.Type.Elem()
	if def.Kind() != reflect.Struct {
		return false
	}
	uf, ok1 := def.FieldByName("utf8File")
	ur, ok2 := def.FieldByName("usedRunes")
	if !ok1 || !ok2 || uf.Type.Kind() != reflect.Pointer || uf.Type.Elem().Kind() != reflect.Struct || ur.Type.Kind() != reflect.Map {
		return false
	}
	fr, ok := uf.Type.Elem().FieldByName("fileReader")
	if !ok || fr.Type.Kind() != reflect.Pointer || fr.Type.Elem().Kind() != reflect.Struct {
		return false
	}
	arr, ok := fr.Type.Elem().FieldByName("array")
	return ok && arr.Type == reflect.TypeFor[[]byte]()
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
	if ss := fs.style(st); fs.fast && ss.proto != nil && fs.cloneInto(f, ss, fc.ttf) {
		return
	}
	f.AddUTF8FontFromBytes(fc.family, fc.fstyle, fc.ttf)
}

func (fs *fontState) cloneInto(f *fpdf.Fpdf, ss *styleState, ttf []byte) (ok bool) {
	defer func() {
		if recover() != nil {
			ok = false
		}
	}()
	dst, ok := fontMap(f)
	if !ok {
		return false
	}
	src, _ := fontMap(ss.proto)
	key := reflect.ValueOf(ss.key)
	proto := src.MapIndex(key)
	def := reflect.New(proto.Type()).Elem()
	def.Set(proto)

	uf := writable(def.FieldByName("utf8File"))
	file := reflect.New(uf.Type().Elem())
	reader := writable(file.Elem().FieldByName("fileReader"))
	r := reflect.New(reader.Type().Elem())
	writable(r.Elem().FieldByName("array")).SetBytes(ttf)
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

// Preload parses the fonts of the common styles in the background, so a
// command that will render a PDF can overlap that work with loading its
// data: call it early with go; Render waits for whatever is not ready.
func Preload() {
	fs := loadFonts()
	if fs.err != nil {
		return
	}
	var wg sync.WaitGroup
	for _, st := range []style{regular, bold, italic} { // what nearly every brief uses
		wg.Add(1)
		go func(st style) {
			defer wg.Done()
			fs.style(st)
		}(st)
	}
	wg.Wait()
}
