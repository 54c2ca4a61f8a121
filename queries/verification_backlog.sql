-- name: verification-backlog
-- title: Antrean verifikasi admin kabupaten / The regency admin's verification backlog
-- description: Complaints submitted but not yet verified and disposed to an SKPD at the data
--   cut-off (as_of), nor archived: the regency LAPOR! admin's queue. Working days waiting are
--   counted as the spec's wd(submitted_at, as_of); past_v is more than V of them.
SELECT
    f.regency,
    f.tracking_id,
    f.status,
    c.category,
    f.submitted_date                          AS submitted_on,
    f.as_of_wd_index - f.submitted_wd_index   AS working_days_waiting,
    f.as_of_wd_index - f.submitted_wd_index > b.verification_working_days AS past_v
FROM complaint_facts AS f
JOIN complaints AS c USING (regency, tracking_id)
CROSS JOIN build_info AS b
WHERE f.disposed_at IS NULL
  AND f.status NOT IN ('archived', 'not_authority', 'closed')
ORDER BY f.submitted_at, f.tracking_id
