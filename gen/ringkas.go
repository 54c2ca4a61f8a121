package gen

// Layout R ("Laporan Ringkas", the export the LAPOR! admin site gives): one simulated history of
// a regency's complaints following LAPOR! v3's lifecycle, seen through a series of snapshot
// exports. The events of each complaint are drawn up front (like layout A's lives); a snapshot at
// instant s shows every complaint submitted by s in its state at s, with no event time but the
// submission's. The truth (every event instant) goes to a CSV beside the snapshots.
//
// The lifecycle (input-formats.md, "Layout R"; metrics.md, "Timing from snapshots"):
//
//	submitted -> Belum Terverifikasi
//	  -> (some) Menunggu Kelengkapan Informasi: the admin asks the reporter; most come back to
//	     Belum Terverifikasi, some wait for ever, some expire
//	  -> the regency admin verifies (Terverifikasi) and disposes (Instansi Terdisposisi filled),
//	     mostly within 0-5 working days; some are archived (SARA, no evidence), withdrawn by the
//	     reporter, blocked (Konten Terblokir), closed by the admin at once, or never handled and
//	     archived as expired
//	  -> (some) Menunggu Kelengkapan Informasi asked by the agency, back to Terverifikasi
//	  -> the agency's first follow-up (invisible: the status stays Terverifikasi), after a delay
//	     drawn from the agency's profile; agencies that never follow up see their complaints
//	     expire (Diarsipkan oleh Sistem) or closed by the admin
//	  -> the reporter answers (Ditanggapi oleh Pelapor) and later closes it (Ditutup oleh
//	     Pelapor) or the admin does (Ditutup oleh Admin); or the reporter or the admin closes it
//	     without answering; or nobody does and LAPOR! closes it itself exactly
//	     AutoCloseWorkingDays working days after the follow-up (Ditutup oleh Sistem).
//
// Assumptions the spec does not fix: a complaint nobody handles expires ExpiryDays calendar days
// after its last step (submission, verification, disposition or the start of a wait); LAPOR!'s
// own jobs (auto-close, expiry) run between 01:00 and 05:00 WITA, so their date is the same in
// WIB and WITA. Working days are the regency's (WITA) dates without national holidays and cuti
// bersama (rapor's built-in calendar).

import (
	"math"
	"math/rand/v2"
	"strconv"
	"strings"
)

const (
	// AutoCloseWorkingDays is LAPOR!'s auto-close delay after the agency's follow-up
	// (metrics.md, sla.auto_close_working_days).
	AutoCloseWorkingDays = 10
	// ExpiryDays is how long a complaint nobody handles waits before LAPOR! archives it as
	// expired (an assumption of this generator).
	ExpiryDays = 60
)

// Who closed or archived a complaint.
const (
	byNone uint8 = iota
	byAdmin
	bySistem
	byPelapor
)

var byName = [...]string{"", "admin", "sistem", "pelapor"}

// Why a complaint was archived.
const (
	whyNone uint8 = iota
	whyExpired
	whyOther
	whyReporter
	whyBlocked
)

var whyName = [...]string{"", "expired", "other", "reporter_request", "blocked"}

// LAPOR! v3 statuses as the admin site writes them.
const (
	RStatusUnverified  = "Belum Terverifikasi"
	RStatusVerified    = "Terverifikasi"
	RStatusWaiting     = "Menunggu Kelengkapan Informasi"
	RStatusAnswered    = "Ditanggapi oleh Pelapor"
	RStatusClosedSys   = "Ditutup oleh Sistem"
	RStatusClosedAdmin = "Ditutup oleh Admin"
	RStatusClosedRep   = "Ditutup oleh Pelapor"
	RStatusArchAdmin   = "Diarsipkan oleh Admin"
	RStatusArchSys     = "Diarsipkan oleh Sistem"
	RStatusArchRep     = "Diarsipkan oleh Pelapor"
	RStatusBlocked     = "Konten Terblokir"
	// RStatusUnknown is the one status no spec table knows (RingkasOptions.UnknownStatus).
	RStatusUnknown = "Dalam Proses Verifikasi Ulang"
)

// Alasan Tunda/Arsip texts.
const (
	ReasonExpired  = "Laporan diarsipkan karena sudah mencapai batas kadaluarsa pengaduan."
	ReasonOther    = "Laporan diarsipkan karena Mengandung SARA, Tidak Memiliki Bukti, atau Tidak Jelas Substansinya."
	ReasonReporter = "Laporan diarsipkan sesuai dengan keinginan Pelapor"
	ReasonBlocked  = "Konten laporan diblokir karena melanggar ketentuan penggunaan."
)

var waitReasons = []string{
	"Mohon lengkapi lokasi kejadian dan kronologi.",
	"Mohon melampirkan bukti pendukung berupa foto atau dokumen.",
	"Mohon dilengkapi nomor NIK dan alamat lengkap.",
	"Laporan belum jelas, mohon dilengkapi informasi waktu dan tempat kejadian.",
}

// rlife is one complaint of a Ringkas history: the layout-A life it borrows its text and
// reporter from, and its LAPOR! v3 events in Unix seconds (0 = never).
type rlife struct {
	base             life
	ai               int // agency index
	ci               int // category index
	sub, ver, disp   int64
	w1from, w1to     int64 // the admin's request for information (before verification)
	w2from, w2to     int64 // the agency's request for information (after disposition)
	resp             int64 // the agency's first follow-up
	answered         int64 // the reporter answered the follow-up
	closed, arch     int64
	closedBy, archBy uint8
	archWhy          uint8
	waitReason       uint8
	rating           int

	// cells that do not change between snapshots
	klas, tipe, sumber, induk string
	prov, kab, kec, kel       string
	catID, cat                string
	judul, awal, akhir        string
	nama                      string
	style                     uint8
	// xml holds, per static column, the cell's XML after its reference (escaped once, written
	// in every snapshot); "" for an empty cell.
	xml [numRC]string
}

// statusAt is the status a snapshot at s shows (before any spelling quirk) and whether
// Alasan Tunda/Arsip holds a waiting reason.
func (l *rlife) statusAt(s int64) (status string, waiting bool) {
	switch {
	case l.arch != 0 && l.arch <= s:
		switch {
		case l.archWhy == whyBlocked:
			return RStatusBlocked, false
		case l.archBy == bySistem:
			return RStatusArchSys, false
		case l.archBy == byPelapor:
			return RStatusArchRep, false
		}
		return RStatusArchAdmin, false
	case l.closed != 0 && l.closed <= s:
		switch l.closedBy {
		case bySistem:
			return RStatusClosedSys, false
		case byPelapor:
			return RStatusClosedRep, false
		}
		return RStatusClosedAdmin, false
	case l.answered != 0 && l.answered <= s:
		return RStatusAnswered, false
	case l.w2from != 0 && l.w2from <= s && (l.w2to == 0 || s < l.w2to),
		l.w1from != 0 && l.w1from <= s && (l.w1to == 0 || s < l.w1to):
		return RStatusWaiting, true
	case l.ver != 0 && l.ver <= s:
		return RStatusVerified, false
	}
	return RStatusUnverified, false
}

// reasonAt is the Alasan Tunda/Arsip cell at s.
func (l *rlife) reasonAt(s int64, waiting bool) string {
	if waiting {
		return waitReasons[l.waitReason]
	}
	if l.arch != 0 && l.arch <= s {
		switch l.archWhy {
		case whyExpired:
			return ReasonExpired
		case whyReporter:
			return ReasonReporter
		case whyBlocked:
			return ReasonBlocked
		}
		return ReasonOther
	}
	return ""
}

const saltRingkas = 0x72696e676b6173

var agencyIndex = func() map[string]int {
	m := make(map[string]int, len(agencies))
	for i, a := range agencies {
		m[a.name] = i
	}
	return m
}()

var categoryIndex = func() map[string]int {
	m := make(map[string]int, len(categories))
	for i, c := range categories {
		m[c.name] = i
	}
	return m
}()

// AgencyID is the ID Instansi Terdisposisi of agency i of Agencies() (illustrative numbers).
func AgencyID(i int) string { return strconv.Itoa(106300 + 17*i) }

func categoryID(ci int) string { return strconv.Itoa(1020 + 13*ci) }

// rsys is the instant of a LAPOR! job on local day d (01:00-05:00 WITA).
func rsys(r *rand.Rand, d int64) int64 { return dayStart(d) + 3600 + r.Int64N(4*3600) }

// makeRingkas fills l with complaint i of the history g spans.
func (g *generator) makeRingkas(i int, l *rlife, rc *ringkasCtx) {
	g.make(i, &l.base)
	b := &l.base
	*l = rlife{base: *b}
	b = &l.base
	var pcg rand.PCG
	seedPCG(&pcg, g.seed, saltRingkas, uint64(i))
	r := rand.New(&pcg)
	l.ai = agencyIndex[b.agencyCanon]
	l.ci = categoryIndex[b.category]
	l.sub = b.sub
	g.ringkasStatic(l, r, rc)
	g.ringkasTimeline(l, r)
	for c, v := range [numRC]string{rcTracking: l.base.tracking, rcName: l.nama, rcKlas: l.klas, rcCatID: l.catID,
		rcCat: l.cat, rcJudul: l.judul, rcAwal: l.awal, rcAkhir: l.akhir, rcTipe: l.tipe, rcSumber: l.sumber,
		rcInduk: l.induk, rcProv: l.prov, rcKab: l.kab, rcKec: l.kec, rcKel: l.kel} {
		if v != "" {
			l.xml[c] = string(appendInlineStr(nil, v, 0))
		}
	}
	if l.akhir == l.awal {
		l.xml[rcAkhir] = l.xml[rcAwal] // one copy in memory
	}
	// The texts live on in xml only: a 100,000-complaint history stays within a few hundred MB.
	l.judul, l.awal, l.akhir, l.base.title, l.base.body, l.base.updates = "", "", "", "", "", nil
}

// ringkasTimeline draws the LAPOR! v3 events of l.
func (g *generator) ringkasTimeline(l *rlife, r *rand.Rand) {
	// The staff helpers draw from g.r; point it at this complaint's own stream.
	saved := g.r
	g.r = r
	defer func() { g.r = saved }()

	expire := func(from int64) {
		l.arch, l.archBy, l.archWhy = rsys(r, localDay(from)+ExpiryDays), bySistem, whyExpired
	}
	progress := 0.0
	if g.to > g.from {
		progress = float64(l.sub-g.from) / float64(g.to-g.from)
	}
	vwd := 0
	switch x := r.Float64(); {
	case x < 0.40:
	case x < 0.68:
		vwd = 1
	case x < 0.82:
		vwd = 2
	case x < 0.90:
		vwd = 3
	case x < 0.95:
		vwd = 4 + r.IntN(2)
	default:
		vwd = 6 + r.IntN(8)
	}
	l.waitReason = uint8(r.IntN(len(waitReasons)))
	t0 := l.sub
	switch x := r.Float64(); {
	case x < 0.004: // blocked content
		l.arch, l.archBy, l.archWhy = g.afterWD(l.sub, vwd), byAdmin, whyBlocked
		return
	case x < 0.024: // archived by the admin: SARA, no evidence, unclear
		l.arch, l.archBy, l.archWhy = g.afterWD(l.sub, vwd), byAdmin, whyOther
		return
	case x < 0.034: // withdrawn by the reporter
		l.arch, l.archBy, l.archWhy = g.citizenAfter(l.sub, 3), byPelapor, whyReporter
		return
	case x < 0.089: // the admin asks for more information first
		l.w1from = g.afterWD(l.sub, vwd)
		switch y := r.Float64(); {
		case y < 0.55: // the reporter never answers: it waits
			return
		case y < 0.65:
			expire(l.w1from)
			return
		}
		l.w1to = g.citizenAfter(l.w1from, 4)
		t0, vwd = l.w1to, r.IntN(3)
	case x < 0.099: // nobody ever looks at it
		expire(l.sub)
		return
	}
	l.ver = g.afterWD(t0, vwd)
	switch x := r.Float64(); {
	case x < 0.015: // the admin answers it and closes it without an agency
		l.closed, l.closedBy = g.afterWD(l.ver, r.IntN(2)), byAdmin
		return
	case x < 0.025: // verified, never disposed
		expire(l.ver)
		return
	case x < 0.62:
		l.disp = l.ver
	case x < 0.86:
		l.disp = g.afterWD(l.ver, 0)
	default:
		l.disp = g.afterWD(l.ver, 1+r.IntN(3))
	}

	a := &agencies[l.ai]
	f := math.Exp(a.trend * (2*progress - 1))
	t := l.disp
	if r.Float64() < 0.05 { // the agency asks the reporter for more information
		l.w2from = g.afterWD(l.disp, r.IntN(3))
		if r.Float64() < 0.3 { // and never gets it
			if r.Float64() < 0.5 {
				expire(l.w2from)
			}
			return
		}
		l.w2to = g.citizenAfter(l.w2from, 4)
		t = l.w2to
	}
	if r.Float64() < min(0.6, 0.45*a.pNever*f) { // the agency never follows up
		if r.Float64() < 0.6 {
			expire(t)
		} else {
			l.closed, l.closedBy = g.afterWD(t, 5+r.IntN(25)), byAdmin
		}
		return
	}
	wd := int(g.lognormal(a.respMedian*f, 0.75))
	if r.Float64() < 0.05 {
		wd = wd*3 + 5 // forgotten, picked up much later
	}
	resp := g.afterWD(t, wd)
	if localDay(resp) >= localDay(t)+ExpiryDays { // too late: it expired first
		expire(t)
		return
	}
	l.resp = resp
	auto := rsys(r, addWorkingDays(localDay(resp), AutoCloseWorkingDays))
	within := func() int64 { return resp + 600 + r.Int64N(max(1, auto-resp-1200)) }
	switch x := r.Float64(); {
	case x < 0.09: // the reporter answers the follow-up
		l.answered = within()
		switch y := r.Float64(); {
		case y < 0.5:
			l.closed, l.closedBy = g.citizenAfter(l.answered, 3), byPelapor
		case y < 0.9:
			l.closed, l.closedBy = g.afterWD(l.answered, 1+r.IntN(8)), byAdmin
		}
	case x < 0.15: // the admin closes it
		if c := g.afterWD(resp, r.IntN(9)); c < auto {
			l.closed, l.closedBy = c, byAdmin
		} else {
			l.closed, l.closedBy = auto, bySistem
		}
	case x < 0.17: // the reporter closes it without answering
		l.closed, l.closedBy = within(), byPelapor
	default:
		l.closed, l.closedBy = auto, bySistem
	}
	if l.closedBy == byPelapor && r.Float64() < 0.8 {
		v := a.rating + 0.8*r.NormFloat64()
		l.rating = int(min(5, max(1, math.Round(v))))
	}
}

// ringkasCtx is what the static cells of a history share.
type ringkasCtx struct {
	regency    string // "Kabupaten Hulu Sungai Utara"
	government string // "Pemerintah Kabupaten Hulu Sungai Utara"
	webSource  string // "Website - pemerintah-kabupaten-Hulu-Sungai-Utara"
	sumberCum  []float64
	elsewhere  []place
}

type place struct{ prov, kab, kec string }

var ringkasSources = []weighted{
	{"Website", 34}, {"Android", 30}, {"", 8}, {"iOS", 4}, {"Whatsapp", 5}, {"Instagram", 3},
	{"Hotline Service", 3}, {"SMS", 3}, {"Email Instansi", 2}, {"Tatap Muka", 2}, {"Twitter", 2},
	{"Facebook", 1.5}, {"Pos Surat", 0.5}, {"Kanal Aduan Setwapres", 0.5},
}

func newRingkasCtx(regency string) *ringkasCtx {
	regency = strings.TrimSpace(regency)
	if regency == "" {
		regency = DefaultRegency
	}
	kind, name := "Kabupaten", regency
	for _, k := range []string{"Kabupaten ", "Kota "} {
		if strings.HasPrefix(regency, k) {
			kind, name = strings.TrimSpace(k), strings.TrimPrefix(regency, k)
		}
	}
	rc := &ringkasCtx{
		regency:    kind + " " + name,
		government: "Pemerintah " + kind + " " + name,
		webSource:  "Website - pemerintah-" + strings.ToLower(kind) + "-" + strings.ReplaceAll(name, " ", "-"),
		elsewhere: []place{
			{"Kalimantan Selatan", "Kota Banjarmasin", "Banjarmasin Tengah"},
			{"Kalimantan Selatan", "Kabupaten Hulu Sungai Tengah", "Barabai"},
			{"Kalimantan Selatan", "Kabupaten Tabalong", "Tanjung"},
			{"Kalimantan Selatan", "Kabupaten Balangan", ""},
			{"DKI Jakarta", "Kota Jakarta Pusat", "Gambir"},
			{"Kalimantan Tengah", "Kota Palangka Raya", ""},
		},
	}
	rc.sumberCum = cumulative(weights(ringkasSources))
	return rc
}

// DefaultRegency is the regency a Ringkas history belongs to unless told otherwise.
const DefaultRegency = "Hulu Sungai Utara"

// ringkasStatic fills the cells of l that stay the same in every snapshot.
func (g *generator) ringkasStatic(l *rlife, r *rand.Rand, rc *ringkasCtx) {
	b := &l.base
	switch b.rtype {
	case "Aspirasi", "Permintaan Informasi":
		l.klas = b.rtype
	default:
		if r.Float64() < 0.3 {
			l.klas = "Pengaduan Berkadar Pengawasan"
		} else {
			l.klas = "Pengaduan Tidak Berkadar Pengawasan"
		}
	}
	if r.Float64() < 0.03 {
		l.klas = ""
	}
	if r.Float64() >= 0.13 {
		l.cat, l.catID = b.category, categoryID(l.ci)
	}
	anon, conf := b.anon, r.Float64() < 0.46
	switch {
	case anon && conf:
		l.tipe = "Anonim|Rahasia"
	case anon:
		l.tipe = "Anonim"
	case conf:
		l.tipe = "Rahasia"
	}
	l.sumber = ringkasSources[pick(r, rc.sumberCum)].s
	if l.sumber == "" {
		l.sumber = rc.webSource
	}
	l.induk = rc.government
	if r.Float64() < 0.06 { // reached the agency's own LAPOR! account
		l.induk = b.agencyCanon
	}
	switch x := r.Float64(); {
	case x < 0.07: // no location given
	case x < 0.15:
		p := rc.elsewhere[r.IntN(len(rc.elsewhere))]
		l.prov, l.kab, l.kec = p.prov, p.kab, p.kec
	default:
		kec := &kecamatans[b.kecIdx]
		l.prov, l.kab, l.kec = "Kalimantan Selatan", rc.regency, kec.name
		if r.Float64() < 0.8 {
			l.kel = villageName(kec.desa[b.desa])
		}
	}
	if anon {
		l.nama = "Anonim"
	} else {
		l.nama = b.name
		if l.nama == "" || l.nama == "Anonim" {
			l.nama = personName(r)
		}
	}
	l.judul = b.title
	if r.Float64() < 0.01 && !anon {
		l.judul = b.title + " - " + l.nama
	}
	l.awal = b.body
	if !anon && r.Float64() < 0.35 {
		l.awal = appendLabelled(b.body, r, l.nama, &kecamatans[b.kecIdx], b.desa)
	}
	switch x := r.Float64(); {
	case x < 0.6:
		l.akhir = l.awal
	case x < 0.8: // the admin's edit: the personal data taken out
		l.akhir = b.body
	case x < 0.9:
		l.akhir = strings.ToUpper(b.body[:1]) + b.body[1:]
	}
	l.style = uint8(r.IntN(256))
}

// villageName drops the "Desa "/"Kelurahan " prefix.
func villageName(s string) string {
	s = strings.TrimPrefix(s, "Desa ")
	return strings.TrimPrefix(s, "Kelurahan ")
}

// appendLabelled adds personal data as reporters type it into LAPOR!'s form: labelled values
// glued to the text before them (`...terima kasih.Nama : Siti RahmahAlamat : Kp ...`).
func appendLabelled(body string, r *rand.Rand, name string, kec *kecamatan, desa int) string {
	b := make([]byte, 0, len(body)+200)
	b = append(b, body...)
	sep := func() {
		if r.Float64() < 0.25 {
			b = append(b, '\n')
		} else if r.Float64() < 0.2 {
			b = append(b, ' ')
		}
	}
	sep()
	b = append(b, "Nama : "...)
	b = append(b, name...)
	sep()
	b = append(b, "Alamat : "...)
	switch r.IntN(3) {
	case 0:
		b = append(b, "Kp "...)
	case 1:
		b = append(b, "Ds. "...)
	}
	b = append(b, villageName(kec.desa[desa])...)
	b = append(b, " Rt "...)
	b = append(b, byte('0'+r.IntN(2)), byte('1'+r.IntN(9)))
	b = append(b, "/Rw "...)
	b = append(b, '0', byte('1'+r.IntN(9)))
	b = append(b, " Kec "...)
	b = append(b, kec.name...)
	if r.Float64() < 0.5 {
		sep()
		b = append(b, "NIK : "...)
		b = appendNIK(b, r, kec)
	}
	if r.Float64() < 0.2 {
		sep()
		b = append(b, "No. KK : "...)
		b = appendNIK(b, r, kec)
	}
	if r.Float64() < 0.25 {
		sep()
		b = append(b, "TTL : Amuntai, "...)
		dd, mm := 1+r.IntN(28), 1+r.IntN(12)
		b = append(b, byte('0'+dd/10), byte('0'+dd%10), '-', byte('0'+mm/10), byte('0'+mm%10), '-')
		b = strconv.AppendInt(b, int64(1950+r.IntN(55)), 10)
	}
	if r.Float64() < 0.6 {
		sep()
		b = append(b, "No HP : "...)
		b = append(b, phoneDigits(r)...)
	}
	if r.Float64() < 0.2 {
		sep()
		b = append(b, "Email : "...)
		b = appendEmail(b, r, name)
	}
	return string(b)
}

// statusSpelling spells status as a few real rows do (case, spaces), for about 1 row in 150.
func statusSpelling(status string, h uint64) string {
	if h%150 != 0 {
		return status
	}
	switch (h / 150) % 5 {
	case 0:
		return strings.ToUpper(status)
	case 1:
		return strings.ToLower(status)
	case 2:
		return " " + status + " "
	case 3:
		return doubleSpace(status, int(h/750))
	}
	return status + "  "
}
