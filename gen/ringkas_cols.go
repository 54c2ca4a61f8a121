package gen

// The columns of a Laporan Ringkas export. input-formats.md lists 26 headers and three
// variants (17, 20 and 26 columns, order varying); it fixes which headers are newer (Nama
// Pelapor: the newest only; ID Instansi Terdisposisi: the newer ones; Nomor SK, Url SK, Url
// Dokumen Laporan Tahunan, Laporan yang Masuk melalui Kanal Aduan Setwapres, Rating: the newest)
// but not the whole lists. This generator's choice:
//
//   - 26 (the newest, the order of the admin site's export as public importers read it):
//     Tracking ID, Tanggal Laporan Masuk, Waktu Laporan Masuk, Nama Pelapor, Klasifikasi Laporan,
//     ID Kategori, Kategori, Judul Laporan, Isi Laporan Awal, Isi Laporan Akhir, Tipe Laporan
//     (Anonim/Rahasia), Sumber Laporan, Instansi Induk, ID Instansi Terdisposisi, Instansi
//     Terdisposisi, Status Laporan, Alasan Tunda/Arsip, Provinsi, Kota/Kabupaten, Kecamatan,
//     Kelurahan, Nomor SK, Url SK, Url Dokumen Laporan Tahunan, Laporan yang Masuk melalui Kanal
//     Aduan Setwapres, Rating.
//   - 20: the 26 without Nama Pelapor and the five newest (Nomor SK ... Rating), same order.
//   - 17 (the oldest, another order): Tracking ID, Tanggal Laporan Masuk, Waktu Laporan Masuk,
//     Judul Laporan, Isi Laporan Awal, Isi Laporan Akhir, Klasifikasi Laporan, Kategori, Tipe
//     Laporan (Anonim/Rahasia), Sumber Laporan, Status Laporan, Alasan Tunda/Arsip, Instansi
//     Induk, Instansi Terdisposisi, Provinsi, Kota/Kabupaten, Kecamatan (no ID Kategori, no ID
//     Instansi Terdisposisi, no Kelurahan).

const (
	rcTracking = iota
	rcDate
	rcTime
	rcName
	rcKlas
	rcCatID
	rcCat
	rcJudul
	rcAwal
	rcAkhir
	rcTipe
	rcSumber
	rcInduk
	rcAgencyID
	rcAgency
	rcStatus
	rcReason
	rcProv
	rcKab
	rcKec
	rcKel
	rcSK
	rcURLSK
	rcURLDoc
	rcSetwapres
	rcRating
	numRC
)

var ringkasHeader = [numRC]string{
	"Tracking ID", "Tanggal Laporan Masuk", "Waktu Laporan Masuk", "Nama Pelapor", "Klasifikasi Laporan",
	"ID Kategori", "Kategori", "Judul Laporan", "Isi Laporan Awal", "Isi Laporan Akhir",
	"Tipe Laporan (Anonim/Rahasia)", "Sumber Laporan", "Instansi Induk", "ID Instansi Terdisposisi",
	"Instansi Terdisposisi", "Status Laporan", "Alasan Tunda/Arsip", "Provinsi", "Kota/Kabupaten",
	"Kecamatan", "Kelurahan", "Nomor SK", "Url SK", "Url Dokumen Laporan Tahunan",
	"Laporan yang Masuk melalui Kanal Aduan Setwapres", "Rating",
}

var ringkasVariants = map[int][]int{
	26: {rcTracking, rcDate, rcTime, rcName, rcKlas, rcCatID, rcCat, rcJudul, rcAwal, rcAkhir, rcTipe,
		rcSumber, rcInduk, rcAgencyID, rcAgency, rcStatus, rcReason, rcProv, rcKab, rcKec, rcKel, rcSK,
		rcURLSK, rcURLDoc, rcSetwapres, rcRating},
	20: {rcTracking, rcDate, rcTime, rcKlas, rcCatID, rcCat, rcJudul, rcAwal, rcAkhir, rcTipe,
		rcSumber, rcInduk, rcAgencyID, rcAgency, rcStatus, rcReason, rcProv, rcKab, rcKec, rcKel},
	17: {rcTracking, rcDate, rcTime, rcJudul, rcAwal, rcAkhir, rcKlas, rcCat, rcTipe, rcSumber,
		rcStatus, rcReason, rcInduk, rcAgency, rcProv, rcKab, rcKec},
}

// RingkasVariants lists the column counts of the Ringkas variants this package writes.
func RingkasVariants() []int { return []int{17, 20, 26} }

// RingkasHeader returns the header row of a Ringkas variant (17, 20 or 26 columns); nil for
// another number.
func RingkasHeader(variant int) []string {
	cols, ok := ringkasVariants[variant]
	if !ok {
		return nil
	}
	out := make([]string, len(cols))
	for i, c := range cols {
		out[i] = ringkasHeader[c]
	}
	return out
}

// Date and time styles of a snapshot file's Tanggal/Waktu Laporan Masuk cells.
const (
	DateEnAbbr  = "en-abbr"  // 29 May 2023
	DateIdAbbr  = "id-abbr"  // 29 Mei 2023, 17 Agu 2025
	DateIdFull  = "id-full"  // 3 Januari 2026
	DateEnFull  = "en-full"  // 3 January 2026
	DateExcel   = "excel"    // Excel date and time cells
	DateEnExcel = "en-excel" // text date (29 May 2023), Excel time cell
)

var (
	monthsEnAbbr = [12]string{"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"}
	monthsIdAbbr = [12]string{"Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des"}
	monthsIdFull = [12]string{"Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember"}
	monthsEnFull = [12]string{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"}
)

// appendDayMonthYear writes WIB day number d as "3 Jan 2026" with the style's month names.
func appendDayMonthYear(b []byte, d int64, style string) []byte {
	y, m, dd := civil(d)
	names := &monthsEnAbbr
	switch style {
	case DateIdAbbr:
		names = &monthsIdAbbr
	case DateIdFull:
		names = &monthsIdFull
	case DateEnFull:
		names = &monthsEnFull
	}
	b = appendInt(b, dd)
	b = append(b, ' ')
	b = append(b, names[m-1]...)
	b = append(b, ' ')
	return appendInt(b, y)
}

func appendInt(b []byte, v int64) []byte {
	if v >= 0 && v < 10 {
		return append(b, byte('0'+v))
	}
	if v >= 10 && v < 100 {
		return append(b, byte('0'+v/10), byte('0'+v%10))
	}
	var tmp [20]byte
	i := len(tmp)
	neg := v < 0
	if neg {
		v = -v
	}
	for v > 0 {
		i--
		tmp[i] = byte('0' + v%10)
		v /= 10
	}
	if neg {
		i--
		tmp[i] = '-'
	}
	return append(b, tmp[i:]...)
}

// appendClock writes seconds of the day as 04:05:34.
func appendClock(b []byte, s int64) []byte {
	return append(b, byte('0'+s/36000), byte('0'+s/3600%10), ':',
		byte('0'+s%3600/600), byte('0'+s%3600/60%10), ':', byte('0'+s%60/10), byte('0'+s%10))
}

// appendISODate writes WIB day number d as 2025-11-14.
func appendISODate(b []byte, d int64) []byte {
	y, m, dd := civil(d)
	return append(b, byte('0'+y/1000%10), byte('0'+y/100%10), byte('0'+y/10%10), byte('0'+y%10), '-',
		byte('0'+m/10), byte('0'+m%10), '-', byte('0'+dd/10), byte('0'+dd%10))
}

// wibDay splits instant t into its WIB day number and second of the day.
func wibDay(t int64) (d, s int64) {
	w := t + wibOffset
	d = floorDiv(w, day)
	return d, w - d*day
}

// excelSerial is the Excel serial day of day number d (1900 date system).
func excelSerial(d int64) int64 { return d + 25569 }
