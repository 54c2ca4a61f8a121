// Package msg holds the user-facing sentences of rapor in Bahasa Indonesia and English.
// Code, identifiers and logs stay in English; what a data steward reads comes from here.
package msg

import (
	"fmt"
	"sync/atomic"
)

// Lang is a message language.
type Lang string

const (
	ID Lang = "id"
	EN Lang = "en"
)

var current atomic.Value

func init() { current.Store(ID) }

// SetLang sets the process-wide language of messages.
func SetLang(l Lang) {
	if l != EN {
		l = ID
	}
	current.Store(l)
}

// Current returns the language in use.
func Current() Lang { return current.Load().(Lang) }

type text struct{ id, en string }

var catalog = map[string]text{
	// Reject reasons (stored with their code in rejects.reason_code).
	"missing_tracking_id":  {"nomor tracking kosong", "tracking id is empty"},
	"missing_submitted_at": {"tanggal laporan kosong", "submission time is empty"},
	"bad_timestamp":        {"waktu %q tidak dikenali", "timestamp %q is not in any accepted form"},
	"column_count":         {"baris berisi %d kolom, header %d kolom", "row has %d columns, the header %d"},
	"bad_rating":           {"rating %q bukan angka 1 sampai 5; nilai dikosongkan, baris tetap dimuat", "rating %q is not a number from 1 to 5; value left empty, row kept"},
	"csv_quote":            {"tanda kutip tidak seimbang (baris %d, kolom %d); baris tidak bisa dipisah menjadi sel", "unbalanced quote (line %d, column %d); the row cannot be split into cells"},
	"csv_truncated":        {"berkas terpotong: sel bertanda kutip yang dimulai di baris %d tidak pernah ditutup", "the file is cut off: the quoted cell starting on line %d never closes"},
	"bad_flag":             {"%q bukan Ya/Tidak; nilai dikosongkan, baris tetap dimuat", "%q is not yes/no; value left empty, row kept"},

	// Ingest outcomes.
	"summary":          {"%s: %s baris, %s diterima, %s ditolak%s", "%s: %s rows, %s accepted, %s rejected%s"},
	"see_rejects":      {" (lihat tabel rejects)", " (see rejects)"},
	"already":          {"%s: sudah pernah dimuat (run %d, %s); tidak ada yang berubah", "%s: already ingested (run %d, %s); nothing changed"},
	"unknown_layout":   {"%s: tata letak tidak dikenali. Header yang terbaca: %s. Tambahkan pemetaan kolom dengan --mapping FILE.yaml (lihat docs/mapping.md)", "%s: unknown layout. Headers seen: %s. Add a column mapping with --mapping FILE.yaml (see docs/mapping.md)"},
	"not_table":        {"%s: bukan berkas tabel yang bisa dibaca (%s); tidak ada yang dimuat", "%s: not a readable table (%s); nothing loaded"},
	"empty_file":       {"berkas kosong", "the file is empty"},
	"binary_file":      {"berisi data biner, bukan teks CSV", "it holds binary data, not CSV text"},
	"old_xls":          {"format .xls lama tidak didukung; simpan ulang sebagai .xlsx atau CSV", "the old .xls format is not supported; save it as .xlsx or CSV"},
	"unsupported_type": {"jenis berkas %q tidak didukung (CSV, XLSX atau JSON)", "file type %q is not supported (CSV, XLSX or JSON)"},
	"no_header":        {"tidak ada baris header", "no header row"},
	"failed":           {"%s: gagal, tidak ada yang berubah: %v", "%s: failed, nothing changed: %v"},

	// Build (rapor build).
	"build_done":    {"build %d: data per %s (%s), %d model, %d uji data lolos, %.2f detik", "build %d: data as of %s (%s), %d models, %d data tests passed, %.2f s"},
	"build_failed":  {"build %d gagal; tabel tetap seperti build terakhir yang berhasil: %v", "build %d failed; the tables are as the last good build left them: %v"},
	"build_tests":   {"%d uji data lolos, %d dilewati (perlu tabel antara dari build)", "%d data tests passed, %d skipped (they need a build's intermediate tables)"},
	"no_complaints": {"belum ada laporan di basis data: jalankan rapor ingest dulu", "no complaints in the database: run rapor ingest first"},
	"table_rows":    {"  %-16s %s baris", "  %-16s %s rows"},
}

// T renders a message in the current language.
func T(key string, args ...any) string { return TL(Current(), key, args...) }

// TL renders a message in language l.
func TL(l Lang, key string, args ...any) string {
	t, ok := catalog[key]
	if !ok {
		return fmt.Sprint(append([]any{key}, args...)...)
	}
	f := t.id
	if l == EN {
		f = t.en
	}
	return fmt.Sprintf(f, args...)
}

// Has reports whether key is in the catalog (tests check every code used has a text).
func Has(key string) bool { _, ok := catalog[key]; return ok }
