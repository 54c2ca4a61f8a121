-- agency_stock (intermediate, dropped after the build): each agency's open complaints at the end
-- of each month.
--
-- Grain: one row per (regency, agency, month) where the agency had at least one open complaint
-- at the month's stock instant (periods.stock_at of the month: its last local instant, or as_of
-- for as_of's month). A complaint is open at instant e when disposed_at <= e, closed_at is NULL
-- or > e, and archived_at is NULL or > e. Each complaint is expanded over the months from its
-- disposition month to the month it closed or was archived (or as_of's month), then the exact
-- condition is applied at each month's instant.
--
-- Columns:
--   regency                  VARCHAR  regency
--   agency                   VARCHAR  agency shown
--   month                    DATE     the month (first day)
--   open_end                 BIGINT   open at the instant
--   overdue_end              BIGINT   open and more than C (C's unit) from disposed_at to the instant's date
--   unanswered_overdue_end   BIGINT   open, from an export with a first-response column, no first
--                                     response by the instant, and wd(disposed_at, instant) > R
CREATE OR REPLACE TEMP TABLE agency_stock AS
WITH p AS (
    SELECT * FROM build_info
),
expanded AS (
    SELECT
        f.regency, f.agency, f.disposed_at, f.disposed_date, f.disposed_wd_index, f.closed_at,
        f.archived_at, f.first_response_at, f.has_first_response,
        unnest(generate_series(
            f.disposed_month,
            least(coalesce(date_trunc('month', f.closed_at)::DATE, p.as_of_month),
                  coalesce(date_trunc('month', f.archived_at)::DATE, p.as_of_month),
                  p.as_of_month),
            INTERVAL 1 MONTH))::DATE AS month
    FROM complaint_facts AS f, p
    WHERE f.in_cohort AND f.disposed_month <= p.as_of_month
),
months AS (
    SELECT end_month AS month, stock_at, stock_date, stock_wd_index
    FROM periods
    WHERE period_type = 'month'
)
SELECT
    e.regency,
    e.agency,
    e.month,
    count(*) AS open_end,
    count(*) FILTER (WHERE
        CASE WHEN p.completion_unit = 'working' THEN m.stock_wd_index - e.disposed_wd_index
             ELSE m.stock_date - e.disposed_date END > p.completion_days) AS overdue_end,
    count(*) FILTER (WHERE e.has_first_response
        AND (e.first_response_at IS NULL OR e.first_response_at > m.stock_at)
        AND m.stock_wd_index - e.disposed_wd_index > p.response_working_days) AS unanswered_overdue_end
FROM expanded AS e
JOIN months AS m USING (month)
CROSS JOIN p
WHERE e.disposed_at <= m.stock_at
  AND (e.closed_at IS NULL OR e.closed_at > m.stock_at)
  AND (e.archived_at IS NULL OR e.archived_at > m.stock_at)
GROUP BY ALL
