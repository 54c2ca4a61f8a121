package ingest

import (
	"math"
	"strings"
	"time"
)

// DateOrder says how an all-numeric date such as 07/03/2025 is read.
type DateOrder int

const (
	// DayFirst reads 07/03/2025 as 7 March: Indonesian exports are always day-first.
	DayFirst DateOrder = iota
	// MonthFirst reads 03/07/2025 as 7 March (US city 311 exports).
	MonthFirst
)

// TimeParser parses the timestamp forms of the input spec. It is hand-written rather than a
// loop over time.Parse layouts because it runs on every timestamp cell of million-row files.
type TimeParser struct {
	Order DateOrder
	// Loc is the zone of timestamps that carry no offset (the export's source time zone).
	Loc *time.Location
	// Serial accepts Excel serial dates (numbers such as 45723.5868), as XLSX cells hold them.
	Serial bool
	// Date1904 is set for workbooks on Excel's 1904 date system.
	Date1904 bool
}

var monthNames = map[string]time.Month{
	"januari": 1, "jan": 1, "january": 1,
	"februari": 2, "feb": 2, "february": 2, "pebruari": 2,
	"maret": 3, "mar": 3, "march": 3,
	"april": 4, "apr": 4,
	"mei": 5, "may": 5,
	"juni": 6, "jun": 6, "june": 6,
	"juli": 7, "jul": 7, "july": 7,
	"agustus": 8, "agu": 8, "ags": 8, "agt": 8, "aug": 8, "august": 8, "agust": 8,
	"september": 9, "sep": 9, "sept": 9,
	"oktober": 10, "okt": 10, "oct": 10, "october": 10,
	"november": 11, "nov": 11, "nop": 11, "nopember": 11,
	"desember": 12, "des": 12, "dec": 12, "december": 12,
}

// Parse returns the instant s denotes. ok is false when no accepted form matches.
// The caller treats "" as a missing value before calling.
func (p *TimeParser) Parse(s string) (t time.Time, ok bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}, false
	}
	c := scanner{s: s}
	// A weekday prefix ("Senin, 7 Maret 2025") appears in some hand-made sheets.
	if isLetter(c.peek()) {
		if i := strings.IndexByte(s, ','); i > 0 && i < 10 {
			c.i = i + 1
			c.spaces()
		}
	}
	start := c.i
	n1, d1 := c.number()
	if d1 == 0 {
		return time.Time{}, false
	}
	var year, day int
	var month time.Month
	switch {
	case c.done() || (c.peek() == '.' && d1 <= 6 && p.Serial && allDigitsDot(s[start:])):
		return p.numeric(s[start:])
	case d1 == 4 && (c.peek() == '-' || c.peek() == '/'):
		sep := c.next()
		m, dm := c.number()
		if dm == 0 || dm > 2 || c.next() != sep {
			return time.Time{}, false
		}
		d, dd := c.number()
		if dd == 0 || dd > 2 {
			return time.Time{}, false
		}
		year, month, day = n1, time.Month(m), d
	case d1 <= 2 && (c.peek() == '/' || c.peek() == '-' || c.peek() == '.') && !isLetter(c.peekAt(1)):
		sep := c.next()
		n2, dm := c.number()
		if dm == 0 || dm > 2 || c.next() != sep {
			return time.Time{}, false
		}
		y, dy := c.number()
		if dy != 4 {
			return time.Time{}, false
		}
		year = y
		if p.Order == MonthFirst {
			month, day = time.Month(n1), n2
		} else {
			day, month = n1, time.Month(n2)
		}
	case d1 <= 2 && (c.peek() == ' ' || c.peek() == '-'):
		c.i++
		c.spaces()
		w := c.word()
		m, known := monthNames[strings.ToLower(strings.TrimSuffix(w, "."))]
		if !known {
			return time.Time{}, false
		}
		if c.peek() == '.' {
			c.i++
		}
		if c.peek() == '-' {
			c.i++
		}
		c.spaces()
		y, dy := c.number()
		if dy != 4 {
			return time.Time{}, false
		}
		year, month, day = y, m, n1
	default:
		return time.Time{}, false
	}
	if month < 1 || month > 12 || day < 1 || day > daysIn(month, year) || year < 1900 || year > 2200 {
		return time.Time{}, false
	}
	hour, min, sec, nsec := 0, 0, 0, 0
	loc := p.Loc
	if !c.done() {
		if c.peek() == 'T' || c.peek() == 't' {
			c.i++
		} else if c.peek() == ' ' || c.peek() == ',' {
			for c.peek() == ' ' || c.peek() == ',' {
				c.i++
			}
			// "pukul 14:05" occurs in Indonesian text exports.
			if strings.HasPrefix(strings.ToLower(s[c.i:]), "pukul ") {
				c.i += len("pukul ")
			}
		} else {
			return time.Time{}, false
		}
		var ok bool
		hour, min, sec, nsec, ok = c.clock()
		if !ok {
			return time.Time{}, false
		}
		c.spaces()
		if ampm := strings.ToUpper(c.rest()); strings.HasPrefix(ampm, "AM") || strings.HasPrefix(ampm, "PM") {
			if hour < 1 || hour > 12 {
				return time.Time{}, false
			}
			if ampm[0] == 'P' && hour != 12 {
				hour += 12
			} else if ampm[0] == 'A' && hour == 12 {
				hour = 0
			}
			c.i += 2
			c.spaces()
		}
		if !c.done() {
			z, ok := c.zone()
			if !ok {
				return time.Time{}, false
			}
			loc = z
		}
	}
	if loc == nil {
		loc = time.UTC
	}
	return time.Date(year, month, day, hour, min, sec, nsec, loc).UTC(), true
}

// numeric reads epoch seconds or, in XLSX cells, an Excel serial date.
func (p *TimeParser) numeric(s string) (time.Time, bool) {
	if !strings.Contains(s, ".") && len(s) >= 9 && len(s) <= 11 {
		var n int64
		for i := 0; i < len(s); i++ {
			n = n*10 + int64(s[i]-'0')
		}
		return time.Unix(n, 0).UTC(), true
	}
	if !p.Serial {
		return time.Time{}, false
	}
	f, ok := parseFloat(s)
	if !ok || f < 1 || f >= 2958466 {
		return time.Time{}, false
	}
	// Excel's day 0 is 1899-12-30 once its fictitious 1900-02-29 is accounted for.
	base := time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)
	if p.Date1904 {
		base = time.Date(1904, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	days := math.Floor(f)
	// Round to the millisecond: serials carry binary noise (0.58680555555 for 14:05).
	ms := math.Round((f - days) * 86400000)
	naive := base.AddDate(0, 0, int(days)).Add(time.Duration(ms) * time.Millisecond)
	y, mo, d := naive.Date()
	h, mi, se := naive.Clock()
	loc := p.Loc
	if loc == nil {
		loc = time.UTC
	}
	return time.Date(y, mo, d, h, mi, se, naive.Nanosecond(), loc).UTC(), true
}

func daysIn(m time.Month, year int) int {
	return time.Date(year, m+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

func allDigitsDot(s string) bool {
	dots := 0
	for i := 0; i < len(s); i++ {
		switch {
		case s[i] == '.':
			dots++
		case s[i] < '0' || s[i] > '9':
			return false
		}
	}
	return dots <= 1
}

func parseFloat(s string) (float64, bool) {
	var whole, frac float64
	scale := 1.0
	seenDot := false
	if s == "" {
		return 0, false
	}
	for i := 0; i < len(s); i++ {
		ch := s[i]
		switch {
		case ch == '.' && !seenDot:
			seenDot = true
		case ch >= '0' && ch <= '9':
			if seenDot {
				scale /= 10
				frac += float64(ch-'0') * scale
			} else {
				whole = whole*10 + float64(ch-'0')
			}
		default:
			return 0, false
		}
	}
	return whole + frac, true
}

type scanner struct {
	s string
	i int
}

func (c *scanner) done() bool { return c.i >= len(c.s) }
func (c *scanner) rest() string {
	return c.s[c.i:]
}
func (c *scanner) peek() byte {
	if c.i < len(c.s) {
		return c.s[c.i]
	}
	return 0
}
func (c *scanner) peekAt(k int) byte {
	if c.i+k < len(c.s) {
		return c.s[c.i+k]
	}
	return 0
}
func (c *scanner) next() byte {
	b := c.peek()
	if c.i < len(c.s) {
		c.i++
	}
	return b
}
func (c *scanner) spaces() {
	for c.i < len(c.s) && c.s[c.i] == ' ' {
		c.i++
	}
}

// number reads up to 11 digits and returns the value and the digit count.
func (c *scanner) number() (int, int) {
	n, d := 0, 0
	for c.i < len(c.s) && c.s[c.i] >= '0' && c.s[c.i] <= '9' && d < 11 {
		n = n*10 + int(c.s[c.i]-'0')
		c.i++
		d++
	}
	return n, d
}

func (c *scanner) word() string {
	j := c.i
	for c.i < len(c.s) && isLetter(c.s[c.i]) {
		c.i++
	}
	return c.s[j:c.i]
}

func isLetter(b byte) bool { return (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') }

// clock reads HH:MM[:SS[.fff]]; Indonesian texts also write 14.05.
func (c *scanner) clock() (h, m, s, ns int, ok bool) {
	h, dh := c.number()
	if dh == 0 || dh > 2 || h > 23 {
		return
	}
	sep := c.next()
	if sep != ':' && sep != '.' {
		return
	}
	m, dm := c.number()
	if dm != 2 || m > 59 {
		return
	}
	if c.peek() == sep {
		c.i++
		var ds int
		s, ds = c.number()
		if ds != 2 || s > 60 {
			return
		}
		if s == 60 {
			s = 59
		}
		if c.peek() == '.' || c.peek() == ',' {
			c.i++
			f, df := c.number()
			if df == 0 {
				return
			}
			for c.i < len(c.s) && c.s[c.i] >= '0' && c.s[c.i] <= '9' {
				c.i++ // digits beyond nanoseconds
			}
			for ; df < 9; df++ {
				f *= 10
			}
			for ; df > 9; df-- {
				f /= 10
			}
			ns = f
		}
	}
	return h, m, s, ns, true
}

// zone reads Z, +07:00, +0700, +07, or a named Indonesian zone (WIB, WITA, WIT).
func (c *scanner) zone() (*time.Location, bool) {
	c.spaces()
	r := c.rest()
	switch strings.ToUpper(r) {
	case "Z", "UTC", "GMT":
		return time.UTC, true
	case "WIB":
		return time.FixedZone("WIB", 7*3600), true
	case "WITA":
		return time.FixedZone("WITA", 8*3600), true
	case "WIT":
		return time.FixedZone("WIT", 9*3600), true
	}
	sign := c.next()
	if sign != '+' && sign != '-' {
		return nil, false
	}
	h, dh := c.number()
	m := 0
	switch {
	case dh == 4:
		h, m = h/100, h%100
	case dh == 2:
		if c.peek() == ':' {
			c.i++
			var dm int
			m, dm = c.number()
			if dm != 2 {
				return nil, false
			}
		}
	default:
		return nil, false
	}
	if !c.done() || h > 14 || m > 59 {
		return nil, false
	}
	off := h*3600 + m*60
	if sign == '-' {
		off = -off
	}
	return time.FixedZone("", off), true
}
