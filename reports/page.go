package reports

import (
	"bufio"
	"embed"
	"errors"
	"fmt"
	"html/template"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"time"

	"github.com/hsu-lapor/rapor/internal/regency"
)

//go:embed templates/*.html templates/*.css
var templateFiles embed.FS

var templates = template.Must(template.New("").Funcs(template.FuncMap{
	// Placeholders: each page binds its own language in a clone (see execute).
	"t":    func(string) string { return "" },
	"tf":   func(string, ...any) string { return "" },
	"add":  func(a, b int) int { return a + b },
	"list": func(xs ...chart) []chart { return xs },
}).ParseFS(templateFiles, "templates/*.html"))

// execute runs a page template with the language's functions and the inlined ECharts.
func execute(w io.Writer, name string, l lang, data any) error {
	tpl, err := templates.Clone()
	if err != nil {
		return err
	}
	tpl.Funcs(template.FuncMap{"t": l.t, "tf": l.tf})
	bw := bufio.NewWriterSize(w, 1<<20)
	if err := tpl.ExecuteTemplate(bw, name, data); err != nil {
		return err
	}
	return bw.Flush()
}

type kv struct{ K, V string }

type defItem struct{ Term, Text string }

type holidayRow struct{ Date, Weekday, Name, Kind string }

type qualityRow struct {
	Label, Count, Examples, Severity string
	Nonzero                          bool
}

// regencyTitle is the regency's name with its kind: "Kabupaten X" / "Kota X" (regency.Title).
func regencyTitle(l lang, name string) string {
	return regency.Title(name, l.code == "en")
}

func definitions(l lang, b Build) []defItem {
	cu := l.t("days")
	if b.CUnit == "working" {
		cu = l.t("wdays")
	}
	w := func(x float64) string { return l.num(x, 2) }
	z := func(x float64) string { return l.num(x, 0) }
	items := []struct {
		key  string
		args []any
	}{
		{"def_time", []any{b.Timezone}},
		{"def_cohort", nil},
		{"def_received", nil},
		{"def_ontime", []any{b.R, b.R}},
		{"def_resolved", []any{b.C, cu}},
		{"def_median", nil},
		{"def_rating", nil},
		{"def_open", []any{b.C, cu, b.R}},
		{"def_score", []any{w(b.WResponse), w(b.WCompletion), w(b.WOnTimeComplete), w(b.WSatisfaction)}},
		{"def_zone", []any{z(b.ZoneHijau), z(b.ZoneKuning), z(b.ZoneKuning)}},
		{"def_rank", []any{b.MinSample}},
		{"def_small", []any{b.MinSample}},
		{"def_maturing", []any{b.C, cu}},
		{"def_regency", []any{b.V}},
		{"def_invalid", nil},
		{"def_asof", nil},
	}
	var out []defItem
	for _, it := range items {
		out = append(out, defItem{Term: l.t(it.key + "_t"), Text: l.tf(it.key, it.args...)})
	}
	return out
}

// configRows is the configuration in force at the build.
func configRows(l lang, b Build) []kv {
	cu := l.t("days")
	if b.CUnit == "working" {
		cu = l.t("wdays")
	}
	w := func(x float64) string { return l.num(x, 2) }
	z := func(x float64) string { return l.num(x, 0) }
	master := l.t("cfg_master_0")
	if b.MasterAgencies > 0 {
		master = l.tf("cfg_master_v", b.MasterAgencies)
	}
	return []kv{
		{l.t("cfg_asof"), l.dateTime(b.AsOf)},
		{l.t("cfg_timezone"), b.Timezone},
		{l.t("cfg_v"), fmt.Sprintf("%d %s", b.V, l.t("wdays"))},
		{l.t("cfg_r"), fmt.Sprintf("%d %s", b.R, l.t("wdays"))},
		{l.t("cfg_c"), fmt.Sprintf("%d %s", b.C, cu)},
		{l.t("cfg_weights"), l.tf("cfg_weights_v", w(b.WResponse), w(b.WCompletion), w(b.WOnTimeComplete), w(b.WSatisfaction))},
		{l.t("cfg_zones"), l.tf("cfg_zones_v", z(b.ZoneHijau), z(b.ZoneKuning), z(b.ZoneKuning))},
		{l.t("cfg_min"), fmt.Sprint(b.MinSample)},
		{l.t("cfg_master"), master},
		{l.t("cfg_version"), "rapor " + b.RaporVersion + " · " + b.DuckDBVersion},
	}
}

func holidayNote(l lang, b Build) string {
	note := l.t("holidays_source")
	if b.HolidaysFile != "" {
		if b.HolidaysReplace {
			note = l.tf("holidays_only_file", b.HolidaysFile)
		} else {
			note += " " + l.tf("holidays_file", b.HolidaysFile)
		}
	}
	return note
}

func holidayRows(l lang, hs []Holiday) []holidayRow {
	var out []holidayRow
	for _, h := range hs {
		kind := h.Kind
		if hasText("kind_" + kind) {
			kind = l.t("kind_" + kind)
		}
		out = append(out, holidayRow{Date: l.dateShort(h.Date), Weekday: l.weekday(h.Date), Name: h.Name, Kind: kind})
	}
	return out
}

func qualityRows(l lang, checks []QualityCheck) []qualityRow {
	var out []qualityRow
	for _, c := range checks {
		r := qualityRow{Label: l.checkLabel(c.Check), Severity: l.t("sev_" + c.Severity), Examples: strings.Join(c.Examples, ", ")}
		if c.Count == nil {
			r.Count = l.t("not_checked")
		} else {
			r.Count = l.int(*c.Count)
			r.Nonzero = *c.Count > 0
		}
		out = append(out, r)
	}
	return out
}

func shortUnit(l lang, unit string) string {
	if unit == "working" {
		return l.t("wd_abbr")
	}
	return l.t("days")
}

// Result names the files written.
type Result struct {
	Regency  string
	HTML     string
	XLSX     string
	Warnings []string
}

var monthRE = regexp.MustCompile(`^(\d{4})-(\d{2})$`)

// parseMonth reads YYYY-MM.
func parseMonth(l lang, s string) (time.Time, error) {
	if !monthRE.MatchString(s) {
		return time.Time{}, errors.New(l.tf("err_month_format", s))
	}
	t, err := time.Parse("2006-01", s)
	if err != nil {
		return time.Time{}, errors.New(l.tf("err_month_format", s))
	}
	return t, nil
}

// writeFile writes through a temporary file and renames it, so a failed run leaves no half file.
// Temporary files a killed run left behind (older than staleTemp) are removed first.
func writeFile(path string, write func(w io.Writer) error) (err error) {
	removeStaleTemps(path, time.Now().Add(-staleTemp))
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(f.Name())
		}
	}()
	if err := write(f); err != nil {
		return fmt.Errorf("%s: %w", filepath.Base(path), err)
	}
	if err := f.Close(); err != nil {
		return err
	}
	if err := os.Chmod(f.Name(), 0o644); err != nil {
		return err
	}
	return os.Rename(f.Name(), path)
}

// staleTemp is the age after which a temporary report file is a leftover, not a run in progress.
const staleTemp = 10 * time.Minute

// removeStaleTemps deletes the temporary files of path (".NAME.*", as writeFile makes them)
// last written before cutoff: what a run killed mid-write (kill -9, power cut) left behind.
func removeStaleTemps(path string, cutoff time.Time) {
	matches, _ := filepath.Glob(filepath.Join(filepath.Dir(path), "."+filepath.Base(path)+".*"))
	for _, m := range matches {
		if st, err := os.Stat(m); err == nil && st.Mode().IsRegular() && st.ModTime().Before(cutoff) {
			os.Remove(m)
		}
	}
}

// pageCSS is the reports' style sheet with the printed pages numbered in the language
// ("hal. 3 dari 23"): CSS margin boxes, which Chromium prints.
func pageCSS(l lang, css []byte) string {
	label := strings.ReplaceAll(l.t("page_n_of"), `"`, "")
	before, after, _ := strings.Cut(label, "%d")
	mid, end, _ := strings.Cut(after, "%d")
	content := fmt.Sprintf(`"%s" counter(page) "%s" counter(pages) "%s"`, before, mid, end)
	box := "@bottom-right { content: " + content + "; font: 9px 'Segoe UI', 'Noto Sans', 'DejaVu Sans', Arial, sans-serif; color: #5b6675; }"
	return string(css) + "\n@page { " + box + " }\n@page wide { " + box + " }\n"
}
