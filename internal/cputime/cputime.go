// Package cputime reads the CPU time this process has used, so that a benchmark on a shared
// machine can state what a step cost in CPU-seconds beside its wall-clock time (which other
// work on the machine stretches).
package cputime

import "time"

// Now is the user plus system CPU time of the whole process so far (all threads, DuckDB's
// included); 0 where the system does not say. Only differences between two calls mean anything.
func Now() time.Duration { return now() }
