package main

import (
	"context"
	"fmt"

	"github.com/hsu-lapor/rapor/ingest"
)

func init() {
	register(command{name: "population", summary: "load inhabitants per kecamatan (for complaints per 10,000)", run: runPopulation})
}

func runPopulation(ctx context.Context, g *globals, args []string) int {
	fs := newFlags(g, "population", "[--regency NAME] FILE.csv", "")
	regency := fs.String("regency", "", "flag_population_regency")
	if code, ok := parse(fs, args); !ok {
		return code
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return exitUsage
	}
	cfg, err := g.config()
	if err != nil {
		return fail(g, err)
	}
	if *regency == "" {
		*regency = cfg.Regency
	}
	rows, err := ingest.ReadPopulation(fs.Arg(0))
	if err != nil {
		return fail(g, err)
	}
	db, err := openWriter(ctx, g, cfg, 0)
	if err != nil {
		return fail(g, err)
	}
	defer db.Close()
	if err := ingest.LoadPopulation(ctx, db, *regency, rows); err != nil {
		return fail(g, err)
	}
	var total int64
	for _, r := range rows {
		total += r.Population
	}
	fmt.Fprintln(g.stdout, g.l.T("population_done", fs.Arg(0), len(rows), *regency, g.l.Number(total)))
	return exitOK
}
