// Package calendar knows which local dates are working days.
//
// A working day is a civil date, Monday to Friday, that is not in the holiday list. The list
// ships with Indonesia's national holidays (libur nasional) and joint leave days (cuti bersama)
// from 2015 through 2027 (see Builtin and SOURCES.md); a user file adds regional days or
// replaces the list (LoadFile, Merge).
//
// Every function here works on civil dates. A time.Time stands for the date d.Date() in its
// own location: convert a timestamp to the local zone before asking about it. Holidays carry
// their date as UTC midnight.
package calendar

import (
	"slices"
	"sort"
	"strings"
	"time"
)

// Kind says why a date is not worked.
type Kind string

const (
	// LiburNasional is a national holiday, including election days declared by Keppres.
	LiburNasional Kind = "libur_nasional"
	// CutiBersama is a joint leave day set by the SKB 3 Menteri.
	CutiBersama Kind = "cuti_bersama"
	// Daerah is a day the user added (regional holiday, office closure); the default kind of a
	// user file row.
	Daerah Kind = "daerah"
)

// rank orders kinds when two entries for one date are folded into one: the stronger kind
// stays.
func (k Kind) rank() int {
	switch k {
	case LiburNasional:
		return 3
	case CutiBersama:
		return 2
	case Daerah:
		return 1
	}
	return 0
}

// Holiday is one non-working date.
type Holiday struct {
	Date time.Time // civil date at UTC midnight
	Kind Kind
	Name string
}

// Civil returns the civil date of t (in t's own location) as UTC midnight.
func Civil(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// dayNumber counts days from 1970-01-01 to the civil date of t.
func dayNumber(t time.Time) int64 {
	return Civil(t).Unix() / 86400
}

// weekday reports whether day number n is Monday to Friday.
func weekday(n int64) bool {
	m := floorMod(n+3, 7) // 1970-01-01 was a Thursday, so m == 0 on Mondays
	return m < 5
}

// weekdaysUpTo is a running count of Mondays to Fridays: weekdaysUpTo(b) - weekdaysUpTo(a)
// is the number of weekdays d with a < d <= b.
func weekdaysUpTo(n int64) int64 {
	m := n + 3 + 1
	return 5*floorDiv(m, 7) + min(floorMod(m, 7), 5)
}

func floorDiv(a, b int64) int64 {
	q := a / b
	if (a%b != 0) && ((a < 0) != (b < 0)) {
		q--
	}
	return q
}

func floorMod(a, b int64) int64 {
	return a - floorDiv(a, b)*b
}

// Calendar answers working-day questions for one holiday list.
type Calendar struct {
	byDay       map[int64]Holiday
	weekdayHols []int64 // sorted day numbers of holidays on Monday-Friday
	list        []Holiday
	first, last time.Time
}

// New builds a calendar from a holiday list. Entries on the same date are folded into one
// (the stronger kind stays: libur_nasional, then cuti_bersama, then daerah; distinct names
// are joined with "; ").
func New(h []Holiday) *Calendar {
	list := normalize(h)
	c := &Calendar{byDay: make(map[int64]Holiday, len(list)), list: list}
	for _, x := range list {
		n := dayNumber(x.Date)
		c.byDay[n] = x
		if weekday(n) {
			c.weekdayHols = append(c.weekdayHols, n)
		}
	}
	if len(list) > 0 {
		c.first = time.Date(list[0].Date.Year(), time.January, 1, 0, 0, 0, 0, time.UTC)
		c.last = time.Date(list[len(list)-1].Date.Year(), time.December, 31, 0, 0, 0, 0, time.UTC)
	}
	return c
}

// normalize sorts a copy of h by date, sets every date to UTC midnight and folds entries that
// share a date.
func normalize(h []Holiday) []Holiday {
	out := make([]Holiday, 0, len(h))
	for _, x := range h {
		x.Date = Civil(x.Date)
		out = append(out, x)
	}
	slices.SortStableFunc(out, func(a, b Holiday) int { return a.Date.Compare(b.Date) })
	folded := out[:0]
	for _, x := range out {
		if n := len(folded); n > 0 && folded[n-1].Date.Equal(x.Date) {
			folded[n-1] = fold(folded[n-1], x)
			continue
		}
		folded = append(folded, x)
	}
	return slices.Clip(folded)
}

// fold joins two entries for one date.
func fold(a, b Holiday) Holiday {
	if b.Kind.rank() > a.Kind.rank() {
		a.Kind = b.Kind
	}
	if b.Name != "" && !slices.Contains(strings.Split(a.Name, "; "), b.Name) {
		if a.Name == "" {
			a.Name = b.Name
		} else {
			a.Name += "; " + b.Name
		}
	}
	return a
}

// IsWorkingDay reports whether the civil date of d is Monday to Friday and not a holiday.
func (c *Calendar) IsWorkingDay(d time.Time) bool {
	n := dayNumber(d)
	if !weekday(n) {
		return false
	}
	_, hol := c.byDay[n]
	return !hol
}

// Holiday returns the holiday on the civil date of d, if any (weekend dates included).
func (c *Calendar) Holiday(d time.Time) (Holiday, bool) {
	h, ok := c.byDay[dayNumber(d)]
	return h, ok
}

// WorkingDaysBetween counts the working days d with a < d <= b, on civil dates: 0 when b is
// on or before a's date; Friday to the next Monday is 1. It costs O(log n) whatever the span.
func (c *Calendar) WorkingDaysBetween(a, b time.Time) int {
	na, nb := dayNumber(a), dayNumber(b)
	if nb <= na {
		return 0
	}
	weekdays := weekdaysUpTo(nb) - weekdaysUpTo(na)
	hols := upTo(c.weekdayHols, nb) - upTo(c.weekdayHols, na)
	return int(weekdays - hols)
}

// upTo counts the entries of the sorted slice s that are <= n.
func upTo(s []int64, n int64) int64 {
	return int64(sort.Search(len(s), func(i int) bool { return s[i] > n }))
}

// Range returns the years the holiday list covers, from 1 January of its first holiday's year
// to 31 December of its last one's; for the built-in list, 2015-01-01 to 2027-12-31. Dates
// outside it are still answered (as plain Monday-to-Friday days), but callers may warn. Both
// are zero for an empty list.
func (c *Calendar) Range() (first, last time.Time) {
	return c.first, c.last
}

// Covers reports whether the civil date of d lies within Range.
func (c *Calendar) Covers(d time.Time) bool {
	if c.first.IsZero() {
		return false
	}
	t := Civil(d)
	return !t.Before(c.first) && !t.After(c.last)
}

// Holidays returns the calendar's list, sorted by date, one entry per date.
func (c *Calendar) Holidays() []Holiday {
	return slices.Clone(c.list)
}

// Merge combines the built-in list with a user list. With replace, the result is the user
// list alone. Otherwise the user list adds to the built-in one, and on a date found in both
// the user's entry wins whole (name and kind), so a user file can rename or reclassify a
// built-in day; it cannot remove one (use replace for that). The result is sorted, one entry
// per date.
func Merge(builtin, user []Holiday, replace bool) []Holiday {
	u := normalize(user)
	if replace {
		return u
	}
	mine := make(map[int64]bool, len(u))
	for _, x := range u {
		mine[dayNumber(x.Date)] = true
	}
	out := slices.Clone(u)
	for _, x := range normalize(builtin) {
		if !mine[dayNumber(x.Date)] {
			out = append(out, x)
		}
	}
	slices.SortFunc(out, func(a, b Holiday) int { return a.Date.Compare(b.Date) })
	return out
}

// Load returns the calendar that the configuration asks for: the built-in list, plus (or,
// with replace, instead of it) the holidays in file when file is not empty.
func Load(file string, replace bool) (*Calendar, error) {
	if file == "" {
		return New(Builtin()), nil
	}
	user, err := LoadFile(file)
	if err != nil {
		return nil, err
	}
	return New(Merge(Builtin(), user, replace)), nil
}
