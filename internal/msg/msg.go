// Package msg is rapor's one message catalogue: every sentence a user reads (messages, help,
// report labels, reject reasons) in Bahasa Indonesia and English side by side, and the
// language's way of writing numbers and dates. Code, identifiers and logs stay in English.
//
// A Lang renders: lang.T(key, args...), lang.Number(n), lang.Month(t). The process-wide
// SetLang/T remain for callers not yet handed a Lang.
package msg

import (
	"fmt"
	"sort"
	"sync/atomic"
)

// Lang is a message language: ID (Bahasa Indonesia, the default) or EN.
type Lang string

const (
	ID Lang = "id"
	EN Lang = "en"
)

// ParseLang reads a language code ("" is the default, ID).
func ParseLang(s string) (Lang, error) {
	switch s {
	case "", "id":
		return ID, nil
	case "en":
		return EN, nil
	}
	return ID, fmt.Errorf("%s", ID.T("bad_lang", s))
}

// Of returns the language of code, ID for anything but "en" (configuration was validated).
func Of(code string) Lang {
	if code == "en" {
		return EN
	}
	return ID
}

var current atomic.Value

func init() { current.Store(ID) }

// SetLang sets the process-wide language of messages.
func SetLang(l Lang) { current.Store(Of(string(l))) }

// Current returns the process-wide language.
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
	"bad_flags":            {"tipe laporan %q bukan Anonim, Rahasia atau Anonim|Rahasia; dianggap rahasia (teks tidak disimpan), baris tetap dimuat", "report type %q is not Anonim, Rahasia or Anonim|Rahasia; treated as confidential (no text kept), row kept"},
	"implausible_date":     {"tanggal %q di luar rentang yang masuk akal (plausible_dates)", "date %q is outside the plausible range (plausible_dates)"},
	"bad_flag":             {"%q bukan Ya/Tidak; nilai dikosongkan, baris tetap dimuat", "%q is not yes/no; value left empty, row kept"},

	// Ingest outcomes.
	"summary":                   {"%s: %s baris, %s diterima, %s ditolak, %s nilai dibuang%s", "%s: %s rows, %s accepted, %s rejected, %s values dropped%s"},
	"see_rejects":               {" (lihat tabel rejects)", " (see rejects)"},
	"already":                   {"%s: sudah pernah dimuat (run %d, %s); tidak ada yang berubah", "%s: already ingested (run %d, %s); nothing changed"},
	"unknown_layout":            {"%s: tata letak tidak dikenali. Header yang terbaca: %s. Tambahkan pemetaan kolom dengan --mapping FILE.yaml (lihat docs/mapping.md)", "%s: unknown layout. Headers seen: %s. Add a column mapping with --mapping FILE.yaml (see docs/mapping.md)"},
	"not_table":                 {"%s: bukan berkas tabel yang bisa dibaca (%s); tidak ada yang dimuat", "%s: not a readable table (%s); nothing loaded"},
	"empty_file":                {"berkas kosong", "the file is empty"},
	"nul_byte":                  {"berisi byte NUL di baris %d: data biner atau berkas rusak, bukan teks CSV", "it holds a NUL byte on line %d: binary data or a damaged file, not CSV text"},
	"utf16_no_bom":              {"tampaknya UTF-16 tanpa penanda urutan byte: simpan sebagai CSV UTF-8", "it looks like UTF-16 without a byte order mark: save it as CSV UTF-8"},
	"old_xls":                   {"format .xls lama tidak didukung; simpan ulang sebagai .xlsx atau CSV", "the old .xls format is not supported; save it as .xlsx or CSV"},
	"unsupported_type":          {"jenis berkas %q tidak didukung (CSV, XLSX atau JSON)", "file type %q is not supported (CSV, XLSX or JSON)"},
	"no_header":                 {"tidak ada baris header", "no header row"},
	"observed_generated_future": {"Tanggal Generate berkas ini, %s, ada setelah waktu komputer ini (%s): build menolak unduhan dari masa depan sampai jam itu lewat. Jam komputer ini keliru?", "the file's Tanggal Generate, %s, is after this computer's time (%s): a build refuses downloads from the future until then. Is this computer's clock wrong?"},
	"observed_mtime_future":     {"waktu unduh tidak tertulis di berkas (Tanggal Generate) dan --observed-at tidak diberikan; waktu ubah berkas %s ada di masa depan (jam komputer keliru?), jadi dipakai waktu muat %s", "the export's instant is not in the file (Tanggal Generate) and --observed-at was not given; the file's modification time %s is in the future (a wrong clock?), so the time of loading %s is used"},
	"observed_mtime":            {"waktu unduh tidak tertulis di berkas (Tanggal Generate) dan --observed-at tidak diberikan; dipakai waktu ubah berkas %s", "the export's instant is not in the file (Tanggal Generate) and --observed-at was not given; the file's modification time %s is used"},
	"xlsx_damaged":              {"lembar %q rusak atau terpotong di baris %d: %s", "sheet %q is damaged or cut off at row %d: %s"},
	"failed":                    {"%s: gagal, tidak ada yang berubah: %v", "%s: failed, nothing changed: %v"},
	"generated_unreadable":      {"Tanggal Generate %q di pembuka berkas tidak dikenali sebagai tanggal", "the preamble's Tanggal Generate %q is not a readable date"},
	"bad_observed_at":           {"--observed-at %q: tulis tanggal (2025-11-14: sepanjang hari itu) atau tanggal dan jam (2025-11-14 08:00)", "--observed-at %q: give a date (2025-11-14: that whole day) or a date and time (2025-11-14 08:00)"},
	"regency_other":             {"berkas ini milik %s (dari %s), bukan %s dari konfigurasi: dimuat sebagai %q", "this file is %s's (from %s), not the configured %s: filed as %q"},
	"unknown_statuses":          {"status tidak dikenal (baris tetap dimuat, status unknown): %s. Petakan dalam berkas pemetaan (--mapping), mis. layouts: [{name: ..., extends: %s, statuses: {%q: closed}}] (lihat docs/mapping.md)", "unknown statuses (rows kept, status unknown): %s. Map them in a mapping file (--mapping), e.g. layouts: [{name: ..., extends: %s, statuses: {%q: closed}}] (see docs/mapping.md)"},
	"and_more":                  {"dan %d lainnya", "and %d more"},
	"empty_value":               {"(kosong)", "(empty)"},

	// rapor sql: statements the analyst sandbox refuses (what, and why).
	"sql_refused_write": {
		"ditolak: %s mengubah basis data. rapor sql membuka basis data hanya-baca supaya analisis tidak dapat mengubah angka resmi; yang dijalankan hanya pertanyaan (SELECT, WITH, FROM, DESCRIBE, SHOW, SUMMARIZE, PIVOT, EXPLAIN). Hasil dapat disimpan dengan --format dan --out",
		"refused: %s changes the database. rapor sql opens the database read-only so that analysis cannot change the official figures; only queries run (SELECT, WITH, FROM, DESCRIBE, SHOW, SUMMARIZE, PIVOT, EXPLAIN). Save a result with --format and --out"},
	"sql_refused_file": {
		"ditolak: %s — kueri tidak boleh membaca atau menulis berkas di luar basis data. Akses berkas dimatikan supaya kueri tidak dapat membaca berkas lain di komputer ini atau menimpanya; untuk menyimpan hasil pakai --format csv|json|xlsx|parquet --out BERKAS",
		"refused: %s — a query may not read or write files outside the database. File access is off so that a query cannot read other files on this computer or overwrite them; to save a result use --format csv|json|xlsx|parquet --out FILE"},
	"sql_file": {"berkas %s", "file %s"},
	"sql_refused_attach": {
		"ditolak: %s membuka basis data lain. Hanya basis data rapor ini yang dapat ditanya, supaya kueri tidak menjangkau data di luarnya",
		"refused: %s opens another database. Only this rapor database can be queried, so that a query cannot reach data outside it"},
	"sql_refused_extension": {
		"ditolak: %s memasang atau memuat ekstensi DuckDB. Ekstensi dapat membuka berkas dan jaringan, jadi dimatikan supaya kueri tetap di dalam basis data ini; parquet, json dan icu (zona waktu) sudah tersedia",
		"refused: %s installs or loads a DuckDB extension. Extensions can open files and the network, so they are off, so that a query stays inside this database; parquet, json and icu (time zones) are already built in"},
	"sql_refused_setting": {
		"ditolak: %s mengubah pengaturan. Pengaturan DuckDB dikunci (SET, RESET, PRAGMA) supaya batasan ini tidak dapat dilepas; zona waktu sudah %s. Untuk melihat kolom tabel pakai DESCRIBE nama_tabel atau .schema nama_tabel",
		"refused: %s changes a setting. DuckDB's settings are locked (SET, RESET, PRAGMA) so that these limits cannot be lifted; the time zone is already %s. To see a table's columns use DESCRIBE table_name or .schema table_name"},
	"sql_refused_multi": {
		"ditolak: teks ini berisi lebih dari satu perintah (%s ...); hanya satu perintah yang diperiksa dan dijalankan sekaligus. Pisahkan perintah dengan titik koma",
		"refused: this text holds more than one statement (%s ...); only one statement is checked and run at a time. Separate statements with semicolons"},
	"sql_refused_other": {
		"ditolak: perintah %s tidak tersedia di rapor sql; yang dijalankan hanya pertanyaan (SELECT, WITH, FROM, DESCRIBE, SHOW, SUMMARIZE, PIVOT, EXPLAIN) atas basis data yang dibuka hanya-baca",
		"refused: %s is not available in rapor sql; only queries run (SELECT, WITH, FROM, DESCRIBE, SHOW, SUMMARIZE, PIVOT, EXPLAIN), on a database opened read-only"},
	"sql_refused_function": {
		"ditolak: fungsi %s tidak tersedia di rapor sql. Fungsi ini mengubah sesi (log, profil, checkpoint), menjalankan teks SQL yang tidak dapat diperiksa, atau belum dikenal sandbox; hanya fungsi yang membaca basis data ini dan pembangkit baris (range, unnest, duckdb_tables() ...) yang dijalankan, supaya tidak ada kueri yang mengubah apa yang dilihat kueri berikutnya",
		"refused: the function %s is not available in rapor sql. It changes the session (logging, profiling, checkpoints), runs SQL text that cannot be checked, or is unknown to the sandbox; only functions that read this database and row generators (range, unnest, duckdb_tables() ...) run, so that no query can change what later queries see"},
	"sql_pivot_in_transaction": {
		"PIVOT tanpa daftar nilai (IN (...)) tidak dapat dijalankan di dalam transaksi (BEGIN); akhiri dengan COMMIT dulu, atau sebutkan nilainya: PIVOT t ON kolom IN ('a', 'b') ...",
		"a PIVOT without a list of values (IN (...)) cannot run inside a transaction (BEGIN); end it with COMMIT first, or list the values: PIVOT t ON column IN ('a', 'b') ..."},
	"sql_timeout": {
		"dihentikan: perintah berjalan lebih lama dari batas %s. Persempit kuerinya (WHERE, LIMIT, hindari CROSS JOIN besar) atau naikkan batasnya dengan --timeout (0 = tanpa batas)",
		"stopped: the statement ran longer than the limit of %s. Narrow the query (WHERE, LIMIT, no large CROSS JOIN) or raise the limit with --timeout (0 = no limit)"},
	"sql_memory": {
		"dihentikan: kueri memerlukan lebih banyak memori daripada batas %s. Persempit kuerinya (WHERE, LIMIT, kolom yang diperlukan saja) atau naikkan batasnya dengan --memory-limit",
		"stopped: the query needs more memory than the limit of %s. Narrow the query (WHERE, LIMIT, only the columns needed) or raise the limit with --memory-limit"},
	"sql_unknown_format": {"--format %q tidak dikenal (pilih %s)", "unknown --format %q (use %s)"},
	"sql_out_conflict": {
		"--format %s bertentangan dengan --out %s (berkas itu %s); samakan keduanya atau hilangkan --format",
		"--format %s contradicts --out %s (that file is %s); make them agree or drop --format"},
	"sql_out_unknown_ext": {
		"--out %s: dari ekstensinya tidak jelas formatnya (%s); sebutkan dengan --format",
		"--out %s: its extension names no format (%s); say which with --format"},
	"sql_out_xls": {
		"--out %s: format .xls lama tidak ditulis; pakai .xlsx",
		"--out %s: the old .xls format is not written; use .xlsx"},
	"sql_out_is_input": {
		"--out %s adalah %s yang dibaca sesi ini; hasil tidak boleh menimpanya. Pilih nama berkas lain",
		"--out %s is %s, which this session reads; a result may not overwrite it. Choose another file name"},
	"sql_input_db":  {"basis data", "the database"},
	"sql_input_wal": {"log tulis (WAL) basis data", "the database's write-ahead log"},
	"sql_input_sql": {"berkas SQL", "the SQL file"},
	"sql_box_rows":  {"%s baris", "%s rows"},
	"sql_box_row":   {"1 baris", "1 row"},
	"query_needs": {
		"kueri %s membaca tabel %s, yang belum terisi: jalankan %s dulu",
		"query %s reads the table %s, which is not filled yet: run %s first"},
	"query_agency_unknown": {
		"tidak ada SKPD bernama %q di basis data ini (nama, alias daftar induk dan ejaan di ekspor; huruf besar-kecil dan spasi diabaikan). Mungkin maksudnya: %s",
		"no SKPD named %q in this database (names, master-list aliases and spellings in the exports; case and spaces ignored). Did you mean: %s"},
	"query_agency_none": {
		"tidak ada SKPD bernama %q di basis data ini, dan tidak ada nama yang mirip. Daftarnya: rapor sql \"SELECT DISTINCT agency FROM agency_names ORDER BY 1\"",
		"no SKPD named %q in this database, nor any name close to it. The list: rapor sql \"SELECT DISTINCT agency FROM agency_names ORDER BY 1\""},
	"sql_rows":         {"(%s baris)", "(%s rows)"},
	"sql_row":          {"(1 baris)", "(1 row)"},
	"sql_sheet":        {"Hasil", "Result"},
	"sql_no_statement": {"tidak ada perintah SQL untuk dijalankan", "no SQL statement to run"},
	"sql_no_result":    {"tidak ada hasil untuk ditulis (perintahnya tidak menghasilkan tabel)", "no result to write (the statements return no table)"},
	"sql_sql_and_file": {"berikan SQL sebagai argumen atau dengan -f BERKAS, tidak keduanya", "give the SQL as an argument or with -f FILE, not both"},
	"query_param_form": {"--param %q: tulis NAMA=NILAI", "--param %q: want NAME=VALUE"},
	"sql_needs_out":    {"format %s adalah berkas biner: sebutkan berkasnya dengan --out BERKAS", "format %s is a binary file: name it with --out FILE"},
	"sql_written":      {"%s: %s baris ditulis", "%s: %s rows written"},
	"sql_interactive_out": {
		"mode interaktif menampilkan hasil di layar (table, csv, json); untuk --out atau xlsx/parquet berikan SQL sebagai argumen, dengan -f BERKAS atau lewat stdin",
		"the interactive prompt shows results on screen (table, csv, json); for --out or xlsx/parquet give the SQL as an argument, with -f FILE or on stdin"},
	"sql_greeting": {
		"rapor sql: %s (hanya-baca, zona waktu %s). Akhiri perintah dengan ; — .help untuk bantuan, .quit untuk keluar.",
		"rapor sql: %s (read-only, time zone %s). End statements with ; — .help for help, .quit to leave."},
	"sql_cancelled":   {"perintah dibatalkan", "statement cancelled"},
	"sql_no_history":  {"%s: tidak ada di riwayat (.history menampilkan nomornya)", "%s: not in the history (.history shows the numbers)"},
	"sql_no_table":    {"tidak ada tabel atau view bernama %q (.tables menampilkan daftarnya)", "no table or view named %q (.tables lists them)"},
	"sql_unknown_dot": {"perintah %s tidak dikenal; .help menampilkan perintah yang ada", "unknown command %s; .help lists the commands"},
	"sql_help": {`Perintah SQL diakhiri titik koma (;) dan boleh lebih dari satu baris.
Hanya pertanyaan yang dijalankan: SELECT, WITH, FROM, DESCRIBE, SHOW, SUMMARIZE, PIVOT, EXPLAIN.
Basis data dibuka hanya-baca; berkas lain, ATTACH, ekstensi dan pengaturan tidak dapat diakses.

  .tables         daftar tabel dan view
  .schema [NAMA]  kolom tabel NAMA (atau semua tabel)
  .history        perintah yang sudah dijalankan, bernomor
  !N              jalankan lagi perintah nomor N dari riwayat
  .help           bantuan ini
  .quit           keluar (atau Ctrl-D)

Ctrl-C membatalkan perintah yang sedang berjalan. Untuk menyimpan hasil ke berkas:
  rapor sql --format xlsx --out hasil.xlsx "SELECT ..."`,
		`SQL statements end with a semicolon (;) and may span lines.
Only queries run: SELECT, WITH, FROM, DESCRIBE, SHOW, SUMMARIZE, PIVOT, EXPLAIN.
The database is opened read-only; other files, ATTACH, extensions and settings are off limits.

  .tables         list tables and views
  .schema [NAME]  columns of table NAME (or of every table)
  .history        statements run so far, numbered
  !N              run statement N of the history again
  .help           this help
  .quit           leave (or Ctrl-D)

Ctrl-C cancels the running statement. To save a result to a file:
  rapor sql --format xlsx --out result.xlsx "SELECT ..."`},
	// Build (rapor build).
	"build_done":                  {"build %d: data per %s (%s), %d model, %d uji data lolos, %.2f detik", "build %d: data as of %s (%s), %d models, %d data tests passed, %.2f s"},
	"build_snapshots_after_clock": {"build %d gagal, tabel tidak berubah: %d ekspor Laporan Ringkas diunduh setelah waktu build ini (%s), menurut waktu unduh yang dicatat saat ingest: %s. Jam komputer ini (atau komputer asal berkas) keliru? Perbaiki jamnya, lalu build lagi", "build %d failed, the tables are unchanged: %d Laporan Ringkas export(s) were downloaded after this build's time (%s), by the download time recorded at ingest: %s. Is this computer's clock (or that of the computer the files came from) wrong? Set it right and build again"},
	"build_failed":                {"build %d gagal; tabel tetap seperti build terakhir yang berhasil: %v", "build %d failed; the tables are as the last good build left them: %v"},
	"build_tests":                 {"%d uji data lolos, %d dilewati (perlu tabel antara dari build)", "%d data tests passed, %d skipped (they need a build's intermediate tables)"},
	"no_complaints":               {"belum ada laporan di basis data: jalankan rapor ingest dulu", "no complaints in the database: run rapor ingest first"},
	"table_rows":                  {"  %-16s %s baris", "  %-16s %s rows"},
}

// T renders a message in the process-wide language.
func T(key string, args ...any) string { return Current().T(key, args...) }

// TL renders a message in language l.
func TL(l Lang, key string, args ...any) string { return l.T(key, args...) }

// T renders the message key in l with args (fmt verbs). An unknown key renders as the key and
// its arguments, so that a missing text shows instead of vanishing; tests keep it from happening.
func (l Lang) T(key string, args ...any) string {
	t, ok := catalog[key]
	if !ok {
		return fmt.Sprint(append([]any{key}, args...)...)
	}
	f := t.id
	if l == EN {
		f = t.en
	}
	if len(args) == 0 {
		return f
	}
	return fmt.Sprintf(f, args...)
}

// Error is a message as an error, rendered in the language of whoever prints it.
type Error struct {
	Key  string
	Args []any
}

func (e *Error) Error() string { return T(e.Key, e.Args...) }

// In renders the error in l.
func (e *Error) In(l Lang) string { return l.T(e.Key, e.Args...) }

// Errorf returns the message key as an error.
func Errorf(key string, args ...any) error { return &Error{Key: key, Args: args} }

// Thousands writes n with the process-wide language's thousands separator.
func Thousands(n int64) string { return Current().Number(n) }

// Number writes n with language l's thousands separator (1.234.567 or 1,234,567).
func Number(l Lang, n int64) string { return l.Number(n) }

// Has reports whether key is in the catalog (tests check every code used has a text).
func Has(key string) bool { _, ok := catalog[key]; return ok }

// Keys lists the catalogue's keys in order (for tests).
func Keys() []string {
	keys := make([]string, 0, len(catalog))
	for k := range catalog {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// Texts returns both languages' text of key, unformatted (for tests).
func Texts(key string) (id, en string, ok bool) {
	t, ok := catalog[key]
	return t.id, t.en, ok
}

// add merges a part of the catalogue; a key declared twice is a programming error.
func add(part map[string]text) {
	for k, v := range part {
		if _, dup := catalog[k]; dup {
			panic("msg: key declared twice: " + k)
		}
		catalog[k] = v
	}
}
