package ingest

import (
	"fmt"
	"time"
)

// DateRange is the span of plausible timestamps (config plausible_dates): a complaint system's
// dates do not come from 1900 (Excel's zero date, a year typed as 1900) or from next year.
// A zero bound is open.
type DateRange struct {
	From, To time.Time
}

// DefaultPlausibleFrom is the lower bound when the configuration sets none.
var DefaultPlausibleFrom = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)

type timeStatus int

const (
	timeOK          timeStatus = iota
	timeBad                    // in no accepted form
	timeImplausible            // a date, outside the plausible range
)

func (s timeStatus) String() string {
	return [...]string{"ok", "bad", "implausible"}[s]
}

// Contains says whether t lies in the range.
func (r DateRange) Contains(t time.Time) bool {
	return (r.From.IsZero() || !t.Before(r.From)) && (r.To.IsZero() || !t.After(r.To))
}

// parseIn parses s and checks the result against the plausible range.
func (p *TimeParser) parseIn(s string, r DateRange) (time.Time, timeStatus) {
	t, ok := p.Parse(s)
	return t, plausibility(t, ok, r)
}

// plausibility is the status of a parse result (ok: it parsed) against the plausible range.
func plausibility(t time.Time, ok bool, r DateRange) timeStatus {
	switch {
	case !ok:
		return timeBad
	case !r.Contains(t):
		return timeImplausible
	}
	return timeOK
}

// timeReject is the reject of a timestamp that is not one, or not a plausible one. An
// implausible submission date rejects its row; another implausible timestamp only its value.
func timeReject(row int64, column, raw string, st timeStatus, submitted bool) Reject {
	if st == timeImplausible {
		return Reject{Row: row, Column: column, Raw: truncate(raw, 200), Code: "implausible_date", Args: []any{truncate(raw, 60)}, RowRejected: submitted}
	}
	return Reject{Row: row, Column: column, Raw: truncate(raw, 200), Code: "bad_timestamp", Args: []any{truncate(raw, 60)}, RowRejected: true}
}

// rowRejected says whether any of a row's rejects rejects the row itself.
func rowRejected(rs []Reject) bool {
	for _, r := range rs {
		if r.RowRejected {
			return true
		}
	}
	return false
}

// plausibleRange is [from, now + 1 day]: a clock a little ahead, or a zone east of ours, must
// not reject today's complaints.
func plausibleRange(from, now time.Time) DateRange {
	if from.IsZero() {
		from = DefaultPlausibleFrom
	}
	return DateRange{From: from, To: now.Add(24 * time.Hour)}
}

// uniqueKey keeps two columns of the same header apart in extra (a JSON object with a key
// twice keeps only one of them): the second is "Name (kolom 7)", after its column number.
func uniqueKey(name string, col int, used map[string]bool) string {
	if used[name] {
		name = fmt.Sprintf("%s (kolom %d)", name, col+1)
	}
	for used[name] {
		name += "'"
	}
	used[name] = true
	return name
}
