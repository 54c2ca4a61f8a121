package ingest

import (
	"archive/zip"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"path"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
)

// A worksheet read as a stream straight from the zip. excelize's row iterator gives the same
// values (TestSheetStreamMatchesExcelize holds them to it) but decodes every cell through
// encoding/xml, about 13,000 Ringkas rows a second, and stops without a word at a cut or
// malformed sheet. This reader returns what excelize's Rows().Columns(RawCellValue) returns
// for every row (split at a column limit: see sheetStream), reads the part to its last byte
// (so a zip CRC mismatch or a cut surfaces), and refuses what Excel itself would call a
// damaged sheet: rows or cells out of order, a cell reference that is not one, a shared
// string that does not exist.

// workbookParts maps a workbook's sheet names to their parts inside the zip.
type workbookParts struct {
	visible  []string // visible sheets in workbook order
	date1904 bool
	sheets   map[string]string // lower-cased sheet name -> part name
	strings  string            // shared strings part ("" when there is none)
	files    map[string]*zip.File
}

func zipIndex(z *zip.Reader) map[string]*zip.File {
	m := make(map[string]*zip.File, len(z.File))
	for _, f := range z.File {
		m[strings.ReplaceAll(f.Name, "\\", "/")] = f
	}
	return m
}

// readWorkbookParts follows _rels/.rels to the workbook and its relationships to the sheets,
// as excelize does, and reads the sheet list and the date system. (excelize.OpenFile would
// tell the same but first inflates every part of the zip, the big sheet included.)
func readWorkbookParts(z *zip.Reader) (*workbookParts, error) {
	wp := &workbookParts{sheets: map[string]string{}, files: zipIndex(z)}
	type rel struct {
		ID     string `xml:"Id,attr"`
		Type   string `xml:"Type,attr"`
		Target string `xml:"Target,attr"`
	}
	readRels := func(name string) ([]rel, error) {
		var rs struct {
			Rel []rel `xml:"Relationship"`
		}
		f := wp.files[name]
		if f == nil {
			return nil, nil
		}
		rc, err := f.Open()
		if err != nil {
			return nil, err
		}
		defer rc.Close()
		if err := xml.NewDecoder(rc).Decode(&rs); err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		return rs.Rel, nil
	}
	root, err := readRels("_rels/.rels")
	if err != nil {
		return nil, err
	}
	wb := "xl/workbook.xml"
	for _, r := range root {
		if strings.HasSuffix(r.Type, "/officeDocument") {
			wb = strings.TrimPrefix(r.Target, "/")
		}
	}
	dir := path.Dir(wb)
	rels, err := readRels(path.Join(dir, "_rels", path.Base(wb)+".rels"))
	if err != nil {
		return nil, err
	}
	target := map[string]string{}
	for _, r := range rels {
		t := r.Target
		if strings.HasPrefix(t, "/") {
			t = strings.TrimPrefix(t, "/")
		} else {
			t = path.Join(dir, t)
		}
		target[r.ID] = t
	}
	var book struct {
		Pr *struct {
			Date1904 string `xml:"date1904,attr"`
		} `xml:"workbookPr"`
		Sheets []struct {
			Name  string `xml:"name,attr"`
			State string `xml:"state,attr"`
			RID   string `xml:"id,attr"` // r:id, in the transitional or the strict namespace
		} `xml:"sheets>sheet"`
	}
	f := wp.files[wb]
	if f == nil {
		return nil, fmt.Errorf("no workbook part %s", wb)
	}
	rc, err := f.Open()
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	if err := xml.NewDecoder(rc).Decode(&book); err != nil {
		return nil, fmt.Errorf("%s: %w", wb, err)
	}
	if book.Pr != nil {
		wp.date1904, _ = strconv.ParseBool(strings.TrimSpace(book.Pr.Date1904))
	}
	for _, s := range book.Sheets {
		if t, ok := target[s.RID]; ok {
			wp.sheets[strings.ToLower(s.Name)] = t
		}
		if s.State == "" || s.State == "visible" {
			wp.visible = append(wp.visible, s.Name)
		}
	}
	// excelize reads xl/sharedStrings.xml whatever the relationships say, in any letter case.
	for name := range wp.files {
		if strings.EqualFold(name, "xl/sharedStrings.xml") {
			wp.strings = name
		}
	}
	return wp, nil
}

// sharedStrings is the shared string table, read by its own goroutine while the sheet is read
// (it is often as big as the sheet, and both inflate and parse on one core each). Writers put
// strings in the order cells first use them, so a lookup seldom waits.
type sharedStrings struct {
	mu    sync.Mutex
	cond  *sync.Cond
	items []string // only appended to: a reader's older copy stays valid
	done  bool
	err   error
	stop  atomic.Bool
}

func newSharedStrings() *sharedStrings {
	t := &sharedStrings{done: true}
	t.cond = sync.NewCond(&t.mu)
	return t
}

// readSharedStrings starts reading part f: each <si>'s text as excelize makes it.
func readSharedStrings(f *zip.File, name string) *sharedStrings {
	t := newSharedStrings()
	t.done = false
	go func() {
		err := t.read(f)
		if err != nil {
			err = fmt.Errorf("%s: %w", name, err)
		}
		t.mu.Lock()
		t.done, t.err = true, err
		t.cond.Broadcast()
		t.mu.Unlock()
	}()
	return t
}

func (t *sharedStrings) read(f *zip.File) error {
	rc, err := f.Open()
	if err != nil {
		return err
	}
	defer rc.Close()
	x := newXMLScanner(rc)
	var si siText
	batch := make([]string, 0, 256)
	publish := func() {
		t.mu.Lock()
		t.items = append(t.items, batch...)
		t.cond.Broadcast()
		t.mu.Unlock()
		batch = batch[:0]
	}
	for !t.stop.Load() {
		k, err := x.next()
		if err != nil {
			return err
		}
		switch k {
		case xmlEOF:
			publish()
			return nil
		case xmlStart:
			if x.depth() == 2 && string(x.local) == "si" {
				si.reset()
				if err := si.read(x); err != nil {
					return err
				}
				if batch = append(batch, si.String()); len(batch) == cap(batch) {
					publish()
				}
			}
		}
	}
	return errors.New("stopped")
}

// get returns string i, waiting for the reader to get there; view is the caller's copy of
// the table, refreshed when it is too short.
func (t *sharedStrings) get(i int, view *[]string) (string, error) {
	if i >= 0 && i < len(*view) {
		return (*view)[i], nil
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	for i >= len(t.items) && !t.done {
		t.cond.Wait()
	}
	*view = t.items
	if i >= 0 && i < len(t.items) {
		return t.items[i], nil
	}
	if t.err != nil {
		return "", t.err
	}
	return "", fmt.Errorf("shared string %d does not exist", i)
}

// wait returns once the whole table is read, with its error.
func (t *sharedStrings) wait() error {
	t.mu.Lock()
	defer t.mu.Unlock()
	for !t.done {
		t.cond.Wait()
	}
	return t.err
}

// close stops the reader and waits for it.
func (t *sharedStrings) close() {
	t.stop.Store(true)
	t.wait()
}

// siText is a rich text item (<si>, <is>) as encoding/xml decodes excelize's xlsxSI: the last
// direct <t>, then each run's last <t>, in order.
type siText struct {
	t    string
	runs []string
	b    strings.Builder
}

func (s *siText) reset() { s.t, s.runs = "", s.runs[:0] }

// read reads the element just started (<si> or <is>) to its end.
func (s *siText) read(x *xmlScanner) error {
	d := x.depth()
	for {
		k, err := x.next()
		if err != nil {
			return err
		}
		switch {
		case k == xmlEnd && x.depth() < d:
			return nil
		case k == xmlStart && x.depth() == d+1 && string(x.local) == "t":
			v, err := directText(x)
			if err != nil {
				return err
			}
			s.t = v
		case k == xmlStart && x.depth() == d+1 && string(x.local) == "r":
			run := ""
			rd := x.depth()
			for {
				k, err := x.next()
				if err != nil {
					return err
				}
				if k == xmlEnd && x.depth() < rd {
					break
				}
				if k == xmlStart && x.depth() == rd+1 && string(x.local) == "t" {
					if run, err = directText(x); err != nil {
						return err
					}
				}
			}
			s.runs = append(s.runs, run)
		}
	}
}

func (s *siText) String() string {
	if len(s.runs) == 0 {
		return bstrUnmarshal(s.t)
	}
	s.b.Reset()
	s.b.WriteString(s.t)
	for _, r := range s.runs {
		s.b.WriteString(r)
	}
	return bstrUnmarshal(s.b.String())
}

// directText reads the element just started and returns its own character data (not its
// children's), as encoding/xml fills a chardata field or a string.
func directText(x *xmlScanner) (string, error) {
	d := x.depth()
	var acc []byte
	first := ""
	n := 0
	for {
		k, err := x.next()
		if err != nil {
			return "", err
		}
		switch {
		case k == xmlEnd && x.depth() < d:
			if n <= 1 {
				return first, nil
			}
			return string(acc), nil
		case k == xmlText && x.depth() == d:
			n++
			if n == 1 {
				first = string(x.text)
			} else {
				if n == 2 {
					acc = append(acc, first...)
				}
				acc = append(acc, x.text...)
			}
		}
	}
}

var bstrExp = regexp.MustCompile(`_x[a-fA-F\d]{4}_`)

// bstrUnmarshal is excelize's decoding of _xHHHH_ escapes in shared and inline strings,
// byte for byte (an escape that is not a character becomes nothing).
func bstrUnmarshal(s string) (result string) {
	if !strings.Contains(s, "_x") {
		return s
	}
	matches, l, cursor := bstrExp.FindAllStringSubmatchIndex(s, -1), len(s), 0
	for _, match := range matches {
		result += s[cursor:match[0]]
		subStr := s[match[0]:match[1]]
		if subStr == "_x005F_" {
			cursor = match[1]
			result += "_"
			continue
		}
		if bstrExp.MatchString(subStr) {
			cursor = match[1]
			v, _ := strconv.Unquote(`"\u` + s[match[0]+2:match[1]-1] + `"`)
			result += v
		}
	}
	if cursor < l {
		result += s[cursor:]
	}
	return result
}

// sheetStream yields a worksheet's rows in order, an empty record for each row the sheet
// leaves out, as excelize's iterator does.
//
// A record holds a row's cells up to column limit, padded with "" as excelize pads them; the
// cells beyond it are kept apart, each with its column (Far). A cell at XFD alone would
// otherwise be a record of 16,384 strings: 5,000 such rows, a 230 KB sheet, were 1.3 GB. Until
// the caller knows the header the limit is searchColumns; then the header's width.
type sheetStream struct {
	rc    io.ReadCloser
	x     *xmlScanner
	sst   *sharedStrings
	view  []string // of sst
	total int64    // last row of the <dimension>, for progress
	limit int      // columns a record holds; cells beyond go to far

	inData  bool
	done    bool
	row     int64 // last row returned
	pendRow int64 // row number of pend (0: none read ahead)
	pend    []string
	pendFar []farCell
	far     []farCell // of the row last returned
	lastEl  int64     // number of the last <row> element read
	width   int       // cells of the widest row so far, to size the next
}

// searchColumns is how many columns of a row are cells of its record while the header is
// searched for: the widest grid of Excel 97-2003 (IV). No export's header comes near it; a
// layout R preamble uses A to C, its header 17 to 26 columns.
const searchColumns = 256

// farCell is a cell beyond a record's limit: its column (1 for A) and its value.
type farCell struct {
	Col int
	Val string
}

// Far returns the cells beyond the limit of the row Next last returned, in column order (nil
// for none). The slice is the caller's: the stream does not reuse it.
func (s *sheetStream) Far() []farCell { return s.far }

// sheetError is a damaged worksheet, at a row when the damage is inside sheetData.
type sheetError struct {
	Row int64
	Err error
}

func (e *sheetError) Error() string {
	if e.Row > 0 {
		return fmt.Sprintf("row %d: %v", e.Row, e.Err)
	}
	return e.Err.Error()
}

func (e *sheetError) Unwrap() error { return e.Err }

func openSheetStream(f *zip.File, sst *sharedStrings) (*sheetStream, error) {
	rc, err := f.Open()
	if err != nil {
		return nil, err
	}
	ra := newReadAhead(rc)
	s := &sheetStream{rc: ra, x: newXMLScanner(ra), sst: sst, limit: searchColumns}
	if err := s.head(); err != nil {
		rc.Close()
		return nil, err
	}
	return s, nil
}

func (s *sheetStream) Close() error { return s.rc.Close() }

func (s *sheetStream) errAt(row int64, format string, args ...any) error {
	return &sheetError{Row: row, Err: fmt.Errorf(format, args...)}
}

// head reads up to <sheetData>, noting the dimension.
func (s *sheetStream) head() error {
	x := s.x
	for {
		k, err := x.next()
		if err != nil {
			return &sheetError{Err: err}
		}
		switch k {
		case xmlEOF:
			s.done = true
			if err := s.sst.wait(); err != nil {
				return &sheetError{Err: err}
			}
			return nil
		case xmlStart:
			switch string(x.local) {
			case "dimension":
				if v, ok, err := x.attr("ref"); err == nil && ok {
					if _, _, _, r2, ok := parseDimension(string(v)); ok {
						s.total = int64(r2)
					}
				}
			case "sheetData":
				if x.depth() != 2 {
					return s.errAt(0, "<sheetData> not inside <worksheet>")
				}
				s.inData = true
				return nil
			case "row", "c":
				return s.errAt(0, "<%s> outside <sheetData>", x.local)
			}
		}
	}
}

// tail reads the rest of the part after </sheetData>: it must be well formed to its end.
func (s *sheetStream) tail() error {
	x := s.x
	for {
		k, err := x.next()
		if err != nil {
			return &sheetError{Err: err}
		}
		switch k {
		case xmlEOF:
			if err := s.sst.wait(); err != nil {
				return &sheetError{Err: err}
			}
			return nil
		case xmlStart:
			switch string(x.local) {
			case "sheetData", "row", "c":
				return s.errAt(0, "<%s> after </sheetData>", x.local)
			}
		}
	}
}

// Next returns the next row's number and cells; io.EOF after the last.
func (s *sheetStream) Next() (int64, []string, error) {
	if s.pendRow == 0 && !s.done {
		if err := s.readRow(); err != nil {
			return s.row + 1, nil, err
		}
	}
	if s.pendRow == 0 {
		return 0, nil, io.EOF
	}
	s.row++
	s.far = nil
	if s.pendRow > s.row {
		return s.row, nil, nil
	}
	rec := s.pend
	s.pend, s.pendRow, s.far, s.pendFar = nil, 0, s.pendFar, nil
	return s.row, rec, nil
}

// readRow reads the next <row> into pend, or the end of sheetData and the rest of the part.
func (s *sheetStream) readRow() error {
	x := s.x
	for {
		k, err := x.next()
		if err != nil {
			return &sheetError{Row: s.lastEl + 1, Err: err}
		}
		switch k {
		case xmlText:
			continue
		case xmlEnd: // </sheetData>
			s.done = true
			return s.tail()
		case xmlEOF:
			return &sheetError{Err: errXMLEOF}
		}
		if string(x.local) != "row" {
			return s.errAt(s.lastEl+1, "<%s> inside <sheetData>", x.local)
		}
		num := s.lastEl + 1
		if v, ok, err := x.attr("r"); err != nil {
			return &sheetError{Row: num, Err: err}
		} else if ok {
			n, err := strconv.ParseInt(string(v), 10, 64)
			if err != nil || n < 1 || n > 1048576 {
				return s.errAt(num, "row number %q", v)
			}
			if n <= s.lastEl {
				return s.errAt(n, "row %d comes after row %d", n, s.lastEl)
			}
			num = n
		}
		rec, far, err := s.cells(num)
		if err != nil {
			return err
		}
		s.lastEl, s.pendRow, s.pend, s.pendFar = num, num, rec, far
		return nil
	}
}

// cells reads the cells of the row just started: those up to the limit, and those beyond.
func (s *sheetStream) cells(row int64) ([]string, []farCell, error) {
	x := s.x
	var rec []string
	var far []farCell
	col := 0
	for {
		k, err := x.next()
		if err != nil {
			return nil, nil, &sheetError{Row: row, Err: err}
		}
		switch k {
		case xmlText:
			continue
		case xmlEnd: // </row>
			if len(rec) > s.width {
				s.width = len(rec)
			}
			return rec, far, nil
		}
		if string(x.local) != "c" {
			return nil, nil, s.errAt(row, "<%s> inside <row>", x.local)
		}
		c := col + 1
		typ := ""
		if v, ok, err := x.attr("r"); err != nil {
			return nil, nil, &sheetError{Row: row, Err: err}
		} else if ok {
			cc, rr, ok := cellRef(v)
			if !ok || rr != row {
				return nil, nil, s.errAt(row, "cell reference %q in row %d", v, row)
			}
			c = cc
		}
		if c <= col {
			return nil, nil, s.errAt(row, "cell %s comes after column %d", colName(c), col)
		}
		col = c
		if v, ok, err := x.attr("t"); err != nil {
			return nil, nil, &sheetError{Row: row, Err: err}
		} else if ok {
			typ = string(v)
		}
		if v, ok, err := x.attr("s"); err != nil {
			return nil, nil, &sheetError{Row: row, Err: err}
		} else if ok {
			if _, err := strconv.Atoi(string(v)); err != nil {
				return nil, nil, s.errAt(row, "cell %s: style %q", colName(c), v)
			}
		}
		val, keep, err := s.cell(typ)
		if err != nil {
			return nil, nil, &sheetError{Row: row, Err: fmt.Errorf("cell %s: %w", colName(c), err)}
		}
		if keep && c > s.limit {
			far = append(far, farCell{c, val})
		} else if keep {
			if rec == nil {
				rec = make([]string, 0, max(s.width, c))
			}
			for len(rec) < c-1 {
				rec = append(rec, "")
			}
			rec = append(rec, val)
		}
	}
}

// cell reads the <c> just started; keep says excelize would list it (a value or a formula).
func (s *sheetStream) cell(typ string) (string, bool, error) {
	x := s.x
	var v string
	hasF, hasIS := false, false
	var is siText
	for {
		k, err := x.next()
		if err != nil {
			return "", false, err
		}
		switch k {
		case xmlText:
			continue
		case xmlEnd: // </c>
			var val string
			switch typ {
			case "s":
				if v == "" {
					break
				}
				i, err := strconv.Atoi(strings.TrimSpace(v))
				if err != nil {
					return "", false, fmt.Errorf("shared string %q does not exist", v)
				}
				if val, err = s.sst.get(i, &s.view); err != nil {
					return "", false, err
				}
			case "inlineStr":
				if hasIS {
					val = is.String()
				} else {
					val = v
				}
			default:
				val = v
			}
			return val, val != "" || hasF, nil
		}
		switch string(x.local) {
		case "v":
			if v, err = directText(x); err != nil {
				return "", false, err
			}
		case "f":
			hasF = true
			if err := x.skip(); err != nil {
				return "", false, err
			}
		case "is":
			hasIS = true // a second <is> adds to the first, as encoding/xml decodes it
			if err := is.read(x); err != nil {
				return "", false, err
			}
		default:
			return "", false, fmt.Errorf("<%s> inside <c>", x.local)
		}
	}
}

// cellRef reads "AB12".
func cellRef(b []byte) (col int, row int64, ok bool) {
	i := 0
	for i < len(b) && i < 4 {
		c := b[i]
		switch {
		case 'A' <= c && c <= 'Z':
			col = col*26 + int(c-'A'+1)
		case 'a' <= c && c <= 'z':
			col = col*26 + int(c-'a'+1)
		default:
			goto digits
		}
		i++
	}
digits:
	if i == 0 || i == len(b) || col > 16384 || len(b)-i > 7 {
		return 0, 0, false
	}
	for _, c := range b[i:] {
		if c < '0' || c > '9' {
			return 0, 0, false
		}
		row = row*10 + int64(c-'0')
	}
	return col, row, row >= 1 && row <= 1048576 && b[i] != '0'
}

func colName(c int) string {
	s := ""
	for c > 0 {
		c--
		s = string(rune('A'+c%26)) + s
		c /= 26
	}
	return s
}

// readAhead inflates a zip entry on its own goroutine, a few chunks ahead of the parser: on
// two cores inflating and parsing overlap.
type readAhead struct {
	rc   io.ReadCloser
	ch   chan chunk
	free chan []byte
	cur  []byte
	buf  []byte // cur's backing array, returned to free when consumed
	err  error
	stop chan struct{}
	done chan struct{}
}

type chunk struct {
	b   []byte
	err error
}

func newReadAhead(rc io.ReadCloser) *readAhead {
	const n, size = 4, 256 << 10
	r := &readAhead{rc: rc, ch: make(chan chunk, n), free: make(chan []byte, n), stop: make(chan struct{}), done: make(chan struct{})}
	for i := 0; i < n; i++ {
		r.free <- make([]byte, size)
	}
	go func() {
		defer close(r.done)
		defer close(r.ch)
		for {
			var b []byte
			select {
			case b = <-r.free:
			case <-r.stop:
				return
			}
			k, err := io.ReadFull(rc, b)
			if err == io.ErrUnexpectedEOF {
				err = io.EOF
			}
			select {
			case r.ch <- chunk{b[:k], err}:
			case <-r.stop:
				return
			}
			if err != nil {
				return
			}
		}
	}()
	return r
}

func (r *readAhead) Read(p []byte) (int, error) {
	for len(r.cur) == 0 {
		if r.buf != nil {
			r.free <- r.buf[:cap(r.buf)]
			r.buf = nil
		}
		if r.err != nil {
			return 0, r.err
		}
		c, ok := <-r.ch
		if !ok {
			return 0, io.ErrUnexpectedEOF
		}
		r.cur, r.buf, r.err = c.b, c.b, c.err
	}
	n := copy(p, r.cur)
	r.cur = r.cur[n:]
	return n, nil
}

func (r *readAhead) Close() error {
	close(r.stop)
	<-r.done
	return r.rc.Close()
}
