package reports

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/hsu-lapor/rapor/config"
)

func excelizeRows(path, sheet string) ([][]string, error) {
	f, err := excelize.OpenFile(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return f.GetRows(sheet)
}

func aliasesOf(cfg config.Config) map[string]string {
	m := map[string]string{}
	for _, a := range cfg.Agencies {
		m[config.FoldName(a.Name)] = a.Name
		for _, al := range a.Aliases {
			m[config.FoldName(al)] = a.Name
		}
	}
	return m
}

// The agency rapor: one page per SKPD, its name matched as everywhere (master list, aliases,
// case, spaces); its numbers are its rows of the agency tables and its list its own complaints.
func TestAgencyPage(t *testing.T) {
	db, cfg := fixtureDB(t)
	ctx := context.Background()
	dir := t.TempDir()
	o := AgencyOptions{Options: Options{Month: "2025-05", OutDir: dir, Now: testNow}, Aliases: aliasesOf(cfg)}
	s, err := LoadScorecard(ctx, db, o.Options)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ want, got string }{
		{"dinas   sosial", "DINAS SOSIAL"}, // case and spaces, the spelling shown
		{"DPUPR", "Dinas PUPR"},            // an alias of the master list
		{"dinas pekerjaan umum dan penataan ruang", "Dinas PUPR"},
	} {
		got, err := s.ResolveAgency(c.want, o.Aliases)
		if err != nil || got != c.got {
			t.Errorf("ResolveAgency(%q) = %q, %v; want %q", c.want, got, err, c.got)
		}
	}
	var ae *AgencyError
	if _, err := s.ResolveAgency("Dinas Perikanan", o.Aliases); !errors.As(err, &ae) || len(ae.Have) == 0 {
		t.Errorf("an unknown agency: %v", err)
	}

	o.Agency = "dpupr"
	paths, err := AgencyPages(ctx, db, o)
	if err != nil {
		t.Fatal(err)
	}
	if len(paths) != 2 || filepath.Base(paths[0]) != "rapor-2025-05-dinas-pupr.html" || filepath.Base(paths[1]) != "rapor-2025-05-dinas-pupr.xlsx" {
		t.Fatalf("paths %v", paths)
	}
	html := readFile(t, paths[0])
	golden(t, "agency-2025-05-id.html", stripECharts(t, html))
	golden(t, "agency-2025-05-id.xlsx.txt", []byte(dumpXLSX(t, paths[1])))
	page := string(html)
	a, err := s.Agency("Dinas PUPR")
	if err != nil {
		t.Fatal(err)
	}
	for _, it := range allOverdue(t, s) {
		if has := strings.Contains(page, `data-tracking="`+it.TrackingID+`"`); has != (it.Agency == "Dinas PUPR") {
			t.Errorf("%s (%s) on the page: %v", it.TrackingID, it.Agency, has)
		}
	}
	if a.Roll12 == nil || !strings.Contains(page, newLang("id").opt(a.Roll12.Score, 1)) {
		t.Errorf("the 12-month score is not on the page")
	}
	// The workbook's list is the agency's own, all of it.
	f, err := excelize.OpenFile(paths[1])
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows("Tunggakan")
	if err != nil {
		t.Fatal(err)
	}
	if n := len(rows) - 1; (len(a.Overdue) > 0 && n != len(a.Overdue)) || (len(a.Overdue) == 0 && n != 1) {
		t.Errorf("the workbook lists %d, the agency has %d overdue", n, len(a.Overdue))
	}

	// A cap smaller than the list: the page shows the oldest and says where the rest are; the
	// workbook still has all of them.
	if len(a.Overdue) < 2 {
		t.Fatalf("Dinas PUPR has %d overdue complaints: the cap below would prove nothing", len(a.Overdue))
	}
	capped := o
	capped.MaxHTMLOverdue, capped.OutDir = 1, t.TempDir()
	cp, err := AgencyPages(ctx, db, capped)
	if err != nil {
		t.Fatal(err)
	}
	cpage := string(readFile(t, cp[0]))
	if n := strings.Count(cpage, `data-tracking="`); n != 1 || !strings.Contains(cpage, `data-tracking="`+a.Overdue[0].TrackingID+`"`) ||
		!strings.Contains(cpage, fmt.Sprintf("Ditampilkan 1 pengaduan tertua dari %d;", len(a.Overdue))) {
		t.Errorf("capped page: %d rows, notice present: %v", n, strings.Contains(cpage, "Ditampilkan 1 pengaduan tertua"))
	}
	if rows, err := excelizeRows(cp[1], "Tunggakan"); err != nil || len(rows)-1 != len(a.Overdue) {
		t.Errorf("the capped page's workbook lists %d of %d (%v)", len(rows)-1, len(a.Overdue), err)
	}

	// Every agency gets a page when none is named.
	o.Agency, o.OutDir = "", t.TempDir()
	all, err := AgencyPages(ctx, db, o)
	if err != nil {
		t.Fatal(err)
	}
	if len(all) != 2*len(s.AgencyNames()) || len(all) < 6 {
		t.Errorf("%d pages for %d agencies", len(all), len(s.AgencyNames()))
	}
}
