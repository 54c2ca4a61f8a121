package reports

import (
	"archive/zip"
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"strconv"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
)

// The accountability list of a big regency runs to 200,000 rows. excelize's StreamWriter spends
// about a second on them (a cell struct, trimming and escaping per value); rapor writes those
// rows' XML itself, in the same form (inline strings, styled numbers), and splices it into the
// sheet excelize writes: excelize still writes the sheet's columns, panes, header row and table.

// bigSheet is a sheet whose data rows (from row 2) rapor writes itself.
type bigSheet struct {
	path string // the sheet's part in the zip, xl/worksheets/sheetN.xml
	rows func(w *bufio.Writer) error
	// textCols is the column range whose numbers-as-text (tracking ids) Excel is told to accept
	// without its green warning, e.g. "B1:B1048576".
	textCols string
	done     bool
}

// Page setup of a streamed sheet (excelize's stream writer writes none): A4 landscape, fit to
// the page's width, as setPrint does for the other sheets.
const (
	streamSheetPr   = `<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>`
	streamPageSetup = `<printOptions gridLines="0"/><pageMargins left="0.4" right="0.4" top="0.5" bottom="0.6" header="0.3" footer="0.3"/>` +
		`<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>` +
		`<headerFooter><oddFooter>&amp;R&amp;P / &amp;N</oddFooter></headerFooter>`
)

// sheetPath is the part excelize writes a sheet to (NewSheet names it by the sheet's ID).
func sheetPath(f *excelize.File, sheet string) (string, error) {
	for id, name := range f.GetSheetMap() {
		if name == sheet {
			return "xl/worksheets/sheet" + strconv.Itoa(id) + ".xml", nil
		}
	}
	return "", fmt.Errorf("xlsx: no sheet %q", sheet)
}

// spliceZip passes every part to the zip, except the big sheet's, which it holds until excelize
// has written it and then writes with rapor's rows before </sheetData>.
type spliceZip struct {
	*zip.Writer
	big  []*bigSheet
	cur  *bigSheet // the sheet held
	held *bytes.Buffer
}

func (z *spliceZip) Create(name string) (io.Writer, error) {
	if err := z.splice(); err != nil {
		return nil, err
	}
	for _, b := range z.big {
		if name == b.path {
			z.cur, z.held = b, new(bytes.Buffer)
			return z.held, nil
		}
	}
	return z.Writer.Create(name)
}

func (z *spliceZip) Close() error {
	if err := z.splice(); err != nil {
		return err
	}
	return z.Writer.Close()
}

func (z *spliceZip) splice() error {
	if z.held == nil {
		return nil
	}
	sheet, big := z.held.Bytes(), z.cur
	z.held, z.cur = nil, nil
	end := bytes.LastIndex(sheet, []byte("</sheetData>"))
	dim := bytes.Index(sheet, []byte("<dimension"))
	if end < 0 || dim < 0 || dim > end {
		return errors.New("xlsx: no <dimension> or </sheetData> in " + big.path)
	}
	w, err := z.Writer.Create(big.path)
	if err != nil {
		return err
	}
	bw := bufio.NewWriterSize(w, 1<<20)
	bw.Write(sheet[:dim])
	if !bytes.Contains(sheet[:dim], []byte("<sheetPr")) {
		bw.WriteString(streamSheetPr)
	}
	bw.Write(sheet[dim:end])
	if err := big.rows(bw); err != nil {
		return err
	}
	// The page setup goes where the schema puts it: after what excelize wrote of the elements
	// before it (an autoFilter), before those after it (tableParts).
	tail := sheet[end+len("</sheetData>"):]
	cut := len(tail)
	for _, next := range []string{"<rowBreaks", "<colBreaks", "<customProperties", "<cellWatches", "<ignoredErrors", "<smartTags",
		"<drawing", "<legacyDrawing", "<picture", "<oleObjects", "<controls", "<webPublishItems", "<tableParts", "<extLst", "</worksheet>"} {
		if i := bytes.Index(tail, []byte(next)); i >= 0 && i < cut {
			cut = i
		}
	}
	bw.WriteString("</sheetData>")
	bw.Write(tail[:cut])
	bw.WriteString(streamPageSetup)
	if big.textCols != "" {
		bw.WriteString(`<ignoredErrors><ignoredError sqref="` + big.textCols + `" numberStoredAsText="1"/></ignoredErrors>`)
	}
	bw.Write(tail[cut:])
	big.done = true
	return bw.Flush()
}

// rowWriter appends the XML of rows and cells.
type rowWriter struct {
	w   *bufio.Writer
	buf []byte
	row int
}

var colLetters = [...]string{"A", "B", "C", "D", "E", "F", "G", "H", "I", "J", "K", "L", "M", "N", "O", "P"}

func (r *rowWriter) start(row int) {
	r.row = row
	r.buf = append(r.buf[:0], `<row r="`...)
	r.buf = strconv.AppendInt(r.buf, int64(row), 10)
	r.buf = append(r.buf, `">`...)
}

func (r *rowWriter) cellStart(col, style int) {
	r.buf = append(r.buf, `<c r="`...)
	r.buf = append(r.buf, colLetters[col]...)
	r.buf = strconv.AppendInt(r.buf, int64(r.row), 10)
	r.buf = append(r.buf, `" s="`...)
	r.buf = strconv.AppendInt(r.buf, int64(style), 10)
	r.buf = append(r.buf, '"')
}

// text writes a string cell (an inline string: text, never a formula).
func (r *rowWriter) text(col, style int, s string) {
	if s == "" {
		return
	}
	r.cellStart(col, style)
	r.buf = append(r.buf, ` t="inlineStr"><is><t`...)
	if s[0] == ' ' || s[len(s)-1] == ' ' || bytes.ContainsAny([]byte(s), "\n\t") {
		r.buf = append(r.buf, ` xml:space="preserve"`...)
	}
	r.buf = append(r.buf, '>')
	r.buf = appendXMLText(r.buf, s)
	r.buf = append(r.buf, `</t></is></c>`...)
}

func (r *rowWriter) int(col, style int, n int64) {
	r.cellStart(col, style)
	r.buf = append(r.buf, `><v>`...)
	r.buf = strconv.AppendInt(r.buf, n, 10)
	r.buf = append(r.buf, `</v></c>`...)
}

func (r *rowWriter) float(col, style int, x float64) {
	r.cellStart(col, style)
	r.buf = append(r.buf, `><v>`...)
	r.buf = strconv.AppendFloat(r.buf, x, 'f', -1, 64)
	r.buf = append(r.buf, `</v></c>`...)
}

func (r *rowWriter) end() error {
	r.buf = append(r.buf, `</row>`...)
	_, err := r.w.Write(r.buf)
	return err
}

// appendXMLText escapes text for an XML element, dropping characters XML 1.0 cannot hold.
func appendXMLText(b []byte, s string) []byte {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			switch {
			case c == '&':
				b = append(b, "&amp;"...)
			case c == '<':
				b = append(b, "&lt;"...)
			case c == '>':
				b = append(b, "&gt;"...)
			case c < 0x20 && c != '\t' && c != '\n' && c != '\r':
				// not allowed in XML 1.0
			case c == '\r':
				b = append(b, "&#13;"...)
			default:
				b = append(b, c)
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 || r == 0xFFFE || r == 0xFFFF {
			b = append(b, "\uFFFD"...)
		} else {
			b = append(b, s[i:i+size]...)
		}
		i += size
	}
	return b
}
