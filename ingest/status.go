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
