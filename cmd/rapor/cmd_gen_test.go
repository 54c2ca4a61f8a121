package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestParseEvery(t *testing.T) {
	for _, c := range []struct {
		in   string
		want time.Duration
		ok   bool
	}{
		{"7d", 7 * 24 * time.Hour, true},
		{"1d", 24 * time.Hour, true},
		{"12h", 12 * time.Hour, true},
		{"1d12h", 36 * time.Hour, true},
		{" 2d ", 48 * time.Hour, true},
		{"0d", 0, false},
		{"xd", 0, false},
		{"week", 0, false},
		{"", 0, false},
	} {
		got, err := parseEvery(c.in)
		if (err == nil) != c.ok || (c.ok && got != c.want) {
			t.Errorf("parseEvery(%q) = %v, %v; want %v (ok %v)", c.in, got, err, c.want, c.ok)
		}
	}
}

func TestGenRingkas(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "snaps")
	code, stdout, errs := cli(t, "--lang", "en", "gen", "--layout", "ringkas", "--snapshots", "3", "--every", "1d", "--rows", "40",
		"--out", dir, "--start", "2025-06-02", "--unknown-status")
	if code != exitOK || !strings.Contains(stdout, "3 Laporan Ringkas snapshots") {
		t.Fatalf("exit %d, stdout %q, stderr %q", code, stdout, errs)
	}
	for _, name := range []string{"ringkas-001-2025-06-02.xlsx", "ringkas-002-2025-06-03.xlsx", "ringkas-003-2025-06-04.xlsx", ".truth.csv", ".truth-snapshots.csv"} {
		if _, err := os.Stat(filepath.Join(dir, name)); err != nil {
			t.Error(err)
		}
	}
	for _, c := range []struct {
		args []string
		msg  string
	}{
		{[]string{"--every", "soon"}, "--every"},
		{[]string{"--start", "2025/06/02"}, "--start must be YYYY-MM-DD"},
		{[]string{"--variant", "19"}, "--variant 17, 20 or 26"},
		{[]string{"--snapshots", "0"}, "--snapshots must be at least 1"},
	} {
		args := append([]string{"--lang", "en", "gen", "--layout", "ringkas", "--out", t.TempDir()}, c.args...)
		if code, _, errs := cli(t, args...); code != exitUsage || !strings.Contains(errs, c.msg) {
			t.Errorf("rapor %v: exit %d, stderr %q lacks %q", args, code, errs, c.msg)
		}
	}
	if code, _, errs := cli(t, "gen", "--layout", "b", "--out", "x"); code != exitUsage || !strings.Contains(errs, "--layout harus a atau ringkas") {
		t.Errorf("--layout b: exit %d, %q", code, errs)
	}
}
