package ingest

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/hsu-lapor/rapor/internal/msg"
	"github.com/hsu-lapor/rapor/store"
)

func TestIngestRingkas26Preamble(t *testing.T) {
	db := openTestDB(t, filepath.Join(t.TempDir(), "r.duckdb"))
	o := testOptions(t)
	path := ringkasDir + "r26_hsu_preamble.xlsx"
	r := ingestOK(t, db, path, o)
	if r.Layout != "lapor-ringkas" || r.Format != "xlsx" || r.Read != 14 || r.Accepted != 13 || r.Rejected != 1 {
		t.Fatalf("layout %s format %s read %d accepted %d rejected %d", r.Layout, r.Format, r.Read, r.Accepted, r.Rejected)
	}
	// The file names the configured government: filed under the configured spelling, no note.
	if r.Regency != "Hulu Sungai Utara" || len(r.Warnings) != 0 {
		t.Errorf("regency %q warnings %q", r.Regency, r.Warnings)
	}
	// Tanggal Generate 2025-11-14 is that whole day in WIB.
	if r.Observed == nil || r.Observed.Source != "preamble" ||
		!r.Observed.From.Equal(time.Date(2025, 11, 13, 17, 0, 0, 0, time.UTC)) ||
		!r.Observed.To.Equal(time.Date(2025, 11, 14, 16, 59, 59, 999999000, time.UTC)) {
		t.Errorf("observed %+v", r.Observed)
	}
	if got := one(t, db.DB, `SELECT regency || '|' || layout || '|' || organisation || '|' || generated_raw || '|' || period_from || '|' || period_to || '|' ||
		coalesce(manager, 'NULL') || '|' || observed_source || '|' || strftime(observed_from AT TIME ZONE 'UTC', '%Y-%m-%dT%H:%M:%S.%f') || '|' ||
		strftime(observed_to AT TIME ZONE 'UTC', '%Y-%m-%dT%H:%M:%S.%f') || '|' || rows_read || '|' || len(headers) FROM ingest_runs`); got !=
		"Hulu Sungai Utara|lapor-ringkas|Pemerintah Kabupaten Hulu Sungai Utara|2025-11-14|2021-01-01|2024-12-31|NULL|preamble|2025-11-13T17:00:00.000000|2025-11-14T16:59:59.999999|14|26" {
		t.Errorf("run: %s", got)
	}

	got := rows(t, db.DB, `SELECT tracking_id, submitted_at, status, status_raw, coalesce(status_by, '-'), coalesce(status_detail, '-'),
		coalesce(status_reason, '-'), coalesce(agency, '-'), coalesce(agency_ref, '-'), coalesce(category_ref, '-'), coalesce(area, '-'),
		is_anonymous, is_confidential, version_at = (SELECT observed_from FROM ingest_runs), regency
		FROM complaints ORDER BY tracking_id`)
	want := []string{
		"5216801|2021-01-04T01:15:00Z|closed|Ditutup oleh Sistem|system|-|-|Dinas Pekerjaan Umum dan Penataan Ruang|301|12|Amuntai Tengah|false|false|true|Hulu Sungai Utara",
		// Rahasia: the reason is free text and goes too; the area falls back to Kota/Kabupaten,
		// the reporter's place, which does not make the report Kota Bandung's.
		"5216802|2021-08-17T06:00:09Z|closed|Ditutup oleh Admin|admin|-|-|Dinas Kesehatan|305|7|Kota Bandung|false|true|true|Hulu Sungai Utara",
		"5216803|2023-05-28T21:05:34Z|closed|Ditutup oleh Pelapor|reporter|-|-|SMP Negeri 1 Amuntai|310|-|Amuntai Kota|true|true|true|Hulu Sungai Utara",
		"5216804|2022-10-03T16:59:59Z|archived|Diarsipkan oleh Sistem|system|expired|Laporan diarsipkan karena sudah mencapai batas kadaluarsa pengaduan.|-|-|-|Amuntai Selatan|true|false|true|Hulu Sungai Utara",
		"5216805|2023-12-12T03:00:00Z|archived|Diarsipkan oleh Admin|admin|-|Laporan diarsipkan karena Mengandung SARA, Tidak Memiliki Bukti|-|-|-|Sungai Pandan|false|false|true|Hulu Sungai Utara",
		"5216806|2024-02-02T00:30:00Z|archived|Diarsipkan oleh Pelapor|reporter|-|Laporan diarsipkan sesuai dengan keinginan Pelapor|-|-|-|-|false|false|true|Hulu Sungai Utara",
		"5216807|2024-03-05T12:45:00Z|postponed|Menunggu Kelengkapan Informasi|-|waiting_info|Mohon lengkapi lokasi, hubungi [HP]|-|-|-|Amuntai Tengah|false|false|true|Hulu Sungai Utara",
		"5216808|2024-06-20T02:00:00Z|in_progress|Ditanggapi oleh Pelapor|-|reporter_answered|-|Dinas Perhubungan|320|-|-|false|false|true|Hulu Sungai Utara",
		"5216809|2024-07-01T02:00:00Z|verified|Terverifikasi|-|-|-|Dinas Sosial|330|-|-|false|false|true|Hulu Sungai Utara",
		"5216810|2024-09-30T02:00:00Z|unverified|Belum Terverifikasi|-|-|-|-|-|-|-|false|false|true|Hulu Sungai Utara",
		"5216811|2024-11-11T02:00:00Z|archived|Konten Terblokir|admin|blocked|-|-|-|-|-|false|false|true|Hulu Sungai Utara",
		"5216812|2024-12-15T02:00:00Z|unknown|Selesai Sebagian|-|-|-|-|-|-|-|false|false|true|Hulu Sungai Utara",
		"5216813|2024-12-16T02:00:00Z|unknown|selesai  sebagian|-|-|-|-|-|-|-|false|false|true|Hulu Sungai Utara",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("complaints:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	// Body: the admin's text where there is one, else the reporter's, labelled values masked.
	texts := rows(t, db.DB, `SELECT tracking_id, coalesce(title, 'NULL'), coalesce(body, 'NULL'), coalesce(channel, '-'), coalesce(parent_agency, '-'),
		coalesce(report_type, '-'), coalesce(category, '-'), rating, reporter_key IS NOT NULL FROM complaints WHERE tracking_id IN ('5216801', '5216802', '5216803', '5216807') ORDER BY 1`)
	wantTexts := []string{
		"5216801|Jalan rusak di Sungai Karias|Jalan di Desa Sungai Karias rusak parah, mohon diperbaiki.|Website - pemerintah-kabupaten-hulu-sungai-utara|Pemerintah Kabupaten Hulu Sungai Utara|Pengaduan Berkadar Pengawasan|Infrastruktur|4|true",
		"5216802|NULL|NULL|Android|Pemerintah Kabupaten Hulu Sungai Utara|Pengaduan Tidak Berkadar Pengawasan|Kesehatan|NULL|true",
		"5216803|NULL|NULL|Whatsapp|Dinas Pendidikan|Permintaan Informasi|Pendidikan|NULL|false",
		"5216807|Lampu jalan mati|Lampu jalan mati sejak seminggu, mohon bantuan tolongNama : [NAMA] Alamat : [ALAMAT]\nTerima kasih.|Tatap Muka|Pemerintah Kabupaten Hulu Sungai Utara|-|Infrastruktur|NULL|true",
	}
	if !reflect.DeepEqual(texts, wantTexts) {
		t.Errorf("texts:\n%s\nwant:\n%s", strings.Join(texts, "\n"), strings.Join(wantTexts, "\n"))
	}
	// A confidential report keeps no free text, not in extra either; others keep their extras.
	if got := one(t, db.DB, `SELECT extra::VARCHAR FROM complaints WHERE tracking_id = '5216802'`); got != `{"Provinsi":"[RAHASIA]","Nomor SK":"[RAHASIA]","Url SK":"[RAHASIA]"}` {
		t.Errorf("confidential extra: %s", got)
	}
	if got := one(t, db.DB, `SELECT extra::VARCHAR FROM complaints WHERE tracking_id = '5216801'`); got != `{"Provinsi":"Kalimantan Selatan","Kelurahan":"Sungai Karias"}` {
		t.Errorf("extra: %s", got)
	}
	// Nothing personal anywhere in the stored text.
	for _, needle := range []string{"Budi", "Rahmat", "Siti", "0812", "Ahmad Yani"} {
		if got := one(t, db.DB, `SELECT count(*) FROM complaint_versions WHERE contains(concat_ws('|', title, body, status_reason, extra, status_raw, agency, category, area, channel), ?)`, needle); got != "0" {
			t.Errorf("%q stored in clear in %s rows", needle, got)
		}
	}
	// The unreadable time is a reject naming the time column.
	if got := one(t, db.DB, `SELECT source_row || '|' || column_name || '|' || raw_value || '|' || reason_code FROM rejects`); got != "25|Waktu Laporan Masuk|pagi|bad_timestamp" {
		t.Errorf("reject: %s", got)
	}
	// The unknown spellings are listed, counted (folded together) and the summary says how to map them.
	if !reflect.DeepEqual(r.UnknownStatuses, []StatusCount{{"Selesai Sebagian", 1}, {"selesai  sebagian", 1}}) {
		t.Errorf("unknown statuses %+v", r.UnknownStatuses)
	}
	details := strings.Join(r.Details(), "\n")
	if !strings.Contains(details, `"Selesai Sebagian" (1)`) || !strings.Contains(details, "--mapping") || !strings.Contains(details, "extends: lapor-ringkas") {
		t.Errorf("details: %s", details)
	}

	// Re-ingest is a no-op, under its own name or another.
	snapshot := func() []string {
		var all []string
		for _, tb := range []string{"complaint_versions", "rejects", "ingest_runs"} {
			all = append(all, rows(t, db.DB, "SELECT * FROM "+tb+" ORDER BY ALL")...)
		}
		return all
	}
	before := snapshot()
	if r := ingestOK(t, db, path, o); !r.Skipped {
		t.Fatalf("second ingest not skipped: %+v", r)
	}
	cp := filepath.Join(t.TempDir(), "Laporan Ringkas (1).xlsx")
	b, _ := os.ReadFile(path)
	os.WriteFile(cp, b, 0o644)
	if r := ingestOK(t, db, cp, o); !r.Skipped {
		t.Fatalf("copy not skipped")
	}
	if after := snapshot(); !reflect.DeepEqual(before, after) {
		t.Errorf("database changed on re-ingest")
	}
}

// TestIngestRingkasVariants ingests the other variants into one database: three governments
// (Kota Banjar, Kabupaten Banjar, Kabupaten Tabalong) that never merge with each other nor with
// the configured one.
func TestIngestRingkasVariants(t *testing.T) {
	db := openTestDB(t, filepath.Join(t.TempDir(), "r.duckdb"))
	o := testOptions(t)
	wib, _ := time.LoadLocation("Asia/Jakarta")

	kota := ingestOK(t, db, ringkasDir+"r20_kota_banjar_datetime.xlsx", o)
	if kota.Layout != "lapor-ringkas" || kota.Accepted != 3 || kota.Regency != "Kota Banjar" {
		t.Fatalf("%+v", kota)
	}
	// A date and time: a moment.
	if at := time.Date(2025, 11, 21, 8, 30, 0, 0, wib); kota.Observed == nil || !kota.Observed.From.Equal(at) || !kota.Observed.To.Equal(at) {
		t.Errorf("observed %+v", kota.Observed)
	}
	if len(kota.Warnings) != 1 || !strings.Contains(kota.Warnings[0], "Kota Banjar") || !strings.Contains(kota.Warnings[0], "Kabupaten Hulu Sungai Utara") {
		t.Errorf("the summary must say whose file it is: %q", kota.Warnings)
	}

	kab := ingestOK(t, db, ringkasDir+"r26_kab_banjar_exceldate.xlsx", o)
	if kab.Regency != "Banjar" || kab.Accepted != 2 {
		t.Fatalf("%+v", kab)
	}
	// An Excel date cell is a date: the whole day.
	if kab.Observed == nil || !kab.Observed.From.Equal(time.Date(2025, 12, 1, 0, 0, 0, 0, wib)) || !kab.Observed.To.Equal(time.Date(2025, 12, 1, 23, 59, 59, 999999000, wib)) {
		t.Errorf("observed %+v", kab.Observed)
	}

	o17 := o
	o17.ObservedAt = &Instant{From: time.Date(2025, 11, 14, 8, 0, 0, 0, wib), To: time.Date(2025, 11, 14, 8, 0, 0, 0, wib)}
	tab := ingestOK(t, db, ringkasDir+"r17_nopreamble.xlsx", o17)
	if tab.Regency != "Tabalong" || tab.Accepted != 4 || tab.Preamble != nil || tab.Observed.Source != "option" {
		t.Fatalf("%+v", tab)
	}

	got := rows(t, db.DB, `SELECT tracking_id, regency, submitted_at, status, coalesce(status_by, '-'), coalesce(status_detail, '-'),
		coalesce(agency, '-'), coalesce(area, '-'), is_anonymous, is_confidential, coalesce(title, 'NULL'), coalesce(body, 'NULL') FROM complaints ORDER BY tracking_id`)
	want := []string{
		// Excel date and time cells, combined in WIB.
		"6100001|Kota Banjar|2024-03-07T07:05:09Z|closed|system|-|Dinas Lingkungan Hidup|Pataruman|false|false|Sampah|sampah menumpuk",
		"6100002|Kota Banjar|2025-01-30T17:00:01Z|archived|admin|expired|-|-|true|false|Air|PDAM mati",
		// Text date and time in an export whose other rows are cells.
		"6100003|Kota Banjar|2025-01-03T10:20:00Z|postponed|-|waiting_info|Dinas PUPR|-|false|false|Jalan|jalan",
		"7300001|Tabalong|2021-05-12T01:00:00Z|closed|system|-|Puskesmas Tanjung|Tanjung|false|false|Puskesmas|antre lama",
		"7300002|Tabalong|2022-08-03T03:11:12Z|verified|-|-|Dinas PUPR|Kabupaten Tabalong|false|false|Jembatan|jembatan putus",
		"7300003|Tabalong|2022-10-07T09:00:00Z|unverified|-|-|-|-|false|false|Listrik|padam",
		"7300004|Tabalong|2023-12-24T23:00:00Z|closed|admin|-|-|-|true|true|NULL|NULL",
		"8200001|Banjar|2024-01-02T00:00:00Z|closed|reporter|-|Dinas Perdagangan|Martapura|false|false|Pasar|pasar becek",
		"8200002|Banjar|2024-08-09T05:00:00Z|verified|-|-|-|-|false|false|Sekolah|atap bocor",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("complaints:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	runs := rows(t, db.DB, `SELECT layout, regency, coalesce(organisation, '-'), coalesce(generated_raw, '-'), coalesce(period_from::VARCHAR, '-'),
		coalesce(period_to::VARCHAR, '-'), coalesce(manager, '-'), observed_source FROM ingest_runs ORDER BY run_id`)
	wantRuns := []string{
		"lapor-ringkas|Kota Banjar|Pemerintah Kota Banjar|2025-11-21 08:30:00|2024-01-01|2025-11-21|Diskominfo Kota Banjar|preamble",
		"lapor-ringkas|Banjar|Pemerintah Kabupaten Banjar|45992|2024-01-01|2024-12-31|-|preamble",
		"lapor-ringkas|Tabalong|-|-|-|-|-|option",
	}
	if !reflect.DeepEqual(runs, wantRuns) {
		t.Errorf("runs:\n%s\nwant:\n%s", strings.Join(runs, "\n"), strings.Join(wantRuns, "\n"))
	}
	// Three snapshots of three governments.
	if got := one(t, db.DB, `SELECT string_agg(regency, ',' ORDER BY regency) FROM snapshots`); got != "Banjar,Kota Banjar,Tabalong" {
		t.Errorf("snapshots: %s", got)
	}
}

// The summary's advice works: a layout extending lapor-ringkas maps the unknown spelling and
// still reads snapshots.
func TestRingkasMappedStatus(t *testing.T) {
	dir := t.TempDir()
	m := filepath.Join(dir, "map.yaml")
	os.WriteFile(m, []byte("layouts:\n  - name: ringkas-hsu\n    extends: lapor-ringkas\n    statuses:\n      Selesai Sebagian: closed\n"), 0o644)
	db := openTestDB(t, filepath.Join(dir, "r.duckdb"))
	r := ingestOK(t, db, ringkasDir+"r26_hsu_preamble.xlsx", testOptions(t, m))
	if r.Layout != "ringkas-hsu" || len(r.UnknownStatuses) != 0 || r.Observed == nil || r.Observed.Source != "preamble" {
		t.Fatalf("%+v", r)
	}
	if got := one(t, db.DB, `SELECT string_agg(status, ',') FROM complaints WHERE tracking_id IN ('5216812', '5216813')`); got != "closed,closed" {
		t.Errorf("statuses %s", got)
	}
}

// withMtime is a copy of the export without a preamble (so without Tanggal Generate) whose
// modification time is mt, and a new database beside it.
func withMtime(t *testing.T, mt time.Time) (string, *store.DB) {
	t.Helper()
	dir := t.TempDir()
	p := filepath.Join(dir, "ringkas.xlsx")
	b, err := os.ReadFile(ringkasDir + "r17_nopreamble.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, b, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Chtimes(p, mt, mt); err != nil {
		t.Fatal(err)
	}
	return p, openTestDB(t, filepath.Join(dir, "r.duckdb"))
}

func TestRingkasInstantFromMtime(t *testing.T) {
	mt := time.Date(2025, 10, 2, 3, 4, 5, 0, time.UTC)
	p, db := withMtime(t, mt)
	r := ingestOK(t, db, p, testOptions(t))
	if r.Observed == nil || r.Observed.Source != "mtime" || !r.Observed.From.Equal(mt) || !r.Observed.To.Equal(mt) {
		t.Fatalf("observed %+v", r.Observed)
	}
	// The file is Tabalong's (from Instansi Induk), and its instant the file's mtime.
	if len(r.Warnings) != 2 || !strings.Contains(r.Warnings[0], "Tabalong") || !strings.Contains(r.Warnings[1], "2025-10-02 10:04") || !strings.Contains(strings.Join(r.Details(), "\n"), "--observed-at") {
		t.Errorf("warnings %q", r.Warnings)
	}
	if got := one(t, db.DB, `SELECT observed_source FROM ingest_runs`); got != "mtime" {
		t.Errorf("source %s", got)
	}
}

// A modification time in the future (a clock ahead, a copy that kept a wrong time) is not when the
// file was downloaded: the moment of loading bounds it, and the summary says so.
func TestRingkasInstantFromFutureMtime(t *testing.T) {
	future := time.Now().AddDate(1, 0, 0)
	p, db := withMtime(t, future)
	before := time.Now()
	r := ingestOK(t, db, p, testOptions(t))
	if r.Observed == nil || r.Observed.From.Before(before.Add(-time.Second)) || r.Observed.From.After(time.Now()) || !r.Observed.To.Equal(r.Observed.From) {
		t.Fatalf("observed %+v, want the moment of loading", r.Observed)
	}
	if w := strings.Join(r.Warnings, "\n"); !strings.Contains(w, "masa depan") || !strings.Contains(w, future.In(testOptions(t).SourceLoc).Format("2006-01-02 15:04")) {
		t.Errorf("warnings %q", r.Warnings)
	}
}

// A Tanggal Generate after now is kept (it is what the file says) with a warning at once: the
// build will refuse it (transform's SnapshotsAfterClockError).
func TestRingkasGeneratedInTheFuture(t *testing.T) {
	fx := ringkasFixtures[2]
	next := time.Now().AddDate(1, 0, 0).Format(time.DateOnly)
	fx.preamble = [][2]any{{"Judul Laporan", "Laporan Ringkas"}, {"Nama Instansi", "Pemerintah Kabupaten Tabalong"},
		{"Tanggal Generate", next}, {"Periode Masuk", "(2021-01-01) - (2024-12-31)"}, {"Pengelola", ""}}
	p := filepath.Join(t.TempDir(), "future.xlsx")
	writeRingkas(t, fx, p)
	db := openTestDB(t, filepath.Join(t.TempDir(), "r.duckdb"))
	r := ingestOK(t, db, p, testOptions(t))
	if r.Observed == nil || r.Observed.Source != "preamble" || r.Observed.From.In(testOptions(t).SourceLoc).Format(time.DateOnly) != next {
		t.Fatalf("observed %+v, want the preamble's %s", r.Observed, next)
	}
	if w := strings.Join(r.Warnings, "\n"); !strings.Contains(w, "setelah waktu komputer ini") || !strings.Contains(w, next) {
		t.Errorf("warnings %q, want the future Tanggal Generate named", r.Warnings)
	}
}

// The header is looked for in the first 30 rows (row 29 here), not further.
func TestRingkasHeaderSearch(t *testing.T) {
	fx := ringkasFixtures[2]
	for i := 0; i < 9; i++ {
		fx.preamble = append(fx.preamble, [2]any{"Catatan", "x"})
	}
	fx.preamble = append([][2]any{{"Judul Laporan", "Laporan Ringkas"}, {"Nama Instansi", "Pemerintah Kabupaten Tabalong"},
		{"Tanggal Generate", "2025-11-14"}, {"Periode Masuk", "(2021-01-01) - (2024-12-31)"}, {"Pengelola", ""}}, fx.preamble...)
	p := filepath.Join(t.TempDir(), "low.xlsx")
	writeRingkas(t, fx, p)
	db := openTestDB(t, filepath.Join(t.TempDir(), "r.duckdb"))
	r := ingestOK(t, db, p, testOptions(t))
	if r.Layout != "lapor-ringkas" || r.Preamble == nil || r.Preamble.Organisation != "Pemerintah Kabupaten Tabalong" || r.Observed.Source != "preamble" {
		t.Errorf("%+v", r)
	}
	fx.preamble = append(fx.preamble, [2]any{"Catatan", "x"})
	writeRingkas(t, fx, p) // header in row 31
	_, err := File(t.Context(), db, p, testOptions(t))
	var ue *UnknownLayoutError
	if !errors.As(err, &ue) {
		t.Fatalf("err %v", err)
	}
}

func TestInstantOf(t *testing.T) {
	wib, _ := time.LoadLocation("Asia/Jakarta")
	tp := TimeParser{Loc: wib, Serial: true}
	day := func(y int, m time.Month, d int) Instant {
		return Instant{From: time.Date(y, m, d, 0, 0, 0, 0, wib).UTC(), To: time.Date(y, m, d, 23, 59, 59, 999999000, wib).UTC()}
	}
	moment := func(t time.Time) Instant { return Instant{From: t.UTC(), To: t.UTC()} }
	for _, c := range []struct {
		in   string
		want Instant
		ok   bool
	}{
		{"2025-11-14", day(2025, 11, 14), true},
		{"14/11/2025", day(2025, 11, 14), true},
		{"14 November 2025", day(2025, 11, 14), true},
		{"45975", day(2025, 11, 14), true}, // an Excel date cell
		{"2025-11-14 08:00", moment(time.Date(2025, 11, 14, 8, 0, 0, 0, wib)), true},
		{"2025-11-14 00:00:00", moment(time.Date(2025, 11, 14, 0, 0, 0, 0, wib)), true},
		{"45975.5", moment(time.Date(2025, 11, 14, 12, 0, 0, 0, wib)), true},
		{"2025-11-14T08:00:00Z", moment(time.Date(2025, 11, 14, 8, 0, 0, 0, time.UTC)), true},
		{"kemarin", Instant{}, false},
	} {
		got, ok := instantOf(c.in, tp)
		if ok != c.ok || !got.From.Equal(c.want.From) || !got.To.Equal(c.want.To) {
			t.Errorf("instantOf(%q) = %v..%v %v, want %v..%v", c.in, got.From, got.To, ok, c.want.From, c.want.To)
		}
	}
	in, err := ParseObservedAt("2025-11-14", wib)
	if err != nil || in.Source != "option" || !in.From.Equal(day(2025, 11, 14).From) {
		t.Errorf("ParseObservedAt: %+v %v", in, err)
	}
	if _, err := ParseObservedAt("besok", wib); err == nil || !strings.Contains(err.Error(), "2025-11-14 08:00") {
		t.Errorf("bad --observed-at: %v", err)
	}
}

func TestParseFlagsAndClock(t *testing.T) {
	for _, c := range []struct {
		in             string
		anon, conf, ok bool
	}{
		{"", false, false, true}, {"Anonim", true, false, true}, {"Rahasia", false, true, true},
		{"Anonim|Rahasia", true, true, true}, {" rahasia | anonim ", true, true, true}, {"Anonim, Rahasia", true, true, true},
		{"Pribadi", false, false, false},
	} {
		a, cf, ok := parseFlags(c.in)
		if a != c.anon || cf != c.conf || ok != c.ok {
			t.Errorf("parseFlags(%q) = %v %v %v", c.in, a, cf, ok)
		}
	}
	wib, _ := time.LoadLocation("Asia/Jakarta")
	tp := TimeParser{Loc: wib, Serial: true}
	date := time.Date(2023, 5, 28, 17, 0, 0, 0, time.UTC) // 29 May 2023 00:00 WIB
	for _, c := range []struct {
		in   string
		want string
	}{
		{"04:05:34", "2023-05-29 04:05:34"}, {"4.05", "2023-05-29 04:05:00"}, {"04:05:34 PM", "2023-05-29 16:05:34"},
		{"0.170532407407407", "2023-05-29 04:05:34"}, {"45075.170532407407", "2023-05-29 04:05:34"}, {"0", "2023-05-29 00:00:00"},
		{"25:00", ""}, {"pagi", ""},
	} {
		got, ok := tp.withClock(date, c.in)
		if s := got.In(wib).Format("2006-01-02 15:04:05"); ok != (c.want != "") || ok && s != c.want {
			t.Errorf("withClock(%q) = %s %v, want %s", c.in, s, ok, c.want)
		}
	}
}

func TestPreambleAndPeriod(t *testing.T) {
	wib, _ := time.LoadLocation("Asia/Jakarta")
	tp := TimeParser{Loc: wib}
	pre, gen, warns := parsePreamble([]preambleRow{
		{1, "judul laporan", "Laporan Ringkas"}, {3, "nama instansi", "Pemerintah Kota Bandung"},
		{5, "tanggal generate", "kemarin"}, {7, "periode masuk", "01 Jan 2021 s.d. 31 Des 2024"}, {9, "pengelola", ""},
	}, tp)
	if pre.Organisation != "Pemerintah Kota Bandung" || pre.Generated != "kemarin" || gen != nil || len(warns) != 1 ||
		pre.PeriodFrom != time.Date(2021, 1, 1, 0, 0, 0, 0, time.UTC) || pre.PeriodTo != time.Date(2024, 12, 31, 0, 0, 0, 0, time.UTC) {
		t.Errorf("%+v %v %q", pre, gen, warns)
	}
	if r, ok := asPreambleRow(1, []string{"Nama Instansi :", ":", "Pemerintah Kabupaten Bandung"}, nil); !ok || r.value != "Pemerintah Kabupaten Bandung" {
		t.Errorf("%+v %v", r, ok)
	}
	if _, ok := asPreambleRow(1, []string{"Rekap Pengaduan SP4N-LAPOR!"}, nil); ok {
		t.Error("a title line is not a preamble row")
	}
}

func TestFileRegency(t *testing.T) {
	msg.SetLang(msg.ID)
	for _, c := range []struct {
		configured, org, parent, want string
		note                          bool
	}{
		{"Hulu Sungai Utara", "Pemerintah Kabupaten Hulu Sungai Utara", "", "Hulu Sungai Utara", false},
		{"Kabupaten Bandung", "Pemerintah Kabupaten Bandung", "", "Kabupaten Bandung", false},
		{"Bandung", "Pemerintah Kota Bandung", "", "Kota Bandung", true},
		{"Kota Bandung", "Pemerintah Kabupaten Bandung", "", "Bandung", true},
		{"Hulu Sungai Utara", "", "Tabalong", "Tabalong", true},
		{"Hulu Sungai Utara", "Dinas Kesehatan", "", "Hulu Sungai Utara", false},
		{"Hulu Sungai Utara", "Dinas Kesehatan Kabupaten Balangan", "", "Balangan", true},
		{"", "Pemerintah Kota Banjar", "", "Kota Banjar", false},
	} {
		var pre *Preamble
		if c.org != "" {
			pre = &Preamble{Organisation: c.org}
		}
		got, note := fileRegency(c.configured, pre, func() string { return c.parent })
		if got != c.want || (note != "") != c.note {
			t.Errorf("fileRegency(%q, %q, %q) = %q %q", c.configured, c.org, c.parent, got, note)
		}
	}
}

// The same export saved as CSV (an admin who opened and re-saved it): preamble rows, a Kota's
// name, an unreadable flags cell (kept as confidential: no text), personal data in every column.
func TestIngestRingkasCSV(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "ringkas.csv")
	os.WriteFile(p, []byte("Judul Laporan,,Laporan Ringkas\n\nNama Instansi,,Pemerintah Kota Bandung\n\nTanggal Generate,,14/11/2025 08:00\n\n"+
		"Tracking ID,Tanggal Laporan Masuk,Waktu Laporan Masuk,Judul Laporan,Isi Laporan Awal,Tipe Laporan (Anonim/Rahasia),Instansi Terdisposisi,Status Laporan,Alasan Tunda/Arsip,Kategori,Catatan\n"+
		"9000001,29 May 2023,04:05:34,Jalan,Rusak. No HP : 0812 3456 7890,Pribadi,Dinas PU,Ditutup oleh Sistem,,Jalan,x\n"+
		"9000002,3 Jan 2024,4.05,Lampu,\"Mati.\nNama : Asep Alamat : Jl. Dago 1\",,Dinas PU,Diarsipkan oleh Admin,hubungi 0812-9999-8888 (Asep),Kategori 0812 3333 4444,\"Nama : Asep\"\n"), 0o644)
	db := openTestDB(t, filepath.Join(dir, "r.duckdb"))
	r := ingestOK(t, db, p, testOptions(t))
	if r.Layout != "lapor-ringkas" || r.Format != "csv" || r.Accepted != 2 || r.Regency != "Kota Bandung" || r.Observed.Source != "preamble" {
		t.Fatalf("%+v", r)
	}
	got := rows(t, db.DB, `SELECT tracking_id, submitted_at, coalesce(title, 'NULL'), coalesce(body, 'NULL'), coalesce(is_confidential::VARCHAR, 'NULL'),
		coalesce(status_reason, '-'), category, coalesce(extra::VARCHAR, '-') FROM complaints ORDER BY 1`)
	want := []string{
		"9000001|2023-05-28T21:05:34Z|NULL|NULL|NULL|-|Jalan|{\"Catatan\":\"[RAHASIA]\"}",
		"9000002|2024-01-02T21:05:00Z|Lampu|Mati.\nNama : [NAMA] Alamat : [ALAMAT]|false|hubungi [HP] (Asep)|Kategori [HP]|{\"Catatan\":\"Nama : [NAMA]\"}",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("complaints:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if got := one(t, db.DB, `SELECT column_name || '|' || raw_value || '|' || reason_code FROM rejects`); got != "Tipe Laporan (Anonim/Rahasia)|Pribadi|bad_flags" {
		t.Errorf("note: %s", got)
	}
}
