package reports

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/hsu-lapor/rapor/store"
)

// Options of the monthly scorecard.
type Options struct {
	Month   string // YYYY-MM
	OutDir  string // default "."
	Lang    string // id (default) | en
	Regency string // required when the database holds several regencies
	// Now is the generation time printed on the report (default time.Now()).
	Now time.Time
	// MaxHTMLOverdue caps the accountability list in the HTML (the XLSX always has all of it).
	// 0 means 1000.
	MaxHTMLOverdue int
	// Level is the units the tables and lists are read at: LevelAgency ("", the SKPD) or
	// LevelParent (parent units: UPTs summed into their Dinas; level.go).
	Level string
}

// Scorecard is everything the monthly report shows, read from the metric tables of one build.
type Scorecard struct {
	L         lang
	Build     Build
	Regency   string
	Month     time.Time // first day
	Generated time.Time

	Current  RegencyRow  // regency_month of the month
	Previous *RegencyRow // regency_month of the month before (nil before the first month)
	Trend    []RegencyRow
	Roll12   *RegencyRow // regency_period rolling_12m ending at the month
	Roll12P  *RegencyRow // the window ending a month earlier

	First     time.Time // the regency's first month with data
	OverdueAt string    // "history": the list is the state at the month's end; "now": at as_of only

	League12 []AgencyRow // agency_period rolling_12m ending at the month
	League1  []AgencyRow // agency_month of the month
	Agencies []AgencyRow // agency_month of the 12 months ending at the month (each agency's trend)

	Backlog      []BacklogRow // open at as_of
	Categories   []Count
	Channels     []Count
	Areas        []Count
	Response     ResponseHist
	Status       []StatusCount // the month's cohorts by current status
	Overdue      OverdueList   // open at the month's end (OverdueAt) and past a service level
	Quality      []QualityCheck
	Ingest       IngestQuality
	Holidays     []Holiday
	names        map[string]string // every spelling of an agency, folded -> the agency shown
	HolidayFrom  time.Time
	HolidayTo    time.Time
	StaleFiles   int64
	MaxHTMLItems int
	// EarlyWarnings and Repeats are the month's signals (signals.go): shown at the top.
	EarlyWarnings []EarlyWarning
	Repeats       []RepeatItem
	// Level is LevelAgency or LevelParent (level.go); parents is the hierarchy at the parent level.
	Level   string
	parents parents
}

// LoadScorecard reads the monthly scorecard of one regency from the metric tables.
func LoadScorecard(ctx context.Context, db *store.DB, o Options) (*Scorecard, error) {
	l := newLang(o.Lang)
	month, err := parseMonth(l, o.Month)
	if err != nil {
		return nil, err
	}
	level, err := checkLevel(l, o.Level)
	if err != nil {
		return nil, err
	}
	tx, done, err := readConn(ctx, db)
	if err != nil {
		return nil, err
	}
	defer done()

	b, err := loadBuild(ctx, tx)
	if err != nil {
		return nil, err
	}
	all, err := regencies(ctx, tx)
	if err != nil {
		return nil, err
	}
	picked, err := pickRegencies(all, o.Regency)
	if err != nil {
		return nil, err
	}
	if len(picked) > 1 {
		return nil, &RegencyError{Have: picked}
	}
	s := &Scorecard{L: l, Build: b, Regency: picked[0], Month: month, Generated: o.Now, MaxHTMLItems: o.MaxHTMLOverdue, Level: level}
	if s.Generated.IsZero() {
		s.Generated = time.Now()
	}
	s.Generated = s.Generated.In(b.Loc)
	if s.MaxHTMLItems <= 0 {
		s.MaxHTMLItems = 1000
	}
	if month.After(b.AsOfMonth) {
		return nil, errors.New(l.tf("err_after_asof", l.month(month), l.dateTime(b.AsOf), l.month(b.AsOfMonth)))
	}

	// The trend: up to 12 months ending at the month.
	trend, err := loadRegencyMonths(ctx, tx, b.Loc, s.Regency, month.AddDate(0, -11, 0), month)
	if err != nil {
		return nil, err
	}
	if len(trend) == 0 || !trend[len(trend)-1].PeriodStart.Equal(month) {
		first, err := firstMonth(ctx, tx, s.Regency)
		if err != nil {
			return nil, err
		}
		return nil, errors.New(l.tf("err_before_data", l.month(month), s.Regency, l.month(first)))
	}
	s.Trend = trend
	s.Current = trend[len(trend)-1]
	if s.First, err = firstMonth(ctx, tx, s.Regency); err != nil {
		return nil, err
	}
	if len(trend) > 1 {
		p := trend[len(trend)-2]
		s.Previous = &p
	}
	rp, err := loadRegencyPeriods(ctx, tx, b.Loc, s.Regency, "rolling_12m", month.AddDate(0, -1, 0), month)
	if err != nil {
		return nil, err
	}
	for i := range rp {
		if rp[i].EndMonth.Equal(month) {
			s.Roll12 = &rp[i]
		} else {
			s.Roll12P = &rp[i]
		}
	}
	if s.League12, err = loadAgencyPeriods(ctx, tx, b.Loc, level, s.Regency, "rolling_12m", month, month); err != nil {
		return nil, err
	}
	if s.Agencies, err = loadAgencyMonths(ctx, tx, b.Loc, level, s.Regency, month.AddDate(0, -11, 0), month); err != nil {
		return nil, err
	}
	for _, a := range s.Agencies {
		if a.EndMonth.Equal(month) {
			s.League1 = append(s.League1, a)
		}
	}
	if s.names, err = loadAgencyNames(ctx, tx, s.Regency); err != nil {
		return nil, err
	}

	// The accountability list is the state at the month's end: for as_of's month the open
	// complaints of today; for a past month rebuilt from the history, when the build keeps it.
	s.OverdueAt = "now"
	var at *time.Time
	if !month.Equal(b.AsOfMonth) {
		ok, err := hasHistory(ctx, tx)
		if err != nil {
			return nil, err
		}
		if ok {
			s.OverdueAt = "history"
			at = &s.Current.StockAt
		}
	}
	if s.Overdue, err = loadOverdueList(ctx, l, tx, db, b, s.Regency, level, at, s.MaxHTMLItems); err != nil {
		return nil, err
	}
	// The open complaints by age: at the month's end, as the list.
	if s.OverdueAt == "history" {
		s.Backlog, err = loadBacklogAt(ctx, tx, s.Regency, s.Current.StockAt, b.Loc)
	} else {
		s.Backlog, err = loadBacklog(ctx, tx, s.Regency)
	}
	if err != nil {
		return nil, err
	}
	if s.Categories, err = loadBreakdown(ctx, tx, b.Loc, s.Regency, month, "category", 10); err != nil {
		return nil, err
	}
	if s.Channels, err = loadBreakdown(ctx, tx, b.Loc, s.Regency, month, "channel", 6); err != nil {
		return nil, err
	}
	if s.Areas, err = loadBreakdown(ctx, tx, b.Loc, s.Regency, month, "area", 10); err != nil {
		return nil, err
	}
	if s.Response, err = loadResponseHist(ctx, tx, b, s.Regency, month); err != nil {
		return nil, err
	}
	if s.Status, err = loadStatusMix(ctx, tx, b, s.Regency, month); err != nil {
		return nil, err
	}
	if s.Quality, s.Ingest, err = loadQuality(ctx, tx, s.Regency); err != nil {
		return nil, err
	}
	s.HolidayFrom = month.AddDate(0, -11, 0)
	s.HolidayTo = month.AddDate(0, 1, -1)
	if s.Holidays, err = loadHolidays(ctx, tx, s.HolidayFrom, s.HolidayTo); err != nil {
		return nil, err
	}
	if s.StaleFiles, err = staleWarning(ctx, tx, b); err != nil {
		return nil, err
	}
	if err := s.loadSignals(ctx, tx); err != nil {
		return nil, err
	}
	if err := s.applyLevel(ctx, tx); err != nil {
		return nil, err
	}
	return s, nil
}

func firstMonth(ctx context.Context, q querier, regency string) (time.Time, error) {
	var t time.Time
	err := q.QueryRowContext(ctx, `SELECT min(month) FROM regency_month WHERE regency = ?`, regency).Scan(&t)
	return dateOnly(t), err
}

// final says whether a period's figures are final: over and past the completion limit.
func final(m Metrics) bool { return m.Complete && !m.Maturing }

// windowStart is the first month a window ending at the month really covers: its nominal start,
// or the regency's first month with data when that is later.
func (s *Scorecard) windowStart(months int) time.Time {
	from := s.Month.AddDate(0, -(months - 1), 0)
	if s.First.After(from) {
		return s.First
	}
	return from
}

// movesFair says whether rank changes of the rows compare like with like: a period still
// maturing (or not over) is never compared with a finished one.
func (s *Scorecard) movesFair(rolling bool) bool {
	if rolling {
		return s.Roll12 != nil && final(s.Roll12.Metrics) && s.Roll12P != nil && final(s.Roll12P.Metrics)
	}
	return final(s.Current.Metrics) && s.Previous != nil && final(s.Previous.Metrics)
}

// Warnings are the notes the command prints besides writing the files.
func (s *Scorecard) Warnings() []string {
	var w []string
	if s.StaleFiles > 0 {
		w = append(w, s.L.tf("stale", s.StaleFiles))
	}
	return w
}

// cUnit is C's unit in words.
func (s *Scorecard) cUnit() string {
	if s.Build.CUnit == "working" {
		return s.L.t("wdays")
	}
	return s.L.t("days")
}

// cUnitAdj is C's unit before "limit": "60-day limit" in English, "batas 60 hari".
func (s *Scorecard) cUnitAdj() string {
	if s.L.code != "en" {
		return s.cUnit()
	}
	if s.Build.CUnit == "working" {
		return "working-day"
	}
	return "day"
}

// MonthLabel is "2025-10".
func (s *Scorecard) MonthLabel() string { return s.Month.Format("2006-01") }

// Monthly writes rapor-YYYY-MM.html and rapor-YYYY-MM.xlsx for one regency and month into
// o.OutDir. With several regencies in the database, o.Regency must name one.
func Monthly(ctx context.Context, db *store.DB, o Options) (Result, error) {
	var res Result
	if _, err := echartsJS(); err != nil {
		return res, err
	}
	s, err := LoadScorecard(ctx, db, o)
	if err != nil {
		return res, err
	}
	res.Regency = s.Regency
	res.Warnings = s.Warnings()
	dir := o.OutDir
	if dir == "" {
		dir = "."
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return res, err
	}
	base := filepath.Join(dir, "rapor-"+s.MonthLabel()+fileSuffix(s.Level))
	res.HTML, res.XLSX = base+".html", base+".xlsx"
	// HTML and XLSX are independent: write them at the same time.
	errc := make(chan error, 1)
	go func() { errc <- writeFile(res.XLSX, s.WriteXLSX) }()
	err = writeFile(res.HTML, s.WriteHTML)
	return res, errors.Join(err, <-errc)
}

// zoneCounts counts agencies by zone among those with a score.
func zoneCounts(rows []AgencyRow) (hijau, kuning, merah, none int) {
	for _, r := range rows {
		switch r.ZoneName() {
		case "hijau":
			hijau++
		case "kuning":
			kuning++
		case "merah":
			merah++
		default:
			none++
		}
	}
	return
}

// Highlights are the few sentences a reader with two minutes needs.
func (s *Scorecard) Highlights() []string {
	l := s.L
	var out []string
	var ranked []AgencyRow
	unranked := 0
	for _, a := range s.League12 {
		if a.Rank != nil {
			ranked = append(ranked, a)
		} else {
			unranked++
		}
	}
	if len(ranked) >= 2 {
		best, worst := ranked[0], ranked[len(ranked)-1]
		out = append(out, l.tf("hl_best", best.Agency, l.opt(best.Score, 1), worst.Agency, l.opt(worst.Score, 1)))
	}
	var red []string
	for _, a := range ranked {
		if a.ZoneName() == "merah" {
			red = append(red, a.Agency)
		}
	}
	if len(red) > 0 {
		out = append(out, l.tf("hl_red", len(red), strings.Join(red, ", ")))
	}
	// Overdue at the month's end, as the tiles and the rankings count it (agency tables).
	if s.Current.OverdueEnd == 0 {
		out = append(out, l.tf("hl_none_overdue", l.dateShort(s.Current.StockAt)))
	} else {
		var top *AgencyRow
		for i := range s.League12 {
			if a := &s.League12[i]; a.OverdueEnd > 0 && (top == nil || a.OverdueEnd > top.OverdueEnd) {
				top = a
			}
		}
		if top != nil {
			out = append(out, l.tf("hl_overdue", top.Agency, l.int(top.OverdueEnd), l.num(100*float64(top.OverdueEnd)/float64(s.Current.OverdueEnd), 0), l.int(s.Current.OverdueEnd), l.dateShort(s.Current.StockAt)))
		}
	}
	var up, down *AgencyRow
	for i := range ranked {
		a := &ranked[i]
		if a.RankChange == nil || *a.RankChange == 0 {
			continue
		}
		if *a.RankChange > 0 && (up == nil || *a.RankChange > *up.RankChange) {
			up = a
		}
		if *a.RankChange < 0 && (down == nil || *a.RankChange < *down.RankChange) {
			down = a
		}
	}
	if !s.movesFair(true) {
		up, down = nil, nil
	}
	if up != nil {
		out = append(out, l.tf("hl_up", up.Agency, *up.RankChange, *up.Rank))
	}
	if down != nil {
		out = append(out, l.tf("hl_down", down.Agency, -*down.RankChange, *down.Rank))
	}
	if unranked > 0 {
		out = append(out, l.tf("hl_unranked", unranked, s.Build.MinSample))
	}
	return out
}
