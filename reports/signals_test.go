package reports

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

func TestSignalsBlock(t *testing.T) {
	m := func(mo int) time.Time { return time.Date(2025, time.Month(mo), 1, 0, 0, 0, 0, time.UTC) }
	s := &Scorecard{L: newLang("id"), Month: m(8), EarlyWarnings: []EarlyWarning{
		{Agency: "Dinas Kesehatan", Kind: "response_slide", Month: m(6), Months: []time.Time{m(3), m(4), m(5), m(6)},
			Measured: []float64{0.71, 0.52, 0.33, 0.12}, Baseline: 0.71, Value: 0.12, Z: 9.1, New: true},
		{Kind: "verification_backlog", Month: m(6), Months: []time.Time{m(3), m(4), m(5), m(6)}, Measured: []float64{1339, 1463, 1833, 2095}, Baseline: 1339, Value: 2095},
		{Agency: "Satpol PP", Kind: "expired_jump", Month: m(5), Months: []time.Time{m(5)}, Measured: []float64{15}, Baseline: 0, Value: 15},
		{Agency: "Dinas Perhubungan", Kind: "volume_outlier", Month: m(7), Months: []time.Time{m(7)}, Measured: []float64{165}, Baseline: 55, Value: 165, Z: 12.3},
		{Agency: "Disperkim", Kind: "overdue_growth", Month: m(7), Months: []time.Time{m(4), m(5), m(6), m(7)}, Measured: []float64{300, 360, 430, 520}, Baseline: 300, Value: 520},
	}, Repeats: []RepeatItem{{Agency: "Dinas PUPR", TrackingID: "800000001", RepeatOf: "7012345", RepeatOfAgency: "Dinas PUPR", DaysAfter: 12, MatchedBy: "reporter"}}}
	var b strings.Builder
	tm, err := templates.Clone() // the shared set must not be executed: pages clone it
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"signals", "repeats"} {
		if err := tm.ExecuteTemplate(&b, name, s.signals()); err != nil {
			t.Fatal(err)
		}
	}
	html := b.String()
	for _, want := range []string{
		"Peringatan dini", "BARU: Dinas Kesehatan: tindak lanjut tepat waktu turun 3 bulan berturut-turut", "71% → ", "12%", "turun 59 poin",
		"Admin kabupaten: antrean verifikasi", "Satpol PP: 15 pengaduan bulan Mei 2025 diarsipkan kedaluwarsa",
		"Dinas Perhubungan: 165 pengaduan pada Juli 2025", "Disperkim: tunggakan",
		"1 pengaduan berulang", `href="#berulang"`, `<section id="berulang">`, "800000001", "7012345", "<td class=\"num\">12</td>",
	} {
		if !strings.Contains(html, want) {
			t.Errorf("signals block lacks %q:\n%s", want, html)
		}
	}
	s.L = newLang("en")
	if txt := s.L.warningText(s.EarlyWarnings[0]); !strings.Contains(txt, "NEW: Dinas Kesehatan: on-time follow-up fell 3 months running") {
		t.Errorf("en: %s", txt)
	}
	if b := s.signalsFor("Satpol PP"); b == nil || len(b.Warnings) != 1 || len(b.Repeats) != 0 {
		t.Errorf("one SKPD's block: %+v", b)
	}
	if s.signalsFor("Dinas Sosial") != nil {
		t.Error("an SKPD without signals has no block")
	}
	if (&Scorecard{L: newLang("id")}).signals() != nil {
		t.Error("no signals: no block")
	}

	// The page shows at most MaxHTMLItems repeats, shared among the SKPD, and says where the rest
	// are; the heading counts all.
	many := &Scorecard{L: newLang("id"), Month: m(8), MaxHTMLItems: 3}
	for i := 0; i < 5; i++ {
		many.Repeats = append(many.Repeats, RepeatItem{Agency: "Dinas PUPR", TrackingID: fmt.Sprint(900000000 + i), RepeatOf: "7012345", DaysAfter: i})
	}
	many.Repeats = append(many.Repeats, RepeatItem{Agency: "Satpol PP", TrackingID: "910000000", RepeatOf: "7012346"})
	blk := many.signals()
	var got []string
	for _, r := range blk.Repeats {
		got = append(got, r.TrackingID)
	}
	if strings.Join(got, " ") != "900000000 900000001 910000000" || !strings.Contains(blk.RepeatsHead, "6 pengaduan berulang") {
		t.Errorf("capped block: %v, head %q", got, blk.RepeatsHead)
	}
	b.Reset()
	if err := tm.ExecuteTemplate(&b, "repeats", blk); err != nil {
		t.Fatal(err)
	}
	if got := b.String(); !strings.Contains(got, "Ditampilkan 3 dari 6 pengaduan berulang") || strings.Contains(got, "900000002") {
		t.Errorf("capped page:\n%s", got)
	}
	if len(many.Repeats) != 6 {
		t.Errorf("the cap must not shorten the scorecard's own list (the workbook writes it): %d", len(many.Repeats))
	}
}

// The workbook's Peringatan sheet lists each warning with its numbers and statement, Berulang each
// repeat by tracking id and how it was matched, never the reporter; an empty list has no sheet.
func TestSignalsSheets(t *testing.T) {
	m := func(mo int) time.Time { return time.Date(2025, time.Month(mo), 1, 0, 0, 0, 0, time.UTC) }
	ws := []EarlyWarning{
		{Agency: "Dinas Kesehatan", Kind: "response_slide", Month: m(6), Months: []time.Time{m(3), m(4), m(5), m(6)},
			Measured: []float64{0.71, 0.52, 0.33, 0.12}, Baseline: 0.71, Value: 0.12, New: true},
		{Kind: "verification_backlog", Month: m(6), Months: []time.Time{m(5), m(6)}, Measured: []float64{1339, 2095}, Baseline: 1339, Value: 2095},
	}
	rs := []RepeatItem{{Agency: "Dinas PUPR", TrackingID: "800000001", RepeatOf: "7012345", RepeatOfAgency: "Dinas PUPR", DaysAfter: 12, MatchedBy: "reporter"},
		{Agency: "Dinas PUPR", TrackingID: "800000002", RepeatOf: "7012346", RepeatOfAgency: "Dinas Perkim", DaysAfter: 40, MatchedBy: "title"}}
	for _, c := range []struct {
		lang  string
		sheet map[string][][]string // per sheet, rows (from the header on) that must appear ("" is any)
	}{
		{"id", map[string][][]string{
			"Peringatan": {
				{"SKPD", "Peringatan", "Bulan", "Angka per bulan", "Biasanya", "Nilai", "Baru", "Keterangan"},
				{"Dinas Kesehatan", "Tindak lanjut tepat waktu turun", "", "Mar 2025 71% → Apr 2025 52% → Mei 2025 33% → Jun 2025 12%", "71.0%", "12.0%", "Ya", "BARU: Dinas Kesehatan: tindak lanjut"},
				{"Admin kabupaten", "Antrean verifikasi admin naik"},
			},
			"Berulang": {
				{"SKPD", "No. tracking", "Mengulang no. tracking", "Ditutup oleh SKPD", "Hari setelah ditutup", "Dikenali dari"},
				{"Dinas PUPR", "800000001", "7012345", "Dinas PUPR", "12", "pelapor yang sama (tidak ditampilkan)"},
				{"Dinas PUPR", "800000002", "7012346", "Dinas Perkim", "40", "kecamatan, kategori dan judul serupa"},
			},
		}},
		{"en", map[string][][]string{
			"Warnings": {{"Dinas Kesehatan", "On-time follow-up falling"}},
			"Repeats":  {{"Dinas PUPR", "800000001", "7012345", "Dinas PUPR", "12", "the same reporter (not shown)"}},
		}},
	} {
		b, err := newBook(newLang(c.lang))
		if err != nil {
			t.Fatal(err)
		}
		if err := writeSignalsSheets(b, m(8), ws, rs); err != nil {
			t.Fatal(err)
		}
		// Read back as written: the repeats' rows are streamed into the file as it is written.
		var buf bytes.Buffer
		if err := b.writeTo(&buf); err != nil {
			t.Fatal(err)
		}
		b.f.Close()
		f, err := excelize.OpenReader(&buf)
		if err != nil {
			t.Fatal(err)
		}
		for sheet, want := range c.sheet {
			rows, err := f.GetRows(sheet)
			if err != nil {
				t.Fatalf("%s: %v", c.lang, err)
			}
			if panes, _ := f.GetPanes(sheet); !panes.Freeze || panes.YSplit != listHeaderRow {
				t.Errorf("%s %s: header not frozen: %+v", c.lang, sheet, panes)
			}
			for _, w := range want {
				found := false
				for _, r := range rows {
					if len(r) >= len(w) && r[0] == w[0] && r[1] == w[1] {
						found = true
						for i, x := range w {
							if x != "" && !strings.HasPrefix(r[i], x) {
								t.Errorf("%s %s: row %v: column %d is %q, want %q", c.lang, sheet, r, i+1, r[i], x)
							}
						}
					}
				}
				if !found {
					t.Errorf("%s %s: no row starts %v in\n%v", c.lang, sheet, w[:2], rows)
				}
			}
		}
		f.Close()
	}
	b, _ := newBook(newLang("id"))
	defer b.f.Close()
	if err := writeSignalsSheets(b, m(8), nil, rs[:1]); err != nil {
		t.Fatal(err)
	}
	if idx, _ := b.f.GetSheetIndex("Peringatan"); idx >= 0 {
		t.Error("a warnings sheet without warnings")
	}
	if idx, _ := b.f.GetSheetIndex("Berulang"); idx < 0 {
		t.Error("no repeats sheet")
	}
}
