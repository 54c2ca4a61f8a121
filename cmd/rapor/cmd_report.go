package main

import (
	"context"
	"errors"
	"fmt"

	"github.com/hsu-lapor/rapor/config"
	"github.com/hsu-lapor/rapor/reports"
)

func init() {
	register(command{name: "report", summary: "write the monthly scorecard (HTML, XLSX) or the comparison across periods", run: runReport})
}

func runReport(ctx context.Context, g *globals, args []string) int {
	if len(args) > 0 && args[0] == "compare" {
		return runCompare(ctx, g, args[1:])
	}
	fs := newFlags(g, "report", "--month YYYY-MM [--out DIR] [--regency NAME] [--agency NAME]  |  rapor report compare -h", `
Writes the bupati's monthly scorecard of one regency as rapor-YYYY-MM.html (one self-contained
file: opens offline, prints on A4) and rapor-YYYY-MM.xlsx, from the metric tables of the last
rapor build. The database is opened read-only. Reports are in Bahasa Indonesia unless --lang en.
Where the database holds several regencies, --regency is required (the error lists them).
With --agency NAME it writes that SKPD's one-page rapor instead (its score, zone and rank among
its peers, trend, status mix and its own overdue complaints). "rapor report compare" writes the
comparison across months, quarters or years.`)
	month := fs.String("month", "", "the month, YYYY-MM (required)")
	out := fs.String("out", ".", "directory for the report files")
	regency := fs.String("regency", "", "regency (required when the database holds several)")
	agency := fs.String("agency", "", "write the one-page rapor of this SKPD instead (rapor-YYYY-MM-<skpd>.html); names match as everywhere: master list, aliases, case")
	if code, ok := parse(fs, args); !ok {
		return code
	}
	if fs.NArg() > 0 || *month == "" {
		fs.Usage()
		return exitUsage
	}
	cfg, db, err := openReader(ctx, g)
	if err != nil {
		return fail(g, err)
	}
	defer db.Close()
	if *agency != "" {
		paths, err := reports.AgencyPages(ctx, db, reports.AgencyOptions{
			Options: reports.Options{Month: *month, OutDir: *out, Lang: cfg.Lang, Regency: *regency},
			Agency:  *agency, Aliases: agencyAliases(cfg),
		})
		if err != nil {
			return fail(g, explainReport(err))
		}
		for _, p := range paths {
			fmt.Fprintln(g.stdout, p)
		}
		return exitOK
	}
	res, err := reports.Monthly(ctx, db, reports.Options{Month: *month, OutDir: *out, Lang: cfg.Lang, Regency: *regency})
	return reportDone(g, res, err)
}

func runCompare(ctx context.Context, g *globals, args []string) int {
	fs := newFlags(g, "report compare", "--from YYYY-MM --to YYYY-MM [--period month|quarter|year] [--out DIR] [--regency NAME]", `
Writes the Ombudsman comparison rapor-banding-FROM-TO.html and .xlsx: every agency's score and
zone side by side across the months (or the quarters) from --from to --to, with its zone
movement; where the database holds several regencies, every regency (or only --regency) and the
regencies' totals side by side. The database is opened read-only.`)
	from := fs.String("from", "", "first month, YYYY-MM (required)")
	to := fs.String("to", "", "last month, YYYY-MM (required)")
	period := fs.String("period", "month", "month, quarter or year (the Ombudsman's yearly view)")
	out := fs.String("out", ".", "directory for the report files")
	regency := fs.String("regency", "", "only this regency")
	if code, ok := parse(fs, args); !ok {
		return code
	}
	if fs.NArg() > 0 || *from == "" || *to == "" {
		fs.Usage()
		return exitUsage
	}
	cfg, db, err := openReader(ctx, g)
	if err != nil {
		return fail(g, err)
	}
	defer db.Close()
	res, err := reports.Compare(ctx, db, reports.CompareOptions{From: *from, To: *to, Period: *period, OutDir: *out, Lang: cfg.Lang, Regency: *regency})
	return reportDone(g, res, err)
}

// agencyAliases maps the master list's names and aliases, folded, to the master name.
func agencyAliases(cfg config.Config) map[string]string {
	m := map[string]string{}
	for _, a := range cfg.Agencies {
		m[config.FoldName(a.Name)] = a.Name
		for _, al := range a.Aliases {
			m[config.FoldName(al)] = a.Name
		}
	}
	return m
}

// reportDone prints the warnings of a report written and the paths of its files, or its error.
func reportDone(g *globals, res reports.Result, err error) int {
	if err != nil {
		return fail(g, explainReport(err))
	}
	for _, w := range res.Warnings {
		fmt.Fprintf(g.stderr, "rapor: %s\n", w)
	}
	fmt.Fprintln(g.stdout, res.HTML)
	fmt.Fprintln(g.stdout, res.XLSX)
	return exitOK
}

// explainReport adds the next step to the errors an operator can fix.
func explainReport(err error) error {
	var re *reports.RegencyError
	if errors.As(err, &re) && re.Want == "" {
		return fmt.Errorf("%w (e.g. --regency %q)", err, re.Have[0])
	}
	return err
}
