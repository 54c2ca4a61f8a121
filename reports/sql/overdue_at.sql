-- The accountability list of one regency at the instant $at (a past month's stock_at): its
-- complaints open then that were past a service level then, rebuilt from the build's
-- per-complaint history (complaint_facts), with the definitions of the stock
-- (transform/models/050_stock.sql) at that instant: certainly disposed (disposed_hi <= $at),
-- certainly neither closed nor archived by then (closed_lo, archived_lo after $at), and overdue
-- (completion_late_from reached by $at's local date) or unanswered past R working days
-- (response_late_from reached, and certainly no follow-up by $at). The same rows and columns as
-- overdue.sql (read as the CTE "list" the same way), with ages taken at $at's local date.
-- $regency, $parent (true: at the parent level), $at (TIMESTAMPTZ), $tz (the build's time zone).
WITH b AS (
    SELECT response_working_days AS r, completion_days AS c, completion_unit AS unit,
           timezone($tz, $at::TIMESTAMPTZ)::DATE AS d
    FROM build_info
),
f AS (
    SELECT f.agency, f.tracking_id, f.disposed_hi AS disposed_at,
           f.completion_late_from <= b.d AS overdue,
           f.has_first_response AND f.response_late_from <= b.d
               AND CASE WHEN f.timing = 'exact' THEN f.first_response_at IS NULL OR f.first_response_at > $at::TIMESTAMPTZ
                        ELSE f.response_lo IS NULL OR f.response_lo > $at::TIMESTAMPTZ END AS unanswered_overdue,
           (b.d - f.disposed_date) AS open_days,
           (ce.wd_index - f.disposed_wd_index) AS open_wd
    FROM complaint_facts AS f
    CROSS JOIN b
    JOIN calendar AS ce ON ce.date = b.d
    WHERE f.regency = $regency AND f.in_cohort AND f.status <> 'not_authority' AND f.disposed_hi <= $at::TIMESTAMPTZ
      AND (f.closed_hi IS NULL OR f.closed_lo > $at::TIMESTAMPTZ)
      AND (f.archived_hi IS NULL OR f.archived_lo > $at::TIMESTAMPTZ)
)
SELECT CASE WHEN $parent THEN coalesce(p.parent, f.agency) ELSE f.agency END AS agency,
       CASE WHEN $parent AND coalesce(p.parent, f.agency) <> f.agency THEN f.agency ELSE '' END AS unit,
       f.tracking_id, coalesce(c.category, '') AS category,
       CASE WHEN coalesce(c.confidential, false) THEN '' ELSE coalesce(c.title, '') END AS title,
       coalesce(c.confidential, false) AS confidential,
       epoch_us(f.disposed_at) AS disposed_us, f.open_days::BIGINT AS age_days, f.open_wd::BIGINT AS age_wd,
       CASE WHEN f.overdue THEN (CASE WHEN b.unit = 'working' THEN f.open_wd ELSE f.open_days END) - b.c END::BIGINT AS over_c,
       CASE WHEN f.unanswered_overdue THEN f.open_wd - b.r END::BIGINT AS over_r
FROM f
CROSS JOIN b
LEFT JOIN complaint_texts AS c ON c.regency = $regency AND c.tracking_id = f.tracking_id
LEFT JOIN agency_parents AS p ON p.regency = $regency AND p.agency = f.agency
WHERE f.overdue OR f.unanswered_overdue
