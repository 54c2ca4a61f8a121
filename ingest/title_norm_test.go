package ingest

import (
	"path/filepath"
	"testing"

	"github.com/hsu-lapor/rapor/store"
)

// checkTitleNorm asserts that every stored version has the title_norm its title gives
// (migration 0006): the repeat detection reads the column and never normalises again.
func checkTitleNorm(t *testing.T, db *store.DB, what any) {
	t.Helper()
	var titled, normed, wrong int
	err := db.QueryRow(`SELECT count(title), count(title_norm), count(*) FILTER (WHERE title_norm IS DISTINCT FROM title_norm(title))
		FROM complaint_versions`).Scan(&titled, &normed, &wrong)
	if err != nil {
		t.Fatal(err)
	}
	if titled == 0 || normed == 0 || wrong != 0 {
		t.Errorf("%v: %d versions with a title, %d with title_norm, %d with a title_norm other than title_norm(title)", what, titled, normed, wrong)
	}
}

// Every ingest path writes title_norm: event exports (CSV, XLSX) and snapshot exports, first
// sighting, a later state (append) and a re-download (seen).
func TestTitleNormWritten(t *testing.T) {
	o := testOptions(t)
	for _, files := range [][]string{
		{fixtures + "lapor_admin.csv"},
		{fixtures + "lapor_admin.xlsx", fixtures + "lapor_opendata.csv"},
		{ringkasDir + "r26_hsu_preamble.xlsx", ringkasDir + "r20_kota_banjar_datetime.xlsx"},
	} {
		db := openTestDB(t, filepath.Join(t.TempDir(), "r.duckdb"))
		for _, f := range files {
			ingestOK(t, db, f, o)
		}
		checkTitleNorm(t, db, files)
	}
	// The normalisation itself: case, punctuation and the edges.
	db := openTestDB(t, filepath.Join(t.TempDir(), "m.duckdb"))
	for in, want := range map[string]any{
		"Jalan Rusak!":                 "jalan rusak",
		"  LAMPU (jalan) mati, tolong": "lampu  jalan  mati  tolong",
		`"Air"-keruh/bau;`:             "air  keruh bau",
		"?!.":                          nil,
		"Ümit Çay":                     "ümit çay",
	} {
		var got any
		if err := db.QueryRow(`SELECT title_norm(?)`, in).Scan(&got); err != nil {
			t.Fatal(err)
		}
		if got != want {
			t.Errorf("title_norm(%q) = %#v, want %#v", in, got, want)
		}
	}
}
