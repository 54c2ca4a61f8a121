// Package config reads rapor.yaml. Every key is optional; defaults come from the spec
// (docs/metrics.md). Unknown keys and bad values are errors that name the key.
package config

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"time"
	_ "time/tzdata" // time zones must resolve on machines without a zoneinfo database

	"go.yaml.in/yaml/v3"

	"github.com/hsu-lapor/rapor/internal/msg"
)

// Config is the effective configuration.
type Config struct {
	// Timezone is the local zone in which dates, months and working days are taken.
	Timezone string `yaml:"timezone"`
	// SourceTimezone is the zone of export timestamps that carry no offset.
	SourceTimezone string `yaml:"source_timezone"`
	// Regency names the regency whose exports are ingested (a mapping may read it per row instead).
	Regency string  `yaml:"regency"`
	SLA     SLA     `yaml:"sla"`
	Weights Weights `yaml:"weights"`
	Zones   Zones   `yaml:"zones"`
	// MinSample is the number of complaints below which a rate is marked and an agency not ranked.
	MinSample int `yaml:"min_sample"`
	// Agencies is the master list: canonical names with the spellings that mean them.
	Agencies []Agency `yaml:"agencies"`
	// HolidaysFile is a CSV (date,name) of extra non-working days.
	HolidaysFile string `yaml:"holidays_file"`
	// HolidaysReplace makes HolidaysFile the only holiday list.
	HolidaysReplace bool `yaml:"holidays_replace"`
	// Mappings are YAML files that add export layouts or header spellings.
	Mappings []string `yaml:"mappings"`
	// SecretFile holds the per-installation key for reporter pseudonyms. It must live outside
	// the database so that a copied database cannot be re-identified.
	SecretFile string `yaml:"secret_file"`
	// Lang is the language of reports and data messages: id (default) or en.
	Lang string `yaml:"lang"`
	// MemoryLimit caps DuckDB's memory (default "1GB"; rapor's own Go memory has a soft limit of
	// 512 MiB beside it, see cmd/rapor main); beyond it DuckDB spills to its temp
	// directory beside the database (<db>.tmp). An office PC shares its 8 GB with everything
	// else: without a cap DuckDB takes up to 80% of RAM.
	MemoryLimit string `yaml:"memory_limit"`
	// Warnings are the thresholds of the early warnings (the warnings table).
	Warnings Warnings `yaml:"warnings"`
	// Repeats say when a complaint repeats an earlier one whose closure did not solve it.
	Repeats Repeats `yaml:"repeats"`
	// PlausibleDates bounds the timestamps ingest accepts: from this date (in the source time
	// zone) to the ingest's own time plus a day. Outside it a submission date rejects its row,
	// another timestamp is dropped with a note in rejects (Excel's zero date 1899-12-30 and
	// typed years such as 1900 would otherwise stretch every table back a century).
	PlausibleDates PlausibleDates `yaml:"plausible_dates"`
	// ReportLevels are the levels rapor run (and the demo) writes the month's reports at: agency
	// (the SKPD, default) and/or parent (parent units: UPTs summed into their Dinas, files
	// rapor-YYYY-MM-induk.*). rapor report chooses with --level.
	ReportLevels []string `yaml:"report_levels"`

	// Path is the file the configuration was read from ("" for defaults only).
	Path string `yaml:"-"`
}

// SLA holds the service levels.
type SLA struct {
	VerificationWorkingDays int    `yaml:"verification_working_days"`
	ResponseWorkingDays     int    `yaml:"response_working_days"`
	CompletionDays          int    `yaml:"completion_days"`
	CompletionUnit          string `yaml:"completion_unit"` // calendar | working
	// AutoCloseWorkingDays: LAPOR! closes a report by itself this many working days after the
	// agency's follow-up when the reporter does not answer; it bounds follow-ups seen in snapshots.
	AutoCloseWorkingDays int `yaml:"auto_close_working_days"`
}

// Weights of the score components.
type Weights struct {
	OnTimeResponseRate   float64 `yaml:"on_time_response_rate"`
	CompletionRate       float64 `yaml:"completion_rate"`
	OnTimeCompletionRate float64 `yaml:"on_time_completion_rate"`
	Satisfaction         float64 `yaml:"satisfaction"`
}

// Zones are the lower score bounds of the green and yellow zones; below yellow is red.
type Zones struct {
	Hijau  float64 `yaml:"hijau"`
	Kuning float64 `yaml:"kuning"`
}

// Agency is one SKPD of the master list.
type Agency struct {
	Name    string   `yaml:"name"`
	Aliases []string `yaml:"aliases,omitempty"`
	// Parent is the unit it belongs to (a UPT's Dinas, a kelurahan's kecamatan) for the roll-up
	// to parents; it overrides the exports' Instansi Induk.
	Parent string `yaml:"parent,omitempty"`
}

// Warnings are the thresholds of the early warnings. A warning only ever rests on mature months
// (complete, and at least C after their end: agency_month.maturing is false). README, "Early
// warnings", says why these defaults.
type Warnings struct {
	// MonthsRunning is how many consecutive mature months a rate must fall, or a stock grow.
	MonthsRunning int `yaml:"months_running"`
	// MinReceived: months with fewer complaints received do not count for the response slide.
	MinReceived int `yaml:"min_received"`
	// ResponseDrop is the least fall of the on-time response rate over the run (0.10 = 10 points).
	ResponseDrop float64 `yaml:"response_drop"`
	// ResponseZ: and the fall is beyond sampling noise: the two-proportion z-score of the
	// first and the last month of the run is at least this.
	ResponseZ float64 `yaml:"response_z"`
	// OverdueGrowth and OverdueMinIncrease: the overdue stock grew faster than usual (its median
	// monthly change) in every month of the run, and beyond the usual by at least this share of
	// the stock at the start and this many complaints.
	OverdueGrowth      float64 `yaml:"overdue_growth"`
	OverdueMinIncrease int     `yaml:"overdue_min_increase"`
	// BacklogGrowth and BacklogMinIncrease: the same for the regency admin's verification backlog
	// (complaints neither disposed nor archived at the month's end).
	BacklogGrowth      float64 `yaml:"backlog_growth"`
	BacklogMinIncrease int     `yaml:"backlog_min_increase"`
	// ExpiredFactor and ExpiredMinIncrease: a month's complaints archived as expired are at least
	// this multiple of, and this many more than, the median of the months before it.
	ExpiredFactor      float64 `yaml:"expired_factor"`
	ExpiredMinIncrease int     `yaml:"expired_min_increase"`
	// VolumeZ is the robust z-score beyond which a month's volume is far outside the SKPD's
	// range: its distance from the expected number (the median share of the regency's month over
	// the previous HistoryMonths months) over 1.4826 MAD, at least a count's noise (warnings.sql).
	VolumeZ float64 `yaml:"volume_z"`
	// VolumeMinChange: and |received - median| is at least this many complaints.
	VolumeMinChange int `yaml:"volume_min_change"`
	// HistoryMonths is the window of the median and MAD (volume, expired); MinHistory the fewest
	// months with data in it for a month to be judged.
	HistoryMonths int `yaml:"history_months"`
	MinHistory    int `yaml:"min_history"`
}

// Repeats say when a complaint repeats an earlier one: the earlier was closed at most WindowDays
// before the new one was submitted, and either has the same reporter (pseudonym) and SKPD, or
// the same kecamatan and category and a title at least TitleSimilarity similar
// (jaro_winkler_similarity of the normalised titles).
type Repeats struct {
	WindowDays      int     `yaml:"window_days"`
	TitleSimilarity float64 `yaml:"title_similarity"`
}

// PlausibleDates is the plausible_dates section.
type PlausibleDates struct {
	From Date `yaml:"from"` // YYYY-MM-DD
}

// Date is a date as written in the file: YAML would read 2000-01-01 as a timestamp.
type Date string

func (d *Date) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind != yaml.ScalarNode {
		return fmt.Errorf("must be a date written YYYY-MM-DD")
	}
	*d = Date(n.Value)
	return nil
}

// Default returns the spec's defaults.
func Default() Config {
	return Config{
		Timezone:       "Asia/Makassar",
		SourceTimezone: "Asia/Jakarta",
		Regency:        "Hulu Sungai Utara",
		SLA: SLA{
			VerificationWorkingDays: 3,
			ResponseWorkingDays:     5,
			CompletionDays:          60,
			CompletionUnit:          "calendar",
			AutoCloseWorkingDays:    10,
		},
		Warnings: Warnings{
			MonthsRunning: 3, MinReceived: 20, ResponseDrop: 0.10, ResponseZ: 3,
			OverdueGrowth: 0.5, OverdueMinIncrease: 10,
			BacklogGrowth: 0.5, BacklogMinIncrease: 10,
			ExpiredFactor: 2, ExpiredMinIncrease: 5,
			VolumeZ: 3.5, VolumeMinChange: 10,
			HistoryMonths: 12, MinHistory: 6,
		},
		Repeats:        Repeats{WindowDays: 90, TitleSimilarity: 0.9},
		Weights:        Weights{OnTimeResponseRate: 0.35, CompletionRate: 0.25, OnTimeCompletionRate: 0.25, Satisfaction: 0.15},
		Zones:          Zones{Hijau: 81, Kuning: 51},
		MinSample:      5,
		Lang:           "id",
		MemoryLimit:    "1GB",
		PlausibleDates: PlausibleDates{From: "2000-01-01"},
		ReportLevels:   []string{"agency"},
	}
}

// DefaultPath is the configuration read when --config is not given, if it exists.
const DefaultPath = "rapor.yaml"

// Load reads path over the defaults. If path is "" it reads DefaultPath when that exists.
func Load(path string) (Config, error) {
	explicit := path != ""
	if !explicit {
		path = DefaultPath
	}
	b, err := os.ReadFile(path)
	if err != nil {
		if !explicit && errors.Is(err, os.ErrNotExist) {
			c := Default()
			return c, c.Validate()
		}
		return Config{}, fmt.Errorf("config: %w", err)
	}
	c, err := Parse(b)
	if err != nil {
		return Config{}, fmt.Errorf("config %s: %w", path, err)
	}
	c.Path = path
	c.resolvePaths(filepath.Dir(path))
	return c, nil
}

// Parse reads YAML text over the defaults and validates the result.
func Parse(b []byte) (Config, error) {
	c := Default()
	if len(bytes.TrimSpace(b)) == 0 {
		return c, c.Validate()
	}
	var root yaml.Node
	if err := yaml.Unmarshal(b, &root); err != nil {
		return Config{}, err
	}
	if err := checkKeys(&root, reflect.TypeOf(c), ""); err != nil {
		return Config{}, err
	}
	if err := root.Decode(&c); err != nil {
		return Config{}, explainDecode(err)
	}
	return c, c.Validate()
}

// resolvePaths makes file keys relative to the configuration file's directory.
func (c *Config) resolvePaths(dir string) {
	rel := func(p string) string {
		if p == "" || filepath.IsAbs(p) {
			return p
		}
		return filepath.Join(dir, p)
	}
	c.HolidaysFile = rel(c.HolidaysFile)
	c.SecretFile = rel(c.SecretFile)
	for i, m := range c.Mappings {
		c.Mappings[i] = rel(m)
	}
}

// Validate checks every value and names the key of the first bad one.
func (c Config) Validate() error {
	var errs []error
	bad := func(key, format string, args ...any) {
		errs = append(errs, fmt.Errorf("%s: %s", key, msg.T(format, args...)))
	}
	if !validMemory(c.MemoryLimit) {
		bad("memory_limit", "cfg_memory", c.MemoryLimit)
	}
	if len(c.ReportLevels) == 0 {
		bad("report_levels", "cfg_empty")
	}
	for _, lv := range c.ReportLevels {
		if lv != "agency" && lv != "parent" {
			bad("report_levels", "cfg_level", lv)
		}
	}
	for key, tz := range map[string]string{"timezone": c.Timezone, "source_timezone": c.SourceTimezone} {
		if _, err := time.LoadLocation(tz); err != nil || tz == "" {
			bad(key, "cfg_time_zone", tz)
		}
	}
	if strings.TrimSpace(c.Regency) == "" {
		bad("regency", "cfg_empty")
	}
	if c.SLA.VerificationWorkingDays < 0 {
		bad("sla.verification_working_days", "cfg_at_least", 0, c.SLA.VerificationWorkingDays)
	}
	if c.SLA.ResponseWorkingDays < 0 {
		bad("sla.response_working_days", "cfg_at_least", 0, c.SLA.ResponseWorkingDays)
	}
	if c.SLA.CompletionDays < 0 {
		bad("sla.completion_days", "cfg_at_least", 0, c.SLA.CompletionDays)
	}
	if c.SLA.AutoCloseWorkingDays < 1 {
		bad("sla.auto_close_working_days", "cfg_at_least", 1, c.SLA.AutoCloseWorkingDays)
	}
	if c.SLA.CompletionUnit != "calendar" && c.SLA.CompletionUnit != "working" {
		bad("sla.completion_unit", "cfg_unit", c.SLA.CompletionUnit)
	}
	w := c.Weights
	for key, v := range map[string]float64{
		"weights.on_time_response_rate":   w.OnTimeResponseRate,
		"weights.completion_rate":         w.CompletionRate,
		"weights.on_time_completion_rate": w.OnTimeCompletionRate,
		"weights.satisfaction":            w.Satisfaction,
	} {
		if v < 0 {
			bad(key, "cfg_at_least", 0, v)
		}
	}
	if w.OnTimeResponseRate+w.CompletionRate+w.OnTimeCompletionRate+w.Satisfaction <= 0 {
		bad("weights", "cfg_no_weight")
	}
	if c.Zones.Hijau < 0 || c.Zones.Hijau > 100 {
		bad("zones.hijau", "cfg_hijau", c.Zones.Hijau)
	}
	if c.Zones.Kuning < 0 || c.Zones.Kuning > c.Zones.Hijau {
		bad("zones.kuning", "cfg_kuning", c.Zones.Hijau, c.Zones.Kuning)
	}
	if c.MinSample < 1 {
		bad("min_sample", "cfg_at_least", 1, c.MinSample)
	}
	seen := map[string]string{}
	for i, a := range c.Agencies {
		key := fmt.Sprintf("agencies[%d]", i)
		if FoldName(a.Name) == "" {
			bad(key+".name", "cfg_empty")
			continue
		}
		for _, n := range append([]string{a.Name}, a.Aliases...) {
			f := FoldName(n)
			if prev, ok := seen[f]; ok && prev != a.Name {
				bad(key, "cfg_alias", n, prev)
			}
			seen[f] = a.Name
		}
	}
	for i, a := range c.Agencies {
		if a.Parent != "" && FoldName(a.Parent) == FoldName(a.Name) {
			bad(fmt.Sprintf("agencies[%d].parent", i), "cfg_parent_self", a.Name)
		}
	}
	c.Warnings.validate(bad)
	if c.Repeats.WindowDays < 1 {
		bad("repeats.window_days", "cfg_at_least", 1, c.Repeats.WindowDays)
	}
	if c.Repeats.TitleSimilarity <= 0 || c.Repeats.TitleSimilarity > 1 {
		bad("repeats.title_similarity", "cfg_share", c.Repeats.TitleSimilarity)
	}
	if c.HolidaysReplace && c.HolidaysFile == "" {
		bad("holidays_replace", "cfg_needs_holidays")
	}
	if c.Lang != "id" && c.Lang != "en" {
		bad("lang", "cfg_lang", c.Lang)
	}
	if from, err := time.Parse("2006-01-02", string(c.PlausibleDates.From)); err != nil {
		bad("plausible_dates.from", "cfg_date", string(c.PlausibleDates.From))
	} else if from.After(time.Now()) {
		bad("plausible_dates.from", "cfg_not_future", string(c.PlausibleDates.From))
	}
	sort.Slice(errs, func(i, j int) bool { return errs[i].Error() < errs[j].Error() })
	return errors.Join(errs...)
}

func (w Warnings) validate(bad func(key, format string, args ...any)) {
	if w.MonthsRunning < 2 {
		bad("warnings.months_running", "cfg_at_least", 2, w.MonthsRunning)
	}
	for key, v := range map[string]int{
		"warnings.min_received":         w.MinReceived,
		"warnings.overdue_min_increase": w.OverdueMinIncrease,
		"warnings.backlog_min_increase": w.BacklogMinIncrease,
		"warnings.expired_min_increase": w.ExpiredMinIncrease,
		"warnings.volume_min_change":    w.VolumeMinChange,
	} {
		if v < 1 {
			bad(key, "cfg_at_least", 1, v)
		}
	}
	if w.ResponseDrop <= 0 || w.ResponseDrop > 1 {
		bad("warnings.response_drop", "cfg_share", w.ResponseDrop)
	}
	for key, v := range map[string]float64{"warnings.overdue_growth": w.OverdueGrowth, "warnings.backlog_growth": w.BacklogGrowth} {
		if v < 0 {
			bad(key, "cfg_at_least", 0, v)
		}
	}
	if w.ResponseZ < 0 {
		bad("warnings.response_z", "cfg_at_least", 0, w.ResponseZ)
	}
	if w.ExpiredFactor < 1 {
		bad("warnings.expired_factor", "cfg_at_least", 1, w.ExpiredFactor)
	}
	if w.VolumeZ <= 0 {
		bad("warnings.volume_z", "cfg_above_zero", w.VolumeZ)
	}
	if w.HistoryMonths < 3 {
		bad("warnings.history_months", "cfg_at_least", 3, w.HistoryMonths)
	}
	if w.MinHistory < 3 || w.MinHistory > w.HistoryMonths {
		bad("warnings.min_history", "cfg_min_history", w.HistoryMonths, w.MinHistory)
	}
}

// FoldName is how agency names are compared: trimmed, inner spaces folded, case ignored.
func FoldName(s string) string {
	return strings.ToLower(strings.Join(strings.Fields(s), " "))
}

// Location returns the local time zone.
func (c Config) Location() *time.Location {
	l, err := time.LoadLocation(c.Timezone)
	if err != nil {
		return time.UTC
	}
	return l
}

// SourceLocation returns the zone of naive export timestamps.
// PlausibleFrom is the first plausible instant: plausible_dates.from at midnight in the
// source time zone.
func (c Config) PlausibleFrom() time.Time {
	t, err := time.ParseInLocation("2006-01-02", string(c.PlausibleDates.From), c.SourceLocation())
	if err != nil {
		return time.Time{}
	}
	return t
}

func (c Config) SourceLocation() *time.Location {
	l, err := time.LoadLocation(c.SourceTimezone)
	if err != nil {
		return time.UTC
	}
	return l
}

// YAML renders the effective configuration.
func (c Config) YAML() ([]byte, error) {
	var buf bytes.Buffer
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(c); err != nil {
		return nil, err
	}
	return buf.Bytes(), enc.Close()
}

// checkKeys walks the YAML mapping against the struct's yaml tags so that a misspelt key is
// reported with its full path and line instead of being ignored.
func checkKeys(n *yaml.Node, t reflect.Type, path string) error {
	if n.Kind == yaml.DocumentNode {
		for _, c := range n.Content {
			if err := checkKeys(c, t, path); err != nil {
				return err
			}
		}
		return nil
	}
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	switch t.Kind() {
	case reflect.Struct:
		if n.Kind != yaml.MappingNode {
			if n.Tag == "!!null" {
				return nil
			}
			return fmt.Errorf("%s (%s): %s", orRoot(path), msg.T("cfg_line", n.Line), msg.T("cfg_mapping"))
		}
		fields := map[string]reflect.StructField{}
		for i := 0; i < t.NumField(); i++ {
			f := t.Field(i)
			name, _, _ := strings.Cut(f.Tag.Get("yaml"), ",")
			if name != "" && name != "-" {
				fields[name] = f
			}
		}
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			f, ok := fields[k.Value]
			full := join(path, k.Value)
			if !ok {
				return errors.New(msg.T("cfg_unknown_key", full, msg.T("cfg_line", k.Line)))
			}
			if err := checkKeys(v, f.Type, full); err != nil {
				return err
			}
		}
	case reflect.Int, reflect.Float64, reflect.Bool, reflect.String:
		want := map[reflect.Kind][]string{
			reflect.Int:     {"!!int"},
			reflect.Float64: {"!!int", "!!float"},
			reflect.Bool:    {"!!bool"},
			reflect.String:  {"!!str", "!!int", "!!float", "!!bool", "!!null", "!!timestamp"},
		}[t.Kind()]
		if n.Kind != yaml.ScalarNode || !contains(want, n.ShortTag()) {
			kind := map[reflect.Kind]string{reflect.Int: "cfg_kind_int", reflect.Float64: "cfg_kind_number",
				reflect.Bool: "cfg_kind_bool", reflect.String: "cfg_kind_text"}[t.Kind()]
			return fmt.Errorf("%s (%s): %s", orRoot(path), msg.T("cfg_line", n.Line), msg.T("cfg_kind", msg.T(kind), n.Value))
		}
	case reflect.Slice:
		if n.Kind != yaml.SequenceNode && n.ShortTag() != "!!null" {
			return fmt.Errorf("%s (%s): %s", orRoot(path), msg.T("cfg_line", n.Line), msg.T("cfg_list"))
		}
		if n.Kind == yaml.SequenceNode {
			for i, c := range n.Content {
				if err := checkKeys(c, t.Elem(), fmt.Sprintf("%s[%d]", path, i)); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

func orRoot(path string) string {
	if path == "" {
		return msg.T("cfg_the_file")
	}
	return path
}

// explainDecode keeps yaml's line numbers but drops Go type names that mean nothing to a user.
func explainDecode(err error) error {
	var te *yaml.TypeError
	if errors.As(err, &te) {
		msgs := make([]string, len(te.Errors))
		for i, e := range te.Errors {
			e = strings.Replace(e, "unmarshal errors:", "", 1)
			e = strings.ReplaceAll(e, "!!str", "text")
			e = strings.ReplaceAll(e, "!!int", "number")
			e = strings.ReplaceAll(e, "!!float", "number")
			msgs[i] = strings.TrimSpace(e)
		}
		return errors.New(msg.T("cfg_bad_value", strings.Join(msgs, "; ")))
	}
	return err
}

// validMemory accepts DuckDB's memory sizes: a number and a unit (KB, MB, GB, KiB, MiB, GiB).
func validMemory(v string) bool {
	v = strings.TrimSpace(v)
	i := 0
	for i < len(v) && (v[i] >= '0' && v[i] <= '9' || v[i] == '.') {
		i++
	}
	if i == 0 {
		return false
	}
	switch strings.ToUpper(strings.TrimSpace(v[i:])) {
	case "KB", "MB", "GB", "KIB", "MIB", "GIB":
		return true
	}
	return false
}
