package gen

import (
	"time"

	"github.com/hsu-lapor/rapor/transform/calendar"
)

// Internally every instant is Unix seconds (int64, 0 = never). WITA (Asia/Makassar) is UTC+8 and
// WIB (Asia/Jakarta) is UTC+7, both without daylight saving, so fixed offsets are exact.
const (
	witaOffset = 8 * 3600
	wibOffset  = 7 * 3600
	day        = 86400
)

var (
	// WITA is the regency's local zone (Asia/Makassar).
	WITA = time.FixedZone("WITA", witaOffset)
	// WIB is the zone export timestamps are written in (Asia/Jakarta).
	WIB = time.FixedZone("WIB", wibOffset)
)

// holidays holds the national holidays and joint leave days of rapor's built-in calendar as
// local day numbers (days since 1970-01-01), as a dense table from holidayFirst.
var (
	holidayFirst int64
	holidayTable []bool
)

func init() {
	var days []int64
	for _, h := range calendar.Builtin() {
		days = append(days, h.Date.Unix()/day)
	}
	lo, hi := days[0], days[0]
	for _, d := range days {
		lo, hi = min(lo, d), max(hi, d)
	}
	holidayFirst = lo
	holidayTable = make([]bool, hi-lo+1)
	for _, d := range days {
		holidayTable[d-lo] = true
	}
}

// floorDiv is integer division rounding towards minus infinity.
func floorDiv(a, b int64) int64 {
	q := a / b
	if (a%b != 0) && ((a < 0) != (b < 0)) {
		q--
	}
	return q
}

// localDay is the WITA date of t as a day number.
func localDay(t int64) int64 { return floorDiv(t+witaOffset, day) }

// dayStart is the first second of local day d.
func dayStart(d int64) int64 { return d*day - witaOffset }

// weekday of local day d (0 = Sunday).
func weekday(d int64) int { return int(((d+4)%7 + 7) % 7) }

// isHoliday reports whether local day d is a national holiday or joint leave day.
func isHoliday(d int64) bool {
	i := d - holidayFirst
	return i >= 0 && i < int64(len(holidayTable)) && holidayTable[i]
}

// isWorking reports whether local day d is a working day (Mon-Fri, not a holiday).
func isWorking(d int64) bool {
	w := weekday(d)
	return w != 0 && w != 6 && !isHoliday(d)
}

// addWorkingDays returns the k-th working day after day d (k >= 1), or d's next working day
// (d itself when working) for k <= 0.
func addWorkingDays(d int64, k int) int64 {
	if k <= 0 {
		for !isWorking(d) {
			d++
		}
		return d
	}
	for k > 0 {
		d++
		if isWorking(d) {
			k--
		}
	}
	return d
}

// civil converts a day number to year, month, day (Howard Hinnant's algorithm).
func civil(z int64) (y, m, d int64) {
	z += 719468
	era := floorDiv(z, 146097)
	doe := z - era*146097
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365
	y = yoe + era*400
	doy := doe - (365*yoe + yoe/4 - yoe/100)
	mp := (5*doy + 2) / 153
	d = doy - (153*mp+2)/5 + 1
	if mp < 10 {
		m = mp + 3
	} else {
		m = mp - 9
	}
	if m <= 2 {
		y++
	}
	return
}

// localMonth is the WITA calendar month (1-12) of t.
func localMonth(t int64) int {
	_, m, _ := civil(localDay(t))
	return int(m)
}

// appendStamp appends t as "2006-01-02 15:04:05" in WIB; nothing for t == 0 (never).
func appendStamp(b []byte, t int64) []byte {
	if t == 0 {
		return b
	}
	w := t + wibOffset
	d := floorDiv(w, day)
	s := w - d*day
	y, m, dd := civil(d)
	b = append(b,
		byte('0'+y/1000%10), byte('0'+y/100%10), byte('0'+y/10%10), byte('0'+y%10), '-',
		byte('0'+m/10), byte('0'+m%10), '-', byte('0'+dd/10), byte('0'+dd%10), ' ',
		byte('0'+s/36000), byte('0'+s/3600%10), ':',
		byte('0'+s%3600/600), byte('0'+s%3600/60%10), ':',
		byte('0'+s%60/10), byte('0'+s%10))
	return b
}

// TimeFormat is the layout of timestamps in generated exports (naive, WIB).
const TimeFormat = "2006-01-02 15:04:05"

// ParseStamp reads a generated timestamp (TimeFormat, WIB); "" gives the zero time.
func ParseStamp(s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	return time.ParseInLocation(TimeFormat, s, WIB)
}

func toTime(t int64) time.Time {
	if t == 0 {
		return time.Time{}
	}
	return time.Unix(t, 0).In(WITA)
}

func fromTime(t time.Time) int64 {
	if t.IsZero() {
		return 0
	}
	return t.Unix()
}
