package ingest

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"
)

// xmlScanner is a strict, streaming XML tokenizer for the parts of a workbook rapor reads
// (worksheets, shared strings). encoding/xml would do, but at a tenth of the speed a big
// snapshot needs; and excelize's iterator built on it stops quietly at the first error, so a
// sheet cut mid-row loads its first rows. This one refuses every document encoding/xml refuses
// (and a few it accepts: a DOCTYPE, text outside the root, a second root, non-ASCII names, an
// encoding other than UTF-8), and ends only at the root's end tag: a truncated part is an error.
//
// Tokens point into the scanner's buffer and are valid until the next call of next.
type xmlScanner struct {
	r    io.Reader
	buf  []byte
	pos  int
	eof  bool
	rerr error
	base int64 // stream offset of buf[0], for error messages

	stack    []byte // open elements' qualified names, end to end
	stackEnd []int
	rootDone bool
	selfEnd  bool // the last start tag was <x/>: an end token comes next

	// The current token.
	kind    int
	qname   []byte // start and end tags
	local   []byte
	attrs   []xmlAttr
	text    []byte // decoded character data
	scratch []byte
}

type xmlAttr struct{ local, raw []byte }

const (
	xmlEOF = iota
	xmlStart
	xmlEnd
	xmlText
)

// xmlSyntaxError is a malformed or truncated XML part.
type xmlSyntaxError struct {
	Offset int64
	Msg    string
}

func (e *xmlSyntaxError) Error() string {
	return fmt.Sprintf("XML syntax error at byte %d: %s", e.Offset, e.Msg)
}

var errXMLEOF = errors.New("unexpected end of the document")

func newXMLScanner(r io.Reader) *xmlScanner {
	return &xmlScanner{r: r, buf: make([]byte, 0, 256<<10)}
}

func (x *xmlScanner) fail(i int, format string, args ...any) error {
	return &xmlSyntaxError{Offset: x.base + int64(x.pos+i), Msg: fmt.Sprintf(format, args...)}
}

// fill reads more of the stream; false when there is no more. Offsets relative to pos stay valid.
func (x *xmlScanner) fill() bool {
	if x.eof {
		return false
	}
	if x.pos > 0 && (len(x.buf) == cap(x.buf) || x.pos > cap(x.buf)/2) {
		n := copy(x.buf, x.buf[x.pos:])
		x.buf = x.buf[:n]
		x.base += int64(x.pos)
		x.pos = 0
	}
	if len(x.buf) == cap(x.buf) {
		nb := make([]byte, len(x.buf), 2*cap(x.buf))
		copy(nb, x.buf)
		x.buf = nb
	}
	for tries := 0; tries < 100; tries++ {
		n, err := x.r.Read(x.buf[len(x.buf):cap(x.buf)])
		x.buf = x.buf[:len(x.buf)+n]
		if err != nil {
			x.eof = true
			if err != io.EOF {
				x.rerr = err
			}
			return n > 0
		}
		if n > 0 {
			return true
		}
	}
	x.eof, x.rerr = true, io.ErrNoProgress
	return false
}

// at returns the byte at pos+i, reading on as needed.
func (x *xmlScanner) at(i int) (byte, bool) {
	if x.pos+i < len(x.buf) {
		return x.buf[x.pos+i], true
	}
	return x.atSlow(i)
}

func (x *xmlScanner) atSlow(i int) (byte, bool) {
	for x.pos+i >= len(x.buf) {
		if !x.fill() {
			return 0, false
		}
	}
	return x.buf[x.pos+i], true
}

// eofErr is the error for a stream that ended at pos+i: the read error (a zip CRC mismatch,
// a broken deflate stream) or a truncated document.
func (x *xmlScanner) eofErr(i int) error {
	if x.rerr != nil {
		return &xmlSyntaxError{Offset: x.base + int64(x.pos+i), Msg: x.rerr.Error()}
	}
	return &xmlSyntaxError{Offset: x.base + int64(x.pos+i), Msg: errXMLEOF.Error()}
}

// index finds b at or after pos+from, reading on as needed; -1 at the end of the stream.
func (x *xmlScanner) index(from int, b byte) int {
	for {
		if x.pos+from < len(x.buf) {
			if k := bytes.IndexByte(x.buf[x.pos+from:], b); k >= 0 {
				return from + k
			}
			from = len(x.buf) - x.pos
		}
		if !x.fill() {
			return -1
		}
	}
}

// indexSeq finds seq at or after pos+from.
func (x *xmlScanner) indexSeq(from int, seq string) int {
	for {
		if x.pos+from < len(x.buf) {
			if k := bytes.Index(x.buf[x.pos+from:], []byte(seq)); k >= 0 {
				return from + k
			}
			from = max(from, len(x.buf)-x.pos-len(seq)+1)
		}
		if !x.fill() {
			return -1
		}
	}
}

func (x *xmlScanner) depth() int { return len(x.stackEnd) }

// next reads the next token.
func (x *xmlScanner) next() (int, error) {
	if x.selfEnd {
		x.selfEnd = false
		return x.pop(0)
	}
	if x.base == 0 && x.pos == 0 {
		if c, ok := x.at(2); ok && c == 0xBF && x.buf[0] == 0xEF && x.buf[1] == 0xBB {
			x.pos = 3 // a UTF-8 byte order mark
		}
	}
	for {
		c, ok := x.at(0)
		if !ok {
			if x.rerr != nil || !x.rootDone || x.depth() > 0 {
				return 0, x.eofErr(0)
			}
			x.kind = xmlEOF
			return xmlEOF, nil
		}
		if c != '<' {
			end := x.index(0, '<')
			if end < 0 {
				end = len(x.buf) - x.pos
				if x.depth() > 0 || x.rerr != nil {
					return 0, x.eofErr(end)
				}
			}
			raw := x.buf[x.pos : x.pos+end]
			text, err := x.decode(raw, false)
			if err != nil {
				return 0, err
			}
			if x.depth() == 0 {
				if len(bytes.Trim(text, " \t\r\n")) > 0 {
					return 0, x.fail(0, "text outside the root element")
				}
				x.pos += end
				continue
			}
			x.pos += end
			x.text, x.kind = text, xmlText
			return xmlText, nil
		}
		c1, ok := x.at(1)
		if !ok {
			return 0, x.eofErr(1)
		}
		switch {
		case c1 == '/':
			return x.endTag()
		case c1 == '?':
			if err := x.procInst(); err != nil {
				return 0, err
			}
		case c1 == '!':
			kind, err := x.bang()
			if err != nil {
				return 0, err
			}
			if kind == xmlText {
				return xmlText, nil
			}
		default:
			return x.startTag()
		}
	}
}

func isNameStart(b byte) bool {
	return 'a' <= b && b <= 'z' || 'A' <= b && b <= 'Z' || b == '_' || b == ':'
}

func isNameByte(b byte) bool {
	return isNameStart(b) || '0' <= b && b <= '9' || b == '-' || b == '.'
}

func isSpace(b byte) bool { return b == ' ' || b == '\t' || b == '\r' || b == '\n' }

// name reads a name at pos+i; it returns the index after it.
func (x *xmlScanner) name(i int) (int, error) {
	c, ok := x.at(i)
	if !ok {
		return 0, x.eofErr(i)
	}
	if !isNameStart(c) {
		return 0, x.fail(i, "expected a name, found %q", c)
	}
	for {
		i++
		c, ok = x.at(i)
		if !ok {
			return 0, x.eofErr(i)
		}
		if !isNameByte(c) {
			return i, nil
		}
	}
}

// localName is encoding/xml's split of prefix:local.
func localName(q []byte) ([]byte, bool) {
	k := bytes.IndexByte(q, ':')
	if k < 0 {
		return q, true
	}
	if bytes.IndexByte(q[k+1:], ':') >= 0 {
		return nil, false
	}
	if k == 0 || k == len(q)-1 {
		return q, true
	}
	return q[k+1:], true
}

func (x *xmlScanner) skipSpace(i int) (int, error) {
	for {
		c, ok := x.at(i)
		if !ok {
			return 0, x.eofErr(i)
		}
		if !isSpace(c) {
			return i, nil
		}
		i++
	}
}

func (x *xmlScanner) startTag() (int, error) {
	if x.rootDone && x.depth() == 0 {
		return 0, x.fail(0, "a second root element")
	}
	end := x.bufferTag()
	if end < 0 {
		return 0, x.eofErr(len(x.buf) - x.pos)
	}
	t := x.buf[x.pos : x.pos+end+1] // the whole tag, < to >
	i := 1
	for i < end && isNameByte(t[i]) {
		i++
	}
	if i == 1 || !isNameStart(t[1]) {
		return 0, x.fail(1, "expected a name after <")
	}
	x.qname = t[1:i]
	local, ok := localName(x.qname)
	if !ok {
		return 0, x.fail(1, "invalid name %q", x.qname)
	}
	x.local = local
	x.attrs = x.attrs[:0]
	self := false
	for {
		j := i
		for j < end && isSpace(t[j]) {
			j++
		}
		if j == end {
			break
		}
		if t[j] == '/' {
			if j+1 != end {
				return 0, x.fail(j, "expected /> in a start tag")
			}
			self = true
			break
		}
		if j == i {
			return 0, x.fail(j, "expected a space, > or /> in a start tag, found %q", t[j])
		}
		a := j
		if !isNameStart(t[j]) {
			return 0, x.fail(j, "expected an attribute name, found %q", t[j])
		}
		for j < end && isNameByte(t[j]) {
			j++
		}
		an := j
		for j < end && isSpace(t[j]) {
			j++
		}
		if t[j] != '=' {
			return 0, x.fail(j, "attribute without =")
		}
		j++
		for j < end && isSpace(t[j]) {
			j++
		}
		q := t[j]
		if q != '"' && q != '\'' {
			return 0, x.fail(j, "unquoted attribute value")
		}
		e := bytes.IndexByte(t[j+1:], q)
		if e < 0 {
			return 0, x.fail(j, "unterminated attribute value")
		}
		raw := t[j+1 : j+1+e]
		if bytes.IndexByte(raw, '<') >= 0 {
			return 0, x.fail(j, "< inside an attribute value")
		}
		if _, err := x.validate(raw, j+1, true); err != nil {
			return 0, err
		}
		l, ok := localName(t[a:an])
		if !ok {
			return 0, x.fail(a, "invalid attribute name")
		}
		x.attrs = append(x.attrs, xmlAttr{l, raw})
		i = j + 1 + e + 1
	}
	x.stackEnd = append(x.stackEnd, len(x.stack))
	x.stack = append(x.stack, x.qname...)
	x.pos += end + 1
	x.selfEnd = self
	x.kind = xmlStart
	return xmlStart, nil
}

// bufferTag reads on until the tag at pos is whole in the buffer and returns the index of its
// closing '>' (outside quotes), -1 when the stream ends first.
func (x *xmlScanner) bufferTag() int {
	i, q := 1, byte(0)
	for {
		for ; x.pos+i < len(x.buf); i++ {
			c := x.buf[x.pos+i]
			switch {
			case q != 0:
				if c == q {
					q = 0
				}
			case c == '"' || c == '\'':
				q = c
			case c == '>':
				return i
			}
		}
		if !x.fill() {
			return -1
		}
	}
}

func (x *xmlScanner) endTag() (int, error) {
	// Fast path: </name> of the open element, whole in the buffer.
	if n := len(x.stackEnd); n > 0 {
		top := x.stack[x.stackEnd[n-1]:]
		b := x.buf[x.pos:]
		if len(b) > len(top)+2 && b[len(top)+2] == '>' && bytes.Equal(b[2:2+len(top)], top) {
			x.pos += len(top) + 3
			return x.pop(0)
		}
	}
	ne, err := x.name(2)
	if err != nil {
		return 0, err
	}
	k, err := x.skipSpace(ne)
	if err != nil {
		return 0, err
	}
	if c, _ := x.at(k); c != '>' {
		return 0, x.fail(k, "expected > at the end of an end tag")
	}
	name := x.buf[x.pos+2 : x.pos+ne]
	x.pos += k + 1
	return x.popName(name)
}

func (x *xmlScanner) pop(int) (int, error) {
	top := x.stackEnd[len(x.stackEnd)-1]
	return x.popName(x.stack[top:])
}

func (x *xmlScanner) popName(name []byte) (int, error) {
	if x.depth() == 0 {
		return 0, x.fail(0, "end tag </%s> without a start tag", name)
	}
	top := x.stackEnd[len(x.stackEnd)-1]
	if !bytes.Equal(x.stack[top:], name) {
		return 0, x.fail(0, "end tag </%s> closes <%s>", name, x.stack[top:])
	}
	x.qname = name
	x.local, _ = localName(name)
	x.stackEnd = x.stackEnd[:len(x.stackEnd)-1]
	x.stack = x.stack[:top]
	if x.depth() == 0 {
		x.rootDone = true
	}
	x.kind = xmlEnd
	return xmlEnd, nil
}

// procInst skips <?target ...?>; the XML declaration must not name an encoding other than UTF-8.
func (x *xmlScanner) procInst() error {
	ne, err := x.name(2)
	if err != nil {
		return err
	}
	e := x.indexSeq(ne, "?>")
	if e < 0 {
		return x.eofErr(len(x.buf) - x.pos)
	}
	target := x.buf[x.pos+2 : x.pos+ne]
	body := x.buf[x.pos+ne : x.pos+e]
	if len(body) > 0 && !isSpace(body[0]) {
		return x.fail(ne, "expected a space after <?%s", target)
	}
	if _, err := x.validate(body, ne, false); err != nil {
		return err
	}
	if string(target) == "xml" {
		if v := procInstParam("version", string(body)); v != "" && v != "1.0" {
			return x.fail(ne, "XML version %q is not read", v)
		}
		if v := procInstParam("encoding", string(body)); v != "" && !strings.EqualFold(v, "utf-8") {
			return x.fail(ne, "encoding %q: only UTF-8 is read", v)
		}
	}
	x.pos += e + 2
	return nil
}

// procInstParam is encoding/xml's reading of a pseudo-attribute of the XML declaration.
func procInstParam(param, s string) string {
	param += "="
	i := 0
	var sep byte
	for i < len(s) {
		sub := s[i:]
		k := strings.Index(sub, param)
		if k < 0 || len(param)+k >= len(sub) {
			return ""
		}
		i += len(param) + k + 1
		if c := sub[len(param)+k]; c == '\'' || c == '"' {
			sep = c
			break
		}
	}
	if sep == 0 {
		return ""
	}
	j := strings.IndexByte(s[i:], sep)
	if j < 0 {
		return ""
	}
	return s[i : i+j]
}

// bang reads a comment (skipped) or a CDATA section (a text token).
func (x *xmlScanner) bang() (int, error) {
	var head [9]byte
	n := 0
	for ; n < 9; n++ {
		c, ok := x.at(n)
		if !ok {
			break
		}
		head[n] = c
	}
	h := string(head[:n])
	switch {
	case len(h) >= 4 && h[:4] == "<!--":
		e := x.indexSeq(4, "--")
		for e >= 0 {
			c, ok := x.at(e + 2)
			if !ok {
				return 0, x.eofErr(e + 2)
			}
			if c != '>' {
				return 0, x.fail(e, `"--" inside a comment`)
			}
			break
		}
		if e < 0 {
			return 0, x.eofErr(len(x.buf) - x.pos)
		}
		if _, err := x.validate(x.buf[x.pos+4:x.pos+e], 4, false); err != nil {
			return 0, err
		}
		x.pos += e + 3
		return 0, nil
	case h == "<![CDATA[":
		if x.depth() == 0 {
			return 0, x.fail(0, "CDATA outside the root element")
		}
		e := x.indexSeq(9, "]]>")
		if e < 0 {
			return 0, x.eofErr(len(x.buf) - x.pos)
		}
		raw := x.buf[x.pos+9 : x.pos+e]
		text, err := x.cdata(raw)
		if err != nil {
			return 0, err
		}
		x.pos += e + 3
		x.text, x.kind = text, xmlText
		return xmlText, nil
	}
	return 0, x.fail(0, "DOCTYPE and other <! declarations are not read")
}

// textClass marks the bytes validate must look at: controls, CR, &, ] and non-ASCII.
var textClass = func() (t [256]bool) {
	for b := 0; b < 0x20; b++ {
		t[b] = b != '\t' && b != '\n'
	}
	t['\r'], t['&'], t[']'] = true, true, true
	for b := 0x80; b < 0x100; b++ {
		t[b] = true
	}
	return
}()

const (
	lowBits = 0x0101010101010101
	hiBits  = 0x8080808080808080
)

// hasZero and hasLess say whether a word holds a zero byte, or a byte below n (n <= 128).
func hasZero(v uint64) uint64           { return (v - lowBits) &^ v & hiBits }
func hasLess(v uint64, n uint64) uint64 { return (v - lowBits*n) &^ v & hiBits }

func inCharRange(r rune) bool {
	return r == 0x09 || r == 0x0A || r == 0x0D || r >= 0x20 && r <= 0xD7FF ||
		r >= 0xE000 && r <= 0xFFFD || r >= 0x10000 && r <= 0x10FFFF
}

// validate checks text (at pos+off, for messages) and says whether decoding changes it
// (entities, CR).
func (x *xmlScanner) validate(raw []byte, off int, attr bool) (bool, error) {
	rewrite := false
	for i := 0; i < len(raw); {
		// Eight plain ASCII bytes at a time: no control, CR, &, ] or high byte among them.
		for i+8 <= len(raw) {
			v := binary.LittleEndian.Uint64(raw[i:])
			if (v&hiBits)|hasLess(v, 0x20)|hasZero(v^(lowBits*'&'))|hasZero(v^(lowBits*']')) != 0 {
				break
			}
			i += 8
		}
		if i >= len(raw) {
			break
		}
		b := raw[i]
		if !textClass[b] {
			i++
			continue
		}
		switch {
		case b == '\r':
			rewrite = true
			i++
		case b == '&':
			e := bytes.IndexByte(raw[i:], ';')
			if e < 0 {
				return false, x.fail(off+i, "invalid character entity (no semicolon)")
			}
			if _, ok := entityRune(raw[i+1 : i+e]); !ok {
				return false, x.fail(off+i, "invalid character entity &%s;", raw[i+1:i+e])
			}
			rewrite = true
			i += e + 1
		case b == ']':
			if !attr && i+2 < len(raw) && raw[i+1] == ']' && raw[i+2] == '>' {
				return false, x.fail(off+i, "]]> outside CDATA")
			}
			i++
		case b < 0x80:
			return false, x.fail(off+i, "illegal character %U", rune(b))
		default:
			r, size := utf8.DecodeRune(raw[i:])
			if r == utf8.RuneError && size == 1 {
				return false, x.fail(off+i, "invalid UTF-8")
			}
			if !inCharRange(r) {
				return false, x.fail(off+i, "illegal character %U", r)
			}
			i += size
		}
	}
	return rewrite, nil
}

// decode validates raw text and resolves its entities and line ends as encoding/xml does.
func (x *xmlScanner) decode(raw []byte, attr bool) ([]byte, error) {
	rewrite, err := x.validate(raw, 0, attr)
	if err != nil || !rewrite {
		return raw, err
	}
	out := x.scratch[:0]
	for i := 0; i < len(raw); i++ {
		b := raw[i]
		switch b {
		case '\r':
			out = append(out, '\n')
			if i+1 < len(raw) && raw[i+1] == '\n' {
				i++
			}
		case '&':
			e := bytes.IndexByte(raw[i:], ';')
			r, _ := entityRune(raw[i+1 : i+e]) // validated
			out = utf8.AppendRune(out, r)
			i += e
		default:
			out = append(out, b)
		}
	}
	x.scratch = out
	return out, nil
}

func entityRune(name []byte) (rune, bool) {
	switch string(name) {
	case "lt":
		return '<', true
	case "gt":
		return '>', true
	case "amp":
		return '&', true
	case "apos":
		return '\'', true
	case "quot":
		return '"', true
	}
	if len(name) < 2 || name[0] != '#' {
		return 0, false
	}
	digits, base := name[1:], 10
	if digits[0] == 'x' {
		digits, base = digits[1:], 16
	}
	if len(digits) == 0 || len(digits) > 8 {
		return 0, false
	}
	n, err := strconv.ParseUint(string(digits), base, 32)
	if err != nil || !inCharRange(rune(n)) || n >= 0xD800 && n <= 0xDFFF {
		return 0, false
	}
	return rune(n), true
}

// cdata validates a CDATA section's text and normalises its line ends.
func (x *xmlScanner) cdata(raw []byte) ([]byte, error) {
	for i := 0; i < len(raw); {
		b := raw[i]
		if b < 0x80 {
			if b < 0x20 && b != '\t' && b != '\n' && b != '\r' {
				return nil, x.fail(9+i, "illegal character %U", rune(b))
			}
			i++
			continue
		}
		r, size := utf8.DecodeRune(raw[i:])
		if r == utf8.RuneError && size == 1 || !inCharRange(r) {
			return nil, x.fail(9+i, "invalid character in CDATA")
		}
		i += size
	}
	if bytes.IndexByte(raw, '\r') < 0 {
		return raw, nil
	}
	out := x.scratch[:0]
	for i := 0; i < len(raw); i++ {
		if raw[i] == '\r' {
			out = append(out, '\n')
			if i+1 < len(raw) && raw[i+1] == '\n' {
				i++
			}
			continue
		}
		out = append(out, raw[i])
	}
	x.scratch = out
	return out, nil
}

// attr returns the decoded value of the current start tag's attribute with this local name.
func (x *xmlScanner) attr(local string) ([]byte, bool, error) {
	for _, a := range x.attrs {
		if string(a.local) == local {
			v, err := x.decode(a.raw, true)
			return v, true, err
		}
	}
	return nil, false, nil
}

// skip reads to the end of the element just started.
func (x *xmlScanner) skip() error {
	d := x.depth()
	for x.depth() >= d {
		if _, err := x.next(); err != nil {
			return err
		}
	}
	return nil
}
