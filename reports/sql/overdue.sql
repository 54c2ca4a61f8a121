-- The accountability list of one regency: its complaints open at as_of (open_complaints) that are
-- past a service level, more than C (C's unit) since disposition or unanswered more than R working
-- days after it. For as_of's month the counts are regency_month's overdue_end and
-- unanswered_overdue_end. One row per complaint, in no order: the reports read it as the CTE
-- "list" of overdue_rows.sql, overdue_sample.sql and overdue_agencies.sql, which order and count it.
-- Columns: agency (at the parent level its parent unit, agency_parents), unit (at the parent level
-- the agency when it is not the parent itself, else ''), tracking_id, category, title ('' when
-- confidential), confidential, disposed_us (epoch microseconds), age_days, age_wd, over_c (days
-- past C in C's unit when overdue, else NULL), over_r (working days past R when unanswered past R,
-- else NULL).
-- $regency, $parent (true: at the parent level).
WITH b AS (
    SELECT response_working_days AS r, completion_days AS c, completion_unit AS unit FROM build_info
)
SELECT CASE WHEN $parent THEN coalesce(p.parent, o.agency) ELSE o.agency END AS agency,
       CASE WHEN $parent AND coalesce(p.parent, o.agency) <> o.agency THEN o.agency ELSE '' END AS unit,
       o.tracking_id, coalesce(c.category, '') AS category,
       CASE WHEN coalesce(c.confidential, false) THEN '' ELSE coalesce(c.title, '') END AS title,
       coalesce(c.confidential, false) AS confidential,
       epoch_us(o.disposed_at) AS disposed_us, o.open_days::BIGINT AS age_days, o.open_wd::BIGINT AS age_wd,
       CASE WHEN o.overdue THEN (CASE WHEN b.unit = 'working' THEN o.open_wd ELSE o.open_days END) - b.c END::BIGINT AS over_c,
       CASE WHEN o.unanswered_overdue THEN o.open_wd - b.r END::BIGINT AS over_r
FROM open_complaints AS o
CROSS JOIN b
LEFT JOIN complaint_texts AS c ON c.regency = o.regency AND c.tracking_id = o.tracking_id
LEFT JOIN agency_parents AS p ON p.regency = o.regency AND p.agency = o.agency
WHERE o.regency = $regency AND (o.overdue OR coalesce(o.unanswered_overdue, false))
