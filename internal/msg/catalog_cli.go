package msg

// The command line: overview, command summaries (cmd_NAME), help texts (help_NAME), flags
// (flag_NAME or flag_COMMAND_NAME) and the commands' own messages.
func init() { add(cliTexts) }

var cliTexts = map[string]text{
	"bad_lang":        {"--lang harus id atau en, bukan %q", "--lang must be id or en, got %q"},
	"unknown_command": {"perintah %q tidak dikenal", "unknown command %q"},
	"did_you_mean":    {"Maksud Anda: rapor %s ?", "Did you mean: rapor %s ?"},
	"see_help":        {"\"rapor help\" menampilkan daftar perintah.", "\"rapor help\" lists the commands."},
	"usage_word":      {"Pemakaian:", "Usage:"},
	"flags_word":      {"Opsi:", "Flags:"},
	"default_word":    {"bawaan", "default"},
	"usage_head": {`rapor mengolah ekspor pengaduan SP4N-LAPOR! menjadi angka akuntabilitas per SKPD.

Pemakaian:
  rapor [--db BERKAS] [--config BERKAS] [--lang id|en] PERINTAH [ARGUMEN]

Perintah:
`, `rapor turns SP4N-LAPOR! complaint exports into per-SKPD accountability numbers.

Usage:
  rapor [--db PATH] [--config PATH] [--lang id|en] COMMAND [ARGS]

Commands:
`},
	"usage_globals": {`
Opsi umum (sebelum atau sesudah perintah):
  --db BERKAS      berkas basis data (bawaan ./rapor.duckdb)
  --config BERKAS  berkas konfigurasi (bawaan ./rapor.yaml bila ada)
  --lang id|en     bahasa pesan dan laporan
  -v               log terperinci

"rapor PERINTAH -h" menampilkan opsi sebuah perintah. Kode keluar: 0 berhasil, 1 gagal, 2 salah pemakaian.
`, `
Global flags (before or after the command):
  --db PATH       database file (default ./rapor.duckdb)
  --config PATH   configuration (default ./rapor.yaml if present)
  --lang id|en    language of messages and reports
  -v              verbose logs

"rapor COMMAND -h" shows a command's flags. Exit codes: 0 ok, 1 failure, 2 usage.
`},

	"flag_undefined": {"opsi --%s tidak ada (lihat daftar opsi di atas)", "there is no flag --%s (see the flags above)"},
	"flag_needs_arg": {"opsi --%s memerlukan nilai", "flag --%s needs a value"},
	"flag_invalid":   {"nilai %q tidak sah untuk opsi --%s", "%q is not a valid value for --%s"},

	// Global flags.
	"flag_db":     {"berkas basis data", "database file"},
	"flag_config": {"berkas konfigurasi (bawaan ./rapor.yaml bila ada)", "configuration file (default ./rapor.yaml if present)"},
	"flag_lang":   {"bahasa pesan dan laporan: id atau en (bawaan: lang di konfigurasi, selain itu id)", "language of messages and reports: id or en (default: config lang, else id)"},
	"flag_v":      {"log terperinci", "verbose logs"},
	"flag_wait": {"berapa lama menunggu proses rapor lain melepas basis data (mis. 30s, 30m)",
		"how long to wait for another rapor process to release the database (e.g. 30s, 30m)"},
	"flag_regency": {"kabupaten/kota ekspor ini (bawaan: regency di konfigurasi); berkas yang menyebut pemerintahnya (Laporan Ringkas) dicatat di bawah pemerintah itu",
		"regency of these exports (default: config regency); a file that names its government (Laporan Ringkas) is filed under that one"},
	"flag_observed_at": {"kapan ekspor potret (Laporan Ringkas) tanpa Tanggal Generate diunduh: 2025-11-14 (sepanjang hari itu) atau 2025-11-14 08:00, dalam source_timezone (bawaan: waktu ubah berkas)",
		"when snapshot exports (Laporan Ringkas) without a Tanggal Generate were downloaded: 2025-11-14 (that whole day) or 2025-11-14 08:00, in source_timezone (default: the file's modification time)"},
	"flag_out_dir": {"direktori berkas laporan", "directory for the report files"},

	// Command summaries.
	"cmd_bench":      {"mengukur waktu ingest, build dan laporan atas sejuta pengaduan buatan", "time ingest, build and reports on a million generated complaints"},
	"cmd_build":      {"menghitung tabel rapor dari pengaduan yang sudah dimuat", "compute the scorecard tables from the ingested complaints"},
	"cmd_config":     {"menampilkan konfigurasi yang berlaku (termasuk nilai bawaan)", "print the effective configuration (defaults included)"},
	"cmd_demo":       {"menjalankan seluruh proses atas data contoh bawaan", "run the whole job on built-in sample data"},
	"cmd_export":     {"mengekspor tabel sebagai danau Parquet untuk Spark, Trino atau MotherDuck", "export the tables as a Parquet lake for Spark, Trino or MotherDuck"},
	"cmd_gen":        {"membuat ekspor LAPOR! sintetis yang realistis (tata letak A)", "generate a realistic synthetic LAPOR! export (layout A)"},
	"cmd_ingest":     {"memuat ekspor pengaduan (CSV, XLSX, JSON) ke basis data", "load complaint exports (CSV, XLSX, JSON) into the database"},
	"cmd_population": {"memuat jumlah penduduk per kecamatan (untuk pengaduan per 10.000 penduduk)", "load inhabitants per kecamatan (for complaints per 10,000)"},
	"cmd_query":      {"menjalankan kueri bernama (rapor query menampilkan daftarnya)", "run a named query (rapor query lists them)"},
	"cmd_report":     {"menulis rapor bulanan (HTML, XLSX) atau perbandingan antarperiode", "write the monthly scorecard (HTML, XLSX) or the comparison across periods"},
	"cmd_run":        {"pekerjaan bulanan: kotak masuk -> ingest -> build -> laporan", "the monthly batch job: inbox -> ingest -> build -> reports"},
	"cmd_sql":        {"ajukan pertanyaan sendiri dalam SQL (hanya-baca, terlindung)", "ask your own questions in SQL (read-only sandbox)"},
	"cmd_version":    {"menampilkan versi", "print the version"},

	// rapor.yaml.
	"cfg_time_zone":      {"zona waktu %q tidak dikenal (pakai nama IANA seperti Asia/Makassar)", "unknown time zone %q (use an IANA name such as Asia/Makassar)"},
	"cfg_empty":          {"tidak boleh kosong", "must not be empty"},
	"cfg_memory":         {"%q bukan ukuran memori (mis. 1536MB atau 2GB)", "%q is not a memory size (e.g. 1536MB or 2GB)"},
	"cfg_level":          {"harus agency atau parent, bukan %q", "must be agency or parent, got %q"},
	"cfg_parent_self":    {"tidak boleh instansi itu sendiri (%q)", "must not be the agency itself (%q)"},
	"cfg_share":          {"harus di atas 0 dan paling besar 1 (bagian: 0.10 = 10 poin), bukan %v", "must be above 0 and at most 1 (a share: 0.10 = 10 points), got %v"},
	"cfg_above_zero":     {"harus di atas 0, bukan %v", "must be above 0, got %v"},
	"cfg_min_history":    {"harus antara 3 dan warnings.history_months (%d), bukan %d", "must be between 3 and warnings.history_months (%d), got %d"},
	"cfg_at_least":       {"harus %v atau lebih, bukan %v", "must be %v or more, got %v"},
	"cfg_unit":           {"harus calendar atau working, bukan %q", "must be calendar or working, got %q"},
	"cfg_no_weight":      {"paling sedikit satu bobot harus di atas 0", "at least one weight must be above 0"},
	"cfg_hijau":          {"harus antara 0 dan 100, bukan %v", "must be between 0 and 100, got %v"},
	"cfg_kuning":         {"harus antara 0 dan zones.hijau (%v), bukan %v", "must be between 0 and zones.hijau (%v), got %v"},
	"cfg_alias":          {"%q juga nama atau alias dari %q", "%q is also a name or alias of %q"},
	"cfg_needs_holidays": {"memerlukan holidays_file", "needs holidays_file"},
	"cfg_lang":           {"harus id atau en, bukan %q", "must be id or en, got %q"},
	"cfg_date":           {"harus tanggal bertulis YYYY-MM-DD, bukan %q", "must be a date written YYYY-MM-DD, got %q"},
	"cfg_not_future":     {"tidak boleh di masa depan, bukan %s", "must not be in the future, got %s"},
	"cfg_line":           {"baris %d", "line %d"},
	"cfg_mapping":        {"seharusnya pemetaan kunci", "expected a mapping of keys"},
	"cfg_unknown_key":    {"kunci %s tidak dikenal (%s)", "unknown key %s (%s)"},
	"cfg_kind":           {"harus %s, bukan %q", "must be %s, got %q"},
	"cfg_kind_int":       {"bilangan bulat", "a whole number"},
	"cfg_kind_number":    {"angka", "a number"},
	"cfg_kind_bool":      {"true atau false", "true or false"},
	"cfg_kind_text":      {"teks", "text"},
	"cfg_list":           {"harus berupa daftar", "must be a list"},
	"cfg_the_file":       {"berkas ini", "the file"},
	"cfg_bad_value":      {"nilai salah: %s", "bad value: %s"},

	// The database file.
	"db_locked": {"proses rapor lain sedang memegang basis data (hanya satu penulis sekaligus); tunggu sampai selesai atau pakai --wait",
		"another rapor process holds the database (only one writer at a time); wait for it to finish or use --wait"},
	"db_io":         {"berkas basis data tidak bisa dibaca atau ditulis", "cannot read or write the database file"},
	"db_not_duckdb": {"bukan berkas basis data DuckDB (--db salah?)", "not a DuckDB database file (wrong --db?)"},

	// rapor ingest.
	"help_ingest": {`Memuat ekspor pengaduan ke basis data. Tata letak dikenali dari baris header
(XLSX Laporan Ringkas LAPOR! tidak perlu pemetaan: pembukaannya menyebut kabupaten dan saat
unduhnya, --observed-at memberi saat itu bila tidak ada);
--mapping menambah tata letak atau ejaan header (YAML, lihat docs/mapping.md). Setiap berkas
satu transaksi: berkas yang gagal tidak mengubah apa pun. Berkas yang sudah pernah dimuat (isi
sama) dilewati.`, `Reads complaint exports into the database. The layout is recognised from the header row
(LAPOR!'s Laporan Ringkas XLSX needs no mapping: its preamble names the regency and the
download instant, --observed-at gives the instant when it does not);
--mapping adds layouts or header spellings (YAML, see docs/mapping.md). Each file is one
transaction: a file that fails changes nothing. A file already ingested (same content) is skipped.`},
	"flag_mapping": {"berkas pemetaan tata letak (YAML); boleh berulang", "layout mapping file (YAML); repeatable"},
	"flag_workers": {"jumlah pekerja normalisasi (bawaan: satu per inti CPU)", "normalising workers (default: one per core)"},
	"no_files":     {"tidak ada berkas CSV, XLSX atau JSON di %s", "no CSV, XLSX or JSON files in %s"},

	// rapor build.
	"help_build": {`Menghitung ulang setiap tabel rapor (calendar, agency_month, agency_period, regency_month,
regency_period, open_complaints, data_quality, build_info, ...; lihat queries/README.md) dari
pengaduan di basis data, lalu menjalankan uji data. Build adalah satu transaksi: bila satu model
atau uji data gagal, tabel tetap seperti build terakhir yang berhasil, dan kegagalannya dicatat
di build_runs. --test-only hanya menjalankan uji data atas tabel yang ada tanpa membangun ulang.
Basis data harus sudah ada (buat dengan rapor ingest).`, `Recomputes every scorecard table (calendar, agency_month, agency_period, regency_month,
regency_period, open_complaints, data_quality, build_info, ...; see queries/README.md) from the
complaints in the database, then runs the data tests. The build is one transaction: if a model or
a data test fails, the tables stay as the last good build left them, and the failure is logged in
build_runs. --test-only runs the data tests on the current tables without rebuilding.
The database must exist (rapor ingest makes it).`},
	"flag_test_only": {"hanya menjalankan uji data atas tabel yang ada", "only run the data tests on the current tables"},
	"no_database": {"basis data %s belum ada: muat ekspor dulu dengan rapor ingest BERKAS (atau pilih berkas lain dengan --db)",
		"there is no database %s: load exports first with rapor ingest FILE (or name another file with --db)"},

	// rapor report.
	"help_report": {`Menulis rapor bulanan bupati untuk satu kabupaten sebagai rapor-YYYY-MM.html (satu berkas
mandiri: terbuka tanpa internet, tercetak di A4) dan rapor-YYYY-MM.xlsx, dari tabel metrik build
terakhir. Basis data dibuka hanya-baca. Laporan dalam Bahasa Indonesia kecuali --lang en.
Tanpa --month: bulan lalu, tetapi tidak lewat dari bulan batas data (rapor menyebut bulannya).
Bila basis data memuat beberapa kabupaten, --regency wajib (pesan galatnya menyebut daftarnya).
Dengan --agency NAMA yang ditulis adalah rapor satu halaman SKPD itu (skor, zona dan peringkatnya
di antara SKPD lain, tren, komposisi status dan daftar pengaduannya yang lewat tenggat).
Dengan --level parent tabel dan daftar dibaca per instansi induk (UPT dijumlahkan ke Dinas-nya,
dihitung ulang dari pengaduannya), ditulis ke rapor-YYYY-MM-induk.html dan .xlsx.
"rapor report compare" menulis perbandingan antarbulan, antartriwulan atau antartahun.`, `Writes the bupati's monthly scorecard of one regency as rapor-YYYY-MM.html (one self-contained
file: opens offline, prints on A4) and rapor-YYYY-MM.xlsx, from the metric tables of the last
rapor build. The database is opened read-only. Reports are in Bahasa Indonesia unless --lang en.
Without --month: last month, but not later than the data's cut-off month (rapor says which).
Where the database holds several regencies, --regency is required (the error lists them).
With --agency NAME it writes that SKPD's one-page rapor instead (its score, zone and rank among
its peers, trend, status mix and its own overdue complaints). With --level parent the tables and
lists are read per parent unit (UPTs summed into their Dinas, recomputed from their complaints),
written to rapor-YYYY-MM-induk.html and .xlsx. "rapor report compare" writes the comparison
across months, quarters or years.`},
	"flag_report_month":   {"bulan laporan, YYYY-MM (bawaan: bulan lengkap terakhir, lihat di atas)", "the month, YYYY-MM (default: the last complete month, see above)"},
	"flag_report_regency": {"kabupaten/kota (wajib bila basis data memuat beberapa)", "regency (required when the database holds several)"},
	"report_default_month": {"rapor report: tanpa --month, melaporkan %s (bulan lengkap terakhir; data sampai %s)",
		"rapor report: no --month, reporting %s (the last complete month; data as of %s)"},
	"report_default_partial": {"rapor report: tanpa --month, melaporkan %s, bulan terakhir data (belum lengkap: data sampai %s)",
		"rapor report: no --month, reporting %s, the data's last month (not complete: data as of %s)"},
	"bad_month":  {"%s harus YYYY-MM, bukan %q", "%s must be YYYY-MM, got %q"},
	"not_built":  {"tabel metrik belum ada: jalankan rapor build sesudah rapor ingest", "the metric tables are missing: run rapor build after rapor ingest"},
	"no_regency": {"tidak ada kabupaten %q di basis data; yang ada: %s", "no regency %q in the database; it holds: %s"},
	"which_regency": {"basis data memuat beberapa kabupaten (%s): pilih satu dengan --regency, mis. --regency %q",
		"the database holds several regencies (%s): choose one with --regency, e.g. --regency %q"},
	"help_report_compare": {`Menulis perbandingan untuk Ombudsman rapor-banding-DARI-SAMPAI.html dan .xlsx: skor dan zona
setiap SKPD berdampingan sepanjang bulan (atau triwulan) dari --from sampai --to, dengan
pergerakan zonanya; bila basis data memuat beberapa kabupaten, setiap kabupaten (atau hanya
--regency) dan jumlah kabupaten berdampingan. Basis data dibuka hanya-baca.`, `Writes the Ombudsman comparison rapor-banding-FROM-TO.html and .xlsx: every agency's score and
zone side by side across the months (or the quarters) from --from to --to, with its zone
movement; where the database holds several regencies, every regency (or only --regency) and the
regencies' totals side by side. The database is opened read-only.`},
	"flag_from":   {"bulan pertama, YYYY-MM (wajib)", "first month, YYYY-MM (required)"},
	"flag_to":     {"bulan terakhir, YYYY-MM (wajib)", "last month, YYYY-MM (required)"},
	"flag_period": {"month (bulan), quarter (triwulan) atau year (tahun, tampilan tahunan Ombudsman)", "month, quarter or year (the Ombudsman's yearly view)"},
	"flag_agency": {"tulis rapor satu halaman SKPD ini saja (rapor-YYYY-MM-<skpd>.html); nama dicocokkan seperti di mana pun: daftar induk, alias, huruf besar-kecil diabaikan",
		"write the one-page rapor of this SKPD instead (rapor-YYYY-MM-<skpd>.html); names match as everywhere: master list, aliases, case"},
	"flag_compare_regency": {"hanya kabupaten ini", "only this regency"},
	"flag_level": {"tingkat unit: agency (SKPD, bawaan) atau parent (instansi induk: UPT dijumlahkan ke Dinas-nya, dihitung ulang dari pengaduannya; berkas rapor-...-induk.html)",
		"the units' level: agency (SKPD, default) or parent (parent units: UPTs summed into their Dinas, recomputed from their complaints; files rapor-...-induk.html)"},
	"bad_level": {"--level harus agency atau parent, bukan %q", "--level must be agency or parent, got %q"},

	// rapor run.
	"help_run": {`Pekerjaan bulanan, untuk cron atau timer systemd. Memuat setiap berkas yang menunggu di
--inbox (masing-masing dalam transaksinya sendiri) lalu memindahkannya ke inbox/processed/ atau,
dengan alasannya di berkas .alasan.txt di sebelahnya, ke inbox/failed/; membangun ulang tabel
metrik; menulis rapor bulan itu (HTML dan XLSX) dan perbandingan 6 bulan ke --out; dan mencatat
pekerjaan di tabel job_runs. Aman dijalankan ulang. Selama proses rapor lain memegang basis
data, ia menunggu paling lama --wait, lalu gagal dengan pesan yang jelas. Kode keluar 1 bila
ada yang gagal, dan 3 bila semuanya berhasil tetapi build memunculkan peringatan dini baru
(tabel warnings, new = true).

Bulan bawaan: bulan sebelum hari ini, tetapi tidak lewat dari bulan batas data.`, `The monthly job, for cron or a systemd timer. Ingests every file waiting in --inbox (each in
its own transaction), moving it to inbox/processed/ or, with the reason in a .alasan.txt file
beside it, to inbox/failed/; rebuilds the metric tables; writes the month's scorecard (HTML and
XLSX) and the 6-month comparison into --out; and records the run in the table job_runs.
Safe to run again. While another rapor process holds the database it waits up to --wait,
then fails with a clear message. The exit code is 1 if anything failed, and 3 if all went well
and the build raised new early warnings (table warnings, new = true).

The month defaults to the month before today, but not later than the data's cut-off month.`},
	"flag_inbox":       {"direktori tempat ekspor datang", "directory where exports arrive"},
	"flag_run_month":   {"bulan laporan, YYYY-MM (bawaan: lihat di atas)", "month to report, YYYY-MM (default: see above)"},
	"flag_run_out":     {"direktori laporan", "directory for the reports"},
	"job_new_warnings": {"%d peringatan dini baru: rapor query warnings (kode keluar %d)", "%d new early warning(s): rapor query warnings (exit status %d)"},
	"job_done": {"pekerjaan %d: %d berkas (%d baru, %d sudah pernah), build %d, %d laporan",
		"job %d: %d files (%d new, %d seen before), build %d, %d reports"},
	"job_failed":        {"pekerjaan %d gagal: %v", "job %d failed: %v"},
	"job_inbox":         {"kotak masuk: %v", "inbox: %v"},
	"job_interrupted":   {"dihentikan: %v", "interrupted: %v"},
	"job_file_failed":   {"%s: %v", "%s: %v"},
	"job_cannot_move":   {"%s: tidak bisa dipindah ke %s: %v", "%s: cannot move to %s: %v"},
	"job_moved":         {"%s -> %s", "%s -> %s"},
	"job_step":          {"%s: %v", "%s: %v"},
	"step_build":        {"build metrik", "metrics build"},
	"step_report":       {"laporan %s", "report %s"},
	"job_built":         {"build %d: data sampai %s", "build %d: data as of %s"},
	"comparison_failed": {"perbandingan: %v", "comparison: %v"},
	"pages_failed":      {"halaman SKPD: %v", "SKPD pages: %v"},

	// rapor demo.
	"help_demo": {`Membuat 26 unduhan mingguan Laporan Ringkas LAPOR! (XLSX, Mei - November 2025) dari satu
riwayat Kabupaten Hulu Sungai Utara sintetis, seperti yang dimiliki kabupaten sungguhan, memuatnya ke DIR/rapor-demo.duckdb,
membangun tabel metrik, menulis rapor Oktober 2025 (rapor-2025-10.html, .xlsx) dan perbandingan
enam bulan terakhirnya ke DIR, dan menceritakan apa yang dikerjakan. Tanpa --keep basis data
demo dibuat baru; rapor.duckdb Anda sendiri tidak pernah disentuh kecuali dengan --db.`, `Generates 26 weekly downloads of LAPOR!'s Laporan Ringkas (XLSX, May - November 2025) of one
synthetic history of Kabupaten Hulu Sungai Utara, as a real regency has them, ingests them into DIR/rapor-demo.duckdb, builds the metric
tables, writes the October 2025 scorecard (rapor-2025-10.html, .xlsx) and the comparison of its
last six months into DIR, and prints what it did. Without --keep the demo database is made anew;
your own rapor.duckdb is never touched unless you pass --db.`},
	"flag_demo_dir":  {"direktori contoh ekspor, basis data dan laporan", "directory for the sample exports, database and reports"},
	"flag_demo_rows": {"jumlah pengaduan dalam riwayat kabupaten contoh", "complaints in the sample regency's history"},
	"flag_keep": {"pakai lagi basis data demo sebelumnya (memuat ulang menunjukkan idempotensi)",
		"keep the demo database of an earlier run (re-ingest shows idempotence)"},
	"demo_gen":      {"1. Membuat %d unduhan mingguan Laporan Ringkas LAPOR! (Kab. Hulu Sungai Utara, %d pengaduan) di %s", "1. Generating %d weekly LAPOR! Laporan Ringkas downloads (Hulu Sungai Utara, %d complaints) in %s"},
	"demo_ingest":   {"2. Memuat ekspor ke %s", "2. Ingesting the exports into %s"},
	"demo_ingested": {"   %s pengaduan terkini dari %s versi; %s catatan penolakan (tabel rejects)", "   %s current complaints from %s versions; %s reject notes (table rejects)"},
	"demo_build":    {"3. Menghitung tabel metrik (rapor build)", "3. Computing the metric tables (rapor build)"},
	"demo_built":    {"   build %d: data sampai %s, %d tabel, %d uji data lolos", "   build %d: data as of %s, %d tables, %d data tests passed"},
	"demo_report":   {"4. Menulis rapor %s dan perbandingan 6 bulan (rapor report)", "4. Writing the %s scorecard and the 6-month comparison (rapor report)"},
	"demo_pages":    {"   %d halaman SKPD (HTML dan XLSX) di %s", "   %d SKPD pages (HTML and XLSX) in %s"},
	"demo_open":     {"Buka %s di peramban (tanpa internet pun bisa) atau %s di Excel.", "Open %s in a browser (no internet needed) or %s in Excel."},

	// rapor gen.
	"help_gen": {`Menulis ekspor admin SP4N-LAPOR! sintetis (tata letak A) untuk Kabupaten Hulu Sungai Utara:
10 kecamatannya, SKPD yang masuk akal dengan ketekunan berbeda, stempel waktu jam kantor,
sebagian pengaduan tidak pernah dijawab. Seed yang sama memberi berkas yang sama.

Dengan --layout ringkas ia menulis ke direktori --out K berkas XLSX potret dari satu riwayat
simulasi, seperti situs admin LAPOR! memberikan "Laporan Ringkas" (tata letak R): setiap berkas
adalah keadaan setiap pengaduan yang sudah masuk pada saat potret itu, dengan status LAPOR! v3
dan tanpa waktu kejadian selain waktu pengajuan. Di sebelahnya ada kebenarannya (.truth.csv:
setiap waktu kejadian sebenarnya per Tracking ID, RFC 3339) dan daftar potretnya
(.truth-snapshots.csv); ingest melewati keduanya (berkas bertitik).`, `Writes a synthetic SP4N-LAPOR! admin export (layout A) for Kabupaten Hulu Sungai Utara:
its 10 kecamatan, plausible SKPD of different diligence, office-hour timestamps, some
complaints never answered. The same seed gives the same file.

With --layout ringkas it writes, into the directory --out, K snapshot XLSX files of one
simulated history as the LAPOR! admin site gives "Laporan Ringkas" (layout R): each file is
the state of every complaint submitted so far at that snapshot's instant, with LAPOR! v3's
statuses and no event time but the submission's. Beside them go the truth (.truth.csv: every
true event instant per Tracking ID, RFC 3339) and the list of snapshots
(.truth-snapshots.csv); ingest skips both (dot-files).`},
	"flag_gen_layout":     {"a (ekspor admin lengkap) atau ringkas (potret Laporan Ringkas)", "a (full admin export) or ringkas (Laporan Ringkas snapshots)"},
	"flag_gen_rows":       {"jumlah pengaduan (ringkas: dalam seluruh riwayat)", "number of complaints (ringkas: in the whole history)"},
	"flag_gen_out":        {"berkas keluaran (tata letak a) atau direktori (ringkas) (wajib)", "output file (layout a) or directory (ringkas) (required)"},
	"flag_gen_format":     {"csv atau xlsx (bawaan: dari akhiran --out, selain itu csv; tata letak a)", "csv or xlsx (default: from the --out extension, else csv; layout a)"},
	"flag_seed":           {"seed acak", "random seed"},
	"flag_as_of":          {"tanggal batas YYYY-MM-DD (bawaan 2025-10-31): ekspor menunjukkan setiap pengaduan per tanggal itu (tata letak a)", "cut-off date YYYY-MM-DD (default 2025-10-31): the export shows each complaint as of then (layout a)"},
	"flag_months":         {"jumlah bulan pengaduan sebelum tanggal batas (ringkas: sebelum potret pertama)", "months of submissions before the cut-off (ringkas: before the first snapshot)"},
	"flag_noise":          {"tambahkan kekacauan dunia nyata (spasi, huruf besar, bentuk tanggal) pada sekitar 3% baris (tata letak a)", "add real-world mess (spaces, case, date forms) to about 3% of rows (layout a)"},
	"flag_bad_rows":       {"jumlah baris tidak sah yang ditanam (untuk menguji rejects; tata letak a)", "number of invalid rows to plant (for testing rejects; layout a)"},
	"flag_excel_dates":    {"XLSX: tulis stempel waktu sebagai sel tanggal Excel (tata letak a)", "XLSX: write timestamps as Excel date cells (layout a)"},
	"flag_snapshots":      {"ringkas: jumlah berkas potret", "ringkas: number of snapshot files"},
	"flag_every":          {"ringkas: selang antarpotret (7d, 1d, 12h, ...)", "ringkas: time between snapshots (7d, 1d, 12h, ...)"},
	"flag_start":          {"ringkas: tanggal YYYY-MM-DD potret pertama (bawaan 2025-01-06)", "ringkas: date YYYY-MM-DD of the first snapshot (default 2025-01-06)"},
	"flag_gen_regency":    {"ringkas: kabupaten/kota (\"Hulu Sungai Utara\", \"Kota X\")", "ringkas: the regency (\"Hulu Sungai Utara\", \"Kota X\")"},
	"flag_variant":        {"ringkas: paksakan satu varian kolom (17, 20 atau 26); bawaannya berganti sepanjang seri", "ringkas: force one column variant (17, 20 or 26); default switches through the series"},
	"flag_unknown_status": {"ringkas: satu baris potret terakhir mendapat status yang tidak dikenal tabel mana pun", "ringkas: one row of the last snapshot gets a status no table knows"},
	"flag_truth":          {"ringkas: berkas CSV kebenaran (bawaan DIR/.truth.csv)", "ringkas: truth CSV path (default DIR/.truth.csv)"},
	"gen_bad_format":      {"--format harus csv atau xlsx, bukan %q", "--format must be csv or xlsx, got %q"},
	"gen_bad_as_of":       {"--as-of harus YYYY-MM-DD, bukan %q", "--as-of must be YYYY-MM-DD, got %q"},
	"gen_bad_every":       {"%q bukan selang seperti 7d, 1d atau 12h (dan harus positif)", "%q is not a time between snapshots like 7d, 1d or 12h (and must be positive)"},
	"gen_bad_start":       {"--start harus YYYY-MM-DD, bukan %q", "--start must be YYYY-MM-DD, got %q"},
	"gen_bad_snapshots":   {"--snapshots paling sedikit 1 dan --variant 17, 20 atau 26", "--snapshots must be at least 1 and --variant 17, 20 or 26"},
	"gen_bad_layout":      {"--layout harus a atau ringkas, bukan %q", "--layout must be a or ringkas, got %q"},
	"gen_done":            {"%s: %s baris (%s, seed %d)", "%s: %s rows (%s, seed %d)"},
	"gen_ringkas_done":    {"%s: %d potret Laporan Ringkas, %s baris, %s pengaduan (seed %d); kebenaran di %s", "%s: %d Laporan Ringkas snapshots, %s rows, %s complaints (seed %d); truth %s"},

	// rapor population.
	"help_population": {`Memuat jumlah penduduk per wilayah (kecamatan) ke tabel area_population, menggantikan angka
kabupaten itu sebelumnya. CSV-nya memiliki kolom kecamatan dan penduduk (atau area dan
population), dan boleh juga tahun (year) dan sumber (source). Kueri bernama per-capita
memakainya. Angka sensus 2020 Hulu Sungai Utara ada di queries/data/populasi-hsu-sp2020.csv.`, `Loads inhabitants per area (kecamatan) into the table area_population, replacing the regency's
earlier figures. The CSV has the columns kecamatan and penduduk (or area and population), and
optionally tahun (year) and sumber (source). The named query per-capita uses it. The 2020
census figures of Hulu Sungai Utara are in queries/data/populasi-hsu-sp2020.csv.`},
	"flag_population_regency": {"kabupaten/kota wilayah ini (bawaan: regency di konfigurasi)", "regency of these areas (default: config regency)"},
	"population_done":         {"%s: %d wilayah %s, %s penduduk", "%s: %d areas of %s, %s inhabitants"},

	// rapor export.
	"help_export": {`Menulis setiap tabel sebagai Parquet di bawah DIR, dipartisi ala Hive: complaints dan
complaint_versions per regency=/year=/month= (bulan lokal pengajuan), tabel metrik berkolom month
per regency=/year=/month=, tabel lain sebagai DIR/<tabel>/data_0.parquet. DIR/_rapor_export.json
menjelaskan ekspornya. Lihat docs/scale-out.md untuk membaca danau ini dengan Spark, Trino atau
MotherDuck.

DIR harus baru atau kosong; --overwrite mengganti ekspor sebelumnya (tidak pernah berkas lain).`, `Writes every table as Parquet under DIR, Hive-partitioned: complaints and complaint_versions by
regency=/year=/month= (local month of submission), metric tables with a month column by
regency=/year=/month=, every other table as DIR/<table>/data_0.parquet. DIR/_rapor_export.json
describes the export. See docs/scale-out.md for reading the lake with Spark, Trino or MotherDuck.

DIR must be new or empty; --overwrite replaces a previous export (never other files).`},
	"flag_parquet":   {"direktori tujuan danau Parquet", "directory to write the Parquet lake to"},
	"flag_overwrite": {"ganti ekspor sebelumnya di DIR", "replace a previous export in DIR"},

	// rapor config.
	"help_config": {`Menampilkan konfigurasi yang berlaku sebagai YAML: rapor.yaml (atau --config) di atas nilai
bawaan spesifikasi, sesudah divalidasi. Alihkan ke berkas untuk memulai rapor.yaml Anda sendiri.`, `Prints the configuration in force as YAML: rapor.yaml (or --config) over the defaults of the spec,
after validation. Redirect it to a file to start a rapor.yaml of your own.`},
	"config_defaults": {"# konfigurasi yang berlaku: nilai bawaan (rapor.yaml tidak ditemukan)", "# effective configuration: defaults (no rapor.yaml found)"},
	"config_file":     {"# konfigurasi yang berlaku: %s di atas nilai bawaan", "# effective configuration: %s over the defaults"},

	// rapor version.
	"help_version": {"Menampilkan versi rapor, versi Go dan versi DuckDB yang dibundel.", "Prints rapor's version, the Go version and the bundled DuckDB version."},

	// rapor bench.
	"help_bench": {`Mengukur apakah rapor cukup cepat untuk data Anda, di mesin ini. Membuat ekspor tata letak A
sebanyak --rows pengaduan lalu mengukur: (a) pembaca CSV DuckDB sendiri (read_csv semua kolom
teks) atas berkas yang sama, sebagai patokan mesin ini; (b) rapor ingest berkas itu, build metrik
dan rapor satu bulan; (c) bila ada python3 dengan pandas, perhitungan agency_month yang lugas
dengan pandas dari CSV yang sama; ingest XLSX sebanyak --xlsx-rows baris; lalu --snapshots unduhan
mingguan Laporan Ringkas (XLSX) dari satu riwayat --snapshot-rows pengaduan, build-nya, dan ukuran
basis data dibanding satu potret. Menampilkan median dari --reps kali jalan, baris per detik dan
puncak memori tiap langkah. Butuh beberapa menit dan beberapa GB ruang disk di --dir.`, `Measures whether rapor is fast enough for your data, on this machine. Generates a layout-A export
of --rows complaints and times: (a) DuckDB's own CSV reader (read_csv, all columns as text) on the
same file, as this machine's yardstick; (b) rapor ingest of the file, the metrics build and one
month's scorecard; (c) when a python3 with pandas is found, a straightforward pandas computation
of the agency_month table from the same CSV; the ingest of an --xlsx-rows XLSX; then --snapshots
weekly Laporan Ringkas downloads (XLSX) of one history of --snapshot-rows complaints, their build,
and the database's size against one snapshot's. Prints the median of --reps runs, rows per second
and the peak memory of each step. Takes a few minutes and a few GB of disk in --dir.`},
	"flag_bench_rows":      {"baris CSV", "rows of the CSV"},
	"flag_xlsx_rows":       {"baris XLSX (0: lewati)", "rows of the XLSX (0: skip)"},
	"flag_reps":            {"berapa kali tiap langkah diukur (mediannya dilaporkan)", "repetitions of each timed step (median reported)"},
	"flag_bench_dir":       {"direktori kerja (berkas buatan dan basis data)", "working directory (generated files and databases)"},
	"flag_pandas":          {"bandingkan dengan pandas (agency_month.py) bila python3 punya pandas", "compare with pandas (agency_month.py) when python3 has pandas"},
	"flag_bench_snapshots": {"jumlah potret mingguan Laporan Ringkas dari satu riwayat yang dimuat dan di-build (0: lewati)", "weekly Laporan Ringkas snapshots of one history to ingest and build (0: skip)"},
	"flag_snapshot_rows":   {"jumlah pengaduan dalam riwayat itu", "complaints in that history"},
	"bench_files":          {"berkas ada di %s (hapus bila sudah selesai)", "files in %s (delete when done)"},

	// rapor sql and rapor query (for their flags and messages).
	"unknown_format": {"--format %q tidak dikenal (pakai %s)", "unknown --format %q (use %s)"},
	"query_needs_param": {"kueri %s memerlukan --param %s=NILAI (%s: %s)",
		"query %s needs --param %s=VALUE (%s: %s)"},
	// rapor sql and rapor query, and their result flags (shared).
	"help_sql": {`Menjalankan SQL atas basis data, hanya-baca dan terlindung: hanya kueri yang dijalankan
(SELECT, WITH, FROM, DESCRIBE, SHOW, SUMMARIZE, PIVOT, EXPLAIN, CALL fungsi tabel yang membaca);
menulis, berkas lain, ATTACH, ekstensi, pengaturan dan fungsi yang mengubah sesi ditolak. Beberapa
pernyataan (dipisah ;) dijalankan berurutan dan setiap hasilnya ditampilkan, dalam bentuk kotak
DuckDB (atau --format psql, csv, json). Tanpa SQL, di terminal: prompt interaktif (.help); selain
itu SQL dibaca dari masukan standar. Waktu ditampilkan dalam zona waktu konfigurasi.

--out BERKAS menulis hasilnya: ekstensinya menentukan format (.csv, .json, .xlsx, .parquet, .txt),
--format hanya bila ekstensi tidak menyebutnya; CSV memberi ' di depan teks yang akan dijalankan
spreadsheet sebagai rumus (--raw tidak). Sebuah pernyataan dihentikan setelah --timeout dan pada
--memory-limit.

Contoh:
  rapor sql "SELECT agency, count(*) FROM complaints GROUP BY ALL ORDER BY 2 DESC"
  rapor sql -f pertanyaan.sql --out jawaban.xlsx
  rapor sql --out complaints.parquet "FROM complaints"`, `Runs SQL on the database, read-only and sandboxed: only queries run (SELECT, WITH, FROM,
DESCRIBE, SHOW, SUMMARIZE, PIVOT, EXPLAIN, CALL of table functions that read); writing, other
files, ATTACH, extensions, settings and functions that change the session are refused. Several
statements (separated by ;) run in order and each result is printed, in DuckDB's box look (or
--format psql, csv, json). With no SQL, on a terminal: an interactive prompt (.help); otherwise
SQL is read from standard input. Timestamps are shown in the configured time zone.

--out FILE writes the results: the extension says the format (.csv, .json, .xlsx, .parquet,
.txt), --format only where it names none; CSV puts a ' before text a spreadsheet would run as
a formula (--raw does not). A statement stops after --timeout and at --memory-limit.

Examples:
  rapor sql "SELECT agency, count(*) FROM complaints GROUP BY ALL ORDER BY 2 DESC"
  rapor sql -f questions.sql --out answers.xlsx
  rapor sql --out complaints.parquet "FROM complaints"`},
	"help_query": {`Menjalankan salah satu kueri bernama di queries/*.sql dalam sandbox hanya-baca rapor sql,
dengan parameternya diikat (tidak pernah disisipkan ke dalam SQL). Tanpa NAMA, menampilkan daftar
kueri dan parameternya. Format keluaran seperti rapor sql.

Contoh:
  rapor query
  rapor query overdue --param "agency=Dinas Kesehatan"
  rapor query movers --param month=2025-10 --format xlsx --out movers.xlsx`, `Runs one of the named queries in queries/*.sql in the read-only sandbox of rapor sql, with
its parameters bound (never pasted into the SQL). Without a NAME it lists the queries and
their parameters. Output formats as rapor sql.

Examples:
  rapor query
  rapor query overdue --param "agency=Dinas Kesehatan"
  rapor query movers --param month=2025-10 --format xlsx --out movers.xlsx`},
	"flag_sql_file":       {"baca SQL dari berkas ini", "read SQL from this file"},
	"flag_sql_max_width":  {"lebar kolom tabel paling besar, dalam karakter (0: tanpa batas)", "widest table column in characters (0: no limit)"},
	"flag_sql_no_pager":   {"jangan tampilkan keluaran tabel lewat $PAGER", "do not page table output through $PAGER"},
	"flag_query_param":    {"NAMA=NILAI untuk satu parameter kueri; boleh diulang", "NAME=VALUE for a parameter of the query; repeatable"},
	"flag_result_format":  {"format keluaran: table, psql, csv, json, xlsx, parquet (table: kotak DuckDB, psql: teks rata); dengan --out, ekstensi berkas yang menentukan", "output format: table, psql, csv, json, xlsx, parquet (table: DuckDB's box, psql: aligned text); with --out, the file's extension decides"},
	"flag_result_out":     {"tulis hasil ke berkas ini (.csv, .json, .xlsx, .parquet, .txt)", "write results to this file (.csv, .json, .xlsx, .parquet, .txt)"},
	"flag_result_raw":     {"CSV: tulis teks persis seperti tersimpan (tanpa ' di depan teks yang diawali = + - @, yang akan dijalankan spreadsheet sebagai rumus)", "CSV: write text exactly as stored (no ' before text starting with = + - @, which spreadsheets would run as formulas)"},
	"flag_result_wait":    {"berapa lama menunggu selama proses rapor lain menulis basis data", "how long to wait while another rapor process writes the database"},
	"flag_result_timeout": {"hentikan pernyataan yang berjalan lebih lama (0: tanpa batas)", "stop a statement that runs longer (0: no limit)"},
	"flag_result_memory":  {"memori paling banyak untuk satu kueri (memory_limit DuckDB, mis. 500MB, 4GB)", "most memory a query may use (DuckDB's memory_limit, e.g. 500MB, 4GB)"},
}
