package pdf

import (
	"bytes"
	"encoding/base64"
	"encoding/binary"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/briefhq/brief/internal/chart"
)

// qpdfDoc is a PDF as qpdf --json (version 2) shows it: every object by
// "N 0 R", stream data decoded.
type qpdfDoc struct {
	objs    map[string]json.RawMessage
	trailer map[string]any
	path    string
}

func needTool(t *testing.T, names ...string) {
	t.Helper()
	for _, n := range names {
		if _, err := exec.LookPath(n); err != nil {
			t.Skipf("%s not installed (apt-get install qpdf poppler-utils): outside check skipped", n)
		}
	}
}

func readQPDF(t *testing.T, pdf []byte) *qpdfDoc {
	t.Helper()
	needTool(t, "qpdf")
	path := filepath.Join(t.TempDir(), "doc.pdf")
	if err := os.WriteFile(path, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command("qpdf", "--check", path).CombinedOutput(); err != nil || bytes.Contains(out, []byte("WARNING")) {
		t.Fatalf("qpdf --check: %v\n%s", err, out)
	}
	out, err := exec.Command("qpdf", "--json", "--json-key=qpdf", "--json-stream-data=inline", "--decode-level=generalized", path).Output()
	if err != nil {
		t.Fatalf("qpdf --json: %v", err)
	}
	var doc struct {
		QPDF []json.RawMessage `json:"qpdf"`
	}
	if err := json.Unmarshal(out, &doc); err != nil || len(doc.QPDF) != 2 {
		t.Fatalf("qpdf --json: %v", err)
	}
	d := &qpdfDoc{path: path}
	if err := json.Unmarshal(doc.QPDF[1], &d.objs); err != nil {
		t.Fatal(err)
	}
	var tr struct {
		Value map[string]any `json:"value"`
	}
	if err := json.Unmarshal(d.objs["trailer"], &tr); err != nil {
		t.Fatal(err)
	}
	d.trailer = tr.Value
	return d
}

// dict is the dictionary of object ref ("12 0 R"), or of a stream.
func (d *qpdfDoc) dict(t *testing.T, ref any) map[string]any {
	t.Helper()
	if m, ok := ref.(map[string]any); ok {
		return m
	}
	var o struct {
		Value  map[string]any `json:"value"`
		Stream struct {
			Dict map[string]any `json:"dict"`
		} `json:"stream"`
	}
	s, _ := ref.(string)
	if err := json.Unmarshal(d.objs["obj:"+s], &o); err != nil {
		t.Fatalf("object %v: %v", ref, err)
	}
	if o.Value != nil {
		return o.Value
	}
	return o.Stream.Dict
}

func (d *qpdfDoc) streamData(t *testing.T, ref string) []byte {
	t.Helper()
	var o struct {
		Stream struct {
			Data string `json:"data"`
		} `json:"stream"`
	}
	if err := json.Unmarshal(d.objs["obj:"+ref], &o); err != nil {
		t.Fatalf("stream %s: %v", ref, err)
	}
	b, err := base64.StdEncoding.DecodeString(o.Stream.Data)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func (d *qpdfDoc) catalog(t *testing.T) map[string]any { return d.dict(t, d.trailer["/Root"]) }

// qpdfString decodes qpdf's JSON string ("u:text" or "b:hex").
func qpdfString(v any) string {
	s, _ := v.(string)
	switch {
	case strings.HasPrefix(s, "u:"):
		return s[2:]
	case strings.HasPrefix(s, "b:"):
		b := make([]byte, len(s[2:])/2)
		for i := range b {
			n, _ := strconv.ParseUint(s[2+2*i:4+2*i], 16, 8)
			b[i] = byte(n)
		}
		return string(b)
	}
	return s
}

// markedText reads a page's content stream: the text each MCID marks,
// and the text drawn outside any marked-content sequence. It also checks
// that BDC/BMC and EMC pair up.
func markedText(t *testing.T, content []byte) (byMCID map[int]string, untagged string) {
	t.Helper()
	byMCID = map[int]string{}
	var stack []int // MCID of each open sequence, -1 for none
	inside := func() int {
		for i := len(stack) - 1; i >= 0; i-- {
			if stack[i] >= 0 {
				return stack[i]
			}
		}
		return -1
	}
	artifact := 0
	var un strings.Builder
	mcidRe := regexp.MustCompile(`/MCID (\d+)`)
	for _, line := range strings.Split(string(content), "\n") {
		switch {
		case strings.HasSuffix(line, " BDC") || strings.HasSuffix(line, " BMC"):
			id := -1
			if m := mcidRe.FindStringSubmatch(line); m != nil {
				id, _ = strconv.Atoi(m[1])
				if _, dup := byMCID[id]; dup {
					t.Errorf("MCID %d used twice on a page", id)
				}
				byMCID[id] = ""
			}
			if strings.HasPrefix(line, "/Artifact") {
				artifact++
				id = -2
			}
			stack = append(stack, id)
		case line == "EMC":
			if len(stack) == 0 {
				t.Fatalf("EMC without BDC")
			}
			if stack[len(stack)-1] == -2 {
				artifact--
			}
			stack = stack[:len(stack)-1]
		case strings.Contains(line, ") Tj ET"):
			s := strings.TrimSuffix(pageText([]byte(line)), "\n")
			if id := inside(); id >= 0 {
				byMCID[id] += s
			} else if artifact == 0 {
				un.WriteString(s)
			}
		}
	}
	if len(stack) != 0 {
		t.Errorf("%d marked-content sequences left open at the end of a page", len(stack))
	}
	return byMCID, un.String()
}

// structElem is an element of the structure tree with the text of its
// marked content (its own, not its children's).
type structElem struct {
	typ, alt, actual string
	attr             map[string]any
	text             string
	kids             []*structElem
	objr             []string // annotations
}

func (e *structElem) all(f func(*structElem)) {
	f(e)
	for _, k := range e.kids {
		k.all(f)
	}
}

// fullText is the text of e and its descendants, ActualText in place of
// the content it stands for.
func (e *structElem) fullText() string {
	if e.actual != "" {
		return e.actual
	}
	s := e.text
	for _, k := range e.kids {
		s += k.fullText()
	}
	return s
}

// tagTree reads the structure tree and checks it against the pages'
// marked content: each MCID of each page belongs to exactly the element
// the ParentTree names, and no text is drawn outside marked content.
func tagTree(t *testing.T, d *qpdfDoc) *structElem {
	t.Helper()
	cat := d.catalog(t)
	if mi := d.dict(t, cat["/MarkInfo"]); mi["/Marked"] != true {
		t.Errorf("MarkInfo %v, want Marked true", mi)
	}
	pages := d.dict(t, d.dict(t, cat["/Pages"]))["/Kids"].([]any)
	pageNo := map[string]int{}
	texts := make([]map[int]string, len(pages))
	for i, p := range pages {
		pageNo[p.(string)] = i
		pd := d.dict(t, p)
		if pd["/StructParents"] != float64(i) || pd["/Tabs"] != "/S" {
			t.Errorf("page %d: StructParents %v, Tabs %v", i+1, pd["/StructParents"], pd["/Tabs"])
		}
		var un string
		texts[i], un = markedText(t, d.streamData(t, pd["/Contents"].(string)))
		if strings.TrimSpace(un) != "" {
			t.Errorf("page %d: text outside marked content and artifacts: %q", i+1, un)
		}
	}
	root := d.dict(t, cat["/StructTreeRoot"])
	parentTree := d.dict(t, root["/ParentTree"])["/Nums"].([]any)
	owner := map[[2]int]string{} // page, MCID -> element
	for i := 0; i+1 < len(parentTree); i += 2 {
		arr, _ := parentTree[i+1].([]any) // an annotation's key holds one element instead
		for id, ref := range arr {
			owner[[2]int{int(parentTree[i].(float64)), id}] = ref.(string)
		}
	}
	seen := map[[2]int]bool{}
	var read func(ref string) *structElem
	read = func(ref string) *structElem {
		el := d.dict(t, ref)
		e := &structElem{typ: strings.TrimPrefix(el["/S"].(string), "/"), alt: qpdfString(el["/Alt"]), actual: qpdfString(el["/ActualText"])}
		if a, ok := el["/A"].(map[string]any); ok {
			e.attr = a
		}
		pg, _ := el["/Pg"].(string)
		kids, _ := el["/K"].([]any)
		for _, k := range kids {
			page, id := pg, -1
			switch k := k.(type) {
			case float64:
				id = int(k)
			case string:
				e.kids = append(e.kids, read(k))
				continue
			case map[string]any:
				if k["/Type"] == "/OBJR" {
					e.objr = append(e.objr, k["/Obj"].(string))
					continue
				}
				page, id = k["/Pg"].(string), int(k["/MCID"].(float64))
			}
			p, ok := pageNo[page]
			if !ok {
				t.Fatalf("%s element: marked content on %q, not a page", e.typ, page)
			}
			key := [2]int{p, id}
			if owner[key] != ref {
				t.Errorf("page %d MCID %d: ParentTree names %s, the %s element %s claims it", p+1, id, owner[key], e.typ, ref)
			}
			seen[key] = true
			txt, ok := texts[p][id]
			if !ok {
				t.Errorf("%s element: MCID %d is not on page %d", e.typ, id, p+1)
			}
			e.text += txt
		}
		return e
	}
	tree := read(d.dict(t, cat["/StructTreeRoot"])["/K"].(string))
	// Every annotation is an indirect object with a StructParent that
	// the ParentTree maps to the Link element that holds it.
	linkOf := map[string]string{} // annotation -> element
	var walk func(ref string)
	walk = func(ref string) {
		el := d.dict(t, ref)
		kids, _ := el["/K"].([]any)
		for _, k := range kids {
			switch k := k.(type) {
			case string:
				walk(k)
			case map[string]any:
				if k["/Type"] == "/OBJR" {
					linkOf[k["/Obj"].(string)] = ref
					if el["/S"] != "/Link" {
						t.Errorf("annotation %v held by a %v element", k["/Obj"], el["/S"])
					}
				}
			}
		}
	}
	walk(d.dict(t, cat["/StructTreeRoot"])["/K"].(string))
	byKey := map[int]string{}
	for i := 0; i+1 < len(parentTree); i += 2 {
		if ref, ok := parentTree[i+1].(string); ok {
			byKey[int(parentTree[i].(float64))] = ref
		}
	}
	for i, p := range pages {
		annots, _ := d.dict(t, p)["/Annots"].([]any)
		for _, a := range annots {
			ref, ok := a.(string)
			if !ok {
				t.Errorf("page %d: an annotation written inline, not as an object", i+1)
				continue
			}
			ad := d.dict(t, ref)
			sp, ok := ad["/StructParent"].(float64)
			if !ok || byKey[int(sp)] != linkOf[ref] || linkOf[ref] == "" {
				t.Errorf("page %d: annotation %s: StructParent %v maps to %q, held by %q", i+1, ref, ad["/StructParent"], byKey[int(sp)], linkOf[ref])
			}
			if qpdfString(ad["/Contents"]) == "" || ad["/F"] != float64(4) {
				t.Errorf("page %d: annotation %s without Contents or the Print flag: %v", i+1, ref, ad)
			}
		}
	}
	for p, ids := range texts {
		for id := range ids {
			if !seen[[2]int{p, id}] {
				t.Errorf("page %d MCID %d belongs to no element", p+1, id)
			}
		}
	}
	return tree
}

func TestTaggedStructure(t *testing.T) {
	fx := fixtures[0]
	res := fx.render(t)
	d := readQPDF(t, res.PDF)
	tree := tagTree(t, d)
	if tree.typ != "Document" {
		t.Fatalf("root element %s, want Document", tree.typ)
	}
	count := map[string]int{}
	var headings []string
	tree.all(func(e *structElem) {
		count[e.typ]++
		switch e.typ {
		case "H1", "H2", "H3":
			headings = append(headings, e.typ+" "+e.fullText())
		case "Figure":
			if !strings.Contains(e.alt, "Kazakhstan $27.8 billion") && !strings.Contains(e.alt, "2024-06 ") {
				t.Errorf("Figure alt text %q names no figure", e.alt)
			}
			if _, ok := e.attr["/BBox"]; !ok {
				t.Errorf("Figure without a BBox: %v", e.attr)
			}
		case "TH":
			if e.attr["/Scope"] != "/Column" {
				t.Errorf("TH %q: attributes %v", e.fullText(), e.attr)
			}
		case "LI":
			if len(e.kids) != 2 || e.kids[0].typ != "Lbl" || e.kids[1].typ != "LBody" {
				t.Errorf("LI %q: kids are not Lbl, LBody", e.fullText())
			}
		}
	})
	for _, typ := range []string{"H1", "H2", "P", "L", "LI", "Lbl", "LBody", "Table", "TR", "TH", "TD", "Figure", "Link"} {
		if count[typ] == 0 {
			t.Errorf("no %s element in the structure tree (%v)", typ, count)
		}
	}
	want := []string{"H1 Weekly brief: Russia and Central Asia", "H2 Summary", "H2 Trade", "H2 Industry", "H3 Output by sector"}
	if len(headings) < len(want) || strings.Join(headings[:len(want)], "|") != strings.Join(want, "|") {
		t.Errorf("headings in the structure tree: %q, want them to start %q", headings, want)
	}
	if count["Figure"] != 2 {
		t.Errorf("%d figures, want the 2 charts", count["Figure"])
	}
	// The first table: a header row of TH and four rows of TD, the cells
	// reading as the Markdown does.
	var tables []*structElem
	tree.all(func(e *structElem) {
		if e.typ == "Table" {
			tables = append(tables, e)
		}
	})
	var rows []string
	for _, tr := range tables[0].kids {
		var cells []string
		for _, c := range tr.kids {
			cells = append(cells, c.typ+":"+c.fullText())
		}
		rows = append(rows, strings.Join(cells, "|"))
	}
	if len(rows) != 5 || rows[0] != "TH:Country|TH:Trade turnover with Russia|TH:Period|TH:Status" ||
		rows[1] != "TD:Kazakhstan|TD:$27.8 billion [1]|TD:2024|TD:actual" {
		t.Errorf("first table's rows:\n%s", strings.Join(rows, "\n"))
	}
}

// A table that runs over pages repeats its header as an artifact: the
// structure has one header row.
func TestRepeatedTableHeaderIsAnArtifact(t *testing.T) {
	var md strings.Builder
	md.WriteString("# Long table\n\n| Country | Value |\n|:--|--:|\n")
	for i := range 120 {
		md.WriteString("| Country " + strconv.Itoa(i) + " | " + strconv.Itoa(1000+i) + " |\n")
	}
	res := mustRender(t, md.String(), Options{CreatedAt: created})
	if len(res.Layout.Pages) < 3 {
		t.Fatalf("%d pages, want the table over 3 or more", len(res.Layout.Pages))
	}
	tree := tagTree(t, readQPDF(t, res.PDF))
	var rows, th int
	tree.all(func(e *structElem) {
		switch e.typ {
		case "TR":
			rows++
		case "TH":
			th++
		}
	})
	if rows != 121 || th != 2 {
		t.Errorf("%d rows and %d header cells in the structure, want 121 and 2", rows, th)
	}
}

func TestFootnoteMarkersCopyApart(t *testing.T) {
	needTool(t, "pdftotext")
	res := fixtures[0].render(t)
	path := filepath.Join(t.TempDir(), "s.pdf")
	if err := os.WriteFile(path, res.PDF, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdftotext", "-enc", "UTF-8", path, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	text := string(out)
	for _, want := range []string{"$27.8 billion [1]", "63.1% of the total. [1] It was followed", "per US dollar at the end of the week. [4]"} {
		if !strings.Contains(text, want) {
			t.Errorf("pdftotext lacks %q", want)
		}
	}
	if m := regexp.MustCompile(`billion\d`).FindString(text); m != "" {
		t.Errorf("a footnote number still fuses with the figure: %q", m)
	}
	// The page still shows the marker as a superscript: the digit is drawn
	// on its own, smaller, above the baseline (the layout records it as ^N).
	if !strings.Contains(strings.Join(res.Layout.Pages[0].Lines, "\n"), "2023.^1") {
		t.Errorf("first page's lines lack the superscript marker: %q", res.Layout.Pages[0].Lines)
	}
}

func TestArchiveMetadata(t *testing.T) {
	fx := fixtures[0]
	res := fx.render(t)
	d := readQPDF(t, res.PDF)
	cat := d.catalog(t)
	if l := qpdfString(cat["/Lang"]); l != "en" {
		t.Errorf("catalog /Lang %q, want en", l)
	}
	if vp := d.dict(t, cat["/ViewerPreferences"]); vp["/DisplayDocTitle"] != true {
		t.Errorf("ViewerPreferences %v", vp)
	}
	ois, _ := cat["/OutputIntents"].([]any)
	if len(ois) != 1 {
		t.Fatalf("output intents %v, want one", cat["/OutputIntents"])
	}
	oi := d.dict(t, ois[0])
	if oi["/S"] != "/GTS_PDFA1" || qpdfString(oi["/OutputConditionIdentifier"]) != "sRGB IEC61966-2.1" {
		t.Errorf("output intent %v", oi)
	}
	prof := d.dict(t, oi["/DestOutputProfile"])
	if prof["/N"] != float64(3) {
		t.Errorf("ICC profile dictionary %v, want N 3", prof)
	}
	if icc := d.streamData(t, oi["/DestOutputProfile"].(string)); !bytes.Equal(icc, srgbProfile()) {
		t.Errorf("embedded ICC profile (%d bytes) is not the sRGB profile", len(icc))
	}
	if id, _ := d.trailer["/ID"].([]any); len(id) != 2 || len(qpdfString(id[0])) != 16 {
		t.Errorf("trailer ID %v", d.trailer["/ID"])
	}

	// XMP mirrors the Info dictionary.
	info := d.dict(t, d.trailer["/Info"])
	if got := qpdfString(info["/CreationDate"]); got != "D:20261126093000+00'00'" {
		t.Errorf("Info CreationDate %q", got)
	}
	var x struct {
		Desc struct {
			Title    string `xml:"title>Alt>li"`
			Creator  string `xml:"creator>Seq>li"`
			Descr    string `xml:"description>Alt>li"`
			Lang     string `xml:"language>Bag>li"`
			Create   string `xml:"CreateDate"`
			Modify   string `xml:"ModifyDate"`
			Tool     string `xml:"CreatorTool"`
			Producer string `xml:"Producer"`
			Keywords string `xml:"Keywords"`
			Part     string `xml:"part"`
			Conf     string `xml:"conformance"`
		} `xml:"RDF>Description"`
	}
	meta := d.streamData(t, cat["/Metadata"].(string))
	if err := xml.Unmarshal(meta[bytes.Index(meta, []byte("<x:xmpmeta")):bytes.LastIndex(meta, []byte("<?xpacket"))], &x); err != nil {
		t.Fatalf("XMP: %v\n%s", err, meta)
	}
	got := x.Desc
	for _, c := range [][3]string{
		{"dc:title", got.Title, qpdfString(info["/Title"])},
		{"dc:creator", got.Creator, qpdfString(info["/Author"])},
		{"dc:description", got.Descr, qpdfString(info["/Subject"])},
		{"xmp:CreatorTool", got.Tool, qpdfString(info["/Creator"])},
		{"pdf:Producer", got.Producer, qpdfString(info["/Producer"])},
		{"pdf:Keywords", got.Keywords, qpdfString(info["/Keywords"])},
		{"dc:language", got.Lang, "en"},
		{"xmp:CreateDate", got.Create, "2026-11-26T09:30:00Z"},
		{"xmp:ModifyDate", got.Modify, "2026-11-26T09:30:00Z"},
		{"pdfaid:part", got.Part, "2"},
		{"pdfaid:conformance", got.Conf, "B"},
	} {
		if c[1] != c[2] || c[1] == "" {
			t.Errorf("XMP %s = %q, want %q", c[0], c[1], c[2])
		}
	}
	if got.Title != "Weekly brief: Russia and Central Asia" {
		t.Errorf("title %q", got.Title)
	}

	// Fonts: embedded subsets named TAG+PostScriptName.
	needTool(t, "pdffonts")
	out, err := exec.Command("pdffonts", d.path).Output()
	if err != nil {
		t.Fatal(err)
	}
	rows := strings.Split(strings.TrimSpace(string(out)), "\n")[2:]
	nameRe := regexp.MustCompile(`^[A-Z]{6}\+DejaVuSans(-Bold|-Oblique|-BoldOblique|Mono)?$`)
	tags := map[string]bool{}
	for _, row := range rows {
		f := strings.Fields(row)
		if !nameRe.MatchString(f[0]) || f[len(f)-5] != "yes" || f[len(f)-4] != "yes" {
			t.Errorf("font %q: want an embedded subset named ABCDEF+DejaVuSans…", row)
		}
		tags[f[0][:6]] = true
	}
	if len(tags) != len(rows) || len(rows) < 3 {
		t.Errorf("fonts %q: want three or more, each subset with its own tag", rows)
	}
}

// The subset tag follows the subset: another text, another tag; the same
// text, the same tag.
func TestSubsetTagFollowsTheSubset(t *testing.T) {
	name := func(md string) string {
		res := mustRender(t, md, Options{CreatedAt: created})
		m := regexp.MustCompile(`/BaseFont /([A-Z]{6})\+DejaVuSans\n`).FindSubmatch(res.PDF)
		if m == nil {
			t.Fatalf("no tagged DejaVuSans in %q's PDF", md)
		}
		return string(m[1])
	}
	a, b, c := name("Trade rose."), name("Trade rose."), name("Trade fell.")
	if a != b || a == c {
		t.Errorf("tags %s, %s (same text) and %s (other text)", a, b, c)
	}
}

func TestLanguage(t *testing.T) {
	res := mustRender(t, "# Обзор\n\nҚазақстан.", Options{CreatedAt: created, Lang: "kk"})
	d := readQPDF(t, res.PDF)
	if l := qpdfString(d.catalog(t)["/Lang"]); l != "kk" {
		t.Errorf("/Lang %q, want kk", l)
	}
	if !bytes.Contains(d.streamData(t, d.catalog(t)["/Metadata"].(string)), []byte("<dc:language><rdf:Bag><rdf:li>kk</rdf:li>")) {
		t.Error("XMP dc:language is not kk")
	}
	_, err := Render([]byte("# T"), Options{Lang: "en) /OpenAction (x"})
	if err == nil || !strings.Contains(err.Error(), "BCP 47") {
		t.Errorf("bad language: error %v, want one naming BCP 47", err)
	}
}

// The output intent's profile is a well-formed ICC v2 display profile
// whose numbers are sRGB's.
func TestSRGBProfile(t *testing.T) {
	p := srgbProfile()
	be := binary.BigEndian
	if int(be.Uint32(p)) != len(p) || string(p[36:40]) != "acsp" || string(p[12:24]) != "mntrRGB XYZ " || p[8] != 2 {
		t.Fatalf("header %q", p[:128])
	}
	n := int(be.Uint32(p[128:]))
	tags := map[string][]byte{}
	for i := range n {
		e := p[132+12*i:]
		off, size := int(be.Uint32(e[4:])), int(be.Uint32(e[8:]))
		if off%4 != 0 || off+size > len(p) {
			t.Fatalf("tag %q at %d+%d outside the profile", e[:4], off, size)
		}
		tags[string(e[:4])] = p[off : off+size]
	}
	for _, sig := range []string{"desc", "cprt", "wtpt", "rXYZ", "gXYZ", "bXYZ", "rTRC", "gTRC", "bTRC"} {
		if tags[sig] == nil {
			t.Errorf("no %s tag", sig)
		}
	}
	s15 := func(b []byte) float64 { return float64(int32(be.Uint32(b))) / 65536 }
	// The primaries add up to the D50 white.
	for i, w := range []float64{0.9642, 1, 0.8249} {
		sum := s15(tags["rXYZ"][8+4*i:]) + s15(tags["gXYZ"][8+4*i:]) + s15(tags["bXYZ"][8+4*i:])
		if math.Abs(sum-w) > 0.0005 {
			t.Errorf("primaries sum to %.4f in component %d, want %.4f", sum, i, w)
		}
	}
	// sRGB mid grey (0.5) is 21.4% light; the curve ends at 0 and 1.
	c := tags["rTRC"]
	count := int(be.Uint32(c[8:]))
	at := func(i int) float64 { return float64(be.Uint16(c[12+2*i:])) / 65535 }
	if count != 1024 || at(0) != 0 || at(count-1) != 1 || math.Abs(at(511)-0.2140) > 0.002 {
		t.Errorf("tone curve: %d points, %.4f at mid grey", count, at(511))
	}
}

// pdfTextString writes UTF-16BE with a byte order mark, surrogates for
// characters beyond the BMP.
func TestPDFTextString(t *testing.T) {
	if got := pdfTextString("Қ [1]"); got != "<FEFF049A0020005B0031005D>" {
		t.Errorf("got %s", got)
	}
	if got := pdfTextString("\U0001F600"); got != "<FEFF"+strings.ToUpper(strconv.FormatUint(uint64(utf16.Encode([]rune("\U0001F600"))[0]), 16))+"DE00>" {
		t.Errorf("got %s", got)
	}
}

// Links whose URLs hold what ends a PDF dictionary or string become
// tagged annotations all the same, and the file stays well-formed; a link
// in a table header that repeats on each page is tagged once per page.
func TestHostileLinksTagged(t *testing.T) {
	var md strings.Builder
	md.WriteString("# Links\n\n[a](<https://x.org/a(b)c>) and [b](https://x.org/%3E%3E\\)x) and <https://x.org/<<>>> and [c](https://x.org/(((>>))) too.[^1]\n\n")
	md.WriteString("| [Country](https://x.org/c>>) | Value |\n|:--|--:|\n")
	for i := range 100 {
		fmt.Fprintf(&md, "| Country %d | %d |\n", i, i)
	}
	md.WriteString("\n[^1]: Source (with parentheses) and >> signs.\n")
	res := mustRender(t, md.String(), Options{CreatedAt: created})
	d := readQPDF(t, res.PDF)
	tagTree(t, d)
	n := 0
	for _, p := range d.dict(t, d.dict(t, d.catalog(t)["/Pages"]))["/Kids"].([]any) {
		annots, _ := d.dict(t, p)["/Annots"].([]any)
		n += len(annots)
	}
	pages := len(res.Layout.Pages)
	if pages < 2 || n != 4+pages {
		t.Errorf("%d annotations on %d pages, want the 3 links, the marker and the header's link on each page; links %v", n, pages, res.Layout.Links)
	}
}

// A chart's alt text names its figures; a long series only its latest.
func TestChartAltText(t *testing.T) {
	c := fixtures[0].charts["chart-trade_turnover-bar.svg"]
	got := chartAlt(c, image{Alt: "Trade turnover with Russia by country, 2024"})
	if got != "Trade turnover with Russia by country, 2024: Kazakhstan $27.8 billion; Uzbekistan $11.2 billion; Kyrgyzstan $3.1 billion; Tajikistan $1.6 billion" {
		t.Errorf("alt %q", got)
	}
	var long chart.Chart
	long.Title = "Gold price"
	for i := range 250 {
		long.Points = append(long.Points, chart.Point{Label: fmt.Sprintf("day %d", i), Value: float64(i), Text: fmt.Sprintf("$%d", 2000+i)})
	}
	got = chartAlt(long, image{})
	if !strings.HasPrefix(got, "Gold price: 250 points, the last 6; day 244 $2244") || !strings.HasSuffix(got, "day 249 $2249") || len(got) > 200 {
		t.Errorf("alt of a long series %q", got)
	}
}

// Each font's ToUnicode CMap maps codes to themselves in ranges that
// vary in the last byte only, as the CMap format requires, and covers the
// Basic Multilingual Plane but the surrogates.
func TestToUnicodeRanges(t *testing.T) {
	res := fixtures[1].render(t)
	d := readQPDF(t, res.PDF)
	n := 0
	for key := range d.objs {
		ref := strings.TrimPrefix(key, "obj:")
		if key == ref {
			continue
		}
		dict := d.dict(t, ref)
		if dict["/Subtype"] != "/Type0" {
			continue
		}
		n++
		cm := string(d.streamData(t, dict["/ToUnicode"].(string)))
		ranges := regexp.MustCompile(`<([0-9A-F]{4})> <([0-9A-F]{4})> <([0-9A-F]{4})>`).FindAllStringSubmatch(cm, -1)
		covered := 0
		for _, r := range ranges {
			if r[1][:2] != r[2][:2] || r[1] != r[3] {
				t.Errorf("bfrange %s %s %s spans more than its last byte or is not the identity", r[1], r[2], r[3])
			}
			lo, _ := strconv.ParseUint(r[1], 16, 16)
			hi, _ := strconv.ParseUint(r[2], 16, 16)
			covered += int(hi-lo) + 1
		}
		if covered != 0x10000-0x800 || strings.Contains(cm, "<D800>") {
			t.Errorf("ToUnicode covers %d codes, want the BMP less the surrogates", covered)
		}
	}
	if n < 3 {
		t.Errorf("%d Type0 fonts", n)
	}
}
