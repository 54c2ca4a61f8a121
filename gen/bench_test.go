package gen

import (
	"bufio"
	"io"
	"os"
	"path/filepath"
	"testing"
)

// BenchmarkWriteCSV streams 100,000 rows to a discarding writer per iteration.
func BenchmarkWriteCSV(b *testing.B) {
	const rows = 100_000
	o := Options{Rows: rows, Seed: 42}
	b.ReportAllocs()
	for b.Loop() {
		cw := &csvWriter{w: bufio.NewWriterSize(io.Discard, 1<<20)}
		if err := cw.write(header[:]); err != nil {
			b.Fatal(err)
		}
		if _, err := Stream(o, func(r *Row) error { return cw.write(r[:]) }); err != nil {
			b.Fatal(err)
		}
		if err := cw.w.Flush(); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(rows)*float64(b.N)/b.Elapsed().Seconds(), "rows/s")
}

// BenchmarkWriteXLSX writes a 20,000-row workbook per iteration.
func BenchmarkWriteXLSX(b *testing.B) {
	const rows = 20_000
	path := filepath.Join(b.TempDir(), "bench.xlsx")
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Write(path, "xlsx", Options{Rows: rows, Seed: 42}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(rows)*float64(b.N)/b.Elapsed().Seconds(), "rows/s")
	if fi, err := os.Stat(path); err == nil {
		b.ReportMetric(float64(fi.Size())/rows, "bytes/row")
	}
}

// BenchmarkRingkasSnapshot writes one Laporan Ringkas snapshot of a 20,000-complaint history
// (26 columns) per iteration: `go test -bench RingkasSnapshot ./gen/`.
func BenchmarkRingkasSnapshot(b *testing.B) {
	o := RingkasOptions{Rows: 20_000, Seed: 42, Snapshots: 1}.withDefaults()
	pop := o.history()
	sn := o.plan(0, o.snapshotInstants()[0])
	sn.Path = filepath.Join(b.TempDir(), "bench.xlsx")
	rc := newRingkasCtx(o.Regency)
	b.ReportAllocs()
	for b.Loop() {
		if err := writeSnapshot(&sn, pop, o.Seed, 0, o.historyStart(), rc, -1); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(sn.Rows)*float64(b.N)/b.Elapsed().Seconds(), "rows/s")
	if fi, err := os.Stat(sn.Path); err == nil {
		b.ReportMetric(float64(fi.Size())/float64(sn.Rows), "bytes/row")
	}
}
