-- stock (intermediate, dropped after the build): open complaints at the end of each month, per
-- agency, and undisposed complaints per regency.
--
-- Grain: one row per (regency_id, agency_id, month) for every agency with a disposed complaint and
-- every month of periods, plus one row per (regency_id, month) with agency_id NULL carrying
-- undisposed_end. The stock instant of month M is periods.stock_at: the last local instant of M, or
-- as_of for as_of's month.
--
-- Definitions (metrics.md), at instant e, on the event bounds of complaint_facts (exact times:
-- lo = hi): open when certainly disposed (disposed_hi <= e) and certainly neither closed nor
-- archived (closed_lo > e, archived_lo > e; a complaint not closed now is open through as_of);
-- overdue when open and more than C (C's unit) from disposed_hi to e's date; unanswered overdue
-- when open, with follow-up data, certainly no follow-up by e (response_lo > e) and
-- wd(disposed_hi, e) > R; undetermined when the snapshots cannot tell whether it was open at e
-- (e between disposed_lo and disposed_hi, or between closed_lo and closed_hi, or archived_lo and
-- archived_hi); undisposed when submitted_at <= e and neither disposed nor archived by e.
-- Method: with timestamps after as_of ignored (they are data errors, counted in data_quality),
-- each condition holds for a contiguous run of months, so each complaint gives a start month and
-- an end month per condition; overdue starts in the first month whose stock date reaches
-- calendar.completion_late_from of disposed_date, unanswered in the first month whose stock date
-- reaches its response_late_from. Starts add 1, the months after the ends subtract 1, and a
-- running sum over the months gives the counts.
--
-- Columns:
--   regency_id               INTEGER  helper: regencies.regency_id
--   agency_id                INTEGER  helper: agency_names.agency_id; NULL on the regency's undisposed rows
--   month                    DATE     the month (first day)
--   open_end                 BIGINT   open at the month's stock instant
--   overdue_end              BIGINT   of those, overdue
--   unanswered_overdue_end   BIGINT   of those, unanswered past R working days (complaints with a first-response column)
--   open_end_undetermined    BIGINT   complaints of the agency whose state at the instant the snapshots cannot tell
--   response_known           BOOLEAN  a complaint with a first-response column was disposed to the agency by this month
--   undisposed_end           BIGINT   (regency rows) submitted and neither disposed nor archived at the instant
CREATE OR REPLACE TEMP TABLE stock AS
WITH p AS (
    SELECT *, utc_offset_seconds::BIGINT * 1000000 AS off_us FROM build_info
),
months AS (
    SELECT end_month AS month FROM periods WHERE period_type = 'month'
),
spans AS (
    SELECT
        f.regency_id,
        f.agency_id,
        f.has_first_response,
        date_trunc('month', f.disposed_date)::DATE AS open_from,
        CASE WHEN least(CASE WHEN f.closed_hi IS NOT NULL AND f.closed_lo <= p.as_of THEN local_date(f.closed_lo, p.off_us) END,
                        CASE WHEN f.archived_hi IS NOT NULL AND f.archived_lo <= p.as_of THEN local_date(f.archived_lo, p.off_us) END) IS NULL THEN p.as_of_month
             ELSE (date_trunc('month', least(CASE WHEN f.closed_hi IS NOT NULL AND f.closed_lo <= p.as_of THEN local_date(f.closed_lo, p.off_us) END,
                                             CASE WHEN f.archived_hi IS NOT NULL AND f.archived_lo <= p.as_of THEN local_date(f.archived_lo, p.off_us) END))
                   - INTERVAL 1 MONTH)::DATE
        END AS open_to,
        f.completion_late_from AS overdue_date,
        f.response_late_from AS unanswered_date,
        CASE WHEN f.timing = 'exact' THEN
                 CASE WHEN f.first_response_at <= p.as_of THEN (date_trunc('month', f.response_date) - INTERVAL 1 MONTH)::DATE END
             ELSE (date_trunc('month', local_date(f.response_lo, p.off_us)) - INTERVAL 1 MONTH)::DATE
        END AS unanswered_to,
        -- undetermined: before the certain disposition, and while closing (archiving) is uncertain
        CASE WHEN f.timing = 'snapshot' THEN date_trunc('month', local_date(f.disposed_lo, p.off_us))::DATE END AS und1_from,
        (date_trunc('month', f.disposed_date) - INTERVAL 1 MONTH)::DATE AS und1_to,
        CASE WHEN f.timing = 'snapshot' THEN
            greatest(date_trunc('month', local_date(least(CASE WHEN f.closed_hi IS NOT NULL THEN f.closed_lo END,
                                                          CASE WHEN f.archived_hi IS NOT NULL THEN f.archived_lo END), p.off_us)),
                     date_trunc('month', f.disposed_date))::DATE END AS und2_from,
        least((date_trunc('month', least(f.closed_date, f.archived_date)) - INTERVAL 1 MONTH)::DATE, p.as_of_month) AS und2_to,
        f.disposed_hi <= p.as_of AS disposed_ok,
        p.as_of_month,
        p.as_of_date
    FROM complaint_facts AS f
    CROSS JOIN p
    -- Bukan Wewenang: the SKPD says it is not its matter; the regency admin must dispose it anew.
    -- It is not the SKPD's backlog (queries/README.md, decision 23).
    WHERE f.in_cohort AND f.disposed_lo <= p.as_of AND f.status <> 'not_authority'
),
runs AS (
    SELECT
        regency_id,
        agency_id,
        has_first_response,
        open_from,
        open_to,
        -- The first month whose stock date (its last day, or as_of's date) reaches the date.
        -- (Both dates are after disposed_date, so these months are never before open_from.)
        CASE WHEN date_trunc('month', overdue_date) < as_of_month OR overdue_date <= as_of_date
             THEN date_trunc('month', overdue_date)::DATE END AS overdue_from,
        CASE WHEN has_first_response AND (date_trunc('month', unanswered_date) < as_of_month OR unanswered_date <= as_of_date)
             THEN date_trunc('month', unanswered_date)::DATE END AS unanswered_from,
        least(open_to, unanswered_to) AS unanswered_to,
        und1_from, und1_to, und2_from, und2_to,
        open_from <= as_of_month AND disposed_ok AS certainly_disposed
    FROM spans
),
-- Each run gives a +1 in its first month and a -1 in the month after its last: one row per
-- complaint and kind (a cross join, so that runs is read once).
events AS (
    SELECT
        r.regency_id,
        r.agency_id,
        CASE k.kind WHEN 1 THEN r.open_from WHEN 2 THEN (r.open_to + INTERVAL 1 MONTH)::DATE
                    WHEN 3 THEN r.overdue_from WHEN 4 THEN (r.open_to + INTERVAL 1 MONTH)::DATE
                    WHEN 5 THEN r.unanswered_from WHEN 6 THEN (r.unanswered_to + INTERVAL 1 MONTH)::DATE
                    WHEN 7 THEN r.und1_from WHEN 8 THEN (r.und1_to + INTERVAL 1 MONTH)::DATE
                    WHEN 9 THEN r.und2_from ELSE (r.und2_to + INTERVAL 1 MONTH)::DATE END AS month,
        sum(CASE k.kind WHEN 1 THEN 1 WHEN 2 THEN -1 ELSE 0 END) AS d_open,
        sum(CASE k.kind WHEN 3 THEN 1 WHEN 4 THEN -1 ELSE 0 END) AS d_overdue,
        sum(CASE k.kind WHEN 5 THEN 1 WHEN 6 THEN -1 ELSE 0 END) AS d_unanswered,
        sum(CASE k.kind WHEN 7 THEN 1 WHEN 8 THEN -1 WHEN 9 THEN 1 WHEN 10 THEN -1 ELSE 0 END) AS d_undetermined
    FROM runs AS r
    CROSS JOIN (VALUES (1), (2), (3), (4), (5), (6), (7), (8), (9), (10)) AS k(kind)
    WHERE CASE WHEN k.kind <= 2 THEN r.certainly_disposed AND r.open_from <= r.open_to
               WHEN k.kind <= 4 THEN r.certainly_disposed AND r.overdue_from <= r.open_to
               WHEN k.kind <= 6 THEN r.certainly_disposed AND r.unanswered_from <= r.unanswered_to
               WHEN k.kind <= 8 THEN r.und1_from <= r.und1_to
               ELSE r.und2_from <= r.und2_to END
    GROUP BY ALL
),
known AS (
    -- response_known: from the month of the agency's first disposition with a first-response column.
    SELECT regency_id, agency_id, min(date_trunc('month', disposed_date))::DATE AS since
    FROM complaint_facts
    WHERE in_cohort AND has_first_response
    GROUP BY ALL
),
agency_grid AS (
    SELECT a.regency_id, a.agency_id, m.month
    FROM (SELECT DISTINCT regency_id, agency_id FROM complaint_facts WHERE in_cohort) AS a
    CROSS JOIN months AS m
),
agency_stock AS (
    SELECT
        g.regency_id,
        g.agency_id,
        g.month,
        sum(coalesce(d.d_open, 0)) OVER w AS open_end,
        sum(coalesce(d.d_overdue, 0)) OVER w AS overdue_end,
        sum(coalesce(d.d_unanswered, 0)) OVER w AS unanswered_overdue_end,
        sum(coalesce(d.d_undetermined, 0)) OVER w AS open_end_undetermined,
        coalesce(kn.since <= g.month, false) AS response_known
    FROM agency_grid AS g
    LEFT JOIN events AS d USING (regency_id, agency_id, month)
    LEFT JOIN known AS kn USING (regency_id, agency_id)
    WINDOW w AS (PARTITION BY g.regency_id, g.agency_id ORDER BY g.month ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)
),
undisposed_runs AS (
    SELECT
        f.regency_id,
        f.submitted_month AS run_from,
        CASE WHEN least(CASE WHEN f.disposed_hi IS NOT NULL AND f.disposed_lo <= p.as_of THEN local_date(f.disposed_lo, p.off_us) END,
                        CASE WHEN f.archived_hi IS NOT NULL AND f.archived_lo <= p.as_of THEN local_date(f.archived_lo, p.off_us) END) IS NULL THEN p.as_of_month
             ELSE (date_trunc('month', least(CASE WHEN f.disposed_hi IS NOT NULL AND f.disposed_lo <= p.as_of THEN local_date(f.disposed_lo, p.off_us) END,
                                             CASE WHEN f.archived_hi IS NOT NULL AND f.archived_lo <= p.as_of THEN local_date(f.archived_lo, p.off_us) END))
                   - INTERVAL 1 MONTH)::DATE
        END AS run_to
    FROM complaint_facts AS f
    CROSS JOIN p
    WHERE f.submitted_at <= p.as_of
),
undisposed_deltas AS (
    SELECT
        u.regency_id,
        CASE k.kind WHEN 1 THEN u.run_from ELSE (u.run_to + INTERVAL 1 MONTH)::DATE END AS month,
        sum(CASE k.kind WHEN 1 THEN 1 ELSE -1 END) AS d
    FROM undisposed_runs AS u
    CROSS JOIN (VALUES (1), (2)) AS k(kind)
    WHERE u.run_from <= u.run_to
    GROUP BY ALL
),
regency_undisposed AS (
    SELECT
        r.regency_id,
        m.month,
        sum(coalesce(d.d, 0)) OVER (PARTITION BY r.regency_id ORDER BY m.month ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS undisposed_end
    FROM regencies AS r
    CROSS JOIN months AS m
    LEFT JOIN undisposed_deltas AS d ON d.regency_id = r.regency_id AND d.month = m.month
)
SELECT regency_id, agency_id, month, open_end::BIGINT AS open_end, overdue_end::BIGINT AS overdue_end,
       unanswered_overdue_end::BIGINT AS unanswered_overdue_end, open_end_undetermined::BIGINT AS open_end_undetermined,
       response_known, NULL::BIGINT AS undisposed_end
FROM agency_stock
UNION ALL
SELECT regency_id, NULL, month, NULL, NULL, NULL, NULL, NULL, undisposed_end::BIGINT
FROM regency_undisposed
