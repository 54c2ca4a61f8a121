package reports

import (
	"context"
	"fmt"
	"strings"
	"testing"
)

// The comparison never marks a change between a maturing and a mature period: whatever zones and
// scores the maturing periods hold, the movement and the score change are the same; and a
// maturing cell carries no zone colour.
func TestCompareNeverComparesMaturing(t *testing.T) {
	db, _ := fixtureDB(t)
	for _, period := range []string{"month", "quarter"} {
		c, err := LoadComparison(context.Background(), db, CompareOptions{From: "2025-02", To: "2025-05", Period: period, Now: testNow})
		if err != nil {
			t.Fatal(err)
		}
		maturing := 0
		for i := range c.Periods {
			if !c.mature(i) {
				maturing++
			}
		}
		if maturing == 0 {
			t.Fatalf("%s: the fixture has no maturing period to test with", period)
		}
		for _, reg := range c.Regencies {
			for _, a := range reg.Agencies {
				move, cls := c.moveText(a.zones())
				delta := fmt.Sprint(a.scoreDelta(c))
				if d := a.scoreDelta(c); d != nil {
					delta = fmt.Sprint(*d)
				}
				// Rewrite every maturing cell to each zone and score in turn: nothing may change.
				for _, z := range []string{"hijau", "merah"} {
					b := cmpAgency{Name: a.Name, Cells: make([]*AgencyRow, len(a.Cells))}
					for i, x := range a.Cells {
						if x == nil {
							continue
						}
						y := *x
						if !c.mature(i) {
							zone, score := z, map[string]float64{"hijau": 100, "merah": 0}[z]
							y.Zone, y.Score = &zone, &score
						}
						b.Cells[i] = &y
					}
					m2, c2 := c.moveText(b.zones())
					d2 := fmt.Sprint(b.scoreDelta(c))
					if d := b.scoreDelta(c); d != nil {
						d2 = fmt.Sprint(*d)
					}
					if m2 != move || c2 != cls || d2 != delta {
						t.Errorf("%s %s: maturing periods set to %s change the movement %q %s → %q %s, change %s → %s", period, a.Name, z, move, cls, m2, c2, delta, d2)
					}
				}
				row := c.agencyRow(a)
				for i, cell := range row.Cells {
					if !cell.Empty && !c.mature(i) && (cell.Zone != "" || !cell.Maturing) {
						t.Errorf("%s %s: maturing cell %d coloured %q", period, a.Name, i, cell.Zone)
					}
				}
			}
		}
	}
}

// A report for a past month is the state at that month's end: its tiles, highlights and rankings
// count the overdue complaints of the month's end (the agency tables), and its list is rebuilt
// from the history, not today's.
func TestPastMonthIsThatMonthsEnd(t *testing.T) {
	db, _ := fixtureDB(t)
	ctx := context.Background()
	s, err := LoadScorecard(ctx, db, Options{Month: "2025-03", Now: testNow})
	if err != nil {
		t.Fatal(err)
	}
	l := s.L
	var perAgency int64
	for _, a := range s.League12 {
		perAgency = max(perAgency, a.OverdueEnd)
	}
	found := false
	for _, h := range s.Highlights() {
		if s.Current.OverdueEnd == 0 {
			found = found || h == l.tf("hl_none_overdue", l.dateShort(s.Current.StockAt))
		} else {
			found = found || contains(h, l.int(perAgency)) && contains(h, l.int(s.Current.OverdueEnd))
		}
	}
	if !found {
		t.Errorf("no highlight states the overdue at the month's end (%d): %q", s.Current.OverdueEnd, s.Highlights())
	}
	if h := s.league12Heading(); !contains(h, l.monthShort(s.First)) {
		t.Errorf("the 12-month heading %q does not start at the data's first month %s", h, l.monthShort(s.First))
	}
	if s.OverdueAt != "history" {
		t.Fatal("the list of a past month is not rebuilt from complaint_facts")
	}
	// The history changes after the month: some complaint of the month's list is no longer on
	// today's (resolved since), or today's list differs from it; the month's list is not today's.
	now, err := LoadScorecard(ctx, db, Options{Month: s.Build.AsOfMonth.Format("2006-01"), Now: testNow})
	if err != nil {
		t.Fatal(err)
	}
	today := map[string]bool{}
	for _, it := range allOverdue(t, now) {
		today[it.TrackingID] = true
	}
	list := allOverdue(t, s)
	gone := 0
	for _, it := range list {
		if !today[it.TrackingID] {
			gone++
		}
	}
	if gone == 0 && len(list) == now.Overdue.N {
		t.Errorf("the fixture's later months change nothing of %s's list: the test proves nothing", s.MonthLabel())
	}
	// With the history, the list counts what the agency tables count at the month's end.
	var overC int64
	for _, it := range list {
		if it.OverC != nil {
			overC++
		}
	}
	if overC != s.Current.OverdueEnd {
		t.Errorf("the list holds %d past C at the end of %s, regency_month %d", overC, s.MonthLabel(), s.Current.OverdueEnd)
	}
}

func contains(s, sub string) bool { return sub != "" && strings.Contains(s, sub) }
