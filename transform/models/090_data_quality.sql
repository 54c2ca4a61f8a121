-- data_quality: every check rapor makes on the data, with its count (metrics.md, "Data quality").
--
-- Grain: one row per (source, run_id, regency, check_name). source 'ingest' rows describe one ingested
-- file (run_id): its rejected rows in total and by reason, and the values dropped from rows that
-- were kept, by reason. source 'build' rows describe the current complaints of a regency at this
-- build: every build check has a row for every regency, with count 0 when nothing was found, so
-- that no check is silent.
--
-- Columns:
--   source      VARCHAR    ingest | build
--   run_id      BIGINT     ingest_runs.run_id (ingest rows); NULL for build rows
--   file_name   VARCHAR    the file (ingest rows); NULL for build rows
--   regency     VARCHAR    regency
--   check_name  VARCHAR    the check's code (see queries/README.md)
--   severity    VARCHAR    warning (the data is wrong or incomplete) | info (a limit of the data)
--   unit        VARCHAR    what count counts: rows | values | complaints | agencies
--   count       BIGINT     how many; NULL when the check could not run (detail says why)
--   examples    VARCHAR[]  up to 5 tracking ids (or agency names), smallest first
--   detail      VARCHAR    what the check means, or why it did not run
CREATE OR REPLACE TABLE data_quality AS
WITH p AS (
    SELECT * FROM build_info
),
-- Each complaint's flags, counted over all complaints; the examples (the smallest tracking ids)
-- are taken from the flagged complaints only.
flags AS (
    SELECT
        f.regency_id,
        f.tracking_id,
        (f.verify_invalid) AS disposed_before_submitted,
        (f.response_invalid) AS response_before_disposed,
        (f.close_invalid) AS closed_before_disposed,
        (f.closed_at IS NOT NULL AND f.disposed_at IS NULL) AS closed_without_disposition,
        (f.timing = 'exact' AND f.status = 'closed' AND f.closed_at IS NULL) AS closed_status_without_closed_at,
        (f.closed_at IS NOT NULL AND f.status IN ('unverified', 'verified', 'disposed', 'in_progress', 'postponed')) AS closed_at_with_open_status,
        (f.disposed_at IS NOT NULL AND f.agency_id IS NULL) AS disposed_without_agency,
        (f.timing = 'exact' AND f.agency_id IS NOT NULL AND f.disposed_at IS NULL) AS agency_without_disposition,
        (f.timing = 'snapshot') AS timed_from_snapshots,
        (NOT coalesce(greatest(f.submitted_date, f.disposed_date, f.response_date, f.closed_date) <= p.holidays_last AND least(f.submitted_date, f.disposed_date, f.response_date, f.closed_date) >= p.holidays_first, false)) AS outside_holiday_calendar,
        (NOT f.has_first_response) AS no_first_response_column
    FROM complaint_facts AS f
    CROSS JOIN p
),
fact_counts AS (
    SELECT
        regency_id,
        count(*) FILTER (WHERE disposed_before_submitted) AS disposed_before_submitted,
        count(*) FILTER (WHERE response_before_disposed) AS response_before_disposed,
        count(*) FILTER (WHERE closed_before_disposed) AS closed_before_disposed,
        count(*) FILTER (WHERE closed_without_disposition) AS closed_without_disposition,
        count(*) FILTER (WHERE closed_status_without_closed_at) AS closed_status_without_closed_at,
        count(*) FILTER (WHERE closed_at_with_open_status) AS closed_at_with_open_status,
        count(*) FILTER (WHERE disposed_without_agency) AS disposed_without_agency,
        count(*) FILTER (WHERE agency_without_disposition) AS agency_without_disposition,
        count(*) FILTER (WHERE outside_holiday_calendar) AS outside_holiday_calendar,
        count(*) FILTER (WHERE no_first_response_column) AS no_first_response_column,
        count(*) FILTER (WHERE timed_from_snapshots) AS timed_from_snapshots
    FROM flags
    GROUP BY regency_id
),
fact_examples AS (
    SELECT
        regency_id,
        min(tracking_id, 5) FILTER (WHERE disposed_before_submitted) AS disposed_before_submitted_ex,
        min(tracking_id, 5) FILTER (WHERE response_before_disposed) AS response_before_disposed_ex,
        min(tracking_id, 5) FILTER (WHERE closed_before_disposed) AS closed_before_disposed_ex,
        min(tracking_id, 5) FILTER (WHERE closed_without_disposition) AS closed_without_disposition_ex,
        min(tracking_id, 5) FILTER (WHERE closed_status_without_closed_at) AS closed_status_without_closed_at_ex,
        min(tracking_id, 5) FILTER (WHERE closed_at_with_open_status) AS closed_at_with_open_status_ex,
        min(tracking_id, 5) FILTER (WHERE disposed_without_agency) AS disposed_without_agency_ex,
        min(tracking_id, 5) FILTER (WHERE agency_without_disposition) AS agency_without_disposition_ex,
        min(tracking_id, 5) FILTER (WHERE outside_holiday_calendar) AS outside_holiday_calendar_ex,
        min(tracking_id, 5) FILTER (WHERE no_first_response_column) AS no_first_response_column_ex,
        min(tracking_id, 5) FILTER (WHERE timed_from_snapshots) AS timed_from_snapshots_ex
    FROM flags
    WHERE timed_from_snapshots OR disposed_before_submitted OR response_before_disposed OR closed_before_disposed OR closed_without_disposition OR closed_status_without_closed_at OR closed_at_with_open_status OR disposed_without_agency OR agency_without_disposition OR outside_holiday_calendar OR no_first_response_column
    GROUP BY regency_id
),
facts AS (
    SELECT r.regency, c.* EXCLUDE (regency_id), e.* EXCLUDE (regency_id)
    FROM fact_counts AS c
    JOIN regencies AS r USING (regency_id)
    LEFT JOIN fact_examples AS e USING (regency_id)
),
raw AS (
    SELECT
        c.regency,
        count(*) FILTER (WHERE c.status = 'unknown') AS unknown_status,
        min(c.tracking_id, 5) FILTER (WHERE c.status = 'unknown') AS unknown_status_ex,
        string_agg(DISTINCT c.status_raw, ', ' ORDER BY c.status_raw) FILTER (WHERE c.status = 'unknown') AS unknown_status_raw,
        count(*) FILTER (WHERE greatest(c.submitted_at, c.verified_at, c.disposed_at, c.first_response_at, c.closed_at, c.last_activity_at) > p.started_at) AS future_timestamp,
        min(c.tracking_id, 5) FILTER (WHERE greatest(c.submitted_at, c.verified_at, c.disposed_at, c.first_response_at, c.closed_at, c.last_activity_at) > p.started_at) AS future_timestamp_ex
    FROM complaints AS c
    CROSS JOIN p
    GROUP BY c.regency
),
names AS (
    SELECT
        regency,
        count(DISTINCT agency) FILTER (WHERE NOT in_master) AS agency_not_in_master,
        list_sort(list(DISTINCT agency) FILTER (WHERE NOT in_master))[1:5] AS agency_not_in_master_ex
    FROM agency_names
    GROUP BY regency
),
per_regency AS (
    SELECT f.*, r.* EXCLUDE (regency), coalesce(n.agency_not_in_master, 0) AS agency_not_in_master,
           n.agency_not_in_master_ex, p.master_agencies
    FROM facts AS f
    JOIN raw AS r USING (regency)
    LEFT JOIN names AS n USING (regency)
    CROSS JOIN p
),
build_checks AS (
    SELECT
        'build' AS source, NULL::BIGINT AS run_id, NULL::VARCHAR AS file_name, regency,
        x.check_name, x.severity, x.unit, x.count, x.examples, x.detail
    FROM per_regency,
    LATERAL (VALUES
        ('unknown_status', 'warning', 'complaints', unknown_status, unknown_status_ex,
         'status not in the list of known statuses (kept as unknown): ' || coalesce(unknown_status_raw, '-')),
        ('disposed_before_submitted', 'warning', 'complaints', disposed_before_submitted, disposed_before_submitted_ex,
         'disposed_at < submitted_at: excluded from verification times, never on time'),
        ('response_before_disposed', 'warning', 'complaints', response_before_disposed, response_before_disposed_ex,
         'first_response_at < disposed_at: excluded from response times, never on time'),
        ('closed_before_disposed', 'warning', 'complaints', closed_before_disposed, closed_before_disposed_ex,
         'closed_at < disposed_at: excluded from completion times, never on time'),
        ('closed_without_disposition', 'warning', 'complaints', closed_without_disposition, closed_without_disposition_ex,
         'closed_at without disposed_at: in no agency cohort, counted as undisposed'),
        ('closed_status_without_closed_at', 'warning', 'complaints', closed_status_without_closed_at, closed_status_without_closed_at_ex,
         'status closed (Selesai) but no closed_at: counted as not closed'),
        ('closed_at_with_open_status', 'warning', 'complaints', closed_at_with_open_status, closed_at_with_open_status_ex,
         'closed_at present but the status is an open one: counted as closed'),
        ('disposed_without_agency', 'warning', 'complaints', disposed_without_agency, disposed_without_agency_ex,
         'disposed_at without an agency: in no agency cohort'),
        ('agency_without_disposition', 'warning', 'complaints', agency_without_disposition, agency_without_disposition_ex,
         'agency named but no disposed_at: in no agency cohort'),
        ('agency_not_in_master', CASE WHEN master_agencies > 0 THEN 'warning' ELSE 'info' END, 'agencies',
         CASE WHEN master_agencies > 0 THEN agency_not_in_master END,
         CASE WHEN master_agencies > 0 THEN agency_not_in_master_ex END,
         CASE WHEN master_agencies > 0 THEN 'agency names that are neither a name nor an alias in config agencies'
              ELSE 'not checked: config agencies (the master list) is empty' END),
        ('future_timestamp', 'warning', 'complaints', future_timestamp, future_timestamp_ex,
         'a timestamp after the build time: not used for as_of'),
        ('outside_holiday_calendar', 'info', 'complaints', outside_holiday_calendar, outside_holiday_calendar_ex,
         'a date outside the years of the holiday list: only weekends counted as non-working there'),
        ('no_first_response_column', 'info', 'complaints', no_first_response_column, no_first_response_column_ex,
         'from an export without a first-response column (layout B): response metrics not available (NULL)'),
        ('timed_from_snapshots', 'info', 'complaints', timed_from_snapshots, timed_from_snapshots_ex,
         'event times bounded from snapshot exports (Laporan Ringkas): service levels met, missed or undetermined')
    ) AS x(check_name, severity, unit, count, examples, detail)
),
reasons AS (
    SELECT
        r.run_id, r.row_rejected, r.reason_code,
        count(*) AS n,
        min(coalesce(r.column_name || ': ', '') || coalesce(r.raw_value, ''), 5) AS examples,
        min(r.source_row) AS first_row
    FROM rejects AS r
    GROUP BY ALL
),
ingest_checks AS (
    SELECT 'ingest' AS source, i.run_id, i.file_name, i.regency, 'rows_rejected' AS check_name,
           'warning' AS severity, 'rows' AS unit, i.rows_rejected AS count, NULL::VARCHAR[] AS examples,
           'rows of ' || i.rows_read || ' not loaded (table rejects)' AS detail
    FROM ingest_runs AS i
    UNION ALL
    SELECT 'ingest', i.run_id, i.file_name, i.regency,
           CASE WHEN r.row_rejected THEN 'rejected:' ELSE 'value_dropped:' END || r.reason_code,
           'warning', CASE WHEN r.row_rejected THEN 'rows' ELSE 'values' END, r.n, r.examples,
           CASE WHEN r.row_rejected THEN 'rows rejected for this reason, the first at row ' || r.first_row
                ELSE 'values left empty in rows that were kept, the first at row ' || r.first_row END
    FROM reasons AS r
    JOIN ingest_runs AS i USING (run_id)
    UNION ALL
    SELECT 'ingest', i.run_id, i.file_name, i.regency, 'observed_at_from_mtime', 'warning', 'rows', i.rows_accepted, NULL,
           'the export does not say when it was made (no Tanggal Generate, no --observed-at): its instant is the file''s modification time ' || strftime(i.observed_from, '%Y-%m-%d %H:%M')
    FROM ingest_runs AS i
    WHERE i.observed_source = 'mtime'
)
SELECT * FROM ingest_checks
UNION ALL
SELECT * FROM build_checks
ORDER BY source DESC, run_id NULLS LAST, regency, check_name
