package cputime

import (
	"runtime"
	"testing"
	"time"
)

// Busy work must show as CPU time, and the clock must never run backwards.
func TestNowCountsWork(t *testing.T) {
	if runtime.GOOS == "windows" || runtime.GOOS == "plan9" {
		t.Skip("no CPU clock here")
	}
	before := Now()
	x := 0
	for start := time.Now(); time.Since(start) < 50*time.Millisecond; {
		x++
	}
	after := Now()
	if after <= before {
		t.Fatalf("CPU time did not advance over 50 ms of busy work: %v then %v (%d loops)", before, after, x)
	}
}
