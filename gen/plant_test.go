package gen

import (
	"testing"
	"time"
)

func TestPlant(t *testing.T) {
	asOf := DefaultAsOf
	from := asOf.AddDate(0, -24, 0)
	pop := Population(7, 20000, from, asOf)
	before := make([]Complaint, len(pop))
	copy(before, pop)
	plan := Plan{
		Slides:  []Slide{{Agency: "Dinas Kesehatan", From: time.Date(2025, 4, 1, 0, 0, 0, 0, WITA), Shares: []float64{0.3, 0.6, 0.9}}},
		Spikes:  []Spike{{Agency: "Dinas Perhubungan", Month: time.Date(2025, 7, 1, 0, 0, 0, 0, WITA), Factor: 3}},
		Repeats: 25,
	}
	out, done, err := Plant(pop, plan, asOf)
	if err != nil {
		t.Fatal(err)
	}
	for i := range pop {
		if pop[i].Tracking != before[i].Tracking || !pop[i].FirstResponse.Equal(before[i].FirstResponse) {
			t.Fatalf("Plant changed its input at %d", i)
		}
	}
	if done.Unanswered["Dinas Kesehatan"] == 0 || done.Copies["Dinas Perhubungan"] == 0 || len(done.Repeats) != 25 {
		t.Fatalf("planted %+v", done)
	}
	if len(out) != len(pop)+done.Copies["Dinas Perhubungan"]+25 {
		t.Errorf("%d complaints, want %d", len(out), len(pop)+done.Copies["Dinas Perhubungan"]+25)
	}
	seen := map[string]Complaint{}
	for i, c := range out {
		if _, dup := seen[c.Tracking]; dup {
			t.Fatalf("tracking id %s twice", c.Tracking)
		}
		seen[c.Tracking] = c
		if i > 0 && c.Submitted.Before(out[i-1].Submitted) {
			t.Fatalf("not sorted by submission at %d", i)
		}
	}
	// Unanswered share grows month by month in the slide.
	var n, un [3]int
	for _, c := range out {
		if c.AgencyCanonical != "Dinas Kesehatan" || c.Disposed.IsZero() {
			continue
		}
		d := c.Disposed.In(WITA)
		if k := int(d.Month()) - 4; d.Year() == 2025 && k >= 0 && k < 3 {
			n[k]++
			if c.FirstResponse.IsZero() {
				un[k]++
			}
		}
	}
	for k := 1; k < 3; k++ {
		if n[k] == 0 || float64(un[k])/float64(n[k]) <= float64(un[k-1])/float64(n[k-1]) {
			t.Errorf("unanswered %v of %v: the share must grow", un, n)
		}
	}
	for _, r := range done.Repeats {
		c, o := seen[r.Tracking], seen[r.Of]
		gap := c.Submitted.Sub(o.Closed)
		if c.ReporterName != o.ReporterName || c.Title != o.Title || c.Area != o.Area || c.AgencyCanonical != o.AgencyCanonical ||
			gap <= 0 || gap > 61*24*time.Hour || c.Submitted.After(asOf) || !c.Closed.IsZero() {
			t.Errorf("repeat %s of %s: %+v", r.Tracking, r.Of, c)
		}
	}
	if _, _, err := Plant(pop, Plan{Spikes: []Spike{{Agency: "Dinas Rahasia", Factor: 2}}}, asOf); err == nil {
		t.Error("an unknown agency must be an error")
	}
}
