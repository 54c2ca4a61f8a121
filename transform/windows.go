package transform

import (
	"context"
	"database/sql"
	"fmt"
	"math"
	"sort"
)

// fillers complete a model in Go right after its statement ran, in the build's transaction.
var fillers = map[string]func(ctx context.Context, tx *sql.Tx) error{
	"duration_windows": fillDurationWindows,
}

// windowLengths are the windows' lengths in months: months, quarters and rolling 3 months,
// years and rolling 12 months.
var windowLengths = [3]int{1, 3, 12}

// windowBatch is how many duration_windows rows go to DuckDB in one statement: a bound on the
// memory the pass holds, whatever the number of series.
const windowBatch = 200_000

// fillDurationWindows computes duration_windows from duration_histogram (the method is in
// 059_duration_windows.sql). Series come one after the other, so only one series' counts are
// held at a time.
func fillDurationWindows(ctx context.Context, tx *sql.Tx) error {
	rows, err := tx.QueryContext(ctx, query("duration_histogram_rows"))
	if err != nil {
		return err
	}
	defer rows.Close()
	var out windowRows
	var s seriesHistogram
	for rows.Next() {
		var c histogramCell
		var series, lastMonth int64
		if err := rows.Scan(&series, &c.value, &c.month, &c.n, &lastMonth); err != nil {
			return err
		}
		if series != s.series || len(s.cells) == 0 {
			s.windows(&out)
			s = seriesHistogram{series: series, lastMonth: lastMonth, cells: s.cells[:0]}
		}
		s.cells = append(s.cells, c)
		if len(out.series) >= windowBatch {
			if err := out.insert(ctx, tx); err != nil {
				return err
			}
		}
	}
	if err := rows.Err(); err != nil {
		return err
	}
	s.windows(&out)
	return out.insert(ctx, tx)
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

func (w *windowRows) insert(ctx context.Context, tx *sql.Tx) error {
	if len(w.series) == 0 {
		return nil
	}
	if _, err := tx.ExecContext(ctx, query("insert_duration_windows"), w.series, w.month, w.months, w.n, w.q50, w.q90); err != nil {
		return fmt.Errorf("duration_windows: %w", err)
	}
	*w = windowRows{series: w.series[:0], month: w.month[:0], months: w.months[:0], n: w.n[:0], q50: w.q50[:0], q90: w.q90[:0]}
	return nil
}
