package main

import (
	"context"
	"errors"
	"strings"

	"github.com/hsu-lapor/rapor/config"
	"github.com/hsu-lapor/rapor/ingest"
)

func init() {
	register(command{name: "ingest", summary: "load complaint exports (CSV, XLSX, JSON) into the database", run: runIngest})
}

type stringList []string

func (s *stringList) String() string     { return strings.Join(*s, ",") }
func (s *stringList) Set(v string) error { *s = append(*s, v); return nil }

func runIngest(ctx context.Context, g *globals, args []string) int {
	fs := newFlags(g, "ingest", "[flags] FILE|DIR...", "")
	var mappings stringList
	fs.Var(&mappings, "mapping", "flag_mapping")
	regency := fs.String("regency", "", "flag_regency")
	observedAt := fs.String("observed-at", "", "flag_observed_at")
	workers := fs.Int("workers", 0, "flag_workers")
	wait := fs.Duration("wait", 0, "flag_wait")
	if code, ok := parse(fs, args); !ok {
		return code
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return exitUsage
	}
	cfg, err := g.config()
	if err != nil {
		return fail(g, err)
	}
	files, err := ingest.Expand(fs.Args())
	if err != nil {
		return fail(g, err)
	}
	if len(files) == 0 {
		return fail(g, errors.New(g.l.T("no_files", strings.Join(fs.Args(), " "))))
	}
	opts, err := ingestOptions(cfg, append(cfg.Mappings, mappings...), *regency)
	if err != nil {
		return fail(g, err)
	}
	opts.Workers = *workers
	if *observedAt != "" {
		if opts.ObservedAt, err = ingest.ParseObservedAt(*observedAt, cfg.SourceLocation()); err != nil {
			return fail(g, err)
		}
	}
	db, err := openWriter(ctx, g, cfg, *wait)
	if err != nil {
		return fail(g, err)
	}
	defer db.Close()
	if _, failed := g.pipeline(cfg, opts).IngestFiles(ctx, db, files); failed > 0 {
		return exitFailure
	}
	return exitOK
}

// ingestOptions builds ingest options from the configuration.
func ingestOptions(cfg config.Config, mappings []string, regency string) (ingest.Options, error) {
	layouts, err := ingest.LoadLayouts(mappings...)
	if err != nil {
		return ingest.Options{}, err
	}
	secretPath := cfg.SecretFile
	if secretPath == "" {
		secretPath = ingest.DefaultSecretPath()
	}
	key, err := ingest.LoadOrCreateSecret(secretPath)
	if err != nil {
		return ingest.Options{}, err
	}
	if regency == "" {
		regency = cfg.Regency
	}
	return ingest.Options{
		Regency:       regency,
		SourceLoc:     cfg.SourceLocation(),
		Layouts:       layouts,
		Pseudonymizer: ingest.NewPseudonymizer(key),
		PlausibleFrom: cfg.PlausibleFrom(),
		Version:       programVersion(),
	}, nil
}
