-- name: repeats
-- title: Pengaduan berulang / Repeat complaints
-- description: Complaints of the months from `from` to `to` (cohort months, inclusive) that repeat
--   an earlier complaint closed at most repeats.window_days before: the same reporter to the same
--   SKPD, or the same kecamatan, category and a similar title (table repeats). Per complaint: its
--   tracking id, its SKPD, the earlier complaint and the SKPD that closed it, how many days after
--   that closure it came, and how it matched. Never the reporter: matches by reporter say only
--   "reporter".
-- param: from date  first month (YYYY-MM)
-- param: to date    last month (YYYY-MM)
SELECT
    r.regency,
    r.agency,
    strftime(r.cohort_month, '%Y-%m') AS month,
    r.tracking_id,
    r.category,
    r.area,
    r.repeat_of,
    r.repeat_of_agency,
    r.repeat_of_closed_at::DATE AS repeat_of_closed_on,
    r.days_after_closure,
    r.matched_by,
    round(r.title_similarity, 3) AS title_similarity
FROM repeats AS r
WHERE r.cohort_month BETWEEN date_trunc('month', $from::DATE) AND date_trunc('month', $to::DATE)
ORDER BY r.regency, r.agency, r.cohort_month, r.tracking_id
