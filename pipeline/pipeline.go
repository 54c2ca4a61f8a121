// Package pipeline runs rapor's monthly pipeline: ingest the exports, build the metric tables,
// write the month's reports. Every command that runs a part of it (ingest, build, run, demo,
// bench) calls these steps, so the pipeline is assembled once; Job adds the inbox and the
// job_runs record of `rapor run`.
package pipeline

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"path/filepath"
	"regexp"
	"strings"
	"time"

	"github.com/hsu-lapor/rapor/config"
	"github.com/hsu-lapor/rapor/ingest"
	"github.com/hsu-lapor/rapor/internal/msg"
	"github.com/hsu-lapor/rapor/internal/progress"
	"github.com/hsu-lapor/rapor/reports"
	"github.com/hsu-lapor/rapor/store"
	"github.com/hsu-lapor/rapor/transform"
)

// Pipeline holds what every step needs.
type Pipeline struct {
	Config  config.Config
	Ingest  ingest.Options
	Version string
	Lang    msg.Lang
	// Out receives what happened, for people; Err what failed (nil: nothing is printed).
	Out, Err io.Writer
	// Log receives debug timings (nil: none).
	Log *slog.Logger
	// Progress draws a progress bar while a file is read (on a terminal only).
	Progress bool
}

func (p *Pipeline) out() io.Writer {
	if p.Out == nil {
		return io.Discard
	}
	return p.Out
}

func (p *Pipeline) errw() io.Writer {
	if p.Err == nil {
		return io.Discard
	}
	return p.Err
}

func (p *Pipeline) log() *slog.Logger {
	if p.Log == nil {
		return slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	return p.Log
}

func (p *Pipeline) loc() *time.Location { return p.Config.Location() }

// IngestFile ingests one file in its own transaction and prints its one-line account. A
// failure is returned, explained for the operator, and not printed: the caller prints it once.
func (p *Pipeline) IngestFile(ctx context.Context, db *store.DB, path string) (ingest.FileResult, error) {
	o := p.Ingest
	if o.Log == nil {
		o.Log = p.Log
	}
	var bar *progress.Bar
	if p.Progress {
		bar = progress.New()
		o.Progress = func(path string, done, total int64) { bar.Update(filepath.Base(path), done, total) }
	}
	start := time.Now()
	res, err := ingest.File(ctx, db, path, o)
	bar.Done()
	if err != nil {
		p.log().Debug("ingest failed", "file", path, "err", err)
		return res, p.explainIngest(path, err)
	}
	p.log().Debug("ingested", "file", path, "layout", res.Layout, "rows", res.Read, "seconds", time.Since(start).Seconds())
	fmt.Fprintln(p.out(), res.Text(p.Lang, p.loc()))
	for _, d := range res.Details() { // warnings and unknown statuses, in the process language
		fmt.Fprintln(p.out(), "  "+d)
	}
	return res, nil
}

// IngestFiles ingests each file in its own transaction, printing a line per file (failures to
// Err, once each); it stops at an interruption.
func (p *Pipeline) IngestFiles(ctx context.Context, db *store.DB, files []string) (results []ingest.FileResult, failed int) {
	for _, f := range files {
		res, err := p.IngestFile(ctx, db, f)
		results = append(results, res)
		if err != nil {
			failed++
			fmt.Fprintf(p.errw(), "rapor: %v\n", err)
			if ctx.Err() != nil {
				break
			}
		}
	}
	return results, failed
}

// explainIngest says which file failed and that nothing changed, unless the error says so itself.
func (p *Pipeline) explainIngest(path string, err error) error {
	var me *msg.Error
	switch e := err.(type) {
	case *ingest.UnknownLayoutError:
		return errors.New(p.Lang.T("unknown_layout", e.Path, strings.Join(e.Headers, ", ")))
	case *ingest.NotTableError:
		return e
	}
	if store.IsLocked(err) || errors.As(err, &me) {
		return err
	}
	return errors.New(p.Lang.T("failed", path, err))
}

// Build recomputes the metric tables; a failure's error says the tables are unchanged.
func (p *Pipeline) Build(ctx context.Context, db *store.DB) (transform.Result, error) {
	res, err := transform.Build(ctx, db, p.Config, transform.WithVersion(p.Version))
	for _, s := range res.Models {
		p.log().Debug("model", "table", s.Name, "rows", s.Rows, "seconds", s.Duration.Seconds())
	}
	for _, s := range res.Tests {
		p.log().Debug("data test", "test", s.Name, "violations", s.Rows, "seconds", s.Duration.Seconds())
	}
	var after *transform.SnapshotsAfterClockError
	switch {
	case errors.Is(err, transform.ErrNoComplaints):
		return res, errors.New(p.Lang.T("no_complaints"))
	case errors.As(err, &after):
		loc := p.Config.Location()
		files := make([]string, len(after.Files))
		for i, f := range after.Files {
			files[i] = fmt.Sprintf("%s (%s)", f.File, f.ObservedFrom.In(loc).Format("2006-01-02 15:04"))
		}
		return res, errors.New(p.Lang.T("build_snapshots_after_clock", res.BuildID, len(after.Files), after.Started.In(loc).Format("2006-01-02 15:04"), strings.Join(files, ", ")))
	case err != nil:
		return res, errors.New(p.Lang.T("build_failed", res.BuildID, err))
	}
	return res, nil
}

// Written are the files Reports wrote, by kind.
type Written struct {
	Scorecards []string // each regency's scorecard, HTML and XLSX
	Pages      []string // one page per SKPD, HTML and XLSX, in skpd/ beside its regency's scorecard
	Comparison []string // the six-month comparison, HTML and XLSX
}

// All lists every file, scorecards first.
func (w Written) All() []string {
	return append(append(append([]string(nil), w.Scorecards...), w.Pages...), w.Comparison...)
}

// levels are the levels the reports are written at (config report_levels; the agency level when
// none is set).
func (p *Pipeline) levels() []string {
	if len(p.Config.ReportLevels) == 0 {
		return []string{reports.LevelAgency}
	}
	return p.Config.ReportLevels
}

// Scorecards writes the month's scorecard (HTML and XLSX) of each regency into outDir, in a
// subdirectory per regency when the database holds several, and each SKPD's page into skpd/
// beside it, at each level of the configuration (the parent level's files are named apart).
func (p *Pipeline) Scorecards(ctx context.Context, db *store.DB, month time.Time, outDir string) (Written, error) {
	var w Written
	regencies, err := reports.Regencies(ctx, db)
	if err != nil {
		return w, err
	}
	for _, r := range regencies {
		dir := outDir
		if len(regencies) > 1 {
			dir = filepath.Join(outDir, slug(r))
		}
		for _, level := range p.levels() {
			res, err := reports.Monthly(ctx, db, reports.Options{Month: month.Format("2006-01"), OutDir: dir, Lang: string(p.Lang), Regency: r, Level: level})
			if err != nil {
				return w, fmt.Errorf("%s: %w", r, err)
			}
			w.Scorecards = append(w.Scorecards, res.HTML, res.XLSX)
			pages, err := p.agencyPages(ctx, db, month, filepath.Join(dir, "skpd"), r, level)
			w.Pages = append(w.Pages, pages...)
			if err != nil {
				return w, fmt.Errorf("%s: %w", r, err)
			}
		}
	}
	return w, nil
}

// AgencyPages writes one page (HTML and XLSX) per SKPD of the regency ("" when the database
// holds one) for the month, for its kepala dinas, into dir.
func (p *Pipeline) AgencyPages(ctx context.Context, db *store.DB, month time.Time, dir, regency string) ([]string, error) {
	return p.agencyPages(ctx, db, month, dir, regency, reports.LevelAgency)
}

func (p *Pipeline) agencyPages(ctx context.Context, db *store.DB, month time.Time, dir, regency, level string) ([]string, error) {
	pages, err := reports.AgencyPages(ctx, db, reports.AgencyOptions{Options: reports.Options{
		Month: month.Format("2006-01"), OutDir: dir, Lang: string(p.Lang), Regency: regency, Level: level,
	}})
	if err != nil {
		return pages, errors.New(p.Lang.T("pages_failed", err))
	}
	return pages, nil
}

// Comparison writes the comparison of the six months ending with month into outDir, at each
// level of the configuration.
func (p *Pipeline) Comparison(ctx context.Context, db *store.DB, month time.Time, outDir string) ([]string, error) {
	var out []string
	for _, level := range p.levels() {
		cmp, err := reports.Compare(ctx, db, reports.CompareOptions{
			From: month.AddDate(0, -5, 0).Format("2006-01"), To: month.Format("2006-01"), OutDir: outDir, Lang: string(p.Lang), Level: level,
		})
		if err != nil {
			return out, errors.New(p.Lang.T("comparison_failed", err))
		}
		out = append(out, cmp.HTML, cmp.XLSX)
	}
	return out, nil
}

// Reports writes the month's scorecards, the SKPD pages and the six-month comparison.
func (p *Pipeline) Reports(ctx context.Context, db *store.DB, month time.Time, outDir string) (Written, error) {
	w, err := p.Scorecards(ctx, db, month, outDir)
	if err != nil {
		return w, err
	}
	w.Comparison, err = p.Comparison(ctx, db, month, outDir)
	return w, err
}

var nonSlug = regexp.MustCompile(`[^a-z0-9]+`)

func slug(s string) string {
	return strings.Trim(nonSlug.ReplaceAllString(strings.ToLower(s), "-"), "-")
}
