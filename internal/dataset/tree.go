package dataset

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// readTree reads a YAML or JSON file into a yaml.Node tree (JSON goes
// through encoding/json, which unlike YAML accepts every JSON escape, and
// is converted to the same tree with the same positions). It returns the
// root content node, or nil after reporting why the file cannot be used:
// too large, not UTF-8, a syntax error, YAML aliases (refused so that an
// alias bomb cannot blow up the walk), nesting too deep.
func (l *loader) readTree(rd io.Reader, file string, isJSON bool, limit int64) *yaml.Node {
	data, err := io.ReadAll(io.LimitReader(rd, limit+1))
	if err != nil {
		l.errorAt(Pos{File: file}, "cannot read: "+ioReason(err))
		return nil
	}
	if int64(len(data)) > limit {
		l.errorAt(Pos{File: file}, fmt.Sprintf("file is larger than %d MB: split it or use CSV", limit>>20))
		return nil
	}
	if n := leadingBOMs(data); n > 0 {
		data = data[n*len(bom):]
		if n > 1 {
			l.warnAt(Pos{File: file, Line: 1, Col: 1}, fmt.Sprintf("the file starts with %d byte order marks (BOM) where one at most belongs; the extra ones are skipped: re-save the file as UTF-8", n))
		}
	}
	if bytes.IndexByte(data, '\n') < 0 && bytes.IndexByte(data, '\r') >= 0 {
		// Lines end with a bare CR (old Mac files): count them as lines.
		data = bytes.ReplaceAll(data, []byte{'\r'}, []byte{'\n'})
	}
	if i := firstInvalid(data); i >= 0 {
		line, col := lineCol(data, lineStarts(data), i)
		l.errorAt(Pos{File: file, Line: line, Col: col}, "text is not valid UTF-8: re-save the file as UTF-8")
		return nil
	}
	if len(bytes.TrimSpace(data)) == 0 {
		l.errorAt(Pos{File: file, Line: 1}, "file is empty")
		return nil
	}
	if isJSON {
		n, p, err := jsonTree(data)
		if err != nil {
			l.errorAt(Pos{File: file, Line: p.Line, Col: p.Col}, "not valid JSON: "+err.Error())
			return nil
		}
		return n
	}
	if i := bytes.IndexFunc(data, func(r rune) bool { return r < 0x20 && r != '\t' && r != '\n' && r != '\r' || r == 0x7f }); i >= 0 {
		line, col := lineCol(data, lineStarts(data), i)
		l.errorAt(Pos{File: file, Line: line, Col: col}, fmt.Sprintf("not valid YAML: a control character (U+%04X): remove it", data[i]))
		return nil
	}
	var doc yaml.Node
	dec := yaml.NewDecoder(bytes.NewReader(data))
	err = dec.Decode(&doc)
	if err == nil {
		// A second document after "---" would be silently ignored.
		var next yaml.Node
		if nerr := dec.Decode(&next); nerr == nil {
			line := next.Line
			if len(next.Content) > 0 {
				line = next.Content[0].Line
			}
			l.errorAt(Pos{File: file, Line: line}, "a second YAML document (after ---) is not read: keep one document per file")
			return nil
		} else if nerr != io.EOF {
			err = nerr
		}
	}
	if err != nil {
		line, msg := yamlError(err)
		p := Pos{File: file, Line: line}
		if tl, tc := indentTab(data, line); tl > 0 && (strings.Contains(msg, "tab character") || tl == line && strings.Contains(msg, "cannot start any token")) {
			// The parser names the line where the block it was reading
			// began, not the tab: point at the tab itself.
			p.Line, p.Col = tl, tc
			msg = "a tab in the indentation: indent YAML with spaces, never tabs"
		}
		l.errorAt(p, "not valid YAML: "+msg)
		return nil
	}
	if doc.Kind != yaml.DocumentNode || len(doc.Content) == 0 {
		l.errorAt(Pos{File: file, Line: 1}, "file is empty")
		return nil
	}
	if !l.checkTree(file, doc.Content[0]) {
		return nil
	}
	return doc.Content[0]
}

// checkTree refuses aliases and deep nesting; nothing in a dataset needs
// either, and following aliases is how a small file expands into a huge
// one.
func (l *loader) checkTree(file string, root *yaml.Node) bool {
	type item struct {
		n     *yaml.Node
		depth int
	}
	stack := []item{{root, 0}}
	for len(stack) > 0 {
		it := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if it.n.Kind == yaml.AliasNode {
			l.errorAt(yamlPos(file, it.n), "YAML aliases (*"+it.n.Value+") are not supported: write the value out")
			return false
		}
		if it.depth > maxDepth {
			l.errorAt(yamlPos(file, it.n), fmt.Sprintf("nested more than %d levels deep", maxDepth))
			return false
		}
		for i := len(it.n.Content) - 1; i >= 0; i-- { // first child on top: document order
			stack = append(stack, item{it.n.Content[i], it.depth + 1})
		}
	}
	return true
}

const maxDepth = 32

func yamlPos(file string, n *yaml.Node) Pos { return Pos{File: file, Line: n.Line, Col: n.Column} }

// indentTab finds the first tab in a line's indentation (the blanks
// before its first other character) from line from on, and returns its
// line and column, or 0, 0 when there is none.
func indentTab(data []byte, from int) (int, int) {
	line := 1
	for start := 0; start < len(data); line++ {
		end := bytes.IndexByte(data[start:], '\n')
		if end < 0 {
			end = len(data)
		} else {
			end += start
		}
		if line >= from {
			for i := start; i < end; i++ {
				if data[i] == '\t' {
					return line, i - start + 1
				}
				if data[i] != ' ' {
					break
				}
			}
		}
		start = end + 1
	}
	return 0, 0
}

// yamlError splits "yaml: line 3: did not find expected key" into the line
// and the message.
func yamlError(err error) (int, string) {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	if rest, ok := strings.CutPrefix(msg, "line "); ok {
		if i := strings.Index(rest, ": "); i > 0 {
			if n, err := strconv.Atoi(rest[:i]); err == nil {
				return n, rest[i+2:]
			}
		}
	}
	return 0, msg
}

func firstInvalid(b []byte) int {
	if utf8.Valid(b) {
		return -1
	}
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size <= 1 {
			return i
		}
		i += size
	}
	return -1
}

func lineStarts(b []byte) []int {
	starts := []int{0}
	for i, c := range b {
		if c == '\n' {
			starts = append(starts, i+1)
		}
	}
	return starts
}

// lineCol turns a byte offset into a 1-based line and character column.
func lineCol(b []byte, starts []int, off int) (int, int) {
	if off > len(b) {
		off = len(b)
	}
	i := sort.Search(len(starts), func(i int) bool { return starts[i] > off }) - 1
	return i + 1, utf8.RuneCount(b[starts[i]:off]) + 1
}

// jsonTree parses JSON into a yaml.Node tree with the line and column of
// every value, so JSON and YAML observations share one reader.
func jsonTree(data []byte) (*yaml.Node, Pos, error) {
	j := &jsonReader{d: json.NewDecoder(bytes.NewReader(data)), data: data, starts: lineStarts(data)}
	j.d.UseNumber()
	n, err := j.value(0)
	if err == nil {
		if _, err2 := j.d.Token(); err2 != io.EOF {
			err = errors.New("more than one value in the file")
			if err2 != nil {
				err = err2
			}
		}
	}
	if err != nil {
		off := j.start()
		var se *json.SyntaxError
		if errors.As(err, &se) {
			off = int(se.Offset) // the offending byte, for token errors
		}
		line, col := lineCol(data, j.starts, off)
		msg := err.Error()
		switch {
		case errors.Is(err, io.ErrUnexpectedEOF) || err == io.EOF:
			msg = "unexpected end of file"
		case strings.HasSuffix(msg, "after array element") || strings.HasSuffix(msg, "after object key:value pair"):
			msg += " (is a comma missing before it?)"
		}
		return nil, Pos{Line: line, Col: col}, errors.New(msg)
	}
	return n, Pos{}, nil
}

type jsonReader struct {
	d      *json.Decoder
	data   []byte
	starts []int
}

// start is the offset where the next token begins: the decoder has read
// up to InputOffset, and separators and spaces come before the token.
func (j *jsonReader) start() int {
	off := int(j.d.InputOffset())
	for off < len(j.data) {
		switch j.data[off] {
		case ' ', '\t', '\r', '\n', ':', ',':
			off++
			continue
		}
		break
	}
	return off
}

func (j *jsonReader) node(kind yaml.Kind, tag, value string, off int) *yaml.Node {
	line, col := lineCol(j.data, j.starts, off)
	return &yaml.Node{Kind: kind, Tag: tag, Value: value, Line: line, Column: col}
}

func (j *jsonReader) value(depth int) (*yaml.Node, error) {
	if depth > maxDepth {
		return nil, fmt.Errorf("nested more than %d levels deep", maxDepth)
	}
	off := j.start()
	tok, err := j.d.Token()
	if err != nil {
		return nil, err
	}
	switch t := tok.(type) {
	case json.Delim:
		if t == '{' {
			n := j.node(yaml.MappingNode, "!!map", "", off)
			for j.d.More() {
				koff := j.start()
				k, err := j.d.Token()
				if err != nil {
					return nil, err
				}
				ks, _ := k.(string)
				v, err := j.value(depth + 1)
				if err != nil {
					return nil, err
				}
				n.Content = append(n.Content, j.node(yaml.ScalarNode, "!!str", ks, koff), v)
			}
			_, err := j.d.Token() // }
			return n, err
		}
		n := j.node(yaml.SequenceNode, "!!seq", "", off)
		for j.d.More() {
			v, err := j.value(depth + 1)
			if err != nil {
				return nil, err
			}
			n.Content = append(n.Content, v)
		}
		_, err := j.d.Token() // ]
		return n, err
	case string:
		return j.node(yaml.ScalarNode, "!!str", t, off), nil
	case json.Number:
		return j.node(yaml.ScalarNode, "!!float", string(t), off), nil
	case bool:
		return j.node(yaml.ScalarNode, "!!bool", strconv.FormatBool(t), off), nil
	default: // nil
		return j.node(yaml.ScalarNode, "!!null", "", off), nil
	}
}

// keyed reads a mapping node whose keys are known in advance. It reports
// a node that is not a mapping (as "what must be ..."), repeated keys and
// unknown keys (listing the known ones, to catch typos), and returns the
// value node of each known key present.
func (l *loader) keyed(file string, n *yaml.Node, what string, known []string) (map[string]*yaml.Node, bool) {
	if n.Kind != yaml.MappingNode {
		l.errorAt(yamlPos(file, n), what+" must be a mapping of keys ("+strings.Join(known, ", ")+")")
		return nil, false
	}
	out := make(map[string]*yaml.Node, len(n.Content)/2)
	keys := make(map[string]*yaml.Node, len(n.Content)/2)
	ok := true
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		name := k.Value
		if first, dup := keys[name]; dup {
			l.errorAt(yamlPos(file, k), "key "+strconv.Quote(name)+" appears twice (first on line "+strconv.Itoa(first.Line)+")")
			ok = false
			continue
		}
		keys[name] = k
		if !contains(known, name) {
			msg := "unknown key " + strconv.Quote(name)
			if s := suggest(name, known); s != "" {
				msg += "; did you mean " + strconv.Quote(s) + "?"
			}
			l.errorAt(yamlPos(file, k), msg+" (known keys: "+strings.Join(known, ", ")+")")
			ok = false
			continue
		}
		out[name] = v
	}
	return out, ok
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// text reads a scalar; null is the empty string. A list or mapping where
// text belongs is reported as an error.
func (l *loader) text(file string, n *yaml.Node, key string) (string, bool) {
	if n == nil {
		return "", true
	}
	if n.Kind != yaml.ScalarNode {
		l.errorAt(yamlPos(file, n), key+" must be a single value, not a "+kindName(n))
		return "", false
	}
	if n.ShortTag() == "!!null" {
		return "", true
	}
	return strings.TrimSpace(n.Value), true
}

func kindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.SequenceNode:
		return "list"
	case yaml.MappingNode:
		return "mapping"
	}
	return "value"
}
