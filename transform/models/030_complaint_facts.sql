-- complaint_facts: each current complaint with its local dates, its durations and its SLA outcomes.
--
-- Grain: one row per (regency, tracking_id): the current version in complaints.
-- Dates and months are local (config timezone). wd = working days, cd = calendar days (metrics.md).
-- A pair (a, b) with b < a is invalid: its duration is NULL, it is never on time, and *_invalid is
-- true. archived_at is when the complaint entered its current archived state: the first version
-- (complaint_versions.version_at) of the latest run of archived versions; NULL unless the
-- current status is archived.
--
-- Columns:
--   regency                  VARCHAR      regency
--   tracking_id              VARCHAR      the complaint's key
--   status                   VARCHAR      normalised current status
--   agency                   VARCHAR      agency shown (agency_names.agency), NULL when none named
--   in_cohort                BOOLEAN      disposed (disposed_at) to a named agency: counted in agency_month
--   has_first_response       BOOLEAN      the export had a first-response column (false for layout B)
--   submitted_at             TIMESTAMPTZ  submission time
--   disposed_at              TIMESTAMPTZ  disposition time
--   first_response_at        TIMESTAMPTZ  agency's first follow-up
--   closed_at                TIMESTAMPTZ  completion time
--   archived_at              TIMESTAMPTZ  start of the current archived state
--   rating                   TINYINT      1-5 or NULL
--   submitted_date           DATE         local date of submitted_at
--   submitted_month          DATE         first day of its local month
--   disposed_date            DATE         local date of disposed_at
--   disposed_month           DATE         first day of its local month (the agency cohort month)
--   closed_date              DATE         local date of closed_at
--   verify_wd                BIGINT       wd(submitted_at, disposed_at), valid pairs only
--   verify_invalid           BOOLEAN      disposed_at < submitted_at
--   verified_on_time         BOOLEAN      verify_wd <= V; NULL when not disposed
--   response_wd              BIGINT       wd(disposed_at, first_response_at), valid pairs only
--   response_invalid         BOOLEAN      first_response_at < disposed_at
--   responded_on_time        BOOLEAN      response_wd <= R; NULL when not disposed or no first-response column
--   close_days               BIGINT       cd (or wd, completion_unit working) from disposed_at to closed_at, valid pairs only
--   close_invalid            BOOLEAN      closed_at < disposed_at
--   closed_on_time           BOOLEAN      close_days <= C; NULL when not disposed
--   open_now                 BOOLEAN      in the cohort and open at as_of (not closed, not archived)
--   open_days                BIGINT       when open_now: cd(disposed_at, as_of)
--   open_wd                  BIGINT       when open_now: wd(disposed_at, as_of)
--   overdue_now              BOOLEAN      open_now and more than C (C's unit) since disposed_at
--   unanswered_overdue_now   BOOLEAN      open_now, no first response by as_of and open_wd > R; NULL without a first-response column
--   disposed_wd_index        BIGINT       helper: calendar.wd_index of disposed_date
CREATE OR REPLACE TABLE complaint_facts AS
WITH archived_versions AS (
    SELECT v.regency, v.tracking_id, v.version_at, v.status
    FROM complaint_versions AS v
    SEMI JOIN complaints AS c
        ON c.regency = v.regency AND c.tracking_id = v.tracking_id AND c.status = 'archived'
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
        c.regency,
        c.tracking_id,
        c.status,
        n.agency,
        n.agency IS NOT NULL AND c.disposed_at IS NOT NULL AS in_cohort,
        c.has_first_response,
        c.submitted_at,
        c.disposed_at,
        CASE WHEN c.has_first_response THEN c.first_response_at END AS first_response_at,
        c.closed_at,
        CASE WHEN c.status = 'archived' THEN coalesce(a.archived_at, c.version_at) END AS archived_at,
        c.rating,
        c.submitted_at::DATE AS submitted_date,
        c.disposed_at::DATE AS disposed_date,
        c.first_response_at::DATE AS response_date,
        c.closed_at::DATE AS closed_date
    FROM complaints AS c
    LEFT JOIN agency_names AS n ON n.regency = c.regency AND n.spelling = c.agency
    LEFT JOIN archived AS a ON a.regency = c.regency AND a.tracking_id = c.tracking_id
),
durations AS (
    SELECT
        b.*,
        p.as_of,
        p.as_of::DATE AS as_of_date,
        cn.wd_index AS as_of_wd_index,
        cs.wd_index AS submitted_wd_index,
        cd.wd_index AS disposed_wd_index,
        b.disposed_at < b.submitted_at AS verify_invalid,
        CASE WHEN b.disposed_at >= b.submitted_at THEN cd.wd_index - cs.wd_index END AS verify_wd,
        b.first_response_at < b.disposed_at AS response_invalid,
        CASE WHEN b.first_response_at >= b.disposed_at THEN cr.wd_index - cd.wd_index END AS response_wd,
        b.closed_at < b.disposed_at AS close_invalid,
        CASE WHEN b.closed_at >= b.disposed_at THEN
            CASE WHEN p.completion_unit = 'working' THEN cc.wd_index - cd.wd_index
                 ELSE b.closed_date - b.disposed_date END
        END AS close_days,
        p.verification_working_days AS v_sla,
        p.response_working_days AS r_sla,
        p.completion_days AS c_sla,
        p.completion_unit
    FROM base AS b
    CROSS JOIN build_info AS p
    LEFT JOIN calendar AS cn ON cn.date = p.as_of::DATE
    LEFT JOIN calendar AS cs ON cs.date = b.submitted_date
    LEFT JOIN calendar AS cd ON cd.date = b.disposed_date
    LEFT JOIN calendar AS cr ON cr.date = b.response_date
    LEFT JOIN calendar AS cc ON cc.date = b.closed_date
),
status_now AS (
    SELECT
        d.*,
        d.in_cohort AND d.disposed_at <= d.as_of
            AND (d.closed_at IS NULL OR d.closed_at > d.as_of)
            AND (d.archived_at IS NULL OR d.archived_at > d.as_of) AS open_now
    FROM durations AS d
)
SELECT
    regency,
    tracking_id,
    status,
    agency,
    in_cohort,
    has_first_response,
    submitted_at,
    disposed_at,
    first_response_at,
    closed_at,
    archived_at,
    rating,
    submitted_date,
    date_trunc('month', submitted_date)::DATE AS submitted_month,
    disposed_date,
    date_trunc('month', disposed_date)::DATE AS disposed_month,
    closed_date,
    verify_wd,
    coalesce(verify_invalid, false) AS verify_invalid,
    CASE WHEN disposed_at IS NOT NULL THEN coalesce(verify_wd <= v_sla, false) END AS verified_on_time,
    response_wd,
    coalesce(response_invalid, false) AS response_invalid,
    CASE WHEN disposed_at IS NOT NULL AND has_first_response THEN coalesce(response_wd <= r_sla, false) END AS responded_on_time,
    close_days,
    coalesce(close_invalid, false) AS close_invalid,
    CASE WHEN disposed_at IS NOT NULL THEN coalesce(close_days <= c_sla, false) END AS closed_on_time,
    open_now,
    CASE WHEN open_now THEN as_of_date - disposed_date END AS open_days,
    CASE WHEN open_now THEN as_of_wd_index - disposed_wd_index END AS open_wd,
    open_now AND CASE WHEN completion_unit = 'working' THEN as_of_wd_index - disposed_wd_index
                      ELSE as_of_date - disposed_date END > c_sla AS overdue_now,
    CASE WHEN has_first_response THEN
        open_now AND (first_response_at IS NULL OR first_response_at > as_of)
                 AND as_of_wd_index - disposed_wd_index > r_sla
    END AS unanswered_overdue_now,
    disposed_wd_index
FROM status_now
