package gen

import (
	"time"
)

// Column indexes of a layout-A row.
const (
	ColTracking = iota
	ColSubmitted
	ColTitle
	ColBody
	ColCategory
	ColAgency
	ColStatus
	ColReportType
	ColChannel
	ColArea
	ColVerified
	ColDisposed
	ColFirstResponse
	ColClosed
	ColLastActivity
	ColAnonymous
	ColConfidential
	ColRating
	ColReporterName
	ColReporterPhone
	NumCols
)

var header = [NumCols]string{
	"No. Tracking", "Tanggal Laporan", "Judul", "Isi Laporan", "Kategori", "Instansi Tujuan", "Status",
	"Klasifikasi", "Sumber", "Lokasi", "Tanggal Verifikasi", "Tanggal Disposisi",
	"Tanggal Tindak Lanjut Pertama", "Tanggal Selesai", "Tanggal Aktivitas Terakhir", "Anonim", "Rahasia",
	"Rating", "Nama Pelapor", "No. HP Pelapor",
}

// TimeCols are the timestamp columns, in life order.
var TimeCols = []int{ColSubmitted, ColVerified, ColDisposed, ColFirstResponse, ColClosed, ColLastActivity}

// Header returns the layout-A header row, spelled as input-formats.md spells it.
func Header() []string { return append([]string(nil), header[:]...) }

// Row is one export row, cells in Header order; an empty string is a blank cell.
type Row [NumCols]string

// Statuses as exports spell them (several spellings mean the same state, as in real files).
const (
	StatusUnverified       = "Belum Terverifikasi"
	StatusVerified         = "Terverifikasi"
	StatusDisposed         = "Terdisposisi Belum Ditindaklanjuti"
	StatusDisposedShort    = "Belum Ditindaklanjuti"
	StatusInProgress       = "Terdisposisi Sedang Diproses"
	StatusInProgressFollow = "Ditindaklanjuti"
	StatusInProgressShort  = "Sedang Diproses"
	StatusClosed           = "Selesai"
	StatusClosedDisposed   = "Terdisposisi Selesai"
	StatusPostponed        = "Tertunda"
	StatusArchived         = "Diarsipkan"
	StatusNotAuthority     = "Bukan Wewenang"
)

// State is a normalised status (the spec's names).
type State string

// The normalised states of input-formats.md.
const (
	Unverified   State = "unverified"
	Verified     State = "verified"
	Disposed     State = "disposed"
	InProgress   State = "in_progress"
	Closed       State = "closed"
	Postponed    State = "postponed"
	NotAuthority State = "not_authority"
	Archived     State = "archived"
)

// StateOf normalises a status spelled by this package (case and surrounding spaces ignored);
// "" for anything else.
func StateOf(status string) State {
	switch normStatus(status) {
	case "belum terverifikasi":
		return Unverified
	case "terverifikasi":
		return Verified
	case "terdisposisi belum ditindaklanjuti", "belum ditindaklanjuti":
		return Disposed
	case "terdisposisi sedang diproses", "ditindaklanjuti", "sedang diproses":
		return InProgress
	case "selesai", "terdisposisi selesai":
		return Closed
	case "tertunda":
		return Postponed
	case "bukan wewenang":
		return NotAuthority
	case "diarsipkan":
		return Archived
	}
	return ""
}

func normStatus(s string) string {
	b := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		b = append(b, c)
	}
	return string(trimSpaceBytes(b))
}

func trimSpaceBytes(b []byte) []byte {
	for len(b) > 0 && (b[0] == ' ' || b[0] == '\t') {
		b = b[1:]
	}
	for len(b) > 0 && (b[len(b)-1] == ' ' || b[len(b)-1] == '\t') {
		b = b[:len(b)-1]
	}
	return b
}

func seen(t, asOf int64) int64 {
	if t != 0 && t <= asOf {
		return t
	}
	return 0
}

// state is the complaint's normalised state at asOf.
func (l *life) state(asOf int64) State {
	switch {
	case seen(l.arch, asOf) != 0:
		if l.archBW {
			return NotAuthority
		}
		return Archived
	case seen(l.closed, asOf) != 0:
		return Closed
	case seen(l.post, asOf) != 0:
		return Postponed
	case seen(l.resp, asOf) != 0:
		return InProgress
	case seen(l.disp, asOf) != 0:
		return Disposed
	case seen(l.ver, asOf) != 0:
		return Verified
	}
	return Unverified
}

// status spells the state at asOf in this complaint's style.
func (l *life) status(asOf int64) string {
	st := l.statusStyle
	switch l.state(asOf) {
	case NotAuthority:
		return StatusNotAuthority
	case Archived:
		return StatusArchived
	case Closed:
		if st%4 == 0 {
			return StatusClosedDisposed
		}
		return StatusClosed
	case Postponed:
		return StatusPostponed
	case InProgress:
		switch (st >> 2) % 10 {
		case 7, 8:
			return StatusInProgressFollow
		case 9:
			return StatusInProgressShort
		}
		return StatusInProgress
	case Disposed:
		if (st>>5)%7 == 0 {
			return StatusDisposedShort
		}
		return StatusDisposed
	case Verified:
		return StatusVerified
	}
	return StatusUnverified
}

// lastActivity is the latest event at or before asOf (0 if not yet submitted).
func (l *life) lastActivity(asOf int64) int64 {
	m := int64(0)
	for _, t := range [...]int64{l.sub, l.ver, l.disp, l.resp, l.post, l.closed, l.arch, l.rated} {
		if t <= asOf && t > m {
			m = t
		}
	}
	for _, t := range l.updates {
		if t <= asOf && t > m {
			m = t
		}
	}
	return m
}

var ratingText = [6]string{"", "1", "2", "3", "4", "5"}

func yesNo(b bool) string {
	if b {
		return "Ya"
	}
	return "Tidak"
}

// row fills r with the complaint as an export at asOf shows it. sb is scratch space for the
// timestamps (returned for reuse).
func (l *life) row(asOf int64, r *Row, sb []byte) []byte {
	sb = sb[:0]
	var ends [6]int
	for k, t := range [6]int64{l.sub, seen(l.ver, asOf), seen(l.disp, asOf), seen(l.resp, asOf), seen(l.closed, asOf), l.lastActivity(asOf)} {
		sb = appendStamp(sb, t)
		ends[k] = len(sb)
	}
	all := string(sb)
	start := 0
	for k, c := range TimeCols {
		r[c] = all[start:ends[k]]
		start = ends[k]
	}
	r[ColTracking] = l.tracking
	r[ColTitle] = l.title
	r[ColBody] = l.body
	r[ColCategory] = l.category
	r[ColAgency] = ""
	if seen(l.disp, asOf) != 0 {
		r[ColAgency] = l.agency
	}
	r[ColStatus] = l.status(asOf)
	r[ColReportType] = l.rtype
	r[ColChannel] = l.channel
	r[ColArea] = l.area
	r[ColAnonymous] = yesNo(l.anon)
	r[ColConfidential] = yesNo(l.conf)
	r[ColRating] = ""
	if seen(l.rated, asOf) != 0 && seen(l.closed, asOf) != 0 {
		r[ColRating] = ratingText[l.rating]
	}
	r[ColReporterName] = l.name
	r[ColReporterPhone] = l.phone
	return sb
}

// Complaint is one complaint's whole life: every event time is known up front and a cut hides
// the future. A zero time means the event never happens.
type Complaint struct {
	Tracking      string
	Submitted     time.Time // Tanggal Laporan
	Verified      time.Time // Tanggal Verifikasi
	Disposed      time.Time // Tanggal Disposisi
	FirstResponse time.Time // Tanggal Tindak Lanjut Pertama
	Postponed     time.Time // status Tertunda from here until Closed
	Closed        time.Time // Tanggal Selesai
	Archived      time.Time // status Diarsipkan, or Bukan Wewenang when NotAuthority
	NotAuthority  bool
	Rated         time.Time // when the reporter rated (only after Closed)
	Rating        int       // 1-5, 0 = never rated
	Activity      []time.Time
	// Agency is the name as exports spell it (a few rows use a spelling variant of
	// AgencyCanonical). It is shown once the complaint is disposed.
	Agency          string
	AgencyCanonical string
	Category        string
	Title, Body     string
	ReportType      string
	Channel         string
	Area            string
	Anonymous       bool
	Confidential    bool
	ReporterName    string
	ReporterPhone   string
	StatusStyle     uint8 // which of the equivalent status spellings this complaint's rows use
}

func (l *life) complaint() Complaint {
	c := Complaint{
		Tracking: l.tracking, Submitted: toTime(l.sub), Verified: toTime(l.ver), Disposed: toTime(l.disp),
		FirstResponse: toTime(l.resp), Postponed: toTime(l.post), Closed: toTime(l.closed),
		Archived: toTime(l.arch), NotAuthority: l.archBW, Rated: toTime(l.rated), Rating: l.rating,
		Agency: l.agency, AgencyCanonical: l.agencyCanon, Category: l.category, Title: l.title, Body: l.body,
		ReportType: l.rtype, Channel: l.channel, Area: l.area, Anonymous: l.anon, Confidential: l.conf,
		ReporterName: l.name, ReporterPhone: l.phone, StatusStyle: l.statusStyle,
	}
	for _, t := range l.updates {
		c.Activity = append(c.Activity, toTime(t))
	}
	return c
}

func (c *Complaint) life() life {
	l := life{
		tracking: c.Tracking, sub: fromTime(c.Submitted), ver: fromTime(c.Verified), disp: fromTime(c.Disposed),
		resp: fromTime(c.FirstResponse), post: fromTime(c.Postponed), closed: fromTime(c.Closed),
		arch: fromTime(c.Archived), archBW: c.NotAuthority, rated: fromTime(c.Rated), rating: c.Rating,
		agency: c.Agency, agencyCanon: c.AgencyCanonical, category: c.Category, title: c.Title, body: c.Body,
		rtype: c.ReportType, channel: c.Channel, area: c.Area, anon: c.Anonymous, conf: c.Confidential,
		name: c.ReporterName, phone: c.ReporterPhone, statusStyle: c.StatusStyle,
	}
	for _, t := range c.Activity {
		l.updates = append(l.updates, fromTime(t))
	}
	return l
}

// State is the complaint's normalised state at asOf.
func (c *Complaint) State(asOf time.Time) State {
	l := c.life()
	return l.state(asOf.Unix())
}

// Status is the Status cell an export at asOf shows.
func (c *Complaint) Status(asOf time.Time) string {
	l := c.life()
	return l.status(asOf.Unix())
}

// LastActivity is the latest event at or before asOf (zero if not submitted by then).
func (c *Complaint) LastActivity(asOf time.Time) time.Time {
	l := c.life()
	return toTime(l.lastActivity(asOf.Unix()))
}

// Row is the export row at asOf.
func (c *Complaint) Row(asOf time.Time) Row {
	var r Row
	l := c.life()
	l.row(asOf.Unix(), &r, nil)
	return r
}

// Population makes n complaints submitted over [from, to], sorted by submission, with tracking
// ids increasing. The same seed, n, from and to give the same complaints.
func Population(seed int64, n int, from, to time.Time) []Complaint {
	if n <= 0 {
		return nil
	}
	g := newGenerator(seed, n, from.Unix(), to.Unix())
	out := make([]Complaint, n)
	var l life
	for i := range n {
		g.make(i, &l)
		out[i] = l.complaint()
	}
	return out
}

// Cut returns the export rows as seen at asOf: only complaints submitted by asOf, timestamps
// after asOf blank, status and last activity as of asOf. With window > 0 only complaints whose
// last activity is within window before asOf are included (an admin's "recent activity" export);
// 0 includes all.
func Cut(pop []Complaint, asOf time.Time, window time.Duration) []Row {
	at := asOf.Unix()
	from := at - int64(window/time.Second)
	var rows []Row
	var sb []byte
	for i := range pop {
		l := pop[i].life()
		if l.sub > at {
			continue
		}
		if window > 0 && l.lastActivity(at) < from {
			continue
		}
		var r Row
		sb = l.row(at, &r, sb)
		rows = append(rows, r)
	}
	return rows
}
