package reports

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/apache/arrow-go/v18/arrow"

	"github.com/hsu-lapor/rapor/store"
)

//go:embed sql/*.sql
var sqlFiles embed.FS

// query returns the text of sql/NAME.sql (each file says what it returns and its parameters).
var query = store.SQLDir(sqlFiles, "sql")

// Build is the build_info row: the cut-off and the configuration that every number of the
// metric tables was computed with. Reports state these, not the configuration file of today.
type Build struct {
	ID              int64
	StartedAt       time.Time
	AsOf            time.Time // in Loc
	AsOfMonth       time.Time // first day
	Timezone        string
	Loc             *time.Location
	V, R, C         int
	CUnit           string // calendar | working
	WResponse       float64
	WCompletion     float64
	WOnTimeComplete float64
	WSatisfaction   float64
	ZoneHijau       float64
	ZoneKuning      float64
	MinSample       int
	HolidaysFile    string
	HolidaysReplace bool
	MasterAgencies  int
	Complaints      int64
	RaporVersion    string
	DuckDBVersion   string
	// Snapshot exports (layout R) the build rests on: how many instants, the first and the
	// last, and the median gap between them in days (0 when there are none).
	Snapshots                   int
	SnapshotFirst, SnapshotLast time.Time
	SnapshotGapDays             float64
}

// Metrics are the columns that agency_month, agency_period, regency_month and regency_period
// share (definitions in metrics.md and the tables' header comments). NULL is nil.
type Metrics struct {
	Received             int64
	ResponseBase         int64
	Responded            *int64
	RespondedOnTime      *int64
	Closed               int64
	ClosedOnTime         int64
	Rated                int64
	RatingAvg            *float64
	ResponseWDMedian     *float64
	ResponseWDP90        *float64
	CloseDaysMedian      *float64
	ResponseRate         *float64
	OnTimeResponseRate   *float64
	CompletionRate       *float64
	OnTimeCompletionRate *float64
	Satisfaction         *float64
	OpenEnd              int64
	OverdueEnd           int64
	UnansweredOverdueEnd *int64
	StockAt              time.Time
	Score                *float64
	Zone                 *string
	SmallSample          bool
	Maturing             bool
	Complete             bool
	// From snapshot exports (LAPOR! v3): service levels the snapshots cannot decide, and the
	// closure mix (who closed it; archived as expired or otherwise; waiting for the reporter).
	RespondedUndetermined *int64
	ClosedUndetermined    *int64
	ClosedBySystem        *int64
	ClosedByAdmin         *int64
	ClosedByReporter      *int64
	ArchivedExpired       *int64
	ArchivedOther         *int64
	Postponed             *int64
	OpenEndUndetermined   *int64
}

var metricColumns = []string{
	"received", "response_base", "responded", "responded_on_time", "closed", "closed_on_time", "rated",
	"rating_avg", "response_wd_median", "response_wd_p90", "close_days_median", "response_rate",
	"on_time_response_rate", "completion_rate", "on_time_completion_rate", "satisfaction", "open_end",
	"overdue_end", "unanswered_overdue_end", "stock_at", "score", "zone", "small_sample", "maturing", "complete",
	"responded_undetermined", "closed_undetermined", "closed_by_system", "closed_by_admin", "closed_by_reporter",
	"archived_expired", "archived_other", "postponed", "open_end_undetermined",
}

func (m *Metrics) dest() []any {
	return []any{
		&m.Received, &m.ResponseBase, &m.Responded, &m.RespondedOnTime, &m.Closed, &m.ClosedOnTime, &m.Rated,
		&m.RatingAvg, &m.ResponseWDMedian, &m.ResponseWDP90, &m.CloseDaysMedian, &m.ResponseRate,
		&m.OnTimeResponseRate, &m.CompletionRate, &m.OnTimeCompletionRate, &m.Satisfaction, &m.OpenEnd,
		&m.OverdueEnd, &m.UnansweredOverdueEnd, &m.StockAt, &m.Score, &m.Zone, &m.SmallSample, &m.Maturing, &m.Complete,
		&m.RespondedUndetermined, &m.ClosedUndetermined, &m.ClosedBySystem, &m.ClosedByAdmin, &m.ClosedByReporter,
		&m.ArchivedExpired, &m.ArchivedOther, &m.Postponed, &m.OpenEndUndetermined,
	}
}

// ZoneName is the zone or "" when the score is NULL.
func (m Metrics) ZoneName() string {
	if m.Zone == nil {
		return ""
	}
	return *m.Zone
}

// checkMetricColumns makes sure that a query's last columns are metricColumns, in the order of
// Metrics.dest(): the queries list them in their .sql files, and columns of one type in another
// order would scan without error.
func checkMetricColumns(rows *sql.Rows) error {
	got, err := rows.Columns()
	if err != nil {
		return err
	}
	if n := len(got) - len(metricColumns); n < 0 || strings.Join(got[n:], ",") != strings.Join(metricColumns, ",") {
		return fmt.Errorf("the query's metric columns are %v, want %v", got, metricColumns)
	}
	return nil
}

// AgencyRow is one agency in one period (agency_month or agency_period).
type AgencyRow struct {
	Regency    string
	Agency     string
	Period     string // '2025-10', '2025-Q3', '2024-11..2025-10'
	EndMonth   time.Time
	Rank       *int64
	RankChange *int64
	PrevZone   *string // zone in the previous period of the same type (NULL: no row or no score then)
	// Children is how many child units with complaints in the period a parent's row sums (the
	// parent level's rows only; 0 at the agency level).
	Children int64
	Metrics
}

// RegencyRow is the regency's totals in one period (regency_month or regency_period).
type RegencyRow struct {
	Regency            string
	Period             string
	PeriodStart        time.Time
	EndMonth           time.Time
	Agencies           int64
	AgenciesRanked     int64
	Submitted          int64
	VerifiedOnTime     int64
	VerifiedOnTimeRate *float64
	Disposed           int64
	Archived           int64
	UndisposedEnd      int64
	Metrics
}

func (r *RegencyRow) dest() []any {
	return append([]any{&r.Regency, &r.Period, &r.PeriodStart, &r.EndMonth, &r.Agencies, &r.AgenciesRanked, &r.Submitted,
		&r.VerifiedOnTime, &r.VerifiedOnTimeRate, &r.Disposed, &r.Archived, &r.UndisposedEnd}, r.Metrics.dest()...)
}

// Count is one bar of a breakdown.
type Count struct {
	Label string
	N     int64
	Other bool // the "others" or "not filled in" bar
}

// BacklogRow is one agency's open complaints at the stock instant, by age bucket.
type BacklogRow struct {
	Agency  string
	Buckets [4]int64
	Total   int64
}

// OverdueItem is one open complaint past a service level at the stock instant. It carries no
// reporter identity; the title is empty for confidential complaints (ingest keeps no text of
// them anyway).
type OverdueItem struct {
	Agency       string
	Unit         string // at the parent level, the child unit it was disposed to when not the parent itself
	TrackingID   string
	Category     string
	Title        string
	Confidential bool
	DisposedAt   time.Time // in the build's time zone
	AgeDays      int64     // calendar days from disposition to the stock date
	AgeWD        int64     // working days, same span
	OverC        *int64    // days past C (C's unit) when overdue, else nil
	OverR        *int64    // working days past R when unanswered past R, else nil
}

// QualityCheck is one data_quality row of the build for the regency.
type QualityCheck struct {
	Check    string
	Severity string
	Unit     string
	Count    *int64
	Examples []string
	Detail   string
}

// IngestQuality sums the ingest rows of data_quality for the regency.
type IngestQuality struct {
	Files    int64
	Read     int64
	Accepted int64
	Rejected int64
	Reasons  []Count // rejected:* and value_dropped:* checks summed over files
	// ReasonExamples are a few examples of each reason (in the order of Reasons).
	ReasonExamples [][]string
	PerFile        []IngestFile
}

// IngestFile is one ingested file.
type IngestFile struct {
	RunID    int64
	File     string
	Layout   string
	Read     int64
	Accepted int64
	Rejected int64
	MaxTime  *time.Time
	Reasons  []QualityCheck // its rejected:* and value_dropped:* rows of data_quality
}

// Holiday is a non-working day of the calendar in force.
type Holiday struct {
	Date time.Time
	Kind string
	Name string
}

// ErrNotBuilt means the metric tables are missing.
var ErrNotBuilt = errors.New("the metric tables are missing: run `rapor build` after `rapor ingest`")

// querier is what the loaders need (a read transaction).
type querier interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// readConn takes one connection and opens a transaction on it, so that every query of a report
// sees the same build (a rapor build may commit meanwhile). The transaction is begun with SQL
// rather than database/sql's BeginTx because the Arrow reader needs the raw connection, which
// a *sql.Tx does not give. close ends the transaction and returns the connection.
func readConn(ctx context.Context, db *store.DB) (conn *sql.Conn, close func(), err error) {
	conn, err = db.Conn(ctx)
	if err != nil {
		return nil, nil, err
	}
	if _, err := conn.ExecContext(ctx, "BEGIN TRANSACTION"); err != nil {
		conn.Close()
		return nil, nil, err
	}
	return conn, func() {
		conn.ExecContext(context.WithoutCancel(ctx), "ROLLBACK")
		conn.Close()
	}, nil
}

func loadBuild(ctx context.Context, q querier) (Build, error) {
	var b Build
	var hf sql.NullString
	var snapFirst, snapLast sql.NullTime
	var gap sql.NullFloat64
	err := q.QueryRowContext(ctx, query("build_info")).Scan(&b.ID, &b.StartedAt, &b.AsOf, &b.AsOfMonth, &b.Timezone, &b.V, &b.R, &b.C, &b.CUnit,
		&b.WResponse, &b.WCompletion, &b.WOnTimeComplete, &b.WSatisfaction, &b.ZoneHijau, &b.ZoneKuning, &b.MinSample,
		&hf, &b.HolidaysReplace, &b.MasterAgencies, &b.Complaints, &b.RaporVersion, &b.DuckDBVersion,
		&b.Snapshots, &snapFirst, &snapLast, &gap)
	if err != nil {
		if errors.Is(err, sql.ErrNoRows) || isMissingTable(err) {
			return b, ErrNotBuilt
		}
		return b, err
	}
	b.HolidaysFile = hf.String
	loc, err := time.LoadLocation(b.Timezone)
	if err != nil {
		return b, fmt.Errorf("build_info time zone %q: %w", b.Timezone, err)
	}
	b.Loc = loc
	b.AsOf = b.AsOf.In(loc)
	b.StartedAt = b.StartedAt.In(loc)
	b.AsOfMonth = dateOnly(b.AsOfMonth)
	b.SnapshotFirst, b.SnapshotLast, b.SnapshotGapDays = snapFirst.Time.In(loc), snapLast.Time.In(loc), gap.Float64
	return b, nil
}

func isMissingTable(err error) bool {
	s := err.Error()
	return strings.Contains(s, "Catalog Error") && strings.Contains(s, "does not exist")
}

// ymd renders a date as a SQL parameter (bound as text and cast to DATE, so that no time zone applies).
func ymd(t time.Time) string { return t.Format(time.DateOnly) }

// dateOnly normalises a DATE scanned from DuckDB (midnight UTC) to a plain date.
func dateOnly(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}

// staleWarning reports files ingested after the build (their complaints are not in the tables).
func staleWarning(ctx context.Context, q querier, b Build) (int64, error) {
	var n int64
	err := q.QueryRowContext(ctx, query("stale_files")).Scan(&n)
	return n, err
}

// Regencies lists the regencies of the metric tables of the last build, by name.
func Regencies(ctx context.Context, db *store.DB) ([]string, error) {
	return regencies(ctx, db)
}

// regencies lists the regencies of the metric tables.
func regencies(ctx context.Context, q querier) ([]string, error) {
	rows, err := q.QueryContext(ctx, `SELECT DISTINCT regency FROM regency_month ORDER BY regency`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, rows.Err()
}

// foldName compares regency names as agencies are compared: trimmed, spaces folded, case ignored.
func foldName(s string) string {
	return strings.ToLower(strings.Join(strings.Fields(s), " "))
}

// pickRegencies resolves --regency against the regencies of the database. want "" means all.
func pickRegencies(all []string, want string) ([]string, error) {
	if len(all) == 0 {
		return nil, ErrNotBuilt
	}
	if want == "" {
		return all, nil
	}
	for _, r := range all {
		if foldName(r) == foldName(want) {
			return []string{r}, nil
		}
	}
	return nil, &RegencyError{Want: want, Have: all}
}

// RegencyError says which regency to choose.
type RegencyError struct {
	Want string // "" when none was given and several exist
	Have []string
}

func (e *RegencyError) Error() string {
	if e.Want == "" {
		return fmt.Sprintf("the database holds %d regencies (%s): choose one with --regency NAME", len(e.Have), strings.Join(e.Have, ", "))
	}
	return fmt.Sprintf("no regency %q in the database; it holds: %s", e.Want, strings.Join(e.Have, ", "))
}

func scanRegencyRows(rows *sql.Rows, loc *time.Location) ([]RegencyRow, error) {
	defer rows.Close()
	if err := checkMetricColumns(rows); err != nil {
		return nil, err
	}
	var out []RegencyRow
	for rows.Next() {
		var r RegencyRow
		if err := rows.Scan(r.dest()...); err != nil {
			return nil, err
		}
		r.PeriodStart = dateOnly(r.PeriodStart)
		r.EndMonth = dateOnly(r.EndMonth)
		r.StockAt = r.StockAt.In(loc)
		out = append(out, r)
	}
	return out, rows.Err()
}

// loadRegencyMonths returns regency_month rows of a regency in [from, to] (first days), by month.
func loadRegencyMonths(ctx context.Context, q querier, loc *time.Location, regency string, from, to time.Time) ([]RegencyRow, error) {
	rows, err := q.QueryContext(ctx, query("regency_months"), regency, ymd(from), ymd(to))
	if err != nil {
		return nil, err
	}
	return scanRegencyRows(rows, loc)
}

// loadRegencyPeriods returns regency_period rows of one type whose last month is in [from, to].
func loadRegencyPeriods(ctx context.Context, q querier, loc *time.Location, regency, periodType string, from, to time.Time) ([]RegencyRow, error) {
	rows, err := q.QueryContext(ctx, query("regency_periods"), regency, periodType, ymd(from), ymd(to))
	if err != nil {
		return nil, err
	}
	return scanRegencyRows(rows, loc)
}

func scanAgencyRows(rows *sql.Rows, loc *time.Location) ([]AgencyRow, error) {
	defer rows.Close()
	if err := checkMetricColumns(rows); err != nil {
		return nil, err
	}
	cols, err := rows.Columns()
	if err != nil {
		return nil, err
	}
	// The parent level's queries add the children after the previous zone.
	kids := len(cols) > 7 && cols[7] == "children"
	var out []AgencyRow
	for rows.Next() {
		var a AgencyRow
		d := []any{&a.Regency, &a.Agency, &a.Period, &a.EndMonth, &a.Rank, &a.RankChange, &a.PrevZone}
		if kids {
			d = append(d, &a.Children)
		}
		d = append(d, a.Metrics.dest()...)
		if err := rows.Scan(d...); err != nil {
			return nil, err
		}
		a.EndMonth = dateOnly(a.EndMonth)
		a.StockAt = a.StockAt.In(loc)
		out = append(out, a)
	}
	return out, rows.Err()
}

// loadAgencyMonths returns the rows of a regency's units at a level (agency_month, or parent_month
// at the parent level) for months in [from, to], with the zone of the previous month.
func loadAgencyMonths(ctx context.Context, q querier, loc *time.Location, level, regency string, from, to time.Time) ([]AgencyRow, error) {
	name := "agency_months"
	if level == LevelParent {
		name = "parent_months"
	}
	rows, err := q.QueryContext(ctx, query(name), regency, ymd(from), ymd(to))
	if err != nil {
		return nil, err
	}
	return scanAgencyRows(rows, loc)
}

// loadAgencyPeriods returns the rows of a regency's units at a level (agency_period, or
// parent_period) of one type whose last month is in [from, to], with the zone of the previous
// period of the same type (rolling windows: the window one month earlier).
func loadAgencyPeriods(ctx context.Context, q querier, loc *time.Location, level, regency, periodType string, from, to time.Time) ([]AgencyRow, error) {
	name := "agency_periods"
	if level == LevelParent {
		name = "parent_periods"
	}
	rows, err := q.QueryContext(ctx, query(name), regency, periodType, ymd(from), ymd(to))
	if err != nil {
		return nil, err
	}
	return scanAgencyRows(rows, loc)
}

// hasHistory says whether the build keeps the per-complaint history a past month's list needs.
func hasHistory(ctx context.Context, q querier) (bool, error) {
	var ok bool
	err := q.QueryRowContext(ctx, query("has_history")).Scan(&ok)
	return ok, err
}

// strCol reads a text column of an Arrow record, whichever string layout DuckDB chose.
func strCol(rec arrow.RecordBatch, i int) func(int) string {
	col := rec.Column(i)
	s, ok := col.(interface{ Value(int) string })
	if !ok {
		panic(fmt.Sprintf("column %d is %s, not text", i, col.DataType()))
	}
	return func(j int) string {
		if col.IsNull(j) {
			return ""
		}
		return strings.Clone(s.Value(j))
	}
}

// loadBacklog counts each agency's complaints open at as_of (open_complaints) by age in C's unit:
// up to C/2, up to C, up to 2C, beyond.
func loadBacklog(ctx context.Context, q querier, regency string) ([]BacklogRow, error) {
	return readBacklog(ctx, q, query("backlog"), regency)
}

// loadBacklogAt is the same at a past instant (a month's stock_at), from the history.
func loadBacklogAt(ctx context.Context, q querier, regency string, at time.Time, loc *time.Location) ([]BacklogRow, error) {
	return readBacklog(ctx, q, query("backlog_at"), regency, at, loc.String())
}

func readBacklog(ctx context.Context, q querier, sqlText string, args ...any) ([]BacklogRow, error) {
	rows, err := q.QueryContext(ctx, sqlText, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []BacklogRow
	for rows.Next() {
		var r BacklogRow
		if err := rows.Scan(&r.Agency, &r.Buckets[0], &r.Buckets[1], &r.Buckets[2], &r.Buckets[3], &r.Total); err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// monthBounds are the instants a local month starts and ends (the next one starts).
func monthBounds(month time.Time, loc *time.Location) (time.Time, time.Time) {
	start := time.Date(month.Year(), month.Month(), 1, 0, 0, 0, 0, loc)
	return start, start.AddDate(0, 1, 0)
}

// loadBreakdown counts the complaints submitted in the local month (those of
// regency_month.submitted) by category, channel or area. The top entries come first; the rest is
// one "other" row; empty values are counted apart.
func loadBreakdown(ctx context.Context, q querier, loc *time.Location, regency string, month time.Time, kind string, top int) ([]Count, error) {
	start, end := monthBounds(month, loc)
	rows, err := q.QueryContext(ctx, query("breakdown"), regency, kind, start, end)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Count
	var rest, blank int64
	for rows.Next() {
		var label sql.NullString
		var n int64
		if err := rows.Scan(&label, &n); err != nil {
			return nil, err
		}
		switch {
		case !label.Valid:
			blank += n
		case len(out) < top:
			out = append(out, Count{Label: label.String, N: n})
		default:
			rest += n
		}
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	if rest > 0 {
		out = append(out, Count{Label: "\x00other", N: rest, Other: true})
	}
	if blank > 0 {
		out = append(out, Count{Label: "\x00blank", N: blank, Other: true})
	}
	return out, nil
}

// ResponseHist is the distribution of working days to the first follow-up of the month's cohort.
type ResponseHist struct {
	Available  bool    // the cohort has first-response data
	Days       []int64 // complaints answered after 0, 1, 2 ... working days; the last bucket holds Cap and more
	Cap        int
	Unanswered int64 // no first response yet
	Invalid    int64 // first response before disposition
	Loose      int64 // a follow-up whose duration snapshot bounds leave open by more than a day
}

// loadResponseHist counts the month's cohort (complaints disposed in the local month to a named
// agency: agency_month's received) by wd(disposed_at, first_response_at), through the calendar
// table as the metrics do: the difference of the two dates' wd_index. Its median and on-time count
// are regency_month's (the tests check).
func loadResponseHist(ctx context.Context, q querier, b Build, regency string, month time.Time) (ResponseHist, error) {
	h := ResponseHist{Cap: max(2*b.R+2, 8)}
	h.Days = make([]int64, h.Cap+1)
	start, end := monthBounds(month, b.Loc)
	rows, err := q.QueryContext(ctx, query("response_hist"), b.Timezone, regency, start, end)
	if err != nil {
		return h, err
	}
	defer rows.Close()
	for rows.Next() {
		var wd, n int64
		if err := rows.Scan(&wd, &n); err != nil {
			return h, err
		}
		h.Available = true
		switch {
		case wd == -1:
			h.Unanswered += n
		case wd == -2:
			h.Invalid += n
		case wd == -3:
			h.Loose += n
		case wd < 0:
			return h, fmt.Errorf("response_hist: unexpected wd %d", wd)
		case wd >= int64(h.Cap):
			h.Days[h.Cap] += n
		default:
			h.Days[wd] += n
		}
	}
	return h, rows.Err()
}

func loadQuality(ctx context.Context, q querier, regency string) ([]QualityCheck, IngestQuality, error) {
	var checks []QualityCheck
	var iq IngestQuality
	rows, err := q.QueryContext(ctx, query("quality_build"), regency)
	if err != nil {
		return nil, iq, err
	}
	for rows.Next() {
		var c QualityCheck
		var ex []any
		if err := rows.Scan(&c.Check, &c.Severity, &c.Unit, &c.Count, &ex, &c.Detail); err != nil {
			rows.Close()
			return nil, iq, err
		}
		for _, e := range ex {
			if s, ok := e.(string); ok {
				c.Examples = append(c.Examples, s)
			}
		}
		checks = append(checks, c)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, iq, err
	}

	rows, err = q.QueryContext(ctx, query("ingest_files"), regency)
	if err != nil {
		return nil, iq, err
	}
	for rows.Next() {
		var f IngestFile
		if err := rows.Scan(&f.RunID, &f.File, &f.Layout, &f.Read, &f.Accepted, &f.Rejected, &f.MaxTime); err != nil {
			rows.Close()
			return nil, iq, err
		}
		iq.PerFile = append(iq.PerFile, f)
		iq.Files++
		iq.Read += f.Read
		iq.Accepted += f.Accepted
		iq.Rejected += f.Rejected
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, iq, err
	}

	rows, err = q.QueryContext(ctx, query("quality_ingest"), regency)
	if err != nil {
		return nil, iq, err
	}
	defer rows.Close()
	sums := map[string]int64{}
	examples := map[string][]string{}
	for rows.Next() {
		var c QualityCheck
		var run int64
		var ex []any
		if err := rows.Scan(&run, &c.Check, &c.Severity, &c.Unit, &c.Count, &ex, &c.Detail); err != nil {
			return nil, iq, err
		}
		for _, e := range ex {
			if s, ok := e.(string); ok {
				c.Examples = append(c.Examples, s)
			}
		}
		for i := range iq.PerFile {
			if iq.PerFile[i].RunID == run {
				iq.PerFile[i].Reasons = append(iq.PerFile[i].Reasons, c)
			}
		}
		if c.Count != nil {
			if _, ok := sums[c.Check]; !ok {
				iq.Reasons = append(iq.Reasons, Count{Label: c.Check})
			}
			sums[c.Check] += *c.Count
			// A few examples per reason, the first files' first (data_quality keeps them per file).
			if ex := examples[c.Check]; len(ex) < 3 {
				for _, e := range c.Examples {
					if len(examples[c.Check]) < 3 && !slices.Contains(examples[c.Check], e) {
						examples[c.Check] = append(examples[c.Check], e)
					}
				}
			}
		}
	}
	for i := range iq.Reasons {
		iq.Reasons[i].N = sums[iq.Reasons[i].Label]
		iq.ReasonExamples = append(iq.ReasonExamples, examples[iq.Reasons[i].Label])
	}
	order := make([]int, len(iq.Reasons))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(i, j int) bool { return iq.Reasons[order[i]].N > iq.Reasons[order[j]].N })
	reasons, exs := make([]Count, len(order)), make([][]string, len(order))
	for i, o := range order {
		reasons[i], exs[i] = iq.Reasons[o], iq.ReasonExamples[o]
	}
	iq.Reasons, iq.ReasonExamples = reasons, exs
	return checks, iq, rows.Err()
}

func loadHolidays(ctx context.Context, q querier, from, to time.Time) ([]Holiday, error) {
	rows, err := q.QueryContext(ctx, query("holidays"), ymd(from), ymd(to))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Holiday
	for rows.Next() {
		var h Holiday
		if err := rows.Scan(&h.Date, &h.Kind, &h.Name); err != nil {
			return nil, err
		}
		h.Date = dateOnly(h.Date)
		out = append(out, h)
	}
	return out, rows.Err()
}

// StatusCount is the number of one agency's complaints of a month's cohort in one current status.
type StatusCount struct {
	Agency string
	Label  string // normalised status (ingest): closed, in_progress, not_authority, ...
	N      int64
}

// loadStatusMix counts each agency's cohort of the month by current status.
func loadStatusMix(ctx context.Context, q querier, b Build, regency string, month time.Time) ([]StatusCount, error) {
	rows, err := q.QueryContext(ctx, query("status_mix"), regency, ymd(month), ymd(month.AddDate(0, 1, 0)))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []StatusCount
	for rows.Next() {
		var c StatusCount
		if err := rows.Scan(&c.Agency, &c.Label, &c.N); err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// statusOrder is the order statuses are listed in: resolved first, then still with the agency,
// then taken out of its hands.
var statusOrder = map[string]int{"closed": 1, "in_progress": 2, "disposed": 3, "postponed": 4, "not_authority": 5, "archived": 6, "verified": 7, "unverified": 8, "unknown": 9}

// sumStatus adds up status counts (of one agency when agency is not "") in statusOrder.
func sumStatus(mix []StatusCount, agency string) []Count {
	sums := map[string]int64{}
	for _, c := range mix {
		if agency == "" || c.Agency == agency {
			sums[c.Label] += c.N
		}
	}
	var out []Count
	for st, n := range sums {
		out = append(out, Count{Label: st, N: n})
	}
	sort.Slice(out, func(i, j int) bool {
		oi, oj := statusOrder[out[i].Label], statusOrder[out[j].Label]
		if oi == 0 {
			oi = 99
		}
		if oj == 0 {
			oj = 99
		}
		if oi != oj {
			return oi < oj
		}
		return out[i].Label < out[j].Label
	})
	return out
}
