package ingest

import (
	"fmt"
	"strings"
	"testing"
)

// personalNumberLeft returns a phone number or NIK that survived in masked text: digit groups
// joined as people write them (joins) that classify as one. "" when none.
func personalNumberLeft(s string) string {
	s = foldDigits(s)
	groups := digitGroups(s)
	for i := range groups {
		plus := groups[i].start > 0 && s[groups[i].start-1] == '+'
		var digits []byte
		for j := i; j < len(groups); j++ {
			if j > i && !joins(s[groups[j-1].end:groups[j].start]) {
				break
			}
			digits = append(digits, s[groups[j].start:groups[j].end]...)
			if len(digits) > 16 {
				break
			}
			if classifyNumber(digits, plus) != "" {
				return s[groups[i].start:groups[j].end]
			}
		}
	}
	return ""
}

// FuzzRedact: masking is idempotent, and no phone number or NIK survives it.
func FuzzRedact(f *testing.F) {
	for _, s := range []string{
		"Nama : Budi Alamat : Kp Sukamaju Rt 03/Rw 09\nhp 0812-3456-7890",
		"tolongNama : Budi NIK : 6308015501900001",
		"hp +62(812)3456-7890 / (0812) 3456 7890 / ０８１２３４５６７８９０",
		"NIK: 6308 0155 0190 0001. Email : a@b.co",
		"tahun 2020–2024, Rp 1.500.000, RT 02 RW 03",
		"No. KK : [KK] Nama : [NAMA]",
		"081234567890123456789 62812345678 +6281 2345 6789",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		once := Redact(s)
		if twice := Redact(once); twice != once {
			t.Fatalf("not idempotent:\n in    %q\n once  %q\n twice %q", s, once, twice)
		}
		if left := personalNumberLeft(once); left != "" {
			t.Fatalf("%q survives in %q (from %q)", left, once, s)
		}
	})
}

// phoneSpellings write the mobile number 08xx xxxx xxxx (digits d, 12 of them) as people do.
var phoneSpellings = []func(d string) string{
	func(d string) string { return d },
	func(d string) string { return d[:4] + "-" + d[4:8] + "-" + d[8:] },
	func(d string) string { return d[:4] + " - " + d[4:8] + " - " + d[8:] },
	func(d string) string { return d[:4] + "/" + d[4:8] + "/" + d[8:] },
	func(d string) string { return d[:4] + "  " + d[4:8] + "  " + d[8:] },
	func(d string) string { return "(" + d[:4] + ") " + d[4:8] + " " + d[8:] },
	func(d string) string { return "+62(" + d[1:4] + ")" + d[4:8] + "-" + d[8:] },
	func(d string) string { return "+62 " + d[1:4] + " " + d[4:8] + " " + d[8:] },
	func(d string) string { return "(+62) " + d[1:4] + "." + d[4:8] + "." + d[8:] },
	func(d string) string { return fullWidth(d) },
	func(d string) string { return "＋６２ " + fullWidth(d[1:4]) + "–" + fullWidth(d[4:]) },
	func(d string) string { return "No HP : " + d },
	func(d string) string { return "tolongNo HP:" + d[:4] + " " + d[4:] },
}

func fullWidth(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r >= '0' && r <= '9' {
			r += 0xFF10 - '0'
		}
		b.WriteRune(r)
	}
	return b.String()
}

// FuzzRedactPhone: a mobile number in any of its spellings, between any texts, loses its digits.
func FuzzRedactPhone(f *testing.F) {
	f.Add("mohon dibantu", "terima kasih", uint8(0), uint64(12345678))
	f.Add("Nama : Budi", "Alamat : Kp 3", uint8(6), uint64(99999999))
	f.Add("", "", uint8(10), uint64(0))
	f.Fuzz(func(t *testing.T, prefix, suffix string, style uint8, n uint64) {
		d := fmt.Sprintf("081%d%08d", n%10, n%100000000)
		phone := phoneSpellings[int(style)%len(phoneSpellings)](d)
		in := prefix + " ; " + phone + " ; " + suffix
		out := Redact(in)
		if got, most := digitCount(foldDigits(out)), digitCount(foldDigits(prefix))+digitCount(foldDigits(suffix)); got > most {
			t.Fatalf("the phone's digits survive: %q -> %q", in, out)
		}
	})
}

func TestRedactMasksEveryPhoneSpelling(t *testing.T) {
	for i, spell := range phoneSpellings {
		in := "hubungi " + spell("081234567890") + " ya"
		out := Redact(in)
		if digitCount(foldDigits(out)) != 0 || !strings.Contains(out, MaskPhone) {
			t.Errorf("spelling %d: %q -> %q", i, in, out)
		}
	}
}

// BenchmarkRedact: typical bodies, without personal data (most) and with labelled data.
func BenchmarkRedact(b *testing.B) {
	plain := "Yth. Dinas Pekerjaan Umum dan Penataan Ruang, Saluran drainase di Jalan Transpolitan tersumbat sampah dan lumpur sehingga setiap hujan deras air meluap ke jalan dan rumah warga. Mohon perhatian pemerintah daerah."
	labelled := "Lampu jalan mati sejak 2 minggu, mohon bantuan tolongNama : Rahmat Hidayat Alamat : Jl. Ahmad Yani Rt 03/Rw 09 Kec Amuntai Tengah\nNo HP: 0812-3456-7890. Terima kasih."
	for _, c := range []struct{ name, s string }{{"plain", plain}, {"labelled", labelled}} {
		b.Run(c.name, func(b *testing.B) {
			b.SetBytes(int64(len(c.s)))
			for i := 0; i < b.N; i++ {
				Redact(c.s)
			}
		})
	}
}
