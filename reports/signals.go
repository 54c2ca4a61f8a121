package reports

import (
	"bufio"
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"
)

// EarlyWarning is one row of the warnings table, as the scorecard states it.
type EarlyWarning struct {
	Agency   string // "" for the regency's admin
	Kind     string
	Month    time.Time
	Months   []time.Time
	Measured []float64
	Baseline float64
	Value    float64
	Z        float64
	New      bool
}

// RepeatItem is one repeat complaint of the month: the earlier closure did not solve it.
type RepeatItem struct {
	Agency, TrackingID, RepeatOf, RepeatOfAgency string
	Unit                                         string // at the parent level, the child unit it was disposed to when not the parent itself
	DaysAfter                                    int
	MatchedBy                                    string
}

// loadSignals reads the month's early warnings and repeat complaints.
func (s *Scorecard) loadSignals(ctx context.Context, q querier) error {
	rows, err := q.QueryContext(ctx, query("signals_warnings"), s.Regency, s.Month)
	if err != nil {
		return fmt.Errorf("warnings: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var w EarlyWarning
		var months, measured []any
		if err := rows.Scan(&w.Agency, &w.Kind, &w.Month, &months, &measured, &w.Baseline, &w.Value, &w.Z, &w.New); err != nil {
			return fmt.Errorf("warnings: %w", err)
		}
		for _, m := range months {
			if t, ok := m.(time.Time); ok {
				w.Months = append(w.Months, t)
			}
		}
		for _, v := range measured {
			if f, ok := v.(float64); ok {
				w.Measured = append(w.Measured, f)
			}
		}
		s.EarlyWarnings = append(s.EarlyWarnings, w)
	}
	if err := rows.Err(); err != nil {
		return err
	}
	rr, err := q.QueryContext(ctx, query("signals_repeats"), s.Regency, s.Month)
	if err != nil {
		return fmt.Errorf("repeats: %w", err)
	}
	defer rr.Close()
	for rr.Next() {
		var r RepeatItem
		if err := rr.Scan(&r.Agency, &r.TrackingID, &r.RepeatOf, &r.RepeatOfAgency, &r.DaysAfter, &r.MatchedBy); err != nil {
			return fmt.Errorf("repeats: %w", err)
		}
		s.Repeats = append(s.Repeats, r)
	}
	return rr.Err()
}

// signalsBlock is what templates/signals.html renders at the top of the scorecard.
type signalsBlock struct {
	WarningsHead string
	Warnings     []string
	RepeatsHead  string
	RepeatsIntro string
	// RepeatsPointer says where the list is (after the overdue list).
	RepeatsPointer string
	// RepeatsCut says that the page shows only the first MaxHTMLItems (the workbook has them all).
	RepeatsCut string
	RepeatCols [4]string
	Repeats    []RepeatItem
}

// warningWho names the unit a warning is about (the regency's admin when no SKPD).
func (l lang) warningWho(w EarlyWarning) string {
	if w.Agency == "" {
		return l.t("sig_admin")
	}
	return w.Agency
}

// warningSeries is a warning's figures month by month: "Mar 2025 71% → Apr 2025 52%".
func (l lang) warningSeries(w EarlyWarning) string {
	var vals []string
	for i, v := range w.Measured {
		m := ""
		if i < len(w.Months) {
			m = l.monthShort(w.Months[i]) + " "
		}
		if w.Kind == "response_slide" {
			vals = append(vals, m+l.num(100*v, 0)+"%")
		} else {
			vals = append(vals, m+l.num(v, 0))
		}
	}
	return strings.Join(vals, " → ")
}

// warningText states one warning with its SKPD, measure, months and numbers.
func (l lang) warningText(w EarlyWarning) string {
	who, series := l.warningWho(w), l.warningSeries(w)
	var text string
	switch w.Kind {
	case "response_slide":
		text = l.tf("sig_response_slide", who, len(w.Measured)-1, series, l.num(100*(w.Baseline-w.Value), 0))
	case "overdue_growth":
		text = l.tf("sig_overdue_growth", who, len(w.Measured)-1, series)
	case "verification_backlog":
		text = l.tf("sig_backlog", len(w.Measured)-1, series)
	case "expired_jump":
		text = l.tf("sig_expired_jump", who, l.num(w.Value, 0), l.month(w.Month), l.num(w.Baseline, 1))
	case "volume_outlier":
		text = l.tf("sig_volume", who, l.num(w.Value, 0), l.month(w.Month), l.num(w.Baseline, 0), l.num(w.Z, 1))
	default:
		text = who + ": " + w.Kind + " " + series
	}
	if w.New {
		text = l.t("sig_new") + " " + text
	}
	return text
}

// signals builds the scorecard's block; nil when there is nothing to say.
func (s *Scorecard) signals() *signalsBlock { return s.signalsBlock(s.EarlyWarnings, s.Repeats) }

// signalsFor is the block of one SKPD's rapor: its own warnings and repeats.
func (s *Scorecard) signalsFor(agency string) *signalsBlock {
	return s.signalsBlock(s.signalsOf(agency))
}

// signalsOf are one SKPD's own warnings and repeats (at the parent level, a parent's units' warnings too).
func (s *Scorecard) signalsOf(agency string) ([]EarlyWarning, []RepeatItem) {
	var ws []EarlyWarning
	var rs []RepeatItem
	for _, w := range s.EarlyWarnings {
		// At the parent level a parent's page shows its units' warnings, each naming its unit.
		if w.Agency == agency || s.Level == LevelParent && w.Agency != "" && s.parents.parent(w.Agency) == agency {
			ws = append(ws, w)
		}
	}
	for _, r := range s.Repeats {
		if r.Agency == agency {
			rs = append(rs, r)
		}
	}
	return ws, rs
}

// signals are the SKPD's own warnings and repeats.
func (a *AgencyRapor) signals() ([]EarlyWarning, []RepeatItem) { return a.S.signalsOf(a.Agency) }

func (s *Scorecard) signalsBlock(ws []EarlyWarning, rs []RepeatItem) *signalsBlock {
	if len(ws) == 0 && len(rs) == 0 {
		return nil
	}
	l := s.L
	b := &signalsBlock{
		WarningsHead:   l.t("sig_warnings_head"),
		RepeatsHead:    l.tf("sig_repeats_head", len(rs), l.month(s.Month)),
		RepeatsIntro:   l.t("sig_repeats_intro"),
		RepeatsPointer: l.t("sig_repeats_pointer"),
		RepeatCols:     [4]string{l.t("sig_col_agency"), l.t("sig_col_tracking"), l.t("sig_col_repeat_of"), l.t("sig_col_days")},
		Repeats:        rs,
	}
	// A page with hundreds of thousands of rows (a big regency's month) is no list anyone reads,
	// and tens of megabytes to mail: the page is capped as the overdue list is, its room shared
	// among the SKPD (shareRoom), so that none disappears from it.
	if n := s.MaxHTMLItems; n > 0 && len(rs) > n {
		b.Repeats = capRepeats(rs, n)
		b.RepeatsCut = l.tf("repeats_cut", l.int(int64(n)), l.int(int64(len(rs))), l.t("sheet_repeats"))
	}
	for _, w := range ws {
		b.Warnings = append(b.Warnings, l.warningText(w))
	}
	return b
}

// capRepeats keeps n of rs (ordered by agency, then tracking id): each agency's first ones, as
// many as shareRoom gives it.
func capRepeats(rs []RepeatItem, n int) []RepeatItem {
	var agencies []OverdueAgency
	for i, r := range rs {
		if i == 0 || r.Agency != rs[i-1].Agency {
			agencies = append(agencies, OverdueAgency{Agency: r.Agency})
		}
		agencies[len(agencies)-1].N++
	}
	share := shareRoom(agencies, n)
	out := make([]RepeatItem, 0, n)
	taken := map[string]int{}
	for _, r := range rs {
		if taken[r.Agency] < share[r.Agency] {
			taken[r.Agency]++
			out = append(out, r)
		}
	}
	return out
}

// writeSignalsSheets writes the early warnings and the repeat complaints as two lists to annotate,
// each a sheet with its title, a frozen header and a filter: Peringatan, one row per warning (who,
// what, the months and the numbers, and the sentence the page shows), and Berulang, one row per
// repeat by tracking id. The reporter is never written, only whether the match was by reporter or
// by a similar title. A list with nothing in it gets no sheet.
func writeSignalsSheets(b *book, month time.Time, ws []EarlyWarning, rs []RepeatItem) error {
	l := b.l
	stl := b.st
	if len(ws) > 0 {
		g, err := listSheet(b, l.t("sheet_warnings"), l.t("sig_warnings_head")+", "+l.month(month), "",
			l.t("sig_col_agency"), l.t("sig_col_kind"), l.t("sig_col_month"), l.t("sig_col_series"),
			l.t("sig_col_baseline"), l.t("sig_col_value"), l.t("sig_col_new"), l.t("sig_col_statement"))
		if err != nil {
			return err
		}
		for i, w := range ws {
			num := func(v float64) cell {
				if w.Kind == "response_slide" {
					return fval(v, stl.pct)
				}
				return fval(v, stl.dec1)
			}
			if err := g.row(listFirstRow+i, txt(l.warningWho(w), stl.text), txt(l.t("sig_kind_"+w.Kind), stl.text), dval(w.Month, stl.month),
				txt(l.warningSeries(w), stl.wrap), num(w.Baseline), num(w.Value), b.yesNo(w.New),
				txt(l.warningText(w), stl.wrap)); err != nil {
				return err
			}
		}
		g.wrap[4], g.wrap[8] = 30, 60
		if err := finishList(b, g, 8, len(ws)); err != nil {
			return err
		}
	}
	if len(rs) > 0 {
		return writeRepeatsSheet(b, month, rs)
	}
	return nil
}

// writeRepeatsSheet writes Berulang as listSheet and finishList would (title, note, header, widths,
// filter, frozen head), but streamed: a big regency's month has hundreds of thousands of repeats,
// and excelize's cell API holds about a kilobyte per row until the workbook is written.
func writeRepeatsSheet(b *book, month time.Time, rs []RepeatItem) error {
	l, stl := b.l, b.st
	name := l.t("sheet_repeats")
	header := []string{l.t("sig_col_agency"), l.t("sig_col_tracking"), l.t("sig_col_repeat_of_id"), l.t("sig_col_repeat_of_agency"),
		l.t("sig_col_days"), l.t("sig_col_matched_by")}
	if err := b.addSheet(name); err != nil {
		return err
	}
	// The filter and the fit to the page's width live in the sheet's head, which the stream writer
	// writes as it starts: set them first.
	last := listHeaderRow + len(rs)
	if err := b.f.AutoFilter(name, fmt.Sprintf("A%d:%s%d", listHeaderRow, colName(len(header)), last), nil); err != nil {
		return err
	}
	if err := b.f.SetSheetProps(name, &excelize.SheetPropsOptions{FitToPage: boolPtr(true)}); err != nil {
		return err
	}
	sw, err := b.f.NewStreamWriter(name)
	if err != nil {
		return err
	}
	who := func(it RepeatItem) string {
		if it.Unit != "" {
			return it.Agency + " · " + it.Unit
		}
		return it.Agency
	}
	// The widths grid.header, grid.put and grid.finish give.
	widths := make([]float64, len(header))
	for i, h := range header {
		widths[i] = headerWidth(h)
	}
	for _, it := range rs {
		for i, v := range []any{who(it), it.TrackingID, it.RepeatOf, it.RepeatOfAgency, int64(it.DaysAfter), l.t("sig_by_" + it.MatchedBy)} {
			widths[i] = max(widths[i], width(v))
		}
	}
	for i, w := range widths {
		if err := sw.SetColWidth(i+1, i+1, colWidth(w)); err != nil {
			return err
		}
	}
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: listHeaderRow, TopLeftCell: cellName(1, listHeaderRow+1), ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	if err := sw.SetRow("A1", []any{excelize.Cell{StyleID: stl.title, Value: l.tf("sig_repeats_head", len(rs), l.month(month))}}); err != nil {
		return err
	}
	if err := sw.SetRow("A2", []any{excelize.Cell{StyleID: stl.note, Value: l.t("sig_repeats_intro")}}); err != nil {
		return err
	}
	hdr := make([]any, len(header))
	for i, h := range header {
		hdr[i] = excelize.Cell{StyleID: stl.header, Value: h}
	}
	// the header wraps ("Mengulang no. tracking"): room for two lines
	if err := sw.SetRow(cellName(1, listHeaderRow), hdr, excelize.RowOpts{Height: 30}); err != nil {
		return err
	}
	if b.titles == nil {
		b.titles = map[string]int{}
	}
	b.titles[name] = listHeaderRow
	if err := sw.Flush(); err != nil {
		return err
	}
	path, err := sheetPath(b.f, name)
	if err != nil {
		return err
	}
	b.big = append(b.big, &bigSheet{path: path, rows: func(w *bufio.Writer) error {
		rw := rowWriter{w: w}
		for i, it := range rs {
			rw.start(listFirstRow + i)
			rw.text(0, stl.text, who(it))
			rw.text(1, stl.text, it.TrackingID)
			rw.text(2, stl.text, it.RepeatOf)
			rw.text(3, stl.text, it.RepeatOfAgency)
			rw.int(4, stl.int, int64(it.DaysAfter))
			rw.text(5, stl.text, l.t("sig_by_"+it.MatchedBy))
			if err := rw.end(); err != nil {
				return err
			}
		}
		return nil
	}})
	return nil
}

// A list sheet: its title in row 1, a note in row 2, the header in row 3, the rows from row 4.
const listHeaderRow, listFirstRow = 3, 4

func listSheet(b *book, name, title, note string, header ...string) (*grid, error) {
	if err := b.addSheet(name); err != nil {
		return nil, err
	}
	g := b.grid(name)
	if err := g.put(1, 1, txt(title, b.st.title)); err != nil {
		return nil, err
	}
	if note != "" {
		if err := g.put(1, 2, txt(note, b.st.note)); err != nil {
			return nil, err
		}
	}
	if err := g.header(listHeaderRow, header...); err != nil {
		return nil, err
	}
	// the header wraps ("Mengulang no. tracking"): room for two lines
	return g, b.f.SetRowHeight(name, listHeaderRow, 30)
}

// finishList sets the widths, the filter over the header and rows, and freezes (and prints on
// every page) the rows down to the header.
func finishList(b *book, g *grid, cols, rows int) error {
	if err := g.finish(); err != nil {
		return err
	}
	if err := b.f.AutoFilter(g.sheet, fmt.Sprintf("A%d:%s%d", listHeaderRow, colName(cols), listHeaderRow+rows), nil); err != nil {
		return err
	}
	return b.freeze(g.sheet, listHeaderRow, 0)
}
