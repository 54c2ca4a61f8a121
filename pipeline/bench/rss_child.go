//go:build unix

package bench

import (
	"os"
	"runtime"
	"syscall"
)

// childPeakRSS is the maximum resident set of an exited child process, in bytes (ru_maxrss,
// which Linux reports in KiB and macOS in bytes).
func childPeakRSS(ps *os.ProcessState) int64 {
	ru, ok := ps.SysUsage().(*syscall.Rusage)
	if !ok {
		return 0
	}
	if runtime.GOOS == "darwin" {
		return int64(ru.Maxrss)
	}
	return int64(ru.Maxrss) * 1024
}
