package ingest

import (
	"bytes"
	"strings"
)

// A hand-written CSV scanner, because encoding/csv parses on one core and a million-row export
// then costs more than DuckDB's own reader. One goroutine cuts the file into blocks of whole
// records (scanRecord without output: it only has to track quotes); workers split the blocks
// into cells in parallel (scanRecord with output).
//
// The dialect is RFC 4180: a cell that starts with a quote is quoted, "" inside it is a quote,
// and it may hold separators and line breaks; records end at LF or CRLF. A quote inside an
// unquoted cell is taken literally (Jalan "Merdeka" is unambiguous). A quoted cell whose closing
// quote is followed by anything but a separator or line end spoils its row: the row becomes a
// reject, reading goes on at the row's end. A quoted cell still open at the end of the file
// means the file was cut off.

// scanOut receives the cells of a record.
type scanOut struct {
	fields []string
	bad    bool // a malformed quoted cell
	badCol int
}

// scanRecord reads the record starting at d[i]. It returns the index after the record, the
// number of line breaks it spans, and whether it ended (false: the data ran out inside a quoted
// cell, so the record continues beyond d). With out non-nil it collects the cells; s is d as a
// string (the same bytes), so cells are substrings and cost no copies.
func scanRecord(d []byte, s string, i int, sep byte, out *scanOut) (next, lines int, complete bool) {
	n := len(d)
	col := 0
	for {
		col++
		if i < n && d[i] == '"' {
			i++
			start := i
			var esc []byte // only when the cell holds "" or CRLF
			for {
				j := bytes.IndexByte(d[i:], '"')
				if j < 0 {
					return n, lines + bytes.Count(d[i:], nl), false
				}
				lines += bytes.Count(d[i:i+j], nl)
				if i+j+1 < n && d[i+j+1] == '"' {
					if out != nil {
						esc = append(esc, d[i:i+j+1]...)
					}
					i += j + 2
					continue
				}
				if out != nil {
					var cell string
					if esc != nil {
						cell = string(append(esc, d[i:i+j]...))
					} else {
						cell = s[start : i+j]
					}
					if strings.Contains(cell, "\r\n") {
						cell = strings.ReplaceAll(cell, "\r\n", "\n")
					}
					out.fields = append(out.fields, cell)
				}
				i += j + 1
				break
			}
			switch {
			case i >= n:
				return n, lines, true
			case d[i] == sep:
				i++
				continue
			case d[i] == '\n':
				return i + 1, lines + 1, true
			case d[i] == '\r' && i+1 < n && d[i+1] == '\n':
				return i + 2, lines + 1, true
			case d[i] == '\r' && i+1 == n:
				return n, lines, true
			}
			// Text after the closing quote: the row is spoilt; read on to the cell's end.
			if out != nil && !out.bad {
				out.bad, out.badCol = true, col
			}
		}
		j := cellEnd(d, i, sep)
		if out != nil {
			end := j
			if j < n && d[j] == '\n' && end > i && d[end-1] == '\r' {
				end--
			} else if j == n && end > i && d[end-1] == '\r' {
				end--
			}
			out.fields = append(out.fields, s[i:end])
		}
		if j >= n {
			return n, lines, true
		}
		if d[j] == '\n' {
			return j + 1, lines + 1, true
		}
		i = j + 1
	}
}

var nl = []byte{'\n'}

// cellEnd finds the separator or line feed that ends an unquoted cell starting at i (len(d)
// when none does). Two vectorised searches beat a byte loop on long cells.
func cellEnd(d []byte, i int, sep byte) int {
	rest := d[i:]
	k := bytes.IndexByte(rest, sep)
	if k < 0 {
		k = len(rest)
	}
	if l := bytes.IndexByte(rest[:k], '\n'); l >= 0 {
		k = l
	}
	return i + k
}
