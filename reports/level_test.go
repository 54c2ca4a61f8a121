package reports

import (
	"context"
	"html/template"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/hsu-lapor/rapor/config"
	"github.com/hsu-lapor/rapor/store"
)

func htmlEscape(s string) string { return template.HTMLEscapeString(s) }

// The parent level's fixture: the generated regency (as genDB) with a master list that puts two
// units under Dinas Kesehatan: RSUD Pambalah Batung and "UPT Puskesmas Amuntai" (the export's
// Dinas Sosial, renamed by an alias, so that the UPT has a year of complaints of its own).
const (
	lvDinas = "Dinas Kesehatan"
	lvRSUD  = "RSUD Pambalah Batung"
	lvUPT   = "UPT Puskesmas Amuntai"
	lvMonth = "2025-10"
)

func parentDB(t testing.TB) *store.DB {
	t.Helper()
	cfg := config.Default()
	cfg.Agencies = []config.Agency{
		{Name: lvRSUD, Parent: lvDinas},
		{Name: lvUPT, Aliases: []string{"Dinas Sosial"}, Parent: lvDinas},
	}
	return builtDB(t, "parent", cfg, exportFile{genFile(t), cfg.Regency})
}

func loadLevel(t *testing.T, level string) *Scorecard {
	t.Helper()
	s, err := LoadScorecard(context.Background(), parentDB(t), Options{Month: lvMonth, Lang: "id", Now: testNow, Level: level})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func rowOf(rows []AgencyRow, name string) *AgencyRow {
	for i := range rows {
		if rows[i].Agency == name {
			return &rows[i]
		}
	}
	return nil
}

// TestParentLevel: at the parent level the Dinas's row sums its units' complaints and its rates
// are recomputed from those sums (not the mean of the units' rates); the per-complaint lists put
// the units' complaints under the Dinas, their counts summed; the regency's figures are the same.
func TestParentLevel(t *testing.T) {
	ag, pa := loadLevel(t, ""), loadLevel(t, LevelParent)
	units := []string{lvDinas, lvRSUD, lvUPT}

	for _, set := range []struct {
		name       string
		ag, pa     []AgencyRow
		minSummed  int64
		checkMoves bool
	}{
		{"12 months", ag.League12, pa.League12, 100, true},
		{"the month", ag.League1, pa.League1, 10, false},
	} {
		p := rowOf(set.pa, lvDinas)
		if p == nil {
			t.Fatalf("%s: no row for %s at the parent level", set.name, lvDinas)
		}
		var received, base, onTime, closed int64
		var rates []float64
		for _, u := range units {
			a := rowOf(set.ag, u)
			if a == nil {
				t.Fatalf("%s: no agency row for %s", set.name, u)
			}
			received += a.Received
			base += a.ResponseBase
			closed += a.Closed
			if a.RespondedOnTime != nil {
				onTime += *a.RespondedOnTime
			}
			if a.OnTimeResponseRate != nil {
				rates = append(rates, *a.OnTimeResponseRate)
			}
			if rowOf(set.pa, u) != nil && u != lvDinas {
				t.Errorf("%s: %s has a row of its own at the parent level", set.name, u)
			}
		}
		if p.Children != 3 || p.Received != received || p.Closed != closed || received < set.minSummed {
			t.Errorf("%s: %s children %d received %d closed %d; want 3 units, the sums %d and %d", set.name, lvDinas, p.Children, p.Received, p.Closed, received, closed)
		}
		if p.OnTimeResponseRate == nil || math.Abs(*p.OnTimeResponseRate-float64(onTime)/float64(base)) > 1e-12 {
			t.Errorf("%s: on-time response rate %v, want %d/%d", set.name, p.OnTimeResponseRate, onTime, base)
		}
		mean := 0.0
		for _, r := range rates {
			mean += r / float64(len(rates))
		}
		if len(rates) != 3 || math.Abs(mean-float64(onTime)/float64(base)) < 1e-4 {
			t.Fatalf("%s: the mean of the units' rates (%v) cannot be told from the rate of the sums: the fixture proves nothing", set.name, rates)
		}
		// Units that are their own parent read the same at both levels.
		for _, a := range set.ag {
			if a.Agency == lvDinas || a.Agency == lvRSUD || a.Agency == lvUPT {
				continue
			}
			p := rowOf(set.pa, a.Agency)
			if p == nil || p.Received != a.Received || p.Children != 1 || !sameFloat(p.Score, a.Score) {
				t.Errorf("%s: %s at the parent level %+v, want its agency row", set.name, a.Agency, p)
			}
		}
		if len(set.pa) != len(set.ag)-2 {
			t.Errorf("%s: %d parents, want %d agencies less the 2 units", set.name, len(set.pa), len(set.ag))
		}
	}
	if ag.Current.Received != pa.Current.Received || !sameFloat(ag.Current.Score, pa.Current.Score) || ag.Current.OverdueEnd != pa.Current.OverdueEnd {
		t.Error("the regency's figures differ between the levels")
	}

	// The accountability list: the units' complaints under the Dinas, each naming its unit.
	agList, paList := allOverdue(t, ag), allOverdue(t, pa)
	want := map[string]string{} // tracking id -> unit
	for _, it := range agList {
		switch it.Agency {
		case lvRSUD, lvUPT:
			want[it.TrackingID] = it.Agency
		case lvDinas:
			want[it.TrackingID] = ""
		}
	}
	fromUnits := 0
	for _, u := range want {
		if u != "" {
			fromUnits++
		}
	}
	if fromUnits == 0 {
		t.Fatal("no overdue complaint of the units in the fixture")
	}
	got := 0
	for _, it := range paList {
		if it.Agency == lvRSUD || it.Agency == lvUPT {
			t.Errorf("%s is listed under its unit %s", it.TrackingID, it.Agency)
		}
		if u, ok := want[it.TrackingID]; ok {
			got++
			if it.Agency != lvDinas || it.Unit != u {
				t.Errorf("%s: under %q unit %q, want under %s unit %q", it.TrackingID, it.Agency, it.Unit, lvDinas, u)
			}
		}
	}
	if got != len(want) || len(paList) != len(agList) {
		t.Errorf("%d of the Dinas's %d complaints listed; %d items in all, want %d", got, len(want), len(paList), len(agList))
	}
	// Each parent's items together, oldest first.
	seen := map[string]bool{}
	for i, it := range paList {
		if i > 0 && it.Agency != paList[i-1].Agency && seen[it.Agency] {
			t.Fatalf("%s's items are split in the list", it.Agency)
		}
		seen[it.Agency] = true
		if i > 0 && it.Agency == paList[i-1].Agency && it.AgeDays > paList[i-1].AgeDays {
			t.Fatalf("%s: %s is older than the item before it", it.Agency, it.TrackingID)
		}
	}

	// The backlog by age and the status mix: the units' counts summed into the Dinas.
	var sum BacklogRow
	for _, r := range ag.Backlog {
		if r.Agency == lvDinas || r.Agency == lvRSUD || r.Agency == lvUPT {
			for k := range r.Buckets {
				sum.Buckets[k] += r.Buckets[k]
			}
			sum.Total += r.Total
		}
	}
	var dinas *BacklogRow
	for i := range pa.Backlog {
		if pa.Backlog[i].Agency == lvDinas {
			dinas = &pa.Backlog[i]
		}
	}
	if dinas == nil || dinas.Buckets != sum.Buckets || dinas.Total != sum.Total || sum.Total == 0 {
		t.Errorf("backlog of %s %+v, want the sum %+v", lvDinas, dinas, sum)
	}
	var mixAg, mixPa int64
	for _, c := range ag.Status {
		if c.Agency == lvDinas || c.Agency == lvRSUD || c.Agency == lvUPT {
			mixAg += c.N
		}
	}
	for _, c := range pa.Status {
		if c.Agency == lvDinas {
			mixPa += c.N
		}
	}
	if mixAg == 0 || mixAg != mixPa {
		t.Errorf("status mix of %s: %d complaints, want the units' %d", lvDinas, mixPa, mixAg)
	}
	// The repeat complaints: the units' under the Dinas, each naming its unit.
	repeatUnit := map[string]string{}
	for _, r := range ag.Repeats {
		if r.Agency == lvRSUD || r.Agency == lvUPT {
			repeatUnit[r.TrackingID] = r.Agency
		}
	}
	n := 0
	for _, r := range pa.Repeats {
		if u, ok := repeatUnit[r.TrackingID]; ok {
			n++
			if r.Agency != lvDinas || r.Unit != u {
				t.Errorf("repeat %s under %q unit %q, want under %s unit %q", r.TrackingID, r.Agency, r.Unit, lvDinas, u)
			}
		}
	}
	if n != len(repeatUnit) || len(pa.Repeats) != len(ag.Repeats) {
		t.Errorf("%d of the units' %d repeats regrouped; %d in all, want %d", n, len(repeatUnit), len(pa.Repeats), len(ag.Repeats))
	}
	// A unit's name finds its parent's page.
	if a, err := pa.ResolveAgency("rsud pambalah  batung", nil); err != nil || a != lvDinas {
		t.Errorf("resolve the RSUD at the parent level: %q, %v", a, err)
	}
	if a, err := ag.ResolveAgency("rsud pambalah  batung", nil); err != nil || a != lvRSUD {
		t.Errorf("resolve the RSUD at the agency level: %q, %v", a, err)
	}
}

func sameFloat(a, b *float64) bool {
	if a == nil || b == nil {
		return a == b
	}
	return *a == *b
}

// TestParentLevelFiles: the parent level's files say their level, show each parent's units, and
// never take the agency level's names; the agency level's say nothing of levels.
func TestParentLevelFiles(t *testing.T) {
	ctx := context.Background()
	db := parentDB(t)
	dir := t.TempDir()
	for _, lang := range []string{"id", "en"} {
		o := Options{Month: lvMonth, OutDir: filepath.Join(dir, lang), Lang: lang, Now: testNow}
		agency, err := Monthly(ctx, db, o)
		if err != nil {
			t.Fatal(err)
		}
		o.Level = LevelParent
		parent, err := Monthly(ctx, db, o)
		if err != nil {
			t.Fatal(err)
		}
		if filepath.Base(parent.HTML) != "rapor-2025-10-induk.html" || filepath.Base(parent.XLSX) != "rapor-2025-10-induk.xlsx" ||
			filepath.Base(agency.HTML) != "rapor-2025-10.html" {
			t.Errorf("files %s %s %s", agency.HTML, parent.HTML, parent.XLSX)
		}
		line := newLang(lang).levelLine(LevelParent, true)
		units := newLang(lang).tf("level_children", 3)
		ph, ah := string(readFile(t, parent.HTML)), string(readFile(t, agency.HTML))
		if !strings.Contains(ph, `<div class="meta" id="level">`+htmlEscape(line)+`</div>`) {
			t.Errorf("%s: the parent page does not state its level", lang)
		}
		if !strings.Contains(ph, `data-agency="`+lvDinas+`"`) || strings.Contains(ph, `data-agency="`+lvRSUD+`"`) || !strings.Contains(ph, "· "+units+"</span>") {
			t.Errorf("%s: the parent page's league tables are not the parents'", lang)
		}
		if strings.Contains(ah, `id="level"`) || !strings.Contains(ah, `data-agency="`+lvRSUD+`"`) {
			t.Errorf("%s: the agency page mentions a level or lacks the RSUD", lang)
		}
		f, err := excelize.OpenFile(parent.XLSX)
		if err != nil {
			t.Fatal(err)
		}
		found := false
		rows, _ := f.GetRows(newLang(lang).t("sheet_summary"))
		for _, r := range rows {
			if len(r) > 0 && r[0] == line {
				found = true
			}
		}
		league, _ := f.GetRows(newLang(lang).t("sheet_league"))
		overdue, _ := f.GetRows(newLang(lang).t("sheet_overdue"))
		f.Close()
		if h := overdue[0]; h[len(h)-1] != newLang(lang).t("x_unit_child") {
			t.Errorf("%s: overdue sheet head %v lacks the unit column", lang, h)
		}
		byUnit := 0
		for _, r := range overdue[1:] {
			if len(r) == 10 && r[0] == lvDinas && (r[9] == lvRSUD || r[9] == lvUPT) {
				byUnit++
			}
		}
		if byUnit == 0 {
			t.Errorf("%s: no overdue row of the Dinas names its unit", lang)
		}
		if !found {
			t.Errorf("%s: the workbook does not state its level", lang)
		}
		if h := league[0]; h[len(h)-1] != newLang(lang).t("x_children") {
			t.Errorf("%s: league sheet head %v lacks the units column", lang, h)
		}
		for _, r := range league[1:] {
			if len(r) > 3 && r[3] == lvDinas && r[len(r)-1] != "3" {
				t.Errorf("%s: league row %v: want 3 units", lang, r)
			}
		}
	}

	// One unit's page at the parent level is its parent's, under a name of its own.
	paths, err := AgencyPages(ctx, db, AgencyOptions{Options: Options{Month: lvMonth, OutDir: dir, Lang: "id", Now: testNow, Level: LevelParent}, Agency: lvUPT})
	if err != nil {
		t.Fatal(err)
	}
	if len(paths) != 2 || filepath.Base(paths[0]) != "rapor-2025-10-induk-dinas-kesehatan.html" {
		t.Fatalf("pages %v", paths)
	}
	page := string(readFile(t, paths[0]))
	if !strings.Contains(page, newLang("id").tf("level_units", strings.Join([]string{lvDinas, lvRSUD, lvUPT}, ", "))) {
		t.Error("the parent's page does not name its units")
	}
	if !strings.Contains(page, `<span class="zt">`+lvRSUD+`</span><br>`) {
		t.Error("the parent's page does not name the unit of its units' overdue complaints")
	}

	// The comparison at the parent level.
	res, err := Compare(ctx, db, CompareOptions{From: "2025-05", To: lvMonth, OutDir: dir, Lang: "en", Now: testNow, Level: LevelParent})
	if err != nil {
		t.Fatal(err)
	}
	if filepath.Base(res.HTML) != "rapor-banding-2025-05-2025-10-induk.html" {
		t.Errorf("comparison %s", res.HTML)
	}
	cmp := string(readFile(t, res.HTML))
	if !strings.Contains(cmp, htmlEscape(newLang("en").levelLine(LevelParent, false))) || !strings.Contains(cmp, lvDinas) || strings.Contains(cmp, lvRSUD) {
		t.Error("the comparison is not read at the parent level")
	}

	// An unknown level is an error, in the reader's language.
	if _, err := LoadScorecard(ctx, db, Options{Month: lvMonth, Level: "induk"}); err == nil || !strings.Contains(err.Error(), `"induk"`) {
		t.Errorf("level induk: %v", err)
	}
	if _, err := os.Stat(filepath.Join(dir, "rapor-2025-10-induk-rsud-pambalah-batung.html")); err == nil {
		t.Error("a unit got a page of its own at the parent level")
	}
}
