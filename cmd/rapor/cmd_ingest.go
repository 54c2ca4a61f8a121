package main

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"github.com/hsu-lapor/rapor/config"
	"github.com/hsu-lapor/rapor/ingest"
	"github.com/hsu-lapor/rapor/internal/msg"
	"github.com/hsu-lapor/rapor/internal/progress"
	"github.com/hsu-lapor/rapor/store"
)

func init() {
	register(command{name: "ingest", summary: "load complaint exports (CSV, XLSX, JSON) into the database", run: runIngest})
}

type stringList []string

func (s *stringList) String() string     { return strings.Join(*s, ",") }
func (s *stringList) Set(v string) error { *s = append(*s, v); return nil }

func runIngest(ctx context.Context, g *globals, args []string) int {
	fs := newFlags(g, "ingest", "[flags] FILE|DIR...", `
Reads complaint exports into the database. The layout is recognised from the header row
(LAPOR!'s Laporan Ringkas XLSX needs no mapping: its preamble names the regency and the
download instant, --observed-at gives the instant when it does not);
--mapping adds layouts or header spellings (YAML, see docs/mapping.md). Each file is one
transaction: a file that fails changes nothing. A file already ingested (same content) is skipped.`)
	var mappings stringList
	fs.Var(&mappings, "mapping", "layout mapping file (YAML); repeatable")
	regency := fs.String("regency", "", "regency of these exports (default: config regency); a file that names its government (Laporan Ringkas) is filed under that one")
	observedAt := fs.String("observed-at", "", "when snapshot exports (Laporan Ringkas) without a Tanggal Generate were downloaded: 2025-11-14 (that whole day) or 2025-11-14 08:00, in source_timezone (default: the file's modification time)")
	workers := fs.Int("workers", 0, "normalising workers (default: one per core)")
	wait := fs.Duration("wait", 0, "how long to wait for another rapor process to release the database")
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
		return fail(g, fmt.Errorf("no CSV, XLSX or JSON files in %s", strings.Join(fs.Args(), " ")))
	}
	opts, err := ingestOptions(cfg, append(cfg.Mappings, mappings...), *regency)
	if err != nil {
		return fail(g, err)
	}
	opts.Workers = *workers
	opts.Log = g.log
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
	_, failed := ingestFiles(ctx, g, db, files, opts)
	if failed > 0 {
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
		Version:       programVersion(),
	}, nil
}

// ingestFiles ingests each file in its own transaction, printing a summary line per file.
func ingestFiles(ctx context.Context, g *globals, db *store.DB, files []string, opts ingest.Options) (results []ingest.FileResult, failed int) {
	bar := progress.New()
	opts.Progress = func(path string, done, total int64) { bar.Update(filepath.Base(path), done, total) }
	for _, f := range files {
		start := time.Now()
		res, err := ingest.File(ctx, db, f, opts)
		bar.Done()
		if err != nil {
			failed++
			g.log.Error("ingest failed", "file", f, "err", err)
			fmt.Fprintf(g.stderr, "rapor: %v\n", explainIngest(f, err))
			results = append(results, res)
			if ctx.Err() != nil {
				break
			}
			continue
		}
		g.log.Debug("ingested", "file", f, "layout", res.Layout, "rows", res.Read, "seconds", time.Since(start).Seconds())
		fmt.Fprintln(g.stdout, res.Summary())
		for _, d := range res.Details() {
			fmt.Fprintln(g.stdout, "  "+d)
		}
		results = append(results, res)
	}
	return results, failed
}

func explainIngest(path string, err error) error {
	switch e := err.(type) {
	case *ingest.NotTableError, *ingest.UnknownLayoutError:
		return e
	}
	if store.IsLocked(err) {
		return err
	}
	return fmt.Errorf("%s", msg.T("failed", path, err))
}
