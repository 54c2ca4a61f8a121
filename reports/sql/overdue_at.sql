-- The complaints of one regency open at the instant $2 (a past month's stock_at) that were past a
-- service level then, rebuilt from the build's per-complaint history (complaint_facts), with the
-- definitions of the stock (transform/models/050_stock.sql) at that instant: certainly disposed
-- (disposed_hi <= $2), certainly neither closed nor archived by then (closed_lo, archived_lo
-- after $2), and overdue (completion_late_from reached by $2's local date) or unanswered past R
-- working days (response_late_from reached, and certainly no follow-up by $2). The same rows and
-- columns as overdue.sql, with ages taken at $2's local date.
-- $1 regency, $2 instant (TIMESTAMPTZ), $3 the build's time zone.
WITH b AS (
    SELECT response_working_days AS r, completion_days AS c, completion_unit AS unit,
           timezone($3, $2::TIMESTAMPTZ)::DATE AS d
    FROM build_info
),
f AS (
    SELECT f.agency, f.tracking_id, f.disposed_hi AS disposed_at,
           f.completion_late_from <= b.d AS overdue,
           f.has_first_response AND f.response_late_from <= b.d
               AND CASE WHEN f.timing = 'exact' THEN f.first_response_at IS NULL OR f.first_response_at > $2::TIMESTAMPTZ
                        ELSE f.response_lo IS NULL OR f.response_lo > $2::TIMESTAMPTZ END AS unanswered_overdue,
           (b.d - f.disposed_date) AS open_days,
           (ce.wd_index - f.disposed_wd_index) AS open_wd
    FROM complaint_facts AS f
    CROSS JOIN b
    JOIN calendar AS ce ON ce.date = b.d
    WHERE f.regency = $1 AND f.in_cohort AND f.status <> 'not_authority' AND f.disposed_hi <= $2::TIMESTAMPTZ
      AND (f.closed_hi IS NULL OR f.closed_lo > $2::TIMESTAMPTZ)
      AND (f.archived_hi IS NULL OR f.archived_lo > $2::TIMESTAMPTZ)
)
SELECT f.agency, f.tracking_id, coalesce(c.category, '') AS category,
       CASE WHEN coalesce(c.confidential, false) THEN '' ELSE coalesce(c.title, '') END AS title,
       coalesce(c.confidential, false) AS confidential,
       epoch_us(f.disposed_at) AS disposed_us, f.open_days::BIGINT AS age_days, f.open_wd::BIGINT AS age_wd,
       CASE WHEN f.overdue THEN (CASE WHEN b.unit = 'working' THEN f.open_wd ELSE f.open_days END) - b.c END::BIGINT AS over_c,
       CASE WHEN f.unanswered_overdue THEN f.open_wd - b.r END::BIGINT AS over_r
FROM f
CROSS JOIN b
LEFT JOIN complaint_texts AS c ON c.regency = $1 AND c.tracking_id = f.tracking_id
WHERE f.overdue OR f.unanswered_overdue
ORDER BY f.agency, f.open_days DESC, f.tracking_id
