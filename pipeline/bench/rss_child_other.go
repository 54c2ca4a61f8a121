//go:build !unix

package bench

import "os"

// childPeakRSS is unknown here.
func childPeakRSS(*os.ProcessState) int64 { return 0 }
