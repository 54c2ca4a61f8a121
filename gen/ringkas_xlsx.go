package gen

import (
	"archive/zip"
	"bufio"
	"github.com/klauspost/compress/flate"
	"io"
	"os"
	"strconv"
	"time"
	"unicode/utf8"
)

// sheetWriter writes SpreadsheetML rows with inline strings straight into a zip entry: excelize's
// StreamWriter costs ~13 s per million rows, this a fraction of it (most of what is left is
// deflate). The workbook holds what excelize and LibreOffice need and nothing more: content
// types, relationships, a workbook with one sheet, styles (the date and time formats) and core
// properties.
type sheetWriter struct {
	w   *bufio.Writer
	b   []byte
	row int
	err error
}

// Cell styles of the generated workbook (indexes into cellXfs).
const (
	xfDefault = 0
	xfDate    = 1 // d mmm yyyy
	xfTime    = 2 // hh:mm:ss
	xfISODate = 3 // yyyy-mm-dd
	xfHeader  = 4 // bold
)

const ringkasStyles = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="3"><numFmt numFmtId="164" formatCode="d mmm yyyy"/><numFmt numFmtId="165" formatCode="hh:mm:ss"/><numFmt numFmtId="166" formatCode="yyyy-mm-dd"/></numFmts><fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font><font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="5"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="166" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`

const ringkasContentTypes = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>`

const ringkasRootRels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>`

const ringkasWorkbookRels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`

// RingkasSheet is the sheet name of generated Laporan Ringkas workbooks.
const RingkasSheet = "Laporan Ringkas"

const ringkasWorkbook = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><bookViews><workbookView/></bookViews><sheets><sheet name="` + RingkasSheet + `" sheetId="1" r:id="rId1"/></sheets></workbook>`

func ringkasCore(at time.Time) string {
	ts := at.UTC().Format("2006-01-02T15:04:05Z")
	return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>Laporan Ringkas (data sintetis)</dc:title><dc:creator>rapor gen</dc:creator><dc:description>Synthetic SP4N-LAPOR! export made by rapor gen; no real persons.</dc:description><dcterms:created xsi:type="dcterms:W3CDTF">` + ts + `</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">` + ts + `</dcterms:modified></cp:coreProperties>`
}

// xlsxFile is a workbook being written: the zip, and the sheet entry once opened.
type xlsxFile struct {
	f  *os.File
	bw *bufio.Writer
	zw *zip.Writer
	mt time.Time
}

func createXLSX(path string, modified time.Time) (*xlsxFile, error) {
	f, err := os.Create(path)
	if err != nil {
		return nil, err
	}
	x := &xlsxFile{f: f, bw: bufio.NewWriterSize(f, 1<<20), mt: modified}
	x.zw = zip.NewWriter(x.bw)
	x.zw.RegisterCompressor(zip.Deflate, func(w io.Writer) (io.WriteCloser, error) {
		return flate.NewWriter(w, flate.BestSpeed)
	})
	for _, part := range []struct{ name, body string }{
		{"[Content_Types].xml", ringkasContentTypes},
		{"_rels/.rels", ringkasRootRels},
		{"docProps/core.xml", ringkasCore(modified)},
		{"xl/workbook.xml", ringkasWorkbook},
		{"xl/_rels/workbook.xml.rels", ringkasWorkbookRels},
		{"xl/styles.xml", ringkasStyles},
	} {
		w, err := x.entry(part.name)
		if err == nil {
			_, err = io.WriteString(w, part.body)
		}
		if err != nil {
			f.Close()
			return nil, err
		}
	}
	return x, nil
}

func (x *xlsxFile) entry(name string) (io.Writer, error) {
	return x.zw.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate, Modified: x.mt})
}

// sheet opens the worksheet entry; rows are written through the returned writer.
func (x *xlsxFile) sheet(widths []float64) (*sheetWriter, error) {
	w, err := x.entry("xl/worksheets/sheet1.xml")
	if err != nil {
		return nil, err
	}
	sw := &sheetWriter{w: bufio.NewWriterSize(w, 1<<16)}
	sw.b = append(sw.b, `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>`+"\n"+
		`<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">`...)
	if len(widths) > 0 {
		sw.b = append(sw.b, "<cols>"...)
		for i, wd := range widths {
			sw.b = append(sw.b, `<col min="`...)
			sw.b = strconv.AppendInt(sw.b, int64(i+1), 10)
			sw.b = append(sw.b, `" max="`...)
			sw.b = strconv.AppendInt(sw.b, int64(i+1), 10)
			sw.b = append(sw.b, `" width="`...)
			sw.b = strconv.AppendFloat(sw.b, wd, 'f', -1, 64)
			sw.b = append(sw.b, `" customWidth="1"/>`...)
		}
		sw.b = append(sw.b, "</cols>"...)
	}
	sw.b = append(sw.b, "<sheetData>"...)
	return sw, nil
}

// close ends the sheet and the zip, and sets the file's modification time to the snapshot
// instant (what rapor falls back to when a file has no Tanggal Generate).
func (x *xlsxFile) close(sw *sheetWriter) error {
	err := sw.finish()
	if err == nil {
		err = x.zw.Close()
	}
	if err == nil {
		err = x.bw.Flush()
	}
	if cerr := x.f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chtimes(x.f.Name(), x.mt, x.mt)
	}
	return err
}

// startRow opens row r (1-based).
func (s *sheetWriter) startRow(r int) {
	s.row = r
	s.b = append(s.b, `<row r="`...)
	s.b = strconv.AppendInt(s.b, int64(r), 10)
	s.b = append(s.b, `">`...)
}

// endRow closes the row and flushes the buffer now and then.
func (s *sheetWriter) endRow() {
	s.b = append(s.b, "</row>"...)
	if len(s.b) >= 1<<16 && s.err == nil {
		_, s.err = s.w.Write(s.b)
		s.b = s.b[:0]
	}
}

func (s *sheetWriter) ref(col int) {
	s.b = append(s.b, ` r="`...)
	s.b = append(s.b, byte('A'+col))
	s.b = strconv.AppendInt(s.b, int64(s.row), 10)
	s.b = append(s.b, '"')
}

// text writes an inline-string cell in column col (0-based, < 26); nothing for "".
func (s *sheetWriter) text(col int, v string, style int) {
	if v == "" {
		return
	}
	s.b = append(s.b, "<c"...)
	s.ref(col)
	s.b = appendInlineStr(s.b, v, style)
}

// cached writes a cell whose XML after the reference is ready (appendInlineStr's).
func (s *sheetWriter) cached(col int, xml string) {
	if xml == "" {
		return
	}
	s.b = append(s.b, "<c"...)
	s.ref(col)
	s.b = append(s.b, xml...)
}

// appendInlineStr writes an inline-string cell's XML after its reference.
func appendInlineStr(b []byte, v string, style int) []byte {
	if style != 0 {
		b = append(b, ` s="`...)
		b = strconv.AppendInt(b, int64(style), 10)
		b = append(b, '"')
	}
	b = append(b, ` t="inlineStr"><is><t`...)
	if needsPreserve(v) {
		b = append(b, ` xml:space="preserve"`...)
	}
	b = append(b, '>')
	b = appendXMLText(b, v)
	return append(b, "</t></is></c>"...)
}

// number writes a numeric cell (Excel dates and times are numbers with a date style).
func (s *sheetWriter) number(col int, v float64, style int) {
	s.b = append(s.b, "<c"...)
	s.ref(col)
	if style != 0 {
		s.b = append(s.b, ` s="`...)
		s.b = strconv.AppendInt(s.b, int64(style), 10)
		s.b = append(s.b, '"')
	}
	s.b = append(s.b, "><v>"...)
	s.b = strconv.AppendFloat(s.b, v, 'g', -1, 64)
	s.b = append(s.b, "</v></c>"...)
}

func (s *sheetWriter) finish() error {
	s.b = append(s.b, "</sheetData></worksheet>"...)
	if s.err == nil {
		_, s.err = s.w.Write(s.b)
	}
	if s.err == nil {
		s.err = s.w.Flush()
	}
	return s.err
}

func needsPreserve(v string) bool {
	if v == "" {
		return false
	}
	first, last := v[0], v[len(v)-1]
	if first == ' ' || first == '\t' || first == '\n' || last == ' ' || last == '\t' || last == '\n' {
		return true
	}
	for i := 0; i < len(v); i++ {
		if v[i] == '\n' || v[i] == '\t' || (v[i] == ' ' && i+1 < len(v) && v[i+1] == ' ') {
			return true
		}
	}
	return false
}

// appendXMLText escapes v for XML character data, dropping characters XML 1.0 forbids.
func appendXMLText(b []byte, v string) []byte {
	start := 0
	for i := 0; i < len(v); i++ {
		c := v[i]
		var esc string
		switch {
		case c == '&':
			esc = "&amp;"
		case c == '<':
			esc = "&lt;"
		case c == '>':
			esc = "&gt;"
		case c == '\r':
			esc = "&#13;"
		case c < 0x20 && c != '\t' && c != '\n':
			esc = ""
		case c >= 0x80:
			r, size := utf8.DecodeRuneInString(v[i:])
			if r == utf8.RuneError && size == 1 || r == 0xFFFE || r == 0xFFFF {
				b = append(b, v[start:i]...)
				start = i + size
			}
			i += size - 1
			continue
		default:
			continue
		}
		b = append(b, v[start:i]...)
		b = append(b, esc...)
		start = i + 1
	}
	return append(b, v[start:]...)
}
