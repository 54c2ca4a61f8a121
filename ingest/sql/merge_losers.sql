-- The new file's rows that are older than the complaint's current version from an earlier run
-- stay history. (A tie goes to the new row: it was ingested later.) $1 = run_id.
UPDATE complaint_versions AS n
SET is_current = false
FROM complaint_versions AS o
WHERE n.run_id = $1 AND n.is_current
  AND o.run_id < $1 AND o.is_current
  AND o.regency = n.regency AND o.tracking_id = n.tracking_id
  AND o.version_at > n.version_at
