package guard

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"
)

var md = goldmark.New(goldmark.WithExtensions(extension.GFM, extension.Footnote))

// shape is what a model must not change in a section's Markdown.
type shape struct {
	headings   []string // "## Trade"
	images     []string // "![alt](dest)"
	tables     int
	items      int
	codeBlocks int
	quotes     int
	html       []string
	links      []string
}

func parseShape(src string) shape {
	b := []byte(src)
	doc := md.Parser().Parse(text.NewReader(b))
	var s shape
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Heading:
			s.headings = append(s.headings, strings.Repeat("#", n.Level)+" "+strings.TrimSpace(string(blockText(n, b))))
		case *ast.Image:
			s.images = append(s.images, fmt.Sprintf("![%s](%s)", inlineText(n, b), n.Destination))
			s.links = append(s.links, string(n.Destination))
		case *ast.Link:
			s.links = append(s.links, string(n.Destination))
		case *ast.AutoLink:
			s.links = append(s.links, string(n.URL(b)))
		case *ast.ListItem:
			s.items++
		case *ast.FencedCodeBlock, *ast.CodeBlock:
			s.codeBlocks++
		case *ast.Blockquote:
			s.quotes++
		case *ast.HTMLBlock:
			s.html = append(s.html, strings.TrimSpace(string(blockText(n, b))))
		case *ast.RawHTML:
			var h []byte
			for i := 0; i < n.Segments.Len(); i++ {
				seg := n.Segments.At(i)
				h = append(h, seg.Value(b)...)
			}
			s.html = append(s.html, string(h))
		case *east.Table:
			s.tables++
		}
		return ast.WalkContinue, nil
	})
	return s
}

func blockText(n ast.Node, src []byte) []byte {
	var buf bytes.Buffer
	lines := n.Lines()
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		buf.Write(seg.Value(src))
	}
	return buf.Bytes()
}

func inlineText(n ast.Node, src []byte) string {
	var buf bytes.Buffer
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			switch c := c.(type) {
			case *ast.Text:
				buf.Write(c.Segment.Value(src))
			case *ast.String:
				buf.Write(c.Value)
			}
		}
		return ast.WalkContinue, nil
	})
	return buf.String()
}

func isTableLine(l string) bool {
	return strings.HasPrefix(strings.TrimLeft(l, " "), "|")
}

func isImageLine(l string) bool {
	return strings.HasPrefix(strings.TrimSpace(l), "![")
}

// prose is the text outside tables and image lines: what a model rewrites.
func prose(s string) string {
	var b strings.Builder
	for _, l := range strings.Split(s, "\n") {
		if isTableLine(l) || isImageLine(l) || strings.TrimSpace(l) == "" {
			continue
		}
		b.WriteString(strings.TrimSpace(l))
		b.WriteByte('\n')
	}
	return b.String()
}

func equal(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func quoteList(xs []string) string {
	if len(xs) == 0 {
		return "none"
	}
	q := make([]string, len(xs))
	for i, x := range xs {
		q[i] = fmt.Sprintf("%q", clip(x, 60))
	}
	return strings.Join(q, ", ")
}

func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n]) + "…"
}
