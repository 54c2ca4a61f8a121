//go:build duckdb_arrow

package resultfmt_test

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/hsu-lapor/rapor/analyst/resultfmt"
	"github.com/hsu-lapor/rapor/analyst/sandbox"
	"github.com/hsu-lapor/rapor/store"
)

// BenchmarkExport streams a generated result (range() in DuckDB, seven columns shaped like
// complaints) through the sandbox into a Parquet or CSV file on disk, and reports rows per
// second, the Go heap's peak (HeapInuse sampled every 10 ms), the process's peak RSS (DuckDB
// included; the kernel's high-water mark, so run one case per process to read it per case) and
// the file's size. Compare rows=1M with rows=10M: heap and RSS stay flat while the rows grow
// tenfold. Run it with
//
//	for b in parquet/rows=1M parquet/rows=10M csv/rows=1M csv/rows=10M; do
//	  go test -tags duckdb_arrow -run '^$' -bench "Export/$b\$" -benchtime 1x ./analyst/resultfmt/
//	done
func BenchmarkExport(b *testing.B) {
	dir := b.TempDir()
	dbPath := filepath.Join(dir, "bench.duckdb")
	db, err := store.Open(context.Background(), dbPath, store.Options{})
	if err != nil {
		b.Fatal(err)
	}
	db.Close()
	sess, err := sandbox.Open(context.Background(), dbPath, sandbox.Options{TimeZone: "Asia/Makassar"})
	if err != nil {
		b.Fatal(err)
	}
	defer sess.Close()
	for _, format := range []string{"parquet", "csv"} {
		for _, rows := range []int{1_000_000, 10_000_000} {
			b.Run(fmt.Sprintf("%s/rows=%dM", format, rows/1_000_000), func(b *testing.B) {
				exportBench(b, sess, format, rows, filepath.Join(dir, "out."+format))
			})
		}
	}
}

func exportBench(b *testing.B, sess *sandbox.Session, format string, rows int, out string) {
	query := fmt.Sprintf(`SELECT i AS id, 'LAP-' || lpad(i::VARCHAR, 9, '0') AS tracking_id,
		'Kabupaten ' || (i %% 514) AS regency, 'Dinas ' || (i %% 250) AS agency,
		TIMESTAMPTZ '2024-01-01 00:00:00+08' + to_seconds(i) AS submitted_at,
		CAST(i %% 5 + 1 AS TINYINT) AS rating, (i %% 97) / 7.0 AS score
		FROM range(%d) t(i)`, rows)
	runtime.GC()
	resetPeakRSS()
	stop := sampleHeap()
	b.ResetTimer()
	var written int64
	var size int64
	for n := 0; n < b.N; n++ {
		f, err := os.Create(out)
		if err != nil {
			b.Fatal(err)
		}
		bw := bufio.NewWriterSize(f, 1<<20)
		w, _ := resultfmt.New(format, bw, resultfmt.Options{})
		err = sess.Query(context.Background(), query, func(r sandbox.Result) error {
			c, err := w.Write(r)
			written += c
			return err
		})
		if err == nil {
			err = w.Close()
		}
		if err == nil {
			err = bw.Flush()
		}
		if err != nil {
			b.Fatal(err)
		}
		st, _ := f.Stat()
		size = st.Size()
		f.Close()
	}
	b.StopTimer()
	peakHeap := stop()
	if written != int64(rows)*int64(b.N) {
		b.Fatalf("wrote %d rows, want %d", written, rows*b.N)
	}
	b.ReportMetric(float64(written)/b.Elapsed().Seconds(), "rows/s")
	b.ReportMetric(float64(peakHeap)/(1<<20), "peak-heap-MB")
	if rss := peakRSS(); rss > 0 {
		b.ReportMetric(float64(rss)/(1<<20), "peak-rss-MB")
	}
	b.ReportMetric(float64(size)/(1<<20), "file-MB")
	os.Remove(out)
}

// sampleHeap samples HeapInuse until the returned function is called, which returns the peak.
func sampleHeap() func() uint64 {
	var (
		mu   sync.Mutex
		peak uint64
		done = make(chan struct{})
		wg   sync.WaitGroup
	)
	read := func() {
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		mu.Lock()
		peak = max(peak, m.HeapInuse)
		mu.Unlock()
	}
	wg.Add(1)
	go func() {
		defer wg.Done()
		t := time.NewTicker(10 * time.Millisecond)
		defer t.Stop()
		for {
			select {
			case <-done:
				return
			case <-t.C:
				read()
			}
		}
	}()
	return func() uint64 {
		close(done)
		wg.Wait()
		read()
		return peak
	}
}

// resetPeakRSS resets the kernel's peak-RSS mark of this process (Linux; ignored elsewhere).
func resetPeakRSS() { os.WriteFile("/proc/self/clear_refs", []byte("5"), 0) }

// peakRSS is the process's peak resident set (VmHWM) in bytes, 0 where unknown.
func peakRSS() int64 {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, l := range strings.Split(string(b), "\n") {
		if rest, ok := strings.CutPrefix(l, "VmHWM:"); ok {
			kb, err := strconv.ParseInt(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(rest), "kB")), 10, 64)
			if err == nil {
				return kb << 10
			}
		}
	}
	return 0
}
