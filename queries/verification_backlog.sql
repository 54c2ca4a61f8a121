-- name: verification-backlog
-- title: Antrean verifikasi admin kabupaten / The regency admin's verification backlog
-- description: Complaints submitted but not yet verified and disposed to an SKPD at the data
--   cut-off (as_of), nor archived or closed: the regency LAPOR! admin's queue, oldest first.
--   Working days waiting are the spec's wd(submitted_at, as_of); past_v is more than V of them.
SELECT
    c.regency,
    c.tracking_id,
    c.status,
    c.category,
    c.submitted_at::DATE                     AS submitted_on,
    ca.wd_index - cs.wd_index                AS working_days_waiting,
    ca.wd_index - cs.wd_index > b.verification_working_days AS past_v
FROM complaints AS c
CROSS JOIN build_info AS b
JOIN calendar AS cs ON cs.date = c.submitted_at::DATE
JOIN calendar AS ca ON ca.date = b.as_of_date
WHERE c.disposed_at IS NULL
  AND c.status NOT IN ('archived', 'not_authority', 'closed')
  AND c.submitted_at <= b.as_of
ORDER BY c.submitted_at, c.tracking_id
