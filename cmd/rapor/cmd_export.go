package main

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/hsu-lapor/rapor/analyst/lake"
)

func init() {
	register(command{name: "export", summary: "export the tables as a Parquet lake for Spark, Trino or MotherDuck", run: runExport})
}

func runExport(ctx context.Context, g *globals, args []string) int {
	fs := newFlags(g, "export", "--parquet DIR [--overwrite]", `
Writes every table as Parquet under DIR, Hive-partitioned: complaints and complaint_versions by
regency=/year=/month= (local month of submission), metric tables with a month column by
regency=/year=/month=, every other table as DIR/<table>/data_0.parquet. DIR/_rapor_export.json
describes the export. See docs/scale-out.md for reading the lake with Spark, Trino or MotherDuck.

DIR must be new or empty; --overwrite replaces a previous export (never other files).`)
	dir := fs.String("parquet", "", "flag_parquet")
	overwrite := fs.Bool("overwrite", false, "flag_overwrite")
	if code, ok := parse(fs, args); !ok {
		return code
	}
	if *dir == "" || fs.NArg() > 0 {
		fs.Usage()
		return exitUsage
	}
	cfg, db, err := openReader(ctx, g)
	if err != nil {
		return fail(g, err)
	}
	defer db.Close()
	m, err := lake.Export(ctx, db, *dir, lake.Options{Overwrite: *overwrite, Version: programVersion(), TimeZone: cfg.Timezone})
	if err != nil {
		return fail(g, err)
	}
	abs, _ := filepath.Abs(*dir)
	for _, t := range m.Tables {
		parts := "-"
		if len(t.PartitionBy) > 0 {
			parts = strings.Join(t.PartitionBy, "/")
		}
		fmt.Fprintf(g.stdout, "%-22s %12s  %s\n", t.Name, g.l.Number(t.Rows), parts)
	}
	fmt.Fprintln(g.stdout, abs)
	return exitOK
}
