package msg

import (
	"math"
	"strconv"
	"strings"
	"time"
)

// seps returns the thousands and decimal separators.
func (l Lang) seps() (thousands, decimal string) {
	if l == EN {
		return ",", "."
	}
	return ".", ","
}

// Number writes n with the thousands separator: 1.234.567 (id) or 1,234,567 (en).
func (l Lang) Number(n int64) string {
	th, _ := l.seps()
	return group(strconv.FormatInt(n, 10), th)
}

func group(s, sep string) string {
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var b strings.Builder
	if neg {
		b.WriteByte('-')
	}
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteString(sep)
		}
		b.WriteRune(c)
	}
	return b.String()
}

// Decimal writes x rounded to decimals places (half away from zero), with both separators:
// 1.234,5 (id) or 1,234.5 (en).
func (l Lang) Decimal(x float64, decimals int) string {
	th, dec := l.seps()
	p := math.Pow(10, float64(decimals))
	x = math.Round(x*p) / p
	s := strconv.FormatFloat(x, 'f', decimals, 64)
	whole, frac, _ := strings.Cut(s, ".")
	out := group(whole, th)
	if out == "-0" && strings.Trim(frac, "0") == "" {
		out = "0"
	}
	if decimals > 0 {
		out += dec + frac
	}
	return out
}

var monthsID = [...]string{"Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember"}
var monthsIDShort = [...]string{"Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des"}
var weekdaysID = [...]string{"Minggu", "Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu"}

// Month writes "Oktober 2025" / "October 2025".
func (l Lang) Month(t time.Time) string {
	if l == EN {
		return t.Format("January 2006")
	}
	return monthsID[t.Month()-1] + " " + strconv.Itoa(t.Year())
}

// MonthShort writes "Okt 2025" / "Oct 2025".
func (l Lang) MonthShort(t time.Time) string {
	if l == EN {
		return t.Format("Jan 2006")
	}
	return monthsIDShort[t.Month()-1] + " " + strconv.Itoa(t.Year())
}

// Date writes "31 Oktober 2025" / "31 October 2025".
func (l Lang) Date(t time.Time) string {
	if l == EN {
		return t.Format("2 January 2006")
	}
	return strconv.Itoa(t.Day()) + " " + monthsID[t.Month()-1] + " " + strconv.Itoa(t.Year())
}

// Weekday writes "Senin" / "Monday".
func (l Lang) Weekday(t time.Time) string {
	if l == EN {
		return t.Weekday().String()
	}
	return weekdaysID[t.Weekday()]
}

// DateTime writes t in its own zone: "31 Oktober 2025 22.04 WITA" / "31 October 2025 22:04 WITA".
func (l Lang) DateTime(t time.Time) string {
	zone, _ := t.Zone()
	clock := t.Format("15.04")
	if l == EN {
		clock = t.Format("15:04")
	}
	return l.Date(t) + " " + clock + " " + zone
}
