package reports

import (
	"io"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// A run killed mid-write leaves ".rapor-2025-10.html.NNN"; the next run removes it, but never
// the temporary file of a run that may still be writing.
func TestWriteFileRemovesLeftovers(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "rapor-2025-10.html")
	old := filepath.Join(dir, ".rapor-2025-10.html.123")
	fresh := filepath.Join(dir, ".rapor-2025-10.html.456")
	other := filepath.Join(dir, ".rapor-2025-09.html.789")
	for _, p := range []string{old, fresh, other} {
		if err := os.WriteFile(p, []byte("half"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	hourAgo := time.Now().Add(-time.Hour)
	os.Chtimes(old, hourAgo, hourAgo)
	os.Chtimes(other, hourAgo, hourAgo)
	if err := writeFile(path, func(w io.Writer) error { _, err := io.WriteString(w, "page"); return err }); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(path); string(b) != "page" {
		t.Errorf("report: %q", b)
	}
	if _, err := os.Stat(old); !os.IsNotExist(err) {
		t.Errorf("the leftover of a killed run is still there: %v", err)
	}
	for _, p := range []string{fresh, other} {
		if _, err := os.Stat(p); err != nil {
			t.Errorf("%s was removed: %v", filepath.Base(p), err)
		}
	}
}
