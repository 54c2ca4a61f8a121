package main

import (
	"github.com/hsu-lapor/rapor/config"
	"github.com/hsu-lapor/rapor/internal/bench"
)

// benchSteps are the stages timed after the ingest: the metrics build and the reports.
func benchSteps(cfg config.Config) []bench.Step {
	return nil
}
