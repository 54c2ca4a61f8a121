package ingest

import (
	"strings"
	"testing"
)

func TestFoldHeader(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"No. Tracking", "no tracking"},
		{"no tracking", "no tracking"},
		{"NO_TRACKING", "no tracking"},
		{"  No . _ Tracking  ", "no tracking"},
		{"\ufeffNo. Tracking", "no tracking"},
		{"Tanggal__Laporan", "tanggal laporan"},
		{"TanggalLaporanMasuk", "tanggallaporanmasuk"},
		{"No. HP Pelapor", "no hp pelapor"},
		{"", ""},
	} {
		if got := FoldHeader(c.in); got != c.want {
			t.Errorf("FoldHeader(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestRedact(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"tidak ada data pribadi", "tidak ada data pribadi"},
		{"NIK 6308015501900001 ya", "NIK [NIK] ya"},
		{"NIK: 6308 0155 0190 0001.", "NIK: [NIK]."},
		{"hp 081299998888", "hp [HP]"},
		{"hp 0812-9999-8888, terima kasih", "hp [HP], terima kasih"},
		{"hp 0812 9999 8888", "hp [HP]"},
		{"wa +62 812-7777-6666", "wa [HP]"},
		{"wa +6281277776666", "wa [HP]"},
		{"wa 6281277776666", "wa [HP]"},
		{"tgl 12 081299998888", "tgl 12 [HP]"},
		{"email planted.person@example.org!", "email [EMAIL]!"},
		{"a@b.co dan c.d+e@sub.example.id.", "[EMAIL] dan [EMAIL]."},
		{"budi123@gmail.com 081299998888", "[EMAIL] [HP]"},
		{"@username di twitter", "@username di twitter"},
		{"RT 02 RW 03 no 15", "RT 02 RW 03 no 15"},
		{"tahun 2025, Rp 1.500.000", "tahun 2025, Rp 1.500.000"},
		{"nomor 12345678901234567", "nomor 12345678901234567"}, // 17 digits: not a NIK
		{"telepon kantor (0527) 61234", "telepon kantor (0527) 61234"},
		// Labelled values (input-formats.md, "Personal data in free text").
		{"Nama : Budi Santoso Alamat : Kp Sukamaju Rt 03/Rw 09 Kec Cibiru\nMohon jalan diperbaiki", "Nama : [NAMA] Alamat : [ALAMAT]\nMohon jalan diperbaiki"},
		{"mohon bantuannya tolongNama : Budi Alamat : Kp Cibiru Rt 03", "mohon bantuannya tolongNama : [NAMA] Alamat : [ALAMAT]"},
		{"Nama: Siti, Alamat: Jl. Merdeka No. 5, Amuntai", "Nama: [NAMA], Alamat: [ALAMAT]"},
		{"NAMA LENGKAP : SITI AMINAH\r\nTTL : Amuntai, 12 Mei 1980\r\nisi", "NAMA LENGKAP : [NAMA]\r\nTTL : [TTL]\r\nisi"},
		{"Tempat/Tanggal Lahir: Amuntai, 1 Januari 1990", "Tempat/Tanggal Lahir: [TTL]"},
		{"No. KK : 6308011234567890 mohon dibantu", "No. KK : [KK] mohon dibantu"},
		{"No.KK: 630801123456 (salah ketik)", "No.KK: [KK] (salah ketik)"},
		{"NIK : 630801550190000 (15 angka)", "NIK : [NIK] (15 angka)"},
		{"No HP : 0812 3456 7890, terima kasih", "No HP : [HP], terima kasih"},
		{"Email : budi di gmail", "Email : [EMAIL]"},
		{"Alamat Email: budi@example.org", "Alamat Email: [EMAIL]"},
		{"jalan rusak, bahwa: sudah lama", "jalan rusak, bahwa: sudah lama"},
		{"Namanya : tidak tahu", "Namanya : tidak tahu"},
		{"keluarga KK 3 orang", "keluarga KK 3 orang"},
		{"Nama :\nAlamat : x", "Nama :\nAlamat : [ALAMAT]"},
		// Phone spellings (issue 11).
		{"hp (0812) 3456 7890", "hp [HP]"},
		{"hp 0812/3456/7890", "hp [HP]"},
		{"hp 0812 - 3456 - 7890", "hp [HP]"},
		{"hp 0812  3456  7890", "hp [HP]"},
		{"hp +62(812)3456-7890", "hp [HP]"},
		{"hp +62 (812) 3456 7890", "hp [HP]"},
		{"hp (+62) 812 3456 7890", "hp [HP]"},
		{"hp ０８１２３４５６７８９０", "hp [HP]"},
		{"hp ＋６２ ８１２–３４５６–７８９０", "hp [HP]"},
		{"NIK ６３０８０１５５０１９００００１", "NIK [NIK]"},
		{"tahun 2020–2024 — lama sekali", "tahun 2020-2024 — lama sekali"},
	} {
		if got := Redact(c.in); got != c.want {
			t.Errorf("Redact(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestNormaliseStatus(t *testing.T) {
	for raw, want := range map[string]string{
		"Belum Terverifikasi": StatusUnverified, "belum": StatusUnverified,
		"Terverifikasi": StatusVerified, "Belum Ditindaklanjuti": StatusDisposed,
		"Terdisposisi Belum Ditindaklanjuti": StatusDisposed, "Disposisi": StatusDisposed,
		"Didisposisikan": StatusDisposed, "Proses": StatusInProgress, "Sedang Diproses": StatusInProgress,
		"Terdisposisi Sedang Diproses": StatusInProgress, "Ditindaklanjuti": StatusInProgress,
		"Selesai": StatusClosed, "Terdisposisi Selesai": StatusClosed, "Selesai Ditindaklanjuti": StatusClosed,
		"Tertunda": StatusPostponed, "Tunda": StatusPostponed, "Bukan Wewenang": StatusNotAuthority,
		"Diarsipkan": StatusArchived, "Arsip": StatusArchived, "Ditolak": StatusArchived,
		"  SELESAI  ": StatusClosed, "terdisposisi  selesai": StatusClosed,
		"Status Aneh": StatusUnknown, "": StatusUnknown,
	} {
		if got := NormaliseStatus(raw, nil); got != want {
			t.Errorf("NormaliseStatus(%q) = %q, want %q", raw, got, want)
		}
	}
	if got := NormaliseStatus("Open", map[string]string{"open": StatusInProgress}); got != StatusInProgress {
		t.Errorf("layout status = %q", got)
	}
}

func TestPseudonym(t *testing.T) {
	p := NewPseudonymizer([]byte("0123456789abcdef0123456789abcdef"))
	q := NewPseudonymizer([]byte("another key, another installation"))
	a := p.Key("Siti Rahmawati", "0812-9999-8888")
	if a == "" || strings.Contains(a, "9999") || len(a) != 64 {
		t.Fatalf("key %q", a)
	}
	if b := p.Key("siti  rahmawati", "+62 812 9999 8888"); b != a {
		t.Errorf("same phone in another form gives another key: %s %s", a, b)
	}
	if b := p.Key("Siti", "081299998888"); b != a {
		t.Errorf("phone should identify: %s %s", a, b)
	}
	if p.Key("Budi", "") != p.Key(" budi ", "") {
		t.Error("name folding")
	}
	if p.Key("Budi", "") == p.Key("Badu", "") {
		t.Error("different names, same key")
	}
	if p.Key("Anonim", "") != "" || p.Key("", "") != "" {
		t.Error("anonymous reporters must have no key")
	}
	if q.Key("Siti Rahmawati", "081299998888") == a {
		t.Error("another installation's key must differ")
	}
}

func TestLoadOrCreateSecret(t *testing.T) {
	path := t.TempDir() + "/sub/secret.key"
	k1, err := LoadOrCreateSecret(path)
	if err != nil || len(k1) != 32 {
		t.Fatalf("create: %v %d", err, len(k1))
	}
	k2, err := LoadOrCreateSecret(path)
	if err != nil || string(k1) != string(k2) {
		t.Fatalf("reload: %v", err)
	}
}
