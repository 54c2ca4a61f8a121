// Package gen makes realistic synthetic SP4N-LAPOR! admin exports (layout A of
// docs/input-formats.md) for Kabupaten Hulu Sungai Utara, in CSV and XLSX, and series of
// "Laporan Ringkas" snapshots (layout R, the export LAPOR! really gives) of one simulated LAPOR!
// v3 history with a truth file of every event instant: see ringkas.go, WriteRingkasSeries.
//
// Each complaint has a whole life (submission, verification, disposition to an SKPD, first
// follow-up, closure or archiving, reminders and ratings), generated from the seed and its row
// number alone, so that a million-row export streams in constant memory and the same seed always
// gives the same bytes. An export is a cut of those lives at an instant: events after it are
// hidden and the status is the state at that instant.
//
// What the data looks like:
//   - No. Tracking: 7-digit numbers (8 beyond ~6 million rows) that grow with the submission
//     time, like LAPOR!'s national counter; unique within a population and stable across cuts.
//     Populations of different seeds reuse the same range: do not mix seeds in one database.
//   - Timestamps: "2006-01-02 15:04:05", naive, in WIB (Asia/Jakarta), as exports carry them.
//     Staff act mostly 08:00-16:00 WITA on working days (national holidays and cuti bersama
//     rapor's built-in calendar, 2015-2027); citizens submit at any hour, mostly office hours.
//   - Lokasi: a kecamatan ("Babirik") or "<Desa|Kelurahan X>, <kecamatan>": the kecamatan is
//     always the text after the last ", ". Village names are illustrative.
//   - Instansi Tujuan: one of Agencies(), empty until disposed; about 2% of complaints spell it
//     differently (upper or lower case, a doubled inner space, a trailing space).
//   - Status: the spellings of the spec (Belum Terverifikasi, Terverifikasi, Terdisposisi Belum
//     Ditindaklanjuti / Belum Ditindaklanjuti, Terdisposisi Sedang Diproses / Ditindaklanjuti /
//     Sedang Diproses, Selesai / Terdisposisi Selesai, Tertunda, Diarsipkan, Bukan Wewenang);
//     always consistent with the timestamps of the row.
//   - Agencies differ in diligence (Dukcapil, Diskominfo, BPBD answer within 1-2 working days;
//     Dinas Sosial, Disperkim, Kecamatan Amuntai Tengah leave many complaints unanswered), and
//     some drift over the year (PUPR, DLH, DPMD improve; RSUD, Dinas Pertanian get slower).
//   - Isi Laporan: 80-400 characters of Indonesian complaint text; about 20% carry a phone
//     number, 10% a 16-digit NIK (6308...), 6% an e-mail address, all fake but well-formed;
//     4% are multi-line. Regular complainants reuse the same Nama Pelapor and No. HP Pelapor.
//   - Rating: 1-5 on about 45% of closed complaints, given after closure.
package gen

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"time"
)

// Options describe one export.
type Options struct {
	Rows   int       // number of rows in the export (complaints in the cut)
	Seed   int64     // same seed => byte-identical output
	AsOf   time.Time // the cut-off (default DefaultAsOf)
	Months int       // months of submissions before AsOf the complaints span (default 12)

	// Noise puts real-world mess in about 3% of rows: blank optional cells, surrounding
	// spaces, lower/upper-case status, Anonim/Rahasia as 1/0, Y/N or true/false, timestamps
	// without seconds or day-first (07/03/2025 14:05:09). Every row stays valid.
	Noise bool
	// BadRows replaces that many rows, spread evenly through the file (see BadRowIndexes), by
	// invalid ones: no No. Tracking, Tanggal Laporan "31/02/2025 99:99", blank Tanggal Laporan,
	// Tanggal Selesai "2025-13-45 25:61:00" (in turn).
	BadRows int
	// ExcelDates writes XLSX timestamps as Excel date cells (serial numbers with a
	// yyyy-mm-dd hh:mm:ss format) instead of text.
	ExcelDates bool
	// Window is, for MonthlyCuts, how far back the activity of a complaint reaches into each
	// export after the first (default 92 days; the first export holds everything).
	Window time.Duration
}

// DefaultAsOf is the cut-off when Options.AsOf is zero: the last second of October 2025, WITA.
var DefaultAsOf = time.Date(2025, 10, 31, 23, 59, 59, 0, WITA)

func (o Options) withDefaults() Options {
	if o.AsOf.IsZero() {
		o.AsOf = DefaultAsOf
	}
	if o.Months <= 0 {
		o.Months = 12
	}
	if o.Window <= 0 {
		o.Window = 92 * 24 * time.Hour
	}
	if o.Rows < 0 {
		o.Rows = 0
	}
	o.BadRows = min(max(o.BadRows, 0), o.Rows)
	return o
}

// window returns the submission window [from, to] of o (after defaults).
func (o Options) window() (from, to time.Time) {
	return o.AsOf.AddDate(0, -o.Months, 0), o.AsOf
}

// BadRowIndexes returns the 0-based data-row indexes that Options.BadRows replaces
// (row k of the file is line k+2 of a CSV, row k+2 of a sheet); kind i%4 of the list in order.
func BadRowIndexes(rows, bad int) []int {
	bad = min(max(bad, 0), max(rows, 0))
	out := make([]int, bad)
	for k := range bad {
		out[k] = int((int64(2*k+1) * int64(rows)) / int64(2*bad))
	}
	return out
}

// Stream generates the rows of the export o describes and calls fn with each, in order of
// submission. The Row is only valid during the call. Rows are made in parallel batches (every
// row depends on the seed and its index alone), so memory stays small and constant.
func Stream(o Options, fn func(r *Row) error) (int, error) {
	o = o.withDefaults()
	from, to := o.window()
	g := newGenerator(o.Seed, o.Rows, from.Unix(), to.Unix())
	at := to.Unix()
	bad := BadRowIndexes(o.Rows, o.BadRows)
	nb := 0
	emit := func(i int, r *Row) error {
		if nb < len(bad) && bad[nb] == i {
			spoil(r, nb)
			nb++
		}
		return fn(r)
	}
	workers := min(runtime.GOMAXPROCS(0), 8)
	if workers < 2 || o.Rows < 4*streamBatch {
		var (
			l   life
			row Row
			sb  []byte
		)
		for i := range o.Rows {
			g.fill(i, at, o.Noise, &l, &row, &sb)
			if err := emit(i, &row); err != nil {
				return i, err
			}
		}
		return o.Rows, nil
	}

	// Batch k is made by worker k%workers; the consumer takes batches in order.
	type batch struct {
		start int
		rows  []Row
	}
	done := make(chan struct{})
	defer close(done)
	out := make([]chan batch, workers)
	free := make([]chan []Row, workers)
	for w := range workers {
		out[w] = make(chan batch, 2)
		free[w] = make(chan []Row, 3)
		for range 3 {
			free[w] <- make([]Row, streamBatch)
		}
		go func(w int, g *generator) {
			defer close(out[w])
			var (
				l  life
				sb []byte
			)
			for start := w * streamBatch; start < o.Rows; start += workers * streamBatch {
				var buf []Row
				select {
				case buf = <-free[w]:
				case <-done:
					return
				}
				n := min(streamBatch, o.Rows-start)
				for j := range n {
					g.fill(start+j, at, o.Noise, &l, &buf[j], &sb)
				}
				select {
				case out[w] <- batch{start, buf[:n]}:
				case <-done:
					return
				}
			}
		}(w, g.clone())
	}
	for k := 0; k*streamBatch < o.Rows; k++ {
		w := k % workers
		b := <-out[w]
		for j := range b.rows {
			if err := emit(b.start+j, &b.rows[j]); err != nil {
				return b.start + j, err
			}
		}
		free[w] <- b.rows[:cap(b.rows)]
	}
	return o.Rows, nil
}

const streamBatch = 1024

// fill makes row i of a Stream: complaint i cut at at, with noise when asked.
func (g *generator) fill(i int, at int64, noise bool, l *life, row *Row, sb *[]byte) {
	g.make(i, l)
	*sb = l.row(at, row, *sb)
	if noise {
		g.noise(row, 0, uint64(i))
	}
}

// Write writes the export o describes to path as format "csv" or "xlsx" and returns the number
// of data rows. This is `rapor gen --rows N --out FILE --format csv|xlsx --seed S`.
func Write(path, format string, o Options) (n int, err error) {
	o = o.withDefaults()
	switch strings.ToLower(format) {
	case "csv":
		f, err := os.Create(path)
		if err != nil {
			return 0, err
		}
		bw := bufio.NewWriterSize(f, 1<<20)
		cw := &csvWriter{w: bw}
		if err := cw.write(header[:]); err != nil {
			f.Close()
			return 0, err
		}
		n, err = Stream(o, func(r *Row) error { return cw.write(r[:]) })
		if err == nil {
			err = bw.Flush()
		}
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			return n, fmt.Errorf("gen: writing %s: %w", path, err)
		}
		return n, nil
	case "xlsx":
		if o.Rows > MaxXLSXRows {
			return 0, fmt.Errorf("gen: an XLSX sheet holds at most %d data rows, not %d (use csv)", MaxXLSXRows, o.Rows)
		}
		err = writeXLSX(path, o.ExcelDates, func(yield func(*Row) error) error {
			var err error
			n, err = Stream(o, yield)
			return err
		})
		return n, err
	}
	return 0, fmt.Errorf("gen: unknown format %q (csv or xlsx)", format)
}

// WriteCSV writes the header and rows as RFC 4180 CSV (UTF-8, LF line ends), quoting exactly
// as encoding/csv does.
func WriteCSV(w io.Writer, rows []Row) error {
	bw := bufio.NewWriterSize(w, 1<<16)
	cw := &csvWriter{w: bw}
	if err := cw.write(header[:]); err != nil {
		return err
	}
	for i := range rows {
		if err := cw.write(rows[i][:]); err != nil {
			return err
		}
	}
	return bw.Flush()
}

// WriteXLSX writes the header and rows to one sheet ("Laporan"), timestamps as text.
func WriteXLSX(path string, rows []Row) error { return WriteXLSXWith(path, rows, false) }

// WriteXLSXWith is WriteXLSX with a choice of Excel date cells for the timestamps.
func WriteXLSXWith(path string, rows []Row, excelDates bool) error {
	return writeXLSX(path, excelDates, func(yield func(*Row) error) error {
		for i := range rows {
			if err := yield(&rows[i]); err != nil {
				return err
			}
		}
		return nil
	})
}

// MonthlyCuts writes one export per month end, the last `months` of them up to o.AsOf (the last
// one at o.AsOf itself when it is not a month end), from one population of o.Rows complaints
// submitted over o.Months before o.AsOf. The first export holds every complaint submitted by its
// cut-off; each later one holds those with activity within o.Window before its cut-off, so the
// exports overlap and a complaint reappears with its newer state. Ingesting all of them gives the
// same current state as the full cut at o.AsOf. Files are named lapor-hsu-YYYY-MM.<format>.
func MonthlyCuts(dir string, o Options, months int, format string) ([]string, error) {
	o = o.withDefaults()
	format = strings.ToLower(format)
	if format != "csv" && format != "xlsx" {
		return nil, fmt.Errorf("gen: unknown format %q (csv or xlsx)", format)
	}
	if months <= 0 {
		return nil, errors.New("gen: months must be at least 1")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	from, to := o.window()
	pop := Population(o.Seed, o.Rows, from, to)
	var paths []string
	for k, end := range MonthEnds(o.AsOf, months) {
		window := o.Window
		if k == 0 {
			window = 0
		}
		rows := Cut(pop, end, window)
		if o.Noise {
			g := &generator{seed: uint64(o.Seed)}
			g.r2 = newRand(&g.pcg2)
			for i := range rows {
				g.noise(&rows[i], uint64(end.Unix()), uint64(i))
			}
		}
		for nb, i := range BadRowIndexes(len(rows), o.BadRows) {
			spoil(&rows[i], nb)
		}
		local := end.In(WITA)
		path := filepath.Join(dir, fmt.Sprintf("lapor-hsu-%04d-%02d.%s", local.Year(), int(local.Month()), format))
		var err error
		if format == "csv" {
			err = writeCSVFile(path, rows)
		} else {
			err = WriteXLSXWith(path, rows, o.ExcelDates)
		}
		if err != nil {
			return paths, err
		}
		paths = append(paths, path)
	}
	return paths, nil
}

// MonthEnds returns the last instants (WITA) of the `months` months ending with asOf's month,
// oldest first; the last is asOf itself when asOf is earlier than its month's end.
func MonthEnds(asOf time.Time, months int) []time.Time {
	local := asOf.In(WITA)
	var out []time.Time
	for k := months - 1; k >= 0; k-- {
		end := time.Date(local.Year(), local.Month()-time.Month(k)+1, 1, 0, 0, 0, 0, WITA).Add(-time.Second)
		if end.After(asOf) {
			end = asOf
		}
		out = append(out, end)
	}
	return out
}

func writeCSVFile(path string, rows []Row) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	bw := bufio.NewWriterSize(f, 1<<16)
	err = WriteCSV(bw, rows)
	if err == nil {
		err = bw.Flush()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}
