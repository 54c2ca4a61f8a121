package ingest

import (
	"fmt"
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
