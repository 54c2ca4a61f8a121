package transform

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"fmt"
	"math"
	"sort"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"
	"github.com/apache/arrow-go/v18/arrow/memory"
	duckdb "github.com/duckdb/duckdb-go/v2"
)

// fillers complete a model in Go right after its statement ran, on the build's connection (in
// its transaction).
var fillers = map[string]func(ctx context.Context, conn *sql.Conn) error{
	"duration_windows": fillDurationWindows,
}

// windowLengths are the windows' lengths in months: months, quarters and rolling 3 months,
// years and rolling 12 months.
var windowLengths = [3]int{1, 3, 12}

// windowBatch is how many duration_windows rows go to DuckDB in one statement.
const windowBatch = 1 << 18

// fillDurationWindows computes duration_windows from duration_histogram (the method is in
// 059_duration_windows.sql). Rows come and go through DuckDB's Arrow interface: a million cells
// read one Scan at a time took a second, in columns a quarter of it. Series come one after the
// other, so only one series' cells are held; the windows are written once the histogram is read
// (the connection has one result open at a time).
func fillDurationWindows(ctx context.Context, conn *sql.Conn) error {
	return conn.Raw(func(dc any) error {
		c := dc.(driver.Conn)
		ar, err := duckdb.NewArrowFromConn(c)
		if err != nil {
			return err
		}
		var out windowRows
		if err := readHistogram(ctx, ar, &out); err != nil {
			return fmt.Errorf("duration_histogram: %w", err)
		}
		ex := c.(driver.ExecerContext)
		for i := 0; i < len(out.series); i += windowBatch {
			if err := out.insert(ctx, ar, ex, i, min(i+windowBatch, len(out.series))); err != nil {
				return fmt.Errorf("duration_windows: %w", err)
			}
		}
		return nil
	})
}

func readHistogram(ctx context.Context, ar *duckdb.Arrow, out *windowRows) error {
	rr, err := ar.QueryContext(ctx, query("duration_histogram_rows"))
	if err != nil {
		return err
	}
	defer rr.Release()
	var s seriesHistogram
	for rr.Next() {
		rec := rr.RecordBatch()
		series, ok0 := rec.Column(0).(*array.Int64)
		value, ok1 := rec.Column(1).(*array.Int32)
		month, ok2 := rec.Column(2).(*array.Int64)
		n, ok3 := rec.Column(3).(*array.Int64)
		lastMonth, ok4 := rec.Column(4).(*array.Int64)
		if !ok0 || !ok1 || !ok2 || !ok3 || !ok4 {
			return fmt.Errorf("columns %v, want BIGINT, INTEGER, BIGINT, BIGINT, BIGINT", rec.Schema())
		}
		for i := 0; i < int(rec.NumRows()); i++ {
			if series.Value(i) != s.series || len(s.cells) == 0 {
				s.windows(out)
				s = seriesHistogram{series: series.Value(i), lastMonth: lastMonth.Value(i), cells: s.cells[:0]}
			}
			s.cells = append(s.cells, histogramCell{value: value.Value(i), month: month.Value(i), n: n.Value(i)})
		}
	}
	if err := rr.Err(); err != nil {
		return err
	}
	s.windows(out)
	return nil
}

type histogramCell struct {
	value int32
	month int64
	n     int64
}

// seriesHistogram is one series' cells, by month and then value.
type seriesHistogram struct {
	series    int64
	lastMonth int64 // the last window end of the build
	cells     []histogramCell
}

// windows appends the series' windows to out: for each month from its first to 11 months after its
// last (no window holding a duration ends later), the counts per value of the last 1, 3 and 12
// months are kept up to date by adding the month that enters and subtracting the one that leaves.
func (s *seriesHistogram) windows(out *windowRows) {
	if len(s.cells) == 0 {
		return
	}
	values := make([]int32, len(s.cells))
	for i, c := range s.cells {
		values[i] = c.value
	}
	sort.Slice(values, func(i, j int) bool { return values[i] < values[j] })
	distinct := values[:1]
	for _, v := range values[1:] {
		if v != distinct[len(distinct)-1] {
			distinct = append(distinct, v)
		}
	}
	first, last := s.cells[0].month, s.cells[len(s.cells)-1].month
	end := min(last+11, s.lastMonth)
	if end < first {
		return
	}
	// index[i] is cell i's value's position in distinct; the cells of month first + m are
	// cells[starts[m]:starts[m+1]] (cells are in month order).
	index := make([]int, len(s.cells))
	for i, c := range s.cells {
		index[i] = sort.Search(len(distinct), func(j int) bool { return distinct[j] >= c.value })
	}
	months := int(end - first + 1)
	starts := make([]int, months+1)
	for m, i := 0, 0; m <= months; m++ {
		for i < len(s.cells) && s.cells[i].month < first+int64(m) {
			i++
		}
		starts[m] = i
	}
	var counts [3][]int64
	var totals [3]int64
	for l := range counts {
		counts[l] = make([]int64, len(distinct))
	}
	for m := 0; m < months; m++ {
		for l, length := range windowLengths {
			for i := starts[m]; i < starts[m+1]; i++ {
				counts[l][index[i]] += s.cells[i].n
				totals[l] += s.cells[i].n
			}
			if old := m - length; old >= 0 {
				for i := starts[old]; i < starts[old+1]; i++ {
					counts[l][index[i]] -= s.cells[i].n
					totals[l] -= s.cells[i].n
				}
			}
			if totals[l] == 0 {
				continue
			}
			q50, q90 := quantiles(distinct, counts[l], totals[l])
			out.add(s.series, first+int64(m), length, totals[l], q50, q90)
		}
	}
}

// quantiles returns the continuous median and 90th percentile of n durations given as counts per
// value (values in increasing order): x_k is the smallest value whose cumulative count exceeds k,
// and with h = q * (n - 1) the quantile is x_floor(h) + (h - floor(h)) * (x_ceil(h) - x_floor(h)),
// as quantile_cont computes it. The explicit float64 conversions keep the compiler from fusing the
// multiply and add (Go may, on arm64): every platform rounds as DuckDB does.
func quantiles(values []int32, counts []int64, n int64) (q50, q90 float64) {
	h50 := 0.5 * float64(n-1)
	h90 := 0.9 * float64(n-1)
	ranks := [4]float64{math.Floor(h50), math.Ceil(h50), math.Floor(h90), math.Ceil(h90)}
	// The ranks are not in order when n is small (n = 2: ceil(h50) = 1 > floor(h90) = 0).
	var x [4]float64
	var done [4]bool
	found := 0
	var cum int64
	for i, c := range counts {
		if c == 0 {
			continue
		}
		cum += c
		for j, k := range ranks {
			if !done[j] && float64(cum) > k {
				x[j], done[j] = float64(values[i]), true
				found++
			}
		}
		if found == len(ranks) {
			break
		}
	}
	q50 = x[0] + float64((h50-math.Floor(h50))*(x[1]-x[0]))
	q90 = x[2] + float64((h90-math.Floor(h90))*(x[3]-x[2]))
	return q50, q90
}

// windowRows are duration_windows rows waiting to be inserted, one slice per column.
type windowRows struct {
	series, month []int64
	months        []int32
	n             []int64
	q50, q90      []float64
}

func (w *windowRows) add(series, month int64, months int, n int64, q50, q90 float64) {
	w.series = append(w.series, series)
	w.month = append(w.month, month)
	w.months = append(w.months, int32(months))
	w.n = append(w.n, n)
	w.q50 = append(w.q50, q50)
	w.q90 = append(w.q90, q90)
}

var windowSchema = arrow.NewSchema([]arrow.Field{
	{Name: "series", Type: arrow.PrimitiveTypes.Int64},
	{Name: "month", Type: arrow.PrimitiveTypes.Int64},
	{Name: "months", Type: arrow.PrimitiveTypes.Int32},
	{Name: "n", Type: arrow.PrimitiveTypes.Int64},
	{Name: "q50", Type: arrow.PrimitiveTypes.Float64},
	{Name: "q90", Type: arrow.PrimitiveTypes.Float64},
}, nil)

// insert writes rows [from, to) into duration_windows.
func (w *windowRows) insert(ctx context.Context, ar *duckdb.Arrow, ex driver.ExecerContext, from, to int) error {
	b := array.NewRecordBuilder(memory.NewGoAllocator(), windowSchema)
	defer b.Release()
	b.Field(0).(*array.Int64Builder).AppendValues(w.series[from:to], nil)
	b.Field(1).(*array.Int64Builder).AppendValues(w.month[from:to], nil)
	b.Field(2).(*array.Int32Builder).AppendValues(w.months[from:to], nil)
	b.Field(3).(*array.Int64Builder).AppendValues(w.n[from:to], nil)
	b.Field(4).(*array.Float64Builder).AppendValues(w.q50[from:to], nil)
	b.Field(5).(*array.Float64Builder).AppendValues(w.q90[from:to], nil)
	rec := b.NewRecordBatch()
	defer rec.Release()
	rr, err := array.NewRecordReader(windowSchema, []arrow.RecordBatch{rec})
	if err != nil {
		return err
	}
	defer rr.Release()
	release, err := ar.RegisterView(rr, "rapor_duration_windows_in")
	if err != nil {
		return err
	}
	defer release()
	if _, err := ex.ExecContext(ctx, query("insert_duration_windows"), nil); err != nil {
		return err
	}
	// DuckDB registers an Arrow stream as a persistent view whose plan points at the stream: it
	// must not outlive the insert (see ingest's rapor_stage_in).
	_, err = ex.ExecContext(ctx, `DROP VIEW rapor_duration_windows_in`, nil)
	return err
}
