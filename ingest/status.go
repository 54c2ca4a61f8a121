package ingest

import "strings"

// Normalised statuses.
const (
	StatusUnverified   = "unverified"
	StatusVerified     = "verified"
	StatusDisposed     = "disposed"
	StatusInProgress   = "in_progress"
	StatusClosed       = "closed"
	StatusPostponed    = "postponed"
	StatusNotAuthority = "not_authority"
	StatusArchived     = "archived"
	StatusUnknown      = "unknown"
)

// statusNames maps LAPOR!'s status spellings (folded) to normalised statuses.
var statusNames = map[string]string{
	"belum terverifikasi":                StatusUnverified,
	"belum":                              StatusUnverified,
	"terverifikasi":                      StatusVerified,
	"belum ditindaklanjuti":              StatusDisposed,
	"terdisposisi belum ditindaklanjuti": StatusDisposed,
	"disposisi":                          StatusDisposed,
	"didisposisikan":                     StatusDisposed,
	"proses":                             StatusInProgress,
	"sedang diproses":                    StatusInProgress,
	"terdisposisi sedang diproses":       StatusInProgress,
	"ditindaklanjuti":                    StatusInProgress,
	"selesai":                            StatusClosed,
	"terdisposisi selesai":               StatusClosed,
	"selesai ditindaklanjuti":            StatusClosed,
	"tertunda":                           StatusPostponed,
	"tunda":                              StatusPostponed,
	"bukan wewenang":                     StatusNotAuthority,
	"diarsipkan":                         StatusArchived,
	"arsip":                              StatusArchived,
	"ditolak":                            StatusArchived,
	// LAPOR! v3 (layout R); status_by and status_detail keep what these add (v3Details).
	"menunggu kelengkapan informasi": StatusPostponed,
	"ditanggapi oleh pelapor":        StatusInProgress,
	"ditutup oleh sistem":            StatusClosed,
	"ditutup oleh admin":             StatusClosed,
	"ditutup oleh pelapor":           StatusClosed,
	"diarsipkan oleh admin":          StatusArchived,
	"diarsipkan oleh sistem":         StatusArchived,
	"diarsipkan oleh pelapor":        StatusArchived,
	"konten terblokir":               StatusArchived,
}

// statusKey is how statuses are matched: case and surrounding (and repeated inner) spaces ignored.
func statusKey(s string) string {
	return strings.ToLower(strings.Join(strings.Fields(s), " "))
}

// NormaliseStatus maps a raw status; extra holds a layout's own spellings (keys folded by statusKey).
func NormaliseStatus(raw string, extra map[string]string) string {
	k := statusKey(raw)
	if v, ok := extra[k]; ok {
		return v
	}
	if v, ok := statusNames[k]; ok {
		return v
	}
	return StatusUnknown
}

// IsStatus reports whether s is one of the normalised statuses.
func IsStatus(s string) bool {
	for _, v := range statusNames {
		if v == s {
			return true
		}
	}
	return s == StatusUnknown
}

// v3Details gives, for LAPOR! v3's own status spellings (folded), who closed or archived the
// report and the finer state behind the normalised status (complaint_versions.status_by and
// status_detail). The normalised status itself comes from statusNames.
var v3Details = map[string][2]string{
	"menunggu kelengkapan informasi": {"", "waiting_info"},
	"ditanggapi oleh pelapor":        {"", "reporter_answered"},
	"ditutup oleh sistem":            {"system", ""},
	"ditutup oleh admin":             {"admin", ""},
	"ditutup oleh pelapor":           {"reporter", ""},
	"diarsipkan oleh admin":          {"admin", ""},
	"diarsipkan oleh sistem":         {"system", ""},
	"diarsipkan oleh pelapor":        {"reporter", ""},
	"konten terblokir":               {"admin", "blocked"},
}

// StatusDetail returns who closed or archived a report (system, admin, reporter) and the v3
// state behind its status (waiting_info, reporter_answered, blocked), empty where the spelling
// tells neither.
func StatusDetail(raw string) (by, detail string) {
	d := v3Details[statusKey(raw)]
	return d[0], d[1]
}

// IsExpiredReason reports whether an archive reason says the report reached its expiry
// ("Laporan diarsipkan karena sudah mencapai batas kadaluarsa pengaduan."): nobody handled it.
func IsExpiredReason(reason string) bool {
	r := strings.ToLower(reason)
	return strings.Contains(r, "kadaluarsa") || strings.Contains(r, "kedaluwarsa") || strings.Contains(r, "kadaluwarsa") || strings.Contains(r, "expired")
}
