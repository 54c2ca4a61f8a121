package reports

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/hsu-lapor/rapor/internal/msg"
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
	tx, ok := msg.Raw(l.msg(), key)
	if !ok {
		panic("reports: no text for " + key)
	}
	return tx
}

// msg is the language in the message catalogue's terms.
func (l lang) msg() msg.Lang {
	if l.code == "en" {
		return msg.EN
	}
	return msg.ID
}

// hasText says whether the catalogue has key (codes from the data may have none).
func hasText(key string) bool { return msg.Has(key) }

// tf formats the text of key.
func (l lang) tf(key string, args ...any) string { return fmt.Sprintf(l.t(key), args...) }

// sources names the snapshot exports a build rests on ("26 ekspor mingguan Laporan Ringkas,
// 3 Mei 2025 – 25 Okt 2025"), so that a reader knows how precise the bounded times are; "" when
// the build rests on exports with event times only.
func (l lang) sources(b Build) string {
	switch {
	case b.Snapshots == 0:
		return ""
	case b.Snapshots == 1:
		return l.tf("sources_one", l.date(b.SnapshotFirst))
	}
	cadence := "sources_irregular"
	switch {
	case b.SnapshotGapDays <= 1.5:
		cadence = "sources_daily"
	case b.SnapshotGapDays <= 10:
		cadence = "sources_weekly"
	case b.SnapshotGapDays <= 40:
		cadence = "sources_monthly"
	}
	return l.tf("sources_many", b.Snapshots, l.t(cadence), l.date(b.SnapshotFirst), l.date(b.SnapshotLast))
}

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

// quarter renders the quarter a month falls in: "Triwulan I 2025" / "Q1 2025".
func (l lang) quarter(t time.Time) string {
	q := (int(t.Month())-1)/3 + 1
	if l.code == "en" {
		return "Q" + strconv.Itoa(q) + " " + strconv.Itoa(t.Year())
	}
	return "Triwulan " + [...]string{"I", "II", "III", "IV"}[q-1] + " " + strconv.Itoa(t.Year())
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

// unitName is a data-quality unit (complaints, rows, agencies) in the language.
func (l lang) unitName(code string) string {
	if hasText("unit_" + code) {
		return l.t("unit_" + code)
	}
	return code
}

// status names a normalised status as LAPOR! does (the code itself when unknown).
func (l lang) status(code string) string {
	if hasText("st_" + code) {
		return l.t("st_" + code)
	}
	return code
}

// checkLabel explains a data_quality check in the language (the code itself when unknown).
func (l lang) checkLabel(code string) string {
	if kind, reason, ok := strings.Cut(code, ":"); ok {
		r := reason
		if hasText("dq_" + reason) {
			r = l.t("dq_" + reason)
		}
		if kind == "rejected" || kind == "value_dropped" {
			return l.tf("dq_"+kind, r)
		}
		return code
	}
	if hasText("dq_" + code) {
		return l.t("dq_" + code)
	}
	return code
}
