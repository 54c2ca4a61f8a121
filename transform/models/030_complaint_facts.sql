-- complaint_facts (intermediate, dropped after the build): each current complaint with its local
-- dates, its durations and its SLA outcomes; every scorecard number is aggregated from here.
--
-- Grain: one row per (regency, tracking_id): the current version in complaints. Regency and agency
-- are carried as numbers (regencies.regency_id, agency_names.agency_id) to keep the million-row
-- intermediates narrow; their names are joined back at the end.
-- Local dates (config timezone): when the zone's UTC offset is the same over the whole span of
-- the data (build_info.utc_offset_seconds, e.g. WITA, UTC+8, with no daylight saving time), by
-- integer arithmetic on the epoch, which gives the same dates as the session time zone at a tenth
-- of the cost; otherwise by the session time zone (ts::DATE).
-- wd = working days, cd = calendar days (metrics.md). A pair (a, b) with b < a is invalid: its
-- duration is NULL, it is never on time, and *_invalid is true. archived_at is when the complaint
-- entered its current archived state: the first version (complaint_versions.version_at) of the
-- latest run of archived versions; NULL unless the current status is archived.
--
-- Columns:
--   regency_id               INTEGER      regencies.regency_id
--   tracking_id              VARCHAR      the complaint's key
--   status                   VARCHAR      normalised current status
--   agency_id                INTEGER      agency_names.agency_id, NULL when no agency is named
--   in_cohort                BOOLEAN      disposed (disposed_at) to a named agency: counted in agency_month
--   has_first_response       BOOLEAN      the export had a first-response column (false for layout B)
--   submitted_at             TIMESTAMPTZ  submission time
--   disposed_at              TIMESTAMPTZ  disposition time
--   first_response_at        TIMESTAMPTZ  agency's first follow-up (NULL without a first-response column)
--   closed_at                TIMESTAMPTZ  completion time
--   archived_at              TIMESTAMPTZ  start of the current archived state
--   rating                   TINYINT      1-5 or NULL
--   submitted_date           DATE         local date of submitted_at
--   submitted_month          DATE         first day of its local month
--   disposed_date            DATE         local date of disposed_at
--   disposed_month           DATE         first day of its local month (the agency cohort month)
--   response_date            DATE         local date of first_response_at
--   closed_date              DATE         local date of closed_at
--   archived_date            DATE         local date of archived_at
--   verify_wd                INTEGER      wd(submitted_at, disposed_at), valid pairs only
--   verify_invalid           BOOLEAN      disposed_at < submitted_at
--   verified_on_time         BOOLEAN      verify_wd <= V; NULL when not disposed
--   response_wd              INTEGER      wd(disposed_at, first_response_at), valid pairs only
--   response_invalid         BOOLEAN      first_response_at < disposed_at
--   responded_on_time        BOOLEAN      response_wd <= R; NULL when not disposed or no first-response column
--   close_days               INTEGER      cd (or wd, completion_unit working) from disposed_at to closed_at, valid pairs only
--   close_invalid            BOOLEAN      closed_at < disposed_at
--   closed_on_time           BOOLEAN      close_days <= C; NULL when not disposed
--   response_late_from       DATE         calendar.response_late_from of disposed_date: unanswered overdue from then
--   completion_late_from     DATE         calendar.completion_late_from of disposed_date: overdue from then
--   disposed_wd_index        INTEGER      calendar.wd_index of disposed_date
CREATE OR REPLACE TEMP TABLE complaint_facts AS
WITH p AS (
    SELECT *, utc_offset_seconds::BIGINT * 1000000 AS off_us FROM build_info
),
archived_versions AS (
    SELECT v.regency, v.tracking_id, v.version_at, v.status
    FROM complaint_versions AS v
    SEMI JOIN (SELECT regency, tracking_id FROM complaints WHERE status = 'archived') AS c
        ON c.regency = v.regency AND c.tracking_id = v.tracking_id
),
last_open AS (
    SELECT regency, tracking_id, max(version_at) FILTER (WHERE status <> 'archived') AS reopened_at
    FROM archived_versions
    GROUP BY ALL
),
archived AS (
    SELECT a.regency, a.tracking_id, min(a.version_at) AS archived_at
    FROM archived_versions AS a
    JOIN last_open AS l USING (regency, tracking_id)
    WHERE a.status = 'archived' AND (l.reopened_at IS NULL OR a.version_at >= l.reopened_at)
    GROUP BY ALL
),
base AS (
    SELECT
        r.regency_id,
        c.tracking_id,
        c.status,
        n.agency_id,
        n.agency_id IS NOT NULL AND c.disposed_at IS NOT NULL AS in_cohort,
        c.has_first_response,
        c.submitted_at,
        c.disposed_at,
        CASE WHEN c.has_first_response THEN c.first_response_at END AS first_response_at,
        c.closed_at,
        CASE WHEN c.status = 'archived' THEN coalesce(a.archived_at, c.version_at) END AS archived_at,
        c.rating
    FROM complaints AS c
    JOIN regencies AS r ON r.regency = c.regency
    LEFT JOIN agency_names AS n ON n.regency = c.regency AND n.spelling = c.agency
    LEFT JOIN archived AS a ON a.regency = c.regency AND a.tracking_id = c.tracking_id
),
dated AS (
    SELECT
        b.*,
        CASE WHEN p.off_us IS NULL THEN b.submitted_at::DATE
             ELSE DATE '1970-01-01' + CAST(floor((epoch_us(b.submitted_at) + p.off_us) / 86400000000.0) AS INTEGER) END AS submitted_date,
        CASE WHEN p.off_us IS NULL THEN b.disposed_at::DATE
             ELSE DATE '1970-01-01' + CAST(floor((epoch_us(b.disposed_at) + p.off_us) / 86400000000.0) AS INTEGER) END AS disposed_date,
        CASE WHEN p.off_us IS NULL THEN b.first_response_at::DATE
             ELSE DATE '1970-01-01' + CAST(floor((epoch_us(b.first_response_at) + p.off_us) / 86400000000.0) AS INTEGER) END AS response_date,
        CASE WHEN p.off_us IS NULL THEN b.closed_at::DATE
             ELSE DATE '1970-01-01' + CAST(floor((epoch_us(b.closed_at) + p.off_us) / 86400000000.0) AS INTEGER) END AS closed_date,
        CASE WHEN p.off_us IS NULL THEN b.archived_at::DATE
             ELSE DATE '1970-01-01' + CAST(floor((epoch_us(b.archived_at) + p.off_us) / 86400000000.0) AS INTEGER) END AS archived_date,
        p.verification_working_days AS v_sla,
        p.response_working_days AS r_sla,
        p.completion_days AS c_sla,
        p.completion_unit
    FROM base AS b
    CROSS JOIN p
)
SELECT
    d.regency_id,
    d.tracking_id,
    d.status,
    d.agency_id,
    d.in_cohort,
    d.has_first_response,
    d.submitted_at,
    d.disposed_at,
    d.first_response_at,
    d.closed_at,
    d.archived_at,
    d.rating,
    d.submitted_date,
    date_trunc('month', d.submitted_date)::DATE AS submitted_month,
    d.disposed_date,
    date_trunc('month', d.disposed_date)::DATE AS disposed_month,
    d.response_date,
    d.closed_date,
    d.archived_date,
    CASE WHEN d.disposed_at >= d.submitted_at THEN cd.wd_index - cs.wd_index END AS verify_wd,
    coalesce(d.disposed_at < d.submitted_at, false) AS verify_invalid,
    CASE WHEN d.disposed_at IS NOT NULL THEN coalesce(cd.wd_index - cs.wd_index <= d.v_sla AND d.disposed_at >= d.submitted_at, false) END AS verified_on_time,
    CASE WHEN d.first_response_at >= d.disposed_at THEN cr.wd_index - cd.wd_index END AS response_wd,
    coalesce(d.first_response_at < d.disposed_at, false) AS response_invalid,
    CASE WHEN d.disposed_at IS NOT NULL AND d.has_first_response THEN
        coalesce(cr.wd_index - cd.wd_index <= d.r_sla AND d.first_response_at >= d.disposed_at, false) END AS responded_on_time,
    CASE WHEN d.closed_at >= d.disposed_at THEN
        CASE WHEN d.completion_unit = 'working' THEN cc.wd_index - cd.wd_index
             ELSE (d.closed_date - d.disposed_date)::INTEGER END
    END AS close_days,
    coalesce(d.closed_at < d.disposed_at, false) AS close_invalid,
    CASE WHEN d.disposed_at IS NOT NULL THEN
        coalesce(CASE WHEN d.completion_unit = 'working' THEN cc.wd_index - cd.wd_index
                      ELSE (d.closed_date - d.disposed_date)::INTEGER END <= d.c_sla
                 AND d.closed_at >= d.disposed_at, false) END AS closed_on_time,
    cd.response_late_from,
    cd.completion_late_from,
    cd.wd_index AS disposed_wd_index
FROM dated AS d
LEFT JOIN calendar AS cs ON cs.date = d.submitted_date
LEFT JOIN calendar AS cd ON cd.date = d.disposed_date
LEFT JOIN calendar AS cr ON cr.date = d.response_date
LEFT JOIN calendar AS cc ON cc.date = d.closed_date
