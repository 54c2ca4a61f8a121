// Package ingest reads complaint exports (CSV, XLSX, JSON) in any known layout into rapor's
// DuckDB tables: complaint_versions, complaints, rejects and ingest_runs.
//
// A file flows: detect layout from its header -> records -> normalise in parallel workers
// (timestamps, statuses, pseudonyms, masking) -> Arrow record batches -> DuckDB, inside one
// transaction per file, so a failure or a kill mid-file leaves the database as it was.
package ingest

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"database/sql/driver"
	"embed"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"
	"github.com/apache/arrow-go/v18/arrow/memory"
	duckdb "github.com/duckdb/duckdb-go/v2"

	"github.com/hsu-lapor/rapor/internal/msg"
	"github.com/hsu-lapor/rapor/store"
)

//go:embed sql/*.sql
var sqlFiles embed.FS

// query returns the text of sql/NAME.sql (each file says what it returns and its parameters).
var query = store.SQLDir(sqlFiles, "sql")

// Options configure an ingest.
type Options struct {
	// Regency is given to rows whose layout or columns do not name one.
	Regency string
	// SourceLoc is the zone of naive timestamps (config source_timezone) unless a layout says otherwise.
	SourceLoc *time.Location
	Layouts   *Layouts
	// Pseudonymizer keys reporter pseudonyms.
	Pseudonymizer *Pseudonymizer
	// Workers normalising records (0: one per core).
	Workers int
	// ChunkRows is the number of records per Arrow record batch (0: 8192).
	ChunkRows int
	// Progress, if set, is called about five times a second with how far the file is read.
	Progress func(path string, done, total int64)
	// Version is the program version recorded with each run.
	Version string
	// ObservedAt is the snapshot instant of snapshot exports (layout R) whose file does not say
	// it (no Tanggal Generate in a preamble): `--observed-at`. Nil: the file's modification time,
	// with a warning.
	ObservedAt *Instant
	// PlausibleFrom is the first plausible timestamp (config plausible_dates.from; zero:
	// DefaultPlausibleFrom). The last is the ingest's time plus a day.
	PlausibleFrom time.Time
	// Log receives debug timings (nil: none).
	Log *slog.Logger
}

func firstLine(s string) string {
	for _, l := range strings.Split(s, "\n") {
		if l = strings.TrimSpace(l); l != "" && !strings.HasPrefix(l, "--") {
			return l
		}
	}
	return ""
}

// Instant is a snapshot instant: a moment (From == To) or a whole local day [From, To]
// (metrics.md: a date-only Tanggal Generate is the whole day in the export's zone).
type Instant struct {
	From, To time.Time
	// Source says where it came from: preamble (Tanggal Generate), option (--observed-at) or
	// mtime (the file's modification time).
	Source string
}

// Preamble is what a Laporan Ringkas export says about itself above its table.
type Preamble struct {
	Title        string // Judul Laporan
	Organisation string // Nama Instansi
	Generated    string // Tanggal Generate, as written
	Period       string // Periode Masuk, as written
	PeriodFrom   time.Time
	PeriodTo     time.Time
	Manager      string // Pengelola
}

// FileResult is what happened to one file.
type FileResult struct {
	Path     string
	RunID    int64
	Skipped  bool // already ingested (same content): nothing changed
	Layout   string
	Format   string
	Read     int64
	Accepted int64
	Rejected int64 // rows rejected
	Notes    int64 // values dropped from rows that were kept
	Duration time.Duration
	// PrevRun and PrevTime say when a skipped file was ingested before.
	PrevRun  int64
	PrevTime time.Time
	// Observed is the snapshot instant of a snapshot export (nil for others).
	Observed *Instant
	// Preamble is what the file said above its table, when it had a preamble.
	Preamble *Preamble
	// Warnings are sentences for the summary (e.g. the instant taken from the file's mtime).
	Warnings []string
	// Regency is the government the file's rows were filed under.
	Regency string
	// UnknownStatuses are the status spellings no layout knows, most frequent first.
	UnknownStatuses []StatusCount
}

// Summary is the one-line account of a file in the process-wide language, times in the
// machine's zone; Text chooses both.
func (r FileResult) Summary() string { return r.Text(msg.Current(), time.Local) }

// Text is the one-line account of a file in language l, the time of an earlier ingest in loc
// (config timezone, like every other time rapor shows).
func (r FileResult) Text(l msg.Lang, loc *time.Location) string {
	if r.Skipped {
		return l.T("already", r.Path, r.PrevRun, r.PrevTime.In(loc).Format("2006-01-02 15:04 MST"))
	}
	see := ""
	if r.Rejected > 0 || r.Notes > 0 {
		see = l.T("see_rejects")
	}
	return l.T("summary", r.Path, l.Number(r.Read), l.Number(r.Accepted), l.Number(r.Rejected), l.Number(r.Notes), see)
}

// Details are the lines that follow the summary: warnings (the government the file was filed
// under, an instant taken from the file's mtime, ...) and the status spellings no layout knows,
// with how to map them.
func (r FileResult) Details() []string {
	if r.Skipped {
		return nil
	}
	out := append([]string(nil), r.Warnings...)
	if len(r.UnknownStatuses) > 0 {
		var parts []string
		for i, u := range r.UnknownStatuses {
			if i == 10 {
				parts = append(parts, msg.T("and_more", len(r.UnknownStatuses)-10))
				break
			}
			raw := u.Raw
			if raw == "" {
				raw = msg.T("empty_value")
			} else {
				raw = fmt.Sprintf("%q", truncate(raw, 60))
			}
			parts = append(parts, fmt.Sprintf("%s (%s)", raw, msg.Thousands(u.N)))
		}
		example := "Status Baru"
		if u := r.UnknownStatuses[0].Raw; u != "" {
			example = truncate(u, 60)
		}
		out = append(out, msg.T("unknown_statuses", strings.Join(parts, ", "), r.Layout, example))
	}
	return out
}

// Expand turns the command line's files and directories into the files to ingest, in name
// order (directories are walked for .csv, .xlsx, .xlsm, .json and .txt files).
func Expand(args []string) ([]string, error) {
	var out []string
	for _, a := range args {
		st, err := os.Stat(a)
		if err != nil {
			return nil, err
		}
		if !st.IsDir() {
			out = append(out, a)
			continue
		}
		var found []string
		err = filepath.WalkDir(a, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.IsDir() {
				if p != a && strings.HasPrefix(d.Name(), ".") {
					return filepath.SkipDir
				}
				return nil
			}
			switch strings.ToLower(filepath.Ext(p)) {
			case ".csv", ".xlsx", ".xlsm", ".json", ".txt", ".tsv":
				if !strings.HasPrefix(d.Name(), "~$") && !strings.HasPrefix(d.Name(), ".") {
					found = append(found, p)
				}
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
		sort.Strings(found)
		out = append(out, found...)
	}
	return out, nil
}

// FileSHA256 hashes a file's content: the identity of an export for idempotence.
func FileSHA256(path string) (string, int64, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", 0, err
	}
	defer f.Close()
	h := sha256.New()
	n, err := io.Copy(h, f)
	if err != nil {
		return "", 0, err
	}
	return hex.EncodeToString(h.Sum(nil)), n, nil
}

// File ingests one file in one transaction.
func File(ctx context.Context, db *store.DB, path string, o Options) (FileResult, error) {
	start := time.Now()
	res := FileResult{Path: path}
	abs, err := filepath.Abs(path)
	if err != nil {
		return res, err
	}
	sum, size, err := FileSHA256(path)
	if err != nil {
		return res, err
	}
	var prev sql.NullInt64
	var prevTime sql.NullTime
	err = db.QueryRowContext(ctx, query("previous_run"), sum).Scan(&prev, &prevTime)
	if err == nil {
		res.Skipped, res.PrevRun, res.PrevTime = true, prev.Int64, prevTime.Time
		return res, nil
	}
	if !errors.Is(err, sql.ErrNoRows) {
		return res, err
	}

	src, err := openSource(path)
	if err != nil {
		return res, err
	}
	defer src.Close()
	bind, headerRow, preambleRows, err := findHeader(path, src, o.Layouts)
	if err != nil {
		return res, err
	}
	res.Layout, res.Format = bind.Layout.Name, src.Format()

	tp := TimeParser{Order: DayFirst, Loc: o.SourceLoc, Serial: src.Serial(), Date1904: src.Date1904()}
	if bind.Layout.DateOrder == "mdy" {
		tp.Order = MonthFirst
	}
	if bind.Layout.SourceTimezone != "" {
		tp.Loc, _ = time.LoadLocation(bind.Layout.SourceTimezone)
	}
	// Layout R (ringkas.go): the preamble, whose government the file is, the snapshot instant.
	pre, generated, warns := parsePreamble(preambleRows, tp)
	res.Preamble, res.Warnings = pre, append(res.Warnings, warns...)
	regency := o.Regency
	if bind.Layout.Regency != "" {
		regency = bind.Layout.Regency
	} else {
		var parent func() string
		if bind.Has("parent_agency") {
			parent = func() string { return parentGovernment(path, o.Layouts) }
		}
		var note string
		if regency, note = fileRegency(o.Regency, pre, parent); note != "" {
			res.Warnings = append(res.Warnings, note)
		}
	}
	res.Regency = regency
	norm := newNormalizer(bind, tp, o.Pseudonymizer, regency, src.Format() == "csv")
	norm.dates = plausibleRange(o.PlausibleFrom, start)
	if bind.Layout.Snapshot {
		obs, warn, err := snapshotInstant(path, generated, o)
		if err != nil {
			return res, err
		}
		norm.observed, res.Observed = obs, obs
		if warn != "" {
			res.Warnings = append(res.Warnings, warn)
		}
	}

	conn, err := db.Conn(ctx)
	if err != nil {
		return res, err
	}
	defer conn.Close()

	pctx, cancel := context.WithCancel(ctx)
	defer cancel()
	p := startPipeline(pctx, src, norm, o, headerRow)
	if o.Progress != nil {
		stop := make(chan struct{})
		defer close(stop)
		go func() {
			t := time.NewTicker(200 * time.Millisecond)
			defer t.Stop()
			for {
				select {
				case <-stop:
					return
				case <-t.C:
					d, tot := src.Progress()
					o.Progress(path, d, tot)
				}
			}
		}()
	}

	err = conn.Raw(func(dc any) error {
		c := dc.(driver.Conn)
		ex := c.(driver.ExecerContext)
		q := c.(driver.QueryerContext)
		exec := func(sqlText string, args ...any) error {
			t0 := time.Now()
			_, err := ex.ExecContext(ctx, sqlText, namedValues(args))
			if o.Log != nil {
				o.Log.Debug("sql", "seconds", time.Since(t0).Seconds(), "stmt", firstLine(sqlText))
			}
			return err
		}
		if err := exec("BEGIN TRANSACTION"); err != nil {
			return err
		}
		committed := false
		defer func() {
			if !committed {
				// Even when the ingest was cancelled: the rollback itself must run.
				ex.ExecContext(context.WithoutCancel(ctx), "ROLLBACK", nil)
			}
		}()
		runID, err := queryInt(ctx, q, `SELECT nextval('ingest_run_seq')`)
		if err != nil {
			return err
		}
		ar, err := duckdb.NewArrowFromConn(c)
		if err != nil {
			return err
		}
		insert := query("insert_versions")
		if bind.Layout.Snapshot {
			// A snapshot's rows go to a stage first: most of them are sightings, not versions.
			if err := exec(query("snapshot_setup")); err != nil {
				return fmt.Errorf("snapshot stage: %w", err)
			}
			insert = query("snapshot_stage_insert")
		}
		release, err := ar.RegisterView(p, "rapor_stage_in")
		if err != nil {
			return err
		}
		err = exec(insert, runID)
		release()
		// DuckDB's C API registers an Arrow stream as a *persistent* view whose plan points at
		// the stream: once released, querying it would crash. It must not outlive the insert.
		if derr := exec(`DROP VIEW IF EXISTS rapor_stage_in`); err == nil {
			err = derr
		}
		if perr := p.Err(); perr != nil {
			return perr // the reader's error is clearer than the scan's
		}
		if err != nil {
			return fmt.Errorf("insert versions: %w", err)
		}
		if bind.Layout.Snapshot {
			ints := func(sqlText string, args ...any) ([]int64, error) { return queryInts(ctx, q, sqlText, args...) }
			if err := mergeSnapshot(exec, ints, res.Observed, tp.Loc); err != nil {
				return fmt.Errorf("merge snapshot: %w", err)
			}
		} else if err := mergeExact(ctx, q, exec, runID); err != nil {
			return err
		}
		if err := insertRejects(ctx, ar, exec, runID, abs, p.rejects); err != nil {
			return fmt.Errorf("rejects: %w", err)
		}
		var maxTime any
		if p.maxTime > 0 {
			maxTime = time.UnixMicro(p.maxTime).UTC()
		}
		headers := make([]any, len(bind.Headers))
		for i, h := range bind.Headers {
			headers[i] = text(h)
		}
		var obsFrom, obsTo, obsSource, org, generated, periodFrom, periodTo, manager any
		if ob := res.Observed; ob != nil {
			obsFrom, obsTo, obsSource = ob.From.UTC(), ob.To.UTC(), ob.Source
		}
		if pr := res.Preamble; pr != nil {
			org, generated, manager = nullText(pr.Organisation), nullText(pr.Generated), nullText(pr.Manager)
			if !pr.PeriodFrom.IsZero() {
				periodFrom = pr.PeriodFrom
			}
			if !pr.PeriodTo.IsZero() {
				periodTo = pr.PeriodTo
			}
		}
		err = exec(query("insert_run"),
			runID, abs, filepath.Base(path), sum, size, src.Format(), bind.Layout.Name, regency,
			headers, p.read, p.accepted, p.rejected, maxTime, start.UTC(), o.Version,
			obsFrom, obsTo, obsSource, org, generated, periodFrom, periodTo, manager)
		if err != nil {
			return fmt.Errorf("record run: %w", err)
		}
		if err := exec("COMMIT"); err != nil {
			return err
		}
		committed = true
		res.RunID = runID
		return nil
	})
	if err != nil {
		return res, err
	}
	res.Read, res.Accepted, res.Rejected = p.read, p.accepted, p.rejected
	res.Notes = int64(len(p.rejects)) - p.rejectedReasons
	for raw, n := range p.unknown {
		res.UnknownStatuses = append(res.UnknownStatuses, StatusCount{raw, n})
	}
	sort.Slice(res.UnknownStatuses, func(i, j int) bool {
		a, b := res.UnknownStatuses[i], res.UnknownStatuses[j]
		return a.N > b.N || a.N == b.N && a.Raw < b.Raw
	})
	res.Duration = time.Since(start)
	return res, nil
}

// mergeExact settles which of an exact export's rows are current (layouts with event times:
// a version per row, the newest version_at current).
func mergeExact(ctx context.Context, q driver.QueryerContext, exec func(string, ...any) error, runID int64) error {
	dups, err := queryInt(ctx, q, query("run_duplicates"), runID)
	if err != nil {
		return err
	}
	if dups > 0 {
		if err := exec(query("dedupe_run"), runID); err != nil {
			return fmt.Errorf("dedupe: %w", err)
		}
	}
	if err := exec(query("merge_losers"), runID); err != nil {
		return fmt.Errorf("merge: %w", err)
	}
	if err := exec(query("merge_superseded"), runID); err != nil {
		return fmt.Errorf("merge: %w", err)
	}
	return nil
}

// nullText binds an empty string as NULL.
func nullText(s string) any {
	if s == "" {
		return nil
	}
	return text(s)
}

// namedValues binds args by position on a driver connection.
func namedValues(args []any) []driver.NamedValue {
	nv := make([]driver.NamedValue, len(args))
	for i, a := range args {
		nv[i] = driver.NamedValue{Ordinal: i + 1, Value: a}
	}
	return nv
}

func queryInt(ctx context.Context, q driver.QueryerContext, sqlText string, args ...any) (int64, error) {
	n, err := queryInts(ctx, q, sqlText, args...)
	if err != nil {
		return 0, err
	}
	return n[0], nil
}

// queryInts returns the first row of a query whose columns are integers (NULL: 0).
func queryInts(ctx context.Context, q driver.QueryerContext, sqlText string, args ...any) ([]int64, error) {
	rows, err := q.QueryContext(ctx, sqlText, namedValues(args))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	dest := make([]driver.Value, len(rows.Columns()))
	if err := rows.Next(dest); err != nil {
		return nil, err
	}
	out := make([]int64, len(dest))
	for i, d := range dest {
		switch v := d.(type) {
		case int64:
			out[i] = v
		case int32:
			out[i] = int64(v)
		case nil:
		default:
			return nil, fmt.Errorf("unexpected %T", d)
		}
	}
	return out, nil
}

// findHeader reads records until one is a header some layout fits (exports sometimes carry a
// title line or a preamble above it: the header is among the first headerSearchRows rows).
// XLSX workbooks move on to the next sheet. The preamble rows above the header are returned.
func findHeader(path string, src source, ls *Layouts) (*Binding, int64, []preambleRow, error) {
	var widest []string // the filled cells of the fullest row seen, for the error message
	filled := func(rec []string, far []farCell) []string {
		var out []string
		for _, v := range rec {
			if strings.TrimSpace(v) != "" {
				out = append(out, v)
			}
		}
		for _, c := range far {
			if strings.TrimSpace(c.Val) != "" {
				out = append(out, c.Val)
			}
		}
		return out
	}
	fs, _ := src.(farSource)
	for {
		var above []preambleRow
		for tries := 0; tries < headerSearchRows; tries++ {
			row, rec, err := src.Next()
			if err == io.EOF {
				break
			}
			var re *RowError
			if errors.As(err, &re) {
				continue
			}
			var nt *NotTableError
			if errors.As(err, &nt) {
				return nil, 0, nil, err // a damaged sheet already says so
			}
			if err != nil {
				return nil, 0, nil, &NotTableError{path, err.Error()}
			}
			var far []farCell
			if fs != nil {
				far = fs.Far()
			}
			if blank(rec) && blankFar(far) {
				continue
			}
			if f := filled(rec, far); len(f) > len(widest) {
				widest = f
			}
			if b, err := ls.Detect(rec); err == nil {
				// The data rows' cells beyond the header are not the table's: the reader keeps
				// them apart instead of padding every record out to them.
				if xs, ok := src.(*xlsxSource); ok {
					xs.limitColumns(len(rec))
				}
				b.far = far
				return b, row, above, nil
			}
			if pr, ok := asPreambleRow(row, rec, far); ok {
				above = append(above, pr)
			}
		}
		xs, ok := src.(*xlsxSource)
		if !ok || !xs.nextSheet() {
			break
		}
	}
	if widest == nil {
		return nil, 0, nil, &NotTableError{path, msg.T("no_header")}
	}
	var seen []string
	for _, h := range widest {
		if h = strings.TrimSpace(h); h != "" {
			seen = append(seen, fmt.Sprintf("%q", truncate(text(h), 40)))
		}
		if len(seen) == 30 {
			seen = append(seen, "…")
			break
		}
	}
	return nil, 0, nil, &UnknownLayoutError{Path: path, Headers: seen}
}

// UnknownLayoutError lists the headers seen and the way to teach rapor a layout.
type UnknownLayoutError struct {
	Path    string
	Headers []string
}

func (e *UnknownLayoutError) Error() string {
	return msg.T("unknown_layout", e.Path, strings.Join(e.Headers, ", "))
}

func (e *UnknownLayoutError) Unwrap() error { return ErrUnknownLayout }

// pipeline reads records, normalises them in parallel and serves them to DuckDB as an Arrow
// RecordReader. DuckDB pulls; the reader and workers stay a few chunks ahead.
type pipeline struct {
	mu      sync.Mutex
	refs    int64
	results chan chunkResult
	errOnce sync.Once
	err     error
	cur     arrow.RecordBatch

	read, accepted, rejected int64
	rejectedReasons          int64
	maxTime                  int64
	rejects                  []Reject
	unknown                  map[string]int64 // status spellings no layout knows
}

func startPipeline(ctx context.Context, src source, n *normalizer, o Options, headerRow int64) *pipeline {
	workers := o.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	chunk := o.ChunkRows
	if chunk <= 0 {
		chunk = 8192
	} else if cs, ok := src.(*csvSource); ok {
		cs.blockSize = max(chunk*64, 1024) // tests ask for small batches
	}
	type job struct {
		rows    []int64
		recs    [][]string
		far     map[int][]farCell // recs[i]'s cells beyond the header, kept apart (XLSX)
		rejects []Reject          // rows the reader could not split into cells
		raw     []byte            // or: a block of whole CSV records, starting on line
		line    int64
	}
	jobs := make(chan job, workers*2)
	p := &pipeline{refs: 1, results: make(chan chunkResult, workers*2)}
	send := func(j job) bool {
		select {
		case jobs <- j:
			return true
		case <-ctx.Done():
			return false
		}
	}
	go func() {
		defer close(jobs)
		if cs, ok := src.(*csvSource); ok {
			// CSV: hand out raw blocks; the workers split them into cells in parallel.
			for {
				b, line, err := cs.NextBlock()
				if err == io.EOF {
					return
				}
				if err != nil {
					p.fail(err)
					return
				}
				if !send(job{raw: b, line: line}) {
					return
				}
			}
		}
		j := job{}
		fs, _ := src.(farSource)
		for {
			row, rec, err := src.Next()
			if err == io.EOF {
				break
			}
			var re *RowError
			if errors.As(err, &re) {
				j.rejects = append(j.rejects, Reject{Row: re.Row, Code: re.Code, Args: re.Args, RowRejected: true})
				continue
			}
			if err != nil {
				p.fail(err)
				return
			}
			j.rows, j.recs = append(j.rows, row), append(j.recs, rec)
			if fs != nil {
				if far := fs.Far(); far != nil {
					if j.far == nil {
						j.far = map[int][]farCell{}
					}
					j.far[len(j.recs)-1] = far
				}
			}
			if len(j.recs) == chunk {
				if !send(j) {
					return
				}
				j = job{rows: make([]int64, 0, chunk), recs: make([][]string, 0, chunk)}
			}
		}
		if len(j.recs) > 0 || len(j.rejects) > 0 {
			send(j)
		}
	}()
	var wg sync.WaitGroup
	mem := memory.NewGoAllocator()
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				if j.raw != nil {
					j.rows, j.recs, j.rejects = parseBlock(j.raw, j.line, src.(*csvSource).sep, n.headerLen)
				}
				r := n.process(mem, j.rows, j.recs, j.far)
				r.rejects = append(r.rejects, j.rejects...)
				r.read += int64(len(j.rejects))
				r.rejected += int64(len(j.rejects))
				select {
				case p.results <- r:
				case <-ctx.Done():
					r.rec.Release()
					return
				}
			}
		}()
	}
	go func() {
		wg.Wait()
		close(p.results)
	}()
	return p
}

func (p *pipeline) fail(err error) {
	p.errOnce.Do(func() {
		p.mu.Lock()
		p.err = err
		p.mu.Unlock()
	})
}

func (p *pipeline) Retain() { p.mu.Lock(); p.refs++; p.mu.Unlock() }
func (p *pipeline) Release() {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.refs--
	if p.refs == 0 && p.cur != nil {
		p.cur.Release()
		p.cur = nil
	}
}
func (p *pipeline) Schema() *arrow.Schema { return stageSchema }

func (p *pipeline) Next() bool {
	if p.cur != nil {
		p.cur.Release()
		p.cur = nil
	}
	for r := range p.results {
		p.read += r.read
		p.accepted += r.accepted
		p.rejected += r.rejected
		if r.maxTime > p.maxTime {
			p.maxTime = r.maxTime
		}
		for _, rj := range r.rejects {
			if rj.RowRejected {
				p.rejectedReasons++
			}
		}
		p.rejects = append(p.rejects, r.rejects...)
		for raw, n := range r.unknown {
			if p.unknown == nil {
				p.unknown = map[string]int64{}
			}
			p.unknown[raw] += n
		}
		if r.rec.NumRows() == 0 {
			r.rec.Release()
			continue
		}
		p.cur = r.rec
		return true
	}
	return false
}

func (p *pipeline) RecordBatch() arrow.RecordBatch { return p.cur }
func (p *pipeline) Record() arrow.RecordBatch      { return p.cur }
func (p *pipeline) Err() error {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.err
}

var _ array.RecordReader = (*pipeline)(nil)

var rejectSchema = arrow.NewSchema([]arrow.Field{
	{Name: "run_id", Type: arrow.PrimitiveTypes.Int64},
	{Name: "file_path", Type: arrow.BinaryTypes.String},
	{Name: "source_row", Type: arrow.PrimitiveTypes.Int64},
	{Name: "column_name", Type: arrow.BinaryTypes.String, Nullable: true},
	{Name: "raw_value", Type: arrow.BinaryTypes.String, Nullable: true},
	{Name: "reason_code", Type: arrow.BinaryTypes.String},
	{Name: "reason", Type: arrow.BinaryTypes.String},
	{Name: "row_rejected", Type: arrow.FixedWidthTypes.Boolean},
	{Name: "reason_args", Type: arrow.BinaryTypes.String},
}, nil)

func insertRejects(ctx context.Context, ar *duckdb.Arrow, exec func(string, ...any) error, runID int64, path string, rejects []Reject) error {
	if len(rejects) == 0 {
		return nil
	}
	sort.SliceStable(rejects, func(i, j int) bool { return rejects[i].Row < rejects[j].Row })
	b := array.NewRecordBuilder(memory.NewGoAllocator(), rejectSchema)
	defer b.Release()
	for _, r := range rejects {
		b.Field(0).(*array.Int64Builder).Append(runID)
		b.Field(1).(*array.StringBuilder).Append(path)
		b.Field(2).(*array.Int64Builder).Append(r.Row)
		appendOpt(b.Field(3).(*array.StringBuilder), text(r.Column))
		// The raw value is a row's cell, the reason quotes it: both pass the masking step.
		appendOpt(b.Field(4).(*array.StringBuilder), Redact(text(r.Raw)))
		b.Field(5).(*array.StringBuilder).Append(r.Code)
		b.Field(6).(*array.StringBuilder).Append(Redact(text(msg.T(r.Code, r.Args...))))
		b.Field(7).(*array.BooleanBuilder).Append(r.RowRejected)
		b.Field(8).(*array.StringBuilder).Append(reasonArgs(r.Args))
	}
	rec := b.NewRecordBatch()
	defer rec.Release()
	rr, err := array.NewRecordReader(rejectSchema, []arrow.RecordBatch{rec})
	if err != nil {
		return err
	}
	defer rr.Release()
	release, err := ar.RegisterView(rr, "rapor_rejects_in")
	if err != nil {
		return err
	}
	defer release()
	if err := exec(reasonMacro()); err != nil {
		return err
	}
	if err := exec(`INSERT INTO rejects BY NAME SELECT * FROM rapor_rejects_in`); err != nil {
		return err
	}
	return exec(`DROP VIEW rapor_rejects_in`) // see the note on rapor_stage_in
}
