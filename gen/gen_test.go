package gen

import (
	"github.com/hsu-lapor/rapor/transform/calendar"

	"bytes"
	"encoding/csv"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

// specHeader is layout A of docs/input-formats.md, in table order.
var specHeader = []string{
	"No. Tracking", "Tanggal Laporan", "Judul", "Isi Laporan", "Kategori", "Instansi Tujuan", "Status",
	"Klasifikasi", "Sumber", "Lokasi", "Tanggal Verifikasi", "Tanggal Disposisi",
	"Tanggal Tindak Lanjut Pertama", "Tanggal Selesai", "Tanggal Aktivitas Terakhir", "Anonim", "Rahasia",
	"Rating", "Nama Pelapor", "No. HP Pelapor",
}

func TestHeaderMatchesSpec(t *testing.T) {
	if !slices.Equal(Header(), specHeader) {
		t.Fatalf("Header() = %q, want %q", Header(), specHeader)
	}
	// Where the shared spec is at hand, read layout A's table from it too.
	spec, err := os.ReadFile(filepath.Join("..", "..", "shared", "spec", "input-formats.md"))
	if err != nil {
		t.Skip("spec not found next to the worktree:", err)
	}
	text := string(spec)
	start := strings.Index(text, "## Layout A")
	end := strings.Index(text[start+1:], "\n## ") + start + 1
	var fromSpec []string
	for _, line := range strings.Split(text[start:end], "\n") {
		cells := strings.Split(line, "|")
		if len(cells) < 3 || strings.HasPrefix(strings.TrimSpace(cells[1]), "---") || strings.TrimSpace(cells[1]) == "header" {
			continue
		}
		fromSpec = append(fromSpec, strings.TrimSpace(cells[1]))
	}
	if !slices.Equal(Header(), fromSpec) {
		t.Fatalf("Header() = %q, spec's layout A = %q", Header(), fromSpec)
	}
}

func writeCSVBytes(t *testing.T, o Options) []byte {
	t.Helper()
	path := filepath.Join(t.TempDir(), "x.csv")
	n, err := Write(path, "csv", o)
	if err != nil {
		t.Fatal(err)
	}
	if n != o.Rows {
		t.Fatalf("Write returned %d rows, want %d", n, o.Rows)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func mustRead(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func readCSV(t *testing.T, b []byte) [][]string {
	t.Helper()
	recs, err := csv.NewReader(bytes.NewReader(b)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	return recs
}

func TestDeterminism(t *testing.T) {
	// 6,000 rows: large enough for the parallel path of Stream.
	a := writeCSVBytes(t, Options{Rows: 6000, Seed: 7})
	b := writeCSVBytes(t, Options{Rows: 6000, Seed: 7})
	if !bytes.Equal(a, b) {
		t.Fatal("same seed gave different bytes")
	}
	c := writeCSVBytes(t, Options{Rows: 6000, Seed: 8})
	if bytes.Equal(a, c) {
		t.Fatal("different seeds gave the same bytes")
	}
	x1, x2 := filepath.Join(t.TempDir(), "1.xlsx"), filepath.Join(t.TempDir(), "2.xlsx")
	for _, p := range []string{x1, x2} {
		if _, err := Write(p, "xlsx", Options{Rows: 300, Seed: 7, ExcelDates: true}); err != nil {
			t.Fatal(err)
		}
	}
	if b1, b2 := mustRead(t, x1), mustRead(t, x2); !bytes.Equal(b1, b2) {
		t.Fatal("same seed gave different XLSX bytes")
	}
	if bytes.Contains(a, []byte("\r")) {
		t.Fatal("CSV has CR characters; want LF line ends")
	}
	recs := readCSV(t, a)
	if len(recs) != 6001 {
		t.Fatalf("%d records, want header + 6000", len(recs))
	}
	if !slices.Equal(recs[0], specHeader) {
		t.Fatalf("CSV header %q", recs[0])
	}
	// The fast encoder quotes exactly as encoding/csv does.
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	if err := w.WriteAll(recs); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(buf.Bytes(), a) {
		t.Fatal("CSV differs from encoding/csv's rendering of the same records")
	}
}

func TestRowCounts(t *testing.T) {
	for _, n := range []int{0, 1, 2, 17, 4096, 5000} {
		recs := readCSV(t, writeCSVBytes(t, Options{Rows: n, Seed: 1}))
		if len(recs) != n+1 {
			t.Errorf("Rows %d: %d records", n, len(recs))
		}
	}
}

// TestStreamMatchesPopulation: Write's streamed rows are the cut of the population at AsOf.
func TestStreamMatchesPopulation(t *testing.T) {
	o := Options{Rows: 5000, Seed: 3}.withDefaults()
	from, to := o.window()
	want := Cut(Population(o.Seed, o.Rows, from, to), o.AsOf, 0)
	var got []Row
	if _, err := Stream(o, func(r *Row) error { got = append(got, *r); return nil }); err != nil {
		t.Fatal(err)
	}
	if len(got) != len(want) {
		t.Fatalf("%d streamed rows, %d from Population/Cut", len(got), len(want))
	}
	for i := range got {
		if got[i] != want[i] {
			t.Fatalf("row %d differs:\n%q\n%q", i, got[i], want[i])
		}
	}
}

func parse(t *testing.T, s string) time.Time {
	t.Helper()
	v, err := ParseStamp(s)
	if err != nil {
		t.Fatalf("timestamp %q: %v", s, err)
	}
	return v
}

// checkRow asserts the invariants of a valid export row cut at asOf.
func checkRow(t *testing.T, r Row, asOf time.Time) {
	t.Helper()
	var ts [NumCols]time.Time
	for _, c := range TimeCols {
		ts[c] = parse(t, r[c])
		if !ts[c].IsZero() && ts[c].After(asOf) {
			t.Fatalf("%s: %s %s is after the cut %s", r[ColTracking], header[c], r[c], asOf)
		}
	}
	if r[ColTracking] == "" || ts[ColSubmitted].IsZero() || ts[ColLastActivity].IsZero() {
		t.Fatalf("row without tracking id, submission or last activity: %q", r)
	}
	// submitted <= verified <= disposed <= first response <= closed, each where present.
	prev, prevCol := ts[ColSubmitted], ColSubmitted
	for _, c := range []int{ColVerified, ColDisposed, ColFirstResponse, ColClosed} {
		if ts[c].IsZero() {
			continue
		}
		if ts[c].Before(prev) {
			t.Fatalf("%s: %s %s before %s %s", r[ColTracking], header[c], r[c], header[prevCol], r[prevCol])
		}
		prev, prevCol = ts[c], c
	}
	for _, c := range TimeCols {
		if ts[c].After(ts[ColLastActivity]) {
			t.Fatalf("%s: %s %s after last activity %s", r[ColTracking], header[c], r[c], r[ColLastActivity])
		}
	}
	has := func(c int) bool { return !ts[c].IsZero() }
	st := StateOf(r[ColStatus])
	ok := true
	switch st {
	case Unverified:
		ok = !has(ColVerified) && !has(ColDisposed) && r[ColAgency] == ""
	case Verified:
		ok = has(ColVerified) && !has(ColDisposed) && r[ColAgency] == ""
	case Disposed:
		ok = has(ColDisposed) && !has(ColFirstResponse) && r[ColAgency] != ""
	case InProgress, Postponed:
		ok = has(ColFirstResponse) && !has(ColClosed) && r[ColAgency] != ""
	case Closed:
		ok = has(ColFirstResponse) && has(ColClosed) && r[ColAgency] != ""
	case Archived, NotAuthority:
		ok = !has(ColFirstResponse) && !has(ColClosed)
	default:
		ok = false
	}
	if !ok {
		t.Fatalf("%s: status %q contradicts its timestamps %q", r[ColTracking], r[ColStatus], r)
	}
	if has(ColDisposed) != (r[ColAgency] != "") {
		t.Fatalf("%s: agency %q with disposition %q", r[ColTracking], r[ColAgency], r[ColDisposed])
	}
	if r[ColRating] != "" && st != Closed {
		t.Fatalf("%s: rating on a complaint that is %s", r[ColTracking], st)
	}
	if n := len(r[ColBody]); n < minBody || n > maxBody {
		t.Fatalf("%s: body of %d bytes", r[ColTracking], n)
	}
}

func TestRowsConsistent(t *testing.T) {
	o := Options{Rows: 8000, Seed: 11}.withDefaults()
	recs := readCSV(t, writeCSVBytes(t, o))[1:]
	ids := map[string]bool{}
	states := map[State]int{}
	var prevSub time.Time
	for _, rec := range recs {
		var r Row
		copy(r[:], rec)
		checkRow(t, r, o.AsOf)
		if ids[r[ColTracking]] {
			t.Fatalf("tracking id %s twice", r[ColTracking])
		}
		ids[r[ColTracking]] = true
		sub := parse(t, r[ColSubmitted])
		if sub.Before(prevSub) {
			t.Fatalf("rows not in submission order at %s", r[ColTracking])
		}
		prevSub = sub
		states[StateOf(r[ColStatus])]++
	}
	// Every state occurs in a realistic share.
	for st, lo := range map[State]float64{Unverified: 0.005, Verified: 0.005, Disposed: 0.04, InProgress: 0.04,
		Closed: 0.45, Postponed: 0.005, Archived: 0.01, NotAuthority: 0.01} {
		if share := float64(states[st]) / float64(len(recs)); share < lo {
			t.Errorf("state %s: share %.3f below %.3f (%v)", st, share, lo, states)
		}
	}
}

func TestComplaintTimelines(t *testing.T) {
	from := time.Date(2024, 11, 1, 0, 0, 0, 0, WITA)
	to := DefaultAsOf
	pop := Population(5, 3000, from, to)
	if len(pop) != 3000 {
		t.Fatalf("%d complaints", len(pop))
	}
	far := time.Date(2030, 1, 1, 0, 0, 0, 0, WITA)
	for i := range pop {
		c := &pop[i]
		if c.Submitted.Before(from) || c.Submitted.After(to) {
			t.Fatalf("%s submitted %s outside the window", c.Tracking, c.Submitted)
		}
		seq := []time.Time{c.Submitted, c.Verified, c.Disposed, c.FirstResponse, c.Closed}
		prev := c.Submitted
		for _, v := range seq[1:] {
			if v.IsZero() {
				continue
			}
			if v.Before(prev) {
				t.Fatalf("%s: timeline out of order %v", c.Tracking, seq)
			}
			prev = v
		}
		// Lifecycle gaps: an event never follows a missing predecessor.
		for k := 2; k < len(seq); k++ {
			if !seq[k].IsZero() && seq[k-1].IsZero() {
				t.Fatalf("%s: event %d without event %d", c.Tracking, k, k-1)
			}
		}
		if !c.Closed.IsZero() && !c.Archived.IsZero() {
			t.Fatalf("%s both closed and archived", c.Tracking)
		}
		if last := c.LastActivity(far); last.Before(prev) {
			t.Fatalf("%s: last activity %s before %s", c.Tracking, last, prev)
		}
		r := c.Row(far)
		if got := parse(t, r[ColLastActivity]); !got.Equal(c.LastActivity(far)) {
			t.Fatalf("%s: last activity cell %s, want %s", c.Tracking, got, c.LastActivity(far))
		}
	}
}

// rank orders states along a complaint's life; a later cut never shows an earlier state.
func rank(s State) int {
	switch s {
	case Unverified:
		return 0
	case Verified:
		return 1
	case Disposed:
		return 2
	case InProgress:
		return 3
	case Postponed:
		return 4
	}
	return 5 // closed, archived, not authority: final
}

func TestOverlappingCuts(t *testing.T) {
	o := Options{Rows: 3000, Seed: 21}.withDefaults()
	from, to := o.window()
	pop := Population(o.Seed, o.Rows, from, to)
	ends := MonthEnds(o.AsOf, 4)
	want := []time.Time{
		time.Date(2025, 7, 31, 23, 59, 59, 0, WITA), time.Date(2025, 8, 31, 23, 59, 59, 0, WITA),
		time.Date(2025, 9, 30, 23, 59, 59, 0, WITA), time.Date(2025, 10, 31, 23, 59, 59, 0, WITA),
	}
	for i := range want {
		if !ends[i].Equal(want[i]) {
			t.Fatalf("MonthEnds = %v", ends)
		}
	}
	early := Cut(pop, ends[0], 0)
	late := Cut(pop, ends[3], 92*24*time.Hour)
	byID := map[string]Row{}
	for _, r := range early {
		checkRow(t, r, ends[0])
		byID[r[ColTracking]] = r
	}
	shared, changed := 0, 0
	for _, r := range late {
		checkRow(t, r, ends[3])
		if parse(t, r[ColLastActivity]).Before(ends[3].Add(-92 * 24 * time.Hour)) {
			t.Fatalf("%s outside the window", r[ColTracking])
		}
		e, ok := byID[r[ColTracking]]
		if !ok {
			continue
		}
		shared++
		if e[ColSubmitted] != r[ColSubmitted] {
			t.Fatalf("%s: submission changed between cuts", r[ColTracking])
		}
		if parse(t, r[ColLastActivity]).Before(parse(t, e[ColLastActivity])) {
			t.Fatalf("%s: last activity went back", r[ColTracking])
		}
		if rank(StateOf(r[ColStatus])) < rank(StateOf(e[ColStatus])) {
			t.Fatalf("%s: state went back from %s to %s", r[ColTracking], e[ColStatus], r[ColStatus])
		}
		if e[ColStatus] != r[ColStatus] {
			changed++
		}
	}
	if shared < 100 || changed < 50 {
		t.Fatalf("cuts share %d complaints, %d with a newer status; want overlap with progress", shared, changed)
	}
	if len(Cut(pop, ends[3], 0)) <= len(late) {
		t.Fatal("the window did not narrow the cut")
	}
}

// TestMonthlyCutsMerge: ingesting every monthly export (newest last activity wins) gives the
// full cut at AsOf.
func TestMonthlyCutsMerge(t *testing.T) {
	dir := t.TempDir()
	o := Options{Rows: 2500, Seed: 4}
	paths, err := MonthlyCuts(dir, o, 6, "csv")
	if err != nil {
		t.Fatal(err)
	}
	if len(paths) != 6 || filepath.Base(paths[5]) != "lapor-hsu-2025-10.csv" {
		t.Fatalf("paths %v", paths)
	}
	current := map[string][]string{}
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		for _, rec := range readCSV(t, b)[1:] {
			old, ok := current[rec[ColTracking]]
			if !ok || rec[ColLastActivity] >= old[ColLastActivity] {
				current[rec[ColTracking]] = rec
			}
		}
	}
	o = o.withDefaults()
	from, to := o.window()
	full := Cut(Population(o.Seed, o.Rows, from, to), o.AsOf, 0)
	if len(current) != len(full) {
		t.Fatalf("merged exports hold %d complaints, the full cut %d", len(current), len(full))
	}
	for _, r := range full {
		if !slices.Equal(current[r[ColTracking]], r[:]) {
			t.Fatalf("merged state of %s differs:\n%q\n%q", r[ColTracking], current[r[ColTracking]], r)
		}
	}
}

func readXLSX(t *testing.T, path string) [][]string {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got := f.GetSheetList(); !slices.Equal(got, []string{SheetName}) {
		t.Fatalf("sheets %v", got)
	}
	rows, err := f.GetRows(SheetName)
	if err != nil {
		t.Fatal(err)
	}
	for i := range rows { // GetRows drops trailing blank cells
		for len(rows[i]) < NumCols {
			rows[i] = append(rows[i], "")
		}
	}
	return rows
}

func TestXLSXRoundTrip(t *testing.T) {
	dir := t.TempDir()
	o := Options{Rows: 1500, Seed: 9}
	var want []Row
	if _, err := Stream(o, func(r *Row) error { want = append(want, *r); return nil }); err != nil {
		t.Fatal(err)
	}
	for _, dates := range []bool{false, true} {
		path := filepath.Join(dir, "x.xlsx")
		o.ExcelDates = dates
		if n, err := Write(path, "xlsx", o); err != nil || n != 1500 {
			t.Fatal(n, err)
		}
		rows := readXLSX(t, path)
		if !slices.Equal(rows[0], specHeader) {
			t.Fatalf("header %q", rows[0])
		}
		if len(rows) != len(want)+1 {
			t.Fatalf("%d sheet rows", len(rows))
		}
		for i, r := range rows[1:] {
			if !slices.Equal(r, want[i][:]) {
				t.Fatalf("ExcelDates=%v row %d:\n%q\n%q", dates, i, r, want[i])
			}
		}
		if dates {
			// The timestamps are real date cells: numeric serials with a date format.
			f, err := excelize.OpenFile(path)
			if err != nil {
				t.Fatal(err)
			}
			typ, err := f.GetCellType(SheetName, "B2")
			if err != nil {
				t.Fatal(err)
			}
			raw, _ := f.GetCellValue(SheetName, "B2", excelize.Options{RawCellValue: true})
			f.Close()
			if typ == excelize.CellTypeInlineString || typ == excelize.CellTypeSharedString || !regexp.MustCompile(`^4\d{4}\.\d+$`).MatchString(raw) {
				t.Fatalf("B2 is %v %q, want an Excel date serial", typ, raw)
			}
			serial, err := excelize.ExcelDateToTime(mustFloat(t, raw), false)
			if err != nil {
				t.Fatal(err)
			}
			if got := serial.Format(TimeFormat); got != want[0][ColSubmitted] {
				t.Fatalf("serial %s reads %s, want %s", raw, got, want[0][ColSubmitted])
			}
		}
	}
	// WriteXLSX of a slice: same rows.
	path := filepath.Join(dir, "y.xlsx")
	if err := WriteXLSX(path, want[:50]); err != nil {
		t.Fatal(err)
	}
	if rows := readXLSX(t, path); len(rows) != 51 || !slices.Equal(rows[50], want[49][:]) {
		t.Fatal("WriteXLSX rows differ")
	}
}

func mustFloat(t *testing.T, s string) float64 {
	t.Helper()
	var f float64
	if _, err := fmtSscan(s, &f); err != nil {
		t.Fatal(err)
	}
	return f
}

func TestNoiseAndBadRows(t *testing.T) {
	clean := readCSV(t, writeCSVBytes(t, Options{Rows: 6000, Seed: 2}))[1:]
	o := Options{Rows: 6000, Seed: 2, Noise: true, BadRows: 9}
	noisy := readCSV(t, writeCSVBytes(t, o))[1:]
	bad := BadRowIndexes(6000, 9)
	isBad := map[int]int{}
	for k, i := range bad {
		isBad[i] = k
	}
	if len(isBad) != 9 {
		t.Fatalf("bad rows %v", bad)
	}
	differ := 0
	for i := range noisy {
		if k, ok := isBad[i]; ok {
			switch k % 4 {
			case 0:
				if noisy[i][ColTracking] != "" {
					t.Fatalf("row %d should miss its tracking id", i)
				}
			case 1:
				if noisy[i][ColSubmitted] != "31/02/2025 99:99" {
					t.Fatalf("row %d: Tanggal Laporan %q", i, noisy[i][ColSubmitted])
				}
			case 2:
				if noisy[i][ColSubmitted] != "" {
					t.Fatalf("row %d: Tanggal Laporan %q", i, noisy[i][ColSubmitted])
				}
			default:
				if noisy[i][ColClosed] != "2025-13-45 25:61:00" {
					t.Fatalf("row %d: Tanggal Selesai %q", i, noisy[i][ColClosed])
				}
			}
			continue
		}
		if !slices.Equal(noisy[i], clean[i]) {
			differ++
			// Noise keeps rows valid: tracking id and a readable submission time.
			if strings.TrimSpace(noisy[i][ColTracking]) != clean[i][ColTracking] {
				t.Fatalf("noise changed a tracking id: %q", noisy[i][ColTracking])
			}
			if StateOf(noisy[i][ColStatus]) != StateOf(clean[i][ColStatus]) {
				t.Fatalf("noise changed a state: %q -> %q", clean[i][ColStatus], noisy[i][ColStatus])
			}
			for _, c := range TimeCols {
				v := noisy[i][c]
				if v == "" {
					continue
				}
				if _, err := time.Parse("2006-01-02 15:04", v[:min(16, len(v))]); err != nil {
					if _, err := time.Parse("02/01/2006 15:04", v[:min(16, len(v))]); err != nil {
						t.Fatalf("noisy timestamp %q", v)
					}
				}
			}
		}
	}
	if share := float64(differ) / 6000; share < 0.015 || share > 0.05 {
		t.Fatalf("noise touched %.3f of rows, want about 0.03", share)
	}
}

var (
	reNIK   = regexp.MustCompile(`\b6308\d{12}\b`)
	rePhone = regexp.MustCompile(`(\+62 ?8|\b08)\d{2}[- ]?\d{4}[- ]?\d{3,5}\b`)
	reMail  = regexp.MustCompile(`\b[a-z][a-z.]*\d*@(gmail\.com|yahoo\.co\.id|yahoo\.com|ymail\.com)\b`)
	reTrack = regexp.MustCompile(`^\d{7,8}$`)
)

func TestRealism(t *testing.T) {
	o := Options{Rows: 5000, Seed: 13}.withDefaults()
	var rows []Row
	if _, err := Stream(o, func(r *Row) error { rows = append(rows, *r); return nil }); err != nil {
		t.Fatal(err)
	}
	count := func(f func(r *Row) bool) float64 {
		n := 0
		for i := range rows {
			if f(&rows[i]) {
				n++
			}
		}
		return float64(n) / float64(len(rows))
	}
	kec := Kecamatan()
	canon := map[string]bool{}
	for _, a := range Agencies() {
		canon[strings.ToLower(a)] = true
	}
	fold := regexp.MustCompile(` +`)
	checks := []struct {
		name   string
		share  float64
		lo, hi float64
	}{
		{"NIK in body", count(func(r *Row) bool { return reNIK.MatchString(r[ColBody]) }), 0.05, 0.2},
		{"phone in body", count(func(r *Row) bool { return rePhone.MatchString(r[ColBody]) }), 0.12, 0.35},
		{"e-mail in body", count(func(r *Row) bool { return reMail.MatchString(r[ColBody]) }), 0.03, 0.1},
		{"multi-line body", count(func(r *Row) bool { return strings.Contains(r[ColBody], "\n") }), 0.01, 0.08},
		{"anonymous", count(func(r *Row) bool { return r[ColAnonymous] == "Ya" }), 0.12, 0.18},
		{"confidential", count(func(r *Row) bool { return r[ColConfidential] == "Ya" }), 0.03, 0.07},
		{"rated", count(func(r *Row) bool { return r[ColRating] != "" }), 0.2, 0.5},
		{"Website or Aplikasi Mobile", count(func(r *Row) bool { return r[ColChannel] == "Website" || r[ColChannel] == "Aplikasi Mobile" }), 0.7, 0.9},
		{"Pengaduan", count(func(r *Row) bool { return r[ColReportType] == "Pengaduan" }), 0.7, 0.9},
		{"agency spelling variant", count(func(r *Row) bool {
			return r[ColAgency] != "" && !slices.Contains(Agencies(), r[ColAgency])
		}), 0.005, 0.04},
		{"Amuntai Tengah", count(func(r *Row) bool { return strings.HasSuffix(r[ColArea], "Amuntai Tengah") }), 0.2, 0.35},
		{"submitted on a working day", count(func(r *Row) bool {
			s := parse(t, r[ColSubmitted]).Unix()
			return isWorking(localDay(s))
		}), 0.8, 0.95},
		{"responded on a working day", count(func(r *Row) bool {
			if r[ColFirstResponse] == "" {
				return true
			}
			return isWorking(localDay(parse(t, r[ColFirstResponse]).Unix()))
		}), 0.97, 1},
	}
	for _, c := range checks {
		if c.share < c.lo || c.share > c.hi {
			t.Errorf("%s: share %.3f outside [%.3f, %.3f]", c.name, c.share, c.lo, c.hi)
		}
	}
	reporters := map[string]int{}
	for _, r := range rows {
		if !reTrack.MatchString(r[ColTracking]) {
			t.Fatalf("tracking id %q", r[ColTracking])
		}
		area := r[ColArea]
		if i := strings.LastIndex(area, ", "); i >= 0 {
			area = area[i+2:]
		}
		if !slices.Contains(kec, area) {
			t.Fatalf("Lokasi %q does not end in a kecamatan", r[ColArea])
		}
		if a := r[ColAgency]; a != "" && !canon[strings.ToLower(fold.ReplaceAllString(strings.TrimSpace(a), " "))] {
			t.Fatalf("agency %q is no spelling of a known agency", a)
		}
		if r[ColAnonymous] == "Ya" && (r[ColReporterPhone] != "" || (r[ColReporterName] != "" && r[ColReporterName] != "Anonim")) {
			t.Fatalf("anonymous complaint names its reporter: %q", r)
		}
		if r[ColReporterName] != "" && r[ColReporterName] != "Anonim" && r[ColReporterPhone] != "" {
			reporters[r[ColReporterName]+"|"+r[ColReporterPhone]]++
		}
	}
	repeat := 0
	for _, n := range reporters {
		if n >= 3 {
			repeat++
		}
	}
	if repeat < 20 {
		t.Errorf("%d reporters with 3+ complaints; want repeat complainants", repeat)
	}
}

// TestAgencyDiligence: agencies differ in how fast they answer.
func TestAgencyDiligence(t *testing.T) {
	from := DefaultAsOf.AddDate(-1, 0, 0)
	pop := Population(17, 20000, from, DefaultAsOf)
	type acc struct{ disposed, onTime, never int }
	by := map[string]*acc{}
	for i := range pop {
		c := &pop[i]
		if c.Disposed.IsZero() || c.Disposed.After(DefaultAsOf.AddDate(0, -3, 0)) || !c.Archived.IsZero() {
			continue
		}
		a := by[c.AgencyCanonical]
		if a == nil {
			a = &acc{}
			by[c.AgencyCanonical] = a
		}
		a.disposed++
		if c.FirstResponse.IsZero() || c.FirstResponse.After(DefaultAsOf) {
			a.never++
		} else if wd(c.Disposed, c.FirstResponse) <= 5 {
			a.onTime++
		}
	}
	dukcapil := by["Dinas Kependudukan dan Pencatatan Sipil"]
	kec := by["Kecamatan Amuntai Tengah"]
	if r := float64(dukcapil.onTime) / float64(dukcapil.disposed); r < 0.85 {
		t.Errorf("Dukcapil on-time share %.2f, want a diligent agency", r)
	}
	if r := float64(kec.never) / float64(kec.disposed); r < 0.3 {
		t.Errorf("Kecamatan Amuntai Tengah never-answered share %.2f, want a neglectful one", r)
	}
}

// wd is the spec's wd(a, b) in WITA, from rapor's calendar package.
func wd(a, b time.Time) int {
	return workCal.WorkingDaysBetween(a.In(WITA), b.In(WITA))
}

var workCal = calendar.New(calendar.Builtin())

// TestWorkingDays: the generator's own fast day table (it schedules office-hour activity)
// agrees with rapor's calendar on every day it covers.
func TestWorkingDays(t *testing.T) {
	at := func(s string) time.Time {
		v, err := time.ParseInLocation("2006-01-02 15:04", s, WITA)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	for _, c := range []struct {
		a, b string
		want int
	}{
		{"2025-03-07 10:00", "2025-03-07 15:00", 0}, // same day
		{"2025-03-07 10:00", "2025-03-10 09:00", 1}, // Friday -> Monday
		{"2025-08-15 10:00", "2025-08-19 09:00", 1}, // 17 Aug is Sunday, 18 Aug joint leave
		{"2025-03-27 10:00", "2025-04-08 09:00", 1}, // Nyepi and Idul Fitri 2025: 28 Mar - 7 Apr off
		{"2025-03-10 10:00", "2025-03-03 09:00", 0},
	} {
		if got := wd(at(c.a), at(c.b)); got != c.want {
			t.Errorf("wd(%s, %s) = %d, want %d", c.a, c.b, got, c.want)
		}
	}
	for d := time.Date(2015, 1, 1, 12, 0, 0, 0, WITA); d.Year() < 2028; d = d.AddDate(0, 0, 1) {
		if got, want := isWorking(localDay(d.Unix())), workCal.IsWorkingDay(d); got != want {
			t.Fatalf("%s: generator says working %v, calendar %v", d.Format("2006-01-02"), got, want)
		}
	}
	// Local date in WITA: 23:30 WIB on a Friday is already Saturday 00:30 WITA.
	fri := time.Date(2025, 3, 7, 23, 30, 0, 0, WIB)
	if d := localDay(fri.Unix()); weekday(d) != 6 {
		t.Errorf("weekday of %s in WITA = %d, want Saturday", fri, weekday(d))
	}
	var b []byte
	if got := string(appendStamp(b, fri.Unix())); got != "2025-03-07 23:30:00" {
		t.Errorf("stamp %q", got)
	}
}

func TestWriteErrors(t *testing.T) {
	if _, err := Write(filepath.Join(t.TempDir(), "x"), "json", Options{Rows: 1}); err == nil {
		t.Error("unknown format accepted")
	}
	if _, err := Write(filepath.Join(t.TempDir(), "no", "such", "x.csv"), "csv", Options{Rows: 1}); err == nil {
		t.Error("unwritable path accepted")
	}
	if _, err := Write(filepath.Join(t.TempDir(), "x.xlsx"), "xlsx", Options{Rows: MaxXLSXRows + 1}); err == nil {
		t.Error("an XLSX beyond Excel's row limit accepted")
	}
	var buf bytes.Buffer
	if err := WriteCSV(&buf, nil); err != nil {
		t.Fatal(err)
	}
	if got := buf.String(); got != strings.Join(specHeader, ",")+"\n" {
		t.Fatalf("empty WriteCSV wrote %q", got)
	}
}

func TestMonthlyCutsXLSX(t *testing.T) {
	o := Options{Rows: 400, Seed: 6, ExcelDates: true, Noise: true, BadRows: 2}
	paths, err := MonthlyCuts(t.TempDir(), o, 2, "xlsx")
	if err != nil {
		t.Fatal(err)
	}
	o = o.withDefaults()
	from, to := o.window()
	pop := Population(o.Seed, o.Rows, from, to)
	ends := MonthEnds(o.AsOf, 2)
	for k, p := range paths {
		window := o.Window
		if k == 0 {
			window = 0
		}
		want := len(Cut(pop, ends[k], window))
		if rows := readXLSX(t, p); len(rows) != want+1 {
			t.Fatalf("%s: %d sheet rows, want %d + header", p, len(rows), want)
		}
	}
	if filepath.Base(paths[0]) != "lapor-hsu-2025-09.xlsx" {
		t.Fatalf("paths %v", paths)
	}
}
