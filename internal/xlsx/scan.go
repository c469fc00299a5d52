package xlsx

import (
	"bytes"
	"errors"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"
)

// scanner reads the tags and text of an XML part, from memory or from a
// stream through a window that grows to hold the longest tag or text. It
// knows what the parts of a workbook use (elements, attributes, text,
// the five entities and character references, comments, processing
// instructions, CDATA) and nothing of DTDs: a workbook has none, and an
// entity it does not know is left as written, never expanded.
type scanner struct {
	r   io.Reader // nil: buf is the whole part
	buf []byte
	pos int
	eof bool
	err error
	// max bounds the window: a tag or text longer than this is an error
	// (a cell holds at most 32,767 characters).
	max int
}

const window = 256 << 10

// errTooLong is a tag or text longer than the window allows.
var errTooLong = errors.New("an XML tag or text is longer than 16 MiB")

func newScanner(r io.Reader) *scanner {
	return &scanner{r: r, buf: make([]byte, 0, window), max: 16 << 20}
}

func bytesScanner(b []byte) *scanner { return &scanner{buf: b, eof: true, max: len(b) + 1} }

// fill reads more of the part, keeping buf[pos:]; false at the end.
func (s *scanner) fill() bool {
	if s.eof || s.err != nil {
		return false
	}
	if s.pos > 0 {
		n := copy(s.buf, s.buf[s.pos:])
		s.buf = s.buf[:n]
		s.pos = 0
	}
	if len(s.buf) == cap(s.buf) {
		if cap(s.buf) >= s.max {
			s.err = errTooLong
			return false
		}
		grown := make([]byte, len(s.buf), 2*cap(s.buf))
		copy(grown, s.buf)
		s.buf = grown
	}
	n, err := s.r.Read(s.buf[len(s.buf):cap(s.buf)])
	s.buf = s.buf[:len(s.buf)+n]
	if err == io.EOF {
		s.eof = true
	} else if err != nil {
		s.err = err
		return false
	}
	return n > 0 || !s.eof
}

// tag is one start or end tag.
type tag struct {
	name  []byte // local name, without a namespace prefix
	attrs []byte // the attributes as written
	end   bool   // </name>
	empty bool   // <name/>
}

// next moves to the next tag, skipping text, comments, processing
// instructions and declarations; false at the end of the part or on an
// error (s.err).
func (s *scanner) next(t *tag) bool {
	for {
		i := bytes.IndexByte(s.buf[s.pos:], '<')
		if i < 0 {
			s.pos = len(s.buf)
			if !s.fill() {
				return false
			}
			continue
		}
		s.pos += i
		end := s.tagEnd()
		if end < 0 {
			if !s.fill() {
				if s.err == nil {
					s.err = io.ErrUnexpectedEOF
				}
				return false
			}
			continue
		}
		raw := s.buf[s.pos+1 : end]
		s.pos = end + 1
		if len(raw) == 0 || raw[0] == '?' || raw[0] == '!' {
			continue // <?xml ...?>, <!-- ... -->, <!DOCTYPE>, CDATA outside text
		}
		t.end = raw[0] == '/'
		if t.end {
			raw = raw[1:]
		}
		t.empty = len(raw) > 0 && raw[len(raw)-1] == '/'
		if t.empty {
			raw = raw[:len(raw)-1]
		}
		if len(raw) == 0 {
			continue // </> or </>: no element
		}
		n := 0
		for n < len(raw) && raw[n] != ' ' && raw[n] != '\t' && raw[n] != '\r' && raw[n] != '\n' {
			n++
		}
		t.name, t.attrs = raw[:n], raw[n:]
		if c := bytes.IndexByte(t.name, ':'); c >= 0 {
			t.name = t.name[c+1:]
		}
		return true
	}
}

// tagEnd is the index of the '>' closing the tag at s.pos, -1 when the
// window does not hold it all. A comment ends at "-->", a CDATA section
// at "]]>", and a '>' inside a quoted attribute value does not end a tag.
func (s *scanner) tagEnd() int {
	b := s.buf[s.pos:]
	switch {
	case bytes.HasPrefix(b, []byte("<!--")):
		if i := bytes.Index(b[4:], []byte("-->")); i >= 0 {
			return s.pos + 4 + i + 2
		}
		return -1
	case bytes.HasPrefix(b, []byte("<![CDATA[")):
		if i := bytes.Index(b, []byte("]]>")); i >= 0 {
			return s.pos + i + 2
		}
		return -1
	}
	// Most tags have no '>' inside a quoted value: the first '>' ends them
	// unless a quote before it is still open.
	if j := bytes.IndexByte(b, '>'); j >= 0 {
		open := byte(0)
		for _, c := range b[1:j] {
			if open != 0 {
				if c == open {
					open = 0
				}
			} else if c == '"' || c == '\'' {
				open = c
			}
		}
		if open == 0 {
			return s.pos + j
		}
	}
	var quote byte
	for i := 1; i < len(b); i++ {
		c := b[i]
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '>':
			return s.pos + i
		}
	}
	return -1
}

// text reads the character data up to the next tag (which it leaves to
// next), decoded; CDATA sections are taken as they are.
func (s *scanner) text(dst []byte) []byte {
	for {
		i := bytes.IndexByte(s.buf[s.pos:], '<')
		if i < 0 {
			if !s.eof && s.fill() {
				continue
			}
			dst = appendDecoded(dst, s.buf[s.pos:])
			s.pos = len(s.buf)
			return dst
		}
		dst = appendDecoded(dst, s.buf[s.pos:s.pos+i])
		s.pos += i
		if !bytes.HasPrefix(s.buf[s.pos:], []byte("<![CDATA[")) {
			return dst
		}
		end := bytes.Index(s.buf[s.pos:], []byte("]]>"))
		if end < 0 {
			if s.fill() {
				continue
			}
			return dst
		}
		dst = append(dst, s.buf[s.pos+9:s.pos+end]...)
		s.pos += end + 3
	}
}

// cellStart reads a cell's start tag, <c r="B2" s="3" t="s"> (or <c .../>),
// at the scanner's position in one pass: the whole of most of a sheet's
// tags. ok is false, and nothing read, for anything else (a prefix, an
// entity, a tag longer than the window's rest), which next then reads.
func (s *scanner) cellStart() (ref, typ []byte, style int, empty, ok bool) {
	for len(s.buf)-s.pos < 256 && !s.eof && s.fill() {
	}
	b := s.buf[s.pos:]
	if len(b) < 3 || b[0] != '<' || b[1] != 'c' || b[2] != ' ' && b[2] != '>' && b[2] != '/' {
		return nil, nil, 0, false, false
	}
	i := 2
	for {
		for i < len(b) && b[i] == ' ' {
			i++
		}
		if i >= len(b) {
			return nil, nil, 0, false, false
		}
		switch b[i] {
		case '>':
			s.pos += i + 1
			return ref, typ, style, false, true
		case '/':
			if i+1 < len(b) && b[i+1] == '>' {
				s.pos += i + 2
				return ref, typ, style, true, true
			}
			return nil, nil, 0, false, false
		}
		k := i
		for i < len(b) && b[i] != '=' && b[i] != ' ' && b[i] != '>' {
			i++
		}
		if i+1 >= len(b) || b[i] != '=' || b[i+1] != '"' {
			return nil, nil, 0, false, false
		}
		key := b[k:i]
		j := bytes.IndexByte(b[i+2:], '"')
		if j < 0 {
			return nil, nil, 0, false, false
		}
		val := b[i+2 : i+2+j]
		if bytes.IndexByte(val, '&') >= 0 {
			return nil, nil, 0, false, false
		}
		switch string(key) {
		case "r":
			ref = val
		case "t":
			typ = val
		case "s":
			style = atoi(val)
		}
		i += j + 3
	}
}

// simpleValue reads "<v>text</v></c>" at the scanner's position, the
// whole of most cells, returning the text undecoded; false (and nothing
// read) when what follows is anything else.
func (s *scanner) simpleValue() ([]byte, bool) {
	for len(s.buf)-s.pos < 64 && !s.eof && s.fill() {
	}
	b := s.buf[s.pos:]
	if len(b) < 3 || b[0] != '<' || b[1] != 'v' || b[2] != '>' {
		return nil, false
	}
	i := bytes.IndexByte(b[3:], '<')
	if i < 0 || len(b) < 3+i+8 || string(b[3+i:3+i+8]) != "</v></c>" {
		return nil, false
	}
	s.pos += 3 + i + 8
	return b[3 : 3+i], true
}

// skip moves past the end tag of the element whose start tag was just
// read (not an empty one).
func (s *scanner) skip(name []byte) {
	depth := 1
	var t tag
	for s.next(&t) {
		if !bytes.Equal(t.name, name) || t.empty {
			continue
		}
		if t.end {
			depth--
			if depth == 0 {
				return
			}
		} else {
			depth++
		}
	}
}

// attr is the value of the attribute named name (its local name), and
// whether the tag has it.
func attr(attrs []byte, name string) ([]byte, bool) {
	var v []byte
	found := false
	eachAttr(attrs, func(key, val []byte) bool {
		if string(key) == name {
			v, found = val, true
			return false
		}
		return true
	})
	return v, found
}

// eachAttr calls fn with the local name and raw value of each attribute
// until fn returns false.
func eachAttr(attrs []byte, fn func(key, val []byte) bool) {
	i := 0
	for {
		for i < len(attrs) && (attrs[i] == ' ' || attrs[i] == '\t' || attrs[i] == '\r' || attrs[i] == '\n') {
			i++
		}
		start := i
		for i < len(attrs) && attrs[i] != '=' && attrs[i] != ' ' {
			i++
		}
		key := attrs[start:i]
		for i < len(attrs) && (attrs[i] == ' ' || attrs[i] == '=') {
			i++
		}
		if i >= len(attrs) || attrs[i] != '"' && attrs[i] != '\'' {
			return
		}
		q := attrs[i]
		j := bytes.IndexByte(attrs[i+1:], q)
		if j < 0 {
			return
		}
		val := attrs[i+1 : i+1+j]
		i += j + 2
		if c := bytes.IndexByte(key, ':'); c >= 0 && !bytes.HasPrefix(key, []byte("xmlns")) {
			key = key[c+1:]
		}
		if !fn(key, val) {
			return
		}
	}
}

func attrString(attrs []byte, name string) string {
	v, _ := attr(attrs, name)
	if bytes.IndexByte(v, '&') < 0 {
		return string(v)
	}
	return string(appendDecoded(nil, v))
}

func attrInt(attrs []byte, name string) (int, bool) {
	v, ok := attr(attrs, name)
	if !ok {
		return 0, false
	}
	n, err := strconv.Atoi(string(v))
	return n, err == nil
}

// appendDecoded appends b with its entities and character references
// decoded. An unknown entity is kept as written.
func appendDecoded(dst, b []byte) []byte {
	for {
		i := bytes.IndexByte(b, '&')
		if i < 0 {
			return append(dst, b...)
		}
		dst = append(dst, b[:i]...)
		b = b[i:]
		semi := bytes.IndexByte(b, ';')
		if semi < 0 || semi > 12 {
			dst = append(dst, '&')
			b = b[1:]
			continue
		}
		name := string(b[1:semi])
		switch name {
		case "amp":
			dst = append(dst, '&')
		case "lt":
			dst = append(dst, '<')
		case "gt":
			dst = append(dst, '>')
		case "quot":
			dst = append(dst, '"')
		case "apos":
			dst = append(dst, '\'')
		default:
			var r int64 = -1
			if strings.HasPrefix(name, "#x") || strings.HasPrefix(name, "#X") {
				r, _ = strconv.ParseInt(name[2:], 16, 32)
			} else if strings.HasPrefix(name, "#") {
				r, _ = strconv.ParseInt(name[1:], 10, 32)
			}
			if r <= 0 || !utf8.ValidRune(rune(r)) {
				dst = append(dst, b[:semi+1]...)
			} else {
				dst = utf8.AppendRune(dst, rune(r))
			}
		}
		b = b[semi+1:]
	}
}

// unescapeX decodes the _xHHHH_ escapes with which Office Open XML writes
// characters XML cannot hold in a string (_x000D_ is a carriage return).
func unescapeX(s string) string {
	if !strings.Contains(s, "_x") {
		return s
	}
	var b strings.Builder
	for {
		i := strings.Index(s, "_x")
		if i < 0 || i+7 > len(s) || s[i+6] != '_' {
			if i < 0 {
				b.WriteString(s)
				return b.String()
			}
			b.WriteString(s[:i+2])
			s = s[i+2:]
			continue
		}
		r, err := strconv.ParseUint(s[i+2:i+6], 16, 16)
		if err != nil {
			b.WriteString(s[:i+2])
			s = s[i+2:]
			continue
		}
		b.WriteString(s[:i])
		b.WriteRune(rune(r))
		s = s[i+7:]
	}
}
