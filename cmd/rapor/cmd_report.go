package main

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/hsu-lapor/rapor/config"
	"github.com/hsu-lapor/rapor/pipeline"
	"github.com/hsu-lapor/rapor/reports"
)

func init() {
	register(command{name: "report", summary: "write the monthly scorecard (HTML, XLSX) or the comparison across periods", run: runReport})
}

func runReport(ctx context.Context, g *globals, args []string) int {
	if len(args) > 0 && args[0] == "compare" {
		return runCompare(ctx, g, args[1:])
	}
	fs := newFlags(g, "report", "[--month YYYY-MM] [--out DIR] [--regency NAME] [--agency NAME] [--level agency|parent]  |  rapor report compare -h", "")
	month := fs.String("month", "", "flag_report_month")
	out := fs.String("out", ".", "flag_out_dir")
	regency := fs.String("regency", "", "flag_report_regency")
	agency := fs.String("agency", "", "flag_agency")
	level := fs.String("level", reports.LevelAgency, "flag_level")
	if code, ok := parse(fs, args); !ok {
		return code
	}
	if fs.NArg() > 0 {
		fs.Usage()
		return exitUsage
	}
	if !reports.ValidLevel(*level) {
		return badLevel(g, "rapor report", *level)
	}
	cfg, db, err := openReader(ctx, g)
	if err != nil {
		return fail(g, err)
	}
	defer db.Close()
	if *month == "" {
		asOf, err := pipeline.AsOf(ctx, db)
		if err != nil {
			return fail(g, explainReport(g, err))
		}
		m := pipeline.DefaultMonth(time.Now(), asOf, cfg.Location())
		*month = m.Format("2006-01")
		key := "report_default_month"
		if asOf.Before(m.AddDate(0, 1, 0)) { // the data stop inside the month
			key = "report_default_partial"
		}
		fmt.Fprintln(g.stderr, g.l.T(key, g.l.Month(m), g.l.DateTime(asOf.In(cfg.Location()))))
	}
	if *agency != "" {
		paths, err := reports.AgencyPages(ctx, db, reports.AgencyOptions{
			Options: reports.Options{Month: *month, OutDir: *out, Lang: cfg.Lang, Regency: *regency, Level: *level},
			Agency:  *agency, Aliases: agencyAliases(cfg),
		})
		if err != nil {
			return fail(g, explainReport(g, err))
		}
		for _, p := range paths {
			fmt.Fprintln(g.stdout, p)
		}
		return exitOK
	}
	res, err := reports.Monthly(ctx, db, reports.Options{Month: *month, OutDir: *out, Lang: cfg.Lang, Regency: *regency, Level: *level})
	return reportDone(g, res, err)
}

func runCompare(ctx context.Context, g *globals, args []string) int {
	fs := newFlags(g, "report compare", "--from YYYY-MM --to YYYY-MM [--period month|quarter|year] [--out DIR] [--regency NAME] [--level agency|parent]", "")
	from := fs.String("from", "", "flag_from")
	to := fs.String("to", "", "flag_to")
	period := fs.String("period", "month", "flag_period")
	out := fs.String("out", ".", "flag_out_dir")
	regency := fs.String("regency", "", "flag_compare_regency")
	level := fs.String("level", reports.LevelAgency, "flag_level")
	if code, ok := parse(fs, args); !ok {
		return code
	}
	if fs.NArg() > 0 || *from == "" || *to == "" {
		fs.Usage()
		return exitUsage
	}
	if !reports.ValidLevel(*level) {
		return badLevel(g, "rapor report compare", *level)
	}
	cfg, db, err := openReader(ctx, g)
	if err != nil {
		return fail(g, err)
	}
	defer db.Close()
	res, err := reports.Compare(ctx, db, reports.CompareOptions{From: *from, To: *to, Period: *period, OutDir: *out, Lang: cfg.Lang, Regency: *regency, Level: *level})
	return reportDone(g, res, err)
}

// badLevel is the usage error of a --level the reports do not know.
func badLevel(g *globals, cmd, level string) int {
	_, _ = g.config() // the message in the language of --lang or the configuration (an error there is told later)
	fmt.Fprintln(g.stderr, cmd+": "+g.l.T("bad_level", level))
	return exitUsage
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
		return fail(g, explainReport(g, err))
	}
	for _, w := range res.Warnings {
		fmt.Fprintf(g.stderr, "rapor: %s\n", w)
	}
	fmt.Fprintln(g.stdout, res.HTML)
	fmt.Fprintln(g.stdout, res.XLSX)
	return exitOK
}

// explainReport says the errors an operator can fix in the reader's language, with the next step.
func explainReport(g *globals, err error) error {
	var re *reports.RegencyError
	switch {
	case errors.Is(err, reports.ErrNotBuilt):
		return errors.New(g.l.T("not_built"))
	case errors.As(err, &re) && re.Want == "":
		return errors.New(g.l.T("which_regency", strings.Join(re.Have, ", "), re.Have[0]))
	case errors.As(err, &re):
		return errors.New(g.l.T("no_regency", re.Want, strings.Join(re.Have, ", ")))
	}
	return err
}
