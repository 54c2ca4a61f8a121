package main

import (
	"path/filepath"
	"strings"
	"testing"
)

const ringkasFixtures = "../../ingest/testdata/ringkas/"

// rapor ingest reads Laporan Ringkas with no mapping; --observed-at gives the instant of a file
// without Tanggal Generate; the summary says whose file it is and lists unknown statuses.
func TestIngestRingkasCommand(t *testing.T) {
	t.Setenv("RAPOR_LANG", "")
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	db := filepath.Join(t.TempDir(), "r.duckdb")
	code, out, errs := rapor(t, "", "--db", db, "ingest", "--observed-at", "2025-11-14", ringkasFixtures+"r17_nopreamble.xlsx", ringkasFixtures+"r26_hsu_preamble.xlsx")
	if code != exitOK {
		t.Fatalf("code %d\n%s\n%s", code, out, errs)
	}
	for _, want := range []string{
		"r17_nopreamble.xlsx: 4 baris, 4 diterima, 0 ditolak",
		`berkas ini milik Kabupaten Tabalong (dari Instansi Induk), bukan Kabupaten Hulu Sungai Utara dari konfigurasi: dimuat sebagai "Tabalong"`,
		"r26_hsu_preamble.xlsx: 14 baris, 13 diterima, 1 ditolak",
		`status tidak dikenal (baris tetap dimuat, status unknown): "Selesai Sebagian" (1), "selesai  sebagian" (1)`,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	// The option is the whole day in the source zone (Asia/Jakarta by default), the preamble's
	// Tanggal Generate wins over it.
	code, out, _ = rapor(t, "", "--db", db, "sql", "--format", "csv",
		"SELECT regency, observed_source, strftime(observed_from AT TIME ZONE 'Asia/Jakarta', '%Y-%m-%d %H:%M') AS f, strftime(observed_to AT TIME ZONE 'Asia/Jakarta', '%H:%M:%S') AS t FROM ingest_runs ORDER BY run_id")
	if want := "regency,observed_source,f,t\nTabalong,option,2025-11-14 00:00,23:59:59\nHulu Sungai Utara,preamble,2025-11-14 00:00,23:59:59\n"; code != exitOK || out != want {
		t.Errorf("runs: %q, want %q", out, want)
	}
	code, _, errs = rapor(t, "", "--db", db, "ingest", "--observed-at", "besok", ringkasFixtures+"r17_nopreamble.xlsx")
	if code == exitOK || !strings.Contains(errs, "2025-11-14 08:00") {
		t.Errorf("bad --observed-at: code %d %s", code, errs)
	}
}
