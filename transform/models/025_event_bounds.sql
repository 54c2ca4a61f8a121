-- event_bounds (intermediate, dropped after the build): for every complaint seen in snapshot
-- exports (layout R), the bounds that its snapshots put on the events they do not time
-- (metrics.md, "Timing from snapshots"). Exact times of other layouts are not here: the facts use
-- them as they are.
--
-- Grain: one row per (regency, tracking_id) with at least one snapshot version
-- (complaint_versions.seen_first_from not NULL).
-- A snapshot version is one state seen unchanged from its first snapshot [seen_first_from,
-- seen_first_to] to its last [seen_last_from, seen_last_to]. What a version shows as happened had
-- happened by seen_first_to; what it shows as not happened had not before seen_last_from.
--   disposed: an agency is named. The clock starts at the first agency named.
--   closed / archived: the complaint's current closed (archived) state, entered after the last
--     version that was not closed (archived).
--   follow-up signs: Ditanggapi oleh Pelapor (status in_progress) shows it happened by then;
--     Ditutup oleh Sistem (closed by system) puts it auto_close_working_days before the closure;
--     an open version with no sign says only that none happened before its instant minus the
--     auto-close days. The working-day shift of those bounds is applied in complaint_facts (it
--     needs the calendar); here they are the unshifted instants.
--
-- Columns:
--   regency              VARCHAR      regency
--   tracking_id          VARCHAR      the complaint's key
--   first_seen           TIMESTAMPTZ  seen_first_from of its earliest snapshot version
--   last_seen            TIMESTAMPTZ  seen_last_from of its latest snapshot version ("not yet" instant)
--   disposed_lo          TIMESTAMPTZ  not disposed before: the last version with no agency before the first with one (NULL: submitted_at)
--   disposed_hi          TIMESTAMPTZ  disposed by: seen_first_to of the first version naming an agency; NULL if none does
--   closed_lo            TIMESTAMPTZ  not (yet) closed before: the last version that was not closed
--   closed_hi            TIMESTAMPTZ  closed by: seen_first_to of the first version of the current closed state; NULL if not closed
--   archived_lo          TIMESTAMPTZ  same for archiving
--   archived_hi          TIMESTAMPTZ
--   answered_hi          TIMESTAMPTZ  seen_first_to of the first Ditanggapi oleh Pelapor version (follow-up happened by then)
--   no_sign_lo           TIMESTAMPTZ  seen_last_from of the last open version showing no follow-up sign before the first sign
--   auto_closed          BOOLEAN      the current state is Ditutup oleh Sistem
CREATE OR REPLACE TEMP TABLE event_bounds AS
WITH v AS (
    SELECT
        regency, tracking_id, submitted_at,
        seen_first_from AS f_lo, seen_first_to AS f_hi, seen_last_from AS l_lo,
        agency IS NOT NULL AS has_agency,
        status = 'closed' AS is_closed,
        status = 'archived' AS is_archived,
        status = 'in_progress' OR status_detail = 'reporter_answered' AS answered,
        is_current,
        status = 'closed' AND status_by = 'system' AS auto_closed
    FROM complaint_versions
    WHERE seen_first_from IS NOT NULL
),
firsts AS (
    SELECT
        regency, tracking_id,
        min(f_lo) AS first_seen,
        max(l_lo) AS last_seen,
        min(f_lo) FILTER (WHERE has_agency) AS agency_first_lo,
        min(f_hi) FILTER (WHERE has_agency) AS disposed_hi,
        max(l_lo) FILTER (WHERE NOT is_closed) AS last_open_lo,
        max(l_lo) FILTER (WHERE NOT is_archived) AS last_unarchived_lo,
        min(f_lo) FILTER (WHERE answered) AS answered_lo,
        min(f_hi) FILTER (WHERE answered) AS answered_hi,
        -- the state of the latest snapshot version (the current one, unless an export with event
        -- times is current: then its times are used and these bounds only fill what it lacks)
        arg_max(is_closed, (l_lo, is_current::INTEGER)) AS closed_now,
        arg_max(is_archived, (l_lo, is_current::INTEGER)) AS archived_now,
        arg_max(auto_closed, (l_lo, is_current::INTEGER)) AS auto_closed
    FROM v
    GROUP BY ALL
),
bounded AS (
    SELECT
        f.regency, f.tracking_id,
        any_value(f.first_seen) AS first_seen,
        any_value(f.last_seen) AS last_seen,
        any_value(f.disposed_hi) AS disposed_hi,
        -- the last version without an agency seen before the first one with an agency (or, when
        -- no version names one, the last version at all): not disposed before its instant
        max(v.l_lo) FILTER (WHERE NOT v.has_agency AND (f.agency_first_lo IS NULL OR v.l_lo < f.agency_first_lo)) AS disposed_lo,
        any_value(f.closed_now) AS closed_now,
        any_value(f.archived_now) AS archived_now,
        any_value(f.auto_closed) AS auto_closed,
        any_value(f.last_open_lo) AS last_open_lo,
        any_value(f.last_unarchived_lo) AS last_unarchived_lo,
        min(v.f_hi) FILTER (WHERE v.is_closed AND (f.last_open_lo IS NULL OR v.f_lo > f.last_open_lo)) AS closed_first_hi,
        min(v.f_hi) FILTER (WHERE v.is_archived AND (f.last_unarchived_lo IS NULL OR v.f_lo > f.last_unarchived_lo)) AS archived_first_hi,
        any_value(f.answered_hi) AS answered_hi,
        max(v.l_lo) FILTER (WHERE NOT v.answered AND NOT v.is_closed AND NOT v.is_archived
                                  AND (f.answered_lo IS NULL OR v.l_lo < f.answered_lo)) AS no_sign_lo
    FROM firsts AS f
    JOIN v USING (regency, tracking_id)
    GROUP BY f.regency, f.tracking_id
)
SELECT
    regency,
    tracking_id,
    first_seen,
    last_seen,
    disposed_lo,
    disposed_hi,
    -- Not closed: not closed before the newest sighting. Closed: after the last open version,
    -- or, first seen closed, from the submission on (NULL here, the facts take submitted_at).
    CASE WHEN closed_now THEN last_open_lo ELSE last_seen END AS closed_lo,
    CASE WHEN closed_now THEN closed_first_hi END AS closed_hi,
    CASE WHEN archived_now THEN last_unarchived_lo ELSE last_seen END AS archived_lo,
    CASE WHEN archived_now THEN archived_first_hi END AS archived_hi,
    answered_hi,
    no_sign_lo,
    coalesce(auto_closed, false) AS auto_closed
FROM bounded
