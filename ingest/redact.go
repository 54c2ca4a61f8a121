package ingest

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Masks put in place of personal data found in free text.
const (
	MaskNIK     = "[NIK]"
	MaskKK      = "[KK]"
	MaskPhone   = "[HP]"
	MaskEmail   = "[EMAIL]"
	MaskName    = "[NAMA]"
	MaskAddress = "[ALAMAT]"
	MaskBirth   = "[TTL]"
)

var masks = [...]string{MaskNIK, MaskKK, MaskPhone, MaskEmail, MaskName, MaskAddress, MaskBirth}

// Redact is rapor's one masking step for text that reaches the database. It masks
//   - labelled values reporters type ("Nama : Budi Alamat : Kp Sukamaju Rt 03", also glued to the
//     previous word, "...tolongNama : Budi"): a name, address, birth place and date or e-mail up
//     to the next label or the line's end, a NIK, KK or phone number as far as the number goes;
//   - NIKs (16 digits), Indonesian mobile numbers (08..., +62 8..., 62 8...) and e-mail addresses
//     anywhere. Digit groups split as people write them count as one number: single or spaced
//     separators "0812-3456-7890", "0812 - 3456 - 7890", "0812/3456/7890", "0812  3456",
//     brackets "(0812) 3456 7890", "+62(812)3456-7890"; full-width and other non-ASCII digits
//     are read as digits first.
//
// Redact is idempotent: masking masked text changes nothing.
func Redact(s string) string {
	var has byte // one pass tells which steps can find anything
	for i := 0; i < len(s); i++ {
		has |= byteClass[s[i]]
	}
	if has&classNonASCII != 0 {
		s = foldDigits(s)
		has = 0
		for i := 0; i < len(s); i++ {
			has |= byteClass[s[i]]
		}
	}
	if has&classSep != 0 {
		s = redactLabels(s)
	}
	if has&classAt != 0 {
		s = redactEmails(s)
	}
	if has&classDigit != 0 {
		s = redactNumbers(s)
	}
	return s
}

const (
	classNonASCII = 1 << iota
	classSep      // ':' or '=': a label may be followed by its value
	classAt
	classDigit
)

var byteClass = func() (c [256]byte) {
	for i := utf8.RuneSelf; i < 256; i++ {
		c[i] = classNonASCII
	}
	c[':'], c['='], c['@'] = classSep, classSep, classAt
	for d := '0'; d <= '9'; d++ {
		c[d] = classDigit
	}
	return c
}()

// foldDigits writes non-ASCII digits (full-width ０-９, Arabic-Indic, ...) as ASCII digits and
// full-width punctuation and odd spaces as their ASCII forms, so that a number typed on a phone's
// keyboard is found like any other. Dashes (– —) become '-' only between digits: in prose they stay.
func foldDigits(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		return s
	}
	rs := []rune(s)
	changed := false
	for i, r := range rs {
		if r < utf8.RuneSelf {
			continue
		}
		switch {
		case unicode.IsDigit(r):
			rs[i], changed = '0'+digitValue(r), true
		case r >= 0xFF01 && r <= 0xFF5E: // full-width ASCII
			rs[i], changed = r-0xFEE0, true
		case r == 0x3000 || r == 0x00A0 || r == 0x2007 || r == 0x202F:
			rs[i], changed = ' ', true
		}
	}
	for i, r := range rs {
		if (r >= 0x2010 && r <= 0x2015 || r == 0x2212) && digitNear(rs, i, -1) && digitNear(rs, i, 1) {
			rs[i], changed = '-', true
		}
	}
	if !changed {
		return s
	}
	return string(rs)
}

// digitValue is the value of a decimal digit: Unicode encodes each script's digits 0 to 9 in a row.
func digitValue(r rune) rune {
	z := r
	for unicode.IsDigit(z - 1) {
		z--
	}
	return (r - z) % 10
}

// digitNear reports whether a digit is within two runes of i in direction dir.
func digitNear(rs []rune, i, dir int) bool {
	for k := 1; k <= 2; k++ {
		j := i + k*dir
		if j < 0 || j >= len(rs) {
			return false
		}
		if rs[j] >= '0' && rs[j] <= '9' {
			return true
		}
	}
	return false
}

// piiLabel is a label reporters type before their personal data.
type piiLabel struct {
	words   []string // matched case-insensitively, separated by up to 3 of " .-/,"
	mask    string
	numeric bool // the value is a number: masked as far as the number goes
}

// piiLabels, longest spellings first so that "Alamat Email" wins over "Alamat".
var piiLabels = []piiLabel{
	{[]string{"tempat", "tanggal", "lahir"}, MaskBirth, false},
	{[]string{"tempat", "tgl", "lahir"}, MaskBirth, false},
	{[]string{"tempat", "lahir"}, MaskBirth, false},
	{[]string{"tanggal", "lahir"}, MaskBirth, false},
	{[]string{"tgl", "lahir"}, MaskBirth, false},
	{[]string{"ttl"}, MaskBirth, false},
	{[]string{"alamat", "email"}, MaskEmail, false},
	{[]string{"alamat", "e", "mail"}, MaskEmail, false},
	{[]string{"nama", "lengkap"}, MaskName, false},
	{[]string{"nama", "pelapor"}, MaskName, false},
	{[]string{"nama"}, MaskName, false},
	{[]string{"alamat", "lengkap"}, MaskAddress, false},
	{[]string{"alamat", "rumah"}, MaskAddress, false},
	{[]string{"alamat"}, MaskAddress, false},
	{[]string{"email"}, MaskEmail, false},
	{[]string{"e", "mail"}, MaskEmail, false},
	{[]string{"surel"}, MaskEmail, false},
	{[]string{"nomor", "nik"}, MaskNIK, true},
	{[]string{"no", "nik"}, MaskNIK, true},
	{[]string{"nomor", "ktp"}, MaskNIK, true},
	{[]string{"no", "ktp"}, MaskNIK, true},
	{[]string{"nik"}, MaskNIK, true},
	{[]string{"ktp"}, MaskNIK, true},
	{[]string{"nomor", "kk"}, MaskKK, true},
	{[]string{"no", "kk"}, MaskKK, true},
	{[]string{"kk"}, MaskKK, true},
	{[]string{"nomor", "handphone"}, MaskPhone, true},
	{[]string{"no", "handphone"}, MaskPhone, true},
	{[]string{"nomor", "telepon"}, MaskPhone, true},
	{[]string{"no", "telepon"}, MaskPhone, true},
	{[]string{"nomor", "telp"}, MaskPhone, true},
	{[]string{"no", "telp"}, MaskPhone, true},
	{[]string{"nomor", "hp"}, MaskPhone, true},
	{[]string{"no", "hp"}, MaskPhone, true},
	{[]string{"nomor", "wa"}, MaskPhone, true},
	{[]string{"no", "wa"}, MaskPhone, true},
	{[]string{"handphone"}, MaskPhone, true},
	{[]string{"whatsapp"}, MaskPhone, true},
	{[]string{"telepon"}, MaskPhone, true},
	{[]string{"telp"}, MaskPhone, true},
	{[]string{"hp"}, MaskPhone, true},
	{[]string{"wa"}, MaskPhone, true},
}

// labelsByLast lists the labels (indexes of piiLabels) by the last letter of their last word:
// labels are found backwards from the separator or number that follows them.
var labelsByLast [256][]int

func init() {
	for i, l := range piiLabels {
		last := l.words[len(l.words)-1]
		labelsByLast[last[len(last)-1]] = append(labelsByLast[last[len(last)-1]], i)
	}
}

func lowerByte(b byte) byte {
	if b >= 'A' && b <= 'Z' {
		return b + 'a' - 'A'
	}
	return b
}

// wordByte: letters, including any non-ASCII byte (a letter of another script, most likely).
func wordByte(b byte) bool { return isLetter(b) || b >= utf8.RuneSelf }

// labelFrom reports whether label l stands at s[p] and, if so, where its value starts and
// whether a ':' or '=' separates them. A label starts a word, or is glued to the previous one
// as "tolongNama" (a capital after a small letter).
func labelFrom(s string, p int, l *piiLabel) (value int, colon bool, ok bool) {
	if p > 0 && wordByte(s[p-1]) && !(s[p] >= 'A' && s[p] <= 'Z' && (s[p-1] >= 'a' && s[p-1] <= 'z' || s[p-1] >= utf8.RuneSelf)) {
		return 0, false, false
	}
	q := p
	for k, w := range l.words {
		if k > 0 {
			for g := 0; g < 3 && q < len(s) && strings.IndexByte(" .-/,", s[q]) >= 0; g++ {
				q++
			}
		}
		if len(s)-q < len(w) || !strings.EqualFold(s[q:q+len(w)], w) {
			return 0, false, false
		}
		q += len(w)
	}
	if q < len(s) && wordByte(s[q]) {
		return 0, false, false // "Namanya"
	}
	for q < len(s) && (s[q] == ' ' || s[q] == '\t' || s[q] == '.') {
		q++
	}
	if q < len(s) && (s[q] == ':' || s[q] == '=') {
		q++
		for q < len(s) && (s[q] == ' ' || s[q] == '\t') {
			q++
		}
		return q, true, true
	}
	if l.numeric && q < len(s) && (isDigit(s[q]) || s[q] == '+' || s[q] == '(') || maskAt(s, q) > 0 {
		return q, false, true
	}
	return 0, false, false
}

// maskAt is the length of the mask that starts at s[i], 0 if none does.
func maskAt(s string, i int) int {
	if i >= len(s) || s[i] != '[' {
		return 0
	}
	for _, m := range masks {
		if strings.HasPrefix(s[i:], m) {
			return len(m)
		}
	}
	return 0
}

// labelHit is a label found in a text: where it starts and where its value starts.
type labelHit struct {
	start, value int
	l            *piiLabel
	colon        bool
}

// findLabels finds the labels of s. Labels are looked for only where a value can follow: before
// a ':' or '=', and (numeric labels without a separator: "NIK 6308...") before a number of 6 or
// more digits. So the cost is in the separators, not in every letter of the text.
func findLabels(s string) []labelHit {
	var hits []labelHit
	for c := 0; c < len(s); c++ {
		atSep := s[c] == ':' || s[c] == '='
		atNumber := isDigit(s[c]) && (c == 0 || !isDigit(s[c-1]))
		// A label before a mask is one whose value is masked already: found so that a second
		// pass reads the text as the first did.
		atMask := !atSep && !atNumber && maskAt(s, c) > 0
		if !atSep && !atNumber && !atMask {
			continue
		}
		// The label's last word ends before e (labelAt skips the same characters).
		e := c
		for e > 0 && (strings.IndexByte(" \t.", s[e-1]) >= 0 || atNumber && (s[e-1] == '+' || s[e-1] == '(')) {
			e--
		}
		if e == 0 || !wordByte(s[e-1]) {
			continue
		}
		// Each label that ends at e, read backwards, gives where it would start; labelAt then
		// checks it forwards. The earliest start is the longest label.
		best, bestLabel := -1, (*piiLabel)(nil)
		for _, i := range labelsByLast[lowerByte(s[e-1])] {
			if p, ok := labelEndsAt(s, e, &piiLabels[i]); ok && (best < 0 || p < best) {
				best, bestLabel = p, &piiLabels[i]
			}
		}
		if best < 0 {
			continue
		}
		vs, colon, ok := labelFrom(s, best, bestLabel)
		if !ok || colon != atSep || atSep && sepBefore(s, vs) != c || atNumber && vs > c || atMask && vs != c {
			continue // a label whose value starts elsewhere
		}
		hits = append(hits, labelHit{best, vs, bestLabel, colon})
	}
	return hits
}

// labelEndsAt reports where label l starts if its last word ends at s[e-1].
func labelEndsAt(s string, e int, l *piiLabel) (int, bool) {
	pos := e
	for k := len(l.words) - 1; k >= 0; k-- {
		w := l.words[k]
		if pos < len(w) || !strings.EqualFold(s[pos-len(w):pos], w) {
			return 0, false
		}
		pos -= len(w)
		if k > 0 {
			for g := 0; g < 3 && pos > 0 && strings.IndexByte(" .-/,", s[pos-1]) >= 0; g++ {
				pos--
			}
		}
	}
	return pos, true
}

// sepBefore is the index of the ':' or '=' before a value starting at vs.
func sepBefore(s string, vs int) int {
	i := vs - 1
	for i > 0 && (s[i] == ' ' || s[i] == '\t') {
		i--
	}
	return i
}

// redactLabels masks the values of labelled personal data.
func redactLabels(s string) string {
	hits := findLabels(s)
	if len(hits) == 0 {
		return s
	}
	var b strings.Builder
	last := 0
	for k, h := range hits {
		vs := h.value
		if h.start < last {
			continue // inside a value already masked
		}
		if maskAt(s, vs) > 0 {
			continue // masked already
		}
		var ve int
		switch {
		case h.l.numeric && vs < len(s) && (isDigit(s[vs]) || s[vs] == '+' || s[vs] == '('):
			ve = numberSpan(s, vs)
			if !h.colon && digitCount(s[vs:ve]) < 6 {
				continue // "KK 3 orang": a label without ':' needs a real number after it
			}
		case h.colon:
			next := len(s)
			for _, n := range hits[k+1:] {
				if n.start >= vs {
					next = n.start
					break
				}
			}
			ve = textSpan(s, vs, next)
		default:
			continue
		}
		if ve <= vs {
			continue
		}
		b.WriteString(s[last:vs])
		b.WriteString(h.l.mask)
		last = ve
	}
	if last == 0 {
		return s
	}
	b.WriteString(s[last:])
	return b.String()
}

// numberSpan is the end of the number starting at s[i] ('+', '(' or a digit): digit groups
// joined as people write them (see joins), no longer than the longest personal number (16 digits).
func numberSpan(s string, i int) int {
	q := i
	for q < len(s) && (s[q] == '+' || s[q] == '(') {
		q++
	}
	end, n := i, 0
	for {
		j := q
		for j < len(s) && isDigit(s[j]) {
			j++
		}
		if j == q || n+j-q > 16 {
			return end
		}
		end, n = j, n+j-q
		g := j
		for g < len(s) && g-j < 3 && strings.IndexByte(" .-/()", s[g]) >= 0 {
			g++
		}
		if g == j || g >= len(s) || !isDigit(s[g]) || !joins(s[j:g]) {
			return end
		}
		q = g
	}
}

func digitCount(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		if isDigit(s[i]) {
			n++
		}
	}
	return n
}

// textSpan is the end of a labelled text value: the line's end or the next label (at next),
// without trailing spaces and punctuation.
func textSpan(s string, i, next int) int {
	q := i
	for q < next && s[q] != '\n' && s[q] != '\r' {
		q++
	}
	for q > i && strings.IndexByte(" \t,;.", s[q-1]) >= 0 {
		q--
	}
	return q
}

func isLocalChar(b byte) bool {
	return isLetter(b) || isDigit(b) || strings.IndexByte("._%+-", b) >= 0
}

func isDomainChar(b byte) bool { return isLetter(b) || isDigit(b) || b == '-' || b == '.' }

func isDigit(b byte) bool { return b >= '0' && b <= '9' }

func redactEmails(s string) string {
	var b strings.Builder
	last := 0
	for i := 0; i < len(s); i++ {
		if s[i] != '@' {
			continue
		}
		l := i
		for l > last && isLocalChar(s[l-1]) {
			l--
		}
		r := i + 1
		for r < len(s) && isDomainChar(s[r]) {
			r++
		}
		for r > i+1 && (s[r-1] == '.' || s[r-1] == '-') {
			r--
		}
		dom := s[i+1 : r]
		dot := strings.LastIndexByte(dom, '.')
		if l == i || dot <= 0 || len(dom)-dot-1 < 2 {
			continue
		}
		b.WriteString(s[last:l])
		b.WriteString(MaskEmail)
		last = r
		i = r - 1
	}
	if last == 0 {
		return s
	}
	b.WriteString(s[last:])
	return b.String()
}

type digitGroup struct{ start, end int }

// digitGroups are the runs of ASCII digits of s.
func digitGroups(s string) []digitGroup {
	var groups []digitGroup
	for i := 0; i < len(s); {
		if !isDigit(s[i]) {
			i++
			continue
		}
		j := i
		for j < len(s) && isDigit(s[j]) {
			j++
		}
		groups = append(groups, digitGroup{i, j})
		i = j
	}
	return groups
}

// joins reports whether the text between two digit groups still joins them into one number:
// up to 3 of space, dot, dash, slash and brackets ("-", " - ", "  ", ") ", "/").
func joins(gap string) bool {
	if len(gap) == 0 || len(gap) > 3 {
		return false
	}
	for i := 0; i < len(gap); i++ {
		if strings.IndexByte(" .-/()", gap[i]) < 0 {
			return false
		}
	}
	return true
}

func redactNumbers(s string) string {
	groups := digitGroups(s)
	if len(groups) == 0 {
		return s
	}
	var b strings.Builder
	last := 0
	for i := 0; i < len(groups); {
		start := groups[i].start
		plus := start > 0 && s[start-1] == '+'
		// Extend over the following joined groups; keep the longest personal number.
		digits := make([]byte, 0, 20)
		best, bestMask := -1, ""
		for j := i; j < len(groups); j++ {
			if j > i && !joins(s[groups[j-1].end:groups[j].start]) {
				break
			}
			digits = append(digits, s[groups[j].start:groups[j].end]...)
			if len(digits) > 16 {
				break
			}
			if m := classifyNumber(digits, plus); m != "" {
				best, bestMask = j, m
			}
		}
		if best < 0 {
			i++
			continue
		}
		if plus {
			start--
			if start > 0 && s[start-1] == '(' { // "(+62) 812 ..."
				start--
			}
		} else if start > 0 && s[start-1] == '(' && best > i && s[groups[i].end] == ')' {
			start-- // "(0812) 3456 7890": the bracketed first group
		}
		b.WriteString(s[last:start])
		b.WriteString(bestMask)
		last = groups[best].end
		i = best + 1
	}
	if last == 0 {
		return s
	}
	b.WriteString(s[last:])
	return b.String()
}

func classifyNumber(d []byte, plus bool) string {
	n := len(d)
	switch {
	case n >= 10 && n <= 13 && d[0] == '0' && d[1] == '8' && !plus:
		return MaskPhone
	case n >= 11 && n <= 15 && d[0] == '6' && d[1] == '2' && d[2] == '8':
		return MaskPhone
	case n == 16 && !plus:
		return MaskNIK
	}
	return ""
}
