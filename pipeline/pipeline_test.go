package pipeline

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/hsu-lapor/rapor/config"
	"github.com/hsu-lapor/rapor/ingest"
	"github.com/hsu-lapor/rapor/internal/msg"
	"github.com/hsu-lapor/rapor/reports"
	"github.com/hsu-lapor/rapor/store"
)

func TestDefaultMonth(t *testing.T) {
	wita := time.FixedZone("WITA", 8*3600)
	d := func(y int, m time.Month, day, h int) time.Time { return time.Date(y, m, day, h, 0, 0, 0, wita) }
	for _, c := range []struct {
		name      string
		now, asOf time.Time
		want      string
	}{
		{"early in the month: the month that ended", d(2025, 11, 3, 9), d(2025, 11, 2, 17), "2025-10"},
		{"no cut-off known", d(2025, 11, 3, 9), time.Time{}, "2025-10"},
		{"data stop earlier: their last month", d(2026, 12, 1, 9), d(2025, 10, 31, 22), "2025-10"},
		{"data stop early in a month: the month before", d(2026, 12, 1, 9), d(2025, 11, 3, 9), "2025-10"},
		{"January: December of the year before", d(2026, 1, 2, 9), d(2026, 1, 1, 8), "2025-12"},
		{"local month, not UTC's", time.Date(2025, 10, 31, 17, 0, 0, 0, time.UTC), time.Time{}, "2025-10"}, // 1 Nov 01:00 WITA
	} {
		if got := DefaultMonth(c.now, c.asOf, wita).Format("2006-01"); got != c.want {
			t.Errorf("%s: %s, want %s", c.name, got, c.want)
		}
	}
}

func newDB(t *testing.T) *store.DB {
	t.Helper()
	db, err := store.Open(context.Background(), filepath.Join(t.TempDir(), "r.duckdb"), store.Options{TimeZone: "Asia/Makassar"})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func TestAsOfBeforeTheFirstBuild(t *testing.T) {
	if _, err := AsOf(context.Background(), newDB(t)); !errors.Is(err, reports.ErrNotBuilt) {
		t.Errorf("AsOf of an unbuilt database: %v", err)
	}
}

// TestIngestFilesPrintsOnce: a good file gets its one line on Out; a bad one its reason on Err,
// once, in the pipeline's language; the next file still runs.
func TestIngestFilesPrintsOnce(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "foto.csv")
	os.WriteFile(bad, []byte("\x89PNG\r\n\x1a\n\x00\x00"), 0o644)
	layouts, err := ingest.LoadLayouts()
	if err != nil {
		t.Fatal(err)
	}
	defer msg.SetLang(msg.Current())
	for _, l := range []msg.Lang{msg.ID, msg.EN} {
		msg.SetLang(l) // ingest's NotTableError still words its reason when it is made
		var out, errs bytes.Buffer
		cfg := config.Default()
		p := &Pipeline{Config: cfg, Lang: l, Out: &out, Err: &errs, Ingest: ingest.Options{
			Regency: "Hulu Sungai Utara", SourceLoc: cfg.SourceLocation(), Layouts: layouts,
			Pseudonymizer: ingest.NewPseudonymizer([]byte("0123456789abcdef0123456789abcdef")),
		}}
		_, failed := p.IngestFiles(context.Background(), newDB(t), []string{bad, "../testdata/ingest/lapor_admin.csv"})
		wantOut, wantErr := "lapor_admin.csv: 12 baris, 8 diterima, 4 ditolak", "foto.csv: bukan berkas tabel"
		if l == msg.EN {
			wantOut, wantErr = "lapor_admin.csv: 12 rows, 8 accepted, 4 rejected", "foto.csv: not a readable table"
		}
		if failed != 1 || !strings.Contains(out.String(), wantOut) || strings.Count(errs.String(), "foto.csv") != 1 || !strings.Contains(errs.String(), wantErr) {
			t.Errorf("%s: failed %d\nout %q\nerr %q", l, failed, out.String(), errs.String())
		}
	}
}

// TestBuildNamesDownloadsAfterTheClock: a download whose instant is after the build's clock
// stops the build with the file named, in the pipeline's language.
func TestBuildNamesDownloadsAfterTheClock(t *testing.T) {
	layouts, err := ingest.LoadLayouts()
	if err != nil {
		t.Fatal(err)
	}
	next := time.Now().AddDate(1, 0, 0).Truncate(time.Minute)
	for _, l := range []msg.Lang{msg.ID, msg.EN} {
		cfg := config.Default()
		var out, errs bytes.Buffer
		p := &Pipeline{Config: cfg, Lang: l, Out: &out, Err: &errs, Ingest: ingest.Options{
			Regency: "Kabupaten Tabalong", SourceLoc: cfg.SourceLocation(), Layouts: layouts,
			Pseudonymizer: ingest.NewPseudonymizer([]byte("0123456789abcdef0123456789abcdef")),
			ObservedAt:    &ingest.Instant{From: next, To: next},
		}}
		db := newDB(t)
		if _, failed := p.IngestFiles(context.Background(), db, []string{"../ingest/testdata/ringkas/r17_nopreamble.xlsx"}); failed != 0 {
			t.Fatalf("%s: ingest failed: %s", l, errs.String())
		}
		_, err := p.Build(context.Background(), db)
		t.Logf("%s: %v", l, err)
		want := []string{"r17_nopreamble.xlsx", "1 ekspor Laporan Ringkas diunduh setelah waktu build ini", "Jam komputer ini"}
		if l == msg.EN {
			want = []string{"r17_nopreamble.xlsx", "1 Laporan Ringkas export(s) were downloaded after this build's time", "clock"}
		}
		for _, w := range want {
			if err == nil || !strings.Contains(err.Error(), w) {
				t.Errorf("%s: build error %v, want it to say %q", l, err, w)
			}
		}
	}
}
