package config

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/hsu-lapor/rapor/internal/msg"
)

func TestDefaults(t *testing.T) {
	c, err := Parse(nil)
	if err != nil {
		t.Fatal(err)
	}
	if c.Timezone != "Asia/Makassar" || c.SourceTimezone != "Asia/Jakarta" || c.SLA.VerificationWorkingDays != 3 ||
		c.SLA.ResponseWorkingDays != 5 || c.SLA.CompletionDays != 60 || c.SLA.CompletionUnit != "calendar" ||
		c.Weights.OnTimeResponseRate != 0.35 || c.Weights.CompletionRate != 0.25 || c.Weights.OnTimeCompletionRate != 0.25 ||
		c.Weights.Satisfaction != 0.15 || c.Zones.Hijau != 81 || c.Zones.Kuning != 51 || c.MinSample != 5 || c.Lang != "id" {
		t.Errorf("defaults differ from the spec: %+v", c)
	}
}

func TestParse(t *testing.T) {
	c, err := Parse([]byte("sla:\n  response_working_days: 3\nagencies:\n  - name: Dinas Kesehatan\n    aliases: [Dinkes]\n"))
	if err != nil {
		t.Fatal(err)
	}
	// A partial section keeps the other defaults of that section.
	if c.SLA.ResponseWorkingDays != 3 || c.SLA.CompletionDays != 60 || len(c.Agencies) != 1 || c.Agencies[0].Aliases[0] != "Dinkes" {
		t.Errorf("%+v", c)
	}
	// The messages are in the language of the command line (English here; Indonesian below).
	defer msg.SetLang(msg.Current())
	msg.SetLang(msg.EN)
	for _, bad := range []struct{ yaml, want string }{
		{"timezon: Asia/Makassar", "unknown key timezon (line 1)"},
		{"sla:\n  response_days: 5", "unknown key sla.response_days (line 2)"},
		{"sla:\n  response_working_days: lima", `sla.response_working_days (line 2): must be a whole number, got "lima"`},
		{"sla:\n  response_working_days: -1", "sla.response_working_days: must be 0 or more"},
		{"sla:\n  completion_unit: months", `sla.completion_unit: must be calendar or working, got "months"`},
		{"timezone: Asia/Banjarmasin", `timezone: unknown time zone "Asia/Banjarmasin"`},
		{"weights:\n  satisfaction: x", "weights.satisfaction (line 2): must be a number"},
		{"weights: {on_time_response_rate: 0, completion_rate: 0, on_time_completion_rate: 0, satisfaction: 0}", "weights: at least one weight"},
		{"zones:\n  kuning: 90", "zones.kuning: must be between 0 and zones.hijau"},
		{"min_sample: 0", "min_sample: must be 1 or more"},
		{"agencies:\n  - name: A\n    aliases: [B]\n  - name: b", `"b" is also a name or alias of "A"`},
		{"agencies:\n  - nama: A", "unknown key agencies[0].nama (line 2)"},
		{"holidays_replace: true", "holidays_replace: needs holidays_file"},
		{"lang: fr", `lang: must be id or en, got "fr"`},
		{"plausible_dates:\n  from: 1 Jan 2000", `plausible_dates.from: must be a date written YYYY-MM-DD, got "1 Jan 2000"`},
		{"plausible_dates:\n  from: 2999-01-01", "plausible_dates.from: must not be in the future"},
		{"plausible_dates:\n  to: 2030-01-01", "unknown key plausible_dates.to (line 2)"},
		{"mappings: x.yaml", "mappings (line 1): must be a list"},
		{"- a\n- b", "expected a mapping of keys"},
	} {
		_, err := Parse([]byte(bad.yaml))
		if err == nil || !strings.Contains(err.Error(), bad.want) {
			t.Errorf("%q: got %v, want an error containing %q", bad.yaml, err, bad.want)
		}
	}
	msg.SetLang(msg.ID)
	for _, bad := range []struct{ yaml, want string }{
		{"timezon: Asia/Makassar", "kunci timezon tidak dikenal (baris 1)"},
		{"sla:\n  response_working_days: lima", `sla.response_working_days (baris 2): harus bilangan bulat, bukan "lima"`},
		{"min_sample: 0", "min_sample: harus 1 atau lebih, bukan 0"},
		{"lang: fr", `lang: harus id atau en, bukan "fr"`},
		{"- a\n- b", "berkas ini (baris 1): seharusnya pemetaan kunci"},
	} {
		_, err := Parse([]byte(bad.yaml))
		if err == nil || !strings.Contains(err.Error(), bad.want) {
			t.Errorf("%q: got %v, want an error containing %q", bad.yaml, err, bad.want)
		}
	}
}

func TestPlausibleDates(t *testing.T) {
	c, _ := Parse(nil)
	if got := c.PlausibleFrom(); got.Format(time.RFC3339) != "2000-01-01T00:00:00+07:00" {
		t.Errorf("default plausible_dates.from: %v", got)
	}
	c, err := Parse([]byte("source_timezone: Asia/Makassar\nplausible_dates:\n  from: 2015-06-01\n"))
	if err != nil {
		t.Fatal(err)
	}
	if got := c.PlausibleFrom(); got.Format(time.RFC3339) != "2015-06-01T00:00:00+08:00" {
		t.Errorf("plausible_dates.from 2015-06-01 in Makassar: %v", got)
	}
}

func TestLoad(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "rapor.yaml")
	os.WriteFile(p, []byte("holidays_file: libur.csv\nsecret_file: /abs/key\nmappings: [m.yaml]\n"), 0o644)
	c, err := Load(p)
	if err != nil {
		t.Fatal(err)
	}
	if c.HolidaysFile != filepath.Join(dir, "libur.csv") || c.SecretFile != "/abs/key" || c.Mappings[0] != filepath.Join(dir, "m.yaml") || c.Path != p {
		t.Errorf("paths not resolved against the file's directory: %+v", c)
	}
	if _, err := Load(filepath.Join(dir, "missing.yaml")); err == nil {
		t.Error("an explicit missing file must be an error")
	}
	// Without --config and without ./rapor.yaml: the defaults.
	wd, _ := os.Getwd()
	defer os.Chdir(wd)
	os.Chdir(t.TempDir())
	if c, err := Load(""); err != nil || c.Path != "" || c.MinSample != 5 {
		t.Errorf("defaults: %+v %v", c, err)
	}
	out, err := Default().YAML()
	if err != nil || !strings.Contains(string(out), "response_working_days: 5") || !strings.Contains(string(out), "timezone: Asia/Makassar") {
		t.Errorf("YAML: %s %v", out, err)
	}
}

func TestMemoryLimit(t *testing.T) {
	for _, c := range []struct {
		v  string
		ok bool
	}{{"1536MB", true}, {"2GB", true}, {"1.5 GiB", true}, {"", false}, {"lots", false}, {"2", false}, {"2TB", false}} {
		cfg := Default()
		cfg.MemoryLimit = c.v
		err := cfg.Validate()
		if (err == nil) != c.ok {
			t.Errorf("memory_limit %q: %v", c.v, err)
		}
		if err != nil && !strings.Contains(err.Error(), "memory_limit") {
			t.Errorf("memory_limit %q: the error does not name the key: %v", c.v, err)
		}
	}
}

func TestWarningsAndRepeats(t *testing.T) {
	defer msg.SetLang(msg.Current())
	msg.SetLang(msg.EN)
	c, err := Parse([]byte("warnings:\n  volume_z: 5\nrepeats:\n  window_days: 30\nagencies:\n  - name: UPT Puskesmas Amuntai\n    parent: Dinas Kesehatan\n"))
	if err != nil {
		t.Fatal(err)
	}
	// A partial section keeps the other defaults of that section.
	if c.Warnings.VolumeZ != 5 || c.Warnings.MonthsRunning != 3 || c.Warnings.HistoryMonths != 12 ||
		c.Repeats.WindowDays != 30 || c.Repeats.TitleSimilarity != 0.9 || c.Agencies[0].Parent != "Dinas Kesehatan" {
		t.Errorf("%+v %+v %+v", c.Warnings, c.Repeats, c.Agencies)
	}
	out, err := c.YAML()
	if err != nil || !strings.Contains(string(out), "volume_z: 5") || !strings.Contains(string(out), "title_similarity: 0.9") ||
		!strings.Contains(string(out), "parent: Dinas Kesehatan") {
		t.Errorf("rapor config must print the thresholds: %s %v", out, err)
	}
	for _, bad := range []struct{ yaml, want string }{
		{"warnings:\n  months_running: 1", "warnings.months_running: must be 2 or more"},
		{"warnings:\n  response_drop: 10", "warnings.response_drop: must be above 0 and at most 1"},
		{"warnings:\n  response_drop: 0", "warnings.response_drop: must be above 0"},
		{"warnings:\n  overdue_growth: -0.1", "warnings.overdue_growth: must be 0 or more"},
		{"warnings:\n  overdue_min_increase: 0", "warnings.overdue_min_increase: must be 1 or more"},
		{"warnings:\n  expired_factor: 0.5", "warnings.expired_factor: must be 1 or more"},
		{"warnings:\n  volume_z: 0", "warnings.volume_z: must be above 0"},
		{"warnings:\n  min_history: 13", "warnings.min_history: must be between 3 and warnings.history_months (12)"},
		{"warnings:\n  volume_zz: 3", "unknown key warnings.volume_zz (line 2)"},
		{"repeats:\n  window_days: 0", "repeats.window_days: must be 1 or more"},
		{"repeats:\n  title_similarity: 1.5", "repeats.title_similarity: must be above 0 and at most 1"},
		{"agencies:\n  - name: A\n    parent: a", `agencies[0].parent: must not be the agency itself ("A")`},
	} {
		_, err := Parse([]byte(bad.yaml))
		if err == nil || !strings.Contains(err.Error(), bad.want) {
			t.Errorf("%q: got %v, want an error containing %q", bad.yaml, err, bad.want)
		}
	}
}

func TestReportLevels(t *testing.T) {
	for _, c := range []struct {
		v  []string
		ok bool
	}{{[]string{"agency"}, true}, {[]string{"agency", "parent"}, true}, {[]string{"parent"}, true}, {nil, false}, {[]string{"induk"}, false}} {
		cfg := Default()
		cfg.ReportLevels = c.v
		err := cfg.Validate()
		if (err == nil) != c.ok || err != nil && !strings.Contains(err.Error(), "report_levels") {
			t.Errorf("report_levels %q: %v", c.v, err)
		}
	}
	path := filepath.Join(t.TempDir(), "rapor.yaml")
	if err := os.WriteFile(path, []byte("report_levels: [parent]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	cfg, err := Load(path)
	if err != nil || strings.Join(cfg.ReportLevels, ",") != "parent" {
		t.Errorf("report_levels from a file: %q, %v", cfg.ReportLevels, err)
	}
}
