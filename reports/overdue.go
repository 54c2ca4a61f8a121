package reports

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"time"

	"github.com/apache/arrow-go/v18/arrow/array"
	duckdb "github.com/duckdb/duckdb-go/v2"

	"github.com/hsu-lapor/rapor/store"
)

// The accountability list: the complaints open at the stock instant and past a service level. A
// big regency's runs to millions of rows (about 2,000,000 at 10 million complaints), more than an
// office PC can hold besides DuckDB, so the reports never hold it: they keep each agency's counts
// and the rows the regency's page shows (read with ORDER BY and a per-agency limit), read an
// agency's own list for its page, and stream the whole list from DuckDB into the workbook's sheets
// while the workbook is written.

// OverdueList is a scorecard's accountability list as its pages and workbook need it.
type OverdueList struct {
	Agencies []OverdueAgency // in list order: the most items first, ties by name
	N, C, R  int             // items, past C, unanswered past R
	// Shown are the rows the regency's page shows, in list order: all of them, or when there are
	// more than the page's room the oldest of each agency, the room shared so that no agency
	// disappears from the page (shareRoom).
	Shown []OverdueItem
	src   *overdueSource
	rows  overdueRows // the whole list, for the workbook
}

// OverdueAgency is one agency's part of the accountability list.
type OverdueAgency struct {
	Agency     string
	N, C, R    int
	OldestDays int64
	units      bool   // some item names a child unit
	runes      [4]int // the longest line of tracking id, category, title and unit, in characters
}

// overdueSource reads the list again from the database: the workbook is written after
// LoadScorecard's read transaction has ended.
type overdueSource struct {
	// ctx is LoadScorecard's: the writers, which take only an io.Writer, read the list with it.
	ctx   context.Context
	l     lang
	db    *store.DB
	build int64 // the build the scorecard was read from: a list read later must be that build's
	loc   *time.Location
	base  string // overdue (open at as_of) or overdue_at (at a past month's end)
	args  []any  // the base query's parameters
}

// sql is a query over the list: the base query as the CTE list, the shaper (overdue_rows,
// overdue_sample, overdue_agencies) reading it.
func (src *overdueSource) sql(shaper string) string {
	return "WITH list AS (\n" + query(src.base) + "\n)\n" + query(shaper)
}

// read runs a shaper on a connection of its own, in a read transaction, after checking that the
// database still holds the scorecard's build.
func (src *overdueSource) read(shaper string, yield func(OverdueItem) error, args ...any) error {
	conn, done, err := readConn(src.ctx, src.db)
	if err != nil {
		return err
	}
	defer done()
	b, err := loadBuild(src.ctx, conn)
	if err != nil {
		return err
	}
	if b.ID != src.build {
		return errors.New(src.l.tf("err_rebuilt", b.ID, src.build))
	}
	return src.each(src.ctx, conn, shaper, yield, args...)
}

// each runs a shaper over the list on conn and passes its rows to yield one at a time. Rows come
// through DuckDB's Arrow interface (columns, not one cgo call per value).
func (src *overdueSource) each(ctx context.Context, conn *sql.Conn, shaper string, yield func(OverdueItem) error, args ...any) error {
	sqlText := src.sql(shaper)
	args = append(append([]any(nil), src.args...), args...)
	return conn.Raw(func(dc any) error {
		ar, err := duckdb.NewArrowFromConn(dc.(driver.Conn))
		if err != nil {
			return err
		}
		rr, err := ar.QueryContext(ctx, sqlText, args...)
		if err != nil {
			return err
		}
		defer rr.Release()
		for rr.Next() {
			rec := rr.RecordBatch()
			agency, unit, tracking, category, title := strCol(rec, 0), strCol(rec, 1), strCol(rec, 2), strCol(rec, 3), strCol(rec, 4)
			conf := rec.Column(5).(*array.Boolean)
			disposed, ageD, ageW := rec.Column(6).(*array.Int64), rec.Column(7).(*array.Int64), rec.Column(8).(*array.Int64)
			overC, overR := rec.Column(9).(*array.Int64), rec.Column(10).(*array.Int64)
			for i := 0; i < int(rec.NumRows()); i++ {
				it := OverdueItem{
					Agency: agency(i), Unit: unit(i), TrackingID: tracking(i), Category: category(i), Title: title(i),
					Confidential: conf.Value(i), DisposedAt: time.UnixMicro(disposed.Value(i)).In(src.loc),
					AgeDays: ageD.Value(i), AgeWD: ageW.Value(i),
				}
				if overC.IsValid(i) {
					v := overC.Value(i)
					it.OverC = &v
				}
				if overR.IsValid(i) {
					v := overR.Value(i)
					it.OverR = &v
				}
				if err := yield(it); err != nil {
					return err
				}
			}
		}
		return rr.Err()
	})
}

// loadOverdueList reads a scorecard's list on its read transaction: the complaints open at as_of
// (at nil), or at a past month's end from the history (at its stock_at); at the parent level each
// under its agency's parent. maxShown is the regency page's room.
func loadOverdueList(ctx context.Context, l lang, conn *sql.Conn, db *store.DB, b Build, regency, level string, at *time.Time, maxShown int) (OverdueList, error) {
	src := &overdueSource{ctx: ctx, l: l, db: db, build: b.ID, loc: b.Loc, base: "overdue",
		args: []any{sql.Named("regency", regency), sql.Named("parent", level == LevelParent)}}
	if at != nil {
		src.base = "overdue_at"
		src.args = append(src.args, sql.Named("at", *at), sql.Named("tz", b.Loc.String()))
	}
	o := OverdueList{src: src}
	rows, err := conn.QueryContext(ctx, src.sql("overdue_agencies"), src.args...)
	if err != nil {
		return o, err
	}
	defer rows.Close()
	for rows.Next() {
		var a OverdueAgency
		if err := rows.Scan(&a.Agency, &a.N, &a.C, &a.R, &a.OldestDays, &a.runes[0], &a.runes[1], &a.runes[2], &a.runes[3], &a.units); err != nil {
			return o, err
		}
		o.Agencies = append(o.Agencies, a)
		o.N, o.C, o.R = o.N+a.N, o.C+a.C, o.R+a.R
	}
	if err := rows.Err(); err != nil {
		return o, err
	}
	rows.Close()

	// The page's rows: at most each agency's share of the room, its oldest first.
	var share map[string]int
	var per any // NULL: all
	if o.N > maxShown {
		share = shareRoom(o.Agencies, maxShown)
		most := 0
		for _, n := range share {
			most = max(most, n)
		}
		per = int64(most)
	}
	taken := map[string]int{}
	err = src.each(ctx, conn, "overdue_sample", func(it OverdueItem) error {
		if share != nil {
			if taken[it.Agency] >= share[it.Agency] {
				return nil
			}
			taken[it.Agency]++
		}
		o.Shown = append(o.Shown, it)
		return nil
	}, sql.Named("per", per))
	if err != nil {
		return o, err
	}
	o.rows = o.dbRows()
	return o, nil
}

// shareRoom shares n rows among the agencies (in list order): round by round one more row of
// every agency that has one left, until n are given, so that no agency disappears from a page
// that cannot show all. It returns each agency's share.
func shareRoom(agencies []OverdueAgency, n int) map[string]int {
	share := make(map[string]int, len(agencies))
	left := n
	for left > 0 {
		progress := false
		for _, a := range agencies {
			if left == 0 {
				break
			}
			if share[a.Agency] < a.N {
				share[a.Agency]++
				left--
				progress = true
			}
		}
		if !progress {
			break
		}
	}
	return share
}

// dbRows is the whole list for the workbook, streamed from the database part by part.
func (o *OverdueList) dbRows() overdueRows {
	src := o.src
	r := overdueRows{n: o.N, each: func(offset, limit int, yield func(OverdueItem) error) error {
		return src.read("overdue_rows", yield, sql.Named("agency", nil), sql.Named("offset", int64(offset)), sql.Named("limit", int64(limit)))
	}}
	for i := range r.widths {
		r.widths[i] = -1
	}
	for _, a := range o.Agencies {
		r.units = r.units || a.units
		r.widths[0] = max(r.widths[0], width(a.Agency))
		for k, n := range a.runes {
			r.widths[k+1] = max(r.widths[k+1], runeWidth(n))
		}
	}
	return r
}

// agency reads one agency's whole list (an agency's page shows all of it), in list order.
func (o *OverdueList) agency(name string) ([]OverdueItem, error) {
	want := 0
	for _, a := range o.Agencies {
		if a.Agency == name {
			want = a.N
		}
	}
	if want == 0 {
		return nil, nil
	}
	out := make([]OverdueItem, 0, want)
	err := o.src.read("overdue_rows", func(it OverdueItem) error {
		out = append(out, it)
		return nil
	}, sql.Named("agency", name), sql.Named("offset", int64(0)), sql.Named("limit", nil))
	if err == nil && len(out) != want {
		err = fmt.Errorf("%s: %d overdue complaints read, %d counted", name, len(out), want)
	}
	return out, err
}

// overdueRows is a list as the workbook's Tunggakan sheets need it: its length, the widths of its
// text (a streamed sheet's column widths precede its rows) and its rows, part by part.
type overdueRows struct {
	n     int
	units bool // some item names a child unit (the parent level's extra column)
	// widths are width() of the widest agency, tracking id, category, title and unit (-1: none).
	widths [5]float64
	// each passes the items after the first offset, at most limit of them, to yield in list order.
	each func(offset, limit int, yield func(OverdueItem) error) error
}

// sliceRows is a list held in memory (an agency's own) as the workbook's rows.
func sliceRows(items []OverdueItem) overdueRows {
	r := overdueRows{n: len(items), each: func(offset, limit int, yield func(OverdueItem) error) error {
		for _, it := range items[offset:min(len(items), offset+limit)] {
			if err := yield(it); err != nil {
				return err
			}
		}
		return nil
	}}
	for i := range r.widths {
		r.widths[i] = -1
	}
	for _, it := range items {
		r.units = r.units || it.Unit != ""
		for k, s := range []string{it.Agency, it.TrackingID, it.Category, it.Title, it.Unit} {
			r.widths[k] = max(r.widths[k], width(s))
		}
	}
	return r
}
