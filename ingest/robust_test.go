package ingest

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
	"unicode/utf16"
)

// TestNULByte: one rule wherever the NUL is, in the first 8 KB or far after: the file fails,
// naming the line, and nothing changes.
func TestNULByte(t *testing.T) {
	dir := t.TempDir()
	db := openTestDB(t, filepath.Join(dir, "r.duckdb"))
	before := tableCounts(t, db.DB)
	for _, line := range []int{3, 900} {
		var b strings.Builder
		b.WriteString("No. Tracking,Tanggal Laporan,Judul\n")
		for i := 2; i <= 1000; i++ {
			title := "jalan rusak"
			if i == line {
				title = "jalan\x00rusak"
			}
			fmt.Fprintf(&b, "N%d,2025-01-02 08:00,%s\n", i, title)
		}
		p := writeFile(t, dir, fmt.Sprintf("nul%d.csv", line), []byte(b.String()))
		_, err := File(context.Background(), db, p, testOptions(t))
		var nt *NotTableError
		if !errors.As(err, &nt) || !strings.Contains(err.Error(), fmt.Sprintf("NUL di baris %d", line)) {
			t.Errorf("NUL on line %d: want a not-a-table error naming the line, got %v", line, err)
		}
	}
	if after := tableCounts(t, db.DB); after != before {
		t.Errorf("files with NUL bytes changed the database: %s -> %s", before, after)
	}
}

func utf16LE(s string, bom bool) []byte {
	var out []byte
	if bom {
		out = append(out, 0xFF, 0xFE)
	}
	for _, u := range utf16.Encode([]rune(s)) {
		out = append(out, byte(u), byte(u>>8))
	}
	return out
}

// TestUTF16: Excel's "Unicode text" (UTF-16 with a byte order mark, tab-separated) reads as
// its UTF-8 twin does; UTF-16 without the mark is refused with what to do.
func TestUTF16(t *testing.T) {
	dir := t.TempDir()
	utf8 := "No. Tracking\tTanggal Laporan\tJudul\tLokasi\n5200001\t2025-03-03 08:15:00\tJalan berlubang — Amuntai ✓\tAmuntai Tengah\n5200002\t04/03/2025 14:05\t\"Dua\nbaris\"\tBabirik\n"
	state := func(name string, data []byte) ([]string, FileResult, error) {
		db := openTestDB(t, filepath.Join(t.TempDir(), "r.duckdb"))
		r, err := File(context.Background(), db, writeFile(t, dir, name, data), testOptions(t))
		if err != nil {
			return nil, r, err
		}
		return rows(t, db.DB, `SELECT tracking_id, submitted_at, title, area FROM complaints ORDER BY ALL`), r, nil
	}
	want, wr, err := state("utf8.csv", []byte(utf8))
	if err != nil || wr.Accepted != 2 {
		t.Fatalf("UTF-8: %+v %v", wr, err)
	}
	got, gr, err := state("utf16.txt", utf16LE(utf8, true))
	if err != nil {
		t.Fatalf("UTF-16: %v", err)
	}
	if !reflect.DeepEqual(got, want) || gr.Accepted != 2 {
		t.Errorf("UTF-16 reads\n%s\nUTF-8\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	_, _, err = state("nobom.csv", utf16LE(utf8, false))
	var nt *NotTableError
	if !errors.As(err, &nt) || !strings.Contains(err.Error(), "UTF-16") || !strings.Contains(err.Error(), "CSV UTF-8") {
		t.Errorf("UTF-16 without a byte order mark: %v", err)
	}
}

// TestDuplicateHeaders: two columns of one name both reach extra, under distinct keys.
func TestDuplicateHeaders(t *testing.T) {
	dir := t.TempDir()
	db := openTestDB(t, filepath.Join(dir, "r.duckdb"))
	p := writeFile(t, dir, "dup.csv", []byte("No. Tracking,Tanggal Laporan,Catatan,Judul,Catatan,Catatan (kolom 5)\nD1,2025-01-02 08:00,satu,x,dua,tiga\n"))
	ingestOK(t, db, p, testOptions(t))
	got := one(t, db.DB, `SELECT extra::VARCHAR FROM complaints`)
	for _, want := range []string{`"Catatan":"satu"`, `"Catatan (kolom 5)":"dua"`, `"Catatan (kolom 5) (kolom 6)":"tiga"`} {
		if !strings.Contains(got, want) {
			t.Errorf("extra %s lacks %s", got, want)
		}
	}
}

// TestPlausibleDates: a submission date outside the plausible range rejects its row; another
// timestamp outside it is dropped, the row kept, and both counts are in the summary.
func TestPlausibleDates(t *testing.T) {
	dir := t.TempDir()
	db := openTestDB(t, filepath.Join(dir, "r.duckdb"))
	future := time.Now().AddDate(0, 0, 3).Format("2006-01-02")
	csv := "No. Tracking,Tanggal Laporan,Judul,Tanggal Selesai\n" +
		"P1,2025-01-02 08:00,baik,2025-01-09 08:00\n" +
		"P2,1900-01-01 00:00,tahun 1900,\n" +
		"P3,2025-01-02 08:00,selesai 1900,1900-01-01\n" +
		"P4," + future + " 08:00,masa depan,\n" +
		"P5,2014-05-01 08:00,sebelum from,\n"
	p := writeFile(t, dir, "dates.csv", []byte(csv))
	o := testOptions(t)
	o.PlausibleFrom = time.Date(2015, 1, 1, 0, 0, 0, 0, o.SourceLoc)
	r := ingestOK(t, db, p, o)
	if r.Read != 5 || r.Accepted != 2 || r.Rejected != 3 || r.Notes != 1 {
		t.Errorf("read %d accepted %d rejected %d notes %d, want 5/2/3/1", r.Read, r.Accepted, r.Rejected, r.Notes)
	}
	if s := r.Summary(); !strings.Contains(s, "3 ditolak, 1 nilai dibuang") {
		t.Errorf("summary: %s", s)
	}
	got := rows(t, db.DB, `SELECT tracking_id, coalesce(strftime(closed_at, '%Y'), '-') FROM complaints ORDER BY 1`)
	if want := []string{"P1|2025", "P3|-"}; !reflect.DeepEqual(got, want) {
		t.Errorf("complaints %v, want %v", got, want)
	}
	rej := rows(t, db.DB, `SELECT source_row, column_name, reason_code, row_rejected FROM rejects ORDER BY 1`)
	want := []string{"3|Tanggal Laporan|implausible_date|true", "4|Tanggal Selesai|implausible_date|false",
		"5|Tanggal Laporan|implausible_date|true", "6|Tanggal Laporan|implausible_date|true"}
	if !reflect.DeepEqual(rej, want) {
		t.Errorf("rejects\n%s\nwant\n%s", strings.Join(rej, "\n"), strings.Join(want, "\n"))
	}
}

func TestUniqueKey(t *testing.T) {
	used := map[string]bool{}
	var got []string
	for i, h := range []string{"A", "A", "B", "A (kolom 2)", "A"} {
		got = append(got, uniqueKey(h, i, used))
	}
	if want := []string{"A", "A (kolom 2)", "B", "A (kolom 2) (kolom 4)", "A (kolom 5)"}; !reflect.DeepEqual(got, want) {
		t.Errorf("%q, want %q", got, want)
	}
}
