package docx

import (
	"bytes"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/briefhq/brief/internal/format"
)

const (
	nsW   = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
	nsR   = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
	nsRel = "http://schemas.openxmlformats.org/package/2006/relationships"

	relStyles    = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles"
	relNumbering = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering"
	relSettings  = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings"
	relEndnotes  = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/endnotes"
	relFooter    = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer"
	relFontTable = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/fontTable"
	relImage     = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/image"
	relLink      = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink"
)

const xmlHeader = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n"

// rels are the relationships of one part: hyperlinks (one per URL) and
// pictures, numbered in the order met.
type rels struct {
	list   []rel
	byLink map[string]string
}

type rel struct {
	id, typ, target string
	external        bool
}

func newRels() *rels { return &rels{byLink: map[string]string{}} }

func (r *rels) add(typ, target string) string {
	id := "rId" + strconv.Itoa(len(r.list)+1)
	r.list = append(r.list, rel{id: id, typ: typ, target: target})
	return id
}

func (r *rels) link(url string) string {
	if id, ok := r.byLink[url]; ok {
		return id
	}
	id := r.add(relLink, url)
	r.list[len(r.list)-1].external = true
	r.byLink[url] = id
	return id
}

func (r *rels) xml(fixed []rel) []byte {
	var b bytes.Buffer
	b.WriteString(xmlHeader)
	b.WriteString(`<Relationships xmlns="` + nsRel + `">` + "\n")
	for _, x := range append(append([]rel{}, fixed...), r.list...) {
		b.WriteString(`<Relationship Id="` + x.id + `" Type="` + x.typ + `" Target="`)
		escapeTo(&b, x.target)
		b.WriteString(`"`)
		if x.external {
			b.WriteString(` TargetMode="External"`)
		}
		b.WriteString("/>\n")
	}
	b.WriteString("</Relationships>\n")
	return b.Bytes()
}

const packageRels = xmlHeader + `<Relationships xmlns="` + nsRel + `">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>
<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>
</Relationships>
`

// contentTypes names the type of every part of the package.
func contentTypes(files map[string][]byte) []byte {
	overrides := map[string]string{
		"word/document.xml":  "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
		"word/styles.xml":    "application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml",
		"word/numbering.xml": "application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml",
		"word/settings.xml":  "application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml",
		"word/endnotes.xml":  "application/vnd.openxmlformats-officedocument.wordprocessingml.endnotes+xml",
		"word/footer1.xml":   "application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml",
		"word/fontTable.xml": "application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml",
		"docProps/core.xml":  "application/vnd.openxmlformats-package.core-properties+xml",
		"docProps/app.xml":   "application/vnd.openxmlformats-officedocument.extended-properties+xml",
	}
	var b bytes.Buffer
	b.WriteString(xmlHeader)
	b.WriteString(`<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` + "\n")
	b.WriteString(`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` + "\n")
	b.WriteString(`<Default Extension="xml" ContentType="application/xml"/>` + "\n")
	b.WriteString(`<Default Extension="png" ContentType="image/png"/>` + "\n")
	names := make([]string, 0, len(overrides))
	for n := range overrides {
		if _, ok := files[n]; ok {
			names = append(names, n)
		}
	}
	sort.Strings(names)
	for _, n := range names {
		b.WriteString(`<Override PartName="/` + n + `" ContentType="` + overrides[n] + `"/>` + "\n")
	}
	b.WriteString("</Types>\n")
	return b.Bytes()
}

// document wraps the body with the page: paper size, margins, the footer.
func (w *writer) document(size paperSize) []byte {
	var b bytes.Buffer
	b.Grow(w.body.Len() + 2048)
	b.WriteString(xmlHeader)
	b.WriteString(`<w:document xmlns:w="` + nsW + `" xmlns:r="` + nsR + `"` +
		` xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"` +
		` xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"` +
		` xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"><w:body>` + "\n")
	b.Write(w.body.Bytes())
	b.WriteString(`<w:sectPr><w:footerReference w:type="default" r:id="rIdFooter"/>`)
	b.WriteString(`<w:endnotePr><w:numFmt w:val="decimal"/></w:endnotePr>`)
	b.WriteString(`<w:pgSz w:w="` + strconv.Itoa(size.w) + `" w:h="` + strconv.Itoa(size.h) + `"/>`)
	m := strconv.Itoa(margin)
	b.WriteString(`<w:pgMar w:top="` + m + `" w:right="` + m + `" w:bottom="` + m + `" w:left="` + m + `" w:header="` + strconv.Itoa(footerSpace) + `" w:footer="` + strconv.Itoa(footerSpace) + `" w:gutter="0"/>`)
	b.WriteString("</w:sectPr>\n</w:body></w:document>\n")
	return b.Bytes()
}

// endnotes holds the separators Word expects and the notes in the order
// of their first citation.
func (w *writer) endnotes() []byte {
	var b bytes.Buffer
	b.WriteString(xmlHeader)
	b.WriteString(`<w:endnotes xmlns:w="` + nsW + `" xmlns:r="` + nsR + `">` + "\n")
	b.WriteString(`<w:endnote w:type="separator" w:id="-1"><w:p><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr><w:r><w:separator/></w:r></w:p></w:endnote>` + "\n")
	b.WriteString(`<w:endnote w:type="continuationSeparator" w:id="0"><w:p><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr><w:r><w:continuationSeparator/></w:r></w:p></w:endnote>` + "\n")
	b.Write(w.notesXML.Bytes())
	b.WriteString("</w:endnotes>\n")
	return b.Bytes()
}

const settingsXML = xmlHeader + `<w:settings xmlns:w="` + nsW + `">
<w:defaultTabStop w:val="709"/>
<w:characterSpacingControl w:val="doNotCompress"/>
<w:endnotePr><w:numFmt w:val="decimal"/><w:endnote w:id="-1"/><w:endnote w:id="0"/></w:endnotePr>
<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>
</w:settings>
`

// footerXML centres "page / pages" (PAGE and NUMPAGES fields, which Word
// and LibreOffice fill in), as the PDF's footer reads.
const footerXML = xmlHeader + `<w:ftr xmlns:w="` + nsW + `" xmlns:r="` + nsR + `">
<w:p><w:pPr><w:pStyle w:val="Footer"/><w:jc w:val="center"/></w:pPr>` +
	`<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>` +
	`<w:r><w:t xml:space="preserve"> / </w:t></w:r>` +
	`<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> NUMPAGES </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>` +
	`</w:p>
</w:ftr>
`

const fontTableXML = xmlHeader + `<w:fonts xmlns:w="` + nsW + `">
<w:font w:name="Calibri"><w:panose1 w:val="020F0502020204030204"/><w:charset w:val="00"/><w:family w:val="swiss"/><w:pitch w:val="variable"/></w:font>
<w:font w:name="Consolas"><w:panose1 w:val="020B0609020204030204"/><w:charset w:val="00"/><w:family w:val="modern"/><w:pitch w:val="fixed"/></w:font>
</w:fonts>
`

// numbering defines bullets (abstract 0) and decimal numbers (abstract
// 1) on nine levels, and one instance per numbered list, so that each
// starts at its own first number.
func (w *writer) numbering() []byte {
	var b bytes.Buffer
	b.WriteString(xmlHeader)
	b.WriteString(`<w:numbering xmlns:w="` + nsW + `">` + "\n")
	bullets := []string{"•", "◦", "▪"}
	for a := 0; a < 2; a++ {
		b.WriteString(`<w:abstractNum w:abstractNumId="` + strconv.Itoa(a) + `"><w:multiLevelType w:val="hybridMultilevel"/>`)
		for l := 0; l < 9; l++ {
			left := strconv.Itoa(listIndent * (l + 1))
			b.WriteString(`<w:lvl w:ilvl="` + strconv.Itoa(l) + `"><w:start w:val="1"/>`)
			if a == 0 {
				b.WriteString(`<w:numFmt w:val="bullet"/><w:lvlText w:val="` + bullets[l%3] + `"/>`)
			} else {
				b.WriteString(`<w:numFmt w:val="decimal"/><w:lvlText w:val="%` + strconv.Itoa(l+1) + `."/>`)
			}
			b.WriteString(`<w:lvlJc w:val="left"/><w:pPr><w:ind w:left="` + left + `" w:hanging="` + strconv.Itoa(listHanging) + `"/></w:pPr>`)
			if a == 0 {
				b.WriteString(`<w:rPr><w:rFonts w:ascii="Calibri" w:hAnsi="Calibri"/></w:rPr>`)
			}
			b.WriteString("</w:lvl>")
		}
		b.WriteString("</w:abstractNum>\n")
	}
	for i, n := range w.nums {
		b.WriteString(`<w:num w:numId="` + strconv.Itoa(i+1) + `"><w:abstractNumId w:val="` + strconv.Itoa(n.abstract) + `"/>`)
		if n.abstract == 1 {
			b.WriteString(`<w:lvlOverride w:ilvl="` + strconv.Itoa(min(n.level, 8)) + `"><w:startOverride w:val="` + strconv.Itoa(n.start) + `"/></w:lvlOverride>`)
		}
		b.WriteString("</w:num>\n")
	}
	b.WriteString("</w:numbering>\n")
	return b.Bytes()
}

// styles are Word's built-in styles by their built-in names (heading 1
// ... heading 9 with outline levels, Title, Subtitle, List Paragraph,
// endnote text and reference, Hyperlink, Quote, Footer), so that Word's
// navigation pane, table of contents and style gallery know them, and a
// few of the brief's own (table text, figure, code).
func (w *writer) styles() []byte {
	var b bytes.Buffer
	b.WriteString(xmlHeader)
	b.WriteString(`<w:styles xmlns:w="` + nsW + `">` + "\n")
	b.WriteString(`<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Calibri" w:eastAsia="Calibri" w:hAnsi="Calibri" w:cs="Calibri"/><w:color w:val="222222"/><w:sz w:val="21"/><w:szCs w:val="21"/><w:lang w:val="`)
	escapeTo(&b, w.lang())
	b.WriteString(`"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="140" w:line="276" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>` + "\n")
	b.WriteString(`<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>` + "\n")
	b.WriteString(`<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/><w:unhideWhenUsed/></w:style>` + "\n")
	b.WriteString(`<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>` + "\n")
	b.WriteString(`<w:style w:type="numbering" w:default="1" w:styleId="NoList"><w:name w:val="No List"/><w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/></w:style>` + "\n")
	b.WriteString(`<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:next w:val="Subtitle"/><w:uiPriority w:val="10"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:after="80" w:line="240" w:lineRule="auto"/><w:contextualSpacing/></w:pPr><w:rPr><w:b/><w:bCs/><w:color w:val="1F2A44"/><w:kern w:val="28"/><w:sz w:val="44"/><w:szCs w:val="44"/></w:rPr></w:style>` + "\n")
	b.WriteString(`<w:style w:type="paragraph" w:styleId="Subtitle"><w:name w:val="Subtitle"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:uiPriority w:val="11"/><w:qFormat/><w:pPr><w:pBdr><w:bottom w:val="single" w:sz="12" w:space="6" w:color="2F6DB5"/></w:pBdr><w:spacing w:after="240"/></w:pPr><w:rPr><w:color w:val="4B5563"/><w:sz w:val="20"/><w:szCs w:val="20"/></w:rPr></w:style>` + "\n")
	sizes := []int{30, 25, 22, 21, 21, 21, 21, 21, 21}
	for l := 1; l <= 9; l++ {
		n := strconv.Itoa(l)
		b.WriteString(`<w:style w:type="paragraph" w:styleId="Heading` + n + `"><w:name w:val="heading ` + n + `"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:uiPriority w:val="9"/>`)
		if l > 3 {
			b.WriteString(`<w:semiHidden/><w:unhideWhenUsed/>`)
		}
		b.WriteString(`<w:qFormat/><w:pPr><w:keepNext/><w:keepLines/>`)
		before := 180
		if l == 1 {
			b.WriteString(`<w:pBdr><w:bottom w:val="single" w:sz="4" w:space="2" w:color="C9D0D9"/></w:pBdr>`)
			before = 360
		}
		b.WriteString(`<w:spacing w:before="` + strconv.Itoa(before) + `" w:after="100"/><w:outlineLvl w:val="` + strconv.Itoa(l-1) + `"/></w:pPr>`)
		sz := strconv.Itoa(sizes[l-1])
		b.WriteString(`<w:rPr><w:b/><w:bCs/><w:color w:val="1F2A44"/><w:sz w:val="` + sz + `"/><w:szCs w:val="` + sz + `"/></w:rPr></w:style>` + "\n")
	}
	b.WriteString(`<w:style w:type="paragraph" w:styleId="ListParagraph"><w:name w:val="List Paragraph"/><w:basedOn w:val="Normal"/><w:uiPriority w:val="34"/><w:qFormat/><w:pPr><w:spacing w:after="60"/><w:ind w:left="` + strconv.Itoa(listIndent) + `"/></w:pPr></w:style>` + "\n")
	b.WriteString(`<w:style w:type="paragraph" w:styleId="Quote"><w:name w:val="Quote"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:uiPriority w:val="29"/><w:qFormat/><w:pPr><w:pBdr><w:left w:val="single" w:sz="18" w:space="8" w:color="C9D0D9"/></w:pBdr><w:ind w:left="284"/></w:pPr><w:rPr><w:color w:val="4B5563"/></w:rPr></w:style>` + "\n")
	b.WriteString(`<w:style w:type="paragraph" w:customStyle="1" w:styleId="Code"><w:name w:val="Code"/><w:basedOn w:val="Normal"/><w:pPr><w:shd w:val="clear" w:color="auto" w:fill="F2F3F5"/><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr><w:rPr><w:rFonts w:ascii="Consolas" w:hAnsi="Consolas" w:cs="Consolas"/><w:sz w:val="18"/><w:szCs w:val="18"/></w:rPr></w:style>` + "\n")
	b.WriteString(`<w:style w:type="character" w:customStyle="1" w:styleId="CodeChar"><w:name w:val="Code Char"/><w:basedOn w:val="DefaultParagraphFont"/><w:rPr><w:rFonts w:ascii="Consolas" w:hAnsi="Consolas" w:cs="Consolas"/><w:shd w:val="clear" w:color="auto" w:fill="F2F3F5"/></w:rPr></w:style>` + "\n")
	b.WriteString(`<w:style w:type="paragraph" w:customStyle="1" w:styleId="TableText"><w:name w:val="Table Text"/><w:basedOn w:val="Normal"/><w:qFormat/><w:pPr><w:spacing w:before="40" w:after="40" w:line="240" w:lineRule="auto"/></w:pPr><w:rPr><w:sz w:val="19"/><w:szCs w:val="19"/></w:rPr></w:style>` + "\n")
	b.WriteString(`<w:style w:type="paragraph" w:styleId="Caption"><w:name w:val="caption"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:uiPriority w:val="35"/><w:unhideWhenUsed/><w:qFormat/><w:pPr><w:spacing w:before="60" w:after="160"/></w:pPr><w:rPr><w:i/><w:iCs/><w:color w:val="4B5563"/><w:sz w:val="18"/><w:szCs w:val="18"/></w:rPr></w:style>` + "\n")
	b.WriteString(`<w:style w:type="paragraph" w:customStyle="1" w:styleId="Figure"><w:name w:val="Figure"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before="120" w:after="200"/><w:jc w:val="center"/></w:pPr></w:style>` + "\n")
	b.WriteString(`<w:style w:type="paragraph" w:styleId="EndnoteText"><w:name w:val="endnote text"/><w:basedOn w:val="Normal"/><w:uiPriority w:val="99"/><w:unhideWhenUsed/><w:pPr><w:spacing w:after="60" w:line="240" w:lineRule="auto"/></w:pPr><w:rPr><w:sz w:val="18"/><w:szCs w:val="18"/></w:rPr></w:style>` + "\n")
	b.WriteString(`<w:style w:type="character" w:styleId="EndnoteReference"><w:name w:val="endnote reference"/><w:basedOn w:val="DefaultParagraphFont"/><w:uiPriority w:val="99"/><w:unhideWhenUsed/><w:rPr><w:vertAlign w:val="superscript"/></w:rPr></w:style>` + "\n")
	b.WriteString(`<w:style w:type="character" w:styleId="Hyperlink"><w:name w:val="Hyperlink"/><w:basedOn w:val="DefaultParagraphFont"/><w:uiPriority w:val="99"/><w:unhideWhenUsed/><w:rPr><w:color w:val="1A5FB4"/><w:u w:val="single"/></w:rPr></w:style>` + "\n")
	b.WriteString(`<w:style w:type="paragraph" w:styleId="Footer"><w:name w:val="footer"/><w:basedOn w:val="Normal"/><w:uiPriority w:val="99"/><w:unhideWhenUsed/><w:pPr><w:tabs><w:tab w:val="center" w:pos="4680"/><w:tab w:val="right" w:pos="9360"/></w:tabs><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr><w:rPr><w:color w:val="5B6472"/><w:sz w:val="16"/><w:szCs w:val="16"/></w:rPr></w:style>` + "\n")
	b.WriteString(`<w:style w:type="table" w:customStyle="1" w:styleId="BriefTable"><w:name w:val="Brief Table"/><w:basedOn w:val="TableNormal"/><w:uiPriority w:val="59"/><w:tblPr><w:tblBorders><w:top w:val="single" w:sz="8" w:space="0" w:color="9AA3AF"/><w:bottom w:val="single" w:sz="8" w:space="0" w:color="9AA3AF"/><w:insideH w:val="single" w:sz="4" w:space="0" w:color="C9D0D9"/></w:tblBorders><w:tblCellMar><w:left w:w="85" w:type="dxa"/><w:right w:w="85" w:type="dxa"/></w:tblCellMar></w:tblPr>`)
	b.WriteString(`<w:tblStylePr w:type="firstRow"><w:rPr><w:b/><w:bCs/><w:color w:val="1F2A44"/></w:rPr><w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="E3E9F1"/></w:tcPr></w:tblStylePr></w:style>` + "\n")
	b.WriteString("</w:styles>\n")
	return b.Bytes()
}

// coreXML holds the document's title, subject, author, keywords,
// language and dates.
func coreXML(title string, o Options, lang string) []byte {
	created := o.CreatedAt
	if created.IsZero() {
		created = time.Unix(0, 0)
	}
	when := created.UTC().Format("2006-01-02T15:04:05Z")
	var b bytes.Buffer
	b.WriteString(xmlHeader)
	b.WriteString(`<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` + "\n")
	el := func(name, v string) {
		v = format.PlainText(v)
		if v == "" {
			return
		}
		b.WriteString("<" + name + ">")
		escapeTo(&b, v)
		b.WriteString("</" + name + ">\n")
	}
	el("dc:title", title)
	el("dc:subject", o.Subject)
	el("dc:creator", o.Author)
	el("cp:keywords", strings.Join(o.Keywords, ", "))
	el("dc:language", lang)
	el("cp:lastModifiedBy", o.Author)
	b.WriteString(`<dcterms:created xsi:type="dcterms:W3CDTF">` + when + "</dcterms:created>\n")
	b.WriteString(`<dcterms:modified xsi:type="dcterms:W3CDTF">` + when + "</dcterms:modified>\n")
	b.WriteString("</cp:coreProperties>\n")
	return b.Bytes()
}

// appXML names the application that made the document.
func appXML(o Options) []byte {
	app := format.PlainText(o.Creator)
	if app == "" {
		app = "brief"
	}
	var b bytes.Buffer
	b.WriteString(xmlHeader)
	b.WriteString(`<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">` + "\n<Application>")
	escapeTo(&b, app)
	b.WriteString("</Application>\n<DocSecurity>0</DocSecurity>\n")
	if c := format.PlainText(o.Author); c != "" {
		b.WriteString("<Company>")
		escapeTo(&b, c)
		b.WriteString("</Company>\n")
	}
	b.WriteString("</Properties>\n")
	return b.Bytes()
}
