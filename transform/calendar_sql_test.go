package transform

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/hsu-lapor/rapor/config"
	"github.com/hsu-lapor/rapor/store"
	"github.com/hsu-lapor/rapor/transform/calendar"
)

var (
	wib  = time.FixedZone("WIB", 7*3600)
	wita = time.FixedZone("WITA", 8*3600)
)

// insertPair stores two complaints straight into complaints (the SQL is under test here, not
// the export parser): id submitted at a and disposed at b; id+"/r" disposed at a, answered and
// closed at b.
func insertPair(t *testing.T, db *store.DB, id string, a, b time.Time) {
	t.Helper()
	for _, r := range [][]any{{id, a, b, nil, nil}, {id + "/r", a, a, b, b}} {
		_, err := db.Exec(`INSERT INTO complaints (run_id, source_row, regency, tracking_id, submitted_at, disposed_at,
            first_response_at, closed_at, version_at, status, agency, has_first_response)
            VALUES (1, 1, 'R', ?, ?, ?, ?, ?, ?, 'closed', 'Dinas Uji', true)`, append(r, b)...)
		if err != nil {
			t.Fatal(err)
		}
	}
}

// TestWorkingDays checks wd(a, b) as the calendar table computes it (complaint_facts.verify_wd,
// response_wd and, with completion_unit working, close_days) against hand counts and the
// calendar package, around weekends, Idul Fitri and its cuti bersama, year ends and the WIB/WITA edge.
func TestWorkingDays(t *testing.T) {
	at := func(s string, loc *time.Location) time.Time {
		tm, err := time.ParseInLocation("2006-01-02 15:04", s, loc)
		if err != nil {
			t.Fatal(err)
		}
		return tm
	}
	cases := []struct {
		name string
		a, b time.Time
		wd   any // nil: invalid pair
	}{
		{"same day", at("2025-03-03 08:00", wita), at("2025-03-03 16:00", wita), 0},
		{"same instant", at("2025-03-03 08:00", wita), at("2025-03-03 08:00", wita), 0},
		{"next working day", at("2025-03-03 16:00", wita), at("2025-03-04 08:00", wita), 1},
		{"Friday to Monday", at("2025-02-07 10:00", wita), at("2025-02-10 10:00", wita), 1},
		{"Friday to Saturday", at("2025-02-07 10:00", wita), at("2025-02-08 10:00", wita), 0},
		{"Saturday to Sunday", at("2025-02-08 10:00", wita), at("2025-02-09 10:00", wita), 0},
		{"Saturday to Monday", at("2025-02-08 10:00", wita), at("2025-02-10 10:00", wita), 1},
		{"two weeks", at("2025-02-03 10:00", wita), at("2025-02-17 10:00", wita), 10},
		// 2025-03-28 cuti bersama Nyepi, 03-29 Nyepi (Sat), 03-31 and 04-01 Idul Fitri,
		// 04-02..04-04 and 04-07 cuti bersama: nothing is worked from Fri 03-28 to Mon 04-07.
		{"Idul Fitri: Thu to Tue after", at("2025-03-27 10:00", wita), at("2025-04-08 10:00", wita), 1},
		{"Idul Fitri: Thu to the last cuti bersama", at("2025-03-27 10:00", wita), at("2025-04-07 10:00", wita), 0},
		{"Idul Fitri: from a cuti bersama day", at("2025-03-28 10:00", wita), at("2025-04-08 10:00", wita), 1},
		{"Idul Fitri: Wed to Wed", at("2025-03-26 10:00", wita), at("2025-04-09 10:00", wita), 3},
		{"Idul Fitri: holiday to holiday", at("2025-03-31 10:00", wita), at("2025-04-01 10:00", wita), 0},
		// 2024-12-25 Natal, 12-26 cuti bersama; 2025-01-01 Tahun Baru.
		{"Christmas 2024", at("2024-12-24 10:00", wita), at("2024-12-27 10:00", wita), 1},
		{"New Year 2025", at("2024-12-31 10:00", wita), at("2025-01-02 10:00", wita), 1},
		// 2025-12-25 Natal, 12-26 cuti bersama, 2026-01-01 Tahun Baru: 12-29, 12-30, 12-31, 01-02.
		{"year end 2025", at("2025-12-24 10:00", wita), at("2026-01-02 10:00", wita), 4},
		// 23:30 WIB on Sunday is 00:30 WITA on Monday: one working day in WITA, none in WIB.
		{"WIB 23:30 is the next day in WITA", at("2025-03-07 09:00", wib), at("2025-03-09 23:30", wib), 1},
		{"WIB 22:59 stays on Sunday", at("2025-03-07 09:00", wib), at("2025-03-09 22:59", wib), 0},
		{"invalid pair: b before a", at("2025-03-04 10:00", wita), at("2025-03-03 10:00", wita), nil},
		{"invalid pair by minutes, same day", at("2025-03-04 10:00", wita), at("2025-03-04 09:59", wita), nil},
	}
	cal := calendar.New(calendar.Builtin())
	for _, unit := range []string{"calendar", "working"} {
		t.Run(unit, func(t *testing.T) {
			cfg := config.Default()
			cfg.SLA.CompletionUnit = unit
			db := openDB(t, cfg)
			for i, c := range cases {
				insertPair(t, db, fmt.Sprintf("c%02d", i), c.a, c.b)
			}
			build(t, db, cfg, keepFacts())
			for i, c := range cases {
				var verify, response, closeDays any
				var invalid, rInvalid, cInvalid bool
				id := fmt.Sprintf("c%02d", i)
				err := db.QueryRow(`SELECT v.verify_wd, r.response_wd, r.close_days, v.verify_invalid, r.response_invalid, r.close_invalid
                    FROM test_facts AS v, test_facts AS r WHERE v.tracking_id = ? AND r.tracking_id = ?`,
					id, id+"/r").Scan(&verify, &response, &closeDays, &invalid, &rInvalid, &cInvalid)
				if err != nil {
					t.Fatal(err)
				}
				if !sameValue(verify, c.wd) || !sameValue(response, c.wd) {
					t.Errorf("%s: verify_wd %v, response_wd %v, want %v", c.name, verify, response, c.wd)
				}
				if c.wd == nil {
					if !invalid || !rInvalid || !cInvalid || closeDays != nil {
						t.Errorf("%s: not flagged invalid (close_days %v)", c.name, closeDays)
					}
					continue
				}
				if want := cal.WorkingDaysBetween(c.a.In(wita), c.b.In(wita)); !sameValue(verify, want) {
					t.Errorf("%s: SQL %v, calendar package %d", c.name, verify, want)
				}
				wantClose := c.wd
				if unit == "calendar" {
					wantClose = int(calendar.Civil(c.b.In(wita)).Sub(calendar.Civil(c.a.In(wita))).Hours() / 24)
				}
				if !sameValue(closeDays, wantClose) {
					t.Errorf("%s: close_days %v, want %v (%s)", c.name, closeDays, wantClose, unit)
				}
			}
		})
	}
}

// TestLocalDates: the session time zone makes ts::DATE and months local, and a build refuses a
// database opened in another zone than the configuration's.
func TestLocalDates(t *testing.T) {
	cfg := config.Default()
	db := openDB(t, cfg)
	var d time.Time
	var m time.Time
	ts := time.Date(2025, 3, 31, 23, 30, 0, 0, wib) // WIB 23:30 on the last day of March
	if err := db.QueryRow(`SELECT ?::TIMESTAMPTZ::DATE, date_trunc('month', ?::TIMESTAMPTZ)::DATE`, ts, ts).Scan(&d, &m); err != nil {
		t.Fatal(err)
	}
	if d.Format(time.DateOnly) != "2025-04-01" || m.Format(time.DateOnly) != "2025-04-01" {
		t.Errorf("WIB 2025-03-31 23:30 in WITA: date %s, month %s; want 2025-04-01 for both", d.Format(time.DateOnly), m.Format(time.DateOnly))
	}
	insertPair(t, db, "edge", ts, ts.Add(time.Hour))
	build(t, db, cfg)
	var month time.Time
	db.QueryRow(`SELECT month FROM agency_month`).Scan(&month)
	if month.Format(time.DateOnly) != "2025-04-01" {
		t.Errorf("cohort month %s, want 2025-04-01", month.Format(time.DateOnly))
	}

	// The same file opened in UTC: Build must refuse rather than compute UTC dates.
	path := db.Path
	db.Close()
	utc, err := store.Open(context.Background(), path, store.Options{TimeZone: "UTC"})
	if err != nil {
		t.Fatal(err)
	}
	defer utc.Close()
	_, err = Build(context.Background(), utc, cfg, WithClock(testClock))
	if err == nil || !strings.Contains(err.Error(), "time zone") {
		t.Errorf("build in a UTC session: err = %v, want a time zone error", err)
	}
}

// TestCalendarTable: holiday names and kinds, the span, and a user holidays file added to (or
// replacing) the built-in list.
func TestCalendarTable(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "libur.csv")
	if err := os.WriteFile(file, []byte("date,name\n2025-03-10,Hari Jadi Kabupaten\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, replace := range []bool{false, true} {
		t.Run(fmt.Sprint("replace=", replace), func(t *testing.T) {
			cfg := config.Default()
			cfg.HolidaysFile, cfg.HolidaysReplace = file, replace
			db := openDB(t, cfg)
			insertPair(t, db, "a", time.Date(2025, 3, 7, 10, 0, 0, 0, wita), time.Date(2025, 3, 11, 10, 0, 0, 0, wita))
			insertPair(t, db, "b", time.Date(2025, 3, 27, 10, 0, 0, 0, wita), time.Date(2025, 4, 8, 10, 0, 0, 0, wita))
			build(t, db, cfg, keepFacts())
			day := func(d string) want {
				rows := queryMaps(t, db.DB, `SELECT * FROM calendar WHERE date = ?::DATE`, d)
				if len(rows) != 1 {
					t.Fatalf("calendar has %d rows for %s", len(rows), d)
				}
				return rows[0]
			}
			checkRow(t, "2025-03-10", day("2025-03-10"), want{"is_working_day": false, "holiday_kind": "daerah", "holiday_name": "Hari Jadi Kabupaten"})
			if replace {
				checkRow(t, "2025-03-31", day("2025-03-31"), want{"is_working_day": true, "holiday_name": nil})
			} else {
				checkRow(t, "2025-03-31", day("2025-03-31"), want{"is_working_day": false, "holiday_kind": "libur_nasional",
					"holiday_name": "Hari Raya Idul Fitri 1446 Hijriah", "iso_weekday": 1})
				checkRow(t, "2025-04-07", day("2025-04-07"), want{"is_working_day": false, "holiday_kind": "cuti_bersama"})
				checkRow(t, "2025-04-05", day("2025-04-05"), want{"is_working_day": false, "holiday_name": nil, "iso_weekday": 6})
			}
			// Fri 03-07 to Tue 03-11: Mon 03-10 is the regency's day off: wd = 1 (03-11).
			var wd, wdB int
			db.QueryRow(`SELECT verify_wd FROM test_facts WHERE tracking_id = 'a'`).Scan(&wd)
			db.QueryRow(`SELECT verify_wd FROM test_facts WHERE tracking_id = 'b'`).Scan(&wdB)
			wantB := 1 // the built-in Idul Fitri week
			if replace {
				// The user's list alone: 03-28 (Fri), 03-31..04-04 (Mon-Fri), 04-07, 04-08 are worked.
				wantB = 8
			}
			if wd != 1 || wdB != wantB {
				t.Errorf("wd = %d and %d, want 1 and %d", wd, wdB, wantB)
			}
			var first, last time.Time
			db.QueryRow(`SELECT min(date), max(date) FROM calendar`).Scan(&first, &last)
			if first.Format(time.DateOnly) != "2025-01-01" || last.Format(time.DateOnly) != "2025-12-31" {
				t.Errorf("calendar spans %s..%s, want the years of the data", first.Format(time.DateOnly), last.Format(time.DateOnly))
			}
		})
	}
}
