package gen

import (
	"bytes"
	"encoding/csv"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

// truthRec is one row of the truth CSV, times parsed (zero = never).
type truthRec struct {
	id                                          string
	sub, ver, disp, w1f, w1t, w2f, w2t          time.Time
	resp, answered, closed, arch                time.Time
	agency, agencyID, closedBy, archBy, archWhy string
	rating, note                                string
}

func readTruth(t *testing.T, path string) []truthRec {
	t.Helper()
	recs, err := csv.NewReader(bytes.NewReader(mustRead(t, path))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(recs[0], TruthHeader) {
		t.Fatalf("truth header %q", recs[0])
	}
	at := func(s string) time.Time {
		if s == "" {
			return time.Time{}
		}
		v, err := time.Parse(time.RFC3339, s)
		if err != nil {
			t.Fatalf("truth time %q: %v", s, err)
		}
		return v
	}
	var out []truthRec
	for _, r := range recs[1:] {
		out = append(out, truthRec{id: r[0], sub: at(r[1]), ver: at(r[2]), disp: at(r[3]), agency: r[4], agencyID: r[5],
			w1f: at(r[7]), w1t: at(r[8]), w2f: at(r[9]), w2t: at(r[10]), resp: at(r[11]), answered: at(r[12]),
			closed: at(r[13]), closedBy: r[14], arch: at(r[15]), archBy: r[16], archWhy: r[17], rating: r[18], note: r[19]})
	}
	return out
}

func by(t time.Time, s time.Time) bool { return !t.IsZero() && !t.After(s) }

// wantStatus is the LAPOR! v3 status the truth gives at s, written independently of the
// generator's own statusAt.
func (tr *truthRec) wantStatus(s time.Time) string {
	waiting := func(from, to time.Time) bool { return by(from, s) && (to.IsZero() || s.Before(to)) }
	switch {
	case by(tr.arch, s):
		if tr.archWhy == "blocked" {
			return "Konten Terblokir"
		}
		return "Diarsipkan oleh " + map[string]string{"admin": "Admin", "sistem": "Sistem", "pelapor": "Pelapor"}[tr.archBy]
	case by(tr.closed, s):
		return "Ditutup oleh " + map[string]string{"admin": "Admin", "sistem": "Sistem", "pelapor": "Pelapor"}[tr.closedBy]
	case by(tr.answered, s):
		return "Ditanggapi oleh Pelapor"
	case waiting(tr.w1f, tr.w1t), waiting(tr.w2f, tr.w2t):
		return "Menunggu Kelengkapan Informasi"
	case by(tr.ver, s):
		return "Terverifikasi"
	}
	return "Belum Terverifikasi"
}

var spaces = regexp.MustCompile(`\s+`)

func fold(s string) string {
	return spaces.ReplaceAllString(strings.ToLower(strings.TrimSpace(s)), " ")
}

// sheet is a snapshot read back with excelize.
type sheet struct {
	pre    map[string]string // preamble label -> column C
	header []string
	rows   []map[string]string
	types  map[string]excelize.CellType // of the first data row, by header
}

func readSheet(t *testing.T, path string) sheet {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	defer f.Close()
	name := f.GetSheetName(0)
	rows, err := f.Rows(name)
	if err != nil {
		t.Fatal(err)
	}
	sh := sheet{pre: map[string]string{}, types: map[string]excelize.CellType{}}
	n := 0
	for rows.Next() {
		n++
		cells, err := rows.Columns()
		if err != nil {
			t.Fatal(err)
		}
		if sh.header == nil {
			if len(cells) > 0 && fold(cells[0]) == "tracking id" {
				sh.header = cells
				continue
			}
			if n > 30 {
				t.Fatalf("%s: no header in the first 30 rows", path)
			}
			if len(cells) > 0 && cells[0] != "" {
				v := ""
				if len(cells) > 2 {
					v = cells[2]
				}
				sh.pre[cells[0]] = v
			}
			continue
		}
		m := map[string]string{}
		for i, h := range sh.header {
			if i < len(cells) {
				m[h] = cells[i]
			}
		}
		if len(sh.rows) == 0 {
			for i, h := range sh.header {
				cell, _ := excelize.CoordinatesToCellName(i+1, n)
				ct, err := f.GetCellType(name, cell)
				if err != nil {
					t.Fatal(err)
				}
				sh.types[h] = ct
			}
		}
		sh.rows = append(sh.rows, m)
	}
	if err := rows.Close(); err != nil {
		t.Fatal(err)
	}
	return sh
}

var monthNumber = func() map[string]int {
	m := map[string]int{}
	for i := range 12 {
		for _, tab := range [][12]string{monthsEnAbbr, monthsIdAbbr, monthsIdFull, monthsEnFull} {
			m[strings.ToLower(tab[i])] = i + 1
		}
	}
	return m
}()

// parseSubmitted reads Tanggal and Waktu Laporan Masuk back (WIB).
func parseSubmitted(t *testing.T, date, clock string) time.Time {
	t.Helper()
	f := strings.Fields(date)
	if len(f) != 3 {
		t.Fatalf("Tanggal Laporan Masuk %q", date)
	}
	d, err1 := strconv.Atoi(f[0])
	y, err2 := strconv.Atoi(f[2])
	m := monthNumber[strings.ToLower(f[1])]
	if err1 != nil || err2 != nil || m == 0 {
		t.Fatalf("Tanggal Laporan Masuk %q", date)
	}
	c, err := time.Parse("15:04:05", clock)
	if err != nil {
		t.Fatalf("Waktu Laporan Masuk %q", clock)
	}
	return time.Date(y, time.Month(m), d, c.Hour(), c.Minute(), c.Second(), 0, WIB)
}

func writeSeries(t *testing.T, dir string, o RingkasOptions) []Snapshot {
	t.Helper()
	snaps, err := WriteRingkasSeries(dir, o)
	if err != nil {
		t.Fatal(err)
	}
	if len(snaps) != max(o.Snapshots, 1) {
		t.Fatalf("%d snapshots, want %d", len(snaps), o.Snapshots)
	}
	return snaps
}

var knownRStatus = []string{RStatusUnverified, RStatusVerified, RStatusWaiting, RStatusAnswered, RStatusClosedSys,
	RStatusClosedAdmin, RStatusClosedRep, RStatusArchAdmin, RStatusArchSys, RStatusArchRep, RStatusBlocked}

// TestRingkasSnapshotsMatchTruth: every row of every snapshot shows the true state at the
// snapshot's instant; each file holds exactly the complaints submitted by then.
func TestRingkasSnapshotsMatchTruth(t *testing.T) {
	dir := t.TempDir()
	o := RingkasOptions{Rows: 1200, Seed: 7, Snapshots: 8, Every: 7 * 24 * time.Hour, Months: 6, UnknownStatus: true}
	snaps := writeSeries(t, dir, o)
	truth := readTruth(t, filepath.Join(dir, ".truth.csv"))
	if len(truth) != o.Rows {
		t.Fatalf("truth has %d rows, want %d", len(truth), o.Rows)
	}
	byID := map[string]*truthRec{}
	for i := range truth {
		byID[truth[i].id] = &truth[i]
	}
	odd, unknownSeen := 0, 0
	for k, sn := range snaps {
		sh := readSheet(t, sn.Path)
		if got := len(sh.header); got != sn.Variant {
			t.Errorf("%s: %d columns, want variant %d", sn.Path, got, sn.Variant)
		}
		want := 0
		for i := range truth {
			if by(truth[i].sub, sn.At) {
				want++
			}
		}
		if len(sh.rows) != want || sn.Rows != want {
			t.Errorf("%s: %d rows (reported %d), want the %d complaints submitted by %s", sn.Path, len(sh.rows), sn.Rows, want, sn.At)
		}
		if sn.DateStyle == DateExcel && sh.types["Tanggal Laporan Masuk"] == excelize.CellTypeInlineString {
			t.Errorf("%s: date style %s but Tanggal Laporan Masuk is text", sn.Path, sn.DateStyle)
		}
		for _, r := range sh.rows {
			tr := byID[r["Tracking ID"]]
			if tr == nil {
				t.Fatalf("%s: tracking id %q not in the truth", sn.Path, r["Tracking ID"])
			}
			if got := parseSubmitted(t, r["Tanggal Laporan Masuk"], r["Waktu Laporan Masuk"]); !got.Equal(tr.sub) {
				t.Errorf("%s %s: submitted %s, truth %s", sn.Path, tr.id, got, tr.sub)
			}
			st := r["Status Laporan"]
			if st == RStatusUnknown {
				unknownSeen++
				if tr.note == "" || k != len(snaps)-1 || sn.Unknown != tr.id {
					t.Errorf("%s %s: unexpected unknown status", sn.Path, tr.id)
				}
				continue
			}
			if want := tr.wantStatus(sn.At); fold(st) != fold(want) {
				t.Errorf("%s %s: status %q at %s, truth %q", sn.Path, tr.id, st, sn.At, want)
			}
			if !slices.Contains(knownRStatus, st) {
				odd++
			}
			disposed := by(tr.disp, sn.At)
			if got := r["Instansi Terdisposisi"]; (got != "") != disposed || (disposed && got != tr.agency) {
				t.Errorf("%s %s: Instansi Terdisposisi %q, truth disposed %v to %q", sn.Path, tr.id, got, disposed, tr.agency)
			}
			if got, ok := r["ID Instansi Terdisposisi"]; ok && sn.Variant > 17 && (got != "") != disposed {
				t.Errorf("%s %s: ID Instansi Terdisposisi %q, disposed %v", sn.Path, tr.id, got, disposed)
			}
			expired := by(tr.arch, sn.At) && tr.archWhy == "expired"
			if got := r["Alasan Tunda/Arsip"]; strings.Contains(got, "kadaluarsa") != expired {
				t.Errorf("%s %s: Alasan %q, archived as expired %v", sn.Path, tr.id, got, expired)
			}
		}
	}
	if unknownSeen != 1 {
		t.Errorf("unknown status seen %d times, want once", unknownSeen)
	}
	if odd == 0 {
		t.Error("no status in an unusual spelling")
	}
}

// TestRingkasTruthRules: the truth obeys LAPOR!'s rules.
func TestRingkasTruthRules(t *testing.T) {
	dir := t.TempDir()
	writeSeries(t, dir, RingkasOptions{Rows: 3000, Seed: 3, Snapshots: 2})
	before := func(a, b time.Time) bool { return a.IsZero() || b.IsZero() || !b.Before(a) }
	sys := 0
	for _, tr := range readTruth(t, filepath.Join(dir, ".truth.csv")) {
		if tr.closedBy == "sistem" {
			sys++
			if tr.resp.IsZero() {
				t.Fatalf("%s: closed by the system without a follow-up", tr.id)
			}
			if got := wd(tr.resp, tr.closed); got != AutoCloseWorkingDays {
				t.Errorf("%s: closed by the system %d working days after the follow-up, want %d", tr.id, got, AutoCloseWorkingDays)
			}
			if !tr.answered.IsZero() {
				t.Errorf("%s: answered by the reporter and closed by the system", tr.id)
			}
		}
		if tr.disp.IsZero() && (tr.agency != "" || tr.agencyID != "" || !tr.resp.IsZero()) {
			t.Errorf("%s: never disposed but agency %q, follow-up %s", tr.id, tr.agency, tr.resp)
		}
		if !tr.disp.IsZero() && tr.agency == "" {
			t.Errorf("%s: disposed without an agency", tr.id)
		}
		if tr.archWhy == "expired" && !tr.resp.IsZero() {
			t.Errorf("%s: archived as expired after a follow-up", tr.id)
		}
		if !tr.closed.IsZero() && !tr.arch.IsZero() {
			t.Errorf("%s: both closed and archived", tr.id)
		}
		if (tr.closed.IsZero()) != (tr.closedBy == "") || (tr.arch.IsZero()) != (tr.archBy == "") {
			t.Errorf("%s: closed/archived instants and by whom disagree", tr.id)
		}
		if !tr.answered.IsZero() && (tr.resp.IsZero() || !tr.answered.After(tr.resp)) {
			t.Errorf("%s: reporter answered %s without a follow-up before (%s)", tr.id, tr.answered, tr.resp)
		}
		for _, p := range [][2]time.Time{{tr.sub, tr.ver}, {tr.ver, tr.disp}, {tr.disp, tr.resp}, {tr.resp, tr.closed},
			{tr.sub, tr.w1f}, {tr.w1f, tr.w1t}, {tr.w1t, tr.ver}, {tr.disp, tr.w2f}, {tr.w2f, tr.w2t}, {tr.w2t, tr.resp},
			{tr.sub, tr.arch}, {tr.sub, tr.closed}} {
			if !before(p[0], p[1]) {
				t.Errorf("%s: events out of order: %s then %s", tr.id, p[0], p[1])
			}
		}
		if !tr.resp.IsZero() && tr.resp.Sub(tr.disp) < 0 {
			t.Errorf("%s: follow-up before disposition", tr.id)
		}
	}
	if sys == 0 {
		t.Fatal("no complaint closed by the system")
	}
}

// TestRingkasShares: the final statuses of settled complaints are shared roughly as in the real
// regency file of input-formats.md.
func TestRingkasShares(t *testing.T) {
	dir := t.TempDir()
	snaps := writeSeries(t, dir, RingkasOptions{Rows: 6000, Seed: 11, Snapshots: 1, Months: 24})
	last := snaps[0].At
	counts := map[string]int{}
	n, rahasia, undisposed := 0, 0, 0
	sh := readSheet(t, snaps[0].Path)
	truth := map[string]truthRec{}
	for _, tr := range readTruth(t, filepath.Join(dir, ".truth.csv")) {
		truth[tr.id] = tr
	}
	for _, r := range sh.rows {
		tr := truth[r["Tracking ID"]]
		if last.Sub(tr.sub) < 120*24*time.Hour {
			continue
		}
		n++
		st := fold(r["Status Laporan"])
		switch {
		case strings.HasPrefix(st, "diarsipkan"), st == "konten terblokir":
			st = "archived"
		}
		counts[st]++
		if strings.Contains(r["Tipe Laporan (Anonim/Rahasia)"], "Rahasia") {
			rahasia++
		}
		if r["Instansi Terdisposisi"] == "" {
			undisposed++
		}
	}
	share := func(k string) float64 { return float64(counts[k]) / float64(n) }
	t.Logf("n=%d shares: %v", n, counts)
	for _, c := range []struct {
		key    string
		lo, hi float64
	}{
		{"ditutup oleh sistem", 0.62, 0.78},
		{"ditutup oleh admin", 0.08, 0.16},
		{"ditutup oleh pelapor", 0.03, 0.08},
		{"archived", 0.06, 0.13},
		{"menunggu kelengkapan informasi", 0.02, 0.06},
	} {
		if s := share(c.key); s < c.lo || s > c.hi {
			t.Errorf("share of %s = %.3f, want %.2f-%.2f", c.key, s, c.lo, c.hi)
		}
	}
	if s := float64(rahasia) / float64(n); s < 0.38 || s > 0.54 {
		t.Errorf("share Rahasia = %.3f, want nearly half", s)
	}
	if s := float64(undisposed) / float64(n); s < 0.08 || s > 0.15 {
		t.Errorf("share never disposed = %.3f, want about 11%%", s)
	}
}

// TestRingkasShape: the variants, their headers and the preamble as asked.
func TestRingkasShape(t *testing.T) {
	// The union of the variants is the spec's table of layout R headers.
	if spec, err := os.ReadFile(filepath.Join("..", "..", "shared", "spec", "input-formats.md")); err == nil {
		text := string(spec)
		start := strings.Index(text, "## Layout R")
		end := strings.Index(text[start+1:], "\n## ") + start + 1
		var fromSpec []string
		for _, line := range strings.Split(text[start:end], "\n") {
			cells := strings.Split(line, "|")
			if len(cells) < 4 || !strings.Contains(line, "| ") {
				continue
			}
			h := strings.TrimSpace(cells[1])
			if h == "header" || h == "label" || strings.HasPrefix(h, "---") || strings.HasPrefix(h, "status") {
				continue
			}
			if strings.HasPrefix(h, "Tipe Laporan") {
				fromSpec = append(fromSpec, "Tipe Laporan (Anonim/Rahasia)")
				continue
			}
			for _, part := range strings.Split(h, ", ") {
				fromSpec = append(fromSpec, part)
			}
		}
		// Only the table of headers: drop the preamble labels and the status names.
		var headers []string
		for _, h := range fromSpec {
			// "Judul Laporan" is both a preamble label and a column: count each header once.
			if slices.Contains(ringkasHeader[:], h) && !slices.Contains(headers, h) {
				headers = append(headers, h)
			}
		}
		if len(headers) != numRC {
			t.Errorf("spec's layout R headers found in ours: %d of %d (%q)", len(headers), numRC, fromSpec)
		}
	}
	for _, v := range RingkasVariants() {
		h := RingkasHeader(v)
		if len(h) != v || h[0] != "Tracking ID" {
			t.Errorf("variant %d: header %q", v, h)
		}
		if (v == 26) != slices.Contains(h, "Nama Pelapor") || (v >= 20) != slices.Contains(h, "ID Instansi Terdisposisi") ||
			(v == 26) != slices.Contains(h, "Rating") {
			t.Errorf("variant %d: newer columns misplaced: %q", v, h)
		}
	}
	if !slices.Equal(RingkasHeader(26), ringkasHeader[:]) || RingkasHeader(18) != nil {
		t.Error("RingkasHeader(26) is not the full list, or 18 exists")
	}

	dir := t.TempDir()
	o := RingkasOptions{Rows: 300, Seed: 5, Snapshots: 6, Every: 24 * time.Hour, Regency: "Kota Banjarbaru",
		Start: time.Date(2025, 11, 10, 0, 0, 0, 0, WIB), Months: 3}
	snaps := writeSeries(t, dir, o)
	variants := map[int]bool{}
	for k, sn := range snaps {
		variants[sn.Variant] = true
		sh := readSheet(t, sn.Path)
		if !slices.Equal(sh.header, RingkasHeader(sn.Variant)) {
			t.Errorf("%s: header %q, want variant %d", sn.Path, sh.header, sn.Variant)
		}
		wantDay := time.Date(2025, 11, 10+k, 0, 0, 0, 0, WIB)
		if d := sn.At.In(WIB); d.Year() != wantDay.Year() || d.YearDay() != wantDay.YearDay() {
			t.Errorf("snapshot %d at %s, want on %s (daily)", k, sn.At, wantDay.Format("2006-01-02"))
		}
		if !strings.Contains(filepath.Base(sn.Path), wantDay.Format("2006-01-02")) {
			t.Errorf("file name %s", sn.Path)
		}
		if fi, err := os.Stat(sn.Path); err != nil || !fi.ModTime().Equal(sn.At) {
			t.Errorf("%s: modification time is not the snapshot instant", sn.Path)
		}
		if sn.Preamble != (k != 3) {
			t.Errorf("snapshot %d: preamble %v", k, sn.Preamble)
		}
		if !sn.Preamble {
			if len(sh.pre) != 0 || sn.HeaderRow != 1 {
				t.Errorf("%s: preamble %v without one planned", sn.Path, sh.pre)
			}
			continue
		}
		gen := sh.pre["Tanggal Generate"]
		if sn.HeaderRow != 11 || sh.pre["Judul Laporan"] != "Laporan Ringkas" || sh.pre["Nama Instansi"] != "Pemerintah Kota Banjarbaru" ||
			!strings.HasPrefix(gen, wantDay.Format("2006-01-02")) || sh.pre["Pengelola"] != "" {
			t.Errorf("%s: preamble %q", sn.Path, sh.pre)
		}
		if want := "(2025-08-10) - (" + wantDay.Format("2006-01-02") + ")"; sh.pre["Periode Masuk"] != want {
			t.Errorf("%s: Periode Masuk %q, want %q", sn.Path, sh.pre["Periode Masuk"], want)
		}
	}
	if len(variants) != 3 {
		t.Errorf("variants used %v, want all three", variants)
	}
	// The oldest variant first: LAPOR! changed its export mid-series.
	if snaps[0].Variant != 17 || snaps[len(snaps)-1].Variant != 26 {
		t.Errorf("variants %d ... %d", snaps[0].Variant, snaps[len(snaps)-1].Variant)
	}
	// A forced variant.
	one := writeSeries(t, t.TempDir(), RingkasOptions{Rows: 50, Seed: 5, Snapshots: 3, Variant: 20})
	for _, sn := range one {
		if sn.Variant != 20 {
			t.Errorf("forced variant 20, got %d", sn.Variant)
		}
	}
	if _, err := WriteRingkasSeries(t.TempDir(), RingkasOptions{Rows: 5, Variant: 19}); err == nil {
		t.Error("variant 19 accepted")
	}
}

// TestRingkasText: bodies carry labelled personal data as real ones do, and the flags column
// uses LAPOR!'s values.
func TestRingkasText(t *testing.T) {
	dir := t.TempDir()
	snaps := writeSeries(t, dir, RingkasOptions{Rows: 800, Seed: 2, Snapshots: 1})
	sh := readSheet(t, snaps[0].Path)
	glued := regexp.MustCompile(`[^\s]Nama : `)
	addr := regexp.MustCompile(`Alamat : (Kp |Ds\. )?[A-Z][^\n]* Rt \d\d/Rw \d\d Kec [A-Z]`)
	nik := regexp.MustCompile(`NIK : 6308\d{12}`)
	var nGlued, nAddr, nNIK int
	tipes := map[string]int{}
	for _, r := range sh.rows {
		body := r["Isi Laporan Awal"]
		if glued.MatchString(body) {
			nGlued++
		}
		if addr.MatchString(body) {
			nAddr++
		}
		if nik.MatchString(body) {
			nNIK++
		}
		tipes[r["Tipe Laporan (Anonim/Rahasia)"]]++
	}
	if nGlued < 50 || nAddr < 100 || nNIK < 50 {
		t.Errorf("labelled personal data: glued Nama %d, Alamat %d, NIK %d", nGlued, nAddr, nNIK)
	}
	for k := range tipes {
		if !slices.Contains([]string{"", "Anonim", "Rahasia", "Anonim|Rahasia"}, k) {
			t.Errorf("Tipe Laporan %q", k)
		}
	}
	if len(tipes) != 4 {
		t.Errorf("Tipe Laporan values %v, want all four", tipes)
	}
}

// TestRingkasDeterministic: the same seed gives the same bytes; another seed other ones.
func TestRingkasDeterministic(t *testing.T) {
	o := RingkasOptions{Rows: 400, Seed: 9, Snapshots: 3, Every: 24 * time.Hour}
	a, b := t.TempDir(), t.TempDir()
	sa, sb := writeSeries(t, a, o), writeSeries(t, b, o)
	for k := range sa {
		if !bytes.Equal(mustRead(t, sa[k].Path), mustRead(t, sb[k].Path)) {
			t.Errorf("%s differs between two runs", filepath.Base(sa[k].Path))
		}
	}
	for _, f := range []string{".truth.csv", ".truth-snapshots.csv"} {
		if !bytes.Equal(mustRead(t, filepath.Join(a, f)), mustRead(t, filepath.Join(b, f))) {
			t.Errorf("%s differs between two runs", f)
		}
	}
	o.Seed = 10
	c := t.TempDir()
	writeSeries(t, c, o)
	if bytes.Equal(mustRead(t, filepath.Join(a, ".truth.csv")), mustRead(t, filepath.Join(c, ".truth.csv"))) {
		t.Error("seeds 9 and 10 give the same truth")
	}
}

// TestParseEvery-like checks of the truth path option and snapshot list.
func TestRingkasTruthPath(t *testing.T) {
	dir := t.TempDir()
	truth := filepath.Join(t.TempDir(), "sub", "truth.csv")
	snaps := writeSeries(t, dir, RingkasOptions{Rows: 30, Seed: 1, Snapshots: 2, Truth: truth})
	if _, err := os.Stat(filepath.Join(dir, ".truth.csv")); err == nil {
		t.Error("truth written to the snapshot directory too")
	}
	if len(readTruth(t, truth)) != 30 {
		t.Error("truth rows")
	}
	recs, err := csv.NewReader(bytes.NewReader(mustRead(t, SnapshotListPath(truth)))).ReadAll()
	if err != nil || len(recs) != 3 || !slices.Equal(recs[0], SnapshotListHeader) || recs[1][0] != filepath.Base(snaps[0].Path) {
		t.Errorf("snapshot list %q, %v", recs, err)
	}
}
