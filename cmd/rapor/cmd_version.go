package main

import (
	"context"
	"fmt"
	"runtime"
)

func init() {
	register(command{name: "version", summary: "print the version", run: runVersion})
}

func runVersion(ctx context.Context, g *globals, args []string) int {
	fs := newFlags(g, "version", "", "")
	if code, ok := parse(fs, args); !ok {
		return code
	}
	fmt.Fprintf(g.stdout, "rapor %s (%s, %s/%s, DuckDB %s)\n", programVersion(), runtime.Version(), runtime.GOOS, runtime.GOARCH, duckdbVersion(ctx))
	return exitOK
}
