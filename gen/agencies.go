package gen

// agency is one SKPD with its complaint volume and its diligence: how fast it answers, how
// often it never does, how fast it closes and how citizens rate it. trend > 0 makes it slower over
// the window, < 0 makes it improve (so that ranks move from month to month).
type agency struct {
	name       string
	weight     float64
	respMedian float64 // working days from disposition to first follow-up (median)
	pNever     float64 // share of disposed complaints never answered
	closeMed   float64 // calendar days from first follow-up to closure (median)
	pNoClose   float64 // share of answered complaints never closed
	rating     float64 // mean satisfaction 1-5
	trend      float64
	season     [12]float64 // volume multiplier by local month (0 = 1)
	cats       []catRef
}

type catRef struct {
	cat int
	w   float64
}

var (
	rainy   = [12]float64{1.5, 1.4, 1.2, 1, 1, 1, 1, 1, 1, 1, 1.1, 1.4}
	flood   = [12]float64{3, 2.5, 1.8, 1.2, 1, 0.7, 0.6, 0.6, 0.6, 0.8, 1.5, 2.5}
	dry     = [12]float64{1, 1, 1, 1, 1, 1, 1.2, 1.6, 1.8, 1.6, 1.1, 1}
	ppdb    = [12]float64{1, 1, 1, 1, 1.2, 2.2, 2.5, 1.4, 1, 1, 1, 1}
	harvest = [12]float64{1, 1, 1.2, 1.4, 1.2, 1, 1, 1, 1.3, 1.4, 1.2, 1}
)

var agencies = []agency{
	{name: "Dinas Pekerjaan Umum dan Penataan Ruang", weight: 17, respMedian: 5.5, pNever: 0.12, closeMed: 35, pNoClose: 0.22, rating: 3.0, trend: -0.5, season: rainy,
		cats: []catRef{{catJalan, 6}, {catJembatan, 2}, {catBanjir, 1.2}, {catIrigasi, 1}}},
	{name: "Dinas Kependudukan dan Pencatatan Sipil", weight: 13, respMedian: 1.2, pNever: 0.01, closeMed: 4, pNoClose: 0.03, rating: 4.2,
		cats: []catRef{{catAdminduk, 1}}},
	{name: "Dinas Kesehatan", weight: 10, respMedian: 3.5, pNever: 0.05, closeMed: 12, pNoClose: 0.08, rating: 3.7,
		cats: []catRef{{catKesehatan, 3}, {catJaminan, 1}}},
	{name: "RSUD Pambalah Batung", weight: 6, respMedian: 4.5, pNever: 0.08, closeMed: 10, pNoClose: 0.10, rating: 3.3, trend: 0.4,
		cats: []catRef{{catRumahSakit, 3}, {catJaminan, 1}}},
	{name: "Dinas Pendidikan dan Kebudayaan", weight: 7, respMedian: 4.5, pNever: 0.07, closeMed: 20, pNoClose: 0.10, rating: 3.5, season: ppdb,
		cats: []catRef{{catPendidikan, 4}, {catKepegawaian, 0.4}}},
	{name: "Dinas Sosial", weight: 6, respMedian: 8, pNever: 0.30, closeMed: 40, pNoClose: 0.25, rating: 2.6,
		cats: []catRef{{catBansos, 1}}},
	{name: "Dinas Perhubungan", weight: 3.5, respMedian: 4, pNever: 0.06, closeMed: 14, pNoClose: 0.10, rating: 3.6,
		cats: []catRef{{catPerhubungan, 2}, {catPJU, 2}}},
	{name: "Dinas Lingkungan Hidup", weight: 4, respMedian: 4.5, pNever: 0.08, closeMed: 10, pNoClose: 0.10, rating: 3.6, trend: -0.3,
		cats: []catRef{{catLingkungan, 1}}},
	{name: "DPMPTSP", weight: 2.5, respMedian: 1.5, pNever: 0.01, closeMed: 6, pNoClose: 0.03, rating: 4.1,
		cats: []catRef{{catPerizinan, 1}}},
	{name: "Diskominfo", weight: 2, respMedian: 1, pNever: 0.01, closeMed: 2, pNoClose: 0.02, rating: 4.3,
		cats: []catRef{{catInformasi, 1}, {catTelekomunikasi, 1}}},
	{name: "Satpol PP", weight: 3, respMedian: 2.5, pNever: 0.04, closeMed: 5, pNoClose: 0.05, rating: 3.9,
		cats: []catRef{{catKetertiban, 1}}},
	{name: "BPBD", weight: 2.5, respMedian: 1, pNever: 0.02, closeMed: 4, pNoClose: 0.04, rating: 4.2, season: flood,
		cats: []catRef{{catBanjir, 2}, {catBencana, 1}}},
	{name: "Disperkim", weight: 3, respMedian: 9, pNever: 0.35, closeMed: 45, pNoClose: 0.30, rating: 2.7,
		cats: []catRef{{catPerumahan, 2}, {catPJU, 1}}},
	{name: "Perumda Air Minum", weight: 5, respMedian: 2.5, pNever: 0.03, closeMed: 6, pNoClose: 0.06, rating: 3.4, season: dry,
		cats: []catRef{{catAir, 1}}},
	{name: "Dinas Pertanian", weight: 2.5, respMedian: 7, pNever: 0.22, closeMed: 30, pNoClose: 0.20, rating: 3.0, trend: 0.4, season: harvest,
		cats: []catRef{{catPertanian, 1}}},
	{name: "Dinas Perikanan", weight: 1.5, respMedian: 5, pNever: 0.10, closeMed: 20, pNoClose: 0.15, rating: 3.4,
		cats: []catRef{{catPerikanan, 1}}},
	{name: "Dinas Koperasi UKM dan Perdagangan", weight: 2, respMedian: 5, pNever: 0.12, closeMed: 15, pNoClose: 0.12, rating: 3.4,
		cats: []catRef{{catPerdagangan, 2}, {catUMKM, 1}}},
	{name: "Bapenda", weight: 1.5, respMedian: 2, pNever: 0.03, closeMed: 7, pNoClose: 0.05, rating: 3.9,
		cats: []catRef{{catPajak, 1}}},
	{name: "BKPSDM", weight: 1.5, respMedian: 4, pNever: 0.08, closeMed: 14, pNoClose: 0.10, rating: 3.4,
		cats: []catRef{{catKepegawaian, 1}}},
	{name: "Kecamatan Amuntai Tengah", weight: 1.5, respMedian: 10, pNever: 0.45, closeMed: 30, pNoClose: 0.30, rating: 3.0,
		cats: []catRef{{catKecamatan, 1}, {catKetertiban, 0.3}}},
	{name: "Dinas Pemberdayaan Masyarakat dan Desa", weight: 2.5, respMedian: 8, pNever: 0.28, closeMed: 30, pNoClose: 0.25, rating: 2.9, trend: -0.4,
		cats: []catRef{{catDanaDesa, 1}}},
	{name: "Dinas Tenaga Kerja dan Transmigrasi", weight: 1.2, respMedian: 5, pNever: 0.10, closeMed: 20, pNoClose: 0.12, rating: 3.4,
		cats: []catRef{{catNaker, 1}}},
}

// Agencies returns the canonical names of the generated SKPD (a master list for the demo
// configuration). Exports spell a small share of them differently (case, extra spaces).
func Agencies() []string {
	out := make([]string, len(agencies))
	for i, a := range agencies {
		out[i] = a.name
	}
	return out
}
