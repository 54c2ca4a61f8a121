package reports

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"

	"github.com/hsu-lapor/rapor/config"
	"github.com/hsu-lapor/rapor/store"
)

// The agency rapor: one page per SKPD for its kepala dinas: its score, zone and rank among its
// peers, its trend, its status mix, and its own overdue complaints by tracking id. It is read from
// the same tables (and the same read transaction) as the regency's scorecard.

// AgencyRapor is one agency's page of a month.
type AgencyRapor struct {
	S      *Scorecard
	Agency string
	Month  *AgencyRow // agency_month of the month (nil: it received nothing that month)
	Roll12 *AgencyRow // agency_period rolling_12m ending at the month
	Trend  []AgencyRow
	// Peers12 and PeersMonth are how many agencies are ranked (the rank's denominator).
	Peers12, PeersMonth int
	Overdue             []OverdueItem
}

// AgencyError says which agencies there are when a name matches none.
type AgencyError struct {
	Want string
	Have []string
}

func (e *AgencyError) Error() string {
	return fmt.Sprintf("no agency %q in the data of this regency; it has: %s", e.Want, strings.Join(e.Have, "; "))
}

// loadAgencyNames maps every spelling of the regency's agencies (and the names shown), folded,
// to the agency shown.
func loadAgencyNames(ctx context.Context, q querier, regency string) (map[string]string, error) {
	rows, err := q.QueryContext(ctx, query("agency_names"), regency)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string]string{}
	for rows.Next() {
		var spelling, agency string
		if err := rows.Scan(&spelling, &agency); err != nil {
			return nil, err
		}
		out[config.FoldName(spelling)] = agency
		out[config.FoldName(agency)] = agency
	}
	return out, rows.Err()
}

// ResolveAgency finds the agency a name means, as agency names are matched everywhere: folded
// (case and spaces ignored), through the master list's aliases (aliases: folded alias -> master
// name), or any spelling seen in the exports.
func (s *Scorecard) ResolveAgency(name string, aliases map[string]string) (string, error) {
	f := config.FoldName(name)
	if m, ok := aliases[f]; ok {
		f = config.FoldName(m)
	}
	if a, ok := s.names[f]; ok {
		return a, nil
	}
	seen := map[string]bool{}
	var have []string
	for _, a := range s.names {
		if !seen[a] {
			seen[a] = true
			have = append(have, a)
		}
	}
	sort.Strings(have)
	return "", &AgencyError{Want: name, Have: have}
}

// AgencyNames lists the agencies with a page: those with complaints in the 12 months or open ones.
func (s *Scorecard) AgencyNames() []string {
	seen := map[string]bool{}
	var out []string
	add := func(a string) {
		if !seen[a] {
			seen[a] = true
			out = append(out, a)
		}
	}
	for _, a := range s.League12 {
		add(a.Agency)
	}
	for _, a := range s.Overdue.Agencies {
		add(a.Agency)
	}
	return out
}

// Agency assembles one agency's page from the scorecard's tables, and reads its own overdue
// complaints (all of them: its page lists them all).
func (s *Scorecard) Agency(agency string) (*AgencyRapor, error) {
	a := &AgencyRapor{S: s, Agency: agency}
	for i := range s.League12 {
		if s.League12[i].Rank != nil {
			a.Peers12++
		}
		if s.League12[i].Agency == agency {
			a.Roll12 = &s.League12[i]
		}
	}
	for i := range s.League1 {
		if s.League1[i].Rank != nil {
			a.PeersMonth++
		}
		if s.League1[i].Agency == agency {
			a.Month = &s.League1[i]
		}
	}
	for _, r := range s.Agencies {
		if r.Agency == agency {
			a.Trend = append(a.Trend, r)
		}
	}
	var err error
	a.Overdue, err = s.Overdue.agency(agency)
	return a, err
}

var nonSlug = regexp.MustCompile(`[^a-z0-9]+`)

// Slug is a name as a file name: lower case, runs of other characters one hyphen.
func Slug(s string) string {
	return strings.Trim(nonSlug.ReplaceAllString(strings.ToLower(s), "-"), "-")
}

// AgencyOptions choose the agency pages to write: one (Agency) or all (Agency "").
type AgencyOptions struct {
	Options
	Agency  string
	Aliases map[string]string // folded alias -> master name (config agencies)
}

// AgencyPages writes rapor-YYYY-MM-<agency>.html and .xlsx for one agency, or for every agency
// of the month when o.Agency is "", into o.OutDir. It returns the files written.
func AgencyPages(ctx context.Context, db *store.DB, o AgencyOptions) ([]string, error) {
	if _, err := echartsJS(); err != nil {
		return nil, err
	}
	s, err := LoadScorecard(ctx, db, o.Options)
	if err != nil {
		return nil, err
	}
	names := s.AgencyNames()
	if o.Agency != "" {
		a, err := s.ResolveAgency(o.Agency, o.Aliases)
		if err != nil {
			return nil, err
		}
		names = []string{a}
	}
	dir := o.OutDir
	if dir == "" {
		dir = "."
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	var paths []string
	for _, name := range names {
		a, err := s.Agency(name)
		if err != nil {
			return paths, err
		}
		base := filepath.Join(dir, "rapor-"+s.MonthLabel()+fileSuffix(s.Level)+"-"+Slug(name))
		if err := writeFile(base+".html", a.WriteHTML); err != nil {
			return paths, err
		}
		if err := writeFile(base+".xlsx", a.WriteXLSX); err != nil {
			return paths, err
		}
		paths = append(paths, base+".html", base+".xlsx")
	}
	return paths, nil
}
