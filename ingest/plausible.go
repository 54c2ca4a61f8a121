package ingest

import "time"

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
	if !ok {
		return time.Time{}, timeBad
	}
	if !r.Contains(t) {
		return t, timeImplausible
	}
	return t, timeOK
}
