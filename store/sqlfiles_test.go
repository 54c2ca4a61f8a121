package store

import (
	"strings"
	"testing"
	"testing/fstest"
)

func TestSQLDir(t *testing.T) {
	q := SQLDir(fstest.MapFS{"sql/one.sql": {Data: []byte("-- one\nSELECT 1\n")}}, "sql")
	if got := q("one"); !strings.HasSuffix(got, "SELECT 1\n") {
		t.Errorf("one: %q", got)
	}
	defer func() {
		if recover() == nil {
			t.Error("a missing file did not panic")
		}
	}()
	q("two")
}
