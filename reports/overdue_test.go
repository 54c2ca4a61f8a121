package reports

import (
	"context"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/hsu-lapor/rapor/ingest"
	"github.com/hsu-lapor/rapor/store"
	"github.com/hsu-lapor/rapor/transform"
)

// roundRobin is the page's share of a list too long for it, computed from the whole list: round
// by round the next oldest item of every agency that has one left, in list order, until n are
// taken; the items kept in list order.
func roundRobin(items []OverdueItem, n int) []OverdueItem {
	var order []string
	byAgency := map[string][]OverdueItem{}
	for _, it := range items {
		if len(byAgency[it.Agency]) == 0 {
			order = append(order, it.Agency)
		}
		byAgency[it.Agency] = append(byAgency[it.Agency], it)
	}
	keep := map[string]bool{}
	for round := 0; len(keep) < n; round++ {
		more := false
		for _, a := range order {
			if len(keep) < n && round < len(byAgency[a]) {
				keep[byAgency[a][round].TrackingID] = true
				more = true
			}
		}
		if !more {
			break
		}
	}
	var out []OverdueItem
	for _, it := range items {
		if keep[it.TrackingID] {
			out = append(out, it)
		}
	}
	return out
}

// The regency's page shows what SQL picked of the list (overdue_sample.sql): the whole list when
// it fits, else each agency's oldest in a share of the room that leaves no agency out; the counts
// per agency are the whole list's, in its order (overdue_agencies.sql). At both levels, for the
// month of as_of and a past month.
func TestOverduePageShare(t *testing.T) {
	ctx := context.Background()
	cases := []struct {
		name, month, level string // month "": as_of's
		db                 func(testing.TB) *store.DB
	}{
		{"agency now", "", LevelAgency, func(t testing.TB) *store.DB { return parentDB(t) }},
		{"parent now", "", LevelParent, func(t testing.TB) *store.DB { return parentDB(t) }},
		{"parent past", "2025-06", LevelParent, func(t testing.TB) *store.DB { return parentDB(t) }},
		{"agency past", "2025-06", LevelAgency, func(t testing.TB) *store.DB { return parentDB(t) }},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			db := c.db(t)
			month := c.month
			if month == "" {
				s, err := LoadScorecard(ctx, db, Options{Month: lvMonth, Now: testNow})
				if err != nil {
					t.Fatal(err)
				}
				month = s.Build.AsOfMonth.Format("2006-01")
			}
			if s, err := LoadScorecard(ctx, db, Options{Month: month, Now: testNow}); err != nil {
				t.Fatal(err)
			} else if (c.month != "") != (s.OverdueAt == "history") {
				t.Fatalf("%s: the list is %q", month, s.OverdueAt)
			}
			all, err := LoadScorecard(ctx, db, Options{Month: month, Now: testNow, Level: c.level})
			if err != nil {
				t.Fatal(err)
			}
			list := allOverdue(t, all)
			agencies := map[string]int{}
			for _, it := range list {
				agencies[it.Agency]++
			}
			if len(list) < 10 || len(agencies) < 3 {
				t.Fatalf("%d items of %d agencies: too few to share a page's room", len(list), len(agencies))
			}
			// The sums, in the list's order.
			if len(all.Overdue.Agencies) != len(agencies) {
				t.Errorf("%d agencies summed, %d in the list", len(all.Overdue.Agencies), len(agencies))
			}
			i := 0
			for _, a := range all.Overdue.Agencies {
				if a.N != agencies[a.Agency] || i >= len(list) || list[i].Agency != a.Agency {
					t.Errorf("%s: %d summed, %d listed; the list's next agency is not it", a.Agency, a.N, agencies[a.Agency])
					break
				}
				oldest := int64(0)
				for _, it := range list[i : i+a.N] {
					oldest = max(oldest, it.AgeDays)
				}
				if oldest != a.OldestDays {
					t.Errorf("%s: oldest %d days summed, %d listed", a.Agency, a.OldestDays, oldest)
				}
				i += a.N
			}
			// Room for all: the page shows the whole list.
			if d := diffItems(all.Overdue.Shown, list); d != "" {
				t.Errorf("room for all: %s", d)
			}
			// Less room than items, and less than agencies too: the share of every agency.
			for _, room := range []int{len(list) - 1, len(list) / 2, len(agencies) + 1, 2} {
				s, err := LoadScorecard(ctx, db, Options{Month: month, Now: testNow, Level: c.level, MaxHTMLOverdue: room})
				if err != nil {
					t.Fatal(err)
				}
				if d := diffItems(s.Overdue.Shown, roundRobin(list, room)); d != "" {
					t.Errorf("room %d: %s", room, d)
				}
				var buf strings.Builder
				if err := s.WriteHTML(&buf); err != nil {
					t.Fatal(err)
				}
				if n := strings.Count(buf.String(), `data-tracking="`); n != room {
					t.Errorf("room %d: %d rows on the page", room, n)
				}
			}
		})
	}
}

// diffItems says how the page's items differ from the ones wanted ("" when they do not).
func diffItems(got, want []OverdueItem) string {
	for i := range min(len(got), len(want)) {
		g, w := got[i], want[i]
		if !optEq(g.OverC, w.OverC) || !optEq(g.OverR, w.OverR) {
			return fmt.Sprintf("item %d: %s past C %v past R %v, want %s %v %v", i, g.TrackingID, g.OverC, g.OverR, w.TrackingID, w.OverC, w.OverR)
		}
		// Two scorecards' time zones are two *time.Location: the instants are compared.
		same := g.DisposedAt.Equal(w.DisposedAt)
		g.OverC, g.OverR, w.OverC, w.OverR, g.DisposedAt, w.DisposedAt = nil, nil, nil, nil, time.Time{}, time.Time{}
		if !same || g != w {
			return fmt.Sprintf("item %d: %+v, want %+v", i, g, w)
		}
	}
	if len(got) != len(want) {
		return fmt.Sprintf("%d items, want %d", len(got), len(want))
	}
	return ""
}

func optEq(a, b *int64) bool { return (a == nil) == (b == nil) && (a == nil || *a == *b) }

// A list longer than a sheet streams from the database over numbered sheets: every item on
// exactly one of them, in the list's order.
func TestOverdueStreamsOverSheets(t *testing.T) {
	s := loadLevel(t, LevelParent)
	list := allOverdue(t, s)
	per := len(list)/3 + 1
	defer func(n int) { overdueSheetRows = n }(overdueSheetRows)
	overdueSheetRows = per
	path := filepath.Join(t.TempDir(), "split.xlsx")
	if err := writeFile(path, s.WriteXLSX); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var got []string
	for part := 1; part <= 3; part++ {
		rows, err := f.GetRows(fmt.Sprintf("Tunggakan %d", part))
		if err != nil {
			t.Fatal(err)
		}
		if want := min(per, len(list)-(part-1)*per); len(rows)-1 != want {
			t.Errorf("sheet %d: %d rows, want %d", part, len(rows)-1, want)
		}
		for _, r := range rows[1:] {
			got = append(got, r[0]+":"+r[1])
		}
	}
	var want []string
	for _, it := range list {
		want = append(want, it.Agency+":"+it.TrackingID)
	}
	if len(got) != len(want) {
		t.Fatalf("the sheets hold %d items, the list %d", len(got), len(want))
	}
	for i := range got {
		if got[i] != want[i] {
			t.Fatalf("item %d on the sheets is %s, in the list %s", i, got[i], want[i])
		}
	}
}

// The workbook reads the list while it is written, after the scorecard was read: if the database
// was rebuilt in between, the list is another build's, and the workbook is refused.
func TestOverdueListOfAnotherBuild(t *testing.T) {
	ctx := context.Background()
	cfg := fixtureConfig(t)
	db, err := store.Open(ctx, filepath.Join(t.TempDir(), "rebuilt.duckdb"), store.Options{TimeZone: cfg.Timezone})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	layouts, err := ingest.LoadLayouts(cfg.Mappings...)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := ingest.File(ctx, db, "testdata/fixture.csv", ingest.Options{Regency: fixtureRegency, SourceLoc: cfg.SourceLocation(),
		Layouts: layouts, Pseudonymizer: ingest.NewPseudonymizer([]byte("test key, not secret")), Version: "test"}); err != nil {
		t.Fatal(err)
	}
	if _, err := transform.Build(ctx, db, cfg, transform.WithVersion("test")); err != nil {
		t.Fatal(err)
	}
	s, err := LoadScorecard(ctx, db, Options{Month: "2025-05", Now: testNow})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.WriteXLSX(io.Discard); err != nil {
		t.Fatalf("the same build: %v", err)
	}
	if _, err := transform.Build(ctx, db, cfg, transform.WithVersion("test")); err != nil {
		t.Fatal(err)
	}
	if err := s.WriteXLSX(io.Discard); err == nil || !strings.Contains(err.Error(), "dibangun ulang") {
		t.Errorf("a workbook written after a rebuild: %v", err)
	}
	if _, err := s.Agency(s.Overdue.Agencies[0].Agency); err == nil {
		t.Errorf("an agency's list read after a rebuild")
	}
}
