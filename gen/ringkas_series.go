package gen

import (
	"bufio"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"sync"
	"time"
)

// RingkasOptions describe a series of Laporan Ringkas snapshots of one simulated history
// (`rapor gen --layout ringkas`).
type RingkasOptions struct {
	Rows int   // complaints in the history (all submitted by the last snapshot)
	Seed int64 // same seed => the same bytes
	// Start is the WIB date of the first snapshot (default 2025-01-06). Snapshot k is taken
	// at Start + k*Every, in the morning (07:00-10:00 WIB) when Every is a day or more.
	Start     time.Time
	Snapshots int           // number of snapshot files (default 1)
	Every     time.Duration // time between snapshots (default 7 days)
	// Months of submissions before the first snapshot (default 12): the history begins then
	// and runs to the last snapshot; Periode Masuk covers it from its first day.
	Months  int
	Regency string // "Hulu Sungai Utara" (default), "Kabupaten X" or "Kota X"
	// Variant forces one column variant (17, 20 or 26) on every file; 0 switches variants
	// through the series as LAPOR! changed its export: the first third 17, the next 20, the
	// rest 26 (one file: 26).
	Variant int
	// UnknownStatus writes one row of the last snapshot with a status no table knows
	// (RStatusUnknown); the truth file's note names it.
	UnknownStatus bool
	// Truth is the truth CSV's path (default DIR/.truth.csv: ingest skips dot-files). The list
	// of snapshots goes beside it (<Truth without .csv>-snapshots.csv).
	Truth string
}

// DefaultRingkasStart is the first snapshot's date when RingkasOptions.Start is zero.
var DefaultRingkasStart = time.Date(2025, 1, 6, 0, 0, 0, 0, WIB)

func (o RingkasOptions) withDefaults() RingkasOptions {
	if o.Start.IsZero() {
		o.Start = DefaultRingkasStart
	}
	if o.Snapshots <= 0 {
		o.Snapshots = 1
	}
	if o.Every <= 0 {
		o.Every = 7 * 24 * time.Hour
	}
	if o.Months <= 0 {
		o.Months = 12
	}
	if o.Regency == "" {
		o.Regency = DefaultRegency
	}
	if o.Rows < 0 {
		o.Rows = 0
	}
	return o
}

// Snapshot describes one file of a series.
type Snapshot struct {
	Path      string
	At        time.Time // the true instant of the snapshot
	Generated string    // Tanggal Generate as written ("" when the file has no preamble)
	Variant   int       // 17, 20 or 26 columns
	Preamble  bool
	HeaderRow int    // 1-based row of the header (11 with the preamble, else 1)
	DateStyle string // Date* constant
	Rows      int    // data rows
	Unknown   string // tracking id of the row with RStatusUnknown, if any
}

// snapshotInstants are the true instants of the snapshots of o (after defaults).
func (o RingkasOptions) snapshotInstants() []int64 {
	y, m, d := o.Start.Date()
	base := time.Date(y, m, d, 0, 0, 0, 0, WIB).Unix()
	out := make([]int64, o.Snapshots)
	every := int64(o.Every / time.Second)
	for k := range out {
		h := splitmix(uint64(o.Seed) ^ 0x736e6170 ^ splitmix(uint64(k)))
		var off int64
		if every >= day {
			off = 7*3600 + int64(h%(3*3600))
		} else {
			off = int64(h % uint64(max(1, min(every/2, 3*3600))))
		}
		out[k] = base + int64(k)*every + off
	}
	return out
}

// history draws the complaints of o, sorted by submission.
func (o RingkasOptions) history() []rlife {
	inst := o.snapshotInstants()
	first := time.Unix(inst[0], 0).In(WIB)
	y, m, d := first.Date()
	from := time.Date(y, m, d, 0, 0, 0, 0, WIB).AddDate(0, -o.Months, 0).Unix()
	to := inst[len(inst)-1]
	g := newGenerator(o.Seed, o.Rows, from, to)
	rc := newRingkasCtx(o.Regency)
	pop := make([]rlife, o.Rows)
	workers := min(runtime.GOMAXPROCS(0), 8)
	if o.Rows < 2048 {
		workers = 1
	}
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func(gw *generator) {
			defer wg.Done()
			for i := w; i < o.Rows; i += workers {
				gw.makeRingkas(i, &pop[i], rc)
			}
		}(g.clone())
	}
	wg.Wait()
	return pop
}

// historyStart is the first day (WIB) of submissions, as Periode Masuk writes it.
func (o RingkasOptions) historyStart() time.Time {
	first := time.Unix(o.snapshotInstants()[0], 0).In(WIB)
	y, m, d := first.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, WIB).AddDate(0, -o.Months, 0)
}

// WriteRingkasSeries writes o.Snapshots Laporan Ringkas XLSX files of one simulated history into
// dir (ringkas-NNN-YYYY-MM-DD.xlsx, NNN from 001, the date Tanggal Generate's), the truth CSV and
// the list of snapshots. Files are written in parallel; the bytes depend on o alone.
func WriteRingkasSeries(dir string, o RingkasOptions) ([]Snapshot, error) {
	o = o.withDefaults()
	if o.Variant != 0 && ringkasVariants[o.Variant] == nil {
		return nil, fmt.Errorf("gen: no Ringkas variant with %d columns (17, 20 or 26)", o.Variant)
	}
	if o.Snapshots > 9999 {
		return nil, errors.New("gen: at most 9999 snapshots")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	pop := o.history()
	inst := o.snapshotInstants()
	snaps := make([]Snapshot, len(inst))
	unknown := -1
	if o.UnknownStatus && len(pop) > 0 {
		unknown = len(pop) / 3
	}
	for k, s := range inst {
		snaps[k] = o.plan(k, s)
		d, _ := wibDay(s)
		name := fmt.Sprintf("ringkas-%03d-%s.xlsx", k+1, appendISODate(nil, d))
		snaps[k].Path = filepath.Join(dir, name)
		if k == len(inst)-1 && unknown >= 0 && pop[unknown].sub <= s {
			snaps[k].Unknown = pop[unknown].base.tracking
		}
	}
	start := o.historyStart()
	rc := newRingkasCtx(o.Regency)
	jobs := make(chan int)
	errs := make([]error, len(snaps))
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(snaps)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := range jobs {
				un := -1
				if snaps[k].Unknown != "" {
					un = unknown
				}
				errs[k] = writeSnapshot(&snaps[k], pop, o.Seed, k, start, rc, un)
			}
		}()
	}
	for k := range snaps {
		jobs <- k
	}
	close(jobs)
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return snaps, err
	}
	truth := o.Truth
	if truth == "" {
		truth = filepath.Join(dir, ".truth.csv")
	}
	if err := writeTruth(truth, pop, unknown); err != nil {
		return snaps, err
	}
	return snaps, writeSnapshotList(SnapshotListPath(truth), snaps)
}

// SnapshotListPath is where the list of snapshots goes beside truth file path.
func SnapshotListPath(truth string) string {
	ext := filepath.Ext(truth)
	return truth[:len(truth)-len(ext)] + "-snapshots.csv"
}

var dateStyleCycle = [...]string{DateEnAbbr, DateEnAbbr, DateIdAbbr, DateExcel, DateEnAbbr, DateIdFull, DateEnExcel, DateEnFull}

// plan decides the shape of snapshot k taken at s.
func (o RingkasOptions) plan(k int, s int64) Snapshot {
	sn := Snapshot{At: time.Unix(s, 0).In(WIB), Variant: o.Variant, Preamble: k%5 != 3}
	if sn.Variant == 0 {
		n := o.Snapshots
		switch {
		case n == 1 || k >= 2*n/3:
			sn.Variant = 26
		case k >= n/3:
			sn.Variant = 20
		default:
			sn.Variant = 17
		}
	}
	sn.DateStyle = dateStyleCycle[(uint64(k)+uint64(o.Seed))%uint64(len(dateStyleCycle))]
	sn.HeaderRow = 1
	if sn.Preamble {
		sn.HeaderRow = 11
		d, sec := wibDay(s)
		b := appendISODate(nil, d)
		if k%4 == 1 {
			b = append(b, ' ')
			b = appendClock(b, sec)
		}
		sn.Generated = string(b)
	}
	return sn
}

var ringkasWidths = [numRC]float64{11, 14, 10, 22, 26, 9, 24, 40, 60, 60, 14, 18, 34, 10, 36, 30, 40, 18, 26, 18, 18, 12, 12, 12, 14, 7}

// writeSnapshot writes the file of sn: every complaint of pop submitted by sn.At, as then.
func writeSnapshot(sn *Snapshot, pop []rlife, seed int64, k int, start time.Time, rc *ringkasCtx, unknown int) error {
	s := sn.At.Unix()
	x, err := createXLSX(sn.Path, sn.At)
	if err != nil {
		return err
	}
	cols := ringkasVariants[sn.Variant]
	widths := make([]float64, len(cols))
	for i, c := range cols {
		widths[i] = ringkasWidths[c]
	}
	sw, err := x.sheet(widths)
	if err != nil {
		x.f.Close()
		return err
	}
	if sn.Preamble {
		d, _ := wibDay(s)
		startDay, _ := wibDay(start.Unix())
		period := "(" + string(appendISODate(nil, startDay)) + ") - (" + string(appendISODate(nil, d)) + ")"
		for i, kv := range [][2]string{
			{"Judul Laporan", "Laporan Ringkas"},
			{"Nama Instansi", rc.government},
			{"Tanggal Generate", sn.Generated},
			{"Periode Masuk", period},
			{"Pengelola", ""},
		} {
			sw.startRow(1 + 2*i)
			sw.text(0, kv[0], 0)
			if kv[0] == "Tanggal Generate" && sn.DateStyle == DateExcel {
				sw.number(2, float64(excelSerial(d)), xfISODate)
			} else {
				sw.text(2, kv[1], 0)
			}
			sw.endRow()
		}
	}
	sw.startRow(sn.HeaderRow)
	for i, c := range cols {
		sw.text(i, ringkasHeader[c], xfHeader)
	}
	sw.endRow()
	row := sn.HeaderRow
	excelDate := sn.DateStyle == DateExcel
	excelTime := excelDate || sn.DateStyle == DateEnExcel
	var db []byte
	for i := range pop {
		l := &pop[i]
		if l.sub > s {
			break
		}
		row++
		sw.startRow(row)
		status, waiting := l.statusAt(s)
		reason := l.reasonAt(s, waiting)
		status = statusSpelling(status, splitmix(uint64(seed)^splitmix(uint64(k)<<32|uint64(i))))
		if i == unknown {
			status = RStatusUnknown
		}
		disposed := l.disp != 0 && l.disp <= s
		d, sec := wibDay(l.sub)
		for j, c := range cols {
			switch c {
			case rcTracking, rcName, rcKlas, rcCatID, rcCat, rcJudul, rcAwal, rcAkhir, rcTipe, rcSumber,
				rcInduk, rcProv, rcKab, rcKec, rcKel:
				sw.cached(j, l.xml[c])
			case rcDate:
				if excelDate {
					sw.number(j, float64(excelSerial(d)), xfDate)
				} else {
					db = appendDayMonthYear(db[:0], d, sn.DateStyle)
					sw.text(j, string(db), 0)
				}
			case rcTime:
				if excelTime {
					sw.number(j, float64(sec)/day, xfTime)
				} else {
					db = appendClock(db[:0], sec)
					sw.text(j, string(db), 0)
				}
			case rcAgencyID:
				if disposed {
					sw.text(j, AgencyID(l.ai), 0)
				}
			case rcAgency:
				if disposed {
					sw.text(j, l.base.agency, 0)
				}
			case rcStatus:
				sw.text(j, status, 0)
			case rcReason:
				sw.text(j, reason, 0)
			case rcSetwapres:
				if l.sumber == "Kanal Aduan Setwapres" {
					sw.text(j, "Ya", 0)
				} else {
					sw.text(j, "Tidak", 0)
				}
			case rcRating:
				if l.rating > 0 && l.closed != 0 && l.closed <= s {
					sw.text(j, strconv.Itoa(l.rating), 0)
				}
			}
		}
		sw.endRow()
	}
	sn.Rows = row - sn.HeaderRow
	if err := x.close(sw); err != nil {
		return fmt.Errorf("gen: writing %s: %w", sn.Path, err)
	}
	return nil
}

// TruthHeader is the header of the truth CSV: per tracking id the true instants (RFC 3339,
// WITA) of the simulated history, empty when the event never happens (also events after the
// last snapshot are given: the truth is the whole simulated life).
var TruthHeader = []string{
	"tracking_id",
	"submitted_at",             // Tanggal/Waktu Laporan Masuk
	"verified_at",              // the regency admin verified it (Terverifikasi)
	"disposed_at",              // disposed: Instansi Terdisposisi shown from here
	"agency",                   // Instansi Terdisposisi as the files spell it (empty if never disposed)
	"agency_id",                // ID Instansi Terdisposisi
	"agency_canonical",         // the agency's name in Agencies()
	"info_requested_at",        // Menunggu Kelengkapan Informasi asked by the admin (before verification)
	"info_completed_at",        // ... and answered by the reporter (back to Belum Terverifikasi)
	"agency_info_requested_at", // Menunggu Kelengkapan Informasi asked by the agency (after disposition)
	"agency_info_completed_at", // ... and answered (back to Terverifikasi)
	"first_followup_at",        // the agency's first follow-up (no status shows it)
	"reporter_answered_at",     // Ditanggapi oleh Pelapor
	"closed_at",                // Ditutup oleh ...
	"closed_by",                // sistem | admin | pelapor
	"archived_at",              // Diarsipkan oleh ... / Konten Terblokir
	"archived_by",              // sistem | admin | pelapor
	"archive_reason",           // expired | other | reporter_request | blocked
	"rating",                   // 1-5 given on closing (shown in the 26-column files)
	"note",                     // unknown_status_in_last_snapshot for the UnknownStatus row
}

func appendRFC3339(b []byte, t int64) []byte {
	if t == 0 {
		return b
	}
	return time.Unix(t, 0).In(WITA).AppendFormat(b, time.RFC3339)
}

func writeTruth(path string, pop []rlife, unknown int) error {
	if dir := filepath.Dir(path); dir != "" {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return err
		}
	}
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	bw := bufio.NewWriterSize(f, 1<<20)
	cw := &csvWriter{w: bw}
	err = cw.write(TruthHeader)
	rec := make([]string, len(TruthHeader))
	var b []byte
	for i := range pop {
		if err != nil {
			break
		}
		l := &pop[i]
		b = b[:0]
		var ends [10]int
		for k, t := range [...]int64{l.sub, l.ver, l.disp, l.w1from, l.w1to, l.w2from, l.w2to, l.resp, l.answered, l.closed} {
			b = appendRFC3339(b, t)
			ends[k] = len(b)
		}
		arch := len(b)
		b = appendRFC3339(b, l.arch)
		all := string(b)
		cut := func(k int) string {
			from := 0
			if k > 0 {
				from = ends[k-1]
			}
			return all[from:ends[k]]
		}
		rec[0] = l.base.tracking
		rec[1], rec[2], rec[3] = cut(0), cut(1), cut(2)
		rec[4], rec[5], rec[6] = "", "", ""
		if l.disp != 0 {
			rec[4], rec[5], rec[6] = l.base.agency, AgencyID(l.ai), l.base.agencyCanon
		}
		rec[7], rec[8], rec[9], rec[10] = cut(3), cut(4), cut(5), cut(6)
		rec[11], rec[12], rec[13] = cut(7), cut(8), cut(9)
		rec[14] = byName[l.closedBy]
		rec[15] = all[arch:]
		rec[16] = byName[l.archBy]
		rec[17] = whyName[l.archWhy]
		rec[18] = ""
		if l.rating > 0 {
			rec[18] = strconv.Itoa(l.rating)
		}
		rec[19] = ""
		if i == unknown {
			rec[19] = "unknown_status_in_last_snapshot"
		}
		err = cw.write(rec)
	}
	if err == nil {
		err = bw.Flush()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("gen: writing %s: %w", path, err)
	}
	return nil
}

// SnapshotListHeader is the header of the list of snapshots written beside the truth.
var SnapshotListHeader = []string{"file", "observed_at", "tanggal_generate", "variant", "preamble", "header_row", "date_style", "rows", "unknown_status_tracking_id"}

func writeSnapshotList(path string, snaps []Snapshot) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(f)
	cw := &csvWriter{w: bw}
	err = cw.write(SnapshotListHeader)
	for _, s := range snaps {
		if err != nil {
			break
		}
		err = cw.write([]string{filepath.Base(s.Path), s.At.Format(time.RFC3339), s.Generated, strconv.Itoa(s.Variant),
			strconv.FormatBool(s.Preamble), strconv.Itoa(s.HeaderRow), s.DateStyle, strconv.Itoa(s.Rows), s.Unknown})
	}
	if err == nil {
		err = bw.Flush()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}
