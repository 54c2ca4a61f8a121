package reports

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
)

// lang is a report language: Bahasa Indonesia (default) or English.
type lang struct {
	code string // id | en
}

func newLang(code string) lang {
	if code == "en" {
		return lang{"en"}
	}
	return lang{"id"}
}

// t returns the text of key in the language; a missing key is a programming error (tests check
// that every key has both languages).
func (l lang) t(key string) string {
	tx, ok := texts[key]
	if !ok {
		panic("reports: no text for " + key)
	}
	if l.code == "en" {
		return tx[1]
	}
	return tx[0]
}

// tf formats the text of key.
func (l lang) tf(key string, args ...any) string { return fmt.Sprintf(l.t(key), args...) }

var monthsID = [...]string{"Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember"}
var monthsIDShort = [...]string{"Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des"}
var weekdaysID = [...]string{"Minggu", "Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu"}

// month renders "Oktober 2025" / "October 2025".
func (l lang) month(t time.Time) string {
	if l.code == "en" {
		return t.Format("January 2006")
	}
	return monthsID[t.Month()-1] + " " + strconv.Itoa(t.Year())
}

// monthShort renders "Okt 2025" / "Oct 2025".
func (l lang) monthShort(t time.Time) string {
	if l.code == "en" {
		return t.Format("Jan 2006")
	}
	return monthsIDShort[t.Month()-1] + " " + strconv.Itoa(t.Year())
}

// monthAxis renders "Okt 25" for chart axes.
func (l lang) monthAxis(t time.Time) string {
	if l.code == "en" {
		return t.Format("Jan 06")
	}
	return monthsIDShort[t.Month()-1] + " " + t.Format("06")
}

// date renders "31 Oktober 2025" / "31 October 2025".
func (l lang) date(t time.Time) string {
	if l.code == "en" {
		return t.Format("2 January 2006")
	}
	return strconv.Itoa(t.Day()) + " " + monthsID[t.Month()-1] + " " + strconv.Itoa(t.Year())
}

// dateShort renders "31 Okt 2025".
func (l lang) dateShort(t time.Time) string {
	if l.code == "en" {
		return t.Format("2 Jan 2006")
	}
	return strconv.Itoa(t.Day()) + " " + monthsIDShort[t.Month()-1] + " " + strconv.Itoa(t.Year())
}

func (l lang) weekday(t time.Time) string {
	if l.code == "en" {
		return t.Weekday().String()
	}
	return weekdaysID[t.Weekday()]
}

// dateTime renders "31 Oktober 2025 22.04 WITA" / "31 October 2025 22:04 WITA".
func (l lang) dateTime(t time.Time) string {
	zone, _ := t.Zone()
	if l.code == "en" {
		return l.date(t) + " " + t.Format("15:04") + " " + zone
	}
	return l.date(t) + " " + t.Format("15.04") + " " + zone
}

// separators: thousands and decimal.
func (l lang) seps() (string, string) {
	if l.code == "en" {
		return ",", "."
	}
	return ".", ","
}

// int renders 1234567 as "1.234.567" / "1,234,567".
func (l lang) int(n int64) string {
	th, _ := l.seps()
	s := strconv.FormatInt(n, 10)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteString(th)
		}
		b.WriteRune(c)
	}
	if neg {
		return "−" + b.String()
	}
	return b.String()
}

// num renders x with the given decimals.
func (l lang) num(x float64, decimals int) string {
	th, dec := l.seps()
	x = roundTo(x, decimals)
	s := strconv.FormatFloat(math.Abs(x), 'f', decimals, 64)
	ip, fp, _ := strings.Cut(s, ".")
	n, _ := strconv.ParseInt(ip, 10, 64)
	out := l.int(n)
	_ = th
	if decimals > 0 {
		out += dec + fp
	}
	if x < 0 {
		out = "−" + out
	}
	return out
}

func roundTo(x float64, decimals int) float64 {
	p := math.Pow(10, float64(decimals))
	return math.Round(x*p) / p
}

// dash is what a NULL shows.
const dash = "–"

// pct renders a rate in [0, 1] as "58,7%"; NULL as a dash.
func (l lang) pct(x *float64) string {
	if x == nil {
		return dash
	}
	return l.num(*x*100, 1) + "%"
}

// opt renders an optional number with decimals; NULL as a dash.
func (l lang) opt(x *float64, decimals int) string {
	if x == nil {
		return dash
	}
	return l.num(*x, decimals)
}

// optInt renders an optional count; NULL as a dash.
func (l lang) optInt(x *int64) string {
	if x == nil {
		return dash
	}
	return l.int(*x)
}

// zoneLabel is the zone's name in the language (zones keep their Indonesian names, the
// Ombudsman's terms, with the colour in English).
func (l lang) zoneLabel(z string) string {
	switch z {
	case "hijau", "kuning", "merah":
		return l.t("zone_" + z)
	}
	return dash
}

// checkLabel explains a data_quality check in the language (the code itself when unknown).
func (l lang) checkLabel(code string) string {
	if kind, reason, ok := strings.Cut(code, ":"); ok {
		r := reason
		if _, known := texts["dq_"+reason]; known {
			r = l.t("dq_" + reason)
		}
		if kind == "rejected" || kind == "value_dropped" {
			return l.tf("dq_"+kind, r)
		}
		return code
	}
	if _, ok := texts["dq_"+code]; ok {
		return l.t("dq_" + code)
	}
	return code
}

// texts holds every sentence of the reports: [Bahasa Indonesia, English].
var texts = map[string][2]string{
	// Titles and head.
	"doc_title":        {"Rapor Pengaduan SP4N-LAPOR!", "SP4N-LAPOR! complaints scorecard"},
	"kicker":           {"Rapor bulanan SKPD · SP4N-LAPOR!", "Monthly SKPD scorecard · SP4N-LAPOR!"},
	"regency_prefix":   {"Kabupaten", "Regency"},
	"as_of":            {"Data sampai", "Data as of"},
	"build":            {"Build", "Build"},
	"generated":        {"Dibuat", "Generated"},
	"incomplete":       {"Bulan ini belum selesai: data hanya sampai %s. Angka bulan ini masih akan berubah.", "This month is not over: the data reaches %s only. This month's figures will still change."},
	"maturing":         {"Kohor bulan ini masih berjalan (batas penyelesaian %d %s belum lewat untuk semua pengaduan): persentase selesai masih akan naik.", "This month's cohort is still maturing (the %d-%s completion limit has not passed for all of its complaints): its completion rates will still rise."},
	"stale":            {"Peringatan: %d berkas dimuat setelah build terakhir; jalankan rapor build agar angka memuatnya.", "Warning: %d file(s) were ingested after the last build; run rapor build so that the figures include them."},
	"days":             {"hari", "days"},
	"day":              {"hari", "day"},
	"wdays":            {"hari kerja", "working days"},
	"wday":             {"hari kerja", "working day"},
	"wd_abbr":          {"HK", "WD"},
	"d_abbr":           {"hr", "d"},
	"vs_prev":          {"dibanding %s", "vs %s"},
	"no_prev":          {"tidak ada bulan sebelumnya", "no previous month"},
	"of":               {"dari", "of"},
	"pp":               {"poin", "pts"},
	"small_mark":       {"sampel kecil: kurang dari %d pengaduan, angka belum stabil", "small sample: fewer than %d complaints, rates are unstable"},
	"maturing_mark":    {"masih berjalan", "still maturing"},
	"not_available":    {"tidak tersedia", "not available"},
	"zone_hijau":       {"hijau", "green"},
	"zone_kuning":      {"kuning", "yellow"},
	"zone_merah":       {"merah", "red"},
	"other":            {"Lainnya", "Others"},
	"blank":            {"(tidak diisi)", "(not filled in)"},
	"others_n":         {"Lainnya (%d SKPD)", "Others (%d SKPD)"},
	"confidential":     {"(rahasia)", "(confidential)"},
	"yes":              {"Ya", "Yes"},
	"no":               {"Tidak", "No"},
	"print":            {"Cetak", "Print"},
	"contents":         {"Isi", "Contents"},
	"page_footer_note": {"Angka dihitung rapor dari ekspor SP4N-LAPOR!; definisi di bagian \"Cara menghitung\".", "Figures computed by rapor from SP4N-LAPOR! exports; definitions under \"How these numbers are computed\"."},

	// KPI tiles.
	"kpi_heading":         {"Ringkasan %s", "Summary, %s"},
	"kpi_submitted":       {"Pengaduan masuk", "Complaints received"},
	"kpi_submitted_sub":   {"%s diteruskan ke SKPD", "%s disposed to an SKPD"},
	"kpi_ontime":          {"Ditindaklanjuti ≤ %d hari kerja", "Followed up within %d working days"},
	"kpi_ontime_sub":      {"%s dari %s pengaduan yang didisposisikan", "%s of %s complaints disposed"},
	"kpi_resolved":        {"Selesai", "Resolved"},
	"kpi_resolved_sub":    {"%s dari %s; %s tepat waktu (≤ %d %s)", "%s of %s; %s on time (≤ %d %s)"},
	"kpi_median":          {"Median waktu tindak lanjut pertama", "Median time to first follow-up"},
	"kpi_median_sub":      {"hari kerja; 90%% dijawab ≤ %s hari kerja", "working days; 90%% answered within %s working days"},
	"kpi_open":            {"Masih terbuka", "Open"},
	"kpi_open_sub":        {"per %s", "at %s"},
	"kpi_overdue":         {"Lewat batas %d %s", "Past the %d-%s limit"},
	"kpi_overdue_sub":     {"%s belum ditindaklanjuti > %d hari kerja", "%s without follow-up after %d working days"},
	"kpi_score":           {"Skor kabupaten, 12 bulan", "Regency score, 12 months"},
	"kpi_score_sub":       {"zona %s; %s saja: %s (zona %s)", "zone %s; %s alone: %s (zone %s)"},
	"prev_window":         {"12 bln s.d. bulan lalu", "12 months to last month"},
	"better":              {"membaik", "better"},
	"worse":               {"memburuk", "worse"},
	"zones_12m":           {"SKPD per zona, 12 bulan terakhir", "SKPD by zone, last 12 months"},
	"highlights":          {"Sorotan", "Highlights"},
	"hl_best":             {"Terbaik 12 bulan: %s (skor %s). Terendah: %s (skor %s).", "Best over 12 months: %s (score %s). Lowest: %s (score %s)."},
	"hl_overdue":          {"Tunggakan terbanyak: %s, %s pengaduan lewat batas (%s%% dari seluruh tunggakan).", "Largest backlog past its limits: %s, %s complaints (%s%% of all)."},
	"hl_up":               {"Naik peringkat terbanyak: %s (▲%d ke peringkat %d).", "Biggest climb: %s (▲%d to rank %d)."},
	"hl_down":             {"Turun peringkat terbanyak: %s (▼%d ke peringkat %d).", "Biggest fall: %s (▼%d to rank %d)."},
	"hl_red":              {"%d SKPD di zona merah selama 12 bulan: %s.", "%d SKPD in the red zone over 12 months: %s."},
	"hl_none_overdue":     {"Tidak ada pengaduan terbuka yang lewat batas layanan per %s.", "No open complaint is past its service level at %s."},
	"hl_unranked":         {"%d SKPD belum diperingkat (kurang dari %d pengaduan).", "%d SKPD not ranked (fewer than %d complaints)."},
	"league_12_heading":   {"Peringkat SKPD, 12 bulan (%s – %s)", "SKPD ranking, 12 months (%s – %s)"},
	"league_12_intro":     {"Peringkat utama: satu bulan di kabupaten kecil hanya berisi sedikit pengaduan per SKPD, jadi rapor mendahulukan 12 bulan terakhir. Perubahan peringkat dibanding jendela 12 bulan yang berakhir sebulan sebelumnya.", "The main ranking: one month of a small regency holds few complaints per SKPD, so the scorecard leads with the last 12 months. Rank movement is against the 12-month window ending one month earlier."},
	"league_1_heading":    {"Peringkat SKPD, %s saja", "SKPD ranking, %s only"},
	"league_1_intro":      {"Pengaduan yang didisposisikan bulan ini. Perubahan peringkat dibanding bulan sebelumnya.", "Complaints disposed this month. Rank movement against the previous month."},
	"col_rank":            {"Per.", "Rank"},
	"col_move":            {"Gerak", "Move"},
	"col_agency":          {"SKPD", "SKPD"},
	"col_score":           {"Skor", "Score"},
	"col_zone":            {"Zona", "Zone"},
	"col_received":        {"Diterima", "Received"},
	"col_ontime":          {"TL ≤ %d HK", "Follow-up ≤ %d WD"},
	"col_resolved":        {"Selesai", "Resolved"},
	"col_resolved_ot":     {"Selesai tepat", "Resolved on time"},
	"col_rating":          {"Rating", "Rating"},
	"col_median":          {"Median TL (HK)", "Median follow-up (WD)"},
	"col_open":            {"Terbuka", "Open"},
	"col_overdue":         {"Lewat batas", "Overdue"},
	"league_note":         {"TL = tindak lanjut pertama; HK = hari kerja. Persentase dihitung dari pengaduan yang diterima SKPD (didisposisikan) dalam periode. Terbuka dan lewat batas: per %s. † = %s; tidak diperingkat. Zona: hijau ≥ %s, kuning ≥ %s, merah di bawahnya.", "Follow-up = first follow-up; WD = working days. Rates are over the complaints disposed to the SKPD in the period. Open and overdue: at %s. † = %s; not ranked. Zones: green ≥ %s, yellow ≥ %s, red below."},
	"no_rows":             {"Tidak ada SKPD yang menerima pengaduan dalam periode ini.", "No SKPD received complaints in this period."},
	"new_entry":           {"baru", "new"},
	"charts_heading":      {"Grafik", "Charts"},
	"ch_trend":            {"Tren bulanan: diterima SKPD, ditindaklanjuti tepat waktu, selesai", "Monthly trend: disposed to SKPD, followed up on time, resolved"},
	"ch_trend_note":       {"Bulan pudar bertanda * masih berjalan: pengaduannya belum semua melewati batas %d %s, angka selesai masih akan naik.", "Faded months marked * are still maturing: not all of their complaints have reached the %d-%s limit, so resolved counts will still rise."},
	"s_received":          {"Diterima SKPD", "Disposed to SKPD"},
	"s_ontime":            {"Ditindaklanjuti ≤ %d HK", "Followed up ≤ %d WD"},
	"s_closed":            {"Selesai", "Resolved"},
	"ch_backlog":          {"Tunggakan per SKPD menurut umur (per %s)", "Open complaints per SKPD by age (at %s)"},
	"ch_backlog_note":     {"Umur dihitung dari tanggal disposisi, dalam %s. Di atas %d %s = lewat batas penyelesaian.", "Age counted from disposition, in %s. Beyond %d %s = past the completion limit."},
	"ch_backlog_none":     {"Tidak ada pengaduan terbuka.", "No open complaints."},
	"bucket_1":            {"≤ %d", "≤ %d"},
	"bucket_2":            {"%d–%d", "%d–%d"},
	"bucket_3":            {"%d–%d (lewat batas)", "%d–%d (overdue)"},
	"bucket_4":            {"> %d (lewat batas)", "> %d (overdue)"},
	"ch_category":         {"Kategori (pengaduan masuk %s)", "Category (complaints received in %s)"},
	"ch_channel":          {"Saluran", "Channel"},
	"ch_area":             {"Kecamatan", "Kecamatan (area)"},
	"ch_response":         {"Waktu sampai tindak lanjut pertama (kohor %s)", "Time to first follow-up (%s cohort)"},
	"ch_response_note":    {"Hari kerja dari disposisi sampai tindak lanjut pertama. Hijau: dalam batas %d hari kerja; merah: terlambat; abu-abu: belum ditindaklanjuti.", "Working days from disposition to the first follow-up. Green: within the %d-working-day limit; red: late; grey: not followed up yet."},
	"ch_response_na":      {"Tidak tersedia: ekspor tanpa kolom tindak lanjut pertama (tata letak data terbuka).", "Not available: the exports have no first-response column (open-data layout)."},
	"ch_none":             {"Tidak ada pengaduan masuk bulan ini.", "No complaints received this month."},
	"unanswered_bar":      {"Belum", "None yet"},
	"complaints":          {"pengaduan", "complaints"},
	"overdue_heading":     {"Daftar tunggakan: pengaduan terbuka yang lewat batas layanan (per %s)", "Accountability list: open complaints past their service level (at %s)"},
	"overdue_intro":       {"Setiap pengaduan yang masih terbuka dan sudah melewati batas tindak lanjut (%d hari kerja sejak disposisi, tanpa tindak lanjut) atau batas penyelesaian (%d %s sejak disposisi). Identitas pelapor tidak pernah ditampilkan; pengaduan rahasia tanpa judul.", "Every complaint still open that is past the follow-up limit (%d working days after disposition without follow-up) or the completion limit (%d %s after disposition). The reporter's identity is never shown; confidential complaints without their title."},
	"overdue_now_note":    {"Daftar ini keadaan terkini, pada batas data %s, bukan akhir %s: pengaduan yang sejak itu selesai sudah tidak tercantum. Angka terbuka dan lewat batas di ringkasan dan peringkat dihitung pada akhir bulan.", "This list is the current state, at the cut-off %s, not at the end of %s: complaints resolved since are no longer on it. The open and overdue counts of the summary and the rankings are taken at the month's end."},
	"overdue_summary":     {"%s pengaduan: %s lewat batas penyelesaian, %s belum ditindaklanjuti lewat %d hari kerja.", "%s complaints: %s past the completion limit, %s without follow-up beyond %d working days."},
	"overdue_none":        {"Tidak ada pengaduan terbuka yang lewat batas layanan.", "No open complaint is past its service level."},
	"overdue_cut":         {"Ditampilkan %s pengaduan tertua per SKPD dari %s; daftar lengkap ada di lembar \"%s\" berkas Excel.", "Showing the oldest %s of %s complaints; the full list is in sheet \"%s\" of the Excel file."},
	"col_tracking":        {"No. Tracking", "Tracking no."},
	"col_category":        {"Kategori", "Category"},
	"col_title":           {"Judul", "Title"},
	"col_disposed":        {"Disposisi", "Disposed"},
	"col_age":             {"Umur (hari)", "Age (days)"},
	"col_over_r":          {"Lewat batas TL (HK)", "Past follow-up limit (WD)"},
	"col_over_c":          {"Lewat batas selesai (%s)", "Past completion limit (%s)"},
	"col_count":           {"Jumlah", "Count"},
	"per_agency":          {"Per SKPD", "By SKPD"},
	"col_over_r_n":        {"Belum TL", "No follow-up"},
	"col_over_c_n":        {"> batas selesai", "> completion limit"},
	"col_oldest":          {"Tertua (hari)", "Oldest (days)"},
	"quality_heading":     {"Kualitas data", "Data quality"},
	"quality_intro":       {"Setiap pemeriksaan rapor dengan jumlahnya; tidak ada pemeriksaan yang diam.", "Every check rapor makes, with its count; no check is silent."},
	"quality_ingest":      {"%s berkas dimuat: %s baris dibaca, %s diterima, %s ditolak (tabel rejects).", "%s files ingested: %s rows read, %s accepted, %s rejected (table rejects)."},
	"col_check":           {"Pemeriksaan", "Check"},
	"col_examples":        {"Contoh", "Examples"},
	"col_meaning":         {"Arti", "Meaning"},
	"not_checked":         {"tidak diperiksa", "not checked"},
	"method_heading":      {"Cara menghitung angka ini", "How these numbers are computed"},
	"config_heading":      {"Konfigurasi yang berlaku (build %d)", "Configuration in force (build %d)"},
	"holidays_heading":    {"Hari libur yang dipakai (%s – %s)", "Holidays used (%s – %s)"},
	"holidays_none":       {"Tidak ada hari libur dalam periode ini.", "No holidays in this period."},
	"holidays_source":     {"Daftar bawaan: libur nasional dan cuti bersama 2015–2027 (SKB 3 Menteri).", "Built-in list: national holidays and joint leave days 2015–2027 (SKB of 3 ministers)."},
	"holidays_file":       {"Ditambah berkas %s.", "Plus file %s."},
	"holidays_only_file":  {"Hanya berkas %s (holidays_replace).", "Only file %s (holidays_replace)."},
	"kind_libur_nasional": {"libur nasional", "national holiday"},
	"kind_cuti_bersama":   {"cuti bersama", "joint leave"},
	"kind_daerah":         {"libur daerah", "regional holiday"},

	// Config table.
	"cfg_timezone":  {"Zona waktu", "Time zone"},
	"cfg_v":         {"Batas verifikasi (V)", "Verification limit (V)"},
	"cfg_r":         {"Batas tindak lanjut pertama (R)", "First follow-up limit (R)"},
	"cfg_c":         {"Batas penyelesaian (C)", "Completion limit (C)"},
	"cfg_weights":   {"Bobot skor", "Score weights"},
	"cfg_weights_v": {"tindak lanjut tepat waktu %s · selesai %s · selesai tepat waktu %s · kepuasan %s", "on-time follow-up %s · resolved %s · resolved on time %s · satisfaction %s"},
	"cfg_zones":     {"Zona", "Zones"},
	"cfg_zones_v":   {"hijau ≥ %s · kuning ≥ %s · merah < %s", "green ≥ %s · yellow ≥ %s · red < %s"},
	"cfg_min":       {"Sampel minimum untuk peringkat", "Minimum sample to be ranked"},
	"cfg_asof":      {"Batas data (as_of)", "Data cut-off (as_of)"},
	"cfg_version":   {"Versi", "Version"},
	"cfg_master":    {"Daftar induk SKPD", "SKPD master list"},
	"cfg_master_v":  {"%d nama", "%d names"},
	"cfg_master_0":  {"tidak diisi (nama ditampilkan menurut ejaan terbanyak)", "empty (names shown by their most frequent spelling)"},

	// Definitions (metrics.md), with the configuration's values filled in.
	"def_time_t":     {"Waktu dan hari kerja", "Time and working days"},
	"def_time":       {"Semua tanggal dan bulan dalam zona waktu %s. Hari kerja: Senin–Jumat yang bukan hari libur (libur nasional, cuti bersama, dan libur daerah bila dikonfigurasi). wd(a, b) = jumlah hari kerja d dengan tanggal(a) < d ≤ tanggal(b): hari yang sama = 0; disposisi Jumat, dijawab Senin = 1.", "All dates and months are in time zone %s. Working day: Monday to Friday, not a holiday (national holidays, joint leave days, and regional days when configured). wd(a, b) = the number of working days d with date(a) < d ≤ date(b): same day = 0; disposed Friday, answered Monday = 1."},
	"def_cohort_t":   {"Kohor SKPD-bulan", "Agency-month cohort"},
	"def_cohort":     {"Pengaduan termasuk SKPD A pada bulan M bila didisposisikan ke A dan tanggal disposisinya jatuh di bulan M. Pengaduan yang belum didisposisikan tidak masuk SKPD mana pun; dihitung di tingkat kabupaten menurut bulan pengaduan masuk.", "A complaint belongs to agency A in month M when it was disposed to A and its disposition date falls in M. Complaints never disposed belong to no agency; they are counted at regency level by the month they were submitted."},
	"def_received_t": {"Diterima", "Received"},
	"def_received":   {"Jumlah pengaduan dalam kohor (didisposisikan ke SKPD dalam periode). \"Pengaduan masuk\" di ringkasan = pengaduan yang diajukan warga dalam bulan itu.", "Complaints in the cohort (disposed to the agency in the period). \"Complaints received\" in the summary = complaints citizens submitted in the month."},
	"def_ontime_t":   {"Ditindaklanjuti tepat waktu", "Followed up on time"},
	"def_ontime":     {"Pengaduan dengan tindak lanjut pertama dalam %d hari kerja sejak disposisi: wd(disposisi, tindak lanjut pertama) ≤ %d, dibagi jumlah diterima. Tidak tersedia (–) bila ekspor tidak punya kolom tindak lanjut pertama.", "Complaints whose first follow-up came within %d working days of disposition: wd(disposed, first follow-up) ≤ %d, over the complaints received. Not available (–) when the export has no first-response column."},
	"def_resolved_t": {"Selesai dan selesai tepat waktu", "Resolved and resolved on time"},
	"def_resolved":   {"Selesai = pengaduan dengan tanggal selesai, dibagi diterima. Selesai tepat waktu = selesai dalam %d %s sejak disposisi, dibagi diterima.", "Resolved = complaints with a closing date, over those received. Resolved on time = closed within %d %s of disposition, over those received."},
	"def_median_t":   {"Median dan persentil 90", "Median and 90th percentile"},
	"def_median":     {"Dari hari kerja antara disposisi dan tindak lanjut pertama, atas pasangan tanggal yang sah (kuantil kontinu dengan interpolasi linear). Median satu periode dihitung dari seluruh pengaduannya, tidak pernah dirata-rata dari median bulanan.", "Of the working days between disposition and first follow-up, over valid pairs of dates (continuous quantiles, linear interpolation). A period's median comes from all its complaints, never from averaging monthly medians."},
	"def_rating_t":   {"Rating dan kepuasan", "Rating and satisfaction"},
	"def_rating":     {"Rata-rata rating 1–5 atas pengaduan yang diberi rating; kepuasan = (rating − 1) / 4.", "Mean rating 1–5 over rated complaints; satisfaction = (rating − 1) / 4."},
	"def_open_t":     {"Terbuka, lewat batas", "Open, overdue"},
	"def_open":       {"Dihitung pada akhir bulan (atau pada batas data untuk bulan berjalan): terbuka = sudah didisposisikan, belum selesai, tidak diarsipkan. Lewat batas = terbuka lebih dari %d %s sejak disposisi. Belum ditindaklanjuti lewat batas = terbuka, tanpa tindak lanjut pertama, dan lebih dari %d hari kerja sejak disposisi.", "Taken at the end of the month (or at the cut-off for the current month): open = disposed, not closed, not archived. Overdue = open more than %d %s after disposition. Unanswered past the limit = open, with no first follow-up, more than %d working days after disposition."},
	"def_score_t":    {"Skor", "Score"},
	"def_score":      {"Skor = 100 × rata-rata berbobot komponen yang tersedia: tindak lanjut tepat waktu (%s), selesai (%s), selesai tepat waktu (%s), kepuasan (%s). Komponen tanpa data dilewati dan bobot lainnya dinaikkan agar berjumlah 1.", "Score = 100 × the weighted mean of the available components: on-time follow-up (%s), resolved (%s), resolved on time (%s), satisfaction (%s). A component without data drops out and the other weights are scaled up to sum to 1."},
	"def_zone_t":     {"Zona", "Zones"},
	"def_zone":       {"Zona kepatuhan ala Ombudsman atas skor: hijau ≥ %s, kuning ≥ %s, merah di bawah %s.", "Ombudsman-style compliance zones on the score: green ≥ %s, yellow ≥ %s, red below %s."},
	"def_rank_t":     {"Peringkat", "Rank"},
	"def_rank":       {"Di antara SKPD dengan paling sedikit %d pengaduan dalam periode: skor tertinggi dulu, lalu tindak lanjut tepat waktu, lalu jumlah diterima, lalu nama. Gerak = peringkat periode sebelumnya dikurangi peringkat sekarang (▲ naik, ▼ turun).", "Among agencies with at least %d complaints in the period: highest score first, then on-time follow-up, then complaints received, then name. Move = previous period's rank minus this one (▲ up, ▼ down)."},
	"def_small_t":    {"Sampel kecil", "Small sample"},
	"def_small":      {"Angka yang bersandar pada kurang dari %d pengaduan ditandai † dan tidak diperingkat: satu pengaduan saja dapat mengubahnya banyak.", "Figures resting on fewer than %d complaints are marked † and not ranked: a single complaint can move them a lot."},
	"def_maturing_t": {"Kohor yang masih berjalan", "Maturing cohorts"},
	"def_maturing":   {"Kohor yang didisposisikan kurang dari %d %s sebelum batas data masih berjalan: persentase selesainya masih akan naik. Grafik tren menampilkannya pudar dengan tanda *.", "A cohort disposed less than %d %s before the cut-off is still maturing: its completion rates will still rise. The trend chart shows it faded, marked *."},
	"def_regency_t":  {"Tingkat kabupaten", "Regency level"},
	"def_regency":    {"Pengaduan masuk menurut bulan pengajuan; diverifikasi tepat waktu = didisposisikan dalam %d hari kerja sejak masuk. Angka kohor kabupaten = jumlah seluruh SKPD.", "Complaints by month of submission; verified on time = disposed within %d working days of submission. The regency's cohort figures are the totals of all agencies."},
	"def_asof_t":     {"Batas data (as_of)", "Data cut-off (as_of)"},
	"def_asof":       {"Waktu terbaru di data yang dimuat (tidak melewati waktu build). Semua stok dan umur dihitung sampai batas ini.", "The newest timestamp ingested (never after the build time). All stock and ages are taken up to it."},
	"def_invalid_t":  {"Pasangan tanggal tidak sah", "Invalid pairs of dates"},
	"def_invalid":    {"Bila tanggal kedua sebelum tanggal pertama (misalnya dijawab sebelum didisposisikan), durasinya tidak dipakai, tidak pernah tepat waktu, dan dihitung di kualitas data.", "When the second date is before the first (e.g. answered before disposition), the duration is excluded, never on time, and counted in data quality."},

	// Data-quality checks (data_quality.check_name): what each means.
	"dq_unknown_status":                  {"Status tidak dikenal (disimpan sebagai unknown)", "Unknown status (kept as unknown)"},
	"dq_disposed_before_submitted":       {"Disposisi sebelum tanggal masuk: tidak dipakai untuk waktu verifikasi", "Disposed before submitted: excluded from verification times"},
	"dq_response_before_disposed":        {"Tindak lanjut sebelum disposisi: tidak dipakai untuk waktu tindak lanjut, tidak pernah tepat waktu", "First response before disposition: excluded from response times, never on time"},
	"dq_closed_before_disposed":          {"Selesai sebelum disposisi: tidak dipakai untuk waktu penyelesaian, tidak pernah tepat waktu", "Closed before disposition: excluded from completion times, never on time"},
	"dq_closed_without_disposition":      {"Selesai tanpa disposisi: tidak masuk SKPD mana pun", "Closed without disposition: in no agency's cohort"},
	"dq_closed_status_without_closed_at": {"Status Selesai tanpa tanggal selesai: dihitung belum selesai", "Status closed without a closing date: counted as not closed"},
	"dq_closed_at_with_open_status":      {"Ada tanggal selesai tetapi status masih terbuka: dihitung selesai", "Closing date with an open status: counted as closed"},
	"dq_disposed_without_agency":         {"Disposisi tanpa nama SKPD: tidak masuk SKPD mana pun", "Disposed without an agency: in no agency's cohort"},
	"dq_agency_without_disposition":      {"Nama SKPD tanpa tanggal disposisi: tidak masuk SKPD mana pun", "Agency without a disposition date: in no agency's cohort"},
	"dq_agency_not_in_master":            {"Nama SKPD di luar daftar induk", "Agency names outside the master list"},
	"dq_future_timestamp":                {"Waktu setelah waktu build: tidak dipakai untuk batas data", "Timestamp after the build time: not used for the cut-off"},
	"dq_outside_holiday_calendar":        {"Tanggal di luar tahun daftar libur: hanya akhir pekan yang dihitung libur", "Date outside the holiday list's years: only weekends count as non-working"},
	"dq_no_first_response_column":        {"Dari ekspor tanpa kolom tindak lanjut pertama: metrik tindak lanjut tidak tersedia", "From an export without a first-response column: response metrics not available"},
	"dq_timed_from_snapshots":            {"Waktu kejadian dibatasi dari ekspor berkala (Laporan Ringkas): tiap batas layanan terpenuhi, terlewat atau tidak dapat ditentukan", "Event times bounded from successive exports (Laporan Ringkas): each service level met, missed or undetermined"},
	"dq_observed_at_from_mtime":          {"Ekspor tanpa Tanggal Generate: waktu unduh diambil dari waktu ubah berkas", "Export without Tanggal Generate: its instant is the file's modification time"},
	"dq_rejected":                        {"Baris ditolak: %s", "Rows rejected: %s"},
	"dq_value_dropped":                   {"Nilai dikosongkan (baris tetap dimuat): %s", "Values left empty (row kept): %s"},
	"dq_missing_tracking_id":             {"nomor tracking kosong", "tracking id empty"},
	"dq_missing_submitted_at":            {"tanggal laporan kosong", "submission time empty"},
	"dq_bad_timestamp":                   {"waktu tidak dikenali", "unreadable timestamp"},
	"dq_column_count":                    {"jumlah kolom salah", "wrong number of columns"},
	"dq_bad_rating":                      {"rating bukan 1–5", "rating not 1–5"},
	"dq_csv_quote":                       {"tanda kutip tidak seimbang", "unbalanced quote"},
	"dq_csv_truncated":                   {"berkas terpotong", "file cut off"},
	"dq_bad_flag":                        {"bukan Ya/Tidak", "not yes/no"},
	"sev_warning":                        {"peringatan", "warning"},
	"sev_info":                           {"info", "info"},

	// Comparison.
	"cmp_title":       {"Perbandingan kinerja SKPD", "SKPD performance comparison"},
	"cmp_kicker":      {"Bahan Ombudsman · SP4N-LAPOR!", "For the Ombudsman · SP4N-LAPOR!"},
	"cmp_period_m":    {"bulanan", "monthly"},
	"cmp_period_q":    {"triwulanan", "quarterly"},
	"cmp_intro":       {"Skor dan zona setiap SKPD per periode (%s), dengan perpindahan zona dari periode pertama ke terakhir. Sel berisi skor dan, di bawahnya, jumlah pengaduan yang diterima.", "Each SKPD's score and zone per period (%s), with the zone movement from the first period to the last. A cell holds the score and, below it, the complaints received."},
	"cmp_movement":    {"Perpindahan zona", "Zone movement"},
	"cmp_regencies":   {"Antar kabupaten", "Across regencies"},
	"cmp_total":       {"Total kabupaten", "Regency total"},
	"cmp_zone_chart":  {"Jumlah SKPD per zona", "SKPD per zone"},
	"cmp_none_ranked": {"Belum ada SKPD yang diperingkat: setiap SKPD menerima kurang dari %d pengaduan per periode.", "No SKPD ranked yet: every SKPD received fewer than %d complaints per period."},
	"cmp_up":          {"naik", "up"},
	"cmp_down":        {"turun", "down"},
	"cmp_same":        {"tetap", "same"},
	"cmp_incomplete":  {"periode belum selesai", "period not over"},
	"cmp_no_zone":     {"tanpa skor", "no score"},
	"cmp_legend":      {"Sel pudar: kurang dari %d pengaduan (sampel kecil). Kosong: tidak menerima pengaduan. * periode belum selesai; ° masih berjalan.", "Faded cell: fewer than %d complaints (small sample). Empty: received no complaints. * period not over; ° still maturing."},
	"col_period":      {"Periode", "Period"},
	"col_regency":     {"Kabupaten", "Regency"},
	"col_first_zone":  {"Zona awal", "First zone"},
	"col_last_zone":   {"Zona akhir", "Last zone"},
	"col_score_delta": {"Perubahan skor", "Score change"},

	// Workbook columns and labels.
	"x_roll12":         {"12 bulan (%s)", "12 months (%s)"},
	"x_indicator":      {"Indikator", "Indicator"},
	"x_change":         {"Perubahan", "Change"},
	"x_unit":           {"Satuan", "Unit"},
	"x_received":       {"Diterima SKPD (didisposisikan)", "Disposed to an SKPD (received)"},
	"x_response_rate":  {"Ditindaklanjuti (kapan pun) (%)", "Followed up (at any time) (%)"},
	"x_resolved_ot":    {"Selesai ≤ %d %s (%%)", "Resolved ≤ %d %s (%%)"},
	"x_p90":            {"Persentil 90 tindak lanjut (HK)", "90th percentile follow-up (WD)"},
	"x_close_median":   {"Median waktu selesai", "Median time to resolve"},
	"x_rating":         {"Rata-rata rating (1–5)", "Mean rating (1–5)"},
	"x_unanswered":     {"Belum ditindaklanjuti > %d HK", "No follow-up > %d WD"},
	"x_undisposed":     {"Belum didisposisikan (akhir periode)", "Not yet disposed (end of period)"},
	"x_verified":       {"Diverifikasi ≤ %d HK (%%)", "Verified ≤ %d WD (%%)"},
	"x_rank":           {"Peringkat", "Rank"},
	"x_rank_change":    {"Perubahan peringkat (+ naik)", "Rank change (+ up)"},
	"x_responded_ot_n": {"Ditindaklanjuti ≤ %d HK (jumlah)", "Followed up ≤ %d WD (count)"},
	"x_closed_n":       {"Selesai (jumlah)", "Resolved (count)"},
	"x_closed_ot_n":    {"Selesai tepat waktu (jumlah)", "Resolved on time (count)"},
	"x_satisfaction":   {"Kepuasan (%)", "Satisfaction (%)"},
	"x_median":         {"Median tindak lanjut (HK)", "Median follow-up (WD)"},
	"x_small":          {"Sampel kecil", "Small sample"},
	"x_maturing":       {"Masih berjalan", "Still maturing"},
	"x_complete":       {"Bulan belum selesai", "Month not over"},
	"x_period_12m":     {"12 bulan %s..%s", "12 months %s..%s"},
	"x_period_month":   {"Bulan %s", "Month %s"},
	"x_month":          {"Bulan", "Month"},
	"x_age_wd":         {"Umur (hari kerja)", "Age (working days)"},
	"x_source":         {"Sumber", "Source"},
	"x_file":           {"Berkas", "File"},
	"x_severity":       {"Tingkat", "Severity"},
	"x_detail":         {"Keterangan (rapor)", "Detail (rapor)"},
	"x_file_rows":      {"%d baris dibaca, %d diterima (tata letak %s)", "%d rows read, %d accepted (layout %s)"},
	"x_term":           {"Istilah", "Term"},
	"x_definition":     {"Definisi", "Definition"},
	"x_holidays":       {"Hari libur yang dipakai", "Holidays used"},

	// Sheets (names at most 31 characters).
	"sheet_summary":       {"Ringkasan", "Summary"},
	"sheet_league":        {"Peringkat SKPD", "SKPD Ranking"},
	"sheet_trend":         {"Tren Bulanan", "Monthly Trend"},
	"sheet_overdue":       {"Tunggakan", "Overdue"},
	"sheet_quality":       {"Kualitas Data", "Data Quality"},
	"sheet_definitions":   {"Definisi", "Definitions"},
	"sheet_cmp_agencies":  {"Banding SKPD", "SKPD Comparison"},
	"sheet_cmp_regencies": {"Banding Kabupaten", "Regency Comparison"},
	"sheet_cmp_data":      {"Data", "Data"},

	// Errors.
	"err_month_format": {"bulan %q harus berbentuk YYYY-MM, misalnya 2025-10", "month %q must be YYYY-MM, e.g. 2025-10"},
	"err_after_asof":   {"belum ada data untuk %s: data hanya sampai %s (as_of). Pilih bulan %s atau sebelumnya.", "no data for %s yet: the data reaches %s (as_of). Choose %s or earlier."},
	"err_before_data":  {"tidak ada data untuk %s di %s: data dimulai %s.", "no data for %s in %s: the data starts in %s."},
	"err_from_to":      {"--from %s setelah --to %s", "--from %s is after --to %s"},
	"err_period":       {"--period harus month atau quarter, bukan %q", "--period must be month or quarter, not %q"},
	"err_no_periods":   {"tidak ada periode %s dengan data antara %s dan %s", "no %s period with data between %s and %s"},
}
