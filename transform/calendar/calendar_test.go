package calendar

import (
	"encoding/csv"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func day(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return t
}

// Published counts per year (SOURCES.md) and the resulting working days.
var yearTable = []struct {
	year, libur, cuti, working int
}{
	{2015, 17, 3, 245},
	{2016, 15, 4, 246},
	{2017, 17, 7, 239},
	{2018, 17, 8, 239},
	{2019, 17, 4, 246},
	{2020, 17, 5, 243},
	{2021, 15, 1, 248},
	{2022, 16, 4, 246},
	{2023, 16, 11, 239},
	{2024, 19, 10, 238},
	{2025, 17, 11, 237},
	{2026, 17, 8, 240},
	{2027, 18, 8, 242},
}

func TestBuiltinYears(t *testing.T) {
	cal := New(Builtin())
	for _, tc := range yearTable {
		libur, cuti := 0, 0
		for _, h := range Builtin() {
			if h.Date.Year() != tc.year {
				continue
			}
			switch h.Kind {
			case LiburNasional:
				libur++
			case CutiBersama:
				cuti++
			}
		}
		if libur != tc.libur || cuti != tc.cuti {
			t.Errorf("%d: %d libur_nasional and %d cuti_bersama, want %d and %d", tc.year, libur, cuti, tc.libur, tc.cuti)
		}
		// Brute force over the year, and the O(log n) count, must both give the figure.
		loop := 0
		for d := day(time.Date(tc.year, 1, 1, 0, 0, 0, 0, time.UTC).Format("2006-01-02")); d.Year() == tc.year; d = d.AddDate(0, 0, 1) {
			if cal.IsWorkingDay(d) {
				loop++
			}
		}
		prevEnd := time.Date(tc.year-1, 12, 31, 0, 0, 0, 0, time.UTC)
		end := time.Date(tc.year, 12, 31, 0, 0, 0, 0, time.UTC)
		if got := cal.WorkingDaysBetween(prevEnd, end); loop != tc.working || got != tc.working {
			t.Errorf("%d: %d working days by loop, %d by WorkingDaysBetween, want %d", tc.year, loop, got, tc.working)
		}
	}
}

func TestBuiltinWellFormed(t *testing.T) {
	b := Builtin()
	if len(b) == 0 {
		t.Fatal("no built-in holidays")
	}
	for i, h := range b {
		if h.Date.Location() != time.UTC || h.Date.Hour() != 0 || h.Date.Minute() != 0 {
			t.Errorf("%v: not UTC midnight", h.Date)
		}
		if y := h.Date.Year(); y < 2015 || y > 2027 {
			t.Errorf("%v: outside 2015-2027", h.Date)
		}
		if h.Kind != LiburNasional && h.Kind != CutiBersama {
			t.Errorf("%v: kind %q", h.Date, h.Kind)
		}
		if h.Name == "" {
			t.Errorf("%v: no name", h.Date)
		}
		if h.Kind == CutiBersama && !strings.HasPrefix(h.Name, "Cuti Bersama ") {
			t.Errorf("%v: cuti bersama named %q", h.Date, h.Name)
		}
		if i > 0 && !b[i-1].Date.Before(h.Date) {
			t.Errorf("%v: not sorted or repeated after %v", h.Date, b[i-1].Date)
		}
	}
	// Builtin hands out copies.
	b[0].Name = "changed"
	if Builtin()[0].Name == "changed" {
		t.Error("Builtin shares its slice with callers")
	}
	// Every year has New Year, Independence Day and Christmas.
	cal := New(b)
	for y := 2015; y <= 2027; y++ {
		for _, md := range []string{"-01-01", "-08-17", "-12-25"} {
			if h, ok := cal.Holiday(day(time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC).Format("2006") + md)); !ok || h.Kind != LiburNasional {
				t.Errorf("%d%s missing", y, md)
			}
		}
	}
}

func TestBuiltinKnownDates(t *testing.T) {
	cal := New(Builtin())
	for _, tc := range []struct {
		date string
		kind Kind   // "" = not a holiday
		name string // substring of the name
	}{
		{"2025-03-31", LiburNasional, "Idul Fitri 1446 Hijriah"},
		{"2025-04-01", LiburNasional, "Idul Fitri 1446 Hijriah (hari kedua)"},
		{"2025-04-02", CutiBersama, "Cuti Bersama Hari Raya Idul Fitri 1446"},
		{"2025-04-03", CutiBersama, "Idul Fitri"},
		{"2025-04-04", CutiBersama, "Idul Fitri"},
		{"2025-04-05", "", ""}, // Saturday, not listed
		{"2025-04-07", CutiBersama, "Idul Fitri"},
		{"2025-04-08", "", ""},
		{"2025-08-18", CutiBersama, "Kemerdekaan"}, // SKB 933/2025: cuti bersama, not libur
		{"2024-02-14", LiburNasional, "Pemilihan Umum 2024"},
		{"2024-11-27", LiburNasional, "Pemilihan Kepala Daerah Serentak 2024"},
		{"2024-03-31", LiburNasional, "Paskah"},
		{"2019-04-17", LiburNasional, "Pemilihan Umum 2019"},
		{"2018-06-27", LiburNasional, "Pemilihan Kepala Daerah"},
		{"2017-02-15", LiburNasional, "Pemilihan Kepala Daerah"},
		{"2015-12-09", LiburNasional, "Pemilihan Kepala Daerah"},
		{"2020-12-09", LiburNasional, "Pemilihan Kepala Daerah"},
		{"2015-12-24", LiburNasional, "Maulid"},
		{"2021-05-13", LiburNasional, "Kenaikan Isa Al Masih; Hari Raya Idul Fitri 1442"},
		{"2022-07-10", LiburNasional, "Idul Adha 1443"},
		{"2020-12-31", CutiBersama, "Idul Fitri 1441"},
		{"2027-12-26", LiburNasional, "Isra Mikraj Nabi Muhammad SAW 1449"},
		{"2027-03-25", CutiBersama, "Wafat Yesus Kristus"},
		// Cuti bersama that were cancelled, and days that were not yet holidays.
		{"2020-05-22", "", ""},
		{"2020-12-28", "", ""},
		{"2021-12-24", "", ""},
		{"2022-12-26", "", ""},
		{"2016-06-01", "", ""},
		{"2023-04-10", "", ""}, // Easter Monday is no holiday
	} {
		h, ok := cal.Holiday(day(tc.date))
		if tc.kind == "" {
			if ok {
				t.Errorf("%s: unexpected holiday %+v", tc.date, h)
			}
			continue
		}
		if !ok || h.Kind != tc.kind || !strings.Contains(h.Name, tc.name) {
			t.Errorf("%s: got %v %+v, want %s %q", tc.date, ok, h, tc.kind, tc.name)
		}
	}
}

// The reference list in shared/data agrees date for date (2023-2026) when it is present.
func TestBuiltinMatchesSharedReference(t *testing.T) {
	f, err := os.Open(filepath.Join("..", "..", "..", "shared", "data", "holidays_id_2023_2026.csv"))
	if err != nil {
		t.Skip("shared reference data not present:", err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{}
	for _, r := range rows[1:] {
		want[r[0]] = r[2]
	}
	got := map[string]string{}
	for _, h := range Builtin() {
		if y := h.Date.Year(); y >= 2023 && y <= 2026 {
			got[h.Date.Format("2006-01-02")] = string(h.Kind)
		}
	}
	for d, k := range want {
		if got[d] != k {
			t.Errorf("%s: built in %q, reference %q", d, got[d], k)
		}
	}
	for d := range got {
		if _, ok := want[d]; !ok {
			t.Errorf("%s: built in but not in the reference", d)
		}
	}
}

func TestIsWorkingDay(t *testing.T) {
	cal := New(Builtin())
	wita := time.FixedZone("WITA", 8*3600)
	for _, tc := range []struct {
		t    time.Time
		want bool
	}{
		{day("2025-01-02"), true},  // Thursday
		{day("2025-01-04"), false}, // Saturday
		{day("2025-01-05"), false}, // Sunday
		{day("2025-01-01"), false}, // Tahun Baru
		{day("2025-01-28"), false}, // cuti bersama
		{day("2030-01-02"), true},  // beyond the data: plain weekdays
		{day("2030-01-05"), false},
		// The civil date is taken in the time's own zone: 2025-01-01 23:30 WITA is New Year.
		{time.Date(2025, 1, 1, 23, 30, 0, 0, wita), false},
		// 2025-01-01 20:30 UTC is 2 January in WITA, a working day once converted.
		{time.Date(2025, 1, 1, 20, 30, 0, 0, time.UTC).In(wita), true},
		{time.Date(2025, 1, 1, 20, 30, 0, 0, time.UTC), false},
	} {
		if got := cal.IsWorkingDay(tc.t); got != tc.want {
			t.Errorf("IsWorkingDay(%v) = %v, want %v", tc.t, got, tc.want)
		}
	}
}

func TestWorkingDaysBetween(t *testing.T) {
	cal := New(Builtin())
	at := func(s string, hh int) time.Time { return day(s).Add(time.Duration(hh) * time.Hour) }
	for _, tc := range []struct {
		name string
		a, b time.Time
		want int
	}{
		{"same day", at("2025-01-08", 8), at("2025-01-08", 17), 0},
		{"b before a", day("2025-01-09"), day("2025-01-08"), 0},
		{"next day", day("2025-01-08"), day("2025-01-09"), 1},
		{"Fri to Mon", at("2025-01-10", 16), at("2025-01-13", 9), 1},
		{"Fri to Sat", day("2025-01-10"), day("2025-01-11"), 0},
		{"Sat to Mon", day("2025-01-11"), day("2025-01-13"), 1},
		{"one week", day("2025-01-06"), day("2025-01-13"), 5},
		// Idul Fitri 1446: Fri 28 Mar cuti, 31 Mar-1 Apr libur, 2-4 and 7 Apr cuti.
		{"into Idul Fitri week", day("2025-03-27"), day("2025-04-07"), 0},
		{"across Idul Fitri week", day("2025-03-27"), day("2025-04-08"), 1},
		{"disposed in the holiday", day("2025-04-02"), day("2025-04-09"), 2},
		{"Idul Fitri 2024", day("2024-04-05"), day("2024-04-16"), 1},
		{"year end", day("2024-12-31"), day("2025-01-02"), 1},
		{"Natal to new year", day("2025-12-24"), day("2026-01-02"), 4},
		{"Pemilu 2024", day("2024-02-13"), day("2024-02-15"), 1},
		{"Pilkada 2024", day("2024-11-26"), day("2024-11-28"), 1},
		{"whole 2025", day("2024-12-31"), day("2025-12-31"), 237},
		{"2015 to 2027", day("2014-12-31"), day("2027-12-31"), 245 + 246 + 239 + 239 + 246 + 243 + 248 + 246 + 239 + 238 + 237 + 240 + 242},
		{"before the data", day("2014-01-03"), day("2014-01-06"), 1},
	} {
		if got := cal.WorkingDaysBetween(tc.a, tc.b); got != tc.want {
			t.Errorf("%s: WorkingDaysBetween(%s, %s) = %d, want %d", tc.name, tc.a.Format(time.DateTime), tc.b.Format(time.DateTime), got, tc.want)
		}
	}
}

// WorkingDaysBetween agrees with counting day by day, before 1970 too (floor arithmetic).
func TestWorkingDaysBetweenMatchesLoop(t *testing.T) {
	extra := []Holiday{
		{Date: day("1969-12-31"), Kind: Daerah, Name: "test"},
		{Date: day("1970-01-02"), Kind: Daerah, Name: "test"},
	}
	cal := New(append(Builtin(), extra...))
	rng := rand.New(rand.NewPCG(1, 2))
	base := day("1968-01-01")
	span := int(day("2029-01-01").Sub(base).Hours() / 24)
	for i := 0; i < 3000; i++ {
		a := base.AddDate(0, 0, rng.IntN(span))
		b := a.AddDate(0, 0, rng.IntN(90)-5)
		if i%100 == 0 { // a few long spans
			b = a.AddDate(0, 0, rng.IntN(3000))
		}
		want := 0
		for d := a.AddDate(0, 0, 1); !d.After(b); d = d.AddDate(0, 0, 1) {
			if cal.IsWorkingDay(d) {
				want++
			}
		}
		if got := cal.WorkingDaysBetween(a, b); got != want {
			t.Fatalf("WorkingDaysBetween(%s, %s) = %d, loop says %d", a.Format(time.DateOnly), b.Format(time.DateOnly), got, want)
		}
	}
}

func TestRange(t *testing.T) {
	first, last := New(Builtin()).Range()
	if !first.Equal(day("2015-01-01")) || !last.Equal(day("2027-12-31")) {
		t.Errorf("Range() = %v, %v", first, last)
	}
	if f, l := BuiltinRange(); !f.Equal(first) || !l.Equal(last) {
		t.Errorf("BuiltinRange() = %v, %v", f, l)
	}
	cal := New(Builtin())
	for _, tc := range []struct {
		d    string
		want bool
	}{{"2014-12-31", false}, {"2015-01-01", true}, {"2027-12-31", true}, {"2028-01-01", false}} {
		if got := cal.Covers(day(tc.d)); got != tc.want {
			t.Errorf("Covers(%s) = %v", tc.d, got)
		}
	}
	empty := New(nil)
	if f, l := empty.Range(); !f.IsZero() || !l.IsZero() || empty.Covers(day("2025-01-01")) {
		t.Errorf("empty calendar: Range() = %v, %v", f, l)
	}
	if empty.WorkingDaysBetween(day("2025-01-03"), day("2025-01-06")) != 1 || !empty.IsWorkingDay(day("2025-01-01")) {
		t.Error("an empty calendar should count plain weekdays")
	}
}

func TestNewFoldsSameDate(t *testing.T) {
	wita := time.FixedZone("WITA", 8*3600)
	cal := New([]Holiday{
		{Date: time.Date(2025, 3, 5, 22, 0, 0, 0, wita), Kind: Daerah, Name: "Hari Jadi"},
		{Date: day("2025-03-05"), Kind: CutiBersama, Name: "Cuti"},
		{Date: day("2025-03-05"), Kind: Daerah, Name: "Hari Jadi"},
	})
	hs := cal.Holidays()
	if len(hs) != 1 {
		t.Fatalf("got %d entries, want 1: %+v", len(hs), hs)
	}
	want := Holiday{Date: day("2025-03-05"), Kind: CutiBersama, Name: "Hari Jadi; Cuti"}
	if hs[0] != want {
		t.Errorf("got %+v, want %+v", hs[0], want)
	}
}

func TestMerge(t *testing.T) {
	builtin := []Holiday{
		{Date: day("2025-08-17"), Kind: LiburNasional, Name: "Hari Kemerdekaan Republik Indonesia"},
		{Date: day("2025-08-18"), Kind: CutiBersama, Name: "Cuti Bersama Hari Kemerdekaan"},
		{Date: day("2025-12-25"), Kind: LiburNasional, Name: "Hari Raya Natal"},
	}
	user := []Holiday{
		{Date: day("2025-09-10"), Kind: Daerah, Name: "Hari Jadi Kabupaten"},
		{Date: day("2025-08-18"), Kind: LiburNasional, Name: "Libur HUT RI ke-80"},
	}
	keep := append([]Holiday(nil), user...)

	got := Merge(builtin, user, false)
	want := []Holiday{
		builtin[0],
		{Date: day("2025-08-18"), Kind: LiburNasional, Name: "Libur HUT RI ke-80"}, // user wins
		{Date: day("2025-09-10"), Kind: Daerah, Name: "Hari Jadi Kabupaten"},
		builtin[2],
	}
	if !equal(got, want) {
		t.Errorf("Merge add:\n got %+v\nwant %+v", got, want)
	}

	got = Merge(builtin, user, true)
	want = []Holiday{user[1], user[0]}
	if !equal(got, want) {
		t.Errorf("Merge replace:\n got %+v\nwant %+v", got, want)
	}
	if !equal(user, keep) {
		t.Error("Merge modified its input")
	}

	// Replace with the user list: the built-in days become working days.
	cal := New(Merge(Builtin(), user, true))
	if !cal.IsWorkingDay(day("2025-04-02")) || cal.IsWorkingDay(day("2025-09-10")) {
		t.Error("replace: calendar does not follow the user list")
	}
	cal = New(Merge(Builtin(), user, false))
	if cal.IsWorkingDay(day("2025-04-02")) || cal.IsWorkingDay(day("2025-09-10")) {
		t.Error("add: calendar lost a built-in or a user day")
	}
	if got := cal.WorkingDaysBetween(day("2024-12-31"), day("2025-12-31")); got != 236 {
		t.Errorf("2025 with a regional day: %d working days, want 236", got)
	}
}

func equal(a, b []Holiday) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if !a[i].Date.Equal(b[i].Date) || a[i].Kind != b[i].Kind || a[i].Name != b[i].Name {
			return false
		}
	}
	return true
}
