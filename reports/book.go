package reports

import (
	"archive/zip"
	"bufio"
	"compress/flate"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
)

// book wraps an excelize workbook with the reports' styles and a cell writer that keeps text as
// text: every string goes through SetCellStr (a string cell, never a formula, whatever its first
// character), every number is a number cell with a number format, NULL is an empty cell.
type book struct {
	f     *excelize.File
	l     lang
	st    styles
	first bool
	// big are the sheets whose data rows rapor writes itself (see fastrows.go).
	big []*bigSheet
	// titles are each sheet's rows that print on every page (its frozen head).
	titles map[string]int
}

type styles struct {
	title, subtitle, header, text, wrap, bold, note, notice, small int
	int, pct, pctDelta, dec1, dec1Delta, intDelta                  int
	date, dateTime, month                                          int
	zone                                                           map[string]int // conditional styles by zone
}

func newBook(l lang) (*book, error) {
	f := excelize.NewFile()
	b := &book{f: f, l: l, first: true}
	mk := func(s *excelize.Style) int {
		id, err := f.NewStyle(s)
		if err != nil {
			panic(err) // fixed styles
		}
		return id
	}
	custom := func(code string) *string { return &code }
	font := func(size float64, bold bool, color string) *excelize.Font {
		return &excelize.Font{Family: "Calibri", Size: size, Bold: bold, Color: color}
	}
	top := &excelize.Alignment{Vertical: "top"}
	b.st = styles{
		title:     mk(&excelize.Style{Font: font(14, true, "1D3557")}),
		subtitle:  mk(&excelize.Style{Font: font(11, false, "5B6675")}),
		header:    mk(&excelize.Style{Font: font(10, true, "1B2430"), Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"E6EBF1"}}, Alignment: &excelize.Alignment{WrapText: true, Vertical: "center"}, Border: []excelize.Border{{Type: "bottom", Color: "8C99AA", Style: 1}}}),
		text:      mk(&excelize.Style{Alignment: top}),
		wrap:      mk(&excelize.Style{Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}}),
		bold:      mk(&excelize.Style{Font: font(11, true, "1B2430"), Alignment: top}),
		note:      mk(&excelize.Style{Font: &excelize.Font{Italic: true, Color: "5B6675", Size: 10}}),
		notice:    mk(&excelize.Style{Font: &excelize.Font{Bold: true, Color: "7A5600", Size: 10}, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"FFF8DF"}}, Alignment: &excelize.Alignment{WrapText: true, Vertical: "center"}}),
		small:     mk(&excelize.Style{Font: &excelize.Font{Color: "7B8592", Italic: true}, Alignment: top}),
		int:       mk(&excelize.Style{NumFmt: 3, Alignment: top}),
		pct:       mk(&excelize.Style{CustomNumFmt: custom("0.0%"), Alignment: top}),
		pctDelta:  mk(&excelize.Style{CustomNumFmt: custom("+0.0%;-0.0%;0.0%"), Alignment: top}),
		dec1:      mk(&excelize.Style{CustomNumFmt: custom("0.0"), Alignment: top}),
		dec1Delta: mk(&excelize.Style{CustomNumFmt: custom("+0.0;-0.0;0.0"), Alignment: top}),
		intDelta:  mk(&excelize.Style{CustomNumFmt: custom("+#,##0;-#,##0;0"), Alignment: top}),
		date:      mk(&excelize.Style{CustomNumFmt: custom("yyyy-mm-dd"), Alignment: top}),
		dateTime:  mk(&excelize.Style{CustomNumFmt: custom("yyyy-mm-dd hh:mm"), Alignment: top}),
		month:     mk(&excelize.Style{CustomNumFmt: custom("mmm yyyy"), Alignment: top}),
		zone:      map[string]int{},
	}
	// In a fixed order, so that the same report is the same file (a map's order is random).
	for _, zc := range []struct{ z, fill, font string }{
		{"hijau", "DCEFDC", "1B5E20"}, {"kuning", "FFF1C2", "7A5600"}, {"merah", "F9D9D6", "B71C1C"},
	} {
		z, c := zc.z, [2]string{zc.fill, zc.font}
		id, err := f.NewConditionalStyle(&excelize.Style{
			Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{c[0]}},
			Font: &excelize.Font{Color: c[1], Bold: true},
		})
		if err != nil {
			return nil, err
		}
		b.st.zone[z] = id
	}
	return b, nil
}

// writeTo writes the workbook to w as it is zipped (excelize's WriteTo assembles the whole zip
// in memory first), with fast deflate: the overdue list of a big regency is 200,000 rows.
func (b *book) writeTo(w io.Writer) error {
	bw := bufio.NewWriterSize(w, 1<<20)
	var sz *spliceZip
	b.f.SetZipWriter(func(io.Writer) excelize.ZipWriter {
		zw := zip.NewWriter(bw)
		zw.RegisterCompressor(zip.Deflate, func(w io.Writer) (io.WriteCloser, error) {
			return flate.NewWriter(w, flate.BestSpeed)
		})
		if b.big == nil {
			return zw
		}
		sz = &spliceZip{Writer: zw, big: b.big}
		return sz
	})
	if err := b.setPrint(); err != nil {
		return err
	}
	if err := b.f.Write(io.Discard); err != nil { // the zip goes to bw; excelize's own buffer stays empty
		return err
	}
	for _, big := range b.big {
		if !big.done {
			return fmt.Errorf("xlsx: sheet %s was not written", big.path)
		}
	}
	return bw.Flush()
}

// addSheet adds a sheet (renaming the workbook's default first sheet).
func (b *book) addSheet(name string) error {
	if b.first {
		b.first = false
		return b.f.SetSheetName("Sheet1", name)
	}
	_, err := b.f.NewSheet(name)
	return err
}

// cell is one value with its style. A nil value is an empty cell.
type cell struct {
	v any
	s int
}

func txt(s string, style int) cell { return cell{s, style} }
func ival(n int64, style int) cell { return cell{n, style} }
func fval(x float64, style int) cell {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return cell{nil, style}
	}
	return cell{x, style}
}
func optF(x *float64, style int) cell {
	if x == nil {
		return cell{nil, style}
	}
	return fval(*x, style)
}
func optI(x *int64, style int) cell {
	if x == nil {
		return cell{nil, style}
	}
	return cell{*x, style}
}

// excelSerial is a local wall-clock time as an Excel serial date (1900 system).
func excelSerial(t time.Time) float64 {
	wall := time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), 0, time.UTC)
	return wall.Sub(time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)).Hours() / 24
}

func dval(t time.Time, style int) cell { return cell{excelSerial(t), style} }

// grid writes cells of a regular (non-streamed) sheet and sizes its columns to the content.
type grid struct {
	b      *book
	sheet  string
	widths map[int]float64
	wrap   map[int]float64 // columns whose text wraps: their fixed width
	texts  map[[2]int]string
}

func (b *book) grid(sheet string) *grid {
	return &grid{b: b, sheet: sheet, widths: map[int]float64{}, wrap: map[int]float64{}, texts: map[[2]int]string{}}
}

func cellName(col, row int) string {
	n, _ := excelize.CoordinatesToCellName(col, row)
	return n
}

func colName(col int) string {
	n, _ := excelize.ColumnNumberToName(col)
	return n
}

// runeWidth is the width of a text column whose longest line has n characters (the SQL that sums
// a streamed list gives n: see overdue_agencies.sql).
func runeWidth(n int) float64 { return float64(n)*1.1 + 2 }

// width estimates a column width (characters) for a value as Excel shows it.
func width(v any) float64 {
	switch x := v.(type) {
	case nil:
		return 0
	case string:
		w := 0
		for _, line := range strings.Split(x, "\n") {
			w = max(w, utf8.RuneCountInString(line))
		}
		return runeWidth(w)
	case float64:
		return float64(len(fmt.Sprintf("%.1f", x))) + 4
	case int64:
		return float64(len(fmt.Sprint(x))*4/3) + 3
	}
	return 10
}

func (g *grid) put(col, row int, c cell) error {
	ref := cellName(col, row)
	var err error
	switch v := c.v.(type) {
	case nil:
	case string:
		err = g.b.f.SetCellStr(g.sheet, ref, v)
		g.texts[[2]int{col, row}] = v
	case int64:
		err = g.b.f.SetCellInt(g.sheet, ref, v)
	case int:
		err = g.b.f.SetCellInt(g.sheet, ref, int64(v))
	case float64:
		err = g.b.f.SetCellFloat(g.sheet, ref, v, -1, 64)
	default:
		return fmt.Errorf("xlsx: unsupported value %T", v)
	}
	if err != nil {
		return err
	}
	if c.s != 0 {
		if err := g.b.f.SetCellStyle(g.sheet, ref, ref, c.s); err != nil {
			return err
		}
	}
	if c.s != g.b.st.title && c.s != g.b.st.subtitle && c.s != g.b.st.note {
		g.widths[col] = max(g.widths[col], width(c.v))
	}
	return nil
}

// row writes cells from column 1.
func (g *grid) row(row int, cs ...cell) error {
	for i, c := range cs {
		if err := g.put(i+1, row, c); err != nil {
			return err
		}
	}
	return nil
}

// header writes a header row (wrapping; counted by its longest word for the width).
func (g *grid) header(row int, names ...string) error {
	for i, n := range names {
		if err := g.b.f.SetCellStr(g.sheet, cellName(i+1, row), n); err != nil {
			return err
		}
		g.widths[i+1] = max(g.widths[i+1], headerWidth(n))
	}
	return g.b.f.SetCellStyle(g.sheet, cellName(1, row), cellName(len(names), row), g.b.st.header)
}

// headerWidth is the width a header cell asks of its column: it wraps, so its longest word.
func headerWidth(name string) float64 {
	longest := 0
	for _, w := range strings.Fields(name) {
		longest = max(longest, utf8.RuneCountInString(w))
	}
	return max(float64(longest)+3, min(float64(utf8.RuneCountInString(name))*0.6+2, 16))
}

// colWidth is a column's width as set: between 6 and 60 characters, to a tenth.
func colWidth(w float64) float64 { return math.Round(math.Min(math.Max(w, 6), 60)*10) / 10 }

// finish sets the column widths.
func (g *grid) finish() error {
	for col, w := range g.widths {
		if fixed, ok := g.wrap[col]; ok {
			w = fixed
		}
		if err := g.b.f.SetColWidth(g.sheet, colName(col), colName(col), colWidth(w)); err != nil {
			return err
		}
	}
	// A wrapped cell needs its row as tall as its lines: neither excelize nor LibreOffice's PDF
	// export grows the row, and the second line was printed over the next row's text.
	lines := map[int]int{}
	for at, text := range g.texts {
		fixed, ok := g.wrap[at[0]]
		if !ok {
			continue
		}
		w := colWidth(fixed)
		n := 0
		for _, line := range strings.Split(text, "\n") {
			n += max(1, int(math.Ceil(float64(utf8.RuneCountInString(line))/w)))
		}
		lines[at[1]] = max(lines[at[1]], n)
	}
	for row, n := range lines {
		if n < 2 {
			continue
		}
		if h, err := g.b.f.GetRowHeight(g.sheet, row); err != nil {
			return err
		} else if want := 13.5 * float64(n); want > h {
			if err := g.b.f.SetRowHeight(g.sheet, row, want); err != nil {
				return err
			}
		}
	}
	return nil
}

// setPrint gives every sheet a page setup: A4 landscape, fit to the page's width (as many pages
// down as it takes), page numbers in the footer, and its head (the frozen rows) repeated on every
// printed page. Streamed sheets get theirs as they are spliced (fastrows.go).
func (b *book) setPrint() error {
	streamed := map[string]bool{}
	for _, big := range b.big {
		streamed[big.path] = true
	}
	a4, landscape, one, zero := 9, "landscape", 1, 0
	for _, sheet := range b.f.GetSheetList() {
		if n := b.titles[sheet]; n > 0 {
			if err := b.f.SetDefinedName(&excelize.DefinedName{
				Name: "_xlnm.Print_Titles", RefersTo: fmt.Sprintf("%s!$1:$%d", sheetRef(sheet), n), Scope: sheet,
			}); err != nil {
				return err
			}
		}
		if path, err := sheetPath(b.f, sheet); err == nil && streamed[path] {
			continue
		}
		if err := b.f.SetPageLayout(sheet, &excelize.PageLayoutOptions{Size: &a4, Orientation: &landscape, FitToWidth: &one, FitToHeight: &zero}); err != nil {
			return err
		}
		if err := b.f.SetSheetProps(sheet, &excelize.SheetPropsOptions{FitToPage: boolPtr(true)}); err != nil {
			return err
		}
		footer := "&R&P / &N"
		if err := b.f.SetHeaderFooter(sheet, &excelize.HeaderFooterOptions{OddFooter: footer}); err != nil {
			return err
		}
		side, top, bottom, hf := 0.4, 0.5, 0.6, 0.3
		if err := b.f.SetPageMargins(sheet, &excelize.PageLayoutMarginsOptions{Left: &side, Right: &side, Top: &top, Bottom: &bottom, Header: &hf, Footer: &hf}); err != nil {
			return err
		}
	}
	return nil
}

// freeze keeps rows 1..rows (and columns 1..cols) in view, and prints rows 1..rows on every page.
func (b *book) freeze(sheet string, rows, cols int) error {
	if b.titles == nil {
		b.titles = map[string]int{}
	}
	b.titles[sheet] = rows
	return b.f.SetPanes(sheet, &excelize.Panes{
		Freeze: true, XSplit: cols, YSplit: rows, TopLeftCell: cellName(cols+1, rows+1), ActivePane: "bottomLeft",
	})
}

// zoneFormats colours a score column by the zones' bounds and a zone-name column by name.
func (b *book) zoneFormats(sheet, scoreRange, zoneRange string, hijau, kuning float64) error {
	l := b.l
	if scoreRange != "" {
		err := b.f.SetConditionalFormat(sheet, scoreRange, []excelize.ConditionalFormatOptions{
			{Type: "cell", Criteria: ">=", Value: trimFloat(hijau), Format: intPtr(b.st.zone["hijau"]), StopIfTrue: true},
			{Type: "cell", Criteria: ">=", Value: trimFloat(kuning), Format: intPtr(b.st.zone["kuning"]), StopIfTrue: true},
			{Type: "cell", Criteria: "<", Value: trimFloat(kuning), Format: intPtr(b.st.zone["merah"])},
		})
		if err != nil {
			return err
		}
	}
	if zoneRange != "" {
		var rules []excelize.ConditionalFormatOptions
		for _, z := range []string{"hijau", "kuning", "merah"} {
			rules = append(rules, excelize.ConditionalFormatOptions{Type: "cell", Criteria: "==", Value: `"` + l.zoneLabel(z) + `"`, Format: intPtr(b.st.zone[z])})
		}
		if err := b.f.SetConditionalFormat(sheet, zoneRange, rules); err != nil {
			return err
		}
	}
	return nil
}

func intPtr(n int) *int { return &n }

func trimFloat(x float64) string {
	return strings.TrimRight(strings.TrimRight(fmt.Sprintf("%.6f", x), "0"), ".")
}

// yesNo renders a flag as text.
func (b *book) yesNo(v bool) cell {
	if v {
		return txt(b.l.t("yes"), b.st.text)
	}
	return txt(b.l.t("no"), b.st.text)
}

// zoneCell is the zone's name in the language, or empty.
func (b *book) zoneCell(z *string) cell {
	if z == nil {
		return cell{nil, b.st.text}
	}
	return txt(b.l.zoneLabel(*z), b.st.text)
}

// sheetRef quotes a sheet name for a cell reference.
func sheetRef(sheet string) string { return "'" + strings.ReplaceAll(sheet, "'", "''") + "'" }

// headBlock writes the title lines every sheet starts with; it returns the next free row.
func headBlock(g *grid, lines ...string) (int, error) {
	for i, line := range lines {
		st := g.b.st.subtitle
		if i == 0 {
			st = g.b.st.title
		}
		if err := g.put(1, i+1, txt(line, st)); err != nil {
			return 0, err
		}
	}
	return len(lines) + 2, nil
}

// diffCell is cur - prev when both are numbers of the same kind.
func diffCell(cur, prev cell, style int) cell {
	switch c := cur.v.(type) {
	case int64:
		if p, ok := prev.v.(int64); ok {
			return ival(c-p, style)
		}
	case float64:
		if p, ok := prev.v.(float64); ok {
			return fval(c-p, style)
		}
	}
	return cell{nil, style}
}

// leagueColumns are the columns of the ranking sheet (and the comparison's data sheet).
func leagueHeader(l lang, b Build, withPeriod bool) []string {
	cu := l.t("days")
	if b.CUnit == "working" {
		cu = l.t("wdays")
	}
	h := []string{}
	if withPeriod {
		h = append(h, l.t("col_period"))
	}
	return append(h,
		l.t("x_rank"), l.t("x_rank_change"), l.t("col_agency"), l.t("col_score"), l.t("col_zone"), l.t("col_received"),
		l.tf("x_responded_ot_n", b.R), l.tf("kpi_ontime", b.R)+" (%)", l.t("x_response_rate"),
		l.t("x_closed_n"), l.t("kpi_resolved")+" (%)", l.t("x_closed_ot_n"), l.tf("x_resolved_ot", b.C, cu),
		l.t("x_rating"), l.t("x_satisfaction"), l.t("x_median"), l.t("x_p90"), l.t("x_close_median")+" ("+cu+")",
		l.t("kpi_open"), l.t("col_overdue"), l.tf("x_unanswered", b.R), l.t("x_small"), l.t("x_maturing"),
	)
}

func leagueCells(b *book, a AgencyRow) []cell {
	st := b.st
	// A small sample is marked as in the HTML: its name greyed (and the Small sample column).
	name := txt(a.Agency, st.text)
	if a.SmallSample {
		name = txt(a.Agency, st.small)
	}
	return []cell{
		optI(a.Rank, st.int), optI(a.RankChange, st.intDelta), name, optF(a.Score, st.dec1), b.zoneCell(a.Zone),
		ival(a.Received, st.int), optI(a.RespondedOnTime, st.int), optF(a.OnTimeResponseRate, st.pct), optF(a.ResponseRate, st.pct),
		ival(a.Closed, st.int), optF(a.CompletionRate, st.pct), ival(a.ClosedOnTime, st.int), optF(a.OnTimeCompletionRate, st.pct),
		optF(a.RatingAvg, st.dec1), optF(a.Satisfaction, st.pct), optF(a.ResponseWDMedian, st.dec1), optF(a.ResponseWDP90, st.dec1),
		optF(a.CloseDaysMedian, st.dec1), ival(a.OpenEnd, st.int), ival(a.OverdueEnd, st.int), optI(a.UnansweredOverdueEnd, st.int),
		b.yesNo(a.SmallSample), b.yesNo(a.Maturing),
	}
}

func boolPtr(v bool) *bool { return &v }

func writeQualitySheet(b *book, checks []QualityCheck, iq IngestQuality) error {
	l := b.l
	name := l.t("sheet_quality")
	if err := b.addSheet(name); err != nil {
		return err
	}
	g := b.grid(name)
	stl := b.st
	if err := g.header(1, l.t("x_source"), l.t("x_file"), l.t("col_check"), l.t("col_meaning"), l.t("x_severity"), l.t("x_unit"),
		l.t("col_count"), l.t("col_examples")); err != nil {
		return err
	}
	r := 1
	for _, c := range checks {
		r++
		count := optI(c.Count, stl.int)
		if c.Count == nil {
			count = txt(l.t("not_checked"), stl.text)
		}
		if err := g.row(r, txt(l.t("dq_src_build"), stl.text), cell{nil, 0}, txt(c.Check, stl.text), txt(l.checkLabel(c.Check), stl.wrap),
			txt(l.t("sev_"+c.Severity), stl.text), txt(l.unitName(c.Unit), stl.text), count,
			txt(strings.Join(c.Examples, ", "), stl.wrap)); err != nil {
			return err
		}
	}
	for _, f := range iq.PerFile {
		r++
		if err := g.row(r, txt(l.t("dq_src_ingest"), stl.text), txt(f.File, stl.text), txt("rows_rejected", stl.text),
			txt(l.tf("x_file_rows", f.Read, f.Accepted, f.Layout), stl.wrap), txt(l.t("sev_warning"), stl.text),
			txt(l.unitName("rows"), stl.text), ival(f.Rejected, stl.int)); err != nil {
			return err
		}
		for _, rc := range f.Reasons {
			r++
			if err := g.row(r, txt(l.t("dq_src_ingest"), stl.text), txt(f.File, stl.text), txt(rc.Check, stl.text),
				txt(l.checkLabel(rc.Check), stl.wrap), txt(l.t("sev_"+rc.Severity), stl.text), txt(l.unitName(rc.Unit), stl.text),
				optI(rc.Count, stl.int), txt(strings.Join(rc.Examples, ", "), stl.wrap)); err != nil {
				return err
			}
		}
	}
	g.wrap[4], g.wrap[8] = 44, 40
	if err := g.finish(); err != nil {
		return err
	}
	if err := b.f.AutoFilter(name, fmt.Sprintf("A1:H%d", max(r, 2)), nil); err != nil {
		return err
	}
	return b.freeze(name, 1, 0)
}

func writeDefinitionsSheet(b *book, build Build, hols []Holiday, holNote string) error {
	l := b.l
	name := l.t("sheet_definitions")
	if err := b.addSheet(name); err != nil {
		return err
	}
	g := b.grid(name)
	stl := b.st
	if err := g.header(1, l.t("x_term"), l.t("x_definition")); err != nil {
		return err
	}
	r := 1
	for _, d := range definitions(l, build) {
		r++
		if err := g.row(r, txt(d.Term, stl.bold), txt(d.Text, stl.wrap)); err != nil {
			return err
		}
	}
	lastDef := r
	r += 2
	if err := g.put(1, r, txt(l.tf("config_heading", build.ID), stl.bold)); err != nil {
		return err
	}
	for _, kv := range configRows(l, build) {
		r++
		v := txt(kv.V, stl.wrap)
		if n, err := strconv.ParseInt(kv.V, 10, 64); err == nil {
			v = ival(n, stl.int)
		}
		if err := g.row(r, txt(kv.K, stl.text), v); err != nil {
			return err
		}
	}
	r += 2
	if err := g.put(1, r, txt(l.t("x_holidays"), stl.bold)); err != nil {
		return err
	}
	r++
	if err := g.put(1, r, txt(holNote, stl.note)); err != nil {
		return err
	}
	for _, h := range hols {
		r++
		kind := h.Kind
		if hasText("kind_" + kind) {
			kind = l.t("kind_" + kind)
		}
		if err := g.row(r, dval(h.Date, stl.date), txt(h.Name+" ("+kind+")", stl.wrap)); err != nil {
			return err
		}
	}
	g.widths[1] = 30
	g.wrap[2] = 100
	if err := g.finish(); err != nil {
		return err
	}
	if err := b.f.AutoFilter(name, fmt.Sprintf("A1:B%d", lastDef), nil); err != nil {
		return err
	}
	return b.freeze(name, 1, 0)
}
