package reports

import (
	"context"
	"errors"
	"sort"
	"strings"

	"github.com/hsu-lapor/rapor/config"
)

// The level a report reads its units at: the SKPD itself (agency_month, agency_period) or its
// parent unit (parent_month, parent_period: a UPT summed into its Dinas, a kelurahan into its
// kecamatan). At the parent level the tables' rows are the parents', recomputed by the build from
// their children's complaints; the per-complaint lists are regrouped here by each agency's parent,
// their counts summed, never averaged. The regency's own figures are the same at both levels.
const (
	LevelAgency = "agency"
	LevelParent = "parent"
)

// parentSuffix marks the files of a report at the parent level, so that they never overwrite the
// agency level's: rapor-2025-10-induk.html.
const parentSuffix = "-induk"

// checkLevel resolves a level option: "" is the agency level.
func checkLevel(l lang, level string) (string, error) {
	switch level {
	case "", LevelAgency:
		return LevelAgency, nil
	case LevelParent:
		return LevelParent, nil
	}
	return "", errors.New(l.tf("err_level", level))
}

// ValidLevel says whether level is one the reports know ("" is the agency level).
func ValidLevel(level string) bool {
	_, err := checkLevel(newLang(""), level)
	return err == nil
}

// fileSuffix is what a level adds to the files' names.
func fileSuffix(level string) string {
	if level == LevelParent {
		return parentSuffix
	}
	return ""
}

// levelLine is the line a page or workbook states its level with ("" at the agency level: its
// pages say nothing, as before there were levels). warnings adds that the early warnings stay
// per SKPD (on the pages that show them).
func (l lang) levelLine(level string, warnings bool) string {
	if level != LevelParent {
		return ""
	}
	if warnings {
		return l.t("level_parent") + " " + l.t("level_parent_warnings")
	}
	return l.t("level_parent")
}

// parents maps each agency of a regency to its parent unit, and tells which parents hold units
// other than themselves.
type parents struct {
	of      map[string]string // agency -> parent
	hasKids map[string]bool   // parent -> it holds an agency other than itself
}

func loadParents(ctx context.Context, q querier, regency string) (parents, error) {
	p := parents{of: map[string]string{}, hasKids: map[string]bool{}}
	rows, err := q.QueryContext(ctx, query("agency_parents"), regency)
	if err != nil {
		return p, err
	}
	defer rows.Close()
	for rows.Next() {
		var agency, parent string
		if err := rows.Scan(&agency, &parent); err != nil {
			return p, err
		}
		p.of[agency] = parent
		if agency != parent {
			p.hasKids[parent] = true
		}
	}
	return p, rows.Err()
}

// parent is an agency's parent unit (the agency itself when the build knows no other).
func (p parents) parent(agency string) string {
	if x, ok := p.of[agency]; ok {
		return x
	}
	return agency
}

// backlog sums each parent's children's open complaints by age bucket, ordered as backlog.sql
// orders agencies: by total, then by those older than C, then name.
func (p parents) backlog(rows []BacklogRow) []BacklogRow {
	idx := map[string]int{}
	var out []BacklogRow
	for _, r := range rows {
		name := p.parent(r.Agency)
		i, ok := idx[name]
		if !ok {
			i = len(out)
			idx[name] = i
			out = append(out, BacklogRow{Agency: name})
		}
		for k := range r.Buckets {
			out[i].Buckets[k] += r.Buckets[k]
		}
		out[i].Total += r.Total
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.Total != b.Total {
			return a.Total > b.Total
		}
		if oa, ob := a.Buckets[2]+a.Buckets[3], b.Buckets[2]+b.Buckets[3]; oa != ob {
			return oa > ob
		}
		return a.Agency < b.Agency
	})
	return out
}

// status sums the status mix by parent, ordered as status_mix.sql orders it.
func (p parents) status(mix []StatusCount) []StatusCount {
	type key struct{ agency, label string }
	idx := map[key]int{}
	var out []StatusCount
	for _, c := range mix {
		k := key{p.parent(c.Agency), c.Label}
		i, ok := idx[k]
		if !ok {
			i = len(out)
			idx[k] = i
			out = append(out, StatusCount{Agency: k.agency, Label: k.label})
		}
		out[i].N += c.N
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.Agency != b.Agency {
			return a.Agency < b.Agency
		}
		if a.N != b.N {
			return a.N > b.N
		}
		return a.Label < b.Label
	})
	return out
}

// repeats puts each repeat complaint under its agency's parent, the child unit kept in Unit (the
// earlier complaint keeps the SKPD it was closed by), ordered as signals_repeats.sql orders them.
func (p parents) repeats(rs []RepeatItem) []RepeatItem {
	for i := range rs {
		a := rs[i].Agency
		rs[i].Agency = p.parent(a)
		if rs[i].Agency != a {
			rs[i].Unit = a
		}
	}
	sort.SliceStable(rs, func(i, j int) bool {
		if rs[i].Agency != rs[j].Agency {
			return rs[i].Agency < rs[j].Agency
		}
		return rs[i].TrackingID < rs[j].TrackingID
	})
	return rs
}

// names makes every spelling of an agency mean its parent, and every parent's name itself, so
// that --agency finds a parent's page by the parent's name or any of its units'.
func (p parents) names(names map[string]string) map[string]string {
	out := make(map[string]string, len(names))
	for k, a := range names {
		out[k] = p.parent(a)
	}
	for _, parent := range p.of {
		out[config.FoldName(parent)] = parent
	}
	return out
}

// applyLevel reads the scorecard's per-complaint lists at its level (nothing to do at the agency
// level). The early warnings stay per SKPD: they name the unit that slides. The accountability
// list is read at the level by its SQL (overdue.sql: each complaint under its agency's parent).
func (s *Scorecard) applyLevel(ctx context.Context, q querier) error {
	if s.Level != LevelParent {
		return nil
	}
	p, err := loadParents(ctx, q, s.Regency)
	if err != nil {
		return err
	}
	s.parents = p
	s.Backlog = p.backlog(s.Backlog)
	s.Status = p.status(s.Status)
	s.Repeats = p.repeats(s.Repeats)
	s.names = p.names(s.names)
	return nil
}

// childrenLabel says how many child units a parent's row holds ("" at the agency level and for a
// unit that is nobody's parent).
func (s *Scorecard) childrenLabel(a AgencyRow) string {
	if s.Level != LevelParent || !s.parents.hasKids[a.Agency] {
		return ""
	}
	return s.L.tf("level_children", a.Children)
}

// unitsLine names the units a parent's page sums ("" at the agency level and for a unit that is
// nobody's parent).
func (a *AgencyRapor) unitsLine() string {
	s := a.S
	if s.Level != LevelParent || !s.parents.hasKids[a.Agency] {
		return ""
	}
	var units []string
	for agency, parent := range s.parents.of {
		if parent == a.Agency {
			units = append(units, agency)
		}
	}
	sort.Strings(units)
	return s.L.tf("level_units", strings.Join(units, ", "))
}
