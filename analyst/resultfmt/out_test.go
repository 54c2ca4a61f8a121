package resultfmt

import (
	"strings"
	"testing"

	"github.com/hsu-lapor/rapor/internal/msg"
)

func TestForOut(t *testing.T) {
	msg.SetLang(msg.EN)
	defer msg.SetLang(msg.ID)
	cases := []struct {
		format   string
		explicit bool
		out      string
		want     string // format, or the error's text
		err      bool
	}{
		{"table", false, "", "table", false},
		{"csv", true, "", "csv", false},
		{"table", false, "x.xlsx", "xlsx", false},
		{"table", false, "b.csv", "csv", false},
		{"table", false, "B.CSV", "csv", false},
		{"table", false, "r.json", "json", false},
		{"table", false, "dir.v2/r.parquet", "parquet", false},
		{"table", false, "r.txt", "table", false},
		{"xlsx", true, "x.xlsx", "xlsx", false},
		{"table", true, "r.txt", "table", false},
		{"psql", true, "r.txt", "psql", false},
		{"csv", true, "x.xlsx", "contradicts --out x.xlsx (that file is xlsx)", true},
		{"table", true, "b.csv", "contradicts --out b.csv (that file is csv)", true},
		{"parquet", true, "r.json", "contradicts", true},
		{"table", false, "answers", "names no format", true},
		{"table", false, "r.tsv", "names no format", true},
		{"csv", true, "r.tsv", "csv", false},
		{"table", false, "old.xls", "use .xlsx", true},
	}
	for _, c := range cases {
		got, err := ForOut(c.format, c.explicit, c.out)
		switch {
		case c.err && (err == nil || !strings.Contains(err.Error(), c.want)):
			t.Errorf("ForOut(%q, %v, %q) = %q, %v; want an error saying %q", c.format, c.explicit, c.out, got, err, c.want)
		case !c.err && (err != nil || got != c.want):
			t.Errorf("ForOut(%q, %v, %q) = %q, %v; want %q", c.format, c.explicit, c.out, got, err, c.want)
		}
	}
}
