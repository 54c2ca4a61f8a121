package main

import (
	"context"
	"fmt"
)

func init() {
	register(command{name: "config", summary: "print the effective configuration (defaults included)", run: runConfig})
}

func runConfig(ctx context.Context, g *globals, args []string) int {
	fs := newFlags(g, "config", "[flags]", "")
	if code, ok := parse(fs, args); !ok {
		return code
	}
	if fs.NArg() > 0 {
		fs.Usage()
		return exitUsage
	}
	cfg, err := g.config()
	if err != nil {
		return fail(g, err)
	}
	b, err := cfg.YAML()
	if err != nil {
		return fail(g, err)
	}
	head := g.l.T("config_defaults")
	if cfg.Path != "" {
		head = g.l.T("config_file", cfg.Path)
	}
	fmt.Fprintln(g.stdout, head)
	g.stdout.Write(b)
	return exitOK
}
