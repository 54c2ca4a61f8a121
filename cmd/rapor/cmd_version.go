package main

import (
	"context"
	"fmt"
	"runtime"
	"runtime/debug"
)

// commit is the source revision, set at link time with version by scripts/release.sh
// (-ldflags "-X main.version=v1.2.3 -X main.commit=<sha>"); else the VCS stamp of the build info.
var commit = ""

func init() {
	register(command{name: "version", summary: "print the version", run: runVersion})
}

func runVersion(ctx context.Context, g *globals, args []string) int {
	fs := newFlags(g, "version", "", "")
	if code, ok := parse(fs, args); !ok {
		return code
	}
	fmt.Fprintf(g.stdout, "rapor %s (commit %s, %s, %s/%s, DuckDB %s)\n", programVersion(), programCommit(), runtime.Version(), runtime.GOOS, runtime.GOARCH, duckdbVersion(ctx))
	return exitOK
}

// programCommit names the source revision this binary was built from: the stamped commit, else
// the one Go recorded when it built inside a git checkout ("-dirty" if it had local changes).
func programCommit() string {
	if commit != "" {
		return commit
	}
	if bi, ok := debug.ReadBuildInfo(); ok {
		rev, dirty := "", false
		for _, s := range bi.Settings {
			switch s.Key {
			case "vcs.revision":
				rev = s.Value
			case "vcs.modified":
				dirty = s.Value == "true"
			}
		}
		if rev != "" {
			if dirty {
				rev += "-dirty"
			}
			return rev
		}
	}
	return "unknown"
}
