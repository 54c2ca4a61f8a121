package reports

import (
	"bufio"
	"fmt"
	"io"
	"math"

	"github.com/xuri/excelize/v2"
)

// WriteXLSX writes the scorecard workbook: Ringkasan, Peringkat SKPD, Tren Bulanan (with a
// native chart), Tunggakan (streamed), Peringatan and Berulang (the month's early warnings and
// repeat complaints, when any), Kualitas Data, Definisi (English names with lang en).
func (s *Scorecard) WriteXLSX(w io.Writer) error {
	b, err := newBook(s.L)
	if err != nil {
		return err
	}
	defer b.f.Close()
	l := s.L
	title := l.t("doc_title") + " · " + regencyTitle(l, s.Regency) + " · " + l.month(s.Month)
	if err := b.f.SetDocProps(&excelize.DocProperties{Title: title, Creator: "rapor", Description: l.t("as_of") + " " + l.dateTime(s.Build.AsOf)}); err != nil {
		return err
	}
	steps := []func(*book) error{s.xlsxSummary, s.xlsxLeague, s.xlsxTrend, s.xlsxOverdue, s.xlsxSignals, s.xlsxQuality, s.xlsxDefinitions}
	for _, step := range steps {
		if err := step(b); err != nil {
			return err
		}
	}
	b.f.SetActiveSheet(0)
	return b.writeTo(w)
}

func (s *Scorecard) xlsxSummary(b *book) error {
	l := s.L
	name := l.t("sheet_summary")
	if err := b.addSheet(name); err != nil {
		return err
	}
	g := b.grid(name)
	lines := []string{
		l.t("doc_title") + " · " + regencyTitle(l, s.Regency) + " · " + l.month(s.Month),
		l.t("as_of") + " " + l.dateTime(s.Build.AsOf) + " · " + l.t("build") + " " + fmt.Sprint(s.Build.ID) + " · " + l.t("generated") + " " + l.dateTime(s.Generated),
	}
	if src := l.sources(s.Build); src != "" {
		lines = append(lines, src)
	}
	if !s.Current.Complete {
		lines = append(lines, l.tf("incomplete", l.dateTime(s.Build.AsOf)))
	}
	if s.Current.Maturing {
		lines = append(lines, l.tf("maturing", s.Build.C, s.cUnitAdj()))
	}
	if lv := l.levelLine(s.Level, true); lv != "" {
		lines = append(lines, lv)
	}
	lines = append(lines, s.Warnings()...)
	r, err := headBlock(g, lines...)
	if err != nil {
		return err
	}
	prevLabel, roll := dash, dash
	if s.Previous != nil {
		prevLabel = l.month(s.Previous.PeriodStart)
	}
	if s.Roll12 != nil {
		roll = l.tf("x_roll12", s.windowStart(12).Format("2006-01")+".."+s.MonthLabel())
	}
	headerRow := r
	if err := g.header(r, l.t("x_indicator"), l.month(s.Month), prevLabel, l.t("x_change"), roll, l.t("x_unit"), l.t("x_base")); err != nil {
		return err
	}
	if err := b.f.SetRowHeight(name, r, 30); err != nil {
		return err
	}
	st := b.st
	k := newKPIs(l, s.Build)
	r, scoreRow, err := writeKPIRows(b, g, r, k, k.list, s.Current, s.Previous, s.Roll12)
	if err != nil {
		return err
	}
	g.wrap[7] = 48
	if err := b.zoneFormats(name, fmt.Sprintf("B%d:C%d E%d", scoreRow, scoreRow, scoreRow),
		fmt.Sprintf("B%d:C%d E%d", scoreRow+1, scoreRow+1, scoreRow+1), s.Build.ZoneHijau, s.Build.ZoneKuning); err != nil {
		return err
	}
	r += 2
	if err := g.put(1, r, txt(l.t("zones_12m"), st.bold)); err != nil {
		return err
	}
	h, ku, m, n := zoneCounts(s.League12)
	for i, z := range []struct {
		name string
		n    int
	}{{l.zoneLabel("hijau"), h}, {l.zoneLabel("kuning"), ku}, {l.zoneLabel("merah"), m}, {l.t("cmp_no_zone"), n}} {
		if err := g.row(r+1+i, txt(z.name, st.text), ival(int64(z.n), st.int)); err != nil {
			return err
		}
	}
	if err := b.zoneFormats(name, "", fmt.Sprintf("A%d:A%d", r+1, r+3), 0, 0); err != nil {
		return err
	}
	r += 6
	if err := g.put(1, r, txt(l.t("highlights"), st.bold)); err != nil {
		return err
	}
	for _, hl := range s.Highlights() {
		r++
		if err := g.put(1, r, txt(hl, st.note)); err != nil {
			return err
		}
	}
	if err := g.finish(); err != nil {
		return err
	}
	return b.freeze(name, headerRow, 1)
}

func (s *Scorecard) xlsxLeague(b *book) error {
	l := s.L
	name := l.t("sheet_league")
	if err := b.addSheet(name); err != nil {
		return err
	}
	g := b.grid(name)
	hdr := leagueHeader(l, s.Build, true)
	if s.Level == LevelParent {
		hdr = append(hdr, l.t("x_children"))
	}
	if err := g.header(1, hdr...); err != nil {
		return err
	}
	r := 1
	for _, set := range []struct {
		label string
		rows  []AgencyRow
	}{
		{l.tf("x_period_12m", s.windowStart(12).Format("2006-01"), s.Month.Format("2006-01")), s.League12},
		{l.tf("x_period_month", s.Month.Format("2006-01")), s.League1},
	} {
		for _, a := range set.rows {
			r++
			cells := append([]cell{txt(set.label, st(b).text)}, leagueCells(b, a)...)
			if s.Level == LevelParent {
				cells = append(cells, ival(a.Children, st(b).int))
			}
			if err := g.row(r, cells...); err != nil {
				return err
			}
		}
	}
	g.wrap[1] = 22
	if err := g.finish(); err != nil {
		return err
	}
	last := colName(len(hdr))
	if r > 1 {
		if err := b.zoneFormats(name, fmt.Sprintf("E2:E%d", r), fmt.Sprintf("F2:F%d", r), s.Build.ZoneHijau, s.Build.ZoneKuning); err != nil {
			return err
		}
	}
	if err := b.f.AutoFilter(name, fmt.Sprintf("A1:%s%d", last, max(r, 2)), nil); err != nil {
		return err
	}
	if err := b.f.SetRowHeight(name, 1, 42); err != nil {
		return err
	}
	return b.freeze(name, 1, 4)
}

func st(b *book) styles { return b.st }

func (s *Scorecard) xlsxTrend(b *book) error {
	l := s.L
	name := l.t("sheet_trend")
	if err := b.addSheet(name); err != nil {
		return err
	}
	g := b.grid(name)
	hdr := []string{
		l.t("x_month"), l.t("kpi_submitted"), l.t("s_received"), l.tf("s_ontime", s.Build.R), l.t("s_closed"),
		l.t("x_closed_ot_n"), l.tf("kpi_ontime", s.Build.R) + " (%)", l.t("kpi_resolved") + " (%)",
		l.t("x_median"), l.t("col_score"), l.t("col_zone"), l.t("kpi_open"), l.t("col_overdue"), l.t("x_maturing"), l.t("x_complete"),
	}
	if err := g.header(1, hdr...); err != nil {
		return err
	}
	rows := s.Trend
	stl := b.st
	for i, x := range rows {
		if err := g.row(i+2,
			dval(x.PeriodStart, stl.month), ival(x.Submitted, stl.int), ival(x.Received, stl.int), optI(x.RespondedOnTime, stl.int),
			ival(x.Closed, stl.int), ival(x.ClosedOnTime, stl.int), optF(x.OnTimeResponseRate, stl.pct), optF(x.CompletionRate, stl.pct),
			optF(x.ResponseWDMedian, stl.dec1), optF(x.Score, stl.dec1), b.zoneCell(x.Zone), ival(x.OpenEnd, stl.int),
			ival(x.OverdueEnd, stl.int), b.yesNo(x.Maturing), b.yesNo(!x.Complete),
		); err != nil {
			return err
		}
	}
	g.widths[1] = 11
	if err := g.finish(); err != nil {
		return err
	}
	n := len(rows) + 1
	if err := b.zoneFormats(name, fmt.Sprintf("J2:J%d", n), fmt.Sprintf("K2:K%d", n), s.Build.ZoneHijau, s.Build.ZoneKuning); err != nil {
		return err
	}
	if err := b.f.AutoFilter(name, fmt.Sprintf("A1:%s%d", colName(len(hdr)), max(n, 2)), nil); err != nil {
		return err
	}
	if err := b.f.SetRowHeight(name, 1, 42); err != nil {
		return err
	}
	if err := b.freeze(name, 1, 1); err != nil {
		return err
	}
	// The native chart: received, followed up on time and resolved per month.
	ref := sheetRef(name)
	cats := fmt.Sprintf("%s!$A$2:$A$%d", ref, n)
	var series []excelize.ChartSeries
	for i, col := range []string{"C", "D", "E"} {
		series = append(series, excelize.ChartSeries{
			Name:       fmt.Sprintf("%s!$%s$1", ref, col),
			Categories: cats,
			Values:     fmt.Sprintf("%s!$%s$2:$%s$%d", ref, col, col, n),
			Fill:       excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{[]string{"A9BCD9", "43A047", "1D3557"}[i]}},
		})
	}
	return b.f.AddChart(name, fmt.Sprintf("A%d", n+3), &excelize.Chart{
		Type:   excelize.Col,
		Series: series,
		Title:  excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: l.t("ch_trend")}}},
		Legend: excelize.ChartLegend{Position: "bottom"},
		// The month column holds dates: the axis shows them as months, not as Excel serials.
		XAxis:     excelize.ChartAxis{NumFmt: excelize.ChartNumFmt{CustomNumFmt: "mmm yyyy"}},
		Dimension: excelize.ChartDimension{Width: 880, Height: 340},
		Format:    excelize.GraphicOptions{OffsetX: 4, OffsetY: 4},
	})
}

// overdueSheetRows is how many complaints one sheet of the accountability list holds: an Excel
// sheet has 1,048,576 rows, one of them the head. A longer list goes on over numbered sheets.
var overdueSheetRows = 1048575

// xlsxOverdue streams the accountability list (a big regency's runs to millions of rows: one
// sheet per 1,048,575, each saying which part of the list it holds).
func (s *Scorecard) xlsxSignals(b *book) error {
	return writeSignalsSheets(b, s.Month, s.EarlyWarnings, s.Repeats)
}

func (s *Scorecard) xlsxOverdue(b *book) error {
	return writeOverdueSheets(b, s.Build, s.Overdue.rows)
}

func writeOverdueSheets(b *book, build Build, rows overdueRows) error {
	l := b.l
	parts := max(1, (rows.n+overdueSheetRows-1)/overdueSheetRows)
	for part := 0; part < parts; part++ {
		name := l.t("sheet_overdue")
		if parts > 1 {
			name = l.tf("sheet_overdue_n", part+1)
		}
		lo, hi := part*overdueSheetRows, min(rows.n, (part+1)*overdueSheetRows)
		note := ""
		if parts > 1 {
			note = l.tf("overdue_part_note", part+1, parts, l.int(int64(lo+1)), l.int(int64(hi)), l.int(int64(rows.n)))
			if part+1 < parts {
				note += " " + l.tf("overdue_part_next", l.tf("sheet_overdue_n", part+2))
			}
		}
		if err := writeOverdueSheet(b, build, name, fmt.Sprintf("Tunggakan%d", part+1), rows, lo, hi, note); err != nil {
			return err
		}
	}
	return nil
}

// writeOverdueSheet writes items lo to hi of the list on one sheet. The rows are read while the
// workbook is written (bigSheet): a list from the database streams from it then. The column
// widths are those of the whole list, on every sheet it runs over.
func writeOverdueSheet(b *book, build Build, name, table string, rows overdueRows, lo, hi int, note string) error {
	l := b.l
	if err := b.addSheet(name); err != nil {
		return err
	}
	sw, err := b.f.NewStreamWriter(name)
	if err != nil {
		return err
	}
	cu := shortUnit(l, build.CUnit)
	hdr := []string{l.t("col_agency"), l.t("col_tracking"), l.t("col_category"), l.t("col_title"), l.t("col_disposed"),
		l.t("col_age"), l.t("x_age_wd"), l.t("col_over_r"), l.tf("col_over_c", cu)}
	// At the parent level each complaint also names the child unit it was disposed to.
	units := rows.units
	if units {
		hdr = append(hdr, l.t("x_unit_child"))
	}
	// Column widths from the content (known before streaming: widths precede the rows).
	widths := make([]float64, len(hdr))
	for i, h := range hdr {
		widths[i] = min(float64(len(h))*0.8+2, 18)
	}
	for i, k := range []int{0, 1, 2, 3, 9} {
		if k < len(widths) {
			widths[k] = max(widths[k], rows.widths[i])
		}
	}
	widths[4] = 17
	for i, w := range widths {
		if err := sw.SetColWidth(i+1, i+1, math.Round(min(max(w, 8), 60)*10)/10); err != nil {
			return err
		}
	}
	if note != "" {
		if err := sw.SetColWidth(len(hdr)+1, len(hdr)+1, 70); err != nil {
			return err
		}
	}
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	row := make([]any, len(hdr), len(hdr)+1)
	for i, h := range hdr {
		row[i] = excelize.Cell{StyleID: b.st.header, Value: h}
	}
	if note != "" {
		row = append(row, excelize.Cell{StyleID: b.st.notice, Value: note})
	}
	if err := sw.SetRow("A1", row, excelize.RowOpts{Height: 32}); err != nil {
		return err
	}
	if b.titles == nil {
		b.titles = map[string]int{}
	}
	b.titles[name] = 1
	stl := b.st
	n := hi - lo
	if n == 0 {
		if err := sw.SetRow("A2", []any{excelize.Cell{StyleID: stl.note, Value: l.t("overdue_none")}}); err != nil {
			return err
		}
		return sw.Flush()
	}
	if err := sw.AddTable(&excelize.Table{
		Range: fmt.Sprintf("A1:%s%d", colName(len(hdr)), n+1), Name: table,
		StyleName: "TableStyleLight9", ShowRowStripes: boolPtr(true),
	}); err != nil {
		return err
	}
	if err := sw.Flush(); err != nil {
		return err
	}
	path, err := sheetPath(b.f, name)
	if err != nil {
		return err
	}
	conf := l.t("confidential")
	b.big = append(b.big, &bigSheet{path: path, textCols: fmt.Sprintf("B2:B%d", n+1), rows: func(w *bufio.Writer) error {
		rw := rowWriter{w: w}
		i := 0
		err := rows.each(lo, n, func(it OverdueItem) error {
			if i == n {
				return fmt.Errorf("xlsx: sheet %q: the accountability list has more than the %d items counted", name, rows.n)
			}
			title := it.Title
			if it.Confidential {
				title = conf
			}
			rw.start(i + 2)
			i++
			rw.text(0, stl.text, it.Agency)
			rw.text(1, stl.text, it.TrackingID)
			rw.text(2, stl.text, it.Category)
			rw.text(3, stl.text, title)
			rw.float(4, stl.dateTime, excelSerial(it.DisposedAt))
			rw.int(5, stl.int, it.AgeDays)
			rw.int(6, stl.int, it.AgeWD)
			if it.OverR != nil {
				rw.int(7, stl.int, *it.OverR)
			}
			if it.OverC != nil {
				rw.int(8, stl.int, *it.OverC)
			}
			if units && it.Unit != "" {
				rw.text(9, stl.text, it.Unit)
			}
			return rw.end()
		})
		if err == nil && i != n {
			err = fmt.Errorf("xlsx: sheet %q: %d items of the accountability list read, %d counted", name, i, n)
		}
		return err
	}})
	return nil
}

func (s *Scorecard) xlsxQuality(b *book) error {
	return writeQualitySheet(b, s.Quality, s.Ingest)
}

func (s *Scorecard) xlsxDefinitions(b *book) error {
	return writeDefinitionsSheet(b, s.Build, s.Holidays, s.holidayNote())
}

// kpiCell is a KPI's value as a number cell in its unit's format.
func kpiCell(b *book, x kpi, v *float64) cell {
	switch x.unit {
	case uCount:
		if v == nil {
			return cell{nil, b.st.int}
		}
		return ival(int64(*v), b.st.int)
	case uRate:
		return optF(v, b.st.pct)
	}
	return optF(v, b.st.dec1)
}

func kpiDeltaStyle(b *book, x kpi) int {
	switch x.unit {
	case uCount:
		return b.st.intDelta
	case uRate:
		return b.st.pctDelta
	}
	return b.st.dec1Delta
}

// writeKPIRows writes the KPIs of the catalogue from row r+1 on: label, the month, the previous
// month, the change, the 12 months, unit, the share it rests on; then the zone. It returns the
// last row written and the score's row.
func writeKPIRows(b *book, g *grid, r int, k kpiSet, list []kpi, cur RegencyRow, prev, r12 *RegencyRow) (int, int, error) {
	l, st := b.l, b.st
	scoreRow := 0
	for _, x := range list {
		r++
		c := kpiCell(b, x, x.value(cur))
		base := ""
		if x.base != nil && !(x.cohort && cur.Received == 0) { // an empty cohort rests on nothing
			base = x.base(cur)
		}
		row := []cell{txt(x.label, st.text), c, {nil, 0}, {nil, 0}, {nil, 0}, txt(k.unitText(x), st.text), txt(base, st.wrap)}
		if prev != nil {
			p := kpiCell(b, x, x.value(*prev))
			row[2] = p
			row[3] = diffCell(c, p, kpiDeltaStyle(b, x))
		}
		if r12 != nil {
			row[4] = kpiCell(b, x, x.value(*r12))
		}
		if err := g.row(r, row...); err != nil {
			return r, 0, err
		}
		if x.id == "kpi-score-month" {
			scoreRow = r
		}
	}
	r++
	zr := []cell{txt(l.t("col_zone"), st.text), b.zoneCell(cur.Zone), {nil, 0}, {nil, 0}, {nil, 0}}
	if prev != nil {
		zr[2] = b.zoneCell(prev.Zone)
	}
	if r12 != nil {
		zr[4] = b.zoneCell(r12.Zone)
	}
	return r, scoreRow, g.row(r, zr...)
}
