package ingest

import (
	"context"
	"os"
	"testing"
)

// BenchmarkPipeline runs the reader and normalisers alone (no DuckDB) over $RAPOR_BENCH_CSV (a CSV or XLSX export).
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
		bind, row, _, err := findHeader(path, src, o.Layouts)
		if err != nil {
			b.Fatal(err)
		}
		tp := TimeParser{Loc: o.SourceLoc, Serial: src.Serial()}
		n := newNormalizer(bind, tp, o.Pseudonymizer, "x", src.Format() == "csv")
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
