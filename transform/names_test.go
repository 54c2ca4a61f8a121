package transform

import (
	"testing"
	"time"

	"github.com/hsu-lapor/rapor/config"
)

// TestAgencyNames: spellings fold as config.FoldName does (trim, white space runs including
// Unicode spaces, case); the master list wins; otherwise the most frequent spelling, ties to the
// first in byte order; a blank name names no agency.
func TestAgencyNames(t *testing.T) {
	cfg := config.Default()
	cfg.Agencies = []config.Agency{{Name: "Dinas PUPR", Aliases: []string{"Dinas Pekerjaan Umum\u00a0dan Penataan Ruang"}}}
	db := openDB(t, cfg)
	spellings := []string{
		"Dinas Kesehatan", "Dinas Kesehatan", "DINAS\u00a0KESEHATAN", " dinas \tkesehatan ", // -> Dinas Kesehatan (2 of 4)
		"Dinas Sosial", "DINAS SOSIAL", // tie: "DINAS SOSIAL" < "Dinas Sosial" in byte order
		"dinas pekerjaan umum dan penataan ruang", "DINAS PUPR", // master list
		"\u00a0 \u3000", // white space only: no agency
	}
	at := time.Date(2025, 3, 3, 9, 0, 0, 0, wita)
	for i, s := range spellings {
		if _, err := db.Exec(`INSERT INTO complaints (run_id, source_row, regency, tracking_id, submitted_at, disposed_at, version_at, status, agency, has_first_response)
            VALUES (1, ?, 'R', ?, ?, ?, ?, 'disposed', ?, true)`, i, string(rune('a'+i)), at, at, at, s); err != nil {
			t.Fatal(err)
		}
	}
	build(t, db, cfg, keepFacts())
	want := map[string]string{
		"Dinas Kesehatan": "Dinas Kesehatan", "DINAS\u00a0KESEHATAN": "Dinas Kesehatan", " dinas \tkesehatan ": "Dinas Kesehatan",
		"Dinas Sosial": "DINAS SOSIAL", "DINAS SOSIAL": "DINAS SOSIAL",
		"dinas pekerjaan umum dan penataan ruang": "Dinas PUPR", "DINAS PUPR": "Dinas PUPR",
	}
	rows := queryMaps(t, db.DB, `SELECT spelling, agency_key, agency, in_master FROM agency_names`)
	if len(rows) != len(want) {
		t.Errorf("agency_names has %d rows, want %d (the blank spelling must not be one)", len(rows), len(want))
	}
	for _, r := range rows {
		sp := r["spelling"].(string)
		if r["agency"] != want[sp] {
			t.Errorf("%q shown as %v, want %q", sp, r["agency"], want[sp])
		}
		if key := config.FoldName(want[sp]); r["agency_key"] != key {
			t.Errorf("%q: key %q, want config.FoldName = %q", sp, r["agency_key"], key)
		}
		if r["in_master"] != (want[sp] == "Dinas PUPR") {
			t.Errorf("%q: in_master %v", sp, r["in_master"])
		}
	}
	var n, blank int
	db.QueryRow(`SELECT count(*) FROM agency_month`).Scan(&n)
	db.QueryRow(`SELECT count(*) FROM test_facts WHERE agency_id IS NULL`).Scan(&blank)
	if n != 3 || blank != 1 {
		t.Errorf("%d agency rows (want 3), %d complaints without agency (want 1)", n, blank)
	}
}
