-- complaint_facts: every complaint's timing and service-level outcomes, computed once: every
-- scorecard number is aggregated from here, and reports and named queries read it (no duration
-- or on-time flag is derived anywhere else). metrics.md, "Timing from snapshots" and "The
-- agency-month cohort".
--
-- Grain: one row per (regency, tracking_id): the current version in complaints.
-- Event times: an export that times an event gives it exactly (lo = hi = the time). Snapshot
-- exports (layout R) bound it (event_bounds): lo = the latest instant before which the
-- snapshots show it had not happened, hi = the earliest by which they show it had; NULL hi = not
-- (yet) happened. The follow-up of a snapshot complaint is seen through its consequences
-- (Ditanggapi oleh Pelapor; Ditutup oleh Sistem, auto_close_working_days after it); its bounds are
-- shifted by whole local days and widened by one day on each side, because LAPOR! counts the
-- auto-close days in its own zone (WIB) and the calendar here is local.
-- A service level with limit L from start S to event E is met when the longest possible duration
-- (S_lo to E_hi) is within L; missed when the shortest (S_hi to E_lo, 0 if negative) is past L, or
-- when the complaint was archived as expired without E; pending while E has not happened, the
-- complaint is open and the limit is not yet certainly passed; undetermined otherwise. With exact
-- times nothing is undetermined: an event that did not happen is missed once the complaint ended
-- or the limit passed. invalid: exact times in the wrong order (b < a), never on time.
-- Durations (wd, cd) rest on complaints whose duration is known within 1 (C's unit, or working
-- days), at the longest; the others are NULL (their bounds are in *_lo/*_hi).
--
-- Columns:
--   regency_id               INTEGER      regencies.regency_id
--   regency                  VARCHAR      regency
--   tracking_id              VARCHAR      the complaint's key
--   status                   VARCHAR      normalised current status
--   status_by                VARCHAR      who closed or archived it (system | admin | reporter), LAPOR! v3
--   status_detail            VARCHAR      waiting_info | reporter_answered | expired | blocked, else NULL
--   agency_id                INTEGER      agency_names.agency_id, NULL when no agency is named
--   agency                   VARCHAR      agency shown (agency_names), NULL when none is named
--   category                 VARCHAR      category (complaints.category)
--   area                     VARCHAR      kecamatan or place (complaints.area)
--   timing                   VARCHAR      exact (an export with event times) | snapshot (bounded from snapshots)
--   in_cohort                BOOLEAN      disposed to a named agency: counted in agency_month
--   cohort_month             DATE         the agency cohort's month: of disposed_at where exact, else of submitted_at (local)
--   has_first_response       BOOLEAN      the follow-up is known or bounded: an export with a first-response column, or snapshots (false for layout B)
--   submitted_at             TIMESTAMPTZ  submission time
--   disposed_at              TIMESTAMPTZ  disposition time, where exact
--   first_response_at        TIMESTAMPTZ  the agency's first follow-up, where exact
--   closed_at                TIMESTAMPTZ  completion time, where exact
--   archived_at              TIMESTAMPTZ  start of the current archived state, where exact (first version of the latest run of archived versions)
--   disposed_lo              TIMESTAMPTZ  bounds of the disposition (hi NULL: not disposed): lower bound
--   disposed_hi              TIMESTAMPTZ  upper bound
--   response_lo              TIMESTAMPTZ  bounds of the first follow-up (hi NULL: not seen to have happened): lower bound
--   response_hi              TIMESTAMPTZ  upper bound
--   closed_lo                TIMESTAMPTZ  bounds of the closure (hi NULL: not closed): lower bound
--   closed_hi                TIMESTAMPTZ  upper bound
--   archived_lo              TIMESTAMPTZ  bounds of the archiving (hi NULL: not archived): lower bound
--   archived_hi              TIMESTAMPTZ  upper bound
--   rating                   TINYINT      1-5 or NULL
--   submitted_date           DATE         local date of submitted_at
--   submitted_month          DATE         first day of its local month
--   disposed_date            DATE         local date of disposed_hi (the latest possible disposition)
--   disposed_month           DATE         first day of the local month of disposed_at, where exact
--   response_date            DATE         local date of response_hi
--   closed_date              DATE         local date of closed_hi
--   archived_date            DATE         local date of archived_hi
--   verify_wd                INTEGER      wd(submitted_at, disposed): known within 1 working day, at the longest
--   verify_wd_lo             INTEGER      shortest possible
--   verify_wd_hi             INTEGER      longest possible
--   verify_invalid           BOOLEAN      disposed_at < submitted_at (exact)
--   verification_sla         VARCHAR      met | missed | undetermined | pending | invalid: disposed within V working days of submission
--   verified_on_time         BOOLEAN      verification_sla = 'met'; NULL when not disposed
--   response_wd              INTEGER      wd(disposed, first follow-up), known within 1 working day, at the longest
--   response_wd_lo           INTEGER      shortest possible
--   response_wd_hi           INTEGER      longest possible
--   response_invalid         BOOLEAN      first_response_at < disposed_at (exact)
--   response_sla             VARCHAR      met | missed | undetermined | pending | invalid; NULL when not in the cohort or no follow-up data
--   responded_on_time        BOOLEAN      response_sla = 'met'; NULL when response_sla is NULL
--   close_days               INTEGER      disposition to closure in C's unit (cd, or wd), known within 1, at the longest
--   close_days_lo            INTEGER      shortest possible
--   close_days_hi            INTEGER      longest possible
--   close_invalid            BOOLEAN      closed_at < disposed_at (exact)
--   completion_sla           VARCHAR      met | missed | undetermined | pending | invalid; NULL when not in the cohort
--   closed_on_time           BOOLEAN      completion_sla = 'met'; NULL when not in the cohort
--   archived_expired         BOOLEAN      archived because it reached its expiry (nobody handled it in time)
--   response_late_from       DATE         calendar.response_late_from of disposed_date: certainly unanswered-overdue from then
--   completion_late_from     DATE         calendar.completion_late_from of disposed_date: certainly overdue from then
--   disposed_wd_index        INTEGER      calendar.wd_index of disposed_date
CREATE OR REPLACE TABLE complaint_facts AS
-- The calendar's columns are looked up by position (date - its first date + 1) in lists rather
-- than joined: joins carrying every column of a million complaints cost more than the rest.
WITH p AS (
    SELECT
        b.*,
        b.utc_offset_seconds::BIGINT * 1000000 AS off_us,
        c.first_date, c.wd, c.response_late, c.completion_late, c.working_dates
    FROM build_info AS b
    CROSS JOIN (
        SELECT min(date) AS first_date,
               list(wd_index ORDER BY date) AS wd,
               list(response_late_from ORDER BY date) AS response_late,
               list(completion_late_from ORDER BY date) AS completion_late,
               list(date ORDER BY date) FILTER (WHERE is_working_day) AS working_dates
        FROM calendar
    ) AS c
),
archived_versions AS (
    SELECT v.regency, v.tracking_id, v.version_at, v.status
    FROM complaint_versions AS v
    SEMI JOIN (SELECT regency, tracking_id FROM complaints WHERE status = 'archived' AND seen_first_from IS NULL) AS c
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
        c.regency,
        c.tracking_id,
        c.status,
        c.status_by,
        c.status_detail,
        n.agency_id,
        c.category,
        c.area,
        eb.tracking_id IS NOT NULL AND c.disposed_at IS NULL AS bounded,
        c.has_first_response OR eb.tracking_id IS NOT NULL AS has_first_response,
        c.submitted_at,
        c.disposed_at,
        CASE WHEN c.has_first_response THEN c.first_response_at END AS first_response_at,
        c.closed_at,
        CASE WHEN c.status = 'archived' AND eb.tracking_id IS NULL THEN coalesce(a.archived_at, c.version_at) END AS archived_at,
        c.rating,
        c.status = 'archived' AND (c.status_detail = 'expired') AS archived_expired,
        eb.disposed_lo AS eb_disposed_lo, eb.disposed_hi AS eb_disposed_hi,
        eb.closed_lo AS eb_closed_lo, eb.closed_hi AS eb_closed_hi,
        eb.archived_lo AS eb_archived_lo, eb.archived_hi AS eb_archived_hi,
        eb.answered_hi, eb.no_sign_lo, eb.auto_closed
    FROM complaints AS c
    JOIN regencies AS r ON r.regency = c.regency
    LEFT JOIN agency_names AS n ON n.regency = c.regency AND n.spelling = c.agency
    LEFT JOIN archived AS a ON a.regency = c.regency AND a.tracking_id = c.tracking_id
    LEFT JOIN event_bounds AS eb ON eb.regency = c.regency AND eb.tracking_id = c.tracking_id
),
-- Exact events first; snapshot bounds where the export gives no time. An exact event that has
-- not happened has not happened by as_of.
ranged AS (
    SELECT
        b.*,
        CASE WHEN b.disposed_at IS NOT NULL THEN b.disposed_at
             WHEN b.bounded THEN greatest(b.submitted_at, coalesce(b.eb_disposed_lo, b.submitted_at))
             ELSE greatest(b.submitted_at, p.as_of) END AS disposed_lo,
        coalesce(b.disposed_at, CASE WHEN b.bounded THEN b.eb_disposed_hi END) AS disposed_hi,
        CASE WHEN b.closed_at IS NOT NULL THEN b.closed_at
             WHEN b.bounded THEN greatest(b.submitted_at, coalesce(b.eb_closed_lo, b.submitted_at))
             ELSE greatest(b.submitted_at, p.as_of) END AS closed_lo,
        coalesce(b.closed_at, CASE WHEN b.bounded THEN b.eb_closed_hi END) AS closed_hi,
        CASE WHEN b.archived_at IS NOT NULL THEN b.archived_at
             WHEN b.bounded THEN greatest(b.submitted_at, coalesce(b.eb_archived_lo, b.submitted_at))
             ELSE greatest(b.submitted_at, p.as_of) END AS archived_lo,
        coalesce(b.archived_at, CASE WHEN b.bounded THEN b.eb_archived_hi END) AS archived_hi,
        local_date(b.submitted_at, p.off_us) AS submitted_date,
        local_date(b.eb_closed_lo, p.off_us) AS eb_closed_lo_date,
        local_date(b.eb_closed_hi, p.off_us) AS eb_closed_hi_date,
        local_date(b.no_sign_lo, p.off_us) AS no_sign_date,
        p.auto_close_working_days AS ac
    FROM base AS b
    CROSS JOIN p
),
-- The follow-up's bounds: exact where the export gives it; from the snapshots' signs otherwise.
-- Shifting a date back by n working days: the working day n before it (by wd_index), widened by
-- a day; p.working_dates[k] is the date whose wd_index is k.
followed AS (
    SELECT
        r.*,
        CASE WHEN NOT r.has_first_response THEN NULL
             WHEN NOT r.bounded THEN coalesce(r.first_response_at, greatest(r.disposed_lo, p.as_of))
             ELSE greatest(r.disposed_lo,
                      -- no sign at instant s: none before s minus the auto-close days
                      day_start(p.working_dates[greatest(p.wd[r.no_sign_date - p.first_date + 1] - r.ac, 1)] - 1),
                      -- closed by the system in (c_lo, c_hi]: the follow-up ac working days before
                      CASE WHEN r.auto_closed AND r.eb_closed_lo IS NOT NULL THEN
                          day_start(p.working_dates[greatest(p.wd[r.eb_closed_lo_date - p.first_date + 1] - r.ac, 1)] - 1) END)
        END AS response_lo,
        CASE WHEN NOT r.has_first_response THEN NULL
             WHEN NOT r.bounded THEN r.first_response_at
             ELSE least(r.answered_hi,
                        CASE WHEN r.auto_closed AND r.eb_closed_hi IS NOT NULL THEN
                            day_end(p.working_dates[greatest(p.wd[r.eb_closed_hi_date - p.first_date + 1] - r.ac + 1, 1)]) END)
        END AS response_hi
    FROM ranged AS r
    CROSS JOIN p
),
dated AS (
    SELECT
        f.*,
        local_date(f.disposed_lo, p.off_us) AS d_lo_date,
        local_date(f.disposed_hi, p.off_us) AS d_hi_date,
        local_date(f.response_lo, p.off_us) AS r_lo_date,
        local_date(f.response_hi, p.off_us) AS r_hi_date,
        local_date(f.closed_lo, p.off_us) AS c_lo_date,
        local_date(f.closed_hi, p.off_us) AS c_hi_date,
        local_date(f.archived_hi, p.off_us) AS a_hi_date,
        p.verification_working_days AS v_sla,
        p.response_working_days AS r_sla,
        p.completion_days AS c_sla,
        p.completion_unit
    FROM followed AS f
    CROSS JOIN p
),
indexed AS (
    SELECT
        d.*,
        d.agency_id IS NOT NULL AND d.disposed_hi IS NOT NULL AS in_cohort,
        coalesce(d.closed_hi, d.archived_hi) IS NULL AS still_open,
        p.wd[d.submitted_date - p.first_date + 1] AS sub_wdi,
        p.wd[d.d_lo_date - p.first_date + 1] AS d_lo_wdi,
        p.wd[d.d_hi_date - p.first_date + 1] AS d_hi_wdi,
        p.wd[d.r_lo_date - p.first_date + 1] AS r_lo_wdi,
        p.wd[d.r_hi_date - p.first_date + 1] AS r_hi_wdi,
        p.wd[d.c_lo_date - p.first_date + 1] AS c_lo_wdi,
        p.wd[d.c_hi_date - p.first_date + 1] AS c_hi_wdi,
        p.response_late[d.d_hi_date - p.first_date + 1] AS response_late_from,
        p.completion_late[d.d_hi_date - p.first_date + 1] AS completion_late_from
    FROM dated AS d
    CROSS JOIN p
),
measured AS (
    SELECT
        i.*,
        -- shortest and longest possible durations (the shortest is 0 where the bounds overlap)
        greatest(i.d_lo_wdi - i.sub_wdi, 0) AS verify_min,
        CASE WHEN i.disposed_hi IS NOT NULL THEN i.d_hi_wdi - i.sub_wdi END AS verify_max,
        greatest(i.r_lo_wdi - i.d_hi_wdi, 0) AS response_min,
        CASE WHEN i.response_hi IS NOT NULL THEN i.r_hi_wdi - i.d_lo_wdi END AS response_max,
        greatest(CASE WHEN i.completion_unit = 'working' THEN i.c_lo_wdi - i.d_hi_wdi
                      ELSE (i.c_lo_date - i.d_hi_date)::INTEGER END, 0) AS close_min,
        CASE WHEN i.closed_hi IS NOT NULL THEN
            CASE WHEN i.completion_unit = 'working' THEN i.c_hi_wdi - i.d_lo_wdi
                 ELSE (i.c_hi_date - i.d_lo_date)::INTEGER END END AS close_max,
        NOT i.bounded AND i.disposed_at < i.submitted_at AS v_invalid,
        NOT i.bounded AND i.first_response_at < i.disposed_at AS r_invalid,
        NOT i.bounded AND i.closed_at < i.disposed_at AS c_invalid
    FROM indexed AS i
),
judged AS (
    SELECT
        m.*,
        CASE WHEN m.v_invalid THEN 'invalid'
             WHEN m.verify_max <= m.v_sla THEN 'met'
             WHEN m.verify_min > m.v_sla THEN 'missed'
             WHEN m.disposed_hi IS NULL AND m.archived_expired THEN 'missed'
             WHEN m.disposed_hi IS NULL AND m.still_open THEN 'pending'
             WHEN NOT m.bounded THEN 'missed'
             ELSE 'undetermined' END AS verification_sla,
        CASE WHEN NOT m.in_cohort OR NOT m.has_first_response THEN NULL
             WHEN m.r_invalid THEN 'invalid'
             WHEN m.response_max <= m.r_sla THEN 'met'
             WHEN m.response_min > m.r_sla THEN 'missed'
             WHEN m.response_hi IS NULL AND m.archived_expired THEN 'missed'
             WHEN m.response_hi IS NULL AND m.still_open THEN 'pending'
             WHEN NOT m.bounded THEN 'missed'
             ELSE 'undetermined' END AS response_sla,
        CASE WHEN NOT m.in_cohort THEN NULL
             WHEN m.c_invalid THEN 'invalid'
             WHEN m.close_max <= m.c_sla THEN 'met'
             WHEN m.close_min > m.c_sla THEN 'missed'
             WHEN m.closed_hi IS NULL AND m.archived_expired THEN 'missed'
             WHEN m.closed_hi IS NULL AND m.still_open THEN 'pending'
             WHEN NOT m.bounded THEN 'missed'
             ELSE 'undetermined' END AS completion_sla
    FROM measured AS m
),
names AS (
    SELECT DISTINCT agency_id, agency FROM agency_names
)
SELECT
    j.regency_id,
    j.regency,
    j.tracking_id,
    j.status,
    j.status_by,
    j.status_detail,
    j.agency_id,
    n.agency,
    j.category,
    j.area,
    CASE WHEN j.bounded THEN 'snapshot' ELSE 'exact' END AS timing,
    j.in_cohort,
    CASE WHEN j.in_cohort THEN date_trunc('month', CASE WHEN j.bounded THEN j.submitted_date ELSE j.d_hi_date END)::DATE END AS cohort_month,
    j.has_first_response,
    j.submitted_at,
    j.disposed_at,
    j.first_response_at,
    j.closed_at,
    j.archived_at,
    j.disposed_lo,
    j.disposed_hi,
    j.response_lo,
    j.response_hi,
    j.closed_lo,
    j.closed_hi,
    j.archived_lo,
    j.archived_hi,
    j.rating,
    j.submitted_date,
    date_trunc('month', j.submitted_date)::DATE AS submitted_month,
    j.d_hi_date AS disposed_date,
    CASE WHEN NOT j.bounded THEN date_trunc('month', j.d_hi_date)::DATE END AS disposed_month,
    j.r_hi_date AS response_date,
    j.c_hi_date AS closed_date,
    j.a_hi_date AS archived_date,
    CASE WHEN NOT j.v_invalid AND j.verify_max - j.verify_min <= 1 THEN j.verify_max END AS verify_wd,
    CASE WHEN NOT j.v_invalid AND j.disposed_hi IS NOT NULL THEN j.verify_min END AS verify_wd_lo,
    CASE WHEN NOT j.v_invalid THEN j.verify_max END AS verify_wd_hi,
    coalesce(j.v_invalid, false) AS verify_invalid,
    j.verification_sla,
    CASE WHEN j.disposed_hi IS NOT NULL THEN j.verification_sla = 'met' END AS verified_on_time,
    CASE WHEN NOT j.r_invalid AND j.response_max - j.response_min <= 1 THEN j.response_max END AS response_wd,
    CASE WHEN NOT j.r_invalid AND j.response_hi IS NOT NULL THEN j.response_min END AS response_wd_lo,
    CASE WHEN NOT j.r_invalid THEN j.response_max END AS response_wd_hi,
    coalesce(j.r_invalid, false) AS response_invalid,
    j.response_sla,
    CASE WHEN j.response_sla IS NOT NULL THEN j.response_sla = 'met' END AS responded_on_time,
    CASE WHEN NOT j.c_invalid AND j.close_max - j.close_min <= 1 THEN j.close_max END AS close_days,
    CASE WHEN NOT j.c_invalid AND j.closed_hi IS NOT NULL THEN j.close_min END AS close_days_lo,
    CASE WHEN NOT j.c_invalid THEN j.close_max END AS close_days_hi,
    coalesce(j.c_invalid, false) AS close_invalid,
    j.completion_sla,
    CASE WHEN j.completion_sla IS NOT NULL THEN j.completion_sla = 'met' END AS closed_on_time,
    coalesce(j.archived_expired, false) AS archived_expired,
    j.response_late_from,
    j.completion_late_from,
    j.d_hi_wdi AS disposed_wd_index
FROM judged AS j
LEFT JOIN names AS n USING (agency_id)
