-- regency_stock (intermediate, dropped after the build): each regency's stock at the end of
-- each month.
--
-- Grain: one row per (regency, month) with any open or undisposed complaint at the month's stock
-- instant (periods.stock_at). open_end, overdue_end and unanswered_overdue_end are the totals of
-- agency_stock over all agencies (each disposed complaint has one agency). undisposed_end counts
-- complaints submitted by the instant and neither disposed nor archived by then.
--
-- Columns:
--   regency                  VARCHAR  regency
--   month                    DATE     the month (first day)
--   open_end                 BIGINT   open complaints of all agencies
--   overdue_end              BIGINT   of those, overdue
--   unanswered_overdue_end   BIGINT   of those, unanswered past R working days
--   undisposed_end           BIGINT   submitted by the instant, not disposed nor archived by then
CREATE OR REPLACE TEMP TABLE regency_stock AS
WITH p AS (
    SELECT * FROM build_info
),
months AS (
    SELECT end_month AS month, stock_at FROM periods WHERE period_type = 'month'
),
expanded AS (
    SELECT
        f.regency, f.submitted_at, f.disposed_at, f.archived_at,
        unnest(generate_series(
            f.submitted_month,
            least(coalesce(date_trunc('month', f.disposed_at)::DATE, p.as_of_month),
                  coalesce(date_trunc('month', f.archived_at)::DATE, p.as_of_month),
                  p.as_of_month),
            INTERVAL 1 MONTH))::DATE AS month
    FROM complaint_facts AS f, p
    WHERE f.submitted_month <= p.as_of_month
),
undisposed AS (
    SELECT e.regency, e.month, count(*) AS undisposed_end
    FROM expanded AS e
    JOIN months AS m USING (month)
    WHERE e.submitted_at <= m.stock_at
      AND (e.disposed_at IS NULL OR e.disposed_at > m.stock_at)
      AND (e.archived_at IS NULL OR e.archived_at > m.stock_at)
    GROUP BY ALL
),
open_totals AS (
    SELECT regency, month, sum(open_end)::BIGINT AS open_end, sum(overdue_end)::BIGINT AS overdue_end,
           sum(unanswered_overdue_end)::BIGINT AS unanswered_overdue_end
    FROM agency_stock
    GROUP BY ALL
)
SELECT
    regency,
    month,
    coalesce(o.open_end, 0) AS open_end,
    coalesce(o.overdue_end, 0) AS overdue_end,
    coalesce(o.unanswered_overdue_end, 0) AS unanswered_overdue_end,
    coalesce(u.undisposed_end, 0) AS undisposed_end
FROM open_totals AS o
FULL JOIN undisposed AS u USING (regency, month)
