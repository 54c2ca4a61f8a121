package reports

import (
	"strings"
)

// The KPI catalogue: every indicator a report shows, declared once (label, value, unit,
// direction, the share it rests on), rendered by the HTML tiles, the agency rapor and the
// workbook's summary sheet. Values come from the metric tables' rows as they are: no metric is
// computed here.

// kpiUnit says how a value is shown (and what its change is measured in).
type kpiUnit int

const (
	uCount  kpiUnit = iota // complaints: 1.234
	uRate                  // a share in [0, 1]: 58,7% (changes in percentage points)
	uWD                    // working days, one decimal
	uCUnit                 // days in C's unit, one decimal
	uScore                 // 0-100, one decimal
	uRating                // 1-5, one decimal
)

// kpi is one indicator of the catalogue.
type kpi struct {
	id    string // key; the HTML tile's id
	label string
	unit  kpiUnit
	value func(RegencyRow) *float64
	// better: +1 when higher is better, -1 when lower is, 0 when neither (a count of complaints
	// received is neither good nor bad news).
	better int
	// base is the share the value rests on, in words ("" when it needs none).
	base func(RegencyRow) string
	// cohort figures of a month that is not over or still maturing are not comparable with a
	// finished month's: their change is shown without good/bad colour.
	cohort bool
	// regency: a figure of the regency admin (submissions, verification), not an agency's.
	regency bool
	// tile: shown as a tile on page 1 (the workbook's summary lists every KPI).
	tile bool
}

// kpiSet is the catalogue for one build's configuration in one language.
type kpiSet struct {
	l    lang
	b    Build
	list []kpi
}

func (k kpiSet) byID(id string) kpi {
	for _, x := range k.list {
		if x.id == id {
			return x
		}
	}
	panic("reports: no KPI " + id)
}

func cUnitWords(l lang, b Build) string {
	if b.CUnit == "working" {
		return l.t("wdays")
	}
	return l.t("days")
}

// cUnitAdj is C's unit before "limit": "60-day limit" in English, "batas 60 hari".
func cUnitAdj(l lang, b Build) string {
	if l.code != "en" {
		return cUnitWords(l, b)
	}
	if b.CUnit == "working" {
		return "working-day"
	}
	return "day"
}

func newKPIs(l lang, b Build) kpiSet {
	cu := cUnitWords(l, b)
	i := func(n int64) *float64 { return f64(n) }
	oi := func(n *int64) *float64 {
		if n == nil {
			return nil
		}
		return f64(*n)
	}
	ofClosed := func(n *int64, r RegencyRow) string {
		if n == nil || r.Closed == 0 {
			return ""
		}
		return l.tf("base_of_closed", l.int(*n), l.int(r.Closed))
	}
	// undetermined says how many of a rate's complaints the snapshots cannot decide.
	undetermined := func(n *int64) string {
		if n == nil || *n == 0 {
			return ""
		}
		return "; " + l.tf("base_undetermined", l.int(*n))
	}
	list := []kpi{
		{id: "kpi-submitted", label: l.t("kpi_submitted"), unit: uCount, regency: true, tile: true,
			value: func(r RegencyRow) *float64 { return i(r.Submitted) },
			base:  func(r RegencyRow) string { return l.tf("kpi_submitted_sub", l.int(r.Received)) }},
		{id: "kpi-verified", label: l.tf("kpi_verified", b.V), unit: uRate, better: +1, regency: true, tile: true,
			value: func(r RegencyRow) *float64 { return r.VerifiedOnTimeRate },
			base: func(r RegencyRow) string {
				return l.tf("kpi_verified_sub", l.int(r.VerifiedOnTime), l.int(r.Submitted), l.int(r.UndisposedEnd), l.dateShort(r.StockAt))
			}},
		{id: "kpi-received", label: l.t("x_received"), unit: uCount,
			value: func(r RegencyRow) *float64 { return i(r.Received) }},
		{id: "kpi-ontime", label: l.tf("kpi_ontime", b.R), unit: uRate, better: +1, cohort: true, tile: true,
			value: func(r RegencyRow) *float64 { return r.OnTimeResponseRate },
			base: func(r RegencyRow) string {
				if r.OnTimeResponseRate == nil {
					return l.t("not_available")
				}
				return l.tf("kpi_ontime_sub", l.optInt(r.RespondedOnTime), l.int(r.ResponseBase)) + undetermined(r.RespondedUndetermined)
			}},
		{id: "kpi-responded", label: l.t("x_response_rate"), unit: uRate, better: +1, cohort: true,
			value: func(r RegencyRow) *float64 { return r.ResponseRate },
			base: func(r RegencyRow) string {
				if r.ResponseRate == nil {
					return ""
				}
				return l.tf("base_of", l.optInt(r.Responded), l.int(r.ResponseBase))
			}},
		{id: "kpi-resolved", label: l.t("kpi_resolved"), unit: uRate, better: +1, cohort: true, tile: true,
			value: func(r RegencyRow) *float64 { return r.CompletionRate },
			base: func(r RegencyRow) string {
				s := l.tf("kpi_resolved_sub", l.int(r.Closed), l.int(r.Received), l.int(r.ClosedOnTime), b.C, cu)
				if r.CloseDaysMedian != nil {
					s += "; " + l.tf("kpi_close_median_sub", l.opt(r.CloseDaysMedian, 1), cu)
				}
				if r.ClosedBySystem != nil && *r.ClosedBySystem > 0 {
					s += "; " + l.tf("kpi_closed_system_sub", l.int(*r.ClosedBySystem))
				}
				return s + undetermined(r.ClosedUndetermined)
			}},
		{id: "kpi-resolved-ot", label: l.tf("x_resolved_ot_label", b.C, cu), unit: uRate, better: +1, cohort: true,
			value: func(r RegencyRow) *float64 { return r.OnTimeCompletionRate },
			base:  func(r RegencyRow) string { return l.tf("base_of", l.int(r.ClosedOnTime), l.int(r.Received)) }},
		{id: "kpi-median", label: l.t("kpi_median"), unit: uWD, better: -1, cohort: true, tile: true,
			value: func(r RegencyRow) *float64 { return r.ResponseWDMedian },
			base: func(r RegencyRow) string {
				// A duration rests on the complaints answered so far: say how many those are.
				if r.ResponseWDMedian == nil || r.ResponseRate == nil {
					return l.t("not_available")
				}
				return l.tf("kpi_median_sub", l.pct(r.ResponseRate), l.opt(r.ResponseWDP90, 1))
			}},
		{id: "kpi-p90", label: l.t("x_p90"), unit: uWD, better: -1, cohort: true,
			value: func(r RegencyRow) *float64 { return r.ResponseWDP90 },
			base: func(r RegencyRow) string {
				if r.ResponseRate == nil {
					return ""
				}
				return l.tf("base_answered", l.pct(r.ResponseRate))
			}},
		{id: "kpi-close-median", label: l.t("x_close_median"), unit: uCUnit, better: -1, cohort: true,
			value: func(r RegencyRow) *float64 { return r.CloseDaysMedian },
			base: func(r RegencyRow) string {
				if r.CompletionRate == nil {
					return ""
				}
				return l.tf("base_closed", l.pct(r.CompletionRate))
			}},
		{id: "kpi-rating", label: l.t("x_rating"), unit: uRating, better: +1, cohort: true,
			value: func(r RegencyRow) *float64 { return r.RatingAvg },
			base:  func(r RegencyRow) string { return l.tf("base_rated", l.int(r.Rated), l.int(r.Received)) }},
		{id: "kpi-closed-system", label: l.t("kpi_closed_system"), unit: uCount, cohort: true,
			value: func(r RegencyRow) *float64 { return oi(r.ClosedBySystem) },
			base:  func(r RegencyRow) string { return ofClosed(r.ClosedBySystem, r) }},
		{id: "kpi-closed-admin", label: l.t("kpi_closed_admin"), unit: uCount, cohort: true,
			value: func(r RegencyRow) *float64 { return oi(r.ClosedByAdmin) },
			base:  func(r RegencyRow) string { return ofClosed(r.ClosedByAdmin, r) }},
		{id: "kpi-closed-reporter", label: l.t("kpi_closed_reporter"), unit: uCount, cohort: true,
			value: func(r RegencyRow) *float64 { return oi(r.ClosedByReporter) },
			base:  func(r RegencyRow) string { return ofClosed(r.ClosedByReporter, r) }},
		{id: "kpi-archived-expired", label: l.t("kpi_archived_expired"), unit: uCount, better: -1, cohort: true,
			value: func(r RegencyRow) *float64 { return oi(r.ArchivedExpired) }},
		{id: "kpi-archived-other", label: l.t("kpi_archived_other"), unit: uCount, cohort: true,
			value: func(r RegencyRow) *float64 { return oi(r.ArchivedOther) }},
		{id: "kpi-postponed", label: l.t("kpi_postponed"), unit: uCount, cohort: true,
			value: func(r RegencyRow) *float64 { return oi(r.Postponed) }},
		{id: "kpi-responded-undetermined", label: l.tf("kpi_responded_undetermined", b.R), unit: uCount, cohort: true,
			value: func(r RegencyRow) *float64 { return oi(r.RespondedUndetermined) }},
		{id: "kpi-closed-undetermined", label: l.tf("kpi_closed_undetermined", b.C, cu), unit: uCount, cohort: true,
			value: func(r RegencyRow) *float64 { return oi(r.ClosedUndetermined) }},
		{id: "kpi-open", label: l.t("kpi_open"), unit: uCount, better: -1, tile: true,
			value: func(r RegencyRow) *float64 { return i(r.OpenEnd) },
			base:  func(r RegencyRow) string { return l.tf("kpi_open_sub", l.dateShort(r.StockAt)) }},
		{id: "kpi-overdue", label: l.tf("kpi_overdue", b.C, cUnitAdj(l, b)), unit: uCount, better: -1, tile: true,
			value: func(r RegencyRow) *float64 { return i(r.OverdueEnd) },
			base: func(r RegencyRow) string {
				if r.UnansweredOverdueEnd == nil {
					return ""
				}
				return l.tf("kpi_overdue_sub", l.int(*r.UnansweredOverdueEnd), b.R)
			}},
		{id: "kpi-unanswered", label: l.tf("x_unanswered", b.R), unit: uCount, better: -1,
			value: func(r RegencyRow) *float64 {
				if r.UnansweredOverdueEnd == nil {
					return nil
				}
				return i(*r.UnansweredOverdueEnd)
			}},
		{id: "kpi-open-undetermined", label: l.t("kpi_open_undetermined"), unit: uCount,
			value: func(r RegencyRow) *float64 { return oi(r.OpenEndUndetermined) }},
		{id: "kpi-undisposed", label: l.t("x_undisposed"), unit: uCount, better: -1, regency: true,
			value: func(r RegencyRow) *float64 { return i(r.UndisposedEnd) }},
		{id: "kpi-score-month", label: l.t("col_score"), unit: uScore, better: +1, cohort: true,
			value: func(r RegencyRow) *float64 { return r.Score }},
	}
	return kpiSet{l: l, b: b, list: list}
}

// format renders a value in the KPI's unit; NULL is a dash.
func (k kpiSet) format(x kpi, v *float64) string {
	l := k.l
	if v == nil {
		return dash
	}
	switch x.unit {
	case uCount:
		return l.int(int64(*v))
	case uRate:
		return l.pct(v)
	}
	return l.opt(v, 1)
}

// unitText is the unit as the workbook's unit column and the tiles name it.
func (k kpiSet) unitText(x kpi) string {
	l := k.l
	switch x.unit {
	case uCount:
		return l.t("complaints")
	case uRate:
		return "%"
	case uWD:
		return l.t("wdays")
	case uCUnit:
		return cUnitWords(l, k.b)
	case uScore:
		return "0–100"
	case uRating:
		return "1–5"
	}
	return ""
}

// change is the change of a KPI from prev to cur, formatted, with its class: good, bad or
// neutral; neutral too when either month's cohort is not final (fair says whether they compare).
func (k kpiSet) change(x kpi, cur, prev *float64, fair bool) (string, string) {
	l := k.l
	scale, decimals, unit := 1.0, 1, ""
	switch x.unit {
	case uCount:
		decimals = 0
	case uRate:
		scale, unit = 100, " "+l.t("pp")
	}
	var better *bool
	switch x.better {
	case +1:
		better = &higher
	case -1:
		better = &lower
	}
	d, class := delta(l, cur, prev, scale, decimals, unit, better)
	if d != "" && x.cohort && !fair {
		class = "neutral"
	}
	return d, class
}

// tileOf renders one KPI as a tile of cur with its change against prev (nil: none).
func (k kpiSet) tileOf(x kpi, cur RegencyRow, prev *RegencyRow, prevLabel string) tile {
	l := k.l
	v := x.value(cur)
	t := tile{ID: x.id, Label: x.label, Value: k.format(x, v)}
	if x.base != nil && !(x.cohort && cur.Received == 0) { // an empty cohort rests on nothing
		t.Sub = x.base(cur)
	}
	if v != nil && x.unit == uRate {
		t.Value = strings.TrimSuffix(t.Value, "%")
		t.Unit = "%"
	}
	curFinal := cur.Complete && !cur.Maturing
	if x.cohort && !curFinal {
		t.Marked = l.t("maturing_mark")
	}
	if prev != nil {
		pv := x.value(*prev)
		fair := curFinal && prev.Complete && !prev.Maturing
		t.Delta, t.Class = k.change(x, v, pv, fair)
		if t.Delta != "" {
			t.Delta += " · " + prevLabel + ": " + k.format(x, pv)
		}
	}
	return t
}

// tile is one KPI of the head.
type tile struct {
	ID     string
	Label  string
	Value  string
	Unit   string
	Sub    string
	Delta  string // "▲ 3,2 poin" ...
	Class  string // good | bad | neutral | "" (no comparison)
	Zone   string // score tile: hijau | kuning | merah
	Marked string // maturing / small sample note on the value
}

// delta formats the change of a value against the previous period: "▲ 3,2 poin" and a class
// saying whether the change is good news (higherIsBetter nil: neither).
func delta(l lang, cur, prev *float64, scale float64, decimals int, unit string, higherIsBetter *bool) (string, string) {
	if cur == nil || prev == nil {
		return "", ""
	}
	r := roundTo((*cur-*prev)*scale, decimals)
	if r == 0 {
		return "= " + l.num(0, decimals) + unit, "neutral"
	}
	arrow := "▲"
	if r < 0 {
		arrow = "▼"
	}
	class := "neutral"
	if higherIsBetter != nil {
		if (r > 0) == *higherIsBetter {
			class = "good"
		} else {
			class = "bad"
		}
	}
	return arrow + " " + l.num(abs(r), decimals) + unit, class
}

func abs(x float64) float64 {
	if x < 0 {
		return -x
	}
	return x
}

func f64(n int64) *float64 { x := float64(n); return &x }

var higher, lower = true, false
