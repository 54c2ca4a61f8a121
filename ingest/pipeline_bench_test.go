package ingest

import (
	"context"
	"os"
	"testing"
)

// BenchmarkPipeline runs the reader and normalisers alone (no DuckDB) over $RAPOR_BENCH_CSV.
func BenchmarkPipeline(b *testing.B) {
	path := os.Getenv("RAPOR_BENCH_CSV")
	if path == "" {
		b.Skip("set RAPOR_BENCH_CSV to a layout-A export")
	}
	o := testOptions(b)
	for i := 0; i < b.N; i++ {
		src, err := openSource(path)
		if err != nil {
			b.Fatal(err)
		}
		bind, row, err := findHeader(path, src, o.Layouts)
		if err != nil {
			b.Fatal(err)
		}
		n := newNormalizer(bind, TimeParser{Loc: o.SourceLoc}, o.Pseudonymizer, "x", true)
		p := startPipeline(context.Background(), src, n, o, row)
		rows := int64(0)
		for p.Next() {
			rows += p.RecordBatch().NumRows()
		}
		if p.Err() != nil {
			b.Fatal(p.Err())
		}
		b.ReportMetric(float64(rows), "rows")
		src.Close()
	}
}
