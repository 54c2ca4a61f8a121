package gen

// Complaint text is assembled from templates. Placeholders: {place} a location phrase, {desa},
// {kec}, {jalan} a street, {n} a small number, {m} metres, {dur} a duration, {rt} an RT,
// {pasar} a market, {sekolah} a school, {pkm} a puskesmas, {hari} a weekday, {agency} the
// agency's name.

const (
	catJalan = iota
	catJembatan
	catBanjir
	catIrigasi
	catAdminduk
	catKesehatan
	catJaminan
	catRumahSakit
	catPendidikan
	catKepegawaian
	catBansos
	catPerhubungan
	catPJU
	catLingkungan
	catPerizinan
	catInformasi
	catTelekomunikasi
	catKetertiban
	catBencana
	catPerumahan
	catAir
	catPertanian
	catPerikanan
	catPerdagangan
	catUMKM
	catPajak
	catKecamatan
	catDanaDesa
	catNaker
)

type category struct {
	name   string
	items  []item   // complaints: title alternatives and the core of the body
	usulan []string // aspirations ("Usulan ...")
	info   []string // information requests ("Mohon informasi ...")
}

// item is one kind of complaint: titles (alternatives separated by "|") and its body sentence.
type item struct{ titles, body string }

var categories = []category{
	catJalan: {"Infrastruktur Jalan", []item{
		{"Jalan rusak di {place}|Jalan berlubang parah|JALAN RUSAK PARAH", "Jalan di {place} rusak parah dan berlubang sepanjang kurang lebih {m} meter."},
		{"Jalan berlubang di {jalan}|Lubang jalan membahayakan pengendara", "Setiap hujan jalan di {jalan} tergenang dan lubangnya tidak terlihat, sudah {n} pengendara motor terjatuh."},
		{"Jalan di {desa} becek dan berlumpur|Jalan desa belum diaspal", "Jalan menuju {desa} belum pernah diaspal, kalau musim hujan berlumpur sehingga anak sekolah susah lewat."},
		{"Aspal jalan baru sudah mengelupas|Kualitas pengaspalan jalan di {desa} buruk", "Pengaspalan jalan di {desa} baru selesai beberapa bulan tetapi sudah mengelupas dan retak, mohon diperiksa kualitas pekerjaannya."},
		{"Galian pipa di {jalan} tidak ditutup kembali", "Bekas galian pipa di {jalan} dibiarkan terbuka tanpa rambu, sangat berbahaya di malam hari."},
		{"Perbaikan jalan di {kec} tidak kunjung selesai|Proyek jalan mangkrak", "Proyek peningkatan jalan di {place} berhenti sejak {dur}, material dibiarkan menumpuk di bahu jalan."},
	}, []string{"pengaspalan jalan desa di {desa}", "pembangunan jalan usaha tani di {kec}", "pelebaran jalan di {jalan}"},
		[]string{"jadwal perbaikan jalan di {place}", "anggaran pemeliharaan jalan tahun ini di {kec}"}},
	catJembatan: {"Jembatan", []item{
		{"Jembatan titian ulin di {desa} lapuk|Titian ulin rusak", "Jembatan titian ulin di {desa} sudah lapuk dan beberapa papannya patah, warga terpaksa lewat sambil menuntun motor."},
		{"Jembatan penghubung di {kec} rusak|Jembatan hampir roboh", "Jembatan penghubung antar desa di {kec} miring dan tiangnya keropos, kami khawatir roboh saat air pasang."},
		{"Pagar jembatan hilang di {jalan}", "Pagar pengaman jembatan di {jalan} hilang sehingga berbahaya bagi anak-anak."},
	}, []string{"pembangunan jembatan beton di {desa}", "penggantian titian ulin di {kec}"},
		[]string{"rencana perbaikan jembatan di {place}"}},
	catBanjir: {"Banjir", []item{
		{"Banjir merendam permukiman di {place}|Rumah warga terendam di {kec}", "Sudah {n} hari air setinggi lutut merendam permukiman di {place} dan belum surut."},
		{"Drainase tersumbat di {jalan}|Saluran air meluap setiap hujan", "Saluran drainase di {jalan} tersumbat sampah dan lumpur sehingga setiap hujan deras air meluap ke jalan dan rumah warga."},
		{"Banjir di {desa}, warga butuh bantuan|Genangan air tidak surut di {desa}", "Banjir di {desa} membuat warga kesulitan air bersih dan anak-anak tidak bisa sekolah, mohon bantuan."},
		{"Tanggul jebol di {desa}", "Tanggul di pinggir sungai dekat {desa} jebol sehingga air masuk ke sawah dan rumah."},
	}, []string{"normalisasi sungai di {kec}", "pembangunan saluran drainase di {jalan}"},
		[]string{"posko bantuan banjir di {kec}", "data warga terdampak banjir di {desa}"}},
	catIrigasi: {"Irigasi", []item{
		{"Saluran irigasi di {desa} dangkal", "Saluran irigasi di {desa} dangkal dan penuh eceng gondok sehingga air tidak sampai ke sawah warga."},
		{"Pintu air irigasi rusak di {kec}", "Pintu air di {kec} rusak sejak {dur}, petani tidak bisa mengatur air untuk musim tanam."},
	}, []string{"pengerukan saluran irigasi di {desa}"},
		[]string{"jadwal normalisasi saluran irigasi di {kec}"}},
	catAdminduk: {"Administrasi Kependudukan", []item{
		{"Pelayanan KTP elektronik lambat|Blanko KTP-el kosong|KTP belum dicetak", "Saya sudah melakukan perekaman KTP elektronik sejak {dur} tetapi sampai sekarang KTP belum dicetak dengan alasan blanko habis."},
		{"Akta kelahiran anak belum terbit|Pengurusan akta kelahiran lama", "Pengurusan akta kelahiran anak saya sudah {n} minggu belum selesai padahal berkas sudah lengkap."},
		{"Perubahan data KK tidak diproses|Pindah alamat KK belum berubah", "Saya mengajukan perubahan data KK karena pindah alamat ke {desa}, tetapi datanya belum berubah sampai sekarang."},
		{"Antrean di Disdukcapil terlalu panjang|Kuota pelayanan adminduk habis", "Antrean di kantor Disdukcapil sangat panjang, saya datang pagi tetapi disuruh kembali besok karena kuota habis."},
		{"NIK tidak terdaftar saat daftar BPJS|NIK tidak ditemukan", "NIK saya dinyatakan tidak terdaftar saat mendaftar BPJS padahal KTP saya asli dan masih berlaku."},
		{"Pungutan liar pembuatan KTP", "Petugas meminta biaya untuk mempercepat pembuatan KTP, apakah itu resmi?"},
		{"Kartu Identitas Anak belum jadi", "Kartu Identitas Anak untuk anak saya belum jadi padahal sudah mengajukan sejak {dur}."},
	}, []string{"pelayanan jemput bola perekaman KTP-el di {kec}", "penambahan loket pelayanan adminduk di {kec}"},
		[]string{"syarat pembuatan akta kematian", "syarat pindah domisili ke {kec}", "jadwal perekaman KTP-el keliling di {kec}"}},
	catKesehatan: {"Kesehatan", []item{
		{"Pelayanan {pkm} lambat|Antrean lama di {pkm}", "Pelayanan di {pkm} sangat lambat, pasien menunggu lebih dari {n} jam padahal datang sejak pagi."},
		{"Obat di {pkm} sering kosong", "Obat untuk penyakit kronis di {pkm} sering kosong sehingga pasien harus membeli sendiri di apotek."},
		{"Petugas posyandu tidak hadir", "Jadwal posyandu di {desa} pada hari {hari} tidak ada petugas yang datang, ibu-ibu sudah menunggu dengan bayinya."},
		{"Mohon fogging demam berdarah di {desa}|Kasus DBD di {desa}", "Sudah ada {n} warga di {desa} yang terkena demam berdarah, mohon segera dilakukan fogging."},
		{"Dokter tidak ada di {pkm}", "Dokter di {pkm} jarang ada di tempat, pasien hanya dilayani perawat."},
	}, []string{"penambahan tenaga dokter di {pkm}", "pengadaan ambulans untuk {kec}"},
		[]string{"jadwal vaksinasi anak di {pkm}", "syarat rujukan dari {pkm}"}},
	catJaminan: {"Jaminan Kesehatan", []item{
		{"Kartu BPJS PBI tidak aktif", "Kartu BPJS PBI ibu saya tiba-tiba tidak aktif saat mau berobat, padahal kami keluarga tidak mampu."},
		{"Pasien BPJS diminta bayar", "Pasien peserta BPJS diminta membayar obat dan biaya tambahan dengan alasan obat tidak ditanggung."},
		{"Kepesertaan JKN dinonaktifkan", "Kepesertaan JKN dari pemerintah daerah untuk keluarga kami dinonaktifkan tanpa pemberitahuan."},
	}, []string{"perluasan kepesertaan JKN yang ditanggung daerah"},
		[]string{"cara mengaktifkan kembali BPJS PBI"}},
	catRumahSakit: {"Pelayanan Rumah Sakit", []item{
		{"Antrean pasien di RSUD terlalu lama|Antrean poliklinik RSUD", "Antrean di poliklinik RSUD Pambalah Batung sangat lama, kami datang jam tujuh pagi dan baru dipanggil siang."},
		{"Pelayanan IGD RSUD Pambalah Batung lambat", "Keluarga kami dibawa ke IGD tetapi lama tidak ditangani dengan alasan menunggu dokter jaga."},
		{"Kamar mandi ruang rawat inap kotor", "Kamar mandi di ruang rawat inap kotor dan airnya sering mati, mohon diperhatikan kebersihannya."},
		{"Petugas RSUD tidak ramah", "Petugas pendaftaran bersikap kasar kepada pasien lansia yang belum paham prosedur."},
		{"Pasien dirujuk karena kamar penuh", "Pasien dirujuk ke Banjarmasin dengan alasan kamar penuh padahal kondisinya tidak memungkinkan perjalanan jauh."},
	}, []string{"penambahan ruang rawat inap kelas III di RSUD", "pendaftaran online poliklinik RSUD"},
		[]string{"jadwal dokter spesialis di RSUD Pambalah Batung", "tarif pelayanan pasien umum di RSUD"}},
	catPendidikan: {"Pendidikan", []item{
		{"Pungutan di {sekolah}|Uang pembangunan di sekolah negeri", "Orang tua murid di {sekolah} diminta membayar uang pembangunan sebesar Rp{n}00.000 padahal sekolah negeri."},
		{"PPDB zonasi tidak transparan", "Pengumuman PPDB jalur zonasi tidak transparan, anak kami yang rumahnya dekat sekolah justru tidak diterima."},
		{"Guru sering tidak masuk di {sekolah}", "Ada guru di {sekolah} yang sering tidak masuk mengajar sehingga murid dibiarkan belajar sendiri."},
		{"Atap kelas {sekolah} bocor", "Atap ruang kelas {sekolah} bocor dan plafonnya hampir jatuh, murid terpaksa belajar di teras."},
		{"Dana BOS tidak transparan", "Penggunaan dana BOS di {sekolah} tidak pernah diumumkan kepada orang tua murid."},
		{"Ijazah ditahan sekolah", "Ijazah anak saya ditahan oleh sekolah karena masih ada tunggakan iuran komite."},
	}, []string{"penambahan ruang kelas di {sekolah}", "beasiswa untuk siswa kurang mampu di {kec}"},
		[]string{"jadwal dan syarat PPDB tahun ini", "kuota jalur afirmasi PPDB"}},
	catKepegawaian: {"Kepegawaian", []item{
		{"TPP pegawai terlambat dibayar", "Tambahan penghasilan pegawai sudah {n} bulan belum dibayarkan tanpa penjelasan."},
		{"ASN keluyuran di jam kerja", "Ada pegawai yang sering terlihat di warung kopi pada jam kerja memakai seragam dinas."},
		{"Nasib tenaga honorer", "Tenaga honorer yang sudah bekerja lebih dari {n} tahun belum mendapat kepastian pengangkatan PPPK."},
		{"SK PPPK belum diterima|Pengangkatan PPPK belum jelas", "Hasil seleksi PPPK sudah diumumkan tetapi SK pengangkatan belum juga diterima."},
	}, []string{"transparansi seleksi jabatan di lingkungan pemkab"},
		[]string{"jadwal penerimaan PPPK tahun ini", "syarat kenaikan pangkat"}},
	catBansos: {"Bantuan Sosial", []item{
		{"Bansos PKH tidak tepat sasaran", "Penerima bantuan PKH di {desa} banyak yang mampu, sedangkan warga yang benar-benar miskin tidak mendapat bantuan."},
		{"Nama hilang dari DTKS|Bantuan tidak cair lagi", "Nama keluarga kami hilang dari DTKS sehingga bantuan yang biasanya diterima sudah {n} bulan tidak cair."},
		{"Bantuan beras tidak diterima semua", "Bantuan beras untuk warga {desa} tidak dibagikan semuanya, sebagian katanya untuk cadangan."},
		{"Pemotongan bantuan sosial oleh oknum", "Ada oknum yang memotong uang bantuan sosial dengan alasan biaya administrasi."},
		{"Lansia belum pernah dapat bantuan", "Lansia di {place} belum pernah menerima bantuan padahal sudah didata berkali-kali."},
	}, []string{"pendataan ulang warga miskin di {desa}", "bantuan untuk lansia terlantar di {kec}"},
		[]string{"cara mendaftar DTKS", "jadwal penyaluran bantuan di {kec}"}},
	catPerhubungan: {"Perhubungan", []item{
		{"Parkir liar di {pasar}", "Parkir liar di sekitar {pasar} membuat jalan macet dan juru parkir menarik tarif melebihi ketentuan."},
		{"Rambu lalu lintas rusak di {jalan}", "Rambu dan marka di {jalan} sudah rusak dan tidak terlihat, sering terjadi kecelakaan di persimpangan."},
		{"Kapal klotok tanpa pelampung", "Kapal klotok penumpang ke {kec} tidak menyediakan pelampung dan penumpangnya melebihi kapasitas."},
		{"Truk bermuatan berlebih merusak jalan", "Truk bermuatan berlebih melintas setiap malam di {jalan} sehingga jalan cepat rusak."},
	}, []string{"penambahan lampu lalu lintas di {jalan}", "dermaga penumpang di {kec}"},
		[]string{"tarif resmi parkir di {pasar}", "jadwal uji KIR kendaraan"}},
	catPJU: {"Listrik/Penerangan Jalan", []item{
		{"Lampu jalan mati di {jalan}|PJU padam", "Lampu penerangan jalan di {jalan} sudah mati sejak {dur}, malam hari sangat gelap dan rawan kejahatan."},
		{"Penerangan jalan umum padam di {desa}", "Sebanyak {n} lampu jalan di {desa} padam, warga takut keluar malam."},
		{"Tiang PJU miring hampir roboh", "Tiang lampu jalan di {place} miring dan kabelnya menjuntai, membahayakan pengguna jalan."},
	}, []string{"pemasangan lampu jalan tenaga surya di {desa}"},
		[]string{"prosedur pengajuan pemasangan PJU di {desa}"}},
	catLingkungan: {"Lingkungan Hidup", []item{
		{"Sampah menumpuk di {place}|Truk sampah tidak datang", "Sampah di TPS {desa} menumpuk dan berbau karena sudah {n} hari tidak diangkut."},
		{"Limbah dibuang ke sungai", "Ada usaha yang membuang limbah cair langsung ke sungai di {kec}, air menjadi berbau dan ikan mati."},
		{"Pembakaran sampah di dekat permukiman", "Warga membakar sampah setiap sore di dekat permukiman {desa}, asapnya mengganggu pernapasan anak-anak."},
		{"TPS liar di {jalan}", "Muncul tempat pembuangan sampah liar di pinggir {jalan}, mohon dipasang larangan dan diangkut."},
	}, []string{"penambahan bak sampah di {desa}", "bank sampah di {kec}"},
		[]string{"jadwal angkutan sampah di {kec}", "syarat izin lingkungan usaha kecil"}},
	catPerizinan: {"Perizinan", []item{
		{"Pengurusan PBG lama", "Permohonan PBG untuk rumah toko saya sudah {n} minggu belum ada kabar, padahal syarat sudah lengkap."},
		{"Izin usaha di OSS bermasalah", "NIB usaha saya di OSS tidak bisa diterbitkan karena data lokasi tidak sesuai, mohon dibantu."},
		{"Biaya perizinan tidak jelas", "Petugas menyebut ada biaya tambahan untuk mempercepat izin, padahal informasinya gratis."},
	}, []string{"layanan perizinan keliling ke {kec}"},
		[]string{"syarat izin usaha mikro", "lama proses penerbitan PBG"}},
	catInformasi: {"Informasi Publik", []item{
		{"Website pemkab tidak bisa diakses", "Website resmi pemerintah kabupaten sering tidak bisa diakses dan informasinya tidak diperbarui."},
		{"Permohonan informasi publik tidak dijawab", "Permohonan informasi publik yang saya ajukan sejak {dur} belum dijawab."},
	}, []string{"aplikasi layanan publik satu pintu"},
		[]string{"daftar informasi publik pemkab", "cara mengajukan permohonan informasi publik"}},
	catTelekomunikasi: {"Telekomunikasi", []item{
		{"Sinyal internet tidak ada di {desa}", "Di {desa} tidak ada sinyal internet sama sekali sehingga anak-anak kesulitan belajar daring."},
		{"Wifi desa tidak berfungsi", "Wifi gratis di balai {desa} sudah {n} bulan tidak berfungsi."},
	}, []string{"pembangunan menara BTS di {kec}"},
		[]string{"program internet desa di {kec}"}},
	catKetertiban: {"Ketertiban Umum", []item{
		{"Pedagang kaki lima menutup trotoar", "Pedagang kaki lima berjualan di trotoar sekitar {pasar} sampai pejalan kaki harus turun ke jalan."},
		{"Balap liar di {jalan} tiap malam", "Setiap malam minggu ada balap liar di {jalan}, sangat bising dan membahayakan warga."},
		{"Hiburan malam bising", "Tempat hiburan di {kec} memutar musik keras sampai lewat tengah malam."},
		{"ODGJ berkeliaran di {pasar}", "Ada orang dengan gangguan jiwa berkeliaran di {pasar} dan pernah mengganggu pengunjung."},
	}, []string{"penertiban reklame liar di {jalan}"},
		[]string{"aturan jam operasional hiburan malam"}},
	catBencana: {"Bencana Alam", []item{
		{"Angin puting beliung merusak rumah di {desa}", "Angin puting beliung kemarin sore merusak atap {n} rumah di {place}, warga butuh terpal dan bantuan."},
		{"Kebakaran lahan dekat permukiman", "Kebakaran lahan gambut di {kec} asapnya sampai ke permukiman, mohon dipadamkan."},
		{"Longsor tebing sungai di {desa}", "Tebing sungai di {desa} longsor dan mengancam rumah warga di pinggir sungai."},
	}, []string{"pelatihan relawan siaga bencana di {kec}"},
		[]string{"cara melapor kejadian bencana di {kec}"}},
	catPerumahan: {"Perumahan", []item{
		{"Bantuan bedah rumah tidak merata", "Bantuan bedah rumah di {desa} hanya diberikan kepada keluarga perangkat desa, rumah warga yang hampir roboh tidak didata."},
		{"RTLH di {desa} belum tersentuh bantuan", "Rumah tidak layak huni milik janda tua di {place} belum pernah mendapat bantuan."},
		{"Perumahan subsidi tanpa fasilitas umum", "Perumahan subsidi di {kec} belum memiliki saluran air dan jalan lingkungan padahal sudah dihuni sejak {dur}."},
	}, []string{"program rumah layak huni untuk {desa}"},
		[]string{"syarat penerima bantuan bedah rumah"}},
	catAir: {"Air Bersih", []item{
		{"Air PDAM mati di {place}|Air tidak mengalir", "Air PDAM di {place} sudah {n} hari tidak mengalir, warga terpaksa membeli air galon untuk mandi dan memasak."},
		{"Air keruh dan berbau", "Air yang keluar dari keran berwarna kecoklatan dan berbau lumpur, tidak layak dipakai."},
		{"Tagihan air membengkak", "Tagihan air bulan ini naik tiga kali lipat padahal pemakaian biasa, meteran sepertinya rusak."},
		{"Pipa PDAM bocor di {jalan}", "Pipa PDAM di {jalan} bocor sejak {dur} dan airnya terbuang ke jalan."},
		{"Sambungan baru PDAM tidak dipasang", "Saya sudah membayar biaya sambungan baru sejak {dur} tetapi belum juga dipasang."},
	}, []string{"perluasan jaringan pipa air bersih ke {desa}"},
		[]string{"biaya pemasangan sambungan baru PDAM", "jadwal gangguan distribusi air di {kec}"}},
	catPertanian: {"Pertanian", []item{
		{"Pupuk subsidi langka", "Pupuk subsidi di kios resmi {kec} selalu kosong saat musim tanam, petani terpaksa membeli pupuk nonsubsidi yang mahal."},
		{"Bantuan alsintan tidak tepat sasaran", "Bantuan traktor untuk kelompok tani di {desa} dikuasai satu orang saja."},
		{"Hama tikus menyerang sawah di {desa}", "Hama tikus menyerang sawah di {desa} dan sudah {n} hektare gagal panen, mohon penyuluhan dan bantuan."},
	}, []string{"bantuan bibit padi unggul untuk {desa}"},
		[]string{"cara mendapatkan kartu tani", "kuota pupuk subsidi di {kec}"}},
	catPerikanan: {"Perikanan", []item{
		{"Penangkapan ikan dengan setrum di rawa", "Masih ada orang yang menangkap ikan dengan setrum di rawa {kec}, ikan kecil ikut mati dan hasil tangkapan nelayan menurun."},
		{"Bantuan bibit ikan tidak merata", "Bantuan bibit ikan dan pakan untuk pembudidaya di {desa} hanya diterima sebagian kelompok."},
		{"Keramba warga rusak", "Keramba ikan warga di {desa} rusak karena arus, mohon bantuan perbaikan."},
	}, []string{"pembinaan kelompok pembudidaya ikan di {kec}"},
		[]string{"syarat bantuan kapal untuk nelayan"}},
	catPerdagangan: {"Perdagangan", []item{
		{"Harga elpiji 3 kg mahal di pangkalan", "Harga elpiji 3 kg di pangkalan {desa} dijual Rp{n}5.000, jauh di atas harga eceran tertinggi."},
		{"Pasar becek dan kumuh", "Lantai {pasar} becek dan atapnya bocor, pedagang dan pembeli tidak nyaman."},
		{"Timbangan pedagang tidak sesuai", "Timbangan beberapa pedagang di {pasar} tidak sesuai, berat barang selalu kurang."},
		{"Minyak goreng langka", "Minyak goreng kemasan sederhana sulit didapat di {kec}."},
	}, []string{"revitalisasi {pasar}"},
		[]string{"harga eceran tertinggi elpiji 3 kg", "jadwal operasi pasar murah di {kec}"}},
	catUMKM: {"UMKM dan Koperasi", []item{
		{"Bantuan modal UMKM tidak jelas", "Saya sudah mendaftar bantuan modal usaha mikro sejak {dur} tetapi tidak ada kabar."},
		{"Koperasi tidak membagikan SHU", "Koperasi di {desa} tidak pernah rapat anggota dan tidak membagikan SHU kepada anggota."},
	}, []string{"pelatihan pemasaran daring untuk UMKM {kec}"},
		[]string{"syarat pendaftaran bantuan UMKM"}},
	catPajak: {"Pajak Daerah", []item{
		{"SPPT PBB salah nama", "Nama di SPPT PBB tanah saya masih tertulis nama pemilik lama padahal sudah balik nama."},
		{"Tagihan PBB naik drastis", "Tagihan PBB tahun ini naik hampir dua kali lipat tanpa pemberitahuan."},
		{"Pembayaran PBB tidak tercatat", "Saya sudah membayar PBB melalui bank tetapi di sistem masih tercatat menunggak."},
	}, []string{"pembayaran PBB secara daring"},
		[]string{"batas waktu pembayaran PBB tahun ini", "cara mengurus keringanan PBB"}},
	catKecamatan: {"Pelayanan Kecamatan", []item{
		{"Surat keterangan di kantor kecamatan lama", "Pengurusan surat keterangan di kantor kecamatan memakan waktu {n} hari padahal hanya perlu tanda tangan."},
		{"Pegawai kecamatan tidak di tempat", "Saat jam kerja kantor kecamatan sering kosong dan pegawainya tidak di tempat."},
		{"Pungutan surat pengantar", "Untuk surat pengantar diminta uang Rp{n}0.000 tanpa kuitansi."},
	}, []string{"pelayanan kecamatan pada hari Sabtu"},
		[]string{"syarat pembuatan surat keterangan usaha"}},
	catDanaDesa: {"Dana Desa", []item{
		{"Penggunaan dana desa tidak transparan di {desa}", "Penggunaan dana desa di {desa} tidak pernah diumumkan, papan informasi APBDes tidak ada."},
		{"BLT dana desa tidak dibagikan", "BLT dana desa untuk warga {desa} sudah {n} bulan tidak dibagikan tanpa alasan."},
		{"Proyek dana desa mangkrak", "Pembangunan siring dari dana desa di {desa} berhenti sejak {dur} dan tidak dilanjutkan."},
	}, []string{"pelatihan aparatur desa di {kec}"},
		[]string{"besaran dana desa untuk {desa} tahun ini"}},
	catNaker: {"Ketenagakerjaan", []item{
		{"Gaji di bawah UMK", "Perusahaan tempat saya bekerja di {kec} membayar gaji di bawah UMK dan tanpa BPJS Ketenagakerjaan."},
		{"Kartu kuning lama diurus", "Pembuatan kartu pencari kerja memakan waktu {n} hari."},
		{"PHK sepihak tanpa pesangon", "Saya diberhentikan sepihak tanpa pesangon setelah bekerja {n} tahun."},
	}, []string{"pelatihan kerja untuk pemuda {kec}"},
		[]string{"syarat pembuatan kartu kuning", "info lowongan kerja di {kec}"}},
}

var (
	openers = []string{"Assalamualaikum.", "Selamat pagi Bapak/Ibu.", "Selamat siang.", "Yth. {agency},", "Mohon izin melapor.", "Permisi, saya warga {kec}.", "Kepada Yth. Bapak Bupati HSU,"}
	details = []string{
		"Hal ini sudah berlangsung sejak {dur}.",
		"Sudah pernah dilaporkan ke pihak desa tetapi belum ada tindak lanjut.",
		"Warga sudah gotong royong tetapi tidak bisa mengatasi sendiri.",
		"Kami sudah bertanya ke kantor terkait, jawabannya hanya \"masih diproses\".",
		"Foto kejadian sudah saya lampirkan.",
		"Lokasinya di {rt} {desa}, dekat masjid.",
		"Ini bukan pertama kali, tahun lalu juga terjadi hal yang sama.",
		"Kondisi ini sangat merugikan warga, terutama lansia dan anak-anak.",
	}
	closers   = []string{"Mohon segera ditindaklanjuti. Terima kasih.", "Terima kasih atas perhatiannya.", "Mohon perhatian pemerintah daerah.", "Kami tunggu tindak lanjutnya.", "Atas perhatian Bapak/Ibu kami ucapkan terima kasih.", "Tolong dicek ke lapangan."}
	aspBodies = []string{
		"Kami warga {place} mengusulkan {usulan}. Hal ini sangat dibutuhkan warga sekitar.",
		"Usul kepada pemerintah daerah agar ada {usulan}, karena selama ini warga harus jauh ke kota.",
		"Mohon dipertimbangkan {usulan} dalam musrenbang tahun depan.",
	}
	infoBodies = []string{
		"Mohon informasi mengenai {info}. Saya sudah mencari di website tetapi tidak menemukan.",
		"Saya ingin menanyakan {info}, ke mana saya harus datang dan apa saja syaratnya?",
		"Izin bertanya, bagaimana {info}? Terima kasih.",
	}
	fillers   = []string{"Saya warga {place}.", "Mohon penjelasannya dari instansi terkait.", "Banyak warga {kec} yang juga menanyakan hal ini.", "Terima kasih sebelumnya atas jawabannya."}
	durations = []string{"dua minggu lalu", "sebulan yang lalu", "tiga bulan lalu", "awal tahun", "lebih dari seminggu lalu", "bulan lalu", "setengah tahun lalu", "tahun lalu"}
	hari      = []string{"Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu"}
)
