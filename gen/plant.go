package gen

import (
	"fmt"
	"sort"
	"strings"
	"time"
)

// Plan names signals to plant in a generated population, for tests of rapor's early warnings
// and repeat complaints: a history with them must raise each, and the same history without them
// nothing. The default output of the package never goes through Plant.
type Plan struct {
	// Slides make an SKPD stop answering: of its complaints disposed in consecutive months from
	// Slide.From, the share Shares[k] of month k are never followed up nor closed.
	Slides []Slide
	// Spikes multiply an SKPD's complaints disposed in one month (copies with new tracking ids).
	Spikes []Spike
	// Repeats is how many closed complaints get a repeat: a new complaint by the same reporter to
	// the same SKPD, same kecamatan, category and title, submitted 1-60 days after the closure
	// and still waiting for a follow-up.
	Repeats int
}

// Slide is one SKPD's falling response.
type Slide struct {
	Agency string    // canonical name (Agencies())
	From   time.Time // first month of the slide (any instant in it, WITA)
	Shares []float64 // per month, the share of its disposed complaints left unanswered
}

// Spike is one SKPD's month of unusual volume.
type Spike struct {
	Agency string
	Month  time.Time // any instant in the month (WITA)
	Factor int       // complaints of the month = Factor times the original ones (2 or more)
}

// Planted says what Plant did, for the tests to look for.
type Planted struct {
	Unanswered map[string]int // per slide agency, complaints made unanswered
	Copies     map[string]int // per spike agency, complaints added
	Repeats    []PlantedRepeat
}

// PlantedRepeat is one planted repeat: Tracking repeats Of, closed Closed.
type PlantedRepeat struct {
	Tracking, Of string
	Closed       time.Time
}

// Plant returns pop with plan's signals planted (pop itself is not changed), for exports cut at
// asOf. Added complaints get tracking ids of 9 digits (8... repeats, 9... spike copies), outside
// the range of the generated ones. The result is sorted by submission, as Population's is.
func Plant(pop []Complaint, plan Plan, asOf time.Time) ([]Complaint, Planted, error) {
	out := make([]Complaint, len(pop))
	copy(out, pop)
	done := Planted{Unanswered: map[string]int{}, Copies: map[string]int{}}
	monthOf := func(t time.Time) time.Time {
		l := t.In(WITA)
		return time.Date(l.Year(), l.Month(), 1, 0, 0, 0, 0, WITA)
	}
	known := map[string]bool{}
	for _, a := range Agencies() {
		known[a] = true
	}
	for _, s := range plan.Slides {
		if !known[s.Agency] {
			return nil, done, fmt.Errorf("gen: plant: unknown agency %q", s.Agency)
		}
		first := monthOf(s.From)
		for i := range out {
			c := &out[i]
			if c.AgencyCanonical != s.Agency || c.Disposed.IsZero() || c.FirstResponse.IsZero() {
				continue
			}
			d := monthOf(c.Disposed)
			k := (d.Year()-first.Year())*12 + int(d.Month()-first.Month())
			if k < 0 || k >= len(s.Shares) || unit(c.Tracking, 1) >= s.Shares[k] {
				continue
			}
			c.FirstResponse, c.Postponed, c.Closed, c.Rated, c.Rating = time.Time{}, time.Time{}, time.Time{}, time.Time{}, 0
			c.Archived, c.NotAuthority = time.Time{}, false
			var act []time.Time
			for _, t := range c.Activity {
				if !t.After(c.Disposed) {
					act = append(act, t)
				}
			}
			c.Activity = act
			done.Unanswered[s.Agency]++
		}
	}
	serial := 0
	for _, s := range plan.Spikes {
		if !known[s.Agency] || s.Factor < 2 {
			return nil, done, fmt.Errorf("gen: plant: spike of %q needs a known agency and a factor of 2 or more", s.Agency)
		}
		m := monthOf(s.Month)
		n := len(out)
		for i := 0; i < n; i++ {
			c := out[i]
			if c.AgencyCanonical != s.Agency || c.Disposed.IsZero() || !monthOf(c.Disposed).Equal(m) {
				continue
			}
			for k := 1; k < s.Factor; k++ {
				serial++
				cp := c
				cp.Activity = append([]time.Time(nil), c.Activity...)
				cp.Tracking = fmt.Sprintf("9%08d", serial)
				out = append(out, cp)
				done.Copies[s.Agency]++
			}
		}
	}
	if plan.Repeats > 0 {
		// Originals: closed at least 61 days before as_of (the repeat is submitted by then),
		// spread evenly over the population, one per reporter at most.
		var cands []int
		for i := range pop { // the originals after the slides, spike copies left out
			c := &out[i]
			if !c.Closed.IsZero() && c.Archived.IsZero() && c.Closed.Before(asOf.AddDate(0, 0, -61)) && !c.Disposed.IsZero() {
				cands = append(cands, i)
			}
		}
		if len(cands) < plan.Repeats {
			return nil, done, fmt.Errorf("gen: plant: %d repeats asked, %d closed complaints to repeat", plan.Repeats, len(cands))
		}
		for k := 0; k < plan.Repeats; k++ {
			orig := out[cands[(2*k+1)*len(cands)/(2*plan.Repeats)]]
			days := 1 + int(unit(orig.Tracking, 2)*60)
			l := orig.Closed.In(WITA)
			sub := time.Date(l.Year(), l.Month(), l.Day()+days, 10, 0, 0, 0, WITA)
			r := orig
			r.Tracking = fmt.Sprintf("8%08d", k+1)
			r.Submitted, r.Verified, r.Disposed = sub, sub.Add(2*time.Hour), sub.Add(3*time.Hour)
			r.FirstResponse, r.Postponed, r.Closed, r.Archived, r.Rated, r.Rating = time.Time{}, time.Time{}, time.Time{}, time.Time{}, time.Time{}, 0
			r.NotAuthority, r.Activity = false, nil
			r.Body = "Masalah yang sama muncul lagi. " + orig.Body
			out = append(out, r)
			done.Repeats = append(done.Repeats, PlantedRepeat{Tracking: r.Tracking, Of: orig.Tracking, Closed: orig.Closed})
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Submitted.Before(out[j].Submitted) })
	return out, done, nil
}

// FlatPopulation is Population in a world without seasons (volume by month of the year) and
// without agencies that get better or worse over the window: a history in which rapor's early
// warnings must stay silent until Plant puts signals in it.
func FlatPopulation(seed int64, n int, from, to time.Time) []Complaint {
	if n <= 0 {
		return nil
	}
	g := newGeneratorFlat(seed, n, from.Unix(), to.Unix(), true)
	out := make([]Complaint, n)
	var l life
	for i := range n {
		g.make(i, &l)
		out[i] = l.complaint()
	}
	return out
}

// unit is a number in [0, 1) fixed by a tracking id and a salt: which complaints a plan touches
// depends on nothing else.
func unit(tracking string, salt uint64) float64 {
	h := uint64(1469598103934665603)
	for i := 0; i < len(tracking); i++ {
		h = (h ^ uint64(tracking[i])) * 1099511628211
	}
	return float64(splitmix(h^salt)>>11) / (1 << 53)
}

// WriteHistory writes one layout-A export (CSV) of pop cut at asOf: a whole history in one file.
func WriteHistory(path string, pop []Complaint, asOf time.Time) error {
	if !strings.HasSuffix(strings.ToLower(path), ".csv") {
		return fmt.Errorf("gen: WriteHistory writes CSV, not %s", path)
	}
	return writeCSVFile(path, Cut(pop, asOf, 0))
}
