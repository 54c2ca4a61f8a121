package reports

import (
	"context"
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"sort"
	"time"

	"github.com/hsu-lapor/rapor/store"
)

// CompareOptions of the comparison across periods.
type CompareOptions struct {
	From, To string // YYYY-MM
	Period   string // month (default) | quarter
	OutDir   string
	Lang     string
	Regency  string // "" = every regency of the database
	Now      time.Time
	Level    string // LevelAgency ("") or LevelParent: the units compared (level.go)
}

// cmpPeriod is one column of the comparison.
type cmpPeriod struct {
	Label    string // as in the tables: 2025-10, 2025-Q3
	Title    string // Okt 2025, 2025-Q3
	End      time.Time
	Complete bool
	Maturing bool
}

// cmpAgency is one agency's row: its period rows (nil where it received nothing).
type cmpAgency struct {
	Name  string
	Cells []*AgencyRow
}

// cmpRegency is one regency's block.
type cmpRegency struct {
	Name      string
	Agencies  []cmpAgency
	Totals    []*RegencyRow
	totalsRaw []RegencyRow
}

// Comparison is the Ombudsman's side-by-side view.
type Comparison struct {
	L         lang
	Build     Build
	From, To  time.Time
	Period    string
	Periods   []cmpPeriod
	Regencies []cmpRegency
	Generated time.Time
	Holidays  []Holiday
	Level     string
}

// LoadComparison reads the comparison from the metric tables.
func LoadComparison(ctx context.Context, db *store.DB, o CompareOptions) (*Comparison, error) {
	l := newLang(o.Lang)
	from, err := parseMonth(l, o.From)
	if err != nil {
		return nil, err
	}
	to, err := parseMonth(l, o.To)
	if err != nil {
		return nil, err
	}
	if from.After(to) {
		return nil, errors.New(l.tf("err_from_to", o.From, o.To))
	}
	period := o.Period
	if period == "" {
		period = "month"
	}
	if period != "month" && period != "quarter" && period != "year" {
		return nil, errors.New(l.tf("err_period", o.Period))
	}
	level, err := checkLevel(l, o.Level)
	if err != nil {
		return nil, err
	}
	tx, done, err := readConn(ctx, db)
	if err != nil {
		return nil, err
	}
	defer done()
	b, err := loadBuild(ctx, tx)
	if err != nil {
		return nil, err
	}
	if to.After(b.AsOfMonth) {
		return nil, errors.New(l.tf("err_after_asof", l.month(to), l.dateTime(b.AsOf), l.month(b.AsOfMonth)))
	}
	all, err := regencies(ctx, tx)
	if err != nil {
		return nil, err
	}
	picked, err := pickRegencies(all, o.Regency)
	if err != nil {
		return nil, err
	}
	c := &Comparison{L: l, Build: b, From: from, To: to, Period: period, Generated: o.Now, Level: level}
	if c.Generated.IsZero() {
		c.Generated = time.Now()
	}
	c.Generated = c.Generated.In(b.Loc)

	// Periods: months from..to, or the quarters that overlap them.
	lo, hi := from, to
	switch period {
	case "quarter":
		lo = quarterStart(from).AddDate(0, 2, 0)
		hi = quarterStart(to).AddDate(0, 2, 0)
	case "year":
		lo = time.Date(from.Year(), 12, 1, 0, 0, 0, 0, time.UTC)
		hi = time.Date(to.Year(), 12, 1, 0, 0, 0, 0, time.UTC)
	}
	seen := map[string]bool{}
	for _, reg := range picked {
		var ags []AgencyRow
		var tot []RegencyRow
		if period == "month" {
			if ags, err = loadAgencyMonths(ctx, tx, b.Loc, level, reg, lo, hi); err != nil {
				return nil, err
			}
			if tot, err = loadRegencyMonths(ctx, tx, b.Loc, reg, lo, hi); err != nil {
				return nil, err
			}
		} else {
			if ags, err = loadAgencyPeriods(ctx, tx, b.Loc, level, reg, period, lo, hi); err != nil {
				return nil, err
			}
			if tot, err = loadRegencyPeriods(ctx, tx, b.Loc, reg, period, lo, hi); err != nil {
				return nil, err
			}
		}
		for _, t := range tot {
			if !seen[t.Period] {
				seen[t.Period] = true
				c.Periods = append(c.Periods, cmpPeriod{Label: t.Period, End: t.EndMonth, Complete: t.Complete, Maturing: t.Maturing})
			}
		}
		c.Regencies = append(c.Regencies, cmpRegency{Name: reg})
		cr := &c.Regencies[len(c.Regencies)-1]
		cr.Totals = make([]*RegencyRow, 0)
		// Placeholders, filled below once every regency's periods are known.
		cr.Agencies = groupAgencies(ags)
		cr.totalsRaw = tot
	}
	if len(c.Periods) == 0 {
		return nil, errors.New(l.tf("err_no_periods", l.t("cmp_period_"+period[:1]), l.month(from), l.month(to)))
	}
	sort.Slice(c.Periods, func(i, j int) bool { return c.Periods[i].End.Before(c.Periods[j].End) })
	idx := map[string]int{}
	for i := range c.Periods {
		p := &c.Periods[i]
		idx[p.Label] = i
		p.Title = periodTitle(l, period, p.Label, p.End)
	}
	for ri := range c.Regencies {
		cr := &c.Regencies[ri]
		cr.Totals = make([]*RegencyRow, len(c.Periods))
		for i := range cr.totalsRaw {
			t := cr.totalsRaw[i]
			cr.Totals[idx[t.Period]] = &t
		}
		cr.totalsRaw = nil
		for ai := range cr.Agencies {
			a := &cr.Agencies[ai]
			cells := make([]*AgencyRow, len(c.Periods))
			for _, row := range a.Cells {
				cells[idx[row.Period]] = row
			}
			a.Cells = cells
		}
		sortAgencies(cr.Agencies)
	}
	first := c.Periods[0].End
	switch period {
	case "quarter":
		first = first.AddDate(0, -2, 0)
	case "year":
		first = first.AddDate(0, -11, 0)
	}
	if c.Holidays, err = loadHolidays(ctx, tx, first, c.Periods[len(c.Periods)-1].End.AddDate(0, 1, -1)); err != nil {
		return nil, err
	}
	return c, nil
}

func quarterStart(t time.Time) time.Time {
	return time.Date(t.Year(), time.Month((int(t.Month())-1)/3*3+1), 1, 0, 0, 0, 0, time.UTC)
}

func periodTitle(l lang, period, label string, end time.Time) string {
	switch period {
	case "month":
		return l.monthShort(end)
	case "quarter":
		return l.quarter(end)
	}
	return label
}

// mature says whether period i is over and past the completion limit: only mature periods
// compare with each other (a maturing period's completion rates are still rising).
func (c *Comparison) mature(i int) bool {
	p := c.Periods[i]
	return p.Complete && !p.Maturing
}

// matureRange is the first and the last mature period (-1, -1 when none): the span over which
// zone movement and score change are measured.
func (c *Comparison) matureRange() (int, int) {
	first, last := -1, -1
	for i := range c.Periods {
		if c.mature(i) {
			if first < 0 {
				first = i
			}
			last = i
		}
	}
	return first, last
}

// matureOnly blanks the zones of periods that are not mature.
func (c *Comparison) matureOnly(zones []string) []string {
	out := make([]string, len(zones))
	for i, z := range zones {
		if c.mature(i) {
			out[i] = z
		}
	}
	return out
}

// groupAgencies gathers the rows of each agency (in first-seen order).
func groupAgencies(rows []AgencyRow) []cmpAgency {
	var out []cmpAgency
	idx := map[string]int{}
	for i := range rows {
		r := &rows[i]
		j, ok := idx[r.Agency]
		if !ok {
			j = len(out)
			idx[r.Agency] = j
			out = append(out, cmpAgency{Name: r.Agency})
		}
		out[j].Cells = append(out[j].Cells, r)
	}
	return out
}

// sortAgencies orders by the latest period in which an agency appears, then its rank there
// (ranked first), then its score, then its name.
func sortAgencies(as []cmpAgency) {
	type key struct {
		age   int
		rank  int64
		score float64
	}
	keyOf := func(a cmpAgency) key {
		for i := len(a.Cells) - 1; i >= 0; i-- {
			if c := a.Cells[i]; c != nil {
				k := key{age: len(a.Cells) - 1 - i, rank: math.MaxInt64, score: -1}
				if c.Rank != nil {
					k.rank = *c.Rank
				}
				if c.Score != nil {
					k.score = *c.Score
				}
				return k
			}
		}
		return key{len(a.Cells), math.MaxInt64, -1}
	}
	sort.SliceStable(as, func(i, j int) bool {
		ki, kj := keyOf(as[i]), keyOf(as[j])
		if ki != kj {
			if ki.age != kj.age {
				return ki.age < kj.age
			}
			if ki.rank != kj.rank {
				return ki.rank < kj.rank
			}
			return ki.score > kj.score
		}
		return as[i].Name < as[j].Name
	})
}

var zoneOrder = map[string]int{"merah": 1, "kuning": 2, "hijau": 3}

// movement compares the first and the last zone in the row.
func movement(zones []string) (first, last string, dir int) {
	for _, z := range zones {
		if z != "" {
			if first == "" {
				first = z
			}
			last = z
		}
	}
	if first == "" {
		return "", "", 0
	}
	d := zoneOrder[last] - zoneOrder[first]
	switch {
	case d > 0:
		dir = 1
	case d < 0:
		dir = -1
	}
	return first, last, dir
}

func (a cmpAgency) zones() []string {
	z := make([]string, len(a.Cells))
	for i, c := range a.Cells {
		if c != nil {
			z[i] = c.ZoneName()
		}
	}
	return z
}

func (r cmpRegency) zones() []string {
	z := make([]string, len(r.Totals))
	for i, c := range r.Totals {
		if c != nil {
			z[i] = c.ZoneName()
		}
	}
	return z
}

func (a cmpAgency) scoreDelta(c *Comparison) *float64 {
	var first, last *float64
	for i, x := range a.Cells {
		if x != nil && x.Score != nil && c.mature(i) {
			if first == nil {
				first = x.Score
			}
			last = x.Score
		}
	}
	if first == nil {
		return nil
	}
	d := *last - *first
	return &d
}

// Compare writes rapor-banding-FROM-TO.html and .xlsx.
func Compare(ctx context.Context, db *store.DB, o CompareOptions) (Result, error) {
	var res Result
	if _, err := echartsJS(); err != nil {
		return res, err
	}
	c, err := LoadComparison(ctx, db, o)
	if err != nil {
		return res, err
	}
	dir := o.OutDir
	if dir == "" {
		dir = "."
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return res, err
	}
	base := filepath.Join(dir, fmt.Sprintf("rapor-banding-%s-%s", c.From.Format("2006-01"), c.To.Format("2006-01")))
	switch c.Period {
	case "quarter":
		base += "-triwulan"
	case "year":
		base += "-tahunan"
	}
	base += fileSuffix(c.Level)
	res.HTML, res.XLSX = base+".html", base+".xlsx"
	if len(c.Regencies) == 1 {
		res.Regency = c.Regencies[0].Name
	}
	if err := writeFile(res.HTML, c.WriteHTML); err != nil {
		return res, err
	}
	return res, writeFile(res.XLSX, c.WriteXLSX)
}

// HTML
