package ingest

import (
	"bytes"
	"embed"
	"fmt"
	"io/fs"
	"os"
	"sort"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"
)

// Fields are the canonical complaint fields a layout maps headers to.
var Fields = []string{
	"tracking_id", "submitted_at", "title", "body", "category", "agency", "status",
	"report_type", "channel", "area", "verified_at", "disposed_at", "first_response_at",
	"closed_at", "last_activity_at", "is_anonymous", "is_confidential", "rating",
	"reporter_name", "reporter_phone", "regency",
	"submitted_time", "flags", "status_reason", "parent_agency", "agency_ref", "category_ref",
}

// Layout describes one export layout: which headers carry which canonical field. Built-in
// layouts are YAML files in layouts/; a user's mapping file has the same form.
type Layout struct {
	Name        string `yaml:"name"`
	Description string `yaml:"description"`
	// Extends names a layout whose fields this one starts from (to add header spellings).
	Extends string `yaml:"extends"`
	// DateOrder is dmy (Indonesian, the default) or mdy.
	DateOrder string `yaml:"date_order"`
	// SourceTimezone overrides the configured source_timezone for this layout's naive times.
	SourceTimezone string `yaml:"source_timezone"`
	// Required fields must have a header in the file for the layout to match it.
	Required []string `yaml:"required"`
	// Fields maps a canonical field to its header spellings, in priority order: the first
	// non-empty value wins (an epoch twin listed before its text date wins where present).
	Fields map[string][]string `yaml:"fields"`
	// Statuses adds this layout's status spellings (raw -> normalised status).
	Statuses map[string]string `yaml:"statuses"`
	// WhenStatus keeps a field only on rows whose normalised status is listed
	// (Open311: updated_datetime is the closing time only when the status is closed).
	WhenStatus map[string][]string `yaml:"when_status"`
	// Regency fixes the regency of every row of this layout (else --regency or the config's).
	Regency string `yaml:"regency"`
	// Snapshot marks an export whose rows are every complaint's state at one instant, with no
	// event time but the submission (layout R): its versions are spans of snapshots, and the
	// build bounds event times from them (metrics.md, "Timing from snapshots").
	Snapshot bool `yaml:"snapshot"`

	source   string // where the layout was defined
	builtin  bool
	priority int
}

type mappingFile struct {
	Layouts []Layout `yaml:"layouts"`
}

//go:embed layouts/*.yaml
var builtinLayouts embed.FS

// Layouts is the set of known layouts.
type Layouts struct {
	list []*Layout
}

// LoadLayouts returns the built-in layouts plus those of the given mapping files.
func LoadLayouts(mappingPaths ...string) (*Layouts, error) {
	ls := &Layouts{}
	entries, err := fs.ReadDir(builtinLayouts, "layouts")
	if err != nil {
		return nil, err
	}
	for _, e := range entries {
		b, err := builtinLayouts.ReadFile("layouts/" + e.Name())
		if err != nil {
			return nil, err
		}
		if err := ls.add(b, "built-in "+e.Name(), true); err != nil {
			return nil, err
		}
	}
	for _, p := range mappingPaths {
		b, err := os.ReadFile(p)
		if err != nil {
			return nil, fmt.Errorf("mapping: %w", err)
		}
		if err := ls.add(b, p, false); err != nil {
			return nil, err
		}
	}
	return ls, nil
}

// Names lists the layouts known.
func (ls *Layouts) Names() []string {
	var n []string
	for _, l := range ls.list {
		n = append(n, l.Name)
	}
	return n
}

// Get returns the layout called name.
func (ls *Layouts) Get(name string) *Layout {
	for _, l := range ls.list {
		if l.Name == name {
			return l
		}
	}
	return nil
}

func (ls *Layouts) add(b []byte, source string, builtin bool) error {
	dec := yaml.NewDecoder(bytes.NewReader(b))
	dec.KnownFields(true)
	var mf mappingFile
	if err := dec.Decode(&mf); err != nil {
		return fmt.Errorf("mapping %s: %w", source, err)
	}
	if len(mf.Layouts) == 0 {
		return fmt.Errorf("mapping %s: no layouts: the file needs a top-level `layouts:` list", source)
	}
	for i := range mf.Layouts {
		l := mf.Layouts[i]
		l.source, l.builtin, l.priority = source, builtin, len(ls.list)
		if err := ls.complete(&l); err != nil {
			return fmt.Errorf("mapping %s: layout %q: %w", source, l.Name, err)
		}
		// A user layout of the same name replaces the built-in one.
		replaced := false
		for j, old := range ls.list {
			if old.Name == l.Name {
				ls.list[j], replaced = &l, true
			}
		}
		if !replaced {
			ls.list = append(ls.list, &l)
		}
	}
	return nil
}

func (ls *Layouts) complete(l *Layout) error {
	if strings.TrimSpace(l.Name) == "" {
		return fmt.Errorf("name is required")
	}
	if l.Extends != "" {
		base := ls.Get(l.Extends)
		if base == nil {
			return fmt.Errorf("extends %q: no such layout (known: %s)", l.Extends, strings.Join(ls.Names(), ", "))
		}
		fields := map[string][]string{}
		for f, hs := range base.Fields {
			fields[f] = append([]string(nil), hs...)
		}
		for f, hs := range l.Fields { // the extension's spellings come first
			fields[f] = append(append([]string(nil), hs...), fields[f]...)
		}
		l.Fields = fields
		if l.DateOrder == "" {
			l.DateOrder = base.DateOrder
		}
		if l.SourceTimezone == "" {
			l.SourceTimezone = base.SourceTimezone
		}
		if len(l.Required) == 0 {
			l.Required = base.Required
		}
		st := map[string]string{}
		for k, v := range base.Statuses {
			st[k] = v
		}
		for k, v := range l.Statuses {
			st[k] = v
		}
		l.Statuses = st
		if l.WhenStatus == nil {
			l.WhenStatus = base.WhenStatus
		}
		if l.Regency == "" {
			l.Regency = base.Regency
		}
		l.Snapshot = l.Snapshot || base.Snapshot // an extension of layout R still reads snapshots
	}
	switch l.DateOrder {
	case "", "dmy":
		l.DateOrder = "dmy"
	case "mdy":
	default:
		return fmt.Errorf("date_order must be dmy or mdy, got %q", l.DateOrder)
	}
	if l.SourceTimezone != "" {
		if _, err := time.LoadLocation(l.SourceTimezone); err != nil {
			return fmt.Errorf("source_timezone %q: unknown time zone", l.SourceTimezone)
		}
	}
	if len(l.Required) == 0 {
		l.Required = []string{"tracking_id", "submitted_at"}
	}
	known := map[string]bool{}
	for _, f := range Fields {
		known[f] = true
	}
	for f := range l.Fields {
		if !known[f] {
			return fmt.Errorf("fields: unknown field %q (known: %s)", f, strings.Join(Fields, ", "))
		}
	}
	for _, f := range []string{"tracking_id", "submitted_at"} {
		if len(l.Fields[f]) == 0 {
			return fmt.Errorf("fields: %s needs at least one header", f)
		}
	}
	for _, f := range l.Required {
		if len(l.Fields[f]) == 0 {
			return fmt.Errorf("required field %q has no header in fields", f)
		}
	}
	norm := map[string]string{}
	for raw, st := range l.Statuses {
		if !IsStatus(st) {
			return fmt.Errorf("statuses: %q maps to %q, which is not a status (unverified, verified, disposed, in_progress, closed, postponed, not_authority, archived)", raw, st)
		}
		norm[statusKey(raw)] = st
	}
	l.Statuses = norm
	for f, sts := range l.WhenStatus {
		if !known[f] {
			return fmt.Errorf("when_status: unknown field %q", f)
		}
		for _, st := range sts {
			if !IsStatus(st) {
				return fmt.Errorf("when_status: %q is not a status", st)
			}
		}
	}
	return nil
}

// Binding is a layout applied to one file's header row.
type Binding struct {
	Layout *Layout
	// Cols gives, per canonical field, the column indexes to try in priority order.
	Cols map[string][]int
	// Extra lists the columns no field claims, kept in the JSON extra column.
	Extra []int
	// Headers is the file's header row as read (names of extra columns).
	Headers []string
	// far are the header row's cells beyond the columns an XLSX record holds while the
	// header is searched for (searchColumns): names of extra columns, outside any field's reach.
	far   []farCell
	score int
}

// Has reports whether the file has a column for field.
func (b *Binding) Has(field string) bool { return len(b.Cols[field]) > 0 }

// Detect picks the layout that fits a header row: every required field must have a column;
// among those that fit, the one claiming most columns wins, and a user's layout wins a tie.
func (ls *Layouts) Detect(headers []string) (*Binding, error) {
	var best *Binding
	for _, l := range ls.list {
		b := l.Bind(headers)
		if b == nil {
			continue
		}
		if best == nil || b.score > best.score ||
			(b.score == best.score && !b.Layout.builtin && best.Layout.builtin) ||
			(b.score == best.score && b.Layout.builtin == best.Layout.builtin && b.Layout.priority > best.Layout.priority) {
			best = b
		}
	}
	if best == nil {
		return nil, ErrUnknownLayout
	}
	return best, nil
}

// ErrUnknownLayout means no layout fits the header row.
var ErrUnknownLayout = fmt.Errorf("unknown layout")

// Bind applies the layout to a header row; nil when a required field has no column.
func (l *Layout) Bind(headers []string) *Binding {
	index := map[string]int{}
	for i, h := range headers {
		f := FoldHeader(h)
		if _, dup := index[f]; !dup && f != "" {
			index[f] = i
		}
	}
	b := &Binding{Layout: l, Cols: map[string][]int{}, Headers: headers}
	claimed := map[int]bool{}
	for field, names := range l.Fields {
		for _, n := range names {
			if i, ok := index[FoldHeader(n)]; ok {
				b.Cols[field] = append(b.Cols[field], i)
				claimed[i] = true
			}
		}
	}
	for _, f := range l.Required {
		if len(b.Cols[f]) == 0 {
			return nil
		}
	}
	for i := range headers {
		if !claimed[i] {
			b.Extra = append(b.Extra, i)
		}
	}
	b.score = len(claimed)
	sort.Ints(b.Extra)
	return b
}
