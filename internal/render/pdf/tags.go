package pdf

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf16"
)

// The tagged structure: every block the renderer draws is a structure
// element (H1–H6, P, L/LI/Lbl/LBody, Table/TR/TH/TD, Figure, BlockQuote,
// Caption, Code), and its text and drawings are marked-content sequences
// (BDC … EMC) with an MCID that points back to it; rules, fills and the
// running header and footer are artifacts. fpdf writes the marked content
// (RawWriteStr goes into the page's content stream); the structure tree,
// the parent tree and the pages' StructParents are objects fpdf has no
// API for, and are added when the file is finished (see archive.go).

// tag is a structure element.
type tag struct {
	typ    string // standard structure type: P, H2, TD, ...
	alt    string // Alt text of a Figure
	actual string // ActualText: what the content reads as
	// contents describes a Link's annotation (its /Contents).
	contents string
	attr     string // attribute dictionary, e.g. <</O /Table /Scope /Column>>
	parent   *tag
	kids     []tagKid
	obj      int // object number, when written
}

// tagKid is a child element, a link annotation (annot > 0: the
// tagger's annots[annot-1]) or else marked content on a page.
type tagKid struct {
	tag   *tag
	annot int
	page  int // 1-based
	mcid  int
}

// annotRec is a link annotation fpdf wrote on page, in the order it did:
// its Link element.
type annotRec struct {
	page int
	tag  *tag
}

// tagger is the structure tree being built and the marked-content
// sequence open in the page's content stream.
type tagger struct {
	root  *tag   // the Document element
	cur   *tag   // innermost open element
	mcids []mcid // by page-1: what each MCID marks
	// The marked-content sequence open on page openPage: for element
	// open, or an artifact (artifact true); none when both are unset.
	open     *tag
	artifact bool
	openPage int
	decor    int // > 0: content drawn now is an artifact (a repeated table header)
	annots   []annotRec
}

type mcid []*tag

func newTagger() *tagger {
	root := &tag{typ: "Document"}
	return &tagger{root: root, cur: root}
}

// begin opens a child element of the current one of type typ.
func (r *renderer) begin(typ string) *tag {
	t := r.child(r.tags.cur, typ)
	r.tags.cur = t
	return t
}

// child adds an element of type typ under parent without opening it.
func (r *renderer) child(parent *tag, typ string) *tag {
	t := &tag{typ: typ, parent: parent}
	parent.kids = append(parent.kids, tagKid{tag: t})
	return t
}

// end closes t, the current element, and the marked content open in it.
func (r *renderer) end(t *tag) {
	if r.tags.open != nil {
		r.closeMarked()
	}
	if r.tags.cur == t {
		r.tags.cur = t.parent
	}
}

// mark makes what is drawn next content of the current element.
func (r *renderer) mark() { r.markAs(r.tags.cur) }

// markAs makes what is drawn next content of t: it opens a marked-content
// sequence with a new MCID on this page unless one for t is open.
func (r *renderer) markAs(t *tag) {
	tg := r.tags
	if tg.decor > 0 {
		r.decorate()
		return
	}
	p := r.page()
	if tg.open == t && tg.openPage == p {
		return
	}
	r.closeMarked()
	for len(tg.mcids) < p {
		tg.mcids = append(tg.mcids, nil)
	}
	id := len(tg.mcids[p-1])
	tg.mcids[p-1] = append(tg.mcids[p-1], t)
	t.kids = append(t.kids, tagKid{page: p, mcid: id})
	props := "<</MCID " + strconv.Itoa(id)
	if t.actual != "" {
		props += " /ActualText " + pdfTextString(t.actual)
	}
	r.f.RawWriteStr("/" + t.typ + " " + props + ">> BDC")
	tg.open, tg.openPage = t, p
}

// annot records that the link annotation just made belongs to t.
func (r *renderer) annot(t *tag) {
	tg := r.tags
	tg.annots = append(tg.annots, annotRec{page: r.page(), tag: t})
	t.kids = append(t.kids, tagKid{annot: len(tg.annots), page: r.page()})
}

// decorate makes what is drawn next an artifact: a rule, a fill, a bar.
func (r *renderer) decorate() {
	tg := r.tags
	if tg.artifact && tg.openPage == r.page() {
		return
	}
	r.closeMarked()
	r.f.RawWriteStr("/Artifact BMC")
	tg.artifact, tg.openPage = true, r.page()
}

// closeMarked ends the open marked-content sequence, if any: before a
// page ends, an element ends or other content starts.
func (r *renderer) closeMarked() {
	tg := r.tags
	if tg.open != nil || tg.artifact {
		r.f.RawWriteStr("EMC")
	}
	tg.open, tg.artifact = nil, false
}

// pdfTextString is s as a PDF text string: UTF-16BE with its byte order
// mark, in hex.
func pdfTextString(s string) string {
	var b strings.Builder
	b.WriteString("<FEFF")
	for _, u := range utf16.Encode([]rune(s)) {
		fmt.Fprintf(&b, "%04X", u)
	}
	b.WriteString(">")
	return b.String()
}

// prune drops elements that hold no content (a paragraph of nothing but
// spaces): an empty element tells a reader nothing.
func prune(t *tag) bool {
	kids := t.kids[:0]
	for _, k := range t.kids {
		if k.tag == nil || prune(k.tag) {
			kids = append(kids, k)
		}
	}
	t.kids = kids
	return len(kids) > 0
}

// structObjects numbers the elements from base (the StructTreeRoot is
// base, the ParentTree base+1, the elements after) and returns their
// objects in order; pageObj[p-1] is the object number of page p,
// annotObj[i] that of link annotation i, whose StructParent is the
// number of pages plus i.
func (tg *tagger) structObjects(base int, pageObj, annotObj []int) ([][]byte, error) {
	prune(tg.root)
	var order []*tag
	var number func(t *tag)
	number = func(t *tag) {
		t.obj = base + 2 + len(order)
		order = append(order, t)
		for _, k := range t.kids {
			if k.tag != nil {
				number(k.tag)
			}
		}
	}
	number(tg.root)
	pg := func(p int) (int, error) {
		if p < 1 || p > len(pageObj) {
			return 0, fmt.Errorf("marked content on page %d of %d", p, len(pageObj))
		}
		return pageObj[p-1], nil
	}
	objs := make([][]byte, 0, 2+len(order))
	objs = append(objs, fmt.Appendf(nil, "<</Type /StructTreeRoot /K %d 0 R /ParentTree %d 0 R /ParentTreeNextKey %d>>", tg.root.obj, base+1, len(pageObj)+len(annotObj)))
	var nums strings.Builder
	nums.WriteString("<</Nums [")
	for p := range pageObj {
		fmt.Fprintf(&nums, "%d [", p)
		if p < len(tg.mcids) {
			for i, t := range tg.mcids[p] {
				if i > 0 {
					nums.WriteByte(' ')
				}
				if t.obj == 0 {
					return nil, fmt.Errorf("marked content of a %s element not in the tree", t.typ)
				}
				fmt.Fprintf(&nums, "%d 0 R", t.obj)
			}
		}
		nums.WriteString("] ")
	}
	for i, a := range tg.annots {
		fmt.Fprintf(&nums, "%d %d 0 R ", len(pageObj)+i, a.tag.obj)
	}
	nums.WriteString("]>>")
	objs = append(objs, []byte(nums.String()))
	for _, t := range order {
		var b strings.Builder
		parent := base // the StructTreeRoot
		if t.parent != nil {
			parent = t.parent.obj
		}
		fmt.Fprintf(&b, "<</Type /StructElem /S /%s /P %d 0 R", t.typ, parent)
		page := 0
		for _, k := range t.kids {
			if k.tag == nil && k.annot == 0 {
				page = k.page
				break
			}
		}
		if page > 0 {
			o, err := pg(page)
			if err != nil {
				return nil, err
			}
			fmt.Fprintf(&b, " /Pg %d 0 R", o)
		}
		b.WriteString(" /K [")
		for i, k := range t.kids {
			if i > 0 {
				b.WriteByte(' ')
			}
			switch {
			case k.tag != nil:
				fmt.Fprintf(&b, "%d 0 R", k.tag.obj)
			case k.annot > 0:
				o, err := pg(k.page)
				if err != nil {
					return nil, err
				}
				fmt.Fprintf(&b, "<</Type /OBJR /Obj %d 0 R /Pg %d 0 R>>", annotObj[k.annot-1], o)
			case k.page == page:
				b.WriteString(strconv.Itoa(k.mcid))
			default:
				o, err := pg(k.page)
				if err != nil {
					return nil, err
				}
				fmt.Fprintf(&b, "<</Type /MCR /Pg %d 0 R /MCID %d>>", o, k.mcid)
			}
		}
		b.WriteString("]")
		if t.alt != "" {
			b.WriteString(" /Alt " + pdfTextString(t.alt))
		}
		if t.actual != "" {
			b.WriteString(" /ActualText " + pdfTextString(t.actual))
		}
		if t.attr != "" {
			b.WriteString(" /A " + t.attr)
		}
		b.WriteString(">>")
		objs = append(objs, []byte(b.String()))
	}
	return objs, nil
}
