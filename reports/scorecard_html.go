package reports

import (
	"fmt"
	"html/template"
	"io"
	"strings"
)

// leagueRow is one agency of a league table, formatted.
type leagueRow struct {
	Agency     string
	Rank       string
	Move       string
	MoveClass  string
	Score      string
	Zone       string // hijau | kuning | merah | ""
	ZoneLabel  string
	Received   string
	OnTime     string
	Resolved   string
	ResolvedOT string
	Rating     string
	Median     string
	Open       string
	Overdue    string
	Small      bool
	Children   string // at the parent level, how many child units the row sums
	// Raw values for tests and for readers who inspect the page (data-* attributes).
	RawScore    string
	RawReceived int64
}

type leagueTable struct {
	Fair    string // why moves are not coloured ("" when they compare like with like)
	ID      string
	Period  string // month | rolling_12m (data-period)
	Heading string
	Intro   string
	Rows    []leagueRow
}

// overdueGroup is one agency's part of the accountability list: a table of its own, whose head
// (the agency and the column names) the printer repeats on every page it runs onto.
type overdueGroup struct {
	Agency string
	N      int
	Rows   []overdueRow
}

type overdueRow struct {
	Agency     string
	Unit       string // at the parent level, the child unit (when not the parent itself)
	TrackingID string
	Category   string
	Title      string
	Conf       bool
	Disposed   string
	Age        string
	OverR      string
	OverC      string
	FirstOfAg  bool
	AgencyN    int
}

// scorecardPage is what templates/scorecard.html renders.
type scorecardPage struct {
	Lang          string
	Title         string
	Level         string // the level line ("" at the agency level)
	Kicker        string
	Regency       string
	Period        string
	AsOf          string
	Sources       string
	BuildID       int64
	Generated     string
	Notices       []string
	Signals       *signalsBlock // early warnings and repeats (signals.go), at the top
	KPIHeading    string
	Tiles         []tile
	ZoneCounts    [4]int // hijau kuning merah unscored (12 months)
	Highlights    []string
	Leagues       []leagueTable
	LeagueNote    string
	OnTimeCol     string
	Trend         chart   // on the first page
	Charts        []chart // the charts section
	ChartsJS      template.JS
	ECharts       template.JS
	OverdueHead   string
	OverdueIntro  string
	OverdueNow    string // for a past month: the list is today's, not the month's
	OverdueSum    string
	OverdueCut    string
	OverdueAgency [][]OverdueAgency // in two columns
	Overdue       []overdueGroup
	OverCCol      string
	QualityIntro  string
	QualityIngest string
	Quality       []qualityRow
	Config        []kv
	ConfigHead    string
	Definitions   []defItem
	HolidaysHead  string
	Holidays      []holidayRow
	HolidaysNote  string
	Footer        string
	CSS           template.CSS
}

// tiles are the KPIs of page 1 (the catalogue's tiles) with their change against the previous
// month, led by the regency's 12-month score.
func (s *Scorecard) tiles() []tile {
	l := s.L
	k := newKPIs(l, s.Build)
	cur, prev := s.Current, s.Previous
	var ts []tile
	// The score leads with the rolling 12 months (a month of a small regency is a few complaints).
	if r12 := s.Roll12; r12 != nil {
		t := tile{ID: "kpi-score", Label: l.t("kpi_score"), Value: l.opt(r12.Score, 1), Zone: r12.ZoneName()}
		t.Sub = l.tf("kpi_score_sub", l.zoneLabel(r12.ZoneName()), l.month(s.Month), l.opt(cur.Score, 1), l.zoneLabel(cur.ZoneName()))
		if p := s.Roll12P; p != nil {
			t.Delta, t.Class = k.change(k.byID("kpi-score-month"), r12.Score, p.Score, !r12.Maturing && !p.Maturing)
			if t.Delta != "" {
				t.Delta += " · " + l.t("prev_window") + ": " + l.opt(p.Score, 1)
			}
		}
		ts = append(ts, t)
	}
	prevLabel := ""
	if prev != nil {
		prevLabel = l.monthShort(prev.PeriodStart)
	}
	for _, x := range k.list {
		if x.tile {
			ts = append(ts, k.tileOf(x, cur, prev, prevLabel))
		}
	}
	return ts
}

func (s *Scorecard) leagueRows(rows []AgencyRow, fair bool) []leagueRow {
	l := s.L
	var out []leagueRow
	for _, a := range rows {
		r := leagueRow{
			Agency:      a.Agency,
			Rank:        l.optInt(a.Rank),
			Score:       l.opt(a.Score, 1),
			Zone:        a.ZoneName(),
			ZoneLabel:   l.zoneLabel(a.ZoneName()),
			Received:    l.int(a.Received),
			OnTime:      l.pct(a.OnTimeResponseRate),
			Resolved:    l.pct(a.CompletionRate),
			ResolvedOT:  l.pct(a.OnTimeCompletionRate),
			Rating:      l.opt(a.RatingAvg, 1),
			Median:      l.opt(a.ResponseWDMedian, 1),
			Open:        l.int(a.OpenEnd),
			Overdue:     l.int(a.OverdueEnd),
			Small:       a.SmallSample,
			Children:    s.childrenLabel(a),
			RawReceived: a.Received,
		}
		if a.Score != nil {
			r.RawScore = fmt.Sprint(*a.Score)
		}
		switch {
		case a.Rank == nil:
			r.Move, r.MoveClass = "", ""
		case a.RankChange == nil:
			r.Move, r.MoveClass = l.t("new_entry"), "new"
		case *a.RankChange > 0:
			r.Move, r.MoveClass = fmt.Sprintf("▲%d", *a.RankChange), "up"
		case *a.RankChange < 0:
			r.Move, r.MoveClass = fmt.Sprintf("▼%d", -*a.RankChange), "down"
		default:
			r.Move, r.MoveClass = "=", "same"
		}
		// A move between a maturing and a finished period is shown, not coloured.
		if !fair && (r.MoveClass == "up" || r.MoveClass == "down") {
			r.MoveClass += " unfair"
		}
		out = append(out, r)
	}
	return out
}

// definitions are the spec's definitions with the build's configuration filled in.
func (s *Scorecard) definitions() []defItem { return definitions(s.L, s.Build) }

func (s *Scorecard) holidayNote() string { return holidayNote(s.L, s.Build) }

func (s *Scorecard) page() (*scorecardPage, error) {
	l := s.L
	js, err := echartsJS()
	if err != nil {
		return nil, err
	}
	cs := s.Charts()
	cjs, err := chartsJS(cs)
	if err != nil {
		return nil, err
	}
	css, err := templateFiles.ReadFile("templates/report.css")
	if err != nil {
		return nil, err
	}
	cu := s.cUnit()
	p := &scorecardPage{
		Lang:       l.code,
		Kicker:     l.t("kicker"),
		Regency:    regencyTitle(l, s.Regency),
		Period:     l.month(s.Month),
		AsOf:       l.dateTime(s.Build.AsOf),
		Sources:    l.sources(s.Build),
		BuildID:    s.Build.ID,
		Generated:  l.dateTime(s.Generated),
		KPIHeading: l.tf("kpi_heading", l.month(s.Month)),
		Tiles:      s.tiles(),
		Highlights: s.Highlights(),
		Signals:    s.signals(),
		OnTimeCol:  l.tf("col_ontime", s.Build.R),
		Trend:      cs[0],
		Charts:     cs[1:],
		ChartsJS:   cjs,
		ECharts:    template.JS(js),
		CSS:        template.CSS(pageCSS(l, css)),
		Footer:     l.t("page_footer_note"),
		Level:      l.levelLine(s.Level, true),
	}
	p.Title = l.t("doc_title") + " · " + p.Regency + " · " + p.Period
	var notice []string
	if !s.Current.Complete {
		notice = append(notice, l.tf("incomplete", l.dateTime(s.Build.AsOf)))
	}
	if s.Current.Maturing {
		notice = append(notice, l.tf("maturing", s.Build.C, s.cUnitAdj()))
	}
	if len(notice) > 0 {
		p.Notices = append(p.Notices, strings.Join(notice, " "))
	}
	p.Notices = append(p.Notices, s.Warnings()...)
	h, k, m, n := zoneCounts(s.League12)
	p.ZoneCounts = [4]int{h, k, m, n}

	p.Leagues = []leagueTable{
		{ID: "peringkat-12", Period: "rolling_12m", Heading: s.league12Heading(),
			Intro: l.t("league_12_intro"), Rows: s.leagueRows(s.League12, s.movesFair(true))},
		{ID: "peringkat-bulan", Period: "month", Heading: l.tf("league_1_heading", l.month(s.Month)),
			Intro: l.t("league_1_intro"), Rows: s.leagueRows(s.League1, s.movesFair(false))},
	}
	if !s.movesFair(true) || !s.movesFair(false) {
		p.Leagues[0].Fair = l.t("moves_unfair")
		p.Leagues[1].Fair = l.t("moves_unfair")
	}
	z := func(x float64) string { return l.num(x, 0) }
	p.LeagueNote = l.tf("league_note", l.dateShort(s.Current.StockAt), l.tf("small_mark", s.Build.MinSample), z(s.Build.ZoneHijau), z(s.Build.ZoneKuning))

	p.OverdueHead = l.tf("overdue_heading", l.dateShort(s.Current.StockAt))
	if s.OverdueAt == "now" && !s.Month.Equal(s.Build.AsOfMonth) {
		p.OverdueHead = l.tf("overdue_heading", l.dateShort(s.Build.AsOf))
		p.OverdueNow = l.tf("overdue_now_note", l.dateTime(s.Build.AsOf), l.month(s.Month))
	}
	if s.OverdueAt == "history" {
		p.OverdueNow = l.tf("overdue_history_note", l.month(s.Month))
	}
	p.OverdueIntro = l.tf("overdue_intro", s.Build.R, s.Build.C, cu)
	ov := s.Overdue
	if ov.N > 0 {
		p.OverdueSum = l.tf("overdue_summary", l.int(int64(ov.N)), l.int(int64(ov.C)), l.int(int64(ov.R)), s.Build.R)
	}
	half := (len(ov.Agencies) + 1) / 2
	p.OverdueAgency = [][]OverdueAgency{ov.Agencies[:half], ov.Agencies[half:]}
	p.OverCCol = l.tf("col_over_c", shortUnit(l, s.Build.CUnit))
	if len(ov.Shown) < ov.N {
		p.OverdueCut = l.tf("overdue_cut", l.int(int64(len(ov.Shown))), l.int(int64(ov.N)), l.t("sheet_overdue"))
	}
	counts := map[string]int{}
	for _, a := range ov.Agencies {
		counts[a.Agency] = a.N
	}
	prevAgency := "\x00"
	for _, it := range ov.Shown {
		r := s.overdueRow(it)
		r.FirstOfAg, r.AgencyN = it.Agency != prevAgency, counts[it.Agency]

		prevAgency = it.Agency
		if r.FirstOfAg {
			p.Overdue = append(p.Overdue, overdueGroup{Agency: it.Agency, N: counts[it.Agency]})
		}
		g := &p.Overdue[len(p.Overdue)-1]
		g.Rows = append(g.Rows, r)
	}

	p.QualityIntro = l.t("quality_intro")
	iq := s.Ingest
	p.QualityIngest = l.tf("quality_ingest", l.int(iq.Files), l.int(iq.Read), l.int(iq.Accepted), l.int(iq.Rejected))
	p.Quality = qualityRows(l, s.Quality)
	for i, r := range iq.Reasons {
		p.Quality = append(p.Quality, qualityRow{Label: l.checkLabel(r.Label), Count: l.int(r.N), Severity: l.t("sev_warning"), Nonzero: r.N > 0,
			Examples: strings.Join(iq.ReasonExamples[i], "; ")})
	}

	p.ConfigHead = l.tf("config_heading", s.Build.ID)
	p.Config = configRows(l, s.Build)
	p.Definitions = s.definitions()
	p.HolidaysHead = l.tf("holidays_heading", l.dateShort(s.HolidayFrom), l.dateShort(s.HolidayTo))
	p.Holidays = holidayRows(l, s.Holidays)
	p.HolidaysNote = s.holidayNote()
	return p, nil
}

// overdueRow formats one complaint of the accountability list.
func (s *Scorecard) overdueRow(it OverdueItem) overdueRow {
	l := s.L
	r := overdueRow{
		Agency: it.Agency, Unit: it.Unit, TrackingID: it.TrackingID, Category: it.Category, Title: it.Title, Conf: it.Confidential,
		Disposed: l.dateShort(it.DisposedAt), Age: l.int(it.AgeDays), OverR: l.optInt(it.OverR), OverC: l.optInt(it.OverC),
	}
	if r.Category == "" {
		r.Category = dash
	}
	return r
}

// league12Heading names the months the 12-month window really covers.
func (s *Scorecard) league12Heading() string {
	l := s.L
	from := s.windowStart(12)
	h := l.tf("league_12_heading", l.monthShort(from), l.monthShort(s.Month))
	if from.After(s.Month.AddDate(0, -11, 0)) {
		h += " " + l.tf("window_short", l.monthShort(s.First))
	}
	return h
}

// WriteHTML writes the scorecard as one self-contained HTML file.
func (s *Scorecard) WriteHTML(w io.Writer) error {
	p, err := s.page()
	if err != nil {
		return err
	}
	return execute(w, "scorecard.html", s.L, p)
}
