package main

import (
	"github.com/hsu-lapor/rapor/config"
	"github.com/hsu-lapor/rapor/ingest"
	"github.com/hsu-lapor/rapor/pipeline"
)

// pipeline returns the monthly pipeline as this command line configures it.
func (g *globals) pipeline(cfg config.Config, opts ingest.Options) *pipeline.Pipeline {
	opts.Log = g.log
	return &pipeline.Pipeline{
		Config: cfg, Ingest: opts, Version: programVersion(), Lang: g.l,
		Out: g.stdout, Err: g.stderr, Log: g.log, Progress: true,
	}
}
