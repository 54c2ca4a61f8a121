package ingest

import (
	"encoding/csv"
	"math/rand"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func TestScanRecord(t *testing.T) {
	for _, c := range []struct {
		name, in string
		want     [][]string
		lines    []int64
		bad      []int64
	}{
		{"plain", "a,b\nc,d\n", [][]string{{"a", "b"}, {"c", "d"}}, []int64{1, 2}, nil},
		{"crlf", "a,b\r\nc,d\r\n", [][]string{{"a", "b"}, {"c", "d"}}, []int64{1, 2}, nil},
		{"no final newline", "a,b\nc,d", [][]string{{"a", "b"}, {"c", "d"}}, []int64{1, 2}, nil},
		{"quoted sep and newline", "\"a,1\",\"x\ny\"\nc,d\n", [][]string{{"a,1", "x\ny"}, {"c", "d"}}, []int64{1, 3}, nil},
		{"quoted crlf inside", "\"x\r\ny\",z\r\n", [][]string{{"x\ny", "z"}}, []int64{1}, nil},
		{"escaped quotes", "\"say \"\"hi\"\"\",b\n", [][]string{{"say \"hi\"", "b"}}, []int64{1}, nil},
		{"empty cells", ",,\n\"\",x,\n", [][]string{{"", "", ""}, {"", "x", ""}}, []int64{1, 2}, nil},
		{"bare quote in unquoted cell", "Jalan \"Merdeka\",b\n", [][]string{{"Jalan \"Merdeka\"", "b"}}, []int64{1}, nil},
		{"text after closing quote", "\"a\"b,c\nd,e\n", [][]string{{"d", "e"}}, []int64{2}, []int64{1}},
	} {
		t.Run(c.name, func(t *testing.T) {
			rows, recs, rej := parseBlock([]byte(c.in), 1, ',', 2)
			if !reflect.DeepEqual(recs, c.want) || !reflect.DeepEqual(rows, c.lines) {
				t.Errorf("got %q at %v, want %q at %v", recs, rows, c.want, c.lines)
			}
			var bad []int64
			for _, r := range rej {
				bad = append(bad, r.Row)
			}
			if !reflect.DeepEqual(bad, c.bad) {
				t.Errorf("rejects at %v, want %v", bad, c.bad)
			}
		})
	}
}

// TestCSVSourceMatchesEncodingCSV cuts a file of awkward records into many small blocks and
// expects exactly what encoding/csv reads from it.
func TestCSVSourceMatchesEncodingCSV(t *testing.T) {
	rng := rand.New(rand.NewSource(7))
	cells := []string{"", "a", "b c", "x,y", "say \"hi\"", "line\nbreak", "crlf\r\ninside", "  spaced  ", "ünïcødé", strings.Repeat("long ", 300)}
	var recs [][]string
	for i := 0; i < 2000; i++ {
		r := make([]string, 4)
		for j := range r {
			r[j] = cells[rng.Intn(len(cells))]
		}
		r[0] = "id" + strings.Repeat("x", i%3)
		recs = append(recs, r)
	}
	var b strings.Builder
	w := csv.NewWriter(&b)
	w.UseCRLF = true
	w.WriteAll(recs)
	path := filepath.Join(t.TempDir(), "x.csv")
	os.WriteFile(path, []byte(b.String()), 0o644)

	want, err := csv.NewReader(strings.NewReader(b.String())).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	src, err := openCSV(path, []byte(b.String()[:100]))
	if err != nil {
		t.Fatal(err)
	}
	defer src.Close()
	src.blockSize = 997 // many blocks, records cut at every possible place
	var got [][]string
	for {
		blk, line, err := src.NextBlock()
		if err != nil {
			break
		}
		_, r, rej := parseBlock(blk, line, src.sep, 4)
		if len(rej) > 0 {
			t.Fatalf("rejects: %+v", rej)
		}
		got = append(got, r...)
	}
	if len(got) != len(want) {
		t.Fatalf("%d records, want %d", len(got), len(want))
	}
	for i := range want {
		if !reflect.DeepEqual(got[i], want[i]) {
			t.Fatalf("record %d: %q, want %q", i, got[i], want[i])
		}
	}
}
