package ingest

// What layout R ("Laporan Ringkas", input-formats.md) needs beyond a header mapping: the
// preamble above the table, the snapshot instant, the combined flags cell, the submission's
// date and time in two cells, and whose government the file is.

import (
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"strings"
	"time"

	"github.com/hsu-lapor/rapor/internal/msg"
	"github.com/hsu-lapor/rapor/internal/regency"
)

// headerSearchRows is how far down a sheet the header row may be (a preamble sits above it).
const headerSearchRows = 30

// preambleRow is a label/value row above the header: the label in column A, the value in the
// first filled cell after it (column C in real files; B holds a ':' in some).
type preambleRow struct {
	row          int64
	label, value string
}

// preambleLabels are the labels a Laporan Ringkas preamble has (folded).
var preambleLabels = map[string]bool{
	"judul laporan": true, "nama instansi": true, "tanggal generate": true, "periode masuk": true, "pengelola": true,
}

// asPreambleRow reads a record above the header as a preamble row, if its label is one; the
// value may be one of the cells far beyond the record's columns.
func asPreambleRow(row int64, rec []string, far []farCell) (preambleRow, bool) {
	if len(rec) == 0 {
		return preambleRow{}, false
	}
	label := FoldHeader(strings.TrimSuffix(strings.TrimSpace(rec[0]), ":"))
	if !preambleLabels[label] {
		return preambleRow{}, false
	}
	clean := func(v string) string { return strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(v), ":")) }
	value := ""
	for _, v := range rec[1:] {
		if value = clean(v); value != "" {
			break
		}
	}
	for i := 0; value == "" && i < len(far); i++ {
		value = clean(far[i].Val)
	}
	return preambleRow{row: row, label: label, value: text(value)}, true
}

// parsePreamble reads the preamble's rows. The instant is nil when Tanggal Generate is missing
// or unreadable (warns says which).
func parsePreamble(rows []preambleRow, tp TimeParser) (pre *Preamble, generated *Instant, warns []string) {
	if len(rows) == 0 {
		return nil, nil, nil
	}
	pre = &Preamble{}
	for _, r := range rows {
		switch r.label {
		case "judul laporan":
			pre.Title = r.value
		case "nama instansi":
			pre.Organisation = Redact(r.value)
		case "tanggal generate":
			pre.Generated = r.value
			if r.value == "" {
				continue
			}
			if in, ok := instantOf(r.value, tp); ok {
				in.Source = "preamble"
				generated = &in
			} else {
				warns = append(warns, msg.T("generated_unreadable", r.value))
			}
		case "periode masuk":
			pre.Period = r.value
			pre.PeriodFrom, pre.PeriodTo = parsePeriod(r.value, tp)
		case "pengelola":
			pre.Manager = Redact(r.value)
		}
	}
	return pre, generated, warns
}

// instantOf reads a snapshot instant: a date is the whole day in the parser's zone (from its
// first to its last microsecond), a date and time a moment. An Excel date cell (a whole serial)
// is a date; one with a fraction of a day is a moment.
func instantOf(raw string, tp TimeParser) (Instant, bool) {
	raw = strings.TrimSpace(raw)
	t, ok := tp.Parse(raw)
	if !ok {
		return Instant{}, false
	}
	dateOnly := !strings.Contains(raw, ":")
	if allDigitsDot(raw) {
		whole := !strings.Contains(raw, ".")
		if f, ok := parseFloat(raw); ok && !whole {
			whole = f == math.Floor(f)
		}
		epoch := whole && len(raw) >= 9
		dateOnly = whole && !epoch
	}
	if !dateOnly {
		return Instant{From: t, To: t}, true
	}
	loc := tp.Loc
	if loc == nil {
		loc = time.UTC
	}
	y, m, d := t.In(loc).Date()
	from := time.Date(y, m, d, 0, 0, 0, 0, loc)
	to := time.Date(y, m, d+1, 0, 0, 0, 0, loc).Add(-time.Microsecond)
	return Instant{From: from.UTC(), To: to.UTC()}, true
}

// ParseObservedAt reads `--observed-at`: "2025-11-14" is that whole day in loc, "2025-11-14 08:00"
// a moment (any accepted timestamp form, day-first).
func ParseObservedAt(s string, loc *time.Location) (*Instant, error) {
	in, ok := instantOf(s, TimeParser{Order: DayFirst, Loc: loc})
	if !ok {
		return nil, errors.New(msg.T("bad_observed_at", s))
	}
	in.Source = "option"
	return &in, nil
}

// parsePeriod reads Periode Masuk, "(2021-01-01) - (2024-12-31)", into its two dates (as
// written: local calendar dates); zero where unreadable.
func parsePeriod(v string, tp TimeParser) (from, to time.Time) {
	var parts []string
	if strings.Count(v, "(") >= 2 {
		for _, seg := range strings.Split(v, "(")[1:] {
			if end := strings.IndexByte(seg, ')'); end >= 0 {
				parts = append(parts, seg[:end])
			}
		}
	} else {
		for _, sep := range []string{" - ", " s.d. ", " s/d ", " sampai ", " – "} {
			if a, b, ok := strings.Cut(v, sep); ok {
				parts = []string{a, b}
				break
			}
		}
	}
	if len(parts) != 2 {
		return
	}
	date := func(s string) time.Time {
		t, ok := tp.Parse(strings.TrimSpace(s))
		if !ok {
			return time.Time{}
		}
		loc := tp.Loc
		if loc == nil {
			loc = time.UTC
		}
		y, m, d := t.In(loc).Date()
		return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	}
	return date(parts[0]), date(parts[1])
}

// parseFlags reads "Tipe Laporan (Anonim/Rahasia)": Anonim, Rahasia, Anonim|Rahasia, or empty
// (neither). ok is false for anything else.
func parseFlags(v string) (anon, conf, ok bool) {
	v = strings.ToLower(strings.TrimSpace(v))
	if v == "" || v == "-" {
		return false, false, true
	}
	for _, sep := range []string{" dan ", " & ", "&", ",", "/", ";", "+"} {
		v = strings.ReplaceAll(v, sep, "|")
	}
	for _, part := range strings.Split(v, "|") {
		switch strings.TrimSpace(part) {
		case "anonim", "anonymous", "anonym":
			anon = true
		case "rahasia", "confidential":
			conf = true
		case "", "-", "biasa", "umum", "publik":
		default:
			return false, false, false
		}
	}
	return anon, conf, true
}

// clock reads a time of day: "04:05:34", "4.05", "04:05:34 PM", or an Excel time cell (the
// fraction of a day; a whole date-time serial gives its time).
func (p *TimeParser) clock(s string) (h, m, sec, ns int, ok bool) {
	s = strings.TrimSpace(s)
	// An Excel time cell is a fraction of a day (0.170532407407407), a date-time serial a number
	// with a fraction (45075.1705...); "4.05" is a clock written with a dot.
	if f, ok := parseFloat(s); ok && p.Serial && allDigitsDot(s) && (f < 1 || len(s)-strings.IndexByte(s, '.') > 3) {
		ms := int64(math.Round((f - math.Floor(f)) * 86400000))
		if ms == 86400000 {
			ms-- // 23:59:59.9995 rounds up to the next day: keep it on this one
		}
		d := time.Duration(ms) * time.Millisecond
		return int(d / time.Hour), int(d % time.Hour / time.Minute), int(d % time.Minute / time.Second), int(d % time.Second), true
	}
	c := scanner{s: s}
	h, m, sec, ns, ok = c.clock()
	if !ok {
		return 0, 0, 0, 0, false
	}
	c.spaces()
	if ampm := strings.ToUpper(c.rest()); ampm == "AM" || ampm == "PM" {
		if h < 1 || h > 12 {
			return 0, 0, 0, 0, false
		}
		if ampm == "PM" && h != 12 {
			h += 12
		} else if ampm == "AM" && h == 12 {
			h = 0
		}
		c.i += 2
	}
	return h, m, sec, ns, c.done()
}

// withClock sets the time of day of t (an instant whose local date counts) from a time cell.
func (p *TimeParser) withClock(t time.Time, clock string) (time.Time, bool) {
	h, m, s, ns, ok := p.clock(clock)
	if !ok {
		return time.Time{}, false
	}
	loc := p.Loc
	if loc == nil {
		loc = time.UTC
	}
	y, mo, d := t.In(loc).Date()
	return time.Date(y, mo, d, h, m, s, ns, loc).UTC(), true
}

// fileRegency decides whose government a file is (input-formats.md, "Regency of the file"):
// the preamble's Nama Instansi, else the first Instansi Induk that names a local government
// (parent, called only when needed), else the configured one. note explains a file filed under
// another government than the configured one.
func fileRegency(configured string, pre *Preamble, parent func() string) (reg, note string) {
	found, from := "", ""
	if pre != nil && pre.Organisation != "" {
		if g, ok := regency.FromGovernment(pre.Organisation, true); ok {
			found, from = g, "Nama Instansi "+fmt.Sprintf("%q", pre.Organisation)
		}
	}
	if found == "" && parent != nil {
		if g := parent(); g != "" {
			found, from = g, "Instansi Induk"
		}
	}
	switch {
	case found == "":
		return configured, ""
	case configured == "":
		return found, ""
	case regency.Same(found, configured):
		return configured, "" // as the configuration spells it: the reports are titled so
	}
	return found, msg.T("regency_other", regency.Title(found, msg.Current() == msg.EN), from, regency.Title(configured, msg.Current() == msg.EN), found)
}

// parentGovernment reads the file again up to the first Instansi Induk naming a local
// government ("Pemerintah Kabupaten Bandung": reports that reached the regency's own account).
func parentGovernment(path string, ls *Layouts) string {
	src, err := openSource(path)
	if err != nil {
		return ""
	}
	defer src.Close()
	b, _, _, err := findHeader(path, src, ls)
	if err != nil {
		return ""
	}
	cols := b.Cols["parent_agency"]
	for {
		_, rec, err := src.Next()
		if err == io.EOF {
			return ""
		}
		var re *RowError
		if errors.As(err, &re) {
			continue
		}
		if err != nil {
			return ""
		}
		for _, c := range cols {
			if c < len(rec) {
				if g, ok := regency.FromGovernment(text(rec[c]), false); ok {
					return g
				}
			}
		}
	}
}

// snapshotInstant is the instant of a snapshot export: its preamble's Tanggal Generate, else
// --observed-at, else the file's modification time (with a warning: a bound resting on it is
// only as good as the file's mtime).
func snapshotInstant(path string, generated *Instant, o Options) (*Instant, string, error) {
	loc := o.SourceLoc
	if loc == nil {
		loc = time.UTC
	}
	if generated != nil {
		// Kept as the file says (it is the download's instant), but said at once: a build
		// refuses downloads after its own clock, so this computer's clock is wrong, or the file's.
		if now := time.Now(); generated.From.After(now) {
			return generated, msg.T("observed_generated_future", generated.From.In(loc).Format("2006-01-02 15:04"), now.In(loc).Format("2006-01-02 15:04")), nil
		}
		return generated, "", nil
	}
	if o.ObservedAt != nil {
		in := *o.ObservedAt
		in.Source = "option"
		return &in, "", nil
	}
	st, err := os.Stat(path)
	if err != nil {
		return nil, "", err
	}
	t := st.ModTime().Truncate(time.Microsecond).UTC()
	// A modification time after this moment cannot be when the file was downloaded (a computer's
	// clock was ahead, or a copy kept a wrong time): the download was before now, so now bounds
	// it. A bound from the future would lie outside every build's calendar.
	if now := time.Now().Truncate(time.Microsecond).UTC(); t.After(now) {
		return &Instant{From: now, To: now, Source: "mtime"}, msg.T("observed_mtime_future", t.In(loc).Format("2006-01-02 15:04"), now.In(loc).Format("2006-01-02 15:04")), nil
	}
	return &Instant{From: t, To: t, Source: "mtime"}, msg.T("observed_mtime", t.In(loc).Format("2006-01-02 15:04")), nil
}

// StatusCount is a status spelling no layout knows, with how many rows carry it.
type StatusCount struct {
	Raw string
	N   int64
}
