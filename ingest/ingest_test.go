package ingest

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/hsu-lapor/rapor/internal/msg"
	"github.com/hsu-lapor/rapor/store"
)

const fixtures = "../testdata/ingest/"

var testKey = []byte("test-installation-key-0123456789")

func testOptions(t testing.TB, mappings ...string) Options {
	t.Helper()
	ls, err := LoadLayouts(mappings...)
	if err != nil {
		t.Fatal(err)
	}
	wib, _ := time.LoadLocation("Asia/Jakarta")
	return Options{Regency: "Hulu Sungai Utara", SourceLoc: wib, Layouts: ls, Pseudonymizer: NewPseudonymizer(testKey), Version: "test"}
}

func openTestDB(t testing.TB, path string) *store.DB {
	t.Helper()
	db, err := store.Open(context.Background(), path, store.Options{TimeZone: "Asia/Makassar"})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func ingestOK(t testing.TB, db *store.DB, path string, o Options) FileResult {
	t.Helper()
	r, err := File(context.Background(), db, path, o)
	if err != nil {
		t.Fatalf("ingest %s: %v", path, err)
	}
	return r
}

// rows runs a query and renders every row as text, for compact comparisons.
func rows(t testing.TB, db *sql.DB, q string, args ...any) []string {
	t.Helper()
	rs, err := db.Query(q, args...)
	if err != nil {
		t.Fatalf("%s: %v", q, err)
	}
	defer rs.Close()
	cols, _ := rs.Columns()
	var out []string
	for rs.Next() {
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rs.Scan(ptrs...); err != nil {
			t.Fatal(err)
		}
		parts := make([]string, len(vals))
		for i, v := range vals {
			switch x := v.(type) {
			case nil:
				parts[i] = "NULL"
			case time.Time:
				parts[i] = x.UTC().Format("2006-01-02T15:04:05Z")
			default:
				parts[i] = fmt.Sprint(x)
			}
		}
		out = append(out, strings.Join(parts, "|"))
	}
	if err := rs.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

func one(t testing.TB, db *sql.DB, q string, args ...any) string {
	t.Helper()
	r := rows(t, db, q, args...)
	if len(r) != 1 {
		t.Fatalf("%s: %d rows", q, len(r))
	}
	return r[0]
}

func TestIngestLayoutA(t *testing.T) {
	db := openTestDB(t, filepath.Join(t.TempDir(), "r.duckdb"))
	r := ingestOK(t, db, fixtures+"lapor_admin.csv", testOptions(t))
	if r.Layout != "lapor-admin" || r.Format != "csv" {
		t.Fatalf("layout %s format %s", r.Layout, r.Format)
	}
	if r.Read != 12 || r.Accepted != 8 || r.Rejected != 4 {
		t.Fatalf("read %d accepted %d rejected %d, want 12/8/4", r.Read, r.Accepted, r.Rejected)
	}
	got := rows(t, db.DB, `SELECT tracking_id, submitted_at, verified_at, disposed_at, first_response_at, closed_at,
		last_activity_at, version_at, status, status_raw, agency, is_anonymous, is_confidential, rating, has_first_response
		FROM complaints ORDER BY tracking_id`)
	want := []string{
		"5100001|2025-03-03T01:15:00Z|2025-03-03T03:00:00Z|2025-03-04T02:00:00Z|2025-03-06T06:30:00Z|2025-03-20T08:00:00Z|2025-03-20T08:00:00Z|2025-03-20T08:00:00Z|closed|Selesai|Dinas Pekerjaan Umum dan Penataan Ruang|false|false|4|true",
		"5100002|2025-03-04T07:05:00Z|2025-03-04T08:00:00Z|2025-03-05T01:30:00Z|2025-03-10T03:00:00Z|NULL|2025-03-10T03:00:00Z|2025-03-10T03:00:00Z|in_progress|Terdisposisi Sedang Diproses|Dinas Kependudukan dan Pencatatan Sipil|false|false|NULL|true",
		"5100003|2025-03-05T02:12:00Z|2025-03-05T03:00:00Z|2025-03-06T01:00:00Z|NULL|NULL|2025-03-06T01:00:00Z|2025-03-06T01:00:00Z|disposed|terdisposisi belum ditindaklanjuti|DINAS  PERHUBUNGAN|true|false|NULL|true",
		"5100004|2025-03-05T16:30:00Z|2025-03-06T08:00:00Z|2025-03-06T09:00:00Z|2025-03-07T01:00:00Z|NULL|2025-03-07T01:00:00Z|2025-03-07T01:00:00Z|in_progress|Ditindaklanjuti|Satpol PP|false|true|NULL|true",
		"5100005|2025-03-07T02:00:00Z|NULL|NULL|NULL|NULL|NULL|2025-03-07T02:00:00Z|unverified|Belum Terverifikasi|Badan Penanggulangan Bencana Daerah|false|false|NULL|true",
		"5100006|2025-03-06T17:00:00Z|NULL|NULL|NULL|NULL|NULL|2025-03-06T17:00:00Z|unknown|Status Aneh|Dinas Pendidikan dan Kebudayaan|true|false|NULL|true",
		"5100010|2025-03-08T03:00:00Z|2025-03-08T04:00:00Z|2025-03-08T05:00:00Z|NULL|NULL|2025-03-08T05:00:00Z|2025-03-08T05:00:00Z|closed|Selesai|Diskominfo|false|false|NULL|true",
		"5100011|2025-03-10T01:00:00Z|2025-03-10T02:00:00Z|2025-03-10T03:00:00Z|2025-03-11T03:00:00Z|2025-03-12T03:00:00Z|2025-03-12T03:00:00Z|2025-03-12T03:00:00Z|closed|Selesai|Dinas Kesehatan|NULL|false|NULL|true",
		"=HYPERLINK(\"http://evil\")|2025-03-10T01:00:00Z|NULL|NULL|NULL|NULL|NULL|2025-03-10T01:00:00Z|unverified|Belum|@Dinas Sosial|false|false|NULL|true",
	}
	// 5100010's closing time is unreadable, so the row is rejected; it must not be here.
	want = append(want[:6], want[7:]...)
	if !reflect.DeepEqual(got, want) {
		t.Errorf("complaints:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	rej := rows(t, db.DB, `SELECT source_row, coalesce(column_name, ''), coalesce(raw_value, ''), reason_code, row_rejected FROM rejects ORDER BY source_row, reason_code`)
	wantRej := []string{
		// Line numbers count the header (line 1) and the two lines of 5100003's body.
		"9|No. Tracking||missing_tracking_id|true",
		"10|Tanggal Laporan||missing_submitted_at|true",
		"11|Tanggal Laporan|31/02/2025 10:00|bad_timestamp|true",
		"12|Tanggal Selesai|kemarin sore|bad_timestamp|true",
		"13|Anonim|mungkin|bad_flag|false",
		"13|Rating|9|bad_rating|false",
	}
	if !reflect.DeepEqual(rej, wantRej) {
		t.Errorf("rejects:\n%s\nwant:\n%s", strings.Join(rej, "\n"), strings.Join(wantRej, "\n"))
	}
	// Extra columns are kept, not dropped.
	if got := one(t, db.DB, `SELECT extra->>'Kode Desa' FROM complaints WHERE tracking_id = '5100001'`); got != "6308010001" {
		t.Errorf("extra: %s", got)
	}
	// An unknown column whose header names personal data is kept as a pseudonym.
	if got := one(t, db.DB, `SELECT extra->>'Email Pelapor' FROM complaints WHERE tracking_id = '5100001'`); !strings.HasPrefix(got, "[PRIBADI:") || len(got) != len("[PRIBADI:]")+16 {
		t.Errorf("personal extra column: %q", got)
	}
	// Masking and confidentiality.
	if got := one(t, db.DB, `SELECT body FROM complaints WHERE tracking_id = '5100002'`); got != "Sudah 3 bulan KTP-el belum dicetak. NIK saya [NIK], email [EMAIL]" {
		t.Errorf("masked body: %q", got)
	}
	if got := one(t, db.DB, `SELECT coalesce(title, 'NULL') || '/' || coalesce(body, 'NULL') FROM complaints WHERE tracking_id = '5100004'`); got != "NULL/NULL" {
		t.Errorf("confidential complaint kept text: %q", got)
	}
	// Same reporter (same phone) -> same pseudonym; anonymous without name -> none.
	if got := one(t, db.DB, `SELECT count(DISTINCT reporter_key) || '/' || count(reporter_key) FROM complaints WHERE tracking_id IN ('5100001', '5100004')`); got != "1/2" {
		t.Errorf("repeat reporter: %s", got)
	}
	// Multi-line body kept whole.
	if got := one(t, db.DB, `SELECT body FROM complaints WHERE tracking_id = '5100003'`); !strings.Contains(got, "\nMohon") {
		t.Errorf("multi-line body: %q", got)
	}
	// No view but the schema's is left behind (DuckDB registers Arrow streams as persistent views).
	if got := one(t, db.DB, `SELECT string_agg(view_name, ',' ORDER BY view_name) FROM duckdb_views() WHERE NOT internal`); got != "complaints,snapshots" {
		t.Errorf("views after ingest: %s", got)
	}
	// The run is recorded.
	if got := one(t, db.DB, `SELECT layout || '|' || format || '|' || rows_read || '|' || rows_accepted || '|' || rows_rejected || '|' || len(headers) FROM ingest_runs`); got != "lapor-admin|csv|12|8|4|22" {
		t.Errorf("run: %s", got)
	}
}

func TestIngestFoldedHeaders(t *testing.T) {
	db := openTestDB(t, filepath.Join(t.TempDir(), "r.duckdb"))
	r := ingestOK(t, db, fixtures+"lapor_admin_folded.csv", testOptions(t))
	if r.Layout != "lapor-admin" || r.Accepted != 2 {
		t.Fatalf("%+v", r)
	}
	got := rows(t, db.DB, `SELECT tracking_id, title, body, first_response_at, closed_at FROM complaints ORDER BY 1`)
	want := []string{
		"5200001|Air PDAM keruh|Air keruh; berbau.|2025-03-12T04:00:00Z|2025-03-13T04:00:00Z",
		"5200002|Sampah menumpuk|Sampah belum diangkut.|NULL|NULL",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %q", got)
	}
}

func TestIngestLayoutB(t *testing.T) {
	db := openTestDB(t, filepath.Join(t.TempDir(), "r.duckdb"))
	r := ingestOK(t, db, fixtures+"lapor_opendata.csv", testOptions(t))
	if r.Layout != "lapor-opendata" || r.Read != 5 || r.Accepted != 4 || r.Rejected != 1 {
		t.Fatalf("%+v", r)
	}
	got := rows(t, db.DB, `SELECT tracking_id, submitted_at, disposed_at, closed_at, last_activity_at, status, agency,
		has_first_response, first_response_at, channel, rating, is_anonymous, reporter_key IS NOT NULL,
		extra->>'DisposisiInstansiID' FROM complaints ORDER BY tracking_id`)
	want := []string{
		// Epoch twins win over the day-precision text.
		"1234567|2013-08-16T00:00:00Z|2013-08-17T00:00:00Z|2013-08-20T00:00:00Z|2013-08-20T00:00:00Z|closed|Dinas Pekerjaan Umum|false|NULL|NULL|NULL|NULL|true|101",
		// Zero epochs are missing values: the text dates are used.
		"1234568|2013-09-02T17:00:00Z|2013-09-03T17:00:00Z|NULL|2013-09-04T17:00:00Z|in_progress|Dinas Kesehatan|false|NULL|NULL|NULL|NULL|false|102",
		"1234569|2013-09-30T17:00:00Z|NULL|NULL|2013-09-30T17:00:00Z|unverified|Dinas Sosial|false|NULL|NULL|NULL|NULL|false|103",
		// Without a TrackingID the id is the key.
		"4|2013-10-01T17:00:00Z|NULL|NULL|2013-10-01T17:00:00Z|unverified|Dinas Sosial|false|NULL|NULL|NULL|NULL|false|103",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("complaints:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if got := one(t, db.DB, `SELECT source_row || '|' || column_name || '|' || raw_value || '|' || reason_code FROM rejects`); got != "6|TanggalLaporanMasuk|32 Oktober 2013|bad_timestamp" {
		t.Errorf("reject: %s", got)
	}

	r = ingestOK(t, db, fixtures+"lapor_opendata_small.csv", testOptions(t))
	if r.Layout != "lapor-opendata" || r.Accepted != 2 {
		t.Fatalf("small copy: %+v", r)
	}
	if got := one(t, db.DB, `SELECT string_agg(tracking_id, ',' ORDER BY tracking_id) FROM complaints WHERE tracking_id LIKE '900%'`); got != "9001,9002" {
		t.Errorf("small copy keys: %s", got)
	}
}

// TestRejectReasonsHaveText keeps the message catalog complete for every reason code.
func TestRejectReasonsHaveText(t *testing.T) {
	for _, code := range []string{"missing_tracking_id", "missing_submitted_at", "bad_timestamp", "column_count", "bad_rating", "bad_flag", "bad_flags"} {
		if !msg.Has(code) {
			t.Errorf("no message for %s", code)
		}
		if msg.TL(msg.ID, code, "x", 1) == msg.TL(msg.EN, code, "x", 1) {
			t.Errorf("%s: Indonesian and English texts are the same", code)
		}
	}
}

func TestColumnCountReject(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "short.csv")
	os.WriteFile(p, []byte("No. Tracking,Tanggal Laporan,Judul\n1,2025-01-02 08:00,ok\n2,2025-01-02 08:00\n3,2025-01-02 08:00,ok,,\n4,2025-01-02 08:00,a,b\n"), 0o644)
	db := openTestDB(t, filepath.Join(dir, "r.duckdb"))
	r := ingestOK(t, db, p, testOptions(t))
	if r.Accepted != 2 || r.Rejected != 2 {
		t.Fatalf("%+v", r)
	}
	if got := rows(t, db.DB, `SELECT source_row || ':' || reason FROM rejects ORDER BY source_row`); !reflect.DeepEqual(got, []string{
		"3:baris berisi 2 kolom, header 3 kolom", "5:baris berisi 4 kolom, header 3 kolom"}) {
		t.Errorf("%q", got)
	}
}

func TestBadQuoteRowIsRejected(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "quote.csv")
	os.WriteFile(p, []byte("No. Tracking,Tanggal Laporan,Judul\n1,2025-01-02 08:00,\"ok\"\n2,2025-01-02 08:00,\"rusak\" lagi\n3,2025-01-02 08:00,Jalan \"Merdeka\"\n4,2025-01-02 08:00,ok\n"), 0o644)
	db := openTestDB(t, filepath.Join(dir, "r.duckdb"))
	r := ingestOK(t, db, p, testOptions(t))
	// Quotes inside an unquoted cell are unambiguous and kept; text after a closing quote is not.
	if r.Read != 4 || r.Accepted != 3 || r.Rejected != 1 {
		t.Fatalf("%+v", r)
	}
	if got := rows(t, db.DB, `SELECT source_row || ':' || reason_code FROM rejects ORDER BY source_row`); !reflect.DeepEqual(got, []string{"3:csv_quote"}) {
		t.Errorf("%q", got)
	}
	if got := one(t, db.DB, `SELECT string_agg(tracking_id || '=' || title, ',' ORDER BY tracking_id) FROM complaints`); got != `1=ok,3=Jalan "Merdeka",4=ok` {
		t.Errorf("kept %s", got)
	}
}

func TestIdempotent(t *testing.T) {
	db := openTestDB(t, filepath.Join(t.TempDir(), "r.duckdb"))
	o := testOptions(t)
	ingestOK(t, db, fixtures+"lapor_admin.csv", o)
	snapshot := func() []string {
		var all []string
		for _, tb := range []string{"complaints", "complaint_versions", "rejects", "ingest_runs"} {
			all = append(all, rows(t, db.DB, "SELECT * FROM "+tb+" ORDER BY ALL")...)
		}
		return all
	}
	before := snapshot()
	r := ingestOK(t, db, fixtures+"lapor_admin.csv", o)
	if !r.Skipped || r.PrevRun != 1 {
		t.Fatalf("second ingest not skipped: %+v", r)
	}
	if !strings.Contains(r.Summary(), "sudah pernah dimuat") {
		t.Errorf("summary does not say so: %s", r.Summary())
	}
	// The same content under another name is the same export.
	cp := filepath.Join(t.TempDir(), "copy.csv")
	b, _ := os.ReadFile(fixtures + "lapor_admin.csv")
	os.WriteFile(cp, b, 0o644)
	if r := ingestOK(t, db, cp, o); !r.Skipped {
		t.Fatalf("copy not skipped")
	}
	if after := snapshot(); !reflect.DeepEqual(before, after) {
		t.Errorf("database changed on re-ingest")
	}
}

// cut writes a small layout-A export: rows of (id, status, disposed, responded, closed, last activity).
func cut(t testing.TB, dir, name string, recs [][]string) string {
	t.Helper()
	var b bytes.Buffer
	b.WriteString("No. Tracking,Tanggal Laporan,Judul,Instansi Tujuan,Status,Tanggal Disposisi,Tanggal Tindak Lanjut Pertama,Tanggal Selesai,Tanggal Aktivitas Terakhir\n")
	for _, r := range recs {
		b.WriteString(strings.Join(r, ",") + "\n")
	}
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestOrderIndependent(t *testing.T) {
	dir := t.TempDir()
	jan := cut(t, dir, "jan.csv", [][]string{
		{"A1", "2025-01-06 09:00", "Jalan", "Dinas PUPR", "Terdisposisi Belum Ditindaklanjuti", "2025-01-07 09:00", "", "", "2025-01-07 09:00"},
		{"A2", "2025-01-20 09:00", "Air", "PDAM", "Belum Terverifikasi", "", "", "", "2025-01-20 09:00"},
	})
	feb := cut(t, dir, "feb.csv", [][]string{
		{"A1", "2025-01-06 09:00", "Jalan", "Dinas PUPR", "Terdisposisi Sedang Diproses", "2025-01-07 09:00", "2025-02-03 10:00", "", "2025-02-03 10:00"},
		{"A2", "2025-01-20 09:00", "Air", "PDAM", "Terdisposisi Belum Ditindaklanjuti", "2025-02-01 08:00", "", "", "2025-02-01 08:00"},
		{"A3", "2025-02-10 09:00", "Sampah", "DLH", "Belum Terverifikasi", "", "", "", "2025-02-10 09:00"},
		// A file may repeat a complaint: its newest version counts.
		{"A3", "2025-02-10 09:00", "Sampah", "DLH", "Terverifikasi", "", "", "", "2025-02-11 09:00"},
	})
	mar := cut(t, dir, "mar.csv", [][]string{
		{"A1", "2025-01-06 09:00", "Jalan", "Dinas PUPR", "Selesai", "2025-01-07 09:00", "2025-02-03 10:00", "2025-03-03 10:00", "2025-03-03 10:00"},
		{"A3", "2025-02-10 09:00", "Sampah", "DLH", "Terdisposisi Belum Ditindaklanjuti", "2025-03-01 09:00", "", "", "2025-03-01 09:00"},
	})
	current := func(order ...string) []string {
		db := openTestDB(t, filepath.Join(t.TempDir(), "r.duckdb"))
		for _, f := range order {
			ingestOK(t, db, f, testOptions(t))
		}
		if n := one(t, db.DB, `SELECT count(*) FROM complaint_versions`); n != "8" {
			t.Errorf("versions kept: %s, want 8", n)
		}
		return rows(t, db.DB, `SELECT * EXCLUDE (run_id, source_row) FROM complaints ORDER BY tracking_id`)
	}
	want := current(jan, feb, mar)
	if len(want) != 3 || !strings.Contains(want[0], "|closed|") || !strings.Contains(want[1], "|disposed|") || !strings.Contains(want[2], "|disposed|") {
		t.Fatalf("current state wrong:\n%s", strings.Join(want, "\n"))
	}
	for _, order := range [][]string{{mar, feb, jan}, {feb, mar, jan}, {jan, mar, feb}} {
		if got := current(order...); !reflect.DeepEqual(got, want) {
			t.Errorf("order %v gives another state:\n%s\nwant:\n%s", order, strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
	}
}

func tableCounts(t testing.TB, db *sql.DB) string {
	return one(t, db, `SELECT (SELECT count(*) FROM complaints) || '/' || (SELECT count(*) FROM complaint_versions) || '/' ||
		(SELECT count(*) FROM rejects) || '/' || (SELECT count(*) FROM ingest_runs)`)
}

func TestBrokenFileRollsBack(t *testing.T) {
	dir := t.TempDir()
	db := openTestDB(t, filepath.Join(dir, "r.duckdb"))
	o := testOptions(t)
	ingestOK(t, db, fixtures+"lapor_admin_folded.csv", o)
	before := tableCounts(t, db.DB)

	// Many good rows (so that several batches reach DuckDB first), then a quote that never closes.
	var b strings.Builder
	b.WriteString("No. Tracking,Tanggal Laporan,Judul\n")
	for i := 0; i < 500; i++ {
		fmt.Fprintf(&b, "B%d,2025-01-02 08:00,baik\n", i)
	}
	b.WriteString("B999,2025-01-02 08:00,\"kutip tidak ditutup\n")
	broken := filepath.Join(dir, "broken.csv")
	os.WriteFile(broken, []byte(b.String()), 0o644)
	o.ChunkRows = 16
	_, err := File(context.Background(), db, broken, o)
	if err == nil {
		t.Fatal("broken file ingested without error")
	}
	if !strings.Contains(err.Error(), "baris 502") || !strings.Contains(err.Error(), "terpotong") {
		t.Errorf("error does not name the line: %v", err)
	}
	if after := tableCounts(t, db.DB); after != before {
		t.Errorf("broken file changed the database: %s -> %s", before, after)
	}
	// Cancelling mid-file (as a kill would) also leaves nothing behind.
	var big strings.Builder
	big.WriteString("No. Tracking,Tanggal Laporan,Judul\n")
	for i := 0; i < 200000; i++ {
		fmt.Fprintf(&big, "C%d,2025-01-02 08:00,baik\n", i)
	}
	bigPath := filepath.Join(dir, "big.csv")
	os.WriteFile(bigPath, []byte(big.String()), 0o644)
	ctx, cancel := context.WithCancel(context.Background())
	o.Progress = func(string, int64, int64) { cancel() }
	o.ChunkRows = 64
	if _, err := File(ctx, db, bigPath, o); err == nil {
		t.Log("ingest finished before the cancel arrived; rollback on cancel not exercised")
	} else if after := tableCounts(t, db.DB); after != before {
		t.Errorf("cancelled ingest changed the database: %s -> %s", before, after)
	}
	// The database still works.
	o.Progress = nil
	if r := ingestOK(t, db, fixtures+"lapor_admin.csv", o); r.Accepted != 8 {
		t.Errorf("after rollback: %+v", r)
	}
}

func TestNotATable(t *testing.T) {
	dir := t.TempDir()
	db := openTestDB(t, filepath.Join(dir, "r.duckdb"))
	before := tableCounts(t, db.DB)
	png := filepath.Join(dir, "foto.csv")
	os.WriteFile(png, []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), 0o644)
	empty := filepath.Join(dir, "kosong.csv")
	os.WriteFile(empty, nil, 0o644)
	xlsx := filepath.Join(dir, "rusak.xlsx")
	good, _ := os.ReadFile(fixtures + "lapor_admin.xlsx")
	os.WriteFile(xlsx, good[:len(good)/2], 0o644)
	for _, p := range []string{png, empty, xlsx} {
		_, err := File(context.Background(), db, p, testOptions(t))
		var nt *NotTableError
		if !errors.As(err, &nt) || !strings.Contains(err.Error(), p) {
			t.Errorf("%s: want a not-a-table error naming the file, got %v", p, err)
		}
	}
	unknown := filepath.Join(dir, "lain.csv")
	os.WriteFile(unknown, []byte("Nama,Alamat,Keluhan\nBudi,Amuntai,jalan rusak\n"), 0o644)
	_, err := File(context.Background(), db, unknown, testOptions(t))
	var ul *UnknownLayoutError
	if !errors.As(err, &ul) || !strings.Contains(err.Error(), `"Nama", "Alamat", "Keluhan"`) || !strings.Contains(err.Error(), "--mapping") {
		t.Errorf("unknown layout error: %v", err)
	}
	if after := tableCounts(t, db.DB); after != before {
		t.Errorf("failed files changed the database: %s -> %s", before, after)
	}
}

func TestMappingFile(t *testing.T) {
	dir := t.TempDir()
	mapping := filepath.Join(dir, "hsu.yaml")
	os.WriteFile(mapping, []byte(`
layouts:
  - name: hsu-rekap
    description: rekap bulanan Diskominfo HSU
    fields:
      tracking_id: ["Nomor Laporan"]
      submitted_at: ["Waktu Masuk"]
      agency: ["SKPD"]
      status: ["Keadaan"]
    statuses:
      Tuntas: closed
  - name: admin-renamed
    extends: lapor-admin
    fields:
      tracking_id: ["ID Aduan"]
`), 0o644)
	rekap := filepath.Join(dir, "rekap.csv")
	os.WriteFile(rekap, []byte("Nomor Laporan,Waktu Masuk,SKPD,Keadaan,Catatan\nR1,01/04/2025 09:00,Dinas Sosial,Tuntas,ok\n"), 0o644)
	renamed := filepath.Join(dir, "renamed.csv")
	os.WriteFile(renamed, []byte("ID Aduan,Tanggal Laporan,Judul,Status\nX1,02/04/2025 09:00,Judul,Selesai\n"), 0o644)
	db := openTestDB(t, filepath.Join(dir, "r.duckdb"))
	o := testOptions(t, mapping)
	if r := ingestOK(t, db, rekap, o); r.Layout != "hsu-rekap" {
		t.Errorf("layout %s", r.Layout)
	}
	if r := ingestOK(t, db, renamed, o); r.Layout != "admin-renamed" {
		t.Errorf("layout %s", r.Layout)
	}
	got := rows(t, db.DB, `SELECT tracking_id, status, coalesce(extra->>'Catatan', '-') FROM complaints ORDER BY 1`)
	if !reflect.DeepEqual(got, []string{"R1|closed|ok", "X1|closed|-"}) {
		t.Errorf("%q", got)
	}
	// A bad mapping names the problem.
	bad := filepath.Join(dir, "bad.yaml")
	os.WriteFile(bad, []byte("layouts:\n  - name: x\n    fields:\n      tracking: [A]\n      submitted_at: [B]\n"), 0o644)
	if _, err := LoadLayouts(bad); err == nil || !strings.Contains(err.Error(), `unknown field "tracking"`) {
		t.Errorf("bad mapping: %v", err)
	}
}

// TestPersonalDataAbsent plants names, phones, NIKs and e-mail addresses in the fixtures and
// checks that none of them is anywhere in the database: not in any column of any table (read
// through SQL) and not in the bytes of the file.
func TestPersonalDataAbsent(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "r.duckdb")
	db := openTestDB(t, path)
	for _, f := range []string{"lapor_admin.csv", "lapor_admin.xlsx", "lapor_opendata.csv", "lapor_opendata.xlsx"} {
		ingestOK(t, db, fixtures+f, testOptions(t))
	}
	planted := []string{
		"Siti Rahmawati Planted", "Ahmad Planted Fauzi", "Planted Reporter B", "Planted",
		"081299998888", "0812-9999-8888", "812-7777-6666", "81277776666", "085211112222", "0813 5555 4444", "81355554444",
		"6308015501900001", "planted.person@example.org", "planted.person", "siti@example.org",
	}
	// Every text value of every table, as SQL sees it.
	var dump strings.Builder
	for _, tb := range rows(t, db.DB, `SELECT table_name FROM duckdb_tables() WHERE schema_name = 'main'`) {
		for _, r := range rows(t, db.DB, "SELECT * FROM "+store.QuoteIdent(tb)) {
			dump.WriteString(r + "\n")
		}
	}
	text := dump.String()
	if !strings.Contains(text, "Jalan berlubang di Jl. Norman Umar") || !strings.Contains(text, "[NIK]") {
		t.Fatal("the dump does not hold the fixture's ordinary text: the check would prove nothing")
	}
	for _, p := range planted {
		if strings.Contains(strings.ToLower(text), strings.ToLower(p)) {
			t.Errorf("personal data %q is in the database", p)
		}
	}
	if _, err := db.Exec("CHECKPOINT"); err != nil {
		t.Fatal(err)
	}
	db.Close()
	for _, f := range []string{path, path + ".wal"} {
		b, err := os.ReadFile(f)
		if err != nil {
			continue
		}
		for _, p := range planted {
			if bytes.Contains(b, []byte(p)) {
				t.Errorf("personal data %q is in the bytes of %s", p, filepath.Base(f))
			}
		}
	}
}
