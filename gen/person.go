package gen

import (
	"math/rand/v2"
	"strconv"
	"strings"
)

// personName is a plausible Banjar/Indonesian name.
func personName(r *rand.Rand) string {
	female := r.IntN(2) == 0
	var b strings.Builder
	if r.Float64() < 0.06 {
		if female {
			b.WriteString("Hj. ")
		} else {
			b.WriteString("H. ")
		}
	}
	if female {
		b.WriteString(pickS(r, firstNamesF))
	} else {
		b.WriteString(pickS(r, firstNamesM))
	}
	if r.Float64() < 0.8 {
		b.WriteByte(' ')
		b.WriteString(pickS(r, secondNames))
	}
	return b.String()
}

// phoneDigits is an Indonesian mobile number in national form, 11 to 13 digits (08xx...).
func phoneDigits(r *rand.Rand) string {
	b := make([]byte, 0, 13)
	b = append(b, pickS(r, phonePrefixes)...)
	n := 7 + r.IntN(3)
	for range n {
		b = append(b, byte('0'+r.IntN(10)))
	}
	return string(b)
}

// phoneColumn writes a number as No. HP Pelapor holds it: mostly 08..., sometimes +62 or 62.
func phoneColumn(r *rand.Rand, digits string) string {
	switch x := r.Float64(); {
	case x < 0.8:
		return digits
	case x < 0.92:
		return "+62" + digits[1:]
	default:
		return "62" + digits[1:]
	}
}

// appendPhoneText writes a number as citizens type it in a complaint body.
func appendPhoneText(b []byte, r *rand.Rand, d string) []byte {
	switch r.IntN(5) {
	case 0, 1: // 0812-3456-7890
		return append(append(append(append(append(b, d[:4]...), '-'), d[4:8]...), '-'), d[8:]...)
	case 2: // 081234567890
		return append(b, d...)
	case 3: // +62 812 3456 7890
		return append(append(append(append(append(append(b, "+62 "...), d[1:4]...), ' '), d[4:8]...), ' '), d[8:]...)
	default: // 0812 3456 7890
		return append(append(append(append(append(b, d[:4]...), ' '), d[4:8]...), ' '), d[8:]...)
	}
}

// appendNIK writes a well-formed, fake 16-digit NIK of Hulu Sungai Utara (63.08): kecamatan,
// birth date (day + 40 for women), serial.
func appendNIK(b []byte, r *rand.Rand, kec *kecamatan) []byte {
	b = append(b, "6308"...)
	b = append(b, kec.code...)
	dd := 1 + r.IntN(28)
	if r.IntN(2) == 0 {
		dd += 40
	}
	mm := 1 + r.IntN(12)
	yy := r.IntN(100)
	for _, v := range []int{dd, mm, yy} {
		b = append(b, byte('0'+v/10), byte('0'+v%10))
	}
	s := 1 + r.IntN(999)
	return append(b, byte('0'+s/1000), byte('0'+s/100%10), byte('0'+s/10%10), byte('0'+s%10))
}

// appendEmail writes an e-mail address built from a name.
func appendEmail(b []byte, r *rand.Rand, name string) []byte {
	name = strings.TrimPrefix(strings.TrimPrefix(name, "H. "), "Hj. ")
	first, second, _ := strings.Cut(name, " ")
	b = appendLowerLetters(b, first)
	if second != "" && r.IntN(2) == 0 {
		if r.IntN(2) == 0 {
			b = append(b, '.')
		}
		b = appendLowerLetters(b, second)
	}
	if r.IntN(3) > 0 {
		b = strconv.AppendInt(b, int64(r.IntN(2000)), 10)
	}
	b = append(b, '@')
	return append(b, pickS(r, mailDomains)...)
}

func appendLowerLetters(b []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'A' && c <= 'Z':
			b = append(b, c+'a'-'A')
		case c >= 'a' && c <= 'z':
			b = append(b, c)
		}
	}
	return b
}

func upper(s string) string { return strings.ToUpper(s) }

// doubleSpace doubles the k-th inner space (modulo the number of spaces).
func doubleSpace(s string, k int) string {
	n := strings.Count(s, " ")
	if n == 0 {
		return s + " "
	}
	k %= n
	idx := -1
	for i := 0; i <= k; i++ {
		idx += 1 + strings.IndexByte(s[idx+1:], ' ')
	}
	return s[:idx] + " " + s[idx:]
}

// lowerAfterFirst keeps the first word and lowercases the rest ("Dinas kesehatan").
func lowerAfterFirst(s string) string {
	i := strings.IndexByte(s, ' ')
	if i < 0 {
		return strings.ToLower(s)
	}
	return s[:i] + strings.ToLower(s[i:])
}
