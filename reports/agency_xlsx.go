package reports

import (
	"fmt"
	"io"

	"github.com/xuri/excelize/v2"
)

// WriteXLSX writes the agency's workbook: its indicators (the catalogue's agency figures: the
// month, the month before, the change, the 12 months) and its own accountability list, for the
// kepala dinas to work through.
func (a *AgencyRapor) WriteXLSX(w io.Writer) error {
	s, l := a.S, a.S.L
	b, err := newBook(l)
	if err != nil {
		return err
	}
	defer b.f.Close()
	title := l.t("agency_kicker") + " · " + a.Agency + " · " + l.month(s.Month)
	if err := b.f.SetDocProps(&excelize.DocProperties{Title: title, Creator: "rapor", Description: l.t("as_of") + " " + l.dateTime(s.Build.AsOf)}); err != nil {
		return err
	}
	name := l.t("sheet_summary")
	if err := b.addSheet(name); err != nil {
		return err
	}
	g := b.grid(name)
	lines := []string{title, regencyTitle(l, s.Regency) + " · " + l.t("as_of") + " " + l.dateTime(s.Build.AsOf) + " · " + l.t("build") + " " + fmt.Sprint(s.Build.ID)}
	if src := l.sources(s.Build); src != "" {
		lines = append(lines, src)
	}
	if lv := l.levelLine(s.Level, true); lv != "" {
		lines = append(lines, lv)
		if u := a.unitsLine(); u != "" {
			lines = append(lines, u)
		}
	}
	if r := a.Roll12; r != nil {
		lines = append(lines, l.tf("agency_rank12", l.zoneLabel(r.ZoneName()), l.optInt(r.Rank), a.Peers12)+" ("+l.t("kpi_score_agency")+")")
	}
	if !final(s.Current.Metrics) {
		lines = append(lines, l.tf("maturing", s.Build.C, s.cUnitAdj()))
	}
	r, err := headBlock(g, lines...)
	if err != nil {
		return err
	}
	cur, prev := a.rows()
	prevLabel := l.month(s.Month.AddDate(0, -1, 0))
	roll := dash
	var r12 *RegencyRow
	if a.Roll12 != nil {
		roll = l.tf("x_roll12", s.windowStart(12).Format("2006-01")+".."+s.MonthLabel())
		x := asRegencyRow(*a.Roll12)
		r12 = &x
	}
	headerRow := r
	if err := g.header(r, l.t("x_indicator"), l.month(s.Month), prevLabel, l.t("x_change"), roll, l.t("x_unit"), l.t("x_base")); err != nil {
		return err
	}
	k := newKPIs(l, s.Build)
	var list []kpi
	for _, x := range k.list {
		if !x.regency {
			list = append(list, x)
		}
	}
	last, scoreRow, err := writeKPIRows(b, g, r, k, list, cur, prev, r12)
	if err != nil {
		return err
	}
	g.wrap[7] = 48
	if err := g.finish(); err != nil {
		return err
	}
	if err := b.zoneFormats(name, fmt.Sprintf("B%d:C%d E%d", scoreRow, scoreRow, scoreRow),
		fmt.Sprintf("B%d:C%d E%d", last, last, last), s.Build.ZoneHijau, s.Build.ZoneKuning); err != nil {
		return err
	}
	if err := b.freeze(name, headerRow, 1); err != nil {
		return err
	}
	ws, rs := a.signals()
	if err := writeSignalsSheets(b, s.Month, ws, rs); err != nil {
		return err
	}
	if err := writeOverdueSheets(b, s.Build, sliceRows(a.Overdue)); err != nil {
		return err
	}
	b.f.SetActiveSheet(0)
	return b.writeTo(w)
}

// rows are the agency's month and the month before as rows of the KPI catalogue (the stock from
// the 12-month row when it received nothing in the month).
func (a *AgencyRapor) rows() (RegencyRow, *RegencyRow) {
	s := a.S
	cur := RegencyRow{PeriodStart: s.Month, Metrics: Metrics{StockAt: s.Current.StockAt, Complete: s.Current.Complete, Maturing: s.Current.Maturing}}
	if a.Month != nil {
		cur = asRegencyRow(*a.Month)
	} else if a.Roll12 != nil {
		cur.OpenEnd, cur.OverdueEnd, cur.UnansweredOverdueEnd = a.Roll12.OpenEnd, a.Roll12.OverdueEnd, a.Roll12.UnansweredOverdueEnd
	}
	var prev *RegencyRow
	prevMonth := s.Month.AddDate(0, -1, 0)
	for _, r := range a.Trend {
		if r.EndMonth.Equal(prevMonth) {
			p := asRegencyRow(r)
			prev = &p
		}
	}
	return cur, prev
}
