package ingest

import (
	"bufio"
	"context"
	"fmt"
	"log/slog"
	"math/rand"
	"os"
	"path/filepath"
	"strconv"
	"syscall"
	"testing"
	"time"

	"github.com/hsu-lapor/rapor/config"
	"github.com/hsu-lapor/rapor/store"
	"github.com/hsu-lapor/rapor/transform"
)

// BenchmarkSnapshotSeries ingests a year of weekly snapshot exports of one regency and builds
// the models, as a regency that downloads Laporan Ringkas every week would (issue 8's goal: 52
// snapshots of 100,000 complaints, ingest and build under 60 s on 2 cores; the database grows with
// the changes, not with the snapshots). RAPOR_BENCH_SNAP_ROWS (default 100,000) complaints,
// RAPOR_BENCH_SNAP_WEEKS (default 52) snapshots; about 5% of the complaints change state each
// week. RAPOR_BENCH_SNAP_DB keeps the database at that path (e.g. for `rapor build`).
//
//	go test -tags duckdb_arrow -run '^$' -bench BenchmarkSnapshotSeries -benchtime 1x ./ingest/
//
// The files are written between ingests, outside the timer (each is ~35 MB of CSV).
func BenchmarkSnapshotSeries(b *testing.B) {
	n, weeks := 100_000, 52
	if s := os.Getenv("RAPOR_BENCH_SNAP_ROWS"); s != "" {
		n, _ = strconv.Atoi(s)
	}
	if s := os.Getenv("RAPOR_BENCH_SNAP_WEEKS"); s != "" {
		weeks, _ = strconv.Atoi(s)
	}
	for it := 0; it < b.N; it++ {
		b.StopTimer()
		dir := b.TempDir()
		dbPath := filepath.Join(dir, "r.duckdb")
		if p := os.Getenv("RAPOR_BENCH_SNAP_DB"); p != "" {
			dbPath = p
			os.Remove(p)
			os.Remove(p + ".wal")
		}
		cfg := config.Default()
		db, err := store.Open(context.Background(), dbPath, store.Options{TimeZone: cfg.Timezone})
		if err != nil {
			b.Fatal(err)
		}
		o := snapOptions(b)
		if os.Getenv("RAPOR_BENCH_DEBUG") != "" {
			o.Log = slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelDebug}))
		}
		gen := newSnapGen(n)
		first := day("2025-01-06")
		var total, cpu time.Duration
		var rowsRead int64
		var firstSize int64
		for w := 0; w < weeks; w++ {
			path := filepath.Join(dir, fmt.Sprintf("w%02d.csv", w))
			changed := gen.write(b, path, w)
			at := Instant{From: first.From.AddDate(0, 0, 7*w), To: first.To.AddDate(0, 0, 7*w)}
			o.ObservedAt = &at
			b.StartTimer()
			t0, c0 := time.Now(), cpuTime()
			r, err := File(context.Background(), db, path, o)
			d := time.Since(t0)
			c := cpuTime() - c0
			cpu += c
			b.StopTimer()
			if err != nil {
				b.Fatal(err)
			}
			total += d
			rowsRead += r.Read
			os.Remove(path)
			if w == 0 {
				firstSize = checkpointSize(b, db, dbPath)
			}
			fmt.Fprintf(os.Stderr, "snapshot %2d: %6.0f ms, CPU %6.0f ms  (%d rows, %d changed)\n", w+1, d.Seconds()*1000, c.Seconds()*1000, r.Read, changed)
		}
		ingestSize := checkpointSize(b, db, dbPath)
		b.StartTimer()
		t0 := time.Now()
		if _, err := transform.Build(context.Background(), db, cfg, transform.WithClock(func() time.Time { return first.From.AddDate(0, 0, 7*weeks) })); err != nil {
			b.Fatal(err)
		}
		build := time.Since(t0)
		b.StopTimer()
		size := checkpointSize(b, db, dbPath)
		var versions, current int64
		db.QueryRow(`SELECT count(*), count(*) FILTER (is_current) FROM complaint_versions`).Scan(&versions, &current)
		fmt.Fprintf(os.Stderr, "ingest %d snapshots (%d rows): %.1f s (%.0f ms per snapshot); build %.1f s; total %.1f s\n",
			weeks, rowsRead, total.Seconds(), total.Seconds()*1000/float64(weeks), build.Seconds(), (total + build).Seconds())
		fmt.Fprintf(os.Stderr, "ingest CPU (user+sys, all threads) %.1f s\n", cpu.Seconds())
		fmt.Fprintf(os.Stderr, "complaint_versions %d rows (%d current); database %.1f MiB after one snapshot, %.1f MiB after %d (%.2fx), %.1f MiB after the build\n",
			versions, current, mib(firstSize), mib(ingestSize), weeks, float64(ingestSize)/float64(firstSize), mib(size))
		b.ReportMetric(total.Seconds(), "ingest-s")
		b.ReportMetric(build.Seconds(), "build-s")
		b.ReportMetric(float64(ingestSize)/float64(firstSize), "size-x")
		db.Close()
	}
}

func mib(n int64) float64 { return float64(n) / (1 << 20) }

// cpuTime is the CPU time this process has used (user and system, all threads): on a shared
// machine it says more about the cost than the wall clock does.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func checkpointSize(b *testing.B, db *store.DB, path string) int64 {
	if _, err := db.Exec(`CHECKPOINT`); err != nil {
		b.Fatal(err)
	}
	st, err := os.Stat(path)
	if err != nil {
		b.Fatal(err)
	}
	return st.Size()
}

// snapGen evolves n complaints week by week: each moves on with probability 0.05 along
// unverified -> verified (an agency named) -> waiting for information -> verified -> closed by the
// system (or archived), so that ~5% of a snapshot differs from the week before.
type snapGen struct {
	rnd    *rand.Rand
	step   []uint8
	agency []uint8
}

var snapGenStatus = []string{"Belum Terverifikasi", "Terverifikasi", "Menunggu Kelengkapan Informasi", "Terverifikasi", "Ditutup oleh Sistem"}

func newSnapGen(n int) *snapGen {
	return &snapGen{rnd: rand.New(rand.NewSource(52)), step: make([]uint8, n), agency: make([]uint8, n)}
}

var snapGenAgencies = []string{"Dinas Pekerjaan Umum dan Penataan Ruang", "Dinas Kesehatan", "Dinas Pendidikan", "Dinas Perhubungan",
	"Dinas Kependudukan dan Pencatatan Sipil", "Satuan Polisi Pamong Praja", "Dinas Lingkungan Hidup", "Dinas Sosial"}

func (g *snapGen) write(b testing.TB, path string, week int) (changed int) {
	if week > 0 {
		for i := range g.step {
			if g.step[i] < uint8(len(snapGenStatus)-1) && g.rnd.Float64() < 0.05 {
				g.step[i]++
				if g.step[i] == 1 {
					g.agency[i] = uint8(g.rnd.Intn(len(snapGenAgencies)))
				}
				changed++
			}
		}
	}
	f, err := os.Create(path)
	if err != nil {
		b.Fatal(err)
	}
	w := bufio.NewWriterSize(f, 1<<20)
	fmt.Fprintf(w, "Unduhan minggu %d\nNomor Snap,Masuk Snap,Dinas Snap,Keadaan Snap,Judul Snap\n", week+1)
	for i, s := range g.step {
		agency := ""
		if s > 0 {
			agency = snapGenAgencies[g.agency[i]]
		}
		// Submitted over 2024, a title of realistic length.
		fmt.Fprintf(w, "%d,%02d/%02d/2024 %02d:%02d,%s,%s,Jalan rusak dan berlubang di depan rumah warga nomor %d mohon segera diperbaiki\n",
			5_000_000+i, 1+i%28, 1+i%12, 7+i%10, i%60, agency, snapGenStatus[s], i)
	}
	if err := w.Flush(); err != nil {
		b.Fatal(err)
	}
	if err := f.Close(); err != nil {
		b.Fatal(err)
	}
	return changed
}
