package pdf

import (
	"bytes"
	"compress/zlib"
	"crypto/md5"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"encoding/xml"
	"fmt"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
)

// What makes the PDF archivable (PDF/A-2b) and accessible beyond what
// fpdf writes: fpdf writes /Lang, the XMP metadata stream and the
// output intent through its own API (SetLang, SetXmpMetadata,
// AddOutputIntent); finalize then rewrites the finished file once to add
// what fpdf has no API for: the structure tree, MarkInfo, the pages'
// StructParents and tab order, the Print flag of link annotations, subset
// tags on the font names, time zones on the Info dates and the trailer ID.

// meta is the document information, as written both in the Info
// dictionary and in the XMP metadata (PDF/A wants them equal).
type meta struct {
	title, subject, author, keywords, creator, producer string
	lang                                                string
	created                                             time.Time
}

// xmpPacket is the XMP metadata of m: Dublin Core title, creator,
// description and language, the XMP and PDF properties that mirror the
// Info dictionary, and the PDF/A-2b identification.
func xmpPacket(m meta) []byte {
	esc := func(s string) string {
		var b strings.Builder
		_ = xml.EscapeText(&b, []byte(s))
		return b.String()
	}
	date := m.created.UTC().Format("2006-01-02T15:04:05Z07:00")
	var b strings.Builder
	b.WriteString("<?xpacket begin=\"\uFEFF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n")
	b.WriteString(`<x:xmpmeta xmlns:x="adobe:ns:meta/">
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmlns:pdf="http://ns.adobe.com/pdf/1.3/" xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/">
<dc:format>application/pdf</dc:format>
`)
	if m.title != "" {
		fmt.Fprintf(&b, "<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">%s</rdf:li></rdf:Alt></dc:title>\n", esc(m.title))
	}
	if m.author != "" {
		fmt.Fprintf(&b, "<dc:creator><rdf:Seq><rdf:li>%s</rdf:li></rdf:Seq></dc:creator>\n", esc(m.author))
	}
	if m.subject != "" {
		fmt.Fprintf(&b, "<dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">%s</rdf:li></rdf:Alt></dc:description>\n", esc(m.subject))
	}
	fmt.Fprintf(&b, "<dc:language><rdf:Bag><rdf:li>%s</rdf:li></rdf:Bag></dc:language>\n", esc(m.lang))
	fmt.Fprintf(&b, "<xmp:CreateDate>%s</xmp:CreateDate>\n<xmp:ModifyDate>%s</xmp:ModifyDate>\n<xmp:MetadataDate>%s</xmp:MetadataDate>\n", date, date, date)
	if m.creator != "" {
		fmt.Fprintf(&b, "<xmp:CreatorTool>%s</xmp:CreatorTool>\n", esc(m.creator))
	}
	fmt.Fprintf(&b, "<pdf:Producer>%s</pdf:Producer>\n", esc(m.producer))
	if m.keywords != "" {
		fmt.Fprintf(&b, "<pdf:Keywords>%s</pdf:Keywords>\n", esc(m.keywords))
	}
	b.WriteString("<pdfaid:part>2</pdfaid:part>\n<pdfaid:conformance>B</pdfaid:conformance>\n")
	b.WriteString("</rdf:Description>\n</rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"r\"?>")
	return []byte(b.String())
}

var (
	srgbOnce sync.Once
	srgbICC  []byte
)

// srgbProfile is an ICC v2 display profile of sRGB (IEC 61966-2.1), made
// here from the standard's numbers: D50 white, the Bradford-adapted
// primaries of the ICC's own sRGB profile and the sRGB tone curve sampled
// at 1024 points. It is the PDF/A output intent: the colours the
// document's DeviceRGB values mean.
func srgbProfile() []byte {
	srgbOnce.Do(func() { srgbICC = makeSRGBProfile() })
	return srgbICC
}

func makeSRGBProfile() []byte {
	be := binary.BigEndian
	s15 := func(v float64) []byte { return be.AppendUint32(nil, uint32(int32(math.Round(v*65536)))) }
	xyz := func(x, y, z float64) []byte {
		b := append([]byte("XYZ "), 0, 0, 0, 0)
		return append(append(append(b, s15(x)...), s15(y)...), s15(z)...)
	}
	desc := func(s string) []byte {
		b := append([]byte("desc"), 0, 0, 0, 0)
		b = be.AppendUint32(b, uint32(len(s)+1))
		b = append(append(b, s...), 0)
		b = be.AppendUint32(b, 0) // Unicode language code
		b = be.AppendUint32(b, 0) // Unicode count
		b = be.AppendUint16(b, 0) // ScriptCode code
		b = append(b, 0)          // ScriptCode count
		return append(b, make([]byte, 67)...)
	}
	text := func(s string) []byte {
		return append(append(append([]byte("text"), 0, 0, 0, 0), s...), 0)
	}
	const n = 1024
	curve := be.AppendUint32(append([]byte("curv"), 0, 0, 0, 0), n)
	for i := range n {
		v := float64(i) / (n - 1)
		if v <= 0.04045 {
			v /= 12.92
		} else {
			v = math.Pow((v+0.055)/1.055, 2.4)
		}
		curve = be.AppendUint16(curve, uint16(math.Round(v*65535)))
	}
	type tagData struct {
		sig  string
		data []byte
	}
	tags := []tagData{
		{"desc", desc("sRGB IEC61966-2.1 (brief)")},
		{"cprt", text("No copyright, use freely")},
		{"wtpt", xyz(0.9642, 1.0, 0.8249)},
		{"rXYZ", xyz(0.4360747, 0.2225045, 0.0139322)},
		{"gXYZ", xyz(0.3850649, 0.7168786, 0.0971045)},
		{"bXYZ", xyz(0.1430804, 0.0606169, 0.7141733)},
		{"rTRC", curve}, {"gTRC", curve}, {"bTRC", curve},
	}
	pad4 := func(n int) int { return (n + 3) &^ 3 }
	off := 128 + 4 + 12*len(tags)
	var table, data []byte
	table = be.AppendUint32(table, uint32(len(tags)))
	curveAt := -1
	for _, t := range tags {
		at := off + len(data)
		if t.sig == "gTRC" || t.sig == "bTRC" {
			at = curveAt // the three channels share one curve
		} else {
			if t.sig == "rTRC" {
				curveAt = at
			}
			data = append(data, t.data...)
			data = append(data, make([]byte, pad4(len(data))-len(data))...)
		}
		table = append(table, t.sig...)
		table = be.AppendUint32(table, uint32(at))
		table = be.AppendUint32(table, uint32(len(t.data)))
	}
	size := off + len(data)
	h := make([]byte, 0, 128)
	h = be.AppendUint32(h, uint32(size))
	h = append(h, 0, 0, 0, 0)                                                  // CMM
	h = be.AppendUint32(h, 0x02100000)                                         // version 2.1
	h = append(h, "mntrRGB XYZ "...)                                           // class, colour space, PCS
	h = append(h, 0x07, 0xE6, 0, 1, 0, 1, 0, 0, 0, 0, 0, 0)                    // 2022-01-01 00:00:00
	h = append(h, "acsp"...)                                                   // signature
	h = append(h, make([]byte, 4+4+4+4+8)...)                                  // platform, flags, manufacturer, model, attributes
	h = be.AppendUint32(h, 0)                                                  // rendering intent: perceptual
	h = append(append(append(h, s15(0.9642)...), s15(1.0)...), s15(0.8249)...) // PCS illuminant D50
	h = append(h, make([]byte, 128-len(h))...)                                 // creator, ID, reserved
	return append(append(h, table...), data...)
}

// subsetTag is the six capital letters that name a font subset
// (ISO 32000-1, 9.6.4): derived from the subset's bytes, so the same
// subset always has the same tag and different ones almost never do.
func subsetTag(program []byte) string {
	sum := sha256.Sum256(program)
	var b [6]byte
	for i := range b {
		b[i] = 'A' + sum[i]%26
	}
	return string(b[:])
}

// pdfObject is one indirect object of the file as fpdf wrote it: from
// "N 0 obj" to the end of "endobj".
type pdfObject struct {
	num  int
	body []byte
}

var (
	toUniRe    = regexp.MustCompile(`/ToUnicode (\d+) 0 R`)
	kidsRe     = regexp.MustCompile(`/Kids \[((?:\d+ 0 R ?)*)\]`)
	fontNameRe = regexp.MustCompile(`/(BaseFont|FontName) /(utf8[A-Za-z0-9]+)`)
	fontFileRe = regexp.MustCompile(`/FontFile2 (\d+) 0 R`)
	infoDateRe = regexp.MustCompile(`/(CreationDate|ModDate) \(D:(\d{14})\)`)
	trailerRe  = regexp.MustCompile(`(?s)trailer\s*<<.*?/Root (\d+) 0 R.*?>>`)
)

// readObjects splits a PDF written by fpdf (one classic cross-reference
// table, no object streams) into its header and objects in file order.
func readObjects(raw []byte) (header []byte, objs []pdfObject, root, info int, err error) {
	i := bytes.LastIndex(raw, []byte("startxref"))
	if i < 0 {
		return nil, nil, 0, 0, fmt.Errorf("no startxref")
	}
	xrefAt, err := strconv.Atoi(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(string(raw[i+len("startxref"):])), "%%EOF")))
	if err != nil || xrefAt <= 0 || xrefAt >= len(raw) {
		return nil, nil, 0, 0, fmt.Errorf("bad startxref")
	}
	lines := strings.SplitN(string(raw[xrefAt:]), "\n", 3)
	if len(lines) < 3 || lines[0] != "xref" {
		return nil, nil, 0, 0, fmt.Errorf("no xref table at %d", xrefAt)
	}
	var first, count int
	if _, err := fmt.Sscanf(lines[1], "%d %d", &first, &count); err != nil || first != 0 || count < 2 {
		return nil, nil, 0, 0, fmt.Errorf("xref subsection %q", lines[1])
	}
	entries := lines[2]
	if len(entries) < 20*count {
		return nil, nil, 0, 0, fmt.Errorf("xref table cut short")
	}
	type at struct{ num, off int }
	var offs []at
	for n := 1; n < count; n++ {
		e := entries[20*n : 20*n+20]
		off, err := strconv.Atoi(e[:10])
		if err != nil || e[17] != 'n' || off <= 0 || off >= xrefAt {
			return nil, nil, 0, 0, fmt.Errorf("xref entry %d: %q", n, e)
		}
		offs = append(offs, at{n, off})
	}
	slices.SortFunc(offs, func(a, b at) int { return a.off - b.off })
	header = raw[:offs[0].off]
	for k, o := range offs {
		end := xrefAt
		if k+1 < len(offs) {
			end = offs[k+1].off
		}
		body := raw[o.off:end]
		if !bytes.HasPrefix(body, fmt.Appendf(nil, "%d 0 obj", o.num)) || !bytes.HasSuffix(bytes.TrimRight(body, "\r\n"), []byte("endobj")) {
			return nil, nil, 0, 0, fmt.Errorf("object %d at %d is not where the xref says", o.num, o.off)
		}
		objs = append(objs, pdfObject{o.num, body})
	}
	m := trailerRe.FindSubmatch(raw[xrefAt:])
	if m == nil {
		return nil, nil, 0, 0, fmt.Errorf("trailer without Root or Info")
	}
	root, _ = strconv.Atoi(string(m[1]))
	// fpdf's trailer names the object before the catalog as /Info, which
	// is the output intent's ICC profile when there is one: the Info
	// dictionary is the one that holds the dates fpdf always writes.
	for _, o := range objs {
		if infoDateRe.Match(o.body) && !bytes.Contains(o.body, []byte("/Type")) && !bytes.Contains(o.body, []byte("stream")) {
			if info != 0 {
				return nil, nil, 0, 0, fmt.Errorf("two Info dictionaries: %d and %d", info, o.num)
			}
			info = o.num
		}
	}
	if info == 0 {
		return nil, nil, 0, 0, fmt.Errorf("no Info dictionary")
	}
	return header, objs, root, info, nil
}

// indirectAnnots replaces the annotation dictionaries fpdf writes inline
// in a page's /Annots array with what ref returns for each (the i-th of
// the page is annotation idx[i]), and checks that the page has as many
// as the layout made.
func indirectAnnots(page []byte, idx []int, ref func(i int, dict []byte) ([]byte, error)) ([]byte, error) {
	const key = "/Annots ["
	at := bytes.Index(page, []byte(key))
	if at < 0 {
		if len(idx) > 0 {
			return nil, fmt.Errorf("page without the %d link annotations laid out on it", len(idx))
		}
		return page, nil
	}
	var out []byte
	out = append(out, page[:at+len(key)]...)
	i := at + len(key)
	n := 0
	for {
		for i < len(page) && (page[i] == ' ' || page[i] == '\n') {
			i++
		}
		if i >= len(page) {
			return nil, fmt.Errorf("/Annots array not closed")
		}
		if page[i] == ']' {
			break
		}
		end, err := dictEnd(page, i)
		if err != nil {
			return nil, err
		}
		if n >= len(idx) {
			return nil, fmt.Errorf("more link annotations on the page than laid out (%d)", len(idx))
		}
		r, err := ref(idx[n], page[i:end])
		if err != nil {
			return nil, err
		}
		out = append(append(out, r...), ' ')
		n++
		i = end
	}
	if n != len(idx) {
		return nil, fmt.Errorf("%d link annotations on the page, %d laid out", n, len(idx))
	}
	return append(out, page[i:]...), nil
}

// dictEnd returns the end of the dictionary that starts at b[i] ("<<"):
// nested dictionaries, literal strings (with escapes and balanced
// parentheses) and hex strings are skipped.
func dictEnd(b []byte, i int) (int, error) {
	if !bytes.HasPrefix(b[i:], []byte("<<")) {
		return 0, fmt.Errorf("no dictionary at %q", b[i:min(len(b), i+20)])
	}
	depth := 0
	for i < len(b) {
		switch {
		case bytes.HasPrefix(b[i:], []byte("<<")):
			depth++
			i += 2
		case bytes.HasPrefix(b[i:], []byte(">>")):
			depth--
			i += 2
			if depth == 0 {
				return i, nil
			}
		case b[i] == '<':
			j := bytes.IndexByte(b[i:], '>')
			if j < 0 {
				return 0, fmt.Errorf("hex string not closed")
			}
			i += j + 1
		case b[i] == '(':
			nest := 0
			for ; i < len(b); i++ {
				if b[i] == '\\' {
					i++
					continue
				}
				if b[i] == '(' {
					nest++
				} else if b[i] == ')' {
					nest--
					if nest == 0 {
						break
					}
				}
			}
			i++
		default:
			i++
		}
	}
	return 0, fmt.Errorf("dictionary not closed")
}

// identityUCS is a ToUnicode CMap for fonts whose character codes are
// the UTF-16 code units of the text (fpdf's UTF-8 fonts): each code maps
// to itself, in ranges that vary in the last byte only, surrogates left
// out (fpdf never writes a character beyond U+FFFF).
func identityUCS() []byte {
	var b strings.Builder
	b.WriteString("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n/CIDSystemInfo <</Registry (Adobe) /Ordering (UCS) /Supplement 0>> def\n/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n")
	var ranges []int
	for hi := range 256 {
		if hi < 0xD8 || hi > 0xDF {
			ranges = append(ranges, hi)
		}
	}
	for len(ranges) > 0 { // at most 100 entries per block
		n := min(100, len(ranges))
		fmt.Fprintf(&b, "%d beginbfrange\n", n)
		for _, hi := range ranges[:n] {
			fmt.Fprintf(&b, "<%02X00> <%02XFF> <%02X00>\n", hi, hi, hi)
		}
		b.WriteString("endbfrange\n")
		ranges = ranges[n:]
	}
	b.WriteString("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n")
	return []byte(b.String())
}

// deflate compresses b for a FlateDecode stream.
func deflate(b []byte) ([]byte, error) {
	var z bytes.Buffer
	w := zlib.NewWriter(&z)
	if _, err := w.Write(b); err != nil {
		return nil, err
	}
	if err := w.Close(); err != nil {
		return nil, err
	}
	return z.Bytes(), nil
}

// finalize rewrites fpdf's output into the finished file: the same
// objects, with the additions described at the top of this file, a new
// cross-reference stream and a trailer with an ID derived from the
// content (so the same input still gives the same bytes). psNames maps
// fpdf's font names ("utf8dejavuB") to the fonts' PostScript names.
func finalize(raw []byte, tg *tagger, psNames map[string]string) ([]byte, error) {
	header, objs, root, info, err := readObjects(raw)
	if err != nil {
		return nil, fmt.Errorf("reading fpdf's output: %w", err)
	}
	byNum := make(map[int]int, len(objs))
	for i, o := range objs {
		byNum[o.num] = i
	}
	body := func(n int) ([]byte, bool) {
		i, ok := byNum[n]
		if !ok {
			return nil, false
		}
		return objs[i].body, true
	}

	// Pages, in order, from the page tree's Kids.
	pagesObj, _ := body(1)
	km := kidsRe.FindSubmatch(pagesObj)
	if km == nil {
		return nil, fmt.Errorf("page tree without Kids")
	}
	var pageObj []int
	for _, f := range strings.Fields(string(km[1])) {
		if n, err := strconv.Atoi(f); err == nil && f != "0" {
			pageObj = append(pageObj, n)
		}
	}

	// Subset tags: each descriptor names its font file; the tag comes
	// from that file's bytes.
	rename := map[string]string{}
	for _, o := range objs {
		if !bytes.Contains(o.body, []byte("/Type /FontDescriptor")) {
			continue
		}
		nm := fontNameRe.FindSubmatch(o.body)
		fm := fontFileRe.FindSubmatch(o.body)
		if nm == nil || fm == nil {
			continue
		}
		n, _ := strconv.Atoi(string(fm[1]))
		prog, ok := body(n)
		if !ok {
			return nil, fmt.Errorf("font file %d of %s missing", n, nm[2])
		}
		ps, ok := psNames[string(nm[2])]
		if !ok {
			return nil, fmt.Errorf("no PostScript name for font %s", nm[2])
		}
		rename[string(nm[2])] = subsetTag(prog) + "+" + ps
	}

	// New objects: the link annotations (fpdf writes them inline in the
	// pages; a structure element can only point at an indirect one), then
	// the structure tree.
	first := objs[len(objs)-1].num
	for _, o := range objs {
		first = max(first, o.num)
	}
	first++
	annotObj := make([]int, len(tg.annots))
	perPage := make([][]int, len(pageObj)) // annotation indexes by page
	for i, a := range tg.annots {
		annotObj[i] = first + i
		if a.page < 1 || a.page > len(pageObj) {
			return nil, fmt.Errorf("link annotation on page %d of %d", a.page, len(pageObj))
		}
		perPage[a.page-1] = append(perPage[a.page-1], i)
	}
	base := first + len(annotObj)
	structObjs, err := tg.structObjects(base, pageObj, annotObj)
	if err != nil {
		return nil, fmt.Errorf("structure tree: %w", err)
	}
	annots := make([][]byte, len(annotObj))

	// fpdf's ToUnicode CMap maps <0000>-<FFFF> in one bfrange, which the
	// CMap format does not allow (a range may vary in its last byte only):
	// each font gets one with a range per high byte instead.
	toUni := map[int]bool{}
	for _, o := range objs {
		if bytes.Contains(o.body[:min(len(o.body), 200)], []byte("/Subtype /Type0")) {
			if m := toUniRe.FindSubmatch(o.body); m != nil {
				n, _ := strconv.Atoi(string(m[1]))
				toUni[n] = true
			}
		}
	}
	cmap, err := deflate(identityUCS())
	if err != nil {
		return nil, err
	}

	pageIndex := make(map[int]int, len(pageObj))
	for i, n := range pageObj {
		pageIndex[n] = i
	}
	for i := range objs {
		o := &objs[i]
		switch {
		case o.num == root:
			end := bytes.LastIndex(o.body, []byte(">>"))
			if end < 0 {
				return nil, fmt.Errorf("catalog without a dictionary")
			}
			add := fmt.Sprintf("/MarkInfo <</Marked true>>\n/StructTreeRoot %d 0 R\n/ViewerPreferences <</DisplayDocTitle true>>\n", base)
			o.body = slices.Concat(o.body[:end], []byte(add), o.body[end:])
		case toUni[o.num]:
			o.body = slices.Concat(fmt.Appendf(nil, "%d 0 obj\n<</Filter /FlateDecode /Length %d>>\nstream\n", o.num, len(cmap)), cmap, []byte("\nendstream\nendobj\n"))
		case o.num == info:
			o.body = infoDateRe.ReplaceAll(o.body, []byte("/$1 (D:$2+00'00')"))
		default:
			if k, ok := pageIndex[o.num]; ok {
				const start = "<</Type /Page\n"
				if !bytes.HasPrefix(o.body[bytes.IndexByte(o.body, '\n')+1:], []byte(start)) {
					return nil, fmt.Errorf("page object %d is not a page dictionary", o.num)
				}
				b := bytes.Replace(o.body, []byte(start), fmt.Appendf(nil, "%s/StructParents %d\n/Tabs /S\n", start, k), 1)
				b, err := indirectAnnots(b, perPage[k], func(i int, dict []byte) ([]byte, error) {
					const link = "<</Type /Annot /Subtype /Link "
					if !bytes.HasPrefix(dict, []byte(link)) {
						return nil, fmt.Errorf("page %d: annotation %q is not a link", k+1, dict[:min(len(dict), 40)])
					}
					add := fmt.Sprintf("/F 4 /StructParent %d /Contents %s ", len(pageObj)+i, pdfTextString(tg.annots[i].tag.contents))
					annots[i] = slices.Concat([]byte(link), []byte(add), dict[len(link):])
					return fmt.Appendf(nil, "%d 0 R", annotObj[i]), nil
				})
				if err != nil {
					return nil, err
				}
				o.body = b
				continue
			}
			if bytes.Contains(o.body[:min(len(o.body), 200)], []byte("/Type /Font")) {
				o.body = fontNameRe.ReplaceAllFunc(o.body, func(m []byte) []byte {
					sm := fontNameRe.FindSubmatch(m)
					if to, ok := rename[string(sm[2])]; ok {
						return fmt.Appendf(nil, "/%s /%s", sm[1], to)
					}
					return m
				})
			}
		}
	}

	var out bytes.Buffer
	out.Grow(len(raw) + 64*len(structObjs) + 1024)
	// PDF 1.7: tab order (/Tabs) is 1.5; fpdf writes 1.3 or 1.4.
	if !bytes.HasPrefix(header, []byte("%PDF-1.")) || len(header) < 9 {
		return nil, fmt.Errorf("no PDF header")
	}
	out.WriteString("%PDF-1.7")
	out.Write(header[8:])
	offsets := map[int]int{}
	for _, o := range objs {
		offsets[o.num] = out.Len()
		out.Write(o.body)
	}
	for i, a := range annots {
		if a == nil {
			return nil, fmt.Errorf("link annotation %d not found on its page", i+1)
		}
		offsets[annotObj[i]] = out.Len()
		fmt.Fprintf(&out, "%d 0 obj\n", annotObj[i])
		out.Write(a)
		out.WriteString("\nendobj\n")
	}
	// The structure tree is many small dictionaries: they go compressed
	// into one object stream (base+len), indexed by a cross-reference
	// stream (base+len+1), both PDF 1.5.
	stm := base + len(structObjs)
	var index, data bytes.Buffer
	for i, b := range structObjs {
		fmt.Fprintf(&index, "%d %d ", base+i, data.Len())
		data.Write(b)
		data.WriteByte('\n')
	}
	packed, err := deflate(append(index.Bytes(), data.Bytes()...))
	if err != nil {
		return nil, err
	}
	offsets[stm] = out.Len()
	fmt.Fprintf(&out, "%d 0 obj\n<</Type /ObjStm /N %d /First %d /Filter /FlateDecode /Length %d>>\nstream\n", stm, len(structObjs), index.Len(), len(packed))
	out.Write(packed)
	out.WriteString("\nendstream\nendobj\n")

	xref := stm + 1
	size := xref + 1
	sum := md5.Sum(out.Bytes())
	id := strings.ToUpper(hex.EncodeToString(sum[:]))
	offsets[xref] = out.Len()
	// Entries of 1+4+2 bytes: type 1 (offset, generation) for objects in
	// the file, type 2 (object stream, index) for those packed in it.
	var rows []byte
	rows = append(rows, 0, 0, 0, 0, 0, 0xFF, 0xFF)
	for n := 1; n < size; n++ {
		if n >= base && n < stm {
			rows = append(rows, 2)
			rows = binary.BigEndian.AppendUint32(rows, uint32(stm))
			rows = binary.BigEndian.AppendUint16(rows, uint16(n-base))
			continue
		}
		off, ok := offsets[n]
		if !ok {
			return nil, fmt.Errorf("object %d missing", n)
		}
		rows = append(rows, 1)
		rows = binary.BigEndian.AppendUint32(rows, uint32(off))
		rows = append(rows, 0, 0)
	}
	packed, err = deflate(rows)
	if err != nil {
		return nil, err
	}
	fmt.Fprintf(&out, "%d 0 obj\n<</Type /XRef /Size %d /W [1 4 2] /Root %d 0 R /Info %d 0 R /ID [<%s> <%s>] /Filter /FlateDecode /Length %d>>\nstream\n", xref, size, root, info, id, id, len(packed))
	out.Write(packed)
	fmt.Fprintf(&out, "\nendstream\nendobj\nstartxref\n%d\n%%%%EOF\n", offsets[xref])
	return out.Bytes(), nil
}
