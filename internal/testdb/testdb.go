// Package testdb builds small rapor databases for tests: real files, filled through the real
// ingest package, closed before the test opens them again.
package testdb

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/hsu-lapor/rapor/ingest"
	"github.com/hsu-lapor/rapor/store"
)

// TimeZone is the local zone the test databases are built and read in.
const TimeZone = "Asia/Makassar"

// ExportCSV is a layout-A export with values that test formats: formula-like text, a line
// break and a comma inside cells, an empty rating, submissions either side of a local month end.
const ExportCSV = `No. Tracking,Tanggal Laporan,Judul,Isi Laporan,Kategori,Instansi Tujuan,Status,Sumber,Tanggal Disposisi,Tanggal Tindak Lanjut Pertama,Tanggal Selesai,Rating,Nama Pelapor
LAP-001,2024-01-02 09:00,Jalan rusak,"Jalan di desa A rusak, parah",Infrastruktur,Dinas PUPR,Selesai,Website,2024-01-03 10:00,2024-01-05 11:00,2024-01-20 12:00,5,Budi
LAP-002,2024-01-31 23:30,"=HYPERLINK(""http://contoh"",""klik"")","+62 isi
dua baris",Kesehatan,Dinas Kesehatan,Proses,SMS 1708,2024-02-01 08:00,,,,Siti
LAP-003,2024-02-01 07:00,@SUM(A1),-1+2,Pendidikan,Dinas Pendidikan,Belum Terverifikasi,Twitter,,,,,Ani
LAP-004,2024-02-10 13:15,Lampu jalan mati,Lampu mati sejak seminggu,Infrastruktur,Dinas PUPR,Selesai,Website,2024-02-11 09:00,2024-02-12 10:00,2024-02-28 16:00,4,Dodi
`

// Build writes a database with the complaints of ExportCSV into dir and returns its path. The
// writer is closed: the caller may open the file with other settings.
func Build(t testing.TB, dir string) string {
	t.Helper()
	ctx := context.Background()
	path := filepath.Join(dir, "rapor.duckdb")
	csv := filepath.Join(dir, "export.csv")
	if err := os.WriteFile(csv, []byte(ExportCSV), 0o644); err != nil {
		t.Fatal(err)
	}
	db, err := store.Open(ctx, path, store.Options{TimeZone: TimeZone})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	layouts, err := ingest.LoadLayouts()
	if err != nil {
		t.Fatal(err)
	}
	jakarta, _ := time.LoadLocation("Asia/Jakarta")
	res, err := ingest.File(ctx, db, csv, ingest.Options{
		Regency:       "Hulu Sungai Utara",
		SourceLoc:     jakarta,
		Layouts:       layouts,
		Pseudonymizer: ingest.NewPseudonymizer([]byte("test key for pseudonyms, 32 bytes")),
		Version:       "test",
	})
	if err != nil {
		t.Fatal(err)
	}
	if res.Accepted != 4 {
		t.Fatalf("ingest accepted %d rows, want 4", res.Accepted)
	}
	return path
}
