//go:build duckdb_arrow

package resultfmt_test

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/hsu-lapor/rapor/analyst/resultfmt"
	"github.com/hsu-lapor/rapor/analyst/sandbox"
	"github.com/hsu-lapor/rapor/internal/msg"
	"github.com/hsu-lapor/rapor/internal/testdb"
	"github.com/hsu-lapor/rapor/store"
)

var wita, _ = time.LoadLocation(testdb.TimeZone)

// complaintsQuery covers text (formula-like, multi-line, comma), integers, NULL, an empty
// string, TIMESTAMPTZ, DATE, DECIMAL, DOUBLE and BOOLEAN.
const complaintsQuery = `SELECT tracking_id, title, body, rating, '' AS empty,
	submitted_at, CAST(submitted_at AS DATE) AS day, CAST(rating AS DECIMAL(5,2)) AS rating_dec,
	rating / 2 AS half, rating IS NULL AS unrated
FROM complaints ORDER BY tracking_id`

type env struct {
	t    *testing.T
	sess *sandbox.Session
	dir  string
}

func newEnv(t *testing.T) *env {
	t.Helper()
	dir := t.TempDir()
	path := testdb.Build(t, dir)
	sess, err := sandbox.Open(context.Background(), path, sandbox.Options{TimeZone: testdb.TimeZone})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { sess.Close() })
	return &env{t: t, sess: sess, dir: dir}
}

// write runs each query into w and closes it.
func (e *env) write(w resultfmt.Writer, queries ...string) []int64 {
	e.t.Helper()
	var counts []int64
	for _, q := range queries {
		err := e.sess.Query(context.Background(), q, func(r sandbox.Result) error {
			n, err := w.Write(r)
			counts = append(counts, n)
			return err
		})
		if err != nil {
			e.t.Fatalf("%s: %v", q, err)
		}
	}
	if err := w.Close(); err != nil {
		e.t.Fatal(err)
	}
	return counts
}

func TestCSV(t *testing.T) {
	e := newEnv(t)
	var buf bytes.Buffer
	if n := e.write(resultfmt.NewCSV(&buf, resultfmt.Options{Loc: wita}), complaintsQuery); n[0] != 4 {
		t.Fatalf("rows %d", n[0])
	}
	recs, err := csv.NewReader(&buf).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	want := [][]string{
		{"tracking_id", "title", "body", "rating", "empty", "submitted_at", "day", "rating_dec", "half", "unrated"},
		{"LAP-001", "Jalan rusak", "Jalan di desa A rusak, parah", "5", "", "2024-01-02T10:00:00+08:00", "2024-01-02", "5.00", "2.5", "false"},
		{"LAP-002", `'=HYPERLINK("http://contoh","klik")`, "'+62 isi\ndua baris", "", "", "2024-02-01T00:30:00+08:00", "2024-02-01", "", "", "true"},
	}
	for i, w := range want {
		if strings.Join(recs[i], "|") != strings.Join(w, "|") {
			t.Errorf("row %d:\n got %q\nwant %q", i, recs[i], w)
		}
	}
	// NULL is an empty field, an empty string a quoted one.
	var raw bytes.Buffer
	e.write(resultfmt.NewCSV(&raw, resultfmt.Options{Loc: wita}), "SELECT NULL AS a, '' AS b, ' x' AS c")
	if got := raw.String(); got != "a,b,c\n,\"\",\" x\"\n" {
		t.Errorf("NULL/empty/blank: %q", got)
	}
}

// TestCSVFormulas: CSV meant for a spreadsheet defuses text a spreadsheet would run as a
// formula (a leading '); numbers stay numbers; RawCSV writes the text as stored.
func TestCSVFormulas(t *testing.T) {
	e := newEnv(t)
	q := `SELECT '=HYPERLINK("http://x","y")' AS "=h", '+cmd|'' /C calc''!A0' AS p, '@SUM(1)' AS a, '-2+3' AS m,
		chr(9) || '=1+1' AS tab, chr(13) || '=1+1' AS cr, 'a=b' AS mid, -2 AS neg, -1.5::DOUBLE AS negf, ' =1' AS sp`
	cases := []struct {
		raw  bool
		want []string
	}{
		{false, []string{`'=HYPERLINK("http://x","y")`, "'+cmd|' /C calc'!A0", "'@SUM(1)", "'-2+3", "'\t=1+1", "'\r=1+1", "a=b", "-2", "-1.5", " =1"}},
		{true, []string{`=HYPERLINK("http://x","y")`, "+cmd|' /C calc'!A0", "@SUM(1)", "-2+3", "\t=1+1", "\r=1+1", "a=b", "-2", "-1.5", " =1"}},
	}
	for _, c := range cases {
		var buf bytes.Buffer
		e.write(resultfmt.NewCSV(&buf, resultfmt.Options{RawCSV: c.raw}), q)
		recs, err := csv.NewReader(&buf).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		wantHead := map[bool]string{false: "'=h", true: "=h"}[c.raw]
		if recs[0][0] != wantHead {
			t.Errorf("raw %v: header %q, want %q", c.raw, recs[0][0], wantHead)
		}
		for j, w := range c.want {
			if got := recs[1][j]; got != w {
				t.Errorf("raw %v: column %s = %q, want %q", c.raw, recs[0][j], got, w)
			}
		}
	}
	// The tab and CR are kept inside quotes, never trimmed away to leave a bare =.
	var buf bytes.Buffer
	e.write(resultfmt.NewCSV(&buf, resultfmt.Options{}), "SELECT chr(9) || '=1' AS t, chr(13) || '=1' AS c")
	if got := buf.String(); got != "t,c\n'\t=1,\"'\r=1\"\n" {
		t.Errorf("tab/CR: %q", got)
	}
}

// TestDecimals: named queries round floats for reading; integers and decimals are untouched.
func TestDecimals(t *testing.T) {
	e := newEnv(t)
	var buf bytes.Buffer
	e.write(resultfmt.NewCSV(&buf, resultfmt.Options{Decimals: 3}),
		"SELECT 25.70000000000001::DOUBLE AS a, 0.23529411764705882::DOUBLE AS b, -0.0001::DOUBLE AS c, 12345678901 AS d, 1.23456::DECIMAL(10,5) AS e, 'NaN'::DOUBLE AS f")
	if got := buf.String(); got != "a,b,c,d,e,f\n25.7,0.235,0,12345678901,1.23456,NaN\n" {
		t.Errorf("decimals: %q", got)
	}
}

func TestJSON(t *testing.T) {
	e := newEnv(t)
	var buf bytes.Buffer
	e.write(resultfmt.NewJSON(&buf, resultfmt.Options{Loc: wita}), complaintsQuery+" LIMIT 2", "SELECT [1, 2] AS l, {'k': 'v'} AS s, 'NaN'::DOUBLE AS nan")
	dec := json.NewDecoder(&buf)
	var rows []map[string]any
	if err := dec.Decode(&rows); err != nil {
		t.Fatal(err)
	}
	if len(rows) != 2 {
		t.Fatalf("%d rows", len(rows))
	}
	r := rows[1]
	if r["tracking_id"] != "LAP-002" || r["rating"] != nil || r["submitted_at"] != "2024-02-01T00:30:00+08:00" ||
		r["title"] != `=HYPERLINK("http://contoh","klik")` || r["unrated"] != true || r["body"] != "+62 isi\ndua baris" {
		t.Errorf("row 2: %v", r)
	}
	if rows[0]["rating"] != 5.0 || rows[0]["rating_dec"] != 5.0 || rows[0]["half"] != 2.5 || rows[0]["day"] != "2024-01-02" {
		t.Errorf("row 1 numbers: %v", rows[0])
	}
	var second []map[string]any
	if err := dec.Decode(&second); err != nil {
		t.Fatal(err)
	}
	if b, _ := json.Marshal(second); string(b) != `[{"l":[1,2],"nan":null,"s":{"k":"v"}}]` {
		t.Errorf("nested: %s", b)
	}
}

func TestTableAligns(t *testing.T) {
	msg.SetLang(msg.ID)
	e := newEnv(t)
	var buf bytes.Buffer
	e.write(resultfmt.NewTable(&buf, resultfmt.Options{Loc: wita, MaxWidth: 20}),
		`SELECT tracking_id, rating, title, submitted_at FROM complaints ORDER BY 1`,
		`SELECT 1234567 AS big, 'é中文' AS wide`)
	want := ` tracking_id | rating | title                | submitted_at
-------------+--------+----------------------+--------------------------
 LAP-001     |      5 | Jalan rusak          | 2024-01-02 10:00:00 WITA
 LAP-002     |   NULL | =HYPERLINK("http://… | 2024-02-01 00:30:00 WITA
 LAP-003     |   NULL | @SUM(A1)             | 2024-02-01 08:00:00 WITA
 LAP-004     |      4 | Lampu jalan mati     | 2024-02-10 14:15:00 WITA
(4 baris)

     big | wide
---------+-------
 1234567 | é中文
(1 baris)
`
	if got := buf.String(); got != want {
		t.Errorf("table:\n%s\nwant:\n%s", got, want)
	}
}

// TestBox: the default table looks like the DuckDB command line's.
func TestBox(t *testing.T) {
	msg.SetLang(msg.ID)
	e := newEnv(t)
	var buf bytes.Buffer
	e.write(resultfmt.NewBox(&buf, resultfmt.Options{Loc: wita, MaxWidth: 20}),
		`SELECT tracking_id, rating, title, submitted_at FROM complaints ORDER BY 1`,
		`SELECT 1234567 AS big, 'é中文' AS wide, [1, 2] AS l, 1.5::DECIMAL(4,1) AS d`,
		`SELECT 1 AS a WHERE false`)
	want := `┌─────────────┬────────┬──────────────────────┬──────────────────────────┐
│ tracking_id │ rating │        title         │       submitted_at       │
│   varchar   │  int8  │       varchar        │ timestamp with time zone │
├─────────────┼────────┼──────────────────────┼──────────────────────────┤
│ LAP-001     │      5 │ Jalan rusak          │ 2024-01-02 10:00:00 WITA │
│ LAP-002     │   NULL │ =HYPERLINK("http://… │ 2024-02-01 00:30:00 WITA │
│ LAP-003     │   NULL │ @SUM(A1)             │ 2024-02-01 08:00:00 WITA │
│ LAP-004     │      4 │ Lampu jalan mati     │ 2024-02-10 14:15:00 WITA │
├─────────────┴────────┴──────────────────────┴──────────────────────────┤
│                                4 baris                                 │
└────────────────────────────────────────────────────────────────────────┘

┌─────────┬─────────┬─────────┬──────────────┐
│   big   │  wide   │    l    │      d       │
│  int32  │ varchar │ int32[] │ decimal(4,1) │
├─────────┼─────────┼─────────┼──────────────┤
│ 1234567 │ é中文   │ [1,2]   │          1.5 │
├─────────┴─────────┴─────────┴──────────────┤
│                  1 baris                   │
└────────────────────────────────────────────┘

┌─────────┐
│    a    │
│  int32  │
├─────────┤
│ 0 baris │
└─────────┘
`
	if got := buf.String(); got != want {
		t.Errorf("box:\n%s\nwant:\n%s", got, want)
	}
}

func TestTableStreamsPastSample(t *testing.T) {
	msg.SetLang(msg.EN)
	defer msg.SetLang(msg.ID)
	e := newEnv(t)
	var buf bytes.Buffer
	e.write(resultfmt.NewTable(&buf, resultfmt.Options{SampleRows: 3}),
		`SELECT i, repeat('x', i::INTEGER) AS s FROM range(1, 6) t(i)`)
	want := ` i | s
---+-----
 1 | x
 2 | xx
 3 | xxx
 4 | xx…
 5 | xx…
(5 rows)
`
	if got := buf.String(); got != want {
		t.Errorf("table:\n%s\nwant:\n%s", got, want)
	}
}

func TestXLSX(t *testing.T) {
	e := newEnv(t)
	path := filepath.Join(t.TempDir(), "out.xlsx")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	e.write(resultfmt.NewXLSX(f, resultfmt.Options{Loc: wita}), complaintsQuery, "SELECT 12345678901234567 AS big, 1.5 AS x")
	f.Close()

	x, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	if got := x.GetSheetList(); strings.Join(got, ",") != "Hasil,Hasil 2" {
		t.Fatalf("sheets %v", got)
	}
	get := func(sheet, cell string) string {
		v, err := x.GetCellValue(sheet, cell, excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	// Header, then LAP-001..LAP-004 in rows 2..5. Columns: A tracking_id, B title, C body,
	// D rating, E empty, F submitted_at, G day, H rating_dec, I half, J unrated.
	if get("Hasil", "A1") != "tracking_id" || get("Hasil", "A3") != "LAP-002" {
		t.Errorf("header/ids: %q %q", get("Hasil", "A1"), get("Hasil", "A3"))
	}
	// Formula injection: text that looks like a formula stays text.
	for _, cell := range []string{"B3", "C3", "B4", "C4"} {
		formula, _ := x.GetCellFormula("Hasil", cell)
		typ, _ := x.GetCellType("Hasil", cell)
		if formula != "" || (typ != excelize.CellTypeInlineString && typ != excelize.CellTypeSharedString) {
			t.Errorf("%s: formula %q, type %v (value %q)", cell, formula, typ, get("Hasil", cell))
		}
	}
	if get("Hasil", "B3") != `=HYPERLINK("http://contoh","klik")` || get("Hasil", "B4") != "@SUM(A1)" || get("Hasil", "C4") != "-1+2" {
		t.Errorf("texts: %q %q %q", get("Hasil", "B3"), get("Hasil", "B4"), get("Hasil", "C4"))
	}
	// Numbers are numbers, NULL an empty cell.
	if typ, _ := x.GetCellType("Hasil", "D2"); typ == excelize.CellTypeInlineString || get("Hasil", "D2") != "5" {
		t.Errorf("rating: %q type %v", get("Hasil", "D2"), typ)
	}
	if get("Hasil", "D3") != "" || get("Hasil", "H2") != "5" || get("Hasil", "I2") != "2.5" {
		t.Errorf("null/decimal/double: %q %q %q", get("Hasil", "D3"), get("Hasil", "H2"), get("Hasil", "I2"))
	}
	// Timestamps are Excel date-times in local time: 2024-01-02 10:00 WITA = 45293 + 10/24.
	if v := get("Hasil", "F2"); !strings.HasPrefix(v, "45293.41666") {
		t.Errorf("submitted_at serial %q", v)
	}
	if v, _ := x.GetCellValue("Hasil", "F2"); v != "2024-01-02 10:00:00" {
		t.Errorf("submitted_at shown %q", v)
	}
	if v := get("Hasil", "G3"); v != "45323" { // 2024-02-01
		t.Errorf("day serial %q", v)
	}
	// An integer past Excel's 15 digits stays text, whole.
	if v := get("Hasil 2", "A2"); v != "12345678901234567" {
		t.Errorf("big %q", v)
	}
}

func TestXLSXContinuesOnNewSheet(t *testing.T) {
	old := resultfmt.MaxSheetRows
	resultfmt.MaxSheetRows = 4 // header + 3 rows a sheet
	defer func() { resultfmt.MaxSheetRows = old }()
	e := newEnv(t)
	path := filepath.Join(t.TempDir(), "long.xlsx")
	f, _ := os.Create(path)
	if n := e.write(resultfmt.NewXLSX(f, resultfmt.Options{}), "SELECT i FROM range(8) t(i)"); n[0] != 8 {
		t.Fatalf("rows %d", n[0])
	}
	f.Close()
	x, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	if got := strings.Join(x.GetSheetList(), ","); got != "Hasil,Hasil (2),Hasil (3)" {
		t.Fatalf("sheets %s", got)
	}
	var all []string
	for _, s := range x.GetSheetList() {
		rows, _ := x.Rows(s)
		first := true
		for rows.Next() {
			cols, _ := rows.Columns()
			if first {
				if cols[0] != "i" {
					t.Errorf("%s: header %q", s, cols)
				}
				first = false
				continue
			}
			all = append(all, cols[0])
		}
		rows.Close()
	}
	if strings.Join(all, ",") != "0,1,2,3,4,5,6,7" {
		t.Errorf("rows across sheets: %v", all)
	}
}

func TestParquetReadBack(t *testing.T) {
	e := newEnv(t)
	path := filepath.Join(t.TempDir(), "out.parquet")
	f, _ := os.Create(path)
	e.write(resultfmt.NewParquet(f, resultfmt.Options{}), "SELECT *, 'a'::ENUM('a','b') AS e, [1,2] AS l FROM ("+complaintsQuery+")")
	f.Close()

	db, err := store.Open(context.Background(), ":memory:", store.Options{TimeZone: testdb.TimeZone})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var n, rated int
	var sum float64
	var first time.Time
	var title, typ string
	err = db.QueryRow(`SELECT count(*), count(rating), sum(half), min(submitted_at), max(title), typeof(min(submitted_at))
		FROM read_parquet(`+store.QuoteLiteral(path)+`)`).Scan(&n, &rated, &sum, &first, &title, &typ)
	if err != nil {
		t.Fatal(err)
	}
	if n != 4 || rated != 2 || sum != 4.5 || !first.Equal(time.Date(2024, 1, 2, 2, 0, 0, 0, time.UTC)) || title != "Lampu jalan mati" || typ != "TIMESTAMP WITH TIME ZONE" {
		t.Errorf("read back: n=%d rated=%d sum=%v first=%v title=%q type=%s", n, rated, sum, first, title, typ)
	}
	// A second result has nowhere to go in one file.
	var buf bytes.Buffer
	w := resultfmt.NewParquet(&buf, resultfmt.Options{})
	err = e.sess.Query(context.Background(), "SELECT 1", func(r sandbox.Result) error { _, err := w.Write(r); return err })
	if err != nil {
		t.Fatal(err)
	}
	err = e.sess.Query(context.Background(), "SELECT 2", func(r sandbox.Result) error { _, err := w.Write(r); return err })
	if err != resultfmt.ErrOneResult {
		t.Errorf("second result: %v", err)
	}
	// INTERVAL has no Parquet type: a clear error, not a broken file.
	err = e.sess.Query(context.Background(), "SELECT INTERVAL 3 DAY AS wait", func(r sandbox.Result) error {
		_, err := resultfmt.NewParquet(&buf, resultfmt.Options{}).Write(r)
		return err
	})
	if err == nil || !strings.Contains(err.Error(), "CAST(wait AS VARCHAR)") {
		t.Errorf("interval: %v", err)
	}
}
