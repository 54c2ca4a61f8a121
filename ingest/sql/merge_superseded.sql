-- Earlier current versions that the new file's current rows supersede. $1 = run_id.
UPDATE complaint_versions AS o
SET is_current = false
FROM complaint_versions AS n
WHERE n.run_id = $1 AND n.is_current
  AND o.run_id < $1 AND o.is_current
  AND o.regency = n.regency AND o.tracking_id = n.tracking_id
  AND n.version_at >= o.version_at
