package ingest

import (
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/hsu-lapor/rapor/store"
)

// snapLayout is a CSV snapshot layout (a stand-in for layout R until its reader lands): every
// row is a complaint's state at the file's instant, given by Options.ObservedAt.
const snapLayout = `
layouts:
  - name: snap-test
    description: snapshot CSV for tests
    snapshot: true
    date_order: dmy
    required: [tracking_id, submitted_at]
    fields:
      tracking_id: ["Nomor Snap"]
      submitted_at: ["Masuk Snap"]
      agency: ["Dinas Snap"]
      status: ["Keadaan Snap"]
      title: ["Judul Snap"]
      rating: ["Nilai Snap"]
`

// snapRow is one complaint in a test snapshot: id and its state (status, agency).
type snapRow struct{ id, status, agency string }

// snapFile writes a test snapshot; every complaint was submitted on 2 January 2025. A title line
// above the header names the file, so that two snapshots with the same rows differ (as real
// downloads do, by their Tanggal Generate): the same bytes twice are one file.
func snapFile(t testing.TB, dir, name string, rs []snapRow) string {
	t.Helper()
	var b strings.Builder
	b.WriteString("Unduhan " + name + "\n")
	b.WriteString("Nomor Snap,Masuk Snap,Dinas Snap,Keadaan Snap,Judul Snap\n")
	for _, r := range rs {
		fmt.Fprintf(&b, "%s,02/01/2025 08:00,%s,%s,Jalan rusak %s\n", r.id, r.agency, r.status, r.id)
	}
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func snapOptions(t testing.TB) Options {
	t.Helper()
	p := filepath.Join(t.TempDir(), "snap.yaml")
	if err := os.WriteFile(p, []byte(snapLayout), 0o644); err != nil {
		t.Fatal(err)
	}
	return testOptions(t, p)
}

var wib = func() *time.Location { l, _ := time.LoadLocation("Asia/Jakarta"); return l }()

// day is the whole local day d (a date-only Tanggal Generate); moment is an instant of one time.
func day(d string) Instant {
	t, err := time.ParseInLocation("2006-01-02", d, wib)
	if err != nil {
		panic(err)
	}
	return Instant{From: t, To: t.AddDate(0, 0, 1).Add(-time.Microsecond)}
}

func moment(s string) Instant {
	t, err := time.ParseInLocation("2006-01-02 15:04", s, wib)
	if err != nil {
		panic(err)
	}
	return Instant{From: t, To: t}
}

// snap is one snapshot file of a series, with its instant.
type snap struct {
	path string
	at   Instant
}

func ingestSnapshot(t testing.TB, db *store.DB, o Options, s snap) FileResult {
	t.Helper()
	o.ObservedAt = &s.at
	return ingestOK(t, db, s.path, o)
}

// versionsOf renders a complaint's snapshot versions: first..last sighting (local dates or
// times), status, current flag.
const versionsQuery = `
SELECT strftime(timezone('Asia/Jakarta', seen_first_from), '%Y-%m-%d %H:%M') || '/' || strftime(timezone('Asia/Jakarta', seen_first_to), '%H:%M')
       || '..' || strftime(timezone('Asia/Jakarta', seen_last_from), '%Y-%m-%d %H:%M') || '/' || strftime(timezone('Asia/Jakarta', seen_last_to), '%H:%M')
       || ' ' || status || CASE WHEN is_current THEN ' *' ELSE '' END
FROM complaint_versions WHERE tracking_id = $1 ORDER BY seen_first_from, seen_first_to, seen_last_from`

func TestSnapshotSpans(t *testing.T) {
	dir := t.TempDir()
	days := []string{"2025-01-06", "2025-01-13", "2025-01-20", "2025-01-27", "2025-02-03"}
	// Per week: U unchanged, C changes at the third week, B goes A, B, A.
	states := [][3]string{
		{"Terverifikasi", "Terverifikasi", "Belum Terverifikasi"},
		{"Terverifikasi", "Terverifikasi", "Belum Terverifikasi"},
		{"Terverifikasi", "Ditutup oleh Sistem", "Terverifikasi"},
		{"Terverifikasi", "Ditutup oleh Sistem", "Belum Terverifikasi"},
		{"Terverifikasi", "Ditutup oleh Sistem", "Belum Terverifikasi"},
	}
	db := openTestDB(t, filepath.Join(dir, "r.duckdb"))
	o := snapOptions(t)
	for i, d := range days {
		p := snapFile(t, dir, d+".csv", []snapRow{
			{"U", states[i][0], "Dinas PUPR"}, {"C", states[i][1], "Dinas PUPR"}, {"B", states[i][2], "Dinas PUPR"},
		})
		r := ingestSnapshot(t, db, o, snap{p, day(d)})
		if r.Observed == nil || r.Layout != "snap-test" {
			t.Fatalf("not a snapshot run: %+v", r)
		}
	}
	for _, tc := range []struct {
		id   string
		want []string
	}{
		{"U", []string{"2025-01-06 00:00/23:59..2025-02-03 00:00/23:59 verified *"}},
		{"C", []string{
			"2025-01-06 00:00/23:59..2025-01-13 00:00/23:59 verified",
			"2025-01-20 00:00/23:59..2025-02-03 00:00/23:59 closed *"}},
		{"B", []string{
			"2025-01-06 00:00/23:59..2025-01-13 00:00/23:59 unverified",
			"2025-01-20 00:00/23:59..2025-01-20 00:00/23:59 verified",
			"2025-01-27 00:00/23:59..2025-02-03 00:00/23:59 unverified *"}},
	} {
		if got := rows(t, db.DB, versionsQuery, tc.id); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%s:\n%s\nwant:\n%s", tc.id, strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
		}
	}
	// A whole day ends at its last microsecond, and version_at is the last sighting's start.
	if got := one(t, db.DB, `SELECT seen_last_to = TIMESTAMPTZ '2025-02-03 23:59:59.999999+07' AND version_at = seen_last_from
		AND seen_first_from = TIMESTAMPTZ '2025-01-06 00:00:00+07' FROM complaints WHERE tracking_id = 'U'`); got != "true" {
		t.Errorf("instant bounds: %s", got)
	}
	if got := one(t, db.DB, `SELECT count(*) FROM complaint_versions`); got != "6" {
		t.Errorf("versions: %s, want 6", got)
	}
	if got := one(t, db.DB, `SELECT count(*) || '/' || sum(files) FROM snapshots`); got != "5/5" {
		t.Errorf("snapshots: %s", got)
	}
}

// series is six weekly snapshots and a second download of the fourth week's day, with changes:
// U unchanged; C changes at week 3; B goes A, B, A; N appears at week 3; Z flips every week; X is
// verified in the fourth week's first download and closed in its second (one instant, two
// states), W and V likewise, W's files the other way round (and their state hashes, unlike the
// statuses, order the two states differently); a moment instant in week 5.
func series(t testing.TB, dir string) []snap {
	t.Helper()
	ats := []Instant{day("2025-01-06"), day("2025-01-13"), day("2025-01-20"), day("2025-01-27"), day("2025-01-27"), moment("2025-02-03 10:30"), day("2025-02-10")}
	v, c, u, d := "Terverifikasi", "Ditutup oleh Sistem", "Belum Terverifikasi", "Ditanggapi oleh Pelapor"
	weeks := [][]snapRow{
		{{"U", v, "PUPR"}, {"C", v, "PUPR"}, {"B", u, ""}, {"Z", v, "Dinkes"}, {"X", v, "PUPR"}, {"W", v, "Disnaker"}, {"V", v, "Bappeda"}},
		{{"U", v, "PUPR"}, {"C", v, "PUPR"}, {"B", u, ""}, {"Z", d, "Dinkes"}, {"X", v, "PUPR"}, {"W", v, "Disnaker"}, {"V", v, "Bappeda"}},
		{{"U", v, "PUPR"}, {"C", c, "PUPR"}, {"B", v, "Disdik"}, {"Z", v, "Dinkes"}, {"X", v, "PUPR"}, {"N", u, ""}, {"W", v, "Disnaker"}, {"V", v, "Bappeda"}},
		{{"U", v, "PUPR"}, {"C", c, "PUPR"}, {"B", u, ""}, {"Z", d, "Dinkes"}, {"X", v, "PUPR"}, {"N", u, ""}, {"W", c, "Disnaker"}, {"V", v, "Bappeda"}},
		{{"U", v, "PUPR"}, {"C", c, "PUPR"}, {"B", u, ""}, {"Z", d, "Dinkes"}, {"X", c, "PUPR"}, {"N", u, ""}, {"W", v, "Disnaker"}, {"V", c, "Bappeda"}},
		{{"U", v, "PUPR"}, {"C", c, "PUPR"}, {"B", u, ""}, {"Z", v, "Dinkes"}, {"X", c, "PUPR"}, {"N", v, "Dishub"}, {"W", c, "Disnaker"}, {"V", c, "Bappeda"}},
		{{"U", v, "PUPR"}, {"C", c, "PUPR"}, {"B", u, ""}, {"Z", d, "Dinkes"}, {"X", c, "PUPR"}, {"N", v, "Dishub"}, {"W", c, "Disnaker"}, {"V", c, "Bappeda"}},
	}
	out := make([]snap, len(weeks))
	for i, w := range weeks {
		out[i] = snap{snapFile(t, dir, fmt.Sprintf("s%d.csv", i+1), w), ats[i]}
	}
	return out
}

// tables renders what an ingest order must not change: every version and the current ones,
// without lineage (run_id and source_row name the file a row was read from, which depends on
// the order), and the snapshots.
func tables(t testing.TB, db *store.DB) []string {
	t.Helper()
	out := rows(t, db.DB, `SELECT * EXCLUDE (run_id, source_row) FROM complaint_versions ORDER BY ALL`)
	out = append(out, "--")
	out = append(out, rows(t, db.DB, `SELECT * EXCLUDE (run_id, source_row) FROM complaints ORDER BY ALL`)...)
	out = append(out, "--")
	return append(out, rows(t, db.DB, `SELECT regency, observed_from, observed_to, files FROM snapshots ORDER BY ALL`)...)
}

func TestSnapshotOrderIndependent(t *testing.T) {
	dir := t.TempDir()
	all := series(t, dir)
	o := snapOptions(t)
	ingestAll := func(order []snap) *store.DB {
		db := openTestDB(t, filepath.Join(t.TempDir(), "r.duckdb"))
		for _, s := range order {
			ingestSnapshot(t, db, o, s)
		}
		return db
	}
	db := ingestAll(all)
	want := tables(t, db)
	// The in-order result is the expected one.
	for _, tc := range []struct {
		id   string
		want []string
	}{
		{"U", []string{"2025-01-06 00:00/23:59..2025-02-10 00:00/23:59 verified *"}},
		{"C", []string{"2025-01-06 00:00/23:59..2025-01-13 00:00/23:59 verified", "2025-01-20 00:00/23:59..2025-02-10 00:00/23:59 closed *"}},
		{"B", []string{"2025-01-06 00:00/23:59..2025-01-13 00:00/23:59 unverified", "2025-01-20 00:00/23:59..2025-01-20 00:00/23:59 verified",
			"2025-01-27 00:00/23:59..2025-02-10 00:00/23:59 unverified *"}},
		{"N", []string{"2025-01-20 00:00/23:59..2025-01-27 00:00/23:59 unverified", "2025-02-03 10:30/10:30..2025-02-10 00:00/23:59 verified *"}},
		{"Z", []string{"2025-01-06 00:00/23:59..2025-01-06 00:00/23:59 verified", "2025-01-13 00:00/23:59..2025-01-13 00:00/23:59 in_progress",
			"2025-01-20 00:00/23:59..2025-01-20 00:00/23:59 verified", "2025-01-27 00:00/23:59..2025-01-27 00:00/23:59 in_progress",
			"2025-02-03 10:30/10:30..2025-02-03 10:30/10:30 verified", "2025-02-10 00:00/23:59..2025-02-10 00:00/23:59 in_progress *"}},
		// One instant, two states: both are versions of it, the more advanced later.
		{"X", []string{"2025-01-06 00:00/23:59..2025-01-27 00:00/23:59 verified", "2025-01-27 00:00/23:59..2025-02-10 00:00/23:59 closed *"}},
		{"W", []string{"2025-01-06 00:00/23:59..2025-01-27 00:00/23:59 verified", "2025-01-27 00:00/23:59..2025-02-10 00:00/23:59 closed *"}},
		{"V", []string{"2025-01-06 00:00/23:59..2025-01-27 00:00/23:59 verified", "2025-01-27 00:00/23:59..2025-02-10 00:00/23:59 closed *"}},
	} {
		if got := rows(t, db.DB, versionsQuery, tc.id); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%s:\n%s\nwant:\n%s", tc.id, strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
		}
	}
	// Of X, W and V, state hashes order the two states both ways (else the fixture would not
	// show that the status, not the hash, decides).
	if got := one(t, db.DB, `SELECT count(DISTINCT lowest) FROM (
		SELECT arg_min(status, h) AS lowest FROM (
		    SELECT tracking_id, status, hash(*COLUMNS(* EXCLUDE (run_id, source_row, version_at, is_current,
		        seen_first_from, seen_first_to, seen_last_from, seen_last_to))) AS h
		    FROM complaint_versions WHERE tracking_id IN ('X', 'W', 'V'))
		GROUP BY tracking_id)`); got != "2" {
		t.Errorf("the state hashes of X, W, V order their states one way only: change an agency name")
	}
	rnd := rand.New(rand.NewSource(8))
	orders := [][]snap{}
	rev := append([]snap(nil), all...)
	for i, j := 0, len(rev)-1; i < j; i, j = i+1, j-1 {
		rev[i], rev[j] = rev[j], rev[i]
	}
	orders = append(orders, rev)
	for n := 0; n < 6; n++ {
		sh := append([]snap(nil), all...)
		rnd.Shuffle(len(sh), func(i, j int) { sh[i], sh[j] = sh[j], sh[i] })
		orders = append(orders, sh)
	}
	for _, order := range orders {
		names := make([]string, len(order))
		for i, s := range order {
			names[i] = filepath.Base(s.path)
		}
		odb := ingestAll(order)
		if got := tables(t, odb); !reflect.DeepEqual(got, want) {
			t.Errorf("order %v gives other tables:\n%s\nwant:\n%s", names, strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
		// rebuilt versions (an earlier snapshot after a later one) keep their normalised titles
		checkTitleNorm(t, odb, names)
	}
}

func TestSnapshotReingest(t *testing.T) {
	dir := t.TempDir()
	all := series(t, dir)
	o := snapOptions(t)
	db := openTestDB(t, filepath.Join(dir, "r.duckdb"))
	for _, s := range all {
		ingestSnapshot(t, db, o, s)
	}
	versions := func() []string {
		return rows(t, db.DB, `SELECT * FROM complaint_versions ORDER BY ALL`)
	}
	before := versions()
	// The same file again: skipped, whatever instant it is given.
	again := all[2]
	again.at = day("2025-03-01")
	if r := ingestSnapshot(t, db, o, again); !r.Skipped {
		t.Fatalf("same file not skipped: %+v", r)
	}
	// Another download of an instant already seen, with the same content, and one between two
	// snapshots that shows what both showed: nothing changes, not even lineage.
	rs3 := []snapRow{{"U", "Terverifikasi", "PUPR"}, {"C", "Ditutup oleh Sistem", "PUPR"}, {"B", "Terverifikasi", "Disdik"},
		{"Z", "Terverifikasi", "Dinkes"}, {"X", "Terverifikasi", "PUPR"}, {"N", "Belum Terverifikasi", ""}}
	ingestSnapshot(t, db, o, snap{snapFile(t, dir, "s3-again.csv", rs3), all[2].at})
	ingestSnapshot(t, db, o, snap{snapFile(t, dir, "s7-between.csv", []snapRow{{"U", "Terverifikasi", "PUPR"}, {"C", "Ditutup oleh Sistem", "PUPR"}}), moment("2025-02-06 09:00")})
	if after := versions(); !reflect.DeepEqual(after, before) {
		t.Errorf("versions changed:\n%s\nwant:\n%s", strings.Join(after, "\n"), strings.Join(before, "\n"))
	}
	if got := one(t, db.DB, `SELECT count(*) || '/' || sum(files) FROM snapshots`); got != "7/9" {
		t.Errorf("snapshots/files: %s, want 7/9", got)
	}
}

func TestSnapshotSameInstantConflict(t *testing.T) {
	dir := t.TempDir()
	o := snapOptions(t)
	at := day("2025-01-27")
	morning := snap{snapFile(t, dir, "pagi.csv", []snapRow{{"X", "Terverifikasi", "PUPR"}, {"Y", "Ditutup oleh Admin", "PUPR"}}), at}
	evening := snap{snapFile(t, dir, "sore.csv", []snapRow{{"X", "Ditutup oleh Sistem", "PUPR"}, {"Y", "Menunggu Kelengkapan Informasi", "PUPR"}}), at}
	// One file that holds both states of each (and repeats one row) says the same.
	both := snap{snapFile(t, dir, "satu.csv", []snapRow{{"X", "Ditutup oleh Sistem", "PUPR"}, {"Y", "Menunggu Kelengkapan Informasi", "PUPR"},
		{"X", "Terverifikasi", "PUPR"}, {"Y", "Ditutup oleh Admin", "PUPR"}, {"Y", "Menunggu Kelengkapan Informasi", "PUPR"}}), at}
	var want []string
	for _, order := range [][]snap{{morning, evening}, {evening, morning}, {both}, {morning, both}} {
		db := openTestDB(t, filepath.Join(t.TempDir(), "r.duckdb"))
		for _, s := range order {
			ingestSnapshot(t, db, o, s)
		}
		got := tables(t, db)
		if want == nil {
			want = got
			// The more advanced state is current, whichever file came later.
			cur := rows(t, db.DB, `SELECT tracking_id, status, status_by, seen_first_from = seen_last_from FROM complaints ORDER BY 1`)
			if !reflect.DeepEqual(cur, []string{"X|closed|system|true", "Y|closed|admin|true"}) {
				t.Errorf("current: %q", cur)
			}
			if n := one(t, db.DB, `SELECT count(*) FROM complaint_versions`); n != "4" {
				t.Errorf("versions: %s, want both states of each", n)
			}
		} else if !reflect.DeepEqual(got[:len(got)-1], want[:len(want)-1]) { // but the count of files
			t.Errorf("order %d: %s\nwant:\n%s", len(order), strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
	}
}

// TestSnapshotPeriodCoverage: a snapshot whose Periode Masuk does not cover a complaint's
// submission says nothing about it, so it is no sighting when a span is split.
func TestSnapshotPeriodCoverage(t *testing.T) {
	for _, tc := range []struct {
		name     string
		period   bool // the second snapshot covers 2024 only
		wantFirs string
	}{
		{"uncovered", true, "2025-01-06 00:00/23:59..2025-01-06 00:00/23:59 verified"},
		{"covered", false, "2025-01-06 00:00/23:59..2025-01-13 00:00/23:59 verified"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			o := snapOptions(t)
			db := openTestDB(t, filepath.Join(dir, "r.duckdb"))
			v := "Terverifikasi"
			ingestSnapshot(t, db, o, snap{snapFile(t, dir, "s1.csv", []snapRow{{"C", v, "PUPR"}}), day("2025-01-06")})
			// s2 shows another complaint only (C is not in it).
			r2 := ingestSnapshot(t, db, o, snap{snapFile(t, dir, "s2.csv", []snapRow{{"D", v, "PUPR"}}), day("2025-01-13")})
			if tc.period {
				// What the layout R reader records from a preamble "Periode Masuk (2024-01-01) - (2024-12-31)".
				if _, err := db.Exec(`UPDATE ingest_runs SET period_from = DATE '2024-01-01', period_to = DATE '2024-12-31' WHERE run_id = $1`, r2.RunID); err != nil {
					t.Fatal(err)
				}
			}
			ingestSnapshot(t, db, o, snap{snapFile(t, dir, "s4.csv", []snapRow{{"C", v, "PUPR"}}), day("2025-01-27")})
			ingestSnapshot(t, db, o, snap{snapFile(t, dir, "s3.csv", []snapRow{{"C", "Ditutup oleh Admin", "PUPR"}}), day("2025-01-20")})
			want := []string{tc.wantFirs,
				"2025-01-20 00:00/23:59..2025-01-20 00:00/23:59 closed",
				"2025-01-27 00:00/23:59..2025-01-27 00:00/23:59 verified *"}
			if got := rows(t, db.DB, versionsQuery, "C"); !reflect.DeepEqual(got, want) {
				t.Errorf("\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
			}
		})
	}
}

// TestSnapshotWithExactExport: a layout A export (event times) and snapshots of the same
// complaints. Exact rows keep their merge rules and no seen_*; snapshot rows are spans; the
// current version is the newest by version_at, an exact row winning a tie; any order gives the
// same tables.
func TestSnapshotWithExactExport(t *testing.T) {
	dir := t.TempDir()
	o := snapOptions(t)
	v := "Terverifikasi"
	// M1 is followed up on 10 January and closed by LAPOR! after the third snapshot; M2's last
	// activity is the third snapshot's first instant (a tie).
	exact := cut(t, dir, "admin.csv", [][]string{
		{"M1", "2025-01-02 08:00", "Jalan rusak M1", "PUPR", "Terdisposisi Sedang Diproses", "2025-01-03 09:00", "2025-01-10 10:00", "", "2025-01-10 10:00"},
		{"M2", "2025-01-02 08:00", "Jalan rusak M2", "PUPR", "Terdisposisi Sedang Diproses", "2025-01-03 09:00", "2025-01-19 10:00", "", "2025-01-20 00:00"},
	})
	snaps := []snap{
		{snapFile(t, dir, "s1.csv", []snapRow{{"M1", v, "PUPR"}, {"M2", v, "PUPR"}}), day("2025-01-06")},
		{snapFile(t, dir, "s2.csv", []snapRow{{"M1", v, "PUPR"}, {"M2", v, "PUPR"}}), day("2025-01-13")},
		{snapFile(t, dir, "s3.csv", []snapRow{{"M1", "Ditutup oleh Sistem", "PUPR"}, {"M2", v, "PUPR"}}), day("2025-01-20")},
	}
	var want []string
	for _, at := range []int{0, 1, 3, 2} { // where the exact export comes among the snapshots
		db := openTestDB(t, filepath.Join(t.TempDir(), "r.duckdb"))
		for i := 0; i <= len(snaps); i++ {
			if i == at {
				if r := ingestOK(t, db, exact, o); r.Layout != "lapor-admin" || r.Observed != nil {
					t.Fatalf("exact export: %+v", r)
				}
			}
			if i < len(snaps) {
				ingestSnapshot(t, db, o, snaps[i])
			}
		}
		got := tables(t, db)
		if want == nil {
			want = got
			cur := rows(t, db.DB, `SELECT tracking_id, status, seen_first_from IS NULL, first_response_at FROM complaints ORDER BY 1`)
			if !reflect.DeepEqual(cur, []string{"M1|closed|false|NULL", "M2|in_progress|true|2025-01-19T03:00:00Z"}) {
				t.Errorf("current: %q", cur)
			}
			if got := rows(t, db.DB, versionsQuery, "M1"); !reflect.DeepEqual(got, []string{
				"2025-01-06 00:00/23:59..2025-01-13 00:00/23:59 verified", "2025-01-20 00:00/23:59..2025-01-20 00:00/23:59 closed *", "NULL"}) {
				t.Errorf("M1 versions: %q", got)
			}
			if n := one(t, db.DB, `SELECT count(*) FROM complaint_versions WHERE seen_first_from IS NULL AND first_response_at IS NOT NULL`); n != "2" {
				t.Errorf("exact rows: %s", n)
			}
		} else if !reflect.DeepEqual(got, want) {
			t.Errorf("exact export at %d:\n%s\nwant:\n%s", at, strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
	}
}

// TestSnapshotVariants: exports whose later variants carry more columns (Rating, extra columns):
// a file without them says nothing about them, so switching variants is no change, and a version
// keeps the details of all its sightings, whatever the order.
func TestSnapshotVariants(t *testing.T) {
	dir := t.TempDir()
	o := snapOptions(t)
	file := func(name string, rich bool, status, rating string) string {
		var b strings.Builder
		b.WriteString("Unduhan " + name + "\nNomor Snap,Masuk Snap,Dinas Snap,Keadaan Snap,Judul Snap")
		if rich {
			b.WriteString(",Nilai Snap,Nomor SK")
		}
		b.WriteString("\nU,02/01/2025 08:00,PUPR," + status + ",Jalan rusak U")
		if rich {
			b.WriteString("," + rating + ",SK-1")
		}
		b.WriteString("\n")
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	v, c := "Terverifikasi", "Ditutup oleh Sistem"
	all := []snap{
		{file("s1.csv", false, v, ""), day("2025-01-06")},
		{file("s2.csv", true, v, ""), day("2025-01-13")},
		{file("s3.csv", false, v, ""), day("2025-01-20")},
		{file("s4.csv", false, c, ""), day("2025-01-27")},
		{file("s5.csv", true, c, "4"), day("2025-02-03")},
		{file("s6.csv", false, c, ""), day("2025-02-10")},
	}
	var want []string
	for _, order := range [][]int{{0, 1, 2, 3, 4, 5}, {5, 4, 3, 2, 1, 0}, {2, 0, 5, 3, 1, 4}, {4, 1, 0, 5, 2, 3}} {
		db := openTestDB(t, filepath.Join(t.TempDir(), "r.duckdb"))
		for _, i := range order {
			ingestSnapshot(t, db, o, all[i])
		}
		got := tables(t, db)
		if want == nil {
			want = got
			vs := rows(t, db.DB, versionsQuery+`, rating`, "U")
			wantVs := []string{"2025-01-06 00:00/23:59..2025-01-20 00:00/23:59 verified", "2025-01-27 00:00/23:59..2025-02-10 00:00/23:59 closed *"}
			if !reflect.DeepEqual(vs, wantVs) {
				t.Errorf("versions:\n%s\nwant:\n%s", strings.Join(vs, "\n"), strings.Join(wantVs, "\n"))
			}
			if got := rows(t, db.DB, `SELECT status || ' ' || coalesce(rating::VARCHAR, '-') || ' ' || coalesce(extra->>'Nomor SK', '-') FROM complaint_versions ORDER BY seen_first_from`); !reflect.DeepEqual(got, []string{"verified - SK-1", "closed 4 SK-1"}) {
				t.Errorf("details: %q", got)
			}
		} else if !reflect.DeepEqual(got, want) {
			t.Errorf("order %v:\n%s\nwant:\n%s", order, strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
	}
}
