package gen

// kecamatan of Kabupaten Hulu Sungai Utara with rough population weights (thousands) and some of
// their desa/kelurahan. The village lists are illustrative, not a gazetteer.
type kecamatan struct {
	name   string
	weight float64
	desa   []string
	code   string // two-digit kecamatan part of a NIK (6308xx), illustrative
	pasar  string
}

var kecamatans = []kecamatan{
	{"Amuntai Tengah", 55, []string{"Kelurahan Antasari", "Kelurahan Sungai Malang", "Kelurahan Murung Sari", "Kelurahan Paliwara", "Kelurahan Palampitan Hilir", "Kelurahan Palampitan Hulu", "Desa Pinang Habang", "Desa Harus", "Desa Tangga Ulin", "Desa Sungai Baring", "Desa Kebun Sari"}, "01", "Pasar Amuntai"},
	{"Amuntai Selatan", 30, []string{"Desa Telaga Silaba", "Desa Harusan", "Desa Murung Panggang", "Desa Cempaka", "Desa Simpang Empat", "Desa Padang Tanggul"}, "02", "Pasar Telaga Silaba"},
	{"Amuntai Utara", 18, []string{"Desa Tambalang Tengah", "Desa Sungai Turak", "Desa Pakacangan", "Desa Jumba", "Desa Teluk Paring"}, "03", "Pasar Tambalang"},
	{"Babirik", 20, []string{"Desa Babirik Hilir", "Desa Babirik Hulu", "Desa Murung Panti Hilir", "Desa Sungai Nyiur", "Desa Candi"}, "04", "Pasar Babirik"},
	{"Banjang", 16, []string{"Desa Banjang", "Desa Kaludan Kecil", "Desa Sungai Limas", "Desa Lok Bangkai", "Desa Teluk Masjid"}, "09", "Pasar Banjang"},
	{"Danau Panggang", 22, []string{"Desa Danau Panggang", "Desa Sungai Namang", "Desa Manarap", "Desa Pandamaan", "Desa Darussalam"}, "05", "Pasar Danau Panggang"},
	{"Haur Gading", 16, []string{"Desa Haur Gading", "Desa Palimbangan", "Desa Tuhuran", "Desa Keramat", "Desa Pulau Tambak"}, "07", "Pasar Haur Gading"},
	{"Paminggir", 9, []string{"Desa Paminggir", "Desa Bararawa", "Desa Tampakang", "Desa Sapala", "Desa Ambahai"}, "10", "Pasar Paminggir"},
	{"Sungai Pandan", 25, []string{"Desa Pasar Senin", "Desa Hambuku Raya", "Desa Sungai Pandan Hilir", "Desa Padang Bangkal", "Desa Teluk Sinar", "Desa Banua Binjai"}, "06", "Pasar Alabio"},
	{"Sungai Tabukan", 13, []string{"Desa Sungai Tabukan", "Desa Nelayan", "Desa Galagah Hulu", "Desa Pasar Sabtu", "Desa Sungai Haji"}, "08", "Pasar Sungai Tabukan"},
}

// Kecamatan returns the 10 kecamatan names; a generated Lokasi is one of them, or "<desa>, <kecamatan>".
func Kecamatan() []string {
	out := make([]string, len(kecamatans))
	for i, k := range kecamatans {
		out[i] = k.name
	}
	return out
}

var streets = []string{
	"Jalan Norman Umar", "Jalan Ahmad Yani", "Jalan Basuki Rahmat", "Jalan Empu Mandastana",
	"Jalan Pambalah Batung", "Jalan Lambung Mangkurat", "Jalan Abdul Aziz", "Jalan Bihman Villa",
	"Jalan Garuda", "Jalan Patimura", "Jalan Sukmaraga", "Jalan Negara Dipa", "Jalan Tembus Alabio",
	"Jalan Kaludan", "Jalan Transpolitan",
}

var firstNamesM = []string{
	"Muhammad", "Ahmad", "Akhmad", "Abdul", "Rahmadi", "Fahrurrazi", "Syahrani", "Noor", "Rizky",
	"Hendra", "Budi", "Arif", "Fauzi", "Gusti", "Anang", "Mahmud", "Rusdi", "Saiful", "Hairul",
	"Zainal", "Yusuf", "Irwan", "Taufik", "Jumberi", "Hamdani", "Ridwan", "Aspihani", "Halidi",
}

var firstNamesF = []string{
	"Siti", "Noor", "Rahmah", "Fauziah", "Halimah", "Aulia", "Mahmudah", "Salasiah", "Khairunnisa",
	"Nurul", "Dewi", "Rina", "Norlaila", "Hayati", "Jamilah", "Rusmiati", "Galuh", "Mariana",
	"Wahyuni", "Fitriani", "Normah", "Aminah", "Zubaidah", "Raudah",
}

var secondNames = []string{
	"Rafii", "Hidayat", "Fauzan", "Rahman", "Ansyari", "Hakim", "Rasyid", "Noorhayati", "Aida",
	"Maulida", "Fitri", "Saputra", "Hasanah", "Riduan", "Jannah", "Wardani", "Effendi", "Arsyad",
	"Baihaqi", "Mursyid", "Syarifah", "Kamal", "Zakiah", "Pratama", "Rosyadi", "Lestari", "Nafarin",
	"Husaini", "Mubarak", "Apriani",
}

var phonePrefixes = []string{
	"0811", "0812", "0813", "0821", "0822", "0823", "0852", "0853", "0857", "0858", "0877",
	"0878", "0895", "0896", "0881",
}

var mailDomains = []string{"gmail.com", "gmail.com", "gmail.com", "yahoo.co.id", "yahoo.com", "ymail.com"}

var channels = []weighted{
	{"Website", 42}, {"Aplikasi Mobile", 38}, {"WhatsApp", 8}, {"SMS 1708", 6}, {"Twitter", 3}, {"Instagram", 3},
}

var reportTypes = []weighted{{"Pengaduan", 80}, {"Aspirasi", 12}, {"Permintaan Informasi", 8}}

type weighted struct {
	s string
	w float64
}
