package ingest

import "strings"

// Masks put in place of personal data found in free text.
const (
	MaskNIK   = "[NIK]"
	MaskPhone = "[HP]"
	MaskEmail = "[EMAIL]"
)

// Redact masks NIKs (16 digits), Indonesian mobile numbers (08..., +62 8..., 62 8...) and
// e-mail addresses in free text. Digit groups split by single spaces, dots or dashes
// ("0812-3456-7890", "+62 812 3456 7890") count as one number, as people write them so.
func Redact(s string) string {
	if !strings.ContainsAny(s, "0123456789@") {
		return s
	}
	if strings.IndexByte(s, '@') >= 0 {
		s = redactEmails(s)
	}
	return redactNumbers(s)
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

func redactNumbers(s string) string {
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
	if len(groups) == 0 {
		return s
	}
	var b strings.Builder
	last := 0
	for i := 0; i < len(groups); {
		start := groups[i].start
		plus := start > 0 && s[start-1] == '+'
		// Extend over following groups joined by one separator; keep the longest personal number.
		digits := make([]byte, 0, 20)
		best, bestMask := -1, ""
		for j := i; j < len(groups); j++ {
			if j > i {
				gap := s[groups[j-1].end:groups[j].start]
				if len(gap) != 1 || strings.IndexByte(" .-", gap[0]) < 0 {
					break
				}
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
