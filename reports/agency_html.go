package reports

import (
	"html/template"
	"io"
)

// agencyPage is what templates/agency.html renders.
type agencyPage struct {
	Lang, Title, Kicker, Agency, Regency, Period, AsOf, Generated, Footer string
	Sources                                                               string
	Level                                                                 string // the level line ("" at the agency level)
	Units                                                                 string // at the parent level, the units it sums
	BuildID                                                               int64
	Notices                                                               []string
	Signals                                                               *signalsBlock // its early warnings and repeats
	Tiles                                                                 []tile
	Rank                                                                  string
	Trend, Status                                                         chart
	ChartsJS                                                              template.JS
	ECharts                                                               template.JS
	CSS                                                                   template.CSS
	OverdueHead, OverdueIntro, OverdueNow, OverCCol                       string
	OverdueCut                                                            string // the page shows the oldest MaxHTMLItems; the workbook all
	Overdue                                                               []overdueGroup
	Definitions                                                           []defItem
}

// asRegencyRow lets an agency's row go through the KPI catalogue (its agency figures only).
func asRegencyRow(a AgencyRow) RegencyRow {
	return RegencyRow{Regency: a.Regency, Period: a.Period, PeriodStart: a.EndMonth, EndMonth: a.EndMonth, Metrics: a.Metrics}
}

func (a *AgencyRapor) tiles() []tile {
	s, l := a.S, a.S.L
	k := newKPIs(l, s.Build)
	var ts []tile
	t := tile{ID: "kpi-score", Label: l.t("kpi_score_agency"), Value: dash}
	if r := a.Roll12; r != nil {
		t.Value, t.Zone = l.opt(r.Score, 1), r.ZoneName()
		t.Sub = l.tf("agency_rank12", l.zoneLabel(r.ZoneName()), l.optInt(r.Rank), a.Peers12)
		if r.SmallSample {
			t.Marked = l.tf("small_mark", s.Build.MinSample)
		}
	}
	ts = append(ts, t)
	mt := tile{ID: "kpi-score-month", Label: l.tf("kpi_score_month", l.monthShort(s.Month)), Value: dash, Sub: l.t("agency_none_month")}
	if m := a.Month; m != nil {
		mt.Value, mt.Zone = l.opt(m.Score, 1), m.ZoneName()
		mt.Sub = l.tf("agency_rank1", l.zoneLabel(m.ZoneName()), l.optInt(m.Rank), a.PeersMonth)
		if !final(m.Metrics) {
			mt.Marked = l.t("maturing_mark")
		}
	}
	ts = append(ts, mt)

	cur, prev := a.rows()
	prevMonth := s.Month.AddDate(0, -1, 0)
	for _, id := range []string{"kpi-received", "kpi-ontime", "kpi-resolved", "kpi-median", "kpi-open", "kpi-overdue"} {
		ts = append(ts, k.tileOf(k.byID(id), cur, prev, l.monthShort(prevMonth)))
	}
	return ts
}

func (a *AgencyRapor) page() (*agencyPage, error) {
	s, l := a.S, a.S.L
	js, err := echartsJS()
	if err != nil {
		return nil, err
	}
	css, err := templateFiles.ReadFile("templates/report.css")
	if err != nil {
		return nil, err
	}
	var trend []RegencyRow
	for _, r := range a.Trend {
		trend = append(trend, asRegencyRow(r))
	}
	p := &agencyPage{
		Lang: l.code, Kicker: l.t("agency_kicker"), Agency: a.Agency, Regency: regencyTitle(l, s.Regency),
		Period: l.month(s.Month), AsOf: l.dateTime(s.Build.AsOf), Sources: l.sources(s.Build), Generated: l.dateTime(s.Generated), BuildID: s.Build.ID,
		Tiles: a.tiles(), Trend: s.trendChartOf("chart-agency-trend", trend), Status: s.statusChartOf("chart-agency-status", a.Agency),
		ECharts: template.JS(js), CSS: template.CSS(pageCSS(l, css)), Footer: l.t("page_footer_note"),
		OverCCol: l.tf("col_over_c", shortUnit(l, s.Build.CUnit)), Definitions: s.definitions(),
		Level: l.levelLine(s.Level, true),
		Units: a.unitsLine(),
	}
	p.Title = l.t("agency_kicker") + " · " + a.Agency + " · " + p.Period
	p.Signals = s.signalsFor(a.Agency)
	if len(trend) == 0 {
		p.Trend.Empty = l.t("ch_none")
	}
	p.Trend.Half, p.Status.Half = false, true
	if p.ChartsJS, err = chartsJS([]chart{p.Trend, p.Status}); err != nil {
		return nil, err
	}
	if !s.Current.Complete || s.Current.Maturing {
		p.Notices = append(p.Notices, l.tf("maturing", s.Build.C, s.cUnitAdj()))
	}
	p.OverdueHead = l.tf("agency_overdue_heading", l.dateShort(s.Current.StockAt))
	p.OverdueIntro = l.tf("overdue_intro", s.Build.R, s.Build.C, s.cUnit())
	if s.OverdueAt == "now" && !s.Month.Equal(s.Build.AsOfMonth) {
		p.OverdueHead = l.tf("agency_overdue_heading", l.dateShort(s.Build.AsOf))
		p.OverdueNow = l.tf("overdue_now_note", l.dateTime(s.Build.AsOf), l.month(s.Month))
	}
	if len(a.Overdue) > 0 {
		g := overdueGroup{Agency: a.Agency, N: len(a.Overdue)}
		// The list is oldest first; a big SKPD's page (36 MB for one agency of a two-million
		// regency) is capped as the regency's page is, its workbook keeping all of it.
		shown := a.Overdue
		if n := s.MaxHTMLItems; n > 0 && len(shown) > n {
			shown = shown[:n]
			p.OverdueCut = l.tf("agency_overdue_cut", l.int(int64(n)), l.int(int64(len(a.Overdue))), l.t("sheet_overdue"))
		}
		for _, it := range shown {
			g.Rows = append(g.Rows, s.overdueRow(it))
		}
		p.Overdue = []overdueGroup{g}
	}
	return p, nil
}

// WriteHTML writes the agency's page as one self-contained HTML file.
func (a *AgencyRapor) WriteHTML(w io.Writer) error {
	p, err := a.page()
	if err != nil {
		return err
	}
	return execute(w, "agency.html", a.S.L, p)
}
