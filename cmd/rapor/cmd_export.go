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
	fs := newFlags(g, "export", "--parquet DIR [--overwrite]", "")
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
