-- name: expired
-- title: Diarsipkan karena kedaluwarsa / Archived as expired
-- description: The complaints LAPOR! archived because they reached their expiry (Alasan Tunda/
--   Arsip "... batas kadaluarsa pengaduan"): nobody handled them in time. By SKPD (those never
--   disposed count against the regency admin: agency empty), newest first, submitted from `from`
--   to `to` (local months, inclusive). Tracking ids and categories only, never the reporter.
-- param: from date  first month (YYYY-MM)
-- param: to date    last month (YYYY-MM)
SELECT
    coalesce(f.agency, '(belum didisposisikan / not disposed)') AS agency,
    f.tracking_id,
    f.category,
    f.area,
    f.submitted_date                   AS submitted_on,
    f.archived_hi::DATE                AS archived_by,
    f.status_by                        AS archived_by_whom
FROM complaint_facts AS f
WHERE f.archived_expired
  AND f.submitted_month BETWEEN date_trunc('month', $from::DATE) AND date_trunc('month', $to::DATE)
ORDER BY f.agency NULLS FIRST, f.archived_hi DESC NULLS LAST, f.tracking_id
