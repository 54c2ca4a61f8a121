// Package regency names Indonesia's local governments (kabupaten and kota) the way rapor stores
// them in complaint_versions.regency and titles them in reports.
//
// A regency value is the government's name, carrying its kind only when it is a city:
//
//	"Hulu Sungai Utara"  Kabupaten Hulu Sungai Utara (a bare name is a kabupaten: today's configs)
//	"Kota Bandung"       Kota Bandung
//	"Bandung"            Kabupaten Bandung: another government than Kota Bandung, never merged
//
// "Kabupaten Bandung", "Kab. Bandung" and "Pemerintah Kabupaten Bandung" all canonicalise to
// "Bandung"; "Pemerintah Kota Bandung" and "Pemkot Bandung" to "Kota Bandung".
package regency

import (
	"strings"
	"unicode"
)

// Canonical is the stored form of a regency name (see the package comment). A name that names no
// kind is returned with its spaces folded: it is a kabupaten.
func Canonical(name string) string {
	if n, ok := parse(name, false); ok {
		return n
	}
	return strings.Join(strings.Fields(name), " ")
}

// Same reports whether two regency names denote the same government.
func Same(a, b string) bool {
	return strings.EqualFold(Canonical(a), Canonical(b))
}

// IsCity reports whether the (canonical or not) name is a kota.
func IsCity(name string) bool {
	return strings.HasPrefix(Canonical(name), "Kota ")
}

// Title is the name as a report heads it: "Kabupaten Hulu Sungai Utara", "Kota Bandung"; in
// English "Hulu Sungai Utara Regency", "Bandung City". A name already ending in Regency or City
// is kept.
func Title(name string, english bool) string {
	c := Canonical(name)
	low := strings.ToLower(c)
	if strings.HasSuffix(low, " regency") || strings.HasSuffix(low, " city") {
		return c
	}
	if bare, ok := strings.CutPrefix(c, "Kota "); ok {
		if english {
			return bare + " City"
		}
		return c
	}
	if english {
		return c + " Regency"
	}
	return "Kabupaten " + c
}

// FromGovernment reads the regency out of the name of a LAPOR! account or agency when that names
// a local government: "Pemerintah Kabupaten Bandung" -> "Bandung", "Pemerintah Kota Bandung" ->
// "Kota Bandung", "Pemkab Tabalong" -> "Tabalong". A province, a ministry or an SKPD ("Dinas
// Kesehatan") names none. With within, the government may also follow another name ("Dinas
// Kesehatan Kabupaten Bandung"), as in the account names of an SKPD's own exports.
func FromGovernment(s string, within bool) (string, bool) {
	return parse(s, within)
}

// prefixes open a government's name; kind is "kab" or "kota", "" for a word that only precedes one.
var prefixes = []struct{ word, kind string }{
	{"pemerintah", ""}, {"pemda", ""}, {"pemkab", "kab"}, {"pemkot", "kota"},
	{"kabupaten", "kab"}, {"kab", "kab"}, {"kota", "kota"},
}

// notGovernment are words after which "Kota" is a place, not a city government ("Kecamatan Kota
// Baru", "Desa Kota Raja").
var notGovernment = map[string]bool{"kecamatan": true, "kelurahan": true, "desa": true, "kampung": true,
	"jalan": true, "jl": true, "dusun": true, "provinsi": true}

func parse(s string, within bool) (string, bool) {
	words := splitWords(s)
	for start := 0; start < len(words); start++ {
		if start > 0 && !within {
			break
		}
		if start > 0 && notGovernment[strings.ToLower(words[start-1])] {
			continue
		}
		i, kind := start, ""
		for i < len(words) {
			w := strings.ToLower(words[i])
			k, ok := prefixKind(w)
			if !ok {
				break
			}
			if k != "" {
				kind = k
			}
			i++
			if k != "" {
				break
			}
		}
		if kind == "" || i >= len(words) {
			continue
		}
		if strings.EqualFold(words[i], "administrasi") { // DKI: Kota Administrasi Jakarta Pusat
			i++
		}
		name := cleanName(words[i:])
		if name == "" {
			continue
		}
		if kind == "kota" {
			return "Kota " + name, true
		}
		return name, true
	}
	return "", false
}

func prefixKind(w string) (string, bool) {
	w = strings.TrimSuffix(w, ".")
	for _, p := range prefixes {
		if w == p.word {
			return p.kind, true
		}
	}
	return "", false
}

// splitWords splits on spaces, keeping "Kab." as a word of its own even when glued ("Kab.Bandung").
func splitWords(s string) []string {
	var out []string
	for _, w := range strings.Fields(s) {
		if lw := strings.ToLower(w); strings.HasPrefix(lw, "kab.") && len(w) > 4 {
			out = append(out, w[:4], w[4:])
			continue
		}
		out = append(out, w)
	}
	return out
}

// cleanName ends the name at punctuation that closes it ("Kabupaten Bandung (Admin)",
// "Kota Bandung - Diskominfo") and title-cases a name written all in capitals.
func cleanName(words []string) string {
	var keep []string
	for _, w := range words {
		if w == "-" || w == "–" || strings.HasPrefix(w, "(") || w == "|" || w == "/" {
			break
		}
		cut := strings.IndexAny(w, ",;()|")
		if cut == 0 {
			break
		}
		if cut > 0 {
			keep = append(keep, w[:cut])
			break
		}
		keep = append(keep, w)
	}
	name := strings.TrimRight(strings.Join(keep, " "), ".:")
	if name == strings.ToUpper(name) && strings.ToLower(name) != name {
		name = titleCase(name)
	}
	return name
}

func titleCase(s string) string {
	rs := []rune(strings.ToLower(s))
	up := true
	for i, r := range rs {
		if up && unicode.IsLetter(r) {
			rs[i] = unicode.ToUpper(r)
		}
		up = r == ' ' || r == '-'
	}
	return string(rs)
}
