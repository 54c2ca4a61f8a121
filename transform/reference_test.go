package transform

import (
	"context"
	"encoding/csv"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/hsu-lapor/rapor/config"
	"github.com/hsu-lapor/rapor/ingest"
	"github.com/hsu-lapor/rapor/transform/calendar"
)

// This file is an independent computation of metrics.md: random complaints are written as
// exports (layouts A and B, two regencies), ingested, built, and every cell of agency_month,
// agency_period, regency_month and regency_period is compared with what plain Go computes from the
// generated complaints themselves (time.In for local dates, calendar.WorkingDaysBetween for
// working days, sorting for quantiles). Nothing here reads the SQL models' intermediate tables.

type refComplaint struct {
	regency, id, agencyRaw, status string
	layoutB                        bool
	submitted, disposed, response  *time.Time
	closed, lastActivity           *time.Time
	rating                         int
}

var indonesianMonths = []string{"", "Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
	"September", "Oktober", "November", "Desember"}

func genComplaints(seed uint64, n int, cutoff time.Time) []refComplaint {
	r := rand.New(rand.NewPCG(seed, 1))
	agencies := [][]string{
		{"Dinas Kesehatan", "DINAS KESEHATAN", "dinas  kesehatan"},
		{"Dinas Pendidikan", "Dinas Pendidikan "},
		{"Dinas Sosial"},
		{"Dinas PUPR", "Dinas Pekerjaan Umum dan Penataan Ruang", "DPUPR"},
		{"Dinas Perhubungan", "dinas perhubungan"},
		{"Dinas Lingkungan Hidup"},
		{"Badan Kepegawaian Daerah", "BADAN KEPEGAWAIAN DAERAH"},
		{"Kecamatan Amuntai Tengah"},
	}
	weights := []int{30, 25, 6, 20, 8, 5, 3, 3}
	pickAgency := func() string {
		x := r.IntN(100)
		for i, w := range weights {
			if x < w {
				sp := agencies[i]
				return sp[r.IntN(len(sp))]
			}
			x -= w
		}
		return agencies[0][0]
	}
	start := time.Date(2024, 1, 1, 0, 0, 0, 0, wib)
	span := int(time.Date(2025, 6, 30, 0, 0, 0, 0, wib).Sub(start).Hours())
	ptr := func(t time.Time) *time.Time {
		if t.After(cutoff) {
			return nil
		}
		return &t
	}
	hours := func(lo, hi int) time.Duration { return time.Duration(lo+r.IntN(hi-lo+1)) * time.Hour }
	var out []refComplaint
	for i := 0; i < n; i++ {
		c := refComplaint{regency: "Hulu Sungai Utara", id: fmt.Sprintf("R%05d", i)}
		if i%3 == 2 {
			c.regency = "Tabalong"
		}
		c.layoutB = c.regency == "Hulu Sungai Utara" && r.IntN(5) == 0
		sub := start.Add(time.Duration(r.IntN(span))*time.Hour + time.Duration(r.IntN(60))*time.Minute)
		c.submitted = &sub
		x := r.IntN(100)
		switch {
		case x < 2: // disposed before submission (invalid pair)
			c.disposed = ptr(sub.Add(-hours(1, 30)))
		case x < 92:
			c.disposed = ptr(sub.Add(hours(0, 24*9)))
		}
		if c.disposed != nil && r.IntN(100) < 97 || c.disposed == nil && r.IntN(100) < 2 {
			c.agencyRaw = pickAgency()
		}
		if c.disposed != nil {
			d := *c.disposed
			if x := r.IntN(100); x < 3 {
				c.response = ptr(d.Add(-hours(1, 48)))
			} else if x < 85 {
				c.response = ptr(d.Add(hours(0, 24*14)))
			}
			if x := r.IntN(100); x < 2 {
				c.closed = ptr(d.Add(-hours(1, 48)))
			} else if x < 75 {
				c.closed = ptr(d.Add(hours(0, 24*90)))
			}
		} else if r.IntN(100) < 2 {
			c.closed = ptr(sub.Add(hours(1, 24*10)))
		}
		if c.closed != nil && r.IntN(100) < 45 {
			c.rating = 1 + r.IntN(5)
		}
		switch {
		case c.closed != nil:
			c.status = "Selesai"
		case c.response != nil:
			c.status = "Sedang Diproses"
		case c.disposed != nil:
			c.status = "Terdisposisi Belum Ditindaklanjuti"
		default:
			c.status = "Belum Terverifikasi"
		}
		if r.IntN(100) < 2 && c.closed != nil {
			c.status = "Sedang Diproses" // contradicts closed_at
		}
		if c.layoutB {
			// Date-only times (midnight WIB), no first response, no rating, three statuses.
			for _, p := range []**time.Time{&c.submitted, &c.disposed, &c.closed} {
				if *p != nil {
					d := time.Date((*p).Year(), (*p).Month(), (*p).Day(), 0, 0, 0, 0, wib)
					*p = &d
				}
			}
			c.response, c.rating = nil, 0
			c.status = map[bool]string{true: "Selesai", false: "Proses"}[c.closed != nil]
			if c.disposed == nil {
				c.status = "Belum"
			}
		} else {
			if r.IntN(100) < 3 {
				c.status = "Diarsipkan"
			} else if r.IntN(200) == 0 {
				c.status = "Entah Apa"
			}
		}
		last := *c.submitted
		for _, p := range []*time.Time{c.disposed, c.response, c.closed} {
			if p != nil && p.After(last) {
				last = *p
			}
		}
		if c.status == "Diarsipkan" {
			last = last.Add(hours(1, 24*20))
			if last.After(cutoff) {
				last = cutoff
			}
		}
		c.lastActivity = &last
		out = append(out, c)
	}
	return out
}

func writeExports(t *testing.T, dir string, cs []refComplaint) map[string][]string {
	files := map[string][]string{} // regency -> files
	fmtA := func(p *time.Time) string {
		if p == nil {
			return ""
		}
		return p.In(wib).Format("2006-01-02 15:04")
	}
	fmtB := func(p *time.Time) string {
		if p == nil {
			return ""
		}
		return fmt.Sprintf("%d %s %d", p.Day(), indonesianMonths[p.Month()], p.Year())
	}
	for _, reg := range []string{"Hulu Sungai Utara", "Tabalong"} {
		for _, b := range []bool{false, true} {
			var rows [][]string
			for i, c := range cs {
				if c.regency != reg || c.layoutB != b {
					continue
				}
				rating := ""
				if c.rating > 0 {
					rating = strconv.Itoa(c.rating)
				}
				if b {
					rows = append(rows, []string{strconv.Itoa(i), c.id, "Warga", "Judul " + c.id, "Isi", c.agencyRaw, "", "Lainnya", "1",
						c.status, "Amuntai", "6308", fmtB(c.submitted), fmtB(c.disposed), fmtB(c.closed), fmtB(c.lastActivity)})
				} else {
					rows = append(rows, []string{c.id, fmtA(c.submitted), "Judul " + c.id, "Isi", "Lainnya", c.agencyRaw, c.status,
						"Website", "Amuntai", "", fmtA(c.disposed), fmtA(c.response), fmtA(c.closed), fmtA(c.lastActivity),
						"Tidak", "Tidak", rating, "Warga", ""})
				}
			}
			if len(rows) == 0 {
				continue
			}
			header := []string{"No. Tracking", "Tanggal Laporan", "Judul", "Isi Laporan", "Kategori", "Instansi Tujuan", "Status",
				"Sumber", "Lokasi", "Tanggal Verifikasi", "Tanggal Disposisi", "Tanggal Tindak Lanjut Pertama", "Tanggal Selesai",
				"Tanggal Aktivitas Terakhir", "Anonim", "Rahasia", "Rating", "Nama Pelapor", "No. HP Pelapor"}
			if b {
				header = strings.Split("id,TrackingID,Pelapor,JudulLaporan,IsiLaporan,DisposisiInstansi,DisposisiInstansiID,Kategori,KategoriID,Status,Area,AreaID,TanggalLaporanMasuk,TanggalDisposisi,TanggalLaporanDitutup,TanggalLaporanAktivitasTerakhir", ",")
			}
			path := filepath.Join(dir, fmt.Sprintf("%s-%v.csv", strings.ReplaceAll(reg, " ", "_"), b))
			f, err := os.Create(path)
			if err != nil {
				t.Fatal(err)
			}
			w := csv.NewWriter(f)
			w.Write(header)
			w.WriteAll(rows)
			f.Close()
			files[reg] = append(files[reg], path)
		}
	}
	return files
}

// ---- the reference computation ----

type refCtx struct {
	cfg      config.Config
	cal      *calendar.Calendar
	asOf     time.Time
	asOfDate time.Time
	names    map[string]string // folded key -> name shown
	master   map[string]string // folded spelling -> master name
}

func civil(t time.Time) time.Time { return calendar.Civil(t.In(wita)) }
func monthOf(t time.Time) time.Time {
	d := civil(t)
	return time.Date(d.Year(), d.Month(), 1, 0, 0, 0, 0, time.UTC)
}
func days(a, b time.Time) int { return int(b.Sub(a).Hours() / 24) }

// fact is one complaint as the metrics see it.
type fact struct {
	c          refComplaint
	agency     string
	cohort     bool
	month      time.Time // disposition month
	subMonth   time.Time
	archivedAt *time.Time
}

func (rc *refCtx) wd(a, b time.Time) int { return rc.cal.WorkingDaysBetween(a.In(wita), b.In(wita)) }

func (rc *refCtx) agencyName(raw string) string {
	k := config.FoldName(raw)
	if k == "" {
		return ""
	}
	if m, ok := rc.master[k]; ok {
		return m
	}
	return rc.names[k]
}

type period struct {
	typ, label          string
	start, end, endM    time.Time // end = last day
	months              map[time.Time]bool
	stockAt             time.Time
	complete, maturing  bool
	prevEndM, stockMnth time.Time
}

func (rc *refCtx) periods(first time.Time) []period {
	last := monthOf(rc.asOf)
	var months []time.Time
	for m := first; !m.After(last); m = m.AddDate(0, 1, 0) {
		months = append(months, m)
	}
	mk := func(typ, label string, start, endM, prev time.Time) period {
		p := period{typ: typ, label: label, start: start, endM: endM, prevEndM: prev, months: map[time.Time]bool{}}
		for m := start; !m.After(endM); m = m.AddDate(0, 1, 0) {
			p.months[m] = true
		}
		p.end = endM.AddDate(0, 1, -1)
		endInstant := time.Date(p.end.Year(), p.end.Month(), p.end.Day()+1, 0, 0, 0, 0, wita).Add(-time.Microsecond)
		p.stockAt = endInstant
		if rc.asOf.Before(endInstant) {
			p.stockAt = rc.asOf
		}
		p.complete = !endInstant.After(rc.asOf)
		p.maturing = days(p.end, rc.asOfDate) < rc.cfg.SLA.CompletionDays
		p.stockMnth = endM
		if last.Before(endM) {
			p.stockMnth = last
		}
		return p
	}
	var ps []period
	seen := map[string]bool{}
	for _, m := range months {
		ps = append(ps, mk("month", m.Format("2006-01"), m, m, m.AddDate(0, -1, 0)))
		q := time.Date(m.Year(), (m.Month()-1)/3*3+1, 1, 0, 0, 0, 0, time.UTC)
		if l := fmt.Sprintf("%d-Q%d", m.Year(), (m.Month()-1)/3+1); !seen[l] {
			seen[l] = true
			ps = append(ps, mk("quarter", l, q, q.AddDate(0, 2, 0), q.AddDate(0, -1, 0)))
		}
		y := time.Date(m.Year(), 1, 1, 0, 0, 0, 0, time.UTC)
		if l := strconv.Itoa(m.Year()); !seen[l] {
			seen[l] = true
			ps = append(ps, mk("year", l, y, y.AddDate(0, 11, 0), y.AddDate(0, -1, 0)))
		}
		for _, n := range []int{3, 12} {
			s := m.AddDate(0, -(n - 1), 0)
			ps = append(ps, mk(fmt.Sprintf("rolling_%dm", n), s.Format("2006-01")+".."+m.Format("2006-01"), s, m, m.AddDate(0, -1, 0)))
		}
	}
	return ps
}

func quantile(v []int, q float64) any {
	if len(v) == 0 {
		return nil
	}
	s := append([]int(nil), v...)
	sort.Ints(s)
	h := q * float64(len(s)-1)
	lo, hi := math.Floor(h), math.Ceil(h)
	return float64(s[int(lo)]) + (h-lo)*float64(s[int(hi)]-s[int(lo)])
}

func ratio(a, b int) any {
	if b == 0 {
		return nil
	}
	return float64(a) / float64(b)
}

// metrics computes one row's metrics over the cohort complaints cs (disposed in the period) and
// the stock population pop (all cohort complaints of the agency or regency).
func (rc *refCtx) metrics(cs, pop []fact, p period, responseKnown bool) want {
	sla := rc.cfg.SLA
	w := want{}
	var base, responded, respOnTime, closed, closedOnTime, rated, ratingSum int
	var respWD, closeD []int
	for _, f := range cs {
		c := f.c
		if !c.layoutB {
			base++
			if c.response != nil {
				responded++
				if !c.response.Before(*c.disposed) {
					d := rc.wd(*c.disposed, *c.response)
					respWD = append(respWD, d)
					if d <= sla.ResponseWorkingDays {
						respOnTime++
					}
				}
			}
		}
		if c.closed != nil {
			closed++
			if !c.closed.Before(*c.disposed) {
				d := days(civil(*c.disposed), civil(*c.closed))
				closeD = append(closeD, d)
				if d <= sla.CompletionDays {
					closedOnTime++
				}
			}
		}
		if c.rating > 0 {
			rated++
			ratingSum += c.rating
		}
	}
	n := len(cs)
	w["received"], w["response_base"], w["closed"], w["closed_on_time"], w["rated"] = n, base, closed, closedOnTime, rated
	w["responded"], w["responded_on_time"] = nil, nil
	if base > 0 {
		w["responded"], w["responded_on_time"] = responded, respOnTime
	}
	w["response_rate"], w["on_time_response_rate"] = ratio(responded, base), ratio(respOnTime, base)
	w["completion_rate"], w["on_time_completion_rate"] = ratio(closed, n), ratio(closedOnTime, n)
	w["rating_avg"], w["satisfaction"] = nil, nil
	if rated > 0 {
		avg := float64(ratingSum) / float64(rated)
		w["rating_avg"], w["satisfaction"] = avg, (avg-1)/4
	}
	w["response_wd_median"], w["response_wd_p90"] = quantile(respWD, 0.5), quantile(respWD, 0.9)
	w["close_days_median"] = quantile(closeD, 0.5)

	e := p.stockAt
	var open, overdue, unanswered int
	for _, f := range pop {
		c := f.c
		if c.disposed.After(e) || (c.closed != nil && !c.closed.After(e)) || (f.archivedAt != nil && !f.archivedAt.After(e)) {
			continue
		}
		open++
		if days(civil(*c.disposed), civil(e)) > sla.CompletionDays {
			overdue++
		}
		if !c.layoutB && (c.response == nil || c.response.After(e)) && rc.wd(*c.disposed, e) > sla.ResponseWorkingDays {
			unanswered++
		}
	}
	w["open_end"], w["overdue_end"], w["unanswered_overdue_end"] = open, overdue, nil
	if responseKnown {
		w["unanswered_overdue_end"] = unanswered
	}
	w["stock_at"], w["maturing"], w["complete"] = p.stockAt, p.maturing, p.complete
	w["small_sample"] = n < rc.cfg.MinSample

	wt := rc.cfg.Weights
	var num, den float64
	for _, comp := range []struct {
		v any
		w float64
	}{{w["on_time_response_rate"], wt.OnTimeResponseRate}, {w["completion_rate"], wt.CompletionRate},
		{w["on_time_completion_rate"], wt.OnTimeCompletionRate}, {w["satisfaction"], wt.Satisfaction}} {
		if comp.v != nil {
			num += comp.w * comp.v.(float64)
			den += comp.w
		}
	}
	w["score"], w["zone"] = nil, nil
	if den > 0 {
		s := math.Round(100*num/den*1e9) / 1e9
		w["score"] = s
		switch {
		case s >= rc.cfg.Zones.Hijau:
			w["zone"] = "hijau"
		case s >= rc.cfg.Zones.Kuning:
			w["zone"] = "kuning"
		default:
			w["zone"] = "merah"
		}
	}
	return w
}

type refRow struct {
	regency, typ, period, agency string
	endM                         time.Time
	w                            want
}

func (rc *refCtx) compute(cs []refComplaint) []refRow {
	// Names: the master list, else the most frequent spelling (spaces folded), ties alphabetical.
	counts := map[string]map[string]int{}
	for _, c := range cs {
		k := config.FoldName(c.agencyRaw)
		if k == "" {
			continue
		}
		if counts[k] == nil {
			counts[k] = map[string]int{}
		}
		counts[k][strings.Join(strings.Fields(c.agencyRaw), " ")]++
	}
	rc.names = map[string]string{}
	for k, m := range counts {
		best, bn := "", -1
		for s, n := range m {
			if n > bn || n == bn && s < best {
				best, bn = s, n
			}
		}
		rc.names[k] = best
	}
	rc.master = map[string]string{}
	for _, a := range rc.cfg.Agencies {
		for _, s := range append([]string{a.Name}, a.Aliases...) {
			rc.master[config.FoldName(s)] = a.Name
		}
	}

	var facts []fact
	first := time.Time{}
	for _, c := range cs {
		f := fact{c: c, agency: rc.agencyName(c.agencyRaw), subMonth: monthOf(*c.submitted)}
		f.cohort = f.agency != "" && c.disposed != nil
		if c.disposed != nil {
			f.month = monthOf(*c.disposed)
		}
		if c.status == "Diarsipkan" {
			f.archivedAt = c.lastActivity
		}
		for _, m := range []time.Time{f.subMonth, f.month} {
			if !m.IsZero() && (first.IsZero() || m.Before(first)) {
				first = m
			}
		}
		facts = append(facts, f)
	}
	ps := rc.periods(first)

	var rows []refRow
	for _, reg := range []string{"Hulu Sungai Utara", "Tabalong"} {
		var regFacts []fact
		regFirst := time.Time{}
		byAgency := map[string][]fact{}
		for _, f := range facts {
			if f.c.regency != reg {
				continue
			}
			regFacts = append(regFacts, f)
			for _, m := range []time.Time{f.subMonth, f.month} {
				if !m.IsZero() && (regFirst.IsZero() || m.Before(regFirst)) {
					regFirst = m
				}
			}
			if f.cohort {
				byAgency[f.agency] = append(byAgency[f.agency], f)
			}
		}
		known := func(pop []fact, stockMonth time.Time) bool {
			for _, f := range pop {
				if f.cohort && !f.c.layoutB && !f.month.After(stockMonth) {
					return true
				}
			}
			return false
		}
		var cohortAll []fact
		for _, f := range regFacts {
			if f.cohort {
				cohortAll = append(cohortAll, f)
			}
		}
		for _, p := range ps {
			// Agency rows, then ranks.
			var agencyRows []refRow
			for ag, pop := range byAgency {
				var in []fact
				for _, f := range pop {
					if p.months[f.month] {
						in = append(in, f)
					}
				}
				if len(in) == 0 {
					continue
				}
				agencyRows = append(agencyRows, refRow{reg, p.typ, p.label, ag, p.endM, rc.metrics(in, pop, p, known(pop, p.stockMnth))})
			}
			sort.Slice(agencyRows, func(i, j int) bool {
				a, b := agencyRows[i].w, agencyRows[j].w
				if a["score"].(float64) != b["score"].(float64) {
					return a["score"].(float64) > b["score"].(float64)
				}
				ao, bo := a["on_time_response_rate"], b["on_time_response_rate"]
				if (ao == nil) != (bo == nil) {
					return bo == nil
				}
				if ao != nil && ao.(float64) != bo.(float64) {
					return ao.(float64) > bo.(float64)
				}
				if a["received"].(int) != b["received"].(int) {
					return a["received"].(int) > b["received"].(int)
				}
				return agencyRows[i].agency < agencyRows[j].agency
			})
			rank := 0
			for _, r := range agencyRows {
				r.w["rank"] = nil
				if r.w["received"].(int) >= rc.cfg.MinSample {
					rank++
					r.w["rank"] = rank
				}
			}
			rows = append(rows, agencyRows...)

			if p.endM.Before(regFirst) {
				continue
			}
			var in []fact
			for _, f := range cohortAll {
				if p.months[f.month] {
					in = append(in, f)
				}
			}
			w := rc.metrics(in, cohortAll, p, known(cohortAll, p.stockMnth))
			var submitted, vot, disposed, archived, undisposed int
			for _, f := range regFacts {
				c := f.c
				if p.months[f.subMonth] {
					submitted++
					if c.disposed != nil {
						disposed++
						if !c.disposed.Before(*c.submitted) && rc.wd(*c.submitted, *c.disposed) <= rc.cfg.SLA.VerificationWorkingDays {
							vot++
						}
					}
					if c.status == "Diarsipkan" {
						archived++
					}
				}
				if !c.submitted.After(p.stockAt) && (c.disposed == nil || c.disposed.After(p.stockAt)) &&
					(f.archivedAt == nil || f.archivedAt.After(p.stockAt)) {
					undisposed++
				}
			}
			w["submitted"], w["verified_on_time"], w["disposed"], w["archived"], w["undisposed_end"] = submitted, vot, disposed, archived, undisposed
			w["verified_on_time_rate"] = ratio(vot, submitted)
			w["agencies"], w["agencies_ranked"] = len(agencyRows), rank
			rows = append(rows, refRow{reg, p.typ, p.label, "", p.endM, w})
		}
	}
	// rank_change: previous period of the same type.
	prev := map[string]any{}
	for _, r := range rows {
		if r.agency != "" {
			prev[fmt.Sprint(r.regency, r.typ, r.agency, r.endM.Format("2006-01"))] = r.w["rank"]
		}
	}
	for _, r := range rows {
		if r.agency == "" {
			continue
		}
		back := map[string]int{"quarter": 3, "year": 12}[r.typ]
		if back == 0 {
			back = 1
		}
		r.w["rank_change"] = nil
		if p, ok := prev[fmt.Sprint(r.regency, r.typ, r.agency, r.endM.AddDate(0, -back, 0).Format("2006-01"))]; ok && p != nil && r.w["rank"] != nil {
			r.w["rank_change"] = p.(int) - r.w["rank"].(int)
		}
	}
	return rows
}

func TestReferenceComputation(t *testing.T) {
	cfg := config.Default()
	cfg.MinSample = 4
	cfg.SLA.CompletionDays = 30
	cfg.Agencies = []config.Agency{{Name: "Dinas PUPR", Aliases: []string{"Dinas Pekerjaan Umum dan Penataan Ruang", "DPUPR"}}}
	cutoff := time.Date(2025, 7, 10, 12, 0, 0, 0, wib)
	cs := genComplaints(7, 2500, cutoff)
	dir := t.TempDir()
	files := writeExports(t, dir, cs)

	db := openDB(t, cfg)
	layouts, err := ingest.LoadLayouts()
	if err != nil {
		t.Fatal(err)
	}
	for reg, paths := range files {
		for _, p := range paths {
			res, err := ingest.File(context.Background(), db, p, ingest.Options{Regency: reg, SourceLoc: cfg.SourceLocation(),
				Layouts: layouts, Pseudonymizer: ingest.NewPseudonymizer([]byte("k")), Version: "test"})
			if err != nil || res.Rejected > 0 {
				t.Fatalf("ingest %s: %v (%d rejected)", p, err, res.Rejected)
			}
		}
	}
	res := build(t, db, cfg, keepFacts())

	rc := &refCtx{cfg: cfg, cal: calendar.New(calendar.Builtin())}
	for _, c := range cs {
		for _, p := range []*time.Time{c.submitted, c.disposed, c.response, c.closed, c.lastActivity} {
			if p != nil && p.After(rc.asOf) {
				rc.asOf = *p
			}
		}
	}
	rc.asOfDate = civil(rc.asOf)
	if !res.AsOf.Equal(rc.asOf) {
		t.Fatalf("as_of %s, reference %s", res.AsOf, rc.asOf)
	}
	ref := rc.compute(cs)

	got := map[string]map[string]any{}
	for _, q := range []struct{ table, key string }{
		{"agency_month", `regency || '|month|' || strftime(month, '%Y-%m') || '|' || agency`},
		{"agency_period", `regency || '|' || period_type || '|' || period || '|' || agency`},
		{"regency_month", `regency || '|month|' || strftime(month, '%Y-%m') || '|'`},
		{"regency_period", `regency || '|' || period_type || '|' || period || '|'`},
	} {
		for _, r := range queryMaps(t, db.DB, `SELECT `+q.key+` AS k, * FROM `+q.table) {
			got[r["k"].(string)] = r
		}
	}
	if len(got) != len(ref) {
		t.Errorf("tables hold %d rows, the reference %d", len(got), len(ref))
	}
	mismatches := 0
	for _, r := range ref {
		k := r.regency + "|" + r.typ + "|" + r.period + "|" + r.agency
		g, ok := got[k]
		if !ok {
			t.Errorf("missing row %s", k)
			mismatches++
			continue
		}
		for col, exp := range r.w {
			gv, ok := g[col]
			if !ok {
				t.Errorf("%s: no column %s", k, col)
				continue
			}
			if !sameValue(gv, exp) && !(col == "score" && closeFloat(gv, exp, 1e-6)) {
				mismatches++
				if mismatches < 30 {
					t.Errorf("%s: %s = %v, reference %v", k, col, gv, exp)
				}
			}
		}
	}
	if mismatches > 0 {
		t.Errorf("%d mismatching cells", mismatches)
	}
	// The random data must exercise what it is meant to.
	var ranked, nullResp, overdue, unanswered, invalid int
	db.QueryRow(`SELECT count(rank), count(*) FILTER (WHERE response_base = 0), sum(overdue_end), sum(unanswered_overdue_end) FROM agency_month`).Scan(&ranked, &nullResp, &overdue, &unanswered)
	db.QueryRow(`SELECT count(*) FROM test_facts WHERE verify_invalid OR response_invalid OR close_invalid`).Scan(&invalid)
	if ranked < 50 || overdue == 0 || unanswered == 0 || invalid == 0 {
		t.Errorf("weak random data: ranked %d, layout-B-only rows %d, overdue %d, unanswered %d, invalid pairs %d", ranked, nullResp, overdue, unanswered, invalid)
	}
	t.Logf("%d rows compared; ranked agency-months %d, overdue %d, invalid pairs %d", len(ref), ranked, overdue, invalid)
}

func closeFloat(a, b any, tol float64) bool {
	x, ok1 := a.(float64)
	y, ok2 := b.(float64)
	return ok1 && ok2 && math.Abs(x-y) <= tol
}
