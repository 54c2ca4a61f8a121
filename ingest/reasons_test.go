package ingest

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/hsu-lapor/rapor/internal/msg"
)

// sampleArgs are arguments of the shape each reason takes.
var sampleArgs = map[string][]any{
	"missing_tracking_id":  nil,
	"missing_submitted_at": nil,
	"bad_timestamp":        {"32 Oktober 2013"},
	"column_count":         {2, 3},
	"csv_quote":            {7, 12},
	"bad_rating":           {"enam"},
	"bad_flag":             {"mungkin"},
}

// TestRejectReasonMacro: the SQL macro renders every reason as the catalogue does, in both
// languages, from the stored JSON arguments.
func TestRejectReasonMacro(t *testing.T) {
	db := openTestDB(t, filepath.Join(t.TempDir(), "r.duckdb"))
	if _, err := db.Exec(reasonMacro()); err != nil {
		t.Fatal(err)
	}
	for _, code := range RejectCodes {
		args, ok := sampleArgs[code]
		if !ok {
			t.Errorf("%s: add its sample arguments to this test", code)
			continue
		}
		for _, l := range []msg.Lang{msg.ID, msg.EN} {
			want := l.T(code, args...)
			if got := Reason(l, code, reasonArgs(args)); got != want {
				t.Errorf("Reason(%s, %s) = %q, want %q", l, code, got, want)
			}
			var got string
			if err := db.QueryRow(`SELECT reject_reason(?, ?::JSON, ?)`, code, reasonArgs(args), string(l)).Scan(&got); err != nil {
				t.Fatal(err)
			}
			if got != want {
				t.Errorf("reject_reason(%s, %s) = %q, want %q", code, l, got, want)
			}
		}
	}
}

// TestRejectsStoreArgs: a reject keeps its code and arguments, so any reader renders it in
// their own language, whatever the language of the ingest.
func TestRejectsStoreArgs(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "short.csv")
	os.WriteFile(p, []byte("No. Tracking,Tanggal Laporan,Judul\n1,2025-01-02 08:00,ok\n2,2025-01-02 08:00\n"), 0o644)
	db := openTestDB(t, filepath.Join(dir, "r.duckdb"))
	ingestOK(t, db, p, testOptions(t))
	var code, args string
	if err := db.QueryRow(`SELECT reason_code, reason_args::VARCHAR FROM rejects`).Scan(&code, &args); err != nil {
		t.Fatal(err)
	}
	got := []string{code, args, Reason(msg.EN, code, args), Reason(msg.ID, code, args)}
	want := []string{"column_count", "[2,3]", "row has 2 columns, the header 3", "baris berisi 2 kolom, header 3 kolom"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %q\nwant %q", got, want)
	}
	var en string
	if err := db.QueryRow(`SELECT reject_reason(reason_code, reason_args, 'en') FROM rejects`).Scan(&en); err != nil || en != want[2] {
		t.Errorf("reject_reason in SQL: %q %v", en, err)
	}
}
