package main

import (
	"runtime"
	"strings"
	"testing"
)

// TestVersionStamp checks that the values scripts/release.sh links in (-X main.version,
// -X main.commit) are what "rapor version" prints.
func TestVersionStamp(t *testing.T) {
	oldV, oldC := version, commit
	t.Cleanup(func() { version, commit = oldV, oldC })
	for _, c := range []struct {
		version, commit string
		want            []string
	}{
		{"v1.4.0", "0123456789abcdef0123456789abcdef01234567", []string{"rapor v1.4.0 (commit 0123456789abcdef0123456789abcdef01234567, "}},
		{"v1.4.0-3-g0123456-dirty", "0123456789abcdef0123456789abcdef01234567-dirty", []string{"rapor v1.4.0-3-g0123456-dirty (commit 0123456789abcdef0123456789abcdef01234567-dirty, "}},
		{"", "", []string{"rapor ", "(commit "}},
	} {
		version, commit = c.version, c.commit
		code, out, errs := cli(t, "version")
		if code != exitOK {
			t.Fatalf("version %q: exit %d: %s", c.version, code, errs)
		}
		want := append(c.want, runtime.Version(), runtime.GOOS+"/"+runtime.GOARCH, "DuckDB v")
		for _, w := range want {
			if !strings.Contains(out, w) {
				t.Errorf("version %q commit %q: output %q lacks %q", c.version, c.commit, out, w)
			}
		}
		if strings.Count(out, "\n") != 1 || !strings.HasSuffix(out, ")\n") {
			t.Errorf("version output is not one line: %q", out)
		}
	}
}
