package reports

import (
	"bufio"
	"embed"
	"fmt"
	"html/template"
	"io"
	"strings"

	"github.com/hsu-lapor/rapor/internal/regency"
)

//go:embed templates/*.html templates/*.css
var templateFiles embed.FS

var templates = template.Must(template.New("").Funcs(template.FuncMap{
	// Placeholders: each page binds its own language in a clone (see execute).
	"t":   func(string) string { return "" },
	"tf":  func(string, ...any) string { return "" },
	"add": func(a, b int) int { return a + b },
}).ParseFS(templateFiles, "templates/*.html"))

// execute runs a page template with the language's functions and the inlined ECharts.
func execute(w io.Writer, name string, l lang, data any) error {
	tpl, err := templates.Clone()
	if err != nil {
		return err
	}
	tpl.Funcs(template.FuncMap{"t": l.t, "tf": l.tf})
	bw := bufio.NewWriterSize(w, 1<<20)
	if err := tpl.ExecuteTemplate(bw, name, data); err != nil {
		return err
	}
	return bw.Flush()
}

// tile is one KPI of the head.
type tile struct {
	ID     string
	Label  string
	Value  string
	Unit   string
	Sub    string
	Delta  string // "▲ 3,2 poin" ...
	Class  string // good | bad | neutral | "" (no comparison)
	Zone   string // score tile: hijau | kuning | merah
	Marked string // maturing / small sample note on the value
}

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
	// Raw values for tests and for readers who inspect the page (data-* attributes).
	RawScore    string
	RawReceived int64
}

type leagueTable struct {
	ID      string
	Period  string // month | rolling_12m (data-period)
	Heading string
	Intro   string
	Rows    []leagueRow
}

type overdueRow struct {
	Agency     string
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

type kv struct{ K, V string }

type defItem struct{ Term, Text string }

type holidayRow struct{ Date, Weekday, Name, Kind string }

type qualityRow struct {
	Label, Count, Examples, Severity string
	Nonzero                          bool
}

// scorecardPage is what templates/scorecard.html renders.
type scorecardPage struct {
	Lang          string
	Title         string
	Kicker        string
	Regency       string
	Period        string
	AsOf          string
	BuildID       int64
	Generated     string
	Notices       []string
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
	OverdueAgency [][]overdueAgency // in two columns
	Overdue       []overdueRow
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

// regencyTitle is the regency's name with its kind: "Kabupaten X" / "Kota X" (regency.Title).
func regencyTitle(l lang, name string) string {
	return regency.Title(name, l.code == "en")
}

// delta formats the change of a value against the previous period: "▲ 3,2 poin" and a class
// saying whether the change is good news (higherIsBetter nil: neither).
func delta(l lang, cur, prev *float64, scale float64, decimals int, unit string, higherIsBetter *bool) (string, string) {
	if cur == nil || prev == nil {
		return "", ""
	}
	r := roundTo((*cur-*prev)*scale, decimals)
	if r == 0 {
		return "= " + l.num(0, decimals) + unit, "neutral"
	}
	arrow := "▲"
	if r < 0 {
		arrow = "▼"
	}
	class := "neutral"
	if higherIsBetter != nil {
		if (r > 0) == *higherIsBetter {
			class = "good"
		} else {
			class = "bad"
		}
	}
	return arrow + " " + l.num(abs(r), decimals) + unit, class
}

func abs(x float64) float64 {
	if x < 0 {
		return -x
	}
	return x
}

func f64(n int64) *float64 { x := float64(n); return &x }

var higher, lower = true, false

// kpiDef describes one KPI tile.
type kpiDef struct {
	id, label, unit string
	value           func(RegencyRow) *float64
	format          func(*float64) string
	scale           float64 // of the change (100 for rates: percentage points)
	decimals        int
	deltaUnit       string
	better          *bool
	sub             func(RegencyRow) string
	// immature: the value of a month that is not over or still maturing is not comparable with a
	// finished month's, so its change is shown without good/bad colour.
	immature bool
}

// tiles are the KPIs of the month with their change against the previous month.
func (s *Scorecard) tiles() []tile {
	l := s.L
	cur, prev := s.Current, s.Previous
	pp := " " + l.t("pp")
	cu := s.cUnit()
	pct := func(x *float64) string { return l.pct(x) }
	dec1 := func(x *float64) string { return l.opt(x, 1) }
	count := func(x *float64) string {
		if x == nil {
			return dash
		}
		return l.int(int64(*x))
	}
	defs := []kpiDef{
		{id: "kpi-submitted", label: l.t("kpi_submitted"), value: func(r RegencyRow) *float64 { return f64(r.Submitted) }, format: count,
			scale: 1, sub: func(r RegencyRow) string { return l.tf("kpi_submitted_sub", l.int(r.Received)) }},
		{id: "kpi-ontime", label: l.tf("kpi_ontime", s.Build.R), unit: "%", value: func(r RegencyRow) *float64 { return r.OnTimeResponseRate },
			format: pct, scale: 100, decimals: 1, deltaUnit: pp, better: &higher, immature: true,
			sub: func(r RegencyRow) string {
				if r.OnTimeResponseRate == nil {
					return l.t("not_available")
				}
				return l.tf("kpi_ontime_sub", l.optInt(r.RespondedOnTime), l.int(r.ResponseBase))
			}},
		{id: "kpi-resolved", label: l.t("kpi_resolved"), unit: "%", value: func(r RegencyRow) *float64 { return r.CompletionRate },
			format: pct, scale: 100, decimals: 1, deltaUnit: pp, better: &higher, immature: true,
			sub: func(r RegencyRow) string {
				return l.tf("kpi_resolved_sub", l.int(r.Closed), l.int(r.Received), l.int(r.ClosedOnTime), s.Build.C, cu)
			}},
		{id: "kpi-median", label: l.t("kpi_median"), value: func(r RegencyRow) *float64 { return r.ResponseWDMedian }, format: dec1,
			scale: 1, decimals: 1, better: &lower, immature: true,
			sub: func(r RegencyRow) string {
				if r.ResponseWDMedian == nil {
					return l.t("not_available")
				}
				return l.tf("kpi_median_sub", l.opt(r.ResponseWDP90, 1))
			}},
		{id: "kpi-open", label: l.t("kpi_open"), value: func(r RegencyRow) *float64 { return f64(r.OpenEnd) }, format: count,
			scale: 1, better: &lower, sub: func(r RegencyRow) string { return l.tf("kpi_open_sub", l.dateShort(r.StockAt)) }},
		{id: "kpi-overdue", label: l.tf("kpi_overdue", s.Build.C, s.cUnitAdj()), value: func(r RegencyRow) *float64 { return f64(r.OverdueEnd) },
			format: count, scale: 1, better: &lower,
			sub: func(r RegencyRow) string {
				if r.UnansweredOverdueEnd == nil {
					return ""
				}
				return l.tf("kpi_overdue_sub", l.int(*r.UnansweredOverdueEnd), s.Build.R)
			}},
	}
	notFinal := cur.Maturing || !cur.Complete
	var ts []tile
	// The score leads with the rolling 12 months (a month of a small regency is a few complaints).
	if r12 := s.Roll12; r12 != nil {
		t := tile{ID: "kpi-score", Label: l.t("kpi_score"), Value: l.opt(r12.Score, 1), Zone: r12.ZoneName()}
		t.Sub = l.tf("kpi_score_sub", l.zoneLabel(r12.ZoneName()), l.month(s.Month), l.opt(cur.Score, 1), l.zoneLabel(cur.ZoneName()))
		if p := s.Roll12P; p != nil {
			t.Delta, t.Class = delta(l, r12.Score, p.Score, 1, 1, "", &higher)
			if t.Delta != "" {
				t.Delta += " · " + l.t("prev_window") + ": " + l.opt(p.Score, 1)
			}
		}
		ts = append(ts, t)
	}
	for _, d := range defs {
		v := d.value(cur)
		t := tile{ID: d.id, Label: d.label, Value: d.format(v), Sub: d.sub(cur)}
		if v != nil && d.unit != "" {
			t.Value = strings.TrimSuffix(t.Value, d.unit)
			t.Unit = d.unit
		}
		if d.id == "kpi-score" {
			t.Zone = cur.ZoneName()
		}
		if d.immature && notFinal {
			t.Marked = l.t("maturing_mark")
		}
		if prev != nil {
			pv := d.value(*prev)
			t.Delta, t.Class = delta(l, v, pv, d.scale, d.decimals, d.deltaUnit, d.better)
			if t.Delta != "" {
				t.Delta += " · " + l.monthShort(prev.PeriodStart) + ": " + d.format(pv)
				if d.immature && notFinal {
					t.Class = "neutral"
				}
			}
		}
		ts = append(ts, t)
	}
	return ts
}

func (s *Scorecard) leagueRows(rows []AgencyRow) []leagueRow {
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
		out = append(out, r)
	}
	return out
}

// definitions are the spec's definitions with the build's configuration filled in.
func (s *Scorecard) definitions() []defItem { return definitions(s.L, s.Build) }

func definitions(l lang, b Build) []defItem {
	cu := l.t("days")
	if b.CUnit == "working" {
		cu = l.t("wdays")
	}
	w := func(x float64) string { return l.num(x, 2) }
	z := func(x float64) string { return l.num(x, 0) }
	items := []struct {
		key  string
		args []any
	}{
		{"def_time", []any{b.Timezone}},
		{"def_cohort", nil},
		{"def_received", nil},
		{"def_ontime", []any{b.R, b.R}},
		{"def_resolved", []any{b.C, cu}},
		{"def_median", nil},
		{"def_rating", nil},
		{"def_open", []any{b.C, cu, b.R}},
		{"def_score", []any{w(b.WResponse), w(b.WCompletion), w(b.WOnTimeComplete), w(b.WSatisfaction)}},
		{"def_zone", []any{z(b.ZoneHijau), z(b.ZoneKuning), z(b.ZoneKuning)}},
		{"def_rank", []any{b.MinSample}},
		{"def_small", []any{b.MinSample}},
		{"def_maturing", []any{b.C, cu}},
		{"def_regency", []any{b.V}},
		{"def_invalid", nil},
		{"def_asof", nil},
	}
	var out []defItem
	for _, it := range items {
		out = append(out, defItem{Term: l.t(it.key + "_t"), Text: l.tf(it.key, it.args...)})
	}
	return out
}

// configRows is the configuration in force at the build.
func configRows(l lang, b Build) []kv {
	cu := l.t("days")
	if b.CUnit == "working" {
		cu = l.t("wdays")
	}
	w := func(x float64) string { return l.num(x, 2) }
	z := func(x float64) string { return l.num(x, 0) }
	master := l.t("cfg_master_0")
	if b.MasterAgencies > 0 {
		master = l.tf("cfg_master_v", b.MasterAgencies)
	}
	return []kv{
		{l.t("cfg_asof"), l.dateTime(b.AsOf)},
		{l.t("cfg_timezone"), b.Timezone},
		{l.t("cfg_v"), fmt.Sprintf("%d %s", b.V, l.t("wdays"))},
		{l.t("cfg_r"), fmt.Sprintf("%d %s", b.R, l.t("wdays"))},
		{l.t("cfg_c"), fmt.Sprintf("%d %s", b.C, cu)},
		{l.t("cfg_weights"), l.tf("cfg_weights_v", w(b.WResponse), w(b.WCompletion), w(b.WOnTimeComplete), w(b.WSatisfaction))},
		{l.t("cfg_zones"), l.tf("cfg_zones_v", z(b.ZoneHijau), z(b.ZoneKuning), z(b.ZoneKuning))},
		{l.t("cfg_min"), fmt.Sprint(b.MinSample)},
		{l.t("cfg_master"), master},
		{l.t("cfg_version"), "rapor " + b.RaporVersion + " · " + b.DuckDBVersion},
	}
}

func (s *Scorecard) holidayNote() string { return holidayNote(s.L, s.Build) }

func holidayNote(l lang, b Build) string {
	note := l.t("holidays_source")
	if b.HolidaysFile != "" {
		if b.HolidaysReplace {
			note = l.tf("holidays_only_file", b.HolidaysFile)
		} else {
			note += " " + l.tf("holidays_file", b.HolidaysFile)
		}
	}
	return note
}

func holidayRows(l lang, hs []Holiday) []holidayRow {
	var out []holidayRow
	for _, h := range hs {
		kind := h.Kind
		if _, ok := texts["kind_"+kind]; ok {
			kind = l.t("kind_" + kind)
		}
		out = append(out, holidayRow{Date: l.dateShort(h.Date), Weekday: l.weekday(h.Date), Name: h.Name, Kind: kind})
	}
	return out
}

func qualityRows(l lang, checks []QualityCheck) []qualityRow {
	var out []qualityRow
	for _, c := range checks {
		r := qualityRow{Label: l.checkLabel(c.Check), Severity: l.t("sev_" + c.Severity), Examples: strings.Join(c.Examples, ", ")}
		if c.Count == nil {
			r.Count = l.t("not_checked")
		} else {
			r.Count = l.int(*c.Count)
			r.Nonzero = *c.Count > 0
		}
		out = append(out, r)
	}
	return out
}

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
		BuildID:    s.Build.ID,
		Generated:  l.dateTime(s.Generated),
		KPIHeading: l.tf("kpi_heading", l.month(s.Month)),
		Tiles:      s.tiles(),
		Highlights: s.Highlights(),
		OnTimeCol:  l.tf("col_ontime", s.Build.R),
		Trend:      cs[0],
		Charts:     cs[1:],
		ChartsJS:   cjs,
		ECharts:    template.JS(js),
		CSS:        template.CSS(css),
		Footer:     l.t("page_footer_note"),
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

	from := s.Month.AddDate(0, -11, 0)
	p.Leagues = []leagueTable{
		{ID: "peringkat-12", Period: "rolling_12m", Heading: l.tf("league_12_heading", l.monthShort(from), l.monthShort(s.Month)),
			Intro: l.t("league_12_intro"), Rows: s.leagueRows(s.League12)},
		{ID: "peringkat-bulan", Period: "month", Heading: l.tf("league_1_heading", l.month(s.Month)),
			Intro: l.t("league_1_intro"), Rows: s.leagueRows(s.League1)},
	}
	z := func(x float64) string { return l.num(x, 0) }
	p.LeagueNote = l.tf("league_note", l.dateShort(s.Current.StockAt), l.tf("small_mark", s.Build.MinSample), z(s.Build.ZoneHijau), z(s.Build.ZoneKuning))

	p.OverdueHead = l.tf("overdue_heading", l.dateShort(s.Build.AsOf))
	if !s.Month.Equal(s.Build.AsOfMonth) {
		p.OverdueNow = l.tf("overdue_now_note", l.dateTime(s.Build.AsOf), l.month(s.Month))
	}
	p.OverdueIntro = l.tf("overdue_intro", s.Build.R, s.Build.C, cu)
	n0, nc, nr := s.overdueCounts()
	if n0 > 0 {
		p.OverdueSum = l.tf("overdue_summary", l.int(int64(n0)), l.int(int64(nc)), l.int(int64(nr)), s.Build.R)
	}
	oa := s.overdueByAgency()
	half := (len(oa) + 1) / 2
	p.OverdueAgency = [][]overdueAgency{oa[:half], oa[half:]}
	p.OverCCol = l.tf("col_over_c", shortUnit(l, s.Build.CUnit))
	items := s.Overdue
	if len(items) > s.MaxHTMLItems {
		items = capPerAgency(items, s.MaxHTMLItems)
		p.OverdueCut = l.tf("overdue_cut", l.int(int64(len(items))), l.int(int64(len(s.Overdue))), l.t("sheet_overdue"))
	}
	counts := map[string]int{}
	for _, it := range s.Overdue {
		counts[it.Agency]++
	}
	prevAgency := "\x00"
	for _, it := range items {
		r := overdueRow{
			Agency: it.Agency, TrackingID: it.TrackingID, Category: it.Category, Title: it.Title, Conf: it.Confidential,
			Disposed: l.dateShort(it.DisposedAt), Age: l.int(it.AgeDays), OverR: l.optInt(it.OverR), OverC: l.optInt(it.OverC),
			FirstOfAg: it.Agency != prevAgency, AgencyN: counts[it.Agency],
		}
		if r.Category == "" {
			r.Category = dash
		}
		prevAgency = it.Agency
		p.Overdue = append(p.Overdue, r)
	}

	p.QualityIntro = l.t("quality_intro")
	iq := s.Ingest
	p.QualityIngest = l.tf("quality_ingest", l.int(iq.Files), l.int(iq.Read), l.int(iq.Accepted), l.int(iq.Rejected))
	p.Quality = qualityRows(l, s.Quality)
	for _, r := range iq.Reasons {
		p.Quality = append(p.Quality, qualityRow{Label: l.checkLabel(r.Label), Count: l.int(r.N), Severity: l.t("sev_warning"), Nonzero: r.N > 0})
	}

	p.ConfigHead = l.tf("config_heading", s.Build.ID)
	p.Config = configRows(l, s.Build)
	p.Definitions = s.definitions()
	p.HolidaysHead = l.tf("holidays_heading", l.dateShort(s.HolidayFrom), l.dateShort(s.HolidayTo))
	p.Holidays = holidayRows(l, s.Holidays)
	p.HolidaysNote = s.holidayNote()
	return p, nil
}

func shortUnit(l lang, unit string) string {
	if unit == "working" {
		return l.t("wd_abbr")
	}
	return l.t("days")
}

// capPerAgency keeps the oldest items of every agency, in list order, up to n in all, sharing the
// room so that no agency disappears from the page.
func capPerAgency(items []OverdueItem, n int) []OverdueItem {
	per := map[string]int{}
	var order []string
	for _, it := range items {
		if per[it.Agency] == 0 {
			order = append(order, it.Agency)
		}
		per[it.Agency]++
	}
	quota := map[string]int{}
	left := n
	for left > 0 {
		progress := false
		for _, a := range order {
			if left == 0 {
				break
			}
			if quota[a] < per[a] {
				quota[a]++
				left--
				progress = true
			}
		}
		if !progress {
			break
		}
	}
	var out []OverdueItem
	taken := map[string]int{}
	for _, it := range items {
		if taken[it.Agency] < quota[it.Agency] {
			taken[it.Agency]++
			out = append(out, it)
		}
	}
	return out
}

// WriteHTML writes the scorecard as one self-contained HTML file.
func (s *Scorecard) WriteHTML(w io.Writer) error {
	p, err := s.page()
	if err != nil {
		return err
	}
	return execute(w, "scorecard.html", s.L, p)
}
